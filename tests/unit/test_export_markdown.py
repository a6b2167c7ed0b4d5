"""The Markdown reads the same in Python-Markdown (behind MkDocs) and in CommonMark.

Both renderers are run on the exported file and their text compared: what a user typed
shows exactly as typed in both (no backslash left showing, no markup obeyed), line
breaks inside an entry are kept, and so is a blank line between two paragraphs of one
entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from markdown_it import MarkdownIt

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export.markdown import render_markdown
from facilitator.store.db import EventStore
from unit.harvest_sample import FORMULA, IMG, QUOTE_WITH_COMMAS, SCRIPT, live_texts, rich_event

TWO_PARAGRAPHS = "First we listened.\n\nThen we decided: *nothing* | yet ~~maybe~~ {: .x}"
TWO_PARAGRAPH_QUOTE = "“One thing.\n\nAnd another.”"
AWKWARD = (
    "1) numbered like a list",
    "===",
    "#hashtag at the start",
    "back\\slash and `ticks` and [link](http://x) & &amp; &#169;",
    "-",
    "    four spaces first",
)


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    path = rich_event(tmp_path_factory.mktemp("md"))
    with EventStore.open(path) as store:
        table = store.tables()[0].id
        round_id = store.rounds()[1].id
        store.add_theme(TWO_PARAGRAPHS, table_id=table, round_id=round_id)
        store.add_theme(TWO_PARAGRAPH_QUOTE, table_id=table, round_id=round_id, kind="quote")
        for text in AWKWARD:
            store.add_theme(text, table_id=table, round_id=round_id)
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


class _Text(HTMLParser):
    """The text a reader sees, one line per block; and each block's own HTML tag."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "td", "th", "blockquote", "br", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _seen(html: str) -> tuple[list[str], list[str]]:
    parser = _Text()
    parser.feed(html)
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return [line for line in lines if line], parser.tags


def _python_markdown(md: str) -> str:
    return markdown.markdown(md, extensions=["tables"])


def _commonmark(md: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(md)


def test_python_markdown_and_commonmark_show_the_same_text(harvest: Harvest) -> None:
    md = render_markdown(harvest)
    pm_lines, pm_tags = _seen(_python_markdown(md))
    cm_lines, cm_tags = _seen(_commonmark(md))
    assert pm_lines == cm_lines
    # the same structure, too: no typed line became a heading, a list or a code block
    structure = {"h1", "h2", "h3", "ul", "ol", "pre", "code", "hr", "table", "blockquote"}
    assert [t for t in pm_tags if t in structure] == [t for t in cm_tags if t in structure]
    assert "pre" not in pm_tags and "ol" not in pm_tags and "hr" not in pm_tags
    assert pm_tags.count("h1") == 1, "a typed line became a heading"


RENDERERS = pytest.mark.parametrize(
    "render", [_python_markdown, _commonmark], ids=["python-markdown", "commonmark"]
)


@RENDERERS
def test_typed_text_shows_exactly_as_typed(harvest: Harvest, render: Callable[[str], str]) -> None:
    html = render(render_markdown(harvest))
    lines, tags = _seen(html)
    seen = "\n".join(lines)
    assert not {"script", "img", "a"} & set(tags), "typed markup was obeyed"
    for typed in (FORMULA, SCRIPT, IMG, "+1 to what table 2 said", *AWKWARD):
        assert any(typed.strip() in line for line in lines), typed
    for line in QUOTE_WITH_COMMAS.split("\n"):
        assert line in seen, line
    # an escape or an entity never shows (only where it was typed)
    typed_with_marks = [t for t in live_texts() + list(AWKWARD) if "\\" in t or "&" in t]
    for line in lines:
        if not any(t in line for t in typed_with_marks):
            assert "\\" not in line and "&#" not in line and "&amp;" not in line, line


@RENDERERS
def test_a_blank_line_inside_an_entry_is_kept(
    harvest: Harvest, render: Callable[[str], str]
) -> None:
    html = render(render_markdown(harvest))
    lines, _ = _seen(html)
    first = lines.index("First we listened.")
    assert lines[first + 1] == "Then we decided: *nothing* | yet ~~maybe~~ {: .x}"
    # two paragraphs of one list item
    item = re.search(r"<li>(?:(?!</li>).)*First we listened(?:(?!</li>).)*</li>", html, re.S)
    assert item and item.group(0).count("<p>") == 2, item and item.group(0)
    # in its round (the summary's headline quotes are cut to one line)
    quotes = re.findall(
        r"<blockquote>(?:(?!</blockquote>).)*One thing\.(?:(?!</blockquote>).)*", html, re.S
    )
    assert any("And another." in q and q.count("<p>") >= 2 for q in quotes), quotes


def test_the_markdown_file_has_no_backslash_line_breaks(harvest: Harvest, tmp_path: Path) -> None:
    md = render_markdown(harvest)
    assert not re.search(r"\\\n", md), "a backslash line break shows literally in Python-Markdown"

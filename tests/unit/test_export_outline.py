"""One outline of the report: the md, html and pdf give the same headings in the same order.

The outline (``export/report.py``) is built once from the harvest and every report writer
renders it, so a section's order or a heading's text cannot differ between them. Read
back as a reader would: the Markdown's ``#`` lines, the html's h1-h3, and the pdf's text
as pdftotext gives it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import UTC
from pathlib import Path

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import report, write
from facilitator.export.html import render_html
from facilitator.export.markdown import render_markdown
from facilitator.export.sections.room_questions import RoomQuestions
from facilitator.export.sections.survey import SurveySection
from facilitator.export.sections.votes import RoomVotes
from facilitator.export.summary import Summary
from facilitator.store.db import EventStore
from unit.harvest_sample import big_event, rich_event
from unit.pdf_text import pdftotext


def _harvest(path: Path) -> Harvest:
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module", params=["rich", "big"])
def harvest(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "rich":
        return _harvest(rich_event(folder))
    return _harvest(big_event(folder, 120, tables=6))  # most-tagged cards, several pages


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def md_headings(md: str) -> list[str]:
    lines = [m.group(1) for m in re.finditer(r"^#{1,3} (.*)$", md, re.MULTILINE)]
    return [_normal(html.unescape(re.sub(r"\\(.)", r"\1", line))) for line in lines]


def html_headings(page: str) -> list[str]:
    found = re.findall(r"<h([1-3])\b[^>]*>(.*?)</h\1>", page, re.DOTALL)
    return [_normal(html.unescape(re.sub(r"<[^>]+>", "", inner))) for _, inner in found]


def outline_headings(harvest: Harvest) -> list[str]:
    out: list[str] = []
    for block in report.outline(harvest):
        match block:
            case report.MostTagged():
                out.append(block.title)
                out += [f"{card.title} · {card.detail}" for card in block.cards]
            case report.RoundPart():
                out += [block.title, *(part.title for part in block.parts)]
            case Summary():
                out += [block.title, *block.headings]
            case RoomVotes():
                out += [block.title, *(vote.question for vote in block.votes)]
            case RoomQuestions():
                out.append(block.title)
            case SurveySection():
                out += [block.title, *(result.question for result in block.results)]
            case _:
                out.append(block.title)
    return [_normal(h) for h in out]


def test_markdown_and_html_give_the_outlines_headings_in_its_order(harvest: Harvest) -> None:
    expected = outline_headings(harvest)
    assert len(expected) > 5
    assert md_headings(render_markdown(harvest)) == expected
    assert html_headings(render_html(harvest)) == expected


def test_the_pdf_gives_the_same_headings_in_the_same_order(
    harvest: Harvest, tmp_path: Path
) -> None:
    text = pdftotext(write(harvest, "pdf", tmp_path / "harvest.pdf"))
    text = unicodedata.normalize("NFKC", re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text))
    at = 0
    for heading in md_headings(render_markdown(harvest)):
        # a heading is a line of its own (wrapped if long); a card's starts with its chip
        words = r"\s+".join(re.escape(w) for w in heading.split())
        found = re.compile(rf"(?:^|\n)[^\w\n]{{0,2}}\s*{words}[ \t]*(?:\n|$)").search(text, at)
        assert found is not None, f"{heading!r} is missing from the pdf, or out of order"
        at = found.end() - 1

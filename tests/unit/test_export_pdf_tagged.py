"""The PDF an organiser may publish: tagged, with its language and title, and a bookmark
per round. Checked with poppler: ``pdfinfo`` (Tagged, Title, the structure tree with
``-struct-text``) and ``pdftohtml -xml`` (the outline, with each bookmark's page).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import report, write
from facilitator.store.db import EventStore
from unit.harvest_sample import QUOTE_WITH_COMMAS, rich_event

pytestmark = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftohtml") is None,
    reason="poppler's pdfinfo and pdftohtml are not installed (apt-get install poppler-utils)",
)


def _run(*args: str) -> str:
    return subprocess.run(
        list(args), capture_output=True, text=True, encoding="utf-8", check=True, timeout=120
    ).stdout


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    path = rich_event(tmp_path_factory.mktemp("tagged"))
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def pdf(harvest: Harvest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(harvest, "pdf", tmp_path_factory.mktemp("pdf") / "harvest.pdf")


def test_pdfinfo_says_tagged_with_title_and_language(pdf: Path, harvest: Harvest) -> None:
    info = _run("pdfinfo", str(pdf))
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(rf"^Title:\s+Harvest: {re.escape(harvest.event.title)}$", info, re.M)
    raw = pdf.read_bytes()
    assert re.search(rb"/Lang \(en-GB\)", raw), "the document's language"
    assert re.search(rb"/DisplayDocTitle true", raw), "a reader shows the title, not the file"


def _struct(pdf: Path) -> list[tuple[int, str, str]]:
    """(depth, role, text) of each element pdfinfo -struct-text prints."""
    out = []
    for line in _run("pdfinfo", "-struct-text", str(pdf)).splitlines():
        m = re.match(r"^( *)(\w+)(?: \(block\)| \(inline\))?(?: \[.*\])?:?$", line)
        if re.match(r"^ *(/\w+ )+/?\w+$", line):
            continue  # an attribute of the element above: /Scope /Column
        if m:
            out.append((len(m.group(1)) // 2, m.group(2), ""))
        elif out and line.strip():
            depth, role, text = out[-1]
            out[-1] = (depth, role, (text + " " + line.strip().strip('"')).strip())
    return out


def test_the_structure_tree_has_headings_lists_quotes_the_agenda_table_and_the_chart(
    pdf: Path, harvest: Harvest
) -> None:
    tree = _struct(pdf)
    roles = [role for _, role, _ in tree]
    assert roles[0] == "Document", roles[:5]
    headings = [(role, text) for _, role, text in tree if role in ("H1", "H2", "H3")]
    # (pdfinfo joins an element's lines with no space between)
    assert headings[0][0] == "H1" and _squeezed(harvest.event.title) == _squeezed(headings[0][1])
    h2 = [text for role, text in headings if role == "H2"]
    for block in report.outline(harvest):
        if isinstance(block, report.RoundPart):
            assert any(block.title in t for t in h2), (block.title, h2)
    assert any("Table 1" in text for role, text in headings if role == "H3")
    for role in ("Table", "TR", "TH", "TD", "L", "LI", "BlockQuote", "Figure", "P"):
        assert role in roles, role
    assert "/Scope /Column" in _run("pdfinfo", "-struct", str(pdf)), "a TH heads its column"
    texts = _squeezed(" ".join(text for _, _, text in tree))
    assert _squeezed("Leadership is a practice, not a position") in texts
    assert _squeezed(QUOTE_WITH_COMMAS) in texts
    items = [text for _, role, text in tree if role == "LI"]
    assert any(_squeezed("Leadership is a practice") in _squeezed(t) for t in items), items


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_chart_has_alternative_text(pdf: Path) -> None:
    assert "Figure" in [role for _, role, _ in _struct(pdf)]
    alts = [
        bytes.fromhex(h.decode()).decode("utf-16")
        for h in re.findall(rb"/Alt <([0-9a-f]+)>", pdf.read_bytes())
    ]
    assert any("Bar chart of card picks: Mindset 3" in alt for alt in alts), alts


def test_a_bookmark_per_round_on_its_page(pdf: Path, harvest: Harvest) -> None:
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf))
    root = ElementTree.fromstring(xml)
    items = [(item.text or "", int(item.get("page", "0"))) for item in root.iter("item")]
    assert items, "the PDF has an outline"
    pages = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")
    titles = [b.title for b in report.outline(harvest) if isinstance(b, report.RoundPart)]
    for title in titles:
        found = [page for text, page in items if text == title]
        assert found, (title, items)
        assert title in pages[found[0] - 1], f"{title} is not on page {found[0]}"
    assert [t for t, _ in items if t in titles] == titles, "in the report's order"


def test_a_long_report_has_its_marked_content_well_formed(tmp_path: Path) -> None:
    """Over many pages, with entries and quotes split between pages and headings repeated
    "(continued)": poppler reads every page's marked content without a warning, and each
    entry is one list item, whichever pages it is on."""
    from unit.harvest_sample import big_event

    path = big_event(tmp_path, 1_200, tables=12)
    with EventStore.open(path, readonly=True) as store:
        harvest = build_harvest(store)
    pdf = write(harvest, "pdf", tmp_path / "long.pdf")
    result = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    assert result.stderr == "", result.stderr[:500]
    tree = _struct(pdf)
    roles = [role for _, role, _ in tree]
    top = [role for depth, role, _ in tree if depth == 1]
    # a table's list split by a page break is still one list
    assert not any(a == b == "L" for a, b in pairwise(top)), top
    entries = [t for t in harvest.themes if t.kind != "quote" and t.round_id]
    assert roles.count("LI") >= len(entries), (roles.count("LI"), len(entries))
    assert roles.count("BlockQuote") == sum(t.kind == "quote" for t in harvest.themes)

"""The contents page of a long PDF report: after the cover, the agenda, each round and the
charts, each with the page it starts on (the page its bookmark opens) and a link there;
tagged as a TOC after the cover's elements. A report of a few pages has none.

Read with poppler: pdftotext (the page's text), pdftohtml -xml (bookmarks and links) and
pdfinfo -struct-text (the structure tree).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import UTC
from pathlib import Path
from xml.etree import ElementTree

import pytest

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import write
from facilitator.export.pdf.contents import FEW_PAGES, SURELY_LONG
from facilitator.store.db import EventStore
from unit.harvest_sample import big_event, rich_event

pytestmark = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftohtml") is None,
    reason="poppler's pdfinfo and pdftohtml are not installed (apt-get install poppler-utils)",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), capture_output=True, text=True, encoding="utf-8", check=True, timeout=120
    )


def _harvest(path: Path) -> Harvest:
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    harvest = _harvest(big_event(folder, SURELY_LONG + 150, tables=12))
    return write(harvest, "pdf", folder / "long.pdf")


def _pages(pdf: Path) -> list[str]:
    return _run("pdftotext", "-enc", "UTF-8", str(pdf), "-").stdout.split("\f")


def _links(pdf: Path) -> list[tuple[str, int]]:
    """(text, page it goes to) of each link on the contents page, in order."""
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "2", "-l", "2", str(pdf))
    found = re.findall(r'<a href="[^"#]*#(\d+)">([^<]+)</a>', xml.stdout)
    return [(html.unescape(text), int(page)) for page, text in found]


def _contents(pdf: Path) -> list[tuple[str, int]]:
    """(title, page) of each line of the contents page: its titles are links to the page
    their numbers say."""
    lines = [line for line in _pages(pdf)[1].splitlines() if line]
    assert lines[2] == "Contents", lines[:4]  # under the page's header
    links = _links(pdf)
    numbers = [(int(t), page) for t, page in links if t.isdigit()]
    assert numbers and all(n == page for n, page in numbers), "each number links to its page"
    titles = [(t.strip(), page) for t, page in links if not t.isdigit() and t.strip(". ")]
    assert [page for _, page in titles] == [n for n, _ in numbers]
    return titles


def test_a_long_report_lists_its_sections_with_their_pages(long_pdf: Path) -> None:
    listed = _contents(long_pdf)
    root = ElementTree.fromstring(
        _run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(long_pdf)).stdout
    )
    bookmarks = [(item.text or "", int(item.get("page", "0"))) for item in root.iter("item")]
    assert listed == bookmarks, "the contents and the bookmarks agree"
    titles = [t for t, _ in listed]
    assert titles[:2] == ["At a glance", "Agenda"]
    assert "Which card struck a chord?" in titles
    assert "The cards tables talked about most" in titles
    assert [t for t in titles if t.startswith("Round ")] == [
        f"Round {n}: {t}"
        for n, t in enumerate(
            (
                "Welcome and how the session works",
                "First conversation",
                "Second conversation",
                "Exploring the behaviour cards",
                "Which card struck a chord?",
                "Feedback and close",
            ),
            start=1,
        )
    ]
    pages = _pages(long_pdf)
    for title, page in listed:
        assert page > 2 and title in pages[page - 1], f"{title} is not on page {page}"


def test_the_contents_are_tagged_as_a_toc_after_the_cover(long_pdf: Path) -> None:
    tree = _run("pdfinfo", "-struct-text", str(long_pdf))
    assert not tree.stderr, "poppler reads the marked content without a warning"
    lines = tree.stdout.splitlines()
    top = [line.strip().split(" (")[0] for line in lines if re.match(r"^  \w", line)]
    at = top.index("TOC")
    assert top[at - 1] == "H2" and "H1" in top[:at] and top.index("Table") > at
    items = [line for line in lines if line.strip() == "TOCI"]
    assert len(items) == len(_contents(long_pdf))
    assert '"Agenda 3"' in tree.stdout or re.search(r'"Agenda \d+"', tree.stdout)


def test_a_report_of_a_few_pages_has_no_contents_page(tmp_path: Path) -> None:
    path = tmp_path / "short.facilitator"
    with EventStore.create(
        path,
        title="A short morning",
        deck=load_deck_choice(None),
        plan=load_plan_choice(None),
        tables=3,
    ) as store:
        table = store.tables()[0]
        store.add_theme("Only one thing was said", table_id=table.id, round_id=None)
    pdf = write(_harvest(path), "pdf", tmp_path / "short.pdf")
    pages = _pages(pdf)
    assert len([p for p in pages if p.strip()]) <= FEW_PAGES
    assert "Contents" not in "".join(pages)


def test_a_report_just_past_a_few_pages_has_one(tmp_path: Path) -> None:
    """Measured, not guessed from the number of entries: the rich event's report runs to
    six pages of its own (its "At a glance" page among them)."""
    pdf = write(_harvest(rich_event(tmp_path)), "pdf", tmp_path / "rich.pdf")
    pages = [p for p in _pages(pdf) if p.strip()]
    assert len(pages) == FEW_PAGES + 3
    assert [line for line in pages[1].splitlines() if line][2] == "Contents"

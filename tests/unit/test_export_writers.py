"""Each export writer on a rich event: every kind, unicode, commas and newlines, formulas, tags."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import FORMATS, write
from facilitator.export.safety import neutralise
from facilitator.store.db import EventStore
from unit.harvest_sample import (
    DELETED_TEXT,
    FORMULA,
    HIDDEN_TEXT,
    IMG,
    QUOTE_WITH_COMMAS,
    SCRIPT,
    live_texts,
    rich_event,
)


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_event(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def harvest(event: Path) -> Harvest:
    with EventStore.open(event, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def outputs(harvest: Harvest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("out")
    return {fmt: write(harvest, fmt, folder / f"harvest.{fmt}") for fmt in FORMATS}


def test_json_holds_the_whole_harvest(outputs: dict[str, Path], harvest: Harvest) -> None:
    data = json.loads(outputs["json"].read_text("utf-8"))
    assert data["format"] == "facilitator-harvest" and data["version"] == 1
    assert list(data)[:2] == ["format", "version"]
    for key in ("event", "deck", "plan", "rounds", "tables", "themes", "card_picks", "timeline"):
        assert key in data
    assert sorted(t["text"] for t in data["themes"]) == sorted(live_texts())
    assert DELETED_TEXT not in outputs["json"].read_text("utf-8")
    hidden = next(t for t in data["themes"] if t["text"] == HIDDEN_TEXT)
    assert hidden["hidden"] is True
    assert data["event"]["id"] == harvest.event.id
    assert len(data["deck"]["cards"]) == len(harvest.deck.cards)
    assert len(data["card_picks"]) == len(harvest.picks)
    assert data["rounds"][0]["actual_start"] and len(data["timeline"]) == 3
    for stamp in [t["created_at"] for t in data["themes"]] + [data["exported_at"]]:
        assert datetime.fromisoformat(stamp).utcoffset() is not None


def test_csv_has_one_row_per_entry_with_a_bom(outputs: dict[str, Path]) -> None:
    raw = outputs["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "round",
        "round_title",
        "prompt",
        "table",
        "kind",
        "text",
        "cards",
        "created_at",
        "origin",
    ]
    assert {r[8] for r in rows[1:]} <= {"laptop", "phone", "import", "merge"}
    texts = [r[5] for r in rows[1:]]
    assert len(texts) == len(live_texts())
    assert QUOTE_WITH_COMMAS in texts
    for typed in (
        FORMULA,
        "+1 to what table 2 said",
        "-2 degrees of separation between services",
        "@x mentioned the regional board",
    ):
        assert neutralise(typed) in texts and typed not in texts
    quote = next(r for r in rows if r[5] == QUOTE_WITH_COMMAS)
    assert quote[0] == "2" and quote[3] == "1" and quote[4] == "quote"
    tagged = next(r for r in rows if r[5].startswith("Leadership is a practice"))
    assert tagged[6] == "Mindset"
    assert datetime.fromisoformat(tagged[7]).utcoffset() is not None


def test_no_cell_starting_like_a_formula_survives_in_csv(outputs: dict[str, Path]) -> None:
    rows = list(csv.reader(io.StringIO(outputs["csv"].read_text("utf-8-sig"), newline="")))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_xlsx_has_its_sheets_and_never_a_formula(outputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(outputs["xlsx"]) as book:
        workbook = book.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)"', workbook)
        assert names == ["Entries", "Actions", "By round", "By table", "Card picks", "Summary"]
        styles = book.read("xl/styles.xml").decode()
        assert 'quotePrefix="1"' in styles
        for n in range(1, 6):
            sheet = book.read(f"xl/worksheets/sheet{n}.xml").decode()
            assert "<f>" not in sheet, f"sheet {n} holds a formula"
            assert '<pane ySplit="1"' in sheet and "<autoFilter" in sheet
            assert "<col " in sheet


def test_markdown_shows_typed_text_as_text(outputs: dict[str, Path]) -> None:
    """(How it renders in Python-Markdown and CommonMark: test_export_markdown.py.)"""
    md = outputs["md"].read_text("utf-8")
    assert md.startswith("# Coaching & mentoring — système &lt;leadership>\n")
    assert "<" not in md.replace("<!-- -->", ""), "every < a user typed is an entity"
    assert "&lt;script>alert('owned')&lt;/script> we said so" in md
    assert "## Agenda" in md and "## Which card struck a chord?" in md
    assert '> “She said, "trust comes first, then the plan",  \n> and we all nodded; really.”' in md
    assert "- =HYPERLINK" in md and "- \\+1 to what" in md and "- \\-2 degrees" in md


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_has_no_element_a_user_typed(outputs: dict[str, Path]) -> None:
    """The one thing read in typed text is an http(s) address, which becomes a link that
    opens with no opener nor referrer (the formula's quoted address here); no other
    attribute a user could put in (src, event handlers) is ever made.
    (Every kind of address, javascript: and data: among them: test_export_html_links.py.)"""
    page = outputs["html"].read_text("utf-8")
    parser = _Elements()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not [a for a in parser.attrs if a[0] in ("src", "onerror", "onload")]
    hrefs = [value for name, value in parser.attrs if name == "href"]
    assert hrefs == ["http://evil.example/?leak="]
    assert parser.tags.count("a") == 1
    assert ("rel", "noopener noreferrer") in parser.attrs
    text = "".join(parser.text)
    for typed in (SCRIPT, IMG, FORMULA, "Système, équipe, Zusammenarbeit: naïve café talk ☕ 🚀"):
        assert typed in text


def test_html_is_one_self_contained_page_with_the_tally_as_bars(
    outputs: dict[str, Path], harvest: Harvest
) -> None:
    """(How it looks at 1280 and 390 px: tests/browser/test_harvest_html.py.)"""
    page = outputs["html"].read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page and "<script" not in page and "url(" not in page
    chart = page[page.index('<ol class="tally"') : page.index("</ol>", page.index('class="tally"'))]
    assert chart.count('class="fill"') == len(harvest.tally)
    for bar in harvest.tally:
        assert f"background:{bar.card.colour}" in chart and bar.card.title in chart
    assert "@media print" in page


def test_pdf_is_a_paginated_document(outputs: dict[str, Path]) -> None:
    pdf = outputs["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_the_cli_writes_beside_the_event_by_default(
    event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "my event.facilitator"
    copy.write_bytes(event.read_bytes())
    assert main(["export", str(copy), "--format", "csv"]) == 0
    assert (tmp_path / "my event-harvest.csv").exists()
    assert "Wrote" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "my event-harvest.csv",
        "my event.facilitator",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.facilitator", "--format", "pdf"], "no such file"),
        (["EVENT", "--format", "pdf", "-o", "no/such/folder/x.pdf"], "does not exist"),
        (["EVENT", "--format", "pdf", "-o", "."], "is a folder"),
    ],
)
def test_bad_export_requests_get_one_line(
    event: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(event) if a == "EVENT" else a for a in args]
    assert main(["export", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err


def test_a_failed_export_leaves_no_partial_file(
    harvest: Harvest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facilitator.export.csv_writer as csv_writer

    def broken(_harvest: Harvest, path: Path) -> None:
        path.write_text("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_writer, "write_csv", broken)
    target = tmp_path / "harvest.csv"
    target.write_text("the previous export")
    with pytest.raises(Exception, match="No space left"):
        write(harvest, "csv", target)
    assert target.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["harvest.csv"]

"""Real programs read what Facilitator writes: sqlite3, LibreOffice, pdftotext.

LibreOffice (Debian package libreoffice-calc-nogui) converts the xlsx and csv back to csv;
those tests are skipped, saying why, only where soffice is not installed.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import UTC
from pathlib import Path

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import write
from facilitator.export.rtl import is_rtl
from facilitator.store.db import EventStore
from unit.harvest_sample import (
    DELETED_TEXT,
    ENTRIES,
    FORMULA,
    QUOTE_WITH_COMMAS,
    live_texts,
    rich_event,
)
from unit.pdf_text import pdftotext

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
)


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_event(tmp_path_factory.mktemp("programs"))


@pytest.fixture(scope="module")
def harvest(event: Path) -> Harvest:
    with EventStore.open(event, readonly=True) as store:
        return build_harvest(store, tz=UTC)


def test_the_sqlite3_program_reads_the_event_file(event: Path) -> None:
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 program is not installed (apt-get install sqlite3)")
    result = subprocess.run(
        [
            "sqlite3",
            "-readonly",
            "-csv",
            str(event),
            "PRAGMA integrity_check; SELECT text FROM theme WHERE deleted_at IS NULL;",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["ok"]
    assert sorted(r[0] for r in rows[1:]) == sorted(live_texts())


def _soffice_to_csv(source: Path, out: Path) -> Path:
    """LibreOffice's own conversion to UTF-8 csv (one file per sheet for xlsx)."""
    profile = out / "profile"
    # 44 = comma, 34 = double quote, 76 = UTF-8, 1 = from row 1; for a workbook the last
    # option, -1, writes every sheet to its own file
    options = "44,34,76,1,,0,false,true,false,false,false"
    infilter = []
    if source.suffix == ".csv":
        infilter = ["--infilter=CSV:44,34,76,1"]
    else:
        options += ",-1"
    subprocess.run(
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *infilter,
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(out / "converted"),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return out / "converted"


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


@needs_soffice
@pytest.mark.slow
def test_libreoffice_reads_the_csv_back_with_the_same_content(
    harvest: Harvest, tmp_path: Path
) -> None:
    ours = write(harvest, "csv", tmp_path / "harvest.csv")
    converted = _soffice_to_csv(ours, tmp_path)
    theirs = _rows(converted / "harvest.csv")
    mine = _rows(ours)
    assert theirs[0] == mine[0]
    # a spreadsheet reads our rows cell for cell: the apostrophe keeps =, +, -, @ as text
    assert [r[:7] for r in theirs] == [r[:7] for r in mine]
    assert any(r[5] == QUOTE_WITH_COMMAS for r in theirs)
    assert any(r[5] == "'" + FORMULA for r in theirs)


@needs_soffice
@pytest.mark.slow
def test_libreoffice_reads_the_xlsx_back_with_the_same_content(
    harvest: Harvest, tmp_path: Path
) -> None:
    book = write(harvest, "xlsx", tmp_path / "harvest.xlsx")
    converted = _soffice_to_csv(book, tmp_path)
    sheets = {p.stem.removeprefix("harvest-"): _rows(p) for p in converted.glob("*.csv")}
    assert set(sheets) == {"Entries", "Actions", "By round", "By table", "Card picks", "Summary"}
    themes = sheets["Entries"]
    assert themes[0][:6] == ["Round", "Round title", "Table", "Table name", "Kind", "Text"]
    texts = [r[5] for r in themes[1:]]
    assert sorted(texts) == sorted(live_texts()), "formulas read exactly as typed, never run"
    assert DELETED_TEXT not in texts
    when = themes[1][7]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?", when), "times are real dates"
    by_round = sheets["By round"]
    assert by_round[1][3].startswith("2025-03-14 09:30"), "planned start is a date"
    picks = {r[0]: r[2] for r in sheets["Card picks"][1:] if r[0]}
    assert picks["Mindset"] == "3"
    assert sheets["Card picks"][0][1] == "Deck theme", "the deck's word, never bare Theme"
    actions = sheets["Actions"]
    assert actions[0] == ["Round", "Round title", "Table", "Table name", "Action", "Cards", "Time"]
    assert sorted(r[4] for r in actions[1:]) == sorted(e[3] for e in ENTRIES if e[2] == "action")
    garden = next(r for r in actions[1:] if r[3] == "Garden room")
    assert garden[:3] == ["3", "Second conversation", "7"]
    assert garden[5] == "Seeing the whole system"


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text)  # bidi marks pdftotext adds
    return re.sub(r"\s+", " ", text).strip()


def test_pdftotext_finds_every_entry_in_the_pdf(harvest: Harvest, tmp_path: Path) -> None:
    text = _normal(pdftotext(write(harvest, "pdf", tmp_path / "harvest.pdf")))
    for typed in live_texts():
        if is_rtl(typed):  # pdftotext moves neutral marks around right-to-left words
            assert all(_normal(w) in text for w in typed.split() if is_rtl(w)), typed
        else:
            assert _normal(typed.replace("🚀", "")) in text, typed
    assert DELETED_TEXT not in text
    assert "Which card struck a chord?" in text and "2 of " in text


def test_pdf_pages_have_numbers_and_no_heading_alone_at_the_foot(
    tmp_path: Path,
) -> None:
    from unit.harvest_sample import big_event

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    path = big_event(tmp_path, 600, tables=12)
    with EventStore.open(path, readonly=True) as store:
        pdf = write(build_harvest(store), "pdf", tmp_path / "big.pdf")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split("\f")[:-1]
    assert len(pages) > 5
    headings = re.compile(r"^(Table \d+|Questions raised|Actions|Round \d+: .*)$")
    for number, page in enumerate(pages, start=1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        if number > 1:
            assert lines[-1] == f"{number} of {len(pages)}"
            body = lines[:-1]
            assert not headings.match(body[-1]), f"page {number} ends on a heading: {body[-1]}"

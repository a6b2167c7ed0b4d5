"""The xlsx as an organiser opens and prints it.

Read from the file's own XML (which style each cell has, the print set-up) and through
LibreOffice: text shows exactly as typed, with no apostrophe style on ordinary text that
merely starts with ``-``, ``+`` or ``@``; the Entries sheet prints landscape, one page wide,
its header row on every page; a table's card picks name each card once, with a count; the
Summary's counts are those of the Entries sheet's rows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from datetime import UTC
from pathlib import Path
from xml.etree import ElementTree

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import write
from facilitator.store.db import EventStore
from unit.harvest_sample import FORMULA, rich_event

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
ORDINARY = (
    "+1 to what table 2 said",
    "-2 degrees of separation between services",
    "@x mentioned the regional board",
    "+44 20 7946 0000",
    "- a scribe's bullet",
)
FORMULA_LIKE = (FORMULA, "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+HYPERLINK(1)")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    path = rich_event(tmp_path_factory.mktemp("xlsx"))
    with EventStore.open(path) as store:
        tables = store.tables()
        round_id = store.rounds()[1].id
        for text in (*ORDINARY[3:], *FORMULA_LIKE[1:]):
            store.add_theme(text, table_id=tables[0].id, round_id=round_id)
        # table 2 picks the same card twice
        round_id = store.rounds()[4].id
        store.add_card_pick("mindset", table_id=tables[1].id, round_id=round_id)
        store.add_card_pick("mindset", table_id=tables[1].id, round_id=round_id)
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def book(harvest: Harvest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(harvest, "xlsx", tmp_path_factory.mktemp("book") / "harvest.xlsx")


def _sheet(book: Path, name: str) -> tuple[ElementTree.Element, list[bool]]:
    """The sheet's XML and, per cell style index, whether it has the quote prefix."""
    with zipfile.ZipFile(book) as z:
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
        root = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{names.index(name) + 1}.xml"))
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
    xfs = styles.find("m:cellXfs", NS)
    assert xfs is not None
    prefixed = [xf.get("quotePrefix") == "1" for xf in xfs.findall("m:xf", NS)]
    return root, prefixed


def _cells(root: ElementTree.Element) -> list[tuple[str, int]]:
    """(text, style index) of every inline-string cell."""
    out = []
    for c in root.iter(f"{{{NS['m']}}}c"):
        t = c.find("m:is/m:t", NS)
        if t is not None:
            out.append((t.text or "", int(c.get("s", "0"))))
    return out


def test_ordinary_text_starting_with_a_sign_has_no_apostrophe_style(book: Path) -> None:
    root, prefixed = _sheet(book, "Entries")
    cells = dict(_cells(root))
    for text in ORDINARY:
        assert text in cells, text
        assert not prefixed[cells[text]], f"{text!r} is shown with an apostrophe"
    for text in FORMULA_LIKE:
        assert prefixed[cells[text]], f"{text!r} could turn into a formula when edited"
    with zipfile.ZipFile(book) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode(), f"{name} holds a formula"


def test_the_themes_sheet_is_set_up_to_print(book: Path) -> None:
    root, _ = _sheet(book, "Entries")
    setup = root.find("m:pageSetup", NS)
    assert setup is not None and setup.get("orientation") == "landscape"
    assert setup.get("fitToWidth") in (None, "1") and setup.get("fitToHeight") == "0"
    pr = root.find("m:sheetPr/m:pageSetUpPr", NS)
    assert pr is not None and pr.get("fitToPage") == "1"
    with zipfile.ZipFile(book) as z:
        workbook = z.read("xl/workbook.xml").decode()
    assert re.search(r"_xlnm.Print_Titles\"[^>]*>Entries!\$1:\$1<", workbook), workbook


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_text_beside_its_round_and_table(book: Path, tmp_path: Path) -> None:
    """Printed (LibreOffice to PDF): landscape pages, the header on each, and an entry's
    round, table and text on one line of one page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    subprocess.run(
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / "harvest.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups())  # type: ignore[union-attr]
    assert width > height, "landscape"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    line = next(ln for ln in text.splitlines() if "-2 degrees of separation" in ln)
    assert "First conversation" in line and "Table 3" in line, line
    themes_pages = [p for p in text.split("\f") if "Round title" in p]
    assert themes_pages and all("Table name" in p for p in themes_pages)


def test_a_tables_card_picks_name_each_card_once_with_a_count(book: Path) -> None:
    root, _ = _sheet(book, "By table")
    texts = [t for t, _ in _cells(root)]
    picked = [t for t in texts if "Mindset" in t]
    assert "Mindset (3)" in picked, picked  # table 2: one pick in the sample, two here
    for t in picked:
        names = [part.split(" (")[0] for part in t.split("; ")]
        assert len(names) == len(set(names)), f"a card named twice: {t}"


def test_summary_counts_are_the_themes_sheets_rows(book: Path, harvest: Harvest) -> None:
    themes, _ = _sheet(book, "Entries")
    rows = themes.findall("m:sheetData/m:row", NS)[1:]
    kinds: Counter[str] = Counter()
    for row in rows:
        kind = next(c for c in row.findall("m:c", NS) if c.get("r", "").startswith("E"))
        kinds[kind.findtext("m:is/m:t", "", NS)] += 1
    summary, _ = _sheet(book, "Summary")
    values: dict[str, tuple[float, str]] = {}
    for row in summary.findall("m:sheetData/m:row", NS)[1:]:
        label = row.find("m:c[1]/m:is/m:t", NS)
        number = row.find("m:c[2]/m:v", NS)
        note = row.find("m:c[3]/m:is/m:t", NS)
        if label is not None and number is not None:
            text = note.text or "" if note is not None else ""
            values[label.text or ""] = (float(number.text or 0), text)
    entries = next(v for k, v in values.items() if k.startswith("Entries"))
    assert entries[0] == len(rows) == len(harvest.themes)
    assert "Entries sheet" in entries[1], "says what it counts"
    for kind in ("theme", "quote", "question", "action"):
        row = next(v for k, v in values.items() if k.lower().startswith(kind))
        assert row[0] == kinds[kind], kind
        assert f"“{kind}”" in row[1], row

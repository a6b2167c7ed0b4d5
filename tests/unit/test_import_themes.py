"""facilitator import-themes: themes typed in a spreadsheet, every row checked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.harvest import build_harvest
from facilitator.export import write
from facilitator.store.db import EventStore
from unit.harvest_sample import FORMULA, QUOTE_WITH_COMMAS, rich_event


def entries(path: Path) -> list[tuple[str, str, int | None, int | None, tuple[str, ...]]]:
    """(kind, text, round number, table number, cards), oldest first."""
    with EventStore.open(path, readonly=True) as store:
        rounds = {r.id: n for n, r in enumerate(store.rounds(), start=1)}
        tables = {t.id: t.number for t in store.tables()}
        return [
            (t.kind, t.text, rounds.get(t.round_id or ""), tables.get(t.table_id or ""), t.cards)
            for t in reversed(store.themes())
        ]


def test_a_spreadsheet_with_every_column_imports(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "themes.csv"
    csv.write_text(
        "round,table,kind,text,cards,notes\n"
        '2,3,theme,"Trust first, then plan",Mindset,typed by Sam\n'
        f'2,Table 4,quote,"{QUOTE_WITH_COMMAS.replace(chr(34), chr(34) * 2)}",,\n'
        "First conversation,,Action,Write to the board; by May,mindset; Relationships,\n"
        "\n"
        ",12,questions,Who decides? — Qui décide ? ☕,,\n",
        encoding="utf-8-sig",
    )
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    out = capsys.readouterr().out
    assert "Imported 4 entries" in out and "ignored columns: notes" in out
    assert entries(event_path) == [
        ("theme", "Trust first, then plan", 2, 3, ("mindset",)),
        ("quote", QUOTE_WITH_COMMAS, 2, 4, ()),
        ("action", "Write to the board; by May", 2, None, ("mindset", "relationships")),
        ("question", "Who decides? — Qui décide ? ☕", None, 12, ()),
    ]


def test_semicolons_no_bom_and_headers_in_any_order_and_case(
    event_path: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "export from excel.csv"
    csv.write_bytes("Text;KIND;Table\r\nÉquipe d'abord;Theme;7\r\n".encode())
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    assert entries(event_path) == [("theme", "Équipe d'abord", None, 7, ())]


def test_bad_rows_are_reported_by_number_and_nothing_is_imported(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "themes.csv"
    rows = ["table,kind,text,cards,round"]
    rows += [f"{n},theme,Fine row {n},," for n in range(1, 6)]
    rows.append("14,theme,At a table that does not exist,,")  # row 7
    rows.append("2,idea,Unknown kind,,")  # row 8
    rows.append("2,theme,,,")  # row 9
    rows.append("2,theme,Unknown card,Trust,")  # row 10
    rows.append("2,theme,Unknown round,,9")  # row 11
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = hashlib.sha256(event_path.read_bytes()).hexdigest()
    assert main(["import-themes", str(event_path), str(csv)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == 'themes.csv: row 7: unknown table "14" (the event has tables 1 to 12)'
    assert err[1].startswith('themes.csv: row 8: unknown kind "idea"')
    assert err[2] == "themes.csv: row 9: no text in this row"
    assert err[3].startswith('themes.csv: row 10: unknown card "Trust"')
    assert err[4].startswith('themes.csv: row 11: unknown round "9"')
    assert "nothing was imported" in err[5] and "--good-rows" in err[5]
    assert entries(event_path) == []
    assert hashlib.sha256(event_path.read_bytes()).hexdigest() == before


def test_good_rows_can_be_imported_on_request(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "themes.csv"
    csv.write_text("table,text\n1,Good\n99,Bad\n2,Also good\n", encoding="utf-8")
    assert main(["import-themes", str(event_path), str(csv), "--good-rows"]) == 0
    captured = capsys.readouterr()
    assert 'themes.csv: row 3: unknown table "99"' in captured.err
    assert "Imported 2 entries" in captured.out and "1 bad row left out" in captured.out
    assert [e[1] for e in entries(event_path)] == ["Good", "Also good"]


def test_our_own_csv_export_imports_back_as_it_was(tmp_path: Path, event_path: Path) -> None:
    rich = rich_event(tmp_path)
    csv = tmp_path / "harvest.csv"
    with EventStore.open(rich, readonly=True) as store:
        write(build_harvest(store), "csv", csv)
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    assert sorted(entries(event_path)) == sorted(entries(rich))
    assert FORMULA in [e[1] for e in entries(event_path)], "the export's apostrophe is dropped"
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    assert len(entries(event_path)) == len(entries(rich)), "importing twice adds nothing"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"table,kind\n1,theme\n", 'row 1: no "text" column'),
        (b"text,Theme\na,b\n", "two columns give the text"),
        (
            "text\nCafé\n".encode("cp1252"),
            "themes.csv:2: the text is not UTF-8; save the file as UTF-8"
            " (in a spreadsheet: CSV UTF-8)",
        ),
        (b"", "is empty"),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_line(
    event_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    message: str,
) -> None:
    csv = tmp_path / "themes.csv"
    csv.write_bytes(content)
    assert main(["import-themes", str(event_path), str(csv)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("themes.csv") and message in err


def test_an_event_open_in_the_app_is_not_written_behind_its_back(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "themes.csv"
    csv.write_text("text\nHello\n", encoding="utf-8")
    with EventStore.open(event_path):
        assert main(["import-themes", str(event_path), str(csv)]) == 1
    assert "already open" in capsys.readouterr().err

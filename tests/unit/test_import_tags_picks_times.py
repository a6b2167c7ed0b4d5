"""facilitator import-themes reads a spreadsheet as the app reads typing: ``#tags`` in the
text tag cards, ``kind=pick`` records card picks, and rounds' actual times come in too."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.capture import TagIndex
from facilitator.store.db import EventStore


def _csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "typed.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _picks(path: Path) -> Counter[tuple[int | None, int | None, str]]:
    """(round number, table number, card) of every pick, counted."""
    with EventStore.open(path, readonly=True) as store:
        rounds = {r.id: n for n, r in enumerate(store.rounds(), start=1)}
        tables = {t.id: t.number for t in store.tables()}
        return Counter(
            (rounds.get(p.round_id or ""), tables.get(p.table_id or ""), p.card_key)
            for p in store.card_picks()
        )


def test_tags_in_the_text_tag_cards_as_when_typed_in_the_app(
    event_path: Path, tmp_path: Path
) -> None:
    typed = "Trust first #mindset, then #Deep-listening and #nosuchcard"
    csv = _csv(tmp_path, "table,text,cards", f'3,"{typed}",Courage')
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    with EventStore.open(event_path, readonly=True) as store:
        (theme,) = store.themes()
        as_typed = TagIndex(store.deck(images=False)).cards_in(typed)
    assert theme.text == typed, "the text is kept as typed, tags and all"
    assert as_typed == ("mindset", "listening")
    assert theme.cards == ("courage", "mindset", "listening")


def test_card_picks_import_and_importing_twice_adds_none(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = _csv(
        tmp_path,
        "round,table,kind,text,cards",
        "5,3,pick,#mindset,",
        "5,4,Card pick,,Relationships; Mindset",
        "5,4,pick,#mindset again,",
        "5,5,picks,,courage",
        "2,1,theme,An ordinary entry,",
    )
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 entry" in out and "5 card picks" in out, out
    expected = Counter(
        {
            (5, 3, "mindset"): 1,
            (5, 4, "relationships"): 1,
            (5, 4, "mindset"): 2,
            (5, 5, "courage"): 1,
        }
    )
    assert _picks(event_path) == expected
    with EventStore.open(event_path, readonly=True) as store:
        assert [t.text for t in store.themes()] == ["An ordinary entry"], "a pick is no entry"
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    assert _picks(event_path) == expected, "importing twice adds nothing"


def test_a_pick_naming_no_card_or_an_unknown_one_is_a_bad_row(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = _csv(
        tmp_path,
        "table,kind,text,cards",
        "1,pick,we liked it,",
        "2,pick,#trust,",
        "3,pick,,Mindset",
    )
    before = hashlib.sha256(event_path.read_bytes()).hexdigest()
    assert main(["import-themes", str(event_path), str(csv)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("typed.csv: row 2: a card pick names no card"), err
    assert err[1].startswith('typed.csv: row 3: unknown card "#trust"'), err
    assert "nothing was imported" in err[2]
    assert hashlib.sha256(event_path.read_bytes()).hexdigest() == before


def test_rounds_actual_times_import(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = _csv(
        tmp_path,
        "round,table,text,round_start,round_end",
        "1,,,2025-03-14T09:32:00+00:00,2025-03-14T09:49:00+00:00",
        "2,3,Said at table 3,2025-03-14 09:50:00+00:00,",
        "2,4,Said at table 4,,2025-03-14T10:20:00+00:00",
    )
    assert main(["import-themes", str(event_path), str(csv)]) == 0
    out = capsys.readouterr().out
    assert "Imported 2 entries" in out and "times of rounds 1, 2" in out, out
    with EventStore.open(event_path, readonly=True) as store:
        first, second = store.rounds()[:2]
    assert (first.actual_start, first.actual_end) == (
        "2025-03-14T09:32:00.000000+00:00",
        "2025-03-14T09:49:00.000000+00:00",
    )
    assert (second.actual_start, second.actual_end) == (
        "2025-03-14T09:50:00.000000+00:00",
        "2025-03-14T10:20:00.000000+00:00",
    )


def test_round_times_that_disagree_or_run_backwards_are_bad_rows(
    event_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = _csv(
        tmp_path,
        "round,text,round_start,round_end",
        "1,a,2025-03-14T09:30:00+00:00,",
        "1,b,2025-03-14T09:35:00+00:00,",
        "2,c,2025-03-14T10:30:00+00:00,2025-03-14T10:00:00+00:00",
        ",d,2025-03-14T11:00:00+00:00,",
    )
    assert main(["import-themes", str(event_path), str(csv)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("typed.csv: row 3: round 1 starts at 2025-03-14 09:30"), err
    assert err[1].startswith("typed.csv: row 4: round 2 ends before it starts"), err
    assert err[2].startswith("typed.csv: row 5: round times need a round"), err
    with EventStore.open(event_path, readonly=True) as store:
        assert store.rounds()[0].actual_start is None and not store.themes()

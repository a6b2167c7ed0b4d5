"""`facilitator suggest-groups`: the suggestions as JSON, from a file it only reads."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from facilitator import cli
from facilitator.store.db import EventStore


def _fill(store: EventStore) -> dict[str, str]:
    tables, rounds = store.tables(), store.rounds()
    said = [
        ("p1", "Primary care voices are often missing", 0, 0),
        ("p2", "primary care voices are often missing.", 1, 0),
        ("p3", "Primery care voice is ofen missing", 2, 0),
        ("t1", "Trust takes time", 0, 0),
        ("t2", "trust takes TIME", 3, 0),
        ("x1", "Something said once", 4, 0),
        ("r1", "Trust takes time", 5, 1),  # another round
        ("h1", "Primary care voices are often missing", 6, 0),  # hidden from the wall
        ("g1", "Trust takes time!", 7, 0),  # grouped already
    ]
    ids = {}
    for name, text, table, rnd in said:
        ids[name] = store.add_theme(
            text, table_id=tables[table].id, round_id=rounds[rnd].id, theme_id=f"id-{name}"
        ).id
    store.set_theme_hidden(ids["h1"], True)
    store.create_group([ids["g1"]], round_id=None, name="Done")
    return ids


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_suggestions_print_as_json_while_the_event_is_open(
    event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with EventStore.open(event_path) as store:  # the app has it open
        _fill(store)
        status, out, _err = _run(["suggest-groups", str(event_path), "--round", "1"], capsys)
        assert status == 0
        assert json.loads(out) == [
            {
                "label": "Primary care voices are often missing",
                "entries": ["id-p1", "id-p2", "id-p3"],
                "tables": 3,
            },
            {"label": "Trust takes time", "entries": ["id-t1", "id-t2"], "tables": 2},
        ]
        status, out, _err = _run(["suggest-groups", str(event_path)], capsys)
    assert status == 0
    trust = [s for s in json.loads(out) if s["label"] == "Trust takes time"]
    assert trust[0]["entries"] == ["id-t1", "id-t2", "id-r1"]  # the whole event: any round


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--round", "0"], "there is no round 0"), (["--round", "99"], "there is no round 99")],
)
def test_bad_rounds_are_one_line_and_the_file_is_untouched(
    event_path: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(event_path.read_bytes()).hexdigest()
    status, out, err = _run(["suggest-groups", str(event_path), *argv], capsys)
    assert status == 1 and out == ""
    assert message in err and err.count("\n") == 1
    assert hashlib.sha256(event_path.read_bytes()).hexdigest() == before


def test_a_file_that_is_not_an_event_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.facilitator"
    path.write_text("not a database\n" * 50)
    status, _out, err = _run(["suggest-groups", str(path)], capsys)
    assert status == 1 and "not a Facilitator event file" in err
    with pytest.raises(SystemExit) as usage:
        cli.main(["suggest-groups"])
    assert usage.value.code == 2

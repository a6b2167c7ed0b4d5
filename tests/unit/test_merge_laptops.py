"""Merging event files from several laptops: one entry per id, latest edit wins, deletions kept."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.harvest import build_harvest
from facilitator.export import write
from facilitator.export.json_writer import harvest_to_dict
from facilitator.store.db import EventStore
from facilitator.store.merge import merge_events
from unit.harvest_sample import rich_event


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def texts(path: Path, *, deleted: bool = False) -> dict[str, str]:
    with EventStore.open(path, readonly=True) as store:
        return {t.id: t.text for t in store.themes(include_deleted=deleted)}


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """The organiser's file copied to a scribe's laptop, then both used during the event."""
    a = rich_event(tmp_path, "laptop-a.facilitator")
    b = tmp_path / "laptop-b.facilitator"
    shutil.copyfile(a, b)
    ids: dict[str, str] = {}
    with EventStore.open(a) as store:
        tables, rounds = store.tables(), store.rounds()
        shared = store.themes()
        ids["edited"] = shared[0].id
        ids["deleted"] = shared[1].id
        ids["deleted_on_b"] = shared[2].id
        ids["a_only"] = store.add_theme(
            "Typed on A", table_id=tables[0].id, round_id=rounds[3].id
        ).id
        store.delete_theme(ids["deleted"])
        store.add_card_pick("courage", table_id=tables[10].id, round_id=rounds[4].id)
        store.set_table_count(13)
    with EventStore.open(b) as store:
        tables, rounds = store.tables(), store.rounds()
        ids["b_only"] = store.add_theme(
            "Typed on B", table_id=tables[1].id, round_id=rounds[3].id
        ).id
        store.edit_theme(ids["edited"], text="Edited later on B")
        store.edit_theme(ids["deleted"], text="B edited what A deleted")
        store.delete_theme(ids["deleted_on_b"])
        table13 = store.set_table_count(13)[-1]
        ids["b_table13"] = store.add_theme(
            "At B's table 13", table_id=table13.id, round_id=rounds[3].id
        ).id
        store.add_card_pick("curiosity", table_id=tables[11].id, round_id=rounds[4].id)
        store.set_round_times(rounds[3].id, actual_start="2025-03-14T10:09:00+00:00")
    return a, b, ids


def test_two_laptops_merge_into_one_file_without_duplicates(
    tmp_path: Path, laptops: tuple[Path, Path, dict[str, str]]
) -> None:
    a, b, ids = laptops
    before = (digest(a), digest(b))
    out = tmp_path / "merged.facilitator"
    report = merge_events(out, [a, b])
    assert (digest(a), digest(b)) == before, "inputs must never change"
    live = texts(out)
    every = texts(out, deleted=True)
    assert len(every) == len(set(texts(a, deleted=True)) | set(texts(b, deleted=True)))
    assert live[ids["a_only"]] == "Typed on A" and live[ids["b_only"]] == "Typed on B"
    assert live[ids["edited"]] == "Edited later on B"
    assert ids["deleted"] not in live, "a deletion on one laptop is kept"
    assert every[ids["deleted"]] == "B edited what A deleted"
    assert ids["deleted_on_b"] not in live
    assert (report.added, report.edited, report.deleted) == (2, 3, 1)
    with EventStore.open(out, readonly=True) as store:
        tables = store.tables()
        assert [t.number for t in tables] == list(range(1, 14)), "table 13 once, not twice"
        b13 = store.theme(ids["b_table13"])
        assert b13.table_id == tables[-1].id
        assert {p.card_key for p in store.card_picks()} >= {"courage", "curiosity"}
        assert store.rounds()[3].actual_start == "2025-03-14T10:09:00+00:00"


def test_merging_again_changes_nothing(
    tmp_path: Path, laptops: tuple[Path, Path, dict[str, str]]
) -> None:
    a, b, _ = laptops
    once = tmp_path / "once.facilitator"
    twice = tmp_path / "twice.facilitator"
    merge_events(once, [a, b])
    merge_events(twice, [once, b, a])
    assert content(once) == content(twice)


def content(path: Path) -> dict[str, object]:
    with EventStore.open(path, readonly=True) as store:
        data = harvest_to_dict(build_harvest(store))
    data.pop("exported_at")
    return data


def test_json_export_merge_and_export_again_is_identical(tmp_path: Path) -> None:
    event = rich_event(tmp_path)
    first = tmp_path / "first.json"
    with EventStore.open(event, readonly=True) as store:
        write(build_harvest(store), "json", first)
    merged = tmp_path / "merged.facilitator"
    assert main(["merge", str(merged), str(event)]) == 0
    again = tmp_path / "again.json"
    assert main(["export", str(merged), "--format", "json", "-o", str(again)]) == 0
    one, two = json.loads(first.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    one.pop("exported_at"), two.pop("exported_at")
    assert one == two


def test_files_of_different_events_are_refused_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = rich_event(tmp_path, "a.facilitator")
    other = rich_event(tmp_path, "other.facilitator")
    with EventStore.open(other) as store:
        store.update_event(title="Another day")
        store.add_theme("Only in the other event", table_id=None, round_id=None)
    out = tmp_path / "out.facilitator"
    assert main(["merge", str(out), str(a), str(other)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(other) in err and "Another day" in err and "--different-events" in err
    assert not out.exists()
    assert main(["merge", str(out), str(a), str(other), "--different-events"]) == 0
    merged = texts(out)
    assert "Only in the other event" in merged.values()
    assert len(merged) == len(texts(a)) + len(texts(other))
    with EventStore.open(out, readonly=True) as store:
        assert store.event().title == "Coaching & mentoring — système <leadership>"
        assert len(store.tables()) == 12, "tables of the same number are one table"


def test_a_corrupt_input_is_refused_by_name_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = rich_event(tmp_path)
    broken = tmp_path / "broken.facilitator"
    data = good.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    before = digest(broken)
    out = tmp_path / "out.facilitator"
    assert main(["merge", str(out), str(good), str(broken)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(str(broken)) and "damaged" in err and len(err.splitlines()) == 1
    assert not out.exists() and digest(broken) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.facilitator", "rich.facilitator"]


def test_not_an_event_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = rich_event(tmp_path)
    text = tmp_path / "notes.facilitator"
    text.write_text("just some notes\n" * 20)
    assert main(["merge", str(tmp_path / "out.facilitator"), str(good), str(text)]) == 1
    assert "not a Facilitator event file" in capsys.readouterr().err


def test_out_must_be_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = rich_event(tmp_path)
    before = digest(a)
    assert main(["merge", str(a), str(a)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert digest(a) == before


def test_an_input_open_in_the_app_can_be_merged(tmp_path: Path) -> None:
    a = rich_event(tmp_path)
    with EventStore.open(a) as store:  # the app holds it, writing as the merge reads
        store.add_theme("Saved just now", table_id=None, round_id=None)
        out = tmp_path / "merged.facilitator"
        merge_events(out, [a])
    assert "Saved just now" in texts(out).values()

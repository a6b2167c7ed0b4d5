"""The one atomic file write (core/atomic.py): whole or nothing, usual permissions, fsync."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core import atomic
from facilitator.core.deck import Card, Deck, Suit, save_deck
from facilitator.core.plan import Plan, Round, save_plan


def _usual_mode(tmp_path: Path) -> int:
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    mode = stat.S_IMODE(probe.stat().st_mode)
    probe.unlink()
    return mode


def test_a_file_is_written_whole_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic.write_text(target, "one\ntwo\n")
    assert target.read_bytes() == b"one\ntwo\n"
    assert stat.S_IMODE(target.stat().st_mode) == _usual_mode(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic.replacing(target) as part:
        part.write_text("half", encoding="utf-8")
        raise RuntimeError("the writer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_the_write_is_flushed_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    atomic.write_bytes(tmp_path / "x.bin", b"data")
    assert calls[:2] == ["fsync", "replace"]


def test_publishing_without_replace_never_replaces(tmp_path: Path) -> None:
    part = tmp_path / "part"
    part.write_bytes(b"new")
    target = tmp_path / "target"
    target.write_bytes(b"there first")
    with pytest.raises(FileExistsError):
        atomic.publish(part, target, replace=False)
    assert target.read_bytes() == b"there first"
    target.unlink()
    atomic.publish(part, target, replace=False)
    assert target.read_bytes() == b"new"
    assert not part.exists()


def test_parts_of_a_dead_writer_are_tidied_and_a_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".facilitator-export-{dead.pid}-0123abcd.part"
    mine = atomic.part_path(tmp_path / "x", "export")
    other_kind = tmp_path / f".facilitator-write-{dead.pid}-0123abcd.part"
    for path in (stale, mine, other_kind):
        path.write_bytes(b"half")
    atomic.tidy_dead_parts(tmp_path, "export")
    assert not stale.exists()
    assert mine.exists() and other_kind.exists()


def test_plans_and_decks_are_saved_with_the_usual_permissions(tmp_path: Path) -> None:
    usual = _usual_mode(tmp_path)
    plan_file = tmp_path / "plan.toml"
    save_plan(Plan("P", (Round("One", 10, "tables"),)), plan_file)
    deck = Deck("D", (Suit("s", "S", "#336699"),), (Card("c", "s", "Card", "front"),))
    deck_file = save_deck(deck, tmp_path / "deck")
    for path in (plan_file, deck_file):
        assert stat.S_IMODE(path.stat().st_mode) == usual, path
    assert not list(tmp_path.rglob("*.part"))

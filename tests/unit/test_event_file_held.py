"""An open event keeps SQLite's locks, whoever looks inside it, and its file alone is whole.

Issue 19, defects 1 and 2: a look inside the file (``sqlite3``, the entries list) used to
drop the app's locks, so the next reader deleted the live WAL and a kill -9 lost saved
entries; a copy of the file alone missed the recent entries.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.core.errors import InputError
from facilitator.store.db import EventStore
from unit.app_process import AppProcess

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux locks")


def ids_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM theme")}
    finally:
        conn.close()


def locks_of(pid: int) -> list[str]:
    with open("/proc/locks", encoding="ascii") as table:
        return [line for line in table if f" {pid} " in line]


@pytest.fixture
def app(event_path: Path) -> Iterator[AppProcess]:
    held = AppProcess(event_path)
    yield held
    held.kill()


@linux_only
def test_outside_readers_cost_the_app_nothing(event_path: Path, app: AppProcess) -> None:
    saved = [app.ask("add first")]
    assert app.ask("peek") == "peeked"  # the entries list opens the file read-only
    if shutil.which("sqlite3"):
        subprocess.run(
            ["sqlite3", str(event_path), "select count(*) from theme"],
            check=True,
            capture_output=True,
        )
    conn = sqlite3.connect(event_path)
    conn.execute("SELECT count(*) FROM theme").fetchone()
    conn.close()
    inode = os.stat(event_path).st_ino
    assert any(f":{inode} " in line for line in locks_of(app.pid)), "the app lost its locks"
    saved += [app.ask("add second"), app.ask("add third")]
    app.kill()
    assert set(saved) <= ids_in(event_path)


@linux_only
def test_a_link_to_an_open_event_is_the_same_event(event_path: Path, app: AppProcess) -> None:
    link = event_path.with_name("link.facilitator")
    link.symlink_to(event_path)
    with pytest.raises(InputError, match="already open"):
        EventStore.open(link)


def test_one_process_opens_an_event_once_by_any_name(event_path: Path) -> None:
    link = event_path.with_name("link.facilitator")
    link.symlink_to(event_path)
    with EventStore.open(event_path) as store:
        with pytest.raises(
            InputError, match=f"already open in another Facilitator \\(process {os.getpid()} "
        ):
            EventStore.open(link)
        store.add_theme("still saved", table_id=None, round_id=None)
    assert len(ids_in(event_path)) == 1


@linux_only
def test_a_deleted_lock_file_does_not_let_a_second_app_in(
    event_path: Path, app: AppProcess
) -> None:
    event_path.with_name(event_path.name + ".lock").unlink()
    with pytest.raises(InputError, match="already open in another Facilitator"):
        EventStore.open(event_path)


@linux_only
def test_an_event_moved_while_open_is_still_locked_and_whole(
    event_path: Path, app: AppProcess
) -> None:
    saved = [app.ask("add before the move"), app.ask("add and another")]
    assert app.ask("settle") == "settled"
    moved = event_path.with_name("moved.facilitator")
    event_path.rename(moved)
    with pytest.raises(InputError, match="already open in another Facilitator"):
        EventStore.open(moved)
    app.quit()
    assert set(saved) <= ids_in(moved)


def test_the_file_alone_is_complete_soon_after_the_last_save(
    event_path: Path, app: AppProcess, tmp_path: Path
) -> None:
    saved = [app.ask(f"add entry {n}") for n in range(5)]
    assert app.ask("settle") == "settled"
    copy = tmp_path / "copied-alone.facilitator"
    shutil.copyfile(event_path, copy)  # what a user copying or emailing the file gets
    assert set(saved) <= ids_in(copy)


def test_save_a_copy_while_open_is_one_whole_file(event_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "Copy #1 of 100% ?.facilitator"
    target.parent.mkdir()
    with EventStore.open(event_path) as store:
        saved = {store.add_theme(f"entry {n}", table_id=None, round_id=None).id for n in range(3)}
        store.save_copy(target)
        saved.add(store.add_theme("after the copy", table_id=None, round_id=None).id)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    with EventStore.open(target) as copy:
        texts = {t.text for t in copy.themes()}
    assert texts == {"entry 0", "entry 1", "entry 2"}


def test_save_a_copy_over_the_open_event_is_refused(event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        with pytest.raises(InputError, match="the open event itself"):
            store.save_copy(event_path)
        assert store.event().title == "Test event"

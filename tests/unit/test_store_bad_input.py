"""Every wrong file gets one human line, and a refused file is left byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from facilitator.core.errors import InputError
from facilitator.store.db import EventStore, StoreError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path, match: str, **kwargs: bool) -> None:
    before = digest(path) if path.is_file() else None
    wal = Path(f"{path}-wal")
    wal_before = wal.exists()
    with pytest.raises(InputError, match=match) as caught:
        EventStore.open(path, **kwargs)
    assert "\n" not in str(caught.value)
    if before is not None:
        assert digest(path) == before
    assert wal.exists() == wal_before


def test_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.facilitator"
    path.write_text("Table 1 said: trust matters\n" * 20)
    refused(path, "not a Facilitator event file")


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.facilitator"
    path.write_bytes(b"")
    refused(path, "not a Facilitator event file")


def test_an_sqlite_file_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.facilitator"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    refused(path, "not a Facilitator event file")


def test_a_truncated_event_file(event_path: Path, store_with_themes: None) -> None:
    data = event_path.read_bytes()
    event_path.write_bytes(data[: len(data) // 2])
    refused(event_path, "damaged")


def test_a_file_from_a_newer_facilitator(event_path: Path) -> None:
    conn = sqlite3.connect(event_path)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    refused(event_path, "newer version of Facilitator")


def test_a_read_only_file_is_refused_for_writing_but_readable(event_path: Path) -> None:
    # root may write any file, so the check runs as an ordinary user when we are root,
    # in a folder that user can reach (pytest's own temporary folders are private)
    folder = Path(tempfile.mkdtemp(prefix="facilitator-readonly-"))
    folder.chmod(0o777)
    path = folder / "readonly.facilitator"
    path.write_bytes(event_path.read_bytes())
    path.chmod(0o444)
    before = digest(path)
    script = (
        "import pathlib, sys\n"
        "from facilitator.core.errors import InputError\n"
        "from facilitator.store.db import EventStore\n"
        f"path = pathlib.Path({str(path)!r})\n"
        "try:\n"
        "    EventStore.open(path)\n"
        "except InputError as exc:\n"
        "    print('refused:', exc)\n"
        "with EventStore.open(path, readonly=True) as store:\n"
        "    print('title:', store.event().title)\n"
    )
    command = [sys.executable, "-c", script]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
        after = digest(path)
    finally:
        shutil.rmtree(folder)
    assert after == before
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "refused:" in out and "is read-only" in out
    assert "title: Test event" in out


def test_a_read_only_store_refuses_saves_in_words(event_path: Path) -> None:
    with (
        EventStore.open(event_path, readonly=True) as store,
        pytest.raises(StoreError, match="read-only"),
    ):
        store.add_theme("x", table_id=None, round_id=None)


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "event.facilitator"
    folder.mkdir()
    refused(folder, "is a folder")


def test_a_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.facilitator", "no such file")


def test_a_file_already_open_in_another_running_app(event_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from facilitator.store.db import EventStore; "
            f"s = EventStore.open(__import__('pathlib').Path({str(event_path)!r})); "
            "print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        refused(event_path, "already open in another Facilitator")
    finally:
        holder.communicate("")
    # once that app is gone, the file opens again
    EventStore.open(event_path).close()


def test_a_killed_app_leaves_no_stale_lock(event_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from facilitator.store.db import EventStore; import os, pathlib; "
            f"s = EventStore.open(pathlib.Path({str(event_path)!r})); "
            "os.kill(os.getpid(), 9)",
        ]
    )
    holder.wait()
    assert Path(f"{event_path}.lock").exists()
    EventStore.open(event_path).close()


def test_new_into_a_missing_folder(tmp_path: Path, demo_deck, demo_plan) -> None:
    with pytest.raises(InputError, match="does not exist"):
        EventStore.create(
            tmp_path / "no" / "such" / "e.facilitator", title="E", deck=demo_deck, plan=demo_plan
        )


def test_new_onto_an_existing_file_leaves_it_alone(event_path: Path, demo_deck, demo_plan) -> None:
    before = digest(event_path)
    with pytest.raises(InputError, match="already exists"):
        EventStore.create(event_path, title="E", deck=demo_deck, plan=demo_plan)
    assert digest(event_path) == before


def test_a_disk_that_fills_during_a_save(store, event_path: Path) -> None:
    kept = store.add_theme("saved before the disk filled", table_id=None, round_id=None)
    # SQLite's own limit on the file's pages behaves exactly like a full disk
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(StoreError, match="disk is full"):
        for _ in range(200):
            store.add_theme("y" * 4000, table_id=None, round_id=None)
    texts = [t.text for t in store.themes()]
    assert texts[-1] == kept.text
    # the partial transaction was rolled back; the file is sound
    check = sqlite3.connect(event_path).execute("PRAGMA integrity_check").fetchone()
    assert check == ("ok",)


def test_the_event_file_removed_under_the_running_app(store, event_path: Path) -> None:
    event_path.unlink()
    with pytest.raises(StoreError, match="gone"):
        store.add_theme("where did it go", table_id=None, round_id=None)


@pytest.fixture
def store_with_themes(event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        for i in range(300):
            store.add_theme(f"theme {i} " + "x" * 200, table_id=None, round_id=None)

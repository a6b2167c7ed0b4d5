"""Read-only drives, full disks and a read-only home: a clear line, nothing lost or changed.

Issue 19, defects 6, 10 and 12.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from drives import Drive, cli

from facilitator.core.errors import InputError
from facilitator.store.db import EventStore, StoreError


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def crashed_with_entries_in_the_wal(event: Path, texts: list[str]) -> None:
    """The app saved ``texts`` and was killed before the file alone caught up."""
    script = (
        "import sys, pathlib, os, signal\n"
        "from facilitator.store.db import EventStore\n"
        "store = EventStore.open(pathlib.Path(sys.argv[1]))\n"
        "for text in sys.argv[2:]:\n"
        "    store.add_theme(text, table_id=None, round_id=None)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(event), *texts])
    assert Path(f"{event}-wal").stat().st_size > 0


@pytest.mark.parametrize("with_wal", [False, True], ids=["clean", "after-a-crash"])
def test_a_read_only_drive_serves_info_export_and_merge_untouched(
    drive: Callable[..., Drive], event_path: Path, tmp_path: Path, with_wal: bool
) -> None:
    stick = drive()
    event = stick.path / "Lab #4.facilitator"
    shutil.copyfile(event_path, event)
    if with_wal:
        crashed_with_entries_in_the_wal(event, ["said at table one", "said at table two"])
    stick.remount("ro")
    before = digest(stick.path)

    info = cli("info", str(event))
    assert info.returncode == 0, info.stderr
    assert f"Entries: {2 if with_wal else 0}" in info.stdout
    out = tmp_path / "harvest.csv"
    exported = cli("export", str(event), "--format", "csv", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    if with_wal:
        assert "said at table two" in out.read_text(encoding="utf-8-sig")
    merged = cli("merge", str(tmp_path / "merged.facilitator"), str(event))
    assert merged.returncode == 0, merged.stderr
    with pytest.raises(InputError, match="read-only"):
        EventStore.open(event)
    assert digest(stick.path) == before


def test_a_full_disk_refuses_saves_in_words_and_keeps_the_event_readable(
    drive: Callable[..., Drive], event_path: Path
) -> None:
    disk = drive("4m")
    event = disk.path / "event.facilitator"
    shutil.copyfile(event_path, event)
    with EventStore.open(event) as store:
        kept = store.add_theme("saved before the disk filled", table_id=None, round_id=None)
        disk.fill()
        with pytest.raises(StoreError, match="disk is full"):
            for n in range(2000):
                store.add_theme(f"entry {n} " + "x" * 2000, table_id=None, round_id=None)
        info = cli("info", str(event))
        assert info.returncode == 0, info.stderr
        (disk.path / "filler").unlink()
        again = store.add_theme("saved once space was freed", table_id=None, round_id=None)
    conn = sqlite3.connect(event)
    saved = {row[0] for row in conn.execute("SELECT id FROM theme")}
    conn.close()
    assert {kept.id, again.id} <= saved


def test_opening_on_a_full_disk_says_the_disk_is_full(
    drive: Callable[..., Drive], event_path: Path
) -> None:
    disk = drive("4m")
    event = disk.path / "event.facilitator"
    shutil.copyfile(event_path, event)
    disk.fill()
    with pytest.raises(InputError, match="disk is full") as refused:
        EventStore.open(event)
    assert "\n" not in str(refused.value)
    info = cli("info", str(event))
    assert info.returncode == 0, info.stderr
    assert "Entries: 0" in info.stdout


def test_a_permission_problem_is_called_that(event_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "private"
    folder.mkdir()
    event = folder / "event.facilitator"
    shutil.copyfile(event_path, event)
    event.chmod(0o000)
    command = [sys.executable, "-m", "facilitator", "info", str(event)]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        for parent in [folder, *folder.parents]:
            if parent == Path("/tmp"):
                break
            parent.chmod(parent.stat().st_mode | 0o055)
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1
    assert "permission denied" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_read_only_home_still_opens_the_app(
    drive: Callable[..., Drive], event_path: Path
) -> None:
    home = drive("1m")
    home.remount("ro")
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", str(event_path)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "HOME": str(home.path),
            "XDG_DATA_HOME": str(home.path / "share"),
            "XDG_CONFIG_HOME": str(home.path / "config"),
            "FACILITATOR_REPORT_SHOWN": "1",
            "QT_QPA_PLATFORM": "offscreen",
        },
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "shown" in result.stdout

"""Where the app keeps its data and its log."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.app import LOG_BACKUPS, LOG_MAX_BYTES, rotate_log
from facilitator.paths import resource_path, user_data_dir


def test_user_data_goes_to_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert user_data_dir() == tmp_path / "Facilitator"
    assert user_data_dir().is_dir()


def test_bundled_resources_are_found() -> None:
    assert (resource_path("cards", "system-leadership") / "deck.toml").is_file()
    assert resource_path("plans", "learning-event.toml").is_file()
    assert resource_path("sounds", "chime.wav").is_file()


def test_a_full_log_moves_aside_and_old_ones_fall_off(tmp_path: Path) -> None:
    log = tmp_path / "facilitator.log"
    for n in range(1, LOG_BACKUPS + 1):
        (tmp_path / f"facilitator.log.{n}").write_text(f"backup {n}")
    log.write_bytes(b"x" * LOG_MAX_BYTES)
    rotate_log(log)
    assert not log.exists()
    assert (tmp_path / "facilitator.log.1").stat().st_size == LOG_MAX_BYTES
    assert (tmp_path / "facilitator.log.2").read_text() == "backup 1"
    assert (tmp_path / f"facilitator.log.{LOG_BACKUPS}").read_text() == f"backup {LOG_BACKUPS - 1}"
    assert not (tmp_path / f"facilitator.log.{LOG_BACKUPS + 1}").exists()


def test_a_small_log_stays(tmp_path: Path) -> None:
    log = tmp_path / "facilitator.log"
    log.write_text("a few lines\n")
    rotate_log(log)
    assert log.read_text() == "a few lines\n"

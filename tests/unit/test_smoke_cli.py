"""`facilitator --smoke-test`: every check passes from source, and a failure is named.

The passing run is a subprocess (the smoke test starts Qt; unit tests stay Qt-free).
The failure reports are checked on the check runner itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import smoke
from facilitator.smoke import CheckFailed, SmokeRun

CHECKS = (
    "resources",
    "qt",
    "event file",
    "console",
    "projector",
    "theme",
    "round clock",
    "close",
    *(f"export {fmt}" for fmt in smoke.EXPORT_FORMATS),
    "room network",
)


def test_smoke_test_from_source_passes_every_check(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    passed = {
        line.split(":")[0].removeprefix("ok").strip() for line in lines if line.startswith("ok")
    }
    assert passed == set(CHECKS)
    assert lines[-1].startswith(f"smoke test passed: {len(CHECKS)} checks")
    assert "Traceback" not in done.stderr
    assert not any(tmp_path.rglob("*.facilitator")), "the smoke test left an event file behind"


def test_a_failed_check_is_named_and_the_exit_status_is_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def checks(run: SmokeRun, folder: Path) -> None:
        run.check("export csv", lambda: "harvest.csv, 10 bytes")
        run.check("export pdf", _fails_with("does not start with %PDF"))

    monkeypatch.setattr(smoke, "_run_checks", checks)
    assert smoke.run_smoke_test() == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "ok    export csv: harvest.csv, 10 bytes",
        "FAIL  export pdf: does not start with %PDF",
        "smoke test FAILED: 1 of 2 checks failed (export pdf)",
    ]


def test_an_unexpected_error_is_one_line_naming_where_it_happened(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = SmokeRun()

    def broken() -> str:
        return str(1 / 0)

    assert run.check("round clock", broken) is False
    line = capsys.readouterr().out.strip()
    assert line.startswith("FAIL  round clock: ZeroDivisionError: division by zero (at ")
    assert "test_smoke_cli.py:" in line
    assert "\n" not in line
    assert run.failures == ["round clock"]


def test_a_windowed_build_with_no_console_still_runs_the_checks() -> None:
    run = SmokeRun(out=None)  # a windowed Windows .exe has sys.stdout None
    assert run.check("resources", lambda: "found") is True
    assert run.passed == 1


def _fails_with(message: str):  # type: ignore[no-untyped-def]
    def step() -> str:
        raise CheckFailed(message)

    return step

"""The packaged app (dist/facilitator, built by packaging/build.sh) does what the source does.

Its smoke test passes; its headless commands work and refuse bad input in one line; it is
slim; every library it ships loads here; and "double-clicking" an event file (the command
the installed desktop entry runs) opens the console on a real X server, takes a typed
theme, quits cleanly, and writes nothing into the app's own folder.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from e2e_tools import console_window, themes, until

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dist" / "facilitator"
EXE = APP / "facilitator"
# DESIGN.md's bar is 230 MB; ours is tighter. 170 MB since the grouping suggestions brought
# rapidfuzz (11.5 MB: its generic and AVX2 builds of the edit distances)
SIZE_BAR = 170e6

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not EXE.is_file(), reason="no packaged app in dist/facilitator: run packaging/build.sh"
    ),
]


def run(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path / "home"),
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_the_frozen_smoke_test_passes_every_check(env: dict[str, str]) -> None:
    done = run("--smoke-test", env=env)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(frozen," in lines[0]
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1].startswith("smoke test passed")
    assert "/_internal/facilitator/store/migrations" in done.stdout


def test_headless_commands_work_and_bad_input_is_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    event = tmp_path / "workshop.facilitator"
    created = run("new", str(event), "--title", "Frozen workshop", "--tables", "4", env=env)
    assert created.returncode == 0, created.stderr
    info = run("info", str(event), env=env)
    assert "Title: Frozen workshop" in info.stdout
    assert "Tables: 4" in info.stdout
    out = tmp_path / "harvest.csv"
    exported = run("export", str(event), "--format", "csv", "-o", str(out), env=env)
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")

    bad = run("deck", "check", str(tmp_path / "no-such-deck.toml"), env=env)
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert "no-such-deck.toml" in bad.stderr


def test_the_folder_is_slim_and_holds_what_the_app_reads_from_disk() -> None:
    files = [p for p in APP.rglob("*") if p.is_file() and not p.is_symlink()]
    assert sum(p.stat().st_size for p in files) < SIZE_BAR
    names = [str(p.relative_to(APP)).lower() for p in files]
    for unwanted in ("qt6quick", "qt6qml", "webengine", "virtualkeyboard", "avcodec", ".qm"):
        assert not [n for n in names if unwanted in n], unwanted
    internal = APP / "_internal" / "facilitator"
    assert (internal / "store" / "migrations" / "env.py").is_file()
    assert sorted(p.name for p in (internal / "store" / "migrations" / "versions").glob("0*.py"))
    assert (internal / "resources" / "cards" / "system-leadership" / "deck.toml").is_file()
    assert (internal / "resources" / "sounds" / "chime.wav").is_file()


def test_every_shipped_library_finds_its_dependencies_here() -> None:
    """The libraries left to the system (X11, fonts, glib, sound) are present on this machine.

    Run where CI runs (a bare Debian with the packages scripts/setup.sh installs), this is
    what a venue laptop has at least.
    """
    missing = {}
    for lib in APP.rglob("*.so*"):
        if not lib.is_file():
            continue
        out = subprocess.run(
            ["ldd", str(lib)],
            capture_output=True,
            text=True,
            check=False,
            env=dict(
                os.environ,
                LD_LIBRARY_PATH=f"{APP / '_internal'}:{APP / '_internal/PySide6/Qt/lib'}",
            ),
        ).stdout
        lost = [
            line.split()[0]
            for line in out.splitlines()
            # Wayland's own libraries come with every Wayland session (not on this machine)
            if "not found" in line and not line.strip().startswith("libwayland-")
        ]
        if lost:
            missing[str(lib.relative_to(APP))] = lost
    assert missing == {}


def installed_command(tmp_path: Path, env: dict[str, str], event: Path) -> list[str]:
    """What the desktop runs when the user double-clicks ``event`` after install.sh."""
    script = APP / "install.sh"
    if not script.is_file():  # built with pyinstaller directly rather than build.sh
        script = REPO / "packaging" / "linux" / "install.sh"
    done = subprocess.run(
        ["bash", str(script), "--exec", str(EXE)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    desktop = tmp_path / "data" / "applications" / "facilitator.desktop"
    line = next(ln for ln in desktop.read_text().splitlines() if ln.startswith("Exec="))
    program, field = line.removeprefix("Exec=").rsplit(" ", 1)
    assert field == "%f"
    return [program.strip('"').replace("\\\\", "\\"), str(event)]


def test_double_clicking_an_event_opens_it_and_the_app_folder_stays_untouched(
    xserver: Any, env: dict[str, str], tmp_path: Path
) -> None:
    event = tmp_path / "venue.facilitator"
    assert run("new", str(event), "--title", "Venue day", env=env).returncode == 0
    command = installed_command(tmp_path, env, event)
    before = snapshot(APP)
    laptop = f"{xserver.display}.0"
    gui_env = xserver.env(**{k: env[k] for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME")})
    log = tmp_path / "stderr.txt"
    with open(log, "wb") as stderr:
        process = subprocess.Popen(command, env=gui_env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        window = until("the console window", lambda: console_window(laptop))
        xdotool = ["xdotool"]
        display = {**os.environ, "DISPLAY": laptop}
        subprocess.run([*xdotool, "windowfocus", "--sync", window], env=display, check=True)
        subprocess.run([*xdotool, "key", "ctrl+t"], env=display, check=True)
        subprocess.run(
            [*xdotool, "type", "--delay", "15", "Packaged and working"], env=display, check=True
        )
        subprocess.run([*xdotool, "key", "Return"], env=display, check=True)
        until("the typed theme in the file", lambda: themes(event) == ["Packaged and working"])
        # the projector window may have taken the focus meanwhile: Ctrl+Q is the console's
        subprocess.run([*xdotool, "windowfocus", "--sync", window], env=display, check=True)
        subprocess.run([*xdotool, "key", "ctrl+q"], env=display, check=True)
        until("the app to quit", lambda: process.poll() is not None)
        assert process.returncode == 0, log.read_text(errors="replace")[-3000:]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "Traceback" not in log.read_text(errors="replace")
    app_log = tmp_path / "data" / "Facilitator" / "logs" / "facilitator.log"
    assert "starting" in app_log.read_text()
    assert snapshot(APP) == before, "the app wrote into its own folder"

"""Test set-up shared by every test.

Qt must see QT_QPA_PLATFORM before it loads, and the app's user data (logs, recent list)
must go to a throwaway folder, never the developer's own.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_USER_DATA = tempfile.mkdtemp(prefix="facilitator-test-data-")
os.environ["XDG_DATA_HOME"] = _USER_DATA
os.environ["XDG_CONFIG_HOME"] = _USER_DATA

REPO = Path(__file__).resolve().parent.parent
_collector: object | None = None


@pytest.fixture(autouse=True)
def _garbage_on_the_ui_thread() -> Iterator[None]:
    """As in the app: Python collects garbage on the UI thread only, never in a worker
    thread where a Qt object of the UI thread could be destroyed (see ui/main_thread_gc)."""
    global _collector
    yield
    if _collector is None and "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            from facilitator.ui.main_thread_gc import keep_collection_on_this_thread

            _collector = keep_collection_on_this_thread(app)
    gc.collect()


@pytest.fixture
def demo_deck():  # type: ignore[no-untyped-def]
    from facilitator.core.demo import load_deck_choice

    return load_deck_choice(None)


@pytest.fixture
def demo_plan():  # type: ignore[no-untyped-def]
    from facilitator.core.demo import load_plan_choice

    return load_plan_choice(None)


@pytest.fixture
def event_path(tmp_path: Path, demo_deck, demo_plan) -> Path:  # type: ignore[no-untyped-def]
    """A closed event file made from the bundled demo deck and plan, 12 tables."""
    from facilitator.store.db import EventStore

    path = tmp_path / "event.facilitator"
    EventStore.create(
        path, title="Test event", deck=demo_deck, plan=demo_plan, tables=12, venue="Hall"
    ).close()
    return path


@pytest.fixture
def show_console(qtbot):  # type: ignore[no-untyped-def]
    """Opens an event file's console as the app shows it and waits until it has settled:
    painted, active, its projector placed (just after the first paint) and the keyboard
    still the console's. Every console it opened is closed after the test."""
    import shiboken6

    from facilitator.store.db import EventStore
    from facilitator.ui.console import ConsoleWindow

    shown: list[ConsoleWindow] = []

    def show(path: Path) -> ConsoleWindow:
        window = ConsoleWindow(EventStore.open(path))
        shown.append(window)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        qtbot.waitUntil(lambda: window.live.screens.placed_once and window.isActiveWindow())
        return window

    yield show
    for window in shown:
        if shiboken6.isValid(window):
            window.close()


@pytest.fixture
def store(event_path: Path) -> Iterator[object]:
    """The demo event, open for writing."""
    from facilitator.store.db import EventStore

    opened = EventStore.open(event_path)
    yield opened
    opened.close()


class XServer:
    """A real X server (Xvfb) with a laptop screen and a projector screen."""

    def __init__(self, display: str, process: subprocess.Popen[bytes]) -> None:
        self.display = display
        self.process = process

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            QT_XCB_NO_XRANDR="1",  # two X screens show up as two Qt screens ":N.0", ":N.1"
            **extra,
        )
        return env


@pytest.fixture
def xserver() -> Iterator[XServer]:
    """Start Xvfb with two screens (1920x1080 laptop, 1280x720 projector)."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run scripts/setup.sh --test")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number when it is ready
    process = subprocess.Popen(
        [
            "Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp",
            "-screen", "0", "1920x1080x24", "-screen", "1", "1280x720x24",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as ready:
        number = ready.readline().strip()
    if not number:
        process.kill()
        pytest.fail("Xvfb did not start")
    yield XServer(f":{number}", process)
    process.terminate()
    process.wait(timeout=10)

"""``facilitator --smoke-test``: a headless self-check of an installed or packaged app.

It exercises what a frozen build most often loses: bundled resources, Qt plugins (the
platform, SVG icons, fonts), the Alembic migrations read from the file system, the clock
on the Qt event loop, every export writer (smoke_files.py) and the room network
(smoke_room.py). One line per check; exit 0, or 1 naming what failed. Nothing is written
outside a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from facilitator.export.formats import FORMATS as EXPORT_FORMATS
from facilitator.smoke_files import CHECKERS, THEME_TEXT, CheckFailed
from facilitator.smoke_room import check_room

CLOCK_RUN_SECONDS = 1.0


class SmokeRun(Struct):
    """The checks run so far; ``out`` is None in a windowed Windows build with no console."""

    out: Any = field(default_factory=lambda: sys.stdout)
    failures: list[str] = field(default_factory=list)
    passed: int = 0

    def say(self, line: str) -> None:
        if self.out is not None:
            print(line, file=self.out, flush=True)

    def check(self, name: str, step: Callable[[], str]) -> bool:
        """Run one step; its return value is the detail printed beside ``ok``."""
        try:
            detail = step()
        except CheckFailed as exc:
            return self._fail(name, str(exc))
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            return self._fail(name, f"{type(exc).__name__}: {exc} (at {where})")
        self.passed += 1
        self.say(f"ok    {name}: {detail}")
        return True

    def _fail(self, name: str, message: str) -> bool:
        self.failures.append(name)
        self.say(f"FAIL  {name}: {message}")
        return False


def run_smoke_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    run = SmokeRun()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="facilitator-smoke-") as tmp:
        _run_checks(run, Path(tmp))
    seconds = time.perf_counter() - started
    if run.failures:
        run.say(
            f"smoke test FAILED: {len(run.failures)} of {run.passed + len(run.failures)} "
            f"checks failed ({', '.join(run.failures)})"
        )
        return 1
    run.say(f"smoke test passed: {run.passed} checks in {seconds:.1f} s")
    return 0


def _run_checks(run: SmokeRun, folder: Path) -> None:
    from facilitator import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    run.say(f"Facilitator {__version__} ({frozen}, Python {sys.version.split()[0]})")
    state: dict[str, Any] = {}

    def resources() -> str:
        from facilitator.core.demo import load_deck_choice, load_plan_choice
        from facilitator.paths import resources_root

        root = resources_root()
        for part in ("cards", "plans", "icons/facilitator.svg", "sounds/chime.wav"):
            if not (root / part).exists():
                raise CheckFailed(f"{root / part} is missing")
        state["deck"] = deck = load_deck_choice(None)
        state["plan"] = plan = load_plan_choice(None)
        return (
            f"deck {deck.name!r} ({len(deck.cards)} cards), plan {plan.title!r} "
            f"({len(plan.rounds)} rounds) from {root}"
        )

    def qt() -> str:
        from PySide6.QtGui import QIcon

        from facilitator.app import make_application
        from facilitator.paths import resource_path

        _quiet_offscreen_notes()
        state["app"] = app = make_application()
        icon = QIcon(str(resource_path("icons", "facilitator.svg")))
        if icon.pixmap(64, 64).isNull():
            raise CheckFailed("the SVG app icon did not render (Qt's SVG plugins are missing)")
        return f"Qt {_qt_version()} on the {app.platformName()} platform, SVG icons render"

    def event_file() -> str:
        from facilitator.store import migrate
        from facilitator.store.db import EventStore

        path = folder / "smoke.facilitator"
        store = EventStore.create(
            path, title="Smoke test", deck=state["deck"], plan=state["plan"], tables=3
        )
        state["path"], state["store"] = path, store
        on_disk = migrate.script_revisions()  # what Alembic finds in the migrations folder
        if on_disk != migrate.REVISIONS:
            raise CheckFailed(
                f"migrations on disk are {on_disk}, the app expects {migrate.REVISIONS}"
            )
        if store.schema_revision() != migrate.HEAD:
            raise CheckFailed(
                f"the new file is at schema {store.schema_revision()}, not {migrate.HEAD}"
            )
        return f"created with migrations {' -> '.join(on_disk)} from {migrate.MIGRATIONS_DIR}"

    def console() -> str:
        from facilitator.ui.console import ConsoleWindow

        state["console"] = window = ConsoleWindow(state["store"])
        window.show()
        _wait_until(lambda: window.isVisible() and window.windowHandle().isExposed(), 5.0)
        if not window.isVisible():
            raise CheckFailed("the console window did not show")
        return f"console window shown: {window.windowTitle()!r}"

    def projector() -> str:
        from PySide6.QtCore import QSize, Qt
        from PySide6.QtGui import QImage

        from facilitator.core.projector_state import MessageSlide, ProjectorState
        from facilitator.ui.projector import render_image

        def inked_cells(image: QImage) -> int:
            """Cells of a smooth scale-down that are not plain background: text shows up."""
            small = image.scaled(
                160,
                90,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            background = small.pixel(0, 0)
            return sum(small.pixel(x, y) != background for x in range(160) for y in range(90))

        live, _ = render_image(state["console"].controller.projector_state, QSize(1280, 720))
        # large type is what the room reads: a word in the projector's biggest size
        big, _ = render_image(ProjectorState(MessageSlide("Facilitator")), QSize(1280, 720))
        live_ink, big_ink = inked_cells(live), inked_cells(big)
        if live_ink < 50:
            raise CheckFailed("the projector rendered a blank welcome slide (no fonts?)")
        if big_ink < 100:
            raise CheckFailed("the projector drew no large text (the room would see nothing)")
        return f"welcome slide and large text rendered at 1280x720 ({live_ink}, {big_ink} cells)"

    def theme() -> str:
        from facilitator.store import operations as ops

        controller = state["console"].controller
        table_id, round_id = controller.tables[0].id, controller.rounds[0].id
        saved: list[Any] = []
        controller.service.submit(  # saved on the writer thread, as the capture panel does
            lambda store: ops.add_theme(store, THEME_TEXT, table_id=table_id, round_id=round_id),
            lambda changes, error: saved.append(error or changes.added[0]),
        )
        _wait_until(lambda: bool(saved), 5.0)
        if not saved or isinstance(saved[0], BaseException):
            raise CheckFailed(f"the theme was not saved: {saved[0] if saved else 'no answer'}")
        stored = [t.text for t in controller.store.themes()]
        if THEME_TEXT not in stored:
            raise CheckFailed("the saved theme is not in the event file")
        return f"theme saved through the event service ({saved[0].id[:8]})"

    def clock() -> str:
        return _run_clock(state["console"].controller, CLOCK_RUN_SECONDS)

    def close() -> str:
        state["console"].close()
        _process_events()
        return "console closed, event file released"

    steps: list[tuple[str, Callable[[], str]]] = [
        ("resources", resources),
        ("qt", qt),
        ("event file", event_file),
        ("console", console),
        ("projector", projector),
        ("theme", theme),
        ("round clock", clock),
        ("close", close),
    ]
    for name, step in steps:
        if not run.check(name, step) and name in ("resources", "qt", "event file", "console"):
            run.say(f"skipped the rest: later checks need {name!r}")
            return
    for fmt in EXPORT_FORMATS:
        run.check(f"export {fmt}", partial(_export, state["path"], fmt, folder))
    run.check("room network", partial(check_room, state["path"]))


def _quiet_offscreen_notes() -> None:
    """Keep the offscreen platform's notes about window hints it ignores out of the report;
    every other Qt message still reaches stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind: object, _context: object, message: str) -> None:
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _process_events() -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()


def _wait_until(done: Callable[[], bool], timeout: float) -> None:
    """Spin the Qt event loop until ``done()`` or the timeout (a headless check has no qtbot)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _run_clock(controller: Any, seconds: float) -> str:
    """Run the live round's clock on the Qt event loop for about a second.

    The console's own ClockDriver is used when it has one (so the chime's QtMultimedia is
    loaded too), else the core RoundClock on a Qt timer.
    """
    try:
        from facilitator.ui.clock_driver import ClockDriver
    except ImportError:
        return _run_core_clock(seconds)
    drivers = controller.findChildren(ClockDriver)
    driver = drivers[0] if drivers else ClockDriver(controller)
    driver.probe_sound()
    shown = [driver.reading.shown_seconds]
    driver.reading_changed.connect(lambda reading: shown.append(reading.shown_seconds))
    driver.start()
    _spin(seconds + 0.1)
    driver.pause()
    _wait_until(lambda: not controller.writer.busy(), 5.0)  # its records, on the writer
    elapsed = driver.reading.elapsed
    counted = sorted(set(shown), reverse=True)
    if counted[:2] != [shown[0], shown[0] - 1]:
        raise CheckFailed(f"the clock showed seconds {shown}, expected {shown[0]} then one less")
    if not seconds <= elapsed < seconds + 0.5:
        raise CheckFailed(f"the clock ran {elapsed:.3f} s in a {seconds:.1f} s window")
    kinds = [entry.kind for entry in controller.store.timeline()]
    if "round_started" not in kinds:
        raise CheckFailed(f"no round_started on the timeline ({kinds})")
    return f"live round ran {elapsed:.2f} s, now shows {driver.reading.text}; {_play_chime(driver)}"


def _play_chime(driver: Any) -> str:
    """Play the chime when there is a sound output; its absence is reported, not a failure."""
    from PySide6.QtMultimedia import QSoundEffect

    chime = driver.chime
    effect = getattr(chime, "_effect", None)
    if effect is None:
        return f"sound: {chime.message}"
    _wait_until(lambda: effect.status() != QSoundEffect.Status.Loading, 3.0)
    if not chime.play():
        return f"sound: {chime.message}"
    _wait_until(effect.isPlaying, 2.0)
    if not effect.isPlaying():
        raise CheckFailed(f"the chime did not start playing ({chime.message})")
    effect.stop()
    return f"the chime played on {_audio_output()}"


def _audio_output() -> str:
    from PySide6.QtMultimedia import QMediaDevices

    return QMediaDevices.defaultAudioOutput().description() or "the default output"


def _run_core_clock(seconds: float) -> str:
    from PySide6.QtCore import Qt, QTimer

    from facilitator.core.clock import RoundClock

    clock = RoundClock(60.0)
    shown: list[str] = [clock.reading().text]
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)

    def tick() -> None:
        text = clock.reading().text
        if text != shown[-1]:
            shown.append(text)
        wait = clock.next_boundary_in()
        ticker.start(max(1, int((wait or 0.5) * 1000)))

    ticker.timeout.connect(tick)
    clock.start()
    tick()
    _spin(seconds + 0.1)
    ticker.stop()
    elapsed = clock.reading().elapsed
    if shown[:2] != ["1:00", "0:59"]:
        raise CheckFailed(f"the clock showed {shown}, expected 1:00 then 0:59")
    if not seconds <= elapsed < seconds + 0.5:
        raise CheckFailed(f"the clock ran {elapsed:.3f} s in a {seconds:.1f} s window")
    return f"ran {elapsed:.2f} s on the Qt loop, showed {' -> '.join(shown)}"


def _spin(seconds: float) -> None:
    """Run the Qt event loop for this long."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _export(event: Path, fmt: str, folder: Path) -> str:
    from facilitator.export import export_event

    target = folder / f"harvest.{fmt}"
    written = Path(export_event(event, fmt, target))
    if not written.is_file() or written.stat().st_size == 0:
        raise CheckFailed(f"{written} is missing or empty")
    data = written.read_bytes()
    CHECKERS[fmt](data)
    return f"{written.name}, {len(data):,} bytes"

"""Start the GUI: QApplication on a qasync loop, logging, and a crash dialog instead of silence."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from facilitator import __version__
from facilitator.paths import APP_NAME, APP_ORG, log_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.windows import WindowManager

log = logging.getLogger("facilitator")


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def rotate_log(path: Path) -> None:
    """Keep the log small: past its size at start, it moves to .1 (and .1 to .2, ...)."""
    try:
        if not path.exists() or path.stat().st_size < LOG_MAX_BYTES:
            return
        for n in range(LOG_BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # a log that cannot rotate still logs


def setup_logging() -> Path:
    """A log in the user data folder, rotated at start: a crash at a venue leaves a trace.

    Rotated at start rather than by logging.handlers, whose import costs ~10 ms of every
    start; one session's log stays far below the size limit.
    """
    path = log_dir() / "facilitator.log"
    rotate_log(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # a hard crash (not a Python error) in a windowed app would otherwise leave no trace
    faulthandler.enable(open(log_dir() / "crash.log", "a", encoding="utf-8"))  # noqa: SIM115
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    log.info("Facilitator %s starting", __version__)
    return path


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log the error and tell the user in words; the app keeps running when it can."""
    log.error("Unhandled error", exc_info=(exc_type, exc, tb))
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        traceback.print_exception(exc_type, exc, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "Something went wrong in Facilitator.")
    box.setInformativeText(
        "What you saved is safe in the event file. The details are in the log:\n"
        f"{log_dir() / 'facilitator.log'}"
    )
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.exec()


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from facilitator.paths import resource_path

    # Not QT_MAX_CACHED_GLYPH_SIZE: raising it makes paints of large text quicker, but Qt
    # 6.11 then draws nothing for text past ~70 px, the projector's titles among it.
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    if existing is None:
        from facilitator.ui.main_thread_gc import keep_collection_on_this_thread

        keep_collection_on_this_thread(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ORG)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("facilitator")
    icon = resource_path("icons", "facilitator.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _report_when_shown(app: object) -> None:
    """For benchmarks: print when the first console or start page is painted, then quit.

    Enabled by FACILITATOR_REPORT_SHOWN=1; prints ``shown <unix time> rss_kb <resident KB>``.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched.objectName() in (
                "console",
                "start_page",
            ):
                rss = _resident_kb()
                print(f"shown {time.time():.6f} rss_kb {rss}", flush=True)
                QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
                # close the event file properly (it stays valid), then leave at once
                QTimer.singleShot(0, lambda: (QApplication.closeAllWindows(), os._exit(0)))
            return False

    watcher = FirstPaint(app)  # type: ignore[arg-type]
    app.installEventFilter(watcher)  # type: ignore[attr-defined]


def _resident_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _open_files_from_the_desktop(app: QApplication, manager: WindowManager) -> None:
    """macOS hands a double-clicked event file to the running app as a FileOpen event."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QFileOpenEvent

    class FileOpen(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
                manager.open_event(Path(event.file()))
                return True
            return False

    app.installEventFilter(FileOpen(app))


def run_gui(event_path: Path | None = None, demo: bool = False) -> int:
    """Open the start page, an event, or a fresh demo event; run until the last window closes."""
    setup_logging()
    sys.excepthook = _excepthook
    app = make_application()
    if os.environ.get("FACILITATOR_REPORT_SHOWN"):
        _report_when_shown(app)

    from facilitator.ui.windows import WindowManager

    manager = WindowManager()
    if sys.platform == "darwin":
        _open_files_from_the_desktop(app, manager)
    if demo:
        manager.open_demo()
    elif event_path is not None:
        manager.open_event(event_path)
    else:
        manager.show_start()
    if not manager.has_windows():
        return 1
    # paint the first window before the asyncio machinery loads (~0.1 s): the facilitator
    # sees the console sooner, and nothing async is needed until the loop runs
    app.processEvents()
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app_close = asyncio.Event()
    app.aboutToQuit.connect(app_close.set)
    with loop:
        loop.run_until_complete(app_close.wait())
    return 0

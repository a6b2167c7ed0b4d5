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
    from PySide6.QtWidgets import QApplication, QWidget

    from facilitator.ui.console import ConsoleWindow
    from facilitator.ui.windows import WindowManager

log = logging.getLogger("facilitator")


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
PROJECTOR_REPORT_WAIT_MS = 1500  # benchmarks: how long to wait for the projector's slide


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


def _spare_pyside_source_scans() -> None:
    """Spare PySide reading the source of every module imported after it.

    Once PySide6 is loaded, its import hook reads the source text of every module imported
    after it (stdlib ones too) to look for "PySide6", for its opt-in ``__feature__`` syntax
    (snake_case, true_property), which this app never uses: ~8 ms of the start, and more
    for every library loaded later. What it finds only sets a module's entry in its table:
    0 "may select a feature", -1 "ignore"; with no feature ever selected the two behave
    the same, so every module is taken as one that ignores them, unread. Without that
    function (another PySide version) this does nothing and PySide reads as before.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _selects_no_pyside_feature)  # noqa: B010


def _selects_no_pyside_feature(module: object) -> bool:
    return False


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from facilitator.paths import resource_path

    _spare_pyside_source_scans()
    from facilitator.ui.looks import FUSION_FROM_START

    # Not QT_MAX_CACHED_GLYPH_SIZE: raising it makes paints of large text quicker, but Qt
    # 6.11 then draws nothing for text past ~70 px, the projector's titles among it.
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fusion, the console's style on every platform (ui/looks.py), from the start: the
        # look then needs not ask Qt which style it has (its first touch of QStyle from
        # Python costs ~6 ms)
        app = QApplication([*(argv or sys.argv[:1]), "-style", "Fusion"])
        app.setProperty(FUSION_FROM_START, True)
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


def _report_when_shown(window: QWidget) -> None:
    """For benchmarks: print when the first window (console or start page) is painted, then quit.

    Enabled by FACILITATOR_REPORT_SHOWN=1; prints ``shown <unix time> rss_kb <resident KB>``,
    then, for a console whose projector comes up, ``projector <unix time>`` at the projector's
    first paint. The filters sit on those windows: an application-wide Python filter would
    see every event of every internal Qt object and slow down the very start it measures.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.deferred import on_first_paint

    def leave() -> None:
        QApplication.closeAllWindows()  # the event file is closed properly, it stays valid
        os._exit(0)

    def window_shown() -> None:
        print(f"shown {time.time():.6f} rss_kb {_resident_kb()}", flush=True)
        projector = getattr(window, "projector", None)
        if projector is None:
            QTimer.singleShot(0, leave)
            return
        on_first_paint(projector, projector_shown)
        QTimer.singleShot(PROJECTOR_REPORT_WAIT_MS, leave)  # one screen: it stays hidden

    def projector_shown() -> None:
        print(f"projector {time.time():.6f}", flush=True)
        QTimer.singleShot(0, leave)

    on_first_paint(window, window_shown)


def _resident_kb() -> int:
    if sys.platform == "win32":
        return _working_set_kb()
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _working_set_kb() -> int:
    """Windows' resident size: the working set (psapi), as Task Manager shows it."""
    if sys.platform != "win32":
        return 0
    import ctypes

    class Counters(ctypes.Structure):  # PROCESS_MEMORY_COUNTERS: 2 DWORDs, 8 SIZE_Ts
        _fields_ = [("cb", ctypes.c_uint32), ("faults", ctypes.c_uint32)] + [
            (f"size{n}", ctypes.c_size_t) for n in range(8)
        ]

    counters = Counters(cb=ctypes.sizeof(Counters))
    kernel32, psapi = ctypes.WinDLL("kernel32"), ctypes.WinDLL("psapi")
    kernel32.GetCurrentProcess.restype = ctypes.c_void_p  # a HANDLE, not a 32-bit int
    psapi.GetProcessMemoryInfo.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32]
    psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb)
    return int(counters.size1) // 1024  # WorkingSetSize


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


def _until_the_projector_is_up(console: ConsoleWindow) -> None:
    """Run Qt's events until the projector's first paint (placed just after the console's)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from facilitator.ui.console import PLACE_PROJECTOR_BY_MS
    from facilitator.ui.deferred import after_first_paint

    waiting = QEventLoop()
    after_first_paint(console.projector, waiting.quit)
    # a projector that stays off (F5 remembered, no screen for it) is not waited for long
    QTimer.singleShot(PLACE_PROJECTOR_BY_MS + 200, waiting.quit)
    waiting.exec()


def _type_for_a_test(console: ConsoleWindow, text: str) -> None:
    """For end-to-end tests: type ``text`` into the capture entry, then print ``typed``
    (FACILITATOR_TEST_TYPE; the test then ends the app while the draft is not yet kept)."""
    entry = console.capture.panel.entry
    entry.setFocus()
    entry.insertPlainText(text)
    print("typed", flush=True)


def _open_the_room(console: ConsoleWindow, port: int | None) -> None:
    """``--room``: open the room network and print one ``room: URL`` line per address."""
    urls = console.room.open(port)
    for url in urls:
        print(f"room: {url}", flush=True)
    if console.room.control.is_open and not urls:
        print(
            "facilitator: the room is open on port "
            f"{console.room.control.port}, but this laptop is on no network",
            file=sys.stderr,
            flush=True,
        )
    elif not console.room.control.is_open:
        print("facilitator: the room network could not open", file=sys.stderr, flush=True)


def run_gui(
    event_path: Path | None = None,
    demo: bool = False,
    *,
    room: bool = False,
    port: int | None = None,
) -> int:
    """Open the start page, an event, or a fresh demo event; run until the last window closes.
    With ``room``, the event opens with the room network open (on ``port``)."""
    # the start's one library beside Qt, loaded before PySide: PySide reads the source of
    # every module loaded after it that it was not told about (_spare_pyside_source_scans)
    import msgspec  # noqa: F401

    setup_logging()
    sys.excepthook = _excepthook
    app = make_application()

    from facilitator.ui.windows import WindowManager

    manager = WindowManager()
    from facilitator.ui.session_end import watch

    session_end = watch(app, manager)  # SIGTERM, SIGINT, a logout: keep the draft, close
    if sys.platform == "darwin":
        _open_files_from_the_desktop(app, manager)
    if demo:
        manager.open_demo()
    elif event_path is not None:
        manager.open_event(event_path)
    else:
        manager.show_start()
    first_window = manager.console or manager.start_window
    if first_window is None:
        return 1
    if os.environ.get("FACILITATOR_REPORT_SHOWN"):
        _report_when_shown(first_window)
    # paint the first window, then the projector's first slide, before the asyncio
    # machinery loads (~30 ms): nothing async is needed until the loop runs
    app.processEvents()
    if sys.platform == "win32":
        from facilitator.ui.file_type import offer

        offer(first_window)  # the .facilitator file type, on the first run of this user
    if manager.console is not None:
        _until_the_projector_is_up(manager.console)
        if not manager.has_windows():  # quit already
            return 0
        if room:
            _open_the_room(manager.console, port)
        if os.environ.get("FACILITATOR_TEST_TYPE"):
            _type_for_a_test(manager.console, os.environ["FACILITATOR_TEST_TYPE"])
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app_close = asyncio.Event()
    app.aboutToQuit.connect(app_close.set)
    app.aboutToQuit.connect(manager.app_quitting)  # quit by Qt itself: the event closes cleanly
    with loop:
        loop.run_until_complete(app_close.wait())
    del session_end
    return 0

"""The app ended from outside: SIGTERM (a logout, a shutdown), SIGINT (Ctrl+C in a terminal)
or the desktop session asking it to save its work. The draft is kept and the event file
closed cleanly; entries that could not be saved go to a CSV file in the user data folder.

Python runs a signal handler only when it gets to run, and under Qt's event loop it may
not for a long time; so the signal's number is written to a socket (``set_wakeup_fd``)
that a QSocketNotifier watches, and the work is done there, on the UI thread.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSocketNotifier

if TYPE_CHECKING:
    from PySide6.QtGui import QSessionManager
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
SIGNALS = tuple(s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGINT", "SIGHUP")) if s)


class AppWindows(Protocol):
    """What the session's end asks of the app's windows (app.py gives its window manager)."""

    def end_session(self) -> None: ...

    def keep_work(self) -> None: ...


class SessionEnd(QObject):
    """Watches for the signals and the session's requests; see the module's text."""

    def __init__(self, app: QApplication, manager: AppWindows) -> None:
        super().__init__(app)
        self.manager = manager
        self._read_fd, write_fd = _wakeup_pair()
        try:
            signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        except ValueError:  # not the main thread (tests that start the GUI elsewhere)
            log.warning("signals are not watched: not on the main thread")
            return
        for signum in SIGNALS:
            signal.signal(signum, _noted)
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._signalled)
        app.commitDataRequest.connect(self._commit_data)

    def _signalled(self) -> None:
        try:
            numbers = _read(self._read_fd)
        except OSError:
            return
        for number in numbers:
            log.warning("ending on signal %s: keeping the draft, closing the event", number)
        self.manager.end_session()

    def _commit_data(self, _session: QSessionManager) -> None:
        """The desktop session is ending (or saving): keep what is typed now."""
        log.info("the session asks to save: keeping the draft")
        self.manager.keep_work()


def _noted(signum: int, _frame: object) -> None:
    """The signal is handled by the socket's notifier; Python's default would end at once."""


def _wakeup_pair() -> tuple[int, int]:
    """Two non-blocking ends: a pipe (no socket module to load at start), a socket pair on
    Windows, whose set_wakeup_fd takes only a socket."""
    if sys.platform != "win32":
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        return read_fd, write_fd
    import socket

    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    _kept.extend((reader, writer))
    return reader.fileno(), writer.fileno()


def _read(fd: int) -> bytes:
    if sys.platform != "win32":
        return os.read(fd, 64)
    data: bytes = next(s for s in _kept if s.fileno() == fd).recv(64)
    return data


_kept: list[Any] = []  # the Windows sockets, kept open


def watch(app: QApplication, manager: AppWindows) -> SessionEnd:
    return SessionEnd(app, manager)

"""Work-arounds for bugs in the Qt binding that would otherwise crash the app.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to
it, so every emit from Python code takes one reference away from ``True``. On Python 3.11
``True`` starts with a few hundred references: after that many emits the interpreter
frees it and aborts ("Fatal Python error: bool_dealloc"), minutes into a running round.
Python 3.12 made ``True`` and ``False`` immortal; we do the same on 3.11 by giving them a
reference count no run of the app can use up.
"""

from __future__ import annotations

import ctypes
import sys

_ENOUGH = 1 << 40  # about 10^12 emits
_done = False


def protect_bool_refcounts() -> None:
    """Make ``True`` and ``False`` effectively immortal (idempotent; no-op on 3.12+)."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    for value in (True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(value)).value += _ENOUGH
    _done = True

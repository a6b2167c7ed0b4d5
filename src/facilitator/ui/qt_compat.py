"""Work-arounds for bugs in the Qt binding that would otherwise crash the app.

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void method (``painter.save()``,
``widget.setText()``...) and ``True`` from ``SignalInstance.emit()`` without taking a
reference to it, so each such call takes one reference away from ``None`` or ``True``.
Those start with a few hundred to a few thousand references: a projector repainting
every second uses them up within minutes, the interpreter frees ``None`` and aborts
("Fatal Python error: none_dealloc" / "bool_dealloc"). Python 3.12 made ``None``,
``True`` and ``False`` immortal, which hides the bug there; we do the same on 3.11 by
giving them a reference count no run of the app can use up.
"""

from __future__ import annotations

import ctypes
import sys

_ENOUGH = 1 << 40  # about 10^12 calls
_done = False


def protect_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal (idempotent; nothing to do
    on Python 3.12 and later, where they are immortal already)."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    for value in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(value)).value += _ENOUGH
    _done = True

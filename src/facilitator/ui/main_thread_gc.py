"""Python's garbage collection, kept on the UI thread.

Python collects reference cycles in whichever thread happens to allocate when a threshold
is crossed. When that is a worker thread (an export, the entries reader), a Qt object that
belongs to the UI thread can be destroyed there: Qt warns ("Timers cannot be stopped from
another thread") and may crash. So automatic collection is switched off, and a timer on
the UI thread collects each generation as soon as Python's own thresholds say it is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 250


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(CHECK_MS)

    def collect_due(self) -> None:
        """Collect the generations whose counts passed Python's thresholds (cheap otherwise)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)  # collecting a generation collects the younger ones
                return


def keep_collection_on_this_thread(parent: QObject) -> MainThreadCollector:
    """Call once, on the UI thread, after the QApplication exists."""
    return MainThreadCollector(parent)

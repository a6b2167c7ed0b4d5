"""The grouping board's redraw on the UI thread, for a round of 1,200 and of 5,000 entries.

Bar (DESIGN.md): the UI thread never stalls over 50 ms. The read and the suggestions run on
the board's reader thread; this measures what is left on the UI thread when they arrive:
the three columns drawn afresh (as after every change), layout included. Baseline, in the
same run: the same lines put into a bare QListView (a QStringListModel), the least a list
of that many lines costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_board.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QListView

from bench_groups import event_with, room_texts
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.grouping import steps
from facilitator.ui.grouping.board import GroupingBoard

BAR_MS = 50


def timed(app: QApplication, job: object, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()  # type: ignore[operator]
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication([])
    over = False
    with tempfile.TemporaryDirectory(prefix="bench-board-") as folder:
        for size in (1_200, 5_000):
            path = event_with(Path(folder), room_texts(size))
            store = EventStore.open(path)
            controller = EventController(store)
            board = GroupingBoard(controller)
            board.resize(1300, 700)
            board.show()
            data = steps.board_job(store.rounds()[0].id)(store)
            lines = [t.text for t in data.entries]
            bare = QListView()
            bare.show()

            def baseline(bare: QListView = bare, lines: list[str] = lines) -> None:
                bare.setModel(QStringListModel(lines))

            base = timed(app, baseline, args.runs)
            redraw = timed(app, lambda b=board, d=data: b._arrived(d, None), args.runs)
            worst = max(redraw)
            over |= statistics.median(redraw) >= BAR_MS
            print(
                f"{size:,} entries, {len(data.suggestions):,} suggestions:"
                f" baseline (bare list) median {statistics.median(base):.1f} ms;"
                f" board redraw median {statistics.median(redraw):.1f} ms, worst {worst:.1f} ms"
            )
            controller.close()
            store.close()
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Start-up: time to the console shown, and memory, against a bare PySide6 window.

Both are measured in the same run, alternating, each in a fresh process, from the moment
the process is launched to its first paint. Usage: python benchmarks/bench_start.py [runs]
On a display (DISPLAY set) it measures there; QT_QPA_PLATFORM=offscreen measures without one.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            status = open('/proc/self/status').read().splitlines()
            rss = next(int(s.split()[1]) for s in status if s.startswith('VmRSS'))
            print(f"shown {time.time():.6f} rss_kb {rss}", flush=True)
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
f = FirstPaint()
window.installEventFilter(f)  # on the window, as the app's own report does
window.show()
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int, float | None]:
    """Seconds from launch to the first paint, resident KB then, and seconds to the
    projector's first paint when the run shows one (two screens)."""
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).stdout
    rows = out.splitlines()
    _, shown, _, rss = next(row for row in rows if row.startswith("shown ")).split()
    projector = next((row.split()[1] for row in rows if row.startswith("projector ")), None)
    return float(shown) - start, int(rss), None if projector is None else float(projector) - start


def main() -> None:
    args = sys.argv[1:]
    before_src = None
    if "--before" in args:
        at = args.index("--before")
        before_src = args[at + 1]
        del args[at : at + 2]
    runs = int(args[0]) if args else 7
    workdir = Path(tempfile.mkdtemp(prefix="bench-start-"))
    env = dict(
        os.environ,
        # the real display when there is one (as people run it), else Qt's offscreen one
        QT_QPA_PLATFORM=os.environ.get(
            "QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen"
        ),
        XDG_DATA_HOME=str(workdir),
        FACILITATOR_REPORT_SHOWN="1",
    )
    # as installed: byte code cached (pip compiles it at install); a warm-up run writes it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    event = workdir / "bench.facilitator"
    # as people start it: the installed `facilitator` command (README, desktop entry)
    script = Path(sys.executable).with_name("facilitator")
    facilitator = [str(script)] if script.exists() else [sys.executable, "-m", "facilitator"]
    subprocess.run([*facilitator, "new", str(event)], check=True, env=env, capture_output=True)
    measure([sys.executable, "-c", BARE], env)
    measure([*facilitator, str(event)], env)
    before_env = dict(env, PYTHONPATH=before_src) if before_src else None
    if before_env is not None:
        measure([*facilitator, str(event)], before_env)
    bare: list[tuple[float, int, float | None]] = []
    app: list[tuple[float, int, float | None]] = []
    before: list[tuple[float, int, float | None]] = []
    for _ in range(runs):
        bare.append(measure([sys.executable, "-c", BARE], env))
        app.append(measure([*facilitator, str(event)], env))
        if before_env is not None:
            before.append(measure([*facilitator, str(event)], before_env))
    bare_t = statistics.median(t for t, _, _ in bare)
    app_t = statistics.median(t for t, _, _ in app)
    bare_m = statistics.median(m for _, m, _ in bare) / 1024
    app_m = statistics.median(m for _, m, _ in app) / 1024
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs}, app started as: {facilitator[0]}")
    print(f"bare PySide6 window shown:  median {bare_t * 1000:.0f} ms, RSS {bare_m:.0f} MB")
    print(f"console shown on an event:  median {app_t * 1000:.0f} ms, RSS {app_m:.0f} MB")
    projector = [p for _, _, p in app if p is not None]
    if projector:
        print(
            f"projector's first slide shown: median {statistics.median(projector) * 1000:.0f} ms"
            f" ({len(projector)} of {runs} runs had a second screen)"
        )
    if before:
        before_t = statistics.median(t for t, _, _ in before)
        before_m = statistics.median(m for _, m, _ in before) / 1024
        print(
            f"the same from {before_src}: median {before_t * 1000:.0f} ms, RSS {before_m:.0f} MB"
            f" ({before_t / bare_t:.2f}x)"
        )
    print(f"ratio to bare window: {app_t / bare_t:.2f}x (bar: 2x); memory bar: 120 MB")


if __name__ == "__main__":
    main()

"""A stalled disk while the scribe saves: how late the projector's clock flips its seconds.

The event file lives on a small ext4 image, loop-mounted; ``fsfreeze -f`` stalls it as a
slow or failing USB stick would (every write waits), ``fsfreeze -u`` lets it go. The real
console (offscreen by default) runs a round's clock on its projector; each painted clock
text is compared with the true second boundary, as in bench_clock.py.

Phases, in one run:
  healthy   the disk works; an entry is saved every 0.5 s (the writer thread)
  stalled   the disk is frozen for STALL seconds (default 5) while an entry is saved every
            0.5 s (the writer thread); then it is let go and the entries land
  baseline  the disk is frozen again and one entry is saved the way it was before issue 19,
            on the UI thread (EventStore.add_theme called from it)

Bar (DESIGN.md): the clock's worst flip error under 20 ms while the disk stalls.
Needs root (mount, losetup, fsfreeze); skips with a message otherwise.

Usage: sudo python benchmarks/bench_stall.py [STALL_SECONDS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_DATA = tempfile.mkdtemp(prefix="bench-stall-data-")
os.environ["XDG_DATA_HOME"] = _DATA  # the app's log and lists: not on the frozen disk
os.environ["XDG_CONFIG_HOME"] = _DATA

from msgspec.structs import replace  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def run(*args: str) -> bool:
    return subprocess.run(args, capture_output=True, check=False).returncode == 0


def mount_image(folder: Path) -> Path | None:
    """A 64 MB ext4 image mounted under ``folder``; None (and why, printed) if it cannot be."""
    if not all(shutil.which(tool) for tool in ("mkfs.ext4", "mount", "fsfreeze")):
        print("skipped: mkfs.ext4, mount and fsfreeze are needed")
        return None
    image, mount = folder / "disk.img", folder / "mnt"
    mount.mkdir()
    with open(image, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    if not run("mkfs.ext4", "-q", "-F", str(image)) or not run(
        "mount", "-o", "loop", str(image), str(mount)
    ):
        print("skipped: cannot loop-mount an ext4 image (run as root, with loop devices)")
        return None
    if not run("fsfreeze", "-f", str(mount)) or not run("fsfreeze", "-u", str(mount)):
        run("umount", str(mount))
        print("skipped: fsfreeze does not work here")
        return None
    return mount


def describe(name: str, offsets: list[float]) -> str:
    if not offsets:
        return f"{name}: no flips recorded"
    absolute = [abs(v) for v in offsets]
    return (
        f"{name}: n={len(offsets)}  median={statistics.median(absolute):7.2f} ms  "
        f"max={max(absolute):8.2f} ms"
    )


def main() -> int:
    stall = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    folder = Path(tempfile.mkdtemp(prefix="bench-stall-"))
    mount = mount_image(folder)
    if mount is None:
        return 0
    frozen = threading.Event()

    def freeze() -> None:
        frozen.set()
        run("fsfreeze", "-f", str(mount))

    def thaw() -> None:
        run("fsfreeze", "-u", str(mount))
        frozen.clear()

    try:
        return bench(mount, stall, freeze, thaw)
    finally:
        thaw()
        run("umount", str(mount))


def bench(mount: Path, stall: float, freeze: object, thaw: object) -> int:
    from facilitator.core.demo import load_deck_choice, load_plan_choice
    from facilitator.core.projector_state import RoundSlide
    from facilitator.store.db import EventStore
    from facilitator.ui.console import ConsoleWindow

    assert callable(freeze) and callable(thaw)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    plan = load_plan_choice(None)
    plan = replace(plan, rounds=(replace(plan.rounds[0], minutes=30), *plan.rounds[1:]))
    path = mount / "stall.facilitator"
    EventStore.create(path, title="Stall bench", deck=load_deck_choice(None), plan=plan).close()
    console = ConsoleWindow(EventStore.open(path))
    console.show()
    panel = console.capture.panel
    projector = console.projector
    driver = console.clock.driver

    painted: list[tuple[float, str]] = []
    original_paint = type(projector).paintEvent

    def recording_paint(event: QPaintEvent) -> None:
        original_paint(projector, event)
        slide = projector.state.slide
        if isinstance(slide, RoundSlide):
            painted.append((time.monotonic(), slide.clock.text))

    projector.paintEvent = recording_paint  # type: ignore[method-assign]
    phases: list[tuple[str, float, float]] = []
    held: dict[str, list[float]] = {"healthy": [], "stalled": [], "baseline": []}
    clock: dict[str, float] = {}
    slow_seen: list[str] = []
    panel.pending_box.slow_line.setText = _spy(panel.pending_box.slow_line.setText, slow_seen)  # type: ignore[method-assign]

    def save_now(phase: str, n: int) -> None:
        panel.entry.setPlainText(f"{phase} entry {n}")
        started = time.perf_counter()
        panel.save()
        held[phase].append((time.perf_counter() - started) * 1000)

    def saves(phase: str, seconds: float) -> None:
        for n in range(int(seconds / 0.5)):
            QTimer.singleShot(int(n * 500) + 250, lambda n=n: save_now(phase, n))

    def start() -> None:
        QTest.keyClick(console, Qt.Key.Key_PageDown)  # the round's slide goes up
        driver.toggle()
        reading = driver.clock.reading()
        clock["t0"] = time.monotonic() - reading.elapsed
        clock["total"] = reading.total
        QTimer.singleShot(1500, healthy)

    def healthy() -> None:
        phases.append(("healthy", time.monotonic(), time.monotonic() + 6))
        saves("healthy", 6)
        QTimer.singleShot(6500, stalled)

    def stalled() -> None:
        # fsfreeze syncs the disk first: run it beside the UI thread, as the stick would stall
        threading.Thread(target=freeze).start()
        threading.Timer(stall, thaw).start()
        phases.append(("stalled", time.monotonic(), time.monotonic() + stall))
        saves("stalled", stall)
        QTimer.singleShot(int(stall * 1000) + 3000, baseline)

    def baseline() -> None:
        caught_up["entries"] = sum(1 for t in console.controller.store.themes())
        threading.Thread(target=freeze).start()
        threading.Timer(stall, thaw).start()
        phases.append(("baseline", time.monotonic(), time.monotonic() + stall + 1))

        def on_the_ui_thread() -> None:
            started = time.perf_counter()
            console.controller.store.add_theme(
                "saved on the UI thread", table_id=None, round_id=None
            )
            held["baseline"].append((time.perf_counter() - started) * 1000)

        QTimer.singleShot(500, on_the_ui_thread)
        QTimer.singleShot(int(stall * 1000) + 2500, lambda: app.exit(0))

    caught_up: dict[str, int] = {}
    QTimer.singleShot(1000, start)
    app.exec()
    waiting_left = panel.controller.writer.waiting()
    console.close()
    app.processEvents()

    offsets: dict[str, list[float]] = {name: [] for name, _s, _e in phases}
    gaps: dict[str, list[float]] = {name: [] for name, _s, _e in phases}
    previous, previous_at = None, 0.0
    for at, text in painted:
        if text != previous and previous is not None:
            shown = _parse(text)
            offset = (at - (clock["t0"] + clock["total"] - shown)) * 1000
            for name, begin, end in phases:
                if begin <= at <= end + 0.5:
                    offsets[name].append(offset)
                    gaps[name].append((at - previous_at) * 1000)
        if text != previous:
            previous_at = at
        previous = text
    print(f"disk stalled {stall:.0f} s (fsfreeze), platform {os.environ['QT_QPA_PLATFORM']}")
    for name in ("healthy", "stalled", "baseline"):
        print(describe(f"clock flips, {name:8}", offsets.get(name, [])))
    for name in ("healthy", "stalled", "baseline"):
        longest = max(gaps.get(name, []), default=float("nan"))
        print(f"longest time between two flips, {name:8}: {longest:8.2f} ms (1000 expected)")
    for name in ("healthy", "stalled", "baseline"):
        if held[name]:
            median = statistics.median(held[name])
            print(
                f"UI thread held by a save, {name:8}: median {median:8.2f} ms"
                f"  max {max(held[name]):8.2f} ms"
            )
    expected = len(held["stalled"]) + len(held["healthy"])
    print(f"entries saved after the stall: {caught_up.get('entries', 0)} of {expected}")
    shown = next((t for t in slow_seen if t), "(nothing)")
    print(f"shown while stalled: {shown!r}; waiting at the end: {waiting_left}")
    worst = max((abs(v) for v in offsets.get("stalled", [])), default=float("inf"))
    ok = worst < 20
    print(f"bar (worst flip error while the disk stalls < 20 ms): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def _spy(setter: object, seen: list[str]) -> object:
    def spied(text: str) -> None:
        seen.append(text)
        setter(text)  # type: ignore[operator]

    return spied


def _parse(text: str) -> int:
    """ "14:59" -> 899, "+0:12" -> -12."""
    sign = -1 if text.startswith("+") else 1
    seconds = 0
    for part in text.lstrip("+").split(":"):
        seconds = seconds * 60 + int(part)
    return sign * seconds


if __name__ == "__main__":
    sys.exit(main())

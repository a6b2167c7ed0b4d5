"""Export every format for a 1,200-entry event and a 50,000-entry event.

Bars (DESIGN.md): under 2 s per format for 1,200 entries, under 10 s for 50,000. Each
figure is the whole ``facilitator export``: open the event read-only, build the harvest,
write the file. Baseline, measured in the same run: the same entries read straight from
SQLite and dumped with the csv module, the least any export can cost.

    .venv/bin/python benchmarks/bench_export.py [--runs N] [--only pdf,xlsx] [--sizes 1200]
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from facilitator.core.harvest import build_harvest
from facilitator.export import FORMATS, export_event
from facilitator.store.db import EventStore
from unit.harvest_sample import big_event

BARS = {1_200: 2.0, 50_000: 10.0}
TABLES = {1_200: 12, 50_000: 100}


CPU: list[float] = []  # the process time of each run timed last, beside its wall time


def timed(job: Callable[[], object], runs: int) -> list[float]:
    """Wall times of ``runs`` runs; their CPU times go to CPU (on a machine shared with
    other work the CPU time moves far less than the wall time)."""
    times = []
    CPU.clear()
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        job()
        times.append(time.perf_counter() - start)
        CPU.append(time.process_time() - cpu)
    return times


def baseline(path: Path, out: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT round_id, table_id, kind, text, cards_json, created_at FROM theme"
            " WHERE deleted_at IS NULL ORDER BY created_at"
        )
        with open(out, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    finally:
        conn.close()


def harvest_only(path: Path) -> None:
    with EventStore.open(path, readonly=True) as store:
        build_harvest(store)


def line(label: str, times: list[float], bar: float | None = None) -> str:
    median = statistics.median(times)
    worst = max(times)
    verdict = "" if bar is None else ("  ok" if worst < bar else f"  OVER the {bar:g} s bar")
    cpu = f"   cpu {statistics.median(CPU):6.2f} s" if CPU else ""
    return f"  {label:<22} median {median:6.2f} s   worst {worst:6.2f} s{cpu}{verdict}"


def run_size(work: Path, size: int, formats: list[str], runs: int) -> int:
    """Print the figures for one event size; return how many formats are over the bar."""
    runs = runs or (5 if size <= 5_000 else 3)
    bar = BARS.get(size, 10.0)
    start = time.perf_counter()
    path = big_event(work, size, tables=TABLES.get(size, 100))
    made = time.perf_counter() - start
    print(f"\n{size:,} entries ({made:.1f} s to make the event), {runs} runs each:")
    print(line("baseline: sqlite->csv", timed(lambda: baseline(path, work / "b.csv"), runs)))
    print(line("harvest model only", timed(lambda: harvest_only(path), runs)))
    over = 0
    for fmt in formats:
        out = work / f"out-{size}.{fmt}"
        times = timed(lambda fmt=fmt, out=out: export_event(path, fmt, out), runs)
        print(line(f"{fmt} ({out.stat().st_size / 1024:,.0f} kB)", times, bar))
        over += max(times) >= bar
    return over


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default 5 / 3)")
    parser.add_argument("--only", default=",".join(FORMATS), help="formats, comma separated")
    parser.add_argument("--sizes", default="1200,50000", help="event sizes, comma separated")
    args = parser.parse_args()
    formats = [f for f in args.only.split(",") if f]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        over = sum(run_size(Path(folder), size, formats, args.runs) for size in sizes)
    verdict = "all under their bars" if not over else f"{over} over their bars"
    print(f"\nload at the end {os.getloadavg()[0]:.2f}; {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Suggested groups for 1,200, 5,000 and 50,000 entries.

Bars (issue 15): under 1 s for 1,200 entries (a big day), under 10 s for 50,000. The
entries are made like a room's: ideas of three to nine words from a vocabulary of a few
thousand, each said at one to six tables, with the slips scribes make (case, punctuation,
plurals, a typo, another word order). Figures: ``suggest`` on the texts in memory, and
the whole ``facilitator suggest-groups`` (open the file, read, suggest, print). Baseline,
measured in the same run: reading the same entries from the event file (``themes()``).

    .venv/bin/python benchmarks/bench_groups.py [--runs N] [--sizes 1200,5000,50000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sqlite3
import statistics
import string
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_export import timed
from facilitator.core.suggest import Said, suggest
from facilitator.store.db import EventStore
from facilitator.store.suggestions import suggest_cli
from unit.harvest_sample import big_event

BARS = {1_200: 1.0, 50_000: 10.0}


def vocabulary(rng: random.Random, size: int = 3_000) -> list[str]:
    return ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 11))) for _ in range(size)]


def slip(rng: random.Random, text: str) -> str:
    """What a scribe may do to an idea another table said."""
    roll = rng.random()
    if roll < 0.2:
        return text.upper() if rng.random() < 0.3 else text.lower()
    if roll < 0.4:
        return text + rng.choice(".!…")
    if roll < 0.55 and len(text) > 8:
        n = rng.randrange(1, len(text) - 2)
        return text[:n] + text[n + 1] + text[n] + text[n + 2 :]  # two letters swapped
    if roll < 0.7:
        words = text.split()
        rng.shuffle(words)
        return " ".join(words).capitalize()
    if roll < 0.8:
        return text + "s"
    return text


def room_texts(size: int, seed: int = 15) -> list[tuple[str, int]]:
    """(text, table) for ``size`` entries."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (n + 1) for n in range(len(words))]  # a few words common, most rare
    out: list[tuple[str, int]] = []
    while len(out) < size:
        idea = " ".join(rng.choices(words, weights, k=rng.randint(3, 9))).capitalize()
        for table in rng.sample(range(100), rng.choice((1, 1, 1, 2, 3, 6))):
            out.append((slip(rng, idea), table))
    return out[:size]


def line(label: str, times: list[float], bar: float | None = None) -> str:
    median, worst = statistics.median(times), max(times)
    verdict = "" if bar is None else ("  ok" if worst < bar else f"  OVER the {bar:g} s bar")
    return f"  {label:<28} median {median:6.3f} s   worst {worst:6.3f} s{verdict}"


def event_with(work: Path, texts: list[tuple[str, int]]) -> Path:
    """An event file holding ``texts`` as its entries, at their tables, in one round."""
    path = big_event(work, len(texts), tables=100)
    with EventStore.open(path) as store:
        tables = [t.id for t in store.tables()]
        first_round = store.rounds()[0].id
        ids = [t.id for t in store.themes()]
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "UPDATE theme SET text = ?, table_id = ?, round_id = ? WHERE id = ?",
            [
                (text, tables[table], first_round, entry_id)
                for (text, table), entry_id in zip(texts, ids, strict=True)
            ],
        )
    conn.close()
    return path


def read_entries(path: Path) -> None:
    with EventStore.open(path, readonly=True) as store:
        store.themes()


def command(path: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        suggest_cli(path, None)


def run_size(folder: Path, size: int, runs: int) -> bool:
    """Print the figures for one size; True when it is over its bar."""
    texts = room_texts(size)
    said = [Said(str(n), text, str(table)) for n, (text, table) in enumerate(texts)]
    path = event_with(folder, texts)
    found = suggest(said)
    grouped = sum(len(s.entry_ids) for s in found)
    print(f"\n{size:,} entries: {len(found):,} suggestions holding {grouped:,} entries")
    print(line("baseline: read the entries", timed(lambda: read_entries(path), runs)))
    bar = BARS.get(size)
    whole = timed(lambda: command(path), runs)
    print(line("suggest (in memory)", timed(lambda: suggest(said), runs), bar))
    print(line("facilitator suggest-groups", whole, bar))
    return bar is not None and max(whole) >= bar


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1200,5000,50000")
    args = parser.parse_args()
    over = False
    with tempfile.TemporaryDirectory(prefix="bench-groups-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            runs = args.runs if size <= 5_000 else max(1, args.runs // 2)
            over |= run_size(Path(folder), size, runs)
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())

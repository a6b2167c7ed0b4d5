"""The one registry of export formats: the CLI, the export dialog and the smoke test read it.

Each format names its writer by module and function, imported only when that format is
written: the CLI writing a csv never loads reportlab. This module imports nothing heavy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

if TYPE_CHECKING:
    from facilitator.core.harvest import Harvest

Writer = Callable[["Harvest", Path], None]
Notes = Callable[["Harvest"], list[str]]


class ExportFormat(Struct, frozen=True):  # made in C: no dataclasses import at start
    key: str  # what ``--format`` takes
    name: str  # what the export dialog shows
    purpose: str  # the dialog's note beside the name
    extension: str  # without the dot
    writer_ref: str  # "module:function", imported on demand
    dialog_rank: int  # the dialog lists reports first, by this
    notes_ref: str = ""  # "module:function" naming what a user should know, or ""

    def writer(self) -> Writer:
        writer: Writer = _load(self.writer_ref)
        return writer

    def notes(self, harvest: Harvest) -> list[str]:
        if not self.notes_ref:
            return []
        notes: Notes = _load(self.notes_ref)
        return notes(harvest)


def _load(ref: str) -> Any:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


# in the order the CLI and the smoke test list them
REGISTRY: tuple[ExportFormat, ...] = (
    ExportFormat(
        "csv",
        "Spreadsheet (CSV)",
        "one row per entry, for any spreadsheet",
        "csv",
        "facilitator.export.csv_writer:write_csv",
        dialog_rank=5,
    ),
    ExportFormat(
        "xlsx",
        "Excel workbook",
        "sheets by entry, by round, by table, card picks, summary",
        "xlsx",
        "facilitator.export.xlsx_writer:write_xlsx",
        dialog_rank=4,
    ),
    ExportFormat(
        "json",
        "Everything (JSON)",
        "the whole harvest, for archives and other tools",
        "json",
        "facilitator.export.json_writer:write_json",
        dialog_rank=6,
    ),
    ExportFormat(
        "md",
        "Report (Markdown)",
        "for a wiki, a blog or an email",
        "md",
        "facilitator.export.markdown:write_markdown",
        dialog_rank=3,
    ),
    ExportFormat(
        "html",
        "Report (web page)",
        "one file that opens in any browser and prints well",
        "html",
        "facilitator.export.html:write_html",
        dialog_rank=2,
    ),
    ExportFormat(
        "pdf",
        "Report (PDF)",
        "typeset and paginated, ready to send to delegates",
        "pdf",
        "facilitator.export.pdf:write_pdf",
        dialog_rank=1,
        notes_ref="facilitator.export.pdf.fonts:untypeset",
    ),
)

BY_KEY: dict[str, ExportFormat] = {f.key: f for f in REGISTRY}
FORMATS: tuple[str, ...] = tuple(f.key for f in REGISTRY)


def in_dialog_order() -> list[ExportFormat]:
    """The formats as the export dialog lists them: the reports first."""
    return sorted(REGISTRY, key=lambda f: f.dialog_rank)


def get(key: str) -> ExportFormat | None:
    return BY_KEY.get(key)

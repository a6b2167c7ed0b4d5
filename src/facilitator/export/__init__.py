"""Writers that turn a harvest into files: csv, xlsx, json, md, html, pdf.

Every writer takes the same :class:`~facilitator.core.harvest.Harvest`, so formats never
disagree. A file is written beside its final name and renamed into place when whole, so
a failed export never leaves half a file where a good one was.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.core import atomic
from facilitator.core.atomic import tidy_dead_parts
from facilitator.core.errors import InputError
from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export.formats import FORMATS, REGISTRY, Writer
from facilitator.export.formats import get as get_format

PART_KIND = "export"  # part files are named .facilitator-export-PID-RANDOM.part


def _writer(fmt: str) -> Writer:
    # imported on demand: the CLI writing a csv never loads reportlab
    entry = get_format(fmt)
    if entry is None:
        raise InputError("--format", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return entry.writer()


def default_name(event_path: Path, fmt: str) -> Path:
    """``EVENT.facilitator`` -> ``EVENT-harvest.FMT`` beside it."""
    entry = get_format(fmt)
    extension = entry.extension if entry is not None else fmt
    return event_path.with_name(f"{event_path.stem}-harvest.{extension}")


def write(harvest: Harvest, fmt: str, path: Path) -> Path:
    """Write ``harvest`` as ``fmt`` to ``path``, atomically. Returns the path written."""
    writer = _writer(fmt)
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), "is a folder; give a file name to write")
    if not path.parent.is_dir():
        raise InputError(str(path), f"the folder {path.parent} does not exist")
    tidy_dead_parts(path.parent, PART_KIND)
    try:
        with atomic.replacing(path, kind=PART_KIND) as part:
            writer(harvest, part)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    return path


def export_notes(harvest: Harvest, fmt: str) -> list[str]:
    """What a user should know about a file written as ``fmt``: in a PDF, the entries in a
    script that no bundled font has (shown as boxes), named. Empty when all is well."""
    entry = get_format(fmt)
    return entry.notes(harvest) if entry is not None else []


def export_event(
    event_path: Path, fmt: str, output: Path | None, *, notes: list[str] | None = None
) -> Path:
    """The CLI's ``export``: open the event read-only, build the harvest, write one format.

    ``notes``, when given, receives :func:`export_notes` for what was written."""
    from facilitator.store.db import EventStore

    _writer(fmt)  # an unknown format is refused before the event is even opened
    event_path = Path(event_path)
    with EventStore.open(event_path, readonly=True) as store:
        harvest = build_harvest(store)
    path = write(harvest, fmt, Path(output) if output else default_name(event_path, fmt))
    if notes is not None:
        notes += export_notes(harvest, fmt)
    return path


__all__ = [
    "FORMATS",
    "REGISTRY",
    "default_name",
    "export_event",
    "export_notes",
    "write",
]

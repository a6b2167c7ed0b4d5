"""Writers that turn a harvest into files: csv, xlsx, json, md, html, pdf.

Every writer takes the same :class:`~facilitator.core.harvest.Harvest`, so formats never
disagree. A file is written beside its final name and renamed into place when whole, so
a failed export never leaves half a file where a good one was.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

from facilitator.core.errors import InputError
from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export.formats import FORMATS, REGISTRY, Writer
from facilitator.export.formats import get as get_format

FORMAT_NAMES = {f.key: f.name for f in REGISTRY}


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


PART_PREFIX = ".facilitator-export-"


def _tidy_dead_parts(folder: Path) -> None:
    """Remove what an export killed midway left: its part file names a process now gone."""
    with contextlib.suppress(OSError):
        for part in folder.glob(f"{PART_PREFIX}*.part"):
            pid = part.name[len(PART_PREFIX) :].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    part.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def write(harvest: Harvest, fmt: str, path: Path) -> Path:
    """Write ``harvest`` as ``fmt`` to ``path``, atomically. Returns the path written."""
    writer = _writer(fmt)
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), "is a folder; give a file name to write")
    if not path.parent.is_dir():
        raise InputError(str(path), f"the folder {path.parent} does not exist")
    _tidy_dead_parts(path.parent)
    # a short fresh name (a long final name plus a suffix could pass the file system's
    # limit), not mkstemp: the file gets the user's usual permissions, not 0600
    tmp = path.with_name(f"{PART_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    try:
        writer(harvest, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
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
    "FORMAT_NAMES",
    "REGISTRY",
    "default_name",
    "export_event",
    "export_notes",
    "write",
]

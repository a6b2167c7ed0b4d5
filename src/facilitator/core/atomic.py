"""The one atomic file write: every file the app writes whole goes through here.

A file is written under a short fresh name beside its final one (a "part" file), flushed to
the disk (fsync) and renamed into place only when whole, so a crash or a failed write
leaves the old file or the new one, never half. The part file is created with ``open``, so
it gets the user's usual permissions (not ``mkstemp``'s 0600). Its name carries the writing
process's id, so :func:`tidy_dead_parts` can remove what a killed write left behind.

Any layer may use it: it imports nothing of the app's.
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

PART_PREFIX = ".facilitator-"
PART_SUFFIX = ".part"


def part_path(target: Path, kind: str = "write") -> Path:
    """A fresh part name beside ``target``: ``.facilitator-KIND-PID-RANDOM.part``. Short on
    purpose: a long final name plus a suffix could pass the file system's limit."""
    return Path(target).with_name(
        f"{PART_PREFIX}{kind}-{os.getpid()}-{uuid.uuid4().hex[:8]}{PART_SUFFIX}"
    )


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it (not on Windows)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(part: Path, target: Path, *, replace: bool = True) -> None:
    """Flush the whole ``part`` to the disk and give it ``target``'s name.

    With ``replace=False`` a file already at ``target`` (or one that appears meanwhile) is
    never replaced: :class:`FileExistsError` is raised and ``part`` is left as it was."""
    part, target = Path(part), Path(target)
    fsync_file(part)
    if replace:
        os.replace(part, target)
    else:
        try:
            os.link(part, target)  # fails if target exists, atomically
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if target.exists():
                raise FileExistsError(str(target)) from None
            os.replace(part, target)
        else:
            part.unlink()
    _fsync_folder(target.parent)


@contextlib.contextmanager
def replacing(target: Path, *, kind: str = "write") -> Iterator[Path]:
    """Yield a part path to write ``target`` into; when the block ends without an error the
    part is flushed and renamed to ``target``, otherwise it is removed."""
    part = part_path(target, kind)
    try:
        yield part
        publish(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes, *, kind: str = "write") -> None:
    """Write ``data`` to ``target`` atomically."""
    with replacing(target, kind=kind) as part, open(part, "wb") as handle:
        handle.write(data)


def write_text(target: Path, text: str, *, kind: str = "write") -> None:
    """Write ``text`` to ``target`` atomically, as UTF-8 with ``\\n`` line ends."""
    write_bytes(target, text.encode("utf-8"), kind=kind)


def tidy_dead_parts(folder: Path, kind: str = "write") -> None:
    """Remove the part files of ``kind`` that a write killed midway left in ``folder``: their
    names carry the id of a process now gone."""
    prefix = f"{PART_PREFIX}{kind}-"
    with contextlib.suppress(OSError):
        for part in Path(folder).glob(f"{prefix}*{PART_SUFFIX}"):
            pid = part.name[len(prefix) :].split("-", 1)[0]
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

"""Reading a text file a user gave us: a deck, a plan, a spreadsheet's CSV."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.errors import InputError

NOT_UTF8 = "the text is not UTF-8; save the file as UTF-8 (in a spreadsheet: CSV UTF-8)"


def read_user_text(path: Path, *, kind: str, max_bytes: int) -> str:
    """The file's text: UTF-8, with or without the BOM spreadsheets add.

    ``kind`` says what the file should be, for messages ("a deck file", "a plan"). Raises
    ``InputError`` pointing at the file, or at the line of the first byte that is not UTF-8.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                name, f"the file is {size / 1e6:.1f} MB; {kind} is at most {max_bytes / 1e6:g} MB"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), f"is a folder, not {kind}") from None
    except OSError as error:
        raise InputError(name, f"cannot read the file ({error.strerror or error})") from None
    if b"\x00" in data:
        raise InputError(name, "this is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}", NOT_UTF8) from None

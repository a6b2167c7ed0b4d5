"""Where things are in a deck.toml: line numbers for messages, which tomllib does not give."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitator.core.deck_io.checks import Problems, clean

_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


class TomlLines:
    """Line numbers of tables and keys, found by scanning the text (tomllib gives none).

    ``line(kind, index, key)`` is the line of ``key`` in the ``index``-th ``[[kind]]``
    table (or ``[kind]``), falling back to the table's header, or 0 when not found.
    """

    def __init__(self, text: str) -> None:
        self._headers: dict[str, list[int]] = {}
        self._keys: dict[tuple[str, int], dict[str, int]] = {}
        block: tuple[str, int] | None = None
        in_string = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = ""
                continue
            header = _HEADER.match(line)
            if header:
                name = header.group(1)
                top = name.split(".")[0]
                if "." in name and block and block[0] == top:
                    # [card.questions] belongs to the current card
                    self._keys.setdefault(block, {}).setdefault(name.split(".")[1], number)
                    continue
                self._headers.setdefault(top, []).append(number)
                block = (top, len(self._headers[top]) - 1)
                continue
            key = _KEY.match(line)
            if key and block:
                self._keys.setdefault(block, {}).setdefault(key.group(1).strip("\"'"), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break

    def count(self, kind: str) -> int:
        return len(self._headers.get(kind, []))

    def line(self, kind: str, index: int, key: str = "") -> int:
        found = self._keys.get((kind, index), {}).get(key) if key else None
        if found:
            return found
        headers = self._headers.get(kind, [])
        return headers[index] if index < len(headers) else 0


def toml_error_place(error: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    message = str(error)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        return int(match.group(1)), message[: match.start()].strip()
    if "(at end of document)" in message:
        return max(1, len(text.splitlines())), message.replace("(at end of document)", "").strip()
    return 0, message


class TomlReader:
    def __init__(self, path: Path, text: str, problems: Problems) -> None:
        self.path = path
        self.display = path.name
        self.lines = TomlLines(text)
        self.problems = problems

    def where(self, kind: str, index: int, key: str = "", *, counted: bool = True) -> str:
        line = self.lines.line(kind, index, key) if counted else 0
        return f"{self.display}:{line}" if line else self.display

    def string(
        self,
        table: dict[str, Any],
        key: str,
        where: str,
        label: str,
        *,
        limit: int,
        single: bool,
        what: str = "",
    ) -> str:
        value = table.get(key, "")
        what = what or key
        if not isinstance(value, str):
            self.problems.add(where, f"{label}{what} must be text in quotes, not {_kind(value)}")
            return ""
        return clean(self.problems, where, f"{label}{what}", value, limit=limit, single=single)

    def unknown_keys(
        self,
        table: dict[str, Any],
        allowed: Sequence[str],
        place: tuple[str, int],
        label: str,
        *,
        counted: bool = True,
    ) -> None:
        for key in table:
            if key not in allowed:
                self.problems.add(
                    self.where(*place, key, counted=counted),
                    f'{label}unknown key "{key}" (expected {", ".join(allowed)})',
                )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, str):
        return "text"
    return "a date or time"

"""Reading plan.toml: every problem found at once, each pointing at its line."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.errors import InputError, Problem
from facilitator.core.plan.model import (
    FORMATS,
    MAX_CARD_ID,
    MAX_CARDS,
    MAX_FILE_BYTES,
    MAX_MINUTES,
    MAX_MOVE,
    MAX_PROMPT,
    MAX_PROMPTS,
    MAX_ROUNDS,
    MAX_TITLE,
    PLAN_KEYS,
    ROUND_KEYS,
    Plan,
    Round,
)
from facilitator.core.plan.plan_votes import parse_votes
from facilitator.core.plan.survey import parse_survey
from facilitator.core.textfile import read_user_text

if TYPE_CHECKING:
    import tomllib


class _Lines:
    """Finds the line of a ``[plan]`` key or of the n-th ``[[round]]`` and its keys.

    tomllib gives values without positions; messages still need a line to point at, so we
    look the place up in the text. Falls back to the table's header, then to no line.
    """

    _HEADER = re.compile(r"^\s*\[")
    _ROUND = re.compile(r"^\s*\[\[\s*round\s*\]\]")
    _PLAN = re.compile(r"^\s*\[\s*plan\s*\]")

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._round_starts = [i for i, ln in enumerate(self._lines) if self._ROUND.match(ln)]
        self._plan_start = next(
            (i for i, ln in enumerate(self._lines) if self._PLAN.match(ln)), None
        )

    def _block_end(self, start: int) -> int:
        for i in range(start + 1, len(self._lines)):
            if self._HEADER.match(self._lines[i]):
                return i
        return len(self._lines)

    def _key_in(self, start: int | None, key: str | None) -> int | None:
        if start is None:
            return None
        if key is not None:
            pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for i in range(start + 1, self._block_end(start)):
                if pattern.match(self._lines[i]):
                    return i + 1
        return start + 1

    def plan(self, key: str | None = None) -> int | None:
        return self._key_in(self._plan_start, key)

    def round(self, index: int, key: str | None = None) -> int | None:
        start = self._round_starts[index] if index < len(self._round_starts) else None
        return self._key_in(start, key)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_text(
    value: object, what: str, limit: int, complain: Callable[[str], None], *, required: bool
) -> str:
    if value is None:
        if required:
            complain(f"{what} is missing")
        return ""
    if not isinstance(value, str):
        complain(f"{what} must be text in quotes, not {_kind(value)}")
        return ""
    text = value.strip()
    if required and not text:
        complain(f"{what} is empty")
    if len(text) > limit:
        complain(f"{what} is {len(text)} characters long (at most {limit})")
    return text


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if _is_number(value):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _round_label(index: int, raw: object) -> str:
    title = raw.get("title") if isinstance(raw, dict) else None
    if isinstance(title, str) and title.strip():
        return f'round {index + 1} "{title.strip()}"'
    return f"round {index + 1}"


def parse_plan(text: str, source: str = "plan.toml") -> Plan:
    """Parse plan TOML text; ``source`` names the file in messages."""
    try:
        import tomllib  # only when a plan file is read: not at every start

        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, source) from None
    lines = _Lines(text)
    problems: list[Problem] = []

    def at(line: int | None) -> str:
        return f"{source}:{line}" if line is not None else source

    for key in data:
        if key not in ("plan", "round", "survey", "vote"):
            problems.append(
                Problem(
                    source,
                    f'unknown section "{key}"'
                    " (a plan has [plan], [[round]], [[vote]] and [[survey]])",
                )
            )

    head = data.get("plan")
    title = ""
    if not isinstance(head, dict):
        problems.append(Problem(source, "the [plan] section with the plan's title is missing"))
    else:
        for key in head:
            if key not in PLAN_KEYS:
                problems.append(Problem(at(lines.plan(key)), f'[plan]: unknown key "{key}"'))
        title = _check_text(
            head.get("title"),
            "[plan]: title",
            MAX_TITLE,
            lambda m: problems.append(Problem(at(lines.plan("title")), m)),
            required=True,
        )

    raw_rounds = data.get("round")
    rounds: list[Round] = []
    if raw_rounds is None:
        problems.append(Problem(source, "the plan has no rounds (add a [[round]] section)"))
    elif not isinstance(raw_rounds, list):
        problems.append(Problem(source, "round must be a [[round]] section"))
    else:
        if len(raw_rounds) > MAX_ROUNDS:
            problems.append(
                Problem(source, f"the plan has {len(raw_rounds)} rounds (at most {MAX_ROUNDS})")
            )
        for index, raw in enumerate(raw_rounds[:MAX_ROUNDS]):
            parsed = _parse_round(index, raw, lines, at, problems)
            if parsed is not None:
                rounds.append(parsed)

    survey = parse_survey(data.get("survey"), text, at, problems)
    votes = parse_votes(data.get("vote"), text, at, problems)
    if problems:
        raise InputError(sorted(problems, key=_line_of))
    return Plan(title=title, rounds=tuple(rounds), survey=survey, votes=votes)


def _parse_round(
    index: int,
    raw: object,
    lines: _Lines,
    at: Callable[[int | None], str],
    problems: list[Problem],
) -> Round | None:
    label = _round_label(index, raw)
    if not isinstance(raw, dict):
        problems.append(Problem(at(lines.round(index)), f"{label} must be a [[round]] section"))
        return None
    before = len(problems)

    def complain(key: str | None) -> Callable[[str], None]:
        return lambda message: problems.append(
            Problem(at(lines.round(index, key)), f"{label}: {message}")
        )

    for key in raw:
        if key not in ROUND_KEYS:
            complain(key)(f'unknown key "{key}" (expected {", ".join(ROUND_KEYS)})')

    title = _check_text(raw.get("title"), "title", MAX_TITLE, complain("title"), required=True)

    minutes_raw = raw.get("minutes")
    minutes = 0.0
    if minutes_raw is None:
        complain(None)("minutes is missing")
    elif not _is_number(minutes_raw) or not math.isfinite(float(minutes_raw)):
        complain("minutes")(f"minutes must be a positive number, not {_kind(minutes_raw)}")
    elif minutes_raw <= 0:
        complain("minutes")("minutes must be a positive number")
    elif minutes_raw > MAX_MINUTES:
        complain("minutes")(f"minutes is {minutes_raw:g} (at most {MAX_MINUTES:g})")
    else:
        minutes = float(minutes_raw)

    fmt_raw = raw.get("format", "tables")
    fmt = "tables"
    if not isinstance(fmt_raw, str):
        complain("format")(f"format must be text, not {_kind(fmt_raw)}")
    elif fmt_raw.strip().lower() not in FORMATS:
        complain("format")(f'unknown format "{fmt_raw}" (expected {", ".join(FORMATS)})')
    else:
        fmt = fmt_raw.strip().lower()

    prompts = _text_list(
        raw.get("prompts", []), "prompts", "prompt", MAX_PROMPTS, MAX_PROMPT, complain("prompts")
    )
    cards = _text_list(
        raw.get("cards", []), "cards", "card id", MAX_CARDS, MAX_CARD_ID, complain("cards")
    )
    move = _check_text(raw.get("move", ""), "move", MAX_MOVE, complain("move"), required=False)

    if len(problems) > before:
        return None
    return Round(title=title, minutes=minutes, format=fmt, prompts=prompts, cards=cards, move=move)


def _text_list(
    value: object,
    key: str,
    item: str,
    max_items: int,
    max_len: int,
    complain: Callable[[str], None],
) -> tuple[str, ...]:
    if isinstance(value, str):  # one prompt written without the brackets
        value = [value]
    if not isinstance(value, list):
        complain(f'{key} must be a list of text, like ["..."], not {_kind(value)}')
        return ()
    if len(value) > max_items:
        complain(f"{key} has {len(value)} entries (at most {max_items})")
    out: list[str] = []
    for n, entry in enumerate(value, start=1):
        if not isinstance(entry, str):
            complain(f"{item} {n} must be text in quotes, not {_kind(entry)}")
            continue
        text = entry.strip()
        if not text:
            complain(f"{item} {n} is empty")
        elif len(text) > max_len:
            complain(f"{item} {n} is {len(text)} characters long (at most {max_len})")
        out.append(text)
    return tuple(out)


def _line_of(problem: Problem) -> int:
    """Sort key: problems in file order, whole-file ones first."""
    _, _, line = problem.where.rpartition(":")
    return int(line) if line.isdigit() else 0


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


def _syntax_error(exc: tomllib.TOMLDecodeError, source: str) -> InputError:
    message = str(exc)
    found = _TOML_POSITION.search(message)
    if found:
        text = _TOML_POSITION.sub("", message)
        return InputError(
            f"{source}:{found.group(1)}", f"not valid TOML: {text} (column {found.group(2)})"
        )
    return InputError(source, f"not valid TOML: {_TOML_END.sub('', message)}")


def load_plan(path: Path) -> Plan:
    """Read and check a ``plan.toml``; raises ``InputError`` listing every problem."""
    path = Path(path)
    text = read_user_text(path, kind="a plan file", max_bytes=MAX_FILE_BYTES)
    return parse_plan(text, path.name)

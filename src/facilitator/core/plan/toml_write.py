"""Writing plan.toml: text that reads back equal, written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from facilitator.core import atomic
from facilitator.core.plan.model import Plan

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_list(items: Sequence[str]) -> str:
    if not items:
        return "[]"
    if sum(len(i) for i in items) < 60:
        return "[" + ", ".join(_toml_string(i) for i in items) + "]"
    return "[\n" + "".join(f"    {_toml_string(i)},\n" for i in items) + "]"


def _toml_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def plan_to_toml(plan: Plan) -> str:
    """The plan as ``plan.toml`` text that ``parse_plan`` reads back equal."""
    parts = ["[plan]", f"title = {_toml_string(plan.title)}", ""]
    for r in plan.rounds:
        parts += [
            "[[round]]",
            f"title = {_toml_string(r.title)}",
            f"minutes = {_toml_number(r.minutes)}",
            f"format = {_toml_string(r.format)}",
            f"prompts = {_toml_list(r.prompts)}",
            f"cards = {_toml_list(r.cards)}",
            f"move = {_toml_string(r.move)}",
            "",
        ]
    for v in plan.votes:
        parts += [
            "[[vote]]",
            f"question = {_toml_string(v.question)}",
            f"choices = {_toml_list(v.choices)}",
            "",
        ]
    for q in plan.survey:
        parts += [
            "[[survey]]",
            f"question = {_toml_string(q.question)}",
            f"kind = {_toml_string(q.kind)}",
        ]
        if q.choices:
            parts.append(f"choices = {_toml_list(q.choices)}")
        parts.append("")
    return "\n".join(parts)


def save_plan(plan: Plan, path: Path) -> None:
    """Write ``plan.toml`` atomically: a crash leaves the old file or the new, never half."""
    path = Path(path)
    atomic.write_text(path, plan_to_toml(plan))

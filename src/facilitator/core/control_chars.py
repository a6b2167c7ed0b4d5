"""The one control-character rule: what counts as a control character in typed text.

A control character is one of Unicode category Cc other than tab and line feed: the C0
controls, DEL and the C1 controls. They are never shown and never written into a report;
callers normalise line ends (``\\r\\n``, ``\\r``) first. The projector's wall also hides a
few invisible format characters, on top of this rule (:data:`INVISIBLE_ON_WALL`).
"""

from __future__ import annotations

import re

# a regex character class body: Cc without \t (U+0009) and \n (U+000A)
CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROL_CLASS}]")
# what the wall hides too: zero-width space, line and paragraph separators, the BOM
INVISIBLE_ON_WALL = re.compile(f"[{CONTROL_CLASS}\u200b\u2028\u2029\ufeff]")


def is_control(ch: str) -> bool:
    return CONTROL.fullmatch(ch) is not None


def strip_controls(text: str, replacement: str = "") -> str:
    """``text`` with every control character replaced (by default, removed)."""
    return CONTROL.sub(replacement, text)

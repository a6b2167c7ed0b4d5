"""One control-character rule (core/control_chars.py), and no copy of it elsewhere."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.control_chars import is_control, strip_controls

SRC = Path(__file__).resolve().parents[2] / "src" / "facilitator"


def test_controls_are_cc_except_tab_and_line_feed() -> None:
    assert strip_controls("a\x00b\x07c\x1bd\x7fe\x85f\x9fg\th\ni") == "abcdefg\th\ni"
    assert not is_control("\u2028") and not is_control("é")
    assert strip_controls("a\x0cb", " ") == "a b"


def test_no_module_spells_out_its_own_control_class() -> None:
    copies = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "\\x00-\\x08" in path.read_text(encoding="utf-8")
    ]
    assert sorted(copies) == ["core/control_chars.py"]

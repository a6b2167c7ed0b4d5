"""KEY_MAP is the one source of keys: the README's key table and the F1 guide list exactly
its entries, every key the console answers is in it, and the capture panel's keys agree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from facilitator.ui.console import ConsoleWindow
from facilitator.ui.keys import BINDINGS, KEY_MAP, Scope, shown_keys

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_key_table() -> list[tuple[tuple[str, ...], str, str]]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("\n## Keys\n") :]
    section = section[: section.index("\n## ", 1)]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]  # no header
    table = []
    for row in rows:
        keys, action, where = (cell.strip() for cell in row.strip("|").split(" | "))
        table.append((tuple(k.strip("`") for k in keys.split(" or ")), action, where))
    return table


def test_the_readme_key_table_is_the_key_map() -> None:
    assert readme_key_table() == [(b.keys, b.what, b.scope.value) for b in KEY_MAP]


def test_the_f1_guide_lists_the_key_map(qtbot, show_console: Any, event_path: Path) -> None:
    console: ConsoleWindow = show_console(event_path)
    console.guide.open()
    texts = console.guide.texts()
    for binding in KEY_MAP:
        at = texts.index(shown_keys(binding))
        assert binding.what in texts[at:], binding.name
    heading, hint = 1, 1
    groups = len({b.group for b in KEY_MAP})
    assert len(texts) == heading + hint + groups + 2 * len(KEY_MAP)


def test_the_console_answers_only_keys_of_the_key_map(show_console: Any, event_path) -> None:
    console: ConsoleWindow = show_console(event_path)
    mapped = {b.keys for b in KEY_MAP}
    for action in console.findChildren(QAction):
        if action.shortcuts():
            keys = tuple(s.toString() for s in action.shortcuts())
            assert keys in mapped, f"{action.text()!r}: {keys} is not in KEY_MAP"
    for name, action in console.keys.actions.items():
        assert [s.toString() for s in action.shortcuts()] == list(BINDINGS[name].keys)
        assert BINDINGS[name].scope is not Scope.CAPTURE


def test_the_capture_panel_keys_are_the_key_map(show_console: Any, event_path) -> None:
    console: ConsoleWindow = show_console(event_path)
    tab, panel = console.capture.tab, console.capture.panel

    def keys(name: str) -> list[QKeySequence]:
        return [QKeySequence(k) for k in BINDINGS[name].keys]

    assert [tab.theme_shortcut.key()] == keys("theme_entry")
    assert panel.undo_action.shortcuts() == keys("undo")
    assert panel.redo_action.shortcuts() == keys("redo")
    assert [panel.delete_shortcut.key()] == keys("delete_entry")

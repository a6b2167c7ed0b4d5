"""One write path: in the GUI only the event service runs the store's write operations.

Every other ui module asks the service (``controller.service.submit`` with a store
operation from store/operations.py, or a controller method that does so); none calls a
write method of ``EventStore`` itself. The service runs every one of them on its writer
thread: it has no way left to write on the UI thread's connection.
"""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator.ui

WRITES = {
    "add_theme",
    "edit_theme",
    "delete_theme",
    "restore_theme",
    "set_theme_hidden",
    "add_card_pick",
    "add_card_picks",
    "delete_card_pick",
    "restore_card_pick",
    "add_timeline",
    "add_timeline_with_settings",
    "set_round_times",
    "save_draft",
    "set_setting",
    "replace_deck",
    "replace_plan",
    "update_event",
    "set_table_count",
    "renew_table_token",
    "renew_event_token",
    "create_group",
    "rename_group",
    "move_entries",
    "dissolve_group",
    "restore_group_snapshot",
    "open_dot_vote",
    "close_dot_vote",
    "set_dots_hidden",
    "cast_dots",
    "open_vote",
    "close_vote",
    "cast_ballot",
    "answer_survey",
    "ask_room",
    "moderate",
    "moderate_question",
    "ban_device",
    "upvote",
    "upvote_question",
}
SERVICE = {"event_service.py"}
ASKERS = ("controller", "service", "saver", "panel")
UI = Path(facilitator.ui.__file__).parent


def _receiver(node: ast.expr) -> str:
    return ast.unparse(node)


def _store_writes(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in WRITES:
            continue
        receiver = _receiver(node.func.value)
        # a store operation (run by the service), or a method of the service, the controller
        # or a panel (which ask the service) is fine
        if receiver in {"ops", "operations", "self"} or receiver.endswith(ASKERS):
            continue
        found.append(f"{name}:{node.lineno}: {receiver}.{node.func.attr}()")
    return found


def test_no_ui_module_but_the_service_writes_to_the_store() -> None:
    offenders = [
        hit
        for path in sorted(UI.rglob("*.py"))
        if path.name not in SERVICE
        for hit in _store_writes(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    ]
    assert offenders == [], "\n".join(offenders)


def test_the_check_finds_a_direct_write() -> None:
    source = "def f(c):\n    c.store.set_setting('k', 1)\n    ops.set_setting(c, 'k', 1)\n"
    assert _store_writes(source, "sample.py") == ["sample.py:2: c.store.set_setting()"]


def test_the_service_writes_only_through_its_writer_thread() -> None:
    from facilitator.ui.event_service import EventService

    assert not hasattr(EventService, "run")
    assert not hasattr(EventService, "run_for")
    source = (UI / "event_service.py").read_text(encoding="utf-8")
    assert "self.store)" not in source  # no operation is called on the UI's connection

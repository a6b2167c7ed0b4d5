"""Questions to the room from the console: a phone's question waits in the Questions tab,
reaches the projector only once approved, its up-votes move it there, and a banned phone
is refused."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from facilitator.core.projector_state import QuestionsSlide
from facilitator.ui.console import ConsoleWindow
from gui.test_room_panel import open_console


def send(port: int, token: str, path: str, body: dict[str, Any]) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/j/{token}/{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def on_projector(console: ConsoleWindow) -> list[tuple[str, int]] | None:
    state = console.controller.projector_state
    if state is None or not isinstance(state.slide, QuestionsSlide):
        return None
    return [(q.text, q.upvotes) for q in state.slide.questions]


def test_a_question_is_moderated_onto_the_projector_and_upvoted_there(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    port, token = console.room.control.port, console.controller.store.room_tokens().event
    panel = console.room.questions
    panel.show_on_projector()
    qtbot.waitUntil(lambda: on_projector(console) == [])
    question = {"id": str(uuid.uuid4()), "text": "What next?", "device": "phone-1"}
    assert send(port, token, "questions", question) == 200
    qtbot.waitUntil(lambda: panel.waiting.count() == 1)
    assert on_projector(console) == []  # nothing on the projector before approval
    panel.waiting.setCurrentRow(0)
    panel.approve_button.click()
    qtbot.waitUntil(lambda: on_projector(console) == [("What next?", 0)])
    assert panel.waiting.count() == 0 and panel.approved.count() == 1
    for device in ("phone-2", "phone-3"):
        assert send(port, token, f"questions/{question['id']}/upvote", {"device": device}) == 200
    qtbot.waitUntil(lambda: on_projector(console) == [("What next?", 2)])
    panel.approved.setCurrentRow(0)
    panel.take_down_button.click()
    qtbot.waitUntil(lambda: on_projector(console) == [])


def test_a_banned_phone_is_refused_and_its_questions_hidden(
    qtbot, show_console: Any, event_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    console = open_console(show_console, event_path)
    console.room.open()
    port, token = console.room.control.port, console.controller.store.room_tokens().event
    panel = console.room.questions
    spam = {"id": str(uuid.uuid4()), "text": "Buy now", "device": "troll"}
    assert send(port, token, "questions", spam) == 200
    qtbot.waitUntil(lambda: panel.waiting.count() == 1)
    panel.waiting.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    panel.ban_button.click()
    qtbot.waitUntil(lambda: panel.waiting.count() == 0)
    again = {"id": str(uuid.uuid4()), "text": "Buy more", "device": "troll"}
    assert send(port, token, "questions", again) == 403
    assert [q.status for q in console.controller.store.room_questions()] == ["hidden"]

"""The room network from the console: F9 opens and closes a real RoomServer (bound to
127.0.0.1 only), the Room panel lists its addresses with QR codes and each table's link,
a phone's entry reaches the capture list through the event service, the live round
reaches the phones' state, the self-test answers in words, renewals cut off old links,
the Join slide follows the room, table cards are written off the UI thread, and the room
closes with the event."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from facilitator.core.projector_state import JoinSlide
from facilitator.room import addresses
from facilitator.ui.console import ConsoleWindow


def open_console(show_console: Any, event_path: Path) -> ConsoleWindow:
    console: ConsoleWindow = show_console(event_path)
    control = console.room.control
    control.host, control.port = "127.0.0.1", 0  # never another address in a test
    return console


def table_token(console: ConsoleWindow, index: int = 0) -> str:
    table = console.controller.tables[index]
    return console.controller.store.room_tokens().tables[table.id]


def get_state(port: int, token: str) -> dict[str, Any]:
    url = f"http://127.0.0.1:{port}/api/t/{token}/state"
    with urllib.request.urlopen(url, timeout=5) as answer:
        value: dict[str, Any] = json.loads(answer.read())
    return value


def post_entry(port: int, token: str, text: str) -> dict[str, Any]:
    body = {"id": str(uuid.uuid4()), "kind": "theme", "text": text, "device": "phone-1"}
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/t/{token}/entries",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        value: dict[str, Any] = json.loads(answer.read())
    return value


def test_f9_opens_and_closes_the_room(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    room, panel = console.room, console.room.panel
    assert not room.control.is_open
    assert "closed" in room.strip.label.text()
    qtbot.keyClick(console, Qt.Key.Key_F9)
    assert room.control.is_open and room.toggle_action.isChecked()
    port = room.control.port
    assert port > 0 and "open" in room.strip.label.text()
    # the address, its QR code and join link; each table's scribe link
    assert [a.address for a in room.control.addresses()] == ["127.0.0.1"]
    assert len(panel.qr_labels) == 1 and not panel.qr_labels[0].pixmap().isNull()
    event_token = console.controller.store.room_tokens().event
    assert room.control.join_link() == f"http://127.0.0.1:{port}/j/{event_token}"
    assert panel.tables.rowCount() == 12
    link = panel.tables.item(0, 1).text()
    assert link == f"http://127.0.0.1:{port}/t/{table_token(console)}"
    assert get_state(port, table_token(console))["table"]["number"] == 1
    qtbot.keyClick(console, Qt.Key.Key_F9)
    assert not room.control.is_open and not room.toggle_action.isChecked()
    with pytest.raises(urllib.error.URLError):
        get_state(port, table_token(console))


def test_addresses_are_shown_best_first_with_a_code_each(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    control = console.room.control
    control.open()
    assert control.server is not None
    # what the machine would offer (the server orders them; binding stays on 127.0.0.1)
    found = [
        ("docker0", "172.17.0.1"),
        ("wlan0", "192.168.1.20"),
        ("lo", "127.0.0.1"),
        ("Wi-Fi", "192.168.137.1"),
        ("eth1", "169.254.3.4"),
    ]
    control._names = {address: name for name, address in found}
    control.server.addresses = addresses.ordered(found)
    console.room.panel.refresh()
    shown = control.addresses()
    assert [a.address for a in shown] == [
        "192.168.137.1",
        "192.168.1.20",
        "169.254.3.4",
        "172.17.0.1",
    ]
    assert shown[0].kind == "hotspot" and "virtual" in shown[-1].kind
    assert len(console.room.panel.qr_labels) == 4
    assert all(not label.pixmap().isNull() for label in console.room.panel.qr_labels)


def test_a_phone_entry_reaches_the_capture_list(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    panel = console.capture.panel
    qtbot.waitUntil(lambda: not panel.model.is_loading())
    before = panel.model.rowCount()
    with qtbot.waitSignal(console.controller.service.changed, timeout=5000):
        answer = post_entry(console.room.control.port, table_token(console), "Trust first")
    assert answer["saved"] is True
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1)
    assert [t.text for t in panel.model.loaded()].count("Trust first") == 1


def test_the_live_round_reaches_the_phones(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    port, token = console.room.control.port, table_token(console)
    controller = console.controller
    controller.go_to_round(1)
    second = controller.rounds[1]

    def live_round() -> dict[str, Any] | None:
        value: dict[str, Any] | None = get_state(port, token)["round"]
        return value

    qtbot.waitUntil(lambda: (live_round() or {}).get("title") == second.title)
    assert live_round()["number"] == 2  # type: ignore[index]
    assert live_round()["prompts"] == list(second.round.prompts)  # type: ignore[index]


def test_the_self_test_says_what_it_found(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    panel = console.room.panel
    console.room.open()
    with qtbot.waitSignal(console.room.control.self_tested, timeout=10000) as said:
        qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    # bound to 127.0.0.1 only: the server answers, and the laptop is on no network
    assert "answers" in said.args[0] and "no network" in said.args[0]
    assert panel.test_result.text() == said.args[0]


def test_renewing_a_table_link_cuts_off_the_old_one(
    qtbot, show_console: Any, event_path: Path
) -> None:
    console = open_console(show_console, event_path)
    control = console.room.control
    control.open()
    old = table_token(console)
    with qtbot.waitSignal(control.links_changed):
        control.renew_table(console.controller.tables[0].id)
    new = table_token(console)
    assert new != old
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_state(control.port, old)
    assert refused.value.code == 404
    refused.value.close()
    assert get_state(control.port, new)["table"]["number"] == 1
    assert console.room.panel.tables.item(0, 1).text().endswith(f"/t/{new}")


def test_the_join_slide_follows_the_room(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    console.room.show_join_slide()
    state = console.controller.projector_state
    assert state is not None and isinstance(state.slide, JoinSlide)
    assert state.slide.url == console.room.control.join_link() != ""
    with qtbot.waitSignal(console.room.control.links_changed):
        console.room.control.renew_join()
    state = console.controller.projector_state
    assert isinstance(state.slide, JoinSlide)  # type: ignore[union-attr]
    assert state.slide.url == console.room.control.join_link()  # type: ignore[union-attr]
    console.room.control.close()
    state = console.controller.projector_state
    assert isinstance(state.slide, JoinSlide) and state.slide.url == ""  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_table_cards_are_written_off_the_ui_thread(
    qtbot, show_console: Any, event_path: Path, tmp_path: Path
) -> None:
    from facilitator.export.table_cards import TableCard

    console = open_console(show_console, event_path)
    control = console.room.control
    control.open()
    base = control.addresses()[0].base
    cards = [TableCard(t.number, link, t.name) for t, link in control.table_links(base)]
    out = tmp_path / "cards.pdf"
    with qtbot.waitSignal(console.room.cards_written, timeout=20000) as said:
        console.room.write_cards(out, cards, "Test event")
    assert str(out) in said.args[0]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert text.count("\f") == 12 and "Table 12" in text


def test_the_room_closes_with_the_event(qtbot, show_console: Any, event_path: Path) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    port, token = console.room.control.port, table_token(console)
    assert get_state(port, token)["table"]["number"] == 1
    server = console.room.control.server
    console.close()
    assert console.room.control.server is None and server is not None
    with pytest.raises(urllib.error.URLError):
        get_state(port, token)


def test_room_on_the_command_line(qtbot, show_console: Any, event_path: Path, capsys) -> None:
    from facilitator.app import _open_the_room
    from facilitator.cli import main

    assert main(["--room"]) == 2  # no event to open
    assert main([str(event_path), "--port", "9000"]) == 2  # a port without the room
    capsys.readouterr()
    console = open_console(show_console, event_path)
    _open_the_room(console, 0)
    port = console.room.control.port
    assert capsys.readouterr().out.splitlines() == [f"room: http://127.0.0.1:{port}/"]


def test_an_entry_saved_on_the_laptop_reaches_the_phones_of_its_table(
    qtbot, show_console: Any, event_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = open_console(show_console, event_path)
    console.room.open()
    server = console.room.control.server
    assert server is not None
    heard: list[Any] = []
    forward = server.event_changed
    monkeypatch.setattr(server, "event_changed", lambda c: (heard.append(c), forward(c)))
    panel = console.capture.panel
    panel.set_table(1)
    qtbot.keyClicks(panel.entry, "Said on the laptop")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    token = table_token(console, 0)
    qtbot.waitUntil(
        lambda: any(
            e["text"] == "Said on the laptop"
            for e in get_state(console.room.control.port, token)["entries"]
        )
    )
    # the phones may read the entry from the file before the console has told the server
    # (the commit lands first; the service's signal reaches the UI thread after it)
    qtbot.waitUntil(lambda: any(t.text == "Said on the laptop" for c in heard for t in c.themes))


def test_the_wifi_name_is_kept_and_shown_on_the_join_slide_and_the_cards(
    qtbot, show_console: Any, event_path: Path, tmp_path: Path
) -> None:
    """The facilitator types the room's wifi once: it is saved in the event, the Join slide
    says it at once, the table cards print it, and a reopened event still has it."""
    from facilitator.core.settings import ROOM_WIFI
    from facilitator.export.table_cards import TableCard

    console = open_console(show_console, event_path)
    room = console.room
    room.open()
    room.show_join_slide()
    field = room.panel.wifi
    assert field.text() == ""
    field.setFocus()
    field.setText("Café Room 5G\x07")  # pasted with a control character: never kept
    qtbot.keyClick(field, Qt.Key.Key_Return)
    store = console.controller.store
    # the slide follows once the save committed (its callback, on the UI thread)
    qtbot.waitUntil(lambda: getattr(console.controller.projector_state.slide, "wifi", "") != "")
    assert ROOM_WIFI.read(store) == "Café Room 5G"
    state = console.controller.projector_state
    assert isinstance(state.slide, JoinSlide) and state.slide.wifi == "Café Room 5G"
    base = room.control.addresses()[0].base
    cards = [TableCard(t.number, link, t.name) for t, link in room.control.table_links(base)]
    out = tmp_path / "cards.pdf"
    with qtbot.waitSignal(room.cards_written, timeout=20000):
        room.write_cards(out, cards[:1], "Test event")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Café Room 5G" in text
    console.close()
    again = open_console(show_console, event_path)
    assert again.room.panel.wifi.text() == "Café Room 5G"
    assert again.room.join_slide().wifi == "Café Room 5G"

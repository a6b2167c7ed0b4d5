"""Live control fed by the event: panels' slides, the clock, themes and picks arriving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6

from facilitator.core.projector_state import (
    ClockFace,
    ClockPhase,
    DrawSlide,
    RoundSlide,
    TallySlide,
    WallSlide,
)
from facilitator.store.db import EventStore
from facilitator.ui.console import ConsoleWindow
from gui.writes import add_theme, landed


@pytest.fixture
def console(qtbot, event_path: Path) -> Iterator[ConsoleWindow]:
    window = ConsoleWindow(EventStore.open(event_path))
    yield window
    if shiboken6.isValid(window):
        window.close()


def projector_entries(console: ConsoleWindow) -> list[dict[str, object]]:
    return [dict(e.detail) for e in console.controller.store.timeline() if e.kind == "projector"]


def test_a_panel_puts_a_slide_live_or_in_the_preview(qtbot, console) -> None:
    draw = DrawSlide(deck_name="Deck")
    console.controller.show(draw, live=False)
    assert console.live.preview_view.state.slide == draw
    assert console.projector.state.slide != draw
    console.live.control.take_live()
    assert console.projector.state.slide == draw
    landed(qtbot, console.controller)
    assert projector_entries(console)[-1]["slide"] == "draw"


def test_the_clock_face_reaches_the_room_without_filling_the_timeline(console) -> None:
    console.live.control.next()
    before = len(projector_entries(console))
    for text in ("14:59", "14:58", "14:57"):
        console.controller.set_clock_face(ClockFace(text, 0.99, ClockPhase.RUNNING))
    slide = console.projector.state.slide
    assert isinstance(slide, RoundSlide) and slide.clock.text == "14:57"
    assert console.live.live_view.state == console.projector.state
    assert len(projector_entries(console)) == before


def test_themes_arriving_refresh_the_wall_on_the_projector(qtbot, console) -> None:
    control = console.live.control
    control.go_to("wall")
    wall = console.projector.state.slide
    assert isinstance(wall, WallSlide) and wall.entries == ()
    table = console.controller.tables[0]
    live_round = console.controller.live_round
    assert live_round is not None
    add_theme(
        qtbot, console.controller, "Trust comes first", table_id=table.id, round_id=live_round.id
    )

    def shows_it() -> bool:
        slide = console.projector.state.slide
        return isinstance(slide, WallSlide) and [e.text for e in slide.entries] == [
            "Trust comes first"
        ]

    qtbot.waitUntil(shows_it)


def test_the_wall_from_the_run_shows_the_live_rounds_entries(qtbot, console) -> None:
    controller = console.controller
    first, second = controller.rounds[:2]
    table = controller.tables[0].id
    add_theme(qtbot, controller, "said in round one", table_id=table, round_id=first.id)
    add_theme(qtbot, controller, "said in round two", table_id=table, round_id=second.id)
    controller.go_to_round(0)
    console.live.control.go_to("wall")

    def wall_texts() -> list[str]:
        slide = console.projector.state.slide
        return [e.text for e in slide.entries] if isinstance(slide, WallSlide) else []

    qtbot.waitUntil(lambda: wall_texts() == ["said in round one"])
    controller.go_to_round(1)  # the room moves on to the next round's slide
    console.live.control.go_to("wall")
    qtbot.waitUntil(lambda: wall_texts() == ["said in round two"])


def test_picks_refresh_the_tally(qtbot, console) -> None:
    console.live.control.go_to("tally")
    store = console.controller.store
    card = console.controller.deck.cards[0]
    store.add_card_pick(card.id, table_id=console.controller.tables[0].id, round_id=None)
    console.controller.picks_changed.emit()

    def shows_it() -> bool:
        slide = console.projector.state.slide
        return isinstance(slide, TallySlide) and [(b.label, b.count) for b in slide.bars] == [
            (card.title, 1)
        ]

    qtbot.waitUntil(shows_it)


def test_a_new_plan_keeps_the_room_where_it_is(qtbot, console) -> None:
    control = console.live.control
    control.go_to("round:2")
    plan = console.controller.plan
    console.controller.replace_plan(plan.__class__(title=plan.title, rounds=plan.rounds[:4]))
    landed(qtbot, console.controller)
    slide = console.projector.state.slide
    assert isinstance(slide, RoundSlide) and slide.number == 3 and slide.of == 4


def test_a_logo_goes_on_the_holding_slide_and_a_non_image_is_refused(
    qtbot, console, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    from facilitator.core.errors import InputError
    from facilitator.core.projector_state import HoldingSlide

    logo = tmp_path / "logo.png"
    image = QImage(4000, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0271d"))
    image.save(str(logo))
    control = console.live.control
    control.go_to("holding")
    control.set_logo(logo)
    landed(qtbot, console.controller)
    slide = console.projector.state.slide
    assert isinstance(slide, HoldingSlide) and slide.logo_png
    kept = QImage.fromData(slide.logo_png)
    assert kept.width() <= 1600 and kept.height() <= 900
    not_image = tmp_path / "notes.png"
    not_image.write_text("not an image")
    with pytest.raises(InputError, match=r"notes\.png: not an image"):
        control.set_logo(not_image)
    assert console.projector.state.slide.logo_png == slide.logo_png
    control.set_logo(None)
    landed(qtbot, console.controller)
    assert console.projector.state.slide.logo_png is None


def test_the_wall_is_read_off_the_ui_thread_and_a_black_out_stays_as_entries_arrive(
    qtbot, console, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from facilitator.core.projector_state import Blank

    readers: list[str] = []
    themes = EventStore.themes

    def recorded(self: EventStore, *args: object, **kwargs: object) -> object:
        readers.append(threading.current_thread().name)
        return themes(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(EventStore, "themes", recorded)
    controller = console.controller
    control = console.live.control
    control.go_to("wall")
    control.toggle_black()
    live_round = controller.live_round
    assert live_round is not None
    add_theme(qtbot, controller, "Said in the dark", table_id=None, round_id=live_round.id)

    def has_it() -> bool:
        slide = console.projector.state.slide
        return isinstance(slide, WallSlide) and [e.text for e in slide.entries] == [
            "Said in the dark"
        ]

    qtbot.waitUntil(has_it)
    assert console.projector.state.blank is Blank.BLACK
    assert readers and threading.main_thread().name not in readers


def test_entries_added_in_bulk_elsewhere_and_reported_refresh_every_view(qtbot, console) -> None:
    """An import or a merge into the open event commits on a connection of its own, then
    reports ``Changes(entries=True)``: the capture list and the wall on screen follow."""
    import threading

    from facilitator.core.changes import IMPORT, Changes

    controller = console.controller
    live_round = controller.live_round
    assert live_round is not None
    console.live.control.go_to("wall")

    def elsewhere() -> None:
        other = EventStore.open_writer(controller.store.path)
        try:
            for n in range(3):
                other.add_theme(f"imported {n}", table_id=None, round_id=live_round.id)
        finally:
            other.close()
        controller.service.report(Changes(entries=True, origin=IMPORT))

    thread = threading.Thread(target=elsewhere)
    thread.start()
    panel = console.capture.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    thread.join()

    def wall_texts() -> list[str]:
        slide = console.projector.state.slide
        return sorted(e.text for e in slide.entries) if isinstance(slide, WallSlide) else []

    qtbot.waitUntil(lambda: wall_texts() == [f"imported {n}" for n in range(3)])

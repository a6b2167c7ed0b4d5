"""The round on the projector: readable from the back, nothing clipped, at any screen size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from facilitator.core.projector_state import ClockFace, ClockPhase, Look, ProjectorState, RoundSlide
from facilitator.ui.projector import render_image
from facilitator.ui.views.base import PALETTES

SIZES = [QSize(1280, 720), QSize(1920, 1080), QSize(3840, 2160)]
LONG = (  # three long prompts, as a facilitator might really write them
    "What are you observing in your organisation and local systems?",
    "What are you observing with your clients, and what is changing for them?",
    "Which of these surprised you, and what might it tell us?",
)
WALL = ("A facilitator pasted a whole paragraph here by mistake. " * 12,)


def slide(face: ClockFace, prompts: tuple[str, ...] = LONG, move: bool = True) -> RoundSlide:
    return RoundSlide(
        title="Second conversation",
        prompts=prompts,
        format="tables",
        clock=face,
        move="Hosts stay; everyone else moves to a new table with people they have not met.",
        show_move=move,
        number=3,
        of=6,
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize(
    "face",
    [
        ClockFace("15:00", 1.0, ClockPhase.READY),
        ClockFace("1:42", 0.11, ClockPhase.AMBER),
        ClockFace("+12:07", 0.0, ClockPhase.OVERTIME, flash=True),
        ClockFace("+1:02:05", 0.0, ClockPhase.PAUSED),
    ],
    ids=lambda f: f.phase.value,
)
def test_nothing_is_clipped_and_prompts_stay_large(
    qtbot: QtBot, size: QSize, face: ClockFace
) -> None:
    _, report = render_image(ProjectorState(slide(face)), size)
    assert report.clipped == []
    assert report.smallest_cap_height >= 0.04 * size.height()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_wall_of_text_shrinks_rather_than_being_cut(qtbot: QtBot, size: QSize) -> None:
    _, report = render_image(ProjectorState(slide(ClockFace("5:00", 1.0), WALL)), size)
    assert report.clipped == []


def pixel(face: ClockFace, look: Look = Look.DARK) -> set[str]:
    image, _ = render_image(
        ProjectorState(slide(face, ("Short?",), move=False), look=look), QSize(1280, 720)
    )
    return {
        QColor(image.pixel(x, y)).name() for x in range(850, 1230, 4) for y in range(450, 620, 4)
    }


def test_the_digits_turn_amber_then_red() -> None:
    palette = PALETTES[Look.DARK]
    assert palette.amber.name() in pixel(ClockFace("1:59", 0.2, ClockPhase.AMBER))
    assert palette.red.name() in pixel(ClockFace("0:29", 0.05, ClockPhase.RED))
    assert palette.red.name() not in pixel(ClockFace("9:00", 0.6, ClockPhase.RUNNING))


def test_the_zero_flash_washes_the_whole_screen() -> None:
    calm, _ = render_image(
        ProjectorState(slide(ClockFace("0:00", 0, ClockPhase.OVERTIME))), QSize(640, 360)
    )
    flash, _ = render_image(
        ProjectorState(slide(ClockFace("0:00", 0, ClockPhase.OVERTIME, flash=True))),
        QSize(640, 360),
    )
    assert calm.pixel(3, 3) != flash.pixel(3, 3)
    assert QColor(flash.pixel(3, 3)).name() == PALETTES[Look.DARK].red.name()


def test_user_text_is_drawn_as_text_not_markup() -> None:
    _, report = render_image(
        ProjectorState(slide(ClockFace("5:00", 1.0), ("<b>bold?</b> & <i>x</i>",))),
        QSize(1280, 720),
    )
    assert report.clipped == []

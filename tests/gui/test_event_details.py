"""The event details panel saves on the writer thread: details, then tables, in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from facilitator.core.harvest import build_harvest
from facilitator.core.settings import EVENT_LOGO, EVENT_ORGANISER
from facilitator.export.pdf.logo import read_png
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.event_details import EventDetailsPanel


@pytest.fixture
def controller(event_path: Path) -> Iterator[EventController]:
    ctl = EventController(EventStore.open(event_path))
    yield ctl
    ctl.close()


@pytest.fixture
def panel(qtbot: QtBot, controller: EventController) -> EventDetailsPanel:
    made = EventDetailsPanel(controller)
    qtbot.addWidget(made)
    return made


def test_details_and_tables_are_saved_and_said_once_they_landed(
    qtbot: QtBot, controller: EventController
) -> None:
    panel = EventDetailsPanel(controller)
    qtbot.addWidget(panel)
    panel.title.setText("Leadership Lab #4")
    panel.tables.setValue(len(controller.tables) + 2)
    with qtbot.waitSignal(controller.event_changed):
        panel.save()
    qtbot.waitUntil(lambda: panel.message.text() == "Saved.")
    assert controller.store.event().title == "Leadership Lab #4"
    assert len(controller.tables) == panel.tables.value()


def test_a_title_that_cannot_be_saved_says_why(qtbot: QtBot, controller: EventController) -> None:
    panel = EventDetailsPanel(controller)
    qtbot.addWidget(panel)
    before = controller.store.event().title
    panel.title.setText("   ")
    panel.save()
    qtbot.waitUntil(lambda: panel.message.text() not in ("", "Saving…"))
    assert "title" in panel.message.text()
    assert controller.store.event().title == before


def test_the_organiser_is_saved_with_the_details_for_the_reports(
    qtbot: QtBot, controller: EventController, panel: EventDetailsPanel
) -> None:
    panel.organiser.setText("  North West   Leadership Academy ")
    panel.save()
    qtbot.waitUntil(lambda: panel.message.text() == "Saved.")
    assert EVENT_ORGANISER.read(controller.store) == "North West Leadership Academy"
    assert build_harvest(controller.store).event.organiser == "North West Leadership Academy"
    again = EventDetailsPanel(controller)
    qtbot.addWidget(again)
    assert again.organiser.text() == "North West Leadership Academy"


def _picture(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))  # transparent, with a red band
    for x in range(width):
        for y in range(height // 3, 2 * height // 3):
            image.setPixelColor(x, y, QColor("#c00000"))
    assert image.save(str(path))
    return path


def test_a_logo_is_kept_flat_on_white_and_no_larger_than_the_report_needs(
    qtbot: QtBot, controller: EventController, panel: EventDetailsPanel, tmp_path: Path
) -> None:
    assert not panel.no_logo.isEnabled()
    panel.set_logo(_picture(tmp_path / "logo.png", 3000, 600))
    qtbot.waitUntil(lambda: panel.message.text() == "Saved.")
    logo = build_harvest(controller.store).event.logo_png
    assert logo is not None
    png = read_png(logo)
    assert png is not None, "an RGB PNG the pdf holds as it is"
    assert (png.width, png.height) == (1200, 240)
    corner = QImage.fromData(logo).pixelColor(0, 0)
    assert corner.name() == "#ffffff", "what was transparent is white"
    assert panel.no_logo.isEnabled() and panel.logo.pixmap().width() == 180

    panel.no_logo.click()
    qtbot.waitUntil(lambda: not panel.no_logo.isEnabled())
    assert build_harvest(controller.store).event.logo_png is None


def test_a_file_that_is_not_an_image_is_said_and_changes_nothing(
    qtbot: QtBot, controller: EventController, panel: EventDetailsPanel, tmp_path: Path
) -> None:
    panel.set_logo(_picture(tmp_path / "logo.png", 200, 100))
    qtbot.waitUntil(lambda: panel.message.text() == "Saved.")
    before = EVENT_LOGO.read(controller.store)
    fake = tmp_path / "minutes.png"
    fake.write_text("not a picture", "utf-8")
    panel.set_logo(fake)
    assert panel.message.text() == "minutes.png: not an image the app can read (PNG, JPEG, SVG…)"
    assert EVENT_LOGO.read(controller.store) == before

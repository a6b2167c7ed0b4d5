"""Live control: the live session wired to the event.

:class:`LiveControl` owns the :class:`~facilitator.core.session.LiveSession`: it feeds it
the event (plan, deck, themes, picks, the live round and its clock), turns its output into
``controller.set_projector_state`` / ``preview_changed``, and writes every change of what
is live to the event's timeline. Its column in the console is ui/live_column.py; the live
feature (ui/features/live.py) puts both into the console, with the projector's screens.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from facilitator.core.changes import LIVE, Changes
from facilitator.core.errors import InputError
from facilitator.core.projector_state import (
    ClockFace,
    HoldingSlide,
    Look,
    ProjectorState,
    Slide,
    WallSlide,
)
from facilitator.core.records import RoundInfo
from facilitator.core.session import (
    TALLY,
    WALL,
    LiveSession,
    ShowItem,
    build_run,
    tally_slide,
)
from facilitator.core.settings import PROJECTOR_ITEM, PROJECTOR_LOGO, PROJECTOR_LOOK
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.save_writer import Callback
from facilitator.ui.wall_source import wall_job

log = logging.getLogger(__name__)

LOGO_MAX = QSize(1600, 900)  # enough for a 4K holding slide's logo box
LOOKS: dict[Look, str] = {
    Look.DARK: "Dark",
    Look.LIGHT: "Light",
    Look.CONTRAST: "High contrast",
}
REFRESH_MS = 300  # themes arriving in a burst refresh the wall once


def _look(value: object) -> Look:
    try:
        return Look(str(value))
    except ValueError:
        return Look.DARK


class LiveControl(QObject):
    """The live session, fed by the event and feeding the projector."""

    changed = Signal()  # live or preview changed: captions and buttons follow

    def __init__(self, controller: EventController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        store = controller.store
        self._dirty = {WALL: True, TALLY: True}
        self._wall_view: dict[str, Any] = {"grouping": "table", "spotlight_id": None, "page": 0}
        self._preview: ProjectorState | None = None
        self._panel_owns_wall = False  # a panel has shown the wall and keeps it fresh
        self.session = LiveSession(
            self._run(),
            look=_look(PROJECTOR_LOOK.read(store)),
            live_round=self._round_index(),
            start_key=PROJECTOR_ITEM.read(store),
            on_change=self._record,
        )
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.publish)
        controller.show_requested.connect(self._show_requested)
        controller.clock_face_changed.connect(self._clock)
        controller.live_round_changed.connect(self._round_changed)
        controller.plan_changed.connect(self.rebuild)
        controller.deck_changed.connect(self.rebuild)
        controller.event_changed.connect(self.rebuild)
        controller.themes_changed.connect(lambda: self._content_changed(WALL))
        controller.picks_changed.connect(lambda: self._content_changed(TALLY))
        controller.changed.connect(self._committed)
        self.session.set_clock(controller.clock_face)  # a reopened round's clock, as it was
        self.publish()

    # -- building the run -------------------------------------------------------------------

    def _round_index(self) -> int | None:
        index = self.controller.live_round_index()
        return index if index >= 0 else None

    def _run(self) -> tuple[ShowItem, ...]:
        event = self.controller.store.event()
        return build_run(
            title=event.title,
            venue=event.venue,
            date=event.date,
            plan=self.controller.plan,
            deck=self.controller.deck,
            holding=HoldingSlide(title=event.title, logo_png=self.logo()),
        )

    def logo(self) -> bytes | None:
        """The holding slide's logo, kept in the event file so the event travels whole."""
        value = PROJECTOR_LOGO.read(self.controller.store)
        try:
            return base64.b64decode(value) if isinstance(value, str) and value else None
        except ValueError:
            return None

    def set_logo(self, path: Path | None, done: Callback | None = None) -> None:
        """Use the image at ``path`` on the holding slide (None: no logo). Raises InputError
        for a file that is not an image. Saved on the writer thread: ``done(changes,
        error)`` follows, and the holding slide once it is saved (``changed``)."""
        data = ""
        if path is not None:
            image = QImage(str(path))
            if image.isNull():
                raise InputError(path.name, "not an image the app can read (PNG, JPEG, SVG…)")
            if image.width() > LOGO_MAX.width() or image.height() > LOGO_MAX.height():
                image = image.scaled(
                    LOGO_MAX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
            data = base64.b64encode(bytes(buffer.data().data())).decode("ascii")
        self.controller.service.submit(
            lambda s: ops.set_setting(s, PROJECTOR_LOGO.key, data, origin=LIVE), done, entry=False
        )

    def _committed(self, changes: Changes) -> None:
        if PROJECTOR_LOGO.key in changes.settings:
            self.rebuild()  # the holding slide shows the logo that was saved

    def rebuild(self) -> None:
        """The plan, deck or event details changed: a new run, the room stays where it is."""
        self._dirty = {WALL: True, TALLY: True}
        self.session.replace_run(self._run())
        self.session.set_live_round(self._round_index())
        self.publish()

    def _content_changed(self, key: str) -> None:
        if key == WALL and self._panel_owns_wall:
            return  # the capture panel refreshes the wall it showed, off the UI thread
        self._dirty[key] = True
        if key in self._on_screen_keys():
            self._refresh_timer.start()

    def _on_screen_keys(self) -> set[str]:
        preview = self.session.preview_item
        return {self.session.live_item.key, preview.key if preview else ""}

    def _refresh_content(self) -> None:
        """Build the wall and tally only when the room or the preview is about to show them
        (a big event has tens of thousands of themes)."""
        for key in self._on_screen_keys() & {k for k, dirty in self._dirty.items() if dirty}:
            self._dirty[key] = False
            self.session.refresh(key, self._wall() if key == WALL else self._tally())

    def _wall(self) -> WallSlide:
        """The wall as last chosen; until a panel chooses, the live round's entries only,
        which is what the room is talking about (and keeps a big event's wall quick)."""
        c = self.controller
        view = dict(self._wall_view)
        if "round_id" not in view:
            view["round_id"] = c.live_round.id if c.live_round else None
        return wall_job(c, **view)(c.store)

    def _tally(self) -> Slide:
        return tally_slide(self.controller.deck, self.controller.store.card_tally())

    # -- the event's signals ----------------------------------------------------------------

    def _show_requested(self, slide: Slide, live: bool) -> None:
        if isinstance(slide, WallSlide):
            # a panel chose how the wall looks; later refreshes keep that view
            self._wall_view = {
                "grouping": slide.grouping,
                "spotlight_id": slide.spotlight.id if slide.spotlight else None,
                "page": slide.page,
                "round_id": slide.round_id,
                "title": slide.title,
            }
            self._dirty[WALL] = False
            self._panel_owns_wall = True
        self.session.show(slide, live=live)
        self._after()

    def _clock(self, face: ClockFace) -> None:
        self.session.set_clock(face)
        self.publish()

    def _round_changed(self, info: RoundInfo | None) -> None:
        if "round_id" not in self._wall_view:
            self._content_changed(WALL)  # the run's wall is the live round's
        index = self._round_index()
        if index is not None and info is not None:
            self.session.enter_round(index)
        else:
            self.session.set_live_round(index)
        self.publish()

    # -- actions (keys, buttons, menus) -----------------------------------------------------

    def next(self) -> None:
        self.session.next()
        self._after()

    def previous(self) -> None:
        self.session.previous()
        self._after()

    def take_live(self) -> None:
        self.session.take_live()
        self._after()

    def toggle_black(self) -> None:
        self.session.toggle_black()
        self._after()

    def toggle_white(self) -> None:
        self.session.toggle_white()
        self._after()

    def go_to(self, key: str) -> None:
        self.session.go_to(key)
        self._after()

    def stage(self, key: str) -> None:
        self.session.stage_key(key)
        self._after()

    def show_message(self, text: str, *, live: bool = True) -> None:
        self.session.show_message(text, live=live)
        self._after()

    def set_look(self, look: Look) -> None:
        self.session.set_look(look)
        self._after()

    def next_look(self) -> None:
        looks = list(LOOKS)
        self.set_look(looks[(looks.index(self.session.look) + 1) % len(looks)])

    def _after(self) -> None:
        """After a step: clicking onto a round's slide makes it the live round (the clock
        driver then loads its time), and the projector and preview follow."""
        wanted = self.session.live_round
        if wanted is not None and wanted != self._round_index():
            self.controller.go_to_round(wanted)  # -> live_round_changed -> _round_changed
        self.publish()

    def publish(self) -> None:
        self._refresh_content()
        self.controller.set_projector_state(self.session.live_state())
        preview = self.session.preview_state()
        if preview != self._preview:
            self._preview = preview
            self.controller.preview_changed.emit(preview)
        self.changed.emit()

    # -- the timeline -----------------------------------------------------------------------

    def _record(self, detail: dict[str, Any]) -> None:
        live_round = self.controller.live_round
        round_id = live_round.id if live_round else None
        item = self.session.items[self.session.position].key
        look = self.session.look.value if detail.get("action") == "look" else None

        settings: dict[str, Any] = {PROJECTOR_ITEM.key: item}
        if look is not None:
            settings[PROJECTOR_LOOK.key] = look
        at = self.controller.store.now()  # stamped now, saved by the writer (in order)

        def record(store: EventStore) -> Changes:
            return ops.add_timeline_with_settings(
                store, "projector", settings, round_id=round_id, detail=detail, at=at, origin=LIVE
            )

        self.controller.service.submit(record, self._record_failed, entry=False)

    def _record_failed(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            log.warning("projector change not recorded: %s", error)
            self.controller.store_error.emit(f"The projector change was not recorded: {error}")

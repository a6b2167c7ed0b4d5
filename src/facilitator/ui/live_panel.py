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

import msgspec
from PySide6.QtCore import QObject, QSize, QTimer, Signal

from facilitator.core.changes import LIVE, Changes
from facilitator.core.projector_state import (
    ClockFace,
    DotsSlide,
    HoldingSlide,
    Look,
    ProjectorState,
    QuestionLine,
    QuestionsSlide,
    Slide,
    TallySlide,
    VoteSlide,
    WallSlide,
)
from facilitator.core.records import RoundInfo
from facilitator.core.room_questions import APPROVED
from facilitator.core.session import (
    TALLY,
    WALL,
    LiveSession,
    ShowItem,
    build_run,
    choice_tally,
    room_tally,
    tally_slide,
)
from facilitator.core.settings import PROJECTOR_ITEM, PROJECTOR_LOGO, PROJECTOR_LOOK
from facilitator.core.votes import CARD
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.logo_file import logo_png_base64
from facilitator.ui.save_writer import Callback

log = logging.getLogger(__name__)

LOGO_MAX = QSize(1600, 900)  # enough for a 4K holding slide's logo box
LOOKS: dict[Look, str] = {
    Look.DARK: "Dark",
    Look.LIGHT: "Light",
    Look.CONTRAST: "High contrast",
}
REFRESH_MS = 300  # picks arriving in a burst refresh the tally once


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
        self._tally_dirty = True
        self._extra_dirty = False
        self._preview: ProjectorState | None = None
        self._wall_on_screen = False  # the run's wall is live or in the preview
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
        controller.picks_changed.connect(self._picks_changed)
        controller.changed.connect(self._committed)
        self.session.set_clock(controller.clock_face)  # a reopened round's clock, as it was
        self.publish()

    # -- building the run -------------------------------------------------------------------

    def _round_index(self) -> int | None:
        index = self.controller.live_round_index()
        return index if index >= 0 else None

    def _run(self, wall: WallSlide | None = None) -> tuple[ShowItem, ...]:
        event = self.controller.store.event()
        return build_run(
            wall=wall,
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
        data = logo_png_base64(path, LOGO_MAX) if path is not None else ""
        self.controller.service.submit(
            lambda s: ops.set_setting(s, PROJECTOR_LOGO.key, data, origin=LIVE), done, entry=False
        )

    def _committed(self, changes: Changes) -> None:
        if PROJECTOR_LOGO.key in changes.settings:
            self.rebuild()  # the holding slide shows the logo that was saved
        if changes.votes:
            self._picks_changed()
        if changes.questions or changes.votes:
            self._extra_dirty = True
            if not self._refresh_timer.isActive():
                self._refresh_timer.start()

    def rebuild(self) -> None:
        """The plan, deck or event details changed: a new run, the room stays where it is."""
        self._tally_dirty = True
        # the new run keeps the wall as last built (its owner refreshes it if it is shown)
        built = next((it.slide for it in self.session.items if it.key == WALL), None)
        self.session.replace_run(self._run(built if isinstance(built, WallSlide) else None))
        self.session.set_live_round(self._round_index())
        self.publish()

    def _picks_changed(self) -> None:
        self._tally_dirty = True
        # at most one refresh every REFRESH_MS however fast picks and votes come: a burst
        # of three hundred phones moves the bars a few times a second, never on each vote
        if TALLY in self._on_screen_keys() and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _on_screen_keys(self) -> set[str]:
        preview = self.session.preview_item
        return {self.session.live_item.key, preview.key if preview else ""}

    def _refresh_content(self) -> None:
        """Build the tally only when the room or the preview is about to show it. (The
        wall is the controller's to build, off the UI thread: see ``_ask_for_wall``.)"""
        if self._tally_dirty and TALLY in self._on_screen_keys():
            self._tally_dirty = False
            self.session.refresh(TALLY, self._tally())
        if self._extra_dirty:  # the room's questions or a vote with choices, if live
            self._extra_dirty = False
            live = self.session.live_item.slide
            fresh = self._questions() if isinstance(live, QuestionsSlide) else self._vote_slide()
            if fresh is not None:
                self.session.refresh_extra(fresh)

    def _ask_for_wall(self) -> None:
        """The run's wall has come on screen (live or in the preview): its owner builds it
        afresh (ui/wall_source.py) and puts it up, and keeps it fresh while it is shown."""
        on_screen = WALL in self._on_screen_keys()
        if on_screen and not self._wall_on_screen:
            self.controller.wall.refresh()
        self._wall_on_screen = on_screen

    def _questions(self) -> QuestionsSlide:
        """The approved questions to the room, with their up-votes."""
        approved = self.controller.store.room_questions(APPROVED)
        return QuestionsSlide(tuple(QuestionLine(q.text, q.upvotes) for q in approved))

    def _vote_slide(self) -> VoteSlide | None:
        """The last vote with choices put to the room, as it stands."""
        store = self.controller.store
        vote = store.latest_vote()
        if vote is None or vote.kind == CARD:
            return None
        return VoteSlide(vote.question, choice_tally(vote, store.vote_counts(vote.id)))

    def _tally(self) -> TallySlide:
        """The tables' picks, and beside them the room's card vote (the last one)."""
        store, deck = self.controller.store, self.controller.deck
        slide = tally_slide(deck, store.card_tally())
        vote = store.latest_vote(CARD)
        if vote is None:
            return slide
        return msgspec.structs.replace(
            slide, room=room_tally(deck, vote, store.vote_counts(vote.id))
        )

    # -- the event's signals ----------------------------------------------------------------

    def _show_requested(self, slide: Slide, live: bool) -> None:
        if isinstance(slide, TallySlide):
            slide = self._tally()  # whoever asks, the tally shows the picks and the votes
        elif isinstance(slide, QuestionsSlide):
            slide = self._questions()
        elif isinstance(slide, VoteSlide):
            slide = self._vote_slide() or slide
        if live and isinstance(slide, WallSlide) and self.session.live_item.key == WALL:
            # the wall on screen, built afresh: new content, not a step (a black-out stays)
            self.session.refresh(WALL, slide)
            self.publish()
            return
        if live and isinstance(slide, DotsSlide) and self.session.refresh_extra(slide):
            self.publish()  # dots arriving: the same slide, new content
            return
        self.session.show(slide, live=live)
        self._after()

    def _clock(self, face: ClockFace) -> None:
        self.session.set_clock(face)
        self.publish()

    def _round_changed(self, info: RoundInfo | None) -> None:
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
        self._ask_for_wall()
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

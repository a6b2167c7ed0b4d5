"""The room's vote from the console: F8 (and the Room menu) opens the card vote ("Which
card struck a chord?") on every delegate's phone and puts the card tally up, and closes it
again; two options say how the next vote runs (results hidden until it closes; ballots
that may change). Every step is a store operation on the writer thread, like every write."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal

from facilitator.core.changes import ROOM, Changes
from facilitator.core.projector_state import RoomTally, VoteSlide
from facilitator.core.session import tally_slide
from facilitator.core.settings import VOTE_CHANGEABLE, VOTE_HIDDEN, Setting
from facilitator.core.votes import CARD_QUESTION, CHOICE, Vote
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.keys import BINDINGS
from facilitator.ui.room.control import RoomControl

CLOSED_ROOM = "Open the room network first (F9): the delegates vote on their phones through it."


class RoomVotes(QObject):
    said = Signal(str)  # a sentence for the status bar, once a step is saved (or not)

    def __init__(self, control: RoomControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = control
        self.controller = control.controller

    def current(self) -> Vote | None:
        """The vote open now, if any."""
        vote = self.controller.store.latest_vote()
        return vote if vote is not None and vote.is_open else None

    def toggle(self) -> None:
        """Open the card vote, or close the one open."""
        vote = self.current()
        if vote is not None:
            self.close(vote.id)
        elif not self.control.is_open:
            self.said.emit(CLOSED_ROOM)
        else:
            self.open()

    def open(self) -> None:
        store = self.controller.store
        live = self.controller.live_round
        operation = partial(
            _open_card_vote,
            round_id=live.id if live is not None else None,
            hidden=bool(VOTE_HIDDEN.read(store)),
            changeable=bool(VOTE_CHANGEABLE.read(store)),
        )
        self.controller.service.submit(operation, self._opened, entry=False)

    def _opened(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.said.emit(f"The vote did not open: {error}")
            return
        deck = self.controller.deck
        self.controller.show(tally_slide(deck, self.controller.store.card_tally()))
        vote = self.current()
        hidden = " (results hidden until it closes)" if vote is not None and vote.hidden else ""
        key = BINDINGS["vote"].key
        self.said.emit(f"The vote is open on every phone{hidden}: {key} closes it.")

    def open_plan_vote(self, index: int) -> None:
        """Put the plan's ``index``-th vote question to the room (closing any open vote)."""
        votes = self.controller.plan.votes
        if not 0 <= index < len(votes):
            return
        if not self.control.is_open:
            self.said.emit(CLOSED_ROOM)
            return
        store = self.controller.store
        operation = partial(
            _open_choice_vote,
            question=votes[index].question,
            choices=votes[index].choices,
            round_id=self.controller.live_round.id if self.controller.live_round else None,
            hidden=bool(VOTE_HIDDEN.read(store)),
            changeable=bool(VOTE_CHANGEABLE.read(store)),
        )
        self.controller.service.submit(operation, self._choice_opened, entry=False)

    def _choice_opened(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.said.emit(f"The vote did not open: {error}")
            return
        vote = self.current()
        if vote is not None:
            self.controller.show(VoteSlide(vote.question, RoomTally((), 0, open=True)))
        key = BINDINGS["vote"].key
        self.said.emit(f"The question is open for votes on every phone: {key} closes it.")

    def close(self, vote_id: str) -> None:
        operation = partial(_close_vote, vote_id=vote_id)
        self.controller.service.submit(operation, self._closed, entry=False)

    def _closed(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.said.emit(f"The vote did not close: {error}")
            return
        self.said.emit("The vote is closed: the room's results are on the projector.")

    # -- options for the next vote ----------------------------------------------------------

    def option(self, setting: Setting) -> bool:
        return bool(setting.read(self.controller.store))

    def set_option(self, setting: Setting, value: bool) -> None:
        operation = partial(_set, key=setting.key, value=value)
        self.controller.service.submit(operation, entry=False)

    def set_hidden(self, value: bool) -> None:
        self.set_option(VOTE_HIDDEN, value)

    def set_changeable(self, value: bool) -> None:
        self.set_option(VOTE_CHANGEABLE, value)


def _open_card_vote(
    store: EventStore, *, round_id: str | None, hidden: bool, changeable: bool
) -> Changes:
    return ops.open_vote(
        store, CARD_QUESTION, round_id=round_id, hidden=hidden, changeable=changeable, origin=ROOM
    )[1]


def _open_choice_vote(
    store: EventStore,
    *,
    question: str,
    choices: tuple[str, ...],
    round_id: str | None,
    hidden: bool,
    changeable: bool,
) -> Changes:
    return ops.open_vote(
        store,
        question,
        kind=CHOICE,
        choices=choices,
        round_id=round_id,
        hidden=hidden,
        changeable=changeable,
        origin=ROOM,
    )[1]


def _close_vote(store: EventStore, *, vote_id: str) -> Changes:
    return ops.close_vote(store, vote_id, origin=ROOM)[1]


def _set(store: EventStore, *, key: str, value: bool) -> Changes:
    return ops.set_setting(store, key, value, origin=ROOM)

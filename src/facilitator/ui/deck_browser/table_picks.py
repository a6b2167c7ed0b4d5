"""Which card struck a chord: recording each table's pick and the tally so far."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from facilitator.core.changes import DECK, Changes
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.undo import PickCommand

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

    from facilitator.core.deck import Card, Deck
    from facilitator.ui.controller import EventController

log = logging.getLogger(__name__)


class TablePicks:
    """The deck browser's picks box: a part of :class:`DeckBrowser`, which builds its widgets."""

    if TYPE_CHECKING:  # made by DeckBrowser
        controller: EventController
        table_box: QComboBox
        round_label: QLabel
        pick_button: QPushButton
        undo_pick_button: QPushButton
        pick_message: QLabel
        tally_label: QLabel
        last_pick_id: str | None
        pick_recorded: SignalInstance

        @property
        def deck(self) -> Deck: ...

        def current_card(self) -> Card | None: ...

    def _fill_tables(self) -> None:
        chosen = self.table_box.currentData()
        self.table_box.clear()
        for table in self.controller.tables:
            self.table_box.addItem(table.label, table.id)
        if chosen is not None:
            self.table_box.setCurrentIndex(max(0, self.table_box.findData(chosen)))

    def _update_round(self) -> None:
        live = self.controller.live_round
        self.round_label.setText(f"Round: {live.title}" if live else "No round is live")

    def _update_pick_button(self) -> None:
        card = self.current_card()
        self.pick_button.setText(f"Record pick: {card.title[:28]}" if card else "Record pick")
        self.undo_pick_button.setEnabled(self.last_pick_id is not None)

    def record_pick(self) -> None:
        """Record the selected card as the chosen table's pick in the live round (saved on
        the writer's thread; a step on the event's one undo stack)."""
        card = self.current_card()
        table_id = self.table_box.currentData()
        if card is None:
            return
        live = self.controller.live_round
        round_id = live.id if live else None

        def op(store: EventStore) -> Changes:
            return ops.add_card_picks(
                store, [card.id], table_id=table_id, round_id=round_id, origin=DECK
            )

        def done(changes: Changes | None, error: BaseException | None) -> None:
            if error is not None or changes is None:
                log.warning("pick not saved: %s", error)
                self.pick_message.setText(f"Not saved: {error}")
                self.controller.store_error.emit(str(error))
                return
            (pick,) = changes.picks
            self.last_pick_id = pick.id
            self.controller.service.undo_stack.push(
                PickCommand(self.controller.service, pick, card.title)
            )
            table = self.controller.table(table_id)
            self.pick_message.setText(
                f"Saved: {table.label if table else 'no table'} picked {card.title}."
            )
            self.pick_recorded.emit(pick)
            self._advance_table()
            self._update_pick_button()

        self.controller.service.submit(op, done)

    def _advance_table(self) -> None:
        """Tables report one after another: move on to the next one."""
        if self.table_box.currentIndex() < self.table_box.count() - 1:
            self.table_box.setCurrentIndex(self.table_box.currentIndex() + 1)

    def _last_pick_on_top(self) -> bool:
        stack = self.controller.service.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        return isinstance(top, PickCommand) and top.pick_id == self.last_pick_id

    def undo_pick(self) -> None:
        """Take the last pick back: the undo of its step on the event's one undo stack."""
        if self.last_pick_id is None or not self._last_pick_on_top():
            self.last_pick_id = None
            self._update_pick_button()
            return
        stack = self.controller.service.undo_stack
        top = stack.command(stack.index() - 1)
        if isinstance(top, PickCommand):  # the writer says later if it could not be saved
            top.on_failed = lambda message: self.pick_message.setText(f"Not undone: {message}")
        stack.undo()
        self.last_pick_id = None
        self.pick_message.setText("The last pick was taken back.")
        if self.table_box.currentIndex() > 0:
            self.table_box.setCurrentIndex(self.table_box.currentIndex() - 1)
        self._update_pick_button()

    def tally(self) -> list[tuple[str, int]]:
        """(card title, picks), most picked first."""
        titles = {c.id: c.title for c in self.deck.cards}
        return [(titles.get(key, key), n) for key, n in self.controller.store.card_tally()]

    def _update_tally(self) -> None:
        tally = self.tally()
        picks = sum(n for _, n in tally)
        if not tally:
            self.tally_label.setText("No picks yet.")
            return
        top = ", ".join(f"{title} {n}" for title, n in tally[:5])
        self.tally_label.setText(f"{picks} picks. Most: {top}")

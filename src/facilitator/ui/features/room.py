"""The room network as a feature: F9 and the Room menu open and close it, the Room tab
shows its addresses, links and phones, a strip in the live column puts the Join slide up,
and table cards are printed from here (written off the UI thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from facilitator.core.changes import ROOM, Changes
from facilitator.core.control_chars import strip_controls
from facilitator.core.errors import InputError
from facilitator.core.projector_state import JoinSlide, QuestionsSlide
from facilitator.core.room_questions import WAITING
from facilitator.core.settings import (
    HARVEST_PUBLISHED,
    ROOM_WIFI,
    SURVEY_OPEN,
    VOTE_CHANGEABLE,
    VOTE_HIDDEN,
)
from facilitator.room import links
from facilitator.store import operations as ops
from facilitator.store.db import StoreError
from facilitator.ui.features.window import Window
from facilitator.ui.keys import BINDINGS
from facilitator.ui.room.control import RoomControl
from facilitator.ui.room.harvest import RoomHarvest
from facilitator.ui.room.paper_survey import PaperSurveyDialog
from facilitator.ui.room.survey import NO_SURVEY, RoomSurvey
from facilitator.ui.room.votes import RoomVotes

if TYPE_CHECKING:
    # reportlab loads when cards are printed, not with every console
    from facilitator.export.table_cards import TableCard
    from facilitator.ui.room.panel import RoomPanel
    from facilitator.ui.room.questions_panel import QuestionsPanel


class RoomStrip(QWidget):
    """The live column's line about the room: open or not, and the Join slide."""

    def __init__(self, feature: RoomFeature) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.join_button = QPushButton("Join slide")
        self.join_button.setObjectName("live-join")
        self.join_button.setToolTip("Put the Join slide up: the QR code phones scan")
        self.join_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the console
        self.join_button.clicked.connect(feature.show_join_slide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.join_button)

    def sync(self, control: RoomControl, waiting: int = 0) -> None:
        """The room open or closed, and the questions waiting for the facilitator."""
        key = BINDINGS["room"].key
        if control.is_open:
            text = f"Room network open on port {control.port} ({key}: close)"
        else:
            text = f"Room network closed ({key}: open)"
        if waiting:
            text += f" · {waiting_words(waiting)}"
        self.label.setText(text)


def waiting_words(n: int) -> str:
    return f"{n:,} {'question' if n == 1 else 'questions'} waiting"


class RoomFeature(QObject):
    cards_written = Signal(str)  # a sentence, from the writer's thread (queued)
    PANEL = "room_panel"
    QUESTIONS = "room_questions"

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.control = control = RoomControl(window.controller, self)
        # built when first opened (or asked for): the QR codes, tables and questions are no
        # part of the console's first paint
        window.add_lazy_tab("&Room", self.PANEL, self._make_panel)
        window.add_lazy_tab("&Questions", self.QUESTIONS, self._make_questions)
        self.strip = RoomStrip(self)
        window.add_panel(self.strip)
        self.toggle_action = window.bind_key("room", self.toggle, checkable=True)
        self.votes = votes = RoomVotes(control, self)
        votes.said.connect(lambda words: window.status(words, 10000))
        votes.said.connect(self._sync_vote)
        self.vote_action = window.bind_key("vote", votes.toggle, checkable=True)
        self.survey = survey = RoomSurvey(control, self)
        survey.said.connect(lambda words: window.status(words, 10000))
        survey.said.connect(self._sync_vote)
        self.survey_action = window.bind_key("survey", survey.toggle, checkable=True)
        self.harvest = harvest = RoomHarvest(control, self)
        harvest.said.connect(lambda words: window.status(words, 10000))
        harvest.said.connect(self._sync_vote)
        self.harvest_action = window.bind_key("harvest", harvest.toggle, checkable=True)
        self.cards_written.connect(self._cards_written, Qt.ConnectionType.QueuedConnection)
        menu = QMenu("R&oom", window.as_widget())
        menu.addAction(self.toggle_action)
        menu.addAction("Show the &join slide", self.show_join_slide)
        menu.addSeparator()
        menu.addAction(self.vote_action)
        self.plan_votes_menu = menu.addMenu("Put a plan &question to the vote")
        self.plan_votes_menu.aboutToShow.connect(self._fill_plan_votes)
        self.hidden_action = menu.addAction("Votes: &hide the results until the vote closes")
        self.hidden_action.setCheckable(True)
        self.hidden_action.toggled.connect(votes.set_hidden)
        self.changeable_action = menu.addAction("Votes: a phone may &change its vote")
        self.changeable_action.setCheckable(True)
        self.changeable_action.toggled.connect(votes.set_changeable)
        menu.aboutToShow.connect(self._sync_vote)
        menu.addSeparator()
        menu.addAction(self.survey_action)
        menu.addAction("Survey answers from &paper…", self.paper_survey)
        menu.addAction("Show the room's &questions", self.show_questions)
        menu.addAction(self.harvest_action)
        menu.addSeparator()
        menu.addAction("Renew a &table's link…", self.renew_table)
        menu.addAction("Renew the join &link…", self.renew_join)
        menu.addSeparator()
        menu.addAction("&Print table cards…", self.print_cards)
        window.add_menu(menu)
        control.opened.connect(self._sync)
        control.closed.connect(self._sync)
        control.links_changed.connect(self._links_changed)
        window.controller.service.changed.connect(self._votes_changed)
        self.waiting = 0
        self._sync()
        self._sync_vote()
        self._count_waiting()

    @property
    def panel(self) -> RoomPanel:
        """The Room tab's panel, built now if the tab has not been opened yet."""
        return cast("RoomPanel", self.window.panel(self.PANEL))

    @property
    def questions(self) -> QuestionsPanel:
        """The Questions tab's panel, built now if the tab has not been opened yet."""
        return cast("QuestionsPanel", self.window.panel(self.QUESTIONS))

    def _make_questions(self) -> QuestionsPanel:
        from facilitator.ui.room.questions_panel import QuestionsPanel

        return QuestionsPanel(self.window.controller)

    def show_questions(self) -> None:
        self.window.controller.show(QuestionsSlide(()))  # the live control fills them in

    def _make_panel(self) -> RoomPanel:
        from facilitator.ui.room.panel import RoomPanel

        panel = RoomPanel(self.control)
        panel.toggle_button.clicked.connect(self.toggle_action.trigger)
        panel.join_button.clicked.connect(self.show_join_slide)
        panel.cards_button.clicked.connect(self.print_cards)
        panel.wifi.setText(self.wifi())
        panel.wifi.editingFinished.connect(self._wifi_edited)
        return panel

    def _sync(self) -> None:
        control = self.control
        self.toggle_action.setChecked(control.is_open)
        self.strip.sync(control, self.waiting)
        state = self.window.controller.projector_state
        if state is not None and isinstance(state.slide, JoinSlide):
            self.show_join_slide()  # the slide follows the room: its link, or closed
        if control.is_open:
            found = control.addresses()
            where = found[0].base if found else "this laptop only: it is on no network"
            self.window.status(f"The room network is open: {where}", 10000)
        else:
            self.window.status("The room network is closed.")

    def _votes_changed(self, changes: Changes) -> None:
        keys = {VOTE_HIDDEN.key, VOTE_CHANGEABLE.key, SURVEY_OPEN.key, HARVEST_PUBLISHED.key}
        if changes.votes or keys & set(changes.settings):
            self._sync_vote()
        if changes.questions:
            self._count_waiting()

    def _count_waiting(self) -> None:
        """The questions waiting, on the Questions tab's label and the strip, without
        building the tab (one count from the event file)."""
        self.waiting = len(self.window.controller.store.room_questions(WAITING))
        label = f"&Questions ({self.waiting:,})" if self.waiting else "&Questions"
        self.window.set_tab_label(self.QUESTIONS, label)
        self.strip.sync(self.control, self.waiting)

    def _sync_vote(self, *_args: object) -> None:
        """The menu's check marks follow the event file (blocked: no write echo)."""
        self.vote_action.setChecked(self.votes.current() is not None)
        self.survey_action.setChecked(self.survey.is_open())
        self.harvest_action.setChecked(self.harvest.is_shared())
        for action, setting in (
            (self.hidden_action, VOTE_HIDDEN),
            (self.changeable_action, VOTE_CHANGEABLE),
        ):
            blocked = action.blockSignals(True)
            action.setChecked(self.votes.option(setting))
            action.blockSignals(blocked)

    def _fill_plan_votes(self) -> None:
        """The plan's vote questions ([[vote]] in plan.toml), each one to open."""
        menu = self.plan_votes_menu
        menu.clear()
        votes = self.window.controller.plan.votes
        if not votes:
            menu.addAction("The plan has no vote questions ([[vote]] in plan.toml)").setEnabled(
                False
            )
        for index, vote in enumerate(votes):
            text = vote.question.replace("&", "&&")
            menu.addAction(text, partial(self.votes.open_plan_vote, index))

    def paper_survey(self) -> None:
        if not self.window.controller.store.survey_questions():
            self.window.status(NO_SURVEY, 10000)
            return
        PaperSurveyDialog(self.window.controller, self.window.as_widget()).exec()

    def open(self, port: int | None = None) -> list[str]:
        """Open the room (``--room``, F9); returns the base URL of each address."""
        try:
            return self.control.open(port)
        except OSError as exc:
            self.window.status(f"The room network could not open: {exc.strerror or exc}", 15000)
            self._sync()
            return []

    def toggle(self) -> None:
        if self.control.is_open:
            self.control.close()
        else:
            self.open()

    # -- the Join slide ---------------------------------------------------------------------

    def join_slide(self) -> JoinSlide:
        return JoinSlide(self.control.join_link(), wifi=self.wifi())

    def wifi(self) -> str:
        return str(ROOM_WIFI.read(self.window.controller.store) or "")

    def _wifi_edited(self) -> None:
        name = strip_controls(self.panel.wifi.text()).strip()
        if name == self.wifi():
            return
        self.window.controller.service.submit(
            lambda s: ops.set_setting(s, ROOM_WIFI.key, name, origin=ROOM),
            self._wifi_saved,
            entry=False,
        )

    def _wifi_saved(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is not None:
            self.window.status(f"The wifi name was not saved: {error}", 15000)
            self.panel.wifi.setText(self.wifi())
            return
        state = self.window.controller.projector_state
        if state is not None and isinstance(state.slide, JoinSlide):
            self.show_join_slide()  # the slide shows the new name at once

    def dots_link(self) -> str:
        """The dot vote's page for phones (the join link and /dots), "" while closed."""
        join = self.control.join_link() if self.control.is_open else ""
        return f"{join}/dots" if join else ""

    def show_join_slide(self) -> None:
        self.window.controller.show(self.join_slide())

    # -- renewals ---------------------------------------------------------------------------

    def renew_table(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        tables = self.window.controller.tables
        if not tables:
            return
        labels = [t.label for t in tables]
        label, ok = QInputDialog.getItem(
            self.window.as_widget(),
            "Renew a table's link",
            "The table's old link and card stop working at once; print its new card.\nTable:",
            labels,
            0,
            False,
        )
        if ok:
            self._renew(lambda: self.control.renew_table(tables[labels.index(label)].id))

    def renew_join(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window.as_widget(),
            "Renew the join link",
            "The old join link and its QR code stop working at once. Renew it?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._renew(self.control.renew_join)

    def _renew(self, renew: Callable[[], None]) -> None:
        try:
            renew()
        except StoreError as exc:
            self.window.status(str(exc), 15000)

    def _links_changed(self) -> None:
        state = self.window.controller.projector_state
        if state is not None and isinstance(state.slide, JoinSlide):
            self.show_join_slide()
        self.window.status("The link was renewed: the old one no longer works.", 8000)

    # -- table cards ------------------------------------------------------------------------

    def print_cards(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        base = self._card_base()
        if base is None:
            self.window.status(
                "This laptop is on no network: join the room's wifi (or start a hotspot) "
                "first, so the cards carry an address phones can reach.",
                15000,
            )
            return
        store = self.window.controller.store
        default = store.path.with_name(f"{store.path.stem} table cards.pdf")
        name, _ = QFileDialog.getSaveFileName(
            self.window.as_widget(), "Print table cards", str(default), "PDF (*.pdf)"
        )
        if not name:
            return
        from facilitator.export.table_cards import TableCard

        cards = [
            TableCard(table.number, link, table.name)
            for table, link in self.control.table_links(base)
        ]
        title = store.event().title
        self.write_cards(Path(name), cards, title)

    def _card_base(self) -> str | None:
        found = self.control.addresses()
        if found:
            return found[0].base
        from facilitator.room.addresses import ordered

        best = ordered(self.control.interfaces())
        return links.base_url(best[0], self.control.port) if best else None

    def write_cards(self, path: Path, cards: list[TableCard], title: str) -> threading.Thread:
        """Write the cards on a thread of their own; the status bar says when done."""
        from facilitator.export.table_cards import write_table_cards

        wifi = self.wifi()

        def write() -> None:
            try:
                write_table_cards(path, cards, title=title, wifi=wifi)
            except InputError as exc:
                self.cards_written.emit(str(exc))
            else:
                self.cards_written.emit(f"Table cards written to {path}: print them on A4.")

        self.window.status("Writing the table cards…")
        worker = threading.Thread(target=write, name="table-cards", daemon=True)
        worker.start()
        return worker

    def _cards_written(self, message: str) -> None:
        self.window.status(message, 15000)

"""The Cards tab: the deck as a grid filtered by suit and search, and the projector buttons."""

from __future__ import annotations

import random

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.projector_state import CardSlide, DrawSlide, SpreadSlide
from facilitator.core.session import tally_slide
from facilitator.ui.controller import EventController
from facilitator.ui.deck_browser.card_detail import CardDetail
from facilitator.ui.deck_browser.card_tile import CARD_ROLE, TILE, CardTileDelegate
from facilitator.ui.deck_browser.deck_import import DeckImport
from facilitator.ui.deck_browser.labels import ALL_CHIP_STYLE, chip_style, plain_label
from facilitator.ui.deck_browser.table_picks import TablePicks

ALL_SUITS = ""


class DeckBrowser(TablePicks, DeckImport, QWidget):
    """The Cards tab of the console."""

    pick_recorded = Signal(object)  # CardPick, after it is committed

    def __init__(self, controller: EventController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.random = random.Random()
        self.drawn: Card | None = None  # a card drawn face-down, waiting to be turned over
        self.shown: CardSlide | None = None  # the card this browser last sent to the room
        self.last_pick_id: str | None = None
        self.setAcceptDrops(True)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search cards (title, description, questions)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search cards")
        self.search.textChanged.connect(self.apply_filter)
        self.suit_bar = QHBoxLayout()
        self.suit_buttons = QButtonGroup(self)
        self.suit_buttons.setExclusive(True)
        self.suit_buttons.buttonClicked.connect(lambda _button: self.apply_filter())

        self.grid = QListWidget()
        self.grid.setViewMode(QListWidget.ViewMode.IconMode)
        self.grid.setAccessibleName("Cards of the deck")
        self.grid.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.grid.setMovement(QListWidget.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setSpacing(2)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setAcceptDrops(False)
        self.delegate = CardTileDelegate(self)
        self.grid.setItemDelegate(self.delegate)
        self.grid.currentItemChanged.connect(self._current_changed)
        self.grid.itemActivated.connect(lambda _item: self.show_card(back=False))
        self.count_label = plain_label(wrap=False)

        self.import_button = QToolButton()
        self.import_button.setText("Deck…")
        self.import_button.setToolTip(
            "Import a deck into this event (or drop a deck file or folder here)"
        )
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.import_menu = QMenu("&Deck", self)
        self.import_menu.aboutToShow.connect(self.fill_import_menu)
        self.import_button.setMenu(self.import_menu)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        grid_column = QWidget()
        grid_layout = QVBoxLayout(grid_column)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addLayout(top)
        grid_layout.addLayout(self.suit_bar)
        grid_layout.addWidget(self.grid, 1)
        room = QHBoxLayout()
        self.draw_button = QPushButton("Draw a card")
        self.draw_button.setToolTip("Show a face-down card; press again to turn it over")
        self.draw_button.clicked.connect(self.draw_or_turn)
        self.spread_button = QPushButton("Show these cards")
        self.spread_button.setToolTip("Show the cards in the grid side by side on the projector")
        self.spread_button.clicked.connect(self.show_spread)
        room.addWidget(self.count_label, 1)
        room.addWidget(self.draw_button)
        room.addWidget(self.spread_button)
        grid_layout.addLayout(room)

        self.detail = CardDetail()
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setAccessibleName("The chosen card")
        detail_scroll.setWidget(self.detail)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.front_button = QPushButton("Show &front")
        self.front_button.clicked.connect(lambda: self.show_card(back=False))
        self.back_button = QPushButton("Show &questions")
        self.back_button.clicked.connect(lambda: self.show_card(back=True))
        self.flip_button = QPushButton("F&lip")
        self.flip_button.setToolTip("Turn the card on the projector over")
        self.flip_button.clicked.connect(self.flip)
        self.preview_button = QPushButton("Pre&view")
        self.preview_button.setToolTip("Stage the front in the preview, not yet live")
        self.preview_button.clicked.connect(lambda: self.show_card(back=False, live=False))
        on_screen = QGroupBox("On the projector")
        show_row = QGridLayout(on_screen)
        show_row.addWidget(self.front_button, 0, 0)
        show_row.addWidget(self.back_button, 0, 1)
        show_row.addWidget(self.flip_button, 1, 0)
        show_row.addWidget(self.preview_button, 1, 1)

        picks = QGroupBox("Which card struck a chord?")
        self.table_box = QComboBox()
        self.round_label = plain_label(wrap=False)
        self.pick_button = QPushButton("&Record pick")
        self.pick_button.setToolTip("Record the selected card as this table's pick")
        self.pick_button.clicked.connect(self.record_pick)
        self.undo_pick_button = QPushButton("Undo pick")
        self.undo_pick_button.clicked.connect(self.undo_pick)
        self.tally_button = QPushButton("Show &tally")
        self.tally_button.setToolTip("Show the picks so far as a bar chart on the projector")
        self.tally_button.clicked.connect(self.show_tally)
        self.pick_message = plain_label()
        self.tally_label = plain_label()
        pick_layout = QGridLayout(picks)
        pick_layout.addWidget(QLabel("Table:"), 0, 0)
        pick_layout.addWidget(self.table_box, 0, 1)
        pick_layout.addWidget(self.round_label, 1, 0, 1, 2)
        pick_layout.addWidget(self.pick_button, 2, 0)
        pick_layout.addWidget(self.undo_pick_button, 2, 1)
        pick_layout.addWidget(self.pick_message, 3, 0, 1, 2)
        pick_layout.addWidget(self.tally_label, 4, 0, 1, 2)
        pick_layout.addWidget(self.tally_button, 5, 0, 1, 2)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(detail_scroll, 1)
        side_layout.addWidget(on_screen)
        side_layout.addWidget(picks)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(grid_column)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        controller.deck_changed.connect(self.reload)
        controller.event_changed.connect(self._fill_tables)
        controller.live_round_changed.connect(lambda _round: self._update_round())
        controller.picks_changed.connect(self._update_tally)
        self.reload()
        self._fill_tables()
        self._update_round()

    # -- the deck ------------------------------------------------------------------------

    @property
    def deck(self) -> Deck:
        return self.controller.deck

    def suit_of(self, card: Card) -> Suit:
        try:
            return self.deck.suit(card.suit)
        except KeyError:
            return Suit(card.suit, card.suit, "#555555")

    def card_at(self, index: QModelIndex | QPersistentModelIndex) -> Card | None:
        card_id = index.data(CARD_ROLE)
        try:
            return self.deck.card(card_id) if isinstance(card_id, str) else None
        except KeyError:
            return None

    def reload(self) -> None:
        """Rebuild the suit filter and the grid from the controller's deck."""
        deck = self.deck
        self.delegate.clear_cache()
        for button in self.suit_buttons.buttons():
            self.suit_buttons.removeButton(button)
            button.deleteLater()
        while self.suit_bar.count():
            self.suit_bar.takeAt(0)
        every = QPushButton(f"All {deck.suit_label.lower()}s")
        every.setCheckable(True)
        every.setChecked(True)
        every.setProperty("suit", ALL_SUITS)
        every.setStyleSheet(ALL_CHIP_STYLE)
        self.suit_buttons.addButton(every)
        self.suit_bar.addWidget(every)
        for suit in deck.suits:
            button = QPushButton(suit.name)
            button.setCheckable(True)
            button.setProperty("suit", suit.id)
            button.setStyleSheet(chip_style(suit.colour))
            button.setToolTip(f"Only the cards of the {deck.suit_label.lower()} {suit.name}")
            self.suit_buttons.addButton(button)
            self.suit_bar.addWidget(button)
        self.suit_bar.addStretch(1)
        self.grid.clear()
        for card in deck.cards:
            item = QListWidgetItem()
            item.setData(CARD_ROLE, card.id)
            item.setToolTip(card.front[:300])
            item.setSizeHint(TILE)
            self.grid.addItem(item)
        self.drawn = None
        self.draw_button.setText("Draw a card")
        self.apply_filter()
        self._update_tally()
        if self.grid.count():
            self.grid.setCurrentRow(0)
        else:
            self.detail.show_card(None, None)

    def selected_suit(self) -> str:
        button = self.suit_buttons.checkedButton()
        value = button.property("suit") if button is not None else ALL_SUITS
        return value if isinstance(value, str) else ALL_SUITS

    def select_suit(self, suit_id: str) -> None:
        for button in self.suit_buttons.buttons():
            if button.property("suit") == suit_id:
                button.setChecked(True)
        self.apply_filter()

    def _matches(self, card: Card, words: list[str], suit_id: str) -> bool:
        if suit_id and card.suit != suit_id:
            return False
        if not words:
            return True
        haystack = " ".join(
            [card.title, card.front, self.suit_of(card).name]
            + [level for level, _ in card.questions]
            + [q for _, qs in card.questions for q in qs]
        ).casefold()
        return all(word in haystack for word in words)

    def apply_filter(self) -> None:
        words = self.search.text().casefold().split()
        suit_id = self.selected_suit()
        shown = 0
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            card = self.card_at(self.grid.indexFromItem(item))
            visible = card is not None and self._matches(card, words, suit_id)
            item.setHidden(not visible)
            shown += visible
        total = len(self.deck.cards)
        self.count_label.setText(
            f"{total} cards" if shown == total else f"{shown} of {total} cards"
        )
        current = self.grid.currentItem()
        if current is None or current.isHidden():
            first = next(
                (
                    self.grid.item(r)
                    for r in range(self.grid.count())
                    if not self.grid.item(r).isHidden()
                ),
                None,
            )
            if first is not None:
                self.grid.setCurrentItem(first)
        self.spread_button.setEnabled(shown > 0)

    def visible_cards(self) -> list[Card]:
        cards = []
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            card = self.card_at(self.grid.indexFromItem(item))
            if card is not None and not item.isHidden():
                cards.append(card)
        return cards

    def current_card(self) -> Card | None:
        item = self.grid.currentItem()
        return None if item is None else self.card_at(self.grid.indexFromItem(item))

    def select_card(self, card_id: str) -> None:
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            if item.data(CARD_ROLE) == card_id:
                if item.isHidden():
                    self.search.clear()
                    self.select_suit(ALL_SUITS)
                self.grid.setCurrentItem(item)
                return

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        card = None if current is None else self.card_at(self.grid.indexFromItem(current))
        self.detail.show_card(card, self.suit_of(card) if card else None)
        for button in (self.front_button, self.back_button, self.preview_button, self.pick_button):
            button.setEnabled(card is not None)
        self._update_pick_button()

    # -- the projector -------------------------------------------------------------------

    def card_slide(self, card: Card, *, back: bool) -> CardSlide:
        return CardSlide(
            card=card,
            suit=self.suit_of(card),
            suit_label=self.deck.suit_label,
            levels=self.deck.levels,
            back=back,
        )

    def show_card(self, *, back: bool, live: bool = True) -> None:
        card = self.current_card()
        if card is None:
            return
        slide = self.card_slide(card, back=back)
        if live:
            self.shown = slide
            self.drawn = None
            self.draw_button.setText("Draw a card")
        self.controller.show(slide, live=live)

    def flip(self) -> None:
        """Turn over the card on the projector (or show the selected card's questions)."""
        if self.shown is None:
            self.show_card(back=True)
            return
        self.shown = self.card_slide(self.shown.card, back=not self.shown.back)
        self.controller.show(self.shown, live=True)

    def draw_or_turn(self) -> None:
        """First press: a random card (of those in the grid) face down; next: turn it over."""
        if self.drawn is not None:
            card, self.drawn = self.drawn, None
            self.select_card(card.id)
            self.shown = self.card_slide(card, back=False)
            self.controller.show(self.shown, live=True)
            self.draw_button.setText("Draw a card")
            return
        cards = self.visible_cards()
        if not cards:
            return
        self.drawn = self.random.choice(cards)
        colour = self.suit_of(self.drawn).colour if self.selected_suit() else "#2b3a55"
        self.controller.show(DrawSlide(deck_name=self.deck.name, colour=colour), live=True)
        self.draw_button.setText("Turn it over")

    def show_spread(self) -> None:
        cards = self.visible_cards()
        suit_id = self.selected_suit()
        if suit_id and not self.search.text().strip():
            title = f"{self.deck.suit_label}: {self.deck.suit(suit_id).name}"
        elif len(cards) == len(self.deck.cards):
            title = self.deck.name
        else:
            title = f"{self.deck.name}: {len(cards)} cards"
        self.controller.show(
            SpreadSlide(title=title, cards=tuple(cards), suits=self.deck.suits), live=True
        )

    def show_tally(self) -> None:
        self.controller.show(tally_slide(self.deck, self.controller.store.card_tally()), live=True)

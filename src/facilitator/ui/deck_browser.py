"""The deck browser: the event's cards as a grid coloured by suit, a card's both sides,
sending cards to the projector, a face-down draw, the room's picks, importing a deck.

It talks to the EventController only: slides go out through ``controller.show``, picks
and deck snapshots go into the event file through the store the controller holds.
"""

from __future__ import annotations

import logging
import random
from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPainterPath,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.deck import Card, Deck, Suit, bundled_decks, load_deck, save_deck
from facilitator.core.deck_colours import text_colour_on
from facilitator.core.errors import InputError
from facilitator.core.projector_state import CardSlide, DrawSlide, SpreadSlide
from facilitator.core.session import tally_slide
from facilitator.store.db import StoreError
from facilitator.ui.controller import EventController
from facilitator.ui.views.card_images import image_bytes
from facilitator.ui.views.card_paint import card_image

log = logging.getLogger(__name__)

CARD_ROLE = Qt.ItemDataRole.UserRole
TILE = QSize(176, 116)
ALL_SUITS = ""


def _plain(text: str = "", *, wrap: bool = True) -> QLabel:
    """A label that never interprets deck or user text as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _chip_style(colour: str) -> str:
    ink = text_colour_on(colour)
    return (
        f"QPushButton {{ background: {colour}; color: {ink}; border: 3px solid {colour};"
        " border-radius: 11px; padding: 2px 12px; font-weight: bold; }"
        " QPushButton:checked { border: 3px solid palette(text); }"
    )


ALL_CHIP_STYLE = (
    "QPushButton { background: palette(button); border: 3px solid palette(mid);"
    " border-radius: 11px; padding: 2px 12px; font-weight: bold; }"
    " QPushButton:checked { border: 3px solid palette(text); }"
)


class CardTileDelegate(QStyledItemDelegate):
    """Paints a card as a small tile in its suit colour: suit, title, image if any."""

    def __init__(self, browser: DeckBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        self._thumbs: dict[str, QPixmap] = {}

    def clear_cache(self) -> None:
        self._thumbs.clear()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return TILE

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = self.browser.card_at(index)
        if card is None:
            return
        suit = self.browser.suit_of(card)
        rect = QRectF(option.rect).adjusted(5, 5, -5, -5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, 8, 8)
        painter.fillPath(path, QColor(suit.colour))
        if selected:
            pen = painter.pen()
            pen.setColor(option.palette.highlight().color())
            pen.setWidthF(4)
            painter.setPen(pen)
            painter.drawPath(path)
        ink = QColor(text_colour_on(suit.colour))
        inner = rect.adjusted(10, 8, -10, -8)
        small = QFont(painter.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.78))
        small.setBold(True)
        painter.setFont(small)
        faded = QColor(ink)
        faded.setAlphaF(0.8)
        painter.setPen(faded)
        suit_h = painter.fontMetrics().height()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), suit_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(
                suit.name.upper(), Qt.TextElideMode.ElideRight, int(inner.width())
            ),
        )
        body = inner.adjusted(0, suit_h + 4, 0, 0)
        if card.has_image:
            thumb = self._thumb(card, QSize(int(body.width() * 0.4), int(body.height())))
            if not thumb.isNull():
                target = QRectF(
                    body.right() - thumb.width(), body.top(), thumb.width(), thumb.height()
                )
                painter.drawPixmap(target.toRect(), thumb)
                body.setRight(target.left() - 6)
        title = QFont(painter.font())
        title.setPointSizeF(small.pointSizeF() / 0.78 * 1.05)
        painter.setFont(title)
        painter.setPen(ink)
        painter.setClipRect(body)
        painter.drawText(
            body,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            card.title,
        )
        painter.restore()

    def _thumb(self, card: Card, size: QSize) -> QPixmap:
        key = f"{card.id}:{size.width()}x{size.height()}"
        if key not in self._thumbs and (data := image_bytes(card)) is not None:
            image = card_image(data)
            self._thumbs[key] = (
                QPixmap()
                if image.isNull()
                else QPixmap.fromImage(
                    image.scaled(
                        size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
        return self._thumbs.get(key, QPixmap())


class CardDetail(QWidget):
    """Both sides of one card, as text the facilitator can read at a glance."""

    def __init__(self) -> None:
        super().__init__()
        self.header = QFrame()
        self.header.setObjectName("cardHeader")
        self.suit = _plain()
        self.title = _plain()
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        header_layout = QVBoxLayout(self.header)
        header_layout.addWidget(self.suit)
        header_layout.addWidget(self.title)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.front = _plain()
        self.back_heading = _plain("On the back")
        self.bold = self.back_heading.font()
        self.bold.setBold(True)
        self.back_heading.setFont(self.bold)
        self.back = QWidget()
        self.back_layout = QVBoxLayout(self.back)
        self.back_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.image)
        layout.addWidget(self.front)
        layout.addWidget(self.back_heading)
        layout.addWidget(self.back)
        layout.addStretch(1)
        self.show_card(None, None)

    def show_card(self, card: Card | None, suit: Suit | None) -> None:
        if card is None or suit is None:
            self.header.setStyleSheet("")
            self.suit.setText("")
            self.title.setText("No card selected")
            self.front.setText("Pick a card in the grid to see both of its sides.")
            self.image.clear()
            self.image.hide()
            self.back_heading.hide()
            self._set_back([])
            return
        ink = text_colour_on(suit.colour)
        self.header.setStyleSheet(
            f"#cardHeader {{ background: {suit.colour}; border-radius: 8px; }}"
            f" #cardHeader QLabel {{ color: {ink}; }}"
        )
        self.suit.setText(suit.name.upper())
        self.title.setText(card.title)
        self.front.setText(card.front or "(no description on the front)")
        data = image_bytes(card)
        if data is not None and not (image := card_image(data)).isNull():
            self.image.setPixmap(
                QPixmap.fromImage(
                    image.scaled(
                        QSize(320, 220),
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
            self.image.show()
        else:
            self.image.clear()
            self.image.hide()
        self.back_heading.show()
        self._set_back([(level, qs) for level, qs in card.questions if qs])

    def back_text(self) -> str:
        """The back as shown, one label per line (for tests and screen readers)."""
        items = (self.back_layout.itemAt(i) for i in range(self.back_layout.count()))
        labels = [item.widget() for item in items if item is not None]
        return "\n".join(w.text() for w in labels if isinstance(w, QLabel))

    def _set_back(self, groups: list[tuple[str, tuple[str, ...]]]) -> None:
        while self.back_layout.count():
            item = self.back_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if not groups and not self.back_heading.isHidden():
            self.back_layout.addWidget(_plain("(no questions on the back)"))
        for level, questions in groups:
            if level:
                heading = _plain(level)
                heading.setFont(self.bold)
                self.back_layout.addWidget(heading)
            self.back_layout.addWidget(_plain("\n".join(f"•  {q}" for q in questions)))


class DeckBrowser(QWidget):
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
        self.search.textChanged.connect(self.apply_filter)
        self.suit_bar = QHBoxLayout()
        self.suit_buttons = QButtonGroup(self)
        self.suit_buttons.setExclusive(True)
        self.suit_buttons.buttonClicked.connect(lambda _button: self.apply_filter())

        self.grid = QListWidget()
        self.grid.setViewMode(QListWidget.ViewMode.IconMode)
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
        self.count_label = _plain(wrap=False)

        self.import_button = QToolButton()
        self.import_button.setText("Deck…")
        self.import_button.setToolTip(
            "Import a deck into this event (or drop a deck file or folder here)"
        )
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.import_menu = QMenu("&Deck", self)
        self.import_menu.aboutToShow.connect(self._fill_import_menu)
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
        self.round_label = _plain(wrap=False)
        self.pick_button = QPushButton("&Record pick")
        self.pick_button.setToolTip("Record the selected card as this table's pick")
        self.pick_button.clicked.connect(self.record_pick)
        self.undo_pick_button = QPushButton("Undo pick")
        self.undo_pick_button.clicked.connect(self.undo_pick)
        self.tally_button = QPushButton("Show &tally")
        self.tally_button.setToolTip("Show the picks so far as a bar chart on the projector")
        self.tally_button.clicked.connect(self.show_tally)
        self.pick_message = _plain()
        self.tally_label = _plain()
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
            button.setStyleSheet(_chip_style(suit.colour))
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

    # -- picks ---------------------------------------------------------------------------

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
        """Record the selected card as the chosen table's pick in the live round."""
        card = self.current_card()
        table_id = self.table_box.currentData()
        if card is None:
            return
        live = self.controller.live_round
        try:
            pick = self.controller.store.add_card_pick(
                card.id, table_id=table_id, round_id=live.id if live else None
            )
        except StoreError as exc:
            log.warning("pick not saved: %s", exc)
            self.pick_message.setText(f"Not saved: {exc}")
            self.controller.store_error.emit(str(exc))
            return
        self.last_pick_id = pick.id
        table = self.controller.table(table_id)
        self.pick_message.setText(
            f"Saved: {table.label if table else 'no table'} picked {card.title}."
        )
        self.controller.picks_changed.emit()
        self.pick_recorded.emit(pick)
        self._advance_table()
        self._update_pick_button()

    def _advance_table(self) -> None:
        """Tables report one after another: move on to the next one."""
        if self.table_box.currentIndex() < self.table_box.count() - 1:
            self.table_box.setCurrentIndex(self.table_box.currentIndex() + 1)

    def undo_pick(self) -> None:
        if self.last_pick_id is None:
            return
        try:
            self.controller.store.delete_card_pick(self.last_pick_id)
        except StoreError as exc:
            self.pick_message.setText(f"Not undone: {exc}")
            self.controller.store_error.emit(str(exc))
            return
        self.last_pick_id = None
        self.pick_message.setText("The last pick was taken back.")
        if self.table_box.currentIndex() > 0:
            self.table_box.setCurrentIndex(self.table_box.currentIndex() - 1)
        self.controller.picks_changed.emit()
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

    # -- importing -----------------------------------------------------------------------

    def _fill_import_menu(self) -> None:
        menu = self.import_menu
        menu.clear()
        menu.addAction("Import a deck file (deck.toml or CSV)…", self.choose_deck_file)
        menu.addAction(
            "Import a deck folder (or a folder of card images)…", self.choose_deck_folder
        )
        bundled = menu.addMenu("Use a bundled deck")
        for name, folder in bundled_decks().items():
            action = bundled.addAction(name.replace("-", " ").capitalize())
            action.triggered.connect(partial(self._import_from_menu, folder))
        menu.addSeparator()
        menu.addAction("Save this deck as a folder…", self.choose_save_folder)

    def _import_from_menu(self, path: Path, *_checked: object) -> None:
        self.import_deck(path)

    def choose_deck_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a deck", "", "Decks (*.toml *.csv *.tsv);;All files (*)"
        )
        if path:
            self.import_deck(Path(path))

    def choose_deck_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a deck folder")
        if path:
            self.import_deck(Path(path))

    def choose_save_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Save the deck into a folder")
        if path:
            try:
                # the event's deck is held without its images: the file has them
                target = save_deck(self.controller.store.deck(), Path(path))
            except InputError as exc:
                self.report_problem("The deck was not saved", str(exc))
                return
            self.pick_message.setText(f"Deck saved as {target}")

    def confirm_replace(self, new: Deck) -> bool:
        """Ask before replacing the event's deck (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Use this deck?",
            f"Use “{new.name}” ({len(new.cards)} cards) for this event instead of "
            f"“{self.deck.name}” ({len(self.deck.cards)} cards)?\n\n"
            "Picks and theme tags already saved are kept.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def report_problem(self, title: str, text: str) -> None:
        """Show what is wrong with a deck (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(text)
        box.exec()

    def import_deck(self, path: Path) -> bool:
        """Load the deck at ``path`` and, once confirmed, snapshot it into the event."""
        try:
            deck = load_deck(path)
        except InputError as exc:
            self.report_problem(f"{path.name} is not a deck that can be used", str(exc))
            return False
        if not self.confirm_replace(deck):
            return False
        try:
            self.controller.replace_deck(deck)
        except StoreError as exc:
            self.report_problem("The deck was not saved into the event", str(exc))
            return False
        self.pick_message.setText(f"Now using “{deck.name}”.")
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.import_deck(Path(urls[0].toLocalFile()))

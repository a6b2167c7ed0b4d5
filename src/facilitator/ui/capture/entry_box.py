"""The theme entry: Return saves, ``#`` offers the deck's cards, tags show as chips."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QSyntaxHighlighter, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QWidget

from facilitator.core.capture import TagIndex, tag_at, tag_word
from facilitator.core.deck_colours import text_colour_on
from facilitator.ui.capture.labels import plain_label
from facilitator.ui.entries import PlainEntryEdit
from facilitator.ui.looks import ERROR_STYLE

if TYPE_CHECKING:
    from facilitator.ui.tag_popup import TagPopup


def _u16(text: str) -> int:
    """Length in UTF-16 code units: how Qt counts positions (an emoji counts two)."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _py_index(text: str, position: int) -> int:
    """The Python index of Qt's UTF-16 ``position`` in ``text``."""
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class TagHighlighter(QSyntaxHighlighter):
    """Card tags as coloured chips (the suit's colour); a tag naming no card is underlined."""

    def __init__(self, document: QTextDocument, index: TagIndex) -> None:
        super().__init__(document)
        self.index = index

    def set_index(self, index: TagIndex) -> None:
        self.index = index
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        from PySide6.QtGui import QTextCharFormat  # its enums load at the first tag typed

        for tag in self.index.tags(text):
            fmt = QTextCharFormat()
            card = self.index.card(tag.card) if tag.card else None
            if card is not None:
                try:
                    colour = self.index.deck.suit(card.suit).colour
                except KeyError:
                    colour = "#555555"
                fmt.setBackground(QColor(colour))
                fmt.setForeground(QColor(text_colour_on(colour)))
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor("#c0271d"))
            self.setFormat(_u16(text[: tag.start]), _u16(text[tag.start : tag.end]), fmt)


class EntryEdit(PlainEntryEdit):
    """The theme entry: Return saves, Shift+Return a new line, ``#`` offers the deck's cards."""

    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, index: TagIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.highlighter = TagHighlighter(self.document(), index)
        self._popup: TagPopup | None = None
        self.textChanged.connect(self._update_popup)
        self.cursorPositionChanged.connect(self._update_popup)

    @property
    def popup(self) -> TagPopup:
        """The card list, made the first time a tag is typed (not with the console)."""
        if self._popup is None:
            from facilitator.ui.tag_popup import TagPopup

            self._popup = TagPopup(self)
            self._popup.itemClicked.connect(
                lambda item: self._complete(str(item.data(Qt.ItemDataRole.UserRole)))
            )
        return self._popup

    def _popup_open(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def hide_popup(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    def set_index(self, index: TagIndex) -> None:
        self.index = index
        self.highlighter.set_index(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._popup_open():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.popup.step(1 if key == Qt.Key.Key_Down else -1)
                return
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                chosen = self.popup.chosen()
                if chosen is not None:
                    self._complete(chosen)
                    return
            if key == Qt.Key.Key_Escape:
                self.hide_popup()
                return
        if event.matches(QKeySequence.StandardKey.Undo) and not self.document().isUndoAvailable():
            self.undo_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo) and not self.document().isRedoAvailable():
            self.redo_requested.emit()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab takes the card offered, as Return does; it moves on only with no list open
        chosen = self.popup.chosen() if self._popup_open() else None
        if chosen is not None:
            self._complete(chosen)
            return True
        return super().focusNextPrevChild(next)

    def focusOutEvent(self, event: Any) -> None:
        self.hide_popup()
        super().focusOutEvent(event)

    def typing_tag(self) -> tuple[int, str] | None:
        """The tag being typed at the cursor: (its position, what follows '#')."""
        return self._typing_tag()

    def _typing_tag(self) -> tuple[int, str] | None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return None
        block = cursor.block()
        text = block.text()
        found = tag_at(text, _py_index(text, cursor.positionInBlock()))
        if found is None:
            return None
        return block.position() + _u16(text[: found[0]]), found[1]

    def _update_popup(self) -> None:
        found = self._typing_tag() if self.hasFocus() or self._popup_open() else None
        cards = self.index.complete(found[1]) if found is not None else []
        if found is not None and len(cards) == 1 and tag_word(cards[0]) == found[1]:
            cards = []  # already typed in full
        if not cards:
            self.hide_popup()
            return
        from PySide6.QtWidgets import QListWidgetItem

        self.popup.clear()
        for card in cards:
            try:
                suit = self.index.deck.suit(card.suit)
                label, colour = f"{card.title}  ·  {suit.name}", suit.colour
            except KeyError:
                label, colour = card.title, "#777777"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(colour))
            self.popup.addItem(item)
        self.popup.setCurrentRow(0)
        rect = self.cursorRect()
        width = max(260, self.popup.sizeHintForColumn(0) + 40)
        height = self.popup.sizeHintForRow(0) * min(len(cards), 8) + 6
        self.popup.setGeometry(
            self.mapToGlobal(QPoint(rect.left(), rect.bottom() + 4)).x(),
            self.mapToGlobal(QPoint(rect.left(), rect.bottom() + 4)).y(),
            width,
            height,
        )
        self.popup.show()

    def _complete(self, card_id: str) -> None:
        found = self._typing_tag()
        card = self.index.card(card_id)
        self.hide_popup()
        if found is None or card is None:
            return
        start, typed = found
        cursor = self.textCursor()
        end = start + 1 + _u16(typed)  # Qt positions count UTF-16 units
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        following = self.document().characterAt(end)
        cursor.insertText(f"#{tag_word(card)}" + ("" if following == " " else " "))
        self.setTextCursor(cursor)
        self.hide_popup()


class TagChips:
    """The panel's row of chips: the cards tagged in the entry, and tags naming no card."""

    if TYPE_CHECKING:
        chips_layout: QHBoxLayout
        index: TagIndex
        entry: EntryEdit

    def _show_chips(self, text: str) -> None:
        while self.chips_layout.count() > 1:
            item = self.chips_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for card_id in self.index.cards_in(text):
            card = self.index.card(card_id)
            if card is None:
                continue
            try:
                colour = self.index.deck.suit(card.suit).colour
            except KeyError:
                colour = "#555555"
            chip = plain_label(card.title)
            chip.setStyleSheet(
                f"background: {colour}; color: {text_colour_on(colour)}; border-radius: 9px;"
                " padding: 2px 10px; font-weight: bold;"
            )
            self.chips_layout.insertWidget(self.chips_layout.count() - 1, chip)
        typing = self.entry.typing_tag()
        being_typed = f"#{typing[1]}" if typing is not None else None
        unknown_tags = [t for t in self.index.unknown_in(text) if t != being_typed]
        for unknown in unknown_tags[:3]:
            chip = plain_label(f"{unknown[:30]}: no such card")
            chip.setStyleSheet(ERROR_STYLE + " padding: 2px 4px;")
            self.chips_layout.insertWidget(self.chips_layout.count() - 1, chip)

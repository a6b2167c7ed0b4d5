"""Editing an entry in place: a plain-text editor (Return keeps, Escape reverts) and a list
of kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QStyledItemDelegate, QWidget

from facilitator.core.records import KIND_LABELS, KINDS
from facilitator.ui.entries.model import EntriesModel, Index

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem


class PlainEntryEdit(QPlainTextEdit):
    """A plain-text entry: Return submits, Shift+Return a new line; never rich text."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def text(self) -> str:
        """What was typed, exactly (non-breaking spaces kept; paragraphs joined by \\n)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
                return
            if not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self.submitted.emit()
                return
        if key == Qt.Key.Key_Escape and not mods:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: Any) -> None:
        # pasted rich text arrives as its plain text: markup is never interpreted
        if source.hasText():
            self.textCursor().insertText(source.text())


class EntryDelegate(QStyledItemDelegate):
    """Edits the text in a roomy plain-text editor and the kind in a list of kinds."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == EntriesModel.KIND:
            combo = QComboBox(parent)
            for kind in KINDS:
                combo.addItem(KIND_LABELS[kind], kind)
            combo.activated.connect(lambda _i, c=combo: self._finish(c))
            return combo
        editor = PlainEntryEdit(parent)
        editor.setFrameShape(QPlainTextEdit.Shape.Box)
        editor.submitted.connect(lambda e=editor: self._finish(e))
        editor.cancelled.connect(
            lambda e=editor: self.closeEditor.emit(
                e, QStyledItemDelegate.EndEditHint.RevertModelCache
            )
        )
        return editor

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, PlainEntryEdit):
            editor.setPlainText(str(value))
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, PlainEntryEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, PlainEntryEdit):
            rect.setHeight(max(rect.height() * 4, 96))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # the editor handles Return/Escape itself (Shift+Return is a new line)
        if isinstance(editor, PlainEntryEdit) and event.type() == QEvent.Type.KeyPress:
            return False
        return super().eventFilter(editor, event)

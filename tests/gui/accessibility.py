"""Walking a window's widgets as a screen reader and the Tab key would: shared by the
accessibility tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def takes_focus(widget: QWidget) -> bool:
    """A control the keyboard can reach: Tab, a click or a mnemonic gives it the focus."""
    if isinstance(widget, QLabel):  # labels take no focus here, even selectable ones
        return False
    policy = widget.focusPolicy()
    return bool(policy & Qt.FocusPolicy.TabFocus) or isinstance(widget, QAbstractButton)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget: its accessible name as Qt's own
    accessibility layer gives it (a button's text, a field's label, or a name set)."""
    face = QAccessible.queryAccessibleInterface(widget)
    if face is None:
        return ""
    return face.text(QAccessible.Text.Name).replace("&", "").strip()


def controls(window: QWidget) -> list[QWidget]:
    """Every control of a window, visible or not (a tab not shown is still the window's),
    that a keyboard or a mouse can use; Qt's own inner parts (a spin box's line edit, a
    scroll area's viewport, a combo box's view) are named by their owner."""
    found: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        if widget.objectName().startswith("qt_") or not takes_focus(widget):
            continue
        if widget.window() is not window:  # a combo box's popup, a dialog of its own
            continue
        parent = widget.parentWidget()
        if parent is not None and parent.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QAbstractButton) and type(parent).__name__ == "QLineEdit":
            continue  # a field's own clear button: the field is what is named
        if type(widget).__name__ in ("QLineEdit",) and type(parent).__name__ in (
            "QSpinBox",
            "QDoubleSpinBox",
            "QDateEdit",
            "QComboBox",
            "QKeySequenceEdit",
        ):
            continue
        found.append(widget)
    return found


def unnamed(window: QWidget) -> list[str]:
    """The controls a screen reader could only call by their kind."""
    return [
        f"{type(w).__name__} {w.objectName() or ''} in {type(w.parentWidget()).__name__}".strip()
        for w in controls(window)
        if not spoken_name(w)
    ]


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits from the window's first, in order, once round."""
    seen: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and widget not in seen:
        if (
            widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen

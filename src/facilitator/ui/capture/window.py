"""The Capture tab of the console, and the window the panel can move to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from facilitator.ui.capture.labels import plain_label
from facilitator.ui.capture.panel import CapturePanel
from facilitator.ui.controller import EventController


class CaptureWindow(QWidget):
    """The capture panel on its own, e.g. on a second screen; closing it docks the panel."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Capture — Facilitator")
        self.resize(1100, 700)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.closed.emit()


class CaptureTab(QWidget):
    """The Capture tab of the console: holds the panel, or says where it went."""

    def __init__(self, controller: EventController, host: QWidget | None = None) -> None:
        super().__init__()
        self.host = host
        self.panel = CapturePanel(controller, self)
        self.window_: CaptureWindow | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.placeholder = QWidget()
        holder = QVBoxLayout(self.placeholder)
        note = plain_label("The capture panel is in its own window.")
        back = QPushButton("&Bring it back here")
        back.clicked.connect(self.dock)
        holder.addStretch(1)
        holder.addWidget(note, 0, Qt.AlignmentFlag.AlignCenter)
        holder.addWidget(back, 0, Qt.AlignmentFlag.AlignCenter)
        holder.addStretch(1)
        layout.addWidget(self.placeholder)
        self.placeholder.hide()
        self.panel.detach_requested.connect(self.toggle_detached)
        self.panel.leave_requested.connect(self.leave_entry)
        self.theme_shortcut = QShortcut(QKeySequence("Ctrl+T"), host or self)
        self.theme_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.theme_shortcut.activated.connect(self.focus_entry)

    def toggle_detached(self) -> None:
        if self.window_ is None:
            self.detach()
        else:
            self.dock()

    def detach(self) -> None:
        if self.window_ is not None:
            return
        window = CaptureWindow(self)
        layout = window.layout()
        assert layout is not None
        layout.addWidget(self.panel)
        self.panel.detach_button.setText("Back to the &console")
        self.placeholder.show()
        window.closed.connect(self.dock)
        self.window_ = window
        window.show()
        self.panel.entry.setFocus()

    def dock(self) -> None:
        window = self.window_
        if window is None:
            return
        self.window_ = None
        layout = self.layout()
        assert layout is not None
        self.placeholder.hide()
        layout.addWidget(self.panel)
        self.panel.detach_button.setText("Own window")
        self.panel.show()
        window.closed.disconnect(self.dock)
        window.close()
        window.deleteLater()

    def focus_entry(self) -> None:
        """Ctrl+T: the cursor goes to the theme entry, wherever the panel is."""
        if self.window_ is not None:
            self.window_.raise_()
            self.window_.activateWindow()
        else:
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, QTabWidget):
                parent = parent.parentWidget()
            if parent is not None:
                parent.setCurrentWidget(self)
            self.window().activateWindow()
        self.panel.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def leave_entry(self) -> None:
        """Escape: the keyboard goes back to the console, so the clicker's keys work."""
        target = self.host or self.window()
        target.activateWindow()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

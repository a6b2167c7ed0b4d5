"""Capture as a feature: the scribes' tab (first: they live there), undo and redo in the
Edit menu, and what a closing window must do with entries not yet saved."""

from __future__ import annotations

from PySide6.QtCore import QObject

from facilitator.ui.capture import CaptureTab
from facilitator.ui.features.window import Window


class CaptureFeature(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.tab = CaptureTab(window.controller, window.as_widget())
        self.panel = self.tab.panel
        window.add_tab("Cap&ture", self.tab)
        # the scribe's undo and redo (entries saved, edited, deleted), reachable by mouse too
        window.add_edit_action(self.panel.undo_action)
        window.add_edit_action(self.panel.redo_action)
        # a scribe's view: the capture panel alone fills the window, and back (one key)
        self.alone = False
        self.alone_action = window.bind_key("capture_alone", self.toggle_alone, checkable=True)
        window.add_view_action(self.alone_action)

    def toggle_alone(self) -> None:
        self.alone = not self.alone
        self.alone_action.setChecked(self.alone)
        self.window.show_alone(self.tab if self.alone else None)
        if self.alone:
            self.tab.focus_entry()

    def may_close(self) -> bool:
        """Entries that could not be saved: ask what to do with them first (ui/pending.py)."""
        from facilitator.ui import pending

        self.panel.controller.writer.flush(pending.FLUSH_BEFORE_ASKING_S)
        entries = self.panel.saver.pending
        path = self.window.controller.store.path
        return not entries or pending.may_close(self.window.as_widget(), entries, path)

    def keep_work(self) -> None:
        """Keep the draft and let the saves under way land (the desktop session asks)."""
        self.panel.save_draft()
        self.panel.controller.writer.flush()

    def keep_unsaved(self) -> None:
        """A logout or a shutdown: keep the entries not saved in the data folder, unasked."""
        from facilitator.ui import pending

        self.panel.controller.writer.flush(pending.FLUSH_BEFORE_ASKING_S)
        pending.keep_in_data_folder(self.panel.saver.pending, self.window.controller.store.path)

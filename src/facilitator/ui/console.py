"""The console: the facilitator's window on the laptop screen.

It shows what the room sees (live) and what comes next (preview), and holds the panels
(capture, deck, plan, event) as tabs. Panels talk to the EventController, never to each
other.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator import __version__
from facilitator.core.projector_state import ProjectorState, WelcomeSlide
from facilitator.paths import APP_NAME
from facilitator.store.db import EventStore
from facilitator.ui.controller import EventController
from facilitator.ui.deferred import after_first_paint
from facilitator.ui.projector import ProjectorWindow, Thumbnail

if TYPE_CHECKING:
    from facilitator.ui.windows import WindowManager

# a console that is not painted at once (started minimised) still places its projector
PLACE_PROJECTOR_BY_MS = 1000


class ConsoleWindow(QMainWindow):
    closed = Signal()

    def __init__(self, store: EventStore, manager: WindowManager | None = None) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("console")
        self.manager = manager
        self.asked_to_close = False
        self.controller = EventController(store, self)
        self.controller.store_error.connect(self._show_store_error)
        self.controller.event_changed.connect(self._update_title)
        self._update_title()
        # most of the laptop screen, also where no window manager maximises it
        available = self.screen().availableGeometry()
        margin_x, margin_y = available.width() // 20, available.height() // 20
        self.setGeometry(available.adjusted(0, 0, -margin_x, -margin_y))

        self.projector = ProjectorWindow()
        self.live_view = Thumbnail()
        self.preview_view = Thumbnail()
        self.controller.projector_changed.connect(self.projector.set_state)
        self.controller.projector_changed.connect(self.live_view.set_state)
        self.controller.preview_changed.connect(self.preview_view.set_state)

        live_column = QWidget()
        live_layout = QVBoxLayout(live_column)
        live_label = QLabel("<b>Live</b> — what the room sees")
        preview_label = QLabel("<b>Preview</b> — what comes next")
        live_layout.addWidget(live_label)
        live_layout.addWidget(self.live_view)
        live_layout.addWidget(preview_label)
        live_layout.addWidget(self.preview_view)
        live_layout.addStretch(1)
        self.live_column_layout = live_layout

        self.tabs = QTabWidget()
        self._pending_tabs: dict[str, QWidget] = {}
        self._add_panels()
        self._lazy_tab("E&vent", "details_panel")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(live_column)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self._build_menus()
        from facilitator.ui.clock_panel import install_clock

        self.clock_panel = install_clock(self)  # round clock: driver, panel, Clock menu
        self.statusBar().showMessage(f"Opened {store.path.name}", 5000)

        event = store.event()
        self.controller.set_projector_state(
            ProjectorState(WelcomeSlide(title=event.title, venue=event.venue, date=event.date))
        )
        from facilitator.ui.live_panel import install_live_control

        self.live = install_live_control(self)  # live session, its column, keys, screens
        # the facilitator's window first: the projector (its window and first slide, ~15 ms)
        # is placed right after the console's first paint, on a screen other than its own
        after_first_paint(self, self._place_projector, at_latest_ms=PLACE_PROJECTOR_BY_MS)

    # -- panels: each feature adds its tab here ---------------------------------------------

    def _add_panels(self) -> None:
        """Feature panels, in tab order. Tabs that are not on screen are built when first
        opened, so the console comes up sooner."""
        from facilitator.ui.capture import CaptureTab

        self.capture = CaptureTab(self.controller, self)  # first: the scribes live here
        self.tabs.addTab(self.capture, "Cap&ture")
        self._lazy_tab("&Plan", "plan_editor")
        self._lazy_tab("C&ards", "deck_browser")
        self.tabs.currentChanged.connect(self._build_tab_at)

    def _make_plan_editor(self) -> QWidget:
        from facilitator.ui.plan_editor import PlanEditor

        return PlanEditor(self.controller)

    def _make_details_panel(self) -> QWidget:
        from facilitator.ui.event_details import EventDetailsPanel

        return EventDetailsPanel(self.controller)

    def _make_deck_browser(self) -> QWidget:
        from facilitator.ui.deck_browser import DeckBrowser

        return DeckBrowser(self.controller)

    def _lazy_tab(self, label: str, name: str) -> None:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(holder, label)
        self._pending_tabs[name] = holder

    def _build_tab_at(self, index: int) -> None:
        holder = self.tabs.widget(index)
        for name, pending in list(self._pending_tabs.items()):
            if pending is holder:
                self.panel(name)

    def panel(self, name: str) -> QWidget:
        """A feature panel by attribute name (``plan_editor``, ``deck_browser``), built now
        if its tab has not been opened yet."""
        holder = self._pending_tabs.pop(name, None)
        if holder is not None:
            widget = getattr(self, f"_make_{name}")()
            setattr(self, name, widget)
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(widget)
        panel: QWidget = getattr(self, name)
        return panel

    # -- menus -----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _ask_new_event(self, manager: WindowManager) -> None:
        from facilitator.ui.start_page import ask_new_event

        ask_new_event(manager, self)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.file_menu = file_menu
        if self.manager is not None:
            manager = self.manager
            file_menu.addAction(
                self._action(
                    "&New event…",
                    lambda: self._ask_new_event(manager),
                    QKeySequence.StandardKey.New,
                )
            )
            file_menu.addAction(
                self._action("&Open event…", manager.choose_and_open, QKeySequence.StandardKey.Open)
            )
            recent_menu = file_menu.addMenu("Open &recent")
            recent_menu.aboutToShow.connect(lambda: self._fill_recent(recent_menu))
            file_menu.addAction(self._action("Open the &demo", manager.open_demo))
        file_menu.addSeparator()
        self.file_menu_tools = file_menu.addSeparator()
        deck_menu = QMenu("&Deck", self)
        deck_menu.aboutToShow.connect(lambda: self._fill_deck_menu(deck_menu))
        file_menu.insertMenu(self.file_menu_tools, deck_menu)
        self.export_action = self._action("&Export the harvest…", self._export, "Ctrl+E")
        file_menu.insertAction(self.file_menu_tools, self.export_action)
        self.save_copy_action = self._action("Save a &copy…", self._save_copy)
        file_menu.insertAction(self.file_menu_tools, self.save_copy_action)
        self.merge_action = self._action("&Merge files from other laptops…", self._merge)
        file_menu.insertAction(self.file_menu_tools, self.merge_action)
        file_menu.addAction(
            self._action("&Close event", self.close, QKeySequence.StandardKey.Close)
        )
        quit_action = self._action("&Quit", self._quit, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)
        # the scribe's undo and redo (entries saved, edited, deleted), reachable by mouse too
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.capture.panel.undo_action)
        edit_menu.addAction(self.capture.panel.redo_action)
        self.view_menu = menu.addMenu("&View")
        self.help_menu = menu.addMenu("&Help")
        self.help_menu.addAction(self._action("&About Facilitator", self._about))

    def _fill_deck_menu(self, menu: QMenu) -> None:
        """The deck browser's import menu, offered in the File menu too."""
        from facilitator.ui.deck_browser import DeckBrowser

        browser = self.panel("deck_browser")
        assert isinstance(browser, DeckBrowser)
        browser._fill_import_menu()
        menu.clear()
        for action in browser.import_menu.actions():
            menu.addAction(action)

    def _export(self) -> None:
        from facilitator.ui.export_dialog import show_export_dialog

        show_export_dialog(self.controller, self)

    def _save_copy(self) -> None:
        from facilitator.ui.save_copy import ask_and_save_copy

        ask_and_save_copy(self.controller, self)

    def _merge(self) -> None:
        from facilitator.ui.merge_dialog import show_merge_dialog

        show_merge_dialog(self.controller, self.manager, self)

    def _fill_recent(self, recent_menu: object) -> None:
        from PySide6.QtWidgets import QMenu

        assert isinstance(recent_menu, QMenu) and self.manager is not None
        recent_menu.clear()
        manager = self.manager
        paths = manager.recent.load()
        for path in paths:
            action = recent_menu.addAction(path.name)
            action.triggered.connect(partial(manager.open_event, path))
        if not paths:
            recent_menu.addAction("(none)").setEnabled(False)

    def _quit(self) -> None:
        if self.manager is not None:
            self.manager.quit()
        else:
            self.close()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nRun a room of table conversations, offline.",
        )

    # -- projector -------------------------------------------------------------------------

    def _place_projector(self) -> None:
        """Fullscreen on the first screen that is not the console's; a window otherwise."""
        screens = self.live.screens  # ui/screens.py: remembered screen, hotplug, F5/F11
        if not screens.placed_once:  # hotplug or a key may have placed it already
            screens.refresh()

    # -- status ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        event = self.controller.store.event()
        self.setWindowTitle(f"{event.title} — {APP_NAME}")

    def _show_store_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def may_close(self) -> bool:
        """Entries that could not be saved: ask what to do with them first (ui/pending.py)."""
        if self.asked_to_close:
            return True
        from facilitator.ui import pending

        panel = self.capture.panel
        panel.controller.writer.flush(pending.FLUSH_BEFORE_ASKING_S)
        entries = panel.saver.pending
        if entries and not pending.may_close(self, entries, self.controller.store.path):
            return False
        self.asked_to_close = True
        return True

    def keep_work(self) -> None:
        """Keep the draft and let the saves under way land (the desktop session asks)."""
        panel = self.capture.panel
        panel.save_draft()
        panel.controller.writer.flush()

    def close_without_asking(self) -> None:
        """A logout or a shutdown: keep the draft and the entries not saved, then close."""
        from facilitator.ui import pending

        panel = self.capture.panel
        panel.controller.writer.flush(pending.FLUSH_BEFORE_ASKING_S)
        pending.keep_in_data_folder(panel.saver.pending, self.controller.store.path)
        self.asked_to_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close():
            event.ignore()
            return
        self.projector.close_for_real()
        self.controller.close()
        event.accept()
        self.closed.emit()

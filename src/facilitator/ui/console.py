"""The console: the facilitator's window on the laptop screen.

The window holds a live column (the clock, what the room sees, what comes next) beside the
tabs, and the menus; the features (ui/features/) fill them, through the public methods
below, and own their panels, menus and actions. What the window cannot do itself (open,
create or quit) it asks for with a signal: whoever runs the windows answers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMetaMethod, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
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
from facilitator.ui.features.capture import CaptureFeature
from facilitator.ui.features.clock import ClockFeature
from facilitator.ui.features.live import LiveFeature
from facilitator.ui.features.looks import LooksFeature
from facilitator.ui.features.room import RoomFeature
from facilitator.ui.features.tabs import (
    DeckFeature,
    DetailsFeature,
    GroupingFeature,
    PlanFeature,
)
from facilitator.ui.keys import KeyGuide, WindowKeys
from facilitator.ui.looks import looks
from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.recent import RecentEvents

# a console that is not painted at once (started minimised) still places its projector
PLACE_PROJECTOR_BY_MS = 1000


class ConsoleWindow(QMainWindow):
    """The console of one open event. New, open, recent, demo and quit in its File menu are
    requests (signals): the window manager answers them; a console alone quits by closing."""

    closed = Signal()
    new_requested = Signal()
    open_requested = Signal()  # choose a file, then open it
    open_path_requested = Signal(Path)
    demo_requested = Signal()
    quit_requested = Signal()

    def __init__(self, store: EventStore, recent: RecentEvents | None = None) -> None:
        looks()  # the console look, before any widget: no widget is painted twice
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("console")
        self.recent = recent
        self.asked_to_close = False
        self.controller = EventController(store, self)
        self.controller.store_error.connect(self.status_error)
        self.controller.event_changed.connect(self._update_title)
        self._update_title()
        # most of the laptop screen, also where no window manager maximises it
        available = self.screen().availableGeometry()
        margin_x, margin_y = available.width() // 20, available.height() // 20
        self.setGeometry(available.adjusted(0, 0, -margin_x, -margin_y))

        self.projector = ProjectorWindow()
        self.controller.projector_changed.connect(self.projector.set_state)
        self.keys = WindowKeys([self, self.projector])
        self._guide: KeyGuide | None = None  # made at the first F1: no part of the start

        live_column = self._live_column = QWidget()
        self._column = QVBoxLayout(live_column)
        self._column.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Capture, plan, cards, event and room")
        self._lazy_tabs: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self._tab_holders: dict[str, QWidget] = {}  # a lazy tab's page, by name, for its label
        self._panels: dict[str, QWidget] = {}
        self.tabs.currentChanged.connect(self._build_tab_at)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(live_column)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self._build_menus()

        event = store.event()
        self.controller.set_projector_state(
            ProjectorState(WelcomeSlide(title=event.title, venue=event.venue, date=event.date))
        )
        # the features, in tab order and top to bottom in the live column
        self.capture = CaptureFeature(self)
        self.plan = PlanFeature(self)
        self.deck = DeckFeature(self)
        self.details = DetailsFeature(self)
        self.grouping = GroupingFeature(self)
        self.clock = ClockFeature(self)
        self.live = LiveFeature(self)
        self.room = RoomFeature(self)
        self.grouping.dots.link = self.room.dots_link  # the dot vote says where to vote
        self.looks = LooksFeature(self)
        self._add_file_tools()
        self.status(f"Opened {store.path.name}")
        # the facilitator's window first: the projector (its window and first slide, ~15 ms)
        # is placed right after the console's first paint, on a screen other than its own
        after_first_paint(self, self.live.place_projector, at_latest_ms=PLACE_PROJECTOR_BY_MS)
        after_first_paint(self, looks().follow_system, at_latest_ms=PLACE_PROJECTOR_BY_MS)

    @property
    def guide(self) -> KeyGuide:
        """The F1 key guide, made when first asked for."""
        if self._guide is None:
            self._guide = KeyGuide(self)
        return self._guide

    # -- what features may ask (ui/features/window.py) ----------------------------------------

    def as_widget(self) -> QWidget:
        return self

    def add_panel(self, panel: QWidget) -> None:
        self._column.insertWidget(self._column.count() - 1, panel)  # above the stretch

    def add_tab(self, label: str, panel: QWidget) -> None:
        self.tabs.addTab(panel, label)

    def add_lazy_tab(self, label: str, name: str, make: Callable[[], QWidget]) -> None:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(holder, label)
        self._lazy_tabs[name] = (holder, make)
        self._tab_holders[name] = holder

    def set_tab_label(self, name: str, label: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self._tab_holders[name]), label)

    def show_alone(self, tab: QWidget | None) -> None:
        self._live_column.setVisible(tab is None)
        self.tabs.tabBar().setVisible(tab is None)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def _build_tab_at(self, index: int) -> None:
        holder = self.tabs.widget(index)
        for name, (pending, _make) in list(self._lazy_tabs.items()):
            if pending is holder:
                self.panel(name)

    def panel(self, name: str) -> QWidget:
        """A lazy tab's panel (``plan_editor``, ``deck_browser``, ``details_panel``), built
        now if its tab has not been opened yet."""
        if name in self._lazy_tabs:
            holder, make = self._lazy_tabs.pop(name)
            widget = make()
            self._panels[name] = widget
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(widget)
        return self._panels[name]

    def add_menu(self, menu: QMenu) -> None:
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def add_file_item(self, item: QAction | QMenu) -> None:
        if isinstance(item, QMenu):
            self.file_menu.insertMenu(self._file_tools_end, item)
        else:
            self.file_menu.insertAction(self._file_tools_end, item)

    def add_edit_action(self, action: QAction) -> None:
        self.edit_menu.addAction(action)

    def add_view_action(self, action: QAction) -> None:
        self.view_menu.addAction(action)

    def add_help_action(self, action: QAction) -> None:
        self.help_menu.insertAction(self._about_action, action)

    def bind_key(
        self, name: str, slot: Callable[[], object], *, checkable: bool = False
    ) -> QAction:
        return self.keys.bind(name, slot, checkable=checkable)

    def status(self, message: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(message, ms)

    def status_error(self, message: str) -> None:
        self.status(message, 15000)

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.bind_key("new", self.new_requested.emit))
        self.file_menu.addAction(self.bind_key("open", self.open_requested.emit))
        recent_menu = self.file_menu.addMenu("Open &recent")
        recent_menu.aboutToShow.connect(lambda: self._fill_recent(recent_menu))
        self.file_menu.addAction("Open the &demo", self.demo_requested.emit)
        self.file_menu.addSeparator()
        self._file_tools_end = self.file_menu.addSeparator()
        self.file_menu.addAction(self.bind_key("close", self.close))
        quit_action = self.bind_key("quit", self._quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.file_menu.addAction(quit_action)
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")
        self._about_action = self.help_menu.addAction("&About Facilitator", self._about)
        keys = self.bind_key("keys", lambda: self.guide.open())
        self.add_view_action(keys)
        self.add_help_action(keys)

    def _add_file_tools(self) -> None:
        self.export_action = self.bind_key("export", self._export)
        self.add_file_item(self.export_action)
        self.save_copy_action = QAction("Save a &copy…", self)
        self.save_copy_action.triggered.connect(self._save_copy)
        self.add_file_item(self.save_copy_action)
        self.merge_action = QAction("&Merge files from other laptops…", self)
        self.merge_action.triggered.connect(self._merge)
        self.add_file_item(self.merge_action)

    def _export(self) -> None:
        from facilitator.ui.export_dialog import show_export_dialog

        show_export_dialog(self.controller, self)

    def _save_copy(self) -> None:
        from facilitator.ui.save_copy import ask_and_save_copy

        ask_and_save_copy(self.controller, self)

    def _merge(self) -> None:
        from facilitator.ui.merge_dialog import show_merge_dialog

        # the merged file can be opened from the dialog when someone answers the request
        open_merged = (
            self.open_path_requested.emit if self._answered(self.open_path_requested) else None
        )
        show_merge_dialog(self.controller, open_merged, self, self.closed)

    def _fill_recent(self, recent_menu: QMenu) -> None:
        recent_menu.clear()
        events = [e for e in self.recent.events() if e.exists] if self.recent else []
        for event in events:
            text = f"{event.title} — {event.path.name}" if event.title else event.path.name
            action = recent_menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(partial(self.open_path_requested.emit, event.path))
        if not events:
            recent_menu.addAction("(none)").setEnabled(False)

    def _quit(self) -> None:
        if self._answered(self.quit_requested):
            self.quit_requested.emit()
        else:
            self.close()

    def _answered(self, signal: SignalInstance) -> bool:
        return self.isSignalConnected(QMetaMethod.fromSignal(signal))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nRun a room of table conversations, offline.",
        )

    # -- status ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        event = self.controller.store.event()
        self.setWindowTitle(f"{event.title} — {APP_NAME}")

    # -- closing ---------------------------------------------------------------------------

    def may_close(self) -> bool:
        """Entries that could not be saved: ask what to do with them first."""
        if not self.asked_to_close and not self.capture.may_close():
            return False
        self.asked_to_close = True
        return True

    def keep_work(self) -> None:
        """Keep the draft and let the saves under way land (the desktop session asks)."""
        self.capture.keep_work()

    def close_without_asking(self) -> None:
        """A logout or a shutdown: keep the draft and the entries not saved, then close."""
        self.capture.keep_unsaved()
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

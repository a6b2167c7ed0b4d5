"""Which window is up: the start page, or the console of the one open event."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.errors import InputError
from facilitator.paths import APP_NAME, demo_dir
from facilitator.store.db import EventStore, StoreError
from facilitator.store.event_file import SUFFIX
from facilitator.ui.recent import RecentEvents

if TYPE_CHECKING:
    from facilitator.ui.console import ConsoleWindow

log = logging.getLogger(__name__)
FILE_FILTER = f"Facilitator events (*{SUFFIX});;All files (*)"


class WindowManager(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.recent = RecentEvents()
        self.start_window: QWidget | None = None
        self.console: ConsoleWindow | None = None

    def has_windows(self) -> bool:
        return self.start_window is not None or self.console is not None

    def _parent(self) -> QWidget | None:
        return self.console or self.start_window

    def error(self, message: str, title: str = "Cannot open the event") -> None:
        from PySide6.QtWidgets import QMessageBox

        log.info("%s: %s", title, message)
        QMessageBox.warning(self._parent(), f"{APP_NAME} — {title}", message)

    # -- start page ------------------------------------------------------------------------

    def show_start(self) -> None:
        from facilitator.ui.start_page import StartPage

        if self.start_window is None:
            page = StartPage(self.recent)
            page.new_requested.connect(lambda: self.ask_new_event(page))
            page.open_requested.connect(self.choose_and_open)
            page.open_path_requested.connect(self.open_event)
            page.demo_requested.connect(self.open_demo)
            self.start_window = page
            page.destroyed.connect(self._start_gone)
        self.start_window.show()
        self.start_window.raise_()

    def _start_gone(self) -> None:
        self.start_window = None

    # -- events ----------------------------------------------------------------------------

    def open_event(self, path: Path) -> bool:
        try:
            store = EventStore.open(path)
        except (InputError, StoreError) as exc:
            self.error(str(exc))
            if not self.has_windows():
                self.show_start()
            return False
        if store.migrated_from is not None:
            log.info(
                "migrated %s from schema %s, backup %s",
                path,
                store.migrated_from,
                store.backup_path,
            )
        self._show_console(store)
        return True

    def create_event(self, path: Path, **fields: object) -> bool:
        from facilitator.core.demo import load_deck_choice, load_plan_choice

        try:
            store = EventStore.create(
                path,
                deck=load_deck_choice(fields.pop("deck", None)),  # type: ignore[arg-type]
                plan=load_plan_choice(fields.pop("plan", None)),  # type: ignore[arg-type]
                **fields,  # type: ignore[arg-type]
            )
        except (InputError, StoreError) as exc:
            self.error(str(exc), "Cannot create the event")
            return False
        self._show_console(store)
        return True

    def open_demo(self) -> bool:
        """A fresh copy of the demo event every time: trying things out never touches data."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = demo_dir() / f"demo-{stamp}{SUFFIX}"
        from facilitator.core.demo import load_plan_choice

        plan = load_plan_choice(None)
        return self.create_event(
            path,
            title=plan.title,
            tables=12,
            date=datetime.now().date().isoformat(),
            venue="Demo venue",
        )

    def ask_new_event(self, parent: QWidget) -> None:
        from facilitator.ui.new_event import ask_new_event

        answer = ask_new_event(parent)
        if answer is not None:
            path, fields = answer
            self.create_event(path, **fields)

    def choose_and_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self._parent(), "Open an event", "", FILE_FILTER)
        if name:
            self.open_event(Path(name))

    def _show_console(self, store: EventStore) -> None:
        from facilitator.ui.console import ConsoleWindow

        if self.console is not None and not self.console.close():
            store.close()  # the open event's entries not saved: the user chose to stay
            return
        console = ConsoleWindow(store, self.recent)
        self.console = console
        self._remember(console, store)
        console.new_requested.connect(lambda: self.ask_new_event(console))
        console.open_requested.connect(self.choose_and_open)
        console.open_path_requested.connect(self.open_event)
        console.demo_requested.connect(self.open_demo)
        console.quit_requested.connect(self.quit)
        console.closed.connect(self._console_closed)
        console.showMaximized()  # the facilitator works in it all day: all the room it can have
        if self.start_window is not None:
            self.start_window.close()

    def _remember(self, console: ConsoleWindow, store: EventStore) -> None:
        """Put the event first in the recent list, just after the console's first paint (the
        write is flushed to the disk: ~2 ms, far more while the disk is busy), or as it
        closes if that comes first."""
        from facilitator.ui.console import PLACE_PROJECTOR_BY_MS
        from facilitator.ui.deferred import after_first_paint

        event = store.event()
        entry = (store.path, event.title, event.date, event.venue)
        remembered = False

        def remember() -> None:
            nonlocal remembered
            if not remembered:
                remembered = True
                self.recent.add(*entry)

        after_first_paint(console, remember, at_latest_ms=PLACE_PROJECTOR_BY_MS)
        console.closed.connect(remember)  # before the start page lists the recent events

    def _console_closed(self) -> None:
        self.console = None
        if not QApplication.closingDown() and not getattr(self, "_quitting", False):
            self.show_start()

    def keep_work(self) -> None:
        """Keep the draft and finish the saves under way, now (the session asks)."""
        if self.console is not None:
            self.console.keep_work()

    def end_session(self) -> None:
        """A signal or a logout: close the event without asking, keeping the draft, and quit."""
        self._quitting = True
        if self.console is not None:
            self.console.close_without_asking()
        if self.start_window is not None:
            self.start_window.close()
        QApplication.quit()

    def app_quitting(self) -> None:
        """Qt quits by itself (the session ends): close the event cleanly if still open."""
        self._quitting = True
        if self.console is not None:
            self.console.close_without_asking()

    def quit(self) -> None:
        self._quitting = True
        if self.console is not None and not self.console.close():
            self._quitting = False  # entries not saved: the user chose to stay
            return
        if self.start_window is not None:
            self.start_window.close()
        QApplication.quit()

"""What a feature may ask of the console window: the window's public face.

A feature is given a :class:`Window` and never reaches inside it; the console is one (it
satisfies the protocol), and a test may pass another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from facilitator.ui.controller import EventController
from facilitator.ui.projector import ProjectorWindow


class Window(Protocol):
    controller: EventController
    projector: ProjectorWindow

    def as_widget(self) -> QWidget:
        """The window as a parent for a feature's dialogs and objects."""
        ...

    def add_panel(self, panel: QWidget) -> None:
        """A panel in the live column, below the ones added before."""
        ...

    def add_tab(self, label: str, panel: QWidget) -> None:
        """A tab, built now."""
        ...

    def add_lazy_tab(self, label: str, name: str, make: Callable[[], QWidget]) -> None:
        """A tab built when it is first opened, or asked for by ``panel(name)``."""
        ...

    def set_tab_label(self, name: str, label: str) -> None:
        """A lazy tab's label now (built or not)."""
        ...

    def show_alone(self, tab: QWidget | None) -> None:
        """One tab fills the window (the live column and the tab bar hidden); None: all back."""
        ...

    def panel(self, name: str) -> QWidget:
        """A lazy tab's panel, built now if it has not been yet."""
        ...

    def add_menu(self, menu: QMenu) -> None:
        """A menu of the menu bar, before Help."""
        ...

    def add_file_item(self, item: QAction | QMenu) -> None:
        """An action or a submenu in the File menu, among the event's tools."""
        ...

    def add_edit_action(self, action: QAction) -> None: ...

    def add_view_action(self, action: QAction) -> None: ...

    def add_help_action(self, action: QAction) -> None:
        """An action in the Help menu, above About."""
        ...

    def bind_key(
        self, name: str, slot: Callable[[], object], *, checkable: bool = False
    ) -> QAction:
        """The action of a key of the key map (ui/keys.py), bound where its scope says."""
        ...

    def status(self, message: str, ms: int = 5000) -> None:
        """A message in the status bar for ``ms`` milliseconds."""
        ...

"""The features that are a tab of the console: the plan, the deck, the event details and
the grouping board.
Each tab is built when it is first opened, so the console comes up sooner."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from facilitator.ui.features.window import Window


class PlanFeature(QObject):
    NAME = "plan_editor"

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        window.add_lazy_tab("&Plan", self.NAME, lambda: self._make(window))

    @staticmethod
    def _make(window: Window) -> QWidget:
        from facilitator.ui.plan_editor import PlanEditor

        return PlanEditor(window.controller)


class DeckFeature(QObject):
    """The deck browser's tab, and its import menu offered in the File menu too."""

    NAME = "deck_browser"

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        window.add_lazy_tab("C&ards", self.NAME, self._make)
        self.menu = QMenu("&Deck", window.as_widget())
        self.menu.aboutToShow.connect(self._fill_menu)
        window.add_file_item(self.menu)

    def _make(self) -> QWidget:
        from facilitator.ui.deck_browser import DeckBrowser

        return DeckBrowser(self.window.controller)

    def _fill_menu(self) -> None:
        from facilitator.ui.deck_browser import DeckBrowser

        browser = self.window.panel(self.NAME)
        assert isinstance(browser, DeckBrowser)
        browser.fill_import_menu()
        self.menu.clear()
        self.menu.addActions(browser.import_menu.actions())


class DetailsFeature(QObject):
    NAME = "details_panel"

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        window.add_lazy_tab("E&vent", self.NAME, lambda: self._make(window))

    @staticmethod
    def _make(window: Window) -> QWidget:
        from facilitator.ui.event_details import EventDetailsPanel

        return EventDetailsPanel(window.controller)


class GroupingFeature(QObject):
    """The grouping board's tab: the room's entries sorted into named groups, and the dot
    vote on them (whose projector slide follows the dots from the start, tab open or not)."""

    NAME = "grouping_board"

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        from facilitator.ui.grouping.dots_screen import DotsScreen

        self.dots = DotsScreen(window.controller, self)
        window.add_lazy_tab("&Groups", self.NAME, lambda: self._make(window))

    def _make(self, window: Window) -> QWidget:
        from facilitator.ui.grouping.board import GroupingBoard

        return GroupingBoard(window.controller, self.dots)

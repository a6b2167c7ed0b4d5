"""The console's look as a feature: View > Console look (follow the system, light, dark),
remembered on this laptop. The room's looks are the Projector menu's, apart."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from facilitator.ui.features.window import Window
from facilitator.ui.looks import LOOK_NAMES, ConsoleLook, looks


class LooksFeature(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.looks = looks()
        self.menu = QMenu("Console &look", window.as_widget())
        self.menu.setToolTip("How this window looks; the projector's look is apart")
        group = QActionGroup(self.menu)
        self.actions: dict[ConsoleLook, QAction] = {}
        for choice, text in LOOK_NAMES.items():
            action = self.menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(choice is self.looks.choice)
            action.triggered.connect(lambda _c=False, ch=choice: self.looks.choose(ch))
            group.addAction(action)
            self.actions[choice] = action
        window.add_view_action(self.menu.menuAction())

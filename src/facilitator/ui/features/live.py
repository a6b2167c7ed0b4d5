"""Live control as a feature: the live session, its panel in the live column (what the
room sees, what comes next, a button for every key), its keys, the Projector menu and the
projector's screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from facilitator.core.changes import Changes
from facilitator.core.errors import InputError
from facilitator.core.projector_state import Blank, Look
from facilitator.core.session import HOLDING, TALLY, WALL, WELCOME
from facilitator.ui.features.window import Window
from facilitator.ui.keys import BINDINGS
from facilitator.ui.live_column import LivePanel
from facilitator.ui.live_panel import LOOKS, LiveControl
from facilitator.ui.projector import Thumbnail
from facilitator.ui.screens import Mode, ProjectorScreens, ScreenPicker, WhenUnplugged


class LiveFeature(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        controller = window.controller
        self.live_view = Thumbnail()
        self.preview_view = Thumbnail()
        if controller.projector_state is not None:
            self.live_view.set_state(controller.projector_state)
        controller.projector_changed.connect(self.live_view.set_state)
        controller.preview_changed.connect(self.preview_view.set_state)
        self.control = control = LiveControl(controller, self)
        self.screens = ProjectorScreens(window.projector, window.as_widget(), parent=self)
        self.actions = self._bind_keys()
        self.panel = LivePanel(control, self.actions, self.live_view, self.preview_view)
        window.add_panel(self.panel)
        window.add_menu(projector_menu(self))
        window.projector.close_requested.connect(
            lambda: window.status(
                "The projector window stays open while the event is open: "
                f"{BINDINGS['projector'].key} turns it off.",
                8000,
            )
        )
        control.changed.connect(self._sync_checks)
        self.screens.placed.connect(self._screens_placed)
        self._sync_checks()

    def _bind_keys(self) -> dict[str, QAction]:
        control, screens, bind = self.control, self.screens, self.window.bind_key
        return {
            "next": bind("next", control.next),
            "previous": bind("previous", control.previous),
            "take": bind("take", control.take_live),
            "black": bind("black", control.toggle_black, checkable=True),
            "white": bind("white", control.toggle_white, checkable=True),
            "message": bind("message", self.focus_message),
            "welcome": bind("welcome", lambda: control.go_to(WELCOME)),
            "wall": bind("wall", lambda: control.go_to(WALL)),
            "tally": bind("tally", lambda: control.go_to(TALLY)),
            "holding": bind("holding", lambda: control.go_to(HOLDING)),
            "look": bind("look", control.next_look),
            "projector": bind("projector", screens.toggle_enabled, checkable=True),
            "fullscreen": bind("fullscreen", screens.toggle_fullscreen, checkable=True),
        }

    def _sync_checks(self) -> None:
        session = self.control.session
        blank = session.blank
        self.actions["black"].setChecked(blank is Blank.BLACK)
        self.actions["white"].setChecked(blank is Blank.WHITE)
        # at either end of the run a step does nothing: say so, unless it lifts a blank
        blanked = blank is not Blank.NONE
        self.actions["previous"].setEnabled(blanked or not session.at_start)
        self.actions["next"].setEnabled(blanked or session.extra is not None or not session.at_end)

    def _screens_placed(self, _placement: object) -> None:
        p = self.screens.placement
        self.actions["projector"].setChecked(p.mode is not Mode.HIDDEN)
        self.actions["fullscreen"].setChecked(p.mode is Mode.FULLSCREEN)
        self.panel.screen_status.setText(p.describe())
        self.window.status(p.describe())

    def place_projector(self) -> None:
        """Fullscreen on the first screen that is not the console's; a window otherwise."""
        if not self.screens.placed_once:  # hotplug or a key may have placed it already
            self.screens.refresh()

    # -- actions of the menu and the keys ------------------------------------------------------

    def focus_message(self) -> None:
        self.panel.focus_message()

    def choose_logo(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window.as_widget(),
            "Logo for the holding slide",
            "",
            "Images (*.png *.jpg *.jpeg *.svg *.bmp *.gif);;All files (*)",
        )
        if name:
            self._logo(Path(name))

    def remove_logo(self) -> None:
        self._logo(None)

    def _logo(self, path: Path | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        def saved(changes: Changes | None, error: BaseException | None) -> None:
            if error is not None:
                QMessageBox.warning(self.window.as_widget(), "Holding slide logo", str(error))
            elif changes is not None:
                self.window.status(
                    "The holding slide shows the logo."
                    if path
                    else "The holding slide has no logo."
                )

        try:
            self.control.set_logo(path, saved)
        except InputError as exc:
            QMessageBox.warning(self.window.as_widget(), "Holding slide logo", str(exc))

    def pick_screen(self) -> None:
        ScreenPicker(self.screens, self.window.as_widget()).exec()

    def set_when_unplugged(self, when: WhenUnplugged) -> None:
        self.screens.prefs.when_unplugged = when
        self.screens.refresh()


# -- the Projector menu -------------------------------------------------------------------

WHEN_UNPLUGGED = (
    (WhenUnplugged.HIDE, "&Hide the projector window"),
    (WhenUnplugged.CONSOLE, "&Move it to the console's screen"),
)


def projector_menu(live: LiveFeature) -> QMenu:
    actions = live.actions
    menu = QMenu("&Projector", live.window.as_widget())
    for name in ("next", "previous", "take"):
        menu.addAction(actions[name])
    menu.addSeparator()
    for name in ("black", "white", "message"):
        menu.addAction(actions[name])
    menu.addSeparator()
    for name in ("welcome", "wall", "tally", "holding"):
        menu.addAction(actions[name])
    logo = menu.addMenu("Holding slide lo&go")
    logo.addAction("&Choose an image…").triggered.connect(live.choose_logo)
    logo.addAction("&Remove the logo").triggered.connect(live.remove_logo)
    menu.addSeparator()
    _add_looks(menu, live)
    menu.addSeparator()
    menu.addAction(actions["projector"])
    menu.addAction(actions["fullscreen"])
    choose = menu.addAction("Choose the projector's &screen…")
    choose.triggered.connect(live.pick_screen)
    _add_when_unplugged(menu, live)
    return menu


def _add_looks(menu: QMenu, live: LiveFeature) -> None:
    looks = menu.addMenu("L&ook")
    looks.addAction(live.actions["look"])
    looks.addSeparator()
    look_actions: dict[Look, QAction] = {}
    for look, text in LOOKS.items():
        act = looks.addAction(text)
        act.setCheckable(True)
        act.triggered.connect(lambda _c=False, lk=look: live.control.set_look(lk))
        look_actions[look] = act

    def sync_looks() -> None:
        for look, act in look_actions.items():
            act.setChecked(look is live.control.session.look)

    live.control.changed.connect(sync_looks)
    sync_looks()


def _add_when_unplugged(menu: QMenu, live: LiveFeature) -> None:
    unplugged = menu.addMenu("When its screen is &unplugged")
    when_actions: dict[WhenUnplugged, QAction] = {}
    for when, text in WHEN_UNPLUGGED:
        act = unplugged.addAction(text)
        act.setCheckable(True)
        act.triggered.connect(lambda _c=False, w=when: live.set_when_unplugged(w))
        when_actions[when] = act

    def sync_when() -> None:
        for when, act in when_actions.items():
            act.setChecked(when is live.screens.prefs.when_unplugged)

    unplugged.aboutToShow.connect(sync_when)
    sync_when()

"""Live control: the live session wired to the event, and its column in the console.

:class:`LiveControl` owns the :class:`~facilitator.core.session.LiveSession`: it feeds it
the event (plan, deck, themes, picks, the live round and its clock), turns its output into
``controller.set_projector_state`` / ``preview_changed``, and writes every change of what
is live to the event's timeline. :class:`LivePanel` is the facilitator's side of it in the
console: what the room sees, what comes next, and big labelled buttons for every key.
:func:`install_live_control` puts it all into a console, with the projector's screens.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QIODevice, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import LIVE, Changes
from facilitator.core.errors import InputError
from facilitator.core.projector_state import (
    Blank,
    ClockFace,
    HoldingSlide,
    Look,
    ProjectorState,
    Slide,
    WallSlide,
)
from facilitator.core.records import RoundInfo
from facilitator.core.session import (
    HOLDING,
    TALLY,
    WALL,
    WELCOME,
    LiveSession,
    ShowItem,
    build_run,
    tally_slide,
)
from facilitator.core.settings import PROJECTOR_ITEM, PROJECTOR_LOGO, PROJECTOR_LOOK
from facilitator.store import operations as ops
from facilitator.store.db import EventStore, StoreError
from facilitator.ui.controller import EventController
from facilitator.ui.deferred import clear_button_after_first_paint
from facilitator.ui.keys import BINDINGS, KeyGuide, LiveKeys
from facilitator.ui.projector import Thumbnail
from facilitator.ui.screens import Mode, ProjectorScreens, ScreenPicker, WhenUnplugged
from facilitator.ui.wall_source import wall_job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionButton

    from facilitator.ui.console import ConsoleWindow

log = logging.getLogger(__name__)

LOGO_MAX = QSize(1600, 900)  # enough for a 4K holding slide's logo box
LOOKS: dict[Look, str] = {
    Look.DARK: "Dark",
    Look.LIGHT: "Light",
    Look.CONTRAST: "High contrast",
}
MAX_MESSAGE = 200  # characters: a message is read from the back of the room at a glance
REFRESH_MS = 300  # themes arriving in a burst refresh the wall once


def _look(value: object) -> Look:
    try:
        return Look(str(value))
    except ValueError:
        return Look.DARK


class LiveControl(QObject):
    """The live session, fed by the event and feeding the projector."""

    changed = Signal()  # live or preview changed: captions and buttons follow

    def __init__(self, controller: EventController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        store = controller.store
        self._dirty = {WALL: True, TALLY: True}
        self._wall_view: dict[str, Any] = {"grouping": "table", "spotlight_id": None, "page": 0}
        self._preview: ProjectorState | None = None
        self._panel_owns_wall = False  # a panel has shown the wall and keeps it fresh
        self.session = LiveSession(
            self._run(),
            look=_look(PROJECTOR_LOOK.read(store)),
            live_round=self._round_index(),
            start_key=PROJECTOR_ITEM.read(store),
            on_change=self._record,
        )
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.publish)
        controller.show_requested.connect(self._show_requested)
        controller.clock_face_changed.connect(self._clock)
        controller.live_round_changed.connect(self._round_changed)
        controller.plan_changed.connect(self.rebuild)
        controller.deck_changed.connect(self.rebuild)
        controller.event_changed.connect(self.rebuild)
        controller.themes_changed.connect(lambda: self._content_changed(WALL))
        controller.picks_changed.connect(lambda: self._content_changed(TALLY))
        self.session.set_clock(controller.clock_face)  # a reopened round's clock, as it was
        self.publish()

    # -- building the run -------------------------------------------------------------------

    def _round_index(self) -> int | None:
        index = self.controller.live_round_index()
        return index if index >= 0 else None

    def _run(self) -> tuple[ShowItem, ...]:
        event = self.controller.store.event()
        return build_run(
            title=event.title,
            venue=event.venue,
            date=event.date,
            plan=self.controller.plan,
            deck=self.controller.deck,
            holding=HoldingSlide(title=event.title, logo_png=self.logo()),
        )

    def logo(self) -> bytes | None:
        """The holding slide's logo, kept in the event file so the event travels whole."""
        value = PROJECTOR_LOGO.read(self.controller.store)
        try:
            return base64.b64decode(value) if isinstance(value, str) and value else None
        except ValueError:
            return None

    def set_logo(self, path: Path | None) -> None:
        """Use the image at ``path`` on the holding slide (None: no logo). Raises InputError
        for a file that is not an image; StoreError when it could not be saved."""
        data = ""
        if path is not None:
            image = QImage(str(path))
            if image.isNull():
                raise InputError(path.name, "not an image the app can read (PNG, JPEG, SVG…)")
            if image.width() > LOGO_MAX.width() or image.height() > LOGO_MAX.height():
                image = image.scaled(
                    LOGO_MAX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
            data = base64.b64encode(bytes(buffer.data().data())).decode("ascii")
        self.controller.service.run(
            lambda s: ops.set_setting(s, PROJECTOR_LOGO.key, data, origin=LIVE)
        )
        self.rebuild()

    def rebuild(self) -> None:
        """The plan, deck or event details changed: a new run, the room stays where it is."""
        self._dirty = {WALL: True, TALLY: True}
        self.session.replace_run(self._run())
        self.session.set_live_round(self._round_index())
        self.publish()

    def _content_changed(self, key: str) -> None:
        if key == WALL and self._panel_owns_wall:
            return  # the capture panel refreshes the wall it showed, off the UI thread
        self._dirty[key] = True
        if key in self._on_screen_keys():
            self._refresh_timer.start()

    def _on_screen_keys(self) -> set[str]:
        preview = self.session.preview_item
        return {self.session.live_item.key, preview.key if preview else ""}

    def _refresh_content(self) -> None:
        """Build the wall and tally only when the room or the preview is about to show them
        (a big event has tens of thousands of themes)."""
        for key in self._on_screen_keys() & {k for k, dirty in self._dirty.items() if dirty}:
            self._dirty[key] = False
            self.session.refresh(key, self._wall() if key == WALL else self._tally())

    def _wall(self) -> WallSlide:
        """The wall as last chosen; until a panel chooses, the live round's entries only,
        which is what the room is talking about (and keeps a big event's wall quick)."""
        c = self.controller
        view = dict(self._wall_view)
        if "round_id" not in view:
            view["round_id"] = c.live_round.id if c.live_round else None
        return wall_job(c, **view)(c.store)

    def _tally(self) -> Slide:
        return tally_slide(self.controller.deck, self.controller.store.card_tally())

    # -- the event's signals ----------------------------------------------------------------

    def _show_requested(self, slide: Slide, live: bool) -> None:
        if isinstance(slide, WallSlide):
            # a panel chose how the wall looks; later refreshes keep that view
            self._wall_view = {
                "grouping": slide.grouping,
                "spotlight_id": slide.spotlight.id if slide.spotlight else None,
                "page": slide.page,
                "round_id": slide.round_id,
                "title": slide.title,
            }
            self._dirty[WALL] = False
            self._panel_owns_wall = True
        self.session.show(slide, live=live)
        self._after()

    def _clock(self, face: ClockFace) -> None:
        self.session.set_clock(face)
        self.publish()

    def _round_changed(self, info: RoundInfo | None) -> None:
        if "round_id" not in self._wall_view:
            self._content_changed(WALL)  # the run's wall is the live round's
        index = self._round_index()
        if index is not None and info is not None:
            self.session.enter_round(index)
        else:
            self.session.set_live_round(index)
        self.publish()

    # -- actions (keys, buttons, menus) -----------------------------------------------------

    def next(self) -> None:
        self.session.next()
        self._after()

    def previous(self) -> None:
        self.session.previous()
        self._after()

    def take_live(self) -> None:
        self.session.take_live()
        self._after()

    def toggle_black(self) -> None:
        self.session.toggle_black()
        self._after()

    def toggle_white(self) -> None:
        self.session.toggle_white()
        self._after()

    def go_to(self, key: str) -> None:
        self.session.go_to(key)
        self._after()

    def stage(self, key: str) -> None:
        self.session.stage_key(key)
        self._after()

    def show_message(self, text: str, *, live: bool = True) -> None:
        self.session.show_message(text, live=live)
        self._after()

    def set_look(self, look: Look) -> None:
        self.session.set_look(look)
        self._after()

    def next_look(self) -> None:
        looks = list(LOOKS)
        self.set_look(looks[(looks.index(self.session.look) + 1) % len(looks)])

    def _after(self) -> None:
        """After a step: clicking onto a round's slide makes it the live round (the clock
        driver then loads its time), and the projector and preview follow."""
        wanted = self.session.live_round
        if wanted is not None and wanted != self._round_index():
            self.controller.go_to_round(wanted)  # -> live_round_changed -> _round_changed
        self.publish()

    def publish(self) -> None:
        self._refresh_content()
        self.controller.set_projector_state(self.session.live_state())
        preview = self.session.preview_state()
        if preview != self._preview:
            self._preview = preview
            self.controller.preview_changed.emit(preview)
        self.changed.emit()

    # -- the timeline -----------------------------------------------------------------------

    def _record(self, detail: dict[str, Any]) -> None:
        live_round = self.controller.live_round
        round_id = live_round.id if live_round else None
        item = self.session.items[self.session.position].key
        look = self.session.look.value if detail.get("action") == "look" else None

        def record(store: EventStore) -> Changes:
            changes = ops.add_timeline(
                store, "projector", round_id=round_id, detail=detail, origin=LIVE
            ).merged(ops.set_setting(store, PROJECTOR_ITEM.key, item, origin=LIVE))
            if look is not None:
                changes = changes.merged(
                    ops.set_setting(store, PROJECTOR_LOOK.key, look, origin=LIVE)
                )
            return changes

        try:
            self.controller.service.run(record)
        except StoreError as exc:
            log.warning("projector change not recorded: %s", exc)
            self.controller.store_error.emit(f"The projector change was not recorded: {exc}")


class KeyButton(QPushButton):
    """A big labelled button with its key written small underneath."""

    def __init__(self, action: QAction, label: str, *, big: bool = False) -> None:
        super().__init__(label)
        self.action_ = action
        binding_keys = [s.toString() for s in action.shortcuts()]
        self.key_text = binding_keys[0] if binding_keys else ""
        self.big = big
        self.setToolTip(action.toolTip() or action.text().replace("&", ""))
        self.setCheckable(action.isCheckable())
        self.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(self._sync)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the clicker keys stay with the console
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._sync()

    def _sync(self) -> None:
        self.setEnabled(self.action_.isEnabled())
        if self.isCheckable():
            self.setChecked(self.action_.isChecked())

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self._label_font())
        small = QFontMetrics(self._key_font())
        width = max(fm.horizontalAdvance(self.text()), small.horizontalAdvance(self.key_text))
        return QSize(width + 24, fm.height() + small.height() + 14)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), 64), hint.height())

    def _label_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * (1.25 if self.big else 1.05))
        f.setBold(self.big)
        return f

    def _key_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 0.8)
        return f

    def initStyleOption(self, option: QStyleOptionButton) -> None:
        super().initStyleOption(option)
        option.text = ""  # the button's own paint draws the bevel only; the words are ours

    def paintEvent(self, event: QPaintEvent) -> None:
        # Qt's own paint for the bevel, not QStyle from Python: touching QStyle makes all of
        # its Python enums (~5 ms of the start)
        super().paintEvent(event)
        painter = QPainter(self)
        rect = QRectF(self.rect().adjusted(4, 4, -4, -4))
        small = QFontMetrics(self._key_font())
        key_h = small.height() if self.key_text else 0
        role = QPalette.ColorRole.ButtonText
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, role))
        painter.setFont(self._label_font())
        label_rect = rect.adjusted(0, 0, 0, -key_h)
        text = QFontMetrics(self._label_font()).elidedText(
            self.text(), Qt.TextElideMode.ElideRight, int(label_rect.width())
        )
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, text)
        if self.key_text:
            painter.setFont(self._key_font())
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, role))
            painter.drawText(
                QRectF(rect.left(), rect.bottom() - key_h, rect.width(), key_h),
                Qt.AlignmentFlag.AlignCenter,
                self.key_text,
            )
        painter.end()


class Caption(QLabel):
    """A plain-text caption: a badge word ("LIVE") and what it is showing."""

    def __init__(self, badge: str, colour: str) -> None:
        super().__init__()
        self.badge = QLabel(badge)
        self.badge.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; font-weight: bold;"
            " padding: 1px 6px; border-radius: 3px; }"
        )
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def row(self) -> QHBoxLayout:
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self, 1)
        return layout


class LivePanel(QWidget):
    """What the room sees, what comes next, and the buttons that drive it."""

    def __init__(
        self,
        live: LiveControl,
        actions: dict[str, QAction],
        live_view: Thumbnail,
        preview_view: Thumbnail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.live_view = live_view
        self.preview_view = preview_view
        self.live_caption = Caption("LIVE", "#c0271d")
        self.preview_caption = Caption("NEXT", "#4a5568")
        self.buttons: dict[str, KeyButton] = {}

        def button(name: str, label: str, *, big: bool = False) -> KeyButton:
            b = KeyButton(actions[name], label, big=big)
            b.setObjectName(f"live-{name}")
            self.buttons[name] = b
            return b

        steps = QGridLayout()
        steps.setSpacing(6)
        steps.addWidget(button("previous", "◀  Previous", big=True), 0, 0)
        steps.addWidget(button("next", "Next  ▶", big=True), 0, 1)
        steps.addWidget(button("black", "Black"), 1, 0)
        steps.addWidget(button("white", "White"), 1, 1)

        preview_side = QVBoxLayout()
        preview_side.setSpacing(6)
        preview_side.addWidget(button("take", "Take live", big=True))
        jumps = QGridLayout()
        jumps.setSpacing(6)
        jumps.addWidget(button("welcome", "Welcome"), 0, 0)
        jumps.addWidget(button("holding", "Holding"), 0, 1)
        jumps.addWidget(button("wall", "Wall"), 1, 0)
        jumps.addWidget(button("tally", "Tally"), 1, 1)
        preview_side.addLayout(jumps)
        preview_side.addStretch(1)

        preview_row = QHBoxLayout()
        preview_row.addWidget(preview_view, 3)
        preview_row.addLayout(preview_side, 2)

        self.run_list = QComboBox()
        self.run_list.setToolTip("Put any item of the run in the preview; Take live shows it")
        self.run_list.activated.connect(self._stage_from_list)
        self.run_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.message = QLineEdit()
        self.message.setObjectName("live-message")
        self.message.setPlaceholderText("Message for the room, e.g. Five minutes left")
        clear_button_after_first_paint(self.message)
        self.message.setMaxLength(MAX_MESSAGE)
        self.message.returnPressed.connect(self._show_message)
        show_message = QPushButton("Show")
        show_message.setToolTip("Show the message on the projector now (Return)")
        show_message.clicked.connect(self._show_message)
        stage_message = QPushButton("To preview")
        stage_message.setToolTip("Put the message in the preview, to take live later")
        stage_message.clicked.connect(lambda: self._show_message(live=False))
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(show_message)
        message_row.addWidget(stage_message)

        self.look = QComboBox()
        for look, text in LOOKS.items():
            self.look.addItem(text, look.value)
        self.look.setToolTip(f"How the projector looks ({BINDINGS['look'].keys[0]}: next look)")
        self.look.activated.connect(lambda i: live.set_look(Look(self.look.itemData(i))))
        self.look.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.screen_status = QLabel()
        self.screen_status.setTextFormat(Qt.TextFormat.PlainText)
        self.screen_status.setStyleSheet("color: palette(placeholder-text);")
        look_row = QHBoxLayout()
        look_label = QLabel("&Look:")
        look_label.setBuddy(self.look)
        look_row.addWidget(look_label)
        look_row.addWidget(self.look)
        look_row.addStretch(1)
        look_row.addWidget(self.screen_status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self.live_caption.row())
        layout.addWidget(live_view)
        layout.addLayout(steps)
        layout.addSpacing(6)
        layout.addLayout(self.preview_caption.row())
        layout.addLayout(preview_row)
        go_row = QHBoxLayout()
        go_label = QLabel("&Go to:")
        go_label.setBuddy(self.run_list)
        go_row.addWidget(go_label)
        go_row.addWidget(self.run_list, 1)
        layout.addLayout(go_row)
        layout.addLayout(message_row)
        layout.addLayout(look_row)

        live.changed.connect(self.refresh)
        self._run_keys: tuple[str, ...] = ()
        self.refresh()

    def refresh(self) -> None:
        session = self.live.session
        summary = session.summary()
        self.live_caption.setText(summary["live"])
        self.live_caption.setToolTip(summary["live"])
        self.preview_caption.setText(summary["preview"])
        self.preview_caption.setToolTip(summary["preview"])
        keys = tuple(it.key for it in session.items)
        labels = [it.label for it in session.items]
        if (
            keys != self._run_keys
            or [self.run_list.itemText(i) for i in range(self.run_list.count())] != labels
        ):
            self._run_keys = keys
            self.run_list.clear()
            for item in session.items:
                self.run_list.addItem(item.label, item.key)
        self.run_list.setCurrentIndex(session.position)
        self.look.setCurrentIndex(list(LOOKS).index(session.look))

    def _stage_from_list(self, index: int) -> None:
        key = self.run_list.itemData(index)
        if isinstance(key, str):
            self.live.stage(key)

    def _show_message(self, *, live: bool = True) -> None:
        text = self.message.text().strip()
        if text:
            self.live.show_message(text, live=live)
            self.message.clearFocus()

    def focus_message(self) -> None:
        self.message.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.message.selectAll()


class LiveInstall(QObject):
    """What :func:`install_live_control` gave the console, for the console and tests."""

    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__(console)
        self.console = console
        self.control = LiveControl(console.controller, self)
        self.screens = ProjectorScreens(console.projector, console, parent=self)
        self.keys = LiveKeys([console, console.projector])
        self.guide = KeyGuide(console)
        self.panel: LivePanel | None = None

    def clock(self) -> Any:
        """The round clock's driver, when the clock helper installed one."""
        return getattr(self.console, "clock", None) or getattr(self.console, "clock_driver", None)

    def clock_call(self, method: str) -> None:
        driver = self.clock()
        if driver is not None and hasattr(driver, method):
            getattr(driver, method)()

    def message(self) -> None:
        if self.panel is not None:
            self.panel.focus_message()

    def choose_logo(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.console,
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

        try:
            self.control.set_logo(path)
        except (InputError, StoreError) as exc:
            QMessageBox.warning(self.console, "Holding slide logo", str(exc))
            return
        self.console.statusBar().showMessage(
            "The holding slide shows the logo." if path else "The holding slide has no logo.", 5000
        )

    def pick_screen(self) -> None:
        ScreenPicker(self.screens, self.console).exec()


def install_live_control(console: ConsoleWindow) -> LiveInstall:
    """Give the console live control: the session, its column, keys, menus and screens.

    Call after the round clock is installed (its keys — Space, + and -, Ctrl+arrows — are
    then bound once, by the clock; otherwise they are bound here, to ``console.clock``).
    """
    install = LiveInstall(console)
    control = install.control
    keys = install.keys
    a = keys.bind
    a("next", control.next)
    a("previous", control.previous)
    a("take", control.take_live)
    a("black", control.toggle_black, checkable=True)
    a("white", control.toggle_white, checkable=True)
    a("message", install.message)
    a("welcome", lambda: control.go_to(WELCOME))
    a("wall", lambda: control.go_to(WALL))
    a("tally", lambda: control.go_to(TALLY))
    a("holding", lambda: control.go_to(HOLDING))
    a("look", control.next_look)
    a("projector", install.screens.toggle_enabled, checkable=True)
    a("fullscreen", install.screens.toggle_fullscreen, checkable=True)
    a("keys", install.guide.open)
    # the clock's keys, unless the clock already bound them (one action per key, or neither
    # fires): they call the clock helper's driver, whichever name it was given
    clock_bindings: dict[str, Callable[[], None]] = {
        "clock": lambda: install.clock_call("toggle"),
        "add_minute": lambda: install.clock_call("add_minute"),
        "take_minute": lambda: install.clock_call("take_minute"),
        "next_round": lambda: _step_round(console.controller, +1),
        "previous_round": lambda: _step_round(console.controller, -1),
    }
    for name in keys.free(clock_bindings):
        a(name, clock_bindings[name])

    at = _free_live_column(console)
    panel = LivePanel(control, keys.actions, console.live_view, console.preview_view)
    console.live_column_layout.insertWidget(at, panel)
    install.panel = panel
    _build_menus(console, install)

    def sync_checks() -> None:
        session = control.session
        blank = session.blank
        keys.actions["black"].setChecked(blank is Blank.BLACK)
        keys.actions["white"].setChecked(blank is Blank.WHITE)
        # at either end of the run a step does nothing: say so, unless it lifts a blank
        blanked = blank is not Blank.NONE
        keys.actions["previous"].setEnabled(blanked or not session.at_start)
        keys.actions["next"].setEnabled(blanked or session.extra is not None or not session.at_end)

    def screens_placed(placement: object) -> None:
        p = install.screens.placement
        keys.actions["projector"].setChecked(p.mode is not Mode.HIDDEN)
        keys.actions["fullscreen"].setChecked(p.mode is Mode.FULLSCREEN)
        panel.screen_status.setText(p.describe())
        console.statusBar().showMessage(p.describe(), 5000)

    console.projector.close_requested.connect(
        lambda: console.statusBar().showMessage(
            "The projector window stays open while the event is open: F5 turns it off.", 8000
        )
    )
    control.changed.connect(sync_checks)
    install.screens.placed.connect(screens_placed)
    sync_checks()
    return install


def _step_round(controller: EventController, delta: int) -> None:
    target = controller.live_round_index() + delta
    if 0 <= target < len(controller.rounds):
        controller.go_to_round(target)


def _free_live_column(console: ConsoleWindow) -> int:
    """Take the skeleton's captions out of the console's live column; returns where the
    panel goes (the panel's own layouts then take the two thumbnails over)."""
    layout = console.live_column_layout
    for view in (console.live_view, console.preview_view):
        at = layout.indexOf(view)
        item = layout.itemAt(at - 1) if at > 0 else None
        caption = item.widget() if item is not None else None
        if isinstance(caption, QLabel):
            layout.removeWidget(caption)
            caption.deleteLater()
    return max(0, layout.indexOf(console.live_view))


def _build_menus(console: ConsoleWindow, install: LiveInstall) -> None:
    actions = install.keys.actions
    menu = console.menuBar().addMenu("&Projector")
    before = console.menuBar().actions()
    help_action = console.help_menu.menuAction()
    if help_action in before:
        console.menuBar().insertMenu(help_action, menu)
    for name in ("next", "previous", "take"):
        menu.addAction(actions[name])
    menu.addSeparator()
    for name in ("black", "white", "message"):
        menu.addAction(actions[name])
    menu.addSeparator()
    for name in ("welcome", "wall", "tally", "holding"):
        menu.addAction(actions[name])
    logo = menu.addMenu("Holding slide lo&go")
    logo.addAction("&Choose an image…").triggered.connect(install.choose_logo)
    logo.addAction("&Remove the logo").triggered.connect(install.remove_logo)
    menu.addSeparator()
    looks = menu.addMenu("L&ook")
    looks.addAction(actions["look"])
    looks.addSeparator()
    look_actions: dict[Look, QAction] = {}
    for look, text in LOOKS.items():
        act = looks.addAction(text)
        act.setCheckable(True)
        act.triggered.connect(lambda _c=False, lk=look: install.control.set_look(lk))
        look_actions[look] = act

    def sync_looks() -> None:
        for look, act in look_actions.items():
            act.setChecked(look is install.control.session.look)

    install.control.changed.connect(sync_looks)
    sync_looks()
    menu.addSeparator()
    menu.addAction(actions["projector"])
    menu.addAction(actions["fullscreen"])
    choose = menu.addAction("Choose the projector's &screen…")
    choose.triggered.connect(install.pick_screen)
    unplugged = menu.addMenu("When its screen is &unplugged")
    when_actions: dict[WhenUnplugged, QAction] = {}
    for when, text in (
        (WhenUnplugged.HIDE, "&Hide the projector window"),
        (WhenUnplugged.CONSOLE, "&Move it to the console's screen"),
    ):
        act = unplugged.addAction(text)
        act.setCheckable(True)
        act.triggered.connect(lambda _c=False, w=when: _set_when(install, w))
        when_actions[when] = act

    def sync_when() -> None:
        for when, act in when_actions.items():
            act.setChecked(when is install.screens.prefs.when_unplugged)

    unplugged.aboutToShow.connect(sync_when)
    sync_when()

    console.view_menu.addAction(actions["keys"])
    first_help = next(iter(console.help_menu.actions()), None)
    if first_help is not None:
        console.help_menu.insertAction(first_help, actions["keys"])
    else:
        console.help_menu.addAction(actions["keys"])
    for name in ("clock", "add_minute", "take_minute", "next_round", "previous_round"):
        if name in actions:
            menu.addAction(actions[name])


def _set_when(install: LiveInstall, when: WhenUnplugged) -> None:
    install.screens.prefs.when_unplugged = when
    install.screens.refresh()

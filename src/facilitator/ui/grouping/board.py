"""The grouping board: a round's entries (or the event's) sorted into named groups.

Three columns: the entries in no group, the groups (each with its name, the tables that
said it, and its entries), and the suggested groups. Everything works by keyboard (the
keys of the key map's "grouping board" scope) and by mouse: drag entries onto a group,
onto the empty part of the groups to make a new one, or back to "Not grouped". Each change
is one undoable step on the event's one undo stack. The board reads the file off the UI
thread and redraws from what is saved, so it always shows the file's state.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.changes import Changes
from facilitator.core.groups import short_label
from facilitator.core.records import TableInfo
from facilitator.store.base import new_id
from facilitator.ui.controller import EventController
from facilitator.ui.entries.reader import BackgroundReader
from facilitator.ui.grouping import steps
from facilitator.ui.grouping.columns import fill_groups, fill_suggestions, fill_ungrouped
from facilitator.ui.grouping.dot_controls import DotControls
from facilitator.ui.grouping.dots_screen import DotsScreen
from facilitator.ui.grouping.lists import (
    NEW_GROUP,
    ROLE,
    GroupTree,
    SuggestionList,
    UngroupedList,
)
from facilitator.ui.keys import BINDINGS

REFRESH_MS = 120  # changes in a burst redraw the board once
WHOLE_EVENT = "\0event"


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _column(title: str, body: QWidget, *buttons: QPushButton) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    heading = _plain(title)
    heading.setBuddy(body)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    row = QHBoxLayout()
    for button in buttons:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the lists
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return holder


def _button(text: str, key: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(f"{BINDINGS[key].what} ({' or '.join(BINDINGS[key].keys)})")
    return button


class GroupingBoard(QWidget):
    loaded = Signal(object)  # BoardData, each time the board has been redrawn from the file

    def __init__(self, controller: EventController, dots: DotsScreen | None = None) -> None:
        super().__init__()
        self.setObjectName("grouping-board")
        self.controller = controller
        self.service = controller.service
        self.data: steps.BoardData | None = None
        self.ignored: set[frozenset[str]] = set()
        self._name_next: str | None = None  # a group to name once it shows
        self._reader: BackgroundReader | None = None
        self.scope = QComboBox()
        self.scope.setObjectName("grouping-scope")
        self._fill_scopes()
        self.scope.currentIndexChanged.connect(self.reload)
        self.message = _plain()
        self.show_button = QPushButton("Show the groups on the projector")
        self.show_button.clicked.connect(self.show_on_projector)
        self.ungrouped = UngroupedList()
        self.groups = GroupTree()
        self.groups.setColumnCount(2)  # the name or the entry; which tables said it
        header = self.groups.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.suggestions = SuggestionList()
        self.group_button = _button("Group", "group")
        self.ungroup_button = _button("Take out", "ungroup")
        self.move_button = _button("Move to…", "move_to_group")
        self.name_button = _button("Name…", "name_group")
        self.accept_button = _button("Accept", "accept_suggestion")
        self.accept_name_button = _button("Accept and name", "accept_and_name")
        self.ignore_button = _button("Ignore", "ignore_suggestion")
        self.dots = dots or DotsScreen(controller, self)
        self.dot_controls = DotControls(controller, self.dots, self.round_id, self.say)
        self._build_layout()
        self._bind_keys()
        self.ungrouped.dropped.connect(self._dropped)
        self.groups.dropped.connect(self._dropped)
        self.groups.itemChanged.connect(self._renamed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self.service.changed.connect(self._committed)
        controller.closing.connect(self._stop)
        self.reload()

    # -- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(_plain("Entries of"))
        top.addWidget(self.scope)
        top.addWidget(self.message, 1)
        top.addWidget(self.show_button)
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.addWidget(_column("Not grouped", self.ungrouped, self.group_button))
        columns.addWidget(
            _column("Groups", self.groups, self.ungroup_button, self.move_button, self.name_button)
        )
        columns.addWidget(
            _column(
                "Suggested: said at several tables",
                self.suggestions,
                self.accept_button,
                self.accept_name_button,
                self.ignore_button,
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(columns, 1)
        layout.addWidget(self.dot_controls)
        self.group_button.clicked.connect(self.group_chosen)
        self.ungroup_button.clicked.connect(self.ungroup_chosen)
        self.move_button.clicked.connect(self.open_move_menu)
        self.name_button.clicked.connect(self.name_chosen)
        self.accept_button.clicked.connect(lambda: self.accept_suggestion(name_it=False))
        self.accept_name_button.clicked.connect(lambda: self.accept_suggestion(name_it=True))
        self.ignore_button.clicked.connect(self.ignore_suggestion)

    def _bind_keys(self) -> None:
        stack = self.service.undo_stack
        for name, slot in (
            ("group", self.group_chosen),
            ("ungroup", self.ungroup_chosen),
            ("move_to_group", self.open_move_menu),
            ("name_group", self.name_chosen),
            ("accept_suggestion", lambda: self.accept_suggestion(name_it=False)),
            ("accept_and_name", lambda: self.accept_suggestion(name_it=True)),
            ("ignore_suggestion", self.ignore_suggestion),
            ("group_undo", stack.undo),
            ("group_redo", stack.redo),
        ):
            for key in BINDINGS[name].keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    def _fill_scopes(self) -> None:
        self.scope.blockSignals(True)
        chosen = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem("The whole event", WHOLE_EVENT)
        for info in self.controller.rounds:
            self.scope.addItem(f"{info.position + 1}. {info.title}", info.id)
        live = self.controller.live_round
        wanted = chosen or (live.id if live is not None else WHOLE_EVENT)
        self.scope.setCurrentIndex(max(0, self.scope.findData(wanted)))
        self.scope.blockSignals(False)

    # -- reading and drawing ---------------------------------------------------------------

    def round_id(self) -> str | None:
        value = self.scope.currentData()
        return None if value in (None, WHOLE_EVENT) else str(value)

    def reload(self) -> None:
        if self._reader is None:
            self._reader = BackgroundReader(self.controller.store.path, self)
        self._reader.submit(steps.board_job(self.round_id()), self._arrived, key="board")

    def _arrived(self, data: object, error: str | None) -> None:
        if error is not None:
            self.say(f"The groups cannot be read: {error}")
            return
        assert isinstance(data, steps.BoardData)
        if data.round_id != self.round_id():
            return  # the scope changed meanwhile; its own read follows
        self.data = data
        tables: dict[str | None, TableInfo] = {t.id: t for t in self.controller.tables}
        label = tables.get
        fill_ungrouped(self.ungrouped, data)
        fill_groups(self.groups, data, label)
        fill_suggestions(self.suggestions, data, self.ignored)
        editable = not data.locked
        for widget in (
            self.group_button,
            self.ungroup_button,
            self.move_button,
            self.name_button,
            self.accept_button,
            self.accept_name_button,
        ):
            widget.setEnabled(editable)
        self.dot_controls.sync(data)
        if data.locked:
            self.say("Locked: the dot vote has been opened on these groups.")
        if self._name_next is not None:
            item = self.groups.group_item(self._name_next)
            if item is not None:
                self._name_next = None
                self.groups.setCurrentItem(item)
                self.groups.setFocus()
                self.groups.editItem(item, 0)
        self.loaded.emit(data)

    def _committed(self, changes: Changes) -> None:
        if changes.plan:
            self._fill_scopes()
        if (
            changes.groups
            or changes.dots
            or changes.entries_changed
            or changes.plan
            or changes.tables
        ):
            self._timer.start()

    def _stop(self) -> None:
        self._timer.stop()
        if self._reader is not None:
            self._reader.stop()

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- steps -----------------------------------------------------------------------------

    def _push(self, text: str, step: steps.Step) -> None:
        if self.data is not None and self.data.locked:
            self.say("Locked: the dot vote has been opened on these groups.")
            return
        self.say("")
        self.service.undo_stack.push(steps.GroupStep(self.service, text, step, self._failed))

    def _failed(self, error: str) -> None:
        self.say(error)

    def _chosen(self) -> list[str]:
        """The entries chosen in the list that has the keyboard (else the one with some)."""
        if self.groups.hasFocus() or not self.ungrouped.has_chosen():
            return self.groups.chosen_ids() or self.ungrouped.chosen_ids()
        return self.ungrouped.chosen_ids()

    def group_chosen(self) -> None:
        ids = self._chosen()
        if not ids:
            self.say("Choose the entries to group first (Shift+Down chooses more).")
            return
        self.new_group(ids, "", name_it=True)

    def new_group(self, ids: list[str], name: str, *, name_it: bool) -> None:
        group_id = new_id()
        if name_it:
            self._name_next = group_id
        what = f"group “{short_label(name, 30)}”" if name else "group entries"
        self._push(what, steps.create(ids, self.round_id(), name, group_id))

    def ungroup_chosen(self) -> None:
        ids = self.groups.chosen_ids()
        if not ids:
            self.say("Choose entries of a group first.")
            return
        self._push("take entries out of their group", steps.move(ids, None))

    def move_chosen(self, group_id: str) -> None:
        ids = self._chosen()
        if not ids:
            self.say("Choose the entries to move first.")
            return
        if group_id == NEW_GROUP:
            self.new_group(ids, "", name_it=True)
        else:
            self._push("move entries to another group", steps.move(ids, group_id))

    def open_move_menu(self) -> QMenu | None:
        """A list of the groups to move the chosen entries to (arrows and Return)."""
        if self.data is None or not self._chosen():
            self.say("Choose the entries to move first.")
            return None
        menu = QMenu(self)
        menu.setObjectName("grouping-move-menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for group in self.data.groups:
            action = menu.addAction(short_label(group.name, 60))
            action.triggered.connect(lambda _c=False, g=group.id: self.move_chosen(g))
        menu.addSeparator()
        menu.addAction("A new group", lambda: self.move_chosen(NEW_GROUP))
        view = self.groups if self.groups.hasFocus() else self.ungrouped
        menu.popup(view.mapToGlobal(QPoint(view.width() // 3, view.height() // 4)))
        return menu

    def name_chosen(self) -> None:
        group_id = self.groups.chosen_group()
        item = self.groups.group_item(group_id) if group_id else None
        if item is None:
            self.say("Choose a group to name.")
            return
        self.groups.setCurrentItem(item)
        self.groups.editItem(item, 0)

    def _renamed(self, item: QTreeWidgetItem, column: int) -> None:
        kind, group_id = item.data(0, ROLE)
        if kind != "group" or column != 0 or self.data is None:
            return
        old = next((g.name for g in self.data.groups if g.id == group_id), None)
        name = " ".join(item.text(0).split())
        if old is None or name == old:
            return
        if not name:
            self.say("A group needs a name.")
            self.reload()
            return
        self._push(f"name a group “{short_label(name, 30)}”", steps.rename(group_id, name))

    def _dropped(self, ids: list[str], target: str | None) -> None:
        if target == NEW_GROUP:
            self.new_group(ids, "", name_it=False)
        elif target is None:
            self._push("take entries out of their group", steps.move(ids, None))
        else:
            self._push("move entries to a group", steps.move(ids, target))

    # -- suggestions -----------------------------------------------------------------------

    def _suggestion(self) -> tuple[str, tuple[str, ...]] | None:
        chosen = self.suggestions.current()
        if chosen is None:
            self.say("Choose a suggestion first.")
            return None
        return chosen[0], tuple(chosen[1])

    def accept_suggestion(self, *, name_it: bool) -> None:
        chosen = self._suggestion()
        if chosen is not None:
            self.new_group(list(chosen[1]), chosen[0], name_it=name_it)

    def ignore_suggestion(self) -> None:
        chosen = self._suggestion()
        if chosen is not None and self.data is not None:
            self.ignored.add(frozenset(chosen[1]))
            fill_suggestions(self.suggestions, self.data, self.ignored)

    # -- the projector ---------------------------------------------------------------------

    def show_on_projector(self) -> None:
        wall = self.controller.wall
        round_id, live = self.round_id(), self.controller.live_round
        wall.choose(grouping="groups", round_only=round_id is not None, page=0)
        wall.show(live=True)
        if round_id is not None and (live is None or live.id != round_id):
            self.say("The wall shows the live round's groups; start this round to show its own.")

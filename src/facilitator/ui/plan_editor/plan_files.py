"""Loading a plan.toml (a bundled template or any file) and saving one for another event."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from facilitator.core.errors import InputError
from facilitator.core.plan import Plan, check_plan_cards, load_plan, save_plan
from facilitator.ui.controller import EventController

if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object  # a mixin: PlanEditor is the QWidget


class PlanFiles(_Widget):
    """The plan editor's Load and Save: a part of :class:`PlanEditor`."""

    if TYPE_CHECKING:  # made by PlanEditor
        controller: EventController
        plan: Plan
        round_ids: list[str | None]
        message: QLabel

        def _fill(self, select: int) -> None: ...

        def save_now(self) -> bool: ...

    def load_file(self, path: Path) -> None:
        try:
            plan = load_plan(path)
        except InputError as exc:
            self.message.setText(f"Cannot load {path.name}:\n{exc}")
            return
        self.plan = plan
        # a loaded file's rounds take the places of the event's rounds, in order
        self.round_ids = [r.id for r in self.controller.rounds[: len(plan.rounds)]]
        self.round_ids += [None] * (len(plan.rounds) - len(self.round_ids))
        self._fill(0)
        self.save_now()
        unknown = check_plan_cards(plan, self.controller.deck)
        note = f" ({len(unknown)} card ids are not in this event's deck)" if unknown else ""
        self.message.setText(f"Loaded {path.name}{note}.")

    def choose_and_load(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Load a plan", "", "Plan files (*.toml);;All files (*)"
        )
        if name:
            self.load_file(Path(name))

    def save_file(self, path: Path) -> bool:
        try:
            save_plan(self.plan, path)
        except OSError as exc:
            self.message.setText(f"Cannot save {path.name}: {exc.strerror or exc}")
            return False
        self.message.setText(f"Saved {path}.")
        return True

    def choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the plan", "plan.toml", "Plan files (*.toml)"
        )
        if name:
            self.save_file(Path(name))

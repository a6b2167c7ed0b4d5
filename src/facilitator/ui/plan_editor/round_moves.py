"""Adding, duplicating, deleting and reordering rounds in the plan editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from facilitator.core.plan import MAX_ROUNDS, Plan, Round

if TYPE_CHECKING:
    from facilitator.ui.plan_editor.round_list import RoundList


class RoundMoves:
    """The plan editor's round buttons and keys: a part of :class:`PlanEditor`."""

    if TYPE_CHECKING:  # made by PlanEditor
        plan: Plan
        round_ids: list[str | None]
        rounds: RoundList
        title: QLineEdit

        def _fill(self, select: int) -> None: ...

        def save_now(self) -> bool: ...

    def _set_rounds(self, rounds: list[Round], select: int, ids: list[str | None]) -> None:
        self.plan = replace(self.plan, rounds=tuple(rounds))
        self.round_ids = ids
        self._fill(select)
        self.save_now()

    def add_round(self) -> None:
        if len(self.plan.rounds) >= MAX_ROUNDS:
            return
        row = self.rounds.currentRow()
        at = row + 1 if row >= 0 else len(self.plan.rounds)
        rounds = list(self.plan.rounds)
        rounds.insert(at, Round(f"Round {len(rounds) + 1}", 15))
        ids = list(self.round_ids)
        ids.insert(at, None)
        self._set_rounds(rounds, at, ids)
        self.title.setFocus()
        self.title.selectAll()

    def duplicate_round(self) -> None:
        row = self.rounds.currentRow()
        if not 0 <= row < len(self.plan.rounds) or len(self.plan.rounds) >= MAX_ROUNDS:
            return
        rounds = list(self.plan.rounds)
        rounds.insert(row + 1, rounds[row])
        ids = list(self.round_ids)
        ids.insert(row + 1, None)
        self._set_rounds(rounds, row + 1, ids)

    def delete_round(self) -> None:
        row = self.rounds.currentRow()
        if not 0 <= row < len(self.plan.rounds) or len(self.plan.rounds) <= 1:
            return
        rounds = list(self.plan.rounds)
        del rounds[row]
        ids = list(self.round_ids)
        del ids[row]
        self._set_rounds(rounds, row, ids)

    def move_round(self, delta: int) -> None:
        row = self.rounds.currentRow()
        target = row + delta
        if not (0 <= row < len(self.plan.rounds) and 0 <= target < len(self.plan.rounds)):
            return
        rounds = list(self.plan.rounds)
        rounds[row], rounds[target] = rounds[target], rounds[row]
        ids = list(self.round_ids)
        ids[row], ids[target] = ids[target], ids[row]
        self._set_rounds(rounds, target, ids)
        self.rounds.setFocus()

    def _reorder(self, order: list[int]) -> None:
        """After a drag: ``order`` lists the old index of each round in its new place."""
        current = self.rounds.currentItem()
        moved = current.data(Qt.ItemDataRole.UserRole) if current is not None else 0
        rounds = [self.plan.rounds[i] for i in order]
        ids = [self.round_ids[i] for i in order]
        QTimer.singleShot(0, lambda: self._set_rounds(rounds, order.index(moved), ids))

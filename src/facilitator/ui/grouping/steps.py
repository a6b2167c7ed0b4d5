"""What the grouping board reads and the steps it takes, each one undoable.

A step is one store operation (store/operations.py) on the event service's writer thread.
Its undo puts every group back as it was just before the step, and its redo as just after
(``restore_group_snapshot``): the snapshots are taken on the writer thread around the
operation, so the steps that follow on that thread (an undo included) always find them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from msgspec import Struct
from PySide6.QtGui import QUndoCommand

from facilitator.core.changes import GROUPING, UNDO, Changes
from facilitator.core.errors import InputError
from facilitator.core.groups import DotVote, Group, GroupSnapshot
from facilitator.core.records import Theme
from facilitator.core.suggest import Suggestion
from facilitator.store import operations as ops
from facilitator.store.db import EventStore
from facilitator.ui.event_service import EventService

Step = Callable[[EventStore], Changes]


class BoardData(Struct, frozen=True):
    """What the board shows of one scope (a round, or the whole event: ``round_id`` None)."""

    round_id: str | None
    entries: tuple[Theme, ...]  # the entries the room may see, in the order saved
    groups: tuple[Group, ...]
    suggestions: tuple[Suggestion, ...]
    vote: DotVote | None = None  # the dot vote on these groups: they are locked
    voters: int = 0  # phones that placed dots in it
    # the lines of the Not grouped and Suggested columns, made here off the UI thread:
    # (entry id, line, full text) and (label, line, entry ids)
    ungrouped_rows: tuple[tuple[str, str, str], ...] = ()
    suggestion_rows: tuple[tuple[str, str, list[str]], ...] = ()

    @property
    def locked(self) -> bool:
        return self.vote is not None


def board_job(round_id: str | None) -> Callable[[EventStore], BoardData]:
    """A read for the board's reader thread: the scope's entries, groups and suggestions."""

    def job(store: EventStore) -> BoardData:
        from facilitator.store.suggestions import suggestions  # rapidfuzz: when first used

        entries = tuple(t for t in reversed(store.themes(round_id=round_id)) if not t.hidden)
        vote = next((v for v in store.dot_votes() if v.round_id == round_id), None)
        groups = tuple(store.groups(round_id))
        found = tuple(suggestions(store, round_id))
        tables = {t.id: t.label for t in store.tables()}
        grouped = {i for g in groups for i in g.entry_ids}
        return BoardData(
            round_id=round_id,
            entries=entries,
            groups=groups,
            suggestions=found,
            vote=vote,
            voters=store.dot_tally(vote.id)[1] if vote is not None else 0,
            ungrouped_rows=tuple(
                (t.id, f"{one_line(t.text)}  ({tables.get(t.table_id or '', 'No table')})", t.text)
                for t in entries
                if t.id not in grouped
            ),
            suggestion_rows=tuple(
                (
                    s.label,
                    f"{one_line(s.label)} · said at {s.tables} tables ({len(s.entry_ids)} entries)",
                    list(s.entry_ids),
                )
                for s in found
            ),
        )

    return job


def one_line(text: str) -> str:
    return " ".join(text.split())


class GroupStep(QUndoCommand):
    """One change to the groups; see the module's text. ``on_failed`` hears a step that
    could not be saved (it is then dropped from the stack)."""

    def __init__(
        self,
        service: EventService,
        text: str,
        step: Step,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.service = service
        self.step = step
        self.on_failed = on_failed
        self.before: GroupSnapshot | None = None
        self.after: GroupSnapshot | None = None
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            self.service.submit(self._first, self._landed)
            return
        self._put_back(lambda: self.after)

    def undo(self) -> None:
        self._put_back(lambda: self.before)

    def _first(self, store: EventStore) -> Changes:
        """On the writer thread: the step, between the two snapshots."""
        before = store.group_snapshot()
        changes = self.step(store)
        self.before, self.after = before, store.group_snapshot()
        return changes

    def _put_back(self, snapshot: Callable[[], GroupSnapshot | None]) -> None:
        def run(store: EventStore) -> Changes:
            wanted = snapshot()  # read on the writer thread, after the first step ran
            if wanted is None:  # the first step failed: nothing to put back
                return Changes(origin=UNDO)
            return ops.restore_group_snapshot(store, wanted, origin=UNDO)

        self.service.submit(run, self._landed)

    def _landed(self, changes: Changes | None, error: BaseException | None) -> None:
        if error is None:
            return
        with contextlib.suppress(RuntimeError):  # the stack let go of it meanwhile
            self.setObsolete(True)
        if self.on_failed is not None:
            self.on_failed(error_text(error))
        else:
            self.service.say_failure(changes, error)


def create(entry_ids: list[str], round_id: str | None, name: str, group_id: str) -> Step:
    return lambda s: ops.create_group(
        s, entry_ids, round_id=round_id, name=name, group_id=group_id, origin=GROUPING
    )


def rename(group_id: str, name: str) -> Step:
    return lambda s: ops.rename_group(s, group_id, name, origin=GROUPING)


def move(entry_ids: list[str], group_id: str | None) -> Step:
    return lambda s: ops.move_entries(s, entry_ids, group_id, origin=GROUPING)


def error_text(error: BaseException) -> str:
    """A refused step in the user's words (an InputError without its "where")."""
    if isinstance(error, InputError):
        text = "; ".join(p.message for p in error.problems)
        return text[:1].upper() + text[1:] + "."
    return str(error)

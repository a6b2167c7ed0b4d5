"""How the capture panel saves: entries, card picks and the draft go to the writer thread.

Return takes the text out of the entry at once (the next entry starts apart from it); the
entry waits in the pending list until the writer reports its commit, and only then does
the panel say "Saved". A save that fails keeps the entry in the pending list, says so, and
tries it again every few seconds and at each Return, under the same id (a retry after an
unclear failure finds it saved instead of saving it twice).
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from facilitator.core.capture import PICK, parse_table
from facilitator.core.changes import Changes
from facilitator.core.errors import InputError
from facilitator.core.records import KIND_LABELS
from facilitator.store import operations as ops
from facilitator.store.db import MAX_THEME_CHARS, EventStore, StoreError, new_id
from facilitator.ui.event_service import EventService
from facilitator.ui.pending import FAILED, SAVING, PendingBox, PendingEntry, forget
from facilitator.ui.save_writer import Operation
from facilitator.ui.undo import PickCommand, SaveCommand

if TYPE_CHECKING:
    from facilitator.ui.capture.panel import CapturePanel

log = logging.getLogger(__name__)

RETRY_MS = 4000
DRAFT_SLOT = "capture"
_LEADING_TABLE = re.compile(r"^\s*(?:t(?:able)?\.?\s*)?(\d{1,4})\b[\s:.,-]*", re.IGNORECASE)


def _short(text: str, n: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


def _clear_draft(store: EventStore, entry: PendingEntry, always: bool) -> Changes:
    """After the entry's commit: the draft is cleared by the first try, and by a later one
    if it still holds this entry (typing since then is left alone)."""
    try:
        draft = None if always else store.draft(DRAFT_SLOT)
        if always or (draft is not None and draft.text == entry.text):
            return ops.save_draft(store, DRAFT_SLOT, "")
    except StoreError as exc:
        log.warning("draft not cleared: %s", exc)
    return Changes()


def _save_theme(entry: PendingEntry, clear_draft: bool) -> Operation:
    def op(store: EventStore) -> Changes:
        try:
            (theme,) = ops.add_theme(
                store,
                entry.text,
                table_id=entry.table_id,
                round_id=entry.round_id,
                kind=entry.kind,
                cards=entry.cards,
                theme_id=entry.id,
            ).added
        except StoreError:
            if entry.tries <= 1:
                raise
            try:  # an earlier try may have committed, and failed only to say so
                theme = store.theme(entry.id)
            except StoreError:
                raise
            log.info("entry %s was saved by an earlier try", entry.id)
        return Changes(added=(theme,)).merged(_clear_draft(store, entry, clear_draft))

    return op


def _save_picks(entry: PendingEntry, clear_draft: bool) -> Operation:
    def op(store: EventStore) -> Changes:
        try:
            picks = ops.add_card_picks(
                store,
                entry.cards,
                table_id=entry.table_id,
                round_id=entry.round_id,
                pick_ids=entry.pick_ids,
            ).picks
        except StoreError:
            if entry.tries <= 1:
                raise
            first = entry.pick_ids[0]
            picks = tuple(p for p in store.card_picks() if p.id in entry.pick_ids)
            if not any(p.id == first for p in picks):
                raise
        return Changes(picks=picks).merged(_clear_draft(store, entry, clear_draft))

    return op


class CaptureSaver(QObject):
    """The capture panel's saves, drafts and pending entries."""

    def __init__(self, panel: CapturePanel, service: EventService, box: PendingBox) -> None:
        super().__init__(panel)
        self.panel = panel
        self.service = service
        self.writer = service.writer
        self.box = box
        self.pending: list[PendingEntry] = []
        self.draft_failed = False
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.retry)
        self.writer.slow.connect(box.show_slow)

    # -- entries ---------------------------------------------------------------------------

    def save(self) -> None:
        """Return: the entry goes to the writer and the entry field clears at once."""
        p = self.panel
        p.entry.hide_popup()
        text = p.entry.text()
        if not text.strip():
            if self.failed():
                self.retry()
                p.show_message(f"Trying again to save {len(self.failed())} entries…", "warn")
            else:
                p.show_message("Nothing to save yet: type what the table says.", "warn")
            return
        if p.mode == PICK:
            self._save_picks(text)
            return
        if len(text) > MAX_THEME_CHARS:
            p.show_message(
                f"Not saved: an entry may hold at most {MAX_THEME_CHARS:,} characters.", "error"
            )
            return
        table, round_info = p.table(), p.round()
        entry = PendingEntry(
            text=text,
            kind=p.mode,
            table_id=table.id if table else None,
            round_id=round_info.id if round_info else None,
            cards=tuple(p.index.cards_in(text)),
            table_number=table.number if table else None,
            round_number=round_info.position + 1 if round_info else None,
        )
        self.retry()  # a Return tries the ones that failed, too
        self._submit(entry, first=True)
        p._clear_entry()

    def _save_picks(self, text: str) -> None:
        p = self.panel
        match = _LEADING_TABLE.match(text)
        if match is not None:
            try:
                p.set_table(parse_table(match.group(1), [t.number for t in p.controller.tables]))
            except ValueError as exc:
                p.show_message(f"Not recorded: {exc}.", "error")
                return
        cards = p.index.cards_in(text)
        unknown = p.index.unknown_in(text)
        if unknown:
            p.show_message(f"Not recorded: {unknown[0][:40]} is not a card of this deck.", "error")
            return
        if not cards:
            p.show_message(
                "Not recorded: type # and the card the table chose (#mind → Mindset).", "error"
            )
            return
        table, round_info = p.table(), p.round()
        entry = PendingEntry(
            text=text,
            kind=PICK,
            table_id=table.id if table else None,
            round_id=round_info.id if round_info else None,
            cards=tuple(cards),
            table_number=table.number if table else None,
            pick_ids=tuple(new_id() for _ in cards),
        )
        self.retry()
        self._submit(entry, first=True)
        p._clear_entry()

    def _submit(self, entry: PendingEntry, *, first: bool = False) -> None:
        entry.state = SAVING
        entry.tries += 1
        if entry not in self.pending:
            self.pending.append(entry)
        make = _save_picks if entry.is_pick else _save_theme
        self.service.submit(
            make(entry, first),
            lambda changes, error: self._done(entry, first, changes, error),
        )
        self.box.show_pending(self.pending)

    def _done(
        self,
        entry: PendingEntry,
        first: bool,
        changes: Changes | None,
        error: BaseException | None,
    ) -> None:
        p = self.panel
        if isinstance(error, InputError):  # not the disk's fault: back to the scribe
            self.pending.remove(entry)
            self.box.show_pending(self.pending)
            if not p.entry.text():
                p.entry.setPlainText(entry.text)
            p.show_message(f"Not saved: {error}", "error")
            return
        if error is not None or changes is None:
            entry.state = FAILED
            entry.error = str(error)
            log.warning("save failed, kept to try again (%s): %s", entry.id, error)
            p.controller.store_error.emit(str(error))
            what = "NOT RECORDED" if entry.is_pick else "NOT SAVED"
            p.show_message(
                f"{what} — {error} “{_short(entry.text)}” is kept below and will be "
                "saved as soon as the file can be written (tried every few seconds).",
                "error",
            )
            self.box.show_pending(self.pending)
            if not self.retry_timer.isActive():
                self.retry_timer.start()
            return
        if entry in self.pending:
            self.pending.remove(entry)
        self.box.show_pending(self.pending)
        if not self.failed():
            self.retry_timer.stop()
        if entry.is_pick:
            self._picked(entry, changes, again=not first)
        else:
            self._saved(entry, changes, again=not first)

    def _saved(self, entry: PendingEntry, changes: Changes, *, again: bool) -> None:
        p = self.panel
        (theme,) = changes.themes
        p.last_saved = theme
        p.undo_stack.push(SaveCommand(p.service, theme))
        table = p.controller.table(theme.table_id)
        round_info = p.controller.round(theme.round_id)
        where = f"{table.label if table else 'no table'}"
        if round_info is not None:
            where += f", round {round_info.position + 1}"
        unknown = p.index.unknown_in(theme.text)
        if again:
            p.show_message(f"Saved for {where}, at last: “{_short(theme.text)}”.", "ok")
        elif unknown:
            p.show_message(
                f"Saved for {where}. {', '.join(unknown[:3])} is not a card of this deck; "
                "it stays as text.",
                "warn",
            )
        else:
            p.show_message(f"Saved for {where}: {KIND_LABELS[theme.kind].lower()}.", "ok")
        p._check_repeat(theme)
        p.saved.emit(theme)

    def _picked(self, entry: PendingEntry, changes: Changes, *, again: bool) -> None:
        p = self.panel
        titles = []
        for pick in changes.picks:
            card = p.index.card(pick.card_key)
            title = card.title if card else pick.card_key
            titles.append(title)
            p.undo_stack.push(PickCommand(p.service, pick, title))
        table = p.controller.table(entry.table_id)
        p.show_message(
            f"{table.label if table else 'No table'} picked {', '.join(titles)}. "
            + ("(Saved now.)" if again else "Ctrl+Down for the next table."),
            "ok",
        )
        p.picked.emit(list(changes.picks))

    def failed(self) -> list[PendingEntry]:
        return [e for e in self.pending if e.state == FAILED]

    def retry(self) -> None:
        for entry in self.failed():
            self._submit(entry)

    # -- the draft -------------------------------------------------------------------------

    def save_draft(self, text: str, detail: dict[str, object]) -> None:
        def op(store: EventStore) -> Changes:
            return ops.save_draft(store, DRAFT_SLOT, text, detail)

        self.service.submit(op, self._draft_done, key="draft", entry=False)

    def _draft_done(self, _changes: Changes | None, error: BaseException | None) -> None:
        p = self.panel
        if error is not None:
            log.warning("draft not kept: %s", error)
            # a failed save's message matters more: it stays up
            if not self.draft_failed and p.message.property("level") != "error":
                p.show_message(
                    f"Your typing cannot be kept as a draft: {error} Keep this window open.",
                    "error",
                )
            self.draft_failed = True
            return
        if self.draft_failed:
            self.draft_failed = False
            if p.message.text().startswith("Your typing cannot be kept"):
                p.show_message("The event file can be written again.", "ok")

    def close(self) -> None:
        """Finish the saves under way (the event is closing); log any that never made it."""
        self.retry_timer.stop()
        if not self.writer.close():
            log.warning("closing while the disk is still busy")
        if self.pending:
            forget(self.pending, "the event closed")
            self.pending.clear()

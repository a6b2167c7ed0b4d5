"""Entries on their way to the event file, and those it refused: kept apart, never lost.

Return takes the text out of the entry at once and it waits here until its transaction
has committed. One that fails stays here as an entry of its own (never merged with what is
typed next), shown in the capture panel and retried every few seconds and on Return.
Closing the event with some still here asks first, and can write them to a CSV file that
``facilitator import-themes EVENT FILE.csv`` takes back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from msgspec import Struct, field
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from facilitator.core.capture import PICK
from facilitator.store.db import new_id, now_iso
from facilitator.ui.looks import alarm_style, warn_style

log = logging.getLogger(__name__)

CSV_COLUMNS = ("text", "round", "table", "kind", "cards", "created_at")
SAVING, FAILED = "saving", "failed"


class PendingEntry(Struct, eq=False):
    """One entry (or one table's card pick) not yet in the file, with its id given up front
    so that a retry after an unclear failure cannot save it twice."""

    text: str
    kind: str  # an entry's kind, or PICK
    table_id: str | None
    round_id: str | None
    cards: tuple[str, ...]
    table_number: int | None = None
    round_number: int | None = None
    id: str = field(default_factory=new_id)
    pick_ids: tuple[str, ...] = ()
    created_at: str = field(default_factory=now_iso)
    state: str = SAVING
    error: str = ""
    tries: int = 0

    @property
    def is_pick(self) -> bool:
        return self.kind == PICK


def _count(n: int, what: str = "entry") -> str:
    plural = "entries" if what == "entry" else f"{what}s"
    return f"{n} {what if n == 1 else plural}"


class PendingBox(QWidget):
    """The panel's view of the entries not saved yet: a line saying so and the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slow_line = QLabel()
        self.slow_line.setTextFormat(Qt.TextFormat.PlainText)
        self.slow_line.setStyleSheet(warn_style())
        self.slow_line.setAccessibleName("Disk status")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(alarm_style())
        self.summary.setAccessibleName("Entries not saved")
        self.list = QListWidget()
        self.list.setAccessibleName("Entries not saved yet")
        self.list.setMaximumHeight(90)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for widget in (self.slow_line, self.summary, self.list):
            layout.addWidget(widget)
            widget.hide()

    def show_slow(self, waiting: int) -> None:
        """``waiting`` entries are held up by a slow disk; 0: it caught up."""
        if waiting <= 0:
            self.slow_line.clear()
            self.slow_line.hide()
            return
        self.slow_line.setText(f"The disk is slow: {_count(waiting)} waiting")
        self.slow_line.show()

    def show_pending(self, entries: list[PendingEntry]) -> None:
        failed = [e for e in entries if e.error]  # failed once: shown until it is saved
        self.list.clear()
        if not failed:
            self.summary.clear()
            self.summary.hide()
            self.list.hide()
            return
        self.summary.setText(
            f"{_count(len(failed))} not saved yet: kept here, and tried again every few "
            "seconds and at each Return."
        )
        for entry in failed:
            label = "Card pick: " if entry.is_pick else ""
            self.list.addItem(f"{label}{' '.join(entry.text.split())[:120]}")
        self.summary.show()
        self.list.show()


def write_csv(path: Path, entries: list[PendingEntry]) -> int:
    """Write the entries (not the card picks) as ``facilitator import-themes`` reads them;
    the number written. Raises OSError when the file cannot be written."""
    import csv  # here: only when closing with entries not saved

    rows = [e for e in entries if not e.is_pick]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for e in rows:
            writer.writerow(
                [
                    e.text,
                    "" if e.round_number is None else e.round_number,
                    "" if e.table_number is None else e.table_number,
                    e.kind,
                    ";".join(e.cards),
                    e.created_at,
                ]
            )
    return len(rows)


def describe(entries: list[PendingEntry]) -> str:
    picks = sum(1 for e in entries if e.is_pick)
    text = _count(len(entries) - picks)
    if picks:
        text += f" and {_count(picks, 'card pick')}"
    return text


# -- closing with entries not saved ----------------------------------------------------------

SAVE, QUIT, CANCEL = "save", "quit", "cancel"
FLUSH_BEFORE_ASKING_S = 1.0  # saves under way get this long to land before the question


def ask_what_to_do(parent: QWidget | None, entries: list[PendingEntry]) -> str:
    """SAVE, QUIT or CANCEL: the question asked before closing with entries not saved."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Entries not saved")
    box.setText(f"{describe(entries)} could not be saved to the event file.")
    box.setInformativeText(
        "Save them to another file to keep them (it can be imported into the event later), "
        "or quit and lose them."
    )
    save = box.addButton("&Save them to another file…", QMessageBox.ButtonRole.AcceptRole)
    quit_ = box.addButton("&Quit anyway", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else QUIT if clicked is quit_ else CANCEL


def choose_csv(parent: QWidget | None, event_path: Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    suggested = Path.home() / f"{event_path.stem}-not-saved.csv"
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the entries not saved", str(suggested), "CSV files (*.csv)"
    )
    return Path(name) if name else None


def may_close(parent: QWidget | None, entries: list[PendingEntry], event_path: Path) -> bool:
    """Ask what to do with entries not saved; True when the event may close."""
    while entries:
        choice = ask_what_to_do(parent, entries)
        if choice == CANCEL:
            return False
        if choice == QUIT:
            forget(entries, "the user chose to quit")
            entries.clear()
            return True
        target = choose_csv(parent, event_path)
        if target is None:
            continue
        try:
            written = write_csv(target, entries)
        except OSError as exc:
            log.warning("could not write %s: %s", target, exc)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(parent, "Not written", f"{target} cannot be written: {exc}")
            continue
        log.info("wrote %d entries not saved to %s", written, target)
        forget([e for e in entries if e.is_pick], "a card pick cannot go in that file")
        entries.clear()  # kept elsewhere now: not given up
        return True
    return True


def keep_in_data_folder(entries: list[PendingEntry], event_path: Path) -> Path | None:
    """No one to ask (a logout, a shutdown): write the entries not saved to a CSV file in
    the user data folder, and log where. The file written, if any."""
    if not entries:
        return None
    from datetime import datetime

    from facilitator.paths import user_data_dir

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = user_data_dir() / "not-saved" / f"{event_path.stem}-{stamp}.csv"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        written = write_csv(target, entries)
    except OSError as exc:
        log.warning("could not keep the entries not saved in %s: %s", target, exc)
        forget(entries, "closing with no one to ask")
        return None
    log.warning("%d entries not saved were written to %s", written, target)
    forget([e for e in entries if e.is_pick], "a card pick cannot go in that file")
    entries.clear()
    return target


def forget(entries: list[PendingEntry], why: str) -> None:
    """Log what is given up, so that the log still holds the words."""
    for e in entries:
        log.warning("entry not saved, given up (%s): %r", why, e.text)

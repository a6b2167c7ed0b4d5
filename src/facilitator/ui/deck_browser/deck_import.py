"""The browser's Deck menu: import a deck file, folder or bundled deck; save the deck."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QWidget

from facilitator.core.changes import Changes
from facilitator.core.deck import Deck, bundled_decks, load_deck, save_deck
from facilitator.core.errors import InputError

if TYPE_CHECKING:
    from facilitator.ui.controller import EventController

    _Widget = QWidget
else:
    _Widget = object  # a mixin: DeckBrowser is the QWidget


class DeckImport(_Widget):
    """The deck browser's Deck menu and drops: a part of :class:`DeckBrowser`."""

    if TYPE_CHECKING:  # made by DeckBrowser
        controller: EventController
        import_menu: QMenu
        pick_message: QLabel

        @property
        def deck(self) -> Deck: ...

    def fill_import_menu(self) -> None:
        """Fill the import menu afresh (the bundled decks may have changed); the console
        offers its actions in the File menu too."""
        menu = self.import_menu
        menu.clear()
        menu.addAction("Import a deck file (deck.toml or CSV)…", self.choose_deck_file)
        menu.addAction(
            "Import a deck folder (or a folder of card images)…", self.choose_deck_folder
        )
        bundled = menu.addMenu("Use a bundled deck")
        for name, folder in bundled_decks().items():
            action = bundled.addAction(name.replace("-", " ").capitalize())
            action.triggered.connect(partial(self._import_from_menu, folder))
        menu.addSeparator()
        menu.addAction("Save this deck as a folder…", self.choose_save_folder)

    def _import_from_menu(self, path: Path, *_checked: object) -> None:
        self.import_deck(path)

    def choose_deck_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a deck", "", "Decks (*.toml *.csv *.tsv);;All files (*)"
        )
        if path:
            self.import_deck(Path(path))

    def choose_deck_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a deck folder")
        if path:
            self.import_deck(Path(path))

    def choose_save_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Save the deck into a folder")
        if path:
            try:
                # the event's deck is held without its images: the file has them
                target = save_deck(self.controller.store.deck(), Path(path))
            except InputError as exc:
                self.report_problem("The deck was not saved", str(exc))
                return
            self.pick_message.setText(f"Deck saved as {target}")

    def confirm_replace(self, new: Deck) -> bool:
        """Ask before replacing the event's deck (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Use this deck?",
            f"Use “{new.name}” ({len(new.cards)} cards) for this event instead of "
            f"“{self.deck.name}” ({len(self.deck.cards)} cards)?\n\n"
            "Picks and theme tags already saved are kept.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def report_problem(self, title: str, text: str) -> None:
        """Show what is wrong with a deck (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(text)
        box.exec()

    def import_deck(self, path: Path) -> bool:
        """Load the deck at ``path`` and, once confirmed, snapshot it into the event (True:
        on its way to the writer thread; a failure to save it is reported when it lands)."""
        try:
            deck = load_deck(path)
        except InputError as exc:
            self.report_problem(f"{path.name} is not a deck that can be used", str(exc))
            return False
        if not self.confirm_replace(deck):
            return False

        def saved(changes: Changes | None, error: BaseException | None) -> None:
            if error is not None:
                self.report_problem("The deck was not saved into the event", str(error))
            else:
                self.pick_message.setText(f"Now using “{deck.name}”.")

        # saved on the writer thread: the browser shows the deck once it is in the event
        self.controller.replace_deck(deck, saved)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.import_deck(Path(urls[0].toLocalFile()))

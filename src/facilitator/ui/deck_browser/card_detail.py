"""Both sides of the selected card, as text the facilitator can read at a glance."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from facilitator.core.deck import Card, Suit
from facilitator.core.deck_colours import text_colour_on
from facilitator.ui.deck_browser.labels import plain_label
from facilitator.ui.views.card_images import image_bytes
from facilitator.ui.views.card_paint import card_image


class CardDetail(QWidget):
    """Both sides of one card, as text the facilitator can read at a glance."""

    def __init__(self) -> None:
        super().__init__()
        self.header = QFrame()
        self.header.setObjectName("cardHeader")
        self.suit = plain_label()
        self.title = plain_label()
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        header_layout = QVBoxLayout(self.header)
        header_layout.addWidget(self.suit)
        header_layout.addWidget(self.title)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.front = plain_label()
        self.back_heading = plain_label("On the back")
        self.bold = self.back_heading.font()
        self.bold.setBold(True)
        self.back_heading.setFont(self.bold)
        self.back = QWidget()
        self.back_layout = QVBoxLayout(self.back)
        self.back_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.image)
        layout.addWidget(self.front)
        layout.addWidget(self.back_heading)
        layout.addWidget(self.back)
        layout.addStretch(1)
        self.show_card(None, None)

    def show_card(self, card: Card | None, suit: Suit | None) -> None:
        if card is None or suit is None:
            self.header.setStyleSheet("")
            self.suit.setText("")
            self.title.setText("No card selected")
            self.front.setText("Pick a card in the grid to see both of its sides.")
            self.image.clear()
            self.image.hide()
            self.back_heading.hide()
            self._set_back([])
            return
        ink = text_colour_on(suit.colour)
        self.header.setStyleSheet(
            f"#cardHeader {{ background: {suit.colour}; border-radius: 8px; }}"
            f" #cardHeader QLabel {{ color: {ink}; }}"
        )
        self.suit.setText(suit.name.upper())
        self.title.setText(card.title)
        self.front.setText(card.front or "(no description on the front)")
        data = image_bytes(card)
        if data is not None and not (image := card_image(data)).isNull():
            self.image.setPixmap(
                QPixmap.fromImage(
                    image.scaled(
                        QSize(320, 220),
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
            self.image.show()
        else:
            self.image.clear()
            self.image.hide()
        self.back_heading.show()
        self._set_back([(level, qs) for level, qs in card.questions if qs])

    def back_text(self) -> str:
        """The back as shown, one label per line (for tests and screen readers)."""
        items = (self.back_layout.itemAt(i) for i in range(self.back_layout.count()))
        labels = [item.widget() for item in items if item is not None]
        return "\n".join(w.text() for w in labels if isinstance(w, QLabel))

    def _set_back(self, groups: list[tuple[str, tuple[str, ...]]]) -> None:
        while self.back_layout.count():
            item = self.back_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if not groups and not self.back_heading.isHidden():
            self.back_layout.addWidget(plain_label("(no questions on the back)"))
        for level, questions in groups:
            if level:
                heading = plain_label(level)
                heading.setFont(self.bold)
                self.back_layout.addWidget(heading)
            self.back_layout.addWidget(plain_label("\n".join(f"•  {q}" for q in questions)))

"""The theme wall's controls: grouping, this round only, show, preview, pages, spotlight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from facilitator.core.projector_state import WallSlide
from facilitator.core.wall import GROUPING_LABELS, GROUPINGS
from facilitator.ui.capture.labels import plain_label
from facilitator.ui.controller import EventController


class WallControls:
    """The capture panel's wall box: asks the event's wall (``controller.wall``)."""

    if TYPE_CHECKING:
        controller: EventController

    def _build_wall_box(self) -> QGroupBox:
        box = QGroupBox("Theme wall")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.wall_grouping_combo = QComboBox()
        for grouping in GROUPINGS:
            self.wall_grouping_combo.addItem(GROUPING_LABELS[grouping], grouping)
        self.wall_round_only = QCheckBox("This round only")
        self.wall_round_only.setChecked(True)
        row.addWidget(self.wall_grouping_combo)
        row.addWidget(self.wall_round_only)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.wall_show = QPushButton("Show &wall")
        self.wall_show.setToolTip(
            "Put the theme wall on the projector; it updates as entries arrive"
        )
        self.wall_preview = QPushButton("Preview")
        self.wall_prev = QToolButton()
        self.wall_prev.setArrowType(Qt.ArrowType.LeftArrow)
        self.wall_prev.setToolTip("Previous page of the wall")
        self.wall_next = QToolButton()
        self.wall_next.setArrowType(Qt.ArrowType.RightArrow)
        self.wall_next.setToolTip("Next page of the wall")
        self.wall_page_label = plain_label("")
        self.wall_clear_spot = QPushButton("Clear spotlight")
        self.wall_clear_spot.setEnabled(False)
        for w in (
            self.wall_show,
            self.wall_preview,
            self.wall_prev,
            self.wall_page_label,
            self.wall_next,
        ):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.wall_clear_spot)
        layout.addLayout(row)
        return box

    # the wall itself (its view, building it, keeping it fresh) is the controller's one
    # owner of it, ui/wall_source.py; these controls only ask it

    def _wall_options_changed(self) -> None:
        self.controller.wall.choose(
            grouping=str(self.wall_grouping_combo.currentData()),
            round_only=self.wall_round_only.isChecked(),
            page=0,
        )

    def turn_wall_page(self, step: int) -> None:
        wall = self.controller.wall
        wall.choose(page=max(0, wall.page + step))
        wall.schedule(now=True)

    def send_wall(self, *, live: bool) -> None:
        self.controller.wall.show(live=live)

    def _wall_shown(self, slide: WallSlide) -> None:
        pages = slide.pages
        self.wall_page_label.setText(
            f"page {slide.page + 1} of {pages}" if pages > 1 else f"{slide.total} on the wall"
        )
        self.wall_prev.setEnabled(slide.page > 0)
        self.wall_next.setEnabled(slide.page + 1 < slide.pages)

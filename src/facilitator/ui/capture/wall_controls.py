"""The theme wall's controls: grouping, this round only, show, preview, pages, spotlight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
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
from facilitator.ui.entries import BackgroundReader
from facilitator.ui.wall_source import DEFAULT_TITLE, wall_job


class WallControls:
    """The capture panel's wall box; the wall slide is read off the UI thread and shown."""

    if TYPE_CHECKING:
        controller: EventController
        reader: BackgroundReader
        wall_timer: QTimer
        wall_grouping: str
        wall_this_round: bool
        wall_page: int
        spotlight_id: str | None
        _preview_is_wall: bool

        def show_message(self, text: str, level: str = "ok") -> None: ...

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

    def _wall_options_changed(self) -> None:
        self.wall_grouping = str(self.wall_grouping_combo.currentData())
        self.wall_this_round = self.wall_round_only.isChecked()
        self.wall_page = 0
        self._schedule_wall()

    def turn_wall_page(self, step: int) -> None:
        self.wall_page = max(0, self.wall_page + step)
        self._schedule_wall(now=True)

    def _wall_is_live(self) -> bool:
        state = self.controller.projector_state
        return state is not None and isinstance(state.slide, WallSlide)

    def _preview_changed(self, state: Any) -> None:
        self._preview_is_wall = isinstance(getattr(state, "slide", None), WallSlide)

    def _schedule_wall(self, *, now: bool = False) -> None:
        if self._wall_is_live() or self._preview_is_wall:
            if now:
                self._refresh_wall()
            else:
                self.wall_timer.start()

    def _refresh_wall(self) -> None:
        if self._wall_is_live():
            self.send_wall(live=True)
        if self._preview_is_wall:
            self.send_wall(live=False)

    def wall_job(self) -> Any:
        """A job for the reader that builds the wall slide as set now."""
        live = self.controller.live_round
        round_id = live.id if (self.wall_this_round and live is not None) else None
        return wall_job(
            self.controller,
            round_id=round_id,
            title=live.title if round_id is not None and live is not None else DEFAULT_TITLE,
            grouping=self.wall_grouping,
            spotlight_id=self.spotlight_id,
            page=self.wall_page,
        )

    def send_wall(self, *, live: bool) -> None:
        def arrived(slide: Any, error: str | None) -> None:
            if error is not None:
                self.show_message(f"The wall cannot be read: {error}", "error")
                return
            assert isinstance(slide, WallSlide)
            self.wall_page = slide.page
            self.wall_page_label.setText(
                f"page {slide.page + 1} of {slide.pages}"
                if slide.pages > 1
                else f"{slide.total} on the wall"
            )
            self.wall_prev.setEnabled(slide.page > 0)
            self.wall_next.setEnabled(slide.page + 1 < slide.pages)
            self.controller.show(slide, live=live)

        self.reader.submit(self.wall_job(), arrived, key=f"wall-{live}")

"""The live session: a state machine from clicker keys and panels to what the room sees."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec

from facilitator.core.projector_state import (
    Blank,
    CardSlide,
    ClockFace,
    ClockPhase,
    HoldingSlide,
    Look,
    MessageSlide,
    ProjectorState,
    RoundSlide,
    Slide,
    TallySlide,
    WallSlide,
    WelcomeSlide,
)
from facilitator.core.session.run import (
    HOLDING,
    TALLY,
    WALL,
    WELCOME,
    ShowItem,
    card_key,
    round_key,
    slide_kind,
)

END_OF_RUN = "End of the run"
MAX_LOGGED_TEXT = 300


def _run_key_for(slide: Slide, items: Sequence[ShowItem], live_round: int | None) -> str | None:
    """The run item a requested slide stands for, so the clicker carries on from there."""
    if isinstance(slide, WelcomeSlide):
        return WELCOME
    if isinstance(slide, HoldingSlide):
        return HOLDING
    if isinstance(slide, WallSlide):
        return WALL
    if isinstance(slide, TallySlide):
        return TALLY
    if isinstance(slide, RoundSlide):
        return round_key(slide.number - 1) if slide.number >= 1 else None
    if isinstance(slide, CardSlide):
        matches = [
            it.key
            for it in items
            if isinstance(it.slide, CardSlide)
            and it.slide.card.id == slide.card.id
            and it.slide.back == slide.back
        ]
        in_round = [k for k in matches if k == card_key(live_round, slide.card.id, slide.back)]
        return next(iter(in_round or matches), None)
    return None


class LiveSession:
    """The live and preview projector states, driven by clicker keys and panels."""

    def __init__(
        self,
        items: Sequence[ShowItem],
        *,
        look: Look = Look.DARK,
        live_round: int | None = None,
        start_key: str | None = None,
        on_change: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        if not items:
            raise ValueError("a run needs at least one item")
        self.items: tuple[ShowItem, ...] = tuple(items)
        self.position = 0  # the run item that is live, or that an extra slide sits after
        self.extra: ShowItem | None = None  # a message or requested slide outside the run
        self.staged: ShowItem | None = None  # what the facilitator put in the preview
        self.blank = Blank.NONE
        self.look = look
        self.live_round = live_round
        self.clock: ClockFace | None = None
        self.on_change = on_change
        if start_key is not None:
            self.position = max(0, self._index(start_key))
        self._signature = self._live_signature()

    # -- what the room sees ------------------------------------------------------------------

    @property
    def live_item(self) -> ShowItem:
        return self.extra or self.items[self.position]

    @property
    def preview_item(self) -> ShowItem | None:
        """The staged item, or else the next item of the run (None at its end)."""
        if self.staged is not None:
            return self.staged
        nxt = self.position + 1
        return self.items[nxt] if nxt < len(self.items) else None

    def live_state(self) -> ProjectorState:
        return ProjectorState(self._with_clock(self.live_item.slide), self.blank, self.look)

    def preview_state(self) -> ProjectorState:
        item = self.preview_item
        slide: Slide = MessageSlide(END_OF_RUN) if item is None else self._with_clock(item.slide)
        return ProjectorState(slide, Blank.NONE, self.look)

    @property
    def at_start(self) -> bool:
        return self.extra is None and self.position == 0

    @property
    def at_end(self) -> bool:
        return self.position >= len(self.items) - 1

    # -- stepping through the run ------------------------------------------------------------

    def next(self) -> None:
        """One step on. From a blank, the first press brings the room back to what it saw."""
        if self._unblank_first("next"):
            return
        if self.extra is not None:
            self.extra = None
            self._move(min(self.position + 1, len(self.items) - 1), "next", forward=True)
        elif not self.at_end:
            self._move(self.position + 1, "next", forward=True)

    def previous(self) -> None:
        """One step back; from a message or requested slide, back to the run where it was."""
        if self._unblank_first("previous"):
            return
        if self.extra is not None:
            self.extra = None
            self._commit("previous")
        elif self.position > 0:
            self._move(self.position - 1, "previous", forward=False)

    def go_to(self, key: str) -> None:
        """Put the run item ``key`` live (a click in the console's run list)."""
        index = self._index(key)
        if index < 0:
            return
        self.extra = None
        self.blank = Blank.NONE
        self._move(index, "go", forward=False)

    def enter_round(self, index: int) -> None:
        """The live round became ``index`` (Ctrl+Right, the plan panel): show its slide,
        unless the room is already looking at that round or one of its cards."""
        self.live_round = index
        item = self.live_item
        if self.extra is None and item.round_index == index:
            self._commit("round")
            return
        target = self._index(round_key(index))
        if target >= 0:
            self.extra = None
            self.blank = Blank.NONE
            self.position = target
            self._drop_stale_stage()
        self._commit("round")

    def _move(self, index: int, action: str, *, forward: bool) -> None:
        self.position = index
        item = self.items[index]
        # Clicking forward onto a round's slide starts that round: the clicker alone can run
        # the event. Stepping back never changes the round (a glance back resets nothing).
        if forward and item.round_index is not None and item.key == round_key(item.round_index):
            self.live_round = item.round_index
        self._drop_stale_stage()
        self._commit(action)

    # -- blank ------------------------------------------------------------------------------

    def toggle_black(self) -> None:
        self._toggle(Blank.BLACK)

    def toggle_white(self) -> None:
        self._toggle(Blank.WHITE)

    def unblank(self) -> None:
        if self.blank is not Blank.NONE:
            self.blank = Blank.NONE
            self._commit("unblank")

    def _toggle(self, blank: Blank) -> None:
        self.blank = Blank.NONE if self.blank is blank else blank
        self._commit("blank" if self.blank is not Blank.NONE else "unblank")

    def _unblank_first(self, action: str) -> bool:
        if self.blank is Blank.NONE:
            return False
        self.blank = Blank.NONE
        self._commit(action)
        return True

    # -- preview, messages, requested slides ------------------------------------------------

    def stage(self, slide: Slide, label: str = "") -> None:
        """Put a slide in the preview, ready to take live."""
        key = _run_key_for(slide, self.items, self.live_round)
        index = self._index(key) if key is not None else -1
        if index >= 0:
            self.staged = msgspec.structs.replace(self.items[index], slide=slide)
        else:
            self.staged = ShowItem("", label or _label_of(slide), slide)

    def stage_key(self, key: str) -> None:
        index = self._index(key)
        if index >= 0:
            self.staged = self.items[index]

    def take_live(self) -> None:
        """The preview goes live: the staged item, or else the next step of the run."""
        staged = self.staged
        if staged is None:
            self.next()
            return
        self.staged = None
        self.blank = Blank.NONE
        self._put_live(staged, "take")

    def show(self, slide: Slide, *, live: bool = True, label: str = "") -> None:
        """A panel asks for ``slide``: live now, or staged in the preview."""
        if not live:
            self.stage(slide, label)
            return
        key = _run_key_for(slide, self.items, self.live_round)
        index = self._index(key) if key is not None else -1
        item = (
            msgspec.structs.replace(self.items[index], slide=slide)
            if index >= 0
            else ShowItem("", label or _label_of(slide), slide)
        )
        self.blank = Blank.NONE
        self._put_live(item, "show")

    def show_message(self, text: str, *, live: bool = True) -> None:
        """A message typed by the facilitator ("Five minutes left"); blank text is ignored."""
        text = text.strip()
        if text:
            self.show(MessageSlide(text), live=live, label=text)

    def _put_live(self, item: ShowItem, action: str) -> None:
        index = self._index(item.key) if item.key else -1
        if index >= 0:
            self.items = _replaced(self.items, index, item)
            self.extra = None
            self.position = index
            if item.round_index is not None and item.key == round_key(item.round_index):
                self.live_round = item.round_index  # a round's slide put up on purpose starts it
        else:
            self.extra = item
        self._drop_stale_stage()
        self._commit(action)

    def _drop_stale_stage(self) -> None:
        if self.staged is not None and self.staged.key and self.staged.key == self.live_item.key:
            self.staged = None

    # -- look, clock, content ---------------------------------------------------------------

    def set_look(self, look: Look) -> None:
        if look is not self.look:
            self.look = look
            self._commit("look")

    def set_clock(self, face: ClockFace | None) -> None:
        """The live round's clock at its latest shown second; never logged."""
        self.clock = face

    def set_live_round(self, index: int | None) -> None:
        """Which round the clock belongs to, without moving the projector."""
        self.live_round = index

    def refresh(self, key: str, slide: Slide) -> None:
        """New content for an item (themes arrived on the wall): not a change of item."""
        index = self._index(key)
        if index >= 0:
            self.items = _replaced(
                self.items, index, msgspec.structs.replace(self.items[index], slide=slide)
            )
            if self.staged is not None and self.staged.key == key:
                self.staged = self.items[index]
            self._signature = self._live_signature()

    def refresh_extra(self, slide: Slide) -> bool:
        """New content for the extra slide on screen when it is of ``slide``'s kind (dots
        arriving on the dot vote, the room's questions up-voted): not a step, so a black-out
        stays. False if it is not."""
        if self.extra is None or type(self.extra.slide) is not type(slide):
            return False
        self.extra = msgspec.structs.replace(self.extra, slide=slide)
        self._signature = self._live_signature()
        return True

    def replace_run(self, items: Sequence[ShowItem]) -> None:
        """A new run (plan, deck or event details changed): stay on the same item if it is
        still there, else on the item at the same place."""
        if not items:
            raise ValueError("a run needs at least one item")
        key = self.items[self.position].key
        self.items = tuple(items)
        index = self._index(key)
        self.position = index if index >= 0 else min(self.position, len(self.items) - 1)
        if self.staged is not None and self.staged.key:
            staged_index = self._index(self.staged.key)
            self.staged = self.items[staged_index] if staged_index >= 0 else None
        self._commit("rebuild")

    # -- helpers ----------------------------------------------------------------------------

    def _index(self, key: str | None) -> int:
        return next((i for i, it in enumerate(self.items) if it.key == key), -1)

    def _with_clock(self, slide: Slide) -> Slide:
        if (
            isinstance(slide, RoundSlide)
            and self.clock is not None
            and self.live_round is not None
            and slide.number == self.live_round + 1
        ):
            # the room sees where to go next in the last stretch (red) and after time is up
            ending = self.clock.phase in (ClockPhase.RED, ClockPhase.OVERTIME)
            return msgspec.structs.replace(
                slide, clock=self.clock, show_move=ending and bool(slide.move)
            )
        return slide

    def _live_signature(self) -> tuple[object, ...]:
        item = self.live_item
        # a run item is the same item whatever its content; an extra slide is its content
        return (item.key or item.slide, self.blank, self.look)

    def _commit(self, action: str) -> None:
        signature = self._live_signature()
        if signature == self._signature:
            return
        self._signature = signature
        if self.on_change is not None:
            self.on_change(self.describe(action))

    def describe(self, action: str) -> dict[str, Any]:
        """The timeline record of what is live now."""
        item = self.live_item
        detail: dict[str, Any] = {
            "action": action,
            "item": item.key,
            "slide": slide_kind(item.slide),
            "label": item.label[:MAX_LOGGED_TEXT],
            "blank": self.blank.value,
            "look": self.look.value,
        }
        if item.round_index is not None:
            detail["round"] = item.round_index + 1
        return detail

    def summary(self) -> Mapping[str, str]:
        """Short texts for the console: what is live and what is next."""
        preview = self.preview_item
        live = self.live_item.label
        if self.blank is not Blank.NONE:
            live = f"{self.blank.value.upper()} — under it: {live}"
        return {"live": live, "preview": END_OF_RUN if preview is None else preview.label}


def _replaced(items: tuple[ShowItem, ...], index: int, item: ShowItem) -> tuple[ShowItem, ...]:
    return (*items[:index], item, *items[index + 1 :])


def _label_of(slide: Slide) -> str:
    if isinstance(slide, MessageSlide):
        return slide.text
    title = getattr(slide, "title", "")
    if isinstance(slide, CardSlide):
        title = slide.card.title
    kind = slide_kind(slide).capitalize()
    return f"{kind}: {title}" if title else kind

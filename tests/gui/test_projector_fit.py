"""Every projector view fits every screen: nothing clipped, hero text large enough.

The slides are the screenshot script's samples (scripts/screenshots.py), built from the
bundled deck and plan, plus long and awkward texts; every slide type with a registered
painter must have one. Each is rendered at 1280x720, 1920x1080 and 3840x2160.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSize

from facilitator.core.projector_state import Look, ProjectorState
from facilitator.ui.projector import render_image
from facilitator.ui.views import registered_types

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
SIZES = [QSize(1280, 720), QSize(1920, 1080), QSize(3840, 2160)]
NO_HERO = {"draw"}  # a face-down card: the deck's name on its back, no text to read


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshots", module)
    spec.loader.exec_module(module)
    return module


SCREENSHOTS = load_script()
HERO_CAP: float = SCREENSHOTS.HERO_CAP  # prompts, titles, messages: 4% of the screen height
DENSE: dict[str, float] = SCREENSHOTS.DENSE  # lower floors for views with many texts


def cases(long: bool) -> list[tuple[str, object, QSize]]:
    return [
        (name, slide, size)
        for name, slide in SCREENSHOTS.sample_slides(long).items()
        for size in SIZES
    ]


def test_every_registered_slide_type_has_samples(qapp) -> None:
    for long in (False, True):
        kinds = {type(s) for s in SCREENSHOTS.sample_slides(long).values()}
        assert registered_types() <= kinds, registered_types() - kinds


@pytest.mark.parametrize("long", [False, True], ids=["typical", "long"])
def test_no_text_is_clipped_at_any_size(qapp, long: bool) -> None:
    clipped = {}
    for name, slide, size in cases(long):
        _image, report = render_image(ProjectorState(slide), size)  # type: ignore[arg-type]
        if report.clipped:
            clipped[f"{name}-{size.height()}p"] = report.clipped
    assert clipped == {}


def test_hero_text_is_readable_from_the_back_of_the_room(qapp) -> None:
    small = {}
    for name, slide, size in cases(False):
        _image, report = render_image(ProjectorState(slide), size)  # type: ignore[arg-type]
        cap = report.smallest_cap_height / size.height()
        if name in NO_HERO:
            continue
        assert cap > 0, f"{name} reports no hero text"
        if cap < DENSE.get(name, HERO_CAP):
            small[f"{name}-{size.height()}p"] = round(cap, 4)
    assert small == {}


def test_long_prompts_messages_and_titles_keep_4_percent_caps(qapp) -> None:
    """A long message, welcome or holding title wraps and shrinks, but stays readable."""
    slides = SCREENSHOTS.sample_slides(True)
    for name in ("welcome", "holding", "message"):
        for size in SIZES:
            _image, report = render_image(ProjectorState(slides[name]), size)
            assert report.smallest_cap_height / size.height() >= HERO_CAP, name


def test_the_high_contrast_look_fits_too(qapp) -> None:
    for name, slide in SCREENSHOTS.sample_slides(True).items():
        _image, report = render_image(ProjectorState(slide, look=Look.CONTRAST), SIZES[0])  # type: ignore[arg-type]
        assert report.clipped == [], name

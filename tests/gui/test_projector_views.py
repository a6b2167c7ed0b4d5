"""One registry of projector views: every slide type has exactly one view, found by type."""

from __future__ import annotations

from typing import get_args

from facilitator.core.projector_state import Slide
from facilitator.ui.views import VIEWS, registered_types


def test_every_slide_type_has_a_view_in_the_registry() -> None:
    assert set(VIEWS) == set(get_args(Slide))
    assert registered_types() == set(VIEWS)


def test_each_view_loads_its_painter() -> None:
    for slide_type, load in VIEWS.items():
        assert callable(load()), slide_type.__name__

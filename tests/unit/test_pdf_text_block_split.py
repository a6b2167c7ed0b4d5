"""A block of entries split page after page measures what is left of it from what it had
measured, and gets exactly what measuring it afresh gives: the same spaces, heights and
places where it may be cut, so pages break where they always did (only faster: a card's
thousands of entries no longer cost their whole length on every page)."""

from __future__ import annotations

from datetime import UTC

import pytest

from facilitator.core.harvest import build_harvest
from facilitator.export import report
from facilitator.export.pdf.fonts import fonts
from facilitator.export.pdf.rounds import most_tagged
from facilitator.export.pdf.style import BODY_W, make_styles
from facilitator.export.pdf.text_block import TextBlock
from facilitator.store.db import EventStore
from unit.harvest_sample import big_event


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[TextBlock]:
    path = big_event(tmp_path_factory.mktemp("split"), 1500, tables=5)
    with EventStore.open(path, readonly=True) as store:
        harvest = build_harvest(store, tz=UTC)
    most = next(b for b in report.outline(harvest) if isinstance(b, report.MostTagged))
    f = fonts()
    found = [b for b in most_tagged(most, make_styles(f), f) if isinstance(b, TextBlock)]
    assert len(found) == len(most.cards) and len(found[0].items) > 100
    return found


@pytest.mark.parametrize("page", [90.0, 233.5, 700.0])
def test_what_is_left_after_each_page_measures_as_if_afresh(
    blocks: list[TextBlock], page: float
) -> None:
    for block in blocks:
        block.wrap(BODY_W, page)
        pages = 0
        while block.height > page:
            parts = block.split(BODY_W, page)
            assert len(parts) == 2, "a block taller than the page splits"
            head, tail = parts
            assert isinstance(tail, TextBlock)
            assert tail._cuts is not None, "measured from the block, before any wrap"
            assert head.wrap(BODY_W, page)[1] <= page
            afresh = TextBlock(tail.items, tail.fonts, rows=tail._rows, laid_width=BODY_W)
            tail.wrap(BODY_W, page)
            assert tail._gaps == afresh._gaps
            assert tail._cum == afresh._cum
            assert tail._cuts_of(BODY_W) == afresh._cuts_of(BODY_W)
            assert (tail.spaceBefore, tail.spaceAfter) == (afresh.spaceBefore, afresh.spaceAfter)
            block, pages = tail, pages + 1
        assert pages > 0 or block.height <= page

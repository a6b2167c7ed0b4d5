"""The dot vote's slide, from the vote, its groups and their dots (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.core.group_wall import tables_said
from facilitator.core.groups import DotVote, Group, ranked, short_label
from facilitator.core.projector_state import DotRow, DotsSlide
from facilitator.core.records import TableInfo, Theme

TITLE = "What matters most? Place your dots"
NAME_CHARS = 70  # a longer group name is cut with "…" on the projector
RESULTS = "What the room chose"


def build_dots_slide(
    vote: DotVote,
    groups: Sequence[Group],
    tally: dict[str, int],
    voters: int,
    entries: Sequence[Theme],
    tables: Sequence[TableInfo],
    url: str = "",
) -> DotsSlide:
    """While open: the groups in their order, dots growing (or hidden); closed: ranked."""
    table_of = {t.id: t.table_id for t in entries}

    def said(group: Group) -> str:
        return tables_said([table_of.get(i) for i in group.entry_ids if i in table_of], tables)

    if vote.is_open:
        rows = tuple(
            DotRow(short_label(g.name, NAME_CHARS), said(g), tally.get(g.id, 0)) for g in groups
        )
    else:
        order = ranked(tally, list(groups))
        counts = [dots for _g, dots in order]
        # a tie shares its place: 1, 1, 3
        rows = tuple(
            DotRow(
                short_label(g.name, NAME_CHARS), said(g), dots, 1 + sum(c > dots for c in counts)
            )
            for g, dots in order
        )
    return DotsSlide(
        title=TITLE if vote.is_open else RESULTS,
        rows=rows,
        closed=not vote.is_open,
        hidden=vote.hidden and vote.is_open,
        voters=voters,
        url=url if vote.is_open else "",
    )

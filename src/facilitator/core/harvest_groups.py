"""The room's groups in the harvest: each with its entries, the tables that said it, and
the dots it got in its dot vote; the groups with the most dots first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from facilitator.core.groups import DotVote, Group
from facilitator.core.harvest_model import HarvestGroup, HarvestRound, HarvestTheme


class GroupSource(Protocol):
    def all_groups(self) -> list[Group]: ...
    def dot_votes(self) -> list[DotVote]: ...
    def dot_tally(self, vote_id: str) -> tuple[dict[str, int], int]: ...


def read_groups(
    store: GroupSource, themes: Sequence[HarvestTheme], rounds: Sequence[HarvestRound]
) -> tuple[HarvestGroup, ...]:
    by_id = {t.id: t for t in themes}
    round_by_id = {r.id: r for r in rounds}
    dots: dict[str, int] = {}
    places: dict[str, int] = {}
    for vote in store.dot_votes():
        tally, _voters = store.dot_tally(vote.id)
        counts = {g: tally.get(g, 0) for g in vote.group_ids}
        for group_id, n in counts.items():
            dots[group_id] = n
            places[group_id] = 1 + sum(other > n for other in counts.values())
    out = []
    for group in store.all_groups():
        entries = tuple(by_id[i] for i in group.entry_ids if i in by_id)
        if not entries:
            continue
        tables = sorted({t.table for t in entries if t.table is not None}, key=lambda t: t.number)
        out.append(
            HarvestGroup(
                id=group.id,
                name=group.name,
                round=round_by_id.get(group.round_id) if group.round_id else None,
                entries=entries,
                tables=tuple(t.label for t in tables),
                dots=dots.get(group.id),
                place=places.get(group.id),
            )
        )
    # most dots first; then the most tables; a tie keeps the groups' own order
    order = sorted(range(len(out)), key=lambda i: (-(out[i].dots or 0), -len(out[i].tables), i))
    return tuple(out[i] for i in order)

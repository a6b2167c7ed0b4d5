"""The report's one-page summary, right after its cover: what the room chose.

The groups the room ranked highest (by their dots; without a dot vote, the groups said at
the most tables) with their dots and tables; three headline quotes (quotes from those
groups first, then the event's other quotes, then the first words of the top groups); the
cards that struck a chord; and the actions. Built here once, as a block of the report's
outline (export/report.py), that the md, html and pdf writers render.
"""

from __future__ import annotations

from msgspec import Struct

from facilitator.core.harvest import Harvest, HarvestTheme

SUMMARY_TITLE = "At a glance"
RANKED_TITLE = "What the room ranked highest"
GROUPS_TITLE = "What the room grouped together"
QUOTES_TITLE = "In their words"
CARDS_TITLE = "The cards that struck a chord"
ACTIONS_TITLE = "Actions"
TOP_GROUPS = 5
HEADLINE_QUOTES = 3
TOP_CARDS = 3
ACTIONS_SHOWN = 8
TEXT_CHARS = 240  # a longer quote or action is cut with "…": the rounds have it whole


class SummaryGroup(Struct, frozen=True):
    place: str  # "1." (by dots), "" without a dot vote
    name: str
    detail: str  # "14 dots · 5 tables: Table 1, Table 3, …"


class SummaryLine(Struct, frozen=True):
    text: str
    where: str  # "Table 3"


class Summary(Struct, frozen=True):
    title: str
    groups_title: str
    groups: tuple[SummaryGroup, ...]
    quotes_title: str
    quotes: tuple[SummaryLine, ...]
    cards_title: str
    cards: tuple[str, ...]  # "Mindset (Being) · 6 picks, 4 tables"
    actions_title: str
    actions: tuple[SummaryLine, ...]
    more_actions: int

    @property
    def headings(self) -> list[str]:
        """The level-3 headings of its parts that have something, in order."""
        parts = (
            (self.groups_title, self.groups),
            (self.quotes_title, self.quotes),
            (self.cards_title, self.cards),
            (self.actions_title, self.actions),
        )
        return [title for title, shown in parts if shown]


def _cut(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TEXT_CHARS else line[: TEXT_CHARS - 1].rstrip() + "…"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _line(theme: HarvestTheme) -> SummaryLine:
    return SummaryLine(_cut(theme.text), theme.table_label)


def _headline_quotes(harvest: Harvest) -> list[HarvestTheme]:
    top = harvest.groups[:TOP_GROUPS]
    quotes = [t for g in top for t in g.entries if t.kind == "quote"]
    quotes += [t for t in harvest.themes if t.kind == "quote"]
    quotes += [g.entries[0] for g in top]  # no quotes: the first words of the top groups
    chosen: list[HarvestTheme] = []
    seen: set[str] = set()
    for theme in quotes:
        key = " ".join(theme.text.casefold().split())
        if key not in seen:
            seen.add(key)
            chosen.append(theme)
        if len(chosen) == HEADLINE_QUOTES:
            break
    return chosen


def summary(harvest: Harvest) -> Summary | None:
    """The summary, or None when there is nothing to sum up (no groups, quotes, picks or
    actions: the report starts with its agenda, as it did)."""
    voted = any(g.dots is not None for g in harvest.groups)
    groups = tuple(
        SummaryGroup(
            place=f"{g.place}." if voted and g.place is not None else "",
            name=g.name,
            detail=" · ".join(
                part
                for part in (
                    _plural(g.dots, "dot", "dots") if g.dots is not None else "",
                    f"{_plural(len(g.tables), 'table', 'tables')}: {', '.join(g.tables)}"
                    if g.tables
                    else _plural(len(g.entries), "entry", "entries"),
                )
                if part
            ),
        )
        for g in harvest.groups[:TOP_GROUPS]
    )
    cards = tuple(
        f"{b.card.title}"
        + (f" ({b.card.suit_name})" if b.card.suit_name else "")
        + f" · {_plural(b.picks, 'pick', 'picks')}"
        + (f", {_plural(len(b.tables), 'table', 'tables')}" if b.tables else "")
        for b in harvest.tally[:TOP_CARDS]
    )
    actions = [t for t in harvest.themes if t.kind == "action"]
    quotes = _headline_quotes(harvest)
    if not (groups or quotes or cards or actions):
        return None
    return Summary(
        title=SUMMARY_TITLE,
        groups_title=RANKED_TITLE if voted else GROUPS_TITLE,
        groups=groups,
        quotes_title=QUOTES_TITLE,
        quotes=tuple(_line(t) for t in quotes),
        cards_title=CARDS_TITLE,
        cards=cards,
        actions_title=ACTIONS_TITLE,
        actions=tuple(_line(t) for t in actions[:ACTIONS_SHOWN]),
        more_actions=max(0, len(actions) - ACTIONS_SHOWN),
    )

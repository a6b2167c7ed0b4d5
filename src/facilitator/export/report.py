"""What the md, html and pdf reports say, in one place, so the three read the same.

The report: a cover (event, venue, date, counts); the agenda with planned and actual
times; for each round its prompts, then the themes by table with quotes set apart, then
the round's questions and actions; the card tally as a chart in suit colours; the
most-tagged cards with the entries tagged to them.
"""

from __future__ import annotations

from msgspec import Struct

from facilitator.core.harvest import Harvest, HarvestRound, HarvestTheme
from facilitator.core.records import KIND_LABELS, KIND_PLURALS, KINDS

TALLY_TITLE = "Which card struck a chord?"
MOST_TAGGED_TITLE = "The cards tables talked about most"
EMPTY_ROUND = "Nothing was noted in this round."
NO_PICKS = "No card picks were recorded."
MOST_TAGGED_SHOWN = 8  # entries listed under each most-tagged card; the rest are counted
FORMAT_LABELS = {
    "tables": "Tables",
    "pairs": "Pairs",
    "trios": "Trios",
    "solo": "Solo",
    "plenary": "Whole room",
}


class AgendaRow(Struct, frozen=True):
    number: str
    title: str
    format: str
    planned: str  # "09:30–09:45 · 15 min" or "15 min"
    actual: str  # "09:32–09:49 · 17 min", "" when the round has not run


def _minutes_text(minutes: float) -> str:
    return f"{minutes:g} min" if minutes < 10 else f"{round(minutes)} min"


def _span(harvest: Harvest, start: str | None, end: str | None, minutes: float | None) -> str:
    first, last = harvest.clock(start), harvest.clock(end)
    parts = []
    if first and last:
        parts.append(f"{first}–{last}")
    elif first:
        parts.append(f"from {first}")
    if minutes is not None:
        parts.append(_minutes_text(minutes))
    return " · ".join(parts)


def agenda(harvest: Harvest) -> list[AgendaRow]:
    return [
        AgendaRow(
            number=str(r.number),
            title=r.title,
            format=FORMAT_LABELS.get(r.format, r.format),
            planned=_span(harvest, r.planned_start, r.planned_end, r.minutes),
            actual=_span(harvest, r.actual_start, r.actual_end, r.actual_minutes)
            if r.actual_start
            else "",
        )
        for r in harvest.rounds
    ]


def subtitle(harvest: Harvest) -> str:
    """``14 March 2025 · Kings Place, London``."""
    return " · ".join(p for p in (harvest.date_text, harvest.event.venue) if p)


def counts(harvest: Harvest) -> list[tuple[str, str]]:
    """(figure, label) pairs for the cover, e.g. ("12", "tables")."""
    kinds = harvest.kind_counts
    pairs = [
        _pair(harvest.tables_heard, "table heard", "tables heard"),
        _pair(len(harvest.rounds), "round", "rounds"),
    ]
    pairs += [_pair(kinds[k], KIND_LABELS[k].lower(), KIND_PLURALS[k].lower()) for k in KINDS]
    pairs.append(_pair(len(harvest.picks), "card pick", "card picks"))
    return pairs


def _pair(n: int, one: str, many: str) -> tuple[str, str]:
    return f"{n:,}", one if n == 1 else many


def counts_line(harvest: Harvest) -> str:
    return " · ".join(f"{figure} {label}" for figure, label in counts(harvest))


def people_line(harvest: Harvest) -> str:
    event = harvest.event
    bits = []
    if event.facilitator:
        bits.append(f"Facilitated by {event.facilitator}")
    bits.append(f"Deck: {harvest.deck.name}")
    return " · ".join(bits)


def exported_line(harvest: Harvest) -> str:
    moment = harvest.local(harvest.exported_at)
    when = f"{moment.day} {moment.strftime('%B %Y, %H:%M')}" if moment else ""
    return f"Harvest exported {when}"


COVER_QUESTIONS = 8  # prompts listed on the cover; the rounds list them all


def cover_questions(harvest: Harvest) -> tuple[list[str], int]:
    """The prompts the tables talked about (not the whole-room instructions), for the cover,
    and how many more there are."""
    prompts = [p for r in harvest.rounds if r.format != "plenary" for p in r.prompts]
    return prompts[:COVER_QUESTIONS], max(0, len(prompts) - COVER_QUESTIONS)


def top_card_line(harvest: Harvest) -> str:
    """``Most chosen card: Mindset (3 of 6 picks)``; "" without picks."""
    if not harvest.tally:
        return ""
    best = harvest.tally[0].picks
    top = [b.card.title for b in harvest.tally if b.picks == best]
    total = len(harvest.picks)
    if len(top) == 1:
        return f"Most chosen card: {top[0]} ({best} of {total} picks)"
    names = ", ".join(top[:-1]) + f" and {top[-1]}"
    return f"Most chosen cards: {names} ({best} picks each, of {total})"


def round_meta(harvest: Harvest, r: HarvestRound | None) -> str:
    """``Tables · 15 min planned · ran 09:32–09:49``."""
    if r is None:
        return "Entries typed outside the rounds of the plan"
    bits = [FORMAT_LABELS.get(r.format, r.format), f"{_minutes_text(r.minutes)} planned"]
    if r.actual_start:
        bits.append(f"ran {_span(harvest, r.actual_start, r.actual_end, None)}".rstrip())
    return " · ".join(bits)


def cards_note(theme: HarvestTheme) -> str:
    """``Mindset, Relationships`` for an entry's tagged cards, "" when none."""
    return ", ".join(dict.fromkeys(c.title for c in theme.cards))


OPENING_QUOTES = ("“", '"', "‘", "'", "«", "„", "「")


def quoted(text: str) -> str:
    """A quote in quotation marks, unless the scribe typed them."""
    text = text.strip()
    return text if text.startswith(OPENING_QUOTES) else f"“{text}”"


def where(theme: HarvestTheme) -> str:
    """``Table 3, round 2`` for lists that gather entries from several places."""
    bits = [theme.table_label]
    if theme.round is not None:
        bits.append(f"round {theme.round.number}")
    return ", ".join(bits)

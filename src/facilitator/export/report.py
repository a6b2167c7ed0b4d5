"""What the md, html and pdf reports say, in one place, so the three read the same.

The report: a cover (event, venue, date, organiser, counts, the questions); a one-page
summary of what the room chose (export/summary.py); the agenda with planned and actual
times; for each round its prompts, then the entries by table with quotes set apart, then
the round's questions and actions; the card tally as a chart in suit colours; the room's
votes, questions and survey (export/sections/); the most-tagged cards with every entry
tagged to them.

Words, the same in every format: what tables said are *entries*, of four kinds (theme,
quote, question, action); the deck's groups of cards are called by the deck's own word
(its ``suit_label``, "suit" when it names none), and "deck theme" where that word is one
of the kinds (:func:`suit_word`), so "theme" never means two things.

:func:`outline` builds that once from a harvest, as a sequence of typed blocks; each
report writer renders the blocks in order and decides only how they look. The order of
the parts and every heading's text come from here, so they cannot differ between the
md, the html and the pdf. Heading levels: the cover's title is the one level-1 heading;
:class:`Agenda`, :class:`RoundPart`, :class:`Tally` and :class:`MostTagged` open a
level-2 section; :class:`TableEntries`, :class:`KindEntries` and :class:`TaggedEntries`
are level-3 headings inside them. The room's votes and the feedback survey
(export/sections/) open a level-2 section too, each question a level-3 heading.
"""

from __future__ import annotations

from msgspec import Struct

from facilitator.core.deck import Deck
from facilitator.core.harvest import (
    CardRef,
    Harvest,
    HarvestRound,
    HarvestTheme,
    TallyBar,
)
from facilitator.core.records import KIND_LABELS, KIND_PLURALS, KINDS
from facilitator.export.sections.room_questions import RoomQuestions, room_questions_section
from facilitator.export.sections.survey import SurveySection, survey_section
from facilitator.export.sections.votes import RoomVotes, room_votes
from facilitator.export.summary import Summary, summary

AGENDA_TITLE = "Agenda"
TALLY_TITLE = "Which card struck a chord?"
MOST_TAGGED_TITLE = "The cards tables talked about most"
MOST_TAGGED_NOTE = "The cards tagged most often in what the tables said, with those entries."
ROUND_KINDS = (("question", "Questions raised"), ("action", "Actions"))  # after the tables
EMPTY_ROUND = "Nothing was noted in this round."
NO_PICKS = "No card picks were recorded."
# entries listed under a most-tagged card: every one at any real event; past this (an event
# of tens of thousands) the rest are said to be where they are, not printed a second time
MOST_TAGGED_LISTED = 200
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


def suit_word(deck: Deck) -> tuple[str, str]:
    """What the deck calls its suits, singular and plural, in lower case: ``("stage",
    "stages")``; ``("deck theme", "deck themes")`` for a deck that calls them "Theme", so
    that a suit is never confused with an entry of kind theme."""
    word = " ".join(deck.suit_label.split()).lower() or "suit"
    plural = word if word.endswith("s") else word + "s"
    if word in KINDS or word in {k + "s" for k in KINDS}:
        word, plural = f"deck {word.removesuffix('s')}", f"deck {word.removesuffix('s')}s"
    return word, plural


def counts(harvest: Harvest) -> list[tuple[str, str]]:
    """(figure, label) pairs for the cover, e.g. ("12", "tables heard"): the entries, then
    how many of each kind."""
    kinds = harvest.kind_counts
    pairs = [
        _pair(harvest.tables_heard, "table heard", "tables heard"),
        _pair(len(harvest.rounds), "round", "rounds"),
        _pair(len(harvest.themes), "entry", "entries"),
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
QUESTION_MARKS = ("?", "？", "؟", "\u037e", "⸮", "՞", "፧")  # Latin, CJK, Arabic, Greek…


def is_question(prompt: str) -> bool:
    """A prompt that asks (ends with a question mark, closing quotes aside), not a round's
    instruction such as "Lay the cards out and read them together."."""
    return prompt.rstrip().rstrip("\"'”’»)]").endswith(QUESTION_MARKS)


def cover_questions(harvest: Harvest) -> tuple[list[str], int]:
    """The questions the tables talked about, for the cover (not the whole room's rounds,
    nor a round's instructions), and how many more there are."""
    prompts = [
        p for r in harvest.rounds if r.format != "plenary" for p in r.prompts if is_question(p)
    ]
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


def where(theme: HarvestTheme, *, with_round: bool = True) -> str:
    """``Table 3, round 2`` for lists that gather entries from several places; ``Table 3``
    inside the round's own section (``with_round`` false)."""
    bits = [theme.table_label]
    if with_round and theme.round is not None:
        bits.append(f"round {theme.round.number}")
    return ", ".join(bits)


# -- the outline -------------------------------------------------------------------------------


class Cover(Struct, frozen=True):
    title: str  # the event's title: the report's one level-1 heading
    subtitle: str  # "" when the event has no date nor venue
    organiser: str  # the organiser's line, as typed in the event details; "" when none
    logo_png: bytes | None  # the organiser's logo (an RGB PNG), None when none
    people: str
    counts: tuple[tuple[str, str], ...]  # (figure, label)
    top_card: str  # "" without picks
    questions: tuple[str, ...]
    more_questions: int  # prompts left off the cover
    exported: str
    plan_title: str  # "" when it is the event's title


class Agenda(Struct, frozen=True):
    title: str
    rows: tuple[AgendaRow, ...]


class TableEntries(Struct, frozen=True):
    """One table's themes, then its quotes, under the table's name."""

    title: str
    themes: tuple[HarvestTheme, ...]
    quotes: tuple[HarvestTheme, ...]


class KindEntries(Struct, frozen=True):
    """A round's entries of one kind from every table (questions raised, actions)."""

    title: str
    entries: tuple[HarvestTheme, ...]


class RoundPart(Struct, frozen=True):
    title: str
    meta: str
    prompts: tuple[str, ...]
    empty: str  # what to say when nothing was noted, "" otherwise
    parts: tuple[TableEntries | KindEntries, ...]


class Tally(Struct, frozen=True):
    title: str
    bars: tuple[TallyBar, ...]  # most picked first; none: say ``empty``
    empty: str
    picks: int
    suit_word: str  # what the deck calls a suit, lower case (:func:`suit_word`)

    @property
    def picks_line(self) -> str:
        """``28 picks by deck theme``, before the legend of suits."""
        return f"{self.picks:,} {'pick' if self.picks == 1 else 'picks'} by {self.suit_word}"


class TaggedEntries(Struct, frozen=True):
    """A most-tagged card: its title, ``detail`` (suit and count), the entries tagged."""

    title: str
    detail: str  # "Being · 3 entries"
    card: CardRef
    entries: tuple[HarvestTheme, ...]  # all of them, up to MOST_TAGGED_LISTED
    rest: str = ""  # where the entries past MOST_TAGGED_LISTED are; "" when all are listed


def rest_note(card: str, more: int) -> str:
    return (
        f"and {more:,} more tagged {card}: each shows the card in its round above, and the "
        "Entries sheet of the Excel workbook lists them all (filter its Cards column)"
    )


class MostTagged(Struct, frozen=True):
    title: str
    note: str
    cards: tuple[TaggedEntries, ...]


Block = (
    Cover
    | Summary
    | Agenda
    | RoundPart
    | Tally
    | RoomVotes
    | MostTagged
    | RoomQuestions
    | SurveySection
)


def outline(harvest: Harvest) -> list[Block]:
    """The report, in order: what every report writer renders."""
    questions, more = cover_questions(harvest)
    event = harvest.event
    blocks: list[Block] = [
        Cover(
            title=event.title,
            subtitle=subtitle(harvest),
            organiser=event.organiser,
            logo_png=event.logo_png,
            people=people_line(harvest),
            counts=tuple(counts(harvest)),
            top_card=top_card_line(harvest),
            questions=tuple(questions),
            more_questions=more,
            exported=exported_line(harvest),
            plan_title=harvest.plan_title if harvest.plan_title != event.title else "",
        ),
    ]
    glance = summary(harvest)  # what the room chose, on a page of its own
    if glance is not None:
        blocks.append(glance)
    blocks.append(Agenda(AGENDA_TITLE, tuple(agenda(harvest))))
    for section in harvest.sections:
        parts: list[TableEntries | KindEntries] = []
        if section.count:
            for group in section.groups:
                themes, quotes = group.of_kind("theme"), group.of_kind("quote")
                if themes or quotes:
                    parts.append(TableEntries(group.label, themes, quotes))
            for kind, heading in ROUND_KINDS:
                entries = section.of_kind(kind)
                if entries:
                    parts.append(KindEntries(heading, entries))
        blocks.append(
            RoundPart(
                title=section.title,
                meta=round_meta(harvest, section.round),
                prompts=section.round.prompts if section.round is not None else (),
                empty="" if section.count else EMPTY_ROUND,
                parts=tuple(parts),
            )
        )
    blocks.append(
        Tally(TALLY_TITLE, harvest.tally, NO_PICKS, len(harvest.picks), suit_word(harvest.deck)[0])
    )
    votes = room_votes(harvest)  # the room's votes beside the tables' picks, never summed
    if votes is not None:
        blocks.append(votes)
    if harvest.most_tagged:
        cards = []
        for tagged in harvest.most_tagged:
            n = len(tagged.themes)
            count = f"{n:,} {'entry' if n == 1 else 'entries'}"
            cards.append(
                TaggedEntries(
                    title=tagged.card.title,
                    detail=" · ".join(p for p in (tagged.card.suit_name, count) if p),
                    card=tagged.card,
                    entries=tagged.themes[:MOST_TAGGED_LISTED],
                    rest=rest_note(tagged.card.title, n - MOST_TAGGED_LISTED)
                    if n > MOST_TAGGED_LISTED
                    else "",
                )
            )
        blocks.append(MostTagged(MOST_TAGGED_TITLE, MOST_TAGGED_NOTE, tuple(cards)))
    asked = room_questions_section(harvest)
    if asked is not None:
        blocks.append(asked)
    survey = survey_section(harvest)  # the delegates' feedback, last
    if survey is not None:
        blocks.append(survey)
    return blocks

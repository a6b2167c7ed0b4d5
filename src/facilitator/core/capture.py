"""What a scribe types, understood: the kind of an entry, its card tags, the table number.

Pure functions, no Qt: the capture panel calls them on every keystroke, so they stay cheap.
The text itself is never changed here; what the scribe typed is what gets stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from msgspec import Struct

from facilitator.core.deck import Card, Deck

# Not a kind of entry: the panel's mode for "which card struck a chord?"
PICK = "pick"

# opening mark -> closing marks that may end it (typographic styles of many languages)
_QUOTE_PAIRS: dict[str, str] = {
    '"': '"“”',
    "“": "”“",
    "”": "”",
    "„": "“”",
    "«": "»",
    "»": "«»",
    "‹": "›",
    "›": "‹›",
    "「": "」",
    "『": "』",
    "'": "'’",
    "‘": "’‘",
    "‚": "‘’",
    "’": "’",
}
_SINGLE = "'‘’‚"  # single marks double as apostrophes: the whole text must be enclosed
_DASHES = "-–—~"  # an attribution after a quote: “We need trust” — Sam

_TAG = re.compile(r"#([^\s#]+)")
_TRAILING = ".,;:!?)]}\"'”’»›…"
_SLUG = re.compile(r"[^0-9a-z]+")


def slug(text: str) -> str:
    """Lower-case letters and digits joined by '-': how card titles are typed as tags."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    return _SLUG.sub("-", ascii_only).strip("-")


# -- kinds -------------------------------------------------------------------------------------


def is_quoted(text: str) -> bool:
    """True when the entry is a quotation: enclosed in quotation marks of any style.

    A double-mark quote may be followed by an attribution (``"We need trust" - Sam``);
    single marks must enclose the whole entry, since they also serve as apostrophes.
    """
    body = strip_tags(text).strip()
    if len(body) < 3:
        return False
    opening = body[0]
    closing_marks = _QUOTE_PAIRS.get(opening)
    if closing_marks is None:
        return False
    if body[-1] in closing_marks:
        return True
    if opening in _SINGLE:
        return False
    # "..." — attribution: the closing mark, then a dash, then a short name
    for index in range(len(body) - 1, 1, -1):
        if body[index] in closing_marks:
            rest = body[index + 1 :].strip()
            return bool(rest) and rest[0] in _DASHES and len(rest) <= 60
    return False


def suggest_kind(text: str) -> str:
    """The kind natural typing suggests: a quotation is a quote, a '?' ending a question.

    Only a suggestion: a kind the scribe chose with a key always wins.
    """
    if is_quoted(text):
        return "quote"
    body = strip_tags(text).rstrip()
    if body.endswith(("?", "？", "¿", "؟")):
        return "question"
    return "theme"


# -- card tags ---------------------------------------------------------------------------------


class Tag(Struct, frozen=True):
    """One ``#tag`` in the text: where it is, what was typed, and the card it names."""

    start: int  # index of '#'
    end: int  # index after the tag
    word: str  # what follows '#', trailing punctuation removed
    card: str | None  # the card's id, None when the tag names no card


def _card_index(deck: Deck) -> dict[str, str]:
    index: dict[str, str] = {}
    for card in deck.cards:
        for key in (slug(card.title), slug(card.id)):
            if key:
                index.setdefault(key, card.id)
    for card in deck.cards:  # an exact id always wins over another card's title slug
        index[slug(card.id)] = card.id
    return index


class TagIndex:
    """Resolves ``#tags`` against a deck's card ids and titles, and completes prefixes."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self._index = _card_index(deck)
        self._cards = {c.id: c for c in deck.cards}

    def resolve(self, word: str) -> str | None:
        """The id of the card a tag names (by id or title, any case, any punctuation)."""
        key = slug(word)
        return self._index.get(key) if key else None

    def card(self, card_id: str) -> Card | None:
        return self._cards.get(card_id)

    def tags(self, text: str) -> list[Tag]:
        found: list[Tag] = []
        for match in _TAG.finditer(text):
            word = match.group(1).rstrip(_TRAILING)
            if not word:
                continue
            start = match.start()
            found.append(Tag(start, start + 1 + len(word), word, self.resolve(word)))
        return found

    def cards_in(self, text: str) -> tuple[str, ...]:
        """Card ids tagged in the text, in order, each once."""
        seen: dict[str, None] = {}
        for tag in self.tags(text):
            if tag.card is not None:
                seen.setdefault(tag.card, None)
        return tuple(seen)

    def unknown_in(self, text: str) -> tuple[str, ...]:
        return tuple(f"#{t.word}" for t in self.tags(text) if t.card is None)

    def complete(self, prefix: str, limit: int = 8) -> list[Card]:
        """Cards a partly typed tag may mean, best first (``mind`` offers Mindset).

        Title starts, then id starts, then a word of the title starts, then anywhere.
        """
        key = slug(prefix)
        if not key:
            return list(self.deck.cards[:limit])
        ranked: list[tuple[int, int, Card]] = []
        for position, card in enumerate(self.deck.cards):
            title = slug(card.title)
            words = title.split("-")
            if title.startswith(key):
                rank = 0
            elif slug(card.id).startswith(key):
                rank = 1
            elif any(w.startswith(key) for w in words):
                rank = 2
            elif key in title.replace("-", "") or key in slug(card.id):
                rank = 3
            else:
                continue
            ranked.append((rank, position, card))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [card for _, _, card in ranked[:limit]]


def tag_at(text: str, cursor: int) -> tuple[int, str] | None:
    """The tag being typed just before ``cursor``: (index of '#', text typed after it)."""
    start = cursor
    while start > 0 and not text[start - 1].isspace() and text[start - 1] != "#":
        start -= 1
    if start == 0 or text[start - 1] != "#":
        return None
    return start - 1, text[start:cursor]


def strip_tags(text: str) -> str:
    """The text without its ``#tags`` (for deciding the kind and for the wall)."""
    return re.sub(r"\s{2,}", " ", _TAG.sub("", text)).strip()


def strip_known_tags(text: str, index: TagIndex) -> str:
    """The text without the tags that name cards; unknown tags are kept as typed."""
    pieces: list[str] = []
    last = 0
    for tag in index.tags(text):
        if tag.card is not None:
            pieces.append(text[last : tag.start])
            last = tag.end
    pieces.append(text[last:])
    joined = "".join(pieces)
    return "\n".join(re.sub(r"[ \t]{2,}", " ", line).strip() for line in joined.split("\n")).strip()


def tag_word(card: Card) -> str:
    """What completing a card inserts after '#': its id when it is a slug, else its title's."""
    return card.id if card.id and slug(card.id) == card.id else slug(card.title) or card.id


# -- tables ------------------------------------------------------------------------------------

_TABLE_TEXT = re.compile(r"^\s*(?:t(?:able)?\.?\s*)?(\d{1,4})\s*$", re.IGNORECASE)


def parse_table(text: str, numbers: Sequence[int]) -> int:
    """The table number typed in the table field: ``7``, ``T7``, ``table 7``.

    Raises ValueError with a sentence for the scribe when it is not a table of this event.
    """
    match = _TABLE_TEXT.match(text)
    if match is None:
        raise ValueError(f"“{text.strip()[:20]}” is not a table number")
    number = int(match.group(1))
    if number not in numbers:
        low, high = (min(numbers), max(numbers)) if numbers else (0, 0)
        raise ValueError(f"there is no table {number} (tables {low}–{high})")
    return number


def step_table(current: int, step: int, numbers: Sequence[int]) -> int:
    """The next (step=+1) or previous (-1) table, wrapping round at the ends."""
    ordered = sorted(numbers)
    if not ordered:
        return current
    if current not in ordered:
        return ordered[0]
    return ordered[(ordered.index(current) + step) % len(ordered)]


# -- repeats -----------------------------------------------------------------------------------


def same_text_key(text: str) -> str:
    """Two entries with the same key say the same thing (case and spacing aside)."""
    return " ".join(text.casefold().split())


def repeats(text: str, others: Iterable[str]) -> bool:
    key = same_text_key(text)
    return bool(key) and any(same_text_key(other) == key for other in others)

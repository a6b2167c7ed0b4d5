"""Checks and cleaning shared by every deck loader, so each reports problems alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from msgspec import Struct, field

from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.deck_colours import auto_colour
from facilitator.core.deck_io.limits import (
    DEFAULT_SUIT,
    MAX_CARDS,
    MAX_ID,
    MAX_IMAGE_BYTES,
    MAX_SUITS,
)
from facilitator.core.errors import InputError, Problem

_ID = re.compile(r"\w[\w.-]*")


def slugify(text: str) -> str:
    """A card id from a title: lower case, accents dropped, words joined by hyphens."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = re.sub(r"[\W_]+", "-", text.casefold()).strip("-")
    return slug[:MAX_ID].strip("-") or "card"


def one_line(text: str) -> str:
    """Text for a one-line field: outer whitespace dropped, inner runs made one space."""
    return " ".join(text.split())


def multi_line(text: str) -> str:
    """Text for a paragraph field: line ends made ``\\n``, outer whitespace dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def image_kind(data: bytes) -> str | None:
    """The image format of ``data`` from its first bytes (``"png"``, ...), or None."""
    head = data[:512]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM"):
        return "bmp"
    if b"<svg" in head.lstrip(b"\xef\xbb\xbf").lower():
        return "svg"
    return None


class Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(Problem(where, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(self.items)


def _control_char(text: str) -> str | None:
    for ch in text:
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs"):
            return f"U+{ord(ch):04X}"
    return None


def clean(
    problems: Problems, where: str, what: str, value: str, *, limit: int, single: bool
) -> str:
    value = one_line(value) if single else multi_line(value)
    if len(value) > limit:
        problems.add(where, f"{what} is {len(value):,} characters long; at most {limit:,} fit")
    bad = _control_char(value)
    if bad:
        problems.add(where, f"{what} contains a control character ({bad})")
    return value


def read_image(problems: Problems, file: Path, where: str, what: str) -> bytes | None:
    if not file.is_file():
        problems.add(where, f"{what} not found")
        return None
    try:
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            problems.add(where, f"{what} is {size / 1e6:.0f} MB; an image is at most 20 MB")
            return None
        data = file.read_bytes()
    except OSError as error:
        problems.add(where, f"{what} cannot be read ({error.strerror})")
        return None
    if image_kind(data) is None:
        problems.add(where, f"{what} is not a PNG, JPEG, GIF, WebP, BMP or SVG image")
        return None
    return data


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = base[: MAX_ID - len(suffix)] + suffix
        n += 1
    return candidate


class CardDraft(Struct):
    """A card as read, before ids and suits are settled."""

    where: str
    label: str  # names the card in messages, e.g. 'card "trust": ' or ""
    title: str
    front: str = ""
    given_id: str = ""
    suit: str = ""  # a suit id, a suit name, or "" for none given
    suit_where: str = ""
    questions: list[tuple[str, list[str]]] = field(default_factory=list)
    image: bytes | None = None
    image_name: str = ""


def settle_ids(problems: Problems, drafts: Sequence[CardDraft]) -> list[str]:
    """Card ids: the given ones (no repeats), then slugs of titles made unique."""
    first_seen: dict[str, str] = {}
    taken: set[str] = set()
    for draft in drafts:
        if not draft.given_id:
            continue
        if draft.given_id in first_seen:
            problems.add(
                draft.where,
                f'card id "{draft.given_id}" is used twice (first at {first_seen[draft.given_id]})',
            )
        else:
            first_seen[draft.given_id] = draft.where
        taken.add(draft.given_id)
    ids = []
    for draft in drafts:
        if draft.given_id:
            ids.append(draft.given_id)
        else:
            new_id = _unique(slugify(draft.title), taken)
            taken.add(new_id)
            ids.append(new_id)
    return ids


def check_id(problems: Problems, where: str, what: str, value: str) -> None:
    if len(value) > MAX_ID:
        problems.add(where, f"{what} is longer than {MAX_ID} characters")
    elif not _ID.fullmatch(value):
        problems.add(
            where,
            f'{what} "{value}" must start with a letter or digit and hold only letters, '
            "digits, '-', '_' and '.'",
        )


def derive_suits(problems: Problems, drafts: Sequence[CardDraft]) -> list[Suit]:
    """Suits named by the cards themselves (CSV, TOML without [[suit]]), auto-coloured.

    Sets each draft's ``suit`` to the suit id."""
    if not any(d.suit for d in drafts):
        for draft in drafts:
            draft.suit = DEFAULT_SUIT.id
        return [DEFAULT_SUIT]
    suits: dict[str, Suit] = {}
    for draft in drafts:
        if not draft.suit:
            problems.add(draft.suit_where or draft.where, f"{draft.label}no suit")
            continue
        suit_id = slugify(draft.suit)
        if suit_id not in suits:
            suits[suit_id] = Suit(suit_id, draft.suit, auto_colour(len(suits)))
        draft.suit = suit_id
    return list(suits.values())


def build_deck(
    problems: Problems,
    display: str,
    *,
    name: str,
    suits: Sequence[Suit],
    drafts: Sequence[CardDraft],
    ids: Sequence[str],
    suit_label: str = "Suit",
    levels: Iterable[str] = (),
    note: str = "",
) -> Deck:
    if not drafts:
        problems.add(display, "the deck has no cards")
    if len(drafts) > MAX_CARDS:
        problems.add(display, f"the deck has {len(drafts)} cards; at most {MAX_CARDS} fit")
    if len(suits) > MAX_SUITS:
        problems.add(display, f"the deck has {len(suits)} suits; at most {MAX_SUITS} fit")
    problems.raise_if_any()
    cards = tuple(
        Card(
            id=card_id,
            suit=d.suit,
            title=d.title,
            front=d.front,
            questions=tuple((level, tuple(qs)) for level, qs in d.questions),
            image=d.image,
            image_name=d.image_name if d.image is not None else "",
        )
        for card_id, d in zip(ids, drafts, strict=True)
    )
    return Deck(
        name=name,
        suits=tuple(suits),
        cards=cards,
        suit_label=suit_label,
        levels=tuple(levels),
        note=note,
    )


def pretty_stem(stem: str) -> str:
    text = one_line(re.sub(r"[_-]+", " ", stem))
    return text[:1].upper() + text[1:] if text else stem

"""When two entries say the same thing: the text reduced to what matters, and the match.

Two entries say the same thing when, after reduction, they are the same words in any order
or differ by a few typing slips. The reduction folds case and accents, drops punctuation,
hyphens, the articles and the verb "to be", and makes plurals singular. A slip is one
character added, dropped, changed or two swapped (optimal string alignment, rapidfuzz's
OSA): none in a text under six characters (``hope`` is not ``home``), one up to 15, two up
to 29, then one in twelve.
Words that turn the meaning round (``not``, ``more``, ``less``, ...) and numbers must be the
same on both sides: ``more time to reflect`` and ``less time to reflect`` stay apart.
"""

from __future__ import annotations

import re
import unicodedata

from msgspec import Struct
from rapidfuzz.distance import OSA

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# articles and the verb "to be": their presence changes what a line says no more than a typo
_DROPPED = frozenset({"a", "an", "the", "and", "is", "are", "was", "were", "be", "s"})
# words whose presence or absence changes what was said: they must match exactly
_TURNING = frozenset(
    {
        "not", "no", "never", "none", "nothing", "without", "lack", "lacking", "more",
        "less", "fewer", "most", "least", "too", "only", "all", "nobody", "cannot", "dont",
        "doesnt", "isnt", "arent", "wont", "cant", "before", "after", "against", "anti",
        "over", "under", "up", "down", "in", "out", "high", "low", "first", "last",
    }
)  # fmt: skip


class Reduced(Struct, frozen=True):
    """An entry's text reduced for matching."""

    words: tuple[str, ...]  # in the order said
    key: str  # the words sorted, one space apart: the same for any word order
    plain: str  # the words in the order said, one space apart
    guards: tuple[str, ...]  # turning words and numbers, sorted: these must match


def singular(word: str) -> str:
    """A plural made singular, the English way (good enough to match: not a dictionary)."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def reduce(text: str) -> Reduced:
    # don't -> dont, burn-out -> burnout
    folded = _fold(text).replace("'", "").replace("’", "").replace("-", "")
    words = tuple(singular(w) for w in _WORD.findall(folded) if w not in _DROPPED)
    guards = tuple(sorted(w for w in words if w in _TURNING or w.isdigit()))
    return Reduced(words, " ".join(sorted(words)), " ".join(words), guards)


def allowed_slips(length: int) -> int:
    """Typing slips allowed between two texts, by the shorter one's length."""
    if length < 6:
        return 0
    if length < 16:
        return 1
    if length < 30:
        return 2
    return length // 12


def same_thing(a: Reduced, b: Reduced) -> bool:
    """Whether two reduced entries say the same thing."""
    if a.key == b.key:
        return True
    if a.guards != b.guards or not a.key or not b.key:
        return False
    slips = allowed_slips(min(len(a.key), len(b.key)))
    if slips == 0 or abs(len(a.key) - len(b.key)) > slips:
        return False
    if OSA.distance(a.key, b.key, score_cutoff=slips) <= slips:
        return True
    # a slip in a word's first letters can move it in the sorted order
    return OSA.distance(a.plain, b.plain, score_cutoff=slips) <= slips

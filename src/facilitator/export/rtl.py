"""Right-to-left text for the PDF, which reportlab draws left to right, letter by letter.

Without a shaping engine (HarfBuzz) or a bidi library, Arabic would come out in isolated
letters, backwards. This does the part a report needs: Arabic letters take their joined
forms (Unicode presentation forms, lam-alef ligatures included), and a run of right-to-left
words is laid out in visual order. Digits and Latin text inside such a run keep their own
order. Persian and Urdu extra letters are drawn unjoined.
"""

from __future__ import annotations

import re

# base letter -> (isolated presentation form, number of forms: 2 joins on the right only)
_FORMS: dict[str, tuple[int, int]] = {
    "\u0621": (0xFE80, 1),
    "\u0622": (0xFE81, 2),
    "\u0623": (0xFE83, 2),
    "\u0624": (0xFE85, 2),
    "\u0625": (0xFE87, 2),
    "\u0626": (0xFE89, 4),
    "\u0627": (0xFE8D, 2),
    "\u0628": (0xFE8F, 4),
    "\u0629": (0xFE93, 2),
    "\u062a": (0xFE95, 4),
    "\u062b": (0xFE99, 4),
    "\u062c": (0xFE9D, 4),
    "\u062d": (0xFEA1, 4),
    "\u062e": (0xFEA5, 4),
    "\u062f": (0xFEA9, 2),
    "\u0630": (0xFEAB, 2),
    "\u0631": (0xFEAD, 2),
    "\u0632": (0xFEAF, 2),
    "\u0633": (0xFEB1, 4),
    "\u0634": (0xFEB5, 4),
    "\u0635": (0xFEB9, 4),
    "\u0636": (0xFEBD, 4),
    "\u0637": (0xFEC1, 4),
    "\u0638": (0xFEC5, 4),
    "\u0639": (0xFEC9, 4),
    "\u063a": (0xFECD, 4),
    "\u0641": (0xFED1, 4),
    "\u0642": (0xFED5, 4),
    "\u0643": (0xFED9, 4),
    "\u0644": (0xFEDD, 4),
    "\u0645": (0xFEE1, 4),
    "\u0646": (0xFEE5, 4),
    "\u0647": (0xFEE9, 4),
    "\u0648": (0xFEED, 2),
    "\u0649": (0xFEEF, 2),
    "\u064a": (0xFEF1, 4),
}
_LAM = "\u0644"
_LAM_ALEF = {"\u0622": 0xFEF5, "\u0623": 0xFEF7, "\u0625": 0xFEF9, "\u0627": 0xFEFB}
_TATWEEL = "\u0640"
_MARK = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")  # vowel marks
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_RUN = re.compile(r"[0-9A-Za-z\u00c0-\u024f.,:%+\-/]+")


def is_rtl(text: str) -> bool:
    """Whether the text holds a right-to-left letter (Hebrew, Arabic and its scripts)."""
    return bool(_RTL.search(text))


def _joins_left(ch: str) -> bool:
    """The letter connects to the letter after it (in reading order)."""
    return ch == _TATWEEL or _FORMS.get(ch, (0, 0))[1] == 4


def _joinable(ch: str) -> bool:
    return ch == _TATWEEL or _FORMS.get(ch, (0, 1))[1] > 1


def shape(word: str) -> str:
    """Arabic letters of one word in their joined forms, still in reading order."""
    letters = [i for i, ch in enumerate(word) if not _MARK.match(ch)]
    out: list[str] = []
    skip = -1
    for n, i in enumerate(letters):
        ch = word[i]
        marks = word[i + 1 : letters[n + 1]] if n + 1 < len(letters) else word[i + 1 :]
        if i == skip:
            out.append(marks)
            continue
        before = word[letters[n - 1]] if n else ""
        after = word[letters[n + 1]] if n + 1 < len(letters) else ""
        joins_before = bool(before) and _joins_left(before)
        if ch == _LAM and after in _LAM_ALEF:
            out.append(chr(_LAM_ALEF[after] + (1 if joins_before else 0)) + marks)
            skip = letters[n + 1]
            continue
        form = _FORMS.get(ch)
        if form is None or form[1] == 1:
            out.append(ch + marks)
            continue
        joins_after = form[1] == 4 and bool(after) and _joinable(after)
        if form[1] == 2:
            offset = 1 if joins_before else 0
        else:
            offset = (3 if joins_after else 1) if joins_before else (2 if joins_after else 0)
        out.append(chr(form[0] + offset) + marks)
    return "".join(out)


def visual(word: str) -> str:
    """One right-to-left word as drawn left to right: shaped, letters reversed, but digits
    and Latin inside it kept in their own order."""
    shaped = shape(word)
    parts = _LTR_RUN.split(shaped)
    ltr = _LTR_RUN.findall(shaped)
    pieces: list[str] = []
    for n, part in enumerate(parts):
        pieces.append(_reverse_clusters(part))
        if n < len(ltr):
            pieces.append(ltr[n])
    return "".join(reversed(pieces))


def _reverse_clusters(text: str) -> str:
    """Reverse letters, keeping each vowel mark after its letter."""
    clusters: list[str] = []
    for ch in text:
        if clusters and _MARK.match(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return "".join(reversed(clusters))


def visual_line(text: str) -> str:
    """A line with right-to-left words shaped and runs of them turned round (for headings)."""
    if not is_rtl(text):
        return text
    words = text.split(" ")
    out: list[str] = []
    run: list[str] = []
    for word in words:
        if is_rtl(word):
            run.append(visual(word))
            continue
        if run:
            out += reversed(run)
            run = []
        out.append(word)
    out += reversed(run)
    return " ".join(out)


_LEFT_MARKS = re.compile(
    r"^[^\w\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])"
)
RLM = "\u200f"


def right_to_left(shaped: str) -> list[tuple[str, str]]:
    """A right-to-left word as drawn, cut into (text, what copying it gives, "" for the
    text itself). Punctuation drawn at its left end (the closing quote mark, ``?``, ``.``
    that end it) is the end of the word in reading order; it copies with a right-to-left
    mark before it, so a reader that works out the reading order from the drawn line
    (pdftotext) keeps it at the end of the right-to-left text instead of before it."""
    m = _LEFT_MARKS.match(shaped)
    if m is None:
        return [(shaped, "")]
    return [(m.group(0), RLM + m.group(0)), (shaped[m.end() :], "")]

"""The PDF's fonts: the app's own, bundled in ``resources/fonts/``, embedded as subsets.

A report must look the same from any laptop, so the system's fonts are never looked up:
DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew and symbols) for the text, DejaVu
Serif Italic for quotes, Droid Sans Fallback for Chinese, Japanese and Korean, which
DejaVu lacks, and Symbola (monochrome) for emoji and the symbols neither has. reportlab
embeds each TrueType file as subsets of the glyphs a report uses, with a ToUnicode map,
so the text copies out and can be searched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from msgspec import Struct
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from facilitator.core.control_chars import strip_controls
from facilitator.core.errors import InputError
from facilitator.core.harvest import Harvest
from facilitator.export.rtl import visual_line
from facilitator.paths import resource_path

# role -> file in resources/fonts/ (its README.md says what each covers and its licence)
FILES = {
    "sans": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bolditalic": "DejaVuSans-BoldOblique.ttf",
    "serif_italic": "DejaVuSerif-Italic.ttf",
    "cjk": "DroidSansFallback.ttf",
    "emoji": "Symbola_hint.ttf",
}
PREFIX = "Harvest-"
CJK_FONT = PREFIX + "cjk"

# Characters drawn in the CJK font, where a line may also break between any two of them:
# Hangul jamo, CJK radicals to ideographs (kana, bopomofo and compatibility jamo
# included), Hangul jamo extended A, Hangul syllables and jamo extended B, compatibility
# ideographs, full- and half-width forms
CJK_CHARS = "\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"


# not drawn: joiners, variation selectors and direction marks; dropped where the font lacks them
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\ufe0e\ufe0f")


class Fonts(Struct, frozen=True):
    """The registered names of the report's fonts, one per role."""

    sans: str
    bold: str
    italic: str
    bolditalic: str
    serif_italic: str
    cjk: str
    emoji: str

    @property
    def chip(self) -> str:
        return "●"

    @property
    def fallbacks(self) -> tuple[str, ...]:
        """Where a character goes that the run's own font lacks, first that has it."""
        return (self.sans, self.cjk, self.emoji)


@cache
def covered(font: str) -> frozenset[str]:
    """The characters a registered font has a glyph for."""
    return frozenset(map(chr, pdfmetrics.getFont(font).face.charToGlyph))


def segments(
    text: str, font: str, fallbacks: tuple[str, ...], missing: set[str] | None = None
) -> list[tuple[str, str]]:
    """``text`` cut into (text, font) runs: each character in ``font`` if it has a glyph
    there, else in the first fallback that has one. A character no font has stays in
    ``font`` (its box is drawn) and is added to ``missing``, so the export can say so."""
    own = covered(font)
    if own.issuperset(text):
        return [(text, font)]
    out: list[tuple[str, str]] = []
    for ch in text:
        if ch in own:
            chosen = font
        else:
            chosen = next((f for f in fallbacks if ch in covered(f)), "")
            if not chosen:
                if ch in INVISIBLE:
                    continue
                if missing is not None:
                    missing.add(ch)
                chosen = font
        if out and out[-1][1] == chosen:
            out[-1] = (out[-1][0] + ch, chosen)
        else:
            out.append((ch, chosen))
    return out


def font_for_all(text: str, font: str, fallbacks: tuple[str, ...]) -> str:
    """One font for the whole of ``text`` (a shaped right-to-left word, which must not be
    cut): ``font`` if it has every character, else the first fallback that has."""
    needed = set(text) - INVISIBLE
    for candidate in (font, *fallbacks):
        if covered(candidate).issuperset(needed):
            return candidate
    return font


_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _copied_as(char: int) -> str:
    """What copying a drawn character gives, when not the character itself: above U+FFFF
    (emoji) a UTF-16 surrogate pair (reportlab writes four hex digits, so 🚀 U+1F680
    copied out as Ὠ U+1F68); an Arabic letter drawn in a joined presentation form
    (:mod:`facilitator.export.rtl`) its own letter, so the text copies out and is found as
    typed; a lam-alef ligature both letters, in drawing order like the rest of the word,
    which a reader turns into reading order."""
    if 0xFB50 <= char <= 0xFDFF or 0xFE70 <= char <= 0xFEFE:
        letters = unicodedata.normalize("NFKC", chr(char)).strip()
        if letters and letters != chr(char):
            return letters[::-1].encode("utf-16-be").hex().upper()
    if char > 0xFFFF:
        return chr(char).encode("utf-16-be").hex().upper()
    return ""


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map of a subset, with the characters it maps wrong for
    copying mapped as :func:`_copied_as` says."""
    text = str(_reportlab_cmap(fontname, subset))
    for code, char in enumerate(subset):
        copied = _copied_as(char)
        if copied:
            text = text.replace(f"\n<{code:02X}> <{char:04X}>\n", f"\n<{code:02X}> <{copied}>\n")
    return text


@cache
def fonts() -> Fonts:
    """Registers the bundled fonts with reportlab (once) and names them.

    Each file is opened by its full path in the app's resources, never searched for in
    the system's font folders. A missing file is an install fault, said as such.
    """
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for role, name in FILES.items():
        path = resource_path("fonts", name)
        try:
            pdfmetrics.registerFont(TTFont(PREFIX + role, str(path)))
        except (OSError, TTFError):
            raise InputError(
                str(path), "cannot be read: the PDF needs the app's own fonts (reinstall it)"
            ) from None
    pdfmetrics.registerFontFamily(
        PREFIX + "sans",
        normal=PREFIX + "sans",
        bold=PREFIX + "bold",
        italic=PREFIX + "italic",
        boldItalic=PREFIX + "bolditalic",
    )
    return Fonts(**{role: PREFIX + role for role in FILES})


def para_text(text: str) -> str:
    """Typed text as paragraph markup that shows exactly as typed (never as markup), what
    DejaVu Sans lacks (Chinese, Japanese, Korean) in the font that has it."""
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(visual_line(line) for line in text.split("\n"))
    f = fonts()
    out = []
    for part, font in segments(text, f.sans, f.fallbacks[1:]):
        part = part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(part if font == f.sans else f'<font name="{font}">{part}</font>')
    return "".join(out).replace("\n", "<br/>")


def placed(text: str, font: str, size: float) -> tuple[list[tuple[float, str, str]], float]:
    """Plain text (no markup) as (x offset, text, font) pieces in the fonts that have its
    characters, and its whole width: for what is drawn outside paragraphs."""
    out: list[tuple[float, str, str]] = []
    x = 0.0
    for part, name in segments(text, font, fonts().fallbacks):
        out.append((x, part, name))
        x += pdfmetrics.stringWidth(part, name, size)
    return out, x


def _script(ch: str) -> str:
    """The script a character belongs to, near enough: its Unicode name's first word."""
    name = unicodedata.name(ch, "")
    return name.split()[0].title() if name else f"U+{ord(ch):04X}"


def scripts_lacking(text: str) -> set[str]:
    """The scripts of the characters in ``text`` that no bundled font has."""
    have = frozenset().union(*map(covered, fonts().fallbacks))
    lacking = set(text) - have - INVISIBLE
    return {_script(ch) for ch in lacking if unicodedata.category(ch) != "Cc"}


def untypeset(harvest: Harvest) -> list[str]:
    """One line per script that no bundled font has, naming the entries that hold it: the
    PDF draws those characters as boxes, and the export says so."""
    found: dict[str, list[str]] = {}
    for theme in harvest.themes:
        for script in sorted(scripts_lacking(theme.text)):
            found.setdefault(script, []).append(theme.text)
    lines = []
    for script, texts in found.items():
        n = len(texts)
        shown = ", ".join(f"“{_short(t)}”" for t in texts[:3])
        more = f" and {n - 3} more" if n > 3 else ""
        what = "1 entry" if n == 1 else f"{n} entries"
        lines.append(
            f"{what} in {script} could not be typeset in the PDF (no font the app bundles "
            f"has {script}; it shows as boxes): {shown}{more}"
        )
    others = _other_texts(harvest)
    if any(scripts_lacking(t) for t in others):
        scripts = sorted(set().union(*map(scripts_lacking, others)))
        lines.append(
            f"The event's details, plan or deck hold {', '.join(scripts)} text the PDF "
            "shows as boxes (no font the app bundles has it)"
        )
    return lines


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _other_texts(harvest: Harvest) -> Iterable[str]:
    event = harvest.event
    yield from (event.title, event.venue, event.facilitator, harvest.plan_title)
    for r in harvest.rounds:
        yield r.title
        yield from r.prompts
    for bar in harvest.tally:
        yield bar.card.title
    for table in harvest.tables:
        yield table.label


# PDF string escapes for the bytes of a font subset: \\, parentheses, and octal for the
# bytes that are not printable ASCII
ESCAPES = {
    b: "\\" + chr(b) if chr(b) in "\\()" else f"\\{b:03o}"
    for b in range(256)
    if chr(b) in "\\()" or not 32 <= b < 127
}


def encoded(
    font: Any, font_name: str, word: str, doc: Any, cache: dict[tuple[str, str], Any]
) -> list[tuple[str, str]]:
    """(subset font name, escaped PDF string) parts of one word in an embedded font."""
    key = (font_name, word)
    parts = cache.get(key)
    if parts is None:
        parts = [
            (font.getSubsetInternalName(subset, doc), data.decode("latin-1").translate(ESCAPES))
            for subset, data in font.splitString(word, doc)
        ]
        cache[key] = parts
    return parts


__all__ = [
    "CJK_CHARS",
    "CJK_FONT",
    "FILES",
    "INVISIBLE",
    "Fonts",
    "covered",
    "encoded",
    "font_for_all",
    "fonts",
    "para_text",
    "placed",
    "scripts_lacking",
    "segments",
    "untypeset",
]

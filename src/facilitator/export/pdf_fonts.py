"""The PDF's fonts: the app's own, bundled in ``resources/fonts/``, embedded as subsets.

A report must look the same from any laptop, so the system's fonts are never looked up:
DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew and symbols) for the text, DejaVu
Serif Italic for quotes, and Droid Sans Fallback for Chinese, Japanese and Korean, which
DejaVu lacks. reportlab embeds each TrueType file as subsets of the glyphs a report uses,
with a ToUnicode map, so the text copies out and can be searched.
"""

from __future__ import annotations

import re
from functools import cache

from msgspec import Struct
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from facilitator.core.errors import InputError
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
}
PREFIX = "Harvest-"
CJK_FONT = PREFIX + "cjk"

# Characters drawn in the CJK font, where a line may also break between any two of them:
# Hangul jamo, CJK radicals to ideographs (kana, bopomofo and compatibility jamo
# included), Hangul jamo extended A, Hangul syllables and jamo extended B, compatibility
# ideographs, full- and half-width forms
CJK_CHARS = "\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"[{CJK_CHARS}]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Fonts(Struct, frozen=True):
    """The registered names of the report's fonts, one per role."""

    sans: str
    bold: str
    italic: str
    bolditalic: str
    serif_italic: str
    cjk: str

    @property
    def chip(self) -> str:
        return "●"


@cache
def fonts() -> Fonts:
    """Registers the bundled fonts with reportlab (once) and names them.

    Each file is opened by its full path in the app's resources, never searched for in
    the system's font folders. A missing file is an install fault, said as such.
    """
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
    """Typed text as paragraph markup that shows exactly as typed (never as markup), its
    Chinese, Japanese and Korean in the CJK font."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(visual_line(line) for line in text.split("\n"))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _CJK.sub(lambda m: f'<font name="{CJK_FONT}">{m.group(0)}</font>', text)
    return text.replace("\n", "<br/>")


__all__ = ["CJK_CHARS", "CJK_FONT", "FILES", "Fonts", "fonts", "para_text"]

"""Runs of text broken into lines: words in fonts that have their glyphs, right-to-left
words turned, lines broken at spaces (and anywhere inside Chinese, Japanese and Korean).
:mod:`text_block` lays them out and draws them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from msgspec import Struct
from reportlab.pdfbase import pdfmetrics

from facilitator.core.control_chars import strip_controls
from facilitator.export.pdf.fonts import (
    CJK_CHARS,
    INVISIBLE,
    covered,
    font_for_all,
    segments,
)
from facilitator.export.rtl import is_rtl, visual

_CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
_CJK_SPLIT = re.compile(f"([{CJK_CHARS}])")


class Run(Struct, frozen=True):
    """Text in one font, size and colour."""

    text: str
    font: str
    size: float
    colour: Any


class Look(Struct, frozen=True):
    """How a block sits on the page."""

    leading: float
    indent: float = 0.0  # left edge of the text
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    bullet: Run | None = None
    bullet_indent: float = 0.0
    back: Any = None  # tinted band behind the block
    bar: Any = None  # coloured bar at its left
    pad: float = 0.0  # band padding above and below


class Piece(NamedTuple):  # a tuple: a big report makes a million of them
    text: str
    run: Run
    space: bool  # a space separates it from the piece before
    rtl: bool = False  # a right-to-left word, already in visual order
    breakable: bool = False  # a line may end before it though no space does (CJK)


Line = tuple[Piece, ...]


@lru_cache(maxsize=64)
def font_of(name: str) -> Any:
    return pdfmetrics.getFont(name)


@lru_cache(maxsize=65536)
def width_of(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


class Faces:
    """Which fonts carry which characters: a character the run's font lacks goes to the
    first of ``fallbacks`` that has it (``cjk`` among them); those none has are gathered
    in ``missing``."""

    def __init__(self, cjk: str | None, fallbacks: tuple[str, ...] = ()) -> None:
        self.cjk = cjk
        self.fallbacks = fallbacks
        self.missing: set[str] = set()


def _fonted(word: str, run: Run, space: bool, fonts: Faces, cut: bool = False) -> list[Piece]:
    """A word in the fonts it needs (a line may break inside only where ``cut``)."""
    parts = segments(word, run.font, fonts.fallbacks, fonts.missing)
    return [
        Piece(
            t,
            run if f == run.font else Run(t, f, run.size, run.colour),
            space and not i,
            False,
            cut,
        )
        for i, (t, f) in enumerate(parts)
    ]


def pieces(runs: Sequence[Run], fonts: Faces) -> list[list[Piece]]:
    """Hard lines of pieces (words; single CJK characters, which may break anywhere)."""
    lines: list[list[Piece]] = [[]]
    for run in runs:
        text = strip_controls(run.text.replace("\r\n", "\n").replace("\r", "\n"))
        plain = (
            covered(run.font).issuperset(text)
            and not (fonts.cjk and _CJK_CHAR.search(text))
            and not is_rtl(text)
        )
        for n, hard in enumerate(text.replace("\t", " ").split("\n")):
            if n:
                lines.append([])
            space = hard.startswith(" ") and bool(lines[-1])
            # split at plain spaces only: a no-break space keeps a card's dot with its name
            words = [w for w in hard.split(" ") if w]
            if plain:  # the common case, kept fast: 50,000 entries pass through here
                lines[-1] += [Piece(w, run, space or i > 0) for i, w in enumerate(words)]
                continue
            for word in words:
                if fonts.cjk and _CJK_CHAR.search(word):
                    first = True
                    for part in _CJK_SPLIT.split(word):
                        if part:
                            cjk = _CJK_CHAR.fullmatch(part)
                            home = Run(part, fonts.cjk, run.size, run.colour) if cjk else run
                            lines[-1] += _fonted(part, home, space and first, fonts, True)
                            first = False
                elif is_rtl(word):
                    # a shaped word is never cut: all of it in one font that has it all
                    shaped = visual(word)
                    font = font_for_all(shaped, run.font, fonts.fallbacks)
                    lines[-1].append(
                        Piece(shaped, Run(shaped, font, run.size, run.colour), space, rtl=True)
                    )
                    fonts.missing.update(set(shaped) - covered(font) - INVISIBLE)
                else:
                    lines[-1] += _fonted(word, run, space, fonts)
                space = True
    return lines


def break_lines(hard_lines: list[list[Piece]], width: float) -> list[Line]:
    """Lines that fit ``width``: breaks at spaces (and between CJK characters) only, so
    pieces written without a space between them, like a card's dot and its name, stay
    on one line."""
    out: list[Line] = []
    for pieces in hard_lines:
        units: list[list[Piece]] = []
        for piece in pieces:
            if units and not piece.space and not piece.breakable:
                units[-1].append(piece)
            else:
                units.append([piece])
        line: list[Piece] = []
        x = 0.0
        for unit in units:
            first = unit[0]
            gap = width_of(" ", first.run.font, first.run.size) if first.space and line else 0.0
            if len(unit) == 1:
                w = width_of(first.text, first.run.font, first.run.size)
            else:
                w = sum(width_of(p.text, p.run.font, p.run.size) for p in unit)
            if x + gap + w <= width:
                line += unit
                x += gap + w
                continue
            if line:
                out.append(tuple(line))
                line, x = [], 0.0
            if w <= width:
                line, x = list(unit), w
                continue
            for piece in unit:  # wider than a line: piece by piece, long words cut
                pw = width_of(piece.text, piece.run.font, piece.run.size)
                if x + pw <= width:
                    line.append(piece)
                    x += pw
                    continue
                if line:
                    out.append(tuple(line))
                    line, x = [], 0.0
                if pw <= width:
                    line, x = [piece], pw
                    continue
                for chunk in _hard_split(piece.text, piece.run, width):
                    if line:
                        out.append(tuple(line))
                    line = [Piece(chunk, piece.run, False, piece.rtl)]
                    x = width_of(chunk, piece.run.font, piece.run.size)
        out.append(tuple(line))
    return out


def _hard_split(text: str, run: Run, width: float) -> Iterator[str]:
    start = 0
    for end in range(1, len(text) + 1):
        if width_of(text[start:end], run.font, run.size) > width and end - 1 > start:
            yield text[start : end - 1]
            start = end - 1
    yield text[start:]


def visual_order(line: Line) -> Line:
    """Consecutive right-to-left words in drawing order (the last read is drawn first)."""
    if not any(p.rtl for p in line):
        return line
    out: list[Piece] = []
    n = 0
    while n < len(line):
        if not line[n].rtl:
            out.append(line[n])
            n += 1
            continue
        end = n
        while end < len(line) and line[end].rtl:
            end += 1
        words = line[n:end]
        # the space before the run stays before it; the spaces between words turn round
        spaces = [words[0].space, *(w.space for w in reversed(words[1:]))]
        out += [
            Piece(w.text, w.run, space, rtl=True)
            for w, space in zip(reversed(words), spaces, strict=True)
        ]
        n = end
    return tuple(out)

"""A light text flowable for the report's entries: thousands of them, laid out fast.

reportlab's Paragraph parses markup and builds fragments for every line; for 50,000
entries that alone takes longer than the whole export may. Entries need far less: runs of
plain text in a few fonts and colours, a bullet, an optional tinted band with a bar, and
line breaking at spaces (anywhere inside Chinese and Japanese). :class:`TextBlock` does
that, splits between lines at a page end (never leaving one line alone), and draws each
line with plain ``drawString`` calls. Typed text is never parsed as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from facilitator.export.rtl import is_rtl, visual

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_CJK_SPLIT = re.compile(r"([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")


@dataclass(frozen=True)
class Run:
    """Text in one font, size and colour."""

    text: str
    font: str
    size: float
    colour: Any


@dataclass(frozen=True)
class Look:
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


@dataclass(frozen=True)
class _Piece:
    text: str
    run: Run
    space: bool  # a space separates it from the piece before
    rtl: bool = False  # a right-to-left word, already in visual order


Line = tuple[_Piece, ...]


@lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


class Faces:
    """Which fonts carry which characters: ``cjk`` takes Chinese and Japanese when set."""

    def __init__(self, cjk: str | None, latin1_only: bool) -> None:
        self.cjk = cjk
        self.latin1_only = latin1_only

    def encodable(self, text: str) -> str:
        """Text the font can show: the standard PDF fonts know Windows-1252 only."""
        if self.latin1_only:
            return text.encode("cp1252", "replace").decode("cp1252")
        return text


def _pieces(runs: Sequence[Run], fonts: Faces) -> list[list[_Piece]]:
    """Hard lines of pieces (words; single CJK characters, which may break anywhere)."""
    lines: list[list[_Piece]] = [[]]
    for run in runs:
        text = _CONTROL.sub("", run.text.replace("\r\n", "\n").replace("\r", "\n"))
        for n, hard in enumerate(text.replace("\t", " ").split("\n")):
            if n:
                lines.append([])
            space = hard.startswith(" ") and bool(lines[-1])
            # split at plain spaces only: a no-break space keeps a card's dot with its name
            for word in filter(None, hard.split(" ")):
                if fonts.cjk and _CJK_CHAR.search(word):
                    first = True
                    for part in _CJK_SPLIT.split(word):
                        if not part:
                            continue
                        if _CJK_CHAR.fullmatch(part):
                            piece = _Piece(part, Run(part, fonts.cjk, run.size, run.colour), False)
                        else:
                            piece = _Piece(fonts.encodable(part), run, False)
                        lines[-1].append(_Piece(piece.text, piece.run, space and first))
                        first = False
                elif is_rtl(word):
                    lines[-1].append(_Piece(fonts.encodable(visual(word)), run, space, rtl=True))
                else:
                    lines[-1].append(_Piece(fonts.encodable(word), run, space))
                space = True
    return lines


def _break(hard_lines: list[list[_Piece]], width: float) -> list[Line]:
    out: list[Line] = []
    for pieces in hard_lines:
        line: list[_Piece] = []
        x = 0.0
        for piece in pieces:
            run = piece.run
            gap = _width(" ", run.font, run.size) if piece.space and line else 0.0
            w = _width(piece.text, run.font, run.size)
            if x + gap + w <= width or (not line and w <= width):
                line.append(piece)
                x += gap + w
                continue
            if line:
                out.append(tuple(line))
                line, x = [], 0.0
            if w <= width:
                line.append(_Piece(piece.text, run, False))
                x = w
                continue
            for chunk in _hard_split(piece.text, run, width):  # a word wider than the line
                if line:
                    out.append(tuple(line))
                line = [_Piece(chunk, run, False)]
                x = _width(chunk, run.font, run.size)
        out.append(tuple(line))
    return out


def _hard_split(text: str, run: Run, width: float) -> Iterator[str]:
    start = 0
    for end in range(1, len(text) + 1):
        if _width(text[start:end], run.font, run.size) > width and end - 1 > start:
            yield text[start : end - 1]
            start = end - 1
    yield text[start:]


class TextBlock(Flowable):  # type: ignore[misc]
    """Runs of plain text laid out in lines; splits between lines at a frame's end."""

    MIN_LINES = 2  # never one line alone at a page foot or head

    def __init__(
        self,
        runs: Sequence[Run],
        look: Look,
        fonts: Faces,
        *,
        lines: list[Line] | None = None,
        laid_width: float | None = None,
        first: bool = True,
    ) -> None:
        super().__init__()
        self.runs = tuple(runs)
        self.look = look
        self.fonts = fonts
        self._lines = lines
        self._laid_width = laid_width
        self._first = first  # the part that carries the bullet and the space before
        self.spaceBefore = look.space_before if first else 0.0
        self.spaceAfter = look.space_after

    def _text_width(self, avail: float) -> float:
        return max(20.0, avail - self.look.indent - self.look.right_indent)

    def _layout(self, avail: float) -> list[Line]:
        width = self._text_width(avail)
        if self._lines is None or self._laid_width != width:
            self._lines = _break(_pieces(self.runs, self.fonts), width)
            self._laid_width = width
        return self._lines

    def _height(self, n: int) -> float:
        return n * self.look.leading + 2 * self.look.pad

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._height(len(self._layout(avail_width)))
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._layout(avail_width)
        fit = int((avail_height - 2 * self.look.pad) // self.look.leading)
        if len(lines) < 2 * self.MIN_LINES or fit < self.MIN_LINES:
            return []
        fit = min(fit, len(lines) - self.MIN_LINES)
        width = self._laid_width
        head = TextBlock(
            self.runs, self.look, self.fonts, lines=lines[:fit], laid_width=width, first=self._first
        )
        head.spaceAfter = 0.0
        tail = TextBlock(
            self.runs, self.look, self.fonts, lines=lines[fit:], laid_width=width, first=False
        )
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        look = self.look
        lines = self._lines or []
        if look.back is not None or look.bar is not None:
            canvas.saveState()
            if look.back is not None:
                canvas.setFillColor(look.back)
                canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            if look.bar is not None:
                canvas.setFillColor(look.bar)
                canvas.rect(0, 0, 3, self.height, stroke=0, fill=1)
            canvas.restoreState()
        top = self.height - look.pad
        # one text object for the whole block: PDF advances the pen after each run itself,
        # so a line needs one origin and no widths measured again
        text = canvas.beginText()
        code = text._code  # operators go straight in: reportlab's number formatting is slow
        state: list[Any] = [None, None]  # current (font, size), colour
        for n, line in enumerate(lines):
            # baseline about 0.78 of the leading down, as Paragraph places it
            y = top - n * look.leading - look.leading * 0.78
            if n == 0 and self._first and look.bullet is not None:
                code.append(f"1 0 0 1 {look.bullet_indent:.2f} {y:.2f} Tm")
                self._out(text, state, look.bullet, look.bullet.text)
            code.append(f"1 0 0 1 {look.indent:.2f} {y:.2f} Tm")
            self._draw_line(text, state, line)
        canvas.drawText(text)

    def _draw_line(self, text: Any, state: list[Any], line: Line) -> None:
        chunk = ""
        run: Run | None = None
        for piece in _visual_order(line):
            if run is not None and piece.run is not run:
                self._out(text, state, run, chunk)
                chunk = ""
            if piece.space and (chunk or run is not None):
                chunk += " "
            chunk += piece.text
            run = piece.run
        if run is not None and chunk:
            self._out(text, state, run, chunk)

    @staticmethod
    def _out(text: Any, state: list[Any], run: Run, chunk: str) -> None:
        if state[0] != (run.font, run.size):
            text.setFont(run.font, run.size)
            state[0] = (run.font, run.size)
        if state[1] is not run.colour:
            r, g, b = run.colour.red, run.colour.green, run.colour.blue
            text._code.append(f"{r:.3f} {g:.3f} {b:.3f} rg")
            state[1] = run.colour
        # textOut would measure the text again only to track a pen we never read
        text._code.append(text._formatText(chunk))


def _visual_order(line: Line) -> Line:
    """Consecutive right-to-left words in drawing order (the last read is drawn first)."""
    if not any(p.rtl for p in line):
        return line
    out: list[_Piece] = []
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
            _Piece(w.text, w.run, space, rtl=True)
            for w, space in zip(reversed(words), spaces, strict=True)
        ]
        n = end
    return tuple(out)

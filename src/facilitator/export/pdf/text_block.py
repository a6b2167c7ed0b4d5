"""A light text flowable for the report's entries: thousands of them, laid out fast.

reportlab's Paragraph parses markup and builds fragments for every line; for 50,000
entries that alone takes longer than the whole export may. Entries need far less: runs of
plain text in a few fonts and colours, a bullet, an optional tinted band with a bar, and
line breaking at spaces (anywhere inside Chinese, Japanese and Korean). :class:`TextBlock` does
that, splits between lines at a page end (never leaving one line alone), and draws each
line with plain ``drawString`` calls. Typed text is never parsed as markup.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Any, NamedTuple

from msgspec import Struct
from reportlab.platypus import Flowable

from facilitator.export.pdf.fonts import encoded
from facilitator.export.pdf.runs import (
    Faces,
    Line,
    Look,
    Piece,
    Run,
    break_lines,
    font_of,
    pieces,
    visual_order,
)
from facilitator.export.pdf.tagging import Tags, tags_of
from facilitator.export.rtl import right_to_left


class Item(Struct, frozen=True):
    """One paragraph of a block: an entry, a quote, or a heading that keeps with what follows."""

    runs: tuple[Run, ...]
    look: Look
    heading: bool = False  # never the last thing before a page break
    # a heading whose entries go on over a page break is repeated there with these runs
    # added, e.g. " (continued)"
    continued: tuple[Run, ...] = ()
    # its structure element in the tagged PDF: H3, LI (in a list with the LIs after it),
    # BlockQuote, P; Artifact for a heading repeated after a page break
    role: str = "P"


class _Row(NamedTuple):
    item: int  # index into the block's items
    line: Line
    first: bool  # the item's first line
    last: bool  # the item's last line


class TextBlock(Flowable):  # type: ignore[misc]
    """Items of plain text laid out in lines, drawn as one flowable.

    Many entries in one flowable: the layout engine's per-flowable cost, paid 50,000 times,
    was most of a big report's time. A block splits between lines at a frame's end, never
    leaving a heading last on a page nor one line of an entry alone on either side.
    """

    MIN_LINES = 2
    self_tagging = True  # marks each item's lines itself (tagging.TaggedFrame)

    def __init__(
        self,
        items: Sequence[Item],
        fonts: Faces,
        *,
        rows: list[_Row] | None = None,
        laid_width: float | None = None,
        rest_of: tuple[TextBlock, int, int] | None = None,
    ) -> None:
        """``rest_of`` (block, k, m): these rows are ``m`` new ones, then that block's rows
        from ``k`` on, measured by reusing what it measured (:meth:`_derive`)."""
        super().__init__()
        self.items = tuple(items)
        self.fonts = fonts
        self._rows = rows
        self._laid_width = laid_width
        self._gaps: list[tuple[float, float]] = []
        self._heights: list[float] = []
        self._cum: list[float] = []  # the block's height after each row
        self._cuts: list[int] | None = None
        if rest_of is not None:
            self._derive(*rest_of)
        elif rows is not None:
            self._measure()
        self._set_spaces()

    def _set_spaces(self) -> None:
        rows = self._rows
        first = rows[0] if rows else None
        last = rows[-1] if rows else None
        starts = first is None or first.first
        ends = last is None or last.last
        self.spaceBefore = self.items[first.item if first else 0].look.space_before if starts else 0
        self.spaceAfter = self.items[last.item if last else -1].look.space_after if ends else 0

    def _layout(self, avail: float) -> list[_Row]:
        if self._rows is None or self._laid_width != avail:
            rows: list[_Row] = []
            for n, item in enumerate(self.items):
                width = max(20.0, avail - item.look.indent - item.look.right_indent)
                lines = break_lines(pieces(item.runs, self.fonts), width)
                rows += [_Row(n, line, i == 0, i == len(lines) - 1) for i, line in enumerate(lines)]
            self._rows = rows
            self._laid_width = avail
            self._measure()
            self._set_spaces()
        return self._rows

    def _measure(self) -> None:
        rows = self._rows or []
        self._gaps = self._gaps_of(rows)
        self._heights = self._heights_of(rows, self._gaps)
        self._cum = list(accumulate(self._heights))
        self._cuts = None

    def _heights_of(self, rows: list[_Row], gaps: list[tuple[float, float]]) -> list[float]:
        items = self.items
        return [a + items[r.item].look.leading + b for r, (a, b) in zip(rows, gaps, strict=False)]

    def _derive(self, block: TextBlock, k: int, m: int) -> None:
        """Measures the rest of ``block`` after a cut at row ``k`` (behind ``m`` new rows)
        from what the block measured: only the rows next to the cut are measured again.
        A long block split over many pages would otherwise measure what is left of it on
        every page (50,000 entries: seconds)."""
        rows = self._rows or []
        fresh = min(m + 1, len(rows))  # the new rows, and the first row of the rest
        self._gaps = [self._gap(rows, n) for n in range(fresh)] + block._gaps[k + 1 :]
        self._heights = self._heights_of(rows[:fresh], self._gaps) + block._heights[k + 1 :]
        self._cum = list(accumulate(self._heights))
        self._cuts = None
        if block._cuts is None:
            return
        # a cut's rules look at the item on each side of it: only the cuts near the start,
        # in the entry the cut went through and the one after it, can differ from the block's
        end = m
        while end < len(rows) - 1 and not rows[end].last:
            end += 1
        after = end + 1
        while after < len(rows) - 1 and not rows[after].last:
            after += 1
        near = [q for q in self._legal_cuts(rows[: after + 1]) if q <= end + 1]
        self._cuts = near + [c - k + m for c in block._cuts if c - k + m > end + 1]

    def _gap(self, rows: list[_Row], n: int) -> tuple[float, float]:
        """(space above, space below) row ``n``, the block's outer spaces left out."""
        row = rows[n]
        look = self.items[row.item].look
        above = look.pad if row.first else 0.0
        below = look.pad if row.last else 0.0
        if row.first and n > 0:
            above += look.space_before
        if row.last and n < len(rows) - 1:
            below += look.space_after
        return above, below

    def _gaps_of(self, rows: list[_Row]) -> list[tuple[float, float]]:
        return [self._gap(rows, n) for n in range(len(rows))]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        self.height = self._cum[-1] if self._cum else 0.0
        return self.width, self.height

    def _legal_cuts(self, rows: list[_Row]) -> list[int]:
        """Row counts after which the block may be cut: not inside a short entry, not
        leaving fewer than two lines of an entry on either side, not after a heading."""
        starts, current = [], 0
        for i, row in enumerate(rows):
            current = i if row.first else current
            starts.append(current)
        ends, current = [0] * len(rows), len(rows) - 1
        for i in range(len(rows) - 1, -1, -1):
            current = i if rows[i].last else current
            ends[i] = current
        cuts = []
        for k in range(1, len(rows)):
            before, after = rows[k - 1], rows[k]
            if before.item == after.item:
                if k - starts[k - 1] < self.MIN_LINES or ends[k] - k + 1 < self.MIN_LINES:
                    continue
            elif self.items[before.item].heading:
                continue
            cuts.append(k)
        return cuts

    def _cuts_of(self, avail_width: float) -> list[int]:
        rows = self._layout(avail_width)
        if self._cuts is None:
            self._cuts = self._legal_cuts(rows)
        return self._cuts

    def min_first_height(self, avail_width: float) -> float:
        """The height of the smallest first part a split can make (the whole block if none)."""
        cuts = self._cuts_of(avail_width)
        return self._cum[cuts[0] - 1] if cuts else self._cum[-1]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        cuts = self._cuts_of(avail_width)
        rows = self._rows or []
        # the last legal cut whose rows fit: heights only grow, so it is at most the rows
        # that fit
        k = bisect.bisect_right(cuts, bisect.bisect_right(self._cum, avail_height))
        if k == 0:
            return []
        k = cuts[k - 1]
        head = TextBlock(self.items, self.fonts, rows=rows[:k], laid_width=self._laid_width)
        items, rest = self.items, rows[k:]
        title = items[0]
        added = 0
        if title.heading and title.continued and rest[0].item != 0:
            again = Item(title.runs + title.continued, title.look, heading=True, role="Artifact")
            width = max(20.0, (self._laid_width or 0.0) - again.look.indent)
            lines = break_lines(pieces(again.runs, self.fonts), width)
            n = len(items)
            items = (*items, again)
            rest = [
                _Row(n, line, i == 0, i == len(lines) - 1) for i, line in enumerate(lines)
            ] + rest
            added = len(lines)
        tail = TextBlock(
            items, self.fonts, rows=rest, laid_width=self._laid_width, rest_of=(self, k, added)
        )
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        rows = self._rows or []
        tops: list[float] = []
        y = self.height
        for row, (above, below) in zip(rows, self._gaps, strict=True):
            y -= above
            tops.append(y)
            y -= self.items[row.item].look.leading + below
        tags = tags_of(canvas)
        if tags is not None:
            tags.artifact(canvas)
        self._draw_bands(rows, tops)
        if tags is not None:
            tags.end(canvas)
        # one text object for the whole block: PDF advances the pen after each run itself,
        # so a line needs one origin and no widths measured again
        text = canvas.beginText()
        code = text._code  # operators go straight in: reportlab's number formatting is slow
        state: list[Any] = [None, None]  # current (font, size), colour
        for n, (row, top) in enumerate(zip(rows, tops, strict=True)):
            look = self.items[row.item].look
            # the baseline about 0.78 of the leading down, as Paragraph places it
            base = top - look.leading * 0.78
            if row.first and look.bullet is not None:
                if tags is not None:  # a bullet is decoration: the LI holds the words
                    tags.artifact(canvas, code)
                code.append(f"1 0 0 1 {look.bullet_indent:.2f} {base:.2f} Tm")
                self._out(text, state, look.bullet, look.bullet.text)
                if tags is not None:
                    tags.end(canvas, code)
            # an item's lines here begin after another item's (a split block's tail may
            # start with a repeated heading, then the rest of an item begun on the page before)
            if tags is not None and (n == 0 or rows[n - 1].item != row.item):
                self._open(tags, row.item, code)
            code.append(f"1 0 0 1 {look.indent:.2f} {base:.2f} Tm")
            self._draw_line(text, state, row.line)
            if tags is not None and (n == len(rows) - 1 or rows[n + 1].item != row.item):
                tags.end(canvas, code)
        canvas.drawText(text)

    def _open(self, tags: Tags, index: int, code: list[str]) -> None:
        """Opens the marked content of item ``index`` on this page: its structure element
        made when its first line is drawn, the same one again on the next page."""
        item = self.items[index]
        if item.role == "Artifact":
            tags.artifact(self.canv, code)
            return
        elem = tags.by_key.get(id(item))
        if elem is None:
            elem = tags.list_item(self.items[0]) if item.role == "LI" else tags.element(item.role)
            tags.by_key[id(item)] = elem
        tags.begin(self.canv, elem, code)

    def _draw_bands(self, rows: list[_Row], tops: list[float]) -> None:
        """The tinted band and bar behind each item that has them, over its rows here."""
        canvas = self.canv
        n = 0
        while n < len(rows):
            end = n
            while end + 1 < len(rows) and rows[end + 1].item == rows[n].item:
                end += 1
            look = self.items[rows[n].item].look
            if look.back is not None or look.bar is not None:
                top = tops[n] + (look.pad if rows[n].first else 0.0)
                bottom = tops[end] - look.leading - (look.pad if rows[end].last else 0.0)
                canvas.saveState()
                if look.back is not None:
                    canvas.setFillColor(look.back)
                    canvas.rect(0, bottom, self.width, top - bottom, stroke=0, fill=1)
                if look.bar is not None:
                    canvas.setFillColor(look.bar)
                    canvas.rect(0, bottom, 3, top - bottom, stroke=0, fill=1)
                canvas.restoreState()
            n = end + 1

    def _draw_line(self, text: Any, state: list[Any], line: Line) -> None:
        """Each piece's text, encoded once per document per word, gathered into as few
        show-text operators as the runs and the font's subsets allow."""
        code = text._code
        doc = self.canv._doc
        cache: dict[tuple[str, str], list[tuple[str, str]]] = doc.__dict__.setdefault(
            "_facilitator_words", {}
        )
        run: Run | None = None
        name, data = "", ""
        started = False
        for piece in visual_order(line):
            if piece.run is not run:
                if data:
                    self._tj(code, state, name, run.size if run else 0, data)
                    name, data = "", ""
                run = piece.run
                self._colour(code, state, run)
                font = font_of(run.font)
                if not font._dynamicFont:  # a standard or CID font: reportlab's own path
                    if state[0] != (run.font, run.size):
                        text.setFont(run.font, run.size)
                        state[0] = (run.font, run.size)
                    shown = (" " if piece.space and started else "") + piece.text
                    code.append(text._formatText(shown))
                    run = None  # the next piece starts afresh
                    started = True
                    continue
            assert run is not None
            # an embedded TrueType font, as reportlab's ttfonts module documents it:
            # splitString gives (subset, bytes), each subset a PDF font of its own
            words: list[tuple[str, str]] = [(piece.text, "")]
            if piece.rtl:
                words = right_to_left(piece.text)
            if piece.space and started:
                words.insert(0, (" ", ""))
            for word, said in words:
                if said:
                    if data:
                        self._tj(code, state, name, run.size, data)
                        data = ""
                    code.append(f"/Span <</ActualText <feff{said.encode('utf-16-be').hex()}>>> BDC")
                for part_name, part in encoded(font_of(run.font), run.font, word, doc, cache):
                    if part_name != name and data:
                        self._tj(code, state, name, run.size, data)
                        data = ""
                    name = part_name
                    data += part
                if said:
                    self._tj(code, state, name, run.size, data)
                    data = ""
                    code.append("EMC")
            started = True
        if data and run is not None:
            self._tj(code, state, name, run.size, data)

    def _out(self, text: Any, state: list[Any], run: Run, chunk: str) -> None:
        """One run of text on its own (a bullet)."""
        self._draw_line(text, state, (Piece(chunk, run, False),))

    @staticmethod
    def _colour(code: list[str], state: list[Any], run: Run) -> None:
        if state[1] is not run.colour:
            r, g, b = run.colour.red, run.colour.green, run.colour.blue
            code.append(f"{r:.3f} {g:.3f} {b:.3f} rg")
            state[1] = run.colour

    @staticmethod
    def _tj(code: list[str], state: list[Any], name: str, size: float, data: str) -> None:
        if state[0] != (name, size):
            code.append(f"{name} {size:g} Tf")
            state[0] = (name, size)
        code.append(f"({data}) Tj")

"""Table cards: a printable PDF, one A4 page per table, folded into a tent card.

Each page is folded across its middle. The lower half faces the scribe: the table's number
large, its scribe link as a QR code (drawn as vectors from segno's modules, so it prints
sharp at any size), three lines of instructions and the link in small type for typing by
hand. The upper half is printed upside down, so that once folded the table's number faces
the room from the other side. Fonts are the app's own (export/pdf/fonts.py), embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import segno
from msgspec import Struct
from reportlab import rl_config
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from facilitator.core import atomic
from facilitator.core.control_chars import strip_controls
from facilitator.core.errors import InputError
from facilitator.export.pdf.fonts import Fonts, fonts, segments
from facilitator.export.rtl import visual_line

PAGE_W, PAGE_H = A4
MARGIN = 14 * mm
QR_SIDE = 70 * mm
QUIET = 4  # modules of white around the code
GREY = Color(0.35, 0.35, 0.35)
FOLD = Color(0.6, 0.6, 0.6)
PART_KIND = "cards"


class TableCard(Struct, frozen=True):
    number: int
    url: str  # the table's scribe link
    name: str = ""  # the table's own name, when it has one


def instructions(wifi: str = "") -> tuple[str, str, str]:
    network = f"the wifi \u201c{wifi}\u201d" if wifi else "the room\u2019s wifi"
    return (
        "1. Scan the code with your phone\u2019s camera.",
        f"2. Join {network} if your phone asks.",
        "3. Type what your table says, and press Send.",
    )


def write_table_cards(
    path: Path, cards: Sequence[TableCard], *, title: str = "", wifi: str = ""
) -> Path:
    """Write the cards to ``path`` atomically (a PDF); returns the path written."""
    path = Path(path)
    if not cards:
        raise InputError(str(path), "no tables: the event has no table to print a card for")
    if path.is_dir():
        raise InputError(str(path), "is a folder; give a file name to write")
    if not path.parent.is_dir():
        raise InputError(str(path), f"the folder {path.parent} does not exist")
    atomic.tidy_dead_parts(path.parent, PART_KIND)
    try:
        with atomic.replacing(path, kind=PART_KIND) as part:
            _write(part, cards, title, wifi)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    return path


def _write(path: Path, cards: Sequence[TableCard], title: str, wifi: str) -> None:
    rl_config.useA85 = 0
    f = fonts()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=f.sans)
    canvas.setTitle(f"Table cards: {title}" if title else "Table cards")
    canvas.setCreator("Facilitator")
    for card in cards:
        _page(canvas, f, card, title, wifi)
        canvas.showPage()
    canvas.save()


def _page(canvas: Canvas, f: Fonts, card: TableCard, title: str, wifi: str) -> None:
    half = PAGE_H / 2
    label = f"Table {card.number}"
    # the fold, dashed, and the half that faces the room once folded (upside down)
    canvas.saveState()
    canvas.setStrokeColor(FOLD)
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN / 2, half, PAGE_W - MARGIN / 2, half)
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(PAGE_W, PAGE_H)
    canvas.rotate(180)
    _centred(canvas, f, label, f.bold, 64, half * 0.5)
    if card.name:
        _centred(canvas, f, card.name, f.sans, 22, half * 0.5 - 30, GREY)
    if title:
        _centred(canvas, f, title, f.sans, 13, MARGIN + 6, GREY)
    canvas.restoreState()
    # the scribe's half: number, code, instructions, link
    top = half - MARGIN
    _centred(canvas, f, label, f.bold, 40, top - 34)
    if card.name:
        _centred(canvas, f, card.name, f.sans, 15, top - 56, GREY)
    qr_top = top - 64
    _qr(canvas, card.url, (PAGE_W - QR_SIDE) / 2, qr_top - QR_SIDE, QR_SIDE)
    y = qr_top - QR_SIDE - 18
    for line in instructions(wifi):
        _centred(canvas, f, line, f.sans, 13, y)
        y -= 18
    _centred(canvas, f, card.url, f.sans, 9, MARGIN, GREY)


def _qr(canvas: Canvas, url: str, x: float, y: float, side: float) -> None:
    code = segno.make(url, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=QUIET)]
    unit = side / len(rows)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, side, side, stroke=0, fill=1)
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + side - (r + 1) * unit
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + start * unit, top, (c - start) * unit, unit)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _centred(
    canvas: Canvas,
    f: Fonts,
    text: str,
    font: str,
    size: float,
    y: float,
    colour: Color = black,
) -> None:
    """One line centred on the page, shrunk to fit between the margins, each character
    in the first bundled font that has it."""
    text = visual_line(strip_controls(text.replace("\n", " ")))
    runs = segments(text, font, f.fallbacks)
    width = sum(stringWidth(t, fn, size) for t, fn in runs)
    room = PAGE_W - 2 * MARGIN
    if width > room:
        size *= room / width
        width = room
    x = (PAGE_W - width) / 2
    canvas.saveState()
    canvas.setFillColor(colour)
    for t, fn in runs:
        canvas.setFont(fn, size)
        canvas.drawString(x, y, t)
        x += stringWidth(t, fn, size)
    canvas.restoreState()

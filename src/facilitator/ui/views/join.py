"""The Join slide: how phones join the room network, readable from the back of the room.

The QR code takes the left of the screen, as large as the height allows; the title, a
line of instructions and the link in large type take the right. The link shows its address
on one line and its path on the next, each kept whole where it fits. The code is dark on white
in every look (see ui/room/qr.py); the words follow the look.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from facilitator.core.projector_state import JoinSlide
from facilitator.ui.room.qr import paint_qr
from facilitator.ui.views.base import PaintReport, Palette, fit_font
from facilitator.ui.views.slides import Line, paint_block

BREAK = "\u200b"  # a zero-width space: where a long link may wrap
JOIN = "\u2060"  # a word joiner: Qt would otherwise wrap after any "/"
NBSP = "\u00a0"  # keeps the wifi's name whole on one line
CLOSED = "The room network is not open"


def shown_url(url: str, *, wrap: bool = False) -> str:
    """``url`` as shown: the address and port on one line, the path on the next; with
    ``wrap``, either may also break (the path between any two characters), for a link too
    long to show whole at the smallest size."""
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    if not slash:
        return url
    if wrap:
        host = host.replace(".", "." + BREAK).replace(":", ":" + BREAK)
        path = BREAK.join(path)
    else:
        path = path.replace("/", "/" + JOIN)
    return f"{scheme}{sep}{host}/\n{path}"


def paint_join(
    painter: QPainter, rect: QRectF, slide: JoinSlide, palette: Palette, report: PaintReport
) -> None:
    h = rect.height()
    m = h * 0.07
    area = rect.adjusted(m * 1.4, m, -m * 1.4, -m)
    if not slide.url:
        lines = [Line(CLOSED, h * 0.1, h * 0.056, palette.text, bold=True, hero=True)]
        paint_block(painter, area, lines, report)
        return
    qr_side = min(area.height(), area.width() * 0.42)
    qr_box = QRectF(area.left(), area.center().y() - qr_side / 2, qr_side, qr_side)
    paint_qr(painter, qr_box, slide.url)
    gap = h * 0.06
    words = QRectF(
        qr_box.right() + gap, area.top(), area.right() - qr_box.right() - gap, area.height()
    )
    link_max, link_min, link_share = h * 0.07, h * 0.03, 0.4
    link = shown_url(slide.url)
    box = QRectF(0, 0, words.width(), words.height() * link_share)
    if not fit_font(link, box, max_px=link_max, min_px=link_min, bold=True)[1]:
        link = shown_url(slide.url, wrap=True)
    scan = "Scan the code with your phone's camera, or type"
    lines = [Line(slide.title, h * 0.085, h * 0.056, palette.text, bold=True, hero=True, share=0.3)]
    if slide.wifi:  # phones must be on the room's network first: say it first
        # the name kept whole on a line where it fits: it must be read exactly
        wifi = f"1. Join the wifi \u201c{slide.wifi.replace(' ', NBSP)}\u201d"
        box = QRectF(0, 0, words.width(), words.height() * 0.15)
        if not fit_font(wifi, box, max_px=h * 0.05, min_px=h * 0.032, bold=True)[1]:
            wifi = f"1. Join the wifi \u201c{slide.wifi}\u201d"
        lines.append(
            Line(
                wifi,
                h * 0.05,
                h * 0.032,
                palette.text,
                bold=True,
                share=0.15,
                gap_before=h * 0.04,
            )
        )
        scan = "2. " + scan
    lines += [
        Line(scan, h * 0.045, h * 0.032, palette.muted, share=0.2, gap_before=h * 0.03),
        Line(
            link,
            link_max,
            link_min,
            palette.accent,
            bold=True,
            share=link_share,
            gap_before=h * 0.02,
        ),
    ]
    paint_block(painter, words, lines, report)

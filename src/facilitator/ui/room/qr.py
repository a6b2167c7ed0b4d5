"""QR codes for the room's links, drawn by Qt from segno's modules.

A code is painted module by module into any rectangle, on whole pixels, so it stays crisp
at any size (the projector at 4K, a thumbnail, a pixmap in the Room panel). It is always
dark on white with its quiet zone, whatever the projector's look: some phone cameras do
not read a light-on-dark code.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

QUIET = 4  # modules of white around the code, as the standard asks
DARK = QColor("#000000")
LIGHT = QColor("#ffffff")


@lru_cache(maxsize=64)
def modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The code's dark modules, row by row, quiet zone included."""
    import segno  # here: a console that never shows a code never loads it

    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=QUIET))


def side(text: str) -> int:
    """Modules across, quiet zone included."""
    return len(modules(text))


def paint_qr(painter: QPainter, rect: QRectF, text: str) -> QRectF:
    """Paint the code as the largest square of whole-pixel modules centred in ``rect``;
    returns the square painted (white included). Nothing is painted if it cannot fit one
    pixel per module."""
    rows = modules(text)
    n = len(rows)
    unit = int(min(rect.width(), rect.height()) // n)
    if unit < 1:
        return QRectF()
    size = unit * n
    left = round(rect.left() + (rect.width() - size) / 2)
    top = round(rect.top() + (rect.height() - size) / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(left, top, size, size), LIGHT)
    for y, row in enumerate(rows):
        x = 0
        while x < n:  # one rectangle per run of dark modules
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            painter.fillRect(
                QRectF(left + start * unit, top + y * unit, (x - start) * unit, unit), DARK
            )
    painter.restore()
    return QRectF(left, top, size, size)


def qr_image(text: str, px: int) -> QImage:
    """The code as an image about ``px`` wide (whole pixels per module, white around)."""
    image = QImage(px, px, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    paint_qr(painter, QRectF(0, 0, px, px), text)
    painter.end()
    return image


def qr_pixmap(text: str, px: int) -> QPixmap:
    return QPixmap.fromImage(qr_image(text, px))

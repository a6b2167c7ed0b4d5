"""An image file chosen as a logo, made into the PNG the event file keeps (base64).

The holding slide's logo keeps its transparency; the reports' logo is flattened onto
white as an RGB PNG, which the PDF can hold as it is (``export/pdf/logo.py``) and the web
page shows on its white paper.
"""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter

from facilitator.core.errors import InputError


def logo_png_base64(path: Path, largest: QSize, *, on_white: bool = False) -> str:
    """The image at ``path`` as PNG in base64, no larger than ``largest`` (proportions
    kept). Raises InputError for a file that is not an image Qt can read."""
    image = QImage(str(path))
    if image.isNull():
        raise InputError(path.name, "not an image the app can read (PNG, JPEG, SVG…)")
    if image.width() > largest.width() or image.height() > largest.height():
        image = image.scaled(
            largest,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if on_white:
        flat = QImage(image.size(), QImage.Format.Format_RGB888)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
    return base64.b64encode(bytes(buffer.data().data())).decode("ascii")

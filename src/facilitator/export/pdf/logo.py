"""The organiser's logo on the cover: a PNG put in the PDF as it is, without decoding it.

The event details keep the logo as an RGB PNG (the app flattens it onto white when it is
chosen). A PDF image can hold a PNG's compressed pixel data as they are (FlateDecode with
the PNG predictors), so the logo needs no imaging library and costs no time to convert.
A PNG that is not 8-bit grey or RGB, or not a PNG, is left off (:func:`read_png` says
None) rather than drawn wrong.
"""

from __future__ import annotations

import hashlib
import struct
from typing import Any

from msgspec import Struct
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFName, PDFStream
from reportlab.platypus import Flowable

from facilitator.export.pdf.tagging import tags_of

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
COLOUR_SPACES = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3)}  # PNG colour type: (space, n)


class Png(Struct, frozen=True):
    width: int
    height: int
    colour_type: int
    data: bytes  # the IDAT chunks, joined: one zlib stream of filtered rows


def read_png(raw: bytes) -> Png | None:
    """The parts of an 8-bit, non-interlaced grey or RGB PNG a PDF image needs; None for
    anything else (a damaged file, a palette, an alpha channel, 16 bits)."""
    if not raw.startswith(PNG_SIGNATURE):
        return None
    at, header, data = len(PNG_SIGNATURE), None, []
    while at + 8 <= len(raw):
        length, kind = struct.unpack(">I4s", raw[at : at + 8])
        body = raw[at + 8 : at + 8 + length]
        if len(body) < length:
            return None
        if kind == b"IHDR" and length == 13:
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            data.append(body)
        elif kind == b"IEND":
            break
        at += 12 + length
    if header is None or not data:
        return None
    width, height, depth, colour, _compression, _filter, interlace = header
    if depth != 8 or colour not in COLOUR_SPACES or interlace or not width or not height:
        return None
    return Png(width, height, colour, b"".join(data))


class _PngXObject(PDFImageXObject):  # type: ignore[misc]
    def __init__(self, name: str, png: Png) -> None:
        super().__init__(name)
        space, self.colours = COLOUR_SPACES[png.colour_type]
        self.width, self.height, self.colorSpace = png.width, png.height, space
        self.bitsPerComponent = 8
        self.streamContent = png.data
        self._filters = ("FlateDecode",)
        self.mask = None

    def format(self, document: Any) -> bytes:
        stream = PDFStream(content=self.streamContent)
        d = stream.dictionary
        d["Type"], d["Subtype"] = PDFName("XObject"), PDFName("Image")
        d["Width"], d["Height"] = self.width, self.height
        d["BitsPerComponent"], d["ColorSpace"] = 8, PDFName(self.colorSpace)
        d["Filter"] = PDFName("FlateDecode")
        d["DecodeParms"] = (
            f"<< /Predictor 15 /Colors {self.colours} /BitsPerComponent 8 /Columns {self.width} >>"
        )
        d["Length"] = len(self.streamContent)
        result: bytes = stream.format(document)
        return result


class Logo(Flowable):  # type: ignore[misc]
    """The logo, at most ``max_w`` by ``max_h`` points, its proportions kept; a Figure in
    the structure tree with ``alt`` as its text."""

    self_tagging = True

    def __init__(self, png: Png, alt: str, max_w: float, max_h: float) -> None:
        super().__init__()
        self.png, self.alt = png, alt
        scale = min(max_w / png.width, max_h / png.height, 1.0)
        self.width, self.height = png.width * scale, png.height * scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        doc = canvas._doc
        name = "logo" + hashlib.sha1(self.png.data).hexdigest()[:16]
        reg = doc.getXObjectName(name)
        if doc.idToObject.get(reg) is None:
            image = _PngXObject(name, self.png)
            canvas._setXObjects(image)
            doc.Reference(image, reg)
            doc.addForm(name, image)
        tags = tags_of(canvas)
        if tags is not None:
            tags.begin(canvas, tags.element("Figure", alt=self.alt))
        canvas.saveState()
        canvas.scale(self.width, self.height)
        canvas._code.append(f"/{reg} Do")
        canvas.restoreState()
        canvas._formsinuse.append(name)
        canvas._currentPageHasImages = 1
        if tags is not None:
            tags.end(canvas)

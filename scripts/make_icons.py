"""Render the app icon's SVG into the PNG, ICO and ICNS files each platform needs.

    .venv/bin/python scripts/make_icons.py            # write resources/icons/app/
    .venv/bin/python scripts/make_icons.py --preview OUT.png   # also a sheet of every icon

Rendering uses Qt's own SVG renderer on the offscreen platform, so no display and no
image library beyond PySide6 is needed. ICO and ICNS are simple containers of PNG images;
they are written here byte by byte (both formats have held PNG entries since Windows
Vista and macOS 10.7).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "resources" / "icons"
APP_SVG = ICONS / "facilitator.svg"
OUT = ICONS / "app"

# Linux hicolor theme sizes; the ICO carries the sizes Windows asks for (Explorer, taskbar,
# title bar, at 100-200% scaling).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size each must be.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128@2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256@2x
    (b"ic10", 1024),  # 512@2x
)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes; only str works
        raise SystemExit("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR, one 16-byte ICONDIRENTRY per size, then the PNG images."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """'icns', the total length, then (type, length including its 8-byte header, PNG)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_app_icons(svg: Path = APP_SVG, out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: png_bytes(render(svg, size)) for size in sizes}
    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / f"facilitator-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = out / "facilitator.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out / "facilitator.icns"
    icns.write_bytes(icns_bytes(pngs))
    return [*written, ico, icns]


def write_preview(path: Path) -> None:
    """Every action icon at 24 and 48 px on light and dark, and the app icon: to look at."""
    actions = sorted((ICONS / "actions").glob("*.svg"))
    cell, cols = 72, 8
    rows = (len(actions) + cols - 1) // cols
    sheet = QImage(cols * cell * 2, rows * cell + 160, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#f4f4f4"))
    painter = QPainter(sheet)
    painter.fillRect(cols * cell, 0, cols * cell, rows * cell, QColor("#3a3f44"))
    for i, svg in enumerate(actions):
        x, y = (i % cols) * cell, (i // cols) * cell
        painter.drawImage(x + 4, y + 4, render(svg, 24))
        painter.drawImage(x + 20, y + 20, render(svg, 48))
        painter.drawImage(cols * cell + x + 12, y + 12, render(svg, 48))
    for j, size in enumerate((16, 32, 64, 128)):
        painter.drawImage(16 + j * 150, rows * cell + 16, render(APP_SVG, size))
    painter.end()
    sheet.save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", type=Path, help="also write a sheet of every icon here")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_app_icons():
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size} bytes)")
    if args.preview:
        write_preview(args.preview)
        print(f"wrote {args.preview}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

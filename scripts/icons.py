"""Render the application icon's PNG and Windows ICO files from its two SVG sources.

Usage (from the repository root)::

    python scripts/icons.py

Sources, both drawn by hand (no font needed) in ``resources/icons/``:

* ``tribunal.svg`` — the full icon (仲 on a navy seal disc with a thin gold ring), used from
  48 px up;
* ``tribunal-small.svg`` — the same figure without the ring, its strokes set on the pixel
  grid of a 16 px icon, used up to 32 px (a ring or a half-pixel stroke blurs at that size).

Writes, next to the sources (all committed, so neither an installed program nor a packaging
run needs Qt's SVG renderer or this script):

* ``tribunal-<N>.png`` for N in :data:`PNG_SIZES` — the window icon (Qt picks the nearest
  size), the Linux menu entry (hicolor icon theme) and the 关于 box;
* ``tribunal.ico`` with every size in :data:`ICO_SIZES` — the Windows program file, its
  Start-menu and desktop shortcuts and the uninstall entry.

Rendering uses Qt's own SVG renderer (``QSvgRenderer``); Pillow assembles the ICO from the
rendered images (each size drawn from the source, not scaled from another size).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
FULL_SOURCE = ICONS / "tribunal.svg"
SMALL_SOURCE = ICONS / "tribunal-small.svg"
#: Largest size drawn from the small source.
SMALL_UP_TO = 32
#: PNG files written (also the sizes installed into the Linux hicolor icon theme).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Sizes in the Windows ICO: Windows picks 16/20/24/32/40/48/64/96 by screen scaling and
#: 256 for large icon views.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)


def source_for(size: int) -> Path:
    """The SVG drawn at ``size`` pixels: the pixel-grid variant up to 32 px."""
    return SMALL_SOURCE if size <= SMALL_UP_TO else FULL_SOURCE


def render_png(size: int) -> bytes:
    """Render the icon at ``size`` × ``size`` pixels and return it as PNG bytes."""
    # A development tool, not part of the program: Qt's SVG renderer draws the icon.
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: TID251
    from PySide6.QtGui import QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    renderer = QSvgRenderer(str(source_for(size)))
    if not renderer.isValid():
        raise SystemExit(f"error: {source_for(size)} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(images: dict[int, bytes], path: Path) -> None:
    """Write a Windows ICO holding each of ``images`` (size → PNG bytes) unscaled."""
    from PIL import Image

    frames = [Image.open(io.BytesIO(images[size])).convert("RGBA") for size in ICO_SIZES]
    largest = frames[-1]
    # Pillow stores, for each requested size, the appended frame of exactly that size.
    largest.save(path, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=frames[:-1])


def main(argv: list[str] | None = None) -> int:
    """Render every PNG and the ICO; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: TID251 (see render_png)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        target = ICONS / f"tribunal-{size}.png"
        target.write_bytes(images[size])
        print(f"wrote {target.relative_to(ROOT)} ({len(images[size]):,} bytes)")
    ico = ICONS / "tribunal.ico"
    write_ico(images, ico)
    print(f"wrote {ico.relative_to(ROOT)} ({ico.stat().st_size:,} bytes, "
          f"sizes {', '.join(map(str, ICO_SIZES))})")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The one stylesheet of every document: GB/T 9704-2012 type sizes, leading, alignment — and how tight it may get.

Sizes use the Chinese 字号 names: 二号 22 pt (titles), 三号 16 pt (body), 四号 14 pt, 小四 12 pt
(table cells), 五号 10.5 pt (notes). At the default :class:`Fit` the body has 28 characters a
line and 22 lines in the 156 × 225 mm text block, as GB/T 9704-2012 §5.2.3 sets it: a leading
of 28.95 pt, and a tracking of −0.21 pt that brings 16 pt characters to a 15.79 pt pitch.
Line breaking and justification follow Chinese rules (see linebreak.py).

When a document must fit a page (a proof of service, a poster, a certificate) or would leave
its signature alone on a page, the renderer base tries tighter fits from :data:`LEVELS`:
first line spacing, character spacing and the space between blocks, then the type size —
never below the hard limits: body text 14 pt, table cells 10.5 pt, line pitch 1.15 × the size.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from tribunal.documents import linebreak
from tribunal.documents.fonts import FontSet

__all__ = ["BODY_LEADING", "BODY_SIZE", "DEFAULT_FIT", "LEVELS", "MILD_LEVELS", "MIN_BODY", "MIN_CELL",
           "MIN_PITCH", "SIZE", "Fit", "Styles", "stylesheet"]

#: Chinese type sizes (字号) in points.
SIZE: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
}

BODY_SIZE = SIZE["三号"]
BODY_LEADING = 28.95  # 225 mm / 22 lines
INDENT = 2 * BODY_SIZE  # 首行缩进两个字
#: The GB/T 9704 text block is 156 mm wide and holds 28 characters of 三号.
_BLOCK_WIDTH = 156 * mm
_CHARACTERS_A_LINE = 28
#: Character pitch over type size at the default: 15.79 pt / 16 pt.
GRID_PITCH = _BLOCK_WIDTH / _CHARACTERS_A_LINE / BODY_SIZE

MIN_BODY = SIZE["四号"]
MIN_CELL = SIZE["五号"]
MIN_PITCH = 1.15  # line pitch over type size

# Chinese line breaking (no punctuation at a line start, nothing hanging into the margin)
# and full justification replace ReportLab's defaults for every paragraph.
linebreak.install()


@dataclass(frozen=True)
class Fit:
    """How tight a document is set.

    Attributes:
        body: body type size (pt).
        leading: body line pitch (pt).
        pitch: body character pitch over type size (1.0 = the font's own widths).
        cell: table-cell type size (pt).
        cell_leading: table-cell line pitch over the cell size.
        space: scale of the space between blocks (paragraph spacing, blank lines).
    """

    body: float = BODY_SIZE
    leading: float = BODY_LEADING
    pitch: float = GRID_PITCH
    cell: float = SIZE["小四"]
    cell_leading: float = 1.5
    space: float = 1.0

    def __post_init__(self) -> None:
        if self.body < MIN_BODY or self.cell < MIN_CELL:
            raise ValueError(f"type below the limits: body {self.body} pt, cells {self.cell} pt")
        if self.leading < MIN_PITCH * self.body - 1e-6 or self.cell_leading < MIN_PITCH - 1e-6:
            raise ValueError(f"line pitch below {MIN_PITCH} × the type size")

    @property
    def tracking(self) -> float:
        """Points added after each body character (negative: tighter than the font)."""
        return self.body * (self.pitch - 1)

    def scale(self, length: float) -> float:
        """A vertical space of the default fit (``length`` points) at this fit."""
        return length * self.space


DEFAULT_FIT = Fit()
#: From the default to the tightest allowed: spacing first, then type size.
LEVELS: tuple[Fit, ...] = (
    DEFAULT_FIT,
    Fit(leading=27, cell_leading=1.4, space=0.8),
    Fit(leading=25, pitch=0.975, cell=11.5, cell_leading=1.35, space=0.7),
    Fit(leading=23, pitch=0.965, cell=11, cell_leading=1.3, space=0.6),
    Fit(leading=21, pitch=0.96, cell=10.5, cell_leading=1.25, space=0.5),
    Fit(leading=18.4, pitch=0.96, cell=10.5, cell_leading=1.15, space=0.4),
    Fit(body=15, leading=17.25, pitch=0.96, cell=10.5, cell_leading=1.15, space=0.4),
    Fit(body=14, leading=16.1, pitch=0.96, cell=10.5, cell_leading=1.15, space=0.3),
)
#: The fits a letter may take to keep its signature off a page of its own: spacing only.
MILD_LEVELS = LEVELS[:4]


@dataclass(frozen=True)
class Styles:
    """Every paragraph style a document may use (one instance per font set and fit)."""

    issuer: ParagraphStyle
    title: ParagraphStyle
    title_large: ParagraphStyle
    subtitle: ParagraphStyle
    number: ParagraphStyle
    addressee: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle
    compact: ParagraphStyle
    h1: ParagraphStyle
    h1_flush: ParagraphStyle
    h2: ParagraphStyle
    signature: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    cell_small_center: ParagraphStyle
    note: ParagraphStyle
    note_item: ParagraphStyle
    annotation: ParagraphStyle
    footer: ParagraphStyle
    page_number: ParagraphStyle
    slip_title: ParagraphStyle
    continued: ParagraphStyle


def stylesheet(fonts: FontSet, fit: Fit = DEFAULT_FIT) -> Styles:
    """Build the stylesheet for ``fonts`` (the role fonts the settings chose) at ``fit``."""
    fangsong = fonts.font("fangsong")
    biaosong = fonts.font("xiaobiaosong")
    hei = fonts.font("heiti")
    kai = fonts.font("kaiti")
    body, lead, track = fit.body, fit.leading, fit.tracking
    loose = lead / BODY_LEADING  # 1 at the default, smaller when tighter

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": fangsong, "fontSize": body, "leading": lead, "trbTracking": track,
            "wordWrap": "CJK", "alignment": TA_LEFT, "allowOrphans": 0, "allowWidows": 0,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    def sized(size: float, ratio: float) -> dict[str, object]:
        """A smaller type: no tracking, leading ``ratio`` × size, tightened like the body."""
        return {"fontSize": size, "leading": max(MIN_PITCH * size, size * ratio * loose), "trbTracking": 0.0}

    def title_leading(size: float, default: float) -> float:
        return max(MIN_PITCH * size, default * min(1.0, loose + 0.1))

    cell, cell_lead = fit.cell, fit.cell * fit.cell_leading
    cells = {"fontSize": cell, "leading": cell_lead, "trbTracking": 0.0}
    compact = SIZE["四号"]
    return Styles(
        issuer=style("issuer", fontName=biaosong, fontSize=SIZE["二号"], leading=title_leading(SIZE["二号"], 34),
                     alignment=TA_CENTER, trbTracking=0.0),
        title=style("title", fontName=biaosong, fontSize=SIZE["二号"], leading=title_leading(SIZE["二号"], 34),
                    alignment=TA_CENTER, spaceBefore=fit.scale(4), spaceAfter=fit.scale(10), trbTracking=0.0,
                    keepWithNext=1),
        title_large=style("title_large", fontName=biaosong, fontSize=SIZE["一号"], leading=title_leading(SIZE["一号"], 40),
                          alignment=TA_CENTER, spaceAfter=fit.scale(14), trbTracking=0.0, keepWithNext=1),
        subtitle=style("subtitle", fontName=kai, alignment=TA_CENTER, spaceAfter=fit.scale(8), keepWithNext=1),
        number=style("number", alignment=TA_RIGHT, spaceAfter=fit.scale(6)),
        addressee=style("addressee"),
        body=style("body", firstLineIndent=2 * body, alignment=TA_JUSTIFY),
        body_flush=style("body_flush", alignment=TA_JUSTIFY),
        # 四号 for attachments (the rules behind a letter, the notes under a form).
        compact=style("compact", firstLineIndent=2 * compact, alignment=TA_JUSTIFY, **sized(compact, 22 / compact)),
        h1=style("h1", fontName=hei, firstLineIndent=2 * body, keepWithNext=1),
        h1_flush=style("h1_flush", fontName=hei, keepWithNext=1),
        h2=style("h2", fontName=kai, firstLineIndent=2 * body, keepWithNext=1),
        signature=style("signature", alignment=TA_CENTER),
        cell=style("cell", alignment=TA_JUSTIFY, **cells),
        cell_center=style("cell_center", alignment=TA_CENTER, **cells),
        cell_head=style("cell_head", fontName=hei, alignment=TA_CENTER, **cells),
        cell_small=style("cell_small", **sized(SIZE["五号"], 1.4)),
        cell_small_center=style("cell_small_center", alignment=TA_CENTER, **sized(SIZE["五号"], 1.4)),
        note=style("note", alignment=TA_JUSTIFY, **sized(SIZE["五号"], 1.6)),
        # 附注: after the date, two characters in (GB/T 9704-2012 §7.3.6), here in 五号.
        annotation=style("annotation", alignment=TA_JUSTIFY, firstLineIndent=2 * SIZE["五号"],
                         spaceBefore=fit.scale(4), **sized(SIZE["五号"], 1.5)),
        # A numbered note ("1. ……") whose later lines start under the text, not the number.
        note_item=style("note_item", alignment=TA_JUSTIFY, leftIndent=1.3 * SIZE["五号"],
                        firstLineIndent=-1.3 * SIZE["五号"], **sized(SIZE["五号"], 1.6)),
        footer=style("footer", alignment=TA_CENTER, **sized(SIZE["五号"], 1.4)),
        page_number=style("page_number", fontSize=SIZE["四号"], leading=SIZE["四号"] * 1.2, trbTracking=0.0),
        slip_title=style("slip_title", fontName=biaosong, fontSize=SIZE["小二"], leading=title_leading(SIZE["小二"], 28),
                         alignment=TA_CENTER, spaceAfter=fit.scale(8), trbTracking=0.0, keepWithNext=1),
        continued=style("continued", fontName=hei, alignment=TA_LEFT, spaceAfter=fit.scale(4),
                        **sized(SIZE["小四"], 1.5)),
    )

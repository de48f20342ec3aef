"""The one stylesheet of every document: GB/T 9704-2012 type sizes, leading and alignment.

Sizes use the Chinese 字号 names: 二号 22 pt (titles), 三号 16 pt (body), 四号 14 pt, 小四 12 pt
(table cells), 五号 10.5 pt (notes). The body leading of 28.95 pt puts 22 lines in the 225 mm
text block, as GB/T 9704 asks. Line breaking and justification follow Chinese rules (see
linebreak.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from tribunal.documents import linebreak
from tribunal.documents.fonts import FontSet

__all__ = ["SIZE", "Styles", "stylesheet"]

#: Chinese type sizes (字号) in points.
SIZE: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
}

BODY_SIZE = SIZE["三号"]
BODY_LEADING = 28.95  # 225 mm / 22 lines
INDENT = 2 * BODY_SIZE  # 首行缩进两个字

# Chinese line breaking (no punctuation at a line start, nothing hanging into the margin)
# and full justification replace ReportLab's defaults for every paragraph.
linebreak.install()


@dataclass(frozen=True)
class Styles:
    """Every paragraph style a document may use (one instance per font set)."""

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
    note: ParagraphStyle
    footer: ParagraphStyle
    page_number: ParagraphStyle
    slip_title: ParagraphStyle


def stylesheet(fonts: FontSet) -> Styles:
    """Build the stylesheet for ``fonts`` (the role fonts the settings chose)."""
    fangsong = fonts.font("fangsong")
    biaosong = fonts.font("xiaobiaosong")
    hei = fonts.font("heiti")
    kai = fonts.font("kaiti")

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": fangsong, "fontSize": BODY_SIZE, "leading": BODY_LEADING,
            "wordWrap": "CJK", "alignment": TA_LEFT, "allowOrphans": 0, "allowWidows": 0,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    cell_size = SIZE["小四"]
    return Styles(
        issuer=style("issuer", fontName=biaosong, fontSize=SIZE["二号"], leading=34,
                     alignment=TA_CENTER),
        title=style("title", fontName=biaosong, fontSize=SIZE["二号"], leading=34,
                    alignment=TA_CENTER, spaceBefore=4, spaceAfter=10),
        title_large=style("title_large", fontName=biaosong, fontSize=SIZE["一号"], leading=40,
                          alignment=TA_CENTER, spaceAfter=14),
        subtitle=style("subtitle", fontName=kai, alignment=TA_CENTER, spaceAfter=8),
        number=style("number", alignment=TA_RIGHT, spaceAfter=6),
        addressee=style("addressee"),
        body=style("body", firstLineIndent=INDENT, alignment=TA_JUSTIFY),
        body_flush=style("body_flush", alignment=TA_JUSTIFY),
        # 四号 for attachments (the rules behind a letter, the notes under a form).
        compact=style("compact", fontSize=SIZE["四号"], leading=24, firstLineIndent=2 * SIZE["四号"],
                      alignment=TA_JUSTIFY),
        h1=style("h1", fontName=hei, firstLineIndent=INDENT),
        h1_flush=style("h1_flush", fontName=hei),
        h2=style("h2", fontName=kai, firstLineIndent=INDENT),
        signature=style("signature", alignment=TA_CENTER),
        cell=style("cell", fontSize=cell_size, leading=cell_size * 1.5, alignment=TA_JUSTIFY),
        cell_center=style("cell_center", fontSize=cell_size, leading=cell_size * 1.5,
                          alignment=TA_CENTER),
        cell_head=style("cell_head", fontName=hei, fontSize=cell_size, leading=cell_size * 1.5,
                        alignment=TA_CENTER),
        cell_small=style("cell_small", fontSize=SIZE["五号"], leading=SIZE["五号"] * 1.4),
        note=style("note", fontSize=SIZE["五号"], leading=SIZE["五号"] * 1.6, alignment=TA_JUSTIFY),
        footer=style("footer", fontSize=SIZE["五号"], leading=SIZE["五号"] * 1.4,
                     alignment=TA_CENTER),
        page_number=style("page_number", fontSize=SIZE["四号"], leading=SIZE["四号"] * 1.2),
        slip_title=style("slip_title", fontName=biaosong, fontSize=SIZE["小二"], leading=28,
                         alignment=TA_CENTER, spaceAfter=8),
    )

"""The renderer base every document builds on: A4 GB/T 9704 geometry, page furniture, bytes out.

A document subclasses :class:`DocumentRenderer`, sets ``KIND`` and the class attributes it
wants to change, and implements :meth:`~DocumentRenderer.story` (the flowables) and
:meth:`~DocumentRenderer.meta` (title and issue date). The base takes care of the rest:

* page geometry as class attributes (A4; margins 37/35/28/26 mm — a 156 × 225 mm text block);
* page numbers by a deferred canvas that lays out every page first and then knows the total
  ("— 2 —" in GB/T 9704 style, or "第 2 页 共 3 页" on forms), omitted on one-page documents;
* a footer note on every page (privacy line, disclaimer) and an optional header mark;
* deterministic output: ReportLab's invariant mode, the creation date taken from the data
  (the document's issue date), and a document ID derived from the document's key — the same
  data always gives the same bytes;
* the per-glyph font fallback for all text that goes through :meth:`~DocumentRenderer.p`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tribunal.documents.data import Commission
from tribunal.documents.fonts import FontSet, load_fonts
from tribunal.documents.formatting import signature_date
from tribunal.documents.styles import BODY_LEADING, BODY_SIZE, SIZE, Styles, stylesheet

__all__ = ["DocMeta", "DocumentRenderer", "Rendered"]

T = TypeVar("T")

# Page streams are Flate-compressed only: ReportLab would also wrap them in ASCII85, a
# pure-Python step that makes files a quarter larger and costs more time than the layout.
rl_config.useA85 = 0

PRODUCER = "Tribunal 巡回仲裁庭书记员工作台 (ReportLab)"


@dataclass(frozen=True)
class DocMeta:
    """What a document says about itself: title, subject, issue date and a stable key.

    ``key`` identifies the document (e.g. ``notice:hearing=3:party=7``); it seeds the PDF's
    file identifier, so two different documents never share one while a reprint keeps it.
    """

    title: str
    issue_date: dt.date
    key: str
    subject: str = ""


@dataclass(frozen=True)
class Rendered:
    """One rendered document: the PDF bytes and what the clerk should know about them."""

    kind: str  # DocumentKind value
    title: str
    data: bytes
    pages: int
    missing_characters: str = ""  # characters no font could draw (printed as blanks)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Human-readable problems with this document (empty when it prints as intended)."""
        if not self.missing_characters:
            return ()
        return (f"《{self.title}》中有字体无法显示的字符：{self.missing_characters}，"
                "请核对姓名或改用其他写法",)


class _Timestamp:
    """Stands in for ReportLab's TimeStamp so the PDF's dates come from the document's data."""

    def __init__(self, day: dt.date) -> None:
        self.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
        self.dhh, self.dmm = 8, 0  # China Standard Time
        self.tzname = "CST"
        self.t = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()
        self.lt = (*self.YMDhms, 0, 0, 0)


class _DeferredCanvas(Canvas):
    """A canvas that keeps every page until the end, so page furniture can say "of y"."""

    def __init__(self, *args: Any, trb_renderer: DocumentRenderer[Any], trb_meta: DocMeta,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._trb_renderer = trb_renderer
        self._trb_pages: list[dict[str, Any]] = []
        doc = self._doc
        doc._timeStamp = _Timestamp(trb_meta.issue_date)
        doc.updateSignature(trb_meta.key)
        trb_renderer._seed_glyphs(doc)

    def showPage(self) -> None:
        self._trb_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._trb_pages)
        for state in self._trb_pages:
            self.__dict__.update(state)
            self._trb_renderer._furnish_page(self, self._pageNumber, total)
            Canvas.showPage(self)
        self._trb_renderer._page_count = total
        Canvas.save(self)


class DocumentRenderer(ABC, Generic[T]):
    """Base of every document renderer; subclasses provide :meth:`story` and :meth:`meta`.

    A renderer is cheap to create and may render many documents one after another, but not
    two at the same time (ReportLab's font objects keep per-document state).
    """

    KIND: ClassVar[str] = ""
    PAGE_SIZE: ClassVar[tuple[float, float]] = A4
    TOP_MARGIN: ClassVar[float] = 37 * mm
    BOTTOM_MARGIN: ClassVar[float] = 35 * mm
    LEFT_MARGIN: ClassVar[float] = 28 * mm
    RIGHT_MARGIN: ClassVar[float] = 26 * mm
    #: "dash" (— 1 —, GB/T 9704: odd pages right, even pages left), "x_of_y" (centred), "none".
    PAGE_NUMBERS: ClassVar[str] = "dash"
    #: Gap between the text block's lower edge and the page number's dashes (GB/T 9704: 7 mm).
    PAGE_NUMBER_GAP: ClassVar[float] = 7 * mm
    #: A short mark at the top right of every page (e.g. "内部工作用表"); empty for none.
    HEADER_MARK: ClassVar[str] = ""
    #: The document's standing wording (any order, repeats allowed). Its characters are put
    #: into the embedded font subsets first, so documents of one kind share their first
    #: subsets and the fonts' cache can reuse them (see fonts._speed_up). It never changes
    #: what is printed; a stale seed only makes the cache hit less often.
    GLYPH_SEED: ClassVar[str] = ""

    def __init__(self, commission: Commission, fonts: FontSet | None = None) -> None:
        self.commission = commission
        self.fonts = fonts or load_fonts()
        self.styles: Styles = stylesheet(self.fonts)
        self._texts: list[str] = []
        self._font_texts: dict[str, list[str]] = {}
        self._page_count = 0
        self._footer_note = ""

    # ------------------------------------------------------------ geometry

    @classmethod
    def text_width(cls) -> float:
        """Width of the text block (156 mm on A4 with the GB/T 9704 margins)."""
        return cls.PAGE_SIZE[0] - cls.LEFT_MARGIN - cls.RIGHT_MARGIN

    @classmethod
    def text_height(cls) -> float:
        """Height of the text block (225 mm on A4 with the GB/T 9704 margins)."""
        return cls.PAGE_SIZE[1] - cls.TOP_MARGIN - cls.BOTTOM_MARGIN

    # ------------------------------------------------------------ what subclasses provide

    @abstractmethod
    def story(self, data: T) -> list[Flowable]:
        """The flowables of the document."""

    @abstractmethod
    def meta(self, data: T) -> DocMeta:
        """Title, issue date and key of the document."""

    def footer_note(self, data: T) -> str:
        """Plain text printed small at the foot of every page ("" for none)."""
        return ""

    # ------------------------------------------------------------ rendering

    def render(self, data: T) -> Rendered:
        """Lay out ``data`` and return the PDF."""
        self._texts = []
        self._font_texts = {}
        meta = self.meta(data)
        self._footer_note = self.footer_note(data)
        self.m(self._footer_note, self.styles.footer)
        story = self.story(data)
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.PAGE_SIZE,
            leftMargin=self.LEFT_MARGIN,
            rightMargin=self.RIGHT_MARGIN,
            topMargin=self.TOP_MARGIN,
            bottomMargin=self.BOTTOM_MARGIN,
            title=meta.title,
            author=self.commission.issuer,
            subject=meta.subject or meta.title,
            creator=PRODUCER,
            producer=PRODUCER,
            invariant=1,
            pageCompression=1,
            initialFontName=self.fonts.font("fangsong"),
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
            lang="zh-CN",
        )
        frame = Frame(self.LEFT_MARGIN, self.BOTTOM_MARGIN, self.text_width(), self.text_height(),
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        maker = functools.partial(_DeferredCanvas, trb_renderer=self, trb_meta=meta)
        doc.build(story, canvasmaker=maker)
        return Rendered(
            kind=self.KIND,
            title=meta.title,
            data=buffer.getvalue(),
            pages=self._page_count,
            missing_characters=self.fonts.missing("".join(self._texts)),
        )

    def _seed_glyphs(self, doc: Any) -> None:
        """Assign every character the story uses to the font subsets in a fixed order.

        ReportLab numbers characters in the order it meets them while drawing. Here the
        characters of :attr:`GLYPH_SEED` come first, then the rest in code-point order, so
        the subsets depend only on the set of characters a document uses, and the standing
        wording always lands in the same first subsets.
        """
        seed = dict.fromkeys(self.GLYPH_SEED)
        for font_name, texts in self._font_texts.items():
            font = getFont(font_name)
            covered = font.face.charToGlyph
            used = {ch for text in texts for ch in text if ord(ch) in covered}
            first = [ch for ch in seed if ch in used]
            rest = sorted(used.difference(first))
            font.splitString("".join(first + rest), doc)

    def _furnish_page(self, canvas: Canvas, page: int, total: int) -> None:
        """Draw what every page carries: header mark, footer note, page number."""
        width, _height = self.PAGE_SIZE
        body_font = self.fonts.font("fangsong")
        if self.HEADER_MARK:
            self._draw_text(canvas, width - self.RIGHT_MARGIN, self.PAGE_SIZE[1] - self.TOP_MARGIN
                            + 8 * mm, self.HEADER_MARK, body_font, SIZE["五号"], align="right")
        number_size = SIZE["四号"]
        number_baseline = self.BOTTOM_MARGIN - self.PAGE_NUMBER_GAP - number_size * 0.8
        if self._footer_note:
            note = Paragraph(self.fonts.markup(self._footer_note, body_font), self.styles.footer)
            _w, h = note.wrap(self.text_width(), self.BOTTOM_MARGIN)
            top = number_baseline - 4 * mm if total > 1 and self.PAGE_NUMBERS != "none" \
                else self.BOTTOM_MARGIN - 6 * mm
            note.drawOn(canvas, self.LEFT_MARGIN, top - h)
        if total < 2 or self.PAGE_NUMBERS == "none":
            return
        if self.PAGE_NUMBERS == "x_of_y":
            self._draw_text(canvas, width / 2, number_baseline, f"第 {page} 页  共 {total} 页",
                            body_font, SIZE["五号"] + 1, align="center")
            return
        text = f"— {page} —"
        indent = number_size  # one character in from the text block's edge
        if page % 2:
            self._draw_text(canvas, width - self.RIGHT_MARGIN - indent, number_baseline, text,
                            body_font, number_size, align="right")
        else:
            self._draw_text(canvas, self.LEFT_MARGIN + indent, number_baseline, text, body_font,
                            number_size, align="left")

    def _draw_text(self, canvas: Canvas, x: float, y: float, text: str, font: str, size: float,
                   *, align: str = "left") -> None:
        """Draw one line on the canvas with the per-glyph fallback."""
        runs = self.fonts.runs(text, font)
        total = sum(stringWidth(chunk, name, size) for name, chunk in runs)
        if align == "right":
            x -= total
        elif align == "center":
            x -= total / 2
        for name, chunk in runs:
            canvas.setFont(name, size)
            canvas.drawString(x, y, chunk)
            x += stringWidth(chunk, name, size)

    # ------------------------------------------------------------ building blocks

    def m(self, text: str, style: Any = None) -> str:
        """Escape ``text`` for Paragraph markup in ``style``'s font, with glyph fallback."""
        text = "" if text is None else str(text)
        self._texts.append(text)
        font = style.fontName if style is not None else self.fonts.font("fangsong")
        self._font_texts.setdefault(font, []).append(text)
        return self.fonts.markup(text, font)

    def in_role(self, text: str, role: str) -> str:
        """Markup for ``text`` set in the font of ``role`` inside another paragraph."""
        name = self.fonts.font(role)
        self._font_texts.setdefault(name, []).append(text)
        return f'<font name="{name}">{self.fonts.markup(text, name)}</font>' if text else ""

    def p(self, text: str, style: Any = None) -> Paragraph:
        """A paragraph of plain text (escaped, with glyph fallback)."""
        style = style or self.styles.body
        return Paragraph(self.m(text, style), style)

    def pm(self, markup: str, style: Any = None) -> Paragraph:
        """A paragraph of markup built with :meth:`m` / :meth:`in_role`."""
        return Paragraph(markup, style or self.styles.body)

    def lead(self, head: str, text: str, style: Any = None) -> Paragraph:
        """A body paragraph opening with a 黑体 run-in heading: "一、开庭地点。……"."""
        style = style or self.styles.body
        self._texts.append(head)
        return Paragraph(self.in_role(head, "heiti") + self.m(text, style), style)

    def lines(self, count: float = 1) -> Spacer:
        """Vertical space of ``count`` body lines."""
        return Spacer(1, BODY_LEADING * count)

    def heading_block(self, title: str, *, issuer: bool = True, number: str = "",
                      large: bool = False, issuer_name: str = "") -> list[Flowable]:
        """Issuer line, title and (optionally) the case number at the right."""
        out: list[Flowable] = []
        if issuer:
            out.append(self.p(issuer_name or self.commission.issuer, self.styles.issuer))
        out.append(self.p(title, self.styles.title_large if large else self.styles.title))
        if number:
            out.append(self.p(number, self.styles.number))
        return out

    def signature(self, day: dt.date, *, issuer: str | None = None, indent: bool = True) -> Table:
        """Issuer centred over the date, the block indented four characters from the right.

        Leaves room above for the seal; the date follows the ``date_style`` setting.
        ``indent=False`` drops the right indent (for a signature placed inside a table).
        """
        issuer = issuer or self.commission.issuer
        date_text = signature_date(day, self.commission.date_style)
        style = self.styles.signature
        width = max(stringWidth(issuer, style.fontName, style.fontSize),
                    stringWidth(date_text, style.fontName, style.fontSize)) + 4
        width = min(width, self.text_width() - 4 * BODY_SIZE)
        inner = Table([[self.p(issuer, style)], [self.p(date_text, style)]], colWidths=[width])
        inner.setStyle(self.plain_table_style())
        outer = Table([[inner, ""]], colWidths=[width, 4 * BODY_SIZE if indent else 0], hAlign="RIGHT")
        outer.setStyle(self.plain_table_style())
        return outer

    def plain_table_style(self) -> TableStyle:
        """A layout table: no rules, no padding, and the body font for any string cell.

        Naming the font matters: ReportLab's table cells default to Helvetica, which would
        put an unembedded font into the PDF as soon as a cell holds a plain string.
        """
        return TableStyle([("FONT", (0, 0), (-1, -1), self.fonts.font("fangsong"), SIZE["小四"]),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])

    def grid(self, rows: list[list[Any]], widths: list[float], *, header_rows: int = 0,
             padding: float = 4, extra: list[tuple[Any, ...]] | None = None,
             row_heights: list[float | None] | None = None) -> Table:
        """A ruled table (cells are flowables or plain strings turned into cell paragraphs)."""
        cells = [[self.p(c, self.styles.cell) if isinstance(c, str) else c for c in row]
                 for row in rows]
        table = Table(cells, colWidths=widths, repeatRows=header_rows, rowHeights=row_heights,
                      hAlign="CENTER")
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.font("fangsong"), SIZE["小四"]),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#EEEEEE")))
        table.setStyle(TableStyle(commands + (extra or [])))
        return table

    def qr(self, value: str, size: float = 16 * mm) -> QrMark:
        """A QR code flowable (drawn directly, much faster than a graphics Drawing)."""
        return QrMark(value, size)


@functools.lru_cache(maxsize=512)
def _qr_runs(value: str, level: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Encode ``value``; return the module count and the dark runs (row, first column, length)."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(value)
    code.make()
    runs = []
    for r, row in enumerate(code.modules):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return code.getModuleCount(), tuple(runs)


class QrMark(Flowable):
    """A square QR code drawn as filled rectangles, one per run of dark modules in a row.

    ReportLab's own QR flowable formats every rectangle through its generic number
    formatter and re-encodes the data on each draw; a sign-in sheet has thirty codes, so
    the encoding is cached by value and the rectangles are written as one block of PDF
    operators. ``border`` is the light margin in modules (the QR standard asks for 4;
    2 suffices on white paper with the table's padding around it).
    """

    def __init__(self, value: str, size: float, *, border: int = 2, level: str = "M") -> None:
        super().__init__()
        self.value, self.size, self.border, self.level = value, size, border, level
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count, runs = _qr_runs(self.value, self.level)
        unit = self.size / (count + 2 * self.border)
        ops = ["q 0 g"]
        for row, col, length in runs:
            x = (col + self.border) * unit
            y = self.size - (row + self.border + 1) * unit
            # A hair taller than the module so adjacent rows leave no white seam when printed.
            ops.append(f"{x:.3f} {y:.3f} {length * unit:.3f} {unit * 1.05:.3f} re")
        ops.append("f Q")
        self.canv.addLiteral("\n".join(ops))

"""The renderer base every document builds on: A4 GB/T 9704 geometry, layout rules, page furniture, bytes out.

A document subclasses :class:`DocumentRenderer`, sets ``KIND`` and the class attributes it
wants to change, and implements :meth:`~DocumentRenderer.story` (the flowables) and
:meth:`~DocumentRenderer.meta` (title and issue date). The base takes care of the rest:

* page geometry as class attributes (A4; margins 37/35/28/26 mm — a 156 × 225 mm text block);
* page numbers by a deferred canvas that lays out every page first and then knows the total
  ("— 2 —" in GB/T 9704 style, or "第 2 页 共 3 页" on forms), omitted on one-page documents;
* a footer note on every page (privacy line, disclaimer) and an optional header mark, both
  inside the text block (nothing but the page number is printed outside it);
* deterministic output: ReportLab's invariant mode, the creation date taken from the data
  (the document's issue date), and a document ID derived from the document's key — the same
  data always gives the same bytes;
* the per-glyph font fallback for all text that goes through :meth:`~DocumentRenderer.p`;
* the layout rules, for every document (see :mod:`tribunal.documents.layout`): a heading is
  never the last thing on a page; :meth:`~DocumentRenderer.closing` keeps the signature with
  the last two lines of text; :meth:`~DocumentRenderer.table` grows rows with their text, sets
  names, times and numbers on one line (shrinking them to 10.5 pt, a name breaking only at
  "·") and repeats its header under "（续）" on the next page; the names :meth:`names` lists
  are never broken in a paragraph; a document that must be one sheet (``ONE_SHEET``) is set
  tighter, step by step down to the hard limits of :data:`~tribunal.documents.styles.LEVELS`,
  and refused with a message naming its longest field when it still does not fit; a letter
  whose last page would hold only its closing lines is tried a little tighter first
  (GB/T 9704-2012 §7.3.5.5: adjust line and character spacing rather than leave the date and
  seal alone).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
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
from reportlab.platypus.doctemplate import LayoutError

from tribunal.documents.data import Commission
from tribunal.documents.fonts import FontSet, load_fonts
from tribunal.documents.formatting import signature_date
from tribunal.documents.layout import Continued, KeepHead, KeepTail, MinHeight, SectionEnd, Text
from tribunal.documents.styles import (
    DEFAULT_FIT,
    LEVELS,
    MILD_LEVELS,
    MIN_CELL,
    SIZE,
    Fit,
    Styles,
    stylesheet,
)
from tribunal.errors import ValidationError

__all__ = ["Column", "DocMeta", "DocumentRenderer", "DocumentTooLong", "Rendered"]

T = TypeVar("T")

# Page streams are Flate-compressed only: ReportLab would also wrap them in ASCII85, a
# pure-Python step that makes files a quarter larger and costs more time than the layout.
rl_config.useA85 = 0

PRODUCER = "Tribunal 巡回仲裁庭书记员工作台 (ReportLab)"
#: A part of a document that runs on to a page it fills less than this is tried tighter.
_SHORT_LAST_PAGE = 0.3
#: Cell type sizes tried for a name, time or number before it may break (points).
_CELL_STEP = 0.5
#: A text cell longer than this many lines at the cell size is set smaller first.
_CELL_LINES = 3


class DocumentTooLong(ValidationError):
    """A one-sheet document does not fit its page even set as tight as allowed.

    ``fields`` names the field that is too long (label → reason).
    """


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
    fit: Fit = DEFAULT_FIT  # how tight it was set

    @property
    def warnings(self) -> tuple[str, ...]:
        """Human-readable problems with this document (empty when it prints as intended)."""
        if not self.missing_characters:
            return ()
        return (f"《{self.title}》中有字体无法显示的字符：{self.missing_characters}，"
                "请核对姓名或改用其他写法",)


@dataclass(frozen=True)
class Column:
    """A column of :meth:`DocumentRenderer.table`.

    Attributes:
        title: the header text.
        width: preferred width in mm (the widths of a table add up to its width).
        kind: "text" wraps and its row grows; "name", "time", "date" and "number" stay on one
            line, shrinking down to 10.5 pt (a name may break at "·" when even that is too
            wide); "box" holds a flowable or nothing (a QR code, a space to sign).
        align: "left" or "center".
        min_width: a "text" column is not narrowed below this (mm) to widen the others.
    """

    title: str
    width: float
    kind: str = "text"
    align: str = "left"
    min_width: float = 14.0


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
    #: The document must be one sheet (a proof of service, a poster, a certificate).
    ONE_SHEET: ClassVar[bool] = False
    #: A letter: when its last page would hold only its closing lines, try it a little tighter.
    SAVE_LAST_PAGE: ClassVar[bool] = False
    #: The document's standing wording (any order, repeats allowed). Its characters are put
    #: into the embedded font subsets first, so documents of one kind share their first
    #: subsets and the fonts' cache can reuse them (see fonts._speed_up). It never changes
    #: what is printed; a stale seed only makes the cache hit less often.
    GLYPH_SEED: ClassVar[str] = ""

    def __init__(self, commission: Commission, fonts: FontSet | None = None) -> None:
        self.commission = commission
        self.fonts = fonts or load_fonts()
        self.fit = DEFAULT_FIT
        self.styles: Styles = stylesheet(self.fonts, self.fit)
        self._styles: dict[Fit, Styles] = {self.fit: self.styles}
        self._cell_styles: dict[tuple[str, float], ParagraphStyle] = {}
        self._unit_widths: dict[tuple[str, str], float] = {}
        self._texts: list[str] = []
        self._font_texts: dict[str, list[str]] = {}
        self._keep: tuple[str, ...] = ()
        self._page_count = 0
        self._sections: list[tuple[int, float]] = []
        self._short_section = False
        self._closing_moved = False
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

    def names(self, data: T) -> Iterable[str]:
        """Personal names, case numbers and the like that no line may break inside."""
        return ()

    def fields(self, data: T) -> dict[str, str]:
        """The variable fields of a one-sheet document (label → text), to name the one at
        fault when the sheet overflows."""
        return {}

    # ------------------------------------------------------------ rendering

    def render(self, data: T) -> Rendered:
        """Lay out ``data`` and return the PDF.

        Raises:
            DocumentTooLong: a one-sheet document does not fit even at the tightest fit.
        """
        meta = self.meta(data)
        first = self._render_at(data, meta, DEFAULT_FIT)
        if self.ONE_SHEET and (first is None or first.pages > 1):
            squeezed = self._squeeze(data, meta, LEVELS, lambda r: r is not None and r.pages == 1, refuse=True)
            assert squeezed is not None  # refused otherwise
            return squeezed
        if first is None:  # something taller than a page that cannot be split
            raise self._too_long(data, meta)
        if self.SAVE_LAST_PAGE and (self._closing_moved or self._short_section):
            pages = first.pages
            return self._squeeze(data, meta, MILD_LEVELS, lambda r: r is not None and r.pages < pages,
                                 refuse=False) or first
        return first

    def _squeeze(self, data: T, meta: DocMeta, levels: Sequence[Fit], good: Any, *,
                 refuse: bool) -> Rendered | None:
        """The loosest of ``levels`` (after the first, which failed) whose result is good.

        Most documents that overflow do so by a line or two: the next fit is tried first,
        then the tightest, then the loosest good one between them by bisection.
        """
        first = self._render_at(data, meta, levels[1])
        if good(first):
            return first
        if len(levels) == 2:
            if refuse:
                raise self._too_long(data, meta)
            return None
        tightest = self._render_at(data, meta, levels[-1])
        if not good(tightest):
            if refuse:
                raise self._too_long(data, meta)
            return None
        low, high, best = 1, len(levels) - 1, tightest  # levels[low] fails, levels[high] is good
        while high - low > 1:
            middle = (low + high) // 2
            result = self._render_at(data, meta, levels[middle])
            if good(result):
                high, best = middle, result
            else:
                low = middle
        return best

    def _too_long(self, data: T, meta: DocMeta) -> DocumentTooLong:
        fields = {label: text for label, text in self.fields(data).items() if text}
        name = meta.title.split("（")[0]
        if not fields:
            return DocumentTooLong(f"《{name}》在一页内放不下，请精简内容后再制作", {"document": "内容过多"})
        label, text = max(fields.items(), key=lambda item: len(item[1]))
        reason = f"过长（{len(text)}字），一页放不下"
        return DocumentTooLong(f"《{name}》在一页内放不下：“{label}”{reason}，请精简后再制作", {label: reason})

    def _render_at(self, data: T, meta: DocMeta, fit: Fit) -> Rendered | None:
        self.fit = fit
        styles = self._styles.get(fit)
        if styles is None:
            styles = self._styles[fit] = stylesheet(self.fonts, fit)
        self.styles = styles
        self._texts = []
        self._font_texts = {}
        self._keep = tuple(dict.fromkeys(n for n in self.names(data) if n))
        self._footer_note = self.footer_note(data)
        self.m(self._footer_note, self.styles.footer)
        if self.HEADER_MARK:
            self.m(self.HEADER_MARK, self.styles.footer)
        self._sections = []
        self._closing_moved = False
        story = _keep_headings(self.story(data))
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
            initialFontSize=fit.body,
            initialLeading=fit.leading,
            lang="zh-CN",
        )
        top, bottom = self._furniture_heights()
        frame = Frame(self.LEFT_MARGIN, self.BOTTOM_MARGIN + bottom, self.text_width(),
                      self.text_height() - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        maker = functools.partial(_DeferredCanvas, trb_renderer=self, trb_meta=meta)
        try:
            doc.build(story, canvasmaker=maker)
        except LayoutError:
            # A table cell taller than the text block: no fit or split can place it.
            return None
        self._short_section = self._has_short_section(frame)
        return Rendered(
            kind=self.KIND,
            title=meta.title,
            data=buffer.getvalue(),
            pages=self._page_count,
            missing_characters=self.fonts.missing("".join(self._texts)),
            fit=fit,
        )

    def section_end(self) -> SectionEnd:
        """Mark the end of a part of the document (put it before a page break between parts)."""
        return SectionEnd(lambda page, y: self._sections.append((page, y)))

    def _has_short_section(self, frame: Frame) -> bool:
        """Whether a part of the document (ended by :meth:`section_end`) ran on to a page it
        fills less than a third of."""
        start = 1
        top, height = frame._y2, max(1.0, frame._y2 - frame._y1)
        for page, y in self._sections:
            if page > start and (top - y) / height < _SHORT_LAST_PAGE:
                return True
            start = page + 1
        return False

    def _note(self) -> Paragraph | None:
        if not self._footer_note:
            return None
        return Text(self.fonts.markup(self._footer_note, self.fonts.font("fangsong")), self.styles.footer)

    def _furniture_heights(self) -> tuple[float, float]:
        """Room taken inside the text block by the header mark (top) and footer note (bottom)."""
        top = bottom = 0.0
        if self.HEADER_MARK:
            top = SIZE["五号"] * 1.4 + 2 * mm
        note = self._note()
        if note is not None:
            bottom = note.wrap(self.text_width(), self.text_height())[1] + 3 * mm
        return top, bottom

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
        """Draw what every page carries: header mark and footer note (inside the text block)
        and the page number (below it, where GB/T 9704-2012 §7.5 puts it)."""
        width, height = self.PAGE_SIZE
        body_font = self.fonts.font("fangsong")
        if self.HEADER_MARK:
            self._draw_text(canvas, width - self.RIGHT_MARGIN, height - self.TOP_MARGIN - SIZE["五号"],
                            self.HEADER_MARK, body_font, SIZE["五号"], align="right")
        note = self._note()
        if note is not None:
            note.wrap(self.text_width(), self.BOTTOM_MARGIN)
            note.drawOn(canvas, self.LEFT_MARGIN, self.BOTTOM_MARGIN)
        if total < 2 or self.PAGE_NUMBERS == "none":
            return
        number_size = SIZE["四号"]
        number_baseline = self.BOTTOM_MARGIN - self.PAGE_NUMBER_GAP - number_size * 0.8
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
        return Text(self.m(text, style), style, keep=self._keep)

    def pm(self, markup: str, style: Any = None) -> Paragraph:
        """A paragraph of markup built with :meth:`m` / :meth:`in_role`."""
        return Text(markup, style or self.styles.body, keep=self._keep)

    def lead(self, head: str, text: str, style: Any = None) -> Paragraph:
        """A body paragraph opening with a 黑体 run-in heading: "一、开庭地点。……"."""
        style = style or self.styles.body
        self._texts.append(head)
        return Text(self.in_role(head, "heiti") + self.m(text, style), style, keep=self._keep)

    def lines(self, count: float = 1) -> Spacer:
        """Vertical space of ``count`` body lines (less when the document is set tighter)."""
        return Spacer(1, self.fit.leading * count * self.fit.space)

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

    def attachments(self, names: Sequence[str]) -> list[Flowable]:
        """附件说明 (GB/T 9704-2012 §7.3.4): a line below the text, "附件：" two characters in,
        then the attachments numbered one a line, each name aligned under the first one's."""
        body = self.styles.body
        size, font = body.fontSize, body.fontName
        label = 3 * size  # 附件：
        out: list[Flowable] = [self.lines(1)]
        for i, name in enumerate(names, 1):
            number = f"{i}. " if len(names) > 1 else ""
            hang = stringWidth(number, font, size)
            first = i == 1
            style = ParagraphStyle(f"attachment{int(first)}", parent=body, alignment=0,
                                   leftIndent=2 * size + label + hang,
                                   firstLineIndent=-(label + hang) if first else -hang)
            out.append(self.p(("附件：" if first else "") + number + name, style))
        return out

    def signature(self, day: dt.date, *, issuer: str | None = None, indent: bool = True) -> Table:
        """Issuer centred over the date, the block indented four characters from the right.

        Leaves room above for the seal; the date follows the ``date_style`` setting.
        ``indent=False`` drops the right indent (for a signature placed inside a table).
        """
        issuer = issuer or self.commission.issuer
        date_text = signature_date(day, self.commission.date_style)
        style = self.styles.signature
        pitch = style.fontSize + style.trbTracking
        width = max(len(issuer), len(date_text)) * pitch + 4
        width = min(width, self.text_width() - 4 * self.fit.body)
        inner = Table([[self.p(issuer, style)], [self.p(date_text, style)]], colWidths=[width])
        inner.setStyle(self.plain_table_style())
        outer = Table([[inner, ""]], colWidths=[width, 4 * self.fit.body if indent else 0], hAlign="RIGHT")
        outer.setStyle(self.plain_table_style())
        return outer

    def closing(self, body: Sequence[Flowable], day: dt.date, *, issuer: str | None = None,
                gap: float = 1, after: Sequence[Flowable] = (), attachments: Sequence[str] = ()) -> Flowable:
        """The signature after the last paragraphs of ``body``, kept with their last two lines.

        ``body`` is the document's last one or two paragraphs (the ones the signature must
        not be parted from); ``attachments`` are named between them and the signature (附件说明,
        which is not text of its own: the signature still takes two lines of ``body`` along);
        ``gap`` is the space above the signature in body lines; ``after`` goes under the date
        with it (a 附注).
        """
        tail: list[Flowable] = [*(self.attachments(attachments) if attachments else ()), self.lines(gap),
                                self.signature(day, issuer=issuer), *after]
        return KeepTail(list(body), tail, on_split=self._closing_split)

    def _closing_split(self) -> None:
        self._closing_moved = True

    def keep_with_previous(self, body: Sequence[Flowable], tail: Sequence[Flowable]) -> Flowable:
        """``tail`` (a 法律依据 line, a closing remark) kept with the last two lines of ``body``."""
        return KeepTail(list(body), list(tail))

    def plain_table_style(self) -> TableStyle:
        """A layout table: no rules, no padding, and the body font for any string cell.

        Naming the font matters: ReportLab's table cells default to Helvetica, which would
        put an unembedded font into the PDF as soon as a cell holds a plain string.
        """
        return TableStyle([("FONT", (0, 0), (-1, -1), self.fonts.font("fangsong"), self.fit.cell),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])

    def qr(self, value: str, size: float = 16 * mm) -> QrMark:
        """A QR code flowable (drawn directly, much faster than a graphics Drawing)."""
        return QrMark(value, size)

    # ------------------------------------------------------------ tables

    def _cell_style(self, base: ParagraphStyle, size: float) -> ParagraphStyle:
        """``base`` at another size (same leading ratio), for a name or time that must shrink."""
        key = (base.name, size)
        style = self._cell_styles.get(key)
        if style is None or style.fontName != base.fontName or style.parent is not base:
            style = ParagraphStyle(f"{base.name}@{size}", parent=base, fontSize=size,
                                   leading=size * base.leading / base.fontSize)
            self._cell_styles[key] = style
        return style

    def _width(self, text: str, font: str, size: float) -> float:
        """Width of ``text`` in ``font`` at ``size`` (with fallback glyphs); widths scale with size,
        so each text is measured once, at 1 pt."""
        key = (text, font)
        unit = self._unit_widths.get(key)
        if unit is None:
            unit = self._unit_widths[key] = sum(stringWidth(chunk, name, 1.0)
                                                for name, chunk in self.fonts.runs(text, font))
        return unit * size

    @staticmethod
    def _pieces(text: str, kind: str) -> list[str]:
        """The parts of a one-line cell that may go on lines of their own (a name at "·")."""
        if kind != "name":
            return [text]
        pieces: list[str] = []
        for part in text.replace("·", "·\n").split("\n"):
            pieces += [w for w in part.split(" ") if w] if part.isascii() else [part]
        return pieces or [text]

    def _one_line(self, text: str, kind: str, base: ParagraphStyle, inner: float) -> Flowable:
        """A name, time, date or number on one line: the largest size that fits, down to
        10.5 pt; a name too long even then breaks only at "·" (or between Latin words)."""
        lines = text.split("\n")
        size = base.fontSize
        while size > MIN_CELL and any(self._width(line, base.fontName, size) > inner for line in lines):
            size = max(MIN_CELL, size - _CELL_STEP)
        style = base if size == base.fontSize else self._cell_style(base, size)
        keep = tuple(piece for line in lines for piece in self._pieces(line, kind))
        markup = "<br/>".join(self.m(line, style) for line in lines)
        return Text(markup, style, keep=(*keep, *self._keep))

    def _free_text(self, text: str, base: ParagraphStyle, inner: float) -> Flowable:
        """Wrapping text in a cell: a long entry is set smaller (down to 10.5 pt) before its row
        grows past three lines."""
        lines = text.split("\n")
        size = base.fontSize

        def rows(at: float) -> int:
            return sum(max(1, -(-int(self._width(line, base.fontName, at) * 1.08) // max(1, int(inner))))
                       for line in lines)

        while size > MIN_CELL and rows(size) > _CELL_LINES * len(lines):
            size = max(MIN_CELL, size - _CELL_STEP)
        style = base if size == base.fontSize else self._cell_style(base, size)
        return Text("<br/>".join(self.m(line, style) for line in lines), style, keep=self._keep)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]], *, header: bool = True,
              continued: str = "", padding: float = 3, extra: Sequence[tuple[Any, ...]] = (),
              width: float | None = None, align: str = "CENTER", repeat_rows: int = 0) -> Flowable:
        """A ruled table whose rows grow with their text and never overlap.

        Each cell is a string (set by its column's kind), a flowable, or None (empty).
        Columns holding names, times, dates or numbers get the width their longest entry
        needs at 10.5 pt, taken from the text columns; ``continued`` (e.g. "旁听人员签到表")
        is repeated as "…（续）" over the header on every page after the first. A table that
        brings its own header rows as flowables passes ``header=False`` and ``repeat_rows``.
        """
        total = width if width is not None else self.text_width()
        widths = _column_widths(columns, rows, total, padding, self)
        s = self.styles
        body_rows: list[list[Any]] = []
        if header:
            body_rows.append([self.p(c.title, s.cell_head) if c.title else "" for c in columns])
        for row in rows:
            cells: list[Any] = []
            for column, cell, w in zip(columns, row, widths, strict=True):
                base = s.cell_center if column.align == "center" else s.cell
                if cell is None or cell == "":
                    cells.append("")
                elif not isinstance(cell, str):
                    cells.append(cell)
                elif column.kind == "text":
                    cells.append(self._free_text(cell, base, w - 2 * padding))
                else:
                    cells.append(self._one_line(cell, column.kind, base, w - 2 * padding))
            body_rows.append(cells)
        table = Table(body_rows, colWidths=widths, repeatRows=1 if header else repeat_rows, hAlign=align)
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.font("fangsong"), self.fit.cell),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ]
        for i, column in enumerate(columns):
            if column.align == "center" or column.kind == "box":
                commands.append(("ALIGN", (i, 0), (i, -1), "CENTER"))
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")))
        table.setStyle(TableStyle(commands + list(extra)))
        if not continued:
            return table
        return Continued(table, self.p(f"{continued}（续）", s.continued))

    def box(self, height: float, content: Flowable | None = None) -> MinHeight:
        """A cell at least ``height`` tall (room to sign or write), growing with ``content``."""
        return MinHeight(content, height)


def _column_widths(columns: Sequence[Column], rows: Sequence[Sequence[Any]], total: float, padding: float,
                   renderer: DocumentRenderer[Any]) -> list[float]:
    """Preferred widths, with each one-line column widened to hold its longest entry at 10.5 pt."""
    scale = total / sum(c.width for c in columns)  # preferred widths are in mm; make them fill ``total``
    widths = [c.width * scale for c in columns]
    font = renderer.fonts.font("fangsong")
    need = list(widths)
    for i, column in enumerate(columns):
        if column.kind in ("text", "box"):
            continue
        longest = 0.0
        for row in rows:
            cell = row[i]
            if isinstance(cell, str) and cell:
                for line in cell.split("\n"):
                    pieces = renderer._pieces(line, column.kind)
                    longest = max(longest, *(renderer._width(piece, font, MIN_CELL) for piece in pieces))
        need[i] = max(widths[i], longest + 2 * padding + 1)
    deficit = sum(need) - sum(widths)
    if deficit <= 0:
        return widths
    flexible = [i for i, c in enumerate(columns) if c.kind == "text"]
    slack = {i: max(0.0, widths[i] - columns[i].min_width * mm) for i in flexible}
    available = sum(slack.values())
    taken = min(deficit, available)
    out = list(need)
    for i in flexible:
        out[i] = widths[i] - (taken * slack[i] / available if available else 0.0)
    # Whatever the text columns could not give comes off the widened columns in proportion.
    over = sum(out) - total
    if over > 1e-6:
        widened = [i for i in range(len(columns)) if need[i] > widths[i]]
        extra = sum(need[i] - widths[i] for i in widened)
        for i in widened:
            out[i] -= over * (need[i] - widths[i]) / extra
    return out


def _keep_headings(story: list[Flowable]) -> list[Flowable]:
    """Tie every heading (a paragraph whose style says keepWithNext) to what follows it."""
    out: list[Flowable] = []
    for flowable in reversed(story):
        if out and isinstance(flowable, Paragraph) and getattr(flowable.style, "keepWithNext", False):
            flowable.__dict__["keepWithNext"] = 0  # the grouping is done here, not by ReportLab
            out.append(KeepHead(flowable, out.pop()))
        else:
            out.append(flowable)
    out.reverse()
    return out


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

"""A PDF preview widget: pages drawn by PDFium (pypdfium2) into a scrolling Qt view, only when seen.

Qt's own PDF module ships only with the WebEngine-sized PySide6 wheels, so pages are
rasterised with pypdfium2 instead. A page is rendered the first time it scrolls into view, at
the size it is shown (times the screen's pixel ratio), and kept in a small cache; a combined
pack of a hundred pages opens as fast as a one-page notice. pypdfium2 itself is imported only
when the first PDF is opened, so the program's start is not slowed by it.

PDFium is not thread-safe: every call into it happens on the GUI thread.
"""

from __future__ import annotations

import atexit
import bisect
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: Space round and between pages, in screen pixels.
PAGE_GAP = 12
#: Fixed zoom levels the zoom buttons step through (1.0 = the paper's real size on screen).
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
#: Rendered pages kept in memory (an A4 page at preview size is 2–3 MB).
CACHE_BYTES = 96 * 1024 * 1024
#: Scroll step of the arrow keys and the mouse wheel, in pixels.
SCROLL_STEP = 40

_BACKGROUND = QColor("#d9dde2")
_PAGE_EDGE = QColor("#9aa1a9")
_PLACEHOLDER = QColor("#f4f5f7")


_open_sources: weakref.WeakSet[PdfSource] = weakref.WeakSet()
_exit_hook: list[bool] = []


def _close_open_sources() -> None:
    # Runs before pypdfium2's own exit handler (registered earlier), which would otherwise
    # complain on the console about every document still open when the program ends.
    for source in list(_open_sources):
        source.close()


class PdfError(Exception):
    """The bytes are not a PDF that PDFium can open."""


class PdfSource:
    """An open PDF held in memory, its page sizes in points, and page rendering.

    The file's bytes are read once and PDFium works on the copy in memory: the file on disk
    stays free, so reprinting may replace it while it is being previewed (Windows refuses to
    replace a file another program holds open).
    """

    def __init__(self, data: bytes) -> None:
        """Open ``data``.

        Raises:
            PdfError: the bytes are not a readable PDF.
        """
        import pypdfium2 as pdfium

        if not data:
            raise PdfError("empty")
        try:
            self._doc: Any = pdfium.PdfDocument(data)
            self.sizes: list[tuple[float, float]] = [
                self._doc.get_page_size(i) for i in range(len(self._doc))]
        except pdfium.PdfiumError as exc:
            raise PdfError(str(exc)) from exc
        self.data = data
        _open_sources.add(self)
        if not _exit_hook:
            _exit_hook.append(True)
            atexit.register(_close_open_sources)

    @classmethod
    def from_file(cls, path: str | Path) -> PdfSource:
        """Read and open the PDF at ``path``.

        Raises:
            OSError: the file cannot be read.
            PdfError: it is not a readable PDF.
        """
        return cls(Path(path).read_bytes())

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    def render(self, index: int, width: int, height: int, *, for_print: bool = False) -> QImage:
        """Page ``index`` (0-based) as an image of ``width`` × ``height`` pixels.

        ``for_print`` asks for plain 24-bit RGB with PDFium's print rendering (no LCD text
        smoothing); the screen gets 32-bit RGBX, which Qt paints fastest.
        """
        page = self._doc[index]
        try:
            points_wide = max(self.sizes[index][0], 1.0)
            options: dict[str, Any] = {"rev_byteorder": True}  # RGB byte order, as QImage wants
            if for_print:
                options["optimize_mode"] = "print"
            else:
                options["prefer_bgrx"] = True
            bitmap = page.render(scale=width / points_wide, **options)
            try:
                fmt = QImage.Format.Format_RGB888 if for_print else QImage.Format.Format_RGBX8888
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
                image = image.copy()  # detach from the Python buffer before it is freed
            finally:
                bitmap.close()
        finally:
            page.close()
        if image.height() != height and height > 0 and abs(image.height() - height) > 1:
            # Rounding of the page height: keep the layout's size exactly.
            image = image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        return image

    def close(self) -> None:
        """Release PDFium's copy of the document."""
        if self._doc is not None:
            self._doc.close()
            self._doc = None


class _PageArea(QAbstractScrollArea):
    """The scrolling surface: pages one under the other, each rendered when it becomes visible.

    Signals:
        page_changed(int): the page at the top third of the view is now this one (0-based).
        zoom_changed(): the zoom level or mode changed.
    """

    page_changed = Signal(int)
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: PdfSource | None = None
        self._fit_width = True
        self._zoom = 1.0
        self._rects: list[QRect] = []
        self._tops: list[int] = []
        self._scales: list[float] = []
        self._cache: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()
        self._cache_bytes = 0
        self._rendered: set[int] = set()
        self._shown_page = -1
        self._pinned: int | None = None  # the page asked for by go_to_page, until the clerk scrolls
        self._jumping = False
        self._surface_width = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Always on: in fit-to-width mode a scroll bar that comes and goes would change the
        # width, hence the height, hence whether the bar is needed, and so on.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.verticalScrollBar().setSingleStep(SCROLL_STEP)
        self.horizontalScrollBar().setSingleStep(SCROLL_STEP)
        self.viewport().setAutoFillBackground(False)

    # ------------------------------------------------------------------ document

    def set_source(self, source: PdfSource | None) -> None:
        self._source = source
        self._cache.clear()
        self._cache_bytes = 0
        self._rendered = set()
        self._shown_page = -1
        self._pinned = None
        self._relayout(keep_position=False)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self.viewport().update()
        self._check_page()

    @property
    def source(self) -> PdfSource | None:
        return self._source

    def page_count(self) -> int:
        return self._source.page_count if self._source else 0

    def rendered_pages(self) -> set[int]:
        """The pages rendered so far for this document (0-based)."""
        return set(self._rendered)

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` sits on the scrolling surface."""
        return QRect(self._rects[index])

    # ------------------------------------------------------------------ zoom

    def is_fit_width(self) -> bool:
        return self._fit_width

    def _screen_scale(self) -> float:
        """Screen pixels per point at 100 %."""
        return self.logicalDpiX() / 72.0

    def effective_zoom(self, index: int | None = None) -> float:
        """The zoom at which page ``index`` (default: the current page) is shown (1.0 = real size)."""
        if not self._scales:
            return self._zoom
        index = self.current_page() if index is None else index
        return self._scales[max(0, min(index, len(self._scales) - 1))] / self._screen_scale()

    def set_fit_width(self) -> None:
        self._fit_width = True
        self._relayout()
        self.zoom_changed.emit()

    def set_zoom(self, zoom: float) -> None:
        self._zoom = max(ZOOM_STEPS[0], min(zoom, ZOOM_STEPS[-1]))
        self._fit_width = False
        self._relayout()
        self.zoom_changed.emit()

    def zoom_in(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now * 0.99), ZOOM_STEPS[0]))

    # ------------------------------------------------------------------ layout

    def _relayout(self, *, keep_position: bool = True) -> None:
        anchor = self._anchor() if keep_position else None
        viewport = self.viewport().size()
        # Keep the same spot of the surface in the middle of the view (the middle at first).
        centre = ((self.horizontalScrollBar().value() + viewport.width() / 2) / self._surface_width
                  if keep_position and self._surface_width else 0.5)
        self._rects, self._tops, self._scales = [], [], []
        widest = 0
        y = PAGE_GAP
        available = max(viewport.width() - 2 * PAGE_GAP, 60)
        for width_pt, height_pt in (self._source.sizes if self._source else []):
            # Fit to width fits each page on its own, so a landscape day list in a pack of
            # portrait notices is as readable as they are.
            scale = available / width_pt if self._fit_width else self._zoom * self._screen_scale()
            width, height = max(1, round(width_pt * scale)), max(1, round(height_pt * scale))
            self._rects.append(QRect(0, y, width, height))
            self._tops.append(y)
            self._scales.append(scale)
            widest = max(widest, width)
            y += height + PAGE_GAP
        total_width = widest + 2 * PAGE_GAP
        surface = max(total_width, viewport.width())
        for rect in self._rects:
            rect.moveLeft((surface - rect.width()) // 2)
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setRange(0, max(0, y - viewport.height()))
        vertical.setPageStep(max(1, viewport.height()))
        horizontal.setRange(0, max(0, total_width - viewport.width()))
        horizontal.setPageStep(max(1, viewport.width()))
        self._surface_width = surface
        horizontal.setValue(round(centre * surface - viewport.width() / 2))
        if anchor is not None:
            self._restore(anchor)
        self.viewport().update()

    def _anchor(self) -> tuple[int, float] | None:
        """The current page and how far down it the view's top is (0–1), to keep across a relayout."""
        if not self._rects:
            return None
        index = self.current_page()
        rect = self._rects[index]
        return index, (self.verticalScrollBar().value() - rect.top()) / max(rect.height(), 1)

    def _restore(self, anchor: tuple[int, float]) -> None:
        index, fraction = anchor
        if index < len(self._rects):
            rect = self._rects[index]
            self._jumping = True
            try:
                self.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height()))
            finally:
                self._jumping = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()
        self._check_page()
        if self._fit_width:
            self.zoom_changed.emit()  # the same mode, but a new percentage to show

    # ------------------------------------------------------------------ pages and scrolling

    def current_page(self) -> int:
        """The page the clerk is reading: the one crossing the top third of the view (0-based)."""
        if not self._tops:
            return 0
        if self._pinned is not None and self._pinned < len(self._tops):
            return self._pinned
        line = self.verticalScrollBar().value() + self.viewport().height() // 3
        return max(0, bisect.bisect_right(self._tops, line) - 1)

    def go_to_page(self, index: int) -> None:
        """Scroll so that page ``index`` starts at the top of the view."""
        if not self._rects:
            return
        index = max(0, min(index, len(self._rects) - 1))
        self._jumping = True
        try:
            self.verticalScrollBar().setValue(self._rects[index].top() - PAGE_GAP)
        finally:
            self._jumping = False
        self._pinned = index
        self._check_page()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        index = self.current_page()
        if self._rects and self.verticalScrollBar().value() > self._rects[index].top() - PAGE_GAP + 2:
            self.go_to_page(index)  # in the middle of a page: back to its top first
        else:
            self.go_to_page(index - 1)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        if not self._jumping:
            self._pinned = None
        self.viewport().update()
        self._check_page()

    def _check_page(self) -> None:
        page = self.current_page() if self._rects else -1
        if page != self._shown_page:
            self._shown_page = page
            self.page_changed.emit(page)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_PageDown:
            self.next_page()
        elif key == Qt.Key.Key_PageUp:
            self.previous_page()
        elif key == Qt.Key.Key_Home and control:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End and control:
            self.go_to_page(self.page_count() - 1)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ painting

    def visible_pages(self) -> range:
        """The pages that intersect the view now."""
        if not self._rects:
            return range(0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        last = max(first, bisect.bisect_left(self._tops, bottom))
        return range(first, min(last, len(self._rects)))

    def page_image(self, index: int) -> QImage:
        """Page ``index`` as shown now (rendered and cached on first use)."""
        rect = self._rects[index]
        ratio = self.devicePixelRatioF()
        width, height = round(rect.width() * ratio), round(rect.height() * ratio)
        key = (index, width, height)
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
            return image
        assert self._source is not None
        image = self._source.render(index, width, height)
        image.setDevicePixelRatio(ratio)
        self._rendered.add(index)
        self._cache[key] = image
        self._cache_bytes += image.sizeInBytes()
        while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
            _key, old = self._cache.popitem(last=False)
            self._cache_bytes -= old.sizeInBytes()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), _BACKGROUND)
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        for index in self.visible_pages():
            target = self._rects[index].translated(-offset)
            if not target.intersects(event.rect()):
                continue
            painter.setPen(_PAGE_EDGE)
            painter.drawRect(target.adjusted(-1, -1, 0, 0))
            try:
                painter.drawImage(target, self.page_image(index))
            except Exception:  # a damaged page must not take the window down with it
                painter.fillRect(target, _PLACEHOLDER)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(420, 560)


class PdfView(QWidget):
    """A PDF preview: zoom out / in / fit to width, "page x of y", PageUp/PageDown.

    Give it bytes (:meth:`set_pdf`) or a file (:meth:`set_file`); it shows a plain message
    instead when there is nothing to show or the file cannot be read.

    Signals:
        page_changed(int, int): the current page (0-based) and the number of pages.
    """

    page_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.area = _PageArea()
        # PDFium's copy of the document is released when the view goes, not at the program's exit.
        area = self.area
        self.destroyed.connect(lambda *_: area.source.close() if area.source else None)
        self.area.page_changed.connect(self._page_changed)
        self.area.zoom_changed.connect(self._show_zoom)

        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(f"background: {_BACKGROUND.name()}; color: #3c4043;")

        self.previous_button = self._tool_button("‹", self.tr("Previous page (PageUp)"),
                                                 self.area.previous_page)
        self.next_button = self._tool_button("›", self.tr("Next page (PageDown)"), self.area.next_page)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("第 888 / 888 页") + 8)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out (Ctrl+-)"), self.area.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("300%") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in (Ctrl++)"), self.area.zoom_in)
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Show each page as wide as the view"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.clicked.connect(lambda: self.area.set_fit_width())

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        self.toolbar = QWidget()
        self.toolbar.setLayout(bar)

        self._stack = QStackedLayout()
        self._stack.addWidget(self.message)
        self._stack.addWidget(self.area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addLayout(self._stack, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.area.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.area.zoom_out)):
            shortcut = QShortcut(keys, self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear()

    def _tool_button(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setMinimumWidth(28)
        button.clicked.connect(lambda: slot())
        return button

    # ------------------------------------------------------------------ contents

    def set_pdf(self, data: bytes | None, title: str = "") -> bool:
        """Show the PDF ``data``; False (with a message in the view) when it cannot be shown."""
        if not data:
            self.clear()
            return False
        try:
            source = PdfSource(data)
        except PdfError:
            self.clear(self.tr("This file cannot be shown: it is not a readable PDF document."))
            return False
        self._show(source, title)
        return True

    def set_file(self, path: str | Path, title: str = "") -> bool:
        """Show the PDF file at ``path``; False (with the reason in the view) when it cannot be."""
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            self.clear(self.tr("The file is no longer where it was saved:\n{path}").format(path=path))
            return False
        except OSError as exc:
            self.clear(self.tr("The file cannot be read:\n{path}\n{reason}").format(
                path=path, reason=exc.strerror or exc))
            return False
        return self.set_pdf(data, title)

    def clear(self, message: str = "") -> None:
        """Show nothing, or ``message`` in the view's place."""
        old = self.area.source
        self.area.set_source(None)
        if old is not None:
            old.close()
        self.title = ""
        self.message.setText(message or self.tr("Choose a document to see it here."))
        self._stack.setCurrentWidget(self.message)
        self._update_controls()

    def _show(self, source: PdfSource, title: str) -> None:
        old = self.area.source
        self.title = title
        self._stack.setCurrentWidget(self.area)
        self.area.set_source(source)
        if old is not None:
            old.close()
        self._update_controls()

    def has_document(self) -> bool:
        return self.area.source is not None

    def pdf_bytes(self) -> bytes | None:
        """The bytes of the PDF shown (None when nothing is shown)."""
        return self.area.source.data if self.area.source else None

    # ------------------------------------------------------------------ navigation and zoom

    def page_count(self) -> int:
        return self.area.page_count()

    def current_page(self) -> int:
        """The page being read (0-based)."""
        return self.area.current_page()

    def go_to_page(self, index: int) -> None:
        self.area.go_to_page(index)

    def next_page(self) -> None:
        self.area.next_page()

    def previous_page(self) -> None:
        self.area.previous_page()

    def zoom_in(self) -> None:
        self.area.zoom_in()

    def zoom_out(self) -> None:
        self.area.zoom_out()

    def fit_width(self) -> None:
        self.area.set_fit_width()

    def is_fit_width(self) -> bool:
        return self.area.is_fit_width()

    def zoom(self) -> float:
        """The zoom of the current page (1.0 = the paper's real size on this screen)."""
        return self.area.effective_zoom()

    def page_image(self, index: int) -> QImage:
        """Page ``index`` rendered at the size it is shown."""
        return self.area.page_image(index)

    def rendered_pages(self) -> set[int]:
        """The pages rendered so far (0-based): only those that were on screen."""
        return self.area.rendered_pages()

    def page_text(self) -> str:
        """What the page indicator says ("Page 1 of 46")."""
        return self.page_label.text()

    # ------------------------------------------------------------------ controls

    def _page_changed(self, index: int) -> None:
        self._update_controls()
        self.page_changed.emit(index, self.page_count())

    def _show_zoom(self) -> None:
        self.fit_button.setChecked(self.area.is_fit_width())
        self.zoom_label.setText(f"{round(self.area.effective_zoom() * 100)}%" if self.has_document() else "")
        self.zoom_out_button.setEnabled(self.has_document() and self.zoom() > ZOOM_STEPS[0] * 1.01)
        self.zoom_in_button.setEnabled(self.has_document() and self.zoom() < ZOOM_STEPS[-1] * 0.99)

    def _update_controls(self) -> None:
        count = self.page_count()
        current = self.current_page()
        if count:
            self.page_label.setText(self.tr("Page {page} of {count}").format(page=current + 1, count=count))
        else:
            self.page_label.setText("")
        self.previous_button.setEnabled(count > 0 and (current > 0 or self.area.verticalScrollBar().value() > 0))
        self.next_button.setEnabled(count > 0 and current < count - 1)
        self.fit_button.setEnabled(count > 0)
        self._show_zoom()

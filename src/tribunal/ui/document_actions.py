"""Document actions any screen can call: make a hearing's pack, a day's pack or certificates, print, open folders.

Each action is self-contained: it makes the documents off the GUI thread through
:mod:`tribunal.ui.ops` (a progress window with 取消 appears when it takes longer than a
moment), says what went wrong through :mod:`tribunal.ui.msgbox` in the service's own words,
broadcasts that documents changed, and shows what was made in a small result window that
does not block. Printing goes through
:func:`ask_printer` (the printer dialog) and opening a folder through :func:`open_url`, so
tests replace those two and are never blocked.

Pages are printed as images rendered by PDFium at :data:`PRINT_DPI`: Qt cannot draw a PDF
onto a printer by itself, and this keeps what is printed identical to what was previewed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices, QPageLayout, QPainter, QTransform
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from tribunal.services import documents as document_service
from tribunal.services.app import Database
from tribunal.services.documents import PackResult
from tribunal.ui import msgbox, ops
from tribunal.ui.pdf_view import PdfError, PdfSource

if TYPE_CHECKING:
    from tribunal.ui.document_dialogs import PackResultDialog

#: Resolution of printed pages. Sharp for text on a 600 dpi office laser printer while an
#: A4 page stays about 25 MB in memory (one page at a time).
PRINT_DPI = 300


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """Show the busy cursor while the block runs."""
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


# ---------------------------------------------------------------------- folders


def open_url(url: QUrl) -> bool:
    """Hand ``url`` to the desktop (file manager, browser). Tests replace this."""
    return QDesktopServices.openUrl(url)


def open_folder(path: str | Path, parent: QWidget | None = None) -> bool:
    """Open the folder ``path`` — or the folder holding the file ``path`` — in the file manager.

    Returns:
        True when the desktop accepted; False (after saying why) otherwise.
    """
    target = Path(path)
    folder = target if target.is_dir() else target.parent
    if not folder.is_dir():
        msgbox.warning(parent, QCoreApplication.translate("DocumentActions", "Folder not found"),
                       QCoreApplication.translate("DocumentActions", "The folder no longer exists:\n{folder}").format(folder=folder))
        return False
    if open_url(QUrl.fromLocalFile(str(folder))):
        return True
    msgbox.warning(parent, QCoreApplication.translate("DocumentActions", "Cannot open the folder"),
                   QCoreApplication.translate("DocumentActions", "The file manager could not be started. The folder is:\n{folder}").format(folder=folder))
    return False


# ---------------------------------------------------------------------- printing


def ask_printer(parent: QWidget | None, page_count: int, title: str = "") -> QPrinter | None:
    """The printer dialog: which printer, which pages, how many copies. None when cancelled.

    Tests replace this with a function returning a PDF-file printer.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title or QCoreApplication.translate("DocumentActions", "Document"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentActions", "Print {title}").format(title=title) if title else QCoreApplication.translate("DocumentActions", "Print"))
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The pages (0-based) the printer dialog asked for, once each, in order."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or page_count, page_count)
        return list(range(first - 1, last))
    return list(range(page_count))


def _paper_rect(printer: QPrinter) -> QRect:
    return printer.pageLayout().fullRectPixels(printer.resolution())


def print_to(printer: QPrinter, source: PdfSource, pages: Sequence[int] | None = None,
             parent: QWidget | None = None) -> int:
    """Print ``pages`` (0-based; default all) of ``source`` on ``printer``.

    Each page keeps its real size on paper of the same size (A4 on A4, at 100 %); on other
    paper it is scaled to fit and centred. A landscape page turns the paper to landscape for
    that page; where the printer cannot do that, the image is turned instead.

    Returns:
        The number of sheets sent (pages × uncollated copies), 0 when the printer failed
        to start or the clerk cancelled before the first page.
    """
    pages = list(range(source.page_count)) if pages is None else [p for p in pages
                                                                  if 0 <= p < source.page_count]
    if not pages:
        return 0
    # The printer driver makes the copies when it can; otherwise they are sent here.
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    sequence = [p for _ in range(copies) for p in pages] if printer.collateCopies() else \
        [p for p in pages for _ in range(copies)]
    printer.setFullPage(True)  # coordinates from the paper's corner: the PDF has its own margins
    _orient(printer, source.sizes[sequence[0]])
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    progress = None
    if len(sequence) > 3:
        progress = QProgressDialog(QCoreApplication.translate("DocumentActions", "Printing…"), QCoreApplication.translate("DocumentActions", "Cancel"), 0, len(sequence), parent)
        progress.setWindowTitle(QCoreApplication.translate("DocumentActions", "Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)
    printed = 0
    try:
        for number, index in enumerate(sequence):
            if progress is not None:
                progress.setValue(number)
                if progress.wasCanceled():
                    printer.abort()
                    break
            if number:
                _orient(printer, source.sizes[index])
                printer.newPage()
            _draw_page(painter, printer, source, index)
            printed += 1
    finally:
        painter.end()
        if progress is not None:
            progress.setValue(len(sequence))
            progress.deleteLater()
    return printed


def _orient(printer: QPrinter, size: tuple[float, float]) -> None:
    wide = size[0] > size[1]
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if wide
                               else QPageLayout.Orientation.Portrait)


def _draw_page(painter: QPainter, printer: QPrinter, source: PdfSource, index: int) -> None:
    width_pt, height_pt = source.sizes[index]
    paper = _paper_rect(printer)
    turn = (width_pt > height_pt) != (paper.width() > paper.height())
    dpi = min(printer.resolution(), PRINT_DPI)
    image = source.render(index, round(width_pt * dpi / 72), round(height_pt * dpi / 72), for_print=True)
    if turn:  # the printer kept the paper upright: lay the page on its side instead
        image = image.transformed(QTransform().rotate(90))
        width_pt, height_pt = height_pt, width_pt
    device_per_pt = printer.resolution() / 72
    size = QSize(round(width_pt * device_per_pt), round(height_pt * device_per_pt))
    if size.width() > paper.width() + 2 or size.height() > paper.height() + 2 \
            or abs(size.width() - paper.width()) > paper.width() * 0.03:
        size = size.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(0, 0, size.width(), size.height())
    target.moveCenter(QRect(0, 0, paper.width(), paper.height()).center())
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(target, image)


def print_pdf(parent: QWidget | None, path_or_bytes: str | Path | bytes, title: str = "") -> int | None:
    """Print a PDF (a file or bytes) after the printer dialog.

    Returns:
        The number of pages sent to the printer; None when cancelled or when nothing could
        be printed (the clerk has been told why).
    """
    try:
        if isinstance(path_or_bytes, bytes):
            source = PdfSource(path_or_bytes)
        else:
            source = PdfSource.from_file(path_or_bytes)
            title = title or Path(path_or_bytes).stem
    except FileNotFoundError:
        msgbox.warning(parent, QCoreApplication.translate("DocumentActions", "Cannot print"),
                       QCoreApplication.translate("DocumentActions", "The file is no longer where it was saved:\n{path}").format(path=path_or_bytes))
        return None
    except OSError as exc:
        msgbox.warning(parent, QCoreApplication.translate("DocumentActions", "Cannot print"),
                       QCoreApplication.translate("DocumentActions", "The file cannot be read:\n{path}").format(path=path_or_bytes), str(exc.strerror or exc))
        return None
    except PdfError:
        msgbox.warning(parent, QCoreApplication.translate("DocumentActions", "Cannot print"), QCoreApplication.translate("DocumentActions", "This file is not a readable PDF document."))
        return None
    try:
        printer = ask_printer(parent, source.page_count, title)
        if printer is None:
            return None
        with busy_cursor():
            printed = print_to(printer, source, pages_to_print(printer, source.page_count), parent)
        if printed == 0:
            msgbox.warning(parent, QCoreApplication.translate("DocumentActions", "Cannot print"),
                           QCoreApplication.translate("DocumentActions", "The printer could not be started. Check that it is switched on and "
                              "connected, then try again."))
            return None
        return printed
    finally:
        source.close()


# ---------------------------------------------------------------------- making documents


def make_documents(parent: QWidget | None, work: Callable[[ops.Progress], PackResult], label: str,
                   heading: str = "", on_done: Callable[[PackResult], None] | None = None) -> ops.Op[PackResult]:
    """Make documents off the GUI thread with a progress window (取消 until files are written).

    Args:
        parent: the screen that asked (the progress window and any error sit over it).
        work: calls a document service, passing ``progress.step`` as its ``progress``.
        label: what the progress window says, e.g. 正在制作开庭文书….
        heading: when given, what was made is shown in the result window under this heading.
        on_done: runs with the result once the documents are made.

    Returns:
        The running op; its ``finished`` signal carries the :class:`PackResult`. A refusal
        is shown in the service's words and ends the op without a result.
    """
    progress = ops.Progress(label, cancellable=True)

    def done(result: PackResult) -> None:
        if heading:
            show_pack_result(parent, result, heading)
        if on_done is not None:
            on_done(result)

    return ops.run_write(parent, lambda: work(progress), changes=ops.Changes.DOCUMENTS,
                         on_done=done, progress=progress)


def show_pack_result(parent: QWidget | None, result: PackResult, heading: str) -> PackResultDialog:
    """Show what was made in a small window that does not block (list, preview, print all, folder)."""
    from tribunal.ui.document_dialogs import PackResultDialog

    return PackResultDialog.present(parent, result, heading)


def print_pack(parent: QWidget | None, db: Database, hearing_id: int) -> ops.Op[PackResult]:
    """Make every document of one hearing (开庭文书包) and show the result.

    What the hearing screens call for "print pack". Runs in the background; the returned
    op's ``finished`` signal carries the result (a refusal is shown and gives none).
    """
    return make_documents(
        parent, lambda p: document_service.make_pack(db, hearing_id, progress=p.step),
        QCoreApplication.translate("DocumentActions", "Making the hearing's documents…"),
        QCoreApplication.translate("DocumentActions", "The hearing's documents are ready"))


def print_day(parent: QWidget | None, db: Database, date: dt.date, tribunal_id: int) -> ops.Op[PackResult]:
    """Make a circuit tribunal's documents for one day (排期表 and every hearing's pack) and show them."""
    return make_documents(
        parent, lambda p: document_service.make_day_pack(db, date, tribunal_id, progress=p.step),
        QCoreApplication.translate("DocumentActions", "Making the day's documents…"),
        QCoreApplication.translate("DocumentActions", "The day's documents are ready"))


def print_certificates(parent: QWidget | None, db: Database, hearing_id: int) -> ops.Op[PackResult]:
    """Make the training certificates (培训证明) of everyone who attended a hearing and show them."""
    return make_documents(
        parent, lambda p: document_service.make_certificates(db, hearing_id, progress=p.step),
        QCoreApplication.translate("DocumentActions", "Making the training certificates…"),
        QCoreApplication.translate("DocumentActions", "The training certificates are ready"))

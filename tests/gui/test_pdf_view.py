"""The PDF preview widget: page count, pages rendered only when seen, paging keys, zoom, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from tribunal.ui.pdf_view import PAGE_GAP, PdfSource, PdfView

PAGES = 120
LANDSCAPE_PAGE = 5  # 0-based


def make_pdf(path: Path, pages: int = PAGES) -> bytes:
    """A test PDF: a red block on page 1, the page number on each page, one landscape page."""
    canvas = Canvas(str(path), pagesize=A4)
    for number in range(pages):
        if number == LANDSCAPE_PAGE:
            canvas.setPageSize(landscape(A4))
        else:
            canvas.setPageSize(A4)
        if number == 0:
            canvas.setFillColorRGB(1, 0, 0)
            canvas.rect(0, A4[1] - 200, 200, 200, stroke=0, fill=1)
            canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 48)
        canvas.drawString(100, 400, f"Page {number + 1}")
        canvas.showPage()
    canvas.save()
    return path.read_bytes()


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "many.pdf")


@pytest.fixture
def view(qtbot: QtBot) -> PdfView:
    widget = PdfView()
    qtbot.addWidget(widget)
    widget.resize(620, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def dark_pixels(image: QImage) -> int:
    """How many pixels of a sampled grid are not near-white."""
    dark = 0
    for x in range(0, image.width(), 4):
        for y in range(0, image.height(), 4):
            colour = image.pixelColor(x, y)
            if colour.red() + colour.green() + colour.blue() < 600:
                dark += 1
    return dark


def test_shows_the_page_count_and_draws_page_one(view: PdfView, pdf_bytes: bytes, english: None) -> None:
    assert view.set_pdf(pdf_bytes, "many")
    assert view.page_count() == PAGES
    assert view.current_page() == 0
    assert view.page_text() == f"Page 1 of {PAGES}"

    image = view.page_image(0)
    assert not image.isNull()
    assert image.width() == view.area.viewport().width() - 2 * PAGE_GAP  # fit to width
    assert dark_pixels(image) > 50  # the red block and the text are there, not a blank page
    corner = image.pixelColor(10, 10)  # inside the red block: RGB order is right
    assert (corner.red(), corner.green() < 40, corner.blue() < 40) == (255, True, True)


def test_only_the_pages_on_screen_are_rendered(view: PdfView, pdf_bytes: bytes) -> None:
    view.set_pdf(pdf_bytes)
    view.grab()  # paint once
    assert view.rendered_pages() == {0}  # one A4 page at this width fills the view

    view.go_to_page(80)
    view.grab()
    assert 80 in view.rendered_pages()
    assert len(view.rendered_pages()) <= 4


def test_page_down_and_page_up_move_one_page(qtbot: QtBot, view: PdfView, pdf_bytes: bytes,
                                             english: None) -> None:
    view.set_pdf(pdf_bytes)
    view.area.setFocus()
    with qtbot.waitSignal(view.page_changed) as changed:
        qtbot.keyClick(view.area, Qt.Key.Key_PageDown)
    assert changed.args == [1, PAGES]
    assert view.current_page() == 1 and view.page_text() == f"Page 2 of {PAGES}"
    qtbot.keyClick(view.area, Qt.Key.Key_PageDown)
    assert view.current_page() == 2
    qtbot.keyClick(view.area, Qt.Key.Key_PageUp)
    assert view.current_page() == 1

    qtbot.keyClick(view.area, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.current_page() == PAGES - 1
    assert view.page_text() == f"Page {PAGES} of {PAGES}"
    assert not view.next_button.isEnabled()
    qtbot.keyClick(view.area, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.current_page() == 0


def test_scrolling_changes_the_current_page(view: PdfView, pdf_bytes: bytes) -> None:
    view.set_pdf(pdf_bytes)
    bar = view.area.verticalScrollBar()
    bar.setValue(view.area.page_rect(3).top() + 10)
    assert view.current_page() == 3
    bar.setValue(0)
    assert view.current_page() == 0


def test_zoom_in_out_and_fit_width(view: PdfView, pdf_bytes: bytes) -> None:
    view.set_pdf(pdf_bytes)
    fitted = view.zoom()
    fitted_width = view.area.page_rect(0).width()
    assert view.is_fit_width() and view.fit_button.isChecked()

    view.zoom_in()
    assert not view.is_fit_width() and not view.fit_button.isChecked()
    assert view.zoom() > fitted
    assert view.area.page_rect(0).width() > fitted_width
    assert view.zoom_label.text() == f"{round(view.zoom() * 100)}%"
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() < fitted

    view.fit_width()
    assert view.is_fit_width()
    assert view.area.page_rect(0).width() == fitted_width


def test_fit_width_fits_a_landscape_page_too(view: PdfView, pdf_bytes: bytes) -> None:
    view.set_pdf(pdf_bytes)
    portrait, wide = view.area.page_rect(0), view.area.page_rect(LANDSCAPE_PAGE)
    assert wide.width() == portrait.width()
    assert wide.height() < portrait.height()
    image = view.page_image(LANDSCAPE_PAGE)
    assert image.width() > image.height()


def test_the_view_follows_a_resize(qtbot: QtBot, view: PdfView, pdf_bytes: bytes) -> None:
    view.set_pdf(pdf_bytes)
    before = view.area.page_rect(0).width()
    view.resize(820, 700)
    qtbot.waitUntil(lambda: view.area.page_rect(0).width() == view.area.viewport().width() - 2 * PAGE_GAP)
    assert view.area.page_rect(0).width() > before


def test_not_a_pdf_says_so(view: PdfView, english: None) -> None:
    assert not view.set_pdf(b"this is not a PDF")
    assert not view.has_document()
    assert view.page_count() == 0
    assert "not a readable PDF" in view.message.text()
    assert view.page_text() == ""


def test_a_missing_file_says_where_it_was(view: PdfView, tmp_path: Path, english: None) -> None:
    missing = tmp_path / "gone.pdf"
    assert not view.set_file(missing)
    assert "no longer where it was saved" in view.message.text()
    assert str(missing) in view.message.text()


def test_a_new_document_replaces_the_old_one(view: PdfView, pdf_bytes: bytes, tmp_path: Path) -> None:
    view.set_pdf(pdf_bytes)
    view.go_to_page(10)
    old = view.area.source
    short = make_pdf(tmp_path / "short.pdf", pages=2)
    assert view.set_file(tmp_path / "short.pdf")
    assert view.page_count() == 2 and view.current_page() == 0
    assert view.pdf_bytes() == short
    assert old is not None and old._doc is None  # PDFium's copy of the old one was released

    view.clear()
    assert view.page_count() == 0 and view.pdf_bytes() is None


def test_source_renders_at_any_size(pdf_bytes: bytes) -> None:
    source = PdfSource(pdf_bytes)
    try:
        width_pt, height_pt = source.sizes[0]
        image = source.render(0, round(width_pt * 150 / 72), round(height_pt * 150 / 72), for_print=True)
        assert (image.width(), image.height()) == (1240, 1754)  # A4 at 150 dpi
        assert image.format() == QImage.Format.Format_RGB888
    finally:
        source.close()

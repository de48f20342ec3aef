"""The documents page (文书): make packs, list and filter what was made, preview, print, make again."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY, copy_database
from tribunal.db.engine import Database
from tribunal.domain.enums import DocumentKind
from tribunal.services import documents as document_service
from tribunal.services import hearings, settings
from tribunal.services.app import open_database
from tribunal.services.documents import CLOSED_REFUSAL, PackResult, ReprintResult
from tribunal.services.hearings import HearingRow
from tribunal.ui import document_actions, lang
from tribunal.ui.document_dialogs import DayPickerDialog, HearingPickerDialog
from tribunal.ui.documents_model import COL_CASE, COL_FILE, COL_HASH, COL_HEARING, COL_KIND
from tribunal.ui.documents_page import DocumentsPage
from tribunal.ui.main_window import PAGE_DOCUMENTS, MainWindow

from .helpers import MessageBoxes, finish, settle


@dataclass
class Demo:
    db: Database
    first: HearingRow
    second: HearingRow
    closed: HearingRow
    first_pack: PackResult
    second_pack: PackResult

    def total(self, pack: PackResult) -> int:
        return len(pack.documents) + 1


@pytest.fixture(scope="module")
def made(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """Demonstration data with the packs of two public hearings (two different cases) made."""
    path = copy_database(demo_template, tmp_path_factory.mktemp("page"), "t.sqlite3")
    db = open_database(str(path), actor="测试书记员")
    rows = hearings.list_hearings(db)
    first, second = [h for h in rows if h.public][:2]
    closed = next(h for h in rows if not h.public)
    yield Demo(db, first, second, closed, document_service.make_pack(db, first.id),
               document_service.make_pack(db, second.id))
    db.dispose()


@pytest.fixture
def page(qtbot: QtBot, made: Demo) -> DocumentsPage:
    widget = DocumentsPage(made.db)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitExposed(widget):
        widget.show()  # the first show loads the list
    settle(qtbot)
    return widget


def pick_hearing(monkeypatch: pytest.MonkeyPatch, hearing_id: int | None) -> list[dict]:
    asked: list[dict] = []

    def ask(_parent: object, _db: object, title: str, prompt: str, **options: object) -> int | None:
        asked.append({"title": title, **options})
        return hearing_id

    monkeypatch.setattr(HearingPickerDialog, "ask", ask)
    return asked


def pdf_pages(path: str | Path) -> int:
    return len(pypdf.PdfReader(str(path)).pages)


def listed_ids(page: DocumentsPage) -> set[int]:
    return {row.id for row in page.model.rows()}


# ---------------------------------------------------------------------- making documents


def test_making_a_pack_from_the_page_lists_it_and_previews_the_whole_pack(
        qtbot: QtBot, page: DocumentsPage, made: Demo, monkeypatch: pytest.MonkeyPatch,
        boxes: MessageBoxes, english: None) -> None:
    third = [h for h in hearings.list_hearings(made.db) if h.public][2]  # nothing made for it yet
    asked = pick_hearing(monkeypatch, third.id)
    assert page.hearing.findData(third.id) > 0  # upcoming hearings are offered in the filter

    with qtbot.waitSignal(page.documents_made) as made_signal:
        page.pack_button.click()

    result: PackResult = made_signal.args[0]
    assert asked and boxes.shown == []
    assert result.added == len(result.documents) + 1
    assert page.banner.isVisible()
    assert "The hearing's documents are ready" in page.banner_text.text()
    assert lang.text(result.summary) in page.banner_text.text()
    assert listed_ids(page) == {d.id for d in (result.combined, *result.documents)}
    assert page.selected_id() == result.combined.id  # the whole pack, previewed
    assert page.preview.page_count() == pdf_pages(result.combined.path)
    assert page.preview.page_text() == f"Page 1 of {page.preview.page_count()}"
    assert page.model.data(page.model.index(0, COL_HEARING)) == f"{third.starts_at:%Y-%m-%d %H:%M}"

    page.banner_button.click()  # "show all documents": back to the register
    settle(qtbot)
    assert not page.banner.isVisible()
    assert listed_ids(page) >= {d.id for d in (result.combined, *result.documents)}
    assert page.selected_id() == result.combined.id


def test_making_a_day_pack_from_the_page(qtbot: QtBot, page: DocumentsPage, made: Demo,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # A day without hearings (the day with hearings is covered by test_documents_actions): only
    # the day list is made, and this module's two packs stay as they are for the other tests.
    monkeypatch.setattr(DayPickerDialog, "ask", lambda _parent, _db: (TODAY, made.first.tribunal_id))
    with qtbot.waitSignal(page.documents_made, timeout=60_000):
        page.day_button.click()
    assert [row.doc.kind for row in page.model.rows()] == [DocumentKind.PACK, DocumentKind.PACK_LIST,
                                                           DocumentKind.DAY_LIST]
    assert "没有排期的开庭" in page.banner_text.text()
    assert page.selected().doc.kind == DocumentKind.PACK
    assert page.preview.page_count() == pdf_pages(page.selected().doc.path) == 2  # the cover list and the day list


def test_cancelling_the_hearing_choice_makes_nothing(page: DocumentsPage, monkeypatch: pytest.MonkeyPatch,
                                                     boxes: MessageBoxes) -> None:
    pick_hearing(monkeypatch, None)
    before = page.model.rowCount()
    assert page.make_hearing_pack() is None
    assert page.model.rowCount() == before and not page.banner.isVisible() and boxes.shown == []


def test_certificates_of_a_closed_hearing_show_the_services_refusal(
        qtbot: QtBot, page: DocumentsPage, made: Demo, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes) -> None:
    asked = pick_hearing(monkeypatch, made.closed.id)
    page.certificates_button.click()
    assert asked[0]["show_past"] is True  # certificates come after the hearing
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=60_000)
    [(kind, _title, text, _detail)] = boxes.shown
    assert kind == "warning" and text == CLOSED_REFUSAL + "。"
    assert not page.banner.isVisible()


# ---------------------------------------------------------------------- the list


def test_the_list_shows_every_document_and_passes_the_model_tester(
        page: DocumentsPage, made: Demo, qtmodeltester: ModelTester) -> None:
    expected = {d.id for p in (made.first_pack, made.second_pack) for d in (*p.documents, p.combined)}
    assert expected <= listed_ids(page)
    row = page.model.row(page.model.row_of(made.first_pack.combined.id))
    number = page.model.row_of(row.id)
    assert page.model.data(page.model.index(number, COL_KIND)) == "开庭文书包"
    assert page.model.data(page.model.index(number, COL_CASE)) == made.first.case_number
    assert page.model.data(page.model.index(number, COL_HASH)) == row.doc.sha256[:12]
    assert page.model.data(page.model.index(number, COL_FILE)) == "Present" or row.present
    qtmodeltester.check(page.model)


def test_the_list_filters_by_case_hearing_and_kind(qtbot: QtBot, page: DocumentsPage, made: Demo,
                                                   english: None) -> None:
    first_ids = {d.id for d in (*made.first_pack.documents, made.first_pack.combined)}
    second_ids = {d.id for d in (*made.second_pack.documents, made.second_pack.combined)}

    page.search.setText(made.first.case_number)
    settle(qtbot)
    qtbot.waitUntil(lambda: listed_ids(page) == first_ids)  # after the typing pause
    assert {row.doc.case_number for row in page.model.rows()} == {made.first.case_number}

    page.search.clear()
    settle(qtbot)
    page.hearing.setCurrentIndex(page.hearing.findData(made.second.id))
    settle(qtbot)
    assert listed_ids(page) == second_ids
    assert page.count_label.text() == f"{len(second_ids)} documents"

    page.kind.setCurrentIndex(page.kind.findData(DocumentKind.HEARING_NOTICE.value))
    settle(qtbot)
    notices = {d.id for d in made.second_pack.documents if d.kind == DocumentKind.HEARING_NOTICE}
    assert listed_ids(page) == notices and len(notices) >= 2

    page.clear_filters()
    settle(qtbot)
    assert first_ids | second_ids <= listed_ids(page)

    page.search.setText("没有这个案号")
    settle(qtbot)
    page.reload()
    settle(qtbot)
    assert page.model.rowCount() == 0
    assert "No case matches" in page.count_label.text()


def test_show_hearing_lists_that_hearings_documents(qtbot: QtBot, page: DocumentsPage, made: Demo) -> None:
    page.show_hearing(made.first.id)
    settle(qtbot)
    assert page.hearing.currentData() == made.first.id
    assert listed_ids(page) == {d.id for d in (*made.first_pack.documents, made.first_pack.combined)}


def test_a_missing_file_is_flagged_and_made_again(qtbot: QtBot, page: DocumentsPage, made: Demo, boxes: MessageBoxes,
                                                  english: None) -> None:
    receipt = next(d for d in made.first_pack.documents if d.kind == DocumentKind.SERVICE_RECEIPT)
    path = Path(receipt.path)
    content = path.read_bytes()
    path.unlink()
    try:
        page.reload()
        settle(qtbot)
        assert page.missing_label.isVisible() and page.missing_label.text() == "1 file(s) missing"
        page.missing_only.setChecked(True)
        settle(qtbot)
        assert listed_ids(page) == {receipt.id}
        assert page.model.data(page.model.index(0, COL_FILE)) == "Missing"
        page.select_document(receipt.id)
        settle(qtbot)
        # A served proof of service is kept in the database: it still opens and prints here,
        # as it would on a workstation that never had the file.
        assert page.print_button.isEnabled() and page.reprint_button.isEnabled()
        qtbot.waitUntil(page.preview.has_document, timeout=10_000)
        assert hashlib.sha256(page.preview.pdf_bytes() or b"").hexdigest() == receipt.sha256

        page.reprint_button.click()
        qtbot.waitUntil(lambda: bool(boxes.shown), timeout=60_000)
        settle(qtbot)
        assert path.read_bytes() == content
        [(kind, _title, text, _detail)] = boxes.shown
        assert kind == "information" and "written again, with the same content" in text
        assert page.model.rowCount() == 0  # no file is missing any more
        assert not page.missing_label.isVisible()
    finally:
        if not path.exists():
            path.write_bytes(content)


# ---------------------------------------------------------------------- preview, print, folder, reprint


def test_selecting_a_notice_previews_it(qtbot: QtBot, page: DocumentsPage, made: Demo, english: None) -> None:
    notice = next(d for d in made.first_pack.documents if d.kind == DocumentKind.HEARING_NOTICE)
    assert page.select_document(notice.id)
    settle(qtbot)
    pages = pdf_pages(notice.path)
    assert page.preview.page_count() == pages
    assert page.preview.page_text() == f"Page 1 of {pages}"
    image = page.preview.page_image(0)
    sample = [image.pixelColor(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)]
    assert sum(1 for c in sample if c.lightness() < 128) > 100  # text is drawn: not a blank page
    assert page.preview.rendered_pages() <= {0, 1}


def test_printing_goes_through_the_printer_dialog(qtbot: QtBot, page: DocumentsPage, made: Demo, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def ask_printer(_parent: object, page_count: int, _title: str = "") -> QPrinter:
        asked.append(page_count)
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return printer

    monkeypatch.setattr(document_actions, "ask_printer", ask_printer)
    announcement = next(d for d in made.first_pack.documents if d.kind == DocumentKind.ANNOUNCEMENT)
    page.select_document(announcement.id)
    settle(qtbot)
    pages = pdf_pages(announcement.path)
    assert page.print_selected() == pages
    assert asked == [pages]
    assert (tmp_path / "printed.pdf").is_file() and pdf_pages(tmp_path / "printed.pdf") == pages


def test_open_folder_opens_the_documents_folder(qtbot: QtBot, page: DocumentsPage, made: Demo,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    urls: list[QUrl] = []
    monkeypatch.setattr(document_actions, "open_url", lambda url: urls.append(url) or True)
    page.select_document(made.first_pack.combined.id)
    settle(qtbot)
    page.folder_button.click()
    assert [u.toLocalFile() for u in urls] == [str(made.first_pack.folder)]


def test_making_an_unchanged_document_again_says_unchanged(qtbot: QtBot, page: DocumentsPage, made: Demo,
                                                           boxes: MessageBoxes, english: None) -> None:
    notice = next(d for d in made.second_pack.documents if d.kind == DocumentKind.HEARING_NOTICE)
    page.select_document(notice.id)
    settle(qtbot)
    result = finish(qtbot, page.reprint_selected())
    assert isinstance(result, ReprintResult) and not result.changed
    [(kind, title, text, detail)] = boxes.shown
    assert (kind, title) == ("information", "Made again")
    assert "unchanged" in text and detail == notice.path
    assert page.selected_id() == notice.id  # still selected and previewed
    assert page.preview.page_count() == pdf_pages(notice.path)


def test_the_main_window_shows_the_documents_page(qtbot: QtBot, made: Demo) -> None:
    window = MainWindow(made.db, settings.get_all(made.db))
    qtbot.addWidget(window)
    window.show()
    window.switch_to(PAGE_DOCUMENTS)
    settle(qtbot)
    assert window.current_page() is window.documents
    assert window.documents.model.rowCount() > 0  # loaded when first shown
    window.focus_search()
    assert window.documents.search.hasFocus() or window.documents.search.isVisible()

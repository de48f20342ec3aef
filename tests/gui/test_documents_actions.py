"""Document actions other screens call: make a pack and show it, print to a (PDF) printer, open folders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY, copy_database
from tribunal.db.engine import Database
from tribunal.domain.enums import DocumentKind, HearingStatus
from tribunal.services import documents as document_service
from tribunal.services import hearings
from tribunal.services.app import open_database
from tribunal.services.documents import CLOSED_REFUSAL, PackResult
from tribunal.services.hearings import HearingRow
from tribunal.ui import document_actions
from tribunal.ui.document_dialogs import (
    DayPickerDialog,
    HearingPickerDialog,
    PackResultDialog,
    PdfPreviewWindow,
)
from tribunal.ui.documents_model import PACK_COL_FILE, PACK_COL_KIND

from .helpers import MessageBoxes, finish, settle


@dataclass
class Demo:
    db: Database
    public: HearingRow
    closed: HearingRow
    pack: PackResult


@pytest.fixture(scope="module")
def demo_pack(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demonstration data with the documents of its first public hearing made once.

    Shared by the module's tests (making a pack takes seconds): they print, preview and make
    further documents, which adds rows but never changes this pack.
    """
    path = copy_database(demo_template, tmp_path_factory.mktemp("actions"), "t.sqlite3")
    db = open_database(str(path), actor="测试书记员")
    rows = hearings.list_hearings(db)
    public = next(h for h in rows if h.public)
    closed = next(h for h in rows if not h.public)
    yield Demo(db, public, closed, document_service.make_pack(db, public.id))
    db.dispose()


class Printers:
    """Stands in for the printer dialog: hands out PDF-file printers and remembers them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.asked: list[tuple[int, str]] = []
        self.printers: list[QPrinter] = []
        self.cancel = False
        self.page_range: tuple[int, int] | None = None
        self.copies = 1

    def __call__(self, _parent: object, page_count: int, title: str = "") -> QPrinter | None:
        self.asked.append((page_count, title))
        if self.cancel:
            return None
        # Screen resolution keeps the test quick; the program asks for the printer's own.
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.folder / f"printed{len(self.printers)}.pdf"))
        if self.page_range:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*self.page_range)
        printer.setCopyCount(self.copies)
        self.printers.append(printer)
        return printer

    def output(self, number: int = -1) -> Path:
        return Path(self.printers[number].outputFileName())


@pytest.fixture
def printers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Printers:
    fake = Printers(tmp_path)
    monkeypatch.setattr(document_actions, "ask_printer", fake)
    return fake


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(document_actions, "open_url", open_url)
    return urls


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[list[PackResultDialog]]:
    """The result windows the actions open (closed again after the test)."""
    windows: list[PackResultDialog] = []
    real = document_actions.show_pack_result

    def show(parent: object, result: PackResult, heading: str) -> PackResultDialog:
        window = real(parent, result, heading)  # type: ignore[arg-type]
        windows.append(window)
        return window

    monkeypatch.setattr(document_actions, "show_pack_result", show)
    yield windows
    for window in windows:
        window.close()


def pdf_pages(path: Path) -> int:
    return len(pypdf.PdfReader(str(path)).pages)


# ---------------------------------------------------------------------- making documents


def test_print_pack_makes_the_documents_and_lists_them(qtbot: QtBot, demo_pack: Demo, shown: list[PackResultDialog],
                                                       boxes: MessageBoxes, qtmodeltester: ModelTester) -> None:
    result = finish(qtbot, document_actions.print_pack(None, demo_pack.db, demo_pack.public.id))
    assert isinstance(result, PackResult)

    assert result is not None and boxes.shown == []
    assert result.unchanged == len(demo_pack.pack.documents) + 1  # made before with the same data
    [dialog] = shown
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.model.rowCount() == len(result.documents) + 1
    first = dialog.model.row(0)
    assert first.doc.kind == DocumentKind.PACK and first.file_name == "全部文书.pdf"
    assert dialog.model.data(dialog.model.index(0, PACK_COL_KIND)) == "开庭文书包"
    assert dialog.model.data(dialog.model.index(1, PACK_COL_FILE)) == Path(result.documents[0].path).name
    assert dialog.summary.text() == result.summary
    assert dialog.notes.text() == "\n".join(result.notes)
    assert dialog.notes.isVisibleTo(dialog) == bool(result.notes)
    qtmodeltester.check(dialog.model)


def test_print_all_from_the_result_prints_every_page(demo_pack: Demo, printers: Printers,
                                                     qtbot: QtBot) -> None:
    dialog = PackResultDialog(demo_pack.pack, "开庭文书已制作")
    qtbot.addWidget(dialog)
    combined = Path(demo_pack.pack.combined.path)
    pages = pdf_pages(combined)

    assert dialog.print_all() == pages
    assert printers.asked == [(pages, demo_pack.pack.combined.title)]
    printed = printers.output()
    assert printed.is_file() and pdf_pages(printed) == pages
    # The day list is landscape in the pack and on paper.
    day_list = next(d for d in demo_pack.pack.documents if d.kind == DocumentKind.DAY_LIST)
    position = sum(pdf_pages(Path(d.path)) for d in demo_pack.pack.documents[:demo_pack.pack.documents.index(day_list)])
    box = pypdf.PdfReader(str(printed)).pages[position].mediabox
    assert float(box.width) > float(box.height)
    assert float(pypdf.PdfReader(str(printed)).pages[0].mediabox.width) == pytest.approx(595, abs=1)


def test_printing_follows_the_page_range_and_copies(demo_pack: Demo, printers: Printers) -> None:
    notice = next(d for d in demo_pack.pack.documents if d.kind == DocumentKind.HEARING_NOTICE)
    combined = demo_pack.pack.combined.path
    printers.page_range = (2, 4)
    assert document_actions.print_pdf(None, combined) == 3
    assert pdf_pages(printers.output()) == 3

    printers.page_range = None
    printers.copies = 2  # a PDF "printer" cannot make copies itself: the program sends each page twice
    pages = pdf_pages(Path(notice.path))
    assert document_actions.print_pdf(None, Path(notice.path).read_bytes(), "通知书") == 2 * pages
    assert pdf_pages(printers.output()) == 2 * pages


def test_cancelling_the_printer_dialog_prints_nothing(demo_pack: Demo, printers: Printers,
                                                      boxes: MessageBoxes) -> None:
    printers.cancel = True
    assert document_actions.print_pdf(None, demo_pack.pack.combined.path) is None
    assert printers.asked and printers.printers == [] and boxes.shown == []


def test_printing_a_missing_or_broken_file_says_why(tmp_path: Path, printers: Printers, boxes: MessageBoxes,
                                                    english: None) -> None:
    assert document_actions.print_pdf(None, tmp_path / "gone.pdf") is None
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing here")
    assert document_actions.print_pdf(None, broken) is None
    assert printers.asked == []  # no printer dialog for something that cannot be printed
    assert [(kind, text.split(":")[0]) for kind, _title, text, _d in boxes.shown] == [
        ("warning", "The file is no longer where it was saved"),
        ("warning", "This file is not a readable PDF document."),
    ]


def test_certificates_of_a_closed_hearing_are_refused_with_the_reason(qtbot: QtBot, demo_pack: Demo, shown: list,
                                                                      boxes: MessageBoxes) -> None:
    assert finish(qtbot, document_actions.print_certificates(None, demo_pack.db, demo_pack.closed.id)) is None
    assert shown == []
    [(kind, _title, text, _detail)] = boxes.shown
    assert kind == "warning" and text == CLOSED_REFUSAL + "。"


def test_certificates_before_anyone_attended_say_so(qtbot: QtBot, demo_pack: Demo, boxes: MessageBoxes) -> None:
    assert finish(qtbot, document_actions.print_certificates(None, demo_pack.db, demo_pack.public.id)) is None
    assert "还没有签到到场的旁听人员" in boxes.texts()


def test_print_day_makes_the_day_list_and_each_hearing(qtbot: QtBot, demo_pack: Demo, shown: list[PackResultDialog]) -> None:
    day = demo_pack.public.starts_at.date()
    result = finish(qtbot, document_actions.print_day(None, demo_pack.db, day, demo_pack.public.tribunal_id))
    assert isinstance(result, PackResult)
    kinds = [d.kind for d in result.documents]
    assert kinds[:2] == [DocumentKind.PACK_LIST, DocumentKind.DAY_LIST] and DocumentKind.HEARING_NOTICE in kinds
    [dialog] = shown
    assert dialog.model.rowCount() == len(result.documents) + 1


# ---------------------------------------------------------------------- preview and folders


def test_preview_from_the_result_opens_the_chosen_file(demo_pack: Demo, qtbot: QtBot, english: None) -> None:
    dialog = PackResultDialog(demo_pack.pack, "开庭文书已制作")
    qtbot.addWidget(dialog)
    window = dialog.preview()  # the combined PDF is chosen at first
    assert isinstance(window, PdfPreviewWindow)
    pages = pdf_pages(Path(demo_pack.pack.combined.path))
    assert window.view.page_count() == pages
    assert window.view.page_text() == f"Page 1 of {pages}"
    window.close()

    dialog.view.selectRow(1)
    window = dialog.preview()
    assert window is not None and window.view.page_count() == pdf_pages(Path(demo_pack.pack.documents[0].path))
    window.close()


def test_open_folder_hands_the_folder_to_the_desktop(demo_pack: Demo, opened: list[QUrl], qtbot: QtBot) -> None:
    dialog = PackResultDialog(demo_pack.pack, "开庭文书已制作")
    qtbot.addWidget(dialog)
    assert dialog.open_folder()
    notice = Path(demo_pack.pack.documents[0].path)
    assert document_actions.open_folder(notice)  # a file: its folder is opened
    assert [url.toLocalFile() for url in opened] == [str(demo_pack.pack.folder), str(notice.parent)]


def test_open_folder_of_a_vanished_folder_says_so(tmp_path: Path, opened: list[QUrl], boxes: MessageBoxes,
                                                  english: None) -> None:
    assert not document_actions.open_folder(tmp_path / "gone" / "x.pdf")
    assert opened == []
    assert boxes.kinds() == ["warning"] and str(tmp_path / "gone") in boxes.shown[0][2]


# ---------------------------------------------------------------------- choosing what to make


def test_hearing_picker_lists_upcoming_hearings_and_returns_the_choice(
        demo_pack: Demo, qtbot: QtBot, qtmodeltester: ModelTester, english: None) -> None:
    dialog = HearingPickerDialog(demo_pack.db, "生成开庭文书包", "请选择开庭。", today=TODAY)
    qtbot.addWidget(dialog)
    settle(qtbot)
    upcoming = [h for h in hearings.list_hearings(demo_pack.db, TODAY)
                if h.status in (HearingStatus.SCHEDULED, HearingStatus.HELD)]
    assert [row.id for row in dialog.model.rows()] == [h.id for h in upcoming]
    assert dialog.model.data(dialog.model.index(0, 1)) == upcoming[0].case_number
    closed_row = dialog.model.row_of(demo_pack.closed.id)
    assert dialog.model.data(dialog.model.index(closed_row, 3)) == "Not public"
    qtmodeltester.check(dialog.model)

    dialog.view.selectRow(closed_row)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen == demo_pack.closed.id


def test_hearing_picker_without_hearings_says_what_to_do(demo_pack: Demo, qtbot: QtBot, english: None) -> None:
    dialog = HearingPickerDialog(demo_pack.db, "t", "p", today=dt.date(2030, 1, 1))
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.model.rowCount() == 0 and not dialog.ok_button.isEnabled()
    assert "Schedule one on the Hearings page" in dialog.empty.text()


def test_day_picker_starts_on_the_next_sitting_day(demo_pack: Demo, qtbot: QtBot, english: None) -> None:
    dialog = DayPickerDialog(demo_pack.db, today=TODAY)
    qtbot.addWidget(dialog)
    settle(qtbot)
    first = min((h for h in hearings.list_hearings(demo_pack.db, TODAY) if h.tribunal_id),
                key=lambda h: h.starts_at)
    assert dialog.choice() == (first.starts_at.date(), first.tribunal_id)
    assert dialog.hint.text() == "1 hearing(s) on that day."
    dialog.date.setDate(TODAY)
    assert dialog.hint.text() == "No hearing on that day: only an empty day list will be made."

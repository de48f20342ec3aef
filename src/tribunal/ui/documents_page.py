"""The documents page (文书): every document printed, filtered by case, hearing and kind, with a preview.

From here the clerk also makes documents — a hearing's pack, a day's documents, the training
certificates — previews them on the right, prints them, opens their folder, or makes one again
from today's data (which says whether anything changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import DocumentKind
from tribunal.errors import NotFound, TribunalError
from tribunal.services import cases as case_service
from tribunal.services import documents as document_service
from tribunal.services import hearings, served_documents
from tribunal.services.app import Database
from tribunal.services.cases import CaseFilter
from tribunal.services.documents import CertificateRow, DocumentRow, PackResult, ReprintResult
from tribunal.texts import reason_of
from tribunal.ui import document_actions, lang, msgbox, ops, window_state
from tribunal.ui.combos import add_members, current_member
from tribunal.ui.document_dialogs import DayPickerDialog, HearingPickerDialog, PdfPreviewWindow
from tribunal.ui.documents_model import (
    COL_BY,
    COL_CASE,
    COL_FILE,
    COL_GENERATED,
    COL_HASH,
    COL_HEARING,
    COL_KIND,
    COL_TITLE,
    ListedDocument,
    documents_model,
    listed,
    pack_rows,
)
from tribunal.ui.feedback import ERROR_COLOUR, FORM_STYLE
from tribunal.ui.ops import Changes
from tribunal.ui.pdf_view import PdfView
from tribunal.ui.rows_model import make_table, selected_rows, set_column_widths

#: Live search waits this long after the last keystroke.
SEARCH_DELAY_MS = 250
#: Without a case or hearing filter, only the newest documents are listed.
LIST_LIMIT = 500
#: A search matching many cases lists the documents of the newest of them.
CASE_LIMIT = 40
#: Hearings offered in the hearing filter: from this many days back, and every later one.
HEARING_DAYS_BACK = 365
STATE_KEY = "documents"


@dataclass
class _Listing:
    """What the background read of the list answers: the rows, and why the list may be short."""

    rows: list[ListedDocument]
    hearing_dates: dict[int, dt.datetime]
    newest: int | None = None         #: only the newest this many documents
    newest_cases: int | None = None   #: only the documents of the newest this many cases
    no_case: str = ""                 #: the search matched no case


def _wrap(db: Database, rows: list[DocumentRow], hearing_dates: dict[int, dt.datetime]) -> list[ListedDocument]:
    """The rows as the list shows them: each file checked on disk, each hearing's date known.

    Reads the dates of hearings not yet known into ``hearing_dates`` (a service read, and the
    file checks touch the disk: call it off the GUI thread for a whole list).
    """
    unknown = {r.hearing_id for r in rows if r.hearing_id and r.hearing_id not in hearing_dates}
    for hearing_id in unknown:
        try:
            hearing_dates[hearing_id] = hearings.get_hearing(db, hearing_id).starts_at
        except NotFound:
            continue
    return listed(rows, hearing_dates)


class DocumentsPage(QWidget):
    """文书: find what was printed; preview, print, open the folder, make again; make new documents.

    Signals:
        documents_made(object): a pack, a day's documents or certificates were made (PackResult).
    """

    documents_made = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        self._loaded = False
        self._quiet = False
        self._hearing_dates: dict[int, dt.datetime] = {}
        self._previewed: tuple[int, str] | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)

        # --- making documents
        self.pack_button = QPushButton(self.tr("Make hearing documents…"))
        self.pack_button.setToolTip(self.tr("Every document of one hearing: notices, proofs of service, "
                                            "announcement, invitations, sign-in sheet, handout (Ctrl+N)"))
        self.pack_button.clicked.connect(lambda: self.make_hearing_pack())
        self.day_button = QPushButton(self.tr("Make a day's documents…"))
        self.day_button.setToolTip(self.tr("A circuit tribunal's day list and the documents of all its "
                                           "hearings that day"))
        self.day_button.clicked.connect(lambda: self.make_day_pack())
        self.certificates_button = QPushButton(self.tr("Make training certificates…"))
        self.certificates_button.setToolTip(self.tr("A certificate for everyone who attended a hearing "
                                                    "and its training"))
        self.certificates_button.clicked.connect(lambda: self.make_certificates())
        self.count_label = QLabel()

        # --- filters
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Case number or party (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("邵劳人仲案字〔2026〕第24号") + 40)
        self.hearing = QComboBox()
        self.hearing.addItem(self.tr("All hearings"), None)
        self.hearing.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.hearing.setMinimumContentsLength(24)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        add_members(self.kind, DocumentKind)
        self.missing_only = QCheckBox(self.tr("Only missing files"))
        self.missing_only.setToolTip(self.tr("Documents whose file was moved or deleted outside the program"))
        self.missing_label = QLabel()
        self.missing_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.missing_label.hide()
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self.reload)
        self.hearing.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.kind.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.missing_only.toggled.connect(lambda _on: self._filters_changed())

        # --- what was just made
        self.banner = QFrame()
        self.banner.setObjectName("resultBanner")
        self.banner.setStyleSheet("QFrame#resultBanner { background: #e8f0fe; border: 1px solid #c6d7f5; "
                                  "border-radius: 4px; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_button = QPushButton(self.tr("Show all documents"))
        self.banner_button.clicked.connect(self.reload)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(8, 6, 8, 6)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.banner_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        self._showing_result = False

        # --- the list and its actions
        self.model = documents_model(self)
        self.view = make_table(self.model, self, empty_text=self.tr(
            "No documents yet. Press “Make hearing documents…” above to make the documents of a "
            "hearing, or “Make a day's documents…” for a day at an enterprise."))
        set_column_widths(self.view, {
            COL_KIND: "开庭通知书", COL_TITLE: "开庭通知书（湖南湘中纺织科技）",
            COL_CASE: "邵劳人仲案字〔2026〕第24号", COL_HEARING: "2026-12-07 09:30",
            COL_GENERATED: "2026-12-07 09:30", COL_BY: "测试书记员", COL_HASH: "077f984080f6", COL_FILE: "缺失",
        })
        window_state.restore_header(STATE_KEY, self.view.horizontalHeader())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(lambda _index: self.preview_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view, self.preview_selected)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Open the document in a large window (Enter)"))
        self.preview_button.clicked.connect(lambda: self.preview_selected())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Choose a printer and print the document (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.setToolTip(self.tr("Show the folder holding the file"))
        self.folder_button.clicked.connect(lambda: self.open_selected_folder())
        self.reprint_button = QPushButton(self.tr("Make again"))
        self.reprint_button.setToolTip(self.tr("Make the document again from today's data, at the same "
                                               "place; you are told whether anything changed"))
        self.reprint_button.clicked.connect(lambda: self.reprint_selected())
        self.void_button = QPushButton(self.tr("Withdraw certificate…"))
        self.void_button.setToolTip(self.tr("Withdraw the selected training certificate: it is kept as void and "
                                            "its number is never given again"))
        self.void_button.clicked.connect(lambda: self.void_selected())
        print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self, self.print_selected)
        print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.preview = PdfView()

        # --- layout
        makers = QHBoxLayout()
        for button in (self.pack_button, self.day_button, self.certificates_button):
            makers.addWidget(button)
        makers.addStretch(1)
        makers.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.hearing, 2)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.missing_only)
        filters.addWidget(self.missing_label)
        filters.addWidget(self.clear_button)
        row_actions = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.folder_button, self.reprint_button,
                       self.void_button):
            row_actions.addWidget(button)
        row_actions.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(row_actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        if not window_state.restore_splitter(STATE_KEY, self.splitter):
            self.splitter.setSizes([560, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(makers)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setStyleSheet(FORM_STYLE)
        self._update_actions()

    # ------------------------------------------------------------------ page protocol

    def _keep_in_step(self) -> None:
        """Show documents made on other pages and workstations, and hearings scheduled meanwhile."""
        ops.subscribe(self, Changes.DOCUMENTS | Changes.HEARINGS | Changes.CASES,
                      self._changed_elsewhere, ignore_own=True)

    def _changed_elsewhere(self) -> None:
        if self._loaded:
            self._load_hearings()
            if not self._showing_result:
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if event.spontaneous():
            return  # the window came back from the task bar: nothing new to read
        if not self._loaded:
            self.load()  # later documents, made anywhere, arrive through the change bus

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_state()
        super().hideEvent(event)

    def focus_search(self) -> None:
        """Ctrl+F: the case search, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def create_item(self) -> None:
        """Ctrl+N: make a hearing's documents."""
        self.make_hearing_pack()

    def save_state(self) -> None:
        """Remember the column widths and the split between list and preview."""
        window_state.save_header(STATE_KEY, self.view.horizontalHeader())
        window_state.save_splitter(STATE_KEY, self.splitter)

    def load(self) -> None:
        """Read the hearings for the hearing filter, then the documents (in the background)."""
        self._loaded = True
        self._load_hearings(then=self.reload)

    # ------------------------------------------------------------------ filters

    def _load_hearings(self, also: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the hearings the filter offers (and ``also``), fill the filter, then call ``then``."""
        db, since = self._db, dt.date.today() - dt.timedelta(days=HEARING_DAYS_BACK)

        def work() -> list[tuple[int, dt.datetime, str]]:
            rows = hearings.list_hearings(db, since)
            entries = [(r.id, r.starts_at, r.case_number) for r in rows]
            if also is not None and all(r.id != also for r in rows):
                detail = hearings.get_hearing(db, also)
                entries.append((detail.id, detail.starts_at, detail.case_number))
            return entries

        def fill(entries: list[tuple[int, dt.datetime, str]]) -> None:
            self._fill_hearings(entries)
            if then is not None:
                then()

        ops.run_read(self, work, fill, key="hearings")

    def _fill_hearings(self, entries: list[tuple[int, dt.datetime, str]]) -> None:
        entries.sort(key=lambda e: (e[1], e[0]), reverse=True)  # the latest first, like the list
        chosen = self.hearing.currentData()
        self._quiet = True
        try:
            while self.hearing.count() > 1:
                self.hearing.removeItem(1)
            for hearing_id, starts_at, number in entries:
                self._hearing_dates[hearing_id] = starts_at
                self.hearing.addItem(f"{starts_at:%Y-%m-%d %H:%M}  {number}", hearing_id)
            self.hearing.setCurrentIndex(max(self.hearing.findData(chosen), 0))
        finally:
            self._quiet = False

    def _filters_changed(self) -> None:
        if not self._quiet:
            self.reload()

    def _search_typed(self, _text: str) -> None:
        if not self._quiet:
            self._search_timer.start()

    def clear_filters(self) -> None:
        """Show every document again (the newest first)."""
        self._quiet = True
        try:
            self.search.clear()
            self.hearing.setCurrentIndex(0)
            self.kind.setCurrentIndex(0)
            self.missing_only.setChecked(False)
        finally:
            self._quiet = False
        self.reload()

    def show_hearing(self, hearing_id: int) -> None:
        """List the documents of one hearing (for the hearing screens' "documents" link)."""
        if not self._loaded or self.hearing.findData(hearing_id) < 0:
            self._loaded = True
            self._load_hearings(also=hearing_id, then=lambda: self._choose_hearing(hearing_id))
        else:
            self._choose_hearing(hearing_id)

    def _choose_hearing(self, hearing_id: int) -> None:
        self._quiet = True
        try:
            self.search.clear()
            self.kind.setCurrentIndex(0)
            self.missing_only.setChecked(False)
            self.hearing.setCurrentIndex(max(self.hearing.findData(hearing_id), 0))
        finally:
            self._quiet = False
        self.reload()

    # ------------------------------------------------------------------ listing

    def _query(self) -> Callable[[], _Listing]:
        """The work that reads the rows the filters ask for (run off the GUI thread)."""
        db = self._db
        text = " ".join(self.search.text().split())
        hearing_id = self.hearing.currentData()
        kind = current_member(self.kind, DocumentKind)
        known = dict(self._hearing_dates)

        def work() -> _Listing:
            if not text:
                limit = None if hearing_id is not None else LIST_LIMIT
                rows = document_service.list_documents(db, hearing_id=hearing_id, kind=kind, limit=limit)
                cut = limit if limit is not None and len(rows) >= limit else None
                return _Listing(_wrap(db, rows, known), known, newest=cut)
            case_ids = case_service.search_case_ids(db, CaseFilter(text=text))
            if not case_ids:
                return _Listing([], known, no_case=text)
            cases_cut = CASE_LIMIT if len(case_ids) > CASE_LIMIT else None
            rows = []
            for case_id in case_ids[:CASE_LIMIT]:
                rows += document_service.list_documents(db, case_id=case_id, hearing_id=hearing_id,
                                                        kind=kind, limit=None)
            rows.sort(key=lambda r: (r.generated_at, r.id), reverse=True)
            return _Listing(_wrap(db, rows, known), known, newest_cases=cases_cut)

        return work

    def reload(self) -> None:
        """List again with the current filters (in the background), keeping the selected document."""
        self._search_timer.stop()
        keep = self.selected_id()
        ops.run_read(self, self._query(), lambda listing: self._show_listing(listing, keep), key="list")

    def _show_listing(self, listing: _Listing, keep: int | None) -> None:
        self._hearing_dates.update(listing.hearing_dates)
        if listing.no_case:
            note = self.tr("No case matches “{text}”").format(text=listing.no_case)
        elif listing.newest_cases:
            note = self.tr("(documents of the newest {count} matching cases)").format(count=listing.newest_cases)
        elif listing.newest:
            note = self.tr("(the newest {count} shown)").format(count=listing.newest)
        else:
            note = ""
        shown = listing.rows
        self._showing_result = False
        self.banner.hide()
        missing = sum(1 for r in shown if not r.present)
        if self.missing_only.isChecked():
            shown = [r for r in shown if not r.present]
        self.model.set_rows(shown)
        self._show_counts(missing, note)
        if keep is None or not self.select_document(keep):
            self._selection_changed()

    def _wrap(self, rows: list[DocumentRow]) -> list[ListedDocument]:
        # The few files an action just made: their hearing's date as far as the page knows it.
        return listed(rows, self._hearing_dates)

    def _show_counts(self, missing: int, note: str = "") -> None:
        count = self.tr("{count} documents").format(count=self.model.rowCount())
        self.count_label.setText(f"{count} {note}".strip())
        self.missing_label.setText(self.tr("{count} file(s) missing").format(count=missing))
        self.missing_label.setToolTip(self.tr("These files were moved or deleted outside the program. "
                                              "Choose one and click “Make again” to write it anew."))
        self.missing_label.setVisible(missing > 0)

    def show_result(self, result: PackResult, heading: str) -> None:
        """List exactly the files an action just made, and preview the combined PDF."""
        rows = pack_rows(result)
        self.model.set_rows(self._wrap([r.doc for r in rows]))
        self._showing_result = True
        lines = [f"<b>{escape(heading, quote=False)}</b>", escape(lang.text(result.summary), quote=False)]
        lines += [f"<span style='color:#8a5300'>{escape(lang.text(w), quote=False)}</span>" for w in result.warnings]
        lines += [escape(lang.text(n), quote=False) for n in result.notes]
        self.banner_text.setText("<br>".join(lines))
        self.banner.show()
        self._show_counts(sum(1 for r in self.model.rows() if not r.present))
        if result.combined is None or not self.select_document(result.combined.id):
            self._selection_changed()

    # ------------------------------------------------------------------ selection and preview

    def selected(self) -> ListedDocument | None:
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def select_document(self, document_id: int) -> bool:
        """Select (and preview) the document ``document_id``; False when it is not listed."""
        number = self.model.row_of(document_id)
        if number is None:
            return False
        index = self.model.index(number, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        self._update_actions()
        self._show_preview(self.selected())

    def _show_preview(self, row: ListedDocument | None) -> None:
        # The same document with the same content is already shown: keep the page being read.
        key = (row.id, row.doc.sha256) if row is not None and (row.present or row.doc.kept) else None
        if key is not None and key == self._previewed:
            return
        self._previewed = key
        if row is None:
            self.preview.clear()
        elif not row.present and row.doc.kept:
            # Served to a party, so its bytes are in the database: readable on every workstation.
            self.preview.clear(self.tr("The file is not on this computer; opening the copy kept in the database…"))
            document_id, title = row.id, row.doc.title
            ops.run_read(self, lambda: served_documents.document_bytes(self._db, document_id),
                         lambda data: self._show_kept(document_id, title, data), key="kept-preview")
        elif not row.present:
            self.preview.clear(self.tr("The file is no longer where it was saved:\n{path}\n\n"
                                       "Click “Make again” to write it anew from today's data.")
                               .format(path=row.doc.path))
        elif not self.preview.set_file(row.doc.path, row.doc.title):
            self._previewed = None

    def _show_kept(self, document_id: int, title: str, data: bytes) -> None:
        if self.selected_id() != document_id:
            return  # the clerk has moved on to another document meanwhile
        self.preview.set_pdf(data, title)

    def _update_actions(self) -> None:
        row = self.selected()
        present = row is not None and (row.present or row.doc.kept)
        self.preview_button.setEnabled(present)
        self.print_button.setEnabled(present)
        self.folder_button.setEnabled(row is not None)
        self.reprint_button.setEnabled(row is not None)
        self.void_button.setEnabled(row is not None and row.doc.kind == DocumentKind.CERTIFICATE)

    # ------------------------------------------------------------------ actions on one document

    def preview_selected(self) -> PdfPreviewWindow | None:
        """Open the selected document in a large preview window."""
        row = self.selected()
        if row is None:
            return None
        if row.present:
            return PdfPreviewWindow.present(self, row.doc.path, row.doc.title)
        data = self._kept(row)
        return None if data is None else PdfPreviewWindow.present(self, row.doc.path, row.doc.title, kept=data)

    def _kept(self, row: ListedDocument) -> bytes | None:
        """The copy of a missing file kept in the database (a served document), or None."""
        if not row.doc.kept:
            return None
        db, document_id = self._db, row.id
        try:
            return ops.call(self, lambda: served_documents.document_bytes(db, document_id))
        except TribunalError as exc:
            msgbox.warning(self, self.tr("Cannot open the document"), lang.text(reason_of(exc)))
            return None

    def print_selected(self) -> int | None:
        """Print the selected document after the printer dialog; the pages sent, or None."""
        row = self.selected()
        if row is None:
            return None
        if row.present:
            return document_actions.print_pdf(self, row.doc.path, row.doc.title)
        data = self._kept(row)
        return None if data is None else document_actions.print_pdf(self, data, row.doc.title)

    def open_selected_folder(self) -> bool:
        row = self.selected()
        return row is not None and document_actions.open_folder(row.doc.path, self)

    def reprint_selected(self) -> ops.Op[ReprintResult] | None:
        """Make the selected document again from today's data and say whether it changed."""
        row = self.selected()
        if row is None:
            return None
        document_id = row.id
        return ops.run_write(self, lambda: document_service.reprint(self._db, document_id),
                             changes=ops.Changes.DOCUMENTS, on_done=lambda r: self._reprinted(row, r))

    def _reprinted(self, row: Any, result: ReprintResult) -> None:
        same = result.document.sha256 == row.doc.sha256
        if not row.present:
            text = (self.tr("The file was missing and has been written again, with the same content as before.")
                    if same else
                    self.tr("The file was missing and has been written again. The data had changed since, "
                            "so its content differs from the lost file."))
        elif result.changed:
            text = self.tr("The data had changed since it was made: the file was written anew.")
        else:
            text = self.tr("Nothing has changed (unchanged): the file is exactly as it was.")
        msgbox.information(self, self.tr("Made again"), text, result.document.path)
        if self._showing_result:
            self.model.update_row(self._wrap([result.document])[0])
            self._selection_changed()
        else:
            self.reload()

    def void_selected(self) -> CertificateRow | None:
        """Withdraw the selected training certificate after asking why (its number is not reused)."""
        row = self.selected()
        if row is None or row.doc.kind != DocumentKind.CERTIFICATE:
            return None
        db, document_id = self._db, row.id
        try:
            certificate = ops.call(self, lambda: document_service.certificate_of_document(db, document_id))
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        if certificate is None or certificate.voided:
            msgbox.information(self, self.tr("Withdraw certificate"),
                               self.tr("This certificate has no number on record, or it is void already."))
            return None
        reason = msgbox.ask_text(self, self.tr("Withdraw certificate"),
                                 self.tr("Why is certificate {number} ({name}) withdrawn?").format(
                                     number=certificate.number, name=certificate.name))
        if reason is None:
            return None
        number = certificate.number
        try:
            voided = ops.call(self, lambda: document_service.void_certificate(db, number, reason),
                              changes=ops.Changes.DOCUMENTS | ops.Changes.TRAINING)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        msgbox.information(self, self.tr("Withdraw certificate"),
                           self.tr("Certificate {number} is void. Its number will not be given to anyone else.")
                           .format(number=voided.number))
        return voided

    # ------------------------------------------------------------------ making documents

    def _made(self, work: Callable[[ops.Progress], PackResult], label: str,
              heading: str) -> ops.Op[PackResult]:
        def done(result: PackResult) -> None:
            self._load_hearings()
            self.show_result(result, heading)
            self.documents_made.emit(result)

        return document_actions.make_documents(self, work, label, on_done=done)

    def make_hearing_pack(self, hearing_id: int | None = None) -> ops.Op[PackResult] | None:
        """Make every document of a hearing (chosen in a dialog when not given)."""
        if hearing_id is None:
            hearing_id = HearingPickerDialog.ask(
                self, self._db, self.tr("Make hearing documents"),
                self.tr("Choose the hearing. Its notices, proofs of service and — for a public hearing — "
                        "announcement, invitations, observers' rules, sign-in sheet and handout are made "
                        "and saved together."))
            if hearing_id is None:
                return None
        from tribunal.ui import teaching_dialog

        if not teaching_dialog.review_before_print(self, self._db, hearing_id):
            return None
        chosen = hearing_id
        return self._made(lambda p: document_service.make_pack(self._db, chosen, progress=p.step),
                          self.tr("Making the hearing's documents…"),
                          self.tr("The hearing's documents are ready"))

    def make_day_pack(self, day: dt.date | None = None,
                      tribunal_id: int | None = None) -> ops.Op[PackResult] | None:
        """Make a circuit tribunal's documents for one day (chosen in a dialog when not given)."""
        if day is None or tribunal_id is None:
            choice = DayPickerDialog.ask(self, self._db)
            if choice is None:
                return None
            day, tribunal_id = choice
        chosen_day, chosen_tribunal = day, tribunal_id
        return self._made(
            lambda p: document_service.make_day_pack(self._db, chosen_day, chosen_tribunal, progress=p.step),
            self.tr("Making the day's documents…"), self.tr("The day's documents are ready"))

    def make_certificates(self, hearing_id: int | None = None) -> ops.Op[PackResult] | None:
        """Make the training certificates of a hearing's attendees (chosen in a dialog when not given)."""
        if hearing_id is None:
            hearing_id = HearingPickerDialog.ask(
                self, self._db, self.tr("Make training certificates"),
                self.tr("Choose the hearing. Everyone who signed in or attended its training gets a "
                        "certificate."), show_past=True)
            if hearing_id is None:
                return None
        chosen = hearing_id
        return self._made(lambda p: document_service.make_certificates(self._db, chosen, progress=p.step),
                          self.tr("Making the training certificates…"),
                          self.tr("The training certificates are ready"))

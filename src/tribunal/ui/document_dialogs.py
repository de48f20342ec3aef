"""Dialogs of the documents area: choose a hearing or a day, see what a pack made, preview a PDF.

The choosing dialogs have ``ask(...)`` class methods returning the choice or None, which tests
replace. The result and preview windows do not block: they are shown and returned.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import HearingStatus
from tribunal.errors import TribunalError
from tribunal.services import hearings, reference
from tribunal.services.app import Database
from tribunal.services.documents import PackResult
from tribunal.services.hearings import HearingRow
from tribunal.services.reference import TribunalRow
from tribunal.ui import document_actions, lang, msgbox, ops, window_state
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.dates import qdate
from tribunal.ui.documents_model import (
    PACK_COL_FILE,
    PACK_COL_KIND,
    ListedDocument,
    pack_files_model,
    pack_rows,
)
from tribunal.ui.feedback import FORM_STYLE, HINT_COLOUR, WARNING_COLOUR
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.pdf_view import PdfView
from tribunal.ui.rows_model import (
    Column,
    RowsModel,
    make_table,
    selected_rows,
    set_column_widths,
    stretch_column,
)

#: How far back "also show past hearings" reaches.
PAST_DAYS = 90
#: How far ahead the hearing list reaches.
FUTURE_DAYS = 180

_PICKER = "HearingPickerDialog"  # written out at each string too: lupdate reads only literals
_PRINTABLE = (HearingStatus.SCHEDULED, HearingStatus.HELD)

# Windows that have no Qt parent must be kept referenced somewhere, or Python frees them.
_open_windows: set[QDialog] = set()


def _keep_open(window: QDialog) -> None:
    if window.parent() is None:
        _open_windows.add(window)
        window.destroyed.connect(lambda *_: _open_windows.discard(window))


def _public_text(row: HearingRow) -> str:
    if row.public:
        return QCoreApplication.translate("HearingPickerDialog", "Public")
    return QCoreApplication.translate("HearingPickerDialog", "Not public")


HEARING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HearingPickerDialog", "Date and time"),
           lambda r: f"{r.starts_at:%Y-%m-%d %H:%M}–{r.ends_at:%H:%M}"),
    Column(QT_TRANSLATE_NOOP("HearingPickerDialog", "Case number"), lambda r: r.case_number, tooltip=lambda r: r.case_number),
    Column(QT_TRANSLATE_NOOP("HearingPickerDialog", "Case type"), lambda r: lang.label(r.case_type)),
    Column(QT_TRANSLATE_NOOP("HearingPickerDialog", "Hearing"), _public_text,
           tooltip=lambda r: r.closed_reason or None),
    Column(QT_TRANSLATE_NOOP("HearingPickerDialog", "Status"), lambda r: lang.label(r.status)),
    Column(QT_TRANSLATE_NOOP("HearingPickerDialog", "Venue"), lambda r: r.venue, tooltip=lambda r: r.venue),
)


class HearingPickerDialog(QDialog):
    """Choose one hearing (upcoming by default; past ones on request) to make its documents."""

    def __init__(self, db: Database, title: str, prompt: str, *, show_past: bool = False,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or dt.date.today()
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.past = QCheckBox(self.tr("Also show the hearings of the last {days} days").format(days=PAST_DAYS))
        self.past.setChecked(show_past)
        self.past.toggled.connect(lambda _checked: self.reload())
        self.model = RowsModel(_PICKER, HEARING_COLUMNS, parent=self)
        self.view = make_table(self.model, self)
        self.view.doubleClicked.connect(lambda _index: self._accept_selected())
        self.empty = QLabel()
        self.empty.setProperty("feedback", "hint")
        self.empty.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Make the documents"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.past)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.setStyleSheet(FORM_STYLE)
        self.chosen: int | None = None
        self.reload()
        set_column_widths(self.view, {0: "2026-12-07 09:30–11:30", 1: "邵劳人仲案字〔2026〕第100号",
                                      2: "工伤保险待遇", 3: "不公开", 4: "已排期"})
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resize(980, 460)
        self._update()

    def reload(self) -> None:
        """List the hearings in the period asked for, earliest first."""
        start = self._today - dt.timedelta(days=PAST_DAYS) if self.past.isChecked() else self._today
        db, end = self._db, self._today + dt.timedelta(days=FUTURE_DAYS)
        ops.run_read(self, lambda: hearings.list_hearings(db, start, end), self._show_rows,
                     on_failed=self._not_read, key="list")

    def _not_read(self, error: TribunalError) -> None:
        msgbox.show_error(self, error)
        self._show_rows([])

    def _show_rows(self, rows: list[HearingRow]) -> None:
        self.model.set_rows([r for r in rows if r.status in _PRINTABLE])
        if self.model.rowCount():
            self.view.selectRow(0)
            self.empty.hide()
        else:
            self.empty.setText(self.tr("No hearings in this period. Schedule one on the Hearings page first."))
            self.empty.show()
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(selected_rows(self.view)))

    def _accept_selected(self) -> None:
        rows = selected_rows(self.view)
        if rows:
            self.chosen = rows[0].id
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, title: str, prompt: str, *,
            show_past: bool = False) -> int | None:
        """The id of the hearing chosen, or None when the clerk cancelled."""
        dialog = cls(db, title, prompt, show_past=show_past, parent=parent)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class DayPickerDialog(QDialog):
    """Choose a circuit tribunal and a day, to print that day's list and every hearing's pack."""

    def __init__(self, db: Database, *, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or dt.date.today()
        self.setWindowTitle(self.tr("Make a day's documents"))
        self.tribunal = QComboBox()
        self.date = make_date_edit(self._today)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {HINT_COLOUR};")
        intro = QLabel(self.tr("The day list of the circuit tribunal, then the documents of each of its "
                               "hearings that day, in one go."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Circuit tribunal"), self.tribunal)
        form.addRow(self.tr("Day"), self.date)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Make the documents"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._upcoming: list[HearingRow] = []
        today = self._today
        self.loading = ops.FormLoad(
            self, lambda: (reference.list_tribunals(db),
                           hearings.list_hearings(db, today, today + dt.timedelta(days=FUTURE_DAYS))),
            self._opened, fields=[self.tribunal, self.date], buttons=[self.ok_button], layout=layout, index=1)
        self.loading.start()
        self.resize(480, 240)

    def _opened(self, answer: tuple[list[TribunalRow], list[HearingRow]]) -> None:
        tribunals, upcoming = answer
        for t in tribunals:
            self.tribunal.addItem(t.name, t.id)
        self._upcoming = [h for h in upcoming if h.status in _PRINTABLE]
        # Start on the next day a tribunal sits: what the clerk most often prints next.
        first = next((h for h in self._upcoming if h.tribunal_id is not None
                      and self.tribunal.findData(h.tribunal_id) >= 0), None)
        if first is not None:
            self.tribunal.setCurrentIndex(self.tribunal.findData(first.tribunal_id))
            self.date.setDate(qdate(first.starts_at.date()))
        self.tribunal.currentIndexChanged.connect(lambda _i: self._show_count())
        self.date.dateChanged.connect(lambda _d: self._show_count())
        self.ok_button.setEnabled(self.tribunal.count() > 0)
        self._show_count()

    def choice(self) -> tuple[dt.date, int] | None:
        tribunal_id = self.tribunal.currentData()
        return None if tribunal_id is None else (to_date(self.date), int(tribunal_id))

    def _show_count(self) -> None:
        if self.tribunal.count() == 0:
            self.hint.setText(self.tr("No circuit tribunal is set up yet."))
            return
        day = to_date(self.date)
        count = sum(1 for h in self._upcoming
                    if h.tribunal_id == self.tribunal.currentData() and h.starts_at.date() == day)
        if count:
            self.hint.setText(self.tr("{count} hearing(s) on that day.").format(count=count))
        else:
            self.hint.setText(self.tr("No hearing on that day: only an empty day list will be made."))

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database) -> tuple[dt.date, int] | None:
        """(day, tribunal id) chosen, or None when the clerk cancelled."""
        dialog = cls(db, parent=parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PdfPreviewWindow(QDialog):
    """A large preview of one PDF with "print" and "open folder" (does not block)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Preview"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.path: Path | None = None
        self.view = PdfView()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        # As tall as the screen leaves (an A4 page's proportions), at most 1000 pixels.
        room = window_state.available_size(self) - window_state.FRAME
        height = min(room.height(), 1000)
        self.resize(round(height * 0.8), height)

    def show_file(self, path: str | Path) -> bool:
        self.path = Path(path)
        shown = self.view.set_file(self.path, self.windowTitle())
        self.print_button.setEnabled(shown)
        return shown

    def print_document(self) -> int | None:
        data = self.view.pdf_bytes()
        if data is None:
            return None
        return document_actions.print_pdf(self, data, self.windowTitle())

    def open_folder(self) -> bool:
        return self.path is not None and document_actions.open_folder(self.path, self)

    def show_kept(self, data: bytes) -> bool:
        """Show the copy kept in the database (the file is not on this workstation)."""
        shown = self.view.set_pdf(data, self.windowTitle())
        self.print_button.setEnabled(shown)
        self.folder_button.setEnabled(False)
        return shown

    @classmethod
    def present(cls, parent: QWidget | None, path: str | Path, title: str,
                kept: bytes | None = None) -> PdfPreviewWindow:
        """Open a preview window on the file ``path`` (or the ``kept`` bytes) and return it."""
        window = cls(title, parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if kept is not None:
            window.path = Path(path)
            window.show_kept(kept)
        else:
            window.show_file(path)
        _keep_open(window)
        window.show()
        window.view.area.setFocus()
        return window


class PackResultDialog(QDialog):
    """What a pack action made: where, how many, the notes, and each file; preview, print all, folder."""

    def __init__(self, result: PackResult, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = result
        self.setWindowTitle(heading)
        title = QLabel(heading)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.summary = QLabel(lang.text(result.summary))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel("\n".join(result.notes))
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(f"color: {HINT_COLOUR};")
        self.notes.setVisible(bool(result.notes))
        self.warnings = QLabel("\n".join(result.warnings))
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.warnings.setVisible(bool(result.warnings))
        self.model = pack_files_model(self)
        self.model.set_rows(pack_rows(result))
        self.view = make_table(self.model, self)
        set_column_widths(self.view, {PACK_COL_KIND: "开庭文书包", 1: "旁听邀请函（邵阳市蔡锷制衣有限公司）"})
        stretch_column(self.view, PACK_COL_FILE)
        self.view.doubleClicked.connect(lambda _index: self.preview())
        if self.model.rowCount():
            self.view.selectRow(0)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("See the chosen file (or all documents together)"))
        self.preview_button.clicked.connect(self.preview)
        self.print_button = QPushButton(self.tr("Print all…"))
        self.print_button.setToolTip(self.tr("Print every document of the pack in order, in one go"))
        self.print_button.clicked.connect(self.print_all)
        self.print_button.setEnabled(result.combined is not None)
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(self.notes)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.resize(820, 520)

    def selected(self) -> ListedDocument | None:
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def preview(self) -> PdfPreviewWindow | None:
        """Preview the chosen file, or the combined PDF when none is chosen."""
        row = self.selected() or next(iter(self.model.rows()), None)
        if row is None:
            return None
        return PdfPreviewWindow.present(self, row.doc.path, row.doc.title)

    def print_all(self) -> int | None:
        """Print the combined PDF (every document in order) after the printer dialog."""
        combined = self.pack.combined
        if combined is None:
            return None
        return document_actions.print_pdf(self, combined.path, combined.title)

    def open_folder(self) -> bool:
        return document_actions.open_folder(self.pack.folder, self)

    @classmethod
    def present(cls, parent: QWidget | None, result: PackResult, heading: str) -> PackResultDialog:
        """Show the result without blocking and return the window."""
        dialog = cls(result, heading, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _keep_open(dialog)
        dialog.show()
        return dialog


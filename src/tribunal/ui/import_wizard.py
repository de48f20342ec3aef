"""Importing the enterprise directory from Excel or CSV (导入企业名录): file, columns, preview, report.

Four steps: choose the file (and the zone for rows that name none); say which column holds
what (pre-filled from the headings or the mapping remembered from the last import, and
savable under a name); a preview of the first rows with what the import would do to each;
the import itself, then the report row by row, which can be copied or saved as text. A file
that cannot be read changes nothing, and nothing is imported twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tribunal.errors import TribunalError, ValidationError
from tribunal.services import enterprise_import, enterprises
from tribunal.services.app import Database
from tribunal.services.enterprise_import import IGNORED, ImportPreview, ImportReport
from tribunal.services.enterprises import ZoneRow
from tribunal.texts import joined
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.feedback import FORM_STYLE
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    ERROR_COLOUR,
    GOOD_COLOUR,
    MUTED_COLOUR,
    WARNING_COLOUR,
    Column,
    RowsModel,
    make_table,
    selected_rows,
    set_column_widths,
)

#: Translation context of the strings (written out at each string: lupdate reads only literals).
CONTEXT = "ImportWizard"

PAGE_FILE = 0
PAGE_MAPPING = 1
PAGE_PREVIEW = 2
PAGE_REPORT = 3

#: What each target field is called in the column combos (the service's keys).
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ImportWizard", "Enterprise name"),
    "credit_code": QT_TRANSLATE_NOOP("ImportWizard", "Credit code"),
    "contact_name": QT_TRANSLATE_NOOP("ImportWizard", "HR contact"),
    "contact_title": QT_TRANSLATE_NOOP("ImportWizard", "Contact's title"),
    "contact_phone": QT_TRANSLATE_NOOP("ImportWizard", "Phone"),
    "address": QT_TRANSLATE_NOOP("ImportWizard", "Address"),
    "size": QT_TRANSLATE_NOOP("ImportWizard", "Size"),
    "zone": QT_TRANSLATE_NOOP("ImportWizard", "Development zone"),
    "notes": QT_TRANSLATE_NOOP("ImportWizard", "Notes"),
}
ACTION_LABELS = {
    "created": QT_TRANSLATE_NOOP("ImportWizard", "Added"),
    "updated": QT_TRANSLATE_NOOP("ImportWizard", "Updated"),
    "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Unchanged"),
    "rejected": QT_TRANSLATE_NOOP("ImportWizard", "Not imported"),
}
_ACTION_COLOURS = {"created": GOOD_COLOUR, "updated": GOOD_COLOUR, "unchanged": MUTED_COLOUR,
                   "rejected": ERROR_COLOUR}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(action: str) -> str:
    """What happened to a row, in the interface language."""
    return _t(ACTION_LABELS.get(action, action))


@dataclass(frozen=True)
class ReportLine:
    """One spreadsheet row in the preview or the report: what the import does with it, and why."""

    row: int
    action: str
    name: str
    credit_code: str
    contact: str
    phone: str
    detail: str
    has_warning: bool


def _detail_colour(line: ReportLine):
    if line.action == "rejected":
        return ERROR_COLOUR
    return WARNING_COLOUR if line.has_warning else None


REPORT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ImportWizard", "Row"), lambda r: str(r.row), align_right=True),
    Column(QT_TRANSLATE_NOOP("ImportWizard", "Result"), lambda r: action_label(r.action),
           foreground=lambda r: _ACTION_COLOURS.get(r.action)),
    Column(QT_TRANSLATE_NOOP("ImportWizard", "Enterprise"), lambda r: r.name, tooltip=lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("ImportWizard", "Reason or note"), lambda r: r.detail,
           tooltip=lambda r: r.detail or None, foreground=_detail_colour),
    Column(QT_TRANSLATE_NOOP("ImportWizard", "Credit code"), lambda r: r.credit_code),
    Column(QT_TRANSLATE_NOOP("ImportWizard", "HR contact"), lambda r: r.contact),
    Column(QT_TRANSLATE_NOOP("ImportWizard", "Phone"), lambda r: r.phone),
)
REPORT_WIDTHS = {0: "000", 1: "Not imported", 2: "邵阳宝庆精密机械有限公司",
                 3: "名录中已有同名企业“邵阳宝庆精密机械有限公司”", 4: "91430500MA4T00000K",
                 5: "欧阳晓燕", 6: "0739-5201234"}


def _reason_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 6)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _show_reason(view, label: QLabel) -> None:
    rows = selected_rows(view)
    if not rows:
        label.clear()
        return
    line = rows[0]
    label.setText(QCoreApplication.translate("ImportWizard", "Row {n}: {action} — {detail}").format(
        n=line.row, action=action_label(line.action), detail=line.detail or "—"))


#: The report lists every row; the file's cells are known only for the first (previewed) ones.
OUTCOME_COLUMNS = REPORT_COLUMNS[:4]


def report_model(parent: object = None, *, with_cells: bool = True) -> RowsModel:
    """The model of the preview (``with_cells``) and report tables (rows: :class:`ReportLine`)."""
    return RowsModel(CONTEXT, REPORT_COLUMNS if with_cells else OUTCOME_COLUMNS,
                     key=lambda r: r.row, parent=parent)


def report_lines(report: ImportReport, preview: ImportPreview | None = None,
                 mapping: dict[str, str] | None = None, *, first_only: bool = False) -> list[ReportLine]:
    """The rows of a report, with the cells of the file where the preview has them."""
    warnings: dict[int, list[str]] = {}
    for row, text in report.warnings:
        warnings.setdefault(row, []).append(text)
    cells: dict[int, dict[str, str]] = {}
    if preview is not None and mapping is not None:
        index = {f: preview.columns.index(c) for c, f in mapping.items() if f and c in preview.columns}
        for number, values in preview.rows:
            cells[number] = {f: values[i] for f, i in index.items() if i < len(values)}
    lines = []
    for o in report.outcomes:
        if first_only and o.row not in cells:
            continue
        raw = cells.get(o.row, {})
        notes = ([o.detail] if o.detail else []) + warnings.get(o.row, [])
        lines.append(ReportLine(o.row, o.action, o.name or raw.get("name", ""),
                                raw.get("credit_code", ""), raw.get("contact_name", ""),
                                raw.get("contact_phone", ""), lang.text(joined(notes)),
                                bool(warnings.get(o.row))))
    return lines


def report_text(report: ImportReport) -> str:
    """The whole report as plain text (to copy into a message or save beside the file)."""
    lines = [lang.text(report.summary()), ""]
    warnings: dict[int, list[str]] = {}
    for row, text in report.warnings:
        warnings.setdefault(row, []).append(text)
    for o in report.outcomes:
        line = QCoreApplication.translate("ImportWizard", "Row {n}: {action} — {name}").format(
            n=o.row, action=action_label(o.action), name=o.name or "—")
        notes = ([o.detail] if o.detail else []) + warnings.get(o.row, [])
        if notes:
            line += QCoreApplication.translate("ImportWizard", " ({notes})").format(notes=lang.text(joined(notes)))
        lines.append(line)
    return "\n".join(lines) + "\n"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorSummary")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


# ---------------------------------------------------------------------- step 1: the file


class FilePage(QWizardPage):
    """Step 1: which file, and the zone of rows that do not name one."""

    def __init__(self, db: Database, zone_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file with one enterprise per "
                                 "row. Nothing is changed until the last step."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The file to import"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.choose_file)
        self.zone = QComboBox()
        self.zone.addItem(self.tr("(none)"), None)
        # The zones arrive in the background; until then the choice waits.
        self.zone.setEnabled(False)
        ops.run_read(self, lambda: enterprises.list_zones(db), lambda zones: self._show_zones(zones, zone_id),
                     key="zones")
        self.error = _error_label()
        self.path.textChanged.connect(lambda _t: self.error.hide())
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        zone_row = QHBoxLayout()
        zone_row.addWidget(QLabel(self.tr("Enterprises whose row names no zone go into")))
        zone_row.addWidget(self.zone, 1)
        hint = QLabel(self.tr("Old Excel files (.xls) and WPS files must first be saved as .xlsx "
                              "or CSV. The first sheet with a heading such as 企业名称 is read."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(zone_row)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _show_zones(self, zones: list[ZoneRow], zone_id: int | None) -> None:
        for zone in zones:
            self.zone.addItem(zone.name, zone.id)
        self.zone.setCurrentIndex(max(self.zone.findData(zone_id), 0) if zone_id is not None else 0)
        self.zone.setEnabled(True)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import enterprises"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        return wizard.read_file(self.path.text().strip())


# ---------------------------------------------------------------------- step 2: the columns


class MappingPage(QWizardPage):
    """Step 2: which column holds what; pre-filled, and savable under a name."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filling = False
        self._stored: dict[str, dict[str, str]] = {}  # the saved matchings, by name
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("For each column of the file, choose what it holds. Columns set "
                                 "to “not imported” are left out. Only the enterprise name is "
                                 "required."))
        self.saved = QComboBox()
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.saved.activated.connect(self._saved_chosen)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First values"),
                                              self.tr("Import as")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("统一社会信用代码（18位）") + 30)
        self.table.setColumnWidth(2, metrics.horizontalAdvance("Development zone") + 70)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 16)
        self.mapping_name = QLineEdit()
        self.mapping_name.setPlaceholderText(self.tr("For example: 经开区管委会名录"))
        self.save_button = QPushButton(self.tr("Save this matching"))
        self.save_button.clicked.connect(self.save_mapping)
        self.error = _error_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Use a saved matching")))
        top.addWidget(self.saved)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Save under the name")))
        bottom.addWidget(self.mapping_name, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

    # --- filling

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard) and wizard.preview is not None
        preview = wizard.preview
        self._fill_saved()
        self._filling = True
        try:
            self.table.setRowCount(len(preview.columns))
            for row, column in enumerate(preview.columns):
                heading = QTableWidgetItem(column)
                heading.setToolTip(column)
                self.table.setItem(row, 0, heading)
                samples = [values[row] for _n, values in preview.rows if row < len(values) and values[row]]
                example = QTableWidgetItem("　".join(samples[:3]))
                example.setToolTip("\n".join(samples[:6]))
                example.setForeground(MUTED_COLOUR)
                self.table.setItem(row, 1, example)
                combo = QComboBox()
                combo.addItem(self.tr("(not imported)"), IGNORED)
                for key, label in FIELD_LABELS.items():
                    combo.addItem(_t(label), key)
                combo.currentIndexChanged.connect(lambda _i: self._changed())
                self.table.setCellWidget(row, 2, combo)
            self.set_mapping(wizard.mapping or preview.suggested_mapping)
        finally:
            self._filling = False
        where = self.tr("Sheet “{sheet}”, headings in row {row}, {count} rows of data.").format(
            sheet=preview.sheet, row=preview.header_row, count=preview.rows_total)
        if wizard.mapping_name:
            where += " " + self.tr("Pre-filled from the matching “{name}”.").format(name=wizard.mapping_name)
        self.status.setText(where)
        self.mapping_name.setText(wizard.mapping_name or "")
        self._changed()

    def _fill_saved(self, select: str | None = None) -> None:
        """Read the saved matchings (in the background) into their choice; then choose ``select``."""
        db = self._db
        ops.run_read(self, lambda: enterprise_import.saved_mappings(db),
                     lambda stored: self._show_saved(stored, select), key="saved")

    def _show_saved(self, stored: dict[str, dict[str, str]], select: str | None) -> None:
        self._stored = stored
        self.saved.blockSignals(True)
        try:
            self.saved.clear()
            self.saved.addItem(self.tr("(recognised from the headings)"), None)
            for name in stored:
                self.saved.addItem(name, name)
            wizard = self.wizard()
            wanted = select or (wizard.mapping_name if isinstance(wizard, ImportWizard) else "")
            if wanted:
                self.saved.setCurrentIndex(max(self.saved.findData(wanted), 0))
        finally:
            self.saved.blockSignals(False)

    def combo(self, row: int) -> QComboBox:
        """The "import as" choice of the file's column on ``row``."""
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def heading(self, row: int) -> str:
        """The heading of the file's column on ``row``."""
        item = self.table.item(row, 0)
        return item.text() if item is not None else ""

    def columns(self) -> list[str]:
        return [self.heading(r) for r in range(self.table.rowCount())]

    def mapping(self) -> dict[str, str]:
        """Column heading → field key ("" for a column not imported)."""
        return {self.heading(r): str(self.combo(r).currentData() or "")
                for r in range(self.table.rowCount())}

    def set_mapping(self, mapping: dict[str, str]) -> None:
        """Choose the field of every column as ``mapping`` says (others: not imported)."""
        for r, column in enumerate(self.columns()):
            combo = self.combo(r)
            index = combo.findData(mapping.get(column, IGNORED) or IGNORED)
            combo.setCurrentIndex(max(index, 0))

    def set_field(self, column: str, field: str) -> None:
        """Choose what ``column`` holds (a key of :data:`FIELD_LABELS`, or "" for nothing)."""
        row = self.columns().index(column)
        combo = self.combo(row)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    # --- checking

    def _saved_chosen(self, _index: int) -> None:
        name = self.saved.currentData()
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard) and wizard.preview is not None
        if name is None:
            self.set_mapping(enterprise_import.suggest_mapping(wizard.preview.columns))
            return
        stored = self._stored.get(name, {})
        missing = [c for c in stored if c not in self.columns()]
        self.set_mapping(stored)
        self.mapping_name.setText(name)
        if missing:
            self.error.setText(self.tr("This file has no column {columns}; those parts of the saved "
                                       "matching were left out.").format(columns="、".join(missing)))
            self.error.show()

    def _changed(self) -> None:
        if self._filling:
            return
        self.error.hide()
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
        self.completeChanged.emit()

    def problem(self) -> str:
        """Why the matching cannot be used as it stands ("" when it can)."""
        owners: dict[str, str] = {}
        for column, field in self.mapping().items():
            if not field:
                continue
            if field in owners:
                return self.tr("“{field}” is chosen for two columns, “{first}” and “{second}”; "
                               "choose it for one only.").format(
                    field=_t(FIELD_LABELS[field]), first=owners[field], second=column)
            owners[field] = column
        if "name" not in owners:
            return self.tr("Choose which column holds the enterprise name.")
        return ""

    def isComplete(self) -> bool:
        return self.table.rowCount() > 0 and not self.problem()

    def save_mapping(self) -> bool:
        """Save the matching under the name typed, for later imports of files like this one."""
        name = self.mapping_name.text().strip()
        if not name:
            self.error.setText(self.tr("Type a name for the matching first."))
            self.error.show()
            self.mapping_name.setFocus()
            return False
        db, mapping = self._db, self.mapping()
        try:
            ops.call(self, lambda: enterprise_import.save_mapping(db, name, mapping), write=True)
        except ValidationError as exc:
            self.error.setText(lang.text(exc.message))
            self.error.show()
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self._stored[name] = mapping
        self._fill_saved(select=name)
        wizard = self.wizard()
        if isinstance(wizard, ImportWizard):
            wizard.mapping_name = name
        self.status.setText(self.tr("Matching saved as “{name}”.").format(name=name))
        return True

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard) and wizard.preview is not None
        try:
            enterprise_import.check_mapping(self.mapping(), wizard.preview.columns)
        except ValidationError as exc:
            self.error.setText(lang.text(exc.message))
            self.error.show()
            return False
        wizard.mapping = self.mapping()
        typed = self.mapping_name.text().strip()
        if typed and typed != wizard.mapping_name:
            wizard.mapping_name = typed
        return True


# ---------------------------------------------------------------------- step 3: the preview


class PreviewPage(QWizardPage):
    """Step 3: the first rows as they will be imported, with what a trial run says of each."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("A trial run over the whole file: nothing has been saved yet. "
                                 "The first rows are shown with what the import will do to each."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = report_model(self)
        self.view = make_table(self.model)
        set_column_widths(self.view, REPORT_WIDTHS)
        self.reason = _reason_label()
        self.view.selectionModel().selectionChanged.connect(lambda *_: _show_reason(self.view, self.reason))
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        self.error.hide()
        report = wizard.trial_run()
        if report is None:
            self.model.set_rows([])
            self.summary.setText("")
            return
        self.summary.setText(lang.text(report.summary()))
        self.model.set_rows(report_lines(report, wizard.preview, wizard.mapping, first_only=True))
        if self.model.rowCount():
            self.view.selectRow(0)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        return wizard.import_now()


# ---------------------------------------------------------------------- step 4: the report


class ReportPage(QWizardPage):
    """Step 4: what happened to every row, to read, copy or save."""

    SHOW_ALL = 0
    SHOW_REJECTED = 1
    SHOW_NOTES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import report"))
        self.setSubTitle(self.tr("Every row of the file with what was done with it. Rows not "
                                 "imported can be corrected in the file and the file imported "
                                 "again: rows already imported are not imported twice."))
        self.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.show_which = QComboBox()
        self.show_which.addItems([self.tr("All rows"), self.tr("Rows not imported"),
                                  self.tr("Rows with a note")])
        self.show_which.currentIndexChanged.connect(lambda _i: self._fill())
        self.model = report_model(self, with_cells=False)
        self.view = make_table(self.model)
        set_column_widths(self.view, {c: t for c, t in REPORT_WIDTHS.items() if c < len(OUTCOME_COLUMNS) - 1})
        self.reason = _reason_label()
        self.view.selectionModel().selectionChanged.connect(lambda *_: _show_reason(self.view, self.reason))
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.clicked.connect(self.copy_report)
        self.save_button = QPushButton(self.tr("Save report as text…"))
        self.save_button.clicked.connect(self.choose_report_file)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Show")))
        buttons.addWidget(self.show_which)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason)
        self._lines: list[ReportLine] = []

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard) and wizard.report is not None
        self.summary.setText(lang.text(wizard.report.summary()))
        self._lines = report_lines(wizard.report)
        self._fill()

    def _fill(self) -> None:
        which = self.show_which.currentIndex()
        if which == self.SHOW_REJECTED:
            lines = [line for line in self._lines if line.action == "rejected"]
        elif which == self.SHOW_NOTES:
            lines = [line for line in self._lines if line.detail]
        else:
            lines = self._lines
        self.model.set_rows(lines)
        if lines:
            self.view.selectRow(0)
        else:
            self.reason.clear()

    def text(self) -> str:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard) and wizard.report is not None
        return report_text(wizard.report)

    def copy_report(self) -> None:
        """Put the whole report on the clipboard as text."""
        QApplication.clipboard().setText(self.text())

    def choose_report_file(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        suggested = Path(wizard.path).with_name(Path(wizard.path).stem + "_导入报告.txt")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save report"), str(suggested),
                                                    self.tr("Text files (*.txt)"))
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> bool:
        """Write the report to ``path`` (UTF-8 that Notepad on Windows reads correctly)."""
        try:
            path.write_text(self.text(), encoding="utf-8-sig")
        except OSError as exc:
            msgbox.warning(self, self.tr("Cannot save the report"), str(exc.strerror or exc))
            return False
        return True


# ---------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """导入企业名录: file → columns → preview → import and report."""

    def __init__(self, db: Database, zone_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.path = ""
        self.preview: ImportPreview | None = None
        self.mapping: dict[str, str] | None = None
        self.mapping_name = ""
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import enterprises"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setStyleSheet(FORM_STYLE)
        self.file_page = FilePage(db, zone_id)
        self.mapping_page = MappingPage(db)
        self.preview_page = PreviewPage(db)
        self.report_page = ReportPage()
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setPage(PAGE_REPORT, self.report_page)
        self.setStartId(PAGE_FILE)
        self.resize(1100, 680)

    # --- the steps' work

    def zone_id(self) -> int | None:
        return self.file_page.zone.currentData()

    def read_file(self, path: str) -> bool:
        """Read the file and suggest which column holds what; False (with the reason shown)
        when it cannot be read."""
        db = self._db

        def work() -> tuple[Any, ImportPreview]:
            remembered = enterprise_import.remembered_mapping(db)
            return remembered, enterprise_import.inspect_file(path, remembered[1] if remembered else None)

        try:
            remembered, preview = ops.call(self, work, progress=ops.Progress(self.tr("Reading the file…")))
        except TribunalError as exc:
            self.file_page.show_error(lang.text(exc.message))
            return False
        self.path = path
        self.preview = preview
        self.mapping = None
        self.mapping_name = ""
        if remembered and enterprise_import.suggest_mapping(preview.columns, remembered[1]) \
                != enterprise_import.suggest_mapping(preview.columns):
            self.mapping_name = remembered[0]
        return True

    def trial_run(self) -> ImportReport | None:
        """The import checked but not saved (for the preview)."""
        progress = ops.Progress(self.tr("Checking the list…"), cancellable=True)
        db, path, mapping, zone_id = self._db, self.path, self.mapping, self.zone_id()
        try:
            return ops.call(self, lambda: enterprise_import.import_enterprises(
                db, path, mapping=mapping, zone_id=zone_id, dry_run=True, progress=progress.step),
                progress=progress)
        except ops.Cancelled:
            return None
        except TribunalError as exc:
            self.preview_page.error.setText(lang.text(exc.message))
            self.preview_page.error.show()
            return None

    def import_now(self) -> bool:
        """Import for real; False (nothing changed, the reason shown) on a refusal."""
        progress = ops.Progress(self.tr("Importing the enterprises…"), cancellable=True)
        db, path, mapping, zone_id = self._db, self.path, self.mapping, self.zone_id()
        name = self.mapping_name or None
        try:
            # One transaction: 取消 leaves the directory exactly as it was.
            self.report = ops.call(self, lambda: enterprise_import.import_enterprises(
                db, path, mapping=mapping, mapping_name=name, zone_id=zone_id, progress=progress.step),
                changes=ops.Changes.ENTERPRISES, progress=progress)
        except ops.Cancelled:
            return False
        except TribunalError as exc:
            self.preview_page.error.setText(
                lang.text(exc.message) + "\n" + self.tr("Nothing was imported; the directory is unchanged."))
            self.preview_page.error.show()
            return False
        return True

    @classmethod
    def run(cls, parent: QWidget | None, db: Database, *, zone_id: int | None = None) -> ImportReport | None:
        """Show the wizard; the report of the import, or None when nothing was imported."""
        wizard = cls(db, zone_id, parent)
        try:
            wizard.exec()
            return wizard.report
        finally:
            wizard.deleteLater()


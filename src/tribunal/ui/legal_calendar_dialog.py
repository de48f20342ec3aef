"""The legal calendar (法定节假日): which years are loaded, import a newly published year, correct a day.

Every working-day deadline depends on this calendar. The State Council publishes next
year's schedule in October–December; until the clerk imports it, dates reaching that year
cannot be computed. An import is all-or-nothing: a file with a bad line changes nothing and
every bad line is listed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.legal_calendar import HOLIDAY, WORKDAY, DayRule
from tribunal.errors import TribunalError
from tribunal.services import legal_calendar as calendar_service
from tribunal.services.app import Database
from tribunal.services.legal_calendar import YearInfo
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.feedback import FORM_STYLE
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    WARNING_COLOUR,
    Column,
    RowsModel,
    make_table,
    selected_rows,
    set_column_widths,
)


def choose_file(parent: QWidget | None, title: str, name_filter: str) -> str | None:
    """Ask for a file to open; None when the clerk cancelled (tests replace this function)."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), name_filter)
    return path or None


def _kind_text(kind: str | None) -> str:
    if kind == HOLIDAY:
        return QCoreApplication.translate("LegalCalendarDialog", "Day off")
    if kind == WORKDAY:
        return QCoreApplication.translate("LegalCalendarDialog", "Make-up working day")
    return QCoreApplication.translate("LegalCalendarDialog", "Ordinary day")


_YEAR_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Year"), lambda y: str(y.year)),
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Days off"), lambda y: str(y.holidays), align_right=True),
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Make-up working days"), lambda y: str(y.workdays),
           align_right=True),
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Source"), lambda y: y.source, tooltip=lambda y: y.source),
)
_DAY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Date"),
           lambda d: lang.date_with_weekday(d.date)),
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Kind"), lambda d: _kind_text(d.kind),
           foreground=lambda d: WARNING_COLOUR if d.kind == WORKDAY else None),
    Column(QT_TRANSLATE_NOOP("LegalCalendarDialog", "Holiday"), lambda d: d.name or ""),
)


class LegalCalendarDialog(QDialog):
    """法定节假日: the loaded years and their days; import a year from a file; correct one day."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, year: int | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.changed = False
        self.setWindowTitle(self.tr("Legal holidays"))
        self.setStyleSheet(FORM_STYLE)

        intro = QLabel(self.tr("Working-day deadlines are counted on this calendar. The State Council "
                               "publishes next year's schedule in October to December: import it as "
                               "soon as it is out."))
        intro.setWordWrap(True)

        self.years_model = RowsModel("LegalCalendarDialog", _YEAR_COLUMNS, key=lambda y: y.year, parent=self)
        self.years_view = make_table(self.years_model)
        set_column_widths(self.years_view, {0: "2026", 1: "000", 2: "000"})
        self.years_view.selectionModel().selectionChanged.connect(lambda *_: self._year_selected())
        self.days_model = RowsModel("LegalCalendarDialog", _DAY_COLUMNS, key=lambda d: d.date, parent=self)
        self.days_view = make_table(self.days_model)
        set_column_widths(self.days_view, {0: "2026-10-10（周六）", 1: "调休上班日"})
        lists = QHBoxLayout()
        lists.addWidget(self.years_view, 3)
        lists.addWidget(self.days_view, 2)

        # --- import a year
        self.import_year_spin = QSpinBox()
        self.import_year_spin.setRange(2000, 2100)
        self.import_source = QLineEdit()
        self.import_source.setPlaceholderText(self.tr("For example: the State Council notice on the "
                                                      "holidays of that year"))
        self.import_path = QLineEdit()
        self.import_path.setPlaceholderText(self.tr("A CSV or JSON file"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_import_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.import_path, 1)
        path_row.addWidget(browse)
        fmt = QLabel(self.tr("One day per line: date, kind, name — for example "
                             "\"2027-02-06,放假,春节\" or \"2027-02-14,上班,春节\"."))
        fmt.setProperty("feedback", "hint")
        fmt.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.import_file)
        import_box = QGroupBox(self.tr("Import a year"))
        import_form = QFormLayout(import_box)
        import_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        import_form.addRow(self.tr("Year"), self.import_year_spin)
        import_form.addRow(self.tr("Source"), self.import_source)
        import_form.addRow(self.tr("File"), path_row)
        import_form.addRow("", fmt)
        import_form.addRow("", self.import_button)

        # --- correct one day
        self.day_edit = make_date_edit(dt.date.today())
        self.day_kind = QComboBox()
        self.day_kind.addItem(_kind_text(HOLIDAY), HOLIDAY)
        self.day_kind.addItem(_kind_text(WORKDAY), WORKDAY)
        self.day_kind.addItem(_kind_text(None), None)
        self.day_name = QLineEdit()
        self.day_name.setPlaceholderText(self.tr("For example: 春节"))
        self.correct_button = QPushButton(self.tr("Correct this day"))
        self.correct_button.clicked.connect(self.correct_day)
        correct_box = QGroupBox(self.tr("Correct one day"))
        correct_form = QFormLayout(correct_box)
        correct_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        correct_form.addRow(self.tr("Date"), self.day_edit)
        correct_form.addRow(self.tr("Kind"), self.day_kind)
        correct_form.addRow(self.tr("Holiday"), self.day_name)
        correct_form.addRow("", self.correct_button)
        boxes = QHBoxLayout()
        boxes.addWidget(import_box, 3)
        boxes.addWidget(correct_box, 2)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        layout.addLayout(boxes)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(940, 640)
        # Nothing to import or correct until the loaded years are known.
        self._boxes = (import_box, correct_box)
        for box in self._boxes:
            box.setEnabled(False)
        self._say(self.tr("Reading…"))
        self._asked_year = year
        self.reload(select=year, first=True)

    def _first_shown(self) -> None:
        """After the first read: the year to import next, and a word if the year asked for is missing."""
        for box in self._boxes:
            box.setEnabled(True)
        year = self._asked_year
        self.import_year_spin.setValue(year or self._next_year())
        self.day_edit.setDate(QDate(self.import_year_spin.value(), 1, 1))
        if year is not None and year not in self.loaded_years():
            self._say(self.tr("The {year} holiday schedule is not loaded yet. Put the days of the State "
                              "Council's notice into a file (one per line) and import it below.").format(
                year=year), error=True)
        else:
            self.message.hide()

    # ------------------------------------------------------------------ contents

    def _next_year(self) -> int:
        loaded = [y.year for y in self.years_model.rows()]
        return max(loaded) + 1 if loaded else dt.date.today().year

    def loaded_years(self) -> list[int]:
        return [y.year for y in self.years_model.rows()]

    def reload(self, select: int | None = None, *, first: bool = False, note: str = "") -> None:
        """Read the loaded years again (in the background); select ``select`` (or the newest).

        Args:
            first: the dialog's first read (the import and correction boxes wait for it).
            note: what to say once the years are shown (after an import or a correction).
        """
        db = self._db
        ops.run_read(self, lambda: calendar_service.years(db),
                     lambda years: self._show_years(years, select, first, note),
                     on_failed=lambda exc: self._say(lang.text(exc.message), error=True), key="years")

    def _show_years(self, years: list[YearInfo], select: int | None, first: bool, note: str) -> None:
        self.years_model.set_rows(years)
        if first:
            self._first_shown()
        if note:
            self._say(note)
        if not years:
            self.days_model.set_rows([])
            return
        row = self.years_model.row_of(select) if select is not None else None
        self.years_view.selectRow(row if row is not None else 0)
        self._year_selected()

    def _year_selected(self) -> None:
        chosen: list[YearInfo] = selected_rows(self.years_view)
        if not chosen:
            self.days_model.set_rows([])
            return
        db, year = self._db, chosen[0].year
        ops.run_read(self, lambda: calendar_service.year_rules(db, year)[1], self._show_days,
                     on_failed=lambda _exc: self.days_model.set_rows([]), key="days")

    def _show_days(self, rules: list[DayRule]) -> None:
        self.days_model.set_rows(rules)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setObjectName("errorSummary" if error else "")
        self.message.setProperty("feedback", "" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    # ------------------------------------------------------------------ actions

    def choose_import_file(self) -> None:
        path = choose_file(self, self.tr("Holiday schedule file"),
                           self.tr("Schedules (*.csv *.json *.txt);;All files (*)"))
        if path:
            self.import_path.setText(path)

    def import_file(self) -> bool:
        """Import the chosen file as the chosen year (asks before replacing a loaded year)."""
        year = self.import_year_spin.value()
        path = self.import_path.text().strip()
        if not path:
            self._say(self.tr("Choose the file to import first."), error=True)
            return False
        source = self.import_source.text().strip() or Path(path).name
        if year in self.loaded_years() and not msgbox.confirm(
            self, self.tr("Replace a loaded year"),
            self.tr("The holidays of {year} are already loaded. Replace them with this file?").format(year=year),
            self.tr("Replace"),
        ):
            return False
        db = self._db
        try:
            # On the writer thread; whoever opened the dialog broadcasts the change (``changed``).
            info = ops.call(self, lambda: calendar_service.import_year_file(db, path, year, source), write=True)
        except TribunalError as exc:
            self._say(lang.text(exc.message), error=True)
            return False
        self.changed = True
        self.reload(select=year, note=self.tr(
            "{year} loaded: {holidays} days off, {workdays} make-up working days.").format(
            year=info.year, holidays=info.holidays, workdays=info.workdays))
        return True

    def correct_day(self) -> bool:
        """Make the chosen day a day off, a make-up working day or an ordinary day."""
        day = to_date(self.day_edit)
        kind = self.day_kind.currentData()
        name = self.day_name.text().strip() or None
        if not msgbox.confirm(
            self, self.tr("Correct a day"),
            self.tr("Make {date} a \"{kind}\"? Deadlines are counted on this calendar.").format(
                date=day.isoformat(), kind=_kind_text(kind)),
            self.tr("Correct"),
        ):
            return False
        db = self._db
        try:
            ops.call(self, lambda: calendar_service.set_day(db, day, kind, name), write=True)
        except TribunalError as exc:
            self._say(lang.text(exc.message), error=True)
            return False
        self.changed = True
        self.reload(select=day.year, note=self.tr("{date} is now a \"{kind}\".").format(
            date=day.isoformat(), kind=_kind_text(kind)))
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, *, year: int | None = None) -> bool:
        """Open the dialog (at ``year`` if given); True when the calendar was changed."""
        dialog = cls(db, parent, year=year)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()

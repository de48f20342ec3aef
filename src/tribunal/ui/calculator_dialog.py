"""The deadline calculator (期限计算器): type the dates of a case, see every statutory date with its basis.

The same computation as ``tribunal clock`` on the command line (``domain.periods``), on the
legal calendar kept in the database (with the clerk's corrections and imported years). A
date that reaches a year whose holidays are not loaded is shown as "cannot compute" with the
reason beside the results and a button to import that year; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.domain.periods import ClockInputError, DueDate, PeriodCalculator, compute_clock
from tribunal.errors import TribunalError
from tribunal.services import legal_calendar as calendar_service
from tribunal.services.app import Database
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.dates import DateField, qdate
from tribunal.ui.feedback import FORM_STYLE
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import ERROR_COLOUR, Column, RowsModel, make_table, set_column_widths


@dataclass(frozen=True)
class CalculatedDate:
    """One line of the calculator's results."""

    key: str
    label: str
    due: dt.date | None
    unit: str
    basis: str
    note: str = ""


def _date_text(row: CalculatedDate) -> str:
    if row.due is None:
        return QCoreApplication.translate("CalculatorDialog", "Cannot compute")
    return lang.date_with_weekday(row.due)


def _unit_text(row: CalculatedDate) -> str:
    if row.unit == "natural":
        return QCoreApplication.translate("CalculatorDialog", "Natural days")
    if row.unit == "working":
        return QCoreApplication.translate("CalculatorDialog", "Working days")
    return ""


_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CalculatorDialog", "Date"), lambda r: r.label),
    Column(QT_TRANSLATE_NOOP("CalculatorDialog", "Falls on"), _date_text,
           foreground=lambda r: ERROR_COLOUR if r.due is None else None),
    Column(QT_TRANSLATE_NOOP("CalculatorDialog", "Counted in"), _unit_text),
    Column(QT_TRANSLATE_NOOP("CalculatorDialog", "Legal basis"), lambda r: lang.citation(r.basis), tooltip=lambda r: lang.citation(r.basis)),
    Column(QT_TRANSLATE_NOOP("CalculatorDialog", "Note"), lambda r: r.note, tooltip=lambda r: r.note or None),
)
COL_LABEL, COL_DATE, COL_UNIT, COL_BASIS, COL_NOTE = range(5)

# Labels of the computed dates (the domain's own labels, kept here for the dates it does not
# name in compute_clock's result).
_LABELS = {
    "accept_by": "受理决定截止日",
    "serve_application_by": "送达申请书副本截止日",
    "composition_notice_by": "组庭通知截止日",
    "defence_due": "答辩期届满日",
    "earliest_hearing": "最早可开庭日",
    "latest_notice_service": "开庭通知最迟送达日",
    "postpone_request_by": "延期开庭申请最迟提出日",
    "award_due": "审理期限届满日",
    "award_target": "内部结案目标日",
    "award_due_extended": "延长后审理期限届满日",
}


class DateInput(QWidget):
    """A date with a "not filled in" tick box beside it (未填)."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit: DateField = make_date_edit(day)
        self.unset = QCheckBox(self.tr("Not filled in"))
        self.unset.toggled.connect(lambda checked: self.edit.setEnabled(not checked))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unset)
        layout.addStretch(1)

    def value(self) -> dt.date | None:
        return None if self.unset.isChecked() else to_date(self.edit)

    def set_value(self, day: dt.date | None) -> None:
        """Fill in ``day``, or tick "not filled in" for None."""
        if day is not None:
            self.edit.setDate(qdate(day))
        self.unset.setChecked(day is None)


class CalculatorDialog(QDialog):
    """期限计算器: the statutory dates that follow from a case's dates, each with its legal basis."""

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.unknown_year: int | None = None
        self.setWindowTitle(self.tr("Deadline calculator"))
        self.setStyleSheet(FORM_STYLE)
        start = (today or dt.date.today)()

        self.received = DateInput(start)
        self.accepted_on = DateInput(start)
        self.served = DateInput(start)
        self.hearing = DateInput(start)
        for field in (self.accepted_on, self.served, self.hearing):
            field.set_value(None)
        self.suspended_days = QSpinBox()
        self.suspended_days.setRange(0, 3650)
        self.suspended_days.setSuffix(self.tr(" days"))
        self.suspended_days.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000 日") + 48)
        grid = QGridLayout()
        rows: tuple[tuple[str, QWidget, str], ...] = (
            (self.tr("Application received"), self.received,
             self.tr("starts the 5 working days to decide on acceptance")),
            (self.tr("Case accepted"), self.accepted_on,
             self.tr("starts the 45-day limit (or the day it is counted again from)")),
            (self.tr("Respondent served"), self.served,
             self.tr("the day the respondent signed for the application copy or the hearing notice")),
            (self.tr("Hearing"), self.hearing, self.tr("the day of the hearing")),
            (self.tr("Days not counted"), self.suspended_days,
             self.tr("suspension and public-notice days left out of the 45 days")),
        )
        for row, (label, widget, hint) in enumerate(rows):
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            note = QLabel(hint)
            note.setProperty("feedback", "hint")
            note.setWordWrap(True)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
            grid.addWidget(note, row, 2)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(12)

        self.error = QLabel()
        self.error.setObjectName("errorSummary")
        self.error.setWordWrap(True)
        self.error.hide()
        self.import_button = QPushButton(self.tr("Import that year's holidays…"))
        self.import_button.clicked.connect(self.import_year)
        self.import_button.hide()
        error_row = QHBoxLayout()
        error_row.addWidget(self.error, 1)
        error_row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)

        self.model = RowsModel("CalculatorDialog", _COLUMNS, key=lambda r: r.key, parent=self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {COL_LABEL: "延期开庭申请最迟提出日", COL_DATE: "2026-12-21（周一）",
                                      COL_UNIT: "工作日", COL_BASIS: "《劳动争议调解仲裁法》第四十三条；《劳动人事"})
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Fill in the dates you know; untick \"Not filled in\" to use a date. "
                               "The first day is not counted; a natural-day period ending on a rest "
                               "day moves to the next working day."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(error_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.resize(980, 600)

        for field in (self.received, self.accepted_on, self.served, self.hearing):
            field.edit.dateChanged.connect(self.compute)
            field.unset.toggled.connect(self.compute)
        self.suspended_days.valueChanged.connect(self.compute)
        # The legal calendar is read once in the background; every date typed is then worked
        # out at once, in memory.
        self._calendar: LegalCalendar | None = None
        self.read_calendar()

    def read_calendar(self) -> None:
        """Read the legal calendar (again) in the background, then work the dates out."""
        db = self._db
        ops.run_read(self, lambda: calendar_service.calendar(db), self._calendar_read,
                     on_failed=self._calendar_failed, key="calendar")

    def _calendar_read(self, cal: LegalCalendar) -> None:
        self._calendar = cal
        self.compute()

    def _calendar_failed(self, error: TribunalError) -> None:
        self._show_error(lang.text(error.message))
        self.model.set_rows([])

    # ------------------------------------------------------------------ computing

    def results(self) -> dict[str, CalculatedDate]:
        """What is shown, by key (for tests)."""
        return {r.key: r for r in self.model.rows()}

    def compute(self) -> None:
        """Work out every date again from the fields."""
        self.error.hide()
        self.import_button.hide()
        self.notice.clear()
        self.unknown_year = None
        received, accepted = self.received.value(), self.accepted_on.value()
        served, hearing = self.served.value(), self.hearing.value()
        suspended = self.suspended_days.value()
        cal = self._calendar
        if cal is None:
            return  # worked out as soon as the calendar has been read
        try:
            compute_clock(cal, received=received, accepted=accepted, served=served, hearing=hearing,
                          suspended_days=suspended)
        except ClockInputError as exc:
            self._show_error(lang.text(exc.message))
            self.model.set_rows([])
            return
        except UnknownYearError:
            pass  # each date is tried below, so the ones that can be computed still show
        self.model.set_rows(self._dates(cal, received, accepted, served, hearing, suspended))
        if self.unknown_year is not None:
            self._show_error(UnknownYearError(self.unknown_year).message)
            self.import_button.setText(self.tr("Import the {year} holidays…").format(year=self.unknown_year))
            self.import_button.setMinimumWidth(self.import_button.sizeHint().width() + 8)
            self.import_button.show()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _dates(self, cal: LegalCalendar, received: dt.date | None, accepted: dt.date | None,
               served: dt.date | None, hearing: dt.date | None, suspended: int) -> list[CalculatedDate]:
        calc = PeriodCalculator(cal)
        wanted: list[tuple[str, Callable[[], DueDate], str]] = []
        if received is not None:
            wanted.append(("accept_by", lambda: calc.accept_by(received), "accept"))
        if accepted is not None:
            wanted += [
                ("serve_application_by", lambda: calc.serve_application_by(accepted), "serve_application"),
                ("composition_notice_by", lambda: calc.composition_notice_by(accepted), "composition_notice"),
            ]
        if served is not None:
            wanted += [
                ("defence_due", lambda: calc.defence_due(served), "defence"),
                ("earliest_hearing", lambda: calc.earliest_hearing(served), "hearing_notice"),
            ]
        if hearing is not None:
            wanted += [
                ("latest_notice_service", lambda: calc.latest_notice_service(hearing), "hearing_notice"),
                ("postpone_request_by", lambda: calc.postpone_request_by(hearing), "postpone_request"),
            ]
        if accepted is not None:
            wanted += [
                ("award_due", lambda: calc.award_due(accepted, False, suspended), "award"),
                ("award_target", lambda: calc.award_target(accepted, False, suspended), "award"),
                ("award_due_extended", lambda: calc.award_due(accepted, True, suspended), "award_extension"),
            ]
        rows = []
        for key, compute, rule_key in wanted:
            rule = calc.rules[rule_key]
            try:
                due = compute()
            except UnknownYearError as exc:
                if self.unknown_year is None:
                    self.unknown_year = exc.year
                rows.append(CalculatedDate(key, _LABELS[key], None, rule.unit, rule.basis,
                                           self.tr("The {year} holidays are not loaded").format(year=exc.year)))
                continue
            rows.append(CalculatedDate(key, lang.text(due.label_zh), due.date, due.unit, due.basis,
                                       self._note(key, due, cal, hearing)))
        if served is not None and hearing is not None:
            try:
                check = calc.notice_is_timely(served, hearing)
            except UnknownYearError:
                check = None
            if check is not None:
                text = (self.tr("A notice served on {served} is in time for a hearing on {hearing}: "
                                "{count} full working days lie between.")
                        if check.timely else
                        self.tr("A notice served on {served} is NOT in time for a hearing on {hearing}: "
                                "only {count} full working days lie between, {required} are needed."))
                self.notice.setText(text.format(served=served.isoformat(), hearing=hearing.isoformat(),
                                                count=check.working_days_between, required=check.required))
                self.notice.setProperty("feedback", "hint" if check.timely else "error")
                self.notice.style().unpolish(self.notice)
                self.notice.style().polish(self.notice)
        return rows

    def _note(self, key: str, due: DueDate, cal: LegalCalendar, hearing: dt.date | None) -> str:
        notes = []
        if key == "award_target":
            notes.append(self.tr("raise the alarm against this day: the legal last day before it "
                                 "is moved past rest days"))
        if key == "earliest_hearing" and hearing is not None and hearing < due.date:
            notes.append(self.tr("the hearing is set too early for this service date"))
        try:
            name = cal.day_name(due.date)
        except UnknownYearError:
            name = None
        if name:
            notes.append(name)
        return "；".join(notes)

    # ------------------------------------------------------------------ the calendar

    def import_year(self) -> None:
        """Open the legal-calendar dialog at the missing year, then compute again."""
        from tribunal.ui.legal_calendar_dialog import LegalCalendarDialog

        LegalCalendarDialog.ask(self, self._db, year=self.unknown_year)
        self.read_calendar()

    @classmethod
    def show_for(cls, parent: QWidget | None, db: Database) -> CalculatorDialog | None:
        """Show the calculator beside the main window (not modal); None if it cannot open."""
        try:
            dialog = cls(db, parent)
        except TribunalError as exc:
            msgbox.show_error(parent, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

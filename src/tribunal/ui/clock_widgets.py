"""The statutory clocks of a case (期限): the 期限 tab, and the dialogs that move the clocks.

The tab lists every date of :func:`tribunal.services.clocks.case_clock` with its state in
words and in colour, its unit, legal basis and note, plus the suspension intervals. Its
buttons record what changes the clocks: a suspension or public-notice period (中止/公告送达),
the approved extension (延长审理期限), a 规则 46 re-count (重新计算期限) and the service of
the application copy on a respondent (送达申请书副本).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import PartyRole, ServiceMethod
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services import clocks
from tribunal.services.app import Database
from tribunal.services.clocks import (
    APPLICATION_DOCUMENTS,
    DONE,
    DUE_SOON,
    ON_TIME,
    OVERDUE,
    RECOUNT_EVENTS,
    SUSPENSION_REASONS,
    UNKNOWN,
    CaseClock,
    ClockItem,
    SuspensionData,
)
from tribunal.ui import lang, msgbox
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.combos import add_members, current_member
from tribunal.ui.dates import qdate
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    ERROR_COLOUR,
    GOOD_COLOUR,
    MUTED_COLOUR,
    WARNING_COLOUR,
    Column,
    RowsModel,
    make_table,
    set_column_widths,
)

R = TypeVar("R")

#: A state that could not be computed because a year's holidays are missing (not a service state).
CANNOT_COMPUTE = "cannot_compute"

_STATE_TEXT = {
    ON_TIME: QT_TRANSLATE_NOOP("ClockState", "On time"),
    DUE_SOON: QT_TRANSLATE_NOOP("ClockState", "Due soon"),
    OVERDUE: QT_TRANSLATE_NOOP("ClockState", "Overdue"),
    DONE: QT_TRANSLATE_NOOP("ClockState", "Done"),
    UNKNOWN: QT_TRANSLATE_NOOP("ClockState", "Not yet running"),
    CANNOT_COMPUTE: QT_TRANSLATE_NOOP("ClockState", "Cannot compute"),
}
_STATE_COLOUR = {
    ON_TIME: GOOD_COLOUR,
    DUE_SOON: WARNING_COLOUR,
    OVERDUE: ERROR_COLOUR,
    DONE: MUTED_COLOUR,
    UNKNOWN: MUTED_COLOUR,
    CANNOT_COMPUTE: ERROR_COLOUR,
}
#: Light backgrounds behind a state's words (the words alone carry the meaning).
STATE_BACKGROUND = {
    ON_TIME: "#e6f2e9",
    DUE_SOON: "#fdf0d5",
    OVERDUE: "#fbe3e1",
    CANNOT_COMPUTE: "#fbe3e1",
}
_UNKNOWN_YEAR_MARK = "节假日安排尚未载入"


def item_state(item: ClockItem) -> str:
    """The state to show: the service's, except that an unloaded year is told apart from
    a date that simply does not run yet (both are ``unknown`` in the service)."""
    if item.state == UNKNOWN and _UNKNOWN_YEAR_MARK in item.note:
        return CANNOT_COMPUTE
    return item.state


def state_text(state: str) -> str:
    """按期 / 即将到期 / 已超期 / 已完成 / 待定 / 无法计算, in the interface language."""
    return QCoreApplication.translate("ClockState", _STATE_TEXT.get(state, _STATE_TEXT[UNKNOWN]))


def state_colour(state: str) -> QColor:
    """The text colour of a state (dark enough to read on white)."""
    return _STATE_COLOUR.get(state, MUTED_COLOUR)


def _unit_text(unit: str) -> str:
    if unit == "natural":
        return QCoreApplication.translate("ClocksTab", "Natural days")
    if unit == "working":
        return QCoreApplication.translate("ClocksTab", "Working days")
    return unit


def _date_with_weekday(day: dt.date | None) -> str:
    if day is None:
        return "—"
    weekdays = ("一", "二", "三", "四", "五", "六", "日")
    if lang.is_english():
        return f"{day.isoformat()} {day:%a}"
    return f"{day.isoformat()}（周{weekdays[day.weekday()]}）"


def _basis_text(item: ClockItem) -> str:
    # The period rules are kept as data and not all are checked against the official
    # text yet: a star says so without cluttering every line.
    return item.basis + ("" if item.verified else " *")


_ITEM_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Date"), lambda it: it.label_zh),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Due"), lambda it: _date_with_weekday(it.due)),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "State"), lambda it: state_text(item_state(it)),
           foreground=lambda it: state_colour(item_state(it))),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Counted in"), lambda it: _unit_text(it.unit)),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Legal basis"), _basis_text, tooltip=_basis_text),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Note"), lambda it: it.note, tooltip=lambda it: it.note or None),
)
COL_LABEL, COL_DUE, COL_STATE, COL_UNIT, COL_BASIS, COL_NOTE = range(6)

_SUSPENSION_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClocksTab", "From"), lambda s: s.start.isoformat()),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "To"),
           lambda s: s.end.isoformat() if s.end else QCoreApplication.translate("ClocksTab", "still running"),
           foreground=lambda s: WARNING_COLOUR if s.end is None else None),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Ground"), lambda s: s.reason, tooltip=lambda s: s.reason),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Legal basis"), lambda s: s.basis, tooltip=lambda s: s.basis or None),
)


def make_item_model(parent: Any = None) -> RowsModel:
    """The table model of clock items (one row per :class:`ClockItem`)."""
    return RowsModel("ClocksTab", _ITEM_COLUMNS, key=lambda it: it.key, parent=parent)


# ---------------------------------------------------------------------- the tab


class ClocksTab(QWidget):
    """期限: every statutory date of one case, with buttons for what moves them.

    Signals:
        clock_changed(int): something was recorded that changes the case's clocks (case id).
    """

    clock_changed = Signal(int)

    def __init__(self, db: Database | None = None, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or dt.date.today
        self._case_id: int | None = None
        self._number = ""
        self.clock: CaseClock | None = None
        self.setStyleSheet(FORM_STYLE)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel()
        self.warning.setObjectName("errorSummary")
        self.warning.setWordWrap(True)
        self.warning.hide()

        self.model = make_item_model(self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {
            COL_LABEL: "延期开庭申请最迟提出日", COL_DUE: "2026-12-21（周一）", COL_STATE: "即将到期",
            COL_UNIT: "自然日", COL_BASIS: "《劳动争议调解仲裁法》第四十三条；办案规则",
        })
        self.suspension_model = RowsModel("ClocksTab", _SUSPENSION_COLUMNS, parent=self)
        self.suspension_view = make_table(self.suspension_model)
        set_column_widths(self.suspension_view, {0: "2026-11-29", 1: "2026-11-29",
                                                 2: "案件处理需要等待工伤认定、伤残等级鉴定"})
        self.footnote = QLabel(self.tr("* rule to be checked"))
        self.footnote.setToolTip(self.tr("The length or unit of the periods marked * is kept as data "
                                         "and has not yet been checked against the official text."))
        self.footnote.setProperty("feedback", "hint")
        self.footnote.setWordWrap(True)

        self.suspend_button = QPushButton(self.tr("Record suspension…"))
        self.suspend_button.setToolTip(self.tr("Suspension of the hearing or public-notice "
                                               "service: these days do not count"))
        self.resume_button = QPushButton(self.tr("End suspension…"))
        self.extend_button = QPushButton(self.tr("Extension approved…"))
        self.extend_button.setToolTip(self.tr("Record the written approval of the 15-day extension"))
        self.recount_button = QPushButton(self.tr("Count afresh…"))
        self.recount_button.setToolTip(self.tr("A party was added, a claim changed, a counterclaim "
                                               "or a transfer: the period starts again"))
        self.service_button = QPushButton(self.tr("Application copy served…"))
        self.service_button.setToolTip(self.tr("Record when a respondent received the copy of the "
                                               "application: the defence period starts"))
        self.suspend_button.clicked.connect(self.record_suspension)
        self.resume_button.clicked.connect(self.end_suspension)
        self.extend_button.clicked.connect(self.approve_extension)
        self.recount_button.clicked.connect(self.record_recount)
        self.service_button.clicked.connect(self.record_service)
        # The buttons stand in a column beside the dates: under the case list the tab is short.
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in (self.suspend_button, self.resume_button, self.extend_button,
                       self.recount_button, self.service_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.footnote)
        button_column = QWidget()
        button_column.setLayout(buttons)
        button_column.setMaximumWidth(max(b.sizeHint().width() for b in (
            self.suspend_button, self.extend_button, self.recount_button, self.service_button)) + 24)

        self.suspensions = QWidget()
        box = QVBoxLayout(self.suspensions)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Periods not counted (suspension, public notice)")))
        box.addWidget(self.suspension_view)
        self.suspensions.hide()  # shown only when there are some
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.suspensions)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        body = QHBoxLayout()
        body.addWidget(splitter, 1)
        body.addWidget(button_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addLayout(body, 1)
        self.show_case(None)

    # ------------------------------------------------------------------ contents

    def set_database(self, db: Database) -> None:
        """The database to read the clocks from (when not given at construction)."""
        self._db = db

    def case_id(self) -> int | None:
        return self._case_id

    def show_case(self, case_id: int | None, number: str = "") -> None:
        """Show the clocks of ``case_id`` (a hint to pick a case when None)."""
        self._case_id = case_id
        self._number = number
        self.reload()

    def reload(self) -> None:
        """Compute the clocks again (after something was recorded)."""
        self.clock = None
        self.warning.hide()
        if self._case_id is None or self._db is None:
            self.model.set_rows([])
            self.suspension_model.set_rows([])
            self.suspensions.hide()
            self.summary.setText(self.tr("Select a case to see its time limits."))
            self._update_buttons()
            return
        try:
            clock = clocks.case_clock(self._db, self._case_id, self._today())
        except TribunalError as exc:
            self.model.set_rows([])
            self.suspension_model.set_rows([])
            self.summary.setText(exc.message)
            self._update_buttons()
            return
        self.clock = clock
        self._number = clock.case_number
        self.model.set_rows(clock.items)
        self.suspension_model.set_rows(clock.suspensions)
        self.suspensions.setVisible(bool(clock.suspensions))
        self.summary.setText(self._summary_text(clock))
        if clock.unknown_years:
            years = "、".join(str(y) for y in sorted(clock.unknown_years))
            self.warning.setText(self.tr(
                "The holiday schedule of {year} is not loaded, so some dates cannot be computed. "
                "Import it under Settings → Legal holidays.").format(year=years))
            self.warning.show()
        self._update_buttons()

    def _summary_text(self, clock: CaseClock) -> str:
        parts = [clock.case_number]
        if clock.clock_start is None:
            parts.append(self.tr("The 45-day limit starts when the case is accepted."))
        else:
            parts.append(self.tr("Counted from {date}").format(date=clock.clock_start.isoformat()))
            if clock.award_due is not None:
                parts.append(self.tr("last day {date}").format(date=clock.award_due.isoformat()))
            parts.append(self.tr("extension approved") if clock.extended else self.tr("not extended"))
            if clock.excluded_days:
                parts.append(self.tr("{count} day(s) not counted").format(count=clock.excluded_days))
            if clock.suspended:
                parts.append(self.tr("suspended now"))
        return "　·　".join(parts)

    def _running(self) -> SuspensionData | None:
        if self.clock is None:
            return None
        return next((s for s in self.clock.suspensions if s.end is None), None)

    def _update_buttons(self) -> None:
        clock = self.clock
        accepted = clock is not None and clock.clock_start is not None
        award = clock.item("award_due") if clock else None
        open_case = award is not None and award.state != DONE
        self.suspend_button.setEnabled(accepted and open_case and self._running() is None)
        self.resume_button.setEnabled(open_case and self._running() is not None)
        self.extend_button.setEnabled(accepted and open_case and clock is not None and not clock.extended)
        self.recount_button.setEnabled(clock is not None and open_case)
        self.service_button.setEnabled(accepted and open_case)

    def item_row(self, key: str) -> ClockItem | None:
        """The item with ``key`` as shown (for tests)."""
        return self.clock.item(key) if self.clock else None

    # ------------------------------------------------------------------ actions

    def _after(self, result: R) -> R:
        if result is not None and self._case_id is not None:
            self.reload()
            self.clock_changed.emit(self._case_id)
        return result

    def record_suspension(self) -> SuspensionData | None:
        """登记中止审理或公告送达期间."""
        if self._db is None or self._case_id is None:
            return None
        return self._after(SuspensionDialog.ask(self, self._db, self._case_id, self._number,
                                                self._today()))

    def end_suspension(self) -> SuspensionData | None:
        """Record the last day of the running suspension."""
        running = self._running()
        if self._db is None or running is None:
            return None
        return self._after(EndSuspensionDialog.ask(self, self._db, running, self._number,
                                                   self._today()))

    def approve_extension(self) -> CaseClock | None:
        """Record the approved 15-day extension."""
        if self._db is None or self._case_id is None:
            return None
        return self._after(ExtensionDialog.ask(self, self._db, self._case_id, self._number,
                                               self._today()))

    def record_recount(self) -> CaseClock | None:
        """Record a 规则 46 event after which the period is counted afresh."""
        if self._db is None or self._case_id is None:
            return None
        return self._after(RecountDialog.ask(self, self._db, self._case_id, self._number,
                                             self._today()))

    def record_service(self) -> clocks.ServiceData | None:
        """Record the service of the application copy on a respondent."""
        if self._db is None or self._case_id is None:
            return None
        return self._after(ServiceDialog.ask(self, self._db, self._case_id, self._number,
                                             self._today()))


# ---------------------------------------------------------------------- dialogs


class RecordDialog(QDialog):
    """A small form that records one thing about a case's clock; reasons shown beside fields."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self._today = today
        self.result_value: Any = None
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self._feedback: dict[str, FieldFeedback] = {}
        self.buttons = QDialogButtonBox()
        # Not self.tr(): PySide looks strings up under the subclass's name, and these belong here.
        self.ok_button = self.buttons.addButton(QCoreApplication.translate("RecordDialog", "Record"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QCoreApplication.translate("RecordDialog", "Cancel"),
                               QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.case_label = number

    def add_field(self, key: str, label: str, field: QWidget, *, extra: QWidget | None = None) -> None:
        """Add a form row whose service field key is ``key``."""
        feedback = FieldFeedback(field, extra=extra)
        self._feedback[key] = feedback
        self.form.addRow(label, feedback.container)

    def feedback(self, key: str) -> FieldFeedback:
        return self._feedback[key]

    def submit(self) -> Any:
        """Call the service; subclasses implement it."""
        raise NotImplementedError

    def save(self) -> bool:
        """Record it; on a refusal show the reason beside the field and stay open."""
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        try:
            self.result_value = self.submit()
        except ValidationError as exc:
            placed = place_errors(self._feedback, exc, whole_message_if_single=True)
            if not placed:
                self.summary.setText(exc.message)
                self.summary.show()
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, *args: Any) -> Any:
        """Open the dialog; what was recorded, or None when cancelled."""
        # Each kind of record dialog takes its own leading arguments (a case, a running
        # suspension, a hearing…) and ``parent`` last: build it through a signature that
        # says just that, not through RecordDialog's own.
        build: Callable[..., RecordDialog] = cls
        try:
            dialog = build(db, *args, parent=parent)
        except TribunalError as exc:
            msgbox.show_error(parent, exc)
            return None
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()


def _limited_date_edit(today: dt.date) -> Any:
    edit = make_date_edit(today)
    edit.setMaximumDate(qdate(today))
    return edit


class SuspensionDialog(RecordDialog):
    """登记中止审理 / 公告送达期间: the days do not count towards the 45 days (规则 46(六), 47)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Suspension — {number}").format(number=number))
        self.intro.setText(self.tr("Days of a suspension (with the chair's approval and written "
                                   "notice to the parties) or of public-notice service are not "
                                   "counted in the time limit."))
        self.reason = QComboBox()
        for reason in SUSPENSION_REASONS:
            self.reason.addItem(reason.label_zh, reason.code)
            self.reason.setItemData(self.reason.count() - 1, reason.basis, Qt.ItemDataRole.ToolTipRole)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(24)
        self.basis = QLabel()
        self.basis.setProperty("feedback", "hint")
        self.basis.setWordWrap(True)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("For example: awaiting the disability-grade appraisal"))
        self.start = _limited_date_edit(today)
        self.ended = QCheckBox(self.tr("Already over, last day:"))
        self.end = _limited_date_edit(today)
        self.end.setEnabled(False)
        self.ended.toggled.connect(self.end.setEnabled)
        end_row = QWidget()
        end_layout = QHBoxLayout(end_row)
        end_layout.setContentsMargins(0, 0, 0, 0)
        end_layout.addWidget(self.ended)
        end_layout.addWidget(self.end)
        end_layout.addStretch(1)
        self.add_field("reason", self.tr("Ground"), self.reason, extra=self.basis)
        self.form.addRow(self.tr("Details"), self.detail)
        self.add_field("start", self.tr("First day"), self.start)
        self.add_field("end", self.tr("End"), end_row)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self._reason_changed()

    def _reason_changed(self) -> None:
        reason = SUSPENSION_REASONS[max(self.reason.currentIndex(), 0)]
        self.basis.setText(reason.basis)

    def submit(self) -> SuspensionData:
        reason = SUSPENSION_REASONS[max(self.reason.currentIndex(), 0)]
        detail = self.detail.text().strip()
        text = f"{reason.label_zh}：{detail}" if detail else reason.label_zh
        end = to_date(self.end) if self.ended.isChecked() else None
        return clocks.add_suspension(self._db, self._case_id, to_date(self.start), end, text,
                                     today=self._today)


class EndSuspensionDialog(RecordDialog):
    """恢复审理: the last day of a running suspension."""

    def __init__(self, db: Database, suspension: SuspensionData, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, suspension.case_id, number, today, parent)
        self._suspension = suspension
        self.setWindowTitle(self.tr("End suspension — {number}").format(number=number))
        self.intro.setText(self.tr("Suspended since {date}: {reason}").format(
            date=suspension.start.isoformat(), reason=suspension.reason))
        self.end = _limited_date_edit(today)
        self.add_field("end", self.tr("Last day of the suspension"), self.end)

    def submit(self) -> SuspensionData:
        return clocks.end_suspension(self._db, self._suspension.id, to_date(self.end), today=self._today)


class ExtensionDialog(RecordDialog):
    """延长审理期限: the written approval of at most fifteen more days (法 43)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Extension — {number}").format(number=number))
        self.intro.setText(self.tr("Complicated cases may be extended by at most fifteen days with "
                                   "the written approval of the commission's chair, given before "
                                   "the forty-five days run out."))
        self.approved_by = QLineEdit()
        self.approved_by.setPlaceholderText(self.tr("Name and title of the person who approved"))
        self.approved_on = _limited_date_edit(today)
        self.add_field("approved_by", self.tr("Approved by"), self.approved_by)
        self.add_field("approved_on", self.tr("Approved on"), self.approved_on)

    def submit(self) -> CaseClock:
        return clocks.approve_extension(self._db, self._case_id, self.approved_by.text(),
                                        to_date(self.approved_on), today=self._today)


class RecountDialog(RecordDialog):
    """重新计算期限: an event of 规则 46 after which a period starts again."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Count afresh — {number}").format(number=number))
        self.intro.setText(self.tr("The period is counted again from the day of the event. "
                                   "Suspension days are recorded as a suspension instead."))
        self.event_choice = QComboBox()
        for event in RECOUNT_EVENTS:
            if event.restarts == "none":
                continue
            self.event_choice.addItem(event.reason_text, event.code)
            self.event_choice.setItemData(self.event_choice.count() - 1, event.basis, Qt.ItemDataRole.ToolTipRole)
        self.start_hint = QLabel()
        self.start_hint.setProperty("feedback", "hint")
        self.start_hint.setWordWrap(True)
        self.restart_date = _limited_date_edit(today)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("For example: the applicant added a claim for overtime pay"))
        self.add_field("reason", self.tr("Event"), self.event_choice, extra=self.start_hint)
        self.add_field("restart_date", self.tr("Counted again from"), self.restart_date)
        self.add_field("note", self.tr("Details"), self.note)
        self.event_choice.currentIndexChanged.connect(self._event_changed)
        self._event_changed()

    def _event_changed(self) -> None:
        code = self.event_choice.currentData()
        event = next((e for e in RECOUNT_EVENTS if e.code == code), None)
        if event is not None:
            self.start_hint.setText(f"{event.start_zh}（{event.basis}）")

    def submit(self) -> CaseClock:
        return clocks.record_recount(self._db, self._case_id, to_date(self.restart_date),
                                     str(self.event_choice.currentData() or ""), note=self.note.text(),
                                     today=self._today)


class ServiceDialog(RecordDialog):
    """送达申请书副本: when a respondent received the application copy (the defence period starts)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Service of the application copy — {number}").format(number=number))
        self.intro.setText(self.tr("The date the respondent received it: the date signed on the "
                                   "proof of service, or the postal receipt date."))
        case = case_service.get_case(db, case_id)
        self.party = QComboBox()
        for p in case.parties:
            if p.role == PartyRole.APPLICANT:
                continue
            self.party.addItem(f"{lang.label(p.role)}：{p.name}", p.id)
        self.document = QComboBox()
        self.document.setEditable(True)
        self.document.addItems(list(APPLICATION_DOCUMENTS))
        self.method = QComboBox()
        add_members(self.method, ServiceMethod)
        self.served_on = _limited_date_edit(today)
        self.signed_by = QLineEdit()
        self.confirmed = QCheckBox(self.tr("Receipt confirmed"))
        self.confirmed.setChecked(True)
        self.note = QLineEdit()
        self.add_field("party_id", self.tr("Served on"), self.party)
        self.add_field("document", self.tr("Document"), self.document)
        self.add_field("method", self.tr("How"), self.method)
        self.add_field("served_on", self.tr("Received on"), self.served_on)
        self.add_field("signed_by", self.tr("Signed by"), self.signed_by, extra=self.confirmed)
        self.add_field("note", self.tr("Note"), self.note)
        self.method.currentIndexChanged.connect(self._method_changed)

    def _method_changed(self) -> None:
        method = current_member(self.method, ServiceMethod)
        # By phone or electronically, receipt counts only once the party confirms (规则 59).
        self.confirmed.setChecked(method not in (ServiceMethod.PHONE, ServiceMethod.ELECTRONIC))

    def submit(self) -> clocks.ServiceData:
        party_id = self.party.currentData()
        if party_id is None:
            raise ValidationError("本案没有可送达申请书副本的被申请人", {"party_id": "没有被申请人"})
        return clocks.record_service(
            self._db, self._case_id, int(party_id), self.document.currentText(),
            current_member(self.method, ServiceMethod) or ServiceMethod.DIRECT, to_date(self.served_on),
            self.signed_by.text(), self.confirmed.isChecked(), note=self.note.text(), today=self._today)

"""The statutory clocks of a case (期限): the 期限 tab, and the dialogs that record what moves them.

The tab lists every date of :func:`tribunal.services.clocks.case_clock` with its state in
words and in colour, its unit, legal basis, the program's readings it depends on (※) and a
note — one defence period per respondent — and under it the case's clock history: every
suspension and its end, public notice, extension, re-count, with who entered it and when,
what it did to the clock, and whether it was withdrawn. Its buttons record new events; a
refusal is shown beside the field it concerns, and an extension approved before a re-count
is put to the clerk as a question. Every write runs on the background worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import PartyRole, ServiceMethod
from tribunal.domain.readings import READINGS, reading_texts
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services import clocks
from tribunal.services.app import Database
from tribunal.services.cases import CaseDetail
from tribunal.services.clocks import (
    APPLICATION_DOCUMENTS,
    DEFAULT_NOTICE_DOCUMENTS,
    DONE,
    DUE_SOON,
    ON_TIME,
    OVERDUE,
    RECOUNT_EVENTS,
    SUSPENSION_REASONS,
    UNKNOWN,
    CaseClock,
    ClockEventRow,
    ClockItem,
    ExtensionQuestionError,
    NoticePeriod,
    OpenQuestion,
    SuspensionData,
)
from tribunal.ui import lang, msgbox, ops
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
#: The mark beside a date that rests on one of the program's readings of the law.
READING_MARK = "※"


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
    return lang.date_with_weekday(day)


def _basis_text(item: ClockItem) -> str:
    # The period rules are kept as data and not all are confirmed against the official text
    # yet: a star says so without cluttering every line (confirmed rules lose it).
    return lang.citation(item.basis) + ("" if item.verified else " *")


def _reading_text(item: ClockItem) -> str:
    sections = list(dict.fromkeys(READINGS[k].section for k in item.readings if k in READINGS))
    return f"{READING_MARK} {' '.join(sections)}" if sections else ""


def _reading_tooltip(item: ClockItem) -> str | None:
    texts = [lang.text(t) for t in reading_texts(item.readings)]
    return "\n".join(texts) if texts else None


_ITEM_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Date"), lambda it: lang.text(it.label_zh), tooltip=lambda it: lang.text(it.label_zh)),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Due"), lambda it: _date_with_weekday(it.due)),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "State"), lambda it: state_text(item_state(it)),
           foreground=lambda it: state_colour(item_state(it))),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Counted in"), lambda it: _unit_text(it.unit)),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Legal basis"), _basis_text, tooltip=_basis_text),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Reading"), _reading_text, tooltip=_reading_tooltip,
           foreground=lambda it: WARNING_COLOUR if it.readings else None),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Note"), lambda it: lang.text(it.note), tooltip=lambda it: lang.text(it.note) or None),
)
COL_LABEL, COL_DUE, COL_STATE, COL_UNIT, COL_BASIS, COL_READING, COL_NOTE = range(7)


def _event_effect(e: ClockEventRow) -> str:
    if e.withdrawn:
        return QCoreApplication.translate("ClocksTab", "Withdrawn by {who} on {when}: {why}").format(
            who=e.withdrawn_by, when=f"{e.withdrawn_at:%Y-%m-%d}" if e.withdrawn_at else "",
            why=e.withdrawn_reason)
    if not e.lawful:
        return QCoreApplication.translate("ClocksTab", "No effect: {reason}").format(reason=e.reason)
    return e.effect


def _event_colour(e: ClockEventRow) -> QColor | None:
    if e.withdrawn:
        return MUTED_COLOUR
    return None if e.lawful else ERROR_COLOUR


_EVENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClocksTab", "On"), lambda e: _date_with_weekday(e.date),
           foreground=_event_colour),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Change"), lambda e: e.label, tooltip=lambda e: e.label,
           foreground=_event_colour),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Effect"), _event_effect, tooltip=_event_effect,
           foreground=_event_colour),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Legal basis"), lambda e: e.basis, tooltip=lambda e: e.basis or None),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Entered by"), lambda e: e.entered_by),
    Column(QT_TRANSLATE_NOOP("ClocksTab", "Entered at"),
           lambda e: f"{e.entered_at:%Y-%m-%d %H:%M}" if e.entered_at else ""),
)
EV_DATE, EV_LABEL, EV_EFFECT, EV_BASIS, EV_BY, EV_AT = range(6)


def make_item_model(parent: Any = None) -> RowsModel:
    """The table model of clock items (one row per :class:`ClockItem`; a defence period per respondent)."""
    return RowsModel("ClocksTab", _ITEM_COLUMNS, key=lambda it: it.row_key, parent=parent)


# ---------------------------------------------------------------------- the tab


class ClocksTab(QWidget):
    """期限: every statutory date of one case, its clock history, and buttons for what moves them.

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

        # An extension approved before a re-count: the question, with the two answers.
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setProperty("feedback", "warning")
        self.keep_button = QPushButton(self.tr("Still stands"))
        self.keep_button.setToolTip(self.tr("The approval also covers the period counted afresh: 60 days"))
        self.lapse_button = QPushButton(self.tr("Has lapsed"))
        self.lapse_button.setToolTip(self.tr("The approval was for the old period: 45 days from the re-count"))
        self.keep_button.clicked.connect(lambda: self.answer_question(True))
        self.lapse_button.clicked.connect(lambda: self.answer_question(False))
        self.question_bar = QFrame()
        self.question_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.question_bar)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.question, 1)
        bar.addWidget(self.keep_button)
        bar.addWidget(self.lapse_button)
        self.question_bar.hide()

        self.model = make_item_model(self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {
            COL_LABEL: "延期开庭申请最迟提出日", COL_DUE: "2026-12-21（周一）", COL_STATE: "即将到期",
            COL_UNIT: "自然日", COL_BASIS: "《劳动争议调解仲裁法》第四十三条；办案规则", COL_READING: "※ §3.4 §2.3",
        })
        self.event_model = RowsModel("ClocksTab", _EVENT_COLUMNS, parent=self)
        self.event_view = make_table(self.event_model)
        set_column_widths(self.event_view, {
            EV_DATE: "2026-11-29（周日）", EV_LABEL: "中止审理开始：案件处理需要等待工伤认定",
            EV_EFFECT: "自2026-11-29起不计入审理期限", EV_BASIS: "办案规则第四十七条第（六）项",
            EV_BY: "测试书记员", EV_AT: "2026-11-29 16:30"})
        self.event_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.bounds_hint = QLabel(self.tr(
            "A suspension's first and last day are both not counted; the count goes on from the day "
            "after its last day. Changes count by their own dates, whatever order they are entered in."))
        self.bounds_hint.setProperty("feedback", "hint")
        self.bounds_hint.setWordWrap(True)

        self.footnote = QLabel(self.tr("* rule to be checked"))
        self.footnote.setToolTip(self.tr("The length or unit of the periods marked * is kept as data "
                                         "and has not yet been confirmed against the official text."))
        self.footnote.setProperty("feedback", "hint")
        self.footnote.setWordWrap(True)
        self.reading_note = QLabel(self.tr("※ rests on the program's reading where the law is silent "
                                           "(see the tooltip)"))
        self.reading_note.setProperty("feedback", "hint")
        self.reading_note.setWordWrap(True)
        self.rules_button = QPushButton(self.tr("Check period rules…"))
        self.rules_button.setToolTip(self.tr("Confirm the period rules against the official texts"))
        self.rules_button.clicked.connect(self.open_period_rules)

        self.suspend_button = QPushButton(self.tr("Record suspension…"))
        self.suspend_button.setToolTip(self.tr("Suspension of the hearing: these days do not count"))
        self.resume_button = QPushButton(self.tr("End suspension…"))
        self.notice_button = QPushButton(self.tr("Public notice…"))
        self.notice_button.setToolTip(self.tr("Service by public notice: the notice period does not count"))
        self.extend_button = QPushButton(self.tr("Extension approved…"))
        self.extend_button.setToolTip(self.tr("Record the written approval of the 15-day extension"))
        self.recount_button = QPushButton(self.tr("Count afresh…"))
        self.recount_button.setToolTip(self.tr("A party was added, a claim changed, a counterclaim "
                                               "or a transfer: the period starts again"))
        self.service_button = QPushButton(self.tr("Application copy served…"))
        self.service_button.setToolTip(self.tr("Record when a respondent received the copy of the "
                                               "application: its defence period starts"))
        self.notice_service_button = QPushButton(self.tr("Notice served…"))
        self.notice_service_button.setToolTip(self.tr("Record how, when and by whom a notice reached "
                                                      "a party, an agent or a witness"))
        self.withdraw_button = QPushButton(self.tr("Withdraw entry…"))
        self.withdraw_button.setToolTip(self.tr("Withdraw the change selected in the history (it stays "
                                                "on record, marked as withdrawn)"))
        self.suspend_button.clicked.connect(self.record_suspension)
        self.resume_button.clicked.connect(self.end_suspension)
        self.notice_button.clicked.connect(self.record_public_notice)
        self.extend_button.clicked.connect(self.approve_extension)
        self.recount_button.clicked.connect(self.record_recount)
        self.service_button.clicked.connect(self.record_service)
        self.notice_service_button.clicked.connect(self.record_notice_service)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self._action_buttons = (self.suspend_button, self.resume_button, self.notice_button,
                                self.extend_button, self.recount_button, self.service_button,
                                self.notice_service_button, self.withdraw_button)
        # The buttons stand in a column beside the dates: under the case list the tab is short.
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in self._action_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.footnote)
        buttons.addWidget(self.reading_note)
        buttons.addWidget(self.rules_button)
        button_column = QWidget()
        button_column.setLayout(buttons)
        button_column.setMaximumWidth(max(b.sizeHint().width() for b in (*self._action_buttons,
                                                                          self.rules_button)) + 24)

        self.history = QWidget()
        box = QVBoxLayout(self.history)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Changes to the time limit, in the order of their dates")))
        box.addWidget(self.event_view, 1)
        box.addWidget(self.bounds_hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        body = QHBoxLayout()
        body.addWidget(splitter, 1)
        body.addWidget(button_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.question_bar)
        layout.addLayout(body, 1)
        self._busy = False
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
        self.question_bar.hide()
        if self._case_id is None or self._db is None:
            self.model.set_rows([])
            self.event_model.set_rows([])
            self.summary.setText(self.tr("Select a case to see its time limits."))
            self._update_buttons()
            return
        db, case_id, day = self._db, self._case_id, self._today()
        ops.run_read(self, lambda: clocks.case_clock(db, case_id, day), self._show_clock,
                     on_failed=self._clock_failed, key="clock")

    def _clock_failed(self, error: TribunalError) -> None:
        self.model.set_rows([])
        self.event_model.set_rows([])
        self.summary.setText(lang.text(error.message))
        self._update_buttons()

    def _show_clock(self, clock: CaseClock) -> None:
        if clock.case_id != self._case_id:
            return  # another case was chosen meanwhile; its own read answers
        self.clock = clock
        self._number = clock.case_number
        self.model.set_rows(clock.items)
        self.event_model.set_rows(clock.events)
        self.summary.setText(self._summary_text(clock))
        problems = []
        if clock.unknown_years:
            years = "、".join(str(y) for y in sorted(clock.unknown_years))
            problems.append(self.tr(
                "The holiday schedule of {year} is not loaded, so some dates cannot be computed. "
                "Import it under Settings → Legal holidays.").format(year=years))
        unlawful = clock.unlawful_events
        if unlawful:
            problems.append(self.tr("{count} recorded change(s) have no effect because the law did not allow "
                                    "them on their dates (shown in red below): check and withdraw them.")
                            .format(count=len(unlawful)))
        if problems:
            self.warning.setText("\n".join(problems))
            self.warning.show()
        if clock.questions:
            self.question.setText(clock.questions[0].message)
            self.question_bar.show()
        self.footnote.setVisible(any(not it.verified for it in clock.items))
        self.reading_note.setVisible(any(it.readings for it in clock.items))
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
        return next((s for s in self.clock.suspensions if s.end is None and not s.public_notice), None)

    def selected_event(self) -> ClockEventRow | None:
        """The event selected in the history (None when none, or a withdrawn one)."""
        rows = self.event_view.selectionModel().selectedRows()
        if not rows:
            return None
        event = self.event_model.row(rows[0].row())
        return None if event is None or event.withdrawn else event

    def _update_buttons(self) -> None:
        clock = self.clock
        accepted = clock is not None and clock.clock_start is not None
        award = clock.item("award_due") if clock else None
        open_case = award is not None and award.state != DONE and not self._busy
        self.suspend_button.setEnabled(accepted and open_case and self._running() is None)
        self.resume_button.setEnabled(open_case and self._running() is not None)
        self.notice_button.setEnabled(accepted and open_case)
        self.extend_button.setEnabled(accepted and open_case and clock is not None and not clock.extended)
        self.recount_button.setEnabled(clock is not None and open_case)
        self.service_button.setEnabled(accepted and open_case)
        self.notice_service_button.setEnabled(open_case)
        self.withdraw_button.setEnabled(open_case and self.selected_event() is not None)
        self.keep_button.setEnabled(not self._busy)
        self.lapse_button.setEnabled(not self._busy)

    def item_row(self, key: str) -> ClockItem | None:
        """The item with ``key`` as shown (for tests)."""
        return self.clock.item(key) if self.clock else None

    # ------------------------------------------------------------------ actions

    def _after(self, result: R) -> R:
        if result is not None and self._case_id is not None:
            self.reload()
            self.clock_changed.emit(self._case_id)
        return result

    def _run(self, work: Callable[[], Any]) -> None:
        """A write on the background worker; the tab reloads when it is done."""
        self._busy = True
        self._update_buttons()

        def done(result: Any) -> None:
            self._busy = False
            self._after(result)

        def failed(error: TribunalError) -> None:
            self._busy = False
            self._update_buttons()
            msgbox.show_error(self, error)

        # clock_changed (from _after) makes the case page broadcast CLOCKS | CASES.
        ops.run_write(self, work, changes=ops.Changes.NONE, on_done=done, on_failed=failed)

    def record_suspension(self) -> SuspensionData | None:
        """登记中止审理."""
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

    def record_public_notice(self) -> CaseClock | None:
        """Record service by public notice on a party."""
        if self._db is None or self._case_id is None:
            return None
        return self._after(PublicNoticeDialog.ask(self, self._db, self._case_id, self._number,
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

    def record_notice_service(self) -> object | None:
        """Record the service of one case notice (送达通知书) on one addressee."""
        from tribunal.ui.notice_service_dialog import NoticeServiceDialog

        if self._db is None or self._case_id is None:
            return None
        return self._after(NoticeServiceDialog.ask(self, self._db, self._case_id, self._number,
                                                   self._today()))

    def withdraw_selected(self) -> None:
        """Withdraw the change selected in the history, with a reason (refusals are shown)."""
        event = self.selected_event()
        db = self._db
        if event is None or db is None:
            return
        reason = msgbox.ask_text(self, self.tr("Withdraw entry"), self.tr(
            "Withdraw “{label}” of {date}? It stays on record, marked as withdrawn. Reason:").format(
            label=event.label, date=event.date.isoformat()))
        if reason is None:
            return
        today = self._today()
        self._run(lambda: clocks.withdraw_event(db, event.id, reason, today=today))

    def answer_question(self, stands: bool) -> None:
        """Answer whether the extension approved before a re-count still stands."""
        clock, db = self.clock, self._db
        if clock is None or db is None or not clock.questions:
            return
        question: OpenQuestion = clock.questions[0]
        today = self._today()
        self._run(lambda: clocks.review_extension(db, clock.case_id, question.extension_id, stands, today=today))

    def open_period_rules(self) -> None:
        """核对期间规则: confirm the period rules against the official texts."""
        if self._db is None:
            return
        from tribunal.ui.period_rules_dialog import PeriodRulesDialog

        if PeriodRulesDialog.ask(self, self._db):
            self.reload()


# ---------------------------------------------------------------------- dialogs


class RecordDialog(QDialog):
    """A small form that records one thing about a case's clock; reasons shown beside fields.

    The service runs on the background worker; the dialog closes when it has recorded, and
    stays open with the reason beside the field when it refuses. An extension approved
    before a re-count is asked about in the dialog itself.

    Signals:
        recorded(object): the service's result (the dialog then closes).
        refused(object): the :class:`TribunalError` that was shown.
        answered(bool): the worker answered: True recorded, False refused.
    """

    recorded = Signal(object)
    refused = Signal(object)
    answered = Signal(bool)

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
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        # The question about an extension approved before a re-count, with its two answers.
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setProperty("feedback", "warning")
        self.stands = QRadioButton(QCoreApplication.translate(
            "RecordDialog", "The approval still stands (60 days from the new start)"))
        self.lapsed = QRadioButton(QCoreApplication.translate(
            "RecordDialog", "The approval has lapsed (45 days from the new start)"))
        self.answers = QButtonGroup(self)
        self.answers.addButton(self.stands)
        self.answers.addButton(self.lapsed)
        self.question_box = QFrame()
        self.question_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.question_box)
        box.addWidget(self.question)
        box.addWidget(self.stands)
        box.addWidget(self.lapsed)
        self.question_box.hide()
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
        layout.addWidget(self.question_box)
        layout.addWidget(self.buttons)
        self._layout = layout
        self.loading: ops.FormLoad | None = None
        self.case_label = number
        self.busy = False

    def read_case(self, fields: list[QWidget], fill: Callable[[Any], None], *,
                  work: Callable[[], Any] | None = None) -> None:
        """Read the case (its parties to choose from) in the background; ``fields`` and 记录 wait for it.

        Args:
            work: read this instead of the case alone (what ``fill`` is then given).
        """
        db, case_id = self._db, self._case_id
        self.loading = ops.FormLoad(self, work or (lambda: case_service.get_case(db, case_id)), fill,
                                    fields=fields, buttons=[self.ok_button], layout=self._layout, index=1)
        self.loading.start()

    def add_field(self, key: str, label: str, field: QWidget, *, extra: QWidget | None = None) -> None:
        """Add a form row whose service field key is ``key``."""
        feedback = FieldFeedback(field, extra=extra)
        self._feedback[key] = feedback
        self.form.addRow(label, feedback.container)

    def feedback(self, key: str) -> FieldFeedback:
        return self._feedback[key]

    def extension_stands(self) -> bool | None:
        """The clerk's answer to the question about an extension (None when not asked)."""
        if self.question_box.isHidden():
            return None
        if self.stands.isChecked():
            return True
        if self.lapsed.isChecked():
            return False
        return None

    def work(self) -> Callable[[], Any]:
        """The service call to make, with the form's values read now; subclasses implement it.

        Raises:
            ValidationError: a value the form itself can tell is missing.
        """
        raise NotImplementedError

    def save(self) -> None:
        """Record it on the background worker; on a refusal show the reason and stay open."""
        if self.busy or (self.loading is not None and not self.loading.ready):
            return
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        if not self.question_box.isHidden() and self.extension_stands() is None:
            self.summary.setText(QCoreApplication.translate(
                "RecordDialog", "Please say whether the approval still stands."))
            self.summary.show()
            return
        try:
            work = self.work()
        except ValidationError as exc:
            self._refused(exc)
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        # Its tab reloads on ``recorded`` and says clock_changed, which the case page broadcasts.
        ops.run_write(self, work, changes=ops.Changes.NONE, on_done=self._recorded, on_failed=self._refused)

    def _recorded(self, result: Any) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.recorded.emit(result)
        self.accept()
        self.answered.emit(True)

    def _refused(self, exc: TribunalError) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, ExtensionQuestionError):
            self.question.setText(lang.text(exc.message))
            self.answers.setExclusive(False)
            self.stands.setChecked(False)
            self.lapsed.setChecked(False)
            self.answers.setExclusive(True)
            self.question_box.show()
        elif isinstance(exc, ValidationError):
            placed = place_errors(self._feedback, exc, whole_message_if_single=True)
            if not placed or len(exc.fields) > 1:
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
        else:
            msgbox.show_error(self, exc)
        self.refused.emit(exc)
        self.answered.emit(False)

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


def _hint() -> QLabel:
    label = QLabel()
    label.setProperty("feedback", "hint")
    label.setWordWrap(True)
    return label


class SuspensionDialog(RecordDialog):
    """登记中止审理: the days do not count towards the 45 days (规则 46(六), 47)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Suspension — {number}").format(number=number))
        self.intro.setText(self.tr("The days of a suspension (approved by the chair, the parties told in "
                                   "writing) are not counted in the time limit: its first and its last day "
                                   "are both not counted, and the count goes on from the day after."))
        self.reason = QComboBox()
        for reason in SUSPENSION_REASONS:
            if not reason.offered or not reason.halts:
                continue
            self.reason.addItem(reason.label_zh, reason.code)
            self.reason.setItemData(self.reason.count() - 1, reason.basis, Qt.ItemDataRole.ToolTipRole)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(24)
        self.basis = _hint()
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("For example: awaiting the disability-grade appraisal"))
        self.approved_by = QLineEdit()
        self.approved_by.setPlaceholderText(self.tr("Who approved the suspension (optional)"))
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
        self.add_field("approved_by", self.tr("Approved by"), self.approved_by)
        self.add_field("start", self.tr("First day"), self.start)
        self.add_field("end", self.tr("End"), end_row)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self._reason_changed()

    def _reason_changed(self) -> None:
        code = self.reason.currentData()
        reason = next((r for r in SUSPENSION_REASONS if r.code == code), SUSPENSION_REASONS[0])
        self.basis.setText(reason.basis)

    def work(self) -> Callable[[], SuspensionData]:
        code = str(self.reason.currentData() or "")
        reason = next((r for r in SUSPENSION_REASONS if r.code == code), SUSPENSION_REASONS[0])
        detail = self.detail.text().strip()
        text = f"{reason.label_zh}：{detail}" if detail else reason.code
        end = to_date(self.end) if self.ended.isChecked() else None
        db, case_id, start, who, today = self._db, self._case_id, to_date(self.start), self.approved_by.text(), \
            self._today
        return lambda: clocks.add_suspension(db, case_id, start, end, text, approved_by=who, today=today)


class EndSuspensionDialog(RecordDialog):
    """恢复审理: the last day of a running suspension."""

    def __init__(self, db: Database, suspension: SuspensionData, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, suspension.case_id, number, today, parent)
        self._suspension = suspension
        self.setWindowTitle(self.tr("End suspension — {number}").format(number=number))
        self.intro.setText(self.tr("Suspended since {date}: {reason}. The last day of the suspension is "
                                   "not counted either; the count goes on from the day after.").format(
            date=suspension.start.isoformat(), reason=suspension.reason))
        self.end = _limited_date_edit(today)
        self.add_field("end", self.tr("Last day of the suspension"), self.end)

    def work(self) -> Callable[[], SuspensionData]:
        db, sid, end, today = self._db, self._suspension.id, to_date(self.end), self._today
        return lambda: clocks.end_suspension(db, sid, end, today=today)


class PublicNoticeDialog(RecordDialog):
    """公告送达: the notice period (30 days; 60 for a party without a domicile in China) does not count."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Public notice — {number}").format(number=number))
        self.intro.setText(self.tr("A party who cannot be found or served otherwise is served by public "
                                   "notice. The notice period is set by law, not typed: it is left out of "
                                   "the time limit, and a respondent's defence period starts on the day "
                                   "service counts as done."))
        self.party = QComboBox()
        self.read_case([self.party], self._list_parties)
        self.published_on = _limited_date_edit(today)
        self.abroad = QCheckBox(self.tr("No domicile in the People's Republic of China (60 days)"))
        self.reading = _hint()
        self.counting = _hint()
        self.document = QLineEdit(DEFAULT_NOTICE_DOCUMENTS)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("For example: where the notice was published"))
        self.add_field("party_id", self.tr("Served on"), self.party)
        self.add_field("published_on", self.tr("Published on"), self.published_on, extra=self.counting)
        self.form.addRow("", self.abroad)
        self.form.addRow("", self.reading)
        self.add_field("document", self.tr("Documents"), self.document)
        self.add_field("note", self.tr("Details"), self.note)
        self.published_on.dateChanged.connect(lambda *_: self._explain())
        self.abroad.toggled.connect(lambda *_: self._explain())
        self._explain()

    def _explain(self) -> None:
        """Show how the notice period is counted for the date and the kind of party chosen."""
        db, published, abroad = self._db, to_date(self.published_on), self.abroad.isChecked()
        ops.run_read(self, lambda: clocks.public_notice_period(db, published, abroad), self._show_period,
                     on_failed=self._no_period, key="explain")

    def _no_period(self, error: TribunalError) -> None:
        self.counting.setText(lang.text(error.message))
        self.reading.setText("")

    def _show_period(self, period: NoticePeriod) -> None:
        self.counting.setText(f"{period.label}{period.days}日（{period.basis}）。{period.explanation}")
        self.reading.setText(f"{READING_MARK} {period.reading}" if period.reading else "")
        self.reading.setVisible(bool(period.reading))

    def work(self) -> Callable[[], CaseClock]:
        party_id = self.party.currentData()
        if party_id is None:
            raise ValidationError(self.tr("This case has no party."), {"party_id": self.tr("no party")})
        db, case_id, published, abroad = self._db, self._case_id, to_date(self.published_on), self.abroad.isChecked()
        document, note, today = self.document.text(), self.note.text(), self._today
        return lambda: clocks.record_public_notice(db, case_id, int(party_id), published, abroad=abroad,
                                                   document=document, note=note, today=today)

    def _list_parties(self, case: CaseDetail) -> None:
        for p in sorted(case.parties, key=lambda p: p.role != PartyRole.RESPONDENT):
            self.party.addItem(f"{lang.label(p.role)}：{p.name}", p.id)


class ExtensionDialog(RecordDialog):
    """延长审理期限: the written approval of at most fifteen more days (法 43)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Extension — {number}").format(number=number))
        self.intro.setText(self.tr("Complicated cases may be extended by at most fifteen days with "
                                   "the written approval of the commission's chair, given before "
                                   "the forty-five days run out (on a last day moved past a rest day, "
                                   "that day still counts)."))
        self.approved_by = QLineEdit()
        self.approved_by.setPlaceholderText(self.tr("Name and title of the person who approved"))
        self.approved_on = _limited_date_edit(today)
        self.add_field("approved_by", self.tr("Approved by"), self.approved_by)
        self.add_field("approved_on", self.tr("Approved on"), self.approved_on)

    def work(self) -> Callable[[], CaseClock]:
        db, case_id, who, on, today = self._db, self._case_id, self.approved_by.text(), to_date(self.approved_on), \
            self._today
        stands = self.extension_stands()
        return lambda: clocks.approve_extension(db, case_id, who, on, extension_stands=stands, today=today)


class RecountDialog(RecordDialog):
    """重新计算期限: an event of 规则 46 after which a period starts again (or, for item 七, is left out)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Count afresh — {number}").format(number=number))
        self.intro.setText(self.tr("The period is counted again from the day of the event. A re-count "
                                   "after the period has run out cannot revive it. Suspension and public "
                                   "notice are recorded with their own buttons."))
        self.recount_item = QComboBox()
        for event in RECOUNT_EVENTS:
            if event.restarts == "none":
                continue
            self.recount_item.addItem(event.reason_text, event.code)
            self.recount_item.setItemData(self.recount_item.count() - 1, event.basis, Qt.ItemDataRole.ToolTipRole)
        self.start_hint = _hint()
        # Item 七: the law the clerk relies on may count afresh or leave days out.
        self.restart_mode = QRadioButton(self.tr("Count afresh from this day"))
        self.exclude_mode = QRadioButton(self.tr("Leave the days out of the time limit"))
        self.restart_mode.setChecked(True)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.restart_mode)
        self.modes.addButton(self.exclude_mode)
        self.mode_hint = _hint()
        self.mode_hint.setText(f"{READING_MARK} {lang.text(READINGS['art46_7'].full_text)}")
        self.mode_box = QWidget()
        mode_layout = QVBoxLayout(self.mode_box)
        mode_layout.setContentsMargins(0, 0, 0, 0)
        mode_layout.addWidget(self.restart_mode)
        mode_layout.addWidget(self.exclude_mode)
        mode_layout.addWidget(self.mode_hint)
        self.restart_date = _limited_date_edit(today)
        self.ended = QCheckBox(self.tr("Already over, last day:"))
        self.end = _limited_date_edit(today)
        self.end.setEnabled(False)
        self.ended.toggled.connect(self.end.setEnabled)
        self.end_row = QWidget()
        end_layout = QHBoxLayout(self.end_row)
        end_layout.setContentsMargins(0, 0, 0, 0)
        end_layout.addWidget(self.ended)
        end_layout.addWidget(self.end)
        end_layout.addStretch(1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("For example: the applicant added a claim for overtime pay"))
        self.add_field("reason", self.tr("Event"), self.recount_item, extra=self.start_hint)
        self.form.addRow(self.tr("Item 7"), self.mode_box)
        self.add_field("restart_date", self.tr("Counted again from"), self.restart_date)
        self.add_field("end", self.tr("Left out until"), self.end_row)
        self.add_field("note", self.tr("Details"), self.note)
        self.recount_item.currentIndexChanged.connect(self._event_changed)
        self.modes.buttonToggled.connect(lambda *_: self._event_changed())
        self._event_changed()

    def _row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _event_changed(self) -> None:
        code = self.recount_item.currentData()
        event = next((e for e in RECOUNT_EVENTS if e.code == code), None)
        if event is not None:
            self.start_hint.setText(f"{event.start_zh}（{event.basis}）")
        seventh = code == "七"
        excluding = seventh and self.exclude_mode.isChecked()
        self._row_visible(self.mode_box, seventh)
        self._row_visible(self._feedback["end"].container, excluding)
        label = self.form.labelForField(self._feedback["restart_date"].container)
        if isinstance(label, QLabel):
            label.setText(self.tr("Left out from") if excluding else self.tr("Counted again from"))

    def work(self) -> Callable[[], Any]:
        db, case_id, day, note, today = self._db, self._case_id, to_date(self.restart_date), self.note.text(), \
            self._today
        code = str(self.recount_item.currentData() or "")
        if code == "七" and self.exclude_mode.isChecked():
            end = to_date(self.end) if self.ended.isChecked() else None
            text = "法律、法规规定不计入审理期限的其他情形" + (f"：{note.strip()}" if note.strip() else "")

            def exclude() -> CaseClock:
                clocks.add_suspension(db, case_id, day, end, text, today=today)
                return clocks.case_clock(db, case_id, today)
            return exclude
        stands = self.extension_stands()
        return lambda: clocks.record_recount(db, case_id, day, code, note=note, extension_stands=stands,
                                             today=today)


class ServiceDialog(RecordDialog):
    """送达申请书副本: when a respondent received the application copy (its defence period starts)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Service of the application copy — {number}").format(number=number))
        self.intro.setText(self.tr("The date the respondent received it: the date signed on the "
                                   "proof of service, or the postal receipt date. Each respondent's "
                                   "defence period runs from its own receipt."))
        self.party = QComboBox()
        self.read_case([self.party], self._list_respondents)
        self.document = QComboBox()
        self.document.setEditable(True)
        self.document.addItems(list(APPLICATION_DOCUMENTS))
        self.method = QComboBox()
        # Public notice has its own dialog, which computes the notice period.
        add_members(self.method, [m for m in ServiceMethod if m != ServiceMethod.PUBLIC_NOTICE])
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

    def work(self) -> Callable[[], clocks.ServiceData]:
        party_id = self.party.currentData()
        if party_id is None:
            raise ValidationError(self.tr("This case has no respondent to serve the application on."),
                                  {"party_id": self.tr("no respondent")})
        db, case_id, document = self._db, self._case_id, self.document.currentText()
        method = current_member(self.method, ServiceMethod) or ServiceMethod.DIRECT
        served, signer, confirmed, note, today = (to_date(self.served_on), self.signed_by.text(),
                                                  self.confirmed.isChecked(), self.note.text(), self._today)
        return lambda: clocks.record_service(db, case_id, int(party_id), document, method, served, signer,
                                             confirmed, note=note, today=today)

    def _list_respondents(self, case: CaseDetail) -> None:
        for p in case.parties:
            if p.role != PartyRole.APPLICANT:
                self.party.addItem(f"{lang.label(p.role)}：{p.name}", p.id)


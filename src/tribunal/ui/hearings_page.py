"""The hearings page (开庭排期): month, week and day views of the hearings, and the chosen hearing.

Hearings are coloured by circuit tribunal (each stationed in one development zone); a click
shows the hearing beside the calendar with its actions. From here the clerk schedules a new
hearing (Ctrl+N, or a double-click on a day) and exports any date range, or one person's
hearings, to an .ics file for Outlook or a phone calendar.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import StaffRole
from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.errors import NotFound, TribunalError
from tribunal.services import hearings, ics, reference
from tribunal.services import legal_calendar as calendar_service
from tribunal.services.app import Database
from tribunal.services.hearings import HearingDetail, HearingRow
from tribunal.services.reference import StaffRow, TribunalRow
from tribunal.ui import lang, msgbox, ops, window_state
from tribunal.ui.calendar_views import (
    DEFAULT_COLOUR,
    DayListRow,
    DayListView,
    MonthView,
    WeekView,
    tint,
    weekday_text,
)
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.feedback import FORM_STYLE
from tribunal.ui.hearing_detail import HearingDetailPane
from tribunal.ui.hearing_dialog import HearingDialog
from tribunal.ui.ops import Changes

VIEW_MONTH = 0
VIEW_WEEK = 1
VIEW_DAY = 2
STATE_KEY = "hearings"
#: Where a hearing scheduled from a double-clicked day starts.
DEFAULT_START = dt.time(9, 30)


def choose_save_file(parent: QWidget | None, title: str, suggested: str, name_filter: str) -> str | None:
    """Ask where to save a file; None when the clerk cancelled (tests replace this function)."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    return path or None


class ExportIcsDialog(QDialog):
    """导出日历: a date range, and optionally only the hearings one person sits in."""

    def __init__(self, first: dt.date, last: dt.date, staff: list[StaffRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export to a calendar file"))
        self.setStyleSheet(FORM_STYLE)
        intro = QLabel(self.tr("The hearings are written to an .ics file that Outlook, Thunderbird and "
                               "phone calendars can import. No ID or phone numbers and no party names "
                               "are written."))
        intro.setWordWrap(True)
        self.date_from = make_date_edit(first)
        self.date_to = make_date_edit(last)
        self.only_one = QCheckBox(self.tr("Only the hearings of"))
        self.person = QComboBox()
        for person in staff:
            self.person.addItem(f"{person.name}（{lang.label(person.role)}）", person.id)
        self.person.setEnabled(False)
        self.only_one.toggled.connect(self.person.setEnabled)
        person_row = QHBoxLayout()
        person_row.addWidget(self.only_one)
        person_row.addWidget(self.person, 1)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow("", person_row)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Choose file and export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 32)

    def values(self) -> tuple[dt.date, dt.date, int | None]:
        staff_id = self.person.currentData() if self.only_one.isChecked() else None
        return to_date(self.date_from), to_date(self.date_to), staff_id

    @classmethod
    def ask(cls, parent: QWidget | None, first: dt.date, last: dt.date,
            staff: list[StaffRow]) -> tuple[dt.date, dt.date, int | None] | None:
        """The range and person chosen, or None when cancelled."""
        dialog = cls(first, last, staff, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()


@dataclass(frozen=True)
class _Period:
    """What the background read of one period answers with."""

    view: int
    anchor: dt.date
    first: dt.date
    last: dt.date
    calendar: LegalCalendar | None
    rows: list[HearingRow]
    details: dict[int, HearingDetail]


class HearingsPage(QWidget):
    """开庭排期: the calendar of hearings and the hearing chosen in it.

    Signals:
        hearings_changed(): a hearing was scheduled, changed, postponed, cancelled or held.
    """

    hearings_changed = Signal()
    #: 邀请旁听… was pressed in the hearing pane (the hearing's id).
    invite_requested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        self._today = today or dt.date.today
        #: The case selected on the 案件 page, if one can be scheduled (set by the main window).
        self.case_to_schedule: Callable[[], int | None] = lambda: None
        self._anchor = self._today()
        self._loaded = False
        self._tribunals: list[TribunalRow] = []
        self._staff: list[StaffRow] = []
        self._calendar: LegalCalendar | None = None
        self.rows: list[HearingRow] = []

        # --- toolbar
        self.new_button = QPushButton(self.tr("Schedule a hearing"))
        self.new_button.setToolTip(self.tr("Schedule a new hearing (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_hearing)
        self.today_button = QPushButton(self.tr("Today"))
        self.previous_button = QPushButton("‹")
        self.next_button = QPushButton("›")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(self.fontMetrics().horizontalAdvance("‹") + 28)
        self.previous_button.setToolTip(self.tr("Earlier"))
        self.next_button.setToolTip(self.tr("Later"))
        self.today_button.clicked.connect(lambda: self.go_to(self._today()))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period_label = QLabel()
        font = self.period_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.period_label.setFont(font)
        self.view_buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for index, text in ((VIEW_MONTH, self.tr("Month")), (VIEW_WEEK, self.tr("Week")),
                            (VIEW_DAY, self.tr("Day list"))):
            button = QPushButton(text)
            button.setCheckable(True)
            self.view_buttons.addButton(button, index)
            switch.addWidget(button)
        self.view_buttons.button(VIEW_MONTH).setChecked(True)
        self.view_buttons.idClicked.connect(self.set_view)
        self.tribunal = QComboBox()
        self.tribunal.addItem(self.tr("All circuit tribunals"), None)
        self.tribunal.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton(self.tr("Export calendar…"))
        self.export_button.setToolTip(self.tr("Save hearings as an .ics file for Outlook or a phone"))
        self.export_button.clicked.connect(self.export_calendar)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.today_button)
        toolbar.addWidget(self.previous_button)
        toolbar.addWidget(self.next_button)
        toolbar.addWidget(self.period_label)
        toolbar.addStretch(1)
        toolbar.addLayout(switch)
        toolbar.addWidget(self.tribunal)
        toolbar.addWidget(self.export_button)
        self.legend = QHBoxLayout()
        self.legend.setSpacing(14)

        # --- views and the chosen hearing
        self.month_view = MonthView()
        self.week_view = WeekView()
        self.day_list = DayListView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month_view)
        self.stack.addWidget(self.week_view)
        self.stack.addWidget(self.day_list)
        for view in (self.month_view, self.week_view, self.day_list):
            view.hearing_opened.connect(self.open_hearing)
        self.month_view.day_opened.connect(self.open_day)
        self.week_view.day_opened.connect(self.open_day)
        self.month_view.new_hearing_requested.connect(self._new_on_day)
        self.month_view.day_note = self._day_note
        self.week_view.day_note = self._day_note
        self.detail = HearingDetailPane(db, today=self._today)
        self.detail.hearing_changed.connect(self._hearing_changed)
        self.detail.invite_requested.connect(self.invite_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        if not window_state.restore_splitter(STATE_KEY, self.splitter):
            self.splitter.setSizes([780, 420])

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("errorSummary")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(self.legend)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.setStyleSheet(FORM_STYLE)

    # ------------------------------------------------------------------ page protocol

    def _keep_in_step(self) -> None:
        """Broadcast this page's changes; show what other pages and workstations change."""
        self.hearings_changed.connect(
            lambda: ops.broadcast(Changes.HEARINGS | Changes.CASES | Changes.CLOCKS, self))
        ops.subscribe(self, Changes.HEARINGS | Changes.CASES | Changes.INVITATIONS | Changes.SETTINGS
                      | Changes.CALENDAR, self._changed_elsewhere, ignore_own=True)

    def _changed_elsewhere(self) -> None:
        self.refresh()
        if self.detail.hearing_id() is not None:
            self.detail.show_hearing(self.detail.hearing_id())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Later changes (check-in, other pages, other workstations) arrive through the change bus.
        if not self._loaded:
            self.load()

    def focus_search(self) -> None:
        """Ctrl+F here: the circuit-tribunal filter."""
        self.tribunal.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def create_item(self) -> None:
        """Ctrl+N: schedule a hearing."""
        self.new_hearing()

    def save_state(self) -> None:
        window_state.save_splitter(STATE_KEY, self.splitter)

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        """Read the tribunals and staff (in the background), then the hearings of the period shown."""
        self._loaded = True
        db = self._db

        def work() -> tuple[list[TribunalRow], list[StaffRow]]:
            return reference.list_tribunals(db), reference.list_staff(db, active_only=False)

        ops.run_read(self, work, self._show_reference, on_failed=lambda e: self._say(lang.text(e.message)),
                     key="reference")

    def _show_reference(self, answer: tuple[list[TribunalRow], list[StaffRow]]) -> None:
        self._tribunals = answer[0]
        self._staff = [s for s in answer[1] if s.role in (StaffRole.ARBITRATOR, StaffRole.CLERK)]
        chosen = self.tribunal.currentData()
        self.tribunal.blockSignals(True)
        while self.tribunal.count() > 1:
            self.tribunal.removeItem(1)
        for t in self._tribunals:
            self.tribunal.addItem(t.name, t.id)
        index = self.tribunal.findData(chosen)
        self.tribunal.setCurrentIndex(max(index, 0))
        self.tribunal.blockSignals(False)
        colours = {t.id: t.colour or DEFAULT_COLOUR for t in self._tribunals}
        names = {t.id: t.name for t in self._tribunals}
        self.month_view.set_tribunals(colours, names)
        self.week_view.set_tribunals(colours, names)
        self._fill_legend(colours, names)
        self.refresh()

    def _fill_legend(self, colours: dict[int, str], names: dict[int, str]) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for tribunal_id, name in names.items():
            swatch = QLabel(name)
            colour = colours[tribunal_id]
            swatch.setStyleSheet(f"background: {tint(colour).name()}; border-left: 5px solid {colour}; "
                                 "padding: 2px 6px;")
            # The style's border and padding are not in the label's own size: make room for them.
            swatch.setMinimumWidth(self.fontMetrics().horizontalAdvance(name) + 24)
            self.legend.addWidget(swatch)
        hint = QLabel(self.tr("Click a hearing to open it; double-click a day to schedule one."))
        hint.setProperty("feedback", "hint")
        self.legend.addWidget(hint)
        self.legend.addStretch(1)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _day_note(self, day: dt.date) -> tuple[str, bool]:
        """The holiday name shown on a day, and whether it is a rest day."""
        cal = self._calendar
        if cal is None:
            return "", day.weekday() >= 5
        try:
            name = cal.day_name(day) or ""
            rest = cal.is_rest_day(day)
        except UnknownYearError:
            return "", day.weekday() >= 5
        if name.endswith("调休上班"):
            name = self.tr("make-up working day")
        return name, rest

    # ------------------------------------------------------------------ the period shown

    def view_index(self) -> int:
        return self.stack.currentIndex()

    def set_view(self, index: int) -> None:
        """Show the month (VIEW_MONTH), week (VIEW_WEEK) or day list (VIEW_DAY)."""
        self.stack.setCurrentIndex(index)
        button = self.view_buttons.button(index)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self.refresh()

    def go_to(self, day: dt.date) -> None:
        """Show the period containing ``day``."""
        self._anchor = day
        self.refresh()

    def step(self, direction: int) -> None:
        """One month, week or day earlier (-1) or later (+1)."""
        index = self.view_index()
        if index == VIEW_MONTH:
            month = self._anchor.month - 1 + direction
            self._anchor = dt.date(self._anchor.year + month // 12, month % 12 + 1, 1)
            today = self._today()
            if (today.year, today.month) == (self._anchor.year, self._anchor.month):
                self._anchor = today  # so that the week view then opens on this week
        elif index == VIEW_WEEK:
            self._anchor += dt.timedelta(days=7 * direction)
        else:
            self._anchor += dt.timedelta(days=direction)
        self.refresh()

    def open_day(self, day: dt.date) -> None:
        """Show the day list of ``day``."""
        self._anchor = day
        self.set_view(VIEW_DAY)

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day of what the current view shows."""
        index = self.view_index()
        if index == VIEW_MONTH:
            self.month_view.set_month(self._anchor)
            return self.month_view.period()
        if index == VIEW_WEEK:
            self.week_view.set_week(self._anchor)
            return self.week_view.period()
        return self._anchor, self._anchor

    def refresh(self) -> None:
        """Read the hearings of the period shown again (in the background); the views follow."""
        if not self._loaded:
            return
        self._say("")
        first, last = self.period()
        index, anchor = self.view_index(), self._anchor
        db, tribunal_id = self._db, self.tribunal.currentData()

        def work() -> _Period:
            try:
                calendar: LegalCalendar | None = calendar_service.calendar(db)
            except TribunalError:
                calendar = None
            rows = hearings.list_hearings(db, first, last, tribunal_id=tribunal_id)
            # The day list names each hearing's panel and clerk: read here, not on the GUI thread.
            details: dict[int, HearingDetail] = {}
            for row in rows if index == VIEW_DAY else ():
                with contextlib.suppress(NotFound):  # cancelled and removed meanwhile
                    details[row.id] = hearings.get_hearing(db, row.id)
            return _Period(index, anchor, first, last, calendar, rows, details)

        ops.run_read(self, work, self._show_period, on_failed=self._period_failed, key="period")

    def _period_failed(self, error: TribunalError) -> None:
        self.rows = []
        self._say(lang.text(error.message))

    def _show_period(self, period: _Period) -> None:
        if (period.view, period.anchor) != (self.view_index(), self._anchor):
            return  # the clerk moved on meanwhile; the newer read answers
        self._calendar = period.calendar
        self.rows = period.rows
        today = self._today()
        if period.view == VIEW_MONTH:
            self.month_view.set_today(today)
            self.month_view.set_hearings(self.rows)
            self.period_label.setText(self.tr("{year}-{month:02d}").format(
                year=self._anchor.year, month=self._anchor.month))
        elif period.view == VIEW_WEEK:
            self.week_view.set_today(today)
            self.week_view.set_hearings(self.rows)
            self.period_label.setText(f"{period.first.isoformat()} – {period.last.isoformat()}")
        else:
            self.day_list.show_tribunal_column(self.tribunal.currentData() is None)
            self.day_list.set_rows(self._anchor, self._day_rows(self.rows, period.details))
            self.period_label.setText(f"{self._anchor.isoformat()} {weekday_text(self._anchor)}")

    def _day_rows(self, rows: list[HearingRow], details: dict[int, HearingDetail]) -> list[DayListRow]:
        names = {t.id: t.name for t in self._tribunals}
        order: dict[int | None, int] = {t.id: i for i, t in enumerate(self._tribunals)}
        # Per circuit tribunal, then by time: the list each tribunal prints for its day.
        ordered = sorted(rows, key=lambda r: (order.get(r.tribunal_id, len(order)), r.starts_at, r.id))
        out = []
        for row in ordered:
            detail = details.get(row.id)
            if detail is None:
                continue
            panel = "、".join(p.name for p in detail.panel)
            tribunal = names.get(row.tribunal_id, "") if row.tribunal_id is not None else ""
            out.append(DayListRow(row.id, row.starts_at, row.ends_at, tribunal, row.case_number,
                                  lang.label(row.case_type), row.venue, panel, detail.clerk_name,
                                  row.public, row.status))
        return out

    # ------------------------------------------------------------------ hearings

    def open_hearing(self, hearing_id: int) -> None:
        """Show ``hearing_id`` beside the calendar."""
        self.detail.show_hearing(hearing_id)

    def _hearing_changed(self, _hearing_id: int) -> None:
        self.refresh()
        self.hearings_changed.emit()

    def _new_on_day(self, day: dt.date) -> None:
        self.new_hearing(start=dt.datetime.combine(day, DEFAULT_START))

    def new_hearing(self, *, case_id: int | None = None, start: dt.datetime | None = None) -> HearingDetail | None:
        """Open the scheduling dialog; show the new hearing once saved.

        Without ``case_id`` the dialog starts from the case selected on the 案件 page, when a
        hearing can be scheduled for it (``case_to_schedule``, set by the main window).
        """
        if case_id is None:
            case_id = self.case_to_schedule()
        saved = HearingDialog.ask(self, self._db, case_id=case_id, start=start, today=self._today)
        if saved is None:
            return None
        self._anchor = saved.starts_at.date()
        self.refresh()
        self.open_hearing(saved.id)
        self.hearings_changed.emit()
        return saved

    # ------------------------------------------------------------------ .ics

    def export_calendar(self) -> Path | None:
        """Ask for a range (and person) and a file, and write the hearings as an .ics calendar."""
        first, last = self.period()
        people = [s for s in self._staff if s.active] or self._staff
        chosen = ExportIcsDialog.ask(self, first, last, people)
        if chosen is None:
            return None
        date_from, date_to, staff_id = chosen
        suggested = str(Path.home() / f"开庭排期_{date_from:%Y%m%d}-{date_to:%Y%m%d}.ics")
        path = choose_save_file(self, self.tr("Save calendar file"), suggested,
                                self.tr("Calendar files (*.ics)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        db = self._db
        try:
            # The save dialog has asked before replacing a file: the clerk confirmed. The page
            # waits for the file (the window drawing on) to say how many hearings it holds.
            data = ops.call(self, lambda: ics.export_ics(db, target, date_from, date_to, staff_id, force=True))
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        count = data.count(b"BEGIN:VEVENT")
        msgbox.information(self, self.tr("Calendar exported"),
                           self.tr("{count} hearing(s) written to {name}.").format(count=count, name=target.name),
                           str(target))
        return target

    def select_day(self, day: dt.date) -> None:
        """Show ``day`` in the current view (for the dashboard and tests)."""
        self.go_to(day)

    def anchor(self) -> dt.date:
        return self._anchor

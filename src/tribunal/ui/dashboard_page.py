"""The dashboard (工作台): today's figures from the case register and the most common actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseStatus
from tribunal.errors import TribunalError
from tribunal.services import cases as case_service
from tribunal.services import clocks, legal_calendar, reports
from tribunal.services.app import Database
from tribunal.services.cases import CaseFilter
from tribunal.services.clocks import DueOverview, DueRow
from tribunal.services.reports import DashboardFigures
from tribunal.ui import lang, ops
from tribunal.ui.clock_widgets import state_colour, state_text
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import Column, RowsModel, make_table, set_column_widths

#: Names of the figures, also passed with :attr:`DashboardPage.figure_opened`.
FIGURE_OPEN = "open"
FIGURE_RECEIVED_THIS_MONTH = "received_this_month"
FIGURE_CLOSED_THIS_YEAR = "closed_this_year"
#: This month's circuit figures (keys of the report's figure lists), and the dates due this week.
MONTH_SESSIONS = "sessions"
MONTH_OBSERVERS = "observers"
MONTH_MEDIATION = "mediation_rate"
DUE_THIS_WEEK = "due_this_week"

_CARD_STYLE = """
QFrame#figureCard { background: palette(base); border: 1px solid #c8ccd0; border-radius: 6px; }
QLabel#figureNumber { color: #1f4e79; }
QFrame#calendarBanner { background: #fdecea; border: 2px solid #b3261e; border-radius: 4px; }
QLabel#calendarBannerText { color: #b3261e; font-weight: bold; }
"""

# The dashboard's deadline lists (本周到期, 已超期): one row per date due, opening its case.
_DUE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DashboardPage", "Due"), lambda r: r.due.isoformat()),
    Column(QT_TRANSLATE_NOOP("DashboardPage", "State"), lambda r: state_text(r.state),
           foreground=lambda r: state_colour(r.state)),
    Column(QT_TRANSLATE_NOOP("DashboardPage", "Case number"), lambda r: r.case_number,
           tooltip=lambda r: r.case_number),
    Column(QT_TRANSLATE_NOOP("DashboardPage", "What is due"), lambda r: lang.text(r.label_zh),
           tooltip=lambda r: lang.text(r.note) or None),
    Column(QT_TRANSLATE_NOOP("DashboardPage", "Parties"), lambda r: lang.versus(r.applicants, r.respondents),
           tooltip=lambda r: lang.versus(r.applicants, r.respondents)),
)


def _due_key(row: DueRow) -> tuple[int, str]:
    return row.case_id, row.key


def figure_filters(today: dt.date) -> dict[str, CaseFilter]:
    """The case-list filter behind each dashboard figure."""
    return {
        FIGURE_OPEN: CaseFilter(open_only=True),
        FIGURE_RECEIVED_THIS_MONTH: CaseFilter(received_from=today.replace(day=1), received_to=today),
        FIGURE_CLOSED_THIS_YEAR: CaseFilter(status=CaseStatus.CLOSED, closed_from=today.replace(month=1, day=1)),
    }


class DashboardPage(QWidget):
    """工作台: how many cases are open, came in this month and were closed this year.

    Signals:
        new_case_requested(): the clerk pressed "Register new case" (or Ctrl+N here).
        find_case_requested(): the clerk pressed "Find a case" (or Ctrl+F here).
        figure_opened(str): the clerk asked to list the cases behind a figure (FIGURE_*).
        month_figure_opened(str): the clerk asked for the list behind one of this month's
            circuit figures (MONTH_*: a key of the report's figure lists).
        case_opened(int): the clerk opened a case from a deadline list (its id).
        calendar_changed(): a holiday schedule was imported from the banner.
    """

    new_case_requested = Signal()
    find_case_requested = Signal()
    figure_opened = Signal(str)
    month_figure_opened = Signal(str)
    case_opened = Signal(int)
    calendar_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        #: The day the deadline lists are reckoned from (tests set a fixed day).
        self.today: Callable[[], dt.date] = dt.date.today
        self.overview: DueOverview | None = None
        self.month_figures: DashboardFigures | None = None
        self.missing_years: list[int] = []
        self.setStyleSheet(_CARD_STYLE)
        self.greeting = QLabel()
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.greeting.setFont(font)
        self.greeting.setWordWrap(True)
        self.today_label = QLabel()

        self.numbers: dict[str, QLabel] = {}
        cards = QGridLayout()
        cards.setHorizontalSpacing(16)
        captions = {
            FIGURE_OPEN: (self.tr("Open cases"), self.tr("Cases not yet closed")),
            FIGURE_RECEIVED_THIS_MONTH: (self.tr("Received this month"),
                                         self.tr("Cases received since the 1st of this month")),
            FIGURE_CLOSED_THIS_YEAR: (self.tr("Closed this year"),
                                      self.tr("Cases closed since 1 January, whenever received")),
        }
        for column, (key, (title, explanation)) in enumerate(captions.items()):
            cards.addWidget(self._card(key, title, explanation), 0, column)
            cards.setColumnStretch(column, 1)
        month = {
            MONTH_SESSIONS: (self.tr("Sessions on site this month"),
                             self.tr("Days at an enterprise with a hearing held (a day at one enterprise "
                                     "is one session)")),
            MONTH_OBSERVERS: (self.tr("Observers this month"),
                              self.tr("Person-times checked in at hearings at enterprises")),
            MONTH_MEDIATION: (self.tr("Mediation rate this month"),
                              self.tr("Circuit cases mediated ÷ (mediated + awarded), closed this month")),
            DUE_THIS_WEEK: (self.tr("Due this week"),
                            self.tr("Statutory dates of open cases falling in the next seven days")),
        }
        month_cards = QGridLayout()
        month_cards.setHorizontalSpacing(16)
        for column, (key, (title, explanation)) in enumerate(month.items()):
            month_cards.addWidget(self._card(key, title, explanation, month=True), 0, column)
            month_cards.setColumnStretch(column, 1)

        self.new_case_button = QPushButton(self.tr("Register new case"))
        self.find_case_button = QPushButton(self.tr("Find a case"))
        for button in (self.new_case_button, self.find_case_button):
            button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.new_case_button.setToolTip(self.tr("Ctrl+N"))
        self.find_case_button.setToolTip(self.tr("Ctrl+F"))
        self.new_case_button.clicked.connect(self.new_case_requested)
        self.find_case_button.clicked.connect(self.find_case_requested)
        # The quick actions sit beside the greeting: the page fits a 1366×768 screen.
        quick = QHBoxLayout()
        quick.addWidget(self.greeting, 1)
        quick.addWidget(self.new_case_button)
        quick.addWidget(self.find_case_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self._build_calendar_banner()
        due = self._build_due_lists()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(quick)
        layout.addWidget(self.today_label)
        layout.addLayout(cards)
        layout.addLayout(month_cards)
        layout.addWidget(self.message)
        layout.addWidget(self.calendar_banner)
        layout.addLayout(due, 1)
        # Notices due from the clocks, with one button for all of them and their receipts.
        from tribunal.ui.due_notices_box import DueNoticesBox

        self.notices_box = DueNoticesBox(db)
        self.notices_box.today = lambda: self.today()
        self.notices_box.case_opened.connect(self.case_opened)
        layout.addWidget(self.notices_box, 1)
        # On a short screen the page scrolls rather than squeezing the deadline lists.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _keep_in_step(self) -> None:
        """Broadcast a legal calendar loaded from the dashboard's banner (the main window refreshes it)."""
        self.calendar_changed.connect(lambda: ops.broadcast(Changes.CALENDAR | Changes.CLOCKS, self))

    def _build_calendar_banner(self) -> None:
        """The loud notice that a year's holidays are missing, with the way to import them."""
        self.calendar_banner = QFrame()
        self.calendar_banner.setObjectName("calendarBanner")
        self.calendar_banner_text = QLabel()
        self.calendar_banner_text.setObjectName("calendarBannerText")
        self.calendar_banner_text.setWordWrap(True)
        self.import_calendar_button = QPushButton(self.tr("Import holiday schedule…"))
        self.import_calendar_button.clicked.connect(self.import_calendar)
        box = QHBoxLayout(self.calendar_banner)
        box.setContentsMargins(10, 6, 10, 6)
        box.addWidget(self.calendar_banner_text, 1)
        box.addWidget(self.import_calendar_button)
        self.calendar_banner.hide()

    def _due_table(self) -> tuple[RowsModel, QTableView]:
        model = RowsModel("DashboardPage", _DUE_COLUMNS, key=_due_key, parent=self)
        view = make_table(model, empty_text=self.tr("Nothing here. Deadlines of open cases are "
                                                    "listed as they come near."))
        set_column_widths(view, {0: "2026-11-29", 1: "即将到期", 2: "邵劳人仲案字〔2026〕第24号",
                                 3: "延期开庭申请最迟提出日"})
        view.setToolTip(self.tr("Double-click or press Enter to open the case"))
        view.activated.connect(lambda index, m=model: self._due_activated(m, index))
        return model, view

    def _build_due_lists(self) -> QVBoxLayout:
        self.due_model, self.due_view = self._due_table()
        self.overdue_model, self.overdue_view = self._due_table()
        self.due_box = QGroupBox()
        self.overdue_box = QGroupBox()
        for box, view in ((self.due_box, self.due_view), (self.overdue_box, self.overdue_view)):
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            inner.addWidget(view)
        self._set_due_titles()
        # One above the other, each the full width: the deadline's name is never cut off.
        lists = QVBoxLayout()
        lists.setSpacing(12)
        for box, view in ((self.due_box, self.due_view), (self.overdue_box, self.overdue_view)):
            view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 5
                                  + view.horizontalHeader().sizeHint().height() + 4)
            lists.addWidget(box, 1)
        return lists

    def _set_due_titles(self, due: int | None = None, overdue: int | None = None) -> None:
        if due is None:
            self.due_box.setTitle(self.tr("Due this week"))
            self.overdue_box.setTitle(self.tr("Overdue"))
            return
        self.due_box.setTitle(self.tr("Due this week ({count})").format(count=due))
        self.overdue_box.setTitle(self.tr("Overdue ({count})").format(count=overdue))

    def _due_activated(self, model: RowsModel, index: QModelIndex) -> None:
        row = model.row(index.row())
        if row is not None:
            self.case_opened.emit(row.case_id)

    def _card(self, key: str, title: str, explanation: str, *, month: bool = False) -> QFrame:
        card = QFrame()
        card.setObjectName("figureCard")
        number = QLabel("—")
        number.setObjectName("figureNumber")
        font = number.font()
        font.setPointSizeF(font.pointSizeF() * (1.8 if month else 2.4))
        font.setBold(True)
        number.setFont(font)
        self.numbers[key] = number
        caption = QLabel(title)
        bold = caption.font()
        bold.setBold(True)
        caption.setFont(bold)
        note = QLabel(explanation)
        note.setWordWrap(True)
        note.setProperty("feedback", "hint")
        if month:
            # Compact: the explanation is the tooltip, the figure itself is the button.
            card.setToolTip(explanation)
            show = QPushButton(self.tr("Show the list"))
            show.clicked.connect(lambda: self.open_month_figure(key))
            row = QHBoxLayout()
            row.addWidget(number)
            row.addStretch(1)
            row.addWidget(show, alignment=Qt.AlignmentFlag.AlignBottom)
            box = QVBoxLayout(card)
            box.addWidget(caption)
            box.addLayout(row)
            return card
        show = QPushButton(self.tr("Show these cases"))
        show.clicked.connect(lambda: self.figure_opened.emit(key))
        box = QVBoxLayout(card)
        box.addWidget(caption)
        box.addWidget(number)
        box.addWidget(note)
        box.addWidget(show, alignment=Qt.AlignmentFlag.AlignLeft)
        return card

    def open_month_figure(self, key: str) -> None:
        """The list behind a figure of the month: the due dates are listed right here below."""
        if key == DUE_THIS_WEEK:
            self.due_view.setFocus()
            if self.due_model.rowCount():
                self.due_view.selectRow(0)
            return
        self.month_figure_opened.emit(key)

    # ------------------------------------------------------------------ page protocol

    def focus_search(self) -> None:
        """Ctrl+F on the dashboard: go and find a case."""
        self.find_case_requested.emit()

    def create_item(self) -> None:
        """Ctrl+N on the dashboard: register a new case."""
        self.new_case_requested.emit()

    def refresh(self, *, clerk: str = "", commission: str = "") -> None:
        """Count the cases again (after start-up and whenever a case is saved)."""
        if clerk or commission:
            who = clerk or self.tr("colleague")
            self.greeting.setText(self.tr("Hello, {name}").format(name=who)
                                  + (f"　·　{commission}" if commission else ""))
        today = dt.date.today()
        self.today_label.setText(self.tr("Today is {date}").format(date=lang.long_date_text(today)))
        db, filters = self._db, figure_filters(today)
        ops.run_read(self, lambda: {key: case_service.count_cases(db, f) for key, f in filters.items()},
                     self._show_counts, on_failed=lambda e: self.message.setText(lang.text(e.message)),
                     key="counts")
        self.refresh_month()
        self.refresh_due()

    def _show_counts(self, counts: dict[str, int]) -> None:
        for key, count in counts.items():
            self.numbers[key].setText(str(count))
        self.message.clear()

    # ------------------------------------------------------------------ this month's circuit figures

    def refresh_month(self) -> None:
        """This month's sessions, observers and mediation rate, counted in the background."""
        db, day = self._db, self.today()
        ops.run_read(self, lambda: reports.dashboard_figures(db, today=day), self.show_month,
                     on_failed=self._due_failed, key="month")

    def show_month(self, figures: DashboardFigures) -> None:
        """Fill the month's cards."""
        self.month_figures = figures
        self.numbers[MONTH_SESSIONS].setText(str(figures.sessions))
        self.numbers[MONTH_OBSERVERS].setText(str(figures.observers))
        rate = figures.mediation_rate
        self.numbers[MONTH_MEDIATION].setText("—" if rate is None else f"{rate:.0%}")

    # ------------------------------------------------------------------ deadlines

    def refresh_due(self) -> None:
        """Work out the deadline lists again, in the background (seconds on a big register)."""
        day = self.today()
        db = self._db

        def work() -> tuple[DueOverview, list[int]]:
            overview = clocks.due_overview(db, day)
            missing = set(overview.unknown_years)
            loaded = {y.year for y in legal_calendar.years(db)}
            if day.year not in loaded:
                missing.add(day.year)
            return overview, sorted(missing)

        self._set_due_titles()
        ops.run_read(self, work, self.show_due, on_failed=self._due_failed, key="due")
        self.notices_box.refresh()

    def show_due(self, result: tuple[DueOverview, list[int]]) -> None:
        """Fill the two lists and the holiday banner from a computed overview."""
        overview, missing = result
        self.overview = overview
        self.missing_years = list(missing)
        self.due_model.set_rows(overview.due_this_week)
        self.overdue_model.set_rows(overview.overdue)
        self._set_due_titles(len(overview.due_this_week), len(overview.overdue))
        self.numbers[DUE_THIS_WEEK].setText(str(len(overview.due_this_week)))
        if missing:
            years = "、".join(str(y) for y in missing)
            self.calendar_banner_text.setText(self.tr(
                "The {year} statutory holiday schedule is not loaded yet: deadlines that reach it "
                "cannot be computed and are not in the lists below.").format(year=years))
            self.calendar_banner.show()
        else:
            self.calendar_banner.hide()

    def _due_failed(self, error: TribunalError) -> None:
        self.message.setText(lang.text(error.message))

    def import_calendar(self) -> None:
        """Open the legal-calendar dialog at the first missing year; recompute after an import."""
        from tribunal.ui.legal_calendar_dialog import LegalCalendarDialog

        year = self.missing_years[0] if self.missing_years else None
        if LegalCalendarDialog.ask(self, self._db, year=year):
            self.calendar_changed.emit()
            self.refresh_due()

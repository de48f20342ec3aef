"""The main window: navigation on the left, the chosen page on the right, a status line below."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from tribunal.domain.enums import CaseStatus
from tribunal.errors import TribunalError
from tribunal.services import settings as settings_service
from tribunal.services.app import Database
from tribunal.ui import window_state
from tribunal.ui.cases_page import OPEN_ONLY, CasesPage
from tribunal.ui.dashboard_page import (
    FIGURE_CLOSED_THIS_YEAR,
    FIGURE_OPEN,
    FIGURE_RECEIVED_THIS_MONTH,
    DashboardPage,
)
from tribunal.ui.placeholder_page import PlaceholderPage
from tribunal.ui.settings_page import SettingsPage

PAGE_DASHBOARD = 0
PAGE_CASES = 1
PAGE_HEARINGS = 2
PAGE_ENTERPRISES = 3
PAGE_OBSERVERS = 4
PAGE_TRAINING = 5
PAGE_DOCUMENTS = 6
PAGE_REPORTS = 7
PAGE_SETTINGS = 8

#: Navigation entries, in order (Alt+1 … Alt+9).
NAVIGATION = (
    QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
    QT_TRANSLATE_NOOP("MainWindow", "Cases"),
    QT_TRANSLATE_NOOP("MainWindow", "Hearings"),
    QT_TRANSLATE_NOOP("MainWindow", "Enterprises"),
    QT_TRANSLATE_NOOP("MainWindow", "Observers"),
    QT_TRANSLATE_NOOP("MainWindow", "Training"),
    QT_TRANSLATE_NOOP("MainWindow", "Documents"),
    QT_TRANSLATE_NOOP("MainWindow", "Reports"),
    QT_TRANSLATE_NOOP("MainWindow", "Settings"),
)

# What each unfinished area will do, told plainly.
_PLANNED = {
    PAGE_HEARINGS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "Here you will schedule circuit hearings: choose the case, the host enterprise and "
        "room, the date and the panel. The program will warn you about the legal time limits "
        "and about anyone booked twice, and print the hearing pack."),
    PAGE_ENTERPRISES: QT_TRANSLATE_NOOP(
        "MainWindow",
        "Here you will keep the enterprises of the development zones: name, credit code, "
        "address and HR contact, which of them host hearings and which send observers."),
    PAGE_OBSERVERS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "Here you will keep the HR staff invited to observe hearings, send invitations, and "
        "tick who came on the day."),
    PAGE_TRAINING: QT_TRANSLATE_NOOP(
        "MainWindow",
        "Here you will record the short labour-law training held after a hearing: topics, "
        "speaker and who attended."),
    PAGE_DOCUMENTS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "Here you will find every document the program has printed (notices, proofs of "
        "service, announcements, sign-in sheets), to preview, print again or open its folder."),
    PAGE_REPORTS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "Here you will see the monthly figures of the circuit tribunals: hearings held, "
        "enterprises reached, observers trained and cases mediated, as tables and charts."),
}

STATE_KEY = "main_window"


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """The program's window: 工作台, 案件, 开庭排期, 企业, 旁听人员, 培训, 文书, 统计, 设置."""

    def __init__(self, db: Database, settings: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = dict(settings or {})
        self.setWindowTitle(self.tr("Tribunal — circuit tribunal workbench"))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #eef1f4; padding: 6px; outline: 0; }"
            "QListWidget#navigation::item { padding: 7px 10px; border-radius: 4px; }"
            "QListWidget#navigation::item:selected { background: #1f4e79; color: white; border: 0; }"
        )
        widest = 0
        for number, text in enumerate(NAVIGATION, start=1):
            item = QListWidgetItem(_t(text))
            item.setToolTip(self.tr("{page} (Alt+{key})").format(page=_t(text), key=number))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 18))
            self.nav.addItem(item)
            widest = max(widest, self.fontMetrics().horizontalAdvance(_t(text)))
        self.nav.setFixedWidth(max(widest + 56, 140))

        self.dashboard = DashboardPage(db)
        self.cases = CasesPage(db)
        self.settings_page = SettingsPage(db)
        self.stack = QStackedWidget()
        for index, text in enumerate(NAVIGATION):
            if index == PAGE_DASHBOARD:
                page: QWidget = self.dashboard
            elif index == PAGE_CASES:
                page = self.cases
            elif index == PAGE_SETTINGS:
                page = self.settings_page
            else:
                page = PlaceholderPage(_t(text), _t(_PLANNED[index]))
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel(self.tr("Database: {name}").format(name=db.display_name))
        self.database_label.setToolTip(db.display_name)
        self.clerk_label = QLabel()
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.clerk_label)
        self._show_clerk()

        self.dashboard.new_case_requested.connect(self.new_case)
        self.dashboard.find_case_requested.connect(self.find_case)
        self.dashboard.figure_opened.connect(self.open_figure)
        self.cases.case_saved.connect(lambda _case: self._refresh_dashboard())
        self.settings_page.settings_saved.connect(self._settings_saved)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.create_item)
        for number in range(1, len(NAVIGATION) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      lambda index=number - 1: self.switch_to(index))

        self.nav.setCurrentRow(PAGE_DASHBOARD)
        self.resize(1280, 720)
        window_state.restore_geometry(STATE_KEY, self)

    # ------------------------------------------------------------------ navigation

    def navigation_texts(self) -> list[str]:
        """The navigation entries as shown."""
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def switch_to(self, index: int) -> None:
        """Show page ``index`` (PAGE_*)."""
        if 0 <= index < self.nav.count():
            self.nav.setCurrentRow(index)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search."""
        page = self.current_page()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def create_item(self) -> None:
        """Ctrl+N: the current page's "new" (a case on the dashboard and the case list)."""
        page = self.current_page()
        if hasattr(page, "create_item"):
            page.create_item()

    def new_case(self) -> None:
        self.switch_to(PAGE_CASES)
        self.cases.new_case()

    def find_case(self) -> None:
        self.switch_to(PAGE_CASES)
        self.cases.focus_search()

    def open_figure(self, figure: str) -> None:
        """List the cases behind a dashboard figure."""
        self.switch_to(PAGE_CASES)
        page = self.cases
        today = dt.date.today()
        page.clear_filters()
        if figure == FIGURE_OPEN:
            page.status.setCurrentIndex(page.status.findData(OPEN_ONLY))
        elif figure == FIGURE_RECEIVED_THIS_MONTH:
            page.received_from.setDate(today.replace(day=1))
            page.received_to.setDate(today)
            page.date_range.setChecked(True)
        elif figure == FIGURE_CLOSED_THIS_YEAR:
            page.status.setCurrentIndex(page.status.findData(CaseStatus.CLOSED.value))
            year_index = page.year.findData(today.year)
            if year_index >= 0:
                page.year.setCurrentIndex(year_index)

    # ------------------------------------------------------------------ data

    def load_data(self) -> None:
        """Fill the pages from the database (called right after the window is shown)."""
        with contextlib.suppress(TribunalError):
            self._settings = settings_service.get_all(self._db)
        self._show_clerk()
        self._refresh_dashboard()
        self.cases.load()
        self.settings_page.load()

    def _refresh_dashboard(self) -> None:
        self.dashboard.refresh(clerk=self._clerk_name(),
                               commission=str(self._settings.get("commission.name") or ""))

    def _clerk_name(self) -> str:
        return str(self._settings.get("clerk.name") or "").strip() or self._db.actor

    def _show_clerk(self) -> None:
        self.clerk_label.setText(self.tr("Clerk: {name}").format(name=self._clerk_name()))

    def _settings_saved(self, changed: dict[str, Any]) -> None:
        self._settings.update(changed)
        self._show_clerk()
        self._refresh_dashboard()

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save_geometry(STATE_KEY, self)
        self.cases.save_state()
        super().closeEvent(event)

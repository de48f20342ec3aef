"""The main window: navigation on the left, the chosen page on the right, a status line below."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from tribunal.domain.enums import CaseStatus
from tribunal.errors import TribunalError
from tribunal.services import backup
from tribunal.services import settings as settings_service
from tribunal.services.app import Database
from tribunal.services.backup import BackupResult, RestoreResult
from tribunal.ui import msgbox, ops, window_state
from tribunal.ui.case_detail import CLOCKS_TAB_POSITION
from tribunal.ui.cases_page import OPEN_ONLY, CasesPage
from tribunal.ui.dashboard_page import (
    FIGURE_CLOSED_THIS_YEAR,
    FIGURE_OPEN,
    FIGURE_RECEIVED_THIS_MONTH,
    DashboardPage,
)
from tribunal.ui.dates import qdate
from tribunal.ui.help_window import add_user_guide_action
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.placeholder_page import PlaceholderPage
from tribunal.ui.settings_page import SettingsPage

if TYPE_CHECKING:
    from tribunal.ui.audit_log import AuditLogDialog
    from tribunal.ui.documents_page import DocumentsPage
    from tribunal.ui.enterprises_page import EnterprisesPage
    from tribunal.ui.hearings_page import HearingsPage
    from tribunal.ui.observers_page import ObserversPage
    from tribunal.ui.reports_page import ReportsPage
    from tribunal.ui.training_page import TrainingPage

    #: A page built the first time it is shown.
    LazyPage: TypeAlias = (HearingsPage | EnterprisesPage | ObserversPage | TrainingPage
                           | DocumentsPage | ReportsPage)

P = TypeVar("P", bound=QWidget)

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

# What each unfinished area will do, told plainly (every area is built now).
_PLANNED: dict[int, str] = {}

STATE_KEY = "main_window"
_LAZY_PAGES = (PAGE_HEARINGS, PAGE_ENTERPRISES, PAGE_OBSERVERS, PAGE_TRAINING, PAGE_DOCUMENTS, PAGE_REPORTS)


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """The program's window: 工作台, 案件, 开庭排期, 企业, 旁听人员, 培训, 文书, 统计, 设置."""

    def __init__(self, db: Database, settings: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = dict(settings or {})
        title = self.tr("Tribunal — circuit tribunal workbench")
        if self._settings.get("demo.data"):
            # The demonstration's own database: never mistaken for the commission's real one.
            title = self.tr("{title} — demonstration data (演示数据)").format(title=title)
        self.setWindowTitle(title)

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
        # The other pages are built the first time they are shown: the window comes up
        # sooner and a clerk who only registers cases never loads the calendar or PDF code.
        self._built: dict[int, LazyPage] = {}
        self.stack = QStackedWidget()
        for index, text in enumerate(NAVIGATION):
            if index == PAGE_DASHBOARD:
                page: QWidget = self.dashboard
            elif index == PAGE_CASES:
                page = self.cases
            elif index == PAGE_SETTINGS:
                page = self.settings_page
            elif index in _PLANNED:
                page = PlaceholderPage(_t(text), _t(_PLANNED[index]))
            else:
                page = QWidget()  # stands in until the page is first shown
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._show_page)

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
        self.dashboard.month_figure_opened.connect(self.open_month_figure)
        self.dashboard.case_opened.connect(self.open_case)
        self.cases.case_saved.connect(lambda _case: self._refresh_dashboard())
        self.cases.schedule_requested.connect(self.schedule_hearing)
        self.settings_page.settings_saved.connect(self._settings_saved)

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.calculator_action = tools.addAction(self.tr("Deadline calculator…"), self.open_calculator)
        self.claim_calculator_action = tools.addAction(self.tr("Claim calculator…"), self.open_claim_calculator)
        self._add_data_safety_actions(tools)
        add_user_guide_action(self)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.create_item)
        for number in range(1, len(NAVIGATION) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      lambda index=number - 1: self.switch_to(index))

        self.nav.setCurrentRow(PAGE_DASHBOARD)
        window_state.open_at(self, 1280, 720)
        window_state.restore_geometry(STATE_KEY, self)

    # ------------------------------------------------------------------ pages built on demand

    def _build_page(self, index: int) -> LazyPage:
        db = self._db
        if index == PAGE_HEARINGS:
            from tribunal.ui.hearings_page import HearingsPage

            hearings = HearingsPage(db)
            hearings.hearings_changed.connect(self._refresh_dashboard)
            hearings.case_to_schedule = self.cases.case_to_schedule
            hearings.invite_requested.connect(self.invite_to_hearing)
            return hearings
        if index == PAGE_ENTERPRISES:
            from tribunal.ui.enterprises_page import EnterprisesPage

            return EnterprisesPage(db)
        if index == PAGE_OBSERVERS:
            from tribunal.ui.observers_page import ObserversPage

            return ObserversPage(db)
        if index == PAGE_TRAINING:
            from tribunal.ui.training_page import TrainingPage

            return TrainingPage(db)
        if index == PAGE_DOCUMENTS:
            from tribunal.ui.documents_page import DocumentsPage

            return DocumentsPage(db)
        if index == PAGE_REPORTS:
            from tribunal.ui.reports_page import ReportsPage

            page = ReportsPage(db)
            page.case_opened.connect(self.open_case)
            return page
        raise KeyError(index)

    def page(self, index: int) -> QWidget:
        """The page at ``index`` (PAGE_*), building it on first use."""
        if index in _LAZY_PAGES and index not in self._built:
            stand_in = self._stacked(index)
            real = self._build_page(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, real)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[index] = real
            if current == index:
                self.stack.setCurrentIndex(index)
        return self._stacked(index)

    def _stacked(self, index: int) -> QWidget:
        widget = self.stack.widget(index)
        if widget is None:
            raise IndexError(f"the window has no page {index}")
        return widget

    def _page_of(self, index: int, kind: type[P]) -> P:
        """The page at ``index``, built on first use, as the page class it is."""
        page = self.page(index)
        if not isinstance(page, kind):
            raise TypeError(f"page {index} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def _show_page(self, index: int) -> None:
        built = index in self._built
        self.page(index)
        self.stack.setCurrentIndex(index)
        if built and index == PAGE_REPORTS:
            # Until changes are broadcast, the figures are counted again whenever the page is shown.
            self.reports.load()

    # The page classes are imported where they are needed, as page() does: a page's module is
    # loaded only when the page is first built.

    @property
    def hearings(self) -> HearingsPage:
        from tribunal.ui.hearings_page import HearingsPage

        return self._page_of(PAGE_HEARINGS, HearingsPage)

    @property
    def enterprises(self) -> EnterprisesPage:
        from tribunal.ui.enterprises_page import EnterprisesPage

        return self._page_of(PAGE_ENTERPRISES, EnterprisesPage)

    @property
    def observers(self) -> ObserversPage:
        from tribunal.ui.observers_page import ObserversPage

        return self._page_of(PAGE_OBSERVERS, ObserversPage)

    @property
    def training(self) -> TrainingPage:
        from tribunal.ui.training_page import TrainingPage

        return self._page_of(PAGE_TRAINING, TrainingPage)

    @property
    def reports(self) -> ReportsPage:
        from tribunal.ui.reports_page import ReportsPage

        return self._page_of(PAGE_REPORTS, ReportsPage)

    @property
    def documents(self) -> DocumentsPage:
        from tribunal.ui.documents_page import DocumentsPage

        return self._page_of(PAGE_DOCUMENTS, DocumentsPage)

    # ------------------------------------------------------------------ navigation

    def navigation_texts(self) -> list[str]:
        """The navigation entries as shown."""
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def invite_to_hearing(self, hearing_id: int) -> None:
        """邀请旁听… in the hearing pane: the invitations of that hearing on 旁听人员."""
        from tribunal.ui.observers_page import ObserversPage

        self.switch_to(PAGE_OBSERVERS)
        self._page_of(PAGE_OBSERVERS, ObserversPage).invite_to(hearing_id)

    def schedule_hearing(self, case_id: int) -> None:
        """排期开庭… on the 案件 page: the 开庭排期 page, with the dialog open for that case."""
        from tribunal.ui.hearings_page import HearingsPage

        self.switch_to(PAGE_HEARINGS)
        self._page_of(PAGE_HEARINGS, HearingsPage).new_hearing(case_id=case_id)

    def switch_to(self, index: int) -> None:
        """Show page ``index`` (PAGE_*)."""
        if 0 <= index < self.nav.count():
            self.nav.setCurrentRow(index)

    def current_page(self) -> QWidget:
        return self._stacked(self.stack.currentIndex())

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

    def open_case(self, case_id: int) -> None:
        """Show one case in the case list, at its time limits (from the dashboard's lists)."""
        self.switch_to(PAGE_CASES)
        if not self.cases.select_case(case_id):
            self.cases.clear_filters()
            self.cases.select_case(case_id)
        self.cases.detail.setCurrentIndex(CLOCKS_TAB_POSITION)

    def open_calculator(self) -> None:
        """Tools → Deadline calculator (期限计算器), beside the window."""
        from tribunal.ui.calculator_dialog import CalculatorDialog

        CalculatorDialog.show_for(self, self._db)

    def open_claim_calculator(self) -> None:
        """Tools → Claim calculator (请求金额计算器) with the wage parameters."""
        from tribunal.ui.claim_calculator_dialog import ClaimCalculatorDialog

        ClaimCalculatorDialog.ask(self, self._db)

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
            page.received_from.setDate(qdate(today.replace(day=1)))
            page.received_to.setDate(qdate(today))
            page.date_range.setChecked(True)
        elif figure == FIGURE_CLOSED_THIS_YEAR:
            page.status.setCurrentIndex(page.status.findData(CaseStatus.CLOSED.value))
            page.set_closed_since(today.replace(month=1, day=1))

    def open_month_figure(self, key: str) -> None:
        """List what one of the dashboard's figures of the month counts, on the 统计 page."""
        from tribunal.services.reports import dashboard_request

        self.switch_to(PAGE_REPORTS)
        request = dashboard_request(self.dashboard.today())
        self.reports.set_period(request.start, request.end)
        self.reports.open_figure(key, request)

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

    # ------------------------------------------------------------------ backups and the audit log

    def _add_data_safety_actions(self, tools: QMenu) -> None:
        """文件 → 备份到… / 从备份恢复…, 工具 → 审计日志…"""
        file_menu: QMenu | None = None
        for action in self.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and action.text() == self.tr("&File"):
                file_menu = menu  # a 文件 menu made elsewhere: the actions join it
        if file_menu is None:
            file_menu = QMenu(self.tr("&File"), self)
            self.menuBar().insertMenu(self.menuBar().actions()[0], file_menu)
        self.backup_action = file_menu.addAction(self.tr("Back up to…"), self.back_up)
        self.restore_action = file_menu.addAction(self.tr("Restore from a backup…"), self.restore_backup)
        self.audit_action = tools.addAction(self.tr("Audit log…"), self.open_audit_log)
        self._audit_log: AuditLogDialog | None = None

    def open_audit_log(self) -> AuditLogDialog:
        """Show the audit log window (one per main window; it does not block)."""
        from tribunal.ui.audit_log import AuditLogDialog

        if self._audit_log is None:
            self._audit_log = AuditLogDialog(self._db, self)
            self._audit_log.search()
        self._audit_log.show()
        self._audit_log.raise_()
        return self._audit_log

    def choose_backup_folder(self) -> str:
        """The folder to back up into (a USB stick); empty when the clerk cancelled. Tests replace this."""
        return QFileDialog.getExistingDirectory(self, self.tr("Back up to which folder?"))

    def choose_backup_file(self) -> str:
        """The backup file to restore; empty when the clerk cancelled. Tests replace this."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from which backup?"), "",
            self.tr("Tribunal backups (*.sqlite3 *.tribunal-dump.zip)"))
        return name

    def back_up(self) -> ops.Op[BackupResult] | None:
        """Copy the whole database into a folder the clerk chooses (off the GUI thread)."""
        folder = self.choose_backup_folder()
        if not folder:
            return None
        db = self._db

        def done(result: BackupResult) -> None:
            msgbox.information(self, self.tr("Backup made"),
                               self.tr("The database was copied ({rows} records in {tables} tables) to:\n{path}")
                               .format(rows=result.rows, tables=result.tables, path=result.path))

        return ops.run_write(self, lambda: backup.backup_to_folder(db, folder), changes=ops.Changes.NONE,
                             on_done=done, progress=ops.Progress(self.tr("Backing up…")))

    def restore_backup(self) -> ops.Op[RestoreResult] | None:
        """Replace the database with a backup, after saying what happens and asking."""
        file = self.choose_backup_file()
        if not file:
            return None
        if not msgbox.confirm(
                self, self.tr("Restore from a backup"),
                self.tr("Everything in the database will be replaced by the backup:\n{file}\n\n"
                        "A safety copy of the database as it is now is kept first. The program closes "
                        "its connection to the database while it restores; other clerks must close the "
                        "program on their computers first. Afterwards every page is read again.")
                .format(file=file), self.tr("Restore")):
            return None
        db = self._db

        def done(result: RestoreResult) -> None:
            self.load_data()
            for page in self._built.values():
                if hasattr(page, "load"):
                    page.load()
            kept = (self.tr("\nThe database as it was before is kept at:\n{path}").format(path=result.safety_copy)
                    if result.safety_copy else "")
            msgbox.information(self, self.tr("Backup restored"),
                               self.tr("The backup was restored ({rows} records in {tables} tables) and checked.")
                               .format(rows=result.rows, tables=result.tables) + kept)

        # The service closes this window's connections (open_handle) before it swaps the file;
        # the handle opens fresh connections to the restored database on next use.
        return ops.run_write(self, lambda: backup.restore(db.url, file, actor=db.actor, open_handle=db),
                             changes=ops.Changes.ALL, on_done=done,
                             progress=ops.Progress(self.tr("Restoring…")))

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save_geometry(STATE_KEY, self)
        self.cases.save_state()
        for page in self._built.values():
            page.save_state()
        super().closeEvent(event)

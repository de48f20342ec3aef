"""The main window: navigation on the left, the chosen page on the right, a status line below.

The window is shown before the database is open: :class:`MainWindow` without a database is
the frame (navigation, menus, status line), which needs nothing but Qt; :meth:`MainWindow.attach`
then builds the pages on the opened database. This module therefore imports no service and no
page at load time — they come with ``attach``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
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

from tribunal.errors import TribunalError
from tribunal.ui import msgbox, ops, window_state
from tribunal.ui.help_window import HELP_MENU_NAME, add_user_guide_action
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.ops import Changes

if TYPE_CHECKING:
    from tribunal.services.app import Database
    from tribunal.services.backup import BackupResult, RestoreResult
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

STATE_KEY = "main_window"
_LAZY_PAGES = (PAGE_HEARINGS, PAGE_ENTERPRISES, PAGE_OBSERVERS, PAGE_TRAINING, PAGE_DOCUMENTS, PAGE_REPORTS)


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


#: What the dashboard's figures and lists count.
DASHBOARD_CHANGES = (Changes.CASES | Changes.CLOCKS | Changes.HEARINGS | Changes.INVITATIONS
                     | Changes.TRAINING | Changes.CALENDAR | Changes.SETTINGS)
#: What the 统计 page counts.
REPORT_CHANGES = (Changes.CASES | Changes.CLOCKS | Changes.HEARINGS | Changes.INVITATIONS
                  | Changes.OBSERVERS | Changes.TRAINING | Changes.ENTERPRISES | Changes.SETTINGS)


class MainWindow(QMainWindow):
    """The program's window: 工作台, 案件, 开庭排期, 企业, 旁听人员, 培训, 文书, 统计, 设置.

    Signals:
        database_chosen(str): the clerk chose another database file (文件 → 切换数据库…);
            the program opens it in a new window and closes this one.
    """

    database_chosen = Signal(str)

    def __init__(self, db: Database | None = None, settings: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._settings = dict(settings or {})
        self.watcher: ops.RemoteWatcher | None = None
        self._audit_log: AuditLogDialog | None = None

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
        for _text in NAVIGATION:
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 18))
            self.nav.addItem(item)

        # Stand-ins until attach() builds the dashboard, case list and settings, and until the
        # other pages are first shown: the window comes up sooner and a clerk who only
        # registers cases never loads the calendar or PDF code.
        self._built: dict[int, LazyPage] = {}
        self.stack = QStackedWidget()
        for _text in NAVIGATION:
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.clerk_label = QLabel()
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.clerk_label)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.create_item)
        for number in range(1, len(NAVIGATION) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      lambda index=number - 1: self.switch_to(index))
        self.retranslate()

        self.nav.setCurrentRow(PAGE_DASHBOARD)
        window_state.open_at(self, 1280, 720)
        window_state.restore_geometry(STATE_KEY, self)
        if db is not None:
            self.attach(db, settings)

    def retranslate(self) -> None:
        """Put the frame's texts in the current language (again, after the language was read)."""
        title = self.tr("Tribunal — circuit tribunal workbench")
        if self._settings.get("demo.data"):
            # The demonstration's own database: never mistaken for the commission's real one.
            title = self.tr("{title} — demonstration data (演示数据)").format(title=title)
        self.setWindowTitle(title)
        widest = 0
        for number, text in enumerate(NAVIGATION, start=1):
            item = self.nav.item(number - 1)
            item.setText(_t(text))
            item.setToolTip(self.tr("{page} (Alt+{key})").format(page=_t(text), key=number))
            widest = max(widest, self.fontMetrics().horizontalAdvance(_t(text)))
        self.nav.setFixedWidth(max(widest + 56, 140))
        bar = self.menuBar()
        bar.clear()
        for menu in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            # The old menus go, so that add_user_guide_action() finds the new 帮助 menu.
            menu.setObjectName("")
            menu.deleteLater()
        self._build_menus()
        if self._db is None:
            self.database_label.setText(self.tr("Opening the database…"))
        else:
            self.database_label.setText(self.tr("Database: {name}").format(name=self._db.display_name))
            self._show_clerk()

    def attach(self, db: Database, settings: dict[str, Any] | None = None) -> None:
        """Build the pages on the opened database (the frame is on screen already)."""
        from tribunal.ui.cases_page import CasesPage
        from tribunal.ui.dashboard_page import DashboardPage
        from tribunal.ui.settings_page import SettingsPage

        self._db = db
        if settings is not None:
            self._settings = dict(settings)
        self.dashboard = DashboardPage(db)
        self.cases = CasesPage(db)
        self.settings_page = SettingsPage(db)
        current = self.stack.currentIndex()
        for index, page in ((PAGE_DASHBOARD, self.dashboard), (PAGE_CASES, self.cases),
                            (PAGE_SETTINGS, self.settings_page)):
            stand_in = self._stacked(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        self.database_label.setToolTip(db.display_name)

        self.dashboard.new_case_requested.connect(self.new_case)
        self.dashboard.find_case_requested.connect(self.find_case)
        self.dashboard.figure_opened.connect(self.open_figure)
        self.dashboard.month_figure_opened.connect(self.open_month_figure)
        self.dashboard.case_opened.connect(self.open_case)
        self.cases.schedule_requested.connect(self.schedule_hearing)
        self.settings_page.settings_saved.connect(self._settings_saved)
        # Every page keeps itself in step through the change bus (tribunal.ui.ops); the
        # dashboard's figures are asked for here, where the clerk's name is known.
        ops.subscribe(self.dashboard, DASHBOARD_CHANGES, self._refresh_dashboard)
        # Changes other workstations make on a shared database (polled, and on activation).
        self.watcher = ops.RemoteWatcher(db, self)
        self.retranslate()
        if self.nav.currentRow() in _LAZY_PAGES:
            self._show_page(self.nav.currentRow())

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        """文件, 工具, 帮助: what a clerk looks for in any desktop program."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.switch_database_action = file_menu.addAction(self.tr("Switch database…"),
                                                          self.choose_database)
        self.switch_database_action.setToolTip(self.tr("Open another database file"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("E&xit"), self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(self.quit_action.MenuRole.QuitRole)

        tools = bar.addMenu(self.tr("&Tools"))
        self.calculator_action = tools.addAction(self.tr("Deadline calculator…"), self.open_calculator)
        self.claim_calculator_action = tools.addAction(self.tr("Claim calculator…"), self.open_claim_calculator)
        tools.addSeparator()
        self.demo_action = tools.addAction(self.tr("Load demonstration data…"), self.load_demo)
        self._add_data_safety_actions(file_menu, tools)

        help_menu = bar.addMenu(self.tr("&Help"))
        # add_user_guide_action() looks for the 帮助 menu by this name, so 使用说明 joins it.
        help_menu.setObjectName(HELP_MENU_NAME)
        add_user_guide_action(self)
        help_menu.addSeparator()
        self.data_folder_action = help_menu.addAction(self.tr("Open data folder"), self.open_data_folder)
        help_menu.addSeparator()
        self.about_action = help_menu.addAction(self.tr("&About Tribunal"), self.show_about)
        self.about_action.setMenuRole(self.about_action.MenuRole.AboutRole)
        for action in (self.calculator_action, self.claim_calculator_action, self.demo_action,
                       self.data_folder_action, self.backup_action, self.restore_action, self.audit_action):
            action.setEnabled(self._db is not None)  # until the database is open

    def _require_db(self) -> Database:
        if self._db is None:
            raise TribunalError(self.tr("The database is still being opened; please wait a moment."))
        return self._db

    def choose_database(self) -> str | None:
        """文件 → 切换数据库…: choose a database file; the program reopens on it.

        Returns:
            The file chosen, or None when the clerk cancelled.
        """
        from tribunal.ui import about

        folder = str(about.data_folder(self._db)) if self._db is not None else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Switch database"), folder,
            self.tr("Tribunal database (*.db *.sqlite *.sqlite3);;All files (*)"))
        if not path:
            return None
        self.database_chosen.emit(path)
        return path

    def load_demo(self) -> ops.Op[Any] | None:
        """工具 → 载入演示数据…: fill a practice database with the demonstration set (after asking)."""
        if not msgbox.confirm(
                self, self.tr("Load demonstration data"),
                self.tr("The demonstration data adds an invented zone, circuit tribunal, enterprises, "
                        "people, cases and hearings, for training and trying the program. Load it only "
                        "into a practice database, never into the commission's register. Load it now?"),
                self.tr("Load")):
            return None
        from tribunal.services import demo

        db = self._require_db()
        return ops.run_write(
            self, lambda: demo.load_demo(db, history=True), changes=Changes.ALL,
            progress=ops.Progress(self.tr("Loading the demonstration data…")),
            on_done=lambda report: msgbox.information(
                self, self.tr("Demonstration data"),
                "\n".join(report.notes) or self.tr("The demonstration data has been loaded.")))

    def open_data_folder(self) -> bool:
        """帮助 → 打开数据文件夹: the folder of the database file (or the program's data folder)."""
        from tribunal.ui import about, document_actions

        return document_actions.open_folder(about.data_folder(self._require_db()), self)

    def show_about(self) -> None:
        """帮助 → 关于: version, the licences of the program and of its bundled fonts."""
        from tribunal.ui.about import AboutDialog

        AboutDialog(self._db, self).exec()

    # ------------------------------------------------------------------ pages built on demand

    def _build_page(self, index: int) -> LazyPage:
        db = self._require_db()
        if index == PAGE_HEARINGS:
            from tribunal.ui.hearings_page import HearingsPage

            hearings = HearingsPage(db)
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
            ops.subscribe(page, REPORT_CHANGES, page.load)
            return page
        raise KeyError(index)

    def page(self, index: int) -> QWidget:
        """The page at ``index`` (PAGE_*), building it on first use."""
        if index in _LAZY_PAGES and index not in self._built and self._db is not None:
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
        self.page(index)
        self.stack.setCurrentIndex(index)

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
        from tribunal.ui.case_detail import CLOCKS_TAB_POSITION

        self.switch_to(PAGE_CASES)
        self.cases.reveal_case(case_id)
        self.cases.detail.setCurrentIndex(CLOCKS_TAB_POSITION)

    def open_calculator(self) -> None:
        """Tools → Deadline calculator (期限计算器), beside the window."""
        from tribunal.ui.calculator_dialog import CalculatorDialog

        CalculatorDialog.show_for(self, self._require_db())

    def open_claim_calculator(self) -> None:
        """Tools → Claim calculator (请求金额计算器) with the wage parameters."""
        from tribunal.ui.claim_calculator_dialog import ClaimCalculatorDialog

        ClaimCalculatorDialog.ask(self, self._require_db())

    def find_case(self) -> None:
        self.switch_to(PAGE_CASES)
        self.cases.focus_search()

    def open_figure(self, figure: str) -> None:
        """List the cases behind a dashboard figure."""
        from tribunal.domain.enums import CaseStatus
        from tribunal.ui.cases_page import OPEN_ONLY
        from tribunal.ui.dashboard_page import (
            FIGURE_CLOSED_THIS_YEAR,
            FIGURE_OPEN,
            FIGURE_RECEIVED_THIS_MONTH,
        )
        from tribunal.ui.dates import qdate

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
        from tribunal.services import settings as settings_service

        if self._db is None or self.watcher is None:
            return
        db = self._db
        ops.run_read(self, lambda: settings_service.get_all(db), self._settings_read,
                     on_failed=lambda _e: self._settings_read(None), key="settings")
        self.cases.load()
        self.settings_page.load()
        self.watcher.start()

    def _settings_read(self, values: dict[str, Any] | None) -> None:
        """The commission's settings are read: greet the clerk and count the register."""
        if values is not None:
            self._settings = values
        self._show_clerk()
        self._refresh_dashboard()

    def changeEvent(self, event: QEvent) -> None:
        # Back at the window after working elsewhere: look at once for others' changes.
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and self.watcher is not None):
            self.watcher.check_now()
        super().changeEvent(event)

    def _refresh_dashboard(self) -> None:
        self.dashboard.refresh(clerk=self._clerk_name(),
                               commission=str(self._settings.get("commission.name") or ""))

    def _clerk_name(self) -> str:
        actor = self._db.actor if self._db is not None else ""
        return str(self._settings.get("clerk.name") or "").strip() or actor

    def _show_clerk(self) -> None:
        self.clerk_label.setText(self.tr("Clerk: {name}").format(name=self._clerk_name()))

    def _settings_saved(self, changed: dict[str, Any]) -> None:
        self._settings.update(changed)
        self._show_clerk()
        ops.broadcast(Changes.SETTINGS, self.settings_page)

    # ------------------------------------------------------------------ backups and the audit log

    def _add_data_safety_actions(self, file_menu: QMenu, tools: QMenu) -> None:
        """文件 → 备份到… / 从备份恢复…, 工具 → 审计日志…"""
        actions = file_menu.actions()
        before = actions[-2]  # above the separator and 退出
        self.backup_action = QAction(self.tr("Back up to…"), file_menu)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("Restore from a backup…"), file_menu)
        self.restore_action.triggered.connect(self.restore_backup)
        file_menu.insertActions(before, [self.backup_action, self.restore_action])
        file_menu.insertSeparator(self.backup_action)
        tools.addSeparator()
        self.audit_action = tools.addAction(self.tr("Audit log…"), self.open_audit_log)

    def open_audit_log(self) -> AuditLogDialog:
        """Show the audit log window (one per main window; it does not block)."""
        from tribunal.ui.audit_log import AuditLogDialog

        if self._audit_log is None:
            self._audit_log = AuditLogDialog(self._require_db(), self)
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
        from tribunal.services import backup

        db = self._require_db()

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
        from tribunal.services import backup

        db = self._require_db()

        def done(result: RestoreResult) -> None:
            self.load_data()
            for page in self._built.values():
                if hasattr(page, "load"):
                    page.load()
            if self._audit_log is not None:
                self._audit_log.search()
            kept = (self.tr("\nThe database as it was before is kept at:\n{path}").format(path=result.safety_copy)
                    if result.safety_copy else "")
            msgbox.information(self, self.tr("Backup restored"),
                               self.tr("The backup was restored ({rows} records in {tables} tables) and checked.")
                               .format(rows=result.rows, tables=result.tables) + kept)

        # The service closes this window's connections (open_handle) before it swaps the file;
        # the handle opens fresh connections to the restored database on next use.
        # The work runs alone: no page or poll reads the database while the file is swapped.
        return ops.run_write(self, lambda: backup.restore(db.url, file, actor=db.actor, open_handle=db),
                             changes=ops.Changes.ALL, on_done=done, exclusive=True,
                             progress=ops.Progress(self.tr("Restoring…")))

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save_geometry(STATE_KEY, self)
        if self.watcher is None:
            super().closeEvent(event)
            return
        self.watcher.stop()
        self.cases.save_state()
        for page in self._built.values():
            page.save_state()
        super().closeEvent(event)

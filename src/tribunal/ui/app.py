"""Starting the desktop program: Qt application, bundled Chinese font, translator, database, window.

The order is chosen for a quick start on an old office PC: the window is shown as soon as the
database is open and its settings read; the case list and the dashboard figures are loaded
right after, from the event loop. Nothing here imports the PDF code.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QProgressDialog

from tribunal.errors import TribunalError
from tribunal.resources import app_icon_files, font_path, translations_dir
from tribunal.ui import lang, msgbox, ops, wheel_guard, window_state
from tribunal.ui.lang import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the database layer is imported on the worker thread, not before the window
    from tribunal.services.app import Database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_DATABASE = 1

#: Point size of the interface text: comfortable for reading Chinese on an office monitor.
FONT_POINT_SIZE = 10.5

# Families a style sheet or platform theme may ask for that a PC without Chinese fonts lacks.
_SUBSTITUTED_FAMILIES = (
    "Microsoft YaHei", "Microsoft YaHei UI", "SimSun", "SimHei", "NSimSun", "PingFang SC",
    "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Sans Serif", "Serif", "Segoe UI",
    "DejaVu Sans", "Arial", "Helvetica",
)

#: Name of the Linux menu entry (``tribunal.desktop``, installed by the .deb): on Wayland the
#: desktop shows that entry's icon and name for the window; on X11 it matches WM_CLASS.
DESKTOP_FILE_NAME = "tribunal"

_translators: list[QTranslator] = []

# Labels of Qt's own file dialog that the qtbase_zh_CN catalogue PySide6 ships leaves in
# English (its entries were made for older source texts). They are translated in our own
# catalogue under Qt's context; Qt asks every installed translator in turn.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def application_icon() -> QIcon:
    """The program's icon (仲 on a navy seal disc) in every rendered size.

    Qt picks the nearest size for the title bar, the taskbar and the window switcher; a
    dialog such as 关于 can show ``application_icon().pixmap(64)``. Empty (and logged) when
    the icon files are missing: a missing icon must not stop the program.
    """
    icon = QIcon()
    try:
        for path in app_icon_files():
            icon.addFile(str(path))
    except FileNotFoundError as exc:
        log.warning("application icon not available: %s", exc)
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so that QSettings finds the right place for window layout.

    It also carries the program's icon, which every window (and the taskbar entry) inherits.
    """
    QCoreApplication.setOrganizationName(window_state.ORGANISATION)
    QCoreApplication.setApplicationName(window_state.APPLICATION)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(application_icon())
    wheel_guard.install(app)  # the wheel scrolls pages, never an unfocused list or number field
    ops.keep_collector_pauses_short()
    return app


#: Chinese interface fonts, best first: Windows (微软雅黑), the Linux desktops of UOS/Kylin and
#: others, macOS. Used when the desktop's own UI font cannot show Chinese.
PREFERRED_UI_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Sarasa UI SC",
    "PingFang SC", "Hiragino Sans GB", "Droid Sans Fallback",
)


def _fontconfig_choice() -> str | None:
    """The family fontconfig gives a desktop for Chinese sans-serif text (Linux), or None."""
    import shutil
    import subprocess  # only here: not on the way to the first window on most PCs

    if not sys.platform.startswith("linux") or not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{family[0]}", "sans-serif:lang=zh-cn"],
                             capture_output=True, text=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def system_ui_family() -> str | None:
    """The system's UI font when it can show Chinese, else the best installed Chinese UI font.

    None when the PC has no font for Chinese at all (then the bundled font is used).
    """
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    if not chinese:
        return None
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    if general in chinese:
        return general
    for family in PREFERRED_UI_FAMILIES:
        if family in chinese:
            return family
    chosen = _fontconfig_choice()
    return chosen if chosen in chinese else None


def install_fonts(app: QApplication, *, system: bool = True) -> str | None:
    """Make the interface font the system's Chinese UI font, or the bundled Noto Serif SC.

    The system's UI font (微软雅黑 on Windows, the desktop's CJK sans on Linux) wherever one
    can show Chinese; on a PC without any Chinese font, Qt would draw boxes, so the bundled
    font is registered and used instead. Printed documents keep their own fonts either way.

    Args:
        app: the application.
        system: False uses the bundled font even where the system has one (tests).

    Returns:
        The family in use, or None when neither is available.
    """
    family = system_ui_family() if system else None
    if family is not None:
        font = QFont(app.font())
        font.setFamilies([family])
        font.setPointSizeF(FONT_POINT_SIZE)
        app.setFont(font)
        return family
    return _install_bundled_font(app)


def _install_bundled_font(app: QApplication) -> str | None:
    """Register the bundled Noto Serif SC (regular and bold) and make it the interface font."""
    family = None
    for weight in ("regular", "bold"):
        try:
            path = font_path(weight)
        except (FileNotFoundError, ValueError) as exc:
            log.warning("bundled font not available: %s", exc)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    if family is None:
        return None
    font = QFont(app.font())
    fallback = [f for f in font.families() if f != family]
    font.setFamilies([family, *fallback])
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    for name in _SUBSTITUTED_FAMILIES:
        QFont.insertSubstitution(name, family)
    return family


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Load the interface translation for ``language`` ("zh_CN"), or none for English.

    Qt's own strings (standard buttons, the calendar) are translated too when Qt ships them.

    Returns:
        True when the program's own translation was loaded.
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    lang.set_language(language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    loaded = ours.load(f"tribunal_{language}", str(translations_dir()))
    if loaded:
        app.installTranslator(ours)
        _translators.append(ours)
    else:
        log.warning("translation tribunal_%s.qm not found in %s", language, translations_dir())
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    return loaded


def _show_unexpected(kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None) -> None:
    """Last resort for a bug: a message the clerk can pass on instead of a silent crash."""
    details = "".join(traceback.format_exception(kind, error, tb))
    log.error("unexpected error\n%s", details)
    if isinstance(error, TribunalError):
        msgbox.show_error(None, error)
        return
    msgbox.critical(
        None,
        QCoreApplication.translate("app", "Unexpected error"),
        QCoreApplication.translate(
            "app",
            "Something went wrong in the program. What you saved before is safe. "
            "Please tell the person who maintains the program and give them the details below."),
        details[-2000:],
    )


WARM_UP_DELAY_MS = 3000
# The day's automatic copy of a SQLite database is taken this long after the window is up.
DAILY_BACKUP_DELAY_MS = 5000
# How long the status line says the copy was taken.
BACKUP_MESSAGE_MS = 8000


def take_daily_backup(window: QMainWindow, db: Database) -> None:
    """Take today's automatic copy off the GUI thread; the status line says how it went.

    A failure (no room on the disk, a file called ``backups`` in the way) is shown but does
    not interrupt the clerk: the previous copies are still there.
    """
    from tribunal.services import backup
    from tribunal.ui import ops

    def done(path: object) -> None:
        if path:
            window.statusBar().showMessage(
                QCoreApplication.translate("app", "Today's automatic backup was saved: {path}").format(path=path),
                BACKUP_MESSAGE_MS)

    def failed(error: TribunalError) -> None:
        log.warning("daily backup failed: %s", error.message)
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "Today's automatic backup could not be made: {reason}").format(
                reason=lang.text(error.message)))

    # A copy of the file, not a change to the data: nothing for the pages to read again.
    ops.run_write(window, lambda: backup.daily_backup(db), changes=ops.Changes.NONE,
                  on_done=done, on_failed=failed)


def _warm_up_documents() -> None:
    def work() -> None:
        try:
            from tribunal.services import documents

            documents.warm_up()
        except Exception:  # a warm-up only: the real print reports any problem itself
            log.debug("document font warm-up failed", exc_info=True)

    threading.Thread(target=work, name="warm-up-fonts", daemon=True).start()


def first_run(db: Database, actor: str | None = None) -> Database | None:
    """The first-run questions: the commission set-up on an empty database (or the
    demonstration instead), else this computer's set-up at its first start.

    Returns:
        The database to work on (the demonstration's own file when it was chosen), or None
        when the clerk cancelled the commission set-up (the program then closes; nothing saved).
    """
    from tribunal.services import setup
    from tribunal.ui.setup_wizard import CommissionWizard, WorkstationWizard, workstation_is_new

    try:
        empty = setup.needs_setup(db)
    except TribunalError:
        return db  # the main window reports an unreadable database itself
    if empty:
        wizard = CommissionWizard(db)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return open_demo(actor) if wizard.chose_demo else db
    if workstation_is_new():
        WorkstationWizard(db).exec()  # 取消 asks again at the next start
    return db


def open_demo(actor: str | None = None) -> Database | None:
    """Open the separate demonstration database, loading it the first time (off the GUI thread).

    Returns:
        The demonstration database, or None when it could not be made (after saying why).
    """
    from tribunal.services import demo
    from tribunal.ui import ops

    try:
        db = demo.open_demo_database(actor=actor)
        if demo.has_demo(db):
            return db
    except TribunalError as exc:
        msgbox.critical(None, QCoreApplication.translate("app", "Cannot open the database"),
                        QCoreApplication.translate("app", "The demonstration data cannot be opened."),
                        lang.text(exc.message))
        return None
    waiting = QProgressDialog(QCoreApplication.translate("app", "Loading the demonstration data…"), "", 0, 0)
    waiting.setCancelButton(None)  # no button: the load cannot be stopped halfway
    waiting.setWindowTitle(QCoreApplication.translate("app", "Demonstration data"))
    waiting.setMinimumDuration(0)
    loop = QEventLoop()
    failure: list[TribunalError] = []

    def failed(error: TribunalError) -> None:
        failure.append(error)
        loop.quit()

    ops.run_write(waiting, lambda: demo.load_demo(db, history=True), changes=ops.Changes.ALL,
                  on_done=lambda _report: loop.quit(), on_failed=failed)
    waiting.show()
    loop.exec()
    waiting.close()
    if failure:
        db.dispose()
        msgbox.critical(None, QCoreApplication.translate("app", "Cannot open the database"),
                        QCoreApplication.translate("app", "The demonstration data could not be loaded."),
                        failure[0].message)
        return None
    return db


def _open_in_background(db_arg: str | None, actor: str | None) -> tuple[Any, dict[str, Any]]:
    """Open the database and read its settings (on a worker thread: SQLAlchemy and the
    services load meanwhile without holding up the window).

    The modules of the first pages are imported here too, so building them on the GUI thread
    afterwards costs only the widgets.
    """
    from tribunal.services import settings as settings_service
    from tribunal.services.app import open_database

    db = open_database(db_arg, actor=actor)
    try:
        values = settings_service.get_all(db)
    except TribunalError:
        db.dispose()
        raise
    import tribunal.ui.cases_page
    import tribunal.ui.dashboard_page
    import tribunal.ui.settings_page  # noqa: F401 — imported for their cost, see above

    return db, values


def _language_of(values: dict[str, Any]) -> str:
    language = str(values.get("ui.language", lang.DEFAULT_LANGUAGE))
    return language if language in lang.LANGUAGES else lang.DEFAULT_LANGUAGE


class _Session:
    """The program's run: one window on one database at a time (文件 → 切换数据库… swaps both)."""

    def __init__(self, app: QApplication, actor: str | None) -> None:
        self.app = app
        self.actor = actor
        self.window: Any = None
        self.db: Any = None
        self.status = EXIT_OK

    def open(self, window: Any, db_arg: str | None, *, first: bool) -> None:
        from tribunal.ui import ops

        ops.run_read(window, lambda: _open_in_background(db_arg, self.actor),
                     lambda opened: self._opened(window, opened, first=first),
                     on_failed=lambda error: self._failed(window, error, first=first))

    def _failed(self, window: Any, error: TribunalError, *, first: bool) -> None:
        msgbox.critical(window, QCoreApplication.translate("app", "Cannot open the database"),
                        QCoreApplication.translate(
                            "app", "The program cannot start because the database cannot be opened.")
                        if first else QCoreApplication.translate(
                            "app", "The database chosen cannot be opened; the program stays on the current one."),
                        lang.text(error.message))
        if first:
            self.status = EXIT_DATABASE
            self.app.exit(EXIT_DATABASE)

    def _first_run(self, window: Any, db: Any, values: dict[str, Any], *,
                   first: bool) -> tuple[Any, dict[str, Any]] | None:
        """The first start's questions, asked over the window frame before any page uses the
        database: the commission's set-up on an empty database (or the demonstration instead),
        else this computer's own set-up.

        Returns:
            The database to work on and its settings; None when the clerk cancelled the
            commission's set-up (at the start the program then closes; after 切换数据库… it
            stays on the current database).
        """
        from tribunal.services import settings as settings_service

        problems = settings_service.workstation_problems() if first else []
        if problems:
            msgbox.warning(window, QCoreApplication.translate("app", "Settings of this computer"),
                           QCoreApplication.translate(
                               "app", "Some settings of this computer could not be used; the defaults "
                               "are used instead."), "\n".join(problems))
        if os.environ.get("TRIBUNAL_BENCH_QUIT_AFTER_SHOW"):
            return db, values
        chosen = first_run(db, self.actor)
        if chosen is None:
            db.dispose()
            if first:
                self.app.exit(EXIT_OK)
            return None
        if chosen is not db:
            db.dispose()
        try:
            # The wizards may have saved the commission's or this computer's settings.
            return chosen, settings_service.get_all(chosen)
        except TribunalError as exc:
            self._failed(window, exc, first=True)
            chosen.dispose()
            return None

    def _opened(self, window: Any, opened: tuple[Any, dict[str, Any]], *, first: bool = False) -> None:
        from tribunal.ui.main_window import MainWindow

        db, values = opened
        chosen = self._first_run(window, db, values, first=first)
        if chosen is None:
            return
        db, values = chosen
        language = _language_of(values)
        if language != lang.language():
            install_translators(self.app, language)
            if window is self.window:
                window.retranslate()
        old_window, old_db = self.window, self.db
        if window is not self.window:  # another database: a new window on it
            window = MainWindow()
            window.setGeometry(old_window.geometry())
            window.show()
        window.attach(db, values)
        window.database_chosen.connect(lambda path: self.open(window, path, first=False))
        self.window, self.db = window, db
        if old_window is not None and old_window is not window:
            old_window.close()
            old_window.deleteLater()
            if old_db is not None:
                old_db.dispose()
        window.load_data()
        # Once a day, a rotated copy of the database file beside it (none for a server database).
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window, lambda: self._daily_backup(window, db))
        if os.environ.get("TRIBUNAL_BENCH_QUIT_AFTER_SHOW"):
            QTimer.singleShot(0, self._report_loaded)

    def _daily_backup(self, window: Any, db: Any) -> None:
        if window is self.window and db is self.db:  # not after a switch to another database
            take_daily_backup(window, db)

    def _report_loaded(self) -> None:
        print(f"data-loaded {time.time():.3f}", flush=True)
        self.app.quit()


def run_gui(db_arg: str | None = None, actor: str | None = None) -> int:
    """Open the program's window on the database ``db_arg`` and run until it is closed.

    The window is shown first, with its navigation and menus; the database is opened on a
    worker thread meanwhile, and the pages are built and filled once it is open.

    Args:
        db_arg: A SQLite file or database URL; None for ``TRIBUNAL_DB`` or the default file.
        actor: The name written into the audit trail (default: the system user).

    Returns:
        The exit status: 0, or 1 when the database cannot be opened (after saying why).
    """
    app = create_application()
    install_fonts(app)

    from tribunal.services import workstation

    # This computer's language is in its own settings file, known before the database opens
    # (read directly: the settings service would load the database layer before the window).
    mine, _problem = workstation.read()
    install_translators(app, _language_of(mine))

    from tribunal.ui.main_window import MainWindow

    sys.excepthook = _show_unexpected
    session = _Session(app, actor)
    window = MainWindow()
    session.window = window
    window.show()
    if os.environ.get("TRIBUNAL_BENCH_QUIT_AFTER_SHOW"):
        # For benchmarks/foundation.py and installer/smoke_test.py: report when the window
        # is on screen (the event loop has run once); the program leaves once the data is in.
        QTimer.singleShot(0, lambda: print(f"window-shown {time.time():.3f}", flush=True))
    # The database is opened on a worker once the window is on screen: started before the
    # first pass of the event loop, its imports and reads would compete with the window's
    # first paint for the interpreter.
    QTimer.singleShot(0, lambda: session.open(window, db_arg, first=True))
    # Once the clerk is at work, read the PDF fonts in the background, so the first hearing
    # pack prints as fast as the later ones (the fonts take ~0.4 s to load once per process).
    QTimer.singleShot(WARM_UP_DELAY_MS, _warm_up_documents)
    try:
        status = app.exec()
        return session.status if session.status != EXIT_OK else status
    finally:
        sys.excepthook = sys.__excepthook__
        from tribunal.ui import ops

        ops.wait_until_idle(5000)
        if session.window is not None:
            session.window.close()
            session.window.deleteLater()
        if session.db is not None:
            session.db.dispose()
        session.window = session.db = None

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
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QProgressDialog

from tribunal.errors import TribunalError
from tribunal.resources import app_icon_files, font_path, translations_dir
from tribunal.ui import lang, msgbox, wheel_guard, window_state

if TYPE_CHECKING:  # the database layer is imported after the window is up, not before
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
    return app


def install_fonts(app: QApplication) -> str | None:
    """Register the bundled Noto Serif SC (regular and bold) and make it the interface font.

    On a PC without any Chinese font Qt would otherwise draw boxes. The system's own family
    stays behind it as a fallback.

    Returns:
        The family name registered, or None when the font files are missing.
    """
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
    from tribunal.ui import background

    def done(path: object) -> None:
        if path:
            window.statusBar().showMessage(
                QCoreApplication.translate("app", "Today's automatic backup was saved: {path}").format(path=path),
                BACKUP_MESSAGE_MS)

    def failed(error: TribunalError) -> None:
        log.warning("daily backup failed: %s", error.message)
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "Today's automatic backup could not be made: {reason}").format(
                reason=error.message))

    background.run(window, lambda: backup.daily_backup(db), done, failed)


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
    from tribunal.ui import background

    try:
        db = demo.open_demo_database(actor=actor)
        if demo.has_demo(db):
            return db
    except TribunalError as exc:
        msgbox.critical(None, QCoreApplication.translate("app", "Cannot open the database"),
                        QCoreApplication.translate("app", "The demonstration data cannot be opened."),
                        exc.message)
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

    background.run(waiting, lambda: demo.load_demo(db, history=True), lambda _report: loop.quit(), failed)
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
def _language(values: dict[str, object]) -> str:
    language = str(values.get("ui.language") or lang.DEFAULT_LANGUAGE)
    return language if language in lang.LANGUAGES else lang.DEFAULT_LANGUAGE


def run_gui(db_arg: str | None = None, actor: str | None = None) -> int:
    """Open the program's window on the database ``db_arg`` and run until it is closed.

    Args:
        db_arg: A SQLite file or database URL; None for ``TRIBUNAL_DB`` or the default file.
        actor: The name written into the audit trail (default: the system user).

    Returns:
        The exit status: 0, or 1 when the database cannot be opened (after saying why).
    """
    app = create_application()
    install_fonts(app)

    from tribunal.services import settings as settings_service
    from tribunal.services.app import open_database

    # This computer's language is in its own settings file, known before the database opens.
    mine, problems = settings_service.workstation_values()
    install_translators(app, _language(mine))

    try:
        db = open_database(db_arg, actor=actor)
    except TribunalError as exc:
        msgbox.critical(None, QCoreApplication.translate("app", "Cannot open the database"),
                        QCoreApplication.translate(
                            "app", "The program cannot start because the database cannot be opened."),
                        exc.message)
        return EXIT_DATABASE
    try:
        values = settings_service.get_all(db)
    except TribunalError as exc:
        db.dispose()
        msgbox.critical(None, QCoreApplication.translate("app", "Cannot open the database"),
                        QCoreApplication.translate(
                            "app", "The program cannot start because the database cannot be read."),
                        exc.message)
        return EXIT_DATABASE

    if problems:
        msgbox.warning(None, QCoreApplication.translate("app", "Settings of this computer"),
                       QCoreApplication.translate(
                           "app", "Some settings of this computer could not be used; the defaults "
                           "are used instead."), "\n".join(problems))
    if not os.environ.get("TRIBUNAL_BENCH_QUIT_AFTER_SHOW"):
        # The commission's set-up on an empty database, else a new workstation's own set-up
        # (its language, clerk and documents folder, kept in this computer's settings file).
        first = first_run(db, actor)
        if first is None:
            db.dispose()
            return 0
        if first is not db:
            db.dispose()
            db = first
        values = settings_service.get_all(db)
    language = _language(values)
    if language != _language(mine):
        install_translators(app, language)

    from tribunal.ui.main_window import MainWindow

    sys.excepthook = _show_unexpected
    window = MainWindow(db, values)
    window.show()
    if os.environ.get("TRIBUNAL_BENCH_QUIT_AFTER_SHOW"):
        # For benchmarks/foundation.py and installer/smoke_test.py: report when the window
        # is on screen (the event loop has run once), then leave.
        def _report_shown() -> None:
            print(f"window-shown {time.time():.3f}", flush=True)
            app.quit()

        QTimer.singleShot(0, _report_shown)
    # Show the window first; the figures and the case list arrive a moment later.
    QTimer.singleShot(0, window.load_data)
    # Once the clerk is at work, read the PDF fonts in the background, so the first hearing
    # pack prints as fast as the later ones (the fonts take ~0.4 s to load once per process).
    QTimer.singleShot(WARM_UP_DELAY_MS, _warm_up_documents)
    # Once a day, a rotated copy of the database file beside it (none for a server database).
    QTimer.singleShot(DAILY_BACKUP_DELAY_MS, lambda: take_daily_backup(window, db))
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        db.dispose()

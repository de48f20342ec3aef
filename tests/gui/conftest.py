"""GUI test set-up: offscreen Qt, the bundled font, the Chinese translator, a seeded database.

Any Qt warning during a test fails it (pytest-qt's ``qt_log_level_fail``), except the few
harmless messages of the offscreen platform listed in ``QT_LOG_IGNORE``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.conftest import copy_database
from tests.integration.data.outreach import World
from tribunal.db.engine import Database
from tribunal.db.models import CircuitTribunal, Zone
from tribunal.domain.enums import StaffRole
from tribunal.errors import StaleEditError
from tribunal.services import reference
from tribunal.services.app import open_database
from tribunal.ui import app as ui_app
from tribunal.ui import msgbox, stale_edit, window_state

from .helpers import MessageBoxes

GUI_DIR = Path(__file__).parent

#: Messages of the offscreen platform plugin that say nothing about our code.
QT_LOG_IGNORE = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Make unexpected Qt warnings fail every GUI test."""
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(scope="session", autouse=True)
def qt_environment(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> QApplication:
    """Window-layout settings in a temporary folder, and the bundled Chinese font."""
    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    ui_app.create_application()
    ui_app.install_fonts(qapp)
    return qapp


@pytest.fixture(autouse=True)
def fresh_layout(qt_environment: QApplication) -> None:
    """Each test starts without remembered window and column layout."""
    QSettings(window_state.ORGANISATION, window_state.APPLICATION).clear()


@pytest.fixture(autouse=True)
def chinese(qt_environment: QApplication) -> Iterator[None]:
    """Every GUI test runs in Chinese (the default language) unless it asks for ``english``."""
    ui_app.install_translators(qt_environment, "zh_CN")
    yield
    ui_app.install_translators(qt_environment, "zh_CN")


@pytest.fixture
def english(chinese: None, qt_environment: QApplication) -> None:
    """Run the test with no translator loaded (English)."""
    ui_app.install_translators(qt_environment, "en")


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """No test ever blocks on a message box: they are recorded in ``boxes.shown``."""
    recorder = MessageBoxes()

    def record(kind: str):
        def show(_parent: object, title: str, text: str, detail: str = "") -> None:
            recorder.shown.append((kind, title, text, detail))
        return show

    def confirm(_parent: object, title: str, text: str, yes_text: str = "") -> bool:
        recorder.shown.append(("confirm", title, text, ""))
        return recorder.confirm_answer

    def ask_text(_parent: object, title: str, label: str, text: str = "") -> str | None:
        recorder.shown.append(("ask_text", title, label, ""))
        return recorder.text_answer

    def stale(parent: object, error: StaleEditError) -> bool:
        # The real dialog is built (its text is what the clerk would read), never shown.
        dialog = stale_edit.StaleEditDialog(error)
        recorder.shown.append(("stale", dialog.windowTitle(), dialog.text(), ""))
        dialog.deleteLater()
        return recorder.stale_reload

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(msgbox, kind, record(kind))
    monkeypatch.setattr(stale_edit, "ask", stale)
    monkeypatch.setattr(msgbox, "confirm", confirm)
    monkeypatch.setattr(msgbox, "ask_text", ask_text)
    return recorder


@pytest.fixture
def gui_db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite database for one test (a copy of the migrated template), opened the way
    the program opens it."""
    handle = open_database(str(copy_database(template_db, tmp_path, "t.sqlite3")), actor="测试书记员")
    yield handle
    handle.dispose()


@pytest.fixture(scope="session")
def world_file(outreach_world: Callable[[int], tuple[Path, World]]) -> tuple[Path, World]:
    """The hearing world of the outreach pages (a hearing on 2026-12-08 in a room of 5 seats,
    five enterprises of the zone and one elsewhere), built once per test run."""
    return outreach_world(5)


@pytest.fixture
def world_db(world_file: tuple[Path, World], tmp_path: Path) -> Iterator[Database]:
    """A private copy of the outreach world's database for one test, open."""
    handle = open_database(str(copy_database(world_file[0], tmp_path, "world.sqlite3")),
                           actor="测试书记员")
    yield handle
    handle.dispose()


@pytest.fixture
def seeded_db(gui_db: Database) -> Database:
    """The fresh database with two arbitrators, a clerk and one circuit tribunal.

    Staff go in through the reference service; there is no service for tribunals yet, so
    the tribunal (and its zone) is inserted directly.
    """
    reference.add_staff(gui_db, "李建国", StaffRole.ARBITRATOR)
    reference.add_staff(gui_db, "王淑芬", StaffRole.ARBITRATOR)
    reference.add_staff(gui_db, "赵静", StaffRole.CLERK)
    with gui_db.session() as s:
        zone = Zone(name="邵阳经济技术开发区", address="湖南省邵阳市大祥区宝庆大道")
        s.add(zone)
        s.flush()
        s.add(CircuitTribunal(name="邵阳经开区巡回仲裁庭", zone_id=zone.id,
                              address="邵阳经济技术开发区管委会一楼"))
    return gui_db

"""Starting the program: a bad database gives a Chinese message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.services import settings, setup, workstation
from tribunal.ui import app as ui_app
from tribunal.ui import setup_wizard
from tribunal.ui.main_window import MainWindow
from tribunal.ui.setup_wizard import WorkstationWizard

from .helpers import MessageBoxes, settle


def test_the_system_chinese_font_is_the_interface_font(qapp: QApplication) -> None:
    family = ui_app.install_fonts(qapp)
    assert family is not None and family != "Noto Serif SC"  # this machine has a Chinese UI font
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert qapp.font().families()[0] == family
    assert abs(qapp.font().pointSizeF() - ui_app.FONT_POINT_SIZE) < 0.01


def test_the_bundled_font_is_used_where_the_system_has_no_chinese_font(qapp: QApplication) -> None:
    try:
        family = ui_app.install_fonts(qapp, system=False)
        assert family == "Noto Serif SC"
        assert qapp.font().families()[0] == family
        assert "Noto Serif SC" in QFontDatabase.families()
    finally:
        ui_app.install_fonts(qapp)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, boxes: MessageBoxes) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("这不是数据库", encoding="utf-8")
    assert ui_app.run_gui(str(bad)) == ui_app.EXIT_DATABASE
    assert boxes.kinds() == ["critical"]
    _kind, title, _text, detail = boxes.shown[0]
    assert title == "无法打开数据库" and "不是数据库文件" in detail
    assert bad.read_text(encoding="utf-8") == "这不是数据库"  # left untouched


def test_a_missing_folder_is_refused(tmp_path: Path, boxes: MessageBoxes) -> None:
    assert ui_app.run_gui(str(tmp_path / "no" / "such" / "t.sqlite3")) == ui_app.EXIT_DATABASE
    assert "文件夹不存在" in boxes.texts()


def test_run_gui_shows_the_window_then_opens_the_database(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.set_workstation_values({"clerk.name": "赵静"})  # not this computer's first start
    events: list[str] = []
    original_attach = MainWindow.attach
    original_load = MainWindow.load_data

    def attach(window: MainWindow, *args: object) -> None:
        events.append("visible" if window.isVisible() else "hidden")  # before the database is in
        original_attach(window, *args)  # type: ignore[arg-type]

    def load_data(window: MainWindow) -> None:
        original_load(window)
        events.append(window.navigation_texts()[0])
        QTimer.singleShot(0, window.close)  # the last window closed ends the program

    monkeypatch.setattr(MainWindow, "attach", attach)
    monkeypatch.setattr(MainWindow, "load_data", load_data)
    monkeypatch.setattr(ui_app, "first_run", lambda db, _actor: db)  # the wizards have tests of their own
    assert ui_app.run_gui(str(tmp_path / "new.sqlite3")) == 0
    assert events == ["visible", "工作台"]
    assert (tmp_path / "new.sqlite3").exists()


def test_gui_start_path_does_not_load_the_pdf_code() -> None:
    code = ("import sys, tribunal.ui.app, tribunal.ui.main_window; "
            "print(sorted(m for m in sys.modules if m.startswith('reportlab')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.stdout.strip() == "[]"


def start_and_close(tmp_path: Path, qapp: QApplication) -> list[str]:
    """Run the program on a new database until its window has loaded; the first page's name."""
    seen: list[str] = []
    original_load = MainWindow.load_data

    def load_data(window: MainWindow) -> None:
        original_load(window)
        seen.append(window.navigation_texts()[0])
        QTimer.singleShot(0, window.close)  # the last window closed ends the program

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MainWindow, "load_data", load_data)
        assert ui_app.run_gui(str(tmp_path / "new.sqlite3")) == 0
    ui_app.install_translators(qapp, "zh_CN")
    return seen


def test_a_workstations_first_start_asks_for_its_own_settings(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Database] = []

    def answer(wizard: WorkstationWizard) -> QDialog.DialogCode:
        asked.append(wizard._db)
        setup_wizard.store_workstation(wizard._db, "欧阳晓燕", "", "en")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(setup, "needs_setup", lambda _db: False)  # a commission already set up
    monkeypatch.setattr(WorkstationWizard, "exec", answer)
    assert not workstation.exists()
    assert start_and_close(tmp_path, qapp) == ["Dashboard"]  # the language chosen
    assert len(asked) == 1 and asked[0].actor == "欧阳晓燕"
    # The next start does not ask again.
    asked.clear()
    start_and_close(tmp_path, qapp)
    assert asked == []


def test_a_bad_settings_file_gives_one_message_and_the_defaults(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes,
    workstation_file: Path,
) -> None:
    (workstation_file / "workstation.json").write_text('{"ui.language": "klingon"', encoding="utf-8")
    monkeypatch.setattr(setup, "needs_setup", lambda _db: False)
    monkeypatch.setattr(WorkstationWizard, "exec", lambda _w: pytest.fail("not a first start"))
    assert start_and_close(tmp_path, qapp) == ["工作台"]
    assert boxes.kinds() == ["warning"] and "已损坏" in boxes.texts()


def test_the_first_start_wizard_writes_this_computers_file(qtbot: QtBot, seeded_db: Database) -> None:
    wizard = WorkstationWizard(seeded_db)
    qtbot.addWidget(wizard)
    settle(qtbot)
    page = wizard.workstation
    assert [page.clerk.itemText(i) for i in range(page.clerk.count())] == ["赵静"]  # the commission's clerks
    page.clerk.setCurrentText("阿卜杜热合曼·阿卜杜克热木")
    page.language.setCurrentIndex(page.language.findData("en"))
    seeded_db.actor_explicit = False
    wizard.show()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.saved)
    stored = workstation.read()[0]
    assert stored["ui.language"] == "en" and stored["clerk.name"] == "阿卜杜热合曼·阿卜杜克热木"
    assert seeded_db.actor == "阿卜杜热合曼·阿卜杜克热木"


def test_qts_own_dialogs_and_buttons_speak_chinese(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] == ["确定", "取消"] or \
        sorted(b.text().replace("&", "") for b in buttons.buttons()) == sorted(["确定(O)", "取消"])
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("查找范围" in text for text in labels)
    assert any("文件名" in text for text in labels)

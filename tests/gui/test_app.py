"""Starting the program: a bad database gives a Chinese message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tribunal.ui import app as ui_app
from tribunal.ui.main_window import MainWindow

from .helpers import MessageBoxes


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
    assert ui_app.run_gui(str(tmp_path / "new.sqlite3")) == 0
    assert events == ["visible", "工作台"]
    assert (tmp_path / "new.sqlite3").exists()


def test_gui_start_path_does_not_load_the_pdf_code() -> None:
    code = ("import sys, tribunal.ui.app, tribunal.ui.main_window; "
            "print(sorted(m for m in sys.modules if m.startswith('reportlab')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.stdout.strip() == "[]"


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

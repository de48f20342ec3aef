"""Starting the program: a bad database gives a Chinese message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from tribunal.ui import app as ui_app
from tribunal.ui.main_window import MainWindow

from .helpers import MessageBoxes


def test_bundled_font_is_the_interface_font(qapp: QApplication) -> None:
    family = ui_app.install_fonts(qapp)
    assert family == "Noto Serif SC"
    assert qapp.font().families()[0] == family
    assert abs(qapp.font().pointSizeF() - ui_app.FONT_POINT_SIZE) < 0.01
    assert "Noto Serif SC" in QFontDatabase.families()


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


def test_run_gui_shows_the_window_then_loads_data(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    original_load = MainWindow.load_data

    def load_data(window: MainWindow) -> None:
        events.append("visible" if window.isVisible() else "hidden")
        original_load(window)
        events.append(window.navigation_texts()[0])
        QTimer.singleShot(0, window.close)

    monkeypatch.setattr(MainWindow, "load_data", load_data)
    monkeypatch.setattr(ui_app, "first_run", lambda db, _actor: db)  # the wizards have tests of their own
    monkeypatch.setattr(qapp, "exec", lambda: (QApplication.processEvents(), 0)[1])
    # exec() is replaced: let the zero-delay timer that loads the data run.
    original_single_shot = QTimer.singleShot
    monkeypatch.setattr(QTimer, "singleShot", lambda _ms, func: func())
    try:
        assert ui_app.run_gui(str(tmp_path / "new.sqlite3")) == 0
    finally:
        monkeypatch.setattr(QTimer, "singleShot", original_single_shot)
    assert events == ["visible", "工作台"]
    assert (tmp_path / "new.sqlite3").exists()


def test_gui_start_path_does_not_load_the_pdf_code() -> None:
    code = ("import sys, tribunal.ui.app, tribunal.ui.main_window; "
            "print(sorted(m for m in sys.modules if m.startswith('reportlab')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.stdout.strip() == "[]"

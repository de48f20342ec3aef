"""The first-run wizards driven end to end: commission set-up on an empty database, a second
workstation's set-up, the demonstration chosen instead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tribunal.domain.enums import StaffRole
from tribunal.services import reference, settings, setup
from tribunal.services.app import Database, open_database
from tribunal.services.enterprises import list_zones
from tribunal.ui import setup_wizard
from tribunal.ui.main_window import MainWindow
from tribunal.ui.setup_wizard import CommissionWizard, WorkstationWizard

from .helpers import make_case, settle, type_into

YEAR = 2026


@pytest.fixture
def empty_db(new_database: Path) -> Iterator[Database]:
    """A brand-new database, as a commission's first start creates it."""
    handle = open_database(str(new_database), actor="新书记员")
    yield handle
    handle.dispose()


def _next(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.text() == "下一步"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _finish(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.text() == "完成"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_commission(qtbot: QtBot, wizard: CommissionWizard) -> None:
    _next(qtbot, wizard)
    page = wizard.commission
    type_into(qtbot, page.name, "株洲市劳动人事争议仲裁院")
    page.name.editingFinished.emit()
    type_into(qtbot, page.address, "湖南省株洲市天元区神农大道1号")
    type_into(qtbot, page.phone, "0731-28680000")
    _next(qtbot, wizard)


def test_the_commission_wizard_sets_up_an_empty_database_and_numbers_the_first_case(
        qtbot: QtBot, empty_db: Database) -> None:
    assert setup.needs_setup(empty_db)
    assert settings.get(empty_db, "commission.name") == ""  # nothing of another commission pre-filled
    assert settings.get(empty_db, "case_number.prefix") == ""
    wizard = CommissionWizard(empty_db, year=YEAR)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_commission(qtbot, wizard)
    assert wizard.commission.seal_text.text() == "株洲市劳动人事争议仲裁委员会"  # suggested from the name

    numbering = wizard.numbering
    assert wizard.currentPage() is numbering
    assert numbering.next_number.value() == 1
    type_into(qtbot, numbering.case_prefix, "株劳人仲案字")
    numbering.case_prefix.editingFinished.emit()
    assert numbering.certificate_prefix.text() == "株劳人仲培字"
    numbering.next_number.setValue(37)
    assert "株劳人仲案字〔2026〕第37号" in numbering.preview.text()
    _next(qtbot, wizard)

    wizard.tribunals.set_line(0, "株洲高新技术产业开发区", "株洲高新区巡回仲裁庭", "株洲市天元区黄河北路")
    wizard.tribunals.set_line(1, "株洲高新技术产业开发区", "栗雨工业园巡回仲裁庭")
    wizard.tribunals.set_line(2, "醴陵经济开发区", "醴陵经开区巡回仲裁庭")
    _next(qtbot, wizard)
    wizard.staff.arbitrators.setPlainText("李建国\n阿卜杜热合曼·阿卜杜克热木\n")
    wizard.staff.clerks.setPlainText("欧阳晓燕\n王𬱖")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.workstation
    assert wizard.workstation.clerk.currentText() == "欧阳晓燕"
    assert setup.needs_setup(empty_db)  # nothing saved before 完成
    _finish(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.saved)  # saved off the GUI thread

    assert not wizard.isVisible()
    values = settings.get_all(empty_db)
    assert values["commission.name"] == "株洲市劳动人事争议仲裁院"
    assert values["commission.seal_text"] == "株洲市劳动人事争议仲裁委员会"
    assert values["commission.address"] == "湖南省株洲市天元区神农大道1号"
    assert values["certificate.number_pattern"] == "株劳人仲培字〔{年}〕第{号}号"
    assert values["clerk.name"] == "欧阳晓燕"
    assert not values["demo.data"]
    assert sorted(z.name for z in list_zones(empty_db)) == ["株洲高新技术产业开发区", "醴陵经济开发区"]
    assert [t.name for t in reference.list_tribunals(empty_db)] == sorted(
        ["株洲高新区巡回仲裁庭", "栗雨工业园巡回仲裁庭", "醴陵经开区巡回仲裁庭"])
    assert [s.name for s in reference.list_staff(empty_db, StaffRole.CLERK)] == ["欧阳晓燕", "王𬱖"]
    assert len(reference.list_staff(empty_db, StaffRole.ARBITRATOR)) == 2
    assert not setup.needs_setup(empty_db)
    assert not setup_wizard.workstation_is_new()

    first = make_case(empty_db, received=dt.date(YEAR, 11, 2))
    assert first.number == "株劳人仲案字〔2026〕第37号"
    assert make_case(empty_db, received=dt.date(YEAR, 11, 3)).number == "株劳人仲案字〔2026〕第38号"

    window = MainWindow(empty_db, values)
    qtbot.addWidget(window)
    assert "演示数据" not in window.windowTitle()


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(qtbot: QtBot, empty_db: Database) -> None:
    wizard = CommissionWizard(empty_db, year=YEAR)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    page = wizard.commission
    type_into(qtbot, page.phone, "12")
    _next(qtbot, wizard)
    assert wizard.currentPage() is page  # refused: still on the commission page
    assert page.feedback["name"].has_error and "仲裁机构名称" in page.feedback["name"].text
    assert page.feedback["phone"].has_error
    type_into(qtbot, page.name, "株洲市劳动人事争议仲裁院")
    page.phone.clear()
    _next(qtbot, wizard)
    numbering = wizard.numbering
    type_into(qtbot, numbering.case_prefix, "株劳 人仲案字")
    _next(qtbot, wizard)
    assert wizard.currentPage() is numbering
    assert "空格" in numbering.feedback["case_prefix"].text
    assert numbering.feedback["certificate_prefix"].has_error
    numbering.case_prefix.setText("株劳人仲案字")
    numbering.certificate_prefix.setText("株劳人仲培字")
    _next(qtbot, wizard)
    wizard.tribunals.set_line(0, "", "株洲高新区巡回仲裁庭")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.tribunals
    assert "第 1 行" in wizard.tribunals.feedback["tribunals"].text
    wizard.reject()
    assert setup.needs_setup(empty_db)
    assert settings.get(empty_db, "commission.name") == ""
    assert reference.list_tribunals(empty_db) == []


def test_choosing_the_demonstration_saves_nothing_in_the_real_database(qtbot: QtBot, empty_db: Database) -> None:
    wizard = CommissionWizard(empty_db, year=YEAR)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.start.demo, Qt.MouseButton.LeftButton)
    assert wizard.chose_demo and not wizard.saved
    assert setup.needs_setup(empty_db)


def test_the_demonstration_window_says_so(qtbot: QtBot, demo_db: Database) -> None:
    values = settings.get_all(demo_db)
    assert values["demo.data"] and values["commission.name"] == "邵阳市劳动人事争议仲裁院"
    window = MainWindow(demo_db, values)
    qtbot.addWidget(window)
    assert "演示数据" in window.windowTitle()


def test_a_second_workstation_sets_only_its_clerk_and_folder(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    reference.add_staff(db, "欧阳晓燕", StaffRole.CLERK)
    reference.add_staff(db, "王淑芬", StaffRole.CLERK)
    assert setup_wizard.workstation_is_new()
    wizard = WorkstationWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.workstation
    assert not page.isEnabled()  # until this computer's defaults and the clerks are read
    settle(qtbot)
    assert page.isEnabled()
    assert [page.clerk.itemText(i) for i in range(page.clerk.count())] == ["欧阳晓燕", "王淑芬"]
    page.clerk.setCurrentText("王淑芬")
    page.language.setCurrentIndex(page.language.findData("en"))
    page.folder.setText("relative/folder")
    _finish(qtbot, wizard)
    assert wizard.isVisible() and page.feedback["folder"].has_error  # refused beside the field
    assert settings.get(db, "documents.folder") == ""
    page.folder.setText(str(tmp_path / "文书"))
    _finish(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.saved)
    assert settings.get(db, "clerk.name") == "王淑芬"
    assert settings.get(db, "documents.folder") == str(tmp_path / "文书")
    assert settings.get(None, "ui.language") == "en"
    assert not setup_wizard.workstation_is_new()
    assert settings.get(db, "commission.name") == "邵阳市劳动人事争议仲裁院"  # the commission untouched


def test_first_run_opens_the_separate_demo_database_when_chosen(
        qtbot: QtBot, empty_db: Database, demo_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from PySide6.QtWidgets import QDialog

    from tribunal.db import engine
    from tribunal.ui import app as ui_app

    monkeypatch.setattr(engine, "default_database_path", lambda: tmp_path / "data" / "tribunal.sqlite3")
    (tmp_path / "data").mkdir()
    shutil.copyfile(demo_template, tmp_path / "data" / "tribunal-demo.sqlite3")  # loaded before

    def choose_demo(wizard: CommissionWizard) -> QDialog.DialogCode:
        wizard.choose_demo()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CommissionWizard, "exec", choose_demo)
    opened = ui_app.first_run(empty_db, "新书记员")
    assert opened is not None and opened is not empty_db
    try:
        assert opened.path == tmp_path / "data" / "tribunal-demo.sqlite3"
        assert settings.get(opened, "demo.data")
    finally:
        opened.dispose()
    assert setup.needs_setup(empty_db) and not settings.get(empty_db, "demo.data")  # the real one untouched


def test_first_run_on_a_set_up_database_asks_only_a_new_computer(
        qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from tribunal.ui import app as ui_app

    asked: list[str] = []
    monkeypatch.setattr(CommissionWizard, "exec", lambda _w: asked.append("commission") or 0)
    monkeypatch.setattr(WorkstationWizard, "exec", lambda _w: asked.append("workstation") or 0)
    assert ui_app.first_run(db) is db
    assert asked == ["workstation"]
    settings.set_workstation_values({"clerk.name": "王淑芬"})  # this computer's file now exists
    assert ui_app.first_run(db) is db
    assert asked == ["workstation"]

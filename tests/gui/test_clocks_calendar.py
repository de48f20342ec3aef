"""The legal-calendar dialog: loaded years, importing a year from a file, correcting one day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.legal_calendar import HOLIDAY, WORKDAY
from tribunal.services import legal_calendar
from tribunal.ui import legal_calendar_dialog
from tribunal.ui.legal_calendar_dialog import LegalCalendarDialog
from tribunal.ui.settings_page import SettingsPage

from .helpers import MessageBoxes, settle

SCHEDULE_2027 = """日期,类型,名称
2027-01-01,放假,元旦
2027-02-06,放假,春节
2027-02-07,放假,春节
2027-02-08,放假,春节
2027-02-14,上班,春节
"""


@pytest.fixture
def dialog(qtbot: QtBot, gui_db: Database) -> LegalCalendarDialog:
    widget = LegalCalendarDialog(gui_db, year=2027)
    qtbot.addWidget(widget)
    assert not widget.import_button.isEnabledTo(widget)  # nothing to import into until the years are read
    settle(qtbot)
    assert widget.import_button.isEnabledTo(widget)
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    monkeypatch.setattr(legal_calendar_dialog, "choose_file",
                        lambda *_args: str(path) if path is not None else None)


def test_the_loaded_years_and_the_next_one_to_import(dialog: LegalCalendarDialog) -> None:
    years = dialog.loaded_years()
    assert years[0] == 2026 and 2004 in years and 2027 not in years
    assert dialog.import_year_spin.value() == 2027
    # The newest year is shown with its days.
    days = dialog.days_model.rows()
    assert days and all(d.date.year == 2026 for d in days)
    assert any(d.date == dt.date(2026, 10, 10) and d.kind == WORKDAY for d in days)


def test_importing_a_year_from_a_file(qtbot: QtBot, dialog: LegalCalendarDialog, gui_db: Database,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2027年节假日.csv"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    choose(monkeypatch, path)
    dialog.choose_import_file()
    assert dialog.import_path.text() == str(path)
    dialog.import_source.setText("国务院办公厅关于2027年部分节假日安排的通知")
    assert dialog.import_file()
    assert dialog.changed
    settle(qtbot)
    assert dialog.loaded_years()[0] == 2027
    assert dialog.message.text() == "已载入2027年：放假 4 天，调休上班 1 天。"
    info = next(y for y in legal_calendar.years(gui_db) if y.year == 2027)
    assert (info.holidays, info.workdays, info.source) == (4, 1, "国务院办公厅关于2027年部分节假日安排的通知")
    assert [d.date for d in dialog.days_model.rows()][:2] == [dt.date(2027, 1, 1), dt.date(2027, 2, 6)]
    assert legal_calendar.calendar(gui_db).is_working_day(dt.date(2027, 2, 14))


def test_a_bad_file_changes_nothing_and_lists_every_bad_line(
    dialog: LegalCalendarDialog, gui_db: Database, tmp_path: Path,
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("2027-01-01,放假,元旦\n2027-13-01,放假,?\n2027-02-10,上班,春节\n", encoding="utf-8")
    dialog.import_path.setText(str(path))
    assert dialog.import_file() is False
    text = dialog.message.text()
    assert "第2行" in text and "第3行" in text and "未作任何更改" in text
    assert 2027 not in dialog.loaded_years() and not dialog.changed
    assert 2027 not in {y.year for y in legal_calendar.years(gui_db)}


def test_replacing_a_loaded_year_asks_first(dialog: LegalCalendarDialog, tmp_path: Path,
                                            boxes: MessageBoxes) -> None:
    path = tmp_path / "2026.csv"
    path.write_text("2026-01-01,放假,元旦\n", encoding="utf-8")
    dialog.import_year_spin.setValue(2026)
    dialog.import_path.setText(str(path))
    boxes.confirm_answer = False
    assert dialog.import_file() is False
    assert boxes.kinds() == ["confirm"] and "2026" in boxes.shown[0][2]
    assert not dialog.changed
    info = next(y for y in legal_calendar.years(dialog._db) if y.year == 2026)
    assert (info.holidays, info.workdays) == (33, 6)  # the package's schedule, untouched


def test_without_a_file_the_import_says_what_is_missing(dialog: LegalCalendarDialog) -> None:
    assert dialog.import_file() is False
    assert dialog.message.isVisibleTo(dialog)


def test_correcting_one_day(dialog: LegalCalendarDialog, gui_db: Database, boxes: MessageBoxes) -> None:
    dialog.day_edit.setDate(QDate(2026, 12, 31))
    dialog.day_kind.setCurrentIndex(dialog.day_kind.findData(HOLIDAY))
    dialog.day_name.setText("元旦")
    assert dialog.correct_day()
    assert boxes.kinds() == ["confirm"]
    assert not legal_calendar.calendar(gui_db).is_working_day(dt.date(2026, 12, 31))
    # Back to an ordinary day.
    dialog.day_kind.setCurrentIndex(dialog.day_kind.findData(None))
    assert dialog.correct_day()
    assert legal_calendar.calendar(gui_db).is_working_day(dt.date(2026, 12, 31))
    # A year that is not loaded cannot be corrected: the reason is shown.
    dialog.day_edit.setDate(QDate(2027, 3, 1))
    assert dialog.correct_day() is False
    assert "2027" in dialog.message.text()


def test_the_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, dialog: LegalCalendarDialog) -> None:
    qtmodeltester.check(dialog.years_model)
    qtmodeltester.check(dialog.days_model)


def test_the_settings_page_opens_the_dialog(qtbot: QtBot, gui_db: Database,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(LegalCalendarDialog, "ask",
                        staticmethod(lambda _parent, db, **_kw: opened.append(db) or False))
    page = SettingsPage(gui_db)
    qtbot.addWidget(page)
    page.legal_calendar_button.click()
    assert opened == [gui_db]

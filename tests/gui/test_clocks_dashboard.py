"""The dashboard's deadline lists (本周到期, 已超期), the missing-holidays banner, and opening a case."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.services import clocks, settings
from tribunal.ui import legal_calendar_dialog, ops
from tribunal.ui.case_detail import CLOCKS_TAB_POSITION
from tribunal.ui.cases_page import CasesPage
from tribunal.ui.clock_widgets import state_text
from tribunal.ui.dashboard_page import DashboardPage
from tribunal.ui.main_window import PAGE_CASES, MainWindow

from .helpers import settle


@pytest.fixture
def dashboard(qtbot: QtBot, demo_db: Database) -> DashboardPage:
    page = DashboardPage(demo_db)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.refresh(clerk="赵静")
    qtbot.waitUntil(lambda: page.overview is not None, timeout=30_000)
    return page


def test_the_lists_show_what_is_due_this_week_and_what_is_overdue(dashboard: DashboardPage,
                                                                   demo_db: Database) -> None:
    expected = clocks.due_overview(demo_db, TODAY)
    assert dashboard.due_model.rows() == expected.due_this_week
    assert dashboard.overdue_model.rows() == expected.overdue
    assert len(expected.due_this_week) > 0 and len(expected.overdue) > 0
    assert dashboard.due_box.title() == f"本周到期（{len(expected.due_this_week)}）"
    assert dashboard.overdue_box.title() == f"已超期（{len(expected.overdue)}）"
    # The state is written out, not only coloured.
    model = dashboard.overdue_model
    assert model.data(model.index(0, 1)) == state_text("overdue")
    assert model.data(model.index(0, 2)) == expected.overdue[0].case_number


def test_a_missing_holiday_year_is_announced_loudly(dashboard: DashboardPage) -> None:
    assert dashboard.missing_years == [2027]
    assert dashboard.calendar_banner.isVisibleTo(dashboard)
    assert "2027" in dashboard.calendar_banner_text.text()


def test_the_banner_opens_the_import_and_goes_once_the_year_is_loaded(
    qtbot: QtBot, dashboard: DashboardPage, demo_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    schedule = tmp_path / "2027.csv"
    schedule.write_text("日期,类型,名称\n2027-01-01,放假,元旦\n2027-02-06,放假,春节\n", encoding="utf-8")
    asked: list[int | None] = []

    def ask(_parent: object, db: Database, *, year: int | None = None) -> bool:
        asked.append(year)
        from tribunal.services import legal_calendar
        legal_calendar.import_year_file(db, schedule, 2027, "测试用安排")
        return True

    monkeypatch.setattr(legal_calendar_dialog.LegalCalendarDialog, "ask", staticmethod(ask))
    changed: list[int] = []
    dashboard.calendar_changed.connect(lambda: changed.append(1))
    dashboard.overview = None
    qtbot.mouseClick(dashboard.import_calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dashboard.overview is not None, timeout=30_000)
    assert asked == [2027] and changed == [1]
    assert dashboard.missing_years == []
    assert not dashboard.calendar_banner.isVisibleTo(dashboard)


def test_a_row_opens_its_case(qtbot: QtBot, dashboard: DashboardPage) -> None:
    opened: list[int] = []
    dashboard.case_opened.connect(opened.append)
    row = dashboard.overdue_model.row(0)
    dashboard.overdue_view.activated.emit(dashboard.overdue_model.index(0, 2))
    assert opened == [row.case_id]
    dashboard.due_view.activated.emit(dashboard.due_model.index(0, 0))
    assert opened[1] == dashboard.due_model.row(0).case_id


def test_the_due_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, dashboard: DashboardPage) -> None:
    qtmodeltester.check(dashboard.due_model)
    qtmodeltester.check(dashboard.overdue_model)


def test_the_main_window_opens_the_case_at_its_time_limits(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db, settings.get_all(demo_db))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    window.load_data()
    settle(qtbot)
    case_id = clocks.due_overview(demo_db, TODAY).overdue[0].case_id
    window.dashboard.case_opened.emit(case_id)
    settle(qtbot)
    assert window.stack.currentIndex() == PAGE_CASES
    assert window.cases.selected_case_id() == case_id
    assert window.cases.detail.currentIndex() == CLOCKS_TAB_POSITION
    # The case list builds its detail pane without the database: the 期限 tab finds it.
    assert window.cases.detail.clocks.case_id() == case_id
    assert window.cases.detail.clocks.model.rowCount() == 7
    assert window.calculator_action.text()
    ops.wait_until_idle()


def test_the_case_list_shows_the_clocks_of_the_selected_case(qtbot: QtBot, demo_db: Database) -> None:
    page = CasesPage(demo_db)
    qtbot.addWidget(page)
    page.load()
    settle(qtbot)
    case_id = page.model.case_id(0)
    assert case_id is not None and page.select_case(case_id)
    settle(qtbot)
    assert page.detail.clocks.case_id() == case_id
    assert page.detail.clocks.model.rowCount() == 7

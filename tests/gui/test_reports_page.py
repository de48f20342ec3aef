"""The 统计 page, the dashboard's figures of the month, and the close-case dialog's new fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import copy_database
from tests.integration.data.reports import TODAY, ReportWorld
from tribunal.domain.enums import CaseOutcome, CaseResult
from tribunal.services import cases
from tribunal.services.app import Database, open_database
from tribunal.ui import ops, reports_page
from tribunal.ui.case_dialogs import CloseCaseDialog
from tribunal.ui.dashboard_page import (
    DUE_THIS_WEEK,
    MONTH_MEDIATION,
    MONTH_OBSERVERS,
    MONTH_SESSIONS,
    DashboardPage,
)
from tribunal.ui.reports_page import FigureListDialog, ReportsPage

from .helpers import opened, settle

D = dt.date


@pytest.fixture
def gui_db(report_world_file: tuple[Path, ReportWorld], tmp_path: Path) -> Iterator[Database]:
    """The hand-built register of the report tests (built once per run), copied for this test."""
    handle = open_database(str(copy_database(report_world_file[0], tmp_path)), actor="测试书记员")
    yield handle
    handle.dispose()


@pytest.fixture
def world(report_world_file: tuple[Path, ReportWorld], gui_db: Database) -> ReportWorld:
    return report_world_file[1]


@pytest.fixture
def page(qtbot: QtBot, gui_db: Database, world) -> ReportsPage:
    widget = ReportsPage(gui_db)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.set_period(D(2026, 11, 1), D(2026, 11, 30))
    return widget


def _line(page: ReportsPage, model, label: str) -> tuple[str, str]:
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0)).strip() == label:
            return model.data(model.index(row, 1)), model.data(model.index(row, 2))
    raise AssertionError(label)


def test_the_page_shows_the_figures_the_table_and_the_charts(page: ReportsPage) -> None:
    assert page.heading.text().startswith("2026年11月")
    assert _line(page, page.circuit_model, "巡回开庭场次（场）") == ("4", "1")
    assert _line(page, page.circuit_model, "调解成功率") == ("50.0%", "100.0%")
    assert _line(page, page.circuit_model, "调解金额（元）") == ("110,000.00", "5,000.00")
    assert _line(page, page.stats_model, "期末未结案件（件）") == ("4", "0")
    index = page.circuit_model.index(1, 1)
    assert "按“开庭日期＋开庭企业”去重计数" in page.circuit_model.data(index, 3)  # ToolTipRole: the definition
    for widget in page.charts.values():
        assert widget.renderer().isValid()
    assert not page.date_from.isEnabled() or page.preset.currentData() == reports_page.CUSTOM


def test_presets_and_filters_recount(qtbot: QtBot, page: ReportsPage, world) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.tribunal.setCurrentIndex(page.tribunal.findData(world.t2))
    assert _line(page, page.circuit_model, "巡回开庭场次（场）") == ("1", "0")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.preset.setCurrentIndex(page.preset.findData("last_month"))  # today is 2026-12-10
    assert (page.request.start, page.request.end) == (D(2026, 11, 1), D(2026, 11, 30))
    assert not page.date_from.isEnabled()


def test_a_figure_opens_the_list_behind_it_and_a_case_from_there(qtbot: QtBot, page: ReportsPage,
                                                                  world) -> None:
    shown: list[FigureListDialog] = []
    original = page.show_list
    page.show_list = lambda listed: shown.append(original(listed))  # type: ignore[method-assign]
    row = next(r for r in range(page.circuit_model.rowCount())
               if page.circuit_model.data(page.circuit_model.index(r, 0)) == "巡回开庭场次（场）")
    page.circuit_view.activated.emit(page.circuit_model.index(row, 1))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    dialog = shown[0]  # deletes itself when closed
    assert dialog.model.rowCount() == 4
    assert [dialog.model.data(dialog.model.index(r, 0)) for r in range(4)] == [
        "2026-11-05", "2026-11-12", "2026-11-18", "2026-11-24"]
    opened: list[int] = []
    page.case_opened.connect(opened.append)
    dialog.view.activated.emit(dialog.model.index(2, 0))  # 11-18 at E7: one case, C5
    assert opened == [world.cases["C5"]]


def test_export_to_excel(qtbot: QtBot, page: ReportsPage, boxes, monkeypatch: pytest.MonkeyPatch,
                         tmp_path: Path) -> None:
    target = tmp_path / "十一月"
    monkeypatch.setattr(reports_page, "choose_save_file", lambda *args: str(target))
    page.export(".xlsx")
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=20_000)
    ops.wait_until_idle()
    saved = tmp_path / "十一月.xlsx"
    assert saved.exists() and boxes.kinds() == ["information"]
    assert openpyxl.load_workbook(saved)["主要数据"]["A1"].value == "巡回仲裁庭工作情况统计表"


def test_dashboard_figures_of_the_month(qtbot: QtBot, gui_db: Database, world) -> None:
    dashboard = DashboardPage(gui_db)
    qtbot.addWidget(dashboard)
    dashboard.today = lambda: D(2026, 11, 30)
    dashboard.refresh(clerk="赵静")
    qtbot.waitUntil(lambda: dashboard.month_figures is not None and dashboard.overview is not None,
                    timeout=20_000)
    assert dashboard.numbers[MONTH_SESSIONS].text() == "4"
    assert dashboard.numbers[MONTH_OBSERVERS].text() == "5"
    assert dashboard.numbers[MONTH_MEDIATION].text() == "50%"
    assert dashboard.numbers[DUE_THIS_WEEK].text() == str(len(dashboard.overview.due_this_week))
    asked: list[str] = []
    dashboard.month_figure_opened.connect(asked.append)
    dashboard.open_month_figure(MONTH_OBSERVERS)
    assert asked == ["observers"]


def test_close_dialog_proposes_on_site_mediation_and_records_the_result(qtbot: QtBot, gui_db: Database,
                                                                          world) -> None:
    case = cases.get_case(gui_db, world.cases["C13"])  # its hearing at E1 is on 2026-11-16
    dialog = CloseCaseDialog(gui_db, case.id, case.number)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(CaseOutcome.MEDIATED.value))
    dialog.closed_date.setDate(D(2026, 11, 16))
    settle(qtbot)  # the proposal is worked out in the background
    assert dialog.on_site.isChecked() and "2026-11-16" in dialog.on_site_hint.text()
    dialog.closed_date.setDate(D(2026, 11, 20))
    settle(qtbot)
    assert not dialog.on_site.isChecked()
    dialog.on_site.setChecked(True)  # the clerk knows better: settled at the hearing after all
    dialog.closed_date.setDate(D(2026, 11, 21))
    settle(qtbot)
    assert dialog.on_site.isChecked()  # a choice made by hand is kept
    dialog.amount.setText("一万")
    dialog.result_choice.setCurrentIndex(dialog.result_choice.findData(CaseResult.WORKER.value))
    assert not dialog.save()
    assert "不是有效的数字" in dialog.feedback("amount").text
    dialog.amount.setText("10,000")
    assert dialog.save()
    closed = cases.get_case(gui_db, case.id)
    assert (closed.result, closed.result_amount_fen, closed.mediated_on_site) == (CaseResult.WORKER, 1_000_000, True)

    correcting = CloseCaseDialog(gui_db, case.id, case.number, correcting=True)
    qtbot.addWidget(correcting)
    opened(qtbot, correcting)
    assert not correcting.outcome.isEnabled() and correcting.amount.text() == "10,000.00"
    correcting.on_site.setChecked(False)
    assert correcting.save()
    assert cases.get_case(gui_db, case.id).mediated_on_site is False

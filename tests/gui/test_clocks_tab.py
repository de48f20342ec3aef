"""The 期限 tab of a case: states in words and colour, and the dialogs that move the clocks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseStatus, PartyRole
from tribunal.services import cases, clocks, hearings
from tribunal.services.cases import CaseFilter
from tribunal.services.clocks import DONE, ON_TIME, OVERDUE
from tribunal.ui.case_detail import CLOCKS_TAB_POSITION, CaseDetailPane
from tribunal.ui.clock_widgets import (
    CANNOT_COMPUTE,
    COL_DUE,
    COL_STATE,
    ClocksTab,
    EndSuspensionDialog,
    ExtensionDialog,
    RecordDialog,
    RecountDialog,
    ServiceDialog,
    SuspensionDialog,
    item_state,
    state_colour,
    state_text,
)
from tribunal.ui.rows_model import ERROR_COLOUR, GOOD_COLOUR

from .helpers import MessageBoxes, opened, settle


def open_tab(qtbot: QtBot, db: Database, case_id: int) -> ClocksTab:
    tab = ClocksTab(db, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show_case(case_id)
    settle(qtbot)
    return tab


def accepted_case_with(db: Database, state: str) -> int:
    """An accepted demo case whose award clock is in ``state`` (after item_state)."""
    for row in cases.search_cases(db, CaseFilter(status=CaseStatus.ACCEPTED), limit=None):
        award = clocks.case_clock(db, row.id, TODAY).item("award_due")
        if award is not None and item_state(award) == state:
            return row.id
    raise AssertionError(f"no accepted demo case whose time limit is {state}")


def save(qtbot: QtBot, dialog: RecordDialog) -> bool:
    """Press 登记 and wait for the background worker's answer: True when recorded."""
    with qtbot.waitSignal(dialog.answered, timeout=10_000) as blocker:
        dialog.save()
    return bool(blocker.args[0])


def shown_state(tab: ClocksTab, key: str) -> tuple[str, QBrush]:
    row = tab.model.row_of(key)
    assert row is not None
    index = tab.model.index(row, COL_STATE)
    return tab.model.data(index), tab.model.data(index, Qt.ItemDataRole.ForegroundRole)


def test_the_scheduled_showcase_case_shows_each_date_with_its_state(qtbot: QtBot, demo_db: Database) -> None:
    first = hearings.list_hearings(demo_db)[0]
    tab = open_tab(qtbot, demo_db, first.case_id)
    clock = clocks.case_clock(demo_db, first.case_id, TODAY)
    assert [r.key for r in tab.model.rows()] == [it.key for it in clock.items]
    assert tab.model.rowCount() == 7
    text, brush = shown_state(tab, "award_due")
    assert text == state_text(ON_TIME) and brush.color() == GOOD_COLOUR
    text, brush = shown_state(tab, "accept_by")
    assert text == state_text(DONE)
    award = clock.item("award_due")
    assert award is not None and award.due is not None
    row = tab.model.row_of("award_due")
    assert tab.model.data(tab.model.index(row, COL_DUE)).startswith(award.due.isoformat())
    assert clock.case_number in tab.summary.text() and award.due.isoformat() in tab.summary.text()
    assert not tab.warning.isVisibleTo(tab)
    assert tab.suspend_button.isEnabled() and tab.extend_button.isEnabled()
    assert not tab.resume_button.isEnabled()


def test_an_overdue_date_is_red_and_says_so(qtbot: QtBot, demo_db: Database) -> None:
    overdue = clocks.due_overview(demo_db, TODAY).overdue[0]
    tab = open_tab(qtbot, demo_db, overdue.case_id)
    text, brush = shown_state(tab, overdue.key)
    assert text == state_text(OVERDUE) and brush.color() == ERROR_COLOUR
    assert state_text(OVERDUE) != state_text(ON_TIME) != state_text(DONE)  # readable without colour


def test_a_year_without_holidays_is_cannot_compute_with_the_reason(qtbot: QtBot, demo_db: Database) -> None:
    case_id = accepted_case_with(demo_db, CANNOT_COMPUTE)
    tab = open_tab(qtbot, demo_db, case_id)
    text, brush = shown_state(tab, "award_due")
    assert text == state_text(CANNOT_COMPUTE) and brush.color() == state_colour(CANNOT_COMPUTE)
    assert tab.warning.isVisibleTo(tab) and "2027" in tab.warning.text()
    row = tab.model.row_of("award_due")
    assert tab.model.data(tab.model.index(row, COL_DUE)) == "—"


def test_the_item_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                                   demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, hearings.list_hearings(demo_db)[0].case_id)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.event_model)


def test_recording_and_ending_a_suspension(qtbot: QtBot, demo_db: Database) -> None:
    case_id = accepted_case_with(demo_db, ON_TIME)
    tab = open_tab(qtbot, demo_db, case_id)
    number = tab.clock.case_number  # type: ignore[union-attr]
    dialog = SuspensionDialog(demo_db, case_id, number, TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("appraisal"))
    assert "第四十七条第（六）项" in dialog.basis.text()
    assert dialog.reason.findData("law_other") == -1 and dialog.reason.findData("public_notice") == -1
    assert "最后一日" in dialog.intro.text()  # both ends are not counted, and the clerk is told (in Chinese)
    dialog.detail.setText("等待伤残等级鉴定结论")
    dialog.start.setDate(QDate(2026, 11, 20))
    assert save(qtbot, dialog)
    suspension = dialog.result_value
    assert suspension.reason == "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论：等待伤残等级鉴定结论"
    assert suspension.end is None
    assert cases.get_case(demo_db, case_id).status == CaseStatus.SUSPENDED

    tab.reload()
    settle(qtbot)
    assert tab.event_model.rowCount() == 1
    assert tab.event_model.row(0).entered_by == "测试书记员"
    assert tab.resume_button.isEnabled() and not tab.suspend_button.isEnabled()
    assert tab.clock is not None and tab.clock.suspended

    end = EndSuspensionDialog(demo_db, suspension, number, TODAY)
    qtbot.addWidget(end)
    end.end.setDate(QDate(2026, 11, 25))
    assert save(qtbot, end)
    tab.reload()
    settle(qtbot)
    assert tab.event_model.rowCount() == 2
    assert tab.clock is not None and not tab.clock.suspended and tab.clock.excluded_days == 6
    assert cases.get_case(demo_db, case_id).status == CaseStatus.ACCEPTED


def test_a_refused_value_is_shown_beside_its_field(qtbot: QtBot, demo_db: Database) -> None:
    case_id = accepted_case_with(demo_db, ON_TIME)
    dialog = ExtensionDialog(demo_db, case_id, "案号", TODAY)
    qtbot.addWidget(dialog)
    assert save(qtbot, dialog) is False
    assert dialog.feedback("approved_by").has_error
    assert "批准人" in dialog.feedback("approved_by").text
    dialog.approved_by.setText("仲裁院院长 王某")
    assert save(qtbot, dialog)
    clock = dialog.result_value
    assert clock.extended and clock.award_due == clock.award_due_60
    assert clock.item("award_due").key == "award_due_extended"  # type: ignore[union-attr]


def test_counting_afresh_after_a_changed_claim(qtbot: QtBot, demo_db: Database) -> None:
    case_id = accepted_case_with(demo_db, ON_TIME)
    before = clocks.case_clock(demo_db, case_id, TODAY)
    dialog = RecountDialog(demo_db, case_id, before.case_number, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.recount_item.findData("六") == -1  # suspension days are not a re-count
    dialog.recount_item.setCurrentIndex(dialog.recount_item.findData("三"))
    assert "受理增加或者变更请求之日" in dialog.start_hint.text()
    dialog.restart_date.setDate(QDate(TODAY))
    dialog.note.setText("申请人增加加班费请求")
    assert save(qtbot, dialog)
    after = dialog.result_value
    assert after.clock_start == TODAY
    assert after.clock_restart_reason == "（三）申请人增加或者变更仲裁请求：申请人增加加班费请求"


def test_service_of_the_application_copy_starts_the_defence_period(qtbot: QtBot, demo_db: Database) -> None:
    # A case whose respondent has not signed for the application copy yet.
    case_id = next(
        row.id for row in cases.search_cases(demo_db, CaseFilter(status=CaseStatus.ACCEPTED), limit=None)
        if clocks.case_clock(demo_db, row.id, TODAY).item("defence_due").due is None  # type: ignore[union-attr]
    )
    case = cases.get_case(demo_db, case_id)
    dialog = ServiceDialog(demo_db, case_id, case.number, TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)  # the parties to choose from
    offered = [dialog.party.itemData(i) for i in range(dialog.party.count())]
    assert offered == [p.id for p in case.parties if p.role != PartyRole.APPLICANT]
    dialog.served_on.setDate(QDate(TODAY))
    dialog.signed_by.setText("刘晓燕")
    assert save(qtbot, dialog)
    defence = clocks.case_clock(demo_db, case_id, TODAY).item("defence_due")
    assert defence is not None and defence.due == dt.date(2026, 12, 11)  # 10 working days after Fri 27 Nov


def test_the_case_view_has_the_clocks_tab(qtbot: QtBot, demo_db: Database, boxes: MessageBoxes) -> None:
    pane = CaseDetailPane(db=demo_db)
    qtbot.addWidget(pane)
    pane.clocks._today = lambda: TODAY  # type: ignore[method-assign]
    case = cases.get_case(demo_db, hearings.list_hearings(demo_db)[0].case_id)
    pane.show_case(case)
    settle(qtbot)
    assert pane.widget(CLOCKS_TAB_POSITION) is pane.clocks
    assert pane.tabText(CLOCKS_TAB_POSITION) == pane.tr("Time limits")
    assert pane.clocks.case_id() == case.id and pane.clocks.model.rowCount() == 7
    pane.show_case(None)
    settle(qtbot)
    assert pane.clocks.case_id() is None and pane.clocks.model.rowCount() == 0
    assert boxes.shown == []

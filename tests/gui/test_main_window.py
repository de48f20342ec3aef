"""The main window: navigation in Chinese (or English), status line, shortcuts, dashboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.enums import CaseOutcome
from tribunal.services import cases, settings
from tribunal.ui import window_state
from tribunal.ui.cases_page import HEADER_KEY
from tribunal.ui.dashboard_page import (
    FIGURE_CLOSED_THIS_YEAR,
    FIGURE_OPEN,
    FIGURE_RECEIVED_THIS_MONTH,
)
from tribunal.ui.main_window import (
    PAGE_CASES,
    PAGE_DASHBOARD,
    PAGE_REPORTS,
    PAGE_SETTINGS,
    MainWindow,
)

from .helpers import MessageBoxes, make_case, settle

CHINESE_NAVIGATION = ["工作台", "案件", "开庭排期", "企业", "旁听人员", "培训", "文书", "统计", "设置"]


def open_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db, settings.get_all(db))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
        settle(qtbot)
    window.load_data()
    settle(qtbot)
    return window


def test_navigation_is_in_chinese_with_the_translator(qtbot: QtBot, seeded_db: Database) -> None:
    window = open_window(qtbot, seeded_db)
    assert window.navigation_texts() == CHINESE_NAVIGATION
    assert window.windowTitle() == "巡回仲裁庭书记员工作台"
    assert window.cases.new_button.text() == "登记新案件"


def test_navigation_is_in_english_without_a_translator(
    qtbot: QtBot, seeded_db: Database, english: None
) -> None:
    window = open_window(qtbot, seeded_db)
    assert window.navigation_texts() == [
        "Dashboard", "Cases", "Hearings", "Enterprises", "Observers", "Training",
        "Documents", "Reports", "Settings",
    ]
    assert window.cases.status.itemText(2) == "Received"  # enum labels follow the language


def test_status_line_shows_database_and_clerk(qtbot: QtBot, seeded_db: Database) -> None:
    window = open_window(qtbot, seeded_db)
    assert seeded_db.display_name in window.database_label.text()
    assert window.clerk_label.text() == "书记员：测试书记员"  # no clerk.name: the actor

    settings_page = window.settings_page
    settings_page.set_field("clerk.name", "赵静")
    with qtbot.waitSignal(settings_page.save_finished) as finished:
        settings_page.save()
    assert finished.args == [True]
    assert window.clerk_label.text() == "书记员：赵静"
    assert "赵静" in window.dashboard.greeting.text()


def test_every_page_is_built_and_reports_come_on_first_show(qtbot: QtBot, seeded_db: Database) -> None:
    from tribunal.ui import ops
    from tribunal.ui.reports_page import ReportsPage

    window = open_window(qtbot, seeded_db)
    window.switch_to(PAGE_REPORTS)
    settle(qtbot)
    page = window.current_page()
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.circuit is not None, timeout=20_000)
    assert page.circuit.current.sessions == 0  # nothing held yet: a report of zeros
    ops.wait_until_idle()


def test_dashboard_counts_come_from_the_register(qtbot: QtBot, seeded_db: Database) -> None:
    today = dt.date.today()
    make_case(seeded_db, "张三")
    make_case(seeded_db, "李四", received=today.replace(day=1) - dt.timedelta(days=1))
    closed = make_case(seeded_db, "王五", accepted=today)
    cases.close_case(seeded_db, closed.id, CaseOutcome.MEDIATED, today)

    window = open_window(qtbot, seeded_db)
    numbers = {key: label.text() for key, label in window.dashboard.numbers.items()}
    assert numbers[FIGURE_OPEN] == "2"
    assert numbers[FIGURE_RECEIVED_THIS_MONTH] == "2"
    expected_closed = 1 if closed.year == today.year else 0
    assert numbers[FIGURE_CLOSED_THIS_YEAR] == str(expected_closed)

    window.open_figure(FIGURE_OPEN)
    settle(qtbot)
    assert window.stack.currentIndex() == PAGE_CASES
    assert window.cases.model.rowCount() == 2


def test_keyboard_switches_pages_and_focuses_search(qtbot: QtBot, seeded_db: Database) -> None:
    window = open_window(qtbot, seeded_db)
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.stack.currentIndex() == PAGE_DASHBOARD

    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentIndex() == PAGE_SETTINGS
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentIndex() == PAGE_CASES

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.cases.search.hasFocus())


def test_ctrl_n_registers_a_case_from_the_cases_page(
    qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, seeded_db)
    with qtbot.waitActive(window):
        window.activateWindow()
    asked: list[str] = []
    monkeypatch.setattr(window.cases, "new_case", lambda: asked.append("new"))
    window.switch_to(PAGE_CASES)
    settle(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["new"]


def test_dashboard_find_button_goes_to_the_search(qtbot: QtBot, seeded_db: Database) -> None:
    window = open_window(qtbot, seeded_db)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.dashboard.find_case_button.click()
    settle(qtbot)
    assert window.stack.currentIndex() == PAGE_CASES
    qtbot.waitUntil(lambda: window.cases.search.hasFocus())


def test_window_and_column_layout_are_remembered(qtbot: QtBot, seeded_db: Database) -> None:
    window = open_window(qtbot, seeded_db)
    window.resize(1100, 650)
    window.cases.view.setColumnWidth(0, 333)
    window.close()

    stored = QSettings(window_state.ORGANISATION, window_state.APPLICATION)
    assert stored.contains("main_window/geometry") and stored.contains(f"{HEADER_KEY}/header")
    again = open_window(qtbot, seeded_db)
    assert again.cases.view.columnWidth(0) == 333


def test_scheduling_starts_from_the_case_selected_in_the_case_list(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tribunal.domain.enums import CaseStatus
    from tribunal.ui.hearing_dialog import HearingDialog
    from tribunal.ui.main_window import PAGE_HEARINGS

    asked: list[int | None] = []
    monkeypatch.setattr(HearingDialog, "ask",
                        staticmethod(lambda _parent, _db, *, case_id=None, start=None, today=None:
                                     asked.append(case_id)))
    window = open_window(qtbot, demo_db)
    page = window.cases
    model = page.model
    accepted = next(r for r in range(model.rowCount())
                    if (row := model.case_row(r)) is not None and row.status == CaseStatus.ACCEPTED)
    received = next(r for r in range(model.rowCount())
                    if (row := model.case_row(r)) is not None and row.status == CaseStatus.RECEIVED)
    page.view.selectRow(received)
    assert not page.schedule_button.isEnabled()  # not accepted yet: nothing to schedule
    page.view.selectRow(accepted)
    wanted = model.case_id(accepted)
    assert page.schedule_button.isEnabled()
    # 排期开庭… on the case list opens the dialog on 开庭排期 for that case…
    page.schedule_button.click()
    settle(qtbot)
    assert window.stack.currentIndex() == PAGE_HEARINGS and asked == [wanted]
    # …and so does 排期开庭 on the calendar while the case is selected in 案件.
    from tribunal.ui.hearings_page import HearingsPage

    hearings_page = window.current_page()
    assert isinstance(hearings_page, HearingsPage)
    hearings_page.new_button.click()
    settle(qtbot)
    assert asked == [wanted, wanted]


def test_the_hearing_pane_invites_observers_and_opens_check_in(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tribunal.domain.enums import HearingStatus
    from tribunal.services import hearings
    from tribunal.ui.checkin_window import CheckinWindow
    from tribunal.ui.hearings_page import HearingsPage
    from tribunal.ui.main_window import PAGE_HEARINGS, PAGE_OBSERVERS

    window = open_window(qtbot, demo_db)
    window.switch_to(PAGE_HEARINGS)
    settle(qtbot)
    page = window.current_page()
    assert isinstance(page, HearingsPage)
    public = next(r for r in hearings.list_hearings(demo_db)
                  if r.public and r.status == HearingStatus.SCHEDULED)
    page.open_hearing(public.id)
    settle(qtbot)
    assert page.detail.invite_button.isEnabled() and page.detail.checkin_button.isEnabled()
    page.detail.invite_button.click()
    settle(qtbot)
    assert window.stack.currentIndex() == PAGE_OBSERVERS
    assert window.observers.tabs.currentWidget() is window.observers.invitations
    assert window.observers.invitations.hearing_id() == public.id
    opened: list[int] = []
    monkeypatch.setattr(CheckinWindow, "open_for", staticmethod(lambda _parent, _db, hid: opened.append(hid)))
    page.detail.checkin_button.click()
    settle(qtbot)
    assert opened == [public.id]


def test_file_menu_restores_a_backup_and_every_page_reads_it_again(
        qtbot: QtBot, seeded_db: Database, boxes: MessageBoxes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tribunal.services import backup, enterprises
    from tribunal.ui import ops

    kept = [make_case(seeded_db, "阿卜杜热合曼·阿卜杜克热木"), make_case(seeded_db, "王𬱖")]
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backup.backup_to_folder(seeded_db, stick)
    # After the backup: a case and an enterprise that the restore must take away again.
    later = make_case(seeded_db, "李䶮")
    enterprises.create_enterprise(seeded_db, enterprises.EnterpriseInput(
        name="中国建筑第五工程局有限公司湖南分公司邵阳经济技术开发区宝庆大道综合管廊项目经理部"))

    window = open_window(qtbot, seeded_db)
    for index in range(PAGE_SETTINGS + 1):  # every page built, as after a day's work
        window.switch_to(index)
    window.switch_to(PAGE_CASES)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 3, timeout=10_000)
    log = window.open_audit_log()
    ops.wait_until_idle()

    loaded: list[str] = []
    pages = [window.dashboard, window.cases, window.settings_page, *window._built.values()]
    for page in pages:
        if hasattr(page, "load"):
            original = page.load
            monkeypatch.setattr(page, "load", lambda original=original, page=page: (
                loaded.append(type(page).__name__), original())[1])

    window.choose_backup_file = lambda: str(made.path)  # type: ignore[method-assign]
    boxes.confirm_answer = True
    action = window.restore_action
    assert action.text() == "从备份恢复…" and action.isEnabled()
    with qtbot.waitSignal(ops.bus().changed, timeout=30_000):
        action.trigger()
    ops.wait_until_idle()

    # Asked first, told once: no page complains about the database being away meanwhile.
    assert [b[0] for b in boxes.shown] == ["confirm", "information"], boxes.shown
    assert "恢复" in boxes.shown[0][1] and "已恢复" in boxes.shown[1][1] + boxes.shown[1][2]
    # The rows are the backup's: the two cases kept, the later case and enterprise gone.
    numbers = {r.number for r in cases.case_rows(seeded_db, cases.search_case_ids(seeded_db, cases.CaseFilter()))}
    assert numbers == {c.number for c in kept} and later.number not in numbers
    assert not enterprises.search_enterprises(seeded_db, "综合管廊")
    # Every page read the restored database again, and shows it.
    assert {type(p).__name__ for p in pages if hasattr(p, "load")} <= set(loaded)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: any(r.action == "database.restore" for r in log.rows), timeout=10_000)
    # The restore is in the audit trail of the restored database, and a safety copy was kept.
    assert any(p.name != made.path.name for p in (seeded_db.path.parent / "backups").iterdir())

"""The check-in screen: names typed, codes scanned, walk-ins, undo and the paper sheet, by keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.integration.data.outreach import HEARING_START, World
from tribunal.db.engine import Database
from tribunal.domain.enums import InvitationStatus
from tribunal.services import observers
from tribunal.ui.checkin_window import (
    COL_TICK,
    COL_TIME,
    BackEntryDialog,
    CheckinWindow,
    WalkInDialog,
    checkin_model,
    looks_like_code,
)

from .helpers import MessageBoxes, settle, type_into

ARRIVAL = dt.datetime(2026, 12, 8, 9, 12)


@pytest.fixture
def gui_db(world_db: Database) -> Database:
    """This module's tests start from the outreach world (conftest), not an empty database."""
    return world_db


@pytest.fixture
def world(world_file: tuple[Path, World], gui_db: Database) -> World:
    """A hearing on 2026-12-08 09:30 in a room of 5 seats; 王丽, 赵建华 and 李娟 invited."""
    w = world_file[1]
    observers.invite(gui_db, w.hearing_id, [w.people[n] for n in ("王丽", "赵建华", "李娟")],
                     at=dt.datetime(2026, 11, 30, 10, 0))
    return w


@pytest.fixture
def window(qtbot: QtBot, gui_db: Database, world: World) -> CheckinWindow:
    clock = {"now": ARRIVAL}
    widget = CheckinWindow(gui_db, world.hearing_id, clock=lambda: clock["now"])
    widget.clock = clock  # type: ignore[attr-defined]  # the tests move time on
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    settle(qtbot)
    return widget


def invitation(db: Database, world: World, name: str) -> observers.InvitationRow:
    return next(r for r in observers.list_invitations(db, world.hearing_id) if r.name == name)


def press_enter(qtbot: QtBot, window: CheckinWindow) -> None:
    qtbot.keyClick(window.search, Qt.Key.Key_Return)


def test_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, gui_db: Database,
                                          world: World) -> None:
    model = checkin_model()
    model.set_rows(observers.list_invitations(gui_db, world.hearing_id))
    qtmodeltester.check(model)


def test_screen_opens_with_everyone_invited_and_the_counters(window: CheckinWindow) -> None:
    assert window.shown_names() == ["赵建华", "李娟", "王丽"]  # by enterprise, as the service sorts
    assert (window.attended_count(), window.expected_count()) == (0, 3)
    assert window.search.font().pointSizeF() >= 18
    assert window.view.font().pointSizeF() >= 16
    assert window.search.hasFocus()
    # The screen may face the guests: no case number on it.
    assert window.hearing.case_number not in window.title.text()


def test_typing_a_name_fragment_filters_and_enter_checks_in(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World
) -> None:
    type_into(qtbot, window.search, "王", leave=False)
    qtbot.waitUntil(lambda: window.shown_names() == ["王丽"])
    with qtbot.waitSignal(window.checked_in) as signal:
        press_enter(qtbot, window)
    settle(qtbot)
    row = signal.args[0]
    assert (row.name, row.status, row.checked_in_at) == ("王丽", InvitationStatus.ATTENDED, ARRIVAL)
    assert invitation(gui_db, world, "王丽").checked_in_at == ARRIVAL
    assert window.line_kind == "ok"
    assert "王丽" in window.line.text() and "邵阳市资江食品有限公司" in window.line.text()
    assert "09:12" in window.line.text()
    assert window.search.text() == "" and window.shown_names() == ["赵建华", "李娟", "王丽"]
    assert (window.attended_count(), window.expected_count()) == (1, 3)
    line = window.model.row_of(row.id)
    assert window.model.data(window.model.index(line, COL_TICK)) == "✓"
    assert window.model.data(window.model.index(line, COL_TIME)) == "09:12"


def test_enterprise_and_phone_digits_find_people_and_up_down_choose(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World
) -> None:
    type_into(qtbot, window.search, "邵阳", leave=False)
    window.apply_filter()
    settle(qtbot)
    assert window.shown_names() == ["李娟", "王丽"]  # both enterprises start with 邵阳
    assert window.current_row().name == "李娟"
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.current_row().name == "王丽"
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # stays on the last line
    assert window.current_row().name == "王丽"
    qtbot.keyClick(window.search, Qt.Key.Key_Up)
    assert window.current_row().name == "李娟"
    press_enter(qtbot, window)
    assert invitation(gui_db, world, "李娟").status == InvitationStatus.ATTENDED
    settle(qtbot)

    qtbot.keyClicks(window.search, "0002")  # the last digits of 赵建华's mobile
    window.apply_filter()
    settle(qtbot)
    assert window.shown_names() == ["赵建华"]
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_a_scanned_code_checks_in_at_once(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World
) -> None:
    code = invitation(gui_db, world, "赵建华").code
    with qtbot.waitSignal(window.checked_in):
        # A USB scanner types like a keyboard, then Enter.
        qtbot.keyClicks(window.search, code)
        press_enter(qtbot, window)
    assert invitation(gui_db, world, "赵建华").status == InvitationStatus.ATTENDED
    assert "赵建华" in window.line.text() and window.line_kind == "ok"
    assert window.search.text() == ""


def test_a_code_with_a_full_width_colon_from_an_input_method_still_works(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World
) -> None:
    token = invitation(gui_db, world, "李娟").token
    event = QInputMethodEvent()
    event.setCommitString("TRB1：")
    QApplication.sendEvent(window.search, event)
    assert looks_like_code(window.search.text())
    qtbot.keyClicks(window.search, token)
    press_enter(qtbot, window)
    assert invitation(gui_db, world, "李娟").checked_in_at == ARRIVAL


def test_scanning_twice_shows_when_the_person_checked_in(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World
) -> None:
    code = invitation(gui_db, world, "王丽").code
    qtbot.keyClicks(window.search, code)
    press_enter(qtbot, window)
    settle(qtbot)
    window.clock["now"] = ARRIVAL + dt.timedelta(minutes=20)
    with qtbot.assertNotEmitted(window.checked_in):
        qtbot.keyClicks(window.search, code)
        press_enter(qtbot, window)
        settle(qtbot)
    assert window.line_kind == "warning"
    assert window.line.text() == "王丽已于 09:12 签到，不能重复签到"
    assert window.current_row().name == "王丽"
    assert invitation(gui_db, world, "王丽").checked_in_at == ARRIVAL  # unchanged


def test_unknown_and_foreign_codes_are_refused_plainly(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database
) -> None:
    qtbot.keyClicks(window.search, "TRB1:0123456789abcdef")
    press_enter(qtbot, window)
    assert window.line_kind == "error"
    assert window.line.text() == "这个二维码不是本系统发出的邀请，或邀请已被删除"
    assert window.attended_count() == 0


def test_nothing_found_suggests_a_walk_in(qtbot: QtBot, window: CheckinWindow) -> None:
    type_into(qtbot, window.search, "欧阳", leave=False)
    press_enter(qtbot, window)
    assert window.line_kind == "warning" and "欧阳" in window.line.text()
    assert window.attended_count() == 0


def test_checking_in_on_another_day_is_refused(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World
) -> None:
    window.clock["now"] = dt.datetime(2026, 12, 7, 9, 0)
    type_into(qtbot, window.search, "王丽", leave=False)
    press_enter(qtbot, window)
    assert window.line_kind == "error"
    assert window.line.text() == "签到时间应在开庭当天（2026-12-08）"
    assert invitation(gui_db, world, "王丽").status == InvitationStatus.INVITED


def test_undo_takes_back_the_last_check_in(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    observers.confirm(gui_db, invitation(gui_db, world, "王丽").id, at=dt.datetime(2026, 12, 1, 9, 0))
    window.reload()
    settle(qtbot)
    type_into(qtbot, window.search, "王丽", leave=False)
    press_enter(qtbot, window)
    settle(qtbot)
    assert window.attended_count() == 1
    boxes.confirm_answer = False
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.attended_count() == 1  # the clerk said no
    boxes.confirm_answer = True
    with qtbot.waitSignal(window.changed):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    row = invitation(gui_db, world, "王丽")
    assert (row.status, row.checked_in_at) == (InvitationStatus.CONFIRMED, None)
    assert window.attended_count() == 0
    assert [kind for kind, *_ in boxes.shown] == ["confirm", "confirm"]
    assert window.search.hasFocus()


def test_undo_with_nobody_checked_in_says_so(window: CheckinWindow, boxes: MessageBoxes) -> None:
    assert window.undo() is None
    assert window.line_kind == "warning" and boxes.shown == []


def drive_walk_in(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill) -> dict[str, str]:
    """Replace the modal exec() of the walk-in dialog by filling it and pressing "Check in".

    Returns what the dialog showed: the summary line and each field's message.
    """
    seen: dict[str, str] = {}

    def exec_(dialog: WalkInDialog) -> int:
        dialog.show()
        settle(qtbot)  # the directory to choose from
        fill(dialog)
        dialog.save()
        seen["summary"] = dialog.summary.text() if dialog.summary.isVisibleTo(dialog) else ""
        for key in ("name", "enterprise", "title", "phone"):
            seen[key] = dialog.feedback(key).text
        return dialog.result()

    monkeypatch.setattr(WalkInDialog, "exec", exec_)
    return seen


def test_walk_in_is_added_checked_in_and_takes_a_seat(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: WalkInDialog) -> None:
        type_into(qtbot, dialog.name, "孙立")
        dialog.set_enterprise("邵阳市新来的物流有限公司")
        type_into(qtbot, dialog.phone, "13907398888")

    drive_walk_in(monkeypatch, qtbot, fill)
    with qtbot.waitSignal(window.checked_in):
        qtbot.keyClick(window, Qt.Key.Key_F2)
    settle(qtbot)
    row = invitation(gui_db, world, "孙立")
    assert (row.walk_in, row.status, row.checked_in_at) == (True, InvitationStatus.ATTENDED, ARRIVAL)
    assert row.enterprise_name == "邵阳市新来的物流有限公司"
    assert (window.attended_count(), window.expected_count()) == (1, 4)
    assert observers.hearing_capacity(gui_db, world.hearing_id).taken == 4
    assert "孙立" in window.line.text() and window.line_kind == "ok"


def test_walk_in_refused_when_the_room_is_full(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    observers.invite(gui_db, world.hearing_id, [world.people["周海波"], world.people["刘晓燕"]])
    window.reload()
    settle(qtbot)
    assert observers.hearing_capacity(gui_db, world.hearing_id).free == 0
    seen = drive_walk_in(monkeypatch, qtbot, lambda d: type_into(qtbot, d.name, "孙立"))
    assert window.add_walk_in() is None
    assert seen["summary"] == ("会议室“职工活动中心会议室”可容纳 5 人，已邀请或到场 5 人（不含已谢绝），"
                                         "还能安排 0 人，不够再安排 1 人")
    assert [r.name for r in observers.list_invitations(gui_db, world.hearing_id)].count("孙立") == 0


def test_walk_in_of_a_partys_employee_is_refused_with_the_reason(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: WalkInDialog) -> None:
        type_into(qtbot, dialog.name, "马强")
        dialog.set_enterprise("湖南湘中纺织科技有限公司")

    seen = drive_walk_in(monkeypatch, qtbot, fill)
    assert window.add_walk_in() is None
    assert "该人员所在单位是本案当事人（被申请人：湖南湘中纺织科技有限公司）" in seen["summary"]
    assert window.expected_count() == 3


def test_walk_in_with_a_bad_phone_shows_the_reason_under_the_field(
    qtbot: QtBot, window: CheckinWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: WalkInDialog) -> None:
        type_into(qtbot, dialog.name, "孙立")
        type_into(qtbot, dialog.phone, "12345")

    seen = drive_walk_in(monkeypatch, qtbot, fill)
    assert window.add_walk_in() is None
    assert seen["phone"].startswith("联系电话："), seen


def test_back_entry_from_the_paper_sheet(
    qtbot: QtBot, window: CheckinWindow, gui_db: Database, world: World,
    monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    observers.check_in(gui_db, invitation(gui_db, world, "王丽").id, at=ARRIVAL)
    window.reload()
    settle(qtbot)

    def exec_(dialog: BackEntryDialog) -> int:
        assert dialog.names() == ["赵建华", "李娟"]  # 王丽 is already ticked
        dialog.tick(dialog.names().index("李娟"), dt.time(9, 25))
        dialog.tick(dialog.names().index("赵建华"))  # no time written on the sheet
        dialog.add_other("何小军", "湖南邵商电子商务有限公司", "人力资源部经理", dt.time(9, 40))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(BackEntryDialog, "exec", exec_)
    with qtbot.waitSignal(window.changed):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    settle(qtbot)
    rows = {r.name: r for r in observers.list_invitations(gui_db, world.hearing_id)}
    assert rows["李娟"].checked_in_at == dt.datetime(2026, 12, 8, 9, 25)
    assert rows["赵建华"].checked_in_at == HEARING_START
    assert (rows["何小军"].walk_in, rows["何小军"].checked_in_at) == (True, dt.datetime(2026, 12, 8, 9, 40))
    assert window.attended_count() == 4
    assert [kind for kind, *_ in boxes.shown] == ["information"]


def test_back_entry_refusal_saves_nothing(
    qtbot: QtBot, gui_db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = BackEntryDialog(gui_db, world.hearing_id)
    qtbot.addWidget(dialog)
    dialog.tick(0, dt.time(9, 0))
    dialog.add_other("1", "某公司")  # not a name
    assert dialog.save() is False
    assert dialog.summary.text().startswith("签到表补录有误，未保存：第2行：")
    assert all(r.status == InvitationStatus.INVITED for r in observers.list_invitations(gui_db, world.hearing_id))

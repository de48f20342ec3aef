"""Inviting observers through the interface: zone filter, capacity, who may not observe, replies, calls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.integration.data.outreach import OTHER_ZONE, ZONE, World
from tribunal.db.engine import Database
from tribunal.db.models import Room
from tribunal.domain.enums import InvitationStatus
from tribunal.services import enterprises, observers
from tribunal.ui.invitations_page import (
    INV_STATUS,
    TAB_CALLS,
    TAB_PICK,
    InvitationsPanel,
    call_model,
    invitation_model,
)
from tribunal.ui.rows_model import selected_rows

from .helpers import MessageBoxes, settle

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def gui_db(world_db: Database) -> Database:
    """This module's tests start from the outreach world (conftest), not an empty database."""
    return world_db


@pytest.fixture
def world(world_file: tuple[Path, World], gui_db: Database) -> World:
    """A hearing on 2026-12-08 in a room of 5 seats, five enterprises of the zone, one elsewhere."""
    return world_file[1]


def set_capacity(db: Database, world: World, seats: int) -> None:
    with db.session() as s:
        room = s.get(Room, world.room_id)
        assert room is not None
        room.capacity = seats


def open_panel(qtbot: QtBot, db: Database) -> InvitationsPanel:
    panel = InvitationsPanel(db, today=TODAY)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    with qtbot.waitExposed(panel):
        panel.show()
    settle(qtbot)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, gui_db: Database, world: World) -> InvitationsPanel:
    return open_panel(qtbot, gui_db)


def choose_zone(qtbot: QtBot, panel: InvitationsPanel, name: str) -> None:
    panel.tabs.setCurrentIndex(TAB_PICK)
    settle(qtbot)
    panel.zone.setCurrentIndex(panel.zone.findText(name))
    settle(qtbot)


def statuses(db: Database, world: World) -> dict[str, InvitationStatus]:
    return {r.name: r.status for r in observers.list_invitations(db, world.hearing_id)}


def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, gui_db: Database,
                                         world: World) -> None:
    observers.invite(gui_db, world.hearing_id, [world.people["王丽"], world.people["李娟"]])
    model = invitation_model()
    model.set_rows(observers.list_invitations(gui_db, world.hearing_id))
    qtmodeltester.check(model)
    calls = call_model()
    calls.set_rows(observers.call_list(gui_db, world.hearing_id))
    qtmodeltester.check(calls)


def test_the_next_public_hearing_is_chosen_with_its_seats(panel: InvitationsPanel, world: World) -> None:
    assert panel.hearing_id() == world.hearing_id
    assert panel.hearing.count() == 1
    assert "2026-12-08 09:30" in panel.hearing.currentText()
    assert "5" in panel.capacity_label.text() and "职工活动中心会议室" in panel.capacity_label.text()
    assert panel.model.rowCount() == 0


def test_invite_everyone_of_a_zone(qtbot: QtBot, panel: InvitationsPanel, gui_db: Database,
                                   world: World) -> None:
    choose_zone(qtbot, panel, ZONE)
    settle(qtbot)
    # The respondent's enterprise (a party) is left out; the other zone's enterprise too.
    assert panel.listed_enterprises() == [
        "湖南楚邵新材料股份有限公司", "邵阳双清电子科技有限公司", "邵阳宝庆精密机械有限公司",
        "邵阳市资江食品有限公司", "邵阳市雪峰物流有限公司"]
    choose_zone(qtbot, panel, OTHER_ZONE)
    settle(qtbot)
    assert panel.listed_enterprises() == ["邵东市五峰箱包有限公司"]
    settle(qtbot)
    choose_zone(qtbot, panel, ZONE)
    settle(qtbot)
    panel.tick_all()
    settle(qtbot)
    assert len(panel.ticked_observer_ids()) == 5
    settle(qtbot)
    with qtbot.waitSignal(panel.invitations_changed):
        assert panel.invite_ticked() == 5
        settle(qtbot)
    assert set(statuses(gui_db, world)) == {"赵建华", "李娟", "刘晓燕", "王丽", "周海波"}
    assert panel.model.rowCount() == 5
    settle(qtbot)
    assert observers.hearing_capacity(gui_db, world.hearing_id).taken == 5
    # Those invited are no longer offered.
    assert panel.ticked_observer_ids() == []
    settle(qtbot)
    assert panel.pick_note(world.people["王丽"]) != ""
    settle(qtbot)


def test_never_invited_this_year_filter(qtbot: QtBot, panel: InvitationsPanel, gui_db: Database,
                                        world: World) -> None:
    observers.invite(gui_db, world.hearing_id, [world.people["王丽"]])
    panel.refresh()
    settle(qtbot)
    choose_zone(qtbot, panel, ZONE)
    settle(qtbot)
    panel.never_invited.setChecked(True)
    settle(qtbot)
    assert "邵阳市资江食品有限公司" not in panel.listed_enterprises()
    settle(qtbot)
    assert "邵阳双清电子科技有限公司" in panel.listed_enterprises()
    settle(qtbot)
    panel.never_invited.setChecked(False)
    settle(qtbot)
    panel.never_came.setChecked(True)
    settle(qtbot)
    assert panel.listed_enterprises() == ["邵阳市资江食品有限公司"]  # invited, never came
    settle(qtbot)


def test_too_many_for_the_room_is_refused_and_nobody_invited(
    qtbot: QtBot, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    set_capacity(gui_db, world, 3)
    panel = open_panel(qtbot, gui_db)
    choose_zone(qtbot, panel, ZONE)
    settle(qtbot)
    panel.tick_all()
    settle(qtbot)
    assert panel.invite_ticked() == 0
    settle(qtbot)
    assert boxes.kinds() == ["warning"]
    _kind, _title, text, _detail = boxes.shown[0]
    assert text == ("会议室“职工活动中心会议室”可容纳 3 人，已邀请或到场 0 人（不含已谢绝），"
                    "还能安排 3 人，不够再安排 5 人")
    assert observers.list_invitations(gui_db, world.hearing_id) == []


def test_a_person_who_may_not_observe_is_refused_with_the_reason(
    qtbot: QtBot, panel: InvitationsPanel, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    # The applicant himself, recorded as staff of a guest enterprise (same mobile number).
    applicant = observers.add_observer(gui_db, "张三", enterprise_id=world.guests["邵阳市资江食品有限公司"],
                                       phone="13807311234")
    choose_zone(qtbot, panel, ZONE)
    settle(qtbot)
    assert panel.tick_enterprise("邵阳市资江食品有限公司")  # 王丽 and 张三
    settle(qtbot)
    assert sorted(panel.ticked_observer_ids()) == sorted([world.people["王丽"], applicant.id])
    settle(qtbot)
    assert panel.invite_ticked() == 0
    settle(qtbot)
    assert panel.pick_note(applicant.id) == "该人员是本案当事人（申请人）"
    settle(qtbot)
    assert boxes.kinds() == ["warning"]
    assert boxes.shown[0][3] == "张三：该人员是本案当事人（申请人）"
    assert statuses(gui_db, world) == {}  # all or nothing: 王丽 was not invited either


def test_a_namesake_is_invited_after_the_clerk_confirms(
    qtbot: QtBot, panel: InvitationsPanel, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    namesake = observers.add_observer(gui_db, "张三", enterprise_id=world.guests["邵阳市雪峰物流有限公司"],
                                      phone="13907390000")
    choose_zone(qtbot, panel, ZONE)
    settle(qtbot)
    panel.tick_enterprise("邵阳市雪峰物流有限公司")
    settle(qtbot)
    boxes.confirm_answer = False
    assert panel.invite_ticked() == 0
    settle(qtbot)
    assert boxes.shown[0][0] == "confirm" and "与本案申请人同名，请核实是否为同一人" in boxes.shown[0][2]
    boxes.confirm_answer = True
    assert panel.invite_ticked() == 2
    settle(qtbot)
    assert statuses(gui_db, world) == {"周海波": InvitationStatus.INVITED, "张三": InvitationStatus.INVITED}
    assert namesake.id in {r.observer_id for r in observers.list_invitations(gui_db, world.hearing_id)}


def test_confirm_and_decline_with_a_reason(
    qtbot: QtBot, panel: InvitationsPanel, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    observers.invite(gui_db, world.hearing_id, [world.people[n] for n in ("王丽", "赵建华", "李娟")])
    panel.refresh()
    settle(qtbot)
    rows = {r.name: r for r in panel.model.rows()}
    settle(qtbot)
    assert panel.select_invitation(rows["王丽"].id)
    settle(qtbot)
    assert panel.confirm_button.isEnabled() and panel.decline_button.isEnabled()
    settle(qtbot)
    with qtbot.assertNotEmitted(panel.model.modelReset), qtbot.waitSignal(panel.model.dataChanged), \
            qtbot.waitSignal(panel.invitations_changed):
        assert panel.confirm_selected() == 1
        settle(qtbot)
    assert [r.name for r in selected_rows(panel.view)] == ["王丽"]  # the selection stays
    settle(qtbot)
    assert statuses(gui_db, world)["王丽"] == InvitationStatus.CONFIRMED
    line = panel.model.row_of(rows["王丽"].id)
    settle(qtbot)
    assert panel.model.data(panel.model.index(line, INV_STATUS)) == "已确认"
    settle(qtbot)
    assert panel.model.row(line).replied_at is not None
    settle(qtbot)

    panel.select_invitation(rows["赵建华"].id)
    settle(qtbot)
    boxes.text_answer = None  # the clerk cancelled the question
    assert panel.decline_selected() == 0
    settle(qtbot)
    assert statuses(gui_db, world)["赵建华"] == InvitationStatus.INVITED
    boxes.text_answer = "当天出差"
    assert panel.decline_selected() == 1
    settle(qtbot)
    declined = next(r for r in observers.list_invitations(gui_db, world.hearing_id) if r.name == "赵建华")
    assert (declined.status, declined.note) == (InvitationStatus.DECLINED, "当天出差")
    assert observers.hearing_capacity(gui_db, world.hearing_id).taken == 2  # the seat is free again

    # A declined person can be confirmed again, but not declined twice.
    panel.select_invitation(declined.id)
    settle(qtbot)
    assert not panel.decline_button.isEnabled() and panel.confirm_button.isEnabled()
    settle(qtbot)


def test_absent_before_the_hearing_is_refused_with_the_reason(
    qtbot: QtBot, panel: InvitationsPanel, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    [row] = observers.invite(gui_db, world.hearing_id, [world.people["王丽"]])
    panel.refresh()
    settle(qtbot)
    panel.select_invitation(row.id)
    settle(qtbot)
    assert panel.absent_selected() == 0
    settle(qtbot)
    assert boxes.kinds() == ["warning"]
    assert "尚未开始，不能登记未到场" in boxes.shown[0][2]
    assert statuses(gui_db, world)["王丽"] == InvitationStatus.INVITED


def test_call_list_shows_who_has_not_replied_phone_first(
    qtbot: QtBot, panel: InvitationsPanel, gui_db: Database, world: World
) -> None:
    made = observers.invite(gui_db, world.hearing_id,
                            [world.people[n] for n in ("王丽", "赵建华", "李娟", "周海波")])
    observers.confirm(gui_db, next(r.id for r in made if r.name == "赵建华"))
    panel.refresh()
    settle(qtbot)
    panel.tabs.setCurrentIndex(TAB_CALLS)
    settle(qtbot)
    rows = panel.calls_model.rows()
    settle(qtbot)
    # Mobiles first, then landlines, then people without a number; full numbers on this screen.
    assert [(r.name, r.phone) for r in rows] == [
        ("王丽", "13807310001"), ("李娟", "0739-5201234"), ("周海波", "")]
    assert panel.calls_model.data(panel.calls_model.index(0, 0)) == "138 0731 0001"
    settle(qtbot)
    panel.copy_calls()
    settle(qtbot)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "13807310001\t王丽\t邵阳市资江食品有限公司\t行政人事部经理"
    assert copied[1].startswith("0739-5201234\t李娟\t")
    assert len(copied) == 3

    # Recording the answer from the call list takes the person off it.
    panel.calls_view.selectRow(0)
    settle(qtbot)
    assert panel.call_confirmed() == 1
    settle(qtbot)
    assert [r.name for r in panel.calls_model.rows()] == ["李娟", "周海波"]
    settle(qtbot)
    assert statuses(gui_db, world)["王丽"] == InvitationStatus.CONFIRMED


def test_no_public_hearing_means_nothing_to_do(qtbot: QtBot, db: Database) -> None:
    enterprises.add_zone(db, ZONE)
    panel = open_panel(qtbot, db)
    assert panel.hearing_id() is None
    settle(qtbot)
    assert not panel.invite_button.isEnabled() and not panel.checkin_button.isEnabled()
    settle(qtbot)
    assert panel.invite_ticked() == 0
    settle(qtbot)


def test_export_writes_the_list(qtbot: QtBot, panel: InvitationsPanel, gui_db: Database, world: World,
                                boxes: MessageBoxes, tmp_path) -> None:
    observers.invite(gui_db, world.hearing_id, [world.people["王丽"]])
    panel.refresh()
    settle(qtbot)
    assert panel.export_to(tmp_path / "旁听人员.xlsx") == 1
    settle(qtbot)
    assert (tmp_path / "旁听人员.xlsx").is_file()
    assert boxes.kinds() == ["information"]


def test_check_in_screen_opens_for_the_chosen_hearing(qtbot: QtBot, panel: InvitationsPanel,
                                                      world: World) -> None:
    window = panel.open_checkin()
    settle(qtbot)
    assert window is not None
    qtbot.addWidget(window)
    assert window.hearing.id == world.hearing_id
    assert panel.open_checkin() is window  # one screen per hearing
    settle(qtbot)
    window.close()
    again = panel.open_checkin()
    settle(qtbot)
    assert again is not None and again is not window
    qtbot.addWidget(again)

"""Invitations to observe: the state machine, the room's capacity, who may not observe, the call list."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.data.outreach import HEARING_START, add_hearing, copy_world
from tests.integration.helpers import applicant, case_input, respondent
from tribunal.db.models import AuditEntry, Hearing, Invitation
from tribunal.domain.enums import HearingStatus, InvitationStatus
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import cases, enterprises, observers, settings

DAY = HEARING_START.date()
GUESTS = ("王丽", "赵建华", "李娟", "周海波", "罗桂英")


@pytest.fixture
def db_path(outreach_world, tmp_path):
    """The conftest's fresh database, but holding the hearing world already."""
    return copy_world(outreach_world(5)[0], tmp_path)


@pytest.fixture
def world(outreach_world, db):
    return outreach_world(5)[1]


def _invitations(db) -> int:
    with db.session(write=False) as s:
        return s.scalar(select(func.count()).select_from(Invitation))


def _ids(world, *names):
    return [world.people[n] for n in names]


# ---------------------------------------------------------------- inviting


def test_invite_makes_invitations_with_codes(db, world):
    at = dt.datetime(2026, 11, 27, 10, 0)
    rows = observers.invite(db, world.hearing_id, _ids(world, "王丽", "李娟"), at=at)
    assert [(r.name, r.enterprise_name, r.status, r.invited_at) for r in rows] == [
        ("王丽", "邵阳市资江食品有限公司", InvitationStatus.INVITED, at),
        ("李娟", "邵阳双清电子科技有限公司", InvitationStatus.INVITED, at),
    ]
    assert rows[1].phone_masked == "0739-*****34"
    assert all(len(r.token) == 16 and r.code == "TRB1:" + r.token for r in rows)
    assert rows[0].token != rows[1].token
    assert [r.name for r in observers.list_invitations(db, world.hearing_id)] == ["李娟", "王丽"]
    with db.session(write=False) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "invitation.create")).one()
        assert entry.summary == "邀请 2 人旁听2026-12-08 09:30 的开庭：王丽、李娟"


def test_inviting_someone_twice_is_refused(db, world):
    observers.invite(db, world.hearing_id, _ids(world, "王丽"))
    with pytest.raises(ValidationError, match="王丽：已在邀请名单中（已邀请）"):
        observers.invite(db, world.hearing_id, _ids(world, "王丽", "李娟"))
    assert _invitations(db) == 1  # 李娟 was not invited either: all or nothing


def test_nobody_chosen_or_unknown_people(db, world):
    with pytest.raises(ValidationError, match="请至少选择一名旁听人员"):
        observers.invite(db, world.hearing_id, [])
    with pytest.raises(NotFound):
        observers.invite(db, world.hearing_id, [9999])
    with pytest.raises(NotFound):
        observers.invite(db, 9999, _ids(world, "王丽"))


# ---------------------------------------------------------------- the state machine


def test_invited_confirmed_attended_with_times(db, world):
    [inv] = observers.invite(db, world.hearing_id, _ids(world, "王丽"))
    replied = dt.datetime(2026, 12, 1, 15, 0)
    row = observers.confirm(db, inv.id, at=replied)
    assert (row.status, row.replied_at) == (InvitationStatus.CONFIRMED, replied)
    arrived = dt.datetime(2026, 12, 8, 9, 12)
    row = observers.check_in(db, inv.id, at=arrived)
    assert (row.status, row.checked_in_at, row.replied_at) == (InvitationStatus.ATTENDED, arrived, replied)
    with pytest.raises(ConflictError, match="王丽已于 09:12 签到，不能重复签到"):
        observers.check_in(db, inv.id, at=dt.datetime(2026, 12, 8, 9, 20))
    with pytest.raises(ConflictError, match="王丽的邀请状态是“已到场”，不能登记谢绝"):
        observers.decline(db, inv.id)
    with pytest.raises(ConflictError, match="王丽的邀请状态是“已到场”，不能确认参加"):
        observers.confirm(db, inv.id)
    with pytest.raises(ConflictError, match="不能登记未到场"):
        observers.mark_absent(db, inv.id, at=dt.datetime(2026, 12, 8, 10, 0))
    undone = observers.undo_check_in(db, inv.id)
    assert (undone.status, undone.checked_in_at) == (InvitationStatus.CONFIRMED, None)
    with pytest.raises(ConflictError, match="不能撤销签到"):
        observers.undo_check_in(db, inv.id)


def test_declined_then_changed_mind(db, world):
    [inv] = observers.invite(db, world.hearing_id, _ids(world, "赵建华"))
    row = observers.decline(db, inv.id, reason="当天出差", at=dt.datetime(2026, 12, 1, 9, 0))
    assert (row.status, row.note) == (InvitationStatus.DECLINED, "当天出差")
    with pytest.raises(ConflictError, match="赵建华的邀请状态是“已谢绝”，不能登记谢绝"):
        observers.decline(db, inv.id)
    with pytest.raises(ConflictError, match="赵建华已谢绝邀请；如本人到场，请先改为“已确认”再签到"):
        observers.check_in(db, inv.id, at=dt.datetime(2026, 12, 8, 9, 0))
    with pytest.raises(ConflictError, match="不能登记未到场"):
        observers.mark_absent(db, inv.id, at=dt.datetime(2026, 12, 8, 10, 0))
    assert observers.confirm(db, inv.id).status == InvitationStatus.CONFIRMED
    with pytest.raises(ConflictError, match="赵建华的邀请状态是“已确认”，不能确认参加"):
        observers.confirm(db, inv.id)
    assert observers.decline(db, inv.id).status == InvitationStatus.DECLINED


def test_absent_only_after_the_hearing_began(db, world):
    a, b, _c = observers.invite(db, world.hearing_id, _ids(world, "王丽", "李娟", "周海波"))
    with pytest.raises(ConflictError, match=r"开庭（09:30）尚未开始，不能登记未到场"):
        observers.mark_absent(db, a.id, at=dt.datetime(2026, 12, 8, 9, 29))
    assert observers.mark_absent(db, a.id, at=dt.datetime(2026, 12, 8, 9, 30)).status == InvitationStatus.ABSENT
    # A latecomer marked absent by mistake can still be checked in.
    assert observers.check_in(db, a.id, at=dt.datetime(2026, 12, 8, 9, 45)).status == InvitationStatus.ATTENDED
    observers.confirm(db, b.id)
    with pytest.raises(ConflictError):
        observers.mark_absent_remaining(db, world.hearing_id, at=dt.datetime(2026, 12, 8, 9, 0))
    assert observers.mark_absent_remaining(db, world.hearing_id, at=dt.datetime(2026, 12, 8, 12, 0)) == 2
    statuses = {r.name: r.status for r in observers.list_invitations(db, world.hearing_id)}
    assert statuses == {"王丽": InvitationStatus.ATTENDED, "李娟": InvitationStatus.ABSENT,
                        "周海波": InvitationStatus.ABSENT}


def test_check_in_only_on_the_hearing_day(db, world):
    [inv] = observers.invite(db, world.hearing_id, _ids(world, "王丽"))
    with pytest.raises(ValidationError, match="签到时间应在开庭当天（2026-12-08）"):
        observers.check_in(db, inv.id, at=dt.datetime(2026, 12, 7, 9, 0))
    with pytest.raises(ValidationError, match="签到时间应在开庭当天"):
        observers.check_in(db, inv.id, at=dt.datetime(2026, 12, 9, 0, 0))
    assert observers.check_in(db, inv.id, at=dt.datetime(2026, 12, 8, 0, 0)).status == InvitationStatus.ATTENDED


def test_replies_refused_once_the_hearing_was_held(db, world):
    [inv] = observers.invite(db, world.hearing_id, _ids(world, "王丽"))
    with db.session() as s:
        s.get(Hearing, world.hearing_id).status = HearingStatus.HELD
    with pytest.raises(ConflictError, match="已经开过，不能再确认参加"):
        observers.confirm(db, inv.id)
    with pytest.raises(ConflictError, match="已经开过，不能再邀请旁听"):
        observers.invite(db, world.hearing_id, _ids(world, "李娟"))
    # Ticking people after the fact (from the paper sheet) is still possible.
    assert observers.check_in(db, inv.id, at=dt.datetime(2026, 12, 8, 9, 5)).status == InvitationStatus.ATTENDED


# ---------------------------------------------------------------- capacity


def test_capacity_n_fits_and_n_plus_one_is_refused(db, world):
    assert observers.hearing_capacity(db, world.hearing_id) == observers.Capacity("职工活动中心会议室", 5, 0)
    with pytest.raises(ConflictError, match="会议室“职工活动中心会议室”可容纳 5 人，已邀请或到场 0 人（不含已谢绝），"
                                            "还能安排 5 人，不够再安排 6 人"):
        observers.invite(db, world.hearing_id, _ids(world, *GUESTS, "刘晓燕"))
    assert _invitations(db) == 0
    rows = observers.invite(db, world.hearing_id, _ids(world, *GUESTS))
    cap = observers.hearing_capacity(db, world.hearing_id)
    assert (cap.taken, cap.free) == (5, 0)
    with pytest.raises(ConflictError, match="还能安排 0 人，不够再安排 1 人"):
        observers.invite(db, world.hearing_id, _ids(world, "刘晓燕"))
    # A declined invitation frees its seat …
    observers.decline(db, rows[0].id)
    observers.invite(db, world.hearing_id, _ids(world, "刘晓燕"))
    # … and taking it back needs a free seat again.
    with pytest.raises(ConflictError, match="可容纳 5 人"):
        observers.confirm(db, rows[0].id)


def test_walk_ins_count_against_capacity(db, world):
    observers.invite(db, world.hearing_id, _ids(world, "王丽", "李娟", "周海波", "罗桂英"))
    at = dt.datetime(2026, 12, 8, 9, 10)
    observers.add_walk_in(db, world.hearing_id, "钱多多", enterprise_name="邵阳市某新公司", at=at)
    assert observers.hearing_capacity(db, world.hearing_id).taken == 5
    with pytest.raises(ConflictError, match="还能安排 0 人，不够再安排 1 人"):
        observers.add_walk_in(db, world.hearing_id, "孙小美", at=at)
    with pytest.raises(ConflictError, match="可容纳 5 人"):
        observers.invite(db, world.hearing_id, _ids(world, "赵建华"))


def test_a_hearing_without_a_room_has_no_limit(db, world):
    hearing = add_hearing(db, world.case_id, host_id=None, room_id=None,
                          starts_at=dt.datetime(2026, 12, 15, 14, 30))
    assert observers.hearing_capacity(db, hearing).capacity is None
    assert observers.hearing_capacity(db, hearing).free is None
    assert len(observers.invite(db, hearing, _ids(world, *GUESTS, "刘晓燕"))) == 6


# ---------------------------------------------------------------- who may not observe


def test_closed_and_cancelled_hearings_take_no_observers(db, world):
    closed = add_hearing(db, world.case_id, host_id=None, room_id=None, public=False,
                         starts_at=dt.datetime(2026, 12, 9, 9, 0))
    with pytest.raises(ConflictError, match="不公开审理的案件不安排旁听（涉及个人隐私，当事人申请不公开审理）"):
        observers.invite(db, closed, _ids(world, "王丽"))
    with pytest.raises(ConflictError, match="不公开审理的案件不安排旁听"):
        observers.add_walk_in(db, closed, "钱多多", at=dt.datetime(2026, 12, 9, 9, 0))
    with pytest.raises(ConflictError, match="不公开审理的案件不安排旁听"):
        observers.check_eligibility(db, closed, _ids(world, "王丽"))
    cancelled = add_hearing(db, world.case_id, host_id=None, room_id=None, status=HearingStatus.CANCELLED,
                            starts_at=dt.datetime(2026, 12, 10, 9, 0))
    with pytest.raises(ConflictError, match="2026-12-10 09:00 的开庭已取消，不安排旁听"):
        observers.invite(db, cancelled, _ids(world, "王丽"))


def test_a_partys_own_staff_may_not_observe(db, world):
    with pytest.raises(ValidationError) as err:
        observers.invite(db, world.hearing_id, _ids(world, "王丽", "陈志刚"))
    assert err.value.message == ("以下人员不能旁听，未发出任何邀请：陈志刚：该人员所在单位是本案当事人"
                                 "（被申请人：湖南湘中纺织科技有限公司）")
    assert list(err.value.fields) == [f"observer[{world.people['陈志刚']}]"]
    assert _invitations(db) == 0


def test_parties_and_agents_by_name_and_corroboration(db, world):
    guest = world.guests["邵阳市资江食品有限公司"]
    same_person = observers.add_observer(db, "张三", enterprise_id=guest, phone="13807311234").id
    namesake = observers.add_observer(db, "张三", enterprise_id=guest, phone="13907390000").id
    agent = observers.add_observer(db, "王律", phone="139-0739-1111").id
    agent_namesake = observers.add_observer(db, "王律", enterprise_id=guest).id
    result = {e.observer_id: e for e in observers.check_eligibility(
        db, world.hearing_id, [same_person, namesake, agent, agent_namesake])}
    assert result[same_person].refusals == ("该人员是本案当事人（申请人）",)
    assert result[namesake].refusals == ()
    assert result[namesake].warnings == ("与本案申请人同名，请核实是否为同一人",)
    assert result[agent].refusals == ("该人员是本案当事人（张三）的委托代理人",)
    assert result[agent_namesake].ok
    assert result[agent_namesake].warnings == ("与本案当事人（张三）的代理人同名，请核实是否为同一人",)
    # Name-only matches are warnings: the clerk may still invite.
    assert len(observers.invite(db, world.hearing_id, [namesake, agent_namesake])) == 2


def test_a_party_of_another_case_heard_there_that_day(db, world):
    # The respondent of a second case is named like a guest enterprise (no directory link).
    other = cases.create_case(db, case_input(parties=(
        applicant("李四"), respondent("邵阳市雪峰物流有限责任公司"))), today=TODAY)
    add_hearing(db, other.id, host_id=world.host_id, room_id=world.room_id,
                starts_at=dt.datetime(2026, 12, 8, 14, 30))
    [e] = observers.check_eligibility(db, world.hearing_id, _ids(world, "周海波"))
    assert e.refusals == (f"该人员所在单位是同场开庭的案件 {other.number} 当事人（被申请人：邵阳市雪峰物流有限责任公司）",)
    # On another day, in another place, it does not matter.
    later = add_hearing(db, world.case_id, host_id=None, room_id=None, starts_at=dt.datetime(2026, 12, 20, 9, 0))
    assert observers.check_eligibility(db, later, _ids(world, "周海波"))[0].ok


def test_minors_are_refused_when_the_id_number_is_stored(db, world):
    with pytest.raises(ValidationError, match="未开启“保存旁听人员身份证号”设置时不保存身份证号"):
        observers.add_observer(db, "小明", id_number="43050220090601123X", today=TODAY)
    settings.set_value(db, "privacy.store_observer_id", True)
    minor = observers.add_observer(db, "小明", id_number="43050220090601123X", today=TODAY).id
    adult_today = observers.add_observer(db, "小红", id_number="430502200812081237", today=TODAY).id
    result = {e.observer_id: e for e in observers.check_eligibility(db, world.hearing_id, [minor, adult_today])}
    assert result[minor].refusals == ("未满18周岁（开庭之日 17 周岁），不能旁听",)
    assert result[adult_today].ok  # eighteen on the very day of the hearing
    with pytest.raises(ValidationError, match="小明：未满18周岁"):
        observers.invite(db, world.hearing_id, [minor])


# ---------------------------------------------------------------- call list and picking enterprises


def test_call_list_is_phone_first_with_masked_copies(db, world):
    rows = observers.invite(db, world.hearing_id, _ids(world, "周海波", "李娟", "王丽", "赵建华", "罗桂英"))
    observers.confirm(db, rows[3].id)  # 赵建华 replied
    calls = observers.call_list(db, world.hearing_id)
    assert [(c.name, c.phone, c.masked, c.phone_kind) for c in calls] == [
        ("罗桂英", "13807317777", "138****7777", "mobile"),  # 邵东… sorts before 邵阳…
        ("王丽", "13807310001", "138****0001", "mobile"),
        ("李娟", "0739-5201234", "0739-*****34", "landline"),
        ("周海波", "", "", ""),
    ]


def test_pick_enterprises_filters(db, world):
    names = lambda picks: [p.name for p in picks]  # noqa: E731
    everyone = observers.pick_enterprises(db, hearing_id=world.hearing_id)
    assert "湖南湘中纺织科技有限公司" not in names(everyone)  # the respondent is left out
    assert len(everyone) == 6
    in_zone = observers.pick_enterprises(db, zone_id=world.zone_id)
    assert len(in_zone) == 6 and "邵东市五峰箱包有限公司" not in names(in_zone)
    pick = next(p for p in in_zone if p.name == "邵阳双清电子科技有限公司")
    assert [(c.name, c.phone_masked, c.primary) for c in pick.contacts] == [("李娟", "0739-*****34", True)]

    rows = observers.invite(db, world.hearing_id, _ids(world, "王丽", "李娟"))
    observers.check_in(db, rows[0].id, at=dt.datetime(2026, 12, 8, 9, 0))
    not_this_year = observers.pick_enterprises(db, zone_id=world.zone_id, never_invited_year=2026)
    assert "邵阳市资江食品有限公司" not in names(not_this_year)
    assert "邵阳双清电子科技有限公司" not in names(not_this_year)
    assert len(not_this_year) == 4
    assert len(observers.pick_enterprises(db, zone_id=world.zone_id, never_invited_year=2027)) == 6
    never_came = observers.pick_enterprises(db, invited_never_came=True)
    assert names(never_came) == ["邵阳双清电子科技有限公司"]
    assert (never_came[0].invitations, never_came[0].attended, never_came[0].last_invited) == (1, 0, HEARING_START)
    came = next(p for p in observers.pick_enterprises(db) if p.name == "邵阳市资江食品有限公司")
    assert (came.invitations, came.attended) == (1, 1)


def test_enterprises_service_is_untouched_by_invitations(db, world):
    # Sanity: an invitation never changes the enterprise's own data.
    before = enterprises.get_enterprise(db, world.guests["邵阳市资江食品有限公司"])
    observers.invite(db, world.hearing_id, _ids(world, "王丽"))
    assert enterprises.get_enterprise(db, world.guests["邵阳市资江食品有限公司"]) == before

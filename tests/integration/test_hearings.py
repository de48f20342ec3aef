"""The hearing service: schedule, edit, postpone, cancel, mark held, service records and defaults."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.test_conflicts import MON, SAT, WED, World
from tribunal.db.models import AuditEntry, Case, CircuitTribunal, Invitation
from tribunal.domain.enums import (
    CaseStatus,
    CaseType,
    HearingStatus,
    InvitationStatus,
    PanelRole,
    ServiceMethod,
)
from tribunal.domain.periods import PeriodCalculator
from tribunal.domain.scheduling import HearingConflict
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import cases, hearings, legal_calendar
from tribunal.services.app import open_database


def _audit(w: World, action: str) -> list[AuditEntry]:
    with w.db.session(write=False) as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _case_status(w: World, case_id: int) -> CaseStatus:
    with w.db.session(write=False) as s:
        return s.scalar(select(Case.status).where(Case.id == case_id))


# ---------------------------------------------------------------- scheduling


def test_schedule_stores_everything_and_moves_the_case_on(w):
    assert _case_status(w, w.case1.id) == CaseStatus.ACCEPTED
    h = w.schedule(w.hearing(WED, "09:30", "11:30", "B2"))
    assert (h.starts_at, h.ends_at) == (dt.datetime(2026, 12, 9, 9, 30), dt.datetime(2026, 12, 9, 11, 30))
    assert h.status == HearingStatus.SCHEDULED
    assert h.host_enterprise_id == w.ent["B"]  # taken from the room
    assert h.venue == "湖南湘中纺织科技有限公司 大会议室"
    assert h.address == "邵阳市宝庆大道66号"
    assert h.capacity == 30
    assert [(p.name, p.role) for p in h.panel] == [("李建国", PanelRole.SOLE)]
    assert h.clerk_name == "赵静"
    assert h.override_reason is None
    assert h.case_number == w.case1.number
    assert _case_status(w, w.case1.id) == CaseStatus.SCHEDULED
    [entry] = _audit(w, "hearing.create")
    assert entry.entity_id == h.id
    assert entry.summary == f"排期开庭 {w.case1.number} 2026-12-09 09:30–11:30"
    assert [e.summary for e in _audit(w, "case.status")] == [f"{w.case1.number}：已受理 → 已排期（安排开庭）"]


def test_commission_room_has_no_host_and_shows_its_address(w):
    h = w.schedule(w.hearing(WED, "09:30", "11:30", "R1"))
    assert (h.host_enterprise_id, h.venue, h.address) == (None, "本院第一仲裁庭", "仲裁院三楼")


def test_typing_errors_are_refused_with_fields(w):
    with pytest.raises(ValidationError) as err:
        w.schedule(w.hearing(WED, "06:30", "06:20", public=False))
    assert set(err.value.fields) == {"starts_at", "ends_at", "closed_reason"}
    assert hearings.list_hearings(w.db) == []


def test_closed_hearing_stores_the_lawful_reason(w):
    h = w.schedule(w.hearing(WED, "09:30", "11:30", "R1", public=False, closed_reason="privacy"))
    assert h.public is False
    assert h.closed_reason == "涉及个人隐私（《劳动争议调解仲裁法》第二十六条）"
    public = w.schedule(w.hearing(MON, "09:30", "11:30", "R1", closed_reason="privacy"))
    assert public.closed_reason is None


def test_warning_override_is_stored_on_the_hearing_and_in_the_audit(w):
    with pytest.raises(HearingConflict) as err:
        w.schedule(w.hearing(SAT, "09:00", "11:00", "B2"), reason="   ")
    assert err.value.needs_override
    h = w.schedule(w.hearing(SAT, "09:00", "11:00", "B2"), reason="双方当事人均要求周末开庭")
    assert h.override_reason == "双方当事人均要求周末开庭"
    [entry] = _audit(w, "hearing.create")
    assert entry.after["override_reason"] == "双方当事人均要求周末开庭"
    assert entry.after["overridden"] == ["提醒：开庭日 2026-12-12 是星期六（休息日）"]
    assert "（理由：双方当事人均要求周末开庭）" in entry.summary


def test_a_reason_without_warnings_is_not_stored(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"), reason="无")
    assert h.override_reason is None


def test_hard_conflict_saves_nothing_even_with_a_reason(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "B2", case=2))
    with pytest.raises(HearingConflict) as err:
        w.schedule(w.hearing(WED, "10:00", "11:00", "B2"), reason="必须今天开")
    assert [f.rule_key for f in err.value.findings if f.blocking] == ["room.double_booked"]
    assert len(hearings.list_hearings(w.db)) == 1
    assert _case_status(w, w.case1.id) == CaseStatus.ACCEPTED


# ---------------------------------------------------------------- editing


def test_update_rechecks_and_does_not_clash_with_itself(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    moved = hearings.update_hearing(w.db, h.id, replace(h.to_input(), ends_at=dt.datetime(2026, 12, 9, 12)),
                                    today=TODAY)
    assert moved.ends_at == dt.datetime(2026, 12, 9, 12)
    other = w.schedule(w.hearing(WED, "13:00", "14:00", "B2", case=2))
    with pytest.raises(HearingConflict):
        hearings.update_hearing(w.db, h.id, replace(h.to_input(), ends_at=dt.datetime(2026, 12, 9, 13, 30)),
                                today=TODAY)
    [entry] = _audit(w, "hearing.update")
    assert entry.before["ends_at"] == "2026-12-09T11:00:00"
    assert entry.after["hearing"]["ends_at"] == "2026-12-09T12:00:00"
    with pytest.raises(ValidationError):
        hearings.update_hearing(w.db, h.id, replace(h.to_input(), case_id=w.case2.id), today=TODAY)
    assert other.id != h.id


def test_moving_a_served_hearing_is_flagged_as_needing_a_new_notice(w):
    h = w.schedule(w.hearing(MON, "09:00", "10:00", "B2"))
    party = w.case1.parties[0]
    hearings.add_service_record(w.db, h.id, party.id, ServiceMethod.DIRECT, dt.date(2026, 11, 20), "张三",
                                today=TODAY)
    later = replace(h.to_input(), starts_at=dt.datetime(2026, 12, 14, 14), ends_at=dt.datetime(2026, 12, 14, 15))
    with pytest.raises(HearingConflict) as err:
        hearings.update_hearing(w.db, h.id, later, today=TODAY)
    stale = [f for f in err.value.findings if f.rule_key == "notice.stale"]
    assert stale[0].message == "已送达的开庭通知载明的是原定时间 2026-12-14 09:00–10:00"
    # Same times, another room: no new notice needed for the time (the place is the clerk's call).
    hearings.update_hearing(w.db, h.id, replace(h.to_input(), room_id=w.room["C1"]), today=TODAY)


def test_held_or_cancelled_hearings_cannot_be_edited(w):
    h = w.schedule(w.hearing(WED, "09:00", "10:00", "B2"))
    hearings.cancel_hearing(w.db, h.id, "申请人撤回仲裁申请")
    with pytest.raises(ConflictError, match="已取消"):
        hearings.update_hearing(w.db, h.id, h.to_input(), today=TODAY)
    with pytest.raises(NotFound):
        hearings.get_hearing(w.db, 424242)


# ---------------------------------------------------------------- postponing and cancelling


def _invite_all(w: World, hearing_id: int) -> None:
    w.invite(hearing_id, "孙立新", "D", InvitationStatus.CONFIRMED)
    w.invite(hearing_id, "何小军", "C", InvitationStatus.INVITED)
    w.invite(hearing_id, "唐国庆", "D", InvitationStatus.DECLINED)


def test_postponement_lists_who_must_be_told_and_moves_the_invitations(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    _invite_all(w, h.id)
    new, told = hearings.postpone_hearing(w.db, h.id, "被申请人法定代表人出差，申请延期", dt.datetime(2026, 12, 16, 9),
                                          dt.datetime(2026, 12, 16, 11), today=TODAY)
    assert [(r.kind, r.name, r.role_label, r.organisation, r.phone) for r in told] == [
        ("party", "张三", "申请人", "", "13807311234"),
        ("agent", "李律师", "申请人张三的委托代理人", "湖南宝庆律师事务所", "13912345678"),
        ("party", "邵阳宝庆精密机械有限公司", "被申请人", "", "0739-5321234"),
        ("arbitrator", "李建国", "独任仲裁员", "", ""),
        ("clerk", "赵静", "书记员", "", ""),
        ("host", "陈志刚", "人事主管", "湖南湘中纺织科技有限公司", "13833334444"),
        ("observer", "孙立新", "人事经理", "邵阳双清电子科技有限公司", "13900001111"),
        ("observer", "何小军", "人事经理", "邵阳市资江食品有限公司", "13900001111"),
    ]
    old = hearings.get_hearing(w.db, h.id)
    assert old.status == HearingStatus.POSTPONED
    assert old.status_reason == "被申请人法定代表人出差，申请延期，改期至 2026-12-16 09:00"
    assert old.invitations.standing == 0 and old.invitations.declined == 1
    assert new.id != h.id and new.status == HearingStatus.SCHEDULED
    assert new.starts_at == dt.datetime(2026, 12, 16, 9)
    assert (new.invitations.invited, new.invitations.confirmed) == (2, 0)  # to be confirmed anew
    assert new.service_records == ()  # the parties must be served again
    assert _case_status(w, w.case1.id) == CaseStatus.SCHEDULED
    assert [e.entity_id for e in _audit(w, "hearing.postpone")] == [h.id]


def test_postponement_without_a_new_date_takes_the_case_back(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    detail, told = hearings.postpone_hearing(w.db, h.id, "等待工伤认定结论", today=TODAY)
    assert detail.id == h.id and detail.status == HearingStatus.POSTPONED
    assert {r.kind for r in told} == {"party", "agent", "arbitrator", "clerk", "host"}
    assert _case_status(w, w.case1.id) == CaseStatus.ACCEPTED
    with pytest.raises(ConflictError):
        hearings.postpone_hearing(w.db, h.id, "再次延期", today=TODAY)


def test_postponement_to_a_clashing_time_changes_nothing(w):
    w.schedule(w.hearing(dt.date(2026, 12, 16), "09:00", "11:00", "B2", case=2))
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    with pytest.raises(HearingConflict):
        hearings.postpone_hearing(w.db, h.id, "延期", dt.datetime(2026, 12, 16, 10), dt.datetime(2026, 12, 16, 12),
                                  today=TODAY)
    assert hearings.get_hearing(w.db, h.id).status == HearingStatus.SCHEDULED
    with pytest.raises(ValidationError):
        hearings.postpone_hearing(w.db, h.id, "  ", today=TODAY)
    with pytest.raises(ValidationError):
        hearings.postpone_hearing(w.db, h.id, "延期", dt.datetime(2026, 12, 16, 10), today=TODAY)


def test_cancellation_lists_recipients_and_settles_the_case(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    _invite_all(w, h.id)
    told = hearings.cancel_hearing(w.db, h.id, "双方已自行和解，申请人撤回申请")
    assert [r.name for r in told if r.kind == "observer"] == ["孙立新", "何小军"]
    assert len(told) == 8
    cancelled = hearings.get_hearing(w.db, h.id)
    assert (cancelled.status, cancelled.status_reason) == (HearingStatus.CANCELLED, "双方已自行和解，申请人撤回申请")
    assert _case_status(w, w.case1.id) == CaseStatus.ACCEPTED
    with pytest.raises(ConflictError):
        hearings.cancel_hearing(w.db, h.id, "再取消")
    with pytest.raises(ValidationError):
        hearings.cancel_hearing(w.db, h.id, "")


def test_mark_held_sets_the_case_heard_but_not_before_the_day(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    with pytest.raises(ValidationError, match="还没有到"):
        hearings.mark_held(w.db, h.id, today=WED - dt.timedelta(days=1))
    held = hearings.mark_held(w.db, h.id, today=WED)
    assert held.status == HearingStatus.HELD
    assert _case_status(w, w.case1.id) == CaseStatus.HEARD
    with pytest.raises(ConflictError):
        hearings.mark_held(w.db, h.id, today=WED)
    # A second session of a heard case, cancelled, leaves it heard.
    second = w.schedule(w.hearing(MON, "09:00", "11:00", "B2"))
    hearings.cancel_hearing(w.db, second.id, "无需再次开庭")
    assert _case_status(w, w.case1.id) == CaseStatus.HEARD


# ---------------------------------------------------------------- service and defaults


def test_service_records_and_their_checks(w):
    h = w.schedule(w.hearing(MON, "09:00", "10:00", "B2"))
    applicant, respondent = w.case1.parties
    row = hearings.add_service_record(w.db, h.id, respondent.id, ServiceMethod.POST, dt.date(2026, 11, 24),
                                      " 王 收发 ", today=TODAY)
    assert (row.confirmed, row.signed_by, row.party_name, row.document) == (True, "王 收发", respondent.name,
                                                                            "开庭通知书")
    sms = hearings.add_service_record(w.db, h.id, applicant.id, ServiceMethod.ELECTRONIC, TODAY, "", today=TODAY)
    assert sms.confirmed is False and sms.simplified
    with pytest.raises(ValidationError, match="晚于今天"):
        hearings.add_service_record(w.db, h.id, applicant.id, ServiceMethod.DIRECT, TODAY + dt.timedelta(days=1),
                                    "张三", today=TODAY)
    with pytest.raises(ValidationError, match="不属于"):
        hearings.add_service_record(w.db, h.id, w.case2.parties[0].id, ServiceMethod.DIRECT, TODAY, "王五",
                                    today=TODAY)
    detail = hearings.get_hearing(w.db, h.id)
    assert [(r.party_name, r.method) for r in detail.service_records] == [
        ("张三", ServiceMethod.ELECTRONIC), ("邵阳宝庆精密机械有限公司", ServiceMethod.POST)]
    assert len(_audit(w, "hearing.service")) == 2


def test_can_default_follows_the_notice(w):
    h = w.schedule(w.hearing(MON, "09:00", "10:00", "B2"))
    applicant, respondent = w.case1.parties
    ok, why = hearings.can_default(w.db, h.id, respondent.id)
    assert not ok and why == "没有向被申请人邵阳宝庆精密机械有限公司送达开庭通知的记录，不能缺席裁决"
    hearings.add_service_record(w.db, h.id, respondent.id, ServiceMethod.PHONE, dt.date(2026, 11, 20), "",
                                today=TODAY)
    ok, why = hearings.can_default(w.db, h.id, respondent.id)
    assert not ok
    assert why == ("向被申请人邵阳宝庆精密机械有限公司的开庭通知仅以电话通知方式发出且未确认收到，"
                   "不能缺席裁决（《劳动人事争议仲裁办案规则》第五十九条）")
    hearings.add_service_record(w.db, h.id, respondent.id, ServiceMethod.PHONE, dt.date(2026, 11, 23), "刘晓燕",
                                confirmed=True, today=TODAY)
    ok, why = hearings.can_default(w.db, h.id, respondent.id)
    assert ok and why == "已于 2026-11-23 以电话通知向被申请人邵阳宝庆精密机械有限公司送达开庭通知，签收人刘晓燕，可以缺席裁决"
    # The applicant was served too late: five full working days are missing.
    served = dt.date(2026, 12, 8)
    hearings.add_service_record(w.db, h.id, applicant.id, ServiceMethod.DIRECT, served, "张三", today=served)
    ok, why = hearings.can_default(w.db, h.id, applicant.id)
    assert not ok
    assert why == "申请人张三于 2026-12-08 收到开庭通知，距开庭只有 3 个完整工作日，不足 5 个，不能按撤回仲裁申请处理"
    with pytest.raises(NotFound):
        hearings.can_default(w.db, h.id, w.case2.parties[0].id)


# ---------------------------------------------------------------- lists


def test_list_hearings_filters_by_dates_tribunal_and_person(w):
    with w.db.session() as s:
        tribunal = CircuitTribunal(name="邵阳经开区巡回仲裁庭")
        s.add(tribunal)
        s.flush()
        tribunal_id = tribunal.id
    a = w.schedule(w.hearing(WED, "09:00", "10:00", "B2", tribunal_id=tribunal_id))
    b = w.schedule(w.hearing(MON, "09:00", "10:00", "B2", case=2))
    assert (a.tribunal_id, a.tribunal_name, b.tribunal_id) == (tribunal_id, "邵阳经开区巡回仲裁庭", None)
    assert [r.id for r in hearings.list_hearings(w.db)] == [a.id, b.id]
    assert [r.id for r in hearings.list_hearings(w.db, tribunal_id=tribunal_id)] == [a.id]
    assert [r.id for r in hearings.list_hearings(w.db, WED, WED)] == [a.id]
    assert [r.id for r in hearings.list_hearings(w.db, WED + dt.timedelta(days=1), MON)] == [b.id]
    assert hearings.list_hearings(w.db, MON + dt.timedelta(days=1)) == []
    assert [r.id for r in hearings.list_hearings(w.db, staff_id=w.staff["李建国"])] == [a.id]
    assert [r.id for r in hearings.list_hearings(w.db, staff_id=w.staff["孙浩"])] == [b.id]
    assert hearings.list_hearings(w.db, staff_id=w.staff["张卫东"]) == []
    row = hearings.list_hearings(w.db, WED, WED)[0]
    assert (row.case_number, row.venue, row.public, row.status) == (
        w.case1.number, "湖南湘中纺织科技有限公司 大会议室", True, HearingStatus.SCHEDULED)


def test_list_rooms(w):
    rooms = hearings.list_rooms(w.db)
    assert [r.label for r in rooms[:2]] == ["本院第一仲裁庭", "本院第二仲裁庭"]
    big = next(r for r in rooms if r.id == w.room["B1"])
    assert (big.capacity, big.enterprise_name, big.address) == (3, "湖南湘中纺织科技有限公司", "邵阳市宝庆大道66号")
    assert len(rooms) == 6


# ---------------------------------------------------------------- on the demonstration data


def test_demo_showcase_hearing_checks_clean_and_postpones_to_everyone(demo_template, tmp_path):
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    db = open_database(str(target), actor="测试书记员")
    try:
        showcase = next(r for r in hearings.list_hearings(db) if r.case_type == CaseType.WORK_INJURY and r.public)
        detail = hearings.get_hearing(db, showcase.id)
        assert detail.invitations.standing == 9 and detail.invitations.declined == 1
        assert hearings.check_hearing(db, detail.to_input(), hearing_id=detail.id, today=TODAY) == []
        # The same hearing proposed again: the showcase itself holds the panel, clerk and room.
        clash = hearings.check_hearing(db, detail.to_input(), today=TODAY)
        assert {f.rule_key for f in clash if f.blocking} == {"staff.double_booked", "room.double_booked"}
        _, told = hearings.postpone_hearing(db, detail.id, "鉴定结论尚未作出", today=TODAY)
        assert sum(r.kind == "observer" for r in told) == 9
        assert sum(r.kind == "arbitrator" for r in told) == 3
        with db.session(write=False) as s:
            moved = s.scalar(select(func.count()).select_from(Invitation).where(Invitation.hearing_id == detail.id))
        assert moved == 10  # without a new date the invitations stay where they were
    finally:
        db.dispose()


def test_demo_hearings_are_flagged_exactly_when_past_the_award_deadline(demo_template, tmp_path):
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    db = open_database(str(target), actor="测试书记员")
    try:
        periods = PeriodCalculator(legal_calendar.calendar(db))
        rows = hearings.list_hearings(db)
        assert len(rows) == 7
        flagged, expected = set(), set()
        for row in rows:
            detail = hearings.get_hearing(db, row.id)
            findings = hearings.check_hearing(db, detail.to_input(), hearing_id=row.id, today=TODAY)
            if any(f.rule_key == "deadline.award" and f.blocking for f in findings):
                flagged.add(row.id)
            accepted = cases.get_case(db, row.case_id).accepted_date
            if row.starts_at.date() > periods.award_due(accepted).date:
                expected.add(row.id)
        assert flagged == expected
    finally:
        db.dispose()

"""Case clocks: due dates and states with suspension, extension and re-count, service records, the dashboard.

Dates were counted by hand on the 2026 schedule: 中秋 09-25..09-27 off; 国庆 10-01..10-07 off;
make-up working days Sun 09-20 and Sat 10-10. "due today" is due_soon, "due yesterday" overdue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY
from tests.integration.helpers import case_input
from tribunal.db.models import Hearing, ServiceRecord
from tribunal.domain.enums import CaseOutcome, CaseStatus, HearingStatus, PartyRole, ServiceMethod
from tribunal.domain.legal_calendar import DayRule
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, cases, clocks, legal_calendar, settings

D = dt.date


def make_case(db, received: dt.date, accepted: dt.date | None = None) -> cases.CaseDetail:
    return cases.create_case(db, case_input(received_date=received, accepted_date=accepted), today=TODAY)


def party(case: cases.CaseDetail, role: PartyRole) -> int:
    return next(p.id for p in case.parties if p.role == role)


def state_of(db, case_id: int, key: str, today: dt.date) -> tuple[dt.date | None, str]:
    item = clocks.case_clock(db, case_id, today).item(key)
    assert item is not None
    return item.due, item.state


@pytest.fixture
def accepted(db) -> cases.CaseDetail:
    """Received Tue 2026-09-08, accepted Thu 09-10: 45 days end Sun 10-25 → legal last day Mon 10-26."""
    return make_case(db, D(2026, 9, 8), D(2026, 9, 10))


# ---------------------------------------------------------------- the award clock


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2026, 10, 19), "on_time"),   # 7 days to the legal day, 4 to the internal target 10-23
        (D(2026, 10, 20), "due_soon"),  # the target (Fri 10-23, before the weekend roll) is 3 days off
        (D(2026, 10, 26), "due_soon"),  # due today
        (D(2026, 10, 27), "overdue"),   # due yesterday
    ],
)
def test_award_boundaries(db, accepted, today, state):
    clock = clocks.case_clock(db, accepted.id, today)
    item = clock.item("award_due")
    assert item is not None
    assert (item.key, item.due, item.state, item.target) == ("award_due", D(2026, 10, 26), state, D(2026, 10, 23))
    assert item.unit == "natural" and item.unit_zh == "自然日"
    assert item.basis == "《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条"
    assert item.note == "如经批准延长，可至2026-11-09；内部结案目标日2026-10-23（届满日遇休息日顺延前）"
    assert (clock.award_due, clock.award_due_45, clock.award_due_60) == (D(2026, 10, 26), D(2026, 10, 26), D(2026, 11, 9))
    assert clock.clock_start == D(2026, 9, 10) and clock.excluded_days == 0
    assert item.state_label == clocks.STATE_LABELS[state]


def test_suspension_is_left_out(db, accepted):
    data = clocks.add_suspension(db, accepted.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    assert data.reason == "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论"
    assert data.basis == "《劳动人事争议仲裁办案规则》第四十七条第（六）项"
    assert data.public_notice is False
    # 10 days left out: 09-10 + 55 = Wed 11-04 (a working day, so target = legal day).
    assert state_of(db, accepted.id, "award_due", D(2026, 10, 31)) == (D(2026, 11, 4), "on_time")
    assert state_of(db, accepted.id, "award_due", D(2026, 11, 1)) == (D(2026, 11, 4), "due_soon")
    assert state_of(db, accepted.id, "award_due", D(2026, 11, 4)) == (D(2026, 11, 4), "due_soon")
    assert state_of(db, accepted.id, "award_due", D(2026, 11, 5)) == (D(2026, 11, 4), "overdue")
    clock = clocks.case_clock(db, accepted.id, D(2026, 11, 5))
    assert clock.excluded_days == 10
    assert clock.suspensions == (data,)
    assert clock.suspended is False
    assert "已扣除中止审理、公告送达等不计入审理期限的期间10日" in clock.item("award_due").note
    # A closed interval does not mark the case as suspended.
    assert cases.get_case(db, accepted.id).status == CaseStatus.ACCEPTED


def test_running_suspension_stops_the_clock(db, accepted):
    # Suspended from Sat 10-24, two days before the deadline, and still running on 10-27.
    data = clocks.add_suspension(db, accepted.id, D(2026, 10, 24), None, "force_majeure", today=TODAY)
    assert cases.get_case(db, accepted.id).status == CaseStatus.SUSPENDED
    clock = clocks.case_clock(db, accepted.id, D(2026, 10, 27))
    item = clock.item("award_due")
    # 10-24..10-27 (4 days) left out so far: 09-10 + 49 = Thu 10-29; the clock stands still,
    # so two days left is not "due soon".
    assert (item.due, item.state) == (D(2026, 10, 29), "on_time")
    assert item.note.startswith("审理中止中（自2026-10-24起），期限暂停计算；若今日恢复，届满日为2026-10-29")
    assert clock.suspended is True and clock.excluded_days == 4
    # The suspension ends on 10-27: the clock runs again from 10-28.
    ended = clocks.end_suspension(db, data.id, D(2026, 10, 27), today=TODAY)
    assert ended.end == D(2026, 10, 27)
    assert cases.get_case(db, accepted.id).status == CaseStatus.ACCEPTED
    assert state_of(db, accepted.id, "award_due", D(2026, 10, 28)) == (D(2026, 10, 29), "due_soon")
    assert state_of(db, accepted.id, "award_due", D(2026, 10, 29)) == (D(2026, 10, 29), "due_soon")
    assert state_of(db, accepted.id, "award_due", D(2026, 10, 30)) == (D(2026, 10, 29), "overdue")
    with pytest.raises(ConflictError, match="已于 2026-10-27 结束"):
        clocks.end_suspension(db, data.id, D(2026, 10, 28), today=TODAY)


def test_suspension_after_the_deadline_does_not_revive_it(db, accepted):
    # The 45 days ran out on Mon 10-26: a suspension ordered on 11-02 cannot stop a clock that
    # has stopped already (法 43 ¶1), so it is refused and nothing is stored.
    with pytest.raises(ValidationError, match="审理期限已于 2026-10-26 届满") as refused:
        clocks.add_suspension(db, accepted.id, D(2026, 11, 2), D(2026, 11, 10), "other", today=TODAY)
    assert refused.value.fields == {"start": refused.value.fields["start"]}
    clock = clocks.case_clock(db, accepted.id, TODAY)
    assert (clock.award_due, clock.item("award_due").state, clock.excluded_days) == (D(2026, 10, 26), "overdue", 0)
    assert clock.events == ()


def test_public_notice_period_is_left_out_without_suspending(db, accepted):
    respondent = party(accepted, PartyRole.RESPONDENT)
    # Published Mon 09-21: 30 days after it is Wed 10-21 (a working day), the day service counts
    # as done; 09-22 … 10-21 (30 days) are not counted. 09-10 + 45 + 30 = Tue 11-24.
    clock = clocks.record_public_notice(db, accepted.id, respondent, D(2026, 9, 21), today=TODAY)
    assert cases.get_case(db, accepted.id).status == CaseStatus.ACCEPTED
    (notice,) = clock.suspensions
    assert (notice.start, notice.end, notice.public_notice) == (D(2026, 9, 22), D(2026, 10, 21), True)
    assert "第九十五条" in notice.basis
    assert clock.award_due == D(2026, 11, 24) and clock.excluded_days == 30


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (D(2026, 9, 29), D(2026, 9, 28), "不能早于开始日期"),
        (D(2026, 11, 28), None, "不能晚于今天"),
        (D(2026, 9, 20), D(2026, 11, 28), "不能晚于今天"),
        (D(2026, 9, 9), D(2026, 9, 12), "不能早于受理日期 2026-09-10"),
        (D(2026, 9, 25), D(2026, 10, 2), "重叠"),  # overlaps 09-20..09-29
        (D(2026, 9, 29), None, "重叠"),            # starts on its last day
        (D(2026, 9, 12), D(2026, 9, 20), "重叠"),  # ends on its first day
    ],
)
def test_suspension_validation(db, accepted, start, end, message):
    clocks.add_suspension(db, accepted.id, D(2026, 9, 20), D(2026, 9, 29), "other", today=TODAY)
    with pytest.raises(ValidationError, match=message):
        clocks.add_suspension(db, accepted.id, start, end, "other", today=TODAY)
    assert len(clocks.case_clock(db, accepted.id, TODAY).suspensions) == 1


def test_suspension_needs_an_open_accepted_case_and_a_reason(db, accepted):
    # Adjacent intervals are fine (09-30 follows 09-29).
    clocks.add_suspension(db, accepted.id, D(2026, 9, 20), D(2026, 9, 29), "other", today=TODAY)
    clocks.add_suspension(db, accepted.id, D(2026, 9, 30), D(2026, 10, 1), "其他：等待鉴定机构回复", today=TODAY)
    with pytest.raises(ValidationError, match="请填写"):
        clocks.add_suspension(db, accepted.id, D(2026, 10, 5), None, "  ", today=TODAY)
    running = clocks.add_suspension(db, accepted.id, D(2026, 10, 5), None, "other", today=TODAY)
    with pytest.raises(ValidationError, match="重叠"):  # an open interval runs on for ever
        clocks.add_suspension(db, accepted.id, D(2026, 11, 20), D(2026, 11, 21), "other", today=TODAY)
    with pytest.raises(ValidationError, match="不能早于开始日期"):
        clocks.end_suspension(db, running.id, D(2026, 10, 4), today=TODAY)
    received_only = make_case(db, D(2026, 11, 2))
    with pytest.raises(ValidationError, match="尚未受理"):
        clocks.add_suspension(db, received_only.id, D(2026, 11, 3), None, "other", today=TODAY)
    cases.close_case(db, accepted.id, CaseOutcome.WITHDRAWN, D(2026, 11, 20), today=TODAY)
    with pytest.raises(ConflictError, match="已结案"):
        clocks.add_suspension(db, accepted.id, D(2026, 11, 21), None, "other", today=TODAY)
    with pytest.raises(ConflictError, match="已结案"):
        clocks.end_suspension(db, running.id, D(2026, 11, 20), today=TODAY)
    with pytest.raises(NotFound):
        clocks.add_suspension(db, 99999, D(2026, 11, 21), None, "other", today=TODAY)
    with pytest.raises(NotFound):
        clocks.end_suspension(db, 99999, D(2026, 11, 21), today=TODAY)


# ---------------------------------------------------------------- extension


def test_extension_makes_it_sixty_days(db, accepted):
    # Approved on the legal last day 10-26 (the un-rolled 45th day 10-25 was a Sunday): allowed.
    clock = clocks.approve_extension(db, accepted.id, "仲裁院院长 王建平", D(2026, 10, 26), today=TODAY)
    assert clock.extended and clock.extension_approved_by == "仲裁院院长 王建平"
    item = clock.item("award_due")
    assert item is clock.item("award_due_extended")
    assert item.label_zh == "延长后审理期限届满日"
    assert item.note == "已于2026-10-26经仲裁院院长 王建平批准延长十五日（原期限2026-10-26）"
    # 09-10 + 60 = Mon 11-09.
    for today, state in [(D(2026, 11, 5), "on_time"), (D(2026, 11, 6), "due_soon"),
                         (D(2026, 11, 9), "due_soon"), (D(2026, 11, 10), "overdue")]:
        assert state_of(db, accepted.id, "award_due_extended", today) == (D(2026, 11, 9), state)
    # The 45-day deadline has passed, but with the extension nothing is overdue before 11-10.
    assert clocks.case_clock(db, accepted.id, D(2026, 10, 30)).item("award_due").state == "on_time"
    with pytest.raises(ConflictError, match="不能重复延长"):
        clocks.approve_extension(db, accepted.id, "王建平", D(2026, 10, 26), today=TODAY)


def test_extension_with_suspension(db, accepted):
    clocks.add_suspension(db, accepted.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    # With 10 days left out the 45 days end 11-04, so an approval on 11-04 is still in time.
    clock = clocks.approve_extension(db, accepted.id, "王建平", D(2026, 11, 4), today=TODAY)
    # 09-10 + 60 + 10 = Thu 11-19.
    assert clock.award_due == D(2026, 11, 19)
    assert clock.item("award_due").state == "overdue"  # TODAY is 11-27


@pytest.mark.parametrize(
    ("by", "on", "message"),
    [
        ("王建平", D(2026, 10, 27), "审理期限已于 2026-10-26 届满；届满后不能再批准延长"),
        ("王建平", D(2026, 9, 9), "批准日期不能早于受理日期 2026-09-10"),
        ("王建平", D(2026, 11, 28), "不能晚于今天"),
        ("  ", D(2026, 10, 20), "请填写批准人"),
    ],
)
def test_extension_validation(db, accepted, by, on, message):
    with pytest.raises(ValidationError, match=message):
        clocks.approve_extension(db, accepted.id, by, on, today=TODAY)
    assert clocks.case_clock(db, accepted.id, TODAY).extended is False


# ---------------------------------------------------------------- re-count (规则 46)


def test_recount_restarts_the_award_clock(db, accepted):
    clocks.add_suspension(db, accepted.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    clock = clocks.record_recount(db, accepted.id, D(2026, 10, 1), "三", note="增加加班费请求", today=TODAY)
    assert clock.clock_start == D(2026, 10, 1)
    assert clock.clock_restart_reason == "（三）申请人增加或者变更仲裁请求：增加加班费请求"
    # 10-01 + 45 = Sun 11-15 → Mon 11-16; the suspension before the re-count no longer matters.
    assert clock.award_due == D(2026, 11, 16) and clock.excluded_days == 0
    note = clock.item("award_due").note
    assert note.startswith("自2026-10-01起重新计算：（三）申请人增加或者变更仲裁请求：增加加班费请求"
                           "（《劳动人事争议仲裁办案规则》第四十六条第（三）项）")
    # Other spellings of the item are understood.
    for reason in ("（四）", "4", "被申请人提出反申请并合并审理"):
        clock = clocks.record_recount(db, accepted.id, D(2026, 10, 2), reason, today=TODAY)
        assert clock.clock_restart_reason == "（四）被申请人提出反申请并合并审理"


@pytest.mark.parametrize(
    ("day", "reason", "message"),
    [
        (D(2026, 10, 1), "六", "请登记为“中止”或“公告送达”"),
        (D(2026, 10, 1), "八", "第四十六条所列情形"),
        (D(2026, 10, 1), "二", "补正材料不再影响受理期限"),
        (D(2026, 9, 9), "三", "不能早于受理日期 2026-09-10"),
        (D(2026, 11, 28), "三", "不能晚于今天"),
    ],
)
def test_recount_validation(db, accepted, day, reason, message):
    with pytest.raises(ValidationError, match=message):
        clocks.record_recount(db, accepted.id, day, reason, today=TODAY)
    assert cases.get_case(db, accepted.id).accepted_date == D(2026, 9, 10)
    assert clocks.case_clock(db, accepted.id, TODAY).clock_start == D(2026, 9, 10)


def test_corrected_materials_restart_the_acceptance_clock(db):
    case = make_case(db, D(2026, 11, 2))  # Monday
    # 11-03, 11-04, 11-05, 11-06, 11-09.
    assert state_of(db, case.id, "accept_by", D(2026, 11, 9)) == (D(2026, 11, 9), "due_soon")
    assert state_of(db, case.id, "accept_by", D(2026, 11, 10)) == (D(2026, 11, 9), "overdue")
    with pytest.raises(ValidationError, match="尚未受理"):
        clocks.record_recount(db, case.id, D(2026, 11, 20), "三", today=TODAY)
    clock = clocks.record_recount(db, case.id, D(2026, 11, 20), "（二）", today=TODAY)
    item = clock.item("accept_by")
    # Corrections received Fri 11-20: 11-23..11-27.
    assert (item.due, item.state) == (D(2026, 11, 27), "due_soon")
    assert item.note == "自收到补正材料之日（2026-11-20）起重新计算（《劳动人事争议仲裁办案规则》第四十六条第（二）项）"
    assert clock.clock_start is None  # the award clock has not started
    assert clock.item("award_due").state == "unknown"
    with pytest.raises(ValidationError, match="不能早于收件日期"):
        clocks.record_recount(db, case.id, D(2026, 11, 1), "二", today=TODAY)


# ---------------------------------------------------------------- the other items


def test_acceptance_is_done_once_accepted(db):
    on_time = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    late = make_case(db, D(2026, 9, 8), D(2026, 9, 17))
    # Received Tue 09-08: 09-09, 09-10, 09-11, 09-14, 09-15.
    item = clocks.case_clock(db, on_time.id, TODAY).item("accept_by")
    assert (item.due, item.state, item.note) == (D(2026, 9, 15), "done", "已于2026-09-10受理")
    item = clocks.case_clock(db, late.id, TODAY).item("accept_by")
    assert (item.due, item.state, item.note) == (D(2026, 9, 15), "done", "已于2026-09-17受理，超过期限2日")


def test_closed_case_is_done_never_overdue(db, accepted):
    cases.close_case(db, accepted.id, CaseOutcome.AWARDED, D(2026, 10, 30), today=TODAY)
    clock = clocks.case_clock(db, accepted.id, TODAY)
    assert {it.state for it in clock.items} == {"done"}
    assert clock.item("award_due").note.startswith("已结案（2026-10-30），超过期限4日")
    assert clock.next_due is None


def test_application_service_and_defence(db, accepted):
    respondent = party(accepted, PartyRole.RESPONDENT)
    applicant = party(accepted, PartyRole.APPLICANT)
    # Accepted Thu 09-10: 09-11, 09-14, 09-15, 09-16, 09-17.
    assert state_of(db, accepted.id, "serve_application_by", D(2026, 9, 17)) == (D(2026, 9, 17), "due_soon")
    assert state_of(db, accepted.id, "serve_application_by", D(2026, 9, 18)) == (D(2026, 9, 17), "overdue")
    assert state_of(db, accepted.id, "defence_due", D(2026, 9, 18)) == (None, "unknown")

    with pytest.raises(ValidationError, match="应送达被申请人"):
        clocks.record_service(db, accepted.id, applicant, "申请书副本", ServiceMethod.DIRECT,
                              D(2026, 9, 14), "张三", today=TODAY)
    with pytest.raises(ValidationError, match="不能早于受理日期"):
        clocks.record_service(db, accepted.id, respondent, "申请书副本", ServiceMethod.DIRECT,
                              D(2026, 9, 9), "李四", today=TODAY)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        clocks.record_service(db, accepted.id, respondent, "申请书副本", ServiceMethod.DIRECT,
                              D(2026, 11, 28), "李四", today=TODAY)
    with pytest.raises(ValidationError, match="送达方式"):
        clocks.record_service(db, accepted.id, respondent, "申请书副本", "飞鸽传书",
                              D(2026, 9, 14), "李四", today=TODAY)

    data = clocks.record_service(db, accepted.id, respondent, "申请书副本", "直接送达",
                                 D(2026, 9, 14), "李四", today=TODAY)
    assert (data.party_role, data.method, data.served_on, data.hearing_id) == (
        PartyRole.RESPONDENT, ServiceMethod.DIRECT, D(2026, 9, 14), None)
    with pytest.raises(ConflictError, match="已经登记过"):
        clocks.record_service(db, accepted.id, respondent, "申请书副本", ServiceMethod.DIRECT,
                              D(2026, 9, 14), "李四", today=TODAY)
    assert clocks.service_records(db, accepted.id) == [data]

    clock = clocks.case_clock(db, accepted.id, D(2026, 9, 25))
    item = clock.item("serve_application_by")
    assert (item.state, item.note) == ("done", "已于2026-09-14送达")
    # Defence: 09-15..09-18 (1–4), Sun 09-20 (5), 09-21..09-24 (6–9), [中秋 09-25..27], Mon 09-28 (10).
    item = clock.item("defence_due")
    assert (item.due, item.state, item.party_deadline) == (D(2026, 9, 28), "due_soon", True)
    assert item.note == "被申请人于2026-09-14签收"
    # A party's period that has run out is over, not overdue.
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 29)).item("defence_due")
    assert (item.state, item.note) == ("done", "被申请人于2026-09-14签收，答辩期已届满")
    # The composition notice is still missing.
    assert state_of(db, accepted.id, "composition_notice_by", D(2026, 9, 29)) == (D(2026, 9, 17), "overdue")
    clocks.record_service(db, accepted.id, respondent, "仲裁庭组成通知书", ServiceMethod.POST, D(2026, 9, 16), "",
                          today=TODAY)
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 29)).item("composition_notice_by")
    assert (item.state, item.note) == ("overdue", "尚未登记送达：张三")
    clocks.record_service(db, accepted.id, applicant, "仲裁庭组成通知书", ServiceMethod.DIRECT, D(2026, 9, 18),
                          "张三", today=TODAY)
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 29)).item("composition_notice_by")
    assert (item.state, item.note) == ("done", "已于2026-09-18送达，超过期限1日")


def test_unconfirmed_service_starts_no_period(db, accepted):
    respondent = party(accepted, PartyRole.RESPONDENT)
    clocks.record_service(db, accepted.id, respondent, "应诉通知书", ServiceMethod.PHONE, D(2026, 9, 14),
                          "", False, today=TODAY)
    clock = clocks.case_clock(db, accepted.id, D(2026, 9, 15))
    assert clock.item("defence_due").state == "unknown"
    # Not done either: the unconfirmed telephone notice proves nothing (due 09-17, two days away).
    assert clock.item("serve_application_by").state == "due_soon"


def test_service_record_other_errors(db, accepted):
    other = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    with pytest.raises(ValidationError, match="不属于案件"):
        clocks.record_service(db, accepted.id, party(other, PartyRole.RESPONDENT), "申请书副本",
                              ServiceMethod.DIRECT, D(2026, 9, 14), "", today=TODAY)
    with pytest.raises(ValidationError, match="文书名称"):
        clocks.record_service(db, accepted.id, party(accepted, PartyRole.RESPONDENT), " ",
                              ServiceMethod.DIRECT, D(2026, 9, 14), "", today=TODAY)
    with pytest.raises(ValidationError, match="开庭通知书的送达请在该场开庭的送达记录中登记"):
        clocks.record_service(db, accepted.id, party(accepted, PartyRole.RESPONDENT), "开庭通知书",
                              ServiceMethod.DIRECT, D(2026, 9, 14), "", today=TODAY)
    with pytest.raises(NotFound):
        clocks.service_records(db, 99999)
    cases.close_case(db, accepted.id, CaseOutcome.WITHDRAWN, D(2026, 9, 20), today=TODAY)
    with pytest.raises(ConflictError, match="已结案"):
        clocks.record_service(db, accepted.id, party(accepted, PartyRole.RESPONDENT), "申请书副本",
                              ServiceMethod.DIRECT, D(2026, 9, 14), "", today=TODAY)
    assert clocks.service_records(db, accepted.id) == []


def _hearing(db, case: cases.CaseDetail, day: dt.date, served: dict[PartyRole, dt.date]) -> int:
    """A scheduled hearing with its notices, written directly (scheduling is another module's job)."""
    with db.session() as s:
        hearing = Hearing(case_id=case.id, starts_at=dt.datetime.combine(day, dt.time(9, 30)),
                          ends_at=dt.datetime.combine(day, dt.time(11, 30)), status=HearingStatus.SCHEDULED)
        for p in case.parties:
            if p.role in served:
                hearing.service_records.append(ServiceRecord(
                    case_id=case.id, party_id=p.id, document="开庭通知书", method=ServiceMethod.DIRECT,
                    served_on=served[p.role], signed_by=p.name, confirmed=True))
        s.add(hearing)
        s.flush()
        return hearing.id


def test_hearing_notice_must_reach_every_party_in_time(db, accepted):
    hearing_day = D(2026, 10, 12)
    _hearing(db, accepted, hearing_day, {PartyRole.APPLICANT: D(2026, 9, 25), PartyRole.RESPONDENT: D(2026, 9, 28)})
    clock = clocks.case_clock(db, accepted.id, D(2026, 9, 28))
    item = clock.item("earliest_hearing")
    # The later service (Mon 09-28) counts: 09-29, 09-30, 10-08, 10-09, Sat 10-10 → Mon 10-12.
    assert (item.due, item.state) == (D(2026, 10, 12), "on_time")
    assert item.note == "开庭日2026-10-12符合要求（开庭通知最后送达于2026-09-28）"
    # Postponement: Sat 10-10, 10-09, 10-08 between → Wed 09-30.
    item = clock.item("postpone_request_by")
    assert (item.due, item.state, item.party_deadline) == (D(2026, 9, 30), "due_soon", True)
    assert state_of(db, accepted.id, "postpone_request_by", D(2026, 10, 1)) == (D(2026, 9, 30), "done")


def test_hearing_set_too_early_for_the_last_notice(db, accepted):
    _hearing(db, accepted, D(2026, 10, 12), {PartyRole.APPLICANT: D(2026, 9, 25), PartyRole.RESPONDENT: D(2026, 9, 29)})
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 30)).item("earliest_hearing")
    assert (item.due, item.state) == (D(2026, 10, 13), "overdue")
    assert "开庭日2026-10-12早于最早可开庭日" in item.note and "请改期或重新送达" in item.note


def test_hearing_notice_missing_for_a_party(db, accepted):
    _hearing(db, accepted, D(2026, 10, 12), {PartyRole.RESPONDENT: D(2026, 9, 28)})
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 30)).item("earliest_hearing")
    assert (item.due, item.state, item.note) == (None, "unknown", "开庭日2026-10-12；尚未送达开庭通知：张三")


def test_no_hearing_yet_gives_a_planning_hint(db, accepted):
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 28)).item("earliest_hearing")
    assert (item.due, item.state) == (None, "unknown")
    assert item.note == "尚未安排开庭；如今日送达开庭通知，最早可于2026-10-12开庭"


def test_missing_service_record_at_the_hearing_stage_is_not_overdue(db, accepted):
    _hearing(db, accepted, D(2026, 10, 12), {PartyRole.APPLICANT: D(2026, 9, 28), PartyRole.RESPONDENT: D(2026, 9, 28)})
    item = clocks.case_clock(db, accepted.id, D(2026, 9, 28)).item("serve_application_by")
    assert item.state == "unknown"
    assert item.note == "未登记送达记录（邵阳宝庆精密机械有限公司）；案件已进入开庭阶段，请补登送达日期"


# ---------------------------------------------------------------- unknown years, settings


def test_unknown_year_is_shown_not_guessed(db):
    case = make_case(db, D(2026, 11, 19), D(2026, 11, 20))
    clock = clocks.case_clock(db, case.id, TODAY)
    item = clock.item("award_due")
    # 11-20 + 45 = 2027-01-04, and 2027 is not loaded.
    assert (item.due, item.state) == (None, "unknown")
    assert item.note.startswith("2027年节假日安排尚未载入，无法计算；请在“设置→法定节假日”中导入该年安排；"
                                "按自然日计为2027-01-04（未顺延）")
    assert clock.unknown_years == frozenset({2027})
    assert clock.award_due is None
    legal_calendar.replace_year(db, 2027, [DayRule(D(2027, 1, 1), "holiday", "元旦")], "测试用安排")
    clock = clocks.case_clock(db, case.id, TODAY)
    assert clock.unknown_years == frozenset()
    assert (clock.award_due, clock.item("award_due").state) == (D(2027, 1, 4), "on_time")


def test_due_soon_window_is_a_setting(db, accepted):
    assert state_of(db, accepted.id, "award_due", D(2026, 10, 16)) == (D(2026, 10, 26), "on_time")
    settings.set_value(db, "clock.due_soon_days", 7)
    # 10 days to the legal day, 7 to the target 10-23.
    assert state_of(db, accepted.id, "award_due", D(2026, 10, 16)) == (D(2026, 10, 26), "due_soon")
    with pytest.raises(ValidationError):
        settings.set_value(db, "clock.due_soon_days", 31)


def test_case_clock_not_found(db):
    with pytest.raises(NotFound):
        clocks.case_clock(db, 99999, TODAY)


def test_changes_are_audited(db, accepted):
    clocks.add_suspension(db, accepted.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    clocks.record_recount(db, accepted.id, D(2026, 10, 1), "三", today=TODAY)
    clocks.approve_extension(db, accepted.id, "王建平", D(2026, 11, 10), today=TODAY)
    clocks.record_service(db, accepted.id, party(accepted, PartyRole.RESPONDENT), "申请书副本",
                          ServiceMethod.POST, D(2026, 9, 14), "李四", today=TODAY)
    actions = [row.action for row in audit.history(db, "case", accepted.id)]
    assert actions[:5] == ["service.record", "clock.extend", "clock.recount", "clock.resume", "clock.suspend"]
    summaries = [row.summary for row in audit.history(db, "case", accepted.id)][:5]
    assert summaries[1] == (f"{accepted.number} 登记期限变动 2026-11-10 批准延长审理期限十五日（批准人：王建平）"
                            "（审理期限延长十五日）")
    assert all(row.actor == "测试书记员" for row in audit.history(db, "case", accepted.id)[:5])


# ---------------------------------------------------------------- the dashboard and the bulk award clock


def test_due_overview_and_bulk_awards(db):
    c1 = make_case(db, D(2026, 11, 20))                  # accept by 11-27 (today)
    c2 = make_case(db, D(2026, 11, 2))                   # accept by 11-09: overdue
    c3 = make_case(db, D(2026, 10, 8), D(2026, 10, 9))   # service 10-15, award 11-23: overdue
    c4 = make_case(db, D(2026, 11, 19), D(2026, 11, 20))  # service 11-27; award in 2027
    c5 = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    cases.close_case(db, c5.id, CaseOutcome.MEDIATED, D(2026, 10, 1), today=TODAY)

    overview = clocks.due_overview(db, TODAY)
    week = [(r.case_id, r.key, r.due, r.state) for r in overview.due_this_week]
    assert week == [
        (c1.id, "accept_by", D(2026, 11, 27), "due_soon"),
        (c4.id, "serve_application_by", D(2026, 11, 27), "due_soon"),
        (c4.id, "composition_notice_by", D(2026, 11, 27), "due_soon"),
    ]
    late = [(r.case_id, r.key, r.due) for r in overview.overdue]
    # c3 accepted Fri 10-09: Sat 10-10 (make-up) is the first of its 5 working days → 10-15.
    assert late == [
        (c3.id, "serve_application_by", D(2026, 10, 15)),
        (c3.id, "composition_notice_by", D(2026, 10, 15)),
        (c2.id, "accept_by", D(2026, 11, 9)),
        (c3.id, "award_due", D(2026, 11, 23)),
    ]
    assert overview.unknown_years == {2027}
    row = overview.overdue[-1]
    assert (row.case_number, row.applicants, row.respondents, row.label_zh, row.state_label) == (
        c3.number, "张三", "邵阳宝庆精密机械有限公司", "审理期限届满日", "已超期")

    awards = clocks.all_award_due_dates(db, TODAY)
    assert set(awards) == {c3.id, c4.id}  # open and accepted only
    assert awards[c3.id] == clocks.AwardDue(c3.id, D(2026, 11, 23), "overdue", False, 0, None)
    assert awards[c4.id] == clocks.AwardDue(c4.id, None, "unknown", False, 0, 2027)

    # A window of one day holds only today's dates; after loading 2027 nothing is unknown.
    assert len(clocks.due_overview(db, TODAY, days=1).due_this_week) == 3
    assert clocks.due_overview(db, D(2026, 11, 26), days=1).due_this_week == []
    legal_calendar.replace_year(db, 2027, [DayRule(D(2027, 1, 1), "holiday", "元旦")], "测试用安排")
    assert clocks.due_overview(db, TODAY).unknown_years == set()
    assert clocks.all_award_due_dates(db, TODAY)[c4.id].due == D(2027, 1, 4)
    with pytest.raises(ValidationError):
        clocks.due_overview(db, TODAY, days=0)


def test_next_due_is_the_earliest_open_item(db, accepted):
    clock = clocks.case_clock(db, accepted.id, D(2026, 9, 11))
    nxt = clock.next_due
    assert nxt is not None and (nxt.key, nxt.due) == ("serve_application_by", D(2026, 9, 17))


def test_bulk_results_follow_each_cases_own_records(db):
    # Same dates; only the second case has a suspension. The bulk computation shares the work
    # for cases with nothing but dates recorded and must not share it with this one.
    plain = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    twin = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    third = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    clocks.add_suspension(db, twin.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    awards = clocks.all_award_due_dates(db, D(2026, 10, 27))
    assert awards[plain.id] == clocks.AwardDue(plain.id, D(2026, 10, 26), "overdue", False, 0)
    assert awards[third.id] == clocks.AwardDue(third.id, D(2026, 10, 26), "overdue", False, 0)
    assert awards[twin.id] == clocks.AwardDue(twin.id, D(2026, 11, 4), "on_time", False, 10)
    overview = clocks.due_overview(db, D(2026, 10, 27))
    assert {(r.case_id, r.key) for r in overview.overdue if r.key == "award_due"} == {
        (plain.id, "award_due"), (third.id, "award_due")}

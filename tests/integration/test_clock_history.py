"""The clock history through the services: events in date order, judged by their dates, combined.

Every expected date below was counted by hand on the State Council's schedules, each day named
in the comment beside it (the code under test is not used to work them out):

2025: 国庆+中秋 10-01 … 10-08 off; make-up working days Sun 09-28 and Sat 10-11.
2026: 春节 02-15 … 02-23 off, make-up Sat 02-14 and Sat 02-28; 劳动节 05-01 … 05-05 off, make-up
      Sat 05-09; 端午 06-19 … 06-21 off; 中秋 09-25 … 09-27 off; 国庆 10-01 … 10-07 off, make-up
      Sun 09-20 and Sat 10-10.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, respondent
from tribunal.domain.enums import CaseStatus, ServiceMethod
from tribunal.errors import ConflictError, ValidationError
from tribunal.services import audit, cases, clocks, legal_calendar
from tribunal.services.app import open_database

D = dt.date


def make_case(db, received: dt.date, accepted: dt.date | None, *respondents: str) -> cases.CaseDetail:
    parties = (applicant(), *(respondent(name) for name in (respondents or ("邵阳宝庆精密机械有限公司",))))
    return cases.create_case(db, case_input(received_date=received, accepted_date=accepted, parties=parties),
                             today=TODAY)


def party_id(case: cases.CaseDetail, name: str) -> int:
    return next(p.id for p in case.parties if p.name == name)


def award(db, case_id: int, today: dt.date = TODAY) -> clocks.CaseClock:
    return clocks.case_clock(db, case_id, today)


# ---------------------------------------------------------------- 2025 National Day: late re-counts


@pytest.fixture
def autumn_2025(db) -> cases.CaseDetail:
    """Accepted Wed 2025-08-20. 45 days: 08-21 … 08-31 are 11, September 30 more (41), 10-01 … 10-04
    four more: the 45th day is Sat 10-04, in the National Day holiday (10-01 … 10-08), so the
    last day moves to Thu 10-09."""
    return make_case(db, D(2025, 8, 18), D(2025, 8, 20))


def test_the_autumn_2025_clock(db, autumn_2025):
    clock = award(db, autumn_2025.id, D(2025, 10, 9))
    assert (clock.award_due, clock.award_unrolled) == (D(2025, 10, 9), D(2025, 10, 4))
    item = clock.item("award_due")
    assert item.state == "due_soon" and "weekend_roll" in item.readings
    # Target: the un-rolled day moved back to a working day: 10-04 … 10-01 are off, Tue 09-30.
    assert item.target == D(2025, 9, 30)


def test_a_recount_after_the_period_ran_out_is_refused_and_revives_nothing(db, autumn_2025):
    # Fri 10-10 is the day after the last day: the parties may already go to court (法 43 ¶1).
    with pytest.raises(ValidationError, match="审理期限已于 2025-10-09 届满；届满后登记的重新计算不能使已届满的期限"
                                              "恢复") as refused:
        clocks.record_recount(db, autumn_2025.id, D(2025, 10, 10), "三", today=TODAY)
    assert set(refused.value.fields) == {"restart_date"}
    # Nor on the make-up Saturday 10-11, a working day.
    with pytest.raises(ValidationError, match="2025-10-09 届满"):
        clocks.record_recount(db, autumn_2025.id, D(2025, 10, 11), "一", today=TODAY)
    clock = award(db, autumn_2025.id)
    assert (clock.clock_start, clock.award_due, clock.events) == (D(2025, 8, 20), D(2025, 10, 9), ())
    overdue = clocks.due_overview(db, TODAY).overdue
    assert [(r.case_id, r.key, r.due) for r in overdue if r.key == "award_due"] == [
        (autumn_2025.id, "award_due", D(2025, 10, 9))]


def test_a_recount_on_the_moved_forward_last_day_is_in_time(db, autumn_2025):
    # Thu 10-09 is still within the period. Counted afresh from it: 10-10 … 10-31 are 22 days,
    # 11-01 … 11-23 23 more (45): Sun 11-23, so Mon 11-24.
    clock = clocks.record_recount(db, autumn_2025.id, D(2025, 10, 9), "四", note="合并审理反申请", today=TODAY)
    assert (clock.clock_start, clock.award_due) == (D(2025, 10, 9), D(2025, 11, 24))
    assert clock.clock_restart_reason == "（四）被申请人提出反申请并合并审理：合并审理反申请"


def test_a_suspension_ordered_on_the_moved_forward_last_day_counts_like_an_extension_that_day(db, autumn_2025):
    other = make_case(db, D(2025, 8, 18), D(2025, 8, 20))
    # Both on Thu 10-09, the moved-forward last day, are in time.
    # Extension: 60 days from 08-20 are 08-21 … 08-31 (11), September (41), 10-01 … 10-19 (60):
    # Sun 10-19, so Mon 10-20.
    extended = clocks.approve_extension(db, other.id, "仲裁院院长", D(2025, 10, 9), today=TODAY)
    assert extended.award_due == D(2025, 10, 20)
    # Suspension 10-09 … 10-20 (twelve days, both ends not counted): the period ends on the first
    # working day after it, Tue 10-21.
    data = clocks.add_suspension(db, autumn_2025.id, D(2025, 10, 9), D(2025, 10, 20), "appraisal", today=TODAY)
    clock = award(db, autumn_2025.id)
    assert clock.award_due == D(2025, 10, 21)
    item = clock.item("award_due")
    assert "moved_last_day" in item.readings and "顺延后的最后一日" in item.note
    assert clock.suspensions[0].id == data.id
    # One day later both are refused alike.
    late = make_case(db, D(2025, 8, 18), D(2025, 8, 20))
    with pytest.raises(ValidationError, match="2025-10-09 届满；届满后不能再批准延长"):
        clocks.approve_extension(db, late.id, "仲裁院院长", D(2025, 10, 10), today=TODAY)
    with pytest.raises(ValidationError, match="2025-10-09 届满；届满后中止"):
        clocks.add_suspension(db, late.id, D(2025, 10, 10), None, "appraisal", today=TODAY)


# ---------------------------------------------------------------- several respondents (2026 Spring Festival)


@pytest.fixture
def two_respondents(db) -> cases.CaseDetail:
    return make_case(db, D(2026, 2, 3), D(2026, 2, 5), "邵阳甲机械有限公司", "湖南乙劳务派遣有限公司")


def test_each_respondent_has_its_own_defence_period(db, two_respondents):
    first, second = party_id(two_respondents, "邵阳甲机械有限公司"), party_id(two_respondents, "湖南乙劳务派遣有限公司")
    clocks.record_service(db, two_respondents.id, first, "申请书副本", ServiceMethod.DIRECT, D(2026, 2, 6), "王某",
                          today=TODAY)
    clocks.record_service(db, two_respondents.id, second, "应诉通知书", ServiceMethod.POST, D(2026, 2, 26), "",
                          today=TODAY)
    clock = award(db, two_respondents.id, D(2026, 3, 2))
    a, b = clock.items_of("defence_due")
    # 甲 received Fri 02-06: 02-09 (1), 02-10 (2), 02-11 (3), 02-12 (4), 02-13 (5), make-up Sat 02-14 (6),
    # [02-15 … 02-23 off], 02-24 (7), 02-25 (8), 02-26 (9), 02-27 (10): Fri 02-27.
    assert (a.party_name, a.start, a.due, a.state) == ("邵阳甲机械有限公司", D(2026, 2, 6), D(2026, 2, 27), "done")
    assert a.label_zh == "答辩期届满日（邵阳甲机械有限公司）" and "defence_each" in a.readings
    # 乙 received Thu 02-26: 02-27 (1), make-up Sat 02-28 (2), 03-02 (3), 03-03 (4), 03-04 (5), 03-05 (6),
    # 03-06 (7), 03-09 (8), 03-10 (9), 03-11 (10): Wed 03-11 — still running on 03-02.
    assert (b.party_name, b.start, b.due, b.state) == ("湖南乙劳务派遣有限公司", D(2026, 2, 26), D(2026, 3, 11),
                                                       "on_time")
    assert b.note == "湖南乙劳务派遣有限公司于2026-02-26签收"
    week = clocks.due_overview(db, D(2026, 3, 5)).due_this_week
    assert [(r.label_zh, r.due) for r in week if r.key == "defence_due"] == [
        ("答辩期届满日（湖南乙劳务派遣有限公司）", D(2026, 3, 11))]


def test_the_scheduling_check_warns_of_a_hearing_within_a_defence_period(db, two_respondents):
    from tribunal.domain.scheduling import INFO, WARNING, HearingInput
    from tribunal.services import hearings

    first, second = party_id(two_respondents, "邵阳甲机械有限公司"), party_id(two_respondents, "湖南乙劳务派遣有限公司")
    clocks.record_service(db, two_respondents.id, first, "申请书副本", ServiceMethod.DIRECT, D(2026, 2, 6), "王某",
                          today=TODAY)

    def defence(day: dt.date) -> list[tuple[str, str, str]]:
        proposal = HearingInput(two_respondents.id, dt.datetime.combine(day, dt.time(9, 30)),
                                dt.datetime.combine(day, dt.time(11, 0)), None)
        return [(f.rule_key, f.severity, f.message)
                for f in hearings.check_hearing(db, proposal, today=D(2026, 3, 2)) if f.rule_key.startswith("defence.")]

    # Only 甲 has received the application: its period ended Fri 02-27; 乙's has not begun.
    assert defence(D(2026, 3, 10)) == [
        ("defence.not_served", INFO, "尚未登记被申请人湖南乙劳务派遣有限公司收到申请书副本的日期，无法核对其答辩期")]
    clocks.record_service(db, two_respondents.id, second, "应诉通知书", ServiceMethod.POST, D(2026, 2, 26), "",
                          today=TODAY)
    # 乙 received Thu 02-26: its period runs to Wed 03-11 (counted above). A hearing on Tue 03-10, or
    # on 03-11 itself, falls within it: a warning with its basis and what would fix it.
    for day in (D(2026, 3, 10), D(2026, 3, 11)):
        assert defence(day) == [("defence.running", WARNING,
                                 f"开庭日 {day} 在被申请人湖南乙劳务派遣有限公司的答辩期内"
                                 "（2026-02-26 收到申请书副本，答辩期至 2026-03-11）")]
    assert defence(D(2026, 3, 12)) == []


# ---------------------------------------------------------------- an extension approved before a re-count


@pytest.fixture
def autumn_2026(db) -> cases.CaseDetail:
    """Accepted Thu 2026-09-10: the 45th day is Sun 10-25, so the last day is Mon 10-26."""
    return make_case(db, D(2026, 9, 8), D(2026, 9, 10))


def test_a_recount_after_an_extension_asks_whether_the_approval_still_stands(db, autumn_2026):
    clocks.approve_extension(db, autumn_2026.id, "仲裁院院长 王建平", D(2026, 9, 30), today=TODAY)
    with pytest.raises(clocks.ExtensionQuestionError) as asked:
        clocks.record_recount(db, autumn_2026.id, D(2026, 10, 12), "四", today=TODAY)
    assert "2026-09-30经仲裁院院长 王建平批准的延长审理期限是针对原审理期限作出的" in asked.value.message
    assert (asked.value.question.extension_date, asked.value.question.recount_date) == (D(2026, 9, 30),
                                                                                          D(2026, 10, 12))
    assert [e.kind for e in award(db, autumn_2026.id).events] == ["extension"]  # nothing recorded

    # It lapses: 45 days from Mon 10-12 are 10-13 … 10-31 (19) and 11-01 … 11-26 (45): Thu 11-26.
    clock = clocks.record_recount(db, autumn_2026.id, D(2026, 10, 12), "四", extension_stands=False, today=TODAY)
    assert (clock.extended, clock.award_due) == (False, D(2026, 11, 26))
    assert "已失效" in clock.item("award_due").note
    assert [e.kind for e in clock.events] == ["extension", "recount", "extension_review"]
    assert clock.questions == ()


def test_an_extension_that_still_stands_after_a_recount(db, autumn_2026):
    clocks.approve_extension(db, autumn_2026.id, "仲裁院院长", D(2026, 9, 30), today=TODAY)
    clock = clocks.record_recount(db, autumn_2026.id, D(2026, 10, 12), "四", extension_stands=True, today=TODAY)
    # 60 days from 10-12: 10-13 … 10-31 (19), November (49), 12-01 … 12-11 (60): Fri 12-11.
    assert (clock.extended, clock.award_due) == (True, D(2026, 12, 11))
    assert "extension_after_recount" in clock.item("award_due").readings


def test_an_extension_entered_late_before_a_recorded_recount_is_asked_about_too(db, autumn_2026):
    clocks.record_recount(db, autumn_2026.id, D(2026, 10, 12), "三", today=TODAY)
    with pytest.raises(clocks.ExtensionQuestionError, match="自2026-10-12起重新计算后"):
        clocks.approve_extension(db, autumn_2026.id, "仲裁院院长", D(2026, 9, 30), today=TODAY)
    clock = clocks.approve_extension(db, autumn_2026.id, "仲裁院院长", D(2026, 9, 30), extension_stands=False,
                                     today=TODAY)
    assert (clock.extended, clock.award_due) == (False, D(2026, 11, 26))
    # A new approval for the new period may then be given.
    clock = clocks.approve_extension(db, autumn_2026.id, "仲裁院院长", D(2026, 11, 20), today=TODAY)
    assert (clock.extended, clock.award_due) == (True, D(2026, 12, 11))


def test_an_open_question_from_older_data_can_be_answered_later(db, autumn_2026):
    from tribunal.db.models import CaseClockEvent

    # Older data (or an import) with both events and no answer: the clock counts the approval as
    # lapsed and shows the question until it is answered.
    with db.session() as s:
        s.add_all([CaseClockEvent(case_id=autumn_2026.id, kind="extension", event_date=D(2026, 9, 30),
                                  approved_by="仲裁院院长", entered_by="升级前登记（登记人不详）"),
                   CaseClockEvent(case_id=autumn_2026.id, kind="recount", event_date=D(2026, 10, 12), ground="三",
                                  entered_by="升级前登记（登记人不详）")])
    clock = award(db, autumn_2026.id)
    (question,) = clock.questions
    assert (clock.extended, clock.award_due) == (False, D(2026, 11, 26))
    assert "待确认是否仍然有效" in clock.item("award_due").note
    clock = clocks.review_extension(db, autumn_2026.id, question.extension_id, True, today=TODAY)
    assert (clock.extended, clock.award_due, clock.questions) == (True, D(2026, 12, 11), ())
    with pytest.raises(ConflictError, match="没有需要确认的延长批准"):
        clocks.review_extension(db, autumn_2026.id, question.extension_id, False, today=TODAY)


# ---------------------------------------------------------------- every event kept, in date order


def test_recounts_count_in_date_order_whatever_order_they_are_entered_in(db, autumn_2026):
    # The later re-count is entered first, the earlier one afterwards: neither replaces the other.
    clocks.record_recount(db, autumn_2026.id, D(2026, 10, 20), "三", note="增加加班费", today=TODAY)
    clock = clocks.record_recount(db, autumn_2026.id, D(2026, 10, 5), "一", note="追加第三人", today=TODAY)
    # From Tue 10-20: 10-21 … 10-31 (11), November (41), 12-01 … 12-04 (45): Fri 12-04.
    assert (clock.clock_start, clock.award_due) == (D(2026, 10, 20), D(2026, 12, 4))
    assert [(e.date, e.label) for e in clock.events] == [
        (D(2026, 10, 5), "重新计算期限 （一）追加当事人或者第三人：追加第三人"),
        (D(2026, 10, 20), "重新计算期限 （三）申请人增加或者变更仲裁请求：增加加班费")]
    assert all(e.entered_by == "测试书记员" and e.entered_at is not None for e in clock.events)
    assert [e.effect for e in clock.events] == ["审理期限自2026-10-05起重新计算", "审理期限自2026-10-20起重新计算"]


def test_an_entry_that_would_make_a_later_event_unlawful_is_refused_naming_it(db, autumn_2026):
    # Suspended 09-20 … 09-29 (ten days): the period ends Sun 10-25 + 10 = Wed 11-04, so a re-count on
    # Fri 10-30 is in time only because of the suspension.
    suspension = clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    clocks.record_recount(db, autumn_2026.id, D(2026, 10, 30), "三", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        clocks.withdraw_event(db, suspension.id, "登记错误", today=TODAY)
    assert refused.value.message.startswith(
        "不能撤销：这样会使已登记的“2026-10-30 重新计算期限 （三）申请人增加或者变更仲裁请求”（测试书记员于")
    assert "审理期限已于 2026-10-26 届满" in refused.value.message
    # An earlier suspension that overlaps the recorded one makes it unlawful: refused, naming it.
    with pytest.raises(ValidationError, match="会使已登记的“2026-09-20 中止审理开始：案件处理需要等待工伤认定"):
        clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 15), D(2026, 9, 22), "other", today=TODAY)
    assert len(award(db, autumn_2026.id).events) == 3  # start, end, re-count: nothing changed


def test_suspension_days_both_ends_and_the_same_day(db, autumn_2026):
    # 09-20 … 09-29: the first and the last day are both not counted (ten days).
    clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    # Another suspension may not begin on 09-29, the last day of the first one …
    with pytest.raises(ValidationError, match="与已登记的期间（2026-09-20至2026-09-29"):
        clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 29), D(2026, 10, 2), "other", today=TODAY)
    # … but it may begin the day after: 09-30 … 10-02 is three more days. The un-rolled 45th day
    # Sun 10-25 + 13 = Sat 11-07 → Mon 11-09.
    clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 30), D(2026, 10, 2), "other", today=TODAY)
    clock = award(db, autumn_2026.id)
    assert (clock.excluded_days, clock.award_due) == (13, D(2026, 11, 9))
    assert "suspension_bounds" in clock.item("award_due").readings


def test_a_running_suspension_marks_the_case_suspended_until_its_end_is_entered(db, autumn_2026):
    running = clocks.add_suspension(db, autumn_2026.id, D(2026, 10, 14), None, "force_majeure",
                                    approved_by="仲裁委员会主任", today=TODAY)
    assert cases.get_case(db, autumn_2026.id).status == CaseStatus.SUSPENDED
    clocks.end_suspension(db, running.id, D(2026, 10, 20), today=TODAY)
    assert cases.get_case(db, autumn_2026.id).status == CaseStatus.ACCEPTED
    with pytest.raises(ConflictError, match="已于 2026-10-20 结束"):
        clocks.end_suspension(db, running.id, D(2026, 10, 21), today=TODAY)
    clock = award(db, autumn_2026.id)
    # 10-14 … 10-20 (seven days): the un-rolled 45th day Sun 10-25 + 7 = Sun 11-01 → Mon 11-02.
    assert clock.award_due == D(2026, 11, 2)
    assert clock.events[0].label == "中止审理开始：一方当事人因不可抗拒的事由，不能参加仲裁（批准人：仲裁委员会主任）"
    # Withdrawing the end makes the suspension run again (and the case 中止 again).
    end_id = next(e.id for e in clock.events if e.kind == "suspension_end")
    clocks.withdraw_event(db, end_id, "结束日期登记错误", today=TODAY)
    assert cases.get_case(db, autumn_2026.id).status == CaseStatus.SUSPENDED
    clock = award(db, autumn_2026.id, D(2026, 11, 27))
    withdrawn = next(e for e in clock.events if e.id == end_id)
    assert (withdrawn.withdrawn, withdrawn.withdrawn_by, withdrawn.withdrawn_reason) == (
        True, "测试书记员", "结束日期登记错误")
    assert clock.suspended and clock.stopped


def test_withdrawing_a_suspension_takes_its_end_with_it(db, autumn_2026):
    data = clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    clock = clocks.withdraw_event(db, data.id, "重复登记", today=TODAY)
    assert (clock.award_due, clock.excluded_days, clock.suspensions) == (D(2026, 10, 26), 0, ())
    assert [(e.kind, e.withdrawn) for e in clock.events] == [("suspension", True), ("suspension_end", True)]
    actions = [row.action for row in audit.history(db, "case", autumn_2026.id)[:2]]
    assert actions == ["clock.withdraw", "clock.withdraw"]
    with pytest.raises(ConflictError, match="已于"):
        clocks.withdraw_event(db, data.id, "重复登记", today=TODAY)
    with pytest.raises(ValidationError, match="撤销登记的原因"):
        clocks.withdraw_event(db, data.id + 1, " ", today=TODAY)


# ---------------------------------------------------------------- article 46 (七): a choice


def test_item_seven_can_count_afresh_or_leave_days_out(db, autumn_2026):
    other = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    # Counted afresh from Mon 10-12: 10-13 … 11-26 (45): Thu 11-26.
    clock = clocks.record_recount(db, autumn_2026.id, D(2026, 10, 12), "七", note="依某法规另行计算", today=TODAY)
    assert clock.award_due == D(2026, 11, 26) and "art46_7" in clock.item("award_due").readings
    # Or left out 10-12 … 10-16 (five days): the un-rolled 45th day Sun 10-25 + 5 = Fri 10-30; not a
    # suspension of the hearing.
    clocks.add_suspension(db, other.id, D(2026, 10, 12), D(2026, 10, 16), "law_other：依某法规不计入", today=TODAY)
    clock = award(db, other.id)
    assert (clock.award_due, clock.excluded_days) == (D(2026, 10, 30), 5)
    assert clock.events[0].basis == "《劳动人事争议仲裁办案规则》第四十六条第（七）项"
    assert "art46_7" in clock.item("award_due").readings
    assert cases.get_case(db, other.id).status == CaseStatus.ACCEPTED


# ---------------------------------------------------------------- public notice


def test_public_notice_period_is_the_rule_and_the_publication_day_is_not_counted(db, autumn_2026):
    resp = party_id(autumn_2026, "邵阳宝庆精密机械有限公司")
    # Published Mon 09-14: 09-15 is day 1 … 09-30 day 16, 10-01 … 10-14 days 17–30: Wed 10-14, a
    # working day, is the day service counts as done. 09-15 … 10-14 (30 days) are not counted:
    # 10-26's un-rolled day Sun 10-25 + 30 = Tue 11-24.
    period = clocks.public_notice_period(db, D(2026, 9, 14))
    assert (period.last_counted, period.served, period.days) == (D(2026, 10, 14), D(2026, 10, 14), 30)
    assert period.explanation == ("发出公告之日（2026-09-14）不计入，自次日起算第30日为视为送达之日：2026-10-14；"
                                  "2026-09-15至2026-10-14不计入审理期限。")
    clock = clocks.record_public_notice(db, autumn_2026.id, resp, D(2026, 9, 14), today=TODAY)
    assert (clock.award_due, clock.excluded_days) == (D(2026, 11, 24), 30)
    assert "public_notice_count" in clock.item("award_due").readings
    (event,) = clock.events
    assert event.label == "公告送达邵阳宝庆精密机械有限公司（仲裁申请书副本、应诉通知书），公告期30日"
    assert event.effect == "公告期间2026-09-15至2026-10-14不计入审理期限，2026-10-14视为送达"
    # The defence period runs from 10-14: 10-15, 10-16, 10-19, 10-20, 10-21, 10-22, 10-23, 10-26,
    # 10-27, 10-28 (10): Wed 10-28.
    defence = award(db, autumn_2026.id, D(2026, 10, 20)).item("defence_due")
    assert (defence.start, defence.due, defence.state) == (D(2026, 10, 14), D(2026, 10, 28), "on_time")
    assert defence.note == "被申请人于2026-10-14视为送达（公告送达）"
    # The duty to serve the application copy (by 09-17) was met when the notice was published.
    assert clock.item("serve_application_by").state == "done"
    # The case is not suspended by a public notice.
    assert cases.get_case(db, autumn_2026.id).status == CaseStatus.ACCEPTED


def test_a_notice_period_ending_on_a_holiday_rolls_forward(db):
    case = make_case(db, D(2026, 8, 28), D(2026, 8, 31))
    resp = party_id(case, "邵阳宝庆精密机械有限公司")
    # Published Tue 09-01: the 30th day is Thu 10-01, National Day (10-01 … 10-07 off), so service
    # counts as done on Thu 10-08; 09-02 … 10-08 (37 days) are not counted.
    period = clocks.public_notice_period(db, D(2026, 9, 1))
    assert (period.last_counted, period.served) == (D(2026, 10, 1), D(2026, 10, 8))
    assert "第30日2026-10-01是休息日，顺延至其后第一个工作日" in period.explanation
    clock = clocks.record_public_notice(db, case.id, resp, D(2026, 9, 1), today=TODAY)
    # Accepted Mon 08-31: 45 days are 09-01 … 10-15 (Thu 10-15); + 37 = Sat 11-21 → Mon 11-23.
    assert (clock.excluded_days, clock.award_due) == (37, D(2026, 11, 23))


def test_sixty_days_for_a_party_without_a_domicile_in_china_is_a_reading(db):
    case = make_case(db, D(2026, 7, 31), D(2026, 8, 3))
    resp = party_id(case, "邵阳宝庆精密机械有限公司")
    # Published Tue 08-04: 08-05 … 08-31 are 27 days, September 30 (57), 10-01 … 10-03 (60): Sat 10-03 in
    # the National Day holiday → Thu 10-08.
    period = clocks.public_notice_period(db, D(2026, 8, 4), abroad=True)
    assert (period.days, period.last_counted, period.served) == (60, D(2026, 10, 3), D(2026, 10, 8))
    assert "第二百八十三条" in period.basis and "类推" in period.reading
    clock = clocks.record_public_notice(db, case.id, resp, D(2026, 8, 4), abroad=True, today=TODAY)
    item = clock.item("award_due")
    assert {"public_notice_count", "public_notice_abroad"} <= set(item.readings)
    # Accepted Mon 08-03: the 45th day is Thu 09-17; + 65 (08-05 … 10-08) = Sat 11-21 → Mon 11-23.
    assert (clock.excluded_days, clock.award_due) == (65, D(2026, 11, 23))


def test_public_notice_refusals(db, autumn_2026):
    resp = party_id(autumn_2026, "邵阳宝庆精密机械有限公司")
    # A period typed by hand (a 90-day interval) is not a public notice any more.
    with pytest.raises(ValidationError, match="公告送达请登记为“公告送达”"):
        clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 14), D(2026, 12, 12), "公告送达期间", today=TODAY)
    # Published on the last day Mon 10-26: the notice period would begin after the period ran out.
    with pytest.raises(ValidationError, match="公告期间自发出公告的次日起算，已在期限届满之后"):
        clocks.record_public_notice(db, autumn_2026.id, resp, D(2026, 10, 26), today=TODAY)
    clocks.record_public_notice(db, autumn_2026.id, resp, D(2026, 9, 14), today=TODAY)
    with pytest.raises(ValidationError, match="尚未届满，不能重复公告"):
        clocks.record_public_notice(db, autumn_2026.id, resp, D(2026, 9, 20), today=TODAY)
    stranger = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    with pytest.raises(ValidationError, match="不属于本案"):
        clocks.record_public_notice(db, autumn_2026.id, stranger.parties[1].id, D(2026, 9, 20), today=TODAY)


# ---------------------------------------------------------------- acceptance date and the history


def test_changing_the_acceptance_date_may_not_make_an_event_unlawful(db, autumn_2026):
    clocks.add_suspension(db, autumn_2026.id, D(2026, 9, 20), D(2026, 9, 29), "appraisal", today=TODAY)
    data = cases.get_case(db, autumn_2026.id).to_input()
    from dataclasses import replace

    with pytest.raises(ValidationError, match="不能修改收件或受理日期：这样会使已登记的“2026-09-20 中止审理开始"):
        cases.update_case(db, autumn_2026.id, replace(data, accepted_date=D(2026, 9, 21)), today=TODAY)
    updated = cases.update_case(db, autumn_2026.id, replace(data, accepted_date=D(2026, 9, 11)), today=TODAY)
    assert updated.accepted_date == D(2026, 9, 11)


# ---------------------------------------------------------------- the same history in any entry order


#: A lawful history on a case received Mon 2026-04-27 and accepted Fri 05-08, with its clock counted
#: by hand. Each entry is (service, arguments); an entry refused because an earlier-dated event is
#: not entered yet is simply entered again later, as a clerk catching up on a backlog would.
HISTORY = (
    ("recount", (D(2026, 4, 30), "二")),             # corrected materials received Thu 04-30
    ("suspend", (D(2026, 5, 20), D(2026, 5, 29))),   # ten days, before the re-count below
    ("recount", (D(2026, 6, 10), "三")),             # claims changed: counted afresh from Wed 06-10
    ("extend", (D(2026, 7, 15),)),                   # approved for the new period
    ("notice", (D(2026, 7, 20),)),                   # public notice on the respondent, Mon 07-20
)


def enter(db, case: cases.CaseDetail, entry: tuple[str, tuple[object, ...]]) -> None:
    what, args = entry
    if what == "recount":
        clocks.record_recount(db, case.id, *args, today=TODAY)
    elif what == "suspend":
        clocks.add_suspension(db, case.id, args[0], args[1], "appraisal", today=TODAY)
    elif what == "extend":
        clocks.approve_extension(db, case.id, "仲裁院院长", *args, today=TODAY)
    else:
        clocks.record_public_notice(db, case.id, party_id(case, "邵阳宝庆精密机械有限公司"), *args, today=TODAY)


def enter_all(db, case: cases.CaseDetail, order: list[int]) -> int:
    """Enter the history in ``order``, retrying refused entries after the others; the rounds needed."""
    waiting, rounds = list(order), 0
    while waiting:
        rounds += 1
        assert rounds <= len(HISTORY), f"entries never accepted: {waiting}"
        left = []
        for k in waiting:
            try:
                enter(db, case, HISTORY[k])
            except ValidationError:
                left.append(k)
        waiting = left
    return rounds


def expected_clock(clock: clocks.CaseClock) -> None:
    # Acceptance: corrected materials Thu 04-30 → 05-01 … 05-05 off, 05-06 (1), 05-07 (2), 05-08 (3),
    # make-up Sat 05-09 (4), 05-11 (5): due Mon 05-11, accepted on 05-08.
    accept = clock.item("accept_by")
    assert (accept.due, accept.state) == (D(2026, 5, 11), "done")
    # Award: counted afresh from Wed 06-10 (the suspension before it no longer counts); the notice
    # 07-21 … 08-19 (published Mon 07-20; 30th day Wed 08-19, a working day) is left out: 30 days.
    # With the extension: 06-11 … 06-30 (20), July (51), August (82), 09-01 … 09-08 (90): Tue 09-08.
    # Without it: 06-10 + 75 = 06-11 … 06-30 (20), July (51), 08-01 … 08-24 (75): Mon 08-24.
    assert (clock.clock_start, clock.extended, clock.excluded_days) == (D(2026, 6, 10), True, 30)
    assert (clock.award_due, clock.award_due_45, clock.award_due_60) == (D(2026, 9, 8), D(2026, 8, 24),
                                                                         D(2026, 9, 8))
    # Defence from 08-19: 08-20, 08-21, 08-24, 08-25, 08-26, 08-27, 08-28, 08-31, 09-01, 09-02: Wed 09-02.
    assert clock.item("defence_due").due == D(2026, 9, 2)
    assert [e.kind for e in clock.events] == ["recount", "suspension", "suspension_end", "recount", "extension",
                                             "public_notice"]
    assert all(e.lawful for e in clock.events) and clock.questions == ()


def test_the_history_in_date_order(db):
    case = make_case(db, D(2026, 4, 27), D(2026, 5, 8))
    assert enter_all(db, case, list(range(len(HISTORY)))) == 1
    expected_clock(award(db, case.id))


def test_the_history_entered_backwards_needs_retries_but_gives_the_same_clock(db):
    case = make_case(db, D(2026, 4, 27), D(2026, 5, 8))
    # Entered latest first: the notice (07-20) and the extension (07-15) are refused until the
    # re-count of 06-10 is in (without it the period ends 06-22 + 10 suspended days = 07-02).
    assert enter_all(db, case, list(reversed(range(len(HISTORY))))) == 2
    expected_clock(award(db, case.id))


@pytest.fixture(scope="module")
def seeded_template(template_db, tmp_path_factory) -> Path:
    """The empty template with its legal calendar seeded once, for the many databases below."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    shutil.copyfile(template_db, path)
    handle = open_database(str(path), actor="测试")
    legal_calendar.calendar(handle)
    handle.dispose()
    return path


def _any_order(seeded_template: Path, tmp_path_factory, order: list[int]) -> None:
    path = tmp_path_factory.mktemp("order") / "t.sqlite3"
    shutil.copyfile(seeded_template, path)
    handle = open_database(str(path), actor="测试书记员")
    try:
        case = make_case(handle, D(2026, 4, 27), D(2026, 5, 8))
        enter_all(handle, case, order)
        expected_clock(award(handle, case.id))
    finally:
        handle.dispose()


@settings(deadline=None, max_examples=10)
@given(order=st.permutations(list(range(len(HISTORY)))))
def test_any_entry_order_of_the_same_history_gives_the_same_clock(seeded_template, tmp_path_factory, order):
    _any_order(seeded_template, tmp_path_factory, list(order))


@pytest.mark.slow
@pytest.mark.parametrize("order", list(itertools.permutations(range(len(HISTORY)))))
def test_every_entry_order_of_the_same_history_gives_the_same_clock(seeded_template, tmp_path_factory, order):
    _any_order(seeded_template, tmp_path_factory, list(order))


# ---------------------------------------------------------------- two clerks at once; PostgreSQL


def _race(db) -> list[str]:
    """Two clerks record overlapping suspensions of one case at the same moment."""
    import threading

    case = make_case(db, D(2026, 9, 8), D(2026, 9, 10))
    start = threading.Barrier(2)
    outcome: list[str] = []

    def clerk(first: dt.date, last: dt.date) -> None:
        start.wait()
        try:
            clocks.add_suspension(db, case.id, first, last, "appraisal", today=TODAY)
            outcome.append("recorded")
        except ValidationError as exc:
            outcome.append(exc.message)

    threads = [threading.Thread(target=clerk, args=span) for span in (
        (D(2026, 9, 20), D(2026, 9, 29)), (D(2026, 9, 25), D(2026, 10, 2)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Whoever came second was judged against the first one's entry: exactly one is recorded.
    assert sorted(o == "recorded" for o in outcome) == [False, True]
    assert len(award(db, case.id).suspensions) == 1
    return outcome


def test_two_clerks_at_once_cannot_both_record_overlapping_suspensions(db):
    refused = next(o for o in _race(db) if o != "recorded")
    assert "重叠" in refused or "不再合法" in refused


@pytest.mark.postgres
def test_the_clock_history_on_postgresql(pg_url, tmp_path):
    from sqlalchemy import create_engine, text

    from tests.conftest import set_up_test_server
    from tribunal.services.app import upgrade_database

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url, dump_folder=tmp_path)  # a server's schema is made by `tribunal db upgrade`
    set_up_test_server(pg_url)  # a new server database holds no commission yet
    db = open_database(pg_url, actor="测试书记员")
    try:
        case = make_case(db, D(2026, 4, 27), D(2026, 5, 8))
        assert enter_all(db, case, list(reversed(range(len(HISTORY))))) == 2
        expected_clock(award(db, case.id))
        _race(db)
    finally:
        db.dispose()

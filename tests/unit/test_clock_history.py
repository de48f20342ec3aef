"""The clock history as pure functions: the last day with intervals left out, the replay in date order.

Dates were counted by hand on the State Council's 2025 and 2026 schedules (2025: 国庆+中秋
10-01 … 10-08 off, make-up Sun 09-28 and Sat 10-11; 2026: 春节 02-15 … 02-23 off, make-up Sat
02-14 and 02-28; 国庆 10-01 … 10-07 off, make-up Sun 09-20 and Sat 10-10); each count is in the
comment beside it.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribunal.domain import clock_history as ch
from tribunal.domain.clock_history import ClockEvent, award_end, replay
from tribunal.domain.legal_calendar import DayRule, LegalCalendar, UnknownYearError
from tribunal.domain.periods import PeriodCalculator, PeriodRule, shipped_rules

D = dt.date


@pytest.fixture(scope="module")
def cal() -> LegalCalendar:
    return LegalCalendar.from_chinese_calendar()


RULES = shipped_rules()
#: For the properties: events run into 2027, a year added here with only its New Year's Day.
PROPERTY_CAL = LegalCalendar.from_chinese_calendar().with_year(2027, [DayRule(D(2027, 1, 1), "holiday", "元旦")])


ACCEPTED, RECEIVED = D(2026, 9, 10), D(2026, 9, 8)


def run(events: list[ClockEvent], cal: LegalCalendar, accepted: dt.date | None = ACCEPTED,
        received: dt.date = RECEIVED, strict: bool = False) -> ch.History:
    return replay(events, received=received, accepted=accepted, calendar=cal, rules=RULES, strict=strict)


def susp(eid: int, first: dt.date, ground: str = "appraisal") -> ClockEvent:
    return ClockEvent(eid, ch.SUSPENSION, first, ground)


def end(eid: int, last: dt.date, of: int) -> ClockEvent:
    return ClockEvent(eid, ch.SUSPENSION_END, last, ref=of)


# ---------------------------------------------------------------- the last day


def test_without_intervals_the_end_is_the_calculators(cal: LegalCalendar) -> None:
    calc = PeriodCalculator(cal, RULES)
    for start in (D(2026, 9, 10), D(2025, 8, 20), D(2026, 2, 5)):
        for extended in (False, True):
            e = award_end(cal, RULES, start, [], extended=extended, up_to=D(2026, 11, 27))
            assert e.due == calc.award_due(start, extended).date
            assert e.target == calc.award_target(start, extended).date
            assert e.excluded == 0 and not e.moved_past_stop


def test_an_interval_that_begins_on_the_moved_forward_days_moves_the_end_past_it(cal: LegalCalendar) -> None:
    # Accepted 2025-08-20: the 45th day is Sat 10-04 (holiday), moved to Thu 10-09.
    start = D(2025, 8, 20)
    plain = award_end(cal, RULES, start, [], extended=False, up_to=D(2025, 12, 31))
    assert (plain.unrolled, plain.due) == (D(2025, 10, 4), D(2025, 10, 9))
    # Suspended from that Thu 10-09 to Mon 10-20: the first working day after it is Tue 10-21.
    moved = award_end(cal, RULES, start, [(D(2025, 10, 9), D(2025, 10, 20))], extended=False, up_to=D(2025, 12, 31))
    assert (moved.unrolled, moved.due, moved.target, moved.excluded, moved.moved_past_stop) == (
        D(2025, 10, 4), D(2025, 10, 21), D(2025, 10, 21), 12, True)
    # Suspended from Sun 10-05, a holiday among the moved-forward days, to Thu 10-09: the first working
    # day after it that is not suspended is Fri 10-10.
    early = award_end(cal, RULES, start, [(D(2025, 10, 5), D(2025, 10, 9))], extended=False, up_to=D(2025, 12, 31))
    assert early.due == D(2025, 10, 10)
    # One that begins after the moved-forward last day changes nothing.
    late = award_end(cal, RULES, start, [(D(2025, 10, 10), D(2025, 10, 20))], extended=False, up_to=D(2025, 12, 31))
    assert (late.due, late.excluded) == (D(2025, 10, 9), 0)


def test_a_running_interval_counts_up_to_the_day_asked(cal: LegalCalendar) -> None:
    # Accepted 2026-09-10 (45th day Sun 10-25); suspended since 10-20 and still running on 10-27:
    # 10-20 … 10-27 is eight days, 10-25 + 8 = Mon 11-02.
    e = award_end(cal, RULES, D(2026, 9, 10), [(D(2026, 10, 20), None)], extended=False, up_to=D(2026, 10, 27))
    assert (e.excluded, e.due) == (8, D(2026, 11, 2))


def test_the_unrolled_end_needs_no_calendar(cal: LegalCalendar) -> None:
    # Accepted 2026-11-20: the 45th day is 2027-01-04, a year the calendar does not know.
    assert ch.unrolled_end(RULES, D(2026, 11, 20), [], extended=False, up_to=D(2026, 11, 27)) == D(2027, 1, 4)
    with pytest.raises(UnknownYearError):
        award_end(cal, RULES, D(2026, 11, 20), [], extended=False, up_to=D(2026, 11, 27))


def test_a_working_day_award_period_is_counted_as_the_calculator_does(cal: LegalCalendar) -> None:
    working = dict(RULES)
    working["award"] = PeriodRule("award", "审理期限", 30, "working", "测试")
    e = award_end(cal, working, D(2026, 9, 10), [], extended=False, up_to=D(2026, 11, 27))
    assert e.due == PeriodCalculator(cal, working).award_due(D(2026, 9, 10)).date
    assert ch.unrolled_end(working, D(2026, 9, 10), [], extended=False, up_to=D(2026, 11, 27)) is None


# ---------------------------------------------------------------- judging each event by its date


def test_a_late_recount_is_unlawful_and_has_no_effect(cal: LegalCalendar) -> None:
    # Accepted Thu 2026-09-10: last day Mon 10-26 (the 45th day Sun 10-25 moved).
    h = run([ClockEvent(1, ch.RECOUNT, D(2026, 10, 27), "三")], cal)
    assert not h.judgements[1].lawful
    assert h.judgements[1].reason.startswith("审理期限已于 2026-10-26 届满；届满后登记的重新计算不能使已届满的期限恢复")
    assert h.start == D(2026, 9, 10) and h.start_event is None
    on_time = run([ClockEvent(1, ch.RECOUNT, D(2026, 10, 26), "三")], cal)
    assert on_time.judgements[1].lawful and on_time.start == D(2026, 10, 26)


def test_events_before_acceptance_or_on_a_case_not_accepted(cal: LegalCalendar) -> None:
    h = run([susp(1, D(2026, 9, 9)), ClockEvent(2, ch.EXTENSION, D(2026, 9, 9), approved_by="甲")], cal)
    assert h.judgements[1].reason == "开始日期不能早于受理日期 2026-09-10（审理期限尚未开始）"
    assert h.judgements[2].reason == "批准日期不能早于受理日期 2026-09-10（审理期限尚未开始）"
    pending = run([ClockEvent(1, ch.RECOUNT, D(2026, 9, 9), "三"), ClockEvent(2, ch.RECOUNT, D(2026, 9, 9), "二")],
                  cal, accepted=None)
    assert pending.judgements[1].reason == "案件尚未受理，审理期限还没有开始计算"
    assert pending.judgements[2].lawful and pending.accept_from == D(2026, 9, 9)
    early = run([ClockEvent(1, ch.RECOUNT, D(2026, 9, 7), "二")], cal, accepted=None)
    assert early.judgements[1].reason == "收到补正材料的日期不能早于收件日期 2026-09-08"
    after = run([ClockEvent(1, ch.RECOUNT, D(2026, 9, 11), "二")], cal)
    assert after.judgements[1].reason == "案件已于 2026-09-10 受理，补正材料不再影响受理期限"


def test_the_same_day_order(cal: LegalCalendar) -> None:
    # An interval that ends on 09-29 is still running that day: another beginning then overlaps it,
    # whatever the ids say; one beginning the next day does not.
    h = run([susp(5, D(2026, 9, 20)), end(6, D(2026, 9, 29), 5), susp(1, D(2026, 9, 29), "other")], cal)
    assert h.judgements[1].reason.startswith("与已登记的期间（2026-09-20至2026-09-29")
    h = run([susp(5, D(2026, 9, 20)), end(6, D(2026, 9, 29), 5), susp(1, D(2026, 9, 30), "other")], cal)
    assert all(j.lawful for j in h.judgements.values())
    # A re-count and an extension on the same day: the extension is for the new clock (no question).
    h = run([ClockEvent(9, ch.EXTENSION, D(2026, 10, 12), approved_by="甲"),
             ClockEvent(1, ch.RECOUNT, D(2026, 10, 12), "三")], cal)
    assert h.order == (1, 9) and h.extension is not None and h.questions == ()


def test_an_extension_before_a_recount_lapses_until_the_clerk_says_it_stands(cal: LegalCalendar) -> None:
    ext = ClockEvent(1, ch.EXTENSION, D(2026, 9, 30), approved_by="甲")
    recount = ClockEvent(2, ch.RECOUNT, D(2026, 10, 12), "四")
    h = run([ext, recount], cal)
    assert h.extension is None and [q.extension.id for q in h.questions] == [1]
    assert h.lapses == (ch.Lapse(ext, recount, None),)
    kept = run([ext, recount, ClockEvent(3, ch.EXTENSION_REVIEW, D(2026, 10, 12), ch.KEPT, ref=1)], cal)
    assert kept.extension == ext and kept.questions == () and kept.lapses == (ch.Lapse(ext, recount, True),)
    lapsed = run([ext, recount, ClockEvent(3, ch.EXTENSION_REVIEW, D(2026, 10, 12), ch.LAPSED, ref=1)], cal)
    assert lapsed.extension is None and lapsed.questions == ()
    stray = run([ext, ClockEvent(3, ch.EXTENSION_REVIEW, D(2026, 10, 1), ch.KEPT, ref=1)], cal)
    assert stray.judgements[3].reason == "当日没有使该延长批准失效的重新计算，无需确认"
    # A new approval for the new clock answers the question.
    renewed = run([ext, recount, ClockEvent(4, ch.EXTENSION, D(2026, 11, 2), approved_by="乙")], cal)
    assert renewed.extension is not None and renewed.extension.id == 4 and renewed.questions == ()


def test_a_second_extension_while_one_is_in_force_is_unlawful(cal: LegalCalendar) -> None:
    h = run([ClockEvent(1, ch.EXTENSION, D(2026, 9, 30), approved_by="甲"),
             ClockEvent(2, ch.EXTENSION, D(2026, 10, 5), approved_by="乙")], cal)
    assert h.judgements[2].reason == "已于 2026-09-30 经甲批准延长，不能重复延长"


def test_an_end_before_its_start_or_twice(cal: LegalCalendar) -> None:
    h = run([susp(1, D(2026, 9, 20)), end(2, D(2026, 9, 19), 1)], cal)
    assert h.judgements[2].reason == "结束日期（2026-09-19）不能早于开始日期（2026-09-20）"
    h = run([susp(1, D(2026, 9, 20)), end(2, D(2026, 9, 22), 1), end(3, D(2026, 9, 25), 1)], cal)
    assert h.judgements[3].reason == "该期间已于 2026-09-22 结束"


def test_public_notices_may_overlap_a_suspension_and_each_other(cal: LegalCalendar) -> None:
    first = ClockEvent(1, ch.PUBLIC_NOTICE, D(2026, 9, 14), "public_notice", party_id=7, days=30, end=D(2026, 10, 14))
    second = ClockEvent(2, ch.PUBLIC_NOTICE, D(2026, 9, 21), "public_notice", party_id=8, days=30, end=D(2026, 10, 21))
    h = run([first, second, susp(3, D(2026, 9, 16))], cal)
    assert all(j.lawful for j in h.judgements.values())
    again = ClockEvent(4, ch.PUBLIC_NOTICE, D(2026, 9, 20), "public_notice", party_id=7, days=30, end=D(2026, 10, 20))
    h = run([first, again], cal)
    assert "尚未届满，不能重复公告" in h.judgements[4].reason


def test_a_judgement_in_an_unloaded_year_is_given_the_benefit_of_the_doubt_or_raised(cal: LegalCalendar) -> None:
    # Accepted 2026-11-20: the 45th day 2027-01-04 cannot be rolled without 2027's holidays. A
    # re-count on 2027-01-05 cannot be judged: shown, or refused at entry (strict).
    late = [ClockEvent(1, ch.RECOUNT, D(2027, 1, 5), "三")]
    h = run(late, cal, accepted=D(2026, 11, 20), received=D(2026, 11, 19))
    assert h.judgements[1].lawful and h.unknown_years == {2027}
    with pytest.raises(UnknownYearError):
        run(late, cal, accepted=D(2026, 11, 20), received=D(2026, 11, 19), strict=True)
    # Before the un-rolled day no calendar is needed at all.
    early = run([ClockEvent(1, ch.RECOUNT, D(2027, 1, 4), "三")], cal, accepted=D(2026, 11, 20),
                received=D(2026, 11, 19), strict=True)
    assert early.judgements[1].lawful and early.unknown_years == frozenset()


def test_labels_and_bases(cal: LegalCalendar) -> None:
    assert ch.event_label(ClockEvent(1, ch.RECOUNT, D(2026, 1, 1), "三", "加班费")) == (
        "重新计算期限 （三）申请人增加或者变更仲裁请求：加班费")
    assert ch.event_label(ClockEvent(1, ch.RECOUNT, D(2026, 1, 1), "")) == "重新计算期限（旧记录）"
    assert ch.event_label(susp(1, D(2026, 1, 1), ch.LAW_OTHER)).startswith("不计入审理期限开始：")
    assert ch.event_basis(susp(1, D(2026, 1, 1), ch.LAW_OTHER)) == "《劳动人事争议仲裁办案规则》第四十六条第（七）项"
    assert "第二百八十三条" in ch.event_basis(ClockEvent(1, ch.PUBLIC_NOTICE, D(2026, 1, 1), "public_notice_abroad"))


# ---------------------------------------------------------------- properties


@st.composite
def histories(draw: st.DrawFn) -> list[ClockEvent]:
    """Events on a case accepted 2026-09-10, each on its own day (no same-day ties)."""
    days = draw(st.lists(st.integers(0, 80), min_size=1, max_size=8, unique=True))
    events: list[ClockEvent] = []
    for n, offset in enumerate(sorted(days)):
        day = D(2026, 9, 10) + dt.timedelta(days=offset)
        kind = draw(st.sampled_from(["recount", "extension", "suspension", "notice"]))
        if kind == "recount":
            events.append(ClockEvent(n + 1, ch.RECOUNT, day, draw(st.sampled_from("一三四五七"))))
        elif kind == "extension":
            events.append(ClockEvent(n + 1, ch.EXTENSION, day, approved_by="甲"))
        elif kind == "notice":
            events.append(ClockEvent(n + 1, ch.PUBLIC_NOTICE, day, "public_notice", party_id=n,
                                     days=30, end=day + dt.timedelta(days=30)))
        else:
            events.append(ClockEvent(n + 1, ch.SUSPENSION, day, "appraisal"))
            length = draw(st.integers(0, 20))
            if draw(st.booleans()):
                # Ends are numbered after every start, so they never share a start's day.
                events.append(ClockEvent(100 + n, ch.SUSPENSION_END, day + dt.timedelta(days=length), ref=n + 1))
    return events


def _state(h: ch.History, number: dict[int, int] | None = None) -> tuple[object, ...]:
    """The clock a history leaves, with event ids mapped back through ``number``."""
    number = number or {}
    back = {new: old for old, new in number.items()}

    def ident(eid: int | None) -> int | None:
        return back.get(eid, eid) if eid is not None else None

    return (h.start, ident(h.start_event.id) if h.start_event else None,
            ident(h.extension.id) if h.extension else None,
            tuple(sorted((iv.first, iv.last or dt.date.max, ident(iv.event_id) or 0) for iv in h.intervals)),
            tuple(sorted((ident(q.extension.id), ident(q.recount.id)) for q in h.questions)),
            tuple(sorted((ident(eid), j.lawful, j.reason) for eid, j in h.judgements.items())))


@settings(max_examples=150, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_the_entry_order_does_not_change_the_clock(events: list[ClockEvent], rnd: random.Random) -> None:
    """Entered in any order (ids are the entry order), the same events give the same clock."""
    cal = PROPERTY_CAL
    ids = [e.id for e in events]
    shuffled = ids[:]
    rnd.shuffle(shuffled)
    number = dict(zip(ids, shuffled, strict=True))
    renumbered = [ClockEvent(number[e.id], e.kind, e.date, e.ground, e.detail,
                             number.get(e.ref, e.ref) if e.ref is not None else None, e.party_id, e.party_name,
                             e.document, e.approved_by, e.days, e.end) for e in events]
    rnd.shuffle(renumbered)
    assert _state(run(renumbered, cal), number) == _state(run(events, cal))


@settings(max_examples=150, deadline=None)
@given(histories())
def test_an_unlawful_event_has_no_effect(events: list[ClockEvent]) -> None:
    """Leaving out the events judged unlawful leaves the same clock: they revive nothing."""
    cal = PROPERTY_CAL
    full = run(events, cal)
    unlawful = set(full.unlawful())
    lawful_only = run([e for e in events if e.id not in unlawful], cal)
    assert _state(lawful_only)[:4] == _state(full)[:4]


@settings(max_examples=100, deadline=None)
@given(histories())
def test_no_event_dated_after_the_last_day_is_lawful(events: list[ClockEvent]) -> None:
    """Each lawful start, extension or interval is dated on or before the last day as it stood."""
    cal = PROPERTY_CAL
    full = run(events, cal)
    for e in events:
        if e.kind == ch.SUSPENSION_END or not full.judgements[e.id].lawful:
            continue
        before = run([x for x in events if x.date < e.date and full.judgements[x.id].lawful], cal)
        assert before.start is not None
        extended = before.extension is not None and e.kind != ch.EXTENSION
        due = award_end(cal, RULES, before.start, before.spans(), extended=extended, up_to=e.date).due
        first = e.date + dt.timedelta(days=1) if e.kind == ch.PUBLIC_NOTICE else e.date
        assert first <= due

"""The scheduling rules as pure functions of plain facts (no database): input, bookings, verdict."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tribunal.domain.enums import CaseStatus, PanelRole, StaffRole
from tribunal.domain.legal_calendar import LegalCalendar
from tribunal.domain.periods import PeriodCalculator, award_unrolled, shipped_rules
from tribunal.domain.scheduling import (
    HARD,
    INFO,
    WARNING,
    Booking,
    CaseFacts,
    Facts,
    Finding,
    HearingConflict,
    HearingInput,
    Person,
    RoomFacts,
    evaluate,
    input_problems,
    verdict,
)

WED = dt.date(2026, 12, 9)
ARBITRATOR, CLERK = 1, 2


def at(day: dt.date, hm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hm))


@pytest.fixture(scope="module")
def calendar() -> LegalCalendar:
    return LegalCalendar.from_chinese_calendar()


@pytest.fixture
def facts(calendar: LegalCalendar) -> Facts:
    """A lawful proposal for Wednesday 09:00–11:00 in the commission's own room, nothing booked."""
    return Facts(
        starts_at=at(WED, "09:00"), ends_at=at(WED, "11:00"), public=True,
        panel=((ARBITRATOR, PanelRole.SOLE),), clerk_id=CLERK, host_enterprise_id=None,
        case=CaseFacts(7, "邵劳人仲案字〔2026〕第7号", CaseStatus.ACCEPTED, dt.date(2026, 11, 3), False,
                       frozenset({(ARBITRATOR, PanelRole.SOLE)})),
        room_id=5, room=RoomFacts(5, "第一仲裁庭", 40, True, "commission", "本院第一仲裁庭", None),
        staff={ARBITRATOR: Person(ARBITRATOR, "李建国", StaffRole.ARBITRATOR, True),
               CLERK: Person(CLERK, "赵静", StaffRole.CLERK, True)},
        parties=(), guests=(), bookings=(), travel_minutes=30, calendar=calendar,
        periods=PeriodCalculator(calendar), today=dt.date(2026, 11, 27),
    )


def booking(start: dt.datetime, end: dt.datetime, *, room_id: int | None = 5) -> Booking:
    return Booking(99, "邵劳人仲案字〔2026〕第3号", start, end, room_id, "commission", "本院第一仲裁庭",
                   frozenset({ARBITRATOR}), None)


def test_a_clean_proposal_finds_nothing(facts: Facts) -> None:
    assert evaluate(facts) == []


def test_a_booking_from_the_evening_before_that_runs_past_midnight_still_clashes(facts: Facts) -> None:
    overnight = replace(facts, bookings=(booking(at(WED - dt.timedelta(days=1), "19:00"), at(WED, "09:30")),))
    assert {f.rule_key for f in evaluate(overnight) if f.severity == HARD} == {
        "staff.double_booked", "room.double_booked"}
    ended = replace(overnight, starts_at=at(WED, "09:30"))
    assert evaluate(ended) == []


@pytest.mark.parametrize(("start", "end", "problems"), [
    ("07:00", "21:00", set()),
    ("06:59", "09:00", {"starts_at"}),
    ("21:00", "21:30", {"starts_at", "ends_at"}),
    ("20:00", "21:01", {"ends_at"}),
    ("10:00", "10:00", {"ends_at"}),
])
def test_input_window_of_one_day(start: str, end: str, problems: set[str]) -> None:
    data = HearingInput(case_id=1, starts_at=at(WED, start), ends_at=at(WED, end), room_id=1)
    assert set(input_problems(data)) == problems


def test_a_hearing_may_not_run_past_midnight() -> None:
    data = HearingInput(case_id=1, starts_at=at(WED, "20:00"), ends_at=at(WED + dt.timedelta(days=1), "01:00"),
                        room_id=1)
    assert input_problems(data) == {"ends_at": "开庭应在同一天内开始和结束"}


def test_a_closed_hearing_needs_a_lawful_reason() -> None:
    data = HearingInput(case_id=1, starts_at=at(WED, "09:00"), ends_at=at(WED, "10:00"), room_id=1, public=False)
    assert "closed_reason" in input_problems(data)
    assert input_problems(replace(data, closed_reason="privacy")) == {}
    assert "第二十六条" in input_problems(replace(data, closed_reason="领导要求"))["closed_reason"]


def test_verdict_blocks_hard_findings_and_warnings_without_a_reason() -> None:
    hard = Finding("x.hard", HARD, "冲突")
    warning = Finding("x.warning", WARNING, "提醒")
    note = Finding("x.info", INFO, "提示")
    assert verdict([note], None) is None
    assert verdict([warning, note], "  当事人同意  ") == "当事人同意"
    with pytest.raises(HearingConflict) as refused:
        verdict([warning], " ")
    assert refused.value.needs_override
    with pytest.raises(HearingConflict) as blocked:
        verdict([hard, warning], "理由")
    assert not blocked.value.needs_override and "冲突" in str(blocked.value)


def test_hard_findings_come_first(facts: Facts) -> None:
    late = replace(facts, today=WED + dt.timedelta(days=1),
                   bookings=(booking(at(WED, "10:00"), at(WED, "12:00"), room_id=None),))
    severities = [f.severity for f in evaluate(late)]
    assert severities == sorted(severities, key=[HARD, WARNING, INFO].index) and severities[0] == HARD


def test_award_unrolled_counts_natural_days_without_rolling() -> None:
    rules = shipped_rules()
    accepted = dt.date(2026, 11, 3)
    assert award_unrolled(rules, accepted) == accepted + dt.timedelta(days=45)
    assert award_unrolled(rules, accepted, extended=True, excluded_days=4) == accepted + dt.timedelta(days=64)
    working = {**rules, "award_extension": replace(rules["award_extension"], unit="working")}
    assert award_unrolled(working, accepted, extended=True) is None
    assert award_unrolled(working, accepted) == accepted + dt.timedelta(days=45)

"""Tests of the statutory periods: rules loaded from data, due dates across holidays 2024–2026.

Expected dates were worked out by hand from the State Council's holiday notices (schedule
quoted next to each case); the working-day ones are cross-checked against chinese_calendar.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.domain.periods import (
    CLOCK_KEYS,
    REQUIRED_RULES,
    ClockInputError,
    DueDate,
    NoticeCheck,
    PeriodCalculator,
    PeriodRule,
    PeriodRulesError,
    compute_clock,
    days_in_intervals,
    deadline_state,
    default_rules_path,
    excluded_days_within,
    load_rules,
    parse_rules,
)

D = date
REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture(scope="module")
def cal() -> LegalCalendar:
    return LegalCalendar.from_chinese_calendar()


@pytest.fixture(scope="module")
def rules() -> dict[str, PeriodRule]:
    return load_rules()


@pytest.fixture(scope="module")
def calc(cal: LegalCalendar, rules: dict[str, PeriodRule]) -> PeriodCalculator:
    return PeriodCalculator(cal, rules)


def cc_add_working_days(start: date, n: int) -> date:
    """Independent count with chinese_calendar.is_workday."""
    day, k = start, 0
    while k < n:
        day += timedelta(days=1)
        if chinese_calendar.is_workday(day):
            k += 1
    return day


def cc_roll_forward(day: date) -> date:
    while not chinese_calendar.is_workday(day):
        day += timedelta(days=1)
    return day


# --------------------------------------------------------------------------- rules as data


def test_shipped_rules(rules: dict[str, PeriodRule]) -> None:
    assert set(REQUIRED_RULES) <= set(rules)
    expected = {
        "accept": (5, "working"),
        "serve_application": (5, "working"),
        "composition_notice": (5, "working"),
        "defence": (10, "working"),
        "hearing_notice": (5, "working"),
        "postpone_request": (3, "working"),
        "award": (45, "natural"),
        "award_extension": (15, "natural"),
    }
    assert {k: (rules[k].days, rules[k].unit) for k in expected} == expected
    assert (
        rules["accept"].basis
        == "《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条"
    )
    assert "第三十三条" in rules["defence"].basis
    assert "第四十三条" in rules["award"].basis
    # The units rest on 办案规则 art. 80, not yet checked against the official text
    # (docs/legal-basis.md §2.1): nothing is verified yet.
    assert not any(rule.verified for rule in rules.values())
    assert rules["defence"].unit_zh == "工作日"
    assert rules["award"].unit_zh == "自然日"


def test_default_path_is_the_repository_file() -> None:
    assert default_rules_path().resolve() == (REPO_RESOURCES / "periods.json").resolve()


def test_rule_round_trips_through_dict(rules: dict[str, PeriodRule]) -> None:
    for rule in rules.values():
        assert PeriodRule.from_dict(rule.to_dict()) == rule


def _write_rules(tmp_path: Path, change: dict[str, dict[str, object]]) -> Path:
    data = json.loads((REPO_RESOURCES / "periods.json").read_text(encoding="utf-8"))
    for entry in data["rules"]:
        entry.update(change.get(entry["key"], {}))
    path = tmp_path / "periods.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_commission_can_correct_a_rule(tmp_path: Path, cal: LegalCalendar) -> None:
    path = _write_rules(tmp_path, {"defence": {"days": 15, "unit": "natural", "verified": True}})
    calc = PeriodCalculator(cal, load_rules(path))
    # Thu 2026-04-30 + 15 natural days = Fri 05-15 (a working day, no roll-over).
    due = calc.defence_due(D(2026, 4, 30))
    assert due.date == D(2026, 5, 15)
    assert due.unit == "natural"
    assert due.verified is True


def test_natural_day_hearing_notice_rule(tmp_path: Path, cal: LegalCalendar) -> None:
    path = _write_rules(tmp_path, {"hearing_notice": {"unit": "natural"}})
    calc = PeriodCalculator(cal, load_rules(path))
    # Served Mon 2026-09-28: 5 natural days strictly between → hearing on or after 10-04,
    # which is in the National Day break → first working day 10-08.
    assert calc.earliest_hearing(D(2026, 9, 28)).date == D(2026, 10, 8)
    assert calc.notice_is_timely(D(2026, 9, 28), D(2026, 10, 4)) == (True, 5, 5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"award": {"unit": "weeks"}}, "单位"),
        ({"award": {"days": -1}}, "天数"),
        ({"award": {"key": "accept"}}, "重复"),
    ],
)
def test_bad_rules_are_refused(
    tmp_path: Path, change: dict[str, dict[str, object]], message: str
) -> None:
    path = _write_rules(tmp_path, change)
    with pytest.raises(PeriodRulesError, match=message):
        load_rules(path)


def test_missing_rule_and_missing_file_are_refused(tmp_path: Path) -> None:
    data = json.loads((REPO_RESOURCES / "periods.json").read_text(encoding="utf-8"))
    data["rules"] = [r for r in data["rules"] if r["key"] != "award_extension"]
    with pytest.raises(PeriodRulesError, match="award_extension"):
        parse_rules(data)
    with pytest.raises(ValueError):  # PeriodRulesError is a ValueError
        load_rules(tmp_path / "absent.json")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(PeriodRulesError, match="格式错误"):
        load_rules(tmp_path / "broken.json")


# --------------------------------------------------------------------------- working-day periods


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        # 2024 春节 (off 02-10..02-17, make-up Sun 02-04 and Sun 02-18).
        # Wed 02-07: 02-08 (1), 02-09 (2), Sun 02-18 (3), 02-19 (4), 02-20 (5).
        (D(2024, 2, 7), D(2024, 2, 20)),
        # Fri 02-02: Sun 02-04 (1), 02-05 (2), 02-06 (3), 02-07 (4), 02-08 (5) — one day earlier
        # than a plain Mon–Fri count because of the make-up Sunday.
        (D(2024, 2, 2), D(2024, 2, 8)),
        # 2025 国庆+中秋 (off 10-01..10-08, make-up Sun 09-28, Sat 10-11).
        # Fri 09-26: Sun 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5).
        (D(2025, 9, 26), D(2025, 10, 10)),
        # 2026 春节 (off 02-15..02-23, make-up Sat 02-14, Sat 02-28) — domain §2.4 example.
        # Thu 02-12: 02-13 (1), Sat 02-14 (2), 02-24 (3), 02-25 (4), 02-26 (5).
        (D(2026, 2, 12), D(2026, 2, 26)),
        # Fri 02-13 (one day later): Sat 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5).
        (D(2026, 2, 13), D(2026, 2, 27)),
        # Received on the make-up Saturday 02-14: 02-24 (1) … 02-27 (4), Sat 02-28 (5).
        (D(2026, 2, 14), D(2026, 2, 28)),
    ],
)
def test_accept_by(calc: PeriodCalculator, received: date, expected: date) -> None:
    due = calc.accept_by(received)
    assert due == DueDate(
        "accept_by",
        expected,
        "受理决定截止日",
        "《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条",
        "working",
        False,
    )
    assert cc_add_working_days(received, 5) == expected


@pytest.mark.parametrize(
    ("served", "expected"),
    [
        # 2024 国庆 (off 10-01..10-07, make-up Sun 09-29, Sat 10-12).
        # Thu 09-26: 09-27 (1), Sun 09-29 (2), 09-30 (3), 10-08 (4), 10-09 (5), 10-10 (6),
        # 10-11 (7), Sat 10-12 (8), Mon 10-14 (9), Tue 10-15 (10).
        (D(2024, 9, 26), D(2024, 10, 15)),
        # 2026 劳动节 (off 05-01..05-05, make-up Sat 05-09) — domain §2.4 example.
        # Thu 04-30: 05-06 (1), 05-07 (2), 05-08 (3), Sat 05-09 (4), 05-11 (5) … 05-15 (9),
        # Mon 05-18 (10).
        (D(2026, 4, 30), D(2026, 5, 18)),
        # 2026 中秋/国庆 make-up Sun 09-20. Tue 09-08: 09-09 … 09-18 (8), Sun 09-20 (9), Mon 09-21 (10).
        (D(2026, 9, 8), D(2026, 9, 21)),
    ],
)
def test_defence_due(calc: PeriodCalculator, served: date, expected: date) -> None:
    due = calc.defence_due(served)
    assert due.date == expected
    assert due.key == "defence_due"
    assert due.unit == "working"
    assert "第三十条" in due.basis
    assert cc_add_working_days(served, 10) == expected


def test_service_and_composition_deadlines(calc: PeriodCalculator) -> None:
    # Accepted Fri 2025-01-24 (2025 春节: make-up Sun 01-26, off 01-28..02-04):
    # Sun 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5).
    assert calc.serve_application_by(D(2025, 1, 24)).date == D(2025, 2, 7)
    assert calc.composition_notice_by(D(2025, 1, 24)).date == D(2025, 2, 7)
    assert "第三十二条" in calc.composition_notice_by(D(2025, 1, 24)).basis
    assert cc_add_working_days(D(2025, 1, 24), 5) == D(2025, 2, 7)


# --------------------------------------------------------------------------- hearing notice


@pytest.mark.parametrize(
    ("served", "expected"),
    [
        # 2026 国庆 (off 10-01..10-07, make-up Sat 10-10) — domain §2.4 example.
        # Mon 09-28: 09-29, 09-30, 10-08, 10-09, Sat 10-10 lie between → Mon 10-12.
        (D(2026, 9, 28), D(2026, 10, 12)),
        # Tue 09-29: 09-30, 10-08, 10-09, 10-10, 10-12 → Tue 10-13.
        (D(2026, 9, 29), D(2026, 10, 13)),
        # 2025 春节 (make-up Sun 01-26, off 01-28..02-04).
        # Wed 01-22: 01-23, 01-24, Sun 01-26, 01-27, 02-05 → Thu 02-06.
        (D(2025, 1, 22), D(2025, 2, 6)),
        # Thu 01-23: 01-24, 01-26, 01-27, 02-05, 02-06 → Fri 02-07.
        (D(2025, 1, 23), D(2025, 2, 7)),
    ],
)
def test_earliest_hearing(calc: PeriodCalculator, served: date, expected: date) -> None:
    due = calc.earliest_hearing(served)
    assert due.date == expected
    assert "第三十五条" in due.basis
    assert cc_add_working_days(served, 6) == expected
    # Both sides of the boundary.
    assert calc.notice_is_timely(served, expected) == NoticeCheck(True, 5, 5)
    before = calc.calendar.add_working_days(expected, -1)
    assert calc.notice_is_timely(served, before).timely is False


def test_notice_is_timely_domain_example(calc: PeriodCalculator) -> None:
    hearing = D(2026, 10, 12)
    assert calc.notice_is_timely(D(2026, 9, 28), hearing) == (True, 5, 5)
    timely, between, required = calc.notice_is_timely(D(2026, 9, 29), hearing)
    assert (timely, between, required) == (False, 4, 5)
    # Served on the hearing day or after: nothing between.
    assert calc.notice_is_timely(hearing, hearing) == (False, 0, 5)


def test_latest_notice_service(calc: PeriodCalculator) -> None:
    # Hearing Mon 2026-10-12: back over Sat 10-10 (1), 10-09 (2), 10-08 (3), 09-30 (4),
    # 09-29 (5) → served no later than Mon 09-28.
    assert calc.latest_notice_service(D(2026, 10, 12)).date == D(2026, 9, 28)


@pytest.mark.parametrize(
    ("hearing", "expected"),
    [
        # Mon 2025-02-10: Sat 02-08 make-up, 02-07, 02-06 must lie between → Wed 02-05.
        (D(2025, 2, 10), D(2025, 2, 5)),
        # Fri 2025-02-07: 02-06, 02-05, then 02-04..01-28 off, 01-27 → Sun 01-26 (make-up day).
        (D(2025, 2, 7), D(2025, 1, 26)),
        # Wed 2026-09-30: 09-29, 09-28, then 中秋 09-25..09-27 off, 09-24 → Wed 09-23.
        (D(2026, 9, 30), D(2026, 9, 23)),
    ],
)
def test_postpone_request_by(calc: PeriodCalculator, hearing: date, expected: date) -> None:
    due = calc.postpone_request_by(hearing)
    assert due.date == expected
    assert due.key == "postpone_request_by"
    assert calc.postponement_is_timely(expected, hearing) == (True, 3, 3)
    later = calc.calendar.add_working_days(expected, 1)
    assert calc.postponement_is_timely(later, hearing) == (False, 2, 3)


# --------------------------------------------------------------------------- award period


@pytest.mark.parametrize(
    ("accepted", "extended", "excluded", "expected"),
    [
        # 2024: Mon 08-19 + 45 = Thu 10-03 (国庆 10-01..10-07 off) → rolls to Tue 10-08.
        (D(2024, 8, 19), False, 0, D(2024, 10, 8)),
        # Day before the boundary: Thu 08-15 + 45 = Sun 09-29, a make-up working day → no roll.
        (D(2024, 8, 15), False, 0, D(2024, 9, 29)),
        # Extended: 08-19 + 60 = Fri 10-18, a working day.
        (D(2024, 8, 19), True, 0, D(2024, 10, 18)),
        # 2025: Mon 08-18 + 45 = Thu 10-02 (off 10-01..10-08) → Thu 10-09.
        (D(2025, 8, 18), False, 0, D(2025, 10, 9)),
        # + 9 suspension days: 08-18 + 54 = Sat 10-11, a make-up working day → stays.
        (D(2025, 8, 18), False, 9, D(2025, 10, 11)),
        # + 10 suspension days: 08-18 + 55 = Sun 10-12 → Mon 10-13.
        (D(2025, 8, 18), False, 10, D(2025, 10, 13)),
        # 2026 (domain §2.4): Thu 09-10 + 45 = Sun 10-25 → Mon 10-26.
        (D(2026, 9, 10), False, 0, D(2026, 10, 26)),
        # Extended: 09-10 + 60 = Mon 11-09.
        (D(2026, 9, 10), True, 0, D(2026, 11, 9)),
        # + 10 suspension days: 09-10 + 55 = Wed 11-04.
        (D(2026, 9, 10), False, 10, D(2026, 11, 4)),
        # + 13 days: 09-10 + 58 = Sat 11-07 → Mon 11-09.
        (D(2026, 9, 10), False, 13, D(2026, 11, 9)),
        # Thu 08-20 + 45 = Sun 10-04 (国庆 10-01..10-07) → Thu 10-08.
        (D(2026, 8, 20), False, 0, D(2026, 10, 8)),
        # 2026 春节: Mon 01-05 + 45 = Thu 02-19 (off 02-15..02-23) → Tue 02-24.
        (D(2026, 1, 5), False, 0, D(2026, 2, 24)),
    ],
)
def test_award_due(
    calc: PeriodCalculator, accepted: date, extended: bool, excluded: int, expected: date
) -> None:
    due = calc.award_due(accepted, extended=extended, excluded_days=excluded)
    assert due.date == expected
    assert due.key == ("award_due_extended" if extended else "award_due")
    assert due.unit == "natural"
    assert due.basis == "《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条"
    total = 45 + (15 if extended else 0) + excluded
    assert cc_roll_forward(accepted + timedelta(days=total)) == expected


@pytest.mark.parametrize(
    ("accepted", "expected"),
    [
        # 2024-08-19 + 45 = 10-03 (off) → back over 10-02, 10-01 to Mon 09-30.
        (D(2024, 8, 19), D(2024, 9, 30)),
        # 2026-01-05 + 45 = 02-19 (off) → back over 02-18..02-15 to make-up Sat 02-14.
        (D(2026, 1, 5), D(2026, 2, 14)),
        # 2026-09-10 + 45 = Sun 10-25 → Fri 10-23.
        (D(2026, 9, 10), D(2026, 10, 23)),
    ],
)
def test_award_target_is_never_later_than_the_legal_day(
    calc: PeriodCalculator, accepted: date, expected: date
) -> None:
    target = calc.award_target(accepted)
    assert target.date == expected
    assert target.date <= calc.award_due(accepted).date


def test_award_across_an_unknown_year(calc: PeriodCalculator) -> None:
    # 2026-11-01 + 45 = Wed 12-16: fine.
    assert calc.award_due(D(2026, 11, 1)).date == D(2026, 12, 16)
    # 2026-12-01 + 45 = 2027-01-15: 2027 is not loaded.
    with pytest.raises(UnknownYearError, match="2027年"):
        calc.award_due(D(2026, 12, 1))


def test_negative_excluded_days_are_refused(calc: PeriodCalculator) -> None:
    with pytest.raises(ClockInputError):
        calc.award_due(D(2026, 9, 10), excluded_days=-1)


# --------------------------------------------------------------------------- suspensions


def test_days_in_intervals_merges_overlaps() -> None:
    # 09-20..09-29 (10 days) and 09-25..10-02 overlap → 09-20..10-02 = 13 days.
    spans = [(D(2026, 9, 20), D(2026, 9, 29)), (D(2026, 9, 25), D(2026, 10, 2))]
    assert days_in_intervals(spans) == 13
    assert days_in_intervals(list(reversed(spans))) == 13
    # Contained and adjacent intervals.
    assert (
        days_in_intervals([(D(2026, 3, 1), D(2026, 3, 10)), (D(2026, 3, 2), D(2026, 3, 3))]) == 10
    )
    assert days_in_intervals([(D(2026, 3, 1), D(2026, 3, 1)), (D(2026, 3, 2), D(2026, 3, 2))]) == 2
    assert days_in_intervals([]) == 0


def test_days_in_intervals_up_to_and_open_ends() -> None:
    spans = [(D(2026, 3, 1), D(2026, 3, 10)), (D(2026, 4, 1), None)]
    # Up to 03-05: 03-01..03-05 = 5; the April interval has not started.
    assert days_in_intervals(spans, up_to=D(2026, 3, 5)) == 5
    # Up to 04-03: 10 + 3.
    assert days_in_intervals(spans, up_to=D(2026, 4, 3)) == 13
    with pytest.raises(ClockInputError):
        days_in_intervals(spans)  # open interval without up_to
    with pytest.raises(ClockInputError, match="早于"):
        days_in_intervals([(D(2026, 3, 10), D(2026, 3, 1))])


def test_suspension_extends_award_due(calc: PeriodCalculator) -> None:
    suspended = days_in_intervals(
        [(D(2026, 9, 20), D(2026, 9, 29)), (D(2026, 9, 25), D(2026, 10, 2))]
    )
    # 2026-09-10 + 45 + 13 = Sat 11-07 → Mon 11-09.
    assert calc.award_due(D(2026, 9, 10), excluded_days=suspended).date == D(2026, 11, 9)


def test_excluded_days_within_counts_only_the_running_clock() -> None:
    start = D(2026, 9, 10)
    # Plain suspension inside the 45 days: 09-20..09-29 = 10 days.
    assert excluded_days_within(start, 45, [(D(2026, 9, 20), D(2026, 9, 29))]) == 10
    # Overlapping intervals count once: 09-20..10-02 = 13 days.
    spans = [(D(2026, 9, 20), D(2026, 9, 29)), (D(2026, 9, 25), D(2026, 10, 2))]
    assert excluded_days_within(start, 45, spans) == 13
    assert excluded_days_within(start, 45, list(reversed(spans))) == 13
    # The start day is never counted, so suspending on it adds nothing for that day:
    # 09-10..09-12 → only 09-11 and 09-12 stop the clock.
    assert excluded_days_within(start, 45, [(D(2026, 9, 10), D(2026, 9, 12))]) == 2
    # Days before the start (e.g. before a re-count) are irrelevant.
    assert excluded_days_within(start, 45, [(D(2026, 9, 1), D(2026, 9, 9))]) == 0


def test_excluded_days_within_the_boundary_of_the_last_day() -> None:
    start = D(2026, 9, 10)  # + 45 = 10-25
    # Starting on the last counted day: 10-25..10-26 stops the clock for 2 days.
    assert excluded_days_within(start, 45, [(D(2026, 10, 25), D(2026, 10, 26))]) == 2
    # Starting the day after: the clock had already run out.
    assert excluded_days_within(start, 45, [(D(2026, 10, 26), D(2026, 10, 30))]) == 0
    # ...but it counts for the 60-day clock (which runs to 11-09).
    assert excluded_days_within(start, 60, [(D(2026, 10, 26), D(2026, 10, 30))]) == 5
    # A first suspension pushes the end so that a later one falls inside: 09-20..09-29 (10)
    # moves the end to 11-04; 11-01..11-02 then counts too.
    spans = [(D(2026, 9, 20), D(2026, 9, 29)), (D(2026, 11, 1), D(2026, 11, 2))]
    assert excluded_days_within(start, 45, spans) == 12
    # Without the first one, 11-01 is after the end (10-25).
    assert excluded_days_within(start, 45, spans[1:]) == 0


def test_excluded_days_within_open_interval_and_errors() -> None:
    start = D(2026, 9, 10)
    # Open since 09-20, today 09-25: 6 days so far.
    assert excluded_days_within(start, 45, [(D(2026, 9, 20), None)], up_to=D(2026, 9, 25)) == 6
    with pytest.raises(ClockInputError):
        excluded_days_within(start, 45, [(D(2026, 9, 20), None)])
    with pytest.raises(ClockInputError, match="早于"):
        excluded_days_within(start, 45, [(D(2026, 9, 20), D(2026, 9, 19))])
    with pytest.raises(ClockInputError):
        excluded_days_within(start, -1, [])
    assert excluded_days_within(start, 45, []) == 0


# --------------------------------------------------------------------------- states and clock


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2026, 10, 22), "on_time"),  # 4 days left
        (D(2026, 10, 23), "due_soon"),  # 3 days left
        (D(2026, 10, 26), "due_soon"),  # the due day itself
        (D(2026, 10, 27), "overdue"),
    ],
)
def test_deadline_state(today: date, state: str) -> None:
    assert deadline_state(D(2026, 10, 26), today) == state


def test_deadline_state_custom_window() -> None:
    assert deadline_state(D(2026, 10, 26), D(2026, 10, 19), soon_days=7) == "due_soon"
    assert deadline_state(D(2026, 10, 26), D(2026, 10, 26), soon_days=0) == "due_soon"
    assert deadline_state(D(2026, 10, 26), D(2026, 10, 25), soon_days=0) == "on_time"


def test_compute_clock_full(cal: LegalCalendar, rules: dict[str, PeriodRule]) -> None:
    clock = compute_clock(
        cal,
        rules,
        received=D(2026, 9, 1),
        accepted=D(2026, 9, 3),
        served=D(2026, 9, 8),
        hearing=D(2026, 9, 30),
        extended=True,
        suspended_days=0,
    )
    assert tuple(clock) == CLOCK_KEYS
    dates = {key: due.date for key, due in clock.items() if due is not None}
    assert dates == {
        # Tue 09-01 + 5 working: 09-02, 09-03, 09-04, 09-07, 09-08.
        "accept_by": D(2026, 9, 8),
        # Tue 09-08 + 10 working, Sun 09-20 being a make-up day → Mon 09-21.
        "defence_due": D(2026, 9, 21),
        # 09-09, 09-10, 09-11, 09-14, 09-15 between → Wed 09-16.
        "earliest_hearing": D(2026, 9, 16),
        # Hearing Wed 09-30: 09-29, 09-28, (中秋 off), 09-24 between → Wed 09-23.
        "postpone_request_by": D(2026, 9, 23),
        # Thu 09-03 + 45 = Sun 10-18 → Mon 10-19.
        "award_due": D(2026, 10, 19),
        # 09-03 + 60 = Mon 11-02.
        "award_due_extended": D(2026, 11, 2),
    }
    assert all(isinstance(due, DueDate) and due.basis for due in clock.values())


def test_compute_clock_partial(cal: LegalCalendar) -> None:
    clock = compute_clock(cal, received=D(2026, 2, 12))
    assert set(clock) == set(CLOCK_KEYS)
    assert clock["accept_by"] is not None
    assert clock["accept_by"].date == D(2026, 2, 26)
    assert all(clock[key] is None for key in CLOCK_KEYS if key != "accept_by")
    # Accepted, no extension approved yet: the extended date is still given, so the clerk
    # knows how far an approval would carry the case.
    clock = compute_clock(cal, accepted=D(2026, 9, 10), suspended_days=10)
    assert clock["award_due"] is not None
    assert clock["award_due"].date == D(2026, 11, 4)
    # 09-10 + 60 + 10 = Thu 11-19.
    assert clock["award_due_extended"] is not None
    assert clock["award_due_extended"].date == D(2026, 11, 19)
    assert clock["award_due_extended"].key == "award_due_extended"
    assert clock["accept_by"] is None and clock["defence_due"] is None


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"received": D(2026, 9, 10), "accepted": D(2026, 9, 9)}, "受理日期"),
        ({"accepted": D(2026, 9, 10), "served": D(2026, 9, 9)}, "送达日期"),
        ({"served": D(2026, 9, 10), "hearing": D(2026, 9, 9)}, "开庭日期"),
        ({"accepted": D(2026, 9, 10), "hearing": D(2026, 9, 9)}, "开庭日期"),
        ({"accepted": D(2026, 9, 10), "suspended_days": -1}, "负数"),
    ],
)
def test_compute_clock_refuses_impossible_orders(
    cal: LegalCalendar, dates: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        compute_clock(cal, **dates)  # type: ignore[arg-type]


def test_compute_clock_same_day_is_allowed(cal: LegalCalendar) -> None:
    # Accepted on receipt and served on acceptance happen in practice.
    day = D(2026, 3, 2)
    clock = compute_clock(cal, received=day, accepted=day, served=day)
    assert clock["defence_due"] is not None

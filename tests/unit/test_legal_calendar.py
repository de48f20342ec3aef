"""Tests of the legal calendar: working days across Spring Festival and National Day, 2024–2026.

Every expected date was worked out by hand from the State Council's holiday notices (quoted in
the comment next to each case) and is cross-checked against chinese_calendar's own
``is_workday`` by an independent day-by-day count.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import chinese_calendar
import pytest

from tribunal.domain.legal_calendar import DayRule, LegalCalendar, UnknownYearError
from tribunal.errors import TribunalError

D = date


@pytest.fixture(scope="module")
def cal() -> LegalCalendar:
    return LegalCalendar.from_chinese_calendar()


def reference_add_working_days(start: date, n: int) -> date:
    """Independent count with chinese_calendar.is_workday (not with our calendar)."""
    day, k = start, 0
    while k < n:
        day += timedelta(days=1)
        if chinese_calendar.is_workday(day):
            k += 1
    return day


# --------------------------------------------------------------------------- default data


def test_default_calendar_covers_the_package_years(cal: LegalCalendar) -> None:
    # chinesecalendar 1.11 carries data for 2004 through 2026.
    assert cal.known_years[0] == 2004
    assert cal.known_years[-1] == 2026
    assert cal.known_years == tuple(range(2004, 2027))


def test_default_calendar_agrees_with_chinese_calendar_every_day(cal: LegalCalendar) -> None:
    day = D(2004, 1, 1)
    while day <= D(2026, 12, 31):
        assert cal.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "working", "name"),
    [
        # 2024 春节: 2月10日至17日放假调休，共8天；2月4日（周日）、2月18日（周日）上班。
        (D(2024, 2, 4), True, "春节调休上班"),  # make-up Sunday
        (D(2024, 2, 9), True, None),  # 除夕 2024 was a working Friday (only "encouraged" off)
        (D(2024, 2, 10), False, "春节"),  # first day off (Saturday)
        (D(2024, 2, 12), False, "春节"),  # Monday off
        (D(2024, 2, 17), False, "春节"),  # last day off (Saturday)
        (D(2024, 2, 18), True, "春节调休上班"),  # make-up Sunday
        (D(2024, 2, 19), True, None),
        # 2024 国庆: 10月1日至7日放假调休；9月29日（周日）、10月12日（周六）上班。
        (D(2024, 9, 29), True, "国庆节调休上班"),
        (D(2024, 9, 30), True, None),
        (D(2024, 10, 7), False, "国庆节"),
        (D(2024, 10, 8), True, None),
        (D(2024, 10, 12), True, "国庆节调休上班"),
        (D(2024, 10, 13), False, None),  # ordinary Sunday
        # 2025 春节: 1月28日（除夕）至2月4日放假；1月26日（周日）、2月8日（周六）上班。
        (D(2025, 1, 26), True, "春节调休上班"),
        (D(2025, 1, 27), True, None),
        (D(2025, 1, 28), False, "春节"),
        (D(2025, 2, 4), False, "春节"),
        (D(2025, 2, 5), True, None),
        (D(2025, 2, 8), True, "春节调休上班"),
        # 2025 国庆、中秋: 10月1日至8日放假；9月28日（周日）、10月11日（周六）上班。
        (D(2025, 9, 28), True, "国庆节调休上班"),
        (D(2025, 10, 6), False, "中秋节"),  # 中秋 falls inside the National Day break
        (D(2025, 10, 8), False, "国庆节"),
        (D(2025, 10, 9), True, None),
        (D(2025, 10, 11), True, "国庆节调休上班"),
        # 2026 春节: 2月15日至23日放假；2月14日（周六）、2月28日（周六）上班
        # (国务院办公厅关于2026年部分节假日安排的通知).
        (D(2026, 2, 13), True, None),
        (D(2026, 2, 14), True, "春节调休上班"),
        (D(2026, 2, 15), False, "春节"),
        (D(2026, 2, 23), False, "春节"),  # Monday, last day off
        (D(2026, 2, 24), True, None),
        (D(2026, 2, 28), True, "春节调休上班"),
        # 2026 国庆: 10月1日至7日放假；9月20日（周日）、10月10日（周六）上班 (same notice).
        (D(2026, 9, 20), True, "国庆节调休上班"),
        (D(2026, 10, 7), False, "国庆节"),
        (D(2026, 10, 8), True, None),
        (D(2026, 10, 10), True, "国庆节调休上班"),
        (D(2026, 10, 11), False, None),
    ],
)
def test_working_days_and_names(
    cal: LegalCalendar, day: date, working: bool, name: str | None
) -> None:
    assert cal.is_working_day(day) is working
    assert cal.is_rest_day(day) is (not working)
    assert cal.day_name(day) == name
    assert chinese_calendar.is_workday(day) is working  # the package agrees


def test_day_kind(cal: LegalCalendar) -> None:
    assert cal.day_kind(D(2026, 2, 15)) == "holiday"
    assert cal.day_kind(D(2026, 2, 14)) == "workday"
    assert cal.day_kind(D(2026, 3, 2)) is None


def test_a_datetime_is_treated_as_its_date(cal: LegalCalendar) -> None:
    assert cal.is_working_day(datetime(2026, 2, 14, 9, 30)) is True
    assert cal.is_working_day(datetime(2026, 2, 16, 9, 30)) is False


# --------------------------------------------------------------------------- arithmetic


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 2024 春节. From Thu 02-08: Fri 02-09 (1), then 02-10..02-17 off, Sun 02-18 make-up (2),
        # Mon 02-19 (3).
        (D(2024, 2, 8), 1, D(2024, 2, 9)),
        (D(2024, 2, 8), 2, D(2024, 2, 18)),
        (D(2024, 2, 8), 3, D(2024, 2, 19)),
        # From Fri 02-02: Sun 02-04 make-up (1), 02-05 (2), 02-06 (3), 02-07 (4), 02-08 (5).
        (D(2024, 2, 2), 5, D(2024, 2, 8)),
        # 2024 国庆. From Thu 09-26: 09-27 (1), Sun 09-29 (2), 09-30 (3), 10-08 (4) … 10-11 (7),
        # Sat 10-12 (8), Mon 10-14 (9), Tue 10-15 (10).
        (D(2024, 9, 26), 10, D(2024, 10, 15)),
        # 2025 春节. From Wed 01-22: 01-23 (1), 01-24 (2), Sun 01-26 (3), 01-27 (4), 02-05 (5).
        (D(2025, 1, 22), 5, D(2025, 2, 5)),
        # 2025 国庆. From Fri 09-26: Sun 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5),
        # Sat 10-11 (6).
        (D(2025, 9, 26), 5, D(2025, 10, 10)),
        (D(2025, 9, 26), 6, D(2025, 10, 11)),
        # 2026 春节 (domain §2.4): from Thu 02-12: 02-13 (1), Sat 02-14 (2), 02-24 (3), 02-25 (4),
        # 02-26 (5).
        (D(2026, 2, 12), 5, D(2026, 2, 26)),
        # Starting on a holiday: from Mon 02-16 (off): 02-24 (1).
        (D(2026, 2, 16), 1, D(2026, 2, 24)),
        # 2026 劳动节 (domain §2.4): from Thu 04-30: 05-06 (1), 05-07 (2), 05-08 (3),
        # Sat 05-09 (4), 05-11 (5) … 05-15 (9), Mon 05-18 (10).
        (D(2026, 4, 30), 10, D(2026, 5, 18)),
        # n = 0 leaves the day as it is, even a rest day.
        (D(2026, 2, 16), 0, D(2026, 2, 16)),
    ],
)
def test_add_working_days(cal: LegalCalendar, start: date, n: int, expected: date) -> None:
    assert cal.add_working_days(start, n) == expected
    assert reference_add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Back from Mon 2025-02-10: Sat 02-08 make-up (1), 02-07 (2), 02-06 (3), 02-05 (4).
        (D(2025, 2, 10), -4, D(2025, 2, 5)),
        # Back from Fri 2025-02-07: 02-06 (1), 02-05 (2), 01-28..02-04 off, 01-27 (3),
        # Sun 01-26 make-up (4).
        (D(2025, 2, 7), -4, D(2025, 1, 26)),
        # Back from Mon 2026-10-12: Sat 10-10 (1), 10-09 (2), 10-08 (3), 09-30 (4), 09-29 (5),
        # 09-28 (6).
        (D(2026, 10, 12), -6, D(2026, 9, 28)),
    ],
)
def test_add_working_days_backwards(
    cal: LegalCalendar, start: date, n: int, expected: date
) -> None:
    assert cal.add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 2, 14), D(2026, 2, 14)),  # make-up Saturday is itself a working day
        (D(2026, 2, 15), D(2026, 2, 24)),  # Spring Festival 02-15..02-23
        (D(2026, 10, 4), D(2026, 10, 8)),  # National Day 10-01..10-07
        (D(2025, 10, 12), D(2025, 10, 13)),  # ordinary Sunday after the 10-11 make-up Saturday
        (D(2024, 10, 3), D(2024, 10, 8)),
    ],
)
def test_next_working_day_on_or_after(cal: LegalCalendar, day: date, expected: date) -> None:
    assert cal.next_working_day_on_or_after(day) == expected


def test_previous_working_day_on_or_before(cal: LegalCalendar) -> None:
    # 2026-02-19 (Thu, 春节) back over 02-18..02-15 to the make-up Saturday 02-14.
    assert cal.previous_working_day_on_or_before(D(2026, 2, 19)) == D(2026, 2, 14)
    assert cal.previous_working_day_on_or_before(D(2026, 2, 13)) == D(2026, 2, 13)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # 2026-09-28 → 10-12: 09-29, 09-30, 10-08, 10-09, Sat 10-10 = 5.
        (D(2026, 9, 28), D(2026, 10, 12), 5),
        # 2026-09-29 → 10-12: one fewer.
        (D(2026, 9, 29), D(2026, 10, 12), 4),
        # 2025-01-22 → 02-06: 01-23, 01-24, Sun 01-26, 01-27, 02-05 = 5.
        (D(2025, 1, 22), D(2025, 2, 6), 5),
        # Adjacent days, same day, reversed order: nothing lies between.
        (D(2026, 3, 2), D(2026, 3, 3), 0),
        (D(2026, 3, 2), D(2026, 3, 2), 0),
        (D(2026, 3, 9), D(2026, 3, 2), 0),
    ],
)
def test_working_days_strictly_between(cal: LegalCalendar, a: date, b: date, expected: int) -> None:
    assert cal.working_days_strictly_between(a, b) == expected


# --------------------------------------------------------------------------- unknown years


def test_unknown_year_is_refused_not_guessed(cal: LegalCalendar) -> None:
    with pytest.raises(UnknownYearError) as caught:
        cal.is_working_day(D(2027, 3, 1))  # an ordinary Monday, but 2027 is not loaded
    error = caught.value
    assert error.year == 2027
    assert isinstance(error, ValueError)
    assert isinstance(error, TribunalError)
    assert str(error) == (
        "2027年的节假日安排尚未载入，无法计算工作日；请在【设置→法定节假日】中导入该年安排。"
    )
    with pytest.raises(UnknownYearError, match="2003年"):
        cal.is_rest_day(D(2003, 12, 31))
    with pytest.raises(UnknownYearError):
        cal.day_name(D(2031, 1, 1))


def test_counting_into_an_unknown_year_is_refused(cal: LegalCalendar) -> None:
    # Mon 2026-12-28: 12-29 (1), 12-30 (2), 12-31 (3) are fine ...
    assert cal.add_working_days(D(2026, 12, 28), 3) == D(2026, 12, 31)
    # ... the 4th working day would be in 2027.
    with pytest.raises(UnknownYearError, match="2027年"):
        cal.add_working_days(D(2026, 12, 28), 4)
    with pytest.raises(UnknownYearError):
        cal.next_working_day_on_or_after(D(2027, 1, 1))
    with pytest.raises(UnknownYearError):
        cal.working_days_strictly_between(D(2026, 12, 30), D(2027, 1, 5))


# --------------------------------------------------------------------------- explicit data


def _tiny_2030() -> LegalCalendar:
    """A made-up 2030 schedule: 10-01 (Tue)..10-07 off, Sat 10-12 make-up."""
    holidays = {2030: {D(2030, 10, 1) + timedelta(days=i) for i in range(7)}}
    workdays = {2030: {D(2030, 10, 12)}}
    names = dict.fromkeys(holidays[2030] | workdays[2030], "国庆节")
    return LegalCalendar.from_sets(holidays, workdays, names)


def test_from_sets() -> None:
    cal = _tiny_2030()
    assert cal.known_years == (2030,)
    assert cal.is_working_day(D(2030, 9, 30)) is True  # Monday
    assert cal.is_working_day(D(2030, 10, 3)) is False
    assert cal.is_working_day(D(2030, 10, 12)) is True  # make-up Saturday
    assert cal.day_name(D(2030, 10, 3)) == "国庆节"
    # Mon 09-30 + 3: 10-08 (1), 10-09 (2), 10-10 (3).
    assert cal.add_working_days(D(2030, 9, 30), 3) == D(2030, 10, 10)
    with pytest.raises(UnknownYearError):
        cal.is_working_day(D(2029, 12, 31))


def test_explicit_year_without_special_days_is_known() -> None:
    cal = LegalCalendar.from_sets({2030: set()})
    assert cal.is_working_day(D(2030, 10, 1)) is True  # nothing loaded as a holiday
    assert cal.is_working_day(D(2030, 10, 5)) is False  # Saturday


def test_years_are_derived_from_rules_unless_given() -> None:
    spill = DayRule(D(2029, 12, 30), "holiday", "元旦")  # notice for 2030 spills into 2029
    rules = [spill, DayRule(D(2030, 1, 1), "holiday", "元旦")]
    assert LegalCalendar(rules).known_years == (2029, 2030)
    strict = LegalCalendar(rules, years=[2030])
    assert strict.known_years == (2030,)
    with pytest.raises(UnknownYearError):
        strict.is_working_day(D(2029, 12, 30))


def test_conflicting_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="2030-10-01"):
        LegalCalendar([DayRule(D(2030, 10, 1), "holiday"), DayRule(D(2030, 10, 1), "workday")])


def test_bad_rule_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        DayRule(D(2030, 10, 1), "vacation")


def test_with_year_replaces_one_year() -> None:
    cal = _tiny_2030()
    corrected = cal.with_year(2030, [DayRule(D(2030, 10, 1), "holiday", "国庆节")])
    assert corrected.is_working_day(D(2030, 10, 2)) is True
    assert cal.is_working_day(D(2030, 10, 2)) is False  # the original is unchanged
    extended = cal.with_year(2031, [DayRule(D(2031, 1, 1), "holiday", "元旦")])
    assert extended.known_years == (2030, 2031)
    assert extended.is_working_day(D(2031, 1, 1)) is False
    with pytest.raises(ValueError, match="2032-01-01"):
        cal.with_year(2031, [DayRule(D(2032, 1, 1), "holiday")])


# --------------------------------------------------------------------------- rows


def test_rows_round_trip(cal: LegalCalendar) -> None:
    rows = cal.to_rows()
    assert {"date": D(2026, 2, 14), "kind": "workday", "name": "春节"} in rows
    assert {"date": D(2026, 10, 1), "kind": "holiday", "name": "国庆节"} in rows
    again = LegalCalendar.from_rows(rows)
    assert again == cal
    assert again.known_years == cal.known_years
    assert again.add_working_days(D(2026, 2, 12), 5) == D(2026, 2, 26)


def test_rows_round_trip_through_json(cal: LegalCalendar) -> None:
    text = json.dumps(
        [{**r, "date": r["date"].isoformat()} for r in cal.to_rows()], ensure_ascii=False
    )
    assert LegalCalendar.from_rows(json.loads(text)) == cal


def test_rows_as_tuples_and_with_explicit_years() -> None:
    rows = [
        ("2030-10-01", "holiday", "国庆节"),
        (D(2030, 10, 12), "workday"),
        ("2029-12-30", "holiday", ""),
    ]
    cal = LegalCalendar.from_rows(rows, years=[2030])
    assert cal.known_years == (2030,)
    assert cal.day_name(D(2030, 10, 1)) == "国庆节"
    assert cal.day_name(D(2030, 10, 12)) == "调休上班"
    assert cal.rules_for_year(2029) == (DayRule(D(2029, 12, 30), "holiday", None),)


def test_bad_row_date_is_refused() -> None:
    with pytest.raises(ValueError, match="2030-13-01"):
        LegalCalendar.from_rows([("2030-13-01", "holiday", "x")])

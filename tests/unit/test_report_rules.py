"""The report rules of domain/reports.py: periods, categories, cycle arithmetic, the 当庭调解 default."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribunal.domain.enums import CaseOutcome, CaseType
from tribunal.domain.reports import (
    CAUSE_OF,
    DEFINITIONS,
    METHOD_OF,
    Period,
    StatCause,
    StatMethod,
    check_period,
    cycle_days,
    median,
    mediated_on_site_by_default,
    month_period,
    months_between,
    net_cycle_days,
    period_for,
    quarter_period,
    rate,
    same_period_last_year,
    year_period,
)

D = dt.date


def test_presets_from_a_day():
    today = D(2026, 11, 27)
    assert period_for("this_month", today) == Period(D(2026, 11, 1), D(2026, 11, 30))
    assert period_for("last_month", today) == Period(D(2026, 10, 1), D(2026, 10, 31))
    assert period_for("last_month", D(2026, 1, 15)) == Period(D(2025, 12, 1), D(2025, 12, 31))
    assert period_for("this_quarter", today) == quarter_period(2026, 4) == Period(D(2026, 10, 1), D(2026, 12, 31))
    assert period_for("this_year", today) == year_period(2026)
    with pytest.raises(ValueError):
        period_for("next_year", today)


def test_labels():
    assert month_period(2026, 11).label == "2026年11月"
    assert quarter_period(2026, 2).label == "2026年第二季度"
    assert year_period(2026).label == "2026年"
    assert Period(D(2026, 3, 1), D(2026, 5, 31)).label == "2026年3月至5月"
    assert Period(D(2026, 3, 2), D(2026, 5, 15)).label == "2026-03-02至2026-05-15"


def test_same_period_last_year_keeps_february_whole():
    assert same_period_last_year(month_period(2028, 2)) == month_period(2027, 2)
    assert same_period_last_year(Period(D(2028, 2, 29), D(2028, 2, 29))).start == D(2027, 2, 28)
    assert same_period_last_year(Period(D(2026, 11, 1), D(2026, 11, 12))) == Period(D(2025, 11, 1), D(2025, 11, 12))


def test_check_period():
    today = D(2026, 11, 27)
    assert check_period(D(2026, 11, 1), D(2026, 11, 30), today) is None  # running: counted to today
    assert check_period(D(2024, 3, 1), D(2024, 3, 31), today) is None  # past and empty is fine
    assert check_period(D(2026, 11, 30), D(2026, 11, 1), today).field == "to"
    assert check_period(D(2026, 12, 1), D(2026, 12, 31), today).field == "from"


def test_every_case_type_and_outcome_has_its_column():
    assert set(CAUSE_OF) == set(CaseType)
    assert set(METHOD_OF) == set(CaseOutcome)
    assert CAUSE_OF[CaseType.WORK_INJURY] == StatCause.SOCIAL_INSURANCE
    assert METHOD_OF[CaseOutcome.DEEMED_WITHDRAWN] == StatMethod.WITHDRAWAL
    assert all(text.strip() for text in DEFINITIONS.values())


def test_rates_and_medians_of_nothing_are_undefined():
    assert rate(0, 0) is None and rate(1, 4) == 0.25
    assert median([]) is None and median([9, 16, 18, 21, 52, 85]) == 19.5


def test_cycle_less_suspension_days():
    # Accepted 09-01, closed 11-25 (85 days); suspended 09-10..10-30 (51 days) → 34 net.
    assert cycle_days(D(2026, 9, 1), D(2026, 11, 25)) == 85
    assert net_cycle_days(D(2026, 9, 1), D(2026, 11, 25), [(D(2026, 9, 10), D(2026, 10, 30))]) == 34
    # A suspension still open at closing counts up to the closing day; overlaps count once.
    assert net_cycle_days(D(2026, 9, 1), D(2026, 9, 30),
                          [(D(2026, 9, 21), None), (D(2026, 9, 25), D(2026, 10, 5))]) == 19


@settings(max_examples=60)
@given(st.dates(D(2020, 1, 1), D(2030, 1, 1)), st.integers(0, 200),
       st.lists(st.tuples(st.integers(-30, 230), st.integers(0, 60), st.booleans()), max_size=4))
def test_net_cycle_never_negative_nor_longer_than_the_cycle(accepted, length, spans):
    closed = accepted + dt.timedelta(days=length)
    intervals = [(accepted + dt.timedelta(days=a), None if open_ else accepted + dt.timedelta(days=a + n))
                 for a, n, open_ in spans]
    net = net_cycle_days(accepted, closed, intervals)
    assert 0 <= net <= cycle_days(accepted, closed)


def test_on_site_mediation_default():
    days = [D(2026, 11, 5)]
    assert mediated_on_site_by_default(CaseOutcome.MEDIATED, D(2026, 11, 5), days)
    assert not mediated_on_site_by_default(CaseOutcome.MEDIATED, D(2026, 11, 6), days)
    assert not mediated_on_site_by_default(CaseOutcome.AWARDED, D(2026, 11, 5), days)


def test_months_between():
    assert months_between(D(2025, 11, 20), D(2026, 2, 1)) == [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]

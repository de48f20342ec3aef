"""Claim calculators against examples worked by hand, with the statutory boundaries.

All wage parameters here are INVENTED for the tests (area "测试市", source "虚构文件（测试用）"):
average monthly wage 6,000.00 yuan (so the 3× cap is 18,000.00), minimum wage 1,800.00 yuan.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribunal.domain import calculators as calc
from tribunal.domain.calculators import Pre2008Rule
from tribunal.domain.wage_parameters import (
    ParameterKind,
    ParameterTable,
    ParameterUnit,
    WageParameter,
)
from tribunal.errors import MissingParameter, ValidationError

AREA = "测试市"
SOURCE = "虚构文件（测试用，非官方数据）"
D = dt.date


def yuan(amount: str) -> int:
    whole, _, cents = amount.partition(".")
    return int(whole.replace(",", "")) * 100 + int(cents.ljust(2, "0"))


def param(kind: ParameterKind, value: int, *, grade: int | None = None, unit: ParameterUnit = ParameterUnit.FEN,
          ) -> WageParameter:
    return WageParameter(kind, AREA, D(1990, 1, 1), None, value, unit, SOURCE, grade)


TABLE = ParameterTable([
    param(ParameterKind.AVERAGE_WAGE, yuan("6000")),
    param(ParameterKind.MINIMUM_WAGE, yuan("1800")),
    param(ParameterKind.INJURY_MEDICAL, 600, grade=7, unit=ParameterUnit.MONTHS_AVERAGE),  # 6 months of average
    param(ParameterKind.INJURY_EMPLOYMENT, 900, grade=7, unit=ParameterUnit.MONTHS_OWN),  # 9 months of own wage
    param(ParameterKind.INJURY_MEDICAL, yuan("50000"), grade=5),  # a fixed sum
    param(ParameterKind.INJURY_EMPLOYMENT, 1850, grade=5, unit=ParameterUnit.MONTHS_AVERAGE),  # 18.5 months
])


def severance(start: dt.date, end: dt.date, wage: str, pre2008: Pre2008Rule | None = None) -> calc.Calculation:
    return calc.severance(start=start, end=end, monthly_wage_fen=yuan(wage), area=AREA, table=TABLE, pre2008=pre2008)


# ---------------------------------------------------------------- service time


def test_service_span_counts_whole_months_then_days():
    assert calc.service_span(D(2020, 3, 1), D(2020, 3, 31)) == calc.ServiceSpan(D(2020, 3, 1), D(2020, 3, 31), 1, 0)
    assert calc.service_span(D(2020, 3, 1), D(2021, 2, 28)).months == 12
    span = calc.service_span(D(2020, 1, 31), D(2020, 3, 5))  # 1-31 → 2-29 is one month, then 3-1 … 3-5
    assert (span.months, span.days) == (1, 6)
    assert calc.service_span(D(2020, 3, 1), D(2020, 3, 1)) == calc.ServiceSpan(D(2020, 3, 1), D(2020, 3, 1), 0, 1)


# ---------------------------------------------------------------- 经济补偿


def test_severance_nine_and_a_half_years_counts_ten_months():
    # 2015-03-01 … 2024-08-31: 9 years 6 months → 6 months or more counts as a year → 10 × 8,000.
    result = severance(D(2015, 3, 1), D(2024, 8, 31), "8000")
    assert result.total_fen == yuan("80000")
    assert result.mark == "参考计算"
    assert "9年6个月" in result.items[0].detail and "计10个月" in result.items[0].detail
    names = [p.name for p in result.parameters]
    assert "测试市上年度职工月平均工资" in names and "测试市月最低工资标准" in names
    assert all(p.source for p in result.parameters)


def test_severance_exactly_six_months_is_a_full_month_and_a_day_less_is_half():
    assert severance(D(2020, 3, 1), D(2020, 8, 31), "5000").total_fen == yuan("5000")
    assert severance(D(2020, 3, 1), D(2020, 8, 30), "5000").total_fen == yuan("2500")
    assert severance(D(2020, 3, 1), D(2020, 3, 1), "5000").total_fen == yuan("2500")  # a single day: half a month


def test_severance_high_earner_cap_and_twelve_years():
    # Exactly 12 years, wage above 3 × 6,000: capped at 18,000 × 12.
    capped = severance(D(2010, 1, 1), D(2021, 12, 31), "20000")
    assert capped.total_fen == yuan("216000")
    assert "高于上年度职工月平均工资三倍" in capped.items[0].detail
    # 15 years above the cap: still 12 years.
    long = severance(D(2008, 1, 1), D(2022, 12, 31), "18000.01")
    assert long.total_fen == yuan("216000")
    assert any("按十二年计算" in n for n in long.notes)
    # Exactly three times is not "above": no cap on the wage nor the years.
    assert severance(D(2008, 1, 1), D(2022, 12, 31), "18000").total_fen == yuan("270000")


def test_severance_wage_below_minimum_uses_the_minimum_wage():
    result = severance(D(2020, 1, 1), D(2021, 12, 31), "1500")
    assert result.total_fen == yuan("3600")  # 2 × 1,800
    assert "第二十七条" in result.items[0].detail


def test_severance_service_split_at_2008():
    # 2005-07-01 … 2007-12-31: 2 years 6 months → old rules: part year as a full year → 3 months.
    # 2008-01-01 … 2010-03-31: 2 years 3 months → art. 47: 2.5 months. 4,000 × 5.5 = 22,000.
    result = severance(D(2005, 7, 1), D(2010, 3, 31), "4000", Pre2008Rule.UNCAPPED)
    assert [i.amount_fen for i in result.items] == [yuan("12000"), yuan("10000")]
    assert result.total_fen == yuan("22000")
    # When the rules then in force gave nothing for this ending, only the post-2008 part counts.
    assert severance(D(2005, 7, 1), D(2010, 3, 31), "4000", Pre2008Rule.NONE).total_fen == yuan("10000")
    # 18 pre-2008 years under a 12-month limit (agreed ending): 12 months.
    capped = severance(D(1990, 1, 1), D(2008, 6, 30), "4000", Pre2008Rule.CAPPED_12)
    assert [i.amount_fen for i in capped.items] == [yuan("48000"), yuan("4000")]
    # One day before 2008 counts as a year under the old rules; the cap never touches that part.
    edge = severance(D(2007, 12, 31), D(2008, 1, 31), "30000", Pre2008Rule.UNCAPPED)
    # 2008-01 is one month: half a month of the capped 18,000.
    assert [i.amount_fen for i in edge.items] == [yuan("30000"), yuan("9000")]
    with pytest.raises(ValidationError) as caught:
        severance(D(2007, 12, 31), D(2008, 1, 31), "3000")
    assert "pre2008" in caught.value.fields


def test_severance_missing_parameter_is_asked_for():
    empty = ParameterTable([param(ParameterKind.MINIMUM_WAGE, yuan("1800"))])
    with pytest.raises(MissingParameter, match="测试市在 2024-08-31 适用的上年度职工月平均工资尚未录入"):
        calc.severance(start=D(2015, 3, 1), end=D(2024, 8, 31), monthly_wage_fen=yuan("8000"), area=AREA, table=empty)
    with pytest.raises(MissingParameter, match="别的市"):
        calc.severance(start=D(2015, 3, 1), end=D(2024, 8, 31), monthly_wage_fen=yuan("8000"), area="别的市",
                       table=TABLE)


def test_severance_refuses_bad_input():
    with pytest.raises(ValidationError):
        severance(D(2020, 3, 1), D(2020, 2, 1), "5000")
    with pytest.raises(ValidationError):
        severance(D(2020, 3, 1), D(2020, 4, 1), "0")


# ---------------------------------------------------------------- 赔偿金, 代通知金


def test_damages_are_twice_art47_counted_from_the_first_day():
    # 2005-07-01 … 2010-03-31: 4 years 9 months → 5 months × 4,000 = 20,000; × 2.
    result = calc.unlawful_termination_damages(start=D(2005, 7, 1), end=D(2010, 3, 31), monthly_wage_fen=yuan("4000"),
                                               area=AREA, table=TABLE)
    assert [i.amount_fen for i in result.items] == [yuan("20000"), yuan("40000")]
    assert result.total_fen == yuan("40000")
    capped = calc.unlawful_termination_damages(start=D(2000, 1, 1), end=D(2020, 12, 31), monthly_wage_fen=yuan("30000"),
                                               area=AREA, table=TABLE)
    assert capped.total_fen == 2 * 12 * yuan("18000")


def test_notice_pay_is_last_months_wage():
    result = calc.notice_pay(last_month_wage_fen=yuan("6543.21"))
    assert result.total_fen == yuan("6543.21")
    assert "第二十条" in result.basis


# ---------------------------------------------------------------- 二倍工资


def test_unsigned_contract_at_most_eleven_months():
    # Never signed: from 2023-04-01 to 2024-02-29 (the day before the full year): 11 months.
    result = calc.unsigned_contract(start=D(2023, 3, 1), until=D(2024, 6, 30), monthly_wage_fen=yuan("5000"))
    assert result.total_fen == yuan("55000")
    assert any("无固定期限" in n for n in result.notes)


def test_unsigned_contract_until_the_day_before_signing_with_a_part_month():
    # Signed 2023-05-16: 2023-04-01 … 05-15 = 1 month + 05-01 … 05-15 (11 weekdays): 5,000 + 5,000 ÷ 21.75 × 11.
    result = calc.unsigned_contract(start=D(2023, 3, 1), until=D(2024, 6, 30), monthly_wage_fen=yuan("5000"),
                                    signed_on=D(2023, 5, 16))
    assert [i.amount_fen for i in result.items] == [yuan("5000"), yuan("2528.74")]
    assert result.total_fen == yuan("7528.74")


def test_unsigned_contract_within_the_first_month_is_nothing():
    assert calc.unsigned_contract(start=D(2023, 3, 1), until=D(2023, 3, 31), monthly_wage_fen=yuan("5000")).total_fen == 0
    assert calc.unsigned_contract(start=D(2023, 3, 1), until=D(2023, 4, 1), monthly_wage_fen=yuan("5000"),
                                  signed_on=D(2023, 4, 1)).total_fen == 0


# ---------------------------------------------------------------- 加班费


def test_overtime_150_200_300():
    # 4,350 ÷ 21.75 ÷ 8 = 25.00 an hour.
    result = calc.overtime(monthly_wage_fen=yuan("4350"), workday_hours=Fraction(10), rest_day_hours=Fraction(8),
                           holiday_hours=Fraction(8))
    assert [i.amount_fen for i in result.items] == [yuan("375"), yuan("400"), yuan("600")]
    assert result.total_fen == yuan("1375")
    # Not rounded before multiplying: 5,000 ÷ 21.75 ÷ 8 × 36.5 h × 1.5 = 1,573.2758… → 1,573.28.
    assert calc.overtime(monthly_wage_fen=yuan("5000"), workday_hours=Fraction(73, 2)).total_fen == yuan("1573.28")
    with pytest.raises(ValidationError):
        calc.overtime(monthly_wage_fen=yuan("5000"))
    with pytest.raises(ValidationError):
        calc.overtime(monthly_wage_fen=yuan("5000"), workday_hours=Fraction(-1))


# ---------------------------------------------------------------- 未休年休假


@pytest.mark.parametrize(("years", "days"), [(0, 0), (1, 5), (9, 5), (10, 10), (19, 10), (20, 15), (35, 15)])
def test_leave_entitlement_by_cumulative_years(years, days):
    assert calc.leave_entitlement(years) == days


@pytest.mark.parametrize(("years", "amount"), [(1, "2000"), (10, "4000"), (20, "6000")])
def test_annual_leave_full_year_pays_the_extra_200_percent(years, amount):
    # 4,350 ÷ 21.75 = 200 a day; 5/10/15 days × 200 × 200 %.
    result = calc.annual_leave(monthly_wage_fen=yuan("4350"), cumulative_years=years, year=2024)
    assert result.total_fen == yuan(amount)


def test_annual_leave_pro_rata_when_leaving_and_joining():
    # Left 2024-06-30: 182 days ÷ 365 × 10 = 4.98… → 4 days (part days not paid) × 200 × 2 = 1,600.
    left = calc.annual_leave(monthly_wage_fen=yuan("4350"), cumulative_years=10, year=2024, left_on=D(2024, 6, 30))
    assert left.total_fen == yuan("1600")
    # … with 3 days already arranged: 4.98 − 3 = 1.98 → 1 day.
    assert calc.annual_leave(monthly_wage_fen=yuan("4350"), cumulative_years=10, year=2024, left_on=D(2024, 6, 30),
                             days_taken=3).total_fen == yuan("400")
    # Joined 2024-07-01: 184 remaining days ÷ 365 × 5 = 2.52 → 2 days × 400 = 800.
    joined = calc.annual_leave(monthly_wage_fen=yuan("4350"), cumulative_years=5, year=2024, joined_on=D(2024, 7, 1))
    assert joined.total_fen == yuan("800")
    # More leave taken than due: nothing, never negative.
    assert calc.annual_leave(monthly_wage_fen=yuan("4350"), cumulative_years=5, year=2024,
                             days_taken=9).total_fen == 0
    with pytest.raises(ValidationError):
        calc.annual_leave(monthly_wage_fen=yuan("4350"), cumulative_years=5, year=2024, left_on=D(2023, 6, 30))


# ---------------------------------------------------------------- 工伤


def injury(**kw):
    args = {"grade": None, "own_wage_fen": yuan("5000"), "injury_date": D(2023, 5, 10), "area": AREA, "table": TABLE}
    args.update(kw)
    return calc.injury(**args)


def test_disability_lump_sum_grade_1_and_grade_10():
    assert injury(grade=1).total_fen == yuan("135000")  # 27 × 5,000
    assert injury(grade=10).total_fen == yuan("35000")  # 7 × 5,000
    assert [calc.DISABILITY_MONTHS[g] for g in range(1, 11)] == [27, 25, 23, 21, 18, 16, 13, 11, 9, 7]


def test_own_wage_bounded_to_60_and_300_percent_of_the_average():
    assert injury(grade=10, own_wage_fen=yuan("20000")).total_fen == yuan("126000")  # 18,000 × 7
    assert injury(grade=1, own_wage_fen=yuan("3000")).total_fen == yuan("97200")  # 3,600 × 27


def test_stop_work_wage_months_and_days():
    # 4,350 × 3 + 4,350 ÷ 21.75 × 5 = 13,050 + 1,000.
    result = injury(stop_work_wage_fen=yuan("4350"), stop_work_months=3, stop_work_days=5)
    assert result.total_fen == yuan("14050")
    with pytest.raises(ValidationError):
        injury(stop_work_wage_fen=yuan("4350"), stop_work_months=25)
    assert any("超过12个月" in n for n in injury(stop_work_wage_fen=yuan("4350"), stop_work_months=13).notes)


def test_provincial_lump_sums_from_the_commissions_table():
    # Grade 7: 13 × 5,000; medical 6 months × 6,000 average; employment 9 months × 5,000 own wage.
    result = injury(grade=7, ended_on=D(2024, 1, 31))
    assert [i.amount_fen for i in result.items] == [yuan("65000"), yuan("36000"), yuan("45000")]
    # Grade 5: 18 × 5,000; medical a fixed 50,000; employment 18.5 × 6,000.
    result = injury(grade=5, ended_on=D(2024, 1, 31))
    assert [i.amount_fen for i in result.items] == [yuan("90000"), yuan("50000"), yuan("111000")]
    with pytest.raises(MissingParameter, match="8级伤残的一次性工伤医疗补助金标准"):
        injury(grade=8, ended_on=D(2024, 1, 31))
    with pytest.raises(ValidationError):
        injury(grade=3, ended_on=D(2024, 1, 31))


# ---------------------------------------------------------------- properties


dates = st.dates(min_value=D(2008, 1, 1), max_value=D(2040, 12, 31))
wages = st.integers(min_value=1, max_value=yuan("200000"))


@settings(max_examples=60)
@given(start=dates, days=st.integers(0, 12000), more=st.integers(1, 4000), wage=wages)
def test_severance_never_falls_as_service_grows(start, days, more, wage):
    end = start + dt.timedelta(days=days)
    shorter = calc.severance(start=start, end=end, monthly_wage_fen=wage, area=AREA, table=TABLE)
    longer = calc.severance(start=start, end=end + dt.timedelta(days=more), monthly_wage_fen=wage, area=AREA,
                            table=TABLE)
    assert longer.total_fen >= shorter.total_fen


@settings(max_examples=60)
@given(start=dates, days=st.integers(0, 15000), wage=wages)
def test_severance_never_exceeds_the_cap(start, days, wage):
    result = calc.severance(start=start, end=start + dt.timedelta(days=days), monthly_wage_fen=wage, area=AREA,
                            table=TABLE)
    if wage > 3 * yuan("6000"):
        assert result.total_fen <= 12 * 3 * yuan("6000")
    damages = calc.unlawful_termination_damages(start=start, end=start + dt.timedelta(days=days),
                                                monthly_wage_fen=wage, area=AREA, table=TABLE)
    assert damages.total_fen == 2 * result.total_fen


@settings(max_examples=40)
@given(years=st.integers(0, 59), wage=wages)
def test_annual_leave_never_falls_with_more_years(years, wage):
    a = calc.annual_leave(monthly_wage_fen=wage, cumulative_years=years, year=2024).total_fen
    b = calc.annual_leave(monthly_wage_fen=wage, cumulative_years=years + 1, year=2024).total_fen
    assert b >= a


@settings(max_examples=40)
@given(grade=st.integers(1, 10), wage=wages)
def test_disability_lump_sum_stays_within_60_and_300_percent_of_the_average(grade, wage):
    months = calc.DISABILITY_MONTHS[grade]
    total = injury(grade=grade, own_wage_fen=wage).total_fen
    assert months * yuan("3600") <= total <= months * yuan("18000")

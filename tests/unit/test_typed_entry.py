"""Times and dates typed the way clerks type them are read as meant; anything else is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tribunal.domain.typed_entry import format_date, format_time, parse_date, parse_time

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(("typed", "meant"), [
    ("930", dt.time(9, 30)), ("0930", dt.time(9, 30)), ("9:30", dt.time(9, 30)),
    ("09:30", dt.time(9, 30)), ("9：30", dt.time(9, 30)), ("9.30", dt.time(9, 30)),
    ("14", dt.time(14, 0)), ("9", dt.time(9, 0)), ("0", dt.time(0, 0)), ("1430", dt.time(14, 30)),
    (" 14:05 ", dt.time(14, 5)), ("１４：３０", dt.time(14, 30)), ("9点", dt.time(9, 0)),
    ("9点半", dt.time(9, 30)), ("9点30分", dt.time(9, 30)), ("9时30分", dt.time(9, 30)),
    ("下午2点", dt.time(14, 0)), ("下午2:30", dt.time(14, 30)), ("下午14:30", dt.time(14, 30)),
    ("上午9点", dt.time(9, 0)), ("中午12点", dt.time(12, 0)), ("2359", dt.time(23, 59)),
])
def test_times_as_clerks_type_them(typed: str, meant: dt.time) -> None:
    assert parse_time(typed) == meant


@pytest.mark.parametrize(("typed", "says"), [
    ("", "请填写时间"), ("  ", "请填写时间"), ("25", "没有"), ("9:60", "没有"), ("2400", "没有"),
    ("abc", "看不懂"), ("9:30:00", "看不懂"), ("12345", "看不懂"), ("上午15点", "上午没有"),
    ("-930", "看不懂"),
])
def test_times_that_cannot_be_meant_are_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_time(typed)


@pytest.mark.parametrize(("typed", "meant"), [
    ("2027-1-1", dt.date(2027, 1, 1)), ("2027-01-01", dt.date(2027, 1, 1)),
    ("2027/1/1", dt.date(2027, 1, 1)), ("2027.1.1", dt.date(2027, 1, 1)),
    ("20270101", dt.date(2027, 1, 1)), ("2027年1月1日", dt.date(2027, 1, 1)),
    ("2027年1月1号", dt.date(2027, 1, 1)), ("２０２７年１月１日", dt.date(2027, 1, 1)),
    ("2024-2-29", dt.date(2024, 2, 29)), ("3-15", dt.date(2026, 3, 15)),
    ("3月15日", dt.date(2026, 3, 15)), (" 2027年12月31日 ", dt.date(2027, 12, 31)),
])
def test_dates_as_clerks_type_them(typed: str, meant: dt.date) -> None:
    assert parse_date(typed, today=TODAY) == meant


@pytest.mark.parametrize(("typed", "says"), [
    ("", "请填写日期"), ("2027-2-29", "没有"), ("2027-13-1", "没有"), ("2027-0-1", "没有"),
    ("27-1-1", "看不懂"), ("明天", "看不懂"), ("0999-01-01", "年份"), ("2027--1-1", "看不懂"),
])
def test_dates_that_cannot_be_meant_are_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_date(typed, today=TODAY)


def test_a_date_without_a_year_needs_a_today() -> None:
    with pytest.raises(ValueError, match="看不懂"):
        parse_date("3-15")


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_every_time_reads_back_in_every_written_form(time: dt.time) -> None:
    forms = {format_time(time), f"{time.hour}:{time.minute:02d}", f"{time.hour}{time.minute:02d}",
             f"{time.hour}点{time.minute}分", f"{time.hour:02d}：{time.minute:02d}"}
    for form in forms:
        assert parse_time(form) == time, form


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_date_reads_back_in_every_written_form(day: dt.date) -> None:
    forms = {format_date(day), f"{day.year}-{day.month}-{day.day}", f"{day:%Y%m%d}",
             f"{day.year}年{day.month}月{day.day}日", f"{day.year}/{day.month}/{day.day}"}
    for form in forms:
        assert parse_date(form) == day, form


@given(st.text(max_size=12))
def test_anything_typed_is_read_or_refused_with_a_chinese_message(text: str) -> None:
    for parse in (parse_time, lambda t: parse_date(t, today=TODAY)):
        try:
            parse(text)
        except ValueError as error:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error)), str(error)

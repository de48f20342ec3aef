"""Times and dates as clerks type them: "930", "9:30", "14", "下午2点半", "2027-1-1", "2027年1月1日".

The GUI's date and time fields keep what is typed as text and read it with these functions
when the field is left or Enter is pressed, so that half-typed values never count.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tribunal.texts import msg

__all__ = ["format_date", "format_time", "parse_date", "parse_time"]

# 上午 9:30, 下午 2 点: the afternoon words add twelve hours to an hour below twelve.
# The morning words are kept (shift -1) only to refuse "上午 15 点".
_DAY_PARTS = (*((word, -1) for word in ("上午", "早上", "早晨", "凌晨", "AM", "am")),
              *((word, 12) for word in ("下午", "晚上", "傍晚", "中午", "PM", "pm")))

# "9:30", "9.30", "9点30", "9时30分", "9点半", "9点", "9时".
_SEPARATED_TIME = re.compile(r"(\d{1,2})(?::|\.|点|时)(?:(\d{1,2})分?|(半))?")
# "9", "14", "930", "0930", "1430".
_DIGITS_TIME = re.compile(r"\d{1,4}")

# "2027-1-1", "2027/1/1", "2027.1.1", "2027 1 1", "2027年1月1日", "2027年1月1号".
_SEPARATED_DATE = re.compile(r"(\d{4})(?:[-/.\s]|年)(\d{1,2})(?:[-/.\s]|月)(\d{1,2})(?:日|号)?")
# "1-1", "1月1日": this year.
_SHORT_DATE = re.compile(r"(\d{1,2})(?:[-/.]|月)(\d{1,2})(?:日|号)?")
_DIGITS_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")

TIME_EXAMPLES = msg("9:30、930、14 或 下午2点")
DATE_EXAMPLES = msg("2027-1-1、20270101 或 2027年1月1日")


def _tidy(text: str) -> str:
    # NFKC turns full-width digits and the full-width colon "：" into ASCII.
    return unicodedata.normalize("NFKC", text or "").strip()


def parse_time(text: str) -> dt.time:
    """Read a time of day as typed.

    "14" is 14:00; three or four digits are hours and minutes ("930" → 09:30, "1430" →
    14:30); "9:30", "9.30", "9点30分", "9点半" and "下午2点" are read as written.

    Args:
        text: What was typed.

    Returns:
        The time, to the minute.

    Raises:
        ValueError: With a Chinese message saying what is wrong and how to write it.
    """
    tidy = re.sub(r"\s+", "", _tidy(text))
    if not tidy:
        raise ValueError(msg("请填写时间"))
    shift = 0
    for word, hours in _DAY_PARTS:
        if tidy.startswith(word):
            tidy, shift = tidy.removeprefix(word), hours
            break
    hour: int
    minute: int
    separated = _SEPARATED_TIME.fullmatch(tidy)
    if separated:
        hour = int(separated.group(1))
        minute = 30 if separated.group(3) else int(separated.group(2) or 0)
    elif _DIGITS_TIME.fullmatch(tidy):
        if len(tidy) <= 2:
            hour, minute = int(tidy), 0
        else:
            hour, minute = int(tidy[:-2]), int(tidy[-2:])
    else:
        raise ValueError(msg("看不懂时间“{strip}”，请写成 {TIME_EXAMPLES}", strip=text.strip(), TIME_EXAMPLES=TIME_EXAMPLES))
    if shift == 12 and 1 <= hour < 12:
        hour += 12
    elif shift == -1 and hour > 12:
        raise ValueError(msg("时间“{strip}”前后矛盾：上午没有 {hour} 点", strip=text.strip(), hour=hour))
    if hour > 23 or minute > 59:
        raise ValueError(msg("没有“{strip}”这个时间：小时为 0–23，分钟为 0–59", strip=text.strip()))
    return dt.time(hour, minute)


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """Read a calendar date as typed.

    "2027-1-1", "2027/01/01", "2027.1.1", "20270101" and "2027年1月1日" are all 1 January
    2027; without a year ("1-1", "1月1日") the date is in the year of ``today``.

    Args:
        text: What was typed.
        today: The day that gives the year when none is typed (default: no short form).

    Returns:
        The date.

    Raises:
        ValueError: With a Chinese message saying what is wrong and how to write it.
    """
    tidy = _tidy(text)
    if not tidy:
        raise ValueError(msg("请填写日期"))
    match = _SEPARATED_DATE.fullmatch(tidy) or _DIGITS_DATE.fullmatch(tidy)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        short = _SHORT_DATE.fullmatch(tidy)
        if short is None or today is None:
            raise ValueError(msg("看不懂日期“{strip}”，请写成 {DATE_EXAMPLES}", strip=text.strip(), DATE_EXAMPLES=DATE_EXAMPLES))
        year, month, day = today.year, int(short.group(1)), int(short.group(2))
    if not dt.MINYEAR <= year <= dt.MAXYEAR or year < 1900:
        raise ValueError(msg("日期“{strip}”的年份不对，请写四位年份，如 {DATE_EXAMPLES}", strip=text.strip(), DATE_EXAMPLES=DATE_EXAMPLES))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(msg("没有“{strip}”这一天：请核对月份和日", strip=text.strip())) from None


def format_time(value: dt.time) -> str:
    """A time as the fields show it: 09:30."""
    return f"{value:%H:%M}"


def format_date(value: dt.date) -> str:
    """A date as the fields show it: 2027-01-01."""
    return value.isoformat()

"""How dates, times and amounts are written in the documents (二〇二六年…, 上午9时30分, 约5.6万元)."""

from __future__ import annotations

import datetime as dt

__all__ = [
    "approx_yuan",
    "arabic_date",
    "chinese_date",
    "clock",
    "day_with_weekday",
    "hearing_time",
    "month_text",
    "signature_date",
    "time_span",
    "weekday",
]

_DIGITS = "〇一二三四五六七八九"
_WEEKDAYS = "一二三四五六日"


def _chinese_number(n: int) -> str:
    """1–31 in Chinese numerals as dates use them: 九, 十, 十二, 二十, 三十一."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


def chinese_date(day: dt.date) -> str:
    """Signature-style date in Chinese numerals: 2026-12-09 → 二〇二六年十二月九日."""
    year = "".join(_DIGITS[int(c)] for c in f"{day.year:04d}")
    return f"{year}年{_chinese_number(day.month)}月{_chinese_number(day.day)}日"


def arabic_date(day: dt.date) -> str:
    """Date in Arabic numerals without leading zeros: 2026年12月9日."""
    return f"{day.year}年{day.month}月{day.day}日"


def signature_date(day: dt.date, style: str = "chinese") -> str:
    """The date under a signature: Chinese numerals by default, Arabic when ``style`` is "arabic"."""
    return arabic_date(day) if style == "arabic" else chinese_date(day)


def month_text(day: dt.date) -> str:
    """Month-level date for teaching material: 2026年11月."""
    return f"{day.year}年{day.month}月"


def weekday(day: dt.date) -> str:
    """星期一 … 星期日."""
    return f"星期{_WEEKDAYS[day.weekday()]}"


def day_with_weekday(day: dt.date) -> str:
    """2026年12月9日（星期三）."""
    return f"{arabic_date(day)}（{weekday(day)}）"


def _period(hour: int) -> str:
    if hour < 6:
        return "凌晨"
    if hour < 12:
        return "上午"
    if hour < 13:
        return "中午"
    if hour < 18:
        return "下午"
    return "晚上"


def clock(moment: dt.datetime) -> str:
    """Time of day as notices write it: 上午9时30分, 下午2时00分, 中午12时30分."""
    hour = moment.hour if moment.hour <= 12 else moment.hour - 12
    return f"{_period(moment.hour)}{hour}时{moment.minute:02d}分"


def hearing_time(moment: dt.datetime) -> str:
    """2026年12月9日（星期三）上午9时30分."""
    return f"{day_with_weekday(moment.date())}{clock(moment)}"


def time_span(start: dt.datetime, end: dt.datetime) -> str:
    """A schedule slot in 24-hour digits: 9:30—11:30."""
    return f"{start.hour}:{start.minute:02d}—{end.hour}:{end.minute:02d}"


def approx_yuan(fen: int | None) -> str:
    """A rounded amount for teaching material, so no exact figure identifies the case.

    Under 10,000 yuan: to the hundred (约3,500元); from 10,000 yuan: in 万 with one decimal
    (约5.6万元, 约12万元). None or zero → "".
    """
    if not fen or fen <= 0:
        return ""
    yuan = fen / 100
    hundreds = max(100, round(yuan / 100) * 100)
    if hundreds < 10_000:
        return f"约{hundreds:,}元"
    wan = round(yuan / 10_000, 1)
    text = f"{wan:.1f}".rstrip("0").rstrip(".")
    return f"约{text}万元"

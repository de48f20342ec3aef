"""The domain's input limits as the services raise them: a refused value is a ValidationError."""

from __future__ import annotations

import datetime as dt

from tribunal.domain import inputs
from tribunal.errors import ValidationError
from tribunal.texts import reason_of


def search_text(text: str, field: str = "search") -> str:
    """A search box's words, or a ValidationError when the text is too long or holds control characters."""
    try:
        return inputs.check_search_text(text)
    except inputs.InputError as exc:
        raise ValidationError(reason_of(exc), {field: reason_of(exc)}) from None


def record_id(value: int, what: str = "编号", field: str = "id") -> int:
    """A record id in the database's range, or a ValidationError."""
    try:
        return inputs.check_record_id(value, what)
    except inputs.InputError as exc:
        raise ValidationError(reason_of(exc), {field: reason_of(exc)}) from None


def year(value: int, what: str = "年份", field: str = "year") -> int:
    """A year within 1900–2099, or a ValidationError."""
    try:
        return inputs.check_year(value, what)
    except inputs.InputError as exc:
        raise ValidationError(reason_of(exc), {field: reason_of(exc)}) from None


def date(value: dt.date, what: str = "日期", field: str = "date") -> dt.date:
    """A date within 1900–2099, or a ValidationError (a date near 9999 overflows any period)."""
    if not inputs.DATE_MIN <= value <= inputs.DATE_MAX:
        message = f"{what}应在 {inputs.DATE_MIN} 到 {inputs.DATE_MAX} 之间：{value}"
        raise ValidationError(message, {field: message})
    return value


def text(value: str, what: str, field: str, *, multiline: bool = False) -> str:
    """Text without direction overrides, or a ValidationError for NUL and control characters."""
    try:
        return inputs.clean_text(value, multiline=multiline, what=what)
    except inputs.InputError as exc:
        raise ValidationError(reason_of(exc), {field: reason_of(exc)}) from None

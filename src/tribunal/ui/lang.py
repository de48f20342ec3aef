"""The interface language in use: which labels enums show and how dates are written."""

from __future__ import annotations

import datetime as dt

from tribunal.domain.enums import LabelledEnum

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark ``source_text`` for translation in ``context`` and return it unchanged.

    The same as PySide6's own ``QT_TRANSLATE_NOOP``, typed as returning ``str`` (the PySide6
    stub says ``object``, so every column heading or label list built with it would need a
    cast). ``pyside6-lupdate`` finds calls by this name wherever the function comes from;
    the text is translated later with ``QCoreApplication.translate(context, text)``.
    """
    return source_text


def set_language(code: str) -> None:
    """Make ``code`` ("zh_CN" or "en") the language of enum labels; anything else means Chinese."""
    global _current
    _current = code if code in LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    """The language code in use ("zh_CN" or "en")."""
    return _current


def is_english() -> bool:
    """True when the interface is in English (no translator loaded)."""
    return _current == "en"


def label(member: LabelledEnum | None) -> str:
    """The clerk-facing label of an enum member in the interface language ("" for None)."""
    if member is None:
        return ""
    return member.label("en" if is_english() else "zh")


def date_text(day: dt.date | None) -> str:
    """A date as lists show it (2026-11-29); "" when there is none."""
    return day.isoformat() if day else ""


def long_date_text(day: dt.date) -> str:
    """A date as a sentence shows it: 2026年11月29日, or 29 Nov 2026 in English."""
    if is_english():
        return f"{day.day} {day:%b} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"

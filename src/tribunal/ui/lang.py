"""The interface language in use: which labels enums show and how dates are written."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from typing import Any

from tribunal import texts
from tribunal.domain.enums import LabelledEnum
from tribunal.resources import translations_dir

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


#: The English catalogue of the texts made below the GUI (``tribunal.texts.msg``), compiled
#: from ``tribunal_texts_en.po`` by scripts/translations.py.
TEXTS_CATALOGUE = "tribunal_texts_en.mo"


@functools.cache
def _english_texts() -> gettext.NullTranslations:
    """The English catalogue of the service texts (an empty one if the file is missing)."""
    try:
        with (translations_dir() / TEXTS_CATALOGUE).open("rb") as file:
            return gettext.GNUTranslations(file)
    except OSError:
        return gettext.NullTranslations()


def english_template(template: str) -> str | None:
    """The English of a service text's Chinese ``template``; None when it has none."""
    english = _english_texts().gettext(template)
    return english if english != template else None


def _english_label(value: Any) -> str | None:
    label = getattr(value, "label", None)
    if isinstance(value, LabelledEnum) or (callable(label) and hasattr(value, "label_en")):
        return str(value.label("en"))
    return None


def text(value: str | None) -> str:
    """A text from the services or domain as the screen shows it, in the interface language.

    Texts made with ``tribunal.texts.msg`` (errors, field reasons, scheduling findings,
    deadline names) are Chinese values; in English they are looked up in the English
    catalogue and formatted again with their parameters, translated in turn. Anything else
    (what the clerk typed, a name) is shown as it is.
    """
    if not value:
        return ""
    if not is_english():
        return str(value)
    return texts.render(value, english_template, _english_label)


def date_text(day: dt.date | None) -> str:
    """A date as lists show it (2026-11-29); "" when there is none."""
    return day.isoformat() if day else ""


def long_date_text(day: dt.date) -> str:
    """A date as a sentence shows it: 2026年11月29日, or 29 Nov 2026 in English."""
    if is_english():
        return f"{day.day} {day:%b} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


_WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def weekday_text(day: dt.date) -> str:
    """周一 … 周日, or Mon … Sun in English."""
    if is_english():
        return _WEEKDAYS_EN[day.weekday()]
    return "周" + _WEEKDAYS_ZH[day.weekday()]


def date_with_weekday(day: dt.date | None) -> str:
    """2026-11-30（周一）, or 2026-11-30 Mon in English; "—" when there is none."""
    if day is None:
        return "—"
    if is_english():
        return f"{day.isoformat()} {weekday_text(day)}"
    return f"{day.isoformat()}（{weekday_text(day)}）"

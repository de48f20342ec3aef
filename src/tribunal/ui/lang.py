"""The interface language in use: which labels enums show and how dates are written."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
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


def versus(applicants: str, respondents: str) -> str:
    """The two sides of a case in a list: ``张三 与 某公司``, or ``Zhang San v. Acme Ltd``."""
    return f"{applicants} v. {respondents}" if is_english() else f"{applicants} 与 {respondents}"


# ------------------------------------------------------------------ statute citations

#: The statutes the program cites, by the name a citation gives them (with or without 中华人民共和国).
STATUTES_EN: dict[str, str] = {
    "劳动争议调解仲裁法": "Labour Dispute Mediation and Arbitration Law",
    "劳动人事争议仲裁办案规则": "Rules for Handling Labour and Personnel Dispute Arbitration Cases",
    "劳动人事争议仲裁组织规则": "Rules on the Organisation of Labour and Personnel Dispute Arbitration",
    "民事诉讼法": "Civil Procedure Law",
    "劳动合同法": "Labour Contract Law",
    "劳动合同法实施条例": "Regulations for the Implementation of the Labour Contract Law",
    "劳动法": "Labour Law",
    "社会保险法": "Social Insurance Law",
    "工伤保险条例": "Regulations on Work-Related Injury Insurance",
    "职工带薪年休假条例": "Regulations on Paid Annual Leave of Employees",
    "企业职工带薪年休假实施办法": "Implementing Measures for Paid Annual Leave of Enterprise Employees",
    "全国年节及纪念日放假办法": "Measures on National Holidays and Memorial Days",
    "工资支付暂行规定": "Provisional Regulations on Wage Payment",
    "违反和解除劳动合同的经济补偿办法": "Measures on Economic Compensation for Breach and Termination of Labour Contracts",
    "个人信息保护法": "Personal Information Protection Law",
    "人民法院法庭规则": "Courtroom Rules of the People's Courts",
}
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_NUMERAL = "[〇零一二两三四五六七八九十百千0-9]+"
_ARTICLE = re.compile(rf"第({_NUMERAL})条(?:第({_NUMERAL})款)?(?:第[（(]({_NUMERAL})[）)]项)?")
_STATUTE = re.compile(r"《(?:中华人民共和国)?([^》]+)》")


def _number(text: str) -> int:
    """A Chinese (or Arabic) numeral as an int: 二百八十三 → 283."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (current or 1) * unit
            current = 0
    return total + current


def _article(match: re.Match[str]) -> str:
    article, paragraph, item = match.groups()
    text = f"Art. {_number(article)}"
    if paragraph:
        text += f"({_number(paragraph)})"
    if item:
        text += f", item {_number(item)}"
    return text


def citation(basis: str | None) -> str:
    """A statute citation in the interface language.

    In English ``《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条``
    reads "Labour Dispute Mediation and Arbitration Law Art. 43; Rules for Handling Labour and
    Personnel Dispute Arbitration Cases Art. 45". Texts made with ``msg`` are translated from the
    catalogue; a citation that cannot be read completely is shown as written.
    """
    if not basis:
        return ""
    if not is_english():
        return str(basis)
    translated = text(basis)
    if translated != str(basis):
        return translated
    english = _STATUTE.sub(lambda m: STATUTES_EN.get(m.group(1), m.group(0)) + " ", str(basis))
    english = _ARTICLE.sub(_article, english)
    english = (english.replace("（参照）", " (by analogy)").replace("；", "; ").replace("、", ", ")
               .replace("，", ", "))
    english = re.sub(r" +", " ", english).strip()
    return str(basis) if _HAN.search(english) else english


_HAN = re.compile(r"[\u3400-\u9fff]")

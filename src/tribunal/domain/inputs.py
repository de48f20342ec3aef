"""Limits on what any input may hold before it reaches the database: ids, years, dates, text.

Every path into the program — a form, a command-line argument, an imported row — goes
through these checks, so bad input is refused with one clear sentence instead of surfacing
as an overflow, a database error or a stored NUL byte that a server would reject.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tribunal.texts import msg

__all__ = [
    "BIDI_CONTROLS",
    "DATE_MAX",
    "DATE_MIN",
    "MAX_RECORD_ID",
    "MAX_SEARCH_LENGTH",
    "MAX_SEARCH_WORDS",
    "YEAR_MAX",
    "YEAR_MIN",
    "InputError",
    "check_record_id",
    "check_search_text",
    "check_year",
    "clean_text",
    "parse_count",
    "parse_date",
    "parse_record_id",
    "parse_year",
    "shown",
    "text_problem",
]

#: Record ids are ``INTEGER`` columns: 32 bits on PostgreSQL, so the smaller bound holds on both.
MAX_RECORD_ID = 2**31 - 1
#: Dates and years a clerk can mean: birth dates of the oldest workers to the end of the century.
YEAR_MIN, YEAR_MAX = 1900, 2099
DATE_MIN, DATE_MAX = dt.date(YEAR_MIN, 1, 1), dt.date(YEAR_MAX, 12, 31)
#: A search box takes a few words; SQLite refuses LIKE patterns over 50,000 bytes.
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 10
#: The largest list length or count a command line accepts (``--limit``, ``--cases``).
MAX_COUNT = 1_000_000

#: Unicode's explicit direction embeddings, overrides and isolates (LRE…RLO, LRI…PDI): they can
#: make a name read backwards on screen ("Trojan Source"); they are removed, never stored.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_TABLE = dict.fromkeys(map(ord, BIDI_CONTROLS))
_LINE_BREAKS = frozenset("\n\r")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ASCII_DIGITS = re.compile(r"[0-9]+")


class InputError(ValueError):
    """A value was refused; ``str(error)`` is a Chinese sentence naming what is wrong."""


def parse_date(text: str, what: str = msg("日期")) -> dt.date:
    """Read a date written exactly as YYYY-MM-DD (ASCII digits), within :data:`DATE_MIN`–:data:`DATE_MAX`.

    ``20260101`` and ``2026-W50-1`` (which Python's ``fromisoformat`` accepts) are refused:
    the clerk was told YYYY-MM-DD, and a date read differently from what was meant is worse
    than none.

    Raises:
        InputError: not in that form, not a calendar date, or out of range.
    """
    value = str(text).strip()
    if not _ISO_DATE.fullmatch(value):
        raise InputError(msg("{what}格式应为 YYYY-MM-DD（如 2026-03-09）：{shown}", what=what, shown=shown(value)))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(msg("{what}格式应为 YYYY-MM-DD，{value} 不是日历上有的日子", what=what, value=value)) from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise InputError(msg("{what}应在 {DATE_MIN} 到 {DATE_MAX} 之间：{value}", what=what, DATE_MIN=DATE_MIN, DATE_MAX=DATE_MAX, value=value))
    return day


def check_record_id(value: int, what: str = msg("编号")) -> int:
    """Refuse an id no record can have (zero, negative, beyond the database's integer)."""
    if isinstance(value, bool) or not 1 <= value <= MAX_RECORD_ID:
        raise InputError(msg("{what}应为 1 到 {MAX_RECORD_ID} 之间的整数：{value}", what=what, MAX_RECORD_ID=MAX_RECORD_ID, value=value))
    return value


def parse_record_id(text: str, what: str = msg("编号")) -> int:
    """Read a record id typed as ASCII digits (not ², ①, or Arabic-Indic digits)."""
    value = str(text).strip()
    if not _ASCII_DIGITS.fullmatch(value):
        raise InputError(msg("{what}应为阿拉伯数字写的正整数：{shown}", what=what, shown=shown(value)))
    if len(value) > 12:
        raise InputError(msg("{what}过大（最大 {MAX_RECORD_ID}）：{value}…", what=what, MAX_RECORD_ID=MAX_RECORD_ID, value=value[:20]))
    return check_record_id(int(value), what)


def check_year(value: int, what: str = msg("年份")) -> int:
    """Refuse a year outside :data:`YEAR_MIN`–:data:`YEAR_MAX`."""
    if isinstance(value, bool) or not YEAR_MIN <= value <= YEAR_MAX:
        raise InputError(msg("{what}应在 {YEAR_MIN} 到 {YEAR_MAX} 之间：{value}", what=what, YEAR_MIN=YEAR_MIN, YEAR_MAX=YEAR_MAX, value=value))
    return value


def parse_year(text: str, what: str = msg("年份")) -> int:
    """Read a four-digit year typed as ASCII digits."""
    value = str(text).strip()
    if not _ASCII_DIGITS.fullmatch(value) or len(value) > 4:
        raise InputError(msg("{what}应为四位数字（如 2026）：{shown}", what=what, shown=shown(value)))
    return check_year(int(value), what)


def parse_count(text: str, what: str = msg("数量"), maximum: int = MAX_COUNT) -> int:
    """Read a non-negative count (``--limit``, ``--cases``) typed as ASCII digits, at most ``maximum``."""
    value = str(text).strip()
    if value.startswith("-") and _ASCII_DIGITS.fullmatch(value[1:]):
        raise InputError(msg("{what}不能为负数：{value}", what=what, value=value))
    if not _ASCII_DIGITS.fullmatch(value):
        raise InputError(msg("{what}应为阿拉伯数字写的整数：{shown}", what=what, shown=shown(value)))
    if len(value) > 12 or int(value) > maximum:
        raise InputError(msg("{what}最大为 {maximum}：{value}", what=what, maximum=maximum, value=value[:20]))
    return int(value)


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why ``value`` may not be stored, or None: NUL, other control characters, broken encoding.

    Line breaks (and tabs) are allowed where the field is multi-line (notes, summaries);
    everywhere else a control character is refused, since it would print as garbage or
    move the cursor in a terminal.
    """
    for ch in value:
        if ch == "\x00":
            return msg("含有空字符（NUL），可能是从损坏的文件中复制来的")
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return msg("含有无法识别的字符（编码已损坏）")
        if unicodedata.category(ch) == "Cc":
            if ch == "\t" or (multiline and ch in _LINE_BREAKS):
                continue
            if ch in _LINE_BREAKS:
                return msg("不能换行（此栏只能填写一行）")
            return msg("含有不可见的控制字符（U+{code:04X}）", code=code)
    return None


def clean_text(value: str, *, multiline: bool = False, what: str = msg("内容")) -> str:
    """The text with direction overrides removed; refuses what :func:`text_problem` refuses.

    Raises:
        InputError: the text holds NUL, a control character or a broken encoding.
    """
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise InputError(f"{what}{problem}")
    return value.translate(_BIDI_TABLE) if any(ch in BIDI_CONTROLS for ch in value) else value


def check_search_text(text: str) -> str:
    """A search box's text, normalised to single spaces, refused when too long to be a search.

    Raises:
        InputError: more than :data:`MAX_SEARCH_LENGTH` characters or :data:`MAX_SEARCH_WORDS`
            words, or control characters.
    """
    # A scanner ends its input with a line break, and a pasted cell may hold one: whitespace.
    value = clean_text(" ".join(text.split()), what=msg("查找内容"))
    if len(value) > MAX_SEARCH_LENGTH:
        raise InputError(msg("查找内容过长（{len} 个字），最多 {MAX_SEARCH_LENGTH} 个字", len=len(value), MAX_SEARCH_LENGTH=MAX_SEARCH_LENGTH))
    if len(value.split(" ")) > MAX_SEARCH_WORDS:
        raise InputError(msg("查找的词过多，最多 {MAX_SEARCH_WORDS} 个（以空格分隔）", MAX_SEARCH_WORDS=MAX_SEARCH_WORDS))
    return value


def shown(value: str, limit: int = 40) -> str:
    """A value as a message may quote it: control and format characters made visible, long text cut."""
    visible = "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf", "Cs") else f"\\u{ord(ch):04x}"
                      for ch in value[:limit])
    return visible + ("…" if len(value) > limit else "")

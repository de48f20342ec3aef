"""Checks for what clerks type in: ID numbers, credit codes, phone numbers and names (校验)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tribunal.texts import msg

__all__ = [
    "CREDIT_CODE_CHARSET",
    "PROVINCE_CODES",
    "Check",
    "age_on",
    "check_credit_code",
    "check_id_number",
    "check_landline",
    "check_mobile",
    "check_person_name",
    "check_phone",
    "credit_code_check_character",
    "id_check_character",
    "normalise",
]


@dataclass(frozen=True)
class Check:
    """The outcome of checking one field.

    Attributes:
        ok: True when the value may be saved (possibly after the clerk confirms ``warning``).
        value: The normalised value (half-width, no stray spaces); the best effort even when
            ``ok`` is False, so a form can show what was understood.
        error: Why the value was refused, in Chinese a clerk understands; None when ok.
        warning: A problem the clerk may override after checking the paper original.
        birth_date: For ID numbers, the date of birth encoded in the number.
        sex: For ID numbers, "男" or "女" from the 17th digit.
        kind: For phone numbers, "mobile" or "landline".
    """

    ok: bool
    value: str
    error: str | None = None
    warning: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    kind: str | None = None


def _fail(value: str, error: str) -> Check:
    return Check(ok=False, value=value, error=error)


def _join_warnings(*warnings: str | None) -> str | None:
    present = [w for w in warnings if w]
    return "；".join(present) if present else None


def normalise(text: str | None, *, remove: str = "") -> str:
    """Return ``text`` trimmed and folded to half-width, without the characters in ``remove``.

    NFKC turns full-width digits, letters and punctuation typed with a Chinese input method
    (``１２３``, ``ＡＢＣ``, ``（）``, the ideographic space) into their ASCII forms.

    Args:
        text: What was typed; None counts as empty.
        remove: Characters to drop everywhere in the text, e.g. ``" -"`` for numbers that
            people write in groups. Listed in half-width form; compared after folding.

    Returns:
        The normalised text.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).strip()
    if remove:
        folded = folded.translate({ord(ch): None for ch in remove})
    return folded


# --- Resident identity number (公民身份号码, GB 11643-1999) -------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_18 = re.compile(r"\d{17}[\dX]")
_ID_15 = re.compile(r"\d{15}")
_EARLIEST_BIRTH = date(1900, 1, 1)

# First two digits of the address code (GB 11643-1999, codes of GB/T 2260): the provinces,
# 71 Taiwan, 81 Hong Kong, 82 Macao, 83 (residence permits of Taiwan residents) and 91
# (foreigners' permanent residence ID cards). Unknown codes only warn: division codes change
# and old codes stay valid on cards already issued.
_PROVINCE_RANGES = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 83))
PROVINCE_CODES = frozenset(
    [str(code) for low, high in _PROVINCE_RANGES for code in range(low, high + 1)] + ["91"]
)


def id_check_character(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number.

    Args:
        first17: Exactly 17 ASCII digits.

    Returns:
        One of ``0``–``9`` or ``X``.

    Raises:
        ValueError: If ``first17`` is not 17 digits.
    """
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(msg("计算校验位需要17位数字，收到“{first17}”", first17=first17))
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def age_on(birth_date: date, day: date) -> int:
    """Return the age in whole years on ``day`` (a birthday counts from the day itself).

    Someone born on 29 February becomes a year older on 1 March in non-leap years.
    """
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def check_id_number(text: str | None, today: date | None = None) -> Check:
    """Check a mainland resident ID number (18 characters, or a legacy 15-digit one).

    Legacy 15-digit numbers are converted to 18 characters (``19`` inserted before the
    two-digit year, check character appended) and come back with a warning saying so.

    Args:
        text: What was typed; spaces, full-width digits and a lowercase ``x`` are accepted.
        today: The latest acceptable birth date; defaults to the system date.

    Returns:
        A Check whose ``value`` is the 18-character number and which carries the birth date
        and sex when the number is acceptable.
    """
    today = today or date.today()
    value = normalise(text, remove=" -").upper()
    if not value:
        return _fail(value, msg("请填写身份证号码"))

    converted_warning = None
    if _ID_15.fullmatch(value):
        first17 = value[:6] + "19" + value[6:]
        value = first17 + id_check_character(first17)
        converted_warning = msg("已将15位旧身份证号码转换为18位：{value}", value=value)
    elif len(value) == 15:
        return _fail(value, msg("15位旧身份证号码只能由数字组成"))
    elif len(value) != 18:
        return _fail(value, msg("身份证号码应为18位（旧证15位），实为{len}位", len=len(value)))
    elif not _ID_18.fullmatch(value):
        return _fail(value, msg("身份证号码只能由数字组成，最后一位可以是X"))

    year, month, day = int(value[6:10]), int(value[10:12]), int(value[12:14])
    try:
        birth = date(year, month, day)
    except ValueError:
        return _fail(value, msg("身份证号码中的出生日期{year}年{month}月{day}日不存在", year=year, month=month, day=day))
    if birth < _EARLIEST_BIRTH:
        return _fail(value, msg("身份证号码中的出生日期{birth:%Y-%m-%d}早于1900年", birth=birth))
    if birth > today:
        return _fail(value, msg("身份证号码中的出生日期{birth:%Y-%m-%d}晚于今天", birth=birth))

    expected = id_check_character(value[:17])
    if value[17] != expected:
        return _fail(value, msg("身份证号码校验位不正确：应为{expected}，实为{value}", expected=expected, value=value[17]))

    province_warning = None
    if value[:2] not in PROVINCE_CODES:
        province_warning = msg("地址码前两位“{value}”不是已知的省级行政区代码，请核对证件", value=value[:2])
    return Check(
        ok=True,
        value=value,
        warning=_join_warnings(converted_warning, province_warning),
        birth_date=birth,
        sex=msg("男") if int(value[16]) % 2 else msg("女"),
    )


# --- Unified social credit code (统一社会信用代码, GB 32100-2015) --------------------------

# 31 characters: I, O, Z, S and V are left out because they look like 1, 0, 2, 5 and U.
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {ch: index for index, ch in enumerate(CREDIT_CODE_CHARSET)}
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")


def credit_code_check_character(first17: str) -> str:
    """Return the GB 32100 check character for the first 17 characters of a credit code.

    Args:
        first17: 17 characters from :data:`CREDIT_CODE_CHARSET` (uppercase).

    Returns:
        The 18th character the standard prescribes.

    Raises:
        ValueError: If ``first17`` has the wrong length or a character outside the set.
    """
    if len(first17) != 17 or any(ch not in _CREDIT_VALUES for ch in first17):
        raise ValueError(msg("计算校验位需要17位代码字符，收到“{first17}”", first17=first17))
    total = sum(
        _CREDIT_VALUES[ch] * weight for ch, weight in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def check_credit_code(text: str | None) -> Check:
    """Check an organisation's unified social credit code.

    A wrong check character is only a warning: some codes issued in the early pilot areas
    do not satisfy the check, and the business licence is what counts.

    Args:
        text: What was typed; spaces, dashes, full-width and lowercase letters are accepted.

    Returns:
        A Check whose ``value`` is the 18-character uppercase code.
    """
    value = normalise(text, remove=" -").upper()
    if not value:
        return _fail(value, msg("请填写统一社会信用代码"))
    if len(value) != 18:
        return _fail(value, msg("统一社会信用代码应为18位，实为{len}位", len=len(value)))
    illegal = sorted({ch for ch in value if ch not in _CREDIT_VALUES})
    if illegal:
        return _fail(
            value,
            msg("统一社会信用代码含有不允许的字符：{items}（代码只用数字和除I、O、Z、S、V以外的大写字母）", items='、'.join(illegal)),
        )
    if not _CREDIT_CODE.fullmatch(value):
        return _fail(value, msg("统一社会信用代码第3至8位应为行政区划代码（6位数字）"))

    expected = credit_code_check_character(value[:17])
    if value[17] != expected:
        return Check(
            ok=True,
            value=value,
            warning=(
                msg("统一社会信用代码校验位不符：按标准应为{expected}，实为{value}。早期试点地区发放的部分代码不符合校验规则，请对照营业执照核实", expected=expected, value=value[17])
            ),
        )
    return Check(ok=True, value=value)


# --- Telephone numbers --------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?")
_COUNTRY_PREFIX = re.compile(r"^(?:\+86|0086)")
_PHONE_SPACING = " -()"
_MOBILE_EXAMPLE = "13812345678"
_LANDLINE_EXAMPLE = "0731-88888888"


def _mobile_digits(text: str | None) -> str:
    value = normalise(text, remove=_PHONE_SPACING)
    value = _COUNTRY_PREFIX.sub("", value)
    # A bare "86" is only a country code when what follows is a full mobile number;
    # no mobile number itself starts with 86.
    if len(value) == 13 and value.startswith("861"):
        value = value[2:]
    return value


def check_mobile(text: str | None) -> Check:
    """Check a mainland mobile number (11 digits, ``1[3-9]``…).

    Spaces, dashes, full-width digits and a ``+86``/``0086``/``86`` prefix are accepted. The
    carrier is not checked: numbers move between carriers (携号转网).

    Returns:
        A Check whose ``value`` is the bare 11 digits, with ``kind`` "mobile".
    """
    value = _mobile_digits(text)
    if not value:
        return _fail(value, msg("请填写手机号码"))
    if not value.isascii() or not value.isdigit():
        return _fail(value, msg("手机号码只能包含数字"))
    if len(value) != 11:
        return _fail(value, msg("手机号码应为11位，实为{len}位", len=len(value)))
    if not _MOBILE.fullmatch(value):
        return _fail(value, msg("手机号码应以13至19开头，如{MOBILE_EXAMPLE}", MOBILE_EXAMPLE=_MOBILE_EXAMPLE))
    return Check(ok=True, value=value, kind="mobile")


def _area_code_length(digits: str) -> int:
    # Beijing (010) and the 02x cities have three-digit area codes; all others have four.
    return 3 if digits.startswith(("010", "02")) else 4


def check_landline(text: str | None) -> Check:
    """Check a fixed-line number with area code, e.g. ``0731-88888888`` or ``0731-8888888-123``.

    Brackets round the area code, spaces, ``+86``, and ``转`` before an extension are
    accepted. Without a dash the area code is split off by the national plan (three digits for
    010 and 02x, four otherwise).

    Returns:
        A Check whose ``value`` is ``area-number`` or ``area-number-extension``, with ``kind``
        "landline".
    """
    value = normalise(text, remove=" ")
    if not value:
        return _fail(value, msg("请填写固定电话号码"))
    value = value.replace("转", "-").replace("(", "").replace(")", "-").replace("--", "-")
    if _COUNTRY_PREFIX.match(value):
        # International form drops the trunk 0 of the area code: +86 731 … → 0731 ….
        value = "0" + _COUNTRY_PREFIX.sub("", value).lstrip("-")
    match = _LANDLINE.fullmatch(value)
    if not match:
        return _fail(value, msg("固定电话号码格式不正确，应为“区号-号码”，如{LANDLINE_EXAMPLE}", LANDLINE_EXAMPLE=_LANDLINE_EXAMPLE))
    area, number, extension = match.groups()
    if "-" not in value[: len(area) + 1]:
        digits = area + number
        split = _area_code_length(digits)
        area, number = digits[:split], digits[split:]
        if not 7 <= len(number) <= 8:
            return _fail(value, msg("固定电话号码格式不正确，应为“区号-号码”，如{LANDLINE_EXAMPLE}", LANDLINE_EXAMPLE=_LANDLINE_EXAMPLE))
    normalised = f"{area}-{number}" + (f"-{extension}" if extension else "")
    return Check(ok=True, value=normalised, kind="landline")


def check_phone(text: str | None) -> Check:
    """Check a contact number that may be a mobile or a landline, whichever fits.

    Returns:
        The mobile or landline Check (``kind`` tells which); when neither fits, the error of
        the kind the input looks like (starting with 1: mobile; with 0: landline).
    """
    if not normalise(text, remove=_PHONE_SPACING):
        return _fail("", msg("请填写联系电话"))
    mobile = check_mobile(text)
    if mobile.ok:
        return mobile
    landline = check_landline(text)
    if landline.ok:
        return landline
    digits = _mobile_digits(text)
    if digits.startswith("1"):
        return mobile
    if digits.startswith("0"):
        return landline
    return _fail(
        digits,
        msg("联系电话格式不正确：应为11位手机号码（如{MOBILE_EXAMPLE}）或带区号的固定电话（如{LANDLINE_EXAMPLE}）", MOBILE_EXAMPLE=_MOBILE_EXAMPLE, LANDLINE_EXAMPLE=_LANDLINE_EXAMPLE),
    )


# --- Personal names -----------------------------------------------------------------------

NAME_MAX_LENGTH = 40
MIDDLE_DOT = "·"
# Look-alikes typed for the middle dot of minority and foreign names (阿依古丽·买买提):
# katakana middle dot, bullet, hyphenation point, dot operators, full stop (after NFKC).
_DOT_VARIANTS = str.maketrans(dict.fromkeys("・･•‧∙⋅.", MIDDLE_DOT))
_NAME_PUNCTUATION = frozenset(MIDDLE_DOT + " '-")


def _is_cjk(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo" and "CJK" in unicodedata.name(ch, "")


def _tidy_name(text: str | None) -> str:
    value = normalise(text).translate(_DOT_VARIANTS)
    value = re.sub(r"\s+", " ", value)
    value = re.sub(r"\s*·\s*", MIDDLE_DOT, value).strip()
    # Spaces typed between Chinese characters (张 三) are slips; between Latin words they
    # belong to the name. The text is stripped, so every space has neighbours on both sides.
    kept = []
    for i, ch in enumerate(value):
        if ch == " " and (_is_cjk(value[i - 1]) or _is_cjk(value[i + 1])):
            continue
        kept.append(ch)
    return "".join(kept)


def check_person_name(text: str | None) -> Check:
    """Check a natural person's name (姓名).

    Names are not forced to 2–4 characters; the middle dot of minority and foreign names is
    allowed and its look-alikes are turned into ``·``.

    Returns:
        A Check whose ``value`` is the tidied name; a one-character name gives a warning.
    """
    value = _tidy_name(text)
    if not value:
        return _fail(value, msg("请填写姓名"))
    if any(unicodedata.category(ch) == "Nd" for ch in value):
        return _fail(value, msg("姓名中不能含有数字"))
    illegal = sorted(
        {
            ch
            for ch in value
            if ch not in _NAME_PUNCTUATION and unicodedata.category(ch)[0] not in "LM"
        }
    )
    if illegal:
        return _fail(value, msg("姓名中含有不允许的字符：{items}", items='、'.join(illegal)))
    if value[0] == MIDDLE_DOT or value[-1] == MIDDLE_DOT or MIDDLE_DOT * 2 in value:
        return _fail(value, msg("姓名中的间隔号“·”只能出现在两段名字之间"))
    if len(value) > NAME_MAX_LENGTH:
        return _fail(value, msg("姓名过长：最多{NAME_MAX_LENGTH}个字，实为{len}个字", NAME_MAX_LENGTH=NAME_MAX_LENGTH, len=len(value)))
    warning = msg("姓名只有一个字，请核对是否漏填") if len(value) == 1 else None
    return Check(ok=True, value=value, warning=warning)

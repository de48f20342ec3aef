"""Money amounts: parsing what clerks type, display, and the Chinese uppercase form (大写金额).

Amounts are kept as integer fen (分) everywhere so that sums of claims never pick up
floating-point cents.
"""

from __future__ import annotations

import re
import unicodedata

from tribunal.texts import msg

__all__ = ["MAX_YUAN", "format_yuan", "parse_yuan", "to_chinese_upper"]

# Far above any labour claim; a bigger number is a typing slip (an extra digit or two).
MAX_YUAN = 10**12
FEN_PER_YUAN = 100

_PLAIN = re.compile(r"([0-9]+)(?:\.([0-9]*))?")
_GROUPED = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+)(?:\.([0-9]*))?")
_CURRENCY_MARKS = ("人民币", "RMB", "CNY", "¥")


def parse_yuan(text: str | None) -> int:
    """Read an amount in yuan and return it in fen.

    Accepts full-width digits, thousands separators ("12,345.6"), a leading "¥"/"人民币",
    a trailing "元", and amounts in 万 as clerks write them ("1.2万", "3万元" → 12,000 and
    30,000 yuan). Refuses negative amounts, more than two decimals (below one fen) and
    amounts above :data:`MAX_YUAN`.

    Args:
        text: What was typed.

    Returns:
        The amount in fen: "12,345.6" → 1234560.

    Raises:
        ValueError: With a Chinese message saying what is wrong.
    """
    tidy = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    if not tidy:
        raise ValueError(msg("请填写金额"))
    for mark in _CURRENCY_MARKS:
        tidy = tidy.removeprefix(mark)
    tidy = tidy.removesuffix("元")
    if tidy.startswith(("-", "−")):
        raise ValueError(msg("金额不能为负数：{text}", text=text))
    tidy = tidy.removeprefix("+")
    if tidy.endswith("万"):
        tidy = _from_wan(tidy.removesuffix("万"), text)
    match = _PLAIN.fullmatch(tidy) or _GROUPED.fullmatch(tidy)
    if not match:
        if re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", tidy) and "," in tidy:
            raise ValueError(msg("金额“{text}”的千分位逗号位置不正确", text=text))
        raise ValueError(msg("金额“{text}”不是有效的数字", text=text))
    whole, decimals = match.group(1).replace(",", ""), match.group(2) or ""
    if len(decimals) > 2:
        raise ValueError(msg("金额“{text}”最多保留两位小数（到分）", text=text))
    too_large = ValueError(msg("金额“{text}”过大，超过{MAX_YUAN:,}元，请核对", text=text, MAX_YUAN=MAX_YUAN))
    # Checked on the digits first so that a pasted run of thousands of digits never
    # reaches int(), which refuses very long strings with an English message.
    if len(whole.lstrip("0")) > len(str(MAX_YUAN)):
        raise too_large
    fen = int(whole) * FEN_PER_YUAN + int(decimals.ljust(2, "0"))
    if fen > MAX_YUAN * FEN_PER_YUAN:
        raise too_large
    return fen


def _from_wan(number: str, text: str | None) -> str:
    """The yuan of an amount written in 万 ("1.2" → "12000"), as plain digits."""
    match = _PLAIN.fullmatch(number) or _GROUPED.fullmatch(number)
    if not match:
        raise ValueError(msg("金额“{text}”不是有效的数字", text=text))
    whole, decimals = match.group(1).replace(",", ""), match.group(2) or ""
    if len(decimals) > 6:
        raise ValueError(msg("金额“{text}”最多保留两位小数（到分）", text=text))
    if len(whole.lstrip("0")) > len(str(MAX_YUAN)):
        raise ValueError(msg("金额“{text}”过大，超过{MAX_YUAN:,}元，请核对", text=text, MAX_YUAN=MAX_YUAN))
    # Moving the point four places right keeps every digit (no floating point).
    digits = whole + decimals.ljust(4, "0")
    yuan, cents = digits[:len(whole) + 4], digits[len(whole) + 4:]
    return f"{yuan}.{cents}" if cents else yuan


def format_yuan(fen: int) -> str:
    """Return the amount in yuan with thousands separators and two decimals: 1234560 → "12,345.60"."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{yuan:,}.{cents:02d}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SECTION_UNITS = ("仟", "佰", "拾", "")
_WAN = 10**4
_YI = 10**8


def _section(number: int) -> str:
    """Render 1–9999: one 零 for each run of zeros between non-zero digits (1005 → 壹仟零伍)."""
    out: list[str] = []
    pending_zero = False
    for digit, unit in zip(f"{number:04d}", _SECTION_UNITS, strict=True):
        if digit == "0":
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[int(digit)] + unit)
    return "".join(out)


def _below_yi(number: int) -> str:
    """Render 1–99999999 as (section)万(section), with 零 when the lower section has a gap."""
    high, low = divmod(number, _WAN)
    out = _section(high) + "万" if high else ""
    if low:
        if high and low < 1000:
            out += "零"
        out += _section(low)
    return out


def _whole_yuan(number: int) -> str:
    # 亿 is applied to the whole part above it, which may itself contain 万: 壹万零壹亿.
    high, low = divmod(number, _YI)
    out = _below_yi(high) + "亿" if high else ""
    if low:
        if high and low < 10**7:
            out += "零"
        out += _below_yi(low)
    return out


def to_chinese_upper(fen: int) -> str:
    """Return the amount in Chinese financial uppercase (大写金额), as on awards and receipts.

    Follows the usual rules for bills (正确填写票据和结算凭证的基本规定): "壹拾" rather
    than "拾"; one 零 for a run of zeros inside the number, also across 万 and 亿; "整" after
    元 or 角 when there is no 分; "零" between 元 and 分 when 角 is zero; amounts below one
    yuan start with the 角 or 分 (0.05 → 伍分).

    Args:
        fen: The amount in fen, 0 or more.

    Returns:
        E.g. 1234560 → "壹万贰仟叁佰肆拾伍元陆角整"; 0 → "零元整".

    Raises:
        ValueError: For negative amounts or amounts of 亿亿 (10^16 yuan) or more.
    """
    if fen < 0:
        raise ValueError(msg("大写金额不能为负数"))
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    if yuan >= _YI * _YI:
        raise ValueError(msg("金额过大，无法写成大写"))
    if fen == 0:
        return "零元整"
    jiao, fen_digit = divmod(cents, 10)
    out = _whole_yuan(yuan) + "元" if yuan else ""
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif fen_digit and yuan:
        out += "零"
    if fen_digit:
        out += _DIGITS[fen_digit] + "分"
    else:
        out += "整"
    return out

"""Tests for money parsing, display and Chinese uppercase in tribunal.domain.money."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tribunal.domain.money import MAX_YUAN, format_yuan, parse_yuan, to_chinese_upper

# --- parse_yuan ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("0", 0),
        ("0.00", 0),
        ("0.05", 5),
        ("0.5", 50),
        ("10", 1000),
        ("10.00", 1000),
        ("12345", 1234500),
        ("12,345.6", 1234560),
        ("12,345.67", 1234567),
        ("1,234,567.89", 123456789),
        ("１２３４５", 1234500),
        ("１２，３４５．６", 1234560),
        ("12345元", 1234500),
        ("¥12,345.60", 1234560),
        ("￥100", 10000),
        ("人民币5000元", 500000),
        (" 5 000 ", 500000),
        ("+8", 800),
        ("12.", 1200),
        ("007", 700),
        ("1000000000000", MAX_YUAN * 100),
        ("1,000,000,000,000.00", MAX_YUAN * 100),
        # As clerks write amounts in 万 (the three forms, and more).
        ("1.2万", 1_200_000),
        ("12,000", 1_200_000),
        ("12000.50", 1_200_050),
        ("3万元", 3_000_000),
        ("１.５万", 1_500_000),
        ("0.0001万", 100),
        ("1.234567万", 1_234_567),
        ("12,345万", 12_345_0000_00),
        ("10000万", 1_0000_0000_00),
    ],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写金额"),
        ("  ", "请填写金额"),
        ("-5", "金额不能为负数：-5"),
        ("－5", "金额不能为负数：－5"),
        ("−5", "金额不能为负数：−5"),
        ("1.234", "金额“1.234”最多保留两位小数（到分）"),
        ("0.001", "金额“0.001”最多保留两位小数（到分）"),
        ("abc", "金额“abc”不是有效的数字"),
        ("1e5", "金额“1e5”不是有效的数字"),
        ("12.3.4", "金额“12.3.4”不是有效的数字"),
        (".5", "金额“.5”不是有效的数字"),
        ("五千", "金额“五千”不是有效的数字"),
        ("1,0001", "金额“1,0001”的千分位逗号位置不正确"),
        ("12,34.5", "金额“12,34.5”的千分位逗号位置不正确"),
        ("1000000000000.01", "金额“1000000000000.01”过大，超过1,000,000,000,000元，请核对"),
        ("10000000000000", "金额“10000000000000”过大，超过1,000,000,000,000元，请核对"),
        ("1.2345678万", "金额“1.2345678万”最多保留两位小数（到分）"),
        ("万", "金额“万”不是有效的数字"),
        ("1.2万万", "金额“1.2万万”不是有效的数字"),
        ("-1.2万", "金额不能为负数：-1.2万"),
        ("100000001万", "金额“100000001万”过大，超过1,000,000,000,000元，请核对"),
    ],
)
def test_parse_yuan_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_yuan(text)
    assert str(caught.value) == message


def test_parse_yuan_refuses_a_huge_paste_in_chinese() -> None:
    with pytest.raises(ValueError, match="过大"):
        parse_yuan("9" * 5000)


@given(st.integers(min_value=0, max_value=MAX_YUAN * 100))
def test_an_amount_written_in_wan_is_the_same_amount(fen: int) -> None:
    yuan, cents = divmod(fen, 100)
    wan, rest = divmod(yuan, 10_000)
    written = f"{wan}.{rest:04d}{cents:02d}万"  # 12345.67 yuan → "1.234567万"
    assert parse_yuan(written) == fen


def test_parse_yuan_none() -> None:
    with pytest.raises(ValueError, match=r"^请填写金额$"):
        parse_yuan(None)


# --- format_yuan --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "0.00"),
        (5, "0.05"),
        (50, "0.50"),
        (1000, "10.00"),
        (1234560, "12,345.60"),
        (123456789, "1,234,567.89"),
        (10000000, "100,000.00"),
        (MAX_YUAN * 100, "1,000,000,000,000.00"),
        (-1234560, "-12,345.60"),
        (-5, "-0.05"),
    ],
)
def test_format_yuan(fen: int, text: str) -> None:
    assert format_yuan(fen) == text


@pytest.mark.parametrize("fen", [0, 1, 99, 100, 1234560, 100000000, MAX_YUAN * 100])
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen


# --- to_chinese_upper ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yuan", "upper"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("0.56", "伍角陆分"),
        ("1", "壹元整"),
        ("10.00", "壹拾元整"),
        ("10.05", "壹拾元零伍分"),
        ("10.50", "壹拾元伍角整"),
        ("11", "壹拾壹元整"),
        ("100", "壹佰元整"),
        ("101", "壹佰零壹元整"),
        ("110", "壹佰壹拾元整"),
        ("1001", "壹仟零壹元整"),
        ("1010", "壹仟零壹拾元整"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("12345.6", "壹万贰仟叁佰肆拾伍元陆角整"),
        ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
        ("10000", "壹万元整"),
        ("10005.00", "壹万零伍元整"),
        ("10050", "壹万零伍拾元整"),
        ("10500", "壹万零伍佰元整"),
        ("11000", "壹万壹仟元整"),
        ("10001", "壹万零壹元整"),
        ("100000.00", "壹拾万元整"),
        ("100005", "壹拾万零伍元整"),
        ("1000001", "壹佰万零壹元整"),
        ("10010000", "壹仟零壹万元整"),
        ("10010001", "壹仟零壹万零壹元整"),
        ("99999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ("100000000", "壹亿元整"),
        ("100000001", "壹亿零壹元整"),
        ("100001000", "壹亿零壹仟元整"),
        ("100010000", "壹亿零壹万元整"),
        ("101000000", "壹亿零壹佰万元整"),
        ("110000000", "壹亿壹仟万元整"),
        ("1005000000", "壹拾亿零伍佰万元整"),
        ("1234567890.12", "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"),
        ("100010000000", "壹仟亿壹仟万元整"),
        ("100100000000", "壹仟零壹亿元整"),
        ("1000000000000", "壹万亿元整"),
    ],
)
def test_to_chinese_upper(yuan: str, upper: str) -> None:
    assert to_chinese_upper(parse_yuan(yuan)) == upper


@pytest.mark.parametrize(
    ("yuan", "upper"),
    [
        # Above what parse_yuan accepts, but the 万亿 group must still read correctly.
        (1_0001_0000_0000, "壹万零壹亿元整"),
        (1_0000_0000_0001, "壹万亿零壹元整"),
        (1_0000_0001_0000, "壹万亿零壹万元整"),
        (9999_9999_9999_9999, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整"),
    ],
)
def test_to_chinese_upper_beyond_parse_limit(yuan: int, upper: str) -> None:
    assert to_chinese_upper(yuan * 100) == upper


def test_upper_never_has_double_zero_or_trailing_zero() -> None:
    for fen in range(0, 2_000_000, 997):
        upper = to_chinese_upper(fen * 1001)
        assert "零零" not in upper
        assert not upper.removesuffix("整").endswith("零")
        assert not upper.startswith("零") or upper == "零元整"


def test_upper_refuses_negative_and_too_large() -> None:
    with pytest.raises(ValueError, match=r"^大写金额不能为负数$"):
        to_chinese_upper(-1)
    with pytest.raises(ValueError, match=r"^金额过大，无法写成大写$"):
        to_chinese_upper(10**16 * 100)
    assert to_chinese_upper(10**16 * 100 - 1).startswith("玖仟玖佰玖拾玖万玖仟")

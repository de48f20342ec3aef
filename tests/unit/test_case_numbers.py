"""Tests for case-number formatting and parsing in tribunal.domain.case_numbers."""

from __future__ import annotations

import dataclasses

import pytest

from tribunal.domain.case_numbers import DEFAULT_PATTERN, CaseNumberPattern, parse_any


def test_default_pattern() -> None:
    assert DEFAULT_PATTERN.prefix == "邵劳人仲案字"
    assert DEFAULT_PATTERN.brackets == "〔〕"
    assert DEFAULT_PATTERN.use_di is True


def test_pattern_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_PATTERN.prefix = "长劳人仲案字"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((2026, 15), "邵劳人仲案字〔2026〕第15号"),
        ((2026, 1), "邵劳人仲案字〔2026〕第1号"),
        ((2025, 4582), "邵劳人仲案字〔2025〕第4582号"),
        ((2025, 97, 1), "邵劳人仲案字〔2025〕第97-1号"),
        ((2025, 97, 2), "邵劳人仲案字〔2025〕第97-2号"),
    ],
)
def test_format_default(args: tuple[int, ...], expected: str) -> None:
    assert DEFAULT_PATTERN.format(*args) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (CaseNumberPattern("佛劳人仲案字", use_di=False), "佛劳人仲案字〔2024〕1号"),
        (CaseNumberPattern("永劳人仲案字", brackets="[]", use_di=False), "永劳人仲案字[2024]1号"),
        (CaseNumberPattern("新劳人仲案字", brackets="（）"), "新劳人仲案字（2024）第1号"),
        (CaseNumberPattern("京劳人仲受字", brackets="()"), "京劳人仲受字(2024)第1号"),
        (CaseNumberPattern("湘潭经开劳人仲案字"), "湘潭经开劳人仲案字〔2024〕第1号"),
    ],
)
def test_format_other_styles(pattern: CaseNumberPattern, expected: str) -> None:
    assert pattern.format(2024, 1) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((999, 1), "案号年份应为四位数，收到999"),
        ((10000, 1), "案号年份应为四位数，收到10000"),
        ((2026, 0), "案号序号应从1开始，收到0"),
        ((2026, -3), "案号序号应从1开始，收到-3"),
        ((2026, 5, 0), "分项序号应从1开始，收到0"),
    ],
)
def test_format_refuses_out_of_range_numbers(args: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        DEFAULT_PATTERN.format(*args)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("邵劳人仲案字〔2026〕第15号", (2026, 15, None)),
        ("邵劳人仲案字〔2026〕15号", (2026, 15, None)),
        ("邵劳人仲案字[2026]第15号", (2026, 15, None)),
        ("邵劳人仲案字［2026］第15号", (2026, 15, None)),
        ("邵劳人仲案字（2026）第15号", (2026, 15, None)),
        ("邵劳人仲案字(2026)第15号", (2026, 15, None)),
        (" 邵劳人仲案字 〔 2026 〕 第 15 号 ", (2026, 15, None)),
        ("邵劳人仲案字〔２０２６〕第１５号", (2026, 15, None)),
        ("邵劳人仲案字〔2026〕第015号", (2026, 15, None)),
        ("邵劳人仲案字〔2025〕第97-1号", (2025, 97, 1)),
        ("邵劳人仲案字〔2025〕第97－2号", (2025, 97, 2)),
        ("邵劳人仲案字〔2025〕第97—2号", (2025, 97, 2)),
    ],
)
def test_parse_own_and_legacy_forms(text: str, parsed: tuple[int, int, int | None]) -> None:
    assert DEFAULT_PATTERN.parse(text) == parsed


@pytest.mark.parametrize(
    ("year", "seq", "suffix"),
    [(2026, 1, None), (2026, 15, None), (1999, 12345, None), (2025, 97, 1), (2025, 97, 12)],
)
@pytest.mark.parametrize("brackets", ["〔〕", "[]", "（）", "()"])
@pytest.mark.parametrize("use_di", [True, False])
def test_format_then_parse_round_trips(
    year: int, seq: int, suffix: int | None, brackets: str, use_di: bool
) -> None:
    pattern = CaseNumberPattern("邵劳人仲案字", brackets=brackets, use_di=use_di)
    assert pattern.parse(pattern.format(year, seq, suffix)) == (year, seq, suffix)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写案号"),
        ("   ", "请填写案号"),
        ("长劳人仲案字〔2026〕第15号", "案号“长劳人仲案字〔2026〕第15号”应以“邵劳人仲案字”开头"),
        (
            "邵劳人仲案字〔2026〕第15",
            "案号“邵劳人仲案字〔2026〕第15”格式不正确，应类似“邵劳人仲案字〔2026〕第15号”",
        ),
        (
            "邵劳人仲案字〔26〕第15号",
            "案号“邵劳人仲案字〔26〕第15号”格式不正确，应类似“邵劳人仲案字〔2026〕第15号”",
        ),
        (
            "邵劳人仲案字【2026】第15号",
            "案号“邵劳人仲案字【2026】第15号”格式不正确，应类似“邵劳人仲案字〔2026〕第15号”",
        ),
        (
            "邵劳人仲案字〔2026〕第十五号",
            "案号“邵劳人仲案字〔2026〕第十五号”格式不正确，应类似“邵劳人仲案字〔2026〕第15号”",
        ),
        ("邵劳人仲案字〔2026)第15号", "案号“邵劳人仲案字〔2026)第15号”中年份两边的括号不配对"),
        ("邵劳人仲案字〔2026〕第0号", "案号“邵劳人仲案字〔2026〕第0号”的序号不能为0"),
        ("邵劳人仲案字〔2026〕第5-0号", "案号“邵劳人仲案字〔2026〕第5-0号”的分项序号不能为0"),
    ],
)
def test_parse_refuses_other_text(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        DEFAULT_PATTERN.parse(text)
    assert str(caught.value) == message


def test_parse_example_uses_the_pattern_style() -> None:
    pattern = CaseNumberPattern("佛劳人仲案字", brackets="[]", use_di=False)
    with pytest.raises(ValueError, match=r"应类似“佛劳人仲案字\[2026\]15号”"):
        pattern.parse("佛劳人仲案字[2026]")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"prefix": ""}, "案号前缀不能为空"),
        ({"prefix": "  "}, "案号前缀不能为空"),
        ({"prefix": "字" * 21}, "案号前缀最多20个字，实为21个字"),
        ({"prefix": "邵 劳人仲案字"}, "案号前缀不能含有空格"),
        ({"prefix": "邵2劳人仲案字"}, "案号前缀不能含有数字"),
        ({"prefix": "邵２劳人仲案字"}, "案号前缀不能含有数字"),
        ({"prefix": "邵劳人仲案字〔"}, "案号前缀不能含有括号，括号另行设置"),
        ({"prefix": "(邵)劳人仲案字"}, "案号前缀不能含有括号，括号另行设置"),
        (
            {"prefix": "邵劳人仲案字", "brackets": "【】"},
            "案号括号只能是〔〕、[]、（）、()之一，收到“【】”",
        ),
        (
            {"prefix": "邵劳人仲案字", "brackets": "〔"},
            "案号括号只能是〔〕、[]、（）、()之一，收到“〔”",
        ),
        (
            {"prefix": "邵劳人仲案字", "brackets": "〕〔"},
            "案号括号只能是〔〕、[]、（）、()之一，收到“〕〔”",
        ),
    ],
)
def test_pattern_validation(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        CaseNumberPattern(**kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_prefix_of_twenty_characters_is_allowed() -> None:
    assert CaseNumberPattern("字" * 20).format(2026, 1) == "字" * 20 + "〔2026〕第1号"


def test_prefix_without_zi_is_allowed() -> None:
    pattern = CaseNumberPattern("浙余姚劳人仲案", brackets="（）")
    assert pattern.format(2025, 3) == "浙余姚劳人仲案（2025）第3号"
    assert pattern.parse("浙余姚劳人仲案(2025)第3号") == (2025, 3, None)


# --- parse_any ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("佛劳人仲案字〔2024〕1号", (2024, 1, None)),
        ("永劳人仲案字〔2025〕97号", (2025, 97, None)),
        ("永劳人仲案字〔2025〕97-1号", (2025, 97, 1)),
        ("永劳人仲案字[2026]98号", (2026, 98, None)),
        ("新劳人仲案字（2015）第228号", (2015, 228, None)),
        ("(2025)宁劳人仲案字第123号", (2025, 123, None)),
        ("（2025）宁劳人仲案字第123号", (2025, 123, None)),
        ("中劳人仲案字〔2026〕4582号", (2026, 4582, None)),
        ("浙余姚劳人仲案（2025）第12号", (2025, 12, None)),
        ("京劳人仲受字[2023]第001号", (2023, 1, None)),
        ("湘潭经开劳人仲案字〔2026〕第3号", (2026, 3, None)),
        ("邵劳仲案字〔2026〕第3号", (2026, 3, None)),
        ("劳人仲案字〔2026〕第3号", (2026, 3, None)),
        (" 邵劳人仲案字 〔2026〕 第 15 号", (2026, 15, None)),
    ],
)
def test_parse_any_accepts_observed_forms(text: str, parsed: tuple[int, int, int | None]) -> None:
    assert parse_any(text) == parsed


@pytest.mark.parametrize(
    "text",
    [
        "×劳人仲字[20 ]第 号",
        "邵阳市中级人民法院(2025)湘05民终123号",
        "邵劳人仲案字〔2026〕第15",
        "2026-15",
        "邵劳人仲案字〔2026〕第十五号",
    ],
)
def test_parse_any_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_any(text)
    assert str(caught.value) == f"无法识别的案号：“{text}”"


def test_parse_any_empty_and_zero() -> None:
    with pytest.raises(ValueError, match=r"^请填写案号$"):
        parse_any("")
    with pytest.raises(ValueError, match="的序号不能为0"):
        parse_any("佛劳人仲案字〔2024〕0号")


def test_parse_any_reads_what_format_writes() -> None:
    for brackets in ("〔〕", "[]", "（）", "()"):
        pattern = CaseNumberPattern("邵劳人仲案字", brackets=brackets, use_di=False)
        assert parse_any(pattern.format(2026, 8, 2)) == (2026, 8, 2)

"""Tests for the field checks in tribunal.domain.validators."""

from __future__ import annotations

from datetime import date

import pytest

from tribunal.domain.validators import (
    CREDIT_CODE_CHARSET,
    Check,
    age_on,
    check_credit_code,
    check_id_number,
    check_landline,
    check_mobile,
    check_person_name,
    check_phone,
    credit_code_check_character,
    id_check_character,
    normalise,
)

TODAY = date(2026, 3, 1)
VALID_ID = "430102199003070012"


# --- normalise ----------------------------------------------------------------------------


def test_normalise_folds_full_width_and_strips() -> None:
    assert normalise("　ＡＢ１２３　") == "AB123"


def test_normalise_removes_listed_characters_only() -> None:
    assert normalise(" 430 102-19 ", remove=" -") == "43010219"
    assert normalise(" a b ") == "a b"


def test_normalise_treats_none_as_empty() -> None:
    assert normalise(None) == ""


# --- ID numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first17", "expected"),
    [
        ("11010519491231002", "X"),
        ("44052418800101001", "4"),
        ("43010219900307001", "2"),
    ],
)
def test_id_check_character_official_vectors(first17: str, expected: str) -> None:
    assert id_check_character(first17) == expected


@pytest.mark.parametrize(
    "bad", ["", "1234", "4301021990030700X", "１１０１０５１９４９１２３１００２"]
)
def test_id_check_character_refuses_anything_but_17_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="17位数字"):
        id_check_character(bad)


def test_valid_id_number_gives_birth_date_and_sex() -> None:
    assert check_id_number(VALID_ID, today=TODAY) == Check(
        ok=True, value=VALID_ID, birth_date=date(1990, 3, 7), sex="男"
    )


def test_valid_id_number_with_x_is_female_born_1949() -> None:
    result = check_id_number("11010519491231002X", today=TODAY)
    assert result.ok
    assert result.error is None
    assert result.warning is None
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "女"


def test_gb_example_born_1880_is_refused_by_the_1900_rule() -> None:
    # 440524188001010014 is a GB 11643 example and its check character "4" is right
    # (see test_id_check_character_official_vectors), but the birth date 1880-01-01 is before
    # 1900-01-01, which check_id_number refuses (no living person was born before 1900). The algorithm wins over the label
    # "valid" in the vector list.
    result = check_id_number("440524188001010014", today=TODAY)
    assert not result.ok
    assert result.error == "身份证号码中的出生日期1880-01-01早于1900年"


def test_wrong_check_character_is_reported_with_expected_and_actual() -> None:
    result = check_id_number("430102199003070013", today=TODAY)
    assert result == Check(
        ok=False, value="430102199003070013", error="身份证号码校验位不正确：应为2，实为3"
    )


@pytest.mark.parametrize("wrong", [c for c in "0123456789X" if c != "2"])
def test_every_wrong_check_character_is_refused(wrong: str) -> None:
    result = check_id_number("43010219900307001" + wrong, today=TODAY)
    assert not result.ok
    assert result.error == f"身份证号码校验位不正确：应为2，实为{wrong}"
    assert result.birth_date is None
    assert result.sex is None


def test_exactly_one_check_character_is_accepted() -> None:
    accepted = [
        c for c in "0123456789X" if check_id_number("43010219900307001" + c, today=TODAY).ok
    ]
    assert accepted == ["2"]


def test_lowercase_x_is_accepted_and_uppercased() -> None:
    result = check_id_number("11010519491231002x", today=TODAY)
    assert result.ok
    assert result.value == "11010519491231002X"


def test_full_width_digits_and_spaces_are_accepted() -> None:
    result = check_id_number("　４３０１０２ １９９００３０７ ００１２　", today=TODAY)
    assert result.ok
    assert result.value == VALID_ID


def test_full_width_lowercase_x_is_accepted() -> None:
    assert check_id_number("11010519491231002ｘ", today=TODAY).value == "11010519491231002X"


def test_empty_id_number() -> None:
    assert check_id_number("", today=TODAY) == Check(ok=False, value="", error="请填写身份证号码")
    assert check_id_number(None, today=TODAY).error == "请填写身份证号码"
    assert check_id_number("   ", today=TODAY).error == "请填写身份证号码"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("4301021990030700", "身份证号码应为18位（旧证15位），实为16位"),
        ("4301021990030700123", "身份证号码应为18位（旧证15位），实为19位"),
        ("43010219900307001Y", "身份证号码只能由数字组成，最后一位可以是X"),
        ("4301021990030X0012", "身份证号码只能由数字组成，最后一位可以是X"),
        ("43010290030700X", "15位旧身份证号码只能由数字组成"),
    ],
)
def test_malformed_id_numbers(text: str, error: str) -> None:
    result = check_id_number(text, today=TODAY)
    assert not result.ok
    assert result.error == error


def _with_check(first17: str) -> str:
    return first17 + id_check_character(first17)


def test_february_29_in_a_non_leap_year_is_refused() -> None:
    number = _with_check("43010219900229001")
    assert check_id_number(number, today=TODAY).error == (
        "身份证号码中的出生日期1990年2月29日不存在"
    )


def test_february_29_of_1900_is_refused_because_1900_is_not_leap() -> None:
    number = _with_check("43010219000229001")
    assert check_id_number(number, today=TODAY).error == (
        "身份证号码中的出生日期1900年2月29日不存在"
    )


def test_february_29_in_a_leap_year_is_accepted() -> None:
    result = check_id_number(_with_check("43010220000229002"), today=TODAY)
    assert result.ok
    assert result.birth_date == date(2000, 2, 29)
    assert result.sex == "女"


@pytest.mark.parametrize("month_day", ["1301", "0001", "0431", "0100"])
def test_impossible_months_and_days_are_refused(month_day: str) -> None:
    number = _with_check(f"4301021990{month_day}001")
    result = check_id_number(number, today=TODAY)
    assert not result.ok
    assert result.error is not None
    assert result.error.endswith("不存在")


def test_birth_in_1899_is_refused() -> None:
    number = _with_check("43010218991231001")
    assert check_id_number(number, today=TODAY).error == (
        "身份证号码中的出生日期1899-12-31早于1900年"
    )


def test_birth_on_1900_01_01_is_accepted() -> None:
    result = check_id_number(_with_check("43010219000101001"), today=TODAY)
    assert result.ok
    assert result.birth_date == date(1900, 1, 1)


def test_future_birth_date_is_refused() -> None:
    number = _with_check("43010220260302001")
    assert check_id_number(number, today=TODAY).error == (
        "身份证号码中的出生日期2026-03-02晚于今天"
    )


def test_birth_today_is_accepted() -> None:
    result = check_id_number(_with_check("43010220260301001"), today=TODAY)
    assert result.ok
    assert result.birth_date == TODAY


def test_today_defaults_to_the_system_date() -> None:
    assert check_id_number(VALID_ID).ok
    assert not check_id_number(_with_check("43010221000101001")).ok


def test_unknown_province_code_is_only_a_warning() -> None:
    number = _with_check("99010219900307001")
    result = check_id_number(number, today=TODAY)
    assert result.ok
    assert result.error is None
    assert result.warning == "地址码前两位“99”不是已知的省级行政区代码，请核对证件"


@pytest.mark.parametrize("province", ["11", "43", "65", "71", "81", "82", "83", "91"])
def test_known_province_codes_give_no_warning(province: str) -> None:
    result = check_id_number(_with_check(province + "010219900307001"), today=TODAY)
    assert result.ok
    assert result.warning is None


def test_fifteen_digit_number_is_converted_with_a_warning() -> None:
    result = check_id_number("430102900307001", today=TODAY)
    assert result == Check(
        ok=True,
        value=VALID_ID,
        warning="已将15位旧身份证号码转换为18位：430102199003070012",
        birth_date=date(1990, 3, 7),
        sex="男",
    )


def test_fifteen_digit_number_of_the_gb_example() -> None:
    # The 15-digit form of 11010519491231002X.
    result = check_id_number("110105491231002", today=TODAY)
    assert result.ok
    assert result.value == "11010519491231002X"
    assert result.sex == "女"


def test_fifteen_digit_number_with_bad_date_is_refused_after_conversion() -> None:
    result = check_id_number("430102900230001", today=TODAY)
    assert not result.ok
    assert result.value.startswith("43010219900230001")
    assert result.error == "身份证号码中的出生日期1990年2月30日不存在"


def test_fifteen_digit_number_with_unknown_province_has_both_warnings() -> None:
    result = check_id_number("990102900307001", today=TODAY)
    assert result.ok
    assert result.warning == (
        f"已将15位旧身份证号码转换为18位：{result.value}；"
        "地址码前两位“99”不是已知的省级行政区代码，请核对证件"
    )


def test_sex_follows_the_parity_of_the_17th_digit() -> None:
    for digit in "0123456789":
        result = check_id_number(_with_check("430102199003070" + "1" + digit), today=TODAY)
        assert result.sex == ("男" if int(digit) % 2 else "女")


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        (date(1990, 3, 7), date(2026, 3, 6), 35),
        (date(1990, 3, 7), date(2026, 3, 7), 36),
        (date(2000, 2, 29), date(2026, 2, 28), 25),
        (date(2000, 2, 29), date(2026, 3, 1), 26),
        (date(2000, 2, 29), date(2028, 2, 29), 28),
    ],
)
def test_age_on(born: date, day: date, age: int) -> None:
    assert age_on(born, day) == age


# --- Unified social credit codes ----------------------------------------------------------


def test_credit_charset_leaves_out_ambiguous_letters() -> None:
    assert len(CREDIT_CODE_CHARSET) == 31
    assert not set("IOZSV") & set(CREDIT_CODE_CHARSET)


@pytest.mark.parametrize("code", ["91430100MA4L00003Q", "91430105MA4P1234XL", "91430100740000006A"])
def test_valid_credit_codes(code: str) -> None:
    assert credit_code_check_character(code[:17]) == code[17]
    assert check_credit_code(code) == Check(ok=True, value=code)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("91350100M0001TGQXM", "1"), ("91350211M0000XUF46", "R")],
)
def test_pilot_area_codes_fail_the_check_but_only_warn(code: str, expected: str) -> None:
    assert credit_code_check_character(code[:17]) == expected
    result = check_credit_code(code)
    assert result.ok
    assert result.value == code
    assert result.error is None
    assert result.warning == (
        f"统一社会信用代码校验位不符：按标准应为{expected}，实为{code[17]}。"
        "早期试点地区发放的部分代码不符合校验规则，请对照营业执照核实"
    )


def test_every_wrong_credit_check_character_warns() -> None:
    first17 = "91430100MA4L00003"
    for wrong in CREDIT_CODE_CHARSET.replace("Q", ""):
        result = check_credit_code(first17 + wrong)
        assert result.ok
        assert result.warning is not None
        assert result.warning.startswith(f"统一社会信用代码校验位不符：按标准应为Q，实为{wrong}。")


def test_credit_check_remainder_zero_gives_zero() -> None:
    # 31 - (S mod 31) is 31 when S is a multiple of 31; the standard maps that to "0".
    found = next(
        f"9143010000000{a}{b}{c}{d}"
        for a in CREDIT_CODE_CHARSET
        for b in CREDIT_CODE_CHARSET
        for c in CREDIT_CODE_CHARSET
        for d in "0123"
        if credit_code_check_character(f"9143010000000{a}{b}{c}{d}") == "0"
    )
    assert check_credit_code(found + "0").warning is None


def test_credit_code_normalisation() -> None:
    result = check_credit_code(" ９１４３０１００ma4l-0000 3q ")
    assert result == Check(ok=True, value="91430100MA4L00003Q")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "请填写统一社会信用代码"),
        ("9143010MA4L00003Q", "统一社会信用代码应为18位，实为17位"),
        ("91430100MA4L00003QQ", "统一社会信用代码应为18位，实为19位"),
        (
            "91430100MA4L0000IQ",
            "统一社会信用代码含有不允许的字符：I（代码只用数字和除I、O、Z、S、V以外的大写字母）",
        ),
        (
            "91430100MAOL0S0Z3V",
            "统一社会信用代码含有不允许的字符：O、S、V、Z（代码只用数字和除I、O、Z、S、V以外的大写字母）",
        ),
        ("91A30100MA4L00003Q", "统一社会信用代码第3至8位应为行政区划代码（6位数字）"),
        (
            "914301#0MA4L00003Q",
            "统一社会信用代码含有不允许的字符：#（代码只用数字和除I、O、Z、S、V以外的大写字母）",
        ),
    ],
)
def test_malformed_credit_codes(text: str, error: str) -> None:
    result = check_credit_code(text)
    assert not result.ok
    assert result.error == error


def test_credit_check_character_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="17位代码字符"):
        credit_code_check_character("91430100MA4L0000")
    with pytest.raises(ValueError, match="17位代码字符"):
        credit_code_check_character("91430100MA4L0000I")


# --- Mobile numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "8613812345678",
        "(+86) 138 1234 5678",
        "１３８１２３４５６７８",
        "＋８６　１３８１２３４５６７８",
    ],
)
def test_mobile_numbers_are_normalised(text: str) -> None:
    assert check_mobile(text) == Check(ok=True, value="13812345678", kind="mobile")


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_all_mobile_prefixes_13_to_19(prefix: str) -> None:
    assert check_mobile(prefix + "812345678").ok


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "请填写手机号码"),
        ("  ", "请填写手机号码"),
        ("12812345678", "手机号码应以13至19开头，如13812345678"),
        ("23812345678", "手机号码应以13至19开头，如13812345678"),
        ("1381234567", "手机号码应为11位，实为10位"),
        ("138123456789", "手机号码应为11位，实为12位"),
        ("138123456a8", "手机号码只能包含数字"),
    ],
)
def test_bad_mobile_numbers(text: str, error: str) -> None:
    result = check_mobile(text)
    assert not result.ok
    assert result.error == error


def test_bare_86_is_kept_when_not_a_country_code() -> None:
    # 86 followed by ten digits is not "+86 + mobile"; nothing is stripped.
    result = check_mobile("8612345678")
    assert result.error == "手机号码应为11位，实为10位"


# --- Landlines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0731-88888888", "0731-88888888"),
        ("073188888888", "0731-88888888"),
        ("0731-8888888", "0731-8888888"),
        ("07398888888", "0739-8888888"),
        ("(0731)88888888", "0731-88888888"),
        ("（0731）88888888", "0731-88888888"),
        ("0731 8888 8888", "0731-88888888"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("02112345678", "021-12345678"),
        ("0731-88888888-123", "0731-88888888-123"),
        ("0731-88888888转123", "0731-88888888-123"),
        ("073188888888-6", "0731-88888888-6"),
        ("+86 731 88888888", "0731-88888888"),
        ("０７３１－８８８８８８８８", "0731-88888888"),
    ],
)
def test_landlines_are_normalised(text: str, value: str) -> None:
    assert check_landline(text) == Check(ok=True, value=value, kind="landline")


@pytest.mark.parametrize(
    "text",
    ["12345678", "0731-123456", "0731-123456789", "0731-88888888-1234567", "731-88888888", "0731"],
)
def test_bad_landlines(text: str) -> None:
    result = check_landline(text)
    assert not result.ok
    assert result.error == "固定电话号码格式不正确，应为“区号-号码”，如0731-88888888"


def test_empty_landline() -> None:
    assert check_landline("").error == "请填写固定电话号码"


def test_undashed_number_too_short_for_its_area_code() -> None:
    # 0731 + 6 digits matches the loose pattern as 073 + 7 digits, but 0731 is a four-digit
    # area code, which leaves only six digits for the number.
    assert not check_landline("0731123456").ok


# --- Phone (either kind) ------------------------------------------------------------------


def test_phone_accepts_mobile_or_landline() -> None:
    assert check_phone("138 1234 5678") == Check(ok=True, value="13812345678", kind="mobile")
    assert check_phone("0731-88888888") == Check(ok=True, value="0731-88888888", kind="landline")


def test_phone_errors_follow_what_the_input_looks_like() -> None:
    assert check_phone("1381234567").error == "手机号码应为11位，实为10位"
    assert check_phone("0731-123").error == (
        "固定电话号码格式不正确，应为“区号-号码”，如0731-88888888"
    )
    assert check_phone("88888888").error == (
        "联系电话格式不正确：应为11位手机号码（如13812345678）或带区号的固定电话（如0731-88888888）"
    )


def test_phone_empty() -> None:
    assert check_phone(" ") == Check(ok=False, value="", error="请填写联系电话")


# --- Person names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("张三", "张三"),
        (" 张 三 ", "张三"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("阿依古丽･买买提", "阿依古丽·买买提"),
        ("阿依古丽.买买提", "阿依古丽·买买提"),
        ("阿依古丽．买买提", "阿依古丽·买买提"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("John  Smith", "John Smith"),
        ("O'Brien", "O'Brien"),
        ("𬱖明", "𬱖明"),
    ],
)
def test_names_are_tidied(text: str, value: str) -> None:
    assert check_person_name(text) == Check(ok=True, value=value)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "请填写姓名"),
        ("   ", "请填写姓名"),
        ("张3", "姓名中不能含有数字"),
        ("张３", "姓名中不能含有数字"),
        ("张@三", "姓名中含有不允许的字符：@"),
        ("张三（李四）", "姓名中含有不允许的字符：(、)"),
        ("·张三", "姓名中的间隔号“·”只能出现在两段名字之间"),
        ("张三·", "姓名中的间隔号“·”只能出现在两段名字之间"),
        ("阿依古丽··买买提", "姓名中的间隔号“·”只能出现在两段名字之间"),
        ("张" * 41, "姓名过长：最多40个字，实为41个字"),
    ],
)
def test_bad_names(text: str, error: str) -> None:
    result = check_person_name(text)
    assert not result.ok
    assert result.error == error


def test_name_of_forty_characters_is_accepted() -> None:
    assert check_person_name("张" * 40).ok


def test_one_character_name_warns() -> None:
    assert check_person_name("张") == Check(
        ok=True, value="张", warning="姓名只有一个字，请核对是否漏填"
    )

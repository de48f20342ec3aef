"""Tests for de-identification in tribunal.domain.anonymise."""

from __future__ import annotations

import pytest

from tribunal.domain.anonymise import (
    COMPOUND_SURNAMES,
    aliases_for,
    case_caption,
    mask_id_number,
    mask_phone,
    organisation_alias,
    person_alias,
)

# --- person_alias -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("张三", "张某"),
        ("张三丰", "张某"),
        ("李", "李某"),
        (" 王 五 ", "王某"),
        ("张某", "张某"),
        ("欧阳娜娜", "欧阳某"),
        ("司马光", "司马某"),
        ("诸葛亮", "诸葛某"),
        ("上官婉儿", "上官某"),
        ("夏侯惇", "夏侯某"),
        ("阿依古丽·买买提", "阿某"),
        ("阿依古丽・买买提", "阿某"),
        ("玉素甫·艾山", "玉某"),
        ("john smith", "J某"),
        ("", "某某"),
        ("   ", "某某"),
        (None, "某某"),
    ],
)
def test_person_alias(name: str | None, alias: str) -> None:
    assert person_alias(name) == alias


def test_two_character_name_is_never_a_compound_surname_alone() -> None:
    # 夏侯 as a whole name is surname 夏 + given name 侯.
    assert person_alias("夏侯") == "夏某"
    assert person_alias("欧阳") == "欧某"


@pytest.mark.parametrize("surname", sorted(COMPOUND_SURNAMES))
def test_every_compound_surname_is_kept_whole(surname: str) -> None:
    assert person_alias(surname + "明") == surname + "某"


def test_brief_list_of_compound_surnames_is_present() -> None:
    required = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙"}
    required |= {"宇文", "司徒", "夏侯", "令狐", "端木", "澹台", "呼延", "轩辕", "南宫", "百里"}
    required |= {"东郭", "西门", "独孤"}
    assert required <= COMPOUND_SURNAMES


def test_ambiguous_pairs_are_not_compound_surnames() -> None:
    # 单 is a common surname: 单于洋 is 单 + 于洋, and keeping 于 would leak the given name.
    assert person_alias("单于洋") == "单某"


# --- aliases_for --------------------------------------------------------------------------


def test_unique_surnames_keep_plain_aliases() -> None:
    assert aliases_for(["张三", "李四", "王五"]) == {"张三": "张某", "李四": "李某", "王五": "王某"}


def test_same_surname_people_are_numbered_in_order() -> None:
    assert aliases_for(["张三", "李四", "张伟", "张三丰"]) == {
        "张三": "张某甲",
        "李四": "李某",
        "张伟": "张某乙",
        "张三丰": "张某丙",
    }


def test_result_follows_input_order() -> None:
    assert list(aliases_for(["张三", "李四", "张伟"])) == ["张三", "李四", "张伟"]


def test_same_name_twice_is_the_same_person() -> None:
    assert aliases_for(["张三", "张三"]) == {"张三": "张某"}
    assert aliases_for(["张三", "张伟", "张三"]) == {"张三": "张某甲", "张伟": "张某乙"}


def test_heavenly_stems_then_earthly_branches_then_numbers() -> None:
    names = [f"张{i:02d}号" for i in range(24)]
    aliases = aliases_for(names)
    marks = [aliases[name].removeprefix("张某") for name in names]
    assert marks == [*"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥", "23", "24"]


def test_compound_and_single_surnames_do_not_collide() -> None:
    assert aliases_for(["欧阳娜娜", "欧文"]) == {"欧阳娜娜": "欧阳某", "欧文": "欧某"}
    assert aliases_for(["欧阳娜娜", "欧阳修"]) == {"欧阳娜娜": "欧阳某甲", "欧阳修": "欧阳某乙"}


def test_minority_names_with_the_same_first_character() -> None:
    assert aliases_for(["阿依古丽·买买提", "阿不都·热合曼"]) == {
        "阿依古丽·买买提": "阿某甲",
        "阿不都·热合曼": "阿某乙",
    }


def test_aliases_for_empty_list() -> None:
    assert aliases_for([]) == {}


# --- organisation_alias -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("邵阳市宝庆机械制造有限公司", "某机械制造有限公司"),
        ("湖南宝庆机械制造有限公司", "某机械制造有限公司"),
        ("湖南省邵阳市宝庆钢构有限公司", "某钢构有限公司"),
        ("邵阳市宝庆超市有限公司", "某超市有限公司"),
        ("三一重工股份有限公司", "某重工股份有限公司"),
        ("湖南宝庆建筑工程有限责任公司", "某建筑工程有限责任公司"),
        ("邵阳宝庆人力资源服务有限公司", "某人力资源服务有限公司"),
        ("宝庆（邵阳）物业管理有限公司", "某物业管理有限公司"),
        ("宝庆(邵阳)物业管理有限公司", "某物业管理有限公司"),
        ("邵阳市宝庆机械厂", "某机械厂"),
        ("邵阳市大祥区张三烧烤店", "某烧烤店"),
        ("邵东县宝庆打火机厂", "某打火机厂"),
        ("湖南宝庆投资中心（有限合伙）", "某投资中心（有限合伙）"),
        ("湖南宝庆律师事务所（特殊普通合伙）", "某律师事务所（特殊普通合伙）"),
        ("华为技术有限公司邵阳分公司", "某技术有限公司分公司"),
        ("中国工商银行股份有限公司邵阳分行", "某银行股份有限公司分行"),
        ("某机械制造有限公司", "某机械制造有限公司"),
    ],
)
def test_organisation_keeps_industry_and_form(name: str, alias: str) -> None:
    assert organisation_alias(name) == alias


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("中联重科股份有限公司", "某公司"),
        ("邵阳宝庆有限公司", "某公司"),
        ("有限公司", "某公司"),
        ("邵阳市第一人民医院", "某医院"),
        ("邵阳市第二中学", "某中学"),
        ("邵阳宝庆大酒店", "某酒店"),
        ("宝庆集团", "某集团"),
        ("宝庆（特殊普通合伙）", "某事务所"),
        ("张三", "某单位"),
        ("邵阳市人力资源和社会保障局", "某单位"),
        ("", "某单位"),
        (None, "某单位"),
    ],
)
def test_organisation_falls_back_to_a_generic_name(name: str | None, alias: str) -> None:
    assert organisation_alias(name) == alias


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("邵阳市宝庆机械制造有限公司", "邵阳市某机械制造有限公司"),
        ("湖南宝庆机械制造有限公司", "湖南某机械制造有限公司"),
        ("湖南省邵阳市宝庆钢构有限公司", "湖南省邵阳市某钢构有限公司"),
        ("邵阳市大祥区张三烧烤店", "邵阳市大祥区某烧烤店"),
        ("邵阳宝庆机械制造有限公司", "某机械制造有限公司"),
        ("邵阳市第一人民医院", "邵阳市某医院"),
        ("新疆维吾尔自治区宝庆农业开发有限公司", "新疆维吾尔自治区某农业开发有限公司"),
    ],
)
def test_organisation_keep_place(name: str, alias: str) -> None:
    assert organisation_alias(name, keep_place=True) == alias


def test_one_character_place_prefix_is_not_kept() -> None:
    # 金州 could as well be a trade name; it must not survive de-identification.
    assert organisation_alias("金州机械有限公司", keep_place=True) == "某机械有限公司"


def test_trade_name_never_survives() -> None:
    for name in ("邵阳市宝庆机械制造有限公司", "宝庆科技有限公司", "湖南宝庆投资中心（有限合伙）"):
        assert "宝庆" not in organisation_alias(name)
        assert "宝庆" not in organisation_alias(name, keep_place=True)


# --- masking ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("430102199003070012", "4301**********0012"),
        ("11010519491231002x", "1101**********002X"),
        ("４３０１０２１９９００３０７００１２", "4301**********0012"),
        ("430102900307001", "4301*******7001"),
        ("E12345678", "*******78"),
        ("12345", "***45"),
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(text: str | None, masked: str) -> None:
    assert mask_id_number(text) == masked


def test_masked_id_keeps_length() -> None:
    assert len(mask_id_number("430102199003070012")) == 18


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("0731-88881234", "0731-******34"),
        ("073188881234", "0731-******34"),
        ("010-1234567", "010-*****67"),
        ("0731-88881234转123", "0731-******34-***"),
        ("12345", "***45"),
        ("95588", "***88"),
        ("", ""),
        ("  ", ""),
        (None, ""),
    ],
)
def test_mask_phone(text: str | None, masked: str) -> None:
    assert mask_phone(text) == masked


# --- case_caption -------------------------------------------------------------------------


def test_caption_person_against_company() -> None:
    caption = case_caption(["张三"], ["邵阳市宝庆机械制造有限公司"], respondent_is_org=[True])
    assert caption == "张某与某机械制造有限公司劳动争议案"


def test_caption_two_applicants_joined() -> None:
    caption = case_caption(["张三", "李四"], ["宝庆科技有限公司"], respondent_is_org=[True])
    assert caption == "张某、李某与某科技有限公司劳动争议案"


def test_caption_more_than_two_applicants_uses_deng() -> None:
    caption = case_caption(
        ["张三", "李四", "王五", "赵六"], ["宝庆科技有限公司"], respondent_is_org=[True]
    )
    assert caption == "张某、李某等与某科技有限公司劳动争议案"


def test_caption_same_surname_across_sides_and_hidden_parties() -> None:
    # The third applicant is not shown but still takes part in numbering, so the aliases
    # match the rest of the handout.
    caption = case_caption(
        ["张三", "李四", "张伟"],
        ["宝庆科技有限公司", "张六"],
        respondent_is_org=[True, False],
    )
    assert caption == "张某甲、李某等与某科技有限公司、张某丙劳动争议案"


def test_caption_several_respondents() -> None:
    caption = case_caption(
        ["张三"],
        ["宝庆科技有限公司", "宝庆劳务派遣有限公司", "李四"],
        respondent_is_org=[True, True, False],
    )
    assert caption == "张某与某科技有限公司、某劳务派遣有限公司等劳动争议案"


def test_caption_employer_as_applicant() -> None:
    caption = case_caption(
        ["宝庆科技有限公司"],
        ["张三"],
        respondent_is_org=[False],
        applicant_is_org=[True],
    )
    assert caption == "某科技有限公司与张某劳动争议案"


@pytest.mark.parametrize(
    ("applicants", "respondents", "flags", "message"),
    [
        ([], ["张三"], [False], "案件标题至少需要一名申请人"),
        (["张三"], [], [], "案件标题至少需要一名被申请人"),
        (["张三"], ["李四", "王五"], [False], "被申请人与“是否单位”标记的数量不一致"),
    ],
)
def test_caption_refuses_incomplete_input(
    applicants: list[str], respondents: list[str], flags: list[bool], message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        case_caption(applicants, respondents, respondent_is_org=flags)
    assert str(caught.value) == message


def test_caption_applicant_flags_must_match() -> None:
    with pytest.raises(ValueError, match=r"^申请人与“是否单位”标记的数量不一致$"):
        case_caption(["张三"], ["李四"], respondent_is_org=[False], applicant_is_org=[])

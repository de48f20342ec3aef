"""De-identification of names, numbers and captions for teaching and publicity material (脱敏).

The rules follow court practice for published judgments (法释〔2016〕19号): a person keeps the
surname and the given name becomes "某" (张三 → 张某); people who would share an alias become
张某甲, 张某乙 …; organisations lose place name and trade name. This is de-identification
(去标识化), not anonymity: readers who know the parties can still recognise a case, so the
clerk still has to remove distinctive facts by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tribunal.domain.validators import check_landline, check_mobile
from tribunal.texts import msg

__all__ = [
    "COMPOUND_SURNAMES",
    "INDUSTRY_TERMS",
    "LEGAL_FORMS",
    "PLACE_NAMES",
    "PLACE_SUFFIXES",
    "aliases_for",
    "case_caption",
    "mask_id_number",
    "mask_phone",
    "organisation_alias",
    "person_alias",
]


def _words(text: str) -> frozenset[str]:
    """Read a word list written as space-separated text, which keeps long lists legible."""
    return frozenset(text.split())


UNKNOWN_PERSON = "某某"
ANON = "某"

# Two-character surnames that are kept whole (欧阳修 → 欧阳某). Left out on purpose: 单于 and
# similar pairs whose first character is a common surname on its own (单 + 于洋), because
# keeping a given-name character would undo the de-identification.
COMPOUND_SURNAMES = _words(
    """
    欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 澹台 呼延
    轩辕 南宫 百里 东郭 西门 独孤 司空 闻人 赫连 申屠 淳于 鲜于 钟离 万俟 拓跋 公羊 闾丘
    左丘 第五 宗政 濮阳 太叔 公冶 羊舌 梁丘 乐正 亓官 巫马 漆雕 谷梁 仲孙 颛孙 东门 南门
    """
)

# Order used by courts to tell apart people with the same alias (张某甲, 张某乙 …); the
# earthly branches continue the series for very large collective cases.
_SERIES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def _tidy(text: str | None) -> str:
    if not text:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# The dots people type between the parts of a name, all read as the middle dot "·".
_NAME_DOTS = str.maketrans("・･•‧∙⋅.", "·" * 7)


def person_alias(name: str | None) -> str:
    """Return the published form of a person's name: surname + "某".

    * 张三 → 张某; 欧阳娜娜 → 欧阳某 (compound surname kept whole when the name has at
      least three characters — 夏侯 alone is 夏 + 侯).
    * Minority and foreign names with "·" keep their first character: 阿依古丽·买买提 → 阿某.
    * Names in Latin letters keep their first letter: John Smith → J某.
    * Empty → 某某.
    """
    tidy = _tidy(name).translate(_NAME_DOTS)
    tidy = tidy.strip("·")
    if not tidy:
        return UNKNOWN_PERSON
    if "·" not in tidy and len(tidy) >= 3 and tidy[:2] in COMPOUND_SURNAMES:
        return tidy[:2] + ANON
    return tidy[0].upper() + ANON


def _series_mark(index: int) -> str:
    if index < len(_SERIES):
        return _SERIES[index]
    return str(index + 1)


def aliases_for(names: Iterable[str]) -> dict[str, str]:
    """Return an alias for each distinct name, telling apart people who would share one.

    Names whose plain alias is unique keep it (张某); when several different names give the
    same alias they are numbered in order of first appearance: 张某甲, 张某乙, 张某丙 …
    The same name given twice is taken to be the same person.

    Args:
        names: Names in the order they appear in the case (applicants first).

    Returns:
        A mapping from each distinct name as given to its alias.
    """
    distinct = list(dict.fromkeys(names))
    groups: dict[str, list[str]] = {}
    for name in distinct:
        groups.setdefault(person_alias(name), []).append(name)
    aliases: dict[str, str] = {}
    for name in distinct:
        alias = person_alias(name)
        members = groups[alias]
        aliases[name] = alias if len(members) == 1 else alias + _series_mark(members.index(name))
    return aliases


# --- Organisations ------------------------------------------------------------------------
#
# An enterprise name is built as 行政区划 + 字号 + 行业 + 组织形式 (邵阳市 宝庆 机械制造
# 有限公司). The heuristic, applied to the name with spaces removed and brackets unified:
#
# 1. Find the organisational form at the end (longest match from LEGAL_FORMS). No known
#    form → "某单位". A branch (……有限公司邵阳分公司) is the head office's alias + 分公司.
# 2. Drop any bracketed part before the form (宝庆（邵阳）机械 → 宝庆机械): it is nearly
#    always a place name.
# 3. Peel known industry terms off the end of what is left (制造, then 机械); they form
#    the industry. Everything before them is place name and trade name and is dropped.
# 4. No industry term found → the form's generic name (某公司, 某医院 …), because guessing
#    where the trade name ends could leak part of it.
#
# With keep_place=True the leading place names (邵阳市, 湖南省, 湖南) are kept in front:
# 邵阳市某机械制造有限公司. Place names are recognised only by PLACE_SUFFIXES and the province
# short names, so a city written without 市 is treated as part of the trade name and dropped.


@dataclass(frozen=True)
class LegalForm:
    """An organisational form at the end of a name, and what to call such a body generically."""

    suffix: str
    generic: str


_COMPANY = "某公司"

LEGAL_FORMS: tuple[LegalForm, ...] = tuple(
    sorted(
        (
            *(
                LegalForm(suffix, _COMPANY)
                for suffix in (
                    "集团股份有限公司",
                    "集团有限责任公司",
                    "集团有限公司",
                    "股份有限公司",
                    "有限责任公司",
                    "有限公司",
                    "股份合作公司",
                    "集团公司",
                    "总公司",
                    "公司",
                )
            ),
            LegalForm("集团", "某集团"),
            LegalForm("合伙企业（有限合伙）", "某合伙企业"),
            LegalForm("（有限合伙）", "某合伙企业"),
            LegalForm("（普通合伙）", "某合伙企业"),
            LegalForm("（特殊普通合伙）", "某事务所"),
            LegalForm("合伙企业", "某合伙企业"),
            LegalForm("个人独资企业", "某企业"),
            LegalForm("农民专业合作社", "某合作社"),
            LegalForm("专业合作社", "某合作社"),
            LegalForm("合作社", "某合作社"),
            LegalForm("律师事务所", "某律师事务所"),
            LegalForm("会计师事务所", "某会计师事务所"),
            LegalForm("事务所", "某事务所"),
            LegalForm("工作室", "某工作室"),
            LegalForm("经营部", "某经营部"),
            LegalForm("门市部", "某门市部"),
            LegalForm("商行", "某商行"),
            LegalForm("商店", "某商店"),
            LegalForm("酒店", "某酒店"),
            LegalForm("宾馆", "某宾馆"),
            LegalForm("超市", "某超市"),
            LegalForm("厂", "某厂"),
            LegalForm("店", "某店"),
            LegalForm("中心", "某中心"),
            LegalForm("卫生院", "某卫生院"),
            LegalForm("医院", "某医院"),
            LegalForm("诊所", "某诊所"),
            LegalForm("幼儿园", "某幼儿园"),
            LegalForm("学校", "某学校"),
            LegalForm("中学", "某中学"),
            LegalForm("小学", "某小学"),
            LegalForm("大学", "某大学"),
            LegalForm("学院", "某学院"),
            LegalForm("研究院", "某研究院"),
            LegalForm("研究所", "某研究所"),
            LegalForm("协会", "某协会"),
            LegalForm("商会", "某商会"),
            LegalForm("基金会", "某基金会"),
        ),
        key=lambda form: -len(form.suffix),
    )
)

# Branches are named after the head office: ……有限公司邵阳分公司.
_BRANCH_SUFFIXES = ("分公司", "分厂", "分店", "分行", "支行", "营业部", "办事处", "分部")

# Industry terms (行业表述) that may stand right before the form. Only terms of two or more
# characters: single characters (电, 业 …) end too many trade names.
INDUSTRY_TERMS = _words(
    """
    机械 制造 设备 重工 轻工 工业 精密 模具 五金 金属 钢铁 钢结构 钢构 铝业 管业 线缆 电缆
    电子 电器 电气 电力 能源 新能源 光电 照明 电池 半导体 材料 新材料 化工 塑料 塑胶 橡胶
    玻璃 陶瓷 水泥 建材 石材 混凝土 矿业 煤业 冶金 有色 木业 家具 纸业 印刷 包装
    纺织 服装 服饰 鞋业 皮革 箱包 发制品 假发 打火机 烟花 爆竹 日用品 小商品
    食品 饮料 粮油 茶业 酒业 农业 林业 牧业 渔业 养殖 种植 生态 农产品 生物 医药 制药 药业
    医疗 器械 健康 卫生 科技 技术 信息 网络 软件 通信 数据 智能 数码 电子商务
    建筑 建设 工程 安装 装饰 装修 设计 劳务 市政 园林 绿化 房地产 开发 置业 置地 物业
    管理 服务 咨询 人力资源 人力 资源 派遣 保安 安保 保洁 家政 清洁 环保 环境
    贸易 商贸 进出口 国际 实业 投资 发展 控股 物流 运输 货运 快递 供应链 汽车 汽配 销售 维修
    超市 百货 连锁 商业 餐饮 酒店 宾馆 旅游 文化 传媒 广告 教育 培训 体育 娱乐 电影
    烧烤 小吃 火锅 美容 美发 银行 保险 证券 金融 担保
    """
)
_LONGEST_INDUSTRY = max(len(term) for term in INDUSTRY_TERMS)

PLACE_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "州",
    "县",
    "区",
    "旗",
    "盟",
)
# Province-level names as they appear in enterprise names without 省/市 (湖南宝庆……).
PLACE_NAMES = _words(
    """
    中国 北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北
    湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
    """
)
_PLACE_NAMES_LONGEST_FIRST = tuple(sorted(PLACE_NAMES, key=len, reverse=True))
# At least two characters before the suffix: one-character ones (金州, 津市) are more often a
# trade name than a place, and a trade name must never be kept.
_PLACE_SEGMENT = re.compile(r"[\u4e00-\u9fa5]{2,6}?(?:" + "|".join(PLACE_SUFFIXES) + ")")


def _leading_places(text: str) -> str:
    """Return the place names at the start of ``text`` (邵阳市大祥区宝庆 → 邵阳市大祥区)."""
    end = 0
    while end < len(text):
        rest = text[end:]
        named = next((p for p in _PLACE_NAMES_LONGEST_FIRST if rest.startswith(p)), None)
        match = _PLACE_SEGMENT.match(rest)
        # Prefer "湖南省" over "湖南" so the suffix is not left behind as a trade name.
        if match and (named is None or len(match.group()) >= len(named)):
            end += len(match.group())
        elif named:
            end += len(named)
        else:
            break
    return text[:end]


def _peel_industry(core: str) -> tuple[str, str]:
    """Split ``core`` into (place and trade name, industry) by peeling terms off the end."""
    end = len(core)
    while end > 0:
        for length in range(min(_LONGEST_INDUSTRY, end), 1, -1):
            if core[end - length : end] in INDUSTRY_TERMS:
                end -= length
                break
        else:
            break
    return core[:end], core[end:]


def _unify_brackets(text: str) -> str:
    return text.replace("(", "（").replace(")", "）")


def organisation_alias(name: str | None, *, keep_place: bool = False) -> str:
    """Return a generic name for an organisation, keeping industry and form only.

    "邵阳市宝庆机械制造有限公司" → "某机械制造有限公司" (with ``keep_place``:
    "邵阳市某机械制造有限公司"). When the name cannot be split sensibly the result is the
    generic name of its form ("某公司", "某医院"), or "某单位" when the form is unknown.
    See the comment above :data:`LEGAL_FORMS` for the heuristic.

    Args:
        name: The full registered name.
        keep_place: Keep the leading place names, e.g. for teaching material where the
            region matters and the audience is elsewhere.
    """
    tidy = _unify_brackets(_tidy(name))
    if not tidy:
        return "某单位"

    for branch in _BRANCH_SUFFIXES:
        if tidy.endswith(branch) and len(tidy) > len(branch):
            head = tidy[: -len(branch)]
            # The head office's name ends at its own form; what follows is the branch's place.
            for head_form in LEGAL_FORMS:
                cut = head.rfind(head_form.suffix)
                if cut > 0:
                    head_alias = organisation_alias(
                        head[: cut + len(head_form.suffix)], keep_place=keep_place
                    )
                    return head_alias + branch
            break

    form = next((f for f in LEGAL_FORMS if tidy.endswith(f.suffix)), None)
    if form is None:
        return "某单位"
    core = tidy[: -len(form.suffix)]
    if form.suffix.startswith("（"):
        # A partnership marker follows a complete name of its own: ……投资中心（有限合伙）.
        inner = organisation_alias(core, keep_place=keep_place)
        return inner + form.suffix if inner != "某单位" else form.generic
    core = re.sub(r"（[^（）]*）", "", core)
    head, industry = _peel_industry(core)
    place = _leading_places(head) if keep_place else ""
    if not industry:
        return place + form.generic
    return f"{place}{ANON}{industry}{form.suffix}"


# --- Masking numbers ----------------------------------------------------------------------


def mask_id_number(text: str | None) -> str:
    """Mask an ID or document number, keeping its length: 430102199003070012 → 4301**********0012.

    Numbers of twelve characters or more show their first and last four characters; shorter
    ones (passports, permits) show only the last two, since four plus four would reveal most
    of them. Empty stays empty.
    """
    value = _tidy(text).upper()
    if len(value) >= 12:
        return value[:4] + "*" * (len(value) - 8) + value[-4:]
    if len(value) > 4:
        return "*" * (len(value) - 2) + value[-2:]
    return "*" * len(value)


def mask_phone(text: str | None) -> str:
    """Mask a phone number for exports and sign-in sheets.

    * Mobile: 13812345678 → 138****1234 (country prefix dropped).
    * Landline: area code and the last two digits stay: 0731-88881234 → 0731-******34; an
      extension is masked too.
    * Anything else: every digit but the last two becomes "*".
    * Empty stays empty.
    """
    if not _tidy(text):
        return ""
    mobile = check_mobile(text)
    if mobile.ok:
        return mobile.value[:3] + "****" + mobile.value[-4:]
    landline = check_landline(text)
    if landline.ok:
        area, number, *extension = landline.value.split("-")
        masked = f"{area}-{'*' * (len(number) - 2)}{number[-2:]}"
        return masked + "".join(f"-{'*' * len(part)}" for part in extension)
    value = _tidy(text)
    digit_positions = [i for i, ch in enumerate(value) if ch.isdigit()]
    hidden = set(digit_positions[:-2])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


# --- Captions -----------------------------------------------------------------------------


def _join_parties(aliases: Sequence[str]) -> str:
    if len(aliases) <= 2:
        return "、".join(aliases)
    return "、".join(aliases[:2]) + "等"


def case_caption(
    applicants: Sequence[str],
    respondents: Sequence[str],
    *,
    respondent_is_org: Sequence[bool],
    applicant_is_org: Sequence[bool] | None = None,
) -> str:
    """Return the de-identified caption of a case, e.g. "张某与某机械制造有限公司劳动争议案".

    People get their aliases from one :func:`aliases_for` over all parties, so two 张 on
    opposite sides still read 张某甲 and 张某乙. More than two parties on a side show the
    first two followed by "等".

    Args:
        applicants: Applicants' names in order (申请人).
        respondents: Respondents' names in order (被申请人).
        respondent_is_org: For each respondent, whether it is an organisation.
        applicant_is_org: For each applicant, whether it is an organisation (employers can
            apply too); all people when omitted.

    Raises:
        ValueError: If a side is empty or a flag list does not match its names.
    """
    if not applicants:
        raise ValueError(msg("案件标题至少需要一名申请人"))
    if not respondents:
        raise ValueError(msg("案件标题至少需要一名被申请人"))
    if applicant_is_org is None:
        applicant_is_org = [False] * len(applicants)
    if len(applicant_is_org) != len(applicants):
        raise ValueError(msg("申请人与“是否单位”标记的数量不一致"))
    if len(respondent_is_org) != len(respondents):
        raise ValueError(msg("被申请人与“是否单位”标记的数量不一致"))

    parties = [*zip(applicants, applicant_is_org, strict=True)]
    parties += [*zip(respondents, respondent_is_org, strict=True)]
    people = aliases_for(name for name, is_org in parties if not is_org)

    def alias(name: str, is_org: bool) -> str:
        return organisation_alias(name) if is_org else people[name]

    applicant_side = [alias(n, o) for n, o in zip(applicants, applicant_is_org, strict=True)]
    respondent_side = [alias(n, o) for n, o in zip(respondents, respondent_is_org, strict=True)]
    return f"{_join_parties(applicant_side)}与{_join_parties(respondent_side)}劳动争议案"

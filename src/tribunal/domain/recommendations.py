"""仲裁建议书 and 用工风险提示 ("既办案又建言"): the employment practices a case may reveal, each with its legal basis.

A recommendation names what the case showed about the employer's practices and the rule each
one breaks, and asks for a written reply by a date; a 用工风险提示 for a zone's enterprises
gathers the practices of several cases, with no party named.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "PRACTICES",
    "REPLY_DAYS",
    "Practice",
    "default_reply_date",
    "practice",
    "risk_lines",
]

#: Days the employer is given to reply in writing, unless the clerk sets another date.
REPLY_DAYS = 30


@dataclass(frozen=True)
class Practice:
    """A practice found (用工问题), the rule it breaks, and what the employer should do."""

    code: str
    label: str
    basis: str
    advice: str


PRACTICES: tuple[Practice, ...] = (
    Practice("no_contract", "未与劳动者订立书面劳动合同",
             "《中华人民共和国劳动合同法》第十条、第八十二条",
             "自用工之日起一个月内与劳动者订立书面劳动合同，并对现有未签合同的人员逐一补签。"),
    Practice("social_insurance", "未依法为劳动者办理社会保险登记或者足额缴纳社会保险费",
             "《中华人民共和国社会保险法》第五十八条、第六十条",
             "自用工之日起三十日内办理社会保险登记，按时足额申报缴纳社会保险费。"),
    Practice("overtime", "延长工作时间超过法定限度",
             "《中华人民共和国劳动法》第四十一条、第四十四条",
             "与工会和劳动者协商安排加班，每日一般不超过一小时、特殊原因不超过三小时、每月不超过三十六小时，"
             "并依法支付加班工资。"),
    Practice("dismissal_procedure", "单方解除劳动合同未履行法定程序",
             "《中华人民共和国劳动合同法》第四十三条、第五十条",
             "单方解除劳动合同应当事先将理由通知工会，解除时出具解除劳动合同的证明，并在十五日内办理档案和"
             "社会保险关系转移手续。"),
    Practice("wages", "克扣或者无故拖欠劳动者工资",
             "《中华人民共和国劳动法》第五十条；《工资支付暂行规定》第七条",
             "按月足额以货币形式支付工资，不得克扣或者无故拖欠。"),
    Practice("annual_leave", "未安排职工休带薪年休假且未支付补偿",
             "《职工带薪年休假条例》第三条、第五条",
             "统筹安排职工年休假；确因工作需要不能安排的，按日工资收入的百分之三百支付年休假工资报酬。"),
    Practice("compensation", "解除或者终止劳动合同未依法支付经济补偿",
             "《中华人民共和国劳动合同法》第四十六条、第四十七条",
             "依法应当支付经济补偿的，在办结工作交接时支付。"),
)

_BY_CODE = {p.code: p for p in PRACTICES}


def practice(code: str) -> Practice:
    """The practice of a code.

    Raises:
        KeyError: no such practice.
    """
    return _BY_CODE[code]


def default_reply_date(issued_on: dt.date) -> dt.date:
    """The reply date a recommendation gets unless the clerk sets another."""
    return issued_on + dt.timedelta(days=REPLY_DAYS)


def risk_lines(cases_practices: Iterable[Iterable[str]]) -> list[tuple[Practice, int]]:
    """The practices found across several cases, most frequent first, with how many cases showed each.

    Unknown codes (a practice withdrawn from the list) are left out.
    """
    counts: Counter[str] = Counter()
    for codes in cases_practices:
        counts.update(set(codes) & _BY_CODE.keys())
    order = {p.code: i for i, p in enumerate(PRACTICES)}
    return [(_BY_CODE[c], n) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))]

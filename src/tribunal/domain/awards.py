"""Awards (裁决书): which awarded items are final, how a mixed award is split, what each part tells the parties.

《劳动争议调解仲裁法》第四十七条 makes two kinds of dispute final (终局裁决): (一) claims for
labour remuneration, work-injury medical costs, economic compensation or damages not above
twelve months of the local monthly minimum wage; (二) disputes over working time, rest and
leave, social insurance and the like under national labour standards. The amount compared is
the one *awarded* for each item (最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第十九条:
每项确定的数额均不超过……十二个月金额的，应当按照终局裁决处理). Anything else is not final.
The program suggests; the clerk (for the tribunal) decides each claim.

Remedies: for the final part the worker may sue within 15 days of receipt (第四十八条) and the
employer may apply within 30 days to the intermediate court where the commission sits to set
it aside (第四十九条); for the rest either party may sue within 15 days, after which it takes
effect (第五十条).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tribunal.domain.enums import FinalityCategory

__all__ = [
    "AMOUNT_ITEMS",
    "FINAL_REMEDIES",
    "NON_FINAL_REMEDIES",
    "AwardedItem",
    "Suggestion",
    "ThresholdMissing",
    "finality_threshold_fen",
    "parts",
    "suggest",
]

#: The 第四十七条第（一）项 categories: final when the awarded amount is small enough.
AMOUNT_ITEMS = frozenset({FinalityCategory.REMUNERATION, FinalityCategory.INJURY_MEDICAL,
                          FinalityCategory.COMPENSATION})

FINAL_REMEDIES = (
    "本裁决为终局裁决，自作出之日起发生法律效力。",
    "劳动者对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼"
    "（《中华人民共和国劳动争议调解仲裁法》第四十八条）。",
    "用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，"
    "可以自收到本裁决书之日起三十日内向本委所在地的中级人民法院申请撤销裁决。",
)
NON_FINAL_REMEDIES = (
    "当事人对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，"
    "本裁决书发生法律效力（《中华人民共和国劳动争议调解仲裁法》第五十条）。",
)


class ThresholdMissing(ValueError):
    """The monthly minimum wage in force where the commission sits is not entered for that date."""


@dataclass(frozen=True)
class Suggestion:
    """The suggested finality of one awarded item and why, in words a clerk can check."""

    final: bool
    reason: str


@dataclass(frozen=True)
class AwardedItem:
    """One claim as the award decides it."""

    claim_id: int
    item: str
    category: FinalityCategory
    awarded_fen: int | None
    final: bool


def finality_threshold_fen(monthly_minimum_wage_fen: int) -> int:
    """Twelve months of the local monthly minimum wage (当地月最低工资标准十二个月金额), in fen."""
    if monthly_minimum_wage_fen <= 0:
        raise ThresholdMissing("月最低工资标准须大于零")
    return 12 * monthly_minimum_wage_fen


def suggest(category: FinalityCategory, awarded_fen: int | None, threshold_fen: int | None) -> Suggestion:
    """The suggested finality of one claim.

    Args:
        category: what the claim is about.
        awarded_fen: the amount awarded on it (None: nothing in money — upheld or rejected
            without an amount; for an amount item this counts as not above the threshold).
        threshold_fen: 12 × the monthly minimum wage in force where the commission sits on the
            award date; None when it is not entered.

    Raises:
        ThresholdMissing: an amount item needs the threshold and it is not entered.
    """
    if category in AMOUNT_ITEMS:
        if threshold_fen is None:
            raise ThresholdMissing("未录入本委所在地裁决日适用的月最低工资标准，无法判断是否终局，请先录入")
        amount = awarded_fen or 0
        limit = f"{threshold_fen / 100:,.2f} 元"
        if amount <= threshold_fen:
            return Suggestion(True, f"{category.label_zh}裁决数额未超过当地月最低工资标准十二个月金额"
                                    f"（{limit}），属第四十七条第（一）项，建议终局")
        return Suggestion(False, f"{category.label_zh}裁决数额超过当地月最低工资标准十二个月金额"
                                 f"（{limit}），建议非终局")
    if category == FinalityCategory.STANDARDS:
        return Suggestion(True, "执行国家劳动标准发生的争议，属第四十七条第（二）项，建议终局，由仲裁庭认定")
    return Suggestion(False, "不属第四十七条规定的争议，非终局")


def parts(items: Sequence[AwardedItem], *, split: bool = True) -> list[tuple[bool, list[AwardedItem]]]:
    """The documents an award is written as: (final?, its items), final part first.

    With ``split`` (the commission's reading of 规则第五十条, a setting) an award with both
    final and non-final items becomes two 裁决书; without it, one 裁决书 that is not final as a
    whole (its final items are named in it). An award with no items is one non-final document.
    """
    final = [i for i in items if i.final]
    other = [i for i in items if not i.final]
    if final and other:
        if split:
            return [(True, final), (False, other)]
        return [(False, list(items))]
    if final:
        return [(True, final)]
    return [(False, list(items))]

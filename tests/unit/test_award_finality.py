"""Finality of an award decided per claim (《劳动争议调解仲裁法》第四十七条) on hand-built claims.

The minimum wage below is invented for the tests: 2,000.00 yuan a month, so the bound is
12 × 2,000.00 = 24,000.00 yuan (2,400,000 fen).
"""

from __future__ import annotations

import pytest

from tribunal.domain import awards
from tribunal.domain.awards import (
    AwardedItem,
    ThresholdMissing,
    finality_threshold_fen,
    parts,
    suggest,
)
from tribunal.domain.enums import FinalityCategory as C

MINIMUM_WAGE = 2_000_00  # invented, fen
BOUND = 12 * MINIMUM_WAGE


def test_the_bound_is_twelve_months_of_the_minimum_wage():
    assert finality_threshold_fen(MINIMUM_WAGE) == 2_400_000
    with pytest.raises(ThresholdMissing):
        finality_threshold_fen(0)


@pytest.mark.parametrize("category", [C.REMUNERATION, C.INJURY_MEDICAL, C.COMPENSATION])
@pytest.mark.parametrize(("awarded", "final"), [
    (BOUND - 1, True),  # below
    (BOUND, True),  # at: "不超过" includes the bound itself
    (BOUND + 1, False),  # above by one fen
    (0, True),  # rejected: nothing awarded
    (None, True),
])
def test_amount_items_compare_the_awarded_amount_with_the_bound(category, awarded, final):
    s = suggest(category, awarded, BOUND)
    assert s.final is final
    assert ("建议终局" in s.reason) is final and "24,000.00 元" in s.reason


def test_an_amount_item_needs_the_minimum_wage_entered():
    with pytest.raises(ThresholdMissing, match="月最低工资标准"):
        suggest(C.REMUNERATION, 100, None)
    # Items that do not turn on an amount do not need it.
    assert suggest(C.STANDARDS, 10**9, None).final is True
    assert suggest(C.OTHER, 1, None).final is False


def test_several_items_are_judged_each_on_its_own_amount():
    # Three amount items each below the bound are all final, though together they exceed it.
    items = [(C.REMUNERATION, 2_000_000), (C.COMPENSATION, 2_300_000), (C.INJURY_MEDICAL, 2_400_000)]
    assert sum(a for _, a in items) > BOUND
    assert [suggest(c, a, BOUND).final for c, a in items] == [True, True, True]


def _item(n: int, final: bool) -> AwardedItem:
    return AwardedItem(n, f"第{n}项", C.REMUNERATION, 100 * n, final)


def test_a_mixed_award_gives_two_documents_final_first():
    items = [_item(1, False), _item(2, True), _item(3, False), _item(4, True)]
    split = parts(items)
    assert [(final, [i.claim_id for i in part]) for final, part in split] == [(True, [2, 4]), (False, [1, 3])]
    # With the setting off, one document, not final as a whole.
    assert [(f, len(p)) for f, p in parts(items, split=False)] == [(False, 4)]


def test_an_award_all_final_or_all_not_is_one_document():
    assert [(f, len(p)) for f, p in parts([_item(1, True), _item(2, True)])] == [(True, 2)]
    assert [(f, len(p)) for f, p in parts([_item(1, False)])] == [(False, 1)]


def test_each_part_states_its_own_remedies():
    final = " ".join(awards.FINAL_REMEDIES)
    other = " ".join(awards.NON_FINAL_REMEDIES)
    assert "十五日内向人民法院提起诉讼" in final and "三十日内向本委所在地的中级人民法院申请撤销" in final
    assert "第四十八条" in final and "第四十九条" in final
    assert "第五十条" in other and "期满不起诉的" in other and "撤销" not in other

"""The teaching case (今日庭审案例) of a training handout: a general account the observers may read.

Observers are HR managers of other enterprises; what they read about the day's case must not
let them recognise the worker or learn more than the lesson needs (《个人信息保护法》第二十八条
counts health data among sensitive personal information). The default account is therefore
built from the case's structured facts, never from its free-text summary: the month the
application was made, the type of dispute, the claims in general words, and amounts no
closer than 万元 — no body part, no disability grade, no names of agents or representatives.
The clerk reviews and edits it before the handout is printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["approx_wan", "default_text", "generalise", "health_terms"]

# Words that describe an injury or an illness: a clause holding one is left out.
_BODY = ("头部", "颅脑", "面部", "眼", "耳", "鼻", "口腔", "牙", "颈", "肩", "胸", "腹", "背", "腰", "脊",
         "臂", "肘", "腕", "手", "指", "掌", "腿", "膝", "踝", "足", "脚", "趾", "骨", "关节", "韧带",
         "肌腱", "皮肤", "烧伤", "烫伤", "截肢", "骨折", "挫伤", "裂伤", "受伤", "伤情", "病情", "职业病",
         "尘肺", "中毒", "住院", "手术", "诊断", "致残", "失明", "听力")
# "伤残" alone is not among them: it names benefits (一次性伤残补助金); a grade is caught by _GRADE.
_NUMERAL = r"[一二三四五六七八九十\d]+"
_GRADE = re.compile(rf"(?:评定|鉴定|认定)为?{_NUMERAL}\s*级(?:\s*伤残)?|{_NUMERAL}\s*级\s*伤残"
                    rf"|伤残\s*(?:等级\s*)?(?:为\s*)?{_NUMERAL}\s*级")
_AMOUNT = re.compile(r"(?:人民币)?\s*[\d,，.]+\s*(?:万)?元|[零一二三四五六七八九十百千万亿]+元")
_ONE_DAY = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
_DATE = re.compile(rf"\d{{4}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?(?:\s*(?:至|到|—|-)\s*{_ONE_DAY})?")
_CLAUSE = re.compile(r"[^，。；;,]+[，。；;,]?")


def health_terms(text: str) -> list[str]:
    """The injury, illness and disability words found in ``text`` (for a warning to the clerk)."""
    found = [word for word in _BODY if word in text]
    found += [m.group(0) for m in _GRADE.finditer(text)]
    return list(dict.fromkeys(found))


def generalise(text: str) -> str:
    """A claim or sentence in general words: no disability grade, no exact amount or date,
    and no clause about an injury (body part, diagnosis, treatment)."""
    text = _GRADE.sub("", text or "")
    text = _AMOUNT.sub("", text)
    text = _DATE.sub("", text)
    kept = [clause for clause in _CLAUSE.findall(text) if not any(word in clause for word in _BODY)]
    out = "".join(kept).strip("，,；; ")
    return re.sub(r"\s+", "", out)


def approx_wan(fen: int | None) -> str:
    """An amount to the nearest 万元 for teaching material: 约6万元, 不足1万元; "" for none."""
    if not fen or fen <= 0:
        return ""
    wan = round(fen / 100 / 10_000)
    return "不足1万元" if wan < 1 else f"约{wan}万元"


def default_text(month: str, dispute: str, claims: Sequence[tuple[str, int | None]], *,
                 worker_applies: bool = True) -> str:
    """The default account of the case, from its structured facts only.

    Args:
        month: when the application was made ("2026年11月").
        dispute: the type of dispute as a phrase ("工伤保险待遇争议").
        claims: (item, amount in fen) of each claim.
        worker_applies: whether the worker is the applicant (an employer may apply too).
    """
    applicant, other = ("劳动者一方", "用人单位") if worker_applies else ("用人单位", "劳动者一方")
    items = [item for item in (generalise(c) for c, _fen in claims) if item]
    total = sum(fen or 0 for _c, fen in claims)
    parts = [f"{month}，{applicant}与{other}因{dispute}申请劳动人事争议仲裁。"]
    if items:
        shown = "、".join(dict.fromkeys(items[:3]))
        more = "等" if len(items) > 3 else ""
        parts.append(f"{applicant}提出仲裁请求{len(claims)}项，主要是{shown}{more}")
        parts.append(f"，请求金额合计{approx_wan(total)}。" if approx_wan(total) else "。")
    parts.append("双方对有关事实和请求各执一词，争议焦点以庭审查明的情况为准。")
    return "".join(parts)

"""仲裁建议书 (to one employer, from a case) and 用工风险提示 (to a zone's enterprises, no party named)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.formatting import chinese_date

__all__ = ["AdviceItem", "RecommendationData", "RecommendationLetter", "RiskNoticeData", "RiskNoticeDocument"]


@dataclass(frozen=True)
class AdviceItem:
    """One practice found, its legal basis and what to do; ``detail`` is what the case showed."""

    label: str
    basis: str
    advice: str
    detail: str = ""
    cases: int = 0  # in a risk notice: how many cases showed it


@dataclass(frozen=True)
class RecommendationData:
    """A recommendation to print."""

    recommendation_id: int
    number: str  # the case number it comes from ("" when none)
    addressee: str
    dispute: str  # 张某与贵单位劳动报酬争议一案
    items: tuple[AdviceItem, ...]
    details: str
    issued_on: dt.date
    reply_due: dt.date
    contact: str = ""


@dataclass(frozen=True)
class RiskNoticeData:
    """A risk notice to print."""

    notice_id: int
    title: str
    audience: str  # 邵阳经济技术开发区各用人单位
    case_count: int
    items: tuple[AdviceItem, ...]
    text: str
    issued_on: dt.date


class RecommendationLetter(DocumentRenderer[RecommendationData]):
    """仲裁建议书: what the case showed, the rule each practice breaks, what to do, and a reply date."""

    KIND = "recommendation"
    SAVE_LAST_PAGE = True

    def names(self, data: RecommendationData) -> list[str]:
        return [data.addressee, data.number]

    def meta(self, data: RecommendationData) -> DocMeta:
        return DocMeta(title="仲裁建议书", issue_date=data.issued_on, key=f"recommendation:{data.recommendation_id}",
                       subject=f"仲裁建议书（{data.addressee}）")

    def story(self, data: RecommendationData) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [*self.heading_block("仲裁建议书", number=data.number), self.lines(0.3),
                                 self.p(f"{data.addressee}：", s.addressee)]
        story.append(self.p(f"本委在审理{data.dispute}中发现，贵单位在用工管理中存在以下问题，"
                            "为预防和减少劳动争议，依法维护劳动者和用人单位的合法权益，特提出如下建议：", s.body))
        for i, item in enumerate(data.items, 1):
            story.append(self.lead(f"{_number(i)}、{item.label}。", item.detail))
            story.append(self.p(f"依据：{item.basis}。建议：{item.advice}", s.body))
        if data.details:
            story += [self.p(par, s.body) for par in data.details.splitlines() if par.strip()]
        last = [self.p(f"请贵单位于{chinese_date(data.reply_due)}前将整改情况书面回复本委。"
                       + (f"联系人：{data.contact}。" if data.contact else ""), s.body)]
        story.append(self.closing(last, data.issued_on))
        return story


class RiskNoticeDocument(DocumentRenderer[RiskNoticeData]):
    """用工风险提示: the practices several cases showed, most frequent first, with no party named."""

    KIND = "risk_notice"
    SAVE_LAST_PAGE = True

    def meta(self, data: RiskNoticeData) -> DocMeta:
        return DocMeta(title=data.title, issue_date=data.issued_on, key=f"risk_notice:{data.notice_id}",
                       subject=data.title)

    def story(self, data: RiskNoticeData) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [*self.heading_block(data.title), self.lines(0.3),
                                 self.p(f"{data.audience}：", s.addressee)]
        story.append(self.p(f"本委近期审理的{data.case_count}件劳动人事争议案件反映出部分用人单位在用工管理中"
                            "存在以下风险，现予提示，请对照自查、及时规范：", s.body))
        for i, item in enumerate(data.items, 1):
            seen = f"（{item.cases}件案件涉及）" if item.cases else ""
            story.append(self.lead(f"{_number(i)}、{item.label}{seen}。", f"依据：{item.basis}。"))
            story.append(self.p(f"建议：{item.advice}", s.body))
        if data.text:
            story += [self.p(par, s.body) for par in data.text.splitlines() if par.strip()]
        story.append(self.closing([self.p("特此提示。", s.body)], data.issued_on))
        return story


_NUMERALS = "一二三四五六七八九十"


def _number(n: int) -> str:
    """一 … 十九 (a list of practices never runs longer)."""
    if n <= 10:
        return _NUMERALS[n - 1]
    return "十" + _NUMERALS[n - 11]

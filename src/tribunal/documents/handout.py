"""培训讲义 — the training handout: the day's case as a de-identified teaching case, then the topics."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from tribunal.documents import wording
from tribunal.documents.announcement import public_names
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import PublicHearing, TeachingCase
from tribunal.documents.formatting import day_with_weekday

__all__ = ["HandoutData", "TrainingHandout"]

_NUMERALS = "一二三四五六七八九十"


def _ordinal(n: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十 (enough for a handout's topic list)."""
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else _NUMERALS[tens - 1]}十{_NUMERALS[ones - 1] if ones else ''}"


@dataclass(frozen=True)
class HandoutData:
    """The public hearing (with its training and topics) and the de-identified case."""

    hearing: PublicHearing
    case: TeachingCase


class TrainingHandout(DocumentRenderer[HandoutData]):
    """培训讲义: cover lines, 今日案例 (de-identified), 培训专题 with legal basis, where to get help."""

    KIND = "handout"

    def names(self, data: HandoutData) -> list[str]:
        return public_names(data.hearing)

    def meta(self, data: HandoutData) -> DocMeta:
        return DocMeta(title="培训讲义", issue_date=data.hearing.starts_at.date(),
                       key=f"handout:h{data.hearing.hearing_id}")

    def footer_note(self, data: HandoutData) -> str:
        return wording.HANDOUT_DISCLAIMER

    def _paragraphs(self, text: str) -> list[Flowable]:
        parts = [line.strip() for line in text.replace("\r", "").split("\n")]
        return [self.p(part, self.styles.body) for part in parts if part]

    def story(self, data: HandoutData) -> list[Flowable]:
        h, case, training = data.hearing, data.case, data.hearing.training
        s = self.styles
        story: list[Flowable] = [
            self.p("劳动法律培训讲义", s.title),
            self.p(training.title or "巡回仲裁庭审观摩暨劳动法律培训", s.subtitle),
            self.p(f"主办：{self.commission.institute}", s.cell_center),
            self.p(f"时间：{day_with_weekday(h.starts_at.date())}", s.cell_center),
            self.p(f"地点：{h.venue.place}", s.cell_center),
            self.lines(0.5),
            self.p("一、今日庭审案例", s.h1),
            self.p(f"案例：{case.caption}", s.body),
            self.p("（一）基本案情", s.h2),
        ]
        summary = self._paragraphs(case.summary) or [self.p("（案情由主讲人现场介绍。）", s.body)]
        if case.applied_month:
            story.append(self.p(f"{case.applied_month}，劳动者一方申请劳动人事争议仲裁。", s.body))
        story += summary
        if case.claims:
            story.append(self.p("（二）仲裁请求", s.h2))
            for n, claim in enumerate(case.claims, 1):
                amount = f"，{claim.approx_amount}" if claim.approx_amount else ""
                story.append(self.p(f"{n}. {claim.item}{amount}。", s.body))
        story.append(self.p(f"（{'三' if case.claims else '二'}）观摩提示", s.h2))
        story.append(self.p(
            "请留意双方围绕争议焦点的举证和质证，以及仲裁庭调查的重点。金额已作约数处理；"
            "本案结果以仲裁机构依法作出的法律文书为准。", s.body))

        story.append(self.p("二、培训专题", s.h1))
        if not training.topics:
            story.append(self.p("本次培训专题由主讲人现场讲授。", s.body))
        for n, topic in enumerate(training.topics, 1):
            # The heading goes with the topic's first lines (the base ties headings to what
            # follows); the 法律依据 line goes with its last lines.
            story.append(self.p(f"（{_ordinal(n)}）{topic.title}", s.h2))
            body = self._paragraphs(topic.body) or [self.p("（由主讲人现场讲授。）", s.body)]
            if topic.legal_basis:
                story += body[:-1]
                story.append(self.keep_with_previous(body[-1:], [self.p(f"法律依据：{topic.legal_basis}", s.note)]))
            else:
                story += body

        story.append(self.p("三、遇到劳动争议怎么办", s.h1))
        story.append(self.p(
            "劳动争议可以协商解决，也可以向企业劳动争议调解委员会或者基层调解组织申请调解；"
            "不愿调解、调解不成或者达成协议后不履行的，可以向劳动人事争议仲裁委员会申请仲裁，"
            "仲裁不收费；对仲裁裁决不服的，可以依法向人民法院起诉。", s.body))
        contact = self.commission.institute
        if self.commission.address:
            contact += f"，地址：{self.commission.address}"
        if self.commission.phone:
            contact += f"，电话：{self.commission.phone}"
        story.append(self.p(f"咨询：{contact}；劳动保障咨询服务电话12333。", s.body))
        return story

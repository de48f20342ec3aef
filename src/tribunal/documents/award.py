"""裁决书 — an award or partial award with the elements of 《劳动争议调解仲裁法》第四十六条.

Claims, facts in dispute, reasons, result (item by item, with the amount) and date; the
arbitrators sign (one who disagrees may decline — printed as such) and the commission seals
(its name is printed where the seal goes). Each document states its own remedies: 第四十八条
and 第四十九条 for a final award, 第五十条 for the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.mediation import CaseHeader, case_names, parties_block, signing_block
from tribunal.domain.money import format_yuan

__all__ = ["AwardData", "AwardDocument", "AwardLine"]


@dataclass(frozen=True)
class AwardLine:
    """One item of the result: what is decided and the amount (None: no amount)."""

    decision: str
    awarded_fen: int | None


@dataclass(frozen=True)
class AwardData:
    """One 裁决书 to print (a mixed award gives two of these)."""

    header: CaseHeader
    award_id: int
    partial: bool
    final: bool
    part_label: str  # "" for a single document; "（终局裁决）" / "（非终局裁决）" for one of two
    facts: str
    reasons: str
    lines: tuple[AwardLine, ...]
    remedies: tuple[str, ...]
    award_date: dt.date
    declined: tuple[tuple[str, str], ...] = ()  # (arbitrator, note printed instead of a signature)
    other_part: str = ""  # the other document of a split award, named so neither is read alone
    earlier: str = ""  # claims already decided by a partial award: "第15项请求已于2026年11月20日先行裁决"


class AwardDocument(DocumentRenderer[AwardData]):
    """裁决书 / 先行裁决书."""

    KIND = "award"
    SAVE_LAST_PAGE = True
    GLYPH_SEED = "裁决书先行申请人被申请人委托代理人法定代表人仲裁请求争议事实裁决理由裁决结果如下首席仲裁员书记员终局"

    def names(self, data: AwardData) -> list[str]:
        return case_names(data.header)

    def _title(self, data: AwardData) -> str:
        return ("先行裁决书" if data.partial else "裁决书") + data.part_label

    def meta(self, data: AwardData) -> DocMeta:
        part = "final" if data.final else "other"
        return DocMeta(title=self._title(data), issue_date=data.award_date, key=f"award:{data.award_id}:{part}",
                       subject=f"{data.header.number} {self._title(data)}")

    def story(self, data: AwardData) -> list[Flowable]:
        h = data.header
        s = self.styles
        title = "　".join(self._title(data).replace(data.part_label, "")) if not data.part_label else \
            self._title(data)
        story: list[Flowable] = [*self.heading_block(title, number=h.number), self.lines(0.3)]
        story += parties_block(self, h)
        applicants = "、".join(p.name for p in h.parties if p.role == "申请人")
        respondents = "、".join(p.name for p in h.parties if p.role == "被申请人")
        accepted = f"本委于{h.accepted.year}年{h.accepted.month}月{h.accepted.day}日受理后，依法组成仲裁庭进行审理。" if h.accepted else "本委依法受理后，组成仲裁庭进行审理。"
        story.append(self.p(f"申请人{applicants}与被申请人{respondents}{h.dispute}一案，{accepted}"
                            "本案现已审理终结。" if not data.partial else
                            f"申请人{applicants}与被申请人{respondents}{h.dispute}一案，{accepted}"
                            "因本案部分事实已经清楚，仲裁庭依照《中华人民共和国劳动争议调解仲裁法》第四十三条第二款，"
                            "就该部分先行裁决。", s.body))
        story.append(self.lead("一、仲裁请求。", "申请人请求："))
        for i, claim in enumerate(h.claims, 1):
            story.append(self.p(f"{i}. {claim}", s.body))
        story.append(self.lead("二、争议事实。", ""))
        story += [self.p(par, s.body) for par in _paragraphs(data.facts)]
        story.append(self.lead("三、裁决理由。", ""))
        story += [self.p(par, s.body) for par in _paragraphs(data.reasons)]
        story.append(self.lead("四、裁决结果。", "裁决如下："))
        for i, line in enumerate(data.lines, 1):
            amount = f"{format_yuan(line.awarded_fen)}元" if line.awarded_fen is not None else ""
            text = line.decision.rstrip("。；;")
            if amount and amount not in text:
                text += f"（{amount}）"
            story.append(self.p(f"{i}. {text}。", s.body))
        if data.earlier:
            story.append(self.p(f"申请人{data.earlier}，本裁决不再重复。", s.body))
        if data.other_part:
            story.append(self.p(f"本案其余仲裁请求的裁决见同日作出的{data.other_part}。", s.body))
        remedies = [self.p(r, s.body) for r in data.remedies]
        declined = dict(data.declined)
        story.append(self.keep_with_previous(remedies, signing_block(self, h, data.award_date, declined)))
        return story


def _paragraphs(text: str) -> list[str]:
    out = [line.strip() for line in text.splitlines() if line.strip()]
    return out or ["（未填写）"]

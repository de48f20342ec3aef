"""庭审笔录 — the hearing record as printed: stages, evidence list, corrections, signatures.

《劳动争议调解仲裁法》第四十条: the record is signed (or sealed) by the arbitrators, the
clerk, the parties and the other participants; a correction asked for and not made is
recorded. The parties and their agents also sign the foot of every page, so no page can be
exchanged afterwards; observers are not participants and never sign.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.domain.hearing_record import (
    CaseFacts,
    Person,
    RecordContent,
    closing_statement,
    page_signatories,
)

__all__ = ["HearingRecordData", "HearingRecordRenderer", "page_footer"]

_NUMERALS = "一二三四五六七八九十"
_DECISION = {"pending": "待处理", "made": "已补正", "refused": "不予补正"}


@dataclass(frozen=True)
class HearingRecordData:
    """The case facts, the record as typed, and the date printed under the record."""

    facts: CaseFacts
    content: RecordContent
    issue_date: dt.date


_SIDE = {"applicant": "申请人", "respondent": "被申请人", "third_party": "第三人"}


def _short(person: Person, people: tuple[Person, ...]) -> str:
    """How a page-foot signature line names its signer: 申请人 / 被申请人 (with the name when a side
    has several), an agent as 申请人代理人 and the like: short enough for one or two lines."""
    side = _SIDE.get(person.side, person.role)
    if person.kind == "party":
        same = [p for p in people if p.kind == "party" and p.side == person.side]
        return side if len(same) == 1 else f"{side}{person.name}"
    same = [p for p in people if p.kind == "agent" and p.side == person.side]
    return f"{side}代理人" if len(same) == 1 else f"{side}代理人{person.name}"


def page_footer(facts: CaseFacts) -> str:
    """The signature line at the foot of every page: each party and agent, a space to sign."""
    people = page_signatories(facts)
    if not people:
        return ""
    blanks = "＿" * 6
    return "本页签名　" + "　".join(f"{_short(p, people)}：{blanks}" for p in people)


class HearingRecordRenderer(DocumentRenderer[HearingRecordData]):
    """庭审笔录: header, each stage with its starting time, 证据目录, 补正申请, 签名."""

    KIND = "hearing_record"
    PAGE_NUMBERS = "x_of_y"
    GLYPH_SEED = ("庭审笔录案号案由时间地点仲裁员书记员申请人被申请人委托代理人证据目录序号提交人证据名称证明目的"
                  "质证意见补正申请处理结果已补正不予补正理由以上笔录已阅与陈述一致已向我宣读拒绝签名本页签名"
                  "0123456789年月日时分：，。、（）")

    def names(self, data: HearingRecordData) -> list[str]:
        f = data.facts
        return [f.case_number, *(p.name for p in (*f.parties, *f.agents, *f.participants, *f.panel)), f.clerk]

    def meta(self, data: HearingRecordData) -> DocMeta:
        return DocMeta(title="庭审笔录", issue_date=data.issue_date,
                       key=f"hearing_record:h{data.content.hearing_id}:r{data.content.revision}",
                       subject=data.facts.case_number)

    def footer_note(self, data: HearingRecordData) -> str:
        return page_footer(data.facts)

    def story(self, data: HearingRecordData) -> list[Flowable]:
        s = self.styles
        content = data.content
        out: list[Flowable] = [*self.heading_block("庭审笔录", issuer_name=self.commission.institute)]
        n = 0
        for stage in content.stages:
            if not stage.text.strip():
                continue
            head = f"{_NUMERALS[n]}、{stage.title}"
            if stage.started_at is not None:
                head += f"（{stage.started_at:%H时%M分}）"
            n += 1
            out.append(self.p(head, s.h2))
            for line in stage.text.splitlines():
                if line.strip():
                    out.append(self.p(line, s.body_flush))
        if content.evidence:
            out.append(self.p("证据目录", s.h2))
            columns = (Column("序号", 10, "number", "center"), Column("提交人", 22, min_width=16),
                       Column("证据名称", 38), Column("证明目的", 42), Column("对方质证意见", 44))
            rows = [[str(i), e.producer, e.name, e.purpose, e.opinion] for i, e in enumerate(content.evidence, 1)]
            out.append(self.table(columns, rows, continued="证据目录"))
        if content.corrections:
            out.append(self.p("阅读笔录后的补正申请（《中华人民共和国劳动争议调解仲裁法》第四十条）", s.h2))
            for i, c in enumerate(content.corrections, 1):
                stage_title = next((st.title for st in content.stages if st.key == c.stage), c.stage)
                result = _DECISION.get(c.decision, c.decision)
                if c.reason:
                    result += f"（理由：{c.reason}）"
                out.append(self.p(f"{i}. {c.requested_by}申请补正“{stage_title}”部分：{c.request}。处理结果：{result}。",
                                  s.body_flush))
        out.append(self.lines(0.5))
        out.append(self.p("签名", s.h2))
        signers: list[list[object]] = []
        for person in content.signatories:
            statement = closing_statement(person)
            who = f"{person.role}：{person.name}"
            signers.append([who + (f"\n{statement}" if statement else ""),
                         None if person.mode == "refused" else self.box(10 * mm)])
        signature_columns = (Column("签名人及阅读意见", 106, min_width=80), Column("签名（捺印）", 50, "box"))
        out.append(self.table(signature_columns, signers, continued="庭审笔录签名"))
        out.append(self.p(f"{data.issue_date:%Y年%m月%d日}", s.signature))
        return out

"""调解书 — the mediation statement (《劳动争议调解仲裁法》第四十二条), and the proof of service for it and for awards.

The statement names the parties and their agents, the claims and the result the parties agreed
to; the arbitrators sign it and the commission seals it. The program prints no seal: it prints
the commission's name where the seal goes. It takes effect once both parties have signed for
it, so its proof of service offers no 留置送达.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.documents.formatting import signature_date

__all__ = ["CaseHeader", "CaseReceipt", "MediationData", "MediationStatement", "PrintAgent", "PrintParty",
           "ReceiptData", "case_names", "parties_block", "signing_block"]


@dataclass(frozen=True)
class PrintAgent:
    """An agent as a statement names them: 委托代理人王五，某律师事务所律师."""

    capacity: str  # 委托代理人, 法定代理人 …
    name: str
    detail: str = ""


@dataclass(frozen=True)
class PrintParty:
    """A party as a statement names it, with what identifies it (no ID number is printed)."""

    id: int
    role: str  # 申请人, 被申请人, 第三人
    name: str
    person: bool
    detail: str = ""  # 性别，出生日期，住址 / 住所地
    representative: str = ""  # 法定代表人：某某，职务
    address: str = ""  # address for service
    agents: tuple[PrintAgent, ...] = ()


@dataclass(frozen=True)
class CaseHeader:
    """What every case document starts from: number, dispute, parties, claims and the panel."""

    case_id: int
    number: str
    dispute: str  # 劳动报酬争议
    parties: tuple[PrintParty, ...]
    claims: tuple[str, ...]
    panel: tuple[tuple[str, str], ...]  # (role label as printed, name)
    clerk: str
    received: dt.date
    accepted: dt.date | None


@dataclass(frozen=True)
class MediationData:
    """A mediation statement to print."""

    header: CaseHeader
    mediation_id: int
    terms: tuple[str, ...]
    statement_date: dt.date


@dataclass(frozen=True)
class ReceiptData:
    """One proof of service of a statement or an award to one party."""

    header: CaseHeader
    party: PrintParty
    document: str  # 调解书 / 裁决书 / 裁决书（终局裁决部分）
    issue_date: dt.date
    key: str
    allow_left: bool  # 留置送达 offered (never for a 调解书)


def case_names(header: CaseHeader) -> list[str]:
    """Names no line may break inside."""
    out = [header.number, header.clerk, *(name for _, name in header.panel)]
    for party in header.parties:
        out.append(party.name)
        out.extend(a.name for a in party.agents)
    return [n for n in out if n]


def parties_block(doc: DocumentRenderer[Any], header: CaseHeader) -> list[Flowable]:
    """申请人：…。委托代理人：…。 one paragraph each, in the order of the case."""
    s = doc.styles
    out: list[Flowable] = []
    for party in header.parties:
        text = f"{party.role}：{party.name}"
        if party.detail:
            text += f"，{party.detail}"
        out.append(doc.p(text + "。", s.body_flush))
        if party.representative:
            out.append(doc.p(f"法定代表人：{party.representative}。", s.body_flush))
        for agent in party.agents:
            out.append(doc.p(f"{agent.capacity}：{agent.name}" + (f"，{agent.detail}" if agent.detail else "") + "。",
                             s.body_flush))
    return out


def signing_block(doc: DocumentRenderer[Any], header: CaseHeader, day: dt.date,
                  declined: dict[str, str] | None = None) -> list[Flowable]:
    """The arbitrators' names (each signs beside it), the seal place with the date, the clerk.

    ``declined`` maps an arbitrator who declines to sign (第四十六条) to the note printed
    instead of a signature.
    """
    declined = declined or {}
    s = doc.styles
    rows: list[list[object]] = []
    for role, name in header.panel:
        rows.append([doc.p(role, s.body_flush), doc.p(name, s.body_flush),
                     doc.p(declined.get(name, ""), s.cell)])
    if header.clerk:
        clerk_row = [[doc.p("书记员", s.body_flush), doc.p(header.clerk, s.body_flush), ""]]
    else:
        clerk_row = []
    width = doc.text_width()
    names = Table(rows or [["", "", ""]], colWidths=[30 * mm, 40 * mm, width - 70 * mm - 30 * mm],
                  hAlign="RIGHT")
    names.setStyle(doc.plain_table_style())
    seal = Table([[doc.p(doc.commission.issuer, s.signature)],
                  [doc.p(signature_date(day, doc.commission.date_style), s.signature)]],
                 colWidths=[width - 30 * mm], hAlign="RIGHT")
    seal.setStyle(doc.plain_table_style())
    out: list[Flowable] = [doc.lines(1), names, doc.lines(0.5), seal]
    if clerk_row:
        clerk = Table(clerk_row, colWidths=[30 * mm, 40 * mm, width - 70 * mm - 30 * mm], hAlign="RIGHT")
        clerk.setStyle(doc.plain_table_style())
        out += [doc.lines(0.5), clerk]
    return out


class MediationStatement(DocumentRenderer[MediationData]):
    """调解书: parties, claims, the agreed result, the effect of signing; arbitrators sign, the commission seals."""

    KIND = "mediation"
    SAVE_LAST_PAGE = True
    GLYPH_SEED = "调解书申请人被申请人委托代理人法定代表人仲裁请求经本委仲裁庭主持调解双方当事人自愿达成如下协议首席仲裁员书记员"

    def names(self, data: MediationData) -> list[str]:
        return case_names(data.header)

    def meta(self, data: MediationData) -> DocMeta:
        return DocMeta(title="调解书", issue_date=data.statement_date, key=f"mediation:{data.mediation_id}",
                       subject=f"{data.header.number} 调解书")

    def story(self, data: MediationData) -> list[Flowable]:
        h = data.header
        s = self.styles
        story: list[Flowable] = [*self.heading_block("调　解　书", number=h.number), self.lines(0.3)]
        story += parties_block(self, h)
        applicants = "、".join(p.name for p in h.parties if p.role == "申请人")
        respondents = "、".join(p.name for p in h.parties if p.role == "被申请人")
        story.append(self.p(f"申请人{applicants}与被申请人{respondents}{h.dispute}一案，本委依法受理。"
                            "申请人的仲裁请求为：", s.body))
        for i, claim in enumerate(h.claims, 1):
            story.append(self.p(f"{i}. {claim}", s.body))
        story.append(self.p("本案在仲裁庭主持下，经调解，双方当事人自愿达成如下协议：", s.body))
        for i, term in enumerate(data.terms, 1):
            story.append(self.p(f"{i}. {term}" if len(data.terms) > 1 else term, s.body))
        last = [self.p("上述协议符合有关法律规定，本委予以确认。", s.body),
                self.p("本调解书经双方当事人签收后，即发生法律效力。", s.body)]
        story.append(self.keep_with_previous(last, signing_block(self, h, data.statement_date)))
        return story


class CaseReceipt(DocumentRenderer[ReceiptData]):
    """送达回证 for a statement or an award: one sheet per party."""

    KIND = "case_receipt"
    ONE_SHEET = True

    def names(self, data: ReceiptData) -> list[str]:
        return case_names(data.header)

    def meta(self, data: ReceiptData) -> DocMeta:
        return DocMeta(title=f"送达回证（{data.document}，{data.party.name}）", issue_date=data.issue_date,
                       key=data.key, subject=f"{data.header.number} 送达回证")

    def fields(self, data: ReceiptData) -> dict[str, str]:
        return {"受送达人": data.party.name, "送达地点": data.party.address}

    def story(self, data: ReceiptData) -> list[Flowable]:
        h = data.header
        s = self.styles
        methods = "□直接送达　□邮寄送达　□电子送达" + ("　□留置送达" if data.allow_left else "")

        def label(text: str) -> Flowable:
            return self.p(text, s.cell_head)

        rows: list[list[object]] = [
            [label("案由"), h.dispute, None],
            [label("受送达人"), f"{data.party.name}（{data.party.role}）", None],
            [label("送达文书"), data.document, "1份"],
            [label("送达单位"), self.commission.issuer, None],
            [label("送达地点"), data.party.address, None],
            [label("送达方式"), methods, None],
            [label("送达人"), h.clerk, None],
            [label("受送达人签名"), self.box(self.fit.scale(18 * mm)), None],
            [label("签收日期"), "　　　　年　　月　　日", None],
            [label("备注"), self.box(self.fit.scale(12 * mm)), None],
        ]
        span = [("SPAN", (1, r), (2, r)) for r in range(len(rows)) if r != 2]
        columns = [Column("", 34, "text", "center"), Column("", 100, "text"), Column("", 22, "text", "center")]
        table = self.table(columns, rows, header=False, padding=3, extra=span)
        notes = [self.p("说明：", s.note)]
        if not data.allow_left:
            notes.append(self.p("1. 调解书经双方当事人签收后发生法律效力（《中华人民共和国劳动争议调解仲裁法》"
                                "第四十二条），须由受送达人本人或者其特别授权的代理人签收，不适用留置送达。", s.note_item))
        else:
            notes.append(self.p("1. 受送达人拒绝签收的，送达人应当在本回证上注明拒收事由和日期，"
                                "由送达人、见证人签名，即视为送达。", s.note_item))
        return [*self.heading_block("送达回证", number=h.number), table, self.lines(0.3), *notes]


def terms_of(text: str) -> tuple[str, ...]:
    """The agreed terms as typed, one a line (blank lines dropped)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def claims_of(items: Sequence[str]) -> tuple[str, ...]:
    """Claims as printed: each ends without a stop (the number goes before it)."""
    return tuple(item.strip().rstrip("。；;") for item in items if item.strip())

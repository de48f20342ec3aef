"""Mediation statements (调解书): agreed terms, printing, signed receipts, and the case closing on the last one.

《劳动争议调解仲裁法》第四十二条: the statement states the claims and the agreed result, is signed
by the arbitrators, sealed, served on both parties and takes effect once both have signed for
it; a party who backs out before that sends the case on to an award. Printing therefore does not
close the case: the last party's signed receipt does (cases.close_case, 调解结案). A receipt
is signed by the party or an agent: 留置送达 and 公告送达 do not make a statement effective.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.models import Case, Mediation, Party, ServiceRecord
from tribunal.domain import agents as agent_rules
from tribunal.domain.enums import (
    CaseOutcome,
    CaseResult,
    CaseStatus,
    DocumentKind,
    MediationStatus,
    PartyKind,
    ServiceMethod,
    SpecialAuthority,
)
from tribunal.domain.money import format_yuan
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, cases, documents
from tribunal.texts import msg

if TYPE_CHECKING:  # the renderers (and ReportLab) load only when something is printed
    from tribunal.documents.mediation import CaseHeader

__all__ = [
    "MEDIATION_DOCUMENT",
    "MediationDetail",
    "ReceiptRow",
    "back_out",
    "case_header",
    "draft_mediation",
    "get_mediation",
    "issue_mediation",
    "mediations_of_case",
    "record_receipt",
    "settlement_warnings",
]

#: ServiceRecord.document of a statement's receipt; ServiceRecord.note names the statement.
MEDIATION_DOCUMENT = "调解书"
TERMS_MAX = 5000
_SPECIAL_VALUES = frozenset(x.value for x in SpecialAuthority)
_NOT_SIGNED = (ServiceMethod.LEFT, ServiceMethod.PUBLIC_NOTICE, ServiceMethod.PHONE)


@dataclass(frozen=True)
class ReceiptRow:
    """One party's receipt of the statement: signed on a date, or still outstanding."""

    party_id: int
    party: str
    role: str
    served_on: dt.date | None
    signed_by: str
    method: str


@dataclass(frozen=True)
class MediationDetail:
    """A mediation statement as the clerk sees it."""

    id: int
    case_id: int
    case_number: str
    status: MediationStatus
    terms: str
    agreed_fen: int | None
    result: CaseResult | None
    statement_date: dt.date
    issued_on: dt.date | None
    effective_on: dt.date | None
    failed_on: dt.date | None
    failed_party: str
    failed_note: str
    warnings: tuple[str, ...]
    receipts: tuple[ReceiptRow, ...]
    case_closed: bool

    @property
    def outstanding(self) -> tuple[str, ...]:
        """Parties who have not signed for it yet."""
        return tuple(r.party for r in self.receipts if r.served_on is None)


# ------------------------------------------------------------------ the case as documents print it


def case_header(case: Case) -> CaseHeader:
    """The case as a 调解书 or 裁决书 prints it (documents.mediation.CaseHeader)."""
    from tribunal.documents.mediation import CaseHeader, PrintAgent, PrintParty, claims_of

    parties = []
    for p in case.parties:
        if p.kind == PartyKind.PERSON:
            bits = [p.sex or "", f"{p.birth_date.year}年{p.birth_date.month}月{p.birth_date.day}日出生" if p.birth_date else "",
                    f"住{p.address}" if p.address else ""]
            representative = ""
        else:
            bits = [f"住所地{p.address}" if p.address else ""]
            representative = "，".join(x for x in (p.legal_representative or "", p.legal_representative_title or "")
                                      if x)
        agents = tuple(PrintAgent(agent_rules.capacity(a.kind), a.name,
                                  "，".join(x for x in (a.organisation or "", a.relation or "") if x))
                       for a in p.agents)
        parties.append(PrintParty(id=p.id, role=p.role.label_zh, name=p.name, person=p.kind == PartyKind.PERSON,
                                  detail="，".join(b for b in bits if b), representative=representative,
                                  address=p.address or "", agents=agents))
    panel = tuple((seat.role.label_zh, seat.staff.name) for seat in case.arbitrators)
    claims = claims_of([c.item + (f"（{format_yuan(c.amount_fen)}元）" if c.amount_fen else "")
                        for c in case.claims])
    return CaseHeader(case_id=case.id, number=case.number, dispute=f"{case.case_type.label_zh}争议",
                      parties=tuple(parties), claims=claims, panel=panel,
                      clerk=case.clerk.name if case.clerk is not None else "",
                      received=case.received_date, accepted=case.accepted_date)


def load_case(s: Session, case_id: int) -> Case:
    """The case with its parties, agents, claims and panel.

    Raises:
        NotFound: no such case.
    """
    case = s.scalars(select(Case).where(Case.id == case_id).options(
        selectinload(Case.parties).selectinload(Party.agents), selectinload(Case.claims),
        selectinload(Case.arbitrators))).first()
    if case is None:
        raise NotFound(msg("案件 {case_id} 不存在", case_id=case_id))
    return case


def settlement_warnings(case: Case, agent_ids: Sequence[int] | None = None) -> list[str]:
    """Agents who agreed to the mediation without authority to settle (特别授权 naming 调解).

    Args:
        agent_ids: the agents who agreed for their parties; None: every agent on the case.
    """
    out = []
    for party in case.parties:
        for a in party.agents:
            if agent_ids is not None and a.id not in agent_ids:
                continue
            items = [SpecialAuthority(x) for x in (a.special_items or ()) if x in _SPECIAL_VALUES]
            if not agent_rules.may_settle(a.kind, a.authority, items):
                what = a.authority.label_zh if a.authority is not None else "权限未登记"
                out.append(f"{party.name}的{agent_rules.capacity(a.kind)}{a.name}（{what}）未获得进行调解的特别授权，"
                           "不能代为同意调解协议，请由当事人本人确认并签收调解书，或者补交特别授权委托书")
    return out


# ------------------------------------------------------------------ reading


def _parties_to_serve(case: Case) -> list[Party]:
    return list(case.parties)


def _receipts(s: Session, case: Case, m: Mediation) -> tuple[ReceiptRow, ...]:
    records = s.scalars(select(ServiceRecord).where(
        ServiceRecord.case_id == case.id, ServiceRecord.document == MEDIATION_DOCUMENT,
        ServiceRecord.hearing_id.is_(None), ServiceRecord.note == _service_note(m)).order_by(ServiceRecord.id)).all()
    since = m.issued_on or m.statement_date
    signed = {r.party_id: r for r in records
              if r.served_on is not None and r.served_on >= since and r.method not in _NOT_SIGNED}
    rows = []
    for p in _parties_to_serve(case):
        r = signed.get(p.id)
        rows.append(ReceiptRow(p.id, p.name, p.role.label_zh, r.served_on if r else None,
                               (r.signed_by or "") if r else "", r.method.label_zh if r else ""))
    return tuple(rows)


def _service_note(m: Mediation) -> str:
    """Which statement a receipt is of (a case may have a statement backed out of, then another)."""
    return f"mediation:{m.id}"


def _detail(s: Session, case: Case, m: Mediation) -> MediationDetail:
    failed = next((p.name for p in case.parties if p.id == m.failed_party_id), "")
    return MediationDetail(
        id=m.id, case_id=case.id, case_number=case.number, status=m.status, terms=m.terms, agreed_fen=m.agreed_fen,
        result=m.result, statement_date=m.statement_date, issued_on=m.issued_on, effective_on=m.effective_on,
        failed_on=m.failed_on, failed_party=failed, failed_note=m.failed_note or "", warnings=tuple(m.warnings or ()),
        receipts=_receipts(s, case, m), case_closed=case.status == CaseStatus.CLOSED)


def _load(s: Session, mediation_id: int) -> tuple[Case, Mediation]:
    m = s.get(Mediation, mediation_id)
    if m is None:
        raise NotFound(msg("调解书 {mediation_id} 不存在", mediation_id=mediation_id))
    return load_case(s, m.case_id), m


def get_mediation(db: Database, mediation_id: int) -> MediationDetail:
    """One statement with its receipts.

    Raises:
        NotFound: no such statement.
    """
    with db.session(write=False) as s:
        case, m = _load(s, mediation_id)
        return _detail(s, case, m)


def mediations_of_case(db: Database, case_id: int) -> list[MediationDetail]:
    """Every statement drafted in a case, oldest first (a failed one stays on record)."""
    with db.session(write=False) as s:
        case = load_case(s, case_id)
        rows = s.scalars(select(Mediation).where(Mediation.case_id == case_id).order_by(Mediation.id)).all()
        return [_detail(s, case, m) for m in rows]


# ------------------------------------------------------------------ writing


def draft_mediation(db: Database, case_id: int, terms: str, *, agreed_fen: int | None,
                    result: CaseResult | None, statement_date: dt.date,
                    agent_ids: Sequence[int] | None = None, mediation_id: int | None = None) -> MediationDetail:
    """Enter (or correct, while not yet printed) the agreed terms of a mediation.

    Args:
        terms: the agreement, one term a line (第四十二条: 当事人协议的结果).
        agreed_fen: the amount the employer agrees to pay in all (for the reports), if any.
        result: whose claims the agreement upholds, for the reports.
        agent_ids: the agents who agreed for their parties (None: all agents of the case);
            an agent without special authority to settle gives a warning, kept with it.
        mediation_id: a draft to correct instead of a new one.

    Raises:
        ValidationError: no terms, a negative amount, a date outside the case.
        ConflictError: the case is closed, or a statement is already out for signature.
        NotFound: no such case or draft.
    """
    terms = "\n".join(line.strip() for line in terms.strip().splitlines() if line.strip())
    if not terms:
        raise ValidationError(msg("请填写调解协议的内容（双方当事人协议的结果）"), {"terms": msg("不能为空")})
    if len(terms) > TERMS_MAX:
        raise ValidationError(msg("调解协议内容不能超过 {TERMS_MAX} 字", TERMS_MAX=TERMS_MAX), {"terms": msg("过长")})
    if agreed_fen is not None and agreed_fen < 0:
        raise ValidationError(msg("调解金额不能为负数"), {"agreed_fen": msg("不能为负数")})
    with db.session() as s:
        case = load_case(s, case_id)
        if case.status == CaseStatus.CLOSED:
            raise ConflictError(msg("案件 {number} 已结案，不能再制作调解书", number=case.number))
        if case.accepted_date is None:
            raise ValidationError(msg("案件尚未受理，不能制作调解书"), {"case": msg("尚未受理")})
        if statement_date < case.accepted_date:
            raise ValidationError(msg("调解书日期不能早于受理日期 {accepted_date}", accepted_date=case.accepted_date), {"statement_date": msg("早于受理日期")})
        live = s.scalars(select(Mediation).where(Mediation.case_id == case_id,
                                                 Mediation.status == MediationStatus.ISSUED)).first()
        if live is not None:
            raise ConflictError(msg("案件 {number} 已有调解书在送达中；一方反悔的，请先登记反悔", number=case.number))
        warnings = settlement_warnings(case, agent_ids)
        if mediation_id is not None:
            m = s.get(Mediation, mediation_id)
            if m is None or m.case_id != case_id:
                raise NotFound(msg("调解书 {mediation_id} 不存在", mediation_id=mediation_id))
            if m.status != MediationStatus.DRAFT:
                raise ConflictError(msg("调解书已制作送达，不能再修改；如一方反悔，请登记反悔后另行处理"))
        else:
            m = Mediation(case_id=case_id, status=MediationStatus.DRAFT, created_by=db.actor[:60])
            s.add(m)
        m.terms, m.agreed_fen, m.result, m.statement_date = terms, agreed_fen, result, statement_date
        m.warnings = warnings
        s.flush()
        audit.record(s, db.actor, "mediation.draft", "case", case_id, f"调解协议 {case.number}",
                     None, {"mediation": m.id, "agreed_fen": agreed_fen, "warnings": warnings})
        return _detail(s, case, m)


def issue_mediation(db: Database, mediation_id: int, *, out_dir: str | None = None,
                    issued_on: dt.date | None = None) -> tuple[MediationDetail, list[documents.DocumentRow]]:
    """Print the statement and one proof of service per party; the statement is then out for signature.

    The case stays open until every party has signed for it (:func:`record_receipt`).

    Raises:
        ConflictError: the statement is not a draft or printed one, or the case has no panel.
        ValidationError: the documents folder cannot be written.
        NotFound: no such statement.
    """
    from tribunal.documents.mediation import (
        CaseReceipt,
        MediationData,
        MediationStatement,
        ReceiptData,
        terms_of,
    )

    _values, commission, fonts = documents.render_context(db)
    issued_on = issued_on or dt.date.today()
    with db.session(write=False) as s:
        case, m = _load(s, mediation_id)
        if m.status not in (MediationStatus.DRAFT, MediationStatus.ISSUED):
            raise ConflictError(msg("调解书{status}，不能再制作", status=m.status))
        if not case.arbitrators:
            raise ConflictError(msg("案件 {number} 尚未组成仲裁庭：调解书须由仲裁员签名", number=case.number))
        header = case_header(case)
        data = MediationData(header=header, mediation_id=m.id, terms=terms_of(m.terms),
                             statement_date=m.statement_date)
        number, case_id = case.number, case.id
    files = [documents.CaseFile(DocumentKind.MEDIATION, f"调解书 {number}", "调解书",
                                MediationStatement(commission, fonts).render(data).data)]
    receipt = CaseReceipt(commission, fonts)
    for party in data.header.parties:
        rd = ReceiptData(header=data.header, party=party, document="调解书", issue_date=issued_on,
                         key=f"mediation:{mediation_id}:receipt:{party.id}", allow_left=False)
        files.append(documents.CaseFile(DocumentKind.CASE_RECEIPT, f"送达回证（调解书，{party.name}）",
                                        f"送达回证_调解书_{party.name}", receipt.render(rd).data, party.id))
    rows = documents.save_case_files(db, case_id, f"{number}_调解书", files, out_dir=out_dir,
                                     action="mediation.print", summary=f"制作调解书 {number}")
    with db.session() as s:
        case, m = _load(s, mediation_id)
        if m.status == MediationStatus.DRAFT:
            m.status, m.issued_on = MediationStatus.ISSUED, issued_on
        audit.record(s, db.actor, "mediation.issue", "case", case.id, f"制作调解书 {case.number}", None,
                     {"mediation": m.id, "issued_on": issued_on.isoformat()})
        s.flush()
        return _detail(s, case, m), rows


def record_receipt(db: Database, mediation_id: int, party_id: int, *, served_on: dt.date,
                   method: ServiceMethod = ServiceMethod.DIRECT, signed_by: str = "",
                   today: dt.date | None = None) -> MediationDetail:
    """Record that a party signed for the statement; the last signature makes it effective and closes the case.

    Raises:
        ValidationError: 留置送达, 公告送达 or a telephone call (a statement must be signed for),
            a date before it was printed or after today, a party not in the case.
        ConflictError: the statement is not out for signature (a draft, effective or backed out of).
        NotFound: no such statement.
    """
    today = today or dt.date.today()
    if method in _NOT_SIGNED:
        raise ValidationError(msg("调解书须由当事人签收后生效，不能{method}（《劳动争议调解仲裁法》第四十二条）", method=method),
                              {"method": msg("须当事人签收")})
    if served_on > today:
        raise ValidationError(msg("签收日期不能晚于今天"), {"served_on": msg("晚于今天")})
    with db.session() as s:
        case, m = _load(s, mediation_id)
        if m.status != MediationStatus.ISSUED:
            raise ConflictError(msg("调解书{status}，不能登记签收", status=m.status))
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise ValidationError(msg("该当事人不属于本案"), {"party": msg("不属于本案")})
        if m.issued_on is not None and served_on < m.issued_on:
            raise ValidationError(msg("签收日期不能早于调解书制作日期 {issued_on}", issued_on=m.issued_on), {"served_on": msg("早于制作日期")})
        s.add(ServiceRecord(case_id=case.id, party_id=party_id, document=MEDIATION_DOCUMENT, method=method,
                            served_on=served_on, signed_by=(signed_by.strip() or party.name)[:60], confirmed=True,
                            note=_service_note(m)))
        s.flush()
        receipts = _receipts(s, case, m)
        complete = all(r.served_on is not None for r in receipts)
        if complete:
            m.status = MediationStatus.EFFECTIVE
            m.effective_on = max(r.served_on for r in receipts if r.served_on is not None)
        audit.record(s, db.actor, "mediation.receipt", "case", case.id,
                     f"调解书签收 {case.number}：{party.name}" + ("（已全部签收，调解书生效）" if complete else ""),
                     None, {"mediation": m.id, "party": party_id, "served_on": served_on.isoformat()})
        effective_on, agreed, result, case_id = m.effective_on, m.agreed_fen, m.result, case.id
        already_closed = case.status == CaseStatus.CLOSED
    if complete and not already_closed and effective_on is not None:
        cases.close_case(db, case_id, CaseOutcome.MEDIATED, effective_on, "调解书经双方当事人签收生效",
                         result=result, amount_fen=agreed, today=today)
    return get_mediation(db, mediation_id)


def back_out(db: Database, mediation_id: int, party_id: int, *, on: dt.date, note: str = "",
             today: dt.date | None = None) -> MediationDetail:
    """Record that a party backed out before signing (调解书送达前反悔): the case goes on to an award.

    Raises:
        ValidationError: the party already signed, is not in the case, or the date is after today.
        ConflictError: the statement has already taken effect or was already backed out of.
        NotFound: no such statement.
    """
    today = today or dt.date.today()
    if on > today:
        raise ValidationError(msg("反悔日期不能晚于今天"), {"on": msg("晚于今天")})
    with db.session() as s:
        case, m = _load(s, mediation_id)
        if m.status in (MediationStatus.EFFECTIVE, MediationStatus.FAILED):
            raise ConflictError(msg("调解书{status}，不能登记反悔", status=m.status))
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise ValidationError(msg("该当事人不属于本案"), {"party": msg("不属于本案")})
        if any(r.party_id == party_id and r.served_on is not None for r in _receipts(s, case, m)):
            raise ValidationError(msg("{name}已签收调解书，不能再登记反悔", name=party.name), {"party": msg("已签收")})
        m.status, m.failed_on, m.failed_party_id = MediationStatus.FAILED, on, party_id
        m.failed_note = note.strip()[:300] or None
        audit.record(s, db.actor, "mediation.back_out", "case", case.id,
                     f"调解书送达前反悔 {case.number}：{party.name}，案件转入裁决", None,
                     {"mediation": m.id, "party": party_id, "on": on.isoformat()})
        s.flush()
        return _detail(s, case, m)

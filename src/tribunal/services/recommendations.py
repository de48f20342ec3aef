"""仲裁建议书 and 用工风险提示 ("既办案又建言"): written advice from cases, tracked until answered.

A recommendation goes from one case to the employer (the respondent organisation): the
practices found (domain.recommendations.PRACTICES, each with its legal basis), what the case
showed, and a date to reply by; it is open until the reply is recorded. A risk notice for a
zone's enterprises gathers the practices of several cases and names no party; it may be
attached to a training session and printed for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.models import Case, Party, Recommendation, RiskNotice, TrainingSession, Zone
from tribunal.domain import anonymise
from tribunal.domain import recommendations as rules
from tribunal.domain.enums import DocumentKind, PartyKind, PartyRole
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, documents
from tribunal.texts import msg

__all__ = [
    "RecommendationRow",
    "RiskNoticeRow",
    "attach_to_training",
    "create_recommendation",
    "create_risk_notice",
    "list_recommendations",
    "print_recommendation",
    "print_risk_notice",
    "record_reply",
    "risk_notices_of_training",
]

TEXT_MAX = 5000


@dataclass(frozen=True)
class RecommendationRow:
    """A recommendation as the clerk tracks it."""

    id: int
    case_id: int | None
    case_number: str
    addressee: str
    practices: tuple[str, ...]  # codes
    labels: tuple[str, ...]
    details: str
    issued_on: dt.date
    reply_due: dt.date
    replied_on: dt.date | None
    reply: str

    @property
    def answered(self) -> bool:
        return self.replied_on is not None

    def overdue(self, today: dt.date) -> bool:
        """No reply and the reply date has passed."""
        return self.replied_on is None and today > self.reply_due


@dataclass(frozen=True)
class RiskNoticeRow:
    """A risk notice: for which zone, from how many cases, attached to which training session."""

    id: int
    zone: str
    title: str
    issued_on: dt.date
    case_count: int
    text: str
    training_session_id: int | None


def _row(r: Recommendation, number: str) -> RecommendationRow:
    labels = tuple(rules.practice(c).label for c in r.practices if c in {p.code for p in rules.PRACTICES})
    return RecommendationRow(r.id, r.case_id, number, r.addressee, tuple(r.practices), labels, r.details,
                             r.issued_on, r.reply_due, r.replied_on, r.reply or "")


def _check_practices(codes: Sequence[str]) -> list[str]:
    known = {p.code for p in rules.PRACTICES}
    out = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    if not out:
        raise ValidationError(msg("请至少选择一项发现的用工问题"), {"practices": msg("不能为空")})
    unknown = [c for c in out if c not in known]
    if unknown:
        raise ValidationError(msg("未知的用工问题：{items}（可选：{items2}）", items='、'.join(unknown), items2='、'.join(sorted(known))),
                              {"practices": msg("未知")})
    return out


def _employer(case: Case) -> Party:
    org = [p for p in case.parties if p.role == PartyRole.RESPONDENT and p.kind == PartyKind.ORGANISATION]
    org = org or [p for p in case.parties if p.kind == PartyKind.ORGANISATION]
    if not org:
        raise ValidationError(msg("案件 {number} 没有单位当事人，无法向用人单位发出仲裁建议书", number=case.number), {"case": msg("没有用人单位")})
    return org[0]


def create_recommendation(db: Database, case_id: int, practices: Sequence[str], *, issued_on: dt.date,
                          details: str = "", reply_due: dt.date | None = None,
                          today: dt.date | None = None) -> RecommendationRow:
    """Record a recommendation to the employer of a case.

    Args:
        practices: codes of :data:`domain.recommendations.PRACTICES` found in the case.
        details: what the case showed, in the clerk's words (printed after the practices).
        reply_due: the date to reply by; 30 days after issue by default.

    Raises:
        ValidationError: no practice or an unknown one, dates out of order, no employer in the case.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    codes = _check_practices(practices)
    details = details.strip()
    if len(details) > TEXT_MAX:
        raise ValidationError(msg("补充说明不能超过 {TEXT_MAX} 字", TEXT_MAX=TEXT_MAX), {"details": msg("过长")})
    if issued_on > today:
        raise ValidationError(msg("发出日期不能晚于今天"), {"issued_on": msg("晚于今天")})
    due = reply_due or rules.default_reply_date(issued_on)
    if due <= issued_on:
        raise ValidationError(msg("回复期限须晚于发出日期"), {"reply_due": msg("早于发出日期")})
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.id == case_id).options(selectinload(Case.parties))).first()
        if case is None:
            raise NotFound(msg("案件 {case_id} 不存在", case_id=case_id))
        employer = _employer(case)
        r = Recommendation(case_id=case.id, enterprise_id=employer.enterprise_id, addressee=employer.name,
                           practices=codes, details=details, issued_on=issued_on, reply_due=due,
                           created_by=db.actor[:60])
        s.add(r)
        s.flush()
        audit.record(s, db.actor, "recommendation.create", "case", case.id,
                     f"仲裁建议书 {case.number}：{employer.name}", None, {"recommendation": r.id, "practices": codes})
        return _row(r, case.number)


def record_reply(db: Database, recommendation_id: int, *, replied_on: dt.date, reply: str,
                 today: dt.date | None = None) -> RecommendationRow:
    """Record the employer's written reply; the recommendation is then answered.

    Raises:
        ValidationError: no reply text, a date before issue or after today.
        ConflictError: a reply is already recorded.
        NotFound: no such recommendation.
    """
    today = today or dt.date.today()
    reply = reply.strip()
    if not reply:
        raise ValidationError(msg("请填写回复内容（整改情况摘要）"), {"reply": msg("不能为空")})
    if len(reply) > TEXT_MAX:
        raise ValidationError(msg("回复内容不能超过 {TEXT_MAX} 字", TEXT_MAX=TEXT_MAX), {"reply": msg("过长")})
    if replied_on > today:
        raise ValidationError(msg("回复日期不能晚于今天"), {"replied_on": msg("晚于今天")})
    with db.session() as s:
        r = s.get(Recommendation, recommendation_id)
        if r is None:
            raise NotFound(msg("仲裁建议书 {recommendation_id} 不存在", recommendation_id=recommendation_id))
        if r.replied_on is not None:
            raise ConflictError(msg("已于 {replied_on} 登记回复", replied_on=r.replied_on))
        if replied_on < r.issued_on:
            raise ValidationError(msg("回复日期不能早于发出日期 {issued_on}", issued_on=r.issued_on), {"replied_on": msg("早于发出日期")})
        r.replied_on, r.reply = replied_on, reply
        number = s.scalar(select(Case.number).where(Case.id == r.case_id)) or ""
        audit.record(s, db.actor, "recommendation.reply", "case", r.case_id, f"仲裁建议书回复：{r.addressee}", None,
                     {"recommendation": r.id, "replied_on": replied_on.isoformat()})
        return _row(r, number)


def list_recommendations(db: Database, *, open_only: bool = False, case_id: int | None = None
                         ) -> list[RecommendationRow]:
    """Recommendations, newest first; ``open_only`` keeps those not yet answered."""
    with db.session(write=False) as s:
        q = select(Recommendation, Case.number).outerjoin(Case, Case.id == Recommendation.case_id)
        if open_only:
            q = q.where(Recommendation.replied_on.is_(None))
        if case_id is not None:
            q = q.where(Recommendation.case_id == case_id)
        return [_row(r, n or "") for r, n in s.execute(q.order_by(Recommendation.issued_on.desc(),
                                                                   Recommendation.id.desc()))]


def _dispute(case: Case) -> str:
    applicants = [p for p in case.parties if p.role == PartyRole.APPLICANT]
    names = "、".join(p.name for p in applicants[:2]) + ("等" if len(applicants) > 2 else "")
    return f"{names}与贵单位{case.case_type.label_zh}争议一案（{case.number}）"


def print_recommendation(db: Database, recommendation_id: int, *, out_dir: str | None = None
                         ) -> list[documents.DocumentRow]:
    """Print a recommendation and register it with its case.

    Raises:
        NotFound: no such recommendation.
        ConflictError: its case was deleted.
        ValidationError: the documents folder cannot be written.
    """
    from tribunal.documents.recommendation import (
        AdviceItem,
        RecommendationData,
        RecommendationLetter,
    )

    _values, commission, fonts = documents.render_context(db)
    with db.session(write=False) as s:
        r = s.get(Recommendation, recommendation_id)
        if r is None:
            raise NotFound(msg("仲裁建议书 {recommendation_id} 不存在", recommendation_id=recommendation_id))
        case = s.scalars(select(Case).where(Case.id == r.case_id).options(selectinload(Case.parties))).first()
        if case is None:
            raise ConflictError(msg("该仲裁建议书的案件已删除，无法打印"))
        items = tuple(AdviceItem(p.label, p.basis, p.advice) for p in
                      (rules.practice(c) for c in r.practices if c in {x.code for x in rules.PRACTICES}))
        contact = case.clerk.name + (f"，电话：{case.clerk.phone}" if case.clerk and case.clerk.phone else "") \
            if case.clerk is not None else ""
        data = RecommendationData(recommendation_id=r.id, number=case.number, addressee=r.addressee,
                                  dispute=_dispute(case), items=items, details=r.details, issued_on=r.issued_on,
                                  reply_due=r.reply_due, contact=contact)
        case_id, number = case.id, case.number
    pdf = RecommendationLetter(commission, fonts).render(data).data
    return documents.save_case_files(
        db, case_id, f"{number}_仲裁建议书",
        [documents.CaseFile(DocumentKind.RECOMMENDATION, f"仲裁建议书（{data.addressee}）", "仲裁建议书", pdf)],
        out_dir=out_dir, action="recommendation.print", summary=f"制作仲裁建议书 {number}")


# ------------------------------------------------------------------ 用工风险提示


def _cases(s: Session, case_ids: Sequence[int]) -> list[Case]:
    found = s.scalars(select(Case).where(Case.id.in_(case_ids)).options(selectinload(Case.parties))).all()
    missing = set(case_ids) - {c.id for c in found}
    if missing:
        raise NotFound(msg("案件不存在：{items}", items='、'.join(str(i) for i in sorted(missing))))
    return list(found)


def _named_parties(cases: Sequence[Case], text: str) -> list[str]:
    """Party names (or their distinctive core) that a notice's free text would reveal."""
    out = []
    for case in cases:
        for p in case.parties:
            core = anonymise.organisation_alias(p.name) if p.kind == PartyKind.ORGANISATION else ""
            if p.name in text or (p.kind == PartyKind.PERSON and len(p.name) >= 2 and p.name in text) or (core and core != p.name and core in text and "某" not in core):
                out.append(p.name)
    return sorted(set(out))


def create_risk_notice(db: Database, case_ids: Sequence[int], *, issued_on: dt.date, zone_id: int | None = None,
                       title: str = "用工风险提示", text: str = "",
                       today: dt.date | None = None) -> RiskNoticeRow:
    """Record a risk notice built from several cases (their recommendations' practices).

    Raises:
        ValidationError: fewer than two cases, no practice found in them, a party named in the
            text, a date after today.
        NotFound: a case or the zone does not exist.
    """
    today = today or dt.date.today()
    ids = list(dict.fromkeys(case_ids))
    if len(ids) < 2:
        raise ValidationError(msg("用工风险提示须由至少两件案件归纳，避免指向某一当事人"), {"cases": msg("至少两件")})
    title, text = " ".join(title.split()) or "用工风险提示", text.strip()
    if len(title) > 60 or len(text) > TEXT_MAX:
        raise ValidationError(msg("标题或正文过长"), {"text": msg("过长")})
    if issued_on > today:
        raise ValidationError(msg("日期不能晚于今天"), {"issued_on": msg("晚于今天")})
    with db.session() as s:
        cases = _cases(s, ids)
        if zone_id is not None and s.get(Zone, zone_id) is None:
            raise NotFound(msg("开发区 {zone_id} 不存在", zone_id=zone_id))
        named = _named_parties(cases, text + title)
        if named:
            raise ValidationError(msg("用工风险提示不得出现当事人名称：{items}", items='、'.join(named)), {"text": msg("含当事人名称")})
        codes = [r.practices for r in s.scalars(select(Recommendation).where(Recommendation.case_id.in_(ids)))]
        if not rules.risk_lines(codes):
            raise ValidationError(msg("所选案件尚未发出仲裁建议书，没有可归纳的用工问题"), {"cases": msg("没有用工问题")})
        n = RiskNotice(zone_id=zone_id, title=title, issued_on=issued_on, case_ids=ids, text=text,
                       created_by=db.actor[:60])
        s.add(n)
        s.flush()
        audit.record(s, db.actor, "risk_notice.create", "risk_notice", n.id, f"用工风险提示（{len(ids)} 件案件）",
                     None, {"cases": ids})
        return _notice_row(s, n)


def _notice_row(s: Session, n: RiskNotice) -> RiskNoticeRow:
    zone = s.get(Zone, n.zone_id) if n.zone_id is not None else None
    return RiskNoticeRow(n.id, zone.name if zone else "", n.title, n.issued_on, len(n.case_ids or ()), n.text,
                         n.training_session_id)


def attach_to_training(db: Database, notice_id: int, session_id: int | None) -> RiskNoticeRow:
    """Attach a risk notice to a training session (None detaches it), to be printed for it.

    Raises:
        NotFound: no such notice or session.
    """
    with db.session() as s:
        n = s.get(RiskNotice, notice_id)
        if n is None:
            raise NotFound(msg("用工风险提示 {notice_id} 不存在", notice_id=notice_id))
        if session_id is not None and s.get(TrainingSession, session_id) is None:
            raise NotFound(msg("培训 {session_id} 不存在", session_id=session_id))
        n.training_session_id = session_id
        audit.record(s, db.actor, "risk_notice.attach", "risk_notice", n.id,
                     "用工风险提示" + (f"附于培训 {session_id}" if session_id else "取消附于培训"), None,
                     {"training_session": session_id})
        return _notice_row(s, n)


def risk_notices_of_training(db: Database, session_id: int) -> list[RiskNoticeRow]:
    """The risk notices attached to a training session."""
    with db.session(write=False) as s:
        return [_notice_row(s, n) for n in s.scalars(select(RiskNotice).where(
            RiskNotice.training_session_id == session_id).order_by(RiskNotice.id))]


def print_risk_notice(db: Database, notice_id: int, *, out_dir: str | None = None) -> str:
    """Print a risk notice into the documents folder; returns the file's path.

    Raises:
        NotFound: no such notice.
        ValidationError: the folder cannot be written.
    """
    from tribunal.documents.recommendation import AdviceItem, RiskNoticeData, RiskNoticeDocument

    _values, commission, fonts = documents.render_context(db)
    with db.session(write=False) as s:
        n = s.get(RiskNotice, notice_id)
        if n is None:
            raise NotFound(msg("用工风险提示 {notice_id} 不存在", notice_id=notice_id))
        codes = [r.practices for r in s.scalars(select(Recommendation).where(Recommendation.case_id.in_(n.case_ids)))]
        zone = s.get(Zone, n.zone_id) if n.zone_id is not None else None
        data = RiskNoticeData(
            notice_id=n.id, title=n.title, audience=f"{zone.name if zone else '辖区'}各用人单位",
            case_count=len(n.case_ids or ()), text=n.text, issued_on=n.issued_on,
            items=tuple(AdviceItem(p.label, p.basis, p.advice, cases=k) for p, k in rules.risk_lines(codes)))
    pdf = RiskNoticeDocument(commission, fonts).render(data).data
    rows = documents.save_case_files(
        db, None, "用工风险提示",
        [documents.CaseFile(DocumentKind.RISK_NOTICE, data.title, f"{data.title}_{data.issued_on.isoformat()}", pdf)],
        out_dir=out_dir, action="risk_notice.print", summary=f"制作{data.title}")
    return rows[0].path

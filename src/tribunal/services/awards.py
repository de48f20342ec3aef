"""Awards (裁决书): drafts with the elements of 第四十六条, finality per claim, printing, service and closing.

Each claim of the award carries a finality category and the tribunal's decision whether the
award on it is final; the program suggests the decision (domain.awards.suggest) from the amount
awarded and 12 × the monthly minimum wage in force where the commission sits on the award date
(services.wage_parameters). A mixed award is printed as two 裁决书 when the setting
``award.split_mixed`` is on (the default). A partial award (先行裁决, 第四十三条第二款) decides some
claims and leaves the case open; the full award's recorded service on every party closes it
(cases.close_case, 裁决结案).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import Award, AwardItem, Case, ServiceRecord
from tribunal.domain import awards as rules
from tribunal.domain.enums import (
    AwardKind,
    AwardStatus,
    CaseOutcome,
    CaseResult,
    CaseStatus,
    DocumentKind,
    FinalityCategory,
    ServiceMethod,
)
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, cases, documents, settings, wage_parameters
from tribunal.services.mediation import case_header, load_case
from tribunal.texts import joined, msg, reason_of

if TYPE_CHECKING:  # the renderers (and ReportLab) load only when something is printed
    from tribunal.documents.award import AwardData
    from tribunal.documents.mediation import CaseHeader

__all__ = [
    "AWARD_DOCUMENT",
    "AwardDetail",
    "ClaimSuggestion",
    "ItemInput",
    "awards_of_case",
    "draft_award",
    "get_award",
    "issue_award",
    "record_service",
    "suggestions",
]

#: ServiceRecord.document of an award's service; ServiceRecord.note names the award.
AWARD_DOCUMENT = "裁决书"
TEXT_MAX = 20000
DECISION_MAX = 300
SPLIT_SETTING = "award.split_mixed"


@dataclass(frozen=True)
class ItemInput:
    """What the award decides on one claim, as the clerk enters it.

    ``final`` None takes the suggested default (which needs the minimum wage for an amount item).
    """

    claim_id: int
    category: FinalityCategory
    awarded_fen: int | None
    decision: str = ""
    final: bool | None = None


@dataclass(frozen=True)
class ClaimSuggestion:
    """A claim with the suggested finality of the award on it."""

    claim_id: int
    item: str
    category: FinalityCategory
    awarded_fen: int | None
    final: bool | None  # None: cannot suggest (minimum wage not entered)
    reason: str


@dataclass(frozen=True)
class AwardItemRow:
    """One decided claim of an award."""

    claim_id: int
    item: str
    category: FinalityCategory
    awarded_fen: int | None
    final: bool
    decision: str


@dataclass(frozen=True)
class AwardDetail:
    """An award as the clerk sees it."""

    id: int
    case_id: int
    case_number: str
    kind: AwardKind
    status: AwardStatus
    award_date: dt.date
    facts: str
    reasons: str
    result: CaseResult | None
    split: bool
    declined: tuple[tuple[str, str], ...]
    threshold_fen: int | None
    items: tuple[AwardItemRow, ...]
    issued_on: dt.date | None
    served_on: dt.date | None
    served: tuple[tuple[str, dt.date | None], ...]  # (party, date served or None)
    case_closed: bool

    @property
    def documents(self) -> int:
        """How many 裁决书 it is printed as."""
        return len(rules.parts(self._items(), split=self.split))

    def _items(self) -> list[rules.AwardedItem]:
        return [rules.AwardedItem(i.claim_id, i.item, i.category, i.awarded_fen, i.final) for i in self.items]

    @property
    def total_fen(self) -> int | None:
        amounts = [i.awarded_fen for i in self.items if i.awarded_fen is not None]
        return sum(amounts) if amounts else None


def _threshold(db: Database, on: dt.date, given: int | None) -> int | None:
    return given if given is not None else wage_parameters.finality_threshold(db, on)


def suggestions(db: Database, case_id: int, award_date: dt.date,
                awarded: dict[int, tuple[FinalityCategory, int | None]], *,
                threshold_fen: int | None = None) -> list[ClaimSuggestion]:
    """The suggested finality of each claim given its category and the amount to be awarded.

    Args:
        awarded: claim id → (category, amount awarded); claims not named keep their stored
            category (or 其他) and awarded amount.
        threshold_fen: the bound to use instead of the wage parameters (tests, a clerk's override).
    """
    threshold = _threshold(db, award_date, threshold_fen)
    with db.session(write=False) as s:
        case = load_case(s, case_id)
        out = []
        for c in case.claims:
            category, amount = awarded.get(c.id, (c.finality_category or FinalityCategory.OTHER, c.awarded_fen))
            try:
                sug = rules.suggest(category, amount, threshold)
                out.append(ClaimSuggestion(c.id, c.item, category, amount, sug.final, sug.reason))
            except rules.ThresholdMissing as exc:
                out.append(ClaimSuggestion(c.id, c.item, category, amount, None, reason_of(exc)))
        return out


def _served(s: Session, case: Case, award: Award) -> tuple[tuple[str, dt.date | None], ...]:
    since = award.issued_on or award.award_date
    records = s.scalars(select(ServiceRecord).where(
        ServiceRecord.case_id == case.id, ServiceRecord.document == AWARD_DOCUMENT,
        ServiceRecord.hearing_id.is_(None), ServiceRecord.note == _service_note(award))).all()
    served = {r.party_id: r.served_on for r in records if r.served_on is not None and r.served_on >= since}
    return tuple((p.name, served.get(p.id)) for p in case.parties)


def _service_note(award: Award) -> str:
    """Which award a service record is of (a partial and a full award are both 裁决书)."""
    return f"award:{award.id}"


def _detail(s: Session, case: Case, a: Award) -> AwardDetail:
    claims = {c.id: c.item for c in case.claims}
    items = tuple(AwardItemRow(i.claim_id, claims.get(i.claim_id, ""), i.category, i.awarded_fen, i.final,
                               i.decision) for i in a.items)
    return AwardDetail(
        id=a.id, case_id=case.id, case_number=case.number, kind=a.kind, status=a.status, award_date=a.award_date,
        facts=a.facts, reasons=a.reasons, result=a.result, split=a.split,
        declined=tuple((d.get("name", ""), d.get("note", "")) for d in a.declined or ()),
        threshold_fen=a.threshold_fen, items=items, issued_on=a.issued_on, served_on=a.served_on,
        served=_served(s, case, a), case_closed=case.status == CaseStatus.CLOSED)


def _load(s: Session, award_id: int) -> tuple[Case, Award]:
    a = s.get(Award, award_id)
    if a is None:
        raise NotFound(msg("裁决书 {award_id} 不存在", award_id=award_id))
    return load_case(s, a.case_id), a


def get_award(db: Database, award_id: int) -> AwardDetail:
    """One award with its items and service.

    Raises:
        NotFound: no such award.
    """
    with db.session(write=False) as s:
        case, a = _load(s, award_id)
        return _detail(s, case, a)


def awards_of_case(db: Database, case_id: int) -> list[AwardDetail]:
    """The awards of a case (partial ones first, as made)."""
    with db.session(write=False) as s:
        case = load_case(s, case_id)
        return [_detail(s, case, a) for a in s.scalars(select(Award).where(Award.case_id == case_id)
                                                       .order_by(Award.id)).all()]


def _decided_elsewhere(s: Session, case_id: int, award_id: int | None) -> set[int]:
    """Claims already decided by another (partial) award that is not a mere draft."""
    rows = s.execute(select(AwardItem.claim_id).join(Award).where(
        Award.case_id == case_id, Award.status != AwardStatus.DRAFT,
        *([Award.id != award_id] if award_id is not None else []))).scalars().all()
    return set(rows)


def draft_award(db: Database, case_id: int, *, kind: AwardKind = AwardKind.FULL, award_date: dt.date,
                facts: str, reasons: str, items: Sequence[ItemInput], result: CaseResult | None = None,
                declined: Sequence[tuple[str, str]] = (), split: bool | None = None,
                threshold_fen: int | None = None, award_id: int | None = None) -> AwardDetail:
    """Enter or correct an award draft.

    Args:
        kind: a full award, or a partial one (先行裁决) on the claims whose facts are clear.
        items: the claims decided, each with its category, awarded amount, the decision as
            printed and — optionally — the tribunal's finality decision (None: the suggestion).
            A full award decides every claim not decided by an earlier partial award.
        declined: arbitrators of the panel who decline to sign, with the note printed instead.
        split: two 裁决书 for a mixed award; None: the ``award.split_mixed`` setting.
        threshold_fen: the finality bound instead of the wage parameters.

    Raises:
        ValidationError: missing facts or reasons, a claim not of the case or decided twice, a
            negative amount, finality left to a suggestion the program cannot make (minimum wage
            not entered), an arbitrator who declines who is not on the panel.
        ConflictError: the case is closed, or the award was already issued.
        NotFound: no such case or award.
    """
    facts, reasons = facts.strip(), reasons.strip()
    problems: dict[str, str] = {}
    if not facts:
        problems["facts"] = msg("请填写争议事实")
    if not reasons:
        problems["reasons"] = msg("请填写裁决理由")
    if len(facts) > TEXT_MAX or len(reasons) > TEXT_MAX:
        problems["text"] = msg("争议事实、裁决理由各不能超过 {TEXT_MAX} 字", TEXT_MAX=TEXT_MAX)
    if not items:
        problems["items"] = msg("请至少裁决一项仲裁请求")
    if any(i.awarded_fen is not None and i.awarded_fen < 0 for i in items):
        problems["awarded_fen"] = msg("裁决金额不能为负数")
    if any(len(i.decision.strip()) > DECISION_MAX for i in items):
        problems["decision"] = msg("每项裁决结果不能超过 {DECISION_MAX} 字", DECISION_MAX=DECISION_MAX)
    if len({i.claim_id for i in items}) != len(items):
        problems["items"] = msg("同一项仲裁请求不能裁决两次")
    if problems:
        raise ValidationError(joined(problems.values()), problems)
    threshold = _threshold(db, award_date, threshold_fen)
    if split is None:
        split = bool(settings.get(db, SPLIT_SETTING))
    with db.session() as s:
        case = load_case(s, case_id)
        if case.status == CaseStatus.CLOSED:
            raise ConflictError(msg("案件 {number} 已结案，不能再制作裁决书", number=case.number))
        if case.accepted_date is None or award_date < case.accepted_date:
            raise ValidationError(msg("裁决日期不能早于受理日期（案件须已受理）"), {"award_date": msg("早于受理日期")})
        claims = {c.id: c for c in case.claims}
        stray = [i.claim_id for i in items if i.claim_id not in claims]
        if stray:
            raise ValidationError(msg("所列仲裁请求不属于本案"), {"items": msg("不属于本案")})
        done = _decided_elsewhere(s, case_id, award_id)
        twice = [claims[i.claim_id].item for i in items if i.claim_id in done]
        if twice:
            raise ValidationError(msg("以下请求已经先行裁决：{items}", items='；'.join(twice)), {"items": msg("已先行裁决")})
        if kind == AwardKind.FULL:
            left = [c.item for cid, c in claims.items() if cid not in done and cid not in {i.claim_id for i in items}]
            if left:
                raise ValidationError(msg("裁决书须对每项仲裁请求作出裁决，尚未裁决：{items}", items='；'.join(left)),
                                      {"items": msg("有请求未裁决")})
        panel = {seat.staff.name for seat in case.arbitrators}
        declined_rows = [{"name": n.strip(), "note": (note.strip() or "持不同意见，未签名")[:100]}
                         for n, note in declined if n.strip()]
        if any(d["name"] not in panel for d in declined_rows):
            raise ValidationError(msg("不签名的仲裁员须是本案仲裁庭成员"), {"declined": msg("不是仲裁庭成员")})
        if declined_rows and len(declined_rows) >= len(panel):
            raise ValidationError(msg("裁决按多数仲裁员的意见作出，不能所有仲裁员都不签名（第四十五条、第四十六条）"),
                                  {"declined": msg("须有仲裁员签名")})
        decided: list[tuple[ItemInput, bool]] = []
        for i in items:
            final = i.final
            if final is None:
                try:
                    final = rules.suggest(i.category, i.awarded_fen, threshold).final
                except rules.ThresholdMissing as exc:
                    raise ValidationError(msg("{item}：{exc}；或者由仲裁庭直接认定是否终局", item=claims[i.claim_id].item, exc=exc),
                                          {"final": msg("无法建议")}) from exc
            decided.append((i, final))
        if award_id is not None:
            a = s.get(Award, award_id)
            if a is None or a.case_id != case_id:
                raise NotFound(msg("裁决书 {award_id} 不存在", award_id=award_id))
            if a.status != AwardStatus.DRAFT:
                raise ConflictError(msg("裁决书已作出，不能再修改"))
            a.items.clear()
            s.flush()
        else:
            a = Award(case_id=case_id, status=AwardStatus.DRAFT, created_by=db.actor[:60])
            s.add(a)
        a.kind, a.award_date, a.facts, a.reasons, a.result = kind, award_date, facts, reasons, result
        a.split, a.declined, a.threshold_fen = split, declined_rows, threshold
        order = {c.id: c.position for c in case.claims}
        for i, final in sorted(decided, key=lambda d: order[d[0].claim_id]):
            a.items.append(AwardItem(claim_id=i.claim_id, position=order[i.claim_id], awarded_fen=i.awarded_fen,
                                     category=i.category, final=final, decision=i.decision.strip()
                                     or _default_decision(claims[i.claim_id].item, i.awarded_fen)))
        s.flush()
        audit.record(s, db.actor, "award.draft", "case", case_id, f"{kind.label_zh}草稿 {case.number}", None,
                     {"award": a.id, "items": [[i.claim_id, i.awarded_fen, f] for i, f in decided]})
        return _detail(s, case, a)


def _default_decision(item: str, awarded_fen: int | None) -> str:
    from tribunal.domain.money import format_yuan

    what = item.strip().rstrip("。；;")
    if awarded_fen:
        return f"被申请人支付申请人{what.removeprefix('支付')}{format_yuan(awarded_fen)}元"
    return f"驳回申请人关于{what}的仲裁请求"


def _earlier(s: Session, case: Case, a: Award) -> str:
    """第15项请求已于2026年11月20日先行裁决 — for a full award after partial ones."""
    if a.kind != AwardKind.FULL:
        return ""
    numbers = {c.id: n for n, c in enumerate(case.claims, 1)}
    out = []
    for partial in s.scalars(select(Award).where(Award.case_id == case.id, Award.kind == AwardKind.PARTIAL,
                                                 Award.status != AwardStatus.DRAFT).order_by(Award.id)):
        items = "、".join(f"第{numbers[i.claim_id]}项" for i in partial.items if i.claim_id in numbers)
        d = partial.award_date
        out.append(f"{items}请求已由本委于{d.year}年{d.month}月{d.day}日先行裁决")
    return "；".join(out)


def _award_data(a: Award, header: CaseHeader, earlier: str = "") -> list[AwardData]:
    from tribunal.documents.award import AwardData, AwardLine

    items = [rules.AwardedItem(i.claim_id, i.decision, i.category, i.awarded_fen, i.final) for i in a.items]
    parts = rules.parts(items, split=a.split)
    out: list[AwardData] = []
    two = len(parts) == 2
    for final, part in parts:
        label = ("（终局裁决）" if final else "（非终局裁决）") if two else ""
        other = ("裁决书（非终局裁决）" if final else "裁决书（终局裁决）") if two else ""
        remedies: tuple[str, ...] = rules.FINAL_REMEDIES if final else rules.NON_FINAL_REMEDIES
        if not two and not final and any(i.final for i in items):
            # One document for a mixed award (setting off): it names its final items.
            finals = "、".join(str(n) for n, i in enumerate(items, 1) if i.final)
            remedies = (f"本裁决第{finals}项为终局裁决，自作出之日起发生法律效力；劳动者不服的，可以自收到本裁决书之日起"
                        "十五日内向人民法院提起诉讼；用人单位有证据证明该部分有《中华人民共和国劳动争议调解仲裁法》"
                        "第四十九条第一款规定情形之一的，可以自收到本裁决书之日起三十日内向本委所在地的中级人民法院"
                        "申请撤销。", *rules.NON_FINAL_REMEDIES)
        out.append(AwardData(
            header=header, award_id=a.id, partial=a.kind == AwardKind.PARTIAL, final=final, part_label=label,
            facts=a.facts, reasons=a.reasons, lines=tuple(AwardLine(i.item, i.awarded_fen) for i in part),
            remedies=tuple(remedies), award_date=a.award_date,
            declined=tuple((d.get("name", ""), d.get("note", "")) for d in a.declined or ()), other_part=other,
            earlier=earlier))
    return out


def issue_award(db: Database, award_id: int, *, out_dir: str | None = None,
                issued_on: dt.date | None = None) -> tuple[AwardDetail, list[documents.DocumentRow]]:
    """Print the award (two 裁决书 for a mixed one when so set) and a proof of service per party and document.

    Raises:
        ConflictError: the award was already served, or the case has no panel.
        ValidationError: the documents folder cannot be written.
        NotFound: no such award.
    """
    from tribunal.documents.award import AwardDocument
    from tribunal.documents.mediation import CaseReceipt, ReceiptData

    _values, commission, fonts = documents.render_context(db)
    issued_on = issued_on or dt.date.today()
    with db.session(write=False) as s:
        case, a = _load(s, award_id)
        if a.status == AwardStatus.SERVED:
            raise ConflictError(msg("裁决书已送达，不能重新制作"))
        if not case.arbitrators:
            raise ConflictError(msg("案件 {number} 尚未组成仲裁庭：裁决书须由仲裁员签名", number=case.number))
        header = case_header(case)
        datas = _award_data(a, header, _earlier(s, case, a))
        number, case_id = case.number, case.id
    renderer, receipt = AwardDocument(commission, fonts), CaseReceipt(commission, fonts)
    files = []
    for d in datas:
        title = ("先行裁决书" if d.partial else "裁决书") + d.part_label
        files.append(documents.CaseFile(DocumentKind.AWARD, f"{title} {number}", title, renderer.render(d).data))
        for party in header.parties:
            rd = ReceiptData(header=header, party=party, document=title, issue_date=issued_on,
                             key=f"award:{award_id}:{int(d.final)}:receipt:{party.id}", allow_left=True)
            files.append(documents.CaseFile(DocumentKind.CASE_RECEIPT, f"送达回证（{title}，{party.name}）",
                                            f"送达回证_{title}_{party.name}", receipt.render(rd).data, party.id))
    rows = documents.save_case_files(db, case_id, f"{number}_裁决书", files, out_dir=out_dir,
                                     action="award.print", summary=f"制作裁决书 {number}")
    with db.session() as s:
        case, a = _load(s, award_id)
        if a.status == AwardStatus.DRAFT:
            a.status, a.issued_on = AwardStatus.ISSUED, issued_on
        audit.record(s, db.actor, "award.issue", "case", case.id, f"作出裁决书 {case.number}（{len(datas)} 份）",
                     None, {"award": a.id, "documents": len(datas)})
        s.flush()
        return _detail(s, case, a), rows


def record_service(db: Database, award_id: int, party_id: int, *, served_on: dt.date,
                   method: ServiceMethod = ServiceMethod.DIRECT, signed_by: str = "",
                   today: dt.date | None = None) -> AwardDetail:
    """Record service of the award on a party; once every party is served the claims take the
    awarded amounts and finality, and a full award closes the case (裁决结案).

    Raises:
        ValidationError: a date before the award was made or after today, a party not in the case.
        ConflictError: the award is a draft or already served.
        NotFound: no such award.
    """
    today = today or dt.date.today()
    if served_on > today:
        raise ValidationError(msg("送达日期不能晚于今天"), {"served_on": msg("晚于今天")})
    with db.session() as s:
        case, a = _load(s, award_id)
        if a.status != AwardStatus.ISSUED:
            raise ConflictError(msg("裁决书{status}，不能登记送达", status=a.status))
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise ValidationError(msg("该当事人不属于本案"), {"party": msg("不属于本案")})
        if a.issued_on is not None and served_on < a.issued_on:
            raise ValidationError(msg("送达日期不能早于裁决书作出日期 {issued_on}", issued_on=a.issued_on), {"served_on": msg("早于作出日期")})
        s.add(ServiceRecord(case_id=case.id, party_id=party_id, document=AWARD_DOCUMENT, method=method,
                            served_on=served_on, signed_by=(signed_by.strip() or party.name)[:60], confirmed=True,
                            note=_service_note(a)))
        s.flush()
        served = _served(s, case, a)
        complete = all(d is not None for _, d in served)
        if complete:
            a.status = AwardStatus.SERVED
            a.served_on = max(d for _, d in served if d is not None)
            claims = {c.id: c for c in case.claims}
            for i in a.items:
                c = claims[i.claim_id]
                c.awarded_fen, c.finality_category, c.final = i.awarded_fen, i.category, i.final
        audit.record(s, db.actor, "award.service", "case", case.id,
                     f"裁决书送达 {case.number}：{party.name}" + ("（已全部送达）" if complete else ""), None,
                     {"award": a.id, "party": party_id, "served_on": served_on.isoformat()})
        close = complete and a.kind == AwardKind.FULL and case.status != CaseStatus.CLOSED
        served_on_all, result, case_id = a.served_on, a.result, case.id
        amounts = [c.awarded_fen for c in case.claims if c.awarded_fen is not None]
    if close and served_on_all is not None:
        cases.close_case(db, case_id, CaseOutcome.AWARDED, served_on_all, "裁决书已送达双方当事人",
                         result=result, amount_fen=sum(amounts) if amounts else None, today=today)
    return get_award(db, award_id)

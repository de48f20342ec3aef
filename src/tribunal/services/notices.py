"""Case notices (案件通知书): print them from the case's data, record their service, list what is due.

Making a notice follows the hearing pack's three steps (services.documents): one read
session gathers the case into :class:`tribunal.documents.case_notices.CaseFacts`; the
letters and their proofs of service are rendered with no session open; the files are
written atomically and recorded in the documents register (one audit entry).

Recording a service goes through the clocks (services.clocks): the document name a record
carries is the notice's title, so the service date of an 应诉通知书 starts that respondent's
defence period and a 仲裁庭组成通知书 completes the composition notice, exactly as a
service entered by hand. Service by public notice is recorded as a clock event (the notice
period is left out of the time limit). Once served, the notice's bytes are kept in the
database like a served hearing notice (services.served_documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.models import Case, CaseArbitrator, CaseParticipant, Document, Hearing, Party
from tribunal.domain import notices as nk
from tribunal.domain.enums import DocumentKind, HearingStatus, PartyKind, ServiceMethod
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, clocks, served_documents, settings
from tribunal.services import documents as docs
from tribunal.texts import msg, reason_of

__all__ = [
    "DueNotice",
    "ServiceEntry",
    "due_notices",
    "make_notices",
    "notice_number",
    "print_due",
    "record_service",
]


# ---------------------------------------------------------------- gathering


def notice_number(values: dict[str, Any], kind: nk.NoticeKind, year: int, seq: int) -> str:
    """The 文号 of a notice by the commission's pattern for its kind ("" when none is set)."""
    try:
        patterns = settings.notice_number_patterns(str(values.get("notices.number_patterns") or ""))
    except ValueError:
        patterns = {}  # refused when saved; an older value that no longer reads prints the case number
    pattern = patterns.get(kind.key, "")
    return str(pattern).replace("{年}", str(year)).replace("{号}", str(seq)) if pattern else ""


def _facts(s: Session, case_id: int, commission: Any, hearing_id: int | None = None) -> Any:
    from tribunal.documents.case_notices import CaseFacts, HearingFacts, ParticipantInfo
    from tribunal.documents.data import AgentInfo, PanelSeat, PartyInfo

    case = s.scalars(select(Case).where(Case.id == case_id).options(
        selectinload(Case.parties).selectinload(Party.agents),
        selectinload(Case.arbitrators).selectinload(CaseArbitrator.staff),
        selectinload(Case.clerk))).first()
    if case is None:
        raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
    parties = tuple(
        PartyInfo(id=p.id, role=p.role.value, role_label=p.role.label_zh,
                  is_organisation=p.kind == PartyKind.ORGANISATION, name=p.name, address=p.address or "",
                  legal_representative=p.legal_representative or "",
                  legal_representative_title=p.legal_representative_title or "",
                  agents=tuple(AgentInfo(a.id, a.kind, a.name, a.organisation or "", a.address or "",
                                         bool(a.legal_aid)) for a in p.agents))
        for p in sorted(case.parties, key=lambda p: (p.position, p.id)))
    order = {"sole": 0, "presiding": 0, "member": 1}
    seats = sorted(case.arbitrators, key=lambda a: (order[a.role.value], a.position))
    panel = tuple(PanelSeat(a.role.value, a.role.label_zh, a.staff.name) for a in seats)
    participants = tuple(
        ParticipantInfo(p.id, p.role, _participant_label(p.role), p.name)
        for p in s.scalars(select(CaseParticipant).where(CaseParticipant.case_id == case_id)
                           .order_by(CaseParticipant.id)))
    hearing = None
    if hearing_id is not None:
        row = docs.hearing_to_print(s, hearing_id)
        if row.case_id != case_id:
            raise ValidationError(msg("所选开庭不属于案件 {number}", number=case.number), {"hearing": msg("不属于本案")})
        venue = docs.venue_of(row, commission)
        if row.panel:
            panel = docs.panel_of(row)
        hearing = HearingFacts(row.id, row.starts_at, venue.place, venue.address)
    clerk = docs.staff_of(case.clerk)
    return CaseFacts(case.id, case.number, docs.type_phrase(case.case_type).removesuffix("争议"), case.year,
                     case.seq, case.received_date, case.accepted_date, parties, panel, clerk, participants, hearing)


def _participant_label(role: str) -> str:
    from tribunal.domain.enums import ParticipantRole

    try:
        return ParticipantRole(role).label_zh
    except ValueError:
        return "其他参与人"


def _check_kind(kind: nk.NoticeKind, facts: Any, given: nk.NoticeInput) -> None:
    """Refuse a notice the case's state cannot support, with what to do first."""
    if kind.needs_hearing and facts.hearing is None:
        raise ValidationError(msg("{title}须指明是哪一场开庭（--hearing）", title=kind.title), {"hearing": msg("必填")})
    if kind.key in ("accept", "respond", "composition", "extend", "suspend", "resume") and facts.accepted is None:
        raise ValidationError(msg("案件 {case_number} 尚未登记受理日期，不能制作{title}", case_number=facts.case_number, title=kind.title), {"accepted_date": msg("未受理")})
    if kind.key == "reject" and not given.reasons.strip():
        raise ValidationError(msg("不予受理通知书须写明理由（--reasons）"), {"reasons": msg("必填")})
    if kind.key == "correction" and not any(m.strip() for m in given.materials):
        raise ValidationError(msg("补正通知书须列出需要补正的材料（--material，可写多次）"), {"materials": msg("必填")})
    if kind.key == "composition" and not facts.panel:
        raise ValidationError(msg("案件 {case_number} 尚未指定仲裁员，不能制作仲裁庭组成通知书", case_number=facts.case_number), {"panel": msg("未组庭")})
    if kind.key == "suspend" and not given.reasons.strip():
        raise ValidationError(msg("中止仲裁审理通知书须写明中止的原因（--reasons）"), {"reasons": msg("必填")})
    if kind.key in ("suspend", "resume") and given.effective is None:
        raise ValidationError(msg("{title}须写明{value}的日期（--date）", title=kind.title, value='中止' if kind.key == 'suspend' else '恢复'),
                              {"effective": msg("必填")})
    if kind.key == "extend" and given.new_due is None:
        raise ValidationError(msg("延长仲裁审理期限通知书须写明延长后的届满日（--new-due）"), {"new_due": msg("必填")})
    if kind.key == "public_notice" and given.public_party_id is None:
        raise ValidationError(msg("公告须指明受送达的当事人（--party）"), {"party": msg("必填")})
    if kind.to == nk.PARTICIPANTS and not facts.participants:
        raise ValidationError(msg("案件 {case_number} 没有登记证人、鉴定人或翻译人员", case_number=facts.case_number), {"participants": msg("没有")})


# ---------------------------------------------------------------- printing


def _pack(letters: list[Any], commission: Any, fonts: Any, folder_name: str, title: str, issue: dt.date,
          notes: list[str], rendered: Callable[[int], None] | None = None) -> Any:
    """The letters rendered with their receipts, and the combined PDF (nothing written).

    ``rendered(n)`` is called after each letter with the number rendered so far.
    """
    from tribunal.documents.case_notices import CaseNotice, NoticeReceipt
    from tribunal.documents.merge import Part, merge_pdfs
    from tribunal.documents.pack import PackItem, PackOutput, safe_name

    notice, receipt = CaseNotice(commission, fonts), NoticeReceipt(commission, fonts)
    items: list[PackItem] = []
    order = {k.key: i for i, k in enumerate(nk.KINDS)}
    for count, letter in enumerate(letters, start=1):
        stem = f"{order[letter.kind] + 1:02d}_{safe_name(letter.title, 20)}_{safe_name(letter.recipient, 60)}"
        sub = safe_name(letter.case_number, 60) + "/" if len({x.case_id for x in letters}) > 1 else ""
        items.append(PackItem(DocumentKind.CASE_NOTICE.value, f"{sub}{stem}.pdf", notice.render(letter),
                              letter.case_id, None, letter.party_id))
        if not letter.public:
            items.append(PackItem(DocumentKind.SERVICE_RECEIPT.value, f"{sub}{stem}_送达回证.pdf",
                                  receipt.render(letter), letter.case_id, None, letter.party_id))
        if rendered is not None:
            rendered(count)
    combined = merge_pdfs([Part(i.title, i.rendered.data) for i in items], title=title,
                          author=commission.issuer, issue_date=issue, key=f"notices:{folder_name}")
    return PackOutput(folder_name=folder_name, items=tuple(items), combined=combined, combined_title=title,
                      notes=tuple(notes))


def make_notices(db: Database, case_id: int, kind: nk.NoticeKind | str, given: nk.NoticeInput, *,
                 hearing_id: int | None = None, out_dir: str | Path | None = None,
                 force: bool = False) -> docs.PackResult:
    """Print one kind of notice for a case: one per addressee, each with its 送达回证.

    ``given`` holds what the clerk decided (:class:`tribunal.domain.notices.NoticeInput`). Files go to
    ``<documents folder>/<案号>_<通知名>_<日期>/`` with one combined 全部文书.pdf, and are recorded
    in the documents register.

    Raises:
        NotFound: no such case or hearing.
        ValidationError: the case's state does not allow this notice (not accepted, no
            arbitrators, no hearing named…), or the output folder cannot be written.
    """
    from tribunal.documents.case_notices import letters
    from tribunal.documents.pack import safe_name

    if isinstance(kind, str):
        try:
            kind = nk.kind(kind)
        except ValueError as exc:
            raise ValidationError(reason_of(exc), {"kind": msg("无效")}) from None
    values, commission, fonts = docs.print_context(db)
    folder = docs.output_folder(db, out_dir, values)
    with db.session(write=False) as s:
        facts = _facts(s, case_id, commission, hearing_id)
        if kind.key == "postpone" and hearing_id is not None:
            status = s.scalar(select(Hearing.status).where(Hearing.id == hearing_id))
            if status == HearingStatus.CANCELLED:
                raise ConflictError(msg("这场开庭已经取消，不能再通知延期"))
    _check_kind(kind, facts, given)
    if not given.number:
        number = notice_number(values, kind, facts.year, facts.seq)
        if number:
            import dataclasses

            given = dataclasses.replace(given, number=number)
    found = letters(kind, facts, given, phone=commission.phone, address=commission.address)
    if not found:
        raise ValidationError(msg("{title}没有受送达人（请核对当事人）", title=kind.title), {"party": msg("没有")})
    name = safe_name(f"{facts.case_number}_{kind.title}_{given.issue_date.isoformat()}", 100)
    pack = _pack(found, commission, fonts, name, f"{facts.case_number} {kind.title}", given.issue_date,
                 list(fonts.warnings))
    return docs.record_pack(db, folder, pack, action="notices.make", entity="case", entity_id=case_id,
                             summary=f"制作{kind.title} {facts.case_number}", force=force)


# ---------------------------------------------------------------- service


@dataclass(frozen=True)
class ServiceEntry:
    """What was recorded: the record (or clock) and the addressee, in the clerk's words."""

    case_id: int
    document: str
    addressee: str
    method: ServiceMethod
    served_on: dt.date
    note: str
    record_id: int | None = None  # the service record (None for a public notice or a participant)


def _note(served_by: str, tracking: str, witnesses: str, consent: str, agent: str, note: str) -> str:
    parts = [f"送达人：{served_by}"]
    if agent:
        parts.append(f"由代理人{agent}签收")
    if tracking:
        parts.append(f"邮件号：{tracking}")
    if witnesses:
        parts.append(f"见证人：{witnesses}")
    if consent:
        parts.append(f"同意电子送达：{consent}")
    if note:
        parts.append(note)
    return "；".join(parts)


def record_service(db: Database, case_id: int, kind: nk.NoticeKind | str, *, method: ServiceMethod | str,
                   served_on: dt.date, served_by: str, party_id: int | None = None, agent_id: int | None = None,
                   participant_id: int | None = None, tracking_number: str = "", witnesses: str = "",
                   consent: str = "", signed_by: str = "", note: str = "", abroad: bool = False,
                   today: dt.date | None = None) -> ServiceEntry:
    """Record that one notice reached its addressee: method, date, who served it.

    The rules of each method are checked: 邮寄送达 needs the tracking number, 留置送达 the
    witnesses (or the record of photographs or video, 民诉法 89), 电子送达 the addressee's
    recorded consent (民诉法 90), 公告送达 is recorded as the public notice on the party
    (the day it counts as served and the notice period follow from the rules). Service on
    a party's agent counts as service on the party (民诉法 88, applied by reference).

    Raises:
        ValidationError: a missing detail of the method, unknown addressee, a future date;
            and whatever the clocks refuse (a date before acceptance…).
        ConflictError: the same service is already recorded, or the case is closed.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    if isinstance(kind, str):
        try:
            kind = nk.kind(kind)
        except ValueError as exc:
            raise ValidationError(reason_of(exc), {"kind": msg("无效")}) from None
    if not isinstance(method, ServiceMethod):
        try:
            method = ServiceMethod.from_label(str(method))
        except ValueError:
            choices = "、".join(m.label_zh for m in ServiceMethod if m != ServiceMethod.PHONE)
            raise ValidationError(msg("送达方式“{method}”无效；可选：{choices}", method=method, choices=choices), {"method": msg("无效")}) from None
    assert isinstance(method, ServiceMethod)
    if method == ServiceMethod.PHONE:
        raise ValidationError(msg("电话通知不是书面送达，不能作为通知书的送达方式"), {"method": msg("不是书面送达")})
    served_by = " ".join(served_by.split())
    tracking_number, witnesses, consent = (" ".join(x.split()) for x in (tracking_number, witnesses, consent))
    if not served_by:
        raise ValidationError(msg("请填写送达人"), {"served_by": msg("必填")})
    if method == ServiceMethod.POST and not tracking_number:
        raise ValidationError(msg("邮寄送达请填写邮件号（挂号信或特快专递单号）"), {"tracking_number": msg("必填")})
    if method == ServiceMethod.LEFT and not witnesses:
        raise ValidationError(msg("留置送达请填写到场见证人，或说明已拍照、录像记录送达过程"), {"witnesses": msg("必填")})
    if method == ServiceMethod.ELECTRONIC and not consent:
        raise ValidationError(msg("电子送达须经受送达人同意：请写明同意的方式和电子地址（如 申请书中书面同意，邮箱…）"),
                              {"consent": msg("必填")})
    if (party_id is None) == (participant_id is None):
        raise ValidationError(msg("请指明受送达的当事人或其他参与人（二者选一）"), {"party": msg("必填")})
    if participant_id is not None and kind.to != nk.PARTICIPANTS:
        raise ValidationError(msg("{title}送达当事人，不送达证人等其他参与人", title=kind.title), {"participant": msg("不适用")})
    if party_id is not None and kind.to == nk.PARTICIPANTS:
        raise ValidationError(msg("{title}送达证人、鉴定人或翻译人员，不送达当事人", title=kind.title), {"party": msg("不适用")})
    if served_on > today:
        raise ValidationError(msg("送达日期不能晚于今天"), {"served_on": msg("晚于今天")})
    with db.session(write=False) as s:
        if s.get(Case, case_id) is None:
            raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
        agent_name = ""
        if party_id is not None:
            party = s.get(Party, party_id)
            if party is None or party.case_id != case_id:
                raise ValidationError(msg("所选当事人不属于本案"), {"party": msg("不属于本案")})
            addressee = party.name
            if kind.to == nk.RESPONDENTS and party.role.value != "respondent":
                raise ValidationError(msg("{title}送达被申请人，{name}不是被申请人", title=kind.title, name=party.name), {"party": msg("应为被申请人")})
            if kind.to == nk.APPLICANTS and party.role.value != "applicant":
                raise ValidationError(msg("{title}送达申请人，{name}不是申请人", title=kind.title, name=party.name), {"party": msg("应为申请人")})
            if agent_id is not None:
                agent = next((a for a in party.agents if a.id == agent_id), None)
                if agent is None:
                    raise ValidationError(msg("所选代理人不是{name}的代理人", name=party.name), {"agent": msg("不属于该当事人")})
                agent_name = agent.name
        else:
            who = s.get(CaseParticipant, participant_id)
            if who is None or who.case_id != case_id:
                raise ValidationError(msg("所选参与人不属于本案"), {"participant": msg("不属于本案")})
            addressee = who.name
    text = _note(served_by, tracking_number, witnesses, consent, agent_name, note.strip())
    if len(text) > 300:
        raise ValidationError(msg("送达情况说明过长（最多 300 字）"), {"note": msg("过长")})
    # The clocks know a document by its exact name (应诉通知书, 仲裁庭组成通知书): the title.
    document = kind.title
    if method == ServiceMethod.PUBLIC_NOTICE:
        if party_id is None:
            raise ValidationError(msg("公告送达只用于当事人"), {"method": msg("不适用")})
        clocks.record_public_notice(db, case_id, party_id, served_on, abroad=abroad, document=document,
                                    note=text[:160], today=today)
        return ServiceEntry(case_id, document, addressee, method, served_on, text)
    if participant_id is not None:
        # Witnesses and the like are not parties: nothing runs from their receipt, so the
        # service is kept in the case's audit trail rather than among the parties' records.
        with db.session() as s:
            audit.record(s, db.actor, "service.participant", "case", case_id,
                         f"{document}于{served_on.isoformat()}{method.label_zh}{addressee}（{text}）", None,
                         {"participant_id": participant_id, "document": document, "method": method,
                          "served_on": served_on, "note": text})
        return ServiceEntry(case_id, document, addressee, method, served_on, text)
    assert party_id is not None
    data = clocks.record_service(db, case_id, party_id, document, method, served_on,
                                 signed_by or agent_name, True, note=text, today=today)
    with db.session() as s:
        _keep_served(s, case_id, party_id, kind)
    return ServiceEntry(case_id, document, addressee, method, served_on, text, data.id)


def _keep_served(s: Session, case_id: int, party_id: int, kind: nk.NoticeKind) -> None:
    """Keep the bytes of this party's printed copies of the notice and its slip (once served)."""
    rows = s.scalars(select(Document).where(
        Document.case_id == case_id, Document.party_id == party_id,
        Document.kind.in_([DocumentKind.CASE_NOTICE, DocumentKind.SERVICE_RECEIPT]),
        Document.hearing_id.is_(None)))
    for row in rows:
        if row.title.startswith(kind.title) or f"（{kind.title}，" in row.title:
            data = served_documents.local_bytes(row.path, row.sha256)
            if data is not None:
                served_documents.store(s, data)


# ---------------------------------------------------------------- today's work list


@dataclass(frozen=True)
class DueNotice:
    """A notice the clocks say is due (or overdue): which, for which case, by when.

    ``printable`` is False where the notice cannot be made yet, ``blocker`` says why (the
    acceptance decision is the clerk's to make first; no arbitrators named yet).
    """

    case_id: int
    case_number: str
    kind: str
    title: str
    due: dt.date
    state: str
    parties: str
    note: str
    printable: bool = True
    blocker: str = ""

    @property
    def state_label(self) -> str:
        return clocks.STATE_LABELS[self.state]


_DUE_KINDS = {"accept_by": "accept", "serve_application_by": "respond", "composition_notice_by": "composition"}


def due_notices(db: Database, today: dt.date | None = None) -> list[DueNotice]:
    """The notices due from the clocks: overdue ones, and those due by the reminder day.

    From the statutory dates the clocks compute (受理决定截止日, 送达申请书副本截止日,
    组庭通知截止日): each not yet done gives one line, by date.
    """
    today = today or dt.date.today()
    soon = int(settings.get(db, "clock.due_soon_days"))
    overview = clocks.due_overview(db, today, days=soon + 1)
    rows = [*overview.overdue, *overview.due_this_week]
    wanted = [r for r in rows if r.key in _DUE_KINDS]
    case_ids = {r.case_id for r in wanted}
    panel: set[int] = set()
    if case_ids:
        with db.session(write=False) as s:
            panel = set(s.scalars(select(CaseArbitrator.case_id).where(CaseArbitrator.case_id.in_(case_ids))))
    out = []
    for r in sorted(wanted, key=lambda r: (r.due, r.case_number)):
        kind = nk.kind(_DUE_KINDS[r.key])
        title, printable, blocker = kind.title, True, ""
        if kind.key == "accept":
            title = "受理通知书或不予受理通知书"
            printable, blocker = False, "请先作出受理决定并登记受理日期（不受理的，制作不予受理通知书并写明理由）"
        elif kind.key == "composition" and r.case_id not in panel:
            printable, blocker = False, "尚未指定仲裁员"
        parties = f"{r.applicants} 与 {r.respondents}"
        out.append(DueNotice(r.case_id, r.case_number, kind.key, title, r.due, r.state, parties, r.note,
                             printable, blocker))
    return out


def print_due(db: Database, today: dt.date | None = None, *, out_dir: str | Path | None = None,
              force: bool = False, progress: docs.Progress | None = None) -> docs.PackResult:
    """Print every printable notice of :func:`due_notices` with its receipts, as one PDF.

    Each goes only to the addressees not yet served (the clocks' note names them when some
    were). The combined 全部文书.pdf holds them all in the list's order.

    ``progress(done, total)`` is called for each notice gathered and each letter rendered,
    always before anything is written: when it raises (the clerk pressed 取消) nothing is
    written or recorded. Once the files are being written it is no longer called, so a
    print is either recorded whole or not at all.

    Raises:
        ValidationError: nothing printable is due, or the output folder cannot be written.
    """
    from tribunal.documents.case_notices import letters
    from tribunal.domain.notices import NoticeInput

    today = today or dt.date.today()
    due = due_notices(db, today)
    printable = [d for d in due if d.printable]
    if not printable:
        raise ValidationError(msg("今天没有可以制作的到期通知书"), {"due": msg("没有")})
    values, commission, fonts = docs.print_context(db)
    folder = docs.output_folder(db, out_dir, values)
    found: list[Any] = []
    notes = list(fonts.warnings)
    # Two steps a notice: gathering its facts (quick), then rendering its letters (the slow part).
    steps = 2 * len(printable)
    for done, d in enumerate(printable):
        docs.report_step(progress, done, steps)
        kind = nk.kind(d.kind)
        with db.session(write=False) as s:
            facts = _facts(s, d.case_id, commission)
        # Whatever name the clerk recorded it under (申请书副本, 组庭通知书…), as the clocks count it.
        names = clocks.APPLICATION_DOCUMENTS if kind.key == "respond" else clocks.COMPOSITION_DOCUMENTS
        served = {r.party_id for r in clocks.service_records(db, d.case_id)
                  if r.served_on is not None and r.confirmed and r.document in names}
        given = NoticeInput(issue_date=today, number=notice_number(values, kind, facts.year, facts.seq))
        for letter in letters(kind, facts, given, phone=commission.phone, address=commission.address):
            if letter.party_id not in served:
                found.append(letter)
    for d in due:
        if not d.printable:
            notes.append(msg("{case_number}：{title}（{isoformat}）未制作——{blocker}", case_number=d.case_number, title=d.title, isoformat=d.due.isoformat(), blocker=d.blocker))
    if not found:
        raise ValidationError(msg("到期的通知书均已登记送达"), {"due": msg("没有")})
    name = f"{today.isoformat()}_到期通知书"

    def rendered(letters_done: int) -> None:
        docs.report_step(progress, len(printable) + len(printable) * letters_done // len(found), steps)

    pack = _pack(found, commission, fonts, name, f"{today.isoformat()} 到期通知书", today, [], rendered)
    docs.report_step(progress, steps, steps)  # the last point where stopping leaves no trace
    return docs.record_pack(db, folder, pack, action="notices.due", entity="case", entity_id=None,
                             summary=f"制作到期通知书 {today.isoformat()}", extra_notes=notes, force=force)

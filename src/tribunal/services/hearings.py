"""Hearings (开庭排期): schedule with conflict checks, postpone, cancel, mark held, record service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, object_session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from tribunal.db.engine import Database
from tribunal.db.locks import LockKind, lock_bookings
from tribunal.db.models import (
    Case,
    CaseParticipant,
    Enterprise,
    Hearing,
    HearingPanelMember,
    Invitation,
    Observer,
    Party,
    Room,
    ServiceRecord,
)
from tribunal.domain import agents as agent_rules
from tribunal.domain.enums import (
    CaseStatus,
    CaseType,
    HearingStatus,
    InvitationStatus,
    PanelRole,
    ParticipantRole,
    PartyRole,
    ServiceMethod,
)
from tribunal.domain.legal_calendar import UnknownYearError
from tribunal.domain.periods import PeriodCalculator
from tribunal.domain.scheduling import (
    SIMPLIFIED_BASIS,
    SIMPLIFIED_METHODS,
    WARNING,
    Finding,
    HearingInput,
    closed_reason_text,
    evaluate,
    input_problems,
    venue_text,
    verdict,
)
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, conflicts, served_documents
from tribunal.services.legal_calendar import calendar
from tribunal.texts import msg

HEARING_NOTICE = "开庭通知书"


# ---------------------------------------------------------------- plain data in and out


@dataclass(frozen=True)
class HearingRow:
    """One line of the hearing list."""

    id: int
    case_id: int
    case_number: str
    case_type: CaseType
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    room_id: int | None
    host_enterprise_id: int | None
    public: bool
    closed_reason: str | None
    status: HearingStatus
    tribunal_id: int | None
    clerk_id: int | None


@dataclass(frozen=True)
class PanelSeat:
    """A seat at the hearing, with the arbitrator's name."""

    staff_id: int
    role: PanelRole
    name: str


@dataclass(frozen=True)
class ServiceRecordRow:
    """How and when the hearing notice reached one party (送达记录)."""

    id: int
    party_id: int
    party_name: str
    party_role: PartyRole
    document: str
    method: ServiceMethod
    served_on: dt.date | None
    signed_by: str
    confirmed: bool
    note: str

    @property
    def simplified(self) -> bool:
        """Served by phone or electronically (简易方式)."""
        return self.method in SIMPLIFIED_METHODS


@dataclass(frozen=True)
class InvitationCounts:
    """How the observers' invitations to one hearing stand."""

    invited: int = 0
    confirmed: int = 0
    declined: int = 0
    attended: int = 0
    absent: int = 0

    @property
    def standing(self) -> int:
        """Invitations not declined (what the room must seat)."""
        return self.invited + self.confirmed + self.attended + self.absent


@dataclass(frozen=True)
class HearingDetail:
    """A whole hearing, as its page shows it.

    ``postponed_from_id`` is the hearing this one replaces after a postponement (延期开庭);
    ``postponed_to_id`` the one that replaced it, when it was postponed to a new date.
    """

    id: int
    case_id: int
    case_number: str
    case_type: CaseType
    starts_at: dt.datetime
    ends_at: dt.datetime
    room_id: int | None
    room_name: str
    capacity: int | None
    host_enterprise_id: int | None
    host_enterprise_name: str
    venue: str
    address: str
    public: bool
    closed_reason: str | None
    status: HearingStatus
    status_reason: str | None
    override_reason: str | None
    panel: tuple[PanelSeat, ...]
    clerk_id: int | None
    clerk_name: str
    tribunal_id: int | None
    tribunal_name: str
    service_records: tuple[ServiceRecordRow, ...]
    invitations: InvitationCounts
    created_at: dt.datetime
    postponed_from_id: int | None = None
    postponed_to_id: int | None = None
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1

    def to_input(self) -> HearingInput:
        """The editable part, ready to be changed and saved back (the host follows the room)."""
        return HearingInput(
            case_id=self.case_id, starts_at=self.starts_at, ends_at=self.ends_at, room_id=self.room_id,
            public=self.public,
            closed_reason=self.closed_reason, panel=tuple((p.staff_id, p.role) for p in self.panel),
            clerk_id=self.clerk_id, tribunal_id=self.tribunal_id,
        )


@dataclass(frozen=True)
class VenueRow:
    """A room a hearing can be held in: at an enterprise, or the commission's own."""

    id: int
    name: str
    capacity: int
    enterprise_id: int | None
    enterprise_name: str
    address: str
    active: bool

    @property
    def label(self) -> str:
        """``企业名 会议室`` or ``本院第一仲裁庭``."""
        return venue_text(self.name, self.enterprise_name or None)


@dataclass(frozen=True)
class Recipient:
    """Someone who must be told of a postponement or cancellation.

    ``kind`` is one of ``party``, ``agent``, ``participant`` (witness, appraiser, interpreter…),
    ``arbitrator``, ``clerk``, ``host``, ``observer``.
    The phone number is given in full: this list is for the clerk's own screen.
    """

    kind: str
    name: str
    role_label: str
    organisation: str = ""
    phone: str = ""


# ---------------------------------------------------------------- checking the input


def check_hearing(db: Database, data: HearingInput, hearing_id: int | None = None,
                  today: dt.date | None = None) -> list[Finding]:
    """Every conflict, warning and note for a proposed hearing, without saving anything.

    Meant for the live panel of the scheduling dialog: typed-input problems come back as
    hard findings (``input.*``) rather than as an exception.

    Args:
        hearing_id: the hearing being edited (it does not clash with itself; its
            invitations and service records count).
    """
    today = today or dt.date.today()
    cal = calendar(db)
    award = conflicts.award_clock(db, data.case_id, today)
    with db.session(write=False) as s:
        facts = conflicts.gather(s, data, calendar=cal, today=today,
                                 exclude_ids=[hearing_id] if hearing_id else [],
                                 guests_of=hearing_id, services_of=hearing_id,
                                 input_problems=input_problems(data), award=award)
        return evaluate(facts)


def _raise_input(data: HearingInput) -> None:
    ValidationError.raise_if(input_problems(data), msg("开庭信息"))


# ---------------------------------------------------------------- reading


def load_hearing(s: Session, hearing_id: int, *options: ORMOption) -> Hearing:
    """The hearing ``hearing_id`` in the open session ``s``, for the services that work on one.

    Args:
        options: loader options (``selectinload(...)``) for what the caller reads next;
            without any, a hearing the session already holds is returned without a query.

    Raises:
        NotFound: no such hearing (it may have been deleted meanwhile).
    """
    if options:
        hearing = s.scalars(select(Hearing).where(Hearing.id == hearing_id).options(*options)).one_or_none()
    else:
        hearing = s.get(Hearing, hearing_id)
    if hearing is None:
        raise NotFound(msg("找不到编号为 {hearing_id} 的开庭，可能已被删除", hearing_id=hearing_id))
    return hearing


def _load(s: Session, hearing_id: int) -> Hearing:
    """The hearing with what :func:`_detail` reads."""
    return load_hearing(
        s, hearing_id,
        selectinload(Hearing.panel).selectinload(HearingPanelMember.staff),
        selectinload(Hearing.service_records).selectinload(ServiceRecord.party),
        selectinload(Hearing.invitations),
    )


def _detail(hearing: Hearing) -> HearingDetail:
    room = hearing.room
    ent = room.enterprise if room is not None and room.enterprise is not None else hearing.host_enterprise
    counts = {status: 0 for status in InvitationStatus}
    for inv in hearing.invitations:
        counts[inv.status] += 1
    records = sorted(hearing.service_records, key=lambda r: (r.party.position, r.party_id, r.id))
    session = object_session(hearing)
    postponed_to = None
    if session is not None and hearing.id is not None:
        postponed_to = session.scalar(select(Hearing.id).where(Hearing.postponed_from_id == hearing.id)
                                      .order_by(Hearing.id.desc()).limit(1))
    return HearingDetail(
        id=hearing.id,
        case_id=hearing.case_id,
        case_number=hearing.case.number,
        case_type=hearing.case.case_type,
        starts_at=hearing.starts_at,
        ends_at=hearing.ends_at,
        room_id=hearing.room_id,
        room_name=room.name if room else "",
        capacity=room.capacity if room else None,
        host_enterprise_id=hearing.host_enterprise_id,
        host_enterprise_name=ent.name if ent else "",
        venue=venue_text(room.name if room else None, ent.name if ent else None),
        address=(room.address if room and room.address else None) or (ent.address if ent else None) or "",
        public=hearing.public,
        closed_reason=hearing.closed_reason,
        status=hearing.status,
        status_reason=hearing.status_reason,
        override_reason=hearing.override_reason,
        panel=tuple(PanelSeat(m.staff_id, m.role, m.staff.name) for m in hearing.panel),
        clerk_id=hearing.clerk_id,
        clerk_name=hearing.clerk.name if hearing.clerk else "",
        tribunal_id=hearing.tribunal_id,
        tribunal_name=hearing.tribunal.name if hearing.tribunal else "",
        service_records=tuple(
            ServiceRecordRow(r.id, r.party_id, r.party.name, r.party.role, r.document, r.method, r.served_on,
                             r.signed_by or "", r.confirmed, r.note or "")
            for r in records
        ),
        invitations=InvitationCounts(
            invited=counts[InvitationStatus.INVITED], confirmed=counts[InvitationStatus.CONFIRMED],
            declined=counts[InvitationStatus.DECLINED], attended=counts[InvitationStatus.ATTENDED],
            absent=counts[InvitationStatus.ABSENT],
        ),
        created_at=hearing.created_at,
        postponed_from_id=hearing.postponed_from_id,
        postponed_to_id=postponed_to,
        version=hearing.version or 1,
    )


def get_hearing(db: Database, hearing_id: int) -> HearingDetail:
    """One hearing with its panel, venue, service records and invitation counts.

    Raises:
        NotFound: no such hearing.
    """
    with db.session(write=False) as s:
        return _detail(_load(s, hearing_id))


def list_hearings(db: Database, date_from: dt.date | None = None, date_to: dt.date | None = None,
                  tribunal_id: int | None = None, staff_id: int | None = None) -> list[HearingRow]:
    """Hearings starting between ``date_from`` and ``date_to`` (both included), earliest first.

    Args:
        tribunal_id: only this circuit tribunal's hearings.
        staff_id: only hearings where this person sits on the panel or is the clerk.
    """
    query = (
        select(Hearing.id, Hearing.case_id, Case.number, Case.case_type, Hearing.starts_at, Hearing.ends_at,
               Room.name.label("room_name"), Enterprise.name.label("ent_name"), Hearing.room_id,
               Hearing.host_enterprise_id, Hearing.public, Hearing.closed_reason, Hearing.status,
               Hearing.tribunal_id, Hearing.clerk_id)
        .join(Case, Hearing.case_id == Case.id)
        .outerjoin(Room, Hearing.room_id == Room.id)
        .outerjoin(Enterprise, Enterprise.id == Room.enterprise_id)
        .order_by(Hearing.starts_at, Hearing.id)
    )
    if date_from is not None:
        query = query.where(Hearing.starts_at >= dt.datetime.combine(date_from, dt.time()))
    if date_to is not None:
        query = query.where(Hearing.starts_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time()))
    if tribunal_id is not None:
        query = query.where(Hearing.tribunal_id == tribunal_id)
    if staff_id is not None:
        on_panel = exists().where(HearingPanelMember.hearing_id == Hearing.id,
                                  HearingPanelMember.staff_id == staff_id)
        query = query.where(or_(Hearing.clerk_id == staff_id, on_panel))
    with db.session(write=False) as s:
        return [
            HearingRow(r.id, r.case_id, r.number, r.case_type, r.starts_at, r.ends_at,
                       venue_text(r.room_name, r.ent_name), r.room_id, r.host_enterprise_id, r.public,
                       r.closed_reason, r.status, r.tribunal_id, r.clerk_id)
            for r in s.execute(query)
        ]


def list_rooms(db: Database, *, active_only: bool = True) -> list[VenueRow]:
    """Rooms to hold hearings in: the commission's own first, then by enterprise."""
    query = (
        select(Room, Enterprise.name, Enterprise.address)
        .outerjoin(Enterprise, Room.enterprise_id == Enterprise.id)
        .order_by(Room.enterprise_id.is_not(None), Enterprise.name, Room.name, Room.id)
    )
    if active_only:
        query = query.where(Room.active.is_(True))
    with db.session(write=False) as s:
        return [
            VenueRow(room.id, room.name, room.capacity, room.enterprise_id, ent_name or "",
                     room.address or ent_address or "", room.active)
            for room, ent_name, ent_address in s.execute(query)
        ]


# ---------------------------------------------------------------- writing


def _host_of(s: Session, room_id: int | None) -> int | None:
    if room_id is None:
        return None
    return s.scalar(select(Room.enterprise_id).where(Room.id == room_id))


def _apply(s: Session, hearing: Hearing, data: HearingInput, tribunal_id: int | None) -> None:
    hearing.starts_at = data.starts_at
    hearing.ends_at = data.ends_at
    hearing.room_id = data.room_id
    hearing.host_enterprise_id = _host_of(s, data.room_id)
    hearing.public = data.public
    hearing.closed_reason = None if data.public else closed_reason_text(data.closed_reason)
    hearing.clerk_id = data.clerk_id
    hearing.tribunal_id = tribunal_id
    hearing.panel.clear()
    s.flush()
    for i, (staff_id, role) in enumerate(data.panel):
        hearing.panel.append(HearingPanelMember(staff_id=staff_id, role=role, position=i))


def _lock_bookings(s: Session, data: HearingInput) -> None:
    """Serialise bookings of the same people and room (PostgreSQL; SQLite already does)."""
    keys = [(LockKind.STAFF, sid) for sid, _ in data.panel]
    if data.clerk_id is not None:
        keys.append((LockKind.STAFF, data.clerk_id))
    if data.room_id is not None:
        keys.append((LockKind.ROOM, data.room_id))
    lock_bookings(s, keys)


def _set_case_status(s: Session, db: Database, case: Case, status: CaseStatus, why: str) -> None:
    if case.status == status:
        return
    before = case.status
    case.status = status
    audit.record(s, db.actor, "case.status", "case", case.id,
                 f"{case.number}：{before.label_zh} → {status.label_zh}（{why}）",
                 {"status": before}, {"status": status})


def _settle_case_status(s: Session, db: Database, case: Case, why: str) -> None:
    """After a hearing is taken off the diary, a case left with no scheduled hearing goes back."""
    if case.status != CaseStatus.SCHEDULED:
        return
    statuses = set(s.scalars(select(Hearing.status).where(Hearing.case_id == case.id)))
    if HearingStatus.SCHEDULED in statuses:
        return
    back = CaseStatus.HEARD if HearingStatus.HELD in statuses else CaseStatus.ACCEPTED
    _set_case_status(s, db, case, back, why)


def _summary(findings: list[Finding]) -> list[str]:
    return [f"{f.severity_label}：{f.message}" for f in findings if f.severity == WARNING]


def schedule_hearing(db: Database, data: HearingInput, override_reason: str | None = None, *,
                     today: dt.date | None = None) -> HearingDetail:
    """Schedule a hearing after checking every conflict rule.

    The check and the insert happen in one write transaction, so two clerks cannot book
    the same arbitrator or room at once. A case that was 已受理 becomes 已排期.

    Args:
        override_reason: why the warnings may be set aside; stored on the hearing and in
            the audit trail. Required when there are warnings, ignored otherwise.

    Raises:
        ValidationError: the times or the closed-hearing reason are wrong (nothing saved).
        HearingConflict: hard conflicts, or warnings without a reason (nothing saved).
    """
    today = today or dt.date.today()
    _raise_input(data)
    cal = calendar(db)
    award = conflicts.award_clock(db, data.case_id, today)
    with db.session() as s:
        _lock_bookings(s, data)
        findings = evaluate(conflicts.gather(s, data, calendar=cal, today=today, award=award))
        reason = verdict(findings, override_reason)
        case = s.get(Case, data.case_id)
        assert case is not None  # rule_case_state made sure
        hearing = Hearing(case_id=case.id, status=HearingStatus.SCHEDULED, override_reason=reason)
        s.add(hearing)
        _apply(s, hearing, data, data.tribunal_id if data.tribunal_id is not None else case.tribunal_id)
        if case.status == CaseStatus.ACCEPTED:
            _set_case_status(s, db, case, CaseStatus.SCHEDULED, "安排开庭")
        s.flush()
        detail = _detail(_load(s, hearing.id))
        after = {"hearing": detail, "override_reason": reason, "overridden": _summary(findings)}
        audit.record(s, db.actor, "hearing.create", "hearing", hearing.id,
                     f"排期开庭 {case.number} {_span(detail)}" + (f"（理由：{reason}）" if reason else ""),
                     None, after)
        return detail


def _span(d: HearingDetail | Hearing) -> str:
    return f"{d.starts_at:%Y-%m-%d %H:%M}–{d.ends_at:%H:%M}"


def update_hearing(db: Database, hearing_id: int, data: HearingInput, override_reason: str | None = None,
                   *, today: dt.date | None = None, expected_version: int | None = None) -> HearingDetail:
    """Correct a scheduled hearing (re-checked like a new one).

    Moving a hearing whose notice has already been served is a postponement in law: the
    notices name the old time. That case is reported as a warning here; use
    :func:`postpone_hearing` instead, which records it and lists who must be told.

    Raises:
        ValidationError: bad times or closed reason, or an attempt to move it to another case.
        HearingConflict: hard conflicts, or warnings without a reason.
        ConflictError: the hearing was already held, postponed or cancelled.
        NotFound: no such hearing.
    """
    today = today or dt.date.today()
    _raise_input(data)
    cal = calendar(db)
    award = conflicts.award_clock(db, data.case_id, today)
    with db.session() as s:
        hearing = _load(s, hearing_id)
        audit.check_version(s, current=hearing.version, expected=expected_version, entity="hearing",
                            entity_id=hearing_id, what=f"{hearing.case.number} 的开庭")
        if hearing.status != HearingStatus.SCHEDULED:
            raise ConflictError(msg("这场开庭{status}，不能再修改", status=hearing.status))
        if data.case_id != hearing.case_id:
            raise ValidationError(msg("不能把开庭改到另一件案件"), {"case_id": msg("案件不能更改")})
        _lock_bookings(s, data)
        findings = evaluate(conflicts.gather(
            s, data, calendar=cal, today=today, exclude_ids=[hearing_id],
            guests_of=hearing_id, services_of=hearing_id, award=award))
        moved = (data.starts_at, data.ends_at) != (hearing.starts_at, hearing.ends_at)
        if moved and hearing.service_records:
            findings.append(Finding(
                "notice.stale", WARNING,
                msg("已送达的开庭通知载明的是原定时间 {span}", span=_span(hearing)), None,
                msg("改期应使用“延期开庭”，并重新送达开庭通知")))
        reason = verdict(findings, override_reason)
        before = _detail(hearing)
        _apply(s, hearing, data, data.tribunal_id if data.tribunal_id is not None else hearing.tribunal_id)
        hearing.override_reason = reason
        audit.touch(hearing, "starts_at")  # the panel alone may have changed: the version still moves
        s.flush()
        s.expire(hearing)
        after = _detail(_load(s, hearing_id))
        audit.record(s, db.actor, "hearing.update", "hearing", hearing_id,
                     f"修改开庭 {after.case_number} {_span(after)}" + (f"（理由：{reason}）" if reason else ""),
                     before, {"hearing": after, "override_reason": reason, "overridden": _summary(findings)},
                     version=after.version)
        return after


def party_recipients(s: Session, case_id: int) -> list[Recipient]:
    """The parties of a case, each followed by its agents: the one place that says who speaks
    for a party."""
    out: list[Recipient] = []
    parties = s.scalars(select(Party).where(Party.case_id == case_id).order_by(Party.position, Party.id)
                        .options(selectinload(Party.agents)))
    for p in parties:
        out.append(Recipient("party", p.name, p.role.label_zh, "", p.phone or ""))
        for a in p.agents:
            out.append(Recipient("agent", a.name, f"{p.role.label_zh}{p.name}的{agent_rules.capacity(a.kind)}",
                                 a.organisation or "", a.phone or ""))
    return out


def participant_recipients(s: Session, case_id: int) -> list[Recipient]:
    """The case's other participants — witnesses, appraisers, interpreters (其他参与人) — who are
    summoned to the hearing too."""
    rows = s.execute(
        select(CaseParticipant, Enterprise.name)
        .outerjoin(Enterprise, Enterprise.id == CaseParticipant.enterprise_id)
        .where(CaseParticipant.case_id == case_id).order_by(CaseParticipant.id))
    out = []
    for person, ent_name in rows:
        try:
            role = ParticipantRole(person.role).label_zh
        except ValueError:
            role = str(person.role)
        out.append(Recipient("participant", person.name, role, ent_name or "", person.phone or ""))
    return out


def _recipients(s: Session, hearing: Hearing) -> list[Recipient]:
    """Everyone who must be told: parties and agents, other participants, the panel, the clerk,
    the host and the invited observers."""
    out = party_recipients(s, hearing.case_id) + participant_recipients(s, hearing.case_id)
    for m in hearing.panel:
        out.append(Recipient("arbitrator", m.staff.name, m.role.label_zh, "", m.staff.phone or ""))
    if hearing.clerk is not None:
        out.append(Recipient("clerk", hearing.clerk.name, "书记员", "", hearing.clerk.phone or ""))
    host = hearing.host_enterprise
    if host is not None:
        out.append(Recipient("host", host.contact_name or host.name, host.contact_title or "东道企业联系人",
                             host.name, host.contact_phone or ""))
    guests = s.execute(
        select(Observer, Enterprise.name)
        .join(Invitation, Invitation.observer_id == Observer.id)
        .outerjoin(Enterprise, Observer.enterprise_id == Enterprise.id)
        .where(Invitation.hearing_id == hearing.id,
               Invitation.status.in_((InvitationStatus.INVITED, InvitationStatus.CONFIRMED)))
        .order_by(Invitation.id)
    )
    for observer, ent_name in guests:
        out.append(Recipient("observer", observer.name, observer.title or "旁听人员", ent_name or "",
                             observer.phone or ""))
    return out


def postpone_hearing(db: Database, hearing_id: int, reason: str, new_start: dt.datetime | None = None,
                     new_end: dt.datetime | None = None, *, override_reason: str | None = None,
                     today: dt.date | None = None,
                     expected_version: int | None = None) -> tuple[HearingDetail, list[Recipient]]:
    """Postpone a scheduled hearing (延期开庭), optionally to a new time.

    The original hearing stays on record as 已延期 with the reason. With a new time, a new
    hearing is scheduled (checked like any other; the parties must be served again) and the
    standing observer invitations move to it, to be confirmed anew.

    Args:
        expected_version: the ``version`` of the hearing the clerk was shown; None skips the
            check (a one-shot command).

    Returns:
        The new hearing (or the postponed one when no new time is given) and everyone who
        must be told, as listed before anything changed.

    Raises:
        StaleEditError: another clerk changed the hearing after it was shown (its time, room,
            panel or status): the postponement would rest on what is no longer so.
        ValidationError: no reason, only one of the new times, or bad new times.
        HearingConflict: the new time clashes (nothing changed).
        ConflictError: the hearing is not scheduled.
        NotFound: no such hearing.
    """
    today = today or dt.date.today()
    reason = reason.strip()
    if not reason:
        raise ValidationError(msg("请填写延期开庭的原因"), {"reason": msg("必填")})
    if (new_start is None) != (new_end is None):
        raise ValidationError(msg("新的开庭时间须同时填写开始和结束时间"), {"new_start": msg("开始和结束须同时填写")})
    cal = calendar(db)
    award = None
    if new_start is not None:
        with db.session(write=False) as s:
            case_id = s.scalar(select(Hearing.case_id).where(Hearing.id == hearing_id))
        award = conflicts.award_clock(db, case_id, today) if case_id is not None else None
    with db.session() as s:
        hearing = _load(s, hearing_id)
        # Checked before the status: a hearing another clerk postponed meanwhile is shown
        # with who did it, not only as "already postponed".
        audit.check_version(s, current=hearing.version, expected=expected_version, entity="hearing",
                            entity_id=hearing_id, what=f"{hearing.case.number} 的开庭")
        if hearing.status != HearingStatus.SCHEDULED:
            raise ConflictError(msg("这场开庭{status}，不能延期", status=hearing.status))
        recipients = _recipients(s, hearing)
        old = _detail(hearing)
        new_hearing: Hearing | None = None
        stored_override: str | None = None
        if new_start is not None and new_end is not None:
            data = HearingInput(
                case_id=hearing.case_id, starts_at=new_start, ends_at=new_end, room_id=hearing.room_id,
                public=hearing.public, closed_reason=hearing.closed_reason,
                panel=tuple((m.staff_id, m.role) for m in hearing.panel), clerk_id=hearing.clerk_id,
                tribunal_id=hearing.tribunal_id,
            )
            _raise_input(data)
            _lock_bookings(s, data)
            findings = evaluate(conflicts.gather(
                s, data, calendar=cal, today=today, exclude_ids=[hearing_id], guests_of=hearing_id,
                award=award))
            stored_override = verdict(findings, override_reason)
            new_hearing = Hearing(case_id=hearing.case_id, status=HearingStatus.SCHEDULED,
                                  override_reason=stored_override, postponed_from_id=hearing.id)
            s.add(new_hearing)
            _apply(s, new_hearing, data, hearing.tribunal_id)
            s.flush()
            for inv in hearing.invitations:
                if inv.status != InvitationStatus.DECLINED:
                    inv.hearing_id = new_hearing.id
                    inv.status = InvitationStatus.INVITED
                    inv.replied_at = None
        hearing.status = HearingStatus.POSTPONED
        moved_to = f"，改期至 {new_start:%Y-%m-%d %H:%M}" if new_start is not None else ""
        hearing.status_reason = f"{reason}{moved_to}"[:300]
        s.flush()
        if new_hearing is None:
            _settle_case_status(s, db, hearing.case, "开庭延期，尚未确定新的时间")
        s.flush()
        s.expire_all()
        postponed = _detail(_load(s, hearing_id))
        audit.record(s, db.actor, "hearing.postpone", "hearing", hearing_id,
                     f"延期开庭 {old.case_number} {_span(old)}：{reason}{moved_to}", old, postponed,
                     version=postponed.version)
        if new_hearing is None:
            return postponed, recipients
        new = _detail(_load(s, new_hearing.id))
        audit.record(s, db.actor, "hearing.create", "hearing", new.id,
                     f"延期后重新排期 {new.case_number} {_span(new)}（原定 {_span(old)}）",
                     None, {"hearing": new, "postponed_from": hearing_id, "override_reason": stored_override})
        return new, recipients


def cancel_hearing(db: Database, hearing_id: int, reason: str) -> list[Recipient]:
    """Cancel a scheduled or postponed hearing (取消开庭) and say who must be told.

    Raises:
        ValidationError: no reason given.
        ConflictError: the hearing was held or is already cancelled.
        NotFound: no such hearing.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(msg("请填写取消开庭的原因"), {"reason": msg("必填")})
    with db.session() as s:
        hearing = _load(s, hearing_id)
        if hearing.status not in (HearingStatus.SCHEDULED, HearingStatus.POSTPONED):
            raise ConflictError(msg("这场开庭{status}，不能取消", status=hearing.status))
        recipients = _recipients(s, hearing)
        before = _detail(hearing)
        hearing.status = HearingStatus.CANCELLED
        hearing.status_reason = reason[:300]
        s.flush()
        _settle_case_status(s, db, hearing.case, "开庭已取消")
        after = _detail(hearing)
        audit.record(s, db.actor, "hearing.cancel", "hearing", hearing_id,
                     f"取消开庭 {before.case_number} {_span(before)}：{reason}", before, after)
        return recipients


def mark_held(db: Database, hearing_id: int, *, today: dt.date | None = None) -> HearingDetail:
    """Record that a scheduled hearing took place; the case becomes 已开庭.

    Raises:
        ValidationError: the hearing's day has not come yet.
        ConflictError: the hearing is not scheduled (postponed, cancelled, already held).
        NotFound: no such hearing.
    """
    today = today or dt.date.today()
    with db.session() as s:
        hearing = _load(s, hearing_id)
        if hearing.status != HearingStatus.SCHEDULED:
            raise ConflictError(msg("这场开庭{status}，不能登记为已开庭", status=hearing.status))
        if hearing.starts_at.date() > today:
            raise ValidationError(msg("开庭日 {starts_at:%Y-%m-%d} 还没有到，不能登记为已开庭", starts_at=hearing.starts_at),
                                  {"status": msg("开庭日未到")})
        before = _detail(hearing)
        hearing.status = HearingStatus.HELD
        case = hearing.case
        if case.status in (CaseStatus.ACCEPTED, CaseStatus.SCHEDULED):
            _set_case_status(s, db, case, CaseStatus.HEARD, "已开庭")
        s.flush()
        after = _detail(hearing)
        audit.record(s, db.actor, "hearing.held", "hearing", hearing_id,
                     f"已开庭 {before.case_number} {_span(before)}", before, after)
        return after


# ---------------------------------------------------------------- service of the hearing notice


def add_service_record(db: Database, hearing_id: int, party_id: int, method: ServiceMethod,
                       served_on: dt.date, signed_by: str, confirmed: bool | None = None, *,
                       note: str = "", document: str = HEARING_NOTICE,
                       today: dt.date | None = None) -> ServiceRecordRow:
    """Record how and when the hearing notice reached a party (送达回证).

    Args:
        confirmed: whether receipt is confirmed. By default a notice served in person, by
            post, left at the address or by public notice counts as confirmed, and one by
            phone or electronically does not until the clerk says so (规则 59).

    Raises:
        ValidationError: no date, a date in the future, or the party is not in this case.
        NotFound: no such hearing.
    """
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if served_on is None:
        errors["served_on"] = msg("请填写送达日期")
    elif served_on > today:
        errors["served_on"] = msg("送达日期不能晚于今天")
    signed_by = " ".join((signed_by or "").split())
    if len(signed_by) > 60:
        errors["signed_by"] = msg("签收人过长（最多 60 字）")
    ValidationError.raise_if(errors, msg("送达记录"))
    if confirmed is None:
        confirmed = method not in SIMPLIFIED_METHODS
    with db.session() as s:
        hearing = _load(s, hearing_id)
        party = s.get(Party, party_id)
        if party is None or party.case_id != hearing.case_id:
            raise ValidationError(msg("这名当事人不属于本场开庭的案件"), {"party_id": msg("不是本案当事人")})
        record = ServiceRecord(hearing_id=hearing_id, case_id=hearing.case_id, party_id=party_id,
                               document=document.strip() or HEARING_NOTICE, method=method, served_on=served_on,
                               signed_by=signed_by or None, confirmed=confirmed, note=note.strip()[:300] or None)
        s.add(record)
        s.flush()
        # What was served is kept in the database, openable from every workstation.
        served_documents.capture(s, hearing_id, party_id)
        row = ServiceRecordRow(record.id, party_id, party.name, party.role, record.document, method, served_on,
                               signed_by, confirmed, note.strip()[:300])
        audit.record(s, db.actor, "hearing.service", "hearing", hearing_id,
                     f"送达{record.document}：{party.role.label_zh}{party.name}，{method.label_zh}，{served_on}"
                     + ("" if confirmed else "（未确认收到）"), None, row)
        return row


def can_default(db: Database, hearing_id: int, party_id: int) -> tuple[bool, str]:
    """Whether a party's absence may ground a default award or deemed withdrawal.

    Only a written hearing notice served in time counts; a notice by phone or electronic
    means whose receipt is not confirmed never does (规则 59). The applicant's absence
    may be treated as withdrawal, the respondent's as default (法 36).

    Returns:
        ``(allowed, reason)`` — the reason says why, in words for the clerk.

    Raises:
        NotFound: no such hearing, or the party is not in the hearing's case.
    """
    cal = calendar(db)
    with db.session(write=False) as s:
        hearing = s.get(Hearing, hearing_id)
        if hearing is None:
            raise NotFound(msg("找不到编号为 {hearing_id} 的开庭", hearing_id=hearing_id))
        party = s.get(Party, party_id)
        if party is None or party.case_id != hearing.case_id:
            raise NotFound(msg("这名当事人不属于本场开庭的案件"))
        records = list(s.scalars(select(ServiceRecord).where(ServiceRecord.hearing_id == hearing_id,
                                                             ServiceRecord.party_id == party_id)))
        who = f"{party.role.label_zh}{party.name}"
        effect = {PartyRole.APPLICANT: "按撤回仲裁申请处理", PartyRole.RESPONDENT: "缺席裁决"}.get(
            party.role, "缺席审理")
        dated = [r for r in records if r.served_on is not None]
        if not dated:
            return False, f"没有向{who}送达开庭通知的记录，不能{effect}"
        usable = [r for r in dated if r.confirmed or r.method not in SIMPLIFIED_METHODS]
        if not usable:
            methods = "、".join(sorted({r.method.label_zh for r in dated}))
            return False, (f"向{who}的开庭通知仅以{methods}方式发出且未确认收到，"
                           f"不能{effect}（{SIMPLIFIED_BASIS}）")
        first = min(usable, key=lambda r: r.served_on or dt.date.max)
        assert first.served_on is not None
        periods = PeriodCalculator(cal)
        try:
            check = periods.notice_is_timely(first.served_on, hearing.starts_at.date())
        except UnknownYearError as error:
            return False, f"{error.message}无法核对送达是否及时，暂不能{effect}"
        if not check.timely:
            return False, (f"{who}于 {first.served_on} 收到开庭通知，距开庭只有 {check.working_days_between} "
                           f"个完整工作日，不足 {check.required} 个，不能{effect}")
        signer = f"，签收人{first.signed_by}" if first.signed_by else ""
        return True, f"已于 {first.served_on} 以{first.method.label_zh}向{who}送达开庭通知{signer}，可以{effect}"

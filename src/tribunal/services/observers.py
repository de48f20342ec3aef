"""Observers (旁听人员): the person directory, invitations, eligibility, capacity, check-in, reach.

An invitation moves invited → confirmed / declined → attended / absent; each step keeps
its time. Who may not observe is set out in docs/legal-basis.md §5 (a party's own staff, the parties and
their agents, the case's witnesses, appraisers and other participants, minors, anyone on a
closed hearing). Phone numbers come masked in lists and in full only on an explicit call;
ID numbers are stored only when the setting ``privacy.store_observer_id`` says the host's
security rules require them — otherwise the clerk records only that the ID card was
checked (``id_verified``, 已核验身份证件).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.locks import LockKind, lock_bookings
from tribunal.db.models import (
    Case,
    CaseParticipant,
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Party,
    Room,
    TrainingAttendance,
    TrainingSession,
    Zone,
)
from tribunal.db.search import contains
from tribunal.domain import agents as agent_rules
from tribunal.domain import validators
from tribunal.domain.anonymise import mask_id_number, mask_phone
from tribunal.domain.enums import HearingStatus, InvitationStatus, ParticipantRole, PartyKind
from tribunal.domain.names import enterprise_name_key, tidy_enterprise_name
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, inputs, outputs, settings, spreadsheets
from tribunal.services.hearings import load_hearing
from tribunal.texts import msg

#: Minimum age of an observer on the day of the hearing, with where the rule comes from.
MIN_OBSERVER_AGE = 18
MIN_OBSERVER_AGE_BASIS = (
    "参照《人民法院法庭规则》第九条（未成年人不得旁听）及上海市《仲裁庭旁听规则（试行）》（2013）"
)
CODE_PREFIX = "TRB1:"
"""What the QR code on an invitation / sign-in sheet holds before the invitation's token."""
_CODE = re.compile(r"^(?:TRB1:)?([0-9a-f]{8,32})$", re.IGNORECASE)
_OPEN = (InvitationStatus.INVITED, InvitationStatus.CONFIRMED)


# ---------------------------------------------------------------- plain data out


@dataclass(frozen=True)
class ObserverRow:
    """A person of the directory. ``phone`` is masked unless the caller asked otherwise.

    ``id_verified``: the clerk has checked the person's ID card (已核验身份证件) — kept
    instead of the number itself unless the host requires the number.
    """

    id: int
    name: str
    enterprise_id: int | None
    enterprise_name: str
    title: str
    phone: str
    phone_masked: str
    id_number_masked: str
    notes: str
    id_verified: bool = False
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1


@dataclass(frozen=True)
class InvitationRow:
    """One observer's invitation to one hearing, as the invitation list shows it.

    ``id_verified`` is the person's 已核验身份证件 flag (see :func:`mark_id_verified`).
    """

    id: int
    hearing_id: int
    observer_id: int
    name: str
    enterprise_id: int | None
    enterprise_name: str
    title: str
    phone_masked: str
    status: InvitationStatus
    invited_at: dt.datetime
    replied_at: dt.datetime | None
    checked_in_at: dt.datetime | None
    walk_in: bool
    token: str
    note: str
    id_verified: bool = False

    @property
    def code(self) -> str:
        """The text of the invitation's QR code (``TRB1:`` + token)."""
        return CODE_PREFIX + self.token


@dataclass(frozen=True)
class CallEntry:
    """Someone to ring because they have not replied (the clerk's own screen: full number)."""

    invitation_id: int
    observer_id: int
    name: str
    enterprise_name: str
    title: str
    phone: str
    masked: str
    phone_kind: str  # "mobile", "landline" or "" when no number is known
    invited_at: dt.datetime


@dataclass(frozen=True)
class CheckinHit:
    """A match on the check-in screen."""

    invitation_id: int
    name: str
    enterprise_name: str
    title: str
    status: InvitationStatus
    checked_in_at: dt.datetime | None
    walk_in: bool
    matched_by: str  # "code", "name", "enterprise" or "phone"


@dataclass(frozen=True)
class Capacity:
    """Seats of the hearing's room against invitations not declined (walk-ins included)."""

    room: str
    capacity: int | None
    taken: int

    @property
    def free(self) -> int | None:
        """Seats left; None when the hearing has no room (nothing to enforce)."""
        return None if self.capacity is None else max(self.capacity - self.taken, 0)


@dataclass(frozen=True)
class Eligibility:
    """Whether a person may observe a hearing: refusals block, warnings ask the clerk to check."""

    observer_id: int
    name: str
    refusals: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.refusals


@dataclass(frozen=True)
class ContactBrief:
    """A person of an enterprise in the picker (phone masked)."""

    observer_id: int
    name: str
    title: str
    phone_masked: str
    primary: bool


@dataclass(frozen=True)
class EnterprisePick:
    """An enterprise offered when choosing whom to invite."""

    id: int
    name: str
    zone: str
    contacts: tuple[ContactBrief, ...]
    invitations: int
    attended: int
    last_invited: dt.datetime | None


@dataclass(frozen=True)
class BackEntry:
    """One line of the paper sign-in sheet typed in afterwards (补录).

    ``checked_in`` is the time written on the sheet (a time of the hearing day, or a full
    date and time); None when the line has no time — the hearing's start is recorded then.
    ``invitation_id`` picks the invitation directly; otherwise the name (and the enterprise,
    when two invited people share a name) finds it, and a name not invited is a walk-in.
    """

    name: str
    checked_in: dt.time | dt.datetime | None = None
    enterprise_name: str = ""
    title: str = ""
    phone: str = ""
    invitation_id: int | None = None


@dataclass(frozen=True)
class BackEntryReport:
    """What typing in the paper sheet did."""

    checked_in: int
    walk_ins: int
    already: tuple[str, ...]
    marked_absent: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class HearingVisit:
    """One invitation in a history: which hearing, who, and what became of it."""

    invitation_id: int
    hearing_id: int
    starts_at: dt.datetime
    case_number: str
    host: str
    observer_id: int
    person: str
    status: InvitationStatus
    checked_in_at: dt.datetime | None
    walk_in: bool


@dataclass(frozen=True)
class TrainingVisit:
    """One training attendance in a history."""

    session_id: int
    title: str
    starts_at: dt.datetime
    person: str
    observer_id: int | None


@dataclass(frozen=True)
class EnterpriseHistory:
    """Everything the enterprise's people were invited to and attended, newest first."""

    enterprise_id: int
    name: str
    visits: tuple[HearingVisit, ...]
    trainings: tuple[TrainingVisit, ...]
    hosted: tuple[tuple[int, dt.datetime, str], ...]  # (hearing id, start, case number)

    @property
    def invited(self) -> int:
        return len(self.visits)

    @property
    def attended(self) -> int:
        return sum(1 for v in self.visits if v.status == InvitationStatus.ATTENDED)


@dataclass(frozen=True)
class PersonHistory:
    """One person's hearings and training sessions, newest first."""

    observer: ObserverRow
    visits: tuple[HearingVisit, ...]
    trainings: tuple[TrainingVisit, ...]


@dataclass(frozen=True)
class ReachRow:
    """An enterprise of a zone with what reached it in the year."""

    enterprise_id: int
    name: str
    invited: int
    attended: int
    trained: int
    hosted: int

    @property
    def reached(self) -> bool:
        return bool(self.attended or self.trained or self.hosted)


@dataclass(frozen=True)
class ZoneReach:
    """Which enterprises of a zone were reached in a year, and which never were.

    Reached means: at least one of its people attended a hearing (checked in) or a training
    session in that year, or it hosted a hearing that took place that year.
    """

    zone_id: int
    zone: str
    year: int
    reached: tuple[ReachRow, ...]
    never_reached: tuple[ReachRow, ...]

    def __iter__(self) -> Iterator[tuple[ReachRow, ...]]:
        """Unpacks as ``reached, never_reached = zone_reach(...)``."""
        return iter((self.reached, self.never_reached))


# ---------------------------------------------------------------- helpers


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _observer_row(o: Observer, enterprise_name: str | None, *, show_phone: bool = False) -> ObserverRow:
    return ObserverRow(
        id=o.id, name=o.name, enterprise_id=o.enterprise_id, enterprise_name=enterprise_name or "",
        title=o.title or "", phone=(o.phone or "") if show_phone else mask_phone(o.phone),
        phone_masked=mask_phone(o.phone), id_number_masked=mask_id_number(o.id_number),
        notes=o.notes or "", id_verified=bool(o.id_verified), version=o.version or 1,
    )


def _invitation_row(i: Invitation, o: Observer, enterprise_name: str | None) -> InvitationRow:
    return InvitationRow(
        id=i.id, hearing_id=i.hearing_id, observer_id=o.id, name=o.name, enterprise_id=o.enterprise_id,
        enterprise_name=enterprise_name or "", title=o.title or "", phone_masked=mask_phone(o.phone),
        status=i.status, invited_at=i.invited_at, replied_at=i.replied_at,
        checked_in_at=i.checked_in_at, walk_in=i.walk_in, token=i.token, note=i.note or "",
        id_verified=bool(o.id_verified),
    )


def _load_observer(session: Session, observer_id: int) -> Observer:
    o = session.get(Observer, observer_id)
    if o is None:
        raise NotFound(msg("找不到编号为 {observer_id} 的旁听人员，可能已被删除", observer_id=observer_id))
    return o


def _hearing_label(h: Hearing) -> str:
    return f"{h.starts_at:%Y-%m-%d %H:%M} 的开庭"


def _require_public(h: Hearing) -> None:
    if not h.public:
        reason = f"（{h.closed_reason}）" if h.closed_reason else ""
        raise ConflictError(msg("不公开审理的案件不安排旁听{reason}", reason=reason))
    if h.status == HearingStatus.CANCELLED:
        raise ConflictError(msg("{hearing_label}已取消，不安排旁听", hearing_label=_hearing_label(h)))


def _require_open_for_invitations(h: Hearing) -> None:
    _require_public(h)
    if h.status == HearingStatus.HELD:
        raise ConflictError(msg("{hearing_label}已经开过，不能再邀请旁听", hearing_label=_hearing_label(h)))


def _enterprise_name(session: Session, enterprise_id: int | None) -> str:
    if enterprise_id is None:
        return ""
    ent = session.get(Enterprise, enterprise_id)
    return ent.name if ent else ""


def _capacity(session: Session, h: Hearing) -> Capacity:
    room = session.get(Room, h.room_id) if h.room_id else None
    taken = session.scalar(
        select(func.count(Invitation.id)).where(Invitation.hearing_id == h.id,
                                                Invitation.status != InvitationStatus.DECLINED)
    ) or 0
    return Capacity(room.name if room else "", room.capacity if room else None, taken)


def _require_seats(session: Session, h: Hearing, wanted: int) -> None:
    # Two clerks inviting to one hearing at once on a server: the second waits, then counts.
    lock_bookings(session, [(LockKind.HEARING_SEATS, h.id)])
    cap = _capacity(session, h)
    if cap.capacity is None or cap.taken + wanted <= cap.capacity:
        return
    raise ConflictError(
        msg("会议室“{room}”可容纳 {capacity} 人，已邀请或到场 {taken} 人（不含已谢绝），还能安排 {free} 人，不够再安排 {wanted} 人", room=cap.room, capacity=cap.capacity, taken=cap.taken, free=cap.free, wanted=wanted)
    )


def _new_token(session: Session) -> str:
    while True:
        token = secrets.token_hex(8)
        if session.scalar(select(Invitation.id).where(Invitation.token == token)) is None:
            return token


def parse_code(text: str) -> str | None:
    """The invitation token in what a scanner typed (``TRB1:`` + token, or the bare token).

    Stray spaces, line ends and full-width characters (a Chinese input method left on while
    scanning) are ignored. Returns None when the text is not a code.
    """
    cleaned = unicodedata.normalize("NFKC", text or "")
    cleaned = "".join(cleaned.split())
    m = _CODE.match(cleaned)
    return m.group(1).lower() if m else None


def _phone_digits(text: str | None) -> str:
    return validators.normalise(text, remove=" -()")


# ---------------------------------------------------------------- eligibility


@dataclass(frozen=True)
class _PartyFacts:
    case_number: str
    same_case: bool
    role: str
    kind: PartyKind
    name: str
    name_key: str
    enterprise_id: int | None
    id_number: str
    phone: str
    agents: tuple[tuple[str, str, str, str], ...]  # (name, phone digits, firm or unit, capacity)
    legal_rep: str


@dataclass(frozen=True)
class _ParticipantFacts:
    case_number: str
    same_case: bool
    role: str
    name: str
    enterprise_id: int | None
    enterprise_key: str
    id_number: str
    phone: str


def _session_case_ids(session: Session, h: Hearing) -> set[int]:
    """This hearing's case and every case heard at the same place that day.

    The observers of one circuit session sit through every case heard there (§4.4).
    """
    day_start = dt.datetime.combine(h.starts_at.date(), dt.time())
    case_ids = {h.case_id}
    if h.room_id is not None or h.host_enterprise_id is not None:
        same_place = (Hearing.room_id == h.room_id) if h.room_id is not None else (
            Hearing.host_enterprise_id == h.host_enterprise_id)
        case_ids |= set(session.scalars(
            select(Hearing.case_id).where(
                Hearing.starts_at >= day_start, Hearing.starts_at < day_start + dt.timedelta(days=1),
                Hearing.status != HearingStatus.CANCELLED, same_place,
            )
        ))
    return case_ids


def _session_participants(session: Session, h: Hearing) -> list[_ParticipantFacts]:
    """Witnesses, appraisers and other participants of every case heard in the session."""
    rows = session.execute(
        select(CaseParticipant, Case.number, Enterprise.name)
        .join(Case, Case.id == CaseParticipant.case_id)
        .outerjoin(Enterprise, Enterprise.id == CaseParticipant.enterprise_id)
        .where(CaseParticipant.case_id.in_(_session_case_ids(session, h)))
        .order_by(CaseParticipant.case_id, CaseParticipant.id)
    ).all()
    out = []
    for p, number, ent_name in rows:
        try:
            role = ParticipantRole(p.role)
        except ValueError:
            role = ParticipantRole.OTHER
        out.append(_ParticipantFacts(
            case_number=number, same_case=p.case_id == h.case_id,
            role=msg("其他诉讼参与人") if role == ParticipantRole.OTHER else msg("{role}", role=role), name=p.name,
            enterprise_id=p.enterprise_id, enterprise_key=enterprise_name_key(ent_name),
            id_number=p.id_number or "", phone=_phone_digits(p.phone),
        ))
    return out


def _session_parties(session: Session, h: Hearing) -> list[_PartyFacts]:
    """Parties of this hearing's case and of every case heard at the same place that day.

    The observers of one circuit session sit through every case heard there (§4.4).
    """
    case_ids = _session_case_ids(session, h)
    rows = session.execute(
        select(Party, Case.number).join(Case, Case.id == Party.case_id).where(Party.case_id.in_(case_ids))
        .order_by(Party.case_id, Party.id).options(selectinload(Party.agents))
    ).all()
    return [
        _PartyFacts(
            case_number=number, same_case=p.case_id == h.case_id, role=msg("{role}", role=p.role), kind=p.kind,
            name=p.name, name_key=enterprise_name_key(p.name) if p.kind == PartyKind.ORGANISATION else "",
            enterprise_id=p.enterprise_id, id_number=p.id_number or "", phone=_phone_digits(p.phone),
            agents=tuple((a.name, _phone_digits(a.phone), a.organisation or "", agent_rules.capacity(a.kind))
                         for a in p.agents),
            legal_rep=p.legal_representative or "",
        )
        for p, number in rows
    ]


def _where(p: _PartyFacts | _ParticipantFacts) -> str:
    return msg("本案") if p.same_case else msg("同场开庭的案件 {number} ", number=p.case_number)


def _participant_problem(o: Observer, ent: Enterprise | None, phone: str,
                         p: _ParticipantFacts) -> tuple[str, str] | None:
    """("refusal" | "warning", reason) when the observer may be this participant, else None.

    With both ID numbers stored, they decide alone. Otherwise the same name with the same
    enterprise (or the same phone) is the same person; the same name alone is only a doubt.
    """
    if o.id_number and p.id_number:
        if o.id_number == p.id_number:
            return "refusal", msg("该人员是{where}{role}，不得旁听", where=_where(p), role=p.role)
        return None
    if o.name != p.name:
        return None
    same_enterprise = ent is not None and (
        (p.enterprise_id is not None and p.enterprise_id == ent.id)
        or (bool(p.enterprise_key) and p.enterprise_key == enterprise_name_key(ent.name)))
    if same_enterprise or (phone and phone == p.phone):
        return "refusal", msg("该人员是{where}{role}，不得旁听", where=_where(p), role=p.role)
    return "warning", msg("与{where}{role}同名，请核实是否为同一人（{role}不得旁听）", where=_where(p), role=p.role)


def _eligibility(session: Session, h: Hearing, people: Iterable[Observer],
                 parties: list[_PartyFacts] | None = None,
                 participants: list[_ParticipantFacts] | None = None) -> dict[int, Eligibility]:
    parties = _session_parties(session, h) if parties is None else parties
    participants = _session_participants(session, h) if participants is None else participants
    org_by_id = {p.enterprise_id: p for p in parties if p.enterprise_id is not None}
    org_by_key = {p.name_key: p for p in parties if p.name_key}
    day = h.starts_at.date()
    out: dict[int, Eligibility] = {}
    for o in people:
        refusals: list[str] = []
        warnings: list[str] = []
        ent = session.get(Enterprise, o.enterprise_id) if o.enterprise_id else None
        party_org = None
        if ent is not None:
            party_org = org_by_id.get(ent.id) or org_by_key.get(enterprise_name_key(ent.name))
        if party_org is not None:
            refusals.append(msg("该人员所在单位是{where}当事人（{role}：{name}）", where=_where(party_org), role=party_org.role, name=party_org.name))
        phone = _phone_digits(o.phone)
        for p in parties:
            if p.kind == PartyKind.PERSON and p.name == o.name:
                if (o.id_number and o.id_number == p.id_number) or (phone and phone == p.phone):
                    refusals.append(msg("该人员是{where}当事人（{role}）", where=_where(p), role=p.role))
                else:
                    warnings.append(msg("与{where}{role}同名，请核实是否为同一人", where=_where(p), role=p.role))
            for agent_name, agent_phone, agent_unit, capacity in p.agents:
                if agent_name != o.name:
                    continue
                same_unit = ent is not None and bool(agent_unit) and (
                    enterprise_name_key(ent.name) == enterprise_name_key(agent_unit))
                if (phone and phone == agent_phone) or same_unit:
                    refusals.append(msg("该人员是{where}当事人（{name}）的{capacity}", where=_where(p), name=p.name, capacity=capacity))
                else:
                    warnings.append(msg("与{where}当事人（{name}）的代理人同名，请核实是否为同一人", where=_where(p), name=p.name))
            if p.legal_rep and p.legal_rep == o.name and party_org is None:
                warnings.append(msg("与{where}当事人（{name}）的法定代表人同名，请核实是否为同一人", where=_where(p), name=p.name))
        for part in participants:
            problem = _participant_problem(o, ent, phone, part)
            if problem is not None:
                (refusals if problem[0] == "refusal" else warnings).append(problem[1])
        if o.id_number:
            checked = validators.check_id_number(o.id_number, today=day)
            if checked.ok and checked.birth_date is not None:
                age = validators.age_on(checked.birth_date, day)
                if age < MIN_OBSERVER_AGE:
                    refusals.append(msg("未满{MIN_OBSERVER_AGE}周岁（开庭之日 {age} 周岁），不能旁听", MIN_OBSERVER_AGE=MIN_OBSERVER_AGE, age=age))
        out[o.id] = Eligibility(o.id, o.name, tuple(dict.fromkeys(refusals)), tuple(dict.fromkeys(warnings)))
    return out


def check_eligibility(db: Database, hearing_id: int, observer_ids: Sequence[int]) -> list[Eligibility]:
    """May these people observe the hearing? (For the picker, before inviting.)

    Witnesses, appraisers and other participants are caught when they are recorded on the
    case (:mod:`tribunal.services.participants`); the printed 旁听须知 asks them to stay away
    in any case.

    Raises:
        NotFound: the hearing or a person is gone.
        ConflictError: the hearing is closed to the public or cancelled.
    """
    with db.session(write=False) as s:
        h = load_hearing(s, hearing_id)
        _require_public(h)
        people = [_load_observer(s, oid) for oid in dict.fromkeys(observer_ids)]
        found = _eligibility(s, h, people)
        return [found[o.id] for o in people]


def _refuse_ineligible(found: dict[int, Eligibility]) -> None:
    refused = [e for e in found.values() if e.refusals]
    if refused:
        raise ValidationError(
            msg("以下人员不能旁听，未发出任何邀请：{items}", items="；".join(f"{e.name}：{'，'.join(e.refusals)}" for e in refused)),
            {f"observer[{e.observer_id}]": "，".join(e.refusals) for e in refused},
        )


# ---------------------------------------------------------------- the person directory


def _check_person(name: str, title: str, phone: str, id_number: str, notes: str, *,
                  store_id: bool, today: dt.date) -> tuple[dict[str, str], dict[str, str | None]]:
    errors: dict[str, str] = {}
    checked = validators.check_person_name(name)
    if not checked.ok:
        errors["name"] = checked.error or "姓名不正确"
    title = " ".join(validators.normalise(title).split())
    if len(title) > 60:
        errors["title"] = msg("职务过长（最多 60 字）")
    phone_value = ""
    if phone.strip():
        p = validators.check_phone(phone)
        if not p.ok:
            errors["phone"] = msg("联系电话：{error}", error=p.error)
        phone_value = p.value
    id_value = ""
    if id_number.strip():
        if not store_id:
            errors["id_number"] = (msg("按个人信息最少收集的原则，未开启“保存旁听人员身份证号”设置时不保存身份证号（仅当东道企业安保要求登记时，在设置中开启）"))
        else:
            r = validators.check_id_number(id_number, today=today)
            if not r.ok:
                errors["id_number"] = msg("身份证号码：{error}", error=r.error)
            id_value = r.value
    values = {"name": checked.value, "title": title or None, "phone": phone_value or None,
              "id_number": id_value or None, "notes": notes.strip() or None}
    return errors, values


def _store_ids(session: Session) -> bool:
    return bool(settings.read_all(session)["privacy.store_observer_id"])


def add_observer(db: Database, name: str, *, enterprise_id: int | None = None, title: str = "",
                 phone: str = "", id_number: str = "", notes: str = "",
                 today: dt.date | None = None) -> ObserverRow:
    """Add a person to the directory.

    Raises:
        ValidationError: bad name or phone; an ID number while the setting forbids storing it.
        NotFound: the enterprise is gone.
    """
    with db.session() as s:
        errors, values = _check_person(name, title, phone, id_number, notes, store_id=_store_ids(s),
                                       today=today or dt.date.today())
        ValidationError.raise_if(errors, msg("旁听人员信息"))
        if enterprise_id is not None and s.get(Enterprise, enterprise_id) is None:
            raise NotFound(msg("找不到编号为 {enterprise_id} 的企业", enterprise_id=enterprise_id))
        o = Observer(enterprise_id=enterprise_id, **values)
        s.add(o)
        s.flush()
        row = _observer_row(o, _enterprise_name(s, enterprise_id))
        audit.record(s, db.actor, "observer.create", "observer", o.id, f"新增旁听人员 {o.name}", None, row,
                     version=row.version)
        return row


def update_observer(db: Database, observer_id: int, name: str, *, enterprise_id: int | None = None,
                    title: str = "", phone: str = "", id_number: str | None = None, notes: str = "",
                    today: dt.date | None = None, expected_version: int | None = None) -> ObserverRow:
    """Save changes to a person; ``id_number=None`` leaves a stored ID number as it is.

    Args:
        expected_version: the ``version`` the editor loaded (see :func:`audit.check_version`).

    Raises:
        ValidationError: as for :func:`add_observer`.
        StaleEditError: somebody else saved the person after the editor loaded it.
        NotFound: the person or the enterprise is gone.
    """
    with db.session() as s:
        o = _load_observer(s, observer_id)
        audit.check_version(s, current=o.version, expected=expected_version, entity="observer",
                            entity_id=observer_id, what=f"旁听人员{o.name}")
        errors, values = _check_person(name, title, phone, id_number or "", notes,
                                       store_id=_store_ids(s), today=today or dt.date.today())
        ValidationError.raise_if(errors, msg("旁听人员信息"))
        if enterprise_id is not None and s.get(Enterprise, enterprise_id) is None:
            raise NotFound(msg("找不到编号为 {enterprise_id} 的企业", enterprise_id=enterprise_id))
        before = _observer_row(o, _enterprise_name(s, o.enterprise_id))
        if id_number is None:
            values.pop("id_number")
        for key, value in values.items():
            setattr(o, key, value)
        o.enterprise_id = enterprise_id
        s.flush()
        after = _observer_row(o, _enterprise_name(s, enterprise_id))
        audit.record(s, db.actor, "observer.update", "observer", o.id, f"修改旁听人员 {o.name}", before, after,
                     version=after.version)
        return after


def get_observer(db: Database, observer_id: int, *, show_phone: bool = False) -> ObserverRow:
    """One person (phone masked unless ``show_phone``).

    Raises:
        NotFound: no such person.
    """
    with db.session(write=False) as s:
        o = _load_observer(s, observer_id)
        return _observer_row(o, _enterprise_name(s, o.enterprise_id), show_phone=show_phone)


def search_observers(db: Database, text: str = "", *, enterprise_id: int | None = None,
                     limit: int | None = 200) -> list[ObserverRow]:
    """People whose name or enterprise contains every word of ``text``, by name (phones masked)."""
    query = select(Observer, Enterprise.name).outerjoin(Enterprise, Observer.enterprise_id == Enterprise.id)
    for word in validators.normalise(inputs.search_text(text)).split():
        query = query.where(or_(contains(Observer.name, word), contains(Enterprise.name, word)))
    if enterprise_id is not None:
        query = query.where(Observer.enterprise_id == enterprise_id)
    query = query.order_by(Observer.name, Observer.id)
    if limit is not None:
        query = query.limit(limit)
    with db.session(write=False) as s:
        return [_observer_row(o, e) for o, e in s.execute(query)]


def reveal_phone(db: Database, observer_id: int) -> str:
    """A person's full phone number, for the clerk who asked to see it (“显示号码”).

    Showing personal data in full is recorded in the audit trail (PIPL art. 51: access control).
    """
    with db.session() as s:
        person = _load_observer(s, observer_id)
        audit.record(s, db.actor, "privacy.reveal_phone", "observer", observer_id,
                     f"查看{person.name}的完整电话号码")
        return person.phone or ""


def id_number_for_clerk(db: Database, observer_id: int) -> str:
    """A person's full ID number, for the clerk's own screen only; the look is audited.

    Everywhere else (lists, exports, printed sheets) the number is masked.
    """
    with db.session() as s:
        o = _load_observer(s, observer_id)
        if o.id_number:
            audit.record(s, db.actor, "observer.view_id", "observer", o.id, f"查看 {o.name} 的身份证号")
        return o.id_number or ""


def mark_id_verified(db: Database, observer_id: int, verified: bool = True) -> ObserverRow:
    """Record that the clerk has (or has not) checked the person's ID card (已核验身份证件).

    This is what is kept instead of the ID number itself when the host does not require the
    number to be registered (personal-information minimisation).

    Raises:
        NotFound: no such person.
    """
    with db.session() as s:
        o = _load_observer(s, observer_id)
        before = bool(o.id_verified)
        if before != verified:
            o.id_verified = verified
            s.flush()
            audit.record(s, db.actor, "observer.id_verified", "observer", o.id,
                         f"{'已核验' if verified else '取消核验'} {o.name} 的身份证件",
                         {"id_verified": before}, {"id_verified": verified})
        return _observer_row(o, _enterprise_name(s, o.enterprise_id))


def purge_id_numbers(db: Database) -> int:
    """Delete every stored observer ID number (when the host no longer needs them); returns how many."""
    with db.session() as s:
        people = list(s.scalars(select(Observer).where(Observer.id_number.is_not(None))))
        for o in people:
            o.id_number = None
        if people:
            audit.record(s, db.actor, "observer.purge_ids", "observer", None,
                         f"删除 {len(people)} 名旁听人员的身份证号")
        return len(people)


# ---------------------------------------------------------------- invitations


def hearing_capacity(db: Database, hearing_id: int) -> Capacity:
    """Seats of the hearing's room against invitations not declined.

    Raises:
        NotFound: no such hearing.
    """
    with db.session(write=False) as s:
        return _capacity(s, load_hearing(s, hearing_id))


def list_invitations(db: Database, hearing_id: int) -> list[InvitationRow]:
    """Everyone invited to (or walked into) a hearing, by enterprise and name; phones masked."""
    with db.session(write=False) as s:
        load_hearing(s, hearing_id)
        rows = s.execute(
            select(Invitation, Observer, Enterprise.name)
            .join(Observer, Observer.id == Invitation.observer_id)
            .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Invitation.hearing_id == hearing_id)
            .order_by(Enterprise.name, Observer.name, Invitation.id)
        ).all()
        return [_invitation_row(i, o, e) for i, o, e in rows]


def invite(db: Database, hearing_id: int, observer_ids: Sequence[int], *,
           at: dt.datetime | None = None) -> list[InvitationRow]:
    """Invite people to observe a public hearing — all of them, or (on any refusal) none.

    Raises:
        NotFound: the hearing or a person is gone.
        ConflictError: the hearing is closed, cancelled or over; the room has too few seats.
        ValidationError: someone may not observe or is invited already (each with the reason).
    """
    ids = list(dict.fromkeys(observer_ids))
    if not ids:
        raise ValidationError(msg("请至少选择一名旁听人员"), {"observers": msg("未选择")})
    at = at or _now()
    with db.session() as s:
        h = load_hearing(s, hearing_id)
        _require_open_for_invitations(h)
        people = [_load_observer(s, oid) for oid in ids]
        existing = dict(s.execute(
            select(Invitation.observer_id, Invitation.status)
            .where(Invitation.hearing_id == h.id, Invitation.observer_id.in_(ids))
        ).all())
        found = _eligibility(s, h, people)
        for o in people:
            if o.id in existing:
                e = found[o.id]
                found[o.id] = Eligibility(e.observer_id, e.name,
                                          (msg("已在邀请名单中（{status}）", status=existing[o.id]), *e.refusals),
                                          e.warnings)
        _refuse_ineligible(found)
        _require_seats(s, h, len(people))
        made = []
        for o in people:
            inv = Invitation(hearing_id=h.id, observer_id=o.id, status=InvitationStatus.INVITED,
                             token=_new_token(s), invited_at=at)
            s.add(inv)
            s.flush()
            made.append(_invitation_row(inv, o, _enterprise_name(s, o.enterprise_id)))
        audit.record(s, db.actor, "invitation.create", "hearing", h.id,
                     f"邀请 {len(made)} 人旁听{_hearing_label(h)}：" + "、".join(r.name for r in made),
                     None, {"invitations": [r.id for r in made]})
        return made


_VERBS = {
    "confirm": "确认参加",
    "decline": "登记谢绝",
    "check_in": "签到",
    "mark_absent": "登记未到场",
    "undo_check_in": "撤销签到",
}
_ALLOWED = {
    "confirm": {InvitationStatus.INVITED, InvitationStatus.DECLINED},
    "decline": {InvitationStatus.INVITED, InvitationStatus.CONFIRMED},
    "check_in": {InvitationStatus.INVITED, InvitationStatus.CONFIRMED, InvitationStatus.ABSENT},
    "mark_absent": {InvitationStatus.INVITED, InvitationStatus.CONFIRMED},
    "undo_check_in": {InvitationStatus.ATTENDED},
}


def _refuse_transition(inv: Invitation, person: Observer, action: str) -> None:
    if inv.status in _ALLOWED[action]:
        return
    if action == "check_in" and inv.status == InvitationStatus.ATTENDED and inv.checked_in_at:
        raise ConflictError(msg("{name}已于 {checked_in_at:%H:%M} 签到，不能重复签到", name=person.name, checked_in_at=inv.checked_in_at))
    if action == "check_in" and inv.status == InvitationStatus.DECLINED:
        raise ConflictError(msg("{name}已谢绝邀请；如本人到场，请先改为“已确认”再签到", name=person.name))
    raise ConflictError(msg("{name}的邀请状态是“{status}”，不能{verbs}", name=person.name, status=inv.status, verbs=_VERBS[action]))


def _load_invitation(session: Session, ref: int | str, hearing_id: int | None = None) -> Invitation:
    if isinstance(ref, str):
        token = parse_code(ref)
        if token is None:
            raise ValidationError(msg("无法识别的二维码内容：{value}", value=ref.strip()[:40]), {"code": msg("格式不正确")})
        inv = session.scalars(select(Invitation).where(Invitation.token == token)).first()
        if inv is None:
            raise NotFound(msg("这个二维码不是本系统发出的邀请，或邀请已被删除"))
    else:
        inv = session.get(Invitation, ref)
        if inv is None:
            raise NotFound(msg("找不到编号为 {ref} 的邀请，可能已被删除", ref=ref))
    if hearing_id is not None and inv.hearing_id != hearing_id:
        other = session.get(Hearing, inv.hearing_id)
        raise ConflictError(msg("这张邀请属于另一场开庭（{starts_at:%Y-%m-%d %H:%M}），不是本场的",
                                starts_at=other.starts_at)
                            if other else msg("这张邀请属于另一场开庭，不是本场的"))
    return inv


def _transition(db: Database, ref: int | str, action: str, *, at: dt.datetime | None,
                hearing_id: int | None = None, note: str = "") -> InvitationRow:
    at = at or _now()
    with db.session() as s:
        inv = _load_invitation(s, ref, hearing_id)
        person = _load_observer(s, inv.observer_id)
        h = load_hearing(s, inv.hearing_id)
        _require_public(h)
        _refuse_transition(inv, person, action)
        before = inv.status
        if action in ("confirm", "decline"):
            if h.status == HearingStatus.HELD:
                raise ConflictError(msg("{hearing_label}已经开过，不能再{verbs}", hearing_label=_hearing_label(h), verbs=_VERBS[action]))
            if action == "confirm" and inv.status == InvitationStatus.DECLINED:
                _require_seats(s, h, 1)
            inv.status = InvitationStatus.CONFIRMED if action == "confirm" else InvitationStatus.DECLINED
            inv.replied_at = at
        elif action == "check_in":
            if at.date() != h.starts_at.date():
                raise ValidationError(msg("签到时间应在开庭当天（{starts_at:%Y-%m-%d}）", starts_at=h.starts_at),
                                      {"checked_in_at": msg("不是开庭当天")})
            inv.status = InvitationStatus.ATTENDED
            inv.checked_in_at = at
        elif action == "mark_absent":
            if at < h.starts_at:
                raise ConflictError(msg("开庭（{starts_at:%H:%M}）尚未开始，不能登记未到场", starts_at=h.starts_at))
            inv.status = InvitationStatus.ABSENT
        elif action == "undo_check_in":
            inv.status = InvitationStatus.CONFIRMED if inv.replied_at else InvitationStatus.INVITED
            inv.checked_in_at = None
        if note.strip():
            inv.note = note.strip()[:300]
        s.flush()
        row = _invitation_row(inv, person, _enterprise_name(s, person.enterprise_id))
        audit.record(s, db.actor, f"invitation.{action}", "invitation", inv.id,
                     f"{person.name}：{before.label_zh} → {inv.status.label_zh}",
                     {"status": before.value}, {"status": inv.status.value,
                                                "checked_in_at": inv.checked_in_at, "replied_at": inv.replied_at})
        return row


def confirm(db: Database, invitation_id: int, *, at: dt.datetime | None = None) -> InvitationRow:
    """The person said they will come (已确认). A declined invitation may be confirmed again
    while seats are left.

    Raises:
        ConflictError: illegal from the current state, the hearing is over, or no seat is left.
    """
    return _transition(db, invitation_id, "confirm", at=at)


def decline(db: Database, invitation_id: int, *, reason: str = "",
            at: dt.datetime | None = None) -> InvitationRow:
    """The person said they will not come (已谢绝); their seat is free again.

    Raises:
        ConflictError: illegal from the current state or the hearing is over.
    """
    return _transition(db, invitation_id, "decline", at=at, note=reason)


def check_in(db: Database, ref: int | str, *, at: dt.datetime | None = None,
             hearing_id: int | None = None) -> InvitationRow:
    """Tick a person present (签到) by invitation id or by the scanned code / bare token.

    Args:
        ref: the invitation id, or what the scanner typed (``TRB1:…`` or the token).
        at: the time of arrival (default now); it must fall on the hearing's day.
        hearing_id: the hearing on screen — a code from another hearing's invitation is refused.

    Raises:
        ConflictError: already checked in (with the time), declined, other hearing, closed hearing.
        ValidationError: unreadable code or a time on another day.
        NotFound: no such invitation.
    """
    return _transition(db, ref, "check_in", at=at, hearing_id=hearing_id)


def undo_check_in(db: Database, invitation_id: int) -> InvitationRow:
    """Take back a tick made by mistake.

    Raises:
        ConflictError: the person was not checked in.
    """
    return _transition(db, invitation_id, "undo_check_in", at=None)


def mark_absent(db: Database, invitation_id: int, *, at: dt.datetime | None = None) -> InvitationRow:
    """Record that an invited person did not come (未到场) once the hearing has begun.

    Raises:
        ConflictError: illegal from the current state, or the hearing has not begun at ``at``.
    """
    return _transition(db, invitation_id, "mark_absent", at=at)


def mark_absent_remaining(db: Database, hearing_id: int, *, at: dt.datetime | None = None) -> int:
    """Everyone invited or confirmed who has not checked in becomes 未到场; returns how many.

    Raises:
        ConflictError: the hearing has not begun at ``at``, or is closed/cancelled.
    """
    at = at or _now()
    with db.session() as s:
        h = load_hearing(s, hearing_id)
        _require_public(h)
        if at < h.starts_at:
            raise ConflictError(msg("开庭（{starts_at:%H:%M}）尚未开始，不能登记未到场", starts_at=h.starts_at))
        return _absent_rest(s, db.actor, h, set())


def _absent_rest(s: Session, actor: str, h: Hearing, keep: set[int]) -> int:
    rest = [i for i in s.scalars(select(Invitation).where(Invitation.hearing_id == h.id,
                                                          Invitation.status.in_(_OPEN)))
            if i.id not in keep]
    for inv in rest:
        inv.status = InvitationStatus.ABSENT
    if rest:
        audit.record(s, actor, "invitation.mark_absent", "hearing", h.id,
                     f"{_hearing_label(h)}：{len(rest)} 名受邀人员登记为未到场", None,
                     {"invitations": [i.id for i in rest]})
    return len(rest)


def call_list(db: Database, hearing_id: int) -> list[CallEntry]:
    """Who has not replied yet, to be rung: people with a mobile first, then landlines, then
    those without a number; by enterprise and name within each group.

    The full number is given (the clerk's own screen); ``masked`` is for any list shown to others.
    """
    with db.session(write=False) as s:
        load_hearing(s, hearing_id)
        rows = s.execute(
            select(Invitation, Observer, Enterprise.name)
            .join(Observer, Observer.id == Invitation.observer_id)
            .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Invitation.hearing_id == hearing_id, Invitation.status == InvitationStatus.INVITED)
        ).all()
    entries = []
    for inv, o, ent in rows:
        phone = o.phone or ""
        kind = validators.check_phone(phone).kind or "" if phone else ""
        entries.append(CallEntry(inv.id, o.id, o.name, ent or "", o.title or "", phone, mask_phone(phone),
                                 kind, inv.invited_at))
    order = {"mobile": 0, "landline": 1, "": 2}
    entries.sort(key=lambda e: (order[e.phone_kind], e.enterprise_name, e.name, e.invitation_id))
    return entries


# ---------------------------------------------------------------- check-in screen


def checkin_search(db: Database, hearing_id: int, text: str, *, limit: int = 30) -> list[CheckinHit]:
    """What the check-in field finds: a scanned code, or a few characters of a name, an
    enterprise or the last digits of a phone number. People not yet ticked come first.

    Raises:
        ConflictError: the scanned code belongs to another hearing.
        NotFound: a ``TRB1:`` code that this program never issued.
    """
    raw = unicodedata.normalize("NFKC", inputs.search_text(text or ""))
    compact = "".join(raw.split())
    if not compact:
        return []
    token = parse_code(compact)
    with db.session(write=False) as s:
        if token is not None:
            inv = s.scalars(select(Invitation).where(Invitation.token == token)).first()
            if inv is None and compact.upper().startswith(CODE_PREFIX):
                raise NotFound(msg("这个二维码不是本系统发出的邀请，或邀请已被删除"))
            if inv is not None:
                _load_invitation(s, inv.id, hearing_id)
                o = s.get(Observer, inv.observer_id)
                assert o is not None
                return [CheckinHit(inv.id, o.name, _enterprise_name(s, o.enterprise_id), o.title or "",
                                   inv.status, inv.checked_in_at, inv.walk_in, "code")]
        # Spaces are left out on both sides (an input method may leave one between typed
        # characters; a name may have its own: "Wang Li"), and Latin letters match in any case,
        # on every backend.
        def folded(column: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[str]:
            return func.lower(func.replace(column, " ", ""))

        key = compact.lower()
        conditions = [contains(folded(Observer.name), key), contains(folded(Enterprise.name), key)]
        digits = compact.isascii() and compact.isdigit() and len(compact) >= 4
        if digits:
            conditions.append(Observer.phone.like(f"%{compact}"))
        rows = s.execute(
            select(Invitation.id, Observer.name, Enterprise.name, Observer.title, Observer.phone,
                   Invitation.status, Invitation.checked_in_at, Invitation.walk_in)
            .join(Observer, Observer.id == Invitation.observer_id)
            .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Invitation.hearing_id == hearing_id, or_(*conditions))
            .limit(max(limit * 10, 200))
        ).all()
    hits = []
    for inv_id, name, ent, title, _phone, status, checked_at, walk_in in rows:
        name_key = "".join(name.split()).lower()
        if name_key == key:
            rank, how = 0, "name"
        elif name_key.startswith(key):
            rank, how = 1, "name"
        elif key in name_key:
            rank, how = 2, "name"
        elif ent and key in "".join(ent.split()).lower():
            rank, how = 3, "enterprise"
        else:
            rank, how = 4, "phone"
        hits.append((rank, status == InvitationStatus.ATTENDED, name,
                     CheckinHit(inv_id, name, ent or "", title or "", status, checked_at, walk_in, how)))
    hits.sort(key=lambda h: (h[0], h[1], h[2], h[3].invitation_id))
    return [h[3] for h in hits[:limit]]


def _find_enterprise(session: Session, name: str) -> Enterprise | None:
    key = enterprise_name_key(name)
    ent = session.scalars(select(Enterprise).where(Enterprise.normalised_name == key)).first()
    if ent is not None:
        return ent
    # Older rows may carry a stale normalised name: compare the names themselves.
    for candidate in session.scalars(select(Enterprise).where(contains(Enterprise.name, name[:4]))):
        if enterprise_name_key(candidate.name) == key:
            return candidate
    return None


def _walk_in(s: Session, actor: str, h: Hearing, name: str, enterprise_name: str,
             enterprise_id: int | None, title: str, phone: str, at: dt.datetime,
             note: str = "") -> tuple[Invitation, Observer, bool]:
    """Create (or reuse) the person and a walk-in invitation; returns (invitation, person, reused)."""
    errors, values = _check_person(name, title, phone, "", "", store_id=False, today=at.date())
    if errors:
        raise ValidationError(msg("现场登记信息有误：{items}", items="；".join(errors.values())), errors)
    ent = None
    if enterprise_id is not None:
        ent = s.get(Enterprise, enterprise_id)
        if ent is None:
            raise NotFound(msg("找不到编号为 {enterprise_id} 的企业", enterprise_id=enterprise_id))
    elif enterprise_name.strip():
        tidy = tidy_enterprise_name(enterprise_name)
        ent = _find_enterprise(s, tidy)
        if ent is None:
            ent = Enterprise(name=tidy, normalised_name=enterprise_name_key(tidy),
                             notes="现场签到时登记，信息待补充")
            s.add(ent)
            s.flush()
            audit.record(s, actor, "enterprise.create", "enterprise", ent.id,
                         f"现场签到时新增企业 {ent.name}", None, {"name": ent.name})
    person = s.scalars(select(Observer).where(
        Observer.name == values["name"],
        Observer.enterprise_id == ent.id if ent is not None else Observer.enterprise_id.is_(None),
    ).order_by(Observer.id)).first()
    reused = person is not None
    if person is None:
        person = Observer(name=values["name"], enterprise_id=ent.id if ent else None,
                          title=values["title"], phone=values["phone"])
        s.add(person)
        s.flush()
    else:
        if values["title"] and not person.title:
            person.title = values["title"]
        if values["phone"] and not person.phone:
            person.phone = values["phone"]
        existing = s.scalars(select(Invitation).where(Invitation.hearing_id == h.id,
                                                      Invitation.observer_id == person.id)).first()
        if existing is not None:
            raise ConflictError(msg("{name}已在本场邀请名单中（{status}），请直接签到", name=person.name, status=existing.status))
    inv = Invitation(hearing_id=h.id, observer_id=person.id, status=InvitationStatus.ATTENDED,
                     token=_new_token(s), invited_at=at, checked_in_at=at, walk_in=True,
                     note=note or None)
    s.add(inv)
    s.flush()
    return inv, person, reused


def add_walk_in(db: Database, hearing_id: int, name: str, *, enterprise_name: str = "",
                enterprise_id: int | None = None, title: str = "", phone: str = "",
                at: dt.datetime | None = None) -> InvitationRow:
    """Register someone who came without an invitation and tick them present (现场登记).

    An enterprise named but not in the directory is added (marked 信息待补充); the person is
    reused when the directory already has them at that enterprise.

    Raises:
        ValidationError: bad name or phone; the person may not observe.
        ConflictError: closed/cancelled hearing, the room is full, or already on the list.
    """
    at = at or _now()
    with db.session() as s:
        h = load_hearing(s, hearing_id)
        _require_public(h)
        if at.date() != h.starts_at.date():
            raise ValidationError(msg("现场登记应在开庭当天（{starts_at:%Y-%m-%d}）", starts_at=h.starts_at), {"at": msg("不是开庭当天")})
        _require_seats(s, h, 1)
        inv, person, _ = _walk_in(s, db.actor, h, name, enterprise_name, enterprise_id, title, phone, at)
        found = _eligibility(s, h, [person])
        _refuse_ineligible(found)
        row = _invitation_row(inv, person, _enterprise_name(s, person.enterprise_id))
        audit.record(s, db.actor, "invitation.walk_in", "invitation", inv.id,
                     f"现场登记旁听：{person.name}（{row.enterprise_name or '未填单位'}）", None, row)
        return row


def back_enter(db: Database, hearing_id: int, entries: Sequence[BackEntry], *,
               mark_rest_absent: bool = False) -> BackEntryReport:
    """Type in the paper sign-in sheet after the hearing (补录), all lines or none.

    Lines already recorded are left as they are (typing the same sheet twice changes
    nothing). The sheet is the evidence of who was there, so a person who had declined but
    signed is recorded as present, and the room's capacity is not re-checked; a person who
    may not observe is recorded with a warning for the clerk.

    Raises:
        ValidationError: a line cannot be understood (its number and why); nothing saved.
        ConflictError: the hearing was not public or was cancelled.
    """
    with db.session() as s:
        h = load_hearing(s, hearing_id)
        _require_public(h)
        invited: list[tuple[Invitation, Observer, str | None]] = [(i, o, e) for i, o, e in s.execute(
            select(Invitation, Observer, Enterprise.name)
            .join(Observer, Observer.id == Invitation.observer_id)
            .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Invitation.hearing_id == h.id)
        )]
        by_id = {i.id: (i, o, e) for i, o, e in invited}
        errors: dict[str, str] = {}
        plan: list[tuple[int, BackEntry, Invitation | None, dt.datetime]] = []
        for n, entry in enumerate(entries, start=1):
            at = _sheet_time(h, entry.checked_in, n, errors)
            if entry.invitation_id is not None:
                if entry.invitation_id not in by_id:
                    errors[f"entries[{n}]"] = msg("第{n}行：编号 {invitation_id} 的邀请不属于本场开庭", n=n, invitation_id=entry.invitation_id)
                    continue
                plan.append((n, entry, by_id[entry.invitation_id][0], at))
                continue
            tidy = validators.check_person_name(entry.name)
            if not tidy.ok:
                errors[f"entries[{n}]"] = msg("第{n}行：{error}", n=n, error=tidy.error)
                continue
            same = [(i, o, e) for i, o, e in invited if o.name == tidy.value]
            if entry.enterprise_name.strip() and len(same) > 1:
                key = enterprise_name_key(entry.enterprise_name)
                same = [x for x in same if enterprise_name_key(x[2]) == key]
            if len(same) > 1:
                errors[f"entries[{n}]"] = msg("第{n}行：本场有 {len} 位名为{value}的受邀人员，请填写单位以区分", n=n, len=len(same), value=tidy.value)
                continue
            plan.append((n, entry, same[0][0] if same else None, at))
        ValidationError.raise_if(errors, msg("签到表补录"))

        checked, walk_ins, warnings = 0, 0, []
        already: list[str] = []
        keep: set[int] = set()
        for n, entry, inv, at in plan:
            if inv is None:
                inv, person, _ = _walk_in(s, db.actor, h, entry.name, entry.enterprise_name, None,
                                          entry.title, entry.phone, at,
                                          note="据签到表补录" + ("（表上未写时间，按开庭时间记）"
                                                               if entry.checked_in is None else ""))
                walk_ins += 1
                invited.append((inv, person, _enterprise_name(s, person.enterprise_id)))
                by_id[inv.id] = invited[-1]
                problem = _eligibility(s, h, [person])[person.id]
                warnings += [msg("第{n}行 {name}：{reason}", n=n, name=person.name, reason=r) for r in problem.refusals]
                keep.add(inv.id)
                continue
            person = by_id[inv.id][1]
            keep.add(inv.id)
            if inv.status == InvitationStatus.ATTENDED:
                already.append(person.name)
                continue
            note = "据签到表补录"
            if inv.status == InvitationStatus.DECLINED:
                note = "曾谢绝邀请，据签到表补录到场"
                warnings.append(msg("第{n}行 {name}：曾谢绝邀请，按签到表记为到场", n=n, name=person.name))
            if entry.checked_in is None:
                note += "（表上未写时间，按开庭时间记）"
            inv.status = InvitationStatus.ATTENDED
            inv.checked_in_at = at
            inv.note = note
            checked += 1
        absent = _absent_rest(s, db.actor, h, keep) if mark_rest_absent else 0
        audit.record(s, db.actor, "invitation.back_enter", "hearing", h.id,
                     f"{_hearing_label(h)}：据签到表补录 {checked} 人签到、{walk_ins} 人现场登记"
                     + (f"、{absent} 人未到场" if absent else ""))
        return BackEntryReport(checked, walk_ins, tuple(already), absent, tuple(warnings))


def _sheet_time(h: Hearing, value: dt.time | dt.datetime | None, n: int, errors: dict[str, str]) -> dt.datetime:
    if value is None:
        return h.starts_at
    if isinstance(value, dt.datetime):
        if value.date() != h.starts_at.date():
            errors[f"entries[{n}]"] = msg("第{n}行：签到时间 {value:%Y-%m-%d %H:%M} 不是开庭当天", n=n, value=value)
        return value.replace(microsecond=0)
    return dt.datetime.combine(h.starts_at.date(), value.replace(microsecond=0))


# ---------------------------------------------------------------- choosing enterprises


def _year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)


def pick_enterprises(db: Database, *, zone_id: int | None = None, never_invited_year: int | None = None,
                     invited_never_came: bool = False, hearing_id: int | None = None) -> list[EnterprisePick]:
    """Enterprises to invite, with their contacts and how they answered before.

    Args:
        zone_id: only this zone.
        never_invited_year: only enterprises none of whose people was invited to a hearing of
            that year.
        invited_never_came: only enterprises invited at least once whose people never came.
        hearing_id: leave out the parties of that hearing's case (and of cases heard with it).
    """
    with db.session(write=False) as s:
        query = select(Enterprise, Zone.name).outerjoin(Zone, Zone.id == Enterprise.zone_id)
        if zone_id is not None:
            query = query.where(Enterprise.zone_id == zone_id)
        ents = s.execute(query.order_by(Enterprise.name, Enterprise.id)).all()
        attended = case((Invitation.status == InvitationStatus.ATTENDED, 1), else_=0)
        stats = {
            ent_id: (n, came or 0, last)
            for ent_id, n, came, last in s.execute(
                select(Observer.enterprise_id, func.count(Invitation.id), func.sum(attended),
                       func.max(Hearing.starts_at))
                .join(Invitation, Invitation.observer_id == Observer.id)
                .join(Hearing, Hearing.id == Invitation.hearing_id)
                .where(Observer.enterprise_id.is_not(None))
                .group_by(Observer.enterprise_id)
            )
        }
        invited_in_year: set[int] = set()
        if never_invited_year is not None:
            start, end = _year_range(never_invited_year)
            invited_in_year = set(s.scalars(
                select(Observer.enterprise_id).distinct()
                .join(Invitation, Invitation.observer_id == Observer.id)
                .join(Hearing, Hearing.id == Invitation.hearing_id)
                .where(Hearing.starts_at >= start, Hearing.starts_at < end)
            ))
        excluded: set[int] = set()
        if hearing_id is not None:
            h = load_hearing(s, hearing_id)
            parties = _session_parties(s, h)
            keys = {p.name_key for p in parties if p.name_key}
            excluded = {p.enterprise_id for p in parties if p.enterprise_id is not None}
            excluded |= {e.id for e, _ in ents if enterprise_name_key(e.name) in keys}
        people: dict[int, list[Observer]] = {}
        for o in s.scalars(select(Observer).where(Observer.enterprise_id.is_not(None)).order_by(Observer.id)):
            if o.enterprise_id is not None:  # always, by the query; this tells the type checker
                people.setdefault(o.enterprise_id, []).append(o)
        out = []
        for e, zone in ents:
            n, came, last = stats.get(e.id, (0, 0, None))
            if e.id in excluded or (never_invited_year is not None and e.id in invited_in_year):
                continue
            if invited_never_came and not (n > 0 and came == 0):
                continue
            contacts = sorted(
                (ContactBrief(o.id, o.name, o.title or "", mask_phone(o.phone), o.name == e.contact_name)
                 for o in people.get(e.id, [])),
                key=lambda c: not c.primary,
            )
            out.append(EnterprisePick(e.id, e.name, zone or "", tuple(contacts), n, int(came), last))
        return out


# ---------------------------------------------------------------- history and reach


def _visits(session: Session, condition: ColumnElement[bool]) -> tuple[HearingVisit, ...]:
    host = Enterprise.__table__.alias("host")
    rows = session.execute(
        select(Invitation, Observer.name, Hearing.starts_at, Case.number, host.c.name)
        .join(Observer, Observer.id == Invitation.observer_id)
        .join(Hearing, Hearing.id == Invitation.hearing_id)
        .join(Case, Case.id == Hearing.case_id)
        .outerjoin(host, host.c.id == Hearing.host_enterprise_id)
        .where(condition)
        .order_by(Hearing.starts_at.desc(), Invitation.id)
    ).all()
    return tuple(
        HearingVisit(i.id, i.hearing_id, starts, number, host_name or "", i.observer_id, person, i.status,
                     i.checked_in_at, i.walk_in)
        for i, person, starts, number, host_name in rows
    )


def _trainings(session: Session, condition: ColumnElement[bool]) -> tuple[TrainingVisit, ...]:
    rows = session.execute(
        select(TrainingAttendance, TrainingSession.title, TrainingSession.starts_at)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .outerjoin(Observer, Observer.id == TrainingAttendance.observer_id)
        .where(condition)
        .order_by(TrainingSession.starts_at.desc(), TrainingAttendance.id)
    ).all()
    return tuple(TrainingVisit(a.session_id, title, starts, a.name, a.observer_id) for a, title, starts in rows)


def _others_of(session: Session, ent: Enterprise) -> list[int]:
    """Training attendance rows of unregistered people who named this enterprise."""
    key = enterprise_name_key(ent.name)
    return [a_id for a_id, name in session.execute(
        select(TrainingAttendance.id, TrainingAttendance.enterprise_name)
        .where(TrainingAttendance.observer_id.is_(None), TrainingAttendance.enterprise_name.is_not(None))
    ) if enterprise_name_key(name) == key]


def enterprise_history(db: Database, enterprise_id: int) -> EnterpriseHistory:
    """Every invitation and attendance of an enterprise's people, and the hearings it hosted.

    Raises:
        NotFound: no such enterprise.
    """
    with db.session(write=False) as s:
        ent = s.get(Enterprise, enterprise_id)
        if ent is None:
            raise NotFound(msg("找不到编号为 {enterprise_id} 的企业", enterprise_id=enterprise_id))
        visits = _visits(s, Observer.enterprise_id == ent.id)
        others = _others_of(s, ent)
        trainings = _trainings(s, or_(Observer.enterprise_id == ent.id, TrainingAttendance.id.in_(others)))
        hosted = tuple(
            (hid, starts, number) for hid, starts, number in s.execute(
                select(Hearing.id, Hearing.starts_at, Case.number).join(Case, Case.id == Hearing.case_id)
                .where(Hearing.host_enterprise_id == ent.id).order_by(Hearing.starts_at.desc())
            )
        )
        return EnterpriseHistory(ent.id, ent.name, visits, trainings, hosted)


def attended_counts(db: Database, observer_ids: Sequence[int]) -> dict[int, int]:
    """How many hearings each of these people came to (签到), in one query; people with none are left out."""
    if not observer_ids:
        return {}
    with db.session(write=False) as s:
        rows = s.execute(
            select(Invitation.observer_id, func.count())
            .where(Invitation.observer_id.in_(list(observer_ids)),
                   Invitation.status == InvitationStatus.ATTENDED)
            .group_by(Invitation.observer_id)
        ).all()
        return {observer_id: count for observer_id, count in rows}


def person_history(db: Database, observer_id: int) -> PersonHistory:
    """The hearings a person was invited to and the training sessions they attended.

    Raises:
        NotFound: no such person.
    """
    with db.session(write=False) as s:
        o = _load_observer(s, observer_id)
        return PersonHistory(
            _observer_row(o, _enterprise_name(s, o.enterprise_id)),
            _visits(s, Invitation.observer_id == o.id),
            _trainings(s, TrainingAttendance.observer_id == o.id),
        )


def zone_reach(db: Database, zone_id: int, year: int, *, today: dt.date | None = None) -> ZoneReach:
    """Which enterprises of a zone the circuit tribunal reached in ``year``, and which it never did.

    Hosting counts for hearings of that year up to ``today`` that were not cancelled or
    postponed.

    Raises:
        NotFound: no such zone.
    """
    today = today or dt.date.today()
    start, end = _year_range(year)
    end = min(end, dt.datetime.combine(today + dt.timedelta(days=1), dt.time()))
    with db.session(write=False) as s:
        zone = s.get(Zone, zone_id)
        if zone is None:
            raise NotFound(msg("找不到编号为 {zone_id} 的开发区", zone_id=zone_id))
        ents = list(s.scalars(select(Enterprise).where(Enterprise.zone_id == zone_id)
                              .order_by(Enterprise.name, Enterprise.id)))
        in_year = and_(Hearing.starts_at >= start, Hearing.starts_at < end)
        attended = case((Invitation.status == InvitationStatus.ATTENDED, 1), else_=0)
        invites = {
            eid: (n, came or 0) for eid, n, came in s.execute(
                select(Observer.enterprise_id, func.count(Invitation.id), func.sum(attended))
                .join(Invitation, Invitation.observer_id == Observer.id)
                .join(Hearing, Hearing.id == Invitation.hearing_id)
                .where(Observer.enterprise_id.in_([e.id for e in ents]), in_year)
                .group_by(Observer.enterprise_id)
            )
        }
        hosted = dict(s.execute(
            select(Hearing.host_enterprise_id, func.count(Hearing.id))
            .where(Hearing.host_enterprise_id.in_([e.id for e in ents]), in_year,
                   Hearing.status.not_in([HearingStatus.CANCELLED, HearingStatus.POSTPONED]))
            .group_by(Hearing.host_enterprise_id)
        ).all())
        trained: dict[int, int] = {}
        key_to_id = {enterprise_name_key(e.name): e.id for e in ents}
        for obs_ent, other_name in s.execute(
            select(Observer.enterprise_id, TrainingAttendance.enterprise_name)
            .select_from(TrainingAttendance)
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .outerjoin(Observer, Observer.id == TrainingAttendance.observer_id)
            .where(TrainingSession.starts_at >= start, TrainingSession.starts_at < end)
        ):
            eid = obs_ent if obs_ent is not None else key_to_id.get(enterprise_name_key(other_name))
            if eid is not None:
                trained[eid] = trained.get(eid, 0) + 1
        rows = [
            ReachRow(e.id, e.name, invites.get(e.id, (0, 0))[0], int(invites.get(e.id, (0, 0))[1]),
                     trained.get(e.id, 0), hosted.get(e.id, 0))
            for e in ents
        ]
        return ZoneReach(zone.id, zone.name, year, tuple(r for r in rows if r.reached),
                         tuple(r for r in rows if not r.reached))


# ---------------------------------------------------------------- export


EXPORT_COLUMNS = ("序号", "姓名", "单位", "职务", "联系电话", "状态", "签到时间", "现场登记")


def export_observers_xlsx(db: Database, hearing_id: int, path: str | os.PathLike[str], *,
                          force: bool = False) -> int:
    """Write the hearing's observers to an .xlsx file (phones masked); returns how many.

    Names and titles are written as text even when they begin with ``=`` (see
    :mod:`tribunal.services.spreadsheets`). The file is written beside the target and moved
    into place only when complete, and recorded in the audit trail.

    Args:
        force: replace an existing file that the program did not write (the clerk confirmed).

    Raises:
        ConflictError: the hearing is not public — a closed hearing has no observers.
        ValidationError: wrong extension, the open database, a missing or unwritable folder.
        OutputExistsError: a file the program did not write is there and ``force`` is False.
    """
    import io

    import openpyxl  # imported on use: start-up stays fast

    target = outputs.check_target(db, path, suffixes=(".xlsx",), what="Excel 文件", force=force)
    with db.session(write=False) as s:
        h = load_hearing(s, hearing_id)
        if not h.public:
            raise ConflictError(msg("不公开审理的开庭没有旁听人员，无可导出"))
        label = _hearing_label(h)
    rows = list_invitations(db, hearing_id)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "旁听人员"
    spreadsheets.append_row(sheet, list(EXPORT_COLUMNS))
    for n, r in enumerate(rows, start=1):
        spreadsheets.append_row(sheet, [
            n, r.name, r.enterprise_name, r.title, r.phone_masked, r.status.label_zh,
            f"{r.checked_in_at:%Y-%m-%d %H:%M}" if r.checked_in_at else "", "是" if r.walk_in else ""])
    for column, width in zip("ABCDEFGH", (6, 12, 32, 16, 16, 10, 18, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    outputs.write(db, target, buffer.getvalue(), action="observer.export", entity="hearing", entity_id=hearing_id,
                  summary=f"导出{label}的旁听人员名单（{len(rows)} 人）到 {target.name}")
    return len(rows)

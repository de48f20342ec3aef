"""The facts a scheduling check reads (排期冲突检查的事实): a handful of indexed queries.

:func:`gather` reads only what the rules of :mod:`tribunal.domain.scheduling` need — the
case, its parties and their service records, the room, the people, the invited observers
and the hearings of the day before, the day itself and the day after — into plain
:class:`~tribunal.domain.scheduling.Facts`; :func:`award_clock` asks the clock service for
the case's award deadline. The rules themselves, :class:`Finding` and the severities are
pure and live in the domain layer, where the GUI imports them from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CaseArbitrator,
    Enterprise,
    Hearing,
    HearingPanelMember,
    Invitation,
    Observer,
    Party,
    Room,
    ServiceRecord,
    Staff,
)
from tribunal.domain.legal_calendar import LegalCalendar
from tribunal.domain.periods import PeriodCalculator
from tribunal.domain.scheduling import (
    ACTIVE_STATUSES,
    AwardClock,
    Booking,
    CaseFacts,
    DefencePeriod,
    Facts,
    Guest,
    HearingInput,
    Organisation,
    PartyFacts,
    Person,
    RoomFacts,
    Service,
    venue_key,
    venue_text,
)
from tribunal.errors import NotFound
from tribunal.services import settings


def award_clock(db: Database, case_id: int, today: dt.date) -> AwardClock | None:
    """The case's clocks the scheduling rules read, computed by the clock service (None when
    the case is gone): the award deadline and each respondent's defence period.

    Reusing :func:`tribunal.services.clocks.case_clock` keeps the scheduling check and the
    clock on the case page in agreement (the whole clock history, every respondent).
    """
    from tribunal.services import clocks  # a sibling service; imported late to keep start-up light

    try:
        clock = clocks.case_clock(db, case_id, today)
    except NotFound:
        return None
    item = clock.item("award_due")
    unknown = min(clock.unknown_years) if clock.award_due is None and clock.unknown_years else None
    defences = tuple(
        DefencePeriod(it.party_name or "", it.start, it.due, it.basis)
        for it in clock.items_of("defence_due") if it.party_id is not None)
    # While an interval not counted runs without an end, the last day moves every day.
    return AwardClock(clock.award_due, clock.award_unrolled, clock.extended, clock.stopped, unknown,
                      item.basis if item else "", defences)


def gather(
    s: Session,
    data: HearingInput,
    *,
    calendar: LegalCalendar,
    today: dt.date,
    exclude_ids: Iterable[int] = (),
    guests_of: int | None = None,
    services_of: int | None = None,
    input_problems: Mapping[str, str] | None = None,
    award: AwardClock | None = None,
) -> Facts:
    """Read what the rules need about a proposed hearing.

    Args:
        s: an open session.
        data: the proposal.
        calendar: the legal calendar.
        today: the day the check is made.
        exclude_ids: hearings to ignore as bookings (the one being edited or postponed).
        guests_of: the hearing whose invitations count (None for a new hearing).
        services_of: the hearing whose service records count (None: nothing served yet).
        input_problems: field problems already found in the input, reported as findings.
        award: the case's award clock (:func:`award_clock`); None skips the deadline rule.
    """
    case = _case_facts(s, data.case_id)
    room = _room_facts(s, data.room_id) if data.room_id is not None else None
    ids = {sid for sid, _ in data.panel} | ({data.clerk_id} if data.clerk_id is not None else set())
    staff = {
        row.id: Person(row.id, row.name, row.role, row.active)
        for row in s.execute(select(Staff.id, Staff.name, Staff.role, Staff.active).where(Staff.id.in_(ids)))
    } if ids else {}
    return Facts(
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        public=data.public,
        panel=tuple(data.panel),
        clerk_id=data.clerk_id,
        host_enterprise_id=data.host_enterprise_id,
        case=case,
        room_id=data.room_id,
        room=room,
        staff=staff,
        parties=_parties(s, data.case_id, services_of) if case is not None else (),
        guests=_guests(s, guests_of) if guests_of is not None else (),
        bookings=_bookings(s, data.starts_at.date(), set(exclude_ids)),
        travel_minutes=int(settings.read_all(s)["hearing.travel_minutes"]),
        calendar=calendar,
        periods=PeriodCalculator(calendar),
        today=today,
        input_problems=dict(input_problems or {}),
        award=award,
    )


def _case_facts(s: Session, case_id: int) -> CaseFacts | None:
    row = s.execute(
        select(Case.id, Case.number, Case.status, Case.accepted_date, Case.collective).where(Case.id == case_id)
    ).one_or_none()
    if row is None:
        return None
    seats = frozenset(
        (r.staff_id, r.role)
        for r in s.execute(select(CaseArbitrator.staff_id, CaseArbitrator.role)
                           .where(CaseArbitrator.case_id == case_id))
    )
    return CaseFacts(row.id, row.number, row.status, row.accepted_date, bool(row.collective), seats)


def _room_facts(s: Session, room_id: int) -> RoomFacts | None:
    row = s.execute(
        select(Room.id, Room.name, Room.capacity, Room.active, Room.enterprise_id,
               Enterprise.name.label("ent_name"), Enterprise.normalised_name, Enterprise.credit_code)
        .outerjoin(Enterprise, Room.enterprise_id == Enterprise.id)
        .where(Room.id == room_id)
    ).one_or_none()
    if row is None:
        return None
    host = (Organisation(row.enterprise_id, row.ent_name, row.credit_code, row.normalised_name or "")
            if row.enterprise_id is not None else None)
    return RoomFacts(row.id, row.name, row.capacity, bool(row.active),
                     venue_key(row.id, row.enterprise_id, None, 0), venue_text(row.name, row.ent_name), host)


def _parties(s: Session, case_id: int, services_of: int | None) -> tuple[PartyFacts, ...]:
    served: dict[int, list[Service]] = {}
    if services_of is not None:
        for r in s.execute(select(ServiceRecord.party_id, ServiceRecord.method, ServiceRecord.served_on,
                                  ServiceRecord.confirmed).where(ServiceRecord.hearing_id == services_of)):
            served.setdefault(r.party_id, []).append(Service(r.method, r.served_on, bool(r.confirmed)))
    rows = s.execute(
        select(Party.id, Party.name, Party.role, Party.enterprise_id, Party.credit_code,
               Enterprise.credit_code.label("ent_code"), Enterprise.normalised_name)
        .outerjoin(Enterprise, Party.enterprise_id == Enterprise.id)
        .where(Party.case_id == case_id).order_by(Party.position, Party.id)
    )
    return tuple(
        PartyFacts(r.id, r.name, r.role,
                   Organisation(r.enterprise_id, r.name, r.credit_code or r.ent_code, r.normalised_name or ""),
                   tuple(served.get(r.id, ())))
        for r in rows
    )


def _guests(s: Session, hearing_id: int) -> tuple[Guest, ...]:
    rows = s.execute(
        select(Observer.name, Invitation.status, Observer.enterprise_id, Enterprise.name.label("ent_name"),
               Enterprise.credit_code, Enterprise.normalised_name)
        .join(Observer, Invitation.observer_id == Observer.id)
        .outerjoin(Enterprise, Observer.enterprise_id == Enterprise.id)
        .where(Invitation.hearing_id == hearing_id).order_by(Invitation.id)
    )
    return tuple(
        Guest(r.name, r.status,
              Organisation(r.enterprise_id, r.ent_name, r.credit_code, r.normalised_name or "")
              if r.enterprise_id is not None else None)
        for r in rows
    )


def _bookings(s: Session, day: dt.date, exclude: set[int]) -> tuple[Booking, ...]:
    # The day before and after are read too, so a hearing stored across midnight by an
    # older version or an import still counts; the index on starts_at keeps this cheap.
    first = dt.datetime.combine(day - dt.timedelta(days=1), dt.time())
    stop = dt.datetime.combine(day + dt.timedelta(days=2), dt.time())
    rows = s.execute(
        select(Hearing.id, Hearing.starts_at, Hearing.ends_at, Hearing.room_id, Hearing.clerk_id,
               Hearing.host_enterprise_id, Case.number, Room.name.label("room_name"), Room.enterprise_id,
               Enterprise.name.label("ent_name"))
        .join(Case, Hearing.case_id == Case.id)
        .outerjoin(Room, Hearing.room_id == Room.id)
        .outerjoin(Enterprise, Enterprise.id == Room.enterprise_id)
        .where(Hearing.starts_at >= first, Hearing.starts_at < stop, Hearing.status.in_(ACTIVE_STATUSES))
    ).all()
    rows = [r for r in rows if r.id not in exclude]
    panels: dict[int, set[int]] = {}
    if rows:
        for hid, sid in s.execute(select(HearingPanelMember.hearing_id, HearingPanelMember.staff_id)
                                  .where(HearingPanelMember.hearing_id.in_([r.id for r in rows]))):
            panels.setdefault(hid, set()).add(sid)
    return tuple(
        Booking(r.id, r.number, r.starts_at, r.ends_at, r.room_id,
                venue_key(r.room_id, r.enterprise_id, r.host_enterprise_id, r.id),
                venue_text(r.room_name, r.ent_name), frozenset(panels.get(r.id, ())), r.clerk_id)
        for r in rows
    )

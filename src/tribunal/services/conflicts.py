"""Conflict checks for scheduling a hearing (排期冲突检查): one small function per rule.

:func:`gather` reads, with a handful of indexed queries, only what the rules need — the
case, its parties and their service records, the room, the people, the invited observers
and the hearings of the day before, the day itself and the day after — into plain
:class:`Facts`. Every rule is a function ``Facts -> list[Finding]``; :func:`evaluate`
runs them all. A :class:`Finding` names the clash in words a clerk can act on and says
what would fix it.

Severities: ``hard`` blocks saving; ``warning`` may be overridden with a recorded reason;
``info`` is shown and needs nothing (e.g. "notice not served yet, serve it by 12-01").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

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
from tribunal.domain import panel as panel_rules
from tribunal.domain import venues
from tribunal.domain.enums import (
    CaseStatus,
    HearingStatus,
    InvitationStatus,
    PanelRole,
    PartyRole,
    ServiceMethod,
    StaffRole,
)
from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.domain.periods import (
    NATURAL,
    PeriodCalculator,
    load_rules,
)
from tribunal.domain.validators import normalise
from tribunal.errors import ConflictError, NotFound
from tribunal.services import settings

if TYPE_CHECKING:
    from tribunal.services.hearings import HearingInput

HARD: Final = "hard"
WARNING: Final = "warning"
INFO: Final = "info"
_RANK: Final = {HARD: 0, WARNING: 1, INFO: 2}

#: Hearings in these states occupy people and rooms; postponed and cancelled ones do not.
ACTIVE_STATUSES: Final = (HearingStatus.SCHEDULED, HearingStatus.HELD)
#: Service by these means counts for a default only once receipt is confirmed (规则 59).
SIMPLIFIED_METHODS: Final = frozenset({ServiceMethod.PHONE, ServiceMethod.ELECTRONIC})
#: A hearing sits between these times of one day.
DAY_START: Final = dt.time(7, 0)
DAY_END: Final = dt.time(21, 0)

SIMPLIFIED_BASIS: Final = "《劳动人事争议仲裁办案规则》第五十九条"
OPEN_HEARING_BASIS: Final = "《劳动争议调解仲裁法》第二十六条"
OBSERVER_BASIS: Final = (
    "旁听规则：与本案有利害关系的人员不得旁听（参照各地仲裁庭旁听规则，如上海市 2013 年试行规则）"
)
COLLECTIVE_VENUE_BASIS: Final = (
    "《劳动人事争议仲裁办案规则》集体劳动人事争议处理一节：开庭场所可设在发生争议的用人单位（条文待核对）"
)
_WEEKDAYS: Final = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@dataclass(frozen=True)
class Finding:
    """One thing the scheduling check found.

    Attributes:
        rule_key: which rule, e.g. ``"staff.double_booked"``.
        severity: ``"hard"`` (blocks), ``"warning"`` (needs a recorded reason) or ``"info"``.
        message: what clashes, naming people, times, cases and places (中文).
        legal_basis: the provision behind the rule, or None for plain practicalities.
        fix: what would make it go away, e.g. ``"改到 11:30 之后，或换一名仲裁员"``.
    """

    rule_key: str
    severity: str
    message: str
    legal_basis: str | None = None
    fix: str | None = None

    @property
    def blocking(self) -> bool:
        """True for a hard conflict."""
        return self.severity == HARD

    @property
    def severity_label(self) -> str:
        """``冲突`` / ``提醒`` / ``提示``."""
        return {HARD: "冲突", WARNING: "提醒", INFO: "提示"}[self.severity]


class HearingConflict(ConflictError):
    """Scheduling refused: hard conflicts, or warnings without an override reason.

    Attributes:
        findings: everything the check found (hard ones first).
        needs_override: True when only warnings stand in the way, so a reason would do.
    """

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        hard = [f.message for f in self.findings if f.severity == HARD]
        warnings = [f.message for f in self.findings if f.severity == WARNING]
        self.needs_override = not hard and bool(warnings)
        if hard:
            message = "开庭安排有冲突，未保存：" + "；".join(hard)
        else:
            message = "开庭安排有以下提醒，请核实后填写理由再保存：" + "；".join(warnings)
        super().__init__(message)


# ---------------------------------------------------------------- the facts the rules read


@dataclass(frozen=True)
class Person:
    """A member of staff named in the proposal."""

    id: int
    name: str
    role: StaffRole
    active: bool


@dataclass(frozen=True)
class Organisation:
    """What identifies an enterprise when matching it against the parties."""

    enterprise_id: int | None
    name: str
    credit_code: str | None = None
    normalised_name: str = ""

    def keys(self) -> set[tuple[str, object]]:
        keys: set[tuple[str, object]] = set()
        if self.enterprise_id is not None:
            keys.add(("id", self.enterprise_id))
        if self.credit_code:
            keys.add(("code", self.credit_code.upper()))
        for name in (self.name, self.normalised_name):
            if name and _fold(name):
                keys.add(("name", _fold(name)))
        return keys


@dataclass(frozen=True)
class Service:
    """One service of the hearing notice on a party."""

    method: ServiceMethod
    served_on: dt.date | None
    confirmed: bool


@dataclass(frozen=True)
class PartyFacts:
    """A party of the case, with the hearing notices served on it."""

    id: int
    name: str
    role: PartyRole
    organisation: Organisation
    services: tuple[Service, ...] = ()


@dataclass(frozen=True)
class Guest:
    """An observer invited to this hearing."""

    name: str
    status: InvitationStatus
    organisation: Organisation | None


@dataclass(frozen=True)
class CaseFacts:
    """The case the hearing belongs to."""

    id: int
    number: str
    status: CaseStatus
    accepted_date: dt.date | None
    collective: bool
    seats: frozenset[tuple[int, PanelRole]]


@dataclass(frozen=True)
class RoomFacts:
    """The room asked for."""

    id: int
    name: str
    capacity: int
    active: bool
    venue_key: str
    venue: str
    host: Organisation | None


@dataclass(frozen=True)
class Booking:
    """Another hearing that already holds people or a room around that day."""

    hearing_id: int
    case_number: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room_id: int | None
    venue_key: str
    venue: str
    panel_ids: frozenset[int]
    clerk_id: int | None


@dataclass(frozen=True)
class AwardClock:
    """The case's award clock as the case page shows it (from :mod:`tribunal.services.clocks`).

    Attributes:
        due: the legal last day (45 days, or 60 once the extension is approved, suspension
            days left out); None when not accepted or its year's holidays are not loaded.
        unrolled: the last day before rolling over a rest day; a hearing on or before it is
            in time whatever the calendar says.
        extended: the extension is approved.
        suspended: a suspension runs today, so the last day still moves.
        unknown_year: the year that stopped the computation, if any.
        basis: the legal basis of the period.
    """

    due: dt.date | None
    unrolled: dt.date | None
    extended: bool
    suspended: bool
    unknown_year: int | None
    basis: str


@dataclass(frozen=True)
class Facts:
    """Everything the rules look at, as plain data."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    public: bool
    panel: tuple[tuple[int, PanelRole], ...]
    clerk_id: int | None
    host_enterprise_id: int | None
    case: CaseFacts | None
    room_id: int | None
    room: RoomFacts | None
    staff: Mapping[int, Person]
    parties: tuple[PartyFacts, ...]
    guests: tuple[Guest, ...]
    bookings: tuple[Booking, ...]
    travel_minutes: int
    calendar: LegalCalendar
    periods: PeriodCalculator
    today: dt.date
    input_problems: Mapping[str, str] = field(default_factory=dict)
    award: AwardClock | None = None

    @property
    def day(self) -> dt.date:
        return self.starts_at.date()

    def people(self) -> list[tuple[int, str]]:
        """Staff ids of the proposal with the word for their job here (仲裁员 / 书记员)."""
        out = [(sid, "仲裁员") for sid, _ in self.panel]
        if self.clerk_id is not None:
            out.append((self.clerk_id, "书记员"))
        return out

    def active_guests(self) -> list[Guest]:
        """Invitations that still stand (not declined)."""
        return [g for g in self.guests if g.status != InvitationStatus.DECLINED]


def _fold(name: str) -> str:
    """A company name folded for comparison: half-width, no spaces, brackets unified."""
    return normalise(name, remove=" \u3000").replace("（", "(").replace("）", ")").lower()


def _venue_key(room_id: int | None, enterprise_id: int | None, host_id: int | None, hearing_id: int) -> str:
    if room_id is not None and enterprise_id is not None:
        return f"enterprise:{enterprise_id}"
    if room_id is not None:
        return "commission"
    if host_id is not None:
        return f"enterprise:{host_id}"
    return f"unknown:{hearing_id}"


def venue_text(room_name: str | None, enterprise_name: str | None) -> str:
    """How a place is named in messages and lists: ``企业名 会议室`` or ``本院第一仲裁庭``."""
    return venues.venue_text(room_name, enterprise_name)


@functools.lru_cache(maxsize=1)
def _period_rules() -> Mapping[str, object]:
    return load_rules()


def period_calculator(calendar: LegalCalendar) -> PeriodCalculator:
    """A period calculator on ``calendar`` with the shipped rules (read from disk once)."""
    return PeriodCalculator(calendar, _period_rules())  # type: ignore[arg-type]


# ---------------------------------------------------------------- reading the facts


def award_clock(db: Database, case_id: int, today: dt.date) -> AwardClock | None:
    """The case's award clock, computed by the clock service (None when the case is gone).

    Reusing :func:`tribunal.services.clocks.case_clock` keeps the scheduling check and the
    clock on the case page in agreement (re-count events, suspensions, extension).
    """
    from tribunal.services import clocks  # a sibling service; imported late to keep start-up light

    try:
        clock = clocks.case_clock(db, case_id, today)
    except NotFound:
        return None
    item = clock.item("award_due")
    unrolled = None
    if clock.clock_start is not None:
        rules = _period_rules()
        days = rules["award"].days + (rules["award_extension"].days if clock.extended else 0)
        if all(rules[k].unit == NATURAL for k in ("award", "award_extension")):
            unrolled = clock.clock_start + dt.timedelta(days=days + clock.excluded_days)
    unknown = min(clock.unknown_years) if clock.award_due is None and clock.unknown_years else None
    return AwardClock(clock.award_due, unrolled, clock.extended, clock.suspended, unknown,
                      item.basis if item else "")


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
        periods=period_calculator(calendar),
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
                     _venue_key(row.id, row.enterprise_id, None, 0), venue_text(row.name, row.ent_name), host)


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
                _venue_key(r.room_id, r.enterprise_id, r.host_enterprise_id, r.id),
                venue_text(r.room_name, r.ent_name), frozenset(panels.get(r.id, ())), r.clerk_id)
        for r in rows
    )


# ---------------------------------------------------------------- helpers for messages


def _hm(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _span(start: dt.datetime, end: dt.datetime) -> str:
    return f"{start:%Y-%m-%d} {_hm(start)}–{_hm(end)}"


def _overlaps(a_start: dt.datetime, a_end: dt.datetime, b_start: dt.datetime, b_end: dt.datetime) -> bool:
    # Touching intervals (one ends when the other starts) do not overlap.
    return a_start < b_end and b_start < a_end


def _unknown_year(error: UnknownYearError) -> Finding:
    return Finding(
        "calendar.unknown_year", WARNING,
        f"{error.year} 年的法定节假日安排尚未载入，无法核对该年的工作日和节假日",
        None, "在【设置→法定节假日】中导入该年安排后再核对",
    )


# ---------------------------------------------------------------- the rules


def rule_input(f: Facts) -> list[Finding]:
    """Times outside one day or outside 7:00–21:00, a closed hearing without a lawful reason."""
    basis = {"closed_reason": OPEN_HEARING_BASIS}
    return [Finding(f"input.{key}", HARD, message, basis.get(key))
            for key, message in f.input_problems.items()]


def rule_past(f: Facts) -> list[Finding]:
    """A hearing set on a day already gone (allowed when recording one afterwards)."""
    if f.day < f.today:
        return [Finding("time.past", WARNING, f"开庭日期 {f.day} 早于今天 {f.today}",
                        None, "如是补录已经开过的庭，请在理由中说明")]
    return []


def rule_case_state(f: Facts) -> list[Finding]:
    """The case must exist, be accepted, still open, and not suspended."""
    c = f.case
    if c is None:
        return [Finding("case.missing", HARD, "找不到这件案件，可能已被删除", None, "重新选择案件")]
    if c.status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
        return [Finding("case.closed", HARD, f"案件 {c.number} {c.status.label_zh}，不能再安排开庭")]
    if c.accepted_date is None:
        return [Finding("case.not_accepted", HARD, f"案件 {c.number} 尚未受理，不能安排开庭",
                        None, "先登记受理日期")]
    if f.day < c.accepted_date:
        return [Finding("case.before_acceptance", HARD,
                        f"开庭日期 {f.day} 早于案件 {c.number} 的受理日期 {c.accepted_date}",
                        None, f"改到 {c.accepted_date} 之后")]
    if c.status == CaseStatus.SUSPENDED:
        return [Finding("case.suspended", WARNING, f"案件 {c.number} 处于中止审理状态",
                        "《劳动人事争议仲裁办案规则》第四十七条", "中止事由消除、恢复审理后再开庭")]
    return []


def rule_room(f: Facts) -> list[Finding]:
    """A room is chosen, exists, is in use, and agrees with the host enterprise given."""
    if f.room_id is None:
        return [Finding("room.missing", HARD, "尚未选择开庭地点（东道企业的会议室或本院仲裁庭）",
                        None, "选择一个开庭地点")]
    if f.room is None:
        return [Finding("room.missing", HARD, "所选的开庭地点已不存在", None, "重新选择开庭地点")]
    out = []
    if not f.room.active:
        out.append(Finding("room.inactive", HARD, f"{f.room.venue} 已停用", None, "换一个开庭地点"))
    room_host = f.room.host.enterprise_id if f.room.host else None
    if f.host_enterprise_id is not None and f.host_enterprise_id != room_host:
        out.append(Finding("room.host_mismatch", HARD,
                           f"所选会议室 {f.room.venue} 不属于所选的东道企业", None,
                           "重新选择东道企业的会议室"))
    return out


def rule_panel(f: Facts) -> list[Finding]:
    """A lawful tribunal (one sole arbitrator, or a presiding one and two), and a clerk not on it."""
    out: list[Finding] = []
    if not f.panel:
        out.append(Finding("panel.missing", HARD, "尚未指定仲裁庭组成", panel_rules.PANEL_BASIS,
                           "指定一名独任仲裁员，或一名首席仲裁员和两名仲裁员"))
    problems = panel_rules.panel_problems(f.panel, f.clerk_id)
    if "arbitrators" in problems:
        out.append(Finding("panel.composition", HARD, problems["arbitrators"], panel_rules.PANEL_BASIS,
                           "指定一名独任仲裁员，或一名首席仲裁员和两名仲裁员"))
    if "clerk" in problems:
        name = f.staff[f.clerk_id].name if f.clerk_id in f.staff else ""
        out.append(Finding("panel.clerk_on_panel", HARD, f"书记员{name}同时在仲裁庭中任仲裁员",
                           panel_rules.CLERK_BASIS, "换一名书记员，或换一名仲裁员"))
    if f.clerk_id is None:
        out.append(Finding("panel.no_clerk", HARD, "尚未指定书记员", None, "指定一名书记员"))
    for sid, _role in f.panel:
        person = f.staff.get(sid)
        if person is None:
            out.append(Finding("panel.unknown_staff", HARD, "所选仲裁员已不存在", None, "重新选择仲裁员"))
        elif person.role != StaffRole.ARBITRATOR:
            out.append(Finding("panel.not_arbitrator", HARD, f"{person.name}不是仲裁员，不能在仲裁庭任职",
                               None, "重新选择仲裁员"))
    if f.clerk_id is not None:
        clerk = f.staff.get(f.clerk_id)
        if clerk is None:
            out.append(Finding("panel.unknown_staff", HARD, "所选书记员已不存在", None, "重新选择书记员"))
        elif clerk.role != StaffRole.CLERK and "clerk" not in problems:
            out.append(Finding("panel.not_clerk", HARD, f"{clerk.name}不是书记员", None, "重新选择书记员"))
    if f.case is not None and f.case.seats and f.panel and frozenset(f.panel) != f.case.seats:
        out.append(Finding("panel.differs_from_case", WARNING,
                           f"本场仲裁庭组成与案件 {f.case.number} 登记的仲裁庭不一致", panel_rules.PANEL_BASIS,
                           "按案件登记的仲裁庭安排；如确需变更组成，应书面通知当事人并先修改案件"))
    return out


def rule_inactive_staff(f: Facts) -> list[Finding]:
    """Staff who have left (inactive) cannot be booked."""
    return [Finding("staff.inactive", HARD, f"{job}{f.staff[sid].name}已停用", None, f"换一名{job}")
            for sid, job in f.people() if sid in f.staff and not f.staff[sid].active]


def rule_staff_double_booked(f: Facts) -> list[Finding]:
    """An arbitrator or clerk already sits elsewhere at an overlapping time."""
    out = []
    for sid, job in f.people():
        person = f.staff.get(sid)
        if person is None:
            continue
        for b in f.bookings:
            if (sid in b.panel_ids or sid == b.clerk_id) and _overlaps(f.starts_at, f.ends_at, b.starts_at, b.ends_at):
                out.append(Finding(
                    "staff.double_booked", HARD,
                    f"{job}{person.name}在 {_span(b.starts_at, b.ends_at)} 已安排 {b.case_number} 的开庭（{b.venue}）",
                    None, f"改到 {_hm(b.ends_at)} 之后，或换一名{job}",
                ))
    return out


def rule_travel(f: Facts) -> list[Finding]:
    """Two hearings of one person on one day at different places need travel time between them."""
    if f.travel_minutes <= 0 or f.room is None:
        return []
    need = dt.timedelta(minutes=f.travel_minutes)
    out = []
    for sid, job in f.people():
        person = f.staff.get(sid)
        if person is None:
            continue
        for b in f.bookings:
            if not (sid in b.panel_ids or sid == b.clerk_id):
                continue
            if b.starts_at.date() != f.day or b.venue_key == f.room.venue_key:
                continue
            if _overlaps(f.starts_at, f.ends_at, b.starts_at, b.ends_at):
                continue  # already a double booking
            if b.ends_at <= f.starts_at:
                gap, fix = f.starts_at - b.ends_at, f"把本场改到 {_hm(b.ends_at + need)} 或之后开始"
            else:
                gap, fix = b.starts_at - f.ends_at, f"本场在 {_hm(b.starts_at - need)} 或之前结束"
            if gap < need:
                minutes = int(gap.total_seconds() // 60)
                out.append(Finding(
                    "staff.travel", HARD,
                    f"{job}{person.name}当天 {_hm(b.starts_at)}–{_hm(b.ends_at)} 在 {b.venue} 开庭"
                    f"（{b.case_number}），与本场相隔 {minutes} 分钟，不足路途所需的 {f.travel_minutes} 分钟",
                    None, f"{fix}，或换一名{job}",
                ))
    return out


def rule_room_double_booked(f: Facts) -> list[Finding]:
    """The room already holds another hearing at an overlapping time."""
    if f.room is None:
        return []
    return [
        Finding("room.double_booked", HARD,
                f"{f.room.venue} 在 {_span(b.starts_at, b.ends_at)} 已安排 {b.case_number} 的开庭",
                None, f"换一个会议室，或改到 {_hm(b.ends_at)} 之后")
        for b in f.bookings
        if b.room_id == f.room.id and _overlaps(f.starts_at, f.ends_at, b.starts_at, b.ends_at)
    ]


def rule_capacity(f: Facts) -> list[Finding]:
    """More observers invited (and not declined) than the room seats."""
    if f.room is None:
        return []
    n = len(f.active_guests())
    if n > f.room.capacity:
        return [Finding("room.capacity", HARD,
                        f"已邀请旁听 {n} 人，超过 {f.room.venue} 的容量 {f.room.capacity} 人",
                        None, f"换一个更大的会议室，或减少 {n - f.room.capacity} 名旁听人员")]
    return []


def _party_matching(org: Organisation, parties: Iterable[PartyFacts]) -> PartyFacts | None:
    keys = org.keys()
    for p in parties:
        if keys & p.organisation.keys():
            return p
    return None


def rule_host_is_party(f: Facts) -> list[Finding]:
    """The host enterprise is itself a party (hard; a warning in a collective dispute)."""
    if f.room is None or f.room.host is None or f.case is None:
        return []
    party = _party_matching(f.room.host, f.parties)
    if party is None:
        return []
    if f.case.collective:
        return [Finding("host.is_party", WARNING,
                        f"东道企业 {f.room.host.name} 是本案{party.role.label_zh}（集体争议可在发生争议的用人单位开庭）",
                        COLLECTIVE_VENUE_BASIS, "确认在争议单位开庭有利于及时处理，并在理由中说明")]
    return [Finding("host.is_party", HARD,
                    f"东道企业 {f.room.host.name} 是本案{party.role.label_zh}，不宜在该企业开庭",
                    None, "换一家东道企业，或在本院仲裁庭开庭")]


def rule_observer_is_party(f: Facts) -> list[Finding]:
    """An invited observer works for a party: an interested person, who may not observe."""
    out = []
    for g in f.active_guests():
        if g.organisation is None:
            continue
        party = _party_matching(g.organisation, f.parties)
        if party is not None:
            out.append(Finding("observer.is_party", HARD,
                               f"旁听人员{g.name}（{g.organisation.name}）所在单位是本案{party.role.label_zh}，"
                               "与本案有利害关系，不得旁听",
                               OBSERVER_BASIS, f"取消对{g.name}的旁听邀请"))
    return out


def rule_closed_observers(f: Facts) -> list[Finding]:
    """A hearing that is not public admits no observers."""
    n = len(f.active_guests())
    if not f.public and n:
        return [Finding("observer.closed_hearing", HARD, f"本场不公开审理，但已邀请 {n} 名旁听人员",
                        OPEN_HEARING_BASIS, "撤销全部旁听邀请，或确认本案可以公开审理")]
    return []


def rule_notice(f: Facts) -> list[Finding]:
    """Each party must have the written hearing notice five full working days before (法 35)."""
    if f.case is None or f.case.accepted_date is None:
        return []
    rule = f.periods.rules["hearing_notice"]
    out: list[Finding] = []
    try:
        latest = f.periods.latest_notice_service(f.day).date
        for p in f.parties:
            who = f"{p.role.label_zh}{p.name}"
            usable = [x for x in p.services
                      if x.served_on is not None and (x.confirmed or x.method not in SIMPLIFIED_METHODS)]
            if usable:
                served = min(x.served_on for x in usable if x.served_on is not None)
                check = f.periods.notice_is_timely(served, f.day)
                if not check.timely:
                    earliest = f.periods.earliest_hearing(served).date
                    out.append(Finding(
                        "notice.too_late", HARD,
                        f"{who}于 {served} 收到开庭通知，距开庭日 {f.day} 只有 {check.working_days_between} "
                        f"个完整工作日，不足 {check.required} 个",
                        rule.basis, f"改到 {earliest} 或之后开庭",
                    ))
            elif p.services:
                out.append(Finding(
                    "notice.unconfirmed", WARNING,
                    f"向{who}发出的开庭通知仅以电话或电子方式送达，尚未确认收到",
                    SIMPLIFIED_BASIS, f"在 {latest} 前取得收到确认或另行书面送达；未确认的不能缺席裁决或按撤回处理",
                ))
            elif f.today <= latest:
                out.append(Finding("notice.not_served", INFO, f"尚未向{who}送达开庭通知",
                                   rule.basis, f"最迟于 {latest} 送达"))
            else:
                out.append(Finding(
                    "notice.not_served", WARNING,
                    f"尚未向{who}送达开庭通知，且已过最迟送达日 {latest}",
                    rule.basis, "推迟开庭日期，或取得当事人书面同意后在理由中说明",
                ))
    except UnknownYearError as error:
        out.append(_unknown_year(error))
    return out


def rule_award_deadline(f: Facts) -> list[Finding]:
    """No hearing after the case's time limit (45 days, 60 with an approved extension, plus suspensions)."""
    c, a = f.case, f.award
    if c is None or c.accepted_date is None or a is None:
        return []
    if a.unrolled is not None and f.day <= a.unrolled:
        return []  # in time, however the last day rolls over next year's holidays
    if a.due is None:
        if a.unknown_year is not None:
            return [_unknown_year(UnknownYearError(a.unknown_year))]
        return []
    if f.day <= a.due:
        return []
    limit = "延长后的审理期限" if a.extended else "审理期限"
    message = f"开庭日 {f.day} 晚于案件 {c.number} 的{limit}届满日 {a.due}"
    if a.suspended:
        # The clock stands still today: the last day moves with every day of the suspension.
        return [Finding("deadline.award", WARNING, message + "（案件中止审理中，届满日将随中止期间顺延）",
                        a.basis, "恢复审理时重新核对审理期限")]
    fix = (f"把开庭提前到 {a.due} 或之前；如有中止审理期间请先登记" if a.extended
           else f"把开庭提前到 {a.due} 或之前，或经批准延长审理期限并登记后再排期")
    return [Finding("deadline.award", HARD, message, a.basis, fix)]


def rule_rest_day(f: Facts) -> list[Finding]:
    """A hearing on a weekend or statutory holiday (allowed, but worth a second look)."""
    try:
        if not f.calendar.is_rest_day(f.day):
            return []
        name = f.calendar.day_name(f.day)
    except UnknownYearError as error:
        return [_unknown_year(error)]
    what = f"{name}（法定节假日）" if name else f"{_WEEKDAYS[f.day.weekday()]}（休息日）"
    return [Finding("calendar.rest_day", WARNING, f"开庭日 {f.day} 是{what}",
                    None, "改到工作日，或在理由中说明为何在休息日开庭")]


RULES: tuple[Callable[[Facts], list[Finding]], ...] = (
    rule_input,
    rule_case_state,
    rule_past,
    rule_room,
    rule_panel,
    rule_inactive_staff,
    rule_staff_double_booked,
    rule_travel,
    rule_room_double_booked,
    rule_capacity,
    rule_host_is_party,
    rule_observer_is_party,
    rule_closed_observers,
    rule_notice,
    rule_award_deadline,
    rule_rest_day,
)


def evaluate(facts: Facts) -> list[Finding]:
    """Run every rule; hard conflicts first, then warnings, then notes; repeats dropped."""
    seen: set[tuple[str, str]] = set()
    out: list[Finding] = []
    for rule in RULES:
        for finding in rule(facts):
            key = (finding.rule_key, finding.message)
            if key not in seen:
                seen.add(key)
                out.append(finding)
    return sorted(out, key=lambda x: _RANK[x.severity])

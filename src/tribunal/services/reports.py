"""Reports (统计): what the circuit tribunals achieved, the official returns' table, the dashboard's figures.

Every figure is computed from the facts one read session gathers (the hearings held at
enterprises, the observers checked in, the cases closed, the training sessions); the lists
behind a figure (:func:`figure_list`) are taken from the very same facts, so a figure and
its list always agree. The rules — which hearing is a 场次, which case a circuit case, how a
case spanning two periods is counted — are in :mod:`tribunal.domain.reports` and
docs/reports.md; each figure carries the key of its definition for the footnotes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CaseClockEvent,
    CircuitTribunal,
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Recommendation,
    TrainingAttendance,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
    Zone,
)
from tribunal.domain.clock_history import LAW_OTHER, LEGACY_PUBLIC_NOTICE, SUSPENSION
from tribunal.domain.enums import (
    CaseOutcome,
    CaseResult,
    CaseType,
    HearingStatus,
    InvitationStatus,
)
from tribunal.domain.legal_calendar import LegalCalendar
from tribunal.domain.reports import (
    CAUSE_OF,
    METHOD_OF,
    Period,
    StatCause,
    StatMethod,
    check_period,
    cycle_days,
    mean,
    median,
    months_between,
    net_cycle_days,
    rate,
    same_period_last_year,
)
from tribunal.errors import NotFound, ValidationError
from tribunal.services import clocks
from tribunal.services import legal_calendar as calendar_service
from tribunal.texts import msg

__all__ = [
    "CircuitFigures",
    "CircuitReport",
    "DashboardFigures",
    "FigureLine",
    "FigureList",
    "ListRow",
    "MonthFigures",
    "ReportRequest",
    "Scope",
    "StatsReport",
    "ZoneReachLine",
    "circuit_lines",
    "circuit_report",
    "dashboard_figures",
    "figure_list",
    "stats_report",
]

_TYPES: Final = {t.value: t for t in CaseType}

#: Months the monthly charts cover, ending with the period's last month.
CHART_MONTHS: Final = 12


# ---------------------------------------------------------------- requests and results


@dataclass(frozen=True)
class ReportRequest:
    """What the clerk asked for: a period (both days included) and optional filters."""

    start: dt.date
    end: dt.date
    zone_id: int | None = None
    tribunal_id: int | None = None


@dataclass(frozen=True)
class Scope:
    """The request as the report counts it: the period cut at today, the filters by name.

    Attributes:
        requested: the period asked for.
        period: the period counted (ends today at the latest).
        last_year: the same days one year earlier.
        partial: the period has not ended yet.
    """

    requested: Period
    period: Period
    last_year: Period
    zone_id: int | None
    zone: str
    tribunal_id: int | None
    tribunal: str
    today: dt.date

    @property
    def partial(self) -> bool:
        return self.period.end < self.requested.end

    @property
    def filter_text(self) -> str:
        """``邵阳经济技术开发区 · 邵阳经开区巡回仲裁庭``, or ``全部开发区和巡回庭``."""
        parts = [p for p in (self.zone, self.tribunal) if p]
        return " · ".join(parts) if parts else msg("全部开发区和巡回庭")

    @property
    def period_text(self) -> str:
        """The period as a heading prints it, saying when it is counted only up to today."""
        if self.partial:
            return msg("{period}（统计至{isoformat}）", period=self.requested.label,
                       isoformat=self.period.end.isoformat())
        return self.requested.label


@dataclass(frozen=True)
class CircuitFigures:
    """The circuit tribunal's figures for one period (see :data:`DEFINITIONS` for each)."""

    period: Period
    sessions: int = 0
    hearings_on_site: int = 0
    cases_on_site: int = 0
    cases_on_site_by_type: tuple[tuple[CaseType, int], ...] = ()
    circuit_closed: int = 0
    mediated_on_site: int = 0
    mediated_later: int = 0
    awarded: int = 0
    withdrawn: int = 0
    other_closed: int = 0
    mediation_rate: float | None = None
    cycle_mean: float | None = None
    cycle_median: float | None = None
    net_cycle_mean: float | None = None
    net_cycle_median: float | None = None
    on_time: int = 0
    on_time_allowed: int = 0
    on_time_base: int = 0
    on_time_rate: float | None = None
    on_time_allowed_rate: float | None = None
    hosts: int = 0
    observer_enterprises: int = 0
    enterprises_total: int = 0
    observers: int = 0
    observer_people: int = 0
    walk_ins: int = 0
    trainees: int = 0
    training_sessions: int = 0
    topics: tuple[str, ...] = ()
    claimed_fen: int = 0
    agreed_fen: int = 0
    awarded_fen: int = 0
    recommendations_sent: int = 0
    recommendations_answered: int = 0

    @property
    def mediated(self) -> int:
        return self.mediated_on_site + self.mediated_later

    @property
    def withdrawn_or_other(self) -> int:
        return self.withdrawn + self.other_closed


@dataclass(frozen=True)
class MonthFigures:
    """One month of the charts."""

    year: int
    month: int
    sessions: int
    hearings: int
    observers: int
    mediated: int
    awarded: int

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def mediation_rate(self) -> float | None:
        return rate(self.mediated, self.mediated + self.awarded)


@dataclass(frozen=True)
class ZoneReachLine:
    """Enterprises of one zone reached in the period, beside all of the zone's directory."""

    zone: str
    reached: int
    directory: int


@dataclass(frozen=True)
class EnterpriseLine:
    """An enterprise of the directory (for the list of those never reached)."""

    id: int
    name: str
    zone: str


@dataclass(frozen=True)
class CircuitReport:
    """The circuit tribunal report: this period, the same period last year, charts and lists."""

    scope: Scope
    current: CircuitFigures
    last_year: CircuitFigures
    never_reached: tuple[EnterpriseLine, ...]
    directory_size: int
    monthly: tuple[MonthFigures, ...]
    reach_by_zone: tuple[ZoneReachLine, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureLine:
    """One line of a report as the screen, the PDF and the workbook show it.

    Attributes:
        key: what the line counts (also the key of :func:`figure_list`); "" for a heading.
        label: what the clerk reads.
        now / last: this period and the same period last year (None: not defined, "—").
        kind: ``count``, ``percent`` (0–1), ``days`` or ``money`` (fen).
        definition: key into :data:`DEFINITIONS` for the footnote ("" for none).
        indent: 0 for a figure, 1 for a part of the figure above it ("其中").
        sums_to: for a total, the keys of the lines it is the sum of (the workbook writes a
            formula over them).
    """

    key: str
    label: str
    now: float | int | None = None
    last: float | int | None = None
    kind: str = "count"
    definition: str = ""
    indent: int = 0
    sums_to: tuple[str, ...] = ()

    @property
    def heading(self) -> bool:
        return not self.key


@dataclass(frozen=True)
class StatsReport:
    """The 劳动人事争议处理情况 table for one period (with the same period last year)."""

    scope: Scope
    lines: tuple[FigureLine, ...]
    notes: tuple[str, ...] = ()

    def value(self, key: str) -> float | int | None:
        """This period's value of the line ``key``."""
        return next(line.now for line in self.lines if line.key == key)


@dataclass(frozen=True)
class ListRow:
    """One row of the list behind a figure; ``case_id`` opens the case (None: nothing to open)."""

    cells: tuple[str, ...]
    case_id: int | None = None


@dataclass(frozen=True)
class FigureList:
    """The cases, hearings, enterprises or people behind a figure."""

    key: str
    title: str
    kind: str  # "cases", "hearings", "sessions", "enterprises", "people", "trainings"
    headers: tuple[str, ...]
    rows: tuple[ListRow, ...]


@dataclass(frozen=True)
class DashboardFigures:
    """The dashboard's headline figures for the month so far."""

    period: Period
    sessions: int
    observers: int
    mediated: int
    awarded: int

    @property
    def mediation_rate(self) -> float | None:
        return rate(self.mediated, self.mediated + self.awarded)


# ---------------------------------------------------------------- scope


def _scope(s: Session, request: ReportRequest, today: dt.date) -> Scope:
    problem = check_period(request.start, request.end, today)
    if problem is not None:
        raise ValidationError(problem.message, {problem.field: problem.message})
    zone = tribunal = ""
    if request.zone_id is not None:
        found = s.get(Zone, request.zone_id)
        if found is None:
            raise NotFound(msg("找不到编号为 {zone_id} 的开发区", zone_id=request.zone_id))
        zone = found.name
    if request.tribunal_id is not None:
        court = s.get(CircuitTribunal, request.tribunal_id)
        if court is None:
            raise NotFound(msg("找不到编号为 {tribunal_id} 的巡回仲裁庭", tribunal_id=request.tribunal_id))
        tribunal = court.name
    requested = Period(request.start, request.end)
    period = Period(request.start, min(request.end, today), requested.label)
    return Scope(requested, period, same_period_last_year(period), request.zone_id, zone,
                 request.tribunal_id, tribunal, today)


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class _HeldHearing:
    id: int
    case_id: int
    day: dt.date
    host_id: int
    case_type: CaseType


@dataclass(frozen=True)
class _Attendance:
    id: int
    observer_id: int
    enterprise_id: int | None
    walk_in: bool
    hearing_id: int
    day: dt.date


@dataclass(frozen=True)
class _ClosedCase:
    id: int
    case_type: CaseType
    accepted: dt.date
    closed: dt.date
    outcome: CaseOutcome
    on_site: bool
    claimed_fen: int
    amount_fen: int | None


@dataclass(frozen=True)
class _Training:
    id: int
    day: dt.date
    attendance: int
    topics: tuple[str, ...]


@dataclass
class _Facts:
    """Everything the circuit report counts, for the days ``lo`` to ``hi``."""

    lo: dt.date
    hi: dt.date
    hearings: list[_HeldHearing] = field(default_factory=list)
    attendance: list[_Attendance] = field(default_factory=list)
    closed: list[_ClosedCase] = field(default_factory=list)
    clocks: dict[int, clocks.ClosedClock] = field(default_factory=dict)
    trainings: list[_Training] = field(default_factory=list)
    enterprise_zone: dict[int, int | None] = field(default_factory=dict)


def _on_site(zone_id: int | None, tribunal_id: int | None) -> list[Any]:
    """Conditions on :class:`Hearing` for a hearing held at an enterprise within the filters."""
    conditions: list[Any] = [Hearing.status == HearingStatus.HELD, Hearing.host_enterprise_id.is_not(None)]
    if tribunal_id is not None:
        conditions.append(Hearing.tribunal_id == tribunal_id)
    if zone_id is not None:
        conditions.append(Hearing.host_enterprise_id.in_(
            select(Enterprise.id).where(Enterprise.zone_id == zone_id)))
    return conditions


def _between(column: Any, lo: dt.date, hi: dt.date) -> Any:
    """A datetime column within the days ``lo`` to ``hi``."""
    return and_(column >= _day_start(lo), column < _day_start(hi + dt.timedelta(days=1)))


def _circuit_case(zone_id: int | None, tribunal_id: int | None) -> Any:
    """A case with at least one hearing held at an enterprise within the filters."""
    return exists().where(Hearing.case_id == Case.id, *_on_site(zone_id, tribunal_id))


def _load_facts(s: Session, scope: Scope, lo: dt.date, hi: dt.date, calendar: LegalCalendar) -> _Facts:
    facts = _Facts(lo, hi)
    on_site = _on_site(scope.zone_id, scope.tribunal_id)
    conn = s.connection()
    for hid, cid, starts, host, ctype in conn.execute(
        select(Hearing.id, Hearing.case_id, Hearing.starts_at, Hearing.host_enterprise_id, Case.case_type)
        .join(Case, Case.id == Hearing.case_id)
        .where(*on_site, _between(Hearing.starts_at, lo, hi))
    ):
        # Core rows, not ORM objects; the column types still turn stored values into enums.
        facts.hearings.append(_HeldHearing(hid, cid, starts.date(), host or 0, ctype))
    for iid, oid, eid, walk_in, hid, starts in conn.execute(
        select(Invitation.id, Invitation.observer_id, Observer.enterprise_id, Invitation.walk_in,
               Hearing.id, Hearing.starts_at)
        .join(Hearing, Hearing.id == Invitation.hearing_id)
        .join(Observer, Observer.id == Invitation.observer_id)
        .where(Invitation.status == InvitationStatus.ATTENDED, *on_site, _between(Hearing.starts_at, lo, hi))
    ):
        facts.attendance.append(_Attendance(iid, oid, eid, bool(walk_in), hid, starts.date()))
    circuit = _circuit_closed(scope, lo, hi)
    for cid, ctype, accepted, closed, outcome, on_site_flag, claimed, amount in conn.execute(
        select(Case.id, Case.case_type, Case.accepted_date, Case.closed_date, Case.outcome,
               Case.mediated_on_site, Case.claim_total_fen, Case.result_amount_fen).where(circuit)
    ):
        assert accepted is not None and closed is not None and outcome is not None  # by ``circuit``
        facts.closed.append(_ClosedCase(cid, ctype, accepted, closed, outcome, bool(on_site_flag),
                                        claimed or 0, amount))
    if facts.closed:
        facts.clocks = clocks.closed_case_clocks(s, circuit, calendar, scope.today)
    training_where = [_between(TrainingSession.starts_at, lo, hi)]
    if scope.zone_id is not None or scope.tribunal_id is not None:
        training_where.append(TrainingSession.hearing_id.in_(select(Hearing.id).where(*on_site)))
    sessions = {sid: starts.date() for sid, starts in conn.execute(
        select(TrainingSession.id, TrainingSession.starts_at).where(*training_where))}
    if sessions:
        ids = select(TrainingSession.id).where(*training_where)
        heads = dict(conn.execute(
            select(TrainingAttendance.session_id, func.count(TrainingAttendance.id))
            .where(TrainingAttendance.session_id.in_(ids)).group_by(TrainingAttendance.session_id)).all())
        topics: dict[int, list[str]] = defaultdict(list)
        for sid, title in conn.execute(
            select(TrainingSessionTopic.session_id, TrainingTopic.title)
            .join(TrainingTopic, TrainingTopic.id == TrainingSessionTopic.topic_id)
            .where(TrainingSessionTopic.session_id.in_(ids))
            .order_by(TrainingSessionTopic.session_id, TrainingSessionTopic.position)
        ):
            topics[sid].append(title)
        facts.trainings = [_Training(sid, day, heads.get(sid, 0), tuple(topics[sid]))
                           for sid, day in sessions.items()]
    return facts


# ---------------------------------------------------------------- computing one period


@dataclass
class _Selection:
    """The facts of one period: the sets each figure counts (and each list shows)."""

    sessions: dict[tuple[dt.date, int], list[_HeldHearing]]
    hearings: list[_HeldHearing]
    cases_on_site: dict[int, CaseType]
    closed: list[_ClosedCase]
    attendance: list[_Attendance]
    hosts: set[int]
    observer_enterprises: set[int]
    trainings: list[_Training]

    def closed_where(self, key: str) -> list[_ClosedCase]:
        """The circuit cases closed in the period that a closing figure counts."""
        wanted = {
            "circuit_closed": lambda c: True,
            "mediated_on_site": lambda c: c.outcome == CaseOutcome.MEDIATED and c.on_site,
            "mediated_later": lambda c: c.outcome == CaseOutcome.MEDIATED and not c.on_site,
            "awarded": lambda c: c.outcome == CaseOutcome.AWARDED,
            "withdrawn": lambda c: METHOD_OF[c.outcome] == StatMethod.WITHDRAWAL,
            "other_closed": lambda c: METHOD_OF[c.outcome] == StatMethod.OTHER,
            "mediation_rate": lambda c: c.outcome in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED),
        }.get(key, lambda c: True)
        return [c for c in self.closed if wanted(c)]


def _select(facts: _Facts, period: Period) -> _Selection:
    hearings = [h for h in facts.hearings if period.contains(h.day)]
    sessions: dict[tuple[dt.date, int], list[_HeldHearing]] = defaultdict(list)
    for h in hearings:
        sessions[(h.day, h.host_id)].append(h)
    attendance = [a for a in facts.attendance if period.contains(a.day)]
    return _Selection(
        sessions=dict(sessions),
        hearings=hearings,
        cases_on_site={h.case_id: h.case_type for h in hearings},
        closed=[c for c in facts.closed if period.contains(c.closed)],
        attendance=attendance,
        hosts={h.host_id for h in hearings},
        observer_enterprises={a.enterprise_id for a in attendance if a.enterprise_id is not None},
        trainings=[t for t in facts.trainings if period.contains(t.day)],
    )


def _as_date(value: Any) -> dt.date:
    """A day from ``func.date()``: a date on PostgreSQL, 'YYYY-MM-DD' text on SQLite."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _circuit_closed(scope: Scope, lo: dt.date, hi: dt.date) -> ColumnElement[bool]:
    """The circuit cases closed from ``lo`` to ``hi`` (see DEFINITIONS["circuit_closed"])."""
    # A closing date is set exactly while a case is closed (undoing a closing clears it); the
    # status is not tested, so the planner searches the closing-date index.
    return and_(Case.closed_date >= lo, Case.closed_date <= hi, Case.accepted_date.is_not(None),
                _circuit_case(scope.zone_id, scope.tribunal_id))


def _training_where(scope: Scope, lo: dt.date, hi: dt.date) -> list[Any]:
    where = [_between(TrainingSession.starts_at, lo, hi)]
    if scope.zone_id is not None or scope.tribunal_id is not None:
        where.append(TrainingSession.hearing_id.in_(
            select(Hearing.id).where(*_on_site(scope.zone_id, scope.tribunal_id))))
    return where


def _recommendation_where(scope: Scope, lo: dt.date, hi: dt.date) -> list[Any]:
    """仲裁建议书 issued in the period, from cases of the tribunal or zone asked for."""
    where: list[Any] = [Recommendation.issued_on >= lo, Recommendation.issued_on <= hi]
    if scope.tribunal_id is not None:
        where.append(Recommendation.case_id.in_(select(Case.id).where(Case.tribunal_id == scope.tribunal_id)))
    elif scope.zone_id is not None:
        where.append(Recommendation.case_id.in_(
            select(Case.id).join(CircuitTribunal, CircuitTribunal.id == Case.tribunal_id)
            .where(CircuitTribunal.zone_id == scope.zone_id)))
    return where


def _employers(s: Session) -> dict[int, int | None]:
    """Observer id → enterprise id, for the whole directory (a few thousand rows at most)."""
    found = s.info.get("trb_employers")
    if found is None:
        found = dict(s.connection().execute(select(Observer.id, Observer.enterprise_id)).all())
        s.info["trb_employers"] = found  # once per report: the session lives for one report
    return found


def _period_figures(s: Session, scope: Scope, period: Period,
                    calendar: LegalCalendar) -> tuple[CircuitFigures, set[int]]:
    """One period's figures with aggregate queries (the lists behind them use :func:`_select`)."""
    conn = s.connection()
    lo, hi = period.start, period.end
    held = [*_on_site(scope.zone_id, scope.tribunal_id), _between(Hearing.starts_at, lo, hi)]
    day = func.date(Hearing.starts_at)
    sessions = conn.execute(select(func.count()).select_from(
        select(day, Hearing.host_enterprise_id).where(*held).distinct().subquery())).scalar() or 0
    hearings_on_site, cases_on_site = conn.execute(
        select(func.count(Hearing.id), func.count(distinct(Hearing.case_id))).where(*held)).one()
    by_type = dict(conn.execute(
        select(Case.case_type, func.count(distinct(Hearing.case_id))).join(Case, Case.id == Hearing.case_id)
        .where(*held).group_by(Case.case_type)).all())
    hosts = {h for (h,) in conn.execute(select(Hearing.host_enterprise_id).where(*held).distinct())
             if h is not None}
    # Person-times, people and walk-ins from one grouped query that starts from the hearings.
    observers = people = walk_ins = 0
    came: list[int] = []
    for oid, times, walked in conn.execute(
        select(Invitation.observer_id, func.count(Invitation.id),
               func.sum(case((Invitation.walk_in.is_(True), 1), else_=0)))
        .select_from(Hearing).join(Invitation, Invitation.hearing_id == Hearing.id)
        .where(Invitation.status == InvitationStatus.ATTENDED, *held).group_by(Invitation.observer_id)
    ):
        observers += times
        people += 1
        walk_ins += walked or 0
        came.append(oid)
    employer = _employers(s)
    guests = {e for e in (employer.get(oid) for oid in came) if e is not None}
    circuit = _circuit_closed(scope, lo, hi)
    closed = conn.execute(
        select(Case.id, Case.accepted_date, Case.closed_date, Case.outcome, Case.mediated_on_site,
               Case.claim_total_fen, Case.result_amount_fen).where(circuit)).all()
    # The award clocks from each case's clock history (re-counts, extension, intervals not counted).
    dues = clocks.closed_case_clocks(s, circuit, calendar, scope.today) if closed else {}
    count: Counter[str] = Counter()
    cycles, nets = [], []
    on_time = allowed = judged = 0
    claimed = agreed = awarded_fen = 0
    for cid, accepted, closed_on, outcome, on_site, claim, amount in closed:
        assert accepted is not None and closed_on is not None and outcome is not None  # by ``circuit``
        method = METHOD_OF[outcome]
        if method == StatMethod.MEDIATION:
            count["mediated_on_site" if on_site else "mediated_later"] += 1
            agreed += amount or 0
        else:
            count[method.value] += 1
            if method == StatMethod.AWARD:
                awarded_fen += amount or 0
        claimed += claim or 0
        cycles.append(cycle_days(accepted, closed_on))
        due = dues.get(cid)
        nets.append(net_cycle_days(accepted, closed_on, due.excluded) if due is not None and due.excluded
                    else cycles[-1])
        if due is not None and due.due is not None and due.due_allowed is not None:
            judged += 1
            on_time += closed_on <= due.due
            allowed += closed_on <= due.due_allowed
    mediated = count["mediated_on_site"] + count["mediated_later"]
    awarded = count[StatMethod.AWARD.value]
    training_where = _training_where(scope, lo, hi)
    training_sessions = conn.execute(select(func.count(TrainingSession.id)).where(*training_where)).scalar() or 0
    trainees = conn.execute(select(func.count(TrainingAttendance.id))
                            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                            .where(*training_where)).scalar() or 0
    advice_where = _recommendation_where(scope, lo, hi)
    recommendations_sent = conn.execute(select(func.count(Recommendation.id)).where(*advice_where)).scalar() or 0
    recommendations_answered = conn.execute(select(func.count(Recommendation.id)).where(
        *advice_where, Recommendation.replied_on.is_not(None))).scalar() or 0
    topics = tuple(title for title, _first in conn.execute(
        select(TrainingTopic.title, func.min(TrainingSession.starts_at))
        .join(TrainingSessionTopic, TrainingSessionTopic.topic_id == TrainingTopic.id)
        .join(TrainingSession, TrainingSession.id == TrainingSessionTopic.session_id)
        .where(*training_where).group_by(TrainingTopic.title)
        .order_by(func.min(TrainingSession.starts_at), TrainingTopic.title)))
    return CircuitFigures(
        period=period,
        sessions=sessions,
        hearings_on_site=hearings_on_site,
        cases_on_site=cases_on_site,
        cases_on_site_by_type=tuple((t, by_type[t]) for t in CaseType if by_type.get(t)),
        circuit_closed=len(closed),
        mediated_on_site=count["mediated_on_site"],
        mediated_later=count["mediated_later"],
        awarded=awarded,
        withdrawn=count[StatMethod.WITHDRAWAL.value],
        other_closed=count[StatMethod.OTHER.value],
        mediation_rate=rate(mediated, mediated + awarded),
        cycle_mean=mean(cycles),
        cycle_median=median(cycles),
        net_cycle_mean=mean(nets),
        net_cycle_median=median(nets),
        on_time=on_time,
        on_time_allowed=allowed,
        on_time_base=judged,
        on_time_rate=rate(on_time, judged),
        on_time_allowed_rate=rate(allowed, judged),
        hosts=len(hosts),
        observer_enterprises=len(guests),
        enterprises_total=len(hosts | guests),
        observers=observers,
        observer_people=people,
        walk_ins=walk_ins or 0,
        trainees=trainees,
        training_sessions=training_sessions,
        topics=topics,
        claimed_fen=claimed,
        agreed_fen=agreed,
        awarded_fen=awarded_fen,
        recommendations_sent=recommendations_sent,
        recommendations_answered=recommendations_answered,
    ), hosts | guests


def _chart_start(period: Period) -> dt.date:
    year, month = period.end.year, period.end.month - (CHART_MONTHS - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return min(dt.date(year, month, 1), period.start)


def _monthly(s: Session, scope: Scope, period: Period) -> tuple[MonthFigures, ...]:
    """The chart series, month by month, with one grouped query each."""
    lo, hi = _chart_start(period), period.end
    months = months_between(lo, hi)[-CHART_MONTHS:]
    lo = dt.date(months[0][0], months[0][1], 1)
    conn = s.connection()
    held = [*_on_site(scope.zone_id, scope.tribunal_id), _between(Hearing.starts_at, lo, hi)]
    day = func.date(Hearing.starts_at)
    sessions: Counter[tuple[int, int]] = Counter()
    hearings: Counter[tuple[int, int]] = Counter()
    for when, _host, n in conn.execute(
            select(day, Hearing.host_enterprise_id, func.count(Hearing.id)).where(*held)
            .group_by(day, Hearing.host_enterprise_id)):
        key = (_as_date(when).year, _as_date(when).month)
        sessions[key] += 1
        hearings[key] += n
    observers: Counter[tuple[int, int]] = Counter()
    for when, n in conn.execute(
            select(day, func.count(Invitation.id)).join(Hearing, Hearing.id == Invitation.hearing_id)
            .where(Invitation.status == InvitationStatus.ATTENDED, *held).group_by(day)):
        observers[(_as_date(when).year, _as_date(when).month)] += n
    closings: Counter[tuple[int, int, str]] = Counter()
    for closed_on, outcome, n in conn.execute(
            select(Case.closed_date, Case.outcome, func.count(Case.id))
            .where(_circuit_closed(scope, lo, hi), Case.outcome.in_([CaseOutcome.MEDIATED, CaseOutcome.AWARDED]))
            .group_by(Case.closed_date, Case.outcome)):
        if closed_on is not None and outcome is not None:
            closings[(closed_on.year, closed_on.month, outcome.value)] += n
    return tuple(MonthFigures(y, m, sessions[(y, m)], hearings[(y, m)], observers[(y, m)],
                              closings[(y, m, CaseOutcome.MEDIATED.value)], closings[(y, m, CaseOutcome.AWARDED.value)])
                 for y, m in months)


def _reached_ever(s: Session, until: dt.date) -> set[int]:
    """Enterprises that hosted a held hearing or had someone check in, on or before ``until``."""
    end = _day_start(until + dt.timedelta(days=1))
    conn = s.connection()
    hosts: set[int] = {e for (e,) in conn.execute(
        select(Hearing.host_enterprise_id).distinct()
        .where(Hearing.status == HearingStatus.HELD, Hearing.host_enterprise_id.is_not(None),
               Hearing.starts_at < end)) if e is not None}
    guests: set[int] = {e for (e,) in conn.execute(
        select(Observer.enterprise_id).distinct()
        .join(Invitation, Invitation.observer_id == Observer.id)
        .join(Hearing, Hearing.id == Invitation.hearing_id)
        .where(Invitation.status == InvitationStatus.ATTENDED, Observer.enterprise_id.is_not(None),
               Hearing.host_enterprise_id.is_not(None), Hearing.status == HearingStatus.HELD,
               Hearing.starts_at < end)) if e is not None}
    return hosts | guests


def _directory(s: Session, zone_id: int | None) -> list[tuple[int, str, int | None, str]]:
    query = (select(Enterprise.id, Enterprise.name, Enterprise.zone_id, Zone.name)
             .outerjoin(Zone, Zone.id == Enterprise.zone_id).order_by(Enterprise.name, Enterprise.id))
    if zone_id is not None:
        query = query.where(Enterprise.zone_id == zone_id)
    return [(i, n, z, zn or "") for i, n, z, zn in s.connection().execute(query)]


def _data_notes(s: Session, scope: Scope, figures: CircuitFigures) -> list[str]:
    """What the clerk should put right for the figures to be complete."""
    notes: list[str] = []
    period = scope.period
    stale = s.scalar(
        select(func.count(Hearing.id)).where(
            Hearing.status == HearingStatus.SCHEDULED, Hearing.host_enterprise_id.is_not(None),
            _between(Hearing.starts_at, period.start, min(period.end, scope.today - dt.timedelta(days=1))),
            *( [Hearing.tribunal_id == scope.tribunal_id] if scope.tribunal_id is not None else []))
    ) or 0
    if stale:
        notes.append(msg("统计期间内有 {stale} 场在企业的开庭已过开庭日、仍为“已排期”，未计入场次；如已开庭，请在开庭排期中登记为“已开庭”。", stale=stale))
    unjudged = figures.circuit_closed - figures.on_time_base
    if unjudged:
        notes.append(msg("有 {unjudged} 件结案案件的审理期限涉及尚未载入法定节假日安排的年份，无法计算，未计入按期结案的比率。", unjudged=unjudged))
    return notes


def circuit_report(db: Database, request: ReportRequest, *, today: dt.date | None = None) -> CircuitReport:
    """The circuit tribunal report for ``request``, with the same period last year beside it.

    A past period with no activity gives a report of zeros (a commission files those too).

    Raises:
        ValidationError: the period ends before it starts, or has not begun yet.
        NotFound: the zone or tribunal asked for does not exist.
    """
    today = today or dt.date.today()
    calendar = calendar_service.calendar(db)  # before the session: it may seed the calendar
    with db.session(write=False) as s:
        scope = _scope(s, request, today)
        period = scope.period
        current, in_period = _period_figures(s, scope, period, calendar)
        last, _ = _period_figures(s, scope, scope.last_year, calendar)
        reached = _reached_ever(s, period.end)
        directory = _directory(s, scope.zone_id)
        never = tuple(EnterpriseLine(i, n, zn) for i, n, _z, zn in directory if i not in reached)
        zone_of = {i: (zn or msg("未归入开发区")) for i, _n, _z, zn in directory}
        if scope.zone_id is None:
            zone_of.update({i: msg("未归入开发区") for i in in_period if i not in zone_of})
        per_zone: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for i, zone in zone_of.items():
            per_zone[zone][1] += 1
            if i in in_period:
                per_zone[zone][0] += 1
        reach = tuple(ZoneReachLine(z, r, d) for z, (r, d) in sorted(per_zone.items(), key=lambda x: -x[1][1]))
        monthly = _monthly(s, scope, period)
        notes = _data_notes(s, scope, current)
    return CircuitReport(scope, current, last, never, len(directory), monthly, reach, tuple(notes))


def circuit_lines(report: CircuitReport) -> list[FigureLine]:
    """The report's lines in print order: headings, figures, their parts."""
    c, p = report.current, report.last_year
    by_type_now = dict(c.cases_on_site_by_type)
    by_type_last = dict(p.cases_on_site_by_type)

    def line(key: str, label: str, attr: str, kind: str = "count", definition: str = "",
             indent: int = 0, sums_to: tuple[str, ...] = ()) -> FigureLine:
        return FigureLine(key, label, getattr(c, attr), getattr(p, attr), kind, definition or key,
                          indent, sums_to)

    lines = [
        FigureLine("", msg("一、巡回开庭")),
        line("sessions", msg("巡回开庭场次（场）"), "sessions"),
        line("hearings_on_site", msg("在企业开庭（次）"), "hearings_on_site"),
        line("cases_on_site", msg("现场审理案件（件）"), "cases_on_site",
             sums_to=tuple(f"type:{t.value}" for t in CaseType)),
    ]
    for t in CaseType:
        if by_type_now.get(t) or by_type_last.get(t):
            lines.append(FigureLine(f"type:{t.value}", msg("其中：{t}", t=t), by_type_now.get(t, 0),
                                    by_type_last.get(t, 0), "count", "cases_on_site", 1))
    lines += [
        FigureLine("", msg("二、结案情况")),
        line("circuit_closed", msg("巡回庭案件结案（件）"), "circuit_closed",
             sums_to=("mediated_on_site", "mediated_later", "awarded", "withdrawn", "other_closed")),
        line("mediated_on_site", msg("其中：当庭调解"), "mediated_on_site", indent=1),
        line("mediated_later", msg("其中：其他调解结案"), "mediated_later", definition="circuit_closed", indent=1),
        line("awarded", msg("其中：裁决结案"), "awarded", definition="circuit_closed", indent=1),
        line("withdrawn", msg("其中：撤回（含按撤回处理）"), "withdrawn", definition="circuit_closed", indent=1),
        line("other_closed", msg("其中：其他方式结案"), "other_closed", definition="circuit_closed", indent=1),
        line("mediation_rate", msg("调解成功率"), "mediation_rate", "percent"),
        line("cycle_mean", msg("平均审理周期（天）"), "cycle_mean", "days", "cycle"),
        line("cycle_median", msg("审理周期中位数（天）"), "cycle_median", "days", "cycle"),
        line("net_cycle_mean", msg("平均审理周期，扣除中止、公告期间（天）"), "net_cycle_mean", "days", "cycle"),
        line("net_cycle_median", msg("审理周期中位数，扣除中止、公告期间（天）"), "net_cycle_median", "days", "cycle"),
        line("on_time_base", msg("可计算审理期限的结案（件）"), "on_time_base", definition="on_time"),
        line("on_time", msg("其中：按期结案（不含延长）"), "on_time", definition="on_time", indent=1),
        line("on_time_allowed", msg("其中：按期结案（含经批准延长）"), "on_time_allowed", definition="on_time", indent=1),
        line("on_time_rate", msg("按期结案率（不含延长）"), "on_time_rate", "percent", "on_time"),
        line("on_time_allowed_rate", msg("按期结案率（含经批准延长）"), "on_time_allowed_rate", "percent", "on_time"),
        FigureLine("", msg("三、覆盖企业")),
        line("enterprises_total", msg("覆盖企业合计（家）"), "enterprises_total", definition="enterprises"),
        line("hosts", msg("其中：承办开庭的企业"), "hosts", definition="enterprises", indent=1),
        line("observer_enterprises", msg("其中：派员旁听的企业"), "observer_enterprises", definition="enterprises",
             indent=1),
        FigureLine("never_reached", msg("名录中从未覆盖的企业（家）"), len(report.never_reached), None, "count",
                   "never_reached"),
        FigureLine("", msg("四、旁听与培训")),
        line("observers", msg("旁听人次"), "observers"),
        line("observer_people", msg("旁听人数（按人去重）"), "observer_people", definition="observers"),
        line("walk_ins", msg("其中：现场登记旁听"), "walk_ins", definition="observers", indent=1),
        line("training_sessions", msg("培训场次"), "training_sessions", definition="training"),
        line("trainees", msg("培训人次"), "trainees"),
        FigureLine("topics", msg("讲授专题（个）"), len(c.topics), len(p.topics), "count", "training"),
        line("recommendations_sent", msg("发出仲裁建议书（份）"), "recommendations_sent", definition="recommendations"),
        line("recommendations_answered", msg("其中：已收到书面回复"), "recommendations_answered",
             definition="recommendations", indent=1),
        FigureLine("", msg("五、金额")),
        line("claimed_fen", msg("请求金额（元）"), "claimed_fen", "money", "amounts"),
        line("agreed_fen", msg("调解金额（元）"), "agreed_fen", "money", "amounts"),
        line("awarded_fen", msg("裁决金额（元）"), "awarded_fen", "money", "amounts"),
    ]
    return lines


# ---------------------------------------------------------------- the official returns' table


def _stats_case_filter(zone_id: int | None, tribunal_id: int | None) -> list[Any]:
    conditions: list[Any] = [Case.accepted_date.is_not(None)]
    if tribunal_id is not None:
        conditions.append(Case.tribunal_id == tribunal_id)
    if zone_id is not None:
        conditions.append(Case.tribunal_id.in_(
            select(CircuitTribunal.id).where(CircuitTribunal.zone_id == zone_id)))
    return conditions


def _stats_sets(period: Period, base: list[Any]) -> dict[str, Any]:
    """The condition on :class:`Case` behind each line of the table."""
    start, end = period.start, period.end
    open_at_start = or_(Case.closed_date.is_(None), Case.closed_date >= start)
    open_at_end = or_(Case.closed_date.is_(None), Case.closed_date > end)
    closed = and_(Case.closed_date >= start, Case.closed_date <= end)
    accepted = and_(Case.accepted_date >= start, Case.accepted_date <= end)
    sets: dict[str, Any] = {
        "carried_over": and_(*base, Case.accepted_date < start, open_at_start),
        "accepted": and_(*base, accepted),
        "collective": and_(*base, accepted, Case.collective.is_(True)),
        "closed": and_(*base, closed),
        "carried_forward": and_(*base, Case.accepted_date <= end, open_at_end),
    }
    # Suspended: a suspension of the hearing (规则 47) recorded in the case's clock history that
    # began by the end of the period and had not ended before it (days only left out of the time
    # limit — public notice, 规则 46(七) — are not a suspension).
    sets["suspended_at_end"] = and_(sets["carried_forward"], exists().where(
        CaseClockEvent.case_id == Case.id, CaseClockEvent.kind == SUSPENSION,
        CaseClockEvent.withdrawn_at.is_(None), CaseClockEvent.ground.not_in((LAW_OTHER, LEGACY_PUBLIC_NOTICE)),
        CaseClockEvent.event_date <= end,
        or_(CaseClockEvent.end_date.is_(None), CaseClockEvent.end_date >= end)))
    for cause in StatCause:
        types = [t for t, c in CAUSE_OF.items() if c == cause]
        sets[f"cause:{cause.value}"] = and_(*base, accepted, Case.case_type.in_(types))
    for method in StatMethod:
        outcomes = [o for o, m in METHOD_OF.items() if m == method]
        sets[f"method:{method.value}"] = and_(*base, closed, Case.outcome.in_(outcomes))
    for result in CaseResult:
        sets[f"result:{result.value}"] = and_(*base, closed, Case.result == result)
    sets["result:none"] = and_(*base, closed, Case.result.is_(None))
    return sets


def _stats_counts(s: Session, period: Period, base: list[Any]) -> dict[str, int]:
    start, end = period.start, period.end
    conn = s.connection()
    counts: dict[str, int] = Counter()
    counts["carried_over"] = conn.execute(
        select(func.count(Case.id)).where(*base, Case.accepted_date < start,
                                          or_(Case.closed_date.is_(None), Case.closed_date >= start))
    ).scalar() or 0
    cause_of_type = {t.value: c.value for t, c in CAUSE_OF.items()}
    for ctype, collective, n, workers in conn.execute(
        select(Case.case_type, Case.collective, func.count(Case.id), func.sum(Case.worker_count))
        .where(*base, Case.accepted_date >= start, Case.accepted_date <= end)
        .group_by(Case.case_type, Case.collective)
    ):
        counts["accepted"] += n
        counts["workers"] += workers or 0
        if collective:
            counts["collective"] += n
        counts[f"cause:{cause_of_type[ctype]}"] += n
    method_of = {o.value: m.value for o, m in METHOD_OF.items()}
    for outcome, result, n in conn.execute(
        select(Case.outcome, Case.result, func.count(Case.id))
        .where(*base, Case.closed_date >= start, Case.closed_date <= end)
        .group_by(Case.outcome, Case.result)
    ):
        counts["closed"] += n
        counts[f"method:{method_of[outcome]}" if outcome else "method:other"] += n
        counts[f"result:{result or 'none'}"] += n
        if result is None and outcome in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED):
            counts["decided_without_result"] += n
    counts["carried_forward"] = counts["carried_over"] + counts["accepted"] - counts["closed"]
    counts["suspended_at_end"] = conn.execute(
        select(func.count(Case.id)).where(_stats_sets(period, base)["suspended_at_end"])
    ).scalar() or 0
    return counts


_STATS_LAYOUT: Final = (
    ("carried_over", msg("上期未结案件（件）"), 0, "carried_over", ()),
    ("accepted", msg("本期受理案件（件）"), 0, "accepted", tuple(f"cause:{c.value}" for c in StatCause)),
    ("collective", msg("其中：集体争议"), 1, "accepted", ()),
    ("workers", msg("涉及劳动者（人）"), 0, "accepted", ()),
    *((f"cause:{c.value}", msg("按争议原因：{c}", c=c), 1, "by_cause", ()) for c in StatCause),
    ("closed", msg("本期结案（件）"), 0, "closed", tuple(f"method:{m.value}" for m in StatMethod)),
    *((f"method:{m.value}", msg("按结案方式：{m}", m=m), 1, "closed", ()) for m in StatMethod),
    *((f"result:{r.value}", msg("按处理结果：{r}", r=r), 1, "closed", ()) for r in CaseResult),
    ("result:none", msg("按处理结果：未登记（撤回、撤销等）"), 1, "closed", ()),
    ("carried_forward", msg("期末未结案件（件）"), 0, "carried_forward", ()),
    ("suspended_at_end", msg("其中：中止审理中"), 1, "suspended_rule", ()),
)


def stats_report(db: Database, request: ReportRequest, *, today: dt.date | None = None) -> StatsReport:
    """The 劳动人事争议处理情况 table for ``request`` (all accepted cases; filters by the case's
    circuit tribunal and its zone), with the same period last year.

    Raises:
        ValidationError: the period ends before it starts, or has not begun yet.
        NotFound: the zone or tribunal asked for does not exist.
    """
    today = today or dt.date.today()
    with db.session(write=False) as s:
        scope = _scope(s, request, today)
        base = _stats_case_filter(scope.zone_id, scope.tribunal_id)
        now = _stats_counts(s, scope.period, base)
        last = _stats_counts(s, scope.last_year, base)
    lines = [FigureLine(key, label, now[key], last[key], "count", definition, indent, sums)
             for key, label, indent, definition, sums in _STATS_LAYOUT]
    notes = []
    if now["decided_without_result"]:
        notes.append(msg("本期调解或裁决结案的案件中有 {now} 件未登记处理结果；请在案件中更正结案信息（结案 → 更正结案）。", now=now['decided_without_result']))
    return StatsReport(scope, tuple(lines), tuple(notes))


# ---------------------------------------------------------------- dashboard


def dashboard_figures(db: Database, *, today: dt.date | None = None) -> DashboardFigures:
    """This month's sessions on site, observers checked in and the circuit cases' mediation rate."""
    today = today or dt.date.today()
    period = Period(today.replace(day=1), today)
    on_site = _on_site(None, None)
    with db.session(write=False) as s:
        conn = s.connection()
        starts = _between(Hearing.starts_at, period.start, period.end)
        sessions = {(when.date(), host) for when, host in conn.execute(
            select(Hearing.starts_at, Hearing.host_enterprise_id).where(*on_site, starts))}
        observers = conn.execute(
            select(func.count(Invitation.id)).join(Hearing, Hearing.id == Invitation.hearing_id)
            .where(Invitation.status == InvitationStatus.ATTENDED, *on_site, starts)).scalar() or 0
        closed: dict[CaseOutcome | None, int] = dict(conn.execute(
            select(Case.outcome, func.count(Case.id))
            .where(Case.closed_date >= period.start, Case.closed_date <= period.end,
                   Case.accepted_date.is_not(None),
                   Case.outcome.in_([CaseOutcome.MEDIATED, CaseOutcome.AWARDED]), _circuit_case(None, None))
            .group_by(Case.outcome)).all())
    return DashboardFigures(period, len(sessions), observers, closed.get(CaseOutcome.MEDIATED, 0),
                            closed.get(CaseOutcome.AWARDED, 0))


def dashboard_request(today: dt.date | None = None) -> ReportRequest:
    """The request behind the dashboard's figures (this month so far), for their lists."""
    today = today or dt.date.today()
    return ReportRequest(today.replace(day=1), today)


# ---------------------------------------------------------------- the lists behind the figures

_CASE_HEADERS: Final = (msg("案号"), msg("案由"), msg("申请人"), msg("被申请人"), msg("受理日期"), msg("结案日期"), msg("结案方式"))


def _case_rows(s: Session, ids: Iterable[int], extra: Mapping[int, tuple[str, ...]] | None = None) -> list[ListRow]:
    wanted = list(dict.fromkeys(ids))
    rows: dict[int, ListRow] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for r in s.execute(
            select(Case.id, Case.number, Case.case_type, Case.applicant_names, Case.respondent_names,
                   Case.accepted_date, Case.closed_date, Case.outcome, Case.mediated_on_site)
            .where(Case.id.in_(chunk))
        ):
            outcome = (r.outcome.label_zh + (msg("（当庭）") if r.mediated_on_site else "")) if r.outcome else msg("未结")
            cells = (r.number, r.case_type.label_zh, r.applicant_names, r.respondent_names,
                     r.accepted_date.isoformat() if r.accepted_date else "",
                     r.closed_date.isoformat() if r.closed_date else "", outcome)
            rows[r.id] = ListRow(cells + (extra or {}).get(r.id, ()), r.id)
    return sorted(rows.values(), key=lambda row: row.cells[0])


def _case_list(s: Session, key: str, title: str, ids: Iterable[int],
               extra_headers: tuple[str, ...] = (), extra: Mapping[int, tuple[str, ...]] | None = None) -> FigureList:
    return FigureList(key, title, "cases", _CASE_HEADERS + extra_headers, tuple(_case_rows(s, ids, extra)))


def _enterprise_list(s: Session, key: str, title: str, ids: Iterable[int]) -> FigureList:
    wanted = set(ids)
    rows = [ListRow((name, zone or "", address or ""))
            for eid, name, zone, address in s.execute(
                select(Enterprise.id, Enterprise.name, Zone.name, Enterprise.address)
                .outerjoin(Zone, Zone.id == Enterprise.zone_id).order_by(Enterprise.name, Enterprise.id))
            if eid in wanted]
    return FigureList(key, title, "enterprises", (msg("企业名称"), msg("开发区"), msg("地址")), tuple(rows))


def _hearing_label_rows(s: Session, hearings: Sequence[_HeldHearing]) -> list[ListRow]:
    names = dict(s.execute(select(Enterprise.id, Enterprise.name)
                           .where(Enterprise.id.in_({h.host_id for h in hearings} or {0}))).all())
    numbers = dict(s.execute(select(Case.id, Case.number)
                             .where(Case.id.in_({h.case_id for h in hearings} or {0}))).all())
    return [ListRow((h.day.isoformat(), numbers.get(h.case_id, ""), h.case_type.label_zh,
                     names.get(h.host_id, "")), h.case_id)
            for h in sorted(hearings, key=lambda h: (h.day, h.id))]


def figure_list(db: Database, request: ReportRequest, key: str, *, last_year: bool = False,
                today: dt.date | None = None) -> FigureList:
    """The cases, hearings, enterprises or people a figure of the report counts.

    ``key`` is a :class:`FigureLine` key of :func:`circuit_lines` or of the statistics table.
    The list is taken from the same facts as the figure, so its length is the figure.

    Raises:
        ValidationError: an unknown key, or a bad period.
        NotFound: the zone or tribunal asked for does not exist.
    """
    today = today or dt.date.today()
    calendar = calendar_service.calendar(db)
    with db.session(write=False) as s:
        scope = _scope(s, request, today)
        period = scope.last_year if last_year else scope.period
        stats_keys = {k for k, *_ in _STATS_LAYOUT}
        if key in stats_keys:
            return _stats_list(s, scope, period, key)
        facts = _load_facts(s, scope, period.start, period.end, calendar)
        sel = _select(facts, period)
        when = msg("（{period}）", period=period.label)
        if key == "sessions":
            names = dict(s.execute(select(Enterprise.id, Enterprise.name)
                                   .where(Enterprise.id.in_({h for _d, h in sel.sessions} or {0}))).all())
            numbers = dict(s.execute(select(Case.id, Case.number)
                                     .where(Case.id.in_(sel.cases_on_site or {0}))).all())
            rows = tuple(
                ListRow((day.isoformat(), names.get(host, ""), str(len(hs)),
                         "、".join(sorted({numbers.get(h.case_id, "") for h in hs}))),
                        hs[0].case_id if len({h.case_id for h in hs}) == 1 else None)
                for (day, host), hs in sorted(sel.sessions.items()))
            return FigureList(key, msg("巡回开庭场次{when}", when=when), "sessions", (msg("日期"), msg("开庭企业"), msg("开庭次数"), msg("案号")), rows)
        if key == "hearings_on_site":
            return FigureList(key, msg("在企业开庭{when}", when=when), "hearings", (msg("开庭日期"), msg("案号"), msg("案由"), msg("开庭企业")),
                              tuple(_hearing_label_rows(s, sel.hearings)))
        if key == "cases_on_site" or key.startswith("type:"):
            wanted = None if key == "cases_on_site" else _TYPES[key.split(":", 1)[1]]
            ids: Iterable[int] = [cid for cid, t in sel.cases_on_site.items() if wanted is None or t == wanted]
            title = (msg("现场审理案件：{case_type}{when}", case_type=wanted, when=when) if wanted
                     else msg("现场审理案件{when}", when=when))
            return _case_list(s, key, title, ids)
        if key in ("circuit_closed", "mediated_on_site", "mediated_later", "awarded", "withdrawn",
                   "other_closed", "mediation_rate", "claimed_fen", "agreed_fen", "awarded_fen"):
            picked = sel.closed_where(key)
            if key == "agreed_fen":
                picked = [c for c in picked if c.outcome == CaseOutcome.MEDIATED]
            elif key == "awarded_fen":
                picked = [c for c in picked if c.outcome == CaseOutcome.AWARDED]
            extra: dict[int, tuple[str, ...]] = {c.id: (_yuan(c.claimed_fen), _yuan(c.amount_fen))
                                                 for c in picked}
            titles = {"circuit_closed": msg("巡回庭案件结案"), "mediated_on_site": msg("当庭调解"),
                      "mediated_later": msg("其他调解结案"), "awarded": msg("裁决结案"), "withdrawn": msg("撤回"),
                      "other_closed": msg("其他方式结案"), "mediation_rate": msg("调解或裁决结案（调解成功率的分母）"),
                      "claimed_fen": msg("巡回庭结案案件的请求金额"), "agreed_fen": msg("调解结案案件的调解金额"),
                      "awarded_fen": msg("裁决结案案件的裁决金额")}
            return _case_list(s, key, msg("{title}{when}", title=titles[key], when=when), [c.id for c in picked],
                              (msg("请求金额（元）"), msg("调解或裁决金额（元）")), extra)
        if key in ("cycle_mean", "cycle_median", "net_cycle_mean", "net_cycle_median"):
            extra = {}
            for c in sel.closed:
                clock = facts.clocks.get(c.id)
                net = net_cycle_days(c.accepted, c.closed, clock.excluded if clock else ())
                extra[c.id] = (str(cycle_days(c.accepted, c.closed)), str(net))
            return _case_list(s, key, msg("巡回庭结案案件的审理周期{when}", when=when), [c.id for c in sel.closed],
                              (msg("审理周期（天）"), msg("扣除中止、公告后（天）")), extra)
        if key in ("on_time_rate", "on_time_allowed_rate", "on_time_base", "on_time", "on_time_allowed"):
            extra = {}
            for c in sel.closed:
                clock = facts.clocks.get(c.id)
                if clock is None or clock.due is None or clock.due_allowed is None:
                    extra[c.id] = (msg("无法计算"), "", msg("未计入"))
                    continue
                due = clock.due if key in ("on_time_rate", "on_time") else clock.due_allowed
                extra[c.id] = (due.isoformat(), msg("是") if c.closed <= due else msg("否"), "")
            shown = [c.id for c in sel.closed]
            if key == "on_time_base":
                shown = [cid for cid in shown if extra[cid][1]]
            elif key in ("on_time", "on_time_allowed"):
                shown = [cid for cid in shown if extra[cid][1] == "是"]
            return _case_list(s, key, msg("巡回庭结案案件是否按期结案{when}", when=when), shown,
                              (msg("审理期限届满日"), msg("按期结案"), msg("备注")), extra)
        if key in ("enterprises_total", "hosts", "observer_enterprises"):
            ids = {"hosts": sel.hosts, "observer_enterprises": sel.observer_enterprises,
                   "enterprises_total": sel.hosts | sel.observer_enterprises}[key]
            titles = {"hosts": msg("承办开庭的企业"), "observer_enterprises": msg("派员旁听的企业"),
                      "enterprises_total": msg("覆盖企业")}
            return _enterprise_list(s, key, msg("{title}{when}", title=titles[key], when=when), ids)
        if key == "never_reached":
            reached = _reached_ever(s, period.end)
            ids = [i for i, *_ in _directory(s, scope.zone_id) if i not in reached]
            return _enterprise_list(s, key, msg("名录中从未覆盖的企业（截至{isoformat}）", isoformat=period.end.isoformat()), ids)
        if key in ("observers", "observer_people", "walk_ins"):
            return _people_list(s, key, when, sel)
        if key in ("training_sessions", "trainees", "topics"):
            return _training_list(s, key, when, sel)
        if key in ("recommendations_sent", "recommendations_answered"):
            return _recommendation_list(s, key, when, scope, period)
        raise ValidationError(msg("报表中没有“{key}”这一项", key=key), {"key": msg("未知的统计项")})


def _yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen / 100:,.2f}"


def _people_list(s: Session, key: str, when: str, sel: _Selection) -> FigureList:
    picked = [a for a in sel.attendance if key != "walk_ins" or a.walk_in]
    ids = {a.id for a in picked}
    rows = []
    seen: set[int] = set()
    host = Enterprise.__table__.alias("host")
    for iid, name, employer, starts, number, host_name, walk_in, oid, case_id in s.execute(
        select(Invitation.id, Observer.name, Enterprise.name, Hearing.starts_at, Case.number, host.c.name,
               Invitation.walk_in, Observer.id, Case.id)
        .join(Observer, Observer.id == Invitation.observer_id)
        .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
        .join(Hearing, Hearing.id == Invitation.hearing_id)
        .join(Case, Case.id == Hearing.case_id)
        .outerjoin(host, host.c.id == Hearing.host_enterprise_id)
        .where(Invitation.id.in_(ids or {0}))
        .order_by(Hearing.starts_at, Observer.name, Invitation.id)
    ):
        if key == "observer_people":
            if oid in seen:
                continue
            seen.add(oid)
        del iid
        rows.append(ListRow((name, employer or "", starts.date().isoformat(), host_name or "", number,
                             msg("现场登记") if walk_in else ""), case_id))
    titles = {"observers": msg("旁听人次"), "observer_people": msg("旁听人员（按人去重，列出第一次旁听）"),
              "walk_ins": msg("现场登记旁听")}
    return FigureList(key, msg("{title}{when}", title=titles[key], when=when), "people", (msg("姓名"), msg("单位"), msg("旁听日期"), msg("开庭企业"), msg("案号"), msg("备注")),
                      tuple(rows))


def _recommendation_list(s: Session, key: str, when: str, scope: Scope, period: Period) -> FigureList:
    where = _recommendation_where(scope, period.start, period.end)
    if key == "recommendations_answered":
        where.append(Recommendation.replied_on.is_not(None))
    rows = tuple(
        ListRow((issued.isoformat(), addressee, number or "", due.isoformat(),
                 replied.isoformat() if replied else msg("未回复")), case_id)
        for issued, addressee, number, due, replied, case_id in s.execute(
            select(Recommendation.issued_on, Recommendation.addressee, Case.number, Recommendation.reply_due,
                   Recommendation.replied_on, Recommendation.case_id)
            .outerjoin(Case, Case.id == Recommendation.case_id).where(*where)
            .order_by(Recommendation.issued_on, Recommendation.id)))
    title = msg("发出的仲裁建议书") if key == "recommendations_sent" else msg("已回复的仲裁建议书")
    return FigureList(key, msg("{title}{when}", title=title, when=when), "cases", (msg("发出日期"), msg("致送单位"), msg("案号"), msg("回复期限"), msg("回复日期")), rows)


def _training_list(s: Session, key: str, when: str, sel: _Selection) -> FigureList:
    ids = [t.id for t in sel.trainings]
    if key == "topics":
        counts = Counter(topic for t in sel.trainings for topic in t.topics)
        rows = tuple(ListRow((title, str(n))) for title, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
        return FigureList(key, msg("讲授专题{when}", when=when), "trainings", (msg("专题"), msg("讲授场次")), rows)
    if key == "training_sessions":
        rows = tuple(
            ListRow((starts.date().isoformat(), title, speaker or "", venue or "",
                     str(next((t.attendance for t in sel.trainings if t.id == sid), 0))))
            for sid, starts, title, speaker, venue in s.execute(
                select(TrainingSession.id, TrainingSession.starts_at, TrainingSession.title,
                       TrainingSession.speaker, TrainingSession.venue)
                .where(TrainingSession.id.in_(ids or [0])).order_by(TrainingSession.starts_at)))
        return FigureList(key, msg("培训场次{when}", when=when), "trainings", (msg("日期"), msg("培训主题"), msg("主讲人"), msg("地点"), msg("签到人次")), rows)
    rows = tuple(
        ListRow((name, enterprise or observer_employer or "", starts.date().isoformat(), title))
        for name, enterprise, observer_employer, starts, title in s.execute(
            select(TrainingAttendance.name, TrainingAttendance.enterprise_name, Enterprise.name,
                   TrainingSession.starts_at, TrainingSession.title)
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .outerjoin(Observer, Observer.id == TrainingAttendance.observer_id)
            .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(TrainingAttendance.session_id.in_(ids or [0]))
            .order_by(TrainingSession.starts_at, TrainingAttendance.id)))
    return FigureList(key, msg("培训人次{when}", when=when), "people", (msg("姓名"), msg("单位"), msg("培训日期"), msg("培训主题")), rows)


def _stats_list(s: Session, scope: Scope, period: Period, key: str) -> FigureList:
    base = _stats_case_filter(scope.zone_id, scope.tribunal_id)
    sets = _stats_sets(period, base)
    label = next(label for k, label, *_ in _STATS_LAYOUT if k == key)
    where = sets["accepted"] if key == "workers" else sets[key]
    ids = list(s.scalars(select(Case.id).where(where)))
    extra: dict[int, tuple[str, ...]] | None = None
    headers: tuple[str, ...] = ()
    if key == "workers":
        extra = {cid: (str(n),) for cid, n in s.execute(select(Case.id, Case.worker_count).where(where))}
        headers = (msg("劳动者人数"),)
    return _case_list(s, key, f"{label}（{period.label}）", ids, headers, extra)

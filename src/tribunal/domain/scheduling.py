"""Scheduling rules (排期规则): the conflict checks of a proposed hearing, as pure functions.

The services layer gathers, with a handful of indexed queries, only what the rules need —
the case, its parties and their service records, the room, the people, the invited
observers and the hearings of the day before, the day itself and the day after — into plain
:class:`Facts` (``tribunal.services.conflicts.gather``). Every rule here is a function
``Facts -> list[Finding]``; :func:`evaluate` runs them all. A :class:`Finding` names the
clash in words a clerk can act on and says what would fix it.

Severities: ``hard`` blocks saving; ``warning`` may be overridden with a recorded reason
(:func:`verdict`); ``info`` is shown and needs nothing (e.g. "notice not served yet, serve
it by 12-01").

The hearing as the scheduling dialog sends it (:class:`HearingInput`) and the checks of the
typed input itself (:func:`input_problems`: times, the lawful reasons for a closed hearing)
live here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

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
from tribunal.domain.legal_calendar import WEEKDAY_NAMES, LegalCalendar, UnknownYearError
from tribunal.domain.periods import PeriodCalculator
from tribunal.domain.validators import normalise
from tribunal.errors import ConflictError
from tribunal.texts import joined, msg

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

SIMPLIFIED_BASIS: Final = msg("《劳动人事争议仲裁办案规则》第五十九条")
OPEN_HEARING_BASIS: Final = msg("《劳动争议调解仲裁法》第二十六条")
OBSERVER_BASIS: Final = msg(
    "旁听规则：与本案有利害关系的人员不得旁听（参照各地仲裁庭旁听规则，如上海市 2013 年试行规则）"
)
COLLECTIVE_VENUE_BASIS: Final = msg(
    "《劳动人事争议仲裁办案规则》集体劳动人事争议处理一节：开庭场所可设在发生争议的用人单位（条文待核对）"
)
_WEEKDAYS: Final = WEEKDAY_NAMES


# ---------------------------------------------------------------- lawful reasons for a closed hearing


@dataclass(frozen=True)
class ClosedReason:
    """A lawful reason to hear a case in private (不公开审理的法定情形)."""

    key: str
    label_zh: str
    basis: str

    @property
    def text(self) -> str:
        """What is stored and printed, e.g. ``涉及个人隐私（《劳动争议调解仲裁法》第二十六条）``."""
        return f"{self.label_zh}（{self.basis}）"


#: 法 art. 26: public unless the parties agree otherwise, or state secrets, commercial
#: secrets or personal privacy are involved.
CLOSED_REASONS: tuple[ClosedReason, ...] = (
    ClosedReason("agreement", "当事人协议不公开进行", OPEN_HEARING_BASIS),
    ClosedReason("state_secret", "涉及国家秘密", OPEN_HEARING_BASIS),
    ClosedReason("commercial_secret", "涉及商业秘密", OPEN_HEARING_BASIS),
    ClosedReason("privacy", "涉及个人隐私", OPEN_HEARING_BASIS),
)


def closed_reason_text(value: str | None) -> str | None:
    """The stored text for a closed-hearing reason given by key, label or full text; None if not lawful.

    A text that begins with one of the lawful reasons (e.g. ``涉及个人隐私，当事人申请不公开审理…``)
    is kept as the clerk wrote it.
    """
    text = (value or "").strip()
    if not text:
        return None
    for reason in CLOSED_REASONS:
        if text in (reason.key, reason.label_zh):
            return reason.text
        if text.startswith(reason.label_zh):
            return text[:200]
    return None


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
        return {HARD: msg("冲突"), WARNING: msg("提醒"), INFO: msg("提示")}[self.severity]


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
            message = msg("开庭安排有冲突，未保存：{items}", items=joined(hard))
        else:
            message = msg("开庭安排有以下提醒，请核实后填写理由再保存：{items}", items=joined(warnings))
        super().__init__(message)


@dataclass(frozen=True)
class HearingInput:
    """A hearing as the scheduling dialog sends it.

    ``host_enterprise_id`` may be left None: it is taken from the room. ``panel`` holds
    ``(staff_id, PanelRole)`` per seat. ``closed_reason`` is a key of :data:`CLOSED_REASONS`,
    its label, or a text starting with the label. ``tribunal_id`` None means the case's.
    """

    case_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    room_id: int | None
    host_enterprise_id: int | None = None
    public: bool = True
    closed_reason: str | None = None
    panel: tuple[tuple[int, PanelRole], ...] = ()
    clerk_id: int | None = None
    tribunal_id: int | None = None


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
class DefencePeriod:
    """One respondent's defence period, from its own receipt of the application copy (法 30).

    Attributes:
        party: the respondent's name.
        served: the day it received the application copy (or counts as served by public
            notice); None when no receipt is recorded.
        due: the last day of its defence period (None: not running yet, or its year is not
            loaded).
        basis: the articles of the period.
    """

    party: str
    served: dt.date | None
    due: dt.date | None
    basis: str


@dataclass(frozen=True)
class AwardClock:
    """The case's clocks as the case page shows them (from :mod:`tribunal.services.clocks`).

    Attributes:
        due: the legal last day (45 days, or 60 once the extension is approved, suspension
            days left out); None when not accepted or its year's holidays are not loaded.
        unrolled: the last day before rolling over a rest day; a hearing on or before it is
            in time whatever the calendar says.
        extended: the extension is approved.
        suspended: a suspension runs today, so the last day still moves.
        unknown_year: the year that stopped the computation, if any.
        basis: the legal basis of the period.
        defences: each respondent's defence period (several respondents: each its own).
    """

    due: dt.date | None
    unrolled: dt.date | None
    extended: bool
    suspended: bool
    unknown_year: int | None
    basis: str
    defences: tuple[DefencePeriod, ...] = ()


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
        out: list[tuple[int, str]] = [(sid, msg("仲裁员")) for sid, _ in self.panel]
        if self.clerk_id is not None:
            out.append((self.clerk_id, msg("书记员")))
        return out

    def active_guests(self) -> list[Guest]:
        """Invitations that still stand (not declined)."""
        return [g for g in self.guests if g.status != InvitationStatus.DECLINED]


def _fold(name: str) -> str:
    """A company name folded for comparison: half-width, no spaces, brackets unified."""
    return normalise(name, remove=" \u3000").replace("（", "(").replace("）", ")").lower()


def venue_key(room_id: int | None, enterprise_id: int | None, host_id: int | None, hearing_id: int) -> str:
    """Which place a hearing is at, for the travel rule: one enterprise's site, or the commission."""
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


# ---------------------------------------------------------------- checking the input


def input_problems(data: HearingInput) -> dict[str, str]:
    """Problems with the typed hearing itself (times, closed reason), by field.

    Field keys: ``starts_at``, ``ends_at``, ``closed_reason``.
    """
    errors: dict[str, str] = {}
    start, end = data.starts_at, data.ends_at
    if end <= start:
        errors["ends_at"] = msg("结束时间应晚于开始时间")
    elif end.date() != start.date():
        errors["ends_at"] = msg("开庭应在同一天内开始和结束")
    elif end.time() > DAY_END:
        errors["ends_at"] = msg("开庭应在 {DAY_END:%H:%M} 前结束", DAY_END=DAY_END)
    if start.time() < DAY_START:
        errors["starts_at"] = msg("开庭不应早于 {DAY_START:%H:%M} 开始", DAY_START=DAY_START)
    elif start.time() >= DAY_END:
        errors["starts_at"] = msg("开庭应在 {DAY_END:%H:%M} 前开始", DAY_END=DAY_END)
    if not data.public:
        if not (data.closed_reason or "").strip():
            errors["closed_reason"] = msg("不公开审理须选择法定理由：{items}", items="、".join(r.label_zh for r in CLOSED_REASONS))
        elif closed_reason_text(data.closed_reason) is None:
            errors["closed_reason"] = (
                msg("不公开审理的理由须为《劳动争议调解仲裁法》第二十六条规定的情形之一：{items}", items="、".join(r.label_zh for r in CLOSED_REASONS))
            )
    return errors


def verdict(findings: list[Finding], override_reason: str | None) -> str | None:
    """Raise when saving must not go ahead; return the override reason to store (or None)."""
    if any(f.severity == HARD for f in findings):
        raise HearingConflict(findings)
    warnings = [f for f in findings if f.severity == WARNING]
    reason = (override_reason or "").strip()
    if warnings and not reason:
        raise HearingConflict(findings)
    return reason if warnings else None


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
        msg("{year} 年的法定节假日安排尚未载入，无法核对该年的工作日和节假日", year=error.year),
        None, msg("在【设置→法定节假日】中导入该年安排后再核对"),
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
        return [Finding("time.past", WARNING, msg("开庭日期 {day} 早于今天 {today}", day=f.day, today=f.today),
                        None, msg("如是补录已经开过的庭，请在理由中说明"))]
    return []


def rule_case_state(f: Facts) -> list[Finding]:
    """The case must exist, be accepted, still open, and not suspended."""
    c = f.case
    if c is None:
        return [Finding("case.missing", HARD, msg("找不到这件案件，可能已被删除"), None, msg("重新选择案件"))]
    if c.status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
        return [Finding("case.closed", HARD, msg("案件 {number} {status}，不能再安排开庭", number=c.number, status=c.status))]
    if c.accepted_date is None:
        return [Finding("case.not_accepted", HARD, msg("案件 {number} 尚未受理，不能安排开庭", number=c.number),
                        None, msg("先登记受理日期"))]
    if f.day < c.accepted_date:
        return [Finding("case.before_acceptance", HARD,
                        msg("开庭日期 {day} 早于案件 {number} 的受理日期 {accepted_date}", day=f.day, number=c.number, accepted_date=c.accepted_date),
                        None, msg("改到 {accepted_date} 之后", accepted_date=c.accepted_date))]
    if c.status == CaseStatus.SUSPENDED:
        return [Finding("case.suspended", WARNING, msg("案件 {number} 处于中止审理状态", number=c.number),
                        msg("《劳动人事争议仲裁办案规则》第四十七条"), msg("中止事由消除、恢复审理后再开庭"))]
    return []


def rule_room(f: Facts) -> list[Finding]:
    """A room is chosen, exists, is in use, and agrees with the host enterprise given."""
    if f.room_id is None:
        return [Finding("room.missing", HARD, msg("尚未选择开庭地点（东道企业的会议室或本院仲裁庭）"),
                        None, msg("选择一个开庭地点"))]
    if f.room is None:
        return [Finding("room.missing", HARD, msg("所选的开庭地点已不存在"), None, msg("重新选择开庭地点"))]
    out = []
    if not f.room.active:
        out.append(Finding("room.inactive", HARD, msg("{venue} 已停用", venue=f.room.venue), None, msg("换一个开庭地点")))
    room_host = f.room.host.enterprise_id if f.room.host else None
    if f.host_enterprise_id is not None and f.host_enterprise_id != room_host:
        out.append(Finding("room.host_mismatch", HARD,
                           msg("所选会议室 {venue} 不属于所选的东道企业", venue=f.room.venue), None,
                           msg("重新选择东道企业的会议室")))
    return out


def rule_panel(f: Facts) -> list[Finding]:
    """A lawful tribunal (one sole arbitrator, or a presiding one and two), and a clerk not on it."""
    out: list[Finding] = []
    if not f.panel:
        out.append(Finding("panel.missing", HARD, msg("尚未指定仲裁庭组成"), panel_rules.PANEL_BASIS,
                           msg("指定一名独任仲裁员，或一名首席仲裁员和两名仲裁员")))
    problems = panel_rules.panel_problems(f.panel, f.clerk_id)
    if "arbitrators" in problems:
        out.append(Finding("panel.composition", HARD, problems["arbitrators"], panel_rules.PANEL_BASIS,
                           msg("指定一名独任仲裁员，或一名首席仲裁员和两名仲裁员")))
    if "clerk" in problems:
        clerk = f.staff.get(f.clerk_id) if f.clerk_id is not None else None
        name = clerk.name if clerk is not None else ""
        out.append(Finding("panel.clerk_on_panel", HARD, msg("书记员{name}同时在仲裁庭中任仲裁员", name=name),
                           panel_rules.CLERK_BASIS, msg("换一名书记员，或换一名仲裁员")))
    if f.clerk_id is None:
        out.append(Finding("panel.no_clerk", HARD, msg("尚未指定书记员"), None, msg("指定一名书记员")))
    for sid, _role in f.panel:
        person = f.staff.get(sid)
        if person is None:
            out.append(Finding("panel.unknown_staff", HARD, msg("所选仲裁员已不存在"), None, msg("重新选择仲裁员")))
        elif person.role != StaffRole.ARBITRATOR:
            out.append(Finding("panel.not_arbitrator", HARD, msg("{name}不是仲裁员，不能在仲裁庭任职", name=person.name),
                               None, msg("重新选择仲裁员")))
    if f.clerk_id is not None:
        clerk = f.staff.get(f.clerk_id)
        if clerk is None:
            out.append(Finding("panel.unknown_staff", HARD, msg("所选书记员已不存在"), None, msg("重新选择书记员")))
        elif clerk.role != StaffRole.CLERK and "clerk" not in problems:
            out.append(Finding("panel.not_clerk", HARD, msg("{name}不是书记员", name=clerk.name), None, msg("重新选择书记员")))
    if f.case is not None and f.case.seats and f.panel and frozenset(f.panel) != f.case.seats:
        out.append(Finding("panel.differs_from_case", WARNING,
                           msg("本场仲裁庭组成与案件 {number} 登记的仲裁庭不一致", number=f.case.number), panel_rules.PANEL_BASIS,
                           msg("按案件登记的仲裁庭安排；如确需变更组成，应书面通知当事人并先修改案件")))
    return out


def rule_inactive_staff(f: Facts) -> list[Finding]:
    """Staff who have left (inactive) cannot be booked."""
    return [Finding("staff.inactive", HARD, msg("{job}{name}已停用", job=job, name=f.staff[sid].name), None, msg("换一名{job}", job=job))
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
                    msg("{job}{name}在 {span} 已安排 {case_number} 的开庭（{venue}）", job=job, name=person.name, span=_span(b.starts_at, b.ends_at), case_number=b.case_number, venue=b.venue),
                    None, msg("改到 {hm} 之后，或换一名{job}", hm=_hm(b.ends_at), job=job),
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
                gap, fix = f.starts_at - b.ends_at, msg("把本场改到 {time} 或之后开始", time=_hm(b.ends_at + need))
            else:
                gap, fix = b.starts_at - f.ends_at, msg("本场在 {time} 或之前结束", time=_hm(b.starts_at - need))
            if gap < need:
                minutes = int(gap.total_seconds() // 60)
                out.append(Finding(
                    "staff.travel", HARD,
                    msg("{job}{name}当天 {hm}–{hm2} 在 {venue} 开庭（{case_number}），与本场相隔 {minutes} 分钟，不足路途所需的 {travel_minutes} 分钟", job=job, name=person.name, hm=_hm(b.starts_at), hm2=_hm(b.ends_at), venue=b.venue, case_number=b.case_number, minutes=minutes, travel_minutes=f.travel_minutes),
                    None, msg("{fix}，或换一名{job}", fix=fix, job=job),
                ))
    return out


def rule_room_double_booked(f: Facts) -> list[Finding]:
    """The room already holds another hearing at an overlapping time."""
    if f.room is None:
        return []
    return [
        Finding("room.double_booked", HARD,
                msg("{venue} 在 {span} 已安排 {case_number} 的开庭", venue=f.room.venue, span=_span(b.starts_at, b.ends_at), case_number=b.case_number),
                None, msg("换一个会议室，或改到 {hm} 之后", hm=_hm(b.ends_at)))
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
                        msg("已邀请旁听 {n} 人，超过 {venue} 的容量 {capacity} 人", n=n, venue=f.room.venue, capacity=f.room.capacity),
                        None, msg("换一个更大的会议室，或减少 {value} 名旁听人员", value=n - f.room.capacity))]
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
                        msg("东道企业 {name} 是本案{role}（集体争议可在发生争议的用人单位开庭）", name=f.room.host.name, role=party.role),
                        COLLECTIVE_VENUE_BASIS, msg("确认在争议单位开庭有利于及时处理，并在理由中说明"))]
    return [Finding("host.is_party", HARD,
                    msg("东道企业 {name} 是本案{role}，不宜在该企业开庭", name=f.room.host.name, role=party.role),
                    None, msg("换一家东道企业，或在本院仲裁庭开庭"))]


def rule_observer_is_party(f: Facts) -> list[Finding]:
    """An invited observer works for a party: an interested person, who may not observe."""
    out = []
    for g in f.active_guests():
        if g.organisation is None:
            continue
        party = _party_matching(g.organisation, f.parties)
        if party is not None:
            out.append(Finding("observer.is_party", HARD,
                               msg("旁听人员{name}（{name2}）所在单位是本案{role}，与本案有利害关系，不得旁听", name=g.name, name2=g.organisation.name, role=party.role),
                               OBSERVER_BASIS, msg("取消对{name}的旁听邀请", name=g.name)))
    return out


def rule_closed_observers(f: Facts) -> list[Finding]:
    """A hearing that is not public admits no observers."""
    n = len(f.active_guests())
    if not f.public and n:
        return [Finding("observer.closed_hearing", HARD, msg("本场不公开审理，但已邀请 {n} 名旁听人员", n=n),
                        OPEN_HEARING_BASIS, msg("撤销全部旁听邀请，或确认本案可以公开审理"))]
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
            who = msg("{role}{name}", role=p.role, name=p.name)
            usable = [x for x in p.services
                      if x.served_on is not None and (x.confirmed or x.method not in SIMPLIFIED_METHODS)]
            if usable:
                served = min(x.served_on for x in usable if x.served_on is not None)
                check = f.periods.notice_is_timely(served, f.day)
                if not check.timely:
                    earliest = f.periods.earliest_hearing(served).date
                    out.append(Finding(
                        "notice.too_late", HARD,
                        msg("{who}于 {served} 收到开庭通知，距开庭日 {day} 只有 {working_days_between} 个完整工作日，不足 {required} 个", who=who, served=served, day=f.day, working_days_between=check.working_days_between, required=check.required),
                        rule.basis, msg("改到 {earliest} 或之后开庭", earliest=earliest),
                    ))
            elif p.services:
                out.append(Finding(
                    "notice.unconfirmed", WARNING,
                    msg("向{who}发出的开庭通知仅以电话或电子方式送达，尚未确认收到", who=who),
                    SIMPLIFIED_BASIS, msg("在 {latest} 前取得收到确认或另行书面送达；未确认的不能缺席裁决或按撤回处理", latest=latest),
                ))
            elif f.today <= latest:
                out.append(Finding("notice.not_served", INFO, msg("尚未向{who}送达开庭通知", who=who),
                                   rule.basis, msg("最迟于 {latest} 送达", latest=latest)))
            else:
                out.append(Finding(
                    "notice.not_served", WARNING,
                    msg("尚未向{who}送达开庭通知，且已过最迟送达日 {latest}", who=who, latest=latest),
                    rule.basis, msg("推迟开庭日期，或取得当事人书面同意后在理由中说明"),
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
    limit = msg("延长后的审理期限") if a.extended else msg("审理期限")
    message = msg("开庭日 {day} 晚于案件 {number} 的{limit}届满日 {due}", day=f.day, number=c.number,
                  limit=limit, due=a.due)
    if a.suspended:
        # The clock stands still today: the last day moves with every day of the suspension.
        return [Finding("deadline.award", WARNING, msg("{message}（案件中止审理中，届满日将随中止期间顺延）", message=message),
                        a.basis, msg("恢复审理时重新核对审理期限"))]
    fix = (msg("把开庭提前到 {due} 或之前；如有中止审理期间请先登记", due=a.due) if a.extended
           else msg("把开庭提前到 {due} 或之前，或经批准延长审理期限并登记后再排期", due=a.due))
    return [Finding("deadline.award", HARD, message, a.basis, fix)]


def rule_defence_period(f: Facts) -> list[Finding]:
    """A hearing before a respondent's defence period ends (法 30: ten days from its own receipt).

    A warning, not a block: the respondent may waive the rest of the period, and not answering
    does not stop the proceedings (法 30); the clerk records why the hearing is set that day.
    """
    if f.award is None or f.case is None or f.case.accepted_date is None:
        return []
    out: list[Finding] = []
    for d in f.award.defences:
        if d.due is not None and f.day <= d.due:
            after = d.due + dt.timedelta(days=1)
            out.append(Finding(
                "defence.running", WARNING,
                msg("开庭日 {day} 在被申请人{party}的答辩期内（{served} 收到申请书副本，答辩期至 {due}）", day=f.day, party=d.party, served=d.served, due=d.due),
                d.basis, msg("改到 {after} 或之后开庭，或取得{party}放弃剩余答辩期的书面意见并在理由中说明", after=after, party=d.party)))
        elif d.served is None and d.due is None:
            out.append(Finding("defence.not_served", INFO,
                               msg("尚未登记被申请人{party}收到申请书副本的日期，无法核对其答辩期", party=d.party),
                               d.basis, msg("在“期限”页登记送达申请书副本的日期")))
    return out


def rule_rest_day(f: Facts) -> list[Finding]:
    """A hearing on a weekend or statutory holiday (allowed, but worth a second look)."""
    try:
        if not f.calendar.is_rest_day(f.day):
            return []
        name = f.calendar.day_name(f.day)
    except UnknownYearError as error:
        return [_unknown_year(error)]
    what = (msg("{name}（法定节假日）", name=name) if name
            else msg("{weekday}（休息日）", weekday=_WEEKDAYS[f.day.weekday()]))
    return [Finding("calendar.rest_day", WARNING, msg("开庭日 {day} 是{what}", day=f.day, what=what),
                    None, msg("改到工作日，或在理由中说明为何在休息日开庭"))]


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
    rule_defence_period,
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

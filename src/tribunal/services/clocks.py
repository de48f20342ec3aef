"""Statutory clocks of cases (办案期限): every due date with its legal basis and state, and the
dated history of what changes them.

Every change to a case's time limit is one event of ``clock_event`` (who entered it, when, and
its own date). The clocks are computed from the whole history in event-date order
(:func:`tribunal.domain.clock_history.replay`), whatever order the events were entered in.
An entry is judged by its date against the clock the earlier-dated events give; an entry the
law does not allow on that date, or one that would make an event already recorded unlawful,
is refused with a message naming the event. docs/legal-basis.md §3 sets out the readings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from sqlalchemy import ColumnElement, Row, Select, Table, bindparam, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CaseClockEvent,
    Hearing,
    LegalDay,
    LegalYear,
    Party,
    ServiceRecord,
)
from tribunal.domain import clock_history as ch
from tribunal.domain.clock_history import (
    RECOUNT_EVENTS,
    SUSPENSION_REASONS,
    AwardEnd,
    ClockEvent,
    ExtensionQuestion,
    History,
    RecountEvent,
    SuspensionReason,
    award_end,
    event_basis,
    event_label,
    replay,
)
from tribunal.domain.enums import CaseStatus, HearingStatus, PartyRole, ServiceMethod
from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.domain.periods import (
    DUE_SOON,
    NATURAL,
    ON_TIME,
    OVERDUE,
    DueDate,
    PeriodCalculator,
    PeriodRule,
    deadline_state,
    excluded_days_within,
)
from tribunal.errors import ConflictError, NotFound, TribunalError, ValidationError
from tribunal.services import audit, period_rules, settings
from tribunal.services import legal_calendar as calendar_service
from tribunal.texts import joined, msg

__all__ = [
    "APPLICATION_DOCUMENTS",
    "COMPOSITION_DOCUMENTS",
    "DEFAULT_NOTICE_DOCUMENTS",
    "DONE",
    "DUE_SOON",
    "HEARING_NOTICE_DOCUMENTS",
    "ITEM_KEYS",
    "NEXT_DUE_KINDS",
    "ON_TIME",
    "OPEN_CASES",
    "OVERDUE",
    "RECOUNT_EVENTS",
    "STATE_LABELS",
    "SUSPENSION_REASONS",
    "UNKNOWN",
    "AwardDue",
    "CaseClock",
    "ClockEventRow",
    "ClockItem",
    "ClosedClock",
    "DueOverview",
    "DueRow",
    "ExtensionQuestionError",
    "NextDeadline",
    "NoticePeriod",
    "OpenQuestion",
    "RecountEvent",
    "ServiceData",
    "SuspensionData",
    "SuspensionReason",
    "add_suspension",
    "all_award_due_dates",
    "approve_extension",
    "case_clock",
    "check_acceptance_change",
    "closed_case_clocks",
    "due_overview",
    "end_suspension",
    "keep_next_deadlines",
    "public_notice_period",
    "record_public_notice",
    "record_recount",
    "record_service",
    "refresh_next_deadlines",
    "review_extension",
    "service_records",
    "store_next_deadlines",
    "withdraw_event",
]

DONE: Final = "done"
UNKNOWN: Final = "unknown"

#: What the clerk sees for each state.
STATE_LABELS: Final[dict[str, str]] = {
    ON_TIME: msg("未到期"),
    DUE_SOON: msg("即将到期"),
    OVERDUE: msg("已超期"),
    DONE: msg("已完成"),
    UNKNOWN: msg("待定"),
}

# ---------------------------------------------------------------- data: documents and events

#: Documents whose service on a respondent starts the defence period (法 30): the copy of the
#: application goes out together with the notice to respond, so either name counts.
APPLICATION_DOCUMENTS: Final = (msg("申请书副本"), msg("仲裁申请书副本"), msg("应诉通知书"))
#: Documents that notify the hearing date and place (法 35). Many commissions combine the
#: composition notice (法 32) with the hearing notice in one 仲裁庭组成及开庭通知书.
HEARING_NOTICE_DOCUMENTS: Final = (msg("开庭通知书"), msg("仲裁庭组成及开庭通知书"))
#: Documents that notify the tribunal's composition (法 32).
COMPOSITION_DOCUMENTS: Final = (msg("仲裁庭组成通知书"), msg("组庭通知书"), msg("仲裁庭组成及开庭通知书"))
#: What a public notice serves when the clerk does not say otherwise.
DEFAULT_NOTICE_DOCUMENTS: Final = msg("仲裁申请书副本、应诉通知书")

_EVENTS_BY_CODE: Final = {e.code: e for e in RECOUNT_EVENTS}
_CODE_DIGITS: Final = dict(zip("1234567", "一二三四五六七", strict=True))
_REASONS_BY_CODE: Final = {r.code: r for r in SUSPENSION_REASONS}
_REASONS_BY_LABEL: Final = {r.label_zh: r for r in SUSPENSION_REASONS}
_KIND_FIELD: Final = {ch.RECOUNT: "restart_date", ch.EXTENSION: "approved_on", ch.SUSPENSION: "start",
                      ch.SUSPENSION_END: "end", ch.PUBLIC_NOTICE: "published_on"}


def _covers(document: str, names: tuple[str, ...]) -> bool:
    """Whether a document description (``申请书副本、应诉通知书``) names one of ``names``."""
    return any(name in document for name in names)


# ---------------------------------------------------------------- data: results


@dataclass(frozen=True)
class ClockItem:
    """One statutory date of a case with its legal basis and where it stands.

    Attributes:
        key: ``accept_by``, ``serve_application_by``, ``composition_notice_by``,
            ``defence_due`` (one per respondent), ``earliest_hearing``,
            ``postpone_request_by``, and ``award_due`` (or ``award_due_extended`` while the
            extension is in force).
        label_zh: what the clerk calls it (with the respondent's name when there are several).
        due: the date; None when an input is missing or its year is not loaded.
        basis: the articles the period rests on.
        unit: ``"working"`` or ``"natural"``.
        state: ``on_time`` / ``due_soon`` / ``overdue`` / ``done`` / ``unknown``.
        note: why the state is what it is, e.g. ``"2027年节假日安排尚未载入"``.
        party_deadline: the period runs against a party (defence, postponement request), not
            a duty of the commission: once it passes it is over, never overdue.
        target: for the award, the internal target (the un-rolled day moved back to a working
            day), which raises the alert earlier than the legal last day.
        verified: False while the period's rule is not confirmed against the official text.
        readings: keys of :data:`tribunal.domain.readings.READINGS` the date depends on.
        party_id, party_name: for a defence period, the respondent it runs for.
        start: for a defence period, the day it counts from (the respondent's receipt).
    """

    key: str
    label_zh: str
    due: dt.date | None
    basis: str
    unit: str
    state: str
    note: str = ""
    party_deadline: bool = False
    target: dt.date | None = None
    verified: bool = False
    readings: tuple[str, ...] = ()
    party_id: int | None = None
    party_name: str = ""
    start: dt.date | None = None

    @property
    def state_label(self) -> str:
        """``未到期`` / ``即将到期`` / ``已超期`` / ``已完成`` / ``待定``."""
        return STATE_LABELS[self.state]

    @property
    def unit_zh(self) -> str:
        """``工作日`` or ``自然日``."""
        return msg("自然日") if self.unit == NATURAL else msg("工作日")

    @property
    def row_key(self) -> str:
        """A key unique within the case (the defence periods share ``key``)."""
        return f"{self.key}:{self.party_id}" if self.party_id is not None else self.key


@dataclass(frozen=True)
class SuspensionData:
    """An interval in which the case clock stood or stands still; ``end`` None: still running.

    ``id`` is the id of the event that began it (what :func:`end_suspension` takes).
    """

    id: int
    case_id: int
    start: dt.date
    end: dt.date | None
    reason: str
    basis: str
    public_notice: bool


@dataclass(frozen=True)
class ClockEventRow:
    """One event of a case's clock history as the 期限 tab lists it.

    Attributes:
        id: the event's id (what :func:`withdraw_event` takes, what a notice refers to).
        kind: one of ``clock_history.KINDS``.
        date: the event's own date.
        label: what it is, in the clerk's words; ``basis`` its articles.
        effect: what it did to the clock; ``reason`` why it has no effect (when not lawful).
        lawful: False when the law does not allow it on its date (older data only: new
            entries are refused).
        entered_by, entered_at: who recorded it, and when.
        withdrawn_*: set once it was withdrawn (it then counts for nothing).
        ref: the event it ends or answers about; party_id, end, approved_by as stored.
    """

    id: int
    case_id: int
    kind: str
    date: dt.date
    label: str
    basis: str
    effect: str
    lawful: bool
    reason: str
    entered_by: str
    entered_at: dt.datetime | None
    ground: str = ""
    detail: str = ""
    ref: int | None = None
    party_id: int | None = None
    end: dt.date | None = None
    approved_by: str = ""
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: str = ""
    withdrawn_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True)
class OpenQuestion:
    """An extension approved before a re-count whose standing the clerk has not confirmed."""

    extension_id: int
    extension_date: dt.date
    approved_by: str
    recount_id: int
    recount_date: dt.date
    message: str


@dataclass(frozen=True)
class ServiceData:
    """A recorded service of a document on a party (送达记录)."""

    id: int
    case_id: int
    party_id: int
    party_name: str
    party_role: PartyRole
    hearing_id: int | None
    document: str
    method: ServiceMethod
    served_on: dt.date | None
    signed_by: str
    confirmed: bool
    note: str


@dataclass(frozen=True)
class CaseClock:
    """All statutory dates of one case as of ``today``.

    Attributes:
        items: the dates in the order a case runs through them (one defence period per
            respondent).
        clock_start: the day the 45 days count from (acceptance, or a 规则 46 re-count day).
        clock_restart_reason: the re-count event, or ``""`` when counted from acceptance.
        extended: whether an extension is in force for the clock as it stands.
        excluded_days: days left out of the award clock so far (suspension, public notice…).
        suspended: whether a suspension of the hearing (规则 47) is running today.
        stopped: whether any interval not counted is running without an end (the last day
            then moves every day).
        award_due: the effective last day (45 or 60 days, suspensions left out); None when
            not accepted or its year is not loaded.
        award_due_45 / award_due_60: the last day without / with the extension.
        award_unrolled: the last counted day before any roll-over (None as ``award_due``).
        suspensions: the intervals not counted, as the history applied them.
        events: the whole history, in event-date order, withdrawn events included.
        questions: extensions a re-count made lapse whose standing is not confirmed.
        unknown_years: years the computation reached without a loaded holiday schedule.
    """

    case_id: int
    case_number: str
    today: dt.date
    items: tuple[ClockItem, ...]
    clock_start: dt.date | None = None
    clock_restart_reason: str = ""
    extended: bool = False
    extension_approved_by: str = ""
    extension_approved_on: dt.date | None = None
    excluded_days: int = 0
    suspended: bool = False
    stopped: bool = False
    award_due: dt.date | None = None
    award_due_45: dt.date | None = None
    award_due_60: dt.date | None = None
    award_unrolled: dt.date | None = None
    suspensions: tuple[SuspensionData, ...] = ()
    events: tuple[ClockEventRow, ...] = ()
    questions: tuple[OpenQuestion, ...] = ()
    unknown_years: frozenset[int] = frozenset()

    def item(self, key: str) -> ClockItem | None:
        """The first item with ``key`` (``award_due`` also finds the extended award item)."""
        for it in self.items:
            if it.key == key or (key == "award_due" and it.key == "award_due_extended"):
                return it
        return None

    def items_of(self, key: str) -> list[ClockItem]:
        """Every item with ``key`` (the defence periods: one per respondent)."""
        return [it for it in self.items if it.key == key]

    @property
    def next_due(self) -> ClockItem | None:
        """The earliest open item with a date (what the case list shows as 'next deadline').

        While the award clock stands still (a suspension without an end), its date is only
        what it would be if the case resumed today, not a deadline, and is left out.
        """
        return _next_open(self.items, self.stopped)

    @property
    def unlawful_events(self) -> list[ClockEventRow]:
        """Recorded events without effect (the law did not allow them on their dates)."""
        return [e for e in self.events if not e.withdrawn and not e.lawful]


@dataclass(frozen=True)
class DueRow:
    """One line of the dashboard's 'due this week' or 'overdue' list."""

    case_id: int
    case_number: str
    applicants: str
    respondents: str
    key: str
    label_zh: str
    due: dt.date
    state: str
    note: str = ""

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class DueOverview:
    """What the dashboard lists: open cases' dates due soon and already overdue."""

    today: dt.date
    due_this_week: list[DueRow]
    overdue: list[DueRow]
    unknown_years: set[int]


@dataclass(frozen=True)
class AwardDue:
    """The award clock of one case, from the bulk computation."""

    case_id: int
    due: dt.date | None
    state: str
    extended: bool
    excluded_days: int
    unknown_year: int | None = None


class ExtensionQuestionError(TribunalError):
    """The entry needs an answer first: does an extension approved before a re-count still stand?

    Ask the clerk (:attr:`question` holds the two events) and enter again with
    ``extension_stands`` True or False. Nothing was recorded.
    """

    def __init__(self, question: OpenQuestion) -> None:
        self.question = question
        super().__init__(question.message)


# ---------------------------------------------------------------- computing


_ITEM_RULES: Final[dict[str, tuple[str, str]]] = {
    "accept_by": ("accept", msg("受理决定截止日")),
    "serve_application_by": ("serve_application", msg("送达申请书副本截止日")),
    "composition_notice_by": ("composition_notice", msg("组庭通知截止日")),
    "defence_due": ("defence", msg("答辩期届满日")),
    "earliest_hearing": ("hearing_notice", msg("最早可开庭日")),
    "postpone_request_by": ("postpone_request", msg("延期开庭申请最迟提出日")),
    "award_due": ("award", msg("审理期限届满日")),
    "award_due_extended": ("award_extension", msg("延长后审理期限届满日")),
}
#: Keys of the items, in display order (the award item is one of the last two).
ITEM_KEYS: Final = tuple(_ITEM_RULES)


def _unknown_note(year: int) -> str:
    return msg("{year}年节假日安排尚未载入，无法计算；请在“设置→法定节假日”中导入该年安排", year=year)


class _Clock:
    """The period calculator with memory: many cases share the same start days."""

    def __init__(self, calendar: LegalCalendar, today: dt.date, soon_days: int,
                 rules: Mapping[str, PeriodRule] | None = None) -> None:
        self.calendar = calendar
        self.calc = PeriodCalculator(calendar, rules)
        self.rules = self.calc.rules
        self.today = today
        self.soon_days = soon_days
        self._memo: dict[tuple[object, ...], DueDate | UnknownYearError] = {}
        self._ends: dict[tuple[object, ...], AwardEnd | UnknownYearError] = {}
        self._items: dict[tuple[object, ...], ClockItem] = {}
        self._shared: dict[DueDate, DueDate] = {}
        # Results for cases whose clocks depend on their dates alone (see _plain_key).
        self.plain_award: dict[tuple[object, ...], tuple[ClockItem, _AwardInfo, frozenset[int]]] = {}
        self.plain_items: dict[tuple[object, ...], tuple[tuple[ClockItem, ...], _AwardInfo, frozenset[int]]] = {}

    def get(self, name: str, *args: object) -> DueDate:
        """``PeriodCalculator.<name>(*args)``, remembered (an unknown year is remembered too)."""
        key = (name, *args)
        found = self._memo.get(key)
        if found is None:
            method: Callable[..., DueDate] = getattr(self.calc, name)
            try:
                found = method(*args)
            except UnknownYearError as exc:
                found = exc
            self._memo[key] = found
        if isinstance(found, UnknownYearError):
            raise found
        return found

    def attempt(self, name: str, *args: object) -> DueDate | UnknownYearError:
        """Like :meth:`get`, but an unknown year is returned instead of raised."""
        try:
            return self.get(name, *args)
        except UnknownYearError as exc:
            return exc

    def award_end(self, start: dt.date, spans: Sequence[tuple[dt.date, dt.date | None]], extended: bool,
                  up_to: dt.date) -> AwardEnd | UnknownYearError:
        """:func:`clock_history.award_end`, remembered (cases without intervals share start days)."""
        open_ended = any(last is None for _, last in spans)
        key = (start, extended, tuple(spans), up_to if open_ended else None)
        found = self._ends.get(key)
        if found is None:
            try:
                found = award_end(self.calendar, self.rules, start, spans, extended=extended, up_to=up_to)
            except UnknownYearError as exc:
                found = exc
            self._ends[key] = found
        return found

    def get_shared(self, due: DueDate) -> DueDate:
        """One instance per distinct value, kept alive: :meth:`item` remembers items by the
        DueDate's id, which must not be reused by a later object."""
        return self._shared.setdefault(due, due)

    def state(self, due: dt.date) -> str:
        return deadline_state(due, self.today, self.soon_days)

    def unknown_item(self, key: str, exc: UnknownYearError, done: bool, unknown: set[int], *,
                     party: bool = False, label: str | None = None, party_id: int | None = None,
                     party_name: str = "") -> ClockItem:
        """An item that could not be computed for want of ``exc.year``'s holiday schedule."""
        if not done:
            unknown.add(exc.year)
        return self.item(key, None, DONE if done else UNKNOWN, _unknown_note(exc.year), party=party,
                         label=label, party_id=party_id, party_name=party_name)

    def item(self, key: str, due: DueDate | None, state: str, note: str = "", *,
             party: bool = False, target: dt.date | None = None, readings: tuple[str, ...] = (),
             label: str | None = None, party_id: int | None = None, party_name: str = "",
             start: dt.date | None = None) -> ClockItem:
        """The item for these values; equal items are shared (they are immutable), which saves
        most of the construction time when thousands of cases start on the same days."""
        # DueDates come from :meth:`get`'s memory, so equal ones are the same object (and stay
        # alive as long as this _Clock): their id is a cheap stand-in for hashing all fields.
        memo_key = (key, id(due), state, note, party, target, readings, label, party_id, party_name, start)
        found = self._items.get(memo_key)
        if found is not None:
            return found
        rule_key, default_label = _ITEM_RULES[key]
        rule = self.rules[rule_key]
        text = label or default_label
        if due is not None:
            found = ClockItem(key, text, due.date, due.basis, due.unit, state, note, party, target,
                              due.verified, readings, party_id, party_name, start)
        else:
            found = ClockItem(key, text, None, rule.basis, rule.unit, state, note, party, target,
                              rule.verified, readings, party_id, party_name, start)
        self._items[memo_key] = found
        return found


@dataclass
class _Facts:
    """What the clocks of one case depend on, read from the database in bulk."""

    case_id: int
    number: str
    status: CaseStatus
    received: dt.date
    accepted: dt.date | None
    closed: dt.date | None
    applicants: str = ""
    respondents: str = ""
    events: list[ClockEvent] = field(default_factory=list)
    parties: dict[int, tuple[PartyRole, str]] = field(default_factory=dict)
    services: list[tuple[int, int | None, str, dt.date | None, bool]] = field(default_factory=list)
    hearing: tuple[int, dt.date] | None = None
    finished: bool = False  # closed or rejected: nothing is due any more
    history: History | None = None

    def __post_init__(self) -> None:
        self.finished = self.status in (CaseStatus.CLOSED, CaseStatus.REJECTED)


def _history(f: _Facts, clk: _Clock) -> History | None:
    """The replay of the case's events (None when it has none: the clock is the plain one)."""
    if not f.events:
        return None
    if f.history is None:
        f.history = replay(f.events, received=f.received, accepted=f.accepted, calendar=clk.calendar,
                           rules=clk.rules)
    return f.history


def _first_served(f: _Facts, documents: tuple[str, ...], hearing_id: int | None = None,
                  any_hearing: bool = True) -> dict[int, dt.date]:
    """Per party, the first confirmed service date of one of ``documents``."""
    first: dict[int, dt.date] = {}
    for party_id, rec_hearing, document, served_on, confirmed in f.services:
        if served_on is None or not confirmed or document not in documents:
            continue
        if not any_hearing and rec_hearing != hearing_id:
            continue
        if party_id not in first or served_on < first[party_id]:
            first[party_id] = served_on
    return first


def _late(done_on: dt.date, due: dt.date) -> str:
    return msg("，超过期限{days}日", days=(done_on - due).days) if done_on > due else ""


@dataclass
class _AwardInfo:
    """The figures behind the award item, for :class:`CaseClock`."""

    start: dt.date | None = None
    reason: str = ""
    extended: bool = False
    excluded: int = 0
    suspended: bool = False
    stopped: bool = False
    due: dt.date | None = None
    due45: dt.date | None = None
    due60: dt.date | None = None
    unrolled: dt.date | None = None


def _award_readings(h: History | None, end: AwardEnd | None, extended: bool) -> tuple[str, ...]:
    """The readings an award date depends on (docs/legal-basis.md §2–§3)."""
    keys: list[str] = []
    if end is not None and end.due != end.unrolled and not end.moved_past_stop:
        keys.append("weekend_roll")
    if extended:
        keys.append("extension_sixty")
    if h is not None:
        keys.append("recount_history")
        if h.lapses:
            keys.append("extension_after_recount")
        kinds = {iv.kind for iv in h.intervals}
        if ch.SUSPENSION in kinds:
            keys.append("suspension_bounds")
        if ch.PUBLIC_NOTICE in kinds:
            keys.append("public_notice_count")
        if any(iv.kind == ch.PUBLIC_NOTICE and iv.ground == "public_notice_abroad" for iv in h.intervals):
            keys.append("public_notice_abroad")
        grounds = {iv.ground for iv in h.intervals} | ({h.start_event.ground} if h.start_event else set())
        if "七" in grounds or ch.LAW_OTHER in grounds:
            keys.append("art46_7")
    if end is not None and end.moved_past_stop:
        keys.append("moved_last_day")
    return tuple(keys)


def _lapse_notes(h: History | None) -> list[str]:
    notes: list[str] = []
    for lapse in (h.lapses if h is not None else ()):
        what = msg("{isoformat}批准的延长因{isoformat2}重新计算", isoformat=lapse.extension.date.isoformat(), isoformat2=lapse.recount.date.isoformat())
        if lapse.kept is True:
            notes.append(msg("{what}后经确认仍然有效", what=what))
        elif lapse.kept is False:
            notes.append(msg("{what}已失效", what=what))
        else:
            notes.append(msg("{what}待确认是否仍然有效，暂按已失效计算", what=what))
    return notes


def _award(f: _Facts, clk: _Clock, unknown: set[int]) -> tuple[ClockItem, _AwardInfo]:
    """The award item and the figures behind it."""
    info = _AwardInfo()
    h = _history(f, clk)
    extension = h.extension if h is not None else None
    info.extended = extension is not None
    key = "award_due_extended" if extension is not None else "award_due"
    if f.accepted is None:
        if f.finished:
            return clk.item(key, None, DONE, msg("案件未经受理即已结束")), info
        return clk.item(key, None, UNKNOWN, msg("受理后开始计算")), info
    start = h.start if h is not None and h.start is not None else f.accepted
    reason_event = h.start_event if h is not None else None
    info.start = start
    info.reason = event_label(reason_event).removeprefix("重新计算期限 ") if reason_event else ""
    today = clk.today
    until = f.closed or today
    spans = h.spans() if h is not None else []
    running = h.running if h is not None and not f.finished else None
    info.suspended = running is not None
    info.stopped = not f.finished and any(last is None for _, last in spans)
    ends = {extended: clk.award_end(start, spans, extended, until) for extended in (False, True)}
    chosen = ends[info.extended]
    e45, e60 = ends[False], ends[True]
    info.due45 = e45.due if isinstance(e45, AwardEnd) else None
    info.due60 = e60.due if isinstance(e60, AwardEnd) else None
    end = chosen if isinstance(chosen, AwardEnd) else None
    readings = _award_readings(h, end, info.extended)

    notes: list[str] = []
    if reason_event is not None:
        notes.append(msg("自{isoformat}起重新计算：{reason}（{event_basis}）", isoformat=start.isoformat(), reason=info.reason, event_basis=event_basis(reason_event)))
    if end is not None and end.excluded:
        info.excluded = end.excluded
        notes.append(msg("已扣除中止审理、公告送达等不计入审理期限的期间{excluded}日", excluded=end.excluded))
    if end is not None and end.moved_past_stop:
        notes.append(msg("中止（或不计入的期间）始于顺延后的最后一日，期限顺延至其结束后的第一个工作日"))
    notes += _lapse_notes(h)
    if extension is not None:
        by = msg("经{approved_by}", approved_by=extension.approved_by) if extension.approved_by else ""
        original = msg("（原期限{isoformat}）", isoformat=info.due45.isoformat()) if info.due45 else ""
        notes.append(msg("已于{isoformat}{by}批准延长十五日{original}", isoformat=extension.date.isoformat(), by=by, original=original))
    elif info.due60 is not None and not f.finished:
        notes.append(msg("如经批准延长，可至{isoformat}", isoformat=info.due60.isoformat()))
    if h is not None and h.unlawful():
        notes.append(msg("有{len}项登记不产生效力（见变动记录）", len=len(h.unlawful())))

    if end is None:
        assert isinstance(chosen, UnknownYearError)
        total = clk.rules["award"].days + (clk.rules["award_extension"].days if info.extended else 0)
        capped = [(a, until if b is None else b) for a, b in spans]
        excluded = excluded_days_within(start, total, [(a, b) for a, b in capped if a <= b])
        info.excluded = excluded
        raw = start + dt.timedelta(days=total + excluded)
        # A hearing up to the un-rolled day is in time whatever the unloaded year's holidays are.
        info.unrolled = ch.unrolled_end(clk.rules, start, spans, extended=info.extended, up_to=until)
        if not f.finished:
            unknown.add(chosen.year)
        return clk.item(key, None, DONE if f.finished else UNKNOWN,
                        joined([_unknown_note(chosen.year), msg("按自然日计为{isoformat}（未顺延）", isoformat=raw.isoformat()),
                                *notes]), readings=readings), info
    info.due, info.unrolled = end.due, end.unrolled
    due = DueDate(key, end.due, _ITEM_RULES[key][1], *_award_basis(clk, info.extended))
    due = clk.get_shared(due)
    if f.finished:
        closed = f.closed or today
        what = msg("已结案") if f.status == CaseStatus.CLOSED else msg("已结束")
        return clk.item(key, due, DONE, joined(
            [msg("{what}（{date}）{late}", what=what, date=closed.isoformat(), late=_late(closed, end.due)), *notes]),
            readings=readings), info

    target = end.target
    if end.due < today:
        state = OVERDUE
    elif info.stopped:
        # The clock stands still: the date moves on every day the interval lasts.
        state = ON_TIME
        open_span = next((s for s in spans if s[1] is None), None)
        since = open_span[0].isoformat() if open_span else ""
        what = msg("审理中止中") if running is not None else msg("不计入审理期限的期间进行中")
        notes.insert(0, msg("{what}（自{since}起），期限暂停计算；若今日恢复，届满日为{isoformat}", what=what, since=since, isoformat=end.due.isoformat()))
    else:
        state = clk.state(end.due)
        if state == ON_TIME and (target - today).days <= clk.soon_days:
            state = DUE_SOON
    if target != end.due and not info.stopped:
        notes.append(msg("内部结案目标日{isoformat}（届满日遇休息日顺延前）", isoformat=target.isoformat()))
    return clk.item(key, due, state, joined(notes), target=target, readings=readings), info


def _award_basis(clk: _Clock, extended: bool) -> tuple[str, str, bool, str]:
    """``(basis, unit, verified, reading)`` of the award rules in force."""
    rules = [clk.rules["award"], *([clk.rules["award_extension"]] if extended else [])]
    units = {r.unit for r in rules}
    return ("；".join(dict.fromkeys(r.basis for r in rules)), units.pop() if len(units) == 1 else "mixed",
            all(r.verified for r in rules), "；".join(r.reading for r in rules if r.reading))


def _plain_key(f: _Facts, what: str) -> tuple[object, ...] | None:
    """For a case with nothing recorded but its dates (no clock event, service, hearing or party
    loaded: most cases in a bulk run), the facts its clocks depend on; else None."""
    if f.events or f.services or f.hearing is not None or f.parties:
        return None
    return (what, f.status, f.received, f.accepted, f.closed)


def _award_cached(f: _Facts, clk: _Clock, unknown: set[int]) -> tuple[ClockItem, _AwardInfo]:
    """:func:`_award`, computed once for all cases with the same plain facts."""
    key = _plain_key(f, "award")
    if key is None:
        return _award(f, clk, unknown)
    found = clk.plain_award.get(key)
    if found is None:
        years: set[int] = set()
        item, info = _award(f, clk, years)
        found = (item, info, frozenset(years))
        clk.plain_award[key] = found
    unknown.update(found[2])
    return found[0], found[1]


def _items_cached(f: _Facts, clk: _Clock, unknown: set[int]) -> tuple[list[ClockItem], _AwardInfo]:
    """:func:`_items`, computed once for all cases with the same plain facts."""
    key = _plain_key(f, "items")
    if key is None:
        return _items(f, clk, unknown)
    found = clk.plain_items.get(key)
    if found is None:
        years: set[int] = set()
        items, info = _items(f, clk, years)
        found = (tuple(items), info, frozenset(years))
        clk.plain_items[key] = found
    unknown.update(found[2])
    return list(found[0]), found[1]


class _Notice(NamedTuple):
    served: dt.date  # the day the notice counts as served
    published: dt.date
    ground: str  # the rule applied


def _notice_services(f: _Facts, h: History | None) -> dict[int, _Notice]:
    """Per party, the earliest lawful public notice of the application copy.

    The party is found by id, or by the name the notice recorded when the case's parties
    were saved again since (the editor replaces the party rows).
    """
    out: dict[int, _Notice] = {}
    if h is None:
        return out
    by_name = {name: pid for pid, (_, name) in f.parties.items()}
    for e in f.events:
        if (e.kind != ch.PUBLIC_NOTICE or e.end is None or not h.judgements[e.id].lawful
                or not _covers(e.document, APPLICATION_DOCUMENTS)):
            continue
        pid = e.party_id if e.party_id in f.parties else by_name.get(e.party_name)
        if pid is not None and (pid not in out or e.end < out[pid].served):
            out[pid] = _Notice(e.end, e.date, e.ground)
    return out


def _defence_items(f: _Facts, clk: _Clock, unknown: set[int], h: History | None) -> list[ClockItem]:
    """One defence period per respondent, each from its own receipt of the application (法 30)."""
    today = clk.today
    respondents = {pid: name for pid, (role, name) in f.parties.items() if role == PartyRole.RESPONDENT}
    if not respondents:
        # Parties are loaded only where something was served (bulk runs): nobody served yet.
        if f.finished:
            return [clk.item("defence_due", None, DONE, msg("案件已结束"), party=True)]
        why = msg("受理后开始计算") if f.accepted is None else msg("被申请人签收申请书副本后开始计算")
        return [clk.item("defence_due", None, UNKNOWN, why, party=True)]
    several = len(respondents) > 1
    served = {pid: d for pid, d in _first_served(f, APPLICATION_DOCUMENTS).items() if pid in respondents}
    notices = _notice_services(f, h)
    items = []
    for pid, name in respondents.items():
        label = msg("答辩期届满日（{name}）", name=name) if several else None
        who = name if several else msg("被申请人")
        common: dict[str, Any] = {"party": True, "label": label, "party_id": pid, "party_name": name}
        readings: tuple[str, ...] = ("defence_each",) if several else ()
        day, how = served.get(pid), msg("签收")
        notice = notices.get(pid)
        if notice is not None and (day is None or notice.served < day):
            day, how = notice.served, msg("视为送达（公告送达）")
            readings += ("public_notice_count",)
            if notice.ground == "public_notice_abroad":
                readings += ("public_notice_abroad",)
        if day is None:
            if f.finished:
                items.append(clk.item("defence_due", None, DONE, msg("案件已结束"), **common))
            else:
                why = msg("受理后开始计算") if f.accepted is None else msg("{who}签收申请书副本后开始计算", who=who)
                items.append(clk.item("defence_due", None, UNKNOWN, why, readings=readings, **common))
            continue
        common["start"] = day
        due = clk.attempt("defence_due", day)
        if isinstance(due, UnknownYearError):
            items.append(clk.item("defence_due", None, DONE if f.finished else UNKNOWN, _unknown_note(due.year),
                                  **common))
            if not f.finished:
                unknown.add(due.year)
        elif f.finished or due.date < today:
            items.append(clk.item("defence_due", due, DONE, msg("{who}于{isoformat}{how}，答辩期已届满", who=who, isoformat=day.isoformat(), how=how),
                                  readings=readings, **common))
        else:
            items.append(clk.item("defence_due", due, clk.state(due.date), msg("{who}于{isoformat}{how}", who=who, isoformat=day.isoformat(), how=how),
                                  readings=readings, **common))
    return items


def _items(f: _Facts, clk: _Clock, unknown: set[int]) -> tuple[list[ClockItem], _AwardInfo]:
    """Every clock item of one case (pure: all facts already loaded)."""
    today = clk.today
    items: list[ClockItem] = []
    respondents = {pid: name for pid, (role, name) in f.parties.items() if role == PartyRole.RESPONDENT}
    h = _history(f, clk)

    attempt = clk.attempt
    # 1. Decide on acceptance: from receipt, or from receipt of corrected materials (规则 46(二)).
    accept_from, accept_note = f.received, ""
    if h is not None and h.accept_event is not None and h.accept_from is not None:
        accept_from = h.accept_from
        event = ch.recount_event("二")
        assert event is not None
        accept_note = msg("自{start_zh}（{isoformat}）起重新计算（{basis}）", start_zh=event.start_zh, isoformat=accept_from.isoformat(), basis=event.basis)
    done = f.accepted is not None or f.finished
    due = attempt("accept_by", accept_from)
    if isinstance(due, UnknownYearError):
        items.append(clk.unknown_item("accept_by", due, done, unknown))
    elif f.accepted is not None:
        items.append(clk.item("accept_by", due, DONE,
                              msg("已于{isoformat}受理{late}", isoformat=f.accepted.isoformat(), late=_late(f.accepted, due.date))))
    elif f.finished:
        what = msg("已决定不予受理") if f.status == CaseStatus.REJECTED else msg("案件已结束")
        items.append(clk.item("accept_by", due, DONE, what))
    else:
        items.append(clk.item("accept_by", due, clk.state(due.date), accept_note))

    # 2.–3. Serve the application copy, notify the composition: 5 working days from acceptance.
    all_parties = dict(f.parties)
    progressed = f.hearing is not None or f.status in (CaseStatus.SCHEDULED, CaseStatus.HEARD)
    for key, method, documents, who in (
        ("serve_application_by", "serve_application_by", APPLICATION_DOCUMENTS, respondents),
        ("composition_notice_by", "composition_notice_by", COMPOSITION_DOCUMENTS,
         {pid: name for pid, (_, name) in all_parties.items()}),
    ):
        if f.accepted is None:
            items.append(clk.item(key, None, DONE if f.finished else UNKNOWN,
                                  msg("案件未经受理即已结束") if f.finished else msg("受理后开始计算")))
            continue
        due = attempt(method, f.accepted)
        served = _first_served(f, documents)
        if documents is APPLICATION_DOCUMENTS:
            # The commission's duty to serve is done when the notice is published; the party
            # counts as served only when the notice period ends (its defence period, below).
            for pid, notice in _notice_services(f, h).items():
                if pid in who and (pid not in served or notice.published < served[pid]):
                    served[pid] = notice.published
        missing = [name for pid, name in who.items() if pid not in served]
        if isinstance(due, UnknownYearError):
            items.append(clk.unknown_item(key, due, f.finished or (bool(who) and not missing), unknown))
        elif who and not missing:
            last = max(served[pid] for pid in who)
            items.append(clk.item(key, due, DONE, msg("已于{isoformat}送达{late}", isoformat=last.isoformat(), late=_late(last, due.date))))
        elif f.finished:
            items.append(clk.item(key, due, DONE, msg("案件已结束")))
        else:
            state = clk.state(due.date)
            note = msg("尚未登记送达：{items}", items=joined(missing, "、")) if missing and served else ""
            if state == OVERDUE and progressed:
                # The case has reached the hearing stage, so the document most likely went out
                # and only its record is missing: ask for the record instead of crying overdue.
                state = UNKNOWN
                note = msg("未登记送达记录（{value}）；案件已进入开庭阶段，请补登送达日期", value=joined(missing, "、") if missing else msg("全部当事人"))
            items.append(clk.item(key, due, state, note))

    # 4. Defence periods: 10 working days from each respondent's own receipt (法 30).
    items += _defence_items(f, clk, unknown, h)

    # 5.–6. The scheduled hearing: notice served on every party ≥ 5 working days before it,
    # and the parties' last day to ask for a postponement.
    between = ("notice_between",)
    if f.hearing is None:
        note = msg("案件已结束") if f.finished else msg("尚未安排开庭")
        state = DONE if f.finished else UNKNOWN
        hint = ""
        if not f.finished and f.accepted is not None:
            earliest = attempt("earliest_hearing", today)
            if isinstance(earliest, DueDate):
                hint = msg("；如今日送达开庭通知，最早可于{isoformat}开庭", isoformat=earliest.date.isoformat())
        items.append(clk.item("earliest_hearing", None, state, note + hint, readings=between))
        items.append(clk.item("postpone_request_by", None, state, note, party=True, readings=between))
    else:
        hearing_id, hearing_day = f.hearing
        served = _first_served(f, HEARING_NOTICE_DOCUMENTS, hearing_id, any_hearing=False)
        missing = [name for pid, (_, name) in all_parties.items() if pid not in served]
        if missing or not served:
            state = DONE if f.finished else UNKNOWN
            items.append(clk.item("earliest_hearing", None, state,
                                  msg("开庭日{isoformat}；尚未送达开庭通知：{items}", isoformat=hearing_day.isoformat(), items=joined(missing, "、")),
                                  readings=between))
        else:
            last = max(served.values())
            due = attempt("earliest_hearing", last)
            if isinstance(due, UnknownYearError):
                items.append(clk.unknown_item("earliest_hearing", due, f.finished, unknown))
            elif hearing_day < due.date:
                state = DONE if f.finished else OVERDUE
                items.append(clk.item("earliest_hearing", due, state,
                                      msg("开庭日{isoformat}早于最早可开庭日（开庭通知最后送达于{isoformat2}，须间隔五个工作日）：请改期或重新送达", isoformat=hearing_day.isoformat(), isoformat2=last.isoformat()), readings=between))
            else:
                items.append(clk.item("earliest_hearing", due, DONE if f.finished else ON_TIME,
                                      msg("开庭日{isoformat}符合要求（开庭通知最后送达于{isoformat2}）", isoformat=hearing_day.isoformat(), isoformat2=last.isoformat()), readings=between))
        due = attempt("postpone_request_by", hearing_day)
        if isinstance(due, UnknownYearError):
            items.append(clk.unknown_item("postpone_request_by", due, f.finished, unknown, party=True))
        elif f.finished or due.date < today:
            items.append(clk.item("postpone_request_by", due, DONE,
                                  msg("开庭日{isoformat}；申请延期的期限已过", isoformat=hearing_day.isoformat()), party=True,
                                  readings=between))
        else:
            items.append(clk.item("postpone_request_by", due, clk.state(due.date),
                                  msg("开庭日{isoformat}", isoformat=hearing_day.isoformat()), party=True, readings=between))

    # 7. The award: 45 (or 60) natural days, intervals left out, re-counts applied.
    award, info = _award(f, clk, unknown)
    items.append(award)
    return items, info


# ---------------------------------------------------------------- the next deadline of each case

#: Keys of the items a case's next deadline can be (``arbitration_case.next_due_kind``).
NEXT_DUE_KINDS: Final = tuple(k for k in ITEM_KEYS if k != "earliest_hearing")
_AWARD_KEYS: Final = ("award_due", "award_due_extended")


def _candidates(items: Sequence[ClockItem], stopped: bool) -> list[ClockItem]:
    return [it for it in items
            if it.due is not None and it.state in (ON_TIME, DUE_SOON, OVERDUE)
            and it.key != "earliest_hearing" and not (stopped and it.key in _AWARD_KEYS)]


def _next_open(items: Sequence[ClockItem], stopped: bool) -> ClockItem | None:
    """The earliest open item with a date; the first of equal dates in the order a case runs."""
    return min(_candidates(items, stopped), key=lambda it: it.due or dt.date.max, default=None)


@dataclass(frozen=True)
class NextDeadline:
    """What ``arbitration_case`` stores about a case's next deadline.

    Attributes:
        due, kind: the date and key of :attr:`CaseClock.next_due` (None for a closed case or
            one with nothing due).
        recheck: the first day on which the passing of time alone may change the answer (an
            open date passing: a party's period ends, a missing service record turns into a
            question; the scheduled hearing passing), or None when only a recorded change can.
    """

    due: dt.date | None
    kind: str | None
    recheck: dt.date | None


def _next_deadline(f: _Facts, items: Sequence[ClockItem], info: _AwardInfo, today: dt.date) -> NextDeadline:
    if f.finished:
        return NextDeadline(None, None, None)
    candidates = _candidates(items, info.stopped)
    found = _next_open(items, info.stopped)
    days = [it.due + dt.timedelta(days=1) for it in candidates if it.due is not None and it.due >= today]
    if f.hearing is not None and f.hearing[1] >= today:
        days.append(f.hearing[1] + dt.timedelta(days=1))
    return NextDeadline(found.due if found else None, found.key if found else None, min(days, default=None))


def store_next_deadlines(s: Session, where: ColumnElement[bool], today: dt.date, *,
                          calendar: LegalCalendar | None = None,
                          rules: Mapping[str, PeriodRule] | None = None) -> int:
    """Compute and store the next deadline of every case matching ``where``; return how many
    rows changed. Rows are written with Core, so the cases' versions do not move: nothing a
    clerk typed changed."""
    calendar = calendar or calendar_service.calendar_in(s)
    rules = rules or period_rules.rules_in(s)
    stored = {r.id: (r.next_due_date, r.next_due_kind, r.next_due_recheck) for r in s.connection().execute(
        select(Case.id, Case.next_due_date, Case.next_due_kind, Case.next_due_recheck).where(where))}
    if not stored:
        return 0
    facts = _load_facts(s, where, today, all_parties=len(stored) <= _BY_ID_LIMIT)
    clk = _Clock(calendar, today, 0, rules)  # the warning window does not change which date is next
    changes = []
    for case_id, f in facts.items():
        items, info = _items_cached(f, clk, set())
        nxt = _next_deadline(f, items, info, today)
        if stored.get(case_id) != (nxt.due, nxt.kind, nxt.recheck):
            changes.append({"case": case_id, "due": nxt.due, "kind": nxt.kind, "recheck": nxt.recheck})
    if changes:
        table = Case.__table__
        assert isinstance(table, Table)
        s.connection().execute(
            table.update().where(table.c.id == bindparam("case"))
            .values(next_due_date=bindparam("due"), next_due_kind=bindparam("kind"),
                    next_due_recheck=bindparam("recheck"), updated_at=table.c.updated_at),
            changes)
    return len(changes)


def refresh_next_deadlines(db: Database, today: dt.date | None = None, *, every_case: bool = False) -> int:
    """Bring the stored next deadlines up to ``today``: the cases whose answer may have moved
    with time alone (their ``next_due_recheck`` has come), or every case.

    Run by the case list once a day and after bulk loads; returns how many cases changed.
    """
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    where = Case.id.is_not(None) if every_case else Case.next_due_recheck <= today
    with db.session() as s:
        return store_next_deadlines(s, where, today, calendar=cal, rules=rules)


#: ``session.info`` keys of the deadline keeper.
_TOUCHED: Final = "next_due_cases"
_CALENDAR: Final = "next_due_calendar"


def _collect(session: Session, _context: Any) -> None:
    """After each flush: note the cases whose clock facts this session changed."""
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Case):
            if obj.id is not None:
                touched.add(obj.id)
        elif isinstance(obj, Hearing | ServiceRecord | CaseClockEvent | Party):
            if obj.case_id is not None:
                touched.add(obj.case_id)
        elif isinstance(obj, LegalDay | LegalYear) and not session.info.get(calendar_service.SEEDING):
            session.info[_CALENDAR] = True


def _keep(session: Session) -> None:
    """Before each commit: store the next deadline of every case the session changed (every
    open case when the legal calendar changed)."""
    if not session.info.get(_TOUCHED) and not session.info.get(_CALENDAR):
        return
    session.flush()
    touched = session.info.pop(_TOUCHED, set())
    everything = session.info.pop(_CALENDAR, False)
    today = dt.date.today()
    if everything:
        store_next_deadlines(session, OPEN_CASES, today)
    else:
        ids = sorted(touched)
        for start in range(0, len(ids), _BY_ID_LIMIT):
            store_next_deadlines(session, Case.id.in_(ids[start:start + _BY_ID_LIMIT]), today)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_CALENDAR, None)


def keep_next_deadlines(db: Database) -> None:
    """Keep ``arbitration_case.next_due_*`` right on every write through ``db``: whatever path
    changes a case, its parties, hearings, service records or clock events (or the legal
    calendar), the cases concerned are recomputed in the same transaction."""
    db.listen_to_writes("after_flush", _collect)
    db.listen_to_writes("before_commit", _keep)
    db.listen_to_writes("after_rollback", _forget)


# ---------------------------------------------------------------- loading


#: Cases still running (not closed, not rejected).
OPEN_CASES: Final = Case.status.not_in([CaseStatus.CLOSED, CaseStatus.REJECTED])


#: The case columns the clocks read, by the :class:`_Facts` field each one fills (rows are
#: built by name, so the two orders need not agree).
_CASE_COLUMNS: Final[dict[str, InstrumentedAttribute[Any]]] = {
    "case_id": Case.id,
    "number": Case.number,
    "status": Case.status,
    "received": Case.received_date,
    "accepted": Case.accepted_date,
    "closed": Case.closed_date,
    "applicants": Case.applicant_names,
    "respondents": Case.respondent_names,
}
_EVENT_COLUMNS: Final = (
    CaseClockEvent.case_id, CaseClockEvent.id, CaseClockEvent.kind, CaseClockEvent.event_date,
    CaseClockEvent.ground, CaseClockEvent.detail, CaseClockEvent.ref_id, CaseClockEvent.party_id,
    CaseClockEvent.party_name, CaseClockEvent.document, CaseClockEvent.approved_by, CaseClockEvent.days,
    CaseClockEvent.end_date, CaseClockEvent.entered_by, CaseClockEvent.entered_at,
)
#: Below this many cases, events and parties are read by case id; above it, in one sweep.
_BY_ID_LIMIT: Final = 500


def _event(row: Any) -> ClockEvent:
    """A domain event from a row of :data:`_EVENT_COLUMNS` (or a :class:`CaseClockEvent`)."""
    return ClockEvent(
        id=row.id, kind=row.kind, date=row.event_date, ground=row.ground or "", detail=row.detail or "",
        ref=row.ref_id, party_id=row.party_id, party_name=row.party_name or "", document=row.document or "",
        approved_by=row.approved_by or "", days=row.days, end=row.end_date, entered_by=row.entered_by or "",
        entered_at=row.entered_at)


def _load_facts(s: Session, where: ColumnElement[bool], today: dt.date, *,
                full: bool = True, all_parties: bool = False) -> dict[int, _Facts]:
    """The facts of every case matching ``where``: one query per table, not per case.

    Args:
        full: also read service records, hearings and parties (not needed for the award alone).
        all_parties: read every case's parties (one case's clock: a defence period per
            respondent); otherwise only where something was served or a hearing is set.
    """
    facts: dict[int, _Facts] = {}
    # Core rows through the session's connection: the ORM's row handling would double the
    # time of this bulk read and nothing here needs ORM objects.
    def run(query: Select) -> Sequence[Row]:
        return s.connection().execute(query).all()  # fetchall: far fewer round trips than iterating

    case_query = select(*(column.label(name) for name, column in _CASE_COLUMNS.items()))
    for r in run(case_query.where(where).order_by(Case.id)):
        facts[r.case_id] = _Facts(**r._mapping)
    if not facts:
        return facts
    # Few cases have events: by id for a few cases, else every live event (a small table next
    # to the cases; a join the planner may get wrong is avoided, as for the reports).
    event_query = (select(*_EVENT_COLUMNS).where(CaseClockEvent.withdrawn_at.is_(None))
                   .order_by(CaseClockEvent.event_date, CaseClockEvent.id))
    if len(facts) <= _BY_ID_LIMIT:
        event_query = event_query.where(CaseClockEvent.case_id.in_(list(facts)))
    for row in run(event_query):
        found = facts.get(row.case_id)
        if found is not None:
            found.events.append(_event(row))
    if not full:
        return facts
    with_services: set[int] = set()
    for case_id, party_id, hearing_id, document, served_on, confirmed in run(
        select(ServiceRecord.case_id, ServiceRecord.party_id, ServiceRecord.hearing_id,
               ServiceRecord.document, ServiceRecord.served_on, ServiceRecord.confirmed)
        .join(Case, Case.id == ServiceRecord.case_id).where(where)
    ):
        facts[case_id].services.append((party_id, hearing_id, document, served_on, bool(confirmed)))
        with_services.add(case_id)
    hearings: dict[int, list[tuple[dt.date, int]]] = {}
    for case_id, hearing_id, starts_at in run(
        select(Hearing.case_id, Hearing.id, Hearing.starts_at)
        .join(Case, Case.id == Hearing.case_id)
        .where(where, Hearing.status == HearingStatus.SCHEDULED)
    ):
        hearings.setdefault(case_id, []).append((starts_at.date(), hearing_id))
    for case_id, scheduled in hearings.items():
        upcoming = sorted(h for h in scheduled if h[0] >= today)
        # The next hearing; a past one still marked as scheduled when nothing lies ahead.
        day, hearing_id = upcoming[0] if upcoming else max(scheduled)
        facts[case_id].hearing = (hearing_id, day)
    # Parties matter only where something was served or a hearing is set; everywhere else the
    # answer ("nobody served yet") does not depend on who they are.
    notices = {cid for cid, f in facts.items() if any(e.kind == ch.PUBLIC_NOTICE for e in f.events)}
    needed = set(facts) if all_parties else with_services | set(hearings) | notices
    if needed:
        query = (select(Party.case_id, Party.id, Party.role, Party.name)
                 .join(Case, Case.id == Party.case_id).where(where).order_by(Party.position, Party.id))
        if len(needed) <= _BY_ID_LIMIT:
            query = query.where(Party.case_id.in_(needed))
        else:
            query = query.where(or_(Party.case_id.in_(select(ServiceRecord.case_id)),
                                    Party.case_id.in_(select(Hearing.case_id)),
                                    Party.case_id.in_(select(CaseClockEvent.case_id)
                                                      .where(CaseClockEvent.kind == ch.PUBLIC_NOTICE))))
        for case_id, party_id, role, name in run(query):
            if case_id in needed:
                facts[case_id].parties[party_id] = (role, name)
    return facts


def _suspension_rows(f: _Facts, h: History | None) -> tuple[SuspensionData, ...]:
    """The intervals the history applied, as the 期限 tab lists them."""
    if h is None:
        return ()
    by_id = {e.id: e for e in f.events}
    out = []
    for iv in h.intervals:
        e = by_id[iv.event_id]
        if e.kind == ch.PUBLIC_NOTICE:
            reason: str = (msg("公告送达{value}（{document}）", value=e.party_name or "", document=e.document)
                           if e.document else msg("公告送达期间"))
        else:
            found = ch.suspension_reason(e.ground)
            reason = "：".join(x for x in (found.label_zh if found else "", e.detail) if x) or msg("中止审理")
        out.append(SuspensionData(e.id, f.case_id, iv.first, iv.last, reason, event_basis(e),
                                  e.kind == ch.PUBLIC_NOTICE or e.ground == ch.LEGACY_PUBLIC_NOTICE))
    return tuple(out)


def _event_rows(f: _Facts, h: History | None, withdrawn: Sequence[Any]) -> tuple[ClockEventRow, ...]:
    """The whole history for the 期限 tab: live events in the order applied, withdrawn ones among them."""
    rows: list[tuple[tuple[object, ...], ClockEventRow]] = []
    order = {eid: n for n, eid in enumerate(h.order)} if h is not None else {}
    for e in f.events:
        j = h.judgements[e.id] if h is not None else ch.Judgement(True)
        rows.append(((e.date, order.get(e.id, 0), e.id), ClockEventRow(
            e.id, f.case_id, e.kind, e.date, event_label(e), event_basis(e), j.effect, j.lawful, j.reason,
            e.entered_by, e.entered_at, e.ground, e.detail, e.ref, e.party_id, e.end, e.approved_by)))
    for row in withdrawn:
        e = _event(row)
        rows.append(((e.date, -1, e.id), ClockEventRow(
            e.id, f.case_id, e.kind, e.date, event_label(e), event_basis(e), "", True, "", e.entered_by,
            e.entered_at, e.ground, e.detail, e.ref, e.party_id, e.end, e.approved_by, row.withdrawn_at,
            row.withdrawn_by or "", row.withdrawn_reason or "")))
    return tuple(row for _, row in sorted(rows, key=lambda r: r[0]))


def _open_questions(h: History | None) -> tuple[OpenQuestion, ...]:
    return tuple(_question(q) for q in (h.questions if h is not None else ()))


def _question(q: ExtensionQuestion) -> OpenQuestion:
    return OpenQuestion(q.extension.id, q.extension.date, q.extension.approved_by, q.recount.id,
                        q.recount.date, q.message)


def case_clock(db: Database, case_id: int, today: dt.date | None = None) -> CaseClock:
    """Every statutory date of one case, each with its basis and state as of ``today``.

    A date that reaches a year without a loaded holiday schedule is shown as ``unknown`` with
    a note naming the year (never guessed); the year is in ``unknown_years``.

    Raises:
        NotFound: no such case.
    """
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    with db.session(write=False) as s:
        facts = _load_facts(s, Case.id == case_id, today, all_parties=True).get(case_id)
        if facts is None:
            raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
        soon = settings.due_soon_days(s)
        withdrawn = s.execute(select(*_EVENT_COLUMNS, CaseClockEvent.withdrawn_at, CaseClockEvent.withdrawn_by,
                                     CaseClockEvent.withdrawn_reason)
                              .where(CaseClockEvent.case_id == case_id,
                                     CaseClockEvent.withdrawn_at.is_not(None))).all()
    clk = _Clock(cal, today, soon, rules)
    unknown: set[int] = set()
    items, info = _items(facts, clk, unknown)
    h = _history(facts, clk)
    extension = h.extension if h is not None else None
    if h is not None and not facts.finished:
        unknown |= set(h.unknown_years)
    return CaseClock(
        case_id=facts.case_id,
        case_number=facts.number,
        today=today,
        items=tuple(items),
        clock_start=info.start,
        clock_restart_reason=info.reason,
        extended=extension is not None,
        extension_approved_by=extension.approved_by if extension else "",
        extension_approved_on=extension.date if extension else None,
        excluded_days=info.excluded,
        suspended=info.suspended,
        stopped=info.stopped,
        award_due=info.due,
        award_due_45=info.due45,
        award_due_60=info.due60,
        award_unrolled=info.unrolled,
        suspensions=_suspension_rows(facts, h),
        events=_event_rows(facts, h, withdrawn),
        questions=_open_questions(h) if not facts.finished else (),
        unknown_years=frozenset(unknown),
    )


def due_overview(db: Database, today: dt.date | None = None, days: int = 7) -> DueOverview:
    """The dashboard's lists over all open cases.

    ``due_this_week`` holds the dates from ``today`` up to ``today + days - 1`` that are not
    done (duties of the commission and the parties' periods alike), by date; ``overdue`` holds
    every overdue item (oldest first): the commission's missed duties and hearings set too
    early for the notices served. Dates that could not be computed for want of a holiday
    schedule are left out of both lists and their years are named in ``unknown_years``.
    """
    if days < 1:
        raise ValidationError(msg("天数至少为 1"), {"days": msg("至少为 1")})
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    with db.session(write=False) as s:
        facts = _load_facts(s, OPEN_CASES, today)
        soon = settings.due_soon_days(s)
    clk = _Clock(cal, today, soon, rules)
    unknown: set[int] = set()
    last = today + dt.timedelta(days=days - 1)
    due_rows: list[DueRow] = []
    overdue_rows: list[DueRow] = []
    for f in facts.values():
        items, _ = _items_cached(f, clk, unknown)
        for it in items:
            if it.due is None or it.state in (DONE, UNKNOWN):
                continue
            if it.state == OVERDUE:
                target = overdue_rows
            elif today <= it.due <= last and it.key != "earliest_hearing":
                target = due_rows
            else:
                continue
            target.append(DueRow(f.case_id, f.number, f.applicants, f.respondents, it.key,
                                 it.label_zh, it.due, it.state, it.note))
    rank = {key: i for i, key in enumerate(ITEM_KEYS)}
    due_rows.sort(key=lambda r: (r.due, r.case_number, rank[r.key], r.label_zh))
    overdue_rows.sort(key=lambda r: (r.due, r.case_number, rank[r.key], r.label_zh))
    return DueOverview(today, due_rows, overdue_rows, unknown)


def all_award_due_dates(db: Database, today: dt.date | None = None) -> dict[int, AwardDue]:
    """The award clock of every open, accepted case: one query for the cases, one for the
    events, the calendar built once (this is what the 100,000-case benchmark times).

    Returns:
        case id → :class:`AwardDue`; a case whose date reaches an unloaded year has ``due``
        None, state ``unknown`` and the year in ``unknown_year``.
    """
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    with db.session(write=False) as s:
        facts = _load_facts(s, OPEN_CASES & Case.accepted_date.is_not(None), today, full=False)
        soon = settings.due_soon_days(s)
    clk = _Clock(cal, today, soon, rules)
    result: dict[int, AwardDue] = {}
    for case_id, f in facts.items():
        unknown: set[int] = set()
        item, info = _award_cached(f, clk, unknown)
        result[case_id] = AwardDue(case_id, item.due, item.state, info.extended, info.excluded,
                                   next(iter(unknown), None))
    return result


# ---------------------------------------------------------------- recording what moves the clocks


def _open_case(s: Session, case_id: int) -> Case:
    # FOR UPDATE: two clerks entering events for one case at once on a shared PostgreSQL
    # server take turns, so each judges its entry against the other's (SQLite's writer lock
    # already serialises them).
    case = s.get(Case, case_id, with_for_update=True)
    if case is None:
        raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
    if case.status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
        raise ConflictError(msg("案件 {number} {status}，不能再登记期限变动", number=case.number, status=case.status))
    return case


def _not_future(day: dt.date, today: dt.date, field_key: str, what: str) -> None:
    if day > today:
        raise ValidationError(msg("{what}（{isoformat}）不能晚于今天", what=what, isoformat=day.isoformat()), {field_key: msg("晚于今天")})


def _clean(text: str, limit: int, field_key: str, what: str) -> str:
    value = " ".join(str(text).split())
    if len(value) > limit:
        raise ValidationError(msg("{what}过长（最多 {limit} 字）", what=what, limit=limit), {field_key: msg("过长")})
    return value


@dataclass(frozen=True)
class _Draft:
    """An event about to be recorded; ``ref`` < 0 names the draft ``-ref - 1`` of the same entry."""

    kind: str
    date: dt.date
    ground: str = ""
    detail: str = ""
    ref: int | None = None
    party_id: int | None = None
    party_name: str = ""
    document: str = ""
    approved_by: str = ""
    days: int | None = None
    end: dt.date | None = None


def _live_rows(s: Session, case_id: int) -> list[CaseClockEvent]:
    return list(s.scalars(select(CaseClockEvent).where(CaseClockEvent.case_id == case_id,
                                                       CaseClockEvent.withdrawn_at.is_(None))
                          .order_by(CaseClockEvent.id)))


def _who_when(e: ClockEvent) -> str:
    when = msg("于{entered_at:%Y-%m-%d %H:%M}", entered_at=e.entered_at) if e.entered_at else ""
    return msg("{value}{when}登记", value=e.entered_by or msg("登记人不详"), when=when)


def _newly_unlawful(before: History, after: History, events: Mapping[int, ClockEvent],
                    ignore: set[int], field_key: str, verb: str = msg("登记")) -> None:
    """Refuse when ``after`` makes an event lawful in ``before`` unlawful, naming it."""
    was = before.unlawful()
    for eid in after.order:
        if eid in ignore or eid in was or after.judgements[eid].lawful:
            continue
        e = events[eid]
        raise ValidationError(
            msg("不能{verb}：这样会使已登记的“{isoformat} {event_label}”（{who_when}）不再合法——{reason}。请先核对或撤销该项登记。", verb=verb, isoformat=e.date.isoformat(), event_label=event_label(e), who_when=_who_when(e), reason=after.judgements[eid].reason),
            {field_key: msg("会使 {isoformat} 的登记不再合法", isoformat=e.date.isoformat())})


def _judge(case: Case, existing: Sequence[ClockEvent], drafts: Sequence[_Draft], *,
           calendar: LegalCalendar, rules: Mapping[str, PeriodRule],
           extension_stands: bool | None) -> tuple[list[ClockEvent], History]:
    """The drafts as events (answers about extensions added), judged; raises when refused."""
    base = max((e.id for e in existing), default=0) + 1
    events: list[ClockEvent] = []
    for k, d in enumerate(drafts):
        ref = base + (-d.ref - 1) if d.ref is not None and d.ref < 0 else d.ref
        events.append(ClockEvent(base + k, d.kind, d.date, d.ground, d.detail, ref, d.party_id, d.party_name,
                                 d.document, d.approved_by, d.days, d.end))
    before = replay(existing, received=case.received_date, accepted=case.accepted_date, calendar=calendar,
                    rules=rules)
    field_key = _KIND_FIELD.get(drafts[0].kind, "date")
    for _round in range(2):
        after = replay([*existing, *events], received=case.received_date, accepted=case.accepted_date,
                       calendar=calendar, rules=rules, strict=True)
        new_ids = {e.id for e in events}
        for e in events:
            verdict = after.judgements[e.id]
            if not verdict.lawful:
                key = _KIND_FIELD.get(e.kind, field_key)
                raise ValidationError(msg("不能登记（{isoformat} {event_label}）：{reason}", isoformat=e.date.isoformat(), event_label=event_label(e), reason=verdict.reason),
                                      {key: verdict.reason})
        _newly_unlawful(before, after, {e.id: e for e in [*existing, *events]}, new_ids, field_key)
        asked = [q for q in after.questions if q.extension.id in new_ids or q.recount.id in new_ids]
        if not asked:
            return events, after
        if extension_stands is None:
            raise ExtensionQuestionError(_question(asked[0]))
        for q in asked:
            events.append(ClockEvent(base + len(events), ch.EXTENSION_REVIEW, q.recount.date,
                                     ch.KEPT if extension_stands else ch.LAPSED, ref=q.extension.id))
    raise AssertionError("an answer about an extension raised a new question")  # pragma: no cover


_AUDIT_ACTIONS: Final = {ch.RECOUNT: "clock.recount", ch.EXTENSION: "clock.extend", ch.SUSPENSION: "clock.suspend",
                         ch.SUSPENSION_END: "clock.resume", ch.PUBLIC_NOTICE: "clock.public_notice",
                         ch.EXTENSION_REVIEW: "clock.review"}


def _restored_status(s: Session, case: Case) -> CaseStatus:
    """The status a case returns to when its suspension ends."""
    statuses = list(s.scalars(select(Hearing.status).where(Hearing.case_id == case.id)))
    if HearingStatus.HELD in statuses:
        return CaseStatus.HEARD
    if HearingStatus.SCHEDULED in statuses:
        return CaseStatus.SCHEDULED
    return CaseStatus.ACCEPTED


def _settle(s: Session, case: Case, history: History) -> None:
    """The case is 中止 exactly while a suspension of the hearing runs without an end."""
    if case.status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
        return
    if history.running is not None:
        case.status = CaseStatus.SUSPENDED
    elif case.status == CaseStatus.SUSPENDED:
        case.status = _restored_status(s, case)


def _sync_ends(s: Session, case_id: int) -> None:
    """Keep each suspension's ``end_date`` equal to the day its live end event records."""
    rows = _live_rows(s, case_id)
    ends = {r.ref_id: r.event_date for r in rows if r.kind == ch.SUSPENSION_END}
    for r in rows:
        if r.kind == ch.SUSPENSION and r.end_date != ends.get(r.id):
            r.end_date = ends.get(r.id)


def _store(db: Database, s: Session, case: Case, events: Sequence[ClockEvent], history: History,
           first_id: int) -> list[CaseClockEvent]:
    """Insert the judged events (their temporary ids mapped to the stored ones) and audit them."""
    stored: dict[int, CaseClockEvent] = {}
    out = []
    before_status = case.status
    for e in events:
        ref = stored[e.ref].id if e.ref is not None and e.ref >= first_id and e.ref in stored else e.ref
        row = CaseClockEvent(case_id=case.id, kind=e.kind, event_date=e.date, ground=e.ground,
                             detail=e.detail or None, ref_id=ref, party_id=e.party_id,
                             party_name=e.party_name or None, document=e.document or None,
                             approved_by=e.approved_by or None, days=e.days,
                             end_date=e.end if e.kind == ch.PUBLIC_NOTICE else None, entered_by=db.actor)
        s.add(row)
        s.flush()
        stored[e.id] = row
        out.append(row)
        effect = history.judgements[e.id].effect
        audit.record(s, db.actor, _AUDIT_ACTIONS.get(e.kind, "clock.event"), "case", case.id,
                     f"{case.number} 登记期限变动 {e.date.isoformat()} {event_label(_event(row))}"
                     + (f"（{effect}）" if effect else ""), None,
                     {"event": _stored_dict(row), "effect": effect})
    _sync_ends(s, case.id)
    _settle(s, case, history)
    if case.status != before_status:
        audit.record(s, db.actor, "case.status", "case", case.id,
                     f"{case.number} 状态由“{before_status.label_zh}”变为“{case.status.label_zh}”",
                     {"status": before_status}, {"status": case.status})
    return out


def _stored_dict(row: CaseClockEvent) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "date": row.event_date, "ground": row.ground, "detail": row.detail,
            "ref": row.ref_id, "party_id": row.party_id, "party_name": row.party_name, "document": row.document,
            "approved_by": row.approved_by, "days": row.days, "end": row.end_date, "entered_by": row.entered_by}


def _record(db: Database, case_id: int, drafts: Sequence[_Draft], *,
            extension_stands: bool | None = None) -> list[int]:
    """Judge and store ``drafts`` as one entry (one transaction); the stored events' ids in order."""
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    with db.session() as s:
        case = _open_case(s, case_id)
        existing = [_event(r) for r in _live_rows(s, case_id)]
        events, history = _judge(case, existing, drafts, calendar=cal, rules=rules,
                                 extension_stands=extension_stands)
        rows = _store(db, s, case, events, history, events[0].id)
        return [row.id for row in rows]


def _suspension_reason(reason: str) -> tuple[SuspensionReason, str]:
    """The ground and the clerk's detail from ``reason`` (a code, a label, ``label：detail``,
    or the clerk's own words, which count as 规则 47(七) 其他需要中止仲裁审理的情形)."""
    text = " ".join(str(reason).split())
    if not text:
        raise ValidationError(msg("请填写中止的事由"), {"reason": msg("必填")})
    if len(text) > 200:
        raise ValidationError(msg("事由过长（最多 200 字）"), {"reason": msg("过长")})
    label, _, detail = text.partition("：")
    found = _REASONS_BY_CODE.get(label.strip()) or _REASONS_BY_LABEL.get(label.strip())
    if found is None:
        found, detail = _REASONS_BY_CODE["other"], text
    if found.code == ch.LEGACY_PUBLIC_NOTICE or label.strip().startswith("公告送达"):
        raise ValidationError(msg("公告送达请登记为“公告送达”：公告期按法定期间计算，不能自行填写起止日期"),
                              {"reason": msg("应登记为公告送达")})
    return found, detail.strip()


def add_suspension(db: Database, case_id: int, start: dt.date, end: dt.date | None = None,
                   reason: str = "", *, approved_by: str = "", today: dt.date | None = None) -> SuspensionData:
    """Record an interval in which the award clock stands still (中止审理, or days not counted
    under 规则 46(七)): its first day, and its last day when it is already over.

    Both the first and the last day are not counted (docs/legal-basis.md §3.4). A running
    suspension on one of the 规则 47 grounds marks the case as 中止.

    Args:
        start: first day of the interval.
        end: last day, or None while it still runs (it then counts up to each day's today).
        reason: a code or label of :data:`SUSPENSION_REASONS` (``label：detail`` adds the
            clerk's words; other words count as 规则 47(七)).
        approved_by: who approved the suspension (the chair or the delegated head), if known.

    Raises:
        ValidationError: a date in the future, an end before the start, no reason, a public
            notice (recorded with :func:`record_public_notice`), or an interval the law does
            not allow on that date (before acceptance, after the period ran out, overlapping
            another suspension) or that would make a later-dated event unlawful.
        ConflictError: the case is closed or rejected.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    found, detail = _suspension_reason(reason)
    who = _clean(approved_by, 60, "approved_by", msg("批准人"))
    _not_future(start, today, "start", msg("开始日期"))
    drafts = [_Draft(ch.SUSPENSION, start, found.code, detail, approved_by=who)]
    if end is not None:
        _not_future(end, today, "end", msg("结束日期"))
        if end < start:
            raise ValidationError(msg("结束日期（{isoformat}）不能早于开始日期（{isoformat2}）", isoformat=end.isoformat(), isoformat2=start.isoformat()),
                                  {"end": msg("早于开始日期")})
        drafts.append(_Draft(ch.SUSPENSION_END, end, ref=-1))
    ids = _record(db, case_id, drafts)
    return SuspensionData(ids[0], case_id, start, end, "：".join(x for x in (found.label_zh, detail) if x),
                          found.basis, False)


def end_suspension(db: Database, suspension_id: int, end: dt.date, *,
                   today: dt.date | None = None) -> SuspensionData:
    """Record the last day of a running suspension (恢复审理 the day after).

    Args:
        suspension_id: the id of the event that began it (:attr:`SuspensionData.id`).

    Raises:
        ValidationError: ``end`` in the future or before the start, or an end that would make
            a later-dated event unlawful.
        ConflictError: the suspension has already ended, or the case is closed.
        NotFound: no such suspension.
    """
    today = today or dt.date.today()
    _not_future(end, today, "end", msg("结束日期"))
    with db.session(write=False) as s:
        row = s.get(CaseClockEvent, suspension_id)
        if row is None or row.kind != ch.SUSPENSION or row.withdrawn_at is not None:
            raise NotFound(msg("找不到编号为 {suspension_id} 的中止记录，可能已被撤销", suspension_id=suspension_id))
        start, case_id = _event(row), row.case_id
        ended = s.scalar(select(CaseClockEvent.event_date).where(
            CaseClockEvent.ref_id == suspension_id, CaseClockEvent.kind == ch.SUSPENSION_END,
            CaseClockEvent.withdrawn_at.is_(None)))
    if ended is not None:
        raise ConflictError(msg("该期间已于 {isoformat} 结束", isoformat=ended.isoformat()))
    if end < start.date:
        raise ValidationError(msg("结束日期（{isoformat}）不能早于开始日期（{isoformat2}）", isoformat=end.isoformat(), isoformat2=start.date.isoformat()),
                              {"end": msg("早于开始日期")})
    _record(db, case_id, [_Draft(ch.SUSPENSION_END, end, ref=suspension_id)])
    found = ch.suspension_reason(start.ground)
    reason = "：".join(x for x in (found.label_zh if found else "", start.detail) if x)
    return SuspensionData(suspension_id, case_id, start.date, end, reason, event_basis(start),
                          start.ground == ch.LEGACY_PUBLIC_NOTICE)


def approve_extension(db: Database, case_id: int, approved_by: str, approved_on: dt.date, *,
                      extension_stands: bool | None = None, today: dt.date | None = None) -> CaseClock:
    """Record the written approval of the 15-day extension (法 43; 规则 45).

    The approval must come while the 45 days still run — on the moved-forward last day at
    the latest: an approval after that cannot revive an expired period. An approval dated
    before a re-count already recorded was given for a period that no longer exists: the
    clerk says whether it still stands (``extension_stands``).

    Raises:
        ValidationError: no approver, a date in the future, before acceptance, or after the
            45-day period had expired; or one that would make a later-dated event unlawful.
        ExtensionQuestionError: a re-count follows the approval and ``extension_stands`` is None.
        ConflictError: already extended, or the case is closed.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    who = " ".join(approved_by.split())
    if not who:
        raise ValidationError(msg("请填写批准人（仲裁委员会主任或其委托的仲裁院负责人）"), {"approved_by": msg("必填")})
    if len(who) > 60:
        raise ValidationError(msg("批准人过长（最多 60 字）"), {"approved_by": msg("过长")})
    _not_future(approved_on, today, "approved_on", msg("批准日期"))
    current = case_clock(db, case_id, today)
    if current.extended and current.extension_approved_on is not None and \
            current.extension_approved_on <= approved_on:
        raise ConflictError(msg("案件 {case_number} 已于 {extension_approved_on} 批准延长，不能重复延长", case_number=current.case_number, extension_approved_on=current.extension_approved_on))
    _record(db, case_id, [_Draft(ch.EXTENSION, approved_on, approved_by=who)], extension_stands=extension_stands)
    return case_clock(db, case_id, today)


def _recount_event(reason: str) -> RecountEvent:
    text = str(reason).strip()
    code = text.strip("（）() ")
    code = _CODE_DIGITS.get(code, code)
    found = _EVENTS_BY_CODE.get(code)
    if found is None:
        match = re.match(r"^\s*[（(]\s*([一二三四五六七1-7])\s*[)）]", text)
        if match is not None:
            found = _EVENTS_BY_CODE.get(_CODE_DIGITS.get(match.group(1), match.group(1)))
    if found is None:
        found = next((e for e in RECOUNT_EVENTS if text in (e.label_zh, e.reason_text)), None)
    if found is None:
        choices = "；".join(e.reason_text for e in RECOUNT_EVENTS)
        raise ValidationError(msg("请从《劳动人事争议仲裁办案规则》第四十六条所列情形中选择：{choices}", choices=choices),
                              {"reason": msg("不是第四十六条所列情形")})
    return found


def record_recount(db: Database, case_id: int, restart_date: dt.date, reason: str, *,
                   note: str = "", extension_stands: bool | None = None,
                   today: dt.date | None = None) -> CaseClock:
    """Record a 规则 46 event after which a period is counted afresh from ``restart_date``.

    Each re-count is its own event: an earlier one entered late does not replace a later one.

    Args:
        reason: the item, as ``"三"``, ``"（三）"``, ``"3"`` or its label (see
            :data:`RECOUNT_EVENTS`). Item (二) restarts the acceptance decision's 5 days and
            is dated on or before acceptance; the others restart the 45 days after acceptance.
            Item (六) is refused: suspension and public-notice days are left out by recording
            them with :func:`add_suspension` and :func:`record_public_notice`. For item (七)
            the clerk may instead choose "not counted" (:func:`add_suspension` with the
            ground ``law_other``).
        note: the clerk's detail (e.g. which claim was added).
        extension_stands: the answer when an extension approved before this re-count is in
            force: True keeps the 60 days for the new clock, False lets the approval lapse.

    Raises:
        ValidationError: unknown item, item (六), a date in the future, before acceptance (or
            receipt), after the period expired (法 43 ¶1: a late re-count cannot revive it),
            (二) after acceptance, or a re-count that would make a later-dated event unlawful.
        ExtensionQuestionError: an extension is in force and ``extension_stands`` is None.
        ConflictError: the case is closed or rejected.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    event = _recount_event(reason)
    if event.restarts == "none":
        raise ValidationError(msg("中止审理期间和公告送达期间不是重新计算，请登记为“中止”或“公告送达”，这些天数将不计入审理期限"), {"reason": msg("应登记为中止期间")})
    _not_future(restart_date, today, "restart_date", msg("重新计算的起算日"))
    detail = _clean(note, 160, "note", msg("说明"))
    _record(db, case_id, [_Draft(ch.RECOUNT, restart_date, event.code, detail)],
            extension_stands=extension_stands)
    return case_clock(db, case_id, today)


def record_public_notice(db: Database, case_id: int, party_id: int, published_on: dt.date, *,
                         abroad: bool = False, document: str = DEFAULT_NOTICE_DOCUMENTS, note: str = "",
                         today: dt.date | None = None) -> CaseClock:
    """Record service by public notice (公告送达) on a party, published on ``published_on``.

    The notice period is not typed: it is the rule's (30 days, 民诉法 95; 60 days for a party
    without a domicile in China, ``abroad`` — 民诉法 283 applied by analogy, a reading). The
    publication day is not counted; the party counts as served on the last day of the period
    (moved to the next working day if it is a rest day); the days from the day after
    publication to that day are not counted in the time limit (规则 46(六)). A notice of the
    application copy starts that respondent's defence period on the day it counts as served.

    Raises:
        ValidationError: unknown party, a date in the future, before acceptance, a notice
            period that would begin after the time limit ran out, a second notice to the same
            party while one runs, or one that would make a later-dated event unlawful.
        ConflictError: the case is closed or rejected.
        NotFound: no such case.
        UnknownYearError: the notice period ends in a year whose holidays are not loaded.
    """
    today = today or dt.date.today()
    _not_future(published_on, today, "published_on", msg("发出公告的日期"))
    what = _clean(document, 60, "document", msg("公告送达的文书")) or DEFAULT_NOTICE_DOCUMENTS
    detail = _clean(note, 160, "note", msg("说明"))
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    served = PeriodCalculator(cal, rules).public_notice_served(published_on, abroad)
    rule = rules["public_notice_abroad" if abroad else "public_notice"]
    with db.session(write=False) as s:
        party = s.get(Party, party_id)
        if party is None or party.case_id != case_id:
            raise ValidationError(msg("所选当事人不属于本案"), {"party_id": msg("不属于本案")})
        name = party.name
    _record(db, case_id, [_Draft(ch.PUBLIC_NOTICE, published_on, rule.key, detail, party_id=party_id,
                                 party_name=name, document=what, days=rule.days, end=served.date)])
    return case_clock(db, case_id, today)


@dataclass(frozen=True)
class NoticePeriod:
    """How a public notice published on ``published`` is counted (for the clerk to see first).

    Attributes:
        published: the publication day (not counted).
        last_counted: the 30th (or 60th) day after it, before any roll-over.
        served: the day the party counts as served (``last_counted`` moved off a rest day).
        days: the notice period applied; ``label``, ``basis``, ``reading`` of its rule.
        explanation: the whole counting in one sentence, with the dates.
    """

    published: dt.date
    last_counted: dt.date
    served: dt.date
    days: int
    label: str
    basis: str
    reading: str
    explanation: str


def public_notice_period(db: Database, published_on: dt.date, abroad: bool = False) -> NoticePeriod:
    """The notice period of a public notice published on ``published_on``, with its counting.

    Raises:
        UnknownYearError: it ends in a year whose holidays are not loaded.
    """
    rules = period_rules.rules(db)
    rule = rules["public_notice_abroad" if abroad else "public_notice"]
    served = PeriodCalculator(calendar_service.calendar(db), rules).public_notice_served(published_on, abroad).date
    last = published_on + dt.timedelta(days=rule.days)
    first = published_on + dt.timedelta(days=1)
    moved = msg("（第{days}日{isoformat}是休息日，顺延至其后第一个工作日）", days=rule.days, isoformat=last.isoformat()) if served != last else ""
    text = (msg("发出公告之日（{isoformat}）不计入，自次日起算第{days}日为视为送达之日：{isoformat2}{moved}；{isoformat3}至{isoformat2}不计入审理期限。", isoformat=published_on.isoformat(), days=rule.days, isoformat2=served.isoformat(), moved=moved, isoformat3=first.isoformat()))
    return NoticePeriod(published_on, last, served, rule.days, rule.label_zh, rule.basis, rule.reading, text)


def review_extension(db: Database, case_id: int, extension_id: int, stands: bool, *,
                     today: dt.date | None = None) -> CaseClock:
    """Answer an open question: does the extension ``extension_id`` still stand after the re-count?

    Raises:
        ValidationError: the answer would make a later-dated event unlawful.
        ConflictError: no open question about that extension (answered already, or none).
        NotFound: no such case.
    """
    today = today or dt.date.today()
    current = case_clock(db, case_id, today)
    question = next((q for q in current.questions if q.extension_id == extension_id), None)
    if question is None:
        raise ConflictError(msg("没有需要确认的延长批准（可能已经确认过）"))
    _record(db, case_id, [_Draft(ch.EXTENSION_REVIEW, question.recount_date, ch.KEPT if stands else ch.LAPSED,
                                 ref=extension_id)])
    return case_clock(db, case_id, today)


def _followers(rows: Sequence[CaseClockEvent], target: CaseClockEvent) -> set[int]:
    """Events that stand or fall with ``target``: its end, answers about it or about its re-count."""
    out = {target.id}
    for r in rows:
        if r.ref_id == target.id:
            out.add(r.id)
        if (target.kind == ch.RECOUNT and r.kind == ch.EXTENSION_REVIEW
                and r.event_date == target.event_date):
            out.add(r.id)
    return out


def withdraw_event(db: Database, event_id: int, reason: str, *, today: dt.date | None = None) -> CaseClock:
    """Withdraw a mistaken entry (撤销登记): it stays on record, marked, and counts for nothing.

    An end of a suspension and an answer about an extension go with the event they belong to.
    A withdrawal that would make another event unlawful is refused, naming that event.

    Raises:
        ValidationError: no reason, or the withdrawal would make another event unlawful.
        ConflictError: already withdrawn, or the case is closed.
        NotFound: no such event.
    """
    today = today or dt.date.today()
    why = _clean(reason, 200, "reason", msg("撤销原因"))
    if not why:
        raise ValidationError(msg("请填写撤销登记的原因"), {"reason": msg("必填")})
    cal = calendar_service.calendar(db)
    rules = period_rules.rules(db)
    with db.session() as s:
        target = s.get(CaseClockEvent, event_id)
        if target is None:
            raise NotFound(msg("找不到编号为 {event_id} 的期限变动记录", event_id=event_id))
        case = _open_case(s, target.case_id)
        if target.withdrawn_at is not None:
            raise ConflictError(msg("该登记已于 {withdrawn_at:%Y-%m-%d %H:%M} 由{withdrawn_by}撤销", withdrawn_at=target.withdrawn_at, withdrawn_by=target.withdrawn_by))
        rows = _live_rows(s, case.id)
        going = _followers(rows, target)
        events = {r.id: _event(r) for r in rows}
        before = replay(list(events.values()), received=case.received_date, accepted=case.accepted_date,
                        calendar=cal, rules=rules)
        after = replay([e for eid, e in events.items() if eid not in going], received=case.received_date,
                       accepted=case.accepted_date, calendar=cal, rules=rules, strict=True)
        _newly_unlawful(before, after, events, going, "reason", msg("撤销"))
        now = dt.datetime.now().replace(microsecond=0)
        before_status = case.status
        for r in rows:
            if r.id in going:
                r.withdrawn_at, r.withdrawn_by, r.withdrawn_reason = now, db.actor, why
                audit.record(s, db.actor, "clock.withdraw", "case", case.id,
                             f"{case.number} 撤销期限变动登记 {r.event_date.isoformat()} {event_label(_event(r))}：{why}",
                             {"event": _stored_dict(r)}, {"withdrawn_by": db.actor, "reason": why})
        s.flush()
        _sync_ends(s, case.id)
        _settle(s, case, after)
        if case.status != before_status:
            audit.record(s, db.actor, "case.status", "case", case.id,
                         f"{case.number} 状态由“{before_status.label_zh}”变为“{case.status.label_zh}”",
                         {"status": before_status}, {"status": case.status})
        case_id = case.id
    return case_clock(db, case_id, today)


def check_acceptance_change(s: Session, case_id: int, received: dt.date, accepted: dt.date | None,
                            calendar: LegalCalendar) -> None:
    """Refuse a change of the receipt or acceptance date that would make a recorded event unlawful.

    Called by the case service inside its own transaction before it saves new dates.

    Raises:
        ValidationError: naming the event that would no longer be lawful.
    """
    rows = _live_rows(s, case_id)
    if not rows:
        return
    case = s.get(Case, case_id)
    assert case is not None
    rules = period_rules.rules_in(s)
    events = {r.id: _event(r) for r in rows}
    before = replay(list(events.values()), received=case.received_date, accepted=case.accepted_date,
                    calendar=calendar, rules=rules)
    after = replay(list(events.values()), received=received, accepted=accepted, calendar=calendar, rules=rules)
    field_key = "accepted_date" if accepted != case.accepted_date else "received_date"
    _newly_unlawful(before, after, events, set(), field_key, msg("修改收件或受理日期"))


# ---------------------------------------------------------------- service records


def _service_data(r: ServiceRecord, party: Party) -> ServiceData:
    return ServiceData(r.id, r.case_id, r.party_id, party.name, party.role, r.hearing_id, r.document,
                       r.method, r.served_on, r.signed_by or "", bool(r.confirmed), r.note or "")


def record_service(db: Database, case_id: int, party_id: int, document: str,
                   method: ServiceMethod | str, served_on: dt.date, signed_by: str = "",
                   confirmed: bool = True, *, note: str = "",
                   today: dt.date | None = None) -> ServiceData:
    """Record that a document other than a hearing notice reached a party (送达记录), e.g. the
    application copy and notice to respond (申请书副本、应诉通知书) on a respondent.

    ``served_on`` is the day the party received it: the date signed on the proof of service,
    the postal receipt date. Service by public notice is recorded with
    :func:`record_public_notice`, which computes the day it counts as served and leaves the
    notice period out of the time limit. Unconfirmed service (e.g. by telephone, not
    acknowledged) is kept but does not start any period.

    Raises:
        ValidationError: unknown party, empty document name, a hearing notice (recorded with
            its hearing instead), a date in the future or before receipt/acceptance, the
            application copy addressed to an applicant.
        ConflictError: the case is closed or rejected, or the same service is already recorded.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    doc = " ".join(str(document).split())
    if not doc:
        raise ValidationError(msg("请填写送达的文书名称（如 申请书副本）"), {"document": msg("必填")})
    if len(doc) > 60:
        raise ValidationError(msg("文书名称过长（最多 60 字）"), {"document": msg("过长")})
    if doc in HEARING_NOTICE_DOCUMENTS:
        # A hearing notice belongs to one hearing; recorded here it would count for none.
        raise ValidationError(msg("{doc}的送达请在该场开庭的送达记录中登记", doc=doc), {"document": msg("属于开庭送达")})
    if not isinstance(method, ServiceMethod):
        try:
            method = ServiceMethod.from_label(str(method))
        except ValueError:
            choices = "、".join(m.label_zh for m in ServiceMethod)
            raise ValidationError(msg("送达方式“{method}”无效；可选：{choices}", method=method, choices=choices), {"method": msg("无效")}) from None
    assert isinstance(method, ServiceMethod)
    signer = " ".join(signed_by.split())
    if len(signer) > 60:
        raise ValidationError(msg("签收人过长（最多 60 字）"), {"signed_by": msg("过长")})
    remark = note.strip()
    if len(remark) > 300:
        raise ValidationError(msg("备注过长（最多 300 字）"), {"note": msg("过长")})
    _not_future(served_on, today, "served_on", msg("送达日期"))
    with db.session() as s:
        case = _open_case(s, case_id)
        party = s.get(Party, party_id)
        if party is None or party.case_id != case_id:
            raise ValidationError(msg("所选当事人不属于案件 {number}", number=case.number), {"party_id": msg("不属于本案")})
        if served_on < case.received_date:
            raise ValidationError(msg("送达日期不能早于收件日期 {isoformat}", isoformat=case.received_date.isoformat()),
                                  {"served_on": msg("早于收件日期")})
        if doc in APPLICATION_DOCUMENTS:
            if case.accepted_date is None:
                raise ValidationError(msg("案件 {number} 尚未受理，不能送达{doc}", number=case.number, doc=doc), {"document": msg("案件尚未受理")})
            if served_on < case.accepted_date:
                raise ValidationError(msg("{doc}的送达日期不能早于受理日期 {isoformat}", doc=doc, isoformat=case.accepted_date.isoformat()),
                                      {"served_on": msg("早于受理日期")})
            if party.role == PartyRole.APPLICANT:
                raise ValidationError(msg("{doc}应送达被申请人，{name}是申请人", doc=doc, name=party.name), {"party_id": msg("应为被申请人")})
        duplicate = s.scalar(select(ServiceRecord.id).where(
            ServiceRecord.case_id == case_id, ServiceRecord.party_id == party_id,
            ServiceRecord.document == doc, ServiceRecord.served_on == served_on,
            ServiceRecord.hearing_id.is_(None)))
        if duplicate is not None:
            raise ConflictError(msg("{name}于{isoformat}签收{doc}的记录已经登记过", name=party.name, isoformat=served_on.isoformat(), doc=doc))
        row = ServiceRecord(case_id=case_id, party_id=party_id, hearing_id=None, document=doc,
                            method=method, served_on=served_on, signed_by=signer or None,
                            confirmed=bool(confirmed), note=remark or None)
        s.add(row)
        s.flush()
        data = _service_data(row, party)
        audit.record(s, db.actor, "service.record", "case", case_id,
                     f"{case.number} {doc}于{served_on.isoformat()}{method.label_zh}{party.name}"
                     + ("" if confirmed else "（未确认收到）"), None, data)
        return data


def service_records(db: Database, case_id: int) -> list[ServiceData]:
    """Every service record of a case (hearing notices included), by date.

    Raises:
        NotFound: no such case.
    """
    with db.session(write=False) as s:
        if s.get(Case, case_id) is None:
            raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
        rows = s.execute(
            select(ServiceRecord, Party).join(Party, Party.id == ServiceRecord.party_id)
            .where(ServiceRecord.case_id == case_id)
            .order_by(ServiceRecord.served_on.is_(None), ServiceRecord.served_on, ServiceRecord.id)
        ).all()
        return [_service_data(r, p) for r, p in rows]



# ---------------------------------------------------------------- closed cases, for the reports
# ---------------------------------------------------------------- closed cases, for the reports


class ClosedClock(NamedTuple):
    """The award clock of a closed case, as the reports judge whether it closed on time.

    Attributes:
        due: the last day of the 45 days (intervals not counted left out, rolled over holidays).
        due_allowed: the last day the case was allowed: 60 days when an extension was in
            force, else the same as ``due``.
        excluded: the case's intervals not counted (first, last or None), as the history
            applied them.
        unknown_year: a year without a loaded holiday schedule that the date reached.
    """

    case_id: int
    due: dt.date | None
    due_allowed: dt.date | None
    excluded: tuple[tuple[dt.date, dt.date | None], ...]
    unknown_year: int | None = None
    # A named tuple, not a dataclass: a yearly report makes tens of thousands of them.


def closed_case_clocks(s: Session, where: ColumnElement[bool], calendar: LegalCalendar,
                       today: dt.date) -> dict[int, ClosedClock]:
    """The award clocks of the closed, accepted cases matching ``where``, in an open session.

    The report service calls this inside its own read session (one session per report). The
    dates are the ones :func:`case_clock` shows (same history, same calculator, same rules);
    thousands of cases share their start days, so each distinct computation runs once.
    """
    facts = _load_facts(s, where & Case.accepted_date.is_not(None) & Case.closed_date.is_not(None),
                        today, full=False)
    clk = _Clock(calendar, today, 3, period_rules.rules_in(s))
    out: dict[int, ClosedClock] = {}
    for f in facts.values():
        assert f.accepted is not None
        h = _history(f, clk)
        start = h.start if h is not None and h.start is not None else f.accepted
        spans = h.spans() if h is not None else []
        until = f.closed or today
        dues: dict[bool, dt.date | None] = {}
        unknown: int | None = None
        for extended in (False, True):
            end = clk.award_end(start, spans, extended, until)
            if isinstance(end, UnknownYearError):
                dues[extended], unknown = None, end.year
            else:
                dues[extended] = end.due
        extended_in_force = h is not None and h.extension is not None
        out[f.case_id] = ClosedClock(f.case_id, dues[False], dues[True] if extended_in_force else dues[False],
                                     tuple(spans), unknown)
    return out

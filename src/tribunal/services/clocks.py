"""Statutory clocks of cases (办案期限): every due date with its legal basis and state, and what changes them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from sqlalchemy import ColumnElement, Row, Select, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tribunal.db.engine import Database
from tribunal.db.models import Case, CaseSuspension, Hearing, Party, ServiceRecord
from tribunal.domain.enums import CaseStatus, HearingStatus, PartyRole, ServiceMethod
from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.domain.periods import (
    DUE_SOON,
    NATURAL,
    ON_TIME,
    OVERDUE,
    DueDate,
    PeriodCalculator,
    deadline_state,
    excluded_days_within,
)
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, settings
from tribunal.services import legal_calendar as calendar_service

__all__ = [
    "APPLICATION_DOCUMENTS",
    "COMPOSITION_DOCUMENTS",
    "DONE",
    "DUE_SOON",
    "HEARING_NOTICE_DOCUMENTS",
    "ITEM_KEYS",
    "ON_TIME",
    "OVERDUE",
    "RECOUNT_EVENTS",
    "STATE_LABELS",
    "SUSPENSION_REASONS",
    "UNKNOWN",
    "AwardDue",
    "CaseClock",
    "ClockItem",
    "ClosedClock",
    "DueOverview",
    "DueRow",
    "RecountEvent",
    "ServiceData",
    "SuspensionData",
    "SuspensionReason",
    "add_suspension",
    "all_award_due_dates",
    "approve_extension",
    "case_clock",
    "closed_case_clocks",
    "closing_due_dates",
    "due_overview",
    "end_suspension",
    "record_recount",
    "record_service",
    "service_records",
]

DONE: Final = "done"
UNKNOWN: Final = "unknown"

#: What the clerk sees for each state.
STATE_LABELS: Final[dict[str, str]] = {
    ON_TIME: "未到期",
    DUE_SOON: "即将到期",
    OVERDUE: "已超期",
    DONE: "已完成",
    UNKNOWN: "待定",
}

# ---------------------------------------------------------------- data: documents and events

#: Documents whose service on a respondent starts the defence period (法 30): the copy of the
#: application goes out together with the notice to respond, so either name counts.
APPLICATION_DOCUMENTS: Final = ("申请书副本", "仲裁申请书副本", "应诉通知书")
#: Documents that notify the hearing date and place (法 35). Many commissions combine the
#: composition notice (法 32) with the hearing notice in one 仲裁庭组成及开庭通知书.
HEARING_NOTICE_DOCUMENTS: Final = ("开庭通知书", "仲裁庭组成及开庭通知书")
#: Documents that notify the tribunal's composition (法 32).
COMPOSITION_DOCUMENTS: Final = ("仲裁庭组成通知书", "组庭通知书", "仲裁庭组成及开庭通知书")

_ART46 = "《劳动人事争议仲裁办案规则》第四十六条"
_ART47 = "《劳动人事争议仲裁办案规则》第四十七条"


@dataclass(frozen=True)
class RecountEvent:
    """One ground of 办案规则 art. 46 on which a period is counted afresh or stands still.

    Attributes:
        code: the item number as printed, ``"一"`` to ``"七"``.
        label_zh: the event in the clerk's words.
        restarts: which clock starts again: ``"award"`` (the 45 days), ``"accept"`` (the
            5 days to decide on acceptance) or ``"none"`` (item six: days are left out instead,
            recorded as a suspension).
        start_zh: from which day the clock runs again.
        basis: article and item.
    """

    code: str
    label_zh: str
    restarts: str
    start_zh: str
    basis: str

    @property
    def reason_text(self) -> str:
        """How the event is written into the case (``（三）申请人增加或者变更仲裁请求``)."""
        return f"（{self.code}）{self.label_zh}"


RECOUNT_EVENTS: Final[tuple[RecountEvent, ...]] = (
    RecountEvent("一", "追加当事人或者第三人", "award", "决定追加之日", f"{_ART46}第（一）项"),
    RecountEvent("二", "申请人补正申请材料", "accept", "收到补正材料之日", f"{_ART46}第（二）项"),
    RecountEvent("三", "申请人增加或者变更仲裁请求", "award", "受理增加或者变更请求之日",
                 f"{_ART46}第（三）项"),
    RecountEvent("四", "被申请人提出反申请并合并审理", "award", "受理反申请之日", f"{_ART46}第（四）项"),
    RecountEvent("五", "案件移送管辖", "award", "接受移送之日", f"{_ART46}第（五）项"),
    RecountEvent("六", "中止审理期间、公告送达期间", "none", "不计入审理期限", f"{_ART46}第（六）项"),
    RecountEvent("七", "法律、法规规定应当另行计算的其他情形", "award", "依有关规定确定之日",
                 f"{_ART46}第（七）项"),
)
_EVENTS_BY_CODE: Final = {e.code: e for e in RECOUNT_EVENTS}
_CODE_DIGITS: Final = dict(zip("1234567", "一二三四五六七", strict=True))
_REASON_CODE_RE: Final = re.compile(r"^\s*[（(]\s*([一二三四五六七1-7])\s*[)）]")


@dataclass(frozen=True)
class SuspensionReason:
    """A ground on which the case clock stands still (规则 47 grounds, public-notice service)."""

    code: str
    label_zh: str
    basis: str

    @property
    def public_notice(self) -> bool:
        """Public-notice service stops the clock but does not suspend the hearing."""
        return self.code == "public_notice"


SUSPENSION_REASONS: Final[tuple[SuspensionReason, ...]] = (
    SuspensionReason("death", "劳动者一方当事人死亡，需要等待继承人表明是否参加仲裁", f"{_ART47}第（一）项"),
    SuspensionReason("incapacity", "劳动者一方当事人丧失民事行为能力，尚未确定法定代理人参加仲裁",
                     f"{_ART47}第（二）项"),
    SuspensionReason("employer_ended", "用人单位终止，尚未确定权利义务承继者", f"{_ART47}第（三）项"),
    SuspensionReason("force_majeure", "一方当事人因不可抗拒的事由，不能参加仲裁", f"{_ART47}第（四）项"),
    SuspensionReason("other_case", "案件审理需要以其他案件的审理结果为依据，且其他案件尚未审结",
                     f"{_ART47}第（五）项"),
    SuspensionReason("appraisal", "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论",
                     f"{_ART47}第（六）项"),
    SuspensionReason("other", "其他需要中止仲裁审理的情形", f"{_ART47}第（七）项"),
    SuspensionReason("public_notice", "公告送达期间",
                     f"{_ART46}第（六）项；《中华人民共和国民事诉讼法》第九十五条"),
)
_REASONS_BY_CODE: Final = {r.code: r for r in SUSPENSION_REASONS}
_REASONS_BY_LABEL: Final = {r.label_zh: r for r in SUSPENSION_REASONS}


# ---------------------------------------------------------------- data: results


@dataclass(frozen=True)
class ClockItem:
    """One statutory date of a case with its legal basis and where it stands.

    Attributes:
        key: ``accept_by``, ``serve_application_by``, ``composition_notice_by``,
            ``defence_due``, ``earliest_hearing``, ``postpone_request_by``, and ``award_due``
            (or ``award_due_extended`` once the extension is approved).
        label_zh: what the clerk calls it.
        due: the date; None when an input is missing or its year is not loaded.
        basis: the articles the period rests on.
        unit: ``"working"`` or ``"natural"``.
        state: ``on_time`` / ``due_soon`` / ``overdue`` / ``done`` / ``unknown``.
        note: why the state is what it is, e.g. ``"2027年节假日安排尚未载入"``.
        party_deadline: the period runs against a party (defence, postponement request), not
            a duty of the commission: once it passes it is over, never overdue.
        target: for the award, the internal target (the un-rolled day moved back to a working
            day), which raises the alert earlier than the legal last day.
        verified: False while the period's length or unit is unconfirmed (rules file).
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

    @property
    def state_label(self) -> str:
        """``未到期`` / ``即将到期`` / ``已超期`` / ``已完成`` / ``待定``."""
        return STATE_LABELS[self.state]

    @property
    def unit_zh(self) -> str:
        """``工作日`` or ``自然日``."""
        return "自然日" if self.unit == NATURAL else "工作日"


@dataclass(frozen=True)
class SuspensionData:
    """An interval in which the case clock stood or stands still; ``end`` None: still running."""

    id: int
    case_id: int
    start: dt.date
    end: dt.date | None
    reason: str
    basis: str
    public_notice: bool


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
        items: the dates in the order a case runs through them.
        clock_start: the day the 45 days count from (acceptance, or a 规则 46 re-count day).
        clock_restart_reason: the re-count event, or ``""`` when counted from acceptance.
        extended: whether the 15-day extension was approved.
        excluded_days: suspension and public-notice days left out of the award clock so far.
        suspended: whether a suspension is running today.
        award_due: the effective last day (45 or 60 days, suspensions left out); None when
            not accepted or its year is not loaded.
        award_due_45 / award_due_60: the last day without / with the extension.
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
    award_due: dt.date | None = None
    award_due_45: dt.date | None = None
    award_due_60: dt.date | None = None
    suspensions: tuple[SuspensionData, ...] = ()
    unknown_years: frozenset[int] = frozenset()

    def item(self, key: str) -> ClockItem | None:
        """The item with ``key`` (``award_due`` also finds the extended award item)."""
        for it in self.items:
            if it.key == key or (key == "award_due" and it.key == "award_due_extended"):
                return it
        return None

    @property
    def next_due(self) -> ClockItem | None:
        """The earliest open item with a date (what the case list shows as 'next deadline')."""
        open_items = [it for it in self.items
                      if it.due is not None and it.state in (ON_TIME, DUE_SOON, OVERDUE)
                      and it.key != "earliest_hearing"]
        return min(open_items, key=lambda it: it.due or dt.date.max, default=None)


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


# ---------------------------------------------------------------- computing


_ITEM_RULES: Final[dict[str, tuple[str, str]]] = {
    "accept_by": ("accept", "受理决定截止日"),
    "serve_application_by": ("serve_application", "送达申请书副本截止日"),
    "composition_notice_by": ("composition_notice", "组庭通知截止日"),
    "defence_due": ("defence", "答辩期届满日"),
    "earliest_hearing": ("hearing_notice", "最早可开庭日"),
    "postpone_request_by": ("postpone_request", "延期开庭申请最迟提出日"),
    "award_due": ("award", "审理期限届满日"),
    "award_due_extended": ("award_extension", "延长后审理期限届满日"),
}
#: Keys of the items, in display order (the award item is one of the last two).
ITEM_KEYS: Final = tuple(_ITEM_RULES)


def _unknown_note(year: int) -> str:
    return f"{year}年节假日安排尚未载入，无法计算；请在“设置→法定节假日”中导入该年安排"


class _Clock:
    """The period calculator with memory: many cases share the same start days."""

    def __init__(self, calendar: LegalCalendar, today: dt.date, soon_days: int) -> None:
        self.calendar = calendar
        self.calc = PeriodCalculator(calendar)
        self.rules = self.calc.rules
        self.today = today
        self.soon_days = soon_days
        self._memo: dict[tuple[object, ...], DueDate | UnknownYearError] = {}
        self._items: dict[tuple[object, ...], ClockItem] = {}
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

    def state(self, due: dt.date) -> str:
        return deadline_state(due, self.today, self.soon_days)

    def unknown_item(self, key: str, exc: UnknownYearError, done: bool, unknown: set[int], *,
                     party: bool = False) -> ClockItem:
        """An item that could not be computed for want of ``exc.year``'s holiday schedule."""
        if not done:
            unknown.add(exc.year)
        return self.item(key, None, DONE if done else UNKNOWN, _unknown_note(exc.year), party=party)

    def item(self, key: str, due: DueDate | None, state: str, note: str = "", *,
             party: bool = False, target: dt.date | None = None) -> ClockItem:
        """The item for these values; equal items are shared (they are immutable), which saves
        most of the construction time when thousands of cases start on the same days."""
        # DueDates come from :meth:`get`'s memory, so equal ones are the same object (and stay
        # alive as long as this _Clock): their id is a cheap stand-in for hashing all fields.
        memo_key = (key, id(due), state, note, party, target)
        found = self._items.get(memo_key)
        if found is not None:
            return found
        rule_key, label = _ITEM_RULES[key]
        rule = self.rules[rule_key]
        if due is not None:
            found = ClockItem(key, label, due.date, due.basis, due.unit, state, note, party, target,
                              due.verified)
        else:
            found = ClockItem(key, label, None, rule.basis, rule.unit, state, note, party, target,
                              rule.verified)
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
    restart: dt.date | None
    restart_reason: str | None
    extended: bool
    extension_by: str | None
    extension_on: dt.date | None
    applicants: str = ""
    respondents: str = ""
    suspensions: list[tuple[int, dt.date, dt.date | None, str]] = field(default_factory=list)
    parties: dict[int, tuple[PartyRole, str]] = field(default_factory=dict)
    services: list[tuple[int, int | None, str, dt.date | None, bool]] = field(default_factory=list)
    hearing: tuple[int, dt.date] | None = None
    finished: bool = False  # closed or rejected: nothing is due any more

    def __post_init__(self) -> None:
        self.finished = self.status in (CaseStatus.CLOSED, CaseStatus.REJECTED)


def _event_of(reason: str | None) -> RecountEvent | None:
    if not reason:
        return None
    match = _REASON_CODE_RE.match(reason)
    if match is None:
        return None
    code = match.group(1)
    return _EVENTS_BY_CODE.get(_CODE_DIGITS.get(code, code))


def _award_start(f: _Facts) -> tuple[dt.date | None, str]:
    """The day the 45 days count from, and the re-count event when it is not acceptance."""
    if f.accepted is None:
        return None, ""
    if f.restart is not None:
        event = _event_of(f.restart_reason)
        if event is None or event.restarts == "award":
            return f.restart, f.restart_reason or ""
    return f.accepted, ""


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
    return f"，超过期限{(done_on - due).days}日" if done_on > due else ""


@dataclass
class _AwardInfo:
    """The figures behind the award item, for :class:`CaseClock`."""

    start: dt.date | None = None
    reason: str = ""
    excluded: int = 0
    suspended: bool = False
    due: dt.date | None = None
    due45: dt.date | None = None
    due60: dt.date | None = None


def _award(f: _Facts, clk: _Clock, unknown: set[int]) -> tuple[ClockItem, _AwardInfo]:
    """The award item and the figures behind it."""
    info = _AwardInfo()
    key = "award_due_extended" if f.extended else "award_due"
    if f.accepted is None:
        if f.finished:
            return clk.item(key, None, DONE, "案件未经受理即已结束"), info
        return clk.item(key, None, UNKNOWN, "受理后开始计算"), info
    start, reason = _award_start(f)
    assert start is not None
    info.start, info.reason = start, reason
    today = clk.today
    until = f.closed or today
    spans = [(s, e) for _, s, e, _ in f.suspensions]
    info.suspended = not f.finished and any(
        s <= today and (e is None or e >= today) for s, e in spans)
    dues: dict[int, DueDate | None] = {}
    excluded: dict[int, int] = {45: 0, 60: 0}
    failed: int | None = None
    for total, extended in ((45, False), (60, True)):
        if spans:
            excluded[total] = excluded_days_within(start, total, spans, up_to=until)
        try:
            dues[total] = clk.get("award_due", start, extended, excluded[total])
        except UnknownYearError as exc:
            dues[total] = None
            if extended == f.extended:
                failed = exc.year
    total = 60 if f.extended else 45
    due = dues[total]
    info.excluded = excluded[total]
    info.due = due.date if due else None
    info.due45 = d45.date if (d45 := dues[45]) else None
    info.due60 = d60.date if (d60 := dues[60]) else None

    notes: list[str] = []
    if reason:
        event = _event_of(reason)
        notes.append(f"自{start.isoformat()}起重新计算：{reason}"
                     + (f"（{event.basis}）" if event else ""))
    if excluded[total]:
        notes.append(f"已扣除中止审理、公告送达期间{excluded[total]}日")
    if f.extended:
        by = f"经{f.extension_by}" if f.extension_by else ""
        on = f"于{f.extension_on.isoformat()}" if f.extension_on else ""
        original = f"（原期限{info.due45.isoformat()}）" if info.due45 else ""
        notes.append(f"已{on}{by}批准延长十五日{original}")
    elif info.due60 is not None and not f.finished:
        notes.append(f"如经批准延长，可至{info.due60.isoformat()}")

    if due is None:
        assert failed is not None
        raw = start + dt.timedelta(days=total + excluded[total])
        if not f.finished:
            unknown.add(failed)
        return clk.item(key, None, DONE if f.finished else UNKNOWN,
                        "；".join([_unknown_note(failed), f"按自然日计为{raw.isoformat()}（未顺延）",
                                   *notes])), info
    if f.finished:
        closed = f.closed or today
        what = "已结案" if f.status == CaseStatus.CLOSED else "已结束"
        return clk.item(key, due, DONE, "；".join(
            [f"{what}（{closed.isoformat()}）{_late(closed, due.date)}", *notes])), info

    try:
        target = clk.get("award_target", start, f.extended, excluded[total]).date
    except UnknownYearError:  # moving back into an unloaded year: alert on the legal day
        target = due.date
    if due.date < today:
        state = OVERDUE
    elif info.suspended:
        # The clock stands still: the date moves on every day the suspension lasts.
        state = ON_TIME
        running = next((s for s in f.suspensions if s[1] <= today and (s[2] is None or s[2] >= today)), None)
        since = running[1].isoformat() if running else ""
        notes.insert(0, f"审理中止中（自{since}起），期限暂停计算；若今日恢复，届满日为{due.date.isoformat()}")
    else:
        state = clk.state(due.date)
        if state == ON_TIME and (target - today).days <= clk.soon_days:
            state = DUE_SOON
    if target != due.date and not info.suspended:
        notes.append(f"内部结案目标日{target.isoformat()}（届满日遇休息日顺延前）")
    return clk.item(key, due, state, "；".join(notes), target=target), info


def _plain_key(f: _Facts, what: str) -> tuple[object, ...] | None:
    """For a case with nothing recorded but its dates (no suspension, service, hearing or
    re-count: most cases in a bulk run), the facts its clocks depend on; else None."""
    if f.suspensions or f.services or f.hearing is not None or f.restart is not None or f.parties:
        return None
    return (what, f.status, f.received, f.accepted, f.closed, f.extended, f.extension_by, f.extension_on)


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


def _items(f: _Facts, clk: _Clock, unknown: set[int]) -> tuple[list[ClockItem], _AwardInfo]:
    """Every clock item of one case (pure: all facts already loaded)."""
    today = clk.today
    items: list[ClockItem] = []
    respondents = {pid: name for pid, (role, name) in f.parties.items() if role == PartyRole.RESPONDENT}

    attempt = clk.attempt
    # 1. Decide on acceptance: from receipt, or from receipt of corrected materials (规则 46(二)).
    event = _event_of(f.restart_reason)
    accept_from, accept_note = f.received, ""
    if f.restart is not None and event is not None and event.restarts == "accept":
        accept_from = f.restart
        accept_note = f"自{event.start_zh}（{f.restart.isoformat()}）起重新计算（{event.basis}）"
    done = f.accepted is not None or f.finished
    due = attempt("accept_by", accept_from)
    if isinstance(due, UnknownYearError):
        items.append(clk.unknown_item("accept_by", due, done, unknown))
    elif f.accepted is not None:
        items.append(clk.item("accept_by", due, DONE,
                              f"已于{f.accepted.isoformat()}受理{_late(f.accepted, due.date)}"))
    elif f.finished:
        what = "已决定不予受理" if f.status == CaseStatus.REJECTED else "案件已结束"
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
                                  "案件未经受理即已结束" if f.finished else "受理后开始计算"))
            continue
        due = attempt(method, f.accepted)
        served = _first_served(f, documents)
        missing = [name for pid, name in who.items() if pid not in served]
        if isinstance(due, UnknownYearError):
            items.append(clk.unknown_item(key, due, f.finished or (bool(who) and not missing), unknown))
        elif who and not missing:
            last = max(served[pid] for pid in who)
            items.append(clk.item(key, due, DONE, f"已于{last.isoformat()}送达{_late(last, due.date)}"))
        elif f.finished:
            items.append(clk.item(key, due, DONE, "案件已结束"))
        else:
            state = clk.state(due.date)
            note = f"尚未登记送达：{'、'.join(missing)}" if missing and served else ""
            if state == OVERDUE and progressed:
                # The case has reached the hearing stage, so the document most likely went out
                # and only its record is missing: ask for the record instead of crying overdue.
                state = UNKNOWN
                note = f"未登记送达记录（{'、'.join(missing) or '全部当事人'}）；案件已进入开庭阶段，请补登送达日期"
            items.append(clk.item(key, due, state, note))

    # 4. Defence period: 10 working days from the respondent's receipt of the application copy.
    served_resp = {pid: d for pid, d in _first_served(f, APPLICATION_DOCUMENTS).items() if pid in respondents}
    if not served_resp:
        if f.finished:
            items.append(clk.item("defence_due", None, DONE, "案件已结束", party=True))
        else:
            why = "受理后开始计算" if f.accepted is None else "被申请人签收申请书副本后开始计算"
            items.append(clk.item("defence_due", None, UNKNOWN, why, party=True))
    else:
        first = min(served_resp.values())
        due = attempt("defence_due", first)
        several = "；按最早签收的被申请人计算" if len(respondents) > 1 else ""
        if isinstance(due, UnknownYearError):
            items.append(clk.unknown_item("defence_due", due, f.finished, unknown, party=True))
        elif f.finished or due.date < today:
            items.append(clk.item("defence_due", due, DONE,
                                  f"被申请人于{first.isoformat()}签收，答辩期已届满{several}", party=True))
        else:
            items.append(clk.item("defence_due", due, clk.state(due.date),
                                  f"被申请人于{first.isoformat()}签收{several}", party=True))

    # 5.–6. The scheduled hearing: notice served on every party ≥ 5 working days before it,
    # and the parties' last day to ask for a postponement.
    if f.hearing is None:
        note = "案件已结束" if f.finished else "尚未安排开庭"
        state = DONE if f.finished else UNKNOWN
        hint = ""
        if not f.finished and f.accepted is not None:
            earliest = attempt("earliest_hearing", today)
            if isinstance(earliest, DueDate):
                hint = f"；如今日送达开庭通知，最早可于{earliest.date.isoformat()}开庭"
        items.append(clk.item("earliest_hearing", None, state, note + hint))
        items.append(clk.item("postpone_request_by", None, state, note, party=True))
    else:
        hearing_id, hearing_day = f.hearing
        served = _first_served(f, HEARING_NOTICE_DOCUMENTS, hearing_id, any_hearing=False)
        missing = [name for pid, (_, name) in all_parties.items() if pid not in served]
        if missing or not served:
            state = DONE if f.finished else UNKNOWN
            items.append(clk.item("earliest_hearing", None, state,
                                  f"开庭日{hearing_day.isoformat()}；尚未送达开庭通知：{'、'.join(missing)}"))
        else:
            last = max(served.values())
            due = attempt("earliest_hearing", last)
            if isinstance(due, UnknownYearError):
                items.append(clk.unknown_item("earliest_hearing", due, f.finished, unknown))
            elif hearing_day < due.date:
                state = DONE if f.finished else OVERDUE
                items.append(clk.item("earliest_hearing", due, state,
                                      f"开庭日{hearing_day.isoformat()}早于最早可开庭日（开庭通知最后送达于"
                                      f"{last.isoformat()}，须间隔五个工作日）：请改期或重新送达"))
            else:
                items.append(clk.item("earliest_hearing", due, DONE if f.finished else ON_TIME,
                                      f"开庭日{hearing_day.isoformat()}符合要求（开庭通知最后送达于"
                                      f"{last.isoformat()}）"))
        due = attempt("postpone_request_by", hearing_day)
        if isinstance(due, UnknownYearError):
            items.append(clk.unknown_item("postpone_request_by", due, f.finished, unknown, party=True))
        elif f.finished or due.date < today:
            items.append(clk.item("postpone_request_by", due, DONE,
                                  f"开庭日{hearing_day.isoformat()}；申请延期的期限已过", party=True))
        else:
            items.append(clk.item("postpone_request_by", due, clk.state(due.date),
                                  f"开庭日{hearing_day.isoformat()}", party=True))

    # 7. The award: 45 (or 60) natural days, suspensions left out, re-counts applied.
    award, info = _award(f, clk, unknown)
    items.append(award)
    return items, info


# ---------------------------------------------------------------- loading


_OPEN = Case.status.not_in([CaseStatus.CLOSED, CaseStatus.REJECTED])


#: The case columns the clocks read, by the :class:`_Facts` field each one fills (rows are
#: built by name, so the two orders need not agree).
_CASE_COLUMNS: Final[dict[str, InstrumentedAttribute[Any]]] = {
    "case_id": Case.id,
    "number": Case.number,
    "status": Case.status,
    "received": Case.received_date,
    "accepted": Case.accepted_date,
    "closed": Case.closed_date,
    "restart": Case.clock_restart_date,
    "restart_reason": Case.clock_restart_reason,
    "extended": Case.extension_approved,
    "extension_by": Case.extension_approved_by,
    "extension_on": Case.extension_approved_on,
    "applicants": Case.applicant_names,
    "respondents": Case.respondent_names,
}


def _load_facts(s: Session, where: ColumnElement[bool], today: dt.date, *,
                full: bool = True) -> dict[int, _Facts]:
    """The facts of every case matching ``where``: one query per table, not per case."""
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
    for case_id, sid, start, end, reason in run(
        select(CaseSuspension.case_id, CaseSuspension.id, CaseSuspension.start_date,
               CaseSuspension.end_date, CaseSuspension.reason)
        .join(Case, Case.id == CaseSuspension.case_id).where(where)
        .order_by(CaseSuspension.start_date)
    ):
        facts[case_id].suspensions.append((sid, start, end, reason))
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
    needed = with_services | set(hearings)
    if needed:
        query = (select(Party.case_id, Party.id, Party.role, Party.name)
                 .join(Case, Case.id == Party.case_id).where(where).order_by(Party.position))
        if len(needed) < 500:
            query = query.where(Party.case_id.in_(needed))
        else:
            query = query.where(or_(Party.case_id.in_(select(ServiceRecord.case_id)),
                                    Party.case_id.in_(select(Hearing.case_id))))
        for case_id, party_id, role, name in run(query):
            if case_id in needed:
                facts[case_id].parties[party_id] = (role, name)
    return facts


def _soon_days(s: Session) -> int:
    value = settings.read_all(s).get("clock.due_soon_days", 3)
    return value if isinstance(value, int) and value >= 0 else 3


def _reason_basis(reason: str) -> tuple[str, bool]:
    found = _REASONS_BY_LABEL.get(reason.split("：")[0].strip())
    if found is None:
        return "", False
    return found.basis, found.public_notice


def _suspension_data(case_id: int, sid: int, start: dt.date, end: dt.date | None, reason: str) -> SuspensionData:
    basis, public = _reason_basis(reason)
    return SuspensionData(sid, case_id, start, end, reason, basis, public)


def case_clock(db: Database, case_id: int, today: dt.date | None = None) -> CaseClock:
    """Every statutory date of one case, each with its basis and state as of ``today``.

    A date that reaches a year without a loaded holiday schedule is shown as ``unknown`` with
    a note naming the year (never guessed); the year is in ``unknown_years``.

    Raises:
        NotFound: no such case.
    """
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    with db.session(write=False) as s:
        facts = _load_facts(s, Case.id == case_id, today).get(case_id)
        if facts is None:
            raise NotFound(f"找不到编号为 {case_id} 的案件，可能已被删除")
        soon = _soon_days(s)
    clk = _Clock(cal, today, soon)
    unknown: set[int] = set()
    items, info = _items(facts, clk, unknown)
    return CaseClock(
        case_id=facts.case_id,
        case_number=facts.number,
        today=today,
        items=tuple(items),
        clock_start=info.start,
        clock_restart_reason=info.reason,
        extended=facts.extended,
        extension_approved_by=facts.extension_by or "",
        extension_approved_on=facts.extension_on,
        excluded_days=info.excluded,
        suspended=info.suspended,
        award_due=info.due,
        award_due_45=info.due45,
        award_due_60=info.due60,
        suspensions=tuple(_suspension_data(case_id, *sp) for sp in facts.suspensions),
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
        raise ValidationError("天数至少为 1", {"days": "至少为 1"})
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    with db.session(write=False) as s:
        facts = _load_facts(s, _OPEN, today)
        soon = _soon_days(s)
    clk = _Clock(cal, today, soon)
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
    due_rows.sort(key=lambda r: (r.due, r.case_number, rank[r.key]))
    overdue_rows.sort(key=lambda r: (r.due, r.case_number, rank[r.key]))
    return DueOverview(today, due_rows, overdue_rows, unknown)


def all_award_due_dates(db: Database, today: dt.date | None = None) -> dict[int, AwardDue]:
    """The award clock of every open, accepted case: one query for the cases, one for the
    suspensions, the calendar built once (this is what the 100,000-case benchmark times).

    Returns:
        case id → :class:`AwardDue`; a case whose date reaches an unloaded year has ``due``
        None, state ``unknown`` and the year in ``unknown_year``.
    """
    today = today or dt.date.today()
    cal = calendar_service.calendar(db)
    with db.session(write=False) as s:
        facts = _load_facts(s, _OPEN & Case.accepted_date.is_not(None), today, full=False)
        soon = _soon_days(s)
    clk = _Clock(cal, today, soon)
    result: dict[int, AwardDue] = {}
    for case_id, f in facts.items():
        unknown: set[int] = set()
        item, info = _award_cached(f, clk, unknown)
        result[case_id] = AwardDue(case_id, item.due, item.state, f.extended, info.excluded,
                                   next(iter(unknown), None))
    return result


# ---------------------------------------------------------------- recording what moves the clocks


def _open_case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的案件，可能已被删除")
    if case.status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
        raise ConflictError(f"案件 {case.number} {case.status.label_zh}，不能再登记期限变动")
    return case


def _not_future(day: dt.date, today: dt.date, field_key: str, what: str) -> None:
    if day > today:
        raise ValidationError(f"{what}（{day.isoformat()}）不能晚于今天", {field_key: "晚于今天"})


def _suspension_reason(reason: str) -> tuple[str, SuspensionReason | None]:
    text = " ".join(str(reason).split())
    found = _REASONS_BY_CODE.get(text) or _REASONS_BY_LABEL.get(text.split("：")[0])
    if found is not None and text in (found.code, found.label_zh):
        text = found.label_zh
    if not text:
        raise ValidationError("请填写中止（或公告送达）的事由", {"reason": "必填"})
    if len(text) > 200:
        raise ValidationError("事由过长（最多 200 字）", {"reason": "过长"})
    return text, found


def _restored_status(s: Session, case: Case) -> CaseStatus:
    """The status a case returns to when its suspension ends."""
    statuses = list(s.scalars(select(Hearing.status).where(Hearing.case_id == case.id)))
    if HearingStatus.HELD in statuses:
        return CaseStatus.HEARD
    if HearingStatus.SCHEDULED in statuses:
        return CaseStatus.SCHEDULED
    return CaseStatus.ACCEPTED


def add_suspension(db: Database, case_id: int, start: dt.date, end: dt.date | None = None,
                   reason: str = "", *, today: dt.date | None = None) -> SuspensionData:
    """Record an interval in which the award clock stands still (中止审理 or 公告送达期间).

    Args:
        start: first day of the interval.
        end: last day, or None while it still runs (it then counts up to each day's today).
        reason: a code or label of :data:`SUSPENSION_REASONS`, or the clerk's own words.

    A running suspension on one of the 规则 47 grounds also marks the case as 中止.

    Raises:
        ValidationError: a date in the future or before acceptance, an end before the start,
            an overlap with another interval, or no reason.
        ConflictError: the case is closed or rejected.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    text, found = _suspension_reason(reason)
    _not_future(start, today, "start", "开始日期")
    if end is not None:
        _not_future(end, today, "end", "结束日期")
        if end < start:
            raise ValidationError(f"结束日期（{end.isoformat()}）不能早于开始日期（{start.isoformat()}）",
                                  {"end": "早于开始日期"})
    with db.session() as s:
        case = _open_case(s, case_id)
        if case.accepted_date is None:
            raise ValidationError(f"案件 {case.number} 尚未受理，不存在审理期限", {"start": "案件尚未受理"})
        if start < case.accepted_date:
            raise ValidationError(f"开始日期不能早于受理日期 {case.accepted_date.isoformat()}",
                                  {"start": "早于受理日期"})
        for other in s.scalars(select(CaseSuspension).where(CaseSuspension.case_id == case_id)):
            other_end = other.end_date or dt.date.max
            if start <= other_end and (end or dt.date.max) >= other.start_date:
                span = f"{other.start_date.isoformat()}至{other.end_date.isoformat() if other.end_date else '今'}"
                raise ValidationError(f"与已登记的期间（{span}，{other.reason}）重叠",
                                      {"start": "与其他期间重叠"})
        row = CaseSuspension(case_id=case_id, start_date=start, end_date=end, reason=text)
        s.add(row)
        before_status = case.status
        if end is None and not (found and found.public_notice):
            case.status = CaseStatus.SUSPENDED
        s.flush()
        data = _suspension_data(case_id, row.id, start, end, text)
        audit.record(s, db.actor, "clock.suspend", "case", case_id,
                     f"{case.number} 登记{'公告送达期间' if found and found.public_notice else '中止审理'}"
                     f" 自{start.isoformat()}{'至' + end.isoformat() if end else '起'}：{text}",
                     {"status": before_status}, {"suspension": data, "status": case.status})
        return data


def end_suspension(db: Database, suspension_id: int, end: dt.date, *,
                   today: dt.date | None = None) -> SuspensionData:
    """Record the last day of a running suspension (恢复审理 the day after).

    Raises:
        ValidationError: ``end`` in the future or before the start.
        ConflictError: the suspension has already ended, or the case is closed.
        NotFound: no such suspension.
    """
    today = today or dt.date.today()
    _not_future(end, today, "end", "结束日期")
    with db.session() as s:
        row = s.get(CaseSuspension, suspension_id)
        if row is None:
            raise NotFound(f"找不到编号为 {suspension_id} 的中止记录，可能已被删除")
        case = _open_case(s, row.case_id)
        if row.end_date is not None:
            raise ConflictError(f"该期间已于 {row.end_date.isoformat()} 结束")
        if end < row.start_date:
            raise ValidationError(f"结束日期（{end.isoformat()}）不能早于开始日期（{row.start_date.isoformat()}）",
                                  {"end": "早于开始日期"})
        before = _suspension_data(case.id, row.id, row.start_date, row.end_date, row.reason)
        row.end_date = end
        before_status = case.status
        if case.status == CaseStatus.SUSPENDED:
            others = s.scalars(select(CaseSuspension).where(
                CaseSuspension.case_id == case.id, CaseSuspension.id != row.id,
                CaseSuspension.end_date.is_(None))).first()
            if others is None:
                case.status = _restored_status(s, case)
        after = _suspension_data(case.id, row.id, row.start_date, end, row.reason)
        audit.record(s, db.actor, "clock.resume", "case", case.id,
                     f"{case.number} 中止期间结束于 {end.isoformat()}：{row.reason}",
                     {"suspension": before, "status": before_status},
                     {"suspension": after, "status": case.status})
        return after


def approve_extension(db: Database, case_id: int, approved_by: str, approved_on: dt.date, *,
                      today: dt.date | None = None) -> CaseClock:
    """Record the written approval of the 15-day extension (法 43; 规则 45).

    The approval must come while the 45 days still run: an approval after the last day
    cannot revive an expired period.

    Raises:
        ValidationError: no approver, a date in the future, before the clock start, or after
            the 45-day period had expired.
        ConflictError: already extended, or the case is closed.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    who = " ".join(approved_by.split())
    if not who:
        raise ValidationError("请填写批准人（仲裁委员会主任或其委托的仲裁院负责人）", {"approved_by": "必填"})
    if len(who) > 60:
        raise ValidationError("批准人过长（最多 60 字）", {"approved_by": "过长"})
    _not_future(approved_on, today, "approved_on", "批准日期")
    cal = calendar_service.calendar(db)
    with db.session() as s:
        case = _open_case(s, case_id)
        if case.extension_approved:
            raise ConflictError(f"案件 {case.number} 已于 {case.extension_approved_on} 批准延长，不能重复延长")
        facts = _load_facts(s, Case.id == case_id, today, full=False)[case_id]
        start, _ = _award_start(facts)
        if start is None:
            raise ValidationError(f"案件 {case.number} 尚未受理，不存在审理期限", {"approved_on": "案件尚未受理"})
        if approved_on < start:
            raise ValidationError(f"批准日期不能早于审理期限起算日 {start.isoformat()}", {"approved_on": "过早"})
        spans = [(a, b) for _, a, b, _ in facts.suspensions]
        excluded = excluded_days_within(start, 45, spans, up_to=approved_on)
        raw_end = start + dt.timedelta(days=45 + excluded)
        if approved_on > raw_end:
            # Only now is the rolled-forward legal day needed (it may reach an unloaded year).
            legal_end = PeriodCalculator(cal).award_due(start, False, excluded).date
            if approved_on > legal_end:
                raise ValidationError(
                    f"四十五日审理期限已于 {legal_end.isoformat()} 届满，届满后不能再批准延长",
                    {"approved_on": "审理期限已届满"})
        before = {"extension_approved": False, "by": case.extension_approved_by, "on": case.extension_approved_on}
        case.extension_approved = True
        case.extension_approved_by = who
        case.extension_approved_on = approved_on
        audit.record(s, db.actor, "clock.extend", "case", case_id,
                     f"{case.number} 经{who}于{approved_on.isoformat()}批准延长审理期限十五日",
                     before, {"extension_approved": True, "by": who, "on": approved_on})
    return case_clock(db, case_id, today)


def _recount_event(reason: str) -> RecountEvent:
    text = str(reason).strip()
    code = text.strip("（）() ")
    code = _CODE_DIGITS.get(code, code)
    found = _EVENTS_BY_CODE.get(code) or _event_of(text)
    if found is None:
        found = next((e for e in RECOUNT_EVENTS if text in (e.label_zh, e.reason_text)), None)
    if found is None:
        choices = "；".join(e.reason_text for e in RECOUNT_EVENTS)
        raise ValidationError(f"请从《劳动人事争议仲裁办案规则》第四十六条所列情形中选择：{choices}",
                              {"reason": "不是第四十六条所列情形"})
    return found


def record_recount(db: Database, case_id: int, restart_date: dt.date, reason: str, *,
                   note: str = "", today: dt.date | None = None) -> CaseClock:
    """Record a 规则 46 event after which a period is counted afresh from ``restart_date``.

    Args:
        reason: the item, as ``"三"``, ``"（三）"``, ``"3"`` or its label (see
            :data:`RECOUNT_EVENTS`). Item (二) restarts the acceptance decision's 5 days and
            is recorded before acceptance; the others restart the 45 days after acceptance.
            Item (六) is refused: suspension and public-notice days are left out by recording
            them with :func:`add_suspension`.
        note: the clerk's detail (e.g. which claim was added), kept with the reason.

    Raises:
        ValidationError: unknown item, item (六), a date in the future or before the clock
            it restarts, (二) on an accepted case or another item on a case not yet accepted.
        ConflictError: the case is closed or rejected.
        NotFound: no such case.
    """
    today = today or dt.date.today()
    event = _recount_event(reason)
    if event.restarts == "none":
        raise ValidationError("中止审理期间和公告送达期间不是重新计算，请登记为“中止/公告送达期间”，"
                              "这些天数将不计入审理期限", {"reason": "应登记为中止期间"})
    _not_future(restart_date, today, "restart_date", "重新计算的起算日")
    detail = " ".join(note.split())
    text = event.reason_text + (f"：{detail}" if detail else "")
    if len(text) > 200:
        raise ValidationError("说明过长", {"note": "过长"})
    with db.session() as s:
        case = _open_case(s, case_id)
        if event.restarts == "accept":
            if case.accepted_date is not None:
                raise ValidationError(f"案件 {case.number} 已于 {case.accepted_date} 受理，补正材料不再影响受理期限",
                                      {"reason": "案件已受理"})
            if restart_date < case.received_date:
                raise ValidationError(f"收到补正材料的日期不能早于收件日期 {case.received_date.isoformat()}",
                                      {"restart_date": "早于收件日期"})
        else:
            if case.accepted_date is None:
                raise ValidationError(f"案件 {case.number} 尚未受理，审理期限还没有开始计算",
                                      {"reason": "案件尚未受理"})
            if restart_date < case.accepted_date:
                raise ValidationError(f"重新计算的起算日不能早于受理日期 {case.accepted_date.isoformat()}",
                                      {"restart_date": "早于受理日期"})
        before = {"clock_restart_date": case.clock_restart_date, "clock_restart_reason": case.clock_restart_reason}
        case.clock_restart_date = restart_date
        case.clock_restart_reason = text
        audit.record(s, db.actor, "clock.recount", "case", case_id,
                     f"{case.number} 自{restart_date.isoformat()}起重新计算期限：{text}（{event.basis}）",
                     before, {"clock_restart_date": restart_date, "clock_restart_reason": text})
    return case_clock(db, case_id, today)


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
    the postal receipt date, or for public notice the day service is deemed complete
    (publication + 30 days, 民诉法 95; the publication period itself is left out of the
    award clock by recording it with :func:`add_suspension`). Unconfirmed service (e.g. by
    telephone, not acknowledged) is kept but does not start any period.

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
        raise ValidationError("请填写送达的文书名称（如 申请书副本）", {"document": "必填"})
    if len(doc) > 60:
        raise ValidationError("文书名称过长（最多 60 字）", {"document": "过长"})
    if doc in HEARING_NOTICE_DOCUMENTS:
        # A hearing notice belongs to one hearing; recorded here it would count for none.
        raise ValidationError(f"{doc}的送达请在该场开庭的送达记录中登记", {"document": "属于开庭送达"})
    if not isinstance(method, ServiceMethod):
        try:
            method = ServiceMethod.from_label(str(method))
        except ValueError:
            choices = "、".join(m.label_zh for m in ServiceMethod)
            raise ValidationError(f"送达方式“{method}”无效；可选：{choices}", {"method": "无效"}) from None
    assert isinstance(method, ServiceMethod)
    signer = " ".join(signed_by.split())
    if len(signer) > 60:
        raise ValidationError("签收人过长（最多 60 字）", {"signed_by": "过长"})
    remark = note.strip()
    if len(remark) > 300:
        raise ValidationError("备注过长（最多 300 字）", {"note": "过长"})
    _not_future(served_on, today, "served_on", "送达日期")
    with db.session() as s:
        case = _open_case(s, case_id)
        party = s.get(Party, party_id)
        if party is None or party.case_id != case_id:
            raise ValidationError(f"所选当事人不属于案件 {case.number}", {"party_id": "不属于本案"})
        if served_on < case.received_date:
            raise ValidationError(f"送达日期不能早于收件日期 {case.received_date.isoformat()}",
                                  {"served_on": "早于收件日期"})
        if doc in APPLICATION_DOCUMENTS:
            if case.accepted_date is None:
                raise ValidationError(f"案件 {case.number} 尚未受理，不能送达{doc}", {"document": "案件尚未受理"})
            if served_on < case.accepted_date:
                raise ValidationError(f"{doc}的送达日期不能早于受理日期 {case.accepted_date.isoformat()}",
                                      {"served_on": "早于受理日期"})
            if party.role == PartyRole.APPLICANT:
                raise ValidationError(f"{doc}应送达被申请人，{party.name}是申请人", {"party_id": "应为被申请人"})
        duplicate = s.scalar(select(ServiceRecord.id).where(
            ServiceRecord.case_id == case_id, ServiceRecord.party_id == party_id,
            ServiceRecord.document == doc, ServiceRecord.served_on == served_on,
            ServiceRecord.hearing_id.is_(None)))
        if duplicate is not None:
            raise ConflictError(f"{party.name}于{served_on.isoformat()}签收{doc}的记录已经登记过")
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
            raise NotFound(f"找不到编号为 {case_id} 的案件，可能已被删除")
        rows = s.execute(
            select(ServiceRecord, Party).join(Party, Party.id == ServiceRecord.party_id)
            .where(ServiceRecord.case_id == case_id)
            .order_by(ServiceRecord.served_on.is_(None), ServiceRecord.served_on, ServiceRecord.id)
        ).all()
        return [_service_data(r, p) for r, p in rows]



# ---------------------------------------------------------------- closed cases, for the reports


class ClosedClock(NamedTuple):
    """The award clock of a closed case, as the reports judge whether it closed on time.

    Attributes:
        due: the last day of the 45 days (suspensions left out, rolled over holidays).
        due_allowed: the last day the case was allowed: 60 days when the extension was
            approved, else the same as ``due``.
        excluded: the case's suspension and public-notice intervals (first, last or None).
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

    The report service calls this inside its own read session (one session per report).
    """
    facts = _load_facts(s, where & Case.accepted_date.is_not(None) & Case.closed_date.is_not(None),
                        today, full=False)
    return closing_due_dates(
        ((f.case_id, f.accepted, f.closed, f.restart, f.restart_reason, f.extended,
          [(start, end) for _sid, start, end, _r in f.suspensions]) for f in facts.values()),
        calendar, today)


def closing_due_dates(cases: Iterable[tuple[int, dt.date | None, dt.date | None, dt.date | None, str | None, bool,
                                            list[tuple[dt.date, dt.date | None]]]],
                      calendar: LegalCalendar, today: dt.date) -> dict[int, ClosedClock]:
    """The award due dates of closed cases from their plain facts, for the reports.

    Each case is ``(id, accepted, closed, re-count day, re-count reason, extended, excluded
    intervals)``. The dates are the ones :func:`case_clock` shows (same calculator, same
    rules), computed without the notes: thousands of cases share their start days, so each
    distinct computation runs once.
    """
    clk = _Clock(calendar, today, 3)
    out: dict[int, ClosedClock] = {}
    # Most cases have no suspension and no re-count: their dates depend on the start day alone.
    plain: dict[dt.date, tuple[dt.date | None, dt.date | None, int | None]] = {}
    for case_id, accepted, closed, restart, reason, extended, spans in cases:
        if accepted is None:
            continue
        start = accepted
        if restart is not None:
            event = _event_of(reason)
            if event is None or event.restarts == "award":
                start = restart
        found = plain.get(start) if not spans else None
        if found is None:
            dues: dict[int, dt.date | None] = {}
            unknown: int | None = None
            for total, with_extension in ((45, False), (60, True)):
                excluded = excluded_days_within(start, total, spans, up_to=closed or today) if spans else 0
                due = clk.attempt("award_due", start, with_extension, excluded)
                if isinstance(due, UnknownYearError):
                    dues[total], unknown = None, due.year
                else:
                    dues[total] = due.date
            found = (dues[45], dues[60], unknown)
            if not spans:
                plain[start] = found
        due45, due60, unknown = found
        out[case_id] = ClosedClock(case_id, due45, due60 if extended else due45, tuple(spans), unknown)
    return out

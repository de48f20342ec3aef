"""The award clock as a dated history (期限变动记录): every change one event, replayed in date order.

Each change to a case's time limit is one dated event: a suspension and its end (中止审理),
a period not counted on another ground of law (办案规则 第四十六条第（七）项), a public-notice
period (公告送达), the approved extension (延长审理期限), each re-count of 办案规则 第四十六条
(一)–(五)、(七), and the clerk's answer whether an extension still stands after a re-count.

:func:`replay` applies the events in the order of their **dates**, whatever order they were
entered in, and judges each one against the clock computed from the events dated before it:
an event the law does not allow on its date (after the period ran out, before the clock
started, overlapping another suspension) is *unlawful* and has no effect. The services refuse
to store an entry that is unlawful or that makes an event already stored unlawful; a history
that came from older data may still hold one, and the clock then ignores it and says so.

:func:`award_end` computes the last day from the clock's start, the intervals not counted and
the extension. The readings behind both functions are set out in docs/legal-basis.md §3.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from tribunal.domain.legal_calendar import LegalCalendar, UnknownYearError
from tribunal.domain.periods import NATURAL, PeriodCalculator, PeriodRule, excluded_days_within

__all__ = [
    "EXTENSION",
    "EXTENSION_BASIS",
    "EXTENSION_REVIEW",
    "KEPT",
    "KINDS",
    "LAPSED",
    "LAW_OTHER",
    "LEGACY_PUBLIC_NOTICE",
    "PUBLIC_NOTICE",
    "RECOUNT",
    "RECOUNT_EVENTS",
    "SUSPENSION",
    "SUSPENSION_END",
    "SUSPENSION_REASONS",
    "AwardEnd",
    "ClockEvent",
    "ExtensionQuestion",
    "History",
    "Interval",
    "Judgement",
    "Lapse",
    "RecountEvent",
    "SuspensionReason",
    "award_end",
    "event_basis",
    "event_label",
    "recount_event",
    "replay",
    "suspension_reason",
    "unrolled_end",
]

# ---------------------------------------------------------------- kinds of event

RECOUNT: Final = "recount"  # 规则 46 (一)–(五)、(七): a period is counted afresh from the event's date
EXTENSION: Final = "extension"  # 法 43: the 15-day extension approved in writing on that date
EXTENSION_REVIEW: Final = "extension_review"  # whether an extension still stands after a re-count
SUSPENSION: Final = "suspension"  # first day of an interval not counted (规则 47, or 46(七))
SUSPENSION_END: Final = "suspension_end"  # last day of that interval (both ends are not counted)
PUBLIC_NOTICE: Final = "public_notice"  # publication day of a public notice (民诉法 95)
KINDS: Final = (RECOUNT, EXTENSION, EXTENSION_REVIEW, SUSPENSION, SUSPENSION_END, PUBLIC_NOTICE)

#: The order of events dated the same day. A re-count comes first (the day's other events
#: belong to the new clock), then the answer about an extension it made lapse, then the
#: intervals that begin (an interval that ends that day is still running, so a second one
#: beginning the same day overlaps it), then an extension (approved for the clock as it
#: stands that day), and last the ends of intervals. docs/legal-basis.md §3.2.
_RANK: Final[dict[str, int]] = {
    RECOUNT: 0, EXTENSION_REVIEW: 1, SUSPENSION: 2, PUBLIC_NOTICE: 2, EXTENSION: 3, SUSPENSION_END: 4,
}

KEPT: Final = "kept"  # ground of a review: the approval still stands for the new clock
LAPSED: Final = "lapsed"  # ground of a review: the approval lapsed with the re-count

_ART46: Final = "《劳动人事争议仲裁办案规则》第四十六条"
_ART47: Final = "《劳动人事争议仲裁办案规则》第四十七条"
#: The articles of the extension (法 43 ¶1; 规则 45).
EXTENSION_BASIS: Final = "《劳动争议调解仲裁法》第四十三条第一款；《劳动人事争议仲裁办案规则》第四十五条"
_LATE_BASIS: Final = "《劳动争议调解仲裁法》第四十三条第一款"


@dataclass(frozen=True)
class RecountEvent:
    """One ground of 办案规则 art. 46 on which a period is counted afresh or stands still.

    Attributes:
        code: the item number as printed, ``"一"`` to ``"七"``.
        label_zh: the event in the clerk's words.
        restarts: which clock starts again: ``"award"`` (the 45 days), ``"accept"`` (the
            5 days to decide on acceptance) or ``"none"`` (item six: days are left out instead,
            recorded as a suspension or a public notice).
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
_RECOUNTS: Final = {e.code: e for e in RECOUNT_EVENTS}


def recount_event(code: str) -> RecountEvent | None:
    """The item of 规则 46 with ``code`` (``"一"``…``"七"``), or None."""
    return _RECOUNTS.get(code)


@dataclass(frozen=True)
class SuspensionReason:
    """A ground on which the award clock stands still for an interval.

    Attributes:
        code: stable identifier stored with the event.
        label_zh: the ground in the clerk's words.
        basis: article and item.
        halts: the hearing is suspended (the case is 中止 while the interval runs); False
            for days that are only left out of the time limit.
        offered: offered for new entries (False for the ground older data was migrated with).
    """

    code: str
    label_zh: str
    basis: str
    halts: bool = True
    offered: bool = True


#: Ground of an interval left out of the time limit under 规则 46(七) (the clerk's choice of
#: "not counted" instead of "counted afresh"; docs/legal-basis.md §3.2).
LAW_OTHER: Final = "law_other"
#: Ground of the public-notice intervals recorded before public notices were their own events:
#: kept as they were (both ends not counted, the length as entered).
LEGACY_PUBLIC_NOTICE: Final = "public_notice"

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
    SuspensionReason(LAW_OTHER, "法律、法规规定不计入审理期限的其他情形", f"{_ART46}第（七）项",
                     halts=False),
    SuspensionReason(LEGACY_PUBLIC_NOTICE, "公告送达期间（按旧记录登记的期间）",
                     f"{_ART46}第（六）项；《中华人民共和国民事诉讼法》第九十五条", halts=False, offered=False),
)
_REASONS: Final = {r.code: r for r in SUSPENSION_REASONS}


def suspension_reason(code: str) -> SuspensionReason | None:
    """The ground with ``code``, or None (older data may hold the clerk's own words)."""
    return _REASONS.get(code)


# ---------------------------------------------------------------- the records


@dataclass(frozen=True)
class ClockEvent:
    """One dated change to a case's clock, as stored.

    Attributes:
        id: the stored record's id; it also orders events of the same date and kind.
        kind: one of :data:`KINDS`.
        date: the day the event takes effect: the re-count day, the approval day, the first
            (or, for an end, the last) day of an interval, the publication day of a notice.
        ground: the re-count item (``"三"``), the suspension ground's code, the public-notice
            rule key (``"public_notice"`` / ``"public_notice_abroad"``) or, for a review,
            :data:`KEPT` / :data:`LAPSED`.
        detail: the clerk's words (which claim was added, what the appraisal awaits…).
        ref: for an end, the interval it ends; for a review, the extension it is about.
        party_id, party_name: for a public notice, the party served.
        document: for a public notice, the documents it served.
        approved_by: who approved (the extension; a suspension).
        days: for a public notice, the notice period applied (30 or 60).
        end: for a public notice, the day it counts as served (the last day not counted).
        entered_by, entered_at: who recorded the event, and when.
    """

    id: int
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
    entered_by: str = ""
    entered_at: dt.datetime | None = None


def event_label(e: ClockEvent) -> str:
    """What the event is, in the clerk's words (``（三）申请人增加或者变更仲裁请求：增加加班费``)."""
    detail = f"：{e.detail}" if e.detail else ""
    if e.kind == RECOUNT:
        found = recount_event(e.ground)
        return (f"重新计算期限 {found.reason_text}" if found else "重新计算期限（旧记录）") + detail
    if e.kind == EXTENSION:
        return f"批准延长审理期限十五日（批准人：{e.approved_by or '未记录'}）" + detail
    if e.kind == EXTENSION_REVIEW:
        return ("确认延长批准在重新计算后仍然有效" if e.ground == KEPT else "确认延长批准因重新计算而失效") + detail
    if e.kind == SUSPENSION:
        reason = suspension_reason(e.ground)
        what = "不计入审理期限" if reason is not None and not reason.halts else "中止审理"
        label = reason.label_zh if reason is not None else ""
        approved = f"（批准人：{e.approved_by}）" if e.approved_by else ""
        return f"{what}开始：{label}{approved}" + (f"：{e.detail}" if e.detail and label else e.detail)
    if e.kind == SUSPENSION_END:
        return "中止审理（不计入期间）结束" + detail
    if e.kind == PUBLIC_NOTICE:
        who = e.party_name or "当事人"
        served = f"（{e.document}）" if e.document else ""
        return f"公告送达{who}{served}，公告期{e.days or '?'}日" + detail
    return e.kind


def event_basis(e: ClockEvent) -> str:
    """The articles an event rests on."""
    if e.kind == RECOUNT:
        found = recount_event(e.ground)
        return found.basis if found else _ART46
    if e.kind in (EXTENSION, EXTENSION_REVIEW):
        return EXTENSION_BASIS
    if e.kind in (SUSPENSION, SUSPENSION_END):
        reason = suspension_reason(e.ground)
        return reason.basis if reason else f"{_ART46}第（六）项；{_ART47}"
    if e.kind == PUBLIC_NOTICE:
        if e.ground == "public_notice_abroad":
            return f"{_ART46}第（六）项；《中华人民共和国民事诉讼法》第二百八十三条第二款（参照）"
        return f"{_ART46}第（六）项；《中华人民共和国民事诉讼法》第九十五条"
    return ""


# ---------------------------------------------------------------- the last day


@dataclass(frozen=True, slots=True)
class AwardEnd:
    """The award period's end for one clock.

    Attributes:
        unrolled: the last counted day before it is moved off a rest day.
        due: the legal last day (民诉法 85 ¶3: a rest day moves it to the next working day;
            an interval not counted that began on those moved-forward days moves it past
            the interval — docs/legal-basis.md §3.4).
        target: the commission's internal target (the un-rolled day moved back to a working
            day), or ``due`` when the moved-forward days were interrupted.
        excluded: the days not counted.
        moved_past_stop: whether an interval beginning on the moved-forward days moved the end.
    """

    unrolled: date
    due: date
    target: date
    excluded: int
    moved_past_stop: bool = False


def _capped(intervals: Sequence[tuple[date, date | None]], up_to: date) -> list[tuple[date, date]]:
    spans = []
    for first, last in intervals:
        last = up_to if last is None else last
        if first <= last:
            spans.append((first, last))
    return spans


def unrolled_end(
    rules: Mapping[str, PeriodRule],
    start: date,
    intervals: Sequence[tuple[date, date | None]],
    *,
    extended: bool,
    up_to: date,
) -> date | None:
    """The last counted day of the clock before any roll-over (no calendar needed), or None
    when a commission made the award period working days. Any day up to it is in time."""
    used = [rules["award"], *([rules["award_extension"]] if extended else [])]
    if any(r.unit != NATURAL for r in used):
        return None
    length = sum(r.days for r in used)
    spans = _capped(intervals, up_to)
    return start + timedelta(days=length + (excluded_days_within(start, length, spans) if spans else 0))


def award_end(
    calendar: LegalCalendar,
    rules: Mapping[str, PeriodRule],
    start: date,
    intervals: Sequence[tuple[date, date | None]],
    *,
    extended: bool,
    up_to: date,
) -> AwardEnd:
    """The last day of the 45 (or 60) days counted from ``start``, intervals left out.

    Args:
        calendar: the legal calendar (for the roll-over).
        rules: the period rules (``award``, ``award_extension``).
        start: the day the clock counts from (acceptance or a re-count day; not counted).
        intervals: ``(first, last)`` days not counted, both ends included; ``last`` None
            while still running, then counted up to ``up_to``.
        extended: whether the extension is in force.
        up_to: the day a running interval is counted to (today, or the closing day).

    Raises:
        UnknownYearError: the roll-over reaches a year without a loaded holiday schedule.
    """
    used = [rules["award"], *([rules["award_extension"]] if extended else [])]
    length = sum(r.days for r in used)
    spans = _capped(intervals, up_to)
    excluded = excluded_days_within(start, length, spans) if spans else 0
    if any(r.unit != NATURAL for r in used):
        # A commission changed the award period to working days: count as the calculator does.
        calc = PeriodCalculator(calendar, rules)
        due = calc.award_due(start, extended, excluded).date
        return AwardEnd(due, due, calc.award_target(start, extended, excluded).date, excluded)
    unrolled = start + timedelta(days=length + excluded)
    first_counted = start + timedelta(days=1)
    day, extra, moved = unrolled, 0, False
    while True:
        covering = [last for first, last in spans if max(first, first_counted) <= day <= last]
        if covering:
            # The period had not run out (the last day had only been moved forward over rest
            # days) when this interval began: its days are not counted either.
            last = max(covering)
            extra += (last - day).days + 1
            day, moved = last + timedelta(days=1), True
            continue
        if not calendar.is_working_day(day):
            day += timedelta(days=1)
            continue
        break
    target = day if moved else calendar.previous_working_day_on_or_before(unrolled)
    return AwardEnd(unrolled, day, target, excluded + extra, moved)


# ---------------------------------------------------------------- replay


@dataclass(frozen=True)
class Judgement:
    """What the replay made of one event.

    Attributes:
        lawful: False when the law does not allow the event on its date; it then has no effect.
        reason: why it is unlawful (a sentence for the clerk), or ``""``.
        effect: what the event did to the clock, in words, or ``""``.
    """

    lawful: bool
    reason: str = ""
    effect: str = ""


@dataclass(frozen=True)
class Interval:
    """Days not counted, as the replay applied them (both ends included; ``last`` None: running)."""

    first: date
    last: date | None
    event_id: int
    kind: str
    ground: str
    halts: bool
    end_event_id: int | None = None


@dataclass(frozen=True)
class ExtensionQuestion:
    """An extension approved before a re-count, with no answer yet whether it still stands."""

    extension: ClockEvent
    recount: ClockEvent

    @property
    def message(self) -> str:
        """The question as the clerk reads it."""
        by = f"经{self.extension.approved_by}" if self.extension.approved_by else ""
        return (f"{self.extension.date.isoformat()}{by}批准的延长审理期限是针对原审理期限作出的；"
                f"审理期限自{self.recount.date.isoformat()}起重新计算后，该批准是否仍然有效？"
                "未确认前按已失效计算。")


@dataclass(frozen=True)
class Lapse:
    """An extension that a re-count made lapse (``kept`` True: the clerk said it still stands)."""

    extension: ClockEvent
    recount: ClockEvent
    kept: bool | None


@dataclass(frozen=True)
class History:
    """The result of :func:`replay`.

    Attributes:
        judgements: event id → judgement, for every event given.
        order: the event ids in the order they were applied (date, then same-day order).
        accept_from: the day the 5 days to decide on acceptance count from (receipt, or the
            latest lawful (二) re-count); ``accept_event`` that re-count.
        start: the day the award clock counts from (None before acceptance); ``start_event``
            the re-count that set it (None: acceptance).
        intervals: the days not counted, as applied.
        extension: the extension in force for the clock as it stands.
        questions: extensions a re-count made lapse without an answer yet.
        lapses: every extension a re-count made lapse, with the answer if any.
        unknown_years: years a judgement could not be made for want of a holiday schedule
            (the event was then given the benefit of the doubt).
    """

    judgements: Mapping[int, Judgement]
    order: tuple[int, ...]
    accept_from: date | None
    accept_event: ClockEvent | None
    start: date | None
    start_event: ClockEvent | None
    intervals: tuple[Interval, ...]
    extension: ClockEvent | None
    questions: tuple[ExtensionQuestion, ...]
    lapses: tuple[Lapse, ...]
    unknown_years: frozenset[int] = frozenset()

    def unlawful(self) -> dict[int, str]:
        """Event id → reason, for the events that have no effect."""
        return {eid: j.reason for eid, j in self.judgements.items() if not j.lawful}

    def spans(self) -> list[tuple[date, date | None]]:
        """The intervals as ``(first, last)`` pairs."""
        return [(iv.first, iv.last) for iv in self.intervals]

    @property
    def running(self) -> Interval | None:
        """A suspension of the hearing that has not ended (the case is 中止), if any."""
        return next((iv for iv in self.intervals if iv.last is None and iv.halts), None)


@dataclass
class _Open:
    first: date
    last: date | None
    event: ClockEvent
    halts: bool
    end_event: ClockEvent | None = None


@dataclass
class _State:
    calendar: LegalCalendar
    rules: Mapping[str, PeriodRule]
    received: date | None
    accepted: date | None
    strict: bool
    accept_from: date | None = None
    accept_event: ClockEvent | None = None
    start: date | None = None
    start_event: ClockEvent | None = None
    intervals: list[_Open] = field(default_factory=list)
    extension: ClockEvent | None = None
    pending: tuple[ClockEvent, ClockEvent] | None = None
    questions: list[ExtensionQuestion] = field(default_factory=list)
    lapses: list[Lapse] = field(default_factory=list)
    unknown: set[int] = field(default_factory=set)

    def expired_on(self, day: date, extended: bool, first_stopped: date | None = None) -> date | None:
        """The legal last day if the clock as it stands on ``day`` had run out before
        ``first_stopped`` (default: ``day``), else None.

        A day up to the un-rolled last day is in time whatever the calendar says; only later
        days need the roll-over (and the holidays of its year). When that year is not loaded
        the event is given the benefit of the doubt (or, ``strict``, the error is raised).
        """
        assert self.start is not None
        when = first_stopped or day
        spans = [(iv.first, iv.last) for iv in self.intervals]
        unrolled = unrolled_end(self.rules, self.start, spans, extended=extended, up_to=day)
        if unrolled is not None and when <= unrolled:
            return None
        try:
            due = award_end(self.calendar, self.rules, self.start, spans, extended=extended, up_to=day).due
        except UnknownYearError as exc:
            if self.strict:
                raise
            self.unknown.add(exc.year)
            return None
        return due if when > due else None

    def flush(self, before: date | None) -> None:
        """Turn a pending lapse into an open question once the day of its re-count is over."""
        if self.pending is not None and (before is None or before > self.pending[1].date):
            extension, recount = self.pending
            self.questions.append(ExtensionQuestion(extension, recount))
            self.lapses.append(Lapse(extension, recount, None))
            self.pending = None


def _span_text(first: date, last: date | None) -> str:
    return f"{first.isoformat()}至{last.isoformat() if last else '今'}"


def _not_started(st: _State, e: ClockEvent, what: str) -> Judgement | None:
    if st.accepted is None or st.start is None:
        return Judgement(False, "案件尚未受理，审理期限还没有开始计算")
    if e.date < st.accepted:
        return Judgement(False, f"{what}不能早于受理日期 {st.accepted.isoformat()}（审理期限尚未开始）")
    return None


def _expired(st: _State, day: date, what: str, *, extended: bool | None = None,
             first_stopped: date | None = None) -> Judgement | None:
    in_force = st.extension is not None if extended is None else extended
    due = st.expired_on(day, in_force, first_stopped)
    if due is not None:
        limit = "延长后的审理期限" if in_force else "审理期限"
        return Judgement(False, f"{limit}已于 {due.isoformat()} 届满；{what}（{_LATE_BASIS}：期限届满后当事人"
                                "可以就该争议事项向人民法院提起诉讼）")
    return None


def _recount(st: _State, e: ClockEvent) -> Judgement:
    found = recount_event(e.ground)
    if found is not None and found.restarts == "none":
        return Judgement(False, "中止审理期间和公告送达期间不是重新计算，应登记为中止或公告送达")
    if found is not None and found.restarts == "accept":
        if st.received is not None and e.date < st.received:
            return Judgement(False, f"收到补正材料的日期不能早于收件日期 {st.received.isoformat()}")
        if st.accepted is not None and e.date > st.accepted:
            return Judgement(False, f"案件已于 {st.accepted.isoformat()} 受理，补正材料不再影响受理期限")
        st.accept_from, st.accept_event = e.date, e
        return Judgement(True, effect=f"受理审查期限自{e.date.isoformat()}起重新计算")
    refused = _not_started(st, e, "重新计算的起算日") or _expired(
        st, e.date, "届满后登记的重新计算不能使已届满的期限恢复")
    if refused is not None:
        return refused
    effect = f"审理期限自{e.date.isoformat()}起重新计算"
    if st.extension is not None:
        st.pending = (st.extension, e)
        st.extension = None
        effect += "；此前批准的延长是针对原期限作出的，需确认是否仍然有效"
    st.start, st.start_event = e.date, e
    return Judgement(True, effect=effect)


def _review(st: _State, e: ClockEvent) -> Judgement:
    if st.pending is None or st.pending[0].id != e.ref or st.pending[1].date != e.date:
        return Judgement(False, "当日没有使该延长批准失效的重新计算，无需确认")
    extension, recount = st.pending
    st.pending = None
    kept = e.ground == KEPT
    st.lapses.append(Lapse(extension, recount, kept))
    if kept:
        st.extension = extension
        return Judgement(True, effect="延长批准在重新计算后仍然有效，按六十日计算")
    return Judgement(True, effect="延长批准因重新计算而失效，按四十五日计算")


def _extension(st: _State, e: ClockEvent) -> Judgement:
    refused = _not_started(st, e, "批准日期")
    if refused is not None:
        return refused
    if st.extension is not None:
        by = f"经{st.extension.approved_by}" if st.extension.approved_by else ""
        return Judgement(False, f"已于 {st.extension.date.isoformat()} {by}批准延长，不能重复延长")
    refused = _expired(st, e.date, "届满后不能再批准延长", extended=False)
    if refused is not None:
        return refused
    st.extension = e
    st.pending = None  # a new approval for the clock as it stands answers any earlier one
    st.questions = [q for q in st.questions if q.recount is not st.start_event]
    return Judgement(True, effect="审理期限延长十五日")


def _overlap(st: _State, first: date, last: date | None, kinds: tuple[str, ...],
             party_id: int | None = None) -> _Open | None:
    for iv in st.intervals:
        if iv.event.kind not in kinds or (party_id is not None and iv.event.party_id != party_id):
            continue
        if first <= (iv.last or date.max) and (last or date.max) >= iv.first:
            return iv
    return None


def _suspension(st: _State, e: ClockEvent, ends: Mapping[int, date]) -> Judgement:
    reason = suspension_reason(e.ground)
    refused = _not_started(st, e, "开始日期")
    if refused is not None:
        return refused
    other = _overlap(st, e.date, e.date, (SUSPENSION,))
    if other is not None:
        label = event_label(other.event)
        last = other.last or ends.get(other.event.id)  # its recorded last day, if any
        return Judgement(False, f"与已登记的期间（{_span_text(other.first, last)}，{label}）重叠")
    refused = _expired(st, e.date, "届满后中止或扣除期间不能使已届满的期限恢复")
    if refused is not None:
        return refused
    st.intervals.append(_Open(e.date, None, e, reason.halts if reason is not None else True))
    return Judgement(True, effect=f"自{e.date.isoformat()}起不计入审理期限")


def _suspension_end(st: _State, e: ClockEvent, everything: Mapping[int, ClockEvent]) -> Judgement:
    target = next((iv for iv in st.intervals if iv.event.id == e.ref), None)
    if target is None:
        start = everything.get(e.ref) if e.ref is not None else None
        if start is not None and start.date > e.date:
            return Judgement(False, f"结束日期（{e.date.isoformat()}）不能早于开始日期（{start.date.isoformat()}）")
        return Judgement(False, "所结束的中止期间不产生效力")
    if target.last is not None:
        return Judgement(False, f"该期间已于 {target.last.isoformat()} 结束")
    target.last, target.end_event = e.date, e
    days = (e.date - target.first).days + 1
    return Judgement(True, effect=f"期间{_span_text(target.first, e.date)}，共{days}日")


def _public_notice(st: _State, e: ClockEvent) -> Judgement:
    refused = _not_started(st, e, "发出公告的日期")
    if refused is not None:
        return refused
    if e.end is None or e.end <= e.date:
        return Judgement(False, "公告期满视为送达之日未计算")
    first = e.date + timedelta(days=1)
    other = _overlap(st, first, e.end, (PUBLIC_NOTICE,), e.party_id)
    if other is not None:
        return Judgement(False, f"对{e.party_name or '该当事人'}的公告送达期间（{_span_text(other.first, other.last)}）"
                                "尚未届满，不能重复公告")
    # The notice period begins the day after publication: it must begin while the period
    # still runs (a notice published on the last day stops nothing).
    refused = _expired(st, e.date, "公告期间自发出公告的次日起算，已在期限届满之后，不能从审理期限中扣除",
                       first_stopped=first)
    if refused is not None:
        return refused
    st.intervals.append(_Open(first, e.end, e, False))
    return Judgement(True, effect=f"公告期间{_span_text(first, e.end)}不计入审理期限，"
                                  f"{e.end.isoformat()}视为送达")


def replay(
    events: Sequence[ClockEvent],
    *,
    received: date | None,
    accepted: date | None,
    calendar: LegalCalendar,
    rules: Mapping[str, PeriodRule],
    strict: bool = False,
) -> History:
    """Apply ``events`` in date order and judge each against the clock before it.

    Args:
        events: the case's events (withdrawn ones left out), in any order.
        received: the day the application was received.
        accepted: the acceptance day (None: not accepted; no award event is lawful then).
        calendar: the legal calendar.
        rules: the period rules.
        strict: raise :class:`UnknownYearError` when a judgement needs an unloaded year
            (for a new entry) instead of giving the event the benefit of the doubt.

    Returns:
        The judgements and the clock as the lawful events leave it.
    """
    st = _State(calendar, rules, received, accepted, strict, accept_from=received, start=accepted)
    everything = {e.id: e for e in events}
    ends = {e.ref: e.date for e in events if e.kind == SUSPENSION_END and e.ref is not None}
    judgements: dict[int, Judgement] = {}
    order = sorted(events, key=lambda e: (e.date, _RANK.get(e.kind, 9), e.id))
    for e in order:
        st.flush(e.date)
        if e.kind == RECOUNT:
            verdict = _recount(st, e)
        elif e.kind == EXTENSION_REVIEW:
            verdict = _review(st, e)
        elif e.kind == EXTENSION:
            verdict = _extension(st, e)
        elif e.kind == SUSPENSION:
            verdict = _suspension(st, e, ends)
        elif e.kind == SUSPENSION_END:
            verdict = _suspension_end(st, e, everything)
        elif e.kind == PUBLIC_NOTICE:
            verdict = _public_notice(st, e)
        else:
            verdict = Judgement(False, f"未知的期限变动类别“{e.kind}”")
        judgements[e.id] = verdict
    st.flush(None)
    intervals = tuple(
        Interval(iv.first, iv.last, iv.event.id, iv.event.kind, iv.event.ground, iv.halts,
                 iv.end_event.id if iv.end_event else None)
        for iv in sorted(st.intervals, key=lambda iv: (iv.first, iv.event.id)))
    return History(
        judgements=judgements, order=tuple(e.id for e in order), accept_from=st.accept_from,
        accept_event=st.accept_event, start=st.start, start_event=st.start_event, intervals=intervals,
        extension=st.extension, questions=tuple(st.questions), lapses=tuple(st.lapses),
        unknown_years=frozenset(st.unknown))

"""Statutory periods (仲裁期间) as data with their legal basis, and the due dates they give.

The lengths and units of the periods are not written in code: they come from
``resources/periods.json`` (:func:`load_rules`), which a commission can correct after
checking the official text. :class:`PeriodCalculator` applies them to a
:class:`~tribunal.domain.legal_calendar.LegalCalendar`; every result is a :class:`DueDate`
that carries the legal basis, so the clerk sees why a date is what it is.

Counting follows 民诉法 art. 85 (via 办案规则 art. 19): the day that starts a period is not
counted; a natural-day period whose last day falls on a rest day or holiday ends on the next
working day. "N days before the hearing" is read conservatively: N full working days must lie
strictly between the two dates. docs/legal-basis.md §2 explains each reading.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, NamedTuple

from tribunal.domain.legal_calendar import LegalCalendar
from tribunal.errors import TribunalError
from tribunal.texts import msg

__all__ = [
    "CLOCK_KEYS",
    "DUE_SOON",
    "NATURAL",
    "ON_TIME",
    "OVERDUE",
    "REQUIRED_RULES",
    "WORKING",
    "ClockInputError",
    "DueDate",
    "NoticeCheck",
    "PeriodCalculator",
    "PeriodRule",
    "PeriodRulesError",
    "award_unrolled",
    "compute_clock",
    "days_in_intervals",
    "deadline_state",
    "default_rules_path",
    "excluded_days_within",
    "load_rules",
    "parse_rules",
    "shipped_rules",
]

WORKING: Final = "working"  # 工作日
NATURAL: Final = "natural"  # 自然日
_UNITS: Final = (WORKING, NATURAL)

#: Rule keys the program needs; a rules file lacking one of them is refused.
REQUIRED_RULES: Final = (
    "accept",  # 受理审查: received + 5
    "serve_application",  # 送达申请书副本: accepted + 5
    "composition_notice",  # 组庭通知: accepted + 5
    "defence",  # 答辩期: served + 10
    "hearing_notice",  # 开庭通知: >= 5 before the hearing
    "postpone_request",  # 申请延期开庭: >= 3 before the hearing
    "award",  # 审理期限: accepted + 45
    "award_extension",  # 延长: + 15
    "public_notice",  # 公告送达: publication + 30, then deemed served
    "public_notice_abroad",  # no domicile in China: publication + 60 (a reading)
)

#: Keys of :func:`compute_clock`'s result, in display order.
CLOCK_KEYS: Final = (
    "accept_by",
    "defence_due",
    "earliest_hearing",
    "postpone_request_by",
    "award_due",
    "award_due_extended",
)

OVERDUE: Final = "overdue"
DUE_SOON: Final = "due_soon"
ON_TIME: Final = "on_time"
DeadlineState = Literal["overdue", "due_soon", "on_time"]

# What the clerk calls each computed date (presentation, not law: the law is in the rules).
_DUE_LABELS: Final[dict[str, str]] = {
    "accept_by": msg("受理决定截止日"),
    "serve_application_by": msg("送达申请书副本截止日"),
    "composition_notice_by": msg("组庭通知截止日"),
    "defence_due": msg("答辩期届满日"),
    "earliest_hearing": msg("最早可开庭日"),
    "latest_notice_service": msg("开庭通知最迟送达日"),
    "postpone_request_by": msg("延期开庭申请最迟提出日"),
    "award_due": msg("审理期限届满日"),
    "award_due_extended": msg("延长后审理期限届满日"),
    "award_target": msg("内部结案目标日"),
    "public_notice_served": msg("公告期满视为送达日"),
}


#: The names of the shipped rules (resources/periods.json) as texts the GUI can translate; a
#: name a commission wrote itself is shown as written.
_RULE_LABELS: Final[dict[str, str]] = {label: label for label in (
    msg("受理审查期限"), msg("送达仲裁申请书副本期限"), msg("书面通知仲裁庭组成期限"), msg("答辩期"),
    msg("开庭通知提前期"), msg("申请延期开庭期限"), msg("仲裁审理期限"), msg("延长审理期限"),
    msg("公告送达期间"), msg("公告送达期间（在中华人民共和国领域内没有住所的当事人）"),
)}


def due_label(key: str) -> str:
    """What the clerk calls the computed date ``key`` (``award_due`` → ``审理期限届满日``);
    an unknown key is returned as it is."""
    return _DUE_LABELS.get(key, key)


class PeriodRulesError(TribunalError, ValueError):
    """The period rules file is missing, unreadable or incomplete."""


class ClockInputError(TribunalError, ValueError):
    """The dates given for a case cannot be in that order (or a day count is negative)."""


@dataclass(frozen=True, slots=True)
class PeriodRule:
    """One statutory period: its length, unit and legal basis.

    Attributes:
        key: stable identifier, e.g. ``"defence"``.
        label_zh: what the period is called, e.g. ``"答辩期"``.
        days: its length in ``unit``.
        unit: ``"working"`` (工作日) or ``"natural"`` (自然日).
        basis: the articles it rests on, e.g. ``"《劳动争议调解仲裁法》第三十条；…"``.
        note: how it is counted, exceptions, what remains to be checked.
        verified: False while the rule (length, unit or article) is unconfirmed against
            the official text; the GUI should flag such dates. The shipped file marks every
            rule unverified; a commission confirms rules in the database
            (``services.period_rules``), which sets this flag on the rules it hands out.
        reading: non-empty when the rule is not the words of a statute but the program's
            reading where the law is silent (e.g. applying a civil-procedure period by
            analogy); shown to the clerk beside every date that depends on it.
    """

    key: str
    label_zh: str
    days: int
    unit: str
    basis: str
    note: str = ""
    verified: bool = False
    reading: str = ""

    def __post_init__(self) -> None:
        if self.unit not in _UNITS:
            raise PeriodRulesError(
                msg("期间规则“{key}”的单位“{unit}”无效，只能是 working（工作日）或 natural（自然日）。", key=self.key, unit=self.unit)
            )
        if isinstance(self.days, bool) or not isinstance(self.days, int) or self.days < 0:
            raise PeriodRulesError(msg("期间规则“{key}”的天数“{days}”无效。", key=self.key, days=self.days))

    @property
    def unit_zh(self) -> str:
        """``"工作日"`` or ``"自然日"``."""
        return msg("工作日") if self.unit == WORKING else msg("自然日")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PeriodRule:
        """Build a rule from one entry of the rules file."""
        key = str(data.get("key", "")).strip()
        try:
            return cls(
                key=key,
                label_zh=_RULE_LABELS.get(str(data["label_zh"]), str(data["label_zh"])),
                days=data["days"],
                unit=str(data["unit"]),
                basis=str(data["basis"]),
                note=str(data.get("note", "")),
                verified=bool(data.get("verified", False)),
                reading=str(data.get("reading", "")),
            )
        except KeyError as missing:
            raise PeriodRulesError(msg("期间规则“{value}”缺少字段 {missing}。", value=key or '?', missing=missing)) from None

    def to_dict(self) -> dict[str, Any]:
        """The rule as one entry of the rules file."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DueDate:
    """A computed date with the period and legal basis behind it.

    Attributes:
        key: what the date is, e.g. ``"defence_due"``.
        date: the date.
        label_zh: how the clerk calls it, e.g. ``"答辩期届满日"``.
        basis: the legal basis of the period.
        unit: ``"working"`` or ``"natural"``.
        verified: False when the underlying rule is not yet confirmed.
        reading: the program's reading the date depends on where the law is silent
            (:attr:`PeriodRule.reading`), or ``""``.
    """

    key: str
    date: date
    label_zh: str
    basis: str
    unit: str
    verified: bool = True
    reading: str = ""


class NoticeCheck(NamedTuple):
    """Result of a "served N days before the hearing" check."""

    timely: bool
    working_days_between: int
    required: int


# --------------------------------------------------------------------------- loading


def default_rules_path() -> Path:
    """The shipped ``resources/periods.json``."""
    try:
        from tribunal.resources import resource_path
    except ImportError:
        return Path(__file__).resolve().parents[3] / "resources" / "periods.json"
    return Path(resource_path("periods.json"))


def parse_rules(data: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> dict[str, PeriodRule]:
    """Turn the rules file's content (or a list of rule entries) into rules by key.

    Raises:
        PeriodRulesError: an entry is malformed, a key is repeated or a required rule is missing.
    """
    entries = data.get("rules", []) if isinstance(data, Mapping) else data
    rules: dict[str, PeriodRule] = {}
    for entry in entries:
        rule = PeriodRule.from_dict(entry)
        if rule.key in rules:
            raise PeriodRulesError(msg("期间规则“{key}”重复出现。", key=rule.key))
        rules[rule.key] = rule
    missing = [key for key in REQUIRED_RULES if key not in rules]
    if missing:
        raise PeriodRulesError(msg("期间规则文件缺少以下规则：{items}。", items='、'.join(missing)))
    return rules


def load_rules(path: str | Path | None = None) -> dict[str, PeriodRule]:
    """Load the period rules from ``path`` (default: the shipped ``resources/periods.json``).

    Raises:
        PeriodRulesError: the file cannot be read, is not JSON, or lacks a required rule.
    """
    try:
        file = Path(path) if path is not None else default_rules_path()
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise PeriodRulesError(msg("无法读取期间规则文件：{error}", error=error)) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PeriodRulesError(msg("期间规则文件 {file} 格式错误：{error}", file=file, error=error)) from error
    return parse_rules(data)


@functools.cache
def shipped_rules() -> Mapping[str, PeriodRule]:
    """The shipped rules (``resources/periods.json``), read from disk once per process.

    The one cache of the period rules: every calculator built without explicit rules, the
    clock service and the scheduling check share it. The mapping is read-only.

    Raises:
        PeriodRulesError: as :func:`load_rules`.
    """
    return MappingProxyType(load_rules())


def award_unrolled(rules: Mapping[str, PeriodRule], accepted: date, extended: bool = False,
                   excluded_days: int = 0) -> date | None:
    """The award period's last day before it is moved off a rest day, or None.

    A hearing on or before this day is within the time limit whatever the holiday
    schedule of the later year says. None when a commission changed the award period (or
    its extension) to working days: then only the calendar can tell.

    Args:
        rules: the period rules.
        accepted: the day the period starts from (after any re-count event).
        extended: whether the 15-day extension was approved.
        excluded_days: suspension and public-notice days, added back.
    """
    used = [rules["award"], *([rules["award_extension"]] if extended else [])]
    if any(r.unit != NATURAL for r in used):
        return None
    return accepted + timedelta(days=excluded_days + sum(r.days for r in used))


# --------------------------------------------------------------------------- computing


class PeriodCalculator:
    """Applies the period rules to a legal calendar.

    Args:
        calendar: the working-day calendar.
        rules: rules by key; the shipped file (:func:`shipped_rules`) when omitted.

    Every method raises :class:`~tribunal.domain.legal_calendar.UnknownYearError` when the
    computation reaches a year whose holiday schedule is not loaded.
    """

    def __init__(
        self, calendar: LegalCalendar, rules: Mapping[str, PeriodRule] | None = None
    ) -> None:
        self.calendar = calendar
        self.rules: Mapping[str, PeriodRule] = rules if rules is not None else shipped_rules()

    def _rule(self, key: str) -> PeriodRule:
        try:
            return self.rules[key]
        except KeyError:
            raise PeriodRulesError(msg("期间规则文件缺少规则“{key}”。", key=key)) from None

    def _due(self, key: str, day: date, *rules: PeriodRule) -> DueDate:
        bases = list(dict.fromkeys(r.basis for r in rules))
        units = {r.unit for r in rules}
        return DueDate(
            key=key,
            date=day,
            label_zh=_DUE_LABELS[key],
            basis="；".join(bases),
            unit=units.pop() if len(units) == 1 else "mixed",
            verified=all(r.verified for r in rules),
            reading="；".join(dict.fromkeys(r.reading for r in rules if r.reading)),
        )

    def _end(self, start: date, days: int, unit: str) -> date:
        """Last day of a period of ``days`` ``unit`` that starts after ``start``."""
        if unit == WORKING:
            return self.calendar.add_working_days(start, days)
        return self.calendar.next_working_day_on_or_after(start + timedelta(days=days))

    def _after(self, key: str, rule_key: str, start: date) -> DueDate:
        rule = self._rule(rule_key)
        return self._due(key, self._end(start, rule.days, rule.unit), rule)

    def accept_by(self, received: date) -> DueDate:
        """Last day to decide on acceptance: ``received`` + 5 working days (法 29)."""
        return self._after("accept_by", "accept", received)

    def serve_application_by(self, accepted: date) -> DueDate:
        """Last day to serve the application copy on the respondent: ``accepted`` + 5 (法 30)."""
        return self._after("serve_application_by", "serve_application", accepted)

    def composition_notice_by(self, accepted: date) -> DueDate:
        """Last day to notify the tribunal's composition: ``accepted`` + 5 (法 32)."""
        return self._after("composition_notice_by", "composition_notice", accepted)

    def defence_due(self, served: date) -> DueDate:
        """Last day of the defence period: respondent's receipt ``served`` + 10 (法 30)."""
        return self._after("defence_due", "defence", served)

    def _days_between(self, first: date, last: date, unit: str) -> int:
        if unit == WORKING:
            return self.calendar.working_days_strictly_between(first, last)
        return max((last - first).days - 1, 0)

    def earliest_hearing(self, served: date) -> DueDate:
        """First working day H with the required full days strictly between ``served`` and H.

        ``served`` is the day the hearing notice reached the party (送达回证 date).
        """
        rule = self._rule("hearing_notice")
        if rule.unit == WORKING:
            day = self.calendar.add_working_days(served, rule.days + 1)
        else:
            day = self.calendar.next_working_day_on_or_after(served + timedelta(days=rule.days + 1))
        return self._due("earliest_hearing", day, rule)

    def _latest_before(self, key: str, rule_key: str, hearing: date) -> DueDate:
        rule = self._rule(rule_key)
        if rule.unit == WORKING:
            day = self.calendar.add_working_days(hearing, -(rule.days + 1))
        else:
            day = self.calendar.previous_working_day_on_or_before(
                hearing - timedelta(days=rule.days + 1)
            )
        return self._due(key, day, rule)

    def latest_notice_service(self, hearing: date) -> DueDate:
        """Last working day on which the hearing notice may be served for ``hearing``."""
        return self._latest_before("latest_notice_service", "hearing_notice", hearing)

    def postpone_request_by(self, hearing: date) -> DueDate:
        """Last working day R with three full working days strictly between R and ``hearing``."""
        return self._latest_before("postpone_request_by", "postpone_request", hearing)

    def _check_before(self, rule_key: str, earlier: date, hearing: date) -> NoticeCheck:
        rule = self._rule(rule_key)
        between = self._days_between(earlier, hearing, rule.unit)
        return NoticeCheck(between >= rule.days, between, rule.days)

    def notice_is_timely(self, served: date, hearing: date) -> NoticeCheck:
        """Whether a hearing notice served on ``served`` is in time for ``hearing``.

        Returns:
            ``(timely, working_days_between, required)``; falsy ``timely`` when fewer than
            the required full working days lie strictly between the two dates.
        """
        return self._check_before("hearing_notice", served, hearing)

    def public_notice_served(self, published: date, abroad: bool = False) -> DueDate:
        """The day service by public notice counts as done (公告送达视为送达之日).

        ``published`` + 30 natural days (民诉法 95), or + 60 for a party without a domicile
        in China (``abroad``; 民诉法 283 applied by analogy, a reading): the publication day
        is not counted and a last day on a rest day moves to the next working day (民诉法
        85), like every period. docs/legal-basis.md §3.3.
        """
        return self._after("public_notice_served", "public_notice_abroad" if abroad else "public_notice",
                           published)

    def postponement_is_timely(self, requested: date, hearing: date) -> NoticeCheck:
        """Whether a postponement request made on ``requested`` is in time for ``hearing``."""
        return self._check_before("postpone_request", requested, hearing)

    def _award_rules(self, extended: bool) -> list[PeriodRule]:
        rules = [self._rule("award")]
        if extended:
            rules.append(self._rule("award_extension"))
        return rules

    def award_due(self, accepted: date, extended: bool = False, excluded_days: int = 0) -> DueDate:
        """Last day to close the case (法 43): ``accepted`` + 45 (60 if extended) natural days.

        Args:
            accepted: the acceptance date (already moved by a 规则 46 re-count event).
            extended: whether the 15-day extension was approved in writing.
            excluded_days: suspension and public-notice days, added back (规则 46(六)).

        The extension counts 60 days from acceptance and then rolls forward, which is
        earlier or equal to rolling day 45 first and adding 15 (docs/legal-basis.md §3.1).
        """
        if excluded_days < 0:
            raise ClockInputError(msg("不计入审理期限的天数不能为负数。"))
        rules = self._award_rules(extended)
        start = accepted + timedelta(days=excluded_days)
        if len({r.unit for r in rules}) == 1:
            day = self._end(start, sum(r.days for r in rules), rules[0].unit)
        else:  # a commission changed one unit: count the periods one after the other
            day = start
            for rule in rules:
                day = self._end(day, rule.days, rule.unit)
        return self._due("award_due_extended" if extended else "award_due", day, *rules)

    def award_target(
        self, accepted: date, extended: bool = False, excluded_days: int = 0
    ) -> DueDate:
        """Internal target for closing the case: the un-rolled last day, moved back to a working day.

        The legal last day (:meth:`award_due`) rolls forward over weekends; alerts should be
        raised against this earlier date (docs/legal-basis.md §2.3).
        """
        if excluded_days < 0:
            raise ClockInputError(msg("不计入审理期限的天数不能为负数。"))
        rules = self._award_rules(extended)
        raw = award_unrolled(self.rules, accepted, extended, excluded_days)
        if raw is None:
            due = self.award_due(accepted, extended, excluded_days)
            return self._due("award_target", due.date, *rules)
        return self._due(
            "award_target", self.calendar.previous_working_day_on_or_before(raw), *rules
        )


def days_in_intervals(
    intervals: Iterable[tuple[date, date | None]], up_to: date | None = None
) -> int:
    """Count the distinct days covered by ``intervals`` (e.g. suspensions, 中止期间).

    Args:
        intervals: ``(start, end)`` pairs, both ends included; ``end`` None means still
            running (then ``up_to`` is required). Overlapping intervals count once.
        up_to: days after this date are not counted (e.g. today).

    Raises:
        ClockInputError: an interval ends before it starts, or is open without ``up_to``.
    """
    spans: list[tuple[date, date]] = []
    for start, end in intervals:
        if end is not None and end < start:
            raise ClockInputError(
                msg("期间的结束日期 {isoformat} 早于开始日期 {isoformat2}。", isoformat=end.isoformat(), isoformat2=start.isoformat())
            )
        if end is None:
            if up_to is None:
                raise ClockInputError(msg("尚未结束的期间需要给出计算截止日期。"))
            end = up_to
        if up_to is not None:
            end = min(end, up_to)
        if start <= end:
            spans.append((start, end))
    spans.sort()
    total = 0
    current: tuple[date, date] | None = None
    for start, end in spans:
        if current is not None and start <= current[1] + timedelta(days=1):
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            total += (current[1] - current[0]).days + 1
        current = (start, end)
    if current is not None:
        total += (current[1] - current[0]).days + 1
    return total


def excluded_days_within(
    start: date,
    days: int,
    intervals: Iterable[tuple[date, date | None]],
    up_to: date | None = None,
) -> int:
    """How many days of ``intervals`` stop a ``days``-long natural-day clock started on ``start``.

    The clock counts the days after ``start`` that are not excluded (中止审理期间、公告送达期间,
    办案规则 art. 46(六)); this returns the number of excluded days that fall before the clock
    has counted ``days`` days, so that ``start + days + result`` is the un-rolled last day.
    Unlike :func:`days_in_intervals`, days on or before ``start`` (the clock had not started
    yet: a suspension before a re-count, or the start day itself, which is never counted) and
    days after the clock has run out (a suspension ordered after the deadline cannot revive it)
    are left out.

    Args:
        start: the day the clock starts (acceptance or a 规则 46 re-count day); not counted.
        days: the length of the clock in natural days (45, or 60 with the extension).
        intervals: ``(first, last)`` pairs, both ends included; ``last`` None means still
            running (then ``up_to`` is required). Overlaps count once.
        up_to: days after this date are not counted (e.g. today, for a running suspension).

    Raises:
        ClockInputError: an interval ends before it starts, is open without ``up_to``, or
            ``days`` is negative.
    """
    if days < 0:
        raise ClockInputError(msg("期间天数不能为负数。"))
    spans: list[tuple[date, date]] = []
    first_counted = start + timedelta(days=1)
    for first, last in intervals:
        if last is not None and last < first:
            raise ClockInputError(
                msg("期间的结束日期 {isoformat} 早于开始日期 {isoformat2}。", isoformat=last.isoformat(), isoformat2=first.isoformat())
            )
        if last is None:
            if up_to is None:
                raise ClockInputError(msg("尚未结束的期间需要给出计算截止日期。"))
            last = up_to
        if up_to is not None:
            last = min(last, up_to)
        first = max(first, first_counted)
        if first <= last:
            spans.append((first, last))
    spans.sort()
    end = start + timedelta(days=days)
    excluded = 0
    covered_to: date | None = None  # last excluded day already added (overlaps count once)
    for first, last in spans:
        if covered_to is not None:
            if last <= covered_to:
                continue
            first = max(first, covered_to + timedelta(days=1))
        if first > end:
            break
        length = (last - first).days + 1
        excluded += length
        end += timedelta(days=length)
        covered_to = last
    return excluded


def deadline_state(due: date, today: date, soon_days: int = 3) -> DeadlineState:
    """``"overdue"`` after ``due``; ``"due_soon"`` from ``soon_days`` natural days before it
    through the due day itself; otherwise ``"on_time"``."""
    if soon_days < 0:
        raise ValueError("soon_days must not be negative")
    left = (due - today).days
    if left < 0:
        return OVERDUE
    if left <= soon_days:
        return DUE_SOON
    return ON_TIME


def compute_clock(
    calendar: LegalCalendar,
    rules: Mapping[str, PeriodRule] | None = None,
    *,
    received: date | None = None,
    accepted: date | None = None,
    served: date | None = None,
    hearing: date | None = None,
    extended: bool = False,
    suspended_days: int = 0,
) -> dict[str, DueDate | None]:
    """Compute a case's statutory dates from what is known so far.

    Args:
        calendar: the legal calendar.
        rules: the period rules; the shipped file when None.
        received: day the application was received (收件).
        accepted: day it was accepted (受理), moved by any 规则 46 re-count event.
        served: day the respondent received the application copy and hearing notice.
        hearing: the scheduled hearing day.
        extended: ignored; kept so that older callers keep working. ``award_due_extended``
            is computed whenever ``accepted`` is given: it is the last day the case may run
            *if* the 15-day extension is approved, which the clerk needs to know before
            asking for the approval, not only after it.
        suspended_days: suspension and public-notice days not counted in the 45 days.

    Returns:
        A dict with exactly the keys of :data:`CLOCK_KEYS`; a value is None when the date
        it depends on is not given.

    Raises:
        ClockInputError: the dates are in an impossible order or ``suspended_days`` < 0.
        UnknownYearError: a date falls in a year without a loaded holiday schedule.
    """
    if received is not None and accepted is not None and accepted < received:
        raise ClockInputError(
            msg("受理日期（{isoformat}）不能早于收到申请的日期（{isoformat2}）。", isoformat=accepted.isoformat(), isoformat2=received.isoformat())
        )
    if accepted is not None and served is not None and served < accepted:
        raise ClockInputError(
            msg("送达日期（{isoformat}）不能早于受理日期（{isoformat2}）。", isoformat=served.isoformat(), isoformat2=accepted.isoformat())
        )
    if received is not None and served is not None and served < received:
        raise ClockInputError(
            msg("送达日期（{isoformat}）不能早于收到申请的日期（{isoformat2}）。", isoformat=served.isoformat(), isoformat2=received.isoformat())
        )
    if served is not None and hearing is not None and hearing < served:
        raise ClockInputError(
            msg("开庭日期（{isoformat}）不能早于送达日期（{isoformat2}）。", isoformat=hearing.isoformat(), isoformat2=served.isoformat())
        )
    if accepted is not None and hearing is not None and hearing < accepted:
        raise ClockInputError(
            msg("开庭日期（{isoformat}）不能早于受理日期（{isoformat2}）。", isoformat=hearing.isoformat(), isoformat2=accepted.isoformat())
        )
    del extended  # see Args: the extended date is always given
    if suspended_days < 0:
        raise ClockInputError(msg("中止审理等不计入审理期限的天数不能为负数。"))

    calc = PeriodCalculator(calendar, rules)
    clock: dict[str, DueDate | None] = dict.fromkeys(CLOCK_KEYS)
    if received is not None:
        clock["accept_by"] = calc.accept_by(received)
    if served is not None:
        clock["defence_due"] = calc.defence_due(served)
        clock["earliest_hearing"] = calc.earliest_hearing(served)
    if hearing is not None:
        clock["postpone_request_by"] = calc.postpone_request_by(hearing)
    if accepted is not None:
        clock["award_due"] = calc.award_due(accepted, False, suspended_days)
        clock["award_due_extended"] = calc.award_due(accepted, True, suspended_days)
    return clock

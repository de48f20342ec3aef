"""The legal calendar (法定节假日与调休安排): which days are working days, from explicit data.

A working day (工作日) is Monday to Friday unless it is a statutory holiday or a bridged day
off (放假日), plus every Saturday or Sunday that the State Council's annual notice turns into
a make-up working day (调休上班日). The calendar knows only the years it was given: asking
about any other year raises :class:`UnknownYearError` instead of guessing from weekdays,
because a guessed deadline in an unpublished year is silently wrong by up to a week.

The data comes from the ``chinese_calendar`` package by default
(:meth:`LegalCalendar.from_chinese_calendar`) and can be stored as plain rows
``(date, kind, name)`` in a database table so that a clerk can correct or import a year
(:meth:`LegalCalendar.to_rows`, :meth:`LegalCalendar.from_rows`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from tribunal.errors import TribunalError
from tribunal.texts import msg

__all__ = [
    "HOLIDAY",
    "KINDS",
    "WORKDAY",
    "DayRule",
    "LegalCalendar",
    "UnknownYearError",
]

#: ``DayRule.kind`` of a day off: statutory holiday or bridged rest day (放假日).
HOLIDAY: Final = "holiday"
#: ``DayRule.kind`` of a make-up working day on a weekend (调休上班日).
WORKDAY: Final = "workday"
KINDS: Final = (HOLIDAY, WORKDAY)
#: 星期一 … 星期日 by ``date.weekday()``, as messages name a day.
WEEKDAY_NAMES: Final = (msg("星期一"), msg("星期二"), msg("星期三"), msg("星期四"), msg("星期五"),
                        msg("星期六"), msg("星期日"))

# chinese_calendar labels its days in English; the official notice uses these names.
_CHINESE_CALENDAR_NAMES: Final[dict[str, str]] = {
    "New Year's Day": msg("元旦"),
    "Spring Festival": msg("春节"),
    "Tomb-sweeping Day": msg("清明节"),
    "Labour Day": msg("劳动节"),
    "Dragon Boat Festival": msg("端午节"),
    "Mid-autumn Festival": msg("中秋节"),
    "National Day": msg("国庆节"),
    "Anti-Fascist 70th Day": msg("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"),
}


class UnknownYearError(TribunalError, ValueError):
    """A computation reached a year whose holiday schedule has not been loaded."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"{year}年的节假日安排尚未载入，无法计算工作日；请在【设置→法定节假日】中导入该年安排。"
        )


@dataclass(frozen=True, slots=True)
class DayRule:
    """One day of the State Council's schedule that differs from the plain week.

    Attributes:
        date: the day.
        kind: ``"holiday"`` (放假日, statutory or bridged) or ``"workday"`` (调休上班日).
        name: the holiday it belongs to, e.g. ``"春节"``; None when unknown.
    """

    date: date
    kind: str
    name: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.date, _dt.datetime) or not isinstance(self.date, date):
            raise TypeError(f"DayRule.date must be a datetime.date, not {self.date!r}")
        if self.kind not in KINDS:
            raise ValueError(
                msg("日期类型“{kind}”无效，只能是 holiday（放假）或 workday（调休上班）。", kind=self.kind)
            )


def _as_date(value: date) -> date:
    """Accept a date (a datetime is cut to its date, so set membership works)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if not isinstance(value, date):
        raise TypeError(f"expected a datetime.date, not {value!r}")
    return value


def _parse_date(value: Any) -> date:
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    return _as_date(value)


class LegalCalendar:
    """Working days and rest days of the years whose schedule is loaded; immutable.

    Args:
        rules: the days that differ from the plain week (holidays incl. bridged days off,
            and make-up working days).
        years: the years whose schedule is complete. When omitted, every year that has at
            least one rule counts as known. Pass it explicitly when ``rules`` holds spill-over
            days from a neighbouring year's notice (e.g. 2023-12-30 off for New Year 2024)
            that must not make that neighbouring year look complete.

    Raises:
        ValueError: a day is listed twice with different kinds.
    """

    __slots__ = ("_holidays", "_rules", "_workdays", "_years")

    def __init__(self, rules: Iterable[DayRule] = (), years: Iterable[int] | None = None) -> None:
        by_date: dict[date, DayRule] = {}
        for rule in rules:
            previous = by_date.get(rule.date)
            if previous is not None and previous.kind != rule.kind:
                raise ValueError(
                    msg("{isoformat} 同时被登记为放假日和调休上班日，请更正节假日数据。", isoformat=rule.date.isoformat())
                )
            if previous is None or (previous.name is None and rule.name is not None):
                by_date[rule.date] = rule
        self._rules: dict[date, DayRule] = dict(sorted(by_date.items()))
        self._holidays = frozenset(d for d, r in self._rules.items() if r.kind == HOLIDAY)
        self._workdays = frozenset(d for d, r in self._rules.items() if r.kind == WORKDAY)
        if years is None:
            years = {d.year for d in self._rules}
        self._years = frozenset(int(y) for y in years)

    # ----------------------------------------------------------------- construction

    @classmethod
    def from_sets(
        cls,
        holidays: Mapping[int, Iterable[date]],
        workdays: Mapping[int, Iterable[date]] | None = None,
        names: Mapping[date, str] | None = None,
    ) -> LegalCalendar:
        """Build a calendar from per-year sets; the known years are the keys of both maps.

        Args:
            holidays: year → days off (statutory holidays and bridged days off).
            workdays: year → make-up working days (调休上班日).
            names: optional day → holiday name.
        """
        workdays = workdays or {}
        names = names or {}
        rules = [
            DayRule(_as_date(d), kind, names.get(_as_date(d)))
            for kind, per_year in ((HOLIDAY, holidays), (WORKDAY, workdays))
            for days in per_year.values()
            for d in days
        ]
        return cls(rules, years=set(holidays) | set(workdays))

    @classmethod
    def from_chinese_calendar(cls) -> LegalCalendar:
        """Build the default calendar from the ``chinese_calendar`` package (PyPI chinesecalendar).

        Every year from the package's first to its last year of data is known (the package
        itself refuses dates outside that range); holiday names are given in Chinese.
        """
        import chinese_calendar  # deferred: only the default calendar needs it

        def name(english: str | None) -> str | None:
            if english is None:
                return None
            return _CHINESE_CALENDAR_NAMES.get(english, english)

        rules = [DayRule(d, HOLIDAY, name(n)) for d, n in chinese_calendar.holidays.items()]
        rules += [DayRule(d, WORKDAY, name(n)) for d, n in chinese_calendar.workdays.items()]
        days = list(chinese_calendar.holidays) + list(chinese_calendar.workdays)
        first, last = min(days).year, max(days).year
        return cls(rules, years=range(first, last + 1))

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[Mapping[str, Any] | Sequence[Any]],
        years: Iterable[int] | None = None,
    ) -> LegalCalendar:
        """Rebuild a calendar from rows as written by :meth:`to_rows` (or read from a table).

        Args:
            rows: mappings with keys ``date``, ``kind``, ``name`` (``name`` optional), or
                ``(date, kind, name)`` sequences; ``date`` may be a date or an ISO string.
            years: the known years; by default every year that has a row.

        Raises:
            ValueError: a row has a bad date or kind.
        """
        rules = []
        for row in rows:
            if isinstance(row, Mapping):
                raw_date, kind, name = row["date"], row["kind"], row.get("name")
            else:
                raw_date, kind, name = (*row, None)[:3]
            try:
                day = _parse_date(raw_date)
            except (TypeError, ValueError):
                raise ValueError(msg("节假日数据中的日期“{raw_date}”无法识别。", raw_date=raw_date)) from None
            name = str(name).strip() if name is not None else ""
            rules.append(DayRule(day, str(kind).strip(), name or None))
        return cls(rules, years)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the rules as plain rows ``{"date": date, "kind": str, "name": str | None}``."""
        return [{"date": r.date, "kind": r.kind, "name": r.name} for r in self._rules.values()]

    def with_year(self, year: int, rules: Iterable[DayRule]) -> LegalCalendar:
        """Return a copy in which ``year``'s schedule is replaced by ``rules`` and is known.

        This is how a clerk's import or correction of one year is applied. Rules outside
        ``year`` are refused so that one year's import cannot change another year.
        """
        new = list(rules)
        stray = [r.date.isoformat() for r in new if r.date.year != year]
        if stray:
            raise ValueError(msg("导入{year}年的安排时出现其他年份的日期：{items}。", year=year, items='、'.join(stray)))
        kept = [r for r in self._rules.values() if r.date.year != year]
        return LegalCalendar(kept + new, years=self._years | {year})

    # ----------------------------------------------------------------- queries

    @property
    def known_years(self) -> tuple[int, ...]:
        """The years whose schedule is loaded, ascending."""
        return tuple(sorted(self._years))

    @property
    def rules(self) -> tuple[DayRule, ...]:
        """All rules, by date."""
        return tuple(self._rules.values())

    def rules_for_year(self, year: int) -> tuple[DayRule, ...]:
        """The rules dated in ``year`` (empty for a year without data)."""
        return tuple(r for r in self._rules.values() if r.date.year == year)

    def is_known_year(self, year: int) -> bool:
        """Whether ``year``'s schedule is loaded."""
        return year in self._years

    def _check(self, day: date) -> date:
        day = _as_date(day)
        if day.year not in self._years:
            raise UnknownYearError(day.year)
        return day

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day (工作日). Raises UnknownYearError for unknown years."""
        day = self._check(day)
        if day in self._workdays:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def is_rest_day(self, day: date) -> bool:
        """Whether ``day`` is a weekend, holiday or bridged day off (休息日/节假日)."""
        return not self.is_working_day(day)

    def day_kind(self, day: date) -> str | None:
        """``"holiday"`` or ``"workday"`` when the schedule names ``day``; None for a plain day."""
        rule = self._rules.get(self._check(day))
        return rule.kind if rule else None

    def day_name(self, day: date) -> str | None:
        """The holiday name of ``day`` (e.g. ``"春节"``), ``"春节调休上班"`` for a make-up day.

        Returns None for a plain weekday or weekend.
        """
        rule = self._rules.get(self._check(day))
        if rule is None:
            return None
        if rule.kind == WORKDAY:
            return f"{rule.name or ''}调休上班"
        return rule.name or "法定节假日"

    # ----------------------------------------------------------------- arithmetic

    def add_working_days(self, start: date, n: int) -> date:
        """Return the ``n``-th working day after ``start`` (``start`` itself not counted).

        A negative ``n`` counts backwards: the ``|n|``-th working day before ``start``.
        ``n == 0`` returns ``start`` unchanged.
        """
        day = _as_date(start)
        step = timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def next_working_day_on_or_after(self, day: date) -> date:
        """``day`` if it is a working day, else the first working day after it."""
        day = _as_date(day)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day_on_or_before(self, day: date) -> date:
        """``day`` if it is a working day, else the last working day before it."""
        day = _as_date(day)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_strictly_between(self, a: date, b: date) -> int:
        """Count the working days ``d`` with ``a < d < b`` (0 when ``b`` is not after ``a``)."""
        return sum(
            1 for d in _days(_as_date(a) + timedelta(days=1), _as_date(b)) if self.is_working_day(d)
        )

    def __repr__(self) -> str:
        years = self.known_years
        span = f"{years[0]}–{years[-1]}" if years else "none"
        return f"<LegalCalendar years={span} rules={len(self._rules)}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LegalCalendar):
            return NotImplemented
        return self._years == other._years and self._rules == other._rules

    # Equal calendars compare by content, so they must not be hashed by identity either; typeshed
    # declares __hash__ as a method, hence the ignore for this standard idiom.
    __hash__ = None  # type: ignore[assignment]


def _days(first: date, stop: date) -> Iterator[date]:
    """Days from ``first`` (inclusive) to ``stop`` (exclusive)."""
    day = first
    while day < stop:
        yield day
        day += timedelta(days=1)

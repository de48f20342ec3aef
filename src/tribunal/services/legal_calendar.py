"""The legal calendar kept in the database: seeded from chinese_calendar, correctable by the clerk."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from tribunal.db.engine import Database
from tribunal.db.models import LegalDay, LegalYear
from tribunal.domain.legal_calendar import HOLIDAY, KINDS, WORKDAY, DayRule, LegalCalendar
from tribunal.errors import ValidationError
from tribunal.services import audit

SEED_SOURCE = "chinese_calendar 软件包（国务院办公厅历年节假日安排通知）"

_cache: dict[str, LegalCalendar] = {}
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class YearInfo:
    """A loaded year: where its schedule came from, and how many days it lists."""

    year: int
    source: str
    holidays: int
    workdays: int


def _seed_if_empty(db: Database) -> None:
    with db.session(write=False) as s:
        if s.scalar(select(func.count()).select_from(LegalYear)):
            return
    base = LegalCalendar.from_chinese_calendar()
    with db.session() as s:
        if s.scalar(select(func.count()).select_from(LegalYear)):  # another clerk seeded meanwhile
            return
        for year in base.known_years:
            s.add(LegalYear(year=year, source=SEED_SOURCE))
        for rule in base.rules:
            s.add(LegalDay(day=rule.date, kind=rule.kind, name=rule.name))
        audit.record(s, db.actor, "calendar.seed", "legal_calendar", None,
                     f"载入 {base.known_years[0]}–{base.known_years[-1]} 年法定节假日安排")


def calendar(db: Database, *, refresh: bool = False) -> LegalCalendar:
    """The calendar every deadline is computed with (seeded on first use, then cached)."""
    with _cache_lock:
        if not refresh and db.url in _cache:
            return _cache[db.url]
    _seed_if_empty(db)
    with db.session(write=False) as s:
        years = list(s.scalars(select(LegalYear.year)))
        rules = [DayRule(d.day, d.kind, d.name) for d in s.scalars(select(LegalDay).order_by(LegalDay.day))]
    result = LegalCalendar(rules, years=years)
    with _cache_lock:
        _cache[db.url] = result
    return result


def years(db: Database) -> list[YearInfo]:
    """Every loaded year with its source and counts, newest first."""
    _seed_if_empty(db)
    with db.session(write=False) as s:
        counts: dict[tuple[int, str], int] = {}
        for day, kind in s.execute(select(LegalDay.day, LegalDay.kind)):
            counts[(day.year, kind)] = counts.get((day.year, kind), 0) + 1
        return [
            YearInfo(y.year, y.source, counts.get((y.year, HOLIDAY), 0), counts.get((y.year, WORKDAY), 0))
            for y in s.scalars(select(LegalYear).order_by(LegalYear.year.desc()))
        ]


def _check_rules(year: int, rules: Iterable[DayRule]) -> list[DayRule]:
    checked = []
    seen: set[dt.date] = set()
    for r in rules:
        if r.date.year != year:
            raise ValidationError(f"{r.date} 不属于 {year} 年", {"date": "年份不符"})
        if r.kind not in KINDS:
            raise ValidationError(f"{r.date} 的类别应为 holiday（放假）或 workday（调休上班）", {"kind": r.kind})
        if r.date in seen:
            raise ValidationError(f"{r.date} 出现了两次", {"date": "重复"})
        if r.kind == WORKDAY and r.date.weekday() < 5:
            raise ValidationError(f"{r.date} 是工作日（周一至周五），不需要登记为调休上班日", {"date": "本就是工作日"})
        seen.add(r.date)
        checked.append(r)
    return checked


def replace_year(db: Database, year: int, rules: Iterable[DayRule], source: str) -> YearInfo:
    """Load or replace one year's schedule (a newly published notice, or a correction).

    Raises:
        ValidationError: a day outside the year, an unknown kind, a duplicate, or a weekday
            marked as make-up working day. Nothing is changed.
    """
    if not 2000 <= year <= 2100:
        raise ValidationError(f"年份不正确：{year}", {"year": "应在 2000–2100 之间"})
    checked = _check_rules(year, rules)
    if not source.strip():
        raise ValidationError("请注明来源（如 国务院办公厅关于2027年部分节假日安排的通知）", {"source": "必填"})
    with db.session() as s:
        before = [{"date": d.day, "kind": d.kind, "name": d.name} for d in s.scalars(
            select(LegalDay).where(LegalDay.day >= dt.date(year, 1, 1), LegalDay.day <= dt.date(year, 12, 31)))]
        s.execute(delete(LegalDay).where(LegalDay.day >= dt.date(year, 1, 1), LegalDay.day <= dt.date(year, 12, 31)))
        s.execute(delete(LegalYear).where(LegalYear.year == year))
        s.flush()
        s.add(LegalYear(year=year, source=source.strip()))
        for r in checked:
            s.add(LegalDay(day=r.date, kind=r.kind, name=r.name))
        audit.record(s, db.actor, "calendar.year", "legal_calendar", year, f"载入 {year} 年节假日安排：{source.strip()}",
                     {"days": before}, {"days": [{"date": r.date, "kind": r.kind, "name": r.name} for r in checked]})
    calendar(db, refresh=True)
    holidays = sum(1 for r in checked if r.kind == HOLIDAY)
    return YearInfo(year, source.strip(), holidays, len(checked) - holidays)


def set_day(db: Database, day: dt.date, kind: str | None, name: str | None = None) -> None:
    """Correct one day of a loaded year: a holiday, a make-up working day, or (None) an ordinary day.

    Raises:
        ValidationError: the year is not loaded, or the kind makes no sense for that day.
    """
    with db.session(write=False) as s:
        loaded = s.get(LegalYear, day.year) is not None
    if not loaded:
        raise ValidationError(f"{day.year} 年的安排尚未载入，请先导入该年", {"date": "年份未载入"})
    if kind is not None:
        _check_rules(day.year, [DayRule(day, kind, name)])
    with db.session() as s:
        row = s.get(LegalDay, day)
        before = {"kind": row.kind, "name": row.name} if row else None
        if row is not None:
            s.delete(row)
            s.flush()
        if kind is not None:
            s.add(LegalDay(day=day, kind=kind, name=(name or "").strip() or None))
        audit.record(s, db.actor, "calendar.day", "legal_calendar", day.year, f"更正 {day}：{kind or '普通日'}",
                     before, {"kind": kind, "name": name})
    calendar(db, refresh=True)

"""The legal calendar kept in the database: seeded from chinese_calendar, correctable by the clerk."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import LegalDay, LegalYear
from tribunal.domain.legal_calendar import (
    HOLIDAY,
    KINDS,
    WEEKDAY_NAMES,
    WORKDAY,
    DayRule,
    LegalCalendar,
)
from tribunal.errors import NotFound, ValidationError
from tribunal.services import audit
from tribunal.texts import joined, msg

SEED_SOURCE = "chinese_calendar 软件包（国务院办公厅历年节假日安排通知）"
AUDIT_ENTITY = "legal_calendar"

#: The calendar every deadline is computed with, per database, until the calendar changes.
_kept: audit.AuditedCache[LegalCalendar | None] = audit.AuditedCache(AUDIT_ENTITY)


@dataclass(frozen=True)
class YearInfo:
    """A loaded year: where its schedule came from, and how many days it lists."""

    year: int
    source: str
    holidays: int
    workdays: int


#: Set in a session's ``info`` while it seeds the calendar.
SEEDING = "calendar_seeding"


def _seed_if_empty(db: Database) -> None:
    with db.session(write=False) as s:
        if s.scalar(select(func.count()).select_from(LegalYear)):
            return
    base = _package_calendar()
    try:
        with db.session() as s:
            if s.scalar(select(func.count()).select_from(LegalYear)):  # another clerk seeded meanwhile
                return
            # The seed is the data deadlines were computed with before it: nothing to recompute.
            s.info[SEEDING] = True
            # Inserted in two statements, not row by row: some 500 days on first use.
            s.execute(insert(LegalYear), [{"year": y, "source": SEED_SOURCE} for y in base.known_years])
            s.execute(insert(LegalDay), [{"day": r.date, "kind": r.kind, "name": r.name} for r in base.rules])
            audit.record(s, db.actor, "calendar.seed", AUDIT_ENTITY, None,
                         f"载入 {base.known_years[0]}–{base.known_years[-1]} 年法定节假日安排")
    except IntegrityError:
        # Two workstations seeding a shared database at the same moment: the other one won,
        # and its rows are the same package data.
        with db.session(write=False) as s:
            if not s.scalar(select(func.count()).select_from(LegalYear)):
                raise


def calendar(db: Database, *, refresh: bool = False) -> LegalCalendar:
    """The calendar every deadline is computed with (seeded on first use, then cached).

    The cached calendar is reused until the calendar's data changes (an import or a correction,
    from this or another workstation), which costs one small query per call.
    """
    if refresh:
        _kept.clear()
    with db.session(write=False) as s:
        found = _kept.read(s, _stored, keep=True)
    if found is None:  # first use of this database: seeded now (which moves the stamp)
        _seed_if_empty(db)
        with db.session(write=False) as s:
            found = _kept.read(s, _stored, keep=True)
        assert found is not None
    return found


def _stored(s: Session) -> LegalCalendar | None:
    """The calendar held in the database, or None if it was never seeded."""
    years = list(s.scalars(select(LegalYear.year)))
    if not years:
        return None
    # Plain columns, not ORM objects: some 800 rows each time the calendar is (re)read.
    rules = [DayRule(day, kind, name) for day, kind, name
             in s.execute(select(LegalDay.day, LegalDay.kind, LegalDay.name).order_by(LegalDay.day))]
    return LegalCalendar(rules, years=years)


def calendar_in(s: Session) -> LegalCalendar:
    """The calendar as this open session sees it (its own uncommitted changes included).

    Used where a write must compute deadlines before it commits (every save of a case): the
    calendar :func:`calendar` keeps is used unless the calendar changed since (in this
    session too). A database whose calendar was never seeded gets the data the seed would
    write, without writing it.
    """
    return _kept.read(s, _stored, keep=False) or _package_calendar()


@functools.cache
def _package_calendar() -> LegalCalendar:
    """The calendar the seed writes (built once per process: it never changes)."""
    return LegalCalendar.from_chinese_calendar()


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
            raise ValidationError(msg("{date} 不属于 {year} 年", date=r.date, year=year), {"date": msg("年份不符")})
        if r.kind not in KINDS:
            raise ValidationError(msg("{date} 的类别应为 holiday（放假）或 workday（调休上班）", date=r.date), {"kind": r.kind})
        if r.date in seen:
            raise ValidationError(msg("{date} 出现了两次", date=r.date), {"date": msg("重复")})
        if r.kind == WORKDAY and r.date.weekday() < 5:
            raise ValidationError(msg("{date} 是工作日（周一至周五），不需要登记为调休上班日", date=r.date), {"date": msg("本就是工作日")})
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
        raise ValidationError(msg("年份不正确：{year}", year=year), {"year": msg("应在 2000–2100 之间")})
    checked = _check_rules(year, rules)
    if not any(r.kind == HOLIDAY for r in checked):
        # Every published schedule has days off; an empty list is a wrong file or wrong year.
        raise ValidationError(msg("{year} 年的安排中没有任何放假日，请检查导入的内容和年份", year=year),
                              {"rules": msg("没有放假日")})
    if not source.strip():
        raise ValidationError(msg("请注明来源（如 国务院办公厅关于2027年部分节假日安排的通知）"), {"source": msg("必填")})
    with db.session() as s:
        before = [{"date": d.day, "kind": d.kind, "name": d.name} for d in s.scalars(
            select(LegalDay).where(LegalDay.day >= dt.date(year, 1, 1), LegalDay.day <= dt.date(year, 12, 31)))]
        s.execute(delete(LegalDay).where(LegalDay.day >= dt.date(year, 1, 1), LegalDay.day <= dt.date(year, 12, 31)))
        s.execute(delete(LegalYear).where(LegalYear.year == year))
        s.flush()
        s.add(LegalYear(year=year, source=source.strip()))
        for r in checked:
            s.add(LegalDay(day=r.date, kind=r.kind, name=r.name))
        audit.record(s, db.actor, "calendar.year", AUDIT_ENTITY, year, f"载入 {year} 年节假日安排：{source.strip()}",
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
        raise ValidationError(msg("{year} 年的安排尚未载入，请先导入该年", year=day.year), {"date": msg("年份未载入")})
    if kind is not None:
        if kind not in KINDS:  # checked before DayRule, whose own complaint is a bare ValueError
            raise ValidationError(msg("{day} 的类别应为 holiday（放假）或 workday（调休上班）", day=day), {"kind": kind})
        _check_rules(day.year, [DayRule(day, kind, name)])
    with db.session() as s:
        row = s.get(LegalDay, day)
        before = {"kind": row.kind, "name": row.name} if row else None
        if row is not None:
            s.delete(row)
            s.flush()
        if kind is not None:
            s.add(LegalDay(day=day, kind=kind, name=(name or "").strip() or None))
        audit.record(s, db.actor, "calendar.day", AUDIT_ENTITY, day.year, f"更正 {day}：{kind or '普通日'}",
                     before, {"kind": kind, "name": name})
    calendar(db, refresh=True)


# ---------------------------------------------------------------- importing a published year

#: Words accepted in the "kind" column of an imported file (the notice itself says 放假 / 上班).
KIND_WORDS: dict[str, str] = {
    "holiday": HOLIDAY, "放假": HOLIDAY, "休": HOLIDAY, "休息": HOLIDAY, "假": HOLIDAY,
    "节假日": HOLIDAY, "放假日": HOLIDAY,
    "workday": WORKDAY, "上班": WORKDAY, "班": WORKDAY, "补班": WORKDAY, "调休上班": WORKDAY,
    "调休上班日": WORKDAY,
}
_MAX_LISTED_ERRORS = 20
#: A year's schedule is a few dozen lines; a larger file is not one.
MAX_FILE_BYTES = 256 * 1024
_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def kind_from_text(text: str) -> str | None:
    """The calendar kind for a word of an imported file (holiday/workday/放假/上班…), or None."""
    return KIND_WORDS.get(str(text).strip().lower())


def _date_from_text(text: str) -> dt.date | None:
    """A day written as 2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日; None if it is not one."""
    match = _DATE_RE.match(str(text))
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _decode(data: bytes) -> str:
    # Excel on a Chinese Windows saves CSV as GBK unless told otherwise; UTF-8 first (with or
    # without the BOM Excel adds), then GB18030, which contains GBK.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(msg("文件编码无法识别，请另存为 UTF-8 编码的 CSV 或 JSON 文件"), {"file": msg("编码无法识别")})


def _rows_of_json(text: str) -> list[tuple[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(msg("JSON 格式错误（第 {lineno} 行）：{msg}", lineno=exc.lineno, msg=exc.msg), {"file": msg("JSON 格式错误")}) from None
    except RecursionError:
        # A schedule is a flat list; thousands of nested brackets are no schedule.
        raise ValidationError(msg("JSON 文件嵌套过深，不是节假日安排"), {"file": msg("结构不符")}) from None
    if isinstance(data, dict):
        data = data.get("days", data.get("rules"))
    if not isinstance(data, list):
        raise ValidationError(msg("JSON 文件应为数组，每项含 date、kind、name；或含 days 数组的对象"),
                              {"file": msg("结构不符")})
    return [(msg("第{i}条", i=i), entry) for i, entry in enumerate(data, 1)]


def _rows_of_csv(text: str) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not rows and cells[0].lower() in ("date", "日期"):
            continue  # header line
        rows.append((msg("第{number}行", number=number), cells))
    return rows


def parse_schedule(text: str, year: int, *, json_format: bool | None = None) -> list[DayRule]:
    """Read one year's schedule from CSV (``date,kind,name`` per line) or JSON text.

    ``kind`` is ``holiday``/``workday`` or 放假/上班 (see :data:`KIND_WORDS`); ``name`` (e.g.
    春节) is optional. A CSV header line ``date,kind,name`` or ``日期,类型,名称`` is skipped.
    JSON is an array of ``{"date": …, "kind": …, "name": …}`` objects (or of
    ``[date, kind, name]`` arrays), possibly wrapped in an object under ``"days"``.

    Raises:
        ValidationError: listing every bad row by its line number; nothing is returned then.
    """
    if json_format is None:
        json_format = text.lstrip().startswith(("[", "{"))
    rows = _rows_of_json(text) if json_format else _rows_of_csv(text)
    problems: list[str] = []
    rules: list[DayRule] = []
    seen: dict[dt.date, str] = {}
    for where, raw in rows:
        if isinstance(raw, dict):
            cells = [raw.get("date", ""), raw.get("kind", ""), raw.get("name") or ""]
        elif isinstance(raw, list | tuple):
            cells = [*(str(c) if c is not None else "" for c in raw), "", "", ""][:3]
        else:
            problems.append(msg("{where}：应为 日期,类型,名称", where=where))
            continue
        raw_date, raw_kind, name = (str(c).strip() for c in cells)
        day = _date_from_text(raw_date)
        kind = kind_from_text(raw_kind)
        if day is None:
            problems.append(msg("{where}：日期“{raw_date}”无法识别（应为 {year}-01-01 这样的日期）", where=where, raw_date=raw_date, year=year))
            continue
        if kind is None:
            problems.append(msg("{where}：{day} 的类型“{raw_kind}”无法识别（应为 放假 或 上班）", where=where, day=day, raw_kind=raw_kind))
            continue
        if day.year != year:
            problems.append(msg("{where}：{day} 不属于 {year} 年", where=where, day=day, year=year))
            continue
        if day in seen:
            problems.append(msg("{where}：{day} 与{seen}重复", where=where, day=day, seen=seen[day]))
            continue
        if kind == WORKDAY and day.weekday() < 5:
            problems.append(msg("{where}：{day}（{weekday}）本就是工作日，不能登记为调休上班日", where=where, day=day, weekday=WEEKDAY_NAMES[day.weekday()]))
            continue
        if len(name) > 40:
            problems.append(msg("{where}：名称过长（最多 40 字）", where=where))
            continue
        seen[day] = where
        rules.append(DayRule(day, kind, name or None))
    if problems:
        listed = problems[:_MAX_LISTED_ERRORS]
        if len(problems) > len(listed):
            listed.append(msg("另有 {count} 处错误", count=len(problems) - len(listed)))
        raise ValidationError(msg("导入文件有 {count} 处错误，未作任何更改：{items}", count=len(problems),
                                  items=joined(listed)),
                              {f"row{i}": p for i, p in enumerate(problems, 1)})
    if not rules:
        raise ValidationError(msg("文件中没有任何日期"), {"file": msg("空文件")})
    return rules


def read_schedule_file(path: str | Path, year: int) -> list[DayRule]:
    """Read a CSV or JSON schedule file (see :func:`parse_schedule`).

    Raises:
        ValidationError: the file cannot be read, or has bad rows (all listed).
    """
    file = Path(path)
    try:
        if file.is_dir():
            raise ValidationError(msg("这是一个文件夹，不是安排文件：{file}", file=file), {"file": msg("是文件夹")})
        if file.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(msg("文件过大（{value} KB），一年的安排不会超过 {value2} KB：{file}", value=file.stat().st_size // 1024, value2=MAX_FILE_BYTES // 1024, file=file), {"file": msg("过大")})
        data = file.read_bytes()
    except OSError as exc:
        raise ValidationError(msg("无法读取文件 {file}：{value}", file=file, value=exc.strerror or exc), {"file": msg("无法读取")}) from None
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(msg("文件含有空字符（NUL），不是文本格式的 CSV 或 JSON：{file}", file=file), {"file": msg("不是文本")})
    text = _decode(data)
    json_format = True if file.suffix.lower() == ".json" else None
    return parse_schedule(text, year, json_format=json_format)


def import_year_file(db: Database, path: str | Path, year: int, source: str) -> YearInfo:
    """Load or replace ``year``'s schedule from a file; all-or-nothing.

    Raises:
        ValidationError: the file is unreadable or has a bad row; nothing is changed.
    """
    return replace_year(db, year, read_schedule_file(path, year), source)


def year_rules(db: Database, year: int) -> tuple[YearInfo, list[DayRule]]:
    """One loaded year: its source and counts, and its days in date order.

    Raises:
        NotFound: the year is not loaded.
    """
    info = next((y for y in years(db) if y.year == year), None)
    if info is None:
        raise NotFound(msg("{year} 年的节假日安排尚未载入", year=year))
    return info, list(calendar(db).rules_for_year(year))

"""The commission's dated wage parameters (工资参数): entering, listing and removing figures.

The program ships the table empty (there is no way to verify official figures here). Each
figure is entered with the area, the date it applies from (and optionally to), the value and
the document it comes from; every change writes an audit entry. Removing a figure keeps it on
record as withdrawn, with who removed it, when and why. Calculators and the award's finality
suggestion read the active figures through :func:`table`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from tribunal.db.engine import Database
from tribunal.db.models import WageParameter as WageParameterRow
from tribunal.domain import wage_parameters as wp
from tribunal.domain.money import MAX_YUAN
from tribunal.domain.wage_parameters import (
    ParameterKind,
    ParameterTable,
    ParameterUnit,
    WageParameter,
)
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, settings
from tribunal.texts import msg

__all__ = [
    "AREA_SETTING",
    "AUDIT_ENTITY",
    "StoredParameter",
    "add",
    "commission_area",
    "finality_threshold",
    "list_parameters",
    "remove",
    "table",
]

AUDIT_ENTITY = "wage_parameter"
#: The setting naming the area where the commission sits (the default area of every lookup).
AREA_SETTING = "commission.area"
#: A month table beyond this many months is a typing slip (the statutory lump sums are 7–27).
MAX_MONTHS = 100
_GRADES = range(1, 11)


@dataclass(frozen=True)
class StoredParameter:
    """A figure as stored: the figure itself and who entered (and perhaps removed) it."""

    parameter: WageParameter
    entered_by: str
    entered_at: dt.datetime
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: str = ""
    withdrawn_reason: str = ""

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


def _parameter(row: WageParameterRow) -> WageParameter:
    return WageParameter(ParameterKind(row.kind), row.area, row.valid_from, row.valid_to, row.value,
                         ParameterUnit(row.unit), row.source, row.grade, row.id, row.note or "")


def _stored(row: WageParameterRow) -> StoredParameter:
    return StoredParameter(_parameter(row), row.entered_by, row.entered_at, row.withdrawn_at,
                           row.withdrawn_by or "", row.withdrawn_reason or "")


def list_parameters(db: Database, *, kind: ParameterKind | None = None, area: str | None = None,
                    include_removed: bool = False) -> list[StoredParameter]:
    """The figures, by kind, area, grade and date (newest date first within each)."""
    query = select(WageParameterRow)
    if kind is not None:
        query = query.where(WageParameterRow.kind == kind.value)
    if area is not None:
        query = query.where(WageParameterRow.area == wp.normalise_area(area))
    if not include_removed:
        query = query.where(WageParameterRow.withdrawn_at.is_(None))
    with db.session(write=False) as s:
        rows = [_stored(r) for r in s.scalars(query)]
    order = {k: i for i, k in enumerate(ParameterKind)}
    rows.sort(key=lambda r: (order[r.parameter.kind], r.parameter.area, r.parameter.grade or 0,
                            -r.parameter.valid_from.toordinal()))
    return rows


def table(db: Database) -> ParameterTable:
    """The active figures, ready for lookups by the calculators."""
    return ParameterTable(r.parameter for r in list_parameters(db))


def commission_area(db: Database) -> str:
    """The area where the commission sits (setting 仲裁机构所在地区), or "" when not set."""
    return wp.normalise_area(str(settings.get(db, AREA_SETTING) or ""))


def finality_threshold(db: Database, on_date: dt.date, area: str | None = None) -> int | None:
    """12 × the monthly minimum wage in force on ``on_date`` where the commission sits, in fen.

    Args:
        on_date: the award's date.
        area: the area to look up; by default the commission's own (setting 仲裁机构所在地区).

    Returns:
        The bound of 劳动争议调解仲裁法第四十七条第（一）项, or None when the minimum wage for that
        area and date is not entered (the clerk must then decide, and be asked to enter it).
    """
    return wp.finality_threshold(table(db), area if area is not None else commission_area(db), on_date)


def _check(kind: ParameterKind, area: str, valid_from: dt.date, valid_to: dt.date | None, value: int,
           unit: ParameterUnit, source: str, grade: int | None, note: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not area:
        problems["area"] = msg("请填写地区（如 邵阳市）")
    elif len(area) > 60:
        problems["area"] = msg("地区过长（最多 60 字）")
    if len(source) < 4:
        problems["source"] = msg("请写明来源：发布文件的名称和文号（如 湘政发〔2022〕8号）")
    elif len(source) > 300:
        problems["source"] = msg("来源过长（最多 300 字）")
    if len(note) > 300:
        problems["note"] = msg("备注过长（最多 300 字）")
    if valid_to is not None and valid_to < valid_from:
        problems["valid_to"] = msg("截止日期不能早于起始日期")
    if not dt.date(1990, 1, 1) <= valid_from <= dt.date(2100, 12, 31):
        problems["valid_from"] = msg("起始日期不正确")
    if kind.graded:
        if grade is None or grade not in _GRADES:
            problems["grade"] = msg("请选择伤残等级（一级至十级）")
    elif grade is not None:
        problems["grade"] = msg("{kind}不分伤残等级", kind=kind)
    if kind in wp.MONEY_KINDS and unit is not ParameterUnit.FEN:
        problems["unit"] = msg("{kind}应为金额（元）", kind=kind)
    if value <= 0:
        problems["value"] = msg("数值应大于零")
    elif unit is ParameterUnit.FEN and value > MAX_YUAN * 100:
        problems["value"] = msg("金额过大，请核对")
    elif unit is not ParameterUnit.FEN and value > MAX_MONTHS * wp.MONTH_SCALE:
        problems["value"] = msg("月数过大（最多 {MAX_MONTHS} 个月），请核对", MAX_MONTHS=MAX_MONTHS)
    return problems


def add(db: Database, kind: ParameterKind, area: str, valid_from: dt.date, value: int, source: str, *,
        unit: ParameterUnit = ParameterUnit.FEN, grade: int | None = None, valid_to: dt.date | None = None,
        note: str = "") -> StoredParameter:
    """Enter one figure.

    Args:
        kind: what it is.
        area: the area it applies to (邵阳市…).
        valid_from: the first day it applies.
        value: fen for amounts, hundredths of a month for months (see :data:`MONTH_SCALE`).
        source: the published document (name and number).
        unit: how ``value`` reads (amounts for wages; months or amounts for the month tables).
        grade: the disability grade for the month tables.
        valid_to: the last day it applies, when the document says so.
        note: anything else.

    Raises:
        ValidationError: a field is missing or impossible (nothing is saved).
        ConflictError: a figure of the same kind, area (and grade) already applies from that
            date, or the stated periods overlap.
    """
    area = wp.normalise_area(area)
    source = " ".join(source.split())
    note = " ".join(note.split())
    ValidationError.raise_if(_check(kind, area, valid_from, valid_to, value, unit, source, grade, note), msg("工资参数"))
    with db.session() as s:
        same = s.scalars(select(WageParameterRow).where(
            WageParameterRow.kind == kind.value, WageParameterRow.area == area,
            WageParameterRow.withdrawn_at.is_(None),
            WageParameterRow.grade.is_(None) if grade is None else WageParameterRow.grade == grade)).all()
        for other in same:
            clash = other.valid_from == valid_from
            if other.valid_to is not None and other.valid_from <= valid_from <= other.valid_to:
                clash = True
            if valid_to is not None and valid_from <= other.valid_from <= valid_to:
                clash = True
            if clash:
                raise ConflictError(msg("与已录入的参数时段重叠：{describe}。如需更正，请先删除该条再录入。", describe=_parameter(other).describe()))
        row = WageParameterRow(kind=kind.value, area=area, grade=grade, valid_from=valid_from, valid_to=valid_to,
                               value=value, unit=unit.value, source=source, note=note or None,
                               entered_by=db.actor)
        s.add(row)
        s.flush()
        stored = _stored(row)
        audit.record(s, db.actor, "wage_parameter.add", AUDIT_ENTITY, row.id,
                     f"录入工资参数：{stored.parameter.describe()}", None, stored.parameter)
        return stored


def remove(db: Database, parameter_id: int, reason: str) -> StoredParameter:
    """Remove a figure from use (it stays on record as removed, with the reason).

    Raises:
        ValidationError: no reason given.
        NotFound: no such figure.
        ConflictError: already removed.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(msg("请写明删除原因（如 录入错误、文件已废止）"), {"reason": msg("必填")})
    if len(reason) > 200:
        raise ValidationError(msg("删除原因过长（最多 200 字）"), {"reason": msg("过长")})
    with db.session() as s:
        row = s.get(WageParameterRow, parameter_id)
        if row is None:
            raise NotFound(msg("没有编号为 {parameter_id} 的工资参数", parameter_id=parameter_id))
        if row.withdrawn_at is not None:
            raise ConflictError(msg("该参数已于 {withdrawn_at:%Y-%m-%d %H:%M} 由{withdrawn_by}删除", withdrawn_at=row.withdrawn_at, withdrawn_by=row.withdrawn_by))
        row.withdrawn_at = dt.datetime.now().replace(microsecond=0)
        row.withdrawn_by = db.actor
        row.withdrawn_reason = reason
        s.flush()
        stored = _stored(row)
        audit.record(s, db.actor, "wage_parameter.remove", AUDIT_ENTITY, row.id,
                     f"删除工资参数：{stored.parameter.describe()}；原因：{reason}", stored.parameter,
                     {"withdrawn_reason": reason})
        return stored

"""Dated wage parameters entered by the commission (工资参数): the figures calculators and finality use.

Average monthly wages (职工月平均工资), monthly minimum wages (月最低工资标准) and the provincial
month tables of the work-injury lump sums (一次性工伤医疗补助金、一次性伤残就业补助金) are
published by the local government, change from a date, and differ by area. The program ships
none of them: the commission enters each figure with the date it applies from and its source
(文件名称、文号). A figure is looked up by kind, area and date; when none is in force the lookup
raises :class:`~tribunal.errors.MissingParameter`, naming the figure, the area and the date, so
that a clerk is asked for it — a figure is never guessed or carried over from another area.

An entry applies from ``valid_from`` until the day before the next entry of the same kind, area
(and grade) starts, or until its own ``valid_to`` when one is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from tribunal.domain.money import format_yuan
from tribunal.errors import MissingParameter
from tribunal.texts import msg

__all__ = [
    "FINALITY_MONTHS",
    "MONEY_KINDS",
    "MONTH_KINDS",
    "ParameterKind",
    "ParameterTable",
    "ParameterUnit",
    "WageParameter",
    "finality_threshold",
    "normalise_area",
]

#: 劳动争议调解仲裁法第四十七条第（一）项: amounts not above 12 months of the local monthly minimum wage.
FINALITY_MONTHS = 12


class ParameterKind(Enum):
    """What a figure is."""

    AVERAGE_WAGE = "average_wage"
    MINIMUM_WAGE = "minimum_wage"
    INJURY_MEDICAL = "injury_medical"
    INJURY_EMPLOYMENT = "injury_employment"

    @property
    def label_zh(self) -> str:
        return _KIND_LABELS[self]

    @property
    def graded(self) -> bool:
        """Whether the figure is given per disability grade (the provincial month tables)."""
        return self in MONTH_KINDS


_KIND_LABELS = {
    ParameterKind.AVERAGE_WAGE: msg("上年度职工月平均工资"),
    ParameterKind.MINIMUM_WAGE: msg("月最低工资标准"),
    ParameterKind.INJURY_MEDICAL: msg("一次性工伤医疗补助金标准"),
    ParameterKind.INJURY_EMPLOYMENT: msg("一次性伤残就业补助金标准"),
}

MONEY_KINDS = frozenset({ParameterKind.AVERAGE_WAGE, ParameterKind.MINIMUM_WAGE})
#: Kinds given per grade (五级至十级), as months of a wage or as a fixed amount.
MONTH_KINDS = frozenset({ParameterKind.INJURY_MEDICAL, ParameterKind.INJURY_EMPLOYMENT})


class ParameterUnit(Enum):
    """How a figure's value reads."""

    FEN = "fen"  # an amount in fen
    MONTHS_AVERAGE = "months_average"  # months of the area's average monthly wage (统筹地区上年度职工月平均工资)
    MONTHS_OWN = "months_own"  # months of the worker's own wage (本人工资)

    @property
    def label_zh(self) -> str:
        return _UNIT_LABELS[self]


_UNIT_LABELS = {
    ParameterUnit.FEN: "元",
    ParameterUnit.MONTHS_AVERAGE: "个月的统筹地区上年度职工月平均工资",
    ParameterUnit.MONTHS_OWN: "个月的本人工资",
}

#: Month values are kept in hundredths of a month (8.5 months → 850) so they stay integers.
MONTH_SCALE = 100


def normalise_area(area: str) -> str:
    """The area as compared: inner and outer white space removed (邵阳 市 → 邵阳市)."""
    return "".join(area.split())


@dataclass(frozen=True)
class WageParameter:
    """One dated figure.

    Attributes:
        kind: what the figure is.
        area: the area it applies to, as the commission names it (邵阳市, 湖南省…).
        valid_from: the first day it applies.
        valid_to: the last day it applies, or None (until the next figure of its kind starts).
        value: fen for amounts; hundredths of a month for month figures.
        unit: how ``value`` reads.
        source: the document it comes from (name and number), as entered.
        grade: the disability grade (5–10) for the month tables, else None.
        id: the database row, when stored.
        note: anything else the commission recorded.
    """

    kind: ParameterKind
    area: str
    valid_from: dt.date
    valid_to: dt.date | None
    value: int
    unit: ParameterUnit
    source: str
    grade: int | None = None
    id: int | None = None
    note: str = ""

    @property
    def months(self) -> Decimal:
        """The value as a number of months (for month figures)."""
        return Decimal(self.value) / MONTH_SCALE

    def value_text(self) -> str:
        """The value as a clerk reads it: "2,180.00元" or "8个月的本人工资"."""
        if self.unit is ParameterUnit.FEN:
            return f"{format_yuan(self.value)}元"
        return f"{_months_text(self.months)}{self.unit.label_zh}"

    def describe(self) -> str:
        """One line naming the figure, its area, period and source."""
        grade = f"{self.grade}级伤残" if self.grade is not None else ""
        until = f"至{self.valid_to:%Y-%m-%d}" if self.valid_to else "起"
        return (f"{self.area}{grade}{self.kind.label_zh}：{self.value_text()}"
                f"（{self.valid_from:%Y-%m-%d}{until}；来源：{self.source}）")


def _months_text(months: Decimal) -> str:
    text = f"{months:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ParameterTable:
    """The commission's figures, looked up by kind, area, date (and grade)."""

    def __init__(self, parameters: Iterable[WageParameter]) -> None:
        self._by_key: dict[tuple[ParameterKind, str, int | None], list[WageParameter]] = {}
        for p in parameters:
            self._by_key.setdefault((p.kind, normalise_area(p.area), p.grade), []).append(p)
        for entries in self._by_key.values():
            entries.sort(key=lambda p: p.valid_from)

    @property
    def parameters(self) -> Sequence[WageParameter]:
        return [p for entries in self._by_key.values() for p in entries]

    def find(self, kind: ParameterKind, area: str, on_date: dt.date, grade: int | None = None) -> WageParameter | None:
        """The figure in force on ``on_date``, or None."""
        entries = self._by_key.get((kind, normalise_area(area), grade if kind.graded else None), [])
        current = None
        for p in entries:
            if p.valid_from <= on_date:
                current = p
        if current is None or (current.valid_to is not None and on_date > current.valid_to):
            return None
        return current

    def require(self, kind: ParameterKind, area: str, on_date: dt.date, grade: int | None = None) -> WageParameter:
        """The figure in force on ``on_date``.

        Raises:
            MissingParameter: none is entered for that area and date.
        """
        found = self.find(kind, area, on_date, grade)
        if found is None:
            raise MissingParameter(kind.value, kind, normalise_area(area), on_date, grade)
        return found


def finality_threshold(table: ParameterTable, area: str, on_date: dt.date) -> int | None:
    """12 × the monthly minimum wage in force in ``area`` on ``on_date``, in fen; None when not entered.

    The bound of 劳动争议调解仲裁法第四十七条第（一）项 for labour remuneration, work-injury
    medical costs, economic compensation or damages.
    """
    found = table.find(ParameterKind.MINIMUM_WAGE, area, on_date)
    return None if found is None else FINALITY_MONTHS * found.value

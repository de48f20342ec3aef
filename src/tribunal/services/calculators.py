"""Running the claim calculators with the commission's wage parameters (参考计算).

The calculators themselves are pure (:mod:`tribunal.domain.calculators`); this module reads
the active wage parameters once per calculation and fills in the commission's area when the
clerk names none.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from tribunal.db.engine import Database
from tribunal.domain import calculators as calc
from tribunal.domain.calculators import Calculation, CalculatorKind
from tribunal.errors import ValidationError
from tribunal.services import wage_parameters
from tribunal.texts import msg

__all__ = ["CALCULATORS", "calculate", "needs_parameters"]

CALCULATORS: dict[CalculatorKind, Callable[..., Calculation]] = {
    CalculatorKind.SEVERANCE: calc.severance,
    CalculatorKind.DAMAGES: calc.unlawful_termination_damages,
    CalculatorKind.NOTICE_PAY: calc.notice_pay,
    CalculatorKind.UNSIGNED_CONTRACT: calc.unsigned_contract,
    CalculatorKind.OVERTIME: calc.overtime,
    CalculatorKind.ANNUAL_LEAVE: calc.annual_leave,
    CalculatorKind.INJURY: calc.injury,
}


def needs_parameters(kind: CalculatorKind) -> bool:
    """Whether the calculator reads the wage parameters (and so an area)."""
    return "table" in inspect.signature(CALCULATORS[kind]).parameters


def calculate(db: Database, kind: CalculatorKind, **inputs: Any) -> Calculation:
    """Run one calculator on the clerk's inputs.

    Args:
        kind: which calculator.
        inputs: the calculator's own arguments (see :mod:`tribunal.domain.calculators`); ``area``
            may be left out or empty for the commission's area (setting 仲裁机构所在地区).

    Raises:
        ValidationError: impossible input.
        MissingParameter: a wage figure the calculation needs is not entered.
    """
    function = CALCULATORS[kind]
    if needs_parameters(kind):
        area = str(inputs.get("area") or "").strip() or wage_parameters.commission_area(db)
        if not area:
            raise ValidationError(msg("请填写地区（或在设置中填写仲裁机构所在地区）"), {"area": msg("请填写地区")})
        inputs = {**inputs, "area": area, "table": wage_parameters.table(db)}
    return function(**inputs)

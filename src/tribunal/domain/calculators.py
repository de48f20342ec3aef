"""Claim calculators (请求金额计算器): reference amounts for the usual labour claims, 参考计算.

Each calculator is a pure function of the facts the clerk enters and the commission's dated
wage parameters (:class:`~tribunal.domain.wage_parameters.ParameterTable`); it returns a
:class:`Calculation` with its line items, the formula in words, every parameter used with its
source, and notes on what the tribunal must still decide. A figure that is not entered raises
:class:`~tribunal.errors.MissingParameter`; nothing is guessed.

Money is integer fen. Intermediate values are exact fractions; each line item is rounded to the
fen (half up) once, and the total is the sum of the rounded line items.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from tribunal.domain.money import format_yuan
from tribunal.domain.wage_parameters import (
    ParameterKind,
    ParameterTable,
    ParameterUnit,
    WageParameter,
)
from tribunal.errors import ValidationError
from tribunal.texts import msg

__all__ = [
    "DISABILITY_MONTHS",
    "MARK",
    "Calculation",
    "CalculatorKind",
    "LineItem",
    "ParameterUsed",
    "Pre2008Rule",
    "ServiceSpan",
    "annual_leave",
    "injury",
    "leave_entitlement",
    "notice_pay",
    "overtime",
    "service_span",
    "severance",
    "unlawful_termination_damages",
    "unsigned_contract",
]

#: Every result carries this mark: the amounts are for reference; the tribunal decides.
MARK = "参考计算"
LAW_CONTRACT = "《中华人民共和国劳动合同法》"
LAW_RULES = "《中华人民共和国劳动合同法实施条例》"
LAW_LABOUR = "《中华人民共和国劳动法》"
LAW_INJURY = "《工伤保险条例》"
LEAVE_RULES = "《企业职工带薪年休假实施办法》"
LEAVE_REGULATION = "《职工带薪年休假条例》"
PAY_DAYS_NOTICE = "《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）"
OLD_RULES = "《违反和解除劳动合同的经济补偿办法》（劳部发〔1994〕481号）"

#: 月计薪天数 (劳社部发〔2008〕3号): daily wage = monthly ÷ 21.75; hourly = monthly ÷ 21.75 ÷ 8.
PAY_DAYS_PER_MONTH = Fraction(2175, 100)
HOURS_PER_DAY = 8
#: 劳动合同法第九十八条: the Act applies from this day (its art. 97 splits service at it).
CONTRACT_LAW_START = dt.date(2008, 1, 1)
#: 劳动合同法第四十七条第二款.
HIGH_EARNER_MULTIPLE = 3
HIGH_EARNER_MAX_YEARS = 12
#: 工伤保险条例第三十五条至第三十七条: 一次性伤残补助金, months of own wage by grade 1–10.
DISABILITY_MONTHS: dict[int, int] = {1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
_DISABILITY_ARTICLE = {1: "第三十五条", 2: "第三十五条", 3: "第三十五条", 4: "第三十五条", 5: "第三十六条",
                       6: "第三十六条", 7: "第三十七条", 8: "第三十七条", 9: "第三十七条", 10: "第三十七条"}
#: 工伤保险条例第六十四条第二款: own wage bounded to 60 %–300 % of the area's average wage.
OWN_WAGE_FLOOR = Fraction(60, 100)
OWN_WAGE_CEILING = 3
#: 工伤保险条例第三十三条第二款: 12 months, extendable by at most 12 more.
STOP_WORK_MONTHS = 12
STOP_WORK_MAX_MONTHS = 24
_CHINESE_GRADES = "一二三四五六七八九十"


class CalculatorKind(Enum):
    """The calculators, by the claim they compute."""

    SEVERANCE = "severance"
    DAMAGES = "damages"
    NOTICE_PAY = "notice_pay"
    UNSIGNED_CONTRACT = "unsigned_contract"
    OVERTIME = "overtime"
    ANNUAL_LEAVE = "annual_leave"
    INJURY = "injury"

    @property
    def label_zh(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    CalculatorKind.SEVERANCE: msg("经济补偿"),
    CalculatorKind.DAMAGES: msg("违法解除劳动合同赔偿金"),
    CalculatorKind.NOTICE_PAY: msg("代通知金（额外一个月工资）"),
    CalculatorKind.UNSIGNED_CONTRACT: msg("未签订书面劳动合同二倍工资差额"),
    CalculatorKind.OVERTIME: msg("加班费"),
    CalculatorKind.ANNUAL_LEAVE: msg("未休年休假工资报酬"),
    CalculatorKind.INJURY: msg("工伤保险待遇"),
}


class Pre2008Rule(Enum):
    """How service before 2008-01-01 counts for 经济补偿 (劳动合同法第九十七条第三款: the rules then in force)."""

    NONE = "none"  # the rules then in force gave no compensation for this ending (e.g. a fixed term ran out)
    UNCAPPED = "uncapped"  # one month per year, a part year as a full year (办法 arts. 6, 8, 9)
    CAPPED_12 = "capped12"  # as above, at most 12 months (办法 arts. 5, 7: agreed ending, not competent)

    @property
    def label_zh(self) -> str:
        return _PRE2008_LABELS[self]


_PRE2008_LABELS = {
    Pre2008Rule.NONE: msg("当时规定不支付（如劳动合同期满终止）"),
    Pre2008Rule.UNCAPPED: msg("每满一年一个月工资，不满一年按一年（不设上限）"),
    Pre2008Rule.CAPPED_12: msg("每满一年一个月工资，不满一年按一年，最多十二个月（协商解除、不能胜任工作）"),
}


@dataclass(frozen=True)
class LineItem:
    """One line of a calculation: what it is, how it was worked out, and the amount."""

    label: str
    detail: str
    amount_fen: int


@dataclass(frozen=True)
class ParameterUsed:
    """A figure the calculation used, with where it comes from."""

    name: str
    value: str
    source: str


@dataclass(frozen=True)
class Calculation:
    """A calculator's result: line items, formula in words, parameters and sources (参考计算)."""

    kind: CalculatorKind
    total_fen: int
    items: tuple[LineItem, ...]
    formula: str
    parameters: tuple[ParameterUsed, ...]
    basis: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    mark: str = MARK

    @property
    def title(self) -> str:
        return self.kind.label_zh

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON values (amounts in fen and as yuan text)."""
        return {
            "kind": self.kind.value,
            "title": self.title,
            "mark": self.mark,
            "total_fen": self.total_fen,
            "total_yuan": format_yuan(self.total_fen),
            "items": [{"label": i.label, "detail": i.detail, "amount_fen": i.amount_fen,
                       "amount_yuan": format_yuan(i.amount_fen)} for i in self.items],
            "formula": self.formula,
            "parameters": [{"name": p.name, "value": p.value, "source": p.source} for p in self.parameters],
            "basis": self.basis,
            "notes": list(self.notes),
        }

    def text(self) -> str:
        """The result as plain text, for the command line and for copying."""
        lines = [f"{self.title}（{self.mark}）", f"合计：{format_yuan(self.total_fen)}元", "", "明细："]
        lines += [f"  {i.label}：{format_yuan(i.amount_fen)}元（{i.detail}）" for i in self.items]
        lines += ["", f"计算方法：{self.formula}", "", "所用参数："]
        lines += [f"  {p.name}：{p.value}（来源：{p.source}）" for p in self.parameters]
        lines += ["", f"依据：{self.basis}"]
        if self.notes:
            lines += ["", "提示："] + [f"  {n}" for n in self.notes]
        return "\n".join(lines)


# ---------------------------------------------------------------- helpers


def _round(value: Fraction) -> int:
    """Round to the fen, half up (amounts are never negative here)."""
    return int((value * 2 + 1) // 2)


def _yuan(fen: int | Fraction) -> str:
    return format_yuan(_round(Fraction(fen))) + "元"


def _number(value: Fraction) -> str:
    """A count (months, days, hours) without needless decimals: 2 → "2", 2.5 → "2.5"."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{Decimal(value.numerator) / Decimal(value.denominator):.4f}".rstrip("0").rstrip(".")


def _require_wage(value: int, name: str, label: str) -> None:
    if value <= 0:
        raise ValidationError(msg("请填写{label}（大于零的金额）", label=label), {name: msg("请填写{label}", label=label)})


def _require_order(start: dt.date, end: dt.date, start_label: str, end_label: str) -> None:
    if end < start:
        raise ValidationError(msg("{end_label}（{end}）不能早于{start_label}（{start}）", end_label=end_label, end=end, start_label=start_label, start=start),
                              {"end": msg("{end_label}早于{start_label}", end_label=end_label, start_label=start_label)})


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it has no such day (1-31 + 1 → 2-28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ServiceSpan:
    """A period of service counted in whole months and the days left over."""

    start: dt.date
    end: dt.date  # the last day, inclusive
    months: int
    days: int

    @property
    def years(self) -> int:
        return self.months // 12

    def text(self) -> str:
        years, months = divmod(self.months, 12)
        parts = [f"{years}年" if years else "", f"{months}个月" if months else "", f"{self.days}天" if self.days else ""]
        return "".join(parts) or "0天"


def service_span(start: dt.date, end: dt.date) -> ServiceSpan:
    """Service from ``start`` to ``end`` (both days worked): whole months, then the days left.

    A month is complete on the day before the same date of the next month: 2020-03-01 to
    2020-03-31 is one month; 2020-03-01 to 2021-02-28 is twelve months.
    """
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    while months > 0 and add_months(start, months) > after:
        months -= 1
    months = max(months, 0)
    return ServiceSpan(start, end, months, (after - add_months(start, months)).days)


def _half_months_art47(span: ServiceSpan) -> int:
    """劳动合同法第四十七条第一款 in half months: 2 per full year, 2 for ≥ 6 months left, 1 for less."""
    years, rest_months = divmod(span.months, 12)
    half = 2 * years
    if rest_months >= 6:
        half += 2
    elif rest_months or span.days:
        half += 1
    return half


def _param(p: WageParameter, name: str | None = None) -> ParameterUsed:
    label = name or p.kind.label_zh
    period = f"{p.valid_from:%Y-%m-%d}起" + (f"至{p.valid_to:%Y-%m-%d}" if p.valid_to else "")
    grade = f"（{p.grade}级）" if p.grade is not None else ""
    return ParameterUsed(f"{p.area}{label}{grade}", f"{p.value_text()}（{period}）", p.source)


# ---------------------------------------------------------------- 经济补偿 and 赔偿金


def _art47(start: dt.date, end: dt.date, wage_fen: int, area: str, table: ParameterTable,
           *, label: str) -> tuple[LineItem, list[ParameterUsed], list[str], int]:
    """One art. 47 line over ``start``–``end``: the wage base (floor, cap) and the months counted."""
    average = table.require(ParameterKind.AVERAGE_WAGE, area, end)
    minimum = table.require(ParameterKind.MINIMUM_WAGE, area, end)
    params = [_param(average), _param(minimum)]
    notes: list[str] = []
    base = wage_fen
    how = f"月工资{_yuan(wage_fen)}"
    if wage_fen < minimum.value:
        base = minimum.value
        how = f"月工资{_yuan(wage_fen)}低于当地最低工资标准，按{_yuan(base)}计（{LAW_RULES}第二十七条）"
    span = service_span(start, end)
    half = _half_months_art47(span)
    cap = HIGH_EARNER_MULTIPLE * average.value
    if wage_fen > cap:
        base = cap
        how = (f"月工资{_yuan(wage_fen)}高于上年度职工月平均工资三倍{_yuan(cap)}，按{_yuan(cap)}计，"
               f"年限最高十二年（{LAW_CONTRACT}第四十七条第二款）")
        if half > 2 * HIGH_EARNER_MAX_YEARS:
            notes.append(msg("工作年限{text}，因月工资超过三倍封顶，按十二年计算。", text=span.text()))
            half = 2 * HIGH_EARNER_MAX_YEARS
    months = Fraction(half, 2)
    amount = _round(base * months)
    detail = (f"{span.start:%Y-%m-%d}至{span.end:%Y-%m-%d}，工作{span.text()}，计{_number(months)}个月；"
              f"{how}；{_yuan(base)} × {_number(months)}")
    return LineItem(label, detail, amount), params, notes, amount


def _check_severance_input(start: dt.date, end: dt.date, wage_fen: int) -> None:
    _require_wage(wage_fen, "wage", "解除或终止前十二个月的月平均工资")
    _require_order(start, end, "用工之日", "解除或终止之日")


def severance(*, start: dt.date, end: dt.date, monthly_wage_fen: int, area: str, table: ParameterTable,
              pre2008: Pre2008Rule | None = None) -> Calculation:
    """经济补偿 (劳动合同法第四十六条、第四十七条、第九十七条第三款).

    Args:
        start: the first day of employment (用工之日).
        end: the day the contract was ended (解除或者终止之日), counted as a day worked.
        monthly_wage_fen: the average monthly wage of the twelve months before (实施条例第二十七条).
        area: the area whose average and minimum wage apply (the employer's city).
        table: the commission's wage parameters.
        pre2008: for service before 2008-01-01, which rule then in force applies to this ending.

    Raises:
        ValidationError: impossible input, or service before 2008 without ``pre2008``.
        MissingParameter: the average or minimum wage for ``area`` on ``end`` is not entered.
    """
    _check_severance_input(start, end, monthly_wage_fen)
    items: list[LineItem] = []
    params: list[ParameterUsed] = []
    notes: list[str] = []
    formula = ("每满一年支付一个月工资；六个月以上不满一年的按一年计算；不满六个月的支付半个月工资。"
               "月工资为解除或终止前十二个月的平均工资，低于当地最低工资标准的按最低工资标准计；"
               "高于本地区上年度职工月平均工资三倍的，按三倍计且年限最高十二年。")
    post_start = start
    if start < CONTRACT_LAW_START:
        if pre2008 is None:
            raise ValidationError(msg("用工始于2008年1月1日以前：请选择2008年以前工作年限按当时规定的计算办法"),
                                  {"pre2008": msg("请选择2008年以前的计算办法")})
        pre_end = min(end, CONTRACT_LAW_START - dt.timedelta(days=1))
        pre = service_span(start, pre_end)
        if pre2008 is Pre2008Rule.NONE:
            months = 0
            detail = f"{start:%Y-%m-%d}至{pre_end:%Y-%m-%d}，工作{pre.text()}；按当时规定不支付经济补偿"
        else:
            months = pre.years + (1 if pre.months % 12 or pre.days else 0)
            capped = pre2008 is Pre2008Rule.CAPPED_12 and months > 12
            months = min(months, 12) if pre2008 is Pre2008Rule.CAPPED_12 else months
            detail = (f"{start:%Y-%m-%d}至{pre_end:%Y-%m-%d}，工作{pre.text()}，每满一年一个月、不满一年按一年，"
                      f"计{months}个月" + ("（最多十二个月）" if capped else "")
                      + f"；{_yuan(monthly_wage_fen)} × {months}")
        items.append(LineItem("2008年1月1日以前的工作年限（按当时规定）", detail, monthly_wage_fen * months))
        params.append(ParameterUsed("2008年以前的计算办法", pre2008.label_zh,
                                    f"{LAW_CONTRACT}第九十七条第三款；{OLD_RULES}第五条至第九条"))
        formula += ("2008年1月1日以前的工作年限按当时的规定计算（不适用三倍封顶），"
                    "2008年1月1日以后的工作年限按劳动合同法第四十七条计算，两段相加。")
        notes.append(msg("2008年以前的部分依当时规定计算，是否应付及适用哪一条，由仲裁庭根据解除或终止的原因认定；当时规定以劳动者解除合同前十二个月的月平均工资为准，低于企业月平均工资的按企业月平均工资（办法第十一条），请核对所填月工资。"))
        post_start = CONTRACT_LAW_START
    if end >= CONTRACT_LAW_START:
        item, used, more_notes, _ = _art47(post_start, end, monthly_wage_fen, area, table,
                                           label="劳动合同法第四十七条" if post_start == start
                                           else "2008年1月1日以后的工作年限")
        items.append(item)
        params += used
        notes += more_notes
    params.append(ParameterUsed("三倍封顶及十二年上限", "上年度职工月平均工资的3倍；12年", f"{LAW_CONTRACT}第四十七条第二款"))
    notes.append(msg("经济补偿的月工资按劳动者应得工资计算，包括计时工资或计件工资以及奖金、津贴和补贴等货币性收入（{LAW_RULES}第二十七条）。", LAW_RULES=LAW_RULES))
    return Calculation(CalculatorKind.SEVERANCE, sum(i.amount_fen for i in items), tuple(items), formula,
                       tuple(params), f"{LAW_CONTRACT}第四十六条、第四十七条、第九十七条第三款；{LAW_RULES}第二十七条",
                       tuple(notes))


def unlawful_termination_damages(*, start: dt.date, end: dt.date, monthly_wage_fen: int, area: str,
                                 table: ParameterTable) -> Calculation:
    """违法解除或者终止劳动合同的赔偿金: twice the art. 47 compensation (劳动合同法第八十七条).

    The years count from the first day of employment, 2008 or not (实施条例第二十五条).

    Raises:
        ValidationError: impossible input.
        MissingParameter: the average or minimum wage for ``area`` on ``end`` is not entered.
    """
    _check_severance_input(start, end, monthly_wage_fen)
    item, params, notes, single = _art47(start, end, monthly_wage_fen, area, table,
                                         label="经济补偿标准（第四十七条）")
    items = (item, LineItem("赔偿金（经济补偿标准的二倍）", f"{_yuan(single)} × 2", 2 * single))
    params.append(ParameterUsed("三倍封顶及十二年上限", "上年度职工月平均工资的3倍；12年", f"{LAW_CONTRACT}第四十七条第二款"))
    params.append(ParameterUsed("赔偿金倍数", "经济补偿标准的二倍", f"{LAW_CONTRACT}第八十七条"))
    notes = [*notes, f"赔偿金的计算年限自用工之日起计算，包括2008年以前的工作年限（{LAW_RULES}第二十五条）。",
             f"支付了赔偿金的，不再支付经济补偿（{LAW_RULES}第二十五条）。"]
    formula = ("按劳动合同法第四十七条的经济补偿标准计算（每满一年一个月工资，六个月以上不满一年按一年，"
               "不满六个月半个月；三倍封顶、年限最高十二年），再乘以二。年限自用工之日起计算。")
    return Calculation(CalculatorKind.DAMAGES, 2 * single, items, formula, tuple(params),
                       f"{LAW_CONTRACT}第四十七条、第四十八条、第八十七条；{LAW_RULES}第二十五条、第二十七条",
                       tuple(notes))


# ---------------------------------------------------------------- 代通知金


def notice_pay(*, last_month_wage_fen: int) -> Calculation:
    """代通知金: one month's wage instead of thirty days' written notice (劳动合同法第四十条).

    The wage is the worker's wage of the month before (实施条例第二十条).
    """
    _require_wage(last_month_wage_fen, "wage", "上一个月的工资")
    item = LineItem("额外支付的一个月工资", f"按上一个月的工资标准{_yuan(last_month_wage_fen)}", last_month_wage_fen)
    return Calculation(
        CalculatorKind.NOTICE_PAY, last_month_wage_fen, (item,),
        "用人单位依劳动合同法第四十条解除劳动合同、未提前三十日书面通知的，额外支付一个月工资，按劳动者上一个月的工资标准确定。",
        (ParameterUsed("额外工资标准", "上一个月的工资", f"{LAW_RULES}第二十条"),),
        f"{LAW_CONTRACT}第四十条；{LAW_RULES}第二十条",
        ("仅适用于依第四十条解除的情形；解除是否合法、是否已提前三十日书面通知，由仲裁庭认定。",),
    )


# ---------------------------------------------------------------- 未签书面合同二倍工资


def _pay_days(start: dt.date, end: dt.date) -> int:
    """Paid days (计薪日) from ``start`` to ``end``: every day but Saturdays and Sundays."""
    return sum(1 for n in range((end - start).days + 1) if (start + dt.timedelta(days=n)).weekday() < 5)


def unsigned_contract(*, start: dt.date, until: dt.date, monthly_wage_fen: int,
                      signed_on: dt.date | None = None) -> Calculation:
    """The second wage for months without a written contract (劳动合同法第八十二条; 实施条例第六条、第七条).

    From the day after the first month of employment (满一个月的次日) to the day before the
    written contract was made, at most to the day before the first full year (at most eleven
    months). The amount is the extra wage (the ordinary wage was already due).

    Args:
        start: the first day of employment.
        until: the last day claimed (the day the employment ended, or today) when no contract was signed.
        monthly_wage_fen: the monthly wage.
        signed_on: the day a written contract was made, if one was.

    Raises:
        ValidationError: impossible input.
    """
    _require_wage(monthly_wage_fen, "wage", "月工资")
    _require_order(start, until, "用工之日", "计算截止日")
    if signed_on is not None:
        _require_order(start, signed_on, "用工之日", "补订书面劳动合同之日")
    first = add_months(start, 1)  # 用工之日起满一个月的次日
    last_candidates = [until, add_months(start, 12) - dt.timedelta(days=1)]
    if signed_on is not None:
        last_candidates.append(signed_on - dt.timedelta(days=1))
    last = min(last_candidates)
    notes = [
        "二倍工资差额是否超过仲裁时效（劳动争议调解仲裁法第二十七条）由仲裁庭认定，本计算不作扣除。",
        "用人单位已书面通知订立而劳动者不与订立的，不支付二倍工资（实施条例第五条、第六条），由仲裁庭认定。",
    ]
    formula = ("自用工之日起满一个月的次日起，至补订书面劳动合同的前一日止，最长至用工满一年的前一日（最多十一个月），"
               "每月另支付一倍工资。整月按月工资计；不足一个月的部分按月工资 ÷ 21.75 × 计薪日（周一至周五）计。")
    params = [ParameterUsed("起止规则", "满一个月的次日起，至补订合同前一日或满一年前一日止",
                            f"{LAW_RULES}第六条第二款、第七条"),
              ParameterUsed("月计薪天数", "21.75天", PAY_DAYS_NOTICE)]
    basis = f"{LAW_CONTRACT}第十条、第八十二条；{LAW_RULES}第六条、第七条"
    if last < first:
        item = LineItem("应支付二倍工资的期间", f"用工未超过一个月（{start:%Y-%m-%d}起），无二倍工资", 0)
        return Calculation(CalculatorKind.UNSIGNED_CONTRACT, 0, (item,), formula, tuple(params), basis, tuple(notes))
    span = service_span(first, last)
    items = []
    if span.months:
        items.append(LineItem("整月部分", f"{first:%Y-%m-%d}起{span.months}个月：{_yuan(monthly_wage_fen)} × {span.months}",
                              monthly_wage_fen * span.months))
    if span.days:
        rest_start = add_months(first, span.months)
        days = _pay_days(rest_start, last)
        items.append(LineItem("不足一个月的部分",
                              f"{rest_start:%Y-%m-%d}至{last:%Y-%m-%d}，计薪日{days}天："
                              f"{_yuan(monthly_wage_fen)} ÷ 21.75 × {days}",
                              _round(Fraction(monthly_wage_fen) / PAY_DAYS_PER_MONTH * days)))
    if last == add_months(start, 12) - dt.timedelta(days=1) and (signed_on is None or signed_on > last):
        notes.append(msg("用工满一年仍未订立书面劳动合同的，视为自{add_months:%Y-%m-%d}起已订立无固定期限劳动合同（{LAW_CONTRACT}第十四条第三款；{LAW_RULES}第七条），二倍工资计至满一年的前一日。", add_months=add_months(start, 12), LAW_CONTRACT=LAW_CONTRACT, LAW_RULES=LAW_RULES))
    return Calculation(CalculatorKind.UNSIGNED_CONTRACT, sum(i.amount_fen for i in items), tuple(items), formula,
                       tuple(params), basis, tuple(notes))


# ---------------------------------------------------------------- 加班费


OVERTIME_RATES = {"workday": Fraction(150, 100), "rest_day": Fraction(200, 100), "holiday": Fraction(300, 100)}
_OVERTIME_LABELS = {"workday": ("工作日延长工作时间", "第四十四条第（一）项"),
                    "rest_day": ("休息日工作且未安排补休", "第四十四条第（二）项"),
                    "holiday": ("法定休假日工作", "第四十四条第（三）项")}


def overtime(*, monthly_wage_fen: int, workday_hours: Fraction = Fraction(0), rest_day_hours: Fraction = Fraction(0),
             holiday_hours: Fraction = Fraction(0)) -> Calculation:
    """加班费 at 150 %, 200 % and 300 % of the hourly wage (劳动法第四十四条).

    Hourly wage = monthly wage ÷ 21.75 ÷ 8 (劳社部发〔2008〕3号).

    Raises:
        ValidationError: no wage, negative hours, or no hours at all.
    """
    _require_wage(monthly_wage_fen, "wage", "加班工资计算基数（月工资）")
    hours = {"workday": Fraction(workday_hours), "rest_day": Fraction(rest_day_hours),
             "holiday": Fraction(holiday_hours)}
    problems = {k: "小时数不能为负" for k, v in hours.items() if v < 0}
    problems.update({k: "小时数过大，请核对" for k, v in hours.items() if v > 100_000})
    ValidationError.raise_if(problems, msg("加班时间"))
    if not any(hours.values()):
        raise ValidationError(msg("请至少填写一类加班小时数"), {"workday": msg("请填写加班小时数")})
    hourly = Fraction(monthly_wage_fen) / PAY_DAYS_PER_MONTH / HOURS_PER_DAY
    items = []
    for key, count in hours.items():
        if not count:
            continue
        label, article = _OVERTIME_LABELS[key]
        rate = OVERTIME_RATES[key]
        items.append(LineItem(f"{label}（{_number(rate * 100)}%）",
                              f"{_yuan(monthly_wage_fen)} ÷ 21.75 ÷ 8 = {_yuan(hourly)}/小时（未取整参与计算）；"
                              f"× {_number(count)}小时 × {_number(rate * 100)}%（劳动法{article}）",
                              _round(hourly * count * rate)))
    params = (ParameterUsed("小时工资折算", "月工资 ÷ 21.75天 ÷ 8小时", PAY_DAYS_NOTICE),
              ParameterUsed("加班工资标准", "工作日150%，休息日200%，法定休假日300%", f"{LAW_LABOUR}第四十四条"))
    notes = ("休息日加班已安排补休的不支付200%的加班工资，由仲裁庭认定。",
             "加班工资计算基数、加班事实及时长由仲裁庭认定；法定休假日以《全国年节及纪念日放假办法》规定的节日为准。")
    return Calculation(CalculatorKind.OVERTIME, sum(i.amount_fen for i in items), tuple(items),
                       "小时工资 = 月工资 ÷ 21.75 ÷ 8；加班费 = 小时工资 × 加班小时数 × 150%（工作日）、200%（休息日）或300%（法定休假日），"
                       "各项分别四舍五入到分后相加。",
                       params, f"{LAW_LABOUR}第四十四条；{PAY_DAYS_NOTICE}", notes)


# ---------------------------------------------------------------- 未休年休假工资


def leave_entitlement(cumulative_years: int) -> int:
    """Days of paid annual leave a year by cumulative service (职工带薪年休假条例第三条): 0, 5, 10 or 15."""
    if cumulative_years < 1:
        return 0
    if cumulative_years < 10:
        return 5
    if cumulative_years < 20:
        return 10
    return 15


def annual_leave(*, monthly_wage_fen: int, cumulative_years: int, year: int, days_taken: int = 0,
                 joined_on: dt.date | None = None, left_on: dt.date | None = None) -> Calculation:
    """未休年休假工资报酬: the extra 200 % of the daily wage per untaken day (年休假实施办法第十条至第十二条).

    The 300 % of art. 10 includes the ordinary wage already paid for the day worked, so the claim
    is the extra 200 %. Daily wage = monthly wage ÷ 21.75 (art. 11).

    Args:
        monthly_wage_fen: the worker's monthly wage (art. 11: 本人的月工资).
        cumulative_years: full years of cumulative working time, at any employer (art. 4).
        year: the leave year claimed.
        days_taken: leave days the employer already arranged in that year.
        joined_on: the day the worker joined this employer, if within ``year`` (art. 5: pro rata).
        left_on: the day the contract ended, if within ``year`` (art. 12: pro rata).

    Raises:
        ValidationError: impossible input.
    """
    _require_wage(monthly_wage_fen, "wage", "月工资")
    problems: dict[str, str] = {}
    if not 0 <= cumulative_years <= 60:
        problems["cumulative_years"] = msg("累计工作年限应在 0–60 年之间")
    if days_taken < 0:
        problems["days_taken"] = msg("已安排年休假天数不能为负")
    for name, day in (("joined_on", joined_on), ("left_on", left_on)):
        if day is not None and day.year != year:
            problems[name] = msg("应在 {year} 年内（其他年份的情况不需要填写）", year=year)
    if joined_on and left_on and left_on < joined_on:
        problems["left_on"] = msg("离职日期不能早于入职日期")
    ValidationError.raise_if(problems, msg("年休假信息"))
    full = leave_entitlement(cumulative_years)
    first = joined_on or dt.date(year, 1, 1)
    last = left_on or dt.date(year, 12, 31)
    calendar_days = min((last - first).days + 1, 365)
    params = [ParameterUsed("年休假天数", "累计工作满1年不满10年5天，满10年不满20年10天，满20年15天",
                            f"{LEAVE_REGULATION}第三条"),
              ParameterUsed("日工资折算", "月工资 ÷ 21.75天", f"{LEAVE_RULES}第十一条"),
              ParameterUsed("未休年休假工资报酬", "日工资的300%，其中包含已支付的正常工资，另行支付200%",
                            f"{LEAVE_RULES}第十条")]
    notes = [f"职工连续工作满12个月以上的，方享受年休假（{LEAVE_RULES}第三条），由仲裁庭认定。",
             "职工因本人原因书面提出不休年休假的，用人单位可以只支付正常工作期间的工资收入"
             f"（{LEAVE_RULES}第十条第二款）。",
             "未休年休假工资报酬的仲裁时效由仲裁庭认定，本计算不作扣除。"]
    if left_on is not None:
        due_exact = Fraction(calendar_days, 365) * full - days_taken
        due = max(int(due_exact), 0) if due_exact > 0 else 0
        how = (f"（当年度在本单位已过日历天数{calendar_days}天 ÷ 365）× {full}天 − 已安排{days_taken}天"
               f" = {_number(due_exact)}天，不足1整天的部分不计，应休未休{due}天")
        params.append(ParameterUsed("离职当年折算", "已过日历天数 ÷ 365 × 全年应休天数 − 已安排天数，不足1整天不计",
                                    f"{LEAVE_RULES}第十二条"))
    elif joined_on is not None:
        entitled = int(Fraction(calendar_days, 365) * full)
        due = max(entitled - days_taken, 0)
        how = (f"（当年度在本单位剩余日历天数{calendar_days}天 ÷ 365）× {full}天，不足1整天不计，应休{entitled}天；"
               f"已安排{days_taken}天，应休未休{due}天")
        params.append(ParameterUsed("入职当年折算", "剩余日历天数 ÷ 365 × 全年应休天数，不足1整天不计",
                                    f"{LEAVE_RULES}第五条"))
    else:
        due = max(full - days_taken, 0)
        how = f"全年应休{full}天，已安排{days_taken}天，应休未休{due}天"
    daily = Fraction(monthly_wage_fen) / PAY_DAYS_PER_MONTH
    item_days = LineItem("应休未休天数", f"{year}年；累计工作{cumulative_years}年，全年应休{full}天；{how}", 0)
    item_pay = LineItem("未休年休假工资报酬（另付200%）",
                        f"{_yuan(monthly_wage_fen)} ÷ 21.75 = 日工资{_yuan(daily)}（未取整参与计算）；× {due}天 × 200%",
                        _round(daily * due * 2))
    return Calculation(CalculatorKind.ANNUAL_LEAVE, item_pay.amount_fen, (item_days, item_pay),
                       "应休未休天数 × 日工资 × 200%；日工资 = 月工资 ÷ 21.75。年度中途入职或离职的，按本单位日历天数折算应休天数，"
                       "不足1整天的部分不计。",
                       tuple(params), f"{LEAVE_REGULATION}第三条、第五条；{LEAVE_RULES}第三条至第五条、第十条至第十二条",
                       tuple(notes))


# ---------------------------------------------------------------- 工伤保险待遇


def injury(*, grade: int | None, own_wage_fen: int, injury_date: dt.date, area: str, table: ParameterTable,
           stop_work_wage_fen: int = 0, stop_work_months: int = 0, stop_work_days: int = 0,
           ended_on: dt.date | None = None) -> Calculation:
    """Work-injury benefits (工伤保险条例第三十三条、第三十五条至第三十七条、第六十四条).

    Args:
        grade: the disability grade 1–10 (None: no grade assessed, only the stop-work wage).
        own_wage_fen: 本人工资, the average monthly contribution wage of the 12 months before the
            injury; bounded to 60 %–300 % of the area's average wage (art. 64).
        injury_date: the day of the injury; the average wage in force then bounds the own wage.
        area: the 统筹地区.
        table: the commission's wage parameters.
        stop_work_wage_fen: the worker's original monthly wage for 停工留薪期 (art. 33).
        stop_work_months / stop_work_days: the length of the 停工留薪期 (whole months, then
            paid days beyond them).
        ended_on: the day the employment ended, for grades 5–10: adds the provincial lump sums
            (一次性工伤医疗补助金、一次性伤残就业补助金) in force that day.

    Raises:
        ValidationError: impossible input.
        MissingParameter: the average wage, or the provincial table for the grade, is not entered.
    """
    problems: dict[str, str] = {}
    if grade is not None and grade not in DISABILITY_MONTHS:
        problems["grade"] = msg("伤残等级应为一级至十级")
    if stop_work_months < 0 or stop_work_days < 0:
        problems["stop_work_months"] = msg("停工留薪期不能为负")
    elif stop_work_months > STOP_WORK_MAX_MONTHS or (stop_work_months == STOP_WORK_MAX_MONTHS and stop_work_days):
        problems["stop_work_months"] = msg("停工留薪期最长不超过24个月（工伤保险条例第三十三条第二款）")
    if stop_work_days > 31:
        problems["stop_work_days"] = msg("不足一个月的天数不能超过31天")
    if (stop_work_months or stop_work_days) and stop_work_wage_fen <= 0:
        problems["stop_work_wage"] = msg("请填写停工留薪期的原工资")
    if grade is not None and own_wage_fen <= 0:
        problems["own_wage"] = msg("请填写本人工资（受伤前12个月平均月缴费工资）")
    if ended_on is not None and ended_on < injury_date:
        problems["ended_on"] = msg("解除或终止之日不能早于受伤之日")
    if ended_on is not None and grade is not None and grade <= 4:
        problems["ended_on"] = msg("一级至四级伤残保留劳动关系，不适用一次性工伤医疗补助金和伤残就业补助金")
    ValidationError.raise_if(problems, msg("工伤待遇信息"))
    if grade is None and not (stop_work_months or stop_work_days):
        raise ValidationError(msg("请填写伤残等级或停工留薪期"), {"grade": msg("请选择伤残等级")})
    items: list[LineItem] = []
    params: list[ParameterUsed] = []
    notes: list[str] = []
    if stop_work_months or stop_work_days:
        daily = Fraction(stop_work_wage_fen) / PAY_DAYS_PER_MONTH
        amount = _round(stop_work_wage_fen * stop_work_months + daily * stop_work_days)
        detail = f"原工资{_yuan(stop_work_wage_fen)} × {stop_work_months}个月"
        if stop_work_days:
            detail += f" + {_yuan(stop_work_wage_fen)} ÷ 21.75 × {stop_work_days}天"
        items.append(LineItem("停工留薪期工资（由所在单位支付）", detail, amount))
        params.append(ParameterUsed("停工留薪期待遇", "原工资福利待遇不变，由所在单位按月支付；一般不超过12个月，"
                                    "经确认可延长，延长不超过12个月", f"{LAW_INJURY}第三十三条"))
        if stop_work_months > STOP_WORK_MONTHS or (stop_work_months == STOP_WORK_MONTHS and stop_work_days):
            notes.append(msg("停工留薪期超过12个月的，须经设区的市级劳动能力鉴定委员会确认延长（工伤保险条例第三十三条第二款）。"))
    if grade is not None:
        average = table.require(ParameterKind.AVERAGE_WAGE, area, injury_date)
        params.append(_param(average, "职工月平均工资（统筹地区）"))
        base = Fraction(own_wage_fen)
        how = f"本人工资{_yuan(own_wage_fen)}"
        ceiling, floor = OWN_WAGE_CEILING * average.value, OWN_WAGE_FLOOR * average.value
        if own_wage_fen > ceiling:
            base = Fraction(ceiling)
            how = f"本人工资{_yuan(own_wage_fen)}高于统筹地区职工平均工资300%，按{_yuan(ceiling)}计"
        elif own_wage_fen < floor:
            base = floor
            how = f"本人工资{_yuan(own_wage_fen)}低于统筹地区职工平均工资60%，按{_yuan(floor)}计"
        params.append(ParameterUsed("本人工资上下限", "统筹地区职工平均工资的60%至300%", f"{LAW_INJURY}第六十四条第二款"))
        months = DISABILITY_MONTHS[grade]
        article = _DISABILITY_ARTICLE[grade]
        items.append(LineItem(f"一次性伤残补助金（{_CHINESE_GRADES[grade - 1]}级伤残，由工伤保险基金支付）",
                              f"{how}；× {months}个月", _round(base * months)))
        params.append(ParameterUsed(f"{_CHINESE_GRADES[grade - 1]}级伤残一次性伤残补助金", f"{months}个月的本人工资",
                                    f"{LAW_INJURY}{article}第（一）项"))
        notes.append(msg("一次性伤残补助金由工伤保险基金支付；用人单位未依法缴纳工伤保险费的，由用人单位支付（工伤保险条例第六十二条第二款），由仲裁庭认定。"))
        if grade <= 6:
            notes.append(msg("一级至六级伤残的伤残津贴按月支付，不在本计算之内（工伤保险条例第三十五条、第三十六条）。"))
        if ended_on is not None:
            for kind, label, payer in ((ParameterKind.INJURY_MEDICAL, "一次性工伤医疗补助金", "工伤保险基金"),
                                       (ParameterKind.INJURY_EMPLOYMENT, "一次性伤残就业补助金", "用人单位")):
                entry = table.require(kind, area, ended_on, grade)
                params.append(_param(entry))
                amount, detail = _table_amount(entry, base, table, area, ended_on, params)
                items.append(LineItem(f"{label}（由{payer}支付）", detail, amount))
    return Calculation(
        CalculatorKind.INJURY, sum(i.amount_fen for i in items), tuple(items),
        "停工留薪期工资 = 原月工资 × 月数（不足一个月的按月工资 ÷ 21.75 × 天数）；一次性伤残补助金 = 本人工资 × 等级对应月数"
        "（一级27个月至十级7个月），本人工资按统筹地区职工平均工资的60%至300%封底封顶；五级至十级伤残解除或终止劳动关系的，"
        "一次性工伤医疗补助金和伤残就业补助金按省级人民政府规定的标准计算。",
        tuple(params), f"{LAW_INJURY}第三十三条、第三十五条至第三十七条、第六十四条", tuple(notes))


def _table_amount(entry: WageParameter, own_base: Fraction, table: ParameterTable, area: str, on: dt.date,
                  params: list[ParameterUsed]) -> tuple[int, str]:
    """The amount of a provincial table entry: a fixed sum, or months of the own or average wage."""
    if entry.unit is ParameterUnit.FEN:
        return entry.value, f"省级标准{_yuan(entry.value)}"
    months = Fraction(entry.value, 100)
    if entry.unit is ParameterUnit.MONTHS_OWN:
        return _round(own_base * months), f"本人工资{_yuan(own_base)} × {_number(months)}个月"
    average = table.require(ParameterKind.AVERAGE_WAGE, area, on)
    used = _param(average, "职工月平均工资（统筹地区，解除或终止时）")
    if used not in params:
        params.append(used)
    return (_round(average.value * months),
            f"统筹地区上年度职工月平均工资{_yuan(average.value)} × {_number(months)}个月")

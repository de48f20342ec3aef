"""``tribunal calc``: claim calculators (参考计算) and the commission's wage parameters (工资参数)."""

from __future__ import annotations

import argparse
import re
from fractions import Fraction
from typing import Any

from tribunal.commands.common import (
    date_arg,
    open_db,
    positive_int,
    print_json,
    record_id,
    year_arg,
)

EPILOG = """\
计算结果为参考计算，列出明细、计算方法、所用参数及其来源；是否支持及金额由仲裁庭认定。
需要地区参数（职工月平均工资、最低工资、工伤补助金标准）的计算按 --area 查找，
省略时用设置中的“仲裁机构所在地区”。参数须先由仲裁委员会按官方文件录入（本程序不附带任何数据）：

例：tribunal calc params add --kind minimum_wage --area 邵阳市 --from 2025-07-01 --value 1930 \\
        --source "湖南省人民政府关于调整全省最低工资标准的通知（文号）"
    tribunal calc severance --start 2015-03-01 --end 2024-08-31 --wage 8000
    tribunal calc overtime --wage 4350 --workday-hours 36 --holiday-hours 8 --json
    tribunal calc annual-leave --wage 4350 --years 12 --year 2024 --left 2024-06-30
    tribunal calc injury --grade 7 --own-wage 5000 --injury-date 2023-05-10 --ended-on 2024-01-31
"""

_KINDS = {"average_wage": "上年度职工月平均工资", "minimum_wage": "月最低工资标准",
          "injury_medical": "一次性工伤医疗补助金标准（按伤残等级）",
          "injury_employment": "一次性伤残就业补助金标准（按伤残等级）"}
_UNITS = {"fen": "金额（元）", "months_average": "月数 × 统筹地区上年度职工月平均工资",
          "months_own": "月数 × 本人工资"}
_MONTHS = re.compile(r"^\d{1,3}(\.\d{1,2})?$")


def _money(text: str) -> int:
    from tribunal.domain.money import parse_yuan

    try:
        return parse_yuan(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _hours(text: str) -> Fraction:
    if not re.fullmatch(r"\d{1,6}(\.\d{1,2})?", text.strip()):
        raise argparse.ArgumentTypeError(f"小时数“{text}”应为不超过两位小数的非负数，如 36 或 7.5")
    return Fraction(text.strip())


def _months(text: str) -> int:
    if not _MONTHS.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"月数“{text}”应为不超过两位小数的数，如 6 或 8.5")
    return int(Fraction(text.strip()) * 100)


def _grade(text: str) -> int:
    number = positive_int(text)
    if not 1 <= number <= 10:
        raise argparse.ArgumentTypeError("伤残等级应为 1 至 10")
    return number


def register(sub: Any) -> None:
    """Add the ``calc`` subcommand with one action per calculator and ``params``."""
    calc = sub.add_parser("calc", help="请求金额计算器（参考计算）与工资参数",
                          description="请求金额计算器：经济补偿、赔偿金、代通知金、二倍工资、加班费、未休年休假工资、工伤待遇。",
                          epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = calc.add_subparsers(dest="calc_action", metavar="KIND", required=True)

    def calculator(name: str, help_text: str, kind: str, area: bool = False) -> Any:
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="以 JSON 输出")
        if area:
            p.add_argument("--area", default="", metavar="AREA", help="地区（省略：设置中的仲裁机构所在地区）")
        p.set_defaults(func=_cmd_calculate, calc_kind=kind)
        return p

    for name, help_text, kind in (("severance", "经济补偿（劳动合同法第四十七条）", "severance"),
                                  ("damages", "违法解除劳动合同赔偿金（劳动合同法第八十七条）", "damages")):
        p = calculator(name, help_text, kind, area=True)
        p.add_argument("--start", type=date_arg, required=True, metavar="DATE", help="用工之日 YYYY-MM-DD")
        p.add_argument("--end", type=date_arg, required=True, metavar="DATE", help="解除或终止之日")
        p.add_argument("--wage", type=_money, required=True, metavar="YUAN", help="解除或终止前十二个月的月平均工资（元）")
        if kind == "severance":
            p.add_argument("--pre2008", choices=("none", "uncapped", "capped12"),
                           help="2008年以前工作年限按当时规定：none 不支付；uncapped 每满一年一个月；"
                                "capped12 同上但最多十二个月（用工始于2008年以前时必填）")

    p = calculator("notice-pay", "代通知金：额外支付的一个月工资（劳动合同法第四十条）", "notice_pay")
    p.add_argument("--wage", type=_money, required=True, metavar="YUAN", help="上一个月的工资（元）")

    p = calculator("unsigned-contract", "未签订书面劳动合同二倍工资差额（劳动合同法第八十二条）", "unsigned_contract")
    p.add_argument("--start", type=date_arg, required=True, metavar="DATE", help="用工之日")
    p.add_argument("--until", type=date_arg, required=True, metavar="DATE", help="计算截止日（离职之日或今天）")
    p.add_argument("--signed-on", type=date_arg, metavar="DATE", help="补订书面劳动合同之日（如有）")
    p.add_argument("--wage", type=_money, required=True, metavar="YUAN", help="月工资（元）")

    p = calculator("overtime", "加班费（劳动法第四十四条：150%/200%/300%）", "overtime")
    p.add_argument("--wage", type=_money, required=True, metavar="YUAN", help="加班工资计算基数（月工资，元）")
    p.add_argument("--workday-hours", type=_hours, default=Fraction(0), metavar="H", help="工作日延长工作小时数")
    p.add_argument("--rest-day-hours", type=_hours, default=Fraction(0), metavar="H", help="休息日工作且未补休小时数")
    p.add_argument("--holiday-hours", type=_hours, default=Fraction(0), metavar="H", help="法定休假日工作小时数")

    p = calculator("annual-leave", "未休年休假工资报酬（另付200%）", "annual_leave")
    p.add_argument("--wage", type=_money, required=True, metavar="YUAN", help="本人月工资（元）")
    p.add_argument("--years", type=positive_int, required=True, metavar="N", help="累计工作年限（满几年）")
    p.add_argument("--year", type=year_arg, required=True, metavar="YEAR", help="所计年度")
    p.add_argument("--taken", type=positive_int, default=0, metavar="DAYS", help="该年度已安排的年休假天数")
    p.add_argument("--joined", type=date_arg, metavar="DATE", help="该年度内入职的，入职日期")
    p.add_argument("--left", type=date_arg, metavar="DATE", help="该年度内离职的，解除或终止之日")

    p = calculator("injury", "工伤保险待遇（工伤保险条例第三十三条、第三十五条至第三十七条）", "injury", area=True)
    p.add_argument("--grade", type=_grade, metavar="1-10", help="伤残等级")
    p.add_argument("--own-wage", type=_money, default=0, metavar="YUAN", help="本人工资：受伤前12个月平均月缴费工资（元）")
    p.add_argument("--injury-date", type=date_arg, required=True, metavar="DATE", help="受伤之日")
    p.add_argument("--stop-wage", type=_money, default=0, metavar="YUAN", help="停工留薪期的原月工资（元）")
    p.add_argument("--stop-months", type=positive_int, default=0, metavar="N", help="停工留薪期整月数")
    p.add_argument("--stop-days", type=positive_int, default=0, metavar="N", help="停工留薪期不足一个月的计薪天数")
    p.add_argument("--ended-on", type=date_arg, metavar="DATE",
                   help="五级至十级：解除或终止劳动关系之日（计入一次性工伤医疗补助金、伤残就业补助金）")

    params = actions.add_parser("params", help="工资参数：list 列出、add 录入、remove 删除",
                                description="仲裁委员会录入的工资参数（按地区、日期，注明来源）。")
    pa = params.add_subparsers(dest="params_action", metavar="ACTION", required=True)
    ls = pa.add_parser("list", help="列出工资参数")
    ls.add_argument("--kind", choices=tuple(_KINDS), help="只列此类参数")
    ls.add_argument("--area", metavar="AREA", help="只列此地区")
    ls.add_argument("--all", action="store_true", help="包括已删除的")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=_cmd_params_list)
    add = pa.add_parser("add", help="录入一项参数")
    add.add_argument("--kind", choices=tuple(_KINDS), required=True,
                     help="；".join(f"{k} {v}" for k, v in _KINDS.items()))
    add.add_argument("--area", required=True, metavar="AREA", help="地区，如 邵阳市")
    add.add_argument("--from", dest="valid_from", type=date_arg, required=True, metavar="DATE", help="起始适用日期")
    add.add_argument("--to", dest="valid_to", type=date_arg, metavar="DATE", help="截止适用日期（文件有规定时）")
    value = add.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", type=_money, metavar="YUAN", help="金额（元）")
    value.add_argument("--months", type=_months, metavar="N", help="月数（工伤补助金标准按月数规定时）")
    add.add_argument("--unit", choices=("months_average", "months_own"),
                     help="月数的基数：months_average 统筹地区上年度职工月平均工资；months_own 本人工资")
    add.add_argument("--grade", type=_grade, metavar="5-10", help="伤残等级（工伤补助金标准）")
    add.add_argument("--source", required=True, metavar="TEXT", help="来源：发布文件的名称和文号")
    add.add_argument("--note", default="", metavar="TEXT", help="备注")
    add.set_defaults(func=_cmd_params_add)
    rm = pa.add_parser("remove", help="删除一项参数（保留记录，须说明原因）")
    rm.add_argument("parameter_id", type=record_id, metavar="ID", help="参数编号（见 list）")
    rm.add_argument("--reason", required=True, metavar="TEXT", help="删除原因")
    rm.set_defaults(func=_cmd_params_remove)


def _inputs(args: argparse.Namespace) -> dict[str, Any]:
    from tribunal.domain.calculators import Pre2008Rule

    kind = args.calc_kind
    if kind in ("severance", "damages"):
        out: dict[str, Any] = {"start": args.start, "end": args.end, "monthly_wage_fen": args.wage, "area": args.area}
        if kind == "severance" and args.pre2008:
            out["pre2008"] = Pre2008Rule(args.pre2008)
        return out
    if kind == "notice_pay":
        return {"last_month_wage_fen": args.wage}
    if kind == "unsigned_contract":
        return {"start": args.start, "until": args.until, "monthly_wage_fen": args.wage, "signed_on": args.signed_on}
    if kind == "overtime":
        return {"monthly_wage_fen": args.wage, "workday_hours": args.workday_hours,
                "rest_day_hours": args.rest_day_hours, "holiday_hours": args.holiday_hours}
    if kind == "annual_leave":
        return {"monthly_wage_fen": args.wage, "cumulative_years": args.years, "year": args.year,
                "days_taken": args.taken, "joined_on": args.joined, "left_on": args.left}
    return {"grade": args.grade, "own_wage_fen": args.own_wage, "injury_date": args.injury_date, "area": args.area,
            "stop_work_wage_fen": args.stop_wage, "stop_work_months": args.stop_months,
            "stop_work_days": args.stop_days, "ended_on": args.ended_on}


def _cmd_calculate(args: argparse.Namespace) -> int:
    from tribunal.domain.calculators import CalculatorKind
    from tribunal.services import calculators

    db = open_db(args)
    try:
        result = calculators.calculate(db, CalculatorKind(args.calc_kind), **_inputs(args))
    finally:
        db.dispose()
    if args.json:
        print_json(result.to_dict())
    else:
        print(result.text())
    return 0


def _stored_dict(r: Any) -> dict[str, Any]:
    p = r.parameter
    return {"id": p.id, "kind": p.kind.value, "label": p.kind.label_zh, "area": p.area, "grade": p.grade,
            "valid_from": p.valid_from.isoformat(), "valid_to": p.valid_to.isoformat() if p.valid_to else None,
            "value": p.value, "unit": p.unit.value, "value_text": p.value_text(), "source": p.source,
            "note": p.note or None, "entered_by": r.entered_by, "entered_at": r.entered_at.isoformat(timespec="seconds"),
            "removed": not r.active, "removed_by": r.withdrawn_by or None, "removed_reason": r.withdrawn_reason or None}


def _cmd_params_list(args: argparse.Namespace) -> int:
    from tribunal.domain.wage_parameters import ParameterKind
    from tribunal.services import wage_parameters

    db = open_db(args)
    try:
        rows = wage_parameters.list_parameters(db, kind=ParameterKind(args.kind) if args.kind else None,
                                               area=args.area, include_removed=args.all)
    finally:
        db.dispose()
    if args.json:
        print_json([_stored_dict(r) for r in rows])
        return 0
    if not rows:
        print("尚未录入工资参数。请按官方公布的文件录入：tribunal calc params add …（见 tribunal calc --help）")
        return 0
    for r in rows:
        removed = f"\t已删除（{r.withdrawn_by}：{r.withdrawn_reason}）" if not r.active else ""
        print(f"#{r.parameter.id}\t{r.parameter.describe()}\t录入：{r.entered_by} {r.entered_at:%Y-%m-%d}{removed}")
    return 0


def _cmd_params_add(args: argparse.Namespace) -> int:
    from tribunal.domain.wage_parameters import ParameterKind, ParameterUnit
    from tribunal.errors import ValidationError
    from tribunal.services import wage_parameters

    if args.months is not None:
        if args.unit is None:
            raise ValidationError("按月数录入时请用 --unit 说明月数的基数（months_average 或 months_own）", {"unit": "必填"})
        value, unit = args.months, ParameterUnit(args.unit)
    else:
        if args.unit is not None:
            raise ValidationError("--unit 仅用于 --months", {"unit": "多余"})
        value, unit = args.value, ParameterUnit.FEN
    db = open_db(args)
    try:
        stored = wage_parameters.add(db, ParameterKind(args.kind), args.area, args.valid_from, value, args.source,
                                     unit=unit, grade=args.grade, valid_to=args.valid_to, note=args.note)
    finally:
        db.dispose()
    print(f"已录入 #{stored.parameter.id}：{stored.parameter.describe()}")
    return 0


def _cmd_params_remove(args: argparse.Namespace) -> int:
    from tribunal.services import wage_parameters

    db = open_db(args)
    try:
        stored = wage_parameters.remove(db, args.parameter_id, args.reason)
    finally:
        db.dispose()
    print(f"已删除 #{stored.parameter.id}：{stored.parameter.describe()}（原因：{stored.withdrawn_reason}）")
    return 0

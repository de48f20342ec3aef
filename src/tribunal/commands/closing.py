"""Command line for closing a case: ``tribunal close`` (结案, or --correct what was recorded) and ``tribunal reopen``."""

from __future__ import annotations

import argparse
from typing import Any

from tribunal.commands.common import date_arg, enum_arg, open_db
from tribunal.errors import ValidationError


def register(sub: Any) -> None:
    """Add ``close`` and ``reopen`` to the ``tribunal`` command."""
    close = sub.add_parser("close", help="结案：登记结案方式、日期、处理结果、调解或裁决金额、是否当庭调解")
    close.add_argument("ref", metavar="CASE", help="案号或案件编号")
    close.add_argument("--outcome", metavar="OUTCOME", help="结案方式：调解结案、裁决结案、撤回申请、按撤回申请处理、撤销案件")
    close.add_argument("--date", type=date_arg, metavar="DATE", help="结案日期 YYYY-MM-DD（默认今天）")
    close.add_argument("--result", metavar="RESULT", help="处理结果：劳动者胜诉、用人单位胜诉、双方部分胜诉（调解、裁决结案必填）")
    close.add_argument("--amount", metavar="YUAN", help="调解书或裁决书确定的金额（元）")
    close.add_argument("--on-site", choices=("yes", "no"), help="是否当庭调解（默认：调解结案且结案日有在企业的开庭即为是）")
    close.add_argument("--note", default="", help="备注")
    close.add_argument("--correct", action="store_true",
                       help="更正已结案案件的处理结果、金额和是否当庭调解（不改变结案方式和日期）")
    close.set_defaults(func=_cmd_close)

    reopen = sub.add_parser("reopen", help="撤销结案（结案登记有误时），须说明原因")
    reopen.add_argument("ref", metavar="CASE", help="案号或案件编号")
    reopen.add_argument("--reason", required=True, help="撤销结案的原因（记入审计记录）")
    reopen.set_defaults(func=_cmd_reopen)


def _amount(text: str | None) -> int | None:
    if text is None:
        return None
    from tribunal.domain.money import parse_yuan

    try:
        return parse_yuan(text)
    except ValueError as exc:
        raise ValidationError(str(exc), {"amount": str(exc)}) from None


def _print(case: Any) -> None:
    from tribunal.domain.money import format_yuan

    parts = [f"{case.number} 已结案：{case.outcome.label_zh}（{case.closed_date}）"]
    if case.result is not None:
        parts.append(f"处理结果：{case.result.label_zh}")
    if case.result_amount_fen is not None:
        parts.append(f"金额：{format_yuan(case.result_amount_fen)} 元")
    if case.mediated_on_site:
        parts.append("当庭调解")
    print("；".join(parts))


def _cmd_close(args: argparse.Namespace) -> int:
    import datetime as dt

    from tribunal.domain.enums import CaseOutcome, CaseResult
    from tribunal.services import cases

    result = enum_arg(CaseResult, args.result, "处理结果")
    amount = _amount(args.amount)
    on_site = None if args.on_site is None else args.on_site == "yes"
    db = open_db(args)
    try:
        case = cases.find_case(db, args.ref)
        if args.correct:
            if args.outcome is not None or args.date is not None:
                raise ValidationError("更正时不能改变结案方式和日期；如需改变，请先撤销结案（tribunal reopen）",
                                      {"outcome": "更正时不可改"})
            closed = cases.correct_closing(
                db, case.id, result=result if args.result is not None else case.result,
                amount_fen=amount if args.amount is not None else case.result_amount_fen,
                on_site=on_site if on_site is not None else case.mediated_on_site,
                note=args.note if args.note else None)
        else:
            outcome = enum_arg(CaseOutcome, args.outcome, "结案方式")
            if outcome is None:
                raise ValidationError("请用 --outcome 写明结案方式（如 调解结案）", {"outcome": "必填"})
            if outcome in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED) and result is None:
                raise ValidationError("调解或裁决结案须用 --result 写明处理结果（劳动者胜诉、用人单位胜诉、双方部分胜诉）",
                                      {"result": "必填"})
            closed = cases.close_case(db, case.id, outcome, args.date or dt.date.today(), args.note,
                                      result=result, amount_fen=amount, on_site=on_site)
    finally:
        db.dispose()
    _print(closed)
    return 0


def _cmd_reopen(args: argparse.Namespace) -> int:
    from tribunal.services import cases

    db = open_db(args)
    try:
        case = cases.find_case(db, args.ref)
        reopened = cases.reopen_case(db, case.id, args.reason)
    finally:
        db.dispose()
    print(f"{reopened.number} 已撤销结案，案件状态：{reopened.status.label_zh}")
    return 0

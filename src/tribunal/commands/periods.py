"""``tribunal periods``: the period rules and their confirmation against the official texts (期间规则核对)."""

from __future__ import annotations

import argparse
from typing import Any

from tribunal.commands.common import open_db, print_json, record_id

EPILOG = """\
每条期间规则（长度、计算单位、法律依据）在仲裁委员会对照官方文本核对确认前，
依其计算的日期都标注“期间规则待核对”。核对确认记录核对人（--user）、时间和所依据的文本，
写入审计记录；确认可以撤销（须说明原因），撤销的记录仍保留。
程序更新后规则的长度、单位或依据有变化的，原确认不再适用，须重新核对。

例：tribunal periods list
    tribunal periods confirm defence --source "人力资源社会保障部令第33号《劳动人事争议仲裁办案规则》，部网站公布文本" --user 王书记员
    tribunal periods withdraw 3 --reason "核对时误读第八十条"
"""


def register(sub: Any) -> None:
    """Add the ``periods`` subcommand with its actions."""
    periods = sub.add_parser("periods", help="期间规则：查看核对情况、核对确认、撤销确认",
                             description="期间规则及其与官方文本的核对确认。", epilog=EPILOG,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = periods.add_subparsers(dest="periods_action", metavar="ACTION")
    periods.set_defaults(func=_cmd_list, json=False, history=False)

    ls = actions.add_parser("list", help="列出每条规则及其核对情况")
    ls.add_argument("--history", action="store_true", help="同时列出每条规则的全部核对记录（含已撤销的）")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=_cmd_list)

    confirm = actions.add_parser("confirm", help="登记已对照官方文本核对某条规则")
    confirm.add_argument("key", metavar="RULE", help="规则名，如 defence、award（见 tribunal periods list）")
    confirm.add_argument("--source", required=True, metavar="TEXT",
                         help="核对所依据的官方文本：名称、文号及查阅来源")
    confirm.add_argument("--note", default="", metavar="TEXT", help="备注，如条文原文")
    confirm.set_defaults(func=_cmd_confirm)

    withdraw = actions.add_parser("withdraw", help="撤销一条核对确认（编号见 list --history）")
    withdraw.add_argument("check_id", type=record_id, metavar="ID", help="核对记录的编号")
    withdraw.add_argument("--reason", required=True, metavar="TEXT", help="撤销原因")
    withdraw.set_defaults(func=_cmd_withdraw)


def _state(st: Any) -> str:
    if st.confirmation is not None:
        c = st.confirmation
        return f"已核对（{c.confirmed_by}，{c.confirmed_at:%Y-%m-%d}，依据：{c.source}）"
    if st.outdated is not None:
        return f"待重新核对（{st.outdated.confirmed_at:%Y-%m-%d} 核对后规则已变更）"
    return "待核对"


def _check_dict(c: Any) -> dict[str, Any]:
    return {"id": c.id, "days": c.days, "unit": c.unit, "basis": c.basis, "source": c.source, "note": c.note,
            "confirmed_by": c.confirmed_by, "confirmed_at": c.confirmed_at.isoformat(timespec="seconds"),
            "withdrawn_by": c.withdrawn_by or None,
            "withdrawn_at": c.withdrawn_at.isoformat(timespec="seconds") if c.withdrawn_at else None,
            "withdrawn_reason": c.withdrawn_reason or None}


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import period_rules

    db = open_db(args)
    try:
        statuses = period_rules.statuses(db)
    finally:
        db.dispose()
    if args.json:
        print_json([{"key": st.rule.key, "label": st.rule.label_zh, "days": st.rule.days, "unit": st.rule.unit,
                     "basis": st.rule.basis, "reading": st.rule.reading or None, "verified": st.verified,
                     "confirmation": _check_dict(st.confirmation) if st.confirmation else None,
                     "history": [_check_dict(c) for c in st.history]} for st in statuses])
        return 0
    for st in statuses:
        r = st.rule
        print(f"{r.key}\t{r.label_zh}\t{r.days}个{r.unit_zh}\t{r.basis}\t{_state(st)}")
        if r.reading:
            print(f"\t※ 本程序的理解：{r.reading}")
        if args.history:
            for c in st.history:
                withdrawn = (f"；已由{c.withdrawn_by}于{c.withdrawn_at:%Y-%m-%d}撤销：{c.withdrawn_reason}"
                             if c.withdrawn_at else "")
                print(f"\t#{c.id} {c.confirmed_at:%Y-%m-%d %H:%M} {c.confirmed_by} 核对"
                      f"（{c.days}个{'工作日' if c.unit == 'working' else '自然日'}；{c.basis}），依据：{c.source}"
                      f"{withdrawn}")
    left = sum(1 for st in statuses if not st.verified)
    if left:
        print(f"尚有 {left} 条规则待核对；依其计算的日期标注“期间规则待核对”。")
    return 0


def _cmd_confirm(args: argparse.Namespace) -> int:
    from tribunal.services import period_rules

    db = open_db(args)
    try:
        st = period_rules.confirm(db, args.key, args.source, args.note)
    finally:
        db.dispose()
    assert st.confirmation is not None
    print(f"已登记核对：{st.rule.label_zh}（{st.rule.days}个{st.rule.unit_zh}，{st.rule.basis}），"
          f"核对人 {st.confirmation.confirmed_by}，记录编号 {st.confirmation.id}")
    return 0


def _cmd_withdraw(args: argparse.Namespace) -> int:
    from tribunal.services import period_rules

    db = open_db(args)
    try:
        check = period_rules.withdraw(db, args.check_id, args.reason)
    finally:
        db.dispose()
    print(f"已撤销核对记录 #{check.id}（{check.rule_key}）：{check.withdrawn_reason}")
    return 0

"""The ``tribunal`` command: no arguments opens the GUI; subcommands do batch and admin work."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from tribunal import __version__
from tribunal.commands import MODULES
from tribunal.commands.common import enum_arg, open_db, positive_int, print_json
from tribunal.errors import TribunalError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose complaints are one Chinese-led line, never a traceback."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：命令行参数有误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tribunal",
        description="巡回仲裁庭书记员工作台。不带参数运行时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"tribunal {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="数据库：SQLite 文件路径或 SQLAlchemy 地址（如 postgresql+psycopg://…）；"
        "默认读取环境变量 TRIBUNAL_DB，再默认为用户数据目录中的 tribunal.sqlite3",
    )
    parser.add_argument("--user", metavar="NAME", help="记入审计日志的操作人（默认：系统用户名）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo", help="载入演示数据（开发区、巡回庭、企业、人员、案件、开庭与旁听邀请）")
    demo.add_argument("--cases", type=positive_int, default=0, metavar="N",
                      help="另外批量生成 N 件合成案件（用于性能测试）")
    demo.add_argument("--seed", type=int, default=2026, help="随机数种子（默认 2026）")
    demo.set_defaults(func=_cmd_demo)

    cases = sub.add_parser("cases", help="列出或查找案件")
    cases.add_argument("--search", default="", metavar="TEXT", help="按案号、当事人姓名或单位名称查找")
    cases.add_argument("--status", metavar="STATUS", help="按状态筛选（如 已受理、closed）")
    cases.add_argument("--type", dest="case_type", metavar="TYPE", help="按案由筛选（如 工伤保险待遇、wages）")
    cases.add_argument("--year", type=positive_int, help="按收件年份筛选")
    cases.add_argument("--limit", type=positive_int, default=0, metavar="N", help="最多列出 N 件（默认全部）")
    cases.add_argument("--json", action="store_true", help="以 JSON 输出")
    cases.set_defaults(func=_cmd_cases)

    case = sub.add_parser("case", help="显示一件案件的详细信息")
    case.add_argument("ref", metavar="CASE", help="案号（如 邵劳人仲案字〔2026〕第1号）或案件编号")
    case.add_argument("--json", action="store_true", help="以 JSON 输出")
    case.set_defaults(func=_cmd_case)

    db = sub.add_parser("db", help="数据库维护：upgrade 升级结构，check 只读检查")
    db.add_argument("action", choices=["upgrade", "check"], help="upgrade 或 check")
    db.add_argument("--json", action="store_true", help="以 JSON 输出（check）")
    db.set_defaults(func=_cmd_db)

    st = sub.add_parser("settings", help="查看或修改设置（本机设置与仲裁机构设置）：settings [KEY [VALUE]]")
    st.add_argument("key", nargs="?", help="设置项，如 case_number.prefix")
    st.add_argument("value", nargs="?", help="新的值")
    st.set_defaults(func=_cmd_settings)

    gui = sub.add_parser("gui", help="打开图形界面（与不带参数相同）")
    gui.set_defaults(func=_cmd_gui)
    for name in MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _cmd_gui(args: argparse.Namespace) -> int:
    from tribunal.ui.app import run_gui

    return run_gui(args.db, actor=args.user)


def _cmd_demo(args: argparse.Namespace) -> int:
    from tribunal.services import demo

    db = open_db(args)
    try:
        report = demo.load_demo(db, extra_cases=args.cases, seed=args.seed, history=True)
    finally:
        db.dispose()
    print(report.summary())
    return EXIT_OK


def _cmd_cases(args: argparse.Namespace) -> int:
    from tribunal.domain.enums import CaseStatus, CaseType
    from tribunal.domain.money import format_yuan
    from tribunal.services import cases

    f = cases.CaseFilter(
        text=args.search,
        status=enum_arg(CaseStatus, args.status, "状态"),
        case_type=enum_arg(CaseType, args.case_type, "案由"),
        year=args.year,
    )
    db = open_db(args)
    try:
        rows = cases.search_cases(db, f, limit=args.limit or None)
    finally:
        db.dispose()
    if args.json:
        print_json([_row_json(r) for r in rows])
        return EXIT_OK
    if not rows:
        print("没有符合条件的案件。")
        return EXIT_OK
    for r in rows:
        print("\t".join([
            r.number, r.case_type.label_zh, r.status.label_zh, r.received_date.isoformat(),
            r.applicants, r.respondents, format_yuan(r.claim_total_fen),
        ]))
    print(f"共 {len(rows)} 件", file=sys.stderr)
    return EXIT_OK


def _names(text: str) -> list[str]:
    return [n for n in text.split("、") if n]


def _row_json(r: Any) -> dict[str, Any]:
    applicants, respondents = _names(r.applicants), _names(r.respondents)
    return {
        "id": r.id,
        "case_number": r.number,
        "type": r.case_type.value,
        "type_label": r.case_type.label_zh,
        "status": r.status.value,
        "status_label": r.status.label_zh,
        "received_date": r.received_date.isoformat(),
        "accepted_date": r.accepted_date.isoformat() if r.accepted_date else None,
        "applicants": applicants,
        "respondents": respondents,
        "parties": [{"role": "applicant", "name": n} for n in applicants]
        + [{"role": "respondent", "name": n} for n in respondents],
        "claim_total_yuan": r.claim_total_fen / 100,
        "outcome": r.outcome.value if r.outcome else None,
    }


def _cmd_case(args: argparse.Namespace) -> int:
    from tribunal.domain.anonymise import mask_id_number, mask_phone
    from tribunal.domain.money import format_yuan
    from tribunal.services import cases
    from tribunal.services.audit import jsonable

    db = open_db(args)
    try:
        c = cases.find_case(db, args.ref)
    finally:
        db.dispose()
    if args.json:
        print_json(jsonable(c))
        return EXIT_OK
    print(f"{c.number}  {c.case_type.label_zh}  {c.status.label_zh}")
    print(f"收件 {c.received_date}  受理 {c.accepted_date or '—'}  结案 {c.closed_date or '—'}"
          + (f"（{c.outcome.label_zh}）" if c.outcome else ""))
    for p in c.parties:
        ident = mask_id_number(p.id_number) if p.id_number else p.credit_code
        print(f"  {p.role.label_zh}：{p.name}  {ident or ''}  {mask_phone(p.phone) if p.phone else ''}".rstrip())
    for i, claim in enumerate(c.claims, 1):
        amount = f"  {format_yuan(claim.amount_fen)} 元" if claim.amount_fen is not None else ""
        print(f"  请求{i}：{claim.item}{amount}")
    for a in c.arbitrators:
        print(f"  {a.role.label_zh}：{a.name}")
    return EXIT_OK


def _cmd_db(args: argparse.Namespace) -> int:
    from tribunal.services.app import check_database, upgrade_database

    if args.action == "upgrade":
        where, backup = upgrade_database(args.db)
        print(f"数据库已是最新结构：{where}")
        if backup:
            print(f"升级前的副本：{backup}")
        return EXIT_OK
    report = check_database(args.db)
    if args.json:
        print_json(report.__dict__)
    else:
        print(f"数据库：{report.location}（{report.backend}）")
        print(f"结构版本：{report.current or '（空数据库）'}；程序版本：{report.head}；"
              + ("已是最新" if report.up_to_date else "需要升级（运行 tribunal db upgrade）"))
        print(f"完整性检查：{report.integrity}")
        if report.cases is not None:
            print(f"案件数：{report.cases}")
    return EXIT_OK if report.up_to_date and report.integrity == "ok" else EXIT_ERROR


def _cmd_settings(args: argparse.Namespace) -> int:
    from tribunal.services import settings, workstation

    for problem in settings.workstation_problems():
        print(f"警告：{problem}", file=sys.stderr)
    if args.key is not None and settings.BY_KEY.get(args.key, None) is not None \
            and settings.BY_KEY[args.key].scope == settings.WORKSTATION:
        # This computer's settings need no database.
        if args.value is None:
            print(settings.get(None, args.key))
        else:
            value = settings.set_value(None, args.key, args.value)
            print(f"已保存（本机）：{args.key} = {value}")
        return EXIT_OK
    db = open_db(args)
    try:
        if args.key is None:
            values = settings.get_all(db)
            for scope, heading in ((settings.WORKSTATION, f"本机设置（保存在 {workstation.settings_path()}）"),
                                   (settings.COMMISSION, f"仲裁机构设置（保存在数据库 {db.display_name}，所有工作站共用）")):
                print(f"# {heading}")
                for d in settings.REGISTRY:
                    if d.scope == scope and not d.hidden:  # internal bookkeeping is not listed
                        print(f"{d.key}\t{values[d.key]!s}\t{d.label_zh}")
            return EXIT_OK
        if args.value is None:
            print(settings.get(db, args.key))
            return EXIT_OK
        value = settings.set_value(db, args.key, args.value)
        print(f"已保存：{args.key} = {value}")
        return EXIT_OK
    finally:
        db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tribunal`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", _cmd_gui)
    try:
        return func(args)
    except TribunalError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

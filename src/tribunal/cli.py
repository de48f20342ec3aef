"""The ``tribunal`` command: no arguments opens the GUI; subcommands do batch and admin work."""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from tribunal import __version__
from tribunal.commands import MODULES
from tribunal.commands.common import enum_arg, open_db, positive_int, print_json, year_arg
from tribunal.errors import TribunalError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
#: An unforeseen defect (a bug): distinct from 1 so tests and scripts can tell it from refused input.
EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    """An argument parser whose complaints are one Chinese-led line, never a traceback."""

    def error(self, message: str) -> NoReturn:
        # One line, as every refusal: the usage is one --help away.
        text = one_line(_translate_usage(message))
        self.exit(EXIT_USAGE, f"{self.prog}：命令行参数有误：{text}（用法见 {self.prog} --help）\n")


_USAGE_PHRASES = (
    (re.compile(r"^argument ([^:]+): invalid choice: (.*?) \(choose from (.*)\)$"),
     r"参数 \1 的值 \2 无效，可选：\3"),
    (re.compile(r"^argument ([^:]+): expected one argument$"), r"参数 \1 后面应有一个值"),
    (re.compile(r"^argument ([^:]+): invalid (\w+) value: (.*)$"), r"参数 \1 的值 \3 格式不正确"),
    (re.compile(r"^argument ([^:]+): (.*)$"), r"参数 \1：\2"),
    (re.compile(r"^the following arguments are required: (.*)$"), r"缺少必填的参数：\1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"无法识别的参数：\1"),
)


def _translate_usage(message: str) -> str:
    """argparse's English complaints in Chinese (the common ones; others pass unchanged)."""
    for pattern, replacement in _USAGE_PHRASES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def one_line(message: str, limit: int = 400) -> str:
    """A message as one terminal line: control and direction characters made visible, cut at ``limit``."""
    from tribunal.domain.inputs import shown

    return shown(" ".join(message.split("\n")), limit)


def _global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options that come before any command (and alone open the window)."""
    parser.add_argument("--version", action="version", version=f"tribunal {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="数据库：SQLite 文件路径或 SQLAlchemy 地址（如 postgresql+psycopg://…）；"
        "默认读取环境变量 TRIBUNAL_DB，再默认为用户数据目录中的 tribunal.sqlite3",
    )
    parser.add_argument("--user", metavar="NAME", help="记入审计日志的操作人（默认：系统用户名）")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _global_options(_Parser(
        prog="tribunal",
        description="巡回仲裁庭书记员工作台。不带参数运行时打开图形界面。",
    ))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo", help="载入演示数据（开发区、巡回庭、企业、人员、案件、开庭与旁听邀请）")
    demo.add_argument("--cases", type=positive_int, default=0, metavar="N",
                      help="另外批量生成 N 件合成案件（用于性能测试）")
    demo.add_argument("--seed", type=positive_int, default=2026, help="随机数种子（默认 2026）")
    demo.set_defaults(func=_cmd_demo)

    cases = sub.add_parser("cases", help="列出或查找案件")
    cases.add_argument("--search", default="", metavar="TEXT", help="按案号、当事人姓名或单位名称查找")
    cases.add_argument("--status", metavar="STATUS", help="按状态筛选（如 已受理、closed）")
    cases.add_argument("--type", dest="case_type", metavar="TYPE", help="按案由筛选（如 工伤保险待遇、wages）")
    cases.add_argument("--year", type=year_arg, help="按收件年份筛选")
    cases.add_argument("--limit", type=positive_int, default=0, metavar="N", help="最多列出 N 件（默认全部）")
    cases.add_argument("--json", action="store_true", help="以 JSON 输出")
    cases.set_defaults(func=_cmd_cases)

    case = sub.add_parser("case", help="显示一件案件的详细信息")
    case.add_argument("ref", metavar="CASE", help="案号（如 邵劳人仲案字〔2026〕第1号）或案件编号")
    case.add_argument("--json", action="store_true", help="以 JSON 输出（身份证号码和电话隐去中间几位）")
    case.add_argument("--unmasked", action="store_true",
                      help="显示完整的身份证号码和电话号码（会记入审计日志）")
    case.set_defaults(func=_cmd_case)

    _add_db(sub)

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
    from tribunal.domain.money import format_yuan
    from tribunal.services import cases
    from tribunal.services.audit import jsonable

    db = open_db(args)
    try:
        c = cases.case_for_output(db, args.ref, unmasked=args.unmasked)
    finally:
        db.dispose()
    if args.json:  # numbers already masked by the service unless --unmasked
        print_json(jsonable(c))
        return EXIT_OK
    print(f"{c.number}  {c.case_type.label_zh}  {c.status.label_zh}")
    print(f"收件 {c.received_date}  受理 {c.accepted_date or '—'}  结案 {c.closed_date or '—'}"
          + (f"（{c.outcome.label_zh}）" if c.outcome else ""))
    for p in c.parties:
        ident = p.id_number or p.credit_code
        print(f"  {p.role.label_zh}：{p.name}  {ident or ''}  {p.phone}".rstrip())
        for agent in p.agents:
            firm = f"（{agent.organisation}）" if agent.organisation else ""
            print(f"    {agent.capacity}：{agent.name}{firm}  {agent.kind.label_zh}  {agent.authority_text}  "
                  f"{agent.phone}".rstrip())
    for i, claim in enumerate(c.claims, 1):
        amount = f"  {format_yuan(claim.amount_fen)} 元" if claim.amount_fen is not None else ""
        print(f"  请求{i}：{claim.item}{amount}")
    for a in c.arbitrators:
        print(f"  {a.role.label_zh}：{a.name}")
    return EXIT_OK


DB_EPILOG = """\
备份与恢复：
  tribunal db backup E:\\          把当前数据库备份到 U 盘等文件夹（SQLite：数据库副本 .sqlite3；
                                  服务器：可移植的导出文件 .tribunal-dump.zip，无需服务器工具）
  tribunal db restore 备份文件      用备份替换当前数据库：先检查备份的完整性和版本，确认没有其他程序
                                  在用，再把当前数据库另存到 backups 文件夹，然后整体替换；
                                  服务器上只能恢复到一个空的数据库
  tribunal db copy --to 地址        把 SQLite 数据库复制到一个空的 PostgreSQL 数据库，逐表核对行数和校验值
自动备份：图形界面每天第一次打开时、每次升级结构前，在数据库旁的 backups 文件夹各留一份，
  保留份数见设置 backup.keep（默认 14）。服务器数据库由管理员负责备份。
"""


def _add_db(sub: Any) -> None:
    db = sub.add_parser("db", help="数据库维护：check 检查、upgrade 升级、backup 备份、restore 恢复、copy 复制到服务器",
                        epilog=DB_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="只读检查：结构版本、完整性、案件数（不改动任何文件）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    check.set_defaults(func=_cmd_db_check)
    upgrade = actions.add_parser("upgrade", help="把数据库结构升级到本程序的版本（先留一份备份）")
    upgrade.add_argument("--dump-dir", metavar="DIR",
                         help="服务器数据库升级前的导出文件保存到这个文件夹（默认：程序数据文件夹）")
    upgrade.set_defaults(func=_cmd_db_upgrade)
    backup = actions.add_parser("backup", help="把当前数据库备份到一个文件夹（如 U 盘）")
    backup.add_argument("folder", metavar="DIR", help="保存备份的文件夹（须已存在）")
    backup.set_defaults(func=_cmd_db_backup)
    restore = actions.add_parser("restore", help="用一份备份替换当前数据库（先另存当前数据库）")
    restore.add_argument("file", metavar="FILE", help="备份文件：.sqlite3 副本或 .tribunal-dump.zip 导出文件")
    restore.set_defaults(func=_cmd_db_restore)
    copy = actions.add_parser("copy", help="把 SQLite 数据库复制到一个空的 PostgreSQL 数据库（逐表核对）")
    copy.add_argument("--to", required=True, metavar="URL",
                      help="目标服务器地址，如 postgresql+psycopg://用户@服务器/数据库")
    copy.set_defaults(func=_cmd_db_copy)


def _progress(table: str, rows: int) -> None:
    print(f"  {table}：已处理 {rows} 行…", file=sys.stderr)


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from tribunal.services.app import upgrade_database

    report = upgrade_database(args.db, dump_folder=args.dump_dir)
    if report.changed:
        print(f"数据库结构已从 {report.before or '（空）'} 升级到 {report.after}，现已是最新：{report.location}")
    else:
        print(f"数据库已是最新结构（{report.after}）：{report.location}")
    if report.backup:
        print(f"升级前的备份：{report.backup}")
    return EXIT_OK


def _cmd_db_check(args: argparse.Namespace) -> int:
    from tribunal.services.app import check_database

    report = check_database(args.db)
    if args.json:
        print_json(report.__dict__)
    else:
        print(f"数据库：{report.location}（{report.backend}）")
        if report.integrity != "ok":
            print(f"完整性检查：发现问题——{report.integrity}")
            print("请从备份恢复：tribunal db restore 备份文件（自动备份在数据库旁的 backups 文件夹）")
            return EXIT_ERROR
        print(f"结构版本：{report.current or '（空数据库）'}；程序版本：{report.head}；"
              + ("已是最新" if report.up_to_date else "需要升级（运行 tribunal db upgrade）"))
        print(f"完整性检查：{report.integrity}")
        if report.cases is not None:
            print(f"案件数：{report.cases}")
    return EXIT_OK if report.up_to_date and report.integrity == "ok" else EXIT_ERROR


def _cmd_db_backup(args: argparse.Namespace) -> int:
    from tribunal.services import backup

    db = open_db(args)
    try:
        result = backup.backup_to_folder(db, args.folder)
    finally:
        db.dispose()
    what = "数据库副本" if result.kind == "sqlite" else "导出文件"
    print(f"已备份（{what}，{result.tables} 个表，{result.rows} 行，{result.size // 1024} KB）：{result.path}")
    return EXIT_OK


def _cmd_db_restore(args: argparse.Namespace) -> int:
    from tribunal.services import backup

    result = backup.restore(args.db, args.file, actor=args.user, progress=_progress)
    print(f"已从 {result.source} 恢复数据库：{result.location}（{result.tables} 个表，{result.rows} 行，"
          f"结构版本 {result.revision}）")
    if result.safety_copy:
        print(f"恢复前的数据库已另存为：{result.safety_copy}")
    return EXIT_OK


def _cmd_db_copy(args: argparse.Namespace) -> int:
    from tribunal.services import backup

    db = open_db(args)
    try:
        result = backup.copy_to_server(db, args.to, progress=_progress)
    finally:
        db.dispose()
    print(f"已复制到 {result.target}：{result.tables} 个表，{result.rows} 行，各表行数和校验值一致")
    return EXIT_OK


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


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The command line's parser, built once per process.

    Building it registers every command's options (about a tenth of a second); a process that
    calls :func:`main` more than once (the tests, a script) reuses it. Parsing does not change
    the parser, so one instance serves every call.
    """
    return build_parser()


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the window (no command), else None.

    Read without building the whole command line (every command's options take about 0.15 s
    to register), so the window of a plain start appears that much sooner.
    """
    if not argv:
        return argparse.Namespace(db=None, user=None)
    args, rest = _global_options(_Parser(prog="tribunal", add_help=False)).parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tribunal`` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in arg):
            # Bytes that are not UTF-8 (a file name in another encoding): nothing can be done with them.
            _Parser(prog="tribunal").error(f"参数中含有无法识别的字符（编码不是 UTF-8）：{one_line(arg, 60)}")
    args = _window_arguments(argv) or _parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", _cmd_gui)
    try:
        return func(args)
    except TribunalError as exc:
        print(f"错误：{one_line(exc.message)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        print("错误：内存不足，操作未完成，未作任何更改", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        # A file-system refusal nobody foresaw (disk full, a locked file): one line, not a traceback.
        where = f"：{exc.filename}" if exc.filename else ""
        print(f"错误：{one_line(exc.strerror or str(exc))}{where}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        # A defect, not bad input: say so in one line; TRIBUNAL_DEBUG=1 shows the traceback.
        if os.environ.get("TRIBUNAL_DEBUG") == "1":
            raise
        print(f"错误：程序内部出错（{type(exc).__name__}：{one_line(str(exc), 200)}），"
              "未完成的操作已撤销；请把这一行告知维护人员", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

"""``tribunal calendar``: list, show, import and correct the statutory holiday schedule (法定节假日安排)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from tribunal.commands.common import date_arg, open_db, print_json, year_arg

_WEEKDAYS = "一二三四五六日"
_KIND_ZH = {"holiday": "放假", "workday": "调休上班"}
_NORMAL_WORDS = ("normal", "普通", "普通日", "none", "清除")

IMPORT_EPILOG = """\
文件格式（UTF-8 或 GBK 编码均可）：
  CSV：每行“日期,类型,名称”，类型为 放假/上班（或 holiday/workday），名称可省略；
       第一行可以是标题“date,kind,name”或“日期,类型,名称”。例如：
         2027-01-01,放假,元旦
         2027-02-07,上班,春节
  JSON：[{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, …]
导入会替换该年原有的全部安排。文件中有任何一行错误时列出所有错误，不作任何更改。
"""


def register(sub: Any) -> None:
    """Add the ``calendar`` subcommand with its actions."""
    cal = sub.add_parser("calendar", help="法定节假日安排：查看、导入新公布的年份、更正某一天")
    # The action parsers inherit the command line's own parser class (one-line Chinese errors).
    actions = cal.add_subparsers(dest="calendar_action", metavar="ACTION")
    cal.set_defaults(func=_cmd_list, json=False)

    ls = actions.add_parser("list", help="列出已载入的年份、来源和天数")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=_cmd_list)

    show = actions.add_parser("show", help="列出某一年的每个放假日和调休上班日")
    show.add_argument("year", type=year_arg, metavar="YEAR", help="年份，如 2026")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(func=_cmd_show)

    imp = actions.add_parser("import", help="从 CSV 或 JSON 文件导入（替换）某一年的安排",
                             epilog=IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("file", metavar="FILE", help="CSV 或 JSON 文件")
    imp.add_argument("--year", type=year_arg, required=True, metavar="YEAR", help="文件所载的年份")
    imp.add_argument("--source", required=True, metavar="TEXT",
                     help="来源，如“国务院办公厅关于2027年部分节假日安排的通知”")
    imp.set_defaults(func=_cmd_import)

    st = actions.add_parser("set", help="更正某一天：holiday（放假）、workday（调休上班）或 normal（普通日）")
    st.add_argument("date", type=date_arg, metavar="DATE", help="日期 YYYY-MM-DD")
    st.add_argument("kind", type=_kind_arg, metavar="KIND",
                    help="holiday/放假、workday/上班 或 normal/普通（取消特别安排）")
    st.add_argument("--name", default=None, metavar="NAME", help="所属节日，如 春节")
    st.set_defaults(func=_cmd_set)


def _kind_arg(text: str) -> str:
    """``argparse`` type: holiday / workday, or "" for an ordinary day."""
    from tribunal.services.legal_calendar import kind_from_text

    if text.strip().lower() in _NORMAL_WORDS:
        return ""
    kind = kind_from_text(text)
    if kind is None:
        raise argparse.ArgumentTypeError(f"类型应为 holiday（放假）、workday（上班）或 normal（普通）：{text}")
    return kind


def _day(day: dt.date) -> str:
    return f"{day.isoformat()}（星期{_WEEKDAYS[day.weekday()]}）"


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import legal_calendar

    db = open_db(args)
    try:
        infos = legal_calendar.years(db)
    finally:
        db.dispose()
    if getattr(args, "json", False):
        print_json([{"year": y.year, "source": y.source, "holidays": y.holidays, "workdays": y.workdays}
                    for y in infos])
    else:
        print("年份\t放假日\t调休上班日\t来源")
        for y in infos:
            print(f"{y.year}\t{y.holidays}\t{y.workdays}\t{y.source}")
    loaded = {y.year for y in infos}
    today = dt.date.today()
    for year in (today.year, today.year + 1):
        # The State Council publishes next year's schedule around November.
        if year not in loaded and (year == today.year or today.month >= 10):
            print(f"提示：{year}年的节假日安排尚未载入；国务院办公厅公布后，请用 "
                  f"tribunal calendar import 文件 --year {year} --source \"通知名称\" 导入。", file=sys.stderr)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from tribunal.services import legal_calendar

    db = open_db(args)
    try:
        info, rules = legal_calendar.year_rules(db, args.year)
    finally:
        db.dispose()
    if args.json:
        print_json({"year": info.year, "source": info.source,
                    "days": [{"date": r.date.isoformat(), "kind": r.kind, "name": r.name} for r in rules]})
        return 0
    print(f"{info.year}年  来源：{info.source}  放假 {info.holidays} 天，调休上班 {info.workdays} 天")
    for r in rules:
        print(f"{_day(r.date)}\t{_KIND_ZH[r.kind]}\t{r.name or ''}".rstrip())
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from tribunal.services import legal_calendar

    db = open_db(args)
    try:
        info = legal_calendar.import_year_file(db, args.file, args.year, args.source)
    finally:
        db.dispose()
    print(f"已导入 {info.year} 年节假日安排：放假 {info.holidays} 天，调休上班 {info.workdays} 天（{info.source}）")
    return 0


def _cmd_set(args: argparse.Namespace) -> int:
    from tribunal.services import legal_calendar

    db = open_db(args)
    try:
        legal_calendar.set_day(db, args.date, args.kind or None, args.name)
        cal = legal_calendar.calendar(db)
    finally:
        db.dispose()
    what = _KIND_ZH.get(args.kind, "普通日")
    working = "工作日" if cal.is_working_day(args.date) else "休息日"
    print(f"已更正：{_day(args.date)} 为{what}{('（' + args.name + '）') if args.name else ''}，现为{working}")
    return 0

"""``tribunal clock``: the deadline calculator — statutory dates from the dates known so far, each with its legal basis."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from tribunal.commands.common import date_arg, open_db, print_json
from tribunal.errors import TribunalError

_WEEKDAYS = "一二三四五六日"

# key → (label, rule key, how the date is found, which option it needs)
_LINES: dict[str, tuple[str, str, str, str]] = {
    "accept_by": ("受理决定截止日", "accept", "收件日后第{n}个{unit}", "--received"),
    "defence_due": ("答辩期届满日", "defence", "被申请人签收日后第{n}个{unit}", "--served"),
    "earliest_hearing": ("最早可开庭日", "hearing_notice",
                         "送达日与开庭日之间须有{n}个完整{unit}", "--served"),
    "postpone_request_by": ("延期开庭申请最迟提出日", "postpone_request",
                            "申请日与开庭日之间须有{n}个完整{unit}", "--hearing"),
    "award_due": ("审理期限届满日", "award", "受理日后{n}个{unit}，末日遇休息日、节假日顺延",
                  "--accepted"),
    "award_due_extended": ("延长后审理期限届满日", "award_extension",
                           "受理日后{n}个{unit}，末日遇休息日、节假日顺延（须经书面批准延长）",
                           "--accepted"),
}

EPILOG = """\
说明：
  各日期按数据库中的法定节假日和调休安排计算（可用 tribunal calendar list 查看，
  用 tribunal calendar import 导入新公布的年份）；起算日不计入。
  accept_by            收件日 + 5 个工作日
  defence_due          被申请人签收申请书副本之日 + 10 个工作日
  earliest_hearing     与送达日之间有 5 个完整工作日的第一个工作日
  postpone_request_by  与开庭日之间有 3 个完整工作日的最后一个工作日
  award_due            受理日 + 45 个自然日，末日遇休息日或节假日顺延至下一个工作日
  award_due_extended   受理日 + 60 个自然日，同样顺延
  --json 输出恰好含以上六项的一个对象，日期为 YYYY-MM-DD，缺少所需日期时为 null。

尚未载入节假日安排的年份：只要有一项计算需要用到这样的年份（例如受理日在 12 月、
审理期限届满日落在下一年），命令就拒绝计算，不作推测：不输出任何日期（--json 也一样），
在标准错误输出中写明缺少哪一年，退出码为 1。导入该年安排后再运行即可。

其他错误：日期格式不对时退出码为 2；日期先后不可能（如送达早于受理、受理早于收件、
开庭早于送达）时写明原因，退出码为 1。

例：tribunal clock --received 2026-02-12 --accepted 2026-02-13 --served 2026-02-24 --json
"""


def register(sub: Any) -> None:
    """Add the ``clock`` subcommand."""
    p = sub.add_parser(
        "clock",
        help="期限计算器：由收件、受理、送达、开庭日期推算法定期限（附法律依据）",
        description="由已知日期推算受理、答辩、开庭、审理期限等法定日期，每项附计算方法和法律依据。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--received", type=date_arg, metavar="DATE", help="收到仲裁申请的日期（YYYY-MM-DD）")
    p.add_argument("--accepted", type=date_arg, metavar="DATE", help="受理日期")
    p.add_argument("--served", type=date_arg, metavar="DATE",
                   help="被申请人签收申请书副本（及开庭通知）的日期")
    p.add_argument("--hearing", type=date_arg, metavar="DATE", help="开庭日期")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（恰好六项，日期为 YYYY-MM-DD 或 null）")
    p.set_defaults(func=run)


def _weekday(day: dt.date) -> str:
    return f"星期{_WEEKDAYS[day.weekday()]}"


def run(args: argparse.Namespace) -> int:
    """Compute and print the clock; see :data:`EPILOG` for the behaviour."""
    from tribunal.domain.legal_calendar import UnknownYearError
    from tribunal.domain.periods import CLOCK_KEYS, PeriodCalculator, compute_clock
    from tribunal.services import legal_calendar, period_rules

    db = open_db(args)
    try:
        calendar = legal_calendar.calendar(db)
        rules = period_rules.rules(db)  # the commission's confirmations drop the * of checked rules
    finally:
        db.dispose()
    try:
        clock = compute_clock(calendar, rules, received=args.received, accepted=args.accepted,
                              served=args.served, hearing=args.hearing)
    except UnknownYearError as exc:
        raise TribunalError(
            f"{exc.year}年的节假日安排尚未载入，无法计算（不作推测）；"
            f"请先导入该年安排：tribunal calendar import 文件 --year {exc.year} --source \"通知名称\""
        ) from None

    hearing, earliest = args.hearing, clock["earliest_hearing"]
    if hearing is not None and earliest is not None and hearing < earliest.date:
        check = PeriodCalculator(calendar, rules).notice_is_timely(args.served, hearing)
        print(f"注意：开庭日期 {hearing.isoformat()} 早于最早可开庭日 {earliest.date.isoformat()}"
              f"（送达日与开庭日之间只有 {check.working_days_between} 个工作日，须有 {check.required} 个）",
              file=sys.stderr)

    if args.json:
        print_json({key: (due.date.isoformat() if due is not None else None)
                    for key, due in ((k, clock[k]) for k in CLOCK_KEYS)})
        return 0

    unverified = False
    for key in CLOCK_KEYS:
        label, rule_key, how, needs = _LINES[key]
        rule = rules[rule_key]
        days = rule.days
        if key == "award_due_extended":
            days = rules["award"].days + rule.days
        method = how.format(n=days, unit=rule.unit_zh)
        due = clock[key]
        if due is None:
            print(f"{label}：—（需要 {needs}）")
            continue
        mark = "" if due.verified else "*"
        unverified = unverified or not due.verified
        print(f"{label}：{due.date.isoformat()}（{_weekday(due.date)}）  {method}  依据：{due.basis}{mark}")
    if unverified:
        print("* 期间规则待核对：期间按工作日或自然日计算，依据《劳动人事争议仲裁办案规则》第八十条，"
              "尚未与官方文本核对确认（tribunal periods list）。")
    return 0

"""Command line for hearings: ``tribunal hearings`` lists them, ``tribunal ics`` exports them to a calendar."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from tribunal.commands.common import open_db, print_json, record_id
from tribunal.errors import ValidationError


def register(sub: Any) -> None:
    """Add ``hearings`` and ``ics`` to the ``tribunal`` command."""
    hearings = sub.add_parser("hearings", help="列出开庭排期（可按日期、巡回仲裁庭筛选）")
    hearings.add_argument("--from", dest="date_from", metavar="DATE", help="起始日期 YYYY-MM-DD（含）")
    hearings.add_argument("--to", dest="date_to", metavar="DATE", help="截止日期 YYYY-MM-DD（含）")
    hearings.add_argument("--tribunal", type=record_id, metavar="ID", help="只列出该巡回仲裁庭的开庭")
    hearings.add_argument("--json", action="store_true", help="以 JSON 输出")
    hearings.set_defaults(func=_cmd_hearings)

    ics = sub.add_parser("ics", help="把一段时间的开庭导出为日历文件（.ics，可导入 Outlook、手机日历等）")
    ics.add_argument("--from", dest="date_from", metavar="DATE", help="起始日期 YYYY-MM-DD（含，必填）")
    ics.add_argument("--to", dest="date_to", metavar="DATE", help="截止日期 YYYY-MM-DD（含，必填）")
    ics.add_argument("--arbitrator", type=record_id, metavar="STAFF_ID", help="只导出这名仲裁员的开庭")
    ics.add_argument("--out", metavar="FILE.ics", help="保存到的文件（必填，以 .ics 结尾）")
    ics.add_argument("--force", action="store_true", help="文件已存在且不是本程序写出的，也覆盖它")
    ics.set_defaults(func=_cmd_ics)


def _date(text: str | None, option: str) -> dt.date | None:
    """Parse an optional date; a wrong one is one clear line, not a usage dump."""
    from tribunal.domain.inputs import InputError, parse_date

    if text is None:
        return None
    try:
        return parse_date(text, f"{option} 的日期")
    except InputError as exc:
        raise ValidationError(str(exc), {option: "日期格式不正确"}) from None


def _range(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ValidationError(f"起始日期 {date_from} 晚于截止日期 {date_to}", {"--to": "早于起始日期"})
    return date_from, date_to


def _row_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "case_number": r.case_number,
        "start": r.starts_at.isoformat(),
        "end": r.ends_at.isoformat(),
        "venue": r.venue,
        "public": r.public,
        "status": r.status.value,
        "status_label": r.status.label_zh,
        "closed_reason": r.closed_reason,
    }


def _cmd_hearings(args: argparse.Namespace) -> int:
    from tribunal.services import hearings

    date_from, date_to = _range(args)
    db = open_db(args)
    try:
        rows = hearings.list_hearings(db, date_from, date_to, tribunal_id=args.tribunal)
    finally:
        db.dispose()
    if args.json:
        print_json([_row_json(r) for r in rows])
        return 0
    if not rows:
        print("没有符合条件的开庭。")
        return 0
    for r in rows:
        print("\t".join([
            str(r.id), r.case_number, f"{r.starts_at:%Y-%m-%d %H:%M}–{r.ends_at:%H:%M}", r.venue,
            "公开" if r.public else "不公开", r.status.label_zh,
        ]))
    print(f"共 {len(rows)} 场", file=sys.stderr)
    return 0


def _cmd_ics(args: argparse.Namespace) -> int:
    from tribunal.services import ics

    missing = [opt for opt, value in (("--from", args.date_from), ("--to", args.date_to), ("--out", args.out))
               if not value]
    if missing:
        raise ValidationError("请给出 " + "、".join(missing), dict.fromkeys(missing, "必填"))
    date_from, date_to = _range(args)
    db = open_db(args)
    try:
        data = ics.export_ics(db, args.out, date_from, date_to, staff_id=args.arbitrator, force=args.force)
    finally:
        db.dispose()
    count = data.count(b"BEGIN:VEVENT")
    print(f"已导出 {count} 场开庭到 {args.out}")
    return 0

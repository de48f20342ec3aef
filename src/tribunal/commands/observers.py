"""``tribunal observers``: a hearing's invitation list, its call list, and an .xlsx export."""

from __future__ import annotations

import argparse
from typing import Any

from tribunal.commands.common import open_db, print_json, record_id

EXIT_OK = 0


def register(sub: Any) -> None:
    """Add ``observers list``, ``observers call-list`` and ``observers export``."""
    obs = sub.add_parser("observers", help="旁听人员：某场开庭的邀请名单、电话催复名单、导出 Excel")
    actions = obs.add_subparsers(dest="action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help="列出某场开庭的受邀旁听人员及状态（电话隐去中间几位）")
    lst.add_argument("--hearing", type=record_id, required=True, metavar="ID", help="开庭编号")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=_cmd_list)

    calls = actions.add_parser("call-list", help="尚未回复的受邀人员，有手机号的排在前面，便于电话催复")
    calls.add_argument("--hearing", type=record_id, required=True, metavar="ID", help="开庭编号")
    calls.add_argument("--show-phones", action="store_true", help="显示完整电话号码（默认隐去中间几位）")
    calls.set_defaults(func=_cmd_call_list)

    export = actions.add_parser("export", help="把某场开庭的旁听人员导出为 Excel 文件（电话隐去中间几位）")
    export.add_argument("--hearing", type=record_id, required=True, metavar="ID", help="开庭编号")
    export.add_argument("file", metavar="FILE.xlsx", help="要写入的 .xlsx 文件")
    export.add_argument("--force", action="store_true", help="文件已存在且不是本程序写出的，也覆盖它")
    export.set_defaults(func=_cmd_export)


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import observers

    db = open_db(args)
    try:
        rows = observers.list_invitations(db, args.hearing)
        capacity = observers.hearing_capacity(db, args.hearing)
    finally:
        db.dispose()
    if args.json:
        print_json([
            {"invitation_id": r.id, "observer_id": r.observer_id, "name": r.name,
             "enterprise": r.enterprise_name or None, "title": r.title or None,
             "phone": r.phone_masked or None, "status": r.status.value, "status_label": r.status.label_zh,
             "checked_in_at": r.checked_in_at, "walk_in": r.walk_in}
            for r in rows
        ])
        return EXIT_OK
    for r in rows:
        when = f"{r.checked_in_at:%H:%M}" if r.checked_in_at else ""
        print("\t".join([r.name, r.enterprise_name, r.title, r.phone_masked, r.status.label_zh, when,
                         "现场登记" if r.walk_in else ""]).rstrip())
    seats = f"，会议室可容纳 {capacity.capacity} 人" if capacity.capacity is not None else ""
    print(f"共 {len(rows)} 人，占用座位 {capacity.taken} 个（已谢绝的不占座位）{seats}")
    return EXIT_OK


def _cmd_call_list(args: argparse.Namespace) -> int:
    from tribunal.services import observers

    db = open_db(args)
    try:
        entries = observers.call_list(db, args.hearing)
    finally:
        db.dispose()
    if not entries:
        print("所有受邀人员都已回复。")
        return EXIT_OK
    for e in entries:
        phone = e.phone if args.show_phones else e.masked
        print("\t".join([phone or "（无电话）", e.name, e.enterprise_name, e.title]).rstrip())
    print(f"共 {len(entries)} 人尚未回复")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from tribunal.services import observers

    db = open_db(args)
    try:
        count = observers.export_observers_xlsx(db, args.hearing, args.file, force=args.force)
    finally:
        db.dispose()
    print(f"已导出 {count} 名旁听人员到 {args.file}")
    return EXIT_OK

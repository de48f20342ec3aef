"""``tribunal participants``: list, add and remove a case's witnesses, appraisers, interpreters and others."""

from __future__ import annotations

import argparse
from typing import Any

from tribunal.commands.common import enum_arg, open_db, print_json, record_id
from tribunal.errors import NotFound, ValidationError

EXIT_OK = 0

EPILOG = """\
身份（--role）可写：证人、鉴定人、翻译人员、其他参与人（或 witness、appraiser、interpreter、other）。
这些人员不得旁听本案开庭；登记了身份证号，或所在单位、电话，邀请旁听时才能认出他们。
列表中的电话和身份证号隐去中间几位；完整号码在图形界面的案件“其他参与人”页查看。

例：tribunal participants add "邵劳人仲案字〔2026〕第24号" --role 证人 --name 王小二 \\
        --enterprise 湖南湘中纺织科技有限公司 --phone 13807315555
"""


def register(sub: Any) -> None:
    """Add ``participants list``, ``participants add`` and ``participants remove``."""
    par = sub.add_parser("participants", help="其他诉讼参与人：证人、鉴定人、翻译人员等（不得旁听本案）",
                         description="列出、登记、删除案件的证人、鉴定人、翻译人员和其他参与人。",
                         epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = par.add_subparsers(dest="action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help="列出一件案件的其他参与人（电话、身份证号隐去中间几位）")
    lst.add_argument("case", metavar="CASE", help="案号（如 邵劳人仲案字〔2026〕第1号）或案件编号")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=_cmd_list)

    add = actions.add_parser("add", help="登记一名证人、鉴定人、翻译人员或其他参与人")
    add.add_argument("case", metavar="CASE", help="案号或案件编号")
    add.add_argument("--role", required=True, metavar="ROLE", help="身份：证人、鉴定人、翻译人员、其他参与人")
    add.add_argument("--name", required=True, metavar="NAME", help="姓名")
    add.add_argument("--enterprise", default="", metavar="NAME", help="所在单位（须已在企业名录中，写全称）")
    add.add_argument("--phone", default="", metavar="P", help="联系电话（手机或带区号的固定电话）")
    add.add_argument("--id-number", default="", metavar="N", help="公民身份号码（18 位）")
    add.add_argument("--notes", default="", metavar="TEXT", help="备注（最多 300 字）")
    add.set_defaults(func=_cmd_add)

    rm = actions.add_parser("remove", help="删除一名其他参与人（登记错误或不再出庭）；记入案件的修改记录")
    rm.add_argument("id", type=record_id, metavar="ID", help="参与人编号（见 participants list）")
    rm.set_defaults(func=_cmd_remove)


def _enterprise_id(db: Any, name: str) -> int | None:
    """The directory's enterprise called ``name`` (spelling variants allowed), or a clear refusal."""
    name = name.strip()
    if not name:
        return None
    from tribunal.domain.names import enterprise_name_key
    from tribunal.services import enterprises

    key = enterprise_name_key(name)
    found = enterprises.search_enterprises(db, name)
    exact = [r for r in found if enterprise_name_key(r.name) == key]
    if len(exact) == 1:
        return exact[0].id
    if len(exact) > 1:
        ids = "、".join(str(r.id) for r in exact)
        raise ValidationError(f"企业名录中有 {len(exact)} 家名为“{name}”的企业（编号 {ids}），"
                              "请先在企业名录中合并重复的企业", {"enterprise": "重名"})
    hint = "；是否指：" + "、".join(r.name for r in found[:5]) if found else ""
    raise NotFound(f"企业名录中没有“{name}”，请写企业全称，或先把它加入企业名录{hint}")


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import cases, participants

    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        rows = participants.list_participants(db, case.id)
    finally:
        db.dispose()
    if args.json:
        print_json([
            {"id": r.id, "case_number": case.number, "role": r.role.value, "role_label": r.role.label_zh,
             "name": r.name, "enterprise": r.enterprise_name or None, "phone": r.phone_masked or None,
             "id_number": r.id_number_masked or None, "notes": r.notes or None}
            for r in rows
        ])
        return EXIT_OK
    if not rows:
        print(f"{case.number} 没有登记证人、鉴定人、翻译人员或其他参与人。")
        return EXIT_OK
    for r in rows:
        print("\t".join([str(r.id), r.role.label_zh, r.name, r.enterprise_name, r.phone_masked,
                         r.id_number_masked, r.notes]).rstrip())
    print(f"{case.number} 共 {len(rows)} 人")
    return EXIT_OK


def _cmd_add(args: argparse.Namespace) -> int:
    from tribunal.domain.enums import ParticipantRole
    from tribunal.services import cases, participants

    role = enum_arg(ParticipantRole, args.role, "身份")
    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        enterprise_id = _enterprise_id(db, args.enterprise)
        row = participants.add_participant(db, case.id, role, args.name, id_number=args.id_number,
                                           phone=args.phone, enterprise_id=enterprise_id, notes=args.notes)
    finally:
        db.dispose()
    where = f"（{row.enterprise_name}）" if row.enterprise_name else ""
    print(f"已登记 {case.number} {row.role.label_zh}{row.name}{where}，编号 {row.id}")
    return EXIT_OK


def _cmd_remove(args: argparse.Namespace) -> int:
    from tribunal.services import cases, participants

    db = open_db(args)
    try:
        row = participants.get_participant(db, args.id)
        number = cases.get_case(db, row.case_id).number
        participants.remove_participant(db, args.id)
    finally:
        db.dispose()
    print(f"已删除 {number} {row.role.label_zh}{row.name}")
    return EXIT_OK

"""``tribunal notices`` and ``tribunal service``: print a case's notices, record their service, list what is due."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from tribunal.commands.common import date_arg, open_db, positive_int, print_json, record_id
from tribunal.errors import ValidationError

EXIT_OK = 0

KINDS_HELP = ("通知种类：correction 补正通知书、accept 受理通知书、reject 不予受理通知书、respond 应诉通知书、"
              "composition 仲裁庭组成通知书、appear 出庭通知书、postpone 延期开庭通知书、suspend 中止仲裁审理通知书、"
              "resume 恢复仲裁审理通知书、extend 延长仲裁审理期限通知书、public_notice 公告（可写英文或中文名称）")

EPILOG = KINDS_HELP + """

例：tribunal notices make "邵劳人仲案字〔2026〕第24号" respond
    tribunal notices make "邵劳人仲案字〔2026〕第24号" reject --reasons "申请人的请求不属于劳动争议"
    tribunal notices make "邵劳人仲案字〔2026〕第24号" correction --material 劳动合同复印件 --material 工资条
    tribunal notices due            （今天到期和已超期的通知书）
    tribunal notices print-due      （把它们连同送达回证制作成一个 PDF）
"""

SERVICE_EPILOG = """\
送达方式：直接送达、邮寄送达（须写 --tracking 邮件号）、留置送达（须写 --witnesses 见证人）、
电子送达（须写 --consent 受送达人同意的方式和电子地址）、公告送达（写发出公告的日期，视为送达日由程序计算）。
送达代理人的，写 --agent 代理人姓名，视为送达当事人。应诉通知书的送达日期决定该被申请人的答辩期。

例：tribunal service record "邵劳人仲案字〔2026〕第24号" respond --party 邵阳宝庆精密机械有限公司 \\
        --method 邮寄送达 --tracking EMS1234567890 --date 2026-11-05 --by 赵静
"""


def _moment(text: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f"时间“{text}”应写成 YYYY-MM-DD HH:MM，如 2026-12-21 09:30") from None


def register(sub: Any) -> None:
    """Add ``notices make|due|print-due`` and ``service record|list``."""
    par = sub.add_parser("notices", help="案件通知书：受理、应诉、组庭、出庭、延期、中止、恢复、延长审理期限、公告、补正",
                         description="按案件数据制作通知书，每个受送达人附一份送达回证；列出并制作今天到期的通知书。",
                         epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = par.add_subparsers(dest="action", metavar="ACTION", required=True)
    make = actions.add_parser("make", help="制作一种通知书（每个受送达人一份，各附送达回证）")
    make.add_argument("case", metavar="CASE", help="案号或案件编号")
    make.add_argument("kind", metavar="KIND", help="通知种类（见下方说明）")
    make.add_argument("--date", type=date_arg, default=None, metavar="YYYY-MM-DD", help="落款日期（默认今天）")
    make.add_argument("--number", default="", metavar="TEXT", help="文号（默认按设置的文号格式，未设则印案号）")
    make.add_argument("--hearing", type=record_id, default=None, metavar="ID", help="开庭编号（出庭、延期开庭通知书必填）")
    make.add_argument("--reasons", default="", metavar="TEXT", help="理由：不予受理、中止审理、延期开庭的原因")
    make.add_argument("--material", action="append", default=[], metavar="TEXT", help="需要补正的材料（可写多次）")
    make.add_argument("--days", type=positive_int, default=None, metavar="N", help="补正期限天数（默认 5）；延长审理期限的天数（默认 15）")
    make.add_argument("--new-time", type=_moment, default=None, metavar="'YYYY-MM-DD HH:MM'", help="延期后的开庭时间")
    make.add_argument("--new-place", default="", metavar="TEXT", help="延期后的开庭地点（默认原地点）")
    make.add_argument("--effective", type=date_arg, default=None, metavar="YYYY-MM-DD", help="中止或恢复审理的日期")
    make.add_argument("--new-due", type=date_arg, default=None, metavar="YYYY-MM-DD", help="延长后审理期限的届满日")
    make.add_argument("--party", default="", metavar="NAME", help="公告的受送达当事人")
    make.add_argument("--documents", default="仲裁申请书副本、应诉通知书", metavar="TEXT", help="公告送达的文书")
    make.add_argument("--abroad", action="store_true", help="公告：受送达人在中国境内没有住所（公告期六十日）")
    make.add_argument("--out", default=None, metavar="DIR", help="输出文件夹（默认文书文件夹）")
    make.add_argument("--force", action="store_true", help="覆盖文件夹中不是本程序制作的同名文件")
    make.set_defaults(func=_cmd_make)

    due = actions.add_parser("due", help="列出今天到期和已超期的通知书（按期限计算）")
    due.add_argument("--today", type=date_arg, default=None, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    due.add_argument("--json", action="store_true", help="以 JSON 输出")
    due.set_defaults(func=_cmd_due)

    pdue = actions.add_parser("print-due", help="把到期的通知书连同送达回证制作成一个 PDF")
    pdue.add_argument("--today", type=date_arg, default=None, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    pdue.add_argument("--out", default=None, metavar="DIR", help="输出文件夹（默认文书文件夹）")
    pdue.add_argument("--force", action="store_true", help="覆盖文件夹中不是本程序制作的同名文件")
    pdue.set_defaults(func=_cmd_print_due)

    svc = sub.add_parser("service", help="送达：登记通知书的送达方式、日期和送达人；列出案件的送达记录",
                         description="登记一份通知书送达一个受送达人的情况；送达日期进入期限计算。",
                         epilog=SERVICE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sactions = svc.add_subparsers(dest="action", metavar="ACTION", required=True)
    rec = sactions.add_parser("record", help="登记一次送达")
    rec.add_argument("case", metavar="CASE", help="案号或案件编号")
    rec.add_argument("kind", metavar="KIND", help="通知种类（如 respond 或 应诉通知书）")
    rec.add_argument("--party", default="", metavar="NAME", help="受送达的当事人（全称）")
    rec.add_argument("--agent", default="", metavar="NAME", help="签收的代理人姓名（送达代理人时）")
    rec.add_argument("--participant", default="", metavar="NAME", help="受送达的证人、鉴定人或翻译人员")
    rec.add_argument("--method", required=True, metavar="METHOD", help="送达方式")
    rec.add_argument("--date", type=date_arg, required=True, metavar="YYYY-MM-DD",
                     help="送达日期（签收日期；公告送达写发出公告的日期）")
    rec.add_argument("--by", required=True, metavar="NAME", help="送达人")
    rec.add_argument("--tracking", default="", metavar="NO", help="邮件号（邮寄送达）")
    rec.add_argument("--witnesses", default="", metavar="TEXT", help="见证人（留置送达）")
    rec.add_argument("--consent", default="", metavar="TEXT", help="受送达人同意电子送达的方式和电子地址")
    rec.add_argument("--signed-by", default="", metavar="NAME", help="签收人（代收的写代收人）")
    rec.add_argument("--abroad", action="store_true", help="公告送达：受送达人在中国境内没有住所")
    rec.add_argument("--note", default="", metavar="TEXT", help="备注")
    rec.add_argument("--today", type=date_arg, default=None, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    rec.set_defaults(func=_cmd_record)
    lst = sactions.add_parser("list", help="列出一件案件的送达记录")
    lst.add_argument("case", metavar="CASE", help="案号或案件编号")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=_cmd_list)


def _party(case: Any, name: str) -> int | None:
    if not name.strip():
        return None
    found = [p.id for p in case.parties if p.name == name.strip()]
    if not found:
        names = "、".join(p.name for p in case.parties)
        raise ValidationError(f"{case.number} 没有名为“{name}”的当事人；本案当事人：{names}", {"party": "不属于本案"})
    return found[0]


def _cmd_make(args: argparse.Namespace) -> int:
    from tribunal.domain.notices import NoticeInput
    from tribunal.services import cases, notices

    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        extra: dict[str, Any] = {}
        if args.days is not None:
            if not 1 <= args.days <= 60:
                raise ValidationError("天数应在 1 到 60 之间", {"days": "超出范围"})
            extra["correction_days" if "correction" in args.kind or "补正" in args.kind else "extension_days"] = args.days
        given = NoticeInput(issue_date=args.date or dt.date.today(), number=args.number.strip(),
                            reasons=args.reasons, materials=tuple(args.material), new_time=args.new_time,
                            new_place=args.new_place.strip(), effective=args.effective, new_due=args.new_due,
                            public_party_id=_party(case, args.party), public_documents=args.documents,
                            public_days=60 if args.abroad else 30, **extra)
        result = notices.make_notices(db, case.id, args.kind, given, hearing_id=args.hearing, out_dir=args.out,
                                      force=args.force)
    finally:
        db.dispose()
    for d in result.documents:
        print(d.path)
    if result.combined is not None:
        print(f"合并文件：{result.combined.path}")
    for note in (*result.notes, *result.warnings):
        print(f"注意：{note}")
    return EXIT_OK


def _cmd_due(args: argparse.Namespace) -> int:
    from tribunal.services import notices

    db = open_db(args)
    try:
        rows = notices.due_notices(db, args.today)
    finally:
        db.dispose()
    if args.json:
        print_json([{"case_id": r.case_id, "case_number": r.case_number, "kind": r.kind, "title": r.title,
                     "due": r.due, "state": r.state, "printable": r.printable, "blocker": r.blocker or None,
                     "note": r.note or None} for r in rows])
        return EXIT_OK
    if not rows:
        print("今天没有到期的通知书。")
        return EXIT_OK
    for r in rows:
        print("\t".join([r.due.isoformat(), r.state_label, r.case_number, r.title, r.blocker or r.note]).rstrip())
    print(f"共 {len(rows)} 项")
    return EXIT_OK


def _cmd_print_due(args: argparse.Namespace) -> int:
    from tribunal.services import notices

    db = open_db(args)
    try:
        result = notices.print_due(db, args.today, out_dir=args.out, force=args.force)
    finally:
        db.dispose()
    where = f"，合并文件：{result.combined.path}" if result.combined is not None else ""
    print(f"已制作 {len(result.documents)} 份文书（含送达回证）{where}")
    for note in (*result.notes, *result.warnings):
        print(f"注意：{note}")
    return EXIT_OK


def _cmd_record(args: argparse.Namespace) -> int:
    from tribunal.services import cases, notices, participants

    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        party_id = _party(case, args.party)
        agent_id = None
        if args.agent.strip():
            if party_id is None:
                raise ValidationError("写了代理人，也请写 --party 被代理的当事人", {"party": "必填"})
            party = next(p for p in case.parties if p.id == party_id)
            agent_id = next((a.id for a in party.agents if a.name == args.agent.strip()), None)
            if agent_id is None:
                raise ValidationError(f"{party.name}没有名为“{args.agent}”的代理人", {"agent": "不属于该当事人"})
        participant_id = None
        if args.participant.strip():
            found = [p.id for p in participants.list_participants(db, case.id) if p.name == args.participant.strip()]
            if not found:
                raise ValidationError(f"{case.number} 没有登记名为“{args.participant}”的其他参与人",
                                      {"participant": "不属于本案"})
            participant_id = found[0]
        entry = notices.record_service(
            db, case.id, args.kind, method=args.method, served_on=args.date, served_by=args.by, party_id=party_id,
            agent_id=agent_id, participant_id=participant_id, tracking_number=args.tracking,
            witnesses=args.witnesses, consent=args.consent, signed_by=args.signed_by, note=args.note,
            abroad=args.abroad, today=args.today)
    finally:
        db.dispose()
    print(f"已登记：{entry.document}于{entry.served_on.isoformat()}{entry.method.label_zh}{entry.addressee}（{entry.note}）")
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import cases, clocks

    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        rows = clocks.service_records(db, case.id)
    finally:
        db.dispose()
    if args.json:
        print_json([{"id": r.id, "party": r.party_name, "document": r.document, "method": r.method.label_zh,
                     "served_on": r.served_on, "signed_by": r.signed_by or None, "note": r.note or None}
                    for r in rows])
        return EXIT_OK
    if not rows:
        print(f"{case.number} 还没有送达记录。")
        return EXIT_OK
    for r in rows:
        day = r.served_on.isoformat() if r.served_on else "未送达"
        print("\t".join([day, r.document, r.party_name, r.method.label_zh, r.note]).rstrip())
    return EXIT_OK

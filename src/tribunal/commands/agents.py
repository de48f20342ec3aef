"""``tribunal agents``: list, add, change and remove the agents (代理人) of a case's parties."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from tribunal.commands.common import enum_arg, open_db, print_json, record_id
from tribunal.errors import NotFound, TribunalError

EXIT_OK = 0

EPILOG = """\
种类（--kind）可写：律师、基层法律服务工作者、近亲属、用人单位工作人员、工会或社区推荐的公民、
法定代理人、指定代理人、其他（或 lawyer、legal_service_worker、close_relative、employee、
recommended、statutory、appointed、other）。法定代理人和指定代理人（《劳动争议调解仲裁法》第二十五条）
不需要授权委托书，也不登记代理权限。每名当事人最多两名代理人。
代理权限（--authority）：一般授权 或 特别授权；特别授权须用 --item 写明事项（可写多次）：
承认仲裁请求、放弃仲裁请求、变更仲裁请求、进行和解、调解、提出反申请。
列表中的电话隐去中间几位。

例：tribunal agents add "邵劳人仲案字〔2026〕第24号" --party 李紫萱 --kind 律师 --name 汪婷婷 \\
        --organisation 湖南宝庆律师事务所 --address "邵阳市双清区东大路88号" --phone 13907391111 \\
        --licence 14305201010234567 --authority 特别授权 --item 进行和解、调解 --item 变更仲裁请求
"""

_FIELDS = ("kind", "name", "organisation", "address", "phone", "licence", "relation", "legal_aid",
           "authority", "item")


def _agent_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--kind", required=required, metavar="KIND", help="代理人种类，如 律师、近亲属、法定代理人")
    parser.add_argument("--name", required=required, metavar="NAME", help="代理人姓名")
    parser.add_argument("--organisation", metavar="NAME", help="律师事务所、法律服务所或工作单位、推荐单位")
    parser.add_argument("--address", metavar="TEXT", help="送达地址（通知书和送达回证用）")
    parser.add_argument("--phone", metavar="P", help="联系电话")
    parser.add_argument("--licence", metavar="N", help="执业证号（律师、基层法律服务工作者）")
    parser.add_argument("--relation", metavar="TEXT", help="与当事人的关系（如 配偶、父亲、监护人）")
    aid = parser.add_mutually_exclusive_group()
    aid.add_argument("--legal-aid", dest="legal_aid", action="store_true", default=None,
                     help="法律援助机构指派")
    aid.add_argument("--no-legal-aid", dest="legal_aid", action="store_false", help="不是法律援助")
    parser.add_argument("--authority", metavar="A", help="代理权限：一般授权、特别授权，或 未登记")
    parser.add_argument("--item", action="append", metavar="ITEM",
                        help="特别授权事项（可写多次），如 进行和解、调解")


def register(sub: Any) -> None:
    """Add ``agents list``, ``agents add``, ``agents edit`` and ``agents remove``."""
    par = sub.add_parser("agents", help="当事人的代理人：律师、近亲属、法定代理人等（每名当事人最多两名）",
                         description="列出、登记、修改、删除案件当事人的代理人。",
                         epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = par.add_subparsers(dest="action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help="列出一件案件的代理人（电话隐去中间几位）")
    lst.add_argument("case", metavar="CASE", help="案号（如 邵劳人仲案字〔2026〕第1号）或案件编号")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(func=_cmd_list)

    add = actions.add_parser("add", help="为一名当事人登记代理人")
    add.add_argument("case", metavar="CASE", help="案号或案件编号")
    add.add_argument("--party", required=True, metavar="NAME",
                     help="被代理的当事人：姓名或单位名称（见 tribunal case）")
    _agent_options(add, required=True)
    add.set_defaults(func=_cmd_add)

    edit = actions.add_parser("edit", help="修改一名代理人（只改写出的项目）")
    edit.add_argument("id", type=record_id, metavar="ID", help="代理人编号（见 agents list）")
    _agent_options(edit, required=False)
    edit.set_defaults(func=_cmd_edit)

    rm = actions.add_parser("remove", help="删除一名代理人（登记错误或解除委托）；记入案件的修改记录")
    rm.add_argument("id", type=record_id, metavar="ID", help="代理人编号（见 agents list）")
    rm.set_defaults(func=_cmd_remove)


def _input(args: argparse.Namespace, base: Any = None) -> Any:
    """The agent as the options say, on top of ``base`` (the stored agent when editing)."""
    from tribunal.domain.enums import AgentAuthority, AgentKind, SpecialAuthority
    from tribunal.services.agents import AgentInput

    changes: dict[str, Any] = {}
    if args.kind is not None:
        changes["kind"] = enum_arg(AgentKind, args.kind, "代理人种类")
    for option, field in (("name", "name"), ("organisation", "organisation"), ("address", "address"),
                          ("phone", "phone"), ("licence", "licence_number"), ("relation", "relation")):
        value = getattr(args, option)
        if value is not None:
            changes[field] = value
    if args.legal_aid is not None:
        changes["legal_aid"] = args.legal_aid
    if args.authority is not None:
        text = args.authority.strip()
        changes["authority"] = None if text in ("", "未登记", "none") else enum_arg(AgentAuthority, text, "代理权限")
    if args.item is not None:
        changes["special_items"] = tuple(enum_arg(SpecialAuthority, item, "特别授权事项") for item in args.item)
        if "authority" not in changes:
            changes["authority"] = AgentAuthority.SPECIAL
    elif "authority" in changes and changes["authority"] != AgentAuthority.SPECIAL:
        changes["special_items"] = ()  # general or unrecorded authority has no items
    if base is None:
        return AgentInput(**changes)
    from tribunal.domain.agents import needs_power_of_attorney

    if "kind" in changes and not needs_power_of_attorney(changes["kind"]):
        # A statutory or appointed agent acts by law: no power of attorney, no authority to keep.
        changes.setdefault("authority", None)
        changes.setdefault("special_items", ())
    return dataclasses.replace(base, **changes)


def _party_id(db: Any, case: Any, name: str) -> int:
    wanted = "".join(name.split())
    found = [p for p in case.parties if "".join(p.name.split()) == wanted]
    if len(found) == 1:
        return int(found[0].id)
    if len(found) > 1:
        raise TribunalError(f"{case.number} 有{len(found)}名当事人叫“{name}”，请先在案件中区分")
    names = "、".join(p.name for p in case.parties)
    raise NotFound(f"{case.number} 没有名为“{name}”的当事人；当事人有：{names}")


def _line(row: Any) -> str:
    a = row.agent
    firm = f"（{a.organisation}）" if a.organisation else ""
    aid = "，法律援助" if a.legal_aid else ""
    return "\t".join([str(a.id), f"{row.party_role.label_zh}{row.party_name}", a.capacity,
                      f"{a.name}{firm}", a.kind.label_zh + aid, a.authority_text, a.phone_masked,
                      a.address]).rstrip()


def _json(row: Any) -> dict[str, Any]:
    a = row.agent
    return {
        "id": a.id, "case_number": row.case_number, "party_id": row.party_id, "party": row.party_name,
        "party_role": row.party_role.value, "kind": a.kind.value, "kind_label": a.kind.label_zh,
        "capacity": a.capacity, "name": a.name, "organisation": a.organisation or None,
        "address": a.address or None, "phone": a.phone_masked or None,
        "licence_number": a.licence_number or None, "relation": a.relation or None,
        "legal_aid": a.legal_aid, "authority": a.authority.value if a.authority else None,
        "special_items": [i.value for i in a.special_items], "may_settle": a.may_settle,
    }


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import agents, cases

    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        rows = agents.list_agents(db, case.id)
    finally:
        db.dispose()
    if args.json:
        print_json([_json(r) for r in rows])
        return EXIT_OK
    if not rows:
        print(f"{case.number} 没有登记代理人。")
        return EXIT_OK
    for r in rows:
        print(_line(r))
    print(f"{case.number} 共 {len(rows)} 名代理人")
    return EXIT_OK


def _cmd_add(args: argparse.Namespace) -> int:
    from tribunal.services import agents, cases

    agent = _input(args)
    db = open_db(args)
    try:
        case = cases.find_case(db, args.case)
        row = agents.add_agent(db, _party_id(db, case, args.party), agent)
    finally:
        db.dispose()
    print(f"已登记 {case.number} {row.party_role.label_zh}{row.party_name}的{row.agent.capacity}"
          f"{row.agent.name}，编号 {row.id}")
    return EXIT_OK


def _cmd_edit(args: argparse.Namespace) -> int:
    from tribunal.services import agents

    if all(getattr(args, f) is None for f in _FIELDS):
        raise TribunalError("没有写出要修改的项目（如 --address、--authority）")
    db = open_db(args)
    try:
        current = agents.get_agent(db, args.id)
        row = agents.update_agent(db, args.id, _input(args, current.agent))
    finally:
        db.dispose()
    print(f"已修改 {row.case_number} {row.party_role.label_zh}{row.party_name}的{row.agent.capacity}"
          f"{row.agent.name}：{row.agent.authority_text}")
    return EXIT_OK


def _cmd_remove(args: argparse.Namespace) -> int:
    from tribunal.services import agents

    db = open_db(args)
    try:
        row = agents.remove_agent(db, args.id)
    finally:
        db.dispose()
    print(f"已删除 {row.case_number} {row.party_role.label_zh}{row.party_name}的{row.agent.capacity}{row.agent.name}")
    return EXIT_OK

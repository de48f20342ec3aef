"""Command line for what follows the hearing: ``tribunal mediation``, ``tribunal award`` and ``tribunal recommend``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from tribunal.commands.common import date_arg, enum_arg, open_db, print_json, record_id
from tribunal.errors import ValidationError


def register(sub: Any) -> None:
    """Add ``mediation``, ``award`` and ``recommend`` to the ``tribunal`` command."""
    med = sub.add_parser("mediation", help="调解书：录入协议、制作、登记签收（全部签收后调解结案）或反悔")
    acts = med.add_subparsers(dest="action", required=True, metavar="ACTION")
    draft = acts.add_parser("draft", help="录入调解协议（每行一条），生成调解书草稿")
    draft.add_argument("ref", metavar="CASE", help="案号或案件编号")
    draft.add_argument("--terms", required=True, help="协议内容，每条一行（可用 \\n 分行）")
    draft.add_argument("--amount", metavar="YUAN", help="调解金额（元）")
    draft.add_argument("--result", metavar="RESULT", help="处理结果：劳动者胜诉、用人单位胜诉、双方部分胜诉")
    draft.add_argument("--date", type=date_arg, metavar="DATE", help="调解书日期（默认今天）")
    draft.set_defaults(func=_mediation_draft)
    issue = acts.add_parser("issue", help="制作调解书和各方送达回证（不结案）")
    issue.add_argument("id", type=record_id, metavar="ID", help="调解书编号")
    issue.add_argument("--out", metavar="FOLDER", help="输出文件夹（默认文书文件夹）")
    issue.add_argument("--date", type=date_arg, metavar="DATE", help="制作日期（默认今天；签收不能早于此日）")
    issue.set_defaults(func=_mediation_issue)
    sign = acts.add_parser("sign", help="登记一方签收调解书（最后一方签收后调解书生效、案件结案）")
    sign.add_argument("id", type=record_id, metavar="ID", help="调解书编号")
    sign.add_argument("--party", required=True, help="签收的当事人名称")
    sign.add_argument("--date", type=date_arg, metavar="DATE", help="签收日期（默认今天）")
    sign.add_argument("--method", default="直接送达", help="送达方式：直接送达、邮寄送达、电子送达（不能留置送达）")
    sign.add_argument("--by", default="", help="签收人（默认当事人本人）")
    sign.set_defaults(func=_mediation_sign)
    back = acts.add_parser("back-out", help="登记一方在签收前反悔（案件转入裁决）")
    back.add_argument("id", type=record_id, metavar="ID", help="调解书编号")
    back.add_argument("--party", required=True, help="反悔的当事人名称")
    back.add_argument("--date", type=date_arg, metavar="DATE", help="反悔日期（默认今天）")
    back.add_argument("--note", default="", help="反悔理由")
    back.set_defaults(func=_mediation_back_out)

    award = sub.add_parser("award", help="裁决书：逐项裁决与终局认定、制作（部分终局时分别制作两份）、送达后结案")
    acts = award.add_subparsers(dest="action", required=True, metavar="ACTION")
    suggest = acts.add_parser("suggest", help="按裁决金额建议每项请求是否终局")
    suggest.add_argument("ref", metavar="CASE", help="案号或案件编号")
    suggest.add_argument("--date", type=date_arg, metavar="DATE", help="裁决日期（默认今天）")
    suggest.add_argument("--item", action="append", default=[], metavar="N:CATEGORY:YUAN",
                         help="第 N 项请求的类别和裁决金额，如 1:追索劳动报酬:18000（可重复）")
    suggest.add_argument("--json", action="store_true", help="以 JSON 输出")
    suggest.set_defaults(func=_award_suggest)
    draft = acts.add_parser("draft", help="录入裁决书草稿")
    draft.add_argument("ref", metavar="CASE", help="案号或案件编号")
    draft.add_argument("--partial", action="store_true", help="先行裁决（只裁决事实已经清楚的部分）")
    draft.add_argument("--date", type=date_arg, metavar="DATE", help="裁决日期（默认今天）")
    draft.add_argument("--facts", required=True, help="争议事实")
    draft.add_argument("--reasons", required=True, help="裁决理由")
    draft.add_argument("--result", metavar="RESULT", help="处理结果：劳动者胜诉、用人单位胜诉、双方部分胜诉")
    draft.add_argument("--item", action="append", default=[], metavar="N:CATEGORY:YUAN[:final|nonfinal][:DECISION]",
                       help="第 N 项请求：类别、裁决金额（驳回写 0 或留空），可加终局认定和裁决结果文字（可重复）")
    draft.add_argument("--declined", action="append", default=[], metavar="NAME",
                       help="持不同意见、不签名的仲裁员（可重复）")
    draft.add_argument("--one-document", action="store_true", help="部分终局时也只制作一份裁决书")
    draft.set_defaults(func=_award_draft)
    issue = acts.add_parser("issue", help="制作裁决书和送达回证")
    issue.add_argument("id", type=record_id, metavar="ID", help="裁决书编号")
    issue.add_argument("--out", metavar="FOLDER", help="输出文件夹（默认文书文件夹）")
    issue.add_argument("--date", type=date_arg, metavar="DATE", help="作出日期（默认今天；送达不能早于此日）")
    issue.set_defaults(func=_award_issue)
    serve = acts.add_parser("serve", help="登记向一方送达裁决书（全部送达后裁决结案）")
    serve.add_argument("id", type=record_id, metavar="ID", help="裁决书编号")
    serve.add_argument("--party", required=True, help="受送达的当事人名称")
    serve.add_argument("--date", type=date_arg, metavar="DATE", help="送达日期（默认今天）")
    serve.add_argument("--method", default="直接送达", help="送达方式")
    serve.set_defaults(func=_award_serve)

    rec = sub.add_parser("recommend", help="仲裁建议书和用工风险提示")
    acts = rec.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = acts.add_parser("new", help="从案件向用人单位发出仲裁建议书")
    new.add_argument("ref", metavar="CASE", help="案号或案件编号")
    new.add_argument("--practice", action="append", default=[], metavar="CODE",
                     help="发现的用工问题（可重复）：" + "、".join(_practice_codes()))
    new.add_argument("--details", default="", help="案件反映的具体情况")
    new.add_argument("--date", type=date_arg, metavar="DATE", help="发出日期（默认今天）")
    new.add_argument("--reply-by", type=date_arg, metavar="DATE", help="回复期限（默认发出后 30 日）")
    new.add_argument("--out", metavar="FOLDER", help="输出文件夹（默认文书文件夹）")
    new.set_defaults(func=_recommend_new)
    reply = acts.add_parser("reply", help="登记用人单位的书面回复")
    reply.add_argument("id", type=record_id, metavar="ID", help="建议书编号")
    reply.add_argument("--date", type=date_arg, metavar="DATE", help="回复日期（默认今天）")
    reply.add_argument("--text", required=True, help="回复内容摘要")
    reply.set_defaults(func=_recommend_reply)
    listing = acts.add_parser("list", help="列出仲裁建议书（--open 只列未回复的）")
    listing.add_argument("--open", action="store_true", help="只列未回复的")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(func=_recommend_list)
    notice = acts.add_parser("notice", help="由多件案件归纳用工风险提示（不出现当事人名称）并制作")
    notice.add_argument("refs", nargs="+", metavar="CASE", help="案号或案件编号（至少两件）")
    notice.add_argument("--title", default="用工风险提示", help="标题")
    notice.add_argument("--text", default="", help="补充正文")
    notice.add_argument("--date", type=date_arg, metavar="DATE", help="日期（默认今天）")
    notice.add_argument("--training", type=record_id, metavar="ID", help="附于培训（培训编号）")
    notice.add_argument("--out", metavar="FOLDER", help="输出文件夹（默认文书文件夹）")
    notice.set_defaults(func=_recommend_notice)


def _practice_codes() -> list[str]:
    from tribunal.domain.recommendations import PRACTICES

    return [f"{p.code}（{p.label}）" for p in PRACTICES]


def _amount(text: str | None, what: str = "amount") -> int | None:
    if text is None or not text.strip():
        return None
    from tribunal.domain.money import parse_yuan

    try:
        return parse_yuan(text)
    except ValueError as exc:
        raise ValidationError(str(exc), {what: str(exc)}) from None


def _party_id(case: Any, name: str) -> int:
    name = name.strip()
    for p in case.parties:
        if p.name == name:
            return int(p.id)
    raise ValidationError(f"本案没有名为“{name}”的当事人（可选：{'、'.join(p.name for p in case.parties)}）",
                          {"party": "不属于本案"})


def _method(text: str) -> Any:
    from tribunal.domain.enums import ServiceMethod

    return enum_arg(ServiceMethod, text, "送达方式")


# ------------------------------------------------------------------ mediation


def _print_mediation(m: Any) -> None:
    from tribunal.domain.money import format_yuan

    amount = f"，金额 {format_yuan(m.agreed_fen)} 元" if m.agreed_fen is not None else ""
    print(f"调解书 {m.id}（{m.case_number}）：{m.status.label_zh}{amount}")
    for w in m.warnings:
        print(f"提醒：{w}")
    for r in m.receipts:
        print(f"  {r.role} {r.party}：" + (f"{r.served_on} 签收（{r.method}）" if r.served_on else "未签收"))
    if m.case_closed:
        print("案件已调解结案")


def _mediation_draft(args: argparse.Namespace) -> int:
    from tribunal.domain.enums import CaseResult
    from tribunal.services import cases, mediation

    result = enum_arg(CaseResult, args.result, "处理结果")
    amount = _amount(args.amount)
    db = open_db(args)
    try:
        case = cases.find_case(db, args.ref)
        m = mediation.draft_mediation(db, case.id, args.terms.replace("\\n", "\n"), agreed_fen=amount, result=result,
                                      statement_date=args.date or dt.date.today())
    finally:
        db.dispose()
    _print_mediation(m)
    return 0


def _mediation_issue(args: argparse.Namespace) -> int:
    from tribunal.services import mediation

    db = open_db(args)
    try:
        m, rows = mediation.issue_mediation(db, args.id, out_dir=args.out, issued_on=args.date)
    finally:
        db.dispose()
    _print_mediation(m)
    for row in rows:
        print(row.path)
    return 0


def _mediation_sign(args: argparse.Namespace) -> int:
    from tribunal.services import cases, mediation

    method = _method(args.method)
    db = open_db(args)
    try:
        m = mediation.get_mediation(db, args.id)
        party = _party_id(cases.get_case(db, m.case_id), args.party)
        m = mediation.record_receipt(db, args.id, party, served_on=args.date or dt.date.today(), method=method,
                                     signed_by=args.by)
    finally:
        db.dispose()
    _print_mediation(m)
    return 0


def _mediation_back_out(args: argparse.Namespace) -> int:
    from tribunal.services import cases, mediation

    db = open_db(args)
    try:
        m = mediation.get_mediation(db, args.id)
        party = _party_id(cases.get_case(db, m.case_id), args.party)
        m = mediation.back_out(db, args.id, party, on=args.date or dt.date.today(), note=args.note)
    finally:
        db.dispose()
    _print_mediation(m)
    print("案件继续审理，应当及时作出裁决（《劳动争议调解仲裁法》第四十二条）")
    return 0


# ------------------------------------------------------------------ award


def _items(case: Any, specs: list[str], *, decisions: bool) -> list[Any]:
    from tribunal.domain.enums import FinalityCategory
    from tribunal.services.awards import ItemInput

    out = []
    for spec in specs:
        bits = spec.split(":", 4 if decisions else 2)
        if len(bits) < 2 or not bits[0].strip().isdigit():
            raise ValidationError(f"请求项写法不对：{spec}（应为 N:类别:金额）", {"item": "写法不对"})
        n = int(bits[0])
        if not 1 <= n <= len(case.claims):
            raise ValidationError(f"本案只有 {len(case.claims)} 项请求，没有第 {n} 项", {"item": "没有这一项"})
        category = enum_arg(FinalityCategory, bits[1], "请求类别")
        amount = _amount(bits[2] if len(bits) > 2 else None, "item")
        final = None
        if decisions and len(bits) > 3 and bits[3].strip():
            if bits[3].strip() not in ("final", "nonfinal", "终局", "非终局"):
                raise ValidationError(f"终局认定应为 final 或 nonfinal：{spec}", {"item": "终局认定不对"})
            final = bits[3].strip() in ("final", "终局")
        decision = bits[4] if decisions and len(bits) > 4 else ""
        out.append(ItemInput(case.claims[n - 1].id, category, amount, decision, final))
    return out


def _award_suggest(args: argparse.Namespace) -> int:
    from tribunal.services import awards, cases

    db = open_db(args)
    try:
        case = cases.find_case(db, args.ref)
        given = {i.claim_id: (i.category, i.awarded_fen) for i in _items(case, args.item, decisions=False)}
        found = awards.suggestions(db, case.id, args.date or dt.date.today(), given)
    finally:
        db.dispose()
    if args.json:
        print_json([{"claim": s.item, "category": s.category.value, "awarded_fen": s.awarded_fen,
                     "final": s.final, "reason": s.reason} for s in found])
        return 0
    for n, s in enumerate(found, 1):
        verdict = {True: "终局", False: "非终局", None: "无法建议"}[s.final]
        print(f"{n}. {s.item}｜{s.category.label_zh}｜{verdict}：{s.reason}")
    return 0


def _print_award(a: Any) -> None:
    from tribunal.domain.money import format_yuan

    print(f"{a.kind.label_zh}书 {a.id}（{a.case_number}）：{a.status.label_zh}，共 {a.documents} 份裁决书")
    for i in a.items:
        amount = f"{format_yuan(i.awarded_fen)} 元" if i.awarded_fen is not None else "—"
        print(f"  {i.item}｜{i.category.label_zh}｜{amount}｜{'终局' if i.final else '非终局'}")
    for name, note in a.declined:
        print(f"  仲裁员 {name}：{note}")
    if a.case_closed:
        print("案件已裁决结案")


def _award_draft(args: argparse.Namespace) -> int:
    from tribunal.domain.enums import AwardKind, CaseResult
    from tribunal.services import awards, cases

    result = enum_arg(CaseResult, args.result, "处理结果")
    db = open_db(args)
    try:
        case = cases.find_case(db, args.ref)
        items = _items(case, args.item, decisions=True)
        a = awards.draft_award(db, case.id, kind=AwardKind.PARTIAL if args.partial else AwardKind.FULL,
                               award_date=args.date or dt.date.today(), facts=args.facts, reasons=args.reasons,
                               items=items, result=result, declined=[(n, "") for n in args.declined],
                               split=False if args.one_document else None)
    finally:
        db.dispose()
    _print_award(a)
    return 0


def _award_issue(args: argparse.Namespace) -> int:
    from tribunal.services import awards

    db = open_db(args)
    try:
        a, rows = awards.issue_award(db, args.id, out_dir=args.out, issued_on=args.date)
    finally:
        db.dispose()
    _print_award(a)
    for row in rows:
        print(row.path)
    return 0


def _award_serve(args: argparse.Namespace) -> int:
    from tribunal.services import awards, cases

    method = _method(args.method)
    db = open_db(args)
    try:
        a = awards.get_award(db, args.id)
        party = _party_id(cases.get_case(db, a.case_id), args.party)
        a = awards.record_service(db, args.id, party, served_on=args.date or dt.date.today(), method=method)
    finally:
        db.dispose()
    _print_award(a)
    return 0


# ------------------------------------------------------------------ recommendations


def _recommend_new(args: argparse.Namespace) -> int:
    from tribunal.services import cases, recommendations

    db = open_db(args)
    try:
        case = cases.find_case(db, args.ref)
        r = recommendations.create_recommendation(db, case.id, args.practice, issued_on=args.date or dt.date.today(),
                                                  details=args.details, reply_due=args.reply_by)
        rows = recommendations.print_recommendation(db, r.id, out_dir=args.out)
    finally:
        db.dispose()
    print(f"仲裁建议书 {r.id}：致{r.addressee}，请于 {r.reply_due} 前回复")
    for row in rows:
        print(row.path)
    return 0


def _recommend_reply(args: argparse.Namespace) -> int:
    from tribunal.services import recommendations

    db = open_db(args)
    try:
        r = recommendations.record_reply(db, args.id, replied_on=args.date or dt.date.today(), reply=args.text)
    finally:
        db.dispose()
    print(f"仲裁建议书 {r.id}（{r.addressee}）已于 {r.replied_on} 回复")
    return 0


def _recommend_list(args: argparse.Namespace) -> int:
    from tribunal.services import recommendations

    db = open_db(args)
    try:
        rows = recommendations.list_recommendations(db, open_only=args.open)
    finally:
        db.dispose()
    today = dt.date.today()
    if args.json:
        print_json([{"id": r.id, "case": r.case_number, "addressee": r.addressee, "practices": list(r.practices),
                     "issued_on": r.issued_on, "reply_due": r.reply_due, "replied_on": r.replied_on,
                     "overdue": r.overdue(today)} for r in rows])
        return 0
    for r in rows:
        state = f"{r.replied_on} 已回复" if r.answered else ("逾期未回复" if r.overdue(today) else "待回复")
        print(f"{r.id}\t{r.issued_on}\t{r.case_number}\t{r.addressee}\t回复期限 {r.reply_due}\t{state}")
    if not rows:
        print("没有仲裁建议书")
    return 0


def _recommend_notice(args: argparse.Namespace) -> int:
    from tribunal.services import cases, recommendations

    db = open_db(args)
    try:
        ids = [cases.find_case(db, ref).id for ref in args.refs]
        n = recommendations.create_risk_notice(db, ids, issued_on=args.date or dt.date.today(), title=args.title,
                                               text=args.text)
        if args.training is not None:
            n = recommendations.attach_to_training(db, n.id, args.training)
        path = recommendations.print_risk_notice(db, n.id, out_dir=args.out)
    finally:
        db.dispose()
    print(f"用工风险提示 {n.id}：由 {n.case_count} 件案件归纳" + (f"，附于培训 {n.training_session_id}"
                                                               if n.training_session_id else ""))
    print(path)
    return 0

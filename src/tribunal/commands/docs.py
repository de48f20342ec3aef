"""``tribunal docs``: print a hearing's pack or a day's, certificates, list and reprint documents."""

from __future__ import annotations

import argparse
from typing import Any

from tribunal.commands.common import date_arg, enum_arg, open_db, print_json, record_id, year_arg

EXIT_OK = 0


def register(sub: Any) -> None:
    """Add ``docs`` and its actions to the command line."""
    docs = sub.add_parser("docs", help="制作、列出和重印文书（开庭通知书、送达回证、旁听邀请函、签到表等）")
    actions = docs.add_subparsers(dest="docs_action", metavar="ACTION")
    _add_pack(actions)
    _add_day(actions)
    _add_certificates(actions)
    _add_certificate_list(actions)
    _add_void(actions)
    _add_teaching(actions)
    _add_list(actions)
    _add_reprint(actions)
    docs.set_defaults(func=lambda args: _usage(docs))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="DIR",
                        help="保存到这个已有的文件夹（默认：设置中的文书文件夹，或数据库文件旁的“文书”文件夹）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.add_argument("--force", action="store_true",
                        help="文件夹中已有不是本程序制作的同名文件时，也覆盖它（已送达的文书从不覆盖）")


def _add_pack(actions: Any) -> None:
    p = actions.add_parser("pack", help="制作一场开庭的全部文书（各自的文件和一份“全部文书.pdf”）")
    p.add_argument("--hearing", type=record_id, required=True, metavar="ID", help="开庭编号")
    _out(p)
    p.set_defaults(func=_cmd_pack)


def _add_day(actions: Any) -> None:
    p = actions.add_parser("day", help="制作一个巡回仲裁庭某一天全部开庭的文书和开庭排期表")
    p.add_argument("--date", type=date_arg, required=True, metavar="YYYY-MM-DD", help="开庭日期")
    p.add_argument("--tribunal", type=record_id, required=True, metavar="ID", help="巡回仲裁庭编号")
    _out(p)
    p.set_defaults(func=_cmd_day)


def _add_certificates(actions: Any) -> None:
    p = actions.add_parser("certificates", help="为到场的旁听人员制作培训证明")
    p.add_argument("--hearing", type=record_id, required=True, metavar="ID", help="开庭编号")
    _out(p)
    p.set_defaults(func=_cmd_certificates)


def _add_certificate_list(actions: Any) -> None:
    p = actions.add_parser("certificate-list", help="列出培训证明的编号（含已作废的）")
    p.add_argument("--hearing", type=record_id, metavar="ID", help="按开庭编号筛选")
    p.add_argument("--year", type=year_arg, metavar="YYYY", help="按年份筛选")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=_cmd_certificate_list)


def _add_void(actions: Any) -> None:
    p = actions.add_parser("void-certificate", help="作废（收回）一份培训证明；编号保留，不再使用")
    p.add_argument("number", metavar="NUMBER", help="培训证明编号，如 邵劳人仲培字〔2026〕第3号")
    p.add_argument("--reason", required=True, metavar="TEXT", help="作废原因（记入审计记录）")
    p.set_defaults(func=_cmd_void)


def _add_teaching(actions: Any) -> None:
    p = actions.add_parser("teaching", help="查看、复核或修改培训讲义中的案例文字")
    p.add_argument("--hearing", type=record_id, required=True, metavar="ID", help="开庭编号")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--text", metavar="TEXT", help="用这段文字作为讲义案例（视为已复核）")
    what.add_argument("--file", metavar="PATH", help="从 UTF-8 文本文件读取讲义案例（视为已复核）")
    what.add_argument("--accept", action="store_true", help="复核后采用自动生成的文字")
    what.add_argument("--reset", action="store_true", help="恢复自动生成的文字（未复核）")
    p.set_defaults(func=_cmd_teaching)


def _add_list(actions: Any) -> None:
    p = actions.add_parser("list", help="列出已制作的文书")
    p.add_argument("--case", metavar="NUMBER", help="按案号筛选")
    p.add_argument("--hearing", type=record_id, metavar="ID", help="按开庭编号筛选")
    p.add_argument("--kind", metavar="KIND", help="按文书种类筛选（如 开庭通知书、invitation）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=_cmd_list)


def _add_reprint(actions: Any) -> None:
    p = actions.add_parser("reprint", help="按现有数据重新制作一份已记录的文书（内容未变时文件不变）")
    p.add_argument("document", type=record_id, metavar="ID", help="文书记录编号（见 docs list）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--force", action="store_true", help="文件在制作后被其他程序改动过，也覆盖它")
    p.set_defaults(func=_cmd_reprint)


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind.value,
        "kind_label": row.kind.label_zh,
        "title": row.title,
        "case_number": row.case_number,
        "hearing_id": row.hearing_id,
        "party_id": row.party_id,
        "observer_id": row.observer_id,
        "path": row.path,
        "sha256": row.sha256,
        "generated_at": row.generated_at.isoformat(sep=" "),
        "generated_by": row.generated_by,
        "file_exists": row.file_exists,
    }


def _report(result: Any, as_json: bool) -> int:
    if as_json:
        print_json({
            "folder": str(result.folder),
            "combined": _row_json(result.combined) if result.combined else None,
            "documents": [_row_json(r) for r in result.documents],
            "added": result.added, "updated": result.updated, "unchanged": result.unchanged,
            "notes": list(result.notes), "warnings": list(result.warnings),
        })
        return EXIT_OK
    for row in result.documents:
        print(f"{row.kind.label_zh}\t{row.title}\t{row.path}")
    if result.combined is not None:
        print(f"全部文书\t{result.combined.title}\t{result.combined.path}")
    for line in (*result.notes, *result.warnings):
        print(f"提示：{line}")
    print(result.summary)
    return EXIT_OK


def _cmd_pack(args: argparse.Namespace) -> int:
    from tribunal.services import documents

    db = open_db(args)
    try:
        return _report(documents.make_pack(db, args.hearing, out_dir=args.out, force=args.force), args.json)
    finally:
        db.dispose()


def _cmd_day(args: argparse.Namespace) -> int:
    from tribunal.services import documents

    db = open_db(args)
    try:
        return _report(documents.make_day_pack(db, args.date, args.tribunal, out_dir=args.out, force=args.force),
                       args.json)
    finally:
        db.dispose()


def _cmd_certificates(args: argparse.Namespace) -> int:
    from tribunal.services import documents

    db = open_db(args)
    try:
        return _report(documents.make_certificates(db, args.hearing, out_dir=args.out, force=args.force), args.json)
    finally:
        db.dispose()


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.domain.enums import DocumentKind
    from tribunal.services import documents

    kind = enum_arg(DocumentKind, args.kind, "文书种类")
    db = open_db(args)
    try:
        rows = documents.list_documents(db, case_number=args.case, hearing_id=args.hearing, kind=kind,
                                        limit=None)
    finally:
        db.dispose()
    if args.json:
        print_json([_row_json(r) for r in rows])
        return EXIT_OK
    if not rows:
        print("没有符合条件的文书。")
        return EXIT_OK
    for r in rows:
        missing = "" if r.file_exists else "\t（文件已不在）"
        print(f"{r.id}\t{r.generated_at:%Y-%m-%d %H:%M}\t{r.kind.label_zh}\t{r.case_number}\t{r.title}\t{r.path}{missing}")
    return EXIT_OK


def _cmd_reprint(args: argparse.Namespace) -> int:
    from tribunal.services import documents

    db = open_db(args)
    try:
        result = documents.reprint(db, args.document, force=args.force)
    finally:
        db.dispose()
    if args.json:
        print_json({"document": _row_json(result.document), "changed": result.changed})
        return EXIT_OK
    state = "内容有变化，已更新" if result.changed else "内容未变"
    print(f"已重印：{result.document.title}（{state}）\t{result.document.path}")
    return EXIT_OK


def _cmd_certificate_list(args: argparse.Namespace) -> int:
    from tribunal.services import documents

    db = open_db(args)
    try:
        rows = documents.list_certificates(db, hearing_id=args.hearing, year=args.year)
    finally:
        db.dispose()
    if args.json:
        print_json([{"id": r.id, "number": r.number, "name": r.name, "enterprise": r.enterprise or None,
                     "hearing_id": r.hearing_id, "issued_on": r.issued_on.isoformat(), "issued_by": r.issued_by,
                     "voided_on": r.voided_on.isoformat() if r.voided_on else None,
                     "void_reason": r.void_reason or None} for r in rows])
        return EXIT_OK
    if not rows:
        print("没有培训证明。")
        return EXIT_OK
    for r in rows:
        state = f"已作废（{r.voided_on}，{r.void_reason}）" if r.voided else "有效"
        print("\t".join([r.number, r.name, r.enterprise, r.issued_on.isoformat(), state]))
    print(f"共 {len(rows)} 份")
    return EXIT_OK


def _cmd_void(args: argparse.Namespace) -> int:
    from tribunal.services import documents

    db = open_db(args)
    try:
        row = documents.void_certificate(db, args.number, args.reason)
    finally:
        db.dispose()
    print(f"已作废培训证明 {row.number}（{row.name}）；这个编号不再使用")
    return EXIT_OK


def _cmd_teaching(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tribunal.errors import ValidationError
    from tribunal.services import documents

    text = args.text
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(f"无法读取文件 {args.file}：{getattr(exc, 'strerror', None) or exc}",
                                  {"file": "无法读取"}) from exc
    db = open_db(args)
    try:
        if args.reset:
            draft = documents.reset_teaching_case(db, args.hearing)
        elif args.accept:
            draft = documents.save_teaching_case(db, args.hearing, documents.teaching_case(db, args.hearing).text)
        elif text is not None:
            draft = documents.save_teaching_case(db, args.hearing, text)
        else:
            draft = documents.teaching_case(db, args.hearing)
    finally:
        db.dispose()
    state = f"已由{draft.reviewed_by}复核" if draft.reviewed else "尚未复核（自动生成）"
    print(f"{draft.case_number}　{draft.caption}　{state}")
    print(draft.text)
    for warning in draft.warnings:
        print(f"提示：{warning}")
    return EXIT_OK

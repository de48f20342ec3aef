"""``tribunal enterprises``: list and search the enterprise directory, preview and import spreadsheets."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tribunal.commands.common import open_db, print_json
from tribunal.errors import ValidationError

EXIT_OK = 0


def register(sub: Any) -> None:
    """Add ``enterprises`` (list), ``enterprises inspect`` and ``enterprises import``."""
    ent = sub.add_parser("enterprises", help="企业名录：列出、查找企业；inspect 预览、import 导入 Excel/CSV 名单")
    ent.add_argument("--search", default="", metavar="TEXT", help="按企业名称、信用代码或联系人查找")
    ent.add_argument("--zone", metavar="NAME", help="只列出这个开发区的企业")
    ent.add_argument("--json", action="store_true", help="以 JSON 输出")
    ent.add_argument("--show-phones", action="store_true", help="显示完整电话号码（默认隐去中间几位）")
    ent.set_defaults(func=_cmd_list)
    actions = ent.add_subparsers(dest="action", metavar="ACTION")

    inspect = actions.add_parser("inspect", help="预览文件：识别出的表头行、各列对应的内容和前几行数据")
    inspect.add_argument("file", metavar="FILE", help="Excel（.xlsx）或 CSV 文件")
    inspect.set_defaults(func=_cmd_inspect)

    imp = actions.add_parser("import", help="从 Excel（.xlsx）或 CSV 文件导入企业名录，逐行报告结果")
    imp.add_argument("file", metavar="FILE", help="Excel（.xlsx）或 CSV 文件")
    imp.add_argument("--mapping", metavar="NAME",
                     help="使用已保存的列对应方案；与 --column 同用时，把这些对应关系保存为该名称")
    imp.add_argument("--column", action="append", default=[], metavar="标题=字段",
                     help="指定某列的内容，如 --column 单位全称=企业名称；字段写“不导入”则跳过该列（可重复）")
    imp.add_argument("--zone", dest="import_zone", metavar="NAME", help="本文件中未写园区的企业归入这个开发区")
    imp.add_argument("--dry-run", action="store_true", help="只检查并报告，不保存任何内容")
    imp.add_argument("--verbose", action="store_true", help="逐行列出每一行的处理结果")
    imp.set_defaults(func=_cmd_import)


def _zone_id(db: Any, name: str | None) -> int | None:
    if not name:
        return None
    from tribunal.services import enterprises

    return enterprises.find_zone(db, name).id


def _cmd_list(args: argparse.Namespace) -> int:
    from tribunal.services import enterprises

    db = open_db(args)
    try:
        rows = enterprises.search_enterprises(db, args.search, zone_id=_zone_id(db, args.zone),
                                              show_phones=args.show_phones)
    finally:
        db.dispose()
    if args.json:
        print_json([
            {"id": r.id, "name": r.name, "credit_code": r.credit_code or None,
             "credit_code_unconfirmed": r.credit_code_unconfirmed, "zone": r.zone or None,
             "address": r.address or None, "contact_name": r.contact_name or None,
             "contact_title": r.contact_title or None, "contact_phone": r.contact_phone or None,
             "size": r.size or None, "notes": r.notes or None}
            for r in rows
        ])
        return EXIT_OK
    if not rows:
        print("没有符合条件的企业。")
        return EXIT_OK
    for r in rows:
        code = r.credit_code + ("（待核对）" if r.credit_code_unconfirmed else "")
        print("\t".join([r.name, code, r.zone, r.contact_name, r.contact_title, r.contact_phone]))
    print(f"共 {len(rows)} 家", file=sys.stderr)
    return EXIT_OK


def _cmd_inspect(args: argparse.Namespace) -> int:
    from tribunal.services import enterprise_import

    db = open_db(args)
    try:
        remembered = enterprise_import.remembered_mapping(db)
    finally:
        db.dispose()
    preview = enterprise_import.inspect_file(args.file, remembered[1] if remembered else None)
    print(f"文件：{preview.file}（工作表“{preview.sheet}”），表头在第 {preview.header_row} 行，"
          f"数据 {preview.rows_total} 行")
    for column in preview.columns:
        field = preview.suggested_mapping.get(column, "")
        print(f"  {column} → {enterprise_import.FIELDS.get(field, '不导入')}")
    if preview.missing:
        print("缺少：" + "、".join(preview.missing) + "（请用 --column 指定）")
    for number, cells in preview.rows[:5]:
        print(f"  第{number}行：" + " | ".join(cells))
    return EXIT_OK


def _parse_columns(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        heading, sep, field = item.partition("=")
        if not sep or not heading.strip():
            raise ValidationError(f"--column 的格式应为“列标题=字段”，如 单位全称=企业名称：{item}")
        mapping[heading.strip()] = field.strip()
    return mapping


def _cmd_import(args: argparse.Namespace) -> int:
    from tribunal.services import enterprise_import

    columns = _parse_columns(args.column)
    db = open_db(args)
    try:
        mapping = None
        if columns:
            # Columns not named keep what the headings say.
            preview = enterprise_import.inspect_file(args.file)
            mapping = {**preview.suggested_mapping, **columns}
        report = enterprise_import.import_enterprises(
            db, args.file, mapping=mapping, mapping_name=args.mapping,
            zone_id=_zone_id(db, args.import_zone), dry_run=args.dry_run,
        )
    finally:
        db.dispose()
    for line in report.lines(verbose=args.verbose):
        print(line)
    return EXIT_OK

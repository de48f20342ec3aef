"""``tribunal record``: show a hearing record (庭审笔录) or print it as a PDF."""

from __future__ import annotations

import argparse
from typing import Any

from tribunal.commands.common import open_db, print_json, record_id

EXIT_OK = 0

EPILOG = """\
笔录在图形界面的“开庭”页或签到窗口中打开并记录。命令行显示或导出的是本机备份与数据库中
较新的一份；本机备份比数据库新时，显示“未同步”。

例：tribunal record show --hearing 12
    tribunal record export-pdf --hearing 12 --out 庭审笔录.pdf
"""


def register(sub: Any) -> None:
    """Add ``record show`` and ``record export-pdf``."""
    par = sub.add_parser("record", help="庭审笔录：显示或导出 PDF",
                         description="显示一次开庭的庭审笔录，或导出为 PDF。", epilog=EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = par.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="显示庭审笔录全文、证据目录和补正申请")
    show.add_argument("--hearing", required=True, type=record_id, metavar="ID", help="开庭编号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(func=_cmd_show)
    pdf = actions.add_parser("export-pdf", help="把庭审笔录导出为 PDF（供打印、签名）")
    pdf.add_argument("--hearing", required=True, type=record_id, metavar="ID", help="开庭编号")
    pdf.add_argument("--out", required=True, metavar="FILE", help="PDF 文件的保存位置")
    pdf.add_argument("--force", action="store_true", help="覆盖已存在的、不是本程序写出的文件")
    pdf.set_defaults(func=_cmd_pdf)


def _cmd_show(args: argparse.Namespace) -> int:
    import json

    from tribunal.services import hearing_records

    db = open_db(args)
    try:
        opened = hearing_records.open_record(db, args.hearing)
    finally:
        db.dispose()
    content = opened.content
    if args.json:
        print_json({**json.loads(content.to_json()), "synced": opened.synced, "source": opened.source})
        return EXIT_OK
    print(f"庭审笔录（开庭 {args.hearing}）{'已同步' if opened.synced else '未同步'}"
          + ("，已宣读" if content.read_at else ""))
    for stage in content.stages:
        when = f"（{stage.started_at:%H:%M}）" if stage.started_at else ""
        print(f"\n【{stage.title}】{when}\n{stage.text}")
    if content.evidence:
        print("\n【证据目录】")
        for i, e in enumerate(content.evidence, 1):
            print(f"{i}. {e.producer}｜{e.name}｜{e.purpose}｜质证：{e.opinion}")
    if content.corrections:
        print("\n【补正申请】")
        labels = {"pending": "待处理", "made": "已补正", "refused": "不予补正"}
        for i, c in enumerate(content.corrections, 1):
            print(f"{i}. {c.requested_by}：{c.request}（{labels.get(c.decision, c.decision)}"
                  + (f"，理由：{c.reason}" if c.reason else "") + "）")
    return EXIT_OK


def _cmd_pdf(args: argparse.Namespace) -> int:
    from tribunal.services import hearing_records

    db = open_db(args)
    try:
        opened = hearing_records.open_record(db, args.hearing)
        path = hearing_records.export_pdf(db, opened.content, args.out, force=args.force)
    finally:
        db.dispose()
    print(f"已导出庭审笔录：{path}")
    return EXIT_OK

"""Command line for reports: ``tribunal report circuit`` and ``tribunal report stats``."""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
from typing import Any

from tribunal.commands.common import date_arg, open_db, positive_int, print_json
from tribunal.errors import ValidationError


def register(sub: Any) -> None:
    """Add ``report circuit`` and ``report stats`` to the ``tribunal`` command."""
    report = sub.add_parser("report", help="统计报表：巡回庭工作情况（circuit）、劳动人事争议处理情况（stats）")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    circuit = kinds.add_parser("circuit", help="巡回仲裁庭工作情况：场次、现场审理、调解、覆盖企业、旁听与培训")
    circuit.add_argument("--from", dest="date_from", type=date_arg, required=True, metavar="DATE",
                         help="统计期间的第一天 YYYY-MM-DD")
    circuit.add_argument("--to", dest="date_to", type=date_arg, required=True, metavar="DATE",
                         help="统计期间的最后一天 YYYY-MM-DD（含）")
    circuit.add_argument("--zone", type=positive_int, metavar="ID", help="只统计该开发区（编号）")
    circuit.add_argument("--tribunal", type=positive_int, metavar="ID", help="只统计该巡回仲裁庭（编号）")
    _outputs(circuit, "FILE.xlsx|FILE.pdf")
    circuit.set_defaults(func=_cmd_circuit)

    stats = kinds.add_parser("stats", help="劳动人事争议处理情况统计表（按年或按月）")
    stats.add_argument("--year", type=positive_int, required=True, metavar="Y", help="年份，如 2026")
    stats.add_argument("--month", type=int, choices=range(1, 13), metavar="M", help="月份 1–12（不填为全年）")
    _outputs(stats, "FILE.xlsx")
    stats.set_defaults(func=_cmd_stats)


def _outputs(parser: argparse.ArgumentParser, what: str) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", metavar=what, help="导出到文件（.xlsx 或 .pdf，按扩展名）")
    group.add_argument("--json", action="store_true", help="以 JSON 输出")


def _check_out(path: str | None) -> None:
    """Refuse a bad output name before any work is done."""
    if path is None:
        return
    from pathlib import Path

    if Path(path).suffix.lower() not in (".xlsx", ".pdf"):
        raise ValidationError(f"导出文件应以 .xlsx 或 .pdf 结尾：{path}", {"out": "扩展名"})


def _yuan(fen: float | int | None) -> float | None:
    return None if fen is None else fen / 100


def _line_json(line: Any) -> dict[str, Any]:
    from tribunal.domain.reports import DEFINITIONS

    convert = _yuan if line.kind == "money" else (lambda v: v)
    return {"key": line.key, "label": line.label, "value": convert(line.now), "last_year": convert(line.last),
            "kind": "yuan" if line.kind == "money" else line.kind,
            "definition": DEFINITIONS.get(line.definition, "")}


def _scope_json(scope: Any) -> dict[str, Any]:
    return {"from": scope.requested.start.isoformat(), "to": scope.requested.end.isoformat(),
            "counted_to": scope.period.end.isoformat(), "label": scope.period_text,
            "last_year": {"from": scope.last_year.start.isoformat(), "to": scope.last_year.end.isoformat()},
            "zone": scope.zone or None, "tribunal": scope.tribunal or None}


def _export(db: Any, report: Any, out: str) -> int:
    from tribunal.services import report_export

    path = report_export.export_report(db, report, out)
    print(f"已导出：{path}")
    return 0


def _cmd_circuit(args: argparse.Namespace) -> int:
    from tribunal.services import reports

    _check_out(args.out)
    db = open_db(args)
    try:
        request = reports.ReportRequest(args.date_from, args.date_to, args.zone, args.tribunal)
        report = reports.circuit_report(db, request)
        if args.out:
            return _export(db, report, args.out)
    finally:
        db.dispose()
    print_json({
        "report": "circuit",
        "period": _scope_json(report.scope),
        "figures": [_line_json(line) for line in reports.circuit_lines(report) if not line.heading],
        "cases_on_site_by_type": {t.label_zh: n for t, n in report.current.cases_on_site_by_type},
        "topics": list(report.current.topics),
        "monthly": [{"month": m.label, "sessions": m.sessions, "hearings": m.hearings, "observers": m.observers,
                     "mediated": m.mediated, "awarded": m.awarded, "mediation_rate": m.mediation_rate}
                    for m in report.monthly],
        "reach_by_zone": [{"zone": z.zone, "reached": z.reached, "directory": z.directory}
                          for z in report.reach_by_zone],
        "never_reached": [{"id": e.id, "name": e.name, "zone": e.zone} for e in report.never_reached],
        "notes": list(report.notes),
    })
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from tribunal.services import reports

    _check_out(args.out)
    if not 2000 <= args.year <= 2100:
        raise ValidationError(f"年份 {args.year} 不正确，请核对", {"year": "年份不正确"})
    if args.month is None:
        start, end = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    else:
        start = dt.date(args.year, args.month, 1)
        end = dt.date(args.year, args.month, calendar.monthrange(args.year, args.month)[1])
    db = open_db(args)
    try:
        report = reports.stats_report(db, reports.ReportRequest(start, end))
        if args.out:
            return _export(db, report, args.out)
    finally:
        db.dispose()
    print_json({"report": "stats", "period": _scope_json(report.scope),
                "figures": [_line_json(line) for line in report.lines], "notes": list(report.notes)})
    return 0

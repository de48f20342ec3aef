"""Report exports: the charts as SVG for the screen, the report as .xlsx and as PDF.

Every output is built from the same report objects and the same lines
(:func:`tribunal.services.reports.circuit_lines`), so the screen, the workbook and the
paper say the same. Workbooks keep numbers as numbers with number formats, totals as real
formulas (a spreadsheet program recalculates them), and text that came from users or
imports (enterprise, zone and topic names) as text cells — never as formulas, whatever it
begins with. Files are written beside the target and moved into place when complete.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from tribunal.db.engine import Database
from tribunal.domain.enums import CaseType
from tribunal.domain.reports import DEFINITIONS
from tribunal.errors import ValidationError
from tribunal.services import audit, settings
from tribunal.services.reports import CircuitReport, FigureLine, StatsReport, circuit_lines
from tribunal.texts import msg

__all__ = [
    "chart_specs",
    "chart_svgs",
    "export_report",
    "format_value",
    "numbered_definitions",
    "pdf_bytes",
    "xlsx_bytes",
]

Report = CircuitReport | StatsReport

TITLES: Final = {"circuit": "巡回仲裁庭工作情况统计表", "stats": "劳动人事争议处理情况统计表"}


def _kind(report: Report) -> str:
    return "circuit" if isinstance(report, CircuitReport) else "stats"


def _lines(report: Report) -> list[FigureLine]:
    return circuit_lines(report) if isinstance(report, CircuitReport) else list(report.lines)


def format_value(value: float | int | None, kind: str) -> str:
    """A figure as a report prints it: 12; 50.0%; 33.5; 260,000.00; "—" when not defined."""
    if value is None:
        return "—"
    if kind == "percent":
        return f"{value:.1%}"
    if kind == "days":
        return f"{value:.1f}"
    if kind == "money":
        return f"{value / 100:,.2f}"
    return f"{int(value):,}"


def numbered_definitions(lines: Iterable[FigureLine], *extra: str) -> tuple[dict[str, int], list[str]]:
    """Number the definitions in the order the lines first use them; return key → number, texts."""
    numbers: dict[str, int] = {}
    texts: list[str] = []
    for key in [line.definition for line in lines if line.definition] + list(extra):
        if key not in numbers and key in DEFINITIONS:
            numbers[key] = len(texts) + 1
            texts.append(DEFINITIONS[key])
    return numbers, texts


# ---------------------------------------------------------------- charts


def chart_specs(report: CircuitReport) -> list[Any]:
    """The four charts of a circuit report, defined once for the screen and the paper."""
    from tribunal.documents.charts import ChartSpec

    months = tuple(m.label for m in report.monthly)
    by_type = report.current.cases_on_site_by_type
    period = report.scope.requested.label
    empty = msg("本期没有可统计的数据")
    specs = [
        ChartSpec("monthly", msg("每月在企业开庭次数与旁听人次"), "bars", months,
                  ((msg("在企业开庭（次）"), tuple(float(m.hearings) for m in report.monthly)),
                   (msg("旁听人次"), tuple(float(m.observers) for m in report.monthly))),
                  note=msg("最近{count}个月，截至{day}。", count=len(months), day=report.scope.period.end.isoformat())),
        ChartSpec("types", msg("现场审理案件按案由（{period}）", period=period), "hbars",
                  tuple(msg("{type}", type=t) for t, _n in by_type) or tuple(msg("{type}", type=t) for t in CaseType)[:3],
                  ((msg("案件"), tuple(float(n) for _t, n in by_type) or (0.0, 0.0, 0.0)),)),
        ChartSpec("mediation", msg("巡回庭案件调解成功率（按结案月份）"), "line", months,
                  ((msg("调解成功率"), tuple(m.mediation_rate for m in report.monthly)),), percent=True,
                  note=msg("调解成功率＝调解结案 ÷（调解结案＋裁决结案）；当月没有调解或裁决结案的不标点。")),
        ChartSpec("reach", msg("各开发区覆盖企业（{period}）", period=period), "bars",
                  tuple(z.zone for z in report.reach_by_zone) or ("—",),
                  ((msg("已覆盖企业"), tuple(float(z.reached) for z in report.reach_by_zone) or (0.0,)),
                   (msg("名录中的企业"), tuple(float(z.directory) for z in report.reach_by_zone) or (0.0,)))),
    ]
    return [dataclasses.replace(spec, empty_note=empty) for spec in specs]


def chart_svgs(report: CircuitReport, width: float = 440, height: float = 220, *,
               translate: Callable[[str], str] = str) -> dict[str, bytes]:
    """The charts as SVG documents for the 统计 page (key → bytes).

    Args:
        translate: how the screen shows a text of the charts (the GUI passes its own, so an
            English screen shows English charts); the printed report stays Chinese.
    """
    from tribunal.documents.charts import to_svg

    return {spec.key: to_svg(_translated(spec, translate), width, height) for spec in chart_specs(report)}


def _translated(spec: Any, translate: Callable[[str], str]) -> Any:
    return dataclasses.replace(
        spec, title=translate(spec.title), note=translate(spec.note),
        categories=tuple(translate(c) for c in spec.categories),
        series=tuple((translate(name), values) for name, values in spec.series), empty_note=translate(spec.empty_note))


# ---------------------------------------------------------------- PDF


def _document(db_values: dict[str, Any], report: Report, made_on: dt.date) -> Any:
    from tribunal.documents.report import ReportDocument, ReportRow, ReportTable

    lines = _lines(report)
    numbers, texts = numbered_definitions(lines, "suspended_rule", "as_of")
    rows = []
    for line in lines:
        if line.heading:
            rows.append(ReportRow((line.label,), heading=True))
            continue
        note = str(numbers[line.definition]) if line.definition in numbers else ""
        rows.append(ReportRow((line.label, format_value(line.now, line.kind), format_value(line.last, line.kind),
                               note), indent=line.indent))
    scope = report.scope
    table = ReportTable("主要数据", ("项目", scope.period.label if not scope.partial else "本期", "去年同期", "注"),
                        tuple(rows), (0.60, 0.16, 0.16, 0.08))
    charts: tuple[Any, ...] = ()
    lists: tuple[Any, ...] = ()
    if isinstance(report, CircuitReport):
        charts = tuple(chart_specs(report))
        shown = report.never_reached[:300]
        more = len(report.never_reached) - len(shown)
        never_rows = tuple(ReportRow((str(n), e.name, e.zone)) for n, e in enumerate(shown, start=1))
        if more:
            never_rows += (ReportRow(("", f"另有 {more} 家，见导出的 Excel 表", "")),)
        if not never_rows:
            never_rows = (ReportRow(("", "名录中的企业都已覆盖", "")),)
        lists = (ReportTable(f"名录中从未覆盖的企业（注{numbers.get('never_reached', '')}）",
                             ("序号", "企业名称", "开发区"), never_rows, (0.10, 0.62, 0.28), numeric_from=3),)
        if report.current.topics:
            lists += (ReportTable("讲授专题", ("序号", "专题"),
                                  tuple(ReportRow((str(n), t)) for n, t in enumerate(report.current.topics, 1)),
                                  (0.10, 0.90), numeric_from=2),)
    return ReportDocument(
        kind=_kind(report), title=TITLES[_kind(report)], period_text=scope.period_text,
        filter_text=scope.filter_text, made_on=made_on, tables=(table,), charts=charts, lists=lists,
        notes=tuple(report.notes), definitions=tuple(texts))


def pdf_bytes(db: Database, report: Report, *, made_on: dt.date | None = None) -> bytes:
    """The report as an A4 PDF (charts embedded, page x of y)."""
    from tribunal.documents.fonts import load_fonts
    from tribunal.documents.report import ReportRenderer
    from tribunal.services.documents import commission_of, font_settings_of

    values = settings.get_all(db)
    fonts = load_fonts(font_settings_of(values))
    document = _document(values, report, made_on or report.scope.today)
    rendered = ReportRenderer(commission_of(values), fonts).render(document)
    return rendered.data


# ---------------------------------------------------------------- workbook

_FORMATS: Final = {"count": "#,##0", "percent": "0.0%", "days": "0.0", "money": "#,##0.00"}


def _put_text(cell: Any, text: str) -> None:
    """Write ``text`` as a text cell: a leading "=" (a name, an import) never becomes a formula."""
    cell.value = text
    cell.data_type = "s"


def _number(value: float | int | None, kind: str) -> float | int | None:
    if value is None:
        return None
    return value / 100 if kind == "money" else value


def _style_header(sheet: Any, row: int, columns: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    for col in range(1, columns + 1):
        cell = sheet.cell(row=row, column=col)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)


def _title(sheet: Any, title: str, subtitle: str, columns: int) -> None:
    from openpyxl.styles import Font

    _put_text(sheet.cell(row=1, column=1), title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    _put_text(sheet.cell(row=2, column=1), subtitle)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)


def _widths(sheet: Any, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def _figures_sheet(book: Any, report: Report) -> dict[str, int]:
    """The main sheet: every line with this period and last year; returns key → row."""
    from openpyxl.styles import Alignment, Font

    sheet = book.active
    sheet.title = "主要数据"
    scope = report.scope
    _title(sheet, TITLES[_kind(report)], f"统计期间：{scope.period_text}　范围：{scope.filter_text}"
           f"　制表日期：{scope.today.isoformat()}", 4)
    header = 3
    for col, text in enumerate(("项目", "本期", "去年同期", "说明"), start=1):
        _put_text(sheet.cell(row=header, column=col), text)
    _style_header(sheet, header, 4)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=2)
    lines = _lines(report)
    rows: dict[str, int] = {}
    row = header
    for line in lines:
        row += 1
        label = sheet.cell(row=row, column=1)
        _put_text(label, line.label)
        if line.indent:
            label.alignment = Alignment(indent=2 * line.indent)
        if line.heading:
            label.font = Font(bold=True)
            continue
        rows[line.key] = row
        for col, value in ((2, line.now), (3, line.last)):
            cell = sheet.cell(row=row, column=col)
            cell.value = _number(value, line.kind)
            cell.number_format = _FORMATS[line.kind]
        if line.definition:
            note = sheet.cell(row=row, column=4)
            _put_text(note, DEFINITIONS.get(line.definition, ""))
            note.alignment = Alignment(wrap_text=False, vertical="top")
    # Totals and rates as formulas over the cells they come from.
    for line in lines:
        if line.key not in rows:
            continue
        target = rows[line.key]
        parts = [rows[k] for k in line.sums_to if k in rows]
        for col_letter in "BC":
            formula = None
            if parts:
                formula = "=" + "+".join(f"{col_letter}{r}" for r in parts)
            elif line.key == "carried_forward" and {"carried_over", "accepted", "closed"} <= rows.keys():
                formula = (f"={col_letter}{rows['carried_over']}+{col_letter}{rows['accepted']}"
                           f"-{col_letter}{rows['closed']}")
            elif line.key == "mediation_rate" and {"mediated_on_site", "mediated_later", "awarded"} <= rows.keys():
                mediated = f"({col_letter}{rows['mediated_on_site']}+{col_letter}{rows['mediated_later']})"
                formula = (f'=IF({mediated}+{col_letter}{rows["awarded"]}=0,"",'
                           f'{mediated}/({mediated}+{col_letter}{rows["awarded"]}))')
            elif line.key in ("on_time_rate", "on_time_allowed_rate") and "on_time_base" in rows:
                part = rows["on_time" if line.key == "on_time_rate" else "on_time_allowed"]
                base = f"{col_letter}{rows['on_time_base']}"
                formula = f'=IF({base}=0,"",{col_letter}{part}/{base})'
            if formula is not None:
                sheet[f"{col_letter}{target}"] = formula
    _widths(sheet, (46, 14, 14, 100))
    return rows


def _table_sheet(book: Any, name: str, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 formats: Sequence[str | None], widths: Sequence[float], *,
                 total: str | None = None, total_formulas: dict[int, Callable[[int, int], str]] | None = None) -> None:
    """A plain list sheet: title, header (frozen), rows; optional totals row with formulas.

    ``formats`` gives each column's number format, or None for a text column (written as text).
    """
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    _title(sheet, title, "", len(headers))
    header = 3
    for col, text in enumerate(headers, start=1):
        _put_text(sheet.cell(row=header, column=col), text)
    _style_header(sheet, header, len(headers))
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    first = header + 1
    for r, values in enumerate(rows, start=first):
        for col, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
            cell = sheet.cell(row=r, column=col)
            if fmt is None:
                _put_text(cell, "" if value is None else str(value))
            else:
                cell.value = value
                cell.number_format = fmt
    last = first + len(rows) - 1
    if total is not None:
        r = last + 1
        _put_text(sheet.cell(row=r, column=1), total)
        sheet.cell(row=r, column=1).font = Font(bold=True)
        for col, fmt in enumerate(formats, start=1):
            if col == 1:
                continue
            letter = get_column_letter(col)
            make = (total_formulas or {}).get(col)
            if make is not None:
                sheet.cell(row=r, column=col).value = make(r, last)
            elif fmt is not None and fmt != "0.0%":
                sheet.cell(row=r, column=col).value = f"=SUM({letter}{first}:{letter}{max(last, first)})" \
                    if rows else 0
            else:
                continue
            sheet.cell(row=r, column=col).number_format = fmt or "General"
            sheet.cell(row=r, column=col).font = Font(bold=True)
    _widths(sheet, widths)


def _rate_formula(part_col: str, other_col: str) -> Callable[[int, int], str]:
    def make(row: int, _last: int) -> str:
        return f'=IF({part_col}{row}+{other_col}{row}=0,"",{part_col}{row}/({part_col}{row}+{other_col}{row}))'
    return make


def xlsx_bytes(report: Report) -> bytes:
    """The report as an .xlsx workbook (see the module's notes on numbers, formulas and text)."""
    import io

    import openpyxl  # imported on use: start-up stays fast

    book = openpyxl.Workbook()
    _figures_sheet(book, report)
    if isinstance(report, CircuitReport):
        monthly = [(m.label, m.sessions, m.hearings, m.observers, m.mediated, m.awarded, None)
                   for m in report.monthly]
        rate_cell = {7: _rate_formula("E", "F")}
        _table_sheet(book, "月度数据", "每月巡回开庭、旁听与结案",
                     ("月份", "场次", "在企业开庭", "旁听人次", "调解结案", "裁决结案", "调解成功率"), monthly,
                     (None, "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", "0.0%"), (12, 10, 12, 10, 10, 10, 12),
                     total="合计", total_formulas=rate_cell)
        for r in range(4, 4 + len(monthly)):
            book["月度数据"].cell(row=r, column=7).value = _rate_formula("E", "F")(r, r)
            book["月度数据"].cell(row=r, column=7).number_format = "0.0%"
        zones = [(z.zone, z.reached, z.directory, None) for z in report.reach_by_zone]
        _table_sheet(book, "各开发区覆盖", "各开发区覆盖企业", ("开发区", "已覆盖企业", "名录中的企业", "覆盖比例"),
                     zones, (None, "#,##0", "#,##0", "0.0%"), (30, 12, 14, 12), total="合计",
                     total_formulas={4: lambda r, _l: f'=IF(C{r}=0,"",B{r}/C{r})'})
        sheet = book["各开发区覆盖"]
        for r in range(4, 4 + len(zones)):
            sheet.cell(row=r, column=4).value = f'=IF(C{r}=0,"",B{r}/C{r})'
            sheet.cell(row=r, column=4).number_format = "0.0%"
        _table_sheet(book, "从未覆盖的企业", "名录中从未覆盖的企业", ("序号", "企业名称", "开发区"),
                     [(n, e.name, e.zone) for n, e in enumerate(report.never_reached, start=1)],
                     ("0", None, None), (8, 60, 30))
        by_type = report.current.cases_on_site_by_type
        _table_sheet(book, "案由", "现场审理案件按案由", ("案由", "件数"),
                     [(t.label_zh, n) for t, n in by_type], (None, "#,##0"), (36, 10), total="合计")
        _table_sheet(book, "讲授专题", "讲授专题", ("序号", "专题"),
                     [(n, t) for n, t in enumerate(report.current.topics, start=1)], ("0", None), (8, 60))
    lines = _lines(report)
    _numbers, texts = numbered_definitions(lines, "suspended_rule", "as_of")
    notes = [(n, text) for n, text in enumerate(list(report.notes) + texts, start=1)]
    _table_sheet(book, "说明", "统计口径与说明", ("序号", "说明"), notes, ("0", None), (8, 120))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- writing a file


def _check_target(path: str | os.PathLike[str], allowed: Sequence[str]) -> Path:
    target = Path(path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in allowed:
        raise ValidationError(msg("导出文件应以 {items} 结尾：{name}", items=' 或 '.join(allowed), name=target.name), {"out": msg("扩展名")})
    try:
        if not target.parent.is_dir():
            raise ValidationError(msg("文件夹不存在：{parent}", parent=target.parent), {"out": msg("文件夹不存在")})
        if target.is_dir():
            raise ValidationError(msg("{target} 是文件夹，请给出文件名", target=target), {"out": msg("是文件夹")})
    except OSError as exc:  # a name the file system refuses (too long, bad characters)
        raise ValidationError(msg("无法写入文件 {name}：{value}", name=target.name, value=exc.strerror or exc), {"out": msg("无法写入")}) from exc
    return target


def _write_atomic(target: Path, data: bytes) -> None:
    try:
        fd, temp = tempfile.mkstemp(prefix=".tribunal-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise ValidationError(msg("无法写入文件夹 {parent}：{value}", parent=target.parent, value=exc.strerror or exc), {"out": msg("无法写入")}) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ValidationError(msg("无法写入文件 {target}：{value}", target=target, value=exc.strerror or exc), {"out": msg("无法写入")}) from exc


def export_report(db: Database, report: Report, path: str | os.PathLike[str]) -> Path:
    """Write ``report`` to ``path`` (.xlsx or .pdf, by the name's ending); returns the file.

    Nothing is written unless the whole file could be made; the export is audited.

    Raises:
        ValidationError: the name does not end in .xlsx or .pdf, the folder is missing, or the
            file cannot be written.
    """
    target = _check_target(path, (".xlsx", ".pdf"))
    data = xlsx_bytes(report) if target.suffix.lower() == ".xlsx" else pdf_bytes(db, report)
    _write_atomic(target, data)
    with db.session() as s:
        audit.record(s, db.actor, "report.export", "report", None,
                     f"导出{TITLES[_kind(report)]}（{report.scope.period_text}，{report.scope.filter_text}）"
                     f"到 {target.name}")
    return target.absolute()

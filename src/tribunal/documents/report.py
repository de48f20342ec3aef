"""统计报表 — a report (circuit tribunal work, or the official returns' table) as an A4 PDF.

The services turn a report into a :class:`ReportDocument` of plain strings and chart specs;
this renderer lays it out on the common base: title, period and filters, the figures table
(this period beside the same period last year, each figure pointing to its numbered note),
the charts, any lists, and the notes with every figure's definition. Page x of y at the foot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.documents.charts import ChartSpec, drawing
from tribunal.documents.styles import SIZE

__all__ = ["ReportDocument", "ReportRenderer", "ReportRow", "ReportTable"]


@dataclass(frozen=True)
class ReportRow:
    """One row: its cells as printed; ``indent`` 1 for a part ("其中"); ``heading`` spans the row."""

    cells: tuple[str, ...]
    indent: int = 0
    heading: bool = False


@dataclass(frozen=True)
class ReportTable:
    """A titled table; ``widths`` are shares of the text width, one per column."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    widths: tuple[float, ...]
    numeric_from: int = 1  # columns from this one on are right-aligned numbers


@dataclass(frozen=True)
class ReportDocument:
    """Everything one report prints."""

    kind: str  # "circuit" or "stats"
    title: str
    period_text: str
    filter_text: str
    made_on: dt.date
    tables: tuple[ReportTable, ...]
    charts: tuple[ChartSpec, ...] = ()
    lists: tuple[ReportTable, ...] = ()
    notes: tuple[str, ...] = ()  # what the clerk should know about the data (printed first)
    definitions: tuple[str, ...] = ()  # numbered notes: what each figure counts


class ReportRenderer(DocumentRenderer[ReportDocument]):
    """A statistical report: a working table, so narrower margins than a letter and page x of y."""

    KIND = "report"
    TOP_MARGIN = 20 * mm
    BOTTOM_MARGIN = 22 * mm
    LEFT_MARGIN = 20 * mm
    RIGHT_MARGIN = 20 * mm
    PAGE_NUMBER_GAP = 5 * mm
    PAGE_NUMBERS = "x_of_y"
    GLYPH_SEED = "巡回仲裁庭工作情况统计表劳动人事争议处理情况本期去年同期注项目件场次人元天"

    def meta(self, data: ReportDocument) -> DocMeta:
        return DocMeta(title=f"{data.title}（{data.period_text}）", issue_date=data.made_on,
                       key=f"report:{data.kind}:{data.period_text}:{data.filter_text}")

    def footer_note(self, data: ReportDocument) -> str:
        return f"{self.commission.institute}　制表日期：{data.made_on.isoformat()}"

    def story(self, data: ReportDocument) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [
            self.p(data.title, s.title),
            self.p(f"统计期间：{data.period_text}　　范围：{data.filter_text}", s.subtitle),
        ]
        if data.notes:
            out.append(self.p("请注意：" + "；".join(n.rstrip("。") for n in data.notes) + "。", s.note))
            out.append(Spacer(1, 3 * mm))
        for table in data.tables:
            out += self._table(table)
        if data.charts:
            out.append(CondPageBreak(90 * mm))
            out.append(self.p("图表", s.h1_flush))
            out.append(Spacer(1, 2 * mm))
            for chart in data.charts:
                out.append(KeepTogether([drawing(chart, self.text_width(), 62 * mm),
                                         *( [self.p(chart.note, s.note)] if chart.note else []),
                                         Spacer(1, 4 * mm)]))
        for table in data.lists:
            out += self._table(table)
        if data.definitions:
            out.append(CondPageBreak(40 * mm))
            out.append(self.p("注", s.h1_flush))
            for n, text in enumerate(data.definitions, start=1):
                out.append(self.p(f"{n}. {text}", s.note))
        return out

    def _table(self, table: ReportTable) -> list[Flowable]:
        s = self.styles
        size = SIZE["五号"]
        cell = ParagraphStyle("report_cell", parent=s.cell, fontSize=size, leading=size * 1.35)
        number = ParagraphStyle("report_number", parent=cell, alignment=TA_RIGHT)
        head = ParagraphStyle("report_head", parent=s.cell_head, fontSize=size, leading=size * 1.35)
        rows: list[list[Any]] = [[self.p(h, head) for h in table.headers]]
        extra: list[tuple[Any, ...]] = []
        for r, row in enumerate(table.rows, start=1):
            if row.heading:
                rows.append([self.p(row.cells[0], head)] + [""] * (len(table.headers) - 1))
                extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F4F4F4")),
                          ("ALIGN", (0, r), (-1, r), "LEFT")]
                continue
            label = ParagraphStyle("report_part", parent=cell, leftIndent=2 * size) if row.indent else cell
            rows.append([self.p(row.cells[0], label)] + [
                self.p(c, number if i >= table.numeric_from else cell) for i, c in enumerate(row.cells[1:], start=1)])
        # Cells are prepared paragraphs (sizes chosen for the table), so every column is "text".
        columns = [Column(h, w * 100) for h, w in zip(table.headers, table.widths, strict=True)]
        grid = self.table(columns, rows, header=False, repeat_rows=1, padding=2.5,
                          extra=[("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")), *extra])
        return [self.p(table.title, s.h1_flush), Spacer(1, 1.5 * mm), grid, Spacer(1, 5 * mm)]

"""开庭排期表 — one circuit tribunal's hearings on one day (an internal working list)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.documents.data import DayList
from tribunal.documents.formatting import day_with_weekday, time_span

__all__ = ["DayListSheet"]


class DayListSheet(DocumentRenderer[DayList]):
    """开庭排期表 for the tribunal's staff: full names, panel, place; not for posting."""

    KIND = "day_list"
    # A table of seven columns reads better across the page: A4 landscape, 25 mm margins
    # (28 mm at the foot for the page number).
    PAGE_SIZE = landscape(A4)
    TOP_MARGIN = 25 * mm
    BOTTOM_MARGIN = 28 * mm
    LEFT_MARGIN = 25 * mm
    RIGHT_MARGIN = 25 * mm
    PAGE_NUMBER_GAP = 5 * mm
    PAGE_NUMBERS = "x_of_y"
    HEADER_MARK = "内部工作用表，请勿张贴"
    COLUMNS = (Column("时间", 24, "time", "center"), Column("案号", 44, "number"),
               Column("当事人", 52, min_width=30), Column("案由", 26, min_width=16),
               Column("地点", 40, min_width=24), Column("仲裁庭", 46, min_width=28),
               Column("审理", 15, "number", "center"))

    @staticmethod
    def title_for(data: DayList) -> str:
        """开庭排期表（邵阳经开区巡回仲裁庭，2026-12-09） — also how a reprint finds it again."""
        return f"开庭排期表（{data.tribunal}，{data.day.isoformat()}）"

    def names(self, data: DayList) -> list[str]:
        out: list[str] = []
        for r in data.rows:
            out += [r.case_number, r.clerk, *r.applicants.split("、"), *_names_in(r.panel)]
        return [name for name in out if name]

    def meta(self, data: DayList) -> DocMeta:
        return DocMeta(title=self.title_for(data), issue_date=data.issue_date,
                       key=f"daylist:{data.tribunal}:{data.day.isoformat()}")

    def story(self, data: DayList) -> list[Flowable]:
        s = self.styles
        rows: list[list[object]] = []
        for r in data.rows:
            time_text = time_span(r.starts_at, r.ends_at)
            if r.status_label:
                time_text += f"\n（{r.status_label}）"
            rows.append([
                time_text, r.case_number, f"申请人：{r.applicants}\n被申请人：{r.respondents}",
                r.case_type_label, r.place, f"{r.panel}；书记员{r.clerk}" if r.clerk else r.panel,
                "公开" if r.public else "不公开",
            ])
        if not data.rows:
            rows.append([self.p("当日没有排期的开庭。", s.cell), "", "", "", "", "", ""])
        extra = [("SPAN", (0, 1), (-1, 1))] if not data.rows else []
        title = f"{data.tribunal}开庭排期表"
        table = self.table(self.COLUMNS, rows, continued=title,
                           extra=[*extra, ("VALIGN", (0, 1), (-1, -1), "TOP")])
        return [
            self.p(title, s.title),
            self.p(f"{day_with_weekday(data.day)}　共{len(data.rows)}场", s.subtitle),
            table,
        ]


def _names_in(panel: str) -> list[str]:
    """The arbitrators' names in "首席仲裁员甲，仲裁员乙、丙" (for keeping them whole)."""
    text = panel
    for word in ("独任仲裁员", "首席仲裁员", "仲裁员", "（尚未组庭）"):
        text = text.replace(word, "，")
    return [name for part in text.split("，") for name in part.split("、") if name]

"""开庭排期表 — one circuit tribunal's hearings on one day (an internal working list)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from tribunal.documents.base import DocMeta, DocumentRenderer
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
    COLUMNS = (("时间", 26), ("案号", 40), ("当事人", 56), ("案由", 28), ("地点", 42),
               ("仲裁庭", 40), ("审理", 15))

    @staticmethod
    def title_for(data: DayList) -> str:
        """开庭排期表（邵阳经开区巡回仲裁庭，2026-12-09） — also how a reprint finds it again."""
        return f"开庭排期表（{data.tribunal}，{data.day.isoformat()}）"

    def meta(self, data: DayList) -> DocMeta:
        return DocMeta(title=self.title_for(data), issue_date=data.issue_date,
                       key=f"daylist:{data.tribunal}:{data.day.isoformat()}")

    def story(self, data: DayList) -> list[Flowable]:
        s = self.styles
        small = s.cell
        rows: list[list[object]] = [[self.p(t, s.cell_head) for t, _ in self.COLUMNS]]
        for r in data.rows:
            parties = f"申请人：{r.applicants}\n被申请人：{r.respondents}"
            time_text = time_span(r.starts_at, r.ends_at)
            if r.status_label:
                time_text += f"\n（{r.status_label}）"
            rows.append([
                self.pm("<br/>".join(self.m(x, small) for x in time_text.split("\n")), small),
                self.p(r.case_number, small),
                self.pm("<br/>".join(self.m(x, small) for x in parties.split("\n")), small),
                self.p(r.case_type_label, small),
                self.p(r.place, small),
                self.p(f"{r.panel}；书记员{r.clerk}" if r.clerk else r.panel, small),
                self.p("公开" if r.public else "不公开", s.cell_center),
            ])
        if not data.rows:
            rows.append([self.p("当日没有排期的开庭。", s.cell), "", "", "", "", "", ""])
        extra = [("SPAN", (0, 1), (-1, 1))] if not data.rows else []
        table = self.grid(rows, [w * mm for _, w in self.COLUMNS], header_rows=1, padding=3,
                          extra=[*extra, ("VALIGN", (0, 1), (-1, -1), "TOP")])
        return [
            self.p(f"{data.tribunal}开庭排期表", s.title),
            self.p(f"{day_with_weekday(data.day)}　共{len(data.rows)}场", s.subtitle),
            table,
        ]

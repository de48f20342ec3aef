"""送达回证 — proof of service for one hearing notice, signed by whoever receives it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from tribunal.documents import wording
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.formatting import hearing_time
from tribunal.documents.notice import NoticeTarget, addressee_line

__all__ = ["ServiceReceipt"]

_METHOD_CHOICES = "□直接送达　□邮寄送达　□留置送达　□电子送达　□其他："


class ServiceReceipt(DocumentRenderer[NoticeTarget]):
    """送达回证: recipient, document served, who served it; blanks for signature and date."""

    KIND = "service_receipt"
    GLYPH_SEED = (
        "送达回证案号由受送达人文书开庭通知书（定于年月日星期上午下午时分开庭）送达单位地点方式"
        "送达人签名或者盖章收到日期代收人及代收理由备注说明：123." + _METHOD_CHOICES
        + "".join(c.text + c.basis for c in wording.SERVICE_RULES)
    )

    def meta(self, data: NoticeTarget) -> DocMeta:
        return DocMeta(
            title=f"送达回证（{data.recipient}）",
            issue_date=data.hearing.issue_date,
            key=f"receipt:{data.key}",
            subject=f"{data.hearing.case_number} 送达回证",
        )

    def _blank_date(self) -> Table:
        """"年 月 日 时 分" with room to write the figures in (spaces would collapse)."""
        units = ["年", "月", "日", "时", "分"]
        cells: list[object] = []
        widths: list[float] = []
        for i, unit in enumerate(units):
            cells += ["", self.p(unit, self.styles.cell)]
            widths += [(16 if i == 0 else 10) * mm, 6 * mm]
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        table.setStyle(self.plain_table_style())
        return table

    def story(self, data: NoticeTarget) -> list[Flowable]:
        h = data.hearing
        s = self.styles
        service = h.service_of(data.party.id)
        method = service.method_label or _METHOD_CHOICES
        address = data.address
        label_width = 40 * mm
        value_width = self.text_width() - label_width

        def label(*lines: str) -> Flowable:
            return self.pm("<br/>".join(self.m(line, s.cell_head) for line in lines), s.cell_head)

        rows = [
            [label("案由"), f"{h.case_type_label}争议"],
            [label("受送达人"), addressee_line(data)],
            [label("送达文书"), f"开庭通知书（定于{hearing_time(h.starts_at)}开庭）"],
            [label("送达单位"), self.commission.issuer],
            [label("送达地点"), address],
            [label("送达方式"), method],
            [label("送达人"), h.clerk.name],
            [label("受送达人", "签名或者盖章"), ""],
            [label("收到日期"), self._blank_date()],
            [label("代收人及", "代收理由"), ""],
            [label("备注"), ""],
        ]
        heights: list[float | None] = [None] * len(rows)
        heights[7] = 22 * mm  # signature
        heights[9] = 13 * mm  # substitute recipient
        heights[10] = 13 * mm  # remarks
        story: list[Flowable] = [*self.heading_block("送达回证", number=h.case_number)]
        story.append(self.grid(rows, [label_width, value_width], padding=4, row_heights=heights))
        story.append(self.lines(0.3))
        notes = [f"{i}. {c.text.rstrip('。')}" + (f"（{c.basis}）" if c.basis else "") + "。"
                 for i, c in enumerate(wording.SERVICE_RULES, 1)]
        story.append(self.p("说明：" + " ".join(notes), s.note))
        return story

"""送达回证 — proof of service for one hearing notice, signed by whoever receives it (one sheet)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from tribunal.documents import wording
from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.documents.formatting import hearing_time
from tribunal.documents.notice import NoticeTarget, addressee_line, hearing_names

__all__ = ["ServiceReceipt"]

_METHOD_CHOICES = "□直接送达　□邮寄送达　□留置送达　□电子送达　□其他："
_NOTICE = "开庭通知书"


class ServiceReceipt(DocumentRenderer[NoticeTarget]):
    """送达回证: recipient, the document served (name, copies, signatory), where and how it was
    served, who served it; room for the recipient's signature and the date; the rules of service."""

    KIND = "service_receipt"
    ONE_SHEET = True
    GLYPH_SEED = (
        "送达回证案号由受送达人文书名称份数签发人开庭通知书（定于年月日星期上午下午时分开庭）送达单位地点方式"
        "送达人签名或者盖章收到日期代收人及代收理由备注说明：1234." + _METHOD_CHOICES
        + "".join(c.text + c.basis for c in wording.SERVICE_RULES)
    )

    def names(self, data: NoticeTarget) -> list[str]:
        return hearing_names(data.hearing)

    def meta(self, data: NoticeTarget) -> DocMeta:
        return DocMeta(
            title=f"送达回证（{data.recipient}）",
            issue_date=data.hearing.issue_date,
            key=f"receipt:{data.key}",
            subject=f"{data.hearing.case_number} 送达回证",
        )

    def fields(self, data: NoticeTarget) -> dict[str, str]:
        return {"受送达人": addressee_line(data), "送达地点": data.address, "送达单位": self.commission.issuer}

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

        def label(*lines: str) -> Flowable:
            return self.pm("<br/>".join(self.m(line, s.cell_head) for line in lines), s.cell_head)

        span = [("SPAN", (1, r), (3, r)) for r in (0, 1, 4, 5, 6, 7, 8, 9, 10, 11)]
        rows: list[list[object]] = [
            [label("案由"), f"{h.case_type_label}争议", None, None],
            [label("受送达人"), addressee_line(data), None, None],
            [label("送达文书"), label("文书名称"), label("份数"), label("签发人")],
            [None, f"{_NOTICE}（定于{hearing_time(h.starts_at)}开庭）", "1", self.commission.signatory],
            [label("送达单位"), self.commission.issuer, None, None],
            [label("送达地点"), data.address, None, None],
            [label("送达方式"), method, None, None],
            [label("送达人"), h.clerk.name, None, None],
            [label("受送达人", "签名或者盖章"), self.box(self.fit.scale(16 * mm)), None, None],
            [label("收到日期"), self._blank_date(), None, None],
            [label("代收人及", "代收理由"), self.box(self.fit.scale(9 * mm)), None, None],
            [label("备注"), self.box(self.fit.scale(9 * mm)), None, None],
        ]
        columns = [Column("", 32, "text", "center"), Column("", 84, "text"), Column("", 14, "number", "center"),
                   Column("", 26, "name", "center")]
        table = self.table(columns, rows, header=False, padding=3,
                           extra=[*span, ("SPAN", (0, 2), (0, 3))])
        notes = [self.p("说明：", s.note)]
        for i, clause in enumerate(wording.SERVICE_RULES, 1):
            basis = f"（{clause.basis}）" if clause.basis else ""
            notes.append(self.p(f"{i}. {clause.text.rstrip('。')}{basis}。", s.note_item))
        return [*self.heading_block("送达回证", number=h.case_number), table, self.lines(0.3), *notes]

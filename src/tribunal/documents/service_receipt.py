"""送达回证 — proof of service for one hearing notice, signed by whoever receives it (one sheet)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from tribunal.documents import wording
from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.documents.formatting import hearing_time
from tribunal.documents.notice import NoticeTarget, addressee_line, hearing_names

__all__ = ["ServiceReceipt", "receipt_story"]

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

    def story(self, data: NoticeTarget) -> list[Flowable]:
        h = data.hearing
        service = h.service_of(data.party.id)
        return receipt_story(self, number=h.case_number, case_type_label=h.case_type_label,
                             addressee=addressee_line(data),
                             document=f"{_NOTICE}（定于{hearing_time(h.starts_at)}开庭）",
                             address=data.address, method=service.method_label, server=h.clerk.name)


def receipt_story(r: DocumentRenderer[Any], *, number: str, case_type_label: str, addressee: str, document: str,
                  address: str, method: str = "", server: str = "") -> list[Flowable]:
    """The proof-of-service sheet: one table and the rules of service under it.

    Shared by the hearing notice's slip and the case notices' slips (services.notices):
    ``method`` empty prints the boxes to tick; ``server`` empty leaves the line to be signed.
    """
    s = r.styles

    def label(*lines: str) -> Flowable:
        return r.pm("<br/>".join(r.m(line, s.cell_head) for line in lines), s.cell_head)

    def blank_date() -> Table:
        """"年 月 日 时 分" with room to write the figures in (spaces would collapse)."""
        units = ["年", "月", "日", "时", "分"]
        cells: list[object] = []
        widths: list[float] = []
        for i, unit in enumerate(units):
            cells += ["", r.p(unit, s.cell)]
            widths += [(16 if i == 0 else 10) * mm, 6 * mm]
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        table.setStyle(r.plain_table_style())
        return table

    span = [("SPAN", (1, row), (3, row)) for row in (0, 1, 4, 5, 6, 7, 8, 9, 10, 11)]
    rows: list[list[object]] = [
        [label("案由"), f"{case_type_label}争议", None, None],
        [label("受送达人"), addressee, None, None],
        [label("送达文书"), label("文书名称"), label("份数"), label("签发人")],
        [None, document, "1", r.commission.signatory],
        [label("送达单位"), r.commission.issuer, None, None],
        [label("送达地点"), address, None, None],
        [label("送达方式"), method or _METHOD_CHOICES, None, None],
        [label("送达人"), server, None, None],
        [label("受送达人", "签名或者盖章"), r.box(r.fit.scale(16 * mm)), None, None],
        [label("收到日期"), blank_date(), None, None],
        [label("代收人及", "代收理由"), r.box(r.fit.scale(9 * mm)), None, None],
        [label("备注"), r.box(r.fit.scale(9 * mm)), None, None],
    ]
    columns = [Column("", 32, "text", "center"), Column("", 84, "text"), Column("", 14, "number", "center"),
               Column("", 26, "name", "center")]
    table = r.table(columns, rows, header=False, padding=3, extra=[*span, ("SPAN", (0, 2), (0, 3))])
    notes = [r.p("说明：", s.note)]
    for i, clause in enumerate(wording.SERVICE_RULES, 1):
        basis = f"（{clause.basis}）" if clause.basis else ""
        notes.append(r.p(f"{i}. {clause.text.rstrip('。')}{basis}。", s.note_item))
    return [*r.heading_block("送达回证", number=number), table, r.lines(0.3), *notes]

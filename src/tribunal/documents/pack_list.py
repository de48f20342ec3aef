"""文书清单 — the cover list of a hearing pack: every document, its pages and what to do with it.

This sheet is for the clerk and the staff, never handed out: where the announcement is
posted and when it comes down, which copy goes to whom, belong here rather than on the
documents themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from tribunal.documents.base import Column, DocMeta, DocumentRenderer

__all__ = ["PackList", "PackListData", "PackListRow"]


@dataclass(frozen=True)
class PackListRow:
    """One document of the pack as the list shows it."""

    title: str
    pages: int
    purpose: str
    group: str = ""  # the hearing it belongs to, in a day's pack


@dataclass(frozen=True)
class PackListData:
    """The pack: its title line, when and where, the documents and the notes for the clerk."""

    title: str
    subtitle: str
    rows: tuple[PackListRow, ...]
    notes: tuple[str, ...]
    issue_date: dt.date
    key: str


class PackList(DocumentRenderer[PackListData]):
    """文书清单: 序号, 文书, 页数, 用途和处理 — an internal working list."""

    KIND = "pack_list"
    HEADER_MARK = "内部工作用表，请勿外发"
    PAGE_NUMBERS = "x_of_y"
    GLYPH_SEED = "开庭文书清单序号文书页数用途和处理提示：送达随开庭通知书由受送达人签名后收回附卷请张贴于公告栏或者会场入口处，开庭结束后撤下0123456789"
    COLUMNS = (Column("序号", 12, "number", "center"), Column("文书", 62, min_width=30),
               Column("页数", 14, "number", "center"), Column("用途和处理", 68, min_width=30))

    def meta(self, data: PackListData) -> DocMeta:
        return DocMeta(title=f"文书清单（{data.title}）", issue_date=data.issue_date, key=f"packlist:{data.key}")

    def story(self, data: PackListData) -> list[Flowable]:
        s = self.styles
        rows: list[list[object]] = []
        group = ""
        for n, row in enumerate(data.rows, 1):
            if row.group and row.group != group:
                group = row.group
                rows.append([self.p(group, s.cell_head), "", "", ""])
            rows.append([str(n), row.title, str(row.pages), row.purpose])
        spans = [("SPAN", (0, r + 1), (-1, r + 1)) for r, row in enumerate(rows) if row[1] == ""]
        story: list[Flowable] = [
            self.p("开庭文书清单", s.title),
            self.p(data.subtitle, s.subtitle),
            self.table(self.COLUMNS, rows, continued="开庭文书清单", extra=spans),
        ]
        if data.notes:
            story.append(self.lines(0.4))
            story.append(self.p("提示：", s.h1_flush))
            story += [self.p(f"{i}. {note}", s.note_item) for i, note in enumerate(data.notes, 1)]
        return story

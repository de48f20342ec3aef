"""签到表 — the observers' sign-in sheet: invitees pre-filled with a check-in QR code, blank rows."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from tribunal.documents import wording
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import Invitee, PublicHearing
from tribunal.documents.formatting import hearing_time

__all__ = ["SignInData", "SignInSheet"]


@dataclass(frozen=True)
class SignInData:
    """The hearing, who is expected (declined invitations left out) and how many blank rows."""

    hearing: PublicHearing
    invitees: tuple[Invitee, ...]
    blank_rows: int = 10


class SignInSheet(DocumentRenderer[SignInData]):
    """签到表: 序号, 姓名, 单位, 职务, 签到时间, 签名, 签到码; no phone or ID number columns.

    The QR code of each pre-filled row holds the invitation's check-in code (``TRB1:<token>``)
    so the check-in screen can tick the person by scanning the sheet as well as the letter.
    """

    KIND = "sign_in"
    GLYPH_SEED = (
        "巡回仲裁庭审观摩暨劳动法律培训签到表时间：地点：庭审案件：序号姓名单位职务签到时间签名签到码"
        "已收到邀请的人员请在本人所在行签名；未列出的人员请在空白行填写。签到码供签到处扫码登记使用。"
        "0123456789:" + wording.SIGN_IN_PRIVACY
    )
    PAGE_NUMBERS = "x_of_y"
    QR_SIZE = 15 * mm
    COLUMNS = (("序号", 12), ("姓名", 19), ("单位", 38), ("职务", 24), ("签到时间", 21),
               ("签名", 24), ("签到码", 18))

    def meta(self, data: SignInData) -> DocMeta:
        return DocMeta(title="旁听人员签到表", issue_date=data.hearing.issue_date,
                       key=f"signin:h{data.hearing.hearing_id}")

    def footer_note(self, data: SignInData) -> str:
        h = data.hearing
        contact = h.clerk.name or self.commission.institute
        phone = h.clerk.phone or self.commission.phone
        return wording.SIGN_IN_PRIVACY.format(institute=self.commission.institute,
                                              contact=contact + (f"（{phone}）" if phone else ""))

    def story(self, data: SignInData) -> list[Flowable]:
        h = data.hearing
        s = self.styles
        header = [self.p(title, s.cell_head) for title, _ in self.COLUMNS]
        rows: list[list[object]] = [header]
        heights: list[float | None] = [None]
        for n, person in enumerate(data.invitees, 1):
            checked = person.checked_in_at.strftime("%H:%M") if person.checked_in_at else ""
            rows.append([
                self.p(str(n), s.cell_center), self.p(person.name, s.cell_center),
                self.p(person.enterprise, s.cell), self.p(person.title, s.cell),
                self.p(checked, s.cell_center), "", self.qr(person.check_in_code, self.QR_SIZE),
            ])
            heights.append(self.QR_SIZE + 4)
        for n in range(len(data.invitees) + 1, len(data.invitees) + data.blank_rows + 1):
            rows.append([self.p(str(n), s.cell_center), "", "", "", "", "", ""])
            heights.append(10 * mm)
        widths = [w * mm for _, w in self.COLUMNS]
        table = self.grid(rows, widths, header_rows=1, padding=3, row_heights=heights,
                          extra=[("ALIGN", (6, 1), (6, -1), "CENTER")])
        return [
            self.p("巡回仲裁庭审观摩暨劳动法律培训签到表", s.title),
            self.p(f"时间：{hearing_time(h.starts_at)}", s.cell),
            self.p(f"地点：{h.venue.place}", s.cell),
            self.p(f"庭审案件：{h.caption}", s.cell),
            self.lines(0.3),
            table,
            self.lines(0.3),
            self.p("已收到邀请的人员请在本人所在行签名；未列出的人员请在空白行填写。"
                   "签到码供签到处扫码登记使用。", s.note),
        ]

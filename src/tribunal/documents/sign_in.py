"""签到表 — the observers' sign-in sheet: invitees pre-filled with a check-in QR code, blank rows."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from tribunal.documents import wording
from tribunal.documents.announcement import public_names
from tribunal.documents.base import Column, DocMeta, DocumentRenderer
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
    QR_SIZE = 14 * mm
    TITLE = "巡回仲裁庭审观摩暨劳动法律培训签到表"
    COLUMNS = (Column("序号", 9, "number", "center"), Column("姓名", 22, "name", "center"),
               Column("单位", 40, min_width=26), Column("职务", 27, min_width=18),
               Column("签到时间", 15, "time", "center"), Column("签名", 25, "box"),
               Column("签到码", 18, "box"))

    def names(self, data: SignInData) -> list[str]:
        return [*public_names(data.hearing), *(person.name for person in data.invitees)]

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
        padding = 3
        rows: list[list[object]] = []
        for n, person in enumerate(data.invitees, 1):
            checked = person.checked_in_at.strftime("%H:%M") if person.checked_in_at else ""
            rows.append([str(n), person.name, person.enterprise, person.title, checked, None,
                         self.qr(person.check_in_code, self.QR_SIZE)])
        # A blank row is 9 mm high (room to write a name and sign) unless its text needs more.
        blank = self.box(max(4 * mm, self.fit.scale(9 * mm) - 2 * padding))
        for n in range(len(data.invitees) + 1, len(data.invitees) + data.blank_rows + 1):
            rows.append([str(n), "", "", "", "", blank, ""])
        table = self.table(self.COLUMNS, rows, continued=self.TITLE, padding=padding)
        return [
            self.p(self.TITLE, s.title),
            self.p(f"时间：{hearing_time(h.starts_at)}", s.cell),
            self.p(f"地点：{h.venue.place}", s.cell),
            self.p(f"庭审案件：{h.caption}", s.cell),
            self.p("已收到邀请的人员请在本人所在行签名；未列出的人员请在空白行填写。"
                   "签到码供签到处扫码登记使用。", s.note),
            self.lines(0.3),
            table,
        ]

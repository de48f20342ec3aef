"""旁听邀请函 — the observer invitation to one enterprise: letter, reply slip, observers' rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from tribunal.documents import wording
from tribunal.documents.announcement import public_composition, public_names
from tribunal.documents.base import Column, DocMeta, DocumentRenderer
from tribunal.documents.data import InvitationLetter, PublicHearing
from tribunal.documents.formatting import arabic_date, day_with_weekday, time_span
from tribunal.documents.layout import Continued
from tribunal.documents.observer_rules import rules_flowables

__all__ = ["CHECK_IN_LEAD", "InvitationData", "ObserverInvitation"]

#: How long before the hearing check-in opens.
CHECK_IN_LEAD = dt.timedelta(minutes=20)


@dataclass(frozen=True)
class InvitationData:
    """One letter of invitation and the (public) hearing it invites to."""

    hearing: PublicHearing
    letter: InvitationLetter

    @property
    def key(self) -> str:
        """Stable identity: the hearing and the first invitation of the letter."""
        first = min((i.invitation_id for i in self.letter.invitees), default=0)
        return f"h{self.hearing.hearing_id}-i{first}"


class ObserverInvitation(DocumentRenderer[InvitationData]):
    """旁听邀请函: the letter (one page, signed), then 附件1 旁听须知, 附件2 签到码 (one card per
    invitee with a check-in QR code, to cut out and hand round) and 附件3 回执."""

    KIND = "invitation"
    GLYPH_SEED = (
        "旁听邀请函：为以案释法，定于年月日（星期）在"
        "举办巡回仲裁庭审观摩暨劳动法律培训，诚邀贵单位参加。安排如下：地点路线进入厂区请服从企业安保人员的安排"
        "签到入场。庭审观摩：一案。仲裁庭由首席仲裁员、仲裁员和组成，书记员。劳动法律培训：主讲人主要内容"
        "请于前交回回执（附件3）或者电话告知联系人（）。本次为贵单位预留旁听席位个，"
        "凭签到码（附件2）或者身份证件签到。附件：1.2.3.回　执签到码旁听须知"
        "单位名称姓名职务手机号码是否参加培训□是　□否请于前将回执交回，或者电话告知联系人；不能参加的，也请告知，"
        "以便安排座位。手机号码仅用于活动当天的联络。公开开庭审理的劳动人事争议案件，欢迎旁听。为保障庭审秩序，"
        "保护当事人的合法权益，请旁听人员遵守以下规定：一二三四五六七八、0123456789:—（续）"
        + "".join(wording.OBSERVER_RULES) + wording.OBSERVER_RULES_BASIS + wording.OBSERVER_PRIVACY
    )
    # The letter and each attachment should end on a page they fill: try a little tighter first.
    SAVE_LAST_PAGE = True
    CARDS_PER_ROW = 4
    QR_SIZE = 20 * mm
    ATTACHMENTS = ("旁听须知", "签到码", "回执")

    def names(self, data: InvitationData) -> list[str]:
        return [*public_names(data.hearing), *(person.name for person in data.letter.invitees)]

    def meta(self, data: InvitationData) -> DocMeta:
        return DocMeta(title=f"旁听邀请函（{data.letter.addressee}）", issue_date=data.hearing.issue_date,
                       key=f"invitation:{data.key}")

    def _contact(self, hearing: PublicHearing) -> str:
        phone = hearing.clerk.phone or self.commission.phone
        name = hearing.clerk.name or self.commission.institute
        return name + (f"，电话：{phone}" if phone else "")

    def _schedule(self, h: PublicHearing) -> Flowable:
        venue = h.venue
        where = venue.place + (f"（{venue.address}）" if venue.address else "")
        if venue.directions:
            where += f"。路线：{venue.directions.rstrip('。')}"
        if venue.at_enterprise:
            where += "。进入厂区请服从企业安保人员的安排"
        check_in = h.starts_at - CHECK_IN_LEAD
        rows: list[list[object]] = [
            ["地点", where + "。"],
            [time_span(check_in, h.starts_at), "签到入场。"],
            [time_span(h.starts_at, h.ends_at), f"庭审观摩：{h.caption}一案。{public_composition(h)}"],
        ]
        t = h.training
        if t.title:
            # The topics themselves are in the handout; the title says enough here.
            training = f"劳动法律培训：{t.title}" + (f"，主讲人：{t.speaker}" if t.speaker else "")
            if t.venue and t.venue != venue.place:
                training += f"，地点：{t.venue}"
            rows.append([time_span(t.starts_at, t.ends_at), training + "。"])
        columns = [Column("", 30, "time", "center"), Column("", 126)]
        return self.table(columns, rows, header=False, padding=2.5)

    def _cards(self, data: InvitationData) -> list[Flowable]:
        """Check-in cards, four to a row: QR code, the invitee's name, their title."""
        s = self.styles
        per_row = self.CARDS_PER_ROW
        inner = self.text_width() / per_row - 8
        cards: list[object] = []
        for person in data.letter.invitees:
            card: list[Flowable] = [self.qr(person.check_in_code, self.QR_SIZE),
                                    self._one_line(person.name, "name", s.cell_center, inner)]
            if person.title:
                card.append(self.p(person.title, s.cell_small_center))
            cards.append(card)
        rows = [cards[i:i + per_row] for i in range(0, len(cards), per_row)]
        rows[-1] += [""] * (per_row - len(rows[-1]))
        table = Table(rows, colWidths=[self.text_width() / per_row] * per_row, hAlign="CENTER")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.fonts.font("fangsong"), self.fit.cell),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        caption = "附件2　签到码"
        return [
            self.p("附件2", s.h1_flush),
            self.p("签到码", s.slip_title),
            self.p("每人一码，可沿格线剪开分发；签到时出示本人签到码即可，也可以凭本人身份证件签到。", s.note),
            self.lines(0.3),
            Continued(table, self.p(f"{caption}（续）", s.continued)),
        ]

    def _reply_slip(self, data: InvitationData) -> list[Flowable]:
        s = self.styles
        letter = data.letter
        columns = [Column("姓名", 34, "name", "center"), Column("职务", 44, min_width=24),
                   Column("手机号码", 44, "box"), Column("是否参加培训", 34, "box")]
        rows: list[list[object]] = [[person.name, person.title, self.box(self.fit.scale(9 * mm)),
                                     self.p("□是　□否", s.cell_center)] for person in letter.invitees]
        rows += [["", "", self.box(self.fit.scale(9 * mm)), self.p("□是　□否", s.cell_center)] for _ in range(2)]
        enterprise = self.table([Column("单位名称", 34, "text", "center"), Column("", 122)],
                                [[self.p("单位名称", s.cell_head), letter.enterprise or "—"]], header=False,
                                padding=5)
        return [
            self.p("附件3", s.h1_flush),
            self.p("回　执", s.slip_title),
            enterprise,
            self.table(columns, rows, padding=5, continued="附件3　回执"),
            self.lines(0.5),
            self.p(f"请于{arabic_date(letter.reply_by)}前将回执交回，或者电话告知联系人（{self._contact(data.hearing)}）；"
                   "不能参加的，也请告知，以便安排座位。手机号码仅用于活动当天的联络。", s.compact),
            self.p(wording.OBSERVER_PRIVACY, s.note),
        ]

    def story(self, data: InvitationData) -> list[Flowable]:
        h, letter = data.hearing, data.letter
        s = self.styles
        names = [p.name for p in letter.invitees]
        if not letter.enterprise:
            who = "您"
        elif len(names) <= 3:
            who = f"贵单位{'、'.join(names)}"
        else:
            who = f"贵单位{'、'.join(names[:3])}等{len(names)}位同志"
        phone = h.clerk.phone or self.commission.phone
        contact = (h.clerk.name or self.commission.institute) + (f"（{phone}）" if phone else "")
        # Short enough that with the usual data the letter, its list of attachments and the
        # signature stay on one page: the rest is said in the attachments themselves.
        reply = self.p(
            f"请于{arabic_date(letter.reply_by)}前交回回执（附件3）或者电话告知联系人{contact}。"
            + (f"本次为贵单位预留旁听席位{len(names)}个，" if letter.enterprise else "")
            + "凭签到码（附件2）或者身份证件签到。", s.body)
        return [
            self.p("旁听邀请函", s.title),
            self.p(f"{letter.addressee}：", s.addressee),
            self.p(
                f"为以案释法，{self.commission.institute}定于"
                f"{day_with_weekday(h.starts_at.date())}在{h.venue.host}举办巡回仲裁庭审观摩暨劳动法律培训，"
                f"诚邀{who}参加。安排如下：", s.body),
            self._schedule(h),
            self.lines(0.2),
            self.closing([reply], h.issue_date, issuer=self.commission.institute, gap=0.5,
                         attachments=self.ATTACHMENTS),
            self.section_end(),
            PageBreak(),
            self.p("附件1", s.h1_flush),
            *rules_flowables(self, h, compact=True),
            self.section_end(),
            PageBreak(),
            *self._cards(data),
            self.section_end(),
            PageBreak(),
            *self._reply_slip(data),
        ]

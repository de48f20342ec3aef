"""旁听邀请函 — the observer invitation to one enterprise: letter, reply slip, observers' rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table

from tribunal.documents import wording
from tribunal.documents.announcement import public_composition
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import InvitationLetter, PublicHearing
from tribunal.documents.formatting import arabic_date, day_with_weekday, time_span
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
    """旁听邀请函 with the day's schedule, the venue, a check-in QR code per invitee,
    a reply slip (回执) and the observers' rules (旁听须知)."""

    KIND = "invitation"
    GLYPH_SEED = (
        "旁听邀请函：为以案释法，帮助企业依法规范用工、构建和谐劳动关系，定于年月日（星期）在"
        "举办巡回仲裁庭审观摩暨劳动法律培训，诚邀贵单位参加。安排如下：地点路线进入厂区请服从企业安保人员的安排"
        "签到入场。庭审观摩：一案。仲裁庭由首席仲裁员、仲裁员和组成，书记员。劳动法律培训：主讲人主要内容"
        "请于前交回回执（附件2）或者电话告知联系人。本次为贵单位预留旁听席位个，"
        "签到时请出示下列签到码或者本人身份证件，旁听时请遵守旁听须知（附件1）。附件1附件2回　执单位名称姓名职务手机号码"
        "是否参加培训□是　□否请于前将回执交回，或者电话告知联系人；不能参加的，也请告知，以便安排座位。"
        "手机号码仅用于活动当天的联络。公开开庭审理的劳动人事争议案件，欢迎旁听。为保障庭审秩序，"
        "保护当事人的合法权益，请旁听人员遵守以下规定：一二三四五六七八、0123456789:—"
        + "".join(wording.OBSERVER_RULES) + wording.OBSERVER_RULES_BASIS + wording.OBSERVER_PRIVACY
    )

    def meta(self, data: InvitationData) -> DocMeta:
        return DocMeta(title=f"旁听邀请函（{data.letter.addressee}）", issue_date=data.hearing.issue_date,
                       key=f"invitation:{data.key}")

    def footer_note(self, data: InvitationData) -> str:
        return wording.OBSERVER_PRIVACY

    def _contact(self, hearing: PublicHearing) -> str:
        phone = hearing.clerk.phone or self.commission.phone
        name = hearing.clerk.name or self.commission.institute
        return name + (f"，电话：{phone}" if phone else "")

    def _schedule(self, h: PublicHearing) -> Table:
        s = self.styles
        venue = h.venue
        where = venue.place + (f"（{venue.address}）" if venue.address else "")
        if venue.directions:
            where += f"。路线：{venue.directions.rstrip('。')}"
        if venue.at_enterprise:
            where += "。进入厂区请服从企业安保人员的安排"
        check_in = h.starts_at - CHECK_IN_LEAD
        rows: list[list[object]] = [
            [self.p("地点", s.cell_center), where + "。"],
            [self.p(time_span(check_in, h.starts_at), s.cell_center), "签到入场。"],
            [self.p(time_span(h.starts_at, h.ends_at), s.cell_center),
             f"庭审观摩：{h.caption}一案。{public_composition(h)}"],
        ]
        t = h.training
        if t.title:
            # The topics themselves are in the handout; the title says enough here.
            training = f"劳动法律培训：{t.title}" + (f"，主讲人：{t.speaker}" if t.speaker else "")
            rows.append([self.p(time_span(t.starts_at, t.ends_at), s.cell_center), training + "。"])
        widths = [30 * mm, self.text_width() - 30 * mm]
        return self.grid(rows, widths, padding=4)

    def _invitees(self, data: InvitationData) -> list[Flowable]:
        """Check-in cards side by side, four to a row: QR code above, name and title below.

        When the last row has room (two free places or more), the signature goes there, so a
        letter to one or two people stays on one page.
        """
        s = self.styles
        qr_size = 20 * mm
        per_row = 4
        cell_width = self.text_width() / per_row
        cards: list[Flowable | str] = []
        for person in data.letter.invitees:
            label = person.name + (f"（{person.title}）" if person.title else "")
            cards.append([self.qr(person.check_in_code, qr_size), self.p(label, s.cell_center)])
        rows = [cards[i:i + per_row] for i in range(0, len(cards), per_row)] or [[]]
        free = per_row - len(rows[-1])
        signature = self.signature(data.hearing.issue_date, issuer=self.commission.institute,
                                   indent=False)
        commands: list[tuple[object, ...]] = [("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                              ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
        after: list[Flowable] = []
        if free >= 2:
            first = per_row - free
            rows[-1] += [signature] + [""] * (free - 1)
            commands += [("SPAN", (first, len(rows) - 1), (-1, len(rows) - 1)),
                         ("VALIGN", (first, len(rows) - 1), (-1, len(rows) - 1), "BOTTOM"),
                         ("ALIGN", (first, len(rows) - 1), (-1, len(rows) - 1), "RIGHT")]
        else:
            rows[-1] += [""] * free
            after = [KeepTogether([self.lines(0.6), self.signature(data.hearing.issue_date,
                                                                   issuer=self.commission.institute)])]
        table = Table(rows, colWidths=[cell_width] * per_row, hAlign="LEFT")
        table.setStyle(self.plain_table_style())
        table.setStyle(commands)
        return [table, *after]

    def _reply_slip(self, data: InvitationData) -> list[Flowable]:
        s = self.styles
        letter = data.letter
        width = self.text_width()
        rows: list[list[object]] = [
            [self.p("单位名称", s.cell_head), letter.enterprise or "—", "", ""],
            [self.p("姓名", s.cell_head), self.p("职务", s.cell_head), self.p("手机号码", s.cell_head),
             self.p("是否参加培训", s.cell_head)],
        ]
        for person in letter.invitees:
            rows.append([self.p(person.name, s.cell_center), self.p(person.title, s.cell_center), "",
                         self.p("□是　□否", s.cell_center)])
        for _ in range(2):
            rows.append(["", "", "", self.p("□是　□否", s.cell_center)])
        heights: list[float | None] = [None, None] + [12 * mm] * (len(rows) - 2)
        table = self.grid(rows, [width * 0.22, width * 0.28, width * 0.28, width * 0.22],
                          padding=5, row_heights=heights, extra=[("SPAN", (1, 0), (3, 0))])
        return [
            self.p("附件2", s.h1_flush),
            self.p("回　执", s.slip_title),
            table,
            self.lines(0.5),
            self.p(f"请于{arabic_date(letter.reply_by)}前将回执交回，或者电话告知联系人（{self._contact(data.hearing)}）；"
                   "不能参加的，也请告知，以便安排座位。手机号码仅用于活动当天的联络。", s.compact),
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
        story: list[Flowable] = [
            self.p("旁听邀请函", s.title),
            self.p(f"{letter.addressee}：", s.addressee),
            self.p(
                f"为以案释法，帮助企业依法规范用工、构建和谐劳动关系，{self.commission.institute}定于"
                f"{day_with_weekday(h.starts_at.date())}在{h.venue.host}举办巡回仲裁庭审观摩暨劳动法律培训，"
                f"诚邀{who}参加。安排如下：", s.body),
            self._schedule(h),
            self.lines(0.2),
            self.p(
                f"请于{arabic_date(letter.reply_by)}前交回回执（附件2）或者电话告知联系人{self._contact(h)}。"
                + (f"本次为贵单位预留旁听席位{len(names)}个，" if letter.enterprise else "")
                + "签到时请出示下列签到码或者本人身份证件，旁听时请遵守旁听须知（附件1）。", s.body),
            self.lines(0.2),
            *self._invitees(data),
            PageBreak(),
            self.p("附件1", s.h1_flush),
            *rules_flowables(self, h, compact=True),
            PageBreak(),
            *self._reply_slip(data),
        ]
        return story

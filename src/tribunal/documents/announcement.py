"""开庭公告 — the public hearing announcement for the host enterprise's notice board."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import PublicHearing
from tribunal.documents.formatting import clock, hearing_time

__all__ = ["HearingAnnouncement", "public_composition", "public_names"]


def public_names(hearing: PublicHearing) -> list[str]:
    """The names an observers' document prints (the tribunal's, the speaker's): kept whole."""
    out = [hearing.clerk.name, hearing.training.speaker, *(seat.name for seat in hearing.panel)]
    return [name for name in out if name]


def public_composition(hearing: PublicHearing) -> str:
    """仲裁庭由首席仲裁员甲、仲裁员乙和丙组成，书记员丁 (arbitrators are public officials)."""
    sole = [s.name for s in hearing.panel if s.role == "sole"]
    presiding = [s.name for s in hearing.panel if s.role == "presiding"]
    members = [s.name for s in hearing.panel if s.role == "member"]
    clerk = f"，书记员{hearing.clerk.name}" if hearing.clerk.name else ""
    if sole:
        return f"本案由仲裁员{sole[0]}独任仲裁{clerk}。"
    if presiding or members:
        who = []
        if presiding:
            who.append(f"首席仲裁员{presiding[0]}")
        if members:
            who.append(f"仲裁员{'、'.join(members)}")
        return f"仲裁庭由{'和'.join(who)}组成{clerk}。"
    return ""


class HearingAnnouncement(DocumentRenderer[PublicHearing]):
    """开庭公告: when, where, which (de-identified) case, who sits, how to observe."""

    KIND = "announcement"
    # A poster: one sheet. Where to post it and when to take it down is for the staff, and
    # goes on the pack's cover list, not on the poster.
    ONE_SHEET = True

    def names(self, data: PublicHearing) -> list[str]:
        return public_names(data)

    def meta(self, data: PublicHearing) -> DocMeta:
        return DocMeta(title="开庭公告", issue_date=data.issue_date, key=f"announcement:h{data.hearing_id}")

    def fields(self, data: PublicHearing) -> dict[str, str]:
        return {"开庭地点": data.venue.place, "地址": data.venue.address, "案件": data.caption,
                "培训名称": data.training.title}

    def story(self, data: PublicHearing) -> list[Flowable]:
        s = self.styles
        venue = data.venue
        where = venue.place + (f"（地址：{venue.address}）" if venue.address else "")
        story: list[Flowable] = [*self.heading_block("开庭公告", large=True), self.lines(0.5)]
        story.append(self.p(
            f"本委定于{hearing_time(data.starts_at)}，在{where}公开开庭审理{data.caption}一案。"
            + public_composition(data), s.body))
        story.append(self.p(
            "欢迎企业职工和有关单位人员旁听。旁听人员请于开庭前十五分钟凭本人有效身份证件签到入场，"
            "并遵守旁听须知：", s.body))
        story.append(self.p(
            "旁听人员须年满十八周岁；本案证人和与本案有利害关系的人员不得旁听；"
            "庭审期间不得录音、录像、拍照，不得发言、鼓掌、喧哗，请将手机关闭或者调为静音。", s.body))
        training = data.training
        if training.title:
            when = f"当日{clock(training.starts_at)}" if training.starts_at.date() == data.starts_at.date() \
                else hearing_time(training.starts_at)
            where = "同一地点" if training.venue in ("", venue.place) else training.venue
            story.append(self.p(f"庭审结束后，{when}在{where}举办“{training.title}”，欢迎参加。", s.body))
        contact = data.clerk.name + (f"，电话：{data.clerk.phone or self.commission.phone}"
                                     if (data.clerk.phone or self.commission.phone) else "")
        last = [self.p(f"联系人：{contact}。", s.body)] if contact else []
        last.append(self.p("特此公告。", s.body))
        story.append(self.closing(last, data.issue_date))
        return story

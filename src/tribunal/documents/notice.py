"""开庭通知书 — the hearing notice, one per party and one per party's agent."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from tribunal.documents import wording
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import AgentInfo, HearingInfo, PanelSeat, PartyInfo
from tribunal.documents.formatting import hearing_time
from tribunal.domain import agents

__all__ = ["HearingNotice", "NoticeTarget", "addressee_line", "composition", "hearing_names", "parties_caption"]

_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class NoticeTarget:
    """Who one notice (and its proof of service) goes to: a party, or one of its agents."""

    hearing: HearingInfo
    party: PartyInfo
    agent: AgentInfo | None = None

    @property
    def recipient(self) -> str:
        """The name the notice is addressed to."""
        return self.agent.name if self.agent is not None else self.party.name

    @property
    def address(self) -> str:
        """Where the notice is served: the agent's own address for service, else the party's."""
        return self.agent.address if self.agent is not None else self.party.address

    @property
    def subject(self) -> str:
        """How file names and lists name the recipient: 张三, 张三的代理人王五 (no spaces)."""
        if self.agent is None:
            return self.party.name
        return f"{self.party.name}的{agents.capacity(self.agent.kind)}{self.agent.name}"

    @property
    def key(self) -> str:
        """Stable identity of the notice, used for the PDF ID."""
        who = f"a{self.agent.id}" if self.agent is not None else "party"
        return f"h{self.hearing.id}-p{self.party.id}-{who}"


def addressee_line(target: NoticeTarget) -> str:
    """湖南宝庆律师事务所律师王某某（申请人张三的委托代理人）, or the party's own name."""
    agent = target.agent
    if agent is not None:
        return agents.addressee(agent.name, agent.kind, agent.organisation, target.party.role_label,
                                target.party.name)
    return target.party.name


def hearing_names(hearing: HearingInfo) -> list[str]:
    """Everyone a party's document names, and the case number: no line breaks inside them."""
    out = [hearing.case_number, hearing.clerk.name, *(seat.name for seat in hearing.panel)]
    for party in hearing.parties:
        if not party.is_organisation:
            out.append(party.name)
        out.append(party.legal_representative)
        out += [agent.name for agent in party.agents]
    return [name for name in out if name]


def parties_caption(hearing: HearingInfo) -> str:
    """申请人张三、李四与被申请人某某有限公司（第三人……）, with full names."""
    def names(role: str) -> str:
        return "、".join(p.name for p in hearing.by_role(role))

    caption = f"申请人{names('applicant')}与被申请人{names('respondent')}"
    third = names("third_party")
    return caption + (f"、第三人{third}" if third else "")


def composition(panel: tuple[PanelSeat, ...], clerk: str) -> str:
    """How the tribunal is made up, as a clause: 由甲担任首席仲裁员，乙、丙担任仲裁员，组成仲裁庭."""
    sole = [s.name for s in panel if s.role == "sole"]
    presiding = [s.name for s in panel if s.role == "presiding"]
    members = [s.name for s in panel if s.role == "member"]
    clerk_part = f"，由{clerk}担任书记员" if clerk else ""
    if sole:
        return f"由仲裁员{sole[0]}独任仲裁{clerk_part}"
    if presiding or members:
        parts = []
        if presiding:
            parts.append(f"由{presiding[0]}担任首席仲裁员")
        if members:
            parts.append(f"{'、'.join(members)}担任仲裁员")
        return "，".join(parts) + f"，组成仲裁庭{clerk_part}"
    return f"仲裁庭组成人员另行通知{clerk_part}"


class HearingNotice(DocumentRenderer[NoticeTarget]):
    """开庭通知书: date, time and place, tribunal, what to bring, consequences, contact."""

    KIND = "hearing_notice"
    GLYPH_SEED = (
        "开庭通知书：本委受理的申请人与被申请人争议一案，由担任首席仲裁员，担任仲裁员，组成仲裁庭，"
        "由担任书记员。本案定于年月日（星期）上午下午时分在公开开庭审理。现将有关事项通知如下："
        "一二三四五六七、开庭地点。应携带的材料。申请回避。延期开庭。不到庭的后果。公开审理。联系方式。"
        "地址：路线：书记员，联系电话：；本委地址：0123456789"
        + wording.ARRIVAL.text + wording.BRING_PERSON.text + wording.BRING_ORGANISATION.text
        + wording.BRING_AGENT.text + wording.BRING_EVIDENCE.text + wording.RECUSAL.printed()
        + wording.POSTPONEMENT.printed() + wording.PUBLIC_HEARING.printed()
        + "".join(c.printed() for c in wording.CONSEQUENCE.values())
    )

    SAVE_LAST_PAGE = True

    def names(self, data: NoticeTarget) -> list[str]:
        return hearing_names(data.hearing)

    def meta(self, data: NoticeTarget) -> DocMeta:
        return DocMeta(
            title=f"开庭通知书（{data.recipient}）",
            issue_date=data.hearing.issue_date,
            key=f"notice:{data.key}",
            subject=f"{data.hearing.case_number} 开庭通知书",
        )

    def _bring(self, data: NoticeTarget) -> str:
        if data.agent is not None:
            items = list(agents.documents_to_bring(data.agent.kind, data.agent.legal_aid))
        else:
            items = [wording.BRING_ORGANISATION.text if data.party.is_organisation else wording.BRING_PERSON.text]
            entrusted = any(agents.needs_power_of_attorney(a.kind) for a in data.party.agents)
            if entrusted or data.party.is_organisation:
                items.append(wording.BRING_AGENT.text)
        items.append(wording.BRING_EVIDENCE.text)
        return "；".join(items) + "。"

    def story(self, data: NoticeTarget) -> list[Flowable]:
        h = data.hearing
        s = self.styles
        venue = h.venue
        # The circuit tribunal is named only for a hearing held on circuit; a hearing in the
        # commission's own room is not one, whichever tribunal scheduled it.
        place = venue.place + (f"（{h.tribunal}）" if h.tribunal and venue.at_enterprise else "")
        manner = "公开开庭审理" if h.public else "不公开开庭审理"
        intro = (
            f"本委受理的{parties_caption(h)}{h.case_type_label}争议一案，"
            f"{composition(h.panel, h.clerk.name)}。本案定于{hearing_time(h.starts_at)}在{place}"
            f"{manner}。现将有关事项通知如下："
        )
        where = f"{venue.place}，地址：{venue.address.rstrip('。')}。" if venue.address else f"{venue.place}。"
        if venue.directions:
            where += f"路线：{venue.directions.rstrip('。')}。"
        if venue.at_enterprise:
            where += wording.ARRIVAL.text
        else:
            where += "请于开庭前二十分钟到达并向书记员报到。"

        items: list[tuple[str, str]] = [
            ("开庭地点。", where),
            ("应携带的材料。", self._bring(data)),
            ("申请回避。", wording.RECUSAL.printed()),
            ("延期开庭。", wording.POSTPONEMENT.printed()),
        ]
        consequence = wording.CONSEQUENCE.get(data.party.role)
        if consequence is not None:
            text = consequence.printed()
            if data.agent is not None:
                text = f"请转告被代理人：{text}"
            items.append(("不到庭的后果。", text))
        if h.public:
            items.append(("公开审理。", wording.PUBLIC_HEARING.printed()))
        else:
            reason = f"，理由：{h.closed_reason.rstrip('。')}" if h.closed_reason else ""
            items.append(("不公开审理。", f"本案依法不公开审理{reason}。开庭时不安排旁听。"))
        contact = f"书记员{h.clerk.name}" if h.clerk.name else "本委"
        phone = h.clerk.phone or self.commission.phone
        contact += f"，联系电话：{phone}" if phone else ""
        if self.commission.address:
            contact += f"；本委地址：{self.commission.address}"
        items.append(("联系方式。", contact + "。"))

        story: list[Flowable] = [*self.heading_block("开庭通知书", number=h.case_number)]
        story.append(self.p(f"{addressee_line(data)}：", s.addressee))
        story.append(self.p(intro, s.body))
        paragraphs = [self.lead(f"{_NUMERALS[i]}、{head}", text) for i, (head, text) in enumerate(items)]
        story += paragraphs[:-2]
        story.append(self.closing(paragraphs[-2:], h.issue_date))
        return story

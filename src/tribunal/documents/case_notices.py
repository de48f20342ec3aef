"""The case's written notices before the hearing (受理、应诉、组庭、出庭、延期、中止、恢复、延期审理、公告、补正).

:func:`letters` turns a case's facts (:class:`CaseFacts`, gathered by services.notices) and
what the clerk decided (:class:`NoticeInput`) into one :class:`NoticeLetter` per addressee:
each party, and each of its agents at the agent's own address for service. :class:`CaseNotice`
sets a letter on the common renderer base (issuer, title, number, addressee, numbered items,
signature kept with the last lines); :class:`NoticeReceipt` is its proof of service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from tribunal.documents import wording
from tribunal.documents.base import DocMeta, DocumentRenderer
from tribunal.documents.data import AgentInfo, PanelSeat, PartyInfo, StaffMember
from tribunal.documents.formatting import arabic_date, hearing_time
from tribunal.documents.notice import composition
from tribunal.documents.service_receipt import receipt_story
from tribunal.domain import agents
from tribunal.domain import notices as nk
from tribunal.domain.notices import NoticeInput

__all__ = ["CaseFacts", "CaseNotice", "NoticeInput", "NoticeLetter", "NoticeReceipt", "ParticipantInfo", "letters"]

_NUMERALS = "一二三四五六七八九十"
_LAW = "《劳动争议调解仲裁法》"


@dataclass(frozen=True)
class ParticipantInfo:
    """A witness, appraiser or interpreter recorded on the case (其他参与人)."""

    id: int
    role: str  # witness / appraiser / interpreter
    role_label: str  # 证人 / 鉴定人 / 翻译人员
    name: str


@dataclass(frozen=True)
class HearingFacts:
    """The hearing a notice speaks of: when and where (the place as the hearing notice names it)."""

    id: int
    starts_at: dt.datetime
    place: str
    address: str = ""


@dataclass(frozen=True)
class CaseFacts:
    """Everything the notices of one case print (full names: they go to the parties)."""

    case_id: int
    case_number: str
    case_type_label: str  # 劳动报酬 (without 争议)
    year: int
    seq: int
    received: dt.date
    accepted: dt.date | None
    parties: tuple[PartyInfo, ...]
    panel: tuple[PanelSeat, ...] = ()
    clerk: StaffMember = field(default_factory=lambda: StaffMember(""))
    participants: tuple[ParticipantInfo, ...] = ()
    hearing: HearingFacts | None = None

    def by_role(self, role: str) -> list[PartyInfo]:
        return [p for p in self.parties if p.role == role]

    def names(self, role: str) -> str:
        return "、".join(p.name for p in self.by_role(role))

    @property
    def caption(self) -> str:
        """申请人张三与被申请人某某有限公司（、第三人……）."""
        text = f"申请人{self.names('applicant')}与被申请人{self.names('respondent')}"
        third = self.names("third_party")
        return text + (f"、第三人{third}" if third else "")


@dataclass(frozen=True)
class NoticeLetter:
    """One notice to one addressee, ready to set, and what its proof of service needs."""

    kind: str
    title: str
    number: str
    case_id: int
    case_number: str
    case_type_label: str
    addressee: str  # the line before the colon (for a 公告, the party it is published to)
    recipient: str  # who, in the register and file names
    address: str
    intro: tuple[str, ...]
    items: tuple[tuple[str, str], ...]
    closing: tuple[str, ...]
    issue_date: dt.date
    key: str
    served_document: str
    clerk: str
    party_id: int | None = None
    agent_id: int | None = None
    participant_id: int | None = None
    attachments: tuple[str, ...] = ()
    names: tuple[str, ...] = field(default=(), compare=False)

    @property
    def public(self) -> bool:
        return self.kind == "public_notice"


# ---------------------------------------------------------------- wording


def _you(party: PartyInfo) -> str:
    return "你单位" if party.is_organisation else "你"


def _day(day: dt.date | None) -> str:
    return arabic_date(day) if day is not None else "____年__月__日"


def _contact(facts: CaseFacts, commission_phone: str, commission_address: str) -> str:
    text = f"书记员{facts.clerk.name}" if facts.clerk.name else "本委"
    phone = facts.clerk.phone or commission_phone
    text += f"，联系电话：{phone}" if phone else ""
    if commission_address:
        text += f"；本委地址：{commission_address}"
    return text + "。"


_DELEGATION = (f"当事人可以委托代理人参加仲裁活动；委托他人参加仲裁活动的，应当向本委提交有委托人签名或者盖章的委托书，"
               f"委托书应当载明委托事项和权限（{_LAW}第二十四条）。")
_NEXT_STEPS = (f"本委将自受理之日起五日内将仲裁庭的组成情况书面通知当事人（{_LAW}第三十二条）；仲裁庭将在开庭五日前"
               f"将开庭日期、地点书面通知当事人（{_LAW}第三十五条）。")
_RECUSAL_GROUNDS = (
    "仲裁员有下列情形之一的，应当回避：（一）是本案当事人或者当事人、代理人的近亲属的；（二）与本案有利害关系的；"
    "（三）与本案当事人、代理人有其他关系，可能影响公正裁决的；（四）私自会见当事人、代理人，或者接受当事人、"
    f"代理人的请客送礼的（{_LAW}第三十三条）。"
)


def _body(kind: nk.NoticeKind, facts: CaseFacts, given: NoticeInput, party: PartyInfo | None,
          contact: str) -> tuple[list[str], list[tuple[str, str]], list[str], list[str]]:
    """Intro paragraphs, numbered items, closing paragraphs and attachments of one notice."""
    you = _you(party) if party is not None else "你"
    dispute = f"{facts.case_type_label}争议"
    case = f"本委受理的{facts.caption}{dispute}一案"
    intro: list[str] = []
    items: list[tuple[str, str]] = []
    closing: list[str] = []
    attachments: list[str] = []
    key = kind.key
    if key == "accept":
        intro.append(f"{you}于{_day(facts.received)}提出的与{facts.names('respondent')}{dispute}仲裁申请，经审查，"
                     f"符合受理条件，本委决定予以受理（{_LAW}第二十九条）。现将有关事项通知如下：")
        items += [
            ("案号。", f"本案案号为{facts.case_number}，受理日期为{_day(facts.accepted)}。与本委联系时请注明案号。"),
            ("举证。", f"当事人对自己提出的主张，有责任提供证据（{_LAW}第六条）。请按仲裁庭的要求提交证据，"
                     "并按对方当事人人数提交副本。"),
            ("委托代理。", _DELEGATION),
            ("后续程序。", _NEXT_STEPS),
            ("联系方式。", contact),
        ]
    elif key == "reject":
        reasons = given.reasons.strip().rstrip("。") or "____"
        intro.append(f"{you}于{_day(facts.received)}提出的与{facts.names('respondent')}{dispute}仲裁申请，经审查，"
                     f"不符合受理条件，理由如下：{reasons}。")
        intro.append(f"依照{_LAW}第二十九条的规定，本委决定不予受理。")
        closing.append(f"对本委不予受理的决定，{you}可以就该劳动争议事项向人民法院提起诉讼（{_LAW}第二十九条）。")
    elif key == "correction":
        intro.append(f"{you}于{_day(facts.received)}提交的与{facts.names('respondent')}{dispute}仲裁申请材料不齐全"
                     f"或者有关情况不明确。请自收到本通知之日起{given.correction_days}日内一并补正下列材料：")
        materials = [m.strip().rstrip("。；;") for m in given.materials if m.strip()] or ["____"]
        items += [("", f"{i}. {m}。") for i, m in enumerate(materials, 1)]
        closing.append("补正材料请交本委，受理审查期限自本委收到补正材料之日起计算；"
                       "无正当理由逾期不补正的，视为撤回仲裁申请。联系方式：" + contact)
    elif key == "respond":
        assert party is not None
        intro.append(f"申请人{facts.names('applicant')}与{you}{dispute}一案，本委已于{_day(facts.accepted)}受理"
                     f"（案号{facts.case_number}）。现将仲裁申请书副本送达{you}，并将有关事项通知如下：")
        copies = len(facts.by_role("applicant")) + 1
        submit = ["营业执照复印件、法定代表人（主要负责人）身份证明书" if party.is_organisation else "本人身份证件复印件"]
        submit += ["委托代理人的，授权委托书及代理人身份证件", "证据材料及其目录"]
        items += [
            ("答辩。", f"{you}应当自收到仲裁申请书副本之日起十日内向本委提交答辩书（一式{_count(copies)}份）；"
                     f"未提交答辩书的，不影响仲裁程序的进行（{_LAW}第三十条）。"),
            ("应提交的材料。", "；".join(submit) + "。"),
            ("举证。", f"当事人对自己提出的主张，有责任提供证据。与争议事项有关的证据属于用人单位掌握管理的，用人单位应当"
                     f"提供；用人单位不提供的，应当承担不利后果（{_LAW}第六条）。"),
            ("委托代理。", _DELEGATION),
            ("后续程序。", _NEXT_STEPS),
            ("联系方式。", contact),
        ]
        attachments.append("仲裁申请书副本")
    elif key == "composition":
        intro.append(f"{case}，依照{_LAW}第三十一条、第三十二条的规定，现将仲裁庭组成情况通知如下：")
        items += [
            ("仲裁庭组成。", composition(facts.panel, facts.clerk.name) + "。"),
            ("申请回避。", _RECUSAL_GROUNDS + wording.RECUSAL.printed()),
            ("联系方式。", contact),
        ]
    elif key == "postpone":
        assert facts.hearing is not None
        why = given.reasons.strip().rstrip("。")
        intro.append(f"{case}，原定于{hearing_time(facts.hearing.starts_at)}在{facts.hearing.place}开庭审理。"
                     + (f"因{why}，" if why else "") + "本委决定延期开庭。")
        if given.new_time is not None:
            place = given.new_place or facts.hearing.place
            intro.append(f"本案改定于{hearing_time(given.new_time)}在{place}开庭审理，请准时到庭。")
        else:
            intro.append("新的开庭日期、地点将另行书面通知。")
        closing.append(contact.join(("联系方式：", "")))
    elif key == "suspend":
        why = given.reasons.strip().rstrip("。") or "____"
        intro.append(f"{case}，因{why}，本委决定自{_day(given.effective)}起中止仲裁审理。")
        intro.append("中止审理期间不计入仲裁审理期限。中止审理的原因消除后，本委将恢复审理并书面通知当事人。")
        closing.append(contact.join(("联系方式：", "")))
    elif key == "resume":
        intro.append(f"{case}，本委曾决定中止仲裁审理。现中止审理的原因已经消除，本委决定自{_day(given.effective)}"
                     "起恢复仲裁审理，仲裁审理期限自恢复之日起继续计算。开庭日期、地点将另行书面通知。")
        closing.append(contact.join(("联系方式：", "")))
    elif key == "extend":
        intro.append(f"{case}，因案情复杂需要延期，经本委主任批准，本案仲裁审理期限延长{_count(given.extension_days)}日，"
                     f"至{_day(given.new_due)}届满（{_LAW}第四十三条第一款）。")
        intro.append(f"逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼（{_LAW}第四十三条第一款）。")
        closing.append(contact.join(("联系方式：", "")))
    elif key == "public_notice":
        assert party is not None
        documents = given.public_documents.strip() or "仲裁申请书副本、应诉通知书"
        intro.append(f"本委受理的{facts.caption}{dispute}一案（案号{facts.case_number}），因{you}下落不明"
                     f"或者用其他方式无法送达，现依法向{you}公告送达{documents}。自公告发出之日起经过"
                     f"{_count(given.public_days)}日，即视为送达（参照《中华人民共和国民事诉讼法》第九十五条）。")
        if "应诉通知书" in documents or "申请书副本" in documents:
            intro.append(f"{you}应当自公告期满之日起十日内向本委提交答辩书（{_LAW}第三十条）；"
                         "未提交答辩书的，不影响仲裁程序的进行。")
        if "开庭" in documents and facts.hearing is not None:
            intro.append(f"本案定于{hearing_time(facts.hearing.starts_at)}在{facts.hearing.place}开庭审理。"
                         f"{you}无正当理由拒不到庭的，{'可以缺席裁决' if party.role == 'respondent' else '可以视为撤回仲裁申请'}"
                         f"（{_LAW}第三十六条）。")
        intro.append(f"{you}可以在公告期间到本委领取上述文书。联系方式：{contact}")
        closing.append("特此公告。")
    return intro, items, closing, attachments


def _count(n: int) -> str:
    """十, 十五, 三 — small counts as the text writes them."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def _addressees(kind: nk.NoticeKind, facts: CaseFacts,
                given: NoticeInput) -> list[tuple[PartyInfo | None, AgentInfo | None, ParticipantInfo | None]]:
    if kind.to == nk.PARTICIPANTS:
        return [(None, None, p) for p in facts.participants]
    if kind.to == nk.PUBLIC:
        party = next((p for p in facts.parties if p.id == given.public_party_id), None)
        return [(party, None, None)] if party is not None else []
    roles = {nk.APPLICANTS: ("applicant",), nk.RESPONDENTS: ("respondent",)}.get(
        kind.to, ("applicant", "respondent", "third_party"))
    out: list[tuple[PartyInfo | None, AgentInfo | None, ParticipantInfo | None]] = []
    for role in roles:
        for party in facts.by_role(role):
            out.append((party, None, None))
            out += [(party, agent, None) for agent in party.agents]
    return out


def _names(facts: CaseFacts) -> tuple[str, ...]:
    out = [facts.case_number, facts.clerk.name, *(seat.name for seat in facts.panel)]
    for party in facts.parties:
        if not party.is_organisation:
            out.append(party.name)
        out.append(party.legal_representative)
        out += [a.name for a in party.agents]
    out += [p.name for p in facts.participants]
    return tuple(n for n in out if n)


def letters(kind: nk.NoticeKind, facts: CaseFacts, given: NoticeInput, *, phone: str = "",
            address: str = "") -> list[NoticeLetter]:
    """One letter per addressee of ``kind`` (parties, then their agents; or the participants).

    ``phone`` and ``address`` are the commission's, printed as the contact when the clerk
    has no number of their own.
    """
    contact = _contact(facts, phone, address)
    out = []
    names = _names(facts)
    for party, agent, participant in _addressees(kind, facts, given):
        if participant is not None:
            body = _appear(facts, participant, contact)
            addressee, recipient, where = participant.name, participant.name, ""
            who = f"w{participant.id}"
        else:
            assert party is not None
            body = _body(kind, facts, given, party, contact)
            if agent is not None:
                addressee = agents.addressee(agent.name, agent.kind, agent.organisation, party.role_label, party.name)
                recipient = f"{party.name}的{agents.capacity(agent.kind)}{agent.name}"
                where, who = agent.address, f"p{party.id}a{agent.id}"
                # A notice to an agent speaks to the party it acts for.
                body = _body(kind, facts, given, party, contact)
            else:
                addressee, recipient, where, who = party.name, party.name, party.address, f"p{party.id}"
        intro, items, closing, attachments = body
        out.append(NoticeLetter(
            kind=kind.key, title=kind.title, number=given.number or facts.case_number, case_id=facts.case_id,
            case_number=facts.case_number, case_type_label=facts.case_type_label,
            addressee=addressee, recipient=recipient, address=where,
            intro=tuple(intro), items=tuple(items), closing=tuple(closing), issue_date=given.issue_date,
            key=f"{kind.key}:c{facts.case_id}:{who}", served_document=kind.served_document, clerk=facts.clerk.name,
            party_id=party.id if party is not None else None, agent_id=agent.id if agent is not None else None,
            participant_id=participant.id if participant is not None else None,
            attachments=tuple(attachments), names=names,
        ))
    return out


def _appear(facts: CaseFacts, who: ParticipantInfo,
            contact: str) -> tuple[list[str], list[tuple[str, str]], list[str], list[str]]:
    h = facts.hearing
    assert h is not None
    intro = [f"本委受理的{facts.caption}{facts.case_type_label}争议一案，定于{hearing_time(h.starts_at)}在{h.place}"
             f"开庭审理。根据案件审理需要，请{who.name}作为本案{who.role_label}按时出庭。现将有关事项通知如下："]
    bring = {"witness": "本人身份证件；与所证明事实有关的材料（如有）",
             "appraiser": "本人身份证件、鉴定资格证明；鉴定意见书原件",
             "interpreter": "本人身份证件、翻译资质证明（如有）"}.get(who.role, "本人身份证件")
    duty = {"witness": "证人应当如实陈述所知道的案件事实，并接受仲裁庭和当事人的询问。出庭前请不要旁听本案庭审。",
            "appraiser": "鉴定人应当就鉴定意见接受仲裁庭和当事人的询问。",
            "interpreter": "翻译人员应当如实、完整地翻译。"}.get(who.role, "请按仲裁庭的要求参加庭审。")
    where = h.place + (f"，地址：{h.address.rstrip('。')}" if h.address else "")
    items = [("开庭地点。", where + "。请于开庭前二十分钟到达并向书记员报到。"),
             ("应携带的材料。", bring + "。"),
             ("注意事项。", duty + "因故不能到庭的，请尽早告知本委。"),
             ("联系方式。", contact)]
    return intro, items, [], []


# ---------------------------------------------------------------- renderers


class CaseNotice(DocumentRenderer[NoticeLetter]):
    """One case notice: issuer, title, number, addressee, body, numbered items, signature."""

    KIND = "case_notice"
    SAVE_LAST_PAGE = True
    GLYPH_SEED = ("受理通知书不予应诉仲裁庭组成出庭延期开庭中止恢复审理期限公告补正本委案号举证委托代理后续程序"
                  "联系方式答辩应提交的材料申请回避：，。（）《》劳动争议调解仲裁法第条一二三四五六七八九十")

    def names(self, data: NoticeLetter) -> Sequence[str]:
        return data.names

    def meta(self, data: NoticeLetter) -> DocMeta:
        return DocMeta(title=f"{data.title}（{data.recipient}）", issue_date=data.issue_date,
                       key=f"case_notice:{data.key}", subject=f"{data.case_number} {data.title}")

    def story(self, data: NoticeLetter) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [*self.heading_block(data.title, number=data.number)]
        if data.addressee:
            story.append(self.p(f"{data.addressee}：", s.addressee))
        paragraphs: list[Flowable] = [self.p(text, s.body) for text in data.intro]
        number = 0
        for head, text in data.items:
            if head:
                paragraphs.append(self.lead(f"{_NUMERALS[number]}、{head}", text))
                number += 1
            else:
                paragraphs.append(self.p(text, s.body))
        paragraphs += [self.p(text, s.body) for text in data.closing]
        tail = 2 if len(paragraphs) > 2 else len(paragraphs)
        story += paragraphs[:-tail]
        story.append(self.closing(paragraphs[-tail:], data.issue_date, attachments=data.attachments))
        return story


class NoticeReceipt(DocumentRenderer[NoticeLetter]):
    """送达回证 of one case notice (one sheet): the notice, the addressee, the address."""

    KIND = "service_receipt"
    ONE_SHEET = True

    def names(self, data: NoticeLetter) -> Sequence[str]:
        return data.names

    def meta(self, data: NoticeLetter) -> DocMeta:
        return DocMeta(title=f"送达回证（{data.title}，{data.recipient}）", issue_date=data.issue_date,
                       key=f"receipt:{data.key}", subject=f"{data.case_number} 送达回证")

    def fields(self, data: NoticeLetter) -> dict[str, str]:
        return {"受送达人": data.addressee, "送达地点": data.address, "送达单位": self.commission.issuer}

    def story(self, data: NoticeLetter) -> list[Flowable]:
        return receipt_story(self, number=data.case_number, case_type_label=data.case_type_label,
                             addressee=data.addressee, document=data.served_document, address=data.address,
                             server=data.clerk)

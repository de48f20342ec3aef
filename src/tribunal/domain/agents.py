"""Agents of a party (代理人): who may act, how they are addressed, what they bring, what they may agree to.

A party may entrust one or two agents (委托代理人) with a power of attorney that states the
matters and the authority (《劳动争议调解仲裁法》第二十四条; the civil procedure law, which
arbitration follows in practice, allows "一至二人", 《民事诉讼法》第六十一条). A worker who has
lost all or part of their capacity acts through a statutory agent (法定代理人), or, when there is
none, through an agent the commission appoints (指定代理人) — 《劳动争议调解仲裁法》第二十五条.
These two need no power of attorney. Admitting, waiving or changing claims, settling (和解、调解)
and counterclaiming need special authority (特别授权), as 《民事诉讼法》第六十二条 sets it for
litigation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tribunal.domain.enums import AgentAuthority, AgentKind, SpecialAuthority

__all__ = [
    "MAX_AGENTS_PER_PARTY",
    "AgentFacts",
    "addressee",
    "capacity",
    "documents_to_bring",
    "has_licence",
    "legal_aid_possible",
    "may_settle",
    "needs_power_of_attorney",
    "organisation_label",
    "person_parties_only",
    "problems",
]

MAX_AGENTS_PER_PARTY = 2
NAME_MAX = 60
ORGANISATION_MAX = 200
ADDRESS_MAX = 300
LICENCE_MAX = 40
RELATION_MAX = 40

_BY_LAW = frozenset({AgentKind.STATUTORY, AgentKind.APPOINTED})
_LICENSED = frozenset({AgentKind.LAWYER, AgentKind.LEGAL_SERVICE_WORKER})

POWER_OF_ATTORNEY = "授权委托书（写明委托事项和权限）"
_ID = "本人身份证件原件及复印件"
_LEGAL_AID_LETTER = "法律援助机构出具的指派公函"
_BRING: dict[AgentKind, tuple[str, ...]] = {
    AgentKind.LAWYER: ("律师执业证原件及复印件", "律师事务所出具的所函"),
    AgentKind.LEGAL_SERVICE_WORKER: ("法律服务工作者执业证原件及复印件", "所在基层法律服务所出具的介绍信"),
    AgentKind.CLOSE_RELATIVE: (_ID, "与当事人存在近亲属关系的证明（如户口簿、结婚证或者有关机关出具的证明）"),
    AgentKind.EMPLOYEE: (_ID, "与当事人存在劳动人事关系的证明（如劳动合同、社会保险缴费记录）"),
    AgentKind.RECOMMENDED: (_ID, "推荐单位（工会、社区、所在单位或者有关社会团体）出具的推荐材料"),
    AgentKind.STATUTORY: (_ID, "能够证明法定代理关系的材料（如户口簿、监护关系证明）"),
    AgentKind.APPOINTED: (_ID, "本委指定代理人的通知"),
    AgentKind.OTHER: (_ID,),
}
_ORGANISATION_LABEL: dict[AgentKind, str] = {
    AgentKind.LAWYER: "律师事务所",
    AgentKind.LEGAL_SERVICE_WORKER: "基层法律服务所",
    AgentKind.CLOSE_RELATIVE: "",
    AgentKind.EMPLOYEE: "工作单位",
    AgentKind.RECOMMENDED: "推荐单位",
    AgentKind.STATUTORY: "",
    AgentKind.APPOINTED: "工作单位",
    AgentKind.OTHER: "工作单位",
}
# The occupational title printed between the firm and the name: 某某律师事务所律师王五.
_TITLE = {AgentKind.LAWYER: "律师", AgentKind.LEGAL_SERVICE_WORKER: "法律工作者"}


def needs_power_of_attorney(kind: AgentKind) -> bool:
    """Whether the agent acts on a power of attorney (every kind but 法定代理人 and 指定代理人)."""
    return kind not in _BY_LAW


def has_licence(kind: AgentKind) -> bool:
    """Whether the kind carries a practising licence number (律师, 基层法律服务工作者)."""
    return kind in _LICENSED


def legal_aid_possible(kind: AgentKind) -> bool:
    """Whether the agent can be assigned by a legal-aid body (律师, 基层法律服务工作者)."""
    return kind in _LICENSED


def person_parties_only(kind: AgentKind) -> bool:
    """Whether the kind exists only for a natural person (an organisation has no 法定代理人)."""
    return kind in _BY_LAW


def organisation_label(kind: AgentKind) -> str:
    """What the "firm or unit" field means for this kind ("" when it has none)."""
    return _ORGANISATION_LABEL[kind]


def capacity(kind: AgentKind) -> str:
    """委托代理人, 法定代理人 or 指定代理人 — the capacity in which the agent acts."""
    if kind == AgentKind.STATUTORY:
        return "法定代理人"
    if kind == AgentKind.APPOINTED:
        return "指定代理人"
    return "委托代理人"


def addressee(name: str, kind: AgentKind, organisation: str, party_role: str, party_name: str) -> str:
    """The addressee of a notice to an agent, punctuated as official documents write it.

    ``湖南宝庆律师事务所律师汪婷婷（申请人李紫萱的委托代理人）`` — firm, title and name run on
    with no space between them; the capacity in full-width brackets.
    """
    title = _TITLE.get(kind, "")
    organisation = "".join(organisation.split()) if title else ""
    who = f"{organisation}{title}{name}" if organisation else (f"{name}{title}" if title else name)
    return f"{who}（{party_role}{party_name}的{capacity(kind)}）"


def documents_to_bring(kind: AgentKind, legal_aid: bool = False) -> tuple[str, ...]:
    """What an agent of this kind shows at the hearing, in the order a notice lists it.

    A legal-aid lawyer or legal-service worker brings the legal-aid body's letter of
    assignment instead of the firm's own letter.
    """
    items = list(_BRING[kind])
    if legal_aid and kind in _LICENSED:
        items[1] = _LEGAL_AID_LETTER
    if needs_power_of_attorney(kind):
        items.append(POWER_OF_ATTORNEY)
    return tuple(items)


def may_settle(kind: AgentKind, authority: AgentAuthority | None,
               items: Iterable[SpecialAuthority]) -> bool:
    """Whether the agent may agree to a settlement or mediation for the party.

    A statutory or appointed agent acts in the party's place; an entrusted agent needs
    special authority naming settlement. Authority not recorded counts as no authority.
    """
    if kind in _BY_LAW:
        return True
    return authority == AgentAuthority.SPECIAL and SpecialAuthority.SETTLE in set(items)


@dataclass(frozen=True)
class AgentFacts:
    """An agent as typed, for :func:`problems` (already trimmed by the caller)."""

    kind: AgentKind
    name: str
    organisation: str = ""
    address: str = ""
    licence_number: str = ""
    relation: str = ""
    legal_aid: bool = False
    authority: AgentAuthority | None = None
    special_items: tuple[SpecialAuthority, ...] = ()


def problems(agent: AgentFacts, *, party_is_person: bool) -> dict[str, str]:
    """What is wrong with an agent as typed: field key → reason (empty when nothing is).

    Field keys: ``kind``, ``organisation``, ``address``, ``licence_number``, ``relation``,
    ``legal_aid``, ``authority``. The name and phone are checked by the validators that
    check every name and phone.
    """
    out: dict[str, str] = {}
    kind = agent.kind
    if person_parties_only(kind) and not party_is_person:
        out["kind"] = f"单位当事人没有{kind.label_zh}；单位由法定代表人或者委托代理人参加仲裁"
    if len(agent.organisation) > ORGANISATION_MAX:
        out["organisation"] = f"单位名称过长（最多 {ORGANISATION_MAX} 字）"
    elif kind in _LICENSED and not agent.organisation:
        out["organisation"] = f"请填写{organisation_label(kind)}名称"
    if len(agent.address) > ADDRESS_MAX:
        out["address"] = f"送达地址过长（最多 {ADDRESS_MAX} 字）"
    if agent.licence_number:
        if not has_licence(kind):
            out["licence_number"] = f"{kind.label_zh}没有执业证号"
        elif len(agent.licence_number) > LICENCE_MAX or not agent.licence_number.isalnum():
            out["licence_number"] = "执业证号只能由数字和字母组成（最多 40 位）"
    if len(agent.relation) > RELATION_MAX:
        out["relation"] = f"与当事人的关系过长（最多 {RELATION_MAX} 字）"
    if agent.legal_aid and not legal_aid_possible(kind):
        out["legal_aid"] = "只有律师和基层法律服务工作者可以接受法律援助指派"
    if not needs_power_of_attorney(kind):
        if agent.authority is not None or agent.special_items:
            out["authority"] = f"{kind.label_zh}依法代为参加仲裁，不另行授权"
    elif agent.special_items and agent.authority != AgentAuthority.SPECIAL:
        out["authority"] = "勾选了特别授权事项，代理权限应为“特别授权”"
    elif agent.authority == AgentAuthority.SPECIAL and not agent.special_items:
        out["authority"] = "特别授权请至少勾选一项授权事项（如“进行和解、调解”）"
    return out

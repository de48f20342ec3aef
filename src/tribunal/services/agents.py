"""Agents of the parties (代理人): checked, listed, added, changed and removed.

Agents are part of the case: the case editor saves them with their party
(:mod:`tribunal.services.cases` calls :func:`check_agents`), and the functions here change one
agent at a time for the command line. Either way the case's version moves on, so an editor
opened before the change refuses to overwrite it, and the case's history shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.models import Case, Party, PartyAgent
from tribunal.domain import agents as rules
from tribunal.domain import validators
from tribunal.domain.anonymise import mask_phone
from tribunal.domain.enums import (
    AgentAuthority,
    AgentKind,
    CaseStatus,
    PartyKind,
    PartyRole,
    SpecialAuthority,
)
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit
from tribunal.texts import msg

__all__ = [
    "AgentInput",
    "AgentRow",
    "add_agent",
    "agent_input",
    "apply_agents",
    "check_agents",
    "get_agent",
    "list_agents",
    "remove_agent",
    "update_agent",
]


@dataclass(frozen=True)
class AgentInput:
    """An agent as the clerk typed it (``id`` set when it is already stored)."""

    kind: AgentKind
    name: str
    organisation: str = ""
    address: str = ""
    phone: str = ""
    licence_number: str = ""
    relation: str = ""
    legal_aid: bool = False
    authority: AgentAuthority | None = None
    special_items: tuple[SpecialAuthority, ...] = ()
    id: int | None = None

    @property
    def capacity(self) -> str:
        """委托代理人, 法定代理人 or 指定代理人."""
        return rules.capacity(self.kind)

    @property
    def phone_masked(self) -> str:
        """The phone with its middle digits hidden, for lists."""
        return mask_phone(self.phone)

    @property
    def authority_text(self) -> str:
        """The scope of authority in words: 特别授权（进行和解、调解；…）, 一般授权, 未登记."""
        if not rules.needs_power_of_attorney(self.kind):
            return "依法代为参加仲裁"
        if self.authority == AgentAuthority.SPECIAL:
            return f"特别授权（{'；'.join(i.label_zh for i in self.special_items)}）"
        if self.authority == AgentAuthority.GENERAL:
            return "一般授权"
        return "权限未登记"

    @property
    def may_settle(self) -> bool:
        """Whether the agent may agree to a settlement or mediation for the party."""
        return rules.may_settle(self.kind, self.authority, self.special_items)


@dataclass(frozen=True)
class AgentRow:
    """An agent with its party and case, as the command line lists it."""

    agent: AgentInput
    party_id: int
    party_name: str
    party_role: PartyRole
    case_id: int
    case_number: str

    @property
    def id(self) -> int:
        return self.agent.id or 0


# ---------------------------------------------------------------- checking


def _tidy(text: str) -> str:
    return " ".join((text or "").split())


def check_agents(agents: Sequence[AgentInput], *, party_kind: PartyKind, who: str, key: str,
                 errors: dict[str, str]) -> tuple[AgentInput, ...]:
    """Check a party's agents; reasons go into ``errors`` under ``{key}.agents[j].<field>``.

    Args:
        agents: as typed, in order.
        party_kind: a 法定代理人 or 指定代理人 exists only for a natural person.
        who: how messages name the party ("第1个当事人（张三）").
        key: the party's field key ("parties[0]"); ``{key}.agents`` carries list-wide reasons.

    Returns:
        The agents tidied (names, phones and licence numbers in their stored form).
    """
    if len(agents) > rules.MAX_AGENTS_PER_PARTY:
        errors[f"{key}.agents"] = msg("{who}的代理人最多{MAX_AGENTS_PER_PARTY}名", who=who, MAX_AGENTS_PER_PARTY=rules.MAX_AGENTS_PER_PARTY)
    out: list[AgentInput] = []
    for j, a in enumerate(agents):
        where = f"{key}.agents[{j}]"
        label = f"{who}的第{j + 1}名代理人"
        name = validators.check_person_name(a.name)
        if not name.ok:
            errors[f"{where}.name"] = msg("{label}：{error}", label=label, error=name.error)
        phone = ""
        if a.phone.strip():
            checked = validators.check_phone(a.phone)
            if not checked.ok:
                errors[f"{where}.phone"] = msg("{label}的电话：{error}", label=label, error=checked.error)
            phone = checked.value
        clean = replace(
            a, name=name.value, phone=phone, organisation=_tidy(a.organisation), address=_tidy(a.address),
            licence_number="".join(a.licence_number.split()).upper(), relation=_tidy(a.relation),
            special_items=tuple(dict.fromkeys(a.special_items)),
        )
        facts = rules.AgentFacts(clean.kind, clean.name, clean.organisation, clean.address,
                                 clean.licence_number, clean.relation, clean.legal_aid, clean.authority,
                                 clean.special_items)
        for field, reason in rules.problems(facts, party_is_person=party_kind == PartyKind.PERSON).items():
            errors[f"{where}.{field}"] = msg("{label}：{reason}", label=label, reason=reason)
        out.append(clean)
    return tuple(out)


def agent_input(row: PartyAgent) -> AgentInput:
    """The stored agent as the editor and the documents read it."""
    # An item only a later version knows stays in the database and is not shown.
    known = {item.value: item for item in SpecialAuthority}
    items = [known[code] for code in row.special_items or () if code in known]
    return AgentInput(
        id=row.id, kind=row.kind, name=row.name, organisation=row.organisation or "",
        address=row.address or "", phone=row.phone or "", licence_number=row.licence_number or "",
        relation=row.relation or "", legal_aid=bool(row.legal_aid), authority=row.authority,
        special_items=tuple(items),
    )


def _store(row: PartyAgent, agent: AgentInput, position: int) -> None:
    row.position = position
    row.kind = agent.kind
    row.name = agent.name
    row.organisation = agent.organisation or None
    row.address = agent.address or None
    row.phone = agent.phone or None
    row.licence_number = agent.licence_number or None
    row.relation = agent.relation or None
    row.legal_aid = agent.legal_aid
    row.authority = agent.authority if rules.needs_power_of_attorney(agent.kind) else None
    row.special_items = [i.value for i in agent.special_items] if row.authority == AgentAuthority.SPECIAL else []


def apply_agents(party: Party, agents: Sequence[AgentInput]) -> None:
    """Make the party's stored agents what ``agents`` says, keeping the ids of those kept."""
    existing = {a.id: a for a in party.agents}
    kept = {a.id for a in agents if a.id is not None and a.id in existing}
    for gone in [a for a in party.agents if a.id not in kept]:
        party.agents.remove(gone)
    for position, agent in enumerate(agents):
        row = existing.get(agent.id) if agent.id is not None and agent.id in kept else None
        if row is None:
            row = PartyAgent()
            party.agents.append(row)
        _store(row, agent, position)


# ---------------------------------------------------------------- one agent at a time


def _row(agent: PartyAgent, party: Party, case: Case) -> AgentRow:
    return AgentRow(agent_input(agent), party.id, party.name, party.role, case.id, case.number)


def _open_case(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise ConflictError(msg("案件 {number} 已结案，不能再修改代理人；如需更正请先撤销结案", number=case.number))


def _touch(case: Case) -> None:
    # Writing the case row moves its version: an editor opened before this change must not
    # overwrite it (see cases.update_case).
    case.updated_at = dt.datetime.now()


def _check_one(party: Party, agent: AgentInput) -> AgentInput:
    """Check one agent of ``party``; refuse with the reasons keyed by field (name, phone…)."""
    errors: dict[str, str] = {}
    (clean,) = check_agents([agent], party_kind=party.kind, who=f"{party.role.label_zh}{party.name}",
                            key="agent", errors=errors)
    if errors:
        fields = {k.removeprefix("agent.agents[0]."): v for k, v in errors.items()}
        raise ValidationError(msg("代理人信息有误，未保存：{items}", items="；".join(errors.values())), fields)
    return clean


def _party(s: Session, party_id: int) -> Party:
    party = s.scalars(select(Party).where(Party.id == party_id).options(
        selectinload(Party.agents), selectinload(Party.case))).one_or_none()
    if party is None:
        raise NotFound(msg("找不到编号为 {party_id} 的当事人", party_id=party_id))
    return party


def list_agents(db: Database, case_id: int) -> list[AgentRow]:
    """Every agent of a case's parties, in the parties' order.

    Raises:
        NotFound: no such case.
    """
    with db.session(write=False) as s:
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(msg("找不到编号为 {case_id} 的案件", case_id=case_id))
        parties = s.scalars(select(Party).where(Party.case_id == case_id).order_by(Party.position, Party.id)
                            .options(selectinload(Party.agents))).all()
        return [_row(a, p, case) for p in parties for a in p.agents]


def get_agent(db: Database, agent_id: int) -> AgentRow:
    """One agent with its party and case.

    Raises:
        NotFound: no such agent.
    """
    with db.session(write=False) as s:
        agent = s.get(PartyAgent, agent_id)
        if agent is None:
            raise NotFound(msg("找不到编号为 {agent_id} 的代理人", agent_id=agent_id))
        return _row(agent, agent.party, agent.party.case)


def add_agent(db: Database, party_id: int, agent: AgentInput) -> AgentRow:
    """Record an agent of a party (two at most).

    Raises:
        NotFound: no such party.
        ValidationError: something typed is wrong, or the party has two agents already.
        ConflictError: the case is closed.
    """
    with db.session() as s:
        party = _party(s, party_id)
        case = party.case
        _open_case(case)
        count = len(party.agents)
        if count >= rules.MAX_AGENTS_PER_PARTY:
            raise ValidationError(msg("{role}{name}已有{count}名代理人，最多{MAX_AGENTS_PER_PARTY}名；请先删除一名", role=party.role, name=party.name, count=count, MAX_AGENTS_PER_PARTY=rules.MAX_AGENTS_PER_PARTY), {"party": msg("代理人已满")})
        clean = _check_one(party, replace(agent, id=None))
        row = PartyAgent()
        party.agents.append(row)
        _store(row, clean, count)
        _touch(case)
        s.flush()
        out = _row(row, party, case)
        audit.record(s, db.actor, "agent.add", "case", case.id,
                     f"登记{party.role.label_zh}{party.name}的{out.agent.capacity}{out.agent.name}", None, out,
                     version=case.version)
        return out


def update_agent(db: Database, agent_id: int, agent: AgentInput) -> AgentRow:
    """Change a stored agent.

    Raises:
        NotFound: no such agent.
        ValidationError: something typed is wrong.
        ConflictError: the case is closed.
    """
    with db.session() as s:
        found = s.get(PartyAgent, agent_id)
        if found is None:
            raise NotFound(msg("找不到编号为 {agent_id} 的代理人", agent_id=agent_id))
        row = found
        party, case = row.party, row.party.case
        _open_case(case)
        before = _row(row, party, case)
        clean = _check_one(party, replace(agent, id=agent_id))
        _store(row, clean, row.position)
        _touch(case)
        s.flush()
        after = _row(row, party, case)
        audit.record(s, db.actor, "agent.update", "case", case.id,
                     f"修改{party.role.label_zh}{party.name}的{after.agent.capacity}{after.agent.name}",
                     before, after, version=case.version)
        return after


def remove_agent(db: Database, agent_id: int) -> AgentRow:
    """Delete an agent recorded by mistake or whose mandate ended.

    Raises:
        NotFound: no such agent.
        ConflictError: the case is closed.
    """
    with db.session() as s:
        row = s.get(PartyAgent, agent_id)
        if row is None:
            raise NotFound(msg("找不到编号为 {agent_id} 的代理人", agent_id=agent_id))
        party, case = row.party, row.party.case
        _open_case(case)
        before = _row(row, party, case)
        party.agents.remove(row)
        for position, other in enumerate(party.agents):
            other.position = position
        _touch(case)
        s.flush()
        audit.record(s, db.actor, "agent.remove", "case", case.id,
                     f"删除{party.role.label_zh}{party.name}的{before.agent.capacity}{before.agent.name}",
                     before, None, version=case.version)
        return before

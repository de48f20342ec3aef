"""Agents as records: checked, saved with their party, changed one at a time, and kept through edits."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, lawyer, respondent
from tribunal.db.models import AuditEntry, ServiceRecord
from tribunal.domain.enums import (
    AgentAuthority,
    AgentKind,
    CaseOutcome,
    ServiceMethod,
    SpecialAuthority,
)
from tribunal.errors import ConflictError, NotFound, StaleEditError, ValidationError
from tribunal.services import agents, cases
from tribunal.services.agents import AgentInput

UYGHUR = "阿卜杜热合曼·阿卜杜克热木"


def _case(db, *parties: cases.PartyInput) -> cases.CaseDetail:
    return cases.create_case(db, case_input(parties=parties or (applicant(), respondent())), today=TODAY)


def test_two_agents_per_party_every_field_stored(db):
    special = lawyer("汪婷婷", address="湖南省邵阳市双清区东大路88号", phone="139 0739 1111",
                     licence_number=" 14305 2010 1234567 ", legal_aid=True, authority=AgentAuthority.SPECIAL,
                     special_items=(SpecialAuthority.SETTLE, SpecialAuthority.ADMIT, SpecialAuthority.SETTLE))
    relative = AgentInput(AgentKind.CLOSE_RELATIVE, UYGHUR, relation="配偶", address="邵阳市大祥区城南路12号")
    detail = _case(db, applicant(agents=(special, relative)), respondent())
    stored = detail.parties[0].agents
    assert [a.name for a in stored] == ["汪婷婷", UYGHUR]
    first = stored[0]
    assert (first.kind, first.organisation, first.address, first.phone, first.licence_number, first.legal_aid) == (
        AgentKind.LAWYER, "湖南宝庆律师事务所", "湖南省邵阳市双清区东大路88号", "13907391111", "1430520101234567", True)
    assert first.special_items == (SpecialAuthority.SETTLE, SpecialAuthority.ADMIT)
    assert first.authority_text == "特别授权（进行和解、调解；承认仲裁请求）" and first.may_settle
    assert first.phone_masked != first.phone and "1111" in first.phone_masked
    assert stored[1].relation == "配偶" and stored[1].authority_text == "权限未登记" and not stored[1].may_settle


@pytest.mark.parametrize(("agent", "party_is_org", "key", "reason"), [
    (AgentInput(AgentKind.LAWYER, "汪婷婷"), False, "organisation", "请填写律师事务所名称"),
    (AgentInput(AgentKind.STATUTORY, "王五"), True, "kind", "单位当事人没有法定代理人"),
    (AgentInput(AgentKind.APPOINTED, "王五"), True, "kind", "单位当事人没有指定代理人"),
    (AgentInput(AgentKind.CLOSE_RELATIVE, "王五", legal_aid=True), False, "legal_aid", "法律援助"),
    (AgentInput(AgentKind.CLOSE_RELATIVE, "王五", licence_number="123"), False, "licence_number", "没有执业证号"),
    (lawyer("汪婷婷", licence_number="14305-2010"), False, "licence_number", "只能由数字和字母组成"),
    (lawyer("汪婷婷", authority=AgentAuthority.SPECIAL), False, "authority", "至少勾选一项"),
    (lawyer("汪婷婷", special_items=(SpecialAuthority.WAIVE,)), False, "authority", "应为“特别授权”"),
    (AgentInput(AgentKind.STATUTORY, "王五", authority=AgentAuthority.GENERAL), False, "authority", "不另行授权"),
    (lawyer("汪婷婷2"), False, "name", "姓名中不能含有数字"),
    (lawyer("汪婷婷", phone="12345"), False, "phone", "电话"),
])
def test_each_wrong_field_is_refused_beside_it(db, agent, party_is_org, key, reason):
    party = respondent(agents=(agent,)) if party_is_org else applicant(agents=(agent,))
    others = (applicant(),) if party_is_org else (respondent(),)
    with pytest.raises(ValidationError) as err:
        _case(db, party, *others)
    field = f"parties[0].agents[0].{key}"
    assert field in err.value.fields, err.value.fields
    assert reason in err.value.fields[field]
    assert cases.count_cases(db) == 0


def test_a_third_agent_is_refused(db):
    three = tuple(lawyer(name) for name in ("汪婷婷", "王五", "李四"))
    with pytest.raises(ValidationError) as err:
        _case(db, applicant(agents=three), respondent())
    assert err.value.fields["parties[0].agents"] == "第1个当事人（张三）的代理人最多2名"


def test_editing_a_case_keeps_party_ids_service_records_and_agent_ids(db):
    detail = _case(db, applicant(agents=(lawyer("汪婷婷"),)), respondent())
    party = detail.parties[0]
    agent_id = party.agents[0].id
    with db.session() as s:
        s.add(ServiceRecord(case_id=detail.id, party_id=party.id, document="开庭通知书",
                            method=ServiceMethod.DIRECT, served_on=dt.date(2026, 11, 5), signed_by="张三"))
    changed = dataclasses.replace(
        detail, parties=(dataclasses.replace(party, phone="13807311234",
                                             agents=(dataclasses.replace(party.agents[0], address="东大路88号"),
                                                     lawyer("王五"))),
                         detail.parties[1]))
    data = cases.CaseInput(case_type=detail.case_type, received_date=detail.received_date,
                           parties=changed.parties, accepted_date=detail.accepted_date)
    after = cases.update_case(db, detail.id, data, expected_version=detail.version, today=TODAY)
    assert [p.id for p in after.parties] == [p.id for p in detail.parties]
    assert after.parties[0].agents[0].id == agent_id and after.parties[0].agents[0].address == "东大路88号"
    assert after.parties[0].agents[1].name == "王五"
    with db.session(write=False) as s:
        assert s.scalars(select(ServiceRecord.party_id)).all() == [party.id]
    # Removing an agent in the editor removes exactly that one.
    data = dataclasses.replace(data, parties=(dataclasses.replace(after.parties[0], agents=after.parties[0].agents[1:]),
                                              after.parties[1]))
    last = cases.update_case(db, detail.id, data, expected_version=after.version, today=TODAY)
    assert [a.name for a in last.parties[0].agents] == ["王五"]
    assert last.parties[0].agents[0].id == after.parties[0].agents[1].id


def test_one_agent_at_a_time_with_audit_and_the_editor_lock(db):
    detail = _case(db)
    party_id = detail.parties[0].id
    row = agents.add_agent(db, party_id, lawyer("汪婷婷", phone="13907391111"))
    assert (row.party_name, row.case_number, row.agent.name) == ("张三", detail.number, "汪婷婷")
    agents.add_agent(db, party_id, AgentInput(AgentKind.CLOSE_RELATIVE, "张大山", relation="父亲"))
    with pytest.raises(ValidationError, match="最多2名"):
        agents.add_agent(db, party_id, lawyer("王五"))
    with pytest.raises(ValidationError) as err:
        agents.update_agent(db, row.id, dataclasses.replace(row.agent, phone="12"))
    assert set(err.value.fields) == {"phone"}
    changed = agents.update_agent(db, row.id, dataclasses.replace(row.agent, authority=AgentAuthority.GENERAL))
    assert changed.agent.authority_text == "一般授权"
    assert [r.agent.name for r in agents.list_agents(db, detail.id)] == ["汪婷婷", "张大山"]
    removed = agents.remove_agent(db, row.id)
    assert removed.agent.name == "汪婷婷"
    assert [r.agent.name for r in agents.list_agents(db, detail.id)] == ["张大山"]
    with pytest.raises(NotFound):
        agents.get_agent(db, row.id)
    # Each change moved the case on: an editor opened before it refuses to overwrite it.
    with pytest.raises(StaleEditError, match=r"在您打开后已被.*修改"):
        cases.update_case(db, detail.id, case_input(), expected_version=detail.version, today=TODAY)
    with db.session(write=False) as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "case")
                            .order_by(AuditEntry.id)).all()
    assert actions[-4:] == ["agent.add", "agent.add", "agent.update", "agent.remove"]


def test_a_closed_case_keeps_its_agents(db):
    detail = _case(db, applicant(agents=(lawyer("汪婷婷"),)), respondent())
    cases.close_case(db, detail.id, CaseOutcome.WITHDRAWN, TODAY, today=TODAY)
    agent_id = detail.parties[0].agents[0].id
    with pytest.raises(ConflictError, match="已结案"):
        agents.remove_agent(db, agent_id)
    with pytest.raises(ConflictError, match="已结案"):
        agents.add_agent(db, detail.parties[0].id, lawyer("王五"))

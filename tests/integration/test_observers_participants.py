"""Case participants (witnesses, appraisers…): recorded per case, kept out of the gallery; ID-card checks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.conftest import TODAY
from tests.integration.data.outreach import add_hearing, copy_world
from tests.integration.helpers import VALID_ID, applicant, case_input, respondent
from tribunal.db.models import AuditEntry, CaseParticipant, Invitation
from tribunal.domain.enums import CaseOutcome, ParticipantRole
from tribunal.domain.validators import id_check_character
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import cases, observers, participants, settings

OTHER_ID = "430502198805060021"[:17] + id_check_character("43050219880506002")


@pytest.fixture
def db_path(outreach_world, tmp_path):
    return copy_world(outreach_world(10)[0], tmp_path)


@pytest.fixture
def world(outreach_world, db):
    return outreach_world(10)[1]


def _audit(db, action):
    with db.session(write=False) as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


# ---------------------------------------------------------------- the participants service


def test_add_list_update_remove(db, world):
    food = world.guests["邵阳市资江食品有限公司"]
    witness = participants.add_participant(db, world.case_id, ParticipantRole.WITNESS, " 王 小 二 ",
                                           phone="138 0731 5555", enterprise_id=world.respondent_id,
                                           notes="车间班组长", today=TODAY)
    appraiser = participants.add_participant(db, world.case_id, "鉴定人", "钱鉴", id_number=VALID_ID, today=TODAY)
    interpreter = participants.add_participant(db, world.case_id, "interpreter", "阿依古丽・买买提", today=TODAY)
    assert (witness.name, witness.role, witness.role_label, witness.phone, witness.phone_masked) == (
        "王小二", ParticipantRole.WITNESS, "证人", "13807315555", "138****5555")
    assert (witness.enterprise_name, witness.notes) == ("湖南湘中纺织科技有限公司", "车间班组长")
    assert (appraiser.role, appraiser.id_number, appraiser.id_number_masked) == (
        ParticipantRole.APPRAISER, VALID_ID, "4301**********0012")
    assert interpreter.name == "阿依古丽·买买提" and interpreter.role_label == "翻译人员"
    other = participants.add_participant(db, world.case_id, ParticipantRole.OTHER, "孙某某", today=TODAY)
    assert [p.name for p in participants.list_participants(db, world.case_id)] == [
        "王小二", "钱鉴", "阿依古丽·买买提", "孙某某"]
    changed = participants.update_participant(db, witness.id, ParticipantRole.WITNESS, "王小二",
                                              enterprise_id=food, today=TODAY)
    assert (changed.enterprise_id, changed.phone, changed.notes) == (food, "", "")  # the editor's whole form
    assert participants.get_participant(db, witness.id) == changed
    participants.remove_participant(db, other.id)
    assert len(participants.list_participants(db, world.case_id)) == 3
    with pytest.raises(NotFound, match="诉讼参与人"):
        participants.get_participant(db, other.id)
    entries = [e for e in _audit(db, "participant.add")]
    assert [e.summary for e in entries][:2] == [f"{cases.get_case(db, world.case_id).number} 登记证人王小二",
                                                 f"{cases.get_case(db, world.case_id).number} 登记鉴定人钱鉴"]
    assert all(e.entity == "case" and e.entity_id == world.case_id for e in entries)
    [update] = _audit(db, "participant.update")
    assert update.before["enterprise_id"] == world.respondent_id and update.after["enterprise_id"] == food
    [removal] = _audit(db, "participant.remove")
    assert removal.before["name"] == "孙某某" and removal.after is None


def test_bad_input_is_refused_with_reasons_and_nothing_saved(db, world):
    with pytest.raises(ValidationError) as err:
        participants.add_participant(db, world.case_id, "旁观者", "", id_number="430102199003070013",
                                     phone="12345", notes="长" * 301, today=TODAY)
    assert set(err.value.fields) == {"role", "name", "id_number", "phone", "notes"}
    assert err.value.fields["role"].startswith("身份“旁观者”无效；可选：证人、鉴定人、翻译人员、其他参与人")
    assert err.value.message.startswith("诉讼参与人信息有误，未保存：")
    with pytest.raises(NotFound, match="找不到编号为 9999 的案件"):
        participants.add_participant(db, 9999, "证人", "王五", today=TODAY)
    with pytest.raises(NotFound, match="找不到编号为 9999 的企业"):
        participants.add_participant(db, world.case_id, "证人", "王五", enterprise_id=9999, today=TODAY)
    with pytest.raises(NotFound, match="案件"):
        participants.list_participants(db, 9999)
    with pytest.raises(NotFound):
        participants.update_participant(db, 9999, "证人", "王五", today=TODAY)
    with pytest.raises(NotFound):
        participants.remove_participant(db, 9999)
    with db.session(write=False) as s:
        assert s.scalars(select(CaseParticipant)).all() == []


def test_duplicates_and_closed_cases(db, world):
    first = participants.add_participant(db, world.case_id, "证人", "王五", today=TODAY)
    with pytest.raises(ConflictError, match="已登记证人王五"):
        participants.add_participant(db, world.case_id, "witness", "王五", phone="13807310000", today=TODAY)
    # Another role, or two namesakes told apart by their ID numbers, are fine.
    participants.add_participant(db, world.case_id, "鉴定人", "王五", today=TODAY)
    a = participants.add_participant(db, world.case_id, "证人", "赵六", id_number=VALID_ID, today=TODAY)
    b = participants.add_participant(db, world.case_id, "证人", "赵六", id_number=OTHER_ID, today=TODAY)
    with pytest.raises(ConflictError, match="已登记证人赵六"):
        participants.update_participant(db, b.id, "证人", "赵六", id_number=VALID_ID, today=TODAY)
    assert a.id != b.id
    cases.close_case(db, world.case_id, CaseOutcome.WITHDRAWN, TODAY, today=TODAY)
    with pytest.raises(ConflictError, match="已结案，不能再修改诉讼参与人"):
        participants.add_participant(db, world.case_id, "证人", "钱七", today=TODAY)
    with pytest.raises(ConflictError, match="已结案"):
        participants.remove_participant(db, first.id)
    assert len(participants.list_participants(db, world.case_id)) == 4  # still readable


# ---------------------------------------------------------------- who may not observe


def test_a_witness_of_the_case_is_refused_by_name_and_enterprise(db, world):
    food = world.guests["邵阳市资江食品有限公司"]
    participants.add_participant(db, world.case_id, "证人", "王丽", enterprise_id=food, today=TODAY)
    [e] = observers.check_eligibility(db, world.hearing_id, [world.people["王丽"]])
    assert e.refusals == ("该人员是本案证人，不得旁听",) and e.warnings == ()
    with pytest.raises(ValidationError) as err:
        observers.invite(db, world.hearing_id, [world.people["王丽"], world.people["李娟"]])
    assert err.value.message == "以下人员不能旁听，未发出任何邀请：王丽：该人员是本案证人，不得旁听"
    with db.session(write=False) as s:
        assert s.scalars(select(Invitation)).all() == []


def test_a_namesake_gets_a_warning_and_may_still_be_invited(db, world):
    # Recorded without an enterprise, or at another one: the same name alone is only a doubt.
    participants.add_participant(db, world.case_id, "鉴定人", "李娟", today=TODAY)
    participants.add_participant(db, world.case_id, "其他参与人", "赵建华",
                                 enterprise_id=world.guests["邵阳市雪峰物流有限公司"], today=TODAY)
    result = {e.name: e for e in observers.check_eligibility(
        db, world.hearing_id, [world.people["李娟"], world.people["赵建华"], world.people["周海波"]])}
    assert result["李娟"].ok
    assert result["李娟"].warnings == ("与本案鉴定人同名，请核实是否为同一人（鉴定人不得旁听）",)
    assert result["赵建华"].warnings == (
        "与本案其他诉讼参与人同名，请核实是否为同一人（其他诉讼参与人不得旁听）",)
    assert result["周海波"].ok and result["周海波"].warnings == ()
    assert len(observers.invite(db, world.hearing_id, [world.people["李娟"], world.people["赵建华"]])) == 2


def test_the_same_phone_or_id_number_decides(db, world):
    participants.add_participant(db, world.case_id, "证人", "王丽", phone="13807310001", today=TODAY)
    [e] = observers.check_eligibility(db, world.hearing_id, [world.people["王丽"]])
    assert e.refusals == ("该人员是本案证人，不得旁听",)
    settings.set_value(db, "privacy.store_observer_id", True)
    guest = world.guests["邵阳双清电子科技有限公司"]
    same = observers.add_observer(db, "钱鉴定", enterprise_id=guest, id_number=VALID_ID, today=TODAY).id
    namesake = observers.add_observer(db, "赵六", enterprise_id=guest, id_number=OTHER_ID, today=TODAY).id
    participants.add_participant(db, world.case_id, "鉴定人", "钱鉴", id_number=VALID_ID, today=TODAY)
    participants.add_participant(db, world.case_id, "证人", "赵六", id_number=VALID_ID,
                                 enterprise_id=guest, today=TODAY)
    result = {e.observer_id: e for e in observers.check_eligibility(db, world.hearing_id, [same, namesake])}
    # Both ID numbers stored: they decide, whatever the names and enterprises say.
    assert result[same].refusals == ("该人员是本案鉴定人，不得旁听", "该人员是本案证人，不得旁听")
    assert result[namesake].ok and result[namesake].warnings == ()


def test_a_witness_of_another_case_heard_there_that_day(db, world):
    other = cases.create_case(db, case_input(parties=(applicant("李四"), respondent("邵阳某某有限公司"))),
                              today=TODAY)
    add_hearing(db, other.id, host_id=world.host_id, room_id=world.room_id,
                starts_at=dt.datetime(2026, 12, 8, 14, 30))
    participants.add_participant(db, other.id, "证人", "周海波",
                                 enterprise_id=world.guests["邵阳市雪峰物流有限公司"], today=TODAY)
    [e] = observers.check_eligibility(db, world.hearing_id, [world.people["周海波"]])
    assert e.refusals == (f"该人员是同场开庭的案件 {other.number} 证人，不得旁听",)
    later = add_hearing(db, world.case_id, host_id=None, room_id=None, starts_at=dt.datetime(2026, 12, 20, 9, 0))
    assert observers.check_eligibility(db, later, [world.people["周海波"]])[0].ok


# ---------------------------------------------------------------- ID card checked (已核验身份证件)


def test_mark_id_verified_is_kept_shown_and_audited(db, world):
    person = world.people["王丽"]
    assert observers.get_observer(db, person).id_verified is False
    row = observers.mark_id_verified(db, person)
    assert row.id_verified is True and row.id_number_masked == ""  # no number stored for it
    assert observers.mark_id_verified(db, person, True).id_verified is True  # again: no change
    assert observers.get_observer(db, person).id_verified is True
    assert next(r for r in observers.search_observers(db, "王丽")).id_verified is True
    [invited] = observers.invite(db, world.hearing_id, [person])
    assert invited.id_verified is True  # shown on the invitation list and the check-in screen
    assert observers.mark_id_verified(db, person, verified=False).id_verified is False
    entries = _audit(db, "observer.id_verified")
    assert [(e.summary, e.before, e.after) for e in entries] == [
        ("已核验 王丽 的身份证件", {"id_verified": False}, {"id_verified": True}),
        ("取消核验 王丽 的身份证件", {"id_verified": True}, {"id_verified": False}),
    ]
    with pytest.raises(NotFound):
        observers.mark_id_verified(db, 9999)

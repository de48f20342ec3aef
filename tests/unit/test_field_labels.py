"""Every field a clerk can change has a clerk-facing name, in Chinese and English; values read as text."""

from __future__ import annotations

import dataclasses

import pytest

from tribunal.services import field_labels
from tribunal.services.agents import AgentInput
from tribunal.services.cases import CaseDetail, ClaimData, PartyData
from tribunal.services.enterprises import EnterpriseRow
from tribunal.services.field_labels import INTERNAL_FIELDS, field_changes, field_label, value_text
from tribunal.services.hearings import HearingDetail
from tribunal.services.observers import ObserverRow
from tribunal.services.participants import ParticipantRow
from tribunal.services.training import SessionDetail, TopicData

#: Each record kind and the dataclasses its audit entries store (what a change can name).
RECORDED = [
    ("case", CaseDetail, ""), ("case", PartyData, "parties.0."), ("case", ClaimData, "claims.0."),
    ("case", AgentInput, "agent."), ("case", ParticipantRow, ""), ("enterprise", EnterpriseRow, ""),
    ("hearing", HearingDetail, "hearing."), ("observer", ObserverRow, ""),
    ("training_session", SessionDetail, ""), ("training_topic", TopicData, ""),
]
#: Ids the history never shows as a change of their own (their names are shown beside them).
_ALSO_INTERNAL = {"case_id", "party_id", "warnings"}


@pytest.mark.parametrize(("entity", "kind", "prefix"), RECORDED, ids=[f"{e}-{k.__name__}" for e, k, _p in RECORDED])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_stored_field_has_a_label(entity: str, kind: type, prefix: str, language: str) -> None:
    for field in dataclasses.fields(kind):
        if field.name in INTERNAL_FIELDS | _ALSO_INTERNAL:
            continue
        label = field_label(entity, prefix + field.name, language)
        assert label and label != field.name and "_" not in label, (entity, field.name, label)
        if language == "zh":
            assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (field.name, label)


def test_a_party_is_named_by_its_role() -> None:
    record = {"parties": [{"role": "applicant"}, {"role": "applicant"}, {"role": "respondent"}]}
    assert field_label("case", "parties.2.phone", record=record) == "被申请人 联系电话"
    assert field_label("case", "parties.1.name", record=record) == "申请人2 姓名"
    assert field_label("case", "parties.2.phone", "en", record=record) == "Respondent Phone"
    assert field_label("case", "claims.0.amount_fen") == "第1项请求 请求金额"


def test_values_read_as_text_and_numbers_stay_masked() -> None:
    masked = {"masked": "139****1234", "fp": "ab12", "changed": True}
    assert value_text(masked) == "139****1234（号码已更改）"
    assert value_text(None) == "（空）" and value_text(None, "en") == "(empty)"
    assert value_text(True) == "是" and value_text(False, "en") == "no"
    assert value_text(1234567, key="amount_fen") == "12,345.67 元"
    assert value_text("2026-12-09T09:30:00") == "2026-12-09 09:30"
    assert value_text("overtime") == "加班费" and value_text("overtime", "en") != "overtime"
    assert value_text([{"name": "张三"}, {"name": "𬱖"}]) == "张三；𬱖"


def test_changes_are_compared_item_by_item() -> None:
    before = {"parties": [{"name": "张三", "phone": {"masked": "138****0001", "fp": "a"}}], "version": 1}
    after = {"parties": [{"name": "张三", "phone": {"masked": "138****0002", "fp": "b"}}], "version": 2}
    assert field_changes(before, after) == [("parties.0.phone", before["parties"][0]["phone"],
                                             after["parties"][0]["phone"])]
    # The same number (same fingerprint) is no change, whatever the flags say.
    same = {"masked": "138****0001", "fp": "a", "changed": False}
    assert field_changes({"phone": before["parties"][0]["phone"]}, {"phone": same}) == []
    # A hearing's update keeps {"hearing": …} after and the bare hearing before.
    assert field_changes({"case_id": 1, "venue": "A"}, {"hearing": {"case_id": 1, "venue": "B"}}) == [
        ("hearing.venue", "A", "B")]


def test_labels_are_one_table() -> None:
    assert set(field_labels.FIELD_LABELS) >= {"case", "enterprise", "hearing", "observer", "training_session",
                                              "training_topic"}

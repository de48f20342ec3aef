"""The hearing record's rules without a database: template, speakers, read protection, JSON round trip."""

from __future__ import annotations

import datetime as dt

import pytest

from tribunal.domain.hearing_record import (
    READ_ALOUD_TEXT,
    READ_TEXT,
    CaseFacts,
    Correction,
    Person,
    RecordContent,
    Signatory,
    closing_statement,
    expand_abbreviation,
    final_signatories,
    speakers,
    template,
)
from tribunal.errors import ValidationError

FACTS = CaseFacts(
    case_number="邵劳人仲案字〔2026〕第7号", case_type="劳动报酬", starts_at=dt.datetime(2026, 12, 10, 9, 30),
    venue="邵阳宝庆精密机械有限公司第一会议室",
    parties=(Person("party", "张三", "申请人", "applicant"), Person("party", "李四", "申请人", "applicant"),
             Person("party", "邵阳宝庆精密机械有限公司", "被申请人", "respondent")),
    agents=(Person("agent", "汪婷婷", "申请人张三的委托代理人", "applicant"),),
    participants=(Person("participant", "王五", "证人"),),
    panel=(Person("arbitrator", "李建国", "独任仲裁员"),), clerk="赵静", claims=("支付工资",))


def test_sole_arbitrator_speaks_as_zhong_and_no_court_labels():
    table = speakers(FACTS)
    assert [s.label for s in table] == ["仲", "申", "被", "申代", "证人王五"]
    assert table[1].who == "张三、李四"
    assert expand_abbreviation("申代", table) == "申代："
    assert expand_abbreviation("王五", table) == "证人王五："
    assert expand_abbreviation("审", table) is None


def test_signatories_exclude_nobody_present_and_include_no_observer():
    people = final_signatories(FACTS)
    assert [p.name for p in people] == ["张三", "李四", "邵阳宝庆精密机械有限公司", "汪婷婷", "王五", "李建国", "赵静"]
    record = template(3, FACTS)
    assert "报告仲裁员" in record.text_of("attendance")
    assert closing_statement(Signatory("张三", "申请人", "party")) == READ_TEXT
    assert closing_statement(Signatory("张三", "申请人", "party", "read_aloud")) == READ_ALOUD_TEXT
    assert closing_statement(Signatory("李建国", "独任仲裁员", "arbitrator")) == ""
    assert closing_statement(Signatory("张三", "申请人", "party", "refused", "不同意")) == "申请人张三拒绝签名（理由：不同意）"


def test_round_trip_and_read_protection():
    record = template(3, FACTS).entering("debate", dt.datetime(2026, 12, 10, 10, 5)).with_text("debate", "申：𬱖")
    assert RecordContent.from_json(record.to_json()) == record
    assert "\n" not in record.to_json()
    with pytest.raises(ValidationError):
        record.with_correction(Correction("张三", "debate", "补正"))  # not read yet: edit the text instead
    read = record.marked_read(dt.datetime(2026, 12, 10, 11, 0))
    with pytest.raises(ValidationError):
        read.with_text("debate", "申：改")
    with pytest.raises(ValidationError):
        read.with_correction(Correction(" ", "debate", "补正"))
    with pytest.raises(ValidationError):
        read.with_signatory("李建国", "refused")
    assert read.with_correction(Correction("张三", "debate", "补正")).corrections[0].decision == "pending"

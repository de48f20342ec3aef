"""The case service on a real SQLite file: create, edit, search, close, audit."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.helpers import VALID_ID, applicant, case_input, respondent, seed_staff
from tribunal.db.models import AuditEntry, Case
from tribunal.domain.enums import CaseOutcome, CaseStatus, CaseType, PanelRole
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, cases, settings


def _count(db, model=Case) -> int:
    with db.session(write=False) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_create_gives_number_normalises_and_audits(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    assert detail.number == "邵劳人仲案字〔2026〕第1号"
    assert (detail.year, detail.seq) == (2026, 1)
    assert detail.status == CaseStatus.RECEIVED
    worker = detail.parties[0]
    assert worker.phone == "13807311234"
    assert worker.id_number == VALID_ID
    with db.session(write=False) as s:
        row = s.get(Case, detail.id)
        assert row.applicant_names == "张三"
        assert row.respondent_names == "邵阳宝庆精密机械有限公司"
        assert row.claim_total_fen == 1_234_500
        assert row.parties[0].sex == "男"
        assert row.parties[0].birth_date == dt.date(1990, 3, 7)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "case.create")).one()
        assert entry.actor == "测试书记员"
        assert entry.entity_id == detail.id
        assert entry.after["number"] == detail.number


def test_numbers_are_per_year_and_follow_the_settings(db):
    a = cases.create_case(db, case_input(), today=TODAY)
    b = cases.create_case(db, case_input(received_date=dt.date(2025, 12, 30)), today=TODAY)
    settings.set_value(db, "case_number.use_di", "否")
    settings.set_value(db, "case_number.brackets", "（）")
    c = cases.create_case(db, case_input(), today=TODAY)
    assert a.number.endswith("〔2026〕第1号")
    assert b.number == "邵劳人仲案字〔2025〕第1号"
    assert c.number == "邵劳人仲案字（2026）2号"


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"parties": (applicant(id_number="430102199003070013"), respondent())}, "parties[0].id_number", "校验"),
        ({"parties": (applicant(phone="12345"), respondent())}, "parties[0].phone", "电话"),
        ({"parties": (applicant(),)}, "parties", "被申请人"),
        ({"parties": (applicant(name=""), respondent())}, "parties[0].name", ""),
        ({"received_date": TODAY + dt.timedelta(days=1)}, "received_date", "晚于今天"),
        ({"accepted_date": dt.date(2026, 11, 1)}, "accepted_date", "早于收件"),
        ({"status": CaseStatus.ACCEPTED}, "accepted_date", "受理日期"),
        ({"status": CaseStatus.CLOSED}, "status", "结案"),
        ({"claims": (cases.ClaimInput("  "),)}, "claims[0].item", "没有填写"),
        ({"claims": (cases.ClaimInput("工资", -5),)}, "claims[0].amount", "不正确"),
        ({"collective": True, "worker_count": 3}, "worker_count", "十人"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_saves_nothing(db, change, field, fragment):
    with pytest.raises(ValidationError) as err:
        cases.create_case(db, case_input(**change), today=TODAY)
    assert field in err.value.fields
    assert fragment in err.value.fields[field]
    assert _count(db) == 0
    # The refused case did not use up a number.
    assert cases.create_case(db, case_input(), today=TODAY).seq == 1


def test_credit_code_warning_needs_confirmation(db):
    pilot = "91350100M0001TGQXM"  # a real early pilot-area code that fails the check character
    with pytest.raises(ValidationError) as err:
        cases.create_case(db, case_input(parties=(applicant(), respondent(credit_code=pilot))), today=TODAY)
    assert "已核对" in err.value.fields["parties[1].credit_code"]
    detail = cases.create_case(
        db, case_input(parties=(applicant(), respondent(credit_code=pilot, credit_code_confirmed=True))),
        today=TODAY,
    )
    assert detail.parties[1].credit_code == pilot


def test_panel_rules(db):
    staff = seed_staff(db)
    sole = (cases.ArbitratorInput(staff["李建国"], PanelRole.SOLE),)
    full = (
        cases.ArbitratorInput(staff["李建国"], PanelRole.PRESIDING),
        cases.ArbitratorInput(staff["王淑芬"], PanelRole.MEMBER),
        cases.ArbitratorInput(staff["张卫东"], PanelRole.MEMBER),
    )
    assert cases.create_case(db, case_input(arbitrators=sole, clerk_id=staff["赵静"]), today=TODAY).arbitrators[0].name == "李建国"
    assert len(cases.create_case(db, case_input(arbitrators=full), today=TODAY).arbitrators) == 3
    bad_panels = [
        full[:2],
        (cases.ArbitratorInput(staff["李建国"], PanelRole.PRESIDING),),
        (*sole, cases.ArbitratorInput(staff["王淑芬"], PanelRole.SOLE)),
        (cases.ArbitratorInput(staff["赵静"], PanelRole.SOLE),),  # a clerk is not an arbitrator
    ]
    for panel in bad_panels:
        with pytest.raises(ValidationError) as err:
            cases.create_case(db, case_input(arbitrators=panel), today=TODAY)
        assert "arbitrators" in err.value.fields
    with pytest.raises(ValidationError) as err:
        cases.create_case(db, case_input(arbitrators=sole, clerk_id=staff["李建国"]), today=TODAY)
    assert "clerk" in err.value.fields


def test_update_changes_fields_keeps_number_and_records_before_after(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    data = dataclasses.replace(
        detail.to_input(),
        case_type=CaseType.OVERTIME,
        accepted_date=dt.date(2026, 11, 5),
        status=CaseStatus.ACCEPTED,
        parties=(applicant("李四"), applicant("王五"), respondent()),
    )
    after = cases.update_case(db, detail.id, data, expected_version=detail.version, today=TODAY)
    assert after.number == detail.number
    assert after.case_type == CaseType.OVERTIME
    assert [p.name for p in after.parties] == ["李四", "王五", "邵阳宝庆精密机械有限公司"]
    assert cases.search_cases(db, cases.CaseFilter(text="王五"))[0].applicants == "李四、王五"
    rows = audit.history(db, "case", detail.id)
    assert [r.action for r in rows] == ["case.update", "case.create"]
    changed = {c[0] for c in rows[0].changes}
    assert "case_type" in changed and "accepted_date" in changed


def test_stale_edit_is_refused(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    cases.update_case(db, detail.id, detail.to_input(), expected_version=detail.version, today=TODAY)
    with pytest.raises(ConflictError, match=r"已被.*修改"):
        cases.update_case(db, detail.id, detail.to_input(), expected_version=detail.version, today=TODAY)


def test_update_refuses_year_change_and_unknown_case(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    with pytest.raises(ValidationError):
        cases.update_case(db, detail.id, dataclasses.replace(detail.to_input(), received_date=dt.date(2025, 12, 1)),
                          today=TODAY)
    with pytest.raises(NotFound):
        cases.update_case(db, 999, detail.to_input(), today=TODAY)
    with pytest.raises(NotFound):
        cases.get_case(db, 999)


def test_close_and_reopen(db):
    detail = cases.create_case(db, case_input(accepted_date=dt.date(2026, 11, 4)), today=TODAY)
    with pytest.raises(ValidationError):
        cases.close_case(db, detail.id, CaseOutcome.MEDIATED, dt.date(2026, 11, 1), today=TODAY)
    with pytest.raises(ValidationError):
        cases.close_case(db, detail.id, CaseOutcome.MEDIATED, TODAY + dt.timedelta(days=1), today=TODAY)
    closed = cases.close_case(db, detail.id, CaseOutcome.MEDIATED, dt.date(2026, 11, 20), "当庭调解", today=TODAY)
    assert (closed.status, closed.outcome, closed.closed_date) == (CaseStatus.CLOSED, CaseOutcome.MEDIATED,
                                                                   dt.date(2026, 11, 20))
    with pytest.raises(ConflictError):
        cases.close_case(db, detail.id, CaseOutcome.AWARDED, dt.date(2026, 11, 21), today=TODAY)
    with pytest.raises(ConflictError, match="已结案"):
        cases.update_case(db, detail.id, detail.to_input(), today=TODAY)
    with pytest.raises(ValidationError):
        cases.reopen_case(db, detail.id, " ")
    reopened = cases.reopen_case(db, detail.id, "误操作")
    assert reopened.status == CaseStatus.HEARD and reopened.outcome is None


def test_unaccepted_case_cannot_close_by_award(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    with pytest.raises(ValidationError, match="尚未受理"):
        cases.close_case(db, detail.id, CaseOutcome.AWARDED, TODAY, today=TODAY)
    assert cases.close_case(db, detail.id, CaseOutcome.WITHDRAWN, TODAY, today=TODAY).status == CaseStatus.CLOSED


def test_search_filters(db):
    a = cases.create_case(db, case_input(), today=TODAY)
    b = cases.create_case(db, case_input(case_type=CaseType.WORK_INJURY, received_date=dt.date(2026, 3, 1),
                                         parties=(applicant("欧阳娜"), respondent("湖南楚邵新材料股份有限公司"))),
                          today=TODAY)
    c = cases.create_case(db, case_input(received_date=dt.date(2025, 6, 1)), today=TODAY)
    cases.close_case(db, c.id, CaseOutcome.WITHDRAWN, dt.date(2025, 7, 1), today=TODAY)

    def ids(**kw):
        return cases.search_case_ids(db, cases.CaseFilter(**kw))

    assert ids() == [a.id, b.id, c.id]  # newest received first
    assert ids(text="欧阳") == [b.id]
    assert ids(text="楚邵") == [b.id]
    assert ids(text="工伤") == [b.id]  # the case type typed into the search field
    assert ids(text="第1号") == [a.id, c.id]
    assert ids(text="〔2025〕") == [c.id]
    assert ids(text="张三 2025") == [c.id]  # every word must match
    assert ids(text="100%") == []  # LIKE wildcards are taken literally
    assert ids(case_type=CaseType.WORK_INJURY) == [b.id]
    assert ids(status=CaseStatus.CLOSED) == [c.id]
    assert ids(open_only=True) == [a.id, b.id]
    assert ids(year=2025) == [c.id]
    assert ids(received_from=dt.date(2026, 1, 1), received_to=dt.date(2026, 6, 30)) == [b.id]
    assert cases.count_cases(db, cases.CaseFilter(year=2026)) == 2
    assert cases.case_years(db) == [2026, 2025]
    rows = cases.case_rows(db, [c.id, 12345, a.id])
    assert [r.id for r in rows] == [c.id, a.id]
    assert cases.find_case(db, a.number).id == a.id
    assert cases.find_case(db, str(b.id)).id == b.id
    with pytest.raises(NotFound):
        cases.find_case(db, "邵劳人仲案字〔2030〕第1号")

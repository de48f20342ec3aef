"""调解书 and 裁决书 end to end: printed, signed for or served, and the case closed by the last receipt.

The minimum wage used is invented for the tests (测试市, 2,000.00 yuan a month): the finality
bound is 24,000.00 yuan.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlalchemy import select

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, lawyer, respondent, seed_staff
from tribunal.db.models import Claim
from tribunal.domain.enums import (
    AgentAuthority,
    AwardKind,
    AwardStatus,
    CaseOutcome,
    CaseResult,
    CaseStatus,
    DocumentKind,
    FinalityCategory,
    MediationStatus,
    PanelRole,
    ServiceMethod,
)
from tribunal.domain.wage_parameters import ParameterKind
from tribunal.errors import ConflictError, ValidationError
from tribunal.services import awards, cases, mediation, settings
from tribunal.services import wage_parameters as params
from tribunal.services.awards import ItemInput

LONG_NAME = "中国建筑第五工程局有限公司湖南分公司邵阳经济开发区标准厂房建设项目经理部"
ACCEPTED = dt.date(2026, 11, 3)
AWARD_DAY = dt.date(2026, 11, 20)
BOUND = 12 * 2_000_00


def _case(db, *, claims=None, parties=None):
    staff = seed_staff(db)
    data = case_input(
        received_date=dt.date(2026, 11, 2), accepted_date=ACCEPTED,
        parties=parties or (applicant("阿卜杜热合曼·阿卜杜克热木", address="邵阳市大祥区城南路12号",
                                      agents=(lawyer("汪婷婷"),)),
                            respondent(LONG_NAME, address="邵阳经济开发区宝庆大道1号",
                                       legal_representative="王建国", legal_representative_title="项目经理")),
        claims=claims or (cases.ClaimInput("支付拖欠的工资", 1_800_000),),
        arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.PRESIDING),
                     cases.ArbitratorInput(staff["王淑芬"], PanelRole.MEMBER),
                     cases.ArbitratorInput(staff["张卫东"], PanelRole.MEMBER)),
        clerk_id=staff["赵静"])
    return cases.create_case(db, data, today=TODAY)


def _text(path: str) -> str:
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def _squash(text: str) -> str:
    return "".join(text.split())


# ------------------------------------------------------------------ 调解书


def test_mediation_closes_the_case_on_the_last_signed_receipt(db, tmp_path):
    case = _case(db)
    m = mediation.draft_mediation(db, case.id, "被申请人于2026年11月30日前支付申请人工资15,000元。\n双方再无其他争议。",
                                  agreed_fen=1_500_000, result=CaseResult.PARTLY, statement_date=dt.date(2026, 11, 10))
    # The lawyer's authority is not registered: the clerk is warned, the draft is kept.
    assert any("汪婷婷" in w and "特别授权" in w for w in m.warnings)
    m, rows = mediation.issue_mediation(db, m.id, out_dir=str(tmp_path), issued_on=dt.date(2026, 11, 10))
    assert m.status == MediationStatus.ISSUED
    kinds = sorted(r.kind for r in rows)
    assert kinds == [DocumentKind.CASE_RECEIPT, DocumentKind.CASE_RECEIPT, DocumentKind.MEDIATION]
    statement = _squash(_text(next(r.path for r in rows if r.kind == DocumentKind.MEDIATION)))
    for expected in ("调解书", LONG_NAME, "支付拖欠的工资", "双方再无其他争议", "经双方当事人签收后",
                     "首席仲裁员", "李建国", "书记员", "赵静"):
        assert expected in statement, expected
    receipt = _squash(_text(next(r.path for r in rows if r.kind == DocumentKind.CASE_RECEIPT)))
    assert "留置送达" in receipt and "不适用留置送达" in receipt and "□留置送达" not in receipt
    # Printing does not close the case.
    assert cases.get_case(db, case.id).status != CaseStatus.CLOSED
    applicant_id, respondent_id = (p.id for p in cases.get_case(db, case.id).parties)
    with pytest.raises(ValidationError, match="不能留置送达"):
        mediation.record_receipt(db, m.id, respondent_id, served_on=dt.date(2026, 11, 11),
                                 method=ServiceMethod.LEFT, today=TODAY)
    m = mediation.record_receipt(db, m.id, applicant_id, served_on=dt.date(2026, 11, 11), today=TODAY)
    assert m.status == MediationStatus.ISSUED and m.outstanding == (LONG_NAME,)
    assert cases.get_case(db, case.id).status != CaseStatus.CLOSED
    m = mediation.record_receipt(db, m.id, respondent_id, served_on=dt.date(2026, 11, 12), signed_by="王建国",
                                 today=TODAY)
    assert m.status == MediationStatus.EFFECTIVE and m.effective_on == dt.date(2026, 11, 12) and m.case_closed
    closed = cases.get_case(db, case.id)
    assert (closed.status, closed.outcome, closed.closed_date) == (
        CaseStatus.CLOSED, CaseOutcome.MEDIATED, dt.date(2026, 11, 12))
    assert closed.result == CaseResult.PARTLY and closed.result_amount_fen == 1_500_000


def test_a_party_backing_out_before_signing_sends_the_case_on(db, tmp_path):
    case = _case(db)
    m = mediation.draft_mediation(db, case.id, "被申请人支付申请人工资15,000元。", agreed_fen=1_500_000,
                                  result=CaseResult.PARTLY, statement_date=dt.date(2026, 11, 10))
    mediation.issue_mediation(db, m.id, out_dir=str(tmp_path), issued_on=dt.date(2026, 11, 10))
    applicant_id, respondent_id = (p.id for p in cases.get_case(db, case.id).parties)
    mediation.record_receipt(db, m.id, applicant_id, served_on=dt.date(2026, 11, 11), today=TODAY)
    with pytest.raises(ValidationError, match="已签收"):
        mediation.back_out(db, m.id, applicant_id, on=dt.date(2026, 11, 12), today=TODAY)
    m = mediation.back_out(db, m.id, respondent_id, on=dt.date(2026, 11, 12), note="认为金额过高", today=TODAY)
    assert m.status == MediationStatus.FAILED and m.failed_party == LONG_NAME
    assert cases.get_case(db, case.id).status != CaseStatus.CLOSED
    with pytest.raises(ConflictError):
        mediation.record_receipt(db, m.id, respondent_id, served_on=dt.date(2026, 11, 13), today=TODAY)
    # The case goes on to an award.
    a = awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="双方对工资数额有争议。", reasons="依法应予支付。",
                           items=[ItemInput(cases.get_case(db, case.id).claims[0].id, FinalityCategory.REMUNERATION,
                                            1_800_000)], threshold_fen=BOUND)
    assert a.items[0].final is True


def test_an_agent_with_special_authority_to_settle_gives_no_warning(db):
    from tribunal.domain.enums import SpecialAuthority

    case = _case(db, parties=(applicant(agents=(lawyer(authority=AgentAuthority.SPECIAL,
                                                       special_items=(SpecialAuthority.SETTLE,)),)),
                              respondent(agents=(lawyer("周律师", authority=AgentAuthority.GENERAL),))))
    m = mediation.draft_mediation(db, case.id, "双方和解。", agreed_fen=None, result=None,
                                  statement_date=dt.date(2026, 11, 10))
    assert len(m.warnings) == 1 and "周律师（一般授权）" in m.warnings[0]


# ------------------------------------------------------------------ 裁决书

FIFTEEN = (*(cases.ClaimInput(f"第{n}项请求：支付{n}月份拖欠的工资及加班费（含法定节假日加班）", 100_000 * n)
             for n in range(1, 15)), cases.ClaimInput("确认双方于2025年3月1日起存在劳动关系"))


def test_a_mixed_award_is_two_documents_and_service_closes_the_case(db, tmp_path):
    claims = (cases.ClaimInput("支付拖欠的工资", 2_000_000), cases.ClaimInput("支付违法解除劳动合同赔偿金", 6_000_000),
              cases.ClaimInput("补缴社会保险费"), cases.ClaimInput("确认劳动关系"))
    case = _case(db, claims=claims)
    ids = [c.id for c in case.claims]
    params.add(db, ParameterKind.MINIMUM_WAGE, "测试市", dt.date(2026, 1, 1), 2_000_00, "虚构文件（测试用，非官方数据）")
    settings.set_value(db, params.AREA_SETTING, "测试市")
    found = awards.suggestions(db, case.id, AWARD_DAY, {
        ids[0]: (FinalityCategory.REMUNERATION, BOUND), ids[1]: (FinalityCategory.COMPENSATION, BOUND + 1)})
    assert [s.final for s in found[:2]] == [True, False]
    a = awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="申请人主张被申请人拖欠工资并违法解除劳动合同。",
                           reasons="被申请人未举证证明已足额支付工资。", result=CaseResult.PARTLY,
                           declined=[("张卫东", "")],
                           items=[ItemInput(ids[0], FinalityCategory.REMUNERATION, BOUND),
                                  ItemInput(ids[1], FinalityCategory.COMPENSATION, BOUND + 1),
                                  ItemInput(ids[2], FinalityCategory.OTHER, None, "驳回申请人补缴社会保险费的仲裁请求"),
                                  ItemInput(ids[3], FinalityCategory.OTHER, None, "确认双方存在劳动关系")])
    assert [i.final for i in a.items] == [True, False, False, False]
    assert a.threshold_fen == BOUND and a.documents == 2
    a, rows = awards.issue_award(db, a.id, out_dir=str(tmp_path), issued_on=AWARD_DAY)
    pdfs = [r for r in rows if r.kind == DocumentKind.AWARD]
    assert len(pdfs) == 2 and len([r for r in rows if r.kind == DocumentKind.CASE_RECEIPT]) == 4
    final, other = (_squash(_text(r.path)) for r in pdfs)
    assert "裁决书（终局裁决）" in final and "24,000.00元" in final and "24,000.01元" not in final
    assert "三十日内向本委所在地的中级人民法院申请撤销" in final and "第五十条" not in final
    assert "裁决书（非终局裁决）" in other and "24,000.01元" in other and "确认双方存在劳动关系" in other
    assert "第五十条" in other and "申请撤销" not in other
    for text in (final, other):
        assert "争议事实" in text and "裁决理由" in text and "裁决结果" in text
        assert "张卫东" in text and "持不同意见，未签名" in text
    applicant_id, respondent_id = (p.id for p in cases.get_case(db, case.id).parties)
    a = awards.record_service(db, a.id, applicant_id, served_on=dt.date(2026, 11, 21), today=TODAY)
    assert a.status == AwardStatus.ISSUED and not a.case_closed
    a = awards.record_service(db, a.id, respondent_id, served_on=dt.date(2026, 11, 23), method=ServiceMethod.LEFT,
                              today=TODAY)
    assert a.status == AwardStatus.SERVED and a.case_closed
    closed = cases.get_case(db, case.id)
    assert (closed.outcome, closed.closed_date, closed.result) == (
        CaseOutcome.AWARDED, dt.date(2026, 11, 23), CaseResult.PARTLY)
    assert closed.result_amount_fen == 2 * BOUND + 1
    with db.session(write=False) as s:
        stored = s.scalars(select(Claim).where(Claim.case_id == case.id).order_by(Claim.position)).all()
        assert [(c.awarded_fen, c.final) for c in stored] == [
            (BOUND, True), (BOUND + 1, False), (None, False), (None, False)]


def test_one_document_when_the_setting_is_off_and_finality_needs_the_minimum_wage(db, tmp_path):
    case = _case(db, claims=(cases.ClaimInput("支付拖欠的工资", 1_000_000), cases.ClaimInput("支付赔偿金", 9_000_000)))
    ids = [c.id for c in case.claims]
    with pytest.raises(ValidationError, match="月最低工资标准"):
        awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="事实。", reasons="理由。",
                           items=[ItemInput(ids[0], FinalityCategory.REMUNERATION, 1_000_000),
                                  ItemInput(ids[1], FinalityCategory.COMPENSATION, 9_000_000)])
    # The tribunal may decide itself when the figure is not entered.
    settings.set_value(db, awards.SPLIT_SETTING, False)
    a = awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="事实。", reasons="理由。",
                           items=[ItemInput(ids[0], FinalityCategory.REMUNERATION, 1_000_000, final=True),
                                  ItemInput(ids[1], FinalityCategory.COMPENSATION, 9_000_000, final=False)])
    assert a.split is False and a.documents == 1
    _a, rows = awards.issue_award(db, a.id, out_dir=str(tmp_path), issued_on=AWARD_DAY)
    (pdf,) = [r for r in rows if r.kind == DocumentKind.AWARD]
    text = _squash(_text(pdf.path))
    assert "本裁决第1项为终局裁决" in text and "第五十条" in text


def test_a_partial_award_leaves_the_case_open_and_the_full_award_covers_the_rest(db, tmp_path):
    case = _case(db, claims=FIFTEEN)
    ids = [c.id for c in case.claims]
    partial = awards.draft_award(db, case.id, kind=AwardKind.PARTIAL, award_date=AWARD_DAY, facts="劳动关系事实清楚。",
                                 reasons="双方均认可入职时间。",
                                 items=[ItemInput(ids[14], FinalityCategory.OTHER, None, "确认双方存在劳动关系")])
    partial, rows = awards.issue_award(db, partial.id, out_dir=str(tmp_path), issued_on=AWARD_DAY)
    assert "先行裁决" in _squash(_text(next(r.path for r in rows if r.kind == DocumentKind.AWARD)))
    for p in cases.get_case(db, case.id).parties:
        awards.record_service(db, partial.id, p.id, served_on=dt.date(2026, 11, 21), today=TODAY)
    assert cases.get_case(db, case.id).status != CaseStatus.CLOSED
    with pytest.raises(ValidationError, match="尚未裁决"):
        awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="事实。", reasons="理由。",
                           items=[ItemInput(ids[0], FinalityCategory.REMUNERATION, 100_000)], threshold_fen=BOUND)
    with pytest.raises(ValidationError, match="已经先行裁决"):
        awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="事实。", reasons="理由。",
                           items=[ItemInput(i, FinalityCategory.REMUNERATION, 100_000) for i in ids],
                           threshold_fen=BOUND)
    full = awards.draft_award(db, case.id, award_date=AWARD_DAY, facts="事实。\n" * 30, reasons="理由。\n" * 30,
                              items=[ItemInput(i, FinalityCategory.REMUNERATION, 100_000 * n)
                                     for n, i in enumerate(ids[:14], 1)], threshold_fen=BOUND)
    assert all(i.final for i in full.items)
    full, rows = awards.issue_award(db, full.id, out_dir=str(tmp_path), issued_on=AWARD_DAY)
    pdf = next(r.path for r in rows if r.kind == DocumentKind.AWARD)
    text = _squash(_text(pdf))
    assert "第15项请求已由本委于2026年11月20日先行裁决" in text and "2026年11月3日受理" in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", pdf, str(tmp_path / "page")], check=True)
    for p in cases.get_case(db, case.id).parties:
        awards.record_service(db, full.id, p.id, served_on=dt.date(2026, 11, 22), today=TODAY)
    closed = cases.get_case(db, case.id)
    assert closed.outcome == CaseOutcome.AWARDED and closed.result_amount_fen == sum(100_000 * n for n in range(1, 15))

"""仲裁建议书 tracked until answered and counted in the reports; 用工风险提示 built from several cases with no party named."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, respondent
from tribunal.errors import ConflictError, ValidationError
from tribunal.services import cases, recommendations, reports, training
from tribunal.services.reports import ReportRequest

LONG_NAME = "中国建筑第五工程局有限公司湖南分公司邵阳经济开发区标准厂房建设项目经理部"
NOVEMBER = ReportRequest(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _case(db, employer: str, worker: str = "张三") -> int:
    return cases.create_case(db, case_input(parties=(applicant(worker), respondent(employer))), today=TODAY).id


def _squash(path: str) -> str:
    return "".join(subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout.split())


def test_a_recommendation_is_tracked_until_answered_and_counted(db, tmp_path):
    case_id = _case(db, LONG_NAME)
    r = recommendations.create_recommendation(db, case_id, ["no_contract", "social_insurance", "no_contract"],
                                              issued_on=dt.date(2026, 11, 5), details="申请人入职八个月未签订劳动合同。",
                                              today=TODAY)
    assert r.addressee == LONG_NAME and r.practices == ("no_contract", "social_insurance")
    assert r.reply_due == dt.date(2026, 12, 5) and not r.answered and not r.overdue(TODAY)
    assert r.overdue(dt.date(2026, 12, 6))
    (row,) = recommendations.print_recommendation(db, r.id, out_dir=str(tmp_path))
    text = _squash(row.path)
    for expected in ("仲裁建议书", LONG_NAME, "未与劳动者订立书面劳动合同", "《中华人民共和国劳动合同法》第十条",
                     "《中华人民共和国社会保险法》第五十八条", "二〇二六年十二月五日前", "书面回复"):
        assert expected in text, expected
    report = reports.circuit_report(db, NOVEMBER, today=TODAY)
    assert (report.current.recommendations_sent, report.current.recommendations_answered) == (1, 0)
    assert [o.id for o in recommendations.list_recommendations(db, open_only=True)] == [r.id]
    with pytest.raises(ValidationError, match="早于发出日期"):
        recommendations.record_reply(db, r.id, replied_on=dt.date(2026, 11, 1), reply="已整改", today=TODAY)
    r = recommendations.record_reply(db, r.id, replied_on=dt.date(2026, 11, 20), reply="已补签合同并补缴社保。",
                                     today=TODAY)
    assert r.answered and recommendations.list_recommendations(db, open_only=True) == []
    with pytest.raises(ConflictError):
        recommendations.record_reply(db, r.id, replied_on=dt.date(2026, 11, 21), reply="再次回复", today=TODAY)
    report = reports.circuit_report(db, NOVEMBER, today=TODAY)
    assert (report.current.recommendations_sent, report.current.recommendations_answered) == (1, 1)
    lines = {line.key: line for line in reports.circuit_lines(report)}
    assert lines["recommendations_sent"].now == 1 and lines["recommendations_answered"].now == 1
    listed = reports.figure_list(db, NOVEMBER, "recommendations_answered", today=TODAY)
    assert [row.cells[1] for row in listed.rows] == [LONG_NAME]


def test_a_recommendation_refuses_bad_input(db):
    case_id = _case(db, "邵阳宝庆精密机械有限公司")
    with pytest.raises(ValidationError, match="至少选择一项"):
        recommendations.create_recommendation(db, case_id, [], issued_on=dt.date(2026, 11, 5), today=TODAY)
    with pytest.raises(ValidationError, match="未知的用工问题"):
        recommendations.create_recommendation(db, case_id, ["bribery"], issued_on=dt.date(2026, 11, 5), today=TODAY)
    with pytest.raises(ValidationError, match="回复期限"):
        recommendations.create_recommendation(db, case_id, ["wages"], issued_on=dt.date(2026, 11, 5),
                                              reply_due=dt.date(2026, 11, 5), today=TODAY)
    assert recommendations.list_recommendations(db) == []


def test_a_risk_notice_names_no_party_and_attaches_to_a_training(db, tmp_path):
    first = _case(db, LONG_NAME, "阿卜杜热合曼·阿卜杜克热木")
    second = _case(db, "邵阳宝庆精密机械有限公司", "李四")
    recommendations.create_recommendation(db, first, ["overtime", "social_insurance"], issued_on=dt.date(2026, 11, 5),
                                          today=TODAY)
    recommendations.create_recommendation(db, second, ["social_insurance"], issued_on=dt.date(2026, 11, 6),
                                          today=TODAY)
    with pytest.raises(ValidationError, match="至少两件"):
        recommendations.create_risk_notice(db, [first], issued_on=dt.date(2026, 11, 20), today=TODAY)
    with pytest.raises(ValidationError, match="李四"):
        recommendations.create_risk_notice(db, [first, second], issued_on=dt.date(2026, 11, 20),
                                           text="如李四一案所示，加班须协商。", today=TODAY)
    notice = recommendations.create_risk_notice(db, [first, second], issued_on=dt.date(2026, 11, 20),
                                                text="请各单位于年底前完成自查。", today=TODAY)
    path = recommendations.print_risk_notice(db, notice.id, out_dir=str(tmp_path))
    text = _squash(path)
    assert "用工风险提示" in text and "本委近期审理的2件" in text and "请各单位于年底前完成自查" in text
    # Most frequent first: social insurance (two cases) before overtime (one).
    assert text.index("社会保险") < text.index("延长工作时间") and "（2件案件涉及）" in text
    for name in (LONG_NAME, "邵阳宝庆精密机械有限公司", "阿卜杜热合曼", "李四", "张三"):
        assert name not in text
    session = training.create_session(db, None, "劳动合同与社会保险", "赵静", dt.datetime(2026, 11, 25, 14, 0), None,
                                      "开发区管委会会议室", [])
    attached = recommendations.attach_to_training(db, notice.id, session.id)
    assert attached.training_session_id == session.id
    assert [n.id for n in recommendations.risk_notices_of_training(db, session.id)] == [notice.id]

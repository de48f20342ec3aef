"""The case detail's 调解书…, 裁决书… and 仲裁建议书… dialogs: typed in, saved off the GUI thread, printed, case closed."""

from __future__ import annotations

import datetime as dt
import os

from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, respondent, seed_staff
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseOutcome, PanelRole
from tribunal.services import cases, recommendations
from tribunal.ui.case_detail import CaseDetailPane
from tribunal.ui.outcome_dialogs import AwardDialog, MediationDialog, RecommendationDialog

LONG_NAME = "中国建筑第五工程局有限公司湖南分公司邵阳经济开发区标准厂房建设项目经理部"


def _case(db: Database) -> cases.CaseDetail:
    staff = seed_staff(db)
    data = case_input(accepted_date=dt.date(2026, 11, 3), parties=(applicant("张三"), respondent(LONG_NAME)),
                      claims=(cases.ClaimInput("支付拖欠的工资", 1_800_000),
                              cases.ClaimInput("支付违法解除劳动合同赔偿金", 6_000_000)),
                      arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.SOLE),), clerk_id=staff["赵静"])
    return cases.create_case(db, data, today=TODAY)


def _grab(widget, name: str) -> None:
    folder = os.environ.get("TRIBUNAL_SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def test_the_case_detail_opens_the_three_dialogs_and_closed_cases_keep_only_the_recommendation(
        qtbot: QtBot, gui_db: Database) -> None:
    case = _case(gui_db)
    pane = CaseDetailPane(db=gui_db)
    qtbot.addWidget(pane)
    pane.show_case(case, [])
    assert [b.text() for b in pane._outcome_buttons] == ["调解书…", "裁决书…", "仲裁建议书…"]
    assert all(b.isEnabled() for b in pane._outcome_buttons)
    pane.show_case(None)
    assert not any(b.isEnabled() for b in pane._outcome_buttons)


def test_mediation_dialog_prints_and_the_last_receipt_closes_the_case(qtbot: QtBot, gui_db: Database) -> None:
    case = _case(gui_db)
    dialog = MediationDialog(gui_db, case)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.status.text() == "尚无调解书。")
    dialog.terms.setPlainText("被申请人支付申请人工资15,000元。\n双方再无其他争议。")
    dialog.amount.setText("15000")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "已制作待签收" in dialog.status.text())
    assert "特别授权" not in dialog.status.text()  # no agents on this case
    _grab(dialog, "mediation_dialog.png")
    for index in range(dialog.party.count()):
        dialog.party.setCurrentIndex(index)
        with qtbot.waitSignal(dialog.changed):
            dialog.sign_button.click()
        qtbot.waitUntil(dialog.isEnabled)
    assert "案件已调解结案" in dialog.status.text()
    closed = cases.get_case(gui_db, case.id)
    assert closed.outcome == CaseOutcome.MEDIATED and closed.result_amount_fen == 1_500_000


def test_award_dialog_prints_two_awards_for_a_mixed_award(qtbot: QtBot, gui_db: Database, boxes) -> None:
    case = _case(gui_db)
    dialog = AwardDialog(gui_db, case)
    qtbot.addWidget(dialog)
    dialog.facts.setPlainText("申请人主张被申请人拖欠工资并违法解除劳动合同。")
    dialog.reasons.setPlainText("被申请人未举证证明已足额支付工资。")
    for row, (amount, final) in enumerate((("18000", 1), ("60000", 2))):
        dialog.claims.cellWidget(row, 2).setText(amount)
        dialog.claims.cellWidget(row, 3).setCurrentIndex(final)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "裁决书 2 份" in dialog.status.text())
    _grab(dialog, "award_dialog.png")
    for index in range(dialog.party.count()):
        dialog.party.setCurrentIndex(index)
        with qtbot.waitSignal(dialog.changed):
            dialog.serve_button.click()
        qtbot.waitUntil(dialog.isEnabled)
    assert "案件已裁决结案" in dialog.status.text()
    assert cases.get_case(gui_db, case.id).result_amount_fen == 7_800_000


def test_award_dialog_asks_for_the_minimum_wage_rather_than_guess(qtbot: QtBot, gui_db: Database, boxes) -> None:
    case = _case(gui_db)
    dialog = AwardDialog(gui_db, case)
    qtbot.addWidget(dialog)
    dialog.facts.setPlainText("事实。")
    dialog.reasons.setPlainText("理由。")
    dialog.claims.cellWidget(0, 1).setCurrentIndex(0)  # 追索劳动报酬, finality as suggested
    dialog.claims.cellWidget(1, 1).setCurrentIndex(0)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "月最低工资标准" in boxes.shown[-1][2]


def test_recommendation_dialog_prints_a_letter(qtbot: QtBot, gui_db: Database) -> None:
    case = _case(gui_db)
    dialog = RecommendationDialog(gui_db, case)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.isEnabled() and "没有待回复" in dialog.open_label.text())
    dialog.practices[0][1].setChecked(True)
    dialog.details.setPlainText("申请人入职八个月未签订劳动合同。")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "请于" in dialog.status.text())
    assert LONG_NAME in dialog.status.text() and dialog.status.text().endswith(".pdf")
    qtbot.waitUntil(lambda: "待回复" in dialog.open_label.text() and dialog.isEnabled())
    _grab(dialog, "recommendation_dialog.png")
    dialog.reply.setText("已补签劳动合同。")
    dialog.reply_button.click()
    qtbot.waitUntil(lambda: not dialog.reply_button.isEnabled() and dialog.isEnabled())
    assert recommendations.list_recommendations(gui_db, open_only=True) == []
    assert recommendations.list_recommendations(gui_db)[0].reply == "已补签劳动合同。"

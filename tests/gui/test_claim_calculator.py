"""The claim calculator dialog: a calculation shown with its sources, a missing figure named,
the parameters editor, and “Copy to claims” into the case editor. Invented figures only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.calculators import CalculatorKind
from tribunal.domain.wage_parameters import ParameterKind
from tribunal.services import wage_parameters
from tribunal.ui.case_editor import CaseEditor
from tribunal.ui.claim_calculator_dialog import ClaimCalculatorDialog, WageParametersDialog
from tribunal.ui.dates import qdate

from .helpers import opened

SOURCE = "虚构文件（测试用，非官方数据）"


def open_calculator(qtbot: QtBot, db: Database, target=None) -> ClaimCalculatorDialog:
    dialog = ClaimCalculatorDialog(db, target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def calculate(qtbot: QtBot, dialog: ClaimCalculatorDialog) -> None:
    dialog.calculate()
    qtbot.waitUntil(lambda: not dialog.busy)


def fill_severance(dialog: ClaimCalculatorDialog) -> None:
    dialog.select(CalculatorKind.SEVERANCE)
    w = dialog.form().widgets
    w["start"].setDate(qdate(dt.date(2015, 3, 1)))
    w["end"].setDate(qdate(dt.date(2024, 8, 31)))
    w["monthly_wage_fen"].setText("8,000")
    w["area"].setText("测试市")


def test_missing_figure_is_named_then_the_result_shows_sources(qtbot: QtBot, gui_db: Database, tmp_path: Path):
    dialog = open_calculator(qtbot, gui_db)
    fill_severance(dialog)
    calculate(qtbot, dialog)
    assert dialog.calculation is None
    assert "测试市在 2024-08-31 适用的上年度职工月平均工资尚未录入" in dialog.message.text()

    wage_parameters.add(gui_db, ParameterKind.AVERAGE_WAGE, "测试市", dt.date(2024, 1, 1), 6_000_00, SOURCE)
    wage_parameters.add(gui_db, ParameterKind.MINIMUM_WAGE, "测试市", dt.date(2024, 1, 1), 1_800_00, SOURCE)
    calculate(qtbot, dialog)
    assert dialog.calculation is not None and dialog.calculation.total_fen == 8_000_000
    text = dialog.output.toPlainText()
    assert "参考计算" in text and "80,000.00" in text and SOURCE in text and "计算方法" in text
    assert not dialog.copy_button.isEnabled()  # opened from Tools: no claims to copy into
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "claim_calculator.png"))


def test_bad_amount_is_refused_with_a_message(qtbot: QtBot, gui_db: Database):
    dialog = open_calculator(qtbot, gui_db)
    dialog.select(CalculatorKind.OVERTIME)
    dialog.form().widgets["monthly_wage_fen"].setText("abc")
    dialog.form().widgets["workday_hours"].setText("3")
    dialog.calculate()
    assert not dialog.busy and "不是有效的数字" in dialog.message.text()


def test_copy_into_the_case_editors_claims(qtbot: QtBot, seeded_db: Database):
    editor = CaseEditor(seeded_db)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.claim_rows()[0].item.setText("支付加班费")
    dialog = open_calculator(qtbot, seeded_db, target=editor)
    dialog.select(CalculatorKind.OVERTIME)
    w = dialog.form().widgets
    w["monthly_wage_fen"].setText("4350")
    w["workday_hours"].setText("10")
    w["holiday_hours"].setText("8")
    calculate(qtbot, dialog)
    assert dialog.calculation is not None and dialog.calculation.total_fen == 97_500
    assert dialog.copy_button.isEnabled()
    # Into the existing claim 1 …
    dialog.claim_choice.setCurrentIndex(dialog.claim_choice.findData(0))
    dialog.copy_button.click()
    assert editor.claim_rows()[0].amount.text() == "975.00"
    assert "第1项" in dialog.message.text() or "1" in dialog.message.text()
    # … and as a new claim.
    dialog.claim_choice.setCurrentIndex(0)
    dialog.copy_button.click()
    rows = editor.claim_rows()
    assert len(rows) == 2 and (rows[1].item.text(), rows[1].amount.text()) == ("支付加班费", "975.00")


def test_parameters_editor_adds_and_lists(qtbot: QtBot, gui_db: Database, tmp_path: Path):
    dialog = WageParametersDialog(gui_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ParameterKind.INJURY_MEDICAL))
    assert dialog.grade.isEnabled() and dialog.unit.isEnabled()
    dialog.area.setText("测试市")
    dialog.valid_from.setDate(qdate(dt.date(2024, 1, 1)))
    dialog.unit.setCurrentIndex(1)
    dialog.value.setText("8.5")
    dialog.source.setText(SOURCE)
    dialog.add()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.model.rowCount() == 1, dialog.message.text()
    (stored,) = wage_parameters.list_parameters(gui_db)
    assert (stored.parameter.grade, stored.parameter.value) == (5, 850)
    # A missing source is refused with the reason.
    dialog.source.setText("")
    dialog.add()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "来源" in dialog.message.text() and dialog.model.rowCount() == 1
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "wage_parameters.png"))

"""The case editor: saving through the real widgets, and every refusal shown beside its field."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.enums import CaseStatus, PanelRole, PartyKind, PartyRole
from tribunal.services import cases
from tribunal.ui.case_editor import TAB_BASIC, TAB_CLAIMS, TAB_PARTIES, TAB_TRIBUNAL, CaseEditor

from .helpers import (
    VALID_CODE,
    MessageBoxes,
    click_save,
    fill_new_case,
    make_case,
    opened,
    settle,
    staff_id,
    type_into,
)


def new_editor(qtbot: QtBot, db: Database, case_id: int | None = None) -> CaseEditor:
    editor = CaseEditor(db, case_id)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.show()
    return editor


def test_new_case_is_saved_with_everything_typed(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor)
    editor.sole_arbitrator.setCurrentIndex(editor.sole_arbitrator.findText("李建国"))
    editor.clerk.setCurrentIndex(editor.clerk.findText("赵静"))
    editor.tribunal.setCurrentIndex(1)

    with qtbot.waitSignal(editor.case_saved) as saved:
        click_save(qtbot, editor)

    case = saved.args[0]
    assert editor.saved_case == case
    assert case.number.endswith("第1号")
    applicant, respondent = case.parties
    assert (applicant.role, applicant.kind, applicant.name) == (PartyRole.APPLICANT, PartyKind.PERSON, "张三")
    assert applicant.phone == "13807311234"
    assert (respondent.role, respondent.kind) == (PartyRole.RESPONDENT, PartyKind.ORGANISATION)
    assert respondent.credit_code == VALID_CODE
    assert [(c.item, c.amount_fen) for c in case.claims] == [("支付2026年3月至5月拖欠的工资", 1_234_500)]
    assert [(a.name, a.role) for a in case.arbitrators] == [("李建国", PanelRole.SOLE)]
    assert case.clerk_id == staff_id(seeded_db, "赵静")
    assert case.tribunal_id is not None
    assert cases.count_cases(seeded_db) == 1


def test_amount_is_reformatted_and_totalled(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    type_into(qtbot, editor.claim_rows()[0].amount, "１２３４５.5")
    second = editor.add_claim()
    type_into(qtbot, second.amount, "¥1,000元")
    assert editor.claim_rows()[0].amount.text() == "12,345.50"
    assert "13,345.50" in editor.claim_total.text()


def test_amounts_in_wan_and_with_commas_are_read(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    rows = [editor.claim_rows()[0], editor.add_claim(), editor.add_claim()]
    for row, typed in zip(rows, ("1.2万", "12,000", "12000.50"), strict=True):
        type_into(qtbot, row.amount, typed)
    assert [r.amount.text() for r in rows] == ["12,000.00", "12,000.00", "12,000.50"]
    assert "36,000.50" in editor.claim_total.text()


def test_bad_id_number_is_refused_beside_the_field(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor, id_number="430102199003070013")

    click_save(qtbot, editor)

    feedback = editor.feedback("parties[0].id_number")
    assert feedback is not None and feedback.has_error
    assert feedback.label.isVisible()
    assert "校验位" in feedback.text
    assert feedback.field.property("invalid") is True
    assert editor.tabs.currentIndex() == TAB_PARTIES
    assert editor.party_list.currentRow() == 0
    assert editor.summary.isVisible() and "未保存" in editor.summary.text()
    assert editor.isVisible() and editor.saved_case is None
    assert cases.count_cases(seeded_db) == 0


def test_bad_id_number_is_reported_when_leaving_the_field(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    form = editor.party_forms()[0]

    type_into(qtbot, form.id_number, "43010219900307")
    assert "18位" in form.feedback("id_number").text

    type_into(qtbot, form.id_number, "430102199003070012")
    assert not form.feedback("id_number").has_error
    assert "男" in form.feedback("id_number").text  # what the number says, for checking


def test_bad_phone_is_refused_beside_the_field(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor, phone="1380731123")
    form = editor.party_forms()[0]
    assert "11位" in form.feedback("phone").text  # already said when the clerk left the field

    click_save(qtbot, editor)

    feedback = editor.feedback("parties[0].phone")
    assert feedback is not None and feedback.has_error and feedback.label.isVisible()
    assert "手机号码应为11位" in feedback.text
    assert editor.tabs.currentIndex() == TAB_PARTIES
    assert cases.count_cases(seeded_db) == 0


def test_missing_respondent_is_refused_beside_the_party_list(
    qtbot: QtBot, seeded_db: Database, boxes: MessageBoxes
) -> None:
    editor = new_editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor)
    editor.party_list.setCurrentRow(1)
    assert editor.remove_party()  # asks first, since the respondent has a name
    assert boxes.kinds() == ["confirm"]

    click_save(qtbot, editor)

    assert editor.parties_feedback.has_error
    assert "被申请人" in editor.parties_feedback.text
    assert editor.party_list.property("invalid") is True
    assert editor.tabs.currentIndex() == TAB_PARTIES
    assert cases.count_cases(seeded_db) == 0


def test_errors_on_several_tabs_go_to_the_first(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor, amount="12.345", applicant="")
    editor.tabs.setCurrentIndex(TAB_TRIBUNAL)
    editor.status.setCurrentIndex(editor.status.findData(CaseStatus.HEARD))  # needs acceptance

    click_save(qtbot, editor)

    assert editor.tabs.currentIndex() == TAB_BASIC
    assert "受理日期" in editor.feedback("accepted_date").text
    assert "请填写姓名" in editor.feedback("parties[0].name").text
    assert "两位小数" in editor.feedback("claims[0].amount").text
    assert "3 处" in editor.summary.text()
    assert cases.count_cases(seeded_db) == 0


def test_the_summary_and_marks_follow_the_corrections_and_nothing_moves(
    qtbot: QtBot, seeded_db: Database
) -> None:
    editor = new_editor(qtbot, seeded_db)
    editor.show()
    fill_new_case(qtbot, editor, amount="12.345", applicant="")
    editor.status.setCurrentIndex(editor.status.findData(CaseStatus.HEARD))  # needs acceptance
    click_save(qtbot, editor)
    assert "3 处" in editor.summary.text()
    form = editor.party_forms()[0]
    editor.tabs.setCurrentIndex(TAB_PARTIES)
    below = form.id_number.mapTo(editor, form.id_number.rect().topLeft())
    red = editor.tabs.tabBar().tabTextColor(TAB_PARTIES)

    type_into(qtbot, form.name, "张三")  # the error line under the name goes…
    assert not editor.feedback("parties[0].name").has_error
    assert form.id_number.mapTo(editor, form.id_number.rect().topLeft()) == below  # …nothing moves
    assert "2 处" in editor.summary.text()
    assert editor.tabs.tabBar().tabTextColor(TAB_PARTIES) != red  # the tab is no longer red

    type_into(qtbot, editor.claim_rows()[0].amount, "1.2万")
    editor.status.setCurrentIndex(editor.status.findData(CaseStatus.RECEIVED))
    editor.feedback("accepted_date").clear()  # what the status check does on a valid pair
    assert editor.summary.isVisible() and "保存" in editor.summary.text()
    assert "未保存" not in editor.summary.text() and editor.summary.property("resolved") is True


def test_credit_code_with_wrong_check_character_needs_confirmation(
    qtbot: QtBot, seeded_db: Database
) -> None:
    editor = new_editor(qtbot, seeded_db)
    odd_code = VALID_CODE[:-1] + ("R" if VALID_CODE[-1] != "R" else "T")
    fill_new_case(qtbot, editor, credit_code=odd_code)
    form = editor.party_forms()[1]
    assert not form.credit_code_confirmed.isHidden()
    assert form.feedback("credit_code").kind == "warning"

    click_save(qtbot, editor)
    assert editor.feedback("parties[1].credit_code").has_error
    assert cases.count_cases(seeded_db) == 0

    form.credit_code_confirmed.setChecked(True)
    click_save(qtbot, editor)
    assert editor.saved_case is not None
    assert editor.saved_case.parties[1].credit_code == odd_code


def test_incomplete_panel_is_refused_on_the_tribunal_tab(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor)
    editor.panel_three.setChecked(True)
    editor.presiding_arbitrator.setCurrentIndex(editor.presiding_arbitrator.findText("李建国"))

    click_save(qtbot, editor)

    assert editor.tabs.currentIndex() == TAB_TRIBUNAL
    assert "还差 2 名" in editor.arbitrators_feedback.text
    assert cases.count_cases(seeded_db) == 0


def test_editing_loads_the_case_and_saves_changes(qtbot: QtBot, seeded_db: Database) -> None:
    case = make_case(seeded_db)
    editor = new_editor(qtbot, seeded_db, case.id)
    assert editor.number.text() == case.number
    assert [f.name.text() for f in editor.party_forms()] == ["张三", "邵阳宝庆精密机械有限公司"]
    assert editor.claim_rows()[0].amount.text() == "12,345.00"

    type_into(qtbot, editor.party_forms()[1].name, "邵阳新材料有限公司")
    editor.accepted_on.setChecked(True)
    editor.accepted_date.setDate(QDate(dt.date.today()))
    assert editor.status.currentData() == CaseStatus.ACCEPTED  # follows the acceptance
    click_save(qtbot, editor)

    saved = cases.get_case(seeded_db, case.id)
    assert saved.parties[1].name == "邵阳新材料有限公司"
    assert saved.status == CaseStatus.ACCEPTED


def test_someone_elses_edit_is_reported_in_a_message_box(
    qtbot: QtBot, seeded_db: Database, boxes: MessageBoxes
) -> None:
    case = make_case(seeded_db)
    editor = new_editor(qtbot, seeded_db, case.id)
    other = cases.get_case(seeded_db, case.id).to_input()
    cases.update_case(seeded_db, case.id, other)  # another clerk saves first

    type_into(qtbot, editor.party_forms()[0].address, "大祥区")
    click_save(qtbot, editor)

    assert boxes.kinds() == ["stale"]
    # Says who saved in between and that this save was not kept; the typing is still there.
    assert f"{seeded_db.actor}修改并保存了此记录" in boxes.texts() and "您的修改尚未保存" in boxes.texts()
    assert editor.saved_case is None
    assert editor.party_forms()[0].address.text().endswith("大祥区")


def test_cancel_with_unsaved_typing_asks_first(
    qtbot: QtBot, seeded_db: Database, boxes: MessageBoxes
) -> None:
    editor = new_editor(qtbot, seeded_db)
    editor.reject()
    assert boxes.shown == [] and not editor.isVisible()  # nothing typed: no question

    editor = new_editor(qtbot, seeded_db)
    type_into(qtbot, editor.party_forms()[0].name, "张三")
    boxes.confirm_answer = False
    editor.reject()
    assert boxes.kinds() == ["confirm"] and editor.isVisible()


def test_ask_returns_the_saved_case(qtbot: QtBot, seeded_db: Database, monkeypatch) -> None:
    def exec_(dialog: CaseEditor) -> int:  # not given to qtbot: ask() deletes it itself
        opened(qtbot, dialog)
        fill_new_case(qtbot, dialog)
        click_save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(CaseEditor, "exec", exec_)
    case = CaseEditor.ask(None, seeded_db)
    assert case is not None and cases.get_case(seeded_db, case.id).number == case.number


def test_ask_for_a_missing_case_says_so(qtbot: QtBot, seeded_db: Database, boxes: MessageBoxes) -> None:
    assert CaseEditor.ask(None, seeded_db, 999) is None
    assert boxes.kinds() == ["warning"] and "999" in boxes.texts()


def test_claims_tab_error_for_too_many_claims_is_shown(qtbot: QtBot, seeded_db: Database) -> None:
    editor = new_editor(qtbot, seeded_db)
    editor.show_errors({"claims": "仲裁请求过多（最多 100 项）", "mystery": "其他问题"})
    assert editor.tabs.currentIndex() == TAB_CLAIMS
    assert editor.claims_feedback.has_error
    assert "其他问题" in editor.summary.text()  # a reason with no field goes in the summary


def test_a_respondent_is_picked_from_the_enterprise_directory(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tribunal.services import enterprises
    from tribunal.ui.enterprise_picker import EnterprisePicker

    known = next(p for cid in cases.search_case_ids(demo_db, cases.CaseFilter())
                 for p in cases.get_case(demo_db, cid).parties
                 if p.enterprise_id is not None and p.legal_representative)
    entry = enterprises.get_enterprise(demo_db, known.enterprise_id)
    picker = EnterprisePicker(demo_db, entry.row.credit_code or entry.row.name)
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=5000)
    assert picker.ok_button.isEnabled()  # the single match is selected
    picker.pick()
    picked = picker.picked
    assert picked is not None and picked.enterprise_id == known.enterprise_id
    assert picked.legal_representative == known.legal_representative  # from its last case

    editor = CaseEditor(demo_db)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    monkeypatch.setattr(EnterprisePicker, "ask", staticmethod(lambda _parent, _db, _text="": picked))
    respondent = editor.party_forms()[1]
    assert respondent.pick_button.isVisibleTo(respondent)
    assert editor.pick_enterprise(respondent)
    assert (respondent.name.text(), respondent.credit_code.text(), respondent.legal_representative.text()) == (
        picked.name, picked.credit_code, picked.legal_representative)
    assert respondent.to_input().enterprise_id == picked.enterprise_id
    assert not editor.party_forms()[0].pick_button.isVisibleTo(editor.party_forms()[0])  # a person


def test_while_the_case_is_read_the_form_takes_no_input_and_escape_closes_it(
        qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    case = make_case(seeded_db)
    answered = threading.Event()
    read = cases.get_case

    def slow(*args: object, **kwargs: object) -> cases.CaseDetail:
        answered.wait(10)  # a slow server
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cases, "get_case", slow)
    editor = CaseEditor(seeded_db, case.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.case_summary, "typed too early")
    assert editor.case_summary.toPlainText() == ""  # nothing typed into a form not yet filled
    assert not editor.save()
    # Slow: greyed out under 正在读取… (a quick answer never shows it: no flicker).
    qtbot.waitUntil(lambda: not editor.tabs.isEnabled(), timeout=5000)
    assert editor.loading.line.isVisible() and editor.loading.line.text() == "正在读取…"
    assert not editor.save_button.isEnabled()
    qtbot.keyClick(editor.case_summary, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.result() == QDialog.DialogCode.Rejected
    answered.set()
    settle(qtbot)  # the answer for a closed editor is dropped
    assert editor.case is None and not editor.loading.ready


def test_an_editor_deleted_before_its_record_arrives_gets_nothing(
        qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    case = make_case(seeded_db)
    answered = threading.Event()
    read = cases.get_case
    monkeypatch.setattr(cases, "get_case", lambda *a, **kw: answered.wait(10) and read(*a, **kw))
    editor = CaseEditor(seeded_db, case.id)
    editor.show()
    with qtbot.waitSignal(editor.destroyed):
        editor.deleteLater()
    answered.set()
    settle(qtbot)

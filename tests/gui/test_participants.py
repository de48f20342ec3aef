"""The 其他参与人 tab of a case: recording witnesses through the dialog, refusals beside the fields,
deleting after a confirmation, closed cases, and the invitation check that keeps witnesses out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseStatus, ParticipantRole
from tribunal.errors import ValidationError
from tribunal.services import cases, enterprises, hearings, observers, participants
from tribunal.services.cases import CaseFilter
from tribunal.ui.case_detail import (
    CLOCKS_TAB_POSITION,
    PARTICIPANTS_TAB_POSITION,
    TAB_HISTORY,
    CaseDetailPane,
)
from tribunal.ui.participants_widgets import (
    COL_ENTERPRISE,
    COL_ID_NUMBER,
    COL_NAME,
    COL_NOTES,
    COL_PHONE,
    COL_ROLE,
    ParticipantDialog,
    ParticipantsTab,
)

from .helpers import VALID_ID, MessageBoxes, opened, settle, type_into

FOOD = "邵阳市资江食品有限公司"  # not a party of the showcase case: only the witness record can refuse


@pytest.fixture
def showcase(demo_db: Database) -> hearings.HearingRow:
    """The first public hearing of the demo (the work-injury showcase, case with one witness)."""
    first = hearings.list_hearings(demo_db)[0]
    assert first.public
    return first


def open_pane(qtbot: QtBot, db: Database, case_id: int) -> CaseDetailPane:
    pane = CaseDetailPane(db=db)
    qtbot.addWidget(pane)
    pane.participants._today = lambda: TODAY  # type: ignore[method-assign]
    pane.clocks._today = lambda: TODAY  # type: ignore[method-assign]
    pane.show_case(cases.get_case(db, case_id), [])
    pane.setCurrentIndex(PARTICIPANTS_TAB_POSITION)
    settle(qtbot)
    return pane


def drive_dialog(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                 fill: Callable[[ParticipantDialog], None]) -> list[str]:
    """Replace the modal exec() of the editor by filling it and pressing Save.

    Returns the titles of the dialogs opened (ask() deletes each dialog once it is closed).
    """
    titles: list[str] = []

    def exec_(dialog: ParticipantDialog) -> int:
        titles.append(dialog.windowTitle())
        dialog.show()
        opened(qtbot, dialog)
        fill(dialog)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(ParticipantDialog, "exec", exec_)
    return titles


def fill_witness(qtbot: QtBot, dialog: ParticipantDialog, *, name: str = "王小二", id_number: str = "",
                 phone: str = "13807315555", enterprise: str = FOOD, notes: str = "申请人同班组工友") -> None:
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.WITNESS.value))
    type_into(qtbot, dialog.name, name)
    type_into(qtbot, dialog.id_number, id_number)
    type_into(qtbot, dialog.phone, phone)
    assert dialog.set_enterprise(enterprise)
    dialog.notes.setPlainText(notes)


def cell(tab: ParticipantsTab, row: int, column: int) -> str:
    return tab.model.data(tab.model.index(row, column))


def names(tab: ParticipantsTab) -> list[str]:
    return [p.name for p in tab.model.rows()]


# ---------------------------------------------------------------------- the tab in the case view


def test_the_tab_stands_after_the_tribunal_and_before_the_time_limits(qtbot: QtBot, demo_db: Database,
                                                                     showcase: hearings.HearingRow) -> None:
    pane = open_pane(qtbot, demo_db, showcase.case_id)
    titles = [pane.tabText(i) for i in range(pane.count())]
    assert titles == ["概况", "当事人", "仲裁请求", "仲裁庭", "其他参与人", "期限", "修改记录"]
    assert pane.widget(PARTICIPANTS_TAB_POSITION) is pane.participants
    assert pane.widget(CLOCKS_TAB_POSITION) is pane.clocks
    assert (PARTICIPANTS_TAB_POSITION, CLOCKS_TAB_POSITION) == (4, 5)
    tab = pane.participants
    assert tab.case_id() == showcase.case_id
    # The demo's witness, with the columns the clerk reads.
    assert tab.model.rowCount() == 1
    assert [cell(tab, 0, c) for c in (COL_ROLE, COL_NAME, COL_ENTERPRISE, COL_PHONE, COL_ID_NUMBER)] == [
        "证人", "彭志强", "湖南湘中纺织科技有限公司", "", ""]
    assert cell(tab, 0, COL_NOTES) == "被申请人冲压车间主任，证明受伤经过"
    assert [tab.model.column_header(c) for c in range(6)] == ["身份", "姓名", "所在单位", "联系电话", "身份证号码", "备注"]
    assert tab.summary.text() == f"{showcase.case_number}：已登记 1 人"
    assert tab.add_button.isEnabled()
    assert not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()  # nothing selected
    assert tab.select(tab.model.rows()[0].id)
    assert tab.edit_button.isEnabled() and tab.remove_button.isEnabled()
    assert not tab.closed_note.isVisibleTo(tab)

    pane.show_case(None)
    settle(qtbot)
    assert tab.case_id() is None and tab.model.rowCount() == 0
    assert not tab.add_button.isEnabled()
    assert tab.summary.text() == "请在上方列表中选择案件，查看其证人和其他参与人。"


def test_the_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot, demo_db: Database,
                                              showcase: hearings.HearingRow) -> None:
    participants.add_participant(demo_db, showcase.case_id, ParticipantRole.APPRAISER, "钱鉴",
                                 id_number=VALID_ID, phone="0739-5201234", today=TODAY)
    tab = ParticipantsTab(demo_db, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show_case(showcase.case_id, showcase.case_number)
    settle(qtbot)
    assert tab.model.rowCount() == 2
    assert [cell(tab, 1, c) for c in (COL_ROLE, COL_PHONE, COL_ID_NUMBER)] == [
        "鉴定人", "0739-*****34", "4301**********0012"]
    qtmodeltester.check(tab.model)


def test_adding_a_witness_through_the_dialog_shows_it_in_the_tab(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, demo_db: Database, showcase: hearings.HearingRow,
    boxes: MessageBoxes,
) -> None:
    pane = open_pane(qtbot, demo_db, showcase.case_id)
    tab = pane.participants
    opened = drive_dialog(monkeypatch, qtbot, lambda d: fill_witness(qtbot, d, id_number=VALID_ID))

    with qtbot.waitSignal(pane.participants_changed) as changed:
        tab.add_button.click()
    settle(qtbot)

    assert changed.args == [showcase.case_id]
    assert opened == [f"添加其他参与人 — {showcase.case_number}"]
    assert names(tab) == ["彭志强", "王小二"]
    assert [cell(tab, 1, c) for c in range(6)] == [
        "证人", "王小二", FOOD, "138****5555", "4301**********0012", "申请人同班组工友"]
    assert tab.selected() is not None and tab.selected().name == "王小二"  # type: ignore[union-attr]
    assert tab.summary.text() == f"{showcase.case_number}：已登记 2 人"
    stored = participants.list_participants(demo_db, showcase.case_id)[1]
    assert (stored.role, stored.name, stored.id_number, stored.phone, stored.enterprise_name) == (
        ParticipantRole.WITNESS, "王小二", VALID_ID, "13807315555", FOOD)
    # The case's history shows the entry at once, by name and role, without the full numbers.
    history = pane.text(TAB_HISTORY)
    assert f"{showcase.case_number} 登记证人王小二" in history
    assert VALID_ID not in history and "13807315555" not in history
    assert boxes.shown == []


def test_editing_changes_the_participant_and_the_history_names_the_fields(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, demo_db: Database, showcase: hearings.HearingRow,
) -> None:
    pane = open_pane(qtbot, demo_db, showcase.case_id)
    tab = pane.participants
    witness = tab.model.rows()[0]
    tab.select(witness.id)

    def change(dialog: ParticipantDialog) -> None:
        assert dialog.windowTitle() == f"修改其他参与人 — {showcase.case_number}"
        assert (dialog.name.text(), dialog.enterprise.currentText()) == ("彭志强", "湖南湘中纺织科技有限公司")
        assert dialog.notes.toPlainText() == witness.notes
        type_into(qtbot, dialog.phone, "13907390000")

    drive_dialog(monkeypatch, qtbot, change)
    with qtbot.waitSignal(tab.participants_changed):
        tab.edit_button.click()
    settle(qtbot)
    assert cell(tab, 0, COL_PHONE) == "139****0000"
    assert participants.get_participant(demo_db, witness.id).phone == "13907390000"
    assert "联系电话：（空） → 139****0000" in pane.text(TAB_HISTORY)


def test_a_bad_id_number_is_shown_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, demo_db: Database, showcase: hearings.HearingRow, boxes: MessageBoxes,
) -> None:
    dialog = ParticipantDialog(demo_db, showcase.case_id, showcase.case_number, TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.show()
    fill_witness(qtbot, dialog, id_number="430102199003070013")  # wrong check character

    assert dialog.save() is False
    id_feedback = dialog.feedback("id_number")
    # Beside the field, without the field's name the service's one-line message starts with.
    assert id_feedback.has_error and id_feedback.text == "身份证号码校验位不正确：应为2，实为3"
    assert dialog.id_number.property("invalid") is True
    for other in ("role", "name", "phone", "enterprise_id", "notes"):
        assert not dialog.feedback(other).has_error, other
    assert not dialog.summary.isVisibleTo(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert [p.name for p in participants.list_participants(demo_db, showcase.case_id)] == ["彭志强"]

    # Two faults at once: each reason stands beside its own field.
    type_into(qtbot, dialog.name, "")
    type_into(qtbot, dialog.phone, "12345")
    assert dialog.save() is False
    assert dialog.feedback("name").has_error and dialog.feedback("phone").text == "手机号码应为11位，实为5位"
    assert dialog.feedback("id_number").has_error

    # Corrected, it saves and the reasons are gone.
    type_into(qtbot, dialog.name, "王小二")
    type_into(qtbot, dialog.phone, "13807315555")
    type_into(qtbot, dialog.id_number, VALID_ID)
    assert dialog.save() is True
    assert not dialog.feedback("id_number").has_error and dialog.id_number.property("invalid") is False
    assert dialog.saved is not None and dialog.saved.id_number == VALID_ID
    assert boxes.shown == []


def test_an_enterprise_not_in_the_directory_is_refused_beside_the_field(
    qtbot: QtBot, demo_db: Database, showcase: hearings.HearingRow,
) -> None:
    dialog = ParticipantDialog(demo_db, showcase.case_id, showcase.case_number, TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    fill_witness(qtbot, dialog)
    dialog.enterprise.setEditText("邵阳某某不存在有限公司")
    assert dialog.save() is False
    assert dialog.feedback("enterprise_id").text.startswith("企业名录中没有这家企业")
    assert len(participants.list_participants(demo_db, showcase.case_id)) == 1
    dialog.enterprise.setEditText("")  # no enterprise at all is allowed
    assert dialog.save() is True and dialog.saved is not None and dialog.saved.enterprise_id is None


def test_the_same_witness_twice_is_refused_with_a_message(
    qtbot: QtBot, demo_db: Database, showcase: hearings.HearingRow, boxes: MessageBoxes,
) -> None:
    dialog = ParticipantDialog(demo_db, showcase.case_id, showcase.case_number, TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    fill_witness(qtbot, dialog, name="彭志强", phone="", enterprise="湖南湘中纺织科技有限公司")
    assert dialog.save() is False
    assert boxes.shown == [("warning", "无法保存", f"案件 {showcase.case_number} 已登记证人彭志强", "")]
    assert len(participants.list_participants(demo_db, showcase.case_id)) == 1


def test_delete_asks_first_and_cancelling_keeps_the_participant(
    qtbot: QtBot, demo_db: Database, showcase: hearings.HearingRow, boxes: MessageBoxes,
) -> None:
    pane = open_pane(qtbot, demo_db, showcase.case_id)
    tab = pane.participants
    tab.select(tab.model.rows()[0].id)

    boxes.confirm_answer = False
    tab.remove_button.click()
    assert names(tab) == ["彭志强"] and len(participants.list_participants(demo_db, showcase.case_id)) == 1
    kind, title, text, _ = boxes.shown[-1]
    assert (kind, title) == ("confirm", "删除其他参与人")
    assert text.startswith(f"从案件 {showcase.case_number} 中删除证人彭志强？")

    boxes.confirm_answer = True
    with qtbot.waitSignal(tab.participants_changed):
        tab.remove_button.click()
    settle(qtbot)
    assert names(tab) == [] and participants.list_participants(demo_db, showcase.case_id) == []
    assert [k for k, *_ in boxes.shown] == ["confirm", "confirm"]
    assert f"{showcase.case_number} 删除证人彭志强" in pane.text(TAB_HISTORY)
    assert tab.summary.text().endswith("没有登记证人、鉴定人、翻译人员或其他参与人")
    assert not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()


def test_a_closed_case_can_be_read_but_not_changed(qtbot: QtBot, demo_db: Database,
                                                   boxes: MessageBoxes) -> None:
    closed = cases.search_cases(demo_db, CaseFilter(status=CaseStatus.CLOSED), limit=1)[0]
    pane = open_pane(qtbot, demo_db, closed.id)
    tab = pane.participants
    assert tab.closed_note.isVisibleTo(tab)
    assert "已结案" in tab.closed_note.text()
    assert not tab.add_button.isEnabled() and not tab.edit_button.isEnabled()
    assert not tab.remove_button.isEnabled()
    assert tab.add_participant() is None and tab.remove_participant() is False
    # Reopening the case (shown again as open) gives the buttons back.
    pane.show_case(cases.reopen_case(demo_db, closed.id, "当事人申请更正"), [])
    settle(qtbot)
    assert tab.add_button.isEnabled() and not tab.closed_note.isVisibleTo(tab)
    assert boxes.shown == []


def test_a_closed_case_refused_by_the_service_is_told_in_a_message(
    qtbot: QtBot, demo_db: Database, boxes: MessageBoxes,
) -> None:
    # The case was closed elsewhere after the dialog opened: the service's reason is shown.
    closed = cases.search_cases(demo_db, CaseFilter(status=CaseStatus.CLOSED), limit=1)[0]
    dialog = ParticipantDialog(demo_db, closed.id, closed.number, TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    fill_witness(qtbot, dialog)
    assert dialog.save() is False
    assert boxes.shown == [("warning", "无法保存",
                            f"案件 {closed.number} 已结案，不能再修改诉讼参与人；如需更正请先撤销结案", "")]


def test_the_english_interface(qtbot: QtBot, english: None, demo_db: Database,
                               showcase: hearings.HearingRow) -> None:
    pane = open_pane(qtbot, demo_db, showcase.case_id)
    assert pane.tabText(PARTICIPANTS_TAB_POSITION) == "Other participants"
    assert cell(pane.participants, 0, COL_ROLE) == "Witness"
    assert pane.participants.add_button.text() == "Add…"


# ---------------------------------------------------------------------- the gallery stays closed to them


def test_a_witness_recorded_in_the_tab_may_not_be_invited_to_observe(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, demo_db: Database, showcase: hearings.HearingRow,
) -> None:
    food = next(e.id for e in enterprises.search_enterprises(demo_db, FOOD) if e.name == FOOD)
    person = observers.add_observer(demo_db, "王小二", enterprise_id=food, title="人事专员", today=TODAY)
    [before] = observers.check_eligibility(demo_db, showcase.id, [person.id])
    assert before.refusals == ()  # an HR officer of a neighbouring firm, until the witness is recorded

    pane = open_pane(qtbot, demo_db, showcase.case_id)
    drive_dialog(monkeypatch, qtbot, lambda d: fill_witness(qtbot, d, phone=""))
    with qtbot.waitSignal(pane.participants_changed):
        pane.participants.add_button.click()
    settle(qtbot)
    assert names(pane.participants) == ["彭志强", "王小二"]

    # Same name, same enterprise: the service refuses the invitation, and invites nobody.
    with pytest.raises(ValidationError) as refused:
        observers.invite(demo_db, showcase.id, [person.id])
    assert refused.value.message == "以下人员不能旁听，未发出任何邀请：王小二：该人员是本案证人，不得旁听"
    assert refused.value.fields == {f"observer[{person.id}]": "该人员是本案证人，不得旁听"}
    assert person.id not in {i.observer_id for i in observers.list_invitations(demo_db, showcase.id)}

    # Taken off the case through the tab, the person may be invited again.
    pane.participants.select(pane.participants.model.rows()[1].id)
    pane.participants.remove_button.click()
    [after] = observers.check_eligibility(demo_db, showcase.id, [person.id])
    assert after.refusals == ()

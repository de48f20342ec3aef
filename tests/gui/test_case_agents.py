"""Agents in the case editor's party tab: two at most, every field, refusals beside the fields."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.enums import AgentAuthority, AgentKind, SpecialAuthority
from tribunal.services import cases
from tribunal.ui.case_editor import TAB_PARTIES, CaseEditor

from .helpers import click_save, fill_new_case, make_case, opened, type_into


def _editor(qtbot: QtBot, db: Database, case_id: int | None = None) -> CaseEditor:
    editor = CaseEditor(db, case_id)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.show()
    return editor


def test_a_lawyer_and_a_relative_are_saved_with_every_field(qtbot: QtBot, seeded_db: Database) -> None:
    editor = _editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor)
    box = editor.party_forms()[0].agents
    assert not box.forms and box.none_label.isVisibleTo(box)  # "no agent" said while there is none
    lawyer = box.add_agent()
    assert lawyer is not None
    lawyer.kind.setCurrentIndex(lawyer.kind.findData(AgentKind.LAWYER.value))
    type_into(qtbot, lawyer.name, "汪婷婷")
    type_into(qtbot, lawyer.organisation, "湖南宝庆律师事务所")
    type_into(qtbot, lawyer.address, "湖南省邵阳市双清区东大路88号")
    type_into(qtbot, lawyer.phone, "139 0739 1111")
    assert lawyer.phone.text() == "13907391111"  # tidied when the clerk leaves the field
    type_into(qtbot, lawyer.licence_number, "14305201010234567")
    lawyer.legal_aid.setChecked(True)
    lawyer.authority.setCurrentIndex(lawyer.authority.findData(AgentAuthority.SPECIAL.value))
    assert lawyer.items[SpecialAuthority.SETTLE].isEnabled()
    lawyer.items[SpecialAuthority.SETTLE].setChecked(True)

    relative = box.add_agent()
    assert relative is not None
    relative.kind.setCurrentIndex(relative.kind.findData(AgentKind.CLOSE_RELATIVE.value))
    assert relative.licence_number.isHidden() or not relative.licence_number.isVisibleTo(relative)
    type_into(qtbot, relative.name, "阿卜杜热合曼·阿卜杜克热木")
    type_into(qtbot, relative.relation, "配偶")
    assert not box.add_button.isEnabled()  # two is the most
    assert box.add_agent() is None

    click_save(qtbot, editor)
    assert editor.saved_case is not None
    first, second = editor.saved_case.parties[0].agents
    assert (first.kind, first.name, first.organisation, first.address, first.phone, first.licence_number,
            first.legal_aid, first.authority, first.special_items) == (
        AgentKind.LAWYER, "汪婷婷", "湖南宝庆律师事务所", "湖南省邵阳市双清区东大路88号", "13907391111",
        "14305201010234567", True, AgentAuthority.SPECIAL, (SpecialAuthority.SETTLE,))
    assert (second.kind, second.name, second.relation, second.authority) == (
        AgentKind.CLOSE_RELATIVE, "阿卜杜热合曼·阿卜杜克热木", "配偶", None)


def test_a_statutory_agent_has_no_authority_fields(qtbot: QtBot, seeded_db: Database) -> None:
    editor = _editor(qtbot, seeded_db)
    form = editor.party_forms()[0].agents.add_agent()
    assert form is not None
    form.kind.setCurrentIndex(form.kind.findData(AgentKind.STATUTORY.value))
    assert not form.authority.isVisibleTo(form) and form.by_law.isVisibleTo(form)
    assert not form.items[SpecialAuthority.SETTLE].isVisibleTo(form)
    assert not form.licence_number.isVisibleTo(form)
    form.kind.setCurrentIndex(form.kind.findData(AgentKind.LAWYER.value))
    assert form.authority.isVisibleTo(form) and form.licence_number.isVisibleTo(form)


def test_refusals_are_shown_beside_the_agents_fields(qtbot: QtBot, seeded_db: Database) -> None:
    editor = _editor(qtbot, seeded_db)
    fill_new_case(qtbot, editor)
    respondent = editor.party_forms()[1]
    statutory = respondent.agents.add_agent()
    assert statutory is not None
    statutory.kind.setCurrentIndex(statutory.kind.findData(AgentKind.STATUTORY.value))
    type_into(qtbot, statutory.name, "王五")
    lawyer = editor.party_forms()[0].agents.add_agent()
    assert lawyer is not None
    type_into(qtbot, lawyer.name, "汪婷婷")  # no firm
    lawyer.authority.setCurrentIndex(lawyer.authority.findData(AgentAuthority.SPECIAL.value))  # no item

    click_save(qtbot, editor)

    assert editor.saved_case is None and cases.count_cases(seeded_db) == 0
    assert editor.tabs.currentIndex() == TAB_PARTIES
    assert "律师事务所名称" in editor.feedback("parties[0].agents[0].organisation").text
    assert "至少勾选一项" in editor.feedback("parties[0].agents[0].authority").text
    assert "单位当事人没有法定代理人" in editor.feedback("parties[1].agents[0].kind").text
    assert lawyer.organisation.property("invalid") is True
    assert "3 处" in editor.summary.text()


def test_editing_keeps_a_stored_agent_and_removing_one_deletes_it(qtbot: QtBot, seeded_db: Database) -> None:
    case = make_case(seeded_db)
    editor = _editor(qtbot, seeded_db, case.id)
    form = editor.party_forms()[0].agents.add_agent()
    assert form is not None
    type_into(qtbot, form.name, "汪婷婷")
    type_into(qtbot, form.organisation, "湖南宝庆律师事务所")
    click_save(qtbot, editor)
    stored = cases.get_case(seeded_db, case.id).parties[0].agents
    assert [a.name for a in stored] == ["汪婷婷"]

    again = _editor(qtbot, seeded_db, case.id)
    box = again.party_forms()[0].agents
    assert [f.name.text() for f in box.forms] == ["汪婷婷"]
    type_into(qtbot, box.forms[0].address, "东大路88号")
    click_save(qtbot, again)
    kept = cases.get_case(seeded_db, case.id).parties[0].agents
    assert kept[0].id == stored[0].id and kept[0].address == "东大路88号"

    last = _editor(qtbot, seeded_db, case.id)
    box = last.party_forms()[0].agents
    box.remove_agent(box.forms[0])
    assert box.none_label.isVisibleTo(box)
    click_save(qtbot, last)
    assert cases.get_case(seeded_db, case.id).parties[0].agents == ()

"""The enterprise directory page: masked phones, filters, the dialog, codes to check, duplicates, reach."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.integration.data.outreach import (
    CODES,
    OTHER_ZONE,
    PILOT_CODE,
    ZONE,
    World,
)
from tribunal.db.engine import Database
from tribunal.db.models import Enterprise
from tribunal.domain.enums import InvitationStatus
from tribunal.services import enterprises, observers, settings
from tribunal.ui.enterprise_dialog import ContactDialog, EnterpriseDialog
from tribunal.ui.enterprises_page import (
    COL_CODE,
    COL_PHONE,
    DETAIL_HISTORY,
    TAB_DUPLICATES,
    TAB_REACH,
    UNCONFIRMED_MARK,
    EnterprisesPage,
    enterprise_model,
)
from tribunal.ui.main_window import PAGE_ENTERPRISES, PAGE_OBSERVERS, PAGE_TRAINING, MainWindow
from tribunal.ui.observers_page import ObserversPage
from tribunal.ui.training_page import TrainingPage

from .helpers import MessageBoxes, opened, settle, type_into

TODAY = dt.date(2026, 11, 27)
HOST = "邵阳宝庆精密机械有限公司"


@pytest.fixture
def gui_db(world_db: Database) -> Database:
    """This module's tests start from the outreach world (conftest), not an empty database."""
    return world_db


@pytest.fixture
def world(world_file: tuple[Path, World], gui_db: Database) -> World:
    return world_file[1]


@pytest.fixture
def page(qtbot: QtBot, gui_db: Database, world: World) -> EnterprisesPage:
    widget = EnterprisesPage(gui_db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    with qtbot.waitExposed(widget):
        widget.show()
    settle(qtbot)
    return widget


def cell(page: EnterprisesPage, name: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    row = next(i for i, r in enumerate(page.model.rows()) if r.name == name)
    return page.model.data(page.model.index(row, column), role)


def enterprise_id(page: EnterprisesPage, name: str) -> int:
    return next(r.id for r in page.model.rows() if r.name == name)


def test_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, gui_db: Database,
                                          world: World) -> None:
    model = enterprise_model()
    model.set_rows(enterprises.search_enterprises(gui_db))
    qtmodeltester.check(model)


def test_detail_and_reach_models_pass_the_qt_model_tester(qtbot: QtBot,
    qtmodeltester: ModelTester, page: EnterprisesPage, gui_db: Database, world: World
) -> None:
    [inv] = observers.invite(gui_db, world.hearing_id, [world.people["王丽"]])
    observers.check_in(gui_db, inv.id, at=dt.datetime(2026, 12, 8, 9, 12))
    page.zone.setCurrentIndex(page.zone.findText(ZONE))
    settle(qtbot)
    page.select(enterprise_id(page, "邵阳市资江食品有限公司"))
    settle(qtbot)
    page._today = dt.date(2026, 12, 31)
    page.tabs.setCurrentIndex(TAB_REACH)
    settle(qtbot)
    for model in (page.contacts_model, page.history_model, page.never_model, page.reached_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_phones_are_masked_until_the_clerk_asks(qtbot: QtBot, page: EnterprisesPage) -> None:
    assert page.model.rowCount() == 7
    assert cell(page, HOST, COL_PHONE) == "138****9999"
    assert page.select(enterprise_id(page, HOST))
    settle(qtbot)
    assert [r.phone for r in page.contacts_model.rows()] == ["138****9999"]

    page.show_phones.setChecked(True)
    settle(qtbot)
    assert cell(page, HOST, COL_PHONE) == "13807319999"
    assert [r.phone for r in page.contacts_model.rows()] == ["13807319999"]
    assert page.selected_id() == enterprise_id(page, HOST)  # the selection survives the reload

    page.show_phones.setChecked(False)
    settle(qtbot)
    assert cell(page, HOST, COL_PHONE) == "138****9999"


def test_zone_filter_and_search(qtbot: QtBot, page: EnterprisesPage) -> None:
    page.zone.setCurrentIndex(page.zone.findText(OTHER_ZONE))
    settle(qtbot)
    assert [r.name for r in page.model.rows()] == ["邵东市五峰箱包有限公司"]
    page.zone.setCurrentIndex(page.zone.findText(ZONE))
    settle(qtbot)
    assert page.model.rowCount() == 6
    type_into(qtbot, page.search, "资江", leave=False)
    page.reload()
    settle(qtbot)
    assert [r.name for r in page.model.rows()] == ["邵阳市资江食品有限公司"]
    page.search.clear()
    type_into(qtbot, page.search, CODES[3][-6:], leave=False)  # part of a credit code
    page.reload()
    settle(qtbot)
    assert [r.name for r in page.model.rows()] == ["湖南楚邵新材料股份有限公司"]


def drive_dialog(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill) -> dict[str, object]:
    seen: dict[str, object] = {}

    def exec_(dialog: EnterpriseDialog) -> int:
        dialog.show()
        opened(qtbot, dialog)
        fill(dialog)
        seen["saved"] = dialog.save()
        seen["summary"] = dialog.summary.text() if dialog.summary.isVisibleTo(dialog) else ""
        seen["feedback"] = {k: dialog.feedback(k).text for k in ("name", "credit_code", "contact_phone")}
        return dialog.result()

    monkeypatch.setattr(EnterpriseDialog, "exec", exec_)
    return seen


def test_new_enterprise_is_checked_beside_each_field(
    qtbot: QtBot, gui_db: Database, world: World
) -> None:
    dialog = EnterpriseDialog(gui_db, zone_id=world.zone_id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.show()
    assert dialog.zone.currentText() == ZONE
    type_into(qtbot, dialog.name, "邵阳宝庆精密机械有限责任公司")  # the host, written differently
    settle(qtbot)  # the directory is searched for a duplicate in the background
    assert dialog.feedback("name").kind == "warning"
    assert "邵阳宝庆精密机械有限公司" in dialog.feedback("name").text
    type_into(qtbot, dialog.name, "邵阳市大祥纸业有限公司")
    settle(qtbot)
    assert dialog.feedback("name").text == ""
    type_into(qtbot, dialog.contact_phone, "1380731")
    assert dialog.feedback("contact_phone").has_error
    assert dialog.feedback("contact_phone").text == "手机号码应为11位，实为7位"
    type_into(qtbot, dialog.contact_phone, "13807315555")
    assert dialog.feedback("contact_phone").text == ""
    type_into(qtbot, dialog.credit_code, PILOT_CODE)
    assert dialog.feedback("credit_code").kind == "warning"
    assert dialog.credit_code_confirmed.isVisibleTo(dialog)
    assert dialog.save() is False  # the failing code must be confirmed first
    assert dialog.feedback("credit_code").has_error
    dialog.credit_code_confirmed.setChecked(True)
    assert dialog.save() is True
    saved = dialog.saved
    assert saved is not None and saved.row.name == "邵阳市大祥纸业有限公司"
    assert saved.row.credit_code == PILOT_CODE and not saved.row.credit_code_unconfirmed


def test_new_enterprise_from_the_page_is_listed_and_selected(
    qtbot: QtBot, page: EnterprisesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: EnterpriseDialog) -> None:
        type_into(qtbot, dialog.name, "邵阳市大祥纸业有限公司")
        type_into(qtbot, dialog.contact_name, "彭丽")
        type_into(qtbot, dialog.contact_phone, "13807315555")

    drive_dialog(monkeypatch, qtbot, fill)
    with qtbot.waitSignal(page.enterprise_saved):
        page.new_button.click()
        settle(qtbot)
    assert page.model.rowCount() == 8
    assert page.model.row(page.model.row_of(page.selected_id())).name == "邵阳市大祥纸业有限公司"
    assert [c.name for c in page.contacts_model.rows()] == ["彭丽"]


def test_a_duplicate_credit_code_is_refused_with_the_reason(
    qtbot: QtBot, page: EnterprisesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: EnterpriseDialog) -> None:
        type_into(qtbot, dialog.name, "邵阳市大祥纸业有限公司")
        type_into(qtbot, dialog.credit_code, CODES[0])

    seen = drive_dialog(monkeypatch, qtbot, fill)
    assert page.new_enterprise() is None
    assert seen["saved"] is False
    assert seen["summary"] == f"统一社会信用代码 {CODES[0]} 已登记为“{HOST}”，不能重复登记"
    assert page.model.rowCount() == 7


def test_a_code_to_check_is_marked_until_confirmed(
    qtbot: QtBot, gui_db: Database, world: World, page: EnterprisesPage
) -> None:
    with gui_db.session() as s:  # as an import leaves it: failing check character, not confirmed
        s.add(Enterprise(name="福州某试点企业有限公司", normalised_name="福州某试点企业", credit_code=PILOT_CODE,
                         credit_code_warning_accepted=False))
    page.reload()
    settle(qtbot)
    name = "福州某试点企业有限公司"
    assert cell(page, name, COL_CODE) == UNCONFIRMED_MARK + PILOT_CODE
    assert cell(page, name, COL_CODE, Qt.ItemDataRole.ToolTipRole)
    assert cell(page, name, COL_CODE, Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(page, HOST, COL_CODE) == CODES[0]
    page.select(enterprise_id(page, name))
    settle(qtbot)
    assert page.confirm_code_button.isVisibleTo(page)
    page.confirm_code_button.click()
    settle(qtbot)
    assert cell(page, name, COL_CODE) == PILOT_CODE
    assert not page.confirm_code_button.isVisibleTo(page)


def test_history_tab_lists_invitations_and_attendance(qtbot: QtBot,
    page: EnterprisesPage, gui_db: Database, world: World
) -> None:
    [inv] = observers.invite(gui_db, world.hearing_id, [world.people["王丽"]])
    observers.check_in(gui_db, inv.id, at=dt.datetime(2026, 12, 8, 9, 12))
    page.select(enterprise_id(page, "邵阳市资江食品有限公司"))
    settle(qtbot)
    page.detail.setCurrentIndex(DETAIL_HISTORY)
    settle(qtbot)
    [line] = page.history_model.rows()
    assert (line.when, line.person, line.attended) == (dt.datetime(2026, 12, 8, 9, 30), "王丽", True)
    assert line.outcome.startswith("已到场") and "09:12" in line.outcome
    page.select(enterprise_id(page, HOST))
    settle(qtbot)
    [hosted] = page.history_model.rows()
    assert hosted.what.startswith("邵劳人仲") and hosted.person == ""


def test_contacts_can_be_added_and_made_the_main_one(
    qtbot: QtBot, page: EnterprisesPage, gui_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.select(enterprise_id(page, HOST))
    settle(qtbot)

    def exec_(dialog: ContactDialog) -> int:
        type_into(qtbot, dialog.name, "欧阳红")
        type_into(qtbot, dialog.title, "招聘主管")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", exec_)
    assert page.add_contact() is not None
    settle(qtbot)
    assert [(c.name, c.primary) for c in page.contacts_model.rows()] == [("刘晓燕", True), ("欧阳红", False)]
    page.contacts_view.selectRow(1)
    settle(qtbot)
    assert page.primary_button.isEnabled()
    page.primary_button.click()
    settle(qtbot)
    assert enterprises.get_enterprise(gui_db, enterprise_id(page, HOST)).row.contact_name == "欧阳红"


def test_duplicates_tab_groups_the_same_name(qtbot: QtBot, page: EnterprisesPage, gui_db: Database) -> None:
    with gui_db.session() as s:  # an old row written before names were compared
        s.add(Enterprise(name="邵阳宝庆精密机械有限责任公司", normalised_name="旧"))
    page.tabs.setCurrentIndex(TAB_DUPLICATES)
    settle(qtbot)
    assert page.duplicate_group_count() == 1
    group = page.duplicates.topLevelItem(0)
    assert [group.child(i).text(0) for i in range(group.childCount())] == [
        HOST, "邵阳宝庆精密机械有限责任公司"]


def test_reach_tab_lists_who_was_not_reached(qtbot: QtBot, page: EnterprisesPage, gui_db: Database, world: World) -> None:
    [inv] = observers.invite(gui_db, world.hearing_id, [world.people["李娟"]])
    observers.check_in(gui_db, inv.id, at=dt.datetime(2026, 12, 8, 9, 0))
    page._today = dt.date(2026, 12, 31)
    page.zone.setCurrentIndex(page.zone.findText(ZONE))
    settle(qtbot)
    page.tabs.setCurrentIndex(TAB_REACH)
    settle(qtbot)
    assert page.reach_zone.currentText() == ZONE and page.reach_year.value() == 2026
    reached = {r.name for r in page.reached_model.rows()}
    never = [r.name for r in page.never_model.rows()]
    assert reached == {"邵阳双清电子科技有限公司", HOST}  # came to a hearing; hosted one
    assert never == ["湖南楚邵新材料股份有限公司", "湖南湘中纺织科技有限公司", "邵阳市资江食品有限公司",
                     "邵阳市雪峰物流有限公司"]
    page.reach_year.setValue(2025)
    settle(qtbot)
    assert page.reached_model.rowCount() == 0 and page.never_model.rowCount() == 6


def test_main_window_shows_the_outreach_pages(qtbot: QtBot, gui_db: Database, world: World,
                                              boxes: MessageBoxes) -> None:
    window = MainWindow(gui_db, settings.get_all(gui_db))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.switch_to(PAGE_ENTERPRISES)
    settle(qtbot)
    assert isinstance(window.current_page(), EnterprisesPage)
    assert window.enterprises.model.rowCount() == 7  # loaded when first shown
    window.switch_to(PAGE_OBSERVERS)
    assert isinstance(window.current_page(), ObserversPage)
    window.switch_to(PAGE_TRAINING)
    settle(qtbot)
    assert isinstance(window.current_page(), TrainingPage)
    assert boxes.shown == []
    assert all(r.status == InvitationStatus.INVITED for r in observers.list_invitations(gui_db, world.hearing_id))

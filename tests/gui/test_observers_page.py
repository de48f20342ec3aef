"""The observers page: the person directory, masked phones and ID numbers, each person's history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.integration.data.outreach import World
from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry
from tribunal.services import observers, settings
from tribunal.ui.observers_page import (
    COL_ATTENDED,
    COL_ID,
    COL_PHONE,
    TAB_INVITATIONS,
    ObserversPage,
    PersonDialog,
)

from .helpers import opened, settle, type_into

TODAY = dt.date(2026, 11, 27)
VALID_ID = "430102199003070012"


@pytest.fixture
def gui_db(world_db: Database) -> Database:
    """This module's tests start from the outreach world (conftest), not an empty database."""
    return world_db


@pytest.fixture
def world(world_file: tuple[Path, World], gui_db: Database) -> World:
    w = world_file[1]
    [inv] = observers.invite(gui_db, w.hearing_id, [w.people["王丽"]])
    observers.check_in(gui_db, inv.id, at=dt.datetime(2026, 12, 8, 9, 5))
    return w


@pytest.fixture
def page(qtbot: QtBot, gui_db: Database, world: World) -> ObserversPage:
    widget = ObserversPage(gui_db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    with qtbot.waitExposed(widget):
        widget.show()
    settle(qtbot)
    return widget


def line(page: ObserversPage, name: str) -> int:
    return next(i for i, r in enumerate(page.model.rows()) if r.name == name)


def test_models_pass_the_qt_model_tester(qtbot: QtBot, qtmodeltester: ModelTester, page: ObserversPage,
                                         world: World) -> None:
    qtmodeltester.check(page.model)
    page.select(world.people["王丽"])
    settle(qtbot)
    assert page.history_model.rowCount() == 1
    qtmodeltester.check(page.history_model)


def test_directory_lists_people_with_masked_phones_and_attendance(page: ObserversPage) -> None:
    assert page.model.rowCount() == 7
    row = line(page, "王丽")
    assert page.model.data(page.model.index(row, COL_PHONE)) == "138****0001"
    assert page.model.data(page.model.index(row, COL_ATTENDED)) == "1"
    assert page.model.data(page.model.index(line(page, "李娟"), COL_ATTENDED)) == "0"
    assert page.view.isColumnHidden(COL_ID)  # ID numbers are not kept by default


def test_person_history_and_phone_on_demand(qtbot: QtBot, page: ObserversPage, world: World) -> None:
    assert page.select(world.people["王丽"])
    settle(qtbot)
    [visit] = page.history_model.rows()
    assert (visit.when, visit.attended, visit.what.startswith("邵劳人仲")) == (
        dt.datetime(2026, 12, 8, 9, 30), True, True)
    assert "138****0001" in page.person_facts.text()
    assert page.reveal() == "13807310001"
    settle(qtbot)
    assert "13807310001" in page.person_facts.text()


def test_search_narrows_the_list(qtbot: QtBot, page: ObserversPage) -> None:
    type_into(qtbot, page.search, "双清", leave=False)
    page.reload()
    settle(qtbot)
    assert [r.name for r in page.model.rows()] == ["李娟"]


def test_new_person_without_an_id_number_field_by_default(qtbot: QtBot, gui_db: Database, world: World) -> None:
    dialog = PersonDialog(gui_db)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    assert not dialog.id_number.isVisibleTo(dialog)
    type_into(qtbot, dialog.name, "欧阳红")
    dialog.enterprise.setEditText("邵阳市资江食品有限公司")
    type_into(qtbot, dialog.phone, "12345")
    assert dialog.save() is False
    assert dialog.feedback("phone").text.startswith("联系电话：")
    type_into(qtbot, dialog.phone, "13907391234")
    assert dialog.save() is True
    assert (dialog.saved.name, dialog.saved.enterprise_id) == ("欧阳红", world.guests["邵阳市资江食品有限公司"])


def test_an_enterprise_not_in_the_directory_is_refused(qtbot: QtBot, gui_db: Database, world: World) -> None:
    dialog = PersonDialog(gui_db)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    type_into(qtbot, dialog.name, "欧阳红")
    dialog.enterprise.setEditText("某某不存在的公司")
    assert dialog.save() is False
    assert dialog.feedback("enterprise").has_error


def test_id_numbers_only_with_the_setting_masked_except_for_the_clerk(
    qtbot: QtBot, gui_db: Database, world: World
) -> None:
    settings.set_value(gui_db, "privacy.store_observer_id", True)
    dialog = PersonDialog(gui_db, world.people["李娟"])
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.show()
    assert dialog.id_number.isVisibleTo(dialog)
    type_into(qtbot, dialog.id_number, VALID_ID)
    assert dialog.save() is True
    assert dialog.saved.id_number_masked == "4301**********0012"

    page = ObserversPage(gui_db, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert not page.view.isColumnHidden(COL_ID)
    shown = page.model.data(page.model.index(line(page, "李娟"), COL_ID))
    assert shown == dialog.saved.id_number_masked

    again = PersonDialog(gui_db, world.people["李娟"])
    qtbot.addWidget(again)
    opened(qtbot, again)
    assert again.show_id_number() == VALID_ID  # the clerk's own screen
    with gui_db.session(write=False) as s:
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "observer.view_id")).all() == [
            "observer.view_id"]
    # Leaving the field empty keeps the stored number.
    assert again.save() is True
    assert observers.id_number_for_clerk(gui_db, world.people["李娟"]) == VALID_ID


def test_invitations_tab_is_the_invitation_panel(qtbot: QtBot, page: ObserversPage, world: World) -> None:
    page.tabs.setCurrentIndex(TAB_INVITATIONS)
    settle(qtbot)
    assert page.invitations.hearing_id() == world.hearing_id
    assert [r.name for r in page.invitations.model.rows()] == ["王丽"]

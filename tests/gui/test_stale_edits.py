"""No lost updates in any editor: a save refused because somebody else saved first shows who
changed which field from what to what, and 重新载入 loads their version while 返回修改 keeps
what the clerk typed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.services import enterprises
from tribunal.services.app import open_database
from tribunal.ui import stale_edit
from tribunal.ui.enterprise_dialog import EnterpriseDialog

OTHER_CLERK = "王书记员"


@pytest.fixture
def other(demo_db: Database) -> Iterator[Database]:
    """The same database opened by a second clerk, as on another workstation."""
    handle = open_database(str(demo_db.path), actor=OTHER_CLERK)
    yield handle
    handle.dispose()


class Refusals:
    """Every stale-save dialog shown, and the clerk's answer to the next one."""

    def __init__(self) -> None:
        self.shown: list[stale_edit.StaleEditDialog] = []
        self.reload = True

    @property
    def text(self) -> str:
        return self.shown[-1].text()


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> Refusals:
    """The real dialog is built; its ``exec`` answers at once instead of waiting for a click."""
    recorder = Refusals()

    def answer(dialog: stale_edit.StaleEditDialog) -> int:
        recorder.shown.append(dialog)
        return stale_edit.RELOAD if recorder.reload else stale_edit.KEEP_EDITING

    monkeypatch.setattr(stale_edit.StaleEditDialog, "exec", answer)
    return recorder


def test_enterprise_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    row = enterprises.search_enterprises(demo_db)[0]
    dialog = EnterpriseDialog(demo_db, row.id)
    qtbot.addWidget(dialog)
    dialog.address.setText("书记员正在输入的地址")

    theirs = enterprises.get_enterprise(other, row.id, show_phones=True).row
    enterprises.update_enterprise(other, row.id, replace(_enterprise_input(theirs), contact_title="人力资源总监"),
                                  expected_version=theirs.version)

    refusals.reload = False
    assert not dialog.save()
    assert "联系人职务" in refusals.text and OTHER_CLERK in refusals.text and "人力资源总监" in refusals.text
    assert dialog.address.text() == "书记员正在输入的地址"  # 返回修改: nothing dropped
    assert dialog.isVisible() or not dialog.result()

    refusals.reload = True
    assert not dialog.save()
    assert dialog.contact_title.text() == "人力资源总监"  # 重新载入: their version
    assert dialog.save()  # and now the save goes through


def _enterprise_input(row: enterprises.EnterpriseRow) -> enterprises.EnterpriseInput:
    return enterprises.EnterpriseInput(
        name=row.name, credit_code=row.credit_code, credit_code_confirmed=True, zone_id=row.zone_id,
        address=row.address, contact_name=row.contact_name, contact_title=row.contact_title,
        contact_phone=row.contact_phone, size=row.size, notes=row.notes)

"""The notices due on the dashboard (one click prints them all) and the notice-service dialog."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tests.integration.helpers import case_input, seed_staff
from tribunal.db.engine import Database
from tribunal.domain.enums import PanelRole, ServiceMethod
from tribunal.services import cases, clocks, settings
from tribunal.ui import document_actions
from tribunal.ui.dashboard_page import DashboardPage
from tribunal.ui.notice_service_dialog import NoticeServiceDialog

from .helpers import finish, opened

D = dt.date


@pytest.fixture
def due_case(db: Database, tmp_path) -> cases.CaseDetail:
    settings.set_value(db, "documents.folder", str(tmp_path / "文书"))
    staff = seed_staff(db)
    # Accepted Fri 11-20: the application copy and the composition notice fall due Fri 11-27.
    return cases.create_case(db, case_input(
        received_date=D(2026, 11, 18), accepted_date=D(2026, 11, 20),
        arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.SOLE),)), today=TODAY)


def test_the_dashboard_lists_the_notices_due_and_prints_them_in_one_go(
        qtbot: QtBot, db: Database, due_case: cases.CaseDetail, monkeypatch: pytest.MonkeyPatch) -> None:
    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.resize(1366, 768)
    page.refresh(clerk="赵静")
    box = page.notices_box
    qtbot.waitUntil(lambda: len(box.rows) == 2, timeout=10_000)
    assert [r.title for r in box.rows] == ["应诉通知书", "仲裁庭组成通知书"]
    assert box.title() == "待发通知书（2）" and box.print_button.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(document_actions, "show_pack_result",
                        lambda parent, result, heading: shown.append(heading))
    result = finish(qtbot, box.print_all())
    assert result is not None and len(result.documents) == 6 and shown == ["到期通知书已制作完成"]
    assert result.combined is not None and result.combined.path.endswith("全部文书.pdf")


def test_the_service_dialog_asks_for_what_the_method_needs_and_moves_the_clock(
        qtbot: QtBot, db: Database, due_case: cases.CaseDetail) -> None:
    dialog = NoticeServiceDialog(db, due_case.id, due_case.number, TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)  # the addressees to choose from
    dialog.kind.setCurrentIndex(dialog.kind.findData("respond"))
    respondent = next(p for p in due_case.parties if p.role.value == "respondent")
    dialog.addressee.setCurrentIndex(dialog.addressee.findData(f"party:{respondent.id}:"))
    dialog.method.setCurrentIndex(dialog.method.findData(ServiceMethod.POST))
    assert dialog.feedback("tracking_number").container.isVisibleTo(dialog)
    assert not dialog.feedback("witnesses").container.isVisibleTo(dialog)
    dialog.served_by.setText("赵静")
    dialog.served_on.setDate(D(2026, 11, 23))
    ok = dialog.ok_button
    errors: list[object] = []
    dialog.refused.connect(errors.append)
    with qtbot.waitSignal(dialog.answered, timeout=10_000) as refused:
        ok.click()
    assert refused.args == [False], errors
    shown = dialog.feedback("tracking_number").label.text() + dialog.summary.text()
    assert "邮件号" in shown or "必填" in shown, (errors, getattr(errors[0], "fields", None))
    dialog.tracking.setText("EMS1234567890")
    with qtbot.waitSignal(dialog.answered, timeout=10_000) as answered:
        ok.click()
    assert answered.args == [True]
    # Served Mon 11-23: ten working days 11-24 … 11-27 (4), 11-30 … 12-04 (9), 12-07 (10).
    item = clocks.case_clock(db, due_case.id, TODAY).items_of("defence_due")[0]
    assert item.due == D(2026, 12, 7)


def test_cancelling_print_all_stops_it_and_records_nothing(
        qtbot: QtBot, db: Database, due_case: cases.CaseDetail, monkeypatch: pytest.MonkeyPatch) -> None:
    from tribunal.services import documents
    from tribunal.ui import ops

    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.refresh(clerk="赵静")
    box = page.notices_box
    qtbot.waitUntil(lambda: len(box.rows) == 2, timeout=10_000)
    # The work waits at its second step until the clerk has pressed 取消 in the progress window.
    reached, go = threading.Event(), threading.Event()
    step = ops.Progress.step

    def held_step(self: ops.Progress, done: int, total: int, text: str = "") -> None:
        if done == 1:
            reached.set()
            go.wait(10)
        step(self, done, total, text)

    monkeypatch.setattr(ops.Progress, "step", held_step)
    shown: list[str] = []
    monkeypatch.setattr(document_actions, "show_pack_result",
                        lambda parent, result, heading: shown.append(heading))
    op = box.print_all()
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    dialog = op._dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # 取消
    go.set()
    assert finish(qtbot, op) is None
    assert shown == [] and documents.list_documents(db) == []
    folder = settings.get(db, "documents.folder")
    assert not any(path.suffix == ".pdf" for path in Path(folder).rglob("*"))

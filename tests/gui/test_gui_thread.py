"""The GUI thread only draws: walking every page and saving in the main editors calls no service on it.

Every public function of every ``tribunal.services`` module is wrapped for the test; a call
made on the GUI (main) thread is recorded unless it is named in :data:`ALLOWED`. Work routed
through ``ops.run_read`` / ``ops.run_write`` / ``ops.call`` runs on a pool thread and is not.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QDialog
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.services import cases, enterprises, hearings, observers, settings, training
from tribunal.ui import main_window as mw
from tribunal.ui.case_editor import CaseEditor
from tribunal.ui.enterprise_dialog import EnterpriseDialog
from tribunal.ui.hearing_dialog import HearingDialog
from tribunal.ui.observers_page import PersonDialog
from tribunal.ui.training_page import SessionDialog

from .gui_thread_guard import calls_on_the_gui_thread
from .helpers import opened, settle

#: Service functions the GUI thread may call: cheap, in memory, no database or file.
ALLOWED = {
    "report_export.format_value": "formats a figure already read, for a table cell",
    "audit.shown_value": "formats a value of an audit entry already read",
    "cases.check_case_input": "checks the typed case in memory (the form's own reasons)",
    "enterprises.check_enterprise_input": "checks the typed enterprise in memory",
    "enterprises.credit_code_needs_confirmation": "the credit code's check character, computed",
    "workstation.settings_path": "the path of this PC's settings file, not its content",
    # Not cheap enough to stay for good: the case list's lazy model reads the block of 100 rows
    # (by id) that the view is about to paint. A few milliseconds even on 100,000 cases; making
    # the model fill its rows in the background is the step still to take.
    "cases.case_rows": "the case list's lazy model: the block of rows being painted",
}

#: Reads still made on the GUI thread, named so that the list can only shrink (empty: none).
NOT_YET_MOVED: dict[str, str] = {}


def unexpected(seen: list[str]) -> list[str]:
    return sorted({call for call in seen if call not in ALLOWED and call not in NOT_YET_MOVED})


def test_the_allowed_calls_are_service_functions() -> None:
    from .gui_thread_guard import service_functions

    names = {f"{module.__name__.rsplit('.', 1)[-1]}.{name}" for module, name, _f in service_functions()}
    assert set(ALLOWED) | set(NOT_YET_MOVED) <= names


def test_the_guard_sees_a_call_on_the_gui_thread(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with calls_on_the_gui_thread(monkeypatch) as seen:
        hearings.list_hearings(demo_db)
    assert seen == ["hearings.list_hearings"]


def test_walking_every_page_reads_nothing_on_the_gui_thread(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    values = settings.get_all(demo_db)
    with calls_on_the_gui_thread(monkeypatch) as seen:
        window = mw.MainWindow(demo_db, values)
        qtbot.addWidget(window)
        window.resize(1366, 728)
        window.show()
        window.load_data()  # as the program does once the window is on screen
        settle(qtbot)
        for index in range(window.nav.count()):
            window.nav.setCurrentRow(index)
            settle(qtbot)
            page = window.page(index)
            # Choose the first row of every list on the page: its detail pane reads too.
            for view in page.findChildren(QAbstractItemView):
                model = view.model()
                if view.isVisible() and model is not None and model.rowCount() > 0:
                    view.setCurrentIndex(model.index(0, 0))
                    settle(qtbot)
        hearings_page = window.page(mw.PAGE_HEARINGS)
        hearing = next(h for h in hearings.list_hearings.__wrapped__(demo_db) if h.public)
        hearings_page.open_day(hearing.starts_at.date())  # type: ignore[attr-defined]
        settle(qtbot)
        hearings_page.open_hearing(hearing.id)  # type: ignore[attr-defined]
        settle(qtbot)
        assert hearings_page.detail.hearing_id() == hearing.id  # type: ignore[attr-defined]
    assert unexpected(seen) == [], ", ".join(unexpected(seen))


def _saved(dialog: QDialog) -> None:
    assert dialog.save(), dialog  # type: ignore[attr-defined]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_opening_and_saving_the_main_editors_reads_and_writes_off_the_gui_thread(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from tribunal.ui import hearing_dialog

    # A warning (not a conflict) asks why it is set aside: the clerk's answer.
    monkeypatch.setattr(hearing_dialog.OverrideReasonDialog, "ask",
                        staticmethod(lambda _parent, _findings: "当事人同意"))
    case = cases.case_rows(demo_db, cases.search_case_ids(demo_db, cases.CaseFilter()))[0]
    enterprise = enterprises.search_enterprises(demo_db)[0]
    person = observers.search_observers(demo_db)[0]
    session = training.list_sessions(demo_db)[0]
    hearing = next(h for h in hearings.list_hearings(demo_db) if h.starts_at.date() > TODAY)
    with calls_on_the_gui_thread(monkeypatch) as seen:
        # Opening reads the record and the choice lists in the background; the fields wait.
        editors = [CaseEditor(demo_db, case.id), CaseEditor(demo_db),
                   EnterpriseDialog(demo_db, enterprise.id), EnterpriseDialog(demo_db),
                   PersonDialog(demo_db, person.id), PersonDialog(demo_db),
                   SessionDialog(demo_db, session.id, today=TODAY),
                   SessionDialog(demo_db, today=TODAY, hearing_id=hearing.id),
                   HearingDialog(demo_db, hearing_id=hearing.id, today=lambda: TODAY),
                   HearingDialog(demo_db, today=lambda: TODAY)]
        for editor in editors:
            qtbot.addWidget(editor)
            editor.show()
            assert not editor.loading.ready  # type: ignore[attr-defined]
        for editor in editors:
            opened(qtbot, editor)
            assert editor.loading.ready, editor  # type: ignore[attr-defined]
        for editor in editors[::2]:  # the existing records: saved as they are
            if isinstance(editor, HearingDialog):
                editor.case_search.setText("")  # a search as typed (the case cannot change here)
                editor.check_in_background()  # the check as typed
                settle(qtbot)
            if isinstance(editor, EnterpriseDialog):
                editor.check()
                settle(qtbot)
            _saved(editor)
        # Choosing another case in a new hearing reads that case's facts in the background.
        new_hearing = editors[-1]
        assert isinstance(new_hearing, HearingDialog)
        new_hearing.case_search.setText(hearing.case_number)
        qtbot.waitUntil(lambda: new_hearing.case.currentData() == hearing.case_id, timeout=10_000)
        settle(qtbot)
        assert new_hearing.case_info.text()
    settle(qtbot)
    assert unexpected(seen) == [], ", ".join(unexpected(seen))

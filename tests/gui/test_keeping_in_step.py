"""Every page in step: a change made on one page (or another workstation) shows on the others at once;
long work leaves the event loop free; an open editor is told, not reloaded."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseStatus
from tribunal.services import cases, clocks, hearings
from tribunal.services.app import open_database
from tribunal.services.documents import PackResult
from tribunal.services.hearings import HearingInput
from tribunal.ui import document_actions, hearings_page, ops
from tribunal.ui.case_editor import CaseEditor
from tribunal.ui.hearings_page import HearingsPage
from tribunal.ui.invitations_page import InvitationsPanel
from tribunal.ui.ops import Changes

from .helpers import MessageBoxes, finish, opened, settle


def schedule_new_hearing(db: Database) -> hearings.HearingDetail:
    """What the scheduling dialog saves: an accepted case heard publicly in a tribunal room."""
    accepted = next(r for r in cases.case_rows(db, cases.search_case_ids(db, cases.CaseFilter()))
                    if r.status == CaseStatus.ACCEPTED)
    model = hearings.get_hearing(db, next(h for h in hearings.list_hearings(db) if h.public).id)
    data = HearingInput(case_id=accepted.id, starts_at=dt.datetime(2026, 12, 21, 14, 30),
                        ends_at=dt.datetime(2026, 12, 21, 16, 0), room_id=model.room_id, public=True,
                        panel=tuple((p.staff_id, p.role) for p in model.panel), clerk_id=model.clerk_id)
    return hearings.schedule_hearing(db, data, "测试：照常开庭", today=TODAY)


@pytest.mark.parametrize("panel_visible", [True, False])
def test_a_hearing_scheduled_on_the_hearings_page_can_be_invited_to_at_once(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, panel_visible: bool) -> None:
    panel = InvitationsPanel(demo_db, today=TODAY)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    settle(qtbot)
    offered_before = panel.hearing.count()
    if not panel_visible:
        panel.hide()  # another page is in front: it catches up when shown again

    page = HearingsPage(demo_db, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    monkeypatch.setattr(hearings_page.HearingDialog, "ask",
                        staticmethod(lambda _parent, db, **_kw: schedule_new_hearing(db)))
    saved = page.new_hearing()
    assert saved is not None

    if not panel_visible:
        assert panel.hearing.findData(saved.id) < 0  # no work for a hidden page…
        panel.show()  # …until it is shown
    qtbot.waitUntil(lambda: panel.hearing.findData(saved.id) >= 0, timeout=5000)
    assert panel.hearing.count() == offered_before + 1
    assert panel.select_hearing(saved.id)
    assert panel.hearing_id() == saved.id


def test_a_long_pack_keeps_the_event_loop_responsive(qtbot: QtBot, demo_db: Database,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_actions, "show_pack_result", lambda *_a: None)
    hearing = next(h for h in hearings.list_hearings(demo_db) if h.public)
    ticks_while_working: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    op = document_actions.print_day(None, demo_db, hearing.starts_at.date(), hearing.tribunal_id)
    timer.timeout.connect(lambda: ticks_while_working.append(1) if op.running else None)
    timer.start()
    result = finish(qtbot, op)
    timer.stop()
    assert isinstance(result, PackResult) and len(result.documents) > 5
    # The timer kept firing while the pack was made (how long the longest gap is, the
    # benchmark benchmarks/responsiveness.py measures).
    assert len(ticks_while_working) >= 3


def test_a_refused_pack_says_why_and_broadcasts_nothing(qtbot: QtBot, demo_db: Database,
                                                        boxes: MessageBoxes) -> None:
    heard: list[Changes] = []
    ops.bus().changed.connect(lambda c, _s: heard.append(c))
    assert finish(qtbot, document_actions.print_pack(None, demo_db, 99_999)) is None
    assert boxes.kinds() == ["warning"] or boxes.kinds() == ["critical"]
    assert Changes.DOCUMENTS not in [c for c in heard if c & Changes.DOCUMENTS]


def test_another_workstations_change_is_broadcast(qtbot: QtBot, demo_db: Database) -> None:
    assert demo_db.path is not None
    other = open_database(str(demo_db.path), actor="另一位书记员")
    try:
        watcher = ops.RemoteWatcher(demo_db)
        watcher.check_now()  # notes where the trail stands
        qtbot.waitUntil(lambda: watcher._seen is not None, timeout=5000)
        with qtbot.waitSignal(ops.bus().changed, timeout=5000,
                              check_params_cb=lambda changes, source: source is watcher) as heard:
            schedule_new_hearing(other)
            watcher.check_now()
        changes, _source = heard.args
        assert changes & Changes.HEARINGS
    finally:
        other.dispose()


def test_an_open_editor_is_told_not_reloaded(qtbot: QtBot, demo_db: Database) -> None:
    accepted = next(r for r in cases.case_rows(demo_db, cases.search_case_ids(demo_db, cases.CaseFilter()))
                    if r.status == CaseStatus.ACCEPTED)
    editor = CaseEditor(demo_db, accepted.id)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.record_watch.ready, timeout=5000)
    editor.case_summary.setPlainText("书记员正在输入的内容")

    # Meanwhile another clerk suspends this case's award clock (an audited change of the case).
    other = open_database(str(demo_db.path), actor="另一位书记员")
    try:
        clocks.add_suspension(other, accepted.id, TODAY, None, "当事人申请中止：测试", today=TODAY)
    finally:
        other.dispose()
    ops.broadcast(Changes.CLOCKS)  # as the watcher would on the next poll

    qtbot.waitUntil(lambda: editor.stale_banner.isVisible(), timeout=5000)
    assert "changed" in editor.stale_banner.label.text() or "修改" in editor.stale_banner.label.text()
    assert editor.case_summary.toPlainText() == "书记员正在输入的内容"  # nothing reloaded under the clerk
    assert editor.isVisible()


def test_an_editor_is_not_flagged_for_changes_to_other_records(qtbot: QtBot, demo_db: Database) -> None:
    ids = cases.search_case_ids(demo_db, cases.CaseFilter())
    editor = CaseEditor(demo_db, ids[0])
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.record_watch.ready, timeout=5000)
    schedule_new_hearing(demo_db)  # another case gets a hearing
    op = ops.run_read(editor, lambda: None, lambda _r: None)
    ops.broadcast(Changes.CASES | Changes.HEARINGS)
    with qtbot.waitSignal(op.ended, timeout=5000):
        pass
    ops.wait_until_idle()
    qtbot.waitUntil(lambda: not any(o.running for o in list(ops._running)), timeout=5000)
    assert not editor.stale_banner.isVisible()

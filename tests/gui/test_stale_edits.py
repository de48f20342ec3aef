"""No lost updates in any editor: a save refused because somebody else saved first shows who
changed which field from what to what, and 重新载入 loads their version while 返回修改 keeps
what the clerk typed."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseOutcome, CaseStatus, HearingStatus, ParticipantRole
from tribunal.services import (
    cases,
    documents,
    enterprises,
    hearing_records,
    hearings,
    observers,
    participants,
    settings,
    training,
)
from tribunal.services.app import open_database
from tribunal.ui import hearing_dialog, ops, stale_edit
from tribunal.ui.case_dialogs import CloseCaseDialog, ReopenCaseDialog
from tribunal.ui.case_editor import RELOAD, CaseEditor
from tribunal.ui.enterprise_dialog import EnterpriseDialog
from tribunal.ui.hearing_detail import PostponeDialog
from tribunal.ui.hearing_dialog import HearingDialog
from tribunal.ui.hearing_record_window import HearingRecordWindow
from tribunal.ui.observers_page import PersonDialog
from tribunal.ui.ops import Changes
from tribunal.ui.participants_widgets import ParticipantDialog
from tribunal.ui.settings_page import SettingsPage
from tribunal.ui.teaching_dialog import TeachingCaseDialog
from tribunal.ui.topics_dialog import TopicsDialog
from tribunal.ui.training_page import SessionDialog

from .helpers import MessageBoxes, opened, settle

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
        self.texts: list[str] = []  # read while shown: a dialog of background work is deleted soon after
        self.reload = True

    @property
    def text(self) -> str:
        return self.texts[-1]


#: The real ``ask`` (the suite's ``boxes`` fixture replaces it with a recorder).
SHOW_DIALOG = stale_edit.ask


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes) -> Refusals:
    """The real dialog is built and asked; its ``exec`` answers at once instead of waiting for a click."""
    recorder = Refusals()
    monkeypatch.setattr(stale_edit, "ask", SHOW_DIALOG)

    def answer(dialog: stale_edit.StaleEditDialog) -> int:
        recorder.shown.append(dialog)
        recorder.texts.append(dialog.text())
        return stale_edit.RELOAD if recorder.reload else stale_edit.KEEP_EDITING

    monkeypatch.setattr(stale_edit.StaleEditDialog, "exec", answer)
    return recorder


def test_enterprise_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    row = enterprises.search_enterprises(demo_db)[0]
    dialog = EnterpriseDialog(demo_db, row.id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
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
    opened(qtbot, dialog)
    assert dialog.contact_title.text() == "人力资源总监"  # 重新载入: their version
    assert dialog.save()  # and now the save goes through


def _enterprise_input(row: enterprises.EnterpriseRow) -> enterprises.EnterpriseInput:
    return enterprises.EnterpriseInput(
        name=row.name, credit_code=row.credit_code, credit_code_confirmed=True, zone_id=row.zone_id,
        address=row.address, contact_name=row.contact_name, contact_title=row.contact_title,
        contact_phone=row.contact_phone, size=row.size, notes=row.notes)


def _case_of(db: Database, status: CaseStatus) -> cases.CaseDetail:
    row = next(r for r in cases.case_rows(db, cases.search_case_ids(db, cases.CaseFilter())) if r.status == status)
    return cases.get_case(db, row.id)


def test_case_editor_names_the_party_field_and_masks_the_numbers(
        qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    case = _case_of(demo_db, CaseStatus.ACCEPTED)
    editor = CaseEditor(demo_db, case.id)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.case_summary.setPlainText("书记员正在输入的案情")

    theirs = cases.get_case(other, case.id).to_input()
    parties = list(theirs.parties)
    parties[0] = replace(parties[0], phone="13907391234")
    cases.update_case(other, case.id, replace(theirs, parties=tuple(parties)), expected_version=case.version)

    refusals.reload = False
    assert not editor.save()
    text = refusals.text
    assert "申请人 联系电话" in text and OTHER_CLERK in text
    assert "139****1234" in text and "13907391234" not in text  # masked, as everywhere
    assert editor.case_summary.toPlainText() == "书记员正在输入的案情"
    if os.environ.get("TRIBUNAL_SCREENSHOTS"):
        shown = refusals.shown[-1]
        editor.resize(1366, 768)
        editor.show()
        shown.show()
        qtbot.waitExposed(shown)
        folder = Path(os.environ["TRIBUNAL_SCREENSHOTS"])
        shown.grab().save(str(folder / "stale-dialog.png"))
        shown.resize(1366, 768)
        shown.grab().save(str(folder / "stale-dialog-1366.png"))
        shown.hide()

    refusals.reload = True
    assert not editor.save()
    assert editor.result() == RELOAD  # CaseEditor.ask opens a fresh editor on the saved case
    fresh = CaseEditor(demo_db, case.id)
    qtbot.addWidget(fresh)
    opened(qtbot, fresh)
    assert fresh._party_forms[0].phone.text() == "13907391234"


def test_hearing_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hearing_dialog.OverrideReasonDialog, "ask", classmethod(lambda cls, *_a: "照常开庭"))
    row = next(h for h in hearings.list_hearings(demo_db, TODAY)
               if h.status == HearingStatus.SCHEDULED and h.ends_at - h.starts_at >= dt.timedelta(hours=1))
    dialog = HearingDialog(demo_db, hearing_id=row.id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)

    theirs = hearings.get_hearing(other, row.id)
    shorter = theirs.ends_at - dt.timedelta(minutes=30)
    hearings.update_hearing(other, row.id, replace(theirs.to_input(), ends_at=shorter), "测试",
                            today=TODAY, expected_version=theirs.version)

    refusals.reload = False
    assert not dialog.save()
    assert "结束时间" in refusals.text and OTHER_CLERK in refusals.text
    assert f"{shorter:%Y-%m-%d %H:%M}" in refusals.text

    refusals.reload = True
    assert not dialog.save()
    opened(qtbot, dialog)
    assert (dialog.end_time.time().hour(), dialog.end_time.time().minute()) == (shorter.hour, shorter.minute)
    assert dialog.save()


def test_person_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    person = observers.search_observers(demo_db)[0]
    dialog = PersonDialog(demo_db, person.id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.notes.setPlainText("书记员正在输入的备注")

    theirs = observers.get_observer(other, person.id, show_phone=True)
    observers.update_observer(other, person.id, theirs.name, enterprise_id=theirs.enterprise_id,
                              title="人事行政经理", phone=theirs.phone, notes=theirs.notes,
                              expected_version=theirs.version)

    refusals.reload = False
    assert not dialog.save()
    assert "职务" in refusals.text and "人事行政经理" in refusals.text and OTHER_CLERK in refusals.text
    assert dialog.notes.toPlainText() == "书记员正在输入的备注"

    refusals.reload = True
    assert not dialog.save()
    opened(qtbot, dialog)
    assert dialog.title.text() == "人事行政经理"
    assert dialog.save()


def test_participant_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    case = _case_of(demo_db, CaseStatus.ACCEPTED)
    witness = participants.add_participant(demo_db, case.id, ParticipantRole.WITNESS, "阿卜杜热合曼·阿卜杜克热木",
                                           phone="13807390001", today=TODAY)
    dialog = ParticipantDialog(demo_db, case.id, case.number, TODAY, witness)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.notes.setPlainText("书记员正在输入的备注")

    participants.update_participant(other, witness.id, ParticipantRole.WITNESS, witness.name,
                                    phone="13807395678", today=TODAY, expected_version=witness.version)

    refusals.reload = False
    assert not dialog.save()
    text = refusals.text
    assert "电话" in text and OTHER_CLERK in text
    assert "138****0001" in text and "138****5678" in text and "13807395678" not in text
    assert dialog.notes.toPlainText() == "书记员正在输入的备注"

    refusals.reload = True
    assert not dialog.save()
    opened(qtbot, dialog)
    assert dialog.phone.text() == "13807395678"
    assert dialog.save()


def test_training_session_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    row = training.list_sessions(demo_db)[0]
    dialog = SessionDialog(demo_db, row.id, today=TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.notes.setPlainText("书记员正在输入的备注")

    theirs = training.get_session(other, row.id)
    training.update_session(other, row.id, title=theirs.title, speaker="刘仲裁员", starts_at=theirs.starts_at,
                            ends_at=theirs.ends_at, venue=theirs.venue, topic_ids=[t.id for t in theirs.topics],
                            hearing_id=theirs.hearing_id, notes=theirs.notes, expected_version=theirs.version)

    refusals.reload = False
    assert not dialog.save()
    assert "主讲人" in refusals.text and "刘仲裁员" in refusals.text and OTHER_CLERK in refusals.text
    assert dialog.notes.toPlainText() == "书记员正在输入的备注"

    refusals.reload = True
    assert not dialog.save()
    opened(qtbot, dialog)
    assert dialog.speaker.text() == "刘仲裁员"
    assert dialog.save()


def test_topics_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    dialog = TopicsDialog(demo_db)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    topic = dialog.topic(dialog._editing or 0)
    assert topic is not None
    dialog.body.setPlainText("书记员正在改写的讲义正文")

    training.update_topic(other, topic.id, legal_basis="《劳动合同法》第八十二条", expected_version=topic.version)

    refusals.reload = False
    assert dialog.save() is None
    assert "法律依据" in refusals.text and "第八十二条" in refusals.text and OTHER_CLERK in refusals.text
    assert dialog.body.toPlainText() == "书记员正在改写的讲义正文"

    refusals.reload = True
    assert dialog.save() is None
    opened(qtbot, dialog)
    assert dialog.legal_basis.toPlainText() == "《劳动合同法》第八十二条"
    assert dialog.save() is not None


def test_close_and_reopen_dialogs(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    case = _case_of(demo_db, CaseStatus.ACCEPTED)
    dialog = CloseCaseDialog(demo_db, case.id, case.number)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(CaseOutcome.WITHDRAWN))
    dialog.note.setPlainText("申请人撤回申请")

    cases.update_case(other, case.id, replace(case.to_input(), summary="另一位书记员补充的案情"),
                      expected_version=case.version)

    refusals.reload = False
    assert not dialog.save()
    assert "案情摘要" in refusals.text and OTHER_CLERK in refusals.text
    assert dialog.note.toPlainText() == "申请人撤回申请"
    assert cases.get_case(demo_db, case.id).status != CaseStatus.CLOSED

    refusals.reload = True
    assert not dialog.save()
    opened(qtbot, dialog)
    assert dialog.note.toPlainText() == ""
    dialog.note.setPlainText("申请人撤回申请")
    assert dialog.save()
    closed = cases.get_case(demo_db, case.id)
    assert closed.status == CaseStatus.CLOSED

    reopen = ReopenCaseDialog(demo_db, case.id, case.number)
    qtbot.addWidget(reopen)
    opened(qtbot, reopen)
    reopen.reason.setPlainText("误操作结案")
    cases.correct_closing(other, case.id, result=None, amount_fen=None, on_site=False,
                          note="撤回（更正）", expected_version=closed.version)
    refusals.reload = False
    assert not reopen.save()
    assert "结案说明" in refusals.text and OTHER_CLERK in refusals.text
    assert reopen.reason.toPlainText() == "误操作结案"
    refusals.reload = True
    assert not reopen.save()
    opened(qtbot, reopen)
    reopen.reason.setPlainText("误操作结案")
    assert reopen.save()


def test_teaching_case_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    showcase = next(h for h in hearings.list_hearings(demo_db) if h.public)
    dialog = TeachingCaseDialog(demo_db, showcase.id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.text.setPlainText("书记员正在输入的讲义案例")

    theirs = documents.teaching_case(other, showcase.id)
    documents.save_teaching_case(other, showcase.id, "某公司与某员工就加班费发生争议（王书记员复核）",
                                 expected_version=theirs.version)

    refusals.reload = False
    assert not dialog.save()
    assert "培训讲义案例" in refusals.text and OTHER_CLERK in refusals.text
    assert "某公司与某员工就加班费发生争议（王书记员复核）" in refusals.text
    assert dialog.text.toPlainText() == "书记员正在输入的讲义案例"  # 返回修改: nothing dropped
    assert documents.teaching_case(demo_db, showcase.id).reviewed_by == OTHER_CLERK  # nothing overwritten

    refusals.reload = True
    assert not dialog.save()
    opened(qtbot, dialog)
    assert dialog.text.toPlainText() == "某公司与某员工就加班费发生争议（王书记员复核）"  # 重新载入
    assert OTHER_CLERK in dialog.state.text()
    dialog.text.setPlainText("某公司与某员工就加班费发生争议（本机复核）")
    assert dialog.save()
    assert documents.teaching_case(demo_db, showcase.id).text == "某公司与某员工就加班费发生争议（本机复核）"


def test_postpone_dialog(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    row = next(h for h in hearings.list_hearings(demo_db, TODAY)
               if h.status == HearingStatus.SCHEDULED and h.ends_at - h.starts_at >= dt.timedelta(hours=1))
    dialog = PostponeDialog(demo_db, hearings.get_hearing(demo_db, row.id), TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("被申请人因代理人患病申请延期")

    theirs = hearings.get_hearing(other, row.id)
    shorter = theirs.ends_at - dt.timedelta(minutes=30)
    hearings.update_hearing(other, row.id, replace(theirs.to_input(), ends_at=shorter), "测试",
                            today=TODAY, expected_version=theirs.version)

    refusals.reload = False
    assert not dialog.save()
    assert "结束时间" in refusals.text and OTHER_CLERK in refusals.text
    assert f"{shorter:%Y-%m-%d %H:%M}" in refusals.text
    assert dialog.reason.toPlainText() == "被申请人因代理人患病申请延期"
    assert hearings.get_hearing(demo_db, row.id).status == HearingStatus.SCHEDULED  # nothing postponed

    refusals.reload = True
    assert not dialog.save()
    settle(qtbot)  # the hearing as saved now, read again
    assert (dialog.end.time().hour(), dialog.end.time().minute()) == (shorter.hour, shorter.minute)
    assert dialog.save()
    assert hearings.get_hearing(demo_db, row.id).status == HearingStatus.POSTPONED


def test_settings_page(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals) -> None:
    page = SettingsPage(demo_db)
    qtbot.addWidget(page)
    page.load()
    settle(qtbot)  # the page reads its values in the background
    page.set_field("commission.address", "本机书记员填写的地址")
    page.set_field("commission.phone", "0739-5550000")
    loaded = settings.get_all(other)
    settings.save_settings(other, {"commission.address": "邵阳市大祥区新址 1 号"},
                           {"commission.address": loaded["commission.address"]})

    refusals.reload = False
    with qtbot.waitSignal(page.save_finished, timeout=5000) as finished:
        page.save()
    assert finished.args == [False]
    assert "仲裁机构地址" in refusals.text and OTHER_CLERK in refusals.text and "邵阳市大祥区新址 1 号" in refusals.text
    assert page.value("commission.address") == "本机书记员填写的地址"  # 返回修改: nothing dropped
    assert settings.get(demo_db, "commission.phone") == loaded["commission.phone"]  # nothing stored

    refusals.reload = True
    with qtbot.waitSignal(page.save_finished, timeout=5000):
        page.save()
    settle(qtbot)  # 重新载入 reads the stored values in the background
    assert page.value("commission.address") == "邵阳市大祥区新址 1 号"  # 重新载入
    page.set_field("commission.phone", "0739-5550000")
    with qtbot.waitSignal(page.save_finished, timeout=5000) as finished:
        page.save()
    assert finished.args == [True]
    assert settings.get(demo_db, "commission.phone") == "0739-5550000"
    assert settings.get(demo_db, "commission.address") == "邵阳市大祥区新址 1 号"


def test_hearing_record_window(qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals,
                               tmp_path: Path) -> None:
    hearing_id = next(h.id for h in hearings.list_hearings(demo_db, TODAY) if h.status == HearingStatus.SCHEDULED)
    opened = hearing_records.open_record(demo_db, hearing_id, folder=tmp_path / "mine")
    window = HearingRecordWindow(demo_db, opened, clock=lambda: dt.datetime(2026, 12, 10, 9, 41))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    for n in range(3):  # this window's own autosaves never conflict with one another
        window.editor.setPlainText(f"书记员：核对到庭人员 第{n}稿")
        window.save_now()
        qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    assert not refusals.shown

    theirs = hearing_records.open_record(other, hearing_id, folder=tmp_path / "office")
    key = theirs.content.current
    hearing_records.sync(other, theirs.content.with_text(key, "书记员：王书记员核对的到庭情况"),
                         expected_version=theirs.version)

    refusals.reload = False
    window.editor.setPlainText("书记员：本机继续记录")
    window.save_now()
    qtbot.waitUntil(lambda: bool(refusals.shown), timeout=5000)
    assert OTHER_CLERK in refusals.text and theirs.content.stage(key).title in refusals.text
    assert "书记员：王书记员核对的到庭情况" in refusals.text
    assert window.editor.toPlainText() == "书记员：本机继续记录"  # 返回修改: nothing dropped
    assert window.conflict_button.isVisible() and window.sync_label.text() == "未同步"
    stored = hearing_records.stored_record(demo_db, hearing_id)
    assert stored.text_of(key) == "书记员：王书记员核对的到庭情况"  # not written over
    journal = hearing_records.journal_for(demo_db, hearing_id, tmp_path / "mine")
    assert (journal.latest() or stored).text_of(key) == "书记员：本机继续记录"  # kept on this PC

    refusals.reload = True
    window.conflict_button.click()
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "书记员：王书记员核对的到庭情况", timeout=5000)
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    assert not window.conflict_button.isVisible()
    window.editor.setPlainText("书记员：王书记员核对的到庭情况。本机补充")
    window.save_now()
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    assert hearing_records.stored_record(demo_db, hearing_id).text_of(key) == "书记员：王书记员核对的到庭情况。本机补充"
    window.close()


def test_hearing_record_recovered_after_a_crash_shows_the_save_made_meanwhile(
        qtbot: QtBot, demo_db: Database, other: Database, refusals: Refusals, tmp_path: Path) -> None:
    hearing_id = next(h.id for h in hearings.list_hearings(demo_db, TODAY) if h.status == HearingStatus.SCHEDULED)
    opened = hearing_records.open_record(demo_db, hearing_id, folder=tmp_path / "mine")
    window = HearingRecordWindow(demo_db, opened, clock=lambda: dt.datetime(2026, 12, 10, 9, 41))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    key = window.content.current
    # Typed and journalled, then the program is killed before the copy to the database.
    typed = window.content.with_text(key, "书记员：本机记录，尚未复制")
    window.autosave.journal.append(typed)
    window.close()
    theirs = hearing_records.open_record(other, hearing_id, folder=tmp_path / "office")
    hearing_records.sync(other, theirs.content.with_text(key, "书记员：王书记员的记录"), expected_version=theirs.version)

    # Reopened: this PC's text is shown, the clerk is told, and the first copy is refused with both texts.
    refusals.reload = False
    again = hearing_records.open_record(demo_db, hearing_id, folder=tmp_path / "mine")
    window = HearingRecordWindow(demo_db, again, clock=lambda: dt.datetime(2026, 12, 10, 9, 50))
    qtbot.addWidget(window)
    window.show()
    assert "另一台电脑" in window.message.text()
    qtbot.waitUntil(lambda: bool(refusals.shown), timeout=5000)
    assert "书记员：王书记员的记录" in refusals.text and OTHER_CLERK in refusals.text
    assert window.editor.toPlainText() == "书记员：本机记录，尚未复制"
    assert hearing_records.stored_record(demo_db, hearing_id).text_of(key) == "书记员：王书记员的记录"
    window.close()


def test_an_open_dialog_is_told_when_its_record_is_saved_elsewhere(
        qtbot: QtBot, demo_db: Database, other: Database) -> None:
    person = observers.search_observers(demo_db)[0]
    dialog = PersonDialog(demo_db, person.id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.stale.watch.ready, timeout=5000)
    dialog.notes.setPlainText("书记员正在输入的备注")

    theirs = observers.get_observer(other, person.id, show_phone=True)
    observers.update_observer(other, person.id, theirs.name, enterprise_id=theirs.enterprise_id,
                              title="工会主席", phone=theirs.phone, notes=theirs.notes,
                              expected_version=theirs.version)
    ops.broadcast(Changes.OBSERVERS)  # as the watcher of other workstations does on its next poll

    qtbot.waitUntil(lambda: dialog.stale.banner.isVisible(), timeout=5000)
    assert dialog.notes.toPlainText() == "书记员正在输入的备注"  # told, not reloaded under the clerk
    dialog.stale.banner.reload_button.click()
    opened(qtbot, dialog)
    assert dialog.title.text() == "工会主席"
    qtbot.waitUntil(lambda: not dialog.stale.banner.isVisible(), timeout=5000)
    assert dialog.save()

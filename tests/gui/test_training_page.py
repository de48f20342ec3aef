"""Training sessions through the interface: a session with topics, its attendance, the topic library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.integration.data.outreach import World
from tribunal.db.engine import Database
from tribunal.services import observers, training
from tribunal.ui.topics_dialog import TopicsDialog
from tribunal.ui.training_page import AttendanceDialog, SessionDialog, TrainingPage

from .helpers import MessageBoxes, opened, settle, type_into

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def gui_db(world_db: Database) -> Database:
    """This module's tests start from the outreach world (conftest), not an empty database."""
    return world_db


@pytest.fixture
def world(world_file: tuple[Path, World], gui_db: Database) -> World:
    """The hearing of a wages case on 2026-12-08 09:30–11:30; 王丽 and 李娟 came, 赵建华 did not."""
    w = world_file[1]
    made = observers.invite(gui_db, w.hearing_id, [w.people[n] for n in ("王丽", "李娟", "赵建华")])
    for row in made:
        if row.name != "赵建华":
            observers.check_in(gui_db, row.id, at=dt.datetime(2026, 12, 8, 9, 10))
    return w


@pytest.fixture
def page(qtbot: QtBot, gui_db: Database, world: World) -> TrainingPage:
    widget = TrainingPage(gui_db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    with qtbot.waitExposed(widget):
        widget.show()
    settle(qtbot)
    return widget


def test_sessions_model_passes_the_qt_model_tester(qtbot: QtBot, qtmodeltester: ModelTester, page: TrainingPage,
                                                   gui_db: Database) -> None:
    training.create_session(gui_db, None, "劳动合同签订要点", "李建国", dt.datetime(2026, 12, 1, 14, 0),
                            None, "经开区管委会", [])
    page.load()
    settle(qtbot)
    qtmodeltester.check(page.model)


def test_attendance_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                                     gui_db: Database, world: World) -> None:
    session = training.create_session(gui_db, world.hearing_id, "以案释法", "", dt.datetime(2026, 12, 8, 11, 30),
                                      None, "", [])
    dialog = AttendanceDialog(gui_db, session.id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.add_checked_in()
    dialog.add_other("孙立", "邵阳市某物流公司")
    assert dialog.model.rowCount() == 3
    qtmodeltester.check(dialog.model)


def test_session_after_a_hearing_with_suggested_topics(
    qtbot: QtBot, gui_db: Database, world: World, boxes: MessageBoxes
) -> None:
    dialog = SessionDialog(gui_db, hearing_id=world.hearing_id, today=TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.show()
    # Following the hearing, in the same place: it starts when the hearing ends plus the buffer.
    assert dialog.starts.value() == dt.datetime(2026, 12, 8, 12, 0)
    assert dialog.venue.text() == "邵阳宝庆精密机械有限公司 职工活动中心会议室"
    suggested = [t.title for t in training.suggest_topics(gui_db, "wages")]
    assert dialog.suggested_titles() == suggested  # marked and listed first
    assert dialog.chosen_topic_ids() == []
    dialog.tick_suggestions()
    assert len(dialog.chosen_topic_ids()) == len(suggested)
    dialog.tick_topic(suggested[0], False)

    assert dialog.save() is False  # no title
    assert dialog.feedback("title").has_error
    assert dialog.feedback("title").text == "请填写培训名称"
    type_into(qtbot, dialog.title, "以案释法：工资支付与加班费")
    type_into(qtbot, dialog.speaker, "李建国")
    assert dialog.save() is True
    saved = dialog.saved
    assert saved is not None and saved.hearing_id == world.hearing_id
    assert [t.title for t in saved.topics] == suggested[1:]
    assert (saved.starts_at, saved.ends_at) == (dt.datetime(2026, 12, 8, 12, 0), dt.datetime(2026, 12, 8, 13, 0))
    # Whatever the training service warns about is shown once the session is saved.
    assert boxes.kinds() == (["warning"] if saved.warnings else [])


def test_end_before_start_is_refused_beside_the_field(qtbot: QtBot, gui_db: Database, world: World) -> None:
    dialog = SessionDialog(gui_db, today=TODAY)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    type_into(qtbot, dialog.title, "劳动合同签订要点")
    dialog.ends.setValue(dialog.starts.value() - dt.timedelta(hours=1))
    assert dialog.save() is False
    assert dialog.feedback("ends_at").text == "结束时间应晚于开始时间"
    dialog.has_end.setChecked(False)
    assert dialog.save() is True
    assert dialog.saved.ends_at is None and dialog.saved.hearing_id is None


def test_new_session_from_the_page_then_attendance(
    qtbot: QtBot, page: TrainingPage, gui_db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def session_exec(dialog: SessionDialog) -> int:
        opened(qtbot, dialog)
        dialog.hearing.setCurrentIndex(dialog.hearing.findData(world.hearing_id))
        type_into(qtbot, dialog.title, "以案释法：工资支付与加班费")
        dialog.tick_suggestions()
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SessionDialog, "exec", session_exec)
    with qtbot.waitSignal(page.session_saved):
        page.new_button.click()
    settle(qtbot)
    assert page.model.rowCount() == 1
    session_id = page.selected_id()
    assert session_id is not None and page.topics_list.count() > 0

    def attendance_exec(dialog: AttendanceDialog) -> int:
        opened(qtbot, dialog)
        assert dialog.add_checked_in() == 2
        assert dialog.add_checked_in() == 0  # nobody twice
        assert dialog.add_person(world.people["赵建华"], "赵建华", "湖南楚邵新材料股份有限公司") == 1
        type_into(qtbot, dialog.other_name, "孙立", leave=False)
        type_into(qtbot, dialog.other_enterprise, "邵阳市某物流公司", leave=False)
        assert dialog.add_other() == 1
        assert dialog.names() == ["王丽", "李娟", "赵建华", "孙立"]  # in the order they arrived
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(AttendanceDialog, "exec", attendance_exec)
    with qtbot.waitSignal(page.session_saved):
        page.attendance_button.click()
    settle(qtbot)
    detail = training.get_session(gui_db, session_id)
    assert sorted((a.name, a.enterprise_name, a.observer_id is not None) for a in detail.attendance) == sorted([
        ("王丽", "邵阳市资江食品有限公司", True), ("李娟", "邵阳双清电子科技有限公司", True),
        ("赵建华", "湖南楚邵新材料股份有限公司", True), ("孙立", "邵阳市某物流公司", False)])
    assert page.people_list.count() == 4
    assert page.model.rows()[0].attendees == 4
    # The person's history now shows the session.
    history = observers.person_history(gui_db, world.people["王丽"])
    assert [t.title for t in history.trainings] == ["以案释法：工资支付与加班费"]


def test_delete_asks_first(qtbot: QtBot, page: TrainingPage, gui_db: Database, boxes: MessageBoxes) -> None:
    training.create_session(gui_db, None, "劳动合同签订要点", "", dt.datetime(2026, 12, 1, 14, 0), None, "", [])
    page.load()
    settle(qtbot)
    page.view.selectRow(0)
    settle(qtbot)
    boxes.confirm_answer = False
    assert page.delete_session() is False
    assert len(training.list_sessions(gui_db)) == 1
    boxes.confirm_answer = True
    assert page.delete_session() is True
    settle(qtbot)
    assert training.list_sessions(gui_db) == [] and page.model.rowCount() == 0


def test_topic_library_edit_add_and_deactivate(qtbot: QtBot, gui_db: Database) -> None:
    dialog = TopicsDialog(gui_db)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    shipped = training.library_topics()
    assert dialog.titles() == [t.title for t in shipped]
    assert dialog.select_title(shipped[0].title)
    dialog.title.setText("发生劳动争议怎么办")
    dialog.legal_basis.setPlainText("《劳动争议调解仲裁法》第五条")
    assert dialog.save() is not None
    opened(qtbot, dialog)
    edited = next(t for t in training.list_topics(gui_db) if t.code == shipped[0].code)
    assert (edited.title, edited.legal_basis) == ("发生劳动争议怎么办", "《劳动争议调解仲裁法》第五条")

    dialog.new_topic()
    assert dialog.save() is None  # no title
    assert dialog.feedback("title").text == "请填写主题名称"
    dialog.title.setText("女职工“三期”保护")
    dialog.body.setPlainText("孕期、产期、哺乳期内不得因此降低工资或解除劳动合同。")
    added = dialog.save()
    assert added is not None and added.code.startswith("custom-")
    opened(qtbot, dialog)
    assert dialog.titles()[-1] == "女职工“三期”保护"

    dialog.select_title("女职工“三期”保护")
    assert dialog.toggle_active() is not None
    opened(qtbot, dialog)
    assert "女职工“三期”保护" not in [t.title for t in training.list_topics(gui_db)]
    assert not dialog.topic(added.id).active
    assert dialog.toggle_active().active  # offered again
    opened(qtbot, dialog)
    assert dialog.changed

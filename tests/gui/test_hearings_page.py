"""The hearings page: month, week and day views of the demo hearings, the hearing's pane, .ics export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.domain.enums import HearingStatus, ServiceMethod, StaffRole
from tribunal.services import hearings, reference
from tribunal.services.hearings import Recipient
from tribunal.ui import hearing_detail, hearings_page
from tribunal.ui.calendar_views import DAY_COL_NUMBER, DAY_COL_PANEL, DAY_COL_TIME, weekday_text
from tribunal.ui.hearing_detail import PostponeDialog, RecipientsDialog, ServiceRecordDialog
from tribunal.ui.hearings_page import VIEW_DAY, VIEW_MONTH, VIEW_WEEK, ExportIcsDialog, HearingsPage

from .helpers import MessageBoxes, settle

DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> HearingsPage:
    widget = HearingsPage(demo_db, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 720)
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot)
    return widget


@pytest.fixture
def recipients_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, list[Recipient]]]:
    shown: list[tuple[str, str, list[Recipient]]] = []

    def show_list(_parent: object, title: str, intro: str, recipients: list[Recipient]) -> None:
        shown.append((title, intro, list(recipients)))

    monkeypatch.setattr(RecipientsDialog, "show_list", staticmethod(show_list))
    return shown


def december(db: Database) -> list[hearings.HearingRow]:
    return hearings.list_hearings(db, DECEMBER, dt.date(2026, 12, 31))


def test_the_month_shows_every_demo_hearing_on_its_day(qtbot: QtBot, page: HearingsPage, demo_db: Database) -> None:
    assert page.view_index() == VIEW_MONTH
    page.go_to(DECEMBER)
    settle(qtbot)
    expected = december(demo_db)
    assert len(expected) == 7
    chips = page.month_view.chips()
    assert sorted((c.hearing_id, c.row.starts_at.date()) for c in chips) == sorted(
        (r.id, r.starts_at.date()) for r in expected)
    for chip in chips:
        cell = page.month_view.cell_of(chip.row.starts_at.date())
        assert cell is not None and chip in cell.chips  # drawn in its own day's box
        assert chip.text().startswith(f"{chip.row.starts_at:%H:%M} 第")
        assert chip.row.case_number in chip.toolTip()
        assert chip.colour == "#2f6fb0"  # the demo tribunal's colour
    # The grid starts on the Monday before the 1st.
    assert page.month_view.period() == (dt.date(2026, 11, 30), dt.date(2027, 1, 10))
    assert page.period_label.text().startswith("2026")


def test_clicking_a_chip_opens_that_hearing(qtbot: QtBot, page: HearingsPage, demo_db: Database) -> None:
    page.go_to(DECEMBER)
    settle(qtbot)
    chip = page.month_view.chips()[2]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    settle(qtbot)
    shown = page.detail.hearing
    assert shown is not None and shown.id == chip.hearing_id
    assert page.detail.title.text().startswith(shown.case_number)
    assert shown.case_number in chip.toolTip()


def test_next_and_previous_move_by_a_month_week_or_day(qtbot: QtBot, page: HearingsPage) -> None:
    page.go_to(DECEMBER)
    settle(qtbot)
    page.step(1)
    settle(qtbot)
    assert page.month_view.month() == dt.date(2027, 1, 1)
    page.step(-1)
    settle(qtbot)
    page.step(-1)
    settle(qtbot)
    assert page.month_view.month() == dt.date(2026, 11, 1)
    page.set_view(VIEW_WEEK)
    settle(qtbot)
    assert page.week_view.period() == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    page.step(1)
    settle(qtbot)
    assert page.week_view.monday() == dt.date(2026, 11, 30)
    page.set_view(VIEW_DAY)
    settle(qtbot)
    page.step(1)
    settle(qtbot)
    assert page.day_list.day == page.anchor()


def test_the_week_places_each_hearing_in_its_day_column(qtbot: QtBot, page: HearingsPage,
                                                        demo_db: Database) -> None:
    page.set_view(VIEW_WEEK)
    settle(qtbot)
    page.go_to(dt.date(2026, 12, 9))
    settle(qtbot)
    first, last = page.week_view.period()
    assert (first, last) == (dt.date(2026, 12, 7), dt.date(2026, 12, 13))
    expected = [r for r in december(demo_db) if first <= r.starts_at.date() <= last]
    chips = page.week_view.chips()
    assert sorted(c.hearing_id for c in chips) == sorted(r.id for r in expected)
    assert len(chips) == 3
    canvas = page.week_view.canvas
    for chip in chips:
        column = canvas.column_rect(chip.row.starts_at.weekday())
        assert column.left() <= chip.geometry().center().x() <= column.right()
        assert chip.geometry().top() == canvas.y_of(chip.row.starts_at.time()) + 1
        assert f"{chip.row.starts_at:%H:%M}–{chip.row.ends_at:%H:%M}" in chip.text()
    qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.detail.hearing_id() == chips[1].hearing_id


def test_the_day_list_shows_the_day_by_tribunal(qtbot: QtBot, page: HearingsPage, demo_db: Database) -> None:
    first = december(demo_db)[0]
    page.open_day(first.starts_at.date())
    settle(qtbot)
    assert page.view_index() == VIEW_DAY
    model = page.day_list.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, DAY_COL_NUMBER)) == first.case_number
    assert model.data(model.index(0, DAY_COL_TIME)) == (
        f"{first.starts_at:%H:%M}–{first.ends_at:%H:%M}")
    detail = hearings.get_hearing(demo_db, first.id)
    assert model.data(model.index(0, DAY_COL_PANEL)).startswith("、".join(p.name for p in detail.panel) + "\n")
    assert model.data(model.index(0, DAY_COL_PANEL)).endswith(detail.clerk_name)
    assert weekday_text(first.starts_at.date()) in page.day_list.title.text()
    page.day_list._activated(model.index(0, 0))
    settle(qtbot)
    assert page.detail.hearing_id() == first.id

    # Another tribunal's list for that day is empty.
    other = next(t for t in reference.list_tribunals(demo_db) if t.id != first.tribunal_id)
    page.tribunal.setCurrentIndex(page.tribunal.findData(other.id))
    settle(qtbot)
    assert model.rowCount() == 0 and page.day_list.empty.isVisibleTo(page.day_list)


def test_models_pass_the_qt_model_tester(qtbot: QtBot, qtmodeltester: ModelTester, page: HearingsPage,
                                         demo_db: Database) -> None:
    first = december(demo_db)[0]
    page.open_day(first.starts_at.date())
    settle(qtbot)
    qtmodeltester.check(page.day_list.model)
    page.open_hearing(first.id)
    settle(qtbot)
    qtmodeltester.check(page.detail.service_model)
    recipients = [Recipient("party", "张三", "申请人", "", "13800000000"),
                  Recipient("host", "刘晓燕", "人力资源部经理", "邵阳宝庆精密机械有限公司", "")]
    dialog = RecipientsDialog("t", "i", recipients)
    qtmodeltester.check(dialog.model)
    assert dialog.text().splitlines()[1].split("\t")[1:4] == ["刘晓燕", "人力资源部经理", "邵阳宝庆精密机械有限公司"]
    dialog.deleteLater()


def test_the_hearing_pane_shows_service_and_what_it_allows(qtbot: QtBot, page: HearingsPage, demo_db: Database) -> None:
    first = december(demo_db)[0]
    page.open_hearing(first.id)
    settle(qtbot)
    pane = page.detail
    rows = pane.service_model.rows()
    assert len(rows) == 2  # applicant and respondent of the showcase case
    assert all(r.records != "" for r in rows)
    # Served in person / by post, but too close to the hearing? The pane says what the law allows.
    for row in rows:
        allowed, reason = hearings.can_default(demo_db, first.id, row.id)
        assert (row.default_allowed, row.default_reason) == (allowed, reason)
    assert "6" in pane.invitations.text() and "60" in pane.invitations.text()
    # The hearing lies ahead: it cannot be marked as held yet; everything else can be done.
    assert not pane.held_button.isEnabled()
    assert pane.postpone_button.isEnabled() and pane.cancel_button.isEnabled()


def test_recording_service_of_the_hearing_notice(qtbot: QtBot, page: HearingsPage, demo_db: Database) -> None:
    row = december(demo_db)[1]
    page.open_hearing(row.id)
    settle(qtbot)
    hearing = page.detail.hearing
    assert hearing is not None
    dialog = ServiceRecordDialog(demo_db, hearing, TODAY)
    qtbot.addWidget(dialog)
    settle(qtbot)  # the parties to choose from
    dialog.method.setCurrentIndex(dialog.method.findData(ServiceMethod.PHONE.value))
    assert not dialog.confirmed.isChecked()  # by phone: not confirmed until the party says so
    dialog.signed_by.setText("本人")
    with qtbot.waitSignal(dialog.recorded):
        dialog.save()
    saved = dialog.result_value
    assert saved.method == ServiceMethod.PHONE and not saved.confirmed and saved.served_on == TODAY
    page.detail.show_hearing(row.id)
    settle(qtbot)
    party = next(p for p in page.detail.service_model.rows() if p.id == saved.party_id)
    assert "电话通知" in party.records


def test_postponing_lists_everyone_to_tell(qtbot: QtBot, page: HearingsPage, demo_db: Database,
                                           monkeypatch: pytest.MonkeyPatch,
                                           recipients_shown: list[tuple[str, str, list[Recipient]]]) -> None:
    first = december(demo_db)[0]
    page.open_hearing(first.id)
    settle(qtbot)

    def fill_and_postpone(parent: object, db: Database, hearing: hearings.HearingDetail, today: dt.date):
        dialog = PostponeDialog(db, hearing, today)
        assert dialog.save() is False  # no reason yet
        assert "原因" in dialog.summary.text()
        dialog.reason.setPlainText("被申请人代理人住院，申请延期开庭")
        assert dialog.save()
        result = dialog.result_value
        dialog.deleteLater()
        return result

    monkeypatch.setattr(PostponeDialog, "ask", staticmethod(fill_and_postpone))
    page.detail.postpone()
    settle(qtbot)

    assert hearings.get_hearing(demo_db, first.id).status == HearingStatus.POSTPONED
    assert len(recipients_shown) == 1
    _title, intro, people = recipients_shown[0]
    assert first.case_number in intro
    kinds = [r.kind for r in people]
    detail = hearings.get_hearing(demo_db, first.id)
    assert kinds.count("party") == 2
    assert kinds.count("arbitrator") == 3 and kinds.count("clerk") == 1 and kinds.count("host") == 1
    assert kinds.count("observer") == 9  # three invited and six confirmed; the one who declined is not told
    assert {r.name for r in people if r.kind == "arbitrator"} == {p.name for p in detail.panel}
    assert page.detail.last_recipients == people
    # The month no longer counts it as on: its chip says so.
    page.go_to(DECEMBER)
    settle(qtbot)
    chip = next(c for c in page.month_view.chips() if c.hearing_id == first.id)
    assert chip.text().endswith("〔已延期〕")


def test_postponing_to_a_clashing_time_shows_the_conflict(qtbot: QtBot, demo_db: Database) -> None:
    rows = december(demo_db)
    first = hearings.get_hearing(demo_db, rows[0].id)
    dialog = PostponeDialog(demo_db, first, TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("申请人申请延期")
    dialog.new_time.setChecked(True)
    # Onto the time of another hearing of the same host room.
    other = next(r for r in rows[1:] if r.room_id == first.room_id)
    dialog.date.setDate(other.starts_at.date())
    dialog.start.setTime(dialog.start.time().fromString(f"{other.starts_at:%H:%M}", "HH:mm"))
    dialog.end.setTime(dialog.end.time().fromString(f"{other.ends_at:%H:%M}", "HH:mm"))
    assert dialog.save() is False
    assert "room.double_booked" in {f.rule_key for f in dialog.panel.findings()}
    assert dialog.panel.isVisibleTo(dialog)
    assert hearings.get_hearing(demo_db, first.id).status == HearingStatus.SCHEDULED


def test_cancelling_asks_why_and_lists_everyone_to_tell(qtbot: QtBot,
    page: HearingsPage, demo_db: Database, boxes: MessageBoxes,
    recipients_shown: list[tuple[str, str, list[Recipient]]],
) -> None:
    row = december(demo_db)[1]
    page.open_hearing(row.id)
    settle(qtbot)
    boxes.text_answer = None
    assert page.detail.cancel() is None  # the clerk changed their mind
    assert hearings.get_hearing(demo_db, row.id).status == HearingStatus.SCHEDULED

    boxes.text_answer = "申请人撤回仲裁申请"
    people = page.detail.cancel()
    settle(qtbot)
    assert people is not None and {r.kind for r in people} >= {"party", "arbitrator", "clerk", "host"}
    assert hearings.get_hearing(demo_db, row.id).status == HearingStatus.CANCELLED
    assert "申请人撤回仲裁申请" in recipients_shown[0][1]
    assert not page.detail.postpone_button.isEnabled()


def test_exporting_a_month_to_an_ics_file(page: HearingsPage, demo_db: Database, tmp_path: Path,
                                          boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "十二月开庭"
    monkeypatch.setattr(hearings_page, "choose_save_file", lambda *_args: str(target))
    monkeypatch.setattr(ExportIcsDialog, "ask",
                        staticmethod(lambda *_args: (DECEMBER, dt.date(2026, 12, 31), None)))
    written = page.export_calendar()
    assert written == tmp_path / "十二月开庭.ics"
    text = written.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 7
    assert "TZID=Asia/Shanghai" in text
    assert boxes.kinds() == ["information"] and "7" in boxes.shown[0][2]

    # One arbitrator's hearings only.
    arbitrator = next(s for s in reference.list_staff(demo_db) if s.role == StaffRole.ARBITRATOR
                      and hearings.list_hearings(demo_db, staff_id=s.id))
    theirs = hearings.list_hearings(demo_db, DECEMBER, dt.date(2026, 12, 31), staff_id=arbitrator.id)
    monkeypatch.setattr(ExportIcsDialog, "ask",
                        staticmethod(lambda *_args: (DECEMBER, dt.date(2026, 12, 31), arbitrator.id)))
    written = page.export_calendar()
    assert written is not None
    assert written.read_bytes().count(b"BEGIN:VEVENT") == len(theirs) < 7


def test_exporting_is_cancelled_without_a_file(page: HearingsPage, tmp_path: Path, boxes: MessageBoxes,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hearings_page, "choose_save_file", lambda *_args: None)
    monkeypatch.setattr(ExportIcsDialog, "ask", staticmethod(lambda *_args: (DECEMBER, DECEMBER, None)))
    assert page.export_calendar() is None
    assert boxes.shown == []


def test_the_export_dialog_offers_one_person(qtbot: QtBot, demo_db: Database) -> None:
    staff = reference.list_staff(demo_db)
    dialog = ExportIcsDialog(DECEMBER, dt.date(2026, 12, 31), staff)
    qtbot.addWidget(dialog)
    assert dialog.values() == (DECEMBER, dt.date(2026, 12, 31), None)
    assert not dialog.person.isEnabled()
    dialog.only_one.setChecked(True)
    dialog.person.setCurrentIndex(2)
    assert dialog.values()[2] == staff[2].id


def test_scheduling_from_the_page_shows_the_new_hearing(qtbot: QtBot, page: HearingsPage, demo_db: Database,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = december(demo_db)[0]
    saved = hearings.get_hearing(demo_db, first.id)
    asked: list[dict[str, object]] = []

    def ask(_parent: object, _db: Database, **kwargs: object) -> hearings.HearingDetail:
        asked.append(kwargs)
        return saved

    monkeypatch.setattr(hearing_detail.HearingDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(hearings_page.HearingDialog, "ask", staticmethod(ask))
    with_signal: list[int] = []
    page.hearings_changed.connect(lambda: with_signal.append(1))
    page.month_view.new_hearing_requested.emit(dt.date(2026, 12, 22))
    settle(qtbot)
    assert asked[0]["start"] == dt.datetime(2026, 12, 22, 9, 30)
    assert page.detail.hearing_id() == first.id and with_signal == [1]
    assert page.anchor() == first.starts_at.date()


def test_a_postponed_hearing_keeps_its_length_when_the_new_start_is_typed(qtbot: QtBot, demo_db: Database) -> None:
    first = hearings.get_hearing(demo_db, december(demo_db)[0].id)
    dialog = PostponeDialog(demo_db, first, TODAY)
    qtbot.addWidget(dialog)
    dialog.new_time.setChecked(True)
    dialog.start.selectAll()
    qtbot.keyClicks(dialog.start, "14")
    assert dialog.end.value() == first.ends_at.time()  # nothing moves while typing
    qtbot.keyClick(dialog.start, Qt.Key.Key_Return)
    assert dialog.end.value() == (dt.datetime.combine(TODAY, dt.time(14, 0)) + (first.ends_at - first.starts_at)).time()

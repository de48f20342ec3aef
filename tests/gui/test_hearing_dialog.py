"""The scheduling dialog: the live conflict panel, Save blocked by conflicts, reasons for warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseStatus, HearingStatus, PanelRole
from tribunal.domain.scheduling import HARD, INFO, WARNING, Finding
from tribunal.services import cases, clocks, hearings
from tribunal.services.cases import CaseFilter
from tribunal.ui import hearing_dialog
from tribunal.ui.hearing_dialog import OWN_ROOMS, HearingDialog, OverrideReasonDialog

from .helpers import opened


def first_hearing(db: Database) -> hearings.HearingDetail:
    """The showcase hearing of the demo data (2026-12-07 09:30–11:30, three arbitrators)."""
    row = hearings.list_hearings(db)[0]
    return hearings.get_hearing(db, row.id)


def case_sharing_an_arbitrator(db: Database, booked: hearings.HearingDetail, day: dt.date) -> cases.CaseDetail:
    """An accepted case without a hearing whose own tribunal includes someone on ``booked``'s
    panel, and whose time limit still runs on ``day``."""
    taken = {seat.staff_id for seat in booked.panel}
    for row in cases.search_cases(db, CaseFilter(status=CaseStatus.ACCEPTED), limit=None):
        case = cases.get_case(db, row.id)
        if not {a.staff_id for a in case.arbitrators} & taken:
            continue
        award = clocks.case_clock(db, case.id, TODAY).item("award_due")
        if award is not None and (award.due is None or award.due > day):
            return case
    raise AssertionError("the demo data has no suitable case")


def open_dialog(qtbot: QtBot, db: Database, **kwargs: object) -> HearingDialog:
    dialog = HearingDialog(db, today=lambda: TODAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    return dialog


def set_time(dialog: HearingDialog, day: dt.date, start: dt.time, end: dt.time) -> None:
    dialog.date.setDate(QDate(day))
    dialog.start_time.setTime(QTime(start.hour, start.minute))
    dialog.end_time.setTime(QTime(end.hour, end.minute))


def use_own_room(dialog: HearingDialog, name: str = "第一仲裁庭") -> None:
    dialog.host.setCurrentIndex(dialog.host.findData(OWN_ROOMS))
    index = next(i for i in range(dialog.room.count()) if dialog.room.itemText(i).startswith(name))
    dialog.room.setCurrentIndex(index)


def rule_keys(findings: list[Finding]) -> set[str]:
    return {f.rule_key for f in findings}


def test_double_booked_arbitrator_appears_in_the_live_panel_and_blocks_saving(
    qtbot: QtBot, demo_db: Database
) -> None:
    booked = first_hearing(demo_db)
    day = booked.starts_at.date()
    case = case_sharing_an_arbitrator(demo_db, booked, day)
    shared = next(a for a in case.arbitrators if a.staff_id in {s.staff_id for s in booked.panel})
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    use_own_room(dialog)

    # The clerk types an overlapping time; the panel follows on its own, after the pause.
    set_time(dialog, day, dt.time(10, 0), dt.time(11, 0))
    qtbot.waitUntil(lambda: any(f.rule_key == "staff.double_booked" for f in dialog.panel.findings()),
                    timeout=3000)

    clash = next(f for f in dialog.panel.of(HARD) if f.rule_key == "staff.double_booked"
                 and shared.name in f.message)
    assert clash.message == (f"仲裁员{shared.name}在 {day} 09:30–11:30 已安排 {booked.case_number} 的开庭"
                             f"（{booked.venue}）")
    assert clash.fix == "改到 11:30 之后，或换一名仲裁员"
    assert clash.message in dialog.panel.text()
    assert "改到 11:30 之后，或换一名仲裁员" in dialog.panel.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.save() is False
    assert len(hearings.list_hearings(demo_db)) == 7

    # Moved to the afternoon (travel time from the morning's venue included): nothing hard left.
    set_time(dialog, day, dt.time(14, 0), dt.time(15, 30))
    qtbot.waitUntil(lambda: not dialog.panel.has_hard, timeout=3000)
    assert dialog.save_button.isEnabled()
    assert dialog.panel.of(WARNING) == []
    assert {f.rule_key for f in dialog.panel.of(INFO)} == {"notice.not_served"}

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog.saved
    assert saved is not None and saved.case_id == case.id
    assert (saved.starts_at, saved.ends_at) == (dt.datetime.combine(day, dt.time(14)),
                                                dt.datetime.combine(day, dt.time(15, 30)))
    assert saved.room_name == "第一仲裁庭" and saved.override_reason is None
    assert {(p.staff_id, p.role) for p in saved.panel} == {(a.staff_id, a.role) for a in case.arbitrators}
    assert cases.get_case(demo_db, case.id).status == CaseStatus.SCHEDULED
    assert len(hearings.list_hearings(demo_db)) == 8


def test_a_warning_only_hearing_asks_for_the_reason_and_records_it(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    booked = first_hearing(demo_db)
    saturday = dt.date(2026, 12, 12)
    case = case_sharing_an_arbitrator(demo_db, booked, saturday)
    answers: list[str | None] = [None, "双方当事人书面同意周六开庭"]
    asked: list[list[Finding]] = []

    def ask(_parent: object, findings: list[Finding]) -> str | None:
        asked.append(list(findings))
        return answers.pop(0)

    monkeypatch.setattr(OverrideReasonDialog, "ask", staticmethod(ask))
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    use_own_room(dialog)
    set_time(dialog, saturday, dt.time(9, 30), dt.time(11, 0))
    dialog.check_now()

    assert [f.rule_key for f in dialog.panel.of(WARNING)] == ["calendar.rest_day"]
    assert dialog.panel.of(WARNING)[0].message == "开庭日 2026-12-12 是星期六（休息日）"
    assert not dialog.panel.has_hard and dialog.save_button.isEnabled()

    # The clerk goes back from the reason dialog: nothing is saved, the dialog stays open.
    assert dialog.save() is False
    assert len(hearings.list_hearings(demo_db)) == 7
    assert dialog.save() is True

    assert len(asked) == 2 and rule_keys(asked[0]) >= {"calendar.rest_day"}
    assert dialog.saved is not None
    assert dialog.saved.override_reason == "双方当事人书面同意周六开庭"
    assert hearings.get_hearing(demo_db, dialog.saved.id).override_reason == "双方当事人书面同意周六开庭"


def test_a_closed_hearing_needs_a_lawful_reason(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    case = case_sharing_an_arbitrator(demo_db, booked, dt.date(2026, 12, 8))
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    use_own_room(dialog)
    set_time(dialog, dt.date(2026, 12, 8), dt.time(9, 30), dt.time(11, 0))
    dialog.closed.setChecked(True)
    dialog.check_now()
    assert "input.closed_reason" in rule_keys(dialog.panel.of(HARD))
    assert not dialog.save_button.isEnabled()

    dialog.closed_reason.setCurrentIndex(dialog.closed_reason.findData("privacy"))
    dialog.closed_detail.setText("涉及申请人的伤情病历")
    dialog.check_now()
    assert not dialog.panel.has_hard
    assert dialog.save()
    assert dialog.saved is not None and not dialog.saved.public
    assert dialog.saved.closed_reason == "涉及个人隐私：涉及申请人的伤情病历"


def test_an_incomplete_panel_and_a_missing_clerk_are_conflicts(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    case = case_sharing_an_arbitrator(demo_db, booked, dt.date(2026, 12, 8))
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    use_own_room(dialog)
    set_time(dialog, dt.date(2026, 12, 8), dt.time(9, 30), dt.time(11, 0))
    dialog.three.setChecked(True)
    dialog.presiding.setCurrentIndex(1)
    for combo in dialog.members:
        combo.setCurrentIndex(0)
    dialog.clerk.setCurrentIndex(0)
    dialog.check_now()
    assert {"panel.composition", "panel.no_clerk"} <= rule_keys(dialog.panel.of(HARD))
    assert dialog.collect() is not None
    assert dialog.collect().panel == ((dialog.presiding.itemData(1), PanelRole.PRESIDING),)  # type: ignore[union-attr]


def test_without_a_case_there_is_nothing_to_check(qtbot: QtBot, demo_db: Database) -> None:
    dialog = open_dialog(qtbot, demo_db)
    assert dialog.case.currentData() is None
    assert dialog.collect() is None
    assert dialog.check_now() == []
    assert not dialog.save_button.isEnabled()
    # Only cases that can be heard are offered: accepted and not closed.
    offered = [dialog.case.itemData(i) for i in range(1, dialog.case.count())]
    statuses = {cases.get_case(demo_db, cid).status for cid in offered}
    assert offered and statuses <= {CaseStatus.ACCEPTED, CaseStatus.SCHEDULED, CaseStatus.HEARD,
                                    CaseStatus.SUSPENDED}


def test_changing_a_hearing_loads_it_and_it_does_not_clash_with_itself(
    qtbot: QtBot, demo_db: Database
) -> None:
    booked = first_hearing(demo_db)
    dialog = open_dialog(qtbot, demo_db, hearing_id=booked.id)
    assert not dialog.case.isEnabled()
    assert dialog.room.currentData() == booked.room_id
    assert dialog.three.isChecked()
    assert dialog.presiding.currentData() == booked.panel[0].staff_id
    assert dialog.start_time.time() == QTime(9, 30) and dialog.end_time.time() == QTime(11, 30)
    assert "staff.double_booked" not in rule_keys(dialog.panel.findings())
    assert not dialog.panel.has_hard

    # Moving the start keeps the length; the served notices name the old time (a warning).
    dialog.start_time.setTime(QTime(10, 0))
    assert dialog.end_time.time() == QTime(12, 0)
    dialog.check_now()
    assert dialog.save_button.isEnabled()


def test_the_override_dialog_needs_a_reason(qtbot: QtBot) -> None:
    finding = Finding("calendar.rest_day", WARNING, "开庭日 2026-12-12 是星期六（休息日）", None,
                      "改到工作日，或在理由中说明为何在休息日开庭")
    dialog = OverrideReasonDialog([finding])
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText("当事人要求")
    assert dialog.ok_button.isEnabled()


def test_the_check_waits_for_the_clerk_to_stop_typing(qtbot: QtBot, demo_db: Database,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    booked = first_hearing(demo_db)
    case = case_sharing_an_arbitrator(demo_db, booked, dt.date(2026, 12, 8))
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    calls: list[int] = []
    real = hearings.check_hearing

    def counting(*args: object, **kwargs: object) -> list[Finding]:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hearing_dialog.hearings, "check_hearing", counting)
    for minute in (0, 5, 10, 15):
        dialog.start_time.setTime(QTime(9, minute))
    assert calls == [] and dialog.check_pending()  # four changes, one check waiting
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    assert not dialog.check_pending()  # and nothing left to run after it
    assert len(calls) == 1


def test_a_postponed_hearing_is_not_offered_as_a_clash(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    hearings.postpone_hearing(demo_db, booked.id, "被申请人申请延期", today=TODAY)
    assert hearings.get_hearing(demo_db, booked.id).status == HearingStatus.POSTPONED
    day = booked.starts_at.date()
    case = case_sharing_an_arbitrator(demo_db, booked, day)
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    use_own_room(dialog)
    set_time(dialog, day, dt.time(10, 0), dt.time(11, 0))
    dialog.check_now()
    assert "staff.double_booked" not in rule_keys(dialog.panel.findings())


def retype(qtbot: QtBot, field: QLineEdit, keys: str) -> None:
    """Type over the field key by key, as a clerk does, then press Enter."""
    field.selectAll()
    qtbot.keyClicks(field, keys)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_typing_a_start_moves_the_end_once_and_keeps_the_length(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    dialog = open_dialog(qtbot, demo_db, hearing_id=booked.id)  # 09:30–11:30
    dialog.start_time.selectAll()
    qtbot.keyClicks(dialog.start_time, "17")
    # Half typed, nothing moves (a time field that counted "1" gave 19:00–00:30).
    assert dialog.end_time.time() == QTime(11, 30)
    qtbot.keyClick(dialog.start_time, Qt.Key.Key_Return)
    assert (dialog.start_time.time(), dialog.end_time.time()) == (QTime(17, 0), QTime(19, 0))
    retype(qtbot, dialog.start_time, "930")
    assert (dialog.start_time.time(), dialog.end_time.time()) == (QTime(9, 30), QTime(11, 30))


def test_fourteen_typed_over_a_full_hour_is_two_in_the_afternoon(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    dialog = open_dialog(qtbot, demo_db, hearing_id=booked.id)
    retype(qtbot, dialog.start_time, "9")
    assert dialog.start_time.time() == QTime(9, 0)
    retype(qtbot, dialog.start_time, "14")
    assert (dialog.start_time.time(), dialog.end_time.time()) == (QTime(14, 0), QTime(16, 0))
    retype(qtbot, dialog.end_time, "1630")
    assert dialog.end_time.time() == QTime(16, 30)
    assert dialog.collect() is not None
    assert dialog.collect().ends_at == dt.datetime.combine(booked.starts_at.date(), dt.time(16, 30))  # type: ignore[union-attr]


def test_a_date_typed_into_a_new_year_stays_in_it(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    dialog = open_dialog(qtbot, demo_db, hearing_id=booked.id)
    retype(qtbot, dialog.date, "2027-01-01")
    assert dialog.date.value() == dt.date(2027, 1, 1)  # not 2026-01-01
    retype(qtbot, dialog.date, "20270104")
    collected = dialog.collect()
    assert collected is not None and collected.starts_at == dt.datetime(2027, 1, 4, 9, 30)


def test_a_start_near_midnight_leaves_the_end_for_the_check(qtbot: QtBot, demo_db: Database) -> None:
    booked = first_hearing(demo_db)
    dialog = open_dialog(qtbot, demo_db, hearing_id=booked.id)
    retype(qtbot, dialog.start_time, "2300")
    assert dialog.end_time.time() == QTime(11, 30)  # 23:00 + 2 h would be 01:00 the next day


def test_a_search_with_one_match_selects_it(qtbot: QtBot, demo_db: Database) -> None:
    dialog = open_dialog(qtbot, demo_db)
    assert dialog.case.currentData() is None  # (choose a case)
    some = next(r for r in cases.search_cases(demo_db, CaseFilter(open_only=True))
                if r.status == CaseStatus.ACCEPTED)
    dialog.case_search.setText(some.number)
    qtbot.waitUntil(lambda: dialog.case.currentData() == some.id, timeout=3000)
    assert "选择" not in dialog.case.currentText()


def test_a_circuit_case_starts_where_its_tribunal_usually_sits(qtbot: QtBot, demo_db: Database) -> None:
    from tribunal.services import reference

    case = next(c for cid in cases.search_case_ids(demo_db, CaseFilter(open_only=True))
                if (c := cases.get_case(demo_db, cid)).tribunal_id is not None and c.status.can_be_scheduled)
    assert case.tribunal_id is not None
    last = reference.usual_host(demo_db, case.tribunal_id)  # no default: the last hearing's host
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    if last is not None:
        assert dialog.host.currentData() == last
    # Another enterprise with a hearing room (only those are offered as hosts).
    hosts = [dialog.host.itemData(i) for i in range(dialog.host.count())]
    chosen = next(h for h in hosts if h not in (OWN_ROOMS, last))
    reference.set_default_host(demo_db, case.tribunal_id, chosen)
    dialog = open_dialog(qtbot, demo_db, case_id=case.id)
    assert dialog.host.currentData() == chosen and dialog.host.currentData() != OWN_ROOMS
    assert dialog.tribunal.currentData() == case.tribunal_id

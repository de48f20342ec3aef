"""The audit log window: filtered by case, person, date and action; masked values; read-only; backup."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

from tests.integration.helpers import applicant, case_input, respondent
from tribunal.services import cases
from tribunal.services.app import Database
from tribunal.ui.audit_log import AuditLogDialog
from tribunal.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 27)
ID_NUMBER = "43050219900101123X"


def _two_cases(db: Database) -> tuple[cases.CaseDetail, cases.CaseDetail]:
    first = cases.create_case(db, case_input(parties=(applicant("阿卜杜热合曼·阿卜杜克热木", id_number=ID_NUMBER), respondent())),
                              today=TODAY)
    second = cases.create_case(db, case_input(parties=(applicant("王𬱖"), respondent())), today=TODAY)
    return first, second


def _searched(qtbot, dialog: AuditLogDialog) -> None:
    op = dialog.search()
    with qtbot.waitSignal(op.ended, timeout=10_000):
        pass


def test_the_log_filters_by_case_and_person_and_masks_numbers(qtbot, gui_db: Database, tmp_path: Path):
    first, second = _two_cases(gui_db)
    dialog = AuditLogDialog(gui_db)
    qtbot.addWidget(dialog)
    _searched(qtbot, dialog)
    assert {r.entity_id for r in dialog.rows if r.entity == "case"} == {first.id, second.id}
    assert dialog.table.rowCount() == len(dialog.rows)

    dialog.case_box.setText(first.number)
    _searched(qtbot, dialog)
    assert dialog.rows and {r.entity_id for r in dialog.rows} == {first.id}
    html = dialog.entry_html(dialog.rows[0])
    assert ID_NUMBER not in html and "测试书记员" in html  # who, and the number masked

    dialog.case_box.clear()
    dialog.person_box.setText("测试书记员")
    _searched(qtbot, dialog)
    assert len(dialog.rows) >= 2 and {r.actor for r in dialog.rows} == {"测试书记员"}
    dialog.person_box.setText("别的书记员")
    _searched(qtbot, dialog)
    assert dialog.rows == []

    dialog.person_box.clear()
    dialog.date_from.setDate(dialog.date_from.date().currentDate().addDays(1))
    _searched(qtbot, dialog)
    assert dialog.rows == [] and dialog.status.text()

    with qtbot.waitSignal(dialog.clear_filters().ended, timeout=10_000):
        pass
    assert len(dialog.rows) >= 2
    # Read-only: nothing in the window edits an entry.
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers

    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    if os.environ.get("TRIBUNAL_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["TRIBUNAL_SCREENSHOTS"]) / "audit-log.png"))


def test_an_unknown_case_number_is_said_plainly(qtbot, gui_db: Database, boxes):
    dialog = AuditLogDialog(gui_db)
    qtbot.addWidget(dialog)
    dialog.case_box.setText("没有这个案号")
    _searched(qtbot, dialog)
    assert dialog.rows == []
    assert any("没有这个案号" in text for _kind, _title, text, _d in boxes.shown)


def test_the_menus_back_up_and_open_the_log(qtbot, gui_db: Database, tmp_path: Path, boxes):
    _two_cases(gui_db)
    window = MainWindow(gui_db)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index(window.tr("&File")) < menus.index(window.tr("&Tools"))
    stick = tmp_path / "stick"
    stick.mkdir()
    window.choose_backup_folder = lambda: str(stick)  # type: ignore[method-assign]
    op = window.back_up()
    assert op is not None
    with qtbot.waitSignal(op.ended, timeout=20_000):
        pass
    made = list(stick.iterdir())
    assert len(made) == 1 and made[0].suffix == ".sqlite3"
    assert boxes.shown[-1][0] == "information" and str(made[0]) in boxes.shown[-1][2]

    log = window.open_audit_log()
    qtbot.waitUntil(lambda: any(r.action == "database.backup" for r in log.rows), timeout=10_000)


def _edited_respondent(db: Database) -> cases.CaseDetail:
    """A case whose respondent's name and phone were changed after it was registered."""
    first, _second = _two_cases(db)
    data = first.to_input()
    parties = list(data.parties)
    parties[1] = replace(parties[1], name="中国建筑第五工程局有限公司湖南分公司", phone="13907391234")
    return cases.update_case(db, first.id, replace(data, parties=tuple(parties)), expected_version=first.version,
                             today=TODAY)


def test_fields_are_named_as_the_clerk_knows_them(qtbot, gui_db: Database, tmp_path: Path):
    case = _edited_respondent(gui_db)
    dialog = AuditLogDialog(gui_db)
    qtbot.addWidget(dialog)
    dialog.case_box.setText(case.number)
    _searched(qtbot, dialog)
    update = next(r for r in dialog.rows if r.action == "case.update")
    html = dialog.entry_html(update)
    assert "被申请人 名称" in html and "被申请人 联系电话" in html
    assert "中国建筑第五工程局有限公司湖南分公司" in html and "139****1234" in html and "13907391234" not in html
    # No internal key reaches the clerk: neither the field names nor the bookkeeping columns.
    for key in ("parties", "phone", "name", "version", "updated_at"):
        assert f">{key}<" not in html and f"{key}." not in html

    dialog.resize(1366, 768)
    dialog.table.selectRow(dialog.rows.index(update))
    dialog.show()
    qtbot.waitExposed(dialog)
    if os.environ.get("TRIBUNAL_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["TRIBUNAL_SCREENSHOTS"]) / "audit-log-fields.png"))


def test_fields_are_named_in_english_in_english_mode(qtbot, gui_db: Database, english: None):
    case = _edited_respondent(gui_db)
    dialog = AuditLogDialog(gui_db)
    qtbot.addWidget(dialog)
    dialog.case_box.setText(case.number)
    _searched(qtbot, dialog)
    html = dialog.entry_html(next(r for r in dialog.rows if r.action == "case.update"))
    assert "Respondent Phone" in html and "Respondent Name" in html and "被申请人 联系电话" not in html

"""The case register page: register, find, edit, close and reopen cases through the interface."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.enums import CaseOutcome, CaseResult, CaseStatus, CaseType
from tribunal.services import cases
from tribunal.ui.case_detail import TAB_HISTORY, TAB_PARTIES
from tribunal.ui.case_dialogs import CloseCaseDialog, ReopenCaseDialog
from tribunal.ui.case_editor import CaseEditor
from tribunal.ui.case_table_model import COL_APPLICANTS, COL_NUMBER, COL_RESPONDENTS, COL_STATUS
from tribunal.ui.cases_page import OPEN_ONLY, CasesPage

from .helpers import MessageBoxes, click_save, fill_new_case, make_case, opened, settle, type_into


@pytest.fixture
def page(qtbot: QtBot, seeded_db: Database) -> CasesPage:
    widget = CasesPage(seeded_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def drive_editor(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill) -> None:
    """Replace the modal exec() of the case editor by filling it and pressing Save."""

    def exec_(dialog: CaseEditor) -> int:  # not given to qtbot: ask() deletes it itself
        dialog.show()
        opened(qtbot, dialog)
        fill(dialog)
        click_save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(CaseEditor, "exec", exec_)


def test_new_case_through_the_dialog_is_listed_and_selected(
    qtbot: QtBot, page: CasesPage, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.load()
    settle(qtbot)
    assert page.model.rowCount() == 0 and page.count_label.text() == "共 0 件"
    drive_editor(monkeypatch, qtbot, lambda dialog: fill_new_case(qtbot, dialog, applicant="刘晓燕"))

    with qtbot.waitSignal(page.case_saved):
        page.new_button.click()
        settle(qtbot)

    assert page.model.rowCount() == 1 and page.count_label.text() == "共 1 件"
    case_id = page.selected_case_id()
    assert case_id is not None
    number = cases.get_case(seeded_db, case_id).number
    assert page.model.data(page.model.index(0, COL_NUMBER)) == number
    assert page.model.data(page.model.index(0, COL_APPLICANTS)) == "刘晓燕"
    assert "刘晓燕" in page.detail.text(TAB_PARTIES)
    assert "登记案件" in page.detail.text(TAB_HISTORY)
    assert page.year.findData(dt.date.today().year) > 0


def test_edited_case_updates_its_row_without_reloading(
    qtbot: QtBot, page: CasesPage, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_case(seeded_db, "张三")
    make_case(seeded_db, "李四")
    page.load()
    settle(qtbot)
    assert page.select_case(first.id)
    drive_editor(monkeypatch, qtbot,
                 lambda dialog: type_into(qtbot, dialog.party_forms()[1].name, "邵阳新材料有限公司"))

    with qtbot.assertNotEmitted(page.model.modelReset), qtbot.waitSignal(page.model.dataChanged):
        page.edit_button.click()
        settle(qtbot)

    row = page.model.row_of(first.id)
    assert page.model.data(page.model.index(row, COL_RESPONDENTS)) == "邵阳新材料有限公司"
    assert page.selected_case_id() == first.id
    assert "邵阳新材料有限公司" in page.detail.text(TAB_PARTIES)
    assert "当事人：已修改" in page.detail.text(TAB_HISTORY)


def test_live_search_narrows_the_list(qtbot: QtBot, page: CasesPage, seeded_db: Database) -> None:
    for name in ("张三", "李四", "张伟"):
        make_case(seeded_db, name)
    page.load()
    settle(qtbot)
    assert page.model.rowCount() == 3

    page.focus_search()
    type_into(qtbot, page.search, "张", leave=False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    assert page.count_label.text() == "共 2 件"

    type_into(qtbot, page.search, "张伟", leave=False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.data(page.model.index(0, COL_APPLICANTS)) == "张伟"

    page.clear_button.click()
    settle(qtbot)
    assert page.model.rowCount() == 3 and page.search.text() == ""


def test_filters_by_type_status_year_and_dates(qtbot: QtBot, page: CasesPage, seeded_db: Database) -> None:
    today = dt.date.today()
    make_case(seeded_db, "张三", case_type=CaseType.OVERTIME)
    make_case(seeded_db, "李四", accepted=today)
    old = make_case(seeded_db, "王五", received=today - dt.timedelta(days=400))
    cases.close_case(seeded_db, old.id, CaseOutcome.WITHDRAWN, today)
    page.load()
    settle(qtbot)
    assert page.model.rowCount() == 3

    page.case_type.setCurrentIndex(page.case_type.findData(CaseType.OVERTIME.value))
    settle(qtbot)
    assert page.model.rowCount() == 1
    page.clear_filters()
    settle(qtbot)
    page.status.setCurrentIndex(page.status.findData(OPEN_ONLY))
    settle(qtbot)
    assert page.model.rowCount() == 2
    page.status.setCurrentIndex(page.status.findData(CaseStatus.CLOSED.value))
    settle(qtbot)
    assert [page.model.case_id(0)] == [old.id]
    page.clear_filters()
    settle(qtbot)
    page.year.setCurrentIndex(page.year.findData(old.year))
    settle(qtbot)
    assert page.model.rowCount() == 1
    page.clear_filters()
    settle(qtbot)
    page.received_from.setDate(today - dt.timedelta(days=1))
    settle(qtbot)
    page.received_to.setDate(today)
    settle(qtbot)
    page.date_range.setChecked(True)
    settle(qtbot)
    assert page.model.rowCount() == 2


def test_close_and_reopen_a_case(qtbot: QtBot, page: CasesPage, seeded_db: Database,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    case = make_case(seeded_db, "张三", accepted=dt.date.today())
    page.load()
    settle(qtbot)
    page.select_case(case.id)
    settle(qtbot)
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()

    # The dialogs are not given to qtbot: ask() deletes them itself once closed.
    def close_exec(dialog: CloseCaseDialog) -> int:
        opened(qtbot, dialog)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(CaseOutcome.MEDIATED.value))
        dialog.note.setPlainText("当庭达成调解协议")
        assert not dialog.save()  # the result of a mediation is asked for
        assert "处理结果" in dialog.feedback("result").text
        dialog.result_choice.setCurrentIndex(dialog.result_choice.findData(CaseResult.PARTLY.value))
        dialog.amount.setText("12,000")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(CloseCaseDialog, "exec", close_exec)
    page.close_button.click()
    settle(qtbot)
    row = page.model.row_of(case.id)
    assert page.model.data(page.model.index(row, COL_STATUS)) == "已结案"
    assert page.close_button.text() == "更正结案" and page.reopen_button.isEnabled()
    closed = cases.get_case(seeded_db, case.id)
    assert (closed.result, closed.result_amount_fen) == (CaseResult.PARTLY, 1_200_000)

    def reopen_exec(dialog: ReopenCaseDialog) -> int:
        opened(qtbot, dialog)
        assert not dialog.save()  # no reason given
        assert "原因" in dialog.reason_feedback.text
        dialog.reason.setPlainText("误操作结案")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ReopenCaseDialog, "exec", reopen_exec)
    page.reopen_button.click()
    settle(qtbot)
    assert page.model.data(page.model.index(row, COL_STATUS)) == "已开庭"
    assert "撤销结案" in page.detail.text(TAB_HISTORY)


def test_close_dialog_refuses_a_date_before_acceptance(qtbot: QtBot, seeded_db: Database) -> None:
    today = dt.date.today()
    case = make_case(seeded_db, "张三", accepted=today)
    dialog = CloseCaseDialog(seeded_db, case.id, case.number)
    qtbot.addWidget(dialog)
    dialog.show()
    opened(qtbot, dialog)
    dialog.closed_date.setDate(today - dt.timedelta(days=3))
    assert not dialog.save()
    assert "不能早于受理日期" in dialog.feedback("closed_date").text
    assert cases.get_case(seeded_db, case.id).status != CaseStatus.CLOSED


def test_enter_opens_the_selected_case(qtbot: QtBot, page: CasesPage, seeded_db: Database,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case = make_case(seeded_db)
    page.load()
    settle(qtbot)
    page.select_case(case.id)
    settle(qtbot)
    opened: list[int | None] = []
    monkeypatch.setattr(CaseEditor, "ask", classmethod(lambda cls, parent, db, case_id=None: opened.append(case_id)))
    page.view.setFocus()
    from PySide6.QtCore import Qt

    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    settle(qtbot)
    page.view.doubleClicked.emit(page.model.index(0, 0))
    assert opened == [case.id, case.id]


def test_database_error_while_searching_is_shown_not_raised(qtbot: QtBot,
    page: CasesPage, boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tribunal.errors import DatabaseError

    def broken(*_args: object) -> list[int]:
        raise DatabaseError("数据库正被其他人使用，请稍后再试")

    # The first screenful and the whole list are read by two services; either may fail.
    monkeypatch.setattr(cases, "first_rows", broken)
    monkeypatch.setattr(cases, "search_case_ids", broken)
    page.reload()
    settle(qtbot)
    assert boxes.kinds() == ["critical"] and "稍后再试" in boxes.texts()


# ---------------------------------------------------------------- the next deadline


def test_next_deadline_column_sorts_and_filters(qtbot: QtBot, page: CasesPage, seeded_db: Database) -> None:
    from tribunal.ui.case_table_model import COL_DEADLINE, DEADLINE_STATES

    today = dt.date.today()
    late = make_case(seeded_db, "迟某", received=today - dt.timedelta(days=30))   # acceptance overdue
    soon = make_case(seeded_db, "近某", received=today)                            # acceptance due in days
    closed = make_case(seeded_db, "结某", received=today - dt.timedelta(days=3), accepted=today - dt.timedelta(days=2))
    cases.close_case(seeded_db, closed.id, CaseOutcome.WITHDRAWN, today)
    page.load()
    settle(qtbot)
    model = page.model
    texts = {model.case_id(r): model.data(model.index(r, COL_DEADLINE)) for r in range(model.rowCount())}
    assert texts[late.id].endswith("受理决定 · 已超期")
    assert " · 即将到期" in texts[soon.id] or " · 按期" in texts[soon.id]
    assert texts[closed.id] == ""
    # The state is a word and a colour, never the colour alone.
    row = model.row_of(late.id)
    assert model.data(model.index(row, COL_DEADLINE), Qt.ItemDataRole.ForegroundRole).color() == \
        DEADLINE_STATES["overdue"][1]
    assert model.headerData(COL_DEADLINE, Qt.Orientation.Horizontal) == "下一期限"

    with qtbot.waitSignal(page.ids_shown):
        page.sort_by_deadline()
    assert model.ids() == [late.id, soon.id, closed.id]
    with qtbot.waitSignal(page.ids_shown):
        page.sort_by_deadline(ascending=False)
    assert model.ids() == [closed.id, soon.id, late.id]

    page.deadline.setCurrentIndex(page.deadline.findData(cases.OVERDUE))
    settle(qtbot)
    assert model.ids() == [late.id] and page.deadline.currentText() == "已超期"
    page.clear_filters()
    settle(qtbot)
    assert set(model.ids()) == {late.id, soon.id, closed.id}
    # Clicking a column the database cannot sort by goes back to newest received first.
    page.view.horizontalHeader().setSortIndicator(COL_APPLICANTS, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    assert model.ids() == [soon.id, closed.id, late.id]


def test_a_change_elsewhere_refreshes_the_deadline(qtbot: QtBot, page: CasesPage, seeded_db: Database) -> None:
    from tribunal.ui import ops
    from tribunal.ui.case_table_model import COL_DEADLINE

    today = dt.date.today()
    case = make_case(seeded_db, "迟某", received=today - dt.timedelta(days=30))
    page.load()
    settle(qtbot)
    assert page.model.data(page.model.index(0, COL_DEADLINE)).endswith("已超期")
    cases.close_case(seeded_db, case.id, CaseOutcome.WITHDRAWN, today)
    with qtbot.waitSignal(page.ids_shown):
        ops.broadcast(ops.Changes.CASES, None)
    assert page.model.data(page.model.index(0, COL_DEADLINE)) == ""

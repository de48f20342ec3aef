"""The case list model: a correct Qt model that reads only the rows the view shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.enums import CaseStatus, CaseType
from tribunal.services import cases
from tribunal.services.cases import CaseRow
from tribunal.ui.case_table_model import (
    BLOCK_SIZE,
    CASE_ID_ROLE,
    COL_APPLICANTS,
    COL_CLAIM_TOTAL,
    COL_NUMBER,
    COL_STATUS,
    COLUMN_COUNT,
    CaseTableModel,
)

from .helpers import make_case


def test_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, seeded_db: Database) -> None:
    for name in ("张三", "李四", "王五"):
        make_case(seeded_db, name)
    model = CaseTableModel(seeded_db)
    model.set_ids(cases.search_case_ids(seeded_db))
    qtmodeltester.check(model)


def test_model_shows_the_rows_in_chinese(seeded_db: Database) -> None:
    case = make_case(seeded_db, "张三")
    model = CaseTableModel(seeded_db)
    model.set_ids([case.id])
    assert model.rowCount() == 1 and model.columnCount() == COLUMN_COUNT
    assert model.data(model.index(0, COL_NUMBER)) == case.number
    assert model.data(model.index(0, COL_APPLICANTS)) == "张三"
    assert model.data(model.index(0, COL_STATUS)) == "已收件"
    assert model.data(model.index(0, COL_CLAIM_TOTAL)) == "12,345.00"
    assert model.data(model.index(0, 0), CASE_ID_ROLE) == case.id
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    assert headers == ["案号", "申请人", "被申请人", "案由", "状态", "下一期限", "收件日期", "受理日期", "请求金额（元）"]


def test_saving_one_case_repaints_only_its_row(qtbot: QtBot, seeded_db: Database) -> None:
    first, second = make_case(seeded_db, "张三"), make_case(seeded_db, "李四")
    model = CaseTableModel(seeded_db)
    model.set_ids(cases.search_case_ids(seeded_db))
    row = model.row_of(first.id)
    assert model.data(model.index(row, COL_APPLICANTS)) == "张三"
    data = cases.get_case(seeded_db, first.id).to_input()
    renamed = data.parties[0].__class__(**{**data.parties[0].__dict__, "name": "张三丰"})
    cases.update_case(seeded_db, first.id, data.__class__(**{**data.__dict__, "parties": (renamed, data.parties[1])}))

    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        assert model.refresh_case(first.id)

    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), bottom_right.row()) == (row, row)
    assert model.data(model.index(row, COL_APPLICANTS)) == "张三丰"
    assert model.data(model.index(model.row_of(second.id), COL_APPLICANTS)) == "李四"


def _fake_row(case_id: int) -> CaseRow:
    return CaseRow(id=case_id, number=f"邵劳人仲案字〔2026〕第{case_id}号", case_type=CaseType.WAGES,
                   status=CaseStatus.ACCEPTED, received_date=dt.date(2026, 1, 1),
                   accepted_date=dt.date(2026, 1, 2), applicants=f"申请人{case_id}",
                   respondents="某某公司", claim_total_fen=100 * case_id, outcome=None)


def test_a_list_of_5000_cases_reads_only_the_blocks_shown(
    qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[int]] = []

    def counting_case_rows(_db: Database, ids: list[int]) -> list[CaseRow]:
        calls.append(list(ids))
        return [_fake_row(i) for i in ids]

    monkeypatch.setattr(cases, "case_rows", counting_case_rows)
    model = CaseTableModel(seeded_db)
    model.set_ids(list(range(5000, 0, -1)))
    assert calls == []  # holding the ids costs nothing

    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setModel(model)
    view.resize(900, 600)
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: calls != [])  # the first paint reads the top rows

    assert len(calls) == 1 and len(calls[0]) == BLOCK_SIZE
    assert model.loaded_blocks() == [0]

    view.scrollToBottom()
    qtbot.waitUntil(lambda: len(calls) > 1)
    last_block = (5000 - 1) // BLOCK_SIZE
    assert model.loaded_blocks() == [0, last_block]
    assert len(calls) == 2

    view.scrollToTop()
    view.viewport().repaint()  # paint the top rows again now: they come from the cache
    assert model.data(model.index(0, COL_APPLICANTS)) == "申请人5000"
    assert len(calls) == 2  # cached
    assert model.data(model.index(4999, COL_APPLICANTS)) == "申请人1"

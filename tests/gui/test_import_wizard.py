"""The enterprise import wizard: a messy workbook through mapping, preview, import and report."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.integration.data.outreach import CODES
from tribunal.db.engine import Database
from tribunal.services import enterprise_import, enterprises
from tribunal.ui.import_wizard import (
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    PAGE_REPORT,
    ImportWizard,
    report_lines,
    report_model,
)

from .helpers import MessageBoxes, settle

MESSY_ROWS = {
    # spreadsheet row: cells; row 1 is a merged title, rows 2 and 6 are blank, row 3 the headings
    3: ("序号", "企业名称", "统一社会信用代码", "联系人", "手机", "备注"),
    4: (1, "邵阳宝庆精密机械有限公司", CODES[0], "刘晓燕", 13807319999, None),
    5: (2, "邵阳市资江食品有限公司", "9143050074000000", "王丽", "0739-5201234", None),
    7: (3, "邵阳宝庆精密机械有限责任公司", None, None, None, "重复"),
    8: (4, None, CODES[7], "张三", None, None),
    9: (5, "湖南楚邵新材料股份有限公司", CODES[3], "赵建华", "138 0731 0002", None),
    10: (None, "合计：2家", None, None, None, None),
}
EXPECTED_REPORT = [
    (4, "created", "邵阳宝庆精密机械有限公司", ""),
    (5, "rejected", "邵阳市资江食品有限公司",
     "统一社会信用代码“9143050074000000”不正确：统一社会信用代码应为18位，实为16位"),
    (7, "rejected", "邵阳宝庆精密机械有限责任公司", "与第4行重复（同一企业名称）"),
    (8, "rejected", "", "缺少企业名称"),
    (9, "created", "湖南楚邵新材料股份有限公司", ""),
    (10, "rejected", "合计:2家", "这一行不是企业（表尾的合计、制表人或说明）"),
]


def write_messy(path: Path, rows: dict[int, tuple] = MESSY_ROWS, *, title: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名录"
    if title:
        sheet["A1"] = "经开区企业名录（2026年）"
        sheet.merge_cells("A1:F1")
    for row, cells in rows.items():
        for column, value in enumerate(cells, start=1):
            if value is not None:
                sheet.cell(row=row, column=column, value=value)
    book.save(path)
    return path


@pytest.fixture
def wizard(qtbot: QtBot, db: Database) -> ImportWizard:
    widget = ImportWizard(db)
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def go_to_report(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    wizard.next()
    assert wizard.currentId() == PAGE_PREVIEW
    wizard.next()
    assert wizard.currentId() == PAGE_REPORT


def test_report_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, db: Database,
                                                 tmp_path: Path) -> None:
    report = enterprise_import.import_enterprises(db, write_messy(tmp_path / "a.xlsx"), dry_run=True)
    for model in (report_model(), report_model(with_cells=False)):
        model.set_rows(report_lines(report))
        qtmodeltester.check(model)


def test_messy_workbook_is_imported_with_a_report_per_row(
    wizard: ImportWizard, db: Database, tmp_path: Path
) -> None:
    path = write_messy(tmp_path / "经开区名录.xlsx")
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    page = wizard.mapping_page
    assert page.columns() == ["序号", "企业名称", "统一社会信用代码", "联系人", "手机", "备注"]
    assert page.mapping() == {"序号": "", "企业名称": "name", "统一社会信用代码": "credit_code",
                              "联系人": "contact_name", "手机": "contact_phone", "备注": "notes"}
    assert page.isComplete()

    wizard.next()
    assert wizard.currentId() == PAGE_PREVIEW
    preview = wizard.preview_page
    assert preview.summary.text().startswith("试导入（未保存）")
    assert [(r.row, r.action) for r in preview.model.rows()] == [(r, a) for r, a, _n, _d in EXPECTED_REPORT]
    assert preview.model.rows()[0].phone == "13807319999"
    assert enterprises.count_enterprises(db) == 0  # the preview saves nothing

    wizard.next()
    assert wizard.currentId() == PAGE_REPORT
    assert wizard.report is not None and not wizard.report.dry_run
    report_page = wizard.report_page
    assert [(r.row, r.action, r.name, r.detail) for r in report_page.model.rows()] == EXPECTED_REPORT
    assert report_page.summary.text() == ("导入“经开区名录.xlsx”：共 6 行，新增 2 家，更新 0 家，无变化 0 家，"
                                          "未导入 4 行，提示 0 条")
    report_page.show_which.setCurrentIndex(report_page.SHOW_REJECTED)
    assert [r.row for r in report_page.model.rows()] == [5, 7, 8, 10]
    assert [r.name for r in enterprises.search_enterprises(db)] == [
        "湖南楚邵新材料股份有限公司", "邵阳宝庆精密机械有限公司"]


def test_report_can_be_copied_and_saved(wizard: ImportWizard, tmp_path: Path) -> None:
    go_to_report(wizard, write_messy(tmp_path / "名录.xlsx"))
    wizard.report_page.copy_report()
    copied = QApplication.clipboard().text()
    assert copied.startswith("导入“名录.xlsx”：共 6 行")
    assert "缺少企业名称" in copied and "与第4行重复（同一企业名称）" in copied
    target = tmp_path / "报告.txt"
    assert wizard.report_page.save_report(target)
    assert target.read_text(encoding="utf-8-sig") == copied


def test_importing_the_same_file_again_changes_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = write_messy(tmp_path / "名录.xlsx")
    enterprise_import.import_enterprises(db, path)
    before = [e.name for e in enterprises.search_enterprises(db)]
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    go_to_report(wizard, path)
    assert (wizard.report.created, wizard.report.updated, wizard.report.unchanged) == (0, 0, 2)
    assert [e.name for e in enterprises.search_enterprises(db)] == before


def test_a_bad_file_shows_why_and_changes_nothing(wizard: ImportWizard, db: Database,
                                                  tmp_path: Path) -> None:
    fake = tmp_path / "名录.xlsx"
    fake.write_text("这不是 Excel 文件", encoding="utf-8")
    wizard.file_page.path.setText(str(fake))
    wizard.next()
    assert wizard.currentId() == PAGE_FILE
    assert wizard.file_page.error.isVisibleTo(wizard.file_page)
    assert wizard.file_page.error.text().startswith("无法读取文件“名录.xlsx”：不是有效的 Excel 文件（.xlsx）")
    old = tmp_path / "名录.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    wizard.file_page.path.setText(str(old))
    wizard.next()
    assert wizard.currentId() == PAGE_FILE
    assert "另存为” .xlsx 或 CSV" in wizard.file_page.error.text()
    assert enterprises.count_enterprises(db) == 0


def test_the_mapping_needs_a_name_column_and_one_column_per_field(
    wizard: ImportWizard, tmp_path: Path
) -> None:
    wizard.file_page.path.setText(str(write_messy(tmp_path / "名录.xlsx")))
    wizard.next()
    page = wizard.mapping_page
    page.set_field("企业名称", "")
    assert not page.isComplete() and page.error.isVisibleTo(page)
    page.set_field("企业名称", "name")
    page.set_field("备注", "name")
    assert not page.isComplete()
    page.set_field("备注", "notes")
    assert page.isComplete() and not page.error.isVisibleTo(page)


def test_a_chosen_mapping_is_remembered_for_the_next_file(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    # Headings nobody could guess: the clerk says which column is which, and names the matching.
    odd = {1: ("客户", "代码", "对接人"), 2: ("邵阳市资江食品有限公司", CODES[2], "王丽")}
    first = ImportWizard(db)
    qtbot.addWidget(first)
    first.show()
    first.file_page.path.setText(str(write_messy(tmp_path / "一月.xlsx", odd, title=False)))
    first.next()
    page = first.mapping_page
    assert page.mapping() == {"客户": "", "代码": "", "对接人": ""}
    page.set_field("客户", "name")
    page.set_field("代码", "credit_code")
    page.set_field("对接人", "contact_name")
    page.mapping_name.setText("园区管委会格式")
    assert page.save_mapping()
    first.next()
    first.next()
    assert first.report.created == 1
    assert enterprise_import.remembered_mapping(db) == (
        "园区管委会格式", {"客户": "name", "代码": "credit_code", "对接人": "contact_name"})

    odd[2] = ("湖南楚邵新材料股份有限公司", CODES[3], "赵建华")
    second = ImportWizard(db)
    qtbot.addWidget(second)
    second.show()
    second.file_page.path.setText(str(write_messy(tmp_path / "二月.xlsx", odd, title=False)))
    second.next()
    settle(qtbot)  # the saved matchings to choose from
    assert second.mapping_page.mapping() == {"客户": "name", "代码": "credit_code", "对接人": "contact_name"}
    assert second.mapping_page.saved.currentText() == "园区管委会格式"


def test_import_button_on_the_enterprises_page_refreshes_the_list(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    boxes: MessageBoxes
) -> None:
    from tribunal.ui.enterprises_page import EnterprisesPage

    page = EnterprisesPage(db)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    path = write_messy(tmp_path / "名录.xlsx")

    def exec_(wizard: ImportWizard) -> int:
        wizard.show()
        go_to_report(wizard, path)
        wizard.accept()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", exec_)
    with qtbot.waitSignal(page.directory_imported):
        page.import_button.click()
    settle(qtbot)
    assert page.model.rowCount() == 2
    assert boxes.shown == []

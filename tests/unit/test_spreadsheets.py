"""Formula injection: user text is written as text, numbers as numbers, only the program's formulas as formulas."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from tribunal.services.spreadsheets import (
    Formula,
    append_row,
    csv_text,
    looks_like_formula,
    set_cell,
)

HOSTILE = ['=HYPERLINK("http://evil.example","点击")', "+1+1", "-2+3", "@SUM(1,1)", "=cmd|' /C calc'!A0",
           "\t=1+1", "＝1+1", "＠SUM(A1)", "－1"]


def _saved(book: openpyxl.Workbook) -> tuple[openpyxl.Workbook, str]:
    buffer = io.BytesIO()
    book.save(buffer)
    xml = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("xl/worksheets/sheet1.xml").decode()
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue())), xml


def test_text_that_would_run_is_stored_as_text_with_a_quote_prefix():
    book = openpyxl.Workbook()
    sheet = book.active
    for row, value in enumerate(HOSTILE, start=1):
        set_cell(sheet, row, 1, value)
    reread, xml = _saved(book)
    assert "<f>" not in xml  # not one formula
    for row, value in enumerate(HOSTILE, start=1):
        cell = reread.active.cell(row, 1)
        assert cell.value == value and cell.data_type == "s" and cell.quotePrefix, value


def test_numbers_stay_numbers_and_the_programs_formulas_stay_formulas():
    book = openpyxl.Workbook()
    sheet = book.active
    append_row(sheet, ["序号", "姓名", "人数"])
    append_row(sheet, [1, "=张三", 12])
    append_row(sheet, [2, "李四", -3.5])
    append_row(sheet, ["合计", "", Formula("=SUM(C2:C3)")])
    reread, xml = _saved(book)
    ws = reread.active
    assert [ws.cell(r, 3).value for r in (2, 3)] == [12, -3.5]
    assert ws.cell(2, 3).data_type == "n" and ws.cell(3, 3).data_type == "n"
    assert ws.cell(4, 3).value == "=SUM(C2:C3)" and ws.cell(4, 3).data_type == "f"
    assert xml.count("<f>") == 1
    assert ws.cell(2, 2).value == "=张三" and ws.cell(2, 2).data_type == "s"


def test_csv_cells_get_a_leading_apostrophe():
    assert [csv_text(v) for v in ("=1+1", "@A1", "张三", 12, None, Formula("=SUM(A1:A2)"))] == [
        "'=1+1", "'@A1", "张三", "12", "", "=SUM(A1:A2)"]
    assert not looks_like_formula(-5) and looks_like_formula("-5")


def test_a_formula_must_be_one():
    with pytest.raises(ValueError):
        Formula("SUM(A1)")

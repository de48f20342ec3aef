"""Names and titles that begin with = + - @ come out of every export as text, never as formulas."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import openpyxl

from tests.conftest import TODAY
from tribunal.services import enterprise_import, enterprises, hearings, observers
from tribunal.services.app import open_database

EVIL_NAME = '=HYPERLINK("http://evil.example","点击领取")有限公司'
EVIL_TITLE = "@SUM(1+1)*cmd|' /C calc'!A0"


def test_imported_names_and_typed_titles_are_exported_as_text(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)  # the demonstration register as of TODAY
    db = open_database(str(path))
    try:
        sheet = tmp_path / "名录.csv"
        sheet.write_text(f"企业名称,联系人,职务,联系电话\n\"{EVIL_NAME.replace(chr(34), chr(34) * 2)}\",张三,-人事经理,"
                         "13807311234\n", encoding="utf-8")
        enterprise_import.import_enterprises(db, sheet)  # accepted as typed: it is a name, not a formula
        [ent] = enterprises.search_enterprises(db, "HYPERLINK")
        assert ent.name.startswith("=HYPERLINK")  # brackets tidied to the full-width forms of names
        person = observers.add_observer(db, "李四", enterprise_id=ent.id, title=EVIL_TITLE)
        hearing = next(h for h in hearings.list_hearings(db) if h.public)
        observers.invite(db, hearing.id, [person.id], at=dt.datetime.combine(TODAY, dt.time(9)))
        out = tmp_path / "旁听人员.xlsx"
        count = observers.export_observers_xlsx(db, hearing.id, out)
        name = ent.name
    finally:
        db.dispose()
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2))
    assert len(rows) == count
    row = next(r for r in rows if r[1].value == "李四")
    assert row[2].value == name and row[2].data_type == "s" and row[2].quotePrefix
    assert row[3].value == EVIL_TITLE and row[3].data_type == "s" and row[3].quotePrefix
    assert row[0].data_type == "n"  # the running number stays a number

"""The legal calendar in the database: seeding, a clerk's import and corrections, ``tribunal calendar``."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, LegalDay, LegalYear
from tribunal.domain.legal_calendar import DayRule, UnknownYearError
from tribunal.errors import NotFound, ValidationError
from tribunal.services import audit, legal_calendar
from tribunal.services.app import open_database

D = dt.date

# A made-up 2027 schedule for the tests (the real one is published by the State Council).
CSV_2027 = """date,kind,name
2027-01-01,放假,元旦
2027-02-06,上班,春节
2027-02-07,上班,春节
2027-02-08,放假,春节
2027-02-09,放假,春节
2027-02-10,holiday,春节
2027-02-11,holiday,春节
2027-02-12,holiday,春节
"""


def _snapshot(db) -> tuple[list[tuple], list[tuple], int]:
    """Everything an import could change: days, years, audit entries."""
    with db.session(write=False) as s:
        days = [(d.day, d.kind, d.name) for d in s.scalars(select(LegalDay).order_by(LegalDay.day))]
        years = [(y.year, y.source) for y in s.scalars(select(LegalYear).order_by(LegalYear.year))]
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    return days, years, audits


def test_first_use_seeds_every_package_year(db):
    cal = legal_calendar.calendar(db)
    assert cal.known_years == tuple(range(2004, 2027))
    infos = legal_calendar.years(db)
    assert [y.year for y in infos] == list(range(2026, 2003, -1))  # newest first
    y2026 = infos[0]
    # 2026: 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7 = 33 days off;
    # make-up days 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 = 6.
    assert (y2026.holidays, y2026.workdays) == (33, 6)
    assert y2026.source == legal_calendar.SEED_SOURCE
    # Seeding happens once, with one audit entry.
    legal_calendar.calendar(db, refresh=True)
    with db.session(write=False) as s:
        seeds = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "calendar.seed"))
    assert seeds == 1


def test_import_a_new_year_from_csv(db, tmp_path):
    cal = legal_calendar.calendar(db)
    with pytest.raises(UnknownYearError, match="2027年"):
        cal.add_working_days(D(2026, 12, 30), 5)
    path = tmp_path / "2027.csv"
    path.write_text(CSV_2027, encoding="utf-8")
    info = legal_calendar.import_year_file(db, path, 2027, "国务院办公厅关于2027年部分节假日安排的通知（测试）")
    assert (info.year, info.holidays, info.workdays) == (2027, 6, 2)
    cal = legal_calendar.calendar(db)
    assert cal.is_known_year(2027)
    # Wed 2026-12-30 + 5 working: 12-31 (1), [01-01 off], 01-04..01-07 (2–5).
    assert cal.add_working_days(D(2026, 12, 30), 5) == D(2027, 1, 7)
    assert cal.day_name(D(2027, 2, 6)) == "春节调休上班"
    assert cal.is_working_day(D(2027, 2, 6)) is True  # a Saturday made a working day
    assert cal.is_working_day(D(2027, 2, 10)) is False
    _, rules = legal_calendar.year_rules(db, 2027)
    assert [(r.date, r.kind) for r in rules][:2] == [(D(2027, 1, 1), "holiday"), (D(2027, 2, 6), "workday")]


def test_import_json_and_gbk_csv(db, tmp_path):
    path = tmp_path / "2027.json"
    path.write_text(json.dumps({"days": [
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        ["2027-02-06", "上班", "春节"],
    ]}, ensure_ascii=False), encoding="utf-8")
    info = legal_calendar.import_year_file(db, path, 2027, "测试")
    assert (info.holidays, info.workdays) == (1, 1)
    # Excel on a Chinese Windows writes GBK; dates as 2027/1/1 or 2027年1月1日 are accepted.
    path = tmp_path / "2027-gbk.csv"
    path.write_bytes("日期,类型,名称\n2027/1/1,放假,元旦\n2027年2月8日,放假,春节\n".encode("gbk"))
    info = legal_calendar.import_year_file(db, path, 2027, "测试")
    assert (info.holidays, info.workdays) == (2, 0)
    _, rules = legal_calendar.year_rules(db, 2027)
    assert [(r.date, r.name) for r in rules] == [(D(2027, 1, 1), "元旦"), (D(2027, 2, 8), "春节")]


def test_a_bad_file_changes_nothing_and_names_every_bad_row(db, tmp_path):
    legal_calendar.calendar(db)
    before = _snapshot(db)
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,kind,name\n"
        "2027-01-01,放假,元旦\n"
        "2027-02-30,放假,春节\n"      # line 3: no such day
        "2027-02-08,休假吧,春节\n"    # line 4: unknown kind
        "2026-12-31,放假,元旦\n"      # line 5: another year
        "2027-02-10,上班,春节\n"      # line 6: a Wednesday is already a working day
        "2027-01-01,放假,元旦\n",     # line 7: duplicate of line 2
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        legal_calendar.import_year_file(db, path, 2027, "测试")
    message = info.value.message
    assert message.startswith("导入文件有 5 处错误，未作任何更改：")
    assert "第3行：日期“2027-02-30”无法识别" in message
    assert "第4行：2027-02-08 的类型“休假吧”无法识别" in message
    assert "第5行：2026-12-31 不属于 2027 年" in message
    assert "第6行：2027-02-10（星期三）本就是工作日" in message
    assert "第7行：2027-01-01 与第2行重复" in message
    assert len(info.value.fields) == 5
    assert _snapshot(db) == before
    assert not legal_calendar.calendar(db).is_known_year(2027)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "没有任何日期"),
        ("date,kind,name\n", "没有任何日期"),
        ("[{]", "JSON 格式错误"),
        ('{"year": 2027}', "JSON 文件应为数组"),
        ("2027-02-06,上班,春节\n", "没有任何放假日"),  # only a make-up day: wrong file
    ],
)
def test_other_bad_files(db, tmp_path, content, message):
    legal_calendar.calendar(db)
    before = _snapshot(db)
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        legal_calendar.import_year_file(db, path, 2027, "测试")
    assert _snapshot(db) == before


def test_unreadable_file_and_missing_source(db, tmp_path):
    with pytest.raises(ValidationError, match="无法读取文件"):
        legal_calendar.import_year_file(db, tmp_path / "absent.csv", 2027, "测试")
    path = tmp_path / "ok.csv"
    path.write_text(CSV_2027, encoding="utf-8")
    with pytest.raises(ValidationError, match="请注明来源"):
        legal_calendar.import_year_file(db, path, 2027, "  ")
    path.write_bytes(b"\xff\xfe\x00\xd8")  # neither UTF-8 nor GB18030
    with pytest.raises(ValidationError, match="编码无法识别"):
        legal_calendar.import_year_file(db, path, 2027, "测试")


def test_set_day_corrects_one_day(db):
    cal = legal_calendar.calendar(db)
    assert cal.is_working_day(D(2026, 10, 12))
    legal_calendar.set_day(db, D(2026, 10, 12), "holiday", "测试")
    assert not legal_calendar.calendar(db).is_working_day(D(2026, 10, 12))
    legal_calendar.set_day(db, D(2026, 10, 12), None)
    assert legal_calendar.calendar(db).is_working_day(D(2026, 10, 12))
    # A make-up Saturday turned back into an ordinary Saturday.
    legal_calendar.set_day(db, D(2026, 10, 10), None)
    assert not legal_calendar.calendar(db).is_working_day(D(2026, 10, 10))
    with pytest.raises(ValidationError, match="2026-10-13 是工作日（周一至周五），不需要登记为调休上班日"):
        legal_calendar.set_day(db, D(2026, 10, 13), "workday")
    with pytest.raises(ValidationError, match="类别应为"):
        legal_calendar.set_day(db, D(2026, 10, 13), "day-off")
    with pytest.raises(ValidationError, match="2027 年的安排尚未载入"):
        legal_calendar.set_day(db, D(2027, 1, 4), "holiday")


def test_a_change_from_another_workstation_is_seen(db):
    assert not legal_calendar.calendar(db).is_known_year(2027)
    other = open_database(db.url, actor="另一台电脑")
    try:
        legal_calendar.replace_year(other, 2027, [DayRule(D(2027, 1, 1), "holiday", "元旦")], "测试")
    finally:
        other.dispose()
    # No refresh asked for: the cached calendar notices the newer audit entry.
    assert legal_calendar.calendar(db).is_known_year(2027)


def test_a_save_sees_its_own_calendar_change_and_never_a_rolled_back_one(db):
    day = D(2026, 10, 12)
    assert legal_calendar.calendar(db).is_working_day(day)  # kept for this database
    with db.session() as s:
        s.add(LegalDay(day=day, kind="holiday", name="测试"))
        audit.record(s, db.actor, "calendar.set", legal_calendar.AUDIT_ENTITY, None, "测试")
        s.flush()
        # The deadline upkeep before this commit computes with the changed day…
        assert not legal_calendar.calendar_in(s).is_working_day(day)
        s.rollback()
    # …and the rolled-back change is neither kept nor seen.
    assert legal_calendar.calendar(db).is_working_day(day)
    with db.session() as s:
        assert legal_calendar.calendar_in(s).is_working_day(day)
    # The next change gets the rolled-back entry's id (SQLite reuses it) but is still seen.
    legal_calendar.set_day(db, D(2026, 10, 13), "holiday", "测试")
    with db.session() as s:
        assert not legal_calendar.calendar_in(s).is_working_day(D(2026, 10, 13))
        assert legal_calendar.calendar_in(s).is_working_day(day)


def test_year_rules_of_an_unloaded_year(db):
    with pytest.raises(NotFound, match="2030 年的节假日安排尚未载入"):
        legal_calendar.year_rules(db, 2030)


def test_parse_schedule_kind_words():
    rules = legal_calendar.parse_schedule("# 2027年安排\n2027-01-01,休\n\n2027-02-06,班,春节\n", 2027)
    assert rules == [DayRule(D(2027, 1, 1), "holiday", None), DayRule(D(2027, 2, 6), "workday", "春节")]
    with pytest.raises(ValidationError, match="类型“假日”无法识别"):
        legal_calendar.parse_schedule("2027-01-01,假日\n", 2027)
    assert legal_calendar.kind_from_text("放假") == "holiday"
    assert legal_calendar.kind_from_text(" Holiday ") == "holiday"
    assert legal_calendar.kind_from_text("上班") == "workday"
    assert legal_calendar.kind_from_text("补班") == "workday"
    assert legal_calendar.kind_from_text("普通") is None


# ---------------------------------------------------------------- the command line


def run(capsys, db: Database, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "calendar", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_list_and_show(capsys, db):
    code, out, _ = run(capsys, db, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "年份\t放假日\t调休上班日\t来源"
    assert lines[1] == f"2026\t33\t6\t{legal_calendar.SEED_SOURCE}"
    assert len(lines) == 1 + 23
    code, out, _ = run(capsys, db, "list", "--json")
    assert json.loads(out)[0] == {"year": 2026, "source": legal_calendar.SEED_SOURCE, "holidays": 33, "workdays": 6}

    code, out, _ = run(capsys, db, "show", "2026")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2026年  来源：")
    assert "2026-02-14（星期六）\t调休上班\t春节" in lines
    assert "2026-10-07（星期三）\t放假\t国庆节" in lines
    assert len(lines) == 1 + 33 + 6
    code, out, _ = run(capsys, db, "show", "2026", "--json")
    data = json.loads(out)
    assert data["year"] == 2026 and len(data["days"]) == 39
    assert data["days"][0] == {"date": "2026-01-01", "kind": "holiday", "name": "元旦"}

    code, out, err = run(capsys, db, "show", "2030")
    assert code == 1 and out == "" and err == "错误：2030 年的节假日安排尚未载入\n"


def test_cli_import_and_set(capsys, db, tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text(CSV_2027, encoding="utf-8")
    code, out, err = run(capsys, db, "import", str(path), "--year", "2027", "--source", "测试通知")
    assert code == 0, err
    assert out == "已导入 2027 年节假日安排：放假 6 天，调休上班 2 天（测试通知）\n"
    code, out, _ = run(capsys, db, "list")
    assert out.splitlines()[1] == "2027\t6\t2\t测试通知"

    code, out, err = run(capsys, db, "set", "2027-02-13", "上班", "--name", "春节")
    assert code == 0, err
    assert out == "已更正：2027-02-13（星期六） 为调休上班（春节），现为工作日\n"
    code, out, err = run(capsys, db, "set", "2027-02-13", "normal")
    assert out == "已更正：2027-02-13（星期六） 为普通日，现为休息日\n"


def test_cli_bad_import_changes_nothing(capsys, db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("2027-01-01,放假,元旦\n2027-13-01,放假,元旦\n", encoding="utf-8")
    run(capsys, db, "list")
    before = _snapshot(db)
    code, out, err = run(capsys, db, "import", str(path), "--year", "2027", "--source", "测试")
    assert code == 1 and out == ""
    assert err == ("错误：导入文件有 1 处错误，未作任何更改：第2行：日期“2027-13-01”无法识别"
                   "（应为 2027-01-01 这样的日期）\n")
    assert _snapshot(db) == before


def test_cli_usage_errors(capsys, db):
    with pytest.raises(SystemExit) as info:
        main(["--db", db.url, "calendar", "set", "2027-02-13", "someday"])
    assert info.value.code == 2
    assert "类型应为 holiday" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["--db", db.url, "calendar", "import", "x.csv", "--source", "测试"])
    assert info.value.code == 2  # --year is required
    code, _, err = run(capsys, db, "set", "2027-02-13", "holiday")
    assert code == 1 and "2027 年的安排尚未载入" in err

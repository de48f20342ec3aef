"""``tribunal hearings`` and ``tribunal ics`` on the demonstration data, and their one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from tests.conftest import copy_database
from tribunal.cli import main
from tribunal.services import hearings


@pytest.fixture(scope="module")
def demo_file(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This module's copy of the demonstration database (conftest's demo_template)."""
    return copy_database(demo_template, tmp_path_factory.mktemp("cli"), "demo.sqlite3")


@pytest.fixture
def db_path(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database ``db`` opens (SQLite) or loads into the server's (PostgreSQL): a copy of
    the module's demonstration data (its rows are loaded into the server once and kept), in a
    folder apart from the test's own, where the exports go."""
    return copy_database(demo_file, tmp_path_factory.mktemp("db"), "demo.sqlite3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_hearings_json_lists_every_hearing(db, capsys):
    code, out, _ = run(capsys, "--db", db.url, "hearings", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 7
    assert set(rows[0]) == {"id", "case_number", "start", "end", "venue", "public", "status", "status_label",
                            "closed_reason"}
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    first = rows[0]
    assert first["start"] == "2026-12-07T09:30:00" and first["end"] == "2026-12-07T11:30:00"
    assert first["venue"] == "邵阳宝庆精密机械有限公司 职工活动中心会议室"
    assert (first["public"], first["status"], first["status_label"], first["closed_reason"]) == (
        True, "scheduled", "已排期", None)
    closed = [r for r in rows if not r["public"]]
    assert len(closed) == 1 and closed[0]["closed_reason"].startswith("涉及个人隐私")
    assert closed[0]["venue"] == "本院第二仲裁庭"


def test_hearings_filters_by_dates_and_tribunal(db, capsys):
    code, out, _ = run(capsys, "--db", db.url, "hearings", "--from", "2026-12-09", "--to", "2026-12-11",
                       "--json")
    assert code == 0
    assert [r["start"][:10] for r in json.loads(out)] == ["2026-12-09", "2026-12-11"]
    tribunals = {r.tribunal_id for r in hearings.list_hearings(db)}
    expected = {t: len(hearings.list_hearings(db, tribunal_id=t)) for t in tribunals}
    for tribunal_id, count in expected.items():
        code, out, _ = run(capsys, "--db", db.url, "hearings", "--tribunal", str(tribunal_id), "--json")
        assert code == 0 and len(json.loads(out)) == count
    assert sum(expected.values()) == 7


def test_hearings_text_output(db, capsys):
    code, out, err = run(capsys, "--db", db.url, "hearings", "--from", "2026-12-07", "--to", "2026-12-07")
    assert code == 0
    [line] = out.splitlines()
    assert line.split("\t")[1:] == ["邵劳人仲案字〔2026〕第24号", "2026-12-07 09:30–11:30",
                                    "邵阳宝庆精密机械有限公司 职工活动中心会议室", "公开", "已排期"]
    assert err.strip() == "共 1 场"
    code, out, _ = run(capsys, "--db", db.url, "hearings", "--from", "2030-01-01")
    assert code == 0 and out.strip() == "没有符合条件的开庭。"


@pytest.mark.parametrize("argv", [
    ("hearings", "--from", "2026-13-01"),
    ("hearings", "--from", "2026-12-31", "--to", "2026-12-01"),
    ("hearings", "--to", "明天"),
])
def test_hearings_bad_dates_are_one_line(db, capsys, argv):
    code, out, err = run(capsys, "--db", db.url, *argv)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("错误：")


def test_ics_export_writes_a_calendar(db, capsys, tmp_path):
    target = tmp_path / "十二月开庭.ics"
    code, out, err = run(capsys, "--db", db.url, "ics", "--from", "2026-12-01", "--to", "2026-12-31",
                         "--out", str(target))
    assert code == 0, err
    assert out.strip() == f"已导出 7 场开庭到 {target}"
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 7
    assert all(e["DTSTART"].params["TZID"] == "Asia/Shanghai" for e in events)


def test_ics_for_one_arbitrator(db, capsys, tmp_path):
    first = hearings.get_hearing(db, hearings.list_hearings(db)[0].id)
    staff_id = first.panel[0].staff_id
    expected = len(hearings.list_hearings(db, staff_id=staff_id))
    target = tmp_path / "mine.ics"
    code, out, _ = run(capsys, "--db", db.url, "ics", "--from", "2026-12-01", "--to", "2026-12-31",
                       "--arbitrator", str(staff_id), "--out", str(target))
    assert code == 0
    assert len(list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))) == expected
    assert out.strip().startswith(f"已导出 {expected} 场开庭")


@pytest.mark.parametrize(("argv", "fragment"), [
    (("--from", "2026-12-01", "--to", "2026-12-31", "--out", "{missing}"), "文件夹不存在"),
    (("--from", "2026-12-31", "--to", "2026-12-01", "--out", "{file}"), "晚于截止日期"),
    (("--from", "2026-12-01", "--to", "2026-02-30", "--out", "{file}"), "YYYY-MM-DD"),
    (("--from", "2026-12-01", "--out", "{file}"), "--to"),
    (("--from", "2026-12-01", "--to", "2026-12-31"), "--out"),
    (("--from", "2026-12-01", "--to", "2026-12-31", "--arbitrator", "999", "--out", "{file}"), "找不到"),
])
def test_ics_errors_are_one_line_and_write_nothing(db, capsys, tmp_path, argv, fragment):
    file, missing = tmp_path / "out.ics", tmp_path / "没有这个文件夹" / "out.ics"
    args = [a.format(file=file, missing=missing) for a in argv]
    code, out, err = run(capsys, "--db", db.url, "ics", *args)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("错误：") and fragment in err
    assert list(tmp_path.iterdir()) == []

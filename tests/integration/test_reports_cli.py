"""``tribunal report circuit|stats`` and ``tribunal close|reopen`` on the hand-built register."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.conftest import copy_database
from tests.integration.data.reports import ReportWorld
from tests.integration.helpers import database_state
from tribunal.cli import main
from tribunal.domain.enums import CaseOutcome, CaseResult
from tribunal.services import cases


@pytest.fixture
def db_path(report_world_file, tmp_path):
    """The conftest's database, holding the hand-built register already (built once per run)."""
    return copy_database(report_world_file[0], tmp_path)


@pytest.fixture
def world(report_world_file, db) -> ReportWorld:
    return report_world_file[1]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_circuit_report_as_json(db, world, capsys):
    code, out, err = run(capsys, "--db", db.url, "report", "circuit", "--from", "2026-11-01",
                         "--to", "2026-11-30", "--json")
    assert code == 0, err
    data = json.loads(out)
    figures = {f["key"]: f for f in data["figures"]}
    assert (figures["sessions"]["value"], figures["sessions"]["last_year"]) == (4, 1)
    assert figures["mediation_rate"]["value"] == pytest.approx(0.5)
    assert figures["agreed_fen"]["value"] == 110_000.0 and figures["agreed_fen"]["kind"] == "yuan"
    assert figures["observers"]["definition"].startswith("旁听人次")
    assert [e["name"] for e in data["never_reached"]][-1] == "乙八五金有限公司"
    code, out, _ = run(capsys, "--db", db.url, "report", "circuit", "--from", "2026-11-01",
                       "--to", "2026-11-30", "--tribunal", str(world.t2), "--json")
    assert json.loads(out)["period"]["tribunal"] == "乙区巡回仲裁庭"


def test_exports_to_xlsx_and_pdf(db, world, capsys, tmp_path):
    xlsx = tmp_path / "统计表.xlsx"
    code, out, err = run(capsys, "--db", db.url, "report", "stats", "--year", "2026", "--month", "11",
                         "--out", str(xlsx))
    assert code == 0, err
    assert out.strip() == f"已导出：{xlsx}"
    sheet = openpyxl.load_workbook(xlsx)["主要数据"]
    assert sheet["A1"].value == "劳动人事争议处理情况统计表"
    pdf = tmp_path / "巡回庭.pdf"
    code, _, err = run(capsys, "--db", db.url, "report", "circuit", "--from", "2026-11-01",
                       "--to", "2026-11-30", "--out", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_past_year_with_nothing_is_a_report_of_zeros(db, world, capsys):
    code, out, err = run(capsys, "--db", db.url, "report", "stats", "--year", "2024", "--json")
    assert code == 0, err
    assert all(f["value"] == 0 for f in json.loads(out)["figures"])


@pytest.mark.parametrize("argv, message", [
    (("report", "circuit", "--from", "2026-11-30", "--to", "2026-11-01", "--json"), "早于开始日期"),
    (("report", "circuit", "--from", "2099-01-01", "--to", "2099-01-31", "--json"), "尚未开始"),
    (("report", "stats", "--year", "2099", "--json"), "尚未开始"),
    (("report", "stats", "--year", "1800", "--json"), "年份 1800 不正确"),
    (("report", "circuit", "--from", "2026-11-01", "--to", "2026-11-30", "--zone", "999", "--json"), "开发区"),
    (("report", "stats", "--year", "2026", "--out", "统计.csv"), ".xlsx 或 .pdf"),
])
def test_bad_requests_get_one_line_and_change_nothing(db, world, capsys, argv, message):
    before = database_state(db)
    code, out, err = run(capsys, "--db", db.url, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("错误：") and message in err
    assert database_state(db) == before


def test_a_file_that_cannot_be_written(db, world, capsys, tmp_path):
    target = tmp_path / "没有这个文件夹" / "统计.xlsx"
    code, out, err = run(capsys, "--db", db.url, "report", "stats", "--year", "2026", "--out", str(target))
    assert code == 1 and err.startswith("错误：文件夹不存在") and out == "" and not target.parent.exists()


def test_malformed_command_lines_exit_2(db, world, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["--db", db.url, "report", "stats", "--year", "2026", "--month", "13", "--json"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["--db", db.url, "report", "circuit", "--from", "2026-11-01", "--to", "2026-11-30"])
    assert raised.value.code == 2
    capsys.readouterr()


def test_close_reopen_and_correct_from_the_command_line(db, world, capsys):
    number = cases.get_case(db, world.cases["C13"]).number
    code, _, err = run(capsys, "--db", db.url, "close", number, "--outcome", "调解结案", "--date", "2026-11-16")
    assert code == 1 and "须用 --result 写明处理结果" in err
    code, out, err = run(capsys, "--db", db.url, "close", number, "--outcome", "调解结案", "--date",
                         "2026-11-16", "--result", "双方部分胜诉", "--amount", "12,345.6元")
    assert code == 0, err
    closed = cases.get_case(db, world.cases["C13"])
    assert (closed.outcome, closed.result, closed.result_amount_fen) == (CaseOutcome.MEDIATED, CaseResult.PARTLY,
                                                                         1_234_560)
    assert closed.mediated_on_site  # its hearing at E1 was on 11-16 (the default rule)
    assert "当庭调解" in out
    code, _, err = run(capsys, "--db", db.url, "close", number, "--correct", "--on-site", "no")
    assert code == 0, err
    assert cases.get_case(db, world.cases["C13"]).mediated_on_site is False
    code, _, err = run(capsys, "--db", db.url, "close", number, "--correct", "--amount", "-1")
    assert code == 1 and err.startswith("错误：金额不能为负数")
    code, out, err = run(capsys, "--db", db.url, "reopen", number, "--reason", "结案日期登记错误")
    assert code == 0 and "已撤销结案" in out
    assert cases.get_case(db, world.cases["C13"]).result is None

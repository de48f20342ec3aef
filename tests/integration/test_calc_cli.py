"""``tribunal calc``: the calculators and wage parameters from the command line (invented figures only)."""

from __future__ import annotations

import json

import pytest

from tribunal.cli import main

SOURCE = "虚构文件（测试用，非官方数据）"


def run(capsys, db, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--user", "王书记员", "calc", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_params_add_list_remove_and_a_calculation(capsys, db):
    code, out, _ = run(capsys, db, "params", "list")
    assert code == 0 and "尚未录入工资参数" in out
    # Without the figures the calculation asks for them, naming which one for which area and date.
    code, out, err = run(capsys, db, "severance", "--start", "2015-03-01", "--end", "2024-08-31",
                         "--wage", "8000", "--area", "测试市")
    assert code == 1 and out == ""
    assert err.startswith("错误：") and "测试市在 2024-08-31 适用的上年度职工月平均工资尚未录入" in err

    code, out, _ = run(capsys, db, "params", "add", "--kind", "average_wage", "--area", "测试市",
                       "--from", "2024-01-01", "--value", "6000", "--source", SOURCE)
    assert code == 0 and out.startswith("已录入 #1：测试市上年度职工月平均工资：6,000.00元")
    code, out, _ = run(capsys, db, "params", "add", "--kind", "minimum_wage", "--area", "测试市",
                       "--from", "2024-01-01", "--value", "1800", "--source", SOURCE)
    assert code == 0
    code, out, _ = run(capsys, db, "params", "add", "--kind", "injury_medical", "--area", "测试市",
                       "--from", "2024-01-01", "--months", "8.5", "--unit", "months_average", "--grade", "5",
                       "--source", SOURCE)
    assert code == 0 and "8.5个月的统筹地区上年度职工月平均工资" in out

    code, out, _ = run(capsys, db, "severance", "--start", "2015-03-01", "--end", "2024-08-31",
                       "--wage", "8000", "--area", "测试市", "--json")
    data = json.loads(out)
    assert code == 0 and data["total_fen"] == 8_000_000 and data["total_yuan"] == "80,000.00"
    assert data["mark"] == "参考计算" and data["parameters"][0]["source"] == SOURCE

    code, out, _ = run(capsys, db, "severance", "--start", "2015-03-01", "--end", "2024-08-31",
                       "--wage", "8000", "--area", "测试市")
    assert "经济补偿（参考计算）" in out and "合计：80,000.00元" in out and "来源：" + SOURCE in out

    code, out, _ = run(capsys, db, "params", "list", "--json")
    assert [row["kind"] for row in json.loads(out)] == ["average_wage", "minimum_wage", "injury_medical"]
    code, out, _ = run(capsys, db, "params", "remove", "2", "--reason", "录入错误")
    assert code == 0 and "已删除 #2" in out
    code, out, err = run(capsys, db, "severance", "--start", "2015-03-01", "--end", "2024-08-31",
                         "--wage", "8000", "--area", "测试市")
    assert code == 1 and "月最低工资标准尚未录入" in err
    code, out, _ = run(capsys, db, "params", "list", "--all")
    assert "已删除（王书记员：录入错误）" in out


def test_calculators_without_parameters(capsys, db):
    code, out, _ = run(capsys, db, "overtime", "--wage", "4350", "--workday-hours", "10",
                       "--rest-day-hours", "8", "--holiday-hours", "8", "--json")
    assert code == 0 and json.loads(out)["total_fen"] == 137_500
    code, out, _ = run(capsys, db, "annual-leave", "--wage", "4350", "--years", "10", "--year", "2024",
                       "--left", "2024-06-30", "--json")
    assert code == 0 and json.loads(out)["total_fen"] == 160_000
    code, out, _ = run(capsys, db, "notice-pay", "--wage", "6543.21", "--json")
    assert json.loads(out)["total_fen"] == 654_321
    code, out, _ = run(capsys, db, "unsigned-contract", "--start", "2023-03-01", "--until", "2024-06-30",
                       "--wage", "5000", "--json")
    assert json.loads(out)["total_fen"] == 5_500_000


def test_bad_command_lines(capsys, db):
    with pytest.raises(SystemExit) as caught:
        run(capsys, db, "overtime", "--wage", "abc", "--workday-hours", "3")
    assert caught.value.code == 2 and "金额“abc”不是有效的数字" in capsys.readouterr().err
    code, _, err = run(capsys, db, "overtime", "--wage", "4000")
    assert code == 1 and err.startswith("错误：") and "加班小时数" in err
    code, _, err = run(capsys, db, "params", "add", "--kind", "minimum_wage", "--area", "测试市",
                       "--from", "2024-01-01", "--value", "1800", "--source", "无")
    assert code == 1 and "来源" in err
    code, _, err = run(capsys, db, "params", "remove", "99", "--reason", "x")
    assert code == 1 and "没有编号为 99 的工资参数" in err


def test_injury_and_damages_with_the_commissions_table(capsys, db):
    for argv in (("--kind", "average_wage", "--value", "6000"), ("--kind", "minimum_wage", "--value", "1800"),
                 ("--kind", "injury_medical", "--grade", "7", "--months", "6", "--unit", "months_average"),
                 ("--kind", "injury_employment", "--grade", "7", "--value", "20000")):
        code, _, err = run(capsys, db, "params", "add", "--area", "测试市", "--from", "2020-01-01",
                           "--source", SOURCE, *argv)
        assert code == 0, err
    # Grade 7: 13 × 5,000 + 6 × 6,000 (average) + a fixed 20,000; time off 3 months × 5,000.
    code, out, _ = run(capsys, db, "injury", "--grade", "7", "--own-wage", "5000", "--injury-date", "2023-05-10",
                       "--stop-wage", "5000", "--stop-months", "3", "--ended-on", "2024-01-31", "--area", "测试市",
                       "--json")
    data = json.loads(out)
    assert code == 0 and [i["amount_fen"] for i in data["items"]] == [1_500_000, 6_500_000, 3_600_000, 2_000_000]
    # The commission's area comes from the settings when --area is left out.
    assert main(["--db", db.url, "settings", "commission.area", "测试市"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, db, "damages", "--start", "2015-07-01", "--end", "2020-03-31", "--wage", "4000",
                       "--json")
    assert code == 0 and json.loads(out)["total_fen"] == 4_000_000

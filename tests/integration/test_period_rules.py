"""Confirming the period rules against the official texts: service, audit, clocks and command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import TODAY
from tests.integration.helpers import case_input
from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, cases, clocks, period_rules

SOURCE = "人力资源社会保障部令第33号《劳动人事争议仲裁办案规则》，人力资源社会保障部网站公布文本"


def status(db, key: str) -> period_rules.RuleStatus:
    return next(st for st in period_rules.statuses(db) if st.rule.key == key)


def test_every_rule_starts_unconfirmed_and_the_public_notice_rules_are_data(db):
    statuses = period_rules.statuses(db)
    assert [st.rule.key for st in statuses][-2:] == ["public_notice", "public_notice_abroad"]
    assert not any(st.verified or st.rule.verified for st in statuses)
    notice, abroad = statuses[-2].rule, statuses[-1].rule
    assert (notice.days, notice.unit, notice.reading) == (30, "natural", "")
    assert notice.basis == "《中华人民共和国民事诉讼法》第九十五条；《劳动人事争议仲裁办案规则》第二十条"
    assert (abroad.days, abroad.unit) == (60, "natural")
    assert abroad.basis == "《中华人民共和国民事诉讼法》第二百八十三条第二款（参照）"
    assert "类推" in abroad.reading


def test_confirming_a_rule_removes_its_mark_everywhere_and_a_withdrawal_brings_it_back(db):
    case = cases.create_case(db, case_input(received_date=dt.date(2026, 9, 8), accepted_date=dt.date(2026, 9, 10)),
                             today=TODAY)
    assert clocks.case_clock(db, case.id, TODAY).item("award_due").verified is False
    st = period_rules.confirm(db, "award", SOURCE, note="第四十五条：应当自受理之日起四十五日内结束")
    assert st.verified and st.rule.verified
    check = st.confirmation
    assert check is not None and (check.confirmed_by, check.source, check.days, check.unit) == (
        "测试书记员", SOURCE, 45, "natural")
    award = clocks.case_clock(db, case.id, TODAY).item("award_due")
    assert award.verified is True
    # The extended clock also needs the extension rule: still marked until that one is checked.
    clocks.approve_extension(db, case.id, "仲裁院院长", dt.date(2026, 10, 20), today=TODAY)
    assert clocks.case_clock(db, case.id, TODAY).item("award_due").verified is False
    period_rules.confirm(db, "award_extension", SOURCE)
    assert clocks.case_clock(db, case.id, TODAY).item("award_due").verified is True

    with pytest.raises(ConflictError, match=r"已于 .* 由测试书记员核对确认"):
        period_rules.confirm(db, "award", SOURCE)
    withdrawn = period_rules.withdraw(db, check.id, "核对时看错了版本")
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_reason) == ("测试书记员", "核对时看错了版本")
    assert not status(db, "award").verified
    assert [c.active for c in status(db, "award").history] == [False]
    assert clocks.case_clock(db, case.id, TODAY).item("award_due").verified is False
    actions = [(row.action, row.actor) for row in audit.history(db, period_rules.AUDIT_ENTITY, check.id)]
    assert actions == [("period_rule.withdraw", "测试书记员"), ("period_rule.confirm", "测试书记员")]
    # Confirmed again afterwards: the history keeps both.
    period_rules.confirm(db, "award", SOURCE)
    assert [c.active for c in status(db, "award").history] == [True, False]


def test_a_confirmation_of_an_earlier_form_of_the_rule_does_not_count(db):
    period_rules.confirm(db, "defence", SOURCE)
    # A later version of the program shipped the rule with another length: the row now says so.
    with db.session() as s:
        s.connection().exec_driver_sql("UPDATE period_rule_check SET days = 15 WHERE rule_key = 'defence'")
    st = status(db, "defence")
    assert not st.verified and st.outdated is not None and st.outdated.days == 15


def test_bad_confirmations_change_nothing(db):
    with pytest.raises(ValidationError, match="依据的官方文本") as refused:
        period_rules.confirm(db, "award", "  ")
    assert refused.value.fields == {"source": "请写明核对所依据的官方文本（文件名称、文号及来源）"}
    with pytest.raises(ValidationError, match="过长"):
        period_rules.confirm(db, "award", "文" * 301)
    with pytest.raises(NotFound, match="没有名为“awards”的期间规则"):
        period_rules.confirm(db, "awards", SOURCE)
    with pytest.raises(NotFound):
        period_rules.withdraw(db, 999, "理由")
    check = period_rules.confirm(db, "award", SOURCE).confirmation
    assert check is not None
    with pytest.raises(ValidationError, match="撤销核对的原因"):
        period_rules.withdraw(db, check.id, " ")
    period_rules.withdraw(db, check.id, "理由")
    with pytest.raises(ConflictError, match="已于"):
        period_rules.withdraw(db, check.id, "理由")
    assert len(status(db, "award").history) == 1


def test_another_workstations_confirmation_is_seen(db):
    assert not period_rules.rules(db)["defence"].verified
    # Another program on the shared database confirms the rule (its own connection and audit entry).
    other = create_engine(db.url)
    with other.begin() as conn:
        conn.execute(text("INSERT INTO period_rule_check (rule_key, days, unit, basis, source, confirmed_by, "
                          "confirmed_at) VALUES ('defence', 10, 'working', :basis, '另一台电脑', '李书记员', "
                          "'2026-11-27 09:00:00')"), {"basis": period_rules.rules(db)["defence"].basis})
        conn.execute(text("INSERT INTO audit_entry (at, actor, action, entity, summary) VALUES "
                          "('2026-11-27 09:00:00', '李书记员', 'period_rule.confirm', 'period_rule', '')"))
    other.dispose()
    assert period_rules.rules(db)["defence"].verified


def run(capsys, db: Database | Path, *argv: str) -> tuple[int, str, str]:
    """``tribunal periods`` on the database under test (or a file named by its path)."""
    code = main(["--db", db.url if isinstance(db, Database) else str(db), "--user", "王书记员", "periods", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_periods_command(capsys, db):
    code, out, err = run(capsys, db, "list")
    assert code == 0 and err == ""
    assert "defence\t答辩期\t10个工作日\t《劳动争议调解仲裁法》第三十条；《劳动人事争议仲裁办案规则》第三十三条\t待核对" in out
    assert "※ 本程序的理解：" in out and out.rstrip().endswith("尚有 10 条规则待核对；依其计算的日期标注“期间规则待核对”。")

    code, out, err = run(capsys, db, "confirm", "defence", "--source", SOURCE)
    assert code == 0 and out.startswith("已登记核对：答辩期（10个工作日，") and "核对人 王书记员" in out
    code, out, _ = run(capsys, db, "list", "--json")
    data = {row["key"]: row for row in json.loads(out)}
    assert data["defence"]["verified"] is True and data["defence"]["confirmation"]["confirmed_by"] == "王书记员"
    check_id = data["defence"]["confirmation"]["id"]

    # The clock calculator drops the * of a confirmed rule.
    code, out, _ = capsys.readouterr() and (0, "", "")
    assert main(["--db", db.url, "clock", "--served", "2026-04-30"]) == 0
    out, _ = capsys.readouterr()
    defence_line = next(line for line in out.splitlines() if line.startswith("答辩期届满日"))
    assert defence_line.startswith("答辩期届满日：2026-05-18") and not defence_line.endswith("*")

    code, out, err = run(capsys, db, "withdraw", str(check_id), "--reason", "核对有误")
    assert code == 0 and out == f"已撤销核对记录 #{check_id}（defence）：核对有误\n"
    code, out, _ = run(capsys, db, "list", "--history")
    assert f"#{check_id} " in out and "已由王书记员于" in out and "撤销：核对有误" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("confirm", "defence", "--source", " "), "错误：期间规则核对有误，未保存：请写明核对所依据的官方文本"),
    (("confirm", "nothing", "--source", SOURCE), "错误：没有名为“nothing”的期间规则"),
    (("withdraw", "42", "--reason", "x"), "错误：找不到编号为 42 的核对记录"),
])
def test_periods_command_errors(capsys, db, argv, message):
    got, out, err = run(capsys, db, *argv)
    assert got == 1 and out == "" and message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("argv", "message"), [
    (("confirm", "defence"), "--source"),
    (("withdraw", "abc", "--reason", "x"), "应为阿拉伯数字写的正整数"),
])
def test_malformed_periods_command_lines_exit_2(capsys, db_path, argv, message):
    """Refused by the command line before any database opens: one backend is enough."""
    with pytest.raises(SystemExit) as raised:
        run(capsys, db_path, *argv)
    assert raised.value.code == 2
    _out, err = capsys.readouterr()
    assert message in err and "Traceback" not in err

"""``tribunal clock``: dates across Spring Festival and National Day 2024–2026, its JSON, its errors.

Every expected date below was counted by hand from the State Council's holiday notices; the
schedule used is quoted above each case. The start day is never counted.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.domain.legal_calendar import DayRule
from tribunal.services import legal_calendar

KEYS = ["accept_by", "defence_due", "earliest_hearing", "postpone_request_by", "award_due",
        "award_due_extended"]


def clock(capsys: pytest.CaptureFixture[str], db: Database | Path, *argv: str) -> tuple[int, str, str]:
    """``tribunal clock`` on the database under test (or a file named by its path)."""
    code = main(["--db", db.url if isinstance(db, Database) else str(db), "clock", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def clock_json(capsys: pytest.CaptureFixture[str], db: Database | Path, *argv: str) -> dict[str, str | None]:
    code, out, err = clock(capsys, db, *argv, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == KEYS  # exactly the six keys, in this order, nothing else
    return data


# Each case: inputs, then the six dates (received, accepted, served, hearing).
CASES = {
    # 2024 春节: 02-10..02-17 off; make-up Sun 02-04 and Sun 02-18 (除夕 02-09 was a working day).
    # 2024 清明 make-up Sun 04-07. 2024 is a leap year (02-29).
    "2024-spring-festival": (
        ("2024-02-05", "2024-02-07", "2024-02-08", "2024-02-26"),
        {
            # 02-06 (1), 02-07 (2), 02-08 (3), Fri 02-09 (4), [holiday], Sun 02-18 (5).
            "accept_by": "2024-02-18",
            # 02-09 (1), Sun 02-18 (2), 02-19..02-23 (3–7), 02-26 (8), 02-27 (9), 02-28 (10).
            "defence_due": "2024-02-28",
            # Five full working days after 02-08: 02-09, 02-18, 02-19, 02-20, 02-21 → Thu 02-22.
            "earliest_hearing": "2024-02-22",
            # Hearing Mon 02-26: 02-23, 02-22, 02-21 lie between → Tue 02-20.
            "postpone_request_by": "2024-02-20",
            # 02-07 + 45 = Sat 03-23 → Mon 03-25.
            "award_due": "2024-03-25",
            # 02-07 + 60 = Sun 04-07, a 清明 make-up working day → stays.
            "award_due_extended": "2024-04-07",
        },
    ),
    # 2024 国庆: 10-01..10-07 off; make-up Sun 09-29 and Sat 10-12.
    "2024-national-day": (
        ("2024-09-27", "2024-09-29", "2024-09-30", "2024-10-14"),
        {
            # Sun 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5).
            "accept_by": "2024-10-10",
            # 10-08..10-11 (1–4), Sat 10-12 (5), 10-14..10-18 (6–10).
            "defence_due": "2024-10-18",
            # 10-08, 10-09, 10-10, 10-11, Sat 10-12 between → Mon 10-14 (the hearing day: lawful).
            "earliest_hearing": "2024-10-14",
            # Hearing Mon 10-14: Sat 10-12, 10-11, 10-10 between → Wed 10-09.
            "postpone_request_by": "2024-10-09",
            # Accepted on the make-up Sunday 09-29: + 45 = Wed 11-13.
            "award_due": "2024-11-13",
            # + 60 = Thu 11-28.
            "award_due_extended": "2024-11-28",
        },
    ),
    # 2025 春节: 01-28..02-04 off; make-up Sun 01-26 and Sat 02-08.
    "2025-spring-festival": (
        ("2025-01-24", "2025-01-26", "2025-01-27", "2025-02-12"),
        {
            # Sun 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5).
            "accept_by": "2025-02-07",
            # 02-05 (1), 02-06 (2), 02-07 (3), Sat 02-08 (4), 02-10..02-14 (5–9), Mon 02-17 (10).
            "defence_due": "2025-02-17",
            # 02-05, 02-06, 02-07, Sat 02-08, 02-10 between → Tue 02-11.
            "earliest_hearing": "2025-02-11",
            # Hearing Wed 02-12: 02-11, 02-10, Sat 02-08 between → Fri 02-07.
            "postpone_request_by": "2025-02-07",
            # 01-26 + 45 = Wed 03-12.
            "award_due": "2025-03-12",
            # + 60 = Thu 03-27.
            "award_due_extended": "2025-03-27",
        },
    ),
    # 2025 国庆+中秋: 10-01..10-08 off; make-up Sun 09-28 and Sat 10-11.
    "2025-national-day": (
        ("2025-08-15", "2025-08-18", "2025-09-26", "2025-10-13"),
        {
            # 08-18..08-22 (Mon–Fri).
            "accept_by": "2025-08-22",
            # Sun 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5), Sat 10-11 (6),
            # 10-13..10-16 (7–10).
            "defence_due": "2025-10-16",
            # 09-28, 09-29, 09-30, 10-09, 10-10 between → Sat 10-11, itself a make-up working day.
            "earliest_hearing": "2025-10-11",
            # Hearing Mon 10-13: Sat 10-11, 10-10, 10-09 between → Tue 09-30.
            "postpone_request_by": "2025-09-30",
            # 08-18 + 45 = Thu 10-02 (holiday) → Thu 10-09.
            "award_due": "2025-10-09",
            # + 60 = Fri 10-17.
            "award_due_extended": "2025-10-17",
        },
    ),
    # 2026 春节: 02-15..02-23 off; make-up Sat 02-14 and Sat 02-28 (docs/legal-basis.md §2.2).
    "2026-spring-festival": (
        ("2026-02-12", "2026-02-13", "2026-02-14", "2026-03-02"),
        {
            # 02-13 (1), Sat 02-14 (2), 02-24 (3), 02-25 (4), 02-26 (5).
            "accept_by": "2026-02-26",
            # Served on the make-up Saturday: 02-24..02-27 (1–4), Sat 02-28 (5), 03-02..03-06 (6–10).
            "defence_due": "2026-03-06",
            # 02-24, 02-25, 02-26, 02-27, Sat 02-28 between → Mon 03-02.
            "earliest_hearing": "2026-03-02",
            # Hearing Mon 03-02: Sat 02-28, 02-27, 02-26 between → Wed 02-25.
            "postpone_request_by": "2026-02-25",
            # 02-13 + 45 = Mon 03-30.
            "award_due": "2026-03-30",
            # + 60 = Tue 04-14.
            "award_due_extended": "2026-04-14",
        },
    ),
    # 2026 中秋 09-25..09-27 off; 国庆 10-01..10-07 off; make-up Sun 09-20 and Sat 10-10.
    "2026-national-day": (
        ("2026-09-17", "2026-09-18", "2026-09-28", "2026-10-12"),
        {
            # 09-18 (1), Sun 09-20 (2), 09-21 (3), 09-22 (4), 09-23 (5).
            "accept_by": "2026-09-23",
            # 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), Sat 10-10 (5), 10-12..10-16 (6–10).
            "defence_due": "2026-10-16",
            # docs/legal-basis.md §2.4: served Mon 09-28 → hearing Mon 10-12 is the first lawful day.
            "earliest_hearing": "2026-10-12",
            # Hearing Mon 10-12: Sat 10-10, 10-09, 10-08 between → Wed 09-30.
            "postpone_request_by": "2026-09-30",
            # 09-18 + 45 = Mon 11-02.
            "award_due": "2026-11-02",
            # + 60 = Tue 11-17.
            "award_due_extended": "2026-11-17",
        },
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_json_dates_across_holidays(capsys, db, name):
    (received, accepted, served, hearing), expected = CASES[name]
    data = clock_json(capsys, db, "--received", received, "--accepted", accepted,
                      "--served", served, "--hearing", hearing)
    assert data == expected


def test_award_rolls_over_national_day_2026(capsys, db):
    # Accepted Thu 2026-08-20: + 45 = Sun 10-04 (国庆) → Thu 10-08; + 60 = Mon 10-19.
    data = clock_json(capsys, db, "--accepted", "2026-08-20")
    assert data == {"accept_by": None, "defence_due": None, "earliest_hearing": None,
                    "postpone_request_by": None, "award_due": "2026-10-08",
                    "award_due_extended": "2026-10-19"}


def test_missing_inputs_give_null(capsys, db):
    assert clock_json(capsys, db) == dict.fromkeys(KEYS)
    # Only the hearing: only the postponement date. Hearing Mon 2026-10-12 → Wed 09-30.
    data = clock_json(capsys, db, "--hearing", "2026-10-12")
    assert data == {**dict.fromkeys(KEYS), "postpone_request_by": "2026-09-30"}
    # Only the service date: defence and earliest hearing.
    data = clock_json(capsys, db, "--served", "2026-09-28")
    assert data == {**dict.fromkeys(KEYS), "defence_due": "2026-10-16",
                    "earliest_hearing": "2026-10-12"}


def test_hearing_too_early_is_warned_about(capsys, db):
    # Served Tue 2026-09-29: the 5th working day after is Mon 10-12, so a hearing on 10-12
    # has only four full working days between (docs/legal-basis.md §2.4).
    code, out, err = clock(capsys, db, "--served", "2026-09-29", "--hearing", "2026-10-12", "--json")
    assert code == 0
    assert json.loads(out)["earliest_hearing"] == "2026-10-13"
    assert "开庭日期 2026-10-12 早于最早可开庭日 2026-10-13" in err
    assert "只有 4 个工作日，须有 5 个" in err
    # One day later is lawful: no warning.
    code, out, err = clock(capsys, db, "--served", "2026-09-29", "--hearing", "2026-10-13", "--json")
    assert code == 0 and err == ""


def test_text_output_names_unit_and_basis(capsys, db):
    code, out, err = clock(capsys, db, "--received", "2026-02-12", "--accepted", "2026-02-13")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == ("受理决定截止日：2026-02-26（星期四）  收件日后第5个工作日  依据：《劳动争议调解仲裁法》"
                        "第二十九条；《劳动人事争议仲裁办案规则》第三十条*")
    assert lines[1] == "答辩期届满日：—（需要 --served）"
    assert lines[2] == "最早可开庭日：—（需要 --served）"
    assert lines[3] == "延期开庭申请最迟提出日：—（需要 --hearing）"
    assert lines[4].startswith("审理期限届满日：2026-03-30（星期一）  受理日后45个自然日")
    assert "第四十三条" in lines[4]
    assert lines[5].startswith("延长后审理期限届满日：2026-04-14（星期二）  受理日后60个自然日")
    assert "第八十条" in lines[6]  # the unverified unit rule is flagged
    assert len(lines) == 7


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--received", "2026-09-10", "--accepted", "2026-09-09"),
         "错误：受理日期（2026-09-09）不能早于收到申请的日期（2026-09-10）。"),
        (("--accepted", "2026-09-10", "--served", "2026-09-09"),
         "错误：送达日期（2026-09-09）不能早于受理日期（2026-09-10）。"),
        (("--served", "2026-09-10", "--hearing", "2026-09-09"),
         "错误：开庭日期（2026-09-09）不能早于送达日期（2026-09-10）。"),
    ],
)
def test_impossible_orders_are_refused(capsys, db, argv, message):
    for extra in ((), ("--json",)):
        code, out, err = clock(capsys, db, *argv, *extra)
        assert code == 1
        assert out == ""
        assert err == message + "\n"  # one line, no traceback


@pytest.mark.parametrize("bad", ["2026-13-01", "2026/09/10", "tomorrow", "2026-02-30", ""])
def test_malformed_dates_are_usage_errors(capsys, db_path, bad):
    """Refused by the command line before any database opens: one backend is enough."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "clock", "--received", bad, "--json"])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert out == ""
    assert "日期格式应为 YYYY-MM-DD" in err and "Traceback" not in err


def test_help_documents_the_unknown_year_behaviour(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["clock", "--help"])
    out, _ = capsys.readouterr()
    assert exit_info.value.code == 0
    assert "尚未载入节假日安排的年份" in out and "拒绝计算" in out and "退出码为 1" in out
    for key in KEYS:
        assert key in out


def test_unknown_year_is_refused_then_works_after_import(capsys, db):
    # Accepted 2026-12-01: + 45 = 2027-01-15, and 2027 is not in chinese_calendar 1.11.
    code, out, err = clock(capsys, db, "--received", "2026-11-30", "--accepted", "2026-12-01", "--json")
    assert code == 1
    assert out == ""  # no partial JSON to be mistaken for an answer
    assert err.startswith("错误：2027年的节假日安排尚未载入")
    assert "--year 2027" in err and err.count("\n") == 1
    # An input date in an unknown year is refused the same way, naming it.
    code, _, err = clock(capsys, db, "--received", "2003-06-02")
    assert code == 1 and err.startswith("错误：2003年的节假日安排尚未载入")

    # A clerk loads 2027 (a made-up schedule for the test: New Year off, Sat 01-30 a make-up day).
    legal_calendar.replace_year(db, 2027, [
        DayRule(dt.date(2027, 1, 1), "holiday", "元旦"),
        DayRule(dt.date(2027, 1, 30), "workday", "春节"),
    ], "测试用安排")
    data = clock_json(capsys, db, "--received", "2026-11-30", "--accepted", "2026-12-01")
    # 11-30 + 5 working: 12-01..12-04, 12-07.
    assert data["accept_by"] == "2026-12-07"
    # 12-01 + 45 = Fri 2027-01-15; + 60 = Sat 2027-01-30, a make-up day in the loaded schedule.
    assert data["award_due"] == "2027-01-15"
    assert data["award_due_extended"] == "2027-01-30"


def test_clerks_correction_is_used(capsys, db):
    # 2026-10-12 is a Monday; mark it a day off (as if the notice said so) and the defence
    # period served on Fri 10-09 ends a day later.
    data = clock_json(capsys, db, "--served", "2026-10-09")
    # Sat 10-10 (1), 10-12..10-16 (2–6), 10-19..10-22 (7–10).
    assert data["defence_due"] == "2026-10-22"
    assert main(["--db", db.url, "calendar", "set", "2026-10-12", "holiday", "--name", "测试"]) == 0
    capsys.readouterr()
    data = clock_json(capsys, db, "--served", "2026-10-09")
    assert data["defence_due"] == "2026-10-23"


def test_works_on_a_database_that_does_not_exist_yet(capsys, tmp_path):
    path = tmp_path / "new" / "fresh.sqlite3"
    path.parent.mkdir()
    data = clock_json(capsys, path, "--received", "2026-02-12")
    assert data["accept_by"] == "2026-02-26"
    assert path.exists()

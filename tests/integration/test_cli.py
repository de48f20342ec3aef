"""The command line: demo, cases, case, db, settings — and every error path gives one clear line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.conftest import TODAY, copy_database
from tests.integration.helpers import database_state
from tribunal.cli import main
from tribunal.db.models import AuditEntry, Enterprise, Party, Setting, Staff
from tribunal.domain.enums import (
    CaseType,
    HearingStatus,
    InvitationStatus,
    ParticipantRole,
    PartyKind,
)
from tribunal.domain.names import enterprise_name_key
from tribunal.domain.scheduling import HARD, WARNING
from tribunal.domain.validators import check_id_number
from tribunal.services import clocks, demo, hearings, observers, participants, training
from tribunal.services.app import open_database

DEMO_TODAY_INDEPENDENT = True


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """``tribunal demo --cases 300`` in a file of this module's own."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--cases", "300"]) == 0
    return path


def _enterprises(db) -> int:
    """How many enterprises the directory holds."""
    with db.session(write=False) as s:
        return s.scalar(select(func.count(Enterprise.id))) or 0


class TestTheDemoRegister:
    """``tribunal demo``, ``cases`` and ``case`` on the demonstration register, on every backend."""

    @pytest.fixture
    def db_path(self, demo_db: Path, tmp_path: Path) -> Path:
        """The database ``db`` opens (SQLite) or loads into the server's (PostgreSQL): a copy
        of the module's demonstration register (its rows are loaded into the server once)."""
        return copy_database(demo_db, tmp_path)

    def test_demo_fills_a_realistic_register(self, db, capsys):
        code, out, _ = run(capsys, "--db", db.url, "cases", "--json")
        assert code == 0
        rows = json.loads(out)
        assert len(rows) >= 334
        for key in ("id", "case_number", "type", "status", "applicants", "respondents", "parties"):
            assert key in rows[0]
        assert len({r["type"] for r in rows}) >= 8
        assert len({r["status"] for r in rows}) >= 5
        with db.session(write=False) as s:
            q = lambda sql: s.execute(text(sql)).one()[0]  # noqa: E731
            assert q("SELECT count(*) FROM enterprise") >= 15
            assert q("SELECT count(*) FROM zone WHERE name = '邵阳经济技术开发区'") == 1
            assert q("SELECT count(*) FROM circuit_tribunal") >= 1
            assert q("SELECT count(*) FROM staff WHERE role = 'arbitrator'") >= 3
            assert q("SELECT count(*) FROM hearing WHERE status = 'scheduled'") >= 3
            # The showcase: a work-injury hearing at an enterprise, HR managers of ten others invited.
            hearing_id, invited, distinct_ents = s.execute(text(
                "SELECT h.id, count(i.id), count(DISTINCT o.enterprise_id) FROM hearing h "
                "JOIN arbitration_case c ON c.id = h.case_id JOIN invitation i ON i.hearing_id = h.id "
                "JOIN observer o ON o.id = i.observer_id WHERE c.case_type = 'work_injury' AND h.public "
                "AND h.status = 'scheduled' GROUP BY h.id"
            )).one()
            assert invited == 10 and distinct_ents == 10
            host_zone = q(f"SELECT z.name FROM hearing h JOIN enterprise e ON e.id = h.host_enterprise_id "
                          f"JOIN zone z ON z.id = e.zone_id WHERE h.id = {hearing_id}")
            assert host_zone == "邵阳经济技术开发区"
            # Numbers are gap-free per year.
            for year, count, top in s.execute(text("SELECT year, count(*), max(seq) FROM arbitration_case "
                                                   "GROUP BY year")):
                assert count == top, year

    def test_demo_twice_does_not_duplicate(self, db, capsys):
        before = _enterprises(db)
        code, out, _ = run(capsys, "--db", db.url, "demo")
        assert code == 0 and "已经载入过" in out
        assert _enterprises(db) == before

    def test_cases_search_and_filters(self, db, capsys):
        code, out, _ = run(capsys, "--db", db.url, "cases", "--search", "工伤", "--json")
        rows = json.loads(out)
        assert code == 0 and rows and all(r["type"] == "work_injury" for r in rows)
        code, out, _ = run(capsys, "--db", db.url, "cases", "--status", "已结案", "--limit", "5", "--json")
        rows = json.loads(out)
        assert len(rows) == 5 and {r["status"] for r in rows} == {"closed"}
        code, out, _ = run(capsys, "--db", db.url, "cases", "--search", "没有这个人", "--json")
        assert json.loads(out) == []
        code, out, _ = run(capsys, "--db", db.url, "cases", "--search", "没有这个人")
        assert "没有符合条件" in out

    def test_case_show_masks_personal_numbers(self, db, capsys):
        code, out, _ = run(capsys, "--db", db.url, "cases", "--json", "--limit", "1")
        number = json.loads(out)[0]["case_number"]
        code, out, _ = run(capsys, "--db", db.url, "case", number)
        assert code == 0 and number in out and "****" in out
        code, out, _ = run(capsys, "--db", db.url, "case", number, "--json")
        assert json.loads(out)["number"] == number


# ---------------------------------------------------------------- the demonstration data itself


def _load(template_db, folder, today):
    path = folder / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(str(path), actor="测试")
    report = demo.load_demo(db, today=today)
    return db, report


def _party_ids(db, case_id):
    with db.session(write=False) as s:
        return list(s.scalars(select(Party.id).where(Party.case_id == case_id)))


def _upcoming(db):
    """The demo's hearings still to come (the held ones before them are the reports' history)."""
    return [r for r in hearings.list_hearings(db) if r.status == HearingStatus.SCHEDULED]


def _showcase(db):
    return next(r for r in _upcoming(db) if r.case_type == CaseType.WORK_INJURY and r.public)


class TestTheDemonstrationData:
    """The demonstration data as loaded (hearings, observers, names, warnings), on every backend."""

    @pytest.fixture
    def db_path(self, demo_template: Path, tmp_path: Path) -> Path:
        """The database ``db`` opens (SQLite) or loads into the server's (PostgreSQL): a copy
        of the session's demonstration data, loaded as of TODAY (its rows go into the server once)."""
        return copy_database(demo_template, tmp_path, "demo.sqlite3")

    @pytest.fixture
    def demo_today(self, db, demo_built):
        """The demonstration data under test and the report its loading gave."""
        return db, demo_built[1]

    def test_every_demo_hearing_passes_the_scheduling_check(self, demo_today):
        db, report = demo_today
        rows = _upcoming(db)
        assert len(rows) == report.hearings == 7
        for row in rows:
            detail = hearings.get_hearing(db, row.id)
            findings = hearings.check_hearing(db, detail.to_input(), hearing_id=row.id, today=TODAY)
            assert [f.message for f in findings if f.severity in (HARD, WARNING)] == [], row.case_number
            assert detail.override_reason is None and row.starts_at.weekday() < 5
            # Every party was served the hearing notice, through the service, on or before today.
            assert len(detail.service_records) == len(_party_ids(db, row.case_id))
            assert all(r.served_on <= TODAY and r.confirmed for r in detail.service_records)
        assert not [n for n in report.notes if "法定节假日" in n]


    def test_the_showcase_has_its_observers_witness_and_training(self, demo_today):
        db, _ = demo_today
        showcase = _showcase(db)
        invited = observers.list_invitations(db, showcase.id)
        assert len(invited) == 10 and len({r.enterprise_id for r in invited}) == 10
        with db.session(write=False) as s:
            zones = {s.get(Enterprise, r.enterprise_id).zone.name for r in invited}
        assert zones == {demo.DEMO_ZONE}
        statuses = [r.status for r in sorted(invited, key=lambda r: r.id)]
        assert statuses == [InvitationStatus.CONFIRMED] * 6 + [InvitationStatus.INVITED] * 3 + [
            InvitationStatus.DECLINED]
        assert {r.invited_at for r in invited} == {dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10))}
        [witness] = participants.list_participants(db, showcase.case_id)
        assert (witness.role, witness.name) == (ParticipantRole.WITNESS, "彭志强")
        [session] = training.list_sessions(db, hearing_id=showcase.id)
        detail = training.get_session(db, session.id)
        assert detail.starts_at == dt.datetime.combine(showcase.starts_at.date(), dt.time(14, 30))
        assert len(detail.topics) == 4 and all({"work_injury", "general"} & set(t.tags) for t in detail.topics)
        # An arbitrator of another case speaks: one who sits on this case would explain it before the award.
        assert detail.speaker and detail.speaker not in {p.name for p in hearings.get_hearing(db, showcase.id).panel}
        assert detail.warnings == ()
        with db.session(write=False) as s:
            actions = set(s.scalars(select(AuditEntry.action)))
        assert {"demo.load", "hearing.create", "hearing.service", "invitation.create", "invitation.confirm", "invitation.decline",
                "training.create", "participant.add", "service.record"} <= actions


    def test_demo_people_carry_plausible_names(self, demo_today):
        db, _ = demo_today
        given = set(demo.GIVEN_MALE) | set(demo.GIVEN_FEMALE)
        assert len(given) >= 80
        with db.session(write=False) as s:
            people = s.execute(select(Party.name, Party.id_number).where(Party.kind == PartyKind.PERSON)).all()
            staff = set(s.scalars(select(Staff.name)))
            enterprises = s.execute(select(Enterprise.name, Enterprise.normalised_name)).all()
        assert len(people) >= 34
        for name, id_number in people:
            assert name[0] in demo.SURNAMES and name[1:] in given, name
            assert name not in staff
            sex = check_id_number(id_number).sex
            assert name[1:] in (demo.GIVEN_MALE if sex == "男" else demo.GIVEN_FEMALE), (name, sex)
        assert all(key == enterprise_name_key(name) for name, key in enterprises)


    def test_the_dashboard_has_a_few_real_warnings_not_a_flood(self, demo_today):
        db, _ = demo_today
        overview = clocks.due_overview(db, today=TODAY)
        assert 1 <= len(overview.overdue) <= 4
        assert len({r.case_id for r in overview.overdue}) == 1
        assert {r.key for r in overview.overdue} <= {"serve_application_by", "composition_notice_by"}
        assert overview.due_this_week  # something falls due this week too


    def test_the_same_seed_and_day_give_the_same_register(self, demo_today, demo_template, tmp_path):
        db, _ = demo_today
        # conftest's demo_template is the demo loaded a second time, on its own, with the same day.
        again = open_database(str(copy_database(demo_template, tmp_path)), actor="测试")
        try:
            def facts(handle):
                with handle.session(write=False) as s:
                    parties = s.execute(select(Party.case_id, Party.name, Party.id_number).order_by(Party.id)).all()
                return parties, [(h.case_number, h.starts_at, h.venue) for h in hearings.list_hearings(handle)]

            assert facts(again) == facts(db)
        finally:
            again.dispose()


def test_the_same_seed_gives_the_same_invented_register_on_every_backend(db, template_db, tmp_path, capsys):
    """Invented cases, their hearings at enterprises and the guests checked in there follow the
    seed alone, never the order in which a database happens to return rows (SQLite reads names
    through their index, PostgreSQL in the order the rows were stored)."""
    reference = copy_database(template_db, tmp_path, "reference.sqlite3")
    handle = open_database(str(reference), actor="测试")
    try:
        demo.add_synthetic_cases(handle, 30, today=TODAY)
    finally:
        handle.dispose()
    demo.add_synthetic_cases(db, 30, today=TODAY)
    commands = (["cases", "--json"], ["hearings", "--json"],
                ["report", "circuit", "--from", str(TODAY.replace(year=TODAY.year - 3)), "--to", str(TODAY), "--json"])
    seen = []
    for target in (str(reference), db.url):
        for command in commands:
            code, out, err = run(capsys, "--db", target, *command)
            assert code == 0, err
            seen.append(json.loads(out))
    assert len(seen[0]) == 30 and seen[1]
    assert seen[3:] == seen[:3]


def test_near_the_year_end_the_demo_degrades_to_warnings(template_db, tmp_path):
    # 2026-12-29: the hearings fall in 2027, whose holidays chinese_calendar does not know.
    db, report = _load(template_db, tmp_path, dt.date(2026, 12, 29))
    try:
        rows = _upcoming(db)
        assert len(rows) == 7
        assert any("2027 年的法定节假日安排尚未载入" in n for n in report.notes)
        for row in rows:
            detail = hearings.get_hearing(db, row.id)
            findings = hearings.check_hearing(db, detail.to_input(), hearing_id=row.id, today=dt.date(2026, 12, 29))
            assert not [f for f in findings if f.severity == HARD], row.case_number
            if row.starts_at.year == 2027:
                assert {f.rule_key for f in findings} == {"calendar.unknown_year"}
                assert detail.override_reason.startswith("演示数据：2027 年法定节假日安排尚未载入")
        assert len(observers.list_invitations(db, _showcase(db).id)) == 10
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["case", "邵劳人仲案字〔2030〕第9号"], "找不到"),
        (["cases", "--status", "飞了"], "未知的状态"),
        (["cases", "--type", "离婚"], "未知的案由"),
        (["settings", "case_number.prefix", "12[3]"], "案号代字"),
        (["settings", "no.such.key"], "没有这个设置项"),
        (["settings", "ui.language", "fr"], "界面语言"),
    ],
)
def test_errors_are_one_line_and_change_nothing(db, capsys, argv, fragment):
    before = database_state(db)
    code, _out, err = run(capsys, "--db", db.url, *argv)
    assert code == 1
    assert fragment in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    # A failed write leaves the database exactly as it was.
    assert database_state(db) == before


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--cases", "lots"])
    assert exc.value.code == 2
    assert "命令行参数有误" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["db", "explode"])
    assert exc.value.code == 2


def test_bad_database_paths(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "no" / "such" / "x.sqlite3"), "cases")
    assert code == 1 and "文件夹不存在" in err
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00\x01binary junk" * 50)
    before = _digest(junk)
    code, _, err = run(capsys, "--db", str(junk), "cases")
    assert code == 1 and "不是数据库" in err
    assert _digest(junk) == before
    code, _, err = run(capsys, "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "cases")
    assert code == 1 and "无法连接" in err
    code, _, err = run(capsys, "--db", "nonsense+driver://x", "cases")
    assert code == 1 and err.startswith("错误：")


def test_db_check_and_upgrade(tmp_path, capsys):
    path = tmp_path / "x.sqlite3"
    code, out, _ = run(capsys, "--db", str(path), "db", "upgrade")
    assert code == 0 and "最新" in out
    code, out, _ = run(capsys, "--db", str(path), "db", "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["up_to_date"] and report["integrity"] == "ok" and report["cases"] == 0
    code, _, err = run(capsys, "--db", str(tmp_path / "missing.sqlite3"), "db", "check")
    assert code == 1 and "不存在" in err


def test_settings_round_trip(tmp_path, capsys):
    path = str(tmp_path / "s.sqlite3")
    code, out, _ = run(capsys, "--db", path, "settings")
    # A new database holds no commission's name or 代字 (the first-run set-up asks for them).
    assert code == 0 and "case_number.prefix" in out and "邵劳人仲案字" not in out and "邵阳" not in out
    assert run(capsys, "--db", path, "settings", "case_number.prefix", "湘潭经开劳人仲案字")[0] == 0
    assert run(capsys, "--db", path, "settings", "case_number.prefix")[1].strip() == "湘潭经开劳人仲案字"


def test_environment_variable_selects_the_database(tmp_path):
    env = {**os.environ, "TRIBUNAL_DB": str(tmp_path / "env.sqlite3"), "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-m", "tribunal", "cases", "--json"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert (tmp_path / "env.sqlite3").exists()
    result = subprocess.run([sys.executable, "-m", "tribunal", "--db", str(tmp_path / "x" / "y.db"), "cases"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_settings_show_both_scopes_and_workstation_values_stay_on_this_computer(
    db, capsys, workstation_file
):
    from tribunal.services import workstation

    path = db.url
    assert run(capsys, "--db", path, "settings", "clerk.name", "欧阳晓燕")[1].startswith("已保存（本机）")
    assert run(capsys, "settings", "ui.language", "en")[0] == 0  # no database needed
    code, out, _ = run(capsys, "--db", path, "settings")
    mine, shared = out.split("# 仲裁机构设置")
    assert code == 0 and str(workstation.settings_path()) in mine
    assert "clerk.name\t欧阳晓燕" in mine and "ui.language\ten" in mine and "case_number.prefix" in shared
    assert "documents.date_style" in shared and "folders.last_open" not in out
    with db.session(write=False) as s:
        assert s.scalar(select(func.count(Setting.key)).where(Setting.key.in_(("clerk.name", "ui.language")))) == 0


def test_a_bad_value_in_the_settings_file_gives_one_warning_and_the_default(tmp_path, capsys, workstation_file):
    (workstation_file / "workstation.json").write_text('{"ui.language": "fr", "clerk.name": "赵静"}',
                                                       encoding="utf-8")
    code, out, err = run(capsys, "settings", "ui.language")
    assert code == 0 and out.strip() == "zh_CN"
    assert err.count("警告") == 1 and "界面语言" in err and "Traceback" not in err
    (workstation_file / "workstation.json").write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "settings", "clerk.name")
    assert code == 0 and out.strip() == "" and "已损坏" in err

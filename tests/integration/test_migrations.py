"""Schema migrations: empty to head, no drift, backups before upgrading, refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tribunal.db import migrate
from tribunal.db.base import Base
from tribunal.db.engine import Database
from tribunal.db.migrations import HEAD
from tribunal.db.search import not_the_index
from tribunal.errors import DatabaseError, NewerDatabaseError
from tribunal.services import settings
from tribunal.services.app import check_database, open_database, upgrade_database

#: How the models are compared with a migrated database (the search index is not a model).
COMPARE = {"compare_type": True, "include_name": not_the_index}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_upgrades_to_head_without_drift(tmp_path):
    db = open_database(str(tmp_path / "new.sqlite3"))
    try:
        state = migrate.schema_state(db)
        assert state.up_to_date and state.current == state.head
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts=COMPARE), Base.metadata)
            assert diff == []
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.dispose()
    assert not (tmp_path / "backups").exists()  # nothing to back up in a new file


def test_head_constant_matches_the_migration_scripts():


    assert migrate._script().get_current_head() == HEAD


def test_newer_database_is_refused_and_left_untouched(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(NewerDatabaseError, match="更新版本"):
        open_database(str(db_path))
    with pytest.raises(NewerDatabaseError):
        check_database(str(db_path))
    assert _digest(db_path) == before


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("这不是数据库" * 100, encoding="utf-8")
    before = _digest(bogus)
    with pytest.raises(DatabaseError, match="不是数据库"):
        open_database(str(bogus))
    assert _digest(bogus) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_foreign_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    before = _digest(other)
    with pytest.raises(DatabaseError, match="其他程序"):
        open_database(str(other))
    assert _digest(other) == before


def test_missing_folder_and_folder_as_file(tmp_path):
    with pytest.raises(DatabaseError, match="文件夹不存在"):
        open_database(str(tmp_path / "nope" / "x.sqlite3"))
    assert not (tmp_path / "nope").exists()
    with pytest.raises(DatabaseError, match="文件夹"):
        open_database(str(tmp_path))


def test_check_is_read_only(db_path):
    before = _digest(db_path)
    report = check_database(str(db_path))
    assert report.up_to_date and report.integrity == "ok" and report.cases == 0
    assert _digest(db_path) == before
    with pytest.raises(DatabaseError, match="不存在"):
        check_database(str(db_path.parent / "missing.sqlite3"))
    assert not (db_path.parent / "missing.sqlite3").exists()


def test_pending_migration_backs_the_file_up_first(db_path, tmp_path, monkeypatch):
    """A real further revision, in a copy of the migrations, shows the copy-aside-then-upgrade path."""


    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_probe.py").write_text(
        '"""probe"""\nfrom alembic import op\nimport sqlalchemy as sa\n'
        f'revision = "9001_probe"\ndown_revision = "{HEAD}"\nbranch_labels = None\ndepends_on = None\n'
        'def upgrade():\n    op.create_table("probe", sa.Column("id", sa.Integer, primary_key=True))\n'
        'def downgrade():\n    op.drop_table("probe")\n',
        encoding="utf-8",
    )
    real = migrate.alembic_config

    def patched(db: Database | None = None):
        config = real(db)
        config.set_main_option("script_location", str(scripts))
        return config

    monkeypatch.setattr(migrate, "alembic_config", patched)
    monkeypatch.setattr(migrate, "HEAD", "9001_probe")  # this "program" knows one more revision
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO zone (name) VALUES ('邵阳经济技术开发区')")
    con.commit()
    con.close()
    db = open_database(str(db_path))
    try:
        assert migrate.schema_state(db).current == "9001_probe"
        assert "probe" in db.table_names()
    finally:
        db.dispose()
    backups = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    assert con.execute("SELECT name FROM zone").fetchone() == ("邵阳经济技术开发区",)
    con.close()


@pytest.mark.postgres
def test_postgresql_upgrade_and_round_trip(pg_url):
    from sqlalchemy import create_engine, text

    from tests.conftest import TODAY, set_up_test_commission
    from tests.integration.helpers import case_input
    from tribunal.services import cases

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    # A server's schema is made and changed only by `tribunal db upgrade`, never by a workstation.
    with pytest.raises(DatabaseError, match="db upgrade"):
        open_database(pg_url, actor="pg")
    report = upgrade_database(pg_url)
    assert report.changed and report.before is None and report.backup is None  # nothing to dump yet
    db = open_database(pg_url, actor="pg")
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts=COMPARE),
                                    Base.metadata) == []
        set_up_test_commission(db)  # a new server database starts with no commission
        # A claim past PostgreSQL's 32-bit integer (21,474,836.47 yuan) is stored whole.
        big = cases.ClaimInput("集体争议拖欠工资", 500_000_000_00)
        detail = cases.create_case(db, case_input(claims=(big,)), today=TODAY)
        assert detail.number == "邵劳人仲案字〔2026〕第1号"
        assert detail.claims[0].amount_fen == 500_000_000_00
        assert cases.search_case_ids(db, cases.CaseFilter(text="张三")) == [detail.id]
    finally:
        db.dispose()


def _agents_at_0003(url: str) -> list[tuple]:
    """Upgrade a database holding free-text agents from 0002 to 0003; the agent rows that result."""
    from alembic import command
    from sqlalchemy import inspect, text

    db = Database(url)
    try:
        config = migrate.alembic_config(db)
        command.upgrade(config, "0002")
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO arbitration_case (id, number, number_prefix, year, seq, case_type, status, procedure, "
                "received_date, collective, worker_count, extension_approved, applicant_names, respondent_names, "
                "claim_total_fen, created_at, updated_at) VALUES (1, '邵劳人仲案字〔2026〕第1号', '邵劳人仲案字', "
                "2026, 1, 'wages', 'accepted', 'ordinary', '2026-11-02', false, 1, false, '', '', 0, "
                "'2026-11-02 09:00:00', '2026-11-02 09:00:00')"))
            for pid, name, agent, phone in (
                    (1, "李紫萱", "湖南宝庆律师事务所律师 汪婷婷", "13907391111"),
                    (2, "阿卜杜热合曼·阿卜杜克热木", "邵东市法律服务所 王五", None),
                    (3, "张三", "律师 王某某", None),
                    (4, "某某公司", "人事部 刘晓燕", "0739-5550001"),
                    (5, "李四", None, None),
                    (6, "王二", "  ", "13807310000")):
                conn.execute(text(
                    "INSERT INTO party (id, case_id, position, role, kind, name, agent_name, agent_phone) "
                    "VALUES (:id, 1, :id, 'applicant', 'person', :name, :agent, :phone)"),
                    {"id": pid, "name": name, "agent": agent, "phone": phone})
        command.upgrade(config, "0003")
        with db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT party_id, kind, organisation, name, phone, legal_aid, authority FROM party_agent "
                "ORDER BY party_id")).all()
            columns = {c["name"] for c in inspect(conn).get_columns("party")}
        assert "agent_name" not in columns and "agent_phone" not in columns
        # Back down: the first agent returns to the free-text columns.
        command.downgrade(config, "0002")
        with db.engine.connect() as conn:
            back = conn.execute(text("SELECT id, agent_name, agent_phone FROM party ORDER BY id")).all()
        assert [tuple(r) for r in back] == [
            (1, "湖南宝庆律师事务所律师 汪婷婷", "13907391111"), (2, "邵东市法律服务所法律工作者 王五", None),
            (3, "律师 王某某", None), (4, "人事部 刘晓燕", "0739-5550001"), (5, None, None),
            (6, "（未填姓名）", "13807310000")]
        return [tuple(r) for r in rows]
    finally:
        db.dispose()


# ---------------------------------------------------------------- 0007: the clock history


def _at_revision(path: Path, revision: str) -> None:
    """An empty SQLite file migrated up to ``revision`` (an older program's database)."""
    from alembic import command

    db = Database(f"sqlite:///{path}")
    try:
        config = migrate.alembic_config(db)
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        db.dispose()


EXPECTED_AGENTS = [
    (1, "lawyer", "湖南宝庆律师事务所", "汪婷婷", "13907391111", False, None),
    (2, "legal_service_worker", "邵东市法律服务所", "王五", None, False, None),
    (3, "lawyer", None, "王某某", None, False, None),
    (4, "other", "人事部", "刘晓燕", "0739-5550001", False, None),
    (6, "other", None, "（未填姓名）", "13807310000", False, None),
]


def test_free_text_agents_become_records_and_nothing_typed_is_lost(tmp_path):
    assert _agents_at_0003(f"sqlite:///{tmp_path / 'agents.sqlite3'}") == EXPECTED_AGENTS


@pytest.mark.postgres
def test_free_text_agents_become_records_on_postgresql(pg_url):
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    assert _agents_at_0003(pg_url) == EXPECTED_AGENTS
def _old_case(con: sqlite3.Connection, number: str, accepted: str, **columns: object) -> int:
    values = {"number": number, "number_prefix": "邵劳人仲案字", "year": 2026, "seq": int(number[-2]),
              "case_type": "wages", "status": "accepted", "procedure": "ordinary", "received_date": accepted,
              "accepted_date": accepted, "collective": 0, "worker_count": 1, "extension_approved": 0,
              "applicant_names": "张三", "respondent_names": "邵阳宝庆精密机械有限公司", "claim_total_fen": 0,
              "mediated_on_site": 0, "created_at": "2026-09-10 09:00:00", "updated_at": "2026-09-10 09:00:00"}
    values.update(columns)
    cur = con.execute(f"INSERT INTO arbitration_case ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                      list(values.values()))
    return int(cur.lastrowid or 0)


def test_0007_moves_suspensions_the_extension_and_the_recount_into_the_history(tmp_path):
    from tests.conftest import TODAY
    from tribunal.services import clocks

    path = tmp_path / "old.sqlite3"
    _at_revision(path, "0004")
    con = sqlite3.connect(path)
    with con:
        case = _old_case(con, "邵劳人仲案字〔2026〕第1号", "2026-09-10", extension_approved=1,
                         extension_approved_by="仲裁院院长 王建平", extension_approved_on="2026-10-20",
                         clock_restart_date="2026-10-01", clock_restart_reason="（三）申请人增加或者变更仲裁请求：增加加班费")
        late = _old_case(con, "邵劳人仲案字〔2026〕第2号", "2026-09-10", clock_restart_date="2026-11-02",
                         clock_restart_reason="（一）追加当事人或者第三人")
        rows = [(case, "2026-09-20", "2026-09-29", "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论：等待鉴定"),
                (case, "2026-10-14", None, "等待鉴定机构回复"),
                (case, "2026-10-05", "2026-10-08", "公告送达期间")]
        for row in rows:
            con.execute("INSERT INTO case_suspension (case_id, start_date, end_date, reason) VALUES (?, ?, ?, ?)", row)
        con.execute("INSERT INTO audit_entry (at, actor, action, entity, entity_id, summary, before, after) VALUES "
                    "('2026-09-21 10:00:00', '李书记员', 'clock.suspend', 'case', ?, '', NULL, ?)",
                    (case, '{"suspension": {"id": 1}}'))
        con.execute("INSERT INTO audit_entry (at, actor, action, entity, entity_id, summary, before, after) VALUES "
                    "('2026-10-02 16:00:00', '赵静', 'clock.recount', 'case', ?, '', NULL, ?)",
                    (case, '{"clock_restart_date": "2026-10-01"}'))
    con.close()

    db = open_database(str(path), actor="测试书记员")
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts=COMPARE),
                                    Base.metadata) == []
        clock = clocks.case_clock(db, case, TODAY)
        events = [(e.kind, e.date, e.ground, e.detail, e.entered_by) for e in clock.events]
        assert events == [
            ("suspension", dt.date(2026, 9, 20), "appraisal", "等待鉴定", "李书记员"),
            ("suspension_end", dt.date(2026, 9, 29), "", "", "李书记员"),
            ("recount", dt.date(2026, 10, 1), "三", "增加加班费", "赵静"),
            ("suspension", dt.date(2026, 10, 5), "public_notice", "", "升级前登记（登记人不详）"),
            ("suspension_end", dt.date(2026, 10, 8), "", "", "升级前登记（登记人不详）"),
            ("suspension", dt.date(2026, 10, 14), "", "等待鉴定机构回复", "升级前登记（登记人不详）"),
            ("extension", dt.date(2026, 10, 20), "", "", "升级前登记（登记人不详）"),
        ]
        assert all(e.lawful for e in clock.events)
        # As before the upgrade: counted from 10-01 (the suspension before it no longer counts), the
        # old public-notice interval 10-05 … 10-08 (4 days) and the running one since 10-14 (to 11-27:
        # 45 days) left out, extended: 10-01 + 60 + 49 = Tue 01-19 2027 — a year not loaded, so unknown.
        assert (clock.clock_start, clock.extended, clock.excluded_days) == (dt.date(2026, 10, 1), True, 49)
        assert clock.suspended and 2027 in clock.unknown_years
        # The re-count recorded after the period had run out (10-26) no longer revives it.
        clock = clocks.case_clock(db, late, TODAY)
        (recount,) = clock.events
        assert not recount.lawful and recount.reason.startswith("审理期限已于 2026-10-26 届满")
        assert (clock.clock_start, clock.award_due, clock.item("award_due").state) == (
            dt.date(2026, 9, 10), dt.date(2026, 10, 26), "overdue")
        assert "case_suspension" not in db.table_names()
    finally:
        db.dispose()
    assert len(list((path.parent / "backups").glob(f"*.before-{HEAD}.sqlite3"))) == 1


def test_0007_downgrades_to_the_latest_of_each(tmp_path, db_path):
    from alembic import command

    from tests.conftest import TODAY
    from tests.integration.helpers import case_input
    from tribunal.services import cases, clocks

    db = open_database(str(db_path), actor="测试书记员")
    try:
        case = cases.create_case(db, case_input(received_date=dt.date(2026, 9, 8),
                                                accepted_date=dt.date(2026, 9, 10)), today=TODAY)
        clocks.add_suspension(db, case.id, dt.date(2026, 9, 20), dt.date(2026, 9, 29), "appraisal", today=TODAY)
        clocks.record_recount(db, case.id, dt.date(2026, 10, 1), "三", today=TODAY)
        clocks.approve_extension(db, case.id, "王建平", dt.date(2026, 10, 20), today=TODAY)
        config = migrate.alembic_config(db)
        with migrate.migration_connection(db.engine) as conn:  # as the program migrates: no cascades
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
    finally:
        db.dispose()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT extension_approved, extension_approved_by, extension_approved_on, "
                           "clock_restart_date, clock_restart_reason FROM arbitration_case").fetchone() == (
            1, "王建平", "2026-10-20", "2026-10-01", "（三）")
        assert con.execute("SELECT start_date, end_date, reason FROM case_suspension").fetchall() == [
            ("2026-09-20", "2026-09-29", "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论")]
    finally:
        con.close()


# ---------------------------------------------------------------- 0009: commission defaults


def test_a_database_in_use_keeps_the_former_commission_defaults_and_a_new_one_stays_empty(tmp_path: Path) -> None:
    from sqlalchemy import text

    from tribunal.services import setup

    used, empty = tmp_path / "used.sqlite3", tmp_path / "empty.sqlite3"
    for path in (used, empty):
        _at_revision(path, "0007")
    raw = Database(f"sqlite:///{used}")
    try:
        with raw.engine.begin() as conn:
            conn.execute(text("INSERT INTO zone (id, name, version) VALUES (1, '某开发区', 1)"))
            conn.execute(text("INSERT INTO setting (key, value, updated_at, version) "
                              "VALUES ('commission.name', '\"某市劳动人事争议仲裁院\"', '2026-01-01', 1)"))
    finally:
        raw.dispose()
    for path in (used, empty):
        open_database(str(path)).dispose()
    db = open_database(str(used))
    try:
        values = settings.get_all(db)
        assert values["commission.name"] == "某市劳动人事争议仲裁院"  # its own value is kept
        assert values["case_number.prefix"] == "邵劳人仲案字"
        assert values["certificate.number_pattern"] == "邵劳人仲培字〔{年}〕第{号}号"
        assert not setup.needs_setup(db)
    finally:
        db.dispose()
    db = open_database(str(empty))
    try:
        assert setup.needs_setup(db) and settings.get(db, "case_number.prefix") == ""
    finally:
        db.dispose()
def _database_at_0004(path: Path, rows: dict[str, object]) -> None:
    """A database as the previous release left it: at revision 0004, workstation settings in it."""
    import json

    from alembic import command
    from sqlalchemy import create_engine, text

    db = Database(f"sqlite:///{path}")
    try:
        command.upgrade(migrate.alembic_config(db), "0004")
    finally:
        db.dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for key, value in rows.items():
            conn.execute(text("INSERT INTO setting (key, value, updated_at) VALUES (:k, :v, CURRENT_TIMESTAMP)"),
                         {"k": key, "v": json.dumps(value, ensure_ascii=False)})
    engine.dispose()


OLD_ROWS = {"ui.language": "en", "clerk.name": "阿卜杜热合曼·阿卜杜克热木", "documents.font_heiti": "C:/Windows/Fonts/simhei.ttf",
            "documents.folder": "D:/仲裁文书", "commission.name": "邵阳市劳动人事争议仲裁院"}


def test_upgrading_moves_workstation_settings_into_this_computers_file(tmp_path, workstation_file):
    from tribunal.services import settings, workstation

    path = tmp_path / "old.sqlite3"
    _database_at_0004(path, OLD_ROWS)
    assert not workstation.exists()
    db = open_database(str(path))
    try:
        assert migrate.schema_state(db).up_to_date
        # Copied into this computer's file before the upgrade deleted them from the database…
        stored, problem = workstation.read()
        assert problem is None
        assert {k: stored[k] for k in ("ui.language", "clerk.name", "documents.font_heiti", "documents.folder")} == {
            k: OLD_ROWS[k] for k in ("ui.language", "clerk.name", "documents.font_heiti", "documents.folder")}
        with db.engine.connect() as conn:
            keys = {row[0] for row in conn.exec_driver_sql("SELECT key FROM setting")}
        assert keys == {"commission.name"}  # …and the commission's stay shared
        values = settings.get_all(db)
        assert values["ui.language"] == "en" and values["commission.name"] == OLD_ROWS["commission.name"]
        assert db.actor == OLD_ROWS["clerk.name"]  # the audit names this workstation's clerk
    finally:
        db.dispose()
    # Another workstation on the same (now upgraded) database starts with nothing of them.
    other = tmp_path / "other-pc"
    import os
    os.environ[workstation.ENV_DIR] = str(other)
    assert not workstation.exists() and settings.workstation_values()[0]["ui.language"] == "zh_CN"


def test_values_already_in_this_computers_file_win_over_the_database(tmp_path, workstation_file):
    from tribunal.services import settings, workstation

    settings.set_workstation_values({"clerk.name": "赵静"})
    path = tmp_path / "old.sqlite3"
    _database_at_0004(path, OLD_ROWS)
    open_database(str(path)).dispose()
    stored, _problem = workstation.read()
    assert stored["clerk.name"] == "赵静" and stored["ui.language"] == "en"


def test_an_unwritable_settings_file_stops_the_upgrade_and_loses_nothing(tmp_path, monkeypatch):
    from tribunal.errors import StorageError
    from tribunal.services import workstation

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(workstation.ENV_DIR, str(blocker / "config"))  # a folder inside a file
    path = tmp_path / "old.sqlite3"
    _database_at_0004(path, OLD_ROWS)
    with pytest.raises(StorageError, match="无法保存本机设置文件"):
        open_database(str(path))
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    assert con.execute("SELECT count(*) FROM setting").fetchone() == (len(OLD_ROWS),)
    con.close()

"""Schema migrations: empty to head, no drift, backups before upgrading, refusals."""

from __future__ import annotations

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
from tribunal.errors import DatabaseError, NewerDatabaseError
from tribunal.services.app import check_database, open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_upgrades_to_head_without_drift(tmp_path):
    db = open_database(str(tmp_path / "new.sqlite3"))
    try:
        state = migrate.schema_state(db)
        assert state.up_to_date and state.current == state.head
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
            assert diff == []
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.dispose()
    assert not (tmp_path / "backups").exists()  # nothing to back up in a new file


def test_head_constant_matches_the_migration_scripts():
    from tribunal.db.migrations import HEAD

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
    from tribunal.db.migrations import HEAD

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

    from tests.conftest import TODAY
    from tests.integration.helpers import case_input
    from tribunal.services import cases

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    db = open_database(pg_url, actor="pg")
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                    Base.metadata) == []
        detail = cases.create_case(db, case_input(), today=TODAY)
        assert detail.number == "邵劳人仲案字〔2026〕第1号"
        assert cases.search_case_ids(db, cases.CaseFilter(text="张三")) == [detail.id]
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

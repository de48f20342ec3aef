"""Backups and restores: every row comes back, refusals change nothing, copies rotate, servers get dumps."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import TODAY
from tribunal.cli import main
from tribunal.db import sqlite_files, transfer
from tribunal.db.engine import Database
from tribunal.db.migrations import HEAD
from tribunal.errors import DatabaseError, ValidationError
from tribunal.services import backup, demo, settings
from tribunal.services.app import open_database

#: Rows compared row by row, per test (figures for the report).
COMPARED: dict[str, int] = {}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(url_or_path: str | Path) -> dict[str, list[list[object]]]:
    """Every row of every data table, encoded alike for SQLite and PostgreSQL, in key order."""
    url = str(url_or_path) if "://" in str(url_or_path) else f"sqlite:///{url_or_path}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            meta = transfer.reflect(conn)
            return {t.name: list(transfer.encoded_rows(conn, t)) for t in transfer.data_tables(meta)}
    finally:
        engine.dispose()


def _without_restore_entry(rows: dict[str, list[list[object]]]) -> dict[str, list[list[object]]]:
    """The restored database plus the one audit entry the restore itself adds."""
    audit = [r for r in rows["audit_entry"] if "database.restore" not in r]
    return {**rows, "audit_entry": audit}


def _compare(expected: dict[str, list[list[object]]], got: dict[str, list[list[object]]], label: str) -> int:
    assert sorted(got) == sorted(expected)
    for table in expected:
        assert got[table] == expected[table], table
    n = sum(len(rows) for rows in expected.values())
    COMPARED[label] = n
    return n


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, template_db) -> Path:
    import shutil

    path = tmp_path_factory.mktemp("backup-demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(str(path), actor="测试")
    demo.load_demo(db, today=TODAY, extra_cases=400)
    db.dispose()
    return path


@pytest.fixture
def work_db(demo_file, tmp_path) -> Path:
    import shutil

    path = tmp_path / "work" / "tribunal.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    return path


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- SQLite: backup → change → restore


def test_backup_then_restore_brings_back_every_row(work_db, tmp_path, capsys):
    stick = tmp_path / "U盘"
    stick.mkdir()
    code, out, _ = _cli(capsys, "--db", str(work_db), "db", "backup", str(stick))
    assert code == 0 and "已备份" in out
    [copy] = list(stick.iterdir())
    assert copy.suffix == ".sqlite3" and sqlite_files.integrity(copy) == "ok"
    expected = _rows(copy)
    # Work goes on after the backup: a setting, and a case deleted at the SQL level.
    db = open_database(str(work_db))
    settings.set_value(db, "commission.name", "改过的名称")
    db.dispose()
    con = sqlite3.connect(work_db)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("DELETE FROM arbitration_case WHERE id = (SELECT max(id) FROM arbitration_case)")
    con.commit()
    con.close()
    before_restore = _rows(work_db)

    code, out, err = _cli(capsys, "--db", str(work_db), "db", "restore", str(copy))
    assert code == 0, err
    assert "恢复前的数据库已另存为" in out
    n = _compare(expected, _without_restore_entry(_rows(work_db)), "sqlite backup → restore")
    assert n > 2000
    # The safety copy is the database as it was just before, row for row.
    [safety] = [c for c in sqlite_files.automatic_copies(work_db) if c.label == "before-restore"]
    _compare(before_restore, _rows(safety.path), "safety copy before restore")
    db = open_database(str(work_db))
    try:
        assert settings.get(db, "commission.name") != "改过的名称"
    finally:
        db.dispose()


def test_restore_writes_the_wal_into_the_safety_copy_and_leaves_no_stale_side_files(work_db, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    sqlite_files.copy_database(work_db, copy)
    db = open_database(str(work_db))
    settings.set_value(db, "commission.phone", "0739-5555555")  # committed, still in the -wal
    db.dispose()
    con = sqlite3.connect(work_db)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE setting SET value = '\"0739-6666666\"' WHERE key = 'commission.phone'")
    con.commit()
    wal = work_db.with_name(work_db.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    con.close()
    result = backup.restore(str(work_db), copy)
    assert not wal.exists() or wal.stat().st_size == 0 or _rows(work_db)  # nothing of the old log applies
    assert _rows(work_db)["setting"] == _without_restore_entry(_rows(copy))["setting"]
    # The safety copy holds what was committed, the part still in the log included.
    safety = sqlite3.connect(result.safety_copy)
    assert safety.execute("SELECT value FROM setting WHERE key = 'commission.phone'").fetchone()[0] == \
        '"0739-6666666"'
    safety.close()


def test_restore_is_refused_while_another_program_has_the_database_open(work_db, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    sqlite_files.copy_database(work_db, copy)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from tribunal.services.app import open_database; from tribunal.services import cases;"
         f"db = open_database({str(work_db)!r}); cases.count_cases(db); print('ready', flush=True);"
         "sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = _digest(work_db)
        with pytest.raises(DatabaseError, match="其他程序或其他电脑打开"):
            backup.restore(str(work_db), copy)
        assert _digest(work_db) == before
        assert not [c for c in sqlite_files.automatic_copies(work_db) if c.label == "before-restore"]
    finally:
        holder.communicate("\n", timeout=30)
    backup.restore(str(work_db), copy)  # once it is closed, the restore goes through


def _corrupt(path: Path) -> None:
    """Overwrite a page of the case table with noise, as a failing disk sector would."""
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'arbitration_case'").fetchone()[0]
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    with path.open("r+b") as fh:
        fh.seek(page_size * (root - 1))
        fh.write(os.urandom(page_size))


def test_damaged_newer_foreign_and_junk_backups_are_refused_and_change_nothing(work_db, tmp_path):
    good = tmp_path / "good.sqlite3"
    sqlite_files.copy_database(work_db, good)
    damaged = tmp_path / "damaged.sqlite3"
    sqlite_files.copy_database(work_db, damaged)
    _corrupt(damaged)
    newer = tmp_path / "newer.sqlite3"
    sqlite_files.copy_database(work_db, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE things (x)")
    con.commit()
    con.close()
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    fake_zip = tmp_path / "fake.tribunal-dump.zip"
    fake_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    before = _digest(work_db)
    for path, fragment in [(damaged, "完整性"), (newer, "更新版本"), (foreign, "其他程序"), (empty, "空的"),
                           (junk, "不是 Tribunal 的备份"), (fake_zip, "不是 Tribunal 的备份"),
                           (tmp_path / "missing.sqlite3", "不存在"), (work_db, "自己")]:
        with pytest.raises(DatabaseError, match=fragment):
            backup.restore(str(work_db), path)
        assert _digest(work_db) == before, path.name
    assert not sqlite_files.automatic_copies(work_db)
    assert sorted(p.name for p in work_db.parent.iterdir()) == ["tribunal.sqlite3"]


def test_a_damaged_database_is_reported_by_check_and_replaced_by_restore(work_db, tmp_path, capsys):
    good = tmp_path / "good.sqlite3"
    sqlite_files.copy_database(work_db, good)
    _corrupt(work_db)
    damaged = _digest(work_db)
    code, out, err = _cli(capsys, "--db", str(work_db), "db", "check")
    assert code == 1 and "已损坏" in out and "Traceback" not in err
    assert _digest(work_db) == damaged
    assert sorted(p.name for p in work_db.parent.iterdir()) == ["tribunal.sqlite3"]  # no -wal/-shm made
    code, _, err = _cli(capsys, "--db", str(work_db), "db", "upgrade")
    assert code == 1 and "完整性" in err and len(err.strip().splitlines()) == 1
    result = backup.restore(str(work_db), good)
    assert _digest(result.safety_copy) == damaged  # the damaged file is kept as it was
    assert sqlite_files.integrity(work_db) == "ok"


# ---------------------------------------------------------------- automatic copies


def test_automatic_copies_rotate_and_the_daily_copy_is_taken_once_a_day(work_db):
    db = open_database(str(work_db))
    try:
        settings.set_value(db, "backup.keep", "3")
        day = dt.datetime(2026, 12, 1, 9, 0)
        taken = []
        for n in range(5):
            now = day + dt.timedelta(days=n)
            taken.append(backup.daily_backup(db, now=now))
            assert backup.daily_backup(db, now=now + dt.timedelta(hours=3)) is None  # once a day
        copies = backup.automatic_copies(db)
        assert [c.path for c in copies] == taken[-3:]
        assert all(sqlite_files.integrity(c.path) == "ok" for c in copies)
    finally:
        db.dispose()
    with pytest.raises(ValidationError):
        db = open_database(str(work_db))
        try:
            settings.set_value(db, "backup.keep", "0")
        finally:
            db.dispose()


def _old_database(path: Path) -> None:
    """A database at schema 0002, as the previous release left it."""
    from tribunal.db import migrate

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade_connection(conn, f"sqlite:///{path}", "0002")
        conn.execute(text("INSERT INTO zone (name) VALUES ('邵阳经济技术开发区')"))
    engine.dispose()


def test_pre_migration_copies_count_towards_the_same_limit(tmp_path):
    import shutil

    path = tmp_path / "old.sqlite3"
    _old_database(path)
    folder = path.parent / "backups"
    folder.mkdir()
    for n in range(20):  # left by earlier versions, which never deleted any
        shutil.copyfile(path, folder / f"old.202601{n + 1:02d}-000000.before-0002.sqlite3")
    db = open_database(str(path))
    db.dispose()
    copies = sqlite_files.automatic_copies(path)
    assert len(copies) == sqlite_files.DEFAULT_KEEP
    assert copies[-1].label == f"before-{HEAD}" and copies[0].taken_at == dt.datetime(2026, 1, 8)


def test_a_file_called_backups_is_reported_and_nothing_is_upgraded(tmp_path, capsys):
    path = tmp_path / "old.sqlite3"
    _old_database(path)
    (tmp_path / "backups").write_text("这是一个文件")
    before = _digest(path)
    code, _, err = _cli(capsys, "--db", str(path), "cases")
    assert code == 1 and "backups" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "old.sqlite3"]


def test_backup_folder_refusals(work_db, tmp_path, capsys):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    for folder, fragment in [(tmp_path / "nope", "不存在"), (a_file, "不是文件夹"), ("", "请选择")]:
        code, _, err = _cli(capsys, "--db", str(work_db), "db", "backup", str(folder))
        assert code == 1 and fragment in err and len(err.strip().splitlines()) == 1
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        code, _, err = _cli(capsys, "--db", str(work_db), "db", "backup", str(locked))
        assert code == 1 and "无法写入" in err


# ---------------------------------------------------------------- dumps (portable, any backend)


def test_a_dump_restores_into_a_new_sqlite_file_row_for_row(work_db, tmp_path):
    dump = tmp_path / "x.tribunal-dump.zip"
    engine = create_engine(f"sqlite:///{work_db}")
    with engine.connect() as conn:
        manifest = transfer.write_dump(conn, dump, revision=HEAD, program_version="test", source="test")
    engine.dispose()
    assert sum(t["rows"] for t in manifest.tables.values()) > 2000
    target = tmp_path / "restored.sqlite3"
    result = backup.restore(str(target), dump)
    assert result.verified_tables == len(manifest.tables)
    _compare(_rows(work_db), _without_restore_entry(_rows(target)), "dump → new SQLite")


def test_a_damaged_dump_is_refused(work_db, tmp_path):
    import zipfile

    dump = tmp_path / "x.tribunal-dump.zip"
    engine = create_engine(f"sqlite:///{work_db}")
    with engine.connect() as conn:
        transfer.write_dump(conn, dump, revision=HEAD, program_version="test", source="test")
    engine.dispose()
    tampered = tmp_path / "tampered.tribunal-dump.zip"
    with zipfile.ZipFile(dump) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/party.jsonl":
                data = data.replace("张".encode(), "章".encode(), 1)
            dst.writestr(item, data)
    target = tmp_path / "restored.sqlite3"
    with pytest.raises(DatabaseError, match="校验值不符"):
        backup.restore(str(target), tampered)
    assert not target.exists()
    assert not list(tmp_path.glob(".*restoring*"))


# ---------------------------------------------------------------- PostgreSQL


def _empty_server(pg_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(pg_url).set(database=name).render_as_string(hide_password=False)


@pytest.mark.postgres
def test_copy_to_an_empty_server_is_verified_and_a_full_one_refused(work_db, pg_url, capsys):
    target = _empty_server(pg_url, "tribunal_test_copy")
    code, out, err = _cli(capsys, "--db", str(work_db), "db", "copy", "--to", target)
    assert code == 0, err
    assert "校验值一致" in out
    source = _rows(work_db)
    got = _rows(target)
    got["audit_entry"] = [r for r in got["audit_entry"] if "database.copy" not in r]
    source["audit_entry"] = [r for r in source["audit_entry"] if "database.copy" not in r]
    _compare(source, got, "SQLite → PostgreSQL copy")
    # The program works on the copy: the next case number follows the copied ones.
    db = open_database(target)
    try:
        from tests.integration.helpers import case_input
        from tribunal.services import cases

        before = cases.count_cases(db)
        created = cases.create_case(db, case_input(), today=TODAY)
        assert cases.count_cases(db) == before + 1 and created.id > max(r[0] for r in got["arbitration_case"])
    finally:
        db.dispose()
    code, _, err = _cli(capsys, "--db", str(work_db), "db", "copy", "--to", target)
    assert code == 1 and "不是空的" in err


@pytest.mark.postgres
def test_server_backup_is_a_dump_that_restores_into_an_empty_database(work_db, pg_url, tmp_path, capsys):
    source = _empty_server(pg_url, "tribunal_test_dump_src")
    db = open_database(str(work_db))
    backup.copy_to_server(db, source)
    db.dispose()
    code, _out, err = _cli(capsys, "--db", source, "db", "backup", str(tmp_path))
    assert code == 0, err
    [dump] = list(tmp_path.glob("*.tribunal-dump.zip"))
    target = _empty_server(pg_url, "tribunal_test_dump_dst")
    code, _out, err = _cli(capsys, "--db", target, "db", "restore", str(dump))
    assert code == 0, err
    expected = _rows(source)
    # The backup's own audit entry is written once the dump is complete, so it is not in it.
    expected["audit_entry"] = [r for r in expected["audit_entry"] if "database.backup" not in r]
    _compare(expected, _without_restore_entry(_rows(target)), "PostgreSQL dump → restore")
    # Restoring again into the now full database is refused and changes nothing.
    code, _, err = _cli(capsys, "--db", target, "db", "restore", str(dump))
    assert code == 1 and "不是空的" in err
    assert _without_restore_entry(_rows(target)) == expected


@pytest.mark.postgres
def test_workstations_never_migrate_a_server(work_db, pg_url, capsys):
    target = _empty_server(pg_url, "tribunal_test_versions")
    code, _, err = _cli(capsys, "--db", target, "cases")
    assert code == 1 and "db upgrade" in err
    db = open_database(str(work_db))
    backup.copy_to_server(db, target)
    db.dispose()
    engine = create_engine(target)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    code, _, err = _cli(capsys, "--db", target, "cases")
    assert code == 1 and "较旧" in err and "db upgrade" in err
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
        conn.execute(text("UPDATE database_meta SET value = '9.1.0' WHERE key = 'program_version'"))
    engine.dispose()
    code, _, err = _cli(capsys, "--db", target, "cases")
    assert code == 1 and "Tribunal 9.1.0" in err


@pytest.mark.postgres
def test_db_upgrade_dumps_a_server_first(pg_url, tmp_path, capsys):
    from tribunal.db import migrate

    target = _empty_server(pg_url, "tribunal_test_upgrade")
    engine = create_engine(target)
    with engine.begin() as conn:  # a server left at the previous release's schema, with data
        migrate.upgrade_connection(conn, target, "0002")
        conn.execute(text("INSERT INTO zone (name) VALUES ('邵阳经济技术开发区')"))
        conn.execute(text("INSERT INTO audit_entry (at, actor, action, entity, summary, after) VALUES "
                          "(now(), '旧', 'x', 'case', '电话 13807311234', '{\"phone\": \"13807311234\"}')"))
    engine.dispose()
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    code, out, err = _cli(capsys, "--db", target, "db", "upgrade", "--dump-dir", str(dumps))
    assert code == 0, err
    [dump] = list(dumps.iterdir())
    assert "升级前的备份" in out and str(dump) in out
    with transfer.Dump(dump) as d:
        assert d.manifest.revision == "0002" and d.manifest.tables["zone"]["rows"] == 1
    engine = create_engine(target)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert conn.execute(text("SELECT name FROM zone")).scalar() == "邵阳经济技术开发区"
        after = conn.execute(text("SELECT after FROM audit_entry")).scalar()
        assert after["phone"]["masked"] == "138****1234"  # masked by the upgrade
    engine.dispose()
    code, _, err = _cli(capsys, "--db", target, "cases")
    assert code == 0, err


@pytest.mark.sqlite_only(reason="the file swap of a restore is SQLite's")
def test_a_handle_held_for_a_restore_refuses_sessions_and_works_again_afterwards(db: Database) -> None:
    """While a restore swaps the file, the caller's handle opens no connection to it: a window
    reading then is told to wait (DatabaseHeld) rather than keeping the file open."""
    from tribunal.errors import DatabaseHeld

    with db.held(), pytest.raises(DatabaseHeld, match="正在从备份恢复"), db.session(write=False):
        pass
    with db.session(write=False) as s:
        assert s.execute(text("select 1")).scalar() == 1

"""Schema migrations at start-up: back the file up, upgrade to head, refuse newer databases."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from tribunal import __version__
from tribunal.db import sqlite_files
from tribunal.db.engine import Database, describe_db_error
from tribunal.db.migrations import HEAD
from tribunal.errors import DatabaseError, NewerDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

VERSION_TABLE = "alembic_version"
META_TABLE = "database_meta"
PROGRAM_VERSION_KEY = "program_version"


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against this program."""

    current: str | None
    head: str
    is_empty: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def alembic_config(db: Database | None = None) -> Config:
    """An Alembic configuration pointing at the migrations inside the installed package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("tribunal.db") / "migrations"))
    if db is not None:
        config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def _current_revision(db: Database) -> str | None:
    """The revision stamped in the database, read with plain SQL (Alembic is slow to import)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise DatabaseError(f"数据库的结构版本记录异常（{', '.join(rows)}），未作任何改动：{db.display_name}")
    return rows[0] if rows else None


def schema_state(db: Database) -> SchemaState:
    """Read the database's revision without changing anything.

    Raises:
        NewerDatabaseError: the revision is unknown to this program (written by a newer version).
        DatabaseError: the file is a SQLite database of some other program.
    """
    try:
        current = _current_revision(db)
    except SQLAlchemyError as exc:
        raise DatabaseError(describe_db_error(exc, db.display_name)) from exc
    if current == HEAD:
        # The everyday case: up to date, decided without importing Alembic.
        return SchemaState(current=current, head=HEAD, is_empty=False)
    script = _script()
    head = script.get_current_head()
    assert head is not None
    tables = [t for t in db.table_names() if t != VERSION_TABLE]
    if current is None and tables:
        raise DatabaseError(
            f"这个数据库文件属于其他程序（没有 Tribunal 的版本标记），未作任何改动：{db.display_name}"
        )
    if current is not None and current not in known_revisions():
        needed = required_program_version(db)
        install = f"请安装 Tribunal {needed} 或更新的版本后再打开" if needed else "请安装最新版本后再打开"
        raise NewerDatabaseError(
            f"这个数据库由更新版本的 Tribunal 写入（结构版本 {current}，本程序为 {__version__}），"
            f"当前程序无法安全使用它，未作任何改动。{install}：{db.display_name}"
        )
    return SchemaState(current=current, head=head, is_empty=current is None)


def known_revisions() -> set[str]:
    """Every schema revision this program can read (and upgrade from)."""
    return {rev.revision for rev in _script().walk_revisions()}


def required_program_version(db: Database) -> str | None:
    """The program version that last upgraded this database (kept in ``database_meta``), if recorded."""
    try:
        with db.engine.connect() as conn:
            if not inspect(conn).has_table(META_TABLE):
                return None
            value = conn.execute(text(f"SELECT value FROM {META_TABLE} WHERE key = :k"),
                                 {"k": PROGRAM_VERSION_KEY}).scalar()
    except SQLAlchemyError:
        return None
    return str(value) if value else None


def record_program_version(conn: Connection) -> None:
    """Note in ``database_meta`` which program version brought the schema to this revision."""
    if not inspect(conn).has_table(META_TABLE):
        return
    conn.execute(text(f"DELETE FROM {META_TABLE} WHERE key = :k"), {"k": PROGRAM_VERSION_KEY})
    conn.execute(text(f"INSERT INTO {META_TABLE} (key, value) VALUES (:k, :v)"),
                 {"k": PROGRAM_VERSION_KEY, "v": __version__})


@contextlib.contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for migrations; on SQLite with foreign keys off meanwhile.

    Batch mode rebuilds a SQLite table by copying it, dropping the old one and renaming the
    copy. With foreign keys on, dropping ``arbitration_case`` would cascade to every party,
    claim, hearing and clock event of every case. SQLite ignores the pragma inside a
    transaction, so it is set before the transaction begins; before committing,
    ``PRAGMA foreign_key_check`` must find nothing, or the upgrade is undone.

    Raises:
        SQLAlchemyError: a migration failed, or left rows pointing at nothing.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise IntegrityError("PRAGMA foreign_key_check", None,
                                             Exception(f"{len(broken)} rows refer to missing rows, "
                                                       f"first in table {broken[0][0]}"))
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def upgrade_connection(conn: Connection, url: str, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` on an open connection (inside the caller's transaction)."""
    from alembic import command

    config = alembic_config()
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = conn
    command.upgrade(config, revision)
    if revision == "head":
        record_program_version(conn)


def backup_sqlite(db: Database, label: str) -> Path | None:
    """Copy a SQLite database into its backups folder (consistent even in WAL mode), rotated.

    The commission's ``backup.keep`` setting says how many automatic copies are kept.

    Raises:
        DatabaseError: the backups folder cannot be used (a file called ``backups`` in the
            way, no permission): nothing is upgraded without its copy.
    """
    if db.path is None:
        return None
    return sqlite_files.take_automatic_copy(db.path, label, sqlite_files.keep_setting(db.path))


def upgrade(db: Database) -> Path | None:
    """Bring the schema to head; a non-empty SQLite file is copied aside first.

    Returns:
        The path of the backup copy, or None when nothing needed doing or nothing was copied.

    Raises:
        NewerDatabaseError: the database is newer than the program (left untouched).
        DatabaseError: the database cannot be read or is not this program's.
    """
    state = schema_state(db)
    if state.up_to_date:
        return None
    backup = None if state.is_empty else backup_sqlite(db, f"before-{state.head[:8]}")
    try:
        with migration_connection(db.engine) as conn:
            upgrade_connection(conn, db.url)
    except SQLAlchemyError as exc:
        where = f"；升级前的副本在 {backup}" if backup else ""
        raise DatabaseError(f"数据库升级失败，已撤销本次升级{where}：{exc}") from exc
    return backup

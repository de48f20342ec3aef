"""Opening the program's database: resolve where it is, refuse bad files, migrate, report."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tribunal import __version__
from tribunal.db import migrate
from tribunal.db.engine import Database, resolve_url, sqlite_path, system_user
from tribunal.errors import DatabaseError
from tribunal.services import settings
from tribunal.texts import msg


@dataclass(frozen=True)
class DatabaseReport:
    """What ``tribunal db check`` prints."""

    location: str
    backend: str
    current: str | None
    head: str
    up_to_date: bool
    integrity: str
    cases: int | None


def open_database(db: str | os.PathLike[str] | None = None, *, actor: str | None = None,
                  migrate_now: bool = True) -> Database:
    """Open (and create if needed) the database, bringing its schema up to date.

    A SQLite file is copied aside before any migration. A file written by a newer program,
    a file that is not a database, or a missing folder is refused and left untouched.

    Raises:
        DatabaseError: (or NewerDatabaseError) with a message for the clerk.
    """
    url = resolve_url(db)
    inspected = _refuse_without_touching(url)
    handle = Database(url, actor=actor)
    try:
        if handle.path is None:
            # A shared server is migrated only by ``tribunal db upgrade`` (after a dump), never
            # by whichever workstation happens to start first.
            _require_current_server_schema(handle)
        elif inspected is None or not inspected.up_to_date:
            # A new file, or one to upgrade. The everyday case, a current file, needs nothing
            # more: the read-only look above has checked it.
            if migrate_now:
                _keep_workstation_settings(handle)
                migrate.upgrade(handle)
            else:
                migrate.schema_state(handle)
    except BaseException:
        handle.dispose()
        raise
    # Read after the upgrade, which may just have brought the clerk into this computer's file.
    follow_workstation_clerk(handle)
    from tribunal.services import clocks  # the clocks' rules load on the worker, not at import

    clocks.keep_next_deadlines(handle)
    return handle


def _require_current_server_schema(handle: Database) -> None:
    state = migrate.schema_state(handle)  # a newer schema raises, naming the version to install
    if state.up_to_date:
        return
    if state.is_empty:
        raise DatabaseError(
            msg("服务器上的数据库还没有建立结构：请由管理员运行 tribunal --db 地址 db upgrade，或用 db copy / db restore 把数据放进去：{display_name}", display_name=handle.display_name))
    raise DatabaseError(
        msg("服务器上的数据库结构较旧（版本 {current}），本程序（{version}）需要版本 {head}。请管理员先运行 tribunal --db 地址 db upgrade（会先导出一份备份），再打开：{display_name}", current=state.current, version=__version__, head=state.head, display_name=handle.display_name))
def follow_workstation_clerk(db: Database) -> None:
    """Name this workstation's clerk in the audit, else the system user.

    A name given explicitly (``--user``, ``TRIBUNAL_USER``) is kept.
    """
    if not db.actor_explicit:
        clerk = str(settings.workstation_values()[0].get("clerk.name") or "").strip()[:60]
        db.actor = clerk or system_user()


def _refuse_without_touching(url: str) -> migrate.SchemaState | None:
    """Inspect an existing SQLite file read-only first: even switching it to WAL is a write.

    A file that will be upgraded must be copied first; if its backups folder cannot be
    used, that is said now, before the file is opened for writing.

    Returns:
        The file's schema state, or None when there is no SQLite file to inspect yet.
    """
    from tribunal.db import sqlite_files

    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    probe = Database(url, readonly=True)
    try:
        state = migrate.schema_state(probe)
    finally:
        probe.dispose()
    if not state.up_to_date and not state.is_empty:
        sqlite_files.backup_folder(path, create=False)
    return state


def _keep_workstation_settings(handle: Database) -> None:
    """Before an upgrade to 0006, copy the workstation settings in the database into this
    computer's settings file: that upgrade deletes them from the shared database.

    Raises:
        StorageError: the file cannot be written; the database is then left as it was.
    """
    state = migrate.schema_state(handle)
    if state.current is None or state.up_to_date:
        return  # after 0006 the database holds no such rows: nothing to copy
    with handle.session(write=False) as s:
        settings.adopt_database_values(s)


@dataclass(frozen=True)
class UpgradeReport:
    """What ``tribunal db upgrade`` did."""

    location: str
    before: str | None
    after: str
    backup: Path | None
    changed: bool


def upgrade_database(db: str | os.PathLike[str] | None = None, *,
                     dump_folder: str | os.PathLike[str] | None = None) -> UpgradeReport:
    """Upgrade explicitly (``tribunal db upgrade``).

    SQLite: the file is checked first (a damaged file is not upgraded: restore a backup),
    copied to its backups folder, then upgraded. PostgreSQL: a dump of the whole database
    is written first (to ``dump_folder``, or the program's data folder), then the schema is
    upgraded in one transaction — the only way a server's schema changes.

    Raises:
        DatabaseError: the database is damaged, newer, foreign or unreachable.
    """
    from tribunal.db import sqlite_files

    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None and path.is_file() and path.stat().st_size > 0:
        problem = sqlite_files.integrity(path, quick=True)
        if problem != "ok":
            raise DatabaseError(msg("数据库文件未通过完整性检查（{problem}），未升级；请从备份恢复（tribunal db restore 备份文件）：{path}", problem=problem, path=path))
    _refuse_without_touching(url)
    handle = Database(url)
    try:
        state = migrate.schema_state(handle)
        backup: Path | None = None
        if not state.up_to_date and handle.path is None and not state.is_empty:
            from tribunal.services import backup as backups

            backup = backups.dump_before_upgrade(handle, dump_folder)
        _keep_workstation_settings(handle)
        copy = migrate.upgrade(handle)
        return UpgradeReport(handle.display_name, state.current, state.head, copy or backup,
                             not state.up_to_date)
    finally:
        handle.dispose()


def check_database(db: str | os.PathLike[str] | None = None) -> DatabaseReport:
    """Inspect a database read-only: schema version, integrity, number of cases.

    Creates nothing beside a SQLite file. A damaged file is a finding (``integrity`` says
    what SQLite found), not an error.

    Raises:
        DatabaseError: the database is missing, foreign, newer, or unreachable.
    """
    from tribunal.db import sqlite_files

    url = resolve_url(db)
    handle = Database(url, readonly=True)
    try:
        if handle.path is not None:
            integrity = sqlite_files.integrity(handle.path)
            if integrity != "ok":
                return DatabaseReport(location=handle.display_name, backend="sqlite", current=None,
                                      head=migrate.HEAD, up_to_date=False, integrity=integrity, cases=None)
        state = migrate.schema_state(handle)
        integrity = "ok"
        cases: int | None = None
        with handle.engine.connect() as conn:
            if state.current is not None and "arbitration_case" in handle.table_names():
                cases = int(conn.exec_driver_sql("SELECT count(*) FROM arbitration_case").scalar() or 0)
        return DatabaseReport(
            location=handle.display_name,
            backend=handle.engine.dialect.name,
            current=state.current,
            head=state.head,
            up_to_date=state.up_to_date,
            integrity=integrity,
            cases=cases,
        )
    finally:
        handle.dispose()


def data_folder(db: Database) -> Path:
    """The folder a clerk opens to find the data: the SQLite file's folder, else the program's own.

    For a shared PostgreSQL server there is no file on this PC; the program's data folder
    (documents, backups) is shown instead.
    """
    if db.path is not None:
        return db.path.parent
    from tribunal.db.engine import default_database_path

    folder = default_database_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    return folder

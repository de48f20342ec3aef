"""Opening the program's database: resolve where it is, refuse bad files, migrate, report."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tribunal.db import migrate
from tribunal.db.engine import Database, resolve_url, sqlite_path
from tribunal.errors import DatabaseError


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
    _refuse_without_touching(url)
    handle = Database(url, actor=actor)
    try:
        if migrate_now:
            migrate.upgrade(handle)
        else:
            migrate.schema_state(handle)
    except BaseException:
        handle.dispose()
        raise
    return handle


def _refuse_without_touching(url: str) -> None:
    """Inspect an existing SQLite file read-only first: even switching it to WAL is a write."""
    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return
    probe = Database(url, readonly=True)
    try:
        migrate.schema_state(probe)
    finally:
        probe.dispose()


def upgrade_database(db: str | os.PathLike[str] | None = None) -> tuple[str, Path | None]:
    """Upgrade explicitly (``tribunal db upgrade``); returns the location and the backup copy."""
    url = resolve_url(db)
    _refuse_without_touching(url)
    handle = Database(url)
    try:
        backup = migrate.upgrade(handle)
        return handle.display_name, backup
    finally:
        handle.dispose()


def check_database(db: str | os.PathLike[str] | None = None) -> DatabaseReport:
    """Inspect a database read-only: schema version, integrity, number of cases.

    Raises:
        DatabaseError: the database is missing, foreign, newer, or unreadable.
    """
    url = resolve_url(db)
    handle = Database(url, readonly=True)
    try:
        state = migrate.schema_state(handle)
        integrity = "ok"
        cases: int | None = None
        with handle.engine.connect() as conn:
            if handle.is_sqlite:
                integrity = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
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
    except DatabaseError:
        raise
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

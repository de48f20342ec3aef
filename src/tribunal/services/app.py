"""Opening the program's database: resolve where it is, refuse bad files, migrate, report."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tribunal.db import migrate
from tribunal.db.engine import Database, resolve_url, sqlite_path, system_user
from tribunal.errors import DatabaseError
from tribunal.services import settings


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
            _keep_workstation_settings(handle)
            migrate.upgrade(handle)
        else:
            migrate.schema_state(handle)
    except BaseException:
        handle.dispose()
        raise
    # Read after the upgrade, which may just have brought the clerk into this computer's file.
    follow_workstation_clerk(handle)
    return handle


def follow_workstation_clerk(db: Database) -> None:
    """Name this workstation's clerk in the audit, else the system user.

    A name given explicitly (``--user``, ``TRIBUNAL_USER``) is kept.
    """
    if not db.actor_explicit:
        clerk = str(settings.workstation_values()[0].get("clerk.name") or "").strip()[:60]
        db.actor = clerk or system_user()


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


def upgrade_database(db: str | os.PathLike[str] | None = None) -> tuple[str, Path | None]:
    """Upgrade explicitly (``tribunal db upgrade``); returns the location and the backup copy."""
    url = resolve_url(db)
    _refuse_without_touching(url)
    handle = Database(url)
    try:
        _keep_workstation_settings(handle)
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

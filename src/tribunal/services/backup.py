"""Backups a clerk can make and restore, the daily automatic copy, and moving to a server (备份与恢复).

SQLite (one file): a backup is a consistent copy made with SQLite's online backup API —
while the program keeps working — and a restore swaps a checked copy in for the file.
PostgreSQL (a shared server): a backup is a portable dump written by the program itself
(:mod:`tribunal.db.transfer`: no server tools needed), and a restore reads one back into an
empty database. The server's administrator keeps the server's own backups; the program
makes no automatic copies there.

Used by ``tribunal db backup|restore|copy`` and by the GUI's 文件 → 备份到… / 从备份恢复….
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from tribunal import __version__
from tribunal.db import migrate, sqlite_files, transfer
from tribunal.db.engine import SQLITE_HEADER, Database, describe_db_error, resolve_url, sqlite_path
from tribunal.db.sqlite_files import AutomaticCopy
from tribunal.errors import DatabaseError, ValidationError
from tribunal.services import audit, settings
from tribunal.texts import msg

DAILY_LABEL = "daily"
RESTORE_LABEL = "before-restore"
SQLITE_SUFFIX = ".sqlite3"
DUMP_SUFFIX = ".tribunal-dump.zip"


@dataclass(frozen=True)
class BackupResult:
    """A backup made: where, what kind, and how much it holds."""

    path: Path
    kind: str  # "sqlite" (a copy of the file) or "dump" (a portable dump of a server database)
    size: int
    rows: int
    tables: int


@dataclass(frozen=True)
class RestoreResult:
    """A restore done: from what, the safety copy of what was there, and what the database holds now."""

    location: str
    source: Path
    safety_copy: Path | None
    revision: str
    rows: int
    tables: int
    verified_tables: int


@dataclass(frozen=True)
class CopyResult:
    """A copy to a server: the target and the per-table verification."""

    target: str
    tables: int
    rows: int
    checksums_equal: bool


# ---------------------------------------------------------------- where and how many


def keep_count(db: Database) -> int:
    """How many automatic copies the commission keeps (the ``backup.keep`` setting)."""
    return int(settings.get(db, sqlite_files.KEEP_SETTING))


def automatic_copies(db: Database) -> list[AutomaticCopy]:
    """The automatic copies of a SQLite database, oldest first (none for a server)."""
    return sqlite_files.automatic_copies(db.path) if db.path is not None else []


def daily_backup(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """Take today's automatic copy unless there is one already; returns it, or None.

    The GUI calls this in the background after its window is shown. A server database gets
    no automatic copies (its administrator keeps them).

    Raises:
        DatabaseError: the backups folder cannot be used, or the copy failed.
    """
    if db.path is None:
        return None
    now = now or dt.datetime.now()
    if any(c.label == DAILY_LABEL and c.taken_at.date() == now.date() for c in automatic_copies(db)):
        return None
    return sqlite_files.take_automatic_copy(db.path, DAILY_LABEL, keep_count(db), now=now)


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _writable_folder(folder: str | os.PathLike[str]) -> Path:
    target = Path(folder).expanduser()
    if not str(folder).strip():
        raise ValidationError(msg("请选择保存备份的文件夹"), {"folder": msg("必填")})
    if target.exists() and not target.is_dir():
        raise ValidationError(msg("这是一个文件，不是文件夹：{target}", target=target), {"folder": msg("不是文件夹")})
    if not target.is_dir():
        raise ValidationError(msg("文件夹不存在：{target}（U 盘是否已插好？）", target=target), {"folder": msg("不存在")})
    if not os.access(target, os.W_OK):
        raise ValidationError(msg("无法写入这个文件夹（只读或没有权限）：{target}", target=target), {"folder": msg("无法写入")})
    return target.absolute()


# ---------------------------------------------------------------- making a backup


def backup_to_folder(db: Database, folder: str | os.PathLike[str]) -> BackupResult:
    """Write a backup of the open database into ``folder`` (a USB stick, a network share).

    The file is named after the database and the moment (never overwriting anything):
    ``<name>-备份-20261207-101500.sqlite3`` for SQLite, ``…tribunal-dump.zip`` for a server.

    Raises:
        ValidationError: the folder is missing, a file, or not writable.
        DatabaseError: the copy failed (nothing is left under the final name).
    """
    target_folder = _writable_folder(folder)
    if db.path is not None:
        if target_folder.resolve() == (db.path.parent / sqlite_files.BACKUP_FOLDER).resolve():
            raise ValidationError(msg("这是自动备份所在的文件夹，请选择另一个文件夹（最好是 U 盘或另一台电脑）"),
                                  {"folder": msg("是自动备份文件夹")})
        target = _unique(target_folder / f"{db.path.stem}-备份-{_stamp()}{SQLITE_SUFFIX}")
        sqlite_files.copy_database(db.path, target)
        rows, tables = _count_sqlite(target)
        kind = "sqlite"
    else:
        name = make_url(db.url).database or "tribunal"
        target = _unique(target_folder / f"{name}-备份-{_stamp()}{DUMP_SUFFIX}")
        manifest = _dump(db.engine, target, db.display_name)
        rows = sum(int(t["rows"]) for t in manifest.tables.values())
        tables = len(manifest.tables)
        kind = "dump"
    with db.session() as s:
        audit.record(s, db.actor, "database.backup", "database", None,
                     f"备份数据库到 {target}（{tables} 个表，{rows} 行）")
    return BackupResult(target, kind, target.stat().st_size, rows, tables)


def _unique(path: Path) -> Path:
    """``path``, or ``…-2``, ``…-3`` before its suffix when something is already there."""
    suffix = DUMP_SUFFIX if path.name.endswith(DUMP_SUFFIX) else path.suffix
    base = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{base}-{n}{suffix}")
    return candidate


def _count_sqlite(path: Path) -> tuple[int, int]:
    engine = _sqlite_engine(path, readonly=True)
    try:
        with engine.connect() as conn:
            counts = transfer.row_counts(conn)
        return sum(counts.values()), len(counts)
    finally:
        engine.dispose()


def _dump(engine: Engine, target: Path, source: str) -> transfer.Manifest:
    try:
        with engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if not revision:
                raise DatabaseError(msg("数据库还没有建立结构，没有可备份的内容"))
            return transfer.write_dump(conn, target, revision=str(revision), program_version=__version__,
                                       source=source)
    except SQLAlchemyError as exc:
        raise DatabaseError(describe_db_error(exc, source)) from exc
    except OSError as exc:
        raise DatabaseError(msg("无法写入备份 {target}：{value}", target=target, value=exc.strerror or exc)) from exc


def dump_before_upgrade(db: Database, folder: str | os.PathLike[str] | None = None) -> Path:
    """The dump ``tribunal db upgrade`` writes of a server database before migrating it."""
    target_folder = _writable_folder(folder) if folder else _default_dump_folder()
    name = make_url(db.url).database or "tribunal"
    target = _unique(target_folder / f"{name}-升级前-{_stamp()}{DUMP_SUFFIX}")
    _dump(db.engine, target, db.display_name)
    return target


def _default_dump_folder() -> Path:
    folder = Path(platformdirs.user_data_dir("Tribunal", appauthor=False)) / "server-backups"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(msg("无法建立备份文件夹 {folder}：{value}", folder=folder, value=exc.strerror or exc)) from exc
    return folder


# ---------------------------------------------------------------- reading a backup file


def _kind_of(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(msg("无法读取备份文件 {path}：{value}", path=path, value=exc.strerror or exc)) from exc
    if head == SQLITE_HEADER:
        return "sqlite"
    if head[:4] == b"PK\x03\x04":
        return "dump"
    raise DatabaseError(msg("这不是 Tribunal 的备份文件（既不是数据库副本也不是导出文件），未作任何改动：{path}", path=path))


def _check_backup_file(file: str | os.PathLike[str]) -> Path:
    path = Path(file).expanduser().absolute()
    if not path.exists():
        raise DatabaseError(msg("备份文件不存在：{path}", path=path))
    if not path.is_file():
        raise DatabaseError(msg("这不是一个文件：{path}", path=path))
    if path.stat().st_size == 0:
        raise DatabaseError(msg("备份文件是空的：{path}", path=path))
    return path


def _sqlite_backup_revision(path: Path) -> str:
    """Check a SQLite backup file: intact, this program's, and not newer than the program."""
    problem = sqlite_files.integrity(path)
    if problem != "ok":
        raise DatabaseError(msg("备份文件未通过完整性检查（{problem}），不能用于恢复：{path}", problem=problem, path=path))
    probe = Database(f"sqlite:///{path}", readonly=True)
    try:
        state = migrate.schema_state(probe)
    finally:
        probe.dispose()
    if state.current is None:
        raise DatabaseError(msg("备份文件是一个空数据库，没有可恢复的内容：{path}", path=path))
    return state.current


def _dump_revision(dump: transfer.Dump) -> str:
    revision = dump.manifest.revision
    if revision not in migrate.known_revisions():
        version = dump.manifest.program_version
        raise DatabaseError(msg("这份备份由更新版本的 Tribunal（{version}）导出，结构版本 {revision}；请安装 Tribunal {version} 或更新的版本后再恢复（未作任何改动）", version=version, revision=revision))
    return revision


# ---------------------------------------------------------------- restoring


def restore(target: str | os.PathLike[str] | None, file: str | os.PathLike[str], *,
            actor: str | None = None, open_handle: Database | None = None,
            progress: Callable[[str, int], None] | None = None) -> RestoreResult:
    """Put the contents of a backup file in place of a database.

    SQLite: the backup is checked (integrity, schema version), every connection to the
    database is closed (``open_handle`` — the GUI's own — first), the restore is refused if
    any other program still has the file open, a safety copy of the current file goes to
    the backups folder, and the checked copy is swapped in by one rename. A database from an
    older program version is then upgraded as at start-up.

    PostgreSQL: the database must be empty (a new database made by the administrator); the
    rows are loaded in one transaction and checked against the backup's checksums.

    Args:
        target: the database (path or URL) to restore into; None for the default one.
        file: a SQLite copy (``.sqlite3``) or a dump (``.tribunal-dump.zip``).
        open_handle: the caller's open handle on ``target``: kept off the file while the
            restore runs (sessions asked for meanwhile are refused), usable again afterwards.

    Raises:
        DatabaseError: the backup is damaged, newer or foreign; the database is in use or
            (on a server) not empty. Nothing is changed.
    """
    url = resolve_url(target)
    source = _check_backup_file(file)
    kind = _kind_of(source)
    path = sqlite_path(url)
    if open_handle is not None:
        # The caller's handle stays off the file throughout: a list a window reads meanwhile
        # is told to wait, rather than holding the file open so that the swap is refused.
        with open_handle.held():
            return _restore(url, path, source, kind, actor=actor, progress=progress)
    return _restore(url, path, source, kind, actor=actor, progress=progress)


def _restore(url: str, path: Path | None, source: Path, kind: str, *, actor: str | None,
             progress: Callable[[str, int], None] | None) -> RestoreResult:
    if path is not None:
        return _restore_sqlite(url, path, source, kind, actor=actor, progress=progress)
    return _restore_server(url, source, kind, actor=actor, progress=progress)


def _restore_sqlite(url: str, path: Path, source: Path, kind: str, *, actor: str | None,
                    progress: Callable[[str, int], None] | None) -> RestoreResult:
    from tribunal.db.engine import check_sqlite_file

    # A file that is not SQLite at all (someone's document) is never replaced; a damaged or
    # foreign database is — that is what a restore is for — after its safety copy.
    check_sqlite_file(path)
    if path.exists() and source.resolve() == path.resolve():
        raise DatabaseError(msg("不能用数据库文件自己来恢复它自己，请选择一份备份文件"))
    keep = sqlite_files.keep_setting(path) if path.exists() else sqlite_files.DEFAULT_KEEP
    dump = transfer.Dump(source) if kind == "dump" else None
    try:
        revision = _dump_revision(dump) if dump is not None else _sqlite_backup_revision(source)
        if path.exists():
            sqlite_files.backup_folder(path)  # refuse before anything is touched if it cannot be used
        temp = path.with_name(f".{path.name}.restoring")
        temp.unlink(missing_ok=True)
        try:
            if dump is not None:
                verified = _load_into_sqlite(temp, dump, revision, progress)
            else:
                sqlite_files.copy_database(source, temp)
                verified = 0
            safety = _swap(path, temp, keep)
        finally:
            temp.unlink(missing_ok=True)
    finally:
        if dump is not None:
            dump.close()
    # Opened like at start-up: an older backup is upgraded now (with its own pre-migration copy).
    from tribunal.services.app import open_database

    db = open_database(url, actor=actor)
    try:
        with db.engine.connect() as conn:
            counts = transfer.row_counts(conn)
        with db.session() as s:
            audit.record(s, db.actor, "database.restore", "database", None,
                         f"从备份 {source} 恢复数据库" + (f"；恢复前的数据库已另存为 {safety}" if safety else ""))
        state = migrate.schema_state(db)
    finally:
        db.dispose()
    return RestoreResult(str(path), source, safety, state.current or "", sum(counts.values()), len(counts),
                         verified)


def _swap(path: Path, temp: Path, keep: int) -> Path | None:
    """Replace ``path`` by ``temp`` with nobody else using it; returns the safety copy.

    On POSIX the exclusive lock is held through the rename (others opening the name get the
    new file). Windows cannot rename over an open file, so the lock is released first and
    the rename itself fails — leaving everything as it was — if another program got in.
    """
    safety: Path | None = None
    with sqlite_files.exclusive_access(path) as lock:
        if lock is not None:
            folder = sqlite_files.backup_folder(path)
            safety = folder / f"{path.stem}.{_stamp()}.{RESTORE_LABEL}.sqlite3"
            n = 1
            while safety.exists():
                n += 1
                safety = folder / f"{path.stem}.{_stamp()}.{RESTORE_LABEL}-{n}.sqlite3"
            sqlite_files.copy_locked_file(path, safety)  # a damaged file is kept as it is
        if os.name != "nt":
            _replace(temp, path)
    if os.name == "nt":
        _replace(temp, path)
    sqlite_files.rotate(path, keep)
    return safety


def _replace(temp: Path, path: Path) -> None:
    sqlite_files.remove_side_files(path)  # they belong to the file being replaced
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise DatabaseError(msg("无法替换数据库文件（可能刚被其他程序打开），数据库未改变：{value}", value=exc.strerror or exc)) from exc


def _sqlite_engine(path: Path, *, readonly: bool = False) -> Engine:
    if readonly:
        from tribunal.db.engine import readonly_connect

        return create_engine(f"sqlite:///{path}", creator=lambda: readonly_connect(path))
    return create_engine(f"sqlite:///{path}")


def _load_into_sqlite(temp: Path, dump: transfer.Dump, revision: str,
                      progress: Callable[[str, int], None] | None) -> int:
    engine = _sqlite_engine(temp)
    try:
        with migrate.migration_connection(engine) as conn:
            migrate.upgrade_connection(conn, f"sqlite:///{temp}", revision)
            transfer.load(conn, transfer.dump_source(dump), progress=progress)
            return _verify(conn, dump.manifest)
    except SQLAlchemyError as exc:
        raise DatabaseError(msg("从备份建立数据库失败：{exc}", exc=exc)) from exc
    finally:
        engine.dispose()


def _verify(conn: Connection, manifest: transfer.Manifest) -> int:
    sums = transfer.checksums(conn)
    for name, entry in manifest.tables.items():
        got = sums.get(name)
        if got is None or got.rows != entry["rows"] or got.sha256 != entry["sha256"]:
            raise DatabaseError(msg("恢复后表 {name} 的内容与备份不一致（{value} 行，备份中 {entry} 行），已撤销恢复", name=name, value=got.rows if got else 0, entry=entry['rows']))
    return len(manifest.tables)


def _server_engine(url: str) -> Engine:
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ImportError, SQLAlchemyError) as exc:
        raise DatabaseError(msg("无法使用数据库地址：{exc}", exc=exc)) from exc


def _refuse_unless_empty(conn: Connection, where: str) -> str | None:
    """The target's revision when it has our empty schema, None when it has no tables at all."""
    names = set(transfer.reflect(conn).tables)
    if not names:
        return None
    full = transfer.has_data(conn)
    if full:
        shown = "、".join(full[:5]) + ("…" if len(full) > 5 else "")
        raise DatabaseError(msg("目标数据库不是空的（{shown} 中已有数据），为免覆盖，未作任何改动：{where}", shown=shown, where=where))
    if migrate.VERSION_TABLE not in names:
        raise DatabaseError(msg("目标数据库里有其他程序的表，未作任何改动：{where}", where=where))
    return str(conn.exec_driver_sql(f"SELECT version_num FROM {migrate.VERSION_TABLE}").scalar() or "") or None


def _restore_server(url: str, source: Path, kind: str, *, actor: str | None,
                    progress: Callable[[str, int], None] | None) -> RestoreResult:
    where = make_url(url).render_as_string(hide_password=True)
    engine = _server_engine(url)
    try:
        if kind == "dump":
            with transfer.Dump(source) as dump:
                revision = _dump_revision(dump)
                rows, tables, verified = _load_server(engine, url, revision, transfer.dump_source(dump),
                                                      dump.manifest, where, progress)
        else:
            revision = _sqlite_backup_revision(source)
            src = _sqlite_engine(source, readonly=True)
            try:
                with src.connect() as sconn:
                    rows, tables, verified = _load_server(engine, url, revision, transfer.connection_source(sconn),
                                                          None, where, progress)
            finally:
                src.dispose()
    finally:
        engine.dispose()
    db = Database(url, actor=actor)
    try:
        with db.session() as s:
            audit.record(s, db.actor, "database.restore", "database", None, f"从备份 {source} 恢复数据库")
    finally:
        db.dispose()
    return RestoreResult(where, source, None, migrate.HEAD, rows, tables, verified)


def _load_server(engine: Engine, url: str, revision: str, source: transfer.Source,
                 manifest: transfer.Manifest | None, where: str,
                 progress: Callable[[str, int], None] | None) -> tuple[int, int, int]:
    """Schema at ``revision``, every row, checksums compared, then upgraded: one transaction.

    Without a ``manifest`` the checksums are those of the source as it was read.
    """
    try:
        with migrate.migration_connection(engine) as conn:
            present = _refuse_unless_empty(conn, where)
            if present is not None and present != revision:
                raise DatabaseError(msg("目标数据库已建立结构（版本 {present}），与备份（版本 {revision}）不同；请使用一个新建的空数据库（未作任何改动）：{where}", present=present, revision=revision, where=where))
            if present is None:
                migrate.upgrade_connection(conn, url, revision)
            read: dict[str, transfer.TableSum] = {}
            counts = transfer.load(conn, source, progress=progress, sums=read)
            if manifest is None:
                manifest = transfer.Manifest(revision=revision, program_version=__version__, created_at="",
                                             source=where, tables={n: {"rows": t.rows, "sha256": t.sha256}
                                                                   for n, t in read.items()})
            verified = _verify(conn, manifest)
            if revision != migrate.HEAD:
                migrate.upgrade_connection(conn, url)
            else:
                migrate.record_program_version(conn)
    except SQLAlchemyError as exc:
        raise DatabaseError(describe_db_error(exc, where)) from exc
    return sum(counts.values()), len(counts), verified


# ---------------------------------------------------------------- moving to a server


def copy_to_server(db: Database, url: str, *, progress: Callable[[str, int], None] | None = None) -> CopyResult:
    """Copy the open SQLite database into an empty PostgreSQL database, verified table by table.

    Every row is copied in one transaction on the server, then each table's row count and
    SHA-256 are compared with the source's; any difference undoes the whole copy. A target
    that already holds data is refused.

    Raises:
        ValidationError: the source is not a SQLite file or the target not a server URL.
        DatabaseError: the target is not empty or unreachable, or the copy did not verify.
    """
    if db.path is None:
        raise ValidationError(msg("只能把 SQLite 数据库文件复制到服务器；当前数据库已在服务器上"), {"to": msg("来源不是文件")})
    target = resolve_url(url)
    if sqlite_path(target) is not None or make_url(target).get_backend_name() != "postgresql":
        raise ValidationError(msg("--to 应为 PostgreSQL 服务器地址，如 postgresql+psycopg://用户@服务器/数据库"),
                              {"to": msg("不是 PostgreSQL 地址")})
    where = make_url(target).render_as_string(hide_password=True)
    state = migrate.schema_state(db)
    if not state.up_to_date:
        raise DatabaseError(msg("请先升级数据库结构（tribunal db upgrade）再复制"))
    engine = _server_engine(target)
    try:
        # One read transaction on the source: the rows loaded and the checksums compared are
        # the same snapshot, taken in one pass.
        with db.engine.connect() as sconn:
            rows, tables, verified = _load_server(engine, target, migrate.HEAD, transfer.connection_source(sconn),
                                                  None, where, progress)
    except sqlite3.Error as exc:
        raise DatabaseError(msg("读取源数据库失败：{exc}", exc=exc)) from exc
    finally:
        engine.dispose()
    with db.session() as s:
        audit.record(s, db.actor, "database.copy", "database", None,
                     f"把数据库复制到服务器 {where}（{tables} 个表，{rows} 行，校验一致）")
    return CopyResult(where, tables, rows, verified == tables)

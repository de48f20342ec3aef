"""Opening the database: URL resolution, SQLite pragmas, sessions, and start-up migration."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DataError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from tribunal.db import guard
from tribunal.errors import ConflictError, DatabaseError, DatabaseHeld, ValidationError
from tribunal.texts import msg

SQLITE_HEADER = b"SQLite format 3\x00"
DB_ENV_VAR = "TRIBUNAL_DB"
BUSY_TIMEOUT_MS = 10_000


def default_database_path() -> Path:
    """Where the database lives when nothing else is said: the user's data folder."""
    return Path(platformdirs.user_data_dir("Tribunal", appauthor=False)) / "tribunal.sqlite3"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` / ``TRIBUNAL_DB`` / the default into a SQLAlchemy URL.

    Args:
        db: a SQLite file path or any SQLAlchemy URL; None means ``TRIBUNAL_DB`` or the default.

    Raises:
        DatabaseError: the text is neither a usable path nor a valid URL.
    """
    text = os.fspath(db) if db is not None else os.environ.get(DB_ENV_VAR) or ""
    if not text.strip():
        path = default_database_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"无法建立数据文件夹 {path.parent}：{exc.strerror or exc}；"
                                "请检查权限，或用 --db 指定数据库文件") from exc
        return f"sqlite:///{path}"
    text = text.strip()
    if "\x00" in text or len(text) > 4000:
        raise DatabaseError("数据库地址或路径不正确（含有空字符或过长）")
    if "://" in text:
        return _checked_url(text)
    return f"sqlite:///{Path(text).expanduser().absolute()}"


def _checked_url(text: str) -> str:
    """A server or SQLite URL whose parts make sense, or one clear refusal."""
    shown = text if "@" not in text else make_url_safe(text)
    try:
        url = make_url(text)
        port = url.port  # parsed lazily: "host:port" with letters fails only here
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(f"数据库地址格式不正确：{shown}") from exc
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"不支持这种数据库（{backend}）：只能使用 SQLite 文件或 PostgreSQL 服务器")
    if backend == "postgresql":
        if port is not None and not 0 < port < 65536:
            raise DatabaseError(f"数据库地址中的端口号不正确（{port}）：{shown}")
        if not url.database:
            raise DatabaseError(f"数据库地址缺少数据库名（…/数据库名）：{shown}")
    return text


def make_url_safe(text: str) -> str:
    """A URL as it may be shown: the password hidden, or the text itself if it does not parse."""
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return text.split("@", 1)[-1]


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def check_sqlite_file(path: Path, *, must_exist: bool = False) -> None:
    """Refuse, without touching it, a path that cannot be this program's SQLite database.

    Raises:
        DatabaseError: the folder is missing, the path is a folder, or the file is not SQLite.
    """
    if not path.parent.is_dir():
        raise DatabaseError(f"数据库所在的文件夹不存在：{path.parent}")
    if path.is_dir():
        raise DatabaseError(f"这是一个文件夹，不是数据库文件：{path}")
    if not path.exists():
        if must_exist:
            raise DatabaseError(f"数据库文件不存在：{path}")
        return
    if not path.is_file():
        raise DatabaseError(f"这不是一个普通文件，不能作为数据库：{path}")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"无法读取数据库文件 {path}：{exc.strerror or exc}") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"这个文件不是数据库文件（不是 SQLite 格式），未作任何改动：{path}")


def _install_sqlite_pragmas(engine: Engine, *, readonly: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # We issue BEGIN ourselves (see _on_begin) so writers can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writing action takes the write lock at BEGIN: two clerks allocating case numbers
        # then queue on the busy timeout instead of failing on a stale WAL snapshot.
        if connection.get_execution_options().get("tribunal_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def side_files(path: Path) -> tuple[Path, Path]:
    """The write-ahead log and shared-memory files SQLite keeps beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def sqlite_uri(path: Path, **params: str) -> str:
    """A ``file:`` URI for :func:`sqlite3.connect` (``uri=True``) naming ``path`` exactly.

    Characters that mean something in a URI (``%``, ``?``, ``#``) and non-ASCII folder names
    are percent-encoded; SQLite decodes them back.
    """
    posix = path.absolute().as_posix()
    uri = "file:" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")
    return uri + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def readonly_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no trace beside the file.

    Opening a WAL database with ``mode=ro`` creates empty ``-wal``/``-shm`` files and leaves
    them behind, so a refused file would not be as it was. When neither exists, no other
    program has the file open in WAL mode, and ``immutable=1`` reads it without creating
    anything. When they exist (another program is using it), ``mode=ro`` reads through them.
    """
    if any(p.exists() for p in side_files(path)):
        return sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, check_same_thread=False)
    return sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False)


class Database:
    """A handle on one database: the engine, a session factory and the actor's name.

    The GUI and the command line hold one of these; services open one session per action
    through :meth:`session`.
    """

    def __init__(self, url: str, *, actor: str | None = None, readonly: bool = False,
                 echo: bool = False) -> None:
        self.url = url
        self.actor = actor or os.environ.get("TRIBUNAL_USER") or _os_user()
        #: The actor was named (argument or TRIBUNAL_USER), not defaulted to the system user.
        self.actor_explicit = bool(actor or os.environ.get("TRIBUNAL_USER"))
        self.readonly = readonly
        self.path = sqlite_path(url)
        if self.path is not None:
            check_sqlite_file(self.path, must_exist=readonly)
            if readonly:
                path = self.path
                self.engine = create_engine(url, echo=echo, creator=lambda: readonly_connect(path))
            else:
                self.engine = create_engine(url, echo=echo)
            _install_sqlite_pragmas(self.engine, readonly=readonly)
        else:
            try:
                self.engine = create_engine(url, echo=echo, pool_pre_ping=True)
            except (ArgumentError, ImportError) as exc:
                raise DatabaseError(f"无法使用数据库地址 {self.display_name}：{exc}") from exc
        self._write_engine = self.engine.execution_options(tribunal_write=True)
        self._read_factory = sessionmaker(self.engine, expire_on_commit=False)
        self._write_factory = sessionmaker(self._write_engine, expire_on_commit=False)
        guard.install(self._write_factory)
        guard.install(self._read_factory)
        # Sessions in use, and whether the file is held for a restore (see held()).
        self._use = threading.Condition()
        self._in_use = 0
        self._held = False

    def listen_to_writes(self, name: str, listener: Callable[..., Any]) -> None:
        """Call ``listener`` on the session event ``name`` (``after_flush``, ``before_commit``…)
        of every writing session: how a service keeps columns it derives from others in step."""
        event.listen(self._write_factory, name, listener)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        """What the status line shows: the file path, or the server URL without password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back and re-raises on error, always closes.

        Raises:
            DatabaseError: the database could not be reached or is locked for too long.
        """
        factory = self._write_factory if write else self._read_factory
        with self._use:
            if self._held:
                raise DatabaseHeld("正在从备份恢复数据库，请稍候片刻再试")
            self._in_use += 1
        try:
            with self._session(factory, write=write) as session:
                yield session
        finally:
            with self._use:
                self._in_use -= 1
                self._use.notify_all()

    @contextmanager
    def _session(self, factory: sessionmaker[Session], *, write: bool) -> Iterator[Session]:
        session = factory()
        try:
            yield session
            if write:
                session.commit()
        except OperationalError as exc:
            session.rollback()
            raise DatabaseError(describe_db_error(exc, self.display_name)) from exc
        except UnicodeEncodeError as exc:
            # A lone surrogate (bytes that were not UTF-8) cannot be sent to any database.
            session.rollback()
            raise ValidationError("输入中含有无法识别的字符（编码已损坏），未保存", {"text": "编码已损坏"}) from exc
        except StaleDataError as exc:
            # The version counter: another workstation saved the same record between this
            # action's read and its write. Nothing of this action is kept.
            session.rollback()
            raise ConflictError("这条记录刚刚被其他人修改并保存，您的修改未保存；请重新打开后再改") from exc
        except DataError as exc:
            # A value the server refuses (a NUL byte, a number out of range) that slipped past
            # the checks: refused like any bad input, nothing kept.
            session.rollback()
            raise ValidationError(f"数据库不接受输入中的某个值，未作任何更改：{str(exc.orig).splitlines()[0]}",
                                  {"value": "数据库不接受"}) from exc
        except SADatabaseError as exc:
            session.rollback()
            if "file is not a database" in str(exc):
                raise DatabaseError(f"这个文件不是数据库文件：{self.display_name}") from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def table_names(self) -> list[str]:
        """Names of the tables present (used to tell a foreign database from an empty one)."""
        try:
            return inspect(self.engine).get_table_names()
        except SQLAlchemyError as exc:
            raise DatabaseError(describe_db_error(exc, self.display_name)) from exc

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def held(self, *, timeout: float = 30.0) -> Iterator[None]:
        """Keep this handle off the database file while the block runs (a restore swaps it).

        Sessions already open are waited for; a new one is refused with a clear message
        (a window reading a list at that moment says so instead of reopening the file). Every
        pooled connection is closed on entry and again on exit, so that the next session opens
        the file as it is then.

        Raises:
            DatabaseError: a session stayed open longer than ``timeout`` seconds.
        """
        with self._use:
            self._held = True
            if not self._use.wait_for(lambda: self._in_use == 0, timeout):
                self._held = False
                raise DatabaseError("本程序仍在读写数据库，无法恢复备份，请稍候再试（未作任何改动）")
        try:
            self.engine.dispose()
            yield
        finally:
            self.engine.dispose()
            with self._use:
                self._held = False
                self._use.notify_all()


def system_user() -> str:
    """The operating system's name for the person logged in (the audit's last resort)."""
    return _os_user()


def _os_user() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or os.environ.get("USERNAME") or "clerk"


def describe_db_error(exc: Exception, where: str) -> str:
    text = str(getattr(exc, "orig", exc))
    if "locked" in text:
        return msg("数据库正被其他人使用，请稍后再试：{where}", where=where)
    if "not a database" in text:
        return msg("这个文件不是数据库文件：{where}", where=where)
    if "unable to open" in text:
        return msg("无法打开数据库文件：{where}", where=where)
    if "readonly" in text or "read-only" in text:
        return msg("数据库文件是只读的，无法保存：{where}", where=where)
    if "Connection refused" in text or "could not connect" in text or "connection failed" in text:
        return msg("无法连接数据库服务器：{where}", where=where)
    return msg("数据库出错（{where}）：{detail}", where=where,
               detail=text.splitlines()[0] if text else exc.__class__.__name__)

"""SQLite database files: consistent copies, rotated automatic copies, integrity, exclusive access.

Everything here works on files by path with the standard library's ``sqlite3`` (the online
backup API), so it can run before the program's engine is open (a pre-migration copy) or
after every connection is closed (a restore).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tribunal.db.engine import SQLITE_HEADER, readonly_connect, side_files, sqlite_uri
from tribunal.errors import DatabaseError

#: Automatic copies live here, beside the database file.
BACKUP_FOLDER = "backups"
#: How many automatic copies are kept when the commission has not said otherwise.
DEFAULT_KEEP = 14
KEEP_SETTING = "backup.keep"
_STAMP_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class AutomaticCopy:
    """One automatic copy in the backups folder: when and why it was taken."""

    path: Path
    taken_at: dt.datetime
    label: str


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}\.(\d{{8}}-\d{{6}})\.([a-z0-9-]+)\.sqlite3$")


def backup_folder(database: Path, *, create: bool = True) -> Path:
    """The ``backups`` folder beside ``database`` (made if missing).

    Raises:
        DatabaseError: a file of that name is in the way, or the folder cannot be made.
    """
    folder = database.parent / BACKUP_FOLDER
    if folder.exists() and not folder.is_dir():
        raise DatabaseError(f"数据库旁有一个名为“{BACKUP_FOLDER}”的文件，无法在那里保存自动备份；"
                            f"请把它改名或移走（未作任何改动）：{folder}")
    if create:
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"无法建立备份文件夹 {folder}：{exc.strerror or exc}（未作任何改动）") from exc
    return folder


def automatic_copies(database: Path) -> list[AutomaticCopy]:
    """The automatic copies of ``database``, oldest first (other files in the folder are ignored)."""
    folder = database.parent / BACKUP_FOLDER
    if not folder.is_dir():
        return []
    pattern = _pattern(database.stem)
    found = []
    for path in folder.iterdir():
        m = pattern.match(path.name)
        if m and path.is_file():
            try:
                taken = dt.datetime.strptime(m.group(1), _STAMP_FORMAT)
            except ValueError:
                continue
            found.append(AutomaticCopy(path, taken, m.group(2)))
    return sorted(found, key=lambda c: (c.taken_at, c.path.name))


def copy_database(source: Path | sqlite3.Connection, target: Path, *, verify: bool = True) -> None:
    """Copy a database with SQLite's online backup API: consistent even while others write.

    The copy is written to a temporary file beside ``target``, checked, flushed to disk and
    then renamed into place, so a crash leaves no half copy under the final name.

    Args:
        verify: refuse a copy that fails SQLite's quick check. A safety copy of a damaged
            database (taken before a restore replaces it) is kept as it is instead.

    Raises:
        DatabaseError: the source cannot be read or the target written.
    """
    temp = target.with_name(f".{target.name}.partial")
    src = source if isinstance(source, sqlite3.Connection) else readonly_connect(source)
    try:
        with contextlib.closing(sqlite3.connect(temp)) as dst:
            src.backup(dst)
            if verify:
                result = dst.execute("PRAGMA quick_check").fetchone()
                if not result or result[0] != "ok":
                    raise DatabaseError(f"复制出的数据库未通过检查（{result[0] if result else '无结果'}），未保存")
            # The copy is a plain file on its own: no write-ahead log for someone to lose.
            dst.execute("PRAGMA journal_mode=DELETE")
        _fsync(temp)
        os.replace(temp, target)
        _fsync_folder(target.parent)
    except sqlite3.OperationalError as exc:
        if "unable to open" in str(exc) or "readonly" in str(exc):
            raise DatabaseError(f"无法写入备份（文件夹不可写或磁盘已满）：{target.parent}") from exc
        raise DatabaseError(f"复制数据库失败：{exc}") from exc
    except sqlite3.Error as exc:
        raise DatabaseError(f"复制数据库失败：{exc}") from exc
    except OSError as exc:
        raise DatabaseError(f"无法写入备份 {target}：{exc.strerror or exc}") from exc
    finally:
        if not isinstance(source, sqlite3.Connection):
            src.close()
        with contextlib.suppress(OSError):
            temp.unlink()


def take_automatic_copy(database: Path, label: str, keep: int = DEFAULT_KEEP,
                        now: dt.datetime | None = None) -> Path | None:
    """Copy ``database`` into its backups folder under ``label`` and keep the newest ``keep`` copies.

    Returns:
        The copy, or None when there is nothing to copy (no file, or an empty one).

    Raises:
        DatabaseError: the backups folder cannot be used, or the copy failed.
    """
    if not database.is_file() or database.stat().st_size == 0:
        return None
    folder = backup_folder(database)
    stamp = (now or dt.datetime.now()).strftime(_STAMP_FORMAT)
    target = folder / f"{database.stem}.{stamp}.{label}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{database.stem}.{stamp}.{label}-{n}.sqlite3"
    copy_database(database, target)
    rotate(database, keep)
    return target


def rotate(database: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic copies beyond ``keep``; returns what was deleted."""
    copies = automatic_copies(database)
    removed = []
    for copy in copies[: max(len(copies) - max(keep, 1), 0)]:
        with contextlib.suppress(OSError):
            copy.path.unlink()
            removed.append(copy.path)
    return removed


def keep_setting(database: Path) -> int:
    """The commission's ``backup.keep`` setting read with plain SQL (the schema may be old)."""
    try:
        with contextlib.closing(readonly_connect(database)) as con:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)).fetchone()
    except sqlite3.Error:
        return DEFAULT_KEEP
    if row is None:
        return DEFAULT_KEEP
    try:
        value = int(str(row[0]).strip('"'))
    except ValueError:
        return DEFAULT_KEEP
    return value if 1 <= value <= 365 else DEFAULT_KEEP


def integrity(path: Path, *, quick: bool = False) -> str:
    """``ok``, or what SQLite's integrity check found (one line), read without changing the file."""
    if not path.is_file():
        return f"文件不存在：{path}"
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "不是 SQLite 数据库文件"
        with contextlib.closing(readonly_connect(path)) as con:
            rows = con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"数据库文件已损坏：{exc}"
    except OSError as exc:
        return f"无法读取：{exc.strerror or exc}"
    messages = [str(r[0]) for r in rows]
    if messages == ["ok"]:
        return "ok"
    return "数据库文件已损坏：" + "；".join(messages[:3]) + ("…" if len(messages) > 3 else "")


@contextlib.contextmanager
def exclusive_access(database: Path) -> Iterator[sqlite3.Connection | None]:
    """Hold ``database`` so that no other program has it open; refuse if one does.

    Leaving WAL mode needs the database to oneself: SQLite refuses it while any other
    connection — another window, another program, a second workstation on a shared folder —
    has the file open, even an idle one. Switching to the rollback journal also folds the
    write-ahead log into the file and removes ``-wal``/``-shm``. An EXCLUSIVE transaction then
    keeps every other connection out until the block ends. The program sets WAL mode again
    the next time it opens the file.

    Yields:
        The connection holding the lock (None when the file does not exist yet).

    Raises:
        DatabaseError: another program has the database open.
    """
    if not database.exists():
        yield None
        return
    con = sqlite3.connect(sqlite_uri(database), uri=True, timeout=0, isolation_level=None)
    try:
        try:
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()
            if not mode or str(mode[0]).lower() != "delete":
                raise sqlite3.OperationalError("database is locked")
            con.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseError("数据库正被其他程序或其他电脑打开使用，请先关闭所有使用它的 Tribunal 窗口，"
                                    f"再进行恢复（未作任何改动）：{database}") from exc
            raise DatabaseError(f"无法打开数据库 {database}：{exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"数据库文件已损坏，无法取得独占：{exc}") from exc
        yield con
    finally:
        with contextlib.suppress(sqlite3.Error):
            if con.in_transaction:
                con.execute("ROLLBACK")
        con.close()


def copy_locked_file(database: Path, target: Path) -> None:
    """Copy a database file byte for byte while :func:`exclusive_access` holds it.

    Under that lock the file is in rollback-journal mode with no write-ahead log and nobody
    else can write, so the file alone is the whole database, damaged pages included (the
    backup API would refuse to read through its own connection's lock).
    """
    temp = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(database, temp)
        _fsync(temp)
        os.replace(temp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise DatabaseError(f"无法保存恢复前的副本 {target}：{exc.strerror or exc}（未作任何改动）") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def remove_side_files(database: Path) -> None:
    """Delete a database's ``-wal``/``-shm`` (only when nobody has it open: see :func:`exclusive_access`)."""
    for side in side_files(database):
        with contextlib.suppress(FileNotFoundError):
            side.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    # A rename is durable once the folder's entry is on disk; Windows has no folder handles.
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

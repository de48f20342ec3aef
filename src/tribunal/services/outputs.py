"""Files the program writes for a clerk (exports, calendars): checked before, written atomically, remembered.

The rules for every output path:

* only the right extension (``.ics`` for a calendar, ``.xlsx`` for a workbook …);
* never the open database, its ``-wal``/``-shm``/``-journal`` files, or any other SQLite
  database — not even when asked to overwrite;
* never a file the program did not write itself, unless the clerk asked for it (``--force``
  on the command line; the GUI's save dialog asks before it passes ``force=True``). What the
  program wrote is known from the audit trail: each export records its path and SHA-256,
  and a file still holding exactly those bytes may be replaced without asking;
* written to a temporary file in the same folder and renamed, so a reader never sees half.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import select

from tribunal import files
from tribunal.db.engine import SQLITE_HEADER, Database
from tribunal.db.models import AuditEntry
from tribunal.domain.inputs import shown, text_problem
from tribunal.errors import ValidationError
from tribunal.services import audit
from tribunal.texts import msg

#: The audit entity under which exports record the files they wrote.
FILE_ENTITY = "file"
#: How far back the audit trail is searched for a file the program wrote.
_LOOKBACK = 20_000


class OutputExistsError(ValidationError):
    """The target exists and the program did not write it: overwrite only when asked (``force``)."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message, {"path": "文件已存在"})
        self.path = path


def _database_files(db: Database) -> set[Path]:
    if db.path is None:
        return set()
    base = db.path.resolve()
    return {base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))}


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def sha256_of(path: Path) -> str | None:
    """The SHA-256 of a file, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def written_by_program(db: Database, path: Path) -> bool:
    """Whether ``path`` still holds exactly the bytes an export of this program wrote there."""
    digest = sha256_of(path)
    if digest is None:
        return False
    key = str(path.resolve())
    with db.session(write=False) as s:
        entries = s.scalars(select(AuditEntry.after).where(AuditEntry.entity == FILE_ENTITY)
                            .order_by(AuditEntry.id.desc()).limit(_LOOKBACK))
        return any(isinstance(a, dict) and a.get("path") == key and a.get("sha256") == digest for a in entries)


def check_target(db: Database, target: str | os.PathLike[str], *, suffixes: tuple[str, ...], what: str,
                 force: bool = False) -> Path:
    """Check where an export is to be written; returns the absolute path.

    Args:
        suffixes: the extensions allowed (lower case, with the dot), the first one named in
            the refusal.
        what: the kind of file as the clerk calls it (日历文件, Excel 文件).
        force: replace an existing file the program did not write (the clerk confirmed).

    Raises:
        ValidationError: wrong extension, missing or unwritable folder, a folder given,
            the open database or another database file.
        OutputExistsError: a file the program did not write is there and ``force`` is False.
    """
    text = os.fspath(target)
    if not text.strip() or "\x00" in text:
        raise ValidationError(msg("请给出{what}的保存位置", what=what), {"path": msg("必填")})
    if text_problem(text):
        raise ValidationError(msg("{what}的文件名含有控制字符或无法识别的字符：{shown}", what=what, shown=shown(text)), {"path": msg("文件名不正确")})
    path = Path(text).expanduser().absolute()
    if path.is_dir():
        raise ValidationError(msg("这是一个文件夹，不能作为{what}：{path}", what=what, path=path), {"path": msg("是文件夹")})
    # The database's own files are refused by name, even a -wal or -shm not there at this
    # moment: SQLite creates them while the program runs.
    if path.resolve() in _database_files(db) or (
            (path.exists() or path.is_symlink()) and _is_sqlite(path.resolve())):
        raise ValidationError(msg("这是一个数据库文件，不能用作{what}，未作任何改动：{path}", what=what, path=path), {"path": msg("是数据库")})
    if path.suffix.lower() not in suffixes:
        raise ValidationError(msg("{what}的文件名应以 {suffixes} 结尾：{name}", what=what, suffixes=suffixes[0], name=path.name), {"path": msg("扩展名不对")})
    if not path.parent.is_dir():
        raise ValidationError(msg("文件夹不存在：{parent}", parent=path.parent), {"path": msg("文件夹不存在")})
    if not os.access(path.parent, os.W_OK):
        raise ValidationError(msg("无法写入这个文件夹（只读或没有权限）：{parent}", parent=path.parent), {"path": msg("无法写入")})
    if path.exists() or path.is_symlink():
        resolved = path.resolve()
        if not resolved.is_file():
            raise ValidationError(msg("这不是一个普通文件，不能覆盖：{path}", path=path), {"path": msg("不是文件")})
        if not force and not written_by_program(db, resolved):
            raise OutputExistsError(
                msg("文件已存在，且不是本程序写出的：{path}；换一个文件名，或确认要覆盖（命令行加 --force）", path=path), path)
    return path


def write(db: Database, path: Path, data: bytes, *, action: str, summary: str, entity: str = FILE_ENTITY,
          entity_id: int | None = None) -> Path:
    """Write ``data`` to ``path`` atomically and record it (path and SHA-256) in the audit trail.

    ``path`` must have passed :func:`check_target`.

    Raises:
        ValidationError: the file cannot be written (nothing is left half-written).
    """
    try:
        files.write_atomic(path, data)
    except OSError as exc:
        raise ValidationError(msg("无法写入文件 {path}：{value}", path=path, value=exc.strerror or exc), {"path": msg("无法写入")}) from exc
    digest = hashlib.sha256(data).hexdigest()
    with db.session() as s:
        audit.record(s, db.actor, action, FILE_ENTITY, entity_id, summary,
                     after={"path": str(path.resolve()), "sha256": digest, "about": entity})
    return path

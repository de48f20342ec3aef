"""Moving every row between databases: portable dumps, copies to a server, checksums that prove them.

A dump is a ZIP file that any workstation can write and read without server tools
(``pg_dump`` is not needed): ``manifest.json`` (format, schema revision, program version,
and per table the column names, row count and SHA-256) and one ``tables/<name>.jsonl`` per
table, one JSON array per row in primary-key order. Values are encoded by column type —
dates and times in ISO form, binary in Base64, JSON as JSON — so SQLite and PostgreSQL read
them back alike, and the same encoding gives the per-table checksums that a copy or a
restore is verified against.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tribunal.db import search
from tribunal.errors import DatabaseError

DUMP_FORMAT = "tribunal-dump"
DUMP_FORMAT_VERSION = 1
MANIFEST = "manifest.json"
#: Tables that describe the schema, not the data: Alembic's stamp is written by the migration.
SKIPPED_TABLES = frozenset({"alembic_version"}) | search.CASE_SEARCH_TABLES
#: Rows a fresh schema already holds (the audit key made by a migration); replaced on load.
REPLACED_TABLES = frozenset({"database_meta"})
#: A dump's manifest and each table file are refused above these sizes (a ZIP bomb is no dump).
MAX_MANIFEST_BYTES = 5 * 1024 * 1024
MAX_ROW_BYTES = 64 * 1024 * 1024
_BATCH = 1000


@dataclass
class TableSum:
    """How many rows a table holds and the SHA-256 of their encoded values."""

    rows: int = 0
    sha256: str = ""


@dataclass
class Manifest:
    """The head of a dump: what it holds and how to check it."""

    revision: str
    program_version: str
    created_at: str
    source: str
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"format": DUMP_FORMAT, "format_version": DUMP_FORMAT_VERSION, "revision": self.revision,
                "program_version": self.program_version, "created_at": self.created_at,
                "source": self.source, "tables": self.tables}


# ---------------------------------------------------------------- values


def _encode(value: Any, type_: sa.types.TypeEngine[Any]) -> Any:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(type_, sa.Boolean):
        return bool(value)
    return value


def _decoder(type_: sa.types.TypeEngine[Any]) -> Callable[[Any], Any]:
    if isinstance(type_, sa.LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v)
    if isinstance(type_, sa.DateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if isinstance(type_, sa.Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if isinstance(type_, sa.Boolean):
        return lambda v: None if v is None else bool(v)
    return lambda v: v


def _line(values: list[Any]) -> bytes:
    return (json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


# ---------------------------------------------------------------- reading a live database


def reflect(conn: Connection) -> sa.MetaData:
    """The tables as they are in this database (any schema revision)."""
    meta = sa.MetaData()
    # The search index is derived from the cases (and SQLite's own virtual tables): never data.
    meta.reflect(conn, only=lambda name, _meta: name not in search.CASE_SEARCH_TABLES)
    return meta


def data_tables(meta: sa.MetaData) -> list[sa.Table]:
    """Tables holding data, parents before children (the order rows can be inserted in)."""
    return [t for t in meta.sorted_tables if t.name not in SKIPPED_TABLES]


def _ordered(table: sa.Table) -> sa.Select[Any]:
    keys = list(table.primary_key.columns) or list(table.columns)
    return sa.select(*table.columns).order_by(*keys)


def encoded_rows(conn: Connection, table: sa.Table) -> Iterator[list[Any]]:
    """Every row of ``table`` in primary-key order, each value encoded for JSON."""
    types = [c.type for c in table.columns]
    # Options on the statement, not the connection: Connection.execution_options() changes the
    # connection itself, and a server-side cursor would then wrap every later DELETE too.
    result = conn.execute(_ordered(table).execution_options(stream_results=True, yield_per=_BATCH))
    for row in result:
        yield [_encode(v, t) for v, t in zip(row, types, strict=True)]


def checksums(conn: Connection, meta: sa.MetaData | None = None) -> dict[str, TableSum]:
    """Row count and SHA-256 of every data table (the fingerprint a copy must reproduce)."""
    meta = meta or reflect(conn)
    sums: dict[str, TableSum] = {}
    for table in data_tables(meta):
        digest = hashlib.sha256()
        count = 0
        for values in encoded_rows(conn, table):
            digest.update(_line(values))
            count += 1
        sums[table.name] = TableSum(count, digest.hexdigest())
    return sums


def row_counts(conn: Connection, meta: sa.MetaData | None = None) -> dict[str, int]:
    """Rows per data table (cheap: ``count(*)``, for what a backup or restore reports)."""
    meta = meta or reflect(conn)
    return {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
            for t in data_tables(meta)}


def has_data(conn: Connection) -> list[str]:
    """Tables that hold rows (the schema's own bookkeeping not counted)."""
    meta = reflect(conn)
    full = []
    for table in data_tables(meta):
        if table.name in REPLACED_TABLES:
            continue
        if conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first() is not None:
            full.append(table.name)
    return full


# ---------------------------------------------------------------- dumps


def write_dump(conn: Connection, target: Path, *, revision: str, program_version: str, source: str) -> Manifest:
    """Write every row of the database behind ``conn`` into a dump file at ``target``.

    The ZIP is written to a temporary name and renamed when complete.
    """
    meta = reflect(conn)
    manifest = Manifest(revision=revision, program_version=program_version,
                        created_at=dt.datetime.now().isoformat(timespec="seconds"), source=source)
    temp = target.with_name(f".{target.name}.partial")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for table in data_tables(meta):
                digest = hashlib.sha256()
                count = 0
                with zf.open(f"tables/{table.name}.jsonl", "w", force_zip64=True) as out:
                    for values in encoded_rows(conn, table):
                        line = _line(values)
                        out.write(line)
                        digest.update(line)
                        count += 1
                manifest.tables[table.name] = {"columns": [c.name for c in table.columns], "rows": count,
                                               "sha256": digest.hexdigest()}
            zf.writestr(MANIFEST, json.dumps(manifest.as_json(), ensure_ascii=False, indent=1))
        with temp.open("rb") as fh:
            import os

            os.fsync(fh.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return manifest


class Dump:
    """A dump file opened for reading; refuses what is not one, or a damaged one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise DatabaseError(f"这不是 Tribunal 的备份文件（无法作为 ZIP 读取）：{path}") from exc
        try:
            info = self._zip.getinfo(MANIFEST)
        except KeyError:
            self._zip.close()
            raise DatabaseError(f"这不是 Tribunal 的备份文件（缺少 {MANIFEST}）：{path}") from None
        if info.file_size > MAX_MANIFEST_BYTES:
            self._zip.close()
            raise DatabaseError(f"备份文件的说明部分异常地大，拒绝读取：{path}")
        try:
            data = json.loads(self._zip.read(MANIFEST))
        except (ValueError, zipfile.BadZipFile, RecursionError) as exc:
            self._zip.close()
            raise DatabaseError(f"备份文件已损坏（说明部分无法读取）：{path}") from exc
        if not isinstance(data, dict) or data.get("format") != DUMP_FORMAT:
            self._zip.close()
            raise DatabaseError(f"这不是 Tribunal 的备份文件：{path}")
        if data.get("format_version") != DUMP_FORMAT_VERSION:
            self._zip.close()
            raise DatabaseError(f"备份文件的格式版本（{data.get('format_version')}）不是本程序能读的，"
                                f"请安装更新版本的 Tribunal：{path}")
        tables = data.get("tables")
        if not isinstance(tables, dict) or not isinstance(data.get("revision"), str):
            self._zip.close()
            raise DatabaseError(f"备份文件已损坏（说明部分不完整）：{path}")
        self.manifest = Manifest(revision=data["revision"], program_version=str(data.get("program_version", "")),
                                 created_at=str(data.get("created_at", "")), source=str(data.get("source", "")),
                                 tables=tables)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Dump:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, table: str) -> Iterator[list[Any]]:
        """The encoded rows of one table, checked against the manifest's count and SHA-256."""
        entry = self.manifest.tables.get(table)
        if entry is None:
            return
        digest = hashlib.sha256()
        count = 0
        try:
            with self._zip.open(f"tables/{table}.jsonl") as fh:
                for line in fh:
                    if len(line) > MAX_ROW_BYTES:
                        raise DatabaseError(f"备份文件中表 {table} 有异常的超长记录，拒绝读取")
                    digest.update(line)
                    count += 1
                    values = json.loads(line)
                    if not isinstance(values, list):
                        raise DatabaseError(f"备份文件中表 {table} 的第 {count} 行已损坏")
                    yield values
        except (zipfile.BadZipFile, KeyError, ValueError, EOFError, RecursionError) as exc:
            raise DatabaseError(f"备份文件已损坏（表 {table} 无法读取）：{exc}") from exc
        if count != entry.get("rows") or digest.hexdigest() != entry.get("sha256"):
            raise DatabaseError(f"备份文件已损坏：表 {table} 的内容与校验值不符（{count} 行）")


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class Source:
    """Where rows come from: the table names in order and, per table, its column names and rows."""

    tables: list[str]
    columns: Callable[[str], list[str]]
    rows: Callable[[str], Iterable[list[Any]]]


def dump_source(dump: Dump) -> Source:
    return Source(list(dump.manifest.tables), lambda t: list(dump.manifest.tables[t]["columns"]), dump.rows)


def connection_source(conn: Connection) -> Source:
    meta = reflect(conn)
    tables = {t.name: t for t in data_tables(meta)}
    return Source(list(tables), lambda t: [c.name for c in tables[t].columns],
                  lambda t: encoded_rows(conn, tables[t]))


def load(conn: Connection, source: Source, *, progress: Callable[[str, int], None] | None = None,
         sums: dict[str, TableSum] | None = None) -> dict[str, int]:
    """Insert every row of ``source`` into the empty schema behind ``conn``; returns rows per table.

    The caller runs this inside one transaction: a refusal half-way leaves the target empty.
    A column that points at its own table (a postponed hearing's predecessor) is filled in a
    second pass, so the order of the rows does not matter. Text longer than a server column
    allows is refused with the table, row and column named, instead of PostgreSQL's error.

    Args:
        sums: filled with each table's row count and SHA-256 as read from the source, in the
            same pass — what the target must reproduce (see :func:`checksums`).

    Raises:
        DatabaseError: a table or column of the source is unknown to the target, a value does
            not fit, or the source is damaged.
    """
    meta = reflect(conn)
    targets = {t.name: t for t in data_tables(meta)}
    unknown = [t for t in source.tables if t not in targets and t not in SKIPPED_TABLES]
    if unknown:
        raise DatabaseError(f"目标数据库没有这些表：{'、'.join(unknown)}（结构版本不一致）")
    counts: dict[str, int] = {}
    for table in data_tables(meta):
        if table.name not in source.tables:
            continue
        if table.name in REPLACED_TABLES:
            conn.execute(table.delete())
        columns = source.columns(table.name)
        missing = [c for c in columns if c not in table.c]
        if missing:
            raise DatabaseError(f"目标数据库的表 {table.name} 没有这些列：{'、'.join(missing)}（结构版本不一致）")
        decoders = [_decoder(table.c[c].type) for c in columns]
        lengths = [getattr(table.c[c].type, "length", None) if isinstance(table.c[c].type, sa.String) else None
                   for c in columns]
        self_refs = [c for c in columns
                     if any(fk.column.table.name == table.name for fk in table.c[c].foreign_keys)]
        keys = [c.name for c in table.primary_key.columns]
        later: list[dict[str, Any]] = []
        batch: list[dict[str, Any]] = []
        digest = hashlib.sha256()
        n = 0
        for values in source.rows(table.name):
            n += 1
            digest.update(_line(values))
            if len(values) != len(columns):
                raise DatabaseError(f"表 {table.name} 第 {n} 行的列数不对，数据已损坏")
            row = {}
            for name, value, decode, length in zip(columns, values, decoders, lengths, strict=True):
                if length is not None and isinstance(value, str) and len(value) > length:
                    raise DatabaseError(f"表 {table.name} 第 {n} 行的 {name} 有 {len(value)} 个字，"
                                        f"超过服务器数据库允许的 {length} 个字；请先在程序中改短后再复制")
                try:
                    row[name] = decode(value)
                except (ValueError, TypeError) as exc:
                    raise DatabaseError(f"表 {table.name} 第 {n} 行的 {name} 无法读取：{exc}") from exc
            if self_refs and any(row[c] is not None for c in self_refs):
                later.append({**{k: row[k] for k in keys}, **{c: row[c] for c in self_refs}})
                row.update(dict.fromkeys(self_refs))
            batch.append(row)
            if len(batch) >= _BATCH:
                conn.execute(table.insert(), batch)
                batch = []
            if progress is not None and n % 10_000 == 0:
                progress(table.name, n)
        if batch:
            conn.execute(table.insert(), batch)
        for link in later:
            where = sa.and_(*(table.c[k] == link[k] for k in keys))
            conn.execute(table.update().where(where).values({c: link[c] for c in self_refs}))
        counts[table.name] = n
        if sums is not None:
            sums[table.name] = TableSum(n, digest.hexdigest())
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn, meta)
    return counts


def _reset_sequences(conn: Connection, meta: sa.MetaData) -> None:
    """After explicit ids were inserted, the next id a server hands out follows the highest one."""
    for table in data_tables(meta):
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, sa.Integer):
            continue
        sequence = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": table.name, "c": keys[0].name}).scalar()
        if sequence:
            conn.execute(sa.text(f"SELECT setval(:s, COALESCE((SELECT MAX({keys[0].name}) FROM {table.name}), 1), "
                                 f"(SELECT MAX({keys[0].name}) FROM {table.name}) IS NOT NULL)"), {"s": sequence})

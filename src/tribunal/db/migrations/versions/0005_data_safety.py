"""data safety: version counters, masked audit trail, served documents, database facts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 16:40:00

* ``version`` on every record a clerk edits (SQLAlchemy's version counter: no lost updates);
* ``audit_entry.entity_version`` (what a refused stale save lists);
* amounts in fen as 64-bit integers (PostgreSQL's ``integer`` stops at 21,474,836.47 yuan);
* ``document_blob`` (the bytes of documents served on parties, readable on every workstation);
* ``database_meta`` (the audit trail's HMAC key, the program version that upgraded the schema);
* old text cleaned of NUL and control characters (PostgreSQL refuses NUL; a copy to a server
  would fail) and of direction overrides;
* ID and phone numbers in existing audit entries masked;
* triggers that refuse UPDATE and DELETE on ``audit_entry``.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from tribunal.domain.audit_masking import mask_entry, mask_free_text
from tribunal.domain.inputs import BIDI_CONTROLS

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "setting", "zone", "circuit_tribunal", "enterprise", "room", "staff", "arbitration_case",
    "hearing", "observer", "case_participant", "invitation", "training_topic", "training_session",
)

_MULTILINE_KEYS = {"notes", "note", "reason", "status_reason", "legal_basis", "summary"}
_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("entity_version", sa.Integer(), nullable=True))
    # Amounts in fen past 21,474,836.47 yuan do not fit PostgreSQL's 32-bit integer.
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.alter_column("amount_fen", existing_type=sa.Integer(), type_=sa.BigInteger())
        batch_op.alter_column("awarded_fen", existing_type=sa.Integer(), type_=sa.BigInteger())
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.alter_column("claim_total_fen", existing_type=sa.Integer(), type_=sa.BigInteger(),
                              existing_nullable=False)
    op.create_table(
        "document_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_document_blob")),
    )
    op.create_table(
        "database_meta",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_database_meta")),
    )
    bind = op.get_bind()
    key = secrets.token_hex(32)
    bind.execute(sa.text("INSERT INTO database_meta (key, value) VALUES ('audit_key', :v)"), {"v": key})
    _clean_text(bind)
    _mask_audit(bind, bytes.fromhex(key))
    _protect_audit(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry"))
        bind.execute(sa.text("DROP FUNCTION IF EXISTS audit_entry_append_only()"))
    else:
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_entry_no_update"))
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))
    op.drop_table("database_meta")
    op.drop_table("document_blob")
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.alter_column("claim_total_fen", existing_type=sa.BigInteger(), type_=sa.Integer(),
                              existing_nullable=False)
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.alter_column("amount_fen", existing_type=sa.BigInteger(), type_=sa.Integer())
        batch_op.alter_column("awarded_fen", existing_type=sa.BigInteger(), type_=sa.Integer())
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("entity_version")
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")


def _cleaned(value: str, multiline: bool) -> str:
    out = []
    for ch in value.translate(_BIDI):
        code = ord(ch)
        if ch == "\x00" or 0xD800 <= code <= 0xDFFF:
            continue
        if code < 0x20 or 0x7F <= code <= 0x9F:
            if ch == "\t" or (multiline and ch in "\r\n"):
                out.append(ch)
            else:
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def _needs_cleaning(value: str) -> bool:
    return any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in BIDI_CONTROLS or 0xD800 <= ord(ch) <= 0xDFFF
               for ch in value)


def _clean_text(bind: sa.Connection) -> None:
    """Remove NUL, control characters and direction overrides stored by earlier versions."""
    inspector = sa.inspect(bind)
    fixed = 0
    for table in inspector.get_table_names():
        if table in ("alembic_version", "audit_entry", "database_meta", "document_blob"):
            continue
        pk = inspector.get_pk_constraint(table)["constrained_columns"]
        columns = [c for c in inspector.get_columns(table) if isinstance(c["type"], sa.String)]
        if not pk or not columns:
            continue
        names = [c["name"] for c in columns]
        multiline = {c["name"] for c in columns if isinstance(c["type"], sa.Text) or c["name"] in _MULTILINE_KEYS}
        select = sa.text(f"SELECT {', '.join(pk + names)} FROM {table}")
        for row in bind.execute(select).mappings():
            changes = {n: _cleaned(row[n], n in multiline) for n in names
                       if isinstance(row[n], str) and _needs_cleaning(row[n])}
            changes = {n: v for n, v in changes.items() if v != row[n]}
            if not changes:
                continue
            where = " AND ".join(f"{c} = :pk_{c}" for c in pk)
            sets = ", ".join(f"{n} = :{n}" for n in changes)
            bind.execute(sa.text(f"UPDATE {table} SET {sets} WHERE {where}"),
                         {**changes, **{f"pk_{c}": row[c] for c in pk}})
            fixed += 1
    if fixed:
        bind.execute(
            sa.text("INSERT INTO audit_entry (at, actor, action, entity, summary) "
                    "VALUES (:at, 'tribunal', 'database.clean_text', 'database', :s)"),
            {"at": dt.datetime.now().replace(microsecond=0),
             "s": f"升级数据库时清除了 {fixed} 条记录中的空字符、控制字符或文字方向控制符"},
        )


def _load(value: Any) -> Any:
    if value is None or isinstance(value, dict | list):
        return value
    return json.loads(value)


def _mask_audit(bind: sa.Connection, key: bytes) -> None:
    """Mask the ID and phone numbers kept in earlier audit entries' before/after values."""
    rows = bind.execute(sa.text('SELECT id, summary, "before", "after" FROM audit_entry')).all()
    update = sa.text('UPDATE audit_entry SET summary = :s, "before" = :b, "after" = :a WHERE id = :id').bindparams(
        sa.bindparam("b", type_=sa.JSON(none_as_null=True)), sa.bindparam("a", type_=sa.JSON(none_as_null=True)))
    for entry_id, summary, before, after in rows:
        raw_before, raw_after = _load(before), _load(after)
        masked_before, masked_after = mask_entry(raw_before, raw_after, key)
        new_summary = mask_free_text(summary or "")
        if (masked_before, masked_after, new_summary) == (raw_before, raw_after, summary or ""):
            continue
        bind.execute(update, {"s": new_summary, "b": masked_before, "a": masked_after, "id": entry_id})


def _protect_audit(bind: sa.Connection) -> None:
    """The database itself refuses to change or delete an audit entry."""
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(
            "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'audit entries cannot be changed or deleted'; END $$"))
        bind.execute(sa.text(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"))
    else:
        bind.execute(sa.text(
            "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed or deleted'); END"))
        bind.execute(sa.text(
            "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed or deleted'); END"))

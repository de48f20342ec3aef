"""clock history: every change to a case's time limit as a dated event; period rule confirmations

The suspensions (case_suspension), the extension (arbitration_case.extension_approved*) and the
one re-count (arbitration_case.clock_restart_*) become rows of clock_event, with who entered them
and when as far as the audit trail tells; the old table and columns are dropped, so the events
are the one source of the clock. period_rule_check holds the commission's confirmations of the
period rules against the official texts.

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-10 09:00:00.000000
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Who entered an event the audit trail does not name (an import, a direct database write).
UNKNOWN_ACTOR = "升级前登记（登记人不详）"

# The suspension grounds as the program offered them before this revision (label → code).
_GROUNDS = {
    "劳动者一方当事人死亡，需要等待继承人表明是否参加仲裁": "death",
    "劳动者一方当事人丧失民事行为能力，尚未确定法定代理人参加仲裁": "incapacity",
    "用人单位终止，尚未确定权利义务承继者": "employer_ended",
    "一方当事人因不可抗拒的事由，不能参加仲裁": "force_majeure",
    "案件审理需要以其他案件的审理结果为依据，且其他案件尚未审结": "other_case",
    "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论": "appraisal",
    "其他需要中止仲裁审理的情形": "other",
    "公告送达期间": "public_notice",
}
_RECOUNT_CODE = re.compile(r"^\s*[（(]\s*([一二三四五六七1-7])\s*[)）]\s*")
_DIGITS = dict(zip("1234567", "一二三四五六七", strict=True))

_case = sa.table(
    "arbitration_case",
    sa.column("id", sa.Integer), sa.column("extension_approved", sa.Boolean),
    sa.column("extension_approved_by", sa.String), sa.column("extension_approved_on", sa.Date),
    sa.column("clock_restart_date", sa.Date), sa.column("clock_restart_reason", sa.String),
    sa.column("accepted_date", sa.Date), sa.column("received_date", sa.Date),
)
_suspension = sa.table(
    "case_suspension",
    sa.column("id", sa.Integer), sa.column("case_id", sa.Integer), sa.column("start_date", sa.Date),
    sa.column("end_date", sa.Date), sa.column("reason", sa.String),
)
_audit = sa.table(
    "audit_entry",
    sa.column("id", sa.Integer), sa.column("at", sa.DateTime), sa.column("actor", sa.String),
    sa.column("action", sa.String), sa.column("entity", sa.String), sa.column("entity_id", sa.Integer),
    sa.column("before", sa.JSON), sa.column("after", sa.JSON),
)


def _create_tables() -> None:
    op.create_table(
        "clock_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("ground", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("party_name", sa.String(length=200), nullable=True),
        sa.Column("document", sa.String(length=60), nullable=True),
        sa.Column("approved_by", sa.String(length=60), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("entered_by", sa.String(length=60), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=60), nullable=True),
        sa.Column("withdrawn_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["arbitration_case.id"],
                                name=op.f("fk_clock_event_case_id_arbitration_case"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_clock_event_party_id_party"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["ref_id"], ["clock_event.id"], name=op.f("fk_clock_event_ref_id_clock_event"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_event")),
    )
    with op.batch_alter_table("clock_event", schema=None) as batch_op:
        batch_op.create_index("ix_clock_event_case_date", ["case_id", "event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_clock_event_ref_id"), ["ref_id"], unique=False)
    op.create_table(
        "period_rule_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_key", sa.String(length=40), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("basis", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("confirmed_by", sa.String(length=60), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=60), nullable=True),
        sa.Column("withdrawn_reason", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_rule_check")),
    )
    with op.batch_alter_table("period_rule_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_rule_check_rule_key"), ["rule_key"], unique=False)


def _entries(bind: Any, action: str) -> dict[int, list[Any]]:
    """The audit entries of one clock action, by case id, oldest first."""
    out: dict[int, list[Any]] = {}
    rows = bind.execute(sa.select(_audit.c.at, _audit.c.actor, _audit.c.before, _audit.c.after, _audit.c.entity_id)
                        .where(_audit.c.action == action, _audit.c.entity == "case")
                        .order_by(_audit.c.id)).all()
    for row in rows:
        if row.entity_id is not None:
            out.setdefault(row.entity_id, []).append(row)
    return out


def _suspension_id(value: Any) -> Any:
    return value.get("suspension", {}).get("id") if isinstance(value, dict) else None


def _who(row: Any | None, now: dt.datetime) -> tuple[str, dt.datetime]:
    if row is None:
        return UNKNOWN_ACTOR, now
    return (str(row.actor)[:60] or UNKNOWN_ACTOR), row.at or now


def _migrate_data() -> None:
    bind = op.get_bind()
    now = dt.datetime.now().replace(microsecond=0)
    event = sa.table(
        "clock_event", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer), sa.column("kind", sa.String),
        sa.column("event_date", sa.Date), sa.column("ground", sa.String), sa.column("detail", sa.String),
        sa.column("ref_id", sa.Integer), sa.column("approved_by", sa.String), sa.column("end_date", sa.Date),
        sa.column("entered_by", sa.String), sa.column("entered_at", sa.DateTime),
    )
    suspended = _entries(bind, "clock.suspend")
    resumed = _entries(bind, "clock.resume")
    extended = _entries(bind, "clock.extend")
    recounted = _entries(bind, "clock.recount")

    def insert(row: dict[str, Any]) -> int:
        return int(bind.execute(sa.insert(event).values(**row).returning(event.c.id)).scalar_one())

    for sid, case_id, start, end, reason in bind.execute(
            sa.select(_suspension.c.id, _suspension.c.case_id, _suspension.c.start_date, _suspension.c.end_date,
                      _suspension.c.reason).order_by(_suspension.c.id)).all():
        label, _, detail = str(reason).partition("：")
        ground = _GROUNDS.get(label.strip(), "")
        if not ground:  # the clerk's own words: kept whole
            detail = str(reason)
        start_entry = next((r for r in suspended.get(case_id, []) if _suspension_id(r.after) == sid), None)
        by, at = _who(start_entry, now)
        first = insert({"case_id": case_id, "kind": "suspension", "event_date": start, "ground": ground,
                        "detail": detail.strip()[:200] or None, "ref_id": None, "approved_by": None,
                        "end_date": end, "entered_by": by, "entered_at": at})
        if end is not None:
            end_entry = next((r for r in resumed.get(case_id, []) if _suspension_id(r.before) == sid), start_entry)
            by, at = _who(end_entry, now)
            insert({"case_id": case_id, "kind": "suspension_end", "event_date": end, "ground": "", "detail": None,
                    "ref_id": first, "approved_by": None, "end_date": None, "entered_by": by, "entered_at": at})

    for row in bind.execute(sa.select(_case).where(
            sa.or_(_case.c.extension_approved.is_(True), _case.c.clock_restart_date.is_not(None)))).all():
        if row.extension_approved:
            entry = (extended.get(row.id) or [None])[-1]
            by, at = _who(entry, now)
            on = row.extension_approved_on or row.accepted_date or row.received_date
            insert({"case_id": row.id, "kind": "extension", "event_date": on, "ground": "",
                    "detail": None if row.extension_approved_on else "升级前的记录未写明批准日期",
                    "ref_id": None, "approved_by": row.extension_approved_by, "end_date": None,
                    "entered_by": by, "entered_at": at})
        if row.clock_restart_date is not None:
            text = str(row.clock_restart_reason or "")
            match = _RECOUNT_CODE.match(text)
            code = _DIGITS.get(match.group(1), match.group(1)) if match else ""
            detail = text[match.end():] if match else text
            label_end = detail.find("：")
            if match and label_end >= 0:
                detail = detail[label_end + 1:]
            elif match:
                detail = ""
            entry = next((r for r in reversed(recounted.get(row.id, []))
                          if isinstance(r.after, dict)
                          and r.after.get("clock_restart_date") == row.clock_restart_date.isoformat()), None)
            by, at = _who(entry, now)
            insert({"case_id": row.id, "kind": "recount", "event_date": row.clock_restart_date, "ground": code,
                    "detail": detail.strip()[:200] or None, "ref_id": None, "approved_by": None,
                    "end_date": None, "entered_by": by, "entered_at": at})


def upgrade() -> None:
    _create_tables()
    _migrate_data()
    with op.batch_alter_table("case_suspension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_suspension_case_id"))
    op.drop_table("case_suspension")
    _drop_case_columns("clock_restart_reason", "clock_restart_date", "extension_approved_on",
                       "extension_approved_by", "extension_approved")


def _drop_case_columns(*names: str) -> None:
    """Drop columns of arbitration_case without copying the table.

    Batch mode would rebuild the table on SQLite, and dropping the old one with foreign keys
    on would cascade to every party, claim, hearing and clock event of every case. SQLite
    (3.35 and later) drops an unindexed column in place; an older SQLite refuses, and the
    upgrade is then undone as a whole (the backup stays beside the file).
    """
    bind = op.get_bind()
    for name in names:
        if bind.dialect.name == "sqlite":
            op.execute(f'ALTER TABLE arbitration_case DROP COLUMN "{name}"')
        else:
            op.drop_column("arbitration_case", name)


def downgrade() -> None:
    """Back to one re-count, one extension and plain intervals: the latest of each is kept."""
    # Plain ADD COLUMN, not batch mode: rebuilding arbitration_case would cascade (see upgrade).
    op.add_column("arbitration_case", sa.Column("extension_approved", sa.Boolean(), nullable=False,
                                                server_default=sa.false()))
    op.add_column("arbitration_case", sa.Column("extension_approved_by", sa.String(length=60), nullable=True))
    op.add_column("arbitration_case", sa.Column("extension_approved_on", sa.Date(), nullable=True))
    op.add_column("arbitration_case", sa.Column("clock_restart_date", sa.Date(), nullable=True))
    op.add_column("arbitration_case", sa.Column("clock_restart_reason", sa.String(length=200), nullable=True))
    op.create_table(
        "case_suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["arbitration_case.id"],
                                name=op.f("fk_case_suspension_case_id_arbitration_case"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_suspension")),
    )
    with op.batch_alter_table("case_suspension", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_suspension_case_id"), ["case_id"], unique=False)
    bind = op.get_bind()
    event = sa.table("clock_event", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
                     sa.column("kind", sa.String), sa.column("event_date", sa.Date), sa.column("ground", sa.String),
                     sa.column("detail", sa.String), sa.column("approved_by", sa.String),
                     sa.column("end_date", sa.Date), sa.column("withdrawn_at", sa.DateTime))
    labels = {code: label for label, code in _GROUNDS.items()}
    rows = bind.execute(sa.select(event).where(event.c.withdrawn_at.is_(None))
                        .order_by(event.c.event_date, event.c.id)).all()
    for row in rows:
        if row.kind in ("suspension", "public_notice"):
            start = row.event_date + dt.timedelta(days=1) if row.kind == "public_notice" else row.event_date
            label = labels.get(row.ground, "公告送达期间" if row.kind == "public_notice" else "")
            reason = "：".join(x for x in (label, row.detail or "") if x) or "中止审理"
            bind.execute(sa.insert(_suspension).values(case_id=row.case_id, start_date=start,
                                                       end_date=row.end_date, reason=reason[:200]))
        elif row.kind == "extension":
            bind.execute(sa.update(_case).where(_case.c.id == row.case_id).values(
                extension_approved=True, extension_approved_by=row.approved_by,
                extension_approved_on=row.event_date))
        elif row.kind == "recount":
            text = f"（{row.ground}）" + (f"：{row.detail}" if row.detail else "") if row.ground else row.detail or ""
            bind.execute(sa.update(_case).where(_case.c.id == row.case_id).values(
                clock_restart_date=row.event_date, clock_restart_reason=text[:200] or None))
    with op.batch_alter_table("period_rule_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_rule_check_rule_key"))
    op.drop_table("period_rule_check")
    with op.batch_alter_table("clock_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clock_event_ref_id"))
        batch_op.drop_index("ix_clock_event_case_date")
    op.drop_table("clock_event")

"""hearing records (庭审笔录) and their kept versions

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-14 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hearing_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["hearing_id"], ["hearing.id"], name=op.f("fk_hearing_record_hearing_id_hearing"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing_record")),
        sa.UniqueConstraint("hearing_id", name=op.f("uq_hearing_record_hearing_id")),
    )
    op.create_table(
        "hearing_record_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["hearing_record.id"],
                                name=op.f("fk_hearing_record_version_record_id_hearing_record"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing_record_version")),
    )
    with op.batch_alter_table("hearing_record_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hearing_record_version_record_id"), ["record_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hearing_record_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hearing_record_version_record_id"))
    op.drop_table("hearing_record_version")
    op.drop_table("hearing_record")

"""wage parameters: dated average and minimum wages and provincial work-injury tables (工资参数)

The table ships empty: the commission enters each figure with its source.

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-07 20:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wage_parameter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("area", sa.String(length=60), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("entered_by", sa.String(length=60), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=60), nullable=True),
        sa.Column("withdrawn_reason", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wage_parameter")),
    )
    with op.batch_alter_table("wage_parameter", schema=None) as batch_op:
        batch_op.create_index("ix_wage_parameter_lookup", ["kind", "area", "valid_from"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("wage_parameter", schema=None) as batch_op:
        batch_op.drop_index("ix_wage_parameter_lookup")
    op.drop_table("wage_parameter")

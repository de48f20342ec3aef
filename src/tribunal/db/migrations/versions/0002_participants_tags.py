"""participants, topic tags, observer id check, postponement link

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:17:28.336142
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_case_participant_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_case_participant_enterprise_id_enterprise"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_participant")),
    )
    with op.batch_alter_table("case_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_participant_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_participant_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_participant_name"), ["name"], unique=False)

    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("postponed_from_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_hearing_postponed_from_id"), ["postponed_from_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_hearing_postponed_from_id_hearing"),
            "hearing",
            ["postponed_from_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("observer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("id_verified", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    with op.batch_alter_table("training_topic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("tags", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("training_topic", schema=None) as batch_op:
        batch_op.drop_column("tags")

    with op.batch_alter_table("observer", schema=None) as batch_op:
        batch_op.drop_column("id_verified")

    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_hearing_postponed_from_id_hearing"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_hearing_postponed_from_id"))
        batch_op.drop_column("postponed_from_id")

    with op.batch_alter_table("case_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_participant_name"))
        batch_op.drop_index(batch_op.f("ix_case_participant_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_case_participant_case_id"))

    op.drop_table("case_participant")

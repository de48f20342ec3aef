"""closing results for the reports: result, amount agreed or awarded, mediated on site

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 16:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "result",
            sa.Enum("worker", "employer", "partly", name="caseresult", native_enum=False, length=30),
            nullable=True,
        ))
        batch_op.add_column(sa.Column("result_amount_fen", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("mediated_on_site", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.create_index("ix_case_accepted_date", ["accepted_date"], unique=False)
        batch_op.create_index("ix_case_closed_date", ["closed_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_closed_date")
        batch_op.drop_index("ix_case_accepted_date")
        batch_op.drop_column("mediated_on_site")
        batch_op.drop_column("result_amount_fen")
        batch_op.drop_column("result")

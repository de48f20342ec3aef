"""workstation settings leave the shared database; a circuit tribunal's default host enterprise

The interface language, this workstation's clerk, the official font files and the documents
folder are settings of one computer; they move to its settings file. Start-up copies them
there before this upgrade runs (tribunal.services.app._keep_workstation_settings).

circuit_tribunal.default_host_enterprise_id: where the tribunal's hearings usually sit, the
scheduling dialog's first choice of venue for its cases.

Revision ID: 0006
Revises: 0009
Create Date: 2026-12-07 19:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out (not imported from the registry): a migration must keep meaning what it meant.
WORKSTATION_KEYS = ("ui.language", "clerk.name", "documents.folder", "documents.font_fangsong",
                    "documents.font_xiaobiaosong", "documents.font_heiti", "documents.font_kaiti")


def upgrade() -> None:
    setting = sa.table("setting", sa.column("key", sa.String))
    op.execute(setting.delete().where(setting.c.key.in_(WORKSTATION_KEYS)))
    with op.batch_alter_table("circuit_tribunal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("default_host_enterprise_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_circuit_tribunal_default_host_enterprise_id_enterprise",
                                    "enterprise", ["default_host_enterprise_id"], ["id"],
                                    ondelete="SET NULL")


def downgrade() -> None:
    # The workstation values live on in each computer's settings file; an older program
    # uses its defaults.
    with op.batch_alter_table("circuit_tribunal", schema=None) as batch_op:
        batch_op.drop_constraint("fk_circuit_tribunal_default_host_enterprise_id_enterprise",
                                 type_="foreignkey")
        batch_op.drop_column("default_host_enterprise_id")

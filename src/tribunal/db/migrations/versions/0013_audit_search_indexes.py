"""audit log search: an index on the action

The 审计日志 window lists the actions present in the trail for its action filter
(``SELECT DISTINCT action``). Without an index that read the whole trail: on 100,000 entries
about seven times a bare ``count(*)`` of the table; with it, the index alone is read. See
benchmarks/audit_search.py for the figures of every filter.

Indexes only: created and dropped without rebuilding the table (whose triggers refuse any
change to an entry).

Revision ID: 0013
Revises: 0006
Create Date: 2026-12-07 22:45:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_entry_action", "audit_entry", ["action"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_action", table_name="audit_entry")

"""each case's next statutory deadline, stored for the case list

arbitration_case.next_due_date / next_due_kind: the open case's next deadline (the date and
the clock item's key), so the list shows, sorts and filters by it without computing clocks;
next_due_recheck: the day from which time alone may change it. Kept by
tribunal.services.clocks on every write; filled here for the cases already in the database.

On SQLite, the case register's search index (tribunal.db.search: an FTS5 trigram table over
case number and party names, kept in step by triggers), filled from the cases.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 22:50:00.000000
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from tribunal.db import search

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_due_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("next_due_kind", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("next_due_recheck", sa.Date(), nullable=True))
        batch_op.create_index("ix_case_next_due_date", ["next_due_date"], unique=False)
        batch_op.create_index("ix_case_next_due_recheck", ["next_due_recheck"], unique=False)
    # A statutory deadline cannot be computed in SQL: the clocks compute it (periods, the
    # legal calendar as stored in this database, every recorded event), in this transaction.
    from tribunal.services import clocks

    session = Session(bind=op.get_bind())
    try:
        clocks.store_next_deadlines(session, clocks.OPEN_CASES, dt.date.today())
    finally:
        session.close()
    if op.get_bind().dialect.name == "sqlite":
        search.create_case_search(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        search.drop_case_search(op.get_bind())
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_next_due_recheck")
        batch_op.drop_index("ix_case_next_due_date")
        batch_op.drop_column("next_due_recheck")
        batch_op.drop_column("next_due_kind")
        batch_op.drop_column("next_due_date")

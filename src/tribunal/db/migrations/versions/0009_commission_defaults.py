"""commission defaults: a database in use keeps the commission settings it relied on

Before this revision a database that never stored its commission's name, seal name, case-number
代字 or certificate pattern printed built-in defaults (one particular commission's). The
defaults are now empty and a new database is set up by the first-run wizard; a database that
already holds records gets those former defaults written as its own settings, so its notices
and numbers go on exactly as before. An empty database is left empty (the wizard asks).

Revision ID: 0009
Revises: 0012
Create Date: 2026-12-07 20:00:00.000000
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The built-in values before this revision, as each key's setting stored them (JSON).
FORMER_DEFAULTS = {
    "commission.name": "邵阳市劳动人事争议仲裁院",
    "commission.seal_text": "邵阳市劳动人事争议仲裁委员会",
    "case_number.prefix": "邵劳人仲案字",
    "certificate.number_pattern": "邵劳人仲培字〔{年}〕第{号}号",
}

#: Tables whose rows show the database was in use.
_IN_USE = ("arbitration_case", "enterprise", "staff", "zone", "circuit_tribunal")

setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.JSON),
                   sa.column("updated_at", sa.DateTime), sa.column("version", sa.Integer))


def upgrade() -> None:
    conn = op.get_bind()
    in_use = any(conn.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first() for table in _IN_USE)
    if not in_use:
        return
    stored = {row[0] for row in conn.execute(sa.select(setting.c.key))}
    now = dt.datetime.now()
    rows = [{"key": key, "value": value, "updated_at": now, "version": 1}
            for key, value in FORMER_DEFAULTS.items() if key not in stored]
    if rows:
        op.bulk_insert(setting, rows)


def downgrade() -> None:
    # The rows written here hold what the older program used as its defaults anyway.
    pass

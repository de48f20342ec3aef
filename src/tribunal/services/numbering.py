"""Gap-free case numbers per year, safe against two clerks registering at the same moment."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tribunal.db.models import CaseNumberCounter
from tribunal.domain.case_numbers import CaseNumberPattern


def allocate(session: Session, pattern: CaseNumberPattern, year: int) -> tuple[int, str]:
    """Take the next number of ``year`` inside the caller's transaction.

    The counter row is updated in place (``UPDATE … RETURNING``), which locks it until the
    transaction ends: a second writer waits, then sees the incremented value. When the
    transaction rolls back the number returns to the pool, so numbers stay gap-free.

    Returns:
        The sequence number and the formatted case number.
    """
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(CaseNumberCounter)
        .values(year=year, prefix=pattern.prefix, last_seq=0)
        .on_conflict_do_nothing(index_elements=["year", "prefix"])
    )
    seq = session.execute(
        update(CaseNumberCounter)
        .where(CaseNumberCounter.year == year, CaseNumberCounter.prefix == pattern.prefix)
        .values(last_seq=CaseNumberCounter.last_seq + 1)
        .returning(CaseNumberCounter.last_seq)
    ).scalar_one()
    return seq, pattern.format(year, seq)

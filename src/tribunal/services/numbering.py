"""Gap-free numbers per year — case numbers, certificate numbers — safe against two clerks at once."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tribunal.db.models import Case, CaseNumberCounter
from tribunal.domain.case_numbers import CaseNumberPattern, CertificatePattern
from tribunal.errors import ValidationError
from tribunal.texts import msg


def next_in_series(session: Session, series: str, year: int) -> int:
    """Take the next number of ``series`` in ``year`` inside the caller's transaction.

    The counter row is updated in place (``UPDATE … RETURNING``), which locks it until the
    transaction ends: a second writer waits, then sees the incremented value. When the
    transaction rolls back the number returns to the pool, so numbers stay gap-free.
    """
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(CaseNumberCounter)
        .values(year=year, prefix=series, last_seq=0)
        .on_conflict_do_nothing(index_elements=["year", "prefix"])
    )
    return int(session.execute(
        update(CaseNumberCounter)
        .where(CaseNumberCounter.year == year, CaseNumberCounter.prefix == series)
        .values(last_seq=CaseNumberCounter.last_seq + 1)
        .returning(CaseNumberCounter.last_seq)
    ).scalar_one())


def allocate(session: Session, pattern: CaseNumberPattern, year: int) -> tuple[int, str]:
    """Take the next case number of ``year`` inside the caller's transaction (one counter per
    prefix, see :func:`next_in_series`).

    Returns:
        The sequence number and the formatted case number.
    """
    seq = next_in_series(session, pattern.prefix, year)
    return seq, pattern.format(year, seq)


def allocate_certificate(session: Session, pattern: CertificatePattern, year: int) -> tuple[int, str]:
    """Take the next certificate number of ``year`` in ``pattern`` (one counter per pattern).

    Returns:
        The sequence number and the formatted certificate number.
    """
    seq = next_in_series(session, pattern.series, year)
    return seq, pattern.format(year, seq)


def set_next(session: Session, prefix: str, year: int, next_number: int) -> None:
    """Make ``next_number`` the next case number of ``year`` under ``prefix`` (a commission
    that starts using the program mid-year continues its paper register's numbering).

    Raises:
        ValidationError: cases of that year already reach ``next_number`` (numbers are never reused).
    """
    used = session.scalar(
        select(func.max(Case.seq)).where(Case.year == year, Case.number_prefix == prefix)) or 0
    if used >= next_number:
        raise ValidationError(msg("{year} 年已登记到第 {used} 号，下一个案号不能小于 {value}", year=year, used=used, value=used + 1),
                              {"next_number": msg("不能小于 {value}", value=used + 1)})
    counter = session.get(CaseNumberCounter, {"year": year, "prefix": prefix})
    if counter is None:
        session.add(CaseNumberCounter(year=year, prefix=prefix, last_seq=next_number - 1))
    else:
        counter.last_seq = next_number - 1

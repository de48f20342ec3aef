"""Booking locks: serialise writes that check for a clash and then book (PostgreSQL).

SQLite needs nothing here: a writing session begins with ``BEGIN IMMEDIATE`` (see
:mod:`tribunal.db.engine`), so only one writer at a time is between its check and its
insert. PostgreSQL lets two transactions run side by side, each reading the diary before the
other's insert is committed — two clerks could book the same arbitrator at the same hour.
A transaction-level advisory lock per person and room involved makes the second clerk wait
until the first commits or rolls back; its conflict check then sees the first booking
(READ COMMITTED reads what was committed before each statement).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session


class LockKind(enum.IntEnum):
    """What a lock is keyed on: the first half of PostgreSQL's two-part advisory key."""

    STAFF = 1  # an arbitrator or clerk: one hearing at a time
    ROOM = 2  # a hearing room: one hearing at a time
    HEARING_SEATS = 3  # the seats of one hearing's room: invitations may not overfill it


def lock_bookings(session: Session, keys: Iterable[tuple[LockKind, int]]) -> None:
    """Take the booking locks for ``keys`` until the session's transaction ends.

    Call it before reading what a conflict check needs. Locks are taken in sorted order so
    that two transactions wanting overlapping sets cannot deadlock. A no-op on SQLite.

    Args:
        session: a writing session (the lock lasts until its commit or rollback).
        keys: (kind, id) pairs; duplicates are ignored.
    """
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for kind, ident in sorted(set(keys)):
        # The two-int form keeps kinds apart; ids are 32-bit on this schema (ids beyond
        # int4 are refused by the input checks before they get here).
        session.execute(text("SELECT pg_advisory_xact_lock(:kind, :ident)"),
                        {"kind": int(kind), "ident": int(ident)})

"""The audit trail: who changed what, when, with the values before and after (审计记录)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry


def jsonable(value: Any) -> Any:
    """Turn dataclasses, dates and enums into JSON-safe values for the before/after columns."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def record(session: Session, actor: str, action: str, entity: str, entity_id: int | None,
           summary: str, before: Any = None, after: Any = None) -> None:
    """Add one audit entry to the session's unit of work (committed with the change itself)."""
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=summary[:300],
            before=jsonable(before) if before is not None else None,
            after=jsonable(after) if after is not None else None,
        )
    )


@dataclass(frozen=True)
class AuditRow:
    """One line of a record's history, as the history tab shows it."""

    at: dt.datetime
    actor: str
    action: str
    summary: str
    changes: list[tuple[str, Any, Any]]


def _diff(before: Any, after: Any, prefix: str = "") -> list[tuple[str, Any, Any]]:
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[tuple[str, Any, Any]] = []
        for key in sorted(set(before) | set(after)):
            out += _diff(before.get(key), after.get(key), f"{prefix}{key}.")
        return out
    if before != after:
        return [(prefix.rstrip("."), before, after)]
    return []


def history(db: Database, entity: str, entity_id: int) -> list[AuditRow]:
    """Every audit entry of one record, newest first, with the fields that changed."""
    with db.session(write=False) as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        ).all()
        return [
            AuditRow(r.at, r.actor, r.action, r.summary, _diff(r.before or {}, r.after or {}))
            for r in rows
        ]


#: Audit actions that record a look, not a change (revealing a masked number, printing a report).
_LOOKS = ("privacy.", "observer.view_id", "report.")


@dataclass(frozen=True)
class ChangesSince:
    """What the audit trail holds after a known entry: the GUI's sign of other workstations' work.

    Attributes:
        newest_id: the newest entry's id (None in an empty trail); pass it to the next call.
        entities: the kinds of record changed since ``after_id`` ("case", "hearing", …).
        others: True when some of those entries were written under another clerk's name.
    """

    newest_id: int | None
    entities: frozenset[str]
    others: bool


def changes_since(db: Database, after_id: int | None, *, limit: int = 500) -> ChangesSince:
    """The kinds of record changed after audit entry ``after_id`` (None: just note the newest).

    Cheap enough to call every few seconds: one indexed ``max(id)``, and only when that moved,
    one read of the new entries' kinds (at most ``limit`` of them; a bulk import is "enterprise"
    whether it wrote ten rows or ten thousand).
    """
    with db.session(write=False) as s:
        newest = s.scalar(select(func.max(AuditEntry.id)))
        if after_id is None or newest is None or newest <= after_id:
            return ChangesSince(newest, frozenset(), False)
        rows = s.execute(
            select(AuditEntry.entity, AuditEntry.action, AuditEntry.actor)
            .where(AuditEntry.id > after_id)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        ).all()
    changed = [r for r in rows if not r.action.startswith(_LOOKS)]
    return ChangesSince(newest, frozenset(r.entity for r in changed),
                        any(r.actor != db.actor for r in changed))


def record_version(db: Database, entity: str, entity_id: int) -> int | None:
    """The version of one record as an open editor compares it: its newest audit entry's id.

    Every change a service makes to a record writes an audit entry in the same transaction,
    so the id moves exactly when the record changed. This is the one definition of a record's
    version; a version counter on the rows can replace it here without touching the GUI.
    """
    with db.session(write=False) as s:
        return s.scalar(
            select(func.max(AuditEntry.id))
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id,
                   ~AuditEntry.action.startswith("privacy."),
                   AuditEntry.action != "observer.view_id")
        )

"""The audit trail: who changed what, when, with the values before and after (审计记录).

Entries are only ever added: the ORM refuses to update or delete one and the database has
triggers that refuse it too (see migration 0005). ID and phone numbers in the before/after
values are masked with a keyed fingerprint (:mod:`tribunal.domain.audit_masking`); the key
is a secret of each database, kept in ``database_meta``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import secrets
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.pool import Pool

from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, Case, DatabaseMeta, Hearing
from tribunal.db.search import contains, starts_with
from tribunal.domain.audit_masking import is_masked, mask_entry, mask_free_text, masked_text
from tribunal.errors import NotFound, StaleEditError
from tribunal.services import field_labels, inputs
from tribunal.texts import msg

T = TypeVar("T")

AUDIT_KEY = "audit_key"
#: Shown at most in one refused save: the latest changes are what the clerk needs.
_STALE_CHANGES_SHOWN = 10


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


def audit_key(session: Session) -> bytes:
    """This database's secret for the audit fingerprints (made on first use if missing)."""
    cached = session.info.get(AUDIT_KEY)
    if isinstance(cached, bytes):
        return cached
    row = session.get(DatabaseMeta, AUDIT_KEY)
    if row is None:
        row = DatabaseMeta(key=AUDIT_KEY, value=secrets.token_hex(32))
        session.add(row)
    key = bytes.fromhex(row.value)
    session.info[AUDIT_KEY] = key
    return key


def record(session: Session, actor: str, action: str, entity: str, entity_id: int | None,
           summary: str, before: Any = None, after: Any = None, *, version: int | None = None) -> None:
    """Add one audit entry to the session's unit of work (committed with the change itself).

    Args:
        version: the record's version after the change (for records with a version counter),
            so that a stale save can be told what was saved since.
    """
    raw_before = jsonable(before) if before is not None else None
    raw_after = jsonable(after) if after is not None else None
    masked_before, masked_after = mask_entry(raw_before, raw_after, audit_key(session))
    session.add(
        AuditEntry(
            actor=actor[:60],
            action=action[:40],
            entity=entity,
            entity_id=entity_id,
            summary=mask_free_text(summary)[:300],
            before=masked_before,
            after=masked_after,
            entity_version=version,
        )
    )


@dataclass(frozen=True)
class AuditRow:
    """One line of a record's history, as the history tab and the audit page show it.

    ``changes`` holds (field, before, after) with personal numbers already masked: a masked
    number is shown by :func:`shown_value`, which adds "（已更改）" when only the fingerprint
    tells the change.
    """

    at: dt.datetime
    actor: str
    action: str
    summary: str
    changes: list[tuple[str, Any, Any]]
    id: int = 0
    entity: str = ""
    entity_id: int | None = None
    #: The same change field by field, list items compared one by one (``parties.1.phone``),
    #: bookkeeping fields left out: what the audit page shows, named by
    #: :func:`tribunal.services.field_labels.field_label`.
    details: list[tuple[str, Any, Any]] = dataclasses.field(default_factory=list)
    #: The stored value after the change (before it, for a removal): what ``details`` keys point
    #: into, so that a party is named by its role (``field_label(..., record=row.record)``).
    record: Any = None


def newest_stamp(session: Session, entity: str) -> tuple[int, dt.datetime] | None:
    """The id and time of the newest audit entry about ``entity``, as this session sees it.

    Data that every change audits (the legal calendar, the period rules) is cached until this
    stamp moves. The time is part of it: after a restore rewinds the trail, the next entry may
    be given an id the cache has already seen, but never at the same moment.
    """
    row = session.execute(_newest_query(entity)).first()
    return (row[0], row[1]) if row is not None else None


@functools.cache
def _newest_query(entity: str) -> Select:
    # Built once: it runs before every save's deadline upkeep.
    return (select(AuditEntry.id, AuditEntry.at).where(AuditEntry.entity == entity)
            .order_by(AuditEntry.id.desc()).limit(1))


class AuditedCache(Generic[T]):
    """A value read from data that every change audits, kept per database until it changes.

    The legal calendar and the period rules are read on every save of a case; each change
    to them writes an audit entry about ``entity``, so one small query
    (:func:`newest_stamp`) tells whether the kept value is still right, after a change on
    this workstation or on another one sharing the server. Inside a session that has itself
    changed the data, the stamp is newer than anything kept (its entry is flushed first), so
    the value is read from the session.
    """

    def __init__(self, entity: str) -> None:
        self.entity = entity
        # Keyed by the engine's connection pool, which a handle's reading and writing sessions
        # share: each opened database (a restore reopens it) starts with nothing kept, and
        # what was kept goes with the handle.
        self._values: weakref.WeakKeyDictionary[Pool, tuple[tuple[int, dt.datetime] | None, T]] = (
            weakref.WeakKeyDictionary())
        self._lock = threading.Lock()

    def read(self, session: Session, load: Callable[[Session], T], *, keep: bool) -> T:
        """The kept value if still current, else ``load(session)``.

        Args:
            keep: keep what is loaded; only for a session that reads committed data (a
                writing session may hold changes that are rolled back).
        """
        key = session.get_bind().engine.pool
        # The stamp is read before the data: a change committed in between leaves an older
        # stamp beside newer data, which the next read loads again, never the reverse.
        stamp = newest_stamp(session, self.entity)
        with self._lock:
            kept = self._values.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        value = load(session)
        if keep:
            with self._lock:
                self._values[key] = (stamp, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def shown_value(value: Any) -> str:
    """A before/after value as text: masked numbers as masked, with the changed flag spelt out."""
    if is_masked(value):
        return masked_text(value) + ("（号码已更改）" if value.get("changed") else "")
    return masked_text(value)


def _same(before: Any, after: Any) -> bool:
    if is_masked(before) and is_masked(after):
        return bool(before["fp"] == after["fp"])
    return bool(before == after)


def _diff(before: Any, after: Any, prefix: str = "") -> list[tuple[str, Any, Any]]:
    if isinstance(before, dict) and isinstance(after, dict) and not (is_masked(before) or is_masked(after)):
        out: list[tuple[str, Any, Any]] = []
        for key in sorted(set(before) | set(after)):
            out += _diff(before.get(key), after.get(key), f"{prefix}{key}.")
        return out
    if not _same(before, after):
        return [(prefix.rstrip("."), before, after)]
    return []


def _audit_row(r: AuditEntry) -> AuditRow:
    return AuditRow(r.at, r.actor, r.action, r.summary, _diff(r.before or {}, r.after or {}),
                    id=r.id, entity=r.entity, entity_id=r.entity_id,
                    details=field_labels.field_changes(r.before or {}, r.after or {}),
                    record=r.after or r.before)


def history(db: Database, entity: str, entity_id: int) -> list[AuditRow]:
    """Every audit entry of one record, newest first, with the fields that changed."""
    with db.session(write=False) as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        ).all()
        return [_audit_row(r) for r in rows]


# ---------------------------------------------------------------- the audit log page


@dataclass(frozen=True)
class AuditFilter:
    """What the audit log is narrowed to; empty fields do not filter.

    ``case_id`` (or ``case_number``, the 案号 as the clerk types it) keeps the entries of the
    case itself and of its hearings; ``person`` matches
    the clerk who acted or a name in the entry's summary; ``action`` matches the action key
    (``case.update``) or its area (``case``); dates are the day of the entry, both included.
    """

    case_id: int | None = None
    person: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    entity: str = ""
    entity_id: int | None = None
    case_number: str = ""


def _filtered(s: Session, f: AuditFilter) -> Select[AuditEntry]:
    query = select(AuditEntry)
    number = inputs.search_text(f.case_number, "case_number")
    if number and f.case_id is None:
        found = s.scalar(select(Case.id).where(Case.number == number))
        if found is None:
            raise NotFound(msg("找不到案号为“{number}”的案件", number=number))
        f = replace(f, case_id=found)
    if f.case_id is not None:
        inputs.record_id(f.case_id, "案件编号", "case_id")
        hearing_ids = list(s.scalars(select(Hearing.id).where(Hearing.case_id == f.case_id)))
        about_case = (AuditEntry.entity == "case") & (AuditEntry.entity_id == f.case_id)
        about_hearings = (AuditEntry.entity == "hearing") & AuditEntry.entity_id.in_(hearing_ids)
        query = query.where(or_(about_case, about_hearings) if hearing_ids else about_case)
    if f.entity:
        query = query.where(AuditEntry.entity == f.entity)
    if f.entity_id is not None:
        query = query.where(AuditEntry.entity_id == inputs.record_id(f.entity_id, "记录编号", "entity_id"))
    person = inputs.search_text(f.person, "person")
    if person:
        query = query.where(or_(AuditEntry.actor == person, contains(AuditEntry.summary, person)))
    action = inputs.search_text(f.action, "action")
    if action:
        query = query.where(or_(AuditEntry.action == action, starts_with(AuditEntry.action, f"{action}.")))
    if f.date_from is not None:
        day = inputs.date(f.date_from, "起始日期", "date_from")
        query = query.where(AuditEntry.at >= dt.datetime.combine(day, dt.time()))
    if f.date_to is not None:
        day = inputs.date(f.date_to, "截止日期", "date_to")
        query = query.where(AuditEntry.at < dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))
    return query


def search(db: Database, f: AuditFilter = AuditFilter(), *, limit: int | None = 500,
           before_id: int | None = None) -> list[AuditRow]:
    """Audit entries matching the filter, newest first, ``limit`` at a time.

    Args:
        before_id: continue a long list after the last entry shown (keyset paging).

    Raises:
        ValidationError: a filter value out of range (an id, a date) or an over-long text.
    """
    with db.session(write=False) as s:
        query = _filtered(s, f)
        if before_id is not None:
            query = query.where(AuditEntry.id < before_id)
        query = query.order_by(AuditEntry.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [_audit_row(r) for r in s.scalars(query)]


def actions(db: Database) -> list[str]:
    """The action keys present in the trail (for the action filter's list)."""
    with db.session(write=False) as s:
        return sorted(s.scalars(select(AuditEntry.action).distinct()))


# ---------------------------------------------------------------- stale saves


def check_version(session: Session, *, current: int, expected: int | None, entity: str,
                  entity_id: int, what: str, action_prefix: str = "") -> None:
    """Refuse a save based on an older version of a record, saying what changed since and by whom.

    Args:
        current: the version now stored (read in this session).
        expected: the version the editor loaded; None skips the check (a one-shot command).
        entity: the audit entity of the record ("case", "enterprise" …).
        what: the record as the clerk names it (案件 邵劳人仲案字〔2026〕第1号).
        action_prefix: for records audited under their parent (a participant under its case):
            the latest entry with this action prefix is the change to report.

    Raises:
        StaleEditError: somebody saved the record after the editor loaded it.
    """
    if expected is None or expected == current:
        return
    query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    if action_prefix:
        query = query.where(starts_with(AuditEntry.action, action_prefix))
    else:
        query = query.where(or_(AuditEntry.entity_version > expected, AuditEntry.entity_version.is_(None)))
    entries = session.scalars(query.order_by(AuditEntry.id.desc()).limit(_STALE_CHANGES_SHOWN)).all()
    versioned = [e for e in entries if e.entity_version is not None and not action_prefix]
    chosen = versioned or list(entries[:1])
    changes = tuple(
        (e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.summary,
         tuple(field for field, _b, _a in _diff(e.before or {}, e.after or {}) if field != "version"))
        for e in reversed(chosen)
    )
    details = tuple(
        tuple(field_labels.field_changes(e.before or {}, e.after or {}))
        for e in reversed(chosen)
    )
    who = "、".join(dict.fromkeys(actor for _at, actor, _s, _f in changes)) or "其他人"
    last = changes[-1][0] if changes else ""
    raise StaleEditError(
        msg("{what}在您打开后已被{who}修改并保存{value}，您的修改未保存。请重新打开，核对对方的修改后再改", what=what, who=who, value=('（' + last + '）') if last else ''),
        entity=entity, entity_id=entity_id, expected_version=expected, current_version=current,
        changes=changes, details=details, records=tuple(e.after or e.before for e in reversed(chosen)),
    )


def changed_fields(changes: Sequence[tuple[str, Any, Any]]) -> list[str]:
    """The names of the fields in a list of changes (for a one-line summary)."""
    return [field for field, _before, _after in changes]


def touch(obj: Any, attribute: str) -> None:
    """Make the next flush UPDATE ``obj``'s row even if only its children changed.

    The version counter moves only when the row itself is written; a case whose parties
    alone changed must still count as a new version, or a second editor's stale save of
    the same parties would pass.
    """
    flag_modified(obj, attribute)


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

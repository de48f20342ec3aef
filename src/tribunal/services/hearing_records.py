"""Hearing records (庭审笔录): the local journal, the copy in the database, versions, corrections, printing.

Nothing typed is lost, with or without the server. Every change is first appended to a journal
file on this PC (one JSON line per save, flushed and ``fsync``'d before the call returns); the
window saves to it at most :data:`AUTOSAVE_SECONDS` after a keystroke and at every stage change.
The journal is then copied to the database whenever it can be reached (:func:`sync`); an
unreachable database only leaves the window showing 未同步. A program killed mid-sentence
reopens at the journal: :func:`open_record` takes whichever copy has the higher revision.

The database keeps a version of the record at each stage change, when it is read back, when a
correction is registered, and otherwise at most every :data:`VERSION_EVERY` — not at every
autosave, so a two-hour hearing leaves dozens of versions, not thousands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import platformdirs
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from tribunal import files
from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CaseParticipant,
    Hearing,
    HearingPanelMember,
    HearingRecord,
    HearingRecordVersion,
    Party,
)
from tribunal.domain import agents as agent_rules
from tribunal.domain.enums import HearingStatus, PanelRole, ParticipantRole, PartyKind
from tribunal.domain.hearing_record import (
    CaseFacts,
    Person,
    RecordContent,
    Speaker,
    check_change,
    speakers,
    template,
)
from tribunal.errors import ConflictError, DatabaseError, NotFound, StaleEditError, ValidationError
from tribunal.services import audit, settings
from tribunal.services.hearings import load_hearing
from tribunal.texts import msg

__all__ = [
    "AUTOSAVE_SECONDS",
    "VERSION_EVERY",
    "Autosave",
    "Journal",
    "OpenedRecord",
    "SyncResult",
    "VersionRow",
    "export_pdf",
    "journal_folder",
    "journal_for",
    "open_record",
    "open_stored",
    "record_facts",
    "render_pdf",
    "stored_record",
    "sync",
    "versions",
]

#: The key of a journal entry that holds the database version it was typed over.
_BASE_VERSION: Final = "database_version"

#: The window writes the journal at most this long after the first unsaved keystroke.
AUTOSAVE_SECONDS = 2.0
#: Between stage changes, a version is kept in the database at most this often.
VERSION_EVERY = dt.timedelta(minutes=3)
#: A journal larger than this is compacted to its last entry (a rename, never a rewrite in place).
JOURNAL_COMPACT_BYTES = 4_000_000
#: Where the journals live when no folder is given (``TRIBUNAL_JOURNAL_DIR`` overrides it).
JOURNAL_ENV = "TRIBUNAL_JOURNAL_DIR"


# ---------------------------------------------------------------- the local journal


class Journal:
    """The record's journal on this PC: append-only JSON lines, each one the whole record.

    A line is written, flushed and ``fsync``'d in one call, so after :meth:`append` returns the
    text survives a killed program or a power cut. A line torn by a kill mid-write is skipped
    on reading: the line before it is complete.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        #: The database copy's version the text being typed started from (set by whoever opens
        #: or syncs the record), written with every entry: a record recovered from the journal
        #: after a crash is checked against it, so another workstation's save made meanwhile is
        #: not overwritten unseen. None: not known (the database could not be reached).
        self.base_version: int | None = None

    def append(self, content: RecordContent) -> None:
        """Add ``content`` as the newest entry, durably.

        Raises:
            ValidationError: the journal folder cannot be written (the clerk must be told at once).
        """
        entry = json.loads(content.to_json())
        if self.base_version is not None:
            entry[_BASE_VERSION] = self.base_version
        line = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "ab") as f:
                f.write(line)
                f.flush()
                os.fsync(f.fileno())
            if self.path.stat().st_size > JOURNAL_COMPACT_BYTES:
                files.write_atomic(self.path, line)
        except OSError as exc:
            raise ValidationError(msg("无法写入本机的笔录备份文件 {path}：{value}", path=self.path, value=exc.strerror or exc),
                                  {"journal": msg("无法写入")}) from exc

    def latest(self) -> RecordContent | None:
        """The newest complete entry, or None when there is no journal yet."""
        newest = self.newest()
        return newest[0] if newest is not None else None

    def newest(self) -> tuple[RecordContent, int | None] | None:
        """The newest complete entry and the database version it was typed over (None: not
        known, as in journals written before the version was recorded), or None."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ValidationError(msg("无法读取本机的笔录备份文件 {path}：{value}", path=self.path, value=exc.strerror or exc),
                                  {"journal": msg("无法读取")}) from exc
        best: tuple[RecordContent, int | None] | None = None
        for raw in data.split(b"\n"):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8")
                entry = RecordContent.from_json(text)
                base = json.loads(text).get(_BASE_VERSION)
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill
            if best is None or entry.revision >= best[0].revision:
                best = (entry, base if isinstance(base, int) else None)
        return best


class Autosave:
    """When the typed text goes to the journal: at most ``interval`` seconds after the first
    unsaved change (not after the last one — continuous typing must not postpone it forever),
    and at once on :meth:`flush` (a stage change, closing the window).

    The window drives it with a single-shot timer; the kill test drives it by polling.
    """

    def __init__(self, journal: Journal, interval: float = AUTOSAVE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.journal = journal
        self.interval = interval
        self._clock = clock
        self._pending: RecordContent | None = None
        self._since: float | None = None

    @property
    def pending(self) -> bool:
        """Whether something typed has not reached the journal yet."""
        return self._pending is not None

    def changed(self, content: RecordContent) -> bool:
        """Note a change; returns True when it is the first unsaved one (start the timer)."""
        self._pending = content
        if self._since is None:
            self._since = self._clock()
            return True
        return False

    def due(self) -> bool:
        """Whether the oldest unsaved change has waited ``interval`` seconds."""
        return self._since is not None and self._clock() - self._since >= self.interval

    def tick(self) -> bool:
        """Write to the journal if due; returns whether it wrote."""
        return self.flush() if self.due() else False

    def flush(self) -> bool:
        """Write the pending change to the journal now; returns whether there was one."""
        if self._pending is None:
            return False
        content, self._pending, self._since = self._pending, None, None
        self.journal.append(content)
        return True


def journal_folder() -> Path:
    """This PC's folder of hearing-record journals."""
    override = os.environ.get(JOURNAL_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("Tribunal", appauthor=False)) / "hearing-records"


def journal_for(db: Database, hearing_id: int, folder: Path | None = None) -> Journal:
    """The journal of hearing ``hearing_id`` of database ``db`` (one folder serves every database)."""
    key = hashlib.sha256(db.display_name.encode("utf-8")).hexdigest()[:12]
    return Journal((folder or journal_folder()) / f"{key}-hearing-{hearing_id}.jsonl")


# ---------------------------------------------------------------- the case as the record reads it


def _party_detail(party: Party) -> str:
    if party.kind == PartyKind.ORGANISATION:
        bits = [f"住所地{party.address}" if party.address else ""]
        if party.legal_representative:
            bits.append(f"{party.legal_representative_title or '法定代表人'}{party.legal_representative}")
        return "，".join(b for b in bits if b)
    bits = [party.sex or "", f"{party.birth_date:%Y年%m月%d日}出生" if party.birth_date else "",
            f"住{party.address}" if party.address else ""]
    return "，".join(b for b in bits if b)


def _facts(s: Session, hearing: Hearing) -> CaseFacts:
    case = s.scalars(select(Case).where(Case.id == hearing.case_id).options(
        selectinload(Case.parties).selectinload(Party.agents), selectinload(Case.claims))).one()
    parties: list[Person] = []
    agents: list[Person] = []
    for party in case.parties:
        parties.append(Person("party", party.name, party.role.label_zh, party.role.value, _party_detail(party)))
        for agent in party.agents:
            detail = "，".join(x for x in (agent.organisation or "", agent.kind.label_zh) if x)
            agents.append(Person("agent", agent.name, f"{party.role.label_zh}{party.name}的{agent_rules.capacity(agent.kind)}",
                                 party.role.value, detail))
    participants = [Person("participant", p.name, _role_label(p.role))
                    for p in s.scalars(select(CaseParticipant).where(CaseParticipant.case_id == case.id)
                                       .order_by(CaseParticipant.id))]
    panel = [Person("arbitrator", m.staff.name, m.role.label_zh) for m in hearing.panel]
    if len(panel) == 1 and hearing.panel[0].role == PanelRole.PRESIDING:
        panel = [Person("arbitrator", panel[0].name, PanelRole.SOLE.label_zh)]
    venue = ""
    if hearing.room is not None:
        ent = hearing.room.enterprise
        venue = f"{ent.name}{hearing.room.name}" if ent is not None else hearing.room.name
    elif hearing.host_enterprise is not None:
        venue = hearing.host_enterprise.name
    return CaseFacts(
        case_number=case.number, case_type=case.case_type.label_zh, starts_at=hearing.starts_at, venue=venue,
        parties=tuple(parties), agents=tuple(agents), participants=tuple(participants), panel=tuple(panel),
        clerk=hearing.clerk.name if hearing.clerk else "", claims=tuple(c.item for c in case.claims),
        public=hearing.public,
    )


def _role_label(role: str) -> str:
    for member in ParticipantRole:
        if member.value == role:
            return member.label_zh
    return role


def _hearing(s: Session, hearing_id: int) -> Hearing:
    return load_hearing(s, hearing_id, selectinload(Hearing.panel).selectinload(HearingPanelMember.staff))


def record_facts(db: Database, hearing_id: int) -> CaseFacts:
    """What the record's template and signatures read from the case and the hearing.

    Raises:
        NotFound: no such hearing.
    """
    with db.session(write=False) as s:
        return _facts(s, _hearing(s, hearing_id))


# ---------------------------------------------------------------- opening and syncing


@dataclass(frozen=True)
class OpenedRecord:
    """A record as the window opens it.

    ``source`` says where the text came from: ``database``, ``journal`` (newer than the
    database's copy, e.g. after a crash or while offline) or ``template`` (a new record).
    ``synced`` is False when the database holds an older copy or could not be reached.
    """

    content: RecordContent
    facts: CaseFacts | None
    speakers: tuple[Speaker, ...]
    source: str
    synced: bool
    journal: Journal
    message: str = ""
    #: The database copy's version counter when opened (0: none yet; None: the database could
    #: not be reached). Pass it to :func:`sync` as ``expected_version``, then the one it returns.
    version: int | None = None


def _stored(s: Session, hearing_id: int) -> HearingRecord | None:
    return s.scalars(select(HearingRecord).where(HearingRecord.hearing_id == hearing_id)).one_or_none()


def open_record(db: Database, hearing_id: int, *, folder: Path | None = None) -> OpenedRecord:
    """Open the record of a hearing: the newest of the journal and the database copy, or a new one.

    Raises:
        NotFound: no such hearing.
        ConflictError: the hearing was cancelled.
        DatabaseError: the database cannot be reached and this PC has no journal of the record.
    """
    journal = journal_for(db, hearing_id, folder)
    newest = journal.newest()
    local, local_base = newest if newest is not None else (None, None)
    try:
        with db.session(write=False) as s:
            hearing = _hearing(s, hearing_id)
            if hearing.status == HearingStatus.CANCELLED and local is None:
                raise ConflictError(msg("这次开庭已取消，不能制作庭审笔录"))
            facts = _facts(s, hearing)
            row = _stored(s, hearing_id)
            stored = RecordContent.from_json(row.content) if row is not None else None
            version = row.version if row is not None else 0
    except (DatabaseError, SQLAlchemyError) as exc:
        if local is None:
            raise DatabaseError(msg("无法连接数据库，本机也没有这份笔录的备份，暂时不能打开：{exc}", exc=exc)) from exc
        return OpenedRecord(local, None, (), "journal", False, journal,
                            msg("无法连接数据库：已打开本机备份的笔录，连接恢复后自动同步"))
    table = speakers(facts)
    # Typed over an older copy than the database now holds, and never copied: another
    # workstation saved the record meanwhile (revisions alone cannot tell, each workstation
    # counts its own). The window's first copy to the database is then refused as stale, and
    # the clerk sees both texts before choosing: nothing is overwritten or dropped unseen.
    moved_on = (local is not None and stored is not None and local_base is not None and local_base != version
                and dataclasses.replace(local, revision=stored.revision) != stored)
    if local is not None and (stored is None or local.revision > stored.revision or moved_on):
        message = msg("已从本机备份恢复上次未保存到数据库的内容") if stored is not None else ""
        if moved_on and local_base is not None:
            message = msg("已从本机备份恢复上次未保存到数据库的内容；此后另一台电脑保存过这份笔录，复制到数据库前会请您比较两份内容")
            version = local_base
        journal.base_version = version
        return OpenedRecord(local, facts, table, "journal", False, journal, message, version)
    journal.base_version = version
    if stored is not None:
        return OpenedRecord(stored, facts, table, "database", True, journal, version=version)
    content = template(hearing_id, facts)
    journal.append(content)
    return OpenedRecord(content, facts, table, "template", False, journal, version=version)


def open_stored(db: Database, hearing_id: int) -> tuple[RecordContent, int]:
    """The database's copy of a record and its version: what 重新载入 shows after a refused save.

    Raises:
        NotFound: no such hearing, or it has no record in the database.
    """
    with db.session(write=False) as s:
        load_hearing(s, hearing_id)
        row = _stored(s, hearing_id)
        if row is None:
            raise NotFound(msg("开庭 {hearing_id} 还没有保存到数据库的庭审笔录", hearing_id=hearing_id))
        return RecordContent.from_json(row.content), row.version


#: At most this many differing lines of a stage are shown on each side of a refused copy.
_LINES_SHOWN = 6


def _differing_lines(mine: str, theirs: str) -> tuple[str, str]:
    """The lines of a stage only this window has, and those only the saved copy has.

    A stage runs to pages; the clerk needs the sentences that differ, not both texts whole.
    """
    a, b = mine.split("\n"), theirs.split("\n")
    only_mine: list[str] = []
    only_theirs: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            only_mine += a[i1:i2]
            only_theirs += b[j1:j2]

    def shown(lines: list[str]) -> str:
        lines = [line for line in lines if line.strip()]
        more = len(lines) - _LINES_SHOWN
        return "\n".join(lines[:_LINES_SHOWN] + ([f"……（另有 {more} 行）"] if more > 0 else []))

    return shown(only_mine), shown(only_theirs)


def _refuse_stale(row: HearingRecord | None, content: RecordContent, expected: int) -> None:
    """Refuse copying ``content`` over a record another workstation saved after it was opened.

    The refusal lists, stage by stage, this window's text beside the text saved now, and who
    saved it when; the journal on this PC still holds everything typed here.

    Raises:
        StaleEditError: always.
    """
    theirs = RecordContent.from_json(row.content) if row is not None else None
    who = row.saved_by if row is not None and row.saved_by else "其他人"
    when = row.saved_at.strftime("%Y-%m-%d %H:%M:%S") if row is not None else ""
    details: list[tuple[str, object, object]] = []
    if theirs is not None:
        their_text = {stage.key: stage for stage in theirs.stages}
        for stage in content.stages:
            other = their_text.get(stage.key)
            if other is not None and other.text != stage.text:
                mine, saved = _differing_lines(stage.text, other.text)
                details.append((stage.title, mine, saved))
        if (theirs.read_at is None) != (content.read_at is None):
            details.append(("宣读确认", content.read_at, theirs.read_at))
    current = row.version if row is not None else 0
    raise StaleEditError(
        msg("庭审笔录在您打开后已被{who}修改并保存（{when}），您这边的修改没有保存到数据库，仍保存在本机。"
            "请核对对方的修改后再改", who=who, when=when),
        entity="hearing_record", entity_id=content.hearing_id, expected_version=expected, current_version=current,
        changes=((when, who, "保存庭审笔录", tuple(key for key, _a, _b in details)),), details=(tuple(details),))


@dataclass(frozen=True)
class SyncResult:
    """What a copy to the database did."""

    revision: int
    written: bool  # False: the database already held this revision or a newer one
    version_kept: str = ""  # the reason a version was kept ("" for none)
    #: The database copy's version counter now: the ``expected_version`` of the next sync.
    version: int = 0


def sync(db: Database, content: RecordContent, *, reason: str = "", now: dt.datetime | None = None,
         expected_version: int | None = None) -> SyncResult:
    """Copy the record to the database (the newest revision wins; a read record is never overwritten).

    A version is kept when ``reason`` is given (``stage``, ``read``, ``correction``, ``print``),
    when the current stage differs from the last kept version's, or when the last version is
    older than :data:`VERSION_EVERY`.

    Args:
        expected_version: the database copy's version the window last opened or synced (0:
            there was none); None skips the check. The window's own autosaves pass the version
            the previous sync returned, so they never refuse each other.

    Raises:
        StaleEditError: another workstation saved the record since ``expected_version``
            (nothing is written; the journal keeps this window's text).
        DatabaseError: the database cannot be reached (the journal still holds everything).
        ValidationError: the change would overwrite text already read back.
    """
    now = now or dt.datetime.now()
    try:
        with db.session() as s:
            load_hearing(s, content.hearing_id)
            row = _stored(s, content.hearing_id)
            if expected_version is not None and (row.version if row is not None else 0) != expected_version:
                _refuse_stale(row, content, expected_version)
            if row is not None:
                stored = RecordContent.from_json(row.content)
                if stored.revision >= content.revision:
                    return SyncResult(stored.revision, False, version=row.version)
                check_change(stored, content)
            else:
                row = HearingRecord(hearing_id=content.hearing_id, content="", revision=0, saved_by=db.actor[:60])
                s.add(row)
            row.content = content.to_json()
            row.revision = content.revision
            row.read_at = content.read_at
            row.saved_at = now
            row.saved_by = db.actor[:60]
            s.flush()
            last = s.scalars(select(HearingRecordVersion).where(HearingRecordVersion.record_id == row.id)
                             .order_by(HearingRecordVersion.id.desc()).limit(1)).one_or_none()
            keep = reason
            if not keep and last is None:
                keep = "first"
            elif not keep and last is not None and last.stage != content.current:
                keep = "stage"
            elif not keep and last is not None and now - last.saved_at >= VERSION_EVERY:
                keep = "periodic"
            if keep:
                s.add(HearingRecordVersion(record_id=row.id, revision=content.revision, reason=keep[:20],
                                           stage=content.current, content=row.content, saved_at=now))
                if keep in ("read", "correction", "print"):
                    audit.record(s, db.actor, f"hearing_record.{keep}", "hearing", content.hearing_id,
                                 {"read": "庭审笔录已宣读确认", "correction": "庭审笔录登记补正申请",
                                  "print": "打印庭审笔录"}[keep])
            return SyncResult(content.revision, True, keep, row.version)
    except SQLAlchemyError as exc:
        raise DatabaseError(msg("无法保存到数据库：{exc}", exc=exc)) from exc


@dataclass(frozen=True)
class VersionRow:
    """One kept version of a record."""

    revision: int
    reason: str
    stage: str
    saved_at: dt.datetime
    content: RecordContent


def versions(db: Database, hearing_id: int) -> list[VersionRow]:
    """The kept versions of a hearing's record, oldest first."""
    with db.session(write=False) as s:
        row = _stored(s, hearing_id)
        if row is None:
            return []
        kept = s.scalars(select(HearingRecordVersion).where(HearingRecordVersion.record_id == row.id)
                         .order_by(HearingRecordVersion.id)).all()
        return [VersionRow(v.revision, v.reason, v.stage, v.saved_at, RecordContent.from_json(v.content))
                for v in kept]


def stored_record(db: Database, hearing_id: int) -> RecordContent:
    """The database's copy of a hearing's record.

    Raises:
        NotFound: the hearing has no record in the database yet.
    """
    with db.session(write=False) as s:
        load_hearing(s, hearing_id)
        row = _stored(s, hearing_id)
        if row is None:
            raise NotFound(msg("开庭 {hearing_id} 还没有保存到数据库的庭审笔录", hearing_id=hearing_id))
        return RecordContent.from_json(row.content)


# ---------------------------------------------------------------- printing


def render_pdf(db: Database, content: RecordContent) -> bytes:
    """The record as a PDF (page x of y, signatures on every page and at the end)."""
    from tribunal.documents.fonts import load_fonts
    from tribunal.documents.hearing_record import HearingRecordData, HearingRecordRenderer
    from tribunal.services.documents import commission_of, font_settings_of

    values = settings.get_all(db)
    facts = record_facts(db, content.hearing_id)
    renderer = HearingRecordRenderer(commission_of(values), load_fonts(font_settings_of(values)))
    return renderer.render(HearingRecordData(facts=facts, content=content, issue_date=facts.starts_at.date())).data


def export_pdf(db: Database, content: RecordContent, target: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the record's PDF to ``target`` and keep the printed version in the database.

    Raises:
        ValidationError: a bad output path (see ``outputs.check_target``).
    """
    from tribunal.services import outputs

    path = outputs.check_target(db, target, suffixes=(".pdf",), what="庭审笔录", force=force)
    data = render_pdf(db, content)
    outputs.write(db, path, data, action="hearing_record.export", summary=f"导出庭审笔录 {path.name}",
                  entity="hearing", entity_id=content.hearing_id)
    sync(db, content, reason="print")
    return path



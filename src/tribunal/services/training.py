"""Training sessions (普法培训) after a hearing or on their own, and the topic library they draw on.

The library ships in ``resources/topics/*.json``; on first use its topics (with their tags,
the case types each suits) are copied into the database, where the commission may edit,
re-tag, deactivate or add to them. Later program versions only add topics whose code is
missing — an edited topic is never overwritten. A database seeded before topics had tags
gets each library topic's tags once (recorded by the internal setting
``training.topic_tags_filled``), so tags a clerk removes later stay removed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.models import (
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Setting,
    TrainingAttendance,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
)
from tribunal.domain import validators
from tribunal.domain.enums import CaseStatus, CaseType, HearingStatus, InvitationStatus
from tribunal.domain.names import enterprise_name_key, tidy_enterprise_name
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.resources import resource_path
from tribunal.services import audit, settings
from tribunal.texts import msg

GENERAL_TAG = "general"
"""Tag of topics useful whatever the case type."""
TAGS_FILLED_KEY = "training.topic_tags_filled"
"""Internal setting: the library's tags were copied onto topics seeded before tags existed."""
_CODE = re.compile(r"^[a-z0-9][a-z0-9_\-]{1,39}$")


# ---------------------------------------------------------------- plain data


@dataclass(frozen=True)
class LibraryTopic:
    """A topic as shipped with the program."""

    code: str
    title: str
    body: str
    legal_basis: str
    tags: tuple[str, ...]
    formal_title: str = ""


@dataclass(frozen=True)
class TopicData:
    """A topic of the commission's library; ``tags`` are the case types it suits (or "general").

    ``title`` is the handout's heading, written to catch an HR manager's eye ("一个月内订立书面
    劳动合同，否则要付二倍工资"); ``formal_title`` is the plain name a certificate lists as
    training content ("书面劳动合同的订立"), "" when the topic has none.
    """

    id: int
    code: str
    title: str
    body: str
    legal_basis: str
    active: bool
    tags: tuple[str, ...]
    formal_title: str = ""
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1


@dataclass(frozen=True)
class AttendeeRow:
    """Someone at a training session: a person of the directory or a named other."""

    id: int
    observer_id: int | None
    name: str
    enterprise_name: str


@dataclass(frozen=True)
class SessionRow:
    """One line of the training list."""

    id: int
    hearing_id: int | None
    title: str
    speaker: str
    starts_at: dt.datetime
    venue: str
    topics: int
    attendees: int


@dataclass(frozen=True)
class SessionDetail:
    """A training session with its topics (full text, for the handout) and attendance.

    ``hearing_public`` is None for a standalone session; False means the linked hearing was
    not public, so handouts must not name or describe its case (《劳动争议调解仲裁法》第二十六条;
    docs/legal-basis.md §4.1).
    """

    id: int
    hearing_id: int | None
    hearing_public: bool | None
    title: str
    speaker: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    venue: str
    notes: str
    topics: tuple[TopicData, ...]
    attendance: tuple[AttendeeRow, ...]
    warnings: tuple[str, ...] = ()  # see :func:`session_warnings`
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1


# ---------------------------------------------------------------- the shipped library


@functools.cache
def library_topics() -> tuple[LibraryTopic, ...]:
    """Every topic shipped in ``resources/topics/*.json``, in file and list order.

    Raises:
        ValueError: a file is malformed or two topics share a code (a packaging error).
    """
    topics: list[LibraryTopic] = []
    seen: set[str] = set()
    for path in sorted(resource_path("topics").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data.get("topics", []):
            try:
                topic = LibraryTopic(item["code"], item["title"], item["body"], item["legal_basis"],
                                     tuple(item.get("tags", ())), str(item.get("formal_title", "")))
            except (KeyError, TypeError) as exc:
                raise ValueError(f"{path.name}: topic without {exc}") from exc
            if topic.code in seen:
                raise ValueError(f"{path.name}: topic code {topic.code!r} appears twice")
            seen.add(topic.code)
            topics.append(topic)
    return tuple(topics)


def valid_tags() -> tuple[str, ...]:
    """Every tag a topic may carry: the case types' values, then :data:`GENERAL_TAG`."""
    return (*(t.value for t in CaseType), GENERAL_TAG)


def tag_label(tag: str) -> str:
    """How a clerk reads a tag: the case type's label (工伤保险待遇…), or 通用 for "general"."""
    if tag == GENERAL_TAG:
        return "通用"
    try:
        return CaseType(tag).label_zh
    except ValueError:
        return tag


def check_tags(tags: Iterable[str | CaseType]) -> tuple[str, ...]:
    """The tags cleaned (values of CaseType or "general", each once, in the order given).

    Raises:
        ValidationError: a tag that is neither a case type nor "general" (field ``tags``).
    """
    if isinstance(tags, str):  # one tag given on its own, not a list of characters
        tags = [tags]
    allowed = set(valid_tags())
    clean: list[str] = []
    unknown: list[str] = []
    for tag in tags:
        value = tag.value if isinstance(tag, CaseType) else str(tag).strip()
        if not value:
            continue
        if value not in allowed:
            # A clerk (or the command line) may give the Chinese label instead of the value.
            try:
                value = CaseType.from_label(value).value
            except ValueError:
                if value in ("通用", "general"):
                    value = GENERAL_TAG
                else:
                    unknown.append(value)
                    continue
        if value not in clean:
            clean.append(value)
    if unknown:
        raise ValidationError(
            msg("培训主题的适用案由有误：{items}；只能选择案由或“通用”", items='、'.join(unknown)), {"tags": msg("无效的适用案由")})
    return tuple(clean)


def _topic(t: TrainingTopic) -> TopicData:
    return TopicData(t.id, t.code, t.title, t.body, t.legal_basis, t.active, tuple(t.tags or ()),
                     t.formal_title or "", version=t.version or 1)


def _tags_filled(s: Session) -> bool:
    row = s.get(Setting, TAGS_FILLED_KEY)
    return bool(row is not None and row.value)


def seed_topics(db: Database) -> int:
    """Copy library topics whose code is not in the database yet, with their tags.

    On the first call after an upgrade, library topics stored before tags existed (an empty
    tag list) get the library's tags; this happens once, so tags a clerk removed afterwards
    are not brought back. Calling it again changes nothing.

    Returns:
        How many topics were added (tags filled in on existing topics are not counted).
    """
    library = library_topics()
    formal = {t.code: t.formal_title for t in library if t.formal_title}
    with db.session(write=False) as s:
        have = set(s.scalars(select(TrainingTopic.code)))
        filled = _tags_filled(s)
        untitled = s.scalar(select(func.count(TrainingTopic.id)).where(
            TrainingTopic.formal_title.is_(None), TrainingTopic.code.in_(list(formal)))) or 0
    missing = [t for t in library if t.code not in have]
    if not missing and filled and not untitled:
        return 0
    with db.session() as s:
        have = set(s.scalars(select(TrainingTopic.code)))  # another clerk may have seeded meanwhile
        added = [t for t in missing if t.code not in have]
        for t in added:
            s.add(TrainingTopic(code=t.code, title=t.title, body=t.body, legal_basis=t.legal_basis,
                                formal_title=t.formal_title or None, tags=list(t.tags), active=True))
        # Topics stored before they had formal titles get the library's once (NULL: never set;
        # a title the commission cleared is "" and stays so).
        for row in s.scalars(select(TrainingTopic).where(TrainingTopic.formal_title.is_(None),
                                                         TrainingTopic.code.in_(list(formal)))):
            row.formal_title = formal[row.code]
        if added:
            audit.record(s, db.actor, "training.seed_topics", "training_topic", None,
                         f"载入培训主题库 {len(added)} 个主题")
        if not _tags_filled(s):
            by_code = {t.code: t.tags for t in library}
            tagged = []
            for row in s.scalars(select(TrainingTopic).where(TrainingTopic.code.in_(list(by_code)))):
                if not row.tags and by_code[row.code]:
                    row.tags = list(by_code[row.code])
                    tagged.append(row.code)
            if tagged:
                audit.record(s, db.actor, "training.fill_tags", "training_topic", None,
                             f"按主题库补充 {len(tagged)} 个培训主题的适用案由", None, {"topics": tagged})
            setting = s.get(Setting, TAGS_FILLED_KEY)
            if setting is None:
                s.add(Setting(key=TAGS_FILLED_KEY, value=True))
            else:
                setting.value = True
        return len(added)


def list_topics(db: Database, *, active_only: bool = True) -> list[TopicData]:
    """The commission's topics in library order (added ones last); seeds the library on first use."""
    seed_topics(db)
    order = {t.code: i for i, t in enumerate(library_topics())}
    with db.session(write=False) as s:
        query = select(TrainingTopic)
        if active_only:
            query = query.where(TrainingTopic.active.is_(True))
        topics = [_topic(t) for t in s.scalars(query)]
    return sorted(topics, key=lambda t: (order.get(t.code, len(order)), t.id))


def get_topic(db: Database, topic_id: int) -> TopicData:
    """One topic.

    Raises:
        NotFound: no such topic.
    """
    with db.session(write=False) as s:
        t = s.get(TrainingTopic, topic_id)
        if t is None:
            raise NotFound(msg("找不到编号为 {topic_id} 的培训主题", topic_id=topic_id))
        return _topic(t)


def suggest_topics(db: Database, case_type: CaseType | str | None) -> list[TopicData]:
    """Active topics for a hearing of ``case_type``: those tagged with it, then the general ones.

    Tags are read from the database, so topics the commission added or re-tagged count;
    within each group the order is that of :func:`list_topics`.
    """
    value = case_type.value if isinstance(case_type, CaseType) else (case_type or "")
    topics = list_topics(db)
    specific = [t for t in topics if value and value in t.tags]
    general = [t for t in topics if GENERAL_TAG in t.tags and t not in specific]
    return specific + general


def _check_topic_text(title: str, body: str, legal_basis: str) -> tuple[str, str, str]:
    errors: dict[str, str] = {}
    title = " ".join(title.split())
    if not title:
        errors["title"] = msg("请填写主题名称")
    elif len(title) > 200:
        errors["title"] = msg("主题名称过长（最多 200 字）")
    legal_basis = " ".join(legal_basis.split())
    if len(legal_basis) > 400:
        errors["legal_basis"] = msg("法律依据过长（最多 400 字）")
    ValidationError.raise_if(errors, msg("培训主题"))
    return title, body.strip(), legal_basis


def _check_formal_title(text: str) -> str:
    """The formal title tidied; refused when too long for a certificate line."""
    text = " ".join(text.split())
    if len(text) > 100:
        raise ValidationError(msg("证明用名称过长（最多 100 字）"), {"formal_title": msg("过长")})
    return text


def update_topic(db: Database, topic_id: int, *, title: str | None = None, body: str | None = None,
                 legal_basis: str | None = None, tags: Iterable[str | CaseType] | None = None,
                 formal_title: str | None = None, expected_version: int | None = None) -> TopicData:
    """Edit a topic's wording or tags (what is not given stays as it is).

    Args:
        tags: the case types the topic suits (CaseType values or members, or "general");
            an empty list means it is suggested for no hearing.

    Raises:
        ValidationError: empty or over-long title, over-long legal basis, an unknown tag.
        NotFound: no such topic.
    """
    clean_tags = check_tags(tags) if tags is not None else None
    with db.session() as s:
        t = s.get(TrainingTopic, topic_id)
        if t is None:
            raise NotFound(msg("找不到编号为 {topic_id} 的培训主题", topic_id=topic_id))
        audit.check_version(s, current=t.version, expected=expected_version, entity="training_topic",
                            entity_id=topic_id, what=f"培训主题“{t.title}”")
        before = _topic(t)
        t.title, t.body, t.legal_basis = _check_topic_text(
            t.title if title is None else title, t.body if body is None else body,
            t.legal_basis if legal_basis is None else legal_basis)
        if clean_tags is not None:
            t.tags = list(clean_tags)
        if formal_title is not None:
            t.formal_title = _check_formal_title(formal_title)
        s.flush()
        after = _topic(t)
        audit.record(s, db.actor, "training.update_topic", "training_topic", t.id,
                     f"修改培训主题 {t.title}", before, after, version=after.version)
        return after


def add_topic(db: Database, title: str, body: str = "", legal_basis: str = "", *,
              code: str = "", tags: Iterable[str | CaseType] = (), formal_title: str = "") -> TopicData:
    """Add the commission's own topic; without a code one is made up (``custom-N``).

    Args:
        tags: the case types it suits (CaseType values or members, or "general"), so that
            :func:`suggest_topics` offers it; none by default.

    Raises:
        ValidationError: bad title, code or tag.
        ConflictError: the code is taken.
    """
    title, body, legal_basis = _check_topic_text(title, body, legal_basis)
    formal = _check_formal_title(formal_title)
    clean_tags = check_tags(tags)
    code = code.strip().lower()
    if code and not _CODE.match(code):
        raise ValidationError(msg("主题代码只能用小写字母、数字、下划线和连字符（2 至 40 个字符）"), {"code": msg("格式不正确")})
    with db.session() as s:
        if not code:
            n = (s.scalar(select(func.count(TrainingTopic.id))) or 0) + 1
            while s.scalar(select(TrainingTopic.id).where(TrainingTopic.code == f"custom-{n}")) is not None:
                n += 1
            code = f"custom-{n}"
        elif s.scalar(select(TrainingTopic.id).where(TrainingTopic.code == code)) is not None:
            raise ConflictError(msg("主题代码“{code}”已被使用", code=code))
        t = TrainingTopic(code=code, title=title, body=body, legal_basis=legal_basis, tags=list(clean_tags),
                          formal_title=formal, active=True)
        s.add(t)
        s.flush()
        data = _topic(t)
        audit.record(s, db.actor, "training.add_topic", "training_topic", t.id, f"新增培训主题 {title}", None, data)
        return data


def set_topic_active(db: Database, topic_id: int, active: bool) -> TopicData:
    """Deactivate (停用) or reactivate a topic; sessions that used it keep it.

    Raises:
        NotFound: no such topic.
    """
    with db.session() as s:
        t = s.get(TrainingTopic, topic_id)
        if t is None:
            raise NotFound(msg("找不到编号为 {topic_id} 的培训主题", topic_id=topic_id))
        if t.active != active:
            t.active = active
            audit.record(s, db.actor, "training.topic_active", "training_topic", t.id,
                         f"{'启用' if active else '停用'}培训主题 {t.title}", {"active": not active}, {"active": active})
        return _topic(t)


def deactivate_topic(db: Database, topic_id: int) -> TopicData:
    """Stop offering a topic (it stays on sessions that used it)."""
    return set_topic_active(db, topic_id, False)


# ---------------------------------------------------------------- sessions


def session_warnings(session: Session, ts: TrainingSession) -> tuple[str, ...]:
    """What the clerk should reconsider about a training after a hearing.

    * it starts less than the ``training.buffer_minutes`` setting after the hearing's planned
      end: hearings overrun, and observers should not be asked to leave one for the other;
    * its speaker sits on the panel of the hearing while the case is pending: an arbitrator
      who explains the case before the award risks being taken to have decided it already
      (《劳动争议调解仲裁法》第三十三条 on recusal).
    """
    if ts.hearing_id is None:
        return ()
    hearing = session.get(Hearing, ts.hearing_id)
    if hearing is None:
        return ()
    out: list[str] = []
    values = settings.read_all(session)
    buffer = dt.timedelta(minutes=int(values.get("training.buffer_minutes") or 0))
    if ts.starts_at < hearing.ends_at + buffer:
        gap = int((ts.starts_at - hearing.ends_at).total_seconds() // 60)
        when = "早于庭审计划结束时间" if gap < 0 else f"只在庭审计划结束后{gap}分钟"
        out.append(f"培训开始时间{when}（{hearing.ends_at:%H:%M}）；庭审可能延时，建议至少间隔"
                   f"{int(buffer.total_seconds() // 60)}分钟")
    speaker = "".join((ts.speaker or "").split())
    if speaker and hearing.case.status != CaseStatus.CLOSED:
        seats = {m.staff.name for m in hearing.panel} or {a.staff.name for a in hearing.case.arbitrators}
        if speaker in seats:
            out.append(f"主讲人{speaker}是本案仲裁庭成员，案件尚未结案；以案释法宜由其他人员主讲，"
                       "以免被认为提前表明裁决意见")
    return tuple(out)


def _detail(session: Session, ts: TrainingSession) -> SessionDetail:
    hearing_public = None
    if ts.hearing_id is not None:
        h = session.get(Hearing, ts.hearing_id)
        hearing_public = h.public if h else None
    return SessionDetail(
        id=ts.id, hearing_id=ts.hearing_id, hearing_public=hearing_public, title=ts.title,
        speaker=ts.speaker or "", starts_at=ts.starts_at, ends_at=ts.ends_at, venue=ts.venue or "",
        notes=ts.notes or "",
        topics=tuple(_topic(link.topic) for link in ts.topics),
        attendance=tuple(AttendeeRow(a.id, a.observer_id, a.name, a.enterprise_name or "")
                         for a in sorted(ts.attendance, key=lambda a: a.id)),
        warnings=session_warnings(session, ts),
        version=ts.version or 1,
    )


def _load(session: Session, session_id: int) -> TrainingSession:
    ts = session.scalars(
        select(TrainingSession).where(TrainingSession.id == session_id).options(
            selectinload(TrainingSession.topics).selectinload(TrainingSessionTopic.topic),
            selectinload(TrainingSession.attendance),
        )
    ).one_or_none()
    if ts is None:
        raise NotFound(msg("找不到编号为 {session_id} 的培训，可能已被删除", session_id=session_id))
    return ts


def _check_session(session: Session, hearing_id: int | None, title: str, speaker: str,
                   starts_at: dt.datetime, ends_at: dt.datetime | None, venue: str,
                   topic_ids: Sequence[int], *, keep_topics: Iterable[int] = ()) -> tuple[str, str, str, list[int]]:
    errors: dict[str, str] = {}
    title = " ".join(title.split())
    if not title:
        errors["title"] = msg("请填写培训名称")
    elif len(title) > 200:
        errors["title"] = msg("培训名称过长（最多 200 字）")
    speaker = " ".join(speaker.split())
    if len(speaker) > 60:
        errors["speaker"] = msg("主讲人过长（最多 60 字）")
    venue = " ".join(venue.split())
    if len(venue) > 200:
        errors["venue"] = msg("地点过长（最多 200 字）")
    if ends_at is not None and ends_at <= starts_at:
        errors["ends_at"] = msg("结束时间应晚于开始时间")
    if hearing_id is not None:
        h = session.get(Hearing, hearing_id)
        if h is None:
            errors["hearing"] = msg("所选开庭已不存在")
        elif h.status == HearingStatus.CANCELLED:
            errors["hearing"] = msg("所选开庭已取消")
    ids = list(dict.fromkeys(topic_ids))
    keep = set(keep_topics)
    if ids:
        topics = {t.id: t for t in session.scalars(select(TrainingTopic).where(TrainingTopic.id.in_(ids)))}
        missing = [i for i in ids if i not in topics]
        inactive = [topics[i].title for i in ids if i in topics and not topics[i].active and i not in keep]
        if missing:
            errors["topics"] = msg("所选培训主题已不存在，请重新选择")
        elif inactive:
            errors["topics"] = msg("培训主题已停用：{items}", items='、'.join(inactive))
    ValidationError.raise_if(errors, msg("培训信息"))
    return title, speaker, venue, ids


def create_session(db: Database, hearing_id: int | None, title: str, speaker: str, starts_at: dt.datetime,
                   ends_at: dt.datetime | None, venue: str, topic_ids: Sequence[int], *,
                   notes: str = "") -> SessionDetail:
    """Plan a training session, after a hearing (``hearing_id``) or on its own (None).

    Raises:
        ValidationError: missing title, end before start, unknown/inactive topic, bad hearing.
    """
    seed_topics(db)
    with db.session() as s:
        title, speaker, venue, ids = _check_session(s, hearing_id, title, speaker, starts_at, ends_at,
                                                    venue, topic_ids)
        ts = TrainingSession(hearing_id=hearing_id, title=title, speaker=speaker or None,
                             starts_at=starts_at.replace(microsecond=0),
                             ends_at=ends_at.replace(microsecond=0) if ends_at else None,
                             venue=venue or None, notes=notes.strip() or None)
        for pos, topic_id in enumerate(ids):
            ts.topics.append(TrainingSessionTopic(topic_id=topic_id, position=pos))
        s.add(ts)
        s.flush()
        detail = _detail(s, _load(s, ts.id))
        audit.record(s, db.actor, "training.create", "training_session", ts.id, f"安排培训 {title}", None,
                     {"title": title, "speaker": speaker, "starts_at": ts.starts_at, "topics": ids,
                      "hearing_id": hearing_id})
        return detail


def update_session(db: Database, session_id: int, *, title: str, speaker: str, starts_at: dt.datetime,
                   ends_at: dt.datetime | None, venue: str, topic_ids: Sequence[int],
                   hearing_id: int | None = None, notes: str = "",
                   expected_version: int | None = None) -> SessionDetail:
    """Save changes to a session; topics already on it may stay even if deactivated since.

    Args:
        expected_version: the ``version`` the editor loaded (see :func:`audit.check_version`).

    Raises:
        ValidationError: as for :func:`create_session`.
        StaleEditError: somebody else saved the session after the editor loaded it.
        NotFound: the session is gone.
    """
    with db.session() as s:
        ts = _load(s, session_id)
        audit.check_version(s, current=ts.version, expected=expected_version, entity="training_session",
                            entity_id=session_id, what=f"培训“{ts.title}”")
        before = _detail(s, ts)
        title, speaker, venue, ids = _check_session(
            s, hearing_id, title, speaker, starts_at, ends_at, venue, topic_ids,
            keep_topics=[link.topic_id for link in ts.topics])
        ts.hearing_id = hearing_id
        ts.title, ts.speaker, ts.venue, ts.notes = title, speaker or None, venue or None, notes.strip() or None
        ts.starts_at = starts_at.replace(microsecond=0)
        ts.ends_at = ends_at.replace(microsecond=0) if ends_at else None
        ts.topics.clear()
        audit.touch(ts, "title")  # the topics alone may have changed: the version still moves
        s.flush()
        for pos, topic_id in enumerate(ids):
            ts.topics.append(TrainingSessionTopic(topic_id=topic_id, position=pos))
        s.flush()
        s.expire(ts)
        after = _detail(s, _load(s, session_id))
        audit.record(s, db.actor, "training.update", "training_session", session_id, f"修改培训 {title}",
                     before, after, version=after.version)
        return after


def delete_session(db: Database, session_id: int) -> None:
    """Delete a training session with its attendance list.

    Raises:
        NotFound: the session is gone.
    """
    with db.session() as s:
        ts = _load(s, session_id)
        before = _detail(s, ts)
        s.delete(ts)
        audit.record(s, db.actor, "training.delete", "training_session", session_id, f"删除培训 {ts.title}",
                     before, None)


def get_session(db: Database, session_id: int) -> SessionDetail:
    """One session with its topics and attendance (what the handout and certificates need).

    Raises:
        NotFound: no such session.
    """
    with db.session(write=False) as s:
        return _detail(s, _load(s, session_id))


def list_sessions(db: Database, *, year: int | None = None, hearing_id: int | None = None) -> list[SessionRow]:
    """Training sessions, newest first."""
    topics = (select(func.count(TrainingSessionTopic.id))
              .where(TrainingSessionTopic.session_id == TrainingSession.id).scalar_subquery())
    people = (select(func.count(TrainingAttendance.id))
              .where(TrainingAttendance.session_id == TrainingSession.id).scalar_subquery())
    query = select(TrainingSession, topics, people)
    if year is not None:
        query = query.where(TrainingSession.starts_at >= dt.datetime(year, 1, 1),
                            TrainingSession.starts_at < dt.datetime(year + 1, 1, 1))
    if hearing_id is not None:
        query = query.where(TrainingSession.hearing_id == hearing_id)
    with db.session(write=False) as s:
        return [SessionRow(ts.id, ts.hearing_id, ts.title, ts.speaker or "", ts.starts_at, ts.venue or "",
                           n_topics, n_people)
                for ts, n_topics, n_people in s.execute(query.order_by(TrainingSession.starts_at.desc(),
                                                                       TrainingSession.id.desc()))]


# ---------------------------------------------------------------- attendance


def observers_checked_in(db: Database, session_id: int) -> list[AttendeeRow]:
    """People who checked in at the session's hearing: the attendance list's starting point.

    ``id`` is 0 (nothing is saved yet). Empty for a standalone session.
    """
    with db.session(write=False) as s:
        ts = _load(s, session_id)
        if ts.hearing_id is None:
            return []
        rows = s.execute(
            select(Observer.id, Observer.name, Enterprise.name)
            .join(Invitation, Invitation.observer_id == Observer.id)
            .outerjoin(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Invitation.hearing_id == ts.hearing_id, Invitation.status == InvitationStatus.ATTENDED)
            .order_by(Invitation.checked_in_at, Invitation.id)
        ).all()
        return [AttendeeRow(0, oid, name, ent or "") for oid, name, ent in rows]


def record_attendance(db: Database, session_id: int, observer_ids: Sequence[int],
                      others: Sequence[tuple[str, str]] = ()) -> SessionDetail:
    """Set who attended: people of the directory and others by (name, enterprise name).

    The list replaces the one saved before (saving the same list twice changes nothing). An
    “other” who matches exactly one person of the directory (same name, same enterprise) is
    linked to that person, so their history shows the session.

    Raises:
        ValidationError: a name that is not a name (nothing saved).
        NotFound: the session or a person is gone.
    """
    errors: dict[str, str] = {}
    clean_others: list[tuple[str, str]] = []
    for n, (name, enterprise) in enumerate(others, start=1):
        checked = validators.check_person_name(name)
        if not checked.ok:
            errors[f"others[{n}]"] = msg("第{n}位其他参训人员：{error}", n=n, error=checked.error)
            continue
        ent = tidy_enterprise_name(enterprise)
        if len(ent) > 200:
            errors[f"others[{n}]"] = msg("第{n}位其他参训人员：单位名称过长", n=n)
            continue
        clean_others.append((checked.value, ent))
    ValidationError.raise_if(errors, msg("参训人员"))
    with db.session() as s:
        ts = _load(s, session_id)
        before = _detail(s, ts).attendance
        # Who should be on the list, keyed ("o", observer id) or ("n", (name, enterprise key)).
        wanted: dict[tuple[str, object], tuple[int | None, str, str]] = {}
        for observer_id in dict.fromkeys(observer_ids):
            o = s.get(Observer, observer_id)
            if o is None:
                raise NotFound(msg("找不到编号为 {observer_id} 的旁听人员", observer_id=observer_id))
            employer = s.get(Enterprise, o.enterprise_id) if o.enterprise_id else None
            wanted[("o", o.id)] = (o.id, o.name, employer.name if employer else "")
        for name, ent_name in clean_others:
            linked = _match_person(s, name, ent_name)
            if linked is not None and ("o", linked) in wanted:
                continue
            key: tuple[str, object] = (("o", linked) if linked is not None
                                       else ("n", (name, enterprise_name_key(ent_name))))
            wanted.setdefault(key, (linked, name, ent_name))
        have = {(("o", a.observer_id) if a.observer_id is not None
                 else ("n", (a.name, enterprise_name_key(a.enterprise_name)))): a for a in ts.attendance}
        for key, a in have.items():
            if key not in wanted:
                ts.attendance.remove(a)
        for key, (linked_id, name, ent_name) in wanted.items():
            if key not in have:
                ts.attendance.append(TrainingAttendance(observer_id=linked_id, name=name,
                                                        enterprise_name=ent_name or None))
        s.flush()
        s.expire(ts)
        after = _detail(s, _load(s, session_id))
        if after.attendance != before:
            audit.record(s, db.actor, "training.attendance", "training_session", session_id,
                         f"登记培训“{ts.title}”的参训人员（{len(after.attendance)} 人）",
                         {"attendance": [a.name for a in before]}, {"attendance": [a.name for a in after.attendance]})
        return after


def _match_person(session: Session, name: str, enterprise_name: str) -> int | None:
    if not enterprise_name:
        return None
    key = enterprise_name_key(enterprise_name)
    matches = [oid for oid, ent in session.execute(
        select(Observer.id, Enterprise.name).join(Enterprise, Enterprise.id == Observer.enterprise_id)
        .where(Observer.name == name)
    ) if enterprise_name_key(ent) == key]
    return matches[0] if len(matches) == 1 else None

"""Documents (文书): gather a hearing's data, render the PDFs, write them safely, record them.

A pack is made in three steps. (1) One read session gathers everything into the plain,
frozen records of :mod:`tribunal.documents.data` — the observers' records only ever get
de-identified captions, and a hearing that is not public gets no observer records at all.
(2) The renderers lay the documents out in memory, with no session open: rendering must not
hold the database's write lock for the half second it takes. (3) The files are written
atomically, and one write session records each of them in the ``document`` table with its
SHA-256, plus one audit entry.

Recording policy: a document is identified by its file path. Printing again with unchanged
data gives the same bytes; the file is then left alone and its row is not touched (no
duplicate rows, no new date). When the content changed, the file is replaced and the row's
hash, date and author are updated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CircuitTribunal,
    Document,
    Hearing,
    HearingPanelMember,
    Invitation,
    Observer,
    Room,
    Setting,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
)
from tribunal.domain import anonymise
from tribunal.domain.enums import (
    CaseType,
    DocumentKind,
    HearingStatus,
    InvitationStatus,
    PanelRole,
    PartyKind,
    PartyRole,
)
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, settings
from tribunal.services.hearings import load_hearing

__all__ = [
    "CLOSED_REFUSAL",
    "DEFAULT_TOPIC_COUNT",
    "DocumentRow",
    "PackResult",
    "ReprintResult",
    "commission_of",
    "default_topics",
    "deidentify_text",
    "documents_folder",
    "font_settings_of",
    "list_documents",
    "make_certificates",
    "make_day_pack",
    "make_pack",
    "preview",
    "reprint",
    "warm_up",
]

CLOSED_REFUSAL = "不公开审理的案件不制作旁听文书（开庭公告、旁听邀请函、旁听须知、签到表、培训讲义和培训证明）"
#: How many topics the handout takes when no training session has been recorded yet.
DEFAULT_TOPIC_COUNT = 4
DEFAULT_FOLDER_NAME = "文书"
_OBSERVER_KINDS = frozenset({DocumentKind.ANNOUNCEMENT, DocumentKind.INVITATION, DocumentKind.OBSERVER_RULES,
                             DocumentKind.SIGN_IN, DocumentKind.HANDOUT, DocumentKind.CERTIFICATE})
_TRAINING_MINUTES = 60
_REPLY_DAYS = 3  # replies are asked for three days before the hearing


# ---------------------------------------------------------------- plain data out


@dataclass(frozen=True)
class DocumentRow:
    """One recorded document, as the documents page lists it."""

    id: int
    kind: DocumentKind
    title: str
    case_id: int | None
    case_number: str
    hearing_id: int | None
    party_id: int | None
    observer_id: int | None
    path: str
    sha256: str
    generated_at: dt.datetime
    generated_by: str

    @property
    def file_exists(self) -> bool:
        """Whether the file is still where it was written."""
        return Path(self.path).is_file()


@dataclass(frozen=True)
class PackResult:
    """What a pack action did: the files in print order, the combined PDF, and counts."""

    folder: Path
    documents: tuple[DocumentRow, ...]
    combined: DocumentRow | None
    added: int
    updated: int
    unchanged: int
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """One line for the status bar or the command line."""
        total = len(self.documents) + (1 if self.combined else 0)
        return (f"共 {total} 个文件（新增 {self.added}，更新 {self.updated}，未变 {self.unchanged}），"
                f"保存在 {self.folder}")


@dataclass(frozen=True)
class ReprintResult:
    """A reprinted document and whether its bytes changed."""

    document: DocumentRow
    changed: bool


# ---------------------------------------------------------------- settings


def commission_of(values: dict[str, Any]) -> Any:
    """The issuing body as documents print it, from the settings' values."""
    from tribunal.documents.data import Commission

    style = str(values.get("documents.date_style") or "chinese")
    return Commission(
        issuer=str(values.get("commission.seal_text") or values.get("commission.name") or ""),
        institute=str(values.get("commission.name") or values.get("commission.seal_text") or ""),
        address=str(values.get("commission.address") or ""),
        phone=str(values.get("commission.phone") or ""),
        date_style="arabic" if style == "arabic" else "chinese",
    )


def font_settings_of(values: dict[str, Any]) -> Any:
    """The official-font paths from the settings' values (empty: the bundled font)."""
    from tribunal.documents.fonts import FontSettings

    return FontSettings.from_mapping(values)


def documents_folder(db: Database, values: dict[str, Any] | None = None) -> Path:
    """Where documents are written: the ``documents.folder`` setting, else a default.

    The default is a "文书" folder beside the SQLite database file, or — for a server
    database — a "巡回仲裁文书" folder in the user's documents folder.
    """
    if values is None:
        values = settings.get_all(db)
    configured = str(values.get("documents.folder") or "").strip()
    if configured:
        return Path(configured).expanduser().absolute()
    if db.path is not None:
        return db.path.parent / DEFAULT_FOLDER_NAME
    return Path(platformdirs.user_documents_dir()) / "巡回仲裁文书"


def _output_folder(db: Database, out_dir: str | Path | None, values: dict[str, Any]) -> Path:
    if out_dir is not None:
        folder = Path(out_dir).expanduser().absolute()
        if not folder.is_dir():
            raise ValidationError(f"输出文件夹不存在：{folder}", {"out": "文件夹不存在"})
        return folder
    folder = documents_folder(db, values)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"无法创建文书文件夹 {folder}：{exc.strerror or exc}",
                              {"documents.folder": "无法创建"}) from exc
    return folder


# ---------------------------------------------------------------- de-identification


_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?:-\d{1,6})?(?!\d)")
_DAY = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.]\d{1,2}(?!\d)")
_AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元")


def deidentify_text(text: str, replacements: dict[str, str]) -> str:
    """Make free text fit for teaching material (docs/legal-basis.md §6).

    Names are replaced (longest first, so 张三丰 goes before 张三); ID numbers and phone
    numbers are removed; exact dates become months (2026年3月4日 → 2026年3月); amounts in
    yuan are rounded (12,345元 → 约1.2万元). What the text says in other words — a unique
    job title, a rare injury — still needs the clerk's eye.
    """
    from tribunal.documents.formatting import approx_yuan

    out = text or ""
    for name in sorted((n for n in replacements if n), key=len, reverse=True):
        out = out.replace(name, replacements[name])
    out = _ID_NUMBER.sub("（证件号码已删除）", out)
    out = _MOBILE.sub("（电话已删除）", out)
    out = _LANDLINE.sub("（电话已删除）", out)
    out = _DAY.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月", out)
    out = _ISO_DAY.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月", out)

    def amount(m: re.Match[str]) -> str:
        fen = int(m.group(1).replace(",", "")) * 100 + int((m.group(2) or "0").ljust(2, "0"))
        return approx_yuan(fen) or m.group(0)

    return _AMOUNT.sub(amount, out)


def _replacements(case: Case) -> dict[str, str]:
    people = [p.name for p in case.parties if p.kind == PartyKind.PERSON]
    aliases = anonymise.aliases_for(people)
    out: dict[str, str] = {}
    for p in case.parties:
        if p.kind == PartyKind.PERSON:
            out[p.name] = aliases[p.name]
        else:
            out[p.name] = anonymise.organisation_alias(p.name)
        for other in (p.legal_representative, p.agent_name):
            # An agent is often written "某某律师事务所律师 王五": the name is the last word.
            name = (other or "").split()[-1] if (other or "").strip() else ""
            if name and name not in out:
                out[name] = anonymise.person_alias(name)
    return out


def _type_phrase(case_type: CaseType) -> str:
    """工伤保险待遇争议 / 劳动争议 — the case type as the end of a caption."""
    label = case_type.label_zh
    if case_type == CaseType.OTHER:
        return "劳动争议"
    return label if label.endswith("争议") else f"{label}争议"


def _public_caption(case: Case) -> str:
    applicants = [p for p in case.parties if p.role == PartyRole.APPLICANT]
    respondents = [p for p in case.parties if p.role == PartyRole.RESPONDENT]
    if not applicants or not respondents:
        return f"一起{_type_phrase(case.case_type)}案件"
    caption = anonymise.case_caption(
        [p.name for p in applicants], [p.name for p in respondents],
        respondent_is_org=[p.kind == PartyKind.ORGANISATION for p in respondents],
        applicant_is_org=[p.kind == PartyKind.ORGANISATION for p in applicants],
    )
    return caption.removesuffix("劳动争议案") + _type_phrase(case.case_type)


# ---------------------------------------------------------------- training topics


@dataclass(frozen=True)
class _LibraryTopic:
    code: str
    title: str
    body: str
    legal_basis: str
    tags: tuple[str, ...] = ()


def _text_of(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value or "")


def _topic_library() -> list[_LibraryTopic]:
    """Topics shipped in ``resources/topics/*.json`` (none when the folder is absent).

    Read leniently — a list, or an object with a "topics" list; "body" may be a list of
    paragraphs — because the library's format belongs to the training feature.
    """
    from tribunal.resources import resource_root

    folder = resource_root() / "topics"
    topics: list[_LibraryTopic] = []
    if not folder.is_dir():
        return topics
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        items = data.get("topics", []) if isinstance(data, dict) else data
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not item.get("title"):
                continue
            topics.append(_LibraryTopic(
                code=str(item.get("code") or item["title"]),
                title=str(item["title"]),
                body=_text_of(item.get("body") or item.get("text")),
                legal_basis=_text_of(item.get("legal_basis") or item.get("basis")).replace("\n", "；"),
                tags=tuple(str(t) for t in item.get("tags", []) if isinstance(t, str)),
            ))
    return topics


def default_topics(s: Session, case_type: CaseType) -> list[Any]:
    """Topics for a handout when no training session has been recorded for the hearing.

    The choice: topics tagged with the case type, then those tagged "general",
    :data:`DEFAULT_TOPIC_COUNT` in all, in library order (the commission's own topics after
    the library's). A topic stored in the database is taken as stored — its wording and its
    tags as the commission edited them; a deactivated one is left out. A library topic not
    yet copied into the database is taken from the library file. Without any tags at all
    (no library file, nothing tagged), active topics whose title mentions the case type come
    first, then the others in their order.
    """
    from tribunal.documents.data import TopicInfo
    from tribunal.services.training import GENERAL_TAG, TAGS_FILLED_KEY

    rows = {t.code: t for t in s.scalars(select(TrainingTopic).order_by(TrainingTopic.id))}
    library = _topic_library()
    library_tags = {t.code: t.tags for t in library}
    filled_row = s.get(Setting, TAGS_FILLED_KEY)
    filled = bool(filled_row is not None and filled_row.value)
    # (code, title, body, legal basis, tags) of every candidate, library order first.
    candidates: list[tuple[str, str, str, str, tuple[str, ...]]] = []
    for topic in library:
        row = rows.get(topic.code)
        if row is None:
            candidates.append((topic.code, topic.title, topic.body, topic.legal_basis, topic.tags))
        elif row.active:
            tags = tuple(row.tags or ())
            if not tags and not filled:
                tags = topic.tags  # stored before topics had tags and not yet filled in
            candidates.append((row.code, row.title, row.body, row.legal_basis, tags))
    candidates += [(t.code, t.title, t.body, t.legal_basis, tuple(t.tags or ()))
                   for code, t in rows.items() if code not in library_tags and t.active]
    if any(c[4] for c in candidates):
        specific = [c for c in candidates if case_type.value in c[4]]
        general = [c for c in candidates if GENERAL_TAG in c[4] and c not in specific]
        return [TopicInfo(code, title, body, basis)
                for code, title, body, basis, _tags in (specific + general)[:DEFAULT_TOPIC_COUNT]]
    active = [t for t in rows.values() if t.active]
    word = case_type.label_zh[:2]
    active.sort(key=lambda t: (word not in t.title, t.id))
    return [TopicInfo(t.code, t.title, t.body, t.legal_basis) for t in active[:DEFAULT_TOPIC_COUNT]]


# ---------------------------------------------------------------- gathering


def _hearing_to_print(s: Session, hearing_id: int) -> Hearing:
    """The hearing with everything its documents print, loaded in a few queries."""
    return load_hearing(
        s, hearing_id,
        selectinload(Hearing.case).selectinload(Case.parties),
        selectinload(Hearing.case).selectinload(Case.claims),
        selectinload(Hearing.case).selectinload(Case.arbitrators),
        selectinload(Hearing.case).selectinload(Case.clerk),
        selectinload(Hearing.room).selectinload(Room.enterprise),
        selectinload(Hearing.host_enterprise),
        selectinload(Hearing.tribunal),
        selectinload(Hearing.clerk),
        selectinload(Hearing.panel).selectinload(HearingPanelMember.staff),
        selectinload(Hearing.service_records),
        selectinload(Hearing.invitations).selectinload(Invitation.observer).selectinload(Observer.enterprise),
    )


def _panel(hearing: Hearing) -> tuple[Any, ...]:
    from tribunal.documents.data import PanelSeat

    seats = [(m.role, m.staff.name, m.position) for m in hearing.panel]
    if not seats:
        seats = [(a.role, a.staff.name, a.position) for a in hearing.case.arbitrators]
    order = {PanelRole.SOLE: 0, PanelRole.PRESIDING: 0, PanelRole.MEMBER: 1}
    seats.sort(key=lambda seat: (order[seat[0]], seat[2]))
    return tuple(PanelSeat(role.value, role.label_zh, name) for role, name, _ in seats)


def _panel_text(panel: Sequence[Any]) -> str:
    sole = [p.name for p in panel if p.role == "sole"]
    if sole:
        return f"独任仲裁员{sole[0]}"
    presiding = [p.name for p in panel if p.role == "presiding"]
    members = [p.name for p in panel if p.role == "member"]
    parts = ([f"首席仲裁员{presiding[0]}"] if presiding else []) + ([f"仲裁员{'、'.join(members)}"] if members else [])
    return "，".join(parts) or "（尚未组庭）"


def _venue(hearing: Hearing, commission: Any) -> Any:
    from tribunal.documents.data import Venue

    room = hearing.room
    host = hearing.host_enterprise or (room.enterprise if room is not None else None)
    if room is not None and room.enterprise_id is None:
        return Venue(host=commission.institute, room=room.name, address=room.address or commission.address,
                     directions=room.directions or "", at_enterprise=False)
    return Venue(
        host=host.name if host is not None else commission.institute,
        room=room.name if room is not None else "",
        address=(room.address if room is not None and room.address else None) or (host.address if host else "") or "",
        directions=(room.directions if room is not None else "") or "",
        at_enterprise=host is not None,
    )


def _staff(staff: Any) -> Any:
    from tribunal.documents.data import StaffMember

    return StaffMember(staff.name, staff.phone or "") if staff is not None else StaffMember("")


def _issue_date(hearing: Hearing) -> dt.date:
    """The date on the notices: the day the hearing was scheduled (never after the hearing)."""
    created = hearing.created_at.date() if hearing.created_at else hearing.starts_at.date()
    return min(created, hearing.starts_at.date())


def _hearing_info(hearing: Hearing, commission: Any) -> Any:
    from tribunal.documents.data import HearingInfo, PartyInfo, ServiceInfo

    case = hearing.case
    parties = tuple(
        PartyInfo(
            id=p.id, role=p.role.value, role_label=p.role.label_zh,
            is_organisation=p.kind == PartyKind.ORGANISATION, name=p.name, address=p.address or "",
            legal_representative=p.legal_representative or "",
            legal_representative_title=p.legal_representative_title or "",
            agent_name=p.agent_name or "",
        )
        for p in case.parties
    )
    service = {}
    for record in sorted(hearing.service_records, key=lambda r: (r.served_on or dt.date.min, r.id)):
        if record.party_id is not None:
            service[record.party_id] = ServiceInfo(record.method.label_zh, record.served_on)
    return HearingInfo(
        id=hearing.id, case_id=case.id, case_number=case.number,
        case_type_label=_type_phrase(case.case_type).removesuffix("争议"),
        parties=parties, starts_at=hearing.starts_at, ends_at=hearing.ends_at,
        venue=_venue(hearing, commission), public=hearing.public, closed_reason=hearing.closed_reason or "",
        panel=_panel(hearing), clerk=_staff(hearing.clerk or case.clerk),
        tribunal=hearing.tribunal.name if hearing.tribunal else "",
        issue_date=_issue_date(hearing), service=tuple(sorted(service.items())),
    )


def _training(s: Session, hearing: Hearing, panel: Sequence[Any], venue_text: str) -> Any:
    from tribunal.documents.data import TopicInfo, TrainingInfo

    session = s.scalars(
        select(TrainingSession).where(TrainingSession.hearing_id == hearing.id)
        .order_by(TrainingSession.starts_at, TrainingSession.id)
        .options(selectinload(TrainingSession.topics).selectinload(TrainingSessionTopic.topic))
    ).first()
    if session is not None:
        ends = session.ends_at or session.starts_at + dt.timedelta(minutes=_TRAINING_MINUTES)
        return TrainingInfo(
            title=session.title, speaker=session.speaker or "", starts_at=session.starts_at, ends_at=ends,
            venue=session.venue or venue_text,
            topics=tuple(TopicInfo(link.topic.code, link.topic.title, link.topic.body, link.topic.legal_basis)
                         for link in session.topics),
        )
    speaker = next((p.name for p in panel if p.role in ("sole", "presiding")), "")
    return TrainingInfo(
        title=f"以案释法：{_type_phrase(hearing.case.case_type)}的预防与处理",
        speaker=speaker, starts_at=hearing.ends_at,
        ends_at=hearing.ends_at + dt.timedelta(minutes=_TRAINING_MINUTES), venue=venue_text,
        topics=tuple(default_topics(s, hearing.case.case_type)), default_selection=True,
    )


def _public(s: Session, hearing: Hearing, info: Any) -> Any:
    from tribunal.documents.data import PublicHearing

    return PublicHearing(
        hearing_id=hearing.id, caption=_public_caption(hearing.case),
        case_type_label=info.case_type_label, starts_at=hearing.starts_at, ends_at=hearing.ends_at,
        venue=info.venue, panel=info.panel, clerk=info.clerk, tribunal=info.tribunal,
        issue_date=info.issue_date, training=_training(s, hearing, info.panel, info.venue.place),
    )


def _invitee(invitation: Invitation) -> Any:
    from tribunal.documents.data import Invitee

    observer = invitation.observer
    return Invitee(
        invitation_id=invitation.id, observer_id=observer.id, name=observer.name,
        enterprise=observer.enterprise.name if observer.enterprise else "", title=observer.title or "",
        token=invitation.token, status_label=invitation.status.label_zh,
        checked_in_at=invitation.checked_in_at, walk_in=invitation.walk_in,
    )


def _expected(hearing: Hearing) -> list[Invitation]:
    """Invitations still expected (declined ones left out), by enterprise, name and id."""
    live = [i for i in hearing.invitations if i.status != InvitationStatus.DECLINED]
    return sorted(live, key=lambda i: (i.observer.enterprise.name if i.observer.enterprise else "\uffff",
                                       i.observer.name, i.id))


def _letters(hearing: Hearing, issue_date: dt.date) -> list[Any]:
    from tribunal.documents.data import InvitationLetter

    reply_by = max(issue_date, hearing.starts_at.date() - dt.timedelta(days=_REPLY_DAYS))
    groups: dict[Any, list[Invitation]] = {}
    for invitation in _expected(hearing):
        if invitation.walk_in:
            continue
        key = invitation.observer.enterprise_id or f"person-{invitation.observer_id}"
        groups.setdefault(key, []).append(invitation)
    letters = []
    for members in groups.values():
        enterprise = members[0].observer.enterprise
        letters.append(InvitationLetter(
            addressee=enterprise.name if enterprise else members[0].observer.name,
            enterprise=enterprise.name if enterprise else "",
            invitees=tuple(_invitee(i) for i in members), reply_by=reply_by,
        ))
    return letters


def _teaching(case: Case) -> Any:
    from tribunal.documents.data import ClaimSummary, TeachingCase
    from tribunal.documents.formatting import approx_yuan, month_text

    names = _replacements(case)
    return TeachingCase(
        caption=_public_caption(case),
        case_type_label=_type_phrase(case.case_type).removesuffix("争议"),
        summary=deidentify_text(case.summary or "", names),
        claims=tuple(ClaimSummary(deidentify_text(c.item, names), approx_yuan(c.amount_fen)) for c in case.claims),
        applied_month=month_text(case.received_date),
    )


def _day_list(s: Session, tribunal: CircuitTribunal, day: dt.date, commission: Any) -> Any:
    from tribunal.documents.data import DayList, DayListRow

    start = dt.datetime.combine(day, dt.time.min)
    hearings = s.scalars(
        select(Hearing).where(Hearing.tribunal_id == tribunal.id, Hearing.starts_at >= start,
                              Hearing.starts_at < start + dt.timedelta(days=1),
                              Hearing.status != HearingStatus.CANCELLED)
        .order_by(Hearing.starts_at, Hearing.id)
        .options(selectinload(Hearing.case), selectinload(Hearing.room).selectinload(Room.enterprise),
                 selectinload(Hearing.host_enterprise), selectinload(Hearing.clerk),
                 selectinload(Hearing.panel).selectinload(HearingPanelMember.staff))
    ).all()
    rows = []
    for h in hearings:
        venue = _venue(h, commission)
        clerk = h.clerk or h.case.clerk
        rows.append(DayListRow(
            starts_at=h.starts_at, ends_at=h.ends_at, case_number=h.case.number,
            applicants=h.case.applicant_names, respondents=h.case.respondent_names,
            case_type_label=h.case.case_type.label_zh, place=venue.place, panel=_panel_text(_panel(h)),
            clerk=clerk.name if clerk else "", public=h.public,
            status_label="" if h.status == HearingStatus.SCHEDULED else h.status.label_zh,
        ))
    return DayList(tribunal=tribunal.name, day=day, rows=tuple(rows), issue_date=day)


def _require_printable(hearing: Hearing) -> None:
    if hearing.status in (HearingStatus.CANCELLED, HearingStatus.POSTPONED):
        raise ConflictError(f"{hearing.starts_at:%Y-%m-%d %H:%M} 的开庭{hearing.status.label_zh}，"
                            "不再制作开庭文书；请为新的开庭时间制作")


def _gather(s: Session, hearing: Hearing, commission: Any, *, day_list: bool = True) -> Any:
    from tribunal.documents.pack import HearingDocuments

    info = _hearing_info(hearing, commission)
    if not hearing.public:
        return HearingDocuments(hearing=info, day_list=_day_list(s, hearing.tribunal, hearing.starts_at.date(),
                                                                 commission)
                                if day_list and hearing.tribunal else None)
    return HearingDocuments(
        hearing=info,
        public=_public(s, hearing, info),
        letters=tuple(_letters(hearing, info.issue_date)),
        expected=tuple(_invitee(i) for i in _expected(hearing)),
        teaching=_teaching(hearing.case),
        day_list=_day_list(s, hearing.tribunal, hearing.starts_at.date(), commission)
        if day_list and hearing.tribunal else None,
    )


def _privacy_notes(hearing: Hearing) -> list[str]:
    """Warnings about facts that would undo the de-identification of observer documents."""
    notes = []
    respondent_ids = {p.enterprise_id for p in hearing.case.parties if p.enterprise_id}
    host_id = hearing.host_enterprise_id or (hearing.room.enterprise_id if hearing.room else None)
    if hearing.public and host_id and host_id in respondent_ids:
        notes.append(f"{hearing.case.number}：开庭地点就在被申请人单位，旁听文书中的地点会透露当事人身份，"
                     "请确认当事人知情且不反对。")
    return notes


# ---------------------------------------------------------------- writing and recording


def _row(d: Document, case_number: str) -> DocumentRow:
    return DocumentRow(
        id=d.id, kind=d.kind, title=d.title, case_id=d.case_id, case_number=case_number,
        hearing_id=d.hearing_id, party_id=d.party_id, observer_id=d.observer_id, path=d.path,
        sha256=d.sha256, generated_at=d.generated_at, generated_by=d.generated_by,
    )


@dataclass
class _Record:
    kind: DocumentKind
    title: str
    path: Path
    sha256: str
    case_id: int | None = None
    hearing_id: int | None = None
    party_id: int | None = None
    observer_id: int | None = None


def _record(db: Database, records: Sequence[_Record], *, action: str, entity: str, entity_id: int | None,
            summary: str) -> tuple[list[DocumentRow], int, int, int]:
    """Insert or update one row per file (identified by path) in one write session."""
    added = updated = unchanged = 0
    rows: list[DocumentRow] = []
    with db.session() as s:
        paths = [str(r.path) for r in records]
        existing: dict[str, Document] = {}
        for start in range(0, len(paths), 500):
            chunk = paths[start:start + 500]
            existing.update({d.path: d for d in s.scalars(select(Document).where(Document.path.in_(chunk)))})
        case_ids = {r.case_id for r in records if r.case_id}
        numbers = dict(s.execute(select(Case.id, Case.number).where(Case.id.in_(case_ids))).all()) if case_ids else {}
        now = dt.datetime.now().replace(microsecond=0)
        for r in records:
            row = existing.get(str(r.path))
            if row is None:
                row = Document(kind=r.kind, title=r.title[:200], case_id=r.case_id, hearing_id=r.hearing_id,
                               party_id=r.party_id, observer_id=r.observer_id, path=str(r.path)[:500],
                               sha256=r.sha256, generated_at=now, generated_by=db.actor[:60])
                s.add(row)
                added += 1
            elif row.sha256 != r.sha256:
                row.sha256, row.generated_at, row.generated_by = r.sha256, now, db.actor[:60]
                row.title, row.kind = r.title[:200], r.kind
                row.case_id, row.hearing_id, row.party_id, row.observer_id = (
                    r.case_id, r.hearing_id, r.party_id, r.observer_id)
                updated += 1
            else:
                unchanged += 1
            existing[str(r.path)] = row
        s.flush()
        rows = [_row(existing[str(r.path)], numbers.get(r.case_id, "") if r.case_id else "") for r in records]
        audit.record(s, db.actor, action, entity, entity_id,
                     f"{summary}：{len(records)} 个文件（新增 {added}，更新 {updated}，未变 {unchanged}）",
                     None, {"paths": paths})
    return rows, added, updated, unchanged


def _write(folder: Path, pack: Any) -> tuple[list[Any], Any]:
    from tribunal.documents.pack import write_pack

    try:
        return write_pack(folder, pack)
    except OSError as exc:
        raise ValidationError(f"无法写入文书文件夹 {folder}：{exc.strerror or exc}",
                              {"out": "无法写入"}) from exc


def _pack_result(db: Database, folder: Path, pack: Any, *, action: str, entity: str, entity_id: int | None,
                 summary: str, extra_notes: Sequence[str] = ()) -> PackResult:
    written, combined = _write(folder, pack)
    records = [
        _Record(DocumentKind(w.item.kind), w.item.title, w.path, w.sha256, w.item.case_id, w.item.hearing_id,
                w.item.party_id, w.item.observer_id)
        for w in written
    ]
    hearing_ids = {w.item.hearing_id for w in written}
    case_ids = {w.item.case_id for w in written if w.item.case_id}
    records.append(_Record(
        DocumentKind.PACK, pack.combined_title, combined.path, combined.sha256,
        next(iter(case_ids)) if len(case_ids) == 1 else None,
        next(iter(hearing_ids)) if len(hearing_ids) == 1 and None not in hearing_ids else None,
    ))
    rows, added, updated, unchanged = _record(db, records, action=action, entity=entity, entity_id=entity_id,
                                              summary=summary)
    return PackResult(folder=folder / pack.folder_name, documents=tuple(rows[:-1]), combined=rows[-1],
                      added=added, updated=updated, unchanged=unchanged,
                      notes=tuple(extra_notes) + tuple(pack.notes), warnings=pack.warnings)


# ---------------------------------------------------------------- public actions


def _context(db: Database) -> tuple[dict[str, Any], Any, Any]:
    from tribunal.documents.fonts import load_fonts

    values = settings.get_all(db)
    fonts = load_fonts(font_settings_of(values))
    return values, commission_of(values), fonts


#: Reports how far a long action is: (steps done, steps in all). It may raise to stop the
#: action; it is called only before anything is written, so stopping there leaves no trace.
Progress = Callable[[int, int], None]


def _step(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def make_pack(db: Database, hearing_id: int, *, out_dir: str | Path | None = None,
              progress: Progress | None = None) -> PackResult:
    """Print everything for one hearing: separate files and one combined 全部文书.pdf.

    Files go to ``<folder>/<案号_日期>/``; ``out_dir`` (which must exist) replaces the
    documents folder. A hearing that is not public gets the parties' documents and the day
    list only (the notes say so).

    Raises:
        NotFound: no such hearing.
        ConflictError: the hearing was cancelled or postponed.
        ValidationError: the output folder is missing or cannot be written.
    """
    from tribunal.documents.pack import build_hearing_pack

    _step(progress, 0, 4)
    values, commission, fonts = _context(db)
    folder = _output_folder(db, out_dir, values)
    _step(progress, 1, 4)
    with db.session(write=False) as s:
        hearing = _hearing_to_print(s, hearing_id)
        _require_printable(hearing)
        docs = _gather(s, hearing, commission)
        notes = _privacy_notes(hearing)
        number = hearing.case.number
    _step(progress, 2, 4)
    pack = build_hearing_pack(docs, commission, fonts)
    _step(progress, 3, 4)
    return _pack_result(db, folder, pack, action="documents.pack", entity="hearing", entity_id=hearing_id,
                        summary=f"制作开庭文书 {number}", extra_notes=list(fonts.warnings) + notes)


def make_day_pack(db: Database, day: dt.date, tribunal_id: int, *,
                  out_dir: str | Path | None = None, progress: Progress | None = None) -> PackResult:
    """Print a tribunal's whole day: the day list, then each hearing's documents.

    Raises:
        NotFound: no such tribunal.
        ValidationError: the output folder is missing or cannot be written.
    """
    from tribunal.documents.pack import build_day_pack

    _step(progress, 0, 4)
    values, commission, fonts = _context(db)
    folder = _output_folder(db, out_dir, values)
    _step(progress, 1, 4)
    with db.session(write=False) as s:
        tribunal = s.get(CircuitTribunal, tribunal_id)
        if tribunal is None:
            raise NotFound(f"找不到编号为 {tribunal_id} 的巡回仲裁庭")
        day_list = _day_list(s, tribunal, day, commission)
        start = dt.datetime.combine(day, dt.time.min)
        ids = list(s.scalars(
            select(Hearing.id).where(Hearing.tribunal_id == tribunal_id, Hearing.starts_at >= start,
                                     Hearing.starts_at < start + dt.timedelta(days=1),
                                     Hearing.status.in_([HearingStatus.SCHEDULED, HearingStatus.HELD]))
            .order_by(Hearing.starts_at, Hearing.id)))
        hearings, notes = [], list(fonts.warnings)
        for hid in ids:
            hearing = _hearing_to_print(s, hid)
            hearings.append(_gather(s, hearing, commission, day_list=False))
            notes += _privacy_notes(hearing)
        tribunal_name = tribunal.name
    if not hearings:
        notes.append(f"{tribunal_name}在 {day.isoformat()} 没有排期的开庭，只制作了空白排期表。")
    _step(progress, 2, 4)
    pack = build_day_pack(day_list, hearings, commission, fonts)
    _step(progress, 3, 4)
    return _pack_result(db, folder, pack, action="documents.day_pack", entity="circuit_tribunal",
                        entity_id=tribunal_id, summary=f"制作 {tribunal_name} {day.isoformat()} 的开庭文书",
                        extra_notes=notes)


def _attended(s: Session, hearing: Hearing) -> list[tuple[int | None, str, str, str]]:
    """(observer id, name, enterprise, title) of everyone who came, in a stable order."""
    people: dict[Any, tuple[int | None, str, str, str]] = {}
    for i in hearing.invitations:
        if i.status == InvitationStatus.ATTENDED or i.checked_in_at is not None:
            o = i.observer
            people[o.id] = (o.id, o.name, o.enterprise.name if o.enterprise else "", o.title or "")
    sessions = s.scalars(select(TrainingSession).where(TrainingSession.hearing_id == hearing.id)
                         .options(selectinload(TrainingSession.attendance))).all()
    for session in sessions:
        for a in session.attendance:
            key = a.observer_id if a.observer_id is not None else ("name", a.name, a.enterprise_name or "")
            if key not in people:
                title = ""
                if a.observer_id is not None:
                    observer = s.get(Observer, a.observer_id)
                    title = observer.title or "" if observer else ""
                people[key] = (a.observer_id, a.name, a.enterprise_name or "", title)
    return sorted(people.values(), key=lambda p: (p[2], p[1], p[0] or 0))


def _hours(start: dt.datetime, end: dt.datetime) -> str:
    halves = max(1, round((end - start).total_seconds() / 1800))
    return f"{halves / 2:g}"


def _certificate_items(db: Database, hearing_id: int, commission: Any, fonts: Any, *,
                       refuse: type[Exception]) -> tuple[list[Any], Any, str, dt.date]:
    """The certificates of a hearing's attendees; ``refuse`` is the error type for a closed hearing."""
    from tribunal.documents.data import Certificate
    from tribunal.documents.pack import build_certificates

    with db.session(write=False) as s:
        hearing = _hearing_to_print(s, hearing_id)
        if not hearing.public:
            raise refuse(CLOSED_REFUSAL + "。")
        info = _hearing_info(hearing, commission)
        public = _public(s, hearing, info)
        people = _attended(s, hearing)
        case_id, number = hearing.case_id, hearing.case.number
    if not people:
        raise ValidationError("这场开庭还没有签到到场的旁听人员，无法制作培训证明", {"hearing": "无人到场"})
    day = public.training.ends_at.date()
    certificates = [
        Certificate(number=f"〔{day.year}〕巡培字第{hearing_id}-{n}号", name=name, enterprise=enterprise,
                    title=title, hours=_hours(public.starts_at, public.training.ends_at), issue_date=day)
        for n, (_oid, name, enterprise, title) in enumerate(people, 1)
    ]
    items = build_certificates(public, certificates, commission, observer_ids=[p[0] for p in people],
                               case_id=case_id, fonts=fonts)
    return items, info, number, day


def make_certificates(db: Database, hearing_id: int, *, out_dir: str | Path | None = None,
                      progress: Progress | None = None) -> PackResult:
    """Print a 培训证明 for everyone who attended (checked in, or on the training's attendance).

    Files go to ``<folder>/<案号_日期>/培训证明/``.

    Raises:
        NotFound: no such hearing.
        ValidationError: the hearing is not public, nobody has attended yet, or the output
            folder is missing.
    """
    from tribunal.documents.merge import Part, merge_pdfs
    from tribunal.documents.pack import PackOutput, hearing_folder_name

    _step(progress, 0, 3)
    values, commission, fonts = _context(db)
    folder = _output_folder(db, out_dir, values)
    _step(progress, 1, 3)
    items, info, number, day = _certificate_items(db, hearing_id, commission, fonts, refuse=ValidationError)
    _step(progress, 2, 3)
    title = f"培训证明（{number}）"
    combined = merge_pdfs([Part(i.title, i.rendered.data) for i in items], title=title,
                          author=commission.institute, issue_date=day, key=f"certificates:h{hearing_id}")
    pack = PackOutput(f"{hearing_folder_name(info)}/培训证明", tuple(items), combined, title)
    return _pack_result(db, folder, pack, action="documents.certificates", entity="hearing",
                        entity_id=hearing_id, summary=f"制作培训证明 {number}")


def preview(db: Database, hearing_id: int, kind: DocumentKind, *, party_id: int | None = None,
            to_agent: bool = False, observer_id: int | None = None) -> Any:
    """Render one document in memory (for the preview pane); nothing is written or recorded.

    ``party_id`` picks the party of a notice or proof of service (the first party when
    None); ``observer_id`` picks the letter of an invitation (the first letter when None).

    Raises:
        NotFound: no such hearing, party or invitation.
        ValidationError: an observer document for a hearing that is not public.
    """
    from tribunal.documents import pack as packing
    from tribunal.documents.handout import HandoutData
    from tribunal.documents.invitation import InvitationData
    from tribunal.documents.notice import NoticeTarget
    from tribunal.documents.sign_in import SignInData

    _values, commission, fonts = _context(db)
    with db.session(write=False) as s:
        hearing = _hearing_to_print(s, hearing_id)
        if kind in _OBSERVER_KINDS and not hearing.public:
            raise ValidationError(CLOSED_REFUSAL + "。", {"hearing": "不公开审理"})
        docs = _gather(s, hearing, commission)
    r = packing.Renderers(commission, fonts)
    h = docs.hearing
    if kind in (DocumentKind.HEARING_NOTICE, DocumentKind.SERVICE_RECEIPT):
        party = next((p for p in h.parties if party_id in (None, p.id)), None)
        if party is None:
            raise NotFound(f"这件案件没有编号为 {party_id} 的当事人")
        if to_agent and not party.agent_name:
            raise NotFound(f"{party.name}没有委托代理人")
        target = NoticeTarget(h, party, to_agent=to_agent)
        return (r.notice if kind == DocumentKind.HEARING_NOTICE else r.receipt).render(target)
    if kind == DocumentKind.DAY_LIST:
        if docs.day_list is None:
            raise NotFound("这场开庭没有指定巡回仲裁庭，无法制作开庭排期表")
        return r.day_list.render(docs.day_list)
    public = docs.public
    if kind == DocumentKind.ANNOUNCEMENT:
        return r.announcement.render(public)
    if kind == DocumentKind.OBSERVER_RULES:
        return r.rules.render(public)
    if kind == DocumentKind.SIGN_IN:
        return r.sign_in.render(SignInData(public, docs.expected, docs.blank_rows))
    if kind == DocumentKind.HANDOUT:
        return r.handout.render(HandoutData(public, docs.teaching))
    if kind == DocumentKind.INVITATION:
        letter = next((letter for letter in docs.letters
                       if observer_id is None or any(i.observer_id == observer_id for i in letter.invitees)), None)
        if letter is None:
            raise NotFound("没有找到这位旁听人员的邀请函（可能尚未邀请，或者已谢绝）")
        return r.invitation.render(InvitationData(public, letter))
    raise ValidationError(f"“{kind.label_zh}”不能单独预览，请使用相应的制作功能", {"kind": "不支持"})


def list_documents(db: Database, *, case_id: int | None = None, case_number: str | None = None,
                   hearing_id: int | None = None, kind: DocumentKind | None = None,
                   limit: int | None = 500) -> list[DocumentRow]:
    """Recorded documents, newest first, filtered by case (id or number), hearing and kind.

    Raises:
        NotFound: ``case_number`` names no case.
    """
    with db.session(write=False) as s:
        if case_number:
            found = s.scalar(select(Case.id).where(Case.number == case_number.strip()))
            if found is None:
                raise NotFound(f"找不到案号为“{case_number.strip()}”的案件")
            case_id = found
        query = select(Document, Case.number).outerjoin(Case, Case.id == Document.case_id)
        if case_id is not None:
            query = query.where(Document.case_id == case_id)
        if hearing_id is not None:
            query = query.where(Document.hearing_id == hearing_id)
        if kind is not None:
            query = query.where(Document.kind == kind)
        query = query.order_by(Document.generated_at.desc(), Document.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [_row(d, number or "") for d, number in s.execute(query)]


_DAY_TITLE = re.compile(r"^开庭(?:排期表|文书)（(.+)，(\d{4}-\d{2}-\d{2})）$")


def _day_of(s: Session, title: str) -> tuple[dt.date, int]:
    m = _DAY_TITLE.match(title)
    if not m:
        raise ConflictError(f"无法从“{title}”确定巡回仲裁庭和日期，请重新制作当日文书")
    tribunal_id = s.scalar(select(CircuitTribunal.id).where(CircuitTribunal.name == m.group(1)))
    if tribunal_id is None:
        raise ConflictError(f"巡回仲裁庭“{m.group(1)}”已不存在，无法重印")
    return dt.date.fromisoformat(m.group(2)), tribunal_id


def reprint(db: Database, document_id: int) -> ReprintResult:
    """Make a recorded document again from today's data, at the same path.

    Unchanged data gives the same bytes: the file and its row are then left as they are.
    A combined PDF is remade with its whole pack.

    Raises:
        NotFound: no such document row.
        ConflictError: the document cannot be made from the current data any more (the
            hearing is gone, cancelled or no longer public, the party was removed …).
    """
    from tribunal.documents.pack import COMBINED_NAME, write_atomic

    with db.session(write=False) as s:
        row = s.get(Document, document_id)
        if row is None:
            raise NotFound(f"找不到编号为 {document_id} 的文书记录")
        kind, title, hearing_id, path = row.kind, row.title, row.hearing_id, Path(row.path)
        day_target = _day_of(s, title) if (kind == DocumentKind.DAY_LIST or (
            kind == DocumentKind.PACK and hearing_id is None)) else None

    if kind == DocumentKind.PACK:
        pack_folder = path.parent
        if day_target is not None:
            result = make_day_pack(db, day_target[0], day_target[1], out_dir=pack_folder.parent)
        elif path.parent.name == "培训证明":
            result = make_certificates(db, _need(hearing_id), out_dir=pack_folder.parent.parent)
        else:
            result = make_pack(db, _need(hearing_id), out_dir=pack_folder.parent)
        if result.combined is None or Path(result.combined.path) != path or path.name != COMBINED_NAME:
            raise ConflictError("文书包的位置已变化，已按现有数据重新制作到新的位置")
        return ReprintResult(result.combined, result.updated > 0 or result.added > 0)

    data = _regenerate(db, kind, title, hearing_id, path, day_target)
    try:
        changed = write_atomic(path, data)
    except OSError as exc:
        raise ValidationError(f"无法写入 {path}：{exc.strerror or exc}", {"path": "无法写入"}) from exc
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    with db.session() as s:
        row = s.get(Document, document_id)
        if row is None:
            raise NotFound(f"找不到编号为 {document_id} 的文书记录")
        updated = row.sha256 != digest
        if updated:
            row.sha256 = digest
            row.generated_at = dt.datetime.now().replace(microsecond=0)
            row.generated_by = db.actor[:60]
        s.flush()
        number = s.scalar(select(Case.number).where(Case.id == row.case_id)) if row.case_id else ""
        audit.record(s, db.actor, "documents.reprint", "document", document_id,
                     f"重印{kind.label_zh}：{row.title}（{'内容有变化' if updated else '内容未变'}）")
        return ReprintResult(_row(row, number or ""), changed or updated)


def _need(hearing_id: int | None) -> int:
    if hearing_id is None:
        raise ConflictError("这份文书没有对应的开庭，无法重印")
    return hearing_id


def _regenerate(db: Database, kind: DocumentKind, title: str, hearing_id: int | None, path: Path,
                day_target: tuple[dt.date, int] | None) -> bytes:
    """The current bytes of one recorded document, matched by its file name in its pack."""
    from tribunal.documents.day_list import DayListSheet
    from tribunal.documents.pack import build_hearing_pack

    _values, commission, fonts = _context(db)
    if kind == DocumentKind.DAY_LIST and day_target is not None:
        with db.session(write=False) as s:
            tribunal = s.get(CircuitTribunal, day_target[1])
            if tribunal is None:  # removed since the document's row was read
                raise ConflictError("这份排期表所属的巡回仲裁庭已不存在，无法重印")
            day_list = _day_list(s, tribunal, day_target[0], commission)
        return DayListSheet(commission, fonts).render(day_list).data
    if kind == DocumentKind.CERTIFICATE:
        items, _info, _number, _day = _certificate_items(db, _need(hearing_id), commission, fonts,
                                                         refuse=ConflictError)
        for item in items:
            if item.filename == path.name:
                return item.rendered.data
        raise ConflictError(f"“{title}”的旁听人员已不在到场名单中，无法重印")
    with db.session(write=False) as s:
        hearing = _hearing_to_print(s, _need(hearing_id))
        _require_printable(hearing)
        if kind in _OBSERVER_KINDS and not hearing.public:
            raise ConflictError(CLOSED_REFUSAL + "，这场开庭现在不公开审理，无法重印")
        docs = _gather(s, hearing, commission)
    pack = build_hearing_pack(docs, commission, fonts)
    for item in pack.items:
        if item.filename == path.name:
            return item.rendered.data
    raise ConflictError(f"按现有数据已不再制作“{title}”（当事人或旁听人员可能已变更），无法重印")


def warm_up() -> None:
    """Load the PDF fonts now, so that the first document of the day prints as fast as the rest.

    The GUI calls this in the background a moment after start-up. A failure is left for the
    real print to report.
    """
    from tribunal.documents import fonts

    fonts.load_fonts()

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

import dataclasses
import datetime as dt
import hashlib
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
    AuditEntry,
    Case,
    CertificateRecord,
    CircuitTribunal,
    Document,
    DocumentBlob,
    Hearing,
    HearingPanelMember,
    Invitation,
    Observer,
    Party,
    Room,
    Setting,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
)
from tribunal.domain import anonymise, teaching
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
from tribunal.services import audit, numbering, served_documents, settings
from tribunal.services.hearings import load_hearing
from tribunal.texts import msg

__all__ = [
    "CLOSED_REFUSAL",
    "DEFAULT_TOPIC_COUNT",
    "CertificateRow",
    "DocumentRow",
    "PackResult",
    "ReprintResult",
    "TeachingDraft",
    "certificate_of_document",
    "commission_of",
    "default_topics",
    "deidentify_text",
    "documents_folder",
    "font_settings_of",
    "list_certificates",
    "list_documents",
    "make_certificates",
    "make_day_pack",
    "make_pack",
    "preview",
    "reprint",
    "reset_teaching_case",
    "save_teaching_case",
    "teaching_case",
    "void_certificate",
    "warm_up",
]

CLOSED_REFUSAL = "不公开审理的案件不制作旁听文书（开庭公告、旁听邀请函、旁听须知、签到表、培训讲义和培训证明）"
#: How many topics the handout takes when no training session has been recorded yet.
DEFAULT_TOPIC_COUNT = 4
DEFAULT_FOLDER_NAME = "文书"
_OBSERVER_KINDS = frozenset({DocumentKind.ANNOUNCEMENT, DocumentKind.INVITATION, DocumentKind.OBSERVER_RULES,
                             DocumentKind.SIGN_IN, DocumentKind.HANDOUT, DocumentKind.CERTIFICATE})
_KINDS = {kind.value: kind for kind in DocumentKind}
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
    #: A copy of these bytes is kept in the database (the document was served to a party),
    #: so it opens on any workstation even where the file is missing.
    kept: bool = False

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
        return msg("共 {total} 个文件（新增 {added}，更新 {updated}，未变 {unchanged}），保存在 {folder}",
                   total=total, added=self.added, updated=self.updated, unchanged=self.unchanged, folder=self.folder)


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
        signatory=str(values.get("commission.signatory") or ""),
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


def output_folder(db: Database, out_dir: str | Path | None, values: dict[str, Any]) -> Path:
    """The folder documents are written to: ``out_dir``, else the documents folder set for this workstation."""
    if out_dir is not None:
        folder = Path(out_dir).expanduser().absolute()
        if not folder.is_dir():
            raise ValidationError(msg("输出文件夹不存在：{folder}", folder=folder), {"out": msg("文件夹不存在")})
        return folder
    folder = documents_folder(db, values)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(msg("无法创建文书文件夹 {folder}：{value}", folder=folder, value=exc.strerror or exc),
                              {"documents.folder": msg("无法创建")}) from exc
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
        for name in (p.legal_representative or "", *(a.name for a in p.agents)):
            if name.strip() and name not in out:
                out[name] = anonymise.person_alias(name)
        for firm in {a.organisation for a in p.agents if a.organisation}:
            # A law firm or a relative's unit would point to the case as surely as a name.
            out.setdefault(firm, anonymise.organisation_alias(firm))
    return out


def type_phrase(case_type: CaseType) -> str:
    """工伤保险待遇争议 / 劳动争议 — the case type as the end of a caption."""
    label = case_type.label_zh
    if case_type == CaseType.OTHER:
        return "劳动争议"
    return label if label.endswith("争议") else f"{label}争议"


def _public_caption(case: Case) -> str:
    applicants = [p for p in case.parties if p.role == PartyRole.APPLICANT]
    respondents = [p for p in case.parties if p.role == PartyRole.RESPONDENT]
    if not applicants or not respondents:
        return f"一起{type_phrase(case.case_type)}案件"
    caption = anonymise.case_caption(
        [p.name for p in applicants], [p.name for p in respondents],
        respondent_is_org=[p.kind == PartyKind.ORGANISATION for p in respondents],
        applicant_is_org=[p.kind == PartyKind.ORGANISATION for p in applicants],
    )
    return caption.removesuffix("劳动争议案") + type_phrase(case.case_type)


# ---------------------------------------------------------------- training topics


@dataclass(frozen=True)
class _LibraryTopic:
    code: str
    title: str
    body: str
    legal_basis: str
    tags: tuple[str, ...] = ()
    formal_title: str = ""


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
                formal_title=str(item.get("formal_title") or ""),
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
    # (code, title, body, legal basis, tags, formal title) of every candidate, library order first.
    candidates: list[tuple[str, str, str, str, tuple[str, ...], str]] = []
    for topic in library:
        row = rows.get(topic.code)
        if row is None:
            candidates.append((topic.code, topic.title, topic.body, topic.legal_basis, topic.tags,
                               topic.formal_title))
        elif row.active:
            tags = tuple(row.tags or ())
            if not tags and not filled:
                tags = topic.tags  # stored before topics had tags and not yet filled in
            formal = topic.formal_title if row.formal_title is None else row.formal_title
            candidates.append((row.code, row.title, row.body, row.legal_basis, tags, formal))
    candidates += [(t.code, t.title, t.body, t.legal_basis, tuple(t.tags or ()), t.formal_title or "")
                   for code, t in rows.items() if code not in library_tags and t.active]
    if any(c[4] for c in candidates):
        specific = [c for c in candidates if case_type.value in c[4]]
        general = [c for c in candidates if GENERAL_TAG in c[4] and c not in specific]
        return [TopicInfo(code, title, body, basis, formal)
                for code, title, body, basis, _tags, formal in (specific + general)[:DEFAULT_TOPIC_COUNT]]
    active = [t for t in rows.values() if t.active]
    word = case_type.label_zh[:2]
    active.sort(key=lambda t: (word not in t.title, t.id))
    return [TopicInfo(t.code, t.title, t.body, t.legal_basis, t.formal_title or "")
            for t in active[:DEFAULT_TOPIC_COUNT]]


# ---------------------------------------------------------------- gathering


def hearing_to_print(s: Session, hearing_id: int) -> Hearing:
    """The hearing with everything its documents print, loaded in a few queries."""
    return load_hearing(
        s, hearing_id,
        selectinload(Hearing.case).selectinload(Case.parties).selectinload(Party.agents),
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


def panel_of(hearing: Hearing) -> tuple[Any, ...]:
    """The hearing's arbitrators, presiding first, as its documents print them."""
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


def venue_of(hearing: Hearing, commission: Any) -> Any:
    """Where the hearing sits, as its documents print it."""
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


def staff_of(staff: Any) -> Any:
    """A staff member as the documents print one (an empty name for none)."""
    from tribunal.documents.data import StaffMember

    return StaffMember(staff.name, staff.phone or "") if staff is not None else StaffMember("")


def _issue_date(hearing: Hearing) -> dt.date:
    """The date on the notices: the day the hearing was scheduled (never after the hearing)."""
    created = hearing.created_at.date() if hearing.created_at else hearing.starts_at.date()
    return min(created, hearing.starts_at.date())


def _hearing_info(hearing: Hearing, commission: Any) -> Any:
    from tribunal.documents.data import AgentInfo, HearingInfo, PartyInfo, ServiceInfo

    case = hearing.case
    parties = tuple(
        PartyInfo(
            id=p.id, role=p.role.value, role_label=p.role.label_zh,
            is_organisation=p.kind == PartyKind.ORGANISATION, name=p.name, address=p.address or "",
            legal_representative=p.legal_representative or "",
            legal_representative_title=p.legal_representative_title or "",
            agents=tuple(AgentInfo(a.id, a.kind, a.name, a.organisation or "", a.address or "", bool(a.legal_aid))
                         for a in p.agents),
        )
        for p in case.parties
    )
    service = {}
    for record in sorted(hearing.service_records, key=lambda r: (r.served_on or dt.date.min, r.id)):
        if record.party_id is not None:
            service[record.party_id] = ServiceInfo(record.method.label_zh, record.served_on)
    return HearingInfo(
        id=hearing.id, case_id=case.id, case_number=case.number,
        case_type_label=type_phrase(case.case_type).removesuffix("争议"),
        parties=parties, starts_at=hearing.starts_at, ends_at=hearing.ends_at,
        venue=venue_of(hearing, commission), public=hearing.public, closed_reason=hearing.closed_reason or "",
        panel=panel_of(hearing), clerk=staff_of(hearing.clerk or case.clerk),
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
            topics=tuple(TopicInfo(link.topic.code, link.topic.title, link.topic.body, link.topic.legal_basis,
                                   link.topic.formal_title or "")
                         for link in session.topics),
        )
    # No speaker is named until a session is recorded: the obvious choice, an arbitrator of
    # the case, is the one person who should not explain it before the award.
    return TrainingInfo(
        title=f"以案释法：{type_phrase(hearing.case.case_type)}的预防与处理",
        speaker="", starts_at=hearing.ends_at,
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


def _default_teaching_text(case: Case) -> str:
    """The general account of the case built from its facts (see :mod:`tribunal.domain.teaching`)."""
    from tribunal.documents.formatting import month_text

    names = _replacements(case)
    workers_apply = any(p.role == PartyRole.APPLICANT and p.kind == PartyKind.PERSON for p in case.parties)
    claims = [(deidentify_text(c.item, names), c.amount_fen) for c in case.claims]
    return teaching.default_text(month_text(case.received_date), type_phrase(case.case_type), claims,
                                 worker_applies=workers_apply)


def _teaching(case: Case, hearing: Hearing) -> Any:
    """The teaching case of the handout: the clerk's reviewed text, else the general default."""
    from tribunal.documents.data import ClaimSummary, TeachingCase

    names = _replacements(case)
    text = hearing.teaching_text if hearing.teaching_text is not None else _default_teaching_text(case)
    claims = []
    for claim in case.claims:
        item = teaching.generalise(deidentify_text(claim.item, names)) or "其他请求"
        claims.append(ClaimSummary(item, teaching.approx_wan(claim.amount_fen)))
    return TeachingCase(
        caption=_public_caption(case),
        case_type_label=type_phrase(case.case_type).removesuffix("争议"),
        summary=text,
        claims=tuple(claims),
    )


@dataclass(frozen=True)
class TeachingDraft:
    """The teaching case of a hearing's handout, as the clerk reviews it.

    ``text`` is what the handout prints: the stored text once the clerk has reviewed it,
    else ``default_text``. ``warnings`` name words about health or injury still in it.
    """

    hearing_id: int
    case_number: str
    caption: str
    default_text: str
    text: str
    reviewed: bool
    public: bool
    reviewed_by: str
    reviewed_at: dt.datetime | None
    warnings: tuple[str, ...] = ()
    #: The hearing's version counter when read: pass it back as ``expected_version`` when saving.
    version: int = 1


def _draft(hearing: Hearing) -> TeachingDraft:
    case = hearing.case
    default = _default_teaching_text(case)
    text = hearing.teaching_text if hearing.teaching_text is not None else default
    terms = teaching.health_terms(text)
    warnings = (f"文字中有涉及伤病或伤残等级的词语（{'、'.join(terms[:6])}），这些属于敏感个人信息，"
                "旁听人员不必知道，建议删去",) if terms else ()
    return TeachingDraft(hearing.id, case.number, _public_caption(case), default, text,
                         hearing.teaching_text is not None, hearing.public, hearing.teaching_reviewed_by or "",
                         hearing.teaching_reviewed_at, warnings, hearing.version)


def _check_teaching_version(s: Session, hearing: Hearing, expected_version: int | None) -> None:
    """Refuse a save of the teaching case when another clerk saved it after the editor opened.

    The text lives on the hearing row, whose version also moves when the hearing's time or
    panel is corrected; only a change of the teaching case itself refuses the save, so the
    clerk is not sent back over a change that does not touch the text.

    Raises:
        StaleEditError: the teaching case was saved or reset since version ``expected_version``.
    """
    if expected_version is None or expected_version == hearing.version:
        return
    changed = s.scalar(select(AuditEntry.id).where(
        AuditEntry.entity == "hearing", AuditEntry.entity_id == hearing.id,
        AuditEntry.action == "hearing.teaching_case", AuditEntry.entity_version > expected_version).limit(1))
    if changed is not None:
        audit.check_version(s, current=hearing.version, expected=expected_version, entity="hearing",
                            entity_id=hearing.id, what=f"{hearing.case.number} 的培训讲义案例",
                            action_prefix="hearing.teaching_case")


def teaching_case(db: Database, hearing_id: int) -> TeachingDraft:
    """The teaching case the hearing's training handout will print, for review.

    Raises:
        NotFound: no such hearing.
    """
    with db.session(write=False) as s:
        return _draft(hearing_to_print(s, hearing_id))


def _identifying(case: Case, participants: Sequence[str], text: str) -> list[str]:
    """Names, firms, ID and phone numbers of the case found in ``text`` (never in teaching material)."""
    found = []
    for party in case.parties:
        found += [party.name, party.legal_representative or ""]
        found += [a.name for a in party.agents] + [a.organisation or "" for a in party.agents]
    found += list(participants)
    hits = [name for name in found if name and len(name) >= 2 and name in text]
    hits += [m.group(0) for m in _ID_NUMBER.finditer(text)]
    hits += [m.group(0) for pattern in (_MOBILE, _LANDLINE) for m in pattern.finditer(text)]
    return list(dict.fromkeys(hits))


def save_teaching_case(db: Database, hearing_id: int, text: str, *,
                       expected_version: int | None = None) -> TeachingDraft:
    """Store the teaching case as the clerk reviewed it; the handout prints it from now on.

    Args:
        expected_version: the ``version`` of the draft the editor loaded; None skips the check.

    Raises:
        StaleEditError: another clerk saved the teaching case after the editor loaded it.
        ValidationError: empty or over-long text, or it names someone of the case (a party,
            an agent, a representative, a witness) or holds an ID or phone number.
        NotFound: no such hearing.
        ConflictError: the hearing is not public (its case is never taught).
    """
    from tribunal.db.models import CaseParticipant

    text = "\n".join(line.strip() for line in (text or "").replace("\r", "").split("\n")).strip()
    if not text:
        raise ValidationError(msg("请填写讲义中的案例文字（或恢复自动生成的文字）"), {"text": msg("不能为空")})
    if len(text) > 2000:
        raise ValidationError(msg("案例文字过长（{len} 字，最多 2000 字）", len=len(text)), {"text": msg("过长")})
    with db.session() as s:
        hearing = hearing_to_print(s, hearing_id)
        _check_teaching_version(s, hearing, expected_version)
        if not hearing.public:
            raise ConflictError(msg("不公开审理的案件不作为培训案例"))
        participants = list(s.scalars(select(CaseParticipant.name).where(CaseParticipant.case_id == hearing.case_id)))
        hits = _identifying(hearing.case, participants, text)
        if hits:
            raise ValidationError(msg("案例文字中不能出现当事人、代理人、证人的姓名或者名称以及证件号码、电话：{items}；请改用“某某”等称呼", items='、'.join(hits[:5])), {"text": msg("含有可识别身份的信息")})
        before = _draft(hearing)
        hearing.teaching_text = text
        hearing.teaching_reviewed_by = db.actor[:60]
        hearing.teaching_reviewed_at = dt.datetime.now().replace(microsecond=0)
        s.flush()
        after = _draft(hearing)
        audit.record(s, db.actor, "hearing.teaching_case", "hearing", hearing_id,
                     f"复核培训讲义案例 {hearing.case.number}", {"text": before.text}, {"text": after.text},
                     version=after.version)
        return after


def reset_teaching_case(db: Database, hearing_id: int, *, expected_version: int | None = None) -> TeachingDraft:
    """Go back to the generated text (not reviewed).

    Args:
        expected_version: the ``version`` of the draft the editor loaded; None skips the check.

    Raises:
        StaleEditError: another clerk saved the teaching case after the editor loaded it.
        NotFound: no such hearing.
    """
    with db.session() as s:
        hearing = hearing_to_print(s, hearing_id)
        _check_teaching_version(s, hearing, expected_version)
        before = _draft(hearing)
        hearing.teaching_text = None
        hearing.teaching_reviewed_by = None
        hearing.teaching_reviewed_at = None
        s.flush()
        after = _draft(hearing)
        audit.record(s, db.actor, "hearing.teaching_case", "hearing", hearing_id,
                     f"恢复自动生成的培训讲义案例 {hearing.case.number}", {"text": before.text}, {"text": after.text},
                     version=after.version)
        return after


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
        venue = venue_of(h, commission)
        clerk = h.clerk or h.case.clerk
        rows.append(DayListRow(
            starts_at=h.starts_at, ends_at=h.ends_at, case_number=h.case.number,
            applicants=h.case.applicant_names, respondents=h.case.respondent_names,
            case_type_label=h.case.case_type.label_zh, place=venue.place, panel=_panel_text(panel_of(h)),
            clerk=clerk.name if clerk else "", public=h.public,
            status_label="" if h.status == HearingStatus.SCHEDULED else h.status.label_zh,
        ))
    return DayList(tribunal=tribunal.name, day=day, rows=tuple(rows), issue_date=day)


def _require_printable(hearing: Hearing) -> None:
    if hearing.status in (HearingStatus.CANCELLED, HearingStatus.POSTPONED):
        raise ConflictError(msg("{starts_at:%Y-%m-%d %H:%M} 的开庭{status}，不再制作开庭文书；请为新的开庭时间制作", starts_at=hearing.starts_at, status=hearing.status))


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
        teaching=_teaching(hearing.case, hearing),
        day_list=_day_list(s, hearing.tribunal, hearing.starts_at.date(), commission)
        if day_list and hearing.tribunal else None,
    )


def _hearing_notes(s: Session, hearing: Hearing, values: dict[str, Any]) -> list[str]:
    """What the clerk should know before the pack goes out (printed on its cover list too)."""
    from tribunal.services.training import session_warnings

    notes = _privacy_notes(hearing)
    if hearing.public and hearing.teaching_text is None:
        notes.append(msg("{number}：培训讲义的案例文字尚未复核，使用了按案由和仲裁请求自动生成的概括文字；可在开庭页面的“讲义案例”中复核、修改。", number=hearing.case.number))
    room = hearing.room
    host = hearing.host_enterprise or (room.enterprise if room is not None else None)
    address = (room.address if room is not None else None) or (host.address if host is not None else None)
    if not address and not (room is not None and room.enterprise_id is None and values.get("commission.address")):
        notes.append(msg("{number}：开庭地点没有登记地址，通知书只写了地点名称；请在企业名录或者房间信息中补充完整地址。", number=hearing.case.number))
    sessions = s.scalars(select(TrainingSession).where(TrainingSession.hearing_id == hearing.id)
                         .order_by(TrainingSession.starts_at, TrainingSession.id)).all()
    for session in sessions[:1]:
        notes += [f"{hearing.case.number}：{warning}。" for warning in session_warnings(s, session)]
    return notes


def _privacy_notes(hearing: Hearing) -> list[str]:
    """Warnings about facts that would undo the de-identification of observer documents."""
    notes: list[str] = []
    respondent_ids = {p.enterprise_id for p in hearing.case.parties if p.enterprise_id}
    host_id = hearing.host_enterprise_id or (hearing.room.enterprise_id if hearing.room else None)
    if hearing.public and host_id and host_id in respondent_ids:
        notes.append(msg("{number}：开庭地点就在被申请人单位，旁听文书中的地点会透露当事人身份，请确认当事人知情且不反对。", number=hearing.case.number))
    return notes


# ---------------------------------------------------------------- writing and recording


def _row(d: Document, case_number: str, kept: bool = False) -> DocumentRow:
    return DocumentRow(
        id=d.id, kind=d.kind, title=d.title, case_id=d.case_id, case_number=case_number,
        hearing_id=d.hearing_id, party_id=d.party_id, observer_id=d.observer_id, path=d.path,
        sha256=d.sha256, generated_at=d.generated_at, generated_by=d.generated_by, kept=kept,
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
        raise ValidationError(msg("无法写入文书文件夹 {folder}：{value}", folder=folder, value=exc.strerror or exc),
                              {"out": msg("无法写入")}) from exc


def _versioned(filename: str, n: int) -> str:
    """01_开庭通知书_张三.pdf → 01_开庭通知书_张三（第2版）.pdf (in its subfolder, if any)."""
    head, sep, name = filename.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    return f"{head}{sep}{stem}（第{n}版）{dot}{suffix}"


def _existing_state(path: Path) -> str | None:
    """The SHA-256 of a file already at ``path``, "" for something that is not a readable file."""
    if not path.exists():
        return None
    if not path.is_file():
        return ""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _plan(db: Database, folder: Path, pack: Any, *, force: bool) -> tuple[Any, list[str]]:
    """Decide where each file of a pack goes before anything is written.

    * A document already served on a party is never overwritten: when its content changed,
      the new one is written beside it as （第2版）, （第3版）… and the served one stays.
    * A file at a target path that the register does not know, or that was changed outside
      the program, is replaced only when ``force`` is set (the clerk confirmed).

    Raises:
        OutputExistsError: such a file is in the way and ``force`` is False.
        ValidationError: a database file is in the way.
    """
    from tribunal.documents.pack import COMBINED_NAME
    from tribunal.services.outputs import OutputExistsError, check_target

    target = folder / pack.folder_name
    notes: list[str] = []
    items = []
    with db.session(write=False) as s:
        def registered(path: Path) -> Document | None:
            return s.scalars(select(Document).where(Document.path == str(path)).limit(1)).first()

        def refuse_foreign(path: Path, row: Document | None, digest: str) -> None:
            on_disk = _existing_state(path)
            if on_disk is None or on_disk == digest or (row is not None and on_disk == row.sha256):
                return
            # Extension and database checks as for any output; then only a confirmed overwrite.
            check_target(db, path, suffixes=(path.suffix.lower(),), what="文书文件", force=True)
            if not force:
                raise OutputExistsError(msg("文书文件夹中已有一个不是本程序制作的同名文件：{path}；请移走它，或确认覆盖（命令行加 --force）", path=path), path)

        for item in pack.items:
            digest = hashlib.sha256(item.rendered.data).hexdigest()
            filename = item.filename
            path = target.joinpath(*filename.split("/"))
            row = registered(path)
            n = 1
            while row is not None and row.sha256 != digest and row.path in served_documents.served_paths(s, [row]):
                n += 1
                filename = _versioned(item.filename, n)
                path = target.joinpath(*filename.split("/"))
                row = registered(path)
            if n > 1:
                notes.append(msg("“{title}”已送达当事人，内容有变化：原件保持不变，新的一份另存为 {name}", title=item.title, name=path.name))
            refuse_foreign(path, row, digest)
            items.append(dataclasses.replace(item, filename=filename) if filename != item.filename else item)
        combined_path = target / COMBINED_NAME
        refuse_foreign(combined_path, registered(combined_path), hashlib.sha256(pack.combined).hexdigest())
    return dataclasses.replace(pack, items=tuple(items)), notes


def record_pack(db: Database, folder: Path, pack: Any, *, action: str, entity: str, entity_id: int | None,
                 summary: str, extra_notes: Sequence[str] = (), force: bool = False) -> PackResult:
    """Write a pack, record each file in the documents register (and audit it), and sum it up."""
    pack, version_notes = _plan(db, folder, pack, force=force)
    extra_notes = [*extra_notes, *version_notes]
    written, combined = _write(folder, pack)
    records = [
        _Record(_KINDS[w.item.kind], w.item.title, w.path, w.sha256, w.item.case_id, w.item.hearing_id,
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
    if hearing_ids - {None}:
        with db.session() as s:  # documents of this hearing already served, printed here: keep their bytes
            for hearing_id in hearing_ids - {None}:
                served_documents.capture(s, hearing_id)
    return PackResult(folder=folder / pack.folder_name, documents=tuple(rows[:-1]), combined=rows[-1],
                      added=added, updated=updated, unchanged=unchanged,
                      notes=tuple(extra_notes) + tuple(pack.notes), warnings=pack.warnings)


# ---------------------------------------------------------------- public actions


def print_context(db: Database) -> tuple[dict[str, Any], Any, Any]:
    """The commission's settings, its name block and the document fonts: what every print needs."""
    from tribunal.documents.fonts import load_fonts

    values = settings.get_all(db)
    fonts = load_fonts(font_settings_of(values))
    return values, commission_of(values), fonts


#: Reports how far a long action is: (steps done, steps in all). It may raise to stop the
#: action; it is called only before anything is written, so stopping there leaves no trace.
Progress = Callable[[int, int], None]


def report_step(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress`` how far a long print has come (``done`` of ``steps``)."""
    if progress is not None:
        progress(done, total)


def make_pack(db: Database, hearing_id: int, *, out_dir: str | Path | None = None,
              force: bool = False, progress: Progress | None = None) -> PackResult:
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

    report_step(progress, 0, 4)
    values, commission, fonts = print_context(db)
    folder = output_folder(db, out_dir, values)
    report_step(progress, 1, 4)
    with db.session(write=False) as s:
        hearing = hearing_to_print(s, hearing_id)
        _require_printable(hearing)
        docs = _gather(s, hearing, commission)
        notes = [*fonts.warnings, *_hearing_notes(s, hearing, values)]
        number = hearing.case.number
    report_step(progress, 2, 4)
    pack = build_hearing_pack(docs, commission, fonts, notes=notes)
    report_step(progress, 3, 4)
    return record_pack(db, folder, pack, action="documents.pack", entity="hearing", entity_id=hearing_id,
                        summary=f"制作开庭文书 {number}", extra_notes=notes, force=force)


def make_day_pack(db: Database, day: dt.date, tribunal_id: int, *,
                  out_dir: str | Path | None = None, force: bool = False,
                  progress: Progress | None = None) -> PackResult:
    """Print a tribunal's whole day: the day list, then each hearing's documents.

    Raises:
        NotFound: no such tribunal.
        ValidationError: the output folder is missing or cannot be written.
    """
    report_step(progress, 0, 4)
    values, commission, fonts = print_context(db)
    folder = output_folder(db, out_dir, values)
    report_step(progress, 1, 4)
    pack = _day_pack(db, day, tribunal_id, commission, fonts, values, progress=progress)
    report_step(progress, 3, 4)
    tribunal_name = pack.folder_name.split("_", 1)[-1]
    return record_pack(db, folder, pack, action="documents.day_pack", entity="circuit_tribunal",
                        entity_id=tribunal_id, summary=f"制作 {tribunal_name} {day.isoformat()} 的开庭文书",
                        extra_notes=pack.cover_notes, force=force)


def _day_pack(db: Database, day: dt.date, tribunal_id: int, commission: Any, fonts: Any,
              values: dict[str, Any], progress: Progress | None = None) -> Any:
    """A tribunal's day, rendered (nothing written)."""
    from tribunal.documents.pack import build_day_pack

    with db.session(write=False) as s:
        tribunal = s.get(CircuitTribunal, tribunal_id)
        if tribunal is None:
            raise NotFound(msg("找不到编号为 {tribunal_id} 的巡回仲裁庭", tribunal_id=tribunal_id))
        day_list = _day_list(s, tribunal, day, commission)
        start = dt.datetime.combine(day, dt.time.min)
        ids = list(s.scalars(
            select(Hearing.id).where(Hearing.tribunal_id == tribunal_id, Hearing.starts_at >= start,
                                     Hearing.starts_at < start + dt.timedelta(days=1),
                                     Hearing.status.in_([HearingStatus.SCHEDULED, HearingStatus.HELD]))
            .order_by(Hearing.starts_at, Hearing.id)))
        hearings, notes = [], list(fonts.warnings)
        for hid in ids:
            hearing = hearing_to_print(s, hid)
            hearings.append(_gather(s, hearing, commission, day_list=False))
            notes += _hearing_notes(s, hearing, values)
        tribunal_name = tribunal.name
    if not hearings:
        notes.append(msg("{tribunal_name}在 {isoformat} 没有排期的开庭，只制作了空白排期表。", tribunal_name=tribunal_name, isoformat=day.isoformat()))
    report_step(progress, 2, 4)
    return build_day_pack(day_list, hearings, commission, fonts, notes=notes)


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
    """A training's length in hours, to the half hour ("1.5"); its own start to its own end."""
    halves = max(1, round((end - start).total_seconds() / 1800))
    return f"{halves / 2:g}"


def _person_key(observer_id: int | None, name: str, enterprise: str) -> str:
    """Whom a certificate is for: the directory's person, or a name and unit typed at the door."""
    return f"o:{observer_id}" if observer_id is not None else f"n:{name}|{enterprise}"[:300]


@dataclass(frozen=True)
class CertificateRow:
    """A certificate of attendance and its number (培训证明编号)."""

    id: int
    number: str
    name: str
    enterprise: str
    hearing_id: int | None
    issued_on: dt.date
    issued_by: str
    voided_on: dt.date | None
    void_reason: str

    @property
    def voided(self) -> bool:
        return self.voided_on is not None


def _certificate_row(c: CertificateRecord) -> CertificateRow:
    return CertificateRow(c.id, c.number, c.name, c.enterprise or "", c.hearing_id, c.issued_on, c.issued_by,
                          c.voided_on, c.void_reason or "")


def _live_certificates(s: Session, hearing_id: int) -> dict[str, CertificateRecord]:
    rows = s.scalars(select(CertificateRecord).where(CertificateRecord.hearing_id == hearing_id,
                                                    CertificateRecord.voided_on.is_(None)))
    return {c.person_key: c for c in rows}


def _certificate_items(db: Database, hearing_id: int, commission: Any, fonts: Any, values: dict[str, Any], *,
                       refuse: type[Exception], assign: bool) -> tuple[list[Any], Any, str, dt.date, list[str]]:
    """The certificates of a hearing's attendees, with their numbers.

    ``assign`` gives a number to each attendee who has none yet (first print), in one write
    transaction; a reprint (``assign`` False) prints only certificates already numbered.
    ``refuse`` is the error type for a hearing that is not public.
    """
    from tribunal.documents.data import Certificate
    from tribunal.documents.pack import build_certificates

    with db.session(write=False) as s:
        hearing = hearing_to_print(s, hearing_id)
        if not hearing.public:
            raise refuse(CLOSED_REFUSAL + "。")
        info = _hearing_info(hearing, commission)
        public = _public(s, hearing, info)
        people = _attended(s, hearing)
        case_id, case_number = hearing.case_id, hearing.case.number
        live = {key: c.number for key, c in _live_certificates(s, hearing_id).items()}
    if not people:
        raise ValidationError(msg("这场开庭还没有签到到场的旁听人员，无法制作培训证明"), {"hearing": msg("无人到场")})
    training = public.training
    # The certificate is dated the day of the activity; its hours are the training's own,
    # and only a training that was recorded is certified.
    day = (public.starts_at if training.default_selection else training.starts_at).date()
    hours = "" if training.default_selection else _hours(training.starts_at, training.ends_at)
    keys = [_person_key(oid, name, enterprise) for oid, name, enterprise, _title in people]
    if assign and any(key not in live for key in keys):
        pattern = settings.certificate_pattern(values)
        with db.session() as s:
            # Read again under the write lock: another workstation may have numbered them meanwhile.
            stored = _live_certificates(s, hearing_id)
            fresh = []
            for key, (oid, name, enterprise, _title) in zip(keys, people, strict=True):
                if key in stored:
                    continue
                seq, number = numbering.allocate_certificate(s, pattern, day.year)
                stored[key] = CertificateRecord(
                    hearing_id=hearing_id, observer_id=oid, person_key=key, name=name[:60],
                    enterprise=enterprise[:200] or None, series=pattern.series, year=day.year, seq=seq,
                    number=number, issued_on=dt.date.today(), issued_by=db.actor[:60])
                s.add(stored[key])
                fresh.append(number)
            s.flush()
            audit.record(s, db.actor, "certificate.number", "hearing", hearing_id,
                         f"培训证明编号 {fresh[0]}" + (f" 至 {fresh[-1]}" if len(fresh) > 1 else ""),
                         None, {"numbers": fresh})
            live = {key: c.number for key, c in stored.items()}
    chosen = [(key, person) for key, person in zip(keys, people, strict=True) if key in live]
    certificates = [
        Certificate(number=live[key], name=name, enterprise=enterprise, title=title, hours=hours, issue_date=day)
        for key, (_oid, name, enterprise, title) in chosen
    ]
    notes: list[str] = []
    if training.default_selection:
        notes.append(msg("{case_number}：尚未登记培训场次，培训证明只证明旁听了庭审，未写培训名称、内容和时长。", case_number=case_number))
    gone = sorted(set(live) - set(keys))
    if gone:
        notes.append(msg("{case_number}：有{len}份已编号的培训证明，其持有人已不在到场名单中，未重印；如需收回，请将其作废（编号不再使用）。", case_number=case_number, len=len(gone)))
    items = build_certificates(public, certificates, commission, observer_ids=[p[0] for _k, p in chosen],
                               case_id=case_id, fonts=fonts)
    return items, info, case_number, day, notes


def make_certificates(db: Database, hearing_id: int, *, out_dir: str | Path | None = None,
                      force: bool = False, progress: Progress | None = None) -> PackResult:
    """Print a 培训证明 for everyone who attended (checked in, or on the training's attendance).

    Each certificate gets its number when it is first printed — the next of its year in the
    ``certificate.number_pattern`` setting, gap-free like case numbers — and keeps it on
    every reprint. Files go to ``<folder>/<案号_日期>/培训证明/``.

    Raises:
        NotFound: no such hearing.
        ValidationError: the hearing is not public, nobody has attended yet, or the output
            folder is missing.
    """
    from tribunal.documents.merge import Part, merge_pdfs
    from tribunal.documents.pack import PackOutput, hearing_folder_name

    report_step(progress, 0, 3)
    values, commission, fonts = print_context(db)
    folder = output_folder(db, out_dir, values)
    report_step(progress, 1, 3)
    items, info, number, day, notes = _certificate_items(db, hearing_id, commission, fonts, values,
                                                         refuse=ValidationError, assign=True)
    report_step(progress, 2, 3)
    title = f"培训证明（{number}）"
    combined = merge_pdfs([Part(i.title, i.rendered.data) for i in items], title=title,
                          author=commission.institute, issue_date=day, key=f"certificates:h{hearing_id}")
    pack = PackOutput(f"{hearing_folder_name(info)}/培训证明", tuple(items), combined, title)
    return record_pack(db, folder, pack, action="documents.certificates", entity="hearing",
                        entity_id=hearing_id, summary=f"制作培训证明 {number}", extra_notes=notes, force=force)


def list_certificates(db: Database, *, hearing_id: int | None = None, year: int | None = None) -> list[CertificateRow]:
    """Certificates of attendance by number (voided ones included, marked)."""
    with db.session(write=False) as s:
        query = select(CertificateRecord)
        if hearing_id is not None:
            query = query.where(CertificateRecord.hearing_id == hearing_id)
        if year is not None:
            query = query.where(CertificateRecord.year == year)
        rows = s.scalars(query.order_by(CertificateRecord.year, CertificateRecord.series, CertificateRecord.seq))
        return [_certificate_row(c) for c in rows]


def certificate_of_document(db: Database, document_id: int) -> CertificateRow | None:
    """The certificate a recorded 培训证明 file holds (its number is in the file's name); None
    when the document is not a certificate or its number is unknown."""
    with db.session(write=False) as s:
        row = s.get(Document, document_id)
        if row is None or row.kind != DocumentKind.CERTIFICATE or row.hearing_id is None:
            return None
        name = Path(row.path).name
        for certificate in s.scalars(select(CertificateRecord).where(CertificateRecord.hearing_id == row.hearing_id)):
            if certificate.number in name:
                return _certificate_row(certificate)
        return None


def void_certificate(db: Database, number: str, reason: str, *, today: dt.date | None = None) -> CertificateRow:
    """Withdraw a certificate (收回作废): it is kept, marked void, and its number never given again.

    Raises:
        ValidationError: no reason given.
        NotFound: no certificate has this number.
        ConflictError: it is void already.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(msg("请写明作废培训证明的原因"), {"reason": msg("必填")})
    if len(reason) > 200:
        raise ValidationError(msg("作废原因过长（最多 200 字）"), {"reason": msg("过长")})
    with db.session() as s:
        row = s.scalar(select(CertificateRecord).where(CertificateRecord.number == number.strip()))
        if row is None:
            raise NotFound(msg("找不到编号为“{strip}”的培训证明", strip=number.strip()))
        if row.voided_on is not None:
            raise ConflictError(msg("培训证明 {number} 已于 {voided_on} 作废", number=row.number, voided_on=row.voided_on))
        before = _certificate_row(row)
        row.voided_on = today or dt.date.today()
        row.void_reason = reason
        s.flush()
        after = _certificate_row(row)
        audit.record(s, db.actor, "certificate.void", "hearing", row.hearing_id,
                     f"作废培训证明 {row.number}（{row.name}）：{reason}", before, after)
        return after


def preview(db: Database, hearing_id: int, kind: DocumentKind, *, party_id: int | None = None,
            agent_id: int | None = None, observer_id: int | None = None) -> Any:
    """Render one document in memory (for the preview pane); nothing is written or recorded.

    ``party_id`` picks the party of a notice or proof of service (the first party when
    None), ``agent_id`` one of its agents (the party itself when None); ``observer_id`` picks
    the letter of an invitation (the first letter when None).

    Raises:
        NotFound: no such hearing, party, agent or invitation.
        ValidationError: an observer document for a hearing that is not public.
    """
    from tribunal.documents import pack as packing
    from tribunal.documents.handout import HandoutData
    from tribunal.documents.invitation import InvitationData
    from tribunal.documents.notice import NoticeTarget
    from tribunal.documents.sign_in import SignInData

    _values, commission, fonts = print_context(db)
    with db.session(write=False) as s:
        hearing = hearing_to_print(s, hearing_id)
        if kind in _OBSERVER_KINDS and not hearing.public:
            raise ValidationError(msg("{CLOSED_REFUSAL}。", CLOSED_REFUSAL=CLOSED_REFUSAL), {"hearing": msg("不公开审理")})
        docs = _gather(s, hearing, commission)
    r = packing.Renderers(commission, fonts)
    h = docs.hearing
    if kind in (DocumentKind.HEARING_NOTICE, DocumentKind.SERVICE_RECEIPT):
        party = next((p for p in h.parties if party_id in (None, p.id)), None)
        if party is None:
            raise NotFound(msg("这件案件没有编号为 {party_id} 的当事人", party_id=party_id))
        agent = next((a for a in party.agents if a.id == agent_id), None)
        if agent_id is not None and agent is None:
            raise NotFound(msg("{name}没有编号为 {agent_id} 的代理人", name=party.name, agent_id=agent_id))
        target = NoticeTarget(h, party, agent)
        return (r.notice if kind == DocumentKind.HEARING_NOTICE else r.receipt).render(target)
    if kind == DocumentKind.DAY_LIST:
        if docs.day_list is None:
            raise NotFound(msg("这场开庭没有指定巡回仲裁庭，无法制作开庭排期表"))
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
            raise NotFound(msg("没有找到这位旁听人员的邀请函（可能尚未邀请，或者已谢绝）"))
        return r.invitation.render(InvitationData(public, letter))
    raise ValidationError(msg("“{kind}”不能单独预览，请使用相应的制作功能", kind=kind), {"kind": msg("不支持")})


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
                raise NotFound(msg("找不到案号为“{strip}”的案件", strip=case_number.strip()))
            case_id = found
        query = (select(Document, Case.number, DocumentBlob.sha256)
                 .outerjoin(Case, Case.id == Document.case_id)
                 .outerjoin(DocumentBlob, DocumentBlob.sha256 == Document.sha256))
        if case_id is not None:
            query = query.where(Document.case_id == case_id)
        if hearing_id is not None:
            query = query.where(Document.hearing_id == hearing_id)
        if kind is not None:
            query = query.where(Document.kind == kind)
        query = query.order_by(Document.generated_at.desc(), Document.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [_row(d, number or "", kept is not None) for d, number, kept in s.execute(query)]


_DAY_TITLE = re.compile(r"^(?:开庭排期表|开庭文书|文书清单)（(.+)，(\d{4}-\d{2}-\d{2})）$")


def _day_of(s: Session, title: str) -> tuple[dt.date, int]:
    m = _DAY_TITLE.match(title)
    if not m:
        raise ConflictError(msg("无法从“{title}”确定巡回仲裁庭和日期，请重新制作当日文书", title=title))
    tribunal_id = s.scalar(select(CircuitTribunal.id).where(CircuitTribunal.name == m.group(1)))
    if tribunal_id is None:
        raise ConflictError(msg("巡回仲裁庭“{group}”已不存在，无法重印", group=m.group(1)))
    return dt.date.fromisoformat(m.group(2)), tribunal_id


def reprint(db: Database, document_id: int, *, force: bool = False) -> ReprintResult:
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
            raise NotFound(msg("找不到编号为 {document_id} 的文书记录", document_id=document_id))
        kind, title, hearing_id, path = row.kind, row.title, row.hearing_id, Path(row.path)
        day_target = _day_of(s, title) if (kind == DocumentKind.DAY_LIST or (
            kind in (DocumentKind.PACK, DocumentKind.PACK_LIST) and hearing_id is None)) else None

    if kind == DocumentKind.PACK:
        pack_folder = path.parent
        if day_target is not None:
            result = make_day_pack(db, day_target[0], day_target[1], out_dir=pack_folder.parent)
        elif path.parent.name == "培训证明":
            result = make_certificates(db, _need(hearing_id), out_dir=pack_folder.parent.parent)
        else:
            result = make_pack(db, _need(hearing_id), out_dir=pack_folder.parent)
        if result.combined is None or Path(result.combined.path) != path or path.name != COMBINED_NAME:
            raise ConflictError(msg("文书包的位置已变化，已按现有数据重新制作到新的位置"))
        return ReprintResult(result.combined, result.updated > 0 or result.added > 0)

    data = _regenerate(db, kind, title, hearing_id, path, day_target)
    digest = hashlib.sha256(data).hexdigest()
    with db.session(write=False) as s:
        row = s.get(Document, document_id)
        served = row is not None and row.sha256 != digest and row.path in served_documents.served_paths(s, [row])
    if served:
        return _reprint_beside(db, document_id, data, digest)
    on_disk = _existing_state(path)
    if on_disk not in (None, digest) and not force:
        with db.session(write=False) as s:
            row = s.get(Document, document_id)
            if row is not None and on_disk != row.sha256:
                from tribunal.services.outputs import OutputExistsError

                raise OutputExistsError(msg("文件在制作后被其他程序改动过：{path}；请先另存它，或确认覆盖（命令行加 --force）", path=path),
                                        path)
    try:
        changed = write_atomic(path, data)
    except OSError as exc:
        raise ValidationError(msg("无法写入 {path}：{value}", path=path, value=exc.strerror or exc), {"path": msg("无法写入")}) from exc
    with db.session() as s:
        row = s.get(Document, document_id)
        if row is None:
            raise NotFound(msg("找不到编号为 {document_id} 的文书记录", document_id=document_id))
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


def _reprint_beside(db: Database, document_id: int, data: bytes, digest: str) -> ReprintResult:
    """A served document whose content changed: the new one goes beside it, the served one stays."""
    from tribunal.documents.pack import write_atomic

    with db.session() as s:
        row = s.get(Document, document_id)
        if row is None:
            raise NotFound(msg("找不到编号为 {document_id} 的文书记录", document_id=document_id))
        original = Path(row.path)
        n = 2
        while True:
            candidate = original.with_name(_versioned(original.name, n))
            existing = s.scalars(select(Document).where(Document.path == str(candidate)).limit(1)).first()
            if existing is None and not candidate.exists():
                break
            if existing is not None and (existing.sha256 == digest
                                         or existing.path not in served_documents.served_paths(s, [existing])):
                break
            n += 1
        try:
            changed = write_atomic(candidate, data)
        except OSError as exc:
            raise ValidationError(msg("无法写入 {candidate}：{value}", candidate=candidate, value=exc.strerror or exc), {"path": msg("无法写入")}) from exc
        now = dt.datetime.now().replace(microsecond=0)
        if existing is None:
            existing = Document(kind=row.kind, title=row.title, case_id=row.case_id, hearing_id=row.hearing_id,
                                party_id=row.party_id, observer_id=row.observer_id, path=str(candidate)[:500],
                                sha256=digest, generated_at=now, generated_by=db.actor[:60])
            s.add(existing)
        elif existing.sha256 != digest:
            existing.sha256, existing.generated_at, existing.generated_by = digest, now, db.actor[:60]
        s.flush()
        number = s.scalar(select(Case.number).where(Case.id == row.case_id)) if row.case_id else ""
        audit.record(s, db.actor, "documents.reprint", "document", existing.id,
                     f"重印{row.kind.label_zh}：{row.title}（已送达的原件不变，新的一份为 {candidate.name}）",
                     None, {"paths": [str(original), str(candidate)]})
        return ReprintResult(_row(existing, number or ""), changed)


def _need(hearing_id: int | None) -> int:
    if hearing_id is None:
        raise ConflictError(msg("这份文书没有对应的开庭，无法重印"))
    return hearing_id


def _regenerate(db: Database, kind: DocumentKind, title: str, hearing_id: int | None, path: Path,
                day_target: tuple[dt.date, int] | None) -> bytes:
    """The current bytes of one recorded document, matched by its file name in its pack."""
    from tribunal.documents.day_list import DayListSheet
    from tribunal.documents.pack import build_hearing_pack

    values, commission, fonts = print_context(db)
    if kind == DocumentKind.DAY_LIST and day_target is not None:
        with db.session(write=False) as s:
            tribunal = s.get(CircuitTribunal, day_target[1])
            if tribunal is None:  # removed since the document's row was read
                raise ConflictError(msg("这份排期表所属的巡回仲裁庭已不存在，无法重印"))
            day_list = _day_list(s, tribunal, day_target[0], commission)
        return DayListSheet(commission, fonts).render(day_list).data
    if kind == DocumentKind.PACK_LIST and day_target is not None:
        # A day's cover lists the whole day: only the whole day's pack can make it again.
        result_pack = _day_pack(db, day_target[0], day_target[1], commission, fonts, values)
        for item in result_pack.items:
            if item.filename == path.name:
                return item.rendered.data
        raise ConflictError(msg("按现有数据已不再制作“{title}”，无法重印", title=title))
    if kind == DocumentKind.CERTIFICATE:
        items, _info, _number, _day, _notes = _certificate_items(db, _need(hearing_id), commission, fonts, values,
                                                                 refuse=ConflictError, assign=False)
        for item in items:
            if item.filename == path.name:
                return item.rendered.data
        raise ConflictError(msg("“{title}”已作废，或者其持有人已不在到场名单中，无法重印", title=title))
    with db.session(write=False) as s:
        hearing = hearing_to_print(s, _need(hearing_id))
        _require_printable(hearing)
        if kind in _OBSERVER_KINDS and not hearing.public:
            raise ConflictError(msg("{CLOSED_REFUSAL}，这场开庭现在不公开审理，无法重印", CLOSED_REFUSAL=CLOSED_REFUSAL))
        docs = _gather(s, hearing, commission)
        notes = [*fonts.warnings, *_hearing_notes(s, hearing, values)]
    pack = build_hearing_pack(docs, commission, fonts, notes=notes)
    for item in pack.items:
        if item.filename == path.name:
            return item.rendered.data
    raise ConflictError(msg("按现有数据已不再制作“{title}”（当事人或旁听人员可能已变更），无法重印", title=title))


def warm_up() -> None:
    """Load the PDF fonts now, so that the first document of the day prints as fast as the rest.

    The GUI calls this in the background a moment after start-up. A failure is left for the
    real print to report.
    """
    from tribunal.documents import fonts

    fonts.load_fonts()


@dataclass(frozen=True)
class CaseFile:
    """One rendered document of a case to write and register (a 调解书, 裁决书, 送达回证 …)."""

    kind: DocumentKind
    title: str
    filename: str
    data: bytes
    party_id: int | None = None


def save_case_files(db: Database, case_id: int | None, folder_name: str, files: Sequence[CaseFile], *,
                    out_dir: str | Path | None = None, action: str, summary: str) -> list[DocumentRow]:
    """Write a case's documents into ``<documents folder>/<folder_name>/`` and register them.

    A file already holding the same bytes is left as it is; a changed one is replaced (the
    register keeps its SHA-256).

    Raises:
        ValidationError: the folder is missing or cannot be written.
    """
    from tribunal.documents.pack import safe_name
    from tribunal.files import write_atomic

    values = settings.get_all(db)
    folder = output_folder(db, out_dir, values) / safe_name(folder_name, 80)
    records: list[_Record] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            path = folder / (safe_name(f.filename.removesuffix(".pdf"), 80) + ".pdf")
            write_atomic(path, f.data)
            records.append(_Record(kind=f.kind, title=f.title, path=path, sha256=hashlib.sha256(f.data).hexdigest(),
                                   case_id=case_id, party_id=f.party_id))
    except OSError as exc:
        raise ValidationError(msg("无法写入文书文件夹 {folder}：{value}", folder=folder, value=exc.strerror or exc), {"out": msg("无法写入")}) from exc
    rows, *_ = _record(db, records, action=action, entity="case" if case_id is not None else "file",
                       entity_id=case_id, summary=summary)
    return rows


def render_context(db: Database) -> tuple[dict[str, Any], Any, Any]:
    """The settings, the commission as printed and the fonts, for a service that prints."""
    return print_context(db)

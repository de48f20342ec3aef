"""Cases (案件): register, edit, search, close — each call one unit of work with an audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Final

from sqlalchemy import Row, Select, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from tribunal.db import search
from tribunal.db.engine import Database
from tribunal.db.models import Case, CaseArbitrator, Claim, Hearing, Party, Staff
from tribunal.db.search import contains
from tribunal.domain import panel, validators
from tribunal.domain.anonymise import mask_id_number, mask_phone
from tribunal.domain.enums import (
    CaseOutcome,
    CaseResult,
    CaseStatus,
    CaseType,
    HearingStatus,
    PanelRole,
    PartyKind,
    PartyRole,
    Procedure,
    StaffRole,
)
from tribunal.domain.inputs import InputError, parse_record_id, shown, text_problem
from tribunal.domain.periods import deadline_state, due_label
from tribunal.domain.reports import mediated_on_site_by_default
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, inputs, numbering, settings
from tribunal.services.agents import AgentInput, agent_input, apply_agents, check_agents
from tribunal.texts import msg

MAX_PARTIES = 200
MAX_CLAIMS = 100


# ---------------------------------------------------------------- plain data in and out


@dataclass(frozen=True)
class PartyInput:
    """A party as the clerk typed it."""

    role: PartyRole
    kind: PartyKind
    name: str
    id_number: str = ""
    credit_code: str = ""
    credit_code_confirmed: bool = False
    phone: str = ""
    address: str = ""
    legal_representative: str = ""
    legal_representative_title: str = ""
    agents: tuple[AgentInput, ...] = ()
    enterprise_id: int | None = None
    id: int | None = None  # set for a stored party: saving keeps its id and its records


@dataclass(frozen=True)
class ClaimInput:
    """One claim item; amounts in fen (分), None when the item has no amount."""

    item: str
    amount_fen: int | None = None
    awarded_fen: int | None = None


@dataclass(frozen=True)
class ArbitratorInput:
    """A seat on the case's tribunal."""

    staff_id: int
    role: PanelRole


@dataclass(frozen=True)
class CaseInput:
    """Everything the case editor sends when saving."""

    case_type: CaseType
    received_date: dt.date
    parties: tuple[PartyInput, ...]
    claims: tuple[ClaimInput, ...] = ()
    accepted_date: dt.date | None = None
    status: CaseStatus | None = None
    procedure: Procedure = Procedure.ORDINARY
    summary: str = ""
    arbitrators: tuple[ArbitratorInput, ...] = ()
    clerk_id: int | None = None
    tribunal_id: int | None = None
    collective: bool = False
    worker_count: int = 1


@dataclass(frozen=True)
class PartyData(PartyInput):
    """A stored party (``id`` and its agents' ids are set)."""

    id: int = 0


@dataclass(frozen=True)
class ClaimData(ClaimInput):
    """A stored claim item."""

    id: int = 0


@dataclass(frozen=True)
class ArbitratorData(ArbitratorInput):
    """A stored seat, with the arbitrator's name."""

    name: str = ""


@dataclass(frozen=True)
class CaseDetail:
    """A whole case, as the editor and the case view show it."""

    id: int
    number: str
    year: int
    seq: int
    case_type: CaseType
    status: CaseStatus
    procedure: Procedure
    received_date: dt.date
    accepted_date: dt.date | None
    summary: str
    outcome: CaseOutcome | None
    outcome_note: str
    closed_date: dt.date | None
    result: CaseResult | None
    result_amount_fen: int | None
    mediated_on_site: bool
    collective: bool
    worker_count: int
    clerk_id: int | None
    tribunal_id: int | None
    parties: tuple[PartyData, ...]
    claims: tuple[ClaimData, ...]
    arbitrators: tuple[ArbitratorData, ...]
    updated_at: dt.datetime
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1

    def to_input(self) -> CaseInput:
        """The editable part, ready to be changed and saved back."""
        return CaseInput(
            case_type=self.case_type,
            received_date=self.received_date,
            accepted_date=self.accepted_date,
            status=self.status,
            procedure=self.procedure,
            summary=self.summary,
            parties=tuple(PartyInput(**{k: getattr(p, k) for k in PartyInput.__dataclass_fields__})
                          for p in self.parties),
            claims=tuple(ClaimInput(c.item, c.amount_fen, c.awarded_fen) for c in self.claims),
            arbitrators=tuple(ArbitratorInput(a.staff_id, a.role) for a in self.arbitrators),
            clerk_id=self.clerk_id,
            tribunal_id=self.tribunal_id,
            collective=self.collective,
            worker_count=self.worker_count,
        )


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: int
    number: str
    case_type: CaseType
    status: CaseStatus
    received_date: dt.date
    accepted_date: dt.date | None
    applicants: str
    respondents: str
    claim_total_fen: int
    outcome: CaseOutcome | None
    #: The open case's next statutory deadline: its date, the clock item's key
    #: (``clocks.NEXT_DUE_KINDS``) and its state today (``on_time`` / ``due_soon`` /
    #: ``overdue``, with the clocks' warning window); None when nothing is due.
    next_due_date: dt.date | None = None
    next_due_kind: str | None = None
    next_due_state: str | None = None

    @property
    def next_due_label(self) -> str:
        """What the clerk calls the next deadline (``受理决定截止日``…), or ``""``."""
        return due_label(self.next_due_kind) if self.next_due_kind else ""


#: The case list's deadline filter: cases whose next deadline is within the warning window, or past.
DUE_SOON: Final = "due_soon"
OVERDUE: Final = "overdue"
#: The case list's orders: newest received first (the default), or by the next deadline.
BY_RECEIVED: Final = "received"
BY_DEADLINE: Final = "deadline"


@dataclass(frozen=True)
class CaseFilter:
    """What the case list is narrowed to; empty fields do not filter.

    ``closed_from`` / ``closed_to`` (both days included) keep cases closed in that span,
    whatever year they were received in — "closed this year" is ``closed_from`` = 1 January.
    """

    text: str = ""
    case_type: CaseType | None = None
    status: CaseStatus | None = None
    year: int | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    open_only: bool = False
    tribunal_id: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    #: :data:`DUE_SOON` or :data:`OVERDUE` (as of ``today``), or None for every case.
    deadline: str | None = None
    #: :data:`BY_RECEIVED` (newest first) or :data:`BY_DEADLINE` (earliest first; cases with
    #: nothing due after them); ``ascending`` True or False asks for the other way round.
    order: str = BY_RECEIVED
    ascending: bool | None = None
    today: dt.date | None = None


# ---------------------------------------------------------------- validation


def check_case_input(data: CaseInput, *, today: dt.date | None = None) -> tuple[CaseInput, dict[str, str]]:
    """Check a case as typed; return the normalised input and the reasons per field.

    Field keys: ``received_date``, ``accepted_date``, ``status``, ``parties``,
    ``parties[i].name`` (and ``.id_number``, ``.credit_code``, ``.phone``; ``.agents`` and
    ``.agents[j].<field>`` for its agents, see :func:`tribunal.services.agents.check_agents`),
    ``claims[i].item`` / ``.amount``, ``arbitrators``, ``clerk``, ``worker_count``.
    """
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if data.received_date > today:
        errors["received_date"] = msg("收件日期不能晚于今天")
    if data.accepted_date is not None:
        if data.accepted_date < data.received_date:
            errors["accepted_date"] = msg("受理日期不能早于收件日期")
        elif data.accepted_date > today:
            errors["accepted_date"] = msg("受理日期不能晚于今天")
    if data.status == CaseStatus.CLOSED:
        errors["status"] = msg("结案请使用“结案”操作，并填写结案方式和日期")
    elif data.status not in (None, CaseStatus.RECEIVED, CaseStatus.REJECTED) and data.accepted_date is None:
        errors["accepted_date"] = msg("案件状态为“{status}”时须填写受理日期", status=data.status)
    if data.worker_count < 1 or data.worker_count > 100_000:
        errors["worker_count"] = msg("涉及劳动者人数应在 1 到 100000 之间")
    if data.collective and data.worker_count < 10:
        errors["worker_count"] = msg("集体争议涉及的劳动者应在十人以上")

    parties: list[PartyInput] = []
    if len(data.parties) > MAX_PARTIES:
        errors["parties"] = msg("当事人过多（最多 {MAX_PARTIES} 个）", MAX_PARTIES=MAX_PARTIES)
    for i, p in enumerate(data.parties):
        parties.append(_check_party(i, p, errors, today))
    roles = {p.role for p in data.parties}
    if "parties" not in errors:
        missing = [r.label_zh for r in (PartyRole.APPLICANT, PartyRole.RESPONDENT) if r not in roles]
        if missing:
            errors["parties"] = msg("至少需要一名{items}", items="和一名".join(missing))

    claims: list[ClaimInput] = []
    if len(data.claims) > MAX_CLAIMS:
        errors["claims"] = msg("仲裁请求过多（最多 {MAX_CLAIMS} 项）", MAX_CLAIMS=MAX_CLAIMS)
    for i, c in enumerate(data.claims):
        item = " ".join(c.item.split())
        if not item:
            errors[f"claims[{i}].item"] = msg("第{value}项仲裁请求没有填写内容", value=i + 1)
        elif len(item) > 300:
            errors[f"claims[{i}].item"] = msg("第{value}项仲裁请求过长（最多 300 字）", value=i + 1)
        for attr, label in (("amount_fen", "请求金额"), ("awarded_fen", "裁决金额")):
            amount = getattr(c, attr)
            if amount is not None and (amount < 0 or amount > 10**14):
                errors[f"claims[{i}].amount"] = msg("第{value}项{label}不正确", value=i + 1, label=label)
        claims.append(ClaimInput(item, c.amount_fen, c.awarded_fen))

    _check_panel(data, errors)
    clean = replace(data, parties=tuple(parties), claims=tuple(claims), summary=data.summary.strip())
    return clean, errors


def _check_party(i: int, p: PartyInput, errors: dict[str, str], today: dt.date) -> PartyInput:
    who = msg("第{n}个当事人", n=i + 1)
    key = f"parties[{i}]"
    name = " ".join(p.name.split())
    id_number, credit_code, phone = "", "", ""
    if p.kind == PartyKind.PERSON:
        result = validators.check_person_name(name)
        if not result.ok:
            errors[f"{key}.name"] = msg("{who}：{error}", who=who, error=result.error)
        else:
            name = result.value
        if p.id_number.strip():
            r = validators.check_id_number(p.id_number, today=today)
            if not r.ok:
                errors[f"{key}.id_number"] = msg("{who}（{name}）的身份证号码：{error}", who=who, name=name, error=r.error)
            id_number = r.value
    else:
        if not name:
            errors[f"{key}.name"] = msg("{who}：请填写单位名称", who=who)
        elif len(name) > 200:
            errors[f"{key}.name"] = msg("{who}：单位名称过长", who=who)
        if p.credit_code.strip():
            r = validators.check_credit_code(p.credit_code)
            if not r.ok:
                errors[f"{key}.credit_code"] = msg("{who}（{name}）的统一社会信用代码：{error}", who=who, name=name, error=r.error)
            elif r.warning and not p.credit_code_confirmed:
                errors[f"{key}.credit_code"] = (
                    msg("{who}（{name}）的统一社会信用代码：{warning}。核对营业执照无误后，勾选“已核对”再保存", who=who, name=name, warning=r.warning)
                )
            credit_code = r.value
    if p.phone.strip():
        r = validators.check_phone(p.phone)
        if not r.ok:
            errors[f"{key}.phone"] = msg("{who}（{name}）的联系电话：{error}", who=who, name=name, error=r.error)
        phone = r.value
    agents = check_agents(p.agents, party_kind=p.kind, who=f"{who}（{name}）", key=key, errors=errors)
    return replace(
        p,
        name=name,
        id_number=id_number,
        credit_code=credit_code,
        phone=phone,
        agents=agents,
        address=p.address.strip(),
        legal_representative=p.legal_representative.strip(),
        legal_representative_title=p.legal_representative_title.strip(),
    )


def _check_panel(data: CaseInput, errors: dict[str, str]) -> None:
    errors.update(panel.panel_problems(((a.staff_id, a.role) for a in data.arbitrators), data.clerk_id))


def _check_staff(session: Session, data: CaseInput, errors: dict[str, str]) -> None:
    ids = [a.staff_id for a in data.arbitrators]
    if ids:
        staff = {s.id: s for s in session.scalars(select(Staff).where(Staff.id.in_(ids)))}
        for sid in ids:
            s = staff.get(sid)
            if s is None:
                errors["arbitrators"] = msg("所选仲裁员已不存在，请重新选择")
            elif s.role != StaffRole.ARBITRATOR:
                errors["arbitrators"] = msg("{name}不是仲裁员", name=s.name)
            elif not s.active:
                errors["arbitrators"] = msg("仲裁员{name}已停用", name=s.name)
    if data.clerk_id is not None:
        clerk = session.get(Staff, data.clerk_id)
        if clerk is None or clerk.role != StaffRole.CLERK:
            errors["clerk"] = msg("所选书记员不存在")


# ---------------------------------------------------------------- reading


def _detail(case: Case) -> CaseDetail:
    return CaseDetail(
        id=case.id,
        number=case.number,
        year=case.year,
        seq=case.seq,
        case_type=case.case_type,
        status=case.status,
        procedure=case.procedure,
        received_date=case.received_date,
        accepted_date=case.accepted_date,
        summary=case.summary or "",
        outcome=case.outcome,
        outcome_note=case.outcome_note or "",
        closed_date=case.closed_date,
        result=case.result,
        result_amount_fen=case.result_amount_fen,
        mediated_on_site=case.mediated_on_site,
        collective=case.collective,
        worker_count=case.worker_count,
        clerk_id=case.clerk_id,
        tribunal_id=case.tribunal_id,
        parties=tuple(
            PartyData(
                id=p.id, role=p.role, kind=p.kind, name=p.name, id_number=p.id_number or "",
                credit_code=p.credit_code or "", credit_code_confirmed=bool(p.credit_code),
                phone=p.phone or "", address=p.address or "",
                legal_representative=p.legal_representative or "",
                legal_representative_title=p.legal_representative_title or "",
                agents=tuple(agent_input(a) for a in p.agents), enterprise_id=p.enterprise_id,
            )
            for p in case.parties
        ),
        claims=tuple(ClaimData(id=c.id, item=c.item, amount_fen=c.amount_fen, awarded_fen=c.awarded_fen)
                     for c in case.claims),
        arbitrators=tuple(ArbitratorData(staff_id=a.staff_id, role=a.role, name=a.staff.name)
                          for a in case.arbitrators),
        updated_at=case.updated_at,
        version=case.version,
    )


def _load(session: Session, case_id: int) -> Case:
    case = session.scalars(
        select(Case)
        .where(Case.id == case_id)
        .options(
            selectinload(Case.parties).selectinload(Party.agents),
            selectinload(Case.claims),
            selectinload(Case.arbitrators).selectinload(CaseArbitrator.staff),
        )
    ).one_or_none()
    if case is None:
        raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
    return case


def get_case(db: Database, case_id: int) -> CaseDetail:
    """One case with its parties, claims and tribunal.

    Raises:
        NotFound: no such case.
    """
    with db.session(write=False) as s:
        return _detail(_load(s, case_id))


def find_case(db: Database, ref: str) -> CaseDetail:
    """A case by its number (as printed) or its id.

    Raises:
        NotFound: nothing matches.
    """
    ref = ref.strip()
    if not ref:
        raise ValidationError(msg("请写出案号（如 邵劳人仲案字〔2026〕第1号）或案件编号"), {"case": msg("必填")})
    if len(ref) > 60 or text_problem(ref):
        raise NotFound(msg("找不到案号为“{shown}”的案件（案号最长 60 个字，不含控制字符）", shown=shown(ref)))
    with db.session(write=False) as s:
        case_id = s.scalar(select(Case.id).where(Case.number == ref))
        if case_id is None and ref.isascii() and ref.isdigit():
            try:
                case_id = parse_record_id(ref, "案件编号")
            except InputError as exc:
                raise NotFound(msg("找不到案件：{exc}", exc=exc)) from None
        if case_id is None:
            raise NotFound(msg("找不到案号为“{shown}”的案件", shown=shown(ref)))
        return _detail(_load(s, case_id))


def masked(detail: CaseDetail) -> CaseDetail:
    """The case with parties' ID numbers and phone numbers masked, as every list shows them."""
    return replace(detail, parties=tuple(
        replace(p, id_number=mask_id_number(p.id_number) if p.id_number else "",
                phone=mask_phone(p.phone) if p.phone else "",
                agents=tuple(replace(a, phone=mask_phone(a.phone) if a.phone else "") for a in p.agents))
        for p in detail.parties))


def case_for_output(db: Database, ref: str, *, unmasked: bool = False) -> CaseDetail:
    """A case to print or export (``tribunal case --json``): personal numbers masked.

    Args:
        unmasked: give full ID and phone numbers; the request is written to the audit trail.

    Raises:
        NotFound: nothing matches ``ref``.
    """
    detail = find_case(db, ref)
    if not unmasked:
        return masked(detail)
    with db.session() as s:
        audit.record(s, db.actor, "privacy.reveal_case", "case", detail.id,
                     f"查看案件 {detail.number} 当事人的完整身份证号码和电话号码")
    return detail


def _filtered(s: Session, query: Select, f: CaseFilter, first: int | None = None) -> Select:
    text = inputs.search_text(f.text)
    if text:
        for word in text.split(" "):
            found = or_(
                contains(Case.number, word),
                contains(Case.applicant_names, word),
                contains(Case.respondent_names, word),
            )
            # A clerk may type the case type (工伤, 加班费) into the same search field.
            types = [t for t in CaseType if word in t.label_zh or word.lower() in t.label_en.lower()]
            # On SQLite the trigram index names the candidates; the LIKE still decides. A type
            # matches thousands of cases: for a first screenful reading in order is quicker.
            candidates = None if types and first else search.case_candidates(s, Case.id, word, first=first)
            matches = [found if candidates is None else and_(candidates, found)]
            if types:
                matches.append(Case.case_type.in_(types))
            query = query.where(or_(*matches))
    if f.case_type is not None:
        query = query.where(Case.case_type == f.case_type)
    if f.status is not None:
        query = query.where(Case.status == f.status)
    elif f.open_only:
        query = query.where(Case.status.not_in([CaseStatus.CLOSED, CaseStatus.REJECTED]))
    if f.year is not None:
        query = query.where(Case.year == f.year)
    if f.received_from is not None:
        query = query.where(Case.received_date >= f.received_from)
    if f.received_to is not None:
        query = query.where(Case.received_date <= f.received_to)
    if f.closed_from is not None:
        query = query.where(Case.closed_date >= f.closed_from)
    if f.closed_to is not None:
        query = query.where(Case.closed_date <= f.closed_to)
    if f.tribunal_id is not None:
        query = query.where(Case.tribunal_id == f.tribunal_id)
    return query


def _by_deadline(query: Select, f: CaseFilter, today: dt.date, soon: int) -> Select:
    if f.deadline == OVERDUE:
        query = query.where(Case.next_due_date < today)
    elif f.deadline == DUE_SOON:
        query = query.where(Case.next_due_date >= today, Case.next_due_date <= today + dt.timedelta(days=soon))
    elif f.deadline is not None:
        raise ValidationError(msg("期限筛选只能是“即将到期”或“已超期”"), {"deadline": msg("无此筛选")})
    return query


def _ordered(s: Session, base: Select, f: CaseFilter, limit: int | None) -> list[Row]:
    """The rows of ``base`` for the cases matching ``f``, in the order asked for."""
    query = _by_deadline(_filtered(s, base, f, first=limit), f, f.today or dt.date.today(),
                         settings.due_soon_days(s))
    if f.order == BY_DEADLINE:
        dated = query.where(Case.next_due_date.is_not(None))
        undated = query.where(Case.next_due_date.is_(None))
        if f.ascending is False:  # exactly the other order reversed
            parts = [undated.order_by(Case.received_date, Case.id),
                     dated.order_by(Case.next_due_date.desc(), Case.id.desc())]
        else:
            parts = [dated.order_by(Case.next_due_date, Case.id),
                     undated.order_by(Case.received_date.desc(), Case.id.desc())]
    elif f.order == BY_RECEIVED:
        parts = [query.order_by(Case.received_date, Case.id) if f.ascending
                 else query.order_by(Case.received_date.desc(), Case.id.desc())]
    else:
        raise ValidationError(msg("排序只能按收件日期或下一期限"), {"order": msg("无此排序")})
    rows: list[Row] = []
    for part in parts:
        if limit is not None and len(rows) >= limit:
            break
        rows += s.execute(part.limit(None if limit is None else limit - len(rows))).all()
    return rows


def search_case_ids(db: Database, f: CaseFilter = CaseFilter(), limit: int | None = None) -> list[int]:
    """Ids of every matching case in the order asked for (the list fetches rows lazily).

    Ordered by deadline, the cases with a next deadline come first (earliest first, along its
    index), then those with nothing due, newest received first; ``ascending=False`` reverses it.
    ``limit``: only the first so many.
    """
    with db.session(write=False) as s:
        return [r[0] for r in _ordered(s, select(Case.id), f, limit)]


def first_rows(db: Database, f: CaseFilter, limit: int) -> list[CaseRow]:
    """The first ``limit`` matching cases' list rows, in the list's order, in one query: what a
    typed search shows at once, while the whole list of ids is read later."""
    today = f.today or dt.date.today()
    with db.session(write=False) as s:
        soon = settings.due_soon_days(s)
        return [_case_row(r, today, soon) for r in _ordered(s, _select_rows(), f, limit)]


#: The columns of the case list, by the :class:`CaseRow` field each one fills. Rows are built
#: by name, so the order of the columns and of the dataclass's fields need not agree.
_ROW_COLUMNS: Final[dict[str, InstrumentedAttribute[Any]]] = {
    "id": Case.id,
    "number": Case.number,
    "case_type": Case.case_type,
    "status": Case.status,
    "received_date": Case.received_date,
    "accepted_date": Case.accepted_date,
    "applicants": Case.applicant_names,
    "respondents": Case.respondent_names,
    "claim_total_fen": Case.claim_total_fen,
    "outcome": Case.outcome,
    "next_due_date": Case.next_due_date,
    "next_due_kind": Case.next_due_kind,
}


def _select_rows() -> Select:
    return select(*(column.label(name) for name, column in _ROW_COLUMNS.items()))


def _case_row(row: Row, today: dt.date, soon: int) -> CaseRow:
    due = row.next_due_date
    # The state is the day's: computed from the stored date as the row is read.
    state = deadline_state(due, today, soon) if due is not None else None
    return CaseRow(**row._mapping, next_due_state=state)


def case_rows(db: Database, ids: list[int], today: dt.date | None = None) -> list[CaseRow]:
    """The list rows of the given cases, in the order of ``ids`` (missing ones left out)."""
    if not ids:
        return []
    today = today or dt.date.today()
    with db.session(write=False) as s:
        soon = settings.due_soon_days(s)
        found = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            for r in s.execute(_select_rows().where(Case.id.in_(chunk))):
                found[r.id] = _case_row(r, today, soon)
        return [found[i] for i in ids if i in found]


def search_cases(db: Database, f: CaseFilter = CaseFilter(), limit: int | None = 200) -> list[CaseRow]:
    """Matching cases, newest first, at most ``limit`` of them."""
    today = f.today or dt.date.today()
    with db.session(write=False) as s:
        soon = settings.due_soon_days(s)
        query = _by_deadline(_filtered(s, _select_rows(), f, first=limit), f, today, soon)
        query = query.order_by(Case.received_date.desc(), Case.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [_case_row(r, today, soon) for r in s.execute(query)]


def count_cases(db: Database, f: CaseFilter = CaseFilter()) -> int:
    """How many cases match."""
    today = f.today or dt.date.today()
    with db.session(write=False) as s:
        return s.scalar(_by_deadline(_filtered(s, select(func.count(Case.id)), f), f, today, settings.due_soon_days(s))) or 0


def case_years(db: Database) -> list[int]:
    """Years that have cases, newest first (for the year filter)."""
    with db.session(write=False) as s:
        return list(s.scalars(select(Case.year).distinct().order_by(Case.year.desc())))


# ---------------------------------------------------------------- writing


def _apply(session: Session, case: Case, data: CaseInput) -> None:
    # Parties are updated in place, so their ids — and with them their service records,
    # agents and documents — survive an edit; only a party the clerk removed goes. Removed
    # parties, the old claims and seats go first (unique constraints); the case row itself
    # is written once, at the end, so one save moves its version by exactly one.
    existing = {p.id: p for p in case.parties}
    kept = {p.id for p in data.parties if p.id is not None and p.id in existing}
    if case.id is not None:
        for row in list(case.parties):
            if row.id not in kept:
                case.parties.remove(row)
        case.claims.clear()
        case.arbitrators.clear()
        session.flush()
    case.case_type = data.case_type
    case.procedure = data.procedure
    case.received_date = data.received_date
    case.accepted_date = data.accepted_date
    case.summary = data.summary or None
    case.collective = data.collective
    case.worker_count = data.worker_count
    case.clerk_id = data.clerk_id
    case.tribunal_id = data.tribunal_id
    if data.status is not None:
        case.status = data.status
    elif case.status is None or case.status == CaseStatus.RECEIVED:
        case.status = CaseStatus.ACCEPTED if data.accepted_date else CaseStatus.RECEIVED
    for i, p in enumerate(data.parties):
        party = existing[p.id] if p.id is not None and p.id in kept else None
        if party is None:
            party = Party()
            case.parties.append(party)
        party.position, party.role, party.kind, party.name = i, p.role, p.kind, p.name
        party.id_number, party.credit_code = p.id_number or None, p.credit_code or None
        party.phone, party.address = p.phone or None, p.address or None
        party.legal_representative = p.legal_representative or None
        party.legal_representative_title = p.legal_representative_title or None
        party.enterprise_id = p.enterprise_id
        party.sex, party.birth_date = _sex(p), _birth(p)
        apply_agents(party, p.agents)
    for i, c in enumerate(data.claims):
        case.claims.append(Claim(position=i, item=c.item, amount_fen=c.amount_fen,
                                 awarded_fen=c.awarded_fen))
    for i, a in enumerate(data.arbitrators):
        case.arbitrators.append(CaseArbitrator(position=i, staff_id=a.staff_id, role=a.role))
    case.applicant_names = names_of(data.parties, PartyRole.APPLICANT)
    case.respondent_names = names_of(data.parties, PartyRole.RESPONDENT)
    case.claim_total_fen = sum(c.amount_fen or 0 for c in data.claims)


def names_of(parties: tuple[PartyInput, ...] | list[PartyInput], role: PartyRole) -> str:
    """The names of one side, joined as the list shows them (、)."""
    return "、".join(p.name for p in parties if p.role == role)[:400]


def _sex(p: PartyInput) -> str | None:
    if p.kind != PartyKind.PERSON or not p.id_number:
        return None
    return validators.check_id_number(p.id_number).sex


def _birth(p: PartyInput) -> dt.date | None:
    if p.kind != PartyKind.PERSON or not p.id_number:
        return None
    return validators.check_id_number(p.id_number).birth_date


def create_case(db: Database, data: CaseInput, *, today: dt.date | None = None) -> CaseDetail:
    """Register a case and give it the next case number of its receipt year.

    Raises:
        ValidationError: something typed is wrong; nothing is saved and no number is used.
    """
    data, errors = check_case_input(data, today=today)
    ValidationError.raise_if(errors, msg("案件信息"))
    with db.session() as s:
        _check_staff(s, data, errors)
        ValidationError.raise_if(errors, msg("案件信息"))
        pattern = settings.case_number_pattern(settings.read_all(s))
        year = data.received_date.year
        seq, number = numbering.allocate(s, pattern, year)
        case = Case(number=number, number_prefix=pattern.prefix, year=year, seq=seq, status=None)
        s.add(case)
        _apply(s, case, data)
        s.flush()
        detail = _detail(_load(s, case.id))
        audit.record(s, db.actor, "case.create", "case", case.id, f"登记案件 {number}", None, detail,
                     version=detail.version)
        return detail


def update_case(db: Database, case_id: int, data: CaseInput, *,
                expected_version: int | None = None,
                today: dt.date | None = None) -> CaseDetail:
    """Save the editor's changes to a case.

    Args:
        expected_version: the ``version`` the editor loaded; if somebody saved the case
            since, the save is refused instead of silently overwriting their work. The
            returned detail carries the new version, so an editor that saves again (an
            autosaved draft) passes that and does not conflict with itself.

    Raises:
        ValidationError: something typed is wrong (nothing saved).
        StaleEditError: somebody else saved the case meanwhile (says who and what).
        ConflictError: the case is closed.
        NotFound: the case is gone.
    """
    data, errors = check_case_input(data, today=today)
    ValidationError.raise_if(errors, msg("案件信息"))
    from tribunal.services import clocks, legal_calendar  # the clock history judges date changes

    calendar = legal_calendar.calendar(db)  # before the write transaction: it may seed the calendar
    with db.session() as s:
        _check_staff(s, data, errors)
        ValidationError.raise_if(errors, msg("案件信息"))
        case = _load(s, case_id)
        audit.check_version(s, current=case.version, expected=expected_version, entity="case",
                            entity_id=case_id, what=f"案件 {case.number}")
        if case.status == CaseStatus.CLOSED:
            raise ConflictError(msg("案件 {number} 已结案，不能再修改；如需更正请先撤销结案", number=case.number))
        if data.received_date.year != case.year:
            raise ValidationError(
                msg("收件日期的年份不能改变（案号 {number} 属于 {year} 年）", number=case.number, year=case.year),
                {"received_date": msg("应为 {year} 年内的日期", year=case.year)},
            )
        if (data.received_date, data.accepted_date) != (case.received_date, case.accepted_date):
            # A recorded suspension, re-count or extension must stay lawful under the new dates.
            clocks.check_acceptance_change(s, case_id, data.received_date, data.accepted_date, calendar)
        before = _detail(case)
        _apply(s, case, data)
        # Written even when only parties or claims changed: the row's version must move.
        case.updated_at = dt.datetime.now()
        s.flush()
        s.expire(case)
        after = _detail(_load(s, case_id))
        audit.record(s, db.actor, "case.update", "case", case_id, f"修改案件 {case.number}", before, after,
                     version=after.version)
        return after


#: Largest amount a closing may record (fen): a trillion yuan is a typing error, not a case.
MAX_AMOUNT_FEN = 10**14


@dataclass(frozen=True)
class ClosingDefaults:
    """What the close-case form proposes for a case closed on a given day.

    Attributes:
        on_site_days: days of the case's hearings at an enterprise (not cancelled or postponed).
        mediated_on_site: the default for 当庭调解 if the case is closed by mediation that day.
        awarded_fen: the amounts awarded on the claims so far (None when none is recorded),
            proposed as the amount of an award.
        claimed_fen: the amounts claimed, for comparison.
    """

    on_site_days: tuple[dt.date, ...]
    mediated_on_site: bool
    awarded_fen: int | None
    claimed_fen: int


def _on_site_days(session: Session, case_id: int) -> tuple[dt.date, ...]:
    starts = session.scalars(
        select(Hearing.starts_at).where(
            Hearing.case_id == case_id, Hearing.host_enterprise_id.is_not(None),
            Hearing.status.not_in([HearingStatus.CANCELLED, HearingStatus.POSTPONED]))
    )
    return tuple(sorted({s.date() for s in starts}))


def closing_defaults(db: Database, case_id: int, outcome: CaseOutcome, closed_date: dt.date) -> ClosingDefaults:
    """What closing ``case_id`` with ``outcome`` on ``closed_date`` records unless the clerk says otherwise.

    Raises:
        NotFound: the case is gone.
    """
    with db.session(write=False) as s:
        case = _load(s, case_id)
        days = _on_site_days(s, case_id)
        awarded = [c.awarded_fen for c in case.claims if c.awarded_fen is not None]
        return ClosingDefaults(days, mediated_on_site_by_default(outcome, closed_date, days),
                               sum(awarded) if awarded else None, case.claim_total_fen)


def _check_closing(outcome: CaseOutcome, amount_fen: int | None, on_site: bool | None) -> None:
    if amount_fen is not None:
        if outcome not in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED):
            raise ValidationError(msg("以“{outcome}”结案的案件没有调解或裁决金额，请留空", outcome=outcome),
                                  {"amount": msg("此结案方式不填金额")})
        if amount_fen < 0 or amount_fen > MAX_AMOUNT_FEN:
            raise ValidationError(msg("调解或裁决金额不正确"), {"amount": msg("金额不正确")})
    if on_site and outcome != CaseOutcome.MEDIATED:
        raise ValidationError(msg("只有调解结案的案件才能登记为当庭调解"), {"on_site": msg("不是调解结案")})


def close_case(db: Database, case_id: int, outcome: CaseOutcome, closed_date: dt.date,
               note: str = "", *, result: CaseResult | None = None, amount_fen: int | None = None,
               on_site: bool | None = None, require_result: bool = False,
               today: dt.date | None = None, expected_version: int | None = None) -> CaseDetail:
    """Close a case with its outcome (结案) and what the closing decided.

    Args:
        result: whose claims were upheld (处理结果), in the official returns' categories.
        amount_fen: the amount agreed in the mediation statement or awarded (fen); only for
            a case closed by mediation or award. For an award it defaults to the amounts
            awarded on the claims, when any are recorded.
        on_site: mediated at the hearing on site (当庭调解). None applies the default rule:
            mediated and closed on the day of one of its hearings at an enterprise.
        require_result: refuse a mediation or award without ``result`` (the close-case form
            asks for it; a later import may fill it in).

    Raises:
        ValidationError: the closing date is impossible, or an amount or 当庭调解 does not fit
            the outcome.
        ConflictError: the case is already closed.
        NotFound: the case is gone.
    """
    today = today or dt.date.today()
    _check_closing(outcome, amount_fen, on_site)
    with db.session() as s:
        case = _load(s, case_id)
        audit.check_version(s, current=case.version, expected=expected_version, entity="case",
                            entity_id=case_id, what=f"案件 {case.number}")
        if case.status == CaseStatus.CLOSED:
            raise ConflictError(msg("案件 {number} 已于 {closed_date} 结案", number=case.number, closed_date=case.closed_date))
        start = case.accepted_date or case.received_date
        if closed_date < start:
            raise ValidationError(msg("结案日期不能早于{value}日期 {start}", value='受理' if case.accepted_date else '收件', start=start),
                                  {"closed_date": msg("早于受理日期")})
        if closed_date > today:
            raise ValidationError(msg("结案日期不能晚于今天"), {"closed_date": msg("晚于今天")})
        if outcome in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED) and case.accepted_date is None:
            raise ValidationError(msg("尚未受理的案件不能以调解或裁决结案"), {"outcome": msg("案件尚未受理")})
        if require_result and result is None and outcome in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED):
            raise ValidationError(msg("调解或裁决结案须选择处理结果（劳动者胜诉、用人单位胜诉或双方部分胜诉）"),
                                  {"result": msg("请选择处理结果")})
        if on_site is None:
            on_site = mediated_on_site_by_default(outcome, closed_date, _on_site_days(s, case_id))
        if amount_fen is None and outcome == CaseOutcome.AWARDED:
            awarded = [c.awarded_fen for c in case.claims if c.awarded_fen is not None]
            amount_fen = sum(awarded) if awarded else None
        before = _detail(case)
        case.status = CaseStatus.CLOSED
        case.outcome = outcome
        case.outcome_note = note.strip() or None
        case.closed_date = closed_date
        case.result = result
        case.result_amount_fen = amount_fen
        case.mediated_on_site = on_site
        case.updated_at = dt.datetime.now()
        s.flush()
        after = _detail(case)
        audit.record(s, db.actor, "case.close", "case", case_id,
                     f"结案 {case.number}：{outcome.label_zh}" + ("（当庭调解）" if on_site else ""),
                     before, after, version=after.version)
        return after


def correct_closing(db: Database, case_id: int, *, result: CaseResult | None, amount_fen: int | None,
                    on_site: bool, note: str | None = None, expected_version: int | None = None) -> CaseDetail:
    """Correct what a closing recorded (处理结果, amount, 当庭调解) without undoing it.

    Raises:
        ValidationError: the amount or 当庭调解 does not fit the outcome.
        ConflictError: the case is not closed.
        NotFound: the case is gone.
    """
    with db.session() as s:
        case = _load(s, case_id)
        audit.check_version(s, current=case.version, expected=expected_version, entity="case",
                            entity_id=case_id, what=f"案件 {case.number}")
        if case.status != CaseStatus.CLOSED or case.outcome is None:
            raise ConflictError(msg("案件 {number} 尚未结案", number=case.number))
        _check_closing(case.outcome, amount_fen, on_site)
        before = _detail(case)
        case.result = result
        case.result_amount_fen = amount_fen
        case.mediated_on_site = on_site
        if note is not None:
            case.outcome_note = note.strip() or None
        case.updated_at = dt.datetime.now()
        s.flush()
        after = _detail(case)
        audit.record(s, db.actor, "case.close_correct", "case", case_id,
                     f"更正结案信息 {case.number}", before, after, version=after.version)
        return after


def reopen_case(db: Database, case_id: int, reason: str, *, expected_version: int | None = None) -> CaseDetail:
    """Undo a closing recorded by mistake (撤销结案); the reason goes into the audit trail.

    Raises:
        ValidationError: no reason given.
        ConflictError: the case is not closed.
    """
    if not reason.strip():
        raise ValidationError(msg("请填写撤销结案的原因"), {"reason": msg("必填")})
    with db.session() as s:
        case = _load(s, case_id)
        audit.check_version(s, current=case.version, expected=expected_version, entity="case",
                            entity_id=case_id, what=f"案件 {case.number}")
        if case.status != CaseStatus.CLOSED:
            raise ConflictError(msg("案件 {number} 尚未结案", number=case.number))
        before = _detail(case)
        case.status = CaseStatus.HEARD if case.accepted_date else CaseStatus.RECEIVED
        case.outcome = None
        case.outcome_note = None
        case.closed_date = None
        case.result = None
        case.result_amount_fen = None
        case.mediated_on_site = False
        case.updated_at = dt.datetime.now()
        s.flush()
        after = _detail(case)
        audit.record(s, db.actor, "case.reopen", "case", case_id,
                     f"撤销结案 {case.number}：{reason.strip()}", before, after, version=after.version)
        return after


@dataclass(frozen=True)
class PartyFromDirectory:
    """What the enterprise directory (and the enterprise's last case) say about it as a party."""

    enterprise_id: int
    name: str
    credit_code: str
    address: str
    legal_representative: str
    legal_representative_title: str


def party_from_enterprise(db: Database, enterprise_id: int) -> PartyFromDirectory:
    """An enterprise of the directory as a party: name, credit code and address from the
    directory; the legal representative as recorded in its most recent case, if any.

    Raises:
        NotFound: the enterprise is no longer in the directory.
    """
    from tribunal.db.models import Enterprise

    with db.session(write=False) as s:
        ent = s.get(Enterprise, enterprise_id)
        if ent is None:
            raise NotFound(msg("企业名录中已没有这家企业，可能已被合并或删除，请重新查找"))
        same = Party.enterprise_id == ent.id
        if ent.credit_code:
            same = or_(same, Party.credit_code == ent.credit_code)
        latest = s.execute(
            select(Party.legal_representative, Party.legal_representative_title)
            .where(same, Party.legal_representative.is_not(None), Party.legal_representative != "")
            .order_by(Party.case_id.desc(), Party.id.desc()).limit(1)
        ).first()
        return PartyFromDirectory(
            enterprise_id=ent.id, name=ent.name, credit_code=ent.credit_code or "",
            address=ent.address or "",
            legal_representative=(latest[0] or "") if latest else "",
            legal_representative_title=(latest[1] or "") if latest else "",
        )

"""Typed tables of every entity: cases, parties, hearings, observers, training, documents, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from tribunal.db import guard
from tribunal.db.base import Base
from tribunal.domain.enums import (
    AgentAuthority,
    AgentKind,
    AwardKind,
    AwardStatus,
    CaseOutcome,
    CaseResult,
    CaseStatus,
    CaseType,
    DocumentKind,
    FinalityCategory,
    HearingStatus,
    InvitationStatus,
    MediationStatus,
    PanelRole,
    PartyKind,
    PartyRole,
    Procedure,
    ServiceMethod,
    StaffRole,
)


def _enum(cls: type) -> Enum:
    """Store an enum by its value in a plain string column (no native type, no CHECK)."""
    return Enum(
        cls,
        native_enum=False,
        length=30,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _now_precise() -> dt.datetime:
    # To the microsecond: two saves within one second must not carry the same stamp.
    return dt.datetime.now()


class Versioned:
    """A row a clerk edits: a counter SQLAlchemy checks on every UPDATE (no lost updates).

    Each save writes ``version + 1`` with ``WHERE version = <the version loaded>``; a save
    based on an older version changes no row and is refused. The services also compare the
    version the editor loaded (``expected_version``) before applying a change.
    """

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Setting(Versioned, Base):
    """One value of the settings registry (commission name, case-number prefix, language…)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=_now_precise, onupdate=_now_precise)


class Zone(Versioned, Base):
    """A development zone (开发区/园区) where circuit tribunals sit."""

    __tablename__ = "zone"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    address: Mapped[str | None]
    notes: Mapped[str | None] = mapped_column(Text)


class CircuitTribunal(Versioned, Base):
    """A circuit tribunal (巡回仲裁庭) stationed in a zone."""

    __tablename__ = "circuit_tribunal"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zone.id", ondelete="SET NULL"))
    address: Mapped[str | None]
    phone: Mapped[str | None] = mapped_column(String(40))
    colour: Mapped[str | None] = mapped_column(String(9))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Where its hearings usually sit: the scheduling dialog's first choice of host.
    default_host_enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="SET NULL"))

    zone: Mapped[Zone | None] = relationship()


class Enterprise(Versioned, Base):
    """An enterprise: may host hearings, send observers, or be a party."""

    __tablename__ = "enterprise"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    normalised_name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    credit_code_warning_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zone.id", ondelete="SET NULL"), index=True)
    address: Mapped[str | None]
    contact_name: Mapped[str | None] = mapped_column(String(60))
    contact_title: Mapped[str | None] = mapped_column(String(60))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    size: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    zone: Mapped[Zone | None] = relationship()


class Room(Versioned, Base):
    """A hearing room: at a host enterprise, or the commission's own (enterprise_id NULL)."""

    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("enterprise_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer, default=30)
    address: Mapped[str | None]
    directions: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    enterprise: Mapped[Enterprise | None] = relationship()


class Staff(Versioned, Base):
    """An arbitrator or clerk of the commission."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[StaffRole] = mapped_column(_enum(StaffRole))
    full_time: Mapped[bool] = mapped_column(Boolean, default=True)
    employer: Mapped[str | None]
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseNumberCounter(Base):
    """Last case number handed out per year and prefix; the row lock keeps numbers gap-free."""

    __tablename__ = "case_number_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Case(Versioned, Base):
    """An arbitration case (仲裁案件)."""

    __tablename__ = "arbitration_case"
    __table_args__ = (
        UniqueConstraint("number_prefix", "year", "seq"),
        Index("ix_case_received_id", "received_date", "id"),
        # The reports count cases by the day they were accepted and the day they were closed.
        Index("ix_case_accepted_date", "accepted_date"),
        Index("ix_case_closed_date", "closed_date"),
        # The case list sorts and filters by the next deadline (the cases with none after
        # them, newest received first, read in that order too: migration 0015); the daily
        # check finds the cases whose next deadline may have moved by the passing of time alone.
        Index("ix_case_next_due_order", "next_due_date", "received_date", "id"),
        Index("ix_case_next_due_recheck", "next_due_recheck"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    number_prefix: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    case_type: Mapped[CaseType] = mapped_column(_enum(CaseType), index=True)
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus), index=True)
    procedure: Mapped[Procedure] = mapped_column(_enum(Procedure), default=Procedure.ORDINARY)
    received_date: Mapped[dt.date] = mapped_column(Date)
    accepted_date: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[CaseOutcome | None] = mapped_column(_enum(CaseOutcome))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    closed_date: Mapped[dt.date | None] = mapped_column(Date)
    # What the closing decided, for the official returns (filled when the case is closed):
    # whose claims were upheld, the amount agreed (调解书) or awarded (裁决书), and whether it
    # was mediated at the hearing on site (当庭调解).
    result: Mapped[CaseResult | None] = mapped_column(_enum(CaseResult))
    result_amount_fen: Mapped[int | None] = mapped_column(Integer)
    mediated_on_site: Mapped[bool] = mapped_column(Boolean, default=False)
    collective: Mapped[bool] = mapped_column(Boolean, default=False)
    worker_count: Mapped[int] = mapped_column(Integer, default=1)
    tribunal_id: Mapped[int | None] = mapped_column(
        ForeignKey("circuit_tribunal.id", ondelete="SET NULL"), index=True
    )
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    # Denormalised for the case list and its search: kept up to date by the case service.
    applicant_names: Mapped[str] = mapped_column(String(400), default="")
    respondent_names: Mapped[str] = mapped_column(String(400), default="")
    # Sums in fen reach past 32 bits (21,474,836.47 yuan): 64-bit on PostgreSQL as on SQLite.
    claim_total_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    # The open case's next statutory deadline (its date and the clock item's key) and the day
    # from which time alone may change it: kept by services.clocks whenever the case's clocks
    # change, so the case list shows, sorts and filters by it without computing any clock.
    next_due_date: Mapped[dt.date | None] = mapped_column(Date)
    next_due_kind: Mapped[str | None] = mapped_column(String(40))
    next_due_recheck: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=_now_precise, onupdate=_now_precise)

    parties: Mapped[list[Party]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Party.position"
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Claim.position"
    )
    arbitrators: Mapped[list[CaseArbitrator]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseArbitrator.position"
    )
    clock_events: Mapped[list[CaseClockEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseClockEvent.id"
    )
    tribunal: Mapped[CircuitTribunal | None] = relationship()
    clerk: Mapped[Staff | None] = relationship()


class Party(Base):
    """A party to a case (当事人): applicant, respondent or third party."""

    __tablename__ = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[PartyRole] = mapped_column(_enum(PartyRole))
    kind: Mapped[PartyKind] = mapped_column(_enum(PartyKind))
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="SET NULL"), index=True
    )
    sex: Mapped[str | None] = mapped_column(String(2))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    legal_representative: Mapped[str | None] = mapped_column(String(60))
    legal_representative_title: Mapped[str | None] = mapped_column(String(60))

    case: Mapped[Case] = relationship(back_populates="parties")
    enterprise: Mapped[Enterprise | None] = relationship()
    agents: Mapped[list[PartyAgent]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="PartyAgent.position"
    )


class PartyAgent(Base):
    """Someone who acts for a party (代理人): entrusted, statutory or appointed; two at most."""

    __tablename__ = "party_agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[AgentKind] = mapped_column(_enum(AgentKind))
    name: Mapped[str] = mapped_column(String(60), index=True)
    organisation: Mapped[str | None] = mapped_column(String(200))  # law firm, service office, unit
    address: Mapped[str | None] = mapped_column(String(300))  # address for service (送达地址)
    phone: Mapped[str | None] = mapped_column(String(40))
    licence_number: Mapped[str | None] = mapped_column(String(40))  # 执业证号
    relation: Mapped[str | None] = mapped_column(String(40))  # 与当事人的关系
    legal_aid: Mapped[bool] = mapped_column(Boolean, default=False)
    # None: the power of attorney has not been seen yet (权限未登记).
    authority: Mapped[AgentAuthority | None] = mapped_column(_enum(AgentAuthority))
    special_items: Mapped[list[str]] = mapped_column(JSON, default=list)

    party: Mapped[Party] = relationship(back_populates="agents")


class Claim(Base):
    """One claim item (仲裁请求) with the amount claimed and, at the end, awarded."""

    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    item: Mapped[str] = mapped_column(String(300))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    awarded_fen: Mapped[int | None] = mapped_column(BigInteger)
    # For the award: what the claim is about (劳动争议调解仲裁法第四十七条) and whether the
    # tribunal holds the award on it final; NULL until the clerk decides.
    finality_category: Mapped[FinalityCategory | None] = mapped_column(_enum(FinalityCategory))
    final: Mapped[bool | None] = mapped_column(Boolean)

    case: Mapped[Case] = relationship(back_populates="claims")


class Mediation(Base):
    """A mediation statement (调解书): the agreed terms, then its service on every party."""

    __tablename__ = "mediation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    status: Mapped[MediationStatus] = mapped_column(_enum(MediationStatus))
    terms: Mapped[str] = mapped_column(Text)
    agreed_fen: Mapped[int | None] = mapped_column(BigInteger)
    result: Mapped[CaseResult | None] = mapped_column(_enum(CaseResult))
    statement_date: Mapped[dt.date] = mapped_column(Date)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    failed_on: Mapped[dt.date | None] = mapped_column(Date)
    failed_party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    failed_note: Mapped[str | None] = mapped_column(String(300))
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class Award(Base):
    """An award (裁决书) or partial award (先行裁决) with the statutory elements (第四十六条)."""

    __tablename__ = "award"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AwardKind] = mapped_column(_enum(AwardKind))
    status: Mapped[AwardStatus] = mapped_column(_enum(AwardStatus))
    award_date: Mapped[dt.date] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text, default="")
    reasons: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[CaseResult | None] = mapped_column(_enum(CaseResult))
    # Two 裁决书 for a mixed award (the commission's reading of 规则第五十条), as set when drafted.
    split: Mapped[bool] = mapped_column(Boolean, default=True)
    # Arbitrators who decline to sign (第四十六条): [{"name": …, "note": …}].
    declined: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    threshold_fen: Mapped[int | None] = mapped_column(BigInteger)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    served_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    items: Mapped[list[AwardItem]] = relationship(
        back_populates="award", cascade="all, delete-orphan", order_by="AwardItem.position"
    )


class AwardItem(Base):
    """What an award decides on one claim: the amount, the category and whether it is final."""

    __tablename__ = "award_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    award_id: Mapped[int] = mapped_column(ForeignKey("award.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    awarded_fen: Mapped[int | None] = mapped_column(BigInteger)
    category: Mapped[FinalityCategory] = mapped_column(_enum(FinalityCategory))
    final: Mapped[bool] = mapped_column(Boolean)
    decision: Mapped[str] = mapped_column(String(300), default="")

    award: Mapped[Award] = relationship(back_populates="items")
    claim: Mapped[Claim] = relationship()


class Recommendation(Base):
    """A 仲裁建议书 to an employer: the practices found, a reply date, the reply when it comes."""

    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("arbitration_case.id", ondelete="SET NULL"),
                                                index=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprise.id", ondelete="SET NULL"),
                                                      index=True)
    addressee: Mapped[str] = mapped_column(String(200))
    practices: Mapped[list[str]] = mapped_column(JSON, default=list)
    details: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[dt.date] = mapped_column(Date, index=True)
    reply_due: Mapped[dt.date] = mapped_column(Date)
    replied_on: Mapped[dt.date | None] = mapped_column(Date)
    reply: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class RiskNotice(Base):
    """A 用工风险提示 for a zone's enterprises, built from several cases with no party named."""

    __tablename__ = "risk_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zone.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    case_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    training_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_session.id", ondelete="SET NULL"), index=True)
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class CaseArbitrator(Base):
    """A seat on the case's arbitral tribunal (仲裁庭组成)."""

    __tablename__ = "case_arbitrator"
    __table_args__ = (UniqueConstraint("case_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"), index=True)
    role: Mapped[PanelRole] = mapped_column(_enum(PanelRole))
    position: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped[Case] = relationship(back_populates="arbitrators")
    staff: Mapped[Staff] = relationship()


class CaseClockEvent(Base):
    """One dated change to a case's time limit (期限变动记录), kept for ever.

    Suspensions and their ends, periods not counted, public notices, the approved extension,
    each re-count of 办案规则 art. 46 and the answer whether an extension still stands after a
    re-count: the clock is computed from these rows alone, in event-date order
    (``domain/clock_history.py``). A row is never changed or deleted; a mistake is withdrawn
    (``withdrawn_*``) and stays on record. Notices and service records refer to a row by id.
    """

    __tablename__ = "clock_event"
    __table_args__ = (Index("ix_clock_event_case_date", "case_id", "event_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    event_date: Mapped[dt.date] = mapped_column(Date)
    # Re-count item (一…七), suspension ground code, public-notice rule key, or kept/lapsed.
    ground: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str | None] = mapped_column(String(200))
    # An end refers to its interval; an answer about an extension refers to the extension.
    ref_id: Mapped[int | None] = mapped_column(
        ForeignKey("clock_event.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    party_name: Mapped[str | None] = mapped_column(String(200))
    document: Mapped[str | None] = mapped_column(String(60))
    approved_by: Mapped[str | None] = mapped_column(String(60))
    days: Mapped[int | None] = mapped_column(Integer)
    # A public notice: the day it counts as served. A suspension: the last day its end event
    # records, kept by the clock service with that event so reports can query intervals.
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[dt.datetime] = mapped_column(default=_now)
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(60))
    withdrawn_reason: Mapped[str | None] = mapped_column(String(200))

    case: Mapped[Case] = relationship(back_populates="clock_events")


class PeriodRuleCheck(Base):
    """A commission's confirmation of one period rule against the official text (期间规则核对).

    The confirmation names the rule as it then read (length, unit, basis): a later program
    version that changes the rule shows it unconfirmed again. Withdrawn confirmations stay.
    """

    __tablename__ = "period_rule_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_key: Mapped[str] = mapped_column(String(40), index=True)
    days: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(String(300))
    confirmed_by: Mapped[str] = mapped_column(String(60))
    confirmed_at: Mapped[dt.datetime] = mapped_column(default=_now)
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(60))
    withdrawn_reason: Mapped[str | None] = mapped_column(String(200))


class WageParameter(Base):
    """A dated wage figure entered by the commission (工资参数): average or minimum wage, provincial table.

    ``value`` is in fen for amounts and in hundredths of a month for month figures (``unit``).
    Removed figures stay on record (``withdrawn_*``); calculations use the active ones.
    """

    __tablename__ = "wage_parameter"
    __table_args__ = (Index("ix_wage_parameter_lookup", "kind", "area", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    area: Mapped[str] = mapped_column(String(60))
    grade: Mapped[int | None] = mapped_column(Integer)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(String(300))
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[dt.datetime] = mapped_column(default=_now)
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(60))
    withdrawn_reason: Mapped[str | None] = mapped_column(String(200))


class Hearing(Versioned, Base):
    """A hearing (开庭) of a case, at a host enterprise's room or the commission's own."""

    __tablename__ = "hearing"
    __table_args__ = (Index("ix_hearing_starts_at", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    tribunal_id: Mapped[int | None] = mapped_column(
        ForeignKey("circuit_tribunal.id", ondelete="SET NULL"), index=True
    )
    host_enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="SET NULL"), index=True
    )
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"), index=True)
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    closed_reason: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[HearingStatus] = mapped_column(_enum(HearingStatus), default=HearingStatus.SCHEDULED)
    status_reason: Mapped[str | None] = mapped_column(String(300))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    override_reason: Mapped[str | None] = mapped_column(Text)
    postponed_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearing.id", ondelete="SET NULL"), index=True
    )
    # The case as the training handout tells it, as the clerk reviewed it (NULL: not yet).
    teaching_text: Mapped[str | None] = mapped_column(Text)
    teaching_reviewed_by: Mapped[str | None] = mapped_column(String(60))
    teaching_reviewed_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    case: Mapped[Case] = relationship()
    room: Mapped[Room | None] = relationship()
    host_enterprise: Mapped[Enterprise | None] = relationship()
    tribunal: Mapped[CircuitTribunal | None] = relationship()
    clerk: Mapped[Staff | None] = relationship()
    panel: Mapped[list[HearingPanelMember]] = relationship(
        back_populates="hearing", cascade="all, delete-orphan", order_by="HearingPanelMember.position"
    )
    service_records: Mapped[list[ServiceRecord]] = relationship(
        back_populates="hearing", cascade="all, delete-orphan"
    )
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="hearing", cascade="all, delete-orphan"
    )


class HearingPanelMember(Base):
    """An arbitrator sitting at a hearing."""

    __tablename__ = "hearing_panel_member"
    __table_args__ = (UniqueConstraint("hearing_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"), index=True)
    role: Mapped[PanelRole] = mapped_column(_enum(PanelRole))
    position: Mapped[int] = mapped_column(Integer, default=0)

    hearing: Mapped[Hearing] = relationship(back_populates="panel")
    staff: Mapped[Staff] = relationship()


class HearingRecord(Versioned, Base):
    """The hearing record (庭审笔录) of one hearing, as last copied from the clerk's journal.

    ``content`` is the whole record as JSON (``domain.hearing_record.RecordContent``);
    ``revision`` is the journal's change counter, so a copy never goes backwards.
    """

    __tablename__ = "hearing_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), unique=True)
    content: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    read_at: Mapped[dt.datetime | None]
    saved_at: Mapped[dt.datetime] = mapped_column(default=_now_precise)
    saved_by: Mapped[str] = mapped_column(String(60), default="")


class HearingRecordVersion(Base):
    """A kept version of a hearing record: at each stage change, every few minutes, when read."""

    __tablename__ = "hearing_record_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("hearing_record.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(default=_now_precise)


class ServiceRecord(Base):
    """How and when a document reached a party (送达记录)."""

    __tablename__ = "service_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearing.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"), index=True)
    document: Mapped[str] = mapped_column(String(60))
    method: Mapped[ServiceMethod] = mapped_column(_enum(ServiceMethod))
    served_on: Mapped[dt.date | None] = mapped_column(Date)
    signed_by: Mapped[str | None] = mapped_column(String(60))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(String(300))

    hearing: Mapped[Hearing | None] = relationship(back_populates="service_records")
    party: Mapped[Party] = relationship()


class Observer(Versioned, Base):
    """A person who may observe hearings (旁听人员), usually an HR manager."""

    __tablename__ = "observer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), index=True)
    enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(40))
    id_number: Mapped[str | None] = mapped_column(String(18))
    id_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    enterprise: Mapped[Enterprise | None] = relationship()


class CaseParticipant(Versioned, Base):
    """Someone else taking part in a case: a witness, appraiser or interpreter (证人、鉴定人…).

    Such people may not observe the hearing (旁听), so the invitation checks consult this table.
    """

    __tablename__ = "case_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(40))
    enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(String(300))


class Invitation(Versioned, Base):
    """An observer's invitation to one hearing: invited → confirmed/declined → attended/absent."""

    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("hearing_id", "observer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), index=True)
    observer_id: Mapped[int] = mapped_column(ForeignKey("observer.id", ondelete="CASCADE"), index=True)
    status: Mapped[InvitationStatus] = mapped_column(
        _enum(InvitationStatus), default=InvitationStatus.INVITED
    )
    token: Mapped[str] = mapped_column(String(32), unique=True)
    invited_at: Mapped[dt.datetime] = mapped_column(default=_now)
    replied_at: Mapped[dt.datetime | None]
    checked_in_at: Mapped[dt.datetime | None]
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(String(300))

    hearing: Mapped[Hearing] = relationship(back_populates="invitations")
    observer: Mapped[Observer] = relationship()


class TrainingTopic(Versioned, Base):
    """A topic of the training library, with its legal basis."""

    __tablename__ = "training_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(String(400), default="")
    # The plain name a certificate prints (培训内容); NULL until filled from the library.
    formal_title: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TrainingSession(Versioned, Base):
    """A training session after a hearing or on its own (普法培训)."""

    __tablename__ = "training_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearing.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    speaker: Mapped[str | None] = mapped_column(String(60))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime | None]
    venue: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    hearing: Mapped[Hearing | None] = relationship()
    topics: Mapped[list[TrainingSessionTopic]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="TrainingSessionTopic.position"
    )
    attendance: Mapped[list[TrainingAttendance]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )


class TrainingSessionTopic(Base):
    """A topic chosen for one training session."""

    __tablename__ = "training_session_topic"
    __table_args__ = (UniqueConstraint("session_id", "topic_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("training_topic.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[TrainingSession] = relationship(back_populates="topics")
    topic: Mapped[TrainingTopic] = relationship()


class TrainingAttendance(Base):
    """Someone who attended a training session: a registered observer or a named other."""

    __tablename__ = "training_attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE"), index=True
    )
    observer_id: Mapped[int | None] = mapped_column(
        ForeignKey("observer.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    enterprise_name: Mapped[str | None] = mapped_column(String(200))

    session: Mapped[TrainingSession] = relationship(back_populates="attendance")


class CertificateRecord(Base):
    """A certificate of attendance (培训证明) and its number, taken when it is first printed.

    Numbers are gap-free per year and pattern (the counter lives in ``case_number_counter``
    under the pattern's series key). A withdrawn certificate is voided, never deleted, so
    its number is never given to anyone else.
    """

    __tablename__ = "certificate"
    __table_args__ = (UniqueConstraint("series", "year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int | None] = mapped_column(ForeignKey("hearing.id", ondelete="SET NULL"), index=True)
    observer_id: Mapped[int | None] = mapped_column(ForeignKey("observer.id", ondelete="SET NULL"))
    # Who it is for: "o:<observer id>", or "n:<name>|<enterprise>" for someone not in the directory.
    person_key: Mapped[str] = mapped_column(String(300))
    name: Mapped[str] = mapped_column(String(60))
    enterprise: Mapped[str | None] = mapped_column(String(200))
    series: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(80), unique=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(60))
    voided_on: Mapped[dt.date | None] = mapped_column(Date)
    void_reason: Mapped[str | None] = mapped_column(String(200))


class Document(Base):
    """A generated PDF: what it is, about whom, where it lies, and its SHA-256."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(_enum(DocumentKind), index=True)
    title: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("arbitration_case.id", ondelete="SET NULL"), index=True)
    hearing_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearing.id", ondelete="SET NULL"), index=True
    )
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    observer_id: Mapped[int | None] = mapped_column(ForeignKey("observer.id", ondelete="SET NULL"))
    path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[dt.datetime] = mapped_column(default=_now)
    generated_by: Mapped[str] = mapped_column(String(60))


class LegalDay(Base):
    """One day of the legal calendar: a statutory holiday or a make-up working day (调休)."""

    __tablename__ = "legal_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str | None] = mapped_column(String(40))


class LegalYear(Base):
    """A year whose holiday schedule is loaded; computations refuse years not listed here."""

    __tablename__ = "legal_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    loaded_at: Mapped[dt.datetime] = mapped_column(default=_now)


class AuditEntry(Base):
    """Who changed what, when, with the values before and after (审计记录)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    # Indexed for the audit log's list of actions (SELECT DISTINCT; migration 0013).
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    #: The record's version after this change, so a refused stale save can list what came since.
    entity_version: Mapped[int | None] = mapped_column(Integer)


class DocumentBlob(Base):
    """The bytes of a PDF that goes to a party (served), kept in the database by its SHA-256.

    A served document must open on every workstation of a commission, long after the file
    on one PC is gone; identical bytes are stored once. Part of every backup and copy.
    """

    __tablename__ = "document_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    stored_at: Mapped[dt.datetime] = mapped_column(default=_now)


class DatabaseMeta(Base):
    """Facts about the database itself: the audit trail's HMAC key, the program that upgraded it.

    Kept apart from ``setting`` (which clerks list and change) and from ``audit_entry``.
    """

    __tablename__ = "database_meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


guard.protect_audit_trail(AuditEntry)

"""Typed tables of every entity: cases, parties, hearings, observers, training, documents, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tribunal.db.base import Base
from tribunal.domain.enums import (
    CaseOutcome,
    CaseResult,
    CaseStatus,
    CaseType,
    DocumentKind,
    HearingStatus,
    InvitationStatus,
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


class Setting(Base):
    """One value of the settings registry (commission name, case-number prefix, language…)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=_now, onupdate=_now)


class Zone(Base):
    """A development zone (开发区/园区) where circuit tribunals sit."""

    __tablename__ = "zone"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    address: Mapped[str | None]
    notes: Mapped[str | None] = mapped_column(Text)


class CircuitTribunal(Base):
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


class Enterprise(Base):
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


class Room(Base):
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


class Staff(Base):
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


class Case(Base):
    """An arbitration case (仲裁案件)."""

    __tablename__ = "arbitration_case"
    __table_args__ = (
        UniqueConstraint("number_prefix", "year", "seq"),
        Index("ix_case_received_id", "received_date", "id"),
        # The reports count cases by the day they were accepted and the day they were closed.
        Index("ix_case_accepted_date", "accepted_date"),
        Index("ix_case_closed_date", "closed_date"),
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
    extension_approved: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_approved_by: Mapped[str | None] = mapped_column(String(60))
    extension_approved_on: Mapped[dt.date | None] = mapped_column(Date)
    clock_restart_date: Mapped[dt.date | None] = mapped_column(Date)
    clock_restart_reason: Mapped[str | None] = mapped_column(String(200))
    tribunal_id: Mapped[int | None] = mapped_column(
        ForeignKey("circuit_tribunal.id", ondelete="SET NULL"), index=True
    )
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    # Denormalised for the case list and its search: kept up to date by the case service.
    applicant_names: Mapped[str] = mapped_column(String(400), default="")
    respondent_names: Mapped[str] = mapped_column(String(400), default="")
    claim_total_fen: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=_now, onupdate=_now)

    parties: Mapped[list[Party]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Party.position"
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Claim.position"
    )
    arbitrators: Mapped[list[CaseArbitrator]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseArbitrator.position"
    )
    suspensions: Mapped[list[CaseSuspension]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseSuspension.start_date"
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
    agent_name: Mapped[str | None] = mapped_column(String(60))
    agent_phone: Mapped[str | None] = mapped_column(String(40))

    case: Mapped[Case] = relationship(back_populates="parties")
    enterprise: Mapped[Enterprise | None] = relationship()


class Claim(Base):
    """One claim item (仲裁请求) with the amount claimed and, at the end, awarded."""

    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    item: Mapped[str] = mapped_column(String(300))
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    awarded_fen: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[Case] = relationship(back_populates="claims")


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


class CaseSuspension(Base):
    """An interval in which the case clock stands still (中止 or public-notice service)."""

    __tablename__ = "case_suspension"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))

    case: Mapped[Case] = relationship(back_populates="suspensions")


class Hearing(Base):
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


class Observer(Base):
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


class CaseParticipant(Base):
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


class Invitation(Base):
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


class TrainingTopic(Base):
    """A topic of the training library, with its legal basis."""

    __tablename__ = "training_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(String(400), default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TrainingSession(Base):
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
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]

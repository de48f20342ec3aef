"""Plain, frozen data the renderers print: filled in by services.documents from the database.

Two families keep privacy by construction. The *internal* records (:class:`HearingInfo`,
:class:`PartyInfo`, :class:`DayList`) carry full names, for documents that go to the parties
and to the tribunal's staff. The *public* records (:class:`PublicHearing`,
:class:`TeachingCase`, :class:`Invitee` …) carry only de-identified captions and the
observers' own details, and they have no field for an ID or phone number of a party: a
document rendered from them cannot leak what it was never given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tribunal.domain.enums import AgentKind
from tribunal.domain.venues import venue_text

# ---------------------------------------------------------------- shared


@dataclass(frozen=True)
class Commission:
    """The issuing body as printed: the committee's name (and seal), the institute, contacts."""

    issuer: str  # 仲裁委员会 — signs and seals the documents (settings: commission.seal_text)
    institute: str  # 仲裁院 — organises hearings and trainings (settings: commission.name)
    address: str = ""
    phone: str = ""
    date_style: str = "chinese"  # signature dates: "chinese" (二〇二六年…) or "arabic"
    signatory: str = ""  # 签发人 of the documents served (settings: commission.signatory)


@dataclass(frozen=True)
class StaffMember:
    """An arbitrator or clerk; ``phone`` is a work number, printed as the contact."""

    name: str
    phone: str = ""


@dataclass(frozen=True)
class PanelSeat:
    """A seat at the hearing: role value ("sole", "presiding", "member"), its label, the name."""

    role: str
    role_label: str
    name: str


@dataclass(frozen=True)
class Venue:
    """Where the hearing sits: a host enterprise's room, or the commission's own."""

    host: str  # host enterprise's name, or the commission's name for its own rooms
    room: str
    address: str = ""
    directions: str = ""
    at_enterprise: bool = True

    @property
    def place(self) -> str:
        """Host and room in one phrase: 某某公司职工活动中心会议室, or 某某仲裁院第一仲裁庭."""
        if self.at_enterprise or not self.room:
            return venue_text(self.room, self.host, spaced=False)
        return venue_text(self.room, None, owner=self.host)


# ---------------------------------------------------------------- internal (parties, staff)


@dataclass(frozen=True)
class AgentInfo:
    """An agent of a party as the notices name it: kind, firm or unit, address for service."""

    id: int
    kind: AgentKind
    name: str
    organisation: str = ""
    address: str = ""
    legal_aid: bool = False


@dataclass(frozen=True)
class PartyInfo:
    """A party as the notices to the parties name it (no ID or phone number: none is printed)."""

    id: int
    role: str  # "applicant", "respondent", "third_party"
    role_label: str
    is_organisation: bool
    name: str
    address: str = ""
    legal_representative: str = ""
    legal_representative_title: str = ""
    agents: tuple[AgentInfo, ...] = ()


@dataclass(frozen=True)
class ServiceInfo:
    """What is recorded about serving the hearing notice on one party, if anything."""

    method_label: str = ""
    served_on: dt.date | None = None


@dataclass(frozen=True)
class HearingInfo:
    """One hearing with everything the parties' documents need (full names)."""

    id: int
    case_id: int
    case_number: str
    case_type_label: str
    parties: tuple[PartyInfo, ...]
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: Venue
    public: bool
    closed_reason: str
    panel: tuple[PanelSeat, ...]
    clerk: StaffMember
    tribunal: str
    issue_date: dt.date
    service: tuple[tuple[int, ServiceInfo], ...] = ()  # (party id, record)

    def by_role(self, role: str) -> tuple[PartyInfo, ...]:
        """The parties of one role, in the case's order."""
        return tuple(p for p in self.parties if p.role == role)

    def service_of(self, party_id: int) -> ServiceInfo:
        """The recorded service of the hearing notice on ``party_id`` (empty when none)."""
        return dict(self.service).get(party_id, ServiceInfo())


@dataclass(frozen=True)
class DayListRow:
    """One hearing of a day list (internal: full names)."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    case_number: str
    applicants: str
    respondents: str
    case_type_label: str
    place: str
    panel: str
    clerk: str
    public: bool
    status_label: str = ""


@dataclass(frozen=True)
class DayList:
    """A tribunal's hearings on one day (开庭排期表)."""

    tribunal: str
    day: dt.date
    rows: tuple[DayListRow, ...]
    issue_date: dt.date


# ---------------------------------------------------------------- public (observers)


@dataclass(frozen=True)
class TopicInfo:
    """A training topic with its legal basis."""

    code: str
    title: str
    body: str
    legal_basis: str = ""
    formal_title: str = ""  # the plain name a certificate prints ("" — the title itself)


@dataclass(frozen=True)
class TrainingInfo:
    """The training that follows the hearing."""

    title: str
    speaker: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    topics: tuple[TopicInfo, ...] = ()
    default_selection: bool = False  # True: no session recorded yet, topics picked by case type


@dataclass(frozen=True)
class PublicHearing:
    """A public hearing as observers see it: de-identified caption, no case number, no party data."""

    hearing_id: int
    caption: str  # 张某与某机械制造有限公司工伤保险待遇争议
    case_type_label: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: Venue
    panel: tuple[PanelSeat, ...]
    clerk: StaffMember
    tribunal: str
    issue_date: dt.date
    training: TrainingInfo


@dataclass(frozen=True)
class Invitee:
    """One invited observer: their own name, employer and title, and the check-in token."""

    invitation_id: int
    observer_id: int
    name: str
    enterprise: str
    title: str
    token: str
    status_label: str = ""
    checked_in_at: dt.datetime | None = None
    walk_in: bool = False

    @property
    def check_in_code(self) -> str:
        """What the QR code holds: the check-in screen looks the token up."""
        return f"TRB1:{self.token}"


@dataclass(frozen=True)
class InvitationLetter:
    """One letter of invitation: to an enterprise (its invitees) or to one person."""

    addressee: str
    enterprise: str
    invitees: tuple[Invitee, ...]
    reply_by: dt.date


@dataclass(frozen=True)
class ClaimSummary:
    """A claim as teaching material shows it: the item and a rounded amount ("约5.6万元")."""

    item: str
    approx_amount: str = ""


@dataclass(frozen=True)
class TeachingCase:
    """The hearing's case as a de-identified teaching case."""

    caption: str
    case_type_label: str
    summary: str
    claims: tuple[ClaimSummary, ...]
    applied_month: str = ""  # "2026年11月"


@dataclass(frozen=True)
class Certificate:
    """A certificate of attendance for one observer (their own name in full)."""

    number: str
    name: str
    enterprise: str
    title: str
    hours: str  # "3"
    issue_date: dt.date

"""Reference lists the editors choose from: staff, circuit tribunals, zones."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from tribunal.db.engine import Database
from tribunal.db.models import CircuitTribunal, Enterprise, Hearing, Staff, Zone
from tribunal.domain import validators
from tribunal.domain.enums import StaffRole
from tribunal.errors import NotFound, ValidationError
from tribunal.services import audit
from tribunal.texts import joined, msg


@dataclass(frozen=True)
class StaffRow:
    """An arbitrator or clerk, as the pickers show them."""

    id: int
    name: str
    role: StaffRole
    full_time: bool
    phone: str
    active: bool


@dataclass(frozen=True)
class TribunalRow:
    """A circuit tribunal and its zone."""

    id: int
    name: str
    zone: str
    address: str
    colour: str
    default_host_enterprise_id: int | None = None


def list_staff(db: Database, role: StaffRole | None = None, *, active_only: bool = True) -> list[StaffRow]:
    """Staff, by name; only active ones unless asked otherwise."""
    with db.session(write=False) as s:
        query = select(Staff).order_by(Staff.role, Staff.name, Staff.id)
        if role is not None:
            query = query.where(Staff.role == role)
        if active_only:
            query = query.where(Staff.active.is_(True))
        return [StaffRow(x.id, x.name, x.role, x.full_time, x.phone or "", x.active) for x in s.scalars(query)]


def add_staff(db: Database, name: str, role: StaffRole, *, full_time: bool = True, phone: str = "") -> StaffRow:
    """Add an arbitrator or clerk.

    Raises:
        ValidationError: bad name or phone.
    """
    errors: dict[str, str] = {}
    checked = validators.check_person_name(name)
    if not checked.ok:
        errors["name"] = checked.error or "姓名不正确"
    if phone.strip():
        p = validators.check_phone(phone)
        if not p.ok:
            errors["phone"] = p.error or "电话不正确"
        phone = p.value
    if errors:
        raise ValidationError(joined(errors.values()), errors)
    with db.session() as s:
        staff = Staff(name=checked.value, role=role, full_time=full_time, phone=phone or None)
        s.add(staff)
        s.flush()
        row = StaffRow(staff.id, staff.name, staff.role, staff.full_time, staff.phone or "", True)
        audit.record(s, db.actor, "staff.create", "staff", staff.id, f"新增{role.label_zh} {staff.name}", None, row)
        return row


def list_tribunals(db: Database) -> list[TribunalRow]:
    """Circuit tribunals that are in service."""
    with db.session(write=False) as s:
        rows = s.execute(
            select(CircuitTribunal, Zone.name)
            .outerjoin(Zone, CircuitTribunal.zone_id == Zone.id)
            .where(CircuitTribunal.active.is_(True))
            .order_by(CircuitTribunal.name)
        ).all()
        return [TribunalRow(t.id, t.name, zone or "", t.address or "", t.colour or "",
                            t.default_host_enterprise_id) for t, zone in rows]


def set_default_host(db: Database, tribunal_id: int, enterprise_id: int | None) -> TribunalRow:
    """Set (or, with None, clear) the enterprise where a circuit tribunal's hearings usually sit.

    Raises:
        NotFound: the tribunal or the enterprise does not exist.
    """
    with db.session() as s:
        tribunal = s.get(CircuitTribunal, tribunal_id)
        if tribunal is None:
            raise NotFound(msg("没有这个巡回仲裁庭"))
        if enterprise_id is not None and s.get(Enterprise, enterprise_id) is None:
            raise NotFound(msg("企业名录中没有这家企业"))
        before = tribunal.default_host_enterprise_id
        tribunal.default_host_enterprise_id = enterprise_id
        audit.record(s, db.actor, "tribunal.default_host", "tribunal", tribunal.id,
                     f"{tribunal.name} 的默认开庭企业：{before} → {enterprise_id}",
                     {"default_host_enterprise_id": before}, {"default_host_enterprise_id": enterprise_id})
        zone = tribunal.zone.name if tribunal.zone else ""
        return TribunalRow(tribunal.id, tribunal.name, zone, tribunal.address or "", tribunal.colour or "",
                           tribunal.default_host_enterprise_id)


def usual_host(db: Database, tribunal_id: int) -> int | None:
    """Where a circuit tribunal's next hearing most likely sits: its default host enterprise,
    else the host of its most recent hearing at an enterprise (None when it has had none)."""
    with db.session(write=False) as s:
        tribunal = s.get(CircuitTribunal, tribunal_id)
        if tribunal is None:
            return None
        if tribunal.default_host_enterprise_id is not None:
            return tribunal.default_host_enterprise_id
        return s.scalar(
            select(Hearing.host_enterprise_id)
            .where(Hearing.tribunal_id == tribunal_id, Hearing.host_enterprise_id.is_not(None))
            .order_by(Hearing.starts_at.desc(), Hearing.id.desc()).limit(1)
        )

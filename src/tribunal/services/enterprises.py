"""Enterprise directory (企业名录) per development zone: enterprises, their HR contacts, duplicates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import Enterprise, Observer, Zone
from tribunal.db.search import contains
from tribunal.domain import validators
from tribunal.domain.anonymise import mask_phone
from tribunal.domain.names import enterprise_name_key, tidy_enterprise_name
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit, inputs
from tribunal.texts import joined, msg

NAME_MAX = 200
ADDRESS_MAX = 200
TITLE_MAX = 60
SIZE_MAX = 40


# ---------------------------------------------------------------- plain data in and out


@dataclass(frozen=True)
class ZoneRow:
    """A development zone (开发区/园区)."""

    id: int
    name: str


@dataclass(frozen=True)
class EnterpriseInput:
    """An enterprise as the clerk typed it (or as one spreadsheet row gave it)."""

    name: str
    credit_code: str = ""
    credit_code_confirmed: bool = False
    zone_id: int | None = None
    address: str = ""
    contact_name: str = ""
    contact_title: str = ""
    contact_phone: str = ""
    size: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContactRow:
    """An HR contact of an enterprise (an observer row of the person directory)."""

    observer_id: int
    name: str
    title: str
    phone: str
    phone_masked: str
    primary: bool


@dataclass(frozen=True)
class EnterpriseRow:
    """One line of the enterprise list.

    ``contact_phone`` is masked (138****2233) unless the caller asked for full numbers;
    ``credit_code_unconfirmed`` is True while a code that fails the check character waits for
    a clerk to compare it with the business licence.
    """

    id: int
    name: str
    credit_code: str
    credit_code_unconfirmed: bool
    zone_id: int | None
    zone: str
    address: str
    contact_name: str
    contact_title: str
    contact_phone: str
    size: str
    notes: str
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1


@dataclass(frozen=True)
class EnterpriseDetail:
    """An enterprise with every HR contact known for it."""

    row: EnterpriseRow
    contacts: tuple[ContactRow, ...]
    created_at: dt.datetime


# ---------------------------------------------------------------- zones


def list_zones(db: Database) -> list[ZoneRow]:
    """Every development zone, by name."""
    with db.session(write=False) as s:
        return [ZoneRow(z.id, z.name) for z in s.scalars(select(Zone).order_by(Zone.name))]


def find_zone(db: Database, name: str) -> ZoneRow:
    """The zone called ``name`` (spaces and full-width forms do not matter).

    Raises:
        NotFound: no such zone; the message lists the zones that exist.
    """
    with db.session(write=False) as s:
        zone = zone_by_name(s, name)
        if zone is None:
            known = "、".join(z.name for z in s.scalars(select(Zone).order_by(Zone.name))) or "（尚无）"
            raise NotFound(msg("没有名为“{strip}”的开发区；现有：{known}", strip=name.strip(), known=known))
        return ZoneRow(zone.id, zone.name)


def zone_by_name(session: Session, name: str) -> Zone | None:
    """Inside an open session: the zone whose name matches ``name`` once tidied, or None."""
    wanted = validators.normalise(name, remove=" ")
    if not wanted:
        return None
    for zone in session.scalars(select(Zone)):
        if validators.normalise(zone.name, remove=" ") == wanted:
            return zone
    return None


def add_zone(db: Database, name: str, address: str = "") -> ZoneRow:
    """Add a development zone.

    Raises:
        ValidationError: no name, or the name exists already.
    """
    name = " ".join(validators.normalise(name).split())
    if not name:
        raise ValidationError(msg("请填写开发区名称"), {"name": msg("必填")})
    with db.session() as s:
        if zone_by_name(s, name) is not None:
            raise ValidationError(msg("开发区“{name}”已经存在", name=name), {"name": msg("重名")})
        zone = Zone(name=name, address=address.strip() or None)
        s.add(zone)
        s.flush()
        audit.record(s, db.actor, "zone.create", "zone", zone.id, f"新增开发区 {name}", None,
                     {"name": name, "address": address.strip()})
        return ZoneRow(zone.id, zone.name)


# ---------------------------------------------------------------- checking input


def check_enterprise_input(data: EnterpriseInput) -> tuple[EnterpriseInput, dict[str, str], list[str]]:
    """Check an enterprise as typed.

    Returns:
        The normalised input, the refusals per field (``name``, ``credit_code``,
        ``contact_name``, ``contact_phone``, ``contact_title``, ``address``, ``size``), and
        warnings the clerk may accept (a credit code failing its check character).
    """
    errors: dict[str, str] = {}
    warnings: list[str] = []
    name = tidy_enterprise_name(data.name)
    if not name:
        errors["name"] = msg("请填写企业名称")
    elif len(name) > NAME_MAX:
        errors["name"] = msg("企业名称过长（最多 {NAME_MAX} 字）", NAME_MAX=NAME_MAX)
    code = ""
    if data.credit_code.strip():
        r = validators.check_credit_code(data.credit_code)
        code = r.value
        if not r.ok:
            errors["credit_code"] = r.error or "统一社会信用代码不正确"
        elif r.warning:
            warnings.append(r.warning)
    contact = ""
    if data.contact_name.strip():
        r = validators.check_person_name(data.contact_name)
        contact = r.value
        if not r.ok:
            errors["contact_name"] = msg("联系人姓名：{error}", error=r.error)
    phone = ""
    if data.contact_phone.strip():
        r = validators.check_phone(data.contact_phone)
        phone = r.value
        if not r.ok:
            errors["contact_phone"] = msg("联系电话：{error}", error=r.error)
    title = " ".join(validators.normalise(data.contact_title).split())
    if len(title) > TITLE_MAX:
        errors["contact_title"] = msg("职务过长（最多 {TITLE_MAX} 字）", TITLE_MAX=TITLE_MAX)
    address = " ".join(data.address.split())
    if len(address) > ADDRESS_MAX:
        errors["address"] = msg("地址过长（最多 {ADDRESS_MAX} 字）", ADDRESS_MAX=ADDRESS_MAX)
    size = " ".join(validators.normalise(data.size).split())
    if size.isdigit():
        size += "人"
    if len(size) > SIZE_MAX:
        errors["size"] = msg("规模过长（最多 {SIZE_MAX} 字）", SIZE_MAX=SIZE_MAX)
    clean = replace(data, name=name, credit_code=code, contact_name=contact, contact_phone=phone,
                    contact_title=title, address=address, size=size, notes=data.notes.strip())
    return clean, errors, warnings


def credit_code_needs_confirmation(code: str | None) -> bool:
    """True when ``code`` is well formed but fails its check character (early pilot codes)."""
    if not code:
        return False
    r = validators.check_credit_code(code)
    return r.ok and r.warning is not None


# ---------------------------------------------------------------- reading


def _row(e: Enterprise, zone_name: str | None, *, show_phones: bool) -> EnterpriseRow:
    phone = e.contact_phone or ""
    return EnterpriseRow(
        id=e.id, name=e.name, credit_code=e.credit_code or "",
        credit_code_unconfirmed=(not e.credit_code_warning_accepted
                                 and credit_code_needs_confirmation(e.credit_code)),
        zone_id=e.zone_id, zone=zone_name or "", address=e.address or "",
        contact_name=e.contact_name or "", contact_title=e.contact_title or "",
        contact_phone=phone if show_phones else mask_phone(phone),
        size=e.size or "", notes=e.notes or "", version=e.version or 1,
    )


def search_enterprises(db: Database, text: str = "", *, zone_id: int | None = None,
                       limit: int | None = None, show_phones: bool = False) -> list[EnterpriseRow]:
    """Enterprises matching every word of ``text`` (name, credit code, contact), by name.

    Phone numbers come masked unless ``show_phones`` is True (the clerk asked to see them).
    """
    query = select(Enterprise, Zone.name).outerjoin(Zone, Enterprise.zone_id == Zone.id)
    for word in validators.normalise(inputs.search_text(text)).split():
        query = query.where(or_(
            contains(Enterprise.name, word),
            contains(Enterprise.normalised_name, enterprise_name_key(word)),
            contains(Enterprise.credit_code, word.upper()),
            contains(Enterprise.contact_name, word),
        ))
    if zone_id is not None:
        query = query.where(Enterprise.zone_id == zone_id)
    query = query.order_by(Enterprise.name, Enterprise.id)
    if limit is not None:
        query = query.limit(limit)
    with db.session(write=False) as s:
        rows = [_row(e, z, show_phones=show_phones) for e, z in s.execute(query)]
    if show_phones and rows:
        # The clerk switched the list to full numbers: record that personal data was shown.
        with db.session() as s:
            audit.record(s, db.actor, "privacy.reveal_phone", "enterprise", None,
                         f"企业名录显示完整电话号码（{len(rows)} 家）")
    return rows


def count_enterprises(db: Database, *, zone_id: int | None = None) -> int:
    """How many enterprises the directory holds (in one zone if given)."""
    query = select(func.count(Enterprise.id))
    if zone_id is not None:
        query = query.where(Enterprise.zone_id == zone_id)
    with db.session(write=False) as s:
        return s.scalar(query) or 0


def _contacts(session: Session, ent: Enterprise) -> tuple[ContactRow, ...]:
    people = session.scalars(
        select(Observer).where(Observer.enterprise_id == ent.id).order_by(Observer.id)
    ).all()
    rows = [
        ContactRow(o.id, o.name, o.title or "", o.phone or "", mask_phone(o.phone),
                   primary=o.name == ent.contact_name)
        for o in people
    ]
    rows.sort(key=lambda c: not c.primary)
    return tuple(rows)


def _load(session: Session, enterprise_id: int) -> Enterprise:
    ent = session.get(Enterprise, enterprise_id)
    if ent is None:
        raise NotFound(msg("找不到编号为 {enterprise_id} 的企业，可能已被删除", enterprise_id=enterprise_id))
    return ent


def _detail(session: Session, ent: Enterprise, *, show_phones: bool = False) -> EnterpriseDetail:
    zone = session.get(Zone, ent.zone_id) if ent.zone_id else None
    return EnterpriseDetail(_row(ent, zone.name if zone else None, show_phones=show_phones),
                            _contacts(session, ent), ent.created_at)


def get_enterprise(db: Database, enterprise_id: int, *, show_phones: bool = False) -> EnterpriseDetail:
    """One enterprise with its contacts.

    Raises:
        NotFound: no such enterprise.
    """
    with db.session(write=False) as s:
        return _detail(s, _load(s, enterprise_id), show_phones=show_phones)


def reveal_contact_phone(db: Database, enterprise_id: int) -> str:
    """The primary contact's full phone number, for the clerk who clicked “显示号码” (audited)."""
    with db.session() as s:
        ent = _load(s, enterprise_id)
        audit.record(s, db.actor, "privacy.reveal_phone", "enterprise", enterprise_id,
                     f"查看{ent.name}联系人的完整电话号码")
        return ent.contact_phone or ""


def find_duplicates(db: Database, name: str, credit_code: str = "", *,
                    exclude_id: int | None = None) -> list[EnterpriseRow]:
    """Enterprises already in the directory that are the same as ``name`` / ``credit_code``.

    The same credit code, or the same name once full-width forms, brackets, spaces and
    有限责任公司/有限公司 are set aside.
    """
    with db.session(write=False) as s:
        return [_row(e, z, show_phones=False)
                for e, z in _duplicates(s, name, credit_code, exclude_id)]


def _duplicates(session: Session, name: str, credit_code: str,
                exclude_id: int | None) -> list[tuple[Enterprise, str | None]]:
    key = enterprise_name_key(tidy_enterprise_name(name))
    code = validators.normalise(credit_code, remove=" -").upper()
    conditions = [Enterprise.normalised_name == key]
    if code:
        conditions.append(Enterprise.credit_code == code)
    found = {
        e.id: (e, z)
        for e, z in session.execute(
            select(Enterprise, Zone.name).outerjoin(Zone, Enterprise.zone_id == Zone.id)
            .where(or_(*conditions))
        )
    }
    if key:
        # Rows written by older code may carry a stale normalised_name: compare the names too.
        for e, z in session.execute(
            select(Enterprise, Zone.name).outerjoin(Zone, Enterprise.zone_id == Zone.id)
            .where(Enterprise.normalised_name != key)
        ):
            if enterprise_name_key(e.name) == key:
                found[e.id] = (e, z)
    return [found[i] for i in sorted(found) if i != exclude_id]


def duplicate_groups(db: Database) -> list[list[EnterpriseRow]]:
    """Groups of directory entries that look like one enterprise entered twice."""
    with db.session(write=False) as s:
        rows = s.execute(select(Enterprise, Zone.name).outerjoin(Zone, Enterprise.zone_id == Zone.id)
                         .order_by(Enterprise.id)).all()
        parent = {e.id: e.id for e, _ in rows}

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first_by: dict[str, int] = {}
        for e, _ in rows:
            for key in (f"name:{enterprise_name_key(e.name)}",
                        f"code:{e.credit_code}" if e.credit_code else ""):
                if not key:
                    continue
                if key in first_by:
                    parent[root(e.id)] = root(first_by[key])
                else:
                    first_by[key] = e.id
        groups: dict[int, list[EnterpriseRow]] = {}
        for e, z in rows:
            groups.setdefault(root(e.id), []).append(_row(e, z, show_phones=False))
        return [g for g in groups.values() if len(g) > 1]


# ---------------------------------------------------------------- writing


def sync_primary_contact(session: Session, ent: Enterprise) -> bool:
    """Make sure the enterprise's primary contact exists as a person of the directory.

    The Observer row with the same enterprise and name is created, or its title and phone
    brought in line with the enterprise's contact fields (a blank field does not erase).

    Returns:
        True when an Observer row was created or changed.
    """
    if not ent.contact_name:
        return False
    person = session.scalars(
        select(Observer).where(Observer.enterprise_id == ent.id, Observer.name == ent.contact_name)
        .order_by(Observer.id)
    ).first()
    if person is None:
        session.add(Observer(name=ent.contact_name, enterprise_id=ent.id,
                             title=ent.contact_title or None, phone=ent.contact_phone or None))
        return True
    changed = False
    if ent.contact_title and person.title != ent.contact_title:
        person.title = ent.contact_title
        changed = True
    if ent.contact_phone and person.phone != ent.contact_phone:
        person.phone = ent.contact_phone
        changed = True
    return changed


def _check_zone(session: Session, zone_id: int | None, errors: dict[str, str]) -> None:
    if zone_id is not None and session.get(Zone, zone_id) is None:
        errors["zone"] = msg("所选开发区已不存在，请重新选择")


def _refuse_duplicates(session: Session, data: EnterpriseInput, exclude_id: int | None) -> None:
    dups = _duplicates(session, data.name, data.credit_code, exclude_id)
    if not dups:
        return
    other = dups[0][0]
    if data.credit_code and other.credit_code == data.credit_code:
        raise ConflictError(msg("统一社会信用代码 {credit_code} 已登记为“{name}”，不能重复登记", credit_code=data.credit_code, name=other.name))
    raise ConflictError(msg("名录中已有同名企业“{name}”（编号 {id}），不能重复登记", name=other.name, id=other.id))


def _apply(ent: Enterprise, data: EnterpriseInput, confirmed: bool) -> None:
    if ent.credit_code != (data.credit_code or None):
        ent.credit_code_warning_accepted = confirmed
    elif confirmed:
        ent.credit_code_warning_accepted = True
    ent.name = data.name
    ent.normalised_name = enterprise_name_key(data.name)
    ent.credit_code = data.credit_code or None
    ent.zone_id = data.zone_id
    ent.address = data.address or None
    ent.contact_name = data.contact_name or None
    ent.contact_title = data.contact_title or None
    ent.contact_phone = data.contact_phone or None
    ent.size = data.size or None
    ent.notes = data.notes or None


def _needs_confirmation(data: EnterpriseInput, warnings: list[str], errors: dict[str, str]) -> None:
    if warnings and not data.credit_code_confirmed:
        errors["credit_code"] = msg("{warnings}。核对营业执照无误后，勾选“已核对”再保存", warnings=warnings[0])


def create_enterprise(db: Database, data: EnterpriseInput) -> EnterpriseDetail:
    """Add an enterprise to the directory (and its primary contact to the person directory).

    Raises:
        ValidationError: something typed is wrong, or a failing credit code is not confirmed.
        ConflictError: the same credit code or the same name is already in the directory.
    """
    data, errors, warnings = check_enterprise_input(data)
    _needs_confirmation(data, warnings, errors)
    ValidationError.raise_if(errors, msg("企业信息"))
    with db.session() as s:
        _check_zone(s, data.zone_id, errors)
        ValidationError.raise_if(errors, msg("企业信息"))
        _refuse_duplicates(s, data, None)
        ent = Enterprise(name=data.name, normalised_name="")
        _apply(ent, data, data.credit_code_confirmed)
        s.add(ent)
        s.flush()
        sync_primary_contact(s, ent)
        s.flush()
        detail = _detail(s, ent, show_phones=True)
        audit.record(s, db.actor, "enterprise.create", "enterprise", ent.id,
                     f"新增企业 {ent.name}", None, detail.row, version=ent.version)
        return replace(detail, row=_row(ent, detail.row.zone, show_phones=False))


def update_enterprise(db: Database, enterprise_id: int, data: EnterpriseInput, *,
                      expected_version: int | None = None) -> EnterpriseDetail:
    """Save changes to an enterprise.

    Args:
        expected_version: the ``version`` the editor loaded (see :func:`audit.check_version`).

    Raises:
        ValidationError: something typed is wrong (nothing saved).
        StaleEditError: somebody else saved the enterprise after the editor loaded it.
        ConflictError: the new name or credit code belongs to another enterprise.
        NotFound: the enterprise is gone.
    """
    data, errors, warnings = check_enterprise_input(data)
    with db.session() as s:
        ent = _load(s, enterprise_id)
        audit.check_version(s, current=ent.version, expected=expected_version, entity="enterprise",
                            entity_id=enterprise_id, what=f"企业“{ent.name}”")
        # A code that was already confirmed (or imported) needs no new confirmation.
        if warnings and data.credit_code == ent.credit_code and ent.credit_code_warning_accepted:
            warnings = []
        _needs_confirmation(data, warnings, errors)
        _check_zone(s, data.zone_id, errors)
        ValidationError.raise_if(errors, msg("企业信息"))
        _refuse_duplicates(s, data, enterprise_id)
        before = _detail(s, ent, show_phones=True).row
        _apply(ent, data, data.credit_code_confirmed)
        s.flush()
        sync_primary_contact(s, ent)
        s.flush()
        detail = _detail(s, ent, show_phones=True)
        audit.record(s, db.actor, "enterprise.update", "enterprise", ent.id,
                     f"修改企业 {ent.name}", before, detail.row, version=ent.version)
        return replace(detail, row=_row(ent, detail.row.zone, show_phones=False))


def confirm_credit_code(db: Database, enterprise_id: int) -> EnterpriseRow:
    """Record that a clerk compared a failing credit code with the business licence (已核对).

    Raises:
        ConflictError: the enterprise has no code, or its code passes the check anyway.
    """
    with db.session() as s:
        ent = _load(s, enterprise_id)
        if not credit_code_needs_confirmation(ent.credit_code):
            raise ConflictError(msg("“{name}”的统一社会信用代码无须核对", name=ent.name))
        zone = s.get(Zone, ent.zone_id) if ent.zone_id else None
        if ent.credit_code_warning_accepted:
            return _row(ent, zone.name if zone else None, show_phones=False)
        ent.credit_code_warning_accepted = True
        audit.record(s, db.actor, "enterprise.confirm_code", "enterprise", ent.id,
                     f"已核对 {ent.name} 的统一社会信用代码 {ent.credit_code}",
                     {"credit_code_warning_accepted": False}, {"credit_code_warning_accepted": True})
        return _row(ent, zone.name if zone else None, show_phones=False)


def add_contact(db: Database, enterprise_id: int, name: str, title: str = "", phone: str = "", *,
                primary: bool = False) -> ContactRow:
    """Add an HR contact to an enterprise; ``primary`` makes it the enterprise's main contact.

    Raises:
        ValidationError: bad name or phone.
        ConflictError: a contact with that name is already listed for the enterprise.
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
    title = " ".join(validators.normalise(title).split())
    if len(title) > TITLE_MAX:
        errors["title"] = msg("职务过长（最多 {TITLE_MAX} 字）", TITLE_MAX=TITLE_MAX)
    if errors:
        raise ValidationError(joined(errors.values()), errors)
    with db.session() as s:
        ent = _load(s, enterprise_id)
        exists = s.scalar(select(Observer.id).where(Observer.enterprise_id == ent.id,
                                                    Observer.name == checked.value))
        if exists is not None:
            raise ConflictError(msg("“{name}”已有联系人 {value}", name=ent.name, value=checked.value))
        person = Observer(name=checked.value, enterprise_id=ent.id, title=title or None,
                          phone=phone or None)
        s.add(person)
        if primary or not ent.contact_name:
            ent.contact_name, ent.contact_title, ent.contact_phone = person.name, person.title, person.phone
        s.flush()
        row = ContactRow(person.id, person.name, title, phone, mask_phone(phone),
                         primary=ent.contact_name == person.name)
        audit.record(s, db.actor, "enterprise.add_contact", "enterprise", ent.id,
                     f"{ent.name} 新增联系人 {person.name}", None, row)
        return row


def set_primary_contact(db: Database, enterprise_id: int, observer_id: int) -> EnterpriseRow:
    """Make one of the enterprise's people its primary contact.

    Raises:
        ConflictError: the person does not belong to that enterprise.
    """
    with db.session() as s:
        ent = _load(s, enterprise_id)
        person = s.get(Observer, observer_id)
        if person is None or person.enterprise_id != ent.id:
            raise ConflictError(msg("该人员不是“{name}”的联系人", name=ent.name))
        before = {"contact_name": ent.contact_name, "contact_title": ent.contact_title,
                  "contact_phone": ent.contact_phone}
        ent.contact_name, ent.contact_title, ent.contact_phone = person.name, person.title, person.phone
        audit.record(s, db.actor, "enterprise.primary_contact", "enterprise", ent.id,
                     f"{ent.name} 的主要联系人改为 {person.name}", before,
                     {"contact_name": ent.contact_name, "contact_title": ent.contact_title,
                      "contact_phone": ent.contact_phone})
        zone = s.get(Zone, ent.zone_id) if ent.zone_id else None
        return _row(ent, zone.name if zone else None, show_phones=False)

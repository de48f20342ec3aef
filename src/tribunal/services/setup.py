"""First-run set-up: the commission's identity, numbering, zones, tribunals and staff in one save."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from tribunal.db.engine import Database
from tribunal.db.models import CircuitTribunal, Setting, Staff, Zone
from tribunal.domain import validators
from tribunal.domain.case_numbers import CaseNumberPattern, CertificatePattern
from tribunal.domain.enums import StaffRole
from tribunal.errors import ValidationError
from tribunal.services import audit, numbering, settings
from tribunal.texts import msg, reason_of

#: The most a commission can say it has already numbered this year before using the program.
NEXT_NUMBER_MAX = 99_999


@dataclass(frozen=True)
class TribunalEntry:
    """One circuit tribunal and the development zone it sits in (zone may be shared)."""

    zone: str
    name: str = ""
    address: str = ""


@dataclass(frozen=True)
class CommissionSetup:
    """Everything the set-up wizard asks for, saved together by :func:`set_up_commission`.

    ``seal_text`` is the issuer name printed where the seal is stamped; the program never
    prints a seal image. ``certificate_prefix`` is the 代字 of training certificates: the
    numbers read ``{代字}〔2027〕第1号`` with the case numbers' brackets.
    """

    name: str
    seal_text: str
    case_prefix: str
    certificate_prefix: str
    address: str = ""
    phone: str = ""
    brackets: str = "〔〕"
    year: int = field(default_factory=lambda: dt.date.today().year)
    next_number: int = 1
    tribunals: tuple[TribunalEntry, ...] = ()
    arbitrators: tuple[str, ...] = ()
    clerks: tuple[str, ...] = ()


def needs_setup(db: Database) -> bool:
    """Whether the commission has not been set up yet (no commission name stored)."""
    with db.session(write=False) as s:
        name = s.scalar(select(Setting.value).where(Setting.key == "commission.name"))
    return not (isinstance(name, str) and name.strip())


def is_demo(values: dict[str, Any]) -> bool:
    """Whether the settings are those of a demonstration database."""
    return bool(values.get("demo.data"))


def certificate_pattern_for(prefix: str, brackets: str = "〔〕") -> str:
    """The certificate-number pattern for a 代字: ``邵劳人仲培字`` → ``邵劳人仲培字〔{年}〕第{号}号``."""
    prefix = prefix.strip()
    opening, closing = (brackets[0], brackets[1]) if len(brackets) == 2 else ("〔", "〕")
    return f"{prefix}{opening}{{年}}{closing}第{{号}}号"


def check_commission(name: str, seal_text: str, phone: str = "") -> dict[str, str]:
    """Problems with the commission page (field → message); empty when it may go on."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = msg("请填写仲裁机构名称，如“××市劳动人事争议仲裁院”")
    elif len(name.strip()) > 60:
        errors["name"] = msg("名称最多 60 个字")
    if not seal_text.strip():
        errors["seal_text"] = msg("请填写盖章处印出的机构名称，如“××市劳动人事争议仲裁委员会”")
    elif len(seal_text.strip()) > 60:
        errors["seal_text"] = msg("名称最多 60 个字")
    if phone.strip():
        checked = validators.check_phone(phone)
        if not checked.ok:
            errors["phone"] = checked.error or "电话号码不正确"
    return errors


def check_numbering(case_prefix: str, brackets: str, next_number: int, certificate_prefix: str) -> dict[str, str]:
    """Problems with the numbering page (field → message); empty when it may go on."""
    errors: dict[str, str] = {}
    try:
        CaseNumberPattern(prefix=case_prefix.strip(), brackets=brackets)
    except ValueError as exc:
        errors["case_prefix"] = reason_of(exc) if case_prefix.strip() else msg("请填写案号代字，如“湘劳人仲案字”")
    if not 1 <= next_number <= NEXT_NUMBER_MAX:
        errors["next_number"] = msg("下一个案号应在 1 到 {NEXT_NUMBER_MAX} 之间", NEXT_NUMBER_MAX=NEXT_NUMBER_MAX)
    if not certificate_prefix.strip():
        errors["certificate_prefix"] = msg("请填写培训证明编号的代字，如“湘劳人仲培字”")
    else:
        try:
            CertificatePattern(certificate_pattern_for(certificate_prefix, brackets))
        except ValueError as exc:
            errors["certificate_prefix"] = reason_of(exc)
    return errors


def check_tribunals(entries: tuple[TribunalEntry, ...]) -> dict[str, str]:
    """Problems with the zones and tribunals (one message naming the line)."""
    names: set[str] = set()
    for row, entry in enumerate(entries, start=1):
        zone, name = entry.zone.strip(), entry.name.strip()
        if not zone:
            return {"tribunals": f"第 {row} 行：请填写开发区（园区）名称"}
        if len(zone) > 100 or len(name) > 100:
            return {"tribunals": f"第 {row} 行：名称最多 100 个字"}
        if name and name in names:
            return {"tribunals": f"第 {row} 行：巡回仲裁庭“{name}”重复了"}
        names.add(name)
    return {}


def check_staff(arbitrators: tuple[str, ...], clerks: tuple[str, ...]) -> dict[str, str]:
    """Problems with the staff names (field → message naming the line)."""
    errors: dict[str, str] = {}
    for key, names in (("arbitrators", arbitrators), ("clerks", clerks)):
        for row, name in enumerate(names, start=1):
            checked = validators.check_person_name(name)
            if not checked.ok:
                errors[key] = msg("第 {row} 行“{name}”：{value}", row=row, name=name, value=checked.error or '姓名不正确')
                break
    return errors


def check(data: CommissionSetup) -> None:
    """Check the whole set-up.

    Raises:
        ValidationError: with one message per wrong field (nothing is saved).
    """
    errors = check_commission(data.name, data.seal_text, data.phone)
    errors |= check_numbering(data.case_prefix, data.brackets, data.next_number, data.certificate_prefix)
    errors |= check_tribunals(data.tribunals)
    errors |= check_staff(data.arbitrators, data.clerks)
    if not 2000 <= data.year <= 2100:
        errors["year"] = msg("年份不正确")
    if errors:
        raise ValidationError("；".join(errors.values()), errors)


def set_up_commission(db: Database, data: CommissionSetup) -> None:
    """Save the whole set-up in one transaction: settings, the year's next case number,
    zones, circuit tribunals and staff. Nothing is saved when anything is refused.

    Raises:
        ValidationError: a wrong field, the commission is set up already, or the year's
            numbering has already gone past the number asked for.
    """
    check(data)
    values = {
        "commission.name": data.name.strip(),
        "commission.seal_text": data.seal_text.strip(),
        "commission.address": data.address.strip(),
        "commission.phone": validators.check_phone(data.phone).value if data.phone.strip() else "",
        "case_number.prefix": data.case_prefix.strip(),
        "case_number.brackets": data.brackets,
        "certificate.number_pattern": certificate_pattern_for(data.certificate_prefix, data.brackets),
    }
    checked = {key: settings.coerce(key, value) for key, value in values.items()}
    if not needs_setup(db):
        raise ValidationError(msg("本数据库的仲裁机构已经设置过；请在“设置”页修改"), {"name": msg("已设置")})
    with db.session() as s:
        for key, value in checked.items():
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        numbering.set_next(s, data.case_prefix.strip(), data.year, data.next_number)
        zones: dict[str, Zone] = {z.name: z for z in s.scalars(select(Zone))}
        existing_tribunals = set(s.scalars(select(CircuitTribunal.name)))
        for entry in data.tribunals:
            zone_name = " ".join(validators.normalise(entry.zone).split())
            zone = zones.get(zone_name)
            if zone is None:
                zone = zones[zone_name] = Zone(name=zone_name)
                s.add(zone)
            tribunal_name = entry.name.strip()
            if tribunal_name and tribunal_name not in existing_tribunals:
                s.add(CircuitTribunal(name=tribunal_name, zone=zone, address=entry.address.strip() or None))
                existing_tribunals.add(tribunal_name)
        for role, names in ((StaffRole.ARBITRATOR, data.arbitrators), (StaffRole.CLERK, data.clerks)):
            for name in names:
                s.add(Staff(name=validators.check_person_name(name).value, role=role, full_time=True))
        s.flush()
        audit.record(s, db.actor, "setup.commission", "setting", None,
                     f"首次设置仲裁机构 {checked['commission.name']}", None,
                     {**checked, "next_case_number": data.next_number, "year": data.year,
                      "tribunals": len(data.tribunals), "staff": len(data.arbitrators) + len(data.clerks)})


"""Other participants of a case (其他诉讼参与人): witnesses, appraisers, interpreters and the like.

They are recorded per case so that the invitation checks can keep them out of the public
gallery (docs/legal-basis.md §5: 证人、鉴定人不得旁听). Each change is one unit of work with an
audit entry on the case, so the case's history shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import Case, CaseParticipant, Enterprise
from tribunal.domain import validators
from tribunal.domain.anonymise import mask_id_number, mask_phone
from tribunal.domain.enums import CaseStatus, ParticipantRole
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import audit
from tribunal.texts import msg

MAX_PARTICIPANTS = 200
"""More than this on one case is a typing accident, not a case."""


@dataclass(frozen=True)
class ParticipantRow:
    """A participant of a case as the case page shows it.

    ``id_number`` and ``phone`` are given in full (the case record, like the parties');
    lists shown to anyone else use the masked forms.
    """

    id: int
    case_id: int
    role: ParticipantRole
    name: str
    id_number: str
    id_number_masked: str
    phone: str
    phone_masked: str
    enterprise_id: int | None
    enterprise_name: str
    notes: str
    #: The version counter: pass it back as ``expected_version`` when saving.
    version: int = 1

    @property
    def role_label(self) -> str:
        """证人 / 鉴定人 / 翻译人员 / 其他参与人."""
        return self.role.label_zh


# ---------------------------------------------------------------- helpers


def _role(value: ParticipantRole | str) -> ParticipantRole | None:
    if isinstance(value, ParticipantRole):
        return value
    try:
        return ParticipantRole.from_label(str(value))
    except ValueError:
        return None


def _row(p: CaseParticipant, enterprise_name: str | None) -> ParticipantRow:
    role = _role(p.role) or ParticipantRole.OTHER
    return ParticipantRow(
        id=p.id, case_id=p.case_id, role=role, name=p.name, id_number=p.id_number or "",
        id_number_masked=mask_id_number(p.id_number), phone=p.phone or "", phone_masked=mask_phone(p.phone),
        enterprise_id=p.enterprise_id, enterprise_name=enterprise_name or "", notes=p.notes or "",
        version=p.version or 1,
    )


def _enterprise_name(s: Session, enterprise_id: int | None) -> str:
    if enterprise_id is None:
        return ""
    ent = s.get(Enterprise, enterprise_id)
    return ent.name if ent else ""


def _check(role: ParticipantRole | str, name: str, id_number: str, phone: str, notes: str,
           today: dt.date) -> tuple[dict[str, str], dict[str, object]]:
    """Check what was typed; returns the reasons per field and the clean values."""
    errors: dict[str, str] = {}
    clean_role = _role(role)
    if clean_role is None:
        choices = "、".join(r.label_zh for r in ParticipantRole)
        errors["role"] = msg("身份“{role}”无效；可选：{choices}", role=role, choices=choices)
    checked = validators.check_person_name(name)
    if not checked.ok:
        errors["name"] = checked.error or "姓名不正确"
    id_value = ""
    if id_number.strip():
        r = validators.check_id_number(id_number, today=today)
        if not r.ok:
            errors["id_number"] = msg("身份证号码：{error}", error=r.error)
        id_value = r.value
    phone_value = ""
    if phone.strip():
        p = validators.check_phone(phone)
        if not p.ok:
            errors["phone"] = msg("联系电话：{error}", error=p.error)
        phone_value = p.value
    notes = notes.strip()
    if len(notes) > 300:
        errors["notes"] = msg("备注过长（最多 300 字）")
    values: dict[str, object] = {
        "role": clean_role.value if clean_role else "", "name": checked.value,
        "id_number": id_value or None, "phone": phone_value or None, "notes": notes or None,
    }
    return errors, values


def _open_case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
    if case.status == CaseStatus.CLOSED:
        raise ConflictError(msg("案件 {number} 已结案，不能再修改诉讼参与人；如需更正请先撤销结案", number=case.number))
    return case


def _load(s: Session, participant_id: int) -> CaseParticipant:
    p = s.get(CaseParticipant, participant_id)
    if p is None:
        raise NotFound(msg("找不到编号为 {participant_id} 的诉讼参与人，可能已被删除", participant_id=participant_id))
    return p


def _require_enterprise(s: Session, enterprise_id: int | None) -> None:
    if enterprise_id is not None and s.get(Enterprise, enterprise_id) is None:
        raise NotFound(msg("找不到编号为 {enterprise_id} 的企业", enterprise_id=enterprise_id))


def _refuse_duplicate(s: Session, case: Case, values: dict[str, object], skip_id: int | None = None) -> None:
    """The same person in the same role twice on one case is a slip of the hand."""
    for other in s.scalars(select(CaseParticipant).where(CaseParticipant.case_id == case.id,
                                                         CaseParticipant.role == values["role"],
                                                         CaseParticipant.name == values["name"])):
        if other.id == skip_id:
            continue
        if (other.id_number or None) == values["id_number"] or not other.id_number or not values["id_number"]:
            label = (_role(str(values["role"])) or ParticipantRole.OTHER).label_zh
            raise ConflictError(msg("案件 {number} 已登记{label}{values}", number=case.number, label=label, values=values['name']))


def _label(row: ParticipantRow) -> str:
    return f"{row.role.label_zh}{row.name}"


# ---------------------------------------------------------------- reading


def list_participants(db: Database, case_id: int) -> list[ParticipantRow]:
    """Every participant of a case: witnesses first, then appraisers, interpreters, others.

    Raises:
        NotFound: no such case.
    """
    order = {r.value: i for i, r in enumerate(ParticipantRole)}
    with db.session(write=False) as s:
        if s.get(Case, case_id) is None:
            raise NotFound(msg("找不到编号为 {case_id} 的案件，可能已被删除", case_id=case_id))
        rows = s.execute(
            select(CaseParticipant, Enterprise.name)
            .outerjoin(Enterprise, Enterprise.id == CaseParticipant.enterprise_id)
            .where(CaseParticipant.case_id == case_id)
        ).all()
        return [_row(p, e) for p, e in sorted(rows, key=lambda r: (order.get(r[0].role, len(order)), r[0].id))]


def get_participant(db: Database, participant_id: int) -> ParticipantRow:
    """One participant.

    Raises:
        NotFound: no such participant.
    """
    with db.session(write=False) as s:
        p = _load(s, participant_id)
        return _row(p, _enterprise_name(s, p.enterprise_id))


# ---------------------------------------------------------------- writing


def add_participant(db: Database, case_id: int, role: ParticipantRole | str, name: str, *,
                    id_number: str = "", phone: str = "", enterprise_id: int | None = None,
                    notes: str = "", today: dt.date | None = None) -> ParticipantRow:
    """Record a witness, appraiser, interpreter or other participant of a case.

    Args:
        role: a :class:`ParticipantRole`, or its value or Chinese label (证人…).
        enterprise_id: where the person works, when known — the invitation check matches an
            observer by name and enterprise.

    Raises:
        ValidationError: unknown role, bad name, ID number, phone or over-long notes.
        ConflictError: the case is closed, or the same person is already recorded in that role.
        NotFound: the case or the enterprise is gone.
    """
    errors, values = _check(role, name, id_number, phone, notes, today or dt.date.today())
    ValidationError.raise_if(errors, msg("诉讼参与人信息"))
    with db.session() as s:
        case = _open_case(s, case_id)
        _require_enterprise(s, enterprise_id)
        count = s.scalar(select(func.count(CaseParticipant.id)).where(CaseParticipant.case_id == case_id)) or 0
        if count >= MAX_PARTICIPANTS:
            raise ValidationError(msg("诉讼参与人过多（每件案件最多 {MAX_PARTICIPANTS} 人）", MAX_PARTICIPANTS=MAX_PARTICIPANTS), {"case_id": msg("过多")})
        _refuse_duplicate(s, case, values)
        p = CaseParticipant(case_id=case_id, enterprise_id=enterprise_id, **values)
        s.add(p)
        s.flush()
        row = _row(p, _enterprise_name(s, enterprise_id))
        audit.record(s, db.actor, "participant.add", "case", case_id, f"{case.number} 登记{_label(row)}",
                     None, row)
        return row


def update_participant(db: Database, participant_id: int, role: ParticipantRole | str, name: str, *,
                       id_number: str = "", phone: str = "", enterprise_id: int | None = None,
                       notes: str = "", today: dt.date | None = None,
                       expected_version: int | None = None) -> ParticipantRow:
    """Save the editor's changes to a participant (every field as shown in the editor).

    Args:
        expected_version: the ``version`` the editor loaded (see :func:`audit.check_version`).

    Raises:
        ValidationError: as for :func:`add_participant`.
        StaleEditError: somebody else saved the participant after the editor loaded it.
        ConflictError: the case is closed, or the change makes a duplicate.
        NotFound: the participant or the enterprise is gone.
    """
    errors, values = _check(role, name, id_number, phone, notes, today or dt.date.today())
    ValidationError.raise_if(errors, msg("诉讼参与人信息"))
    with db.session() as s:
        p = _load(s, participant_id)
        case = _open_case(s, p.case_id)
        audit.check_version(s, current=p.version, expected=expected_version, entity="case",
                            entity_id=case.id, what=f"{case.number} 的{_label(_row(p, None))}",
                            action_prefix="participant.")
        _require_enterprise(s, enterprise_id)
        _refuse_duplicate(s, case, values, skip_id=p.id)
        before = _row(p, _enterprise_name(s, p.enterprise_id))
        for key, value in values.items():
            setattr(p, key, value)
        p.enterprise_id = enterprise_id
        s.flush()
        after = _row(p, _enterprise_name(s, enterprise_id))
        if after != before:
            audit.record(s, db.actor, "participant.update", "case", case.id,
                         f"{case.number} 修改{_label(after)}", before, after)
        return after


def remove_participant(db: Database, participant_id: int) -> None:
    """Take a participant off the case (entered by mistake, or no longer called).

    Raises:
        ConflictError: the case is closed.
        NotFound: the participant is gone.
    """
    with db.session() as s:
        p = _load(s, participant_id)
        case = _open_case(s, p.case_id)
        before = _row(p, _enterprise_name(s, p.enterprise_id))
        s.delete(p)
        audit.record(s, db.actor, "participant.remove", "case", case.id, f"{case.number} 删除{_label(before)}",
                     before, None)

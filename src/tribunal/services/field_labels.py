"""What the clerk calls each stored field (案由, 被申请人名称…): one table per kind of record.

The audit trail stores a change under the program's own field keys (``respondent_name``,
``parties.1.phone``); every screen that shows a change — the 审计日志 window, the notice that a
save was refused because somebody else saved first — names the field through
:func:`field_label` and shows the value through :func:`value_text`, in Chinese or English.
Personal numbers stay masked: the values come from the audit trail, where they are stored
masked (:mod:`tribunal.domain.audit_masking`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tribunal.domain.audit_masking import is_masked, masked_text
from tribunal.domain.enums import LabelledEnum

Label = tuple[str, str]  # (中文, English)

#: Fields that are bookkeeping, not something a clerk changed; left out of every list of changes.
INTERNAL_FIELDS = frozenset({"id", "version", "updated_at", "created_at", "seq", "year"})

_COMMON: dict[str, Label] = {
    "name": ("姓名/名称", "Name"),
    "title": ("职务/标题", "Title"),
    "notes": ("备注", "Notes"),
    "note": ("备注", "Note"),
    "address": ("地址", "Address"),
    "phone": ("电话", "Phone"),
    "phone_masked": ("电话", "Phone"),
    "id_number": ("身份证号码", "ID number"),
    "id_number_masked": ("身份证号码", "ID number"),
    "status": ("状态", "Status"),
    "reason": ("理由", "Reason"),
    "enterprise_id": ("所在单位", "Enterprise"),
    "enterprise_name": ("所在单位", "Enterprise"),
    "text": ("内容", "Text"),
    "value": ("设置值", "Value"),
}

_PARTY: dict[str, Label] = {
    "role": ("身份", "Role"),
    "kind": ("类别", "Kind"),
    "name": ("姓名/名称", "Name"),
    "id_number": ("身份证号码", "ID number"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "credit_code_confirmed": ("信用代码已核对", "Credit code checked"),
    "phone": ("联系电话", "Phone"),
    "address": ("送达地址", "Address for service"),
    "legal_representative": ("法定代表人", "Legal representative"),
    "legal_representative_title": ("法定代表人职务", "Representative's title"),
    "agents": ("委托代理人", "Agents"),
    "enterprise_id": ("企业名录中的企业", "Enterprise in the directory"),
}

_AGENT: dict[str, Label] = {
    "kind": ("代理人种类", "Kind of agent"),
    "name": ("代理人姓名", "Agent's name"),
    "organisation": ("律师事务所或单位", "Firm or unit"),
    "address": ("送达地址", "Address for service"),
    "phone": ("联系电话", "Phone"),
    "licence_number": ("执业证号", "Licence number"),
    "relation": ("与当事人的关系", "Relation to the party"),
    "legal_aid": ("法律援助", "Legal aid"),
    "authority": ("代理权限", "Authority"),
    "special_items": ("代理权限", "Authority"),
    "party_name": ("被代理的当事人", "Party represented"),
    "party_role": ("当事人身份", "Party's role"),
}

_CLAIM: dict[str, Label] = {
    "item": ("请求事项", "Claim"),
    "amount_fen": ("请求金额", "Amount claimed"),
    "awarded_fen": ("裁决/调解金额", "Amount awarded"),
}

_PANEL: dict[str, Label] = {
    "staff_id": ("人员", "Member"),
    "role": ("职责", "Role"),
    "name": ("姓名", "Name"),
}

#: Each kind of record (the audit trail's ``entity``) and its fields.
FIELD_LABELS: dict[str, dict[str, Label]] = {
    "case": {
        "number": ("案号", "Case number"),
        "case_type": ("案由", "Type of dispute"),
        "status": ("案件状态", "Status"),
        "procedure": ("处理程序", "Procedure"),
        "received_date": ("收件日期", "Date received"),
        "accepted_date": ("受理日期", "Date accepted"),
        "summary": ("案情摘要", "Summary of the case"),
        "outcome": ("结案方式", "Outcome"),
        "outcome_note": ("结案说明", "Note on closing"),
        "closed_date": ("结案日期", "Date closed"),
        "result": ("处理结果", "Result"),
        "result_amount_fen": ("结案金额", "Amount on closing"),
        "mediated_on_site": ("当庭调解", "Mediated at the hearing"),
        "collective": ("集体争议", "Collective dispute"),
        "worker_count": ("涉及劳动者人数", "Number of workers"),
        "extension_approved": ("已批准延长审限", "Extension approved"),
        "clerk_id": ("书记员", "Clerk"),
        "tribunal_id": ("巡回仲裁庭", "Circuit tribunal"),
        "parties": ("当事人", "Parties"),
        "claims": ("仲裁请求", "Claims"),
        "arbitrators": ("仲裁庭组成", "Arbitral tribunal"),
        # A participant (witness, interpreter…) is audited under its case.
        "role": ("身份", "Role"),
        "name": ("姓名", "Name"),
        "id_number_masked": ("身份证号码", "ID number"),
        "phone_masked": ("联系电话", "Phone"),
        "enterprise_name": ("所在单位", "Enterprise"),
        # An agent is audited under its case too, as {"agent": {...}, "party_name": …}.
        "agent": ("委托代理人", "Agent"),
        "party_name": ("被代理的当事人", "Party represented"),
        "party_role": ("当事人身份", "Party's role"),
        "party_id": ("被代理的当事人", "Party represented"),
        "case_number": ("案号", "Case number"),
        "case_id": ("案件", "Case"),
        "award": ("裁决书", "Award"),
        "items": ("裁决事项", "Items decided"),
        "documents": ("文书份数", "Documents"),
        "served_on": ("送达日期", "Date served"),
        "party": ("受送达人", "Party served"),
        "event": ("期限变动", "Time-limit event"),
        "effect": ("对期限的影响", "Effect on the time limit"),
        "withdrawn_by": ("撤销人", "Withdrawn by"),
    },
    "enterprise": {
        "name": ("企业名称", "Enterprise name"),
        "credit_code": ("统一社会信用代码", "Unified social credit code"),
        "credit_code_unconfirmed": ("信用代码待核对", "Credit code to be checked"),
        "credit_code_warning_accepted": ("信用代码已核对", "Credit code checked"),
        "zone_id": ("所属开发区", "Development zone"),
        "zone": ("所属开发区", "Development zone"),
        "address": ("地址", "Address"),
        "contact_name": ("联系人", "Contact person"),
        "contact_title": ("联系人职务", "Contact's title"),
        "contact_phone": ("联系电话", "Contact phone"),
        "size": ("企业规模", "Size"),
        "notes": ("备注", "Notes"),
    },
    "hearing": {
        "hearing": ("开庭安排", "Hearing"),
        "case_number": ("案号", "Case number"),
        "case_id": ("案件", "Case"),
        "case_type": ("案由", "Type of dispute"),
        "starts_at": ("开庭时间", "Starts"),
        "ends_at": ("结束时间", "Ends"),
        "room_id": ("审判庭", "Hearing room"),
        "room_name": ("审判庭", "Hearing room"),
        "capacity": ("旁听座位", "Seats for observers"),
        "host_enterprise_id": ("开庭所在企业", "Host enterprise"),
        "host_enterprise_name": ("开庭所在企业", "Host enterprise"),
        "venue": ("开庭地点", "Venue"),
        "address": ("地址", "Address"),
        "public": ("公开审理", "Public hearing"),
        "closed_reason": ("不公开审理的理由", "Reason for a closed hearing"),
        "status": ("开庭状态", "Status"),
        "status_reason": ("状态说明", "Reason for the status"),
        "override_reason": ("冲突仍排期的理由", "Reason for booking despite a clash"),
        "overridden": ("被忽略的冲突", "Clashes overridden"),
        "panel": ("仲裁庭组成", "Arbitral tribunal"),
        "clerk_id": ("书记员", "Clerk"),
        "clerk_name": ("书记员", "Clerk"),
        "tribunal_id": ("巡回仲裁庭", "Circuit tribunal"),
        "tribunal_name": ("巡回仲裁庭", "Circuit tribunal"),
        "service_records": ("送达记录", "Service records"),
        "invitations": ("旁听邀请", "Observer invitations"),
        "postponed_from_id": ("延期前的开庭", "Postponed from"),
        "postponed_to_id": ("延期后的开庭", "Postponed to"),
        "postponed_from": ("延期前的开庭", "Postponed from"),
        "numbers": ("培训证明编号", "Certificate numbers"),
        "paths": ("文件", "Files"),
        "text": ("培训讲义案例", "Teaching case"),
    },
    "observer": {
        "name": ("姓名", "Name"),
        "enterprise_id": ("所在单位", "Enterprise"),
        "enterprise_name": ("所在单位", "Enterprise"),
        "title": ("职务", "Title"),
        "phone": ("联系电话", "Phone"),
        "phone_masked": ("联系电话", "Phone"),
        "id_number_masked": ("身份证号码", "ID number"),
        "id_number": ("身份证号码", "ID number"),
        "notes": ("备注", "Notes"),
        "id_verified": ("身份证件已核验", "ID checked"),
    },
    "invitation": {
        "status": ("邀请状态", "Status"),
        "checked_in_at": ("签到时间", "Checked in at"),
        "replied_at": ("答复时间", "Replied at"),
        "walk_in": ("现场登记", "Walk-in"),
    },
    "training_session": {
        "hearing_id": ("关联的开庭", "Hearing"),
        "hearing_public": ("公开审理", "Public hearing"),
        "title": ("培训主题", "Title"),
        "speaker": ("主讲人", "Speaker"),
        "starts_at": ("培训时间", "Starts"),
        "ends_at": ("结束时间", "Ends"),
        "venue": ("培训地点", "Venue"),
        "notes": ("备注", "Notes"),
        "topics": ("讲解要点", "Topics"),
        "attendance": ("参训人员", "Attendance"),
    },
    "training_topic": {
        "code": ("编号", "Code"),
        "title": ("标题", "Title"),
        "body": ("正文", "Text"),
        "legal_basis": ("法律依据", "Legal basis"),
        "active": ("在用", "In use"),
        "tags": ("标签", "Tags"),
        "formal_title": ("正式标题", "Formal title"),
    },
    "zone": {
        "name": ("开发区名称", "Zone name"),
        "address": ("地址", "Address"),
    },
}

#: Items of a list field, by the list's key: labels of the fields of one item.
_ITEMS: dict[str, tuple[Label, dict[str, Label]]] = {
    "parties": (("当事人", "Party"), _PARTY),
    "claims": (("第{n}项请求", "Claim {n}"), _CLAIM),
    "arbitrators": (("仲裁员", "Arbitrator"), _PANEL),
    "panel": (("仲裁员", "Arbitrator"), _PANEL),
    "agents": (("代理人", "Agent"), _AGENT),
}

_NESTED: dict[str, dict[str, Label]] = {"agent": _AGENT}


def _pick(label: Label, english: bool) -> str:
    return label[1] if english else label[0]


def field_label(entity: str, key: str, language: str = "zh", *, record: Any = None) -> str:
    """The clerk's name for a field of a record, e.g. ``("case", "parties.1.phone")`` → 被申请人 联系电话.

    Args:
        entity: the kind of record, as the audit trail names it (case, enterprise, hearing…).
        key: the field's key as the audit trail stores it; a dotted path for a field inside a
            list item (``parties.1.phone``) or a nested record (``agent.name``).
        language: "zh" or "en".
        record: the stored value the key points into (the entry's after, else before value);
            with it a party is named by its role (申请人, 被申请人2) rather than its place.

    Returns:
        The label; a key the table does not know comes back as it is (never an empty label).
    """
    if record is not None:
        named = _party_label(key, record, language.startswith("en"))
        if named:
            return named
    english = language.startswith("en")
    if not key:
        return "—"
    if entity == "setting":
        from tribunal.services.settings import BY_KEY  # settings → audit → here: import when asked

        if key in BY_KEY:
            return BY_KEY[key].label_en if english else BY_KEY[key].label_zh
    table = FIELD_LABELS.get(entity, {})
    parts = key.split(".")
    # The hearing's update stores {"hearing": {...}}: the inner field is what the clerk changed.
    if entity == "hearing" and parts[0] == "hearing" and len(parts) > 1:
        parts = parts[1:]
    head, rest = parts[0], parts[1:]
    if head in _ITEMS and rest:
        (item_label, item_fields) = _ITEMS[head]
        words = []
        if rest[0].isdigit():
            n = int(rest[0]) + 1
            name = _pick(item_label, english)
            words.append(name.format(n=n) if "{n}" in name else (f"{name} {n}" if english else f"{name}{n}"))
            rest = rest[1:]
        if rest:
            words.append(_nested_label(rest, item_fields, english))
        return " ".join(words)
    if head in _NESTED and rest:
        return _nested_label(rest, _NESTED[head], english)
    label = table.get(head) or _COMMON.get(head)
    text = _pick(label, english) if label else head
    if rest:
        text += " " + ".".join(rest)
    return text


def _party_label(key: str, record: Any, english: bool) -> str:
    # "parties.1.phone" of a case whose second party is the respondent → 被申请人 联系电话.
    parts = key.split(".")
    if len(parts) < 3 or parts[0] != "parties" or not parts[1].isdigit() or not isinstance(record, dict):
        return ""
    parties = record.get("parties")
    index = int(parts[1])
    if not isinstance(parties, list) or index >= len(parties) or not isinstance(parties[index], dict):
        return ""
    from tribunal.domain.enums import PartyRole

    role_value = parties[index].get("role")
    try:
        role = PartyRole(role_value)
    except ValueError:
        return ""
    same = [i for i, p in enumerate(parties) if isinstance(p, dict) and p.get("role") == role_value]
    name = role.label("en" if english else "zh")
    if len(same) > 1:
        name += f" {same.index(index) + 1}" if english else str(same.index(index) + 1)
    if parts[2:] == ["name"]:
        # A worker has a 姓名, an enterprise a 名称.
        organisation = parties[index].get("kind") == "organisation"
        return f"{name} " + (("Name" if english else "名称") if organisation else ("Name" if english else "姓名"))
    return f"{name} {_nested_label(parts[2:], _PARTY, english)}"


def _nested_label(parts: list[str], fields: dict[str, Label], english: bool) -> str:
    head, rest = parts[0], parts[1:]
    if head in _ITEMS and rest:
        return field_label("", ".".join(parts), "en" if english else "zh")
    label = fields.get(head) or _COMMON.get(head)
    text = _pick(label, english) if label else head
    return text + (" " + ".".join(rest) if rest else "")


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Amounts are stored in fen; shown in yuan.
_FEN_SUFFIX = "_fen"
#: Items of a list shown before "…" in one cell.
_ITEMS_SHOWN = 6


def value_text(value: Any, language: str = "zh", *, key: str = "") -> str:
    """A stored before/after value as the clerk reads it (masked numbers stay masked).

    Args:
        value: the value from the audit trail (JSON-like: text, number, bool, list, dict, masked number).
        language: "zh" or "en".
        key: the field's key, so that an amount in fen is shown in yuan.
    """
    english = language.startswith("en")
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)" if english else "（空）"
    if is_masked(value):
        changed = value.get("changed")
        return masked_text(value) + ((" (number changed)" if english else "（号码已更改）") if changed else "")
    if isinstance(value, bool):
        return ("yes" if value else "no") if english else ("是" if value else "否")
    if isinstance(value, int) and key.endswith(_FEN_SUFFIX):
        return f"{value / 100:,.2f} " + ("yuan" if english else "元")
    if isinstance(value, str):
        if _ISO_DATETIME.match(value):
            return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
        if _ISO_DATE.match(value):
            return value
        return _enum_label(value, english)
    if isinstance(value, list | tuple):
        shown = [value_text(v, language) for v in value[:_ITEMS_SHOWN]]
        more = len(value) - len(shown)
        tail = ([f"… ({more} more)" if english else f"……（另 {more} 项）"] if more > 0 else [])
        return "; ".join(shown + tail) if english else "；".join(shown + tail)
    if isinstance(value, dict):
        # One item of a list (a party, a claim): its name says which, the rest is in the detail.
        for name_key in ("name", "item", "title"):
            if value.get(name_key):
                return str(value[name_key])
        pairs = [f"{k}: {value_text(v, language, key=k)}" if english else f"{k}：{value_text(v, language, key=k)}"
                 for k, v in value.items() if k not in INTERNAL_FIELDS]
        return ", ".join(pairs) if english else "，".join(pairs)
    return str(value)


_ENUM_VALUE = re.compile(r"^[a-z][a-z0-9_]*$")


def _enum_label(text: str, english: bool) -> str:
    # A stored enum value ("overtime", "scheduled") is shown as the clerk's word for it.
    if not _ENUM_VALUE.match(text):
        return text
    for enum_type in _enum_types():
        for member in enum_type:
            if member.value == text:
                return member.label("en" if english else "zh")
    return text


def _enum_types() -> list[type[LabelledEnum]]:
    from tribunal.domain import enums

    found = []
    for name in dir(enums):
        obj = getattr(enums, name)
        if isinstance(obj, type) and issubclass(obj, LabelledEnum) and obj is not LabelledEnum:
            found.append(obj)
    return found


def field_changes(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """The fields that differ between an audit entry's before and after values, item by item.

    Unlike the audit history's diff, a list of records of the same length (the parties, the
    claims) is compared item by item, so that a changed phone reads ``parties.1.phone`` —
    one field the clerk can find in the form — rather than the whole list. Bookkeeping fields
    (:data:`INTERNAL_FIELDS`) are left out.
    """
    if (isinstance(before, dict) and isinstance(after, dict) and isinstance(after.get("hearing"), dict)
            and "hearing" not in before and "case_id" in before):
        # A hearing's update keeps the hearing before, and {"hearing": after, the reason…} after.
        before = {"hearing": before, "override_reason": before.get("override_reason")}
    return _differences(before, after, "")


def _differences(before: Any, after: Any, prefix: str) -> list[tuple[str, Any, Any]]:
    if isinstance(before, dict) and isinstance(after, dict) and not (is_masked(before) or is_masked(after)):
        out: list[tuple[str, Any, Any]] = []
        for key in [*before, *(k for k in after if k not in before)]:
            if key in INTERNAL_FIELDS:
                continue
            out += _differences(before.get(key), after.get(key), f"{prefix}{key}.")
        return out
    if (isinstance(before, list) and isinstance(after, list) and len(before) == len(after)
            and all(isinstance(v, dict) for v in [*before, *after])):
        out = []
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            out += _differences(b, a, f"{prefix}{i}.")
        return out
    if is_masked(before) and is_masked(after):
        same = before.get("fp") == after.get("fp")
    else:
        same = before == after
    return [] if same else [(prefix.rstrip("."), before, after)]

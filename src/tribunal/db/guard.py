"""The last check before anything is written: no NUL or control characters in any text column.

The services check what a clerk types field by field; this guard sits under all of them, at
every flush of a writing session, so that no path — a form, an import, a setting, a
migration of old data — stores a NUL byte (which PostgreSQL refuses, making a database
impossible to move to a server) or a control character that would garble a terminal or a
printed page. Direction overrides are removed. Line breaks are allowed only in ``Text``
columns (notes, summaries, topic bodies) and the few ``String`` columns that the forms fill
from a multi-line box (:data:`MULTILINE_KEYS`); every other column holds one line.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Text, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from tribunal.domain.inputs import BIDI_CONTROLS, text_problem
from tribunal.errors import ValidationError

#: Column names as a clerk calls them, for the refusal message.
FIELD_LABELS = {
    "name": "名称或姓名", "title": "标题或职务", "notes": "备注", "note": "备注", "summary": "案情摘要",
    "address": "地址", "item": "仲裁请求", "reason": "原因", "contact_name": "联系人",
    "contact_title": "联系人职务", "outcome_note": "结案说明", "body": "正文", "legal_basis": "法律依据",
    "speaker": "主讲人", "venue": "地点", "value": "设置值", "directions": "路线说明",
    "legal_representative": "法定代表人", "agent_name": "代理人", "employer": "工作单位",
    "status_reason": "原因", "override_reason": "说明", "closed_reason": "不公开审理的理由",
    "enterprise_name": "单位名称", "signed_by": "签收人", "document": "文书名称", "source": "来源",
}
#: Short columns that forms fill from a multi-line box (a participant's notes, a reason).
MULTILINE_KEYS = frozenset({"notes", "note", "reason", "status_reason", "legal_basis", "summary"})
_BIDI_TABLE = dict.fromkeys(map(ord, BIDI_CONTROLS))


def install(factory: sessionmaker[Session]) -> None:
    """Check every new or changed row of sessions made by ``factory`` before it is flushed."""
    event.listen(factory, "before_flush", _before_flush)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        _check_row(obj)


def _check_row(obj: Any) -> None:
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        value = getattr(obj, attr.key, None)
        if isinstance(value, str):
            multiline = isinstance(column.type, Text) or attr.key in MULTILINE_KEYS
            cleaned = _clean(value, multiline=multiline, key=attr.key,
                             table=mapper.local_table.name)
            if cleaned is not value:
                setattr(obj, attr.key, cleaned)
        elif isinstance(column.type, JSON) and value is not None:
            cleaned = _clean_json(value, key=attr.key, table=mapper.local_table.name)
            if cleaned is not value:
                setattr(obj, attr.key, cleaned)


def _clean(value: str, *, multiline: bool, key: str, table: str) -> str:
    problem = text_problem(value, multiline=multiline)
    if problem:
        label = FIELD_LABELS.get(key, key)
        raise ValidationError(f"“{label}”{problem}，未保存", {key: problem})
    if any(ch in BIDI_CONTROLS for ch in value):
        return value.translate(_BIDI_TABLE)
    return value


def _clean_json(value: Any, *, key: str, table: str) -> Any:
    """The JSON value with every string checked; a new object only where something was removed."""
    if isinstance(value, str):
        return _clean(value, multiline=True, key=key, table=table)
    if isinstance(value, dict):
        items = {_clean(str(k), multiline=False, key=key, table=table): _clean_json(v, key=key, table=table)
                 for k, v in value.items()}
        changed = any(k not in value or items[k] is not value[k] for k in items)
        return items if changed else value
    if isinstance(value, list):
        cleaned = [_clean_json(v, key=key, table=table) for v in value]
        return cleaned if any(a is not b for a, b in zip(cleaned, value, strict=True)) else value
    return value


def _refuse_audit_change(_mapper: Any, _connection: Any, _target: Any) -> None:
    raise ValidationError("审计记录一经写入不能修改或删除", {"audit": "只能追加"})


def protect_audit_trail(audit_entry_class: type) -> None:
    """Refuse any ORM update or delete of an audit entry (the database refuses them too)."""
    event.listen(audit_entry_class, "before_update", _refuse_audit_change)
    event.listen(audit_entry_class, "before_delete", _refuse_audit_change)

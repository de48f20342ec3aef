"""The settings registry: every setting declared once (key, type, default, label), stored in the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import Setting
from tribunal.domain.case_numbers import CaseNumberPattern
from tribunal.errors import ValidationError
from tribunal.services import audit


def _non_empty(value: str) -> str | None:
    return None if value.strip() else "不能为空"


def _prefix(value: str) -> str | None:
    try:
        CaseNumberPattern(prefix=value)
    except ValueError as exc:
        return str(exc)
    return None


def _brackets(value: str) -> str | None:
    try:
        CaseNumberPattern(prefix="劳人仲案字", brackets=value)
    except ValueError as exc:
        return str(exc)
    return None


def _language(value: str) -> str | None:
    return None if value in ("zh_CN", "en") else "只能是 zh_CN（中文）或 en（English）"


def _minutes(value: int) -> str | None:
    return None if 0 <= value <= 480 else "应在 0 到 480 分钟之间"


@dataclass(frozen=True)
class SettingDef:
    """One declared setting: its key, Python type, default, labels and check."""

    key: str
    type: type
    default: Any
    label_zh: str
    label_en: str
    check: Callable[[Any], str | None] | None = None


REGISTRY: tuple[SettingDef, ...] = (
    SettingDef("commission.name", str, "邵阳市劳动人事争议仲裁院", "仲裁机构名称", "Commission name", _non_empty),
    SettingDef("commission.address", str, "", "仲裁机构地址", "Commission address"),
    SettingDef("commission.phone", str, "", "联系电话", "Commission phone"),
    SettingDef("commission.seal_text", str, "邵阳市劳动人事争议仲裁委员会", "印章文字", "Seal text"),
    SettingDef("case_number.prefix", str, "邵劳人仲案字", "案号代字", "Case-number prefix", _prefix),
    SettingDef("case_number.brackets", str, "〔〕", "案号年份括号", "Year brackets", _brackets),
    SettingDef("case_number.use_di", bool, True, "案号含“第”字", "Case number uses 第"),
    SettingDef("ui.language", str, "zh_CN", "界面语言", "Language", _language),
    SettingDef("clerk.name", str, "", "本机书记员姓名", "Clerk's name"),
    SettingDef("hearing.travel_minutes", int, 60, "不同地点之间的最少路途时间（分钟）",
               "Travel time between venues (minutes)", _minutes),
    SettingDef("privacy.store_observer_id", bool, False, "保存旁听人员身份证号（仅当东道企业安保要求时）",
               "Store observers' ID numbers"),
)
BY_KEY = {d.key: d for d in REGISTRY}


def _definition(key: str) -> SettingDef:
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValidationError(f"没有这个设置项：{key}", {key: "未知的设置项"}) from None


def coerce(key: str, value: Any) -> Any:
    """Check and convert a value for ``key`` (text from the command line is accepted).

    Raises:
        ValidationError: wrong type or refused by the setting's check.
    """
    d = _definition(key)
    try:
        if d.type is bool and isinstance(value, str):
            lowered = value.strip().lower()
            if lowered not in ("1", "0", "true", "false", "yes", "no", "是", "否"):
                raise ValueError(value)
            value = lowered in ("1", "true", "yes", "是")
        elif d.type is int and not isinstance(value, bool):
            value = int(str(value).strip())
        elif d.type is str:
            value = str(value).strip()
        if not isinstance(value, d.type):
            raise ValueError(value)
    except ValueError:
        raise ValidationError(f"{d.label_zh}的值不正确：{value}", {key: "格式不正确"}) from None
    problem = d.check(value) if d.check else None
    if problem:
        raise ValidationError(f"{d.label_zh}：{problem}", {key: problem})
    return value


def read_all(session: Session) -> dict[str, Any]:
    """Every setting's value inside an open session (defaults for what was never set)."""
    values = {d.key: d.default for d in REGISTRY}
    for row in session.scalars(select(Setting)):
        if row.key in BY_KEY:
            values[row.key] = row.value
    return values


def get_all(db: Database) -> dict[str, Any]:
    """Every setting's value."""
    with db.session(write=False) as s:
        return read_all(s)


def get(db: Database, key: str) -> Any:
    """One setting's value."""
    _definition(key)
    return get_all(db)[key]


def set_value(db: Database, key: str, value: Any) -> Any:
    """Store one setting after checking it; returns the stored value.

    Raises:
        ValidationError: unknown key or a value the setting refuses (nothing is stored).
    """
    value = coerce(key, value)
    with db.session() as s:
        row = s.get(Setting, key)
        before = row.value if row else BY_KEY[key].default
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
        audit.record(s, db.actor, "setting.change", "setting", None, f"{key}: {before} → {value}",
                     {key: before}, {key: value})
    return value


def case_number_pattern(values: dict[str, Any]) -> CaseNumberPattern:
    """The commission's case-number pattern from the settings' values."""
    return CaseNumberPattern(
        prefix=values["case_number.prefix"],
        brackets=values["case_number.brackets"],
        use_di=values["case_number.use_di"],
    )

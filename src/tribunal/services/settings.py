"""The settings registry: every setting declared once (key, type, default, label, scope).

Two scopes: the commission's settings are stored in the database and shared by every
workstation; this workstation's settings (interface language, clerk, font files, folders)
are stored in a file of this computer (:mod:`tribunal.services.workstation`), so that on a
shared server one clerk's choice never changes another's screen.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, Setting
from tribunal.domain.case_numbers import CaseNumberPattern, CertificatePattern
from tribunal.domain.inputs import shown
from tribunal.errors import StaleEditError, ValidationError
from tribunal.services import audit, workstation
from tribunal.texts import msg, reason_of

#: Stored in the database, shared by everyone who uses it.
COMMISSION = "commission"
#: Stored in this computer's settings file.
WORKSTATION = "workstation"


def _non_empty(value: str) -> str | None:
    return None if value.strip() else "不能为空"


def _prefix(value: str) -> str | None:
    try:
        CaseNumberPattern(prefix=value)
    except ValueError as exc:
        return reason_of(exc)
    return None


def _brackets(value: str) -> str | None:
    try:
        CaseNumberPattern(prefix="劳人仲案字", brackets=value)
    except ValueError as exc:
        return reason_of(exc)
    return None


def _short_name(value: str) -> str | None:
    return None if len(value) <= 20 else "最多 20 个字"


def _certificate_pattern(value: str) -> str | None:
    try:
        CertificatePattern(value)
    except ValueError as exc:
        return reason_of(exc)
    return None


def notice_number_patterns(value: str) -> dict[str, str]:
    """``受理通知书=邵劳人仲受字〔{年}〕第{号}号；respond=…`` → kind key → pattern.

    Raises:
        ValueError: an unknown kind, an entry without "=", or a pattern with other braces.
    """
    from tribunal.domain import notices

    out: dict[str, str] = {}
    for entry in value.replace(";", "；").replace("\n", "；").split("；"):
        if not entry.strip():
            continue
        name, sep, pattern = entry.partition("=")
        if not sep:
            raise ValueError(msg("“{strip}”应写成“通知种类=文号格式”", strip=entry.strip()))
        kind = notices.kind(name.strip())
        pattern = pattern.strip()
        rest = pattern.replace("{年}", "").replace("{号}", "")
        if not pattern or "{" in rest or "}" in rest or len(pattern) > 40:
            raise ValueError(msg("{title}的文号格式应为不超过 40 字的文字，只能用“{{年}}”和“{{号}}”两处占位符", title=kind.title))
        out[kind.key] = pattern
    return out


def _notice_numbers(value: str) -> str | None:
    try:
        notice_number_patterns(value)
    except ValueError as exc:
        return reason_of(exc)
    return None


def _one_of(*allowed: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if value in allowed else "只能是 " + "、".join(allowed) + " 之一"
    return check


def _minutes(value: int) -> str | None:
    return None if 0 <= value <= 480 else "应在 0 到 480 分钟之间"


def _due_soon_days(value: int) -> str | None:
    return None if 0 <= value <= 30 else "应在 0 到 30 天之间"


def _font_file(value: str) -> str | None:
    if not value.strip() or value.strip().lower().endswith((".ttf", ".ttc")):
        return None
    return "请选择 TrueType 字体文件（.ttf 或 .ttc）；.otf 字体无法嵌入文书"


def _keep_count(value: int) -> str | None:
    return None if 1 <= value <= 365 else "应在 1 到 365 份之间"


def _folder(value: str) -> str | None:
    if not value.strip():
        return None
    path = Path(value.strip()).expanduser()
    if path.exists() and not path.is_dir():
        return "这是一个文件，请选择文件夹"
    return None


def _column_mappings(value: dict) -> str | None:
    # {mapping name: {column heading: field key}}; field "" means the column is not imported.
    for name, columns in value.items():
        if not isinstance(name, str) or not isinstance(columns, dict):
            return "应为“方案名称 → {列标题: 字段}”的形式"
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in columns.items()):
            return f"方案“{name}”中的列标题和字段都应是文字"
    return None


@dataclass(frozen=True)
class Choice:
    """One value of a setting chosen from a list, with what the clerk sees for it."""

    value: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class SettingDef:
    """One declared setting: its key, Python type, default, labels, check and where it is kept.

    ``hidden`` marks what the program keeps for itself (remembered import mappings, one-off
    upgrade markers): stored and read like any other, but not offered on the settings page.
    ``choices`` makes the setting a pick from a list; ``path`` ("file" or "folder") gives
    its field a 浏览… button.
    """

    key: str
    type: type
    default: Any
    label_zh: str
    label_en: str
    check: Callable[[Any], str | None] | None = None
    hidden: bool = False
    scope: str = COMMISSION
    choices: tuple[Choice, ...] = ()
    path: str = ""


LANGUAGES = (Choice("zh_CN", "中文（简体）", "中文（简体）"), Choice("en", "English", "English"))
DATE_STYLES = (Choice("chinese", "汉字：二〇二六年十二月七日", "Chinese numerals: 二〇二六年十二月七日"),
               Choice("arabic", "阿拉伯数字：2026年12月7日", "Arabic numerals: 2026年12月7日"))


REGISTRY: tuple[SettingDef, ...] = (
    SettingDef("commission.name", str, "", "仲裁机构名称", "Commission name", _non_empty),
    SettingDef("commission.address", str, "", "仲裁机构地址", "Commission address"),
    SettingDef("commission.phone", str, "", "联系电话", "Commission phone"),
    SettingDef("commission.area", str, "", "仲裁机构所在地区（工资参数按此地区查找）",
               "Area where the commission sits (for wage parameters)"),
    SettingDef("commission.seal_text", str, "", "落款机构名称（印在盖章处；程序不印印章图案）",
               "Issuer name printed where the seal is stamped (no seal image is printed)"),
    SettingDef("commission.signatory", str, "", "文书签发人（印在送达回证“签发人”栏；留空则手写）",
               "Signatory printed on proofs of service (empty: written by hand)", _short_name),
    SettingDef("case_number.prefix", str, "", "案号代字", "Case-number prefix", _prefix),
    SettingDef("case_number.brackets", str, "〔〕", "案号年份括号", "Year brackets", _brackets),
    SettingDef("award.split_mixed", bool, True,
               "部分终局的裁决分别制作终局裁决书和非终局裁决书（本委对办案规则第五十条的理解）",
               "Write a partly final award as two awards"),
    SettingDef("case_number.use_di", bool, True, "案号含“第”字", "Case number uses 第"),
    SettingDef("ui.language", str, "zh_CN", "界面语言", "Language", _one_of("zh_CN", "en"),
               scope=WORKSTATION, choices=LANGUAGES),
    SettingDef("clerk.name", str, "", "本机书记员姓名", "Clerk at this computer", scope=WORKSTATION),
    SettingDef("hearing.travel_minutes", int, 60, "不同地点之间的最少路途时间（分钟）",
               "Travel time between venues (minutes)", _minutes),
    SettingDef("privacy.store_observer_id", bool, False, "保存旁听人员身份证号（仅当东道企业安保要求时）",
               "Store observers' ID numbers"),
    SettingDef("import.enterprise_mappings", dict, {}, "企业名录导入的列对应方案",
               "Saved column mappings for enterprise imports", _column_mappings, hidden=True),
    SettingDef("import.enterprise_last_mapping", str, "", "上次导入企业名录所用的列对应方案",
               "Column mapping used by the last enterprise import", hidden=True),
    SettingDef("clock.due_soon_days", int, 3, "期限提前提醒天数（到期前几日显示“即将到期”）",
               "Days before a deadline it shows as due soon", _due_soon_days),
    SettingDef("documents.folder", str, "", "文书保存文件夹（留空：数据库文件旁的“文书”文件夹）",
               "Folder for generated documents (empty: 文书 beside the database)", _folder,
               scope=WORKSTATION, path="folder"),
    SettingDef("documents.font_fangsong", str, "", "仿宋字体文件（如 simfang.ttf；留空用内置字体）",
               "FangSong font file (empty: bundled font)", _font_file, scope=WORKSTATION, path="file"),
    SettingDef("documents.font_xiaobiaosong", str, "", "小标宋字体文件（标题；留空用内置字体）",
               "XiaoBiaoSong font file for titles (empty: bundled font)", _font_file,
               scope=WORKSTATION, path="file"),
    SettingDef("documents.font_heiti", str, "", "黑体字体文件（如 simhei.ttf；留空用内置字体）",
               "HeiTi font file (empty: bundled font)", _font_file, scope=WORKSTATION, path="file"),
    SettingDef("documents.font_kaiti", str, "", "楷体字体文件（如 simkai.ttf；留空用内置字体）",
               "KaiTi font file (empty: bundled font)", _font_file, scope=WORKSTATION, path="file"),
    SettingDef("documents.date_style", str, "chinese", "落款日期写法", "Date under the signature",
               _one_of("chinese", "arabic"), choices=DATE_STYLES),
    SettingDef("folders.last_open", str, "", "上次打开文件的文件夹", "Folder a file was last opened from",
               hidden=True, scope=WORKSTATION),
    SettingDef("folders.last_save", str, "", "上次保存文件的文件夹", "Folder a file was last saved to",
               hidden=True, scope=WORKSTATION),
    SettingDef("training.buffer_minutes", int, 30, "庭审计划结束到培训开始的最少间隔（分钟）",
               "Least time between a hearing's planned end and the training (minutes)", _minutes),
    SettingDef("certificate.number_pattern", str, "",
               "培训证明编号格式（{年}为年份，{号}为当年顺序号）",
               "Certificate number pattern ({年} the year, {号} the number in the year)", _certificate_pattern),
    SettingDef("notices.number_patterns", str, "",
               "案件通知书文号格式（如“受理通知书=邵劳人仲受字〔{年}〕第{号}号；应诉通知书=…”，{年}{号}取自案号；未设的种类印案号）",
               "Notice number patterns by kind ({年} and {号} from the case number; kinds not set print the case number)",
               _notice_numbers),
    SettingDef("backup.keep", int, 14, "自动备份保留份数（每日一份及每次升级前一份，最旧的自动删除）",
               "Automatic backups kept (daily and before each upgrade; the oldest are deleted)", _keep_count),
    SettingDef("training.topic_tags_filled", bool, False, "培训主题的适用案由已按主题库补齐（程序内部使用）",
               "Training topics' tags filled from the library (internal)", hidden=True),
    SettingDef("demo.data", bool, False, "本数据库是演示数据（程序内部使用）",
               "This database holds the demonstration data (internal)", hidden=True),
)
BY_KEY = {d.key: d for d in REGISTRY}
#: The keys kept in this computer's settings file.
WORKSTATION_KEYS = tuple(d.key for d in REGISTRY if d.scope == WORKSTATION)


def _dict_from_text(text: str) -> Any:
    """A dict typed as JSON (command line) or shown by str() (a plain text field round trip)."""
    if len(text) > 100_000:
        raise ValueError(text[:40])
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(text[:40]) from None  # thousands of nested brackets are no setting
    except ValueError:
        try:
            return ast.literal_eval(text.strip())
        except (ValueError, SyntaxError, RecursionError, MemoryError, TypeError):
            raise ValueError(text[:40]) from None


def _definition(key: str) -> SettingDef:
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValidationError(msg("没有这个设置项：{key}", key=key), {key: msg("未知的设置项")}) from None


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
        elif d.type is dict and isinstance(value, str):
            value = _dict_from_text(value)
        if not isinstance(value, d.type):
            raise ValueError(value)
    except ValueError:  # json.JSONDecodeError is a ValueError too
        raise ValidationError(msg("{d}的值不正确：{shown}", d=d, shown=shown(str(value))), {key: msg("格式不正确")}) from None
    problem = d.check(value) if d.check else None
    if problem:
        raise ValidationError(msg("{d}：{problem}", d=d, problem=problem), {key: problem})
    return value


def workstation_values() -> tuple[dict[str, Any], list[str]]:
    """This computer's settings (defaults for what the file lacks) and what was wrong in the file.

    A value the file holds that its setting refuses is replaced by the default, with one
    message naming the setting; a file that cannot be read gives one message and defaults.
    """
    values = {key: BY_KEY[key].default for key in WORKSTATION_KEYS}
    stored, problem = workstation.read()
    problems = [problem] if problem else []
    for key, value in stored.items():
        if key not in BY_KEY or BY_KEY[key].scope != WORKSTATION:
            continue  # written by another version of the program: left alone
        try:
            values[key] = coerce(key, value)
        except ValidationError as exc:
            d = BY_KEY[key]
            default = next((c.label_zh for c in d.choices if c.value == d.default), d.default)
            problems.append(msg("本机设置文件中的“{d}”不正确（{value}），已改用默认值“{default}”", d=d, value=exc.fields.get(key) or exc.message, default=default))
    return values, problems


def workstation_problems() -> list[str]:
    """What is wrong in this computer's settings file (empty when it is fine or absent)."""
    return workstation_values()[1]


def read_all(session: Session) -> dict[str, Any]:
    """Every setting's value inside an open session (defaults for what was never set).

    The commission's come from the database, this workstation's from its settings file.
    """
    values = {d.key: d.default for d in REGISTRY if d.scope == COMMISSION}
    for row in session.scalars(select(Setting)):
        if row.key in BY_KEY and BY_KEY[row.key].scope == COMMISSION:
            values[row.key] = row.value
    values.update(workstation_values()[0])
    return values


def due_soon_days(session: Session) -> int:
    """The one warning window of every deadline (``clock.due_soon_days``): how many days before
    a deadline it shows as due soon, inside an open session."""
    value = read_all(session).get("clock.due_soon_days", 3)
    return value if isinstance(value, int) and value >= 0 else 3


def get_all(db: Database) -> dict[str, Any]:
    """Every setting's value."""
    with db.session(write=False) as s:
        return read_all(s)


def get(db: Database | None, key: str) -> Any:
    """One setting's value (``db`` may be None for this workstation's settings)."""
    if _definition(key).scope == WORKSTATION:
        return workstation_values()[0][key]
    if db is None:
        raise ValidationError(msg("“{by_key}”保存在数据库中，需要先打开数据库", by_key=BY_KEY[key]), {key: msg("需要数据库")})
    return get_all(db)[key]


def set_value(db: Database | None, key: str, value: Any) -> Any:
    """Store one setting after checking it; returns the stored value.

    A workstation setting goes to this computer's settings file (``db`` may be None); a
    commission setting to the database, with an audit entry.

    Raises:
        ValidationError: unknown key or a value the setting refuses (nothing is stored).
        StorageError: this computer's settings file cannot be written.
    """
    value = coerce(key, value)
    if BY_KEY[key].scope == WORKSTATION:
        set_workstation_values({key: value})
        return value
    if db is None:
        raise ValidationError(msg("“{by_key}”保存在数据库中，需要先打开数据库", by_key=BY_KEY[key]), {key: msg("需要数据库")})
    with db.session() as s:
        _store(s, db.actor, key, value)
    return value


def _store(s: Session, actor: str, key: str, value: Any) -> None:
    """Write one commission setting in an open session, with its audit entry."""
    row = s.get(Setting, key)
    before = row.value if row else BY_KEY[key].default
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(s, actor, "setting.change", "setting", None, f"{key}: {before} → {value}",
                 {key: before}, {key: value})


#: How many recent settings changes are searched for who changed a stale key.
_SETTING_CHANGES_SEARCHED = 500


def _check_unchanged(session: Session, loaded: dict[str, Any]) -> None:
    """Refuse a save of the settings page when another clerk changed what it loaded.

    The settings are many small rows; the page loaded a value for each, and a key counts as
    changed elsewhere when its stored value is no longer the one loaded. Only the keys the
    clerk is saving are compared, so two clerks changing different settings both succeed.

    Raises:
        StaleEditError: naming each key changed since (who, when, from what to what).
    """
    stale: dict[str, tuple[Any, Any]] = {}
    rows = {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(list(loaded))))}
    for key, was in loaded.items():
        now = rows[key].value if key in rows else BY_KEY[key].default
        if now != was:
            stale[key] = (was, now)
    if not stale:
        return
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "setting", AuditEntry.action == "setting.change")
        .order_by(AuditEntry.id.desc()).limit(_SETTING_CHANGES_SEARCHED)).all()
    changes: list[tuple[str, str, str, tuple[str, ...]]] = []
    details: list[tuple[tuple[str, object, object], ...]] = []
    for key, (was, now) in stale.items():
        entry = next((e for e in entries if isinstance(e.after, dict) and key in e.after), None)
        when = entry.at.strftime("%Y-%m-%d %H:%M:%S") if entry else ""
        who = entry.actor if entry else ""
        # The values as the trail keeps them (masked where personal), else as stored now.
        before = entry.before.get(key, was) if entry and isinstance(entry.before, dict) else was
        after = entry.after.get(key, now) if entry and isinstance(entry.after, dict) else now
        changes.append((when, who, entry.summary if entry else key, (key,)))
        details.append(((key, before, after),))
    order = sorted(range(len(changes)), key=lambda i: changes[i][0])
    names = "、".join(f"“{BY_KEY[key].label_zh}”" for key in stale)
    who = "、".join(dict.fromkeys(changes[i][1] for i in order if changes[i][1])) or "其他人"
    raise StaleEditError(
        msg("设置{names}在您打开后已被{who}修改并保存，您的修改未保存。请核对对方的修改后再改", names=names, who=who),
        entity="setting", entity_id=0, expected_version=0, current_version=0,
        changes=tuple(changes[i] for i in order), details=tuple(details[i] for i in order))


def save_settings(db: Database, values: dict[str, Any],
                  loaded: dict[str, Any] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Store the settings page's changed values: all the commission's in one transaction.

    Args:
        values: key → the value typed.
        loaded: key → the value the page showed when it loaded (for the commission's keys);
            a key another clerk changed since refuses the whole save. None skips the check.

    Returns:
        (key → value stored, key → why the value was refused); a refused value is not
        stored, the others are.

    Raises:
        StaleEditError: another clerk changed one of the keys being saved (nothing is stored).
        ValidationError: an unknown key.
        StorageError: this computer's settings file cannot be written.
    """
    saved: dict[str, Any] = {}
    refused: dict[str, str] = {}
    shared: dict[str, Any] = {}
    local: dict[str, Any] = {}
    for key, value in values.items():
        try:
            checked = coerce(key, value)
        except ValidationError as exc:
            refused[key] = exc.fields.get(key) or exc.message
            continue
        (local if BY_KEY[key].scope == WORKSTATION else shared)[key] = checked
    if shared:
        saved.update(_store_shared(db, shared, loaded))
    # This computer's settings after the shared ones: a refused stale save stores nothing.
    for key, value in local.items():
        saved[key] = set_value(None, key, value)
    return saved, refused


def _store_shared(db: Database, shared: dict[str, Any], loaded: dict[str, Any] | None) -> dict[str, Any]:
    """Store checked commission values in one transaction, after the stale check."""
    saved: dict[str, Any] = {}
    with db.session() as s:
        if loaded is not None:
            _check_unchanged(s, {key: loaded[key] for key in shared if key in loaded})
        for key, value in shared.items():
            _store(s, db.actor, key, value)
            saved[key] = value
    return saved


def certificate_pattern(values: dict[str, Any]) -> CertificatePattern:
    """The commission's certificate-number pattern from the settings' values.

    Raises:
        ValidationError: the commission has not set it up yet (or the stored value is unusable).
    """
    try:
        return CertificatePattern(str(values["certificate.number_pattern"]))
    except ValueError as exc:
        raise ValidationError(msg("培训证明编号格式尚未设置或不正确（{exc}），请先在“设置”页填写（命令行：tribunal settings certificate.number_pattern 格式）", exc=exc),
                              {"certificate.number_pattern": reason_of(exc)}) from None


def set_workstation_values(values: dict[str, Any]) -> Path:
    """Check and store several of this computer's settings at once (all or none).

    Values already in the file that are not given are kept; values the file holds for keys
    this program does not know are kept too (another version may use them).

    Raises:
        ValidationError: a key that is not a workstation setting, or a refused value.
        StorageError: the file cannot be written.
    """
    checked = {}
    for key, value in values.items():
        if _definition(key).scope != WORKSTATION:
            raise ValidationError(msg("“{by_key}”不是本机设置", by_key=BY_KEY[key]), {key: msg("不是本机设置")})
        checked[key] = coerce(key, value)
    stored, problem = workstation.read()
    if problem:
        stored = {}  # an unreadable file is rewritten from what is valid
    current, _problems = workstation_values()
    merged = {**stored, **{k: v for k, v in current.items() if k in stored}, **checked}
    return workstation.write(merged)


def adopt_database_values(session: Session) -> dict[str, Any]:
    """Copy this workstation's settings still stored in the database into its settings file.

    Older versions kept the interface language, clerk, font files and documents folder in
    the database; the upgrade to revision 0006 deletes those rows. Run before that upgrade,
    this keeps them as the values of the computer that upgrades (values already in its
    file win). Values the registry refuses are left out.

    Returns:
        The values copied (empty when there was nothing to copy).

    Raises:
        StorageError: the settings file cannot be written (then the upgrade must not run).
    """
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(WORKSTATION_KEYS))).all()
    stored, problem = workstation.read()
    found: dict[str, Any] = {}
    for key, value in rows:
        if key in stored and not problem:
            continue
        try:
            checked = coerce(key, value)
        except ValidationError:
            continue
        if checked != BY_KEY[key].default:
            found[key] = checked
    if found or (rows and not workstation.exists()):
        set_workstation_values(found)
    return found


def case_number_pattern(values: dict[str, Any]) -> CaseNumberPattern:
    """The commission's case-number pattern from the settings' values.

    Raises:
        ValidationError: the commission has not set its case-number 代字 yet (or it is unusable).
    """
    try:
        return CaseNumberPattern(
            prefix=values["case_number.prefix"],
            brackets=values["case_number.brackets"],
            use_di=values["case_number.use_di"],
        )
    except ValueError as exc:
        raise ValidationError(msg("案号代字尚未设置或不正确（{exc}），请先完成初次设置或在“设置”页填写（命令行：tribunal settings case_number.prefix 代字）", exc=exc),
                              {"case_number.prefix": reason_of(exc)}) from None

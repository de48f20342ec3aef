"""Importing the enterprise directory from Excel (.xlsx) or CSV: preview, column mapping, per-row report.

The steps a clerk sees: :func:`inspect_file` reads the file and suggests which column holds
what; the clerk corrects the mapping (it is remembered for the next import); then
:func:`import_enterprises` checks every row, refuses what is wrong with a reason naming the
spreadsheet row, and writes everything in ONE transaction — an unexpected failure leaves the
database exactly as it was. Importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import Enterprise, Observer, Setting, Zone
from tribunal.domain import validators
from tribunal.domain.inputs import clean_text, shown, text_problem
from tribunal.domain.names import enterprise_name_key, tidy_enterprise_name
from tribunal.errors import NotFound, ValidationError
from tribunal.services import audit, settings
from tribunal.services.enterprises import ADDRESS_MAX, NAME_MAX, SIZE_MAX, TITLE_MAX
from tribunal.texts import joined, msg

MAPPINGS_KEY = "import.enterprise_mappings"
LAST_MAPPING_KEY = "import.enterprise_last_mapping"
LAST_USED = "上次导入"
"""Name under which a mapping given without a name is remembered."""

HEADER_SCAN_ROWS = 10
PREVIEW_ROWS = 20
#: Limits that keep a hostile or mistaken file from tying up the program: a directory of a
#: whole province fits well within them.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 30 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200

#: The fields a column can be mapped to, with the label the clerk sees.
FIELDS: dict[str, str] = {
    "name": "企业名称",
    "credit_code": "统一社会信用代码",
    "contact_name": "联系人",
    "contact_title": "职务",
    "contact_phone": "联系电话",
    "address": "地址",
    "size": "规模",
    "zone": "所属园区",
    "notes": "备注",
}
IGNORED = ""
"""Mapping value of a column that is not imported."""

# Headings exactly as they appear in the spreadsheets commissions receive from zone offices.
_EXACT: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "单位名称", "公司名称", "名称", "企业", "单位", "用人单位", "用人单位名称",
             "企业全称", "单位全称"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "组织机构代码",
                    "统一信用代码", "统一代码", "信用代码证"),
    "contact_name": ("联系人", "人事负责人", "hr", "联系人姓名", "负责人", "人事联系人",
                     "hr负责人", "人力资源负责人", "姓名"),
    "contact_title": ("职务", "职位", "联系人职务", "岗位", "职称"),
    "contact_phone": ("联系电话", "手机", "手机号", "手机号码", "电话", "联系方式", "联系人电话",
                      "电话号码", "联系手机", "座机"),
    "address": ("地址", "住所", "注册地址", "企业地址", "单位地址", "经营地址", "通讯地址"),
    "size": ("规模", "人数", "职工人数", "员工人数", "企业规模", "从业人数", "用工人数"),
    "zone": ("园区", "开发区", "所属园区", "所属开发区", "所在园区"),
    "notes": ("备注", "说明"),
}
_BY_HEADING = {h: f for f, headings in _EXACT.items() for h in headings}
# When no exact heading fits, a word inside it decides. Order matters: 联系人电话 is a phone,
# 单位地址 an address, 法定代表人 nothing at all.
_CONTAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("法定代表人", "法人代表", "序号", "编号", "邮箱", "邮件", "传真", "成立日期", "行业")),
    ("credit_code", ("信用代码", "机构代码")),
    ("contact_phone", ("电话", "手机", "联系方式")),
    ("contact_title", ("职务", "职位")),
    ("address", ("地址", "住所")),
    ("size", ("人数", "规模")),
    ("zone", ("园区", "开发区")),
    ("notes", ("备注",)),
    ("contact_name", ("联系人", "负责人", "hr")),
    ("name", ("名称", "全称")),
)
# Longer texts, or texts with digits, are data rather than headings: 某某物流有限公司 must not
# be taken for a heading because it contains 公司.
_HEADING_MAX = 12
_REQUIRED_MARKS = re.compile(r"[*＊]|[(（][^)）]*[)）]")
_PHONE_SEPARATORS = re.compile(r"[/,，、;；|\n]+")
# Lines under the table that a zone office adds: totals, who made it, notes.
_FOOTER = re.compile(r"^(?:合计|总计|小计|共计|制表|填表|审核|负责人|说明|备注|注[:：])")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+?\d+$")


def recognise_heading(text: str | None) -> str | None:
    """The field a column heading names (``"name"``, ``"contact_phone"`` …), or None.

    Spaces, full-width forms, a required-field star and a note in brackets (``（必填）``)
    are ignored: ``"* 统一社会信用代码（18位）"`` is ``"credit_code"``.
    """
    key = validators.normalise(text, remove=" \u3000\n\t").casefold()
    if not key:
        return None
    if key in _BY_HEADING:
        return _BY_HEADING[key]
    bare = _REQUIRED_MARKS.sub("", key)
    if bare in _BY_HEADING:
        return _BY_HEADING[bare]
    if len(bare) > _HEADING_MAX or any(ch.isdigit() for ch in bare):
        return None
    for field_name, words in _CONTAINS:
        if any(w in bare for w in words):
            return field_name or None
    return None


# ---------------------------------------------------------------- reading the file


@dataclass(frozen=True)
class _Table:
    sheet: str
    header_row: int
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number in the file, cells), non-blank


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float) and abs(value) >= 1e15:
        # Excel keeps 15 significant digits: a longer number has lost its last ones. Show it as
        # Excel does (9.14305E+17) so the row is refused instead of imported with wrong digits.
        return f"{value:.6G}"
    if isinstance(value, float):
        # Excel keeps every number as a float: a phone typed as a number is 13807312233.0.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _check_unpacked_size(path: Path) -> None:
    """Refuse, from the ZIP directory alone, an .xlsx that would unpack to far more than a directory."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl's own refusal names the problem
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ValidationError(
            msg("文件“{name}”解压后有 {value} MB，远超一份企业名单应有的大小（最多 {value2} MB），未导入；请只保留名单所在的工作表后再试", name=path.name, value=unpacked // (1024 * 1024), value2=MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)))


def _limited_rows(name: str, rows: Iterable[tuple[Any, ...]]) -> list[tuple[int, list[str]]]:
    """Rows read one at a time, refused past :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns."""
    out = []
    for n, values in enumerate(rows, start=1):
        if n > MAX_ROWS + HEADER_SCAN_ROWS:
            raise ValidationError(msg("文件“{name}”超过 {MAX_ROWS} 行，请分成几个文件导入", name=name, MAX_ROWS=MAX_ROWS))
        cells = [_cell_text(v) for v in values[:MAX_COLUMNS]]
        if len(values) > MAX_COLUMNS and any(v not in (None, "") for v in values[MAX_COLUMNS:]):
            raise ValidationError(msg("文件“{name}”第 {n} 行超过 {MAX_COLUMNS} 列，不像企业名单，未导入", name=name, n=n, MAX_COLUMNS=MAX_COLUMNS))
        while cells and not cells[-1]:
            cells.pop()
        out.append((n, cells))
    return out


def _read_xlsx(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    import openpyxl  # imported on use: start-up stays fast

    _check_unpacked_size(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors all mean “not a readable .xlsx”
        raise ValidationError(
            msg("无法读取文件“{name}”：不是有效的 Excel 文件（.xlsx），可能已损坏或只是改了扩展名（{name2}）", name=path.name, name2=exc.__class__.__name__)
        ) from exc
    try:
        sheets = [book.active] + [ws for ws in book.worksheets if ws is not book.active]
        out = []
        for ws in sheets:
            if ws is None or not hasattr(ws, "iter_rows"):
                continue
            # Some programs write a wrong <dimension>; read what is really there.
            ws.reset_dimensions()
            rows = _limited_rows(path.name, ws.iter_rows(min_row=1, values_only=True))
            out.append((ws.title, rows))
        return out
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(msg("无法读取文件“{name}”的内容：{name2}", name=path.name, name2=exc.__class__.__name__)) from exc
    finally:
        book.close()


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ValidationError(msg("无法读取文件“{name}”：UTF-16 编码的内容不完整或已损坏", name=name)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on a Chinese Windows saves “CSV” in the ANSI code page: GBK (GB18030 ⊃ GBK).
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            msg("无法读取文件“{name}”：文字编码既不是 UTF-8 也不是 GBK，请在 Excel 中另存为“CSV UTF-8”", name=name)
        ) from None


def _read_csv(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    raw = path.read_bytes()
    if raw.startswith(b"PK\x03\x04"):
        raise ValidationError(msg("无法读取文件“{name}”：这是 Excel 文件而不是 CSV，请把扩展名改为 .xlsx 再导入", name=path.name))
    if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in raw:
        # Anywhere in the file, not only at its start: a NUL byte is a damaged or binary file.
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        what = "这不是文本格式的 CSV 文件" if b"\x00" in raw[:4096] else f"第 {line} 行含有空字符（NUL），文件可能已损坏"
        raise ValidationError(msg("无法读取文件“{name}”：{what}", name=path.name, what=what))
    text = _decode(raw, path.name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ValidationError(msg("无法读取文件“{name}”：第 {line} 行含有空字符（NUL），文件可能已损坏", name=path.name, line=line))
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max(",\t;", key=first.count) if first else ","
    if first and first.count(delimiter) == 0:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered: list[tuple[int, tuple[Any, ...]]] = []
    start = 1
    try:
        for values in reader:
            if len(numbered) > MAX_ROWS + HEADER_SCAN_ROWS:
                raise ValidationError(msg("文件“{name}”超过 {MAX_ROWS} 行，请分成几个文件导入", name=path.name, MAX_ROWS=MAX_ROWS))
            numbered.append((start, tuple(values)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ValidationError(msg("无法读取文件“{name}”第 {line_num} 行：{exc}", name=path.name, line_num=reader.line_num, exc=exc)) from exc
    limited = _limited_rows(path.name, (values for _n, values in numbered))
    return [(path.stem, [(n, cells) for (n, _v), (_i, cells) in zip(numbered, limited, strict=True)])]


def _read_raw(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    path = Path(path)
    if not path.is_file():
        raise ValidationError(msg("找不到文件：{path}", path=path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(msg("无法读取文件“{name}”：{value}", name=path.name, value=exc.strerror or exc)) from exc
    if size > MAX_FILE_BYTES:
        raise ValidationError(msg("文件“{name}”有 {value} MB，超过导入的上限 {value2} MB；请分成几个文件导入", name=path.name, value=size // (1024 * 1024), value2=MAX_FILE_BYTES // (1024 * 1024)))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        try:
            return _read_csv(path)
        except OSError as exc:
            raise ValidationError(msg("无法读取文件“{name}”：{value}", name=path.name, value=exc.strerror or exc)) from exc
    if suffix in (".xls", ".et", ".wps"):
        raise ValidationError(
            msg("不支持旧版 Excel/WPS 文件“{name}”：请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再导入", name=path.name)
        )
    raise ValidationError(msg("只能导入 Excel（.xlsx）或 CSV 文件，“{name}”不是", name=path.name))


def _fields_of(cells: Iterable[str]) -> list[str | None]:
    return [recognise_heading(c) for c in cells]


def _header_score(cells: list[str], wanted: set[str]) -> tuple[int, bool]:
    found = {f for f in _fields_of(cells) if f}
    hits = sum(1 for c in cells if c in wanted)
    return len(found) + hits, "name" in found or hits > 0


_SUB_HEADINGS = {"姓名", "职务", "职位", "电话", "手机", "手机号", "座机", "固定电话", "联系电话"}


def _build_table(sheet: str, rows: list[tuple[int, list[str]]], wanted: set[str]) -> _Table | None:
    best: tuple[int, int] | None = None
    for idx in range(min(HEADER_SCAN_ROWS, len(rows))):
        score, usable = _header_score(rows[idx][1], wanted)
        if usable and score >= 1 and (best is None or score > best[0]):
            best = (score, idx)
    if best is None:
        return None
    h = best[1]
    width = max((len(cells) for _, cells in rows), default=0)
    top = rows[h][1] + [""] * (width - len(rows[h][1]))
    labels = list(top)
    first_data = h + 1
    # A two-level heading: 联系人 merged over 姓名 | 职务 | 电话 in the row below. The cell
    # under 企业名称 is blank there (merged downwards), which a data row never is.
    if h + 1 < len(rows):
        below = rows[h + 1][1] + [""] * (width - len(rows[h + 1][1]))
        fields = _fields_of(top)
        name_col = fields.index("name") if "name" in fields else None
        sub_hits = [c for c in below if c and (c in _SUB_HEADINGS or recognise_heading(c))]
        if name_col is not None and not below[name_col] and sub_hits:
            parent = ""
            for c in range(width):
                if top[c]:
                    parent = top[c]
                elif not below[c]:
                    parent = ""
                own = top[c] or (parent if below[c] else "")
                sub = below[c]
                if own and sub and own != sub:
                    labels[c] = own + sub
                else:
                    labels[c] = sub or own
            first_data = h + 2
    columns: list[str] = []
    for c, label in enumerate(labels):
        label = " ".join(label.split())
        if not label:
            label = f"{_column_letter(c)}列"
        if label in columns:
            label = f"{label}（{_column_letter(c)}列）"
        columns.append(label)
    data = []
    for number, cells in rows[first_data:]:
        cells = (cells + [""] * (width - len(cells)))[:width]
        if any(cells):
            data.append((number, tuple(cells)))
    return _Table(sheet, rows[h][0] if first_data == h + 1 else rows[h + 1][0], tuple(columns),
                  tuple(data))


def _read_table(path: Path, wanted: set[str] | None = None, *, fallback: bool = False) -> _Table:
    """The table of the first sheet with a recognisable heading row.

    With ``fallback`` (a preview, or a mapping the clerk chose), a file whose headings are
    not recognised still gives a table: its first non-blank row is taken as the headings.
    """
    sheets = _read_raw(Path(path))
    for sheet, rows in sheets:
        table = _build_table(sheet, rows, wanted or set())
        if table is not None:
            return table
    if not any(any(cells) for _, rows in sheets for _, cells in rows):
        raise ValidationError(msg("文件“{name}”是空的，没有可导入的内容", name=Path(path).name))
    if fallback:
        sheet, rows = next((sheet, rows) for sheet, rows in sheets if any(any(c) for _, c in rows))
        start = next(i for i, (_, cells) in enumerate(rows) if any(cells))
        table = _build_table(sheet, rows[start:], set(rows[start][1]) - {""})
        if table is not None:
            return table
    raise ValidationError(
        msg("文件“{name}”的前 {HEADER_SCAN_ROWS} 行中找不到“企业名称”等列标题；请确认第一张工作表是企业名单，或在导入时指定各列对应的内容", name=Path(path).name, HEADER_SCAN_ROWS=HEADER_SCAN_ROWS)
    )


# ---------------------------------------------------------------- preview and mapping


@dataclass(frozen=True)
class ImportPreview:
    """What the clerk sees before importing: columns, the suggested mapping, the first rows."""

    file: str
    sheet: str
    header_row: int
    columns: tuple[str, ...]
    suggested_mapping: dict[str, str]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    rows_total: int
    missing: tuple[str, ...]


def suggest_mapping(columns: Iterable[str], remembered: dict[str, str] | None = None) -> dict[str, str]:
    """Which field each column holds: recognised from the heading, or as the clerk chose last time.

    The remembered choices are used only when the file has every column they name (the same
    layout as last time); a field is never given to two columns — the first one wins.
    """
    columns = list(columns)
    taken: set[str] = set()
    if remembered and set(remembered) <= set(columns):
        chosen = {c: remembered.get(c, IGNORED) for c in columns}
        taken.update(f for f in chosen.values() if f)
        for c in columns:
            if c not in remembered:
                f = recognise_heading(c)
                chosen[c] = f if f and f not in taken else IGNORED
                taken.add(chosen[c])
        return chosen
    mapping: dict[str, str] = {}
    for c in columns:
        f = recognise_heading(c)
        if f and f not in taken:
            mapping[c] = f
            taken.add(f)
        else:
            mapping[c] = IGNORED
    return mapping


def inspect_file(path: str | Path, remembered: dict[str, str] | None = None) -> ImportPreview:
    """Read a spreadsheet and suggest a mapping, without touching the database.

    Raises:
        ValidationError: the file is missing, of the wrong kind, damaged, or has no heading row.
    """
    table = _read_table(Path(path), set(remembered or ()), fallback=True)
    mapping = suggest_mapping(table.columns, remembered)
    missing = tuple(FIELDS[f] for f in ("name",) if f not in mapping.values())
    return ImportPreview(
        file=Path(path).name, sheet=table.sheet, header_row=table.header_row,
        columns=table.columns, suggested_mapping=mapping, rows=table.rows[:PREVIEW_ROWS],
        rows_total=len(table.rows), missing=missing,
    )


def _field_key(value: str) -> str:
    value = (value or "").strip()
    if value in FIELDS:
        return value
    if value in ("", "ignore", "忽略", "不导入"):
        return IGNORED
    for key, label in FIELDS.items():
        if value == label:
            return key
    raise ValidationError(
        msg("未知的导入字段“{value}”；可选：{items}或“不导入”", value=value, items='、'.join(FIELDS.values())), {"mapping": value}
    )


def check_mapping(mapping: dict[str, str], columns: Iterable[str]) -> dict[str, str]:
    """Check a column → field mapping against a file's columns; return it with field keys.

    Raises:
        ValidationError: unknown field, a field given two columns, a column the file lacks,
            or no column for the enterprise name.
    """
    columns = list(columns)
    clean: dict[str, str] = {}
    owner: dict[str, str] = {}
    for column, value in mapping.items():
        key = _field_key(value)
        if not key:
            continue
        if column not in columns:
            raise ValidationError(
                msg("文件中没有“{column}”这一列（现有列：{items}）", column=column, items='、'.join(columns)), {"mapping": column}
            )
        if key in owner:
            raise ValidationError(
                msg("“{fields}”同时对应了“{owner}”和“{column}”两列，只能选一列", fields=FIELDS[key], owner=owner[key], column=column), {"mapping": column}
            )
        owner[key] = column
        clean[column] = key
    if "name" not in owner:
        raise ValidationError(msg("没有指定哪一列是“企业名称”，无法导入"), {"mapping": "name"})
    return clean


def _mappings(session: Session) -> dict[str, dict[str, str]]:
    stored = settings.read_all(session).get(MAPPINGS_KEY) or {}
    return {str(k): dict(v) for k, v in stored.items() if isinstance(v, dict)}


def saved_mappings(db: Database) -> dict[str, dict[str, str]]:
    """Every saved column mapping by name."""
    with db.session(write=False) as s:
        return _mappings(s)


def remembered_mapping(db: Database) -> tuple[str, dict[str, str]] | None:
    """The mapping used by the last import (name and columns), if any."""
    with db.session(write=False) as s:
        values = settings.read_all(s)
        name = values.get(LAST_MAPPING_KEY) or ""
        mapping = _mappings(s).get(name)
        return (name, mapping) if mapping else None


def _store_setting(session: Session, actor: str, key: str, value: Any) -> None:
    value = settings.coerce(key, value)
    row = session.get(Setting, key)
    before = row.value if row else settings.BY_KEY[key].default
    if before == value:
        return
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(session, actor, "setting.change", "setting", None, f"{key} 已更新",
                 {key: before}, {key: value})


def save_mapping(db: Database, name: str, mapping: dict[str, str]) -> dict[str, str]:
    """Save a column mapping under ``name`` for later imports (replacing one of that name).

    Raises:
        ValidationError: no name, or a mapping without the enterprise-name column.
    """
    name = " ".join(name.split())
    if not name:
        raise ValidationError(msg("请为列对应方案起一个名称"), {"name": msg("必填")})
    clean = {c: _field_key(v) for c, v in mapping.items()}
    if "name" not in clean.values():
        raise ValidationError(msg("没有指定哪一列是“企业名称”，无法保存"), {"mapping": "name"})
    with db.session() as s:
        stored = _mappings(s)
        stored[name] = clean
        _store_setting(s, db.actor, MAPPINGS_KEY, stored)
    return clean


def delete_mapping(db: Database, name: str) -> None:
    """Forget a saved column mapping.

    Raises:
        NotFound: no mapping of that name.
    """
    with db.session() as s:
        stored = _mappings(s)
        if name not in stored:
            raise NotFound(msg("没有名为“{name}”的列对应方案", name=name))
        del stored[name]
        _store_setting(s, db.actor, MAPPINGS_KEY, stored)


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class RowOutcome:
    """What happened to one spreadsheet row."""

    row: int
    action: str  # "created", "updated", "unchanged", "rejected"
    name: str
    detail: str = ""


_ACTION_ZH = {"created": "新增", "updated": "更新", "unchanged": "无变化", "rejected": "未导入"}


@dataclass(frozen=True)
class ImportReport:
    """The per-row report of one import (or of a dry run, which changes nothing)."""

    file: str
    sheet: str
    header_row: int
    mapping: dict[str, str]
    dry_run: bool
    rows_total: int
    created: int
    updated: int
    unchanged: int
    rejected: tuple[tuple[int, str], ...]
    warnings: tuple[tuple[int, str], ...]
    outcomes: tuple[RowOutcome, ...] = ()

    def summary(self) -> str:
        """One line: what the import did (or would do)."""
        counts = {"file": self.file, "rows": self.rows_total, "created": self.created, "updated": self.updated,
                  "unchanged": self.unchanged, "rejected": len(self.rejected), "warnings": len(self.warnings)}
        if self.dry_run:
            return msg("试导入（未保存）“{file}”：共 {rows} 行，新增 {created} 家，更新 {updated} 家，"
                       "无变化 {unchanged} 家，未导入 {rejected} 行，提示 {warnings} 条", **counts)
        return msg("导入“{file}”：共 {rows} 行，新增 {created} 家，更新 {updated} 家，"
                   "无变化 {unchanged} 家，未导入 {rejected} 行，提示 {warnings} 条", **counts)

    def lines(self, *, verbose: bool = False) -> list[str]:
        """The report as lines for the command line: the summary, then row by row."""
        out = [self.summary()]
        if verbose:
            for o in self.outcomes:
                out.append(f"第{o.row}行 {_ACTION_ZH[o.action]}：{o.name}" + (f"（{o.detail}）" if o.detail else ""))
        for row, reason in self.rejected:
            out.append(f"第{row}行 未导入：{reason}")
        for row, text in self.warnings:
            out.append(f"第{row}行 提示：{text}")
        return out


# ---------------------------------------------------------------- the import itself


@dataclass
class _Known:
    """One enterprise of the directory as the import sees it (a snapshot, then the plan)."""

    id: int | None
    name: str
    key: str
    code: str
    zone_id: int | None
    address: str
    contact_name: str
    contact_title: str
    contact_phone: str
    size: str
    notes: str
    warning_accepted: bool
    row: int = 0


@dataclass
class _Plan:
    creates: list[_Known] = field(default_factory=list)
    updates: list[tuple[_Known, dict[str, Any]]] = field(default_factory=list)
    people: list[tuple[_Known, int | None, dict[str, Any]]] = field(default_factory=list)


_ENTERPRISE_FIELDS = ("name", "code", "zone_id", "address", "contact_name", "contact_title",
                      "contact_phone", "size", "notes")


def _snapshot(session: Session) -> tuple[dict[str, _Known], dict[str, _Known], dict[tuple[int, str], tuple[int, str, str]], dict[str, int]]:
    by_code: dict[str, _Known] = {}
    by_key: dict[str, _Known] = {}
    for r in session.execute(select(
        Enterprise.id, Enterprise.name, Enterprise.credit_code, Enterprise.zone_id, Enterprise.address,
        Enterprise.contact_name, Enterprise.contact_title, Enterprise.contact_phone, Enterprise.size,
        Enterprise.notes, Enterprise.credit_code_warning_accepted,
    ).order_by(Enterprise.id)):
        known = _Known(r.id, r.name, enterprise_name_key(r.name), r.credit_code or "", r.zone_id,
                       r.address or "", r.contact_name or "", r.contact_title or "",
                       r.contact_phone or "", r.size or "", r.notes or "",
                       bool(r.credit_code_warning_accepted))
        if known.code:
            by_code.setdefault(known.code, known)
        by_key.setdefault(known.key, known)
    people = {
        (r.enterprise_id, r.name): (r.id, r.title or "", r.phone or "")
        for r in session.execute(select(Observer.id, Observer.enterprise_id, Observer.name, Observer.title,
                                        Observer.phone).where(Observer.enterprise_id.is_not(None))
                                 .order_by(Observer.id.desc()))
    }
    zones = {validators.normalise(z.name, remove=" "): z.id for z in session.scalars(select(Zone))}
    return by_code, by_key, people, zones


def _phone(raw: str, warn: list[str]) -> str:
    if not raw:
        return ""
    whole = validators.check_phone(raw)
    if whole.ok:
        return whole.value
    parts = [p for p in _PHONE_SEPARATORS.split(raw) if p.strip()]
    if len(parts) == 1:
        parts = raw.split()  # two numbers separated only by spaces
    good = [c.value for c in (validators.check_phone(p) for p in parts) if c.ok] if len(parts) > 1 else []
    if good:
        if len(good) > 1 or len(good) < len(parts):
            warn.append(msg('联系电话“{raw}”含多个号码，只导入第一个：{value}', raw=raw, value=good[0]))
        return good[0]
    warn.append(msg('联系电话“{raw}”无法识别（{error}），未导入电话', raw=raw, error=whole.error))
    return ""


def _credit_code(raw: str, warn: list[str], accepted: dict[str, bool]) -> tuple[str | None, str | None]:
    """Return (code, refusal)."""
    if not raw:
        return "", None
    compact = validators.normalise(raw, remove=" -").upper()
    if len(compact) == 9 or (len(compact) == 15 and compact.isdigit()):
        kind = msg("组织机构代码") if len(compact) == 9 else msg("工商注册号")
        warn.append(msg('“{raw}”是旧的{kind}，不是18位统一社会信用代码，未导入代码', raw=raw, kind=kind))
        return "", None
    if _SCIENTIFIC.match(compact):
        return None, (msg('统一社会信用代码“{raw}”被 Excel 存成了数字，后几位已经丢失；请把该列设置为“文本”格式，重新填写后再导入', raw=raw))
    r = validators.check_credit_code(raw)
    if not r.ok:
        return None, msg('统一社会信用代码“{raw}”不正确：{error}', raw=raw, error=r.error)
    if r.warning and not accepted.get(r.value, False):
        warn.append(msg('{warning}；已导入，标记为待核对', warning=r.warning))
    return r.value, None


def _plan_rows(table: _Table, mapping: dict[str, str], zone_id: int | None,
               snapshot: tuple[Any, ...]) -> tuple[_Plan, list[RowOutcome], list[tuple[int, str]]]:
    by_code, by_key, people, zones = snapshot
    accepted_codes = {k.code: k.warning_accepted for k in by_code.values()}
    index = {f: table.columns.index(c) for c, f in mapping.items()}
    plan = _Plan()
    outcomes: list[RowOutcome] = []
    warnings: list[tuple[int, str]] = []
    seen_code: dict[str, tuple[int, str]] = {}
    seen_key: dict[str, tuple[int, str]] = {}
    touched: dict[int, int] = {}

    def reject(row: int, name: str, reason: str) -> None:
        outcomes.append(RowOutcome(row, "rejected", name, reason))

    for number, cells in table.rows:
        raw = {f: cells[i].strip() for f, i in index.items()}
        problem = next(((f, p) for f, v in raw.items()
                        if (p := text_problem(v, multiline=f in ("notes", "address")))), None)
        if problem is not None:
            reject(number, shown(raw.get("name", "")), f"“{FIELDS[problem[0]]}”{problem[1]}")
            continue
        raw = {f: clean_text(v, multiline=True) for f, v in raw.items()}  # direction overrides removed
        warn: list[str] = []
        name = tidy_enterprise_name(raw.get("name", ""))
        if not name:
            if not any(v for v in raw.values()):
                continue  # only unmapped columns filled: nothing to import, nothing to report
            reject(number, "", msg('缺少企业名称'))
            continue
        if recognise_heading(raw["name"]) == "name" and raw["name"] == table.columns[index["name"]]:
            reject(number, name, msg('这一行是重复的表头'))
            continue
        if len(name) > NAME_MAX:
            reject(number, name[:20] + "…", msg('企业名称过长（最多 {name_max} 字）', name_max=NAME_MAX))
            continue
        first = next(c for c in cells if c.strip())
        if _FOOTER.match(first.strip()) or _FOOTER.match(name):
            reject(number, name, msg('这一行不是企业（表尾的合计、制表人或说明）'))
            continue
        code, refusal = _credit_code(raw.get("credit_code", ""), warn, accepted_codes)
        if refusal:
            reject(number, name, refusal)
            continue
        assert code is not None
        key = enterprise_name_key(name)
        if code and code in seen_code:
            reject(number, name, msg('与第{value}行重复（同一统一社会信用代码）', value=seen_code[code][0]))
            continue
        if key in seen_key:
            other_row, other_code = seen_key[key]
            if code and other_code and code != other_code:
                reject(number, name, msg('与第{other_row}行企业名称相同，但统一社会信用代码不同，请核对', other_row=other_row))
            else:
                reject(number, name, msg('与第{other_row}行重复（同一企业名称）', other_row=other_row))
            continue

        contact = ""
        if raw.get("contact_name"):
            r = validators.check_person_name(raw["contact_name"])
            if r.ok:
                contact = r.value
            else:
                warn.append(msg('联系人“{contact_name}”不是有效的姓名（{error}），未导入联系人', contact_name=raw['contact_name'], error=r.error))
        phone = _phone(raw.get("contact_phone", ""), warn)
        title = " ".join(validators.normalise(raw.get("contact_title", "")).split())
        if len(title) > TITLE_MAX:
            warn.append(msg('职务过长（最多 {title_max} 字），未导入职务', title_max=TITLE_MAX))
            title = ""
        address = " ".join(raw.get("address", "").split())
        if len(address) > ADDRESS_MAX:
            warn.append(msg('地址过长（最多 {address_max} 字），未导入地址', address_max=ADDRESS_MAX))
            address = ""
        size = " ".join(validators.normalise(raw.get("size", "")).split())
        if size.isdigit():
            size += "人"
        if len(size) > SIZE_MAX:
            warn.append(msg('规模过长（最多 {size_max} 字），未导入规模', size_max=SIZE_MAX))
            size = ""
        row_zone = zone_id
        if raw.get("zone"):
            found = zones.get(validators.normalise(raw["zone"], remove=" "))
            if found is None:
                warn.append(msg('园区“{zone}”不在开发区名单中，未按该列归入园区', zone=raw['zone']))
            else:
                row_zone = found
        notes = raw.get("notes", "")

        # Which enterprise of the directory is this row?
        by_c = by_code.get(code) if code else None
        by_k = by_key.get(key)
        target: _Known | None = None
        if by_c is not None:
            if by_k is not None and by_k is not by_c:
                reject(number, name, msg('统一社会信用代码属于名录中的“{name}”，而企业名称与名录中的“{name2}”相同，请核对', name=by_c.name, name2=by_k.name))
                continue
            target = by_c
        elif by_k is not None:
            if code and by_k.code and by_k.code != code:
                reject(number, name, msg('名录中已有同名企业“{name}”，其统一社会信用代码为 {code}，与本行的 {code2} 不同，请核对', name=by_k.name, code=by_k.code, code2=code))
                continue
            target = by_k
        if target is not None and target.id is not None and target.id in touched:
            reject(number, name, msg('与第{value}行是名录中的同一家企业“{name}”', value=touched[target.id], name=target.name))
            continue

        wanted = {"name": name, "code": code, "zone_id": row_zone, "address": address,
                  "contact_name": contact, "contact_title": title, "contact_phone": phone,
                  "size": size, "notes": notes}
        if target is None:
            new = _Known(None, name, key, code, row_zone, address, contact, title, phone, size, notes,
                         False, row=number)
            plan.creates.append(new)
            if contact:
                plan.people.append((new, None, {"name": contact, "title": title, "phone": phone}))
            outcomes.append(RowOutcome(number, "created", name))
        else:
            changes = _changes(target, wanted, people, warn)
            person = _person_change(target, changes, people)
            if changes:
                plan.updates.append((target, changes))
            if person is not None:
                plan.people.append(person)
            if changes or person is not None:
                what = joined((_CHANGE_LABELS[k] for k in changes), "、") if changes else msg("联系人信息")
                outcomes.append(RowOutcome(number, "updated", target.name, msg('更新{what}', what=what)))
            else:
                outcomes.append(RowOutcome(number, "unchanged", target.name))
            if target.id is not None:  # always, for an enterprise already in the directory
                touched[target.id] = number
        if code:
            seen_code[code] = (number, code)
        seen_key[key] = (number, code)
        if target is not None and target.key != key:
            seen_key[target.key] = (number, code)
        warnings.extend((number, w) for w in warn)
    return plan, outcomes, warnings


_CHANGE_LABELS = {"name": msg("企业名称"), "code": msg("统一社会信用代码"), "zone_id": msg("所属园区"),
                  "address": msg("地址"), "contact_name": msg("联系人"), "contact_title": msg("职务"),
                  "contact_phone": msg("联系电话"), "size": msg("规模"), "notes": msg("备注")}


def _changes(target: _Known, wanted: dict[str, Any], people: dict, warn: list[str]) -> dict[str, Any]:
    """Field → new value for what the row changes; a blank cell never erases anything."""
    changes: dict[str, Any] = {}
    if wanted["name"] != target.name and enterprise_name_key(wanted["name"]) != target.key:
        warn.append(msg('按统一社会信用代码匹配到“{name}”，企业名称改为“{name2}”', name=target.name, name2=wanted['name']))
        changes["name"] = wanted["name"]
    for f in ("code", "zone_id", "address", "size", "notes"):
        if wanted[f] not in ("", None) and wanted[f] != getattr(target, f):
            changes[f] = wanted[f]
    contact = wanted["contact_name"]
    if contact and contact != target.contact_name:
        # A new primary contact: their own title and phone, never the previous person's.
        _, old_title, old_phone = people.get((target.id, contact), (None, "", ""))
        changes["contact_name"] = contact
        changes["contact_title"] = wanted["contact_title"] or old_title
        changes["contact_phone"] = wanted["contact_phone"] or old_phone
    else:
        for f in ("contact_title", "contact_phone"):
            if wanted[f] and wanted[f] != getattr(target, f):
                changes[f] = wanted[f]
    return changes


def _person_change(target: _Known, changes: dict[str, Any],
                   people: dict) -> tuple[_Known, int | None, dict[str, Any]] | None:
    name = changes.get("contact_name", target.contact_name)
    if not name:
        return None
    title = changes.get("contact_title", target.contact_title)
    phone = changes.get("contact_phone", target.contact_phone)
    existing = people.get((target.id, name))
    if existing is None:
        return target, None, {"name": name, "title": title, "phone": phone}
    observer_id, old_title, old_phone = existing
    delta = {}
    if title and title != old_title:
        delta["title"] = title
    if phone and phone != old_phone:
        delta["phone"] = phone
    return (target, observer_id, delta) if delta else None


def _known_dict(k: _Known) -> dict[str, Any]:
    return {f: getattr(k, f) for f in _ENTERPRISE_FIELDS}


#: Rows written per flush of an import (see _apply_plan).
FLUSH_ROWS = 200


def _apply_plan(session: Session, actor: str, plan: _Plan) -> None:
    new_rows = []
    for k in plan.creates:
        ent = Enterprise(
            name=k.name, normalised_name=k.key, credit_code=k.code or None,
            credit_code_warning_accepted=False, zone_id=k.zone_id, address=k.address or None,
            contact_name=k.contact_name or None, contact_title=k.contact_title or None,
            contact_phone=k.contact_phone or None, size=k.size or None, notes=k.notes or None,
        )
        new_rows.append((k, ent))
    # Flushed in pieces: one flush of thousands of rows runs long in compiled code that holds
    # Python's interpreter lock, and the window (drawing on another thread) would stall.
    for start in range(0, len(new_rows), FLUSH_ROWS):
        piece = new_rows[start:start + FLUSH_ROWS]
        session.add_all([e for _, e in piece])
        session.flush()
        for k, ent in piece:
            k.id = ent.id
            audit.record(session, actor, "enterprise.import", "enterprise", ent.id,
                         f"导入新增企业 {ent.name}（第{k.row}行）", None, _known_dict(k))
        session.flush()
    for done, (k, changes) in enumerate(plan.updates, start=1):
        if done % FLUSH_ROWS == 0:
            session.flush()
        existing = session.get(Enterprise, k.id)
        assert existing is not None  # the plan was made in this transaction
        before = _known_dict(k)
        for f, value in changes.items():
            if f == "code":
                existing.credit_code = value or None
                existing.credit_code_warning_accepted = False
            elif f == "name":
                existing.name = value
                existing.normalised_name = enterprise_name_key(value)
            elif f == "zone_id":
                existing.zone_id = value
            else:
                setattr(existing, f, value or None)
            setattr(k, f, value)
        if existing.normalised_name != enterprise_name_key(existing.name):
            existing.normalised_name = enterprise_name_key(existing.name)
        audit.record(session, actor, "enterprise.import", "enterprise", existing.id,
                     f"导入更新企业 {existing.name}", before, _known_dict(k))
    for done, (k, observer_id, values) in enumerate(plan.people, start=1):
        if done % FLUSH_ROWS == 0:
            session.flush()
        if observer_id is None:
            session.add(Observer(name=values["name"], enterprise_id=k.id, title=values["title"] or None,
                                 phone=values["phone"] or None))
        else:
            person = session.get(Observer, observer_id)
            assert person is not None
            for f, value in values.items():
                setattr(person, f, value)
    session.flush()


def _resolve_mapping(session: Session, table_columns: tuple[str, ...], mapping: dict[str, str] | None,
                     mapping_name: str | None) -> tuple[dict[str, str], bool]:
    """The mapping to use, and whether it should be saved under ``mapping_name``."""
    if mapping is not None:
        return check_mapping(mapping, table_columns), True
    if mapping_name:
        stored = _mappings(session).get(mapping_name)
        if stored is None:
            known = "、".join(_mappings(session)) or "（尚无）"
            raise NotFound(msg("没有名为“{mapping_name}”的列对应方案；已保存的方案：{known}", mapping_name=mapping_name, known=known))
        return check_mapping(stored, table_columns), False
    values = settings.read_all(session)
    remembered = _mappings(session).get(values.get(LAST_MAPPING_KEY) or "")
    suggested = suggest_mapping(table_columns, remembered)
    return check_mapping(suggested, table_columns), False


def import_enterprises(db: Database, path: str | Path, mapping: dict[str, str] | None = None,
                       mapping_name: str | None = None, zone_id: int | None = None,
                       dry_run: bool = False,
                       progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Import (or, with ``dry_run``, only check) an enterprise list.

    Args:
        mapping: column heading → field key (``"name"``, ``"credit_code"`` …) or label; None
            uses the mapping saved as ``mapping_name``, or else recognises the headings (and
            reuses the last import's choices when the file has the same columns).
        mapping_name: name to save ``mapping`` under, or of the saved mapping to use. The
            mapping used is remembered as the last one.
        zone_id: zone for rows whose own 园区 cell is blank.
        dry_run: check and report only; nothing is written.
        progress: told (steps done, 4) as the import goes; it may raise to stop, which rolls
            the whole import back (it runs in one transaction).

    Returns:
        The per-row report. Rows refused are listed with the spreadsheet row number.

    Raises:
        ValidationError: the file cannot be read, or the mapping is unusable (nothing written).
        NotFound: ``mapping_name`` names no saved mapping, or ``zone_id`` no zone.
    """
    def step(done: int) -> None:
        if progress is not None:
            progress(done, 4)

    path = Path(path)
    step(0)
    with db.session(write=False) as s:
        stored = _mappings(s)
        last = settings.read_all(s).get(LAST_MAPPING_KEY) or ""
        wanted = set(mapping or stored.get(mapping_name or "") or stored.get(last) or ())
    table = _read_table(path, wanted, fallback=mapping is not None)
    step(1)
    with db.session(write=not dry_run) as s:
        if zone_id is not None and s.get(Zone, zone_id) is None:
            raise NotFound(msg("找不到编号为 {zone_id} 的开发区", zone_id=zone_id))
        used, save = _resolve_mapping(s, table.columns, mapping, mapping_name)
        plan, outcomes, warnings = _plan_rows(table, used, zone_id, _snapshot(s))
        counts = {a: sum(1 for o in outcomes if o.action == a) for a in _ACTION_ZH}
        report = ImportReport(
            file=path.name, sheet=table.sheet, header_row=table.header_row, mapping=used,
            dry_run=dry_run, rows_total=len(outcomes), created=counts["created"],
            updated=counts["updated"], unchanged=counts["unchanged"],
            rejected=tuple((o.row, o.detail) for o in outcomes if o.action == "rejected"),
            warnings=tuple(warnings), outcomes=tuple(outcomes),
        )
        step(2)
        if dry_run:
            return report
        _apply_plan(s, db.actor, plan)
        step(3)
        if mapping is not None or mapping_name:
            name = mapping_name or LAST_USED
            if save:
                stored = _mappings(s)
                stored[name] = used
                _store_setting(s, db.actor, MAPPINGS_KEY, stored)
            _store_setting(s, db.actor, LAST_MAPPING_KEY, name)
        audit.record(s, db.actor, "enterprise.import_file", "enterprise", None, report.summary(), None,
                     {"file": path.name, "created": report.created, "updated": report.updated,
                      "unchanged": report.unchanged, "rejected": [list(r) for r in report.rejected]})
        return report


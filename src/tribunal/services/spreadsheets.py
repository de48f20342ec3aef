"""Writing spreadsheet cells safely: text stays text, numbers stay numbers, formulas only when ours.

A spreadsheet program runs a cell that starts with ``=`` (and, on import from CSV, ``+``,
``-`` or ``@``) as a formula: an enterprise name typed or imported as
``=HYPERLINK("http://…","点击")`` would become a live link, and worse formulas can run
commands in old spreadsheet programs ("CSV/formula injection", OWASP). Every export of the
program writes its cells through :func:`set_cell` (openpyxl) or :func:`csv_text` (CSV):

* text from clerks or imports that begins with ``= + - @`` (or a tab or carriage return, or
  their full-width forms) is stored as a text cell with Excel's quote prefix, so it shows
  exactly as typed and stays text even when the cell is edited;
* ``int``/``float``/``Decimal``/dates stay what they are;
* the program's own formulas are wrapped in :class:`Formula` and only those are formulas.
"""

from __future__ import annotations

from typing import Any

#: Characters that make a spreadsheet program read a cell as a formula or a command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


class Formula(str):
    """A formula the program itself writes (a total, a count): the only kind written as a formula."""

    __slots__ = ()

    def __new__(cls, text: str) -> Formula:
        if not text.startswith("="):
            raise ValueError(f"a formula starts with '=': {text!r}")
        return super().__new__(cls, text)


def looks_like_formula(value: Any) -> bool:
    """Whether a text would be read as a formula by a spreadsheet program."""
    return isinstance(value, str) and not isinstance(value, Formula) and value.startswith(FORMULA_STARTS)


def set_cell(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write one value into an openpyxl worksheet by the rules above; returns the cell."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Formula):
        cell.value = str(value)
        return cell
    cell.value = value
    if isinstance(value, str) and (looks_like_formula(value) or cell.data_type == "f"):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def append_row(sheet: Any, values: list[Any] | tuple[Any, ...]) -> int:
    """Append a row of values to an openpyxl worksheet safely; returns the row number."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        set_cell(sheet, row, column, value)
    return row


def csv_text(value: Any) -> str:
    """A value for a CSV cell: text that would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, Formula):
        return str(value)
    text = str(value)
    return "'" + text if looks_like_formula(value) else text

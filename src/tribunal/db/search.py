"""Substring search in SQL: ``LIKE '%word%'`` with the clerk's own ``%`` and ``_`` taken literally."""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

#: The escape character of every pattern built here (SQLite has no default one).
LIKE_ESCAPE: Final = "\\"


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards (``%``, ``_``) and the escape character itself escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: InstrumentedAttribute[Any] | ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """``column LIKE '%text%'``, with ``text`` matched literally (a typed 100% is not a wildcard).

    Case follows the database's LIKE: ASCII letters ignore case on SQLite, not on PostgreSQL;
    callers fold what they compare (credit codes upper-case, names normalised).
    """
    return column.like(f"%{escape_like(text)}%", escape=LIKE_ESCAPE)


def starts_with(column: InstrumentedAttribute[Any] | ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """``column LIKE 'text%'``, with ``text`` matched literally."""
    return column.like(f"{escape_like(text)}%", escape=LIKE_ESCAPE)

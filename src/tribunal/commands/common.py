"""Helpers every subcommand shares: opening the database, JSON output, parsing enums and dates."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from tribunal.errors import TribunalError

T = TypeVar("T")


def open_db(args: argparse.Namespace) -> Any:
    """Open the database named by ``--db`` (or the default), migrated, as ``--user``."""
    from tribunal.services.app import open_database

    return open_database(args.db, actor=args.user)


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (dates as ISO strings)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def enum_arg(enum_cls: Any, text: str | None, what: str) -> Any:
    """Find an enum member by value or label, or raise a clerk-readable error listing the choices."""
    if text is None:
        return None
    try:
        return enum_cls.from_label(text)
    except ValueError:
        choices = "、".join(m.label_zh for m in enum_cls)
        raise TribunalError(f"未知的{what}“{text}”；可选：{choices}") from None


def _argument(parse: Callable[[str], T], text: str) -> T:
    """Run a domain parser as an ``argparse`` type: its refusal becomes a usage error (exit 2)."""
    from tribunal.domain.inputs import InputError

    try:
        return parse(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_arg(text: str) -> dt.date:
    """``argparse`` type for dates written exactly YYYY-MM-DD, 1900–2099."""
    from tribunal.domain.inputs import parse_date

    return _argument(parse_date, text)


def positive_int(text: str) -> int:
    """``argparse`` type for counts (``--limit``, ``--cases``): ASCII digits, 0 to one million."""
    from tribunal.domain.inputs import parse_count

    return _argument(parse_count, text)


def record_id(text: str) -> int:
    """``argparse`` type for a record's id (开庭编号, 文书编号…): 1 to 2^31-1, ASCII digits."""
    from tribunal.domain.inputs import parse_record_id

    return _argument(parse_record_id, text)


def year_arg(text: str) -> int:
    """``argparse`` type for a year, 1900–2099."""
    from tribunal.domain.inputs import parse_year

    return _argument(parse_year, text)

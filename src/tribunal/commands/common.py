"""Helpers every subcommand shares: opening the database, JSON output, parsing enums and dates."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from tribunal.errors import TribunalError


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


def date_arg(text: str) -> dt.date:
    """``argparse`` type for YYYY-MM-DD dates with a Chinese complaint."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD（如 2026-03-09）：{text}") from None


def positive_int(text: str) -> int:
    """``argparse`` type for non-negative integers."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数：{text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数：{text}")
    return value

"""Typed errors that every layer raises and the GUI and command line show to the clerk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from tribunal.texts import joined, msg


class TribunalError(Exception):
    """Base of the program's own errors; ``str(error)`` is a message a clerk can act on.

    Messages and field reasons are Chinese, made with ``tribunal.texts.msg`` so that the GUI
    can show them in English too (tests/unit/test_texts.py refuses a bare Chinese literal).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(TribunalError):
    """Input was refused. ``fields`` maps a field name to the reason shown beside that field."""

    def __init__(self, message: str, fields: Mapping[str, str] | None = None) -> None:
        self.fields = dict(fields or {})
        if fields and not message:
            message = joined(self.fields.values())
        super().__init__(message)

    @classmethod
    def raise_if(cls, fields: Mapping[str, str], subject: str) -> None:
        """Refuse the input when any field has a problem, naming every problem in one message.

        Args:
            fields: field name → reason, as collected by a form's checks (empty: all well).
            subject: what was being saved, e.g. ``案件信息``; the message reads
                ``案件信息有误，未保存：申请日期不能晚于今天；……``.

        Raises:
            ValidationError: ``fields`` is not empty.
        """
        if fields:
            raise cls(msg("{subject}有误，未保存：{reasons}", subject=subject,
                          reasons=joined(fields.values())), fields)


class ConflictError(TribunalError):
    """The change clashes with something already recorded (a booking, a newer edit)."""


class NotFound(TribunalError):
    """The record asked for does not exist (any more)."""


class DatabaseError(TribunalError):
    """The database cannot be opened or used: missing folder, not a database, server down."""


class DatabaseHeld(DatabaseError):
    """The database is held for a moment (a backup is being restored into it); try again shortly.

    A window that reads while it is held shows what it has and reads again afterwards.
    """


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of the program and is left untouched."""


class StaleEditError(ConflictError):
    """A save based on an older version of a record: somebody saved it in between.

    ``changes`` lists what was saved since the editor loaded the record, newest last, as
    ``(when, who, what, fields)`` where ``fields`` names the fields that changed — enough for
    the GUI to show "王书记员 changed the respondent's address at 10:42" and offer to reload.
    ``current_version`` is the version to load again. ``details`` runs parallel to
    ``changes``: for each change, ``(field, before, after)`` with the values as the audit trail
    keeps them (ID and phone numbers masked), fields inside lists named by their path
    (``parties.1.phone``); :mod:`tribunal.services.field_labels` names and shows them.
    ``records`` holds, for each change, the stored value those paths point into (to name a
    party by its role).
    """

    def __init__(self, message: str, *, entity: str, entity_id: int, expected_version: int,
                 current_version: int, changes: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (),
                 details: tuple[tuple[tuple[str, object, object], ...], ...] = (),
                 records: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.changes = changes
        self.details = details
        self.records = records


class MissingParameter(ValidationError):
    """A dated figure a calculation needs (a wage, a provincial table entry) is not entered.

    The program never guesses such a figure: the message names which figure is missing for
    which area and date, so that the clerk can enter it (工资参数) with its source.
    ``kind`` is the figure's key (``minimum_wage``…), ``label`` its Chinese name.
    """

    def __init__(self, kind: str, label: object, area: str, on_date: dt.date, grade: int | None = None) -> None:
        self.kind = kind
        # ``label`` may be the figure's enum member: the English screen then names it in English.
        self.label = str(getattr(label, "label_zh", label))
        self.area = area
        self.on_date = on_date
        self.grade = grade
        what = (msg("{grade}级伤残的{label}", grade=grade, label=label) if grade is not None
                else label)
        where = area or msg("（未填写地区）")
        super().__init__(
            msg("缺少参数：{where}在 {on_date:%Y-%m-%d} 适用的{what}尚未录入。"
                "请在“工具 → 请求金额计算器 → 工资参数”中（命令行：tribunal calc params add）"
                "按官方公布的文件录入并注明来源，再重新计算。",
                where=where, on_date=on_date, what=what),
            {kind: msg("缺少{where}{on_date:%Y-%m-%d}的{what}", where=where, on_date=on_date, what=what)},
        )
class StorageError(TribunalError):
    """A file of this computer (its settings file) cannot be read or written."""

"""Typed errors that every layer raises and the GUI and command line show to the clerk."""

from __future__ import annotations

from collections.abc import Mapping


class TribunalError(Exception):
    """Base of the program's own errors; ``str(error)`` is a message a clerk can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(TribunalError):
    """Input was refused. ``fields`` maps a field name to the reason shown beside that field."""

    def __init__(self, message: str, fields: Mapping[str, str] | None = None) -> None:
        self.fields = dict(fields or {})
        if fields and not message:
            message = "；".join(self.fields.values())
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
            raise cls(f"{subject}有误，未保存：" + "；".join(fields.values()), fields)


class ConflictError(TribunalError):
    """The change clashes with something already recorded (a booking, a newer edit)."""


class NotFound(TribunalError):
    """The record asked for does not exist (any more)."""


class DatabaseError(TribunalError):
    """The database cannot be opened or used: missing folder, not a database, server down."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of the program and is left untouched."""


class StorageError(TribunalError):
    """A file of this computer (its settings file) cannot be read or written."""

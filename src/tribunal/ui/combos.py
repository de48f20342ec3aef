"""Choosing enum members in a QComboBox (Qt hands string enums back as plain strings)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox, QLineEdit

from tribunal.domain.enums import LabelledEnum
from tribunal.ui import lang

E = TypeVar("E", bound=LabelledEnum)


def add_members(combo: QComboBox, members: Iterable[LabelledEnum]) -> None:
    """Add one entry per member, labelled in the interface language, its value as data."""
    for member in members:
        combo.addItem(lang.label(member), member.value)


def member(enum: type[E], value: Any) -> E | None:
    """The member of ``enum`` whose value is ``value`` (a stored or Qt-returned string), or None."""
    try:
        return enum(value)
    except ValueError:
        return None


def current_member(combo: QComboBox, enum: type[E]) -> E | None:
    """The member chosen (None for an entry whose data is None or not a member)."""
    value = combo.currentData()
    return None if value is None else member(enum, value)


def line_edit(combo: QComboBox) -> QLineEdit:
    """The text field of an editable combo box (made editable first)."""
    field = combo.lineEdit()
    if field is None:
        raise TypeError("line_edit() needs an editable combo box: call setEditable(True) first")
    return field


def select_data(combo: QComboBox, value: Any) -> bool:
    """Choose the entry whose data is ``value`` (an enum member or plain value)."""
    if isinstance(value, LabelledEnum):
        value = value.value
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0

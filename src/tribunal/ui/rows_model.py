"""A table model over a list of plain rows (the services' frozen dataclasses), described by columns.

The outreach screens (企业, 旁听人员, 签到, 培训) show many small lists: the enterprise
directory, invitations, the call list, training sessions, an import report. Each is one
:class:`RowsModel` with its own column definitions instead of a hand-written model per list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex

#: The whole row object, for any column.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's key (usually its id), for any column.
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

MUTED_COLOUR = QColor("#5f6368")
WARNING_COLOUR = QColor("#8a5300")
ERROR_COLOUR = QColor("#b3261e")
GOOD_COLOUR = QColor("#1e6b34")


@dataclass(frozen=True)
class Column:
    """One column: its heading (English source text, translated in the model's context) and
    how a row gives its text, tooltip and colour."""

    header: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str | None] | None = None
    foreground: Callable[[Any], QColor | None] | None = None
    align_right: bool = False


def _key_of_id(row: Any) -> Hashable:
    return row.id


class RowsModel(QAbstractTableModel):
    """Rows of plain data shown through :class:`Column` definitions.

    Rows are replaced as a whole (:meth:`set_rows`) or one at a time (:meth:`update_row`, which
    repaints just that line).
    """

    def __init__(self, context: str, columns: Sequence[Column], *,
                 key: Callable[[Any], Hashable] = _key_of_id, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._columns = tuple(columns)
        self._key = key
        self._rows: list[Any] = []
        self._positions: dict[Hashable, int] | None = None

    # ------------------------------------------------------------------ contents

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Show these rows, in this order."""
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = None
        self.endResetModel()

    def rows(self) -> list[Any]:
        """The rows shown, in order."""
        return list(self._rows)

    def row(self, number: int) -> Any | None:
        """The row object on line ``number``, or None when out of range."""
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def key(self, number: int) -> Hashable | None:
        """The key of the row on line ``number``, or None."""
        found = self.row(number)
        return None if found is None else self._key(found)

    def row_of(self, key: Hashable) -> int | None:
        """The line showing the row with ``key``, or None."""
        if self._positions is None:
            self._positions = {self._key(r): i for i, r in enumerate(self._rows)}
        return self._positions.get(key)

    def update_row(self, new: Any) -> bool:
        """Replace the row with the same key as ``new`` and repaint just that line.

        Returns:
            True when the row was in the list.
        """
        number = self.row_of(self._key(new))
        if number is None:
            return False
        self._rows[number] = new
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self._columns) - 1))
        return True

    def column_header(self, column: int) -> str:
        """The translated heading of ``column``."""
        return QCoreApplication.translate(self._context, self._columns[column].header)

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_header(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return self._key(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.foreground(row) if column.foreground else None
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None



# ---------------------------------------------------------------------- the view


class ListView(QTableView):
    """A table that, while it has no rows, says what to do next in its empty space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = ""

    def set_empty_text(self, text: str) -> None:
        """What the empty list says (e.g. "No hearings yet: schedule one with 排期开庭")."""
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        """The text shown while the list is empty ("" when none is set)."""
        return self._empty_text

    def is_showing_empty_text(self) -> bool:
        """Whether the list is empty and says so."""
        model = self.model()
        return bool(self._empty_text) and (model is None or model.rowCount() == 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.is_showing_empty_text():
            return
        painter = QPainter(self.viewport())
        painter.setPen(MUTED_COLOUR)
        area = self.viewport().rect().adjusted(16, 12, -16, -12)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                   | Qt.TextFlag.TextWordWrap), self._empty_text)
        painter.end()


def set_empty_text(view: QTableView, text: str) -> None:
    """Give a list made by :func:`make_table` (or any :class:`ListView`) its empty-list text."""
    if isinstance(view, ListView):
        view.set_empty_text(text)


def make_table(model: RowsModel, parent: QWidget | None = None, *,
               multi_select: bool = False, empty_text: str = "") -> ListView:
    """The table view these lists use: whole rows selected, no row numbers, no word wrap.

    ``empty_text`` is shown in the list while it has no rows: what to do next.
    """
    view = ListView(parent)
    view.set_empty_text(empty_text)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view


def set_column_widths(view: QTableView, samples: Mapping[int, str]) -> None:
    """Make each column wide enough for its heading and a typical value (``samples``)."""
    metrics = view.fontMetrics()
    model = view.model()
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
        view.setColumnWidth(column, width + 28)


def stretch_column(view: QTableView, column: int) -> None:
    """Give ``column`` the spare width instead of the last column (when the last holds a figure)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def selected_rows(view: QTableView) -> list[Any]:
    """The row objects selected in ``view`` (a :class:`RowsModel`), in list order."""
    model = view.model()
    numbers = sorted(index.row() for index in view.selectionModel().selectedRows())
    return [model.data(model.index(n, 0), ROW_ROLE) for n in numbers]


def select_key(view: QTableView, key: Hashable) -> bool:
    """Select and scroll to the row whose key (usually its id) is ``key``; False when not listed."""
    model = view.model()
    if not isinstance(model, RowsModel):
        raise TypeError(f"select_key needs a view of a RowsModel, not {type(model).__name__}")
    number = model.row_of(key)
    if number is None:
        return False
    view.clearSelection()
    view.selectRow(number)
    view.scrollTo(model.index(number, 0))
    return True


def when_text(moment: dt.datetime | None) -> str:
    """A date and time as lists show it (2026-12-08 09:30); "" when there is none."""
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


def time_text(moment: dt.datetime | None) -> str:
    """The time of day (09:30); "" when there is none."""
    return f"{moment:%H:%M}" if moment else ""

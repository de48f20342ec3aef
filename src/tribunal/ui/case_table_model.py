"""The case list's table model (案件列表): holds only case ids and fetches rows block by block."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from tribunal.domain.enums import CaseStatus
from tribunal.domain.money import format_yuan
from tribunal.errors import DatabaseHeld, TribunalError
from tribunal.services import cases as case_service
from tribunal.services.app import Database
from tribunal.services.cases import CaseRow
from tribunal.ui import lang
from tribunal.ui.lang import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

COL_NUMBER = 0
COL_APPLICANTS = 1
COL_RESPONDENTS = 2
COL_TYPE = 3
COL_STATUS = 4
COL_DEADLINE = 5
COL_RECEIVED = 6
COL_ACCEPTED = 7
COL_CLAIM_TOTAL = 8
COLUMN_COUNT = 9

#: The case id of a row (int), for any column.
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole :class:`CaseRow` of a row (or None if the case has gone), for any column.
CASE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

#: Rows fetched from the service at a time.
BLOCK_SIZE = 200
#: Blocks kept in memory; the least recently used are dropped beyond this.
MAX_CACHED_BLOCKS = 100

_HEADERS = (
    QT_TRANSLATE_NOOP("CaseTableModel", "Case number"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Applicant"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Respondent"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Type of dispute"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Next deadline"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Received"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Accepted"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Amount claimed (yuan)"),
)

#: The next deadline's state: a word (never colour alone) and a colour.
DEADLINE_STATES = {
    "on_time": (QT_TRANSLATE_NOOP("CaseTableModel", "on time"), QColor("#1e6b34")),
    "due_soon": (QT_TRANSLATE_NOOP("CaseTableModel", "due soon"), QColor("#8a5300")),
    "overdue": (QT_TRANSLATE_NOOP("CaseTableModel", "overdue"), QColor("#b3261e")),
}
#: The deadlines a case's next one can be (``clocks.NEXT_DUE_KINDS``), as the list names them
#: (short: 审限届满, as clerks say; the 期限 tab gives the full names and their basis).
DEADLINE_NAMES = {
    "accept_by": QT_TRANSLATE_NOOP("CaseTableModel", "Decision on acceptance"),
    "serve_application_by": QT_TRANSLATE_NOOP("CaseTableModel", "Serve the application copy"),
    "composition_notice_by": QT_TRANSLATE_NOOP("CaseTableModel", "Notify the tribunal's composition"),
    "defence_due": QT_TRANSLATE_NOOP("CaseTableModel", "Defence period ends"),
    "postpone_request_by": QT_TRANSLATE_NOOP("CaseTableModel", "Last day to ask for postponement"),
    "award_due": QT_TRANSLATE_NOOP("CaseTableModel", "Time limit for the award"),
    "award_due_extended": QT_TRANSLATE_NOOP("CaseTableModel", "Extended time limit for the award"),
}

_CLOSED_COLOUR = QColor("#5f6368")
_SUSPENDED_COLOUR = QColor("#8a5300")
_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """Rows of the case register over a list of case ids.

    Only the ids of the matching cases are held (``services.cases.search_case_ids``); the rows
    themselves are fetched from ``services.cases.case_rows`` in blocks of :data:`BLOCK_SIZE`
    when the view first asks for them, and cached. A list of 100,000 cases therefore opens at
    once and costs one small query per screenful scrolled.

    Signals:
        load_failed(str): a block could not be read from the database; the message says why.
    """

    load_failed = Signal(str)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, list[CaseRow | None]] = OrderedDict()
        self._positions: dict[int, int] | None = None

    # ------------------------------------------------------------------ contents

    def set_ids(self, ids: list[int], first: list[CaseRow] | None = None) -> None:
        """Show the cases with these ids, in this order (drops every cached row).

        Args:
            first: the rows of the first ids, already read (off the GUI thread).
        """
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self._positions = None
        if first is not None:
            by_id = {r.id: r for r in first}
            for block in range(len(first) // BLOCK_SIZE):
                self._blocks[block] = [by_id.get(cid) for cid in ids[block * BLOCK_SIZE:(block + 1) * BLOCK_SIZE]]
            rest = len(first) // BLOCK_SIZE
            if len(first) == len(ids) and len(ids) % BLOCK_SIZE:
                self._blocks[rest] = [by_id.get(cid) for cid in ids[rest * BLOCK_SIZE:]]
        self.endResetModel()

    def ids(self) -> list[int]:
        """The ids shown, in order."""
        return list(self._ids)

    def case_id(self, row: int) -> int | None:
        """The id of the case on ``row``, or None when out of range."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def case_row(self, row: int) -> CaseRow | None:
        """The list row of the case on ``row`` (fetched if needed), or None."""
        if not 0 <= row < len(self._ids):
            return None
        return self._row(row)

    def row_of(self, case_id: int) -> int | None:
        """The row showing ``case_id``, or None when it is not in the list."""
        if self._positions is None:
            self._positions = {cid: i for i, cid in enumerate(self._ids)}
        return self._positions.get(case_id)

    def refresh_case(self, case_id: int) -> bool:
        """Re-read one case after it was saved and repaint just its row.

        Returns:
            True when the case is in the list (and was refreshed).
        """
        row = self.row_of(case_id)
        if row is None:
            return False
        block = row // BLOCK_SIZE
        if block in self._blocks:
            try:
                found = case_service.case_rows(self._db, [case_id])
            except TribunalError as exc:
                self.load_failed.emit(lang.text(exc.message))
                return True
            self._blocks[block][row - block * BLOCK_SIZE] = found[0] if found else None
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    @staticmethod
    def deadline_name(kind: str) -> str:
        """The list's name of a deadline kind, in the interface language."""
        name = DEADLINE_NAMES.get(kind)
        return QCoreApplication.translate("CaseTableModel", name) if name else kind

    @staticmethod
    def longest_state(metrics: Any) -> str:
        """The widest state word in ``metrics`` (for the column's default width)."""
        words = [QCoreApplication.translate("CaseTableModel", word) for word, _colour in DEADLINE_STATES.values()]
        return max(words, key=metrics.horizontalAdvance)

    def loaded_blocks(self) -> list[int]:
        """Numbers of the blocks held in memory (for tests and diagnostics)."""
        return sorted(self._blocks)

    def _row(self, row: int) -> CaseRow | None:
        block = row // BLOCK_SIZE
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._fetch_block(block)
        else:
            self._blocks.move_to_end(block)
        return rows[row - block * BLOCK_SIZE]

    def _fetch_block(self, block: int) -> list[CaseRow | None]:
        start = block * BLOCK_SIZE
        ids = self._ids[start:start + BLOCK_SIZE]
        try:
            found = {r.id: r for r in case_service.case_rows(self._db, ids)}
        except DatabaseHeld:
            # A backup is being restored: blank for the moment; the page reads again afterwards.
            return [None] * len(ids)
        except TribunalError as exc:
            # Raising inside data() would abort painting; show blank rows and say why once.
            log.warning("case rows %s-%s could not be read: %s", start, start + len(ids), exc)
            self.load_failed.emit(lang.text(exc.message))
            return [None] * len(ids)
        rows: list[CaseRow | None] = [found.get(cid) for cid in ids]
        self._blocks[block] = rows
        while len(self._blocks) > MAX_CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseTableModel", _HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_CLAIM_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CASE_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                        CASE_ROW_ROLE):
            return None
        row = self._row(index.row())
        if role == CASE_ROW_ROLE:
            return row
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_CLAIM_TOTAL:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and column == COL_NUMBER:
                return QCoreApplication.translate("CaseTableModel", "(case no longer exists)")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DEADLINE and row.next_due_state in DEADLINE_STATES:
                return QBrush(DEADLINE_STATES[row.next_due_state][1])
            if row.status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
                return QBrush(_CLOSED_COLOUR)
            if row.status == CaseStatus.SUSPENDED:
                return QBrush(_SUSPENDED_COLOUR)
            return None
        text = _cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_STATUS and row.outcome is not None:
                return f"{lang.label(row.status)}：{lang.label(row.outcome)}"
            # Names can be long: the tooltip shows what a narrow column elides.
            return text if column in (COL_NUMBER, COL_APPLICANTS, COL_RESPONDENTS, COL_TYPE, COL_DEADLINE) else None
        return text


def _cell_text(row: CaseRow, column: int) -> str:
    if column == COL_NUMBER:
        return row.number
    if column == COL_APPLICANTS:
        return row.applicants
    if column == COL_RESPONDENTS:
        return row.respondents
    if column == COL_TYPE:
        return lang.label(row.case_type)
    if column == COL_STATUS:
        return lang.label(row.status)
    if column == COL_RECEIVED:
        return lang.date_text(row.received_date)
    if column == COL_ACCEPTED:
        return lang.date_text(row.accepted_date)
    if column == COL_CLAIM_TOTAL:
        return format_yuan(row.claim_total_fen) if row.claim_total_fen else ""
    if column == COL_DEADLINE:
        return deadline_text(row)
    return ""


def deadline_text(row: CaseRow) -> str:
    """``2026-12-11 受理决定截止日 · 即将到期`` (empty when nothing is due)."""
    if row.next_due_date is None or row.next_due_kind is None:
        return ""
    shown = CaseTableModel.deadline_name(row.next_due_kind) if row.next_due_kind in DEADLINE_NAMES \
        else row.next_due_label
    state = DEADLINE_STATES.get(row.next_due_state or "")
    marker = f" · {QCoreApplication.translate('CaseTableModel', state[0])}" if state else ""
    return f"{lang.date_text(row.next_due_date)} {shown}{marker}"

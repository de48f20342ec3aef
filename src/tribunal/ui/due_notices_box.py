"""The dashboard's list of notices due today (今日待发通知书), with one button to print them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tribunal.errors import TribunalError
from tribunal.services import notices
from tribunal.services.app import Database
from tribunal.services.documents import PackResult
from tribunal.services.notices import DueNotice
from tribunal.ui import document_actions, lang, ops
from tribunal.ui.clock_widgets import state_colour, state_text
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import Column, RowsModel, make_table, set_column_widths

__all__ = ["DueNoticesBox"]

_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DueNoticesBox", "Due"), lambda r: r.due.isoformat()),
    Column(QT_TRANSLATE_NOOP("DueNoticesBox", "State"), lambda r: state_text(r.state),
           foreground=lambda r: state_colour(r.state)),
    Column(QT_TRANSLATE_NOOP("DueNoticesBox", "Case number"), lambda r: r.case_number,
           tooltip=lambda r: r.parties),
    Column(QT_TRANSLATE_NOOP("DueNoticesBox", "Notice"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("DueNoticesBox", "Remark"), lambda r: r.blocker or r.note,
           tooltip=lambda r: (r.blocker or r.note) or None),
)


class DueNoticesBox(QGroupBox):
    """Notices the clocks say are due (受理决定, 应诉通知书, 组庭通知…), overdue first.

    Signals:
        case_opened(int): a row was activated (its case id).
        printed(object): the :class:`PackResult` of "print all".
    """

    case_opened = Signal(int)
    printed = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.today: Callable[[], dt.date] = dt.date.today
        self.rows: list[DueNotice] = []
        self.model = RowsModel("DueNoticesBox", _COLUMNS, key=lambda r: (r.case_id, r.kind), parent=self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {0: "2026-11-29", 1: "即将到期", 2: "邵劳人仲案字〔2026〕第24号",
                                      3: "仲裁庭组成通知书"})
        self.view.setToolTip(self.tr("Double-click or press Enter to open the case"))
        self.view.activated.connect(self._activated)
        self.print_button = QPushButton(self.tr("Print all with proofs of service"))
        self.print_button.setToolTip(self.tr("One PDF: each notice due, to every addressee not yet served, "
                                             "each followed by its proof of service"))
        self.print_button.clicked.connect(self.print_all)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("feedback", "hint")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._set_title()

    def _set_title(self, count: int | None = None) -> None:
        if count is None:
            self.setTitle(self.tr("Notices due"))
        else:
            self.setTitle(self.tr("Notices due ({count})").format(count=count))

    def refresh(self) -> None:
        """Work the list out again in the background."""
        db, day = self._db, self.today()
        self._set_title()
        ops.run_read(self, lambda: notices.due_notices(db, day), self.show_rows, on_failed=self._failed,
                     key=f"due-notices-{id(self)}")

    def show_rows(self, rows: list[DueNotice]) -> None:
        self.rows = list(rows)
        self.model.set_rows(self.rows)
        self._set_title(len(self.rows))
        printable = sum(1 for r in self.rows if r.printable)
        self.print_button.setEnabled(printable > 0)
        self.status.setText(self.tr("Nothing due today.") if not self.rows else "")

    def _failed(self, error: TribunalError) -> None:
        self.status.setText(lang.text(error.message))

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.case_opened.emit(row.case_id)

    def print_all(self) -> ops.Op[PackResult]:
        """Make every printable notice due with its receipts as one PDF (off the GUI thread), and show it.

        Returns:
            The running op; its ``finished`` signal carries the :class:`PackResult`.
        """
        db, day = self._db, self.today()
        return document_actions.make_documents(
            self, lambda progress: notices.print_due(db, day, progress=progress.step),
            QCoreApplication.translate("DueNoticesBox", "Making the notices due…"),
            QCoreApplication.translate("DueNoticesBox", "The notices due are ready"),
            on_done=self.printed.emit)

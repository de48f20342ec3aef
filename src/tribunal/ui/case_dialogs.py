"""Small dialogs of the case list: closing a case (结案) and undoing a closing (撤销结案)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseOutcome
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services.app import Database
from tribunal.services.cases import CaseDetail
from tribunal.ui import msgbox
from tribunal.ui.combos import add_members, current_member
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors


def make_date_edit(day: dt.date | None = None) -> QDateEdit:
    """A date field with a calendar drop-down, written 2026-11-29."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day or dt.date.today()))
    return edit


def to_date(edit: QDateEdit) -> dt.date:
    """The date shown by a date field."""
    shown = edit.date()
    return dt.date(shown.year(), shown.month(), shown.day())


def _button_box(ok_text: str, cancel_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    return buttons


class CloseCaseDialog(QDialog):
    """结案: choose the outcome, the closing date and a note, then close the case."""

    def __init__(self, db: Database, case_id: int, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self.result_case: CaseDetail | None = None
        self.setWindowTitle(self.tr("Close case {number}").format(number=number))
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(460)

        self.outcome = QComboBox()
        add_members(self.outcome, CaseOutcome)
        self.closed_date = make_date_edit()
        self.closed_date.setMaximumDate(QDate.currentDate())
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("For example: the parties settled at the hearing"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self._feedback = {
            "outcome": FieldFeedback(self.outcome),
            "closed_date": FieldFeedback(self.closed_date),
            "note": FieldFeedback(self.note),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Outcome"), self._feedback["outcome"].container)
        form.addRow(self.tr("Date closed"), self._feedback["closed_date"].container)
        form.addRow(self.tr("Note"), self._feedback["note"].container)

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = _button_box(self.tr("Close the case"), self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Once closed, the case can no longer be edited unless the "
                               "closing is undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def feedback(self, key: str) -> FieldFeedback:
        """The message line of one field ("outcome", "closed_date", "note")."""
        return self._feedback[key]

    def save(self) -> bool:
        """Close the case; on a refusal show the reason beside the field and stay open."""
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        try:
            self.result_case = case_service.close_case(
                self._db, self._case_id, current_member(self.outcome, CaseOutcome) or CaseOutcome.MEDIATED, to_date(self.closed_date),
                self.note.toPlainText(),
            )
        except ValidationError as exc:
            # The service's message is the full sentence; its per-field reason is terse.
            placed = place_errors(self._feedback, exc, whole_message_if_single=True)
            if not placed:
                self.summary.setText(exc.message)
                self.summary.show()
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, case_id: int, number: str) -> CaseDetail | None:
        """Show the dialog; the closed case, or None if the clerk cancelled."""
        dialog = cls(db, case_id, number, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_case
            return None
        finally:
            dialog.deleteLater()


class ReopenCaseDialog(QDialog):
    """撤销结案: a closing recorded by mistake is undone; the reason is required and audited."""

    def __init__(self, db: Database, case_id: int, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self.result_case: CaseDetail | None = None
        self.setWindowTitle(self.tr("Undo closing of {number}").format(number=number))
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(460)

        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("For example: closed by mistake, the hearing "
                                               "has not taken place"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.reason_feedback = FieldFeedback(self.reason)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Reason"), self.reason_feedback.container)
        intro = QLabel(self.tr("The case becomes open again. The reason is kept in the case's "
                               "history."))
        intro.setWordWrap(True)
        self.buttons = _button_box(self.tr("Undo closing"), self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)

    def save(self) -> bool:
        """Reopen the case; an empty reason is refused beside the field."""
        self.reason_feedback.clear()
        if not self.reason.toPlainText().strip():
            self.reason_feedback.show_error(self.tr("Please give the reason for undoing the closing"))
            self.reason.setFocus()
            return False
        try:
            self.result_case = case_service.reopen_case(self._db, self._case_id,
                                                        self.reason.toPlainText())
        except ValidationError as exc:
            self.reason_feedback.show_error(exc.message)
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, case_id: int, number: str) -> CaseDetail | None:
        """Show the dialog; the reopened case, or None if the clerk cancelled."""
        dialog = cls(db, case_id, number, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_case
            return None
        finally:
            dialog.deleteLater()

"""Small dialogs of the case list: closing a case (结案) and undoing a closing (撤销结案)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseOutcome, CaseResult
from tribunal.domain.money import format_yuan, parse_yuan
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services.app import Database
from tribunal.services.cases import CaseDetail, ClosingDefaults
from tribunal.texts import reason_of
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.combos import add_members, current_member, select_data
from tribunal.ui.dates import DateField, qdate
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors


def make_date_edit(day: dt.date | None = None) -> DateField:
    """A date field that reads what is typed ("2027-1-1", "2027年1月1日") and has a calendar."""
    return DateField(day or dt.date.today())


def to_date(edit: DateField) -> dt.date:
    """The date shown by a date field."""
    return edit.value()


def _button_box(ok_text: str, cancel_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    return buttons


class CloseCaseDialog(QDialog):
    """结案: outcome, date, what the closing decided (处理结果, amount, 当庭调解) and a note.

    With ``correcting`` the case is already closed: the outcome and the date stay as they are
    and the clerk corrects only the result, the amount and 当庭调解.
    """

    def __init__(self, db: Database, case_id: int, number: str, parent: QWidget | None = None, *,
                 correcting: bool = False) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self._correcting = correcting
        self._on_site_touched = False
        self._proposing = False
        self.result_case: CaseDetail | None = None
        self.setWindowTitle((self.tr("Correct closing of {number}") if correcting
                             else self.tr("Close case {number}")).format(number=number))
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(500)

        self.outcome = QComboBox()
        add_members(self.outcome, CaseOutcome)
        self.closed_date = make_date_edit()
        self.closed_date.setMaximumDate(QDate.currentDate())
        self.result_choice = QComboBox()
        self.result_choice.addItem(self.tr("(not recorded)"), None)
        add_members(self.result_choice, CaseResult)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount agreed or awarded, in yuan"))
        self.on_site = QCheckBox(self.tr("Mediated at the hearing on site (当庭调解)"))
        self.on_site_hint = QLabel()
        self.on_site_hint.setWordWrap(True)
        self.on_site_hint.setProperty("feedback", "hint")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("For example: the parties settled at the hearing"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._feedback = {
            "outcome": FieldFeedback(self.outcome),
            "closed_date": FieldFeedback(self.closed_date),
            "result": FieldFeedback(self.result_choice),
            "amount": FieldFeedback(self.amount),
            "on_site": FieldFeedback(self.on_site),
            "note": FieldFeedback(self.note),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Outcome"), self._feedback["outcome"].container)
        form.addRow(self.tr("Date closed"), self._feedback["closed_date"].container)
        form.addRow(self.tr("Result"), self._feedback["result"].container)
        form.addRow(self.tr("Amount (yuan)"), self._feedback["amount"].container)
        form.addRow("", self._feedback["on_site"].container)
        form.addRow("", self.on_site_hint)
        form.addRow(self.tr("Note"), self._feedback["note"].container)

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = _button_box(self.tr("Save correction") if correcting else self.tr("Close the case"),
                                   self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Correct whose claims were upheld, the amount and whether it was mediated on "
                               "the spot. To change the outcome or the date, undo the closing first.")
                       if correcting else
                       self.tr("Once closed, the case can no longer be edited unless the closing is undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.on_site.toggled.connect(self._on_site_clicked)
        self.outcome.currentIndexChanged.connect(self._propose)
        self.closed_date.dateChanged.connect(self._propose)
        #: The case's version when the dialog opened: a closing over somebody's later save is refused.
        self._loaded_version: int | None = None
        # The case is read in the background: its version, and what was recorded when correcting.
        self.loading = ops.FormLoad(self, lambda: case_service.get_case(db, case_id), self._opened,
                                    fields=[self.outcome, self.closed_date, self.result_choice, self.amount,
                                            self.on_site, self.note],
                                    buttons=[self.buttons.buttons()[0]], layout=layout, index=1)
        self.loading.start()

    def _opened(self, case: CaseDetail) -> None:
        self._loaded_version = case.version
        if self._correcting:
            self._load_closed(case)
        else:
            self._propose()

    def reload_record(self) -> None:
        """重新载入: start again from the case as saved now; what was typed here is dropped."""
        self.loading.start(fill=self._reloaded)

    def _reloaded(self, case: CaseDetail) -> None:
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        if not self._correcting:
            self.note.clear()
            self.amount.clear()
            self.result_choice.setCurrentIndex(0)
            self._on_site_touched = False
        self._opened(case)

    def _load_closed(self, case: CaseDetail) -> None:
        select_data(self.outcome, case.outcome)
        if case.closed_date is not None:
            self.closed_date.setDate(qdate(case.closed_date))
        self.outcome.setEnabled(False)
        self.closed_date.setEnabled(False)
        if case.result is not None:
            select_data(self.result_choice, case.result)
        self.amount.setText(format_yuan(case.result_amount_fen) if case.result_amount_fen is not None else "")
        self.on_site.setChecked(case.mediated_on_site)
        self._on_site_touched = True  # what was recorded stands until the clerk changes it
        self.note.setPlainText(case.outcome_note)
        self._fit_to_outcome(case.outcome)

    def _on_site_clicked(self, _checked: bool) -> None:
        if not self._proposing:
            self._on_site_touched = True

    def _fit_to_outcome(self, outcome: CaseOutcome | None) -> None:
        decided = outcome in (CaseOutcome.MEDIATED, CaseOutcome.AWARDED)
        self.amount.setEnabled(decided)
        self.on_site.setEnabled(outcome == CaseOutcome.MEDIATED)
        if not decided:
            self.amount.clear()
        if outcome != CaseOutcome.MEDIATED:
            self.on_site.setChecked(False)

    def _propose(self) -> None:
        """Tick 当庭调解 by the default rule, unless the clerk has set it by hand."""
        outcome = current_member(self.outcome, CaseOutcome)
        self._fit_to_outcome(outcome)
        if outcome is None:
            return
        db, case_id, day = self._db, self._case_id, to_date(self.closed_date)
        ops.run_read(self, lambda: case_service.closing_defaults(db, case_id, outcome, day),
                     lambda defaults: self._proposed(outcome, day, defaults),
                     on_failed=lambda _error: None, key="defaults")  # only a proposal: no message

    def _proposed(self, outcome: CaseOutcome, day: dt.date, defaults: ClosingDefaults) -> None:
        if outcome != current_member(self.outcome, CaseOutcome) or day != to_date(self.closed_date):
            return  # changed meanwhile: the newer proposal follows
        self._proposing = True
        try:
            if not self._on_site_touched and outcome == CaseOutcome.MEDIATED:
                self.on_site.setChecked(defaults.mediated_on_site)
            if outcome == CaseOutcome.AWARDED and not self.amount.text().strip() and defaults.awarded_fen:
                self.amount.setText(format_yuan(defaults.awarded_fen))
        finally:
            self._proposing = False
        days = "、".join(d.isoformat() for d in defaults.on_site_days)
        self.on_site_hint.setText(
            self.tr("Hearings at an enterprise: {days}. Ticked by default when the case is mediated and "
                    "closed on one of those days.").format(days=days) if days
            else self.tr("The case had no hearing at an enterprise."))

    def feedback(self, key: str) -> FieldFeedback:
        """The message line of one field ("outcome", "closed_date", "result", "amount", "on_site", "note")."""
        return self._feedback[key]

    def _amount_fen(self) -> int | None:
        text = self.amount.text().strip()
        if not text:
            return None
        try:
            return parse_yuan(text)
        except ValueError as exc:
            raise ValidationError(reason_of(exc), {"amount": reason_of(exc)}) from None

    def save(self) -> bool:
        """Close (or correct) the case; on a refusal show the reason beside the field and stay open."""
        if not self.loading.ready:
            return False
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        outcome = current_member(self.outcome, CaseOutcome) or CaseOutcome.MEDIATED
        result = current_member(self.result_choice, CaseResult)
        try:
            amount = self._amount_fen()
            on_site = self.on_site.isChecked() if outcome == CaseOutcome.MEDIATED else False
            db, case_id, note, closed = self._db, self._case_id, self.note.toPlainText(), to_date(self.closed_date)
            if self._correcting:
                version = self._loaded_version
                work: Callable[[], CaseDetail] = lambda: case_service.correct_closing(  # noqa: E731
                    db, case_id, result=result, amount_fen=amount, on_site=on_site, note=note,
                    expected_version=version)
            else:
                version = self._loaded_version
                work = lambda: case_service.close_case(  # noqa: E731
                    db, case_id, outcome, closed, note, result=result, amount_fen=amount, on_site=on_site,
                    require_result=True, expected_version=version)
            # On the writer thread; the cases page broadcasts the change (case_saved).
            self.result_case = ops.call(self, work, write=True)
        except ValidationError as exc:
            # The service's message is the full sentence; its per-field reason is terse.
            placed = place_errors(self._feedback, exc, whole_message_if_single=True)
            if not placed:
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
            return False
        except StaleEditError as exc:
            stale_edit.resolve(self, exc, self.reload_record)
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, case_id: int, number: str, *,
            correcting: bool = False) -> CaseDetail | None:
        """Show the dialog; the closed (or corrected) case, or None if the clerk cancelled."""
        dialog = cls(db, case_id, number, parent, correcting=correcting)
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
        self._loaded_version: int | None = None
        self.loading = ops.FormLoad(self, lambda: case_service.get_case(db, case_id), self._opened,
                                    fields=[self.reason], buttons=[self.buttons.buttons()[0]], layout=layout,
                                    index=1)
        self.loading.start()

    def _opened(self, case: CaseDetail) -> None:
        self._loaded_version = case.version

    def reload_record(self) -> None:
        """重新载入: go on from the case as saved now; the reason typed here is dropped."""
        self.loading.start(fill=self._reloaded)

    def _reloaded(self, case: CaseDetail) -> None:
        self._opened(case)
        self.reason_feedback.clear()
        self.reason.clear()

    def save(self) -> bool:
        """Reopen the case; an empty reason is refused beside the field."""
        if not self.loading.ready:
            return False
        self.reason_feedback.clear()
        if not self.reason.toPlainText().strip():
            self.reason_feedback.show_error(self.tr("Please give the reason for undoing the closing"))
            self.reason.setFocus()
            return False
        try:
            db, case_id, reason = self._db, self._case_id, self.reason.toPlainText()
            version = self._loaded_version
            self.result_case = ops.call(self, lambda: case_service.reopen_case(db, case_id, reason,
                                                                               expected_version=version),
                                        write=True)
        except ValidationError as exc:
            self.reason_feedback.show_error(lang.text(exc.message))
            return False
        except StaleEditError as exc:
            stale_edit.resolve(self, exc, self.reload_record)
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

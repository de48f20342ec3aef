"""Review the teaching case (讲义案例) of a hearing's training handout before it is printed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import documents as document_service
from tribunal.services.app import Database
from tribunal.services.documents import TeachingDraft
from tribunal.ui import lang, msgbox, stale_edit
from tribunal.ui.feedback import FORM_STYLE, WARNING_COLOUR, FieldFeedback

__all__ = ["TeachingCaseDialog", "review_before_print"]


class TeachingCaseDialog(QDialog):
    """The account of the day's case that observers read in the training handout.

    It starts as a general text the program builds from the case's type and claims (no
    names, no injury, no exact amount); the clerk reviews and edits it, and saving stores it
    with the hearing. Before a pack is printed, an unreviewed text is shown here first.
    """

    def __init__(self, db: Database, hearing_id: int, parent: QWidget | None = None, *,
                 before_print: bool = False) -> None:
        """Build the dialog.

        Raises:
            NotFound: the hearing is gone.
            DatabaseError: it cannot be read.
        """
        super().__init__(parent)
        self._db = db
        self._hearing_id = hearing_id
        self.draft: TeachingDraft = document_service.teaching_case(db, hearing_id)
        self.saved: TeachingDraft | None = None
        self.setWindowTitle(self.tr("Teaching case of the training handout"))
        self.setStyleSheet(FORM_STYLE)

        heading = QLabel(f"{self.draft.case_number}　{self.draft.caption}")
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        explain = QLabel(self.tr(
            "Observers read this in the training handout. Write it so that nobody can recognise the "
            "people: no names of parties, agents or witnesses, no body part or disability grade, no "
            "exact amount. The text below was generated from the case's type and claims; edit it as "
            "the lesson needs."))
        explain.setWordWrap(True)
        explain.setProperty("feedback", "hint")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.text = QPlainTextEdit(self.draft.text)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.text_feedback = FieldFeedback(self.text)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR};")

        self.default_button = QPushButton(self.tr("Use the generated text"))
        self.default_button.setToolTip(self.tr("Put the text generated from the case's type and claims back "
                                               "into the box"))
        self.save_button = QPushButton(self.tr("Save and print") if before_print else self.tr("Save as reviewed"))
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.default_button.clicked.connect(lambda: self.text.setPlainText(self.draft.default_text))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.text.textChanged.connect(self._typed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.default_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.state)
        layout.addWidget(self.text_feedback.container, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        self._show_state(self.draft)
        self.resize(720, 480)

    def _show_state(self, draft: TeachingDraft) -> None:
        if draft.reviewed and draft.reviewed_at is not None:
            self.state.setText(self.tr("Reviewed by {who} on {when}.").format(
                who=draft.reviewed_by, when=draft.reviewed_at.strftime("%Y-%m-%d %H:%M")))
        else:
            self.state.setText(self.tr("Not reviewed yet: the handout would print the generated text."))
        self.warnings.setText("\n".join(draft.warnings))
        self.warnings.setVisible(bool(draft.warnings))

    def reload_record(self) -> None:
        """Load the teaching case as saved now, dropping what was typed here."""
        try:
            self.draft = document_service.teaching_case(self._db, self._hearing_id)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return
        self.text.setPlainText(self.draft.text)
        self._show_state(self.draft)

    def _typed(self) -> None:
        if self.text_feedback.kind:
            self.text_feedback.clear()

    def save(self) -> bool:
        """Store the text as reviewed; on success close the dialog.

        Returns:
            True when it was saved.
        """
        try:
            self.saved = document_service.save_teaching_case(self._db, self._hearing_id, self.text.toPlainText(),
                                                             expected_version=self.draft.version)
        except StaleEditError as exc:
            # Another clerk saved this teaching case meanwhile: show what they wrote, and let
            # the clerk choose between their text (重新载入) and the typed one (返回修改).
            stale_edit.resolve(self, exc, self.reload_record)
            return False
        except ValidationError as exc:
            self.text_feedback.show_error(lang.text(exc.message))
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, hearing_id: int, *,
            before_print: bool = False) -> TeachingDraft | None:
        """Show the dialog; the saved draft, or None when the clerk cancelled."""
        try:
            dialog = cls(db, hearing_id, parent, before_print=before_print)
        except TribunalError as exc:
            msgbox.show_error(parent, exc)
            return None
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()


def review_before_print(parent: QWidget | None, db: Database, hearing_id: int) -> bool:
    """Before a public hearing's pack is made: have its teaching case reviewed, if it was not.

    Returns:
        True to go on printing (reviewed now or before, or nothing to review), False when the
        clerk cancelled or the hearing could not be read (the clerk was told why).
    """
    try:
        draft = document_service.teaching_case(db, hearing_id)
    except TribunalError as exc:
        msgbox.show_error(parent, exc)
        return False
    if draft.reviewed or not draft.public:
        return True
    return TeachingCaseDialog.ask(parent, db, hearing_id, before_print=True) is not None

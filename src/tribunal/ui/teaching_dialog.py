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
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.feedback import FORM_STYLE, WARNING_COLOUR, FieldFeedback

__all__ = ["TeachingCaseDialog", "review_before_print"]


class TeachingCaseDialog(QDialog):
    """The account of the day's case that observers read in the training handout.

    It starts as a general text the program builds from the case's type and claims (no
    names, no injury, no exact amount); the clerk reviews and edits it, and saving stores it
    with the hearing. Before a pack is printed, an unreviewed text is shown here first.
    """

    def __init__(self, db: Database, hearing_id: int, parent: QWidget | None = None, *,
                 before_print: bool = False, draft: TeachingDraft | None = None) -> None:
        """Build the dialog; the teaching case is read in the background unless ``draft`` is given."""
        super().__init__(parent)
        self._db = db
        self._hearing_id = hearing_id
        self.draft: TeachingDraft | None = None
        self.saved: TeachingDraft | None = None
        self.setWindowTitle(self.tr("Teaching case of the training handout"))
        self.setStyleSheet(FORM_STYLE)

        self.heading = heading = QLabel()
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
        self.text = QPlainTextEdit()
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
        self.default_button.clicked.connect(self._use_default)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

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
        self.loading = ops.FormLoad(self, lambda: document_service.teaching_case(db, hearing_id), self._fill,
                                    fields=[self.text_feedback.container, self.default_button],
                                    buttons=[self.save_button], layout=layout, index=2)
        if draft is None:
            self.loading.start()
        else:
            self.loading.given(draft)  # read already, by the print that asked for the review
        self.text.textChanged.connect(self._typed)
        self.resize(720, 480)

    def _fill(self, draft: TeachingDraft) -> None:
        self.draft = draft
        self.heading.setText(f"{draft.case_number}　{draft.caption}")
        self.text.setPlainText(draft.text)
        self._show_state(draft)

    def _use_default(self) -> None:
        if self.draft is not None:
            self.text.setPlainText(self.draft.default_text)

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
        self.loading.start()

    def _typed(self) -> None:
        if self.text_feedback.kind:
            self.text_feedback.clear()

    def save(self) -> bool:
        """Store the text as reviewed; on success close the dialog.

        Returns:
            True when it was saved.
        """
        if not self.loading.ready or self.draft is None:
            return False
        db, hearing_id, text, version = self._db, self._hearing_id, self.text.toPlainText(), self.draft.version
        try:
            # On the writer thread; the pack made next reads the saved text.
            self.saved = ops.call(self, lambda: document_service.save_teaching_case(
                db, hearing_id, text, expected_version=version), write=True)
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
            before_print: bool = False, draft: TeachingDraft | None = None) -> TeachingDraft | None:
        """Show the dialog; the saved draft, or None when the clerk cancelled."""
        dialog = cls(db, hearing_id, parent, before_print=before_print, draft=draft)
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
        # The print waits for this answer; the window keeps drawing meanwhile.
        draft = ops.call(parent, lambda: document_service.teaching_case(db, hearing_id))
    except TribunalError as exc:
        msgbox.show_error(parent, exc)
        return False
    if draft.reviewed or not draft.public:
        return True
    return TeachingCaseDialog.ask(parent, db, hearing_id, before_print=True, draft=draft) is not None

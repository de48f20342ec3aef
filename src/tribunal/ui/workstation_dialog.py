"""本机设置 at a workstation's first start: the interface language and who works at this computer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import StaffRole
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import reference, settings, workstation
from tribunal.services.app import Database, follow_workstation_clerk
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback


class WorkstationDialog(QDialog):
    """Asks a new workstation for its own settings, which go to this computer's file only.

    The clerk is picked from the commission's clerks or typed; the language is a list.
    Cancelling leaves the file unwritten, so the question comes again at the next start.
    """

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("This computer"))
        self.setStyleSheet(FORM_STYLE)
        values, _problems = settings.workstation_values()
        intro = QLabel(self.tr("This computer has no settings of its own yet. They are kept on this "
                               "computer only; other workstations sharing the database keep theirs."))
        intro.setWordWrap(True)
        self.language = QComboBox()
        for choice in settings.LANGUAGES:
            self.language.addItem(choice.label_zh, choice.value)
        self.language.setCurrentIndex(max(self.language.findData(values["ui.language"]), 0))
        self.clerk = QComboBox()
        self.clerk.setEditable(True)
        self.clerk.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        clerks: list[str] = []
        if db is not None:
            try:
                clerks = [s.name for s in reference.list_staff(db, StaffRole.CLERK)]
            except TribunalError:
                clerks = []  # the names are only a convenience; typing works without them
        self.clerk.addItems(clerks)
        self.clerk.setCurrentText(str(values["clerk.name"] or ""))
        line = self.clerk.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Your name, as the audit trail should show it"))
        self.clerk_feedback = FieldFeedback(self.clerk)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Clerk at this computer"), self.clerk_feedback.container)
        where = QLabel(self.tr("Saved in {path}").format(path=workstation.settings_path()))
        where.setWordWrap(True)
        where.setProperty("feedback", "hint")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(560, self.fontMetrics().horizontalAdvance("中") * 34))

    def save(self) -> bool:
        """Write this computer's settings file; a refused value is shown beside its field."""
        self.clerk_feedback.clear()
        try:
            settings.set_workstation_values({"ui.language": self.language.currentData(),
                                             "clerk.name": self.clerk.currentText()})
        except ValidationError as exc:
            self.clerk_feedback.show_error(exc.fields.get("clerk.name") or exc.message)
            return False
        except TribunalError as exc:
            self.clerk_feedback.show_error(exc.message)
            return False
        if self._db is not None:
            follow_workstation_clerk(self._db)
        self.accept()
        return True

    @staticmethod
    def ask(parent: QWidget | None, db: Database | None) -> bool:
        """Show the dialog; True when this computer's settings were saved."""
        dialog = WorkstationDialog(db, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

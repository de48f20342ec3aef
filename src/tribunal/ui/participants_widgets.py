"""The 其他参与人 tab of a case (witnesses, appraisers, interpreters, others) and its editor.

Such people may not observe the case's hearing (docs/legal-basis.md §5); the invitation checks in
:mod:`tribunal.services.observers` recognise them only once they are recorded here, by ID
number, or by name together with their enterprise or phone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import ParticipantRole
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import enterprises, participants
from tribunal.services.app import Database
from tribunal.services.enterprises import EnterpriseRow
from tribunal.services.participants import ParticipantRow
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.combos import add_members, current_member, line_edit, select_data
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    Column,
    RowsModel,
    make_table,
    select_key,
    selected_rows,
    set_column_widths,
)

_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ParticipantsTab", "Role"), lambda p: lang.label(p.role)),
    Column(QT_TRANSLATE_NOOP("ParticipantsTab", "Name"), lambda p: p.name),
    Column(QT_TRANSLATE_NOOP("ParticipantsTab", "Enterprise"), lambda p: p.enterprise_name,
           tooltip=lambda p: p.enterprise_name or None),
    Column(QT_TRANSLATE_NOOP("ParticipantsTab", "Phone"), lambda p: p.phone_masked),
    Column(QT_TRANSLATE_NOOP("ParticipantsTab", "ID number"), lambda p: p.id_number_masked),
    Column(QT_TRANSLATE_NOOP("ParticipantsTab", "Notes"), lambda p: p.notes, tooltip=lambda p: p.notes or None),
)
COL_ROLE, COL_NAME, COL_ENTERPRISE, COL_PHONE, COL_ID_NUMBER, COL_NOTES = range(6)

# What the editor gives for an enterprise typed in that is not in the directory.
NOT_IN_DIRECTORY = -1
# The service starts some reasons with the field's name, for its one-line message.
_FIELD_PREFIXES = ("身份证号码：", "联系电话：")


def make_participants_model(parent: Any = None) -> RowsModel:
    """The table model of a case's participants (one row per :class:`ParticipantRow`)."""
    return RowsModel("ParticipantsTab", _COLUMNS, parent=parent)


# ---------------------------------------------------------------------- the tab


class ParticipantsTab(QWidget):
    """其他参与人: the witnesses, appraisers, interpreters and others of one case.

    Signals:
        participants_changed(int): a participant was added, changed or removed (the case id);
            the case's history has a new entry.
    """

    participants_changed = Signal(int)

    def __init__(self, db: Database | None = None, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or dt.date.today
        self._case_id: int | None = None
        self._number = ""
        self._closed = False
        self._listed = False  # the list was read (False on a refusal: nothing to act on)
        self._rows_of: int | None = None  # the case whose participants are listed
        self.setStyleSheet(FORM_STYLE)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.closed_note = QLabel(self.tr("This case is closed: its participants can no longer be "
                                          "changed. To correct them, reopen the case first."))
        self.closed_note.setProperty("feedback", "warning")
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()

        self.model = make_participants_model(self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {COL_ROLE: "其他参与人", COL_NAME: "阿依古丽·买买提",
                                      COL_ENTERPRISE: "湖南湘中纺织科技有限公司", COL_PHONE: "0739-******34",
                                      COL_ID_NUMBER: "4301**********0012"})
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Record a witness, appraiser, interpreter or other participant"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add_participant)
        self.edit_button.clicked.connect(self.edit_participant)
        self.remove_button.clicked.connect(self.remove_participant)
        self.rule_note = QLabel(self.tr("The people in this list may not observe the hearing: the "
                                        "observer invitations check it."))
        self.rule_note.setProperty("feedback", "hint")
        self.rule_note.setWordWrap(True)
        # Buttons in a column beside the list, as on the 期限 tab: under the case list the tab is short.
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        button_column = QWidget()
        button_column.setLayout(buttons)
        button_column.setFixedWidth(max(self.fontMetrics().horizontalAdvance("中") * 7,
                                        max(b.sizeHint().width() for b in (
                                            self.add_button, self.edit_button, self.remove_button)) + 24))
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(button_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        # A full-width line, not under the buttons: there it wraps into a column that is cut off.
        layout.addWidget(self.rule_note)
        layout.addWidget(self.closed_note)
        layout.addLayout(body, 1)
        self.show_case(None)

    # ------------------------------------------------------------------ contents

    def set_database(self, db: Database) -> None:
        """The database to read from (when not given at construction)."""
        self._db = db

    def case_id(self) -> int | None:
        return self._case_id

    def show_case(self, case_id: int | None, number: str = "", *, closed: bool = False) -> None:
        """Show the participants of ``case_id`` (a hint to pick a case when None).

        Args:
            closed: the case is closed, so nothing may be changed (the service refuses it).
        """
        self._case_id = case_id
        self._number = number
        self._closed = closed and case_id is not None
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read the list again (in the background), then select ``select_id`` if given."""
        self.closed_note.setVisible(self._closed)
        self._listed = False
        if self._case_id is None or self._db is None:
            self._rows_of = None
            self.model.set_rows([])
            self.summary.setText(self.tr("Select a case to see its witnesses and other participants."))
            self._update_buttons()
            return
        db, case_id = self._db, self._case_id
        if self._rows_of != case_id:  # another case's people must not stay on show meanwhile
            self._rows_of = None
            self.model.set_rows([])
        self._update_buttons()
        ops.run_read(self, lambda: participants.list_participants(db, case_id),
                     lambda rows: self._show_rows(case_id, rows, select_id),
                     on_failed=lambda exc: self._not_listed(case_id, exc), key="list")

    def _not_listed(self, case_id: int, error: TribunalError) -> None:
        if case_id != self._case_id:
            return
        self._rows_of = None
        self.model.set_rows([])
        self.summary.setText(lang.text(error.message))
        self._update_buttons()

    def _show_rows(self, case_id: int, rows: list[ParticipantRow], select_id: int | None) -> None:
        if case_id != self._case_id:
            return  # another case was chosen meanwhile
        self._listed = True
        self._rows_of = case_id
        self.model.set_rows(rows)
        if select_id is not None:
            self.select(select_id)
        if rows:
            self.summary.setText(self.tr("{number}: {count} participant(s) recorded").format(
                number=self._number, count=len(rows)))
        else:
            self.summary.setText(self.tr("{number}: no witnesses, appraisers, interpreters or other "
                                         "participants recorded").format(number=self._number))
        self._update_buttons()

    def selected(self) -> ParticipantRow | None:
        """The participant selected in the list, or None."""
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def select(self, participant_id: int) -> bool:
        """Select the line of ``participant_id``; False when it is not listed."""
        return select_key(self.view, participant_id)

    def _update_buttons(self, *_args: object) -> None:
        editable = self._listed and not self._closed
        chosen = editable and self.selected() is not None
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # ------------------------------------------------------------------ actions

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self.edit_participant()

    def _changed(self, row: ParticipantRow | None) -> None:
        self.reload(row.id if row is not None else None)
        if self._case_id is not None:
            self.participants_changed.emit(self._case_id)

    def add_participant(self) -> ParticipantRow | None:
        """添加: open the editor for a new participant of the case."""
        if self._db is None or self._case_id is None or self._closed:
            return None
        row = ParticipantDialog.ask(self, self._db, self._case_id, self._number, self._today())
        if row is not None:
            self._changed(row)
        return row

    def edit_participant(self) -> ParticipantRow | None:
        """修改: open the editor on the selected participant."""
        current = self.selected()
        if self._db is None or self._case_id is None or self._closed or current is None:
            return None
        row = ParticipantDialog.ask(self, self._db, self._case_id, self._number, self._today(), current)
        if row is not None:
            self._changed(row)
        return row

    def remove_participant(self) -> bool:
        """删除: take the selected participant off the case, after the clerk confirms."""
        current = self.selected()
        if self._db is None or self._case_id is None or self._closed or current is None:
            return False
        question = self.tr("Delete {role} {name} from case {number}?\n\nThe deletion is recorded in "
                           "the case's history.").format(role=lang.label(current.role), name=current.name,
                                                         number=self._number)
        if not msgbox.confirm(self, self.tr("Delete participant"), question, self.tr("Delete")):
            return False
        db, participant_id = self._db, current.id
        try:
            # On the writer thread; the case pane is told (participants_changed) and tells the page.
            ops.call(self, lambda: participants.remove_participant(db, participant_id), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            self.reload()
            return False
        self._changed(None)
        return True


# ---------------------------------------------------------------------- the editor


class ParticipantDialog(QDialog):
    """A witness, appraiser, interpreter or other participant of one case (添加/修改其他参与人)."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 participant: ParticipantRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self._today = today
        self._participant = participant
        self.saved: ParticipantRow | None = None
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)
        if participant is None:
            self.setWindowTitle(self.tr("New participant — {number}").format(number=number))
        else:
            self.setWindowTitle(self.tr("Edit participant — {number}").format(number=number))

        self.intro = QLabel(self.tr("Witnesses, appraisers, interpreters and other participants may not "
                                    "observe the hearing. With the ID number, or the enterprise or phone, "
                                    "the invitation check recognises them."))
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()

        self.role = QComboBox()
        add_members(self.role, ParticipantRole)
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)
        self.id_number.setPlaceholderText(self.tr("Optional: 18-character resident ID number"))
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.phone.setPlaceholderText(self.tr("Optional: mobile, or landline with area code"))
        self.enterprise = QComboBox()
        self.enterprise.setEditable(True)
        self.enterprise.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.enterprise.addItem("", None)
        completer = QCompleter(self.enterprise.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.enterprise.setCompleter(completer)
        line_edit(self.enterprise).setPlaceholderText(self.tr("Optional: where the person works"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("For example: the applicant's workshop team leader"))

        self._feedback = {
            "role": FieldFeedback(self.role), "name": FieldFeedback(self.name),
            "id_number": FieldFeedback(self.id_number), "phone": FieldFeedback(self.phone),
            "enterprise_id": FieldFeedback(self.enterprise), "notes": FieldFeedback(self.notes),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Role"), self._feedback["role"].container)
        form.addRow(self.tr("Name"), self._feedback["name"].container)
        form.addRow(self.tr("ID number"), self._feedback["id_number"].container)
        form.addRow(self.tr("Phone"), self._feedback["phone"].container)
        form.addRow(self.tr("Enterprise"), self._feedback["enterprise_id"].container)
        form.addRow(self.tr("Notes"), self._feedback["notes"].container)

        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self._fields = QWidget()
        form.setContentsMargins(0, 0, 0, 0)
        self._fields.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self._fields)
        layout.addStretch(1)
        layout.addWidget(box)
        # The enterprises to choose from are read in the background; the fields wait for them.
        self.loading = ops.FormLoad(self, lambda: enterprises.search_enterprises(db), self._opened,
                                    fields=[self._fields], buttons=[self.save_button], layout=layout,
                                    index=2)
        self.loading.start()

    def _opened(self, rows: list[EnterpriseRow]) -> None:
        for row in rows:
            self.enterprise.addItem(row.name, row.id)
        if self._participant is not None:
            self._fill(self._participant)

    def reload_record(self) -> None:
        """重新载入: show the participant as saved now; what was typed here is dropped."""
        if self._participant is None:
            return
        db, participant_id = self._db, self._participant.id
        self.loading.start(lambda: participants.get_participant(db, participant_id), self._reloaded)

    def _reloaded(self, participant: ParticipantRow) -> None:
        self._participant = participant
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        self.enterprise.setCurrentIndex(0)
        self._fill(self._participant)

    def _fill(self, p: ParticipantRow) -> None:
        select_data(self.role, p.role)
        self.name.setText(p.name)
        # The full numbers: this is the case record, and saving sends every field back.
        self.id_number.setText(p.id_number)
        self.phone.setText(p.phone)
        if p.enterprise_id is not None:
            index = self.enterprise.findData(p.enterprise_id)
            if index < 0:  # not listed (should not happen): keep it rather than drop it
                self.enterprise.addItem(p.enterprise_name, p.enterprise_id)
                index = self.enterprise.count() - 1
            self.enterprise.setCurrentIndex(index)
        self.notes.setPlainText(p.notes)

    def feedback(self, key: str) -> FieldFeedback:
        """The reason line of field ``key`` (role, name, id_number, phone, enterprise_id, notes)."""
        return self._feedback[key]

    def set_enterprise(self, name: str) -> bool:
        """Choose the enterprise called ``name`` (for tests and callers); False when not listed."""
        index = self.enterprise.findText(name, Qt.MatchFlag.MatchExactly)
        if index < 0:
            return False
        self.enterprise.setCurrentIndex(index)
        return True

    def enterprise_id(self) -> int | None:
        """The enterprise chosen: its id, None for none, :data:`NOT_IN_DIRECTORY` for unknown text."""
        text = self.enterprise.currentText().strip()
        if not text:
            return None
        index = self.enterprise.findText(text, Qt.MatchFlag.MatchExactly)
        return self.enterprise.itemData(index) if index > 0 else NOT_IN_DIRECTORY

    def save(self) -> bool:
        """Save; on a refusal show each reason beside its field and stay open."""
        if not self.loading.ready:
            return False
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        enterprise_id = self.enterprise_id()
        if enterprise_id == NOT_IN_DIRECTORY:
            self._feedback["enterprise_id"].show_error(self.tr(
                "This enterprise is not in the directory. Choose one from the list, or add it on "
                "the Enterprises page first."))
            return False
        role = current_member(self.role, ParticipantRole) or ParticipantRole.OTHER
        fields: dict[str, Any] = {
            "id_number": self.id_number.text(), "phone": self.phone.text(),
            "enterprise_id": enterprise_id, "notes": self.notes.toPlainText(), "today": self._today,
        }
        db, case_id, participant, name = self._db, self._case_id, self._participant, self.name.text()

        def work() -> ParticipantRow:
            if participant is None:
                return participants.add_participant(db, case_id, role, name, **fields)
            return participants.update_participant(db, participant.id, role, name, **fields,
                                                   expected_version=participant.version)

        try:
            # On the writer thread; the panel that asked tells the case pane what changed.
            self.saved = ops.call(self, work, write=True)
            if self._participant is not None:
                self._participant = self.saved
        except ValidationError as exc:
            placed = place_errors(self._feedback, exc)
            for key in placed:
                # "身份证号码：身份证号码校验位不正确…" — beside the field its name is said already.
                reason = lang.text(exc.fields[key])
                for prefix in _FIELD_PREFIXES:
                    if reason.startswith(prefix) and len(reason) > len(prefix):
                        self._feedback[key].show_error(reason[len(prefix):])
            if not placed or set(exc.fields) - set(placed):
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
            if placed:
                self._feedback[placed[0]].field.setFocus()
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
    def ask(cls, parent: QWidget | None, db: Database, case_id: int, number: str, today: dt.date,
            participant: ParticipantRow | None = None) -> ParticipantRow | None:
        """Open the editor; the saved participant, or None when the clerk cancelled."""
        dialog = cls(db, case_id, number, today, participant, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()

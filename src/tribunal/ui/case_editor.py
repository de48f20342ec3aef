"""The case editor (登记/编辑案件): basic facts, parties, claims and the tribunal, checked before saving."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain import validators
from tribunal.domain.enums import (
    CaseStatus,
    CaseType,
    PanelRole,
    PartyKind,
    PartyRole,
    Procedure,
    StaffRole,
)
from tribunal.domain.money import format_yuan, parse_yuan
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services import reference
from tribunal.services.app import Database
from tribunal.services.cases import (
    ArbitratorInput,
    CaseDetail,
    CaseInput,
    ClaimInput,
    PartyFromDirectory,
    PartyInput,
)
from tribunal.services.reference import StaffRow, TribunalRow
from tribunal.texts import reason_of
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.agent_form import AgentsBox
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.combos import add_members, current_member, select_data
from tribunal.ui.dates import qdate
from tribunal.ui.feedback import ERROR_COLOUR, FORM_STYLE, FieldFeedback, field_reason
from tribunal.ui.ops import Changes

TAB_BASIC = 0
TAB_PARTIES = 1
TAB_CLAIMS = 2
TAB_TRIBUNAL = 3

#: Statuses the editor offers: the open ones (closing has its own action).
EDITABLE_STATUSES = (
    CaseStatus.RECEIVED,
    CaseStatus.ACCEPTED,
    CaseStatus.SCHEDULED,
    CaseStatus.HEARD,
    CaseStatus.SUSPENDED,
)

_ITEM_KEY = re.compile(r"^(parties|claims)\[(\d+)\]\.([\w\[\].]+)$")


@dataclass(frozen=True)
class _Opening:
    """What the editor reads when it opens: the case (None for a new one) and the choice lists."""

    case: CaseDetail | None
    arbitrators: list[StaffRow]
    clerks: list[StaffRow]
    tribunals: list[TribunalRow]


def _read_opening(db: Database, case_id: int | None) -> _Opening:
    """Read what the editor shows (on a reader thread)."""
    return _Opening(
        case=case_service.get_case(db, case_id) if case_id else None,
        arbitrators=reference.list_staff(db, StaffRole.ARBITRATOR),
        clerks=reference.list_staff(db, StaffRole.CLERK),
        tribunals=reference.list_tribunals(db),
    )


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(8)
    return form


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _stop() -> str:
    """The full stop between two sentences in the interface language."""
    return ". " if lang.is_english() else "。"


# ---------------------------------------------------------------------- one party


class PartyForm(QWidget):
    """The details of one party (当事人): role, person or organisation, identity, contacts, agents.

    Signals:
        caption_changed(): the role or name changed, so the list entry needs a new caption.
    """

    caption_changed = Signal()
    #: 从企业名录选择… was pressed (the editor opens the picker and calls :meth:`fill_from`).
    pick_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enterprise_id: int | None = None

        self.role = QComboBox()
        add_members(self.role, PartyRole)
        self.kind = QComboBox()
        add_members(self.kind, PartyKind)
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18 characters; the last may be X"))
        self.credit_code = QLineEdit()
        self.credit_code.setPlaceholderText(self.tr("18 characters, as on the business licence"))
        self.credit_code_confirmed = QCheckBox(self.tr("Checked against the business licence: "
                                                       "the code is correct"))
        self.credit_code_confirmed.hide()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.address = QLineEdit()
        self.legal_representative = QLineEdit()
        self.legal_representative_title = QLineEdit()
        self.legal_representative_title.setPlaceholderText(self.tr("For example: general manager"))
        self.party_id: int | None = None
        self.agents = AgentsBox()

        self._feedback = {
            "role": FieldFeedback(self.role, reserve=True),
            "name": FieldFeedback(self.name, reserve=True, embed=False),
            "id_number": FieldFeedback(self.id_number, reserve=True),
            "credit_code": FieldFeedback(self.credit_code, extra=self.credit_code_confirmed, reserve=True),
            "phone": FieldFeedback(self.phone, reserve=True),
            "address": FieldFeedback(self.address, reserve=True),
            "legal_representative": FieldFeedback(self.legal_representative, reserve=True),
            "legal_representative_title": FieldFeedback(self.legal_representative_title, reserve=True),
        }
        fb = self._feedback
        self._form = form = _form()
        form.addRow(self.tr("Role"), fb["role"].container)
        form.addRow(self.tr("Person or organisation"), self.kind)
        self._name_label = QLabel()
        self.pick_button = QPushButton(self.tr("From the directory…"))
        self.pick_button.setToolTip(self.tr("Choose the enterprise from the 企业 directory: its name, "
                                            "credit code, address and legal representative are filled in"))
        self.pick_button.clicked.connect(self.pick_requested)
        name_row = QWidget()
        name_layout = QHBoxLayout(name_row)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_layout.addWidget(self.name, 1)
        name_layout.addWidget(self.pick_button)
        name_box = fb["name"].container.layout()
        assert isinstance(name_box, QVBoxLayout)
        name_box.insertWidget(0, name_row)
        form.addRow(self._name_label, fb["name"].container)
        form.addRow(self.tr("ID number"), fb["id_number"].container)
        form.addRow(self.tr("Credit code"), fb["credit_code"].container)
        form.addRow(self.tr("Legal representative"), fb["legal_representative"].container)
        form.addRow(self.tr("Title of the representative"), fb["legal_representative_title"].container)
        form.addRow(self.tr("Phone"), fb["phone"].container)
        form.addRow(self.tr("Address"), fb["address"].container)
        agents_title = QLabel(self.tr("Agents (lawyers, relatives, statutory or appointed agents)"))
        agents_title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(agents_title)
        layout.addWidget(self.agents)
        layout.addStretch(1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.role.currentIndexChanged.connect(self.caption_changed)
        self.name.textChanged.connect(self.caption_changed)
        self.name.editingFinished.connect(self.check_name)
        self.id_number.editingFinished.connect(self.check_id_number)
        self.credit_code.editingFinished.connect(self.check_credit_code)
        self.phone.editingFinished.connect(lambda: self._check_phone("phone"))
        self.agents.changed.connect(self.caption_changed)
        for key, feedback in fb.items():
            if isinstance(feedback.field, QLineEdit):
                # Typing again takes the red away; the value is checked again on leaving.
                feedback.field.textEdited.connect(lambda _text, k=key: self._retyped(k))
        self._kind_changed()

    # ------------------------------------------------------------------ data

    def current_role(self) -> PartyRole:
        return current_member(self.role, PartyRole) or PartyRole.APPLICANT

    def current_kind(self) -> PartyKind:
        return current_member(self.kind, PartyKind) or PartyKind.PERSON

    def feedback(self, field: str) -> FieldFeedback:
        """The message line of one field (the keys of the service: name, id_number, phone…,
        ``agents`` and ``agents[j].<field>``)."""
        if field.startswith("agents"):
            return self.agents.feedback(field)
        return self._feedback.get(field, self._feedback["name"])

    def has_errors(self) -> bool:
        return any(fb.has_error for fb in self._feedback.values()) or self.agents.has_errors()

    def clear_errors(self) -> None:
        for fb in self._feedback.values():
            if fb.has_error:
                fb.clear()
        self.agents.clear_errors()

    def caption(self) -> str:
        name = self.name.text().strip() or self.tr("(name not filled in)")
        return f"{lang.label(self.current_role())}：{name}"

    def load(self, party: PartyInput) -> None:
        """Show a stored party."""
        select_data(self.role, party.role)
        select_data(self.kind, party.kind)
        self.name.setText(party.name)
        self.id_number.setText(party.id_number)
        self.credit_code.setText(party.credit_code)
        self.phone.setText(party.phone)
        self.address.setText(party.address)
        self.legal_representative.setText(party.legal_representative)
        self.legal_representative_title.setText(party.legal_representative_title)
        self.agents.load(party.agents)
        self.party_id = party.id
        self.enterprise_id = party.enterprise_id
        if party.credit_code:
            result = validators.check_credit_code(party.credit_code)
            if result.ok and result.warning:
                self.credit_code_confirmed.setChecked(party.credit_code_confirmed)
                self.credit_code_confirmed.show()

    def fill_from(self, party: PartyFromDirectory) -> None:
        """Fill in an enterprise picked from the directory (the representative only if known)."""
        select_data(self.kind, PartyKind.ORGANISATION)
        self.enterprise_id = party.enterprise_id
        for field, value in ((self.name, party.name), (self.credit_code, party.credit_code),
                             (self.address, party.address),
                             (self.legal_representative, party.legal_representative),
                             (self.legal_representative_title, party.legal_representative_title)):
            if value or field in (self.name, self.credit_code):
                field.setText(value)
        for key in ("name", "credit_code", "address", "legal_representative"):
            if self._feedback[key].kind:
                self._feedback[key].clear()
        self.credit_code_confirmed.hide()
        self.caption_changed.emit()

    def to_input(self) -> PartyInput:
        """The party as typed (the service tidies and checks it)."""
        person = self.current_kind() == PartyKind.PERSON
        return PartyInput(
            role=self.current_role(),
            kind=self.current_kind(),
            name=self.name.text(),
            id_number=self.id_number.text() if person else "",
            credit_code="" if person else self.credit_code.text(),
            credit_code_confirmed=not person and self.credit_code_confirmed.isChecked(),
            phone=self.phone.text(),
            address=self.address.text(),
            legal_representative="" if person else self.legal_representative.text(),
            legal_representative_title="" if person else self.legal_representative_title.text(),
            agents=self.agents.to_input(),
            enterprise_id=self.enterprise_id,
            id=self.party_id,
        )

    # ------------------------------------------------------------------ behaviour

    def _kind_changed(self) -> None:
        person = self.current_kind() == PartyKind.PERSON
        self._name_label.setText(self.tr("Name") if person else self.tr("Name of organisation"))
        self.name.setPlaceholderText("" if person else self.tr("Full name as on the business licence"))
        fb = self._feedback
        self._form.setRowVisible(fb["id_number"].container, person)
        self._form.setRowVisible(fb["credit_code"].container, not person)
        self._form.setRowVisible(fb["legal_representative"].container, not person)
        self._form.setRowVisible(fb["legal_representative_title"].container, not person)
        self.pick_button.setVisible(not person)

    def _retyped(self, key: str) -> None:
        feedback = self._feedback[key]
        if feedback.kind:
            feedback.clear()
        if key == "credit_code":
            # A different code needs its own confirmation against the licence.
            self.credit_code_confirmed.setChecked(False)
            self.credit_code_confirmed.hide()

    def check_name(self) -> None:
        """Check the name as the clerk leaves the field."""
        feedback = self._feedback["name"]
        text = self.name.text()
        if not text.strip() or self.current_kind() != PartyKind.PERSON:
            feedback.clear()
            return
        result = validators.check_person_name(text)
        if not result.ok:
            feedback.show_error(result.error or "")
            return
        if result.value != text:
            self.name.setText(result.value)
        if result.warning:
            feedback.show_warning(result.warning)
        else:
            feedback.clear()

    def check_id_number(self) -> None:
        """Check the ID number as the clerk leaves the field; show what it says when valid."""
        feedback = self._feedback["id_number"]
        text = self.id_number.text()
        if not text.strip():
            feedback.clear()
            return
        result = validators.check_id_number(text)
        if not result.ok:
            feedback.show_error(result.error or "")
            return
        if result.value != text:
            self.id_number.setText(result.value)
        sex = {"男": self.tr("male"), "女": self.tr("female")}.get(result.sex or "", "")
        born = lang.long_date_text(result.birth_date) if result.birth_date else ""
        understood = self.tr("Read from the number: {sex}, born {date}").format(sex=sex, date=born)
        if result.warning:
            feedback.show_warning(f"{lang.text(result.warning)}{_stop()}{understood}")
        else:
            feedback.show_hint(understood)

    def check_credit_code(self) -> None:
        """Check the credit code as the clerk leaves the field; a wrong check character asks
        for confirmation against the business licence instead of refusing the code."""
        feedback = self._feedback["credit_code"]
        text = self.credit_code.text()
        if not text.strip():
            feedback.clear()
            self.credit_code_confirmed.hide()
            return
        result = validators.check_credit_code(text)
        if not result.ok:
            feedback.show_error(result.error or "")
            self.credit_code_confirmed.hide()
            return
        if result.value != text:
            self.credit_code.setText(result.value)
        if result.warning:
            feedback.show_warning(lang.text(result.warning) + _stop()
                                  + self.tr("If it matches the licence, tick the box below."))
            self.credit_code_confirmed.show()
        else:
            feedback.clear()
            self.credit_code_confirmed.setChecked(False)
            self.credit_code_confirmed.hide()

    def offer_confirmation(self) -> None:
        """Show the "checked against the licence" box if the code's check character fails."""
        text = self.credit_code.text()
        if self.current_kind() == PartyKind.PERSON or not text.strip():
            return
        result = validators.check_credit_code(text)
        if result.ok and result.warning:
            self.credit_code_confirmed.show()

    def _check_phone(self, key: str) -> None:
        field: QLineEdit = getattr(self, key)
        feedback = self._feedback[key]
        if not field.text().strip():
            feedback.clear()
            return
        result = validators.check_phone(field.text())
        if not result.ok:
            feedback.show_error(result.error or "")
            return
        if result.value != field.text():
            field.setText(result.value)
        feedback.clear()


# ---------------------------------------------------------------------- one claim


class ClaimRow(QWidget):
    """One claim (仲裁请求): what is asked for and, if it is money, how much in yuan.

    Signals:
        amount_changed(): the amount text changed (the running total needs updating).
        remove_requested(): the clerk pressed this row's delete button.
    """

    amount_changed = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLabel()
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.number.setMinimumWidth(self.fontMetrics().horizontalAdvance("100.") + 4)
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("For example: pay the wages owed for March to May"))
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(self.tr("Amount, or empty"))
        self.amount.setMinimumWidth(self.fontMetrics().horizontalAdvance("0,000,000,000.00") + 24)
        self.remove = QPushButton(self.tr("Delete"))
        self.remove.setToolTip(self.tr("Delete this claim"))
        self.item_feedback = FieldFeedback(self.item, reserve=True)
        self.amount_feedback = FieldFeedback(self.amount, reserve=True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.number, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.item_feedback.container, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.amount_feedback.container, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.remove, 0, 3, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)

        self.amount.textChanged.connect(self.amount_changed)
        self.amount.editingFinished.connect(self.check_amount)
        self.remove.clicked.connect(self.remove_requested)
        self.item.textEdited.connect(lambda _t: self.item_feedback.clear())
        self.amount.textEdited.connect(lambda _t: self.amount_feedback.clear())

    def feedback(self, field: str) -> FieldFeedback:
        """The message line of "item" or "amount"."""
        return self.amount_feedback if field.startswith("amount") else self.item_feedback

    def is_blank(self) -> bool:
        return not self.item.text().strip() and not self.amount.text().strip()

    def amount_fen(self) -> int | None:
        """The amount in fen; None when empty.

        Raises:
            ValueError: the amount cannot be read (the message says why, in Chinese).
        """
        text = self.amount.text().strip()
        return parse_yuan(text) if text else None

    def check_amount(self) -> None:
        """Read the amount as the clerk leaves the field and write it back in the usual form."""
        try:
            fen = self.amount_fen()
        except ValueError as exc:
            self.amount_feedback.show_error(lang.text(reason_of(exc)))
            return
        self.amount_feedback.clear()
        if fen is not None:
            self.amount.setText(format_yuan(fen))

    def load(self, claim: ClaimInput) -> None:
        self.item.setText(claim.item)
        self.amount.setText(format_yuan(claim.amount_fen) if claim.amount_fen is not None else "")


# ---------------------------------------------------------------------- the dialog


#: The editor's result when the clerk asked to reload the case changed elsewhere.
RELOAD = 2


class CaseEditor(QDialog):
    """Register a new case or edit one (登记新案件 / 编辑案件).

    Nothing is saved until the clerk presses Save; then the services check everything and
    each refusal is shown beside its field, on whichever tab holds it, and the dialog stays
    open. Use :meth:`ask` from the interface; tests construct the dialog, fill it and call
    :meth:`save`.

    Signals:
        case_saved(object): the saved :class:`CaseDetail`, just before the dialog closes.
    """

    case_saved = Signal(object)

    def __init__(self, db: Database, case_id: int | None = None, parent: QWidget | None = None) -> None:
        """Build the editor; the case and the lists of staff and tribunals are read in the background.

        Until they have arrived the fields and 保存 are disabled (:attr:`loading`); a case
        that cannot be read is explained in a message box and nothing can be saved.
        """
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self.case: CaseDetail | None = None
        self.saved_case: CaseDetail | None = None
        self._party_forms: list[PartyForm] = []
        self._claim_rows: list[ClaimRow] = []

        if case_id is None:
            self.setWindowTitle(self.tr("Register a new case"))
        else:
            self.setWindowTitle(self.tr("Edit case"))
        self.setStyleSheet(FORM_STYLE)
        self.setSizeGripEnabled(True)

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        # After a refused save: the fields marked (with their tab) and reasons shown only above.
        self._marked: list[tuple[FieldFeedback, int]] = []
        self._elsewhere: list[str] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_basic_tab(), self.tr("Basic facts"))
        self.tabs.addTab(self._build_parties_tab(), self.tr("Parties"))
        self.tabs.addTab(self._build_claims_tab(), self.tr("Claims"))
        self.tabs.addTab(self._build_tribunal_tab(), self.tr("Tribunal"))

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the case (Ctrl+S)"))
        # No default button: Enter in a field must not save a half-typed case.
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        hint = QLabel(self.tr("Fields are checked when you leave them; everything is checked "
                              "again when you save."))
        hint.setProperty("feedback", "hint")
        hint.setWordWrap(True)
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        # Changed meanwhile on another page or workstation: say so, never reload under the clerk.
        self.stale_banner = ops.StaleBanner()
        self.record_watch = ops.RecordWatch(self, db, "case", Changes.CASES | Changes.CLOCKS,
                                            self.stale_banner, self.reload_case)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        if case_id is None:
            self._start_new()
        self._initial_state = self._state()
        self.reopen_requested = False
        self.loading = ops.FormLoad(self, lambda: _read_opening(db, case_id), self._opened,
                                    fields=[self.tabs], buttons=[self.save_button], layout=layout)
        self.loading.start()
        self.resize(940, 640)
        self.setMinimumSize(720, 520)

    # ------------------------------------------------------------------ construction

    def _build_basic_tab(self) -> QWidget:
        self.number = QLabel()
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_type = QComboBox()
        add_members(self.case_type, CaseType)
        self.procedure = QComboBox()
        add_members(self.procedure, Procedure)
        self.received_date = make_date_edit()
        self.received_date.setMaximumDate(QDate.currentDate())
        self.accepted_on = QCheckBox(self.tr("Accepted on"))
        self.accepted_date = make_date_edit()
        self.accepted_date.setMaximumDate(QDate.currentDate())
        self.accepted_date.setEnabled(False)
        self.status = QComboBox()
        add_members(self.status, EDITABLE_STATUSES)
        self.collective = QCheckBox(self.tr("Collective dispute (ten or more workers with the "
                                            "same claims)"))
        self.worker_count = QSpinBox()
        self.worker_count.setRange(1, 100_000)
        self.worker_count.setSuffix(self.tr(" workers"))
        self.case_summary = QPlainTextEdit()
        self.case_summary.setPlaceholderText(self.tr("A few sentences on what the dispute is about"))
        self.case_summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 16)

        accepted_row = QWidget()
        row = QHBoxLayout(accepted_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.accepted_on)
        row.addWidget(self.accepted_date)
        row.addStretch(1)
        self._basic_feedback = {
            "case_type": FieldFeedback(self.case_type, reserve=True),
            "procedure": FieldFeedback(self.procedure, reserve=True),
            "received_date": FieldFeedback(self.received_date, reserve=True),
            "accepted_date": FieldFeedback(accepted_row, outline=(self.accepted_date,), reserve=True),
            "status": FieldFeedback(self.status, reserve=True),
            "collective": FieldFeedback(self.collective, reserve=True),
            "worker_count": FieldFeedback(self.worker_count, reserve=True),
            "summary": FieldFeedback(self.case_summary, reserve=True),
        }
        fb = self._basic_feedback
        form = _form()
        form.addRow(self.tr("Case number"), self.number)
        form.addRow(self.tr("Type of dispute"), fb["case_type"].container)
        form.addRow(self.tr("Procedure"), fb["procedure"].container)
        form.addRow(self.tr("Date received"), fb["received_date"].container)
        form.addRow(self.tr("Acceptance"), fb["accepted_date"].container)
        form.addRow(self.tr("Status"), fb["status"].container)
        form.addRow(self.tr("Collective"), fb["collective"].container)
        form.addRow(self.tr("Workers involved"), fb["worker_count"].container)
        form.addRow(self.tr("Summary of the case"), fb["summary"].container)

        self.accepted_on.toggled.connect(self._accepted_toggled)
        page = QWidget()
        page.setLayout(form)
        return _scrolled(page)

    def _build_parties_tab(self) -> QWidget:
        self.party_list = QListWidget()
        self.party_list.setMinimumWidth(self.fontMetrics().horizontalAdvance("被申请人：某某某某有限公司") + 40)
        self.party_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        # Long organisation names wrap instead of being cut off.
        self.party_list.setWordWrap(True)
        self.party_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.party_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.party_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.party_list.setSpacing(2)
        self.party_stack = QStackedWidget()
        self.parties_feedback = FieldFeedback(self.party_list)
        self.add_applicant_button = QPushButton(self.tr("Add applicant"))
        self.add_respondent_button = QPushButton(self.tr("Add respondent"))
        self.add_third_party_button = QPushButton(self.tr("Add third party"))
        self.remove_party_button = QPushButton(self.tr("Delete selected"))
        self.move_up_button = QPushButton(self.tr("Move up"))
        self.move_down_button = QPushButton(self.tr("Move down"))
        self.add_applicant_button.clicked.connect(lambda: self.add_party(PartyRole.APPLICANT))
        self.add_respondent_button.clicked.connect(lambda: self.add_party(PartyRole.RESPONDENT))
        self.add_third_party_button.clicked.connect(lambda: self.add_party(PartyRole.THIRD_PARTY))
        self.remove_party_button.clicked.connect(lambda: self.remove_party())
        self.move_up_button.clicked.connect(lambda: self.move_party(-1))
        self.move_down_button.clicked.connect(lambda: self.move_party(1))
        self.party_list.currentRowChanged.connect(self._party_selected)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Parties, in the order they are printed:")))
        left.addWidget(self.parties_feedback.container, 1)
        for button in (self.add_applicant_button, self.add_respondent_button,
                       self.add_third_party_button):
            left.addWidget(button)
        moves = QHBoxLayout()
        moves.addWidget(self.move_up_button)
        moves.addWidget(self.move_down_button)
        left.addLayout(moves)
        left.addWidget(self.remove_party_button)

        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addLayout(left, 0)
        self._party_scroll = _scrolled(self.party_stack)
        layout.addWidget(self._party_scroll, 1)
        return page

    def _build_claims_tab(self) -> QWidget:
        self._claims_box = QWidget()
        self._claims_layout = QVBoxLayout(self._claims_box)
        self._claims_layout.setContentsMargins(0, 0, 0, 0)
        self._claims_layout.addStretch(1)
        self.claims_feedback = FieldFeedback(_scrolled(self._claims_box))
        self.add_claim_button = QPushButton(self.tr("Add a claim"))
        self.add_claim_button.clicked.connect(lambda: self.add_claim(focus=True))
        self.claim_total = QLabel()
        self.claim_total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.calculator_button = QPushButton(self.tr("Calculator…"))
        self.calculator_button.setToolTip(self.tr("Work out an amount (severance, overtime, leave, injury…) "
                                                  "and copy it into a claim"))
        self.calculator_button.clicked.connect(self.open_claim_calculator)

        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("What the applicant asks for, one item per line; the "
                                        "amount in yuan if it is money.")), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_claim_button)
        bottom.addWidget(self.calculator_button)
        bottom.addStretch(1)
        bottom.addWidget(self.claim_total)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(header)
        layout.addWidget(self.claims_feedback.container, 1)
        layout.addLayout(bottom)
        return page

    def _staff_combo(self, none_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(none_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(8)
        return combo

    def _build_tribunal_tab(self) -> QWidget:
        none = self.tr("(not yet chosen)")
        self.panel_sole = QRadioButton(self.tr("Sole arbitrator: one arbitrator hears the case"))
        self.panel_three = QRadioButton(self.tr("Panel: a presiding arbitrator and two arbitrators"))
        self._panel_group = QButtonGroup(self)
        self._panel_group.addButton(self.panel_sole)
        self._panel_group.addButton(self.panel_three)
        self.panel_sole.setChecked(True)
        self.sole_arbitrator = self._staff_combo(none)
        self.presiding_arbitrator = self._staff_combo(none)
        self.member_arbitrators = (self._staff_combo(none), self._staff_combo(none))
        self.clerk = self._staff_combo(none)
        self.tribunal = QComboBox()
        self.tribunal.addItem(self.tr("(none: heard at the commission)"), None)

        # The reason a panel is refused goes under the seats, and outlines every seat.
        self.arbitrators_feedback = FieldFeedback(
            self.sole_arbitrator, embed=False,
            outline=(self.sole_arbitrator, self.presiding_arbitrator, *self.member_arbitrators))
        self.clerk_feedback = FieldFeedback(self.clerk)
        self.tribunal_feedback = FieldFeedback(self.tribunal)

        mode = QVBoxLayout()
        mode.addWidget(self.panel_sole)
        mode.addWidget(self.panel_three)
        self._seats_form = form = _form()
        form.addRow(self.tr("Composition"), mode)
        form.addRow(self.tr("Sole arbitrator"), self.sole_arbitrator)
        form.addRow(self.tr("Presiding arbitrator"), self.presiding_arbitrator)
        form.addRow(self.tr("Arbitrator"), self.member_arbitrators[0])
        form.addRow(self.tr("Arbitrator"), self.member_arbitrators[1])
        form.addRow("", self.arbitrators_feedback.container)
        form.addRow(self.tr("Clerk"), self.clerk_feedback.container)
        form.addRow(self.tr("Circuit tribunal"), self.tribunal_feedback.container)
        # Shown once the list of staff has been read, if it has no arbitrator.
        self.no_arbitrators_note = QLabel(self.tr("No arbitrators are on the list yet. The "
                                                  "tribunal can be formed later."))
        self.no_arbitrators_note.setProperty("feedback", "hint")
        self.no_arbitrators_note.setWordWrap(True)
        form.addRow("", self.no_arbitrators_note)
        form.setRowVisible(self.no_arbitrators_note, False)
        self.panel_sole.toggled.connect(self._panel_mode_changed)
        self._panel_mode_changed()
        page = QWidget()
        page.setLayout(form)
        return _scrolled(page)

    # ------------------------------------------------------------------ loading

    def _start_new(self) -> None:
        self.number.setText(self.tr("Given automatically when the case is saved"))
        self.add_party(PartyRole.APPLICANT, select=False)
        self.add_party(PartyRole.RESPONDENT, select=False)
        self.party_list.setCurrentRow(0)
        self.add_claim()
        self._update_total()

    def _opened(self, opening: _Opening) -> None:
        """The case and the choice lists have been read: fill the lists, then the case."""
        for combo in (self.sole_arbitrator, self.presiding_arbitrator, *self.member_arbitrators):
            for person in opening.arbitrators:
                combo.addItem(person.name, person.id)
        for person in opening.clerks:
            self.clerk.addItem(person.name, person.id)
        for t in opening.tribunals:
            self.tribunal.addItem(f"{t.name}（{t.zone}）" if t.zone else t.name, t.id)
        self._seats_form.setRowVisible(self.no_arbitrators_note, not opening.arbitrators)
        if opening.case is not None:
            self.case = opening.case
            self.setWindowTitle(self.tr("Edit case {number}").format(number=opening.case.number))
            self._load(opening.case)
            self.record_watch.track(opening.case.id)
        self._initial_state = self._state()

    def reload_case(self) -> None:
        """重新载入: close and reopen on the case as saved now (what was typed here is dropped).

        The clerk chose this after the stale banner said the case was changed elsewhere;
        :meth:`ask` opens a fresh editor at the same tab.
        """
        self.reopen_requested = True
        self.done(RELOAD)

    def _load(self, case: CaseDetail) -> None:
        self.number.setText(case.number)
        select_data(self.case_type, case.case_type)
        select_data(self.procedure, case.procedure)
        self.received_date.setDate(qdate(case.received_date))
        if case.accepted_date is not None:
            self.accepted_date.setDate(qdate(case.accepted_date))
        self.accepted_on.blockSignals(True)
        self.accepted_on.setChecked(case.accepted_date is not None)
        self.accepted_on.blockSignals(False)
        self.accepted_date.setEnabled(case.accepted_date is not None)
        if self.status.findData(case.status.value) < 0:
            add_members(self.status, [case.status])
        select_data(self.status, case.status)
        self.collective.setChecked(case.collective)
        self.worker_count.setValue(case.worker_count)
        self.case_summary.setPlainText(case.summary)
        for party in case.parties:
            self.add_party(party.role, select=False).load(party)
        self.party_list.setCurrentRow(0)
        for claim in case.claims:
            self.add_claim().load(claim)
        if not case.claims:
            self.add_claim()
        self._update_total()

        seats: dict[PanelRole, list[ArbitratorInput]] = {a.role: [] for a in case.arbitrators}
        for a in case.arbitrators:
            seats[a.role].append(a)
            for combo in (self.sole_arbitrator, self.presiding_arbitrator, *self.member_arbitrators):
                if combo.findData(a.staff_id) < 0:
                    combo.addItem(self.tr("{name} (no longer active)").format(name=a.name), a.staff_id)
        if PanelRole.SOLE in seats:
            self.panel_sole.setChecked(True)
            select_data(self.sole_arbitrator, seats[PanelRole.SOLE][0].staff_id)
        elif seats:
            self.panel_three.setChecked(True)
            if PanelRole.PRESIDING in seats:
                select_data(self.presiding_arbitrator, seats[PanelRole.PRESIDING][0].staff_id)
            for combo, seat in zip(self.member_arbitrators, seats.get(PanelRole.MEMBER, []), strict=False):
                select_data(combo, seat.staff_id)
        if case.clerk_id is not None:
            if self.clerk.findData(case.clerk_id) < 0:
                self.clerk.addItem(self.tr("(a clerk no longer active)"), case.clerk_id)
            select_data(self.clerk, case.clerk_id)
        if case.tribunal_id is not None:
            if self.tribunal.findData(case.tribunal_id) < 0:
                self.tribunal.addItem(self.tr("(a tribunal no longer in service)"), case.tribunal_id)
            select_data(self.tribunal, case.tribunal_id)

        if case.status == CaseStatus.CLOSED:
            self.summary.setText(self.tr("This case is closed and cannot be changed. To correct it, "
                                         "undo the closing first."))
            self.summary.show()
            self.save_button.setEnabled(False)

    # ------------------------------------------------------------------ parties

    def party_forms(self) -> list[PartyForm]:
        """The party forms, in the order the parties are listed."""
        return list(self._party_forms)

    def pick_enterprise(self, form: PartyForm) -> bool:
        """从企业名录选择…: fill ``form`` with an enterprise of the directory; False if none was chosen."""
        from tribunal.ui.enterprise_picker import EnterprisePicker

        picked = EnterprisePicker.ask(self, self._db, form.name.text().strip())
        if picked is None:
            return False
        form.fill_from(picked)
        return True

    def add_party(self, role: PartyRole, *, select: bool = True) -> PartyForm:
        """Add a party with ``role`` (a person for applicants, an organisation otherwise)."""
        form = PartyForm()
        select_data(form.role, role)
        select_data(form.kind, PartyKind.PERSON if role == PartyRole.APPLICANT else PartyKind.ORGANISATION)
        form.caption_changed.connect(self._refresh_party_captions)
        form.pick_requested.connect(lambda f=form: self.pick_enterprise(f))
        self._party_forms.append(form)
        self.party_stack.addWidget(form)
        self.party_list.addItem(QListWidgetItem())
        self._refresh_party_captions()
        if self.parties_feedback.has_error:
            self.parties_feedback.clear()
        if select:
            self.party_list.setCurrentRow(len(self._party_forms) - 1)
            form.name.setFocus()
        return form

    def remove_party(self, index: int | None = None, *, ask: bool = True) -> bool:
        """Remove the party at ``index`` (default: the selected one), asking first if it has a name."""
        if index is None:
            index = self.party_list.currentRow()
        if not 0 <= index < len(self._party_forms):
            return False
        form = self._party_forms[index]
        if ask and form.name.text().strip() and not msgbox.confirm(
            self, self.tr("Delete party"),
            self.tr("Delete the party “{name}” from this case?").format(name=form.name.text().strip()),
            self.tr("Delete"),
        ):
            return False
        self._party_forms.pop(index)
        self.party_stack.removeWidget(form)
        form.deleteLater()
        self.party_list.takeItem(index)
        self._refresh_party_captions()
        if self._party_forms:
            self.party_list.setCurrentRow(min(index, len(self._party_forms) - 1))
        return True

    def move_party(self, delta: int) -> None:
        """Move the selected party up (-1) or down (+1) in the list."""
        index = self.party_list.currentRow()
        target = index + delta
        if not (0 <= index < len(self._party_forms) and 0 <= target < len(self._party_forms)):
            return
        forms = self._party_forms
        forms[index], forms[target] = forms[target], forms[index]
        self._refresh_party_captions()
        self.party_list.setCurrentRow(target)
        self.party_stack.setCurrentWidget(forms[target])

    def _party_selected(self, row: int) -> None:
        if 0 <= row < len(self._party_forms):
            self.party_stack.setCurrentWidget(self._party_forms[row])
        self.remove_party_button.setEnabled(row >= 0)
        self.move_up_button.setEnabled(row > 0)
        self.move_down_button.setEnabled(0 <= row < len(self._party_forms) - 1)

    def _refresh_party_captions(self) -> None:
        for i, form in enumerate(self._party_forms):
            item = self.party_list.item(i)
            if item is None:
                continue
            item.setText(f"{i + 1}. {form.caption()}")
            item.setToolTip(form.caption())
            item.setForeground(QColor(ERROR_COLOUR) if form.has_errors() else self.palette().text().color())
            if form.has_errors():
                item.setToolTip(self.tr("This party has entries to correct"))
        self._party_selected(self.party_list.currentRow())

    # ------------------------------------------------------------------ claims

    def claim_rows(self) -> list[ClaimRow]:
        """The claim rows, in order."""
        return list(self._claim_rows)

    def open_claim_calculator(self) -> None:
        """The claim calculator, able to copy its result into these claims."""
        from tribunal.ui.claim_calculator_dialog import ClaimCalculatorDialog

        ClaimCalculatorDialog.ask(self, self._db, target=self)

    def claim_labels(self) -> list[str]:
        """One label per claim row for the calculator's “Copy to claims”."""
        return [f"{i}. {row.item.text().strip() or self.tr('(no item yet)')}"
                for i, row in enumerate(self._claim_rows, start=1)]

    def put_claim_amount(self, index: int | None, item: str, amount_fen: int) -> int:
        """Set a claim's amount from the calculator; a new claim (or the blank last one) when ``index`` is None.

        Returns:
            The claim's number (1-based).
        """
        if index is None or not 0 <= index < len(self._claim_rows):
            blank = self._claim_rows[-1] if self._claim_rows and self._claim_rows[-1].is_blank() else None
            row = blank or self.add_claim()
            row.item.setText(item)
        else:
            row = self._claim_rows[index]
        row.amount.setText(format_yuan(amount_fen))
        row.amount_feedback.clear()
        return self._claim_rows.index(row) + 1

    def add_claim(self, *, focus: bool = False) -> ClaimRow:
        """Add an empty claim row at the end."""
        row = ClaimRow()
        row.amount_changed.connect(self._update_total)
        row.remove_requested.connect(lambda r=row: self.remove_claim(r))
        self._claim_rows.append(row)
        self._claims_layout.insertWidget(self._claims_layout.count() - 1, row)
        self._renumber_claims()
        if focus:
            row.item.setFocus()
        return row

    def remove_claim(self, row: ClaimRow) -> None:
        """Delete one claim row."""
        if row not in self._claim_rows:
            return
        self._claim_rows.remove(row)
        self._claims_layout.removeWidget(row)
        row.deleteLater()
        self._renumber_claims()
        self._update_total()

    def _renumber_claims(self) -> None:
        for i, row in enumerate(self._claim_rows, start=1):
            row.number.setText(f"{i}.")

    def _update_total(self) -> None:
        total, unreadable = 0, 0
        for row in self._claim_rows:
            try:
                total += row.amount_fen() or 0
            except ValueError:
                unreadable += 1
        text = self.tr("Total claimed: {amount} yuan").format(amount=format_yuan(total))
        if unreadable:
            text += self.tr(" ({count} amount(s) not understood, not counted)").format(count=unreadable)
        self.claim_total.setText(text)

    # ------------------------------------------------------------------ tribunal

    def _panel_mode_changed(self) -> None:
        sole = self.panel_sole.isChecked()
        self._seats_form.setRowVisible(self.sole_arbitrator, sole)
        self._seats_form.setRowVisible(self.presiding_arbitrator, not sole)
        for combo in self.member_arbitrators:
            self._seats_form.setRowVisible(combo, not sole)

    def _seats(self) -> tuple[tuple[ArbitratorInput, ...], str]:
        if self.panel_sole.isChecked():
            staff_id = self.sole_arbitrator.currentData()
            return ((ArbitratorInput(staff_id, PanelRole.SOLE),) if staff_id is not None else ()), ""
        chosen = [(self.presiding_arbitrator.currentData(), PanelRole.PRESIDING)]
        chosen += [(combo.currentData(), PanelRole.MEMBER) for combo in self.member_arbitrators]
        seats = tuple(ArbitratorInput(sid, role) for sid, role in chosen if sid is not None)
        if seats and len(seats) < 3:
            return seats, self.tr("A panel needs a presiding arbitrator and two arbitrators: "
                                  "{count} still to choose").format(count=3 - len(seats))
        return seats, ""

    # ------------------------------------------------------------------ basic facts

    def _accepted_toggled(self, checked: bool) -> None:
        self.accepted_date.setEnabled(checked)
        # Keep the status in step with the acceptance unless the clerk has moved it on.
        status = current_member(self.status, CaseStatus)
        if checked and status == CaseStatus.RECEIVED:
            select_data(self.status, CaseStatus.ACCEPTED)
        elif not checked and status == CaseStatus.ACCEPTED:
            select_data(self.status, CaseStatus.RECEIVED)
        if checked:
            self.accepted_date.setFocus()

    # ------------------------------------------------------------------ saving

    def collect(self) -> tuple[CaseInput, dict[str, str]]:
        """The case as typed, and the problems found before asking the services.

        Returns:
            The input to save and a dict of field key → reason for what the form itself could
            not read (amounts, an incomplete panel).
        """
        errors: dict[str, str] = {}
        claims = []
        for i, row in enumerate(self._claim_rows):
            try:
                amount = row.amount_fen()
            except ValueError as exc:
                amount = None
                errors[f"claims[{i}].amount"] = self.tr("Claim {n}: {reason}").format(n=i + 1, reason=lang.text(reason_of(exc)))
            claims.append(ClaimInput(row.item.text(), amount))
        seats, seat_problem = self._seats()
        if seat_problem:
            errors["arbitrators"] = seat_problem
        data = CaseInput(
            case_type=current_member(self.case_type, CaseType) or CaseType.OTHER,
            received_date=to_date(self.received_date),
            accepted_date=to_date(self.accepted_date) if self.accepted_on.isChecked() else None,
            status=current_member(self.status, CaseStatus),
            procedure=current_member(self.procedure, Procedure) or Procedure.ORDINARY,
            summary=self.case_summary.toPlainText(),
            parties=tuple(form.to_input() for form in self._party_forms),
            claims=tuple(claims),
            arbitrators=seats,
            clerk_id=self.clerk.currentData(),
            tribunal_id=self.tribunal.currentData(),
            collective=self.collective.isChecked(),
            worker_count=self.worker_count.value(),
        )
        return data, errors

    def save(self) -> bool:
        """Check and save the case; on success emit :attr:`case_saved` and close.

        Returns:
            True when the case was saved.
        """
        if not self.save_button.isEnabled() or not self.loading.ready:
            return False
        for row in [r for r in self._claim_rows if r.is_blank()]:
            self.remove_claim(row)
        data, local_errors = self.collect()
        if local_errors:
            # Show everything that is wrong at once, not the form's problems first.
            _, service_errors = case_service.check_case_input(data)
            self.show_errors({**service_errors, **local_errors})
            return False
        db, case = self._db, self.case

        def work() -> CaseDetail:
            if case is None:
                return case_service.create_case(db, data)
            return case_service.update_case(db, case.id, data, expected_version=case.version)

        try:
            # On the writer thread; whoever listens to case_saved broadcasts the change.
            saved = ops.call(self, work, write=True)
        except ValidationError as exc:
            self.show_errors(exc.fields, lang.text(exc.message))
            return False
        except StaleEditError as exc:
            stale_edit.resolve(self, exc, self.reload_case)
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.saved_case = saved
        # A later save from this editor builds on the version just written, not the one loaded.
        if self.case is not None:
            self.case = saved
        self._initial_state = self._state()
        self.case_saved.emit(saved)
        self.accept()
        return True

    def reject(self) -> None:
        """Close without saving; asks first when something was typed."""
        if self.loading.ready and self._state() != self._initial_state and not msgbox.confirm(
            self, self.tr("Discard changes"),
            self.tr("What you typed has not been saved. Close and discard it?"),
            self.tr("Discard"),
        ):
            return
        super().reject()

    def _state(self) -> tuple[Any, ...]:
        data, _ = self.collect()
        amounts = tuple(row.amount.text() for row in self._claim_rows)
        return (data, amounts)

    # ------------------------------------------------------------------ errors

    def feedback(self, key: str) -> FieldFeedback | None:
        """The message line for a service field key ("received_date", "parties[1].phone"…)."""
        target = self._target(key)
        return target[0] if target else None

    def _target(self, key: str) -> tuple[FieldFeedback, int, int | None] | None:
        match = _ITEM_KEY.match(key)
        if match:
            group, index, field = match.group(1), int(match.group(2)), match.group(3)
            if group == "parties" and index < len(self._party_forms):
                return self._party_forms[index].feedback(field), TAB_PARTIES, index
            if group == "claims" and index < len(self._claim_rows):
                return self._claim_rows[index].feedback(field), TAB_CLAIMS, None
            return None
        if key in self._basic_feedback:
            return self._basic_feedback[key], TAB_BASIC, None
        static = {
            "parties": (self.parties_feedback, TAB_PARTIES),
            "claims": (self.claims_feedback, TAB_CLAIMS),
            "arbitrators": (self.arbitrators_feedback, TAB_TRIBUNAL),
            "clerk": (self.clerk_feedback, TAB_TRIBUNAL),
            "tribunal": (self.tribunal_feedback, TAB_TRIBUNAL),
        }
        if key in static:
            feedback, tab = static[key]
            return feedback, tab, None
        return None

    def _all_feedback(self) -> list[FieldFeedback]:
        out = list(self._basic_feedback.values())
        out += [self.parties_feedback, self.claims_feedback, self.arbitrators_feedback,
                self.clerk_feedback, self.tribunal_feedback]
        for row in self._claim_rows:
            out += [row.item_feedback, row.amount_feedback]
        return out

    def clear_errors(self) -> None:
        """Remove every red message and outline, and the summary line."""
        for feedback in self._all_feedback():
            if feedback.has_error:
                feedback.clear()
        for form in self._party_forms:
            form.clear_errors()
        self._marked = []
        self._elsewhere = []
        self.summary.hide()
        for tab in range(self.tabs.count()):
            self.tabs.tabBar().setTabTextColor(tab, self.palette().windowText().color())
        self._refresh_party_captions()

    def _recount(self) -> None:
        """After a refused save: the summary and the red tabs follow the fields as they are corrected."""
        if not self._marked or not self.summary.isVisibleTo(self):
            return
        left = [(feedback, tab) for feedback, tab in self._marked if feedback.has_error]
        for tab in {tab for _feedback, tab in self._marked}:
            wrong = any(t == tab for _f, t in left)
            self.tabs.tabBar().setTabTextColor(tab, QColor(ERROR_COLOUR) if wrong
                                               else self.palette().windowText().color())
        count = len(left) + len(self._elsewhere)
        if count:
            text = self.tr("Not saved: {count} item(s) to correct, marked in red.").format(count=count)
            if self._elsewhere:
                text += " " + "；".join(self._elsewhere)
        else:
            text = self.tr("Everything marked has been changed. Press Save to check and save again.")
        self.summary.setText(text)
        self.summary.setProperty("resolved", not count)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self._refresh_party_captions()

    def show_errors(self, fields: dict[str, str], message: str = "") -> None:
        """Show each reason beside its field, a summary on top, and go to the first problem.

        The summary and the red tab titles then follow the fields: each correction takes its
        mark away and the count down, without moving any field.
        """
        self.clear_errors()
        placed: list[tuple[int, int, FieldFeedback, int | None]] = []
        elsewhere: list[str] = []
        for order, (key, reason) in enumerate(fields.items()):
            target = self._target(key)
            if target is None:
                elsewhere.append(lang.text(reason))
                continue
            feedback, tab, party = target
            feedback.show_error(field_reason(reason) if "[" in key else lang.text(reason))
            if party is not None and key.endswith(".credit_code"):
                self._party_forms[party].offer_confirmation()
            placed.append((tab, order, feedback, party))
            self._marked.append((feedback, tab))
            if self._recount not in feedback.listeners:
                feedback.listeners.append(self._recount)
            self.tabs.tabBar().setTabTextColor(tab, QColor(ERROR_COLOUR))
        self._refresh_party_captions()
        count = len(placed) + len(elsewhere)
        if count:
            text = self.tr("Not saved: {count} item(s) to correct, marked in red.").format(count=count)
        else:
            text = message or self.tr("Not saved.")
        if elsewhere:
            text += " " + ("; " if lang.is_english() else "；").join(elsewhere)
        self._elsewhere = elsewhere
        self.summary.setText(text)
        self.summary.setProperty("resolved", False)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.summary.show()
        if placed:
            tab, _order, feedback, party = min(placed, key=lambda p: (p[0], p[1]))
            self.tabs.setCurrentIndex(tab)
            if party is not None:
                self.party_list.setCurrentRow(party)
                # An agent's field may sit below the fold of the party's page.
                page = self._party_scroll.widget()
                layout = page.layout() if page is not None else None
                if layout is not None:
                    layout.activate()
                self._party_scroll.ensureWidgetVisible(feedback.container)
            feedback.field.setFocus()

    # ------------------------------------------------------------------ entry point

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, case_id: int | None = None) -> CaseDetail | None:
        """Open the editor for a new case (``case_id`` None) or an existing one.

        Returns:
            The saved case, or None when the clerk cancelled (or the case could not be opened,
            which has been explained in a message box).
        """
        tab = 0
        while True:
            dialog = cls(db, case_id, parent)
            dialog.tabs.setCurrentIndex(tab)
            try:
                result = dialog.exec()
                if result == QDialog.DialogCode.Accepted:
                    return dialog.saved_case
                if result != RELOAD:
                    return None
                tab = dialog.tabs.currentIndex()  # 重新载入: a fresh editor on the saved case
            finally:
                dialog.deleteLater()

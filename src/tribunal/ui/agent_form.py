"""The agents of one party in the case editor: up to two, every field, reasons beside the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain import agents as rules
from tribunal.domain import validators
from tribunal.domain.enums import AgentAuthority, AgentKind, SpecialAuthority
from tribunal.services.agents import AgentInput
from tribunal.ui import lang
from tribunal.ui.combos import add_members, current_member, select_data
from tribunal.ui.feedback import FieldFeedback

__all__ = ["AgentForm", "AgentsBox"]


class AgentForm(QGroupBox):
    """One agent (代理人): kind, name, firm or unit, address for service, phone, licence,
    legal aid, relation to the party and the scope of authority.

    Fields that do not apply to the chosen kind are hidden (a relative has no licence; a
    statutory agent no power of attorney).

    Signals:
        remove_requested(): the clerk pressed this agent's delete button.
        changed(): a value changed (the party's list entry may need a new colour).
    """

    remove_requested = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agent_id: int | None = None
        self.kind = QComboBox()
        add_members(self.kind, AgentKind)
        self.name = QLineEdit()
        self.organisation = QLineEdit()
        self.relation = QLineEdit()
        self.relation.setPlaceholderText(self.tr("For example: spouse, father, guardian"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Where notices to this agent are served"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.licence_number = QLineEdit()
        self.licence_number.setPlaceholderText(self.tr("As on the practising certificate"))
        self.legal_aid = QCheckBox(self.tr("Assigned by a legal-aid body"))
        self.authority = QComboBox()
        self.authority.addItem(self.tr("Not recorded yet"), None)
        add_members(self.authority, AgentAuthority)
        self.by_law = QLabel(self.tr("Acts for the party by law; no power of attorney is needed."))
        self.by_law.setProperty("feedback", "hint")
        self.by_law.setWordWrap(True)
        self.items: dict[SpecialAuthority, QCheckBox] = {item: QCheckBox(lang.label(item))
                                                         for item in SpecialAuthority}
        items_box = QWidget()
        grid = QGridLayout(items_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.items.values()):
            grid.addWidget(box, i // 2, i % 2)
        authority_box = QWidget()
        column = QVBoxLayout(authority_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.authority)
        column.addWidget(self.by_law)
        column.addWidget(items_box)
        self.remove = QPushButton(self.tr("Delete this agent"))

        self._feedback = {
            "kind": FieldFeedback(self.kind),
            "name": FieldFeedback(self.name),
            "organisation": FieldFeedback(self.organisation),
            "relation": FieldFeedback(self.relation),
            "address": FieldFeedback(self.address),
            "phone": FieldFeedback(self.phone),
            "licence_number": FieldFeedback(self.licence_number),
            "legal_aid": FieldFeedback(self.legal_aid),
            "authority": FieldFeedback(authority_box, outline=(self.authority,)),
        }
        fb = self._feedback
        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Kind"), fb["kind"].container)
        form.addRow(self.tr("Name"), fb["name"].container)
        self._organisation_label = QLabel()
        form.addRow(self._organisation_label, fb["organisation"].container)
        form.addRow(self.tr("Relation to the party"), fb["relation"].container)
        form.addRow(self.tr("Licence number"), fb["licence_number"].container)
        form.addRow("", fb["legal_aid"].container)
        form.addRow(self.tr("Address for service"), fb["address"].container)
        form.addRow(self.tr("Phone"), fb["phone"].container)
        form.addRow(self.tr("Authority"), fb["authority"].container)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.authority.currentIndexChanged.connect(self._authority_changed)
        self.remove.clicked.connect(self.remove_requested)
        self.name.editingFinished.connect(self.check_name)
        self.phone.editingFinished.connect(self.check_phone)
        for key, feedback in fb.items():
            if isinstance(feedback.field, QLineEdit):
                feedback.field.textEdited.connect(lambda _text, k=key: self._retyped(k))
        for widget in (self.kind, self.authority):
            widget.currentIndexChanged.connect(self.changed)
        self._kind_changed()

    # ------------------------------------------------------------------ data

    def current_kind(self) -> AgentKind:
        return current_member(self.kind, AgentKind) or AgentKind.LAWYER

    def feedback(self, field: str) -> FieldFeedback:
        """The message line of one field (the service's keys: name, phone, authority…)."""
        return self._feedback.get(field, self._feedback["name"])

    def has_errors(self) -> bool:
        return any(fb.has_error for fb in self._feedback.values())

    def clear_errors(self) -> None:
        for fb in self._feedback.values():
            if fb.has_error:
                fb.clear()

    def load(self, agent: AgentInput) -> None:
        """Show a stored agent."""
        self.agent_id = agent.id
        select_data(self.kind, agent.kind)
        self.name.setText(agent.name)
        self.organisation.setText(agent.organisation)
        self.relation.setText(agent.relation)
        self.address.setText(agent.address)
        self.phone.setText(agent.phone)
        self.licence_number.setText(agent.licence_number)
        self.legal_aid.setChecked(agent.legal_aid)
        if agent.authority is None:
            self.authority.setCurrentIndex(0)
        else:
            select_data(self.authority, agent.authority)
        for item, box in self.items.items():
            box.setChecked(item in agent.special_items)
        self._kind_changed()

    def to_input(self) -> AgentInput:
        """The agent as typed; fields hidden for the kind are left out (the service checks the rest)."""
        kind = self.current_kind()
        licensed = rules.has_licence(kind)
        entrusted = rules.needs_power_of_attorney(kind)
        authority = current_member(self.authority, AgentAuthority) if entrusted else None
        special = authority == AgentAuthority.SPECIAL
        return AgentInput(
            id=self.agent_id,
            kind=kind,
            name=self.name.text(),
            organisation=self.organisation.text() if rules.organisation_label(kind) else "",
            address=self.address.text(),
            phone=self.phone.text(),
            licence_number=self.licence_number.text() if licensed else "",
            relation=self.relation.text() if self._has_relation(kind) else "",
            legal_aid=licensed and self.legal_aid.isChecked(),
            authority=authority,
            special_items=tuple(i for i, box in self.items.items() if special and box.isChecked()),
        )

    # ------------------------------------------------------------------ behaviour

    @staticmethod
    def _has_relation(kind: AgentKind) -> bool:
        return kind in (AgentKind.CLOSE_RELATIVE, AgentKind.STATUTORY, AgentKind.OTHER)

    def _organisation_caption(self, kind: AgentKind) -> str:
        return {
            AgentKind.LAWYER: self.tr("Law firm"),
            AgentKind.LEGAL_SERVICE_WORKER: self.tr("Legal-service office"),
            AgentKind.RECOMMENDED: self.tr("Recommended by"),
        }.get(kind, self.tr("Employer or unit"))

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        fb = self._feedback
        self._organisation_label.setText(self._organisation_caption(kind))
        self._form.setRowVisible(fb["organisation"].container, bool(rules.organisation_label(kind)))
        self._form.setRowVisible(fb["relation"].container, self._has_relation(kind))
        self._form.setRowVisible(fb["licence_number"].container, rules.has_licence(kind))
        self._form.setRowVisible(fb["legal_aid"].container, rules.legal_aid_possible(kind))
        entrusted = rules.needs_power_of_attorney(kind)
        self.authority.setVisible(entrusted)
        self.by_law.setVisible(not entrusted)
        self._authority_changed()

    def _authority_changed(self) -> None:
        entrusted = rules.needs_power_of_attorney(self.current_kind())
        special = entrusted and current_member(self.authority, AgentAuthority) == AgentAuthority.SPECIAL
        for box in self.items.values():
            box.setVisible(entrusted)
            box.setEnabled(special)
        if self._feedback["authority"].kind:
            self._feedback["authority"].clear()

    def _retyped(self, key: str) -> None:
        if self._feedback[key].kind:
            self._feedback[key].clear()

    def check_name(self) -> None:
        """Check the name as the clerk leaves the field."""
        feedback = self._feedback["name"]
        text = self.name.text()
        if not text.strip():
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

    def check_phone(self) -> None:
        """Check the phone as the clerk leaves the field and write it back in the usual form."""
        feedback = self._feedback["phone"]
        if not self.phone.text().strip():
            feedback.clear()
            return
        result = validators.check_phone(self.phone.text())
        if not result.ok:
            feedback.show_error(result.error or "")
            return
        if result.value != self.phone.text():
            self.phone.setText(result.value)
        feedback.clear()


class AgentsBox(QWidget):
    """A party's agents: one :class:`AgentForm` each, two at most, and a button to add one.

    Signals:
        changed(): an agent was added, removed or changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forms: list[AgentForm] = []
        self.add_button = QPushButton(self.tr("Add an agent"))
        self.add_button.setToolTip(self.tr("A party may have two agents at most"))
        self.none_label = QLabel(self.tr("No agent: the party acts in person."))
        self.none_label.setProperty("feedback", "hint")
        self.list_feedback = FieldFeedback(self.none_label)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.list_feedback.container)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self._layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_agent(focus=True))
        self._refresh()

    def add_agent(self, agent: AgentInput | None = None, *, focus: bool = False) -> AgentForm | None:
        """Add a form (filled from ``agent`` if given); None when the party has two already."""
        if len(self.forms) >= rules.MAX_AGENTS_PER_PARTY:
            return None
        form = AgentForm()
        if agent is not None:
            form.load(agent)
        form.remove_requested.connect(lambda f=form: self.remove_agent(f))
        form.changed.connect(self.changed)
        self.forms.append(form)
        self._layout.insertWidget(self._layout.count() - 1, form)
        self._refresh()
        if focus:
            form.name.setFocus()
        self.changed.emit()
        return form

    def remove_agent(self, form: AgentForm) -> None:
        """Take one agent off the party (saved only when the case is saved)."""
        if form not in self.forms:
            return
        self.forms.remove(form)
        self._layout.removeWidget(form)
        form.deleteLater()
        self._refresh()
        self.changed.emit()

    def load(self, agents: tuple[AgentInput, ...]) -> None:
        for form in list(self.forms):
            self.remove_agent(form)
        for agent in agents:
            self.add_agent(agent)

    def to_input(self) -> tuple[AgentInput, ...]:
        return tuple(form.to_input() for form in self.forms)

    def feedback(self, field: str) -> FieldFeedback:
        """The message line for ``agents`` or ``agents[j].<field>`` (service keys within a party)."""
        if field.startswith("agents[") and "]." in field:
            index = int(field[len("agents["):field.index("]")])
            if index < len(self.forms):
                return self.forms[index].feedback(field.split("].", 1)[1])
        return self.list_feedback

    def has_errors(self) -> bool:
        return self.list_feedback.has_error or any(form.has_errors() for form in self.forms)

    def clear_errors(self) -> None:
        if self.list_feedback.has_error:
            self.list_feedback.clear()
        for form in self.forms:
            form.clear_errors()

    def _refresh(self) -> None:
        for i, form in enumerate(self.forms, start=1):
            form.setTitle(self.tr("Agent {n}").format(n=i))
        self.none_label.setVisible(not self.forms)
        self.add_button.setEnabled(len(self.forms) < rules.MAX_AGENTS_PER_PARTY)

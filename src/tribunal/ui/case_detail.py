"""The view of the selected case under the case list: overview, parties, claims, tribunal, participants, time limits, history."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QTextBrowser, QWidget

from tribunal.domain.enums import (
    AgentKind,
    CaseOutcome,
    CaseStatus,
    CaseType,
    ParticipantRole,
    PartyKind,
    Procedure,
)
from tribunal.domain.money import format_yuan
from tribunal.services import audit
from tribunal.services.agents import AgentInput
from tribunal.services.app import Database
from tribunal.services.audit import AuditRow, shown_value
from tribunal.services.cases import CaseDetail
from tribunal.services.field_labels import field_label
from tribunal.ui import combos, lang, ops
from tribunal.ui.audit_log import entry_summary
from tribunal.ui.clock_widgets import ClocksTab
from tribunal.ui.participants_widgets import ParticipantsTab

TAB_OVERVIEW = 0
TAB_PARTIES = 1
TAB_CLAIMS = 2
TAB_TRIBUNAL = 3
TAB_HISTORY = 4
#: Positions of the 其他参与人 tab (after the tribunal) and of the 期限 tab (the statutory
#: clocks, just before the history). The TAB_* numbers above index the read-only text views
#: for :meth:`CaseDetailPane.text`, not the tabs.
PARTICIPANTS_TAB_POSITION = 4
CLOCKS_TAB_POSITION = 5

# Field names of the audit trail, in the clerk's words.
# The fields the history tab names (their labels: tribunal.services.field_labels, the one table
# the audit log and the stale-save notice use too).
_FIELD_LABELS = frozenset({
    "case_type", "status", "procedure", "received_date", "accepted_date", "summary", "outcome",
    "outcome_note", "closed_date", "collective", "worker_count", "extension_approved", "clerk_id",
    "tribunal_id", "parties", "claims", "arbitrators",
})
_ENUM_FIELDS: dict[str, Any] = {
    "case_type": CaseType,
    "status": CaseStatus,
    "procedure": Procedure,
    "outcome": CaseOutcome,
}
_SKIPPED_FIELDS = {"updated_at", "id", "seq", "year", "number", "version"}
# A participant's entries (participant.add/update/remove) carry the whole row: name the fields
# a clerk recognises and show the masked numbers (the full ones are on the 其他参与人 tab).
_PARTICIPANT_FIELD_LABELS = frozenset({"role", "name", "id_number_masked", "phone_masked", "enterprise_name", "notes"})

# An agent's entries (agent.add/update/remove) carry the whole agent: name what changed.
_AGENT_FIELD_LABELS = frozenset({"kind", "name", "organisation", "address", "phone", "licence_number", "relation",
                                 "legal_aid", "authority", "special_items"})

_STYLE = """
<style>
 table.grid { border-collapse: collapse; }
 table.grid td, table.grid th { border: 1px solid #c8ccd0; padding: 3px 8px; vertical-align: top; }
 table.grid th { background: #eef1f4; font-weight: normal; }
 td.key { color: #4a5560; padding-right: 12px; white-space: nowrap; }
 td.num { text-align: right; }
 p.note { color: #4a5560; }
</style>
"""


class CaseDetailPane(QTabWidget):
    """Tabs showing one case (案件详情): read-only text, the 其他参与人 tab (witnesses and the
    like, with buttons to record them) and the 期限 tab whose buttons record what moves the
    statutory clocks (suspension, extension, re-count, service).

    Signals:
        clock_changed(int): something recorded on the 期限 tab changed the case (its id);
            its status may have changed too (a suspension marks it 中止).
        participants_changed(int): a participant of the case (its id) was added, changed or
            removed; the history tab is already brought up to date.
    """

    clock_changed = Signal(int)
    participants_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, db: Database | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._views: list[QTextBrowser] = []
        for title in (self.tr("Overview"), self.tr("Parties"), self.tr("Claims"),
                      self.tr("Tribunal"), self.tr("History")):
            view = QTextBrowser()
            view.setOpenLinks(False)
            self._views.append(view)
            self.addTab(view, title)
        self.participants = ParticipantsTab(db)
        self.participants.participants_changed.connect(self._participants_changed)
        self.insertTab(PARTICIPANTS_TAB_POSITION, self.participants, self.tr("Other participants"))
        self.clocks = ClocksTab(db)
        self.clocks.clock_changed.connect(self.clock_changed)
        self.insertTab(CLOCKS_TAB_POSITION, self.clocks, self.tr("Time limits"))
        self.staff_names: dict[int, str] = {}
        self.tribunal_names: dict[int, str] = {}
        self._case: CaseDetail | None = None
        self._outcome_buttons = self._outcomes_corner()
        self.show_case(None)

    def _outcomes_corner(self) -> list[QPushButton]:
        """调解书…, 裁决书…, 仲裁建议书… at the right of the tabs."""
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 4, 0)
        buttons = []
        for label, slot in ((self.tr("Mediation…"), self._open_mediation), (self.tr("Award…"), self._open_award),
                            (self.tr("Recommendation…"), self._open_recommendation)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
            buttons.append(button)
        self.setCornerWidget(corner)
        return buttons

    def _open_outcome(self, dialog_class: Any) -> None:
        db = self._database()
        if db is None or self._case is None:
            return
        dialog = dialog_class(db, self._case, self)
        dialog.changed.connect(self.clock_changed)
        dialog.exec()

    def _open_mediation(self) -> None:
        from tribunal.ui.outcome_dialogs import MediationDialog

        self._open_outcome(MediationDialog)

    def _open_award(self) -> None:
        from tribunal.ui.outcome_dialogs import AwardDialog

        self._open_outcome(AwardDialog)

    def _open_recommendation(self) -> None:
        from tribunal.ui.outcome_dialogs import RecommendationDialog

        self._open_outcome(RecommendationDialog)

    def set_database(self, db: Database) -> None:
        """The database the 其他参与人 and 期限 tabs read from (when not given at construction)."""
        self._db = db
        self.participants.set_database(db)
        self.clocks.set_database(db)

    def _database(self) -> Database | None:
        if self._db is None:
            # Built by a page that does not pass the database yet: borrow the page's.
            widget = self.parentWidget()
            while widget is not None:
                found = getattr(widget, "_db", None)
                if isinstance(found, Database):
                    self.set_database(found)
                    break
                widget = widget.parentWidget()
        return self._db

    def text(self, tab: int) -> str:
        """The plain text of one tab (for tests)."""
        return self._views[tab].toPlainText()

    def show_case(self, case: CaseDetail | None, history: list[AuditRow] | None = None) -> None:
        """Show ``case`` (or a hint to pick one when None)."""
        self._case = case
        closed = case is None or case.status == CaseStatus.CLOSED
        for button in self._outcome_buttons:
            # A closed case may still get a recommendation; statements and awards are for open cases.
            button.setEnabled(case is not None and (not closed or button is self._outcome_buttons[2]))
        if case is None:
            hint = _note(self.tr("Select a case in the list above to see it here."))
            for view in self._views:
                view.setHtml(_STYLE + hint)
            self.participants.show_case(None)
            self.clocks.show_case(None)
            return
        self._database()
        self.participants.show_case(case.id, case.number, closed=case.status == CaseStatus.CLOSED)
        self.clocks.show_case(case.id, case.number)
        self._views[TAB_OVERVIEW].setHtml(_STYLE + self._overview(case))
        self._views[TAB_PARTIES].setHtml(_STYLE + self._parties(case))
        self._views[TAB_CLAIMS].setHtml(_STYLE + self._claims(case))
        self._views[TAB_TRIBUNAL].setHtml(_STYLE + self._tribunal(case))
        self._views[TAB_HISTORY].setHtml(_STYLE + self._history(history or []))

    def _participants_changed(self, case_id: int) -> None:
        # The change wrote an entry in the case's history: show it without a round trip to the page.
        db = self._database()
        if db is not None:
            # On a failure the history stays as it was; the list on the tab is current anyway.
            ops.run_read(self, lambda: audit.history(db, "case", case_id),
                         lambda history: self._history_read(case_id, history),
                         on_failed=lambda _error: None, key="history")
        self.participants_changed.emit(case_id)

    def _history_read(self, case_id: int, history: list[AuditRow]) -> None:
        if self.participants.case_id() == case_id:  # still the case on show
            self._views[TAB_HISTORY].setHtml(_STYLE + self._history(history))

    # ------------------------------------------------------------------ tabs

    def _overview(self, case: CaseDetail) -> str:
        rows = [
            (self.tr("Case number"), case.number),
            (self.tr("Type of dispute"), lang.label(case.case_type)),
            (self.tr("Procedure"), lang.label(case.procedure)),
            (self.tr("Status"), lang.label(case.status)),
            (self.tr("Date received"), lang.date_text(case.received_date)),
            (self.tr("Date accepted"), lang.date_text(case.accepted_date) or self.tr("Not yet accepted")),
        ]
        if case.collective:
            rows.append((self.tr("Collective dispute"),
                         self.tr("Yes, {count} workers").format(count=case.worker_count)))
        if case.outcome is not None:
            rows.append((self.tr("Outcome"), lang.label(case.outcome)))
            rows.append((self.tr("Date closed"), lang.date_text(case.closed_date)))
            if case.outcome_note:
                rows.append((self.tr("Note on closing"), case.outcome_note))
        rows.append((self.tr("Summary of the case"), case.summary or self.tr("(none)")))
        return _key_values(rows)

    def _parties(self, case: CaseDetail) -> str:
        if not case.parties:
            return _note(self.tr("No parties recorded."))
        out = []
        for p in case.parties:
            rows: list[tuple[str, str]] = []
            if p.kind == PartyKind.PERSON:
                rows.append((self.tr("ID number"), p.id_number or self.tr("(not recorded)")))
            else:
                rows.append((self.tr("Credit code"), p.credit_code or self.tr("(not recorded)")))
                if p.legal_representative:
                    rep = p.legal_representative
                    if p.legal_representative_title:
                        rep += f"（{p.legal_representative_title}）"
                    rows.append((self.tr("Legal representative"), rep))
            rows.append((self.tr("Phone"), p.phone or self.tr("(not recorded)")))
            if p.address:
                rows.append((self.tr("Address"), p.address))
            for agent in p.agents:
                firm = f"（{agent.organisation}）" if agent.organisation else ""
                text = f"{agent.name}{firm}，{lang.label(agent.kind)}"
                if agent.legal_aid:
                    text += "，" + self.tr("legal aid")
                if agent.phone:
                    text += f"　{agent.phone_masked}"
                rows.append((self.tr("Agent"), text))
                if agent.address:
                    rows.append((self.tr("Address for service"), agent.address))
                rows.append((self.tr("Authority"), self._authority(agent)))
            title = f"{lang.label(p.role)}：{p.name}（{lang.label(p.kind)}）"
            out.append(f"<p><b>{escape(title)}</b></p>" + _key_values(rows))
        return "".join(out)

    def _authority(self, agent: AgentInput) -> str:
        """The agent's scope of authority in the interface language."""
        if agent.authority is None and agent.kind in (AgentKind.STATUTORY, AgentKind.APPOINTED):
            return self.tr("Acts by law")
        if agent.authority is None:
            return self.tr("Not recorded yet")
        text = lang.label(agent.authority)
        if agent.special_items:
            text += "（" + "；".join(lang.label(i) for i in agent.special_items) + "）"
        return text

    def _claims(self, case: CaseDetail) -> str:
        if not case.claims:
            return _note(self.tr("No claims recorded."))
        titles = (self.tr("No."), self.tr("Claim"), self.tr("Amount (yuan)"))
        head = "<tr>" + "".join(f"<th>{escape(t)}</th>" for t in titles) + "</tr>"
        body = "".join(
            f"<tr><td>{i}</td><td>{escape(c.item)}</td>"
            f"<td class='num'>{escape(format_yuan(c.amount_fen)) if c.amount_fen is not None else ''}</td></tr>"
            for i, c in enumerate(case.claims, start=1)
        )
        total = sum(c.amount_fen or 0 for c in case.claims)
        total_label = self.tr("Total")
        foot = (f"<tr><td></td><td><b>{escape(total_label)}</b></td>"
                f"<td class='num'><b>{escape(format_yuan(total))}</b></td></tr>")
        return f"<table class='grid' cellspacing='0'>{head}{body}{foot}</table>"

    def _tribunal(self, case: CaseDetail) -> str:
        rows = [(lang.label(a.role), a.name) for a in case.arbitrators]
        if not rows:
            rows.append((self.tr("Arbitrators"), self.tr("Not yet appointed")))
        clerk = self.staff_names.get(case.clerk_id, "") if case.clerk_id else ""
        rows.append((self.tr("Clerk"), clerk or self.tr("Not yet assigned")))
        tribunal = self.tribunal_names.get(case.tribunal_id, "") if case.tribunal_id else ""
        rows.append((self.tr("Circuit tribunal"), tribunal or self.tr("Not assigned")))
        return _key_values(rows)

    def _history(self, history: list[AuditRow]) -> str:
        if not history:
            return _note(self.tr("No changes recorded."))
        out = []
        for entry in history:
            when = entry.at.strftime("%Y-%m-%d %H:%M") if isinstance(entry.at, dt.datetime) else str(entry.at)
            out.append(f"<p><b>{escape(when)}</b>　{escape(entry.actor)}　{escape(entry_summary(entry.summary, entry.action))}</p>")
            if entry.action.endswith(".create"):
                continue
            if entry.action.startswith("participant."):
                out.append(self._participant_changes(entry))
                continue
            if entry.action.startswith("agent."):
                out.append(self._agent_changes(entry))
                continue
            items = []
            for field, before, after in entry.changes:
                top = field.split(".", 1)[0]
                if top in _SKIPPED_FIELDS:
                    continue
                name = field_label("case", top, lang.language())
                if isinstance(before, list | dict) or isinstance(after, list | dict) or "." in field:
                    change = self.tr("changed")
                else:
                    change = f"{self._value(top, before)} → {self._value(top, after)}"
                items.append(f"<li>{escape(name)}：{escape(change)}</li>")
            # Several sub-fields of one list ("parties") give one line, not many.
            unique = list(dict.fromkeys(items))
            if unique:
                out.append("<ul>" + "".join(unique) + "</ul>")
        return "".join(out)

    def _participant_changes(self, entry: AuditRow) -> str:
        # Only an update lists fields: the summary of an addition or removal says it all.
        if not entry.action.endswith(".update"):
            return ""
        items = []
        for field, before, after in entry.changes:
            if field not in _PARTICIPANT_FIELD_LABELS:
                continue
            if field == "role":
                before, after = (_role_label(v) for v in (before, after))
            else:  # phone and ID numbers are stored masked, with a flag when they changed
                before, after = shown_value(before), shown_value(after)
            change = f"{before or self.tr('(empty)')} → {after or self.tr('(empty)')}"
            items.append(f"<li>{escape(field_label('case', field, lang.language()))}：{escape(change)}</li>")
        return "<ul>" + "".join(items) + "</ul>" if items else ""

    def _agent_changes(self, entry: AuditRow) -> str:
        # Which of the agent's fields changed; the values stay out (the phone in full among them).
        if not entry.action.endswith(".update"):
            return ""
        fields = dict.fromkeys(f.split(".")[1] for f, _b, _a in entry.changes
                               if f.startswith("agent.") and f.split(".")[1] in _AGENT_FIELD_LABELS)
        labels = dict.fromkeys(field_label("case", f"agent.{f}", lang.language()) for f in fields)
        items = [f"<li>{escape(label)}：{escape(self.tr('changed'))}</li>" for label in labels]
        return "<ul>" + "".join(items) + "</ul>" if items else ""

    def _value(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if field in _ENUM_FIELDS:
            try:
                return lang.label(_ENUM_FIELDS[field](value))
            except ValueError:
                return str(value)
        if field == "clerk_id" and isinstance(value, int):
            return self.staff_names.get(value, str(value))
        if field == "tribunal_id" and isinstance(value, int):
            return self.tribunal_names.get(value, str(value))
        return str(value)


def _role_label(value: Any) -> str:
    if not value:
        return ""
    role = combos.member(ParticipantRole, value)
    return str(value) if role is None else lang.label(role)


def _note(text: str) -> str:
    return f"<p class='note'>{escape(text)}</p>"


def _key_values(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td class='key'>{escape(k)}</td><td>{escape(v).replace(chr(10), '<br>')}</td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing='0' cellpadding='3'>{body}</table>"

"""送达通知书: record how, when and by whom one case notice reached one addressee (the 期限 tab's button)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from tribunal.domain import notices as nk
from tribunal.domain.enums import ServiceMethod
from tribunal.errors import ValidationError
from tribunal.services import cases as case_service
from tribunal.services import notices, participants, settings
from tribunal.services.app import Database
from tribunal.services.cases import CaseDetail
from tribunal.services.participants import ParticipantRow
from tribunal.ui import lang
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.clock_widgets import RecordDialog
from tribunal.ui.combos import add_members, current_member
from tribunal.ui.dates import qdate

__all__ = ["NoticeServiceDialog"]


class NoticeServiceDialog(RecordDialog):
    """One service of one notice: the notice, the addressee (party, its agent, or a witness…),
    the method with what it needs (tracking number, witnesses, consent), the date and who served it."""

    def __init__(self, db: Database, case_id: int, number: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, case_id, number, today, parent)
        self.setWindowTitle(self.tr("Service of a notice — {number}").format(number=number))
        self.intro.setText(self.tr(
            "The date the addressee received the notice: the date signed on the proof of service, "
            "the postal receipt date; for a public notice, the day it was published. The date of the "
            "notice to respond starts that respondent's defence period."))
        self.kind = QComboBox()
        for kind in nk.KINDS:
            self.kind.addItem(kind.title, kind.key)
        self.addressee = QComboBox()
        self.method = QComboBox()
        add_members(self.method, [m for m in ServiceMethod if m != ServiceMethod.PHONE])
        self.served_on = make_date_edit(today)
        self.served_on.setMaximumDate(qdate(today))
        self.served_by = QLineEdit()
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("Registered-post or EMS number"))
        self.witnesses = QLineEdit()
        self.witnesses.setPlaceholderText(self.tr("Who witnessed it, or that it was photographed or filmed"))
        self.consent = QLineEdit()
        self.consent.setPlaceholderText(self.tr("How the addressee agreed, and the e-mail or phone used"))
        self.signed_by = QLineEdit()
        self.note = QLineEdit()
        self.add_field("kind", self.tr("Notice"), self.kind)
        self.add_field("party", self.tr("Addressee"), self.addressee)
        self.add_field("method", self.tr("How"), self.method)
        self.add_field("tracking_number", self.tr("Tracking number"), self.tracking)
        self.add_field("witnesses", self.tr("Witnesses"), self.witnesses)
        self.add_field("consent", self.tr("Consent"), self.consent)
        self.add_field("served_on", self.tr("Served on"), self.served_on)
        self.add_field("served_by", self.tr("Served by"), self.served_by)
        self.add_field("signed_by", self.tr("Signed by"), self.signed_by)
        self.add_field("note", self.tr("Note"), self.note)
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        self.read_case([self.addressee, self.served_by], self._show_addressees, work=lambda: (
            case_service.get_case(db, case_id), participants.list_participants(db, case_id),
            str(settings.get(db, "clerk.name") or "")))

    def _show_addressees(self, answer: tuple[CaseDetail, list[ParticipantRow], str]) -> None:
        case, others, clerk = answer
        for p in case.parties:
            self.addressee.addItem(f"{lang.label(p.role)}：{p.name}", f"party:{p.id}:")
            for agent in p.agents:
                agent_id = getattr(agent, "id", None)
                if agent_id:
                    self.addressee.addItem(self.tr("{party}, signed for by agent {agent}").format(
                        party=p.name, agent=agent.name), f"party:{p.id}:{agent_id}")
        for who in others:
            self.addressee.addItem(f"{lang.label(who.role)}: {who.name}" if lang.is_english()
                                   else f"{who.role.label_zh}：{who.name}", f"participant:{who.id}:")
        if not self.served_by.text():
            self.served_by.setText(clerk)

    def _method_changed(self) -> None:
        """Show only what the chosen method needs."""
        method = current_member(self.method, ServiceMethod)
        for key, wanted in (("tracking_number", ServiceMethod.POST), ("witnesses", ServiceMethod.LEFT),
                            ("consent", ServiceMethod.ELECTRONIC)):
            shown = method == wanted
            container = self.feedback(key).container
            container.setVisible(shown)
            label = self.form.labelForField(container)
            if label is not None:
                label.setVisible(shown)

    def work(self) -> Callable[[], notices.ServiceEntry]:
        target = self.addressee.currentData()
        if target is None:
            raise ValidationError(self.tr("This case has no party or other participant to serve."), {"party": self.tr("none")})
        # "party:7:" / "party:7:3" (served on its agent) / "participant:5:" — plain text survives Qt's data round trip.
        who, target_text, agent_text = str(target).split(":")
        target_id, agent_id = int(target_text), int(agent_text) if agent_text else None
        db, case_id, kind = self._db, self._case_id, str(self.kind.currentData())
        method = current_member(self.method, ServiceMethod) or ServiceMethod.DIRECT
        served_on, served_by, today = to_date(self.served_on), self.served_by.text(), self._today
        tracking, witnesses, consent = self.tracking.text(), self.witnesses.text(), self.consent.text()
        signed_by, note = self.signed_by.text(), self.note.text()
        party_id = target_id if who == "party" else None
        participant_id = target_id if who == "participant" else None
        return lambda: notices.record_service(
            db, case_id, kind, method=method, served_on=served_on, served_by=served_by, party_id=party_id,
            agent_id=agent_id, participant_id=participant_id, tracking_number=tracking, witnesses=witnesses,
            consent=consent, signed_by=signed_by, note=note, today=today)

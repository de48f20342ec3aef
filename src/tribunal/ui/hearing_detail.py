"""One hearing's own pane (开庭详情): what, where, who; service on each party; invitations; actions.

The actions are the hearing's life: change it (re-checked like a new one), record the
service of the hearing notice on a party (送达), postpone (延期开庭) or cancel it — both end
with the list of everyone who must be told — and record that it was held (已开庭).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import HearingStatus, ServiceMethod
from tribunal.domain.scheduling import HearingConflict
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services import hearings
from tribunal.services.app import Database
from tribunal.services.cases import CaseDetail
from tribunal.services.hearings import HearingDetail, Recipient, ServiceRecordRow
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.calendar_views import weekday_text
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.clock_widgets import RecordDialog
from tribunal.ui.combos import add_members, current_member
from tribunal.ui.dates import TimeField, qdate
from tribunal.ui.feedback import FORM_STYLE, HINT_COLOUR
from tribunal.ui.hearing_dialog import ConflictPanel, HearingDialog, OverrideReasonDialog
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    ERROR_COLOUR,
    GOOD_COLOUR,
    Column,
    RowsModel,
    make_table,
    set_column_widths,
)

_RECIPIENT_KINDS = {
    "party": QT_TRANSLATE_NOOP("HearingDetailPane", "Party"),
    "agent": QT_TRANSLATE_NOOP("HearingDetailPane", "Agent"),
    "participant": QT_TRANSLATE_NOOP("HearingDetailPane", "Other participant"),
    "arbitrator": QT_TRANSLATE_NOOP("HearingDetailPane", "Arbitrator"),
    "clerk": QT_TRANSLATE_NOOP("HearingDetailPane", "Clerk"),
    "host": QT_TRANSLATE_NOOP("HearingDetailPane", "Host enterprise"),
    "observer": QT_TRANSLATE_NOOP("HearingDetailPane", "Observer"),
}


def recipient_kind_text(kind: str) -> str:
    """当事人 / 代理人 / 其他参与人 / 仲裁员 / 书记员 / 东道企业 / 旁听人员."""
    return QCoreApplication.translate("HearingDetailPane", _RECIPIENT_KINDS.get(kind, kind))


@dataclass(frozen=True)
class PartyService:
    """One party of the hearing's case: how the hearing notice reached it, and what that allows."""

    id: int
    name: str
    role: str
    records: str
    default_allowed: bool
    default_reason: str


def _records_text(records: Sequence[ServiceRecordRow]) -> str:
    if not records:
        return QCoreApplication.translate("HearingDetailPane", "Not served yet")
    signed = QCoreApplication.translate("HearingDetailPane", "signed by")
    unconfirmed = QCoreApplication.translate("HearingDetailPane", "receipt not confirmed")
    parts = []
    for r in records:
        text = f"{lang.date_text(r.served_on)} {lang.label(r.method)}"
        if r.signed_by:
            text += f"，{signed} {r.signed_by}"
        if not r.confirmed:
            text += f"（{unconfirmed}）"
        parts.append(text)
    return "；".join(parts)


def _default_text(p: PartyService) -> str:
    if p.default_allowed:
        return QCoreApplication.translate("HearingDetailPane", "Allowed")
    return QCoreApplication.translate("HearingDetailPane", "Not allowed")


_SERVICE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Party"), lambda p: f"{p.role}\n{p.name}",
           tooltip=lambda p: f"{p.role}：{p.name}"),
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Hearing notice"), lambda p: p.records,
           tooltip=lambda p: p.records),
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Default if absent"), _default_text,
           tooltip=lambda p: p.default_reason,
           foreground=lambda p: GOOD_COLOUR if p.default_allowed else ERROR_COLOUR),
)

_RECIPIENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Who"), lambda r: recipient_kind_text(r.kind)),
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "As"), lambda r: r.role_label, tooltip=lambda r: r.role_label),
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Organisation"), lambda r: r.organisation,
           tooltip=lambda r: r.organisation or None),
    Column(QT_TRANSLATE_NOOP("HearingDetailPane", "Phone"), lambda r: r.phone),
)


# ---------------------------------------------------------------------- who must be told


class RecipientsDialog(QDialog):
    """Everyone who must be told that a hearing was postponed or cancelled, with their phones."""

    def __init__(self, title: str, intro: str, recipients: Sequence[Recipient],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipients = list(recipients)
        self.setWindowTitle(title)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.model = RowsModel("HearingDetailPane", _RECIPIENT_COLUMNS,
                               key=lambda r: (r.kind, r.name, r.role_label), parent=self)
        self.model.set_rows(self.recipients)
        self.view = make_table(self.model)
        set_column_widths(self.view, {0: "东道企业", 1: "湖南宝庆律师事务所律师 张三", 2: "申请人张三的代理人",
                                      3: "邵阳宝庆精密机械有限公司", 4: "13800000000"})
        copy = QPushButton(self.tr("Copy the list"))
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(1000, 480)

    def text(self) -> str:
        """The list as lines of text (what "Copy" puts on the clipboard)."""
        return "\n".join(
            "\t".join((recipient_kind_text(r.kind), r.name, r.role_label, r.organisation, r.phone))
            for r in self.recipients)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())

    @classmethod
    def show_list(cls, parent: QWidget | None, title: str, intro: str,
                  recipients: Sequence[Recipient]) -> None:
        """Show the list until the clerk closes it (tests replace this)."""
        dialog = cls(title, intro, recipients, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------- dialogs


class ServiceRecordDialog(RecordDialog):
    """登记送达: how and when the hearing notice reached one party (送达回证)."""

    def __init__(self, db: Database, hearing: HearingDetail, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, hearing.case_id, hearing.case_number, today, parent)
        self._hearing = hearing
        self.setWindowTitle(self.tr("Service of the hearing notice — {number}").format(number=hearing.case_number))
        self.intro.setText(self.tr("The date the party received the notice: the date signed on the "
                                   "proof of service, or the postal receipt date. Notice by phone or "
                                   "electronically counts for a default award only once receipt is "
                                   "confirmed."))
        self.party = QComboBox()
        self.read_case([self.party], self._list_parties)
        self.method = QComboBox()
        add_members(self.method, ServiceMethod)
        self.served_on = make_date_edit(today)
        self.served_on.setMaximumDate(qdate(today))
        self.signed_by = QLineEdit()
        self.confirmed = QCheckBox(self.tr("Receipt confirmed"))
        self.confirmed.setChecked(True)
        self.note = QLineEdit()
        self.add_field("party_id", self.tr("Party"), self.party)
        self.add_field("method", self.tr("How"), self.method)
        self.add_field("served_on", self.tr("Received on"), self.served_on)
        self.add_field("signed_by", self.tr("Signed by"), self.signed_by, extra=self.confirmed)
        self.add_field("note", self.tr("Note"), self.note)
        self.method.currentIndexChanged.connect(self._method_changed)

    def _method_changed(self) -> None:
        method = current_member(self.method, ServiceMethod)
        self.confirmed.setChecked(method not in (ServiceMethod.PHONE, ServiceMethod.ELECTRONIC))

    def work(self) -> Callable[[], ServiceRecordRow]:
        db, hearing_id, today = self._db, self._hearing.id, self._today
        party_id = int(self.party.currentData())
        method = current_member(self.method, ServiceMethod) or ServiceMethod.DIRECT
        served_on, signed_by, confirmed = to_date(self.served_on), self.signed_by.text(), self.confirmed.isChecked()
        note = self.note.text()
        return lambda: hearings.add_service_record(db, hearing_id, party_id, method, served_on, signed_by,
                                                   confirmed, note=note, today=today)

    def _list_parties(self, case: CaseDetail) -> None:
        for p in case.parties:
            self.party.addItem(f"{lang.label(p.role)}：{p.name}", p.id)


class PostponeDialog(QDialog):
    """延期开庭: the reason, and the new time if it is known (checked like a new hearing)."""

    def __init__(self, db: Database, hearing: HearingDetail, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hearing = hearing
        self._today = today
        self.result_value: tuple[HearingDetail, list[Recipient]] | None = None
        self.setWindowTitle(self.tr("Postpone hearing — {number}").format(number=hearing.case_number))
        self.setStyleSheet(FORM_STYLE)
        self.intro = intro = QLabel(self._intro_text())
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("For example: the respondent applied in time for a "
                                               "postponement because its agent is ill"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.new_time = QCheckBox(self.tr("The new time is known"))
        self.date = make_date_edit(hearing.starts_at.date() + dt.timedelta(days=14))
        self.start = TimeField(hearing.starts_at.time())
        self.end = TimeField(hearing.ends_at.time())
        self._length = hearing.ends_at - hearing.starts_at
        self.start.timeChanged.connect(self._start_moved)
        time_row = QHBoxLayout()
        time_row.addWidget(self.new_time)
        time_row.addWidget(self.date)
        time_row.addWidget(self.start)
        time_row.addWidget(QLabel("–"))
        time_row.addWidget(self.end)
        time_row.addStretch(1)
        self.new_time.toggled.connect(self._new_time_toggled)
        self._new_time_toggled(False)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.panel = ConflictPanel()
        self.panel.hide()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Postpone"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addLayout(time_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def reload_record(self) -> None:
        """Load the hearing as saved now (the reason typed stays: it is not part of the record)."""
        db, hearing_id = self._db, self._hearing.id
        ops.run_read(self, lambda: hearings.get_hearing(db, hearing_id), self._reloaded, key="reload")

    def _reloaded(self, hearing: HearingDetail) -> None:
        self._hearing = hearing
        self._length = self._hearing.ends_at - self._hearing.starts_at
        self.intro.setText(self._intro_text())
        if not self.new_time.isChecked():
            self.start.setValue(self._hearing.starts_at.time())
            self.end.setValue(self._hearing.ends_at.time())

    def _intro_text(self) -> str:
        return self.tr("The hearing of {when} stays on record as postponed. With a new time a "
                       "new hearing is scheduled; the notices must be served again.").format(
            when=f"{self._hearing.starts_at:%Y-%m-%d %H:%M}")

    def _start_moved(self, new: QTime) -> None:
        # The postponed hearing keeps its length unless the clerk changes the end.
        start = dt.datetime.combine(dt.date.min, dt.time(new.hour(), new.minute()))
        end = start + self._length
        if new.isValid() and end.date() == start.date():
            self.end.setValue(end.time())

    def _new_time_toggled(self, checked: bool) -> None:
        for edit in (self.date, self.start, self.end):
            edit.setEnabled(checked)

    def _times(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        if not self.new_time.isChecked():
            return None, None
        day = to_date(self.date)
        start, end = self.start.time(), self.end.time()
        return (dt.datetime.combine(day, dt.time(start.hour(), start.minute())),
                dt.datetime.combine(day, dt.time(end.hour(), end.minute())))

    def save(self) -> bool:
        """Postpone; a clash of the new time is listed, warnings ask for a reason."""
        self.summary.hide()
        new_start, new_end = self._times()
        override: str | None = None
        for _attempt in range(2):
            db, hearing_id, why, day = self._db, self._hearing.id, self.reason.toPlainText(), self._today
            try:
                # On the writer thread; the hearing pane's page broadcasts the change.
                version = self._hearing.version
                self.result_value = ops.call(self, functools.partial(
                    hearings.postpone_hearing, db, hearing_id, why, new_start, new_end,
                    override_reason=override, today=day, expected_version=version), write=True)
            except StaleEditError as exc:
                # Another clerk changed the hearing since it was shown: the postponement
                # would rest on a time or status that is no longer so.
                stale_edit.resolve(self, exc, self.reload_record)
                return False
            except HearingConflict as exc:
                self.panel.show_findings(list(exc.findings))
                self.panel.show()
                if exc.needs_override and override is None:
                    override = OverrideReasonDialog.ask(self, exc.findings)
                    if override is not None:
                        continue
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
                return False
            except ValidationError as exc:
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
                return False
            except TribunalError as exc:
                msgbox.show_error(self, exc)
                return False
            self.accept()
            return True
        return False

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, hearing: HearingDetail,
            today: dt.date) -> tuple[HearingDetail, list[Recipient]] | None:
        """Postpone ``hearing``; the resulting hearing and who must be told, or None."""
        dialog = cls(db, hearing, today, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------- the pane


class HearingDetailPane(QWidget):
    """开庭详情: one hearing, its parties' service, its invitations, and what can be done with it.

    Signals:
        hearing_changed(int): the hearing (or the one that replaced it after a postponement)
            was changed; the calendar should be read again.
    """

    hearing_changed = Signal(int)
    #: 邀请旁听… was pressed for this hearing (its id).
    invite_requested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or dt.date.today
        self.hearing: HearingDetail | None = None
        self.last_recipients: list[Recipient] = []

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invitations = QLabel()
        self.invitations.setWordWrap(True)

        self.service_model = RowsModel("HearingDetailPane", _SERVICE_COLUMNS, parent=self)
        self.service_view = make_table(self.service_model)
        # Long Chinese sentences in a narrow pane: wrap them, and let each row be as tall as it needs.
        self.service_view.setWordWrap(True)
        self.service_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        set_column_widths(self.service_view, {0: "湖南湘中纺", 1: "2026-11-28 邮寄送达，签收"})
        self.service_view.setMinimumHeight(self.fontMetrics().height() * 7)
        # Why a default award (or deemed withdrawal) is not possible, in full, for those it concerns.
        self.default_notes = QLabel()
        self.default_notes.setWordWrap(True)
        self.default_notes.setStyleSheet("color: #8a5300;")

        self.edit_button = QPushButton(self.tr("Change…"))
        self.service_button = QPushButton(self.tr("Record service…"))
        self.postpone_button = QPushButton(self.tr("Postpone…"))
        self.cancel_button = QPushButton(self.tr("Cancel hearing…"))
        self.held_button = QPushButton(self.tr("Mark as held"))
        self.pack_button = QPushButton(self.tr("Print hearing pack…"))
        self.checkin_button = QPushButton(self.tr("Observer check-in…"))
        self.teaching_button = QPushButton(self.tr("Teaching case…"))
        self.record_button = QPushButton(self.tr("Hearing record…"))
        self.record_button.clicked.connect(self.open_record)
        self.teaching_button.setToolTip(self.tr("Review the account of the case that the training handout "
                                                "gives the observers"))
        self.teaching_button.clicked.connect(self.edit_teaching_case)
        self.invite_button = QPushButton(self.tr("Invite observers…"))
        self.invite_button.setToolTip(self.tr("Invite HR managers of other enterprises to observe this hearing"))
        self.invite_button.clicked.connect(
            lambda: self.hearing is not None and self.invite_requested.emit(self.hearing.id))
        self.pack_button.clicked.connect(self.print_pack)
        self.checkin_button.clicked.connect(self.open_checkin)
        self.edit_button.clicked.connect(self.edit)
        self.service_button.clicked.connect(self.add_service)
        self.postpone_button.clicked.connect(self.postpone)
        self.cancel_button.clicked.connect(self.cancel)
        self.held_button.clicked.connect(self.mark_held)
        first = QHBoxLayout()
        second = QHBoxLayout()
        for button in (self.edit_button, self.service_button, self.held_button):
            first.addWidget(button)
        first.addStretch(1)
        for button in (self.postpone_button, self.cancel_button):
            second.addWidget(button)
        second.addStretch(1)
        third = QHBoxLayout()
        for button in (self.pack_button, self.invite_button, self.checkin_button, self.teaching_button,
                       self.record_button):
            third.addWidget(button)
        third.addStretch(1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addWidget(self.info)
        self.service_heading = QLabel(self.tr("Hearing notice served on the parties"))
        bold = self.service_heading.font()
        bold.setBold(True)
        self.service_heading.setFont(bold)
        layout.addWidget(self.service_heading)
        layout.addWidget(self.service_view, 1)
        layout.addWidget(self.default_notes)
        layout.addWidget(self.invitations)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_hearing(None)

    # ------------------------------------------------------------------ showing

    def hearing_id(self) -> int | None:
        return self.hearing.id if self.hearing else None

    def show_hearing(self, hearing_id: int | None) -> None:
        """Show ``hearing_id`` (a hint to pick one when None); the hearing is read in the background."""
        if hearing_id is None:
            self._show(None)
            return
        db = self._db

        def work() -> tuple[HearingDetail, list[tuple[Any, bool, str]]]:
            hearing = hearings.get_hearing(db, hearing_id)
            return hearing, _parties_of(db, hearing)

        ops.run_read(self, work, self._show, on_failed=self._not_shown, key="hearing")

    def _not_shown(self, error: TribunalError) -> None:
        self._show(None)
        msgbox.show_error(self, error)

    def _show(self, answer: tuple[HearingDetail, list[tuple[Any, bool, str]]] | None) -> None:
        self.hearing = answer[0] if answer is not None else None
        h = self.hearing
        widgets = (self.status, self.info, self.invitations, self.service_heading, self.service_view,
                   self.default_notes)
        for widget in widgets:
            widget.setVisible(h is not None)
        if h is None:
            self.title.setText(self.tr("Click a hearing in the calendar to see it here."))
            self.service_model.set_rows([])
            self._update_buttons()
            return
        self.title.setText(f"{h.case_number}　{lang.label(h.case_type)}")
        self.status.setText(self._status_text(h))
        self.info.setText(self._info_html(h))
        assert answer is not None
        parties = [PartyService(p.id, p.name, lang.label(p.role),
                                _records_text([r for r in h.service_records if r.party_id == p.id]),
                                allowed, reason) for p, allowed, reason in answer[1]]
        self.service_model.set_rows(parties)
        refused = [f"{p.role}{p.name}：{p.default_reason}" for p in parties if not p.default_allowed]
        self.default_notes.setText("\n".join(refused))
        self.default_notes.setVisible(bool(refused))
        counts = h.invitations
        seats = self.tr("{count} seat(s) needed").format(count=counts.standing)
        if h.capacity is not None:
            seats += self.tr(", the room seats {count}").format(count=h.capacity)
        self.invitations.setText(self.tr(
            "Observers: {invited} invited, {confirmed} confirmed, {declined} declined, "
            "{attended} attended, {absent} absent; {seats}.").format(
                invited=counts.invited, confirmed=counts.confirmed, declined=counts.declined,
                attended=counts.attended, absent=counts.absent, seats=seats)
            if h.public else self.tr("Not public: no observers may be invited."))
        self._update_buttons()

    def _status_text(self, h: HearingDetail) -> str:
        text = self.tr("Status: {status}").format(status=lang.label(h.status))
        if h.status_reason:
            text += f"（{h.status_reason}）"
        colour = {HearingStatus.SCHEDULED: "#1f4e79", HearingStatus.HELD: "#1e6b34"}.get(h.status, "#8a5300")
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        return text

    def _info_html(self, h: HearingDetail) -> str:
        panel = "、".join(f"{lang.label(p.role)} {p.name}" for p in h.panel) or self.tr("(not set)")
        place = h.venue + (f"（{h.address}）" if h.address else "")
        rows = [
            (self.tr("When"), f"{h.starts_at:%Y-%m-%d} {weekday_text(h.starts_at.date())} "
                              f"{h.starts_at:%H:%M}–{h.ends_at:%H:%M}"),
            (self.tr("Where"), place),
            (self.tr("Circuit tribunal"), h.tribunal_name or self.tr("(none)")),
            (self.tr("Tribunal"), panel),
            (self.tr("Clerk"), h.clerk_name or self.tr("(not set)")),
            (self.tr("Publicity"), self.tr("Public") if h.public else
             self.tr("Not public: {reason}").format(reason=h.closed_reason or "")),
        ]
        if h.override_reason:
            rows.append((self.tr("Warnings set aside because"), h.override_reason))
        body = "".join(
            f"<tr><td style='color:{HINT_COLOUR}; padding-right:10px; white-space:nowrap'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>" for k, v in rows)
        return f"<table cellspacing='0' cellpadding='2'>{body}</table>"

    def _update_buttons(self) -> None:
        h = self.hearing
        scheduled = h is not None and h.status == HearingStatus.SCHEDULED
        self.edit_button.setEnabled(scheduled)
        self.service_button.setEnabled(scheduled)
        self.postpone_button.setEnabled(scheduled)
        self.cancel_button.setEnabled(h is not None and h.status in (HearingStatus.SCHEDULED,
                                                                     HearingStatus.POSTPONED))
        self.held_button.setEnabled(scheduled and h is not None and h.starts_at.date() <= self._today())
        live = h is not None and h.status in (HearingStatus.SCHEDULED, HearingStatus.HELD)
        self.pack_button.setEnabled(live)
        self.checkin_button.setEnabled(live and h is not None and h.public)
        self.teaching_button.setEnabled(live and h is not None and h.public)
        self.record_button.setEnabled(live)
        self.invite_button.setEnabled(scheduled and h is not None and h.public)

    def print_pack(self) -> None:
        """Make and show the hearing pack (notices, receipts, invitations, sign-in sheet…).

        A public hearing's teaching case is shown for review first, until it has been reviewed.
        """
        if self.hearing is None:
            return
        from tribunal.ui import (
            document_actions,  # PDF code loads only when a pack is made
            teaching_dialog,
        )

        if teaching_dialog.review_before_print(self, self._db, self.hearing.id):
            document_actions.print_pack(self, self._db, self.hearing.id)

    def edit_teaching_case(self) -> None:
        """Review or edit the teaching case of the training handout (讲义案例)."""
        if self.hearing is None:
            return
        from tribunal.ui.teaching_dialog import TeachingCaseDialog

        TeachingCaseDialog.ask(self, self._db, self.hearing.id)

    def open_checkin(self) -> None:
        """Open the observers' check-in window (签到) for this hearing."""
        if self.hearing is None:
            return
        from tribunal.ui.checkin_window import CheckinWindow

        CheckinWindow.open_for(self, self._db, self.hearing.id)

    def open_record(self) -> None:
        """Open the hearing record (庭审笔录) window for this hearing."""
        if self.hearing is None:
            return
        from tribunal.ui.hearing_record_window import HearingRecordWindow

        HearingRecordWindow.open_for(self, self._db, self.hearing.id)

    # ------------------------------------------------------------------ actions

    def _changed(self, hearing_id: int) -> None:
        self.show_hearing(hearing_id)
        self.hearing_changed.emit(hearing_id)

    def edit(self) -> HearingDetail | None:
        """Change the hearing in the scheduling dialog."""
        if self.hearing is None:
            return None
        saved = HearingDialog.ask(self, self._db, hearing_id=self.hearing.id, today=self._today)
        if saved is not None:
            self._changed(saved.id)
        return saved

    def add_service(self) -> ServiceRecordRow | None:
        """Record how the hearing notice reached a party."""
        if self.hearing is None:
            return None
        row = ServiceRecordDialog.ask(self, self._db, self.hearing, self._today())
        if row is not None:
            self._changed(self.hearing.id)
        return row

    def postpone(self) -> HearingDetail | None:
        """延期开庭, then show who must be told."""
        if self.hearing is None:
            return None
        old = self.hearing
        result = PostponeDialog.ask(self, self._db, old, self._today())
        if result is None:
            return None
        new, recipients = result
        self.last_recipients = list(recipients)
        self._changed(new.id)
        when = (self.tr("Moved to {when}.").format(when=f"{new.starts_at:%Y-%m-%d %H:%M}")
                if new.id != old.id else self.tr("The new time is not fixed yet."))
        RecipientsDialog.show_list(
            self, self.tr("Hearing postponed — tell these people"),
            self.tr("The hearing of {number} on {when} was postponed. {moved} Tell everyone below; "
                    "parties must be served a new notice.").format(
                number=old.case_number, when=f"{old.starts_at:%Y-%m-%d %H:%M}", moved=when),
            recipients)
        return new

    def cancel(self) -> list[Recipient] | None:
        """取消开庭 with a reason, then show who must be told."""
        if self.hearing is None:
            return None
        old = self.hearing
        reason = msgbox.ask_text(self, self.tr("Cancel hearing"),
                                 self.tr("Why is the hearing of {number} cancelled?").format(number=old.case_number))
        if reason is None:
            return None
        db = self._db
        try:
            recipients = ops.call(self, lambda: hearings.cancel_hearing(db, old.id, reason), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        self.last_recipients = list(recipients)
        self._changed(old.id)
        RecipientsDialog.show_list(
            self, self.tr("Hearing cancelled — tell these people"),
            self.tr("The hearing of {number} on {when} was cancelled: {reason}. Tell everyone below.").format(
                number=old.case_number, when=f"{old.starts_at:%Y-%m-%d %H:%M}", reason=reason.strip()),
            recipients)
        return recipients

    def mark_held(self) -> HearingDetail | None:
        """Record that the hearing took place."""
        if self.hearing is None:
            return None
        if not msgbox.confirm(self, self.tr("Hearing held"),
                              self.tr("Record that the hearing of {number} was held?").format(
                                  number=self.hearing.case_number), self.tr("Record")):
            return None
        db, hearing_id, day = self._db, self.hearing.id, self._today()
        try:
            held = ops.call(self, lambda: hearings.mark_held(db, hearing_id, today=day), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        self._changed(held.id)
        return held


def _parties_of(db: Database, h: HearingDetail) -> list[tuple[Any, bool, str]]:
    """Each party of the hearing's case, whether it may be heard in default and why not (a service read)."""
    try:
        case = case_service.get_case(db, h.case_id)
    except TribunalError:
        return []
    out = []
    for p in case.parties:
        try:
            allowed, reason = hearings.can_default(db, h.id, p.id)
        except TribunalError as exc:
            allowed, reason = False, lang.text(exc.message)
        out.append((p, allowed, reason))
    return out

"""Scheduling a hearing (排期开庭): one form, and beside it a live list of every conflict and warning.

As the clerk types, :func:`tribunal.services.hearings.check_hearing` runs a quarter of a
second after the last change (it takes a few milliseconds) and the panel on the right lists
what it found, grouped: conflicts that must be resolved (red, saving is disabled), warnings
that need a recorded reason (amber), and notes (grey). Each finding says what clashes, the
rule behind it and what would fix it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseStatus, PanelRole, StaffRole
from tribunal.domain.scheduling import (
    CLOSED_REASONS,
    HARD,
    INFO,
    WARNING,
    Finding,
    HearingConflict,
    HearingInput,
)
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import cases as case_service
from tribunal.services import clocks, hearings, reference
from tribunal.services.app import Database
from tribunal.services.cases import CaseDetail, CaseFilter, CaseRow
from tribunal.services.clocks import CaseClock
from tribunal.services.hearings import HearingDetail, VenueRow
from tribunal.services.reference import StaffRow, TribunalRow
from tribunal.ui import lang, msgbox, ops, stale_edit, window_state
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.clock_widgets import CANNOT_COMPUTE, item_state, state_text
from tribunal.ui.dates import TimeField, qdate
from tribunal.ui.feedback import ERROR_COLOUR, FORM_STYLE, HINT_COLOUR, WARNING_COLOUR

#: The live check runs this long after the last change.
CHECK_DELAY_MS = 250
#: A new hearing lasts this long unless the clerk says otherwise.
DEFAULT_LENGTH = dt.timedelta(hours=2)
#: The commission's own rooms, in the host-enterprise list.
OWN_ROOMS = -1
#: Cases offered in the case list at a time (the search field finds the others).
CASE_LIST_LIMIT = 200

GOOD_COLOUR = "#1e6b34"
_CARD_COLOURS = {HARD: (ERROR_COLOUR, "#fdecea"), WARNING: (WARNING_COLOUR, "#fdf3e1"),
                 INFO: (HINT_COLOUR, "#f1f3f4")}
_SCHEDULABLE = tuple(status for status in CaseStatus if status.can_be_scheduled)


# ---------------------------------------------------------------------- the findings panel


class ConflictPanel(QWidget):
    """The list of what the scheduling check found: 必须解决 / 需说明理由 / 提示."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QWidget()
        self._cards = QVBoxLayout(self.body)
        self._cards.setContentsMargins(0, 0, 4, 0)
        self._cards.setSpacing(6)
        self._cards.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.show_message(self.tr("Choose a case to start the check."))

    # ------------------------------------------------------------------ reading (tests, dialog)

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def of(self, severity: str) -> list[Finding]:
        return [f for f in self._findings if f.severity == severity]

    @property
    def has_hard(self) -> bool:
        return bool(self.of(HARD))

    def text(self) -> str:
        """Everything shown, as plain text."""
        parts = [self.heading.text()]
        for i in range(self._cards.count()):
            item = self._cards.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                parts.append(widget.text())
            elif widget is not None:
                parts += [label.text() for label in widget.findChildren(QLabel)]
        return "\n".join(parts)

    # ------------------------------------------------------------------ showing

    def _clear(self) -> None:
        while self._cards.count() > 1:
            item = self._cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden at once: deleteLater waits for the event loop, and a card left
                # visible until then would be painted over the new ones.
                widget.hide()
                widget.deleteLater()

    def _set_heading(self, text: str, colour: str) -> None:
        self.heading.setText(text)
        self.heading.setStyleSheet(f"color: {colour};")

    def show_message(self, text: str) -> None:
        """No check to show (no case chosen yet, or the check could not run)."""
        self._findings = []
        self._clear()
        self._set_heading(text, HINT_COLOUR)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """List ``findings`` grouped by severity, hard ones first."""
        self._findings = list(findings)
        self._clear()
        hard, warnings, notes = self.of(HARD), self.of(WARNING), self.of(INFO)
        if hard:
            self._set_heading(self.tr("{count} conflict(s) must be resolved before saving").format(
                count=len(hard)), ERROR_COLOUR)
        elif warnings:
            self._set_heading(self.tr("{count} warning(s): saving asks for a reason").format(
                count=len(warnings)), WARNING_COLOUR)
        else:
            self._set_heading(self.tr("No conflicts found"), GOOD_COLOUR)
        groups = (
            (hard, self.tr("Must be resolved"), HARD),
            (warnings, self.tr("Needs a reason"), WARNING),
            (notes, self.tr("For information"), INFO),
        )
        position = 0
        for items, title, severity in groups:
            if not items:
                continue
            caption = QLabel(f"{title}（{len(items)}）")
            caption.setStyleSheet(f"color: {_CARD_COLOURS[severity][0]}; font-weight: bold; margin-top: 4px;")
            self._cards.insertWidget(position, caption)
            position += 1
            for finding in items:
                self._cards.insertWidget(position, self._card(finding))
                position += 1

    def _card(self, finding: Finding) -> QFrame:
        colour, background = _CARD_COLOURS[finding.severity]
        card = QFrame()
        card.setObjectName("findingCard")
        card.setStyleSheet(f"QFrame#findingCard {{ background: {background}; border-left: 4px solid {colour}; "
                           "border-radius: 3px; }")
        message = QLabel(f"<b>{escape(lang.text(finding.message))}</b>")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(card)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(2)
        box.addWidget(message)
        if finding.legal_basis:
            basis = QLabel(self.tr("Rule: {basis}").format(basis=lang.citation(finding.legal_basis)))
            basis.setWordWrap(True)
            basis.setStyleSheet(f"color: {HINT_COLOUR};")
            box.addWidget(basis)
        if finding.fix:
            fix = QLabel(self.tr("To fix: {fix}").format(fix=lang.text(finding.fix)))
            fix.setWordWrap(True)
            box.addWidget(fix)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return card


# ---------------------------------------------------------------------- the override reason


class OverrideReasonDialog(QDialog):
    """Why the warnings may be set aside: the reason is stored with the hearing and in the audit trail."""

    def __init__(self, findings: Sequence[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason for going ahead"))
        self.setStyleSheet(FORM_STYLE)
        intro = QLabel(self.tr("The check raised the warnings below. To schedule the hearing anyway, "
                               "write down why; the reason is kept with the hearing."))
        intro.setWordWrap(True)
        listing = QLabel("<ul>" + "".join(
            f"<li>{escape(lang.text(f.message))}" + (f"<br><span style='color:{HINT_COLOUR}'>{escape(lang.text(f.fix))}</span>"
                                           if f.fix else "") + "</li>"
            for f in findings if f.severity == WARNING) + "</ul>")
        listing.setWordWrap(True)
        listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("For example: both parties agreed in writing to the "
                                               "earlier date"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Save with this reason"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.reason.toPlainText().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(listing)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)

    @classmethod
    def ask(cls, parent: QWidget | None, findings: Sequence[Finding]) -> str | None:
        """The reason typed, or None when the clerk went back."""
        dialog = cls(findings, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reason.toPlainText().strip() or None
            return None
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------- the dialog


@dataclass(frozen=True)
class _HearingChoices:
    """What the dialog reads when it opens: the hearing being changed, and what can be chosen."""

    hearing: HearingDetail | None
    staff: list[StaffRow]
    rooms: list[VenueRow]
    tribunals: list[TribunalRow]
    cases: list[CaseRow]


def _read_cases(db: Database, ids: list[int] | None, text: str) -> list[CaseRow]:
    """The cases ``ids``, or the open cases that can be scheduled matching ``text``."""
    if ids is not None:
        return case_service.case_rows(db, ids)
    found = case_service.search_cases(db, CaseFilter(text=text, open_only=True), limit=CASE_LIST_LIMIT)
    return [r for r in found if r.status in _SCHEDULABLE]


def _read_choices(db: Database, hearing_id: int | None, case_id: int | None) -> _HearingChoices:
    """Read what the dialog shows when it opens (on a reader thread)."""
    hearing = hearings.get_hearing(db, hearing_id) if hearing_id else None
    wanted = hearing.case_id if hearing is not None else case_id
    return _HearingChoices(hearing=hearing, staff=reference.list_staff(db), rooms=hearings.list_rooms(db),
                           tribunals=reference.list_tribunals(db),
                           cases=_read_cases(db, [wanted] if wanted is not None else None, ""))


@dataclass(frozen=True)
class _CaseFacts:
    """What the dialog shows of the chosen case: its record, its clock, where its tribunal usually sits."""

    case: CaseDetail
    clock: CaseClock
    usual_host: int | None


def _read_case(db: Database, case_id: int, today: dt.date) -> _CaseFacts:
    case = case_service.get_case(db, case_id)
    host: int | None = None
    if case.tribunal_id is not None:
        try:
            host = reference.usual_host(db, case.tribunal_id)
        except TribunalError:
            host = None  # only a first choice: the clerk picks the venue anyway
    return _CaseFacts(case, clocks.case_clock(db, case_id, today), host)


def _room_label(room: VenueRow) -> str:
    if lang.is_english():
        return f"{room.name} ({room.capacity} seats)"
    return f"{room.name}（{room.capacity}人）"


class HearingDialog(QDialog):
    """排期开庭 / 修改开庭: the hearing's case, place, time, tribunal and publicity, checked live.

    Signals:
        hearing_saved(object): the hearing was scheduled or changed (its HearingDetail).
    """

    hearing_saved = Signal(object)

    def __init__(self, db: Database, *, case_id: int | None = None, hearing_id: int | None = None,
                 start: dt.datetime | None = None, parent: QWidget | None = None,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or dt.date.today
        self.hearing: HearingDetail | None = None
        self.saved: HearingDetail | None = None
        self._loading = True
        self._case_rows: dict[int, CaseRow] = {}
        self._case_seats: tuple[tuple[int, PanelRole], ...] = ()
        self._case_clerk: int | None = None
        self._wanted_case = case_id
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_in_background)
        self.setWindowTitle(self.tr("Change hearing") if hearing_id else self.tr("Schedule a hearing"))
        self.setStyleSheet(FORM_STYLE)
        self._rooms: list[VenueRow] = []
        self._tribunals: list[TribunalRow] = []

        # --- case
        self.case_search = QLineEdit()
        self.case_search.setPlaceholderText(self.tr("Find by case number or party"))
        self.case_search.setClearButtonEnabled(True)
        self.case = QComboBox()
        self.case.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case.setMinimumContentsLength(28)
        self.case_info = QLabel()
        self.case_info.setWordWrap(True)
        self.case_info.setProperty("feedback", "hint")
        self.tribunal = QComboBox()
        self.tribunal.addItem(self.tr("(the case's circuit tribunal)"), None)

        # --- place
        self.host = QComboBox()
        self.host.addItem(self.tr("The commission's own hearing rooms"), OWN_ROOMS)
        self.room = QComboBox()
        self.room_info = QLabel()
        self.room_info.setWordWrap(True)
        self.room_info.setProperty("feedback", "hint")

        # --- time
        first = start or dt.datetime.combine(self._today() + dt.timedelta(days=7), dt.time(9, 30))
        self.date = make_date_edit(first.date())
        self.start_time = TimeField(first.time())
        self.end_time = TimeField((first + DEFAULT_LENGTH).time())
        time_row = QWidget()
        time_layout = QHBoxLayout(time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.addWidget(self.date)
        time_layout.addWidget(QLabel(self.tr("from")))
        time_layout.addWidget(self.start_time)
        time_layout.addWidget(QLabel(self.tr("to")))
        time_layout.addWidget(self.end_time)
        time_layout.addStretch(1)

        # --- tribunal composition
        self.sole = QRadioButton(self.tr("Sole arbitrator"))
        self.three = QRadioButton(self.tr("Presiding arbitrator and two arbitrators"))
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.sole)
        self._mode.addButton(self.three)
        self.sole.setChecked(True)
        mode_row = QWidget()
        mode_layout = QHBoxLayout(mode_row)
        mode_layout.setContentsMargins(0, 0, 0, 0)
        mode_layout.addWidget(self.sole)
        mode_layout.addWidget(self.three)
        mode_layout.addStretch(1)
        self.sole_arbitrator = self._staff_combo()
        self.presiding = self._staff_combo()
        self.members = [self._staff_combo(), self._staff_combo()]
        self.clerk = self._staff_combo()
        self.from_case_button = QPushButton(self.tr("Use the case's tribunal"))
        self.from_case_button.setToolTip(self.tr("Fill in the arbitrators and clerk registered with the case"))
        self.from_case_button.clicked.connect(self.use_case_panel)

        # --- publicity
        self.public = QRadioButton(self.tr("Public hearing"))
        self.closed = QRadioButton(self.tr("Not public"))
        self._publicity = QButtonGroup(self)
        self._publicity.addButton(self.public)
        self._publicity.addButton(self.closed)
        self.public.setChecked(True)
        public_row = QWidget()
        public_layout = QHBoxLayout(public_row)
        public_layout.setContentsMargins(0, 0, 0, 0)
        public_layout.addWidget(self.public)
        public_layout.addWidget(self.closed)
        public_layout.addStretch(1)
        self.closed_reason = QComboBox()
        self.closed_reason.addItem(self.tr("(choose the lawful reason)"), None)
        for reason in CLOSED_REASONS:
            self.closed_reason.addItem(reason.label_zh, reason.key)
        self.closed_detail = QLineEdit()
        self.closed_detail.setPlaceholderText(self.tr("Details, for example: the applicant asked for it"))

        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(7)
        form.addRow(self.tr("Find case"), self.case_search)
        form.addRow(self.tr("Case"), self.case)
        form.addRow("", self.case_info)
        form.addRow(self.tr("Circuit tribunal"), self.tribunal)
        form.addRow(self.tr("Host enterprise"), self.host)
        form.addRow(self.tr("Room"), self.room)
        form.addRow("", self.room_info)
        form.addRow(self.tr("Date and time"), time_row)
        form.addRow(self.tr("Tribunal"), mode_row)
        form.addRow(self.tr("Sole arbitrator"), self.sole_arbitrator)
        form.addRow(self.tr("Presiding arbitrator"), self.presiding)
        form.addRow(self.tr("Arbitrator"), self.members[0])
        form.addRow(self.tr("Arbitrator"), self.members[1])
        case_row = QHBoxLayout()
        case_row.addWidget(self.from_case_button)
        case_row.addStretch(1)
        form.addRow("", case_row)
        form.addRow(self.tr("Clerk"), self.clerk)
        form.addRow(self.tr("Publicity"), public_row)
        form.addRow(self.tr("Reason"), self.closed_reason)
        form.addRow("", self.closed_detail)
        left = QWidget()
        left.setLayout(form)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)

        self.panel = ConflictPanel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        title = QLabel(self.tr("Check"))
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        title.setFont(title_font)
        right_layout.addWidget(title)
        right_layout.addWidget(self.panel, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([620, 440])

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.stale = stale_edit.StaleWatch(self, db, "hearing", ops.Changes.HEARINGS,
                                           self.reload_record, layout)
        window_state.open_at(self, 1120, 680)

        self._mode_changed()
        self._publicity_changed()
        self.loading = ops.FormLoad(self, lambda: _read_choices(db, hearing_id, case_id), self._opened,
                                    fields=[left_scroll], buttons=[self.save_button], layout=layout)
        self.loading.start()

    def _opened(self, choices: _HearingChoices) -> None:
        """The hearing (if any) and the choice lists have been read: fill them in, then listen."""
        self.hearing = choices.hearing
        for person in choices.staff:
            combos = ((self.sole_arbitrator, self.presiding, *self.members)
                      if person.role == StaffRole.ARBITRATOR
                      else (self.clerk,) if person.role == StaffRole.CLERK else ())
            for combo in combos:
                combo.addItem(person.name, person.id)
        self._rooms = choices.rooms
        hosts: dict[int, str] = {}
        for room in self._rooms:
            if room.enterprise_id is not None:
                hosts.setdefault(room.enterprise_id, room.enterprise_name)
        for ent_id, name in sorted(hosts.items(), key=lambda kv: kv[1]):
            self.host.addItem(name, ent_id)
        self._tribunals = choices.tribunals
        for t in self._tribunals:
            self.tribunal.addItem(t.name, t.id)

        # --- contents, then the signals (so that filling in does not start checks)
        wanted = self.hearing.case_id if self.hearing else self._wanted_case
        self._show_cases(choices.cases, every=wanted is None)
        if self.hearing is not None:
            self.case.setEnabled(False)
            self.case_search.setEnabled(False)
        if wanted is not None:
            index = self.case.findData(wanted)
            if index >= 0:
                self.case.setCurrentIndex(index)
        self._host_changed()
        self._case_changed()
        if self.hearing is not None:
            self._load_hearing(self.hearing)
        self._mode_changed()
        self._publicity_changed()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(CHECK_DELAY_MS)
        self._search_timer.timeout.connect(self._search_cases)
        self.case_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.case.currentIndexChanged.connect(self._case_changed)
        self.host.currentIndexChanged.connect(self._host_changed)
        self.room.currentIndexChanged.connect(self._room_changed)
        self.start_time.timeChanged.connect(self._start_moved)
        self._last_start = self.start_time.time()
        for signal in (self.tribunal.currentIndexChanged, self.room.currentIndexChanged,
                       self.date.dateChanged, self.start_time.timeChanged, self.end_time.timeChanged,
                       self.sole_arbitrator.currentIndexChanged, self.presiding.currentIndexChanged,
                       self.members[0].currentIndexChanged, self.members[1].currentIndexChanged,
                       self.clerk.currentIndexChanged, self.closed_reason.currentIndexChanged,
                       self.closed_detail.textChanged, self.sole.toggled, self.public.toggled):
            signal.connect(self.schedule_check)
        self.sole.toggled.connect(self._mode_changed)
        self.public.toggled.connect(self._publicity_changed)
        self._loading = False
        # Save follows the check's answer.
        self.save_button.setEnabled(False)
        self.check_in_background()
        if self.hearing is not None:
            self.stale.track(self.hearing.id)

    def reload_record(self) -> None:
        """重新载入: show the hearing as saved now; what was changed here is dropped."""
        if self.hearing is None:
            return
        db, hearing_id = self._db, self.hearing.id
        self.loading.start(lambda: hearings.get_hearing(db, hearing_id), self._reloaded)

    def _reloaded(self, hearing: HearingDetail) -> None:
        self.hearing = hearing
        self.summary.hide()
        self._loading = True
        try:
            self._load_hearing(self.hearing)
            self._mode_changed()
            self._publicity_changed()
        finally:
            self._loading = False
        self.stale.track(self.hearing.id)
        self.save_button.setEnabled(False)
        self.check_in_background()

    # ------------------------------------------------------------------ building

    def _staff_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(choose)"), None)
        return combo

    def _show_cases(self, rows: list[CaseRow], *, every: bool, text: str = "") -> None:
        """List ``rows`` to choose from (``every``: the open cases or those found, not one given case)."""
        current = self.case.currentData()
        self.case.blockSignals(True)
        self.case.clear()
        self._case_rows = {r.id: r for r in rows}
        if every:
            self.case.addItem(self.tr("(choose a case)"), None)
        for r in rows:
            self.case.addItem(f"{r.number}　{lang.versus(r.applicants, r.respondents)}", r.id)
            self.case.setItemData(self.case.count() - 1, f"{r.number}\n{lang.versus(r.applicants, r.respondents)}",
                                  Qt.ItemDataRole.ToolTipRole)
        index = self.case.findData(current) if current is not None else -1
        if index < 0 and every and text.strip() and len(rows) == 1:
            index = 1  # the one case the search found: chosen, as a clerk expects
        self.case.setCurrentIndex(index if index >= 0 else 0)
        self.case.blockSignals(False)

    def _search_cases(self) -> None:
        db, text = self._db, self.case_search.text()
        ops.run_read(self, lambda: _read_cases(db, None, text), lambda rows: self._found(rows, text),
                     key="search")

    def _found(self, rows: list[CaseRow], text: str) -> None:
        before = self.case.currentData()
        self._show_cases(rows, every=True, text=text)
        if self.case.currentData() != before:
            self._case_changed()
            self.schedule_check()

    def _load_hearing(self, h: HearingDetail) -> None:
        _select(self.tribunal, h.tribunal_id)
        room = next((r for r in self._rooms if r.id == h.room_id), None)
        if room is not None:
            _select(self.host, room.enterprise_id if room.enterprise_id is not None else OWN_ROOMS)
            self._host_changed()
            _select(self.room, room.id)
        self.date.setDate(qdate(h.starts_at.date()))
        self.start_time.setTime(QTime(h.starts_at.hour, h.starts_at.minute))
        self.end_time.setTime(QTime(h.ends_at.hour, h.ends_at.minute))
        self._set_panel(tuple((p.staff_id, p.role) for p in h.panel))
        _select(self.clerk, h.clerk_id)
        self.public.setChecked(h.public)
        self.closed.setChecked(not h.public)
        if not h.public and h.closed_reason:
            reason = next((r for r in CLOSED_REASONS if h.closed_reason.startswith(r.label_zh)), None)
            if reason is not None:
                _select(self.closed_reason, reason.key)
                rest = h.closed_reason[len(reason.label_zh):].lstrip("：:，, ")
                if not rest.startswith("（《"):
                    self.closed_detail.setText(rest)

    # ------------------------------------------------------------------ reacting

    def _case_changed(self) -> None:
        case_id = self.case.currentData()
        self._case_seats = ()
        self._case_clerk = None
        self.from_case_button.setEnabled(False)
        if case_id is None:
            self.case_info.setText("")
            return
        self.case_info.setText(self.tr("Reading the case…"))
        db, today = self._db, self._today()
        ops.run_read(self, lambda: _read_case(db, case_id, today),
                     lambda answer: self._show_case(case_id, answer),
                     on_failed=lambda exc: self._case_failed(case_id, exc), key="case")

    def _case_failed(self, case_id: int, error: TribunalError) -> None:
        if case_id == self.case.currentData():
            self.case_info.setText(lang.text(error.message))

    def _show_case(self, case_id: int, answer: _CaseFacts) -> None:
        if case_id != self.case.currentData():
            return  # another case was chosen meanwhile; its answer follows
        case, clock = answer.case, answer.clock
        self._case_clerk = case.clerk_id
        self._case_seats = tuple((a.staff_id, a.role) for a in case.arbitrators)
        self.from_case_button.setEnabled(bool(self._case_seats) or case.clerk_id is not None)
        parts = [self.tr("Status: {status}").format(status=lang.label(case.status))]
        award = clock.item("award_due")
        if award is not None and item_state(award) == CANNOT_COMPUTE:
            years = "、".join(str(y) for y in sorted(clock.unknown_years))
            parts.append(self.tr("time limit cannot be computed: the {year} holidays are not loaded").format(
                year=years))
        elif award is not None and award.due is not None:
            parts.append(self.tr("time limit {date} ({state})").format(
                date=award.due.isoformat(), state=state_text(item_state(award))))
        tribunal = next((t.name for t in self._tribunals if t.id == case.tribunal_id), "")
        if tribunal:
            parts.append(tribunal)
        self.case_info.setText("　·　".join(parts))
        if self.hearing is None:
            # A new hearing usually sits with the tribunal registered for the case, and a
            # circuit case where its tribunal usually sits (not in the commission's rooms).
            loading, self._loading = self._loading, True  # one check after all of it
            try:
                self.use_case_panel(clerk_id=case.clerk_id)
                if case.tribunal_id is not None:
                    self._use_usual_host(case.tribunal_id, answer.usual_host)
            finally:
                self._loading = loading
            if not self._loading:
                self.check_in_background()

    def _use_usual_host(self, tribunal_id: int, host: int | None) -> None:
        if host is not None and self.host.findData(host) >= 0:
            _select(self.tribunal, tribunal_id)
            _select(self.host, host)
            self._host_changed()

    def use_case_panel(self, *, clerk_id: int | None = None) -> None:
        """Fill in the arbitrators (and clerk) registered with the case."""
        if self._case_seats:
            self._set_panel(self._case_seats)
        if clerk_id is None:
            clerk_id = self._case_clerk
        if clerk_id is not None:
            _select(self.clerk, clerk_id)
        self.schedule_check()

    def _set_panel(self, seats: tuple[tuple[int, PanelRole], ...]) -> None:
        sole = [sid for sid, role in seats if role == PanelRole.SOLE]
        presiding = [sid for sid, role in seats if role == PanelRole.PRESIDING]
        members = [sid for sid, role in seats if role == PanelRole.MEMBER]
        if sole:
            self.sole.setChecked(True)
            _select(self.sole_arbitrator, sole[0])
        elif presiding or members:
            self.three.setChecked(True)
            _select(self.presiding, presiding[0] if presiding else None)
            for combo, sid in zip(self.members, [*members, None, None][:2], strict=True):
                _select(combo, sid)
        self._mode_changed()

    def _host_changed(self) -> None:
        host = self.host.currentData()
        current = self.room.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        for room in self._rooms:
            own = room.enterprise_id is None
            if (host == OWN_ROOMS and own) or (host != OWN_ROOMS and room.enterprise_id == host):
                self.room.addItem(_room_label(room), room.id)
        index = self.room.findData(current)
        self.room.setCurrentIndex(index if index >= 0 else 0)
        self.room.blockSignals(False)
        self._room_changed()
        if not self._loading:
            self.schedule_check()

    def _room_changed(self) -> None:
        room = next((r for r in self._rooms if r.id == self.room.currentData()), None)
        if room is None:
            self.room_info.setText(self.tr("This host has no room recorded."))
            return
        where = room.enterprise_name or self.tr("the commission")
        text = self.tr("Seats {count} · {host}").format(count=room.capacity, host=where)
        if room.address:
            text += f" · {room.address}"
        self.room_info.setText(text)

    def _start_moved(self, new: QTime) -> None:
        # Moving the start keeps the length of the hearing. The start field reports only a
        # complete time (when it is left or Enter is pressed), so the end never follows a
        # half-typed hour; an end that would pass midnight is left for the check to refuse.
        length = self._last_start.secsTo(self.end_time.time())
        self._last_start = new
        if length > 0 and new.secsTo(QTime(23, 59)) >= length:
            self.end_time.setTime(new.addSecs(length))

    def _mode_changed(self) -> None:
        sole = self.sole.isChecked()
        self._form.setRowVisible(self.sole_arbitrator, sole)
        self._form.setRowVisible(self.presiding, not sole)
        for combo in self.members:
            self._form.setRowVisible(combo, not sole)

    def _publicity_changed(self) -> None:
        closed = not self.public.isChecked()
        self._form.setRowVisible(self.closed_reason, closed)
        self._form.setRowVisible(self.closed_detail, closed)

    # ------------------------------------------------------------------ the check

    def _panel(self) -> tuple[tuple[int, PanelRole], ...]:
        if self.sole.isChecked():
            sid = self.sole_arbitrator.currentData()
            return ((sid, PanelRole.SOLE),) if sid is not None else ()
        seats = [(self.presiding.currentData(), PanelRole.PRESIDING)]
        seats += [(combo.currentData(), PanelRole.MEMBER) for combo in self.members]
        return tuple((sid, role) for sid, role in seats if sid is not None)

    def collect(self) -> HearingInput | None:
        """The hearing as typed (None while no case is chosen)."""
        case_id = self.case.currentData()
        if case_id is None:
            return None
        day = to_date(self.date)
        start, end = self.start_time.time(), self.end_time.time()
        closed_reason = None
        if not self.public.isChecked():
            key = self.closed_reason.currentData()
            reason = next((r for r in CLOSED_REASONS if r.key == key), None)
            detail = self.closed_detail.text().strip()
            if reason is not None:
                closed_reason = f"{reason.label_zh}：{detail}" if detail else reason.key
        return HearingInput(
            case_id=case_id,
            starts_at=dt.datetime.combine(day, dt.time(start.hour(), start.minute())),
            ends_at=dt.datetime.combine(day, dt.time(end.hour(), end.minute())),
            room_id=self.room.currentData(),
            public=self.public.isChecked(),
            closed_reason=closed_reason,
            panel=self._panel(),
            clerk_id=self.clerk.currentData(),
            tribunal_id=self.tribunal.currentData(),
        )

    def schedule_check(self) -> None:
        """Check again shortly (every change restarts the wait)."""
        if not self._loading:
            self._timer.start()

    def check_pending(self) -> bool:
        """True while a check waits for the clerk to stop typing."""
        return self._timer.isActive()

    def _check_work(self) -> tuple[Callable[[], list[Finding]], bool]:
        """The conflict check of what is typed (to run off the GUI thread), or a no-op when no case is chosen."""
        data = self.collect()
        if data is None:
            return (lambda: []), False
        db, hearing_id, day = self._db, self.hearing.id if self.hearing else None, self._today()
        return (lambda: hearings.check_hearing(db, data, hearing_id, today=day)), True

    def check_in_background(self) -> None:
        """The check as the clerk types: read in the background; the newest answer is shown."""
        self._timer.stop()
        work, complete = self._check_work()
        if not complete:
            self._no_case()
            return
        ops.run_read(self, work, self._show_findings, on_failed=self._check_failed, key="check")

    def check_now(self) -> list[Finding]:
        """Run the check at once (waiting for it) and show its findings; Save follows the result."""
        self._timer.stop()
        work, complete = self._check_work()
        if not complete:
            self._no_case()
            return []
        try:
            findings = ops.call(self, work)
        except TribunalError as exc:
            self._check_failed(exc)
            return []
        self._show_findings(findings)
        return findings

    def _no_case(self) -> None:
        self.panel.show_message(self.tr("Choose a case to start the check."))
        self.save_button.setEnabled(False)

    def _check_failed(self, error: TribunalError) -> None:
        self.panel.show_message(lang.text(error.message))
        self.save_button.setEnabled(False)

    def _show_findings(self, findings: list[Finding]) -> None:
        self.panel.show_findings(findings)
        self.save_button.setEnabled(not self.panel.has_hard)
        self.save_button.setToolTip(self.tr("Resolve the conflicts in red first") if self.panel.has_hard else "")

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save the hearing; warnings first ask for the reason to record."""
        findings = self.check_now()
        if not self.save_button.isEnabled():
            return False
        data = self.collect()
        assert data is not None
        reason: str | None = None
        if any(f.severity == WARNING for f in findings):
            reason = OverrideReasonDialog.ask(self, findings)
            if reason is None:
                return False
        self.summary.hide()
        db, hearing, day = self._db, self.hearing, self._today()

        def work() -> HearingDetail:
            if hearing is None:
                return hearings.schedule_hearing(db, data, reason, today=day)
            return hearings.update_hearing(db, hearing.id, data, reason, today=day,
                                           expected_version=hearing.version)

        try:
            # On the writer thread; the page that asked broadcasts the new or moved hearing.
            saved = ops.call(self, work, write=True)
        except StaleEditError as exc:
            stale_edit.resolve(self, exc, self.reload_record)
            return False
        except HearingConflict as exc:
            # Someone else booked meanwhile, or a warning appeared: show what stands in the way.
            self.panel.show_findings(list(exc.findings))
            self.save_button.setEnabled(not self.panel.has_hard)
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
        self.saved = saved
        self.hearing_saved.emit(saved)
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, *, case_id: int | None = None,
            hearing_id: int | None = None, start: dt.datetime | None = None,
            today: Callable[[], dt.date] | None = None) -> HearingDetail | None:
        """Open the dialog for a new hearing (optionally of ``case_id`` at ``start``) or to change one.

        Returns:
            The saved hearing, or None when the clerk cancelled.
        """
        dialog = cls(db, case_id=case_id, hearing_id=hearing_id, start=start, parent=parent, today=today)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)

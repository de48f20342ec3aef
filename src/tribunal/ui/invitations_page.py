"""Inviting observers to a public hearing (邀请旁听): pick enterprises and contacts, follow replies, ring.

The clerk chooses a hearing, then (1) picks enterprises with the filters — zone, never
invited this year, invited but never came — and ticks their contacts; (2) follows each
invitation from invited to confirmed / declined to attended / absent; (3) rings whoever has
not replied, from the call list (full numbers: this is the clerk's own screen).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import HearingStatus, InvitationStatus
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import enterprises, hearings, observers
from tribunal.services.app import Database
from tribunal.services.enterprises import ZoneRow
from tribunal.services.hearings import HearingRow
from tribunal.services.observers import CallEntry, EnterprisePick, InvitationRow
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import (
    ERROR_COLOUR,
    GOOD_COLOUR,
    MUTED_COLOUR,
    WARNING_COLOUR,
    Column,
    RowsModel,
    make_table,
    select_key,
    selected_rows,
    set_column_widths,
    time_text,
    when_text,
)

#: Translation context of the strings (written out at each string: lupdate reads only literals).
CONTEXT = "InvitationsPanel"

TAB_LIST = 0
TAB_PICK = 1
TAB_CALLS = 2

#: How far back the hearing chooser reaches (for typing in a paper sheet afterwards).
PAST_DAYS = 60
#: How far ahead it reaches.
AHEAD_DAYS = 365

#: Pick-tree columns.
PICK_NAME = 0
PICK_DETAIL = 1
PICK_PHONE = 2
PICK_HISTORY = 3
PICK_NOTE = 4

OBSERVER_ROLE = Qt.ItemDataRole.UserRole + 1


def hearing_label(row: HearingRow) -> str:
    """How a hearing is named in choosers: 2026-12-08 09:30　案号　案由　地点."""
    return f"{row.starts_at:%Y-%m-%d %H:%M}　{row.case_number}　{lang.label(row.case_type)}　{row.venue}"


def _status_colour(row: InvitationRow):
    if row.status == InvitationStatus.ATTENDED:
        return GOOD_COLOUR
    if row.status in (InvitationStatus.DECLINED, InvitationStatus.ABSENT):
        return MUTED_COLOUR
    if row.status == InvitationStatus.INVITED:
        return WARNING_COLOUR
    return None


def _walk_in_text(row: InvitationRow) -> str:
    return QCoreApplication.translate("InvitationsPanel", "walk-in") if row.walk_in else ""


INVITATION_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Enterprise"), lambda r: r.enterprise_name,
           tooltip=lambda r: r.enterprise_name or None),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Phone"), lambda r: r.phone_masked),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Status"), lambda r: lang.label(r.status), foreground=_status_colour),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Invited"), lambda r: when_text(r.invited_at)),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Replied"), lambda r: when_text(r.replied_at)),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Checked in"), lambda r: time_text(r.checked_in_at)),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Note"), lambda r: "　".join(x for x in (_walk_in_text(r), r.note) if x),
           tooltip=lambda r: r.note or None),
)
INV_NAME, INV_ENTERPRISE, INV_TITLE, INV_PHONE, INV_STATUS, INV_INVITED, INV_REPLIED, INV_CHECKED, INV_NOTE = range(9)


def _kind_text(entry: CallEntry) -> str:
    kinds = {"mobile": QT_TRANSLATE_NOOP("InvitationsPanel", "mobile"),
             "landline": QT_TRANSLATE_NOOP("InvitationsPanel", "landline"),
             "": QT_TRANSLATE_NOOP("InvitationsPanel", "no number")}
    return QCoreApplication.translate(CONTEXT, kinds.get(entry.phone_kind, ""))


def spaced_phone(entry: CallEntry) -> str:
    """A mobile number grouped 3-4-4 (139 8411 0291) for reading out while dialling."""
    digits = entry.phone
    if entry.phone_kind == "mobile" and len(digits) == 11 and digits.isdigit():
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return digits


CALL_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Phone"), spaced_phone,
           foreground=lambda r: None if r.phone else ERROR_COLOUR),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Kind"), _kind_text),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Enterprise"), lambda r: r.enterprise_name,
           tooltip=lambda r: r.enterprise_name or None),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("InvitationsPanel", "Invited"), lambda r: when_text(r.invited_at)),
)


def invitation_model(parent: object = None) -> RowsModel:
    """The invitation list's model (rows: :class:`InvitationRow`)."""
    return RowsModel(CONTEXT, INVITATION_COLUMNS, parent=parent)


def call_model(parent: object = None) -> RowsModel:
    """The call list's model (rows: :class:`CallEntry`)."""
    return RowsModel(CONTEXT, CALL_COLUMNS, key=lambda r: r.invitation_id, parent=parent)


class InvitationsPanel(QWidget):
    """邀请旁听: one hearing's invitations, the enterprises to pick from, and the call list.

    Signals:
        invitations_changed(int): invitations of the hearing (its id) were added or changed.
    """

    invitations_changed = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        self._today = today
        self._loaded = False
        self._hearings: dict[int, HearingRow] = {}
        self._invited_ids: dict[int, InvitationStatus] = {}
        self._refusals: dict[int, str] = {}
        self._checkin_windows: dict[int, QWidget] = {}

        # --- the hearing
        self.hearing = QComboBox()
        self.hearing.setMinimumContentsLength(40)
        self.hearing.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.hearing.currentIndexChanged.connect(lambda _i: self.show_hearing())
        self.capacity_label = QLabel()
        self.checkin_button = QPushButton(self.tr("Check-in screen…"))
        self.checkin_button.setToolTip(self.tr("Open the check-in screen for the day of the hearing"))
        self.checkin_button.clicked.connect(self.open_checkin)
        self.back_entry_button = QPushButton(self.tr("Type in the paper sheet…"))
        self.back_entry_button.setToolTip(self.tr("Record who signed the paper sign-in sheet, after "
                                                  "the hearing"))
        self.back_entry_button.clicked.connect(self.back_entry)
        self.export_button = QPushButton(self.tr("Export list…"))
        self.export_button.setToolTip(self.tr("Save the observers of this hearing as an Excel file "
                                              "(phone numbers partly hidden)"))
        self.export_button.clicked.connect(self.export_list)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_list(), self.tr("Invited"))
        self.tabs.addTab(self._build_pick(), self.tr("Invite enterprises"))
        self.tabs.addTab(self._build_calls(), self.tr("Call list"))
        self.tabs.currentChanged.connect(self._tab_changed)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Hearing")))
        top.addWidget(self.hearing, 1)
        second = QHBoxLayout()
        second.addWidget(self.capacity_label, 1)
        second.addWidget(self.checkin_button)
        second.addWidget(self.back_entry_button)
        second.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    # ------------------------------------------------------------------ building

    def _keep_in_step(self) -> None:
        """Broadcast invitations made here; offer hearings scheduled anywhere at once."""
        self.invitations_changed.connect(lambda _h: ops.broadcast(Changes.INVITATIONS, self))
        ops.subscribe(self, Changes.HEARINGS | Changes.INVITATIONS | Changes.OBSERVERS
                      | Changes.ENTERPRISES | Changes.SETTINGS, self._changed_elsewhere, ignore_own=True)

    def _changed_elsewhere(self) -> None:
        self.load()  # keeps the hearing chosen while it is still offered

    def _build_list(self) -> QWidget:
        self.model = invitation_model(self)
        self.view = make_table(self.model, multi_select=True, empty_text=self.tr(
            "Nobody is invited to this hearing yet. Open the “Invite enterprises” tab, tick the "
            "people and press “Invite the people ticked”."))
        set_column_widths(self.view, {
            INV_NAME: "欧阳晓燕", INV_ENTERPRISE: "邵阳宝庆精密机械有限公司", INV_TITLE: "人力资源部经理",
            INV_PHONE: "0739-*****34", INV_STATUS: "已确认", INV_INVITED: "2026-12-08 09:30",
            INV_REPLIED: "2026-12-08 09:30", INV_CHECKED: "09:30",
        })
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.confirm_button = QPushButton(self.tr("Will come"))
        self.confirm_button.setToolTip(self.tr("The person said they will come (confirmed)"))
        self.decline_button = QPushButton(self.tr("Declined…"))
        self.decline_button.setToolTip(self.tr("The person will not come; their seat is freed"))
        self.absent_button = QPushButton(self.tr("Did not come"))
        self.absent_rest_button = QPushButton(self.tr("Everyone else did not come"))
        self.absent_rest_button.setToolTip(self.tr("After the hearing: everyone invited who did not "
                                                   "check in is recorded as absent"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.decline_button.clicked.connect(self.decline_selected)
        self.absent_button.clicked.connect(self.absent_selected)
        self.absent_rest_button.clicked.connect(self.absent_rest)
        self.counts_label = QLabel()
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.decline_button, self.absent_button,
                       self.absent_rest_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.counts_label)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        return page

    def _build_pick(self) -> QWidget:
        self.zone = QComboBox()
        self.zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.never_invited = QCheckBox(self.tr("Never invited this year"))
        self.never_came = QCheckBox(self.tr("Invited before but never came"))
        for widget in (self.never_invited, self.never_came):
            widget.toggled.connect(lambda _c: self.load_picks())
        self.zone.currentIndexChanged.connect(lambda _i: self.load_picks())
        self.pick = QTreeWidget()
        self.pick.setColumnCount(5)
        self.pick.setHeaderLabels([self.tr("Enterprise / contact"), self.tr("Zone / title"),
                                   self.tr("Phone"), self.tr("Before"), self.tr("Note")])
        self.pick.setAlternatingRowColors(True)
        self.pick.setUniformRowHeights(True)
        metrics = self.fontMetrics()
        for column, sample in ((PICK_NAME, "邵阳宝庆精密机械有限责任公司一"), (PICK_DETAIL, "邵阳经济技术开发区"),
                               (PICK_PHONE, "0739-*****34"), (PICK_HISTORY, "邀请 10 次，到场 10 次")):
            self.pick.setColumnWidth(column, metrics.horizontalAdvance(sample) + 40)
        self.pick.header().setSectionResizeMode(PICK_NOTE, QHeaderView.ResizeMode.Stretch)
        self.pick.header().setStretchLastSection(True)
        self.pick.itemChanged.connect(lambda *_: self._picked_changed())
        self.invite_button = QPushButton(self.tr("Invite the people ticked"))
        self.invite_button.clicked.connect(self.invite_ticked)
        self.pick_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Zone")))
        filters.addWidget(self.zone)
        filters.addWidget(self.never_invited)
        filters.addWidget(self.never_came)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pick_label, 1)
        buttons.addWidget(self.invite_button)
        hint = QLabel(self.tr("The parties of this hearing (and of cases heard with it) are left "
                              "out. Tick an enterprise to invite all its contacts, or tick single "
                              "people."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(hint)
        layout.addWidget(self.pick, 1)
        layout.addLayout(buttons)
        return page

    def _build_calls(self) -> QWidget:
        self.calls_model = call_model(self)
        self.calls_view = make_table(self.calls_model, multi_select=True)
        set_column_widths(self.calls_view, {0: "0739-52012345", 1: "landline", 2: "欧阳晓燕",
                                            3: "邵阳宝庆精密机械有限公司", 4: "人力资源部经理"})
        self.copy_calls_button = QPushButton(self.tr("Copy numbers"))
        self.copy_calls_button.setToolTip(self.tr("Copy the selected lines (or all) as text: "
                                                  "number, name, enterprise"))
        self.copy_calls_button.clicked.connect(self.copy_calls)
        self.call_confirm_button = QPushButton(self.tr("Will come"))
        self.call_decline_button = QPushButton(self.tr("Declined…"))
        self.call_confirm_button.setToolTip(self.tr("Record the answer of the person selected"))
        self.call_decline_button.setToolTip(self.tr("Record the answer of the person selected"))
        self.call_confirm_button.clicked.connect(self.call_confirmed)
        self.call_decline_button.clicked.connect(self.call_declined)
        self.calls_view.selectionModel().selectionChanged.connect(lambda *_: self._update_call_actions())
        self.calls_label = QLabel()
        self.calls_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.call_confirm_button)
        buttons.addWidget(self.call_decline_button)
        buttons.addWidget(self.calls_label, 1)
        buttons.addWidget(self.copy_calls_button)
        hint = QLabel(self.tr("Everyone who has not replied yet, people with a mobile number first. "
                              "Numbers are shown in full here for ringing; do not pass this list on."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.calls_view, 1)
        return page

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def load(self, select_hearing: int | None = None) -> None:
        """Read the hearings that can have observers, and the zones for the filter."""
        self._loaded = True
        db, day = self._db, self._day()

        def work() -> tuple[list[HearingRow], list[ZoneRow]]:
            return (hearings.list_hearings(db, day - dt.timedelta(days=PAST_DAYS), day + dt.timedelta(days=AHEAD_DAYS)),
                    enterprises.list_zones(db))

        ops.run_read(self, work, lambda answer: self._show_loaded(*answer, select_hearing), key="load")

    def _show_loaded(self, rows: list[HearingRow], zones: list[ZoneRow], select_hearing: int | None) -> None:
        day = self._day()
        rows = [r for r in rows if r.public and r.status != HearingStatus.CANCELLED]
        self._hearings = {r.id: r for r in rows}
        keep = select_hearing if select_hearing is not None else self.hearing.currentData()
        self.hearing.blockSignals(True)
        self.zone.blockSignals(True)
        try:
            self.hearing.clear()
            for r in rows:
                self.hearing.addItem(hearing_label(r), r.id)
            index = self.hearing.findData(keep) if keep is not None else -1
            if index < 0:
                # The next hearing to come, or else the latest one.
                upcoming = [i for i, r in enumerate(rows) if r.starts_at.date() >= day]
                index = upcoming[0] if upcoming else len(rows) - 1
            self.hearing.setCurrentIndex(index)
            current_zone = self.zone.currentData()
            self.zone.clear()
            self.zone.addItem(self.tr("All zones"), None)
            for zone in zones:
                self.zone.addItem(zone.name, zone.id)
            self.zone.setCurrentIndex(max(self.zone.findData(current_zone), 0)
                                      if current_zone is not None else 0)
        finally:
            self.hearing.blockSignals(False)
            self.zone.blockSignals(False)
        self.show_hearing()

    def hearing_id(self) -> int | None:
        """The hearing chosen, or None when there is none."""
        value = self.hearing.currentData()
        return int(value) if value is not None else None

    def select_hearing(self, hearing_id: int) -> bool:
        """Choose ``hearing_id``; False when it is not offered (closed, cancelled, out of range)."""
        index = self.hearing.findData(hearing_id)
        if index < 0:
            return False
        self.hearing.setCurrentIndex(index)
        return True

    def show_hearing(self) -> None:
        """Show the invitations of the chosen hearing (and refresh the other tabs)."""
        self._refusals.clear()
        self.refresh()
        self._tab_changed(self.tabs.currentIndex())

    def refresh(self) -> None:
        """Read the invitations and the room's capacity again."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            self.model.set_rows([])
            self.capacity_label.setText(self.tr("There is no public hearing to invite observers to. "
                                                "Schedule one on the Hearings page first."))
            self._invited_ids = {}
            self._update_actions()
            return
        keep = [r.id for r in selected_rows(self.view)]
        db = self._db
        ops.run_read(self, lambda: (observers.list_invitations(db, hearing_id),
                                    observers.hearing_capacity(db, hearing_id)),
                     lambda answer: self._show_invitations(hearing_id, *answer, keep), key="invitations")

    def _show_invitations(self, hearing_id: int, rows: list[InvitationRow], capacity: observers.Capacity,
                          keep: list[int]) -> None:
        if hearing_id != self.hearing_id():
            return  # another hearing was chosen meanwhile
        self.model.set_rows(rows)
        for invitation_id in keep:
            row = self.model.row_of(invitation_id)
            if row is not None:
                self.view.selectRow(row)
        self._show_counts(capacity)

    def _show_counts(self, capacity: observers.Capacity) -> None:
        rows = self.model.rows()
        self._invited_ids = {r.observer_id: r.status for r in rows}
        if capacity.capacity is None:
            self.capacity_label.setText(self.tr("{taken} people invited or present; the hearing has no "
                                                "room, so no limit is checked.").format(taken=capacity.taken))
        else:
            self.capacity_label.setText(self.tr("Seats: {taken} of {capacity} taken in “{room}”, {free} "
                                                "free (declined invitations do not count).").format(
                taken=capacity.taken, capacity=capacity.capacity, room=capacity.room, free=capacity.free))
        counts = {status: sum(1 for r in rows if r.status == status) for status in InvitationStatus}
        self.counts_label.setText("　".join(
            f"{lang.label(status)} {counts[status]}" for status in InvitationStatus))
        self._update_actions()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_PICK:
            self.load_picks()
        elif index == TAB_CALLS:
            self.load_calls()

    # ------------------------------------------------------------------ the invitation list

    def _update_actions(self) -> None:
        chosen = selected_rows(self.view)
        statuses = {r.status for r in chosen}
        has_hearing = self.hearing_id() is not None
        self.confirm_button.setEnabled(bool(chosen) and statuses <= {InvitationStatus.INVITED,
                                                                     InvitationStatus.DECLINED})
        self.decline_button.setEnabled(bool(chosen) and statuses <= {InvitationStatus.INVITED,
                                                                     InvitationStatus.CONFIRMED})
        self.absent_button.setEnabled(bool(chosen) and statuses <= {InvitationStatus.INVITED,
                                                                    InvitationStatus.CONFIRMED})
        for button in (self.absent_rest_button, self.checkin_button, self.back_entry_button,
                       self.export_button, self.invite_button):
            button.setEnabled(has_hearing)

    def select_invitation(self, invitation_id: int) -> bool:
        """Select one invitation in the list (for tests and for the check-in window's sake)."""
        return select_key(self.view, invitation_id)

    def _apply(self, action, rows: list[InvitationRow], **kwargs) -> int:
        db, hearing_id, ids = self._db, self.hearing_id(), [r.id for r in rows]

        def work() -> tuple[list[InvitationRow], list[str], observers.Capacity | None]:
            changed, problems = [], []
            for invitation_id in ids:
                try:
                    changed.append(action(db, invitation_id, **kwargs))
                except TribunalError as exc:
                    problems.append(lang.text(exc.message))
            capacity = None
            if hearing_id is not None:
                try:
                    capacity = observers.hearing_capacity(db, hearing_id)
                except TribunalError as exc:
                    problems.append(lang.text(exc.message))
            return changed, problems, capacity

        try:
            # On the writer thread, one person after another; the page broadcasts the change.
            changed, problems, capacity = ops.call(self, work, write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return 0
        for row in changed:
            # Only the changed line is repainted; the selection stays where it was.
            self.model.update_row(row)
        done = len(changed)
        if capacity is not None:
            self._show_counts(capacity)
        if problems:
            msgbox.warning(self, self.tr("Not everything could be recorded"), "\n".join(problems))
        if done and hearing_id is not None:
            self.invitations_changed.emit(hearing_id)
        return done

    def confirm_selected(self) -> int:
        """已确认: the people selected will come."""
        return self._apply(observers.confirm, selected_rows(self.view))

    def decline_selected(self) -> int:
        """已谢绝: the people selected will not come (the reason asked is optional)."""
        rows = selected_rows(self.view)
        if not rows:
            return 0
        reason = msgbox.ask_text(self, self.tr("Declined"),
                                 self.tr("Reason, if they gave one (for example: on a business trip)"))
        if reason is None:
            return 0
        return self._apply(observers.decline, rows, reason=reason)

    def absent_selected(self) -> int:
        """未到场: the people selected did not come (only once the hearing has begun)."""
        return self._apply(observers.mark_absent, selected_rows(self.view))

    def absent_rest(self) -> int:
        """After the hearing: everyone invited who did not check in is recorded as absent."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            return 0
        if not msgbox.confirm(self, self.tr("Record the rest as absent"),
                              self.tr("Everyone invited or confirmed who has not checked in will be "
                                      "recorded as not having come. Continue?"),
                              self.tr("Record as absent")):
            return 0
        db = self._db
        try:
            count = ops.call(self, lambda: observers.mark_absent_remaining(db, hearing_id), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return 0
        self.refresh()
        self.invitations_changed.emit(hearing_id)
        return count

    # ------------------------------------------------------------------ picking enterprises

    def load_picks(self) -> None:
        """Fill the enterprise tree with the filters' enterprises and their contacts."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            self._show_picks(None, [])
            return
        db, zone_id, came = self._db, self.zone.currentData(), self.never_came.isChecked()
        year = self._hearing_year() if self.never_invited.isChecked() else None
        ops.run_read(self, lambda: observers.pick_enterprises(db, zone_id=zone_id, never_invited_year=year,
                                                              invited_never_came=came, hearing_id=hearing_id),
                     lambda picks: self._show_picks(hearing_id, picks), key="picks")

    def _show_picks(self, hearing_id: int | None, picks: list[EnterprisePick]) -> None:
        if hearing_id != self.hearing_id():
            return  # another hearing was chosen meanwhile; its list follows
        self.pick.blockSignals(True)
        try:
            self.pick.clear()
            for pick in picks:
                self.pick.addTopLevelItem(self._pick_item(pick))
            # The contacts are what the clerk chooses: show them all.
            self.pick.expandAll()
        finally:
            self.pick.blockSignals(False)
        self._picked_changed()

    def _hearing_year(self) -> int:
        row = self._hearings.get(self.hearing_id() or -1)
        return row.starts_at.year if row else self._day().year

    def _pick_item(self, pick: EnterprisePick) -> QTreeWidgetItem:
        history = self.tr("invited {n}, came {m}").format(n=pick.invitations, m=pick.attended) \
            if pick.invitations else self.tr("never invited")
        top = QTreeWidgetItem([pick.name, pick.zone, "", history, ""])
        top.setToolTip(PICK_NAME, pick.name)
        if pick.last_invited:
            top.setToolTip(PICK_HISTORY, self.tr("Last invited for {date}").format(
                date=f"{pick.last_invited:%Y-%m-%d}"))
        open_contacts = 0
        for contact in pick.contacts:
            child = QTreeWidgetItem([contact.name, contact.title, contact.phone_masked, "", ""])
            child.setData(PICK_NAME, OBSERVER_ROLE, contact.observer_id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            status = self._invited_ids.get(contact.observer_id)
            if status is not None:
                child.setText(PICK_NOTE, self.tr("already on the list ({status})").format(
                    status=lang.label(status)))
                child.setForeground(PICK_NOTE, QBrush(MUTED_COLOUR))
                flags = Qt.ItemFlag.ItemIsEnabled
            else:
                child.setCheckState(PICK_NAME, Qt.CheckState.Unchecked)
                open_contacts += 1
                refusal = self._refusals.get(contact.observer_id)
                if refusal:
                    self._mark_refused(child, refusal)
            if contact.primary:
                child.setToolTip(PICK_NAME, self.tr("Main contact"))
            child.setFlags(flags)
            top.addChild(child)
        if not pick.contacts:
            top.setText(PICK_NOTE, self.tr("no contact recorded"))
            top.setForeground(PICK_NOTE, QBrush(WARNING_COLOUR))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        elif open_contacts:
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(PICK_NAME, Qt.CheckState.Unchecked)
        else:
            top.setText(PICK_NOTE, self.tr("everyone already on the list"))
            top.setForeground(PICK_NOTE, QBrush(MUTED_COLOUR))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return top

    def _mark_refused(self, item: QTreeWidgetItem, reason: str) -> None:
        item.setText(PICK_NOTE, reason)
        item.setToolTip(PICK_NOTE, reason)
        item.setForeground(PICK_NOTE, QBrush(ERROR_COLOUR))

    def _enterprise_items(self) -> list[QTreeWidgetItem]:
        """The enterprises of the tree (its top-level items), in order."""
        tops = (self.pick.topLevelItem(i) for i in range(self.pick.topLevelItemCount()))
        return [top for top in tops if top is not None]

    def _contact_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for top in self._enterprise_items():
            children = (top.child(j) for j in range(top.childCount()))
            items.extend(child for child in children if child is not None)
        return items

    def ticked_observer_ids(self) -> list[int]:
        """The people ticked in the enterprise tree."""
        return [int(item.data(PICK_NAME, OBSERVER_ROLE)) for item in self._contact_items()
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                and item.checkState(PICK_NAME) == Qt.CheckState.Checked]

    def tick_enterprise(self, name: str, checked: bool = True) -> bool:
        """Tick every open contact of the enterprise called ``name``; False if not listed."""
        for top in self._enterprise_items():
            if top.text(PICK_NAME) == name and top.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                top.setCheckState(PICK_NAME, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def tick_all(self) -> None:
        """Tick every enterprise listed (all their open contacts)."""
        for top in self._enterprise_items():
            if top.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                top.setCheckState(PICK_NAME, Qt.CheckState.Checked)

    def listed_enterprises(self) -> list[str]:
        """Names of the enterprises the filters offer."""
        return [top.text(PICK_NAME) for top in self._enterprise_items()]

    def pick_note(self, observer_id: int) -> str:
        """What the tree says beside a person (a refusal, "already on the list"…)."""
        for item in self._contact_items():
            if item.data(PICK_NAME, OBSERVER_ROLE) == observer_id:
                return item.text(PICK_NOTE)
        return ""

    def _picked_changed(self) -> None:
        count = len(self.ticked_observer_ids())
        self.pick_label.setText(self.tr("{count} people ticked; {enterprises} enterprises listed").format(
            count=count, enterprises=self.pick.topLevelItemCount()))
        self.invite_button.setEnabled(count > 0 and self.hearing_id() is not None)

    def invite_ticked(self) -> int:
        """Invite the people ticked — all of them, or (when one may not observe) none.

        Returns:
            How many were invited.
        """
        hearing_id = self.hearing_id()
        ids = self.ticked_observer_ids()
        if hearing_id is None or not ids:
            return 0
        db = self._db
        try:
            # The clerk waits for the answer (the window keeps drawing).
            checks = ops.call(self, lambda: observers.check_eligibility(db, hearing_id, ids))
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return 0
        refused = [c for c in checks if c.refusals]
        if refused:
            for c in refused:
                self._refusals[c.observer_id] = "，".join(c.refusals)
            for item in self._contact_items():
                reason = self._refusals.get(int(item.data(PICK_NAME, OBSERVER_ROLE)))
                if reason:
                    self._mark_refused(item, reason)
            msgbox.warning(self, self.tr("These people may not observe"),
                           self.tr("Nobody was invited. Untick these people and invite again:"),
                           "\n".join(f"{c.name}：{'，'.join(c.refusals)}" for c in refused))
            return 0
        doubtful = [c for c in checks if c.warnings]
        if doubtful and not msgbox.confirm(
                self, self.tr("Please check"),
                "\n".join(f"{c.name}：{'，'.join(c.warnings)}" for c in doubtful) + "\n\n"
                + self.tr("Invite them anyway?"), self.tr("Invite")):
            return 0
        try:
            made = ops.call(self, lambda: observers.invite(db, hearing_id, ids), write=True)
        except ValidationError as exc:
            for key, reason in exc.fields.items():
                if key.startswith("observer[") and key.endswith("]"):
                    self._refusals[int(key[9:-1])] = lang.text(reason)
            msgbox.warning(self, self.tr("Nobody was invited"), lang.text(exc.message))
            self.load_picks()
            return 0
        except TribunalError as exc:
            msgbox.warning(self, self.tr("Nobody was invited"), lang.text(exc.message))
            return 0
        self.refresh()
        self.load_picks()
        self.invitations_changed.emit(hearing_id)
        return len(made)

    # ------------------------------------------------------------------ the call list

    def load_calls(self) -> None:
        """Who has not replied yet (full numbers)."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            self.calls_model.set_rows([])
            self.calls_label.clear()
            return
        db = self._db
        ops.run_read(self, lambda: observers.call_list(db, hearing_id),
                     lambda entries: self._show_calls(hearing_id, entries), key="calls")

    def _show_calls(self, hearing_id: int, entries: list[CallEntry]) -> None:
        if hearing_id != self.hearing_id():
            return
        self.calls_model.set_rows(entries)
        self.calls_label.setText(self.tr("{count} people to ring").format(count=len(entries)))
        self.copy_calls_button.setEnabled(bool(entries))
        self._update_call_actions()

    def _update_call_actions(self) -> None:
        chosen = bool(selected_rows(self.calls_view))
        self.call_confirm_button.setEnabled(chosen)
        self.call_decline_button.setEnabled(chosen)

    def _call_rows(self) -> list[InvitationRow]:
        wanted = {e.invitation_id for e in selected_rows(self.calls_view)}
        return [r for r in self.model.rows() if r.id in wanted]

    def call_confirmed(self) -> int:
        """The person rung said they will come."""
        done = self._apply(observers.confirm, self._call_rows())
        self.load_calls()
        return done

    def call_declined(self) -> int:
        """The person rung said they will not come (a reason may be noted)."""
        rows = self._call_rows()
        if not rows:
            return 0
        reason = msgbox.ask_text(self, self.tr("Declined"),
                                 self.tr("Reason, if they gave one (for example: on a business trip)"))
        if reason is None:
            return 0
        done = self._apply(observers.decline, rows, reason=reason)
        self.load_calls()
        return done

    def calls_text(self) -> str:
        """The selected call-list lines (or all) as text: number, name, enterprise, title."""
        rows = selected_rows(self.calls_view) or self.calls_model.rows()
        return "".join(
            "\t".join((r.phone or self.tr("(no number)"), r.name, r.enterprise_name, r.title)) + "\n"
            for r in rows)

    def copy_calls(self) -> None:
        QApplication.clipboard().setText(self.calls_text())

    # ------------------------------------------------------------------ the day and afterwards

    def open_checkin(self) -> QWidget | None:
        """The check-in window for the chosen hearing."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            return None
        from tribunal.ui.checkin_window import CheckinWindow

        open_already = self._checkin_windows.get(hearing_id)
        if open_already is not None and open_already.isVisible():
            # One check-in screen per hearing: two would each miss the other's ticks.
            open_already.raise_()
            open_already.activateWindow()
            return open_already
        window = CheckinWindow.open_for(self, self._db, hearing_id)
        if window is not None:
            window.changed.connect(lambda: self._checkin_changed(hearing_id))
            self._checkin_windows[hearing_id] = window
        return window

    def _checkin_changed(self, hearing_id: int) -> None:
        if self.hearing_id() == hearing_id:
            self.refresh()
        self.invitations_changed.emit(hearing_id)

    def back_entry(self) -> None:
        """补录: type in the paper sign-in sheet after the hearing."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            return
        from tribunal.ui.checkin_window import BackEntryDialog

        if BackEntryDialog.ask(self, self._db, hearing_id) is not None:
            self.refresh()
            self.invitations_changed.emit(hearing_id)

    def export_list(self) -> None:
        """Save the hearing's observers as an .xlsx file (phones masked)."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            return
        row = self._hearings.get(hearing_id)
        name = f"旁听人员_{row.starts_at:%Y%m%d}.xlsx" if row else "旁听人员.xlsx"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export observers"),
                                                    str(Path.home() / name),
                                                    self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Write the list to ``path``; the number of people, or None (the reason shown)."""
        hearing_id = self.hearing_id()
        if hearing_id is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        db = self._db
        try:
            # The save dialog has asked before replacing a file: the clerk confirmed. On the
            # writer thread: the export is recorded in the audit trail.
            count = ops.call(self, lambda: observers.export_observers_xlsx(db, hearing_id, path, force=True),
                             write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        msgbox.information(self, self.tr("List exported"),
                           self.tr("{count} people written to {name}.").format(count=count, name=path.name))
        return count

"""The enterprise directory page (企业): the list per zone, contacts, history, duplicates and reach."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import InvitationStatus
from tribunal.services import enterprises, observers
from tribunal.services.app import Database
from tribunal.services.enterprises import ContactRow, EnterpriseDetail, EnterpriseRow, ZoneRow
from tribunal.services.observers import ReachRow
from tribunal.ui import lang, ops, window_state
from tribunal.ui.enterprise_dialog import ContactDialog, EnterpriseDialog
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
    stretch_column,
    when_text,
)

SEARCH_DELAY_MS = 200
STATE_KEY = "enterprises"
#: Translation context of the strings (written out at each string: lupdate reads only literals).
CONTEXT = "EnterprisesPage"

TAB_DIRECTORY = 0
TAB_DUPLICATES = 1
TAB_REACH = 2

DETAIL_CONTACTS = 0
DETAIL_HISTORY = 1

COL_NAME = 0
COL_CODE = 1
COL_ZONE = 2
COL_CONTACT = 3
COL_TITLE = 4
COL_PHONE = 5
COL_SIZE = 6

#: Mark before a credit code whose check character fails and that nobody has confirmed yet.
UNCONFIRMED_MARK = "⚠ "


def _code_text(row: EnterpriseRow) -> str:
    return (UNCONFIRMED_MARK + row.credit_code) if row.credit_code_unconfirmed else row.credit_code


def _code_tip(row: EnterpriseRow) -> str | None:
    if not row.credit_code_unconfirmed:
        return None
    return QCoreApplication.translate(
        "EnterprisesPage", "The check character of this code is wrong. Compare it with the business "
        "licence, then confirm it on the enterprise's page.")


ENTERPRISE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Enterprise"), lambda r: r.name, tooltip=lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Credit code"), _code_text, tooltip=_code_tip,
           foreground=lambda r: WARNING_COLOUR if r.credit_code_unconfirmed else None),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Zone"), lambda r: r.zone),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "HR contact"), lambda r: r.contact_name),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Title"), lambda r: r.contact_title),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Phone"), lambda r: r.contact_phone),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Size"), lambda r: r.size),
)


def enterprise_model(parent: object = None) -> RowsModel:
    """The enterprise list's model (rows: :class:`EnterpriseRow`)."""
    return RowsModel(CONTEXT, ENTERPRISE_COLUMNS, parent=parent)


# ---------------------------------------------------------------------- history lines


@dataclass(frozen=True)
class HistoryLine:
    """One line of an enterprise's history: a hearing observed, a training attended, a hearing hosted."""

    id: str
    when: dt.datetime
    kind: str
    what: str
    person: str
    outcome: str
    attended: bool


HISTORY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Date"), lambda r: when_text(r.when)),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "What"), lambda r: r.kind),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Hearing or session"), lambda r: r.what, tooltip=lambda r: r.what),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Person"), lambda r: r.person),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Outcome"), lambda r: r.outcome,
           foreground=lambda r: GOOD_COLOUR if r.attended else None),
)

CONTACT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Main contact"), lambda r: "✓" if r.primary else ""),
)

NEVER_REACHED_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Enterprise"), lambda r: r.name, tooltip=lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Invited"), lambda r: str(r.invited), align_right=True,
           foreground=lambda r: ERROR_COLOUR if r.invited else None),
)

REACHED_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Enterprise"), lambda r: r.name, tooltip=lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Invited"), lambda r: str(r.invited), align_right=True),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Came to hearings"), lambda r: str(r.attended), align_right=True),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Trained"), lambda r: str(r.trained), align_right=True),
    Column(QT_TRANSLATE_NOOP("EnterprisesPage", "Hosted"), lambda r: str(r.hosted), align_right=True),
)


class EnterprisesPage(QWidget):
    """企业: the directory of enterprises per development zone.

    Three tabs: the directory (list, contacts, history), likely duplicates, and the zone's
    reach in a year (which enterprises the circuit tribunal has not reached yet).

    Signals:
        enterprise_saved(object): an enterprise was added or changed (its EnterpriseDetail).
        directory_imported(): an import added or changed enterprises.
    """

    enterprise_saved = Signal(object)
    directory_imported = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        self._today = today
        self._loaded = False
        self._loading = False
        self._detail: EnterpriseDetail | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_directory(), self.tr("Directory"))
        self.tabs.addTab(self._build_duplicates(), self.tr("Possible duplicates"))
        self.tabs.addTab(self._build_reach(), self.tr("Reach of a zone"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # ------------------------------------------------------------------ building

    def _keep_in_step(self) -> None:
        """Broadcast this page's changes; show what other pages and workstations change."""
        self.enterprise_saved.connect(lambda _d: ops.broadcast(Changes.ENTERPRISES, self))
        self.directory_imported.connect(lambda: ops.broadcast(Changes.ENTERPRISES, self))
        ops.subscribe(self, Changes.ENTERPRISES | Changes.OBSERVERS | Changes.INVITATIONS,
                      self._changed_elsewhere, ignore_own=True)

    def _changed_elsewhere(self) -> None:
        if self._loaded:
            self.reload()

    def _build_directory(self) -> QWidget:
        self.new_button = QPushButton(self.tr("New enterprise"))
        self.new_button.setToolTip(self.tr("Add an enterprise to the directory (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import enterprises from an Excel (.xlsx) or CSV file"))
        self.show_phones = QCheckBox(self.tr("Show full phone numbers"))
        self.show_phones.setToolTip(self.tr("Phone numbers are partly hidden in lists to protect "
                                            "personal data; tick to see them in full"))
        self.count_label = QLabel()
        self.new_button.clicked.connect(self.new_enterprise)
        self.edit_button.clicked.connect(self.edit_enterprise)
        self.import_button.clicked.connect(self.import_file)
        self.show_phones.toggled.connect(self._phones_toggled)

        self.zone = QComboBox()
        self.zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.zone.addItem(self.tr("All zones"), None)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, credit code or contact (Ctrl+F)"))
        self.zone.currentIndexChanged.connect(self._filters_changed)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self.reload)

        self.model = enterprise_model(self)
        self.view = make_table(self.model, empty_text=self.tr(
            "No enterprise matches. Clear the search, add an enterprise, or import the directory "
            "from a spreadsheet."))
        set_column_widths(self.view, {
            COL_NAME: "邵阳宝庆精密机械有限公司", COL_CODE: "⚠ 91430500MA4T00000K",
            COL_ZONE: "邵阳经济技术开发区", COL_CONTACT: "欧阳晓燕", COL_TITLE: "人力资源部经理",
            COL_PHONE: "0739-5201234", COL_SIZE: "50-300人",
        })
        window_state.restore_header(STATE_KEY, self.view.horizontalHeader())
        self.view.doubleClicked.connect(lambda _index: self.edit_enterprise())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view, self.edit_enterprise)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        # --- detail: contacts and history
        self.detail_title = QLabel()
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        self.detail_facts = QLabel()
        self.detail_facts.setWordWrap(True)
        self.detail_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_code_button = QPushButton(self.tr("Code checked against the licence"))
        self.confirm_code_button.setToolTip(self.tr("Record that the credit code was compared with "
                                                    "the business licence and is correct"))
        self.confirm_code_button.clicked.connect(self.confirm_code)
        self.contacts_model = RowsModel(CONTEXT, CONTACT_COLUMNS, key=lambda r: r.observer_id, parent=self)
        self.contacts_view = make_table(self.contacts_model)
        set_column_widths(self.contacts_view, {0: "欧阳晓燕", 1: "人力资源部经理", 2: "0739-5201234"})
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.primary_button = QPushButton(self.tr("Make main contact"))
        self.add_contact_button.clicked.connect(self.add_contact)
        self.primary_button.clicked.connect(self.make_primary)
        self.contacts_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        contacts = QWidget()
        contacts_layout = QVBoxLayout(contacts)
        head = QHBoxLayout()
        head.addWidget(self.detail_title, 1)
        head.addWidget(self.confirm_code_button)
        contacts_layout.addLayout(head)
        contacts_layout.addWidget(self.detail_facts)
        contacts_layout.addWidget(self.contacts_view, 1)
        contact_actions = QHBoxLayout()
        contact_actions.addWidget(self.add_contact_button)
        contact_actions.addWidget(self.primary_button)
        contact_actions.addStretch(1)
        contacts_layout.addLayout(contact_actions)

        self.history_summary = QLabel()
        self.history_summary.setWordWrap(True)
        self.history_model = RowsModel(CONTEXT, HISTORY_COLUMNS, parent=self)
        self.history_view = make_table(self.history_model)
        set_column_widths(self.history_view, {
            0: "2026-12-08 09:30", 1: "Observed hearing",
            2: "邵劳人仲案字〔2026〕第12号（邵阳宝庆精密机械有限公司）", 3: "欧阳晓燕"})
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.history_summary)
        history_layout.addWidget(self.history_view, 1)

        self.detail = QTabWidget()
        self.detail.addTab(contacts, self.tr("Contacts"))
        self.detail.addTab(history, self.tr("Invitations and attendance"))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        if not window_state.restore_splitter(STATE_KEY, self.splitter):
            self.splitter.setSizes([380, 260])

        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.show_phones)
        actions.addSpacing(12)
        actions.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Zone")))
        filters.addWidget(self.zone)
        filters.addWidget(self.search, 1)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self._show_detail(None)
        return page

    def _build_duplicates(self) -> QWidget:
        intro = QLabel(self.tr(
            "Entries that look like one enterprise entered twice: the same credit code, or the "
            "same name once brackets, spaces and 有限公司/有限责任公司 are set aside. Correct or "
            "complete one of them; the list is checked again when you come back to this tab."))
        intro.setWordWrap(True)
        self.duplicates = QTreeWidget()
        self.duplicates.setColumnCount(4)
        self.duplicates.setHeaderLabels([self.tr("Enterprise"), self.tr("Credit code"),
                                         self.tr("Zone"), self.tr("HR contact")])
        self.duplicates.setAlternatingRowColors(True)
        metrics = self.fontMetrics()
        for column, sample in enumerate(("邵阳宝庆精密机械有限责任公司（第1组）", "91430500MA4T00000K",
                                         "邵阳经济技术开发区")):
            self.duplicates.setColumnWidth(column, metrics.horizontalAdvance(sample) + 40)
        self.duplicates.itemDoubleClicked.connect(lambda *_: self.edit_duplicate())
        self.duplicates_label = QLabel()
        self.edit_duplicate_button = QPushButton(self.tr("Edit the selected enterprise"))
        self.edit_duplicate_button.clicked.connect(self.edit_duplicate)
        self.refresh_duplicates_button = QPushButton(self.tr("Check again"))
        self.refresh_duplicates_button.clicked.connect(self.load_duplicates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_duplicate_button)
        buttons.addWidget(self.refresh_duplicates_button)
        buttons.addStretch(1)
        buttons.addWidget(self.duplicates_label)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.duplicates, 1)
        return page

    def _build_reach(self) -> QWidget:
        self.reach_zone = QComboBox()
        self.reach_zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reach_year = QSpinBox()
        self.reach_year.setRange(2000, 2100)
        self.reach_year.setValue(self._day().year)
        self.reach_label = QLabel()
        self.reach_label.setWordWrap(True)
        self.reach_zone.currentIndexChanged.connect(lambda _i: self.load_reach())
        self.reach_year.valueChanged.connect(lambda _v: self.load_reach())
        self.never_model = RowsModel(CONTEXT, NEVER_REACHED_COLUMNS, key=lambda r: r.enterprise_id,
                                     parent=self)
        self.never_view = make_table(self.never_model)
        set_column_widths(self.never_view, {1: "00"})
        self.reached_model = RowsModel(CONTEXT, REACHED_COLUMNS, key=lambda r: r.enterprise_id,
                                       parent=self)
        self.reached_view = make_table(self.reached_model)
        set_column_widths(self.reached_view, {1: "00", 2: "00", 3: "00", 4: "00"})
        for view in (self.never_view, self.reached_view):
            # The name takes the room; the figures stay narrow beside it.
            stretch_column(view, 0)
        never_title = QLabel(self.tr("Not reached yet this year"))
        reached_title = QLabel(self.tr("Reached"))
        for label in (never_title, reached_title):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        hint = QLabel(self.tr("Reached means: someone from the enterprise came to a hearing or a "
                              "training session, or the enterprise hosted a hearing."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        left = QVBoxLayout()
        left.addWidget(never_title)
        left.addWidget(self.never_view, 1)
        right = QVBoxLayout()
        right.addWidget(reached_title)
        right.addWidget(self.reached_view, 1)
        lists = QHBoxLayout()
        lists.addLayout(left, 2)
        lists.addLayout(right, 3)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Zone")))
        chooser.addWidget(self.reach_zone)
        chooser.addWidget(QLabel(self.tr("Year")))
        chooser.addWidget(self.reach_year)
        chooser.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(chooser)
        layout.addWidget(self.reach_label)
        layout.addWidget(hint)
        layout.addLayout(lists, 1)
        return page

    # ------------------------------------------------------------------ page protocol

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page or closing the window: remember the column widths.
        self.save_state()
        super().hideEvent(event)

    def focus_search(self) -> None:
        """Ctrl+F: the directory's search field."""
        self.tabs.setCurrentIndex(TAB_DIRECTORY)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def create_item(self) -> None:
        """Ctrl+N: a new enterprise."""
        self.new_enterprise()

    def save_state(self) -> None:
        window_state.save_header(STATE_KEY, self.view.horizontalHeader())
        window_state.save_splitter(STATE_KEY, self.splitter)

    def load(self) -> None:
        """Read the zones (in the background), then the enterprises matching the filters."""
        self._loaded = True
        db = self._db
        ops.run_read(self, lambda: enterprises.list_zones(db), self._show_zones, key="zones")

    def _show_zones(self, zones: list[ZoneRow]) -> None:
        self._loading = True
        try:
            for combo, first in ((self.zone, self.tr("All zones")), (self.reach_zone, None)):
                current = combo.currentData()
                combo.clear()
                if first is not None:
                    combo.addItem(first, None)
                for zone in zones:
                    combo.addItem(zone.name, zone.id)
                index = combo.findData(current) if current is not None else 0
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self.reload()
        if self.tabs.currentIndex() != TAB_DIRECTORY:
            self._tab_changed(self.tabs.currentIndex())

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    # ------------------------------------------------------------------ the list

    def reload(self, select_id: int | None = None, *, clear_filters: bool = False) -> None:
        """Search again (in the background), keeping the selected enterprise if it is still listed.

        Args:
            select_id: select this enterprise instead of the one selected now.
            clear_filters: when ``select_id`` is not among the matches, clear the search and
                the zone and search again (a new enterprise the filters hide).
        """
        self._search_timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        db, text, zone_id = self._db, self.search.text(), self.zone.currentData()
        phones = self.show_phones.isChecked()
        ops.run_read(self, lambda: enterprises.search_enterprises(db, text, zone_id=zone_id, show_phones=phones),
                     lambda rows: self._show_rows(rows, keep, clear_filters), key="list")

    def _show_rows(self, rows: list[EnterpriseRow], keep: int | None, clear_filters: bool) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} enterprises").format(count=len(rows)))
        if keep is not None and self.select(keep):
            return
        if keep is not None and clear_filters:
            self._loading = True
            try:
                self.search.clear()
                self.zone.setCurrentIndex(0)
            finally:
                self._loading = False
            self.reload(keep)
            return
        self._selection_changed()

    def _search_typed(self, _text: str) -> None:
        if not self._loading:
            self._search_timer.start()

    def _filters_changed(self) -> None:
        if not self._loading:
            self.reload()

    def _phones_toggled(self, _checked: bool) -> None:
        self.reload()  # the selected enterprise's detail follows, with or without phones

    def selected_id(self) -> int | None:
        """The id of the enterprise selected in the list, or None."""
        rows = selected_rows(self.view)
        return rows[0].id if rows else None

    def select(self, enterprise_id: int) -> bool:
        """Select ``enterprise_id`` in the list; False when it is not listed."""
        if not select_key(self.view, enterprise_id):
            return False
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        self._show_detail(self.selected_id())

    def _update_actions(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.add_contact_button.setEnabled(has)
        contact = selected_rows(self.contacts_view)
        self.primary_button.setEnabled(has and bool(contact) and not contact[0].primary)

    # ------------------------------------------------------------------ detail

    def _show_detail(self, enterprise_id: int | None) -> None:
        self._detail = None
        if enterprise_id is None:
            self.detail_title.setText(self.tr("Choose an enterprise in the list to see its "
                                              "contacts and history."))
            self.detail_facts.clear()
            self.confirm_code_button.hide()
            self.contacts_model.set_rows([])
            self.history_model.set_rows([])
            self.history_summary.clear()
            self._update_actions()
            return
        db, show = self._db, self.show_phones.isChecked()

        def work() -> tuple[EnterpriseDetail, observers.EnterpriseHistory]:
            return (enterprises.get_enterprise(db, enterprise_id, show_phones=show),
                    observers.enterprise_history(db, enterprise_id))

        ops.run_read(self, work, self._fill_detail, key="detail")

    def _fill_detail(self, answer: tuple[EnterpriseDetail, observers.EnterpriseHistory]) -> None:
        detail, history = answer
        self._detail = detail
        row = detail.row
        self.detail_title.setText(row.name)
        facts = [
            self.tr("Credit code: {code}").format(code=row.credit_code or self.tr("not recorded")),
            self.tr("Zone: {zone}").format(zone=row.zone or self.tr("none")),
        ]
        if row.address:
            facts.append(self.tr("Address: {address}").format(address=row.address))
        if row.size:
            facts.append(self.tr("Size: {size}").format(size=row.size))
        if row.notes:
            facts.append(self.tr("Notes: {notes}").format(notes=row.notes))
        if row.credit_code_unconfirmed:
            facts.append(self.tr("⚠ The credit code's check character is wrong; compare it with "
                                 "the business licence."))
        self.detail_facts.setText("　".join(facts))
        self.confirm_code_button.setVisible(row.credit_code_unconfirmed)
        show = self.show_phones.isChecked()
        self.contacts_model.set_rows([
            ContactRow(c.observer_id, c.name, c.title, c.phone if show else c.phone_masked,
                       c.phone_masked, c.primary)
            for c in detail.contacts
        ])
        self.history_model.set_rows(self._history_lines(history))
        trained = len(history.trainings)
        self.history_summary.setText(self.tr(
            "Invited {invited} times, came {attended} times; {trained} training attendances; "
            "hosted {hosted} hearings.").format(invited=history.invited, attended=history.attended,
                                                 trained=trained, hosted=len(history.hosted)))
        self._update_actions()

    def _history_lines(self, history: observers.EnterpriseHistory) -> list[HistoryLine]:
        lines = []
        for v in history.visits:
            outcome = lang.label(v.status)
            if v.status == InvitationStatus.ATTENDED and v.checked_in_at:
                outcome = self.tr("{status} {time}").format(status=outcome,
                                                             time=f"{v.checked_in_at:%H:%M}")
            if v.walk_in:
                outcome += self.tr(" (walk-in)")
            what = v.case_number + (f"（{v.host}）" if v.host else "")
            lines.append(HistoryLine(f"v{v.invitation_id}", v.starts_at, self.tr("Observed hearing"),
                                     what, v.person, outcome, v.status == InvitationStatus.ATTENDED))
        for n, t in enumerate(history.trainings):
            lines.append(HistoryLine(f"t{t.session_id}-{n}", t.starts_at, self.tr("Training"), t.title,
                                     t.person, self.tr("Attended"), True))
        for hearing_id, starts, number in history.hosted:
            lines.append(HistoryLine(f"h{hearing_id}", starts, self.tr("Hosted hearing"), number, "",
                                     "", False))
        lines.sort(key=lambda line: line.when, reverse=True)
        return lines

    # ------------------------------------------------------------------ actions

    def new_enterprise(self) -> EnterpriseDetail | None:
        """Open the dialog for a new enterprise (in the zone chosen in the filter)."""
        detail = EnterpriseDialog.ask(self, self._db, zone_id=self.zone.currentData())
        if detail is None:
            return None
        self.reload(detail.row.id, clear_filters=True)
        self.enterprise_saved.emit(detail)
        return detail

    def edit_enterprise(self) -> EnterpriseDetail | None:
        """Open the selected enterprise in the dialog."""
        enterprise_id = self.selected_id()
        if enterprise_id is None:
            return None
        return self._edit(enterprise_id)

    def _edit(self, enterprise_id: int) -> EnterpriseDetail | None:
        detail = EnterpriseDialog.ask(self, self._db, enterprise_id)
        if detail is None:
            return None
        self.reload(enterprise_id)
        self.enterprise_saved.emit(detail)
        return detail

    def confirm_code(self) -> None:
        """已核对: the failing credit code matches the business licence."""
        enterprise_id = self.selected_id()
        if enterprise_id is None:
            return
        db = self._db
        ops.run_write(self, lambda: enterprises.confirm_credit_code(db, enterprise_id),
                      changes=Changes.ENTERPRISES, on_done=lambda _r: self.reload(enterprise_id))

    def add_contact(self) -> ContactRow | None:
        """Add another HR person to the selected enterprise."""
        if self._detail is None:
            return None
        enterprise_id = self._detail.row.id
        contact = ContactDialog.ask(self, self._db, enterprise_id, self._detail.row.name)
        if contact is not None:
            self.reload(enterprise_id)
        return contact

    def make_primary(self) -> None:
        """Make the contact selected below the enterprise's main contact."""
        contact = selected_rows(self.contacts_view)
        if self._detail is None or not contact:
            return
        db, enterprise_id, observer_id = self._db, self._detail.row.id, contact[0].observer_id
        ops.run_write(self, lambda: enterprises.set_primary_contact(db, enterprise_id, observer_id),
                      changes=Changes.ENTERPRISES | Changes.OBSERVERS,
                      on_done=lambda _r: self.reload(enterprise_id))

    def import_file(self) -> None:
        """导入: the import wizard; the list is read again afterwards."""
        from tribunal.ui.import_wizard import ImportWizard

        report = ImportWizard.run(self, self._db, zone_id=self.zone.currentData())
        if report is not None and not report.dry_run:
            self.reload()
            self.directory_imported.emit()

    # ------------------------------------------------------------------ duplicates and reach

    def _tab_changed(self, index: int) -> None:
        if index == TAB_DUPLICATES:
            self.load_duplicates()
        elif index == TAB_REACH:
            chosen = self.zone.currentData()
            if chosen is not None and self.reach_zone.findData(chosen) >= 0:
                self._loading = True
                try:
                    self.reach_zone.setCurrentIndex(self.reach_zone.findData(chosen))
                finally:
                    self._loading = False
            self.load_reach()

    def load_duplicates(self) -> None:
        """Look for likely duplicates again (in the background)."""
        db = self._db
        ops.run_read(self, lambda: enterprises.duplicate_groups(db), self._show_duplicates, key="duplicates")

    def _show_duplicates(self, groups: list[list[EnterpriseRow]]) -> None:
        self.duplicates.clear()
        for number, group in enumerate(groups, start=1):
            codes = [r.credit_code for r in group if r.credit_code]
            same_code = len(codes) != len(set(codes))
            reason = (self.tr("same credit code") if same_code
                      else self.tr("same name (brackets, spaces and 有限公司 set aside)"))
            top = QTreeWidgetItem([self.tr("Group {n}: {reason}").format(n=number, reason=reason)])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for row in group:
                child = QTreeWidgetItem([row.name, _code_text(row), row.zone, row.contact_name])
                child.setData(0, Qt.ItemDataRole.UserRole, row.id)
                child.setToolTip(0, row.name)
                top.addChild(child)
            self.duplicates.addTopLevelItem(top)
            # Spanning works only once the item is in the tree.
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.duplicates_label.setText(
            self.tr("{count} groups found").format(count=len(groups)) if groups
            else self.tr("No duplicates found"))

    def duplicate_group_count(self) -> int:
        return self.duplicates.topLevelItemCount()

    def edit_duplicate(self) -> EnterpriseDetail | None:
        """Open the enterprise chosen in the duplicates list."""
        item = self.duplicates.currentItem()
        enterprise_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if enterprise_id is None:
            return None
        detail = EnterpriseDialog.ask(self, self._db, int(enterprise_id))
        if detail is not None:
            self.load_duplicates()
            self.reload()
            self.enterprise_saved.emit(detail)
        return detail

    def load_reach(self) -> None:
        """Which enterprises of the chosen zone were reached in the chosen year."""
        zone_id = self.reach_zone.currentData()
        if zone_id is None or self._loading:
            self.never_model.set_rows([])
            self.reached_model.set_rows([])
            self.reach_label.setText(self.tr("Add a development zone first.") if zone_id is None else "")
            return
        db, year, day = self._db, self.reach_year.value(), self._day()
        ops.run_read(self, lambda: observers.zone_reach(db, zone_id, year, today=day), self._show_reach,
                     key="reach")

    def _show_reach(self, reach: observers.ZoneReach) -> None:
        never: list[ReachRow] = list(reach.never_reached)
        self.never_model.set_rows(never)
        self.reached_model.set_rows(list(reach.reached))
        total = len(never) + len(reach.reached)
        self.reach_label.setText(self.tr(
            "{zone}, {year}: {reached} of {total} enterprises reached, {never} not yet.").format(
                zone=reach.zone, year=reach.year, reached=len(reach.reached), total=total,
                never=len(never)))

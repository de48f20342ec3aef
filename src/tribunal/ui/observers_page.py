"""The observers page (旁听人员): the person directory with each person's history, and invitations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
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
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import InvitationStatus
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import enterprises, observers, settings
from tribunal.services.app import Database
from tribunal.services.enterprises import EnterpriseRow
from tribunal.services.observers import ObserverRow, PersonHistory
from tribunal.ui import lang, msgbox, ops, stale_edit, window_state
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.invitations_page import InvitationsPanel
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import (
    GOOD_COLOUR,
    Column,
    RowsModel,
    make_table,
    select_key,
    selected_rows,
    set_column_widths,
    stretch_column,
    when_text,
)

#: Translation context of the strings (written out at each string: lupdate reads only literals).
CONTEXT = "ObserversPage"
STATE_KEY = "observers"
SEARCH_DELAY_MS = 200
#: The directory shows at most this many people; a search narrows it.
LIST_LIMIT = 500

TAB_PEOPLE = 0
TAB_INVITATIONS = 1

COL_NAME = 0
COL_ENTERPRISE = 1
COL_TITLE = 2
COL_PHONE = 3
COL_ID = 4
COL_ATTENDED = 5

STORE_ID_KEY = "privacy.store_observer_id"


@dataclass(frozen=True)
class VisitLine:
    """One line of a person's history: a hearing they were invited to, or a training session."""

    id: str
    when: dt.datetime
    kind: str
    what: str
    outcome: str
    attended: bool


VISIT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ObserversPage", "Date"), lambda r: when_text(r.when)),
    Column(QT_TRANSLATE_NOOP("ObserversPage", "What"), lambda r: r.kind),
    Column(QT_TRANSLATE_NOOP("ObserversPage", "Hearing or session"), lambda r: r.what, tooltip=lambda r: r.what),
    Column(QT_TRANSLATE_NOOP("ObserversPage", "Outcome"), lambda r: r.outcome,
           foreground=lambda r: GOOD_COLOUR if r.attended else None),
)


class ObserversPage(QWidget):
    """旁听人员: the people of the directory (with their history), and invitations to hearings.

    Signals:
        observer_saved(object): a person was added or changed (their ObserverRow).
    """

    observer_saved = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        self._loaded = False
        self._attended: dict[int, int] = {}
        self._store_ids = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)

        self.invitations = InvitationsPanel(db, today=today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_people(), self.tr("People"))
        self.tabs.addTab(self.invitations, self.tr("Invitations to a hearing"))
        self.invitations.invitations_changed.connect(lambda _h: self._invitations_changed())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _keep_in_step(self) -> None:
        """Broadcast this page's changes; show what other pages and workstations change."""
        self.observer_saved.connect(lambda _row: ops.broadcast(Changes.OBSERVERS, self))
        ops.subscribe(self, Changes.OBSERVERS | Changes.ENTERPRISES | Changes.INVITATIONS,
                      self._changed_elsewhere, ignore_own=True)

    def _changed_elsewhere(self) -> None:
        self._attended.clear()
        if self._loaded:
            self.reload()

    def _build_people(self) -> QWidget:
        self.new_button = QPushButton(self.tr("New person"))
        self.new_button.setToolTip(self.tr("Add a person to the directory (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.reveal_button = QPushButton(self.tr("Show phone number"))
        self.reveal_button.setToolTip(self.tr("Show the selected person's full number"))
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.reveal_button.clicked.connect(self.reveal)
        self.count_label = QLabel()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name or enterprise (Ctrl+F)"))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)

        self.model = RowsModel(CONTEXT, self._columns(), parent=self)
        self.view = make_table(self.model, empty_text=self.tr(
            "No observer matches. People are added here when they are invited to a hearing or "
            "with “New person”."))
        set_column_widths(self.view, {COL_NAME: "欧阳晓燕", COL_ENTERPRISE: "邵阳宝庆精密机械有限公司",
                                      COL_TITLE: "人力资源部经理", COL_PHONE: "0739-*****34",
                                      COL_ID: "430102********0012"})
        self.view.setColumnWidth(COL_ATTENDED, self.fontMetrics().horizontalAdvance("Hearings attended") + 28)
        stretch_column(self.view, COL_ENTERPRISE)
        window_state.restore_header(STATE_KEY, self.view.horizontalHeader())
        self.view.doubleClicked.connect(lambda _index: self.edit_person())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view, self.edit_person)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.person_title = QLabel()
        font = self.person_title.font()
        font.setBold(True)
        self.person_title.setFont(font)
        self.person_facts = QLabel()
        self.person_facts.setWordWrap(True)
        self.person_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_model = RowsModel(CONTEXT, VISIT_COLUMNS, parent=self)
        self.history_view = make_table(self.history_model)
        set_column_widths(self.history_view, {0: "2026-12-08 09:30", 1: "Observed hearing",
                                              2: "邵劳人仲案字〔2026〕第12号（邵阳宝庆精密机械有限公司）"})
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.person_title)
        detail_layout.addWidget(self.person_facts)
        detail_layout.addWidget(self.history_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail)
        self.splitter.setChildrenCollapsible(False)
        if not window_state.restore_splitter(STATE_KEY, self.splitter):
            self.splitter.setSizes([380, 260])

        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.reveal_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(actions)
        layout.addWidget(self.search)
        layout.addWidget(self.splitter, 1)
        self._show_person(None)
        return page

    def _columns(self) -> tuple[Column, ...]:
        return (
            Column(QT_TRANSLATE_NOOP("ObserversPage", "Name"), lambda r: r.name),
            Column(QT_TRANSLATE_NOOP("ObserversPage", "Enterprise"), lambda r: r.enterprise_name,
                   tooltip=lambda r: r.enterprise_name or None),
            Column(QT_TRANSLATE_NOOP("ObserversPage", "Title"), lambda r: r.title),
            Column(QT_TRANSLATE_NOOP("ObserversPage", "Phone"), lambda r: r.phone),
            Column(QT_TRANSLATE_NOOP("ObserversPage", "ID number"), lambda r: r.id_number_masked),
            # Counted only for the rows the view paints (a person's history is one small query).
            Column(QT_TRANSLATE_NOOP("ObserversPage", "Hearings attended"), lambda r: str(self.attended_count(r.id)),
                   align_right=True),
        )

    # ------------------------------------------------------------------ page protocol

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page or closing the window: remember the column widths.
        self.save_state()
        super().hideEvent(event)

    def invite_to(self, hearing_id: int) -> None:
        """The 旁听邀请 tab for ``hearing_id`` (the hearings are read again, so a new one is there)."""
        self.tabs.setCurrentWidget(self.invitations)
        self.invitations.load(select_hearing=hearing_id)

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == TAB_PEOPLE:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def create_item(self) -> None:
        if self.tabs.currentIndex() == TAB_PEOPLE:
            self.new_person()

    def save_state(self) -> None:
        window_state.save_header(STATE_KEY, self.view.horizontalHeader())
        window_state.save_splitter(STATE_KEY, self.splitter)

    def load(self) -> None:
        """Read the privacy setting and the directory (in the background)."""
        self._loaded = True
        db = self._db

        def work() -> bool:
            try:
                return bool(settings.get(db, STORE_ID_KEY))
            except TribunalError:
                return False

        ops.run_read(self, work, self._show_privacy, key="privacy")

    def _show_privacy(self, store_ids: bool) -> None:
        self._store_ids = store_ids
        self.view.setColumnHidden(COL_ID, not self._store_ids)
        self.reload()

    # ------------------------------------------------------------------ the list

    def reload(self, select_id: int | None = None, *, clear_search: bool = False) -> None:
        """Search again (in the background), keeping the selected person if still listed.

        Args:
            select_id: select this person instead of the one selected now.
            clear_search: when ``select_id`` is not among the matches, clear the search and
                read again (a new person the search hides).
        """
        self._search_timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        db, text = self._db, self.search.text()

        def work() -> tuple[list[ObserverRow], dict[int, int]]:
            rows = observers.search_observers(db, text, limit=LIST_LIMIT)
            return rows, observers.attended_counts(db, [r.id for r in rows])

        ops.run_read(self, work, lambda answer: self._show_rows(*answer, keep, clear_search), key="list")

    def _show_rows(self, rows: list[ObserverRow], attended: dict[int, int], keep: int | None,
                   clear_search: bool) -> None:
        self._attended = attended
        self.model.set_rows(rows)
        if len(rows) >= LIST_LIMIT:
            self.count_label.setText(self.tr("first {count} people — search to narrow").format(count=len(rows)))
        else:
            self.count_label.setText(self.tr("{count} people").format(count=len(rows)))
        if keep is not None and self.select(keep):
            return
        if keep is not None and clear_search and self.search.text():
            self.search.clear()
            self.reload(keep)
            return
        self._selection_changed()

    def attended_count(self, observer_id: int) -> int:
        """How many hearings the person came to (read with the list)."""
        return self._attended.get(observer_id, 0)

    def selected_id(self) -> int | None:
        rows = selected_rows(self.view)
        return rows[0].id if rows else None

    def select(self, observer_id: int) -> bool:
        if not select_key(self.view, observer_id):
            return False
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        self._show_person(self.selected_id())

    def _invitations_changed(self) -> None:
        self._attended.clear()
        if self._loaded:
            self.reload()

    # ------------------------------------------------------------------ one person

    def _show_person(self, observer_id: int | None, *, phone: str = "") -> None:
        has = observer_id is not None
        self.edit_button.setEnabled(has)
        self.reveal_button.setEnabled(has)
        if observer_id is None:
            self.person_title.setText(self.tr("Choose a person to see the hearings and training "
                                              "sessions they attended."))
            self.person_facts.clear()
            self.history_model.set_rows([])
            return
        db = self._db
        ops.run_read(self, lambda: observers.person_history(db, observer_id),
                     lambda history: self._fill_person(history, phone), key="person")

    def _fill_person(self, history: PersonHistory, phone: str) -> None:
        person = history.observer
        self.person_title.setText(f"{person.name}　{person.enterprise_name}")
        facts = []
        if person.title:
            facts.append(self.tr("Title: {title}").format(title=person.title))
        facts.append(self.tr("Phone: {phone}").format(phone=phone or person.phone or self.tr("not recorded")))
        if person.id_number_masked:
            facts.append(self.tr("ID number: {number}").format(number=person.id_number_masked))
        attended = sum(1 for v in history.visits if v.status == InvitationStatus.ATTENDED)
        facts.append(self.tr("Invited {invited} times, came {attended} times, {trained} training "
                             "sessions").format(invited=len(history.visits), attended=attended,
                                                trained=len(history.trainings)))
        if person.notes:
            facts.append(self.tr("Notes: {notes}").format(notes=person.notes))
        self.person_facts.setText("　".join(facts))
        self.history_model.set_rows(self._visit_lines(history))

    def _visit_lines(self, history: PersonHistory) -> list[VisitLine]:
        lines = []
        for v in history.visits:
            outcome = lang.label(v.status)
            if v.checked_in_at:
                outcome += f" {v.checked_in_at:%H:%M}"
            if v.walk_in:
                outcome += self.tr(" (walk-in)")
            what = v.case_number + (f"（{v.host}）" if v.host else "")
            lines.append(VisitLine(f"v{v.invitation_id}", v.starts_at, self.tr("Observed hearing"), what,
                                   outcome, v.status == InvitationStatus.ATTENDED))
        for n, t in enumerate(history.trainings):
            lines.append(VisitLine(f"t{t.session_id}-{n}", t.starts_at, self.tr("Training"), t.title,
                                   self.tr("Attended"), True))
        lines.sort(key=lambda line: line.when, reverse=True)
        return lines

    def reveal(self) -> str:
        """Show the selected person's full phone number in the detail (the clerk asked for it)."""
        observer_id = self.selected_id()
        if observer_id is None:
            return ""
        db = self._db
        # A write: showing the number in full is recorded in the audit trail.
        try:
            phone = ops.call(self, lambda: observers.reveal_phone(db, observer_id), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return ""
        self._show_person(observer_id, phone=phone or self.tr("not recorded"))
        return phone

    def new_person(self) -> ObserverRow | None:
        row = PersonDialog.ask(self, self._db)
        if row is not None:
            self.reload(row.id, clear_search=True)
            self.observer_saved.emit(row)
        return row

    def edit_person(self) -> ObserverRow | None:
        observer_id = self.selected_id()
        if observer_id is None:
            return None
        row = PersonDialog.ask(self, self._db, observer_id)
        if row is not None:
            self.reload()
            self.observer_saved.emit(row)
        return row


class PersonDialog(QDialog):
    """A person of the directory: name, enterprise, title, phone, and the ID number only where
    the host's security rules require it (the setting “保存旁听人员身份证号”)."""

    def __init__(self, db: Database, observer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._observer_id = observer_id
        self.saved: ObserverRow | None = None
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(540)
        self.setWindowTitle(self.tr("New person") if observer_id is None else self.tr("Edit person"))
        self._store_ids = False
        self._loaded_version: int | None = None

        self.name = QLineEdit()
        self.enterprise = QComboBox()
        self.enterprise.setEditable(True)
        self.enterprise.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.enterprise.addItem("", None)
        completer = QCompleter(self.enterprise.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.enterprise.setCompleter(completer)
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.id_number = QLineEdit()
        self.id_number_shown = QLabel()
        self.show_id_button = QPushButton(self.tr("Show the stored number"))
        self.show_id_button.clicked.connect(self.show_id_number)
        self.show_id_button.hide()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.notes.setTabChangesFocus(True)
        self._feedback = {"name": FieldFeedback(self.name), "enterprise": FieldFeedback(self.enterprise),
                          "title": FieldFeedback(self.title), "phone": FieldFeedback(self.phone),
                          "id_number": FieldFeedback(self.id_number), "notes": FieldFeedback(self.notes)}
        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self._feedback["name"].container)
        form.addRow(self.tr("Enterprise"), self._feedback["enterprise"].container)
        form.addRow(self.tr("Title"), self._feedback["title"].container)
        form.addRow(self.tr("Phone"), self._feedback["phone"].container)
        # The ID rows appear once the setting “保存旁听人员身份证号” has been read and says so.
        self._id_row = QWidget()
        id_row = QHBoxLayout(self._id_row)
        id_row.setContentsMargins(0, 0, 0, 0)
        id_row.addWidget(self._feedback["id_number"].container, 1)
        id_row.addWidget(self.show_id_button)
        form.addRow(self.tr("ID number"), self._id_row)
        form.addRow("", self.id_number_shown)
        form.setRowVisible(self._id_row, False)
        form.setRowVisible(self.id_number_shown, False)
        form.addRow(self.tr("Notes"), self._feedback["notes"].container)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("color: #4a5560;")
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
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
        layout.addWidget(self.summary)
        layout.addWidget(self._fields)
        layout.addWidget(self.privacy)
        layout.addStretch(1)
        layout.addWidget(box)
        self.stale = stale_edit.StaleWatch(self, db, "observer", Changes.OBSERVERS, self.reload_record, layout)

        def read() -> tuple[bool, ObserverRow | None, list[EnterpriseRow]]:
            person = observers.get_observer(db, observer_id, show_phone=True) if observer_id else None
            return bool(settings.get(db, STORE_ID_KEY)), person, enterprises.search_enterprises(db)

        self.loading = ops.FormLoad(self, read, self._opened, fields=[self._fields],
                                    buttons=[self.save_button], layout=layout, index=1)
        self.loading.start()

    def _opened(self, answer: tuple[bool, ObserverRow | None, list[EnterpriseRow]]) -> None:
        store_ids, person, rows = answer
        self._store_ids = store_ids
        self._form.setRowVisible(self._id_row, store_ids)
        self._form.setRowVisible(self.id_number_shown, store_ids)
        self.privacy.setText(
            self.tr("ID numbers are stored because the host's security rules require it; "
                    "they are hidden everywhere except here.") if store_ids else
            self.tr("Only what is needed to organise the hearing is kept. ID numbers are "
                    "stored only when the host enterprise's security rules require it "
                    "(a setting)."))
        for row in rows:
            self.enterprise.addItem(row.name, row.id)
        if person is not None:
            self._fill(person)

    def _fill(self, person: ObserverRow) -> None:
        self._loaded_version = person.version
        self.name.setText(person.name)
        index = self.enterprise.findData(person.enterprise_id) if person.enterprise_id is not None else 0
        self.enterprise.setCurrentIndex(max(index, 0))
        self.title.setText(person.title)
        self.phone.setText(person.phone)
        self.id_number.clear()
        if person.id_number_masked:
            self.id_number.setPlaceholderText(self.tr("Stored: {masked} — leave empty to keep it").format(
                masked=person.id_number_masked))
            self.show_id_button.show()
        self.notes.setPlainText(person.notes)
        self.stale.track(self._observer_id)

    def reload_record(self) -> None:
        """重新载入: show the person as saved now; what was typed here is dropped."""
        if self._observer_id is None:
            return
        db, observer_id = self._db, self._observer_id
        self.loading.start(lambda: observers.get_observer(db, observer_id, show_phone=True), self._reloaded)

    def _reloaded(self, person: ObserverRow) -> None:
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        self._fill(person)

    def feedback(self, key: str) -> FieldFeedback:
        return self._feedback[key]

    def show_id_number(self) -> str:
        """The full stored ID number, on the clerk's own screen (the look is recorded)."""
        if self._observer_id is None:
            return ""
        db, observer_id = self._db, self._observer_id
        try:  # a write: the look is recorded in the audit trail
            number = ops.call(self, lambda: observers.id_number_for_clerk(db, observer_id), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return ""
        self.id_number_shown.setText(number)
        return number

    def _enterprise_id(self) -> int | None:
        text = self.enterprise.currentText().strip()
        if not text:
            return None
        index = self.enterprise.findText(text, Qt.MatchFlag.MatchExactly)
        return self.enterprise.itemData(index) if index > 0 else -1

    def save(self) -> bool:
        if not self.loading.ready:
            return False
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        enterprise_id = self._enterprise_id()
        if enterprise_id == -1:
            self._feedback["enterprise"].show_error(self.tr(
                "This enterprise is not in the directory. Add it on the Enterprises page first, "
                "or choose one from the list."))
            return False
        id_number = self.id_number.text().strip() if self._store_ids else ""
        db, observer_id, version = self._db, self._observer_id, self._loaded_version
        name, title, phone, notes = self.name.text(), self.title.text(), self.phone.text(), self.notes.toPlainText()

        def work() -> ObserverRow:
            if observer_id is None:
                return observers.add_observer(db, name, enterprise_id=enterprise_id, title=title, phone=phone,
                                              id_number=id_number, notes=notes)
            return observers.update_observer(db, observer_id, name, enterprise_id=enterprise_id, title=title,
                                             phone=phone, id_number=id_number or None, notes=notes,
                                             expected_version=version)

        try:
            # The page that opened the dialog broadcasts what was saved (observer_saved).
            self.saved = ops.call(self, work, write=True)
            self._loaded_version = self.saved.version
        except ValidationError as exc:
            placed = place_errors(self._feedback, exc)
            if not placed:
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
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
    def ask(cls, parent: QWidget | None, db: Database, observer_id: int | None = None) -> ObserverRow | None:
        """Show the dialog; the saved person, or None if the clerk cancelled."""
        dialog = cls(db, observer_id, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()


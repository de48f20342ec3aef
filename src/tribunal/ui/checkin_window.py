"""The check-in screen (签到) for the day of a hearing, walk-ins, and typing in the paper sheet later.

Built for a laptop at the door: large type, one search field that always has the focus. A
USB scanner types the QR code of the invitation (``TRB1:`` and a token) followed by Enter,
which checks that person in at once; a clerk types a few characters of a name, an enterprise
or the last digits of a phone, moves with Up/Down and presses Enter. Everything works on the
local database, with no network.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import InvitationStatus
from tribunal.errors import ConflictError, TribunalError, ValidationError
from tribunal.services import enterprises, hearings, observers
from tribunal.services.app import Database
from tribunal.services.enterprises import EnterpriseRow
from tribunal.services.hearings import HearingDetail
from tribunal.services.observers import BackEntry, BackEntryReport, CheckinHit, InvitationRow
from tribunal.ui import combos, lang, msgbox, ops, window_state
from tribunal.ui.dates import TimeField
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import (
    GOOD_COLOUR,
    MUTED_COLOUR,
    Column,
    RowsModel,
    make_table,
    selected_rows,
    set_column_widths,
    time_text,
)

#: Translation context of the strings (written out at each string: lupdate reads only literals).
CONTEXT = "CheckinWindow"
STATE_KEY = "checkin"

#: Point size of the check-in screen's text: readable at arm's length on a laptop.
BIG_POINT_SIZE = 18
#: Point size of the confirmation line and the counters.
HUGE_POINT_SIZE = 24
#: Typing pauses this long before the list is filtered (a scanner types much faster).
FILTER_DELAY_MS = 120

COL_TICK = 0
COL_NAME = 1
COL_ENTERPRISE = 2
COL_TITLE = 3
COL_STATUS = 4
COL_TIME = 5

#: What the confirmation line looks like for each kind of message.
_LINE_STYLES = {
    "ok": "color: #1e6b34; background: #e6f4ea; border: 2px solid #9bd3ae;",
    "warning": "color: #8a5300; background: #fff4e0; border: 2px solid #f0c77a;",
    "error": "color: #b3261e; background: #fdecea; border: 2px solid #f5c2bd;",
    "info": "color: #3c4043; background: #f1f3f4; border: 2px solid #dadce0;",
}


def looks_like_code(text: str) -> bool:
    """True when the field holds (the start of) a scanned invitation code, ``TRB1:…``.

    A Chinese input method left on while scanning turns the colon full-width; that is the
    same code.
    """
    compact = "".join(unicodedata.normalize("NFKC", text or "").split()).upper()
    prefix = observers.CODE_PREFIX.upper()
    return compact.startswith(prefix) or (bool(compact) and prefix.startswith(compact) and len(compact) >= 3)


def _attended(row: InvitationRow) -> bool:
    return row.status == InvitationStatus.ATTENDED


CHECKIN_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CheckinWindow", "Here"), lambda r: "✓" if _attended(r) else "",
           foreground=lambda r: GOOD_COLOUR),
    Column(QT_TRANSLATE_NOOP("CheckinWindow", "Name"), lambda r: r.name,
           foreground=lambda r: GOOD_COLOUR if _attended(r) else None),
    Column(QT_TRANSLATE_NOOP("CheckinWindow", "Enterprise"), lambda r: r.enterprise_name,
           tooltip=lambda r: r.enterprise_name or None),
    Column(QT_TRANSLATE_NOOP("CheckinWindow", "Title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("CheckinWindow", "Status"), lambda r: lang.label(r.status),
           foreground=lambda r: GOOD_COLOUR if _attended(r) else (
               MUTED_COLOUR if r.status == InvitationStatus.DECLINED else None)),
    Column(QT_TRANSLATE_NOOP("CheckinWindow", "Time"), lambda r: time_text(r.checked_in_at)),
)


def checkin_model(parent: object = None) -> RowsModel:
    """The check-in list's model (rows: :class:`InvitationRow`)."""
    return RowsModel(CONTEXT, CHECKIN_COLUMNS, parent=parent)


def _sized(widget: QWidget, points: float, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


class CheckinWindow(QWidget):
    """签到: tick people present as they arrive, by name or by the code on their invitation.

    Signals:
        checked_in(object): someone was ticked present (their InvitationRow).
        changed(): the hearing's invitations changed (check-in, undo, walk-in, back-entry).
    """

    checked_in = Signal(object)
    changed = Signal()

    def __init__(self, db: Database, hearing_id: int, parent: QWidget | None = None, *,
                 clock: Callable[[], dt.datetime] | None = None, hearing: HearingDetail | None = None) -> None:
        """Build the window.

        Args:
            hearing: the hearing, read already by :meth:`open_for`; else it is read here
                (off the GUI thread, the window waiting for it).

        Raises:
            NotFound: the hearing is gone.
            DatabaseError: it cannot be read.
        """
        super().__init__(parent, Qt.WindowType.Window)
        self._keep_in_step()
        self._db = db
        self._hearing_id = hearing_id
        self._clock = clock or (lambda: dt.datetime.now().replace(microsecond=0))
        self._all: list[InvitationRow] = []
        self._last_checked: int | None = None
        self.hearing: HearingDetail = hearing or ops.call(parent, lambda: hearings.get_hearing(db, hearing_id))
        _sized(self, BIG_POINT_SIZE)
        self.setWindowTitle(self.tr("Check-in — {when}").format(when=f"{self.hearing.starts_at:%Y-%m-%d %H:%M}"))

        self.title = QLabel(self._title_text())
        self.title.setWordWrap(True)
        _sized(self.title, BIG_POINT_SIZE + 2, bold=True)
        self.counters = QLabel()
        _sized(self.counters, HUGE_POINT_SIZE, bold=True)
        self.counters.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.seats = QLabel()
        self.seats.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.seats.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        _sized(self.seats, BIG_POINT_SIZE - 3)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, an enterprise or the last digits of a "
                                               "phone — or scan the invitation"))
        self.search.setClearButtonEnabled(True)
        _sized(self.search, HUGE_POINT_SIZE)
        self.search.setMinimumHeight(self.search.fontMetrics().height() + 20)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self.submit)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)

        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        _sized(self.line, HUGE_POINT_SIZE, bold=True)
        self.line_kind = ""

        self.model = checkin_model(self)
        # Made with its parent so that it measures its columns in the large type.
        self.view = make_table(self.model, self)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 16)
        set_column_widths(self.view, {COL_TICK: "✓", COL_NAME: "欧阳晓燕", COL_ENTERPRISE: "邵阳宝庆精密机械有限公司",
                                      COL_TITLE: "人力资源部经理", COL_STATUS: "已确认", COL_TIME: "09:30"})
        self.view.horizontalHeader().setSectionResizeMode(COL_ENTERPRISE, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.doubleClicked.connect(self._double_clicked)

        self.walk_in_button = QPushButton(self.tr("Add walk-in (F2)"))
        self.back_entry_button = QPushButton(self.tr("Type in paper sheet (F3)"))
        self.undo_button = QPushButton(self.tr("Undo check-in (Ctrl+Z)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.record_button = QPushButton(self.tr("Hearing record…"))
        self.record_button.clicked.connect(self.open_record)
        for button in (self.walk_in_button, self.back_entry_button, self.undo_button, self.close_button,
                       self.record_button):
            # The search field keeps the focus: a scanner's code must always land there.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walk_in_button.clicked.connect(self.add_walk_in)
        self.back_entry_button.clicked.connect(self.back_entry)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.close)
        for key, slot in (("F2", self.add_walk_in), ("F3", self.back_entry), ("Ctrl+Z", self.undo),
                          ("F5", self.reload)):
            QShortcut(QKeySequence(key), self, slot)
        keys = QLabel(self.tr("Enter: check in · Up/Down: choose · Esc: clear · F2: walk-in · "
                              "F3: paper sheet · Ctrl+Z: undo"))
        keys.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        _sized(keys, BIG_POINT_SIZE - 5)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        numbers = QVBoxLayout()
        numbers.addWidget(self.counters)
        numbers.addWidget(self.seats)
        head.addLayout(numbers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.walk_in_button)
        buttons.addWidget(self.back_entry_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.search)
        layout.addWidget(self.line)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(keys)
        window_state.open_at(self, 1200, 680)
        window_state.restore_geometry(STATE_KEY, self)
        self.reload()
        self.say(self.tr("Ready. Scan an invitation or type a name."), "info")

    def _keep_in_step(self) -> None:
        """Broadcast check-ins; show invitations made or changed elsewhere meanwhile."""
        self.changed.connect(lambda: ops.broadcast(Changes.INVITATIONS | Changes.TRAINING, self))
        ops.subscribe(self, Changes.INVITATIONS | Changes.OBSERVERS | Changes.HEARINGS,
                      self.reload, ignore_own=True)

    def _title_text(self) -> str:
        # The screen may face the arriving guests: no case number, no party names.
        h = self.hearing
        return self.tr("Check-in: {date}　{venue}").format(
            date=f"{h.starts_at:%Y-%m-%d %H:%M}", venue=h.venue)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open_for(cls, parent: QWidget | None, db: Database, hearing_id: int, *,
                 clock: Callable[[], dt.datetime] | None = None) -> CheckinWindow | None:
        """Open (and show) the check-in window of a hearing; None when it cannot be opened."""
        try:
            # The window needs the hearing for its title: read first, the caller's window drawing on.
            hearing = ops.call(parent, lambda: hearings.get_hearing(db, hearing_id))
            window = cls(db, hearing_id, parent, clock=clock, hearing=hearing)
        except TribunalError as exc:
            msgbox.show_error(parent, exc)
            return None
        window.show()
        window.raise_()
        window.activateWindow()
        window.search.setFocus()
        return window

    def open_record(self) -> None:
        """Open the hearing record (庭审笔录) of this hearing: the clerk types it once the guests are in."""
        from tribunal.ui.hearing_record_window import HearingRecordWindow

        HearingRecordWindow.open_for(self, self._db, self._hearing_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save_geometry(STATE_KEY, self)
        super().closeEvent(event)

    # ------------------------------------------------------------------ the list

    def reload(self, select_id: int | None = None) -> None:
        """Read the invitations again (in the background); the filter typed stays.

        Args:
            select_id: the invitation to select once the list is shown (the one just checked in).
        """
        db, hearing_id = self._db, self._hearing_id
        ops.run_read(self, lambda: (observers.list_invitations(db, hearing_id),
                                    observers.hearing_capacity(db, hearing_id)),
                     lambda answer: self._show_list(*answer, select_id),
                     on_failed=lambda exc: self.say(lang.text(exc.message), "error"), key="list")

    def _show_list(self, rows: list[InvitationRow], capacity: observers.Capacity, select_id: int | None) -> None:
        self._all = rows
        attended = sum(1 for r in self._all if _attended(r))
        expected = sum(1 for r in self._all if r.status != InvitationStatus.DECLINED)
        self.counters.setText(self.tr("Here {attended} / expected {expected}").format(
            attended=attended, expected=expected))
        if capacity.capacity is None:
            self.seats.setText("")
        else:
            self.seats.setText(self.tr("Seats taken {taken} of {capacity}").format(
                taken=capacity.taken, capacity=capacity.capacity))
        self.apply_filter()
        if select_id is not None and not self.search.text().strip():
            self._select(self.model.row_of(select_id) or 0)

    def attended_count(self) -> int:
        return sum(1 for r in self._all if _attended(r))

    def expected_count(self) -> int:
        return sum(1 for r in self._all if r.status != InvitationStatus.DECLINED)

    def _typed(self, text: str) -> None:
        if looks_like_code(text):
            # A scanner is typing: wait for its Enter instead of searching half a code.
            self._filter_timer.stop()
            return
        self._filter_timer.start()

    def apply_filter(self, *, wait: bool = False) -> None:
        """Show the people matching what is typed (everyone when nothing is), best first.

        Args:
            wait: search with the window waiting for the answer (Enter checks in the best match).
        """
        self._filter_timer.stop()
        text = self.search.text().strip()
        if not text or looks_like_code(text):
            self._show_matches(text, self._all)
            return
        db, hearing_id = self._db, self._hearing_id
        if wait:
            try:
                hits = ops.call(self, lambda: observers.checkin_search(db, hearing_id, text))
            except TribunalError as exc:
                self.say(lang.text(exc.message), "error")
                hits = []
            self._show_hits(text, hits)
            return
        ops.run_read(self, lambda: observers.checkin_search(db, hearing_id, text),
                     lambda hits: self._show_hits(text, hits),
                     on_failed=lambda exc: self.say(lang.text(exc.message), "error"), key="search")

    def _show_hits(self, text: str, hits: list[CheckinHit]) -> None:
        if text != self.search.text().strip():
            return  # typed on meanwhile: the newer search answers
        by_id = {r.id: r for r in self._all}
        self._show_matches(text, [by_id[h.invitation_id] for h in hits if h.invitation_id in by_id])

    def _show_matches(self, text: str, rows: list[InvitationRow]) -> None:
        keep = self._current_id()
        self.model.set_rows(rows)
        if text and rows:
            self._select(0)
        elif keep is not None and self.model.row_of(keep) is not None:
            self._select(self.model.row_of(keep) or 0)

    def shown_names(self) -> list[str]:
        """Names in the list as shown now (for tests)."""
        return [r.name for r in self.model.rows()]

    def _select(self, number: int) -> None:
        if 0 <= number < self.model.rowCount():
            self.view.selectRow(number)
            self.view.scrollTo(self.model.index(number, 0))

    def _current_id(self) -> int | None:
        rows = selected_rows(self.view)
        return rows[0].id if rows else None

    def current_row(self) -> InvitationRow | None:
        """The person selected in the list (Up/Down move it), or None."""
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            steps: dict[int, int] = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10,
                     Qt.Key.Key_PageDown: 10}
            if key in steps and self.model.rowCount():
                current = self.view.selectionModel().selectedRows()
                number = current[0].row() + steps[key] if current else 0
                self._select(max(0, min(number, self.model.rowCount() - 1)))
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                self.view.clearSelection()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ checking in

    def say(self, text: str, kind: str = "info") -> None:
        """Show ``text`` on the big confirmation line (``ok``, ``warning``, ``error``, ``info``)."""
        self.line_kind = kind
        self.line.setText(text)
        self.line.setStyleSheet(_LINE_STYLES.get(kind, _LINE_STYLES["info"])
                                + " border-radius: 6px; padding: 6px 12px;")

    def submit(self) -> InvitationRow | None:
        """Enter: a scanned code checks its person in; typed text checks in the chosen match."""
        text = self.search.text()
        if looks_like_code(text):
            return self.check_in(text.strip())
        if text.strip():
            self.apply_filter(wait=True)
        row = self.current_row()
        if row is None:
            if text.strip():
                self.say(self.tr("Nobody on the list matches “{text}”. Press F2 to add a walk-in.").format(
                    text=text.strip()), "warning")
            return None
        return self.check_in(row.id)

    def check_in(self, ref: int | str) -> InvitationRow | None:
        """Tick one person present now, by invitation id or scanned code."""
        db, at, hearing_id = self._db, self._clock(), self._hearing_id
        try:
            row = ops.call(self, lambda: observers.check_in(db, ref, at=at, hearing_id=hearing_id), write=True)
        except ConflictError as exc:
            self.say(lang.text(exc.message), "warning")
            self.search.clear()
            self._select_ref(ref)
            return None
        except TribunalError as exc:
            self.say(lang.text(exc.message), "error")
            self.search.selectAll()
            return None
        self._last_checked = row.id
        self.search.clear()
        self.reload(select_id=row.id)
        self.say(self.tr("✓ {name}　{enterprise}　checked in at {time}").format(
            name=row.name, enterprise=row.enterprise_name or self.tr("(no enterprise)"),
            time=time_text(row.checked_in_at)), "ok")
        self.checked_in.emit(row)
        self.changed.emit()
        return row

    def _select_ref(self, ref: int | str) -> None:
        """Show who a refused check-in was about (already here, declined…)."""
        self.apply_filter()
        if isinstance(ref, int):
            self._show_ref(ref)
            return
        db, hearing_id = self._db, self._hearing_id
        ops.run_read(self, lambda: observers.checkin_search(db, hearing_id, ref),
                     lambda hits: self._show_ref(hits[0].invitation_id if hits else None),
                     on_failed=lambda _exc: None, key="ref")

    def _show_ref(self, invitation_id: int | None) -> None:
        number = self.model.row_of(invitation_id) if invitation_id is not None else None
        if number is not None:
            self._select(number)

    def _double_clicked(self, index) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.check_in(row.id)
        self.search.setFocus()

    def undo(self) -> InvitationRow | None:
        """Take back a check-in made by mistake (the person selected, or the last one ticked)."""
        row = self.current_row()
        if (row is None or not _attended(row)) and self._last_checked is not None:
            row = next((r for r in self._all if r.id == self._last_checked), None)
        self.search.setFocus()
        if row is None or not _attended(row):
            self.say(self.tr("Choose someone who has checked in, then undo."), "warning")
            return None
        if not msgbox.confirm(self, self.tr("Undo check-in"),
                              self.tr("Take back the check-in of {name} ({time})?").format(
                                  name=row.name, time=time_text(row.checked_in_at)),
                              self.tr("Undo check-in")):
            return None
        db, invitation_id = self._db, row.id
        try:
            undone = ops.call(self, lambda: observers.undo_check_in(db, invitation_id), write=True)
        except TribunalError as exc:
            self.say(lang.text(exc.message), "error")
            return None
        if self._last_checked == row.id:
            self._last_checked = None
        self.reload()
        self.say(self.tr("Check-in of {name} taken back.").format(name=row.name), "info")
        self.changed.emit()
        return undone

    def add_walk_in(self) -> InvitationRow | None:
        """现场登记: someone came without an invitation."""
        row = WalkInDialog.ask(self, self._db, self._hearing_id, self._clock(),
                               name=self.search.text().strip() if not looks_like_code(self.search.text()) else "")
        self.search.setFocus()
        if row is None:
            return None
        self._last_checked = row.id
        self.search.clear()
        self.reload(select_id=row.id)
        self.say(self.tr("✓ {name}　{enterprise}　walk-in, checked in at {time}").format(
            name=row.name, enterprise=row.enterprise_name or self.tr("(no enterprise)"),
            time=time_text(row.checked_in_at)), "ok")
        self.checked_in.emit(row)
        self.changed.emit()
        return row

    def back_entry(self) -> BackEntryReport | None:
        """补录: tick the people on the paper sheet, with their times."""
        report = BackEntryDialog.ask(self, self._db, self._hearing_id)
        self.search.setFocus()
        if report is not None:
            self.reload()
            self.say(self.tr("Paper sheet recorded: {checked} checked in, {walk_ins} walk-ins.").format(
                checked=report.checked_in, walk_ins=report.walk_ins), "ok")
            self.changed.emit()
        return report


# ---------------------------------------------------------------------- walk-ins


class WalkInDialog(QDialog):
    """添加现场人员: name, enterprise, title and phone of someone who came without an invitation.

    The person takes a seat: a full room refuses them with the reason, and so does anything
    that keeps a person from observing (a party's own staff, for example).
    """

    def __init__(self, db: Database, hearing_id: int, at: dt.datetime, parent: QWidget | None = None,
                 *, name: str = "") -> None:
        super().__init__(parent)
        self._db = db
        self._hearing_id = hearing_id
        self._at = at
        self.saved: InvitationRow | None = None
        self.setWindowTitle(self.tr("Add a walk-in"))
        # Large like the check-in screen it is opened from (set in the style sheet: a widget
        # under a style sheet takes its size from there, not from its parent).
        self.setStyleSheet(FORM_STYLE + f"\n* {{ font-size: {BIG_POINT_SIZE - 4}pt; }}")
        self.setMinimumWidth(680)
        self.name = QLineEdit(name)
        self.enterprise = QComboBox()
        self.enterprise.setEditable(True)
        self.enterprise.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.enterprise.addItem("", None)
        # The directory to choose from arrives in the background; a new name can be typed at once.
        ops.run_read(self, lambda: enterprises.search_enterprises(db), self._show_enterprises, key="enterprises")
        completer = QCompleter(self.enterprise.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.enterprise.setCompleter(completer)
        combos.line_edit(self.enterprise).setPlaceholderText(self.tr("Type to find it; a new name is added"))
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self._feedback = {"name": FieldFeedback(self.name), "enterprise": FieldFeedback(self.enterprise),
                          "title": FieldFeedback(self.title), "phone": FieldFeedback(self.phone)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self._feedback["name"].container)
        form.addRow(self.tr("Enterprise"), self._feedback["enterprise"].container)
        form.addRow(self.tr("Title"), self._feedback["title"].container)
        form.addRow(self.tr("Phone"), self._feedback["phone"].container)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        box = QDialogButtonBox()
        ok = box.addButton(self.tr("Check in"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        intro = QLabel(self.tr("Checked in at {time}. The person takes one of the room's seats.").format(
            time=f"{at:%H:%M}"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(box)

    def _show_enterprises(self, rows: list[EnterpriseRow]) -> None:
        for row in rows:
            self.enterprise.addItem(row.name, row.id)

    def feedback(self, key: str) -> FieldFeedback:
        return self._feedback[key]

    def set_enterprise(self, text: str) -> None:
        """Type an enterprise name (one of the directory, or a new one)."""
        self.enterprise.setEditText(text)

    def save(self) -> bool:
        """Register the walk-in and tick them present; reasons for a refusal are shown here."""
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        text = self.enterprise.currentText().strip()
        index = self.enterprise.findText(text, Qt.MatchFlag.MatchExactly) if text else -1
        enterprise_id = self.enterprise.itemData(index) if index > 0 else None
        db, hearing_id, name, title, phone, at = (self._db, self._hearing_id, self.name.text(), self.title.text(),
                                                  self.phone.text(), self._at)
        try:
            self.saved = ops.call(self, lambda: observers.add_walk_in(
                db, hearing_id, name, enterprise_name="" if enterprise_id is not None else text,
                enterprise_id=enterprise_id, title=title, phone=phone, at=at), write=True)
        except ValidationError as exc:
            placed = place_errors(self._feedback, exc)
            if not placed or len(placed) < len(exc.fields):
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
            return False
        except ConflictError as exc:
            self.summary.setText(lang.text(exc.message))
            self.summary.show()
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, hearing_id: int, at: dt.datetime, *,
            name: str = "") -> InvitationRow | None:
        """Show the dialog; the walk-in's invitation row, or None if the clerk cancelled."""
        dialog = cls(db, hearing_id, at, parent, name=name)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------- the paper sheet


def _time_edit() -> TimeField:
    return TimeField(optional=True)


def _edit_time(edit: TimeField) -> dt.time | None:
    return edit.value()


def _read_sheet(db: Database, hearing_id: int) -> tuple[HearingDetail, list[InvitationRow]]:
    """The hearing and its invitations, for typing in its paper sign-in sheet."""
    return hearings.get_hearing(db, hearing_id), observers.list_invitations(db, hearing_id)


class BackEntryDialog(QDialog):
    """补录纸质签到: after the hearing, tick who signed the paper sheet and the time they wrote.

    People who signed but were not invited are added on the second list. Typing the same
    sheet twice changes nothing.
    """

    INV_TICK = 0
    INV_NAME = 1
    INV_ENTERPRISE = 2
    INV_TIME = 3

    OTHER_NAME = 0
    OTHER_ENTERPRISE = 1
    OTHER_TITLE = 2
    OTHER_TIME = 3

    def __init__(self, db: Database, hearing_id: int, parent: QWidget | None = None, *,
                 sheet: tuple[HearingDetail, list[InvitationRow]] | None = None) -> None:
        """Build the dialog.

        Args:
            sheet: the hearing and its invitations, read already by :meth:`ask`; else they are
                read here (off the GUI thread, the window waiting for them).

        Raises:
            NotFound: the hearing is gone.
            DatabaseError: it cannot be read.
        """
        super().__init__(parent)
        self._db = db
        self._hearing_id = hearing_id
        self.report: BackEntryReport | None = None
        self.setWindowTitle(self.tr("Type in the paper sign-in sheet"))
        self.setStyleSheet(FORM_STYLE)
        self.resize(900, 640)
        self.hearing, rows = sheet or ops.call(parent, lambda: _read_sheet(db, hearing_id))
        self._open = [r for r in rows if not _attended(r)]
        already = len(rows) - len(self._open)

        intro = QLabel(self.tr("Tick each invited person who signed the sheet of {date} and type the "
                               "time they wrote (leave “not written” when there is none: the "
                               "hearing's start is recorded). {already} people already checked in "
                               "are not listed.").format(date=f"{self.hearing.starts_at:%Y-%m-%d}",
                                                         already=already))
        intro.setWordWrap(True)
        self.invited = QTableWidget(len(self._open), 4)
        self.invited.setHorizontalHeaderLabels([self.tr("Signed"), self.tr("Name"), self.tr("Enterprise"),
                                                self.tr("Time on the sheet")])
        self.invited.verticalHeader().hide()
        self.invited.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for n, row in enumerate(self._open):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Unchecked)
            self.invited.setItem(n, self.INV_TICK, tick)
            for column, text in ((self.INV_NAME, row.name), (self.INV_ENTERPRISE, row.enterprise_name)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.invited.setItem(n, column, item)
            edit = _time_edit()
            edit.setPlaceholderText(self.tr("not written"))
            edit.timeChanged.connect(lambda _t, n=n: self.tick(n))
            self.invited.setCellWidget(n, self.INV_TIME, edit)
        self._size_table(self.invited, {self.INV_TICK: "Signed", self.INV_NAME: "欧阳晓燕",
                                        self.INV_TIME: "not written00"})
        self.invited.horizontalHeader().setSectionResizeMode(self.INV_ENTERPRISE,
                                                             QHeaderView.ResizeMode.Stretch)

        others_title = QLabel(self.tr("People on the sheet who were not invited"))
        self.others = QTableWidget(0, 4)
        self.others.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Enterprise"), self.tr("Title"),
                                               self.tr("Time on the sheet")])
        self.others.verticalHeader().hide()
        self._size_table(self.others, {self.OTHER_NAME: "欧阳晓燕欧阳", self.OTHER_TITLE: "人力资源部经理",
                                       self.OTHER_TIME: "not written00"})
        self.others.horizontalHeader().setSectionResizeMode(self.OTHER_ENTERPRISE,
                                                            QHeaderView.ResizeMode.Stretch)
        self.add_other_button = QPushButton(self.tr("Add a line"))
        self.add_other_button.clicked.connect(lambda: self.add_other())
        self.rest_absent = QCheckBox(self.tr("Record everyone invited who is not ticked as not having come"))
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        box = QDialogButtonBox()
        ok = box.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        other_head = QHBoxLayout()
        other_head.addWidget(others_title, 1)
        other_head.addWidget(self.add_other_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.invited, 3)
        layout.addLayout(other_head)
        layout.addWidget(self.others, 2)
        layout.addWidget(self.rest_absent)
        layout.addWidget(self.summary)
        layout.addWidget(box)

    def _size_table(self, table: QTableWidget, samples: dict[int, str]) -> None:
        metrics = table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 16)
        for column, sample in samples.items():
            header = table.horizontalHeaderItem(column)
            title = header.text() if header is not None else ""
            table.setColumnWidth(column, max(metrics.horizontalAdvance(sample),
                                             metrics.horizontalAdvance(title)) + 36)

    # --- filling in

    def names(self) -> list[str]:
        """The invited people listed (not yet checked in), in order."""
        return [r.name for r in self._open]

    def tick(self, number: int, time: dt.time | None = None, *, checked: bool = True) -> None:
        """Tick invited person ``number`` (optionally with the time on the sheet)."""
        self._tick_item(number).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if time is not None:
            edit = self.invited.cellWidget(number, self.INV_TIME)
            assert isinstance(edit, TimeField)
            edit.blockSignals(True)
            edit.setTime(QTime(time.hour, time.minute))
            edit.blockSignals(False)

    def _tick_item(self, number: int) -> QTableWidgetItem:
        item = self.invited.item(number, self.INV_TICK)
        if item is None:
            raise IndexError(f"no invited person on line {number}")
        return item

    def add_other(self, name: str = "", enterprise: str = "", title: str = "",
                  time: dt.time | None = None) -> int:
        """Add a line for someone who signed without an invitation; returns its number."""
        n = self.others.rowCount()
        self.others.insertRow(n)
        name_item = QTableWidgetItem(name)
        self.others.setItem(n, self.OTHER_NAME, name_item)
        self.others.setItem(n, self.OTHER_ENTERPRISE, QTableWidgetItem(enterprise))
        self.others.setItem(n, self.OTHER_TITLE, QTableWidgetItem(title))
        edit = _time_edit()
        edit.setPlaceholderText(self.tr("not written"))
        if time is not None:
            edit.setTime(QTime(time.hour, time.minute))
        self.others.setCellWidget(n, self.OTHER_TIME, edit)
        if not name:
            self.others.setCurrentCell(n, self.OTHER_NAME)
            self.others.editItem(name_item)
        return n

    def entries(self) -> list[BackEntry]:
        """The sheet as the service takes it."""
        out = []
        for n, row in enumerate(self._open):
            if self._tick_item(n).checkState() != Qt.CheckState.Checked:
                continue
            edit = self.invited.cellWidget(n, self.INV_TIME)
            assert isinstance(edit, TimeField)
            out.append(BackEntry(row.name, _edit_time(edit), invitation_id=row.id))
        for n in range(self.others.rowCount()):
            name_item = self.others.item(n, self.OTHER_NAME)
            name = name_item.text().strip() if name_item is not None else ""
            if not name:
                continue
            enterprise = self.others.item(n, self.OTHER_ENTERPRISE)
            title = self.others.item(n, self.OTHER_TITLE)
            edit = self.others.cellWidget(n, self.OTHER_TIME)
            assert isinstance(edit, TimeField)
            out.append(BackEntry(name, _edit_time(edit),
                                 enterprise_name=enterprise.text().strip() if enterprise else "",
                                 title=title.text().strip() if title else ""))
        return out

    def save(self) -> bool:
        """Record the sheet (all lines or none); a summary of what was done is shown after."""
        self.summary.hide()
        entries = self.entries()
        if not entries and not self.rest_absent.isChecked():
            self.summary.setText(self.tr("Tick at least one person, or add a line."))
            self.summary.show()
            return False
        db, hearing_id, rest_absent = self._db, self._hearing_id, self.rest_absent.isChecked()
        try:
            self.report = ops.call(self, lambda: observers.back_enter(db, hearing_id, entries,
                                                                      mark_rest_absent=rest_absent), write=True)
        except TribunalError as exc:
            self.summary.setText(lang.text(exc.message))
            self.summary.show()
            return False
        report = self.report
        lines = [self.tr("{checked} people checked in, {walk_ins} walk-ins added, {absent} recorded as "
                         "absent.").format(checked=report.checked_in, walk_ins=report.walk_ins,
                                           absent=report.marked_absent)]
        if report.already:
            lines.append(self.tr("Already checked in before: {names}").format(names="、".join(report.already)))
        msgbox.information(self, self.tr("Paper sheet recorded"), "\n".join(lines),
                           "\n".join(report.warnings))
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, hearing_id: int) -> BackEntryReport | None:
        """Show the dialog; what was recorded, or None if the clerk cancelled."""
        try:
            # The table is built from the invitations: read them first, the page drawing on.
            sheet = ops.call(parent, lambda: _read_sheet(db, hearing_id))
            dialog = cls(db, hearing_id, parent, sheet=sheet)
        except TribunalError as exc:
            msgbox.show_error(parent, exc)
            return None
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.report
            return None
        finally:
            dialog.deleteLater()

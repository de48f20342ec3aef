"""The case register page (案件): filters, the case list, the actions and the selected case."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseStatus, CaseType
from tribunal.errors import TribunalError
from tribunal.services import audit, clocks, reference
from tribunal.services import cases as case_service
from tribunal.services.app import Database
from tribunal.services.audit import AuditRow
from tribunal.services.cases import CaseDetail, CaseFilter, CaseRow
from tribunal.services.reference import StaffRow, TribunalRow
from tribunal.ui import lang, msgbox, ops, window_state
from tribunal.ui.case_detail import CaseDetailPane
from tribunal.ui.case_dialogs import CloseCaseDialog, ReopenCaseDialog, make_date_edit, to_date
from tribunal.ui.case_editor import CaseEditor
from tribunal.ui.case_table_model import (
    COL_ACCEPTED,
    COL_APPLICANTS,
    COL_CLAIM_TOTAL,
    COL_DEADLINE,
    COL_NUMBER,
    COL_RECEIVED,
    COL_RESPONDENTS,
    COL_STATUS,
    COL_TYPE,
    CaseTableModel,
)
from tribunal.ui.combos import add_members, current_member
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import ListView

#: Live search waits this long after the last keystroke before searching: long enough that a
#: word typed at speed (or an input method's committed phrase) is one search, short enough to
#: keep keystroke-to-rows under 0.1 s (measured in benchmarks/foundation.py).
SEARCH_DELAY_MS = 40
#: A typed search first reads this many cases, then all of them once the clerk has stopped
#: typing for WHOLE_LIST_DELAY_MS. More than a tall screen shows (about 25 rows at 1366×768,
#: 40 on a 1080p monitor), and a third of a model block: each keystroke reads 60 rows, not 200.
FIRST_SCREEN = 60
WHOLE_LIST_DELAY_MS = 300
#: The status filter's entry for every case that is still running.
OPEN_ONLY = "__open__"
STATE_KEY = "cases"
#: The columns' remembered widths and order: a new key whenever the columns change, so a
#: state saved for other columns is not laid over these.
HEADER_KEY = "cases-9-columns"


class CasesPage(QWidget):
    """案件: find cases with the filter bar, open, register, close and reopen them.

    Signals:
        case_saved(object): a case was registered, edited, closed or reopened (its CaseDetail).
    """

    case_saved = Signal(object)
    #: 排期开庭… was pressed for this case (its id).
    schedule_requested = Signal(int)
    ids_shown = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_again)
        self._whole_list: CaseFilter | None = None
        self._whole_list_timer = QTimer(self)
        self._whole_list_timer.setSingleShot(True)
        self._whole_list_timer.setInterval(WHOLE_LIST_DELAY_MS)
        self._whole_list_timer.timeout.connect(self._read_whole_list)
        self._closed_since: dt.date | None = None
        self._ready = False  # no search before load()
        self._loading = False
        self._shown_case_id: int | None = None
        self._deadlines_day: dt.date | None = None
        self._order = case_service.BY_RECEIVED
        self._ascending: bool | None = None
        #: A case to select once the list has been read (a new case, or one opened from elsewhere).
        self._wanted_case: int | None = None

        # --- actions
        self.new_button = QPushButton(self.tr("Register new case"))
        self.new_button.setToolTip(self.tr("Register a new case (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the selected case (Enter or double-click)"))
        self.close_button = QPushButton(self.tr("Close case"))
        self.close_button.setToolTip(self.tr("Record how the selected case ended"))
        self.reopen_button = QPushButton(self.tr("Undo closing"))
        self.reopen_button.setToolTip(self.tr("Reopen a case closed by mistake (a reason is required)"))
        self.count_label = QLabel()
        self.new_button.clicked.connect(self.new_case)
        self.edit_button.clicked.connect(self.edit_case)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.schedule_button = QPushButton(self.tr("Schedule hearing…"))
        self.schedule_button.setToolTip(self.tr("Schedule a hearing of the selected case"))
        self.schedule_button.clicked.connect(self._schedule_selected)

        # --- filters
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by case number, applicant or respondent (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("按案号、申请人或被申请人查找") + 60)
        self.case_type = QComboBox()
        self.case_type.addItem(self.tr("All types"), None)
        add_members(self.case_type, CaseType)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Open cases"), OPEN_ONLY)
        add_members(self.status, CaseStatus)
        self.deadline = QComboBox()
        self.deadline.setToolTip(self.tr("Cases whose next statutory deadline is near or past"))
        self.deadline.addItem(self.tr("All deadlines"), None)
        self.deadline.addItem(self.tr("Deadline due soon"), case_service.DUE_SOON)
        self.deadline.addItem(self.tr("Deadline overdue"), case_service.OVERDUE)
        self.year = QComboBox()
        self.year.addItem(self.tr("All years"), None)
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_range = QCheckBox(self.tr("Received between"))
        today = dt.date.today()
        self.received_from = make_date_edit(today.replace(day=1))
        self.received_to = make_date_edit(today)
        self.received_from.setEnabled(False)
        self.received_to.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self.reload)
        for combo in (self.case_type, self.status, self.deadline, self.year):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.date_range.toggled.connect(self._date_range_toggled)
        self.received_from.dateChanged.connect(self._filters_changed)
        self.received_to.dateChanged.connect(self._filters_changed)

        # --- list and detail
        self.model = CaseTableModel(db, self)
        self.model.load_failed.connect(self._load_failed)
        self.view = ListView()
        self.view.set_empty_text(self.tr("No case matches. Clear the filters or the search, or "
                                         "register a new case (Ctrl+N)."))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        # Fixed row heights and column widths: sizing to contents would read every row.
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The respondents' names are free text (elided, in full in the tooltip); they give
        # way so that the amount and dates stay in view at 1280 pixels.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_RESPONDENTS, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # Sorting is done by the database (the model holds ids only): by the next deadline, or
        # by the day received (the default, newest first). Other columns do not sort.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self._set_default_widths()
        window_state.restore_header(HEADER_KEY, header)
        self.view.doubleClicked.connect(lambda _index: self.edit_case())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view, self.edit_case)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.detail = CaseDetailPane(db=db)
        # A suspension recorded on the 期限 tab may change the case's status in the list.
        self.detail.clock_changed.connect(self._clock_changed)
        # What this page changes, every other page hears; what others change, it shows.
        self.case_saved.connect(lambda _case: ops.broadcast(Changes.CASES | Changes.CLOCKS, self))
        self.detail.clock_changed.connect(lambda _id: ops.broadcast(Changes.CLOCKS | Changes.CASES, self))
        ops.subscribe(self, Changes.CASES | Changes.CLOCKS | Changes.HEARINGS | Changes.SETTINGS | Changes.CALENDAR,
                      self._changed_elsewhere, ignore_own=True)
        self.closed_since_label = QLabel()
        self.closed_since_label.setVisible(False)

        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.close_button, self.reopen_button,
                       self.schedule_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.closed_since_label)
        actions.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.case_type, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.deadline, 1)
        filters.addWidget(self.year)
        dates = QHBoxLayout()
        dates.addWidget(self.date_range)
        dates.addWidget(self.received_from)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.received_to)
        dates.addWidget(self.clear_button)
        dates.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        if not window_state.restore_splitter(STATE_KEY, self.splitter):
            self.splitter.setSizes([440, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.splitter, 1)
        self._update_actions()
        self._show_count()

    # ------------------------------------------------------------------ page protocol

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def create_item(self) -> None:
        """Ctrl+N: register a new case."""
        self.new_case()

    def save_state(self) -> None:
        """Remember the column widths and the split between list and detail."""
        window_state.save_header(HEADER_KEY, self.view.horizontalHeader())
        window_state.save_splitter(STATE_KEY, self.splitter)

    def load(self) -> None:
        """Read the reference lists and the years (in the background), then the matching cases."""
        db = self._db

        def work() -> tuple[list[StaffRow], list[TribunalRow], list[int]]:
            return (reference.list_staff(db, active_only=False), reference.list_tribunals(db),
                    case_service.case_years(db))

        ops.run_read(self, work, self._show_reference, key="reference")

    def _show_reference(self, answer: tuple[list[StaffRow], list[TribunalRow], list[int]]) -> None:
        staff, tribunals, years = answer
        self.detail.staff_names = {s.id: s.name for s in staff}
        self.detail.tribunal_names = {t.id: t.name for t in tribunals}
        self._show_years(years)
        self.reload()

    # ------------------------------------------------------------------ filtering

    def current_filter(self) -> CaseFilter:
        """What the filter bar asks for."""
        ranged = self.date_range.isChecked()
        return CaseFilter(
            text=self.search.text(),
            case_type=current_member(self.case_type, CaseType),
            status=current_member(self.status, CaseStatus),
            open_only=self.status.currentData() == OPEN_ONLY,
            year=self.year.currentData(),
            received_from=to_date(self.received_from) if ranged else None,
            received_to=to_date(self.received_to) if ranged else None,
            closed_from=self._closed_since,
            deadline=self.deadline.currentData(),
            order=self._order,
            ascending=self._ascending,
        )

    def set_closed_since(self, day: dt.date | None) -> None:
        """Narrow the list to cases closed on or after ``day`` (the dashboard's "closed this year")."""
        self._closed_since = day
        self.closed_since_label.setText(
            self.tr("Closed since {date}").format(date=day.isoformat()) if day else "")
        self.closed_since_label.setVisible(day is not None)
        self.reload()

    def _clock_changed(self, case_id: int) -> None:
        self.model.refresh_case(case_id)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        ascending = order == Qt.SortOrder.AscendingOrder
        if column == COL_DEADLINE:
            self._order, self._ascending = case_service.BY_DEADLINE, ascending
        elif column == COL_RECEIVED:
            self._order, self._ascending = case_service.BY_RECEIVED, ascending
        else:
            # Only the database can sort 100,000 rows; other columns go back to the default.
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
            header.blockSignals(False)
            self._order, self._ascending = case_service.BY_RECEIVED, None
        if not self._loading and self._ready:
            self.reload()

    def sort_by_deadline(self, ascending: bool = True) -> None:
        """Order the list by the next deadline, earliest first (or latest first)."""
        self.view.horizontalHeader().setSortIndicator(
            COL_DEADLINE, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def refresh_deadlines(self) -> ops.Op[int] | None:
        """Once a day: bring the stored next deadlines up to today (the dates that passed
        overnight may change a case's next deadline), then show the list again."""
        today = dt.date.today()
        if self._deadlines_day == today:
            return None
        self._deadlines_day = today
        db = self._db

        def done(changed: int) -> None:
            if changed:
                ops.broadcast(Changes.CLOCKS, self)
                self.search_again()

        return ops.run_write(self, lambda: clocks.refresh_next_deadlines(db, today), changes=Changes.NONE,
                             on_done=done)

    def reload(self) -> None:
        """Search again with the current filters (in the background), keeping the selected case if it still matches."""
        self._ready = True
        self.search_again()

    def search_again(self) -> ops.Op[list[CaseRow]]:
        """Search with the current filters off the GUI thread (typing, changes broadcast).

        An answer overtaken by a newer search (the clerk typed on) is dropped.
        """
        self.refresh_deadlines()
        self._search_timer.stop()
        self._whole_list_timer.stop()
        db, wanted = self._db, self.current_filter()

        def first_screen(rows: list[CaseRow]) -> None:
            ids = [r.id for r in rows]
            if len(ids) < FIRST_SCREEN:
                self._show_ids(ids, rows)  # that is all of them
                return
            # The first screenful is on show; the whole list (for scrolling and the count)
            # is read once the clerk stops typing, so it never holds up the next keystroke.
            self._show_ids(ids, rows, complete=False)
            self._whole_list = wanted
            self._whole_list_timer.start()

        # The rows come with the ids: nothing is read on the GUI thread to paint them.
        return ops.run_read(self, lambda: case_service.first_rows(db, wanted, FIRST_SCREEN), first_screen,
                            key="search")

    def _read_whole_list(self) -> None:
        wanted, db = self._whole_list, self._db
        if wanted is not None and wanted == self.current_filter():
            ops.run_read(self, lambda: case_service.search_case_ids(db, wanted), self._show_ids, key="search")

    def _show_ids(self, ids: list[int], rows: list[CaseRow] | None = None, complete: bool = True) -> None:
        keep = self.selected_case_id()
        self.model.set_ids(ids, rows)
        if complete:
            self._show_count()
        else:
            self.count_label.setText(self.tr("Counting the cases found…"))
        self.ids_shown.emit()
        wanted, self._wanted_case = self._wanted_case, None
        if wanted is not None:
            if self.select_case(wanted):
                return
            # The filters hide the case the clerk wants to see: show everything.
            self._wanted_case = wanted
            self.clear_filters()
            return
        if keep is not None and self.select_case(keep):
            return
        self._selection_changed()

    def reveal_case(self, case_id: int) -> None:
        """Select ``case_id``; when the filters hide it, clear them and select it once listed."""
        if self.select_case(case_id):
            return
        self._wanted_case = case_id
        self.clear_filters()

    def _changed_elsewhere(self) -> None:
        """Cases changed (here, on another page or another workstation): list and detail again."""
        self._shown_case_id = None
        self.search_again()

    def clear_filters(self) -> None:
        """Show every case again."""
        self._loading = True  # one search at the end, not one per widget reset
        try:
            self.search.clear()
            self.case_type.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.deadline.setCurrentIndex(0)
            self.year.setCurrentIndex(0)
            self.date_range.setChecked(False)
            self._closed_since = None
            self.closed_since_label.setVisible(False)
        finally:
            self._loading = False
        self.reload()

    def _search_typed(self, _text: str) -> None:
        if not self._loading:
            self._search_timer.start()

    def _filters_changed(self) -> None:
        if not self._loading:
            self.reload()

    def _date_range_toggled(self, checked: bool) -> None:
        self.received_from.setEnabled(checked)
        self.received_to.setEnabled(checked)
        self._filters_changed()

    def _reload_years(self) -> None:
        db = self._db
        ops.run_read(self, lambda: case_service.case_years(db), self._show_years, key="years")

    def _show_years(self, years: list[int]) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        while self.year.count() > 1:
            self.year.removeItem(1)
        for year in years:
            self.year.addItem(self.tr("{year}").format(year=year), year)
        index = self.year.findData(current) if current is not None else 0
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} cases in total").format(count=self.model.rowCount()))

    def _set_default_widths(self) -> None:
        metrics = self.fontMetrics()
        widths = {
            COL_NUMBER: "邵劳人仲案字〔2026〕第10000号",
            COL_APPLICANTS: "张三、李四、王五",
            COL_RESPONDENTS: "邵阳某某精密机械有限公司",
            COL_TYPE: max((lang.label(t) for t in CaseType), key=metrics.horizontalAdvance),
            COL_STATUS: "已排期已",
            COL_RECEIVED: "2026-11-29",
            COL_ACCEPTED: "2026-11-29",
            COL_CLAIM_TOTAL: "1,000,000.00",
            COL_DEADLINE: "2026-11-29 " + max(
                (self.model.deadline_name(kind) for kind in clocks.NEXT_DUE_KINDS),
                key=metrics.horizontalAdvance) + " · " + self.model.longest_state(metrics),
        }
        for column, sample in widths.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            self.view.setColumnWidth(column, width + 24)

    def _load_failed(self, message: str) -> None:
        msgbox.critical(self, self.tr("Cannot read the case list"), message)

    # ------------------------------------------------------------------ selection

    def selected_case_id(self) -> int | None:
        """The id of the case selected in the list, or None."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> bool:
        """Select and scroll to ``case_id``; False when it is not in the list."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        self._update_actions()
        case_id = self.selected_case_id()
        if case_id == self._shown_case_id and case_id is not None:
            return
        self.show_detail(case_id)

    def show_detail(self, case_id: int | None) -> None:
        """Show ``case_id`` read-only under the list (nothing when None)."""
        self._shown_case_id = case_id
        if case_id is None:
            self.detail.show_case(None)
            return
        db = self._db

        def work() -> tuple[CaseDetail, list[AuditRow]]:
            return case_service.get_case(db, case_id), audit.history(db, "case", case_id)

        ops.run_read(self, work, lambda answer: self._show_case(case_id, *answer),
                     on_failed=self._detail_failed, key="detail")

    def _show_case(self, case_id: int, case: CaseDetail, history: list[AuditRow]) -> None:
        if case_id == self._shown_case_id:
            self.detail.show_case(case, history)

    def _detail_failed(self, error: TribunalError) -> None:
        self.detail.show_case(None)
        msgbox.show_error(self, error)

    def _update_actions(self) -> None:
        row = self._selected_row()
        self.edit_button.setEnabled(row is not None)
        self.close_button.setEnabled(row is not None and row.status != CaseStatus.REJECTED)
        closed = row is not None and row.status == CaseStatus.CLOSED
        self.close_button.setText(self.tr("Correct closing") if closed else self.tr("Close case"))
        self.close_button.setToolTip(self.tr("Correct the result, amount or on-site mediation recorded at closing")
                                     if closed else self.tr("Record how the selected case ended"))
        self.reopen_button.setEnabled(row is not None and row.status == CaseStatus.CLOSED)
        self.schedule_button.setEnabled(row is not None and row.status.can_be_scheduled)

    def case_to_schedule(self) -> int | None:
        """The selected case when a hearing can be scheduled for it (the 开庭排期 page starts there)."""
        row = self._selected_row()
        return row.id if row is not None and row.status.can_be_scheduled else None

    def _schedule_selected(self) -> None:
        case_id = self.case_to_schedule()
        if case_id is not None:
            self.schedule_requested.emit(case_id)

    # ------------------------------------------------------------------ actions

    def new_case(self) -> CaseDetail | None:
        """Open the editor for a new case; select it in the list once saved."""
        case = CaseEditor.ask(self, self._db)
        if case is None:
            return None
        self._reload_years()
        self._wanted_case = case.id  # selected once the list is read again
        self.reload()
        self.case_saved.emit(case)
        return case

    def edit_case(self) -> CaseDetail | None:
        """Open the selected case in the editor; repaint its row once saved."""
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        case = CaseEditor.ask(self, self._db, case_id)
        if case is not None:
            self._case_changed(case)
        return case

    def close_selected(self) -> CaseDetail | None:
        """结案: record the outcome of the selected case (or correct what a closing recorded)."""
        row = self._selected_row()
        if row is None:
            return None
        case = CloseCaseDialog.ask(self, self._db, row.id, row.number,
                                   correcting=row.status == CaseStatus.CLOSED)
        if case is not None:
            self._case_changed(case)
        return case

    def reopen_selected(self) -> CaseDetail | None:
        """撤销结案: reopen the selected case, giving a reason."""
        row = self._selected_row()
        if row is None:
            return None
        case = ReopenCaseDialog.ask(self, self._db, row.id, row.number)
        if case is not None:
            self._case_changed(case)
        return case

    def _selected_row(self) -> CaseRow | None:
        case_id = self.selected_case_id()
        row = self.model.row_of(case_id) if case_id is not None else None
        return self.model.case_row(row) if row is not None else None

    def _case_changed(self, case: CaseDetail) -> None:
        self.model.refresh_case(case.id)
        self._shown_case_id = None
        self._selection_changed()
        self.case_saved.emit(case)

"""The audit log (审计日志): who changed what and when, filtered by case, person, date and action.

Read-only: the trail cannot be changed from the program. Entries are read off the GUI thread
200 at a time, newest first (keyset paging, so the 100,000th entry costs what the first does);
"More" continues after the last one shown. ID and phone numbers are shown masked, as they
are stored, with a note where only the fact of a change is known.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tribunal.errors import TribunalError
from tribunal.services import audit
from tribunal.services.app import Database
from tribunal.services.audit import AuditFilter, AuditRow
from tribunal.services.field_labels import field_label, value_text
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.lang import QT_TRANSLATE_NOOP, language

#: Entries read at a time.
PAGE_SIZE = 200

#: The areas of the action filter, in the clerk's words (the part of the key before the dot).
AREAS = {
    "case": QT_TRANSLATE_NOOP("AuditLog", "Cases"),
    "hearing": QT_TRANSLATE_NOOP("AuditLog", "Hearings"),
    "participant": QT_TRANSLATE_NOOP("AuditLog", "Other participants"),
    "agent": QT_TRANSLATE_NOOP("AuditLog", "Agents"),
    "enterprise": QT_TRANSLATE_NOOP("AuditLog", "Enterprises"),
    "observer": QT_TRANSLATE_NOOP("AuditLog", "Observers"),
    "invitation": QT_TRANSLATE_NOOP("AuditLog", "Observer invitations"),
    "training": QT_TRANSLATE_NOOP("AuditLog", "Training"),
    "documents": QT_TRANSLATE_NOOP("AuditLog", "Documents"),
    "certificate": QT_TRANSLATE_NOOP("AuditLog", "Certificates"),
    "service": QT_TRANSLATE_NOOP("AuditLog", "Service of documents"),
    "clock": QT_TRANSLATE_NOOP("AuditLog", "Time limits"),
    "calendar": QT_TRANSLATE_NOOP("AuditLog", "Legal calendar"),
    "period_rule": QT_TRANSLATE_NOOP("AuditLog", "Period rules"),
    "setting": QT_TRANSLATE_NOOP("AuditLog", "Settings"),
    "staff": QT_TRANSLATE_NOOP("AuditLog", "Staff"),
    "privacy": QT_TRANSLATE_NOOP("AuditLog", "Full numbers shown"),
    "report": QT_TRANSLATE_NOOP("AuditLog", "Reports"),
    "database": QT_TRANSLATE_NOOP("AuditLog", "Database (backup, restore, copy)"),
}

#: The earliest day the date boxes offer; showing it means "no limit".
NO_LIMIT = QDate(2000, 1, 1)


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


def area_label(action: str) -> str:
    """The area of an action key in the clerk's words ("case.update" → 案件)."""
    area = action.split(".", 1)[0]
    return _t(AREAS[area]) if area in AREAS else area


# What an action did, by the part of its key after the dot, for the English screen. The
# audit log keeps the Chinese sentence written when the change was made (the record itself);
# an English screen names the change from its key instead (the entry's fields follow in English).
_ACTION_VERBS = {
    "create": "added", "add": "added", "update": "changed", "remove": "removed",
    "delete": "deleted", "status": "status changed", "close": "closed",
    "close_correct": "closing corrected", "reopen": "reopened", "cancel": "cancelled",
    "postpone": "postponed", "held": "recorded as held", "service": "service recorded",
    "record": "service recorded", "withdraw": "withdrawn", "confirm": "confirmed",
    "issue": "issued", "draft": "drafted", "void": "voided", "reply": "reply recorded",
    "export": "exported", "backup": "backed up", "restore": "restored", "copy": "copied",
}


def action_text(action: str) -> str:
    """An audit entry's action in English words ("case.status" → "Cases: status changed")."""
    area, _dot, verb = action.partition(".")
    area_text = _t(AREAS[area]) if area in AREAS else area.replace("_", " ").capitalize()
    return f"{area_text}: {_ACTION_VERBS.get(verb, verb.replace('_', ' '))}"


def entry_summary(summary: str, action: str) -> str:
    """The summary an entry shows: its recorded sentence, or in English the action in words."""
    return action_text(action) if lang.is_english() else summary


class AuditLogDialog(QDialog):
    """The audit log window (does not block the main window)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Audit log"))
        self.rows: list[AuditRow] = []
        self._more = False

        self.case_box = QLineEdit()
        self.case_box.setPlaceholderText(self.tr("Case number, e.g. 邵劳人仲案字〔2026〕第12号"))
        self.person_box = QLineEdit()
        self.person_box.setPlaceholderText(self.tr("Clerk who acted, or a name in the entry"))
        self.action_box = QComboBox()
        self.action_box.addItem(self.tr("All actions"), "")
        for area, label in AREAS.items():
            self.action_box.addItem(_t(label), area)
        self.date_from = self._date_box()
        self.date_to = self._date_box()
        for box in (self.case_box, self.person_box):
            box.returnPressed.connect(self.search)
        search = QPushButton(self.tr("Search"))
        search.setDefault(True)
        search.clicked.connect(self.search)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.clear_filters)

        filters = QFormLayout()
        filters.addRow(self.tr("Case:"), self.case_box)
        filters.addRow(self.tr("Person:"), self.person_box)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        filters.addRow(self.tr("Dates:"), dates)
        action_row = QHBoxLayout()
        action_row.addWidget(self.action_box, 1)
        action_row.addWidget(search)
        action_row.addWidget(clear)
        filters.addRow(self.tr("Action:"), action_row)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Area"), self.tr("What")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText(self.tr("Choose an entry to see what changed."))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.status = QLabel()
        self.more_button = QPushButton(self.tr("More…"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Every change saved by the program is listed here. The log is read-only; "
                              "ID and phone numbers are shown masked."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.resize(1100, 680)

    def _date_box(self) -> QDateEdit:
        box = QDateEdit()
        box.setCalendarPopup(True)
        box.setDisplayFormat("yyyy-MM-dd")
        box.setMinimumDate(NO_LIMIT)
        box.setSpecialValueText(self.tr("no limit"))
        box.setDate(NO_LIMIT)
        return box

    # ------------------------------------------------------------------ filters

    def _day(self, box: QDateEdit) -> dt.date | None:
        day = box.date()
        return None if day == NO_LIMIT else dt.date(day.year(), day.month(), day.day())

    def current_filter(self) -> AuditFilter:
        """The filter as the boxes stand."""
        return AuditFilter(case_number=self.case_box.text().strip(), person=self.person_box.text().strip(),
                           action=str(self.action_box.currentData() or ""),
                           date_from=self._day(self.date_from), date_to=self._day(self.date_to))

    def clear_filters(self) -> ops.Op[list[AuditRow]]:
        """Show the whole log again."""
        self.case_box.clear()
        self.person_box.clear()
        self.action_box.setCurrentIndex(0)
        self.date_from.setDate(NO_LIMIT)
        self.date_to.setDate(NO_LIMIT)
        return self.search()

    def show_case(self, case_number: str) -> None:
        """Narrow the log to one case (from a case's window)."""
        self.case_box.setText(case_number)
        self.search()

    # ------------------------------------------------------------------ reading

    def search(self) -> ops.Op[list[AuditRow]]:
        """Read the newest entries matching the filter (off the GUI thread)."""
        self.rows = []
        self.table.setRowCount(0)
        self.detail.clear()
        return self._read(self.current_filter(), None)

    def load_more(self) -> ops.Op[list[AuditRow]] | None:
        """Read the next entries after the last one shown."""
        if not self.rows:
            return None
        return self._read(self.current_filter(), self.rows[-1].id)

    def _read(self, wanted: AuditFilter, before_id: int | None) -> ops.Op[list[AuditRow]]:
        self.status.setText(self.tr("Reading…"))
        self.more_button.setEnabled(False)
        db = self._db
        # One more than a page tells whether there is more without a count of the whole log.
        return ops.run_read(self, lambda: audit.search(db, wanted, limit=PAGE_SIZE + 1, before_id=before_id),
                            self._arrived, on_failed=self._failed, key="audit")

    def _failed(self, error: TribunalError) -> None:
        self.status.setText("")
        msgbox.warning(self, self.tr("Cannot search the audit log"), str(error))

    def _arrived(self, rows: list[AuditRow]) -> None:
        self._more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        first = len(self.rows)
        self.rows += rows
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(rows, start=first):
            cells = (f"{row.at:%Y-%m-%d %H:%M:%S}", row.actor, area_label(row.action),
                     entry_summary(row.summary, row.action))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setToolTip(text)
                self.table.setItem(i, column, item)
        self.more_button.setEnabled(self._more)
        if not self.rows:
            self.status.setText(self.tr("No entries match."))
        elif self._more:
            self.status.setText(self.tr("The newest {count} entries are shown; click “More…” for earlier ones.")
                                .format(count=len(self.rows)))
        else:
            self.status.setText(self.tr("{count} entries.").format(count=len(self.rows)))
        if first == 0 and self.rows:
            self.table.selectRow(0)

    # ------------------------------------------------------------------ one entry

    def _show_selected(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen or chosen[0].row() >= len(self.rows):
            self.detail.clear()
            return
        self.detail.setHtml(self.entry_html(self.rows[chosen[0].row()]))

    def entry_html(self, row: AuditRow) -> str:
        """Who, when, what, and each field's value before and after (masked where personal).

        Fields are named as the clerk knows them (被申请人 联系电话, not ``parties.1.phone``), in
        the interface's language, from the one table of labels the services keep.
        """
        who = self.tr("{who} at {when}").format(who=row.actor, when=f"{row.at:%Y-%m-%d %H:%M:%S}")
        # The recorded sentence is Chinese (it is what was written at the time); an English
        # screen names the action in words instead, as the list does.
        head = (f"<p><b>{escape(entry_summary(row.summary, row.action))}</b><br>{escape(who)}"
                f" · {escape(area_label(row.action))}"
                f"{'(' if language() == 'en' else '（'}{escape(row.action)}{')' if language() == 'en' else '）'}</p>")
        if not row.details:
            return head + "<p>" + escape(self.tr("No field values were recorded for this entry.")) + "</p>"
        lang = language()
        titles = (self.tr("Field"), self.tr("Before"), self.tr("After"))
        lines = "".join(
            f"<tr><td>{escape(field_label(row.entity, field, lang, record=row.record))}</td>"
            f"<td>{escape(self._value(field, before))}</td><td>{escape(self._value(field, after))}</td></tr>"
            for field, before, after in row.details)
        header = "".join(f"<th>{escape(t)}</th>" for t in titles)
        return (head + "<table border='1' cellspacing='0' cellpadding='3'>"
                f"<tr>{header}</tr>{lines}</table>")

    def _value(self, field: str, value: object) -> str:
        return value_text(value, language(), key=field.rsplit(".", 1)[-1])

"""The hearing-record window (庭审笔录): stages, live typing with speaker shortcuts, evidence, corrections.

Typing never waits for the database. Every change goes to the local journal at most
``AUTOSAVE_SECONDS`` after the first unsaved keystroke (a single-shot timer that continuous
typing does not postpone) and at once on a stage change; the copy to the database then runs on
the background worker. When the database cannot be reached the indicator says 未同步 and the
copy is retried; nothing is broadcast to the other pages on an autosave.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.hearing_record import (
    PHRASES,
    Correction,
    EvidenceItem,
    RecordContent,
    expand_abbreviation,
)
from tribunal.errors import DatabaseError, StaleEditError, TribunalError
from tribunal.services import hearing_records
from tribunal.services.app import Database
from tribunal.ui import lang, msgbox, ops, stale_edit, window_state

STATE_KEY = "hearing_record_window"
# After a failed copy to the database, try again this often (milliseconds).
RETRY_MS = 30_000
_EVIDENCE_COLUMNS = 4


def _cell_text(item: QTableWidgetItem | None) -> str:
    return item.text().strip() if item is not None else ""


class HearingRecordWindow(QWidget):
    """The record of one hearing, typed live; opened from the hearing pane and the check-in window.

    Signals: none; the window saves through the journal and the record service only.
    """

    def __init__(self, db: Database, opened: hearing_records.OpenedRecord, parent: QWidget | None = None, *,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self._clock = clock or dt.datetime.now
        hearing_id = opened.content.hearing_id
        self.content: RecordContent = opened.content
        self.speakers = opened.speakers
        self.autosave = hearing_records.Autosave(opened.journal)
        self.synced = opened.synced
        self._syncing = False
        # The database copy's version this window last opened or wrote: its own autosaves pass
        # it on, so they never refuse each other; another workstation's save moves it.
        self._version: int | None = None
        self._set_version(opened.version)
        # A copy refused because another workstation saved the record: no further copies to
        # the database (the journal keeps everything) until the clerk reloads.
        self.refused: StaleEditError | None = None
        self._loading = False
        self.setWindowTitle(self.tr("Hearing record — hearing {id}").format(id=hearing_id))

        self.stages = QListWidget()
        self.stages.currentRowChanged.connect(self._stage_chosen)
        self.editor = QPlainTextEdit()
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(self._typed)
        font = self.editor.font()
        font.setPointSize(font.pointSize() + 2)
        self.editor.setFont(font)

        self.speaker_list = QListWidget()
        for n, speaker in enumerate(self.speakers, 1):
            key = f"Ctrl+{n}" if n <= 9 else ""
            item = QListWidgetItem(f"{speaker.label}　{key}　（{speaker.abbreviation}+空格）")
            item.setToolTip(speaker.who)
            self.speaker_list.addItem(item)
            if n <= 9:
                QShortcut(QKeySequence(key), self, lambda s=speaker.label: self.insert_speaker(s))
        self.speaker_list.itemDoubleClicked.connect(
            lambda item: self.insert_speaker(self.speakers[self.speaker_list.row(item)].label))
        self.phrase_list = QListWidget()
        self.phrase_list.addItems(list(PHRASES))
        self.phrase_list.itemDoubleClicked.connect(lambda item: self.insert_text(item.text()))

        self.evidence = QTableWidget(0, _EVIDENCE_COLUMNS)
        self.evidence.setHorizontalHeaderLabels([self.tr("Produced by"), self.tr("Evidence"),
                                                 self.tr("What it proves"), self.tr("Other side's opinion")])
        self.evidence.horizontalHeader().setStretchLastSection(True)
        self.evidence.itemChanged.connect(self._evidence_edited)
        self.add_evidence_button = QPushButton(self.tr("Add evidence"))
        self.add_evidence_button.clicked.connect(self.add_evidence_row)
        self.corrections = QListWidget()
        self.signers = QListWidget()
        self.signer_buttons: list[QPushButton] = []
        for text, mode in ((self.tr("Has read it"), "read"), (self.tr("Cannot read: read aloud"), "read_aloud"),
                           (self.tr("Refuses to sign…"), "refused")):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_signing(m))
            self.signer_buttons.append(button)

        self.sync_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.read_button = QPushButton(self.tr("Read back — mark as read"))
        self.read_button.clicked.connect(self.mark_read)
        self.correction_button = QPushButton(self.tr("Correction requested…"))
        self.correction_button.clicked.connect(self.request_correction)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.clicked.connect(self.print_record)
        self.conflict_button = QPushButton(self.tr("Saved elsewhere — show changes…"))
        self.conflict_button.setToolTip(self.tr("Another computer saved this record: see what changed, "
                                                "then reload it"))
        self.conflict_button.setStyleSheet("color: #a33b00; font-weight: bold;")
        self.conflict_button.clicked.connect(self.show_refusal)
        self.conflict_button.hide()

        side = QTabWidget()
        side.addTab(self.speaker_list, self.tr("Speakers"))
        side.addTab(self.phrase_list, self.tr("Phrases"))
        evidence_box = QWidget()
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        evidence_layout.addWidget(self.evidence)
        evidence_layout.addWidget(self.add_evidence_button)
        side.addTab(evidence_box, self.tr("Evidence list"))
        side.addTab(self.corrections, self.tr("Corrections"))
        signers_box = QWidget()
        signers_layout = QVBoxLayout(signers_box)
        signers_layout.setContentsMargins(0, 0, 0, 0)
        signers_layout.addWidget(self.signers)
        signer_row = QHBoxLayout()
        for button in self.signer_buttons:
            signer_row.addWidget(button)
        signers_layout.addLayout(signer_row)
        side.addTab(signers_box, self.tr("Signatures"))
        splitter = QSplitter()
        splitter.addWidget(self.stages)
        splitter.addWidget(self.editor)
        splitter.addWidget(side)
        splitter.setSizes([290, 660, 380])
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_label)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.conflict_button)
        for button in (self.read_button, self.correction_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._sync)
        self.resize(1300, 740)
        window_state.restore_geometry(STATE_KEY, self)
        self._show_all()
        self.stages.setCurrentRow(next((i for i, s in enumerate(self.content.stages)
                                        if s.key == self.content.current), 0))
        if opened.message:
            self.message.setText(lang.text(opened.message))
        if not self.synced:
            self._sync()

    @classmethod
    def open_for(cls, parent: QWidget, db: Database, hearing_id: int, *, folder: Path | None = None,
                 **kw: Any) -> None:
        """Read the record (journal and database) in the background, then open and show its window.

        The clerk is told why when it cannot be opened (no such hearing, cancelled, no database
        and no copy on this PC).
        """
        def opened(record: hearing_records.OpenedRecord) -> None:
            window = cls(db, record, parent, **kw)
            window.show()
            window.raise_()
            window.activateWindow()
            window.editor.setFocus()

        # Opening makes the hearing's record when it has none yet.
        ops.run_write(parent, lambda: hearing_records.open_record(db, hearing_id, folder=folder),
                      changes=ops.Changes.HEARINGS, on_done=opened,
                      on_failed=lambda exc: msgbox.show_error(parent, exc))

    # ------------------------------------------------------------------ showing

    def _show_all(self) -> None:
        self._loading = True
        row = self.stages.currentRow()
        self.stages.clear()
        for stage in self.content.stages:
            when = f"  {stage.started_at:%H:%M}" if stage.started_at else ""
            self.stages.addItem(stage.title + when)
        if row >= 0:
            self.stages.setCurrentRow(row)
        self.evidence.setRowCount(0)
        for item in self.content.evidence:
            self._append_evidence(item)
        self.corrections.clear()
        labels = {"pending": self.tr("pending"), "made": self.tr("corrected"), "refused": self.tr("refused")}
        for c in self.content.corrections:
            reason = f"（{c.reason}）" if c.reason else ""
            self.corrections.addItem(f"{c.requested_by}：{c.request} — {labels.get(c.decision, c.decision)}{reason}")
        modes = {"read": self.tr("has read it"), "read_aloud": self.tr("read aloud to them"),
                 "refused": self.tr("refuses to sign")}
        signer_row = self.signers.currentRow()
        self.signers.clear()
        for x in self.content.signatories:
            shown = "" if x.kind in ("arbitrator", "clerk") else f" — {modes.get(x.mode, x.mode)}"
            self.signers.addItem(f"{x.role} {x.name}{shown}" + (f"（{x.note}）" if x.note else ""))
        if signer_row >= 0:
            self.signers.setCurrentRow(signer_row)
        read = self.content.read_at is not None
        self.editor.setReadOnly(read)
        self.evidence.setEnabled(not read)
        self.add_evidence_button.setEnabled(not read)
        self.read_button.setEnabled(not read)
        self.correction_button.setEnabled(read)
        self._show_sync()
        self._loading = False

    def _show_sync(self) -> None:
        if self.synced and not self.autosave.pending:
            self.sync_label.setText(self.tr("Synced"))
            self.sync_label.setStyleSheet("color: #1b6e20; font-weight: bold;")
        else:
            self.sync_label.setText(self.tr("Not synced"))
            self.sync_label.setStyleSheet("color: #a33b00; font-weight: bold;")

    def _append_evidence(self, item: EvidenceItem) -> None:
        row = self.evidence.rowCount()
        self.evidence.insertRow(row)
        for col, text in enumerate((item.producer, item.name, item.purpose, item.opinion)):
            self.evidence.setItem(row, col, QTableWidgetItem(text))

    # ------------------------------------------------------------------ typing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress and not self.editor.isReadOnly():
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.key() == Qt.Key.Key_Space and self._expand():
                return True
        return super().eventFilter(watched, event)

    def _expand(self) -> bool:
        """Replace an abbreviation typed at the start of a line (申, 被代…) by its speaker label."""
        cursor = self.editor.textCursor()
        line = cursor.block().text()[:cursor.positionInBlock()]
        label = expand_abbreviation(line, self.speakers)
        if label is None:
            return False
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(label)
        return True

    def insert_speaker(self, label: str) -> None:
        """Start a new line with ``label：`` (Ctrl+1…9)."""
        if self.editor.isReadOnly():
            return
        cursor = self.editor.textCursor()
        if cursor.positionInBlock() > 0:
            cursor.insertText("\n")
        cursor.insertText(f"{label}：")
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def insert_text(self, text: str) -> None:
        """Insert a phrase at the cursor."""
        if not self.editor.isReadOnly():
            self.editor.insertPlainText(text)
            self.editor.setFocus()

    def _typed(self) -> None:
        if self._loading:
            return
        key = self.content.stages[self.stages.currentRow()].key
        try:
            self.content = self.content.with_text(key, self.editor.toPlainText())
        except TribunalError as exc:
            self.message.setText(lang.text(exc.message))
            return
        if self.autosave.changed(self.content):
            self._timer.start(int(hearing_records.AUTOSAVE_SECONDS * 1000))
        self._show_sync()

    def _evidence_edited(self) -> None:
        if self._loading:
            return
        items = []
        for row in range(self.evidence.rowCount()):
            cells = [_cell_text(self.evidence.item(row, c)) for c in range(_EVIDENCE_COLUMNS)]
            if any(cells):
                items.append(EvidenceItem(cells[0], cells[1], cells[2], cells[3]))
        try:
            self.content = self.content.with_evidence(items)
        except TribunalError as exc:
            self.message.setText(lang.text(exc.message))
            return
        if self.autosave.changed(self.content):
            self._timer.start(int(hearing_records.AUTOSAVE_SECONDS * 1000))
        self._show_sync()

    def add_evidence_row(self) -> None:
        """Add an empty line to the evidence list."""
        self._loading = True
        self._append_evidence(EvidenceItem("", ""))
        self._loading = False
        self.evidence.setCurrentCell(self.evidence.rowCount() - 1, 0)
        first = self.evidence.item(self.evidence.rowCount() - 1, 0)
        if first is not None:
            self.evidence.editItem(first)

    def _stage_chosen(self, row: int) -> None:
        if self._loading or row < 0:
            return
        key = self.content.stages[row].key
        if key != self.content.current:
            self.content = self.content.entering(key, self._clock().replace(microsecond=0))
            self.autosave.changed(self.content)
            self.save_now(reason="stage")
            self._loading = True
            item = self.stages.item(row)
            stage = self.content.stages[row]
            if item is not None and stage.started_at is not None:
                item.setText(f"{stage.title}  {stage.started_at:%H:%M}")
            self._loading = False
        self._loading = True
        self.editor.setPlainText(self.content.stages[row].text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self._loading = False

    # ------------------------------------------------------------------ saving

    def save_now(self, reason: str = "") -> None:
        """Write what is typed to the journal now and copy it to the database in the background."""
        self._timer.stop()
        try:
            self.autosave.flush()
        except TribunalError as exc:  # the journal folder cannot be written: the clerk must know at once
            msgbox.show_error(self, exc)
            return
        self._sync(reason)

    def _sync(self, reason: str = "") -> None:
        if self._syncing:
            self._retry.start(1000)
            return
        self._syncing = True
        self.synced = False
        content = self.content if not self.autosave.pending and self.refused is None else None
        if content is None:
            self._syncing = False
            self._show_sync()
            return
        db, expected = self._db, self._version
        # The record's text is shown only in this window: nothing for the pages to read again.
        ops.run_write(self, lambda: hearing_records.sync(db, content, reason=reason, expected_version=expected),
                      changes=ops.Changes.NONE, on_done=lambda result: self._synced(content, result),
                      on_failed=self._sync_failed)
        self._show_sync()

    def _synced(self, content: RecordContent, result: hearing_records.SyncResult) -> None:
        self._syncing = False
        if self._version is not None or result.written:
            self._set_version(result.version)
        self.synced = content.revision == self.content.revision
        if not self.synced:
            self._retry.start(1000)
        self._show_sync()

    def _set_version(self, version: int | None) -> None:
        # The journal records it with every entry, for a reopening after a crash.
        self._version = version
        self.autosave.journal.base_version = version

    def _sync_failed(self, error: TribunalError) -> None:
        self._syncing = False
        self.synced = False
        if isinstance(error, StaleEditError):
            self.refused = error
            self.message.setText(self.tr("Another computer saved this record meanwhile. What you typed is kept "
                                         "on this PC but not copied to the database until you reload."))
            self.conflict_button.show()
            self._show_sync()
            self.show_refusal()
            return
        if isinstance(error, DatabaseError):
            self.message.setText(self.tr("The database cannot be reached; the record is kept on this PC "
                                         "and will be copied when it can."))
            self._retry.start(RETRY_MS)
        else:
            self.message.setText(lang.text(error.message))
        self._show_sync()

    def show_refusal(self) -> None:
        """Show who saved the record elsewhere and what they wrote; 重新载入 loads their copy."""
        if self.refused is not None:
            stale_edit.resolve(self, self.refused, self.reload_record)

    def reload_record(self) -> None:
        """Load the database's copy (drops what was typed here since; the journal's older lines keep it)."""
        db, hearing_id = self._db, self.content.hearing_id
        ops.run_read(self, lambda: hearing_records.open_stored(db, hearing_id), self._reloaded,
                     on_failed=lambda exc: msgbox.show_error(self, exc))

    def _reloaded(self, stored: tuple[RecordContent, int]) -> None:
        content, version = stored
        # Numbered after everything this window journalled, so that reopening shows this copy.
        self.content = dataclasses.replace(content, revision=max(content.revision, self.content.revision) + 1)
        self._set_version(version)
        self.refused = None
        self.conflict_button.hide()
        self.message.clear()
        self.autosave.changed(self.content)
        self._show_all()
        row = next((i for i, s in enumerate(self.content.stages) if s.key == self.content.current), 0)
        self._loading = True
        self.stages.setCurrentRow(row)
        self.editor.setPlainText(self.content.stages[row].text)
        self._loading = False
        self.save_now()

    # ------------------------------------------------------------------ reading back, corrections, print

    def mark_read(self) -> None:
        """The record was read back to (or read by) the parties: from now on, corrections only."""
        if not msgbox.confirm(self, self.tr("Mark as read"),
                              self.tr("Mark the record as read back to the parties? After that its text "
                                      "cannot be changed; corrections they ask for are recorded as such.")):
            return
        self.content = self.content.marked_read(self._clock().replace(microsecond=0))
        self.autosave.changed(self.content)
        self.save_now(reason="read")
        self._show_all()

    def request_correction(self) -> None:
        """Record a correction a party asks for, and whether it was made or refused."""
        who = msgbox.ask_text(self, self.tr("Correction requested"), self.tr("Who asks for the correction?"))
        if not who:
            return
        request = msgbox.ask_text(self, self.tr("Correction requested"), self.tr("What should the record say?"))
        if not request:
            return
        key = self.content.stages[max(0, self.stages.currentRow())].key
        made = msgbox.confirm(self, self.tr("Correction requested"),
                              self.tr("Does the tribunal make this correction? Choose No to record it as refused."))
        reason = "" if made else (msgbox.ask_text(self, self.tr("Correction refused"),
                                                  self.tr("Why is it refused?")) or "")
        try:
            content = self.content.with_correction(Correction(who, key, request, at=self._clock().replace(microsecond=0)))
            if made or reason:
                content = content.deciding(len(content.corrections) - 1, "made" if made else "refused", reason)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return
        self.content = content
        self.autosave.changed(self.content)
        self.save_now(reason="correction")
        self._show_all()

    def set_signing(self, mode: str) -> None:
        """How the chosen party or participant signs: has read it, had it read aloud, or refuses."""
        row = self.signers.currentRow()
        if row < 0:
            return
        person = self.content.signatories[row]
        note = ""
        if mode == "refused":
            note = msgbox.ask_text(self, self.tr("Refuses to sign"), self.tr("Reason given (may be left empty):")) or ""
        try:
            self.content = self.content.with_signatory(person.name, mode, note)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return
        self.autosave.changed(self.content)
        self.save_now()
        self._show_all()

    def print_record(self) -> None:
        """Render the record as a PDF (in the background) and print it."""
        self.save_now()
        db, content = self._db, self.content
        ops.run_read(self, lambda: hearing_records.render_pdf(db, content), self._print_ready,
                     on_failed=lambda exc: msgbox.show_error(self, exc))

    def _print_ready(self, data: bytes) -> None:
        from tribunal.ui import document_actions

        document_actions.print_pdf(self, data, self.tr("Hearing record"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        window_state.save_geometry(STATE_KEY, self)
        super().closeEvent(event)

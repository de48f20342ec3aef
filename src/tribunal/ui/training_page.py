"""The training page (培训): sessions after a hearing or on their own, their topics and who attended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseType, HearingStatus
from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import hearings, observers, settings, training
from tribunal.services.app import Database
from tribunal.services.hearings import HearingRow
from tribunal.services.observers import ObserverRow
from tribunal.services.training import AttendeeRow, SessionDetail, SessionRow, TopicData
from tribunal.ui import combos, lang, msgbox, ops, stale_edit, window_state
from tribunal.ui.dates import DateTimeField
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import (
    MUTED_COLOUR,
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
CONTEXT = "TrainingPage"
STATE_KEY = "training"

COL_WHEN = 0
COL_TITLE = 1
COL_SPEAKER = 2
COL_VENUE = 3
COL_HEARING = 4
COL_TOPICS = 5
COL_PEOPLE = 6

TOPIC_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTED_MARK = "★ "


def _short_hearing(row: HearingRow | None) -> str:
    return f"{row.starts_at:%m-%d %H:%M} {row.case_number}" if row else ""


class TrainingPage(QWidget):
    """培训: the training sessions, newest first, with their topics and attendance.

    Signals:
        session_saved(object): a session was planned, changed or its attendance recorded
            (its SessionDetail).
    """

    session_saved = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._keep_in_step()
        self._db = db
        self._today = today
        self._loaded = False
        self._hearings: dict[int, HearingRow] = {}

        self.new_button = QPushButton(self.tr("New session"))
        self.new_button.setToolTip(self.tr("Plan a training session (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.attendance_button = QPushButton(self.tr("Attendance…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.topics_button = QPushButton(self.tr("Topic library…"))
        self.topics_button.setToolTip(self.tr("Edit the topics the sessions are chosen from"))
        self.new_button.clicked.connect(self.new_session)
        self.edit_button.clicked.connect(self.edit_session)
        self.attendance_button.clicked.connect(self.edit_attendance)
        self.delete_button.clicked.connect(self.delete_session)
        self.topics_button.clicked.connect(self.open_topics)
        self.year = QComboBox()
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year.addItem(self.tr("All years"), None)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()

        self.model = RowsModel(CONTEXT, self._columns(), parent=self)
        self.view = make_table(self.model, empty_text=self.tr(
            "No training sessions in this period. Press “New session” to arrange one, for example "
            "right after a hearing at an enterprise."))
        set_column_widths(self.view, {COL_WHEN: "2026-12-08 09:30", COL_TITLE: "工伤保险待遇与用人单位责任",
                                      COL_SPEAKER: "欧阳晓燕", COL_VENUE: "邵阳宝庆精密机械有限公司 职工活动中心会议室",
                                      COL_HEARING: "12-08 09:30 邵劳人仲案字〔2026〕第12号", COL_TOPICS: "00",
                                      COL_PEOPLE: "00"})
        stretch_column(self.view, COL_TITLE)
        window_state.restore_header(STATE_KEY, self.view.horizontalHeader())
        self.view.doubleClicked.connect(lambda _index: self.edit_session())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view, self.edit_session)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.detail_title = QLabel()
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        self.detail_title.setWordWrap(True)
        self.detail_facts = QLabel()
        self.detail_facts.setWordWrap(True)
        self.topics_list = QListWidget()
        self.people_list = QListWidget()
        topics_box = QVBoxLayout()
        topics_box.addWidget(QLabel(self.tr("Topics")))
        topics_box.addWidget(self.topics_list, 1)
        people_box = QVBoxLayout()
        self.people_title = QLabel(self.tr("Attendance"))
        people_box.addWidget(self.people_title)
        people_box.addWidget(self.people_list, 1)
        lists = QHBoxLayout()
        lists.addLayout(topics_box, 3)
        lists.addLayout(people_box, 2)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_facts)
        detail_layout.addLayout(lists, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail)
        self.splitter.setChildrenCollapsible(False)
        if not window_state.restore_splitter(STATE_KEY, self.splitter):
            self.splitter.setSizes([300, 320])

        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.attendance_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.topics_button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Year")))
        filters.addWidget(self.year)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self._show_session(None)

    def _keep_in_step(self) -> None:
        """Broadcast this page's changes; show what other pages and workstations change."""
        self.session_saved.connect(lambda _d: ops.broadcast(Changes.TRAINING, self))
        ops.subscribe(self, Changes.TRAINING | Changes.HEARINGS | Changes.INVITATIONS | Changes.OBSERVERS,
                      self._changed_elsewhere, ignore_own=True)

    def _changed_elsewhere(self) -> None:
        if self._loaded:
            self.reload()

    def _columns(self) -> tuple[Column, ...]:
        def hearing_text(r: SessionRow) -> str:
            if r.hearing_id is None:
                return self.tr("standalone")
            return _short_hearing(self._hearings.get(r.hearing_id)) or self.tr("hearing no. {n}").format(
                n=r.hearing_id)

        return (
            Column(QT_TRANSLATE_NOOP("TrainingPage", "Start"), lambda r: when_text(r.starts_at)),
            Column(QT_TRANSLATE_NOOP("TrainingPage", "Title"), lambda r: r.title, tooltip=lambda r: r.title),
            Column(QT_TRANSLATE_NOOP("TrainingPage", "Speaker"), lambda r: r.speaker),
            Column(QT_TRANSLATE_NOOP("TrainingPage", "Venue"), lambda r: r.venue, tooltip=lambda r: r.venue or None),
            Column(QT_TRANSLATE_NOOP("TrainingPage", "After the hearing"), hearing_text),
            Column(QT_TRANSLATE_NOOP("TrainingPage", "Topics"), lambda r: str(r.topics), align_right=True),
            Column(QT_TRANSLATE_NOOP("TrainingPage", "Attended"), lambda r: str(r.attendees), align_right=True),
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

    def focus_search(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def create_item(self) -> None:
        self.new_session()

    def save_state(self) -> None:
        window_state.save_header(STATE_KEY, self.view.horizontalHeader())
        window_state.save_splitter(STATE_KEY, self.splitter)

    def load(self, select_id: int | None = None) -> None:
        """Read the hearings (for their labels) and the sessions, in the background.

        Args:
            select_id: select this session once listed (one just saved).
        """
        self._loaded = True
        db = self._db

        def work() -> tuple[list[HearingRow], list[SessionRow]]:
            return hearings.list_hearings(db), training.list_sessions(db)

        ops.run_read(self, work, lambda answer: self._show_years(*answer, select_id), key="load")

    def _show_years(self, hearing_rows: list[HearingRow], sessions: list[SessionRow],
                    select_id: int | None) -> None:
        self._hearings = {h.id: h for h in hearing_rows}
        years = sorted({s.starts_at.year for s in sessions} | {self._day().year}, reverse=True)
        current = self.year.currentData()
        self.year.blockSignals(True)
        while self.year.count() > 1:
            self.year.removeItem(1)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(current), 0) if current is not None else 0)
        self.year.blockSignals(False)
        self.reload(select_id)

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def reload(self, select_id: int | None = None) -> None:
        """Read the sessions again (in the background), keeping the selected one (or selecting ``select_id``)."""
        keep = select_id if select_id is not None else self.selected_id()
        db, year = self._db, self.year.currentData()
        ops.run_read(self, lambda: training.list_sessions(db, year=year),
                     lambda rows: self._show_rows(rows, keep), key="list")

    def _show_rows(self, rows: list[SessionRow], keep: int | None) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} sessions").format(count=len(rows)))
        if keep is not None and self.select(keep):
            return
        self._selection_changed()

    def selected_id(self) -> int | None:
        rows = selected_rows(self.view)
        return rows[0].id if rows else None

    def select(self, session_id: int) -> bool:
        if not select_key(self.view, session_id):
            return False
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        session_id = self.selected_id()
        for button in (self.edit_button, self.attendance_button, self.delete_button):
            button.setEnabled(session_id is not None)
        self._show_session(session_id)

    def _show_session(self, session_id: int | None) -> None:
        self.topics_list.clear()
        self.people_list.clear()
        if session_id is None:
            self.detail_title.setText(self.tr("Choose a session to see its topics and who attended."))
            self.detail_facts.clear()
            self.people_title.setText(self.tr("Attendance"))
            return
        db = self._db
        ops.run_read(self, lambda: training.get_session(db, session_id), self._fill_session, key="session")

    def _fill_session(self, detail: SessionDetail) -> None:
        self.topics_list.clear()
        self.people_list.clear()
        self.detail_title.setText(detail.title)
        span = when_text(detail.starts_at) + (f" – {detail.ends_at:%H:%M}" if detail.ends_at else "")
        facts = [span]
        if detail.speaker:
            facts.append(self.tr("Speaker: {name}").format(name=detail.speaker))
        if detail.venue:
            facts.append(self.tr("Venue: {venue}").format(venue=detail.venue))
        if detail.hearing_id is not None:
            facts.append(self.tr("After the hearing {hearing}").format(
                hearing=_short_hearing(self._hearings.get(detail.hearing_id))))
            if detail.hearing_public is False:
                facts.append(self.tr("The hearing was not public: handouts must not name or describe "
                                     "its case."))
        if detail.notes:
            facts.append(detail.notes)
        self.detail_facts.setText("　".join(facts))
        for n, topic in enumerate(detail.topics, start=1):
            item = QListWidgetItem(f"{n}. {topic.title}")
            item.setToolTip(topic.legal_basis)
            self.topics_list.addItem(item)
        for person in detail.attendance:
            text = person.name + (f"（{person.enterprise_name}）" if person.enterprise_name else "")
            self.people_list.addItem(text)
        self.people_title.setText(self.tr("Attendance: {count} people").format(count=len(detail.attendance)))

    # ------------------------------------------------------------------ actions

    def new_session(self, hearing_id: int | None = None) -> SessionDetail | None:
        """Plan a session (after ``hearing_id`` if given)."""
        detail = SessionDialog.ask(self, self._db, hearing_id=hearing_id, today=self._day())
        if detail is not None:
            self.load(detail.id)
            self.session_saved.emit(detail)
        return detail

    def edit_session(self) -> SessionDetail | None:
        session_id = self.selected_id()
        if session_id is None:
            return None
        detail = SessionDialog.ask(self, self._db, session_id, today=self._day())
        if detail is not None:
            self.load(detail.id)
            self.session_saved.emit(detail)
        return detail

    def edit_attendance(self) -> SessionDetail | None:
        session_id = self.selected_id()
        if session_id is None:
            return None
        detail = AttendanceDialog.ask(self, self._db, session_id)
        if detail is not None:
            self.reload()
            self.session_saved.emit(detail)
        return detail

    def delete_session(self) -> bool:
        rows = selected_rows(self.view)
        if not rows:
            return False
        if not msgbox.confirm(self, self.tr("Delete session"),
                              self.tr("Delete the session “{title}” and its attendance list?").format(
                                  title=rows[0].title), self.tr("Delete")):
            return False
        db, session_id = self._db, rows[0].id
        ops.run_write(self, lambda: training.delete_session(db, session_id), changes=Changes.TRAINING,
                      on_done=lambda _r: self.reload())
        return True

    def open_topics(self) -> None:
        from tribunal.ui.topics_dialog import TopicsDialog

        TopicsDialog.show_modal(self, self._db)


# ---------------------------------------------------------------------- the session editor


def _datetime_edit(value: dt.datetime) -> DateTimeField:
    return DateTimeField(value)


def _to_datetime(edit: DateTimeField) -> dt.datetime:
    return edit.value()


class _SessionFields(TypedDict):
    """What the session form holds, passed alike to create_session and update_session."""

    title: str
    speaker: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    venue: str
    topic_ids: list[int]
    notes: str


@dataclass(frozen=True)
class _SessionChoices:
    """What the session editor reads when it opens."""

    session: SessionDetail | None
    hearings: list[HearingRow]
    topics: list[TopicData]
    #: The topics suggested for each type of dispute among ``hearings``.
    suggestions: dict[CaseType, list[int]]
    buffer_minutes: int


def _read_session_choices(db: Database, session_id: int | None, since: dt.date) -> _SessionChoices:
    """Read the session (if any), the hearings it may follow, the topic library (on a reader thread)."""
    rows = [h for h in hearings.list_hearings(db, since) if h.status != HearingStatus.CANCELLED]
    try:
        buffer = int(settings.get(db, "training.buffer_minutes"))
    except (TribunalError, ValueError):
        buffer = 0
    return _SessionChoices(
        session=training.get_session(db, session_id) if session_id is not None else None,
        hearings=rows,
        topics=training.list_topics(db, active_only=False),
        suggestions={case_type: [t.id for t in training.suggest_topics(db, case_type)]
                     for case_type in {h.case_type for h in rows}},
        buffer_minutes=buffer,
    )


class SessionDialog(QDialog):
    """A training session: title, speaker, time, venue, the hearing it follows, and its topics.

    Topics come from the commission's library; when the session follows a hearing, the
    topics suggested for its type of dispute are marked ★ and listed first.
    """

    def __init__(self, db: Database, session_id: int | None = None, parent: QWidget | None = None, *,
                 hearing_id: int | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._session_id = session_id
        self.saved: SessionDetail | None = None
        self.setStyleSheet(FORM_STYLE)
        self.resize(760, 680)
        self.setWindowTitle(self.tr("New training session") if session_id is None
                            else self.tr("Edit training session"))
        self._loaded_version: int | None = None
        today = today or dt.date.today()
        self._hearing_rows: list[HearingRow] = []
        self._topics: list[TopicData] = []
        self._suggestions: dict[CaseType, list[int]] = {}
        self._buffer_minutes = 0
        self._opening_hearing = hearing_id

        self.title = QLineEdit()
        self.speaker = QLineEdit()
        start = dt.datetime.combine(today, dt.time(10, 30))
        self.starts = _datetime_edit(start)
        self.has_end = QCheckBox(self.tr("Ends at"))
        self.ends = _datetime_edit(start + dt.timedelta(hours=1))
        self.has_end.setChecked(True)
        self.has_end.toggled.connect(self.ends.setEnabled)
        self.venue = QLineEdit()
        self.hearing = QComboBox()
        self.hearing.addItem(self.tr("(standalone session)"), None)
        self.hearing.currentIndexChanged.connect(lambda _i: self._hearing_changed(fill=True))
        self.topics = QListWidget()
        self.topics.setAlternatingRowColors(True)
        self.suggest_button = QPushButton(self.tr("Tick the suggested topics"))
        self.suggest_button.clicked.connect(self.tick_suggestions)
        self.topic_hint = QLabel()
        self.topic_hint.setWordWrap(True)
        self.topic_hint.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.notes.setTabChangesFocus(True)

        self._chosen: list[int] = []
        self._kept_inactive: set[int] = set()
        self._feedback = {
            "title": FieldFeedback(self.title), "speaker": FieldFeedback(self.speaker),
            "starts_at": FieldFeedback(self.starts), "ends_at": FieldFeedback(self.ends),
            "venue": FieldFeedback(self.venue), "hearing": FieldFeedback(self.hearing),
            "topics": FieldFeedback(self.topics),
        }
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self._feedback["ends_at"].container, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("After the hearing"), self._feedback["hearing"].container)
        form.addRow(self.tr("Title"), self._feedback["title"].container)
        form.addRow(self.tr("Speaker"), self._feedback["speaker"].container)
        form.addRow(self.tr("Starts at"), self._feedback["starts_at"].container)
        form.addRow("", end_row)
        form.addRow(self.tr("Venue"), self._feedback["venue"].container)
        topics_head = QHBoxLayout()
        topics_head.addWidget(QLabel(self.tr("Topics (ticked ones are covered, in this order)")), 1)
        topics_head.addWidget(self.suggest_button)
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
        fields = QVBoxLayout(self._fields)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addLayout(form)
        fields.addLayout(topics_head)
        fields.addWidget(self.topic_hint)
        fields.addWidget(self._feedback["topics"].container, 1)
        fields.addWidget(QLabel(self.tr("Notes")))
        fields.addWidget(self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self._fields, 1)
        layout.addWidget(box)
        self.stale = stale_edit.StaleWatch(self, db, "training_session", Changes.TRAINING,
                                           self.reload_record, layout)
        since = today - dt.timedelta(days=365)
        self.loading = ops.FormLoad(self, lambda: _read_session_choices(db, session_id, since),
                                    self._opened, fields=[self._fields], buttons=[self.save_button],
                                    layout=layout, index=1)
        self.loading.start()

    def _opened(self, choices: _SessionChoices) -> None:
        self._hearing_rows = choices.hearings
        self._topics = choices.topics
        self._suggestions = choices.suggestions
        self._buffer_minutes = choices.buffer_minutes
        self.hearing.blockSignals(True)
        for h in self._hearing_rows:
            self.hearing.addItem(f"{h.starts_at:%Y-%m-%d %H:%M}　{h.case_number}　{lang.label(h.case_type)}", h.id)
        self.hearing.blockSignals(False)
        if choices.session is not None:
            self._fill(choices.session)
            return
        if self._opening_hearing is not None:
            self.hearing.blockSignals(True)
            self.hearing.setCurrentIndex(max(self.hearing.findData(self._opening_hearing), 0))
            self.hearing.blockSignals(False)
        self._hearing_changed(fill=self._opening_hearing is not None)

    def _fill(self, saved: SessionDetail) -> None:
        self._loaded_version = saved.version
        self.title.setText(saved.title)
        self.speaker.setText(saved.speaker)
        self.starts.setValue(saved.starts_at)
        self.has_end.setChecked(saved.ends_at is not None)
        self.ends.setEnabled(saved.ends_at is not None)
        if saved.ends_at is not None:
            self.ends.setValue(saved.ends_at)
        self.venue.setText(saved.venue)
        self.hearing.blockSignals(True)
        self.hearing.setCurrentIndex(max(self.hearing.findData(saved.hearing_id), 0))
        self.hearing.blockSignals(False)
        self.notes.setPlainText(saved.notes)
        self._chosen = [t.id for t in saved.topics]
        self._kept_inactive |= set(self._chosen)
        self.topics.clear()  # ticks come from the saved session, not from the form
        self._fill_topics()
        self.stale.track(self._session_id)

    def reload_record(self) -> None:
        """重新载入: show the session as saved now; what was typed here is dropped."""
        if self._session_id is None:
            return
        db, session_id = self._db, self._session_id
        self.loading.start(lambda: training.get_session(db, session_id), self._reloaded)

    def _reloaded(self, saved: SessionDetail) -> None:
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        self._fill(saved)

    # --- topics

    def _suggested_ids(self) -> list[int]:
        hearing_id = self.hearing.currentData()
        row = next((h for h in self._hearing_rows if h.id == hearing_id), None)
        if row is None:
            return []
        return self._suggestions.get(row.case_type, [])

    def _fill_topics(self) -> None:
        ticked = set(self.chosen_topic_ids()) if self.topics.count() else set(self._chosen)
        suggested = self._suggested_ids()
        by_id = {t.id: t for t in self._topics}
        order = [i for i in suggested if i in by_id]
        order += [t.id for t in self._topics if t.id not in order]
        shown = [by_id[i] for i in order if by_id[i].active or i in self._kept_inactive]
        self.topics.clear()
        for topic in shown:
            mark = SUGGESTED_MARK if topic.id in suggested else ""
            text = mark + topic.title + ("" if topic.active else self.tr(" (deactivated)"))
            item = QListWidgetItem(text)
            item.setData(TOPIC_ROLE, topic.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if topic.id in ticked else Qt.CheckState.Unchecked)
            item.setToolTip(_topic_tip(topic))
            if not topic.active:
                item.setForeground(QBrush(MUTED_COLOUR))
            self.topics.addItem(item)
        self.suggest_button.setEnabled(bool(suggested))
        self.topic_hint.setText(
            self.tr("★ marks the topics suggested for this type of dispute.") if suggested
            else self.tr("Link the session to a hearing to see the topics suggested for its type of dispute."))

    def _hearing_changed(self, *, fill: bool) -> None:
        hearing_id = self.hearing.currentData()
        row = next((h for h in self._hearing_rows if h.id == hearing_id), None)
        if fill and row is not None:
            # The training usually follows the hearing in the same room, after the break
            # the commission keeps in case the hearing runs over (training.buffer_minutes).
            starts = row.ends_at + dt.timedelta(minutes=self._buffer_minutes)
            self.starts.setValue(starts)
            self.ends.setValue(starts + dt.timedelta(hours=1))
            if not self.venue.text().strip():
                self.venue.setText(row.venue)
        self._fill_topics()

    def chosen_topic_ids(self) -> list[int]:
        """The topics ticked, in list order."""
        return [int(self.topics.item(i).data(TOPIC_ROLE)) for i in range(self.topics.count())
                if self.topics.item(i).checkState() == Qt.CheckState.Checked]

    def tick_topic(self, title: str, checked: bool = True) -> bool:
        for i in range(self.topics.count()):
            item = self.topics.item(i)
            if item.text().removeprefix(SUGGESTED_MARK) == title:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def tick_suggestions(self) -> None:
        """Tick every topic suggested for the hearing's type of dispute."""
        suggested = set(self._suggested_ids())
        for i in range(self.topics.count()):
            item = self.topics.item(i)
            if int(item.data(TOPIC_ROLE)) in suggested:
                item.setCheckState(Qt.CheckState.Checked)

    def suggested_titles(self) -> list[str]:
        return [self.topics.item(i).text().removeprefix(SUGGESTED_MARK) for i in range(self.topics.count())
                if self.topics.item(i).text().startswith(SUGGESTED_MARK)]

    # --- saving

    def feedback(self, key: str) -> FieldFeedback:
        return self._feedback[key]

    def save(self) -> bool:
        if not self.loading.ready:
            return False
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        ends = _to_datetime(self.ends) if self.has_end.isChecked() else None
        values = _SessionFields(title=self.title.text(), speaker=self.speaker.text(),
                                starts_at=_to_datetime(self.starts), ends_at=ends,
                                venue=self.venue.text(), topic_ids=self.chosen_topic_ids(),
                                notes=self.notes.toPlainText())
        db, session_id, hearing_id = self._db, self._session_id, self.hearing.currentData()
        version = self._loaded_version

        def work() -> SessionDetail:
            if session_id is None:
                return training.create_session(db, hearing_id, **values)
            return training.update_session(db, session_id, hearing_id=hearing_id, **values,
                                           expected_version=version)

        try:
            # The page broadcasts what was saved (session_saved).
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
        if self.saved.warnings:
            # Saved all the same: the clerk may have reasons, but should see these first.
            msgbox.warning(self, self.tr("Training saved — please check"), "\n".join(self.saved.warnings))
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, session_id: int | None = None, *,
            hearing_id: int | None = None, today: dt.date | None = None) -> SessionDetail | None:
        """Show the editor; the saved session, or None if the clerk cancelled."""
        dialog = cls(db, session_id, parent, hearing_id=hearing_id, today=today)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()


def _topic_tip(topic: TopicData) -> str:
    body = topic.body.strip().split("\n", 1)[0]
    if len(body) > 120:
        body = body[:120] + "…"
    return "\n".join(x for x in (topic.legal_basis, body) if x)


# ---------------------------------------------------------------------- attendance


@dataclass(frozen=True)
class AttendeeLine:
    """Someone on the attendance list being edited: a person of the directory or a named other."""

    key: str
    observer_id: int | None
    name: str
    enterprise_name: str


ATTENDEE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("TrainingPage", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("TrainingPage", "Enterprise"), lambda r: r.enterprise_name,
           tooltip=lambda r: r.enterprise_name or None),
    Column(QT_TRANSLATE_NOOP("TrainingPage", "In the directory"), lambda r: "✓" if r.observer_id else ""),
)


def _line(a: AttendeeRow) -> AttendeeLine:
    key = f"o{a.observer_id}" if a.observer_id is not None else f"n{a.name}|{a.enterprise_name}"
    return AttendeeLine(key, a.observer_id, a.name, a.enterprise_name)


class AttendanceDialog(QDialog):
    """参训人员: who attended a session — the people checked in at its hearing, people of the
    directory, and others by name and enterprise."""

    def __init__(self, db: Database, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._session_id = session_id
        self.saved: SessionDetail | None = None
        self.setStyleSheet(FORM_STYLE)
        self.resize(760, 600)
        self.setWindowTitle(self.tr("Attendance"))
        self.model = RowsModel(CONTEXT, ATTENDEE_COLUMNS, key=lambda r: r.key, parent=self)
        self.view = make_table(self.model, multi_select=True)
        set_column_widths(self.view, {0: "欧阳晓燕", 1: "邵阳宝庆精密机械有限责任公司"})
        self.from_hearing_button = QPushButton(self.tr("Add everyone checked in at the hearing"))
        self.from_hearing_button.clicked.connect(self.add_checked_in)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.addItem("", None)
        completer = QCompleter(self.person.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        combos.line_edit(self.person).setPlaceholderText(self.tr("Type a name to find a person of the directory"))
        self.add_person_button = QPushButton(self.tr("Add"))
        self.add_person_button.clicked.connect(self.add_chosen_person)
        self.other_name = QLineEdit()
        self.other_name.setPlaceholderText(self.tr("Name"))
        self.other_enterprise = QLineEdit()
        self.other_enterprise.setPlaceholderText(self.tr("Enterprise"))
        self.add_other_button = QPushButton(self.tr("Add"))
        self.add_other_button.clicked.connect(lambda: self.add_other())
        self.other_name.returnPressed.connect(lambda: self.add_other())
        self.other_enterprise.returnPressed.connect(lambda: self.add_other())
        self.count_label = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        box = QDialogButtonBox()
        self.save_button = ok = box.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(False)
        ok.setAutoDefault(False)
        box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.from_hearing_button)
        top.addWidget(self.remove_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        person_row = QHBoxLayout()
        person_row.addWidget(QLabel(self.tr("Person of the directory")))
        person_row.addWidget(self.person, 1)
        person_row.addWidget(self.add_person_button)
        other_row = QHBoxLayout()
        other_row.addWidget(QLabel(self.tr("Someone else")))
        other_row.addWidget(self.other_name, 1)
        other_row.addWidget(self.other_enterprise, 2)
        other_row.addWidget(self.add_other_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(person_row)
        layout.addLayout(other_row)
        layout.addWidget(self.summary)
        layout.addWidget(box)
        self._count()
        fields = [self.view, self.from_hearing_button, self.remove_button, self.person, self.add_person_button,
                  self.other_name, self.other_enterprise, self.add_other_button]
        self.loading = ops.FormLoad(
            self, lambda: (training.get_session(db, session_id), observers.search_observers(db, limit=None)),
            self._opened, fields=fields, buttons=[ok], layout=layout, index=0)
        self.loading.start()

    def _opened(self, answer: tuple[SessionDetail, list[ObserverRow]]) -> None:
        detail, people = answer
        self.setWindowTitle(self.tr("Attendance: {title}").format(title=detail.title))
        self.model.set_rows([_line(a) for a in detail.attendance])
        self._count()
        self.from_hearing_button.setEnabled(detail.hearing_id is not None)
        for row in people:
            self.person.addItem(f"{row.name}　{row.enterprise_name}".strip(), (row.id, row.name, row.enterprise_name))

    def _count(self) -> None:
        self.count_label.setText(self.tr("{count} people").format(count=self.model.rowCount()))

    def _add(self, lines: list[AttendeeLine]) -> int:
        rows = self.model.rows()
        have = {r.key for r in rows}
        new = [line for line in lines if line.key not in have]
        if new:
            self.model.set_rows(rows + new)
            self._count()
        return len(new)

    def names(self) -> list[str]:
        return [r.name for r in self.model.rows()]

    def add_checked_in(self) -> int:
        """Add the people ticked present at the session's hearing; returns how many were new."""
        db, session_id = self._db, self._session_id
        try:
            # The clerk waits for the list (the window drawing on) to see who was added.
            people = ops.call(self, lambda: training.observers_checked_in(db, session_id))
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return 0
        return self._add([_line(a) for a in people])

    def add_person(self, observer_id: int, name: str, enterprise_name: str) -> int:
        return self._add([AttendeeLine(f"o{observer_id}", observer_id, name, enterprise_name)])

    def add_chosen_person(self) -> int:
        index = self.person.findText(self.person.currentText(), Qt.MatchFlag.MatchExactly)
        data = self.person.itemData(index) if index > 0 else None
        if data is None:
            self.summary.setText(self.tr("Choose a person from the list, or add them as someone else below."))
            self.summary.show()
            return 0
        self.summary.hide()
        self.person.setCurrentIndex(0)
        observer_id, name, enterprise_name = data
        return self.add_person(int(observer_id), name, enterprise_name)

    def add_other(self, name: str | None = None, enterprise_name: str | None = None) -> int:
        """Add someone who is not in the directory, by name and enterprise."""
        name = (self.other_name.text() if name is None else name).strip()
        enterprise_name = (self.other_enterprise.text() if enterprise_name is None else enterprise_name).strip()
        if not name:
            self.other_name.setFocus()
            return 0
        self.other_name.clear()
        self.other_enterprise.clear()
        self.other_name.setFocus()
        return self._add([AttendeeLine(f"n{name}|{enterprise_name}", None, name, enterprise_name)])

    def remove_selected(self) -> None:
        gone = {r.key for r in selected_rows(self.view)}
        self.model.set_rows([r for r in self.model.rows() if r.key not in gone])
        self._count()

    def save(self) -> bool:
        if not self.loading.ready:
            return False
        self.summary.hide()
        rows = self.model.rows()
        ids = [r.observer_id for r in rows if r.observer_id is not None]
        others = [(r.name, r.enterprise_name) for r in rows if r.observer_id is None]
        db, session_id = self._db, self._session_id
        try:
            self.saved = ops.call(self, lambda: training.record_attendance(db, session_id, ids, others),
                                  write=True)
        except TribunalError as exc:
            self.summary.setText(lang.text(exc.message))
            self.summary.show()
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, session_id: int) -> SessionDetail | None:
        """Show the dialog; the session with its new attendance, or None if cancelled."""
        dialog = cls(db, session_id, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()

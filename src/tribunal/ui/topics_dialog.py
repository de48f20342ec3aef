"""The training topic library (培训主题库): edit the wording, add the commission's own, deactivate.

The library ships with the program; what the commission changes here is kept, and a later
version of the program never overwrites an edited topic.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
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

from tribunal.errors import StaleEditError, TribunalError, ValidationError
from tribunal.services import training
from tribunal.services.app import Database
from tribunal.services.training import TopicData
from tribunal.ui import msgbox, ops, stale_edit
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.ops import Changes
from tribunal.ui.rows_model import MUTED_COLOUR

TOPIC_ROLE = Qt.ItemDataRole.UserRole + 1


class TopicsDialog(QDialog):
    """培训主题库: the topics sessions are chosen from, each with its text and legal basis."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._topics: list[TopicData] = []
        self._editing: int | None = None  # topic id, or None for a new topic
        self.changed = False
        self.setWindowTitle(self.tr("Training topic library"))
        self.setStyleSheet(FORM_STYLE)
        self.resize(1000, 640)

        self.list = QListWidget()
        # Titles are sentences: wrap them rather than hide their end behind a scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda *_: self._chosen())
        self.new_button = QPushButton(self.tr("New topic"))
        self.new_button.clicked.connect(self.new_topic)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.title = QLineEdit()
        self.legal_basis = QPlainTextEdit()
        self.legal_basis.setPlaceholderText(self.tr("For example: 《劳动合同法》第十条"))
        self.legal_basis.setTabChangesFocus(True)
        self.legal_basis.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self._feedback = {"title": FieldFeedback(self.title), "legal_basis": FieldFeedback(self.legal_basis),
                          "body": FieldFeedback(self.body)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title"), self._feedback["title"].container)
        form.addRow(self.tr("Legal basis"), self._feedback["legal_basis"].container)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save)
        self.active_button = QPushButton()
        self.active_button.clicked.connect(self.toggle_active)
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Text for the handout")))
        right_layout.addWidget(self._feedback["body"].container, 1)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 600])
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Deactivated topics are no longer offered; sessions that used "
                                        "them keep them.")), 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.stale = stale_edit.StaleWatch(self, db, "training_topic", Changes.TRAINING,
                                           self.reload_record, layout)
        self._keep: int | None = None
        self._note = ""
        self.loading = ops.FormLoad(self, lambda: training.list_topics(db, active_only=False),
                                    self._show_topics, fields=[splitter], buttons=[], layout=layout,
                                    index=1)
        self.reload()

    def reload_record(self) -> None:
        """重新载入: show the topic being edited as saved now; what was typed here is dropped."""
        self.reload(select=self._editing)

    def feedback(self, key: str) -> FieldFeedback:
        """The message line of one field ("title", "legal_basis", "body")."""
        return self._feedback[key]

    # ------------------------------------------------------------------ the list

    def reload(self, select: int | None = None, *, note: str = "") -> None:
        """Read the library again (in the background), then show ``select`` (and ``note`` under it)."""
        self._keep = select if select is not None else self._editing
        self._note = note
        self.loading.start()

    def _show_topics(self, topics: list[TopicData]) -> None:
        keep = self._keep
        self._topics = topics
        self.list.blockSignals(True)
        self.list.clear()
        for topic in self._topics:
            item = QListWidgetItem(topic.title if topic.active
                                   else self.tr("{title} (deactivated)").format(title=topic.title))
            item.setData(TOPIC_ROLE, topic.id)
            item.setToolTip(f"{topic.title}\n{topic.legal_basis}")
            if not topic.active:
                item.setForeground(QBrush(MUTED_COLOUR))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, t in enumerate(self._topics) if t.id == keep), 0)
        if self._topics:
            self.list.setCurrentRow(row)
        self._chosen()
        if self._note:
            self.status.setText(self._note)

    def titles(self) -> list[str]:
        return [t.title for t in self._topics]

    def topic(self, topic_id: int) -> TopicData | None:
        return next((t for t in self._topics if t.id == topic_id), None)

    def select_title(self, title: str) -> bool:
        for i, t in enumerate(self._topics):
            if t.title == title:
                self.list.setCurrentRow(i)
                return True
        return False

    def _chosen(self) -> None:
        item = self.list.currentItem()
        topic = self.topic(int(item.data(TOPIC_ROLE))) if item is not None else None
        for fb in self._feedback.values():
            fb.clear()
        if topic is None:
            self._editing = None
            self._show(None)
            self.stale.track(None)
            return
        self._editing = topic.id
        self._show(topic)
        self.stale.track(topic.id)

    def _show(self, topic: TopicData | None) -> None:
        self.title.setText(topic.title if topic else "")
        self.legal_basis.setPlainText(topic.legal_basis if topic else "")
        self.body.setPlainText(topic.body if topic else "")
        if topic is None:
            self.heading.setText(self.tr("New topic"))
            self.active_button.hide()
            self.save_button.setText(self.tr("Add topic"))
            self.status.setText("")
            return
        self.heading.setText(topic.title)
        self.active_button.show()
        self.active_button.setText(self.tr("Deactivate") if topic.active else self.tr("Use again"))
        self.save_button.setText(self.tr("Save changes"))
        shipped = not topic.code.startswith("custom-")
        self.status.setText(self.tr("Shipped with the program") if shipped
                            else self.tr("Added by the commission"))

    # ------------------------------------------------------------------ actions

    def new_topic(self) -> None:
        """Clear the editor for a topic of the commission's own."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._editing = None
        for fb in self._feedback.values():
            fb.clear()
        self._show(None)
        self.stale.track(None)
        self.title.setFocus()

    def save(self) -> TopicData | None:
        """Save the wording (or add the new topic); reasons for a refusal go under the fields."""
        if not self.loading.ready:
            return None
        for fb in self._feedback.values():
            fb.clear()
        db, editing = self._db, self._editing
        title, body, basis = self.title.text(), self.body.toPlainText(), self.legal_basis.toPlainText()
        loaded = self.topic(editing) if editing is not None else None
        version = loaded.version if loaded else None

        def work() -> TopicData:
            if editing is None:
                return training.add_topic(db, title, body, basis)
            return training.update_topic(db, editing, title=title, body=body, legal_basis=basis,
                                         expected_version=version)

        try:
            # On the writer thread; the page that opened the library broadcasts (``changed``).
            topic = ops.call(self, work, write=True)
        except ValidationError as exc:
            placed = place_errors(self._feedback, exc)
            if not placed:
                msgbox.show_error(self, exc)
            return None
        except StaleEditError as exc:
            stale_edit.resolve(self, exc, self.reload_record)
            return None
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        self.changed = True
        self.reload(select=topic.id, note=self.tr("Saved."))
        return topic

    def toggle_active(self) -> TopicData | None:
        """Deactivate the topic shown (or offer it again)."""
        topic = self.topic(self._editing) if self._editing is not None else None
        if topic is None or not self.loading.ready:
            return None
        db, topic_id, active = self._db, topic.id, not topic.active
        try:
            updated = ops.call(self, lambda: training.set_topic_active(db, topic_id, active), write=True)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return None
        self.changed = True
        self.reload(select=topic.id)
        return updated

    @classmethod
    def show_modal(cls, parent: QWidget | None, db: Database) -> bool:
        """Show the library; True when something was changed."""
        dialog = cls(db, parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()

"""A save refused because somebody else saved the record first: what they changed, and what now.

Every editor of a record with a version counter (case, enterprise, hearing, observer,
participant, training session or topic …) catches :class:`~tribunal.errors.StaleEditError`
and calls :func:`resolve`. The dialog lists who changed which field (the clerk's name for it)
from what to what — ID and phone numbers masked, as the audit trail keeps them — and offers:

* 重新载入 — drop what was typed here and load the record as saved now;
* 返回修改 — go back to the form with the typed text untouched, to copy what matters
  before reloading.

Nothing the clerk typed is ever dropped without that choice. :class:`StaleWatch` bundles the
banner an open editor shows when the record is changed elsewhere while it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tribunal.errors import StaleEditError
from tribunal.services import field_labels
from tribunal.ui import ops
from tribunal.ui.lang import language

#: What the dialog's ``exec`` returns for each choice.
RELOAD = 1
KEEP_EDITING = 0


def change_lines(error: StaleEditError, lang: str = "zh") -> list[tuple[str, str, str, str, str]]:
    """The rows the dialog shows: (when, who, field, before, after), oldest change first.

    A change whose fields are not known (an entry written before the trail kept values) gives
    one row with its summary in the field column.
    """
    rows: list[tuple[str, str, str, str, str]] = []
    for index, (when, who, summary, _fields) in enumerate(error.changes):
        details: tuple[tuple[str, Any, Any], ...] = error.details[index] if index < len(error.details) else ()
        record = error.records[index] if index < len(error.records) else None
        shown = [(key, before, after) for key, before, after in details
                 if key.rsplit(".", 1)[-1] not in field_labels.INTERNAL_FIELDS]
        if not shown:
            rows.append((when, who, summary, "", ""))
            continue
        for key, before, after in shown:
            last = key.rsplit(".", 1)[-1]
            rows.append((when, who, field_labels.field_label(error.entity, key, lang, record=record),
                         field_labels.value_text(before, lang, key=last),
                         field_labels.value_text(after, lang, key=last)))
    return rows


class StaleEditDialog(QDialog):
    """此记录已被他人修改: the changes saved since the editor opened, and the two ways on."""

    def __init__(self, error: StaleEditError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved by someone else meanwhile"))
        self.error = error
        who = "、".join(dict.fromkeys(actor for _at, actor, _s, _f in error.changes)) or self.tr("someone else")
        self.headline = QLabel(self.tr(
            "While you were editing, {who} changed and saved this record. Your changes have "
            "NOT been saved.").format(who=who))
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")
        self.lines = change_lines(error, language())
        self.table = QTableWidget(len(self.lines), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Changed by"), self.tr("Field"), self.tr("Before"), self.tr("Now")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, cells in enumerate(self.lines):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.advice = QLabel(self.tr(
            "Reload drops what you typed and shows the record as saved now. Back to my changes "
            "keeps your text in the form so that you can copy it; then reload and enter it again."))
        self.advice.setWordWrap(True)

        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Discard my changes and load the saved record"))
        self.keep_button = QPushButton(self.tr("Back to my changes"))
        self.keep_button.setToolTip(self.tr("Keep what I typed so that I can copy it"))
        self.keep_button.setDefault(True)  # Enter never drops the clerk's text
        self.reload_button.clicked.connect(lambda: self.done(RELOAD))
        self.keep_button.clicked.connect(lambda: self.done(KEEP_EDITING))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.keep_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.advice)
        layout.addLayout(buttons)
        self.resize(760, 360)

    def reject(self) -> None:
        """Escape or the window's close button: back to the form, nothing dropped."""
        self.done(KEEP_EDITING)

    def text(self) -> str:
        """Everything the dialog says, for a test or a screen reader."""
        cells = [" ".join(cells) for cells in self.lines]
        return "\n".join([self.headline.text(), *cells])


def ask(parent: QWidget | None, error: StaleEditError) -> bool:
    """Show the refused save; True when the clerk chose to reload the saved record."""
    dialog = StaleEditDialog(error, parent)
    try:
        return dialog.exec() == RELOAD
    finally:
        dialog.deleteLater()


def resolve(parent: QWidget | None, error: StaleEditError, reload: Callable[[], None]) -> bool:
    """Show the refused save and reload the editor if the clerk chooses so.

    Args:
        parent: the editor.
        error: the refusal from the service.
        reload: loads the record as saved now into the editor (drops what was typed).

    Returns:
        True when the editor was reloaded, False when the clerk went back to the typed text.
    """
    if ask(parent, error):
        reload()
        return True
    return False


class StaleWatch:
    """An editor's 此记录已被修改 banner and the watch behind it, in one piece.

    Args:
        editor: the open editor (the banner's owner).
        db: the database handle.
        entity: the audit entity of the record ("enterprise", "observer" …).
        changes: the broadcasts that may concern the record.
        reload: loads the record as saved now (the banner's 重新载入 button).
        layout: where the banner goes (inserted at the top).
    """

    def __init__(self, editor: QWidget, db: Any, entity: str, changes: ops.Changes,
                 reload: Callable[[], None], layout: QBoxLayout) -> None:
        self.banner = ops.StaleBanner()
        self.watch = ops.RecordWatch(editor, db, entity, changes, self.banner, reload)
        layout.insertWidget(0, self.banner)

    def track(self, record_id: int | None) -> None:
        """Watch ``record_id`` from its version now (after loading or saving it)."""
        self.watch.track(record_id)

"""The settings page (设置): this computer's settings (in its own file) and the commission's (in the database)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.case_numbers import CaseNumberPattern
from tribunal.domain.enums import StaffRole
from tribunal.errors import StaleEditError, TribunalError
from tribunal.services import enterprises, reference, workstation
from tribunal.services import settings as settings_service
from tribunal.services.app import Database, follow_workstation_clerk
from tribunal.services.enterprises import EnterpriseRow
from tribunal.services.reference import TribunalRow
from tribunal.services.settings import REGISTRY, WORKSTATION, SettingDef
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback
from tribunal.ui.lang import QT_TRANSLATE_NOOP

LANGUAGE_KEY = "ui.language"
#: The enterprises offered as a tribunal's usual venue (a bigger directory: the first by name).
HOST_CHOICES = 3000
CLERK_KEY = "clerk.name"
LAST_OPEN_KEY = "folders.last_open"

# The commission's settings are grouped by the first part of their key; this computer's
# settings are one group of their own.
_THIS_COMPUTER = QT_TRANSLATE_NOOP("SettingsPage", "Clerk, language, fonts and folders")
_GROUPS = {
    "commission": QT_TRANSLATE_NOOP("SettingsPage", "Arbitration commission"),
    "case_number": QT_TRANSLATE_NOOP("SettingsPage", "Case numbers"),
    "hearing": QT_TRANSLATE_NOOP("SettingsPage", "Hearings"),
    "clock": QT_TRANSLATE_NOOP("SettingsPage", "Deadlines"),
    "documents": QT_TRANSLATE_NOOP("SettingsPage", "Documents"),
    "privacy": QT_TRANSLATE_NOOP("SettingsPage", "Privacy"),
}
_OTHER_GROUP = QT_TRANSLATE_NOOP("SettingsPage", "Other")


def choose_font_file(parent: QWidget, title: str, start: str) -> str:
    """Ask for a TrueType font file ("" when the clerk cancels)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, title, start,
        QCoreApplication.translate("SettingsPage", "TrueType fonts (*.ttf *.ttc);;All files (*)"))
    return path


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    """Ask for a folder ("" when the clerk cancels)."""
    return QFileDialog.getExistingDirectory(parent, title, start)


def _font_folder() -> str:
    """Where a system keeps its fonts, as a first place to look for 仿宋 and 黑体."""
    for folder in (Path("C:/Windows/Fonts"), Path("/usr/share/fonts"), Path.home()):
        if folder.is_dir():
            return str(folder)
    return ""


def editable_settings() -> list[SettingDef]:
    """The registry entries a clerk sets on this page, in registry order.

    Settings the program keeps for itself (remembered import mappings and the like) are
    marked ``hidden`` in the registry and left out.
    """
    return [d for d in REGISTRY if not d.hidden]


class SettingsPage(QWidget):
    """设置: the commission's details, case-number style, language, clerk and the like.

    Each value is checked by the settings service when saved; a refused value keeps its
    field outlined with the reason beneath it, and the others are saved.

    Signals:
        settings_saved(dict): the keys and new values that were stored.
    """

    settings_saved = Signal(dict)
    # A save has ended: True when every changed value was stored.
    save_finished = Signal(bool)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stored: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self.browse_buttons: dict[str, QPushButton] = {}
        self._feedback: dict[str, FieldFeedback] = {}
        self._labels: list[QLabel] = []
        self.setStyleSheet(FORM_STYLE)

        groups: dict[str, QFormLayout] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.workstation_heading = self._heading(self.tr("This computer's settings"))
        self.workstation_note = self._note(
            self.tr("Kept in a file of this computer only ({path}); every other workstation keeps "
                    "its own.").format(path=workstation.settings_path()))
        self.commission_heading = self._heading(self.tr("The arbitration commission's settings"))
        self.commission_note = self._note(self.tr("Stored in the database and shared by everyone "
                                                  "who uses it."))
        body_layout.addWidget(self.workstation_heading)
        body_layout.addWidget(self.workstation_note)
        ordered = sorted(editable_settings(), key=lambda d: d.scope != WORKSTATION)
        for definition in ordered:
            if definition.scope == WORKSTATION:
                title = _THIS_COMPUTER
            else:
                title = _GROUPS.get(definition.key.split(".", 1)[0], _OTHER_GROUP)
            if title not in groups:
                if definition.scope != WORKSTATION and self.commission_heading.parent() is None:
                    body_layout.addSpacing(12)
                    body_layout.addWidget(self.commission_heading)
                    body_layout.addWidget(self.commission_note)
                box = QGroupBox(QCoreApplication.translate("SettingsPage", title))
                form = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                form.setVerticalSpacing(8)
                groups[title] = form
                body_layout.addWidget(box)
            self._add_row(groups[title], definition)
        # Each circuit tribunal's usual venue (a field of the tribunal, not of the registry).
        self.hosts_box = QGroupBox(self.tr("Circuit tribunals: where their hearings usually sit"))
        self.hosts_form = QFormLayout(self.hosts_box)
        self.hosts_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.host_combos: dict[int, QComboBox] = {}
        self._stored_hosts: dict[int, int | None] = {}
        body_layout.addWidget(self.hosts_box)
        body_layout.addStretch(1)
        # One label column for all groups, wide enough for the longest label on one line.
        widest = max((label.sizeHint().width() for label in self._labels), default=0)
        for label in self._labels:
            label.setMinimumWidth(widest)
        body.setMaximumWidth(widest + 640)
        self.number_example = QLabel()
        self.number_example.setProperty("feedback", "hint")
        self.number_example.setWordWrap(True)
        case_group = groups.get(_GROUPS["case_number"])
        if case_group is not None:
            case_group.addRow(self.tr("Example"), self.number_example)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.save_button = QPushButton(self.tr("Save settings"))
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)

        heading = QLabel(self.tr("Settings"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.addWidget(heading)
        self.legal_calendar_button = QPushButton(self.tr("Legal holidays…"))
        self.legal_calendar_button.setToolTip(self.tr("The holiday schedules that working-day "
                                                      "deadlines are counted on: import a new year, "
                                                      "correct a day"))
        self.legal_calendar_button.clicked.connect(self.open_legal_calendar)
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.legal_calendar_button)
        calendar_row.addWidget(QLabel(self.tr("Deadlines in working days use the State Council's "
                                              "holiday schedule of each year.")), 1)
        layout.addLayout(calendar_row)
        self.period_rules_button = QPushButton(self.tr("Period rules…"))
        self.period_rules_button.setToolTip(self.tr("Confirm each period rule (length, unit, articles) "
                                                    "against the official text"))
        self.period_rules_button.clicked.connect(self.open_period_rules)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.period_rules_button)
        rules_row.addWidget(QLabel(self.tr("Rules not yet checked against the official text are marked "
                                           "“rule to be checked” beside every date.")), 1)
        layout.addLayout(rules_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def open_legal_calendar(self) -> bool:
        """Settings → Legal holidays: the years loaded, import a year, correct a day."""
        from tribunal.ui.legal_calendar_dialog import LegalCalendarDialog

        return LegalCalendarDialog.ask(self, self._db)

    def open_period_rules(self) -> bool:
        """Settings → Period rules: confirm each rule against the official text, or withdraw."""
        from tribunal.ui.period_rules_dialog import PeriodRulesDialog

        return PeriodRulesDialog.ask(self, self._db)
    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        label.setFont(font)
        return label

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("feedback", "hint")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _label(self, definition: SettingDef) -> str:
        return definition.label_en if lang.is_english() else definition.label_zh

    def _add_row(self, form: QFormLayout, definition: SettingDef) -> None:
        editor: QWidget
        extra: QWidget | None = None
        field: QWidget | None = None
        if definition.choices:
            combo = QComboBox()
            for choice in definition.choices:
                combo.addItem(choice.label_en if lang.is_english() else choice.label_zh, choice.value)
            editor = combo
            if definition.key == LANGUAGE_KEY:
                extra = QLabel(self.tr("A new language takes effect the next time the program starts."))
                extra.setProperty("feedback", "hint")
                extra.setWordWrap(True)
        elif definition.path:
            line = QLineEdit()
            line.setPlaceholderText(self.tr("(empty: the bundled font)") if definition.path == "file"
                                    else self.tr("(empty: the usual folder)"))
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda _checked=False, key=definition.key: self.browse(key))
            self.browse_buttons[definition.key] = browse
            field = QWidget()
            row = QHBoxLayout(field)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(line, 1)
            row.addWidget(browse)
            editor = line
        elif definition.key == CLERK_KEY:
            line = QLineEdit()
            line.setPlaceholderText(self.tr("Your name, as the audit trail should show it"))
            editor = line
        elif definition.type is bool:
            editor = QCheckBox(self.tr("Yes"))
        elif definition.type is int:
            spin = QSpinBox()
            # The service decides what is allowed; the box only keeps out non-numbers.
            spin.setRange(-99_999, 99_999)
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("00000") + 60)
            editor = spin
        else:
            editor = QLineEdit()
            if definition.key.startswith("case_number."):
                editor.textChanged.connect(self._update_example)
        if isinstance(editor, QCheckBox):
            editor.toggled.connect(self._update_example)
        feedback = FieldFeedback(editor, extra=extra, embed=field is None)
        if field is not None:
            box = feedback.container.layout()
            assert isinstance(box, QVBoxLayout)
            box.insertWidget(0, field)
        self.editors[definition.key] = editor
        self._feedback[definition.key] = feedback
        label = QLabel(self._label(definition))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._labels.append(label)
        form.addRow(label, feedback.container)

    # ------------------------------------------------------------------ page protocol

    def focus_search(self) -> None:
        """Ctrl+F here: go to the first field."""
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def create_item(self) -> None:
        """Ctrl+N means nothing on this page."""

    def feedback(self, key: str) -> FieldFeedback:
        """The message line under one setting's field."""
        return self._feedback[key]

    # ------------------------------------------------------------------ values

    def value(self, key: str) -> Any:
        """The value a field holds now."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def set_field(self, key: str, value: Any) -> None:
        """Put ``value`` into the field of ``key``."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def load(self) -> None:
        """Show the stored values (dropping anything typed and not saved); read in the background."""
        db = self._db

        def work() -> tuple[dict[str, Any], list[str], list[TribunalRow], list[EnterpriseRow]]:
            return (settings_service.get_all(db), [s.name for s in reference.list_staff(db, StaffRole.CLERK)],
                    reference.list_tribunals(db), enterprises.search_enterprises(db, limit=HOST_CHOICES))

        ops.run_read(self, work, self._show_stored, key="load")

    def _show_stored(self, answer: tuple[dict[str, Any], list[str], list[TribunalRow], list[EnterpriseRow]]) -> None:
        self._stored, clerks, tribunals, firms = answer
        self._show_hosts(tribunals, firms)
        clerk = self.editors[CLERK_KEY]
        assert isinstance(clerk, QLineEdit)
        completer = QCompleter(clerks, clerk)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        clerk.setCompleter(completer)
        for key, value in self._stored.items():
            if key in self.editors:
                self.set_field(key, value)
        for feedback in self._feedback.values():
            if feedback.has_error:
                feedback.clear()
        self.status.clear()
        self._update_example()

    def _show_hosts(self, tribunals: list[TribunalRow], firms: list[EnterpriseRow]) -> None:
        while self.hosts_form.rowCount():
            self.hosts_form.removeRow(0)
        self.host_combos = {}
        self._stored_hosts = {t.id: t.default_host_enterprise_id for t in tribunals}
        for tribunal in tribunals:
            combo = QComboBox()
            combo.addItem(self.tr("(none: where its last hearing at an enterprise sat)"), None)
            for firm in firms:
                combo.addItem(firm.name, firm.id)
            wanted = tribunal.default_host_enterprise_id
            if wanted is not None and combo.findData(wanted) < 0:
                combo.addItem(self.tr("(enterprise no. {id})").format(id=wanted), wanted)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted is not None else 0)
            self.host_combos[tribunal.id] = combo
            self.hosts_form.addRow(tribunal.name, combo)
        self.hosts_box.setVisible(bool(tribunals))

    def browse(self, key: str) -> None:
        """浏览…: pick the font file or folder of ``key`` (and remember where it was)."""
        definition = settings_service.BY_KEY[key]
        current = str(self.value(key) or "").strip()
        remembered = str(self._stored.get(LAST_OPEN_KEY) or "")
        if definition.path == "file":
            start = str(Path(current).parent) if current else (remembered or _font_folder())
            chosen = choose_font_file(self, self._label(definition), start)
        else:
            chosen = choose_folder(self, self._label(definition), current or remembered or str(Path.home()))
        if not chosen:
            return
        self.set_field(key, str(Path(chosen)))
        folder = str(Path(chosen).parent if definition.path == "file" else Path(chosen))
        # Only a convenience for the next 浏览… (the chosen path is in the field): written to
        # this computer's settings file in the background, a failure left unsaid.
        ops.run_write(self, lambda: settings_service.set_value(None, LAST_OPEN_KEY, folder),
                      changes=ops.Changes.NONE,
                      on_done=lambda _stored: self._stored.__setitem__(LAST_OPEN_KEY, folder),
                      on_failed=lambda _error: None)

    def save(self) -> ops.Op[tuple[dict[str, Any], dict[str, str]]] | None:
        """Store every changed value off the GUI thread; ``save_finished`` says how it went.

        Values are stored one by one: a refused value keeps its field outlined with the
        reason beneath it, and the others are saved. Returns the running work (None when
        nothing was changed).
        """
        for feedback in self._feedback.values():
            if feedback.has_error:
                feedback.clear()
        changed = {d.key: self.value(d.key) for d in editable_settings()
                   if self.value(d.key) != self._stored.get(d.key)}
        hosts = {tid: combo.currentData() for tid, combo in self.host_combos.items()
                 if combo.currentData() != self._stored_hosts.get(tid)}
        if not changed and not hosts:
            self._show_status(self.tr("Nothing was changed."), "hint")
            self.save_finished.emit(True)
            return None
        self.save_button.setEnabled(False)
        db = self._db

        # What the page showed for each changed value: a value another clerk saved since
        # refuses the save (nothing stored) and is shown with who changed it.
        loaded = {key: self._stored.get(key) for key in changed}

        def work() -> tuple[dict[str, Any], dict[str, str]]:
            saved, reasons = settings_service.save_settings(db, changed, loaded)
            refused = {key: lang.text(reason) for key, reason in reasons.items()}
            for tribunal_id, enterprise_id in hosts.items():
                reference.set_default_host(db, tribunal_id, enterprise_id)
                saved[f"tribunal.{tribunal_id}.default_host"] = enterprise_id
            if CLERK_KEY in saved:
                follow_workstation_clerk(db)  # the audit names the clerk just chosen
            return saved, refused

        def failed(error: TribunalError) -> None:
            self.save_button.setEnabled(True)
            if isinstance(error, StaleEditError):
                stale_edit.resolve(self, error, self.load)
            else:
                msgbox.show_error(self, error)
            self.save_finished.emit(False)

        return ops.run_write(self, work, changes=ops.Changes.SETTINGS, on_done=self._saved,
                             on_failed=failed)

    def _saved(self, result: tuple[dict[str, Any], dict[str, str]]) -> None:
        saved, refused = result
        self.save_button.setEnabled(True)
        for key, stored in saved.items():
            if key.startswith("tribunal."):
                self._stored_hosts[int(key.split(".")[1])] = stored
                continue
            self._stored[key] = stored
            self.set_field(key, stored)
        for key, reason in refused.items():
            self._feedback[key].show_error(reason)
        if refused:
            first = next(iter(refused))
            self.editors[first].setFocus()
            self._show_status(self.tr("{count} setting(s) not saved: see the reason in red.")
                              .format(count=len(refused)), "error")
        else:
            text = self.tr("Saved.")
            if LANGUAGE_KEY in saved:
                text += " " + self.tr("Restart the program to use the new language.")
            self._show_status(text, "hint")
        if saved:
            self.settings_saved.emit(saved)
        self.save_finished.emit(not refused)

    def _show_status(self, text: str, kind: str) -> None:
        self.status.setText(text)
        self.status.setProperty("feedback", kind)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _update_example(self) -> None:
        try:
            pattern = CaseNumberPattern(
                prefix=str(self.value("case_number.prefix")),
                brackets=str(self.value("case_number.brackets")),
                use_di=bool(self.value("case_number.use_di")),
            )
            self.number_example.setText(pattern.format(2026, 15))
        except (ValueError, KeyError):
            self.number_example.setText(self.tr("(the prefix or brackets are not valid yet)"))

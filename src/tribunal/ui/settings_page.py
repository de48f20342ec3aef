"""The settings page (设置): every entry of the settings registry as a form, saved to the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import settings as settings_service
from tribunal.services.app import Database
from tribunal.services.settings import REGISTRY, SettingDef
from tribunal.ui import lang, msgbox
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback
from tribunal.ui.lang import QT_TRANSLATE_NOOP

LANGUAGE_KEY = "ui.language"

# Groups of the form, by the first part of the setting's key.
_GROUPS = {
    "commission": QT_TRANSLATE_NOOP("SettingsPage", "Arbitration commission"),
    "case_number": QT_TRANSLATE_NOOP("SettingsPage", "Case numbers"),
    "ui": QT_TRANSLATE_NOOP("SettingsPage", "This computer"),
    "clerk": QT_TRANSLATE_NOOP("SettingsPage", "This computer"),
    "hearing": QT_TRANSLATE_NOOP("SettingsPage", "Hearings"),
    "privacy": QT_TRANSLATE_NOOP("SettingsPage", "Privacy"),
}
_OTHER_GROUP = QT_TRANSLATE_NOOP("SettingsPage", "Other")


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

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stored: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self._feedback: dict[str, FieldFeedback] = {}
        self._labels: list[QLabel] = []
        self.setStyleSheet(FORM_STYLE)

        groups: dict[str, QFormLayout] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for definition in editable_settings():
            title = _GROUPS.get(definition.key.split(".", 1)[0], _OTHER_GROUP)
            if title not in groups:
                box = QGroupBox(QCoreApplication.translate("SettingsPage", title))
                form = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                form.setVerticalSpacing(8)
                groups[title] = form
                body_layout.addWidget(box)
            self._add_row(groups[title], definition)
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
        layout.addWidget(QLabel(self.tr("These settings are stored in the database and shared by "
                                        "everyone who uses it.")))
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

    def _label(self, definition: SettingDef) -> str:
        return definition.label_en if lang.is_english() else definition.label_zh

    def _add_row(self, form: QFormLayout, definition: SettingDef) -> None:
        editor: QWidget
        extra: QWidget | None = None
        if definition.key == LANGUAGE_KEY:
            combo = QComboBox()
            combo.addItem("中文（简体）", "zh_CN")
            combo.addItem("English", "en")
            editor = combo
            extra = QLabel(self.tr("A new language takes effect the next time the program starts."))
            extra.setProperty("feedback", "hint")
            extra.setWordWrap(True)
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
        feedback = FieldFeedback(editor, extra=extra)
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
        """Show the stored values (dropping anything typed and not saved)."""
        try:
            self._stored = settings_service.get_all(self._db)
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return
        for key, value in self._stored.items():
            if key in self.editors:
                self.set_field(key, value)
        for feedback in self._feedback.values():
            if feedback.has_error:
                feedback.clear()
        self.status.clear()
        self._update_example()

    def save(self) -> bool:
        """Store every changed value; returns True when all were accepted."""
        saved: dict[str, Any] = {}
        refused: dict[str, str] = {}
        for definition in editable_settings():
            key = definition.key
            if self._feedback[key].has_error:
                self._feedback[key].clear()
            value = self.value(key)
            if value == self._stored.get(key):
                continue
            try:
                stored = settings_service.set_value(self._db, key, value)
            except ValidationError as exc:
                refused[key] = exc.fields.get(key) or exc.message
                continue
            except TribunalError as exc:
                msgbox.show_error(self, exc)
                return False
            self._stored[key] = stored
            saved[key] = stored
            self.set_field(key, stored)
        for key, reason in refused.items():
            self._feedback[key].show_error(reason)
        if refused:
            first = next(iter(refused))
            self.editors[first].setFocus()
            self.status.setText(self.tr("{count} setting(s) not saved: see the reason in red.")
                                .format(count=len(refused)))
            self.status.setProperty("feedback", "error")
        elif saved:
            text = self.tr("Saved.")
            if LANGUAGE_KEY in saved:
                text += " " + self.tr("Restart the program to use the new language.")
            self.status.setText(text)
            self.status.setProperty("feedback", "hint")
        else:
            self.status.setText(self.tr("Nothing was changed."))
            self.status.setProperty("feedback", "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if saved:
            self.settings_saved.emit(saved)
        return not refused

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

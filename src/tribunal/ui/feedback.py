"""Reasons shown right next to a field: a red line under it and a red outline round it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from tribunal.errors import ValidationError
from tribunal.texts import Text
from tribunal.ui import lang

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5300"
HINT_COLOUR = "#4a5560"

#: Style sheet for any form that uses :class:`FieldFeedback`; set it on the form's top widget.
FORM_STYLE = f"""
QLabel[feedback="error"] {{ color: {ERROR_COLOUR}; }}
QLabel[feedback="warning"] {{ color: {WARNING_COLOUR}; }}
QLabel[feedback="hint"] {{ color: {HINT_COLOUR}; }}
QLabel#errorSummary {{
    color: {ERROR_COLOUR}; background: #fdecea; border: 1px solid #f5c2bd;
    border-radius: 4px; padding: 6px 8px;
}}
QLabel#errorSummary[resolved="true"] {{
    color: {HINT_COLOUR}; background: #edf5ee; border: 1px solid #bcd9c0;
}}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"],
QSpinBox[invalid="true"], QPlainTextEdit[invalid="true"], QListWidget[invalid="true"] {{
    border: 2px solid {ERROR_COLOUR}; border-radius: 3px;
}}
"""


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline ``widget`` in red (or remove the outline)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    _repolish(widget)


class FieldFeedback:
    """A field plus the line under it that says what is wrong with it (or a hint/warning).

    ``container`` holds the field and the message and goes into the form in the field's place.
    """

    def __init__(self, field: QWidget, *, outline: Sequence[QWidget] = (),
                 extra: QWidget | None = None, embed: bool = True, reserve: bool = False) -> None:
        """Wrap ``field``.

        Args:
            field: The widget that takes focus when the error is shown.
            outline: The widgets to outline in red (default: ``field``).
            extra: Another widget shown under the message (a confirming checkbox).
            embed: False when the field sits elsewhere in the form and ``container`` only
                holds the message (a reason about several fields together).
            reserve: keep a line free under the field even without a message, so that the
                fields below do not move when a message comes or goes.
        """
        self.field = field
        self.outline = tuple(outline) or (field,)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._reserve = reserve
        if reserve:
            self.label.setMinimumHeight(self.label.fontMetrics().lineSpacing())
        else:
            self.label.hide()
        #: Called whenever a message is shown or cleared (a form's summary keeps count).
        self.listeners: list[Callable[[], None]] = []
        self.container = QWidget()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if embed:
            layout.addWidget(field)
        layout.addWidget(self.label)
        if extra is not None:
            layout.addWidget(extra)
        self.kind = ""

    @property
    def text(self) -> str:
        """The message shown ("" when none)."""
        return self.label.text() if self.label.isVisibleTo(self.container) else ""  # "" when cleared

    @property
    def has_error(self) -> bool:
        """True while an error (not a warning or hint) is shown."""
        return self.kind == "error"

    def _show(self, kind: str, text: str) -> None:
        # A reason made by the services (tribunal.texts.msg) shows in the interface language.
        text = lang.text(text)
        self.kind = kind
        self.label.setText(text)
        self.label.setProperty("feedback", kind)
        _repolish(self.label)
        self.label.setVisible(bool(text) or self._reserve)
        for widget in self.outline:
            mark_invalid(widget, kind == "error")
        self._tell()

    def show_error(self, text: str) -> None:
        """Show why the value is refused, in red, and outline the field."""
        self._show("error", text)

    def show_warning(self, text: str) -> None:
        """Show something the clerk should check (the value is still accepted)."""
        self._show("warning", text)

    def show_hint(self, text: str) -> None:
        """Show a neutral note (what was understood from the value)."""
        self._show("hint", text)

    def clear(self) -> None:
        """Remove any message and outline."""
        self.kind = ""
        self.label.clear()
        self.label.setVisible(self._reserve)
        for widget in self.outline:
            mark_invalid(widget, False)
        self._tell()

    def _tell(self) -> None:
        for listener in list(self.listeners):
            listener()


def field_reason(reason: str) -> str:
    """The part of a service message worth repeating under the field itself.

    Party and claim messages start with who they are about ("第1个当事人（张三）的联系电话：…");
    under the field that is already obvious, so only the reason after the first colon is kept.
    """
    if isinstance(reason, Text):
        # A text made by the services: its own last field after the colon is the reason,
        # which then shows in the interface language.
        tail = re.search(r"：\{(\w+)\}$", reason.template)
        if reason.startswith("第") and tail and tail.group(1) in reason.params:
            return lang.text(reason.params[tail.group(1)])
        return lang.text(reason)
    if reason.startswith("第") and "：" in reason:
        return reason.split("：", 1)[1]
    return reason


def place_errors(feedback: Mapping[str, FieldFeedback], error: ValidationError, *,
                 whole_message_if_single: bool = False) -> list[str]:
    """Show each reason of a refused save beside its field; return the field keys shown.

    Args:
        feedback: the dialog's field key → FieldFeedback map (keys as in ``error.fields``).
        error: what the service refused.
        whole_message_if_single: with one field at fault, show the service's whole sentence
            there instead of its terse per-field reason.
    """
    placed = [key for key in error.fields if key in feedback]
    single = whole_message_if_single and len(error.fields) == 1
    for key in placed:
        feedback[key].show_error(lang.text(error.message) if single else lang.text(error.fields[key]))
    return placed

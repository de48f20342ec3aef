"""核对期间规则: confirm each period rule against the official text (who, when, which text), or withdraw.

Opened from the settings page and from the 期限 tab. Every rule of ``resources/periods.json``
is listed with its length, unit, articles and any reading it rests on, and whether the
commission has confirmed it; a confirmed rule loses the 期间规则待核对 mark everywhere. The
confirmations of the selected rule are listed below with who made or withdrew them.
Confirming and withdrawing run on the background worker and are written to the audit trail.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tribunal.errors import TribunalError, ValidationError
from tribunal.services import period_rules
from tribunal.services.app import Database
from tribunal.services.period_rules import RuleCheck, RuleStatus
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    GOOD_COLOUR,
    MUTED_COLOUR,
    WARNING_COLOUR,
    Column,
    RowsModel,
    make_table,
    set_column_widths,
)


def _state_text(st: RuleStatus) -> str:
    if st.confirmation is not None:
        return QCoreApplication.translate("PeriodRulesDialog", "Confirmed")
    if st.outdated is not None:
        return QCoreApplication.translate("PeriodRulesDialog", "Changed since it was confirmed")
    return QCoreApplication.translate("PeriodRulesDialog", "To be checked")


def _state_colour(st: RuleStatus) -> QColor:
    return GOOD_COLOUR if st.confirmation is not None else WARNING_COLOUR


def _length(st: RuleStatus) -> str:
    return f"{st.rule.days} {st.rule.unit_zh}"


def _who(st: RuleStatus) -> str:
    c = st.confirmation
    return f"{c.confirmed_by}，{c.confirmed_at:%Y-%m-%d}" if c else ""


_RULE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Period"), lambda st: lang.text(st.rule.label_zh),
           tooltip=lambda st: st.rule.note or None),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Length"), _length),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Legal basis"), lambda st: lang.citation(st.rule.basis),
           tooltip=lambda st: lang.citation(st.rule.basis)),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "State"), _state_text, foreground=_state_colour),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Confirmed by"), _who),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Against the text"),
           lambda st: st.confirmation.source if st.confirmation else "",
           tooltip=lambda st: st.confirmation.source if st.confirmation else None),
)


def _check_state(c: RuleCheck) -> str:
    if c.active:
        return QCoreApplication.translate("PeriodRulesDialog", "In force")
    return QCoreApplication.translate("PeriodRulesDialog", "Withdrawn by {who} on {when}: {why}").format(
        who=c.withdrawn_by, when=f"{c.withdrawn_at:%Y-%m-%d}" if c.withdrawn_at else "", why=c.withdrawn_reason)


def _confirmed_text(check: Any) -> str:
    """``10 工作日；《…》第三十条`` as the check recorded it, in the interface language."""
    if lang.is_english():
        unit = "working days" if check.unit == "working" else "calendar days"
        return f"{check.days} {unit}; {lang.citation(check.basis)}"
    return f"{check.days} {'工作日' if check.unit == 'working' else '自然日'}；{check.basis}"


_CHECK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Confirmed on"), lambda c: f"{c.confirmed_at:%Y-%m-%d %H:%M}"),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "By"), lambda c: c.confirmed_by),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Rule as confirmed"),
           lambda c: _confirmed_text(c),
           tooltip=lambda c: lang.citation(c.basis)),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Against the text"), lambda c: c.source,
           tooltip=lambda c: "；".join(x for x in (c.source, c.note) if x)),
    Column(QT_TRANSLATE_NOOP("PeriodRulesDialog", "Standing"), _check_state, tooltip=_check_state,
           foreground=lambda c: None if c.active else MUTED_COLOUR),
)


class PeriodRulesDialog(QDialog):
    """核对期间规则: the rules, their confirmations, and the actions to confirm or withdraw.

    Signals:
        changed(): a confirmation was recorded or withdrawn.
    """

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.modified = False
        self.busy = False
        self.setWindowTitle(self.tr("Period rules"))
        self.setStyleSheet(FORM_STYLE)
        intro = QLabel(self.tr(
            "Every deadline is counted with these rules. Until the commission has checked a rule "
            "against the official text, the dates it gives are marked “rule to be checked”. Record "
            "each check with the text it was made against; a confirmation can be withdrawn."))
        intro.setWordWrap(True)
        self.model = RowsModel("PeriodRulesDialog", _RULE_COLUMNS, key=lambda st: st.rule.key, parent=self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {0: "公告送达期间（在中华人民共和国领域内", 1: "45 自然日",
                                      2: "《劳动争议调解仲裁法》第四十三条", 3: "已确认", 4: "测试书记员，2026-12-01"})
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("feedback", "hint")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks_model = RowsModel("PeriodRulesDialog", _CHECK_COLUMNS, parent=self)
        self.checks_view = make_table(self.checks_model)
        set_column_widths(self.checks_view, {0: "2026-12-01 09:30", 1: "测试书记员", 2: "45 自然日；《劳动争议调解"})
        self.checks_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Which official text: title, number, where it was read"))
        self.check_note = QLineEdit()
        self.check_note.setPlaceholderText(self.tr("Optional: the wording of the article, anything to keep"))
        self.confirm_button = QPushButton(self.tr("Confirm this rule"))
        self.confirm_button.clicked.connect(self.confirm)
        self.withdraw_button = QPushButton(self.tr("Withdraw the selected confirmation…"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self._feedback = {"source": FieldFeedback(self.source), "note": FieldFeedback(self.check_note)}
        box = QGroupBox(self.tr("Record a check"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Official text"), self._feedback["source"].container)
        form.addRow(self.tr("Note"), self._feedback["note"].container)
        actions = QHBoxLayout()
        actions.addWidget(self.confirm_button)
        actions.addStretch(1)
        actions.addWidget(self.withdraw_button)
        form.addRow("", actions)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("Checks of the selected rule")))
        layout.addWidget(self.checks_view, 2)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self.reload()

    # ------------------------------------------------------------------ contents

    def reload(self, select: str | None = None) -> None:
        """Read the rules and their confirmations again; keep (or make) a selection."""
        current = select or self.selected_key()
        db = self._db
        ops.run_read(self, lambda: period_rules.statuses(db), lambda rows: self._show_rules(rows, current),
                     on_failed=lambda exc: self._say(lang.text(exc.message), error=True), key="rules")

    def _show_rules(self, rows: list[RuleStatus], current: str | None) -> None:
        self.model.set_rows(rows)
        row = self.model.row_of(current) if current is not None else None
        if rows:
            self.view.selectRow(row if row is not None else 0)
        self._selected()

    def selected_key(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        key = self.model.key(rows[0].row()) if rows else None
        return str(key) if key is not None else None

    def selected(self) -> RuleStatus | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_check(self) -> RuleCheck | None:
        rows = self.checks_view.selectionModel().selectedRows()
        check = self.checks_model.row(rows[0].row()) if rows else None
        return check if check is not None and check.active else None

    def _selected(self) -> None:
        st = self.selected()
        self.checks_model.set_rows(st.history if st else [])
        if st is None:
            self.note.setText("")
        else:
            parts = [st.rule.note]
            if st.rule.reading:
                parts.append(f"※ {st.rule.reading}")
            if st.outdated is not None:
                parts.append(self.tr("Confirmed on {date} when it read {days} days ({basis}); the rule has "
                                     "changed since and must be checked again.").format(
                    date=f"{st.outdated.confirmed_at:%Y-%m-%d}", days=st.outdated.days, basis=lang.citation(st.outdated.basis)))
            self.note.setText("\n".join(p for p in parts if p))
        self._update_buttons()

    def _update_buttons(self) -> None:
        st = self.selected()
        self.confirm_button.setEnabled(not self.busy and st is not None and st.confirmation is None)
        self.withdraw_button.setEnabled(not self.busy and self.selected_check() is not None)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("feedback", "error" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    # ------------------------------------------------------------------ actions

    def _run(self, work: Any, done_text: str, key: str) -> None:
        self.busy = True
        self._update_buttons()

        def done(_result: object) -> None:
            self.busy = False
            self.modified = True
            self.source.clear()
            self.check_note.clear()
            self.reload(select=key)
            self._say(done_text)
            self.changed.emit()

        def failed(error: TribunalError) -> None:
            self.busy = False
            self._update_buttons()
            if isinstance(error, ValidationError) and place_errors(self._feedback, error):
                return
            self._say(lang.text(error.message), error=True)

        # A period's length is a setting every case's clocks are worked out with.
        ops.run_write(self, work, changes=ops.Changes.SETTINGS | ops.Changes.CLOCKS, on_done=done,
                      on_failed=failed)

    def confirm(self) -> None:
        """Record that the selected rule was checked against the text named in the form."""
        st = self.selected()
        if st is None or self.busy:
            return
        for fb in self._feedback.values():
            fb.clear()
        db, key, source, note = self._db, st.rule.key, self.source.text(), self.check_note.text()
        self._run(lambda: period_rules.confirm(db, key, source, note),
                  self.tr("“{rule}” is confirmed.").format(rule=lang.text(st.rule.label_zh)), key)

    def withdraw(self) -> None:
        """Withdraw the selected confirmation, with a reason."""
        st, check = self.selected(), self.selected_check()
        if st is None or check is None or self.busy:
            return
        reason = msgbox.ask_text(self, self.tr("Withdraw confirmation"),
                                 self.tr("Why is the confirmation of “{rule}” withdrawn?").format(
                                     rule=lang.text(st.rule.label_zh)))
        if reason is None:
            return
        db, check_id = self._db, check.id
        self._run(lambda: period_rules.withdraw(db, check_id, reason),
                  self.tr("The confirmation of “{rule}” is withdrawn.").format(rule=lang.text(st.rule.label_zh)),
                  st.rule.key)

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database) -> bool:
        """Open the dialog; True when a confirmation was recorded or withdrawn."""
        dialog = cls(db, parent)
        try:
            dialog.exec()
            return dialog.modified
        finally:
            dialog.deleteLater()

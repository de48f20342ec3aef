"""The claim calculator (请求金额计算器) and the wage parameters editor (工资参数).

One form per calculator (经济补偿, 赔偿金, 代通知金, 二倍工资, 加班费, 未休年休假工资, 工伤待遇);
the result shows its line items, the formula in words and every parameter used with its
source, marked 参考计算. Opened from Tools and from the case editor's claims tab, where
“Copy to claims” puts the amount into a claim of the case being edited. A wage figure that is
not entered is named, with a button to the parameters editor; nothing is guessed.
Calculations and parameter changes run on the background worker.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.calculators import Calculation, CalculatorKind, Pre2008Rule
from tribunal.domain.money import format_yuan, parse_yuan
from tribunal.domain.wage_parameters import MONTH_SCALE, ParameterKind, ParameterUnit
from tribunal.errors import MissingParameter, TribunalError, ValidationError
from tribunal.services import calculators, wage_parameters
from tribunal.services.app import Database
from tribunal.services.wage_parameters import StoredParameter
from tribunal.texts import reason_of
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.case_dialogs import make_date_edit, to_date
from tribunal.ui.dates import DateField
from tribunal.ui.feedback import FORM_STYLE
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import (
    MUTED_COLOUR,
    Column,
    RowsModel,
    make_table,
    set_column_widths,
    stretch_column,
)

_CTX = "ClaimCalculatorDialog"


class ClaimTarget(Protocol):
    """Where “Copy to claims” puts an amount: the claims of the case being edited."""

    def claim_labels(self) -> list[str]:
        """One label per existing claim, in order ("1. 支付经济补偿")."""
        ...

    def put_claim_amount(self, index: int | None, item: str, amount_fen: int) -> int:
        """Set the amount of claim ``index`` (None: a new claim reading ``item``); its number."""
        ...


@dataclass(frozen=True)
class _Field:
    name: str
    label: str
    kind: str  # date, optdate, money, optmoney, hours, count, year, area, grade, optgrade, pre2008
    maximum: int = 0


_DATE_START = _Field("start", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "First day of employment"), "date")
_AREA = _Field("area", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Area"), "area")
_FIELDS: dict[CalculatorKind, tuple[_Field, ...]] = {
    CalculatorKind.SEVERANCE: (
        _DATE_START, _Field("end", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Day the contract ended"), "date"),
        _Field("monthly_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Average monthly wage of the last 12 months"), "money"),
        _AREA, _Field("pre2008", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Service before 2008"), "pre2008")),
    CalculatorKind.DAMAGES: (
        _DATE_START, _Field("end", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Day the contract ended"), "date"),
        _Field("monthly_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Average monthly wage of the last 12 months"), "money"),
        _AREA),
    CalculatorKind.NOTICE_PAY: (
        _Field("last_month_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Wage of the month before"), "money"),),
    CalculatorKind.UNSIGNED_CONTRACT: (
        _DATE_START, _Field("until", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Last day claimed"), "date"),
        _Field("signed_on", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Written contract signed on"), "optdate"),
        _Field("monthly_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Monthly wage"), "money")),
    CalculatorKind.OVERTIME: (
        _Field("monthly_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Overtime wage base (monthly wage)"), "money"),
        _Field("workday_hours", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Hours beyond the working day (150%)"), "hours"),
        _Field("rest_day_hours", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Hours on rest days without time off (200%)"), "hours"),
        _Field("holiday_hours", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Hours on statutory holidays (300%)"), "hours")),
    CalculatorKind.ANNUAL_LEAVE: (
        _Field("monthly_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Monthly wage"), "money"),
        _Field("cumulative_years", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Cumulative years of work"), "count", 60),
        _Field("year", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Leave year"), "year"),
        _Field("days_taken", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Leave days already arranged"), "count", 365),
        _Field("joined_on", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Joined during that year on"), "optdate"),
        _Field("left_on", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Left during that year on"), "optdate")),
    CalculatorKind.INJURY: (
        _Field("grade", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Disability grade"), "optgrade"),
        _Field("own_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Own wage (12-month average contribution wage)"), "optmoney"),
        _Field("injury_date", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Day of the injury"), "date"),
        _AREA,
        _Field("stop_work_wage_fen", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Original monthly wage during time off"), "optmoney"),
        _Field("stop_work_months", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Time off with pay: whole months"), "count", 24),
        _Field("stop_work_days", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Time off with pay: further paid days"), "count", 31),
        _Field("ended_on", QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Employment ended on (grades 5–10)"), "optdate")),
}
_HOURS = re.compile(r"^\d{1,6}(\.\d{1,2})?$")


class _OptionalDate(QWidget):
    """A date that may be left out: a check box and a date field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(QCoreApplication.translate("ClaimCalculatorDialog", "Yes, on"))
        self.edit = make_date_edit()
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def value(self) -> dt.date | None:
        return to_date(self.edit) if self.check.isChecked() else None


class _Form(QWidget):
    """The inputs of one calculator."""

    def __init__(self, kind: CalculatorKind, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in _FIELDS[kind]:
            widget = self._widget(f, area)
            self.widgets[f.name] = widget
            self.labels[f.name] = QCoreApplication.translate("ClaimCalculatorDialog", f.label)
            form.addRow(self.labels[f.name], widget)

    def _widget(self, f: _Field, area: str) -> QWidget:
        if f.kind == "date":
            return make_date_edit()
        if f.kind == "optdate":
            return _OptionalDate()
        if f.kind in ("money", "optmoney", "hours"):
            edit = QLineEdit()
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText(QCoreApplication.translate("ClaimCalculatorDialog", "yuan") if f.kind != "hours"
                                    else QCoreApplication.translate("ClaimCalculatorDialog", "hours, e.g. 7.5"))
            return edit
        if f.kind in ("count", "year"):
            spin = QSpinBox()
            if f.kind == "year":
                spin.setRange(1990, 2100)
                spin.setValue(dt.date.today().year)
            else:
                spin.setRange(0, f.maximum)
            return spin
        if f.kind == "area":
            edit = QLineEdit(area)
            edit.setPlaceholderText(QCoreApplication.translate("ClaimCalculatorDialog", "e.g. 邵阳市"))
            return edit
        combo = QComboBox()
        if f.kind == "pre2008":
            combo.addItem(QCoreApplication.translate("ClaimCalculatorDialog", "Not applicable or not chosen"), None)
            for rule in Pre2008Rule:
                combo.addItem(lang.text(rule.label_zh), rule)
        else:
            combo.addItem(QCoreApplication.translate("ClaimCalculatorDialog", "No grade assessed"), None)
            for grade in range(1, 11):
                combo.addItem(QCoreApplication.translate("ClaimCalculatorDialog", "Grade {n}").format(n=grade), grade)
        return combo

    def offer_area(self, area: str) -> None:
        """Put the commission's area into an area field the clerk has left empty."""
        for f in _FIELDS[self.kind]:
            edit = self.widgets[f.name]
            if f.kind == "area" and isinstance(edit, QLineEdit) and not edit.text():
                edit.setText(area)

    def inputs(self) -> dict[str, Any]:
        """The calculator's arguments.

        Raises:
            ValidationError: an amount or a number of hours cannot be read.
        """
        out: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for f in _FIELDS[self.kind]:
            w = self.widgets[f.name]
            label = self.labels[f.name]
            if isinstance(w, DateField):  # before QLineEdit: a date field is a line edit
                out[f.name] = to_date(w)
            elif isinstance(w, _OptionalDate | QSpinBox):
                out[f.name] = w.value()
            elif isinstance(w, QComboBox):
                out[f.name] = w.currentData()
            elif isinstance(w, QLineEdit):
                text = w.text().strip()
                if f.kind == "area":
                    out[f.name] = text
                elif f.kind == "hours":
                    if text and not _HOURS.fullmatch(text):
                        problems[f.name] = f"{label}：应为不超过两位小数的非负数"
                    out[f.name] = Fraction(text) if text and _HOURS.fullmatch(text) else Fraction(0)
                elif not text:
                    out[f.name] = 0
                else:
                    try:
                        out[f.name] = parse_yuan(text)
                    except ValueError as exc:
                        problems[f.name] = f"{label}：{exc}"
        ValidationError.raise_if(problems, "计算条件")
        return out


def result_html(result: Calculation) -> str:
    """The result as the dialog shows it: total, line items, formula, parameters and sources, notes."""
    e = html.escape
    parts = [f"<h3>{e(result.title)}（{e(result.mark)}）</h3>",
             f"<p><b>合计：{format_yuan(result.total_fen)}元</b></p>",
             "<table width='100%' cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"]
    for item in result.items:
        parts.append(f"<tr><td>{e(item.label)}</td><td>{e(item.detail)}</td>"
                     f"<td align='right'>{format_yuan(item.amount_fen)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<p><b>计算方法：</b>{e(result.formula)}</p><p><b>所用参数及来源：</b></p><ul>")
    parts += [f"<li>{e(p.name)}：{e(p.value)}（来源：{e(p.source)}）</li>" for p in result.parameters]
    parts.append(f"</ul><p><b>依据：</b>{e(result.basis)}</p>")
    if result.notes:
        parts.append("<p><b>提示：</b></p><ul>" + "".join(f"<li>{e(n)}</li>" for n in result.notes) + "</ul>")
    return "".join(parts)


class ClaimCalculatorDialog(QDialog):
    """计算器: choose a calculator, fill its form, calculate, read the result, copy it to a claim."""

    def __init__(self, db: Database, parent: QWidget | None = None, target: ClaimTarget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._target = target
        self.calculation: Calculation | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Claim calculator"))
        self.setStyleSheet(FORM_STYLE)
        self.kind = QComboBox()
        self.forms = QStackedWidget()
        for kind in CalculatorKind:
            self.kind.addItem(lang.text(kind.label_zh), kind)
            self.forms.addWidget(_Form(kind, ""))
        # The commission's area (where the wage figures are looked up) arrives in the background.
        ops.run_read(self, lambda: wage_parameters.commission_area(db), self._offer_area,
                     on_failed=lambda _error: None, key="area")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.calculate_button = QPushButton(self.tr("Calculate"))
        self.calculate_button.setDefault(True)
        self.calculate_button.clicked.connect(self.calculate)
        self.params_button = QPushButton(self.tr("Wage parameters…"))
        self.params_button.clicked.connect(self.open_parameters)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.output = QTextBrowser()
        self.output.setPlaceholderText(self.tr("The result appears here, with its line items, formula, "
                                               "parameters and their sources."))
        self.claim_choice = QComboBox()
        self.copy_button = QPushButton(self.tr("Copy to claims"))
        self.copy_button.clicked.connect(self.copy_to_claim)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Calculator")))
        left.addWidget(self.kind)
        left.addWidget(self.forms)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.calculate_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.params_button)
        left.addLayout(buttons_row)
        left.addWidget(self.message)
        left.addStretch(1)
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel(self.tr("Into")))
        copy_row.addWidget(self.claim_choice, 1)
        copy_row.addWidget(self.copy_button)
        right = QVBoxLayout()
        right.addWidget(self.output, 1)
        right.addLayout(copy_row)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        close_box = QDialogButtonBox()
        close = close_box.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Reference calculation: the tribunal decides what is awarded. Wage figures "
                               "come from the commission's wage parameters, each with its source."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(close_box)
        self._fill_claims()
        self._update_buttons()
        self.resize(1200, 680)

    # ------------------------------------------------------------------ state

    def form(self) -> _Form:
        form = self.forms.currentWidget()
        assert isinstance(form, _Form)
        return form

    def select(self, kind: CalculatorKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _offer_area(self, area: str) -> None:
        for index in range(self.forms.count()):
            form = self.forms.widget(index)
            if isinstance(form, _Form):
                form.offer_area(area)

    def _kind_changed(self, index: int) -> None:
        self.forms.setCurrentIndex(index)
        self.calculation = None
        self.output.clear()
        self.message.hide()
        self._update_buttons()

    def _fill_claims(self) -> None:
        self.claim_choice.clear()
        self.claim_choice.addItem(self.tr("A new claim"), None)
        if self._target is not None:
            for i, label in enumerate(self._target.claim_labels()):
                self.claim_choice.addItem(label, i)

    def _update_buttons(self) -> None:
        self.calculate_button.setEnabled(not self.busy)
        can_copy = self._target is not None and self.calculation is not None and self.calculation.total_fen > 0
        self.copy_button.setEnabled(can_copy)
        self.claim_choice.setEnabled(can_copy)
        self.copy_button.setToolTip("" if self._target is not None else self.tr(
            "Open the calculator from a case's claims to copy an amount into them."))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("feedback", "error" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    # ------------------------------------------------------------------ actions

    def calculate(self) -> None:
        """Run the chosen calculator on the form (on the background worker)."""
        if self.busy:
            return
        form = self.form()
        try:
            inputs = form.inputs()
        except ValidationError as exc:
            self._say(lang.text(exc.message), error=True)
            return
        self.message.hide()
        self.busy = True
        self._update_buttons()
        db, kind = self._db, form.kind

        def done(result: Calculation) -> None:
            self.busy = False
            self.calculation = result
            self.output.setHtml(result_html(result))
            self._update_buttons()

        def failed(error: TribunalError) -> None:
            self.busy = False
            self.calculation = None
            self.output.clear()
            self._update_buttons()
            self._say(lang.text(error.message), error=True)
            if isinstance(error, MissingParameter):
                self.params_button.setFocus()

        ops.run_read(self, lambda: calculators.calculate(db, kind, **inputs), done, on_failed=failed)

    def copy_to_claim(self) -> None:
        """Put the result's total into the chosen claim (or a new one) of the case being edited."""
        if self._target is None or self.calculation is None:
            return
        index = self.claim_choice.currentData()
        number = self._target.put_claim_amount(index, f"支付{self.calculation.title}", self.calculation.total_fen)
        self._fill_claims()
        self._say(self.tr("Copied {amount} yuan into claim {n}.").format(
            amount=format_yuan(self.calculation.total_fen), n=number))

    def open_parameters(self) -> None:
        WageParametersDialog.ask(self, self._db)

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, target: ClaimTarget | None = None) -> None:
        """Open the calculator (modal over ``parent``)."""
        try:
            dialog = cls(db, parent, target)
        except TribunalError as exc:
            msgbox.show_error(parent, exc)
            return
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------- the parameters editor


def _period(r: StoredParameter) -> str:
    p = r.parameter
    return f"{p.valid_from:%Y-%m-%d} — {p.valid_to:%Y-%m-%d}" if p.valid_to else f"{p.valid_from:%Y-%m-%d} —"


def _standing(r: StoredParameter) -> str:
    if r.active:
        return ""
    return QCoreApplication.translate("ClaimCalculatorDialog", "Removed by {who}: {why}").format(who=r.withdrawn_by,
                                                                            why=r.withdrawn_reason)


_PARAM_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Figure"), lambda r: lang.text(r.parameter.kind.label_zh)),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Area"), lambda r: r.parameter.area),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Grade"), lambda r: str(r.parameter.grade or "")),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Applies"), _period),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Value"), lambda r: r.parameter.value_text()),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Source"), lambda r: r.parameter.source, tooltip=lambda r: r.parameter.source),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Entered by"), lambda r: f"{r.entered_by}，{r.entered_at:%Y-%m-%d}"),
    Column(QT_TRANSLATE_NOOP("ClaimCalculatorDialog", "Standing"), _standing,
           foreground=lambda r: None if r.active else MUTED_COLOUR),
)


class WageParametersDialog(QDialog):
    """工资参数: the commission's dated figures with their sources; add one, remove one (with a reason)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.busy = False
        self.modified = False
        self.setWindowTitle(self.tr("Wage parameters"))
        self.setStyleSheet(FORM_STYLE)
        intro = QLabel(self.tr(
            "The program ships no figures: enter each one as published, with the date it applies from "
            "and the document it comes from. Calculations use the figure in force on the relevant date "
            "for the area; a figure that is missing is asked for, never guessed."))
        intro.setWordWrap(True)
        self.show_removed = QCheckBox(self.tr("Show removed figures"))
        self.show_removed.toggled.connect(lambda _on: self.reload())
        self.model = RowsModel(_CTX, _PARAM_COLUMNS, key=lambda r: r.parameter.id, parent=self)
        self.view = make_table(self.model)
        set_column_widths(self.view, {0: "一次性伤残就业补助金标准", 1: "邵阳市", 2: "10", 3: "2026-01-01 — 2026-12-31",
                                      4: "18.5个月的统筹地区上年度职工月平均工资", 6: "测试书记员，2026-12-01"})
        stretch_column(self.view, 5)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.remove_button = QPushButton(self.tr("Remove the selected figure…"))
        self.remove_button.clicked.connect(self.remove)

        self.kind = QComboBox()
        for kind in ParameterKind:
            self.kind.addItem(lang.text(kind.label_zh), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.area = QLineEdit()
        ops.run_read(self, lambda: wage_parameters.commission_area(db),
                     lambda area: self.area.setText(self.area.text() or area), on_failed=lambda _error: None,
                     key="area")
        self.grade = QComboBox()
        for grade in range(1, 11):
            self.grade.addItem(QCoreApplication.translate("ClaimCalculatorDialog", "Grade {n}").format(n=grade), grade)
        self.grade.setCurrentIndex(4)
        self.valid_from = make_date_edit()
        self.valid_to = _OptionalDate()
        self.unit = QComboBox()
        for unit, label in ((ParameterUnit.FEN, self.tr("Amount in yuan")),
                            (ParameterUnit.MONTHS_AVERAGE, self.tr("Months of the area's average monthly wage")),
                            (ParameterUnit.MONTHS_OWN, self.tr("Months of the worker's own wage"))):
            self.unit.addItem(label, unit)
        self.value = QLineEdit()
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Title and number of the published document"))
        self.note = QLineEdit()
        self.add_button = QPushButton(self.tr("Add this figure"))
        self.add_button.clicked.connect(self.add)
        box = QGroupBox(self.tr("Enter a figure"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Figure"), self.kind)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Disability grade"), self.grade)
        form.addRow(self.tr("Applies from"), self.valid_from)
        form.addRow(self.tr("Applies until"), self.valid_to)
        form.addRow(self.tr("Given as"), self.unit)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.add_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        close_box = QDialogButtonBox()
        close = close_box.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.show_removed)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(top)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(close_box)
        self._kind_changed()
        self.resize(1100, 700)
        self.reload()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        graded = bool(kind is not None and kind.graded)
        self.grade.setEnabled(graded)
        self.unit.setEnabled(graded)
        if not graded:
            self.unit.setCurrentIndex(0)

    def reload(self, select: int | None = None) -> None:
        """Read the figures again (in the background); select ``select`` once they are shown."""
        db, removed = self._db, self.show_removed.isChecked()
        ops.run_read(self, lambda: wage_parameters.list_parameters(db, include_removed=removed),
                     lambda rows: self._show_rows(rows, select),
                     on_failed=lambda exc: self._say(lang.text(exc.message), error=True), key="list")

    def _show_rows(self, rows: list[StoredParameter], select: int | None) -> None:
        self.model.set_rows(rows)
        if select is not None:
            row = self.model.row_of(select)
            if row is not None:
                self.view.selectRow(row)
        self._update_buttons()

    def selected(self) -> StoredParameter | None:
        rows = self.view.selectionModel().selectedRows()
        found = self.model.row(rows[0].row()) if rows else None
        return found if isinstance(found, StoredParameter) else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.remove_button.setEnabled(not self.busy and chosen is not None and chosen.active)
        self.add_button.setEnabled(not self.busy)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("feedback", "error" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def _value(self, unit: ParameterUnit) -> int:
        text = self.value.text().strip()
        if unit is ParameterUnit.FEN:
            try:
                return parse_yuan(text)
            except ValueError as exc:
                raise ValidationError(reason_of(exc), {"value": reason_of(exc)}) from None
        if not re.fullmatch(r"\d{1,3}(\.\d{1,2})?", text):
            raise ValidationError("月数应为不超过两位小数的数，如 6 或 8.5", {"value": "月数不正确"})
        return int(Fraction(text) * MONTH_SCALE)

    def _run(self, work: Callable[[], Any], done_text: Callable[[Any], str]) -> None:
        self.busy = True
        self._update_buttons()

        def done(result: StoredParameter) -> None:
            self.busy = False
            self.modified = True
            self.reload(select=result.parameter.id)
            self._say(done_text(result))

        def failed(error: TribunalError) -> None:
            self.busy = False
            self._update_buttons()
            self._say(lang.text(error.message), error=True)

        # The parameters are commission settings other calculators and workstations read.
        ops.run_write(self, work, changes=ops.Changes.SETTINGS, on_done=done, on_failed=failed)

    def add(self) -> None:
        """Enter the figure of the form."""
        if self.busy:
            return
        kind: ParameterKind = self.kind.currentData()
        unit: ParameterUnit = self.unit.currentData() if kind.graded else ParameterUnit.FEN
        try:
            value = self._value(unit)
        except ValidationError as exc:
            self._say(lang.text(exc.message), error=True)
            return
        db, area, since, until = self._db, self.area.text(), to_date(self.valid_from), self.valid_to.value()
        grade = self.grade.currentData() if kind.graded else None
        source, note = self.source.text(), self.note.text()
        self._run(lambda: wage_parameters.add(db, kind, area, since, value, source, unit=unit, grade=grade,
                                              valid_to=until, note=note),
                  lambda r: self.tr("Entered: {what}").format(what=r.parameter.describe()))

    def remove(self) -> None:
        """Remove the selected figure, with a reason (it stays on record)."""
        chosen = self.selected()
        if chosen is None or self.busy or chosen.parameter.id is None:
            return
        reason = msgbox.ask_text(self, self.tr("Remove figure"), self.tr("Why is this figure removed?"))
        if reason is None:
            return
        db, pid = self._db, chosen.parameter.id
        self._run(lambda: wage_parameters.remove(db, pid, reason),
                  lambda r: self.tr("Removed: {what}").format(what=r.parameter.describe()))

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database) -> bool:
        """Open the editor; True when a figure was entered or removed."""
        dialog = cls(db, parent)
        try:
            dialog.exec()
            return dialog.modified
        finally:
            dialog.deleteLater()

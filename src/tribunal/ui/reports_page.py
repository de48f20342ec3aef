"""The 统计 page: the circuit tribunal report, the official returns' table and the charts, for any period.

Every figure opens the list behind it (double-click or Enter). The page's data is loaded in
one method, :meth:`ReportsPage.load`, off the GUI thread; the charts are the report's own
ReportLab charts as SVG (the same drawings the PDF prints), shown with QtSvg.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.reports import DEFINITIONS, PRESETS, period_for
from tribunal.errors import TribunalError
from tribunal.services import enterprises, reference, report_export, reports
from tribunal.services.app import Database
from tribunal.services.enterprises import ZoneRow
from tribunal.services.reference import TribunalRow
from tribunal.services.report_export import format_value
from tribunal.services.reports import (
    CircuitReport,
    FigureLine,
    FigureList,
    ReportRequest,
    StatsReport,
)
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.dates import DateField, pydate, qdate
from tribunal.ui.hearings_page import choose_save_file
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import Column, RowsModel, make_table, set_column_widths, stretch_column

CUSTOM = "custom"
_HEADING = QColor("#1f4e79")


def _lines_model(parent: QWidget) -> RowsModel:
    def definition(line: FigureLine) -> str | None:
        found = DEFINITIONS.get(line.definition)
        return lang.text(found) if found else None

    columns = (
        Column(QT_TRANSLATE_NOOP("ReportsPage", "Figure"), lambda r: ("　　" * r.indent) + lang.text(r.label),
               tooltip=definition, foreground=lambda r: _HEADING if r.heading else None),
        Column(QT_TRANSLATE_NOOP("ReportsPage", "This period"),
               lambda r: "" if r.heading else format_value(r.now, r.kind), align_right=True, tooltip=definition),
        Column(QT_TRANSLATE_NOOP("ReportsPage", "Same period last year"),
               lambda r: "" if r.heading else format_value(r.last, r.kind), align_right=True),
        # A part ("其中…") shares the definition of the figure above it: shown once.
        Column(QT_TRANSLATE_NOOP("ReportsPage", "What it counts"),
               lambda r: "" if r.indent else lang.text(DEFINITIONS.get(r.definition, "")), tooltip=definition),
    )
    return RowsModel("ReportsPage", columns, key=lambda r: r.key or r.label, parent=parent)


def _cell(i: int) -> Callable[[Any], str]:
    return lambda row: lang.text(row.cells[i]) if i < len(row.cells) else ""


class FigureListDialog(QDialog):
    """The cases, hearings, enterprises or people behind one figure; a case opens on double-click.

    Signals:
        case_opened(int): the clerk opened a case of the list (its id).
    """

    case_opened = Signal(int)

    def __init__(self, listed: FigureList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listed = listed
        self.setWindowTitle(lang.text(listed.title))
        self.resize(960, 560)
        columns = [Column(lang.text(h), _cell(i), tooltip=_cell(i)) for i, h in enumerate(listed.headers)]
        self.model = RowsModel("FigureListDialog", columns, key=lambda r: id(r), parent=self)
        self.model.set_rows(listed.rows)
        self.view = make_table(self.model)
        self.view.resizeColumnsToContents()
        for column in range(len(listed.headers)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 420))
        self.view.activated.connect(self._activated)
        count = QLabel(self.tr("{count} in the list").format(count=len(listed.rows)))
        hint = QLabel(self.tr("Double-click a line to open its case.") if listed.kind in ("cases", "hearings",
                                                                                            "people", "sessions")
                      else "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(count)
        top.addStretch(1)
        top.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None and row.case_id is not None:
            self.case_opened.emit(row.case_id)
            self.accept()


#: What the background read of a report answers: the request it answers, both reports, the
#: charts as SVG and the circuit report's lines.
_Answer = tuple[ReportRequest, CircuitReport, StatsReport, dict[str, bytes], list[FigureLine]]


class ReportsPage(QWidget):
    """统计: choose a period and filters; read the figures, the returns' table and the charts; export.

    Signals:
        case_opened(int): the clerk opened a case from the list behind a figure.
        loaded(): the figures on screen were (re)loaded (tests wait for it).
    """

    case_opened = Signal(int)
    loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        #: The day presets are reckoned from (tests set a fixed day).
        self.today = dt.date.today
        self.circuit: CircuitReport | None = None
        self.stats: StatsReport | None = None
        self.request: ReportRequest | None = None
        self._filling = False

        self.preset = QComboBox()
        for key, text in zip((*PRESETS, CUSTOM), (self.tr("This month"), self.tr("Last month"),
                                                  self.tr("This quarter"), self.tr("This year"),
                                                  self.tr("Custom")), strict=True):
            self.preset.addItem(text, key)
        self.date_from = DateField()
        self.date_to = DateField()
        self.zone = QComboBox()
        self.tribunal = QComboBox()
        self.export_xlsx_button = QPushButton(self.tr("Export to Excel…"))
        self.export_pdf_button = QPushButton(self.tr("Export to PDF…"))
        self.export_xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.export_pdf_button.clicked.connect(lambda: self.export(".pdf"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.preset)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.date_to)
        bar.addSpacing(12)
        bar.addWidget(self.zone)
        bar.addWidget(self.tribunal)
        bar.addStretch(1)
        bar.addWidget(self.export_xlsx_button)
        bar.addWidget(self.export_pdf_button)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5300;")

        self.circuit_model = _lines_model(self)
        self.circuit_view = self._lines_view(self.circuit_model)
        self.stats_model = _lines_model(self)
        self.stats_view = self._lines_view(self.stats_model)
        self.charts: dict[str, QSvgWidget] = {}
        chart_area = QWidget()
        grid = QGridLayout(chart_area)
        for n, key in enumerate(("monthly", "types", "mediation", "reach")):
            widget = QSvgWidget()
            widget.setMinimumSize(440, 220)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.charts[key] = widget
            grid.addWidget(widget, n // 2, n % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(chart_area)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.circuit_view, self.tr("Circuit tribunal work"))
        self.tabs.addTab(scroll, self.tr("Charts"))
        self.tabs.addTab(self.stats_view, self.tr("Dispute statistics (official return)"))
        hint = QLabel(self.tr("Double-click a figure to see the cases, hearings, enterprises or people "
                              "behind it. Hover over a figure for its definition."))
        hint.setProperty("feedback", "hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(hint)

        self._fill_filters()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_changed)
        self.zone.currentIndexChanged.connect(self._filters_changed)
        self.tribunal.currentIndexChanged.connect(self._filters_changed)
        self._preset_changed()

    def _lines_view(self, model: RowsModel) -> QTableView:
        view = make_table(model)
        set_column_widths(view, {0: "审理周期中位数，扣除中止、公告期间（天）", 1: "100,000,000.00", 2: "100,000,000.00"})
        stretch_column(view, 3)
        view.activated.connect(lambda index, m=model: self._line_activated(m, index))
        return view

    def _fill_filters(self) -> None:
        """Offer "all", then read the zones and circuit tribunals in the background."""
        self._filling = True
        try:
            self.zone.addItem(self.tr("All zones"), None)
            self.tribunal.addItem(self.tr("All circuit tribunals"), None)
        finally:
            self._filling = False
        db = self._db

        def work() -> tuple[list[ZoneRow], list[TribunalRow]]:
            return enterprises.list_zones(db), reference.list_tribunals(db)

        ops.run_read(self, work, self._show_filters, on_failed=lambda e: self.message.setText(lang.text(e.message)),
                     key="filters")

    def _show_filters(self, answer: tuple[list[ZoneRow], list[TribunalRow]]) -> None:
        zones, tribunals = answer
        self._filling = True
        try:
            for z in zones:
                self.zone.addItem(z.name, z.id)
            for t in tribunals:
                self.tribunal.addItem(t.name, t.id)
        finally:
            self._filling = False

    # ------------------------------------------------------------------ the request

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        custom = key == CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            period = period_for(key, self.today())
            self._filling = True
            try:
                self.date_from.setDate(qdate(period.start))
                self.date_to.setDate(qdate(period.end))
            finally:
                self._filling = False
        self.load()

    def _dates_changed(self) -> None:
        if not self._filling and self.preset.currentData() == CUSTOM:
            self.load()

    def _filters_changed(self) -> None:
        if not self._filling:
            self.load()

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Show a custom period (used by the dashboard and by tests)."""
        self._filling = True
        try:
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.date_from.setEnabled(True)
            self.date_to.setEnabled(True)
            self.date_from.setDate(qdate(start))
            self.date_to.setDate(qdate(end))
        finally:
            self._filling = False
        self.load()

    def current_request(self) -> ReportRequest:
        """The period and filters as chosen on screen."""
        return ReportRequest(pydate(self.date_from.date()), pydate(self.date_to.date()),
                             self.zone.currentData(), self.tribunal.currentData())

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        """Compute the report for the chosen period and filters, in the background, and show it."""
        request = self.current_request()
        db, today = self._db, self.today()

        def work() -> _Answer:
            circuit = reports.circuit_report(db, request, today=today)
            stats = reports.stats_report(db, request, today=today)
            return request, circuit, stats, report_export.chart_svgs(circuit, translate=lang.text), reports.circuit_lines(circuit)

        self.heading.setText(self.tr("Counting…"))
        ops.run_read(self, work, self._show, on_failed=self._failed, key="report")

    def _show(self, result: _Answer) -> None:
        request, circuit, stats, svgs, lines = result
        if request != self.current_request():
            return  # the clerk has asked for something else meanwhile; that answer is coming
        self.request, self.circuit, self.stats = request, circuit, stats
        scope = circuit.scope
        self.heading.setText(self.tr("{period} · {scope}").format(period=lang.text(scope.period_text), scope=lang.text(scope.filter_text)))
        self.circuit_model.set_rows(lines)
        self.stats_model.set_rows(stats.lines)
        #: The charts as shown (SVG documents by key), for a look at what the screen drew.
        self.chart_svgs: dict[str, bytes] = svgs
        for key, svg in svgs.items():
            self.charts[key].load(QByteArray(svg))
        notes = list(circuit.notes) + list(stats.notes)
        self.message.setText("\n".join(lang.text(n) for n in notes))
        self.message.setVisible(bool(notes))
        self.loaded.emit()

    def _failed(self, error: TribunalError) -> None:
        # No figures rather than the previous period's figures under a new heading.
        self.circuit_model.set_rows([])
        self.stats_model.set_rows([])
        self.circuit = self.stats = self.request = None
        self.heading.setText("")
        self.message.setText(lang.text(error.message))
        self.message.show()
        self.loaded.emit()

    # ------------------------------------------------------------------ the lists behind the figures

    def _line_activated(self, model: RowsModel, index: QModelIndex) -> None:
        line: FigureLine | None = model.row(index.row())
        if line is None or line.heading or self.request is None:
            return
        self.open_figure(line.key, self.request, last_year=index.column() == 2)

    def open_figure(self, key: str, request: ReportRequest, *, last_year: bool = False) -> None:
        """Show the list behind the figure ``key`` (looked up in the background)."""
        db, today = self._db, self.today()
        ops.run_read(self, lambda: reports.figure_list(db, request, key, last_year=last_year, today=today),
                     self.show_list, key="list")

    def show_list(self, listed: FigureList) -> Any:
        """Show one list (separate so tests can look at the dialog)."""
        dialog = FigureListDialog(listed, self)
        dialog.case_opened.connect(self.case_opened)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ export

    def export(self, suffix: str) -> None:
        """Save the report on screen as .xlsx or .pdf (the circuit report; the returns' table when it is shown)."""
        report = self.stats if self.tabs.currentWidget() is self.stats_view else self.circuit
        if report is None:
            return
        name = ("劳动人事争议处理情况统计表" if report is self.stats else "巡回仲裁庭工作情况统计表")
        suggested = f"{name}（{report.scope.requested.label}）{suffix}"
        path = choose_save_file(self, self.tr("Export report"), suggested,
                                self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        db = self._db
        # A file written and an audit entry, nothing a page shows: no broadcast.
        ops.run_write(self, lambda: report_export.export_report(db, report, path),
                      changes=ops.Changes.NONE,
                      on_done=lambda saved: msgbox.information(self, self.tr("Report exported"),
                                                               self.tr("Saved to {path}").format(path=saved)),
                      progress=ops.Progress(self.tr("Exporting the report…")))

    def save_state(self) -> None:
        """Nothing to keep between sessions (the main window asks every built page)."""

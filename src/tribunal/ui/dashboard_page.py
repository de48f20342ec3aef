"""The dashboard (工作台): today's figures from the case register and the most common actions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseStatus
from tribunal.errors import TribunalError
from tribunal.services import cases as case_service
from tribunal.services.app import Database
from tribunal.services.cases import CaseFilter
from tribunal.ui import lang

#: Names of the figures, also passed with :attr:`DashboardPage.figure_opened`.
FIGURE_OPEN = "open"
FIGURE_RECEIVED_THIS_MONTH = "received_this_month"
FIGURE_CLOSED_THIS_YEAR = "closed_this_year"

_CARD_STYLE = """
QFrame#figureCard { background: palette(base); border: 1px solid #c8ccd0; border-radius: 6px; }
QLabel#figureNumber { color: #1f4e79; }
"""


def figure_filters(today: dt.date) -> dict[str, CaseFilter]:
    """The case-list filter behind each dashboard figure."""
    return {
        FIGURE_OPEN: CaseFilter(open_only=True),
        FIGURE_RECEIVED_THIS_MONTH: CaseFilter(received_from=today.replace(day=1), received_to=today),
        FIGURE_CLOSED_THIS_YEAR: CaseFilter(status=CaseStatus.CLOSED, year=today.year),
    }


class DashboardPage(QWidget):
    """工作台: how many cases are open, came in this month and were closed this year.

    Signals:
        new_case_requested(): the clerk pressed "Register new case" (or Ctrl+N here).
        find_case_requested(): the clerk pressed "Find a case" (or Ctrl+F here).
        figure_opened(str): the clerk asked to list the cases behind a figure (FIGURE_*).
    """

    new_case_requested = Signal()
    find_case_requested = Signal()
    figure_opened = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setStyleSheet(_CARD_STYLE)
        self.greeting = QLabel()
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.greeting.setFont(font)
        self.greeting.setWordWrap(True)
        self.today_label = QLabel()

        self.numbers: dict[str, QLabel] = {}
        cards = QGridLayout()
        cards.setHorizontalSpacing(16)
        captions = {
            FIGURE_OPEN: (self.tr("Open cases"), self.tr("Cases not yet closed")),
            FIGURE_RECEIVED_THIS_MONTH: (self.tr("Received this month"),
                                         self.tr("Cases received since the 1st of this month")),
            FIGURE_CLOSED_THIS_YEAR: (self.tr("Closed, received this year"),
                                      self.tr("Cases received this year that are already closed")),
        }
        for column, (key, (title, explanation)) in enumerate(captions.items()):
            cards.addWidget(self._card(key, title, explanation), 0, column)
            cards.setColumnStretch(column, 1)

        self.new_case_button = QPushButton(self.tr("Register new case"))
        self.find_case_button = QPushButton(self.tr("Find a case"))
        for button in (self.new_case_button, self.find_case_button):
            button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.new_case_button.setToolTip(self.tr("Ctrl+N"))
        self.find_case_button.setToolTip(self.tr("Ctrl+F"))
        self.new_case_button.clicked.connect(self.new_case_requested)
        self.find_case_button.clicked.connect(self.find_case_requested)
        quick = QHBoxLayout()
        quick.addWidget(self.new_case_button)
        quick.addWidget(self.find_case_button)
        quick.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(self.greeting)
        layout.addWidget(self.today_label)
        layout.addLayout(cards)
        layout.addWidget(QLabel(self.tr("Quick actions")))
        layout.addLayout(quick)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _card(self, key: str, title: str, explanation: str) -> QFrame:
        card = QFrame()
        card.setObjectName("figureCard")
        number = QLabel("—")
        number.setObjectName("figureNumber")
        font = number.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        number.setFont(font)
        self.numbers[key] = number
        caption = QLabel(title)
        bold = caption.font()
        bold.setBold(True)
        caption.setFont(bold)
        note = QLabel(explanation)
        note.setWordWrap(True)
        note.setProperty("feedback", "hint")
        show = QPushButton(self.tr("Show these cases"))
        show.clicked.connect(lambda: self.figure_opened.emit(key))
        box = QVBoxLayout(card)
        box.addWidget(caption)
        box.addWidget(number)
        box.addWidget(note)
        box.addWidget(show, alignment=Qt.AlignmentFlag.AlignLeft)
        return card

    # ------------------------------------------------------------------ page protocol

    def focus_search(self) -> None:
        """Ctrl+F on the dashboard: go and find a case."""
        self.find_case_requested.emit()

    def create_item(self) -> None:
        """Ctrl+N on the dashboard: register a new case."""
        self.new_case_requested.emit()

    def refresh(self, *, clerk: str = "", commission: str = "") -> None:
        """Count the cases again (after start-up and whenever a case is saved)."""
        if clerk or commission:
            who = clerk or self.tr("colleague")
            self.greeting.setText(self.tr("Hello, {name}").format(name=who)
                                  + (f"　·　{commission}" if commission else ""))
        today = dt.date.today()
        self.today_label.setText(self.tr("Today is {date}").format(date=lang.long_date_text(today)))
        try:
            for key, case_filter in figure_filters(today).items():
                self.numbers[key].setText(str(case_service.count_cases(self._db, case_filter)))
        except TribunalError as exc:
            self.message.setText(exc.message)
            return
        self.message.clear()

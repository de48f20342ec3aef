"""Calendar views of the hearings (开庭日历): a month grid, a week of time blocks, and a day list.

The views hold no database: the hearings page gives them plain rows
(:class:`~tribunal.services.hearings.HearingRow`) and the tribunals' colours, and listens
for :attr:`hearing_opened` when the clerk clicks a hearing. Each hearing is a "chip"
coloured by its circuit tribunal; the chip's words (time, case number, and 已延期/已取消
when so) carry the meaning without the colour.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import HearingStatus
from tribunal.services.hearings import HearingRow
from tribunal.ui import lang
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import MUTED_COLOUR, Column, RowsModel, make_table, set_column_widths

#: Colour of a hearing whose tribunal has none (or no tribunal at all).
DEFAULT_COLOUR = "#5f6b7a"
#: Chips shown in one day of the month grid before "+N more".
MONTH_CHIPS = 3
#: Hours always shown in the week view (widened when a hearing lies outside).
WEEK_FIRST_HOUR = 8
WEEK_LAST_HOUR = 18

_SHORT_NUMBER = re.compile(r"(第?\d+(?:-\d+)?号)$")
_INACTIVE = (HearingStatus.POSTPONED, HearingStatus.CANCELLED)


def weekday_text(day: dt.date) -> str:
    """周一 … 周日 (Mon … Sun in English)."""
    return lang.weekday_text(day)


def short_number(number: str) -> str:
    """The end of a case number that tells cases apart in a small space (``第24号``)."""
    match = _SHORT_NUMBER.search(number)
    return match.group(1) if match else number


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def month_grid_start(month: dt.date) -> dt.date:
    """The Monday on or before the 1st of ``month``: the first cell of the month grid."""
    return week_start(month.replace(day=1))


def tint(colour: str, share: float = 0.82) -> QColor:
    """``colour`` mixed with white (``share`` of white): a background light enough for dark text."""
    base = QColor(colour)
    if not base.isValid():
        base = QColor(DEFAULT_COLOUR)
    return QColor(
        round(base.red() + (255 - base.red()) * share),
        round(base.green() + (255 - base.green()) * share),
        round(base.blue() + (255 - base.blue()) * share),
    )


def status_marker(row: HearingRow) -> str:
    """``〔已延期〕`` / ``〔已取消〕`` for hearings no longer on; "" otherwise."""
    if row.status in _INACTIVE:
        return f"〔{lang.label(row.status)}〕"
    return ""


def hearing_tooltip(row: HearingRow, tribunal: str = "") -> str:
    """Everything about a hearing a chip has no room for."""
    lines = [
        f"{row.starts_at:%Y-%m-%d} {weekday_text(row.starts_at.date())} "
        f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}",
        row.case_number,
        lang.label(row.case_type),
        row.venue,
    ]
    if tribunal:
        lines.append(tribunal)
    lines.append(lang.label(row.status) + ("" if row.public else "　" + QCoreApplication.translate(
        "CalendarViews", "not public")))
    return "\n".join(lines)


# ---------------------------------------------------------------------- one hearing


def fit_chip_line(line: str, metrics: QFontMetrics, width: int) -> str:
    """``line`` in the narrowest form that fits: the case number is shortened before it is cut.

    "09:30 第10824号" becomes "09:30 10824号", "09:30 10824", then "9:30 10824"; only when
    even that does not fit is the end cut off (the tooltip has it all).
    """
    forms = [line]
    shorter = line.replace("第", "", 1)
    forms.append(shorter)
    shorter = re.sub(r"(\d)号", r"\1", shorter, count=1)
    forms.append(shorter)
    forms.append(re.sub(r"^0(\d:\d\d)", r"\1", shorter))
    for form in forms:
        if metrics.horizontalAdvance(form) <= width:
            return form
    return metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, width)


class HearingChip(QWidget):
    """One hearing as a small coloured block; a click opens it.

    Signals:
        clicked(int): the hearing's id.
    """

    clicked = Signal(int)

    def __init__(self, row: HearingRow, colour: str, text: str, tooltip: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.hearing_id = row.id
        self.colour = colour
        #: Wrap long lines when the chip is tall enough (the week view's blocks).
        self.wrap = False
        self._text = text
        self.setToolTip(tooltip)
        self.setAccessibleName(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(12)

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        lines = max(self._text.count("\n") + 1, 1)
        return QSize(metrics.horizontalAdvance(self._text.split("\n")[0]) + 14,
                     metrics.height() * lines + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(12, self.fontMetrics().height() + 6)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inactive = self.row.status in _INACTIVE
        edge = QColor(MUTED_COLOUR) if inactive else QColor(self.colour)
        fill = QColor("#eeeeee") if inactive else tint(self.colour)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(edge, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), edge)
        painter.setPen(QColor("#5f6368") if inactive else QColor("#1f2328"))
        font = QFont(self.font())
        font.setStrikeOut(self.row.status == HearingStatus.CANCELLED)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text_rect = self.rect().adjusted(8, 2, -3, -2)
        if self.wrap and text_rect.height() >= metrics.height() * 2:
            # A tall block (week view): wrap into the space; Chinese breaks between characters.
            painter.setClipRect(text_rect)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                            | Qt.TextFlag.TextWrapAnywhere), self._text)
            painter.end()
            return
        y = text_rect.top()
        for line in self._text.split("\n"):
            if y + metrics.height() > text_rect.bottom() + 2:
                break
            elided = fit_chip_line(line, metrics, text_rect.width())
            painter.drawText(QRect(text_rect.left(), y, text_rect.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
            y += metrics.height()
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.hearing_id)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class _Colours:
    """Tribunal id → colour and name, with a fallback."""

    def __init__(self) -> None:
        self.colours: dict[int, str] = {}
        self.names: dict[int, str] = {}

    def colour(self, tribunal_id: int | None) -> str:
        return self.colours.get(tribunal_id, DEFAULT_COLOUR) if tribunal_id is not None else DEFAULT_COLOUR

    def name(self, tribunal_id: int | None) -> str:
        return self.names.get(tribunal_id, "") if tribunal_id is not None else ""


# ---------------------------------------------------------------------- the month


class DayCell(QFrame):
    """One day of the month grid: its number, any holiday name, and the day's hearings.

    Signals:
        day_activated(object): the day was double-clicked (its date).
        more_clicked(object): "+N more" was clicked (its date).
    """

    day_activated = Signal(object)
    more_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = dt.date.today()
        self.setObjectName("dayCell")
        self.number = QLabel()
        self.note = QLabel()
        self.note.setStyleSheet("color: #8a5300;")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.number)
        top.addStretch(1)
        top.addWidget(self.note)
        self.more = QPushButton()
        self.more.setFlat(True)
        self.more.setStyleSheet("QPushButton { color: #1f4e79; text-align: left; padding: 0 4px; border: 0; }")
        self.more.clicked.connect(lambda: self.more_clicked.emit(self.day))
        self.more.hide()
        self.chips: list[HearingChip] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(4, 2, 4, 2)
        self._box.setSpacing(2)
        self._box.addLayout(top)
        self._box.addStretch(1)
        self._box.addWidget(self.more)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_day(self, day: dt.date, *, in_month: bool, today: bool, note: str, rest: bool) -> None:
        self.day = day
        self.number.setText(str(day.day))
        font = self.number.font()
        font.setBold(today)
        self.number.setFont(font)
        colour = "#1f4e79" if today else ("#1f2328" if in_month else "#9aa0a6")
        self.number.setStyleSheet(f"color: {colour};")
        self.note.setText(note)
        self.note.setToolTip(note)
        background = "#ffffff" if in_month else "#f6f7f8"
        if rest and in_month:
            background = "#fbf8f1"
        border = "2px solid #1f4e79" if today else "1px solid #d5d9de"
        self.setStyleSheet(f"QFrame#dayCell {{ background: {background}; border: {border}; }}")

    def set_chips(self, chips: list[HearingChip], hidden: int) -> None:
        for chip in self.chips:
            chip.hide()  # deleteLater waits for the event loop; never paint a stale chip
            chip.deleteLater()
        self.chips = chips
        for i, chip in enumerate(chips):
            self._box.insertWidget(1 + i, chip)
        self.more.setText(QCoreApplication.translate("CalendarViews", "+{count} more").format(count=hidden))
        self.more.setVisible(hidden > 0)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.day_activated.emit(self.day)
        event.accept()


class MonthView(QWidget):
    """A month as a grid of days (Monday first) with the hearings as coloured chips.

    Signals:
        hearing_opened(int): a hearing was clicked.
        day_opened(object): the clerk asked to see one day (its date), e.g. "+N more".
        new_hearing_requested(object): a day was double-clicked (its date).
    """

    hearing_opened = Signal(int)
    day_opened = Signal(object)
    new_hearing_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._month = dt.date.today().replace(day=1)
        self._today = dt.date.today()
        self._rows: list[HearingRow] = []
        self._colours = _Colours()
        self.day_note: Callable[[dt.date], tuple[str, bool]] = lambda _d: ("", _d.weekday() >= 5)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        self._headers: list[QLabel] = []
        for column in range(7):
            header = QLabel()
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("padding: 3px; background: #eef1f4; color: #4a5560;")
            grid.addWidget(header, 0, column)
            self._headers.append(header)
            grid.setColumnStretch(column, 1)
        self.cells: list[DayCell] = []
        for index in range(42):
            cell = DayCell()
            cell.day_activated.connect(self.new_hearing_requested)
            cell.more_clicked.connect(self.day_opened)
            grid.addWidget(cell, 1 + index // 7, index % 7)
            self.cells.append(cell)
        for row in range(1, 7):
            grid.setRowStretch(row, 1)
        self._rebuild()

    # ------------------------------------------------------------------ contents

    def month(self) -> dt.date:
        """The 1st of the month shown."""
        return self._month

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day the grid shows (six whole weeks)."""
        first = month_grid_start(self._month)
        return first, first + dt.timedelta(days=41)

    def set_month(self, day: dt.date) -> None:
        """Show the month containing ``day``."""
        self._month = day.replace(day=1)
        self._rebuild()

    def set_today(self, day: dt.date) -> None:
        self._today = day
        self._rebuild()

    def set_tribunals(self, colours: Mapping[int, str], names: Mapping[int, str]) -> None:
        self._colours.colours = dict(colours)
        self._colours.names = dict(names)
        self._rebuild()

    def set_hearings(self, rows: Iterable[HearingRow]) -> None:
        """Show these hearings (those outside the grid are ignored)."""
        self._rows = sorted(rows, key=lambda r: (r.starts_at, r.id))
        self._rebuild()

    def chips(self) -> list[HearingChip]:
        """Every chip shown, in date order."""
        return [chip for cell in self.cells for chip in cell.chips]

    def cell_of(self, day: dt.date) -> DayCell | None:
        return next((c for c in self.cells if c.day == day), None)

    def _rebuild(self) -> None:
        for column, header in enumerate(self._headers):
            header.setText(weekday_text(dt.date(2024, 1, 1) + dt.timedelta(days=column)))
        first, _last = self.period()
        by_day: dict[dt.date, list[HearingRow]] = {}
        for row in self._rows:
            by_day.setdefault(row.starts_at.date(), []).append(row)
        for index, cell in enumerate(self.cells):
            day = first + dt.timedelta(days=index)
            note, rest = self.day_note(day)
            cell.set_day(day, in_month=day.month == self._month.month, today=day == self._today,
                         note=note, rest=rest)
            rows = by_day.get(day, [])
            # Hearings still on come before postponed and cancelled ones.
            rows = sorted(rows, key=lambda r: (r.status in _INACTIVE, r.starts_at, r.id))
            chips = []
            for row in rows[:MONTH_CHIPS]:
                text = f"{row.starts_at:%H:%M} {short_number(row.case_number)}{status_marker(row)}"
                chip = HearingChip(row, self._colours.colour(row.tribunal_id), text,
                                   hearing_tooltip(row, self._colours.name(row.tribunal_id)))
                chip.clicked.connect(self.hearing_opened)
                chips.append(chip)
            cell.set_chips(chips, max(len(rows) - MONTH_CHIPS, 0))


# ---------------------------------------------------------------------- the week


class _WeekCanvas(QWidget):
    """The hours of seven days, with the hearings placed by time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_hour = WEEK_FIRST_HOUR
        self.last_hour = WEEK_LAST_HOUR
        self.monday = week_start(dt.date.today())
        self.today = dt.date.today()
        self.rest_days: set[dt.date] = set()
        self.chips: list[HearingChip] = []
        self.setMinimumHeight(self.hour_height() * (self.last_hour - self.first_hour) + 2)

    def hour_height(self) -> int:
        return self.fontMetrics().height() * 3 + 4

    def gutter(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 12

    def column_rect(self, index: int) -> QRect:
        width = (self.width() - self.gutter()) / 7
        left = round(self.gutter() + index * width)
        return QRect(left, 0, round(self.gutter() + (index + 1) * width) - left, self.height())

    def y_of(self, moment: dt.time) -> int:
        hours = moment.hour + moment.minute / 60 - self.first_hour
        return round(hours * self.hour_height())

    def place_chips(self) -> None:
        by_day: dict[int, list[HearingChip]] = {}
        for chip in self.chips:
            by_day.setdefault((chip.row.starts_at.date() - self.monday).days, []).append(chip)
        for index, chips in by_day.items():
            column = self.column_rect(index)
            # Hearings overlapping in time share the column side by side.
            lanes: list[dt.datetime] = []
            placed: list[tuple[HearingChip, int]] = []
            for chip in sorted(chips, key=lambda c: (c.row.starts_at, c.row.id)):
                lane = next((i for i, end in enumerate(lanes) if end <= chip.row.starts_at), None)
                if lane is None:
                    lanes.append(chip.row.ends_at)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = chip.row.ends_at
                placed.append((chip, lane))
            width = max((column.width() - 4) // max(len(lanes), 1), 10)
            for chip, lane in placed:
                top = self.y_of(chip.row.starts_at.time())
                bottom = self.y_of(chip.row.ends_at.time())
                chip.setGeometry(column.left() + 2 + lane * width, top + 1, width - 2,
                                 max(bottom - top - 2, self.fontMetrics().height() + 6))
                chip.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_chips()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        for index in range(7):
            day = self.monday + dt.timedelta(days=index)
            rect = self.column_rect(index)
            if day == self.today:
                painter.fillRect(rect, QColor("#eef4fb"))
            elif day in self.rest_days:
                painter.fillRect(rect, QColor("#fbf8f1"))
            painter.setPen(QColor("#d5d9de"))
            painter.drawLine(rect.left(), 0, rect.left(), self.height())
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self.y_of(dt.time(hour))
            painter.setPen(QColor("#e3e6ea"))
            painter.drawLine(self.gutter(), y, self.width(), y)
            painter.setPen(QColor("#5f6368"))
            painter.drawText(QRect(0, y, self.gutter() - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"{hour:02d}:00")
        painter.end()


class WeekView(QWidget):
    """A week (Monday to Sunday) with each hearing as a block from its start to its end.

    Signals:
        hearing_opened(int): a hearing was clicked.
        day_opened(object): a day's heading was clicked (its date).
    """

    hearing_opened = Signal(int)
    day_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = _Colours()
        self._rows: list[HearingRow] = []
        self.day_note: Callable[[dt.date], tuple[str, bool]] = lambda _d: ("", _d.weekday() >= 5)
        self.canvas = _WeekCanvas()
        self._headers: list[QPushButton] = []
        header_row = QHBoxLayout()
        header_row.setContentsMargins(self.canvas.gutter(), 0, 0, 0)
        header_row.setSpacing(0)
        for index in range(7):
            button = QPushButton()
            button.setFlat(True)
            button.setStyleSheet("QPushButton { background: #eef1f4; color: #1f2328; padding: 4px 2px; "
                                 "border: 0; border-left: 1px solid #d5d9de; }")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, i=index: self.day_opened.emit(
                self.canvas.monday + dt.timedelta(days=i)))
            header_row.addWidget(button, 1)
            self._headers.append(button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header_row)
        layout.addWidget(scroll, 1)
        self._rebuild()

    def monday(self) -> dt.date:
        return self.canvas.monday

    def period(self) -> tuple[dt.date, dt.date]:
        """Monday and Sunday of the week shown."""
        return self.canvas.monday, self.canvas.monday + dt.timedelta(days=6)

    def set_week(self, day: dt.date) -> None:
        """Show the week containing ``day``."""
        self.canvas.monday = week_start(day)
        self._rebuild()

    def set_today(self, day: dt.date) -> None:
        self.canvas.today = day
        self._rebuild()

    def set_tribunals(self, colours: Mapping[int, str], names: Mapping[int, str]) -> None:
        self._colours.colours = dict(colours)
        self._colours.names = dict(names)
        self._rebuild()

    def set_hearings(self, rows: Iterable[HearingRow]) -> None:
        first, last = self.period()
        self._rows = sorted((r for r in rows if first <= r.starts_at.date() <= last),
                            key=lambda r: (r.starts_at, r.id))
        self._rebuild()

    def chips(self) -> list[HearingChip]:
        return list(self.canvas.chips)

    def _rebuild(self) -> None:
        canvas = self.canvas
        for chip in canvas.chips:
            chip.hide()
            chip.deleteLater()
        canvas.chips = []
        rest: set[dt.date] = set()
        for index, button in enumerate(self._headers):
            day = canvas.monday + dt.timedelta(days=index)
            note, is_rest = self.day_note(day)
            if is_rest:
                rest.add(day)
            text = f"{weekday_text(day)} {day.month}/{day.day}"
            button.setText(text + (f"\n{note}" if note else "\n"))
            font = button.font()
            font.setBold(day == canvas.today)
            button.setFont(font)
            button.setToolTip(lang.long_date_text(day) + (f"　{note}" if note else ""))
        canvas.rest_days = rest
        first_hour, last_hour = WEEK_FIRST_HOUR, WEEK_LAST_HOUR
        for row in self._rows:
            first_hour = min(first_hour, row.starts_at.hour)
            last_hour = max(last_hour, row.ends_at.hour + (1 if row.ends_at.minute else 0))
        canvas.first_hour, canvas.last_hour = first_hour, min(last_hour, 24)
        canvas.setMinimumHeight(canvas.hour_height() * (canvas.last_hour - canvas.first_hour) + 2)
        for row in self._rows:
            text = (f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}{status_marker(row)}\n"
                    f"{short_number(row.case_number)} {lang.label(row.case_type)}\n{row.venue}")
            chip = HearingChip(row, self._colours.colour(row.tribunal_id), text,
                               hearing_tooltip(row, self._colours.name(row.tribunal_id)), canvas)
            chip.wrap = True
            chip.clicked.connect(self.hearing_opened)
            canvas.chips.append(chip)
        canvas.place_chips()
        canvas.update()


# ---------------------------------------------------------------------- the day list


@dataclass(frozen=True)
class DayListRow:
    """One hearing of the day list, with the names the list shows."""

    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    tribunal: str
    case_number: str
    case_type: str
    venue: str
    panel: str
    clerk: str
    public: bool
    status: HearingStatus


def _public_text(row: DayListRow) -> str:
    if row.public:
        return QCoreApplication.translate("DayList", "Public")
    return QCoreApplication.translate("DayList", "Not public")


def _people_text(row: DayListRow) -> str:
    clerk = QCoreApplication.translate("DayList", "Clerk")
    return f"{row.panel}\n{clerk} {row.clerk}" if row.clerk else row.panel


DAY_LIST_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DayList", "Time"), lambda r: f"{r.starts_at:%H:%M}–{r.ends_at:%H:%M}"),
    Column(QT_TRANSLATE_NOOP("DayList", "Circuit tribunal"), lambda r: r.tribunal, tooltip=lambda r: r.tribunal),
    Column(QT_TRANSLATE_NOOP("DayList", "Case number"), lambda r: r.case_number, tooltip=lambda r: r.case_number),
    Column(QT_TRANSLATE_NOOP("DayList", "Type of dispute"), lambda r: r.case_type),
    Column(QT_TRANSLATE_NOOP("DayList", "Place"), lambda r: r.venue, tooltip=lambda r: r.venue),
    Column(QT_TRANSLATE_NOOP("DayList", "Arbitrators and clerk"), _people_text, tooltip=_people_text),
    Column(QT_TRANSLATE_NOOP("DayList", "Status"), lambda r: f"{lang.label(r.status)}\n{_public_text(r)}",
           foreground=lambda r: MUTED_COLOUR if r.status in _INACTIVE else None),
)
(DAY_COL_TIME, DAY_COL_TRIBUNAL, DAY_COL_NUMBER, DAY_COL_TYPE, DAY_COL_PLACE, DAY_COL_PANEL,
 DAY_COL_STATUS) = range(7)


class DayListView(QWidget):
    """One day's hearings as a table, by circuit tribunal and time (开庭排期表).

    Signals:
        hearing_opened(int): a row was double-clicked or Enter pressed on it.
    """

    hearing_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = dt.date.today()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = RowsModel("DayList", DAY_LIST_COLUMNS, parent=self)
        self.view = make_table(self.model, empty_text=QCoreApplication.translate(
            "DayList", "No hearings in this period. Press “Schedule a hearing”, or double-click a "
            "day in the month view."))
        # A printed-list look: long names wrap inside their cell instead of widening the table.
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        set_column_widths(self.view, {
            DAY_COL_TIME: "09:30–11:30", DAY_COL_TRIBUNAL: "邵阳经开",
            DAY_COL_NUMBER: "邵劳人仲案字〔2026〕", DAY_COL_TYPE: "工伤保险",
            DAY_COL_PLACE: "邵阳宝庆精密机", DAY_COL_PANEL: "李建国、王淑",
        })
        # Double-click or Enter (Qt's "activated"), as everywhere else in the program.
        self.view.activated.connect(self._activated)
        self.empty = QLabel()
        self.empty.setProperty("feedback", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def show_tribunal_column(self, shown: bool) -> None:
        """Hide the circuit-tribunal column when the list is of one tribunal only."""
        self.view.setColumnHidden(DAY_COL_TRIBUNAL, not shown)

    def set_rows(self, day: dt.date, rows: Iterable[DayListRow], heading: str = "") -> None:
        """Show ``rows`` (already in the order wanted) as the list of ``day``."""
        self.day = day
        rows = list(rows)
        self.model.set_rows(rows)
        self.title.setText(heading or f"{lang.long_date_text(day)} {weekday_text(day)}")
        self.empty.setText(QCoreApplication.translate("DayList", "No hearings on this day.") if not rows else "")
        self.empty.setVisible(not rows)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.hearing_opened.emit(row.id)

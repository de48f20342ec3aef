"""Dates between Python and Qt, and the typed date and time fields every form uses.

PySide6 converts a ``datetime.date`` passed where Qt wants a ``QDate`` at run time, but its
type stubs do not say so in every release, and ``toPython()`` is typed as returning
``object``; these four functions say exactly what crosses the boundary.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QPoint, QPointF, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolTip,
    QWidget,
    QWidgetAction,
)

from tribunal.domain.typed_entry import format_date, format_time, parse_date, parse_time
from tribunal.texts import reason_of
from tribunal.ui import lang


def qdate(day: dt.date) -> QDate:
    """``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    """A QDate as a ``datetime.date``."""
    return dt.date(day.year(), day.month(), day.day())


def qdatetime(moment: dt.datetime) -> QDateTime:
    """A naive (local) ``datetime`` as a QDateTime, to the millisecond."""
    return QDateTime(qdate(moment.date()),
                     QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000))


def pydatetime(moment: QDateTime) -> dt.datetime:
    """A QDateTime as a naive (local) ``datetime``, to the millisecond."""
    time = moment.time()
    return dt.datetime.combine(pydate(moment.date()),
                               dt.time(time.hour(), time.minute(), time.second(), time.msec() * 1000))


# ---------------------------------------------------------------------- typed fields


def _picker_icon(kind: str) -> QIcon:
    """A small drawn calendar or clock, so the picker needs no image file."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#4a5560"), 1.4))
    if kind == "date":
        painter.drawRoundedRect(QRectF(1.5, 2.5, 13, 12), 1.5, 1.5)
        painter.fillRect(QRectF(1.5, 2.5, 13, 3.5), QColor("#4a5560"))
        for x in (4.5, 8, 11.5):
            for y in (9, 12):
                painter.drawPoint(QPointF(x, y))
    else:
        painter.drawEllipse(QRectF(1.5, 1.5, 13, 13))
        painter.drawLine(QPointF(8, 8), QPointF(8, 4))
        painter.drawLine(QPointF(8, 8), QPointF(11, 9.5))
    painter.end()
    return QIcon(pixmap)


class _TypedField(QLineEdit):
    """A line edit whose text is read only when the field is left or Enter is pressed.

    While the clerk types, nothing else in the form moves; on leaving, the text is read
    (by the domain's parser), shown in its standard form and ``changed`` is emitted once if
    the value differs. Text that cannot be read is put back to the last value, the field is
    outlined in red and the reason is shown beside it until the next keystroke.
    """

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        #: The reason the last typed text was refused ("" when it was read).
        self.error = ""
        self.picker = self.addAction(_picker_icon(kind), QLineEdit.ActionPosition.TrailingPosition)
        self.picker.triggered.connect(self._open_picker)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._typing)

    # What the subclasses provide.
    def _read(self, text: str) -> object: raise NotImplementedError
    def _show(self, value: object) -> str: raise NotImplementedError
    def _store(self, value: object) -> bool: raise NotImplementedError
    def _step(self, steps: int) -> None: raise NotImplementedError
    def _open_picker(self) -> None: raise NotImplementedError

    def _display(self, value: object) -> None:
        self._shown = self._show(value)
        self.setText(self._shown)

    def _typing(self, _text: str) -> None:
        if self.error:
            self.error = ""
            self.setToolTip("")
            self.setProperty("invalid", False)
            self.style().unpolish(self)
            self.style().polish(self)

    def commit(self) -> bool:
        """Read what is typed now; returns False (and shows why) when it cannot be read."""
        text = self.text()
        if text == self._shown:
            return True
        try:
            value = self._read(text)
        except ValueError as error:
            self._refuse(lang.text(reason_of(error)))
            return False
        self._display(value)
        self._store(value)
        return True

    def _refuse(self, reason: str) -> None:
        self.error = reason
        self.setText(self._shown)
        self.setToolTip(reason)
        self.setProperty("invalid", True)
        self.style().unpolish(self)
        self.style().polish(self)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), reason, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down step the value, as in Qt's own date and time fields."""
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if steps is not None and not self.isReadOnly():
            if self.commit():
                self._step(steps)
            return
        super().keyPressEvent(event)

    def _popup(self, content: QWidget) -> QMenu:
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(content)
        menu.addAction(holder)
        return menu


class DateField(_TypedField):
    """A date typed as clerks write it ("2027-1-1", "20270101", "2027年1月1日") or picked.

    Offers the part of QDateEdit's interface the forms use (``date``, ``setDate``,
    ``dateChanged``, ``setMinimumDate``, ``setMaximumDate``) plus ``value``/``setValue``
    with ``datetime.date``.
    """

    dateChanged = Signal(QDate)

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__("date", parent)
        self._value = day or dt.date.today()
        self._minimum = dt.date(1900, 1, 1)
        self._maximum = dt.date(2200, 12, 31)
        self.setPlaceholderText("2027-1-1")
        self._display(self._value)
        width = self.fontMetrics().horizontalAdvance("2027-12-31") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)

    def _read(self, text: str) -> dt.date:
        day = parse_date(text, today=dt.date.today())
        if day > self._maximum:
            raise ValueError(self.tr("The date cannot be later than {day}").format(day=format_date(self._maximum)))
        if day < self._minimum:
            raise ValueError(self.tr("The date cannot be earlier than {day}").format(day=format_date(self._minimum)))
        return day

    def _show(self, value: object) -> str:
        assert isinstance(value, dt.date)
        return format_date(value)

    def _store(self, value: object) -> bool:
        assert isinstance(value, dt.date)
        if value == self._value:
            return False
        self._value = value
        self.dateChanged.emit(qdate(value))
        return True

    def _step(self, steps: int) -> None:
        day = min(max(self._value + dt.timedelta(days=steps), self._minimum), self._maximum)
        self.setValue(day)

    def _open_picker(self) -> None:
        calendar = QCalendarWidget()
        calendar.setMinimumDate(qdate(self._minimum))
        calendar.setMaximumDate(qdate(self._maximum))
        calendar.setSelectedDate(qdate(self._value))
        menu = self._popup(calendar)

        def picked(day: QDate) -> None:
            self.setValue(pydate(day))
            menu.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def value(self) -> dt.date:
        """The date shown (what is typed counts once it can be read)."""
        self.commit()
        return self._value

    def setValue(self, day: dt.date) -> None:
        """Show ``day`` (kept within the field's range)."""
        day = min(max(day, self._minimum), self._maximum)
        self._typing("")
        self._display(day)
        self._store(day)

    def date(self) -> QDate:
        """The date as a QDate, as QDateEdit gives it."""
        return qdate(self.value())

    def setDate(self, day: QDate | dt.date) -> None:
        """Show ``day``."""
        self.setValue(pydate(day) if isinstance(day, QDate) else day)

    def setMaximumDate(self, day: QDate) -> None:
        """Refuse dates after ``day``."""
        self._maximum = pydate(day)
        if self._value > self._maximum:
            self.setValue(self._maximum)

    def setMinimumDate(self, day: QDate) -> None:
        """Refuse dates before ``day``."""
        self._minimum = pydate(day)
        if self._value < self._minimum:
            self.setValue(self._minimum)


class TimeField(_TypedField):
    """A time of day typed as clerks write it ("930", "9:30", "14", "下午2点") or picked.

    With ``optional`` the field may be left empty (no time written); ``value`` is then None.
    Offers QTimeEdit's ``time``, ``setTime`` and ``timeChanged`` for the forms.
    """

    timeChanged = Signal(QTime)

    #: The picker lists the half hours of a working day.
    PICKER_HOURS = range(7, 22)

    def __init__(self, time: dt.time | None = None, parent: QWidget | None = None, *,
                 optional: bool = False) -> None:
        super().__init__("time", parent)
        self._optional = optional
        self._value: dt.time | None = time if time is not None or optional else dt.time(9, 0)
        self.setPlaceholderText("9:30")
        self._display(self._value)
        width = self.fontMetrics().horizontalAdvance("00:00") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 60)

    def _read(self, text: str) -> dt.time | None:
        if self._optional and not text.strip():
            return None
        return parse_time(text)

    def _show(self, value: object) -> str:
        assert value is None or isinstance(value, dt.time)
        return "" if value is None else format_time(value)

    def _store(self, value: object) -> bool:
        assert value is None or isinstance(value, dt.time)
        if value == self._value:
            return False
        self._value = value
        self.timeChanged.emit(QTime() if value is None else QTime(value.hour, value.minute))
        return True

    def _step(self, steps: int) -> None:
        base = self._value or dt.time(9, 0)
        minutes = (base.hour * 60 + base.minute + 5 * steps) % (24 * 60)
        self.setValue(dt.time(minutes // 60, minutes % 60))

    def _open_picker(self) -> None:
        menu = QMenu(self)
        for hour in self.PICKER_HOURS:
            for minute in (0, 30):
                time = dt.time(hour, minute)
                action = menu.addAction(format_time(time))
                action.setCheckable(True)
                action.setChecked(time == self._value)
                action.triggered.connect(lambda _checked=False, t=time: self.setValue(t))
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def value(self) -> dt.time | None:
        """The time shown (None only for an optional field left empty)."""
        self.commit()
        return self._value

    def setValue(self, time: dt.time | None) -> None:
        """Show ``time`` (None empties an optional field)."""
        if time is None and not self._optional:
            raise ValueError("this time field must hold a time")
        self._typing("")
        self._display(time)
        self._store(time)

    def time(self) -> QTime:
        """The time as a QTime (an invalid QTime for an empty optional field)."""
        value = self.value()
        return QTime() if value is None else QTime(value.hour, value.minute)

    def setTime(self, time: QTime | dt.time) -> None:
        """Show ``time``."""
        if isinstance(time, QTime):
            self.setValue(dt.time(time.hour(), time.minute()) if time.isValid() else None)
        else:
            self.setValue(time)


class DateTimeField(QWidget):
    """A date field and a time field side by side, read together as one moment."""

    changed = Signal()

    def __init__(self, moment: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = DateField(moment.date())
        self.time = TimeField(moment.time())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date)
        layout.addWidget(self.time)
        layout.addStretch(1)
        self.setFocusProxy(self.date)
        self.date.dateChanged.connect(lambda _d: self.changed.emit())
        self.time.timeChanged.connect(lambda _t: self.changed.emit())

    def value(self) -> dt.datetime:
        """The moment shown, to the minute."""
        time = self.time.value()
        assert time is not None
        return dt.datetime.combine(self.date.value(), time)

    def setValue(self, moment: dt.datetime) -> None:
        """Show ``moment``."""
        self.date.setValue(moment.date())
        self.time.setValue(moment.time().replace(second=0, microsecond=0))

"""Dates cross between Python and Qt unchanged; the typed date and time fields read what clerks type."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QMenu, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tribunal.ui.dates import (
    DateField,
    DateTimeField,
    TimeField,
    pydate,
    pydatetime,
    qdate,
    qdatetime,
)


@pytest.mark.parametrize("day", [dt.date(2024, 2, 29), dt.date(2026, 12, 31), dt.date(1900, 1, 1),
                                 dt.date(2099, 12, 31)])
def test_a_date_round_trips(day: dt.date) -> None:
    assert qdate(day) == QDate(day.year, day.month, day.day)
    assert pydate(qdate(day)) == day


def test_a_moment_round_trips_to_the_millisecond() -> None:
    moment = dt.datetime(2026, 12, 8, 9, 30, 15, 123_000)
    shown = qdatetime(moment)
    assert (shown.date(), shown.time()) == (QDate(2026, 12, 8), QTime(9, 30, 15, 123))
    assert pydatetime(shown) == moment
    assert pydatetime(QDateTime(QDate(2027, 1, 1), QTime(0, 0))) == dt.datetime(2027, 1, 1)


# ---------------------------------------------------------------------- typed fields


def retype(qtbot: QtBot, field: QLineEdit, keys: str, *, finish: Qt.Key | None = Qt.Key.Key_Return) -> None:
    """Select what the field shows and type over it, key by key, then press Enter."""
    field.selectAll()
    qtbot.keyClicks(field, keys)
    if finish is not None:
        qtbot.keyClick(field, finish)


@pytest.mark.parametrize(("keys", "meant"), [
    ("930", dt.time(9, 30)), ("9:30", dt.time(9, 30)), ("14", dt.time(14, 0)), ("1430", dt.time(14, 30)),
    ("0800", dt.time(8, 0)),
])
def test_a_time_is_read_as_typed_when_enter_is_pressed(qtbot: QtBot, keys: str, meant: dt.time) -> None:
    field = TimeField(dt.time(10, 0))
    qtbot.addWidget(field)
    seen: list[QTime] = []
    field.timeChanged.connect(seen.append)
    retype(qtbot, field, keys, finish=None)
    assert seen == [] and field.text() == keys  # nothing counts while typing
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == meant and field.text() == f"{meant:%H:%M}"
    assert seen == [QTime(meant.hour, meant.minute)]  # once, with the whole time


def test_fourteen_typed_over_a_full_hour_counts(qtbot: QtBot) -> None:
    field = TimeField(dt.time(9, 0))
    qtbot.addWidget(field)
    retype(qtbot, field, "14")
    assert field.value() == dt.time(14, 0)


@pytest.mark.parametrize(("keys", "meant"), [
    ("2027-01-01", dt.date(2027, 1, 1)), ("2027-1-1", dt.date(2027, 1, 1)),
    ("20270101", dt.date(2027, 1, 1)), ("2027/3/5", dt.date(2027, 3, 5)),
])
def test_a_date_is_read_as_typed_when_enter_is_pressed(qtbot: QtBot, keys: str, meant: dt.date) -> None:
    field = DateField(dt.date(2026, 12, 7))
    qtbot.addWidget(field)
    seen: list[QDate] = []
    field.dateChanged.connect(seen.append)
    retype(qtbot, field, keys)
    assert field.value() == meant and field.text() == meant.isoformat()
    assert seen == [QDate(meant.year, meant.month, meant.day)]


def test_a_date_in_chinese_is_read_as_typed(qtbot: QtBot) -> None:
    field = DateField(dt.date(2026, 12, 7))
    qtbot.addWidget(field)
    field.selectAll()
    event = QInputMethodEvent()  # Chinese arrives from the input method as one string
    event.setCommitString("2027年1月1日")
    QApplication.sendEvent(field, event)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == dt.date(2027, 1, 1)


def test_a_date_is_read_when_the_field_is_left(qtbot: QtBot) -> None:
    form = QWidget()
    layout = QVBoxLayout(form)
    field, other = DateField(dt.date(2026, 12, 7)), QLineEdit()
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    retype(qtbot, field, "2027-1-1", finish=Qt.Key.Key_Tab)
    qtbot.waitUntil(other.hasFocus)
    assert field.value() == dt.date(2027, 1, 1) and field.text() == "2027-01-01"


def test_what_cannot_be_read_is_refused_beside_the_field_and_changes_nothing(qtbot: QtBot) -> None:
    field = DateField(dt.date(2026, 12, 7))
    qtbot.addWidget(field)
    seen: list[QDate] = []
    field.dateChanged.connect(seen.append)
    retype(qtbot, field, "2027-2-30")
    assert field.value() == dt.date(2026, 12, 7) and field.text() == "2026-12-07" and seen == []
    assert "2027-2-30" in field.error and field.property("invalid") and field.toolTip() == field.error
    retype(qtbot, field, "2027-2-28")  # the next keystroke clears the mark
    assert not field.error and not field.property("invalid") and field.value() == dt.date(2027, 2, 28)


def test_a_date_after_the_maximum_is_refused(qtbot: QtBot) -> None:
    field = DateField(dt.date(2026, 12, 7))
    field.setMaximumDate(QDate(2026, 12, 7))
    qtbot.addWidget(field)
    retype(qtbot, field, "2026-12-8")
    assert field.value() == dt.date(2026, 12, 7) and "不能晚于 2026-12-07" in field.error


def test_up_and_down_step_the_value(qtbot: QtBot) -> None:
    day, time = DateField(dt.date(2026, 12, 31)), TimeField(dt.time(9, 30))
    for field in (day, time):
        qtbot.addWidget(field)
    qtbot.keyClick(day, Qt.Key.Key_Up)
    qtbot.keyClick(time, Qt.Key.Key_Down)
    assert day.value() == dt.date(2027, 1, 1) and time.value() == dt.time(9, 25)


def test_an_optional_time_may_stay_empty(qtbot: QtBot) -> None:
    field = TimeField(optional=True)
    qtbot.addWidget(field)
    assert field.value() is None and not field.time().isValid()
    retype(qtbot, field, "845")
    assert field.value() == dt.time(8, 45)
    retype(qtbot, field, "")
    field.selectAll()
    field.del_()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() is None


def test_the_pickers_set_the_value(qtbot: QtBot) -> None:
    day, time = DateField(dt.date(2026, 12, 7)), TimeField(dt.time(9, 30))
    for field in (day, time):
        qtbot.addWidget(field)
        field.show()
    day.picker.trigger()
    menu = day.findChild(QMenu)
    assert menu is not None
    calendar = menu.findChild(QCalendarWidget)
    assert calendar is not None and calendar.selectedDate() == QDate(2026, 12, 7)
    calendar.clicked.emit(QDate(2027, 1, 4))
    assert day.value() == dt.date(2027, 1, 4) and not menu.isVisible()
    time.picker.trigger()
    times = time.findChild(QMenu)
    assert times is not None
    next(a for a in times.actions() if a.text() == "14:30").trigger()
    assert time.value() == dt.time(14, 30)


def test_a_moment_field_reads_its_date_and_time_together(qtbot: QtBot) -> None:
    field = DateTimeField(dt.datetime(2026, 12, 7, 10, 30))
    qtbot.addWidget(field)
    retype(qtbot, field.date, "2027-1-1")
    retype(qtbot, field.time, "1400")
    assert field.value() == dt.datetime(2027, 1, 1, 14, 0)

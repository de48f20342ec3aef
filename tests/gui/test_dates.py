"""Dates cross between Python and Qt unchanged, both ways."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from tribunal.ui.dates import pydate, pydatetime, qdate, qdatetime


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

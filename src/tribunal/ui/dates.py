"""Dates between Python and Qt, converted explicitly field by field.

PySide6 converts a ``datetime.date`` passed where Qt wants a ``QDate`` at run time, but its
type stubs do not say so in every release, and ``toPython()`` is typed as returning
``object``; these four functions say exactly what crosses the boundary.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime


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

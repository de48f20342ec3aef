"""The calendar views on their own, with hand-made rows: grid, overflow, lanes, markers, colours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tribunal.domain.enums import CaseType, HearingStatus
from tribunal.services.hearings import HearingRow
from tribunal.ui.calendar_views import (
    DEFAULT_COLOUR,
    MONTH_CHIPS,
    MonthView,
    WeekView,
    month_grid_start,
    short_number,
    status_marker,
    tint,
    week_start,
)


def row(hearing_id: int, start: dt.datetime, hours: float = 2, *, tribunal: int | None = 1,
        status: HearingStatus = HearingStatus.SCHEDULED) -> HearingRow:
    return HearingRow(hearing_id, 100 + hearing_id, f"邵劳人仲案字〔2026〕第{hearing_id}号", CaseType.WAGES,
                      start, start + dt.timedelta(hours=hours), "本院第一仲裁庭", 1, None, True, None,
                      status, tribunal, None)


def test_helpers() -> None:
    assert short_number("邵劳人仲案字〔2026〕第24号") == "第24号"
    assert short_number("永劳人仲案字〔2025〕97-1号") == "97-1号"
    assert week_start(dt.date(2026, 12, 6)) == dt.date(2026, 11, 30)  # a Sunday
    assert month_grid_start(dt.date(2026, 12, 15)) == dt.date(2026, 11, 30)
    assert month_grid_start(dt.date(2026, 6, 1)) == dt.date(2026, 6, 1)  # 1 June 2026 is a Monday
    assert tint("#2f6fb0").name() == "#dae5f1"  # 47 + 208 × 0.82 = 218 = 0xda, …
    assert tint("not a colour").name() == tint(DEFAULT_COLOUR).name()
    assert status_marker(row(1, dt.datetime(2026, 12, 1, 9))) == ""
    assert status_marker(row(1, dt.datetime(2026, 12, 1, 9), status=HearingStatus.CANCELLED)) == "〔已取消〕"


def test_a_busy_day_shows_three_chips_and_more(qtbot: QtBot) -> None:
    view = MonthView()
    qtbot.addWidget(view)
    view.set_tribunals({1: "#2f6fb0", 2: "#b0602f"}, {1: "甲庭", 2: "乙庭"})
    view.set_month(dt.date(2026, 12, 1))
    day = dt.datetime(2026, 12, 8, 8, 30)
    rows = [row(i, day + dt.timedelta(hours=i), 0.5, tribunal=1 + i % 2) for i in range(5)]
    rows.append(row(9, day, status=HearingStatus.CANCELLED))
    view.set_hearings(rows)
    cell = view.cell_of(dt.date(2026, 12, 8))
    assert cell is not None
    assert len(cell.chips) == MONTH_CHIPS
    assert cell.more.isVisibleTo(cell) and cell.more.text() == "另有 3 场…"
    # Hearings still on come first; the cancelled one is among the hidden.
    assert [c.hearing_id for c in cell.chips] == [0, 1, 2]
    assert [c.colour for c in cell.chips] == ["#2f6fb0", "#b0602f", "#2f6fb0"]
    opened: list[object] = []
    view.day_opened.connect(opened.append)
    qtbot.mouseClick(cell.more, Qt.MouseButton.LeftButton)
    assert opened == [dt.date(2026, 12, 8)]


def test_days_outside_the_month_and_today(qtbot: QtBot) -> None:
    view = MonthView()
    qtbot.addWidget(view)
    view.day_note = lambda d: ("元旦" if d == dt.date(2027, 1, 1) else "", d.weekday() >= 5)
    view.set_today(dt.date(2026, 12, 3))
    view.set_month(dt.date(2026, 12, 20))
    assert view.cells[0].day == dt.date(2026, 11, 30)
    assert view.cells[-1].day == dt.date(2027, 1, 10)
    new_year = view.cell_of(dt.date(2027, 1, 1))
    assert new_year is not None and new_year.note.text() == "元旦"
    today = view.cell_of(dt.date(2026, 12, 3))
    assert today is not None and today.number.font().bold()
    asked: list[object] = []
    view.new_hearing_requested.connect(asked.append)
    qtbot.mouseDClick(today, Qt.MouseButton.LeftButton)
    assert asked == [dt.date(2026, 12, 3)]


def test_overlapping_hearings_share_their_day_column(qtbot: QtBot) -> None:
    view = WeekView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_week(dt.date(2026, 12, 9))
    monday = dt.datetime(2026, 12, 7, 9, 0)
    view.set_hearings([row(1, monday), row(2, monday + dt.timedelta(hours=1)),
                       row(3, monday + dt.timedelta(hours=3)),
                       row(4, dt.datetime(2026, 12, 14, 9))])  # next week: not shown
    chips = {c.hearing_id: c for c in view.chips()}
    assert set(chips) == {1, 2, 3}
    first, second, third = chips[1].geometry(), chips[2].geometry(), chips[3].geometry()
    assert first.right() < second.left()  # side by side
    assert third.left() == first.left()  # the lane is free again after 11:00
    assert first.height() > second.height() // 2
    assert view.canvas.y_of(dt.time(9)) == first.top() - 1


def test_the_week_widens_for_an_early_hearing(qtbot: QtBot) -> None:
    view = WeekView()
    qtbot.addWidget(view)
    view.set_week(dt.date(2026, 12, 9))
    view.set_hearings([row(1, dt.datetime(2026, 12, 8, 7, 30), 1), row(2, dt.datetime(2026, 12, 8, 18, 30), 2)])
    assert (view.canvas.first_hour, view.canvas.last_hour) == (7, 21)
    cancelled = row(3, dt.datetime(2026, 12, 9, 9), status=HearingStatus.POSTPONED)
    view.set_hearings([cancelled])
    assert view.chips()[0].text().startswith("09:00–11:00〔已延期〕")

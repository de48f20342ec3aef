"""The deadline calculator: the hand-checked dates of docs/legal-basis.md §2, and the unloaded-year message."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.ui import legal_calendar_dialog
from tribunal.ui.calculator_dialog import CalculatorDialog

from .helpers import settle


@pytest.fixture
def calculator(qtbot: QtBot, gui_db: Database) -> CalculatorDialog:
    dialog = CalculatorDialog(gui_db, today=lambda: dt.date(2026, 11, 27))
    qtbot.addWidget(dialog)
    settle(qtbot)  # the legal calendar, read once in the background
    return dialog


def fill(dialog: CalculatorDialog, **dates: dt.date | None) -> None:
    fields = {"received": dialog.received, "accepted": dialog.accepted_on, "served": dialog.served,
              "hearing": dialog.hearing}
    for name, field in fields.items():
        field.set_value(dates.get(name))


def due(dialog: CalculatorDialog, key: str) -> dt.date | None:
    return dialog.results()[key].due


def test_only_the_filled_in_dates_count(calculator: CalculatorDialog) -> None:
    # Opened with only "received" filled in: one result.
    assert list(calculator.results()) == ["accept_by"]
    assert not calculator.accepted_on.edit.isEnabled()
    calculator.accepted_on.unset.setChecked(False)
    assert calculator.accepted_on.edit.isEnabled()
    assert "award_due" in calculator.results()


def test_hand_checked_dates(calculator: CalculatorDialog) -> None:
    # Received Thu 2026-02-12: the Saturday make-up day counts, the Spring Festival does not.
    fill(calculator, received=dt.date(2026, 2, 12))
    assert due(calculator, "accept_by") == dt.date(2026, 2, 26)

    # Accepted 2026-09-10: day 45 is Sunday 10-25, so the last day is Monday 10-26; with the
    # extension, 60 days from acceptance, Monday 11-09.
    fill(calculator, accepted=dt.date(2026, 9, 10))
    assert due(calculator, "award_due") == dt.date(2026, 10, 26)
    assert due(calculator, "award_due_extended") == dt.date(2026, 11, 9)
    assert due(calculator, "award_target") == dt.date(2026, 10, 23)  # Sunday moved back to Friday
    assert due(calculator, "serve_application_by") == dt.date(2026, 9, 17)
    assert "accept_by" not in calculator.results()

    # The respondent signs Thu 2026-04-30: May Day skipped, Sat 05-09 make-up day counted.
    fill(calculator, served=dt.date(2026, 4, 30))
    assert due(calculator, "defence_due") == dt.date(2026, 5, 18)
    assert not calculator.error.isVisibleTo(calculator)

    # 5 days' notice of a hearing on Mon 2026-10-12: served Mon 09-28 is in time, Tue 09-29 is not.
    fill(calculator, served=dt.date(2026, 9, 28), hearing=dt.date(2026, 10, 12))
    assert due(calculator, "earliest_hearing") == dt.date(2026, 10, 12)
    assert "2026-09-28" in calculator.notice.text() and calculator.notice.property("feedback") == "hint"
    fill(calculator, served=dt.date(2026, 9, 29), hearing=dt.date(2026, 10, 12))
    assert due(calculator, "earliest_hearing") == dt.date(2026, 10, 13)
    assert calculator.notice.property("feedback") == "error"
    assert due(calculator, "latest_notice_service") == dt.date(2026, 9, 28)


def test_days_not_counted_move_the_last_day(calculator: CalculatorDialog) -> None:
    fill(calculator, accepted=dt.date(2026, 9, 10))
    calculator.suspended_days.setValue(10)
    assert due(calculator, "award_due") == dt.date(2026, 11, 4)  # 10-25 + 10 days = Wed 11-04


def test_an_unloaded_year_is_explained_and_offers_the_import(
    calculator: CalculatorDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(calculator, received=dt.date(2026, 12, 29), hearing=dt.date(2026, 12, 15))
    assert calculator.error.isVisibleTo(calculator)
    assert "2027年的节假日安排尚未载入" in calculator.error.text()
    assert calculator.unknown_year == 2027
    assert due(calculator, "accept_by") is None
    assert due(calculator, "postpone_request_by") == dt.date(2026, 12, 9)  # still computed
    assert calculator.import_button.isVisibleTo(calculator)
    assert "2027" in calculator.import_button.text()

    opened: list[int | None] = []

    def ask(_parent: object, _db: Database, *, year: int | None = None) -> bool:
        opened.append(year)
        return False

    monkeypatch.setattr(legal_calendar_dialog.LegalCalendarDialog, "ask", staticmethod(ask))
    calculator.import_button.click()
    assert opened == [2027]


def test_dates_in_an_impossible_order_are_refused_inline(calculator: CalculatorDialog) -> None:
    fill(calculator, received=dt.date(2026, 5, 10), accepted=dt.date(2026, 5, 1))
    assert calculator.error.isVisibleTo(calculator)
    assert "受理日期（2026-05-01）不能早于收到申请的日期（2026-05-10）" in calculator.error.text()
    assert calculator.results() == {}
    fill(calculator, received=dt.date(2026, 5, 10))
    assert not calculator.error.isVisibleTo(calculator)


def test_the_results_model_passes_the_qt_model_tester(qtmodeltester: ModelTester,
                                                      calculator: CalculatorDialog) -> None:
    fill(calculator, received=dt.date(2026, 2, 12), accepted=dt.date(2026, 2, 20),
         served=dt.date(2026, 2, 25), hearing=dt.date(2026, 3, 16))
    assert len(calculator.results()) == 10
    qtmodeltester.check(calculator.model)

"""The case list narrowed to cases closed in a span (closed_from / closed_to, both days included)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY
from tests.integration.helpers import case_input
from tribunal.domain.enums import CaseOutcome
from tribunal.services import cases


def _case(db, received: dt.date, closed: dt.date | None) -> int:
    detail = cases.create_case(db, case_input(received_date=received, accepted_date=received), today=TODAY)
    if closed is not None:
        cases.close_case(db, detail.id, CaseOutcome.MEDIATED, closed, today=TODAY)
    return detail.id


def test_closed_span_filters_on_the_closing_date_whatever_the_receipt_year(db):
    late_2025 = _case(db, dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    new_year = _case(db, dt.date(2025, 12, 10), dt.date(2026, 1, 1))  # received last year, closed this year
    autumn = _case(db, dt.date(2026, 9, 1), dt.date(2026, 11, 20))
    today_closed = _case(db, dt.date(2026, 10, 8), TODAY)
    still_open = _case(db, dt.date(2026, 11, 2), None)

    def ids(**kw):
        return set(cases.search_case_ids(db, cases.CaseFilter(**kw)))

    this_year = ids(closed_from=dt.date(2026, 1, 1))
    assert this_year == {new_year, autumn, today_closed}
    assert cases.count_cases(db, cases.CaseFilter(closed_from=dt.date(2026, 1, 1))) == 3
    # Both ends are included; the day before and after are not.
    assert ids(closed_from=dt.date(2026, 1, 2)) == {autumn, today_closed}
    assert ids(closed_to=dt.date(2025, 12, 31)) == {late_2025}
    assert ids(closed_to=dt.date(2025, 12, 30)) == set()
    assert ids(closed_from=dt.date(2026, 11, 20), closed_to=dt.date(2026, 11, 20)) == {autumn}
    assert ids(closed_from=dt.date(2026, 11, 21), closed_to=TODAY) == {today_closed}
    # An open case has no closing date and never matches a closed span.
    assert still_open not in ids(closed_from=dt.date(2000, 1, 1))
    # The old way — closed cases received this year — misses the case received last December.
    assert ids(year=2026, closed_from=dt.date(2026, 1, 1)) == {autumn, today_closed}
    # The list shows them newest received first, like any other filter.
    rows = cases.search_cases(db, cases.CaseFilter(closed_from=dt.date(2026, 1, 1)))
    assert [r.id for r in rows] == [today_closed, autumn, new_year]

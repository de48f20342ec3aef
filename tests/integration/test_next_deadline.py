"""The next deadline each case stores for the case list: right after every path that moves a clock.

Every check compares the stored columns with the clocks' own computation
(``clocks.case_clock(...).next_due``) for the same day, for every case in the database.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from tests.integration.helpers import case_input, respondent
from tribunal.db.models import Case, Hearing, ServiceRecord
from tribunal.domain.enums import CaseOutcome, HearingStatus, PartyRole, ServiceMethod
from tribunal.errors import TribunalError
from tribunal.services import cases, clocks, legal_calendar
from tribunal.services import settings as settings_service

T = dt.date.today()
D = dt.timedelta


def stored(db) -> dict[int, tuple[dt.date | None, str | None]]:
    with db.session(write=False) as s:
        return {r.id: (r.next_due_date, r.next_due_kind)
                for r in s.execute(select(Case.id, Case.next_due_date, Case.next_due_kind))}


def computed(db, case_id: int, today: dt.date = T) -> tuple[dt.date | None, str | None]:
    nxt = clocks.case_clock(db, case_id, today).next_due
    return (nxt.due, nxt.key) if nxt is not None else (None, None)


def assert_in_step(db) -> None:
    for case_id, value in stored(db).items():
        assert value == computed(db, case_id), f"case {case_id}"


def hearing(db, case: cases.CaseDetail, day: dt.date, served: dt.date | None) -> int:
    """A scheduled hearing with its notices served on every party on ``served``."""
    with db.session() as s:
        h = Hearing(case_id=case.id, starts_at=dt.datetime.combine(day, dt.time(9, 30)),
                    ends_at=dt.datetime.combine(day, dt.time(11, 30)), status=HearingStatus.SCHEDULED)
        if served is not None:
            for p in case.parties:
                h.service_records.append(ServiceRecord(
                    case_id=case.id, party_id=p.id, document="开庭通知书", method=ServiceMethod.DIRECT,
                    served_on=served, signed_by=p.name, confirmed=True))
        s.add(h)
        s.flush()
        return h.id


def test_each_path_keeps_the_stored_deadline(db):
    # Registered, not yet accepted: the acceptance decision is next.
    case = cases.create_case(db, case_input(received_date=T - D(2)), today=T)
    assert stored(db)[case.id] == computed(db, case.id)
    assert stored(db)[case.id][1] == "accept_by"
    # Accepted: serving the application copy is next.
    case = cases.update_case(db, case.id, case_input(received_date=T - D(2), accepted_date=T - D(1)), today=T)
    assert stored(db)[case.id][1] == "serve_application_by"
    # Served on the respondent: the composition notice (same day) then the defence period.
    resp = next(p.id for p in case.parties if p.role == PartyRole.RESPONDENT)
    clocks.record_service(db, case.id, resp, "应诉通知书", ServiceMethod.DIRECT, T, today=T)
    assert_in_step(db)
    for p in case.parties:
        clocks.record_service(db, case.id, p.id, "仲裁庭组成通知书", ServiceMethod.DIRECT, T, today=T)
    assert_in_step(db)
    assert stored(db)[case.id][1] == "defence_due"
    # A hearing scheduled, and moved.
    hid = hearing(db, case, T + D(30), T)
    assert_in_step(db)
    with db.session() as s:
        s.get(Hearing, hid).starts_at = dt.datetime.combine(T + D(20), dt.time(9))
    assert_in_step(db)
    # A suspension without an end: the award clock stands still and is not a deadline.
    susp = clocks.add_suspension(db, case.id, T, None, "appraisal", today=T)
    assert_in_step(db)
    clocks.end_suspension(db, susp.id, T, today=T)
    assert_in_step(db)
    # An extension.
    clocks.approve_extension(db, case.id, "主任", T, today=T)
    assert_in_step(db)
    # Closed: nothing is due; reopened: due again.
    cases.close_case(db, case.id, CaseOutcome.WITHDRAWN, T, today=T)
    assert stored(db)[case.id] == (None, None)
    cases.reopen_case(db, case.id, "误操作")
    assert stored(db)[case.id] == computed(db, case.id) != (None, None)


def test_a_calendar_change_recomputes_every_open_case(db):
    legal_calendar.calendar(db)  # seeded on first use (which recomputes nothing)
    case = cases.create_case(db, case_input(received_date=T - D(1)), today=T)
    due, kind = stored(db)[case.id]
    assert kind == "accept_by" and due is not None
    # The due day becomes a holiday: the acceptance decision moves to the next working day.
    legal_calendar.set_day(db, due, "holiday", "临时休假")
    assert stored(db)[case.id] == computed(db, case.id)
    assert stored(db)[case.id][0] > due


def test_time_alone_moves_a_party_deadline_and_the_daily_refresh_follows(db):
    case = cases.create_case(db, case_input(received_date=T - D(40), accepted_date=T - D(39)), today=T)
    resp = next(p.id for p in case.parties if p.role == PartyRole.RESPONDENT)
    clocks.record_service(db, case.id, resp, "应诉通知书", ServiceMethod.DIRECT, T - D(38), today=T)
    with db.session(write=False) as s:
        recheck = s.scalar(select(Case.next_due_recheck).where(Case.id == case.id))
    # Once the next date has passed, the daily refresh brings the stored answer up to that day.
    later = recheck or T + D(1)
    clocks.refresh_next_deadlines(db, later)
    with db.session(write=False) as s:
        row = s.execute(select(Case.next_due_date, Case.next_due_kind).where(Case.id == case.id)).one()
    assert tuple(row) == computed(db, case.id, later)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(received=st.integers(5, 120), accept_after=st.none() | st.integers(0, 4),
       served_after=st.none() | st.integers(0, 10), hearing_after=st.none() | st.integers(-5, 40),
       suspend=st.none() | st.tuples(st.integers(0, 30), st.none() | st.integers(1, 20)),
       extend=st.booleans(), two_respondents=st.booleans())
def test_stored_deadline_matches_the_clocks_for_generated_cases(db, received, accept_after, served_after,
                                                                hearing_after, suspend, extend, two_respondents):
    received_on = T - D(received)
    accepted_on = min(received_on + D(accept_after), T) if accept_after is not None else None
    parties = case_input().parties + ((respondent("邵阳某某建筑劳务有限公司"),) if two_respondents else ())
    case = cases.create_case(db, case_input(received_date=received_on, accepted_date=accepted_on,
                                            parties=parties), today=T)
    try:
        if accepted_on is not None and served_after is not None:
            day = min(accepted_on + D(served_after), T)
            for p in case.parties[:2]:
                clocks.record_service(db, case.id, p.id, "应诉通知书", ServiceMethod.DIRECT, day,
                                      today=T)
        if hearing_after is not None and accepted_on is not None:
            hearing(db, case, T + D(hearing_after), T - D(6) if hearing_after > 0 else None)
        if suspend is not None and accepted_on is not None:
            start = min(accepted_on + D(suspend[0]), T)
            end = min(start + D(suspend[1]), T) if suspend[1] is not None else None
            clocks.add_suspension(db, case.id, start, end, "appraisal", today=T)
        if extend and accepted_on is not None:
            clocks.approve_extension(db, case.id, "主任", min(accepted_on + D(30), T), today=T)
    except TribunalError:
        pass  # refused entries change nothing; the stored answer must still be right
    assert stored(db)[case.id] == computed(db, case.id)


def test_migration_fills_cases_already_in_the_database(db):
    made = [cases.create_case(db, case_input(received_date=T - D(n), accepted_date=T - D(n - 1)), today=T).id
            for n in (3, 20, 50)]
    with db.session() as s:  # as a database before the upgrade: nothing stored
        s.execute(text("UPDATE arbitration_case SET next_due_date = NULL, next_due_kind = NULL"))
    from alembic import command

    from tribunal.db import migrate

    config = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
        command.upgrade(config, "0014")  # the revision that fills the column…
        command.upgrade(config, "head")  # …and on to the current schema, as an upgrade goes
    for case_id in made:
        assert stored(db)[case_id] == computed(db, case_id) != (None, None)


def test_list_rows_filters_and_order_follow_the_stored_deadline(db):
    # The acceptance decision is due five days after receipt, later when those end on a rest day
    # or a holiday: a fortnight's warning window holds it whatever day the test runs on.
    settings_service.set_value(db, "clock.due_soon_days", 15)
    soon = cases.create_case(db, case_input(received_date=T - D(1)), today=T)  # accept by T+4 or so
    late = cases.create_case(db, case_input(received_date=T - D(30)), today=T)  # accept_by long past
    closed = cases.create_case(db, case_input(received_date=T - D(3), accepted_date=T - D(2)), today=T)
    cases.close_case(db, closed.id, CaseOutcome.WITHDRAWN, T, today=T)
    rows = {r.id: r for r in cases.case_rows(db, [soon.id, late.id, closed.id])}
    assert rows[late.id].next_due_state == "overdue" and rows[late.id].next_due_label == "受理决定截止日"
    assert rows[soon.id].next_due_state == "due_soon"
    assert rows[closed.id].next_due_date is None and rows[closed.id].next_due_state is None
    assert cases.search_case_ids(db, cases.CaseFilter(deadline=cases.OVERDUE)) == [late.id]
    assert cases.search_case_ids(db, cases.CaseFilter(deadline=cases.DUE_SOON)) == [soon.id]
    assert cases.count_cases(db, cases.CaseFilter(deadline=cases.DUE_SOON)) == 1
    by_deadline = cases.search_case_ids(db, cases.CaseFilter(order=cases.BY_DEADLINE))
    assert by_deadline == [late.id, soon.id, closed.id]
    assert cases.search_case_ids(db, cases.CaseFilter(order=cases.BY_DEADLINE, ascending=False)) == by_deadline[::-1]

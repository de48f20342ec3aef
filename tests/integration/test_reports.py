"""Every figure of the reports on the hand-built register (tests/integration/data/reports.py).

The right answers are worked out by hand in the comments: which cases, hearings and people
make up each figure.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import copy_database
from tests.integration.data.reports import LONG_NAME, TODAY, ReportWorld, build
from tribunal.domain.enums import CaseOutcome, CaseResult, CaseType
from tribunal.errors import NotFound, ValidationError
from tribunal.services import cases, reports
from tribunal.services.reports import ReportRequest

D = dt.date
NOVEMBER = ReportRequest(D(2026, 11, 1), D(2026, 11, 30))


@pytest.fixture
def db_path(report_world_file, tmp_path):
    """The conftest's database, holding the hand-built register already (built once per run)."""
    return copy_database(report_world_file[0], tmp_path)


@pytest.fixture
def world(report_world_file, db) -> ReportWorld:
    return report_world_file[1]


def test_circuit_report_november(db, world):
    report = reports.circuit_report(db, NOVEMBER, today=TODAY)
    c = report.current
    assert report.scope.period_text == "2026年11月"
    # 场次: (11-05, E1) for H1+H2, (11-12, E2) for H3+H4, (11-18, E7), (11-24, E1). H6 sat in the
    # commission's own room, H13 is still "scheduled", H14 was postponed.
    assert c.sessions == 4
    assert c.hearings_on_site == 6  # H1 H2 H3 H4 H5 H11
    assert c.cases_on_site == 6  # C1 C2 C3 C4 C5 C11
    assert dict(c.cases_on_site_by_type) == {CaseType.WAGES: 2, CaseType.OVERTIME: 1, CaseType.WORK_INJURY: 1,
                                             CaseType.SEVERANCE: 1, CaseType.OTHER: 1}
    # Circuit cases closed in November: C1 C2 C3 C4 C5 C11 (C6 was never heard on site).
    assert c.circuit_closed == 6
    assert (c.mediated_on_site, c.mediated_later, c.awarded, c.withdrawn, c.other_closed) == (1, 1, 2, 2, 0)
    assert c.mediation_rate == pytest.approx(2 / 4)
    # Cycle days: C1 16, C2 18, C3 85 (net 34: 51 days suspended), C4 52, C5 9, C11 21.
    assert c.cycle_mean == pytest.approx(201 / 6)
    assert c.cycle_median == pytest.approx(19.5)
    assert c.net_cycle_mean == pytest.approx(150 / 6)
    assert c.net_cycle_median == pytest.approx(19.5)
    # C4 was due on 2026-11-19 (45 days from 10-05) and closed 11-26: late, but within the
    # approved extension (due 12-04). Everything else closed in time.
    assert (c.on_time, c.on_time_allowed, c.on_time_base) == (5, 6, 6)
    assert c.on_time_rate == pytest.approx(5 / 6)
    assert c.on_time_allowed_rate == pytest.approx(1.0)
    # Enterprises: hosts E1 E2 E7; observers' employers E3 (O1) E4 (O2) E5 (O3); O6 has none.
    assert (c.hosts, c.observer_enterprises, c.enterprises_total) == (3, 3, 6)
    # O1 twice, O2, O3 (walk-in), O6; O4 declined, O5 absent.
    assert (c.observers, c.observer_people, c.walk_ins) == (5, 4, 1)
    # Training: after H1 (3 people, topics A and B) and the standalone one (2 people, topic B).
    assert (c.training_sessions, c.trainees) == (2, 5)
    assert c.topics == ("劳动合同的订立与解除", "工资支付与加班费")
    # Claimed over the circuit cases closed: 50,000 + 20,000 + 100,000 + 60,000 + 30,000 + 0.
    assert c.claimed_fen == 26_000_000
    assert c.agreed_fen == 11_000_000  # C1 30,000 + C3 80,000
    assert c.awarded_fen == 1_200_000  # C2 12,000 + C4 0
    # Never reached (as of 11-30): E6 (its guest only came to a training) and E8.
    assert [e.name for e in report.never_reached] == [LONG_NAME, "乙八五金有限公司"]
    assert report.directory_size == 8
    # H13 is past its day and still "scheduled": the clerk is told it is not counted.
    assert any("1 场在企业的开庭已过开庭日" in note for note in report.notes)


def test_same_period_last_year_and_monthly_series(db, world):
    report = reports.circuit_report(db, NOVEMBER, today=TODAY)
    last = report.last_year
    assert last.period.start == D(2025, 11, 1) and last.period.end == D(2025, 11, 30)
    # C12 heard at E1 on 2025-11-10, mediated that day; O2 attended.
    assert (last.sessions, last.hearings_on_site, last.cases_on_site) == (1, 1, 1)
    assert (last.circuit_closed, last.mediated_on_site, last.mediation_rate) == (1, 1, 1.0)
    assert (last.observers, last.hosts, last.observer_enterprises) == (1, 1, 1)
    assert last.claimed_fen == 800_000 and last.agreed_fen == 500_000
    months = {m.label: m for m in report.monthly}
    assert list(months) == [f"{y}-{m:02d}" for y, m in [(2025, 12)] + [(2026, n) for n in range(1, 12)]]
    assert (months["2026-11"].sessions, months["2026-11"].observers) == (4, 5)
    assert months["2026-11"].mediation_rate == pytest.approx(0.5)
    assert months["2026-10"].hearings == 0 and months["2026-10"].mediation_rate is None
    reach = {z.zone: (z.reached, z.directory) for z in report.reach_by_zone}
    assert reach == {"甲开发区": (5, 6), "乙开发区": (1, 2)}


def test_filters_by_tribunal_and_zone(db, world):
    for request in (ReportRequest(D(2026, 11, 1), D(2026, 11, 30), tribunal_id=world.t2),
                    ReportRequest(D(2026, 11, 1), D(2026, 11, 30), zone_id=world.zone_b)):
        report = reports.circuit_report(db, request, today=TODAY)
        c = report.current
        # Only H5: C5 at E7, withdrawn; O6 attended; no training followed it.
        assert (c.sessions, c.cases_on_site, c.circuit_closed, c.withdrawn) == (1, 1, 1, 1)
        assert c.mediation_rate is None  # nothing mediated or awarded: "—", not 0 %
        assert (c.observers, c.hosts, c.observer_enterprises) == (1, 1, 0)
        assert (c.training_sessions, c.trainees) == (0, 0)
    zone_b = reports.circuit_report(db, ReportRequest(D(2026, 11, 1), D(2026, 11, 30), zone_id=world.zone_b),
                                    today=TODAY)
    assert [e.name for e in zone_b.never_reached] == ["乙八五金有限公司"]
    assert zone_b.scope.filter_text == "乙开发区"
    t1 = reports.circuit_report(db, ReportRequest(D(2026, 11, 1), D(2026, 11, 30), tribunal_id=world.t1),
                                today=TODAY).current
    assert (t1.sessions, t1.training_sessions, t1.trainees) == (3, 1, 3)  # the standalone one is not T1's


def test_official_statistics_table(db, world):
    report = reports.stats_report(db, NOVEMBER, today=TODAY)
    v = report.value
    # Carried over: accepted before November and open on 11-01: C1 C3 C4 C6 and C7 (reopened).
    assert v("carried_over") == 5
    # Accepted in November: C2 C5 C10 C11 C13 C14 (C8 was never accepted).
    assert v("accepted") == 6 and v("collective") == 1
    assert v("workers") == 1 + 12 + 1 + 1 + 1 + 1
    assert [v(f"cause:{c}") for c in ("remuneration", "social_insurance", "termination", "other")] == [2, 1, 1, 2]
    # Closed in November: C1 C2 C3 C4 C5 C6 C11.
    assert v("closed") == 7
    assert [v(f"method:{m}") for m in ("mediation", "award", "withdrawal", "other")] == [3, 2, 2, 0]
    assert [v(f"result:{r}") for r in ("worker", "employer", "partly", "none")] == [2, 1, 2, 2]
    assert v("carried_forward") == 4  # C7 C10 C13 C14 = 5 + 6 − 7
    assert v("suspended_at_end") == 1  # C10
    assert report.notes == ()  # withdrawals need no result; every mediation and award has one
    cases.correct_closing(db, world.cases["C2"], result=None, amount_fen=1_200_000, on_site=False)
    notes = reports.stats_report(db, NOVEMBER, today=TODAY).notes
    assert len(notes) == 1 and "1 件未登记处理结果" in notes[0]
    last = {line.key: line.last for line in report.lines}
    # November 2025: C12 carried over from October and mediated.
    assert (last["carried_over"], last["accepted"], last["closed"], last["carried_forward"]) == (1, 0, 1, 0)


def test_reopened_case_is_not_counted_as_closed_where_its_closing_was_undone(db, world):
    october = reports.stats_report(db, ReportRequest(D(2026, 10, 1), D(2026, 10, 31)), today=TODAY)
    # Accepted in October: C1 C4 C6 C7; C3 carried over from September; none closed (C7's
    # withdrawal on 10-15 was undone).
    assert october.value("carried_over") == 1
    assert october.value("accepted") == 4
    assert october.value("closed") == 0
    assert october.value("carried_forward") == 5
    # C3's suspension ended on 10-30: not suspended at the end of October.
    assert october.value("suspended_at_end") == 0


def test_a_past_period_with_nothing_in_it_is_a_report_of_zeros(db, world):
    empty = ReportRequest(D(2024, 3, 1), D(2024, 3, 31))
    circuit = reports.circuit_report(db, empty, today=TODAY)
    c = circuit.current
    assert (c.sessions, c.cases_on_site, c.circuit_closed, c.observers, c.trainees, c.claimed_fen) == (0,) * 6
    assert c.mediation_rate is None and c.cycle_mean is None and c.on_time_rate is None
    stats = reports.stats_report(db, empty, today=TODAY)
    assert all(line.now == 0 for line in stats.lines)
    lines = reports.circuit_lines(circuit)
    assert {line.key for line in lines if line.now is None} >= {"mediation_rate", "cycle_mean"}


def test_bad_periods_are_refused(db, world):
    with pytest.raises(ValidationError, match="早于开始日期"):
        reports.circuit_report(db, ReportRequest(D(2026, 11, 30), D(2026, 11, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="尚未开始"):
        reports.stats_report(db, ReportRequest(D(2027, 1, 1), D(2027, 1, 31)), today=TODAY)
    with pytest.raises(NotFound):
        reports.circuit_report(db, ReportRequest(D(2026, 11, 1), D(2026, 11, 30), zone_id=999), today=TODAY)


def test_a_running_period_is_counted_up_to_today(db, world):
    report = reports.circuit_report(db, ReportRequest(D(2026, 11, 1), D(2026, 11, 30)), today=D(2026, 11, 12))
    assert report.scope.partial and report.scope.period.end == D(2026, 11, 12)
    assert report.scope.period_text == "2026年11月（统计至2026-11-12）"
    assert report.current.sessions == 2  # 11-05 at E1 and 11-12 at E2
    assert report.last_year.period == reports.Period(D(2025, 11, 1), D(2025, 11, 12))


def test_each_figure_opens_the_list_behind_it(db, world):
    report = reports.circuit_report(db, NOVEMBER, today=TODAY)
    for line in reports.circuit_lines(report):
        if line.heading or line.kind != "count" or line.key in ("topics",):
            continue
        listed = reports.figure_list(db, NOVEMBER, line.key, today=TODAY)
        assert len(listed.rows) == line.now, line.key
    people = reports.figure_list(db, NOVEMBER, "observers", today=TODAY)
    assert sorted(r.cells[0] for r in people.rows) == sorted(
        ["刘晓燕", "刘晓燕", "陈志刚", "阿卜杜热合曼·阿卜杜克热木", "李𬱖"])
    on_time = reports.figure_list(db, NOVEMBER, "on_time_rate", today=TODAY)
    late = [r for r in on_time.rows if r.cells[-2] == "否"]
    assert [r.case_id for r in late] == [world.cases["C4"]]
    stats = reports.stats_report(db, NOVEMBER, today=TODAY)
    for line in stats.lines:
        if line.key != "workers":
            assert len(reports.figure_list(db, NOVEMBER, line.key, today=TODAY).rows) == line.now, line.key
    assert len(reports.figure_list(db, NOVEMBER, "sessions", last_year=True, today=TODAY).rows) == 1
    with pytest.raises(ValidationError):
        reports.figure_list(db, NOVEMBER, "no_such_figure", today=TODAY)


def test_dashboard_figures_for_the_month(db, world):
    figures = reports.dashboard_figures(db, today=D(2026, 11, 30))
    assert (figures.sessions, figures.observers, figures.mediated, figures.awarded) == (4, 5, 2, 2)
    assert figures.mediation_rate == pytest.approx(0.5)
    assert reports.dashboard_figures(db, today=D(2026, 12, 1)).mediation_rate is None


def test_closing_records_result_amount_and_the_on_site_default(db, world):
    c1 = cases.get_case(db, world.cases["C1"])
    assert (c1.result, c1.result_amount_fen, c1.mediated_on_site) == (CaseResult.PARTLY, 3_000_000, True)
    c3 = cases.get_case(db, world.cases["C3"])
    assert c3.mediated_on_site is False  # mediated on 11-25, its hearing at E2 was on 11-12
    c6 = cases.get_case(db, world.cases["C6"])
    assert c6.mediated_on_site is False  # mediated on its hearing day, but in the commission's room
    # The clerk corrects the default: C3 was in fact settled at the hearing on site.
    fixed = cases.correct_closing(db, world.cases["C3"], result=CaseResult.PARTLY, amount_fen=8_000_000,
                                  on_site=True)
    assert fixed.mediated_on_site is True
    assert reports.circuit_report(db, NOVEMBER, today=TODAY).current.mediated_on_site == 2
    with pytest.raises(ValidationError, match="只有调解结案"):
        cases.correct_closing(db, world.cases["C2"], result=CaseResult.WORKER, amount_fen=None, on_site=True)
    with pytest.raises(ValidationError, match="没有调解或裁决金额"):
        cases.correct_closing(db, world.cases["C5"], result=None, amount_fen=100, on_site=False)
    defaults = cases.closing_defaults(db, world.cases["C13"], CaseOutcome.MEDIATED, D(2026, 11, 16))
    assert defaults.on_site_days == (D(2026, 11, 16),) and defaults.mediated_on_site


@pytest.mark.postgres
def test_the_same_figures_on_postgresql(pg_url, tmp_path):
    from sqlalchemy import create_engine, text

    from tests.conftest import set_up_test_server
    from tribunal.services.app import open_database, upgrade_database

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url, dump_folder=tmp_path)  # a server's schema is made by `tribunal db upgrade`
    set_up_test_server(pg_url)  # a new server database holds no commission yet
    db = open_database(pg_url, actor="pg")
    try:
        build(db)
        c = reports.circuit_report(db, NOVEMBER, today=TODAY).current
        assert (c.sessions, c.hearings_on_site, c.circuit_closed, c.observers, c.observer_people) == (4, 6, 6, 5, 4)
        assert (c.on_time, c.on_time_allowed, c.net_cycle_mean) == (5, 6, pytest.approx(25.0))
        stats = reports.stats_report(db, NOVEMBER, today=TODAY)
        assert (stats.value("carried_over"), stats.value("accepted"), stats.value("closed"),
                stats.value("carried_forward")) == (5, 6, 7, 4)
    finally:
        db.dispose()

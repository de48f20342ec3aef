"""Benchmark of the reports on a 100,000-case register, against hand-tuned SQL measured in the same run.

Run: ``python benchmarks/reports.py [--cases N] [--keep PATH] [--repeat N]``.

Targets (issue 11):

* the yearly report (the circuit tribunal report with last year and the monthly series, plus
  the official returns' table) within 2× the time of the same aggregates written as
  hand-tuned SQL ``GROUP BY`` queries (raw sqlite3, no ORM);
* the dashboard's figures (open, received this month, closed this year, and this month's
  sessions, observers and mediation rate) within 2× the same counts as bare SQL.

The SQL floor computes the same figures the service does (sessions as distinct day and
enterprise, person-times, enterprises reached as a union, closings by method and on-site,
cycle days, on-time against the 45/60 natural days, the monthly series, the directory never
reached, the returns' table); where the service reckons with the legal calendar (due dates
rolled over holidays) the floor uses plain date arithmetic, so the floor is, if anything,
cheaper. Medians of ``--repeat`` runs; the machine's load moves both sides alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tribunal.domain.enums import CaseStatus  # noqa: E402
from tribunal.services import cases, clocks, demo, legal_calendar, reports  # noqa: E402
from tribunal.services.app import open_database  # noqa: E402
from tribunal.services.cases import CaseFilter  # noqa: E402

TODAY = dt.date(2026, 11, 27)
YEAR = 2026


def _median_time(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# ---------------------------------------------------------------- the hand-tuned SQL floor

ON_SITE = "h.status = 'held' AND h.host_enterprise_id IS NOT NULL AND h.starts_at >= ? AND h.starts_at < ?"
CIRCUIT = ("c.closed_date >= ? AND c.closed_date <= ? AND c.accepted_date IS NOT NULL AND EXISTS "
           "(SELECT 1 FROM hearing h WHERE h.case_id = c.id AND h.status = 'held' "
           "AND h.host_enterprise_id IS NOT NULL)")


def _span(start: dt.date, end: dt.date) -> tuple[str, str]:
    return f"{start} 00:00:00", f"{end + dt.timedelta(days=1)} 00:00:00"


def sql_circuit_period(con: sqlite3.Connection, start: dt.date, end: dt.date) -> dict[str, object]:
    lo, hi = _span(start, end)
    q = con.execute
    out: dict[str, object] = {}
    out["sessions"] = q(f"SELECT COUNT(*) FROM (SELECT DISTINCT date(h.starts_at), h.host_enterprise_id "
                        f"FROM hearing h WHERE {ON_SITE})", (lo, hi)).fetchone()[0]
    out["hearings"], out["cases"] = q(f"SELECT COUNT(*), COUNT(DISTINCT h.case_id) FROM hearing h WHERE {ON_SITE}",
                                      (lo, hi)).fetchone()
    out["by_type"] = q(f"SELECT c.case_type, COUNT(DISTINCT h.case_id) FROM hearing h JOIN arbitration_case c "
                       f"ON c.id = h.case_id WHERE {ON_SITE} GROUP BY c.case_type", (lo, hi)).fetchall()
    out["observers"] = q(f"SELECT COUNT(*), COUNT(DISTINCT i.observer_id), SUM(i.walk_in) FROM hearing h "
                         f"JOIN invitation i ON i.hearing_id = h.id WHERE i.status = 'attended' AND {ON_SITE}",
                         (lo, hi)).fetchone()
    out["enterprises"] = q(
        f"SELECT (SELECT COUNT(DISTINCT h.host_enterprise_id) FROM hearing h WHERE {ON_SITE}), "
        f"(SELECT COUNT(DISTINCT o.enterprise_id) FROM hearing h JOIN invitation i ON i.hearing_id = h.id "
        f"JOIN observer o ON o.id = i.observer_id WHERE i.status = 'attended' AND {ON_SITE}), "
        f"(SELECT COUNT(*) FROM (SELECT h.host_enterprise_id FROM hearing h WHERE {ON_SITE} UNION "
        f"SELECT o.enterprise_id FROM hearing h JOIN invitation i ON i.hearing_id = h.id JOIN observer o "
        f"ON o.id = i.observer_id WHERE i.status = 'attended' AND o.enterprise_id IS NOT NULL AND {ON_SITE}))",
        (lo, hi) * 4).fetchone()
    days = ("julianday(c.closed_date) - julianday(c.accepted_date) - COALESCE((SELECT SUM(MAX(0, "
            "julianday(MIN(COALESCE(s.end_date, c.closed_date), c.closed_date)) - "
            "julianday(MAX(s.start_date, date(c.accepted_date, '+1 day'))) + 1)) FROM case_suspension s "
            "WHERE s.case_id = c.id), 0)")
    out["closings"] = q(
        f"SELECT c.outcome, c.mediated_on_site, COUNT(*), SUM(c.claim_total_fen), SUM(c.result_amount_fen), "
        f"AVG(julianday(c.closed_date) - julianday(c.accepted_date)), AVG({days}), "
        f"SUM(c.closed_date <= date(c.accepted_date, '+45 days')), "
        f"SUM(c.closed_date <= date(c.accepted_date, CASE WHEN c.extension_approved THEN '+60 days' "
        f"ELSE '+45 days' END)) FROM arbitration_case c WHERE {CIRCUIT} GROUP BY c.outcome, c.mediated_on_site",
        (start, end)).fetchall()
    for name, expression in (("median", "julianday(c.closed_date) - julianday(c.accepted_date)"),
                             ("net_median", days)):
        n = q(f"SELECT COUNT(*) FROM arbitration_case c WHERE {CIRCUIT}", (start, end)).fetchone()[0]
        out[name] = q(f"SELECT AVG(d) FROM (SELECT {expression} AS d FROM arbitration_case c WHERE {CIRCUIT} "
                      f"ORDER BY d LIMIT 2 - ? % 2 OFFSET (? - 1) / 2)", (start, end, n, n)).fetchone()[0]
    out["training"] = q(
        "SELECT COUNT(*), (SELECT COUNT(*) FROM training_attendance a JOIN training_session t ON t.id = "
        "a.session_id WHERE t.starts_at >= ? AND t.starts_at < ?), (SELECT COUNT(DISTINCT st.topic_id) FROM "
        "training_session_topic st JOIN training_session t ON t.id = st.session_id WHERE t.starts_at >= ? "
        "AND t.starts_at < ?) FROM training_session t WHERE t.starts_at >= ? AND t.starts_at < ?",
        (lo, hi) * 3).fetchone()
    return out


def sql_yearly_report(con: sqlite3.Connection, year: int, today: dt.date) -> dict[str, object]:
    """The same aggregates as the yearly report, as hand-written SQL."""
    start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
    last_start, last_end = dt.date(year - 1, 1, 1), end.replace(year=year - 1)
    out = {"now": sql_circuit_period(con, start, end), "last": sql_circuit_period(con, last_start, last_end)}
    lo, hi = _span(start, end)
    q = con.execute
    out["monthly_hearings"] = q(
        f"SELECT strftime('%Y-%m', h.starts_at), COUNT(DISTINCT date(h.starts_at) || '/' || h.host_enterprise_id), "
        f"COUNT(*) FROM hearing h WHERE {ON_SITE} GROUP BY 1", (lo, hi)).fetchall()
    out["monthly_observers"] = q(
        f"SELECT strftime('%Y-%m', h.starts_at), COUNT(*) FROM hearing h JOIN invitation i ON i.hearing_id = h.id "
        f"WHERE i.status = 'attended' AND {ON_SITE} GROUP BY 1", (lo, hi)).fetchall()
    out["monthly_closings"] = q(
        f"SELECT strftime('%Y-%m', c.closed_date), c.outcome, COUNT(*) FROM arbitration_case c WHERE {CIRCUIT} "
        f"AND c.outcome IN ('mediated', 'awarded') GROUP BY 1, 2", (start, end)).fetchall()
    reached = ("SELECT host_enterprise_id FROM hearing WHERE status = 'held' AND host_enterprise_id IS NOT NULL "
               "AND starts_at < ? UNION SELECT o.enterprise_id FROM invitation i JOIN hearing h ON h.id = "
               "i.hearing_id JOIN observer o ON o.id = i.observer_id WHERE i.status = 'attended' AND "
               "h.status = 'held' AND h.host_enterprise_id IS NOT NULL AND h.starts_at < ?")
    out["never_reached"] = q(f"SELECT id, name FROM enterprise WHERE id NOT IN ({reached}) ORDER BY name",
                             (hi, hi)).fetchall()
    out["zones"] = q("SELECT zone_id, COUNT(*) FROM enterprise GROUP BY zone_id").fetchall()
    for key, (a, b) in (("stats_now", (start, end)), ("stats_last", (last_start, last_end))):
        out[key] = (
            q("SELECT COUNT(*) FROM arbitration_case WHERE accepted_date < ? AND (closed_date IS NULL OR "
              "closed_date >= ?)", (a, a)).fetchone(),
            q("SELECT case_type, collective, COUNT(*), SUM(worker_count) FROM arbitration_case WHERE "
              "accepted_date BETWEEN ? AND ? GROUP BY case_type, collective", (a, b)).fetchall(),
            q("SELECT outcome, result, COUNT(*) FROM arbitration_case WHERE accepted_date IS NOT NULL AND "
              "closed_date BETWEEN ? AND ? GROUP BY outcome, result", (a, b)).fetchall(),
            q("SELECT COUNT(*) FROM arbitration_case c WHERE accepted_date <= ? AND (closed_date IS NULL OR "
              "closed_date > ?) AND EXISTS (SELECT 1 FROM case_suspension s WHERE s.case_id = c.id AND "
              "s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?))", (b, b, b, b)).fetchone(),
        )
    return out


def sql_dashboard(con: sqlite3.Connection, today: dt.date) -> tuple[object, ...]:
    first = today.replace(day=1)
    lo, hi = _span(first, today)
    q = con.execute
    return (
        q("SELECT COUNT(*) FROM arbitration_case WHERE status NOT IN ('closed', 'rejected')").fetchone()[0],
        q("SELECT COUNT(*) FROM arbitration_case WHERE received_date BETWEEN ? AND ?", (first, today)).fetchone()[0],
        q("SELECT COUNT(*) FROM arbitration_case WHERE status = 'closed' AND closed_date >= ?",
          (today.replace(month=1, day=1),)).fetchone()[0],
        q(f"SELECT COUNT(*) FROM (SELECT DISTINCT date(h.starts_at), h.host_enterprise_id FROM hearing h "
          f"WHERE {ON_SITE})", (lo, hi)).fetchone()[0],
        q(f"SELECT COUNT(*) FROM hearing h JOIN invitation i ON i.hearing_id = h.id WHERE i.status = 'attended' "
          f"AND {ON_SITE}", (lo, hi)).fetchone()[0],
        q(f"SELECT c.outcome, COUNT(*) FROM arbitration_case c WHERE {CIRCUIT} AND c.outcome IN "
          f"('mediated', 'awarded') GROUP BY c.outcome", (first, today)).fetchall(),
    )


# ---------------------------------------------------------------- the program


def program_yearly_report(db: object, year: int, today: dt.date) -> object:
    request = reports.ReportRequest(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return reports.circuit_report(db, request, today=today), reports.stats_report(db, request, today=today)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000, help="synthetic cases (default 100000)")
    parser.add_argument("--keep", type=Path, help="reuse/keep the database at this path")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.sqlite3"
        fresh = not path.exists()
        db = open_database(str(path), actor="benchmark")
        try:
            if fresh:
                start = time.perf_counter()
                demo.load_demo(db, extra_cases=args.cases, today=TODAY)
                print(f"built {args.cases} synthetic cases + demo set in {time.perf_counter() - start:.1f} s")
            legal_calendar.calendar(db)
            con = sqlite3.connect(path)
            counts = con.execute("SELECT (SELECT COUNT(*) FROM arbitration_case), (SELECT COUNT(*) FROM hearing), "
                                 "(SELECT COUNT(*) FROM invitation), (SELECT COUNT(*) FROM enterprise)").fetchone()
            print(f"register: {counts[0]} cases, {counts[1]} hearings, {counts[2]} invitations, "
                  f"{counts[3]} enterprises")

            # Interleave the two sides so the machine's load moves both alike.
            program_year, sql_year = [], []
            for _ in range(args.repeat):
                t, result = _median_time(lambda: program_yearly_report(db, YEAR, TODAY), 1)
                program_year.append(t)
                t, _ = _median_time(lambda: sql_yearly_report(con, YEAR, TODAY), 1)
                sql_year.append(t)
            circuit, stats = result  # type: ignore[misc]
            c = circuit.current
            p, s = statistics.median(program_year), statistics.median(sql_year)
            print(f"yearly report {YEAR}: program median {p:.3f} s, hand-tuned SQL median {s:.3f} s, "
                  f"ratio {p / s:.2f} (target ≤ 2.00)")
            print(f"  sessions {c.sessions}, hearings on site {c.hearings_on_site}, cases on site {c.cases_on_site}, "
                  f"circuit closed {c.circuit_closed}, mediation rate {c.mediation_rate:.3f}, "
                  f"observers {c.observers}, enterprises reached {c.enterprises_total}, "
                  f"accepted {stats.value('accepted')}, closed {stats.value('closed')}")

            def dashboard() -> object:
                counts = [cases.count_cases(db, f) for f in (
                    CaseFilter(open_only=True), CaseFilter(received_from=TODAY.replace(day=1), received_to=TODAY),
                    CaseFilter(status=CaseStatus.CLOSED, closed_from=TODAY.replace(month=1, day=1)))]
                return counts, reports.dashboard_figures(db, today=TODAY)

            program_dash, sql_dash = [], []
            for _ in range(args.repeat * 2):
                t, figures = _median_time(dashboard, 1)
                program_dash.append(t)
                t, bare = _median_time(lambda: sql_dashboard(con, TODAY), 1)
                sql_dash.append(t)
            p, s = statistics.median(program_dash), statistics.median(sql_dash)
            print(f"dashboard figures: program median {p * 1000:.1f} ms, bare SQL median {s * 1000:.1f} ms, "
                  f"ratio {p / s:.2f} (target ≤ 2.00)")
            print(f"  program {figures}")
            print(f"  bare SQL {bare}")
            t, overview = _median_time(lambda: clocks.due_overview(db, TODAY), 3)
            print(f"due this week (statutory clocks of every open case, run in the background): median {t:.3f} s, "
                  f"{len(overview.due_this_week)} dates")  # type: ignore[attr-defined]
            con.close()
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the statutory clocks: award due dates and the dashboard overview over 100,000 cases.

Run: ``PYTHONPATH=src:. python benchmarks/clocks.py [--cases N] [--keep PATH]``.
Target (issue): computing all clocks for 100,000 cases in under 5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tribunal.services import clocks, demo, legal_calendar
from tribunal.services.app import open_database

TODAY = dt.date(2026, 11, 27)


def _time(label: str, func, repeat: int = 3) -> object:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    print(f"{label}: median {statistics.median(times):.3f} s  (runs: "
          + ", ".join(f"{t:.3f}" for t in times) + ")")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000, help="synthetic cases (default 100000)")
    parser.add_argument("--keep", type=Path, help="reuse/keep the database at this path")
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
            legal_calendar.calendar(db)  # seed the calendar once, outside the timings

            awards = _time("all_award_due_dates (cold calendar cache)",
                           lambda: (legal_calendar._kept.clear(), clocks.all_award_due_dates(db, TODAY))[1])
            awards = _time("all_award_due_dates", lambda: clocks.all_award_due_dates(db, TODAY))
            assert isinstance(awards, dict)
            states: dict[str, int] = {}
            for a in awards.values():
                states[a.state] = states.get(a.state, 0) + 1
            print(f"  open accepted cases: {len(awards)}; states: {states}")

            overview = _time("due_overview (all clocks of all open cases)",
                             lambda: clocks.due_overview(db, TODAY))
            assert isinstance(overview, clocks.DueOverview)
            print(f"  due this week: {len(overview.due_this_week)}, overdue: {len(overview.overdue)}, "
                  f"unknown years: {sorted(overview.unknown_years)}")

            some_id = next(iter(awards))
            _time("case_clock (one case)", lambda: clocks.case_clock(db, some_id, TODAY), repeat=20)
        finally:
            db.dispose()

        # Worst case: every case open (the synthetic set closes about two in five).
        worst = Path(tmp) / "all-open.sqlite3"
        shutil.copyfile(path, worst)
        con = sqlite3.connect(worst)
        with con:
            con.execute("UPDATE arbitration_case SET status = 'accepted', outcome = NULL, closed_date = NULL, "
                        "accepted_date = coalesce(accepted_date, received_date)")
        con.close()
        db = open_database(str(worst), actor="benchmark")
        try:
            legal_calendar.calendar(db)
            awards = _time("all_award_due_dates, every case open", lambda: clocks.all_award_due_dates(db, TODAY))
            print(f"  open accepted cases: {len(awards)}")
            overview = _time("due_overview, every case open", lambda: clocks.due_overview(db, TODAY))
            assert isinstance(overview, clocks.DueOverview)
            print(f"  due this week: {len(overview.due_this_week)}, overdue: {len(overview.overdue)}")
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

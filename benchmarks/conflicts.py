"""Benchmark: checking a new hearing for conflicts against 10,000 scheduled hearings (target < 50 ms).

Run: ``PYTHONPATH=src python benchmarks/conflicts.py [--hearings 10000] [--runs 50] [--keep DIR]``.
Builds a temporary SQLite database with 30 arbitrators and clerks, 40 host enterprises with
rooms, 10,000 cases and the given number of scheduled hearings spread over the working days
of two years (bulk Core inserts), then times ``hearings.check_hearing`` for a new hearing on
a busy day: the median of ``--runs`` runs after one warm-up run. Prints milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sqlalchemy import insert, select  # noqa: E402

from tribunal.db.models import (  # noqa: E402
    Case,
    Enterprise,
    Hearing,
    HearingPanelMember,
    Room,
    Staff,
)
from tribunal.domain.enums import (  # noqa: E402
    CaseStatus,
    CaseType,
    HearingStatus,
    PanelRole,
    PartyKind,
    PartyRole,
    StaffRole,
)
from tribunal.services import cases, demo, hearings, legal_calendar  # noqa: E402
from tribunal.services.app import open_database  # noqa: E402

TODAY = dt.date(2026, 11, 27)
FIRST_DAY = dt.date(2025, 1, 1)
LAST_DAY = dt.date(2026, 12, 31)


def build(db, n_hearings: int, rng: random.Random) -> dict[str, list[int]]:
    """Staff, enterprises with rooms, 10,000 cases and ``n_hearings`` hearings, with Core inserts."""
    with db.session() as s:
        s.execute(insert(Staff), [{"name": f"仲裁员{i:02d}", "role": StaffRole.ARBITRATOR, "active": True,
                                   "full_time": True} for i in range(20)]
                  + [{"name": f"书记员{i:02d}", "role": StaffRole.CLERK, "active": True, "full_time": True}
                     for i in range(10)])
        s.execute(insert(Enterprise), [{"name": f"邵阳市第{i}制造有限公司", "normalised_name": f"邵阳市第{i}制造有限公司",
                                        "address": f"邵阳市工业园{i}号"} for i in range(40)])
        ents = list(s.scalars(select(Enterprise.id)))
        s.execute(insert(Room), [{"enterprise_id": e, "name": "会议室", "capacity": 40, "active": True}
                                 for e in ents]
                  + [{"enterprise_id": None, "name": f"第{i}仲裁庭", "capacity": 40, "active": True}
                     for i in (1, 2)])
    demo.add_synthetic_cases(db, 10_000, today=TODAY, activity=False)  # hearings are made below
    with db.session(write=False) as s:
        ids = {
            "arbitrators": list(s.scalars(select(Staff.id).where(Staff.role == StaffRole.ARBITRATOR))),
            "clerks": list(s.scalars(select(Staff.id).where(Staff.role == StaffRole.CLERK))),
            "rooms": list(s.scalars(select(Room.id))),
            "cases": list(s.scalars(select(Case.id))),
        }
    days = [FIRST_DAY + dt.timedelta(days=d) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
    days = [d for d in days if d.weekday() < 5]
    rows, panels = [], []
    for k in range(n_hearings):
        day = rng.choice(days)
        start = dt.datetime.combine(day, dt.time(rng.choice((8, 9, 10, 14, 15)), rng.choice((0, 30))))
        rows.append({"id": k + 1, "case_id": rng.choice(ids["cases"]), "room_id": rng.choice(ids["rooms"]),
                     "starts_at": start, "ends_at": start + dt.timedelta(hours=rng.choice((1, 2))),
                     "public": True, "status": HearingStatus.SCHEDULED, "clerk_id": rng.choice(ids["clerks"])})
        seats = rng.sample(ids["arbitrators"], 3 if rng.random() < 0.3 else 1)
        roles = [PanelRole.SOLE] if len(seats) == 1 else [PanelRole.PRESIDING, PanelRole.MEMBER, PanelRole.MEMBER]
        panels += [{"hearing_id": k + 1, "staff_id": sid, "role": role, "position": i}
                   for i, (sid, role) in enumerate(zip(seats, roles, strict=True))]
    with db.session() as s:
        for chunk in range(0, len(rows), 5_000):
            s.execute(insert(Hearing), rows[chunk:chunk + 5_000])
        for chunk in range(0, len(panels), 5_000):
            s.execute(insert(HearingPanelMember), panels[chunk:chunk + 5_000])
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hearings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="keep the benchmark database in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tribunal-bench-conflicts-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "conflicts.sqlite3"
    path.unlink(missing_ok=True)
    db = open_database(str(path), actor="benchmark")
    rng = random.Random(2026)
    start = time.perf_counter()
    ids = build(db, args.hearings, rng)
    print(f"built {args.hearings} hearings on 10,000 cases in {time.perf_counter() - start:.1f} s ({path})")
    legal_calendar.calendar(db)  # seeded and cached once, as in the running program

    case = cases.create_case(db, cases.CaseInput(
        case_type=CaseType.WAGES, received_date=dt.date(2026, 11, 20), accepted_date=dt.date(2026, 11, 23),
        status=CaseStatus.ACCEPTED,
        parties=(cases.PartyInput(PartyRole.APPLICANT, PartyKind.PERSON, "张三"),
                 cases.PartyInput(PartyRole.RESPONDENT, PartyKind.ORGANISATION, "邵阳市第3制造有限公司")),
        arbitrators=(cases.ArbitratorInput(ids["arbitrators"][0], PanelRole.PRESIDING),
                     cases.ArbitratorInput(ids["arbitrators"][1], PanelRole.MEMBER),
                     cases.ArbitratorInput(ids["arbitrators"][2], PanelRole.MEMBER)),
        clerk_id=ids["clerks"][0],
    ), today=TODAY)
    day = dt.date(2026, 12, 9)
    data = hearings.HearingInput(
        case_id=case.id, starts_at=dt.datetime.combine(day, dt.time(9, 30)),
        ends_at=dt.datetime.combine(day, dt.time(11, 30)), room_id=ids["rooms"][0],
        panel=tuple((a.staff_id, a.role) for a in case.arbitrators), clerk_id=ids["clerks"][0],
    )
    with db.session(write=False) as s:
        same_day = len(s.scalars(select(Hearing.id).where(
            Hearing.starts_at >= dt.datetime.combine(day, dt.time()),
            Hearing.starts_at < dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))).all())
    findings = hearings.check_hearing(db, data, today=TODAY)  # warm-up (statement cache)
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        hearings.check_hearing(db, data, today=TODAY)
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    print(f"{same_day} other hearings on {day}; the check found {len(findings)} item(s): "
          + ", ".join(sorted({f.rule_key for f in findings})))
    print(f"check_hearing against {args.hearings} hearings: median {median:.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms over {args.runs} runs "
          f"(target < 50 ms: {'met' if median < 50 else 'MISSED'})")
    db.dispose()
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

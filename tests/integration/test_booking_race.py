"""Two workstations racing to book one arbitrator: exactly one wins, on SQLite and PostgreSQL.

Each round, two real processes (as two clerks' PCs would be) wait at a barrier and
then schedule hearings of two different cases, in two different rooms, with the same
arbitrator at overlapping times. Exactly one booking may be saved; the other clerk gets the
conflict (HearingConflict naming the double booking), never a second hearing in the diary.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.test_conflicts import World
from tests.integration.workstations import book_hearings, workstations
from tribunal.db.models import Hearing, HearingPanelMember
from tribunal.domain.enums import HearingStatus

ROUNDS = int(os.environ.get("TRIBUNAL_RACE_ROUNDS", "20"))
SLOW_ROUNDS = 100
DAY = dt.date(2026, 12, 8)  # a Tuesday, within both cases' award periods


def _slot(round_no: int, second: bool) -> tuple[dt.datetime, dt.datetime]:
    """Round n: the first clerk asks for [t, t+10 min], the second for [t+5, t+15]."""
    start = dt.datetime.combine(DAY + dt.timedelta(days=round_no // 30), dt.time(8, 30))
    start += dt.timedelta(minutes=15 * (round_no % 30) + (5 if second else 0))
    return start, start + dt.timedelta(minutes=10)


def _race(url: str, world: World, rounds: int) -> None:
    ctx = workstations()
    barrier = ctx.Barrier(2)
    out: mp.Queue[tuple[int, str, object]] = ctx.Queue()
    arbitrator = world.staff["李建国"]
    proposals = [
        {"case": world.case1.id, "room": world.room["R1"], "arbitrator": arbitrator, "clerk": world.staff["赵静"]},
        {"case": world.case2.id, "room": world.room["R2"], "arbitrator": arbitrator, "clerk": world.staff["孙浩"]},
    ]
    procs = [ctx.Process(target=book_hearings,
                         args=(url, p, i == 1, [_slot(n, i == 1) for n in range(rounds)], TODAY, barrier, out))
             for i, p in enumerate(proposals)]
    for p in procs:
        p.start()
    results: list[tuple[int, str, object]] = []
    while len(results) < 2 * rounds:
        got = out.get(timeout=180)
        results.append(got)
        if got[1] == "error":
            break
    for p in procs:
        p.join(timeout=60)
    assert not [r for r in results if r[1] == "error"], results
    by_round: dict[int, list[str]] = {}
    for n, outcome, named in results:
        assert named, f"round {n}: the refusal did not name the double booking"
        by_round.setdefault(n, []).append(outcome)
    assert sorted(by_round) == list(range(rounds))
    assert all(sorted(v) == ["booked", "conflict"] for v in by_round.values()), by_round

    with world.db.session(write=False) as s:
        booked = s.scalar(select(func.count(Hearing.id)).join(HearingPanelMember)
                          .where(HearingPanelMember.staff_id == arbitrator,
                                 Hearing.status == HearingStatus.SCHEDULED))
    assert booked == rounds  # one hearing per round in the diary, never two


def _rounds(request: pytest.FixtureRequest) -> int:
    return SLOW_ROUNDS if request.node.get_closest_marker("slow") else ROUNDS


def test_racing_bookings(w: World, request: pytest.FixtureRequest) -> None:
    _race(w.db.url, w, _rounds(request))


@pytest.mark.slow
def test_racing_bookings_many_rounds(w: World, request: pytest.FixtureRequest) -> None:
    _race(w.db.url, w, _rounds(request))

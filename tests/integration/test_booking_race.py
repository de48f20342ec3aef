"""Two workstations racing to book one arbitrator: exactly one wins, on SQLite and PostgreSQL.

Each round, two real processes (spawned, as two clerks' PCs would be) wait at a barrier and
then schedule hearings of two different cases, in two different rooms, with the same
arbitrator at overlapping times. Exactly one booking may be saved; the other clerk gets the
conflict (HearingConflict naming the double booking), never a second hearing in the diary.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections.abc import Iterator
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.test_conflicts import World, make_world
from tribunal.db.models import Hearing, HearingPanelMember
from tribunal.domain.enums import HearingStatus, PanelRole
from tribunal.domain.scheduling import HearingConflict, HearingInput
from tribunal.services import hearings, legal_calendar
from tribunal.services.app import open_database, upgrade_database

ROUNDS = int(os.environ.get("TRIBUNAL_RACE_ROUNDS", "20"))
SLOW_ROUNDS = 100
DAY = dt.date(2026, 12, 8)  # a Tuesday, within both cases' award periods


def _slot(round_no: int, second: bool) -> tuple[dt.datetime, dt.datetime]:
    """Round n: the first clerk asks for [t, t+10 min], the second for [t+5, t+15]."""
    start = dt.datetime.combine(DAY + dt.timedelta(days=round_no // 30), dt.time(8, 30))
    start += dt.timedelta(minutes=15 * (round_no % 30) + (5 if second else 0))
    return start, start + dt.timedelta(minutes=10)


def _clerk(url: str, proposal: dict[str, int], second: bool, rounds: int,
           barrier: Barrier, out: mp.Queue[tuple[int, str, object]]) -> None:
    """One workstation: books its case every round, right after the other one is ready."""
    try:
        db = open_database(url, actor="第二书记员" if second else "第一书记员")
    except Exception as exc:
        out.put((-1, "error", repr(exc)))
        barrier.abort()
        return
    try:
        for n in range(rounds):
            starts, ends = _slot(n, second)
            data = HearingInput(
                case_id=proposal["case"], starts_at=starts, ends_at=ends, room_id=proposal["room"],
                panel=((proposal["arbitrator"], PanelRole.SOLE),), clerk_id=proposal["clerk"])
            barrier.wait(timeout=120)
            try:
                hearings.schedule_hearing(db, data, "测试：允许提醒", today=TODAY)
            except HearingConflict as exc:
                out.put((n, "conflict", "staff.double_booked" in {f.rule_key for f in exc.findings}))
            else:
                out.put((n, "booked", True))
    except Exception as exc:
        out.put((-1, "error", repr(exc)))
        barrier.abort()  # the other workstation stops waiting for this one
    finally:
        db.dispose()


def _race(url: str, world: World, rounds: int) -> None:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    out: mp.Queue[tuple[int, str, object]] = ctx.Queue()
    arbitrator = world.staff["李建国"]
    proposals = [
        {"case": world.case1.id, "room": world.room["R1"], "arbitrator": arbitrator, "clerk": world.staff["赵静"]},
        {"case": world.case2.id, "room": world.room["R2"], "arbitrator": arbitrator, "clerk": world.staff["孙浩"]},
    ]
    procs = [ctx.Process(target=_clerk, args=(url, p, i == 1, rounds, barrier, out))
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


@pytest.fixture
def pg_world(pg_url: str, tmp_path: Path) -> Iterator[World]:
    """The scheduling world on this worker's PostgreSQL database, schema made afresh."""
    from sqlalchemy import create_engine, text

    from tests.conftest import set_up_test_server

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url, dump_folder=tmp_path)
    set_up_test_server(pg_url)
    db = open_database(pg_url, actor="测试书记员")
    world = make_world(db)
    legal_calendar.calendar(db)
    yield world
    db.dispose()


@pytest.mark.sqlite_only(reason="races two processes on one SQLite file; the server race is the test below")
def test_racing_bookings_on_sqlite(w: World, request: pytest.FixtureRequest) -> None:
    assert w.db.path is not None
    _race(str(w.db.path), w, _rounds(request))


@pytest.mark.postgres
def test_racing_bookings_on_postgresql(pg_world: World, pg_url: str, request: pytest.FixtureRequest) -> None:
    _race(pg_url, pg_world, _rounds(request))


@pytest.mark.slow
@pytest.mark.sqlite_only(reason="races two processes on one SQLite file; the server race is the test below")
def test_racing_bookings_on_sqlite_many_rounds(w: World, request: pytest.FixtureRequest) -> None:
    assert w.db.path is not None
    _race(str(w.db.path), w, _rounds(request))


@pytest.mark.slow
@pytest.mark.postgres
def test_racing_bookings_on_postgresql_many_rounds(pg_world: World, pg_url: str,
                                                   request: pytest.FixtureRequest) -> None:
    _race(pg_url, pg_world, _rounds(request))

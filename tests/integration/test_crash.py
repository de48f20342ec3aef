"""Crash safety: a writer killed at random moments loses no committed row and leaves an intact file.

A small "writer factory" runs in its own fresh interpreter: it imports the program once,
warms it up, and forks a writer whenever the test asks. Forking there — a single-threaded
process — rather than in the test runner (which has threads of its own) keeps the children
from inheriting a lock held by another thread. Each writer registers and edits cases as fast
as it can and appends a line to a report file after each commit returns; the test kills it
with SIGKILL at a random moment and then checks, after every kill, that the file passes
``PRAGMA integrity_check`` and that every reported commit is there.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

DEFAULT_KILLS = 60
SLOW_KILLS = 400

FACTORY = r'''
import dataclasses, datetime as dt, os, random, sys, time
from tests.integration.helpers import case_input
from tribunal.services import cases
from tribunal.services.app import open_database

TODAY = dt.date(2026, 11, 27)
path = sys.argv[1]
warm = open_database(path, actor="崩溃测试")  # compile every statement once, before forking
first = cases.create_case(warm, case_input(), today=TODAY)
cases.update_case(warm, first.id, first.to_input(), expected_version=first.version, today=TODAY)
started = time.perf_counter()  # how long one save takes on this machine, under its load now
timed = cases.create_case(warm, case_input(), today=TODAY)
took = time.perf_counter() - started
# The connections are closed but the engine is kept: each writer forked from here opens its own
# connection and reuses the compiled statements, as a program that has been running a while
# does, so its first save takes about ``took`` too.
warm.engine.dispose()
print(f"warm {first.id} {first.version + 1} {timed.id} {took}", flush=True)


def writer(report, seed):
    rng = random.Random(seed)
    db = warm  # no connection open (closed before forking): this process opens its own
    fd = os.open(report, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(fd, b"ready\n")
    last = None
    while True:
        if last is not None and rng.random() < 0.3:
            last = cases.update_case(db, last.id, dataclasses.replace(last.to_input(), summary=str(rng.random())),
                                     expected_version=last.version, today=TODAY)
            os.write(fd, f"update {last.id} {last.version}\n".encode())
        else:
            last = cases.create_case(db, case_input(), today=TODAY)
            os.write(fd, f"create {last.id} 1\n".encode())


for line in sys.stdin:
    command, arg = line.split(" ", 1)
    arg = arg.strip()
    if command == "go":
        report, seed = arg.rsplit(" ", 1)
        pid = os.fork()
        if pid == 0:
            try:
                writer(report, int(seed))
            finally:
                os._exit(0)
        print(pid, flush=True)
    elif command == "reap":
        os.waitpid(int(arg), 0)
        print("ok", flush=True)
'''


def _wait_ready(report: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if report.exists() and report.read_bytes().startswith(b"ready\n"):
            return
        time.sleep(0.002)
    raise AssertionError("the writer did not start")


def _run(db_path: Path, tmp_path: Path, kills: int, seed: int) -> tuple[int, int, int]:
    """Kill ``kills`` writers; returns (kills, commits reported, cases checked after every kill)."""
    rng = random.Random(seed)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(root / "src"), *sys.path])}
    # The factory's own error output goes to a file: inherited, it would be the test runner's,
    # which under pytest-xdist is not drained while the test waits.
    errors = (tmp_path / "factory-errors.txt").open("w")
    factory = subprocess.Popen([sys.executable, "-c", FACTORY, str(db_path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=errors, text=True, env=env, cwd=root)
    assert factory.stdin is not None and factory.stdout is not None
    committed: dict[int, int] = {}  # case id → the highest version reported as committed
    reports = 0
    try:
        _kind, first_id, first_version, timed_id, took = factory.stdout.readline().split()
        committed[int(first_id)] = int(first_version)
        committed[int(timed_id)] = 1
        # The kill falls within a few saves' time: on a loaded machine a save may take longer
        # than the 0.2 s an idle one needs for several.
        window = max(0.2, 4 * float(took))
        for n in range(kills):
            report = tmp_path / f"report-{n}.txt"
            factory.stdin.write(f"go {report} {seed * 1000 + n}\n")
            factory.stdin.flush()
            pid = int(factory.stdout.readline())
            _wait_ready(report, time.monotonic() + 60)
            # Kill it somewhere in its work: inside a commit, between two, while SQLite
            # checkpoints the log — wherever the moment falls.
            time.sleep(rng.uniform(0.0, window))
            os.kill(pid, signal.SIGKILL)
            factory.stdin.write(f"reap {pid}\n")
            factory.stdin.flush()
            assert factory.stdout.readline().strip() == "ok"
            # A line cut by the kill was never fully reported: only complete lines count.
            lines = report.read_text().split("\n")[1:-1]
            for line in lines:
                reports += 1
                _kind, case_id, version = line.split()
                committed[int(case_id)] = max(committed.get(int(case_id), 0), int(version))
            _check(db_path, committed)
    finally:
        factory.stdin.close()
        factory.wait(timeout=60)
        errors.close()
    assert reports, (tmp_path / "factory-errors.txt").read_text()[-2000:]
    return kills, reports, len(committed)


def _check(db_path: Path, committed: dict[int, int]) -> None:
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(con.execute("SELECT id, version FROM arbitration_case"))
        lost = [i for i in committed if i not in stored]
        assert not lost, f"committed cases lost: {lost[:10]}"
        behind = [i for i, v in committed.items() if stored[i] < v]
        assert not behind, f"committed edits lost: {behind[:10]}"
        # Whole cases only: every case has its parties; numbers stay gap-free (a killed
        # transaction gives its number back).
        assert con.execute("SELECT count(*) FROM arbitration_case c WHERE NOT EXISTS "
                           "(SELECT 1 FROM party p WHERE p.case_id = c.id)").fetchone()[0] == 0
        seqs = [s for (s,) in con.execute("SELECT seq FROM arbitration_case ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        con.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked")
def test_a_writer_killed_at_random_moments_loses_nothing_committed(db_path, tmp_path):
    kills, commits, cases_checked = _run(db_path, tmp_path, DEFAULT_KILLS, seed=20261207)
    # The writers got real work done between kills (how much depends on the machine's load);
    # each commit was checked after every kill.
    assert kills >= 50 and commits >= 10 and cases_checked > 5


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked")
def test_many_more_kills(db_path, tmp_path):
    kills, commits, cases_checked = _run(db_path, tmp_path, SLOW_KILLS, seed=1207)
    assert kills == SLOW_KILLS and commits >= 100 and cases_checked > 50

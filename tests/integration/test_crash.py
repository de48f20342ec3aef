"""Crash safety: a writer killed at random moments loses no committed row and leaves an intact file."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.integration.helpers import case_input
from tribunal.services import cases
from tribunal.services.app import open_database

DEFAULT_KILLS = 60
SLOW_KILLS = 400


def _writer(path: Path, fd: int, seed: int) -> None:
    """The child: register and edit cases as fast as it can, reporting each commit after it returns.

    Everything it needs is imported by the parent, so a forked writer starts at once.
    """
    rng = random.Random(seed)
    db = open_database(str(path), actor="崩溃测试")
    os.write(fd, b"ready\n")
    last = None
    while True:
        if last is not None and rng.random() < 0.3:
            last = cases.update_case(db, last.id, dataclasses.replace(last.to_input(), summary=f"第{rng.random()}稿"),
                                     expected_version=last.version, today=TODAY)
            os.write(fd, f"update {last.id} {last.version}\n".encode())
        else:
            last = cases.create_case(db, case_input(), today=TODAY)
            os.write(fd, f"create {last.id} {last.seq}\n".encode())


def _read_reports(fd: int) -> list[str]:
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not data:
            break
        chunks.append(data)
    text = b"".join(chunks).decode()
    # A line cut by the kill was never fully reported: only complete lines count.
    return [line for line in text.split("\n")[:-1] if line]


def _run(db_path: Path, kills: int, seed: int) -> tuple[int, int, int]:
    """Kill ``kills`` writers; returns (kills, commits reported, cases checked after every kill)."""
    rng = random.Random(seed)
    committed: dict[int, int] = {}  # case id → the highest version reported as committed
    # Warm up in the parent (SQLAlchemy compiles each statement once per process): the forked
    # writers inherit the compiled statements and write from their first millisecond. No
    # connection stays open across the fork.
    warm = open_database(str(db_path), actor="崩溃测试")
    first = cases.create_case(warm, case_input(), today=TODAY)
    cases.update_case(warm, first.id, first.to_input(), expected_version=first.version, today=TODAY)
    warm.dispose()
    committed[first.id] = first.version + 1
    reports = 0
    for n in range(kills):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_end)
            try:
                _writer(db_path, write_end, seed * 1000 + n)
            finally:
                os._exit(0)
        os.close(write_end)
        # Wait for the writer to be up, then kill it somewhere in its work: in a commit, between
        # two, while SQLite checkpoints the log — wherever the moment falls.
        ready = b""
        while not ready.endswith(b"ready\n"):
            chunk = os.read(read_end, 6)
            if not chunk:
                break
            ready += chunk
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.set_blocking(read_end, False)
        for line in _read_reports(read_end):
            reports += 1
            kind, case_id, value = line.split()
            if kind == "update":
                committed[int(case_id)] = max(committed.get(int(case_id), 0), int(value))
            else:
                committed.setdefault(int(case_id), 1)
        os.close(read_end)
        _check(db_path, committed)
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


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash test forks the writer")
def test_a_writer_killed_at_random_moments_loses_nothing_committed(db_path):
    kills, commits, cases_checked = _run(db_path, DEFAULT_KILLS, seed=20261207)
    # The writers got real work done between kills (each commit then checked after every kill).
    assert kills >= 50 and commits >= kills // 2 and cases_checked > 10


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash test forks the writer")
def test_many_more_kills(db_path):
    kills, commits, cases_checked = _run(db_path, SLOW_KILLS, seed=1207)
    assert kills == SLOW_KILLS and commits >= kills // 2 and cases_checked > 100

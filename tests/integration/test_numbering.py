"""Gap-free case numbers when several clerks register at the same moment."""

from __future__ import annotations

import multiprocessing as mp
import threading

import pytest

from tests.conftest import TODAY
from tests.integration.helpers import case_input
from tribunal.services import cases
from tribunal.services.app import open_database, upgrade_database

PER_WRITER = 15


def _register(url: str, n: int, out: mp.Queue) -> None:
    db = open_database(url, actor="并发")
    try:
        out.put([cases.create_case(db, case_input(), today=TODAY).seq for _ in range(n)])
    except Exception as exc:  # pragma: no cover - reported to the parent
        out.put(exc)
    finally:
        db.dispose()


def _assert_gap_free(results: list[list[int]], writers: int) -> None:
    numbers = sorted(n for r in results for n in r)
    assert numbers == list(range(1, writers * PER_WRITER + 1))


def test_two_processes_racing_on_one_sqlite_file(db_path):
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_register, args=(str(db_path), PER_WRITER, out)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert not [r for r in results if isinstance(r, Exception)], results
    _assert_gap_free(results, 3)


def test_threads_racing_share_nothing_but_the_file(db_path):
    results: list[list[int]] = []
    errors: list[Exception] = []

    def work() -> None:
        db = open_database(str(db_path))
        try:
            results.append([cases.create_case(db, case_input(), today=TODAY).seq for _ in range(PER_WRITER)])
        except Exception as exc:
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    _assert_gap_free(results, 4)


@pytest.mark.postgres
def test_racing_on_postgresql(pg_url):
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url)  # a server's schema is made by `tribunal db upgrade`, not at start
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_register, args=(pg_url, PER_WRITER, out)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert not [r for r in results if isinstance(r, Exception)], results
    _assert_gap_free(results, 3)

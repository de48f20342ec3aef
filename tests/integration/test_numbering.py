"""Gap-free case numbers when several clerks register at the same moment."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, respondent
from tests.integration.workstations import register_cases, workstations
from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, Case, CaseNumberCounter
from tribunal.services import cases, settings
from tribunal.services.app import open_database

PER_WRITER = 15


def _assert_gap_free(results: list[list[int]], writers: int) -> None:
    numbers = sorted(n for r in results for n in r)
    assert numbers == list(range(1, writers * PER_WRITER + 1))


def test_processes_racing_on_one_database(db: Database) -> None:
    """Three workstations registering at once, on a SQLite file or the server."""
    ctx = workstations()
    out = ctx.Queue()
    procs = [ctx.Process(target=register_cases, args=(db.url, PER_WRITER, TODAY, out)) for _ in range(3)]
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


# ---------------------------------------------------------------- a failed save, a new 代字


def _counters(db: Database) -> dict[tuple[int, str], int]:
    with db.session(write=False) as s:
        return {(c.year, c.prefix): c.last_seq for c in s.scalars(select(CaseNumberCounter))}


@contextmanager
def _refusing_party(db: Database, name: str) -> Iterator[None]:
    """A trigger by which the database itself refuses a party of this name, dropped afterwards.

    The PostgreSQL database outlives the test (emptied, not remade), so the trigger must go.
    """
    if db.engine.dialect.name == "sqlite":
        create = [f"CREATE TRIGGER refuse_party BEFORE INSERT ON party WHEN NEW.name = '{name}' "
                  "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"]
        drop = ["DROP TRIGGER refuse_party"]
    else:
        create = [f"CREATE FUNCTION refuse_party() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                  f"IF NEW.name = '{name}' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                  "RETURN NEW; END $$",
                  "CREATE TRIGGER refuse_party BEFORE INSERT ON party FOR EACH ROW EXECUTE FUNCTION refuse_party()"]
        drop = ["DROP TRIGGER refuse_party ON party", "DROP FUNCTION refuse_party()"]
    with db.engine.begin() as conn:
        for statement in create:
            conn.exec_driver_sql(statement)
    try:
        yield
    finally:
        with db.engine.begin() as conn:
            for statement in drop:
                conn.exec_driver_sql(statement)


def test_a_save_that_fails_after_the_number_is_taken_gives_the_number_back(db: Database) -> None:
    """The counter moves in the transaction that saves the case, never in one of its own.

    The database itself refuses the second case's applicant (as a full disk or a broken
    connection would refuse any row): by then its number has been taken. Nothing of that
    case may remain, and the next case gets the very number the failed one had.
    """
    first = cases.create_case(db, case_input(), today=TODAY)
    with _refusing_party(db, "韩梅梅"), pytest.raises(SQLAlchemyError, match="refused by the test"):
        cases.create_case(db, case_input(parties=(applicant("韩梅梅"), respondent())), today=TODAY)

    assert _counters(db) == {(2026, "邵劳人仲案字"): first.seq}
    with db.session(write=False) as s:
        assert s.scalar(select(func.count(Case.id))) == 1
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "case.create")) == 1
    second = cases.create_case(db, case_input(), today=TODAY)
    assert (first.seq, second.seq) == (1, 2)
    assert second.number == "邵劳人仲案字〔2026〕第2号"


def test_each_prefix_counts_on_its_own_when_the_commission_changes_its_daizi(db: Database) -> None:
    """A new 代字 in the middle of a year starts at 1; going back continues the old sequence."""
    old = [cases.create_case(db, case_input(), today=TODAY).number for _ in range(2)]
    settings.set_value(db, "case_number.prefix", "邵劳人仲字")
    new = [cases.create_case(db, case_input(), today=TODAY).number for _ in range(2)]
    settings.set_value(db, "case_number.prefix", "邵劳人仲案字")
    back = cases.create_case(db, case_input(), today=TODAY)

    assert old == ["邵劳人仲案字〔2026〕第1号", "邵劳人仲案字〔2026〕第2号"]
    assert new == ["邵劳人仲字〔2026〕第1号", "邵劳人仲字〔2026〕第2号"]
    assert (back.number, back.seq) == ("邵劳人仲案字〔2026〕第3号", 3)
    assert _counters(db) == {(2026, "邵劳人仲案字"): 3, (2026, "邵劳人仲字"): 2}
    # A new year starts every prefix afresh.
    next_year = cases.create_case(db, case_input(received_date=dt.date(2027, 1, 4)), today=dt.date(2027, 1, 4))
    assert next_year.number == "邵劳人仲案字〔2027〕第1号"

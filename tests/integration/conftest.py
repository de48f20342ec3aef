"""The scheduling world of the integration tests, built once per test run.

``scheduling_world_file`` is the small exact data set of the scheduling-conflict tests
(tests/integration/test_conflicts.py: two accepted cases, five staff, three host enterprises
and their rooms, the legal calendar seeded); ``w`` gives a test a private copy. The hearing
with invited guests of the observer and training tests is ``outreach_world`` (tests/conftest.py).

``db`` — the migrated database most integration tests start from — runs each test on every
backend: ``[sqlite]`` always, ``[postgresql]`` as well when ``TRIBUNAL_TEST_PG_URL`` names a
server (and in CI, where a missing server fails the variant instead of leaving it out).
``TRIBUNAL_TEST_BACKENDS=sqlite`` or ``=postgresql`` narrows the run. A test about a SQLite
file itself is marked ``@pytest.mark.sqlite_only(reason=…)``. The PostgreSQL variant uses a
database of its own per pytest-xdist worker, migrated once per run by ``db upgrade``; before
each test every table is emptied (``DELETE``; ``TRUNCATE`` for the audit trail, whose trigger
refuses DELETE) and its sequence restarted, then refilled with the rows of the SQLite file the test's ``db_path`` gives (the migrated template, or a
module's world built once into a file), so both variants start from the same rows and ids.
That costs milliseconds where re-migrating costs seconds.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import IN_CI, _admin_url, copy_database, set_up_test_server
from tribunal.db.engine import Database
from tribunal.services.app import open_database, upgrade_database

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from tests.integration.test_conflicts import World


@pytest.fixture(scope="session")
def scheduling_world_file(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                          ) -> tuple[Path, World]:
    """The scheduling world in a database file, made once per test run."""
    from tests.integration.test_conflicts import make_world
    from tribunal.services import legal_calendar

    path = copy_database(template_db, tmp_path_factory.mktemp("scheduling"), "world.sqlite3")
    db = open_database(str(path), actor="测试书记员")
    try:
        world = make_world(db)
        legal_calendar.calendar(db)
    finally:
        db.dispose()
    return path, world





# ---------------------------------------------------------------------- db on every backend

#: Every backend a test taking ``db`` can run on.
KNOWN_BACKENDS = ("sqlite", "postgresql")


def _backends() -> list[str]:
    """The backends ``db`` runs on: both when a server is named (or in CI, where one must be).

    ``TRIBUNAL_TEST_BACKENDS`` (``sqlite``, ``postgresql`` or both, comma-separated) narrows
    the choice, e.g. to run only the server variants while working on them.
    """
    wanted = os.environ.get("TRIBUNAL_TEST_BACKENDS")
    if wanted is None:
        return list(KNOWN_BACKENDS) if os.environ.get("TRIBUNAL_TEST_PG_URL") or IN_CI else ["sqlite"]
    names = [b.strip() for b in wanted.split(",") if b.strip()]
    unknown = [b for b in names if b not in KNOWN_BACKENDS]
    if unknown or not names:
        raise pytest.UsageError(f"TRIBUNAL_TEST_BACKENDS={wanted!r}: name one or both of "
                                f"{', '.join(KNOWN_BACKENDS)}")
    return names


BACKENDS = _backends()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked ``sqlite_only(reason=…)`` keeps its ``[sqlite]`` variant alone (``db`` or ``w``).

    Its ``[postgresql]`` variant is deselected (counted as such in the summary), never skipped.
    """
    kept, dropped = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        backend = (spec.params.get("db") or spec.params.get("w")) if spec is not None else None
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None and not (marker.kwargs.get("reason") or marker.args):
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs a reason")
        if marker is not None and backend is None:
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only on a test that takes neither db nor w")
        (dropped if marker is not None and backend != "sqlite" else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


class SuiteServerDatabase:
    """The PostgreSQL database behind ``db[postgresql]``: migrated once, emptied and refilled per test.

    Each test starts from the same rows as its SQLite twin: whatever file the test's
    ``db_path`` gives (the migrated template, or a world a module built once into a file).
    The template's rows are the server's own migration seed plus the test commission; any
    other file is copied in once by :func:`tribunal.db.transfer.load` (as ``db copy`` does)
    and its rows kept in memory, keyed by the file's SHA-256, so later tests only insert them.

    A test writes to a few tables; only those (and the tables whose rows point into them) are
    emptied and refilled when the next test starts from the same file. Which ones were written
    is noted by a statement trigger on every table into ``suite_reset.touched``, a table of a
    schema of its own that the program never sees.
    """

    def __init__(self, url: str, template: Path) -> None:
        from sqlalchemy import MetaData, create_engine, text

        from tribunal.services import legal_calendar

        self.url = url
        upgrade_database(url)
        set_up_test_server(url)  # the commission the SQLite template is set up for too
        handle = open_database(url, actor="测试")
        try:
            legal_calendar.calendar(handle)  # seeded, as in the SQLite template (tests/conftest.py)
        finally:
            handle.dispose()
        self.engine = create_engine(url)
        self.meta = MetaData()
        self.meta.reflect(self.engine)
        self.tables = [t for t in self.meta.sorted_tables if t.name != "alembic_version"]
        with self.engine.connect() as conn:
            # Emptying: TRUNCATE makes new files for every table and index (about 0.5 s for all
            # of them), DELETE of a few rows takes milliseconds. Tables whose triggers refuse
            # DELETE (the audit trail) are truncated; the rest deleted, children first.
            guarded = set(conn.scalars(text(
                "SELECT DISTINCT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                "WHERE NOT g.tgisinternal AND (g.tgtype & 8) <> 0")))  # 8: fires on DELETE
            #: The sequence behind each table's ``id``, set past the rows put back.
            self.sequences = {t.name: conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                                                  {"t": t.name})
                              for t in self.tables if "id" in t.c}
            self.sequences = {k: v for k, v in self.sequences.items() if v}
            self.contents: dict[str, dict[str, list[dict[str, Any]]]] = {
                _digest(template): self._rows(conn)}
        self.guarded = guarded
        #: The tables whose rows point into each table (its foreign-key children).
        self.children: dict[str, set[str]] = {t.name: set() for t in self.tables}
        for table in self.tables:
            for fk in table.foreign_keys:
                if fk.column.table.name in self.children and fk.column.table.name != table.name:
                    self.children[fk.column.table.name].add(table.name)
        with self.engine.begin() as conn:
            conn.execute(text(
                "CREATE SCHEMA suite_reset; CREATE UNLOGGED TABLE suite_reset.touched (name text PRIMARY KEY); "
                "CREATE FUNCTION suite_reset.note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "INSERT INTO suite_reset.touched VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING; RETURN NULL; END $$"))
            for table in self.tables:
                conn.execute(text(f'CREATE TRIGGER zz_suite_touched AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
                                  f'ON "{table.name}" FOR EACH STATEMENT EXECUTE FUNCTION suite_reset.note()'))
        #: The file whose rows the database holds (apart from what the last test wrote).
        self.loaded = _digest(template)

    def _rows(self, conn: Connection) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, in primary-key order (parents before their children)."""
        return {t.name: [dict(r._mapping) for r in conn.execute(
                    t.select().order_by(*(t.primary_key.columns or t.columns)))]
                for t in self.tables}

    def reset(self, source: Path) -> None:
        """Every table holding what the SQLite file ``source`` holds, sequences set past it."""
        from sqlalchemy import create_engine, text

        from tribunal.db import transfer

        key = _digest(source)
        with self.engine.begin() as conn:
            rows = self.contents.get(key)
            if rows is not None and key == self.loaded:
                redo = self._written(conn)
            else:
                redo = {t.name for t in self.tables}
            if redo & self.guarded:
                conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in sorted(redo & self.guarded))))
            for table in reversed(self.tables):  # children first
                if table.name in redo and table.name not in self.guarded:
                    conn.execute(table.delete())
            if rows is None:
                sqlite = create_engine(f"sqlite:///{source}")
                try:
                    with sqlite.connect() as read:
                        transfer.load(conn, transfer.connection_source(read))
                finally:
                    sqlite.dispose()
                self.contents[key] = self._rows(conn)
            else:
                for table in self.tables:  # parents first
                    if table.name in redo and rows[table.name]:
                        conn.execute(table.insert(), rows[table.name])
                # Every sequence restarted, or set past the rows put back (a refused insert may
                # have moved one without writing a row): one round trip.
                calls = [f"setval('{seq}', {max((r['id'] for r in rows[name]), default=1)}, "
                         f"{'true' if rows[name] else 'false'})" for name, seq in self.sequences.items()]
                conn.execute(text("SELECT " + ", ".join(calls)))
            conn.execute(text("TRUNCATE suite_reset.touched"))
        self.loaded = key

    def _written(self, conn: Connection) -> set[str]:
        """The tables the last test wrote to, and every table whose rows point into one of them."""
        from sqlalchemy import text

        redo = set(conn.scalars(text("SELECT name FROM suite_reset.touched")))
        grown = set(redo)
        while grown:
            grown = {child for name in grown for child in self.children.get(name, ())} - redo
            redo |= grown
        return redo


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def suite_server_database(_worker_pg_url: str | None, template_db: Path) -> Iterator[SuiteServerDatabase]:
    """A PostgreSQL database of this worker's own for ``db[postgresql]``, dropped at the end.

    Apart from ``pg_url``'s database, whose schema the PostgreSQL-only tests drop and remake.
    """
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert _worker_pg_url is not None
    admin_url, name = _admin_url(_worker_pg_url)
    own = f"{name}_suite"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{own}"'))
        suite = SuiteServerDatabase(make_url(_worker_pg_url).set(database=own).render_as_string(hide_password=False),
                                    template_db)
        yield suite
        suite.engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """An open, migrated, empty database for one test: a SQLite file, or the PostgreSQL one."""
    path: Path = request.getfixturevalue("db_path")
    if request.param == "postgresql" and not os.environ.get("TRIBUNAL_TEST_PG_URL"):
        # Only in CI (TRIBUNAL_CI=1), where a skip fails: .ci/run starts a server and names it.
        pytest.skip("TRIBUNAL_TEST_PG_URL is not set: no PostgreSQL server for db[postgresql]")
    if request.param == "sqlite":
        handle = open_database(str(path), actor="测试书记员")
    else:
        suite: SuiteServerDatabase = request.getfixturevalue("suite_server_database")
        suite.reset(path)
        handle = open_database(suite.url, actor="测试书记员")
    yield handle
    handle.dispose()


@pytest.fixture(params=BACKENDS)
def w(request: pytest.FixtureRequest, scheduling_world_file: tuple[Path, World], tmp_path: Path) -> Iterator[World]:
    """The scheduling world for one test: a private copy of its SQLite file, or the same rows
    (same ids) in the PostgreSQL test database — on every backend :func:`db` runs on."""
    path, proto = scheduling_world_file
    copy = copy_database(path, tmp_path, "world.sqlite3")
    if request.param == "postgresql" and not os.environ.get("TRIBUNAL_TEST_PG_URL"):
        pytest.skip("TRIBUNAL_TEST_PG_URL is not set: no PostgreSQL server for w[postgresql]")
    if request.param == "sqlite":
        db = open_database(str(copy), actor="测试书记员")
    else:
        suite: SuiteServerDatabase = request.getfixturevalue("suite_server_database")
        suite.reset(copy)
        db = open_database(suite.url, actor="测试书记员")
    yield replace(proto, db=db)
    db.dispose()

"""Shared fixtures: migrated SQLite databases copied from templates built once per test run.

Templates (an empty migrated database, the demonstration data) are made once per session —
once per worker when the run is spread over processes with pytest-xdist (``-n``), since
each worker has its own temporary folder — and every test that writes gets its own copy of
the file. A PostgreSQL test gets a database of its own worker (``pg_url``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings

from tribunal.db.engine import Database
from tribunal.services import workstation
from tribunal.services.app import open_database

if TYPE_CHECKING:
    from tests.integration.data.outreach import World as OutreachWorld
    from tests.integration.data.reports import ReportWorld
    from tribunal.services.demo import DemoReport

TODAY = dt.date(2026, 11, 27)

# This computer's settings file is never the real one in tests: one folder per process for
# what runs outside a test (session templates), one per test inside it (``workstation_file``).
os.environ[workstation.ENV_DIR] = tempfile.mkdtemp(prefix="tribunal-config-")

#: Set by .ci/run: a test skipped for want of a tool or server fails instead.
IN_CI = os.environ.get("TRIBUNAL_CI") == "1"

# Hypothesis: few examples in the default run, which must stay quick on a 2-core machine;
# many in the slow tier (``pytest -m slow``, run by .ci/run as its own step). No deadline in
# either: a PDF or a database round trip may take longer than Hypothesis' 200 ms on a busy
# machine, and a timing failure says nothing about the rule under test.
# TRIBUNAL_HYPOTHESIS_PROFILE (or Hypothesis' own --hypothesis-profile) picks one by name.
hypothesis_settings.register_profile("tribunal", max_examples=25, deadline=None, print_blob=True)
hypothesis_settings.register_profile("tribunal-slow", max_examples=1000, deadline=None,
                                     print_blob=True)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Load the Hypothesis profile that fits the run (before --hypothesis-profile, which wins)."""
    profile = os.environ.get("TRIBUNAL_HYPOTHESIS_PROFILE")
    if not profile:
        marks = str(config.option.markexpr or "")
        profile = "tribunal-slow" if "slow" in marks and "not slow" not in marks else "tribunal"
    hypothesis_settings.load_profile(profile)


def _skipped_in_ci(report: pytest.TestReport | pytest.CollectReport, reason: str) -> None:
    report.outcome = "failed"
    report.longrepr = f"skipped in CI (TRIBUNAL_CI=1 allows no skips): {reason}"


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    return report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI (``TRIBUNAL_CI=1``) every skip is a failure that names what was missing.

    The report is changed where it is made, so under pytest-xdist the worker already sends
    the failure to the controlling process.
    """
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        _skipped_in_ci(report, _skip_reason(report))


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    """In CI a whole module skipped while collecting (``allow_module_level``) fails as well."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped:
        _skipped_in_ci(report, _skip_reason(report))


def xdist_worker() -> str:
    """The pytest-xdist worker running this process ("gw0", "gw1"…), or "main" without xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER") or "main"


# ---------------------------------------------------------------------- compiled SQL, shared


def _share_compiled_sql_between_engines() -> None:
    """Let every engine of the test run reuse the SQL already compiled by another of its kind.

    The program makes one engine per database, and compiles each statement once per engine.
    A test run opens over a thousand databases (one or more per test, SQLite files and the
    PostgreSQL test server), so without this every test compiles the same few hundred
    statements again: about a seventh of the SQLite tests' time and a quarter of the
    PostgreSQL ones'. SQLAlchemy keys its compiled-statement cache by the dialect object, so
    engines share it only if they share the dialect: each new engine is given the first
    engine's dialect (of the same class) and cache. Every engine of the program is made with
    the same arguments, and all PostgreSQL tests use one server, so the compiled SQL is the
    same; the program itself is unchanged.

    This uses SQLAlchemy internals (``Engine._compiled_cache``, ``Pool._dialect``);
    tests/integration/test_sqlalchemy_internals.py fails, naming the attribute, if they move.
    """
    from sqlalchemy.util import LRUCache

    from tribunal.db import engine as engine_module

    make = engine_module.create_engine
    shared: dict[type, tuple[object, LRUCache]] = {}

    def create_engine(url: object, **kwargs: object):  # type: ignore[no-untyped-def]
        engine = make(url, **kwargs)
        dialect, cache = shared.setdefault(type(engine.dialect), (engine.dialect, LRUCache(5000)))
        engine.dialect = dialect
        engine.pool._dialect = dialect
        engine._compiled_cache = cache
        return engine

    engine_module.create_engine = create_engine  # type: ignore[assignment]


if os.environ.get("TRIBUNAL_TEST_SHARED_SQL", "1") == "1":
    _share_compiled_sql_between_engines()


# ---------------------------------------------------------------------- SQLite templates


#: The commission the tests' databases are set up for (a real database starts empty of it).
TEST_COMMISSION = {
    "commission.name": "邵阳市劳动人事争议仲裁院",
    "commission.seal_text": "邵阳市劳动人事争议仲裁委员会",
    "case_number.prefix": "邵劳人仲案字",
    "certificate.number_pattern": "邵劳人仲培字〔{年}〕第{号}号",
}


def set_up_test_server(url: str) -> None:
    """Set up the test commission on a server database just made by ``db upgrade``."""
    db = open_database(url, actor="测试")
    try:
        set_up_test_commission(db)
    finally:
        db.dispose()


def set_up_test_commission(db: Database) -> None:
    """Store the test commission's name and numbering, as the first-run wizard would."""
    from tribunal.services import settings

    for key, value in TEST_COMMISSION.items():
        settings.set_value(db, key, value)


@pytest.fixture(scope="session")
def new_database_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database exactly as a commission's first start creates it (migrated, nothing set up)."""
    path = tmp_path_factory.mktemp("new") / "new.sqlite3"
    open_database(str(path), actor="测试").dispose()
    return path


@pytest.fixture
def new_database(new_database_template: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`new_database_template` for one test, in its own folder."""
    return copy_database(new_database_template, tmp_path / "new-database", "tribunal.sqlite3")


@pytest.fixture(scope="session")
def template_db(new_database_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to head, made once per test run.

    The legal calendar is seeded here, as the first deadline computed in a new database
    would; tests of the seeding itself start from a database of their own.
    """
    from tribunal.services import legal_calendar

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    shutil.copyfile(new_database_template, path)
    db = open_database(str(path), actor="测试")
    try:
        set_up_test_commission(db)
        legal_calendar.calendar(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A private copy of the template database for one test."""
    target = tmp_path / "tribunal.sqlite3"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An open, migrated, empty database for one test."""
    handle = open_database(str(db_path), actor="测试书记员")
    yield handle
    handle.dispose()


@pytest.fixture(scope="session")
def demo_built(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoReport]:
    """The demonstration data set as of TODAY (``tribunal demo``), made once per test run, and
    the report its loading gave.

    Loading it takes seconds; tests copy the file (:func:`copy_database`) instead.
    """
    from tribunal.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    handle = open_database(str(path), actor="测试书记员")
    try:
        report = demo.load_demo(handle, today=TODAY)
    finally:
        handle.dispose()
    return path, report


@pytest.fixture(scope="session")
def demo_template(demo_built: tuple[Path, DemoReport]) -> Path:
    """The file of :func:`demo_built`: copy it before writing."""
    return demo_built[0]


def copy_database(source: Path, folder: Path, name: str = "tribunal.sqlite3") -> Path:
    """A private copy of a template database file in ``folder``."""
    target = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demonstration database for one test, open."""
    handle = open_database(str(copy_database(demo_template, tmp_path, "demo.sqlite3")),
                           actor="测试书记员")
    yield handle
    handle.dispose()


@pytest.fixture(scope="session")
def outreach_world(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> Callable[[int], tuple[Path, OutreachWorld]]:
    """The hearing with invited guests (tests/integration/data/outreach.py) in a database file.

    Call it with the seats of the hearing room; each size is built once per test run, and
    a test copies the file (``copy_world``) before it writes.
    """
    from tests.integration.data.outreach import build_world_file

    made: dict[int, tuple[Path, OutreachWorld]] = {}

    def world_file(capacity: int) -> tuple[Path, OutreachWorld]:
        if capacity not in made:
            made[capacity] = build_world_file(
                template_db, tmp_path_factory.mktemp(f"outreach{capacity}"), capacity=capacity)
        return made[capacity]

    return world_file


@pytest.fixture(scope="session")
def report_world_file(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                      ) -> tuple[Path, ReportWorld]:
    """The hand-built register of the report tests (tests/integration/data/reports.py) in a
    database file, made once per test run; a test copies the file before it writes."""
    from tests.integration.data.reports import build

    path = copy_database(template_db, tmp_path_factory.mktemp("reports"), "reports.sqlite3")
    handle = open_database(str(path), actor="测试书记员")
    try:
        world = build(handle)
    finally:
        handle.dispose()
    return path, world


# ---------------------------------------------------------------------- PostgreSQL


def _admin_url(url: str) -> tuple[str, str]:
    """The server's maintenance-database URL and the name of the database in ``url``."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.set(database="postgres").render_as_string(hide_password=False), str(parsed.database)


@pytest.fixture(scope="session")
def _worker_pg_url() -> Iterator[str | None]:
    """TRIBUNAL_TEST_PG_URL itself, or under pytest-xdist a database of this worker's own.

    The PostgreSQL tests reset the schema of their database; two workers sharing one would
    wipe each other's tables mid-test. Worker ``gw0`` therefore uses ``<name>_gw0`` on the same
    server, created on first use and dropped when the worker ends.
    """
    url = os.environ.get("TRIBUNAL_TEST_PG_URL")
    worker = xdist_worker()
    if not url or worker == "main":
        yield url
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url, name = _admin_url(url)
    own = f"{name}_{worker}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{own}"'))
        yield make_url(url).set(database=own).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def pg_url(_worker_pg_url: str | None) -> str:
    """A PostgreSQL URL for integration tests (skipped when no server is configured).

    The database belongs to this test process alone (one per pytest-xdist worker); a test
    resets its schema as it needs.
    """
    if not _worker_pg_url:
        pytest.skip("TRIBUNAL_TEST_PG_URL is not set: no PostgreSQL server for this run")
    return _worker_pg_url


@pytest.fixture(autouse=True)
def workstation_file(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own, absent, settings file of this computer (its folder is returned)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv(workstation.ENV_DIR, str(folder))
    return folder

"""The SQLAlchemy internals the test run relies on to share compiled SQL (tests/conftest.py).

Sharing is only a speed-up of the tests; the program does not use these attributes. If a
SQLAlchemy release moves them, this test names the one that moved.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.pool import Pool

from tribunal.db import engine as engine_module


def test_an_engine_keeps_its_compiled_cache_and_its_pool_its_dialect() -> None:
    engine = create_engine("sqlite://")
    try:
        assert hasattr(engine, "_compiled_cache"), "Engine._compiled_cache moved"
        assert isinstance(engine.pool, Pool) and hasattr(engine.pool, "_dialect"), "Pool._dialect moved"
        option_engine = engine.execution_options(tribunal_write=True)
        assert option_engine.dialect is engine.dialect, "OptionEngine no longer takes the dialect"
        assert option_engine._compiled_cache is engine._compiled_cache, "OptionEngine no longer takes the cache"
    finally:
        engine.dispose()


def test_engines_of_the_test_run_share_dialect_and_cache(tmp_path) -> None:
    first = engine_module.create_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    second = engine_module.create_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        assert second.dialect is first.dialect and second._compiled_cache is first._compiled_cache
        for eng in (first, second):  # each still reaches its own file
            with eng.begin() as conn:
                conn.execute(text("CREATE TABLE t (x INTEGER)"))
        assert (tmp_path / "a.sqlite3").exists() and (tmp_path / "b.sqlite3").exists()
    finally:
        first.dispose()
        second.dispose()

"""The scheduling world of the integration tests, built once per test run.

``scheduling_world_file`` is the small exact data set of the scheduling-conflict tests
(tests/integration/test_conflicts.py: two accepted cases, five staff, three host enterprises
and their rooms, the legal calendar seeded); ``w`` gives a test a private copy. The hearing
with invited guests of the observer and training tests is ``outreach_world`` (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import copy_database
from tribunal.services.app import open_database

if TYPE_CHECKING:
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


@pytest.fixture
def w(scheduling_world_file: tuple[Path, World], tmp_path: Path) -> Iterator[World]:
    """The scheduling world on a private copy of its database, for one test."""
    path, proto = scheduling_world_file
    db = open_database(str(copy_database(path, tmp_path, "world.sqlite3")), actor="测试书记员")
    yield replace(proto, db=db)
    db.dispose()


"""Other workstations, as real processes: clerks racing to register or book, a writer killed mid-word.

A test that needs a second clerk's PC starts a process here with :func:`workstations`. Each is
a real process with its own interpreter state, but started by a fork server that imported the
program once: a start costs milliseconds, not the second or more a fresh interpreter
(``spawn``) spends importing the program. The server forks before any test opens a database,
so no connection is ever inherited. The process targets live here, not in the test modules, so
a child never imports pytest or a test module.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from multiprocessing.context import BaseContext
from multiprocessing.queues import Queue
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Barrier
from pathlib import Path

from tests.integration.helpers import case_input
from tribunal.domain.enums import PanelRole
from tribunal.domain.scheduling import HearingConflict, HearingInput
from tribunal.services import cases, hearing_records, hearings
from tribunal.services.app import open_database


def workstations() -> BaseContext:
    """The process context of every multi-process test (see the module's docstring)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def register_cases(url: str, n: int, today: dt.date, out: Queue) -> None:
    """A clerk registering ``n`` cases as fast as possible; puts their sequence numbers."""
    db = open_database(url, actor="并发")
    try:
        out.put([cases.create_case(db, case_input(), today=today).seq for _ in range(n)])
    except Exception as exc:  # pragma: no cover - reported to the parent
        out.put(exc)
    finally:
        db.dispose()


def book_hearings(url: str, proposal: dict[str, int], second: bool,
                  slots: list[tuple[dt.datetime, dt.datetime]], today: dt.date, barrier: Barrier, out: Queue) -> None:
    """One workstation booking its case in each of ``slots``, each time right after the other one is ready.

    Puts ``(round, "booked" | "conflict", the refusal named the double booking)``, or
    ``(-1, "error", repr)`` and stops both sides.
    """
    try:
        db = open_database(url, actor="第二书记员" if second else "第一书记员")
    except Exception as exc:
        out.put((-1, "error", repr(exc)))
        barrier.abort()
        return
    try:
        for n, (starts, ends) in enumerate(slots):
            data = HearingInput(
                case_id=proposal["case"], starts_at=starts, ends_at=ends, room_id=proposal["room"],
                panel=((proposal["arbitrator"], PanelRole.SOLE),), clerk_id=proposal["clerk"])
            barrier.wait(timeout=120)
            try:
                hearings.schedule_hearing(db, data, "测试：允许提醒", today=today)
            except HearingConflict as exc:
                out.put((n, "conflict", "staff.double_booked" in {f.rule_key for f in exc.findings}))
            else:
                out.put((n, "booked", True))
    except Exception as exc:
        out.put((-1, "error", repr(exc)))
        barrier.abort()  # the other workstation stops waiting for this one
    finally:
        db.dispose()


def type_hearing_record(url: str, hearing_id: int, folder: str, interval: float, rate: float, sentence: str,
                        ready: Synchronized, typed_count: Synchronized) -> None:
    """A clerk typing the hearing record at ``rate`` characters a second until killed.

    ``typed_count`` holds how many characters have reached the editor's content (and the
    autosave's hands) so far; ``ready`` is set once the record is open.
    """
    db = open_database(url, actor="测试书记员")
    opened = hearing_records.open_record(db, hearing_id, folder=Path(folder))
    autosave = hearing_records.Autosave(opened.journal, interval)
    content = opened.content
    base = content.text_of("investigation")
    typed = ""
    ready.value = 1
    while True:
        typed += sentence[len(typed) % len(sentence)]
        content = content.with_text("investigation", base + typed)
        autosave.changed(content)
        typed_count.value = len(typed)
        autosave.tick()
        time.sleep(1 / rate)

"""Background work for the GUI: one worker thread for database work, results handed back by signal.

A service call that may take longer than a blink on a big register (the dashboard's
deadline lists over 100,000 cases take about two seconds), and a write such as the 期限
tab's entries, runs through :func:`run`. The
work itself must not touch a widget: it only calls services and returns plain data. Its
result (or its :class:`~tribunal.errors.TribunalError`) comes back on the GUI thread
through a queued signal, to the callbacks given. All work goes through one thread, so two
reads never compete for the database.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from tribunal.errors import TribunalError

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None


def _the_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        # Serialised on purpose: SQLite serves one writer, and readers queued behind each
        # other keep the order the clerk asked in.
        _pool.setMaxThreadCount(1)
    return _pool


class _Waiting(NamedTuple):
    """A widget waiting for an answer, and what to call with it."""

    owner: QObject
    on_done: Callable[[Any], None]
    on_failed: Callable[[TribunalError], None] | None


class _Hub(QObject):
    """The one object the worker thread talks to: it lives on the GUI thread for ever.

    The worker holds no reference to any widget or other short-lived object: a widget closed
    right after its answer could otherwise be deleted on the GUI thread while the worker
    thread lets go of an object that belongs to it, which crashes. Answers carry a number
    instead, looked up here on the GUI thread; a widget that is gone by then gets nothing.

    Signals:
        finished(int, object): the work with this number returned this value.
        failed(int, object): the work with this number raised this TribunalError.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, _Waiting] = {}
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)

    def _take(self, number: int) -> _Waiting | None:
        waiting = self.waiting.pop(number, None)
        if waiting is None or not shiboken6.isValid(waiting.owner):
            return None  # the widget was closed meanwhile: nobody wants the answer
        return waiting

    @Slot(int, object)
    def _finished(self, number: int, result: Any) -> None:
        waiting = self._take(number)
        if waiting is not None:
            waiting.on_done(result)

    @Slot(int, object)
    def _failed(self, number: int, error: TribunalError) -> None:
        waiting = self._take(number)
        if waiting is None:
            return
        if waiting.on_failed is not None:
            waiting.on_failed(error)
        else:
            log.warning("background work failed: %s", error)


_hub: _Hub | None = None
_numbers = itertools.count(1)


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()  # created on the GUI thread, by the first call of run()
    return _hub


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], hub: _Hub, number: int) -> None:
        super().__init__()
        self._work = work
        self._hub = hub
        self._number = number

    def run(self) -> None:
        try:
            result = self._work()
        except TribunalError as exc:
            self._hub.failed.emit(self._number, exc)
            return
        except Exception as exc:  # a bug: say so instead of dying silently in the thread
            log.exception("background work failed")
            self._hub.failed.emit(self._number, TribunalError(f"后台处理出错：{exc}"))
            return
        self._hub.finished.emit(self._number, result)


def run(owner: QObject, work: Callable[[], Any], on_done: Callable[[Any], None],
        on_failed: Callable[[TribunalError], None] | None = None) -> None:
    """Run ``work`` on the worker thread; call ``on_done(result)`` or ``on_failed(error)`` later.

    Args:
        owner: the widget waiting for the answer. If it is gone by then, nothing is called.
        work: calls services only; never a widget.
        on_done: runs on the GUI thread with what ``work`` returned.
        on_failed: runs on the GUI thread with the error (logged only when omitted).
    """
    hub = _the_hub()
    number = next(_numbers)
    hub.waiting[number] = _Waiting(owner, on_done, on_failed)
    _the_pool().start(_Task(work, hub, number))


def wait_until_idle(timeout_ms: int = 10_000) -> bool:
    """Wait for queued work to finish (for tests and for closing the program); True when idle."""
    return _the_pool().waitForDone(timeout_ms)

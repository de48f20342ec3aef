"""Background work for the GUI: one worker thread for database reads, results handed back by signal.

A service call that may take longer than a blink on a big register (the dashboard's
deadline lists over 100,000 cases take about two seconds) runs through :func:`run`. The
work itself must not touch a widget: it only calls services and returns plain data. Its
result (or its :class:`~tribunal.errors.TribunalError`) comes back on the GUI thread
through a queued signal, to the callbacks given. All work goes through one thread, so two
reads never compete for the database.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

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


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so the callbacks run there.

    Signals:
        finished(object): the work returned this value.
        failed(object): the work raised this TribunalError.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, owner: QObject, on_done: Callable[[Any], None],
                 on_failed: Callable[[TribunalError], None] | None) -> None:
        super().__init__(owner)  # a child of the owner: deleted with it, dropping late answers
        self._on_done = on_done
        self._on_failed = on_failed
        # Slots of an object living on the GUI thread: a signal emitted by the worker thread
        # is queued to the GUI thread (Qt's automatic connection).
        self.finished.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self.deleteLater()
        self._on_done(result)

    @Slot(object)
    def _failed(self, error: TribunalError) -> None:
        self.deleteLater()
        if self._on_failed is not None:
            self._on_failed(error)
        else:
            log.warning("background work failed: %s", error)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except TribunalError as exc:
            self._emit("failed", exc)
            return
        except Exception as exc:  # a bug: say so instead of dying silently in the thread
            log.exception("background work failed")
            self._emit("failed", TribunalError(f"后台处理出错：{exc}"))
            return
        self._emit("finished", result)

    def _emit(self, name: str, value: Any) -> None:
        # RuntimeError: the waiting widget was closed meanwhile, so nobody wants the answer.
        with contextlib.suppress(RuntimeError):
            getattr(self._relay, name).emit(value)


def run(owner: QObject, work: Callable[[], Any], on_done: Callable[[Any], None],
        on_failed: Callable[[TribunalError], None] | None = None) -> None:
    """Run ``work`` on the worker thread; call ``on_done(result)`` or ``on_failed(error)`` later.

    Args:
        owner: the widget waiting for the answer. If it is gone by then, nothing is called.
        work: calls services only; never a widget.
        on_done: runs on the GUI thread with what ``work`` returned.
        on_failed: runs on the GUI thread with the error (logged only when omitted).
    """
    relay = _Relay(owner, on_done, on_failed)
    _the_pool().start(_Task(work, relay))


def wait_until_idle(timeout_ms: int = 10_000) -> bool:
    """Wait for queued work to finish (for tests and for closing the program); True when idle."""
    return _the_pool().waitForDone(timeout_ms)

"""One way for the GUI to run work: service calls off the GUI thread, changes broadcast to every page.

Modelled on Anki's ``CollectionOp`` / ``QueryOp``. The GUI thread only draws; a page never
calls a service that writes, or one that may be slow, directly:

Writes::

    ops.run_write(self, lambda: cases.update_case(db, case_id, data),
                  changes=Changes.CASES | Changes.CLOCKS,
                  on_done=self._saved, on_failed=self._show_reasons)

  The work runs on the writer thread (one at a time, in the order asked). On success
  ``on_done(result)`` runs on the GUI thread and then :data:`bus` broadcasts ``changes`` with
  the page as ``source``; every page subscribed to any of those flags refreshes what it
  shows. A :class:`~tribunal.errors.TribunalError` goes to ``on_failed`` (default: a message
  box), so a ``ValidationError`` can be placed beside its fields as before.

Reads that may be slow (searches, reports, lists over a big register)::

    ops.run_read(self, lambda: cases.search(db, text), on_done=self._fill, key="search")

  Reads run on their own thread, so a search answers while a pack is being made. With a
  ``key``, an answer that a newer read of the same page and key has overtaken is dropped.

Long work (packs, imports, the demo register) shows progress and, where stopping half-way
is safe (the service rolls its transaction back), a 取消 button::

    progress = ops.Progress(self.tr("Making the hearing pack…"), cancellable=True)
    ops.run_write(self, lambda: documents.make_pack(db, hid, progress=progress.step),
                  changes=Changes.DOCUMENTS, progress=progress, on_done=…)

  ``progress.step(done, total)`` is called from the work (any thread); when the clerk has
  pressed 取消 it raises :class:`Cancelled`, which ends the work quietly (``on_cancelled``).

Keeping a page in step::

    ops.subscribe(self, Changes.HEARINGS | Changes.INVITATIONS, self.reload)

  ``reload`` is called when those things change — at once when the page is visible, else
  the next time it is shown (a hidden page does no work). Changes made on other workstations
  of a shared server reach the same bus: :class:`RemoteWatcher` polls the newest audit entry
  every few seconds and when the window is activated.

An open editor is never reloaded under the clerk's hands: :class:`RecordWatch` compares the
record's version (:func:`tribunal.services.audit.record_version`, the one place the version
is defined) when its kind changes, and shows 此记录已被修改 with a 重新载入 button instead.

No database session crosses threads: the work calls services, and each service opens its own
session. The work must not touch a widget.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from tribunal.errors import TribunalError

log = logging.getLogger(__name__)

T = TypeVar("T")


class Changes(enum.Flag):
    """What a piece of work changed; pages refresh when a flag they show is broadcast."""

    NONE = 0
    CASES = enum.auto()          #: cases, parties, claims, closing
    CLOCKS = enum.auto()         #: statutory clocks: suspensions, extensions, service records
    HEARINGS = enum.auto()       #: hearings scheduled, moved, postponed, held, cancelled
    INVITATIONS = enum.auto()    #: observers invited to hearings, check-in
    ENTERPRISES = enum.auto()    #: the enterprise directory, zones, contacts
    OBSERVERS = enum.auto()      #: the observer register
    TRAINING = enum.auto()       #: training sessions, topics, attendance
    DOCUMENTS = enum.auto()      #: documents made or reprinted
    SETTINGS = enum.auto()       #: commission settings, staff, rooms, tribunals
    CALENDAR = enum.auto()       #: the legal calendar (holidays, make-up working days)
    ALL = (CASES | CLOCKS | HEARINGS | INVITATIONS | ENTERPRISES | OBSERVERS | TRAINING
           | DOCUMENTS | SETTINGS | CALENDAR)


#: Which broadcast an audit entry's ``entity`` stands for (changes seen on other workstations).
ENTITY_CHANGES: dict[str, Changes] = {
    "case": Changes.CASES | Changes.CLOCKS,
    "hearing": Changes.HEARINGS | Changes.CASES,
    "invitation": Changes.INVITATIONS,
    "enterprise": Changes.ENTERPRISES,
    "zone": Changes.ENTERPRISES,
    "observer": Changes.OBSERVERS | Changes.INVITATIONS,
    "training_session": Changes.TRAINING,
    "training_topic": Changes.TRAINING,
    "document": Changes.DOCUMENTS,
    "setting": Changes.SETTINGS,
    "staff": Changes.SETTINGS,
    "room": Changes.SETTINGS,
    "tribunal": Changes.SETTINGS,
    "legal_day": Changes.CALENDAR | Changes.CLOCKS,
    "legal_year": Changes.CALENDAR | Changes.CLOCKS,
    "report": Changes.NONE,
}


def changes_of_entities(entities: frozenset[str] | set[str]) -> Changes:
    """The broadcast for audit entries of these entities (an unknown entity counts as everything)."""
    result = Changes.NONE
    for entity in entities:
        result |= ENTITY_CHANGES.get(entity, Changes.ALL)
    return result


class ChangeBus(QObject):
    """The application-wide broadcast.

    Signals:
        changed(Changes, object): these things changed; the object is the widget whose work
            changed them, or None when another workstation did.
    """

    changed = Signal(object, object)

    def broadcast(self, changes: Changes, source: object = None) -> None:
        """Tell every subscriber that ``changes`` happened (nothing for Changes.NONE)."""
        if changes:
            self.changed.emit(changes, source)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The one change bus of this program run (made on first use, on the GUI thread)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


def broadcast(changes: Changes, source: object = None) -> None:
    """Shorthand for ``bus().broadcast(changes, source)``."""
    bus().broadcast(changes, source)


class _Subscription(QObject):
    """Calls ``refresh`` for matching broadcasts: now when its page is visible, else at next show."""

    def __init__(self, page: QWidget, mask: Changes, refresh: Callable[[], None],
                 ignore_own: bool) -> None:
        super().__init__(page)
        self._page = page
        self._mask = mask
        self._refresh = refresh
        self._ignore_own = ignore_own
        self._stale = False
        bus().changed.connect(self._changed)
        page.installEventFilter(self)

    @Slot(object, object)
    def _changed(self, changes: Changes, source: object) -> None:
        if not changes & self._mask:
            return
        if self._ignore_own and source is self._page:
            return
        if self._page.isVisible():
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            # After the show, so the page is laid out when it fills itself.
            QTimer.singleShot(0, self._refresh)
        return False


def subscribe(page: QWidget, changes: Changes, refresh: Callable[[], None], *,
              ignore_own: bool = False) -> None:
    """Call ``refresh()`` whenever any of ``changes`` is broadcast (lazily while ``page`` is hidden).

    Args:
        page: the page or panel that shows the data; the subscription ends with it.
        changes: the flags that make what it shows out of date.
        refresh: reloads what the page shows (through :func:`run_read`).
        ignore_own: skip broadcasts whose source is ``page`` (it refreshed itself already).
    """
    _Subscription(page, changes, refresh, ignore_own)


# ---------------------------------------------------------------------------------- progress


class Cancelled(Exception):
    """Raised inside the work when the clerk pressed 取消; the service's transaction rolls back."""


class _ProgressRelay(QObject):
    stepped = Signal(int, int, str)


class Progress:
    """Progress of one long piece of work, reported from the worker thread and shown on the GUI's.

    Args:
        label: what is being done, e.g. 正在生成开庭材料…
        cancellable: offer 取消; only where the service can stop half-way without harm.
    """

    def __init__(self, label: str, *, cancellable: bool = False) -> None:
        self.label = label
        self.cancellable = cancellable
        self._cancelled = threading.Event()
        self._relay = _ProgressRelay()

    @property
    def stepped(self) -> Any:
        """Signal (done, total, text), delivered on the GUI thread."""
        return self._relay.stepped

    def step(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` (from any thread).

        Raises:
            Cancelled: the clerk pressed 取消.
        """
        self.check()
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            self._relay.stepped.emit(done, total, text)

    def check(self) -> None:
        """Raise :class:`Cancelled` when the clerk has asked to stop."""
        if self._cancelled.is_set():
            raise Cancelled

    def cancel(self) -> None:
        """Ask the work to stop at its next step."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


#: A progress window appears only for work that takes longer than this.
PROGRESS_DELAY_MS = 400


def _progress_dialog(parent: QWidget | None, progress: Progress) -> QProgressDialog:
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(progress.label)
    dialog.setLabelText(progress.label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)  # "busy" until the first step says how much there is
    if progress.cancellable:
        # Qt's own 取消 button (translated by the qtbase catalogue).
        dialog.canceled.connect(progress.cancel)
    else:
        dialog.setCancelButton(None)  # None removes the button (Qt docs)

    dialog.setValue(0)
    return dialog


# ---------------------------------------------------------------------------------- running


#: The collector's thresholds while the program runs (Python's default is (700, 10, 10)).
#: A full collection scans every object of the process and holds the GIL throughout: during a
#: day pack or a 5,000-row import (much garbage made on the worker thread) it came every few
#: seconds and stopped the GUI thread for 100–700 ms each time, whatever thread caused it.
#: Measured with benchmarks/responsiveness.py on 2 loaded cores: the longest timer gap fell
#: from 414–601 ms (day pack) and 394–757 ms (import) to 40–64 ms. Young objects are still
#: collected as often as before; only full collections are a hundred times rarer.
GC_THRESHOLDS = (700, 10, 1000)


def keep_collector_pauses_short() -> None:
    """Make full garbage collections rare, so long work on a worker thread does not freeze the window."""
    gc.set_threshold(*GC_THRESHOLDS)



_writer: QThreadPool | None = None
_reader: QThreadPool | None = None

#: Threads answering reads. One: reads keep the order the clerk asked in, and the libraries
#: some reports use (ReportLab's chart drawing) are not known to be safe in two threads at
#: once. Reads still never wait behind a write, which has its own thread.
READ_THREADS = 1


def _writer_pool() -> QThreadPool:
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        # One writer at a time, in the order the clerk asked: SQLite serves one writer.
        _writer.setMaxThreadCount(1)
    return _writer


def _reader_pool() -> QThreadPool:
    global _reader
    if _reader is None:
        _reader = QThreadPool()
        _reader.setMaxThreadCount(READ_THREADS)
    return _reader


class Op(QObject, Generic[T]):
    """One running piece of work; lives on the GUI thread as a child of the page that asked.

    Signals:
        finished(object): the work returned this value (after ``on_done`` ran).
        failed(object): the work raised this TribunalError (after ``on_failed`` ran).
        ended(): finished, failed or cancelled.
    """

    finished = Signal(object)
    failed = Signal(object)
    ended = Signal()
    _result = Signal(object)
    _error = Signal(object)
    _stopped = Signal(object)

    def __init__(self, parent: QObject | None, *, changes: Changes,
                 on_done: Callable[[T], None] | None,
                 on_failed: Callable[[TribunalError], None] | None,
                 on_cancelled: Callable[[], None] | None,
                 progress: Progress | None, source: object,
                 current: Callable[[], bool] | None = None) -> None:
        # Not a child of the page: the page may be closed (and deleted) while the work runs.
        # The op stays alive in _running until it has answered; a page gone by then gets nothing.
        super().__init__()
        self._asker: QObject | None = parent
        self._gone = False
        if parent is not None:
            parent.destroyed.connect(self._asker_gone)
        _running.add(self)
        self._changes = changes
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_cancelled = on_cancelled
        self._source = source
        self._current = current
        self._dialog: QProgressDialog | None = None
        self._progress = progress
        if progress is not None:
            self._dialog = _progress_dialog(parent if isinstance(parent, QWidget) else None, progress)
            # A slot of this GUI-thread object, so the worker's reports are queued here
            # (a plain function would be called on the worker thread).
            progress.stepped.connect(self._stepped)
        self.running = True
        self.task: QRunnable | None = None
        # Emitted on the worker thread; these slots belong to an object of the GUI thread,
        # so Qt queues the call there.
        self._result.connect(self._deliver)
        self._error.connect(self._deliver_error)
        self._stopped.connect(self._deliver_cancelled)

    @Slot()
    def _asker_gone(self) -> None:
        self._asker = None
        self._gone = True
        self._dialog = None  # deleted with its parent

    def _wanted(self) -> bool:
        return not self._gone and (self._current is None or self._current())

    def _forget(self) -> None:
        if self._asker is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._asker.destroyed.disconnect(self._asker_gone)
        # Dropped after this slot has returned; Python then deletes the op and its task.
        QTimer.singleShot(0, lambda: _running.discard(self))

    def _close_dialog(self) -> None:
        self.running = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    @Slot(int, int, str)
    def _stepped(self, done: int, total: int, text: str) -> None:
        if self._dialog is None or self._progress is None:
            return
        if total > 0:
            self._dialog.setRange(0, total)
            self._dialog.setValue(min(done, total))
        if text:
            self._dialog.setLabelText(f"{self._progress.label}\n{text}")

    @Slot(object)
    def _deliver(self, result: T) -> None:
        self._close_dialog()
        if self._wanted():
            if self._on_done is not None:
                self._on_done(result)
            self.finished.emit(result)
        broadcast(self._changes, self._source)
        self.ended.emit()
        self._forget()

    @Slot(object)
    def _deliver_error(self, error: TribunalError) -> None:
        self._close_dialog()
        if self._wanted():
            if self._on_failed is not None:
                self._on_failed(error)
            else:
                from tribunal.ui import msgbox

                asker = self._asker
                msgbox.show_error(asker if isinstance(asker, QWidget) else None, error)
            self.failed.emit(error)
        self.ended.emit()
        self._forget()

    @Slot(object)
    def _deliver_cancelled(self, _nothing: object) -> None:
        self._close_dialog()
        if self._on_cancelled is not None and not self._gone:
            self._on_cancelled()
        self.ended.emit()
        self._forget()


#: Ops that have not answered yet (they have no Qt parent; this keeps them alive).
_running: set[Op[Any]] = set()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], op: Op[Any]) -> None:
        super().__init__()
        self._work = work
        self._op = op
        # Not deleted by the pool on its own thread: the op holds the task and lets it go on
        # the GUI thread once it has answered (a Python object freed by a pool thread crashed).
        self.setAutoDelete(False)
        op.task = self

    def run(self) -> None:
        try:
            result = self._work()
        except Cancelled:
            self._emit("_stopped", None)
            return
        except TribunalError as exc:
            self._emit("_error", exc)
            return
        except Exception as exc:  # a bug: say so instead of dying silently in the thread
            log.exception("background work failed")
            self._emit("_error", TribunalError(QCoreApplication.translate(
                "ops", "Something went wrong in the background: {error}").format(error=exc)))
            return
        self._emit("_result", result)

    def _emit(self, name: str, *value: Any) -> None:
        # RuntimeError: the program is closing and the op is already gone; nobody is waiting.
        with contextlib.suppress(RuntimeError):
            getattr(self._op, name).emit(*value)


_read_serials: dict[tuple[int, str], int] = {}
_serial = itertools.count(1)


class _ReadGate:
    """Lets background reads run side by side, except while work needs the database alone.

    Restoring a backup replaces the database file: no connection may be open meanwhile, or
    the restore is refused as "in use" (and on Windows the file cannot be replaced at all).
    Such work runs :meth:`alone`, which waits for the reads under way to end and holds back
    new ones (the poll for other workstations' changes, a page's refresh) until it is over.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._closed = False

    @contextlib.contextmanager
    def reading(self) -> Any:
        with self._cond:
            while self._closed:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def alone(self) -> Any:
        with self._cond:
            self._closed = True
            while self._readers:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._closed = False
                self._cond.notify_all()


_read_gate = _ReadGate()


def _gated(work: Callable[[], T], gate: Callable[[], Any]) -> Callable[[], T]:
    def run() -> T:
        with gate():
            return work()
    return run


def run_write(parent: QObject | None, work: Callable[[], T], *, changes: Changes,
              on_done: Callable[[T], None] | None = None,
              on_failed: Callable[[TribunalError], None] | None = None,
              on_cancelled: Callable[[], None] | None = None,
              progress: Progress | None = None, source: object = None,
              exclusive: bool = False) -> Op[T]:
    """Run a service call that changes data, off the GUI thread, then broadcast ``changes``.

    Args:
        parent: the page or dialog that asked; nothing is called if it is gone by then
            (None: no page; the callbacks always run).
        work: calls services only, never a widget.
        changes: what the work changes (broadcast on success, with ``source``).
        on_done: runs on the GUI thread with the result, before the broadcast.
        on_failed: runs on the GUI thread with the error (default: a message box).
        on_cancelled: runs when the clerk cancelled (``progress`` with ``cancellable``).
        progress: shows a progress window for long work.
        source: the sender named in the broadcast (default: ``parent``).
        exclusive: the work needs the database to itself (a restore replaces the file): it
            starts once the background reads under way have ended, and no new one starts
            until it is over.

    Returns:
        The running :class:`Op` (its ``ended`` signal fires when it is over).
    """
    op: Op[T] = Op(parent, changes=changes, on_done=on_done, on_failed=on_failed,
                   on_cancelled=on_cancelled, progress=progress,
                   source=parent if source is None else source)
    _writer_pool().start(_Task(_gated(work, _read_gate.alone) if exclusive else work, op))
    return op


def run_read(parent: QObject | None, work: Callable[[], T], on_done: Callable[[T], None], *,
             on_failed: Callable[[TribunalError], None] | None = None,
             key: str | None = None, progress: Progress | None = None,
             on_cancelled: Callable[[], None] | None = None) -> Op[T]:
    """Run a service call that only reads, off the GUI thread; nothing is broadcast.

    Args:
        parent: the page that asked; nothing is called if it is gone by then.
        work: calls services only, never a widget.
        on_done: runs on the GUI thread with the result.
        on_failed: runs on the GUI thread with the error (default: a message box).
        key: a newer read of the same ``parent`` and ``key`` makes this one's answer
            superfluous: it is dropped (a search typed on while the last one runs).
        progress: shows a progress window for a long read (a report).
        on_cancelled: runs when the clerk cancelled.

    Returns:
        The running :class:`Op`.
    """
    current: Callable[[], bool] | None = None
    if key is not None:
        slot = (id(parent), key)
        serial = next(_serial)
        _read_serials[slot] = serial

        def current() -> bool:
            return _read_serials.get(slot) == serial

    op: Op[T] = Op(parent, changes=Changes.NONE, on_done=on_done, on_failed=on_failed,
                   on_cancelled=on_cancelled, progress=progress, source=parent, current=current)
    _reader_pool().start(_Task(_gated(work, _read_gate.reading), op))
    return op


#: How long a window waiting in :func:`call` looks as it was before it is greyed out: most
#: saves answer sooner, and a window that flickers grey on every save is worse than none.
GREY_AFTER_MS = 300

_INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
})


class _InputHold(QObject):
    """Drops the clerk's clicks and keys aimed at one window while it waits for an answer."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and isinstance(watched, QWidget):
            return watched is self._window or self._window.isAncestorOf(watched)
        return False


@contextlib.contextmanager
def _held(window: QWidget) -> Iterator[None]:
    """While the block runs, ``window`` takes no input (and is greyed out after GREY_AFTER_MS)."""
    app = QApplication.instance()
    hold = _InputHold(window)
    if app is not None:
        app.installEventFilter(hold)
    focus = QApplication.focusWidget()
    greyed: list[bool] = []

    def grey() -> None:
        if window.isEnabled():
            window.setEnabled(False)
            greyed.append(True)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(grey)
    timer.start(GREY_AFTER_MS)
    try:
        yield
    finally:
        timer.stop()
        if app is not None:
            app.removeEventFilter(hold)
        if greyed:
            window.setEnabled(True)
            if focus is not None and window.isAncestorOf(focus):
                # Back where the clerk was typing (a scanner's next code goes there too).
                focus.setFocus(Qt.FocusReason.OtherFocusReason)


def call(parent: QWidget | None, work: Callable[[], T], *, changes: Changes = Changes.NONE,
         progress: Progress | None = None, write: bool = False) -> T:
    """Run ``work`` off the GUI thread and wait for it with the event loop running; its result.

    For the steps of a wizard and the 保存 of a dialog, whose next move (the next page,
    closing, or placing the reasons beside the fields) needs the answer: the window keeps
    drawing, and ``parent`` takes no clicks or keys meanwhile (greyed out after
    :data:`GREY_AFTER_MS`; or covered by the modal progress window) so the clerk cannot start
    the same step twice. Anything else uses :func:`run_write` /
    :func:`run_read`.

    Args:
        parent: the wizard or dialog waiting for the answer.
        work: calls services only, never a widget.
        changes: what the work changes, broadcast on success (also makes it a write).
        progress: shows a progress window for long work.
        write: run on the writer thread without a broadcast (the dialog's page broadcasts
            what was saved itself).

    Raises:
        TribunalError: the work refused (nothing is shown; the caller places the reasons).
        Cancelled: the clerk pressed 取消.
    """
    from PySide6.QtCore import QEventLoop

    outcome: list[Any] = []
    errors: list[BaseException] = []
    op: Op[T] = Op(parent, changes=changes, on_done=outcome.append, on_failed=errors.append,
                   on_cancelled=lambda: errors.append(Cancelled()), progress=progress,
                   source=parent)
    loop = QEventLoop()
    op.ended.connect(loop.quit)
    (_writer_pool() if changes or write else _reader_pool()).start(_Task(work, op))
    block = parent if parent is not None and progress is None and parent.isEnabled() else None
    if op.running:
        if block is None:
            loop.exec()
        else:
            with _held(block):
                loop.exec()
    if errors:
        raise errors[0]
    return outcome[0]


def pending() -> int:
    """How many reads and writes have not answered yet (their answer not yet delivered)."""
    return len(_running)


def wait_until_idle(timeout_ms: int = 10_000) -> bool:
    """Wait for every queued read and write to finish (tests, closing the program); True when idle.

    The answers are delivered by the event loop afterwards.
    """
    return _writer_pool().waitForDone(timeout_ms) and _reader_pool().waitForDone(timeout_ms)


# ---------------------------------------------------------------------------------- other workstations


#: How often the newest audit entry is read, in milliseconds.
POLL_INTERVAL_MS = 5000


class RemoteWatcher(QObject):
    """Raises the broadcast for changes that other workstations made on a shared database.

    It reads the newest audit entry every :data:`POLL_INTERVAL_MS` and whenever
    :meth:`check_now` is called (the main window does so when it is activated). Changes this
    program made itself are broadcast by :func:`run_write` already; the watcher leaves out
    what the last local broadcast covered, so a page is not refreshed twice.
    """

    def __init__(self, db: Any, parent: QObject | None = None, *,
                 interval_ms: int = POLL_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._db = db
        self._seen: int | None = None
        self._local = Changes.NONE
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)
        bus().changed.connect(self._local_change)

    def start(self) -> None:
        """Note the newest entry now and poll from here on."""
        self.check_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot(object, object)
    def _local_change(self, changes: Changes, source: object) -> None:
        if source is not self:
            self._local |= changes

    def check_now(self) -> None:
        """Read the newest audit entry (in the background) and broadcast what is new."""
        if self._asking:
            return
        self._asking = True
        from tribunal.services import audit

        seen = self._seen
        local = self._local
        self._local = Changes.NONE
        run_read(self, lambda: audit.changes_since(self._db, seen),
                 lambda news: self._heard(news, local), on_failed=self._failed)

    def _heard(self, news: Any, local: Changes) -> None:
        self._asking = False
        first = self._seen is None
        self._seen = news.newest_id
        if first or not news.entities:
            return
        changes = changes_of_entities(news.entities)
        if not news.others:
            # Only this workstation's own entries: the local broadcast covered what it named.
            changes &= ~local
        broadcast(changes, self)

    def _failed(self, error: TribunalError) -> None:
        # A network hiccup on a shared server: try again at the next tick, quietly.
        self._asking = False
        log.info("could not check for changes: %s", error)


# ---------------------------------------------------------------------------------- open editors


class StaleBanner(QWidget):
    """The line an editor shows when its record was changed elsewhere: 此记录已被修改 [重新载入]."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staleBanner")
        self.setStyleSheet("#staleBanner { background: #fff4ce; border: 1px solid #e0c060; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self.tr(
            "This record has been changed (on this or another workstation) since you opened it."))
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show the saved record; what you typed here is dropped"))
        self.reload_button.clicked.connect(self.reload_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        self.hide()


#: A watched record's version before it has been read.
_UNREAD = object()


class RecordWatch(QObject):
    """Tells an open editor when its record was changed by someone else, without reloading it.

    The editor calls :meth:`track` when it loads a record and again after its own save;
    when a broadcast names the record's kind, the record's version is read in the
    background and compared. A difference shows the :class:`StaleBanner`; its button calls
    ``reload``. The version is :func:`tribunal.services.audit.record_version` (the newest
    audit entry of the record) — the one place to change when records get a version counter.
    """

    def __init__(self, editor: QWidget, db: Any, entity: str, changes: Changes,
                 banner: StaleBanner, reload: Callable[[], None]) -> None:
        super().__init__(editor)
        self._editor = editor
        self._db = db
        self._entity = entity
        self._changes = changes
        self._banner = banner
        self._record_id: int | None = None
        self._version: Any = _UNREAD
        banner.reload_requested.connect(reload)
        bus().changed.connect(self._changed)

    def track(self, record_id: int | None) -> None:
        """Watch ``record_id`` (None: a new record, nothing to watch) from its current version."""
        self._record_id = record_id
        self._version = _UNREAD
        self._banner.hide()
        if record_id is None:
            return
        from tribunal.services import audit

        run_read(self, lambda: audit.record_version(self._db, self._entity, record_id),
                 self._noted, key="version", on_failed=lambda _e: None)

    def _noted(self, version: Any) -> None:
        self._version = version

    @property
    def ready(self) -> bool:
        """Whether the version of the record being watched has been read (a change is noticed)."""
        return self._record_id is not None and self._version is not _UNREAD

    @property
    def stale(self) -> bool:
        return self._banner.isVisibleTo(self._editor)

    @Slot(object, object)
    def _changed(self, changes: Changes, source: object) -> None:
        if self._record_id is None or not changes & self._changes:
            return
        if source is self._editor:
            return  # its own save: the editor calls track() again itself
        from tribunal.services import audit

        record_id = self._record_id
        known = self._version
        run_read(self, lambda: audit.record_version(self._db, self._entity, record_id),
                 lambda now: self._compare(record_id, known, now), key="check",
                 on_failed=lambda _e: None)

    def _compare(self, record_id: int, known: Any, now: Any) -> None:
        if record_id != self._record_id:
            return
        # A record without any audit entry yet (loaded in bulk) has the version None: a first
        # entry is a change too.
        if known is not _UNREAD and now != known:
            self._banner.show()


class FormLoad(QObject):
    """An editor's reads when it opens (its record, its choice lists), off the GUI thread.

    The dialog shows at once; its fields and 保存 take no clicks or keys until the read has
    answered, and if that takes longer than :data:`GREY_AFTER_MS` they are greyed out under a
    line 正在读取… (most reads answer sooner: no flicker). When the answer arrives,
    ``fill(result)`` puts the record in the fields (it may disable 保存 again itself, for a
    record that cannot be changed). If the read fails, the
    error is shown in the usual message box and the dialog closes (a record deleted
    meanwhile, a server out of reach): nothing is ever saved from a form that was never
    filled. Escape and 取消 work throughout; a dialog closed (or deleted) before the answer
    gets nothing.

    :meth:`start` may be called again (重新载入 after the record changed elsewhere).

    Signals:
        loaded(): ``fill`` has run.
    """

    loaded = Signal()

    def __init__(self, dialog: QWidget, work: Callable[[], Any], fill: Callable[[Any], None], *,
                 fields: list[QWidget], buttons: list[QWidget], layout: QBoxLayout,
                 index: int = 0) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._work = work
        self._fill = fill
        self._fields = fields
        self._buttons = buttons
        self._closed = False
        self.ready = False
        self.failed = False
        self.line = QLabel()
        self.line.setObjectName("formLoad")
        self.line.setWordWrap(True)
        self.line.hide()
        layout.insertWidget(index, self.line)
        self._holds: list[_FormHold] = []
        self._greyed = False
        self._grey_timer = QTimer(self)
        self._grey_timer.setSingleShot(True)
        self._grey_timer.setInterval(GREY_AFTER_MS)
        self._grey_timer.timeout.connect(self._grey)
        finished = getattr(dialog, "finished", None)
        if finished is not None:  # a QDialog: closed with Escape, 取消 or the window's ×
            finished.connect(self._dialog_closed)

    @Slot()
    def _dialog_closed(self) -> None:
        self._closed = True
        self._release()

    def _hold(self) -> None:
        """Take no input in the fields and buttons now; grey them out if the answer is slow."""
        self._release()
        app = QApplication.instance()
        if app is not None:
            for widget in (*self._fields, *self._buttons):
                hold = _FormHold(widget)
                # Deleted with this object (and so with the dialog): Qt then drops the filter
                # even when the dialog went before its answer came.
                hold.setParent(self)
                app.installEventFilter(hold)
                self._holds.append(hold)
        self._grey_timer.start()

    @Slot()
    def _grey(self) -> None:
        self._greyed = True
        for widget in (*self._fields, *self._buttons):
            widget.setEnabled(False)
        self.line.show()

    def _release(self) -> None:
        self._grey_timer.stop()
        app = QApplication.instance()
        for hold in self._holds:
            if app is not None:
                with contextlib.suppress(RuntimeError):  # deleted already, its filter with it
                    app.removeEventFilter(hold)
                    hold.deleteLater()
        self._holds = []
        if self._greyed:
            self._greyed = False
            for widget in (*self._fields, *self._buttons):
                widget.setEnabled(True)
        self.line.hide()

    def start(self, work: Callable[[], Any] | None = None,
              fill: Callable[[Any], None] | None = None) -> Op[Any]:
        """Disable the form, say 正在读取…, and read.

        Args:
            work: read this from now on instead of the opening read (重新载入 may read the
                record alone).
            fill: fill the form with this from now on (重新载入 also clears what was typed).
        """
        if work is not None:
            self._work = work
        if fill is not None:
            self._fill = fill
        self.ready = False
        self.failed = False
        self._closed = False
        #: The line an editor shows while it reads its record and choice lists.
        self.line.setText(self.tr("Reading…"))
        self.line.setProperty("feedback", "hint")
        self._polish()
        self._hold()
        return run_read(self, self._work, self._answered, on_failed=self._refused, key="open")

    def given(self, result: Any) -> None:
        """Fill the form at once with ``result``, read already by whoever opened the dialog."""
        self._answered(result)

    def _polish(self) -> None:
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)

    def _answered(self, result: Any) -> None:
        if self._closed:
            return
        self._release()
        self._fill(result)
        self.ready = True
        self.loaded.emit()

    def _refused(self, error: TribunalError) -> None:
        if self._closed:
            return
        self.failed = True
        self._release()
        self._grey()
        from tribunal.ui import msgbox

        self.line.setText(self.tr("Could not be read, so nothing can be saved from this window. "
                                  "Close it and try again."))
        self.line.setProperty("feedback", "error")
        self._polish()
        msgbox.show_error(self._dialog, error)
        if isinstance(self._dialog, QDialog) and not self._closed:
            # Nothing to edit: the window closes once the clerk has read why.
            QDialog.done(self._dialog, QDialog.DialogCode.Rejected)


class _FormHold(_InputHold):
    """Drops clicks and keys aimed at a form that is still being read — except Escape, which
    reaches the dialog and closes it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            key = getattr(event, "key", None)
            if key is not None and key() == Qt.Key.Key_Escape:
                return False
        try:
            return super().eventFilter(watched, event)
        except RuntimeError:  # the form is being deleted: nothing left to hold
            return False

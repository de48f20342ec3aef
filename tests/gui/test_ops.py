"""The op runner: work off the GUI thread, answers on it, changes broadcast, stale answers dropped."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tribunal.errors import ValidationError
from tribunal.ui import ops
from tribunal.ui.ops import Changes


def test_a_write_runs_off_the_gui_thread_and_broadcasts_what_changed(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    threads: list[threading.Thread] = []
    heard: list[tuple[Changes, object]] = []
    ops.bus().changed.connect(lambda c, s: heard.append((c, s)))
    done: list[int] = []

    def work() -> int:
        threads.append(threading.current_thread())
        return 42

    with qtbot.waitSignal(ops.bus().changed, timeout=5000):
        ops.run_write(page, work, changes=Changes.HEARINGS, on_done=done.append)
    assert done == [42]
    assert threads[0] is not threading.main_thread()
    assert heard[-1] == (Changes.HEARINGS, page)


def test_a_refused_write_reports_its_reasons_and_broadcasts_nothing(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    heard: list[Changes] = []
    ops.bus().changed.connect(lambda c, _s: heard.append(c))
    errors: list[ValidationError] = []

    def refuse() -> None:
        raise ValidationError("请填写申请人姓名", fields={"applicant": "必填"})

    op = ops.run_write(page, refuse, changes=Changes.CASES, on_failed=errors.append)  # type: ignore[arg-type]
    with qtbot.waitSignal(op.ended, timeout=5000):
        pass
    assert errors[0].fields == {"applicant": "必填"}
    assert heard == []


def test_an_overtaken_read_is_dropped(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    release = threading.Event()
    answers: list[str] = []
    def slow() -> str:
        release.wait(5)
        return "old"

    older = ops.run_read(page, slow, answers.append, key="search")
    newer = ops.run_read(page, lambda: "new", answers.append, key="search")
    release.set()  # the older search ends first, after the newer one was asked for
    for op in (older, newer):
        if op.running:
            with qtbot.waitSignal(op.ended, timeout=10_000):
                pass
    assert answers == ["new"]


def test_cancelling_long_work_stops_it_quietly(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    progress = ops.Progress("正在处理…", cancellable=True)
    steps: list[int] = []
    cancelled: list[bool] = []

    def work() -> None:
        for i in range(1000):
            progress.step(i, 1000)
            steps.append(i)
            if i == 5:
                progress.cancel()

    op = ops.run_write(page, work, changes=Changes.ENTERPRISES, progress=progress,
                       on_cancelled=lambda: cancelled.append(True))
    with qtbot.waitSignal(op.ended, timeout=5000):
        pass
    assert cancelled == [True]
    assert steps[-1] == 5


def test_a_hidden_page_refreshes_when_shown(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    refreshed: list[bool] = []
    ops.subscribe(page, Changes.HEARINGS, lambda: refreshed.append(True))
    ops.broadcast(Changes.CASES)
    ops.broadcast(Changes.HEARINGS)
    assert refreshed == []  # hidden: no work now
    page.show()
    qtbot.waitUntil(lambda: refreshed == [True])
    ops.broadcast(Changes.HEARINGS | Changes.CASES)
    assert refreshed == [True, True]

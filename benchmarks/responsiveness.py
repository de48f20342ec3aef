"""Responsiveness of the GUI while long work runs through ``tribunal.ui.ops``, and the case search as typed.

Run: ``python benchmarks/responsiveness.py [--cases 100000] [--keep DIR] [--no-search] [--python-gc]``
(offscreen Qt). ``--python-gc`` keeps Python's default collector thresholds instead of the
program's (``ops.GC_THRESHOLDS``): a full collection holds the GIL for 100–700 ms, and with
the default thresholds one comes every few seconds of heavy work, whatever thread caused it.

Measured in one run, on the same machine and event loop:

1. **Idle floor** — the longest gap between two ticks of a 10 ms ``QTimer`` on an idle event
   loop (what the machine and Qt give at best).
2. **Day pack** — the same timer while a circuit tribunal's day pack of at least 44 files is
   made through ``document_actions.print_day`` (the 文书 page's path: ``ops.run_write``).
3. **Import** — the same timer while 5,000 enterprises are imported from an .xlsx file
   through ``ops.run_write`` (the import wizard's path).
   Target for 2 and 3: longest gap < 100 ms.
4. **Keystroke to rows** — in the real 案件 page on a register of ``--cases`` cases (SQLite):
   from a key typed into the search field to the matching rows painted, the search's
   debounce (``cases_page.SEARCH_DELAY_MS``) included. Target: p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from openpyxl import Workbook  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tribunal.domain.enums import CaseStatus  # noqa: E402
from tribunal.domain.scheduling import HearingConflict  # noqa: E402
from tribunal.services import cases, demo, enterprise_import, hearings  # noqa: E402
from tribunal.services.app import open_database  # noqa: E402
from tribunal.services.hearings import HearingInput  # noqa: E402

PACK_FILES = 44
ENTERPRISES = 5_000


class GapMeter:
    """A 10 ms timer noting when it fires; the longest gap between two ticks is the longest stall."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)) * 1000


def wait(app: QApplication, op: object) -> None:
    loop = QEventLoop()
    op.ended.connect(loop.quit)  # type: ignore[attr-defined]
    if op.running:  # type: ignore[attr-defined]
        loop.exec()
    app.processEvents()


def idle_gap(app: QApplication, seconds: float = 2.0) -> float:
    meter = GapMeter()
    meter.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    return meter.stop()


def busy_day(db: object, today: dt.date) -> tuple[dt.date, int]:
    """A free weekday on which one circuit tribunal hears enough cases for a day pack of 44 files or more."""
    from tribunal.services import documents

    model = hearings.get_hearing(db, next(h for h in hearings.list_hearings(db) if h.public).id)  # type: ignore[arg-type]
    # A free weekday soon (before the demo cases' award deadlines), so the hearings fit.
    day = today + dt.timedelta(days=7)
    while day.weekday() >= 5 or hearings.list_hearings(db, day, day):  # type: ignore[arg-type]
        day += dt.timedelta(days=1)
    accepted = [r for r in cases.case_rows(db, cases.search_case_ids(db, cases.CaseFilter()))  # type: ignore[arg-type]
                if r.status == CaseStatus.ACCEPTED]
    slots = [dt.time(8, 30), dt.time(10, 0), dt.time(11, 30), dt.time(14, 0), dt.time(15, 30), dt.time(17, 0)]
    out = tempfile.mkdtemp(prefix="tribunal-bench-pack-")
    free = list(slots)
    for case in accepted:
        if not free:
            break
        start = dt.datetime.combine(day, free[0])
        data = HearingInput(case_id=case.id, starts_at=start, ends_at=start + dt.timedelta(minutes=80),
                            room_id=model.room_id, public=True,
                            panel=tuple((p.staff_id, p.role) for p in model.panel), clerk_id=model.clerk_id)
        try:
            hearings.schedule_hearing(db, data, "基准测试：照常开庭", today=today)  # type: ignore[arg-type]
        except HearingConflict:
            continue
        free.pop(0)
        if len(free) > len(slots) - 4:
            continue  # fewer than four hearings never make 44 files
        made = documents.make_day_pack(db, day, model.tribunal_id or 0, out_dir=out)  # type: ignore[arg-type]
        if len(made.documents) >= PACK_FILES:
            break
    return day, model.tribunal_id or 0


def enterprise_file(folder: Path) -> Path:
    """An .xlsx directory of 5,000 enterprises, as a development zone hands it over."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["企业名称", "统一社会信用代码", "地址", "联系人", "联系电话"])
    for i in range(ENTERPRISES):
        sheet.append([f"邵阳市基准测试第{i + 1}号机械制造有限公司", "", f"大祥区工业园{i % 300 + 1}号",
                      f"联系人{i % 97}", f"0739-52{i % 100000:05d}"])
    path = folder / "企业名录.xlsx"
    book.save(path)
    return path


def keystroke_to_rows(app: QApplication, db: object, samples: int = 20) -> tuple[list[float], int]:
    """Key typed into the 案件 search → rows of the answer painted, on the real page."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from tribunal.ui import cases_page
    from tribunal.ui.cases_page import CasesPage

    page = CasesPage(db)  # type: ignore[arg-type]
    page.resize(1280, 640)
    page.show()
    page.load()
    app.processEvents()
    times: list[float] = []
    words = ["张", "李", "工伤", "宝庆", "欧阳", "第5", "王", "刘", "陈", "精密"]
    for i in range(samples):
        page.search.clear()
        page.reload()
        app.processEvents()
        loop = QEventLoop()
        page.ids_shown.connect(loop.quit)
        start = time.perf_counter()
        for char in words[i % len(words)]:  # typed as an input method hands over Chinese
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(page.search, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        QTimer.singleShot(5000, loop.quit)
        loop.exec()
        page.ids_shown.disconnect(loop.quit)
        page.view.viewport().repaint()  # the rows on screen, not just in the model
        times.append((time.perf_counter() - start) * 1000)
    page.close()
    return times, cases_page.SEARCH_DELAY_MS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the benchmark databases in this folder")
    parser.add_argument("--python-gc", action="store_true",
                        help="keep Python's default collector thresholds instead of the program's "
                             "(ops.GC_THRESHOLDS), to see what they change")
    parser.add_argument("--no-search", action="store_true",
                        help="measure the timer gaps only (skip building the big register for 4)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tribunal-bench-"))
    folder.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication([])
    import gc

    from tribunal.ui import document_actions, ops

    if not args.python_gc:
        ops.keep_collector_pauses_short()  # as the program does at start-up (ui/app.py)
    print(f"garbage collector thresholds {gc.get_threshold()}")

    document_actions.show_pack_result = lambda *_a, **_k: None  # type: ignore[assignment,misc]  # no result window

    idle = idle_gap(app)
    print(f"idle event loop: longest gap of a 10 ms timer {idle:.0f} ms")

    small = folder / "responsiveness.sqlite3"
    if small.exists():
        small.unlink()
    db = open_database(str(small), actor="bench")
    today = dt.date.today()
    demo.load_demo(db, today=today)
    day, tribunal_id = busy_day(db, today)

    meter = GapMeter()
    meter.start()
    started = time.perf_counter()
    op = document_actions.print_day(None, db, day, tribunal_id)
    results: list[object] = []
    op.finished.connect(results.append)
    wait(app, op)
    took = time.perf_counter() - started
    gap = meter.stop()
    files = len(results[0].documents) + 1 if results else 0  # type: ignore[attr-defined]
    print(f"day pack of {files} files through ops ({took:.1f} s): longest gap {gap:.0f} ms "
          f"(idle {idle:.0f} ms)  [target < 100 ms]")

    path = enterprise_file(folder)
    meter.start()
    started = time.perf_counter()
    op = ops.run_write(None, lambda: enterprise_import.import_enterprises(db, path),
                       changes=ops.Changes.ENTERPRISES)
    reports: list[object] = []
    op.finished.connect(reports.append)
    wait(app, op)
    took = time.perf_counter() - started
    gap = meter.stop()
    created = reports[0].created if reports else 0  # type: ignore[attr-defined]
    print(f"import of {created:,} enterprises through ops ({took:.1f} s): longest gap {gap:.0f} ms "
          f"(idle {idle:.0f} ms)  [target < 100 ms]")
    db.dispose()
    if args.no_search:
        return

    big = folder / "search.sqlite3"
    db = open_database(str(big), actor="bench")
    have = cases.count_cases(db)
    if have < args.cases:
        demo.load_demo(db)
        demo.add_synthetic_cases(db, args.cases - cases.count_cases(db))
    times, debounce = keystroke_to_rows(app, db)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"keystroke to rows in the case search on {cases.count_cases(db):,} cases (SQLite), "
          f"debounce {debounce} ms included: median {statistics.median(times):.0f} ms, "
          f"p95 {p95:.0f} ms, max {times[-1]:.0f} ms  [target p95 < 100 ms]")
    db.dispose()


if __name__ == "__main__":
    main()

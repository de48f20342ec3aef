"""A clerk typing the hearing record is killed at a random moment: at most the last autosave interval is lost."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from tests.integration.test_hearing_records import make_hearing
from tests.integration.workstations import type_hearing_record, workstations
from tribunal.services import hearing_records

#: What the writer types: a clerk's sentence, repeated (each keystroke adds one character).
SENTENCE = "申：我于2023年3月1日入职被申请人处，担任数控车床操作工，月工资5800元，公司从未与我签订书面劳动合同。"

def _run_once(db_url: str, hearing_id: int, folder: Path, interval: float, rate: float, kill_after: float
              ) -> int:
    """Type until killed; returns how many characters were typed."""
    ctx = workstations()
    ready, typed = ctx.Value("i", 0), ctx.Value("i", 0)
    proc = ctx.Process(target=type_hearing_record,
                       args=(db_url, hearing_id, str(folder), interval, rate, SENTENCE, ready, typed))
    proc.start()
    deadline = time.monotonic() + 60
    while not ready.value and proc.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ready.value, "the writer did not open the record"
    time.sleep(kill_after)
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(timeout=30)
    return int(typed.value)


def _measure(db, tmp_path: Path, runs: int, interval: float, rate: float) -> list[tuple[int, int, float]]:
    rng = random.Random(14)
    results = []
    hearing_id = make_hearing(db)
    for run in range(runs):
        folder = tmp_path / f"run{run}"
        base = hearing_records.open_record(db, hearing_id, folder=folder).content.text_of("investigation")
        typed = _run_once(db.url, hearing_id, folder, interval, rate, rng.uniform(0.3, 4.0) * interval + 0.3)
        reopened = hearing_records.open_record(db, hearing_id, folder=folder)
        text = reopened.content.text_of("investigation")
        assert text.startswith(base)
        recovered = text[len(base):]
        expected = "".join(SENTENCE[i % len(SENTENCE)] for i in range(typed))
        assert expected.startswith(recovered), "the journal holds exactly what was typed, in order"
        lost = typed - len(recovered)
        results.append((typed, lost, lost / rate))
    return results


def test_killed_writer_loses_at_most_the_last_autosave_interval(db, tmp_path, record_property):
    interval, rate = 0.5, 40.0  # short here; the slow test below uses the window's interval
    results = _measure(db, tmp_path, 3, interval, rate)
    worst = max(lost for _, lost, _ in results)
    record_property("most_lost_characters", worst)
    # One interval of typing, plus the keystroke in flight and a scheduling margin of 25 %.
    assert worst <= int(rate * interval * 1.25) + 2, results
    assert all(typed > 0 for typed, _, _ in results)


@pytest.mark.slow
def test_killed_writer_at_the_windows_interval_many_times(db, tmp_path, capsys):
    rate = 8.0  # a fast clerk: about 8 Chinese characters a second
    results = _measure(db, tmp_path, 10, hearing_records.AUTOSAVE_SECONDS, rate)
    worst = max(lost for _, lost, _ in results)
    with capsys.disabled():
        print(f"\nkill test: {len(results)} runs, most lost {worst} characters "
              f"({max(t for *_, t in results):.2f} s of typing); runs {results}")
    assert worst <= int(rate * hearing_records.AUTOSAVE_SECONDS * 1.25) + 2, results

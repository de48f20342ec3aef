"""The Qt binding installed keeps Python's reference counts right (a broken release crashes the program)."""

from __future__ import annotations

import sys

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox

CALLS = 1000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12")
def test_methods_returning_nothing_or_a_bool_keep_none_true_and_false_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 returns None from void methods without a reference: every call takes one
    from None, and after a few thousand calls Python aborts ("deallocating None"). Each call
    below returns None or a bool; none may take references away (a little noise aside)."""
    box = QCheckBox()
    timer = QTimer()
    owner = QObject()
    calls = {
        "QCheckBox.setChecked": lambda: box.setChecked(True),
        "QObject.setObjectName": lambda: owner.setObjectName("x"),
        "QTimer.stop": timer.stop,
        "QCheckBox.isChecked": box.isChecked,
        "QObject.blockSignals": lambda: owner.blockSignals(False),
    }
    for name, call in calls.items():
        before = {v: sys.getrefcount(v) for v in (None, True, False)}
        for _ in range(CALLS):
            call()
        lost = {repr(v): before[v] - sys.getrefcount(v) for v in before}
        assert max(lost.values()) < CALLS // 2, (
            f"PySide6 {pyside_version}: {name} takes a reference from {lost} per {CALLS} calls; "
            f"the program would abort on Python {sys.version_info.major}.{sys.version_info.minor} "
            "('deallocating None'): exclude this release in pyproject.toml")

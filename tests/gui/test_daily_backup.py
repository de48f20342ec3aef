"""The daily automatic backup: taken off the GUI thread once the window is up, reported on the status line."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.services import backup, settings
from tribunal.ui.app import take_daily_backup
from tribunal.ui.main_window import MainWindow


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db, settings.get_all(db))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_the_first_start_of_the_day_leaves_a_copy_and_says_so(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    take_daily_backup(window, seeded_db)
    qtbot.waitUntil(lambda: "自动备份已保存" in window.statusBar().currentMessage(), timeout=10_000)
    [copy] = backup.automatic_copies(seeded_db)
    assert copy.label == "daily" and str(copy.path) in window.statusBar().currentMessage()
    # A second start the same day takes no second copy.
    window.statusBar().clearMessage()
    take_daily_backup(window, seeded_db)
    from tribunal.ui import ops

    assert ops.wait_until_idle()
    assert len(backup.automatic_copies(seeded_db)) == 1


def test_a_failure_is_shown_without_interrupting(qtbot: QtBot, seeded_db: Database) -> None:
    assert seeded_db.path is not None
    (seeded_db.path.parent / "backups").write_text("a file where the folder should be")
    window = _window(qtbot, seeded_db)
    take_daily_backup(window, seeded_db)
    qtbot.waitUntil(lambda: "未能完成" in window.statusBar().currentMessage(), timeout=10_000)
    assert "backups" in window.statusBar().currentMessage()
    assert Path(seeded_db.path.parent / "backups").is_file()

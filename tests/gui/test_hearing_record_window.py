"""The hearing-record window: typing with speaker shortcuts, autosave to the journal, sync, reading back."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.integration.test_hearing_records import UYGHUR, make_hearing
from tribunal.db.engine import Database
from tribunal.services import hearing_records
from tribunal.ui import ops
from tribunal.ui.hearing_record_window import HearingRecordWindow

from .helpers import MessageBoxes, settle


def ime(widget: QWidget, text: str) -> None:
    """Chinese arrives as an input method commits it (QTest can only press ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _window(qtbot: QtBot, db: Database, tmp_path: Path) -> tuple[HearingRecordWindow, int]:
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id, folder=tmp_path / "journal")
    window = HearingRecordWindow(db, opened, clock=lambda: dt.datetime(2026, 12, 10, 9, 41))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步")
    return window, hearing_id


def test_typing_with_shortcuts_reaches_the_journal_and_the_database(qtbot: QtBot, gui_db: Database,
                                                                    tmp_path: Path) -> None:
    window, hearing_id = _window(qtbot, gui_db, tmp_path)
    window.stages.setCurrentRow(3)  # 庭审调查: stamped with the time it began
    assert window.content.current == "investigation"
    assert window.content.stage("investigation").started_at == dt.datetime(2026, 12, 10, 9, 41)
    assert window.stages.item(3).text().endswith("09:41")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    ime(window.editor, "申代")
    qtbot.keyClick(window.editor, Qt.Key.Key_Space)  # the abbreviation becomes the label
    ime(window.editor, "坚持仲裁请求")
    qtbot.keyClick(window.editor, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1: 仲
    ime(window.editor, "被申请人有无补充")
    text = window.content.text_of("investigation")
    assert text.endswith("\n申代：坚持仲裁请求\n仲：被申请人有无补充")
    assert window.sync_label.text() == "未同步"
    journal = hearing_records.journal_for(gui_db, hearing_id, tmp_path / "journal")
    qtbot.waitUntil(lambda: (journal.latest() or window.content).text_of("investigation") == text, timeout=5000)
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    assert hearing_records.stored_record(gui_db, hearing_id).text_of("investigation") == text
    if os.environ.get("KEEP_SCREENSHOT"):
        window.grab().save(os.environ["KEEP_SCREENSHOT"])


def test_after_reading_the_text_is_frozen_and_corrections_are_recorded(qtbot: QtBot, gui_db: Database,
                                                                       tmp_path: Path, boxes: MessageBoxes) -> None:
    window, hearing_id = _window(qtbot, gui_db, tmp_path)
    window.stages.setCurrentRow(5)
    ime(window.editor, "请求支持")
    boxes.confirm_answer = True
    window.mark_read()
    assert window.editor.isReadOnly() and window.correction_button.isEnabled()
    answers = iter([UYGHUR, "应记为请求支持全部请求", "与录音不符"])
    boxes.text_answer = None

    def ask_text(*_args: object, **_kw: object) -> str:
        return next(answers)

    import tribunal.ui.msgbox as msgbox
    original = msgbox.ask_text
    msgbox.ask_text = ask_text  # type: ignore[assignment] - a scripted clerk
    boxes.confirm_answer = False  # the tribunal refuses the correction
    try:
        window.request_correction()
    finally:
        msgbox.ask_text = original  # type: ignore[assignment]
    ops.wait_until_idle()
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    stored = hearing_records.stored_record(gui_db, hearing_id)
    assert stored.read_at is not None
    assert [(c.requested_by, c.decision, c.reason) for c in stored.corrections] == [(UYGHUR, "refused", "与录音不符")]
    assert "不予补正" in window.corrections.item(0).text()
    names = [x.name for x in window.content.signatories]
    window.signers.setCurrentRow(names.index("刘芳"))
    answers = iter(["不同意笔录内容"])
    msgbox.ask_text = ask_text  # type: ignore[assignment]
    try:
        window.set_signing("refused")
    finally:
        msgbox.ask_text = original  # type: ignore[assignment]
    window.signers.setCurrentRow(names.index(UYGHUR))
    window.set_signing("read_aloud")
    ops.wait_until_idle()
    qtbot.waitUntil(lambda: window.sync_label.text() == "已同步", timeout=5000)
    modes = {x.name: (x.mode, x.note) for x in hearing_records.stored_record(gui_db, hearing_id).signatories}
    assert modes["刘芳"] == ("refused", "不同意笔录内容") and modes[UYGHUR] == ("read_aloud", "")
    assert "拒绝签名" in window.signers.item(names.index("刘芳")).text()


def test_opened_from_the_hearing_pane_in_the_background(qtbot: QtBot, gui_db: Database, tmp_path: Path,
                                                      monkeypatch) -> None:
    monkeypatch.setenv(hearing_records.JOURNAL_ENV, str(tmp_path / "journal"))
    hearing_id = make_hearing(gui_db)
    from tribunal.ui.hearing_detail import HearingDetailPane

    pane = HearingDetailPane(gui_db)
    qtbot.addWidget(pane)
    pane.show_hearing(hearing_id)
    settle(qtbot)
    assert pane.record_button.isEnabled()
    pane.record_button.click()
    qtbot.waitUntil(lambda: any(isinstance(w, HearingRecordWindow) for w in pane.findChildren(QWidget)), timeout=5000)
    window = next(w for w in pane.findChildren(HearingRecordWindow))
    assert window.content.hearing_id == hearing_id and window.content.text_of("attendance").startswith("案号：")
    window.close()

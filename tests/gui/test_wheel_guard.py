"""The mouse wheel scrolls a page over list and number fields; it changes them only once focused."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.ui.settings_page import SettingsPage


def wheel(widget: QWidget, steps: int = -1) -> None:
    """Turn the wheel over the middle of ``widget`` (negative: towards the clerk, scrolling down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def page_with_fields(qtbot: QtBot) -> tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit]:
    body = QWidget()
    layout = QVBoxLayout(body)
    combo, spin, date = QComboBox(), QSpinBox(), QDateEdit()
    combo.addItems(["中文（简体）", "English", "第三项"])
    spin.setRange(0, 480)
    spin.setValue(60)
    for field in (combo, spin, date):
        layout.addWidget(field)
        layout.addSpacing(900)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    scroll.resize(400, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll, combo, spin, date


def test_the_wheel_over_unfocused_fields_scrolls_the_page(qtbot: QtBot) -> None:
    scroll, combo, spin, date = page_with_fields(qtbot)
    day = date.date()
    bar = scroll.verticalScrollBar()
    assert bar.value() == 0
    for field in (combo, spin, date):
        wheel(field)
    assert (combo.currentIndex(), spin.value(), date.date()) == (0, 60, day)
    assert bar.value() > 0  # the page moved instead
    for field in (combo, spin, date):
        assert field.focusPolicy() != Qt.FocusPolicy.WheelFocus  # scrolling across never selects it


def test_a_focused_field_takes_the_wheel(qtbot: QtBot) -> None:
    scroll, combo, spin, _date = page_with_fields(qtbot)
    scroll.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, 1)
    assert spin.value() == 61


def test_scrolling_the_settings_page_never_changes_the_language(qtbot: QtBot, gui_db: Database) -> None:
    page = SettingsPage(gui_db)
    qtbot.addWidget(page)
    page.resize(1366, 400)
    page.show()
    page.load()
    language = page.editors["ui.language"]
    for _ in range(5):
        wheel(language)
    assert page.value("ui.language") == "zh_CN"

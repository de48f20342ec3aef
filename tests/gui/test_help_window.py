"""帮助 → 使用说明 opens the user guide rendered from its Markdown, chapters and pictures included."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from tribunal.services.app import Database
from tribunal.ui.help_window import HELP_MENU_NAME, UserGuideWindow
from tribunal.ui.main_window import MainWindow


def test_the_help_menu_opens_the_user_guide(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(db, {})
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-1] == "帮助(&H)"
    menu = window.menuBar().actions()[-1].menu()
    assert menu.objectName() == HELP_MENU_NAME
    action = next(a for a in menu.actions() if a.objectName() == "user_guide_action")
    assert action.text() == "使用说明" and action.shortcut().toString() == "F1"
    action.trigger()
    guide = window.property("user_guide")
    assert isinstance(guide, UserGuideWindow) and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "使用说明" in text and "第一次使用" in text and "备份与恢复" in text


def test_chapters_open_inside_the_window_with_their_pictures(qtbot: QtBot) -> None:
    guide = UserGuideWindow()
    qtbot.addWidget(guide)
    index = guide.browser.source()
    guide.browser.setSource(index.resolved(QUrl("02-first-run.md")))
    assert "落款机构名称" in guide.browser.toPlainText()
    image = guide.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("images/setup-numbering.png"))
    assert image is not None and not image.isNull()
    guide.browser.backward()
    assert guide.browser.source() == index

"""帮助 → 使用说明: the user guide (Markdown shipped with the program) in a window of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tribunal.resources import user_guide_dir
from tribunal.ui import msgbox

HELP_MENU_NAME = "help_menu"


class GuideBrowser(QTextBrowser):
    """A text browser that shrinks the guide's screenshots to the window's width."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        resource = super().loadResource(kind, name)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = resource if isinstance(resource, QImage) else QImage.fromData(resource) \
                if isinstance(resource, (bytes, QByteArray)) else None
            room = max(self.viewport().width() - 40, 320)
            if image is not None and not image.isNull() and image.width() > room:
                return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return resource


class UserGuideWindow(QDialog):
    """The guide's chapters, rendered from Markdown, with back/home buttons; links between
    chapters stay inside the window, links to web pages open the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(True)
        index = user_guide_dir() / "index.md"
        self.browser.setSearchPaths([str(index.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(index)))
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        home = QPushButton(self.tr("Contents"))
        home.clicked.connect(self.browser.home)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(home)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.resize(900, 680)


def help_menu(window: QMainWindow) -> QMenu:
    """The window's 帮助 menu (made, last in the menu bar, when there is none yet)."""
    bar = window.menuBar()
    found = bar.findChild(QMenu, HELP_MENU_NAME)
    if found is not None:
        return found
    menu = bar.addMenu(QCoreApplication.translate("help", "&Help"))
    menu.setObjectName(HELP_MENU_NAME)
    return menu


def add_user_guide_action(window: QMainWindow) -> None:
    """Put 使用说明 (F1) in the window's 帮助 menu."""

    def show() -> None:
        try:
            guide = UserGuideWindow(window)
        except FileNotFoundError as exc:
            msgbox.warning(window, QCoreApplication.translate("help", "User guide"),
                           QCoreApplication.translate("help", "The user guide is missing from this installation."), str(exc))
            return
        guide.show()
        window.setProperty("user_guide", guide)  # keeps it open (and reachable from tests)

    action = help_menu(window).addAction(QCoreApplication.translate("help", "User guide"), show)
    action.setShortcut(QKeySequence.StandardKey.HelpContents)
    action.setObjectName("user_guide_action")

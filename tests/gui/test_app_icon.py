"""The program's icon: on the application, inherited by the main window, in every rendered size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.resources import APP_ICON_SIZES
from tribunal.services import settings
from tribunal.ui import app as ui_app
from tribunal.ui.main_window import MainWindow


def test_application_icon_has_every_rendered_size() -> None:
    icon = ui_app.application_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(APP_ICON_SIZES)


def test_application_carries_the_icon_and_the_desktop_entry_name(qapp: QApplication) -> None:
    ui_app.create_application()
    assert not qapp.windowIcon().isNull()
    assert QSize(16, 16) in qapp.windowIcon().availableSizes()
    assert QGuiApplication.desktopFileName() == ui_app.DESKTOP_FILE_NAME == "tribunal"


def test_main_window_shows_the_program_icon(qtbot: QtBot, seeded_db: Database) -> None:
    window = MainWindow(seeded_db, settings.get_all(seeded_db))
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    # The 16 px title-bar icon is the pixel-grid drawing: navy disc, white strokes.
    image = icon.pixmap(16, 16).toImage()
    assert image.width() == 16
    assert image.pixelColor(9, 12).name() == "#ffffff"  # the stroke through 中 (x 9-10)
    assert image.pixelColor(8, 7).name() == "#1f4e79"  # inside 中's frame
    assert image.pixelColor(0, 0).alpha() == 0  # outside the disc

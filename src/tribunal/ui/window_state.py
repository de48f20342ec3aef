"""Window geometry and table header layout, remembered per user with QSettings.

Only layout lives here (convention 8); every other preference is in the database's
settings registry (``tribunal.services.settings``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

ORGANISATION = "Tribunal"
APPLICATION = "Tribunal"


def _settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def _bytes(value: object) -> QByteArray | None:
    """The remembered layout as bytes Qt can restore; None when nothing (or nothing usable) is kept."""
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


#: What a window's title bar and borders take (Windows 10/11 at 100%), beyond its contents.
FRAME = QSize(16, 39)


def opening_size(wanted: QSize, available: QSize) -> QSize:
    """``wanted``, made smaller where the screen's free area (``available``) has less room."""
    room = available - FRAME
    return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def available_size(widget: QWidget) -> QSize:
    """The free area of the screen ``widget`` is on (without the taskbar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return QSize(1366, 728) if screen is None else screen.availableGeometry().size()


def open_at(widget: QWidget, width: int, height: int) -> None:
    """Give a window its opening size, no bigger than its screen leaves above the taskbar."""
    widget.resize(opening_size(QSize(width, height), available_size(widget)))


def save_geometry(key: str, widget: QWidget) -> None:
    """Remember where ``widget`` (a top-level window) is and how big it is."""
    _settings().setValue(f"{key}/geometry", widget.saveGeometry())


def restore_geometry(key: str, widget: QWidget) -> bool:
    """Put ``widget`` back where it was; False when nothing was remembered."""
    data = _bytes(_settings().value(f"{key}/geometry"))
    return data is not None and widget.restoreGeometry(data)


def save_header(key: str, header: QHeaderView) -> None:
    """Remember a table's column widths and order."""
    _settings().setValue(f"{key}/header", header.saveState())


def restore_header(key: str, header: QHeaderView) -> bool:
    """Restore a table's column widths and order; False when nothing was remembered."""
    data = _bytes(_settings().value(f"{key}/header"))
    return data is not None and header.restoreState(data)


def save_splitter(key: str, splitter: QSplitter) -> None:
    """Remember how a splitter divides its panes."""
    _settings().setValue(f"{key}/splitter", splitter.saveState())


def restore_splitter(key: str, splitter: QSplitter) -> bool:
    """Restore a splitter's division; False when nothing was remembered."""
    data = _bytes(_settings().value(f"{key}/splitter"))
    return data is not None and splitter.restoreState(data)

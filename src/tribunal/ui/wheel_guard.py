"""The mouse wheel scrolls the page; it changes a list or number field only once that field has focus.

Without this, scrolling 设置 with the wheel switched 界面语言 to English as a combo box
passed under the pointer. One application-wide event filter covers every combo box, spin
box and date/time edit of the program, including those made later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

#: The fields whose value the wheel would change.
GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Passes the wheel over an unfocused combo or spin box on to the scroll area that holds it.

    Such fields also stop taking focus from the wheel (Qt.StrongFocus instead of WheelFocus),
    so scrolling across them never selects one; a click or Tab does.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent) and not _has_focus(watched):
            _scroll_instead(watched, event)
            return True
        return False


def _scroll_instead(field: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the nearest scroll area round ``field`` (if any), as if over its page."""
    holder = field.parentWidget()
    while holder is not None and not isinstance(holder, QAbstractScrollArea):
        holder = holder.parentWidget()
    if holder is None:
        return
    viewport = holder.viewport()
    position = QPointF(field.mapTo(viewport, event.position().toPoint()))
    moved = QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                        event.buttons(), event.modifiers(), event.phase(), event.inverted(), event.source())
    QApplication.sendEvent(viewport, moved)


def _has_focus(widget: QWidget) -> bool:
    # An editable combo box's focus is on its line edit; a spin box's likewise.
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


_guard: WheelGuard | None = None


def install(app: QApplication) -> WheelGuard:
    """Install the guard on the application (once; later calls return the same guard)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard

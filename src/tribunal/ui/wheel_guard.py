"""The mouse wheel scrolls the page; it changes a list or number field only once that field has focus.

Without this, scrolling 设置 with the wheel switched 界面语言 to English as a combo box
passed under the pointer. One mechanism covers every combo box, spin box and date/time edit of
the program, including those made later: the application's style hands each to one guard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QWidget,
)

#: The fields whose value the wheel would change.
GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Passes the wheel over an unfocused combo or spin box on to the scroll area that holds it.

    It watches only the guarded fields (see :class:`WheelSafeStyle`), so other events never
    pass through Python.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent)
                and isinstance(watched, QWidget) and not _has_focus(watched)):
            _scroll_instead(watched, event)
            return True
        return False


class WheelSafeStyle(QProxyStyle):
    """The application's style, which hands every combo and spin box to the guard as it is made.

    A style's ``polish`` runs once for each widget (style sheets pass it on to this base
    style), which makes it the one place that sees every field without filtering every event
    of the program. Such fields also stop taking focus from the wheel (Qt.StrongFocus instead
    of WheelFocus), so scrolling across them never selects one; a click or Tab does.
    """

    def __init__(self, guard: WheelGuard) -> None:
        super().__init__()
        self._guard = guard

    def polish(self, target: Any) -> Any:  # Qt overloads it for widgets, palettes and the application
        result = super().polish(target)
        if isinstance(target, GUARDED):
            if target.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target.installEventFilter(self._guard)
        return result


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
    """Give the application the wheel-safe style (once; later calls return the same guard)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.setStyle(WheelSafeStyle(_guard))
    return _guard

"""Window sizes that fit the screen: every top-level window's first size comes from here."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: What a window manager's frame and title bar take beyond the window's own size.
FRAME_ROOM = QSize(16, 40)


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less on a smaller screen, leaving room for the window frame and
    the task bar, so that a window's status bar and bottom buttons are on the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    available = screen.availableGeometry()
    return QSize(min(width, available.width() - FRAME_ROOM.width()),
                 min(height, available.height() - FRAME_ROOM.height()))


def resize_to_fit(window: QWidget, width: int, height: int) -> None:
    window.resize(fitted_size(window, width, height))

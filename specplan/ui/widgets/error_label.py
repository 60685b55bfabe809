"""A label for error messages: red, in a shade that reads on the current theme's window."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ..tones import error_text


class ErrorLabel(QLabel):
    """A fixed red (say #A0321E) is 2:1 on the dark theme's window; this one keeps 4.5:1 in either."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._recolour()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        palette = self.palette()
        colour = error_text(palette)
        if palette.color(QPalette.ColorRole.WindowText) != colour:  # setting it sends another change
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)

"""Headline tiles: one figure, what it is against do nothing, and a tooltip in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from .figure_box import FigureBox


class Tile(QFrame):
    def __init__(self, title: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(tooltip)
        self.setAccessibleName(title)
        self.setAccessibleDescription(tooltip)
        layout = QVBoxLayout(self)
        self.title = QLabel(title, self)
        self.value = QLabel("-", self)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("", self)
        self.detail.setWordWrap(True)
        layout.addWidget(self.title)
        for label in (self.value, self.detail):  # new with every step: kept from the page's layout
            layout.addWidget(FigureBox(label, self))

    def show_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{self.title.text()}: {value}. {detail}")

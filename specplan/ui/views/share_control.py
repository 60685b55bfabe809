"""A share (0 to 100%) edited by a slider and a spin box kept in step; a drag is one gesture."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget


class ShareControl(QWidget):
    """Emits ``sig_edited(share, drag)``: ``share`` from 0 to 1, ``drag`` the serial of the
    slider drag the step belongs to (one per press of the handle) or None for a single step,
    so the caller can merge the steps of one drag into one undo step."""

    sig_edited = Signal(float, object)

    def __init__(self, name: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._drag = 0
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(5)
        self.slider.setTracking(True)
        self.spin = QDoubleSpinBox(self)
        self.spin.setRange(0.0, 100.0)
        self.spin.setDecimals(1)
        self.spin.setSuffix(" %")
        self.spin.setKeyboardTracking(False)  # one edit when typing is finished, not per key
        self.spin.setMinimumWidth(80)
        for widget, what in ((self.slider, "slider"), (self.spin, "value")):
            widget.setToolTip(tooltip)
            widget.setAccessibleName(f"{name} {what}")
            widget.setAccessibleDescription(tooltip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, stretch=1)
        layout.addWidget(self.spin)
        self.slider.sliderPressed.connect(self._on_pressed)
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.valueChanged.connect(self._on_spin)

    def set_share(self, share: float) -> None:
        """Show ``share`` without emitting an edit."""
        percent = share * 100.0
        if abs(self.spin.value() - percent) > 1e-9:
            self.spin.blockSignals(True)
            self.spin.setValue(percent)
            self.spin.blockSignals(False)
        if not self.slider.isSliderDown() and self.slider.value() != round(percent):
            self.slider.blockSignals(True)
            self.slider.setValue(round(percent))
            self.slider.blockSignals(False)

    def _on_pressed(self) -> None:
        self._drag += 1

    def _on_slider(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.sig_edited.emit(value / 100.0, self._drag if self.slider.isSliderDown() else None)

    def _on_spin(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value))
        self.slider.blockSignals(False)
        self.sig_edited.emit(round(value, 1) / 100.0, None)

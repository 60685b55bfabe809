"""A share (0 to 100%) edited by a slider and a spin box kept in step; a drag is one gesture."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget

#: Key or arrow steps closer together than this merge into one undo step.
BURST_SECONDS = 0.8
#: The slider's least length in pixels: two per percentage point.
SLIDER_MIN_WIDTH = 200


class ShareControl(QWidget):
    """Emits ``sig_edited(share, gesture)``: ``share`` from 0 to 1, ``gesture`` the serial of the
    gesture the step belongs to (one per press of the handle, or per burst of key and arrow
    steps), so the caller can merge the steps of one gesture into one undo step."""

    sig_edited = Signal(float, object)

    def __init__(self, name: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._drag = 0
        self._last_step = 0.0
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(5)
        self.slider.setTracking(True)
        # Long enough to set a share to the percent by dragging (100 steps over >= 200 px);
        # it takes whatever width more the row has.
        self.slider.setMinimumWidth(SLIDER_MIN_WIDTH)
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
        if self.slider.value() != round(percent):
            self.slider.blockSignals(True)
            self.slider.setValue(round(percent))
            self.slider.blockSignals(False)

    def _on_pressed(self) -> None:
        self._drag += 1
        self._last_step = 0.0

    def _burst(self) -> int:
        """The gesture a key or arrow step belongs to: steps in quick succession (a held arrow
        key) are one gesture, like a drag; a pause starts another."""
        now = time.monotonic()
        if now - self._last_step > BURST_SECONDS:
            self._drag += 1
        self._last_step = now
        return self._drag

    def _on_slider(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.sig_edited.emit(value / 100.0, self._drag if self.slider.isSliderDown() else self._burst())

    def _on_spin(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value))
        self.slider.blockSignals(False)
        self.sig_edited.emit(round(value, 1) / 100.0, self._burst())

"""A busy bar with a Cancel button in the status bar while a Task runs; the window stays usable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..document.workers import Task


class ProgressPanel(QWidget):
    """Shows ``text`` and progress for ``task``; removes itself when the task ends."""

    def __init__(self, task: Task, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.task = task
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(text, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the task reports a percentage
        self.bar.setMaximumWidth(200)
        self.bar.setAccessibleName(text)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setToolTip("Stop; nothing is changed")
        self.cancel.clicked.connect(self._on_cancel)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        task.sig_progress.connect(self._on_progress)
        for signal in (task.sig_done, task.sig_failed, task.sig_cancelled):
            signal.connect(self._on_finished)

    def _on_progress(self, percent: int, text: str) -> None:
        self.bar.setRange(0, 100)
        self.bar.setValue(percent)
        if text:
            self.label.setText(text)

    def _on_cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText("Cancelling...")
        self.task.cancel()

    def _on_finished(self, *_args) -> None:
        self.hide()
        self.deleteLater()


def run_in_background(window, text: str, function: Callable, *args, on_done: Callable,
                      on_cancelled: Callable | None = None, **kwargs) -> Task:
    """Start ``function`` in a Task with a ProgressPanel in ``window``'s status bar; errors go to
    ``window.dialogs.error``."""
    task = Task(function, *args, parent=window, **kwargs)
    panel = ProgressPanel(task, text, window)
    window.statusBar().addPermanentWidget(panel)
    task.sig_done.connect(on_done)
    task.sig_failed.connect(lambda message: window.dialogs.error(text.rstrip("."), message))
    if on_cancelled is not None:
        task.sig_cancelled.connect(on_cancelled)
    window.background_task = task
    task.start()
    return task

"""Long work (imports, exports) off the GUI thread, with progress and cancel.

Imports build a new Plan without touching anything, so cancelling one just drops its result.
Functions that write files take a ``cancelled`` callable and check it before the final replace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from ...domain.errors import UserError


class Cancelled(Exception):
    """Raised inside a task's function when the user cancelled it."""


class Task(QThread):
    """Runs ``function(*args, progress=..., cancelled=..., **kwargs)`` in a thread.

    Exactly one of ``sig_done`` (result), ``sig_failed`` (message) or ``sig_cancelled`` is
    emitted, in the GUI thread. ``progress(percent, text)`` may be called from the function.
    """

    sig_progress = Signal(int, str)
    sig_done = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal()

    def __init__(self, function: Callable, *args, parent: QObject | None = None, **kwargs):
        super().__init__(parent)
        self._function, self._args, self._kwargs = function, args, kwargs
        self._cancel = threading.Event()
        self.finished.connect(self._on_finished)
        self._outcome: tuple[str, object] | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        def progress(percent: int, text: str = "") -> None:
            if self._cancel.is_set():
                raise Cancelled
            self.sig_progress.emit(int(percent), text)

        try:
            result = self._function(*self._args, progress=progress, cancelled=self._cancel.is_set, **self._kwargs)
        except Cancelled:
            self._outcome = ("cancelled", None)
        except (UserError, OSError) as error:
            self._outcome = ("failed", str(error))
        except Exception as error:  # noqa: BLE001 - a fault must reach the user, not kill the thread
            self._outcome = ("failed", f"Unexpected error: {type(error).__name__}: {error}")
        else:
            self._outcome = ("cancelled", None) if self._cancel.is_set() else ("done", result)

    def _on_finished(self) -> None:
        kind, value = self._outcome or ("failed", "The task stopped without a result")
        if kind == "done":
            self.sig_done.emit(value)
        elif kind == "cancelled":
            self.sig_cancelled.emit()
        else:
            self.sig_failed.emit(value)


#: Tasks still running, kept alive until their thread finishes even if whoever started them goes.
_RUNNING: set[Task] = set()


def keep_alive(task: Task) -> None:
    """Hold ``task`` until it finishes; on quit, cancel and wait for it (a running QThread must
    not be destroyed). For parentless tasks of views that may close first (goal seek, tornado)."""
    if not _RUNNING:
        app = QCoreApplication.instance()
        if app is not None and not getattr(app, "_specplan_waits_for_tasks", False):
            app._specplan_waits_for_tasks = True
            app.aboutToQuit.connect(_wait_for_tasks)
    _RUNNING.add(task)
    task.finished.connect(lambda: _RUNNING.discard(task))


def _wait_for_tasks() -> None:
    for task in list(_RUNNING):
        task.cancel()
        task.wait()

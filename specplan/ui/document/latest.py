"""The latest answer to a question worked out off the GUI thread (a tornado, a waterfall...).

A view asks again on every edit; at most one run is in flight, a newer question cancels it
(through the task's ``cancelled``/``progress`` hooks) and one more run follows for the latest
question, so edits made meanwhile are gathered into one. The GUI thread never waits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from .workers import Task, keep_alive


class LatestAnswer(QObject):
    """``ask(*question)`` runs ``function(*question, progress=..., cancelled=...)`` in a worker;
    ``sig_answer(result, stale)`` brings each result (``stale`` while a newer run follows)."""

    sig_answer = Signal(object, bool)
    sig_failed = Signal(str)

    def __init__(self, function: Callable[..., object], parent: QObject | None = None):
        super().__init__(parent)
        self._function = function
        self._task: Task | None = None
        self._wanted: tuple[object, ...] | None = None
        self._asked: tuple[object, ...] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def ask(self, *question: object) -> None:
        self._wanted = question
        if self._task is None:
            self._start()
        elif not _same(self._asked, question):
            self._task.cancel()  # its answer would be stale: stop it at its next check

    def _start(self) -> None:
        assert self._wanted is not None
        task = Task(self._function, *self._wanted)
        task.sig_done.connect(self._on_done)  # bound slots: dropped if the owner goes first
        task.sig_failed.connect(self._on_failed)
        task.sig_cancelled.connect(self._on_cancelled)
        keep_alive(task)
        self._task, self._asked = task, self._wanted
        task.start()

    def _finish(self) -> bool:
        """True (and a new run started) when a newer question came meanwhile."""
        self._task = None
        if not _same(self._asked, self._wanted):
            self._start()
            return True
        return False

    def _on_done(self, result: object) -> None:
        if self.sender() is self._task:
            stale = self._finish()
            self.sig_answer.emit(result, stale)

    def _on_cancelled(self) -> None:
        if self.sender() is self._task:
            self._finish()

    def _on_failed(self, message: str) -> None:
        if self.sender() is self._task:
            if not self._finish():
                self.sig_failed.emit(message)


def _same(one: tuple[object, ...] | None, other: tuple[object, ...] | None) -> bool:
    """Questions are the same when each part is the same object or an equal plain value (plans
    are compared by identity: an edit makes a new one)."""
    if one is None or other is None or len(one) != len(other):
        return one is other
    plain = (str, int, float, bool, type(None))
    return all(a is b or (isinstance(a, plain) and isinstance(b, plain) and a == b) for a, b in zip(one, other))

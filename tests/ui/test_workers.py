from __future__ import annotations

import threading

from specplan.domain.errors import ValidationError
from specplan.ui.document.workers import Task


def test_result_comes_back_on_the_gui_thread(qtbot):
    seen = []

    def work(n, progress, cancelled):
        progress(50, "half")
        return n * 2

    task = Task(work, 21)
    task.sig_progress.connect(lambda p, t: seen.append((p, t)))
    with qtbot.waitSignal(task.sig_done, timeout=5000) as done:
        task.start()
    assert done.args == [42]
    assert seen == [(50, "half")]
    task.wait()


def test_user_errors_are_reported_not_raised(qtbot):
    def work(progress, cancelled):
        raise ValidationError("spend", "x", "a number")

    task = Task(work)
    with qtbot.waitSignal(task.sig_failed, timeout=5000) as failed:
        task.start()
    assert "spend" in failed.args[0]
    task.wait()


def test_cancel_stops_at_the_next_progress_call_and_drops_the_result(qtbot):
    started, release = threading.Event(), threading.Event()

    def work(progress, cancelled):
        started.set()
        release.wait(5)
        progress(10)
        return "should not arrive"

    task = Task(work)
    results = []
    task.sig_done.connect(results.append)
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.sig_cancelled, timeout=5000):
        task.cancel()
        release.set()
    task.wait()
    assert task.is_cancelled and results == []

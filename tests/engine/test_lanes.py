"""Background batches have their own lane: a running batch chunk never holds up a slider step."""

from __future__ import annotations

import os
import threading

import pytest

from specplan.engine import parallel


@pytest.fixture
def two_workers():
    parallel.set_workers(2)
    yield
    parallel.set_workers(None)


def test_a_blocked_background_chunk_does_not_delay_a_foreground_step(two_workers):
    started, release = threading.Event(), threading.Event()

    def background_part(part: int) -> int:
        if part == 1:  # the chunk that runs on the background lane's pool
            started.set()
            assert release.wait(30)
        return part

    batch = threading.Thread(target=parallel.map_chunks, args=(background_part, [0, 1]),
                             kwargs={"background": True})
    batch.start()
    assert started.wait(30)  # the background pool's only worker is now busy
    answers: list[list[int]] = []
    step = threading.Thread(target=lambda: answers.append(parallel.map_chunks(lambda n: n * 10, [1, 2])))
    step.start()
    step.join(30)  # a guard against a hang, not a timing: the step needs the foreground pool only
    finished = not step.is_alive()
    release.set()
    batch.join(30)
    assert finished and answers == [[10, 20]]


def test_workers_follow_the_machine_and_a_preference():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert parallel.machine_cores() == expected
    parallel.set_workers(3)
    try:
        assert parallel.workers() == 3
        assert len(parallel.chunks(parallel.MIN_ROWS * 3)) == 3
    finally:
        parallel.set_workers(None)
    assert parallel.workers() == min(parallel.MAX_DEFAULT, expected)
    with pytest.raises(ValueError):
        parallel.set_workers(0)

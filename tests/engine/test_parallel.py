"""Options run on two chunks of service rows side by side, to the same pence as one run."""

from __future__ import annotations

import os
import signal
import time

import numpy as np
import pytest

from specplan.domain.samples import build_sample
from specplan.engine import calculate, compute
from specplan.engine import parallel as parallel_module

ARRAYS = ("spend", "activity", "released", "reinvested", "double_running", "moved_activity",
          "convergence_moves", "fair_share", "beds")


def test_two_chunks_give_the_pence_of_one_run(monkeypatch):
    plan = build_sample("national")
    assert len(parallel_module.chunks(len(plan.services))) == parallel_module.workers()
    split = compute(plan)
    monkeypatch.setattr(calculate, "chunks", lambda n: [slice(0, n)])
    monkeypatch.setattr("specplan.engine.results.chunks", lambda n: [slice(0, n)])
    whole = compute(plan)
    for got, want in zip(split.scenarios, whole.scenarios):
        for name in ARRAYS:
            assert np.array_equal(getattr(got, name), getattr(want, name)), (got.name, name)
        for ours, theirs in zip(got.lever_totals, want.lever_totals):
            if ours is not None:
                assert np.array_equal(ours.by_service("released"), theirs.by_service("released"))


def test_a_forked_child_runs_options_on_its_own_threads():
    if not hasattr(os, "fork"):
        pytest.skip("needs fork")
    plan = build_sample("national")
    compute(plan)  # the parent's pool of engine threads exists now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a pool whose thread did not come along would wait for ever
        try:
            saving = int(compute(plan).scenario("Ambitious redesign").total("saving").sum())
            os.write(write, str(saving).encode())
        finally:
            os._exit(0)
    os.close(write)
    deadline = time.monotonic() + 60
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if done[0] == 0:  # hung: a pool without its thread
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked child never finished its options")
    status = done[1]
    child = os.read(read, 64).decode()
    os.close(read)
    assert status == 0 and child == str(int(compute(plan).scenario("Ambitious redesign").total("saving").sum()))

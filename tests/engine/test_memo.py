"""The memo results keep their first-use figures in: named, typed, made once, thread safe."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from specplan.domain.samples import build_sample
from specplan.engine import ScenarioResult, compute
from specplan.engine import results as results_module
from specplan.engine.memo import Key, Memo

READERS = 8


def read_at_once(read):
    """``read()`` from several threads let go together; what each got."""
    start = threading.Barrier(READERS)

    def one(_n):
        start.wait()
        return read()
    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(one, range(READERS)))


def test_threads_reading_one_lazy_figure_get_the_same_object_made_once(monkeypatch):
    result = compute(build_sample("national")).scenarios[-1]
    made = []
    real = results_module.beds_from

    def slow_beds(activity, index):
        made.append(threading.get_ident())
        time.sleep(0.05)  # holds the first reader inside, so the others arrive while it works
        return real(activity, index)
    monkeypatch.setattr(results_module, "beds_from", slow_beds)
    assert not ScenarioResult.beds.is_made(result)
    got = read_at_once(lambda: result.beds)
    assert len(made) == 1
    assert all(beds is got[0] for beds in got)
    assert ScenarioResult.beds.is_made(result)
    assert np.array_equal(got[0], real(result.activity, result.index))


def test_threads_reading_one_figure_per_year_get_the_same_object_made_once(monkeypatch):
    result = compute(build_sample("national")).scenarios[-1]
    made = []
    real = results_module.fair_shares

    def slow_shares(*args):
        made.append(1)
        time.sleep(0.05)
        return real(*args)
    monkeypatch.setattr(results_module, "fair_shares", slow_shares)
    got = read_at_once(lambda: result.fair_share_in(-1))
    assert len(made) == 1 and all(share is got[0] for share in got)
    assert result.fair_share_in(result.index.n_years - 1) is got[0]  # the same year by either offset


def test_a_memo_keeps_what_it_made_under_its_key():
    memo, key, other = Memo(), Key[np.ndarray]("figure"), Key[np.ndarray]("figure")
    calls = []

    def make():
        calls.append(1)
        return np.arange(3)
    first = memo.get(key, make)
    assert memo.get(key, make) is first and calls == [1]
    assert not first.flags.writeable  # shared by every reader
    assert memo.peek(other) is None and not memo.has(other)  # keys are themselves, not their names
    assert memo.peek(key, part=2) is None
    by_part = memo.get(key, lambda: np.zeros(2), part=2)
    assert memo.peek(key, 2) is by_part and memo.get(key) is first


def test_a_memo_entry_put_or_made_is_never_replaced():
    memo, key = Memo(), Key[str]("name")
    assert memo.put(key, "carried") == "carried"
    assert memo.put(key, "later") == "carried"
    assert memo.get(key, lambda: "made") == "carried"


class Pending:
    def __init__(self):
        self.calls = 0

    def make(self):
        self.calls += 1
        return np.ones(4)


def test_a_deferred_entry_is_made_by_its_maker_once_and_the_maker_goes():
    memo, key = Memo(), Key[np.ndarray]("cube")
    memo.put(key, np.zeros(4))
    pending = Pending()
    memo.defer(key, pending)
    assert memo.pending(key) is pending and not memo.has(key)
    got = read_at_once(lambda: memo.get(key))
    assert pending.calls == 1 and all(cube is got[0] for cube in got)
    assert got[0].tolist() == [1.0] * 4 and memo.pending(key) is None


def test_an_entry_with_neither_value_nor_maker_says_so():
    with pytest.raises(KeyError, match="neither"):
        Memo().get(Key[int]("missing"))


def test_a_failed_make_leaves_the_entry_to_be_made_again():
    memo, key = Memo(), Key[int]("flaky")

    def fail():
        raise RuntimeError("no")
    with pytest.raises(RuntimeError):
        memo.get(key, fail)
    assert not memo.has(key)
    assert memo.get(key, lambda: 7) == 7

"""Run a scenario's service rows in chunks on the machine's cores, in two lanes.

Every figure of a service row depends on that row alone, so a scenario splits into chunks of
rows that run side by side (numpy lets go of the interpreter lock in its loops) and give the
same pence as one run. On the national plan this about halves an option's recompute, which is
most of a slider step.

Slider steps and background questions (batches: attribution, tornado, Monte Carlo) have an
executor each, so a long batch chunk never holds up the second chunk of a slider step.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
P = TypeVar("P")

#: Fewer rows than this per chunk and the threads' overhead outweighs what they share out.
MIN_ROWS = 24
#: Chunks beyond two cores gain little on these memory-bound loops.
MAX_DEFAULT = 2
_preference: int | None = None
_lanes: dict[bool, tuple[int, ThreadPoolExecutor]] = {}
_lock = threading.Lock()


def machine_cores() -> int:
    """Cores this process may run on (its affinity where the system tells it)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def set_workers(n: int | None) -> None:
    """Prefer ``n`` workers (None: from the machine, at most ``MAX_DEFAULT``)."""
    global _preference
    if n is not None and n < 1:
        raise ValueError(f"workers must be at least 1, not {n}")
    with _lock:
        _preference = n
        for _pid, pool in _lanes.values():
            pool.shutdown(wait=False)
        _lanes.clear()


def workers() -> int:
    return _preference if _preference is not None else min(MAX_DEFAULT, machine_cores())


def chunks(n_rows: int) -> list[slice]:
    """Slices of ``range(n_rows)``, one per worker when there are enough rows."""
    count = max(1, min(workers(), n_rows // MIN_ROWS))
    bounds = [n_rows * n // count for n in range(count + 1)]
    return [slice(start, stop) for start, stop in zip(bounds, bounds[1:])]


def _executor(background: bool) -> ThreadPoolExecutor:
    with _lock:
        lane = _lanes.get(background)
        if lane is None or lane[0] != os.getpid():  # a forked child has the pool but not its thread
            name = "specplan-background" if background else "specplan-engine"
            lane = (os.getpid(), ThreadPoolExecutor(max_workers=max(1, workers() - 1), thread_name_prefix=name))
            _lanes[background] = lane
        return lane[1]


def map_chunks(run: Callable[[P], T], parts: Sequence[P], *, background: bool = False) -> list[T]:
    """``run`` on every part: the first on the calling thread, the others on the lane's pool
    (``background`` for batches, so they never queue ahead of a slider step)."""
    if len(parts) == 1:
        return [run(parts[0])]
    pool = _executor(background)
    others = [pool.submit(run, part) for part in parts[1:]]
    first = run(parts[0])
    return [first] + [future.result() for future in others]

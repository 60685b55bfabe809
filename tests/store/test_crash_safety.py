"""Never lose work: kills during a save, a full disk and I/O errors leave the plan on disk intact.

The kill tests fork a child that saves in a loop (or dies at a chosen statement of a save);
after the SIGKILL the file must open and equal the plan before or after the save.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3

import pytest

from specplan.domain import Baseline, Growth, edits
from specplan.store import (
    BackupPolicy,
    DiskFullError,
    PlanFile,
    PlanWriteError,
    open_plan,
    save_plan,
    save_plan_as,
)
from specplan.store import connection as connection_module
from specplan.store.locks import read_lock

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
KILLS = 40


@pytest.fixture(scope="module")
def two_plans(mh_plan):
    """A and B differ in every table: name, baseline, growth and options."""
    b = edits.delete_scenario(mh_plan, mh_plan.scenarios[2].name).plan.replace(
        name="Plan B", baseline=Baseline(mh_plan.baseline.spend_pence * 3 + 7, mh_plan.baseline.activity * 2),
        growth=Growth(mh_plan.growth.rates[1:]),
    )
    return mh_plan, b


def in_child(work) -> tuple[int, int]:
    """Run ``work(write_fd)`` in a forked child that never returns into pytest; its pid."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        code = 0
        try:
            work(write_fd)
        except BaseException:  # noqa: BLE001 - report by exit code; never run pytest's code here
            code = 3
        os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def wait_killed(pid: int) -> None:
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        f"the saving child ended by itself (status {status}) instead of being killed")


def test_sigkill_at_random_moments_of_saving_loses_nothing(tmp_path, two_plans):
    a, b = two_plans
    path = tmp_path / "plan.specplan"
    save_plan(a, path)
    rng = random.Random(20250601)
    interrupted = 0

    def save_forever(ready_fd: int) -> None:
        document = PlanFile.open(path, break_stale_lock=True, backups=BackupPolicy(keep=2))
        current = document.saved_plan
        os.write(ready_fd, b"r")
        while True:
            current = b if current == a else a
            document.save(current)

    for _ in range(KILLS):
        pid, ready = in_child(save_forever)
        assert select.select([ready], [], [], 60)[0] and os.read(ready, 1) == b"r", "child did not start"
        os.close(ready)
        select.select([], [], [], rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        wait_killed(pid)
        interrupted += path.with_name(path.name + "-journal").exists()
        assert read_lock(path).is_stale  # the dead session's lock can be broken
        assert open_plan(path, read_only=True) in (a, b)
    print(f"{KILLS} kills, {interrupted} with a journal left beside the file (rolled back if hot)")
    with PlanFile.open(path, break_stale_lock=True) as document:
        document.save(a)
    assert open_plan(path) == a and not path.with_name(path.name + "-journal").exists()


def statement_killer(monkeypatch, kill_at: int) -> None:
    """From now on, SIGKILL this process as the store's ``kill_at``-th SQL statement starts."""
    count = [0]
    real_connect = connection_module.connect

    def connect(path, *, writable):
        raw = real_connect(path, writable=writable)

        def trace(statement: str) -> None:
            count[0] += 1
            if count[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        raw.set_trace_callback(trace)
        return raw
    monkeypatch.setattr(connection_module, "connect", connect)


def count_statements(monkeypatch, work) -> int:
    seen: list[str] = []
    real_connect = connection_module.connect

    def connect(path, *, writable):
        raw = real_connect(path, writable=writable)
        raw.set_trace_callback(seen.append)
        return raw
    with monkeypatch.context() as patch:
        patch.setattr(connection_module, "connect", connect)
        work()
    return len(seen)


def test_sigkill_at_every_kind_of_statement_of_a_save(tmp_path, monkeypatch, two_plans):
    a, b = two_plans
    path = tmp_path / "plan.specplan"
    save_plan(a, path)
    scratch = tmp_path / "scratch.specplan"
    save_plan(a, scratch)
    total = count_statements(monkeypatch, lambda: save_plan(b, scratch))
    # Every statement up to the bulk inserts, then spread through them, and the COMMIT itself.
    points = sorted({*range(1, 40), *range(40, total, max(1, total // 40)), total - 1, total})
    for kill_at in points:
        pid, ready = in_child(lambda fd, k=kill_at: (statement_killer(monkeypatch, k), save_plan(b, path)))
        os.close(ready)
        wait_killed(pid)
        assert open_plan(path) == a, f"killed at statement {kill_at} of {total}"
    # Killed after the last statement returned, the new plan is there.
    save_plan(b, path)
    assert open_plan(path) == b


def test_sigkill_while_writing_a_new_file_never_leaves_a_half_file(tmp_path, monkeypatch, two_plans):
    a, _ = two_plans
    target = tmp_path / "new.specplan"
    for kill_at in (3, 15, 40, 100):
        pid, ready = in_child(lambda fd, k=kill_at: (statement_killer(monkeypatch, k), save_plan_as(a, target)))
        os.close(ready)
        wait_killed(pid)
        assert not target.exists()
    save_plan_as(a, target)
    assert open_plan(target) == a
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".specplan")] == ["new.specplan"]
    leftovers = list(tmp_path.glob(".new.specplan.tmp-*"))  # hidden; cleared once a day old
    assert leftovers
    for leftover in leftovers:
        os.utime(leftover, (1, 1))
    save_plan_as(a, target)
    assert list(tmp_path.glob(".new.specplan.tmp-*")) == []


def limit_pages(monkeypatch, pages: int) -> None:
    """Writable connections may not grow the file past ``pages`` pages: SQLite's 'disk full'."""
    real_connect = connection_module.connect

    def connect(path, *, writable):
        raw = real_connect(path, writable=writable)
        if writable:
            raw.execute(f"PRAGMA max_page_count = {pages}")
        return raw
    monkeypatch.setattr(connection_module, "connect", connect)


def test_disk_full_during_a_save_keeps_the_old_file(tmp_path, monkeypatch, two_plans, national_plan):
    a, _ = two_plans
    path = tmp_path / "plan.specplan"
    save_plan(a, path)
    before = path.read_bytes()
    limit_pages(monkeypatch, len(before) // 4096 + 3)
    with pytest.raises(DiskFullError) as raised:
        save_plan(national_plan, path)
    message = str(raised.value)
    assert message.startswith(f"{path}: could not save: the disk is full") and "unchanged" in message
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-journal").exists()
    monkeypatch.undo()
    assert open_plan(path) == a


def test_disk_full_writing_a_new_file_leaves_nothing_behind(tmp_path, monkeypatch, national_plan):
    limit_pages(monkeypatch, 20)
    target = tmp_path / "plans" / "new.specplan"
    target.parent.mkdir()
    with pytest.raises(DiskFullError):
        save_plan(national_plan, target)
    assert list(target.parent.iterdir()) == []


def test_an_io_error_from_the_operating_system_keeps_the_old_file(tmp_path, two_plans, national_plan):
    """A real write failure: the child may not write files past a size limit (RLIMIT_FSIZE)."""
    import resource

    a, _ = two_plans
    path = tmp_path / "plan.specplan"
    save_plan(a, path)
    before = path.read_bytes()

    def save_big(report_fd: int) -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        limit = len(before) * 3
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            save_plan(national_plan, path, backups=BackupPolicy(keep=0))
            os.write(report_fd, b"saved?!")
        except PlanWriteError as error:
            os.write(report_fd, f"{type(error).__name__}: {error}".encode())
        os.kill(os.getpid(), signal.SIGKILL)

    pid, report = in_child(save_big)
    wait_killed(pid)
    message = os.read(report, 4096).decode()
    os.close(report)
    assert message.startswith(("PlanWriteError", "DiskFullError")) and "unchanged" in message, message
    assert path.read_bytes() == before
    assert open_plan(path) == a


def test_a_save_blocked_by_another_writer_fails_cleanly(tmp_path, monkeypatch, two_plans):
    a, b = two_plans
    path = tmp_path / "plan.specplan"
    save_plan(a, path)
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a colleague's tool holding the file mid-write
    try:
        with pytest.raises(PlanWriteError, match="another program is using the file"):
            save_plan(b, path, backups=BackupPolicy(keep=0))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert open_plan(path) == a

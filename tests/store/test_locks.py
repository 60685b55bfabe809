"""Lock files: who has a plan open; read-only second openers; stale locks broken on purpose."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from specplan.cli import main
from specplan.store import (
    PlanFile,
    PlanLockedError,
    ReadOnlyPlanError,
    StaleLockError,
    open_plan,
    save_plan,
)
from specplan.store.locks import LockInfo, lock_path, read_lock


def write_lock(plan_path, *, pid: int, host: str | None = None, age: timedelta = timedelta()) -> LockInfo:
    info = {"app": "specplan", "user": "alice", "host": host or socket.gethostname(), "pid": pid,
            "time": (datetime.now(UTC) - age).isoformat(timespec="seconds")}
    lock_path(plan_path).write_text(json.dumps(info), encoding="utf-8")
    return read_lock(plan_path)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_opening_writes_a_readable_lock_and_closing_removes_it(small_file):
    with PlanFile.open(small_file) as document:
        text = lock_path(small_file).read_text(encoding="utf-8")
        data = json.loads(text)
        assert data["pid"] == os.getpid() and data["host"] == socket.gethostname()
        assert data["user"] and datetime.fromisoformat(data["time"])
        assert "\n" in text  # one field a line, for a person opening it in a text editor
        assert document.lock.is_mine
    assert not lock_path(small_file).exists()


def test_second_opener_is_told_who_and_may_open_read_only(small_file, mh_plan):
    holder = write_lock(small_file, pid=os.getppid())  # a live process on this computer
    with pytest.raises(PlanLockedError) as raised:
        PlanFile.open(small_file)
    assert "alice" in str(raised.value) and socket.gethostname() in str(raised.value)
    assert raised.value.holder == holder and not isinstance(raised.value, StaleLockError)
    before = small_file.read_bytes()
    document = PlanFile.open(small_file, read_only=True)
    assert document.holder == holder and document.saved_plan == open_plan(small_file, read_only=True)
    with pytest.raises(ReadOnlyPlanError, match="alice"):
        document.save(mh_plan.replace(name="Mine"))
    document.close()
    assert small_file.read_bytes() == before and read_lock(small_file) == holder
    with pytest.raises(PlanLockedError):
        save_plan(mh_plan, small_file)  # the stateless save respects the lock too
    with pytest.raises(PlanLockedError):
        open_plan(small_file)


def test_read_only_opener_can_save_as_elsewhere(tmp_path, small_file, mh_plan):
    write_lock(small_file, pid=os.getppid())
    document = PlanFile.open(small_file, read_only=True)
    edited = mh_plan.replace(name="My copy")
    document.save_as(edited, tmp_path / "mine.specplan")
    assert document.path == tmp_path / "mine.specplan" and not document.read_only
    assert read_lock(document.path).is_mine and open_plan(document.path) == edited
    document.close()


@pytest.mark.parametrize("kind", ["dead process here", "a day old elsewhere", "unreadable"])
def test_stale_lock_is_reported_and_can_be_broken(small_file, kind):
    if kind == "dead process here":
        write_lock(small_file, pid=dead_pid())
    elif kind == "a day old elsewhere":
        write_lock(small_file, pid=os.getpid(), host="another-laptop", age=timedelta(days=1, minutes=1))
    else:
        lock_path(small_file).write_text("{not json", encoding="utf-8")
    assert read_lock(small_file).is_stale
    with pytest.raises(StaleLockError, match="break the lock"):
        PlanFile.open(small_file)
    with PlanFile.open(small_file, break_stale_lock=True) as document:
        assert document.lock.is_mine


def test_a_recent_lock_from_another_computer_is_not_stale(small_file):
    write_lock(small_file, pid=os.getpid(), host="another-laptop", age=timedelta(hours=20))
    assert not read_lock(small_file).is_stale
    with pytest.raises(PlanLockedError):
        PlanFile.open(small_file, break_stale_lock=True)


def test_a_session_refreshes_its_lock(small_file):
    with PlanFile.open(small_file) as document:
        old = write_lock(small_file, pid=os.getpid(), age=timedelta(hours=23))
        document.refresh_lock()
        assert read_lock(small_file).time > old.time


def test_saving_logs_changes_and_keeps_the_lock(small_file, mh_plan):
    from specplan.store import read_change_log

    with PlanFile.open(small_file) as document:
        document.save(mh_plan.replace(viability_max_variation=0.2))
        assert read_lock(small_file).is_mine
    entries = read_change_log(small_file)
    assert [(e.what, e.old, e.new) for e in entries] == [("viability max variation", "0.1", "0.2")]


def test_cli_unlock(small_file, capsys):
    write_lock(small_file, pid=os.getppid())
    assert main(["unlock", str(small_file)]) == 2
    assert "still running" in capsys.readouterr().err
    write_lock(small_file, pid=dead_pid())
    assert main(["unlock", str(small_file)]) == 0
    assert "broke the lock of alice" in capsys.readouterr().out and read_lock(small_file) is None

"""Autosave: recovery copies of unsaved edits are offered back after a crash, not before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from specplan.store.autosave import Autosave, pending_recoveries, recovery_folder


def test_a_running_session_is_not_offered_its_own_copy(tmp_path, mh_plan):
    autosave = Autosave(tmp_path / "p.specplan")
    path = autosave.write(mh_plan.replace(name="Unsaved"))
    assert path.parent == recovery_folder() and path.exists()
    assert pending_recoveries() == []  # this process is alive: it is not a crash
    autosave.discard()
    assert list(recovery_folder().iterdir()) == []


def test_after_a_crash_the_edits_are_offered_back(tmp_path, small_file, mh_plan):
    """A child process autosaves and dies without discarding; we are offered its edits."""
    code = textwrap.dedent(f"""
        import os
        from specplan.domain.samples import build_sample
        from specplan.store.autosave import Autosave
        plan = build_sample("mh-collaborative").replace(name="Edited, not saved")
        Autosave({str(small_file)!r}).write(plan)
        os._exit(9)  # crash: nothing is cleaned up
    """)
    subprocess.run([sys.executable, "-c", code], env=dict(os.environ), check=False)
    (recovery,) = pending_recoveries()
    assert recovery.plan_path == small_file.resolve() and recovery.plan_name == "Edited, not saved"
    assert recovery.load() == mh_plan.replace(name="Edited, not saved")
    assert not recovery.plan_changed_since
    small_file.touch()
    os.utime(small_file, (1, 1))
    assert recovery.plan_changed_since  # the plan was saved since: the app should ask first
    recovery.discard()
    assert pending_recoveries() == []


def test_untitled_plans_and_save_as(tmp_path, mh_plan):
    autosave = Autosave(None)
    autosave.write(mh_plan)
    sidecar = json.loads(autosave.path.with_name(autosave.path.name + ".json").read_text())
    assert sidecar["plan_path"] is None and sidecar["pid"] == os.getpid()
    autosave.retarget(tmp_path / "named.specplan")
    assert not autosave.path.exists()
    autosave.write(mh_plan)
    assert json.loads(autosave.path.with_name(autosave.path.name + ".json").read_text())["plan_path"] == str(
        (tmp_path / "named.specplan").resolve())


def test_damaged_or_half_written_recovery_files_are_skipped(mh_plan):
    folder = recovery_folder()
    folder.mkdir(parents=True)
    (folder / "x.specplan.json").write_text("{half")
    (folder / "y.specplan.json").write_text(json.dumps({"plan_path": None}))
    assert pending_recoveries() == []

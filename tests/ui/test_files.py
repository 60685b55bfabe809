"""Plan files through the window: save, reopen, locks, autosave and recovery, preferences."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from specplan.domain import edits
from specplan.domain.samples import build_sample
from specplan.store import PlanFile, open_plan
from specplan.ui.shell.preferences import Preferences


def test_save_reopen_gives_the_same_plan(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "collaborative.specplan"
    window.document.try_apply(edits.set_lever, "Community first", 0, "reinvest_share", 0.65)
    dialogs.answer("save_path", str(path))
    window.actions["save"].trigger()
    assert not window.isWindowModified() and path.exists()
    edited = window.document.plan
    assert open_plan(path, read_only=True) == edited
    window.actions["close"].trigger()
    assert window.document is None
    assert window.open_path(path)
    assert window.document.plan == edited
    assert str(path.resolve()) in window.recent_files()


def test_a_plan_someone_else_has_open_opens_read_only_with_a_banner(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "shared.specplan"
    PlanFile.create(window.document.plan, path).close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from specplan.store import PlanFile; "
        f"f = PlanFile.open({str(path)!r}); print('locked', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        dialogs.answer("confirm", True)
        assert window.open_path(path)
        assert window.document.read_only
        assert window.banner.isVisibleTo(window) and f"process {holder.pid}" in window.banner.text()
        assert "read-only" in window.windowTitle()
        assert not window.document.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.5)
    finally:
        holder.kill()
        holder.wait()


def test_opening_a_damaged_file_says_why_and_keeps_the_current_plan(window, dialogs, tmp_path):
    path = tmp_path / "broken.specplan"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a plan")
    before = window.document
    assert not window.open_path(path)
    kind, (title, message) = dialogs.asked[-1]
    assert kind == "error" and "broken.specplan" in message
    assert window.document is before


def test_autosave_then_recovery_after_a_crash(qtbot, window, dialogs, tmp_path, settings):
    path = tmp_path / "plan.specplan"
    dialogs.answer("save_path", str(path))
    window.actions["save"].trigger()
    window.document.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.55)
    copy = window.autosave_now()
    assert copy is not None and copy.exists()
    edited = window.document.plan
    # Pretend the session crashed: the sidecar names a process that no longer runs.
    sidecar = copy.with_name(copy.name + ".json")
    info = json.loads(sidecar.read_text())
    info["pid"] = 999_999_999
    sidecar.write_text(json.dumps(info))
    window.document.file.close()
    window.document.autosave = None
    window.document.undo_stack.setClean()
    window.set_document(None)
    dialogs.answer("confirm", True)
    assert window.offer_recovery()
    assert window.document.plan == edited
    assert window.document.dirty and window.document.path == path
    assert not copy.exists()


def test_preferences_persist_and_change_money_units(qtbot, window, settings):
    window.apply_preferences(Preferences(author="Sam", backups=3, autosave_minutes=5, money_unit="gbp_k"))
    assert settings.value("preferences/backups") in (3, "3")
    overview = window.tabs.widget(0)
    assert overview.unit == "gbp_k" and overview.tiles["spend"].value.text().endswith("k")
    assert window.autosave_timer.interval() == 5 * 60_000
    from specplan.ui.shell.main_window import MainWindow

    again = MainWindow(dialogs=window.dialogs, settings=settings)
    qtbot.addWidget(again)
    assert again.prefs.author == "Sam" and again.prefs.money_unit == "gbp_k"


def test_dropping_a_plan_file_opens_it(qtbot, window, tmp_path):
    path = tmp_path / "dropped.specplan"
    PlanFile.create(window.document.plan.replace(name="Dropped plan"), path).close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.plan.name == "Dropped plan"


def test_export_runs_in_the_background_and_reads_back(qtbot, window, dialogs, tmp_path):
    target = tmp_path / "plan.xlsx"
    task = window.export_workbook(target)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    qtbot.waitUntil(target.exists, timeout=5000)
    assert not (tmp_path / ".plan.exporting.xlsx").exists()
    window.actions["close"].trigger()
    task = window.import_workbook(target)
    qtbot.waitUntil(lambda: window.document is not None, timeout=60_000)
    assert window.document.plan == build_sample("mh-collaborative")


def test_a_cancelled_export_leaves_the_old_file(qtbot, window, tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the old workbook")
    task = window.export_workbook(target)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    qtbot.wait(50)
    assert target.read_bytes() == b"the old workbook"
    assert not (tmp_path / ".plan.exporting.xlsx").exists()

"""Preferences: engine threads, chosen in the dialog, applied on save and at start-up."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from specplan.engine import parallel
from specplan.ui.shell.main_window import MainWindow
from specplan.ui.shell.preferences import apply_engine_threads, load_preferences


def save(qtbot, window, threads: str) -> None:
    window.actions["preferences"].trigger()
    dialog = window.preferences_dialog
    assert dialog.threads.accessibleName() == "Engine threads" and dialog.threads.toolTip()
    line = dialog.threads.lineEdit()
    dialog.threads.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, threads)  # then Save (Enter would press it too: the default button)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_engine_threads_apply_on_save_and_at_start_up(qtbot, window, settings, monkeypatch):
    told: list[int | None] = []
    monkeypatch.setattr(parallel, "set_workers", told.append, raising=False)
    save(qtbot, window, "1")
    assert told == [1] and window.prefs.engine_threads == 1
    assert load_preferences(settings).engine_threads == 1
    again = MainWindow(settings=settings)  # start-up reads the stored choice
    qtbot.addWidget(again)
    assert told == [1, 1]
    save(qtbot, window, "0")  # shown as Automatic: the engine's own choice
    assert told[-1] is None and window.prefs.engine_threads == 0
    window.actions["preferences"].trigger()
    assert window.preferences_dialog.threads.text() == "Automatic"
    window.preferences_dialog.reject()


def test_the_engine_takes_the_thread_count():
    try:
        apply_engine_threads(2)
        assert parallel.workers() == 2
        apply_engine_threads(0)
        assert parallel.workers() == min(parallel.MAX_DEFAULT, parallel.machine_cores())
    finally:
        parallel.set_workers(None)


def test_a_hand_edited_thread_count_falls_back_to_automatic(settings):
    settings.setValue("preferences/engine_threads", "-3")
    assert load_preferences(settings).engine_threads == 0
    settings.setValue("preferences/engine_threads", "many")
    assert load_preferences(settings).engine_threads == 0

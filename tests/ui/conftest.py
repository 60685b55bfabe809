"""GUI test set-up: no real dialogs, no persisted settings, Qt warnings and slot errors fail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QDialog, QMessageBox

from specplan.domain.samples import build_sample
from specplan.ui.document.document import Document
from specplan.ui.shell.main_window import MainWindow


class FakeDialogs:
    """Scripted answers; every question asked is recorded."""

    def __init__(self):
        self.answers: dict[str, list] = {}
        self.asked: list[tuple[str, tuple]] = []

    def answer(self, kind: str, *values) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def _next(self, kind: str, args: tuple):
        self.asked.append((kind, args))
        queue = self.answers.get(kind)
        if not queue:
            raise AssertionError(f"unexpected dialog {kind}{args}")
        return queue.pop(0)

    def ask_save_changes(self, *args):
        return self._next("ask_save_changes", args)

    def open_path(self, *args):
        return self._next("open_path", args)

    def save_path(self, *args):
        return self._next("save_path", args)

    def text(self, *args):
        return self._next("text", args)

    def choose(self, *args):
        return self._next("choose", args)

    def confirm(self, *args):
        return self._next("confirm", args)

    def error(self, *args):
        self.asked.append(("error", args))

    def info(self, *args):
        self.asked.append(("info", args))


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Any real modal dialog in a test is a failure, not a hang."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"a modal dialog was opened: {args[:3]}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture(autouse=True)
def qt_warnings_fail():
    warnings: list[str] = []

    def handler(kind, context, message):
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            # The offscreen platform lacks window-system features (raise, keyboard grabs, size
            # hints) and says so; those are not our faults.
            if not message.startswith("This plugin does not support") and "QFont::fromString" not in message:
                warnings.append(message)

    previous = qInstallMessageHandler(handler)
    yield
    qInstallMessageHandler(previous)
    assert warnings == [], f"Qt warnings: {warnings}"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def window(qtbot, dialogs, settings, tmp_path):
    window = MainWindow(dialogs=dialogs, settings=settings)
    window.recovery_folder = tmp_path / "recovery"
    # Closing would otherwise ask about the test's unsaved edits.
    qtbot.addWidget(window, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    window.set_document(Document(build_sample("mh-collaborative")))
    window.show()
    qtbot.waitExposed(window)
    return window

"""Preferences: stored in QSettings, edited in a dialog, applied by the main window."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, fields

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
)

from .themes import apply_theme

__all__ = ["THEMES", "UNIT_NAMES", "Preferences", "PreferencesDialog", "apply_engine_threads", "apply_theme",
           "load_preferences", "save_preferences"]

UNIT_NAMES = {"gbp": "£", "gbp_k": "£ thousands (£k)", "gbp_m": "£ millions (£m)"}
THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Preferences:
    author: str = ""
    backups: int = 5
    autosave_minutes: int = 2
    occupancy_default: float = 0.92
    money_unit: str = "gbp_m"
    theme: str = "system"
    #: Threads the engine shares a recompute between; 0 for as many as the machine suits.
    engine_threads: int = 0

    @property
    def author_name(self) -> str:
        """The name on comments: the preference, else the operating-system user."""
        return self.author.strip() or getpass.getuser()


def load_preferences(settings: QSettings) -> Preferences:
    values = {}
    for field in fields(Preferences):
        stored = settings.value(f"preferences/{field.name}")
        if stored in (None, ""):
            continue
        try:
            values[field.name] = type(field.default)(stored)
        except (TypeError, ValueError):
            continue  # a hand-edited settings file: keep the default
    if values.get("engine_threads", 0) < 0:
        values["engine_threads"] = 0
    prefs = Preferences(**values)
    if prefs.money_unit not in UNIT_NAMES or prefs.theme not in THEMES:
        prefs = Preferences(**{**values, "money_unit": "gbp_m", "theme": "system"})
    return prefs


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    for field in fields(Preferences):
        settings.setValue(f"preferences/{field.name}", getattr(prefs, field.name))
    settings.sync()


def apply_engine_threads(threads: int) -> None:
    """Tell the engine how many threads to use (0: its own choice from the machine's cores)."""
    from ...engine import parallel

    parallel.set_workers(threads or None)


class PreferencesDialog(QDialog):
    """Shown with ``show()`` (never blocking); ``sig_saved`` carries the new preferences."""

    sig_saved = Signal(object)

    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.author = QLineEdit(prefs.author, self)
        self.author.setPlaceholderText(getpass.getuser())
        self.author.setToolTip("Your name on comments; blank uses your computer login")
        self.backups = QSpinBox(self)
        self.backups.setRange(0, 100)
        self.backups.setValue(prefs.backups)
        self.backups.setToolTip("How many earlier saves of each plan to keep as backups")
        self.autosave = QSpinBox(self)
        self.autosave.setRange(0, 120)
        self.autosave.setSuffix(" min")
        self.autosave.setSpecialValueText("never")
        self.autosave.setValue(prefs.autosave_minutes)
        self.autosave.setToolTip("How often unsaved edits are copied to a recovery file")
        self.occupancy = QDoubleSpinBox(self)
        self.occupancy.setRange(0.5, 1.0)
        self.occupancy.setSingleStep(0.01)
        self.occupancy.setValue(prefs.occupancy_default)
        self.occupancy.setToolTip("Bed occupancy for new plans (services not in mental health)")
        self.unit = QComboBox(self)
        for key, name in UNIT_NAMES.items():
            self.unit.addItem(name, key)
        self.unit.setCurrentIndex(list(UNIT_NAMES).index(prefs.money_unit))
        self.theme = QComboBox(self)
        self.theme.addItems(list(THEMES))
        self.theme.setCurrentText(prefs.theme)
        self.threads = QSpinBox(self)
        self.threads.setRange(0, max(os.cpu_count() or 1, prefs.engine_threads))
        self.threads.setSpecialValueText("Automatic")
        self.threads.setValue(prefs.engine_threads)
        self.threads.setToolTip("How many threads the engine shares each recompute between; Automatic "
                                "picks from this computer's cores. Fewer leave room for other programs.")
        for label, widget in (("Author name", self.author), ("Backups to keep", self.backups),
                              ("Autosave every", self.autosave), ("Default occupancy", self.occupancy),
                              ("Show money in", self.unit), ("Theme", self.theme),
                              ("Engine threads", self.threads)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(self.author.text().strip(), self.backups.value(), self.autosave.value(),
                           round(self.occupancy.value(), 2), self.unit.currentData(), self.theme.currentText(),
                           self.threads.value())

    def _on_save(self) -> None:
        self.sig_saved.emit(self.preferences())
        self.accept()

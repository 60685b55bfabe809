"""The start page shown when no plan is open: samples, a new plan, an import, recent plans."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import UserError
from ...domain.reference import load_reference
from ...domain.samples import sample_names
from ...domain.user_vintages import load_vintages


class StartPage(QWidget):
    sig_open_sample = Signal(str)
    sig_new_plan = Signal(object)  # region code or None
    sig_import = Signal(object)  # region code or None
    sig_open_path = Signal(str)
    sig_open_dialog = Signal()

    def __init__(self, recent: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel("<h2>specplan</h2><p>Plan specialised services across national, regional and ICS "
                       "footprints, and move money from inpatient to community care.</p>", self)
        title.setWordWrap(True)
        layout.addWidget(title)
        row = QHBoxLayout()
        samples = QGroupBox("Explore a sample plan", self)
        samples_layout = QVBoxLayout(samples)
        self.sample = QComboBox(samples)
        self.sample.addItems(list(sample_names()))
        self.sample.setAccessibleName("Sample plan")
        self.open_sample = QPushButton("Open sample plan", samples)
        self.open_sample.setToolTip("Illustrative figures, to try the levers and charts")
        self.open_sample.clicked.connect(lambda: self.sig_open_sample.emit(self.sample.currentText()))
        samples_layout.addWidget(self.sample)
        samples_layout.addWidget(self.open_sample)
        new = QGroupBox("Start your own plan", self)
        new_layout = QVBoxLayout(new)
        self.region = QComboBox(new)
        self.region.setAccessibleName("Footprint of the new plan")
        self.region.addItem(_england(), None)
        for region in load_reference().regions:
            self.region.addItem(f"{region.name} ICBs", region.code)
        self.new_plan = QPushButton("New plan from template", new)
        self.new_plan.setToolTip("Every service line for the chosen ICBs, with no money yet")
        self.new_plan.clicked.connect(lambda: self.sig_new_plan.emit(self.region.currentData()))
        self.import_button = QPushButton("Import a finance spreadsheet...", new)
        self.import_button.setToolTip("Start from the template and read base-year spend from your spreadsheet")
        self.import_button.clicked.connect(lambda: self.sig_import.emit(self.region.currentData()))
        for widget in (self.region, self.new_plan, self.import_button):
            new_layout.addWidget(widget)
        row.addWidget(samples)
        row.addWidget(new)
        layout.addLayout(row)
        recent_box = QGroupBox("Recent plans", self)
        recent_layout = QVBoxLayout(recent_box)
        self.recent = QListWidget(recent_box)
        self.recent.setAccessibleName("Recent plans")
        for path in recent:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem("No plans opened yet")
            self.recent.setEnabled(False)
        self.recent.itemActivated.connect(lambda item: self.sig_open_path.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.open_other = QPushButton("Open another plan...", recent_box)
        self.open_other.clicked.connect(self.sig_open_dialog.emit)
        recent_layout.addWidget(self.recent)
        recent_layout.addWidget(self.open_other)
        layout.addWidget(recent_box, stretch=1)
        hint = QLabel("Help > Quick start explains the levers and views in five steps.", self)
        layout.addWidget(hint)


def _england() -> str:
    """The whole-England choice, named with the ICBs a template gets (a vintage the user added counts)."""
    try:
        latest = load_vintages().latest
    except UserError:  # a damaged user vintage is reported when a plan is started
        return "England: all ICBs"
    return f"England: all {len(latest.icbs)} ICBs ({latest.code})"

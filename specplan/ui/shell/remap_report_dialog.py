"""The re-map report, shown without blocking the window: where each old ICB's money went, the
scopes that widened, and base-year spend before and after by service and setting and by region,
every difference zero. Figures come from the engine's RemapReport; this only lays them out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.reference import load_reference
from ...engine.remap_report import Reconciliation, RemapReport
from ..formatting import exact_money

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RemapReportDialog(QDialog):
    """``sig_open_plan(path)`` when the user asks to open the re-mapped plan."""

    sig_open_plan = Signal(str)

    def __init__(self, report: RemapReport, plan_name: str, target: Path, icb_names: dict[str, str],
                 service_names: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.report, self.target = report, Path(target)
        self.setWindowTitle(f"Re-map report: {plan_name}")
        self.setObjectName("remap_report")
        layout = QVBoxLayout(self)
        whole = report.totals()
        bad = [r for r in report.reconciliation + report.by_region if not r.agrees]
        verdict = ("every service and setting and every region agrees to the penny" if not bad
                   else f"{len(bad)} rows DISAGREE")
        self.summary = QLabel(
            f"<p>{_escape(plan_name)} re-mapped from ICB vintage {report.from_vintage} to {report.to_vintage}, "
            f"written to <b>{_escape(str(self.target))}</b>. The open plan and its file are unchanged.</p>"
            f"<p>Base-year spend {exact_money(whole.before_pence)} before, {exact_money(whole.after_pence)} after, "
            f"difference {exact_money(whole.difference_pence)}: {verdict}.</p>", self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.pages = QTabWidget(self)
        self.money = self._money_table(icb_names)
        self.widened = QListWidget(self)
        self.widened.setAccessibleName("Scopes that widened")
        self.widened.setWordWrap(True)
        self.widened.addItems(list(report.widened) or ["None: no lever or ICB list now covers more population "
                                                        "than it did."])
        self.reconciliation = self._reconciliation_table(
            "Base-year spend by service and setting", ["Service", "Setting"],
            [[service_names.get(r.service, r.service), r.setting] for r in report.reconciliation],
            report.reconciliation)
        regions = {r.code: r.name for r in load_reference().regions}
        totals = report.region_totals()
        self.regions = self._reconciliation_table(
            "Base-year spend by region", ["Region"], [[regions.get(r.region or "", r.region or "")] for r in totals],
            totals)
        for page, title in ((self.money, "Where the money went"), (self.widened, "Widened scopes"),
                            (self.reconciliation, "By service and setting"), (self.regions, "By region")):
            self.pages.addTab(page, title)
        layout.addWidget(self.pages, stretch=1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton("Open re-mapped plan", self)
        self.open_button.setToolTip(f"Open {self.target.name} in this window")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.clicked.connect(self._on_open)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _money_table(self, names: dict[str, str]) -> QTableWidget:
        rows = [[code, names.get(code, ""), d.to, names.get(d.to, ""), f"{float(d.share):.4%}",
                 exact_money(d.spend_pence)]
                for code, parts in self.report.icbs.items() for d in parts]
        return _table(self, "Where each old ICB's base-year spend went",
                      ["Old ICB", "Old ICB name", "New ICB", "New ICB name", "Share of population",
                       "Base-year spend"], rows, numbers=2)

    def _reconciliation_table(self, name: str, labels: list[str], keys: list[list[str]],
                              rows: tuple[Reconciliation, ...]) -> QTableWidget:
        cells = [key + [exact_money(r.before_pence), exact_money(r.after_pence), exact_money(r.difference_pence)]
                 for key, r in zip(keys, rows)]
        return _table(self, name, labels + ["Before", "After", "Difference"], cells, numbers=3)

    def _on_open(self) -> None:
        self.sig_open_plan.emit(str(self.target))
        self.close()


def _table(parent: QWidget, name: str, headers: list[str], rows: list[list[str]], numbers: int) -> QTableWidget:
    """A read-only table; its last ``numbers`` columns are right-aligned figures."""
    table = QTableWidget(len(rows), len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= len(headers) - numbers:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Appraisal: weighted criteria, each option's 0-5 scores with rationale, totals, rank, robustness."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import edits
from ...engine.appraisal import appraise
from ..document.document import Document
from ..refusal_words import refusal_text
from ..widgets.live import LiveView
from ..widgets.reflow import ReflowLayout
from ..widgets.refusal import try_edit


class AppraisalView(LiveView):
    def __init__(self, document: Document, dialogs, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.dialogs = dialogs
        # The criteria beside the scores, or above them on a narrow page.
        layout = ReflowLayout(self, stretch=(1, 3))
        left = QGroupBox("Criteria and weights (points)", self)
        left_layout = QVBoxLayout(left)
        self.criteria = QTableWidget(left)
        self.criteria.setColumnCount(1)
        self.criteria.setHorizontalHeaderLabels(["Weight"])
        self.criteria.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.criteria.setAccessibleName("Criteria and their weights")
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add...", left)
        self.remove_button = QPushButton("Remove", left)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left_layout.addWidget(self.criteria)
        left_layout.addLayout(buttons)
        right = QGroupBox("Scores (0 to 5), weighted total and rank", self)
        right_layout = QVBoxLayout(right)
        self.scores = QTableWidget(right)
        self.scores.setAccessibleName("Scores of each option on each criterion")
        self.scores.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scores.currentCellChanged.connect(self._on_cell)
        self.robustness = QLabel(right)
        self.robustness.setWordWrap(True)
        self.rationale_label = QLabel("Rationale", right)
        self.rationale = QPlainTextEdit(right)
        self.rationale.setAccessibleName("Rationale for the selected score")
        self.rationale.setMaximumHeight(90)
        self.save_rationale = QPushButton("Save rationale", right)
        self.save_rationale.clicked.connect(self._on_save_rationale)
        for widget in (self.scores, self.robustness, self.rationale_label, self.rationale, self.save_rationale):
            right_layout.addWidget(widget)
        layout.addWidget(left)
        layout.addWidget(right)
        self.result = None
        self._cell: tuple[str, str] | None = None
        self.follow_plan(lambda changes: changes.review or changes.options or bool(changes.option_structure))

    # -- drawing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        plan = self.document.plan
        appraisal = plan.appraisal
        options = [s.name for s in plan.scenarios]
        self.result = appraise(appraisal, options)
        self.criteria.setRowCount(len(appraisal.criteria))
        self.criteria.setVerticalHeaderLabels([c.name for c in appraisal.criteria])
        for row, criterion in enumerate(appraisal.criteria):
            spin = QDoubleSpinBox(self.criteria)
            spin.setRange(0, 1000)
            spin.setDecimals(0)
            spin.setValue(criterion.weight)
            spin.setKeyboardTracking(False)
            spin.setAccessibleName(f"Weight of {criterion.name}")
            spin.setToolTip("Points for this criterion; a criterion's share of all points is its weight")
            spin.valueChanged.connect(lambda value, name=criterion.name, spin=spin: try_edit(
                self.document, spin, f"Weight of {name}", edits.set_weight, name, float(value)))
            self.criteria.setCellWidget(row, 0, spin)
        names = [c.name for c in appraisal.criteria]
        self.scores.setRowCount(len(options))
        self.scores.setColumnCount(len(names) + 2)
        self.scores.setHorizontalHeaderLabels([textwrap.fill(n, 14) for n in names] + ["Weighted", "Rank"])
        self.scores.setVerticalHeaderLabels(options)
        ranked = {r.option: r for r in self.result.ranked}
        for row, option in enumerate(options):
            for col, name in enumerate(names):
                score = appraisal.score(option, name)
                spin = QSpinBox(self.scores)
                spin.setRange(0, 5)
                spin.setSpecialValueText("-") if score is None else None
                spin.setValue(score.score if score else 0)
                spin.setAccessibleName(f"Score of {option} on {name}")
                spin.setToolTip(score.rationale if score and score.rationale else "No rationale written yet")
                spin.valueChanged.connect(lambda value, o=option, c=name, spin=spin: try_edit(
                    self.document, spin, f"Score of {o} on {c}", edits.set_score, o, c, int(value)))
                self.scores.setCellWidget(row, col, spin)
            rank = ranked[option]
            self._text(row, len(names), f"{rank.weighted:.2f}")
            self._text(row, len(names) + 1, f"{rank.rank}" + (" (tied)" if sum(
                r.rank == rank.rank for r in self.result.ranked) > 1 else ""))
        header = self.scores.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Columns share the width but never squeeze a score's box: narrower, the table scrolls.
        boxes = [self.scores.cellWidget(r, c) for r in range(len(options)) for c in range(len(names))]
        header.setMinimumSectionSize(max((box.sizeHint().width() for box in boxes), default=header.minimumSectionSize()))
        self.robustness.setText(self._robustness_text())

    def _text(self, row: int, col: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scores.setItem(row, col, item)

    def _robustness_text(self) -> str:
        result = self.result
        if len(result.top) != 1:
            return "No single option ranks first: " + ", ".join(result.top) + " tie."
        broken = [f"{c.criterion} {c.change:+.0f}" for c in result.checks if not c.survives]
        if not broken:
            return f"<b>{result.top[0]}</b> ranks first and stays first when any weight moves 10 points either way."
        return (f"<b>{result.top[0]}</b> ranks first, but not if these weights move: " + ", ".join(broken) + ".")

    # -- editing -------------------------------------------------------------------------------
    def _on_cell(self, row: int, col: int, *_previous) -> None:
        plan = self.document.plan
        names = [c.name for c in plan.appraisal.criteria]
        if not (0 <= row < len(plan.scenarios) and 0 <= col < len(names)):
            self._cell = None
            return
        self._cell = (plan.scenarios[row].name, names[col])
        score = plan.appraisal.score(*self._cell)
        self.rationale_label.setText(f"Rationale: {self._cell[0]} on {self._cell[1]}")
        self.rationale.setPlainText(score.rationale if score else "")

    def _on_save_rationale(self) -> None:
        if self._cell is None:
            return
        option, criterion = self._cell
        score = self.document.plan.appraisal.score(option, criterion)
        try_edit(self.document, self.rationale, f"Rationale of {option} on {criterion}", edits.set_score, option,
                 criterion, score.score if score else 0, self.rationale.toPlainText().strip())

    def _on_add(self) -> None:
        name = self.dialogs.text("Add criterion", "Criterion:")
        if name:
            name = name.strip()
            taken = f"New criterion not changed: \u201c{name}\u201d is a criterion already; give the new one another name."
            try_edit(self.document, self.add_button, "New criterion", edits.add_criterion, name,
                     explain=lambda error: taken if getattr(error, "field", "") == "criteria" else refusal_text(error, "New criterion"))

    def _on_remove(self) -> None:
        row = self.criteria.currentRow()
        criteria = self.document.plan.appraisal.criteria
        if 0 <= row < len(criteria) and self.dialogs.confirm(
                "Remove criterion", f"Remove {criteria[row].name!r} and its scores?"):
            try_edit(self.document, self.remove_button, f"Criterion {criteria[row].name!r}", edits.remove_criterion,
                     criteria[row].name)

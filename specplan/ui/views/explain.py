"""Explain: why one option differs from doing nothing (or from another), lever by lever.

The waterfall runs every coalition of the option's levers (1,024 for ten levers), so it is
worked out off the GUI thread: the bars shown are greyed while a newer answer is on its way.
Clicking a lever's bar selects that lever in the Options view.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.plan import Plan
from ...engine.attribution import Attribution, attribute
from ...engine.coalitions import coalition_values
from ..charts.waterfall import WaterfallChart
from ..document.document import Document
from ..document.latest import LatestAnswer
from ..explain_words import METRIC_NAMES, NOTHING, sentence, waterfall
from ..widgets.live import LiveView

#: Coalitions run between checks for a newer question.
CHECK_EVERY = 32


def explain(plan: Plan, option: str, against: str | None, metric: str, year: int, *, progress, cancelled):
    """The attribution in a worker thread; ``progress`` raises when a newer question came."""
    def evaluate(plan, option, coalitions, metric, year):
        values: list = []
        for start in range(0, len(coalitions), CHECK_EVERY):
            progress(100 * start // max(len(coalitions), 1))
            values.extend(coalition_values(plan, option, coalitions[start:start + CHECK_EVERY], metric, year))
        return values
    return attribute(plan, option, against=against, metric=metric, year=year, evaluate=evaluate)


class ExplainView(LiveView):
    """Pick an option, what to compare it with, a figure and a year; see each lever's part."""

    sig_lever_clicked = Signal(str, int)  # option, lever position from 0

    def __init__(self, document: Document, parent: QWidget | None = None, unit: str = "gbp_m"):
        super().__init__(document, parent)
        self.unit = unit
        self.option_box = QComboBox(self)
        self.option_box.setAccessibleName("Option to explain")
        self.against_box = QComboBox(self)
        self.against_box.setAccessibleName("Compared with")
        self.metric_box = QComboBox(self)
        self.metric_box.setAccessibleName("Figure")
        for key, name in METRIC_NAMES.items():
            self.metric_box.addItem(name, key)
        self.year_box = QComboBox(self)
        self.year_box.setAccessibleName("Year")
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.chart = WaterfallChart(self)
        self.chart.setToolTip("Each bar: what one lever adds, whatever order the levers are read in "
                              "(Shapley values); click a lever's bar to open it in Options")
        self.chart.sig_bar_clicked.connect(self._on_bar_clicked)
        self.answer = LatestAnswer(explain, self)
        self.answer.sig_answer.connect(self._on_answer)
        self.answer.sig_failed.connect(self._on_failed)
        self.result: Attribution | None = None
        self._choices: tuple = ()
        row = QHBoxLayout()
        for label, box in (("Explain", self.option_box), ("against", self.against_box), ("figure", self.metric_box),
                           ("in", self.year_box)):
            row.addWidget(QLabel(label, self))
            row.addWidget(box, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.sentence)
        layout.addWidget(self.chart, stretch=1)
        for box in (self.option_box, self.against_box, self.metric_box, self.year_box):
            box.activated.connect(lambda _index: self.refresh())

    # -- choices -------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        """Refill the boxes only when the options or years change (a slider step keeps them)."""
        plan = self.document.plan
        names = tuple(s.name for s in plan.scenarios if s.levers)
        choices = (names, plan.years)
        if choices == self._choices:
            return
        self._choices = choices
        keep_option = self.option_box.currentText() or self.document.selected_scenario
        keep_against = self.against_box.currentText()
        self.option_box.clear()
        self.option_box.addItems(list(names))
        self.against_box.clear()
        self.against_box.addItems([NOTHING, *names])
        self.year_box.clear()
        self.year_box.addItems(list(plan.years))
        self.year_box.setCurrentIndex(len(plan.years) - 1)
        if keep_option in names:
            self.option_box.setCurrentText(keep_option)
        if keep_against in names:
            self.against_box.setCurrentText(keep_against)

    def question(self) -> tuple[Plan, str, str | None, str, int] | None:
        """What the boxes ask, or None when the plan has no option with levers."""
        self._fill_choices()
        option = self.option_box.currentText()
        if not option:
            return None
        against = self.against_box.currentText()
        return (self.document.plan, option, None if against in ("", NOTHING) else against,
                self.metric_box.currentData(), max(self.year_box.currentIndex(), 0))

    # -- answers -------------------------------------------------------------------------------
    def refresh(self) -> None:
        question = self.question()
        if question is None:
            self.sentence.setText("No option has levers yet: add one in Options to see what it contributes.")
            return
        self.answer.ask(*question)
        if self.result is not None:
            self._show(self.result, stale=True)

    @property
    def busy(self) -> bool:
        return self.answer.busy

    def _on_answer(self, result: Attribution, stale: bool) -> None:
        self.result = result
        self._show(result, stale or self.answer.busy)

    def _on_failed(self, message: str) -> None:
        self.sentence.setText(f"The contributions could not be worked out: {message}")

    def _show(self, result: Attribution, stale: bool) -> None:
        years = self.document.plan.years
        bars = waterfall(result, years, self.unit)
        self.chart.setTitle(bars.title)
        self.chart.show_steps(bars.start, bars.steps, bars.end, bars.describe, stale, bars.axis)
        self.sentence.setText(sentence(result, years, self.unit) + (" <i>Updating...</i>" if stale else ""))

    def _on_bar_clicked(self, row: int) -> None:
        if self.result is not None and 0 <= row < len(self.result.contributions):
            contribution = self.result.contributions[row]
            self.sig_lever_clicked.emit(contribution.option, contribution.lever)

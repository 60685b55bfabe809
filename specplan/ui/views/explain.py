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
from ...engine.coalitions import PENCE_METRICS, coalition_values
from ..charts.waterfall import WaterfallChart
from ..document.document import Document
from ..document.latest import LatestAnswer
from ..formatting import axis_scale, money, share
from ..widgets.live import LiveView

METRIC_NAMES = {"cumulative_saving": "Cumulative saving", "spend": "Spend", "community_share": "Community share",
                "beds": "Beds"}
NOTHING = "Doing nothing"
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
        pence = result.metric in PENCE_METRICS
        divisor = axis_scale(self.unit)[0] if pence else (0.01 if result.metric == "community_share" else 1.0)
        against = result.against or "doing nothing"
        plan = self.document.plan
        year = plan.years[result.year] if result.year < len(plan.years) else ""
        steps = [(c.text if c.option == result.option else f"less {c.option}: {c.text}", c.value / divisor)
                 for c in result.contributions]
        self.chart.setTitle(f"{METRIC_NAMES[result.metric]}: {result.option} against {against}, {year}")
        self.chart.show_steps((against.capitalize(), result.start / divisor), steps,
                              (result.option, result.end / divisor), self._words(result.metric, divisor), stale,
                              self._axis(result.metric))
        self.sentence.setText(self._sentence(result, against, year) + (" <i>Updating...</i>" if stale else ""))

    def _axis(self, metric: str) -> str:
        if metric in PENCE_METRICS:
            return f"{METRIC_NAMES[metric]} ({axis_scale(self.unit)[1]})"
        return "Community share (%)" if metric == "community_share" else "Beds"

    def _words(self, metric: str, divisor: float):
        if metric in PENCE_METRICS:
            return lambda value: money(value * divisor, self.unit)
        if metric == "community_share":
            return lambda value: share(value / 100)
        return lambda value: f"{value:,.0f} beds"

    def _say(self, metric: str, value: float) -> str:
        """A difference in words: money in the user's unit, shares in points, beds."""
        if metric in PENCE_METRICS:
            return money(value, self.unit)
        if metric == "community_share":
            return f"{value * 100:+.1f} points"
        return f"{value:+,.0f} beds"

    def _sentence(self, result: Attribution, against: str, year: str) -> str:
        top = max(result.contributions, key=lambda c: abs(c.value), default=None)
        what = METRIC_NAMES[result.metric].lower()
        text = (f"<b>{result.option}</b> differs from {against} by {self._say(result.metric, result.total)} "
                f"in {what} ({'to' if result.metric == 'cumulative_saving' else 'in'} {year}).")
        if top is not None and top.value:
            text += f" The largest part is “{top.text}”: {self._say(result.metric, top.value)}."
        if not result.exact:
            text += " More than 12 levers: the parts are estimated from 2,000 random orders."
        return text

    def _on_bar_clicked(self, row: int) -> None:
        if self.result is not None and 0 <= row < len(self.result.contributions):
            contribution = self.result.contributions[row]
            self.sig_lever_clicked.emit(contribution.option, contribution.lever)

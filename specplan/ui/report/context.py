"""Everything a report section reads: the plan, the engine's results and figures, formatted once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ... import __version__
from ...domain.errors import ValidationError
from ...domain.plan import Plan
from ...engine.appraisal import AppraisalResult, Ranked, appraise
from ...engine.attribution import Attribution, attribute
from ...engine.calculate import PlanResults
from ...engine.compare import Comparison, compare
from ...engine.scope import Headline, Scope, ScopedTotals, headline, scoped_totals
from ...engine.sensitivity import Tornado, tornado
from ..formatting import money
from .images import ChartImage

#: Each number moves this share down and up in the sensitivity; the largest few are shown.
SENSITIVITY = 0.2
SENSITIVITY_BARS = 6


def choose_options(plan: Plan, names: list[str] | None) -> list[str]:
    """The options to report, in plan order when ``names`` is None, else in the order given."""
    known = [s.name for s in plan.scenarios]
    if names is None:
        chosen = known
    else:
        chosen = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        for name in chosen:
            if name not in known:
                raise ValidationError("report option", name,
                                      "one of the plan's options (" + ", ".join(known) + ")")
    if not chosen:
        raise ValidationError("report options", names, "at least one of the plan's options")
    return chosen


@dataclass
class ReportContext:
    plan: Plan
    results: PlanResults
    options: list[str]
    unit: str = "gbp_m"
    when: date = field(default_factory=date.today)
    images: dict[str, ChartImage] = field(default_factory=dict)
    version: str = __version__

    _cache: dict = field(default_factory=dict, repr=False)

    def cached(self, kind: str, key: str, make):
        """``make()`` once per kind and key: the HTML is built twice (once to find the pages)."""
        if (kind, key) not in self._cache:
            self._cache[kind, key] = make()
        return self._cache[kind, key]

    def money(self, pence: float) -> str:
        return money(pence, self.unit)

    @cached_property
    def comparisons(self) -> list[Comparison]:
        """Do nothing first, then the chosen options in report order."""
        rows = compare(self.results, Scope(), self.options)
        by_name = {row.name: row for row in rows[1:]}
        return [rows[0]] + [by_name[name] for name in self.options]

    def comparison(self, option: str) -> Comparison:
        return self.comparisons[1 + self.options.index(option)]

    @cached_property
    def totals(self) -> dict[str, ScopedTotals]:
        return {name: scoped_totals(self.results.scenario(name), self.plan, Scope()) for name in self.options}

    @cached_property
    def do_nothing(self) -> ScopedTotals:
        return scoped_totals(self.results.do_nothing, self.plan, Scope())

    def headline(self, option: str) -> Headline:
        return headline(self.totals[option], self.do_nothing)

    @cached_property
    def appraisal(self) -> AppraisalResult:
        """Ranks among the options in this report."""
        return appraise(self.plan.appraisal, self.options)

    def ranked(self, option: str) -> Ranked:
        return next(r for r in self.appraisal.ranked if r.option == option)

    @property
    def scored(self) -> bool:
        return any(s.option in self.options for s in self.plan.appraisal.scores)

    def sensitivity(self, option: str) -> Tornado | None:
        """The option's tornado, cut to the ``SENSITIVITY_BARS`` numbers that move its saving
        most (None for an option without levers)."""
        if not self.plan.scenario(option).levers:
            return None

        def make() -> Tornado:
            full = tornado(self.plan, option, SENSITIVITY)
            bars = tuple(bar for bar in full.bars if bar.swing > 0)[:SENSITIVITY_BARS]
            return dataclasses.replace(full, bars=bars)

        return self.cached("tornado", option, make)

    def attribution(self, option: str) -> Attribution | None:
        """What each lever of ``option`` contributes to its cumulative saving to the final year
        against doing nothing (None for an option without levers: it is doing nothing)."""
        if not self.plan.scenario(option).levers:
            return None
        return self.cached("attribution", option, lambda: attribute(self.plan, option))

    @property
    def has_do_nothing_option(self) -> bool:
        """One of the reported options has no levers, so it is the do-nothing projection."""
        return any(not self.plan.scenario(name).levers for name in self.options)

    @property
    def all_options(self) -> bool:
        return len(self.options) == len(self.plan.scenarios)

    def status(self, option: str) -> str:
        return self.plan.review.status(option)

    @property
    def date_text(self) -> str:
        return f"{self.when.day} {self.when:%B %Y}"

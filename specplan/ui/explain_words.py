"""How an attribution reads, in the Explain view and in the board report alike: the figure's
name, each waterfall bar's label ("Shift 20% of adult secure inpatient to community: £9.40m"),
the axis, and the sentence under the chart. One copy, so the paper says what the screen says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..engine.attribution import Attribution, Contribution
from ..engine.coalitions import PENCE_METRICS
from .formatting import axis_scale, money, share

METRIC_NAMES = {"cumulative_saving": "Cumulative saving", "spend": "Spend", "community_share": "Community share",
                "beds": "Beds"}
NOTHING = "Doing nothing"
SAMPLED = "More than 12 levers: the parts are estimated from 2,000 random orders."


@dataclass(frozen=True)
class Waterfall:
    """What a waterfall chart draws, in the chart's own unit (pence divided for money)."""

    title: str
    start: tuple[str, float]
    steps: list[tuple[str, float]]
    end: tuple[str, float]
    describe: Callable[[float], str]  # a chart value in words, for the bar labels
    axis: str


def year_text(years: tuple[str, ...], result: Attribution) -> str:
    return years[result.year] if 0 <= result.year < len(years) else ""


def against_text(result: Attribution) -> str:
    return result.against or NOTHING.lower()


def bar_label(result: Attribution, contribution: Contribution) -> str:
    """A lever's words; the other option's levers, subtracted, say so."""
    if contribution.option == result.option:
        return contribution.text
    return f"less {contribution.option}: {contribution.text}"


def waterfall(result: Attribution, years: tuple[str, ...], unit: str) -> Waterfall:
    """The start (what the option is compared with), a bar per lever, the end (the option)."""
    metric = result.metric
    divisor = _divisor(metric, unit)
    against = against_text(result)
    steps = [(bar_label(result, c), c.value / divisor) for c in result.contributions]
    return Waterfall(f"{METRIC_NAMES[metric]}: {result.option} against {against}, {year_text(years, result)}",
                     (against[:1].upper() + against[1:], result.start / divisor), steps, (result.option, result.end / divisor),
                     _describe(metric, divisor, unit), axis_label(metric, unit))


def axis_label(metric: str, unit: str) -> str:
    if metric in PENCE_METRICS:
        return f"{METRIC_NAMES[metric]} ({axis_scale(unit)[1]})"
    return "Community share (%)" if metric == "community_share" else "Beds"


def difference_text(metric: str, value: float, unit: str) -> str:
    """A difference in words: money in the reader's unit, shares in points, beds."""
    if metric in PENCE_METRICS:
        return money(value, unit)
    if metric == "community_share":
        return f"{value * 100:+.1f} points"
    return f"{value:+,.0f} beds"


def sentence(result: Attribution, years: tuple[str, ...], unit: str) -> str:
    """The difference and its largest part, as rich text (names escaped)."""
    metric = result.metric
    top = max(result.contributions, key=lambda c: abs(c.value), default=None)
    when = f"{'to' if metric == 'cumulative_saving' else 'in'} {year_text(years, result)}"
    text = (f"<b>{escape(result.option)}</b> differs from {escape(against_text(result))} by "
            f"{difference_text(metric, result.total, unit)} in {METRIC_NAMES[metric].lower()} ({when}).")
    if top is not None and top.value:
        text += f" The largest part is “{escape(top.text)}”: {difference_text(metric, top.value, unit)}."
    if not result.exact:
        text += " " + SAMPLED
    return text



def _divisor(metric: str, unit: str) -> float:
    if metric in PENCE_METRICS:
        return axis_scale(unit)[0]
    return 0.01 if metric == "community_share" else 1.0


def _describe(metric: str, divisor: float, unit: str) -> Callable[[float], str]:
    if metric in PENCE_METRICS:
        return lambda value: money(value * divisor, unit)
    if metric == "community_share":
        return lambda value: share(value / 100)
    return lambda value: f"{value:,.0f} beds"

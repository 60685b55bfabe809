"""The weighted appraisal: scores, weighted totals and ranks, whether the leader survives weight
changes, and the written rationale behind each score."""

from __future__ import annotations

from html import escape

from ...engine.appraisal import SWING_POINTS
from .context import ReportContext
from .tables import Cell, chunks, grid

#: Options side by side in one appraisal table.
OPTIONS_PER_TABLE = 5


def weighted_text(value: float) -> str:
    """A weighted score as the report prints it: ``3.45``."""
    return f"{value:.2f}"


def rank_text(context: ReportContext, rank: int) -> str:
    shared = sum(1 for r in context.appraisal.ranked if r.rank == rank) > 1
    return f"{rank}=" if shared else str(rank)


def appraisal_summary(context: ReportContext) -> str:
    """One sentence on who ranks first and whether that holds when weights move."""
    if not context.scored:
        return "No option has been scored against the appraisal criteria yet."
    result = context.appraisal
    top = result.top
    among = "" if context.all_options else " (among the options in this paper)"
    if len(top) > 1:
        return escape(f"{' and '.join(top)} share the highest weighted score{among}, "
                      f"{weighted_text(result.ranked[0].weighted)} out of 5.")
    text = f"{top[0]} has the highest weighted score{among}, {weighted_text(result.ranked[0].weighted)} out of 5"
    if result.robust:
        return escape(text + f", and stays first when any one weight moves {SWING_POINTS:.0f} points up or down.")
    failing = [c for c in result.checks if not c.survives]
    first = failing[0]
    return escape(text + f", but not robustly: with {first.criterion} {first.change:+.0f} points, "
                  f"{' and '.join(first.top)} would rank first ({len(failing)} of {len(result.checks)} "
                  "weight changes alter the lead).")


def appraisal_section(context: ReportContext) -> str:
    appraisal = context.plan.appraisal
    criteria = appraisal.criteria
    html = ["<h1>Appraisal</h1>",
            ("<p>Each option is scored from 0 (worst) to 5 (best) against each criterion; the weighted score "
            "is the weighted mean of its scores (weights in points), out of 5. "
            "Equal weighted scores share a rank.</p>")]
    if not criteria:
        return "".join(html) + "<p>The plan has no appraisal criteria.</p>"
    if not context.scored:
        weights = grid(["Criterion", Cell("Weight (points)", True)],
                       [[c.name, Cell(f"{c.weight:g}", True)] for c in criteria], [70, 30])
        return "".join(html) + weights + f"<p>{appraisal_summary(context)}</p>"
    for group in chunks(list(context.appraisal.ranked), OPTIONS_PER_TABLE):
        # criteria down the side, options (best first) across: long names need no narrow columns
        headers = ["Criterion", Cell("Weight", True), *(Cell(r.option, True) for r in group)]
        rows = [[c.name, Cell(f"{c.weight:g}", True)]
                + [Cell("–" if (s := appraisal.score(r.option, c.name)) is None else str(s.score), True)
                   for r in group]
                for c in criteria]
        rows.append([Cell("Weighted score (out of 5)", bold=True), ""]
                    + [Cell(weighted_text(r.weighted) if r.scored else "not scored", True,
                            best=r.rank == 1 and r.scored, bold=True) for r in group])
        rows.append([Cell("Rank", bold=True), ""] + [Cell(rank_text(context, r.rank) if r.scored else "not scored",
                                                          True, bold=True) for r in group])
        html.append(grid(headers, rows) + "<p></p>")
    unscored = [r for r in context.appraisal.ranked if r.unscored]
    if unscored:
        html.append('<p class="note">– not scored yet (counted as 0): '
                    + escape("; ".join(f"{r.option}: {', '.join(r.unscored)}" for r in unscored)) + "</p>")
    html.append(f"<p>{appraisal_summary(context)}</p>")
    html.append(robustness(context))
    html.append(rationale(context))
    return "".join(html)


def robustness(context: ReportContext) -> str:
    if not context.scored:
        return ""
    checks = {(c.criterion, c.change): c for c in context.appraisal.checks}
    rows = []
    for criterion in context.plan.appraisal.criteria:
        down, up = checks.get((criterion.name, -SWING_POINTS)), checks.get((criterion.name, SWING_POINTS))
        holds = all(c is not None and c.survives for c in (down, up))
        rows.append([criterion.name, Cell(f"{criterion.weight:g}", True),
                     " and ".join(down.top) if down else "", " and ".join(up.top) if up else "",
                     Cell("yes" if holds else "no", bold=not holds)])
    points = f"{SWING_POINTS:.0f}"
    return ("<h2>Does the ranking hold?</h2><p>Each weight moved down and up by " + points
            + " points on its own (never below 0), and the option that would then rank first.</p>"
            + grid(["Criterion", Cell("Weight", True), f"First with weight -{points}",
                    f"First with weight +{points}", "Lead holds"], rows))


def rationale(context: ReportContext) -> str:
    appraisal = context.plan.appraisal
    html = ["<h2>Why each option scored as it did</h2>"]
    for name in context.options:
        scores = [s for c in appraisal.criteria if (s := appraisal.score(name, c.name)) is not None]
        if not scores:
            continue
        items = "".join(f"<li><b>{escape(s.criterion)}: {s.score}</b>"
                        + (f" – {escape(s.rationale)}" if s.rationale.strip() else "") + "</li>" for s in scores)
        html.append(f"<h3>{escape(name)}</h3><ul>{items}</ul>")
    return "".join(html) if len(html) > 1 else ""

"""Options appraisal and clinical review on the ``Criteria``, ``Appraisal``, ``Review`` and
``Comments`` sheets, so that they travel with the plan and read back unchanged.

A workbook without a ``Criteria`` sheet gets the default criteria; one with an empty
``Criteria`` sheet has none. Comment times are kept as the text they were written as.
"""

from __future__ import annotations

from ..domain import Appraisal, Comment, Criterion, Review, Score
from ..domain.errors import ValidationError
from ..domain.plan import Plan
from .tables import Table

COLUMNS: dict[str, tuple[str, ...]] = {
    "Criteria": ("criterion", "weight"),
    "Appraisal": ("option", "criterion", "score", "rationale"),
    "Review": ("option", "status"),
    "Comments": ("option", "lever", "author", "time", "text"),
}
REQUIRED = {"Criteria": ("criterion", "weight"), "Appraisal": ("option", "criterion", "score"),
            "Review": ("option", "status"), "Comments": ("option", "author", "time", "text")}
NOTES = (
    ("Criteria", "Appraisal criteria and their weights (points)."),
    ("Appraisal", "Each option's score (0 to 5) on each criterion, with the rationale."),
    ("Review", "Each option's review status: draft, in review, endorsed or not supported."),
    ("Comments", "Comments on options, or on one of an option's levers (lever counts from 1)."),
)


def appraisal_rows(plan: Plan) -> dict[str, list[list]]:
    appraisal, review = plan.appraisal, plan.review
    return {
        "Criteria": [[c.name, c.weight] for c in appraisal.criteria],
        "Appraisal": [[s.option, s.criterion, s.score, s.rationale or None] for s in appraisal.scores],
        "Review": [[option, status] for option, status in review.statuses],
        "Comments": [[c.option, c.lever, c.author, c.time, c.text] for c in review.comments],
    }


def read_appraisal(tables: dict[str, Table | None], options: set[str]) -> tuple[Appraisal, Review]:
    """The appraisal and review the sheets describe; problems go to each table's collector."""
    criteria_table = tables.get("Criteria")
    criteria = None
    if criteria_table is not None and criteria_table.found:
        criteria = []
        for r, row in criteria_table.rows():
            name = criteria_table.text(r, row, "criterion", required=True, strip=False)
            weight = criteria_table.number(r, row, "weight", required=True)
            if name is not None and weight is not None:
                criteria.append(_make(criteria_table, r, "weight", Criterion, name, weight))
    names = {c.name for c in criteria if c} if criteria is not None else {c.name for c in Appraisal().criteria}
    scores = []
    table = tables.get("Appraisal")
    for r, row in _rows(table):
        option = _option(table, r, row, options)
        criterion = table.text(r, row, "criterion", required=True, strip=False)
        score = table.whole(r, row, "score", required=True)
        if criterion is not None and criterion not in names:
            table.problem(r, "criterion", f"unknown criterion {criterion!r}")
        elif option is not None and score is not None:
            rationale = table.text(r, row, "rationale", strip=False) or ""
            scores.append(_make(table, r, "score", Score, option, criterion, score, rationale))
    statuses = []
    table = tables.get("Review")
    for r, row in _rows(table):
        option = _option(table, r, row, options)
        status = table.text(r, row, "status", required=True)
        if option is not None and status is not None:
            statuses.append((option, status.lower()))
    comments = []
    table = tables.get("Comments")
    for r, row in _rows(table):
        option = _option(table, r, row, options)
        lever = table.whole(r, row, "lever")
        author = table.text(r, row, "author", required=True, strip=False)
        time = table.text(r, row, "time", required=True, strip=False)
        text = table.text(r, row, "text", required=True, strip=False)
        if None not in (option, author, time, text):
            comments.append(_make(table, r, "text", Comment, option, author, time, text, lever))
    try:
        appraisal = Appraisal(tuple(c for c in criteria if c) if criteria is not None else Appraisal().criteria,
                              tuple(s for s in scores if s))
        review = Review(tuple(statuses), tuple(c for c in comments if c))
    except ValidationError as error:
        where = next((t for t in (tables.get("Appraisal"), tables.get("Review"), criteria_table) if t is not None), None)
        if where is not None:
            where.problems.add(str(error), where.name)
        return Appraisal(), Review()
    return appraisal, review


def _rows(table: Table | None):
    return table.rows() if table is not None and table.found else []


def _option(table: Table, r: int, row: list, options: set[str]) -> str | None:
    option = table.text(r, row, "option", required=True, strip=False)
    if option is not None and option not in options:
        table.problem(r, "option", f"{option!r} is not an option of the plan (see the Levers sheet)")
        return None
    return option


def _make(table: Table, r: int, column: str, make, *args):
    try:
        return make(*args)
    except ValidationError as error:
        table.problem(r, column, f"{error.field}: {error.value!r} is not valid; expected {error.expected}")
        return None

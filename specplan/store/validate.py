"""Check a plan file in depth: SQLite's full integrity check, foreign keys, and the plan's own
invariants as the engine computes them (money reconciles to the penny, fair shares add up to
their pools). Opening a plan checks less (``quick_check``) to stay fast."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from ..domain import Plan
from ..engine import compute
from ..engine.apportion import group_sum
from ..engine.results import ScenarioResult
from .errors import read_error
from .files import open_plan


def check_file(path: str | Path) -> tuple[Plan, list[str]]:
    """The plan in ``path`` and every problem found (empty: all is well). A file that cannot be
    opened at all raises its PlanFileError instead."""
    path = Path(path)
    plan = open_plan(path, read_only=True)
    problems = []
    try:
        # Not mode=ro: SQLite verifies CHECK constraints only on a connection that could write;
        # query_only keeps this one from doing so.
        raw = sqlite3.connect(path, isolation_level=None)
        try:
            raw.execute("PRAGMA query_only = ON")
            problems += [f"SQLite integrity check: {r[0]}" for r in raw.execute("PRAGMA integrity_check")
                         if r[0] != "ok"]
            problems += [f"table {table} row {rowid} refers to a missing row in {parent}"
                         for table, rowid, parent, _ in raw.execute("PRAGMA foreign_key_check")]
        finally:
            raw.close()
    except Exception as error:  # noqa: BLE001 - reported as a problem of the file
        problems.append(str(read_error(path, error)))
    return plan, problems + check_invariants(plan)


def check_invariants(plan: Plan) -> list[str]:
    """The model's invariants for doing nothing and every option of ``plan``."""
    results = compute(plan)
    problems: list[str] = []
    for result in (results.do_nothing, *results.scenarios):
        problems += [f"option {result.name!r}: {p}" for p in _scenario_problems(plan, result)]
    return problems


def _scenario_problems(plan: Plan, r: ScenarioResult) -> list[str]:
    n_pools = r.index.n_pools
    checks = [
        ("released = reinvested + saving", r.released, r.reinvested + r.saving),
        ("reinvested is within what was released", (r.reinvested >= 0) & (r.reinvested <= r.released), True),
        ("spend = do nothing - saving + double running + convergence, per service and ICB",
         r.spend_by_icb, r.do_nothing_spend.sum(axis=2) - r.saving + r.double_running + r.convergence_moves),
        ("England spend = do nothing - saving + double running",
         r.total_spend, r.total_do_nothing - r.total("saving") + r.total("double_running")),
        ("totals by setting, region and service add up to England",
         np.array([r.spend_by_setting.sum(), r.spend_by_region.sum(), r.spend_by_service.sum()]),
         r.spend.sum()),
        ("fair shares add up to their pool's budget", group_sum(r.fair_share, r.pools, n_pools), r.pool_budget),
        ("pool budgets add up the pool's spend", r.pool_budget, group_sum(r.spend_by_icb, r.pools, n_pools)),
        ("convergence leaves pool totals unchanged", group_sum(r.convergence_moves, r.pools, n_pools), 0),
        ("spend is never negative", r.spend >= 0, True),
        ("activity is a non-negative number", np.isfinite(r.activity) & (r.activity >= 0), True),
    ]
    problems = []
    for rule, left, right in checks:
        wrong = np.asarray(left != right)
        if wrong.any():
            problems.append(f"{rule} fails in {int(wrong.sum()):,} places (first at {_where(plan, wrong)})")
    return problems


def _where(plan: Plan, wrong: np.ndarray) -> str:
    first = tuple(int(i) for i in np.argwhere(wrong)[0]) if wrong.ndim else ()
    if wrong.ndim >= 3 and wrong.shape[:2] == (len(plan.services), len(plan.icbs)):
        return f"service {plan.services[first[0]].code}, ICB {plan.icbs[first[1]].code}, year {plan.years[first[-1]]}"
    return f"position {first}"

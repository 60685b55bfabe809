"""Every array a result hands out is read-only: its cells, the figures it works out on first
use, its roll-ups, and those of a result a base-year edit spliced together."""

from __future__ import annotations

import numpy as np
import pytest

from specplan.domain import edits
from specplan.domain.samples import build_sample
from specplan.engine import Engine, PlanResults, ScenarioResult, compute
from specplan.engine.index import PlanIndex
from specplan.engine.results import FLOWS
from specplan.engine.shift import LeverTotals

YEARS = (0, -1)

#: How the walk calls each public method: the argument lists to try.
RESULT_CALLS = {
    "total": [(name,) for name in FLOWS],
    "fair_share_in": [(year,) for year in YEARS],
    "distance_in": [(year,) for year in YEARS],
    "pool_flagged_in": [(year,) for year in YEARS],
    "by_region": ["spend_by_icb", "distance"],  # an [s, i, t] array of the result's own
}
#: Public methods that hand out no array.
RESULT_NOT_ARRAYS = {"defer", "deferred"}
LEVER_CALLS = {"by_service": [(name,) for name in LeverTotals.NAMES],
               "england": [(name,) for name in (*LeverTotals.NAMES, "saving")]}


def assert_read_only(value, where: str) -> None:
    assert not value.flags.writeable, where
    if value.size:
        first = (0,) * value.ndim
        with pytest.raises(ValueError, match="read-only"):
            value[first] = value[first]


def public(obj) -> list[str]:
    return [name for name in dir(type(obj)) if not name.startswith("_")]


def walk_result(result: ScenarioResult) -> int:
    """Read every public attribute and call every public method of ``result``; assert each
    array is read-only. Returns how many arrays were looked at."""
    seen = 0
    for name in public(result):
        if name in RESULT_NOT_ARRAYS:
            continue
        where = f"{result.name}.{name}"
        if name in RESULT_CALLS:
            for args in RESULT_CALLS[name]:
                if isinstance(args, str):
                    args = (getattr(result, args),)
                assert_read_only(getattr(result, name)(*args), f"{where}{args!r:.40}")
                seen += 1
            continue
        value = getattr(result, name)
        assert not callable(value), f"{where}: a new method; say in RESULT_CALLS how to call it"
        seen += walk_value(value, where)
    return seen


def walk_value(value, where: str) -> int:
    if isinstance(value, np.ndarray):
        assert_read_only(value, where)
        return 1
    if isinstance(value, tuple):
        return sum(walk_value(item, f"{where}[{n}]") for n, item in enumerate(value))
    if isinstance(value, LeverTotals):
        return walk_lever_totals(value, where)
    if isinstance(value, PlanIndex):
        return sum(walk_value(getattr(value, name), f"{where}.{name}") for name in public(value)
                   if not callable(getattr(value, name)))
    return 0


def walk_lever_totals(totals: LeverTotals, where: str) -> int:
    seen = 0
    for name in public(totals):
        if name == "NAMES":
            continue
        if name in LEVER_CALLS:
            for args in LEVER_CALLS[name]:
                assert_read_only(getattr(totals, name)(*args), f"{where}.{name}{args}")
                seen += 1
        elif name != "memo":
            seen += walk_value(getattr(totals, name), f"{where}.{name}")
    return seen


def walk_plan_results(results: PlanResults) -> int:
    seen = walk_value(results.index, "index")
    seen += walk_value(results.plan.baseline.spend_pence, "plan.baseline.spend_pence")
    seen += walk_value(results.plan.baseline.activity, "plan.baseline.activity")
    for result in (results.do_nothing, *results.scenarios):
        seen += walk_result(result)
    assert results.scenario(results.scenarios[0].name) is results.scenarios[0]
    return seen


def test_every_array_of_a_full_run_is_read_only():
    results = compute(build_sample("national"))
    assert walk_plan_results(results) > 40 * (1 + len(results.scenarios))  # the walk reached them


def test_every_array_of_a_spliced_run_is_read_only():
    """After a base-year edit the cells are made on first read and the England totals are
    carried over: both are read-only too."""
    plan = build_sample("national")
    engine = Engine()
    for result in engine.compute(plan).scenarios:  # totals to carry over
        _ = result.spend_by_setting, result.total_beds, [result.total(name) for name in FLOWS]
    edited = edits.set_baseline_cell(plan, 3, 4, 0, spend_pence=123_456).plan
    results = engine.compute(edited)
    assert any(result.deferred("spend") is not None for result in results.scenarios)
    walk_plan_results(results)


def test_a_result_takes_no_new_attributes():
    result = compute(build_sample("mh-collaborative")).scenarios[0]
    with pytest.raises(AttributeError):
        result.spend = result.spend.copy()
    with pytest.raises(AttributeError):
        result.beds = None
    with pytest.raises(AttributeError):
        result.anything = 1


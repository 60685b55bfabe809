"""A base-year edit reruns only the service rows it changed, to the same penny as a full run."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from test_invariants import plans

from specplan.domain import edits
from specplan.domain.samples import build_sample
from specplan.engine import Engine, compute
from specplan.engine import calculate as calculate_module

ARRAYS = ("spend", "activity", "released", "reinvested", "double_running", "moved_activity",
          "convergence_moves", "levels", "pools", "do_nothing_spend", "total_do_nothing", "beds",
          "fair_share", "pool_budget", "pool_flagged", "spend_by_setting")
TOTALS = ("released", "reinvested", "saving", "double_running", "moved_activity")


FLOWS = ("released", "reinvested", "saving", "double_running")


def sum_totals(results):
    """Work out the England totals a view shows (a splice carries them over)."""
    for result in (results.do_nothing, *results.scenarios):
        _ = result.spend_by_setting, result.total_beds, [result.total(name) for name in FLOWS]


def assert_same(incremental, full):
    for got, want in zip((incremental.do_nothing, *incremental.scenarios), (full.do_nothing, *full.scenarios)):
        assert got.name == want.name
        for name in ARRAYS:
            assert np.array_equal(getattr(got, name), getattr(want, name), equal_nan=True), (got.name, name)
        for name in FLOWS:
            assert np.array_equal(got.total(name), want.total(name)), (got.name, name)
        assert np.allclose(got.total_beds, want.total_beds, rtol=1e-9, atol=1e-9)
        for ours, theirs in zip(got.lever_totals, want.lever_totals):
            assert (ours is None) == (theirs is None)
            if ours is not None:
                for name in TOTALS:
                    assert np.allclose(getattr(ours, name), getattr(theirs, name), rtol=1e-12), name


def projected_rows(monkeypatch) -> list:
    """The ``rows`` of every projection the engine makes from now on (None: every row)."""
    runs = []
    real = calculate_module.do_nothing
    monkeypatch.setattr(calculate_module, "do_nothing", lambda p, rows=None: runs.append(rows) or real(p, rows))
    return runs


@settings(max_examples=60, deadline=None)
@given(plans(), st.data())
def test_an_edited_row_spliced_in_equals_a_full_recompute(plan, data):
    engine = Engine()
    engine.rows_afresh = 1.0  # small plans: always splice
    sum_totals(engine.compute(plan))
    shape = plan.baseline.spend_pence.shape
    cell = tuple(data.draw(st.integers(0, n - 1)) for n in shape)
    spend = data.draw(st.integers(0, 10**11))
    activity = data.draw(st.floats(0, 1e6))
    edited = edits.set_baseline_cell(plan, *cell, spend_pence=spend, activity=activity).plan
    between = engine.compute(edited)
    if data.draw(st.booleans()):
        sum_totals(between)  # the totals read, the cubes not: the next splice patches patches
    cell = tuple(data.draw(st.integers(0, n - 1)) for n in shape)
    edited = edits.set_baseline_cell(edited, *cell, spend_pence=data.draw(st.integers(0, 10**11))).plan
    assert_same(engine.compute(edited), compute(edited))


def test_a_typed_cell_on_the_national_plan_reruns_one_row(monkeypatch):
    plan = build_sample("national")
    engine = Engine()
    sum_totals(engine.compute(plan))
    runs = projected_rows(monkeypatch)
    cell = (plan.service_index[plan.services[7].code], 11, plan.setting_index["inpatient"])
    edited = edits.set_baseline_cell(plan, *cell, spend_pence=int(plan.baseline.spend_pence[cell]) * 2).plan
    incremental = engine.compute(edited)
    assert [r.tolist() for r in runs] == [[7]]
    assert_same(incremental, compute(edited))
    # The spliced cubes stay settings-major, as levers and sums over settings expect.
    for cube in (incremental.do_nothing.spend, incremental.scenarios[-1].spend, incremental.scenarios[-1].activity):
        assert np.moveaxis(cube, 2, 0).flags.c_contiguous
    # Many rows at once start afresh.
    runs.clear()
    doubled = edited.replace(baseline=type(edited.baseline)(edited.baseline.spend_pence * 2, edited.baseline.activity))
    afresh = engine.compute(doubled)
    assert runs == [None]
    assert_same(afresh, compute(doubled))


@settings(max_examples=60, deadline=None)
@given(plans(), st.data())
def test_a_planning_level_changed_reruns_its_row_to_the_same_pence(plan, data):
    engine = Engine()
    engine.rows_afresh = 1.0
    sum_totals(engine.compute(plan))
    service = data.draw(st.sampled_from(plan.services))
    level = data.draw(st.sampled_from(["national", "regional", "ics"]))
    edited = edits.set_planning_level(plan, service.code, level).plan
    if data.draw(st.booleans()):  # and a base-year cell at once
        cell = tuple(data.draw(st.integers(0, n - 1)) for n in plan.baseline.spend_pence.shape)
        edited = edits.set_baseline_cell(edited, *cell, spend_pence=data.draw(st.integers(0, 10**9))).plan
    assert_same(engine.compute(edited), compute(edited))


def test_a_planning_level_changed_on_the_national_plan_reruns_one_row(monkeypatch):
    plan = build_sample("national")
    engine = Engine()
    sum_totals(engine.compute(plan))
    runs = projected_rows(monkeypatch)
    code = plan.services[40].code
    edited = edits.set_planning_level(plan, code, "national").plan
    incremental = engine.compute(edited)
    assert [r.tolist() for r in runs] == [[40]]
    assert_same(incremental, compute(edited))
    # Anything else about a service (its name, say) starts afresh.
    runs.clear()
    services = list(edited.services)
    services[3] = dataclasses.replace(services[3], name="Renamed")
    engine.compute(edited.replace(services=tuple(services)))
    assert runs == [None]



def test_two_threads_reading_a_spliced_cube_at_once_both_get_it():
    from concurrent.futures import ThreadPoolExecutor

    plan = build_sample("national")
    engine = Engine()
    engine.compute(plan)
    for n in range(10):
        plan = edits.set_baseline_cell(plan, 3, 4, 0, spend_pence=123_456 + n).plan
        result = engine.compute(plan).scenarios[-1]
        assert result.deferred("spend") is not None

        def read(_n, result=result):
            return result.spend
        with ThreadPoolExecutor(4) as pool:
            cubes = list(pool.map(read, range(8)))
        assert result.deferred("spend") is None
        assert all(np.array_equal(cube, cubes[0]) for cube in cubes)
    assert np.array_equal(result.spend, compute(plan).scenarios[-1].spend)

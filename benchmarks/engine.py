"""Engine speed on the national-scale sample plan, next to a raw numpy baseline of the same size.

    python benchmarks/engine.py [--repeat N]

Prints medians (ms) of: the raw baseline (a plain vectorised shift-and-aggregate over the same
cube), a full recompute (do nothing and every option, every output), a single-lever edit
(one option recomputed, the rest reused), a base-year cell edit (the changed service row rerun
in every option) and the sensitivity tornado of one option.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

import numpy as np

from specplan.domain.samples import build_sample
from specplan.engine import Engine, compute
from specplan.tuning import tune_allocator


def median_ms(function, repeat: int) -> float:
    function()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def raw_baseline(spend0: np.ndarray, years: int):
    """Grow the cube, move 20% of inpatient to community linearly, total by setting and ICB."""
    growth = np.cumprod(np.full(years, 1.03)) / 1.03
    phasing = np.linspace(0.0, 1.0, years)

    def run():
        spend = np.rint(spend0[..., None] * growth).astype(np.int64)
        released = np.rint(0.2 * phasing * spend[:, :, 0, :]).astype(np.int64)
        spend[:, :, 0, :] -= released
        spend[:, :, 3, :] += np.rint(0.6 * released).astype(np.int64)
        return spend.sum(axis=(0, 1)), spend.sum(axis=2).sum(axis=0)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    tune_allocator()  # as the app and the CLI do; it speeds the raw baseline alike
    plan = build_sample("national")
    cells = plan.baseline.spend_pence.size * (plan.horizon + 1)
    print(f"plan: {plan.name}: {len(plan.services)} services x {len(plan.icbs)} ICBs x "
          f"{len(plan.settings)} settings x {plan.horizon + 1} years = {cells:,} cells, "
          f"{len(plan.scenarios)} options")

    raw = median_ms(raw_baseline(plan.baseline.spend_pence, plan.horizon + 1), args.repeat)

    def full():
        results = compute(plan)
        return [(r.distance_by_region, r.total_beds, r.community_share, r.spend_by_service)
                for r in results.scenarios]  # every output the summary and views use
    full_ms = median_ms(full, args.repeat)

    engine = Engine()
    engine.compute(plan)
    scenario = plan.scenarios[1]
    lever = scenario.levers[0]
    shares = iter(np.linspace(0.05, 0.95, 10_000))

    def one_lever():
        edited = dataclasses.replace(scenario, levers=(dataclasses.replace(lever, target_share=next(shares)),))
        engine.compute(plan.replace_scenario(scenario.name, edited))
    edit_ms = median_ms(one_lever, args.repeat)

    from specplan.domain import edits

    cell = (7, 11, plan.setting_index["inpatient"])
    typed = iter(range(10_000))
    state = {"plan": plan}
    engine.compute(plan)

    def base_cell():
        """One base-year cell typed, and the England totals a view reads."""
        state["plan"] = edits.set_baseline_cell(state["plan"], *cell, spend_pence=1_000_000 + next(typed)).plan
        for result in engine.compute(state["plan"]).scenarios:
            _ = result.spend_by_setting, result.total("saving"), result.total_beds
    cell_ms = median_ms(base_cell, args.repeat)

    from specplan.engine.sensitivity import tornado

    bars = len(tornado(plan, "Ambitious redesign").bars)
    tornado_ms = median_ms(lambda: tornado(plan, "Ambitious redesign"), max(3, args.repeat // 3))
    # Five shift levers: 20 lever bars and 3 growth bars.
    from specplan.domain import Scenario, ShiftLever

    five = Scenario("Five levers", tuple(
        ShiftLever(target_share=0.05 * (n + 1), reinvest_share=0.5, double_running_share=0.3,
                   from_setting=("inpatient", "outpatient")[n % 2], to_setting="community")
        for n in range(5)))
    wide = plan.replace(scenarios=(*plan.scenarios, five))
    wide_bars = len(tornado(wide, "Five levers").bars)
    wide_ms = median_ms(lambda: tornado(wide, "Five levers"), max(3, args.repeat // 3))
    sequential_ms = median_ms(lambda: [compute(plan) for _ in range(2 * bars)], 1) / 4  # one option of four

    print(f"raw numpy shift-and-aggregate (baseline): {raw:8.1f} ms")
    print(f"full recompute, all options:              {full_ms:8.1f} ms  ({full_ms / raw:.1f}x baseline)")
    print(f"single-lever edit:                        {edit_ms:8.1f} ms  ({edit_ms / raw:.1f}x baseline)")
    print(f"base-year cell edit, totals read:         {cell_ms:8.1f} ms  ({cell_ms / raw:.1f}x baseline)")
    print(f"tornado, {bars} bars, one batch:             {tornado_ms:8.1f} ms  "
          f"(one recompute per variant would take about {sequential_ms:.0f} ms)")
    print(f"tornado, {wide_bars} bars (five shift levers):   {wide_ms:8.1f} ms")
    print("goals: full recompute within 10x baseline and under 20 ms; tornado of 20 bars under 200 ms")


if __name__ == "__main__":
    main()

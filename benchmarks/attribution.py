"""Exact attribution of a 10-lever option on the national sample: every one of the 1,024
coalitions as one batch, against a separate recompute per coalition (the way it used to run).

    python benchmarks/attribution.py [--repeat N]

Goal: the batch under 2 s and at least 5x faster than the separate recomputes.
"""

from __future__ import annotations

import argparse
import statistics
import time

from specplan.domain import Phasing, Scenario, ShiftLever
from specplan.domain.samples import build_sample
from specplan.engine import Engine
from specplan.engine.attribution import attribute
from specplan.engine.coalitions import coalition_values, metric_of
from specplan.tuning import tune_allocator

N_LEVERS = 10


def ten_lever_plan():
    """The national sample with an option of ten shift levers, each on a different service."""
    plan = build_sample("national")
    phasings = ("linear", "front_loaded", "s_curve")
    levers = tuple(
        ShiftLever(target_share=0.05 + 0.03 * n, reinvest_share=0.5, double_running_share=0.2 * (n % 2),
                   phasing=Phasing(phasings[n % 3]), services=(service.code,))
        for n, service in enumerate(plan.services[:: len(plan.services) // N_LEVERS][:N_LEVERS]))
    return plan.replace(scenarios=(*plan.scenarios, Scenario("Ten levers", levers)))


def separately(plan, option, coalitions, metric, year):
    engine, levers = Engine(), plan.scenario(option).levers
    return [metric_of(engine.compute_scenario(plan, Scenario(option, tuple(
        lever for lever, on in zip(levers, members) if on))), metric, year) for members in coalitions]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tune_allocator()
    plan = ten_lever_plan()
    coalitions = [tuple(bool(bits >> n & 1) for n in range(N_LEVERS)) for bits in range(2 ** N_LEVERS)]
    year = plan.horizon
    for metric in ("cumulative_saving", "spend"):
        batch_times, alone_times = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            batched = coalition_values(plan, "Ten levers", coalitions, metric, year)
            batch_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        alone = separately(plan, "Ten levers", coalitions, metric, year)
        alone_times.append(time.perf_counter() - start)
        assert list(batched) == alone, "the batch must give the separate runs' pence"
        batch_s, alone_s = statistics.median(batch_times), statistics.median(alone_times)
        print(f"{metric:>18}: 1,024 coalitions as one batch {batch_s * 1e3:8.0f} ms; "
              f"1,024 separate recomputes {alone_s * 1e3:8.0f} ms ({alone_s / batch_s:.1f}x)")
    start = time.perf_counter()
    result = attribute(plan, "Ten levers")
    print(f"attribute(), exact, 10 levers: {(time.perf_counter() - start) * 1e3:.0f} ms, "
          f"total {result.total:,} p = sum of contributions {sum(c.value for c in result.contributions):,} p")
    print("goal: the batch under 2 s and at least 5x faster than separate recomputes")


if __name__ == "__main__":
    main()

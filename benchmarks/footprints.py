"""Re-mapping speed: the national plan on the 42 ICBs of 2022 onto the 36 of 2026, next to a raw
numpy baseline of the same splits in the same run.

    python benchmarks/footprints.py [--repeat N]

Prints medians (ms) of: the raw baseline (float quotas of each cell over its ICB's successors,
largest remainder by an argsort, parts added onto the new ICBs with ``np.add.at``), the split
alone as specplan does it (exact int64), and the whole ``remap`` (split, weights, growth,
lever scopes, the new plan validated, the report with every reconciliation row).
Goal: the whole re-mapping within 3x the baseline and under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from specplan.domain.reference import load_reference
from specplan.domain.samples import national
from specplan.domain.user_vintages import load_vintages
from specplan.engine.remap import remap
from specplan.engine.remap_split import gather, split_spend
from specplan.tuning import tune_allocator


def median_ms(function, repeat: int) -> float:
    function()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def successor_arrays(plan, target):
    """``to_index[i, g]`` and ``units[i, g]`` (shares in 1e-9) of each old ICB's successors."""
    codes = [icb.code for icb in target.icbs]
    steps = [target.successors(icb.code) for icb in plan.icbs]
    width = max(map(len, steps))
    to_index = np.zeros((len(plan.icbs), width), np.int64)
    units = np.zeros((len(plan.icbs), width), np.int64)
    for i, successors in enumerate(steps):
        for g, step in enumerate(successors):
            to_index[i, g], units[i, g] = codes.index(step.to_code), step.share_units
    return to_index, units, len(codes)


def raw_baseline(spend0: np.ndarray, to_index: np.ndarray, units: np.ndarray, n_new: int):
    share = units / 1e9

    def run():
        quota = spend0[:, :, None, :] * share[None, :, :, None]
        base = np.floor(quota)
        short = spend0 - base.sum(axis=2).astype(np.int64)
        order = np.argsort(-(quota - base), axis=2, kind="stable")
        rank = np.argsort(order, axis=2)
        parts = base.astype(np.int64) + (rank < short[:, :, None, :])
        out = np.zeros((spend0.shape[0], n_new, spend0.shape[2]), np.int64)
        for g in range(units.shape[1]):
            np.add.at(out, (slice(None), to_index[:, g], slice(None)), parts[:, :, g, :] * (units[:, g] > 0)[None, :, None])
        return out

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    tune_allocator()
    plan = national(load_reference(), "2022-07")
    target = load_vintages().get("2026-04")
    to_index, units, n_new = successor_arrays(plan, target)
    print(f"plan: {plan.name} on {plan.vintage}: {len(plan.services)} services x {len(plan.icbs)} ICBs x "
          f"{len(plan.settings)} settings = {plan.baseline.spend_pence.size:,} cells -> {n_new} ICBs of {target.code}")

    raw = raw_baseline(plan.baseline.spend_pence, to_index, units, n_new)
    raw_ms = median_ms(raw, args.repeat)
    split_ms = median_ms(lambda: gather(split_spend(plan.baseline.spend_pence, units, 10**9), to_index, units, n_new),
                         args.repeat)
    vintages = load_vintages()
    remap_ms = median_ms(lambda: remap(plan, "2026-04", vintages), args.repeat)
    new, report = remap(plan, "2026-04", vintages)
    differ = int((raw() != new.baseline.spend_pence).sum())

    print(f"raw numpy float largest remainder (baseline): {raw_ms:8.1f} ms")
    print(f"specplan exact int64 split and gather:        {split_ms:8.1f} ms  ({split_ms / raw_ms:.1f}x baseline)")
    print(f"whole remap (plan, weights, growth, report):  {remap_ms:8.1f} ms  ({remap_ms / raw_ms:.1f}x baseline)")
    print(f"base-year total {plan.baseline.total_pence:,} p before, {new.baseline.total_pence:,} p after; "
          f"{len(report.reconciliation)} service/setting and {len(report.by_region)} region rows "
          f"{'reconcile' if report.reconciles else 'DO NOT reconcile'}; "
          f"{differ} new cells differ from the float baseline")
    print("goal: the whole re-mapping within 3x the baseline and under 1 s")


if __name__ == "__main__":
    main()

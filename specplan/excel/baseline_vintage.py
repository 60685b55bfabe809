"""A finance sheet keyed by the ICBs of the vintage before the plan's (a ledger still on the 42
ICBs of 2022 for a plan on the 36 of 2026): read it onto those old ICBs, then re-map it exactly
as ``specplan-cli remap`` would, and say so in the import's warnings.

Kept apart from the importer, which calls :func:`earlier_plan` once the sheet is chosen and
:func:`remapped` after reading the rows.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..domain import Baseline, Plan, Scenario
from ..domain.user_vintages import load_vintages
from ..domain.vintages import Vintage
from .errors import fail
from .headers import Layout
from .names import Vocabulary
from .reader import Sheet, is_blank
from .report import ImportReport


def earlier_plan(plan: Plan, sheet: Sheet, layout: Layout, aliases: dict | None) -> Plan | None:
    """An empty plan on the previous vintage's ICBs when the sheet names ICBs of that vintage
    and none that only the plan's own vintage has; otherwise None (an ordinary import)."""
    column = layout.columns.get("icb")
    vintages = load_vintages()
    if column is None or plan.vintage not in vintages.codes:
        return None
    current = vintages.get(plan.vintage)
    if current.previous is None:
        return None
    old = _old_plan(plan, vintages.get(current.previous), current)
    now, then = Vocabulary(plan, aliases), Vocabulary(old, aliases)
    only_old = only_new = 0
    for row in sheet.rows[layout.header_row + 1:]:
        value = row[column] if column < len(row) else ""
        if is_blank(value):
            continue
        in_new, in_old = now.resolve("icb", value)[0] is not None, then.resolve("icb", value)[0] is not None
        only_old += in_old and not in_new
        only_new += in_new and not in_old
    return old if only_old and not only_new else None


def _old_plan(plan: Plan, previous: Vintage, current: Vintage) -> Plan:
    wanted = {s.from_code for icb in plan.icbs for s in current.predecessors(icb.code)}
    icbs = tuple(icb for icb in previous.icbs if icb.code in wanted)
    regions = {icb.region for icb in icbs}
    shape = (len(plan.services), len(icbs), len(plan.settings))
    return Plan(name=plan.name, base_year=plan.base_year, horizon=plan.horizon,
                regions=tuple(r for r in plan.regions if r.code in regions), icbs=icbs, services=plan.services,
                settings=plan.settings, baseline=Baseline.zeros(*shape), vintage=previous.code,
                scenarios=(Scenario("Do nothing"),))


def remapped(plan: Plan, imported: Plan, report: ImportReport, layout: Layout) -> tuple[Plan, ImportReport]:
    """``plan`` with the baseline read onto the old ICBs (``imported``) re-mapped to its vintage."""
    from ..engine.remap import remap

    moved, remap_report = remap(imported, plan.vintage)
    outside = [icb.code for n, icb in enumerate(moved.icbs)
               if icb.code not in plan.icb_index and moved.baseline.spend_pence[:, n, :].any()]
    if outside:
        fail(report.file, f"the sheet's ICBs of vintage {imported.vintage} re-map partly to "
                          f"{', '.join(outside)}, which this plan (vintage {plan.vintage}) does not have", report.sheet)
    order = [moved.icb_index.get(icb.code) for icb in plan.icbs]
    spend = np.zeros(plan.baseline.shape, np.int64)
    activity = np.zeros(plan.baseline.shape)
    for i, n in enumerate(order):
        if n is not None:
            spend[:, i, :] = moved.baseline.spend_pence[:, n, :]
            activity[:, i, :] = moved.baseline.activity[:, n, :]
    if "activity" not in layout.columns and not layout.activity_by_setting:
        activity = plan.baseline.activity.copy()  # the importer kept the plan's activity
    splits = "; ".join(f"{code} to " + ", ".join(f"{d.to} {float(d.share):.2%}" for d in parts)
                       for code, parts in remap_report.icbs.items() if len(parts) > 1 or parts[0].to != code)
    note = (f"the sheet names ICBs of vintage {imported.vintage}: its figures were re-mapped to the plan's vintage "
            f"{plan.vintage} by the largest remainder of each cell's pence" + (f" ({splits})" if splits else ""))
    result = plan.replace(baseline=Baseline(spend, activity))
    return result, dataclasses.replace(report, previous_total_pence=plan.baseline.total_pence,
                                       total_pence=result.baseline.total_pence, warnings=[*report.warnings, note])

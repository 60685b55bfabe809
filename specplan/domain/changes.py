"""Change flags: what an edit changed, so the engine reruns and the views redraw only that.

Anki's ``OpChanges`` is the model: every operation returns a small record, and each consumer
asks only about the parts it cares about. Plans are immutable and share unchanged parts, so the
record can always be worked out by comparing two plans (:func:`changes_between`, cheap because
unchanged parts are the same objects); an edit that knows better says so itself.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TypedDict

import numpy as np

from .plan import Plan
from .scenario import Scenario


@dataclass(frozen=True)
class Changes:
    """What changed between two plans. Empty sets and False mean "not changed".

    - ``lever_values``: options whose lever numbers changed (shares, ratios, phasing, scope),
      their lever list otherwise the same;
    - ``option_structure``: options whose levers were added, removed, reordered or changed kind,
      or which were added, renamed or described anew;
    - ``options``: the list of options itself (added, removed, renamed, reordered);
    - ``baseline_rows``: service positions whose base-year cells changed;
    - ``growth``, ``footprints`` (regions, ICBs, weights, planning levels, the plan's own
      footprints and their groups), ``services`` (the
      service lines and settings), ``settings`` (horizon, base year, occupancy, viability);
    - ``review``: scores, criteria, statuses and comments (no figure of the engine changes);
    - ``everything``: anything else (a whole new plan, an import): redo it all.
    """

    lever_values: frozenset[str] = frozenset()
    option_structure: frozenset[str] = frozenset()
    options: bool = False
    baseline_rows: frozenset[int] = frozenset()
    growth: bool = False
    footprints: bool = False
    services: bool = False
    settings: bool = False
    review: bool = False
    description: bool = False
    everything: bool = False

    # -- questions consumers ask -------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return self == NOTHING

    @property
    def structure(self) -> bool:
        """The projection and index must be rebuilt (not just some rows or some options)."""
        return self.everything or self.growth or self.footprints or self.services or self.settings

    @property
    def figures(self) -> bool:
        """Any figure the engine works out may have changed."""
        return self.structure or bool(self.lever_values or self.option_structure or self.options
                                      or self.baseline_rows)

    @property
    def review_only(self) -> bool:
        """Only scores, statuses, comments (or descriptions) changed: no figure moves."""
        return not self.figures and not self.is_empty

    def options_touched(self) -> frozenset[str]:
        """Options whose results may differ (every option when the structure changed)."""
        return self.lever_values | self.option_structure

    def affects_option(self, name: str) -> bool:
        return self.structure or bool(self.baseline_rows) or name in self.options_touched()

    def __or__(self, other: Changes) -> Changes:
        merged = {}
        for item in dataclasses.fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            merged[item.name] = mine | theirs
        return Changes(**merged)


class _Flags(TypedDict, total=False):
    """The fields of :class:`Changes` that a comparison has found changed."""

    lever_values: frozenset[str]
    option_structure: frozenset[str]
    options: bool
    baseline_rows: frozenset[int]
    growth: bool
    footprints: bool
    services: bool
    settings: bool
    review: bool
    description: bool
    everything: bool


NOTHING = Changes()
EVERYTHING = Changes(everything=True)


def changes_between(before: Plan, after: Plan) -> Changes:
    """The change flags of going from ``before`` to ``after`` (either direction of an undo)."""
    if before is after:
        return NOTHING
    flags: _Flags = {}
    if before.name != after.name or before.description != after.description:
        flags["description"] = True
    if before.growth != after.growth:
        flags["growth"] = True
    if (before.regions != after.regions or before.icbs != after.icbs or before.vintage != after.vintage
            or before.footprints != after.footprints):
        flags["footprints"] = True
    if before.services != after.services or before.settings != after.settings:
        if _levels_only(before, after):
            flags["footprints"] = True
        else:
            flags["services"] = True
    if (before.horizon, before.base_year, before.occupancy_default, before.occupancy_mental_health,
            before.viability_max_variation) != (after.horizon, after.base_year, after.occupancy_default,
                                                after.occupancy_mental_health, after.viability_max_variation):
        flags["settings"] = True
    if before.appraisal != after.appraisal or before.review != after.review:
        flags["review"] = True
    if before.baseline is not after.baseline:
        rows = _baseline_rows(before, after)
        if rows is None:
            flags["everything"] = True
        elif rows:
            flags["baseline_rows"] = rows
    if before.scenarios != after.scenarios:
        flags.update(_scenario_changes(before.scenarios, after.scenarios))
    return Changes(**flags)


def _levels_only(before: Plan, after: Plan) -> bool:
    """Only services' planning levels changed (their pools follow: a footprint change)."""
    if before.settings != after.settings or len(before.services) != len(after.services):
        return False
    return all(dataclasses.replace(new, planning_level=old.planning_level) == old
               for old, new in zip(before.services, after.services))


def _baseline_rows(before: Plan, after: Plan) -> frozenset[int] | None:
    old, new = before.baseline, after.baseline
    if old.shape != new.shape:
        return None
    spend = (old.spend_pence != new.spend_pence).any(axis=(1, 2))
    activity = (old.activity != new.activity).any(axis=(1, 2))
    return frozenset(int(n) for n in np.flatnonzero(spend | activity))


def _scenario_changes(before: tuple[Scenario, ...], after: tuple[Scenario, ...]) -> _Flags:
    flags: _Flags = {}
    if [s.name for s in before] != [s.name for s in after]:
        flags["options"] = True
    old = {s.name: s for s in before}
    values: set[str] = set()
    structure: set[str] = set()
    for scenario in after:
        was = old.get(scenario.name)
        if was is None:
            structure.add(scenario.name)
        elif was != scenario:
            if was.description != scenario.description and was.levers == scenario.levers:
                flags["description"] = True
            elif [type(lever) for lever in was.levers] == [type(lever) for lever in scenario.levers]:
                values.add(scenario.name)
            else:
                structure.add(scenario.name)
    if values:
        flags["lever_values"] = frozenset(values)
    if structure:
        flags["option_structure"] = frozenset(structure)
    return flags

"""Edits of a plan's own footprints: create, rename and delete one, add, rename and delete a
group, move an ICB between groups. Each makes a new Plan (validated again) and says what it
did; services and planning-level levers that name a footprint follow it when it is renamed."""

from __future__ import annotations

import dataclasses

from .edits import Edit, remove_lever
from .errors import ValidationError, check
from .footprints import Footprint, FootprintGroup, PlanningLevel
from .levers import PlanningLevelLever
from .plan import Plan
from .reference import load_reference

#: Where a service goes back to when its footprint is deleted and the reference catalogue
#: does not know it: most delegated specialised services are planned regionally.
FALLBACK_LEVEL = PlanningLevel.REGIONAL


def create_footprint(plan: Plan, name: str, like: str | None = None) -> Edit:
    """A new footprint called ``name``: a copy of the groups of footprint ``like`` (a built-in,
    such as regional, or one of the plan's own), or else one group holding every ICB."""
    if like is None:
        footprint = Footprint(name, (FootprintGroup("All ICBs", tuple(i.code for i in plan.icbs)),))
        text = f"Create footprint {name!r}"
    else:
        footprint = dataclasses.replace(plan.footprint(like), name=name)
        text = f"Create footprint {name!r} from {like}"
    return Edit(plan.replace(footprints=(*plan.footprints, footprint)), text)


def rename_footprint(plan: Plan, old: str, new: str) -> Edit:
    """Rename a footprint; services and levers planned on it follow."""
    footprint = _own(plan, old)
    check(new == old or new not in plan.footprint_names, "footprint name", new, "a name no other footprint has")
    renamed = dataclasses.replace(footprint, name=new)
    footprints = tuple(renamed if f.name == old else f for f in plan.footprints)
    services = tuple(dataclasses.replace(s, planning_level=new) if s.planning_level == old else s
                     for s in plan.services)
    scenarios = tuple(dataclasses.replace(sc, levers=tuple(
        dataclasses.replace(lv, level=new) if isinstance(lv, PlanningLevelLever) and lv.level == old else lv
        for lv in sc.levers)) for sc in plan.scenarios)
    # One replace: the services and levers must never name a footprint that is not there.
    return Edit(plan.replace(footprints=footprints, services=services, scenarios=scenarios),
                f"Rename footprint {old!r} to {new!r}")


def delete_footprint(plan: Plan, name: str) -> Edit:
    """Delete a footprint. Services planned on it go back to their reference level (the
    catalogue's, else regional); planning-level levers onto it are removed. The text says so."""
    _own(plan, name)
    reference = {s.code: s.planning_level for s in load_reference().services}
    moved = {s.code: reference.get(s.code, FALLBACK_LEVEL) for s in plan.services if s.planning_level == name}
    services = tuple(dataclasses.replace(s, planning_level=moved[s.code]) if s.code in moved else s
                     for s in plan.services)
    # The footprint stays until its levers are gone, so each intermediate plan is valid.
    plan = plan.replace(services=services)
    removed = 0
    for scenario in plan.scenarios:
        for position in reversed(range(len(scenario.levers))):
            lever = scenario.levers[position]
            if isinstance(lever, PlanningLevelLever) and lever.level == name:
                plan = remove_lever(plan, scenario.name, position).plan
                removed += 1
    plan = plan.replace(footprints=tuple(f for f in plan.footprints if f.name != name))
    notes = []
    if moved:
        notes.append(", ".join(f"{code} back to {level}" for code, level in moved.items()))
    if removed:
        notes.append(f"{removed} planning-level lever{'s' if removed > 1 else ''} on it removed")
    return Edit(plan, f"Delete footprint {name!r}" + (f" ({'; '.join(notes)})" if notes else ""))


def add_group(plan: Plan, footprint: str, group: str, icbs: tuple[str, ...]) -> Edit:
    """A new group in ``footprint`` holding ``icbs``, moved out of the groups they were in
    (a group must never be empty, so a new one starts with its first ICBs)."""
    own = _own(plan, footprint)
    check(group not in own.group_names, f"footprint {footprint!r} group name", group, "a name no other group has")
    check(bool(icbs), f"footprint {footprint!r} group {group!r}", icbs, "at least one ICB to start with")
    groups = [dataclasses.replace(g, icbs=tuple(c for c in g.icbs if c not in icbs)) for g in own.groups]
    new = dataclasses.replace(own, groups=(*groups, FootprintGroup(group, tuple(icbs))))
    return Edit(_with_footprint(plan, footprint, new), f"Add group {group!r} to footprint {footprint!r}")


def rename_group(plan: Plan, footprint: str, old: str, new: str) -> Edit:
    own = _own(plan, footprint)
    own.group(old)
    check(new == old or new not in own.group_names, f"footprint {footprint!r} group name", new,
          "a name no other group has")
    groups = tuple(dataclasses.replace(g, name=new) if g.name == old else g for g in own.groups)
    return Edit(_with_footprint(plan, footprint, dataclasses.replace(own, groups=groups)),
                f"Rename group {old!r} of footprint {footprint!r} to {new!r}")


def delete_group(plan: Plan, footprint: str, group: str, into: str | None = None) -> Edit:
    """Delete a group; its ICBs join group ``into`` (the first other group unless given)."""
    own = _own(plan, footprint)
    doomed = own.group(group)
    others = [g for g in own.groups if g.name != group]
    check(bool(others), f"footprint {footprint!r} group", group,
          "a group of a footprint with other groups (delete the footprint instead)")
    into = into or others[0].name
    own.group(into)
    groups = tuple(dataclasses.replace(g, icbs=g.icbs + doomed.icbs) if g.name == into else g for g in others)
    return Edit(_with_footprint(plan, footprint, dataclasses.replace(own, groups=groups)),
                f"Delete group {group!r} of footprint {footprint!r} (its ICBs join {into!r})")


def move_icb(plan: Plan, footprint: str, icb: str, group: str) -> Edit:
    """Move ICB ``icb`` into ``group`` of ``footprint`` (refused if that empties its group)."""
    return move_icbs(plan, footprint, (icb,), group)


def move_icbs(plan: Plan, footprint: str, icbs: tuple[str, ...], group: str) -> Edit:
    """Move ICBs into ``group`` of ``footprint`` as one edit (a drag of several rows)."""
    own = _own(plan, footprint)
    own.group(group)
    for code in icbs:
        check(code in plan.icb_index, "ICB", code, "an ICB code of this plan")
    moving = tuple(c for c in icbs if own.group_of(c) != group)
    if not moving:
        raise ValidationError(f"ICB {', '.join(icbs)}", group, "a group it is not already in")
    groups = tuple(dataclasses.replace(g, icbs=tuple(c for c in g.icbs if c not in moving)
                                       + (moving if g.name == group else ()))
                   for g in own.groups)
    what = moving[0] if len(moving) == 1 else f"{len(moving)} ICBs"
    return Edit(_with_footprint(plan, footprint, dataclasses.replace(own, groups=groups)),
                f"Move {what} to {group!r} in footprint {footprint!r}")


def _own(plan: Plan, name: str) -> Footprint:
    """One of the plan's own footprints (built-ins cannot be edited)."""
    for footprint in plan.footprints:
        if footprint.name == name:
            return footprint
    own = ", ".join(repr(f.name) for f in plan.footprints) or "none yet"
    raise ValidationError("footprint", name, f"one of the plan's own footprints ({own}); built-ins cannot be edited")


def _with_footprint(plan: Plan, name: str, footprint: Footprint) -> Plan:
    return plan.replace(footprints=tuple(footprint if f.name == name else f for f in plan.footprints))


"""The change log: who changed what and when, with the old and new value, in words.

:func:`diff_plans` compares the plan as last saved with the plan being saved and describes each
difference as a person would (``ICB QJ2 population: 928,090 -> 950,000``). Baseline edits are
logged per cell; a mass change (an import) is logged as one line per measure with the totals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import SupportsFloat, SupportsInt

import numpy as np

from ..domain import Comment, GrowthRate, Lever, Plan, Scenario, Score, ShiftLever
from ..domain.words import plural
from .locks import current_user

#: More changed baseline cells than this are summarised in one entry per measure.
MAX_CELL_ENTRIES = 50
_PLAN_FIELDS = ("name", "base_year", "horizon", "description", "occupancy_default",
                "occupancy_mental_health", "viability_max_variation", "vintage")
#: The differences found so far: what, the old value and the new one (None: absent).
_Found = list[tuple[str, object, object]]


@dataclass(frozen=True)
class ChangeEntry:
    what: str
    old: str | None
    new: str | None
    who: str = field(default_factory=current_user)
    when: datetime = field(default_factory=lambda: datetime.now(UTC))

    def row(self) -> dict[str, str | None]:
        return {"at": self.when.astimezone(UTC).isoformat(timespec="seconds"), "user": self.who,
                "what": self.what, "old_value": self.old, "new_value": self.new}

    def describe(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M} {self.who}: {self.what}: {self.old or '-'} -> {self.new or '-'}"


def diff_plans(old: Plan, new: Plan) -> list[ChangeEntry]:
    """Readable entries for every difference between ``old`` and ``new`` (empty if equal)."""
    out: _Found = []
    for name in _PLAN_FIELDS:
        _compare(out, name.replace("_", " "), getattr(old, name), getattr(new, name))
    _compare(out, "settings", ", ".join(old.settings), ", ".join(new.settings))
    _keyed(out, "region", {r.code: r for r in old.regions}, {r.code: r for r in new.regions})
    _keyed(out, "ICB", {i.code: i for i in old.icbs}, {i.code: i for i in new.icbs})
    _keyed(out, "service", {s.code: s for s in old.services}, {s.code: s for s in new.services})
    _keyed(out, "growth", {_rate_key(r): r.rate for r in old.growth.rates},
           {_rate_key(r): r.rate for r in new.growth.rates})
    _scenarios(out, old, new)
    _appraisal_and_review(out, old, new)
    _baseline(out, old, new)
    when, who = datetime.now(UTC), current_user()
    return [ChangeEntry(what, _text(a), _text(b), who, when) for what, a, b in out]


def _compare(out: _Found, what: str, old: object, new: object) -> None:
    if old != new:
        out.append((what, old, new))


def _keyed(out: _Found, kind: str, old: Mapping[str, object], new: Mapping[str, object]) -> None:
    for key in (k for k in old if k not in new):
        out.append((f"{kind} {key} removed", _describe(old[key]), None))
    for key in (k for k in new if k not in old):
        out.append((f"{kind} {key} added", None, _describe(new[key])))
    for key in (k for k in new if k in old):
        a, b = old[key], new[key]
        if a == b:
            continue
        if hasattr(a, "__dataclass_fields__"):
            for name in a.__dataclass_fields__:
                _compare(out, f"{kind} {key} {name.replace('_', ' ')}", getattr(a, name), getattr(b, name))
        else:
            out.append((f"{kind} {key}", a, b))


def _rate_key(rate: GrowthRate) -> str:
    year = "every year" if rate.year is None else f"year {rate.year}"
    return f"{rate.kind.replace('_', '-')} {rate.code or 'plan-wide'} {year}"


def _scenarios(out: _Found, old: Plan, new: Plan) -> None:
    before, after = {s.name: s for s in old.scenarios}, {s.name: s for s in new.scenarios}
    for name in (n for n in before if n not in after):
        out.append((f"option {name!r} removed", _levers(before[name]), None))
    for name in (n for n in after if n not in before):
        out.append((f"option {name!r} added", None, _levers(after[name])))
    for name in (n for n in after if n in before):
        a, b = before[name], after[name]
        _compare(out, f"option {name!r} description", a.description, b.description)
        for n in range(max(len(a.levers), len(b.levers))):
            la = a.levers[n] if n < len(a.levers) else None
            lb = b.levers[n] if n < len(b.levers) else None
            if la != lb:
                out.append((f"option {name!r} lever {n + 1}", _lever(la), _lever(lb)))
    if [s.name for s in old.scenarios if s.name in after] != [s.name for s in new.scenarios if s.name in before]:
        out.append(("order of options", ", ".join(before), ", ".join(after)))


def _appraisal_and_review(out: _Found, old: Plan, new: Plan) -> None:
    _keyed(out, "criterion", {c.name: c.weight for c in old.appraisal.criteria},
           {c.name: c.weight for c in new.appraisal.criteria})
    _keyed(out, "score", {f"of {s.option!r} on {s.criterion!r}": s for s in old.appraisal.scores},
           {f"of {s.option!r} on {s.criterion!r}": s for s in new.appraisal.scores})
    _keyed(out, "status of option", dict(old.review.statuses), dict(new.review.statuses))
    for comment in (c for c in old.review.comments if c not in new.review.comments):
        out.append((f"comment by {comment.author} on {_about(comment)} removed", comment.text, None))
    for comment in (c for c in new.review.comments if c not in old.review.comments):
        out.append((f"comment by {comment.author} on {_about(comment)} added", None, comment.text))


def _about(comment: Comment) -> str:
    return f"option {comment.option!r}" + (f" lever {comment.lever}" if comment.lever else "")


def _baseline(out: _Found, old: Plan, new: Plan) -> None:
    if old.baseline == new.baseline:
        return
    def layout(plan: Plan) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        return tuple(s.code for s in plan.services), tuple(i.code for i in plan.icbs), plan.settings
    if layout(old) != layout(new):  # cells moved: compare totals only
        out.append(("baseline spend total", _pounds(old.baseline.total_pence), _pounds(new.baseline.total_pence)))
        return
    show: Callable[[np.generic], str]
    for measure, a, b, show in (("spend", old.baseline.spend_pence, new.baseline.spend_pence, _pounds),
                                ("activity", old.baseline.activity, new.baseline.activity, _number)):
        changed = np.argwhere(a != b)
        if len(changed) > MAX_CELL_ENTRIES:
            out.append((f"baseline {measure}: {plural(len(changed), 'cell')} changed, total", show(a.sum()),
                        show(b.sum())))
            continue
        for s, i, k in changed:
            where = f"{new.services[s].code} / {new.icbs[i].code} / {new.settings[k]}"
            out.append((f"baseline {measure} {where}", show(a[s, i, k]), show(b[s, i, k])))


def _levers(scenario: Scenario) -> str:
    return "; ".join(lever.describe() for lever in scenario.levers) or "no levers"


def _lever(lever: Lever | None) -> str | None:
    if lever is None:
        return None
    scope = [f"services {', '.join(lever.services)}"] if lever.services else []
    icbs = lever.icbs if isinstance(lever, ShiftLever) else ()  # the one kind with an ICB scope
    scope += [f"ICBs {', '.join(icbs)}"] if icbs else []
    return lever.describe() + (f" [{'; '.join(scope)}]" if scope else "")


def _describe(value: object) -> str:
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return name
    if isinstance(value, Score):  # the number and why
        return f"{value.score}" + (f" ({value.rationale})" if value.rationale else "")
    return _text(value) or ""


def _pounds(pence: SupportsInt) -> str:
    return f"£{int(pence) / 100:,.2f}"


def _number(value: SupportsFloat) -> str:
    return f"{float(value):,.6g}"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:g}"
    if hasattr(value, "value") and isinstance(value.value, str):  # enums such as PlanningLevel
        return value.value
    return str(value)

"""What a re-mapping did, for the finance team to check: where each old ICB's money went, every
scope that widened, and the reconciliation of base-year spend (per service and setting, and per
region) before and after, which must agree to the penny."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple


@dataclass(frozen=True)
class Destination:
    """``spend_pence`` of the old ICB's base year went to ICB ``to`` (``share`` of its population)."""

    to: str
    share: Fraction
    spend_pence: int


class Reconciliation(NamedTuple):
    """Base-year spend of a service and setting (in one region, or England when ``region`` is None);
    a named tuple, as a national plan has thousands of these rows."""

    service: str
    setting: str
    before_pence: int
    after_pence: int
    region: str | None = None

    @property
    def agrees(self) -> bool:
        return self.before_pence == self.after_pence

    @property
    def difference_pence(self) -> int:
        """After less before: zero on every row of a sound re-mapping."""
        return self.after_pence - self.before_pence


@dataclass(frozen=True)
class RemapReport:
    from_vintage: str
    to_vintage: str
    icbs: dict[str, tuple[Destination, ...]]
    widened: tuple[str, ...]
    reconciliation: tuple[Reconciliation, ...]
    by_region: tuple[Reconciliation, ...]

    @property
    def reconciles(self) -> bool:
        return all(row.agrees for row in self.reconciliation + self.by_region)

    def totals(self) -> Reconciliation:
        """Base-year spend of the whole plan before and after (service and setting ``all``)."""
        return Reconciliation("all", "all", sum(r.before_pence for r in self.reconciliation),
                              sum(r.after_pence for r in self.reconciliation))

    def region_totals(self) -> tuple[Reconciliation, ...]:
        """Base-year spend of each region before and after, in the order regions first appear."""
        totals: dict[str, list[int]] = {}
        for row in self.by_region:
            pair = totals.setdefault(row.region or "", [0, 0])
            pair[0] += row.before_pence
            pair[1] += row.after_pence
        return tuple(Reconciliation("all", "all", b, a, region) for region, (b, a) in totals.items())

    def as_json(self) -> dict[str, object]:
        """The ``remap --json`` object (its keys are part of the command line's contract)."""
        return {
            "from_vintage": self.from_vintage,
            "to_vintage": self.to_vintage,
            "icbs": {code: [{"to": d.to, "share": float(d.share), "spend_pence": d.spend_pence} for d in parts]
                     for code, parts in self.icbs.items()},
            "widened": list(self.widened),
            "reconciliation": [{"service": r.service, "setting": r.setting, "before_pence": r.before_pence,
                                "after_pence": r.after_pence} for r in self.reconciliation],
        }

    def lines(self) -> list[str]:
        """The report in words: splits and merges first (unchanged ICBs in one line), then totals."""
        out = [f"Re-mapped from ICB vintage {self.from_vintage} to {self.to_vintage}."]
        same = [code for code, parts in self.icbs.items() if len(parts) == 1 and parts[0].to == code]
        for code, parts in self.icbs.items():
            if code in same:
                continue
            where = "; ".join(f"{d.to} {float(d.share):.4%} {_pounds(d.spend_pence)}" for d in parts)
            out.append(f"  {code} -> {where}")
        if same:
            out.append(f"  unchanged ({len(same)}): " + ", ".join(same))
        out += ["Widened scopes:"] + [f"  - {text}" for text in self.widened] if self.widened else \
            ["Widened scopes: none"]
        whole = self.totals()
        before, after = whole.before_pence, whole.after_pence
        bad = [r for r in self.reconciliation + self.by_region if not r.agrees]
        out.append(f"Base-year spend: {_pounds(before)} before, {_pounds(after)} after; "
                   f"{len(self.reconciliation)} service and setting rows and {len(self.by_region)} "
                   f"region rows {'all agree to the penny' if not bad else f'{len(bad)} DISAGREE'}")
        for row in self.region_totals():
            out.append(f"  {row.region}: {_pounds(row.before_pence)} before, {_pounds(row.after_pence)} after")
        return out


def _pounds(pence: int) -> str:
    sign = "-" if pence < 0 else ""
    pounds, p = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}.{p:02d}"

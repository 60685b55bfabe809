"""Phasing profiles: how much of a lever's target is reached by each year of the horizon."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import ValidationError, check

PHASING_KINDS = ("linear", "front_loaded", "s_curve", "custom")


@dataclass(frozen=True)
class Phasing:
    """``phi(t)`` for t = 0..H: 0 in the base year, non-decreasing, 1 in the final year.

    ``custom`` takes one value per year after the base year (``values[t-1] = phi(t)``).
    """

    kind: str = "linear"
    values: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        check(self.kind in PHASING_KINDS, "phasing", self.kind, " or ".join(PHASING_KINDS))
        object.__setattr__(self, "values", tuple(float(v) for v in self.values))
        if self.kind != "custom":
            check(not self.values, "phasing values", self.values, "no values unless custom")
            return
        check(bool(self.values), "phasing values", self.values, "one value per year")
        previous = 0.0
        for year, value in enumerate(self.values, start=1):
            check(
                0.0 <= value <= 1.0 and value >= previous,
                f"phasing value for year {year}",
                value,
                f"a fraction from {previous:g} to 1 (phasing never goes down)",
            )
            previous = value
        check(self.values[-1] == 1.0, "phasing final value", self.values[-1], "1 (the target is reached)")

    def profile(self, horizon: int) -> tuple[float, ...]:
        """``(phi(0), ..., phi(horizon))``."""
        if self.kind == "custom":
            if len(self.values) != horizon:
                raise ValidationError(
                    "phasing values", self.values, f"{horizon} values, one per year of the horizon"
                )
            return (0.0, *self.values)
        shape = _SHAPES[self.kind]
        return tuple(shape(t / horizon) for t in range(horizon + 1))

    def describe(self) -> str:
        if self.kind == "custom":
            return "custom (" + ", ".join(f"{v:.0%}" for v in self.values) + ")"
        return self.kind.replace("_", "-")


_SHAPES: dict[str, Callable[[float], float]] = {
    "linear": lambda x: x,
    # Most of the change early: 1 - (1 - x)^2.
    "front_loaded": lambda x: 1.0 - (1.0 - x) ** 2,
    # Slow start, fast middle, slow finish: smoothstep 3x^2 - 2x^3.
    "s_curve": lambda x: x * x * (3.0 - 2.0 * x),
}

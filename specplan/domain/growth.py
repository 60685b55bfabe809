"""Growth assumptions of the do-nothing projection."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import check

GROWTH_KINDS = ("demographic", "non_demographic", "price")


@dataclass(frozen=True)
class GrowthRate:
    """One rate: ``demographic`` per ICB, ``non_demographic`` per service, ``price`` (net price
    uplift, inflation less efficiency) plan-wide with ``code`` None.

    ``year`` is the year offset 1..H it applies to, or None for every year; a rate for a
    specific year overrides the every-year rate of the same kind and code.
    """

    kind: str
    code: str | None
    rate: float
    year: int | None = None

    def __post_init__(self) -> None:
        check(self.kind in GROWTH_KINDS, "growth kind", self.kind, " or ".join(GROWTH_KINDS))
        if self.kind == "price":
            check(self.code in (None, ""), "price growth code", self.code, "no code (plan-wide)")
            object.__setattr__(self, "code", None)
        else:
            check(bool(self.code), f"{self.kind} growth code", self.code, "an ICB or service code")
        check(
            isinstance(self.rate, (int, float)) and -0.5 <= self.rate <= 0.5,
            f"{self.kind} growth rate",
            self.rate,
            "a yearly fraction from -0.5 to 0.5 (0.02 = 2%)",
        )
        if self.year is not None:
            check(self.year >= 1, "growth year", self.year, "a year after the base year")


@dataclass(frozen=True)
class Growth:
    rates: tuple[GrowthRate, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "rates", tuple(self.rates))
        seen: set[tuple[str, str | None, int | None]] = set()
        for rate in self.rates:
            key = (rate.kind, rate.code, rate.year)
            check(key not in seen, "growth", key, "one rate per kind, code and year")
            seen.add(key)

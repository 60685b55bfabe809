"""Footprints over time: a vintage is a dated set of ICBs, with the succession from the one before.

ICBs merge and split (42 ICBs from July 2022, 36 from April 2026), so a plan records the vintage
its ICB codes belong to, and re-mapping moves it to a later one. Shares are exact fractions
(``Fraction``): every old ICB's shares must add up to exactly 1, which floats cannot promise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from .errors import ValidationError
from .footprints import ICB

#: The vintage of plans saved before plans recorded one (the 42 ICBs of July 2022).
FIRST_VINTAGE = "2022-07"
#: The newest vintage shipped with specplan; a user may add later ones.
LATEST_BUILTIN_VINTAGE = "2026-04"
#: Shares have at most this many decimal places, so ``S0 * share`` stays exact in int64 pence.
SHARE_DECIMALS = 9
SHARE_SCALE = 10**SHARE_DECIMALS


class VintageFileError(ValidationError):
    """A vintage or succession file broke a rule; the message names the file and the row."""

    def __init__(self, file: str, row: int | None, value: object, expected: str):
        self.file = file
        self.row = row
        super().__init__(f"{file} row {row}" if row is not None else file, value, expected)


@dataclass(frozen=True)
class Succession:
    """``share`` of the population of ICB ``from_code`` (previous vintage) went to ``to_code``."""

    from_code: str
    to_code: str
    share: Fraction

    @property
    def share_units(self) -> int:
        """The share in units of ``1 / SHARE_SCALE`` (exact: shares have at most 9 decimals)."""
        return int(self.share * SHARE_SCALE)


@dataclass(frozen=True)
class Vintage:
    """The ICBs in force from ``effective_from`` (ISO date), and how those of ``previous`` map on."""

    code: str
    effective_from: str
    icbs: tuple[ICB, ...]
    previous: str | None = None
    succession: tuple[Succession, ...] = ()
    source: str = ""
    notes: str = field(default="", compare=False)

    @cached_property
    def icb_index(self) -> dict[str, int]:
        return {icb.code: n for n, icb in enumerate(self.icbs)}

    def icb(self, code: str) -> ICB:
        index = self.icb_index.get(code)
        if index is None:
            raise ValidationError(f"vintage {self.code} ICB", code, "an ICB code of this vintage")
        return self.icbs[index]

    def successors(self, from_code: str) -> tuple[Succession, ...]:
        """Where ICB ``from_code`` of the previous vintage went, in this vintage's ICB order."""
        return self._by_from.get(from_code, ())

    def predecessors(self, to_code: str) -> tuple[Succession, ...]:
        """Where ICB ``to_code`` came from, in the succession's order."""
        return self._by_to.get(to_code, ())

    @cached_property
    def _by_to(self) -> dict[str, tuple[Succession, ...]]:
        grouped: dict[str, list[Succession]] = {}
        for step in self.succession:
            grouped.setdefault(step.to_code, []).append(step)
        return {code: tuple(steps) for code, steps in grouped.items()}

    @cached_property
    def _by_from(self) -> dict[str, tuple[Succession, ...]]:
        grouped: dict[str, list[Succession]] = {}
        for step in self.succession:
            grouped.setdefault(step.from_code, []).append(step)
        return {code: tuple(sorted(steps, key=lambda s: self.icb_index[s.to_code]))
                for code, steps in grouped.items()}


class Vintages:
    """The known vintages, oldest first (by date): the shipped ones and any a user added."""

    def __init__(self, vintages: Iterable[Vintage]):
        self.all: tuple[Vintage, ...] = tuple(sorted(vintages, key=lambda v: v.effective_from))

    def __iter__(self) -> Iterator[Vintage]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.all)

    @property
    def latest(self) -> Vintage:
        return self.all[-1]

    def get(self, code: str) -> Vintage:
        for vintage in self.all:
            if vintage.code == code:
                return vintage
        raise ValidationError("vintage", code, "one of the known vintages: " + ", ".join(self.codes))

    def next_after(self, code: str) -> Vintage | None:
        return next((v for v in self.all if v.previous == code), None)

    def holding(self, codes: Iterable[str]) -> Vintage | None:
        """The latest vintage that has every ICB code in ``codes``, or None."""
        wanted = set(codes)
        for vintage in reversed(self.all):
            if wanted <= set(vintage.icb_index):
                return vintage
        return None

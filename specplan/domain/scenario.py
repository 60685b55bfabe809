"""Scenarios: named redesign options, each an ordered list of levers."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import check
from .levers import Lever


@dataclass(frozen=True)
class Scenario:
    """A redesign option. Levers apply in order, each to what the earlier ones left."""

    name: str
    levers: tuple[Lever, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        check(bool(self.name.strip()), "scenario name", self.name, "a non-empty name")
        object.__setattr__(self, "levers", tuple(self.levers))

"""What an import did, in the words the command line prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..domain.words import plural
from .control import ControlCheck
from .errors import row_list  # noqa: F401 (its old home; others may import it from here)
from .money import UNIT_LABELS, pounds_text
from .partial import Unmentioned


@dataclass
class ImportReport:
    """A successful baseline import: what was read, what it adds up to, and what to check."""

    file: str
    sheet: str
    header_row: int  # as Excel numbers it
    layout: str      # "long" or "wide"
    units: list[str]
    rows_read: int
    cells: int
    total_pence: int
    previous_total_pence: int
    control: ControlCheck | None
    warnings: list[str] = field(default_factory=list)
    #: The plan's non-zero cells the sheet leaves out, and whether they were zeroed or kept.
    unmentioned: Unmentioned = Unmentioned(0, 0)
    mode: str = "replace"
    mentioned: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def control_matches(self) -> bool | None:
        return None if self.control is None else self.control.matches

    def __str__(self) -> str:
        check = {None: "no control total", True: "control total matches", False: "control total DOES NOT match"}
        return (f"Imported {self.rows_read:,} rows from {Path(self.file).name}: {pounds_text(self.total_pence)} "
                f"({check[self.control_matches]}; {plural(len(self.warnings), 'warning')})")

    def lines(self, unmentioned: bool = True) -> list[str]:
        """What the command line prints; ``unmentioned`` False leaves out the cells the sheet does
        not mention (the import wizard asks about them instead)."""
        units = ", ".join(UNIT_LABELS[u] for u in self.units)
        lines = [
            (f"{Path(self.file).name}, sheet {self.sheet!r}: header on row {self.header_row}, "
             f"{self.layout} layout, amounts in {units}"),
            f"rows read: {self.rows_read:,} into {self.cells:,} cells (service, ICB, setting)",
            (f"total imported: {pounds_text(self.total_pence)} "
             f"(the plan's baseline was {pounds_text(self.previous_total_pence)})"),
            "control total: " + (self.control.describe() if self.control else "none (no Total row found)"),
        ]
        if self.unmentioned.cells and unmentioned:
            done = ("set to zero (the whole baseline was replaced)" if self.mode == "replace"
                    else "kept as they were (only the cells the sheet mentions were updated)")
            lines.append(f"{self.unmentioned.describe()}: {done}")
        lines += [f"warning: {w}" for w in self.warnings]
        return lines

"""Load and validate the reference footprints (every vintage) and the service catalogue."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from ..paths import resources_dir
from .errors import ValidationError
from .footprints import ICB, PlanningLevel, Region
from .services import STANDARD_SETTINGS, ServiceLine
from .vintage_files import load_builtin
from .vintages import Vintage, Vintages

_T = TypeVar("_T")

EXPECTED_REGIONS = 7
#: ICBs in each shipped vintage: a sanity check on the files, not an assumption of the code.
EXPECTED_ICBS = {"2022-07": 42, "2026-04": 36}


@dataclass(frozen=True)
class Reference:
    """The reference data, with the source notes (the ``#`` header lines) of each file.

    ``icbs`` are those of the latest shipped vintage; ``vintages`` holds every shipped one
    (:func:`specplan.domain.user_vintages.load_vintages` adds those a user added).
    """

    regions: tuple[Region, ...]
    icbs: tuple[ICB, ...]
    services: tuple[ServiceLine, ...]
    sources: dict[str, str]
    vintages: tuple[Vintage, ...] = ()

    def vintage(self, code: str) -> Vintage:
        return Vintages(self.vintages).get(code)

    def service(self, code: str) -> ServiceLine:
        for service in self.services:
            if service.code == code:
                return service
        raise ValidationError("service", code, "a service code of the reference catalogue")


def read_table(path: Path) -> tuple[list[dict[str, str]], str]:
    """Rows of a CSV whose leading ``#`` lines are a source note, and that note."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()
    notes = [line[1:].strip() for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(body)), "\n".join(notes)


@cache
def load_reference(folder: Path | None = None) -> Reference:
    """Read ``resources/reference`` and check it: 7 regions, every vintage's ICBs each in one
    known region and the successions between them (see :mod:`.vintage_files`), unique codes, and
    a valid catalogue. Raises ValidationError (VintageFileError) naming the file and row."""
    folder = folder or resources_dir() / "reference"
    region_rows, region_notes = read_table(folder / "regions.csv")
    _, icb_notes = read_table(folder / "icbs.csv")
    service_rows, service_notes = read_table(folder / "services.csv")
    regions = tuple(_build(folder / "regions.csv", n, lambda r: Region(r["code"], r["name"]), row)
                    for n, row in enumerate(region_rows, start=2))
    services = tuple(_build(folder / "services.csv", n, _service, row)
                     for n, row in enumerate(service_rows, start=2))
    _expect_unique(folder / "regions.csv", [r.code for r in regions])
    _expect_unique(folder / "services.csv", [s.code for s in services])
    if len(regions) != EXPECTED_REGIONS:
        raise ValidationError(f"{folder / 'regions.csv'}", len(regions), f"{EXPECTED_REGIONS} regions")
    vintages = load_builtin(folder, {r.code for r in regions})
    for vintage in vintages:
        expected = EXPECTED_ICBS.get(vintage.code)
        if expected is not None and len(vintage.icbs) != expected:
            raise ValidationError(vintage.source, len(vintage.icbs), f"{expected} ICBs in vintage {vintage.code}")
    sources = {"regions": region_notes, "icbs": icb_notes, "services": service_notes}
    sources |= {f"icbs {v.code}": v.notes for v in vintages}
    return Reference(regions, vintages[-1].icbs, services, sources, tuple(vintages))


def _service(row: dict[str, str]) -> ServiceLine:
    units = tuple((s, row[f"unit_{s}"]) for s in STANDARD_SETTINGS if row.get(f"unit_{s}"))
    # 0 or blank: the line has no inpatient element to size a pool by.
    per_patient = float(row.get("activity_per_patient_inpatient") or 0) or None
    return ServiceLine(
        code=row["code"],
        name=row["name"],
        programme=row["programme_of_care"],
        planning_level=PlanningLevel(row["planning_level"]),
        mental_health=row["mental_health"] == "1",
        units=units,
        activity_per_patient=per_patient,
    )


def _build(path: Path, line: int, make: Callable[[dict[str, str]], _T], row: dict[str, str]) -> _T:
    try:
        return make(row)
    except (KeyError, ValueError, TypeError) as error:
        raise ValidationError(f"{path} row {line}", dict(row), f"a valid row ({error})") from None


def _expect_unique(path: Path, codes: list[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ValidationError(f"{path} code", code, "each code once")
        seen.add(code)

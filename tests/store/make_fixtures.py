"""Write one fixture plan file per file-format version into ``tests/store/fixtures/``.

    python tests/store/make_fixtures.py

Each fixture holds :func:`fixture_plan`, which uses every field of the plan model. The newest
version is written by today's ``save_plan_as``; older ones by their frozen schema from
``specplan.store.migrations`` plus today's rows for the tables that version had. When a new
format version comes, add its writer here and commit the new fixture next to the old ones.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import numpy as np

from specplan.domain import (
    ICB,
    Appraisal,
    Baseline,
    Comment,
    ConvergenceLever,
    Criterion,
    Footprint,
    FootprintGroup,
    Growth,
    GrowthRate,
    Phasing,
    Plan,
    PlanningLevel,
    PlanningLevelLever,
    Region,
    Review,
    Scenario,
    Score,
    ServiceLine,
    ShiftLever,
)
from specplan.store import BackupPolicy, save_plan_as
from specplan.store.mapping import plan_rows
from specplan.store.migrations import UPGRADES, create_v1
from specplan.store.tables import INSERT_SQL

FOLDER = Path(__file__).resolve().parent / "fixtures"
#: One fixture per format that has an upgrade step.
VERSIONS = (1, *sorted(UPGRADES))


def fixture_path(version: int) -> Path:
    return FOLDER / f"plan-v{version}.specplan"


def fixture_plan(version: int = VERSIONS[-1]) -> Plan:
    """A small plan that uses every field: unusual settings, units, overrides, all lever kinds,
    appraisal and review. Files from before format 3 hold the default appraisal and no review;
    files from before format 4 are on the ICB vintage 2022-07."""
    plan = _full_plan()
    if version < 4:
        plan = plan.replace(vintage="2022-07")
    if version < 5:  # no footprints of its own: CA1 national, no lever onto one
        services = (plan.services[0], dataclasses.replace(plan.services[1], planning_level="national"),
                    plan.services[2])
        scenarios = (*plan.scenarios[:2], dataclasses.replace(plan.scenarios[2], levers=plan.scenarios[2].levers[:1]))
        plan = plan.replace(footprints=(), services=services, scenarios=scenarios)
    if version < 3:
        plan = plan.replace(appraisal=Appraisal(), review=Review())
    return plan


def _full_plan() -> Plan:
    settings = ("inpatient", "day_case", "outpatient", "community", "out_of_area")
    services = (
        ServiceLine("MH1", "Secure care – adult", "Mental Health", PlanningLevel.REGIONAL, mental_health=True,
                    units=(("inpatient", "bed days"), ("community", "contacts")), activity_per_patient=120.5,
                    occupancy=0.8),
        ServiceLine("CA1", "Cancer, rare", "Cancer", "Joint committees"),
        ServiceLine("TR1", "Trauma", "Trauma", "ics", units=(("out_of_area", "spells"),)),
    )
    icbs = (ICB("Q01", "North ICB", "R1", 1_234_567.5), ICB("Q02", "South ICB", "R2", 800_000),
            ICB("Q03", "West ICB", "R2", 65_432.25))
    spend = np.zeros((3, 3, 5), np.int64)
    activity = np.zeros((3, 3, 5))
    spend[0, :, 0] = (123_456_789_01, 98_765_432_10, 5)
    activity[0, :, 0] = (1234.5, 987.25, 0.0)  # spend without activity in the last cell
    activity[1, 1, 2] = 42.125  # activity without spend
    spend[2, 2, 4] = 10**15  # ten trillion pence: money stays exact
    activity[2, 2, 4] = 1e-9
    return Plan(
        name="Fixture plan £ é", base_year=2024, horizon=4, vintage="2027-04",
        regions=(Region("R1", "North"), Region("R2", "South")), icbs=icbs, services=services,
        settings=settings, baseline=Baseline(spend, activity),
        growth=Growth((GrowthRate("demographic", "Q01", 0.004), GrowthRate("demographic", "Q02", -0.01, year=3),
                       GrowthRate("non_demographic", "MH1", 0.03), GrowthRate("price", None, 0.015),
                       GrowthRate("price", None, 0.03, year=1))),
        scenarios=(
            Scenario("Do nothing", (), "No change."),
            Scenario("Everything", (
                ShiftLever(target_share=0.3, phasing=Phasing("custom", (0.1, 0.1, 0.7, 1.0)),
                           substitution_ratio=1.5, reinvest_share=0.6, double_running_share=0.25,
                           services=("MH1",), icbs=("Q02", "Q01")),
                PlanningLevelLever(level=PlanningLevel.NATIONAL, services=("TR1",)),
                ConvergenceLever(share=0.2, services=("MH1", "CA1")),
                ShiftLever(from_setting="day_case", to_setting="out_of_area", target_share=1.0,
                           phasing=Phasing("s_curve")),
            )),
            Scenario("Converge only", (ConvergenceLever(share=1.0),
                                       PlanningLevelLever(level="Joint committees", services=("MH1",))), ""),
        ),
        occupancy_default=0.9, occupancy_mental_health=0.8, viability_max_variation=0.15,
        description="Every field of the plan model, for file-format fixtures.\nSecond line.",
        footprints=(Footprint("Joint committees", (FootprintGroup("East", ("Q03", "Q01")),
                                                   FootprintGroup("West ½", ("Q02",)))),
                    Footprint("All together", (FootprintGroup("All ICBs", ("Q01", "Q02", "Q03")),))),
        appraisal=Appraisal(
            (Criterion("Quality", 40.0), Criterion("Cost", 12.5), Criterion("Unweighted", 0)),
            (Score("Everything", "Quality", 4, "Better care closer to home"), Score("Everything", "Cost", 0),
             Score("Do nothing", "Quality", 2, "As today"))),
        review=Review((("Everything", "in review"), ("Converge only", "not supported")), (
            Comment("Everything", "Ann Lee", "2025-06-01T09:30:00+00:00", "Is 30% realistic?", lever=1),
            Comment("Everything", "Bob", "2025-06-02T10:00:00+00:00", "Agreed at the board.\nMinuted."),
        )),
    )


def write_fixture(version: int, path: Path) -> Path:
    """The fixture of ``version``: the newest by today's save; older ones by their frozen schema
    (format 1's DDL, then the upgrade steps up to ``version``) and today's rows for their tables."""
    path.unlink(missing_ok=True)
    if version == VERSIONS[-1]:
        save_plan_as(fixture_plan(), path, backups=BackupPolicy(keep=0))
        return path
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("BEGIN")
        create_v1(raw)
        for target in sorted(t for t in UPGRADES if t <= version):
            UPGRADES[target](raw)
        raw.execute(f"PRAGMA user_version = {version}")
        if version >= 3:
            raw.execute("DELETE FROM criterion")  # the fixture plan's own criteria follow
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, rows in plan_rows(fixture_plan(version)).items():
            if table == "plan" and version < 4:  # before format 4 the plan row had no vintage
                raw.executemany("INSERT INTO plan VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [row[:8] for row in rows])
            elif rows and table in tables:
                raw.execute(f'DELETE FROM "{table}"')  # e.g. the default criteria format 3 brought
                raw.executemany(INSERT_SQL[table], rows)
        raw.execute("COMMIT")
    finally:
        raw.close()
    return path


if __name__ == "__main__":
    FOLDER.mkdir(exist_ok=True)
    for version in VERSIONS:
        print(f"wrote {write_fixture(version, fixture_path(version))}")

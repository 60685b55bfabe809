"""Upgrade older plan files, calibre-style: one ``upgrade_to_N`` per format version, in raw SQL.

The steps never import today's table classes (which describe only the newest format), so an old
step keeps meaning what it meant. All steps of one upgrade run in one transaction: a failure
part-way leaves the file exactly as it was. ``tests/store/test_migrations.py`` checks that a
file upgraded from every older version has the same tables as a new one.

Versions: 1, the plan; 2, adds the change log; 3, adds the options appraisal and review;
4, adds the plan's ICB vintage; 5, the plan's own footprints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .connection import connect, pragma_int
from .errors import MigrationError, NewerPlanVersionError
from .tables import APPLICATION_ID, SCHEMA_VERSION

#: Format 1 exactly as it was first written (for fixtures of old files; never change it).
SCHEMA_V1 = """
CREATE TABLE growth_rate (position INTEGER NOT NULL, kind VARCHAR NOT NULL, code VARCHAR,
    rate FLOAT NOT NULL, year INTEGER, PRIMARY KEY (position),
    CONSTRAINT known_kind CHECK (kind IN ('demographic', 'non_demographic', 'price')));
CREATE TABLE "plan" (id INTEGER NOT NULL, name VARCHAR NOT NULL, base_year INTEGER NOT NULL,
    horizon INTEGER NOT NULL, occupancy_default FLOAT NOT NULL, occupancy_mental_health FLOAT NOT NULL,
    viability_max_variation FLOAT NOT NULL, description VARCHAR NOT NULL, PRIMARY KEY (id),
    CONSTRAINT one_plan CHECK (id = 1));
CREATE TABLE region (position INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    PRIMARY KEY (position), UNIQUE (code));
CREATE TABLE scenario (position INTEGER NOT NULL, name VARCHAR NOT NULL, description VARCHAR NOT NULL,
    PRIMARY KEY (position), UNIQUE (name));
CREATE TABLE service (position INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    programme VARCHAR NOT NULL, planning_level VARCHAR NOT NULL, mental_health BOOLEAN NOT NULL,
    activity_per_patient FLOAT, occupancy FLOAT, PRIMARY KEY (position),
    CONSTRAINT known_level CHECK (planning_level IN ('national', 'regional', 'ics')), UNIQUE (code));
CREATE TABLE setting (position INTEGER NOT NULL, code VARCHAR NOT NULL, PRIMARY KEY (position),
    UNIQUE (code));
CREATE TABLE icb (position INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    region VARCHAR NOT NULL, population FLOAT NOT NULL, PRIMARY KEY (position),
    CONSTRAINT positive_population CHECK (population > 0), UNIQUE (code),
    FOREIGN KEY(region) REFERENCES region (code));
CREATE TABLE lever (id INTEGER NOT NULL, scenario INTEGER NOT NULL, position INTEGER NOT NULL,
    kind VARCHAR NOT NULL, from_setting VARCHAR, to_setting VARCHAR, target_share FLOAT, phasing VARCHAR,
    substitution_ratio FLOAT, reinvest_share FLOAT, double_running_share FLOAT, share FLOAT,
    level VARCHAR, PRIMARY KEY (id), UNIQUE (scenario, position),
    CONSTRAINT known_kind CHECK (kind IN ('shift', 'convergence', 'planning_level')),
    FOREIGN KEY(scenario) REFERENCES scenario (position),
    FOREIGN KEY(from_setting) REFERENCES setting (code), FOREIGN KEY(to_setting) REFERENCES setting (code));
CREATE TABLE service_unit (service INTEGER NOT NULL, position INTEGER NOT NULL, setting VARCHAR NOT NULL,
    unit VARCHAR NOT NULL, PRIMARY KEY (service, position),
    FOREIGN KEY(service) REFERENCES service (position));
CREATE TABLE baseline_cell (service INTEGER NOT NULL, icb INTEGER NOT NULL, setting INTEGER NOT NULL,
    spend_pence INTEGER NOT NULL, activity FLOAT NOT NULL, PRIMARY KEY (service, icb, setting),
    CONSTRAINT whole_pence CHECK (typeof(spend_pence) = 'integer' AND spend_pence >= 0),
    CONSTRAINT activity_number CHECK (typeof(activity) = 'real' AND activity >= 0),
    FOREIGN KEY(service) REFERENCES service (position), FOREIGN KEY(icb) REFERENCES icb (position),
    FOREIGN KEY(setting) REFERENCES setting (position)) WITHOUT ROWID;
CREATE TABLE lever_icb (lever INTEGER NOT NULL, position INTEGER NOT NULL, icb VARCHAR NOT NULL,
    PRIMARY KEY (lever, position), FOREIGN KEY(lever) REFERENCES lever (id),
    FOREIGN KEY(icb) REFERENCES icb (code));
CREATE TABLE lever_service (lever INTEGER NOT NULL, position INTEGER NOT NULL, service VARCHAR NOT NULL,
    PRIMARY KEY (lever, position), FOREIGN KEY(lever) REFERENCES lever (id),
    FOREIGN KEY(service) REFERENCES service (code));
CREATE TABLE phasing_value (lever INTEGER NOT NULL, year INTEGER NOT NULL, value FLOAT NOT NULL,
    PRIMARY KEY (lever, year), FOREIGN KEY(lever) REFERENCES lever (id));
"""


def upgrade_to_2(raw: sqlite3.Connection) -> None:
    """Add the change log: who changed what, when, from what to what."""
    raw.execute("""CREATE TABLE change_log (id INTEGER NOT NULL, at VARCHAR NOT NULL, user VARCHAR NOT NULL,
        what VARCHAR NOT NULL, old_value VARCHAR, new_value VARCHAR, PRIMARY KEY (id))""")


def upgrade_to_3(raw: sqlite3.Connection) -> None:
    """Add the options appraisal and review. A plan from before had the default criteria (as
    they were when format 3 came) and no scores, statuses or comments."""
    for statement in (
        """CREATE TABLE criterion (position INTEGER NOT NULL, name VARCHAR NOT NULL, weight FLOAT NOT NULL,
            PRIMARY KEY (position), UNIQUE (name))""",
        """CREATE TABLE comment (position INTEGER NOT NULL, option VARCHAR NOT NULL, author VARCHAR NOT NULL,
            time VARCHAR NOT NULL, text VARCHAR NOT NULL, lever INTEGER, PRIMARY KEY (position),
            FOREIGN KEY(option) REFERENCES scenario (name))""",
        """CREATE TABLE option_status (position INTEGER NOT NULL, option VARCHAR NOT NULL,
            status VARCHAR NOT NULL, PRIMARY KEY (position),
            CONSTRAINT known_status CHECK (status IN ('draft', 'in review', 'endorsed', 'not supported')),
            UNIQUE (option), FOREIGN KEY(option) REFERENCES scenario (name))""",
        """CREATE TABLE score (position INTEGER NOT NULL, option VARCHAR NOT NULL, criterion VARCHAR NOT NULL,
            score INTEGER NOT NULL, rationale VARCHAR NOT NULL, PRIMARY KEY (position),
            UNIQUE (option, criterion), CONSTRAINT score_0_to_5 CHECK (score BETWEEN 0 AND 5),
            FOREIGN KEY(option) REFERENCES scenario (name), FOREIGN KEY(criterion) REFERENCES criterion (name))""",
    ):
        raw.execute(statement)
    raw.executemany("INSERT INTO criterion VALUES (?, ?, ?)", [
        (0, "Quality and outcomes", 30.0), (1, "Access and equity", 20.0), (2, "Workforce", 15.0),
        (3, "Deliverability", 15.0), (4, "Financial sustainability", 20.0),
    ])


def upgrade_to_4(raw: sqlite3.Connection) -> None:
    """Record the plan's ICB vintage. Every plan saved before format 4 used the 42 ICBs of
    July 2022, so it is on vintage 2022-07 (the column's default fills the existing row)."""
    raw.execute("ALTER TABLE plan ADD COLUMN vintage VARCHAR DEFAULT '2022-07' NOT NULL")


#: Format 5's service table: format 1's without the ``known_level`` check.
_SERVICE_V5 = """CREATE TABLE service (position INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    programme VARCHAR NOT NULL, planning_level VARCHAR NOT NULL, mental_health BOOLEAN NOT NULL,
    activity_per_patient FLOAT, occupancy FLOAT, PRIMARY KEY (position), UNIQUE (code))"""


def upgrade_to_5(raw: sqlite3.Connection) -> None:
    """Add the plan's own footprints (none in an older file), and let a service's planning
    level name one: SQLite cannot drop a CHECK constraint, so the service table is made anew.
    Its children's foreign keys are deferred to the commit, by when every row is back."""
    for statement in (
        """CREATE TABLE footprint (position INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (position),
            UNIQUE (name))""",
        """CREATE TABLE footprint_group (footprint INTEGER NOT NULL, position INTEGER NOT NULL,
            name VARCHAR NOT NULL, PRIMARY KEY (footprint, position), UNIQUE (footprint, name),
            FOREIGN KEY(footprint) REFERENCES footprint (position))""",
        """CREATE TABLE footprint_icb (footprint INTEGER NOT NULL, icb VARCHAR NOT NULL,
            in_group INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (footprint, icb),
            FOREIGN KEY(footprint) REFERENCES footprint (position), FOREIGN KEY(icb) REFERENCES icb (code))""",
        "PRAGMA defer_foreign_keys = ON",
        "CREATE TEMPORARY TABLE service_before_5 AS SELECT * FROM service",
        "DROP TABLE service",
        _SERVICE_V5,
        """INSERT INTO service (position, code, name, programme, planning_level, mental_health,
            activity_per_patient, occupancy) SELECT position, code, name, programme, planning_level,
            mental_health, activity_per_patient, occupancy FROM service_before_5""",
        "DROP TABLE temp.service_before_5",
    ):
        raw.execute(statement)


#: The step that brings a file to each version.
UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: upgrade_to_2, 3: upgrade_to_3, 4: upgrade_to_4, 5: upgrade_to_5}


def apply_upgrades(raw: sqlite3.Connection, path: Path) -> int:
    """Run every step from the file's version to the newest inside the caller's transaction;
    returns the version the file had. Raises MigrationError (the caller rolls back)."""
    version = pragma_int(raw, "user_version")
    if version > SCHEMA_VERSION:
        raise NewerPlanVersionError(path, f"saved by a newer specplan (file format {version})")
    if version >= SCHEMA_VERSION:
        return version
    try:
        for target in sorted(t for t in UPGRADES if max(version, 1) < t <= SCHEMA_VERSION):
            UPGRADES[target](raw)
            raw.execute(f"PRAGMA user_version = {target}")
        problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise MigrationError(path, f"{len(problems)} rows refer to missing rows after the upgrade")
    except MigrationError:
        raise
    except Exception as error:
        raise MigrationError(path, f"the file could not be upgraded from format {version} to "
                                   f"{SCHEMA_VERSION} ({error}); it was left as it was") from error
    return version


def upgrade_file(path: Path) -> int:
    """Upgrade ``path`` on disk in one transaction; returns the version it had."""
    raw = connect(path, writable=True)
    try:
        raw.execute("BEGIN IMMEDIATE")
        try:
            version = apply_upgrades(raw, path)
            raw.execute("COMMIT")
        except BaseException:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raise
    finally:
        raw.close()
    return version


def upgraded_copy(source: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """An in-memory copy of an older file, upgraded: reading it never writes the original."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    source.backup(memory)
    memory.execute("PRAGMA foreign_keys = ON")
    memory.execute("BEGIN")
    try:
        apply_upgrades(memory, path)
        memory.execute("COMMIT")
    except BaseException:
        memory.close()
        raise
    return memory


def create_v1(raw: sqlite3.Connection) -> None:
    """Make an empty format-1 file (inside the caller's transaction): for old-version fixtures."""
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            raw.execute(statement)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("PRAGMA user_version = 1")

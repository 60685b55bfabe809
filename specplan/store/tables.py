"""The plan file's tables, as SQLModel classes: the current schema (version ``SCHEMA_VERSION``).

Rows reference services, ICBs and settings by their position in the plan (``position`` is each
table's primary key and keeps the plan's order); lever scopes and settings by code, so the
foreign keys also check that scopes name things the plan has. Money is INTEGER pence.

Baseline cells: only cells with non-zero spend or activity are stored (a missing cell is zero,
as in the model), which keeps the national sample under a megabyte.

Older schema versions are never described here: :mod:`.migrations` holds them in raw SQL.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, MetaData, UniqueConstraint, insert, select
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import registry
from sqlalchemy.schema import CreateTable
from sqlmodel import Field, SQLModel

#: ``PRAGMA application_id``: ASCII "SPLN", marks a file as a specplan plan.
APPLICATION_ID = 0x53504C4E
#: ``PRAGMA user_version`` of files this version writes. 1: the plan; 2: adds ``change_log``;
#: 3: adds the options appraisal (``criterion``, ``score``) and review (``option_status``, ``comment``);
#: 4: adds the plan's ICB vintage (``plan.vintage``); 5: the plan's own footprints
#: (``footprint``, ``footprint_group``, ``footprint_icb``), and a service's planning level may name one.
SCHEMA_VERSION = 5


class StoreModel(SQLModel, registry=registry(metadata=MetaData())):
    """Base of the plan-file tables, with its own metadata (other SQLModel tables stay out)."""


class PlanRow(StoreModel, table=True):
    __tablename__ = "plan"
    __table_args__ = (CheckConstraint("id = 1", name="one_plan"),)
    id: int = Field(default=1, primary_key=True)
    name: str
    base_year: int
    horizon: int
    occupancy_default: float
    occupancy_mental_health: float
    viability_max_variation: float
    description: str = ""
    #: The ICB vintage of the plan's codes; files from before format 4 were all on 2022-07.
    vintage: str = Field(default="2022-07", sa_column_kwargs={"server_default": "2022-07"})


class RegionRow(StoreModel, table=True):
    __tablename__ = "region"
    position: int = Field(primary_key=True)
    code: str = Field(unique=True)
    name: str


class IcbRow(StoreModel, table=True):
    """An ICB and its fair-share weight (``population``: the plan's own figure, which may
    override the reference population)."""

    __tablename__ = "icb"
    __table_args__ = (CheckConstraint("population > 0", name="positive_population"),)
    position: int = Field(primary_key=True)
    code: str = Field(unique=True)
    name: str
    region: str = Field(foreign_key="region.code")
    population: float


class SettingRow(StoreModel, table=True):
    __tablename__ = "setting"
    position: int = Field(primary_key=True)
    code: str = Field(unique=True)


class ServiceRow(StoreModel, table=True):
    """A service line; ``planning_level`` is national, regional, ics or the name of one of the
    plan's own footprints (the domain checks which: no constraint here since format 5)."""

    __tablename__ = "service"
    position: int = Field(primary_key=True)
    code: str = Field(unique=True)
    name: str
    programme: str
    planning_level: str
    mental_health: bool
    activity_per_patient: float | None = None
    occupancy: float | None = None


class ServiceUnitRow(StoreModel, table=True):
    """The activity unit of one setting of a service (bed days, attendances...), in order."""

    __tablename__ = "service_unit"
    service: int = Field(primary_key=True, foreign_key="service.position")
    position: int = Field(primary_key=True)
    setting: str
    unit: str


class BaselineCellRow(StoreModel, table=True):
    __tablename__ = "baseline_cell"
    __table_args__ = (
        # typeof: a whole number of pence, never a float; PRAGMA quick_check re-checks these.
        CheckConstraint("typeof(spend_pence) = 'integer' AND spend_pence >= 0", name="whole_pence"),
        CheckConstraint("typeof(activity) = 'real' AND activity >= 0", name="activity_number"),
        {"sqlite_with_rowid": False},
    )
    service: int = Field(primary_key=True, foreign_key="service.position")
    icb: int = Field(primary_key=True, foreign_key="icb.position")
    setting: int = Field(primary_key=True, foreign_key="setting.position")
    spend_pence: int
    activity: float


class GrowthRateRow(StoreModel, table=True):
    __tablename__ = "growth_rate"
    __table_args__ = (
        CheckConstraint("kind IN ('demographic', 'non_demographic', 'price')", name="known_kind"),
    )
    position: int = Field(primary_key=True)
    kind: str
    code: str | None = None
    rate: float
    year: int | None = None


class ScenarioRow(StoreModel, table=True):
    __tablename__ = "scenario"
    position: int = Field(primary_key=True)
    name: str = Field(unique=True)
    description: str = ""


class LeverRow(StoreModel, table=True):
    """One lever; the columns of the other kinds are NULL."""

    __tablename__ = "lever"
    __table_args__ = (
        UniqueConstraint("scenario", "position"),
        CheckConstraint("kind IN ('shift', 'convergence', 'planning_level')", name="known_kind"),
    )
    id: int = Field(primary_key=True)
    scenario: int = Field(foreign_key="scenario.position")
    position: int
    kind: str
    from_setting: str | None = Field(default=None, foreign_key="setting.code")
    to_setting: str | None = Field(default=None, foreign_key="setting.code")
    target_share: float | None = None
    phasing: str | None = None
    substitution_ratio: float | None = None
    reinvest_share: float | None = None
    double_running_share: float | None = None
    share: float | None = None
    level: str | None = None


class PhasingValueRow(StoreModel, table=True):
    """Custom phasing: ``phi(year)`` for years 1..H."""

    __tablename__ = "phasing_value"
    lever: int = Field(primary_key=True, foreign_key="lever.id")
    year: int = Field(primary_key=True)
    value: float


class LeverServiceRow(StoreModel, table=True):
    __tablename__ = "lever_service"
    lever: int = Field(primary_key=True, foreign_key="lever.id")
    position: int = Field(primary_key=True)
    service: str = Field(foreign_key="service.code")


class LeverIcbRow(StoreModel, table=True):
    __tablename__ = "lever_icb"
    lever: int = Field(primary_key=True, foreign_key="lever.id")
    position: int = Field(primary_key=True)
    icb: str = Field(foreign_key="icb.code")


class FootprintRow(StoreModel, table=True):
    """One of the plan's own footprints (the built-ins are never stored)."""

    __tablename__ = "footprint"
    position: int = Field(primary_key=True)
    name: str = Field(unique=True)


class FootprintGroupRow(StoreModel, table=True):
    __tablename__ = "footprint_group"
    __table_args__ = (UniqueConstraint("footprint", "name"),)
    footprint: int = Field(primary_key=True, foreign_key="footprint.position")
    position: int = Field(primary_key=True)
    name: str


class FootprintIcbRow(StoreModel, table=True):
    """The group an ICB is in, in one footprint: the key makes it one group per footprint."""

    __tablename__ = "footprint_icb"
    footprint: int = Field(primary_key=True, foreign_key="footprint.position")
    icb: str = Field(primary_key=True, foreign_key="icb.code")
    in_group: int  # position of the group in its footprint
    position: int  # the ICB's place in its group


class CriterionRow(StoreModel, table=True):
    """An appraisal criterion and its weight in points."""

    __tablename__ = "criterion"
    position: int = Field(primary_key=True)
    name: str = Field(unique=True)
    weight: float


class ScoreRow(StoreModel, table=True):
    """One option's 0-5 score on one criterion, with its rationale."""

    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("option", "criterion"),
        CheckConstraint("score BETWEEN 0 AND 5", name="score_0_to_5"),
    )
    position: int = Field(primary_key=True)
    option: str = Field(foreign_key="scenario.name")
    criterion: str = Field(foreign_key="criterion.name")
    score: int
    rationale: str = ""


class OptionStatusRow(StoreModel, table=True):
    """An option's review status (an option without a row is a draft)."""

    __tablename__ = "option_status"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'in review', 'endorsed', 'not supported')", name="known_status"),
    )
    position: int = Field(primary_key=True)
    option: str = Field(foreign_key="scenario.name", unique=True)
    status: str


class CommentRow(StoreModel, table=True):
    """A comment on an option, or on its lever number ``lever`` (from 1)."""

    __tablename__ = "comment"
    position: int = Field(primary_key=True)
    option: str = Field(foreign_key="scenario.name")
    author: str
    time: str  # ISO 8601, UTC
    text: str
    lever: int | None = None


class ChangeLogRow(StoreModel, table=True):
    """Who changed what and when; kept across saves (a save appends, never rewrites it)."""

    __tablename__ = "change_log"
    id: int = Field(primary_key=True)
    at: str  # ISO 8601, UTC
    user: str
    what: str
    old_value: str | None = None
    new_value: str | None = None


METADATA = StoreModel.metadata
#: Tables a save rewrites, parents before children (the change log is only appended to).
PLAN_TABLES = tuple(t for t in METADATA.sorted_tables if t.name != "change_log")
#: The change log's table (SQLModel's ``ChangeLogRow.__table__`` is invisible to type checkers).
CHANGE_LOG = METADATA.tables[ChangeLogRow.__tablename__]

# SQL compiled once from the tables above (SQLAlchemy Core for SQLite): per save or open, only
# the driver runs, with no per-row or per-statement work in Python beyond the values.
_DIALECT = sqlite_dialect.dialect()
CREATE_SQL = tuple(str(CreateTable(t).compile(dialect=_DIALECT)).strip() for t in METADATA.sorted_tables)
INSERT_SQL = {t.name: str(insert(t).compile(dialect=_DIALECT)) for t in PLAN_TABLES}
SELECT_SQL = {t.name: str(select(t).order_by(*t.primary_key.columns).compile(dialect=_DIALECT))
              for t in METADATA.sorted_tables}

"""The domain model: plain, immutable dataclasses and their validation. No Qt, no SQL, no Excel."""

from .appraisal import DEFAULT_CRITERIA, STATUSES, Appraisal, Comment, Criterion, Review, Score
from .baseline import Baseline
from .errors import ValidationError
from .footprints import ICB, Footprint, FootprintGroup, Level, PlanningLevel, Region
from .growth import Growth, GrowthRate
from .levers import LEVER_KINDS, ConvergenceLever, Lever, PlanningLevelLever, ShiftLever
from .phasing import PHASING_KINDS, Phasing
from .plan import Plan
from .scenario import Scenario
from .services import COMMUNITY, INPATIENT, STANDARD_SETTINGS, ServiceLine
from .years import parse_year_label, year_label

__all__ = [
    "DEFAULT_CRITERIA", "STATUSES", "Appraisal", "Comment", "Criterion", "Review", "Score",
    "Baseline", "ValidationError", "ICB", "Footprint", "FootprintGroup", "Level", "PlanningLevel",
    "Region", "Growth", "GrowthRate",
    "LEVER_KINDS", "ConvergenceLever", "Lever", "PlanningLevelLever", "ShiftLever",
    "PHASING_KINDS", "Phasing", "Plan", "Scenario", "COMMUNITY", "INPATIENT",
    "STANDARD_SETTINGS", "ServiceLine", "parse_year_label", "year_label",
]

"""A blank plan workbook to fill in: the canonical sheets, dropdowns for codes, and instructions.

Dropdowns read their choices from a hidden ``Lists`` sheet of the reference ICBs, services,
settings and lever kinds, so a code typed into the template is a code specplan knows. Phasing
accepts its named shapes from the list or per-year values typed in (a warning, not a refusal).
"""

from __future__ import annotations

from pathlib import Path

from ..domain import STANDARD_SETTINGS
from ..domain.growth import GROWTH_KINDS
from ..domain.phasing import PHASING_KINDS
from ..domain.reference import load_reference
from .plan_workbook import COLUMNS, WORKBOOK_FORMAT, plan_formats, write_sheet
from .writer import atomic_workbook, write_text

#: Rows of each sheet that carry dropdowns (far more than any plan needs).
VALIDATED_ROWS = 50_000
INSTRUCTIONS = (
    "How to fill in this plan workbook",
    "",
    "1. Plan: give the plan a name; check the base year (e.g. 2025/26), horizon (years) and settings.",
    ("2. Baseline: one row per service, ICB and setting of the base year: codes from the dropdowns, "
     "activity in the setting's unit (bed days for inpatient), spend_gbp in pounds."),
    ("3. Growth (optional): kind demographic with an ICB code, non_demographic with a service code, or price "
     "with no code; year blank for every year or a year such as 2027/28; rate as a fraction (0.02 = 2%)."),
    ("4. Levers (optional): one row per lever of each option (scenario), in order. shift uses services, icbs, "
     "from_setting, to_setting, target_share, phasing (linear, front_loaded, s_curve or per-year values such "
     "as 0.2, 0.5, 1), substitution_ratio, reinvest_share and double_running_share; convergence uses "
     "convergence_share; planning_level uses planning_level. Blank services or icbs mean all. List an "
     "option with no levers on a row with lever blank."),
    "5. Options (optional): a description of each option.",
    ("6. Services and ICBs (optional): list codes to fix what the plan covers; otherwise the codes used on "
     "the Baseline decide. Names, regions and populations come from specplan's reference data."),
    "",
    "Then: specplan-cli import THIS.xlsx --into PLAN.specplan",
    "Every problem is listed at once with its cell; nothing is imported until there are none.",
)
DEFAULTS = (("specplan_workbook", WORKBOOK_FORMAT), ("name", None), ("description", None), ("base_year", "2025/26"),
            ("horizon", 5), ("settings", ", ".join(STANDARD_SETTINGS)), ("occupancy_default", 0.92),
            ("occupancy_mental_health", 0.85), ("viability_max_variation", 0.1))


def write_template(path: str | Path) -> Path:
    """Write a blank plan workbook with dropdowns and an Instructions sheet to ``path``."""
    path = Path(path)
    ref = load_reference()
    lists = {
        "service_code": [s.code for s in ref.services], "service_name": [s.name for s in ref.services],
        "icb_code": [i.code for i in ref.icbs], "icb_name": [i.name for i in ref.icbs],
        "setting": list(STANDARD_SETTINGS), "growth_kind": list(GROWTH_KINDS),
        "lever": ["shift", "convergence", "planning_level"], "phasing": list(PHASING_KINDS[:-1]),
        "planning_level": ["national", "regional", "ics"],
    }
    with atomic_workbook(path) as book:
        formats = plan_formats(book)
        guide = book.add_worksheet("Instructions")
        title = book.add_format({"bold": True, "font_size": 14})
        for r, line in enumerate(INSTRUCTIONS):
            write_text(guide, r, 0, line, title if r == 0 else None)
        guide.set_column(0, 0, 120)
        write_sheet(book, "Plan", ["field", "value"], [list(row) for row in DEFAULTS], formats)
        sheets = {name: write_sheet(book, name, list(COLUMNS[name]), [], formats)
                  for name in ("Baseline", "Growth", "Levers", "Options", "Services", "ICBs")}
        holder = book.add_worksheet("Lists")
        ranges = {}
        for c, (name, values) in enumerate(lists.items()):
            holder.write_string(0, c, name, formats["header"])
            for r, value in enumerate(values, start=1):
                holder.write_string(r, c, value)
            letter = chr(ord("A") + c)
            ranges[name] = f"=Lists!${letter}$2:${letter}${len(values) + 1}"
        holder.hide()
        rules = {
            "Baseline": {"service_code": "service_code", "icb_code": "icb_code", "setting": "setting"},
            "Growth": {"kind": "growth_kind"},
            "Levers": {"lever": "lever", "from_setting": "setting", "to_setting": "setting",
                       "phasing": "phasing", "planning_level": "planning_level"},
            "Services": {"code": "service_code"}, "ICBs": {"code": "icb_code"},
        }
        for sheet_name, columns in rules.items():
            sheet = sheets[sheet_name]
            for column, list_name in columns.items():
                c = COLUMNS[sheet_name].index(column)
                sheet.data_validation(1, c, VALIDATED_ROWS, c, {
                    "validate": "list", "source": ranges[list_name],
                    "error_type": "warning" if column == "phasing" else "stop",
                    "input_title": column, "input_message": _hint(column)})
        guide.activate()
    return path


def _hint(column: str) -> str:
    return {"phasing": "linear, front_loaded, s_curve, or per-year values such as 0.2, 0.5, 1",
            "setting": "a setting of the plan", "service_code": "a service line code",
            "icb_code": "an ICB code", "code": "a code from the list", "kind": "demographic, non_demographic or price",
            "lever": "shift, convergence or planning_level"}.get(column, "choose from the list")[:255]

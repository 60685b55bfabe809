"""Where the application's bundled resources live: source tree, installed package or frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder (reference data, icons, sample plans' inputs)."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    here = Path(__file__).resolve().parent
    # Source checkout or editable install: resources/ sits beside the package.
    candidates += [here.parent / "resources", here / "resources"]
    for candidate in candidates:
        if (candidate / "reference").is_dir():
            return candidate
    raise FileNotFoundError(
        "specplan's resources folder was not found next to the package (looked in "
        + ", ".join(str(c) for c in candidates) + "); reinstall specplan"
    )


def sample_plans_dir() -> Path:
    """The ``sample_plans/`` folder of ready-made ``.specplan`` files."""
    return resources_dir().parent / "sample_plans"


#: Set to a folder to keep user-added ICB vintages there (tests, portable installs); otherwise
#: they live in ``vintages/`` of the user's data folder (``SPECPLAN_DATA_DIR`` if set).
VINTAGES_DIR_VARIABLE = "SPECPLAN_VINTAGES_DIR"


def user_vintages_dir() -> Path:
    """Where vintages a user added are kept: per user, never in the installed program's folder."""
    import os

    override = os.environ.get(VINTAGES_DIR_VARIABLE)
    if override:
        return Path(override)
    data = os.environ.get("SPECPLAN_DATA_DIR")
    if data:
        return Path(data) / "vintages"
    import platformdirs

    return Path(platformdirs.user_data_dir("specplan", appauthor=False)) / "vintages"

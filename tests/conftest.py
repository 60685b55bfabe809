"""Shared test set-up: Qt offscreen, hypothesis profiles, and the sample plans."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Vintages a user added on this machine must not change what the tests see.
os.environ["SPECPLAN_VINTAGES_DIR"] = str(Path(__file__).parent / ".no-user-vintages")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from specplan.domain import Plan  # noqa: E402
from specplan.domain.samples import build_sample  # noqa: E402

# Generated plans are small but the engine is numpy: allow a little more than the default.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=120
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=200)
settings.load_profile("ci" if os.environ.get("CI") else "default")


# The sample plans, built once a session (plans are immutable, so tests can share them).
@pytest.fixture(scope="session")
def mh_plan() -> Plan:
    """The small sample: a mental health provider collaborative, 5 years, 3 options."""
    return build_sample("mh-collaborative")


@pytest.fixture(scope="session")
def national_plan() -> Plan:
    """The national sample: every service line and ICB, 10 years, 4 options."""
    return build_sample("national")

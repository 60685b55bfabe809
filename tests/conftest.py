"""Shared test set-up: Qt offscreen, hypothesis profiles, and small plans."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Vintages a user added on this machine must not change what the tests see.
os.environ["SPECPLAN_VINTAGES_DIR"] = str(Path(__file__).parent / ".no-user-vintages")
sys.path.insert(0, str(Path(__file__).parent))

from hypothesis import HealthCheck, settings  # noqa: E402

# Generated plans are small but the engine is numpy: allow a little more than the default.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=120
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=200)
settings.load_profile("ci" if os.environ.get("CI") else "default")

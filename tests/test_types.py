"""The engine passes mypy's strict checks, as configured in pyproject.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_engine_is_typed_strictly():
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (it is in the test extra)")
    # No cache: a stale one could hide an error; the config is the project's own.
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--no-incremental",
                                "--cache-dir", "/dev/null", str(ROOT / "specplan" / "engine")])
    assert status == 0, out + err


def test_the_strict_flags_cover_every_engine_module():
    """Every flag --strict turns on per module is on for the engine, and no engine module is
    let off (``strict = true`` in an override would turn them on everywhere, python/mypy#11401)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    overrides = config.get("overrides", [])
    engine = [o for o in overrides if o["module"] == ["specplan.engine.*"]]
    assert len(engine) == 1
    flags = engine[0]
    for flag in ("disallow_any_generics", "disallow_subclassing_any", "disallow_untyped_calls",
                 "disallow_untyped_defs", "disallow_incomplete_defs", "check_untyped_defs",
                 "disallow_untyped_decorators", "warn_unused_ignores", "warn_return_any",
                 "strict_equality", "extra_checks"):
        assert flags.get(flag) is True, flag
    assert flags.get("implicit_reexport") is False
    others = [module for o in overrides if o is not engine[0] for module in o["module"]]
    assert not [m for m in others if m.startswith("specplan.engine")], others

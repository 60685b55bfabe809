"""The code passes mypy, as pyproject.toml's [tool.mypy] configures it (strict below the UI).

One case a package: adding a package is one line of PACKAGES. Errors are counted only in the
package under test; a package it imports is checked by its own case (PENDING: those not yet
typed, whose errors another case must not report as its own).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Package -> the level pyproject.toml must check it at ("strict" or "checked").
PACKAGES = {
    "specplan.domain": "strict",
    "specplan.engine": "strict",
    "specplan.store": "strict",
}
#: Packages still being typed: imported, but their own errors are not this test's.
PENDING = ("specplan.engine", "specplan.excel", "specplan.cli", "specplan.ui")

#: What --strict turns on module by module (the global-only flags are in [tool.mypy] itself).
STRICT_FLAGS = ("disallow_any_generics", "disallow_subclassing_any", "disallow_untyped_calls",
                "disallow_untyped_defs", "disallow_incomplete_defs", "check_untyped_defs",
                "disallow_untyped_decorators", "warn_unused_ignores", "warn_return_any",
                "strict_equality", "extra_checks")


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]


def _overrides_for(package: str) -> list[dict]:
    return [o for o in _config().get("overrides", []) if f"{package}.*" in o["module"]]


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_the_package_passes_mypy(package, tmp_path):
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (it is in the test extra)")
    config = tmp_path / "mypy.toml"
    pending = [p for p in PENDING if p not in PACKAGES]
    # The project's own configuration, plus silence for the packages still being typed.
    text = (ROOT / "pyproject.toml").read_text()
    if pending:
        modules = ", ".join(f'"{p}.*"' for p in pending)
        text += f'\n[[tool.mypy.overrides]]\nmodule = [{modules}]\nfollow_imports = "silent"\n'
    config.write_text(text)
    out, err, status = api.run(["--config-file", str(config), "--cache-dir", str(ROOT / ".mypy_cache"),
                                "--no-error-summary", "-p", package])
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert not errors and status == 0, f"mypy on {package}:\n{out}{err}"


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_the_package_is_checked_at_its_level(package):
    """A strict package has every flag --strict turns on per module, and nothing turns one off;
    ``strict = true`` in an override is refused (it turns them on everywhere, python/mypy#11401)."""
    overrides = _overrides_for(package)
    assert not any("strict" in o for o in _config().get("overrides", []))
    if PACKAGES[package] == "strict":
        for flag in STRICT_FLAGS:
            assert any(o.get(flag) is True for o in overrides), (package, flag)
            assert not any(o.get(flag) is False for o in overrides), (package, flag)
        assert any(o.get("implicit_reexport") is False for o in overrides), package
    else:
        assert any(o.get("check_untyped_defs") is True for o in overrides), package
    assert not any(o.get("ignore_errors") for o in overrides), package

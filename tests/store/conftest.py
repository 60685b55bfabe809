"""Store tests: each test gets its own data folder (backups, recovery files) and plan folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from specplan.store.locations import DATA_DIR_VARIABLE

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def small_file(tmp_path) -> Path:
    """A copy of the committed small sample plan file, to change freely."""
    path = tmp_path / "plans" / "small.specplan"
    path.parent.mkdir()
    shutil.copyfile(SAMPLES / "mh-collaborative.specplan", path)
    return path

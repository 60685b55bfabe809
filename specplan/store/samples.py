"""The sample plans as ``.specplan`` files (``sample_plans/``, ``specplan-cli new --sample``).

Writing is deterministic: the same plan gives the same bytes (no timestamps, no change log
entries, rows in plan order), so re-running ``sample_plans/make_samples.py`` changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.samples import build_sample, sample_names
from .backups import BackupPolicy
from .files import save_plan_as

_NO_BACKUPS = BackupPolicy(keep=0)


def sample_file_name(name: str) -> str:
    return f"{name}.specplan"


def write_sample(name: str, path: str | Path) -> Path:
    """Write the sample plan ``name`` to ``path`` (replacing it in one rename if it exists)."""
    path = Path(path)
    save_plan_as(build_sample(name), path, backups=_NO_BACKUPS)
    return path


def write_samples(folder: str | Path) -> list[Path]:
    """Every sample plan into ``folder``."""
    return [write_sample(name, Path(folder) / sample_file_name(name)) for name in sample_names()]

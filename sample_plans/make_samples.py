"""Write the sample plans in this folder from ``specplan/samples.py``.

    python sample_plans/make_samples.py

Re-running gives the same files byte for byte (``tests/store/test_samples.py`` checks the
committed files against what this writes).
"""

from __future__ import annotations

from pathlib import Path

from specplan.store.samples import write_samples

if __name__ == "__main__":
    for path in write_samples(Path(__file__).resolve().parent):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")

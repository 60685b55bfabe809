"""A finance sheet still on the 42 ICBs of 2022, imported into a plan on the 36 of 2026."""

from __future__ import annotations

import csv

import numpy as np

from specplan.domain.reference import load_reference
from specplan.domain.samples import national, template_plan
from specplan.engine.remap import remap
from specplan.excel import import_baseline


def test_old_icb_names_and_codes_are_re_mapped_and_the_import_says_so(tmp_path):
    old = national(load_reference(), "2022-07")
    services = old.services[:4]
    path = tmp_path / "ledger-2022.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Service", "ICB", "Setting", "Budget £"])
        for s, service in enumerate(services):
            for i, icb in enumerate(old.icbs):
                for k, setting in enumerate(old.settings):
                    writer.writerow([service.code, icb.name if i % 2 else icb.code, setting,
                                     f"{old.baseline.spend_pence[s, i, k] / 100:.2f}"])
    plan = template_plan()
    new, report = import_baseline(path, plan)
    assert new.vintage == "2026-04" and new.icbs == plan.icbs
    note = next(w for w in report.warnings if "re-mapped" in w)
    assert "vintage 2022-07" in note and "QM7 to S1Y5D 79.74%, D7T5G 20.26%" in note
    expected, _ = remap(old, "2026-04")
    for service in services:
        row = expected.service_index[service.code]
        assert np.array_equal(new.baseline.spend_pence[new.service_index[service.code]],
                              expected.baseline.spend_pence[row])
    assert report.total_pence == int(old.baseline.spend_pence[:4].sum()) == new.baseline.total_pence
    assert report.previous_total_pence == 0

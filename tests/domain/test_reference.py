"""The reference footprints and service catalogue load and hold together."""

from __future__ import annotations

from collections import Counter

import pytest

from specplan.domain import PlanningLevel, ValidationError
from specplan.domain.reference import load_reference, read_table
from specplan.paths import resources_dir


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def test_seven_regions_and_both_vintages(ref):
    assert len(ref.regions) == 7
    assert [(v.code, len(v.icbs)) for v in ref.vintages] == [("2022-07", 42), ("2026-04", 36)]
    assert ref.icbs == ref.vintage("2026-04").icbs  # the latest shipped vintage
    assert {r.code for r in ref.regions} == {"Y56", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"}


def test_every_icb_is_in_exactly_one_known_region(ref):
    regions = {r.code for r in ref.regions}
    old, new = ref.vintage("2022-07").icbs, ref.vintage("2026-04").icbs
    assert all(icb.region in regions for icb in old + new)
    # London 5, South West 7, South East 6, Midlands 11, East 6, North West 3, NE and Yorks 4.
    assert Counter(icb.region for icb in old) == {"Y56": 5, "Y58": 7, "Y59": 6, "Y60": 11, "Y61": 6,
                                                  "Y62": 3, "Y63": 4}
    # From April 2026 (domain.md): 4/7/4/11/3/3/4.
    assert Counter(icb.region for icb in new) == {"Y56": 4, "Y58": 7, "Y59": 4, "Y60": 11, "Y61": 3,
                                                  "Y62": 3, "Y63": 4}


def test_codes_are_unique(ref):
    for items in (ref.regions, ref.icbs, ref.services):
        codes = [item.code for item in items]
        assert len(codes) == len(set(codes))


def test_populations_match_the_published_total(ref):
    # GP-registered adults 16+, April 2023: the source's total (domain.md), re-aggregated in 2026.
    for vintage in ref.vintages:
        assert sum(icb.population for icb in vintage.icbs) == 51_396_905


def test_catalogue_has_at_least_30_real_lines_with_valid_fields(ref):
    assert len(ref.services) >= 30
    assert {s.planning_level for s in ref.services} == set(PlanningLevel)
    assert all(s.unit("inpatient") == "bed days" for s in ref.services)
    rows, _ = read_table(resources_dir() / "reference" / "services.csv")
    assert all(row["code_source"] in {"official", "local"} for row in rows)
    assert all(row["code"].startswith("LOC-") == (row["code_source"] == "local") for row in rows)
    assert all(row["source"].strip() for row in rows)
    assert ref.service("NCBPS22S").mental_health


def test_each_file_cites_its_sources(ref):
    assert "ICB_APR_2023" in ref.sources["icbs"]
    assert "GP" in ref.sources["icbs"]
    assert "rcpch" in ref.sources["icbs 2026-04"] and "PROXY" in ref.sources["icbs 2026-04"]
    assert "Source" in ref.sources["services"] or "source" in ref.sources["services"]


def copy_reference(tmp_path):
    folder = tmp_path / "reference"
    folder.mkdir()
    for path in (resources_dir() / "reference").glob("*.csv"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_a_broken_file_is_reported_with_its_path_and_row(tmp_path):
    folder = copy_reference(tmp_path)
    lines = (folder / "icbs.csv").read_text(encoding="utf-8").splitlines()
    header = next(n for n, line in enumerate(lines) if not line.startswith("#"))
    lines[header + 3] = lines[header + 3].replace("Y56", "Y99")
    (folder / "icbs.csv").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ValidationError, match=rf"icbs.csv row {header + 4}: 'Y99'"):
        load_reference.__wrapped__(folder)


def test_duplicate_codes_are_refused(tmp_path):
    folder = copy_reference(tmp_path)
    text = (folder / "regions.csv").read_text(encoding="utf-8")
    (folder / "regions.csv").write_text(text + "Y56,London again\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="Y56"):
        load_reference.__wrapped__(folder)

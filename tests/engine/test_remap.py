"""Re-mapping plans from the 42 ICBs of 2022 to the 36 of 2026, checked as a finance user would:
every figure of the report against an independent computation in Python ints and Fractions,
from the succession CSV read here with the csv module (not through specplan's loader)."""

from __future__ import annotations

import csv
from collections import defaultdict
from fractions import Fraction

import numpy as np
import pytest

from specplan.domain import ICB, Baseline, Growth, GrowthRate, Plan, Region, Scenario, ServiceLine, ShiftLever
from specplan.domain.reference import load_reference
from specplan.domain.samples import national
from specplan.domain.user_vintages import load_vintages
from specplan.engine.remap import remap
from specplan.paths import resources_dir

REF = resources_dir() / "reference"


def csv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in (REF / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


SUCCESSION = defaultdict(list)
for _row in csv_rows("succession_2026-04.csv"):
    SUCCESSION[_row["from_code"]].append((_row["to_code"], Fraction(_row["share"])))
NEW_ORDER = [row["code"] for row in csv_rows("icbs_2026-04.csv")]
NEW_REGION = {row["code"]: row["region"] for row in csv_rows("icbs_2026-04.csv")}
NEW_POPULATION = {row["code"]: int(row["population"]) for row in csv_rows("icbs_2026-04.csv")}
OLD_POPULATION = {row["code"]: int(row["population"]) for row in csv_rows("icbs.csv")}


def expected_split(pence: int, old_code: str) -> dict[str, int]:
    """Largest remainder by hand: floors of exact quotas, then a penny each to the largest
    remainders, ties to the ICB listed first in the 2026 file."""
    targets = sorted(SUCCESSION[old_code], key=lambda t: NEW_ORDER.index(t[0]))
    quotas = [(code, pence * share) for code, share in targets]
    parts = {code: q.numerator // q.denominator for code, q in quotas}
    left = pence - sum(parts.values())
    ranked = sorted(range(len(quotas)), key=lambda n: (-(quotas[n][1] - parts[quotas[n][0]]), n))
    for n in ranked[:left]:
        parts[quotas[n][0]] += 1
    return parts


def expected_cube(plan: Plan) -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = defaultdict(int)
    for s, service in enumerate(plan.services):
        for i, icb in enumerate(plan.icbs):
            for k, setting in enumerate(plan.settings):
                for code, part in expected_split(int(plan.baseline.spend_pence[s, i, k]), icb.code).items():
                    out[service.code, code, setting] += part
    return out


@pytest.fixture(scope="module")
def national_2022():
    plan = national(load_reference(), "2022-07")
    return plan, *remap(plan, "2026-04")


def test_national_plan_on_the_2022_icbs_remaps_to_the_36_of_2026(national_2022):
    plan, new, report = national_2022
    assert len(plan.icbs) == 42 and plan.vintage == "2022-07"
    assert len(new.icbs) == 36 and new.vintage == "2026-04"
    assert [i.code for i in new.icbs] == NEW_ORDER
    assert all(new.icbs[n].region == NEW_REGION[c] for n, c in enumerate(NEW_ORDER))
    assert all(i.population == NEW_POPULATION[i.code] for i in new.icbs)  # weights not overridden
    expected = expected_cube(plan)
    got = {(s.code, i.code, k): int(new.baseline.spend_pence[a, b, c])
           for a, s in enumerate(new.services) for b, i in enumerate(new.icbs) for c, k in enumerate(new.settings)}
    assert got == {key: expected.get(key, 0) for key in got}
    assert new.baseline.total_pence == plan.baseline.total_pence == 2_075_609_505_800
    print(f"\nnational 2022-07 -> 2026-04: {new.baseline.total_pence:,} pence before and after")


def test_every_figure_of_the_report(national_2022):
    plan, new, report = national_2022
    assert (report.from_vintage, report.to_vintage) == ("2022-07", "2026-04")
    assert list(report.icbs) == [i.code for i in plan.icbs]
    for i, icb in enumerate(plan.icbs):
        totals: dict[str, int] = defaultdict(int)
        for s in range(len(plan.services)):
            for k in range(len(plan.settings)):
                for code, part in expected_split(int(plan.baseline.spend_pence[s, i, k]), icb.code).items():
                    totals[code] += part
        parts = report.icbs[icb.code]
        assert [(d.to, d.share) for d in parts] == sorted(SUCCESSION[icb.code], key=lambda t: NEW_ORDER.index(t[0]))
        assert {d.to: d.spend_pence for d in parts} == totals
        assert sum(d.spend_pence for d in parts) == int(plan.baseline.spend_pence[:, i, :].sum())
    frimley = {d.to: d.spend_pence for d in report.icbs["QNQ"]}
    print(f"QNQ (Frimley) went to {frimley}")
    assert report.widened == ()  # every ICB of England: no scope widens
    rows = {(r.service, r.setting): (r.before_pence, r.after_pence) for r in report.reconciliation}
    for s, service in enumerate(plan.services):
        for k, setting in enumerate(plan.settings):
            total = int(sum(int(v) for v in plan.baseline.spend_pence[s, :, k]))
            if total:
                assert rows[service.code, setting] == (total, total)
    regions: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in report.by_region:
        regions[r.region][0] += r.before_pence
        regions[r.region][1] += r.after_pence
    for region in {i.region for i in plan.icbs}:
        mine = sum(int(plan.baseline.spend_pence[:, n, :].sum()) for n, i in enumerate(plan.icbs) if i.region == region)
        assert regions[region] == [mine, mine]
    assert {r.region: [r.before_pence, r.after_pence] for r in report.region_totals()} == dict(regions)
    assert all(r.difference_pence == 0 for r in report.reconciliation + report.region_totals())
    whole = report.totals()
    assert whole.before_pence == whole.after_pence == plan.baseline.total_pence
    assert report.reconciles
    print(f"{len(report.reconciliation)} service/setting rows and {len(report.by_region)} region rows reconcile")


def test_the_original_plan_is_not_changed(national_2022):
    plan, _, _ = national_2022
    assert plan == national(load_reference(), "2022-07")


def split_plan(weights=None, rates=(), levers=()) -> Plan:
    """The three split ICBs, two services, four settings, figures chosen to test the rounding."""
    ref = load_reference().vintage("2022-07")
    icbs = tuple(ref.icb(c) for c in ("QNQ", "QM7", "QJG"))
    if weights:
        icbs = tuple(ICB(i.code, i.name, i.region, w) for i, w in zip(icbs, weights))
    services = (ServiceLine("S1", "One", "Cancer", "regional"), ServiceLine("S2", "Two", "Trauma", "ics"))
    spend = np.zeros((2, 3, 4), np.int64)
    spend[0, :, 0] = (1, 20_000, 10**15)            # 1p; a tie at 0.5; ten trillion pence
    spend[0, :, 1] = (999_999_999, 3, 7)
    spend[1, :, 2] = (123_456_789_01, 98_765, 0)
    spend[1, :, 3] = (2, 2, 2)
    activity = np.zeros((2, 3, 4))
    activity[0, :, 0] = (10.0, 250.5, 1e6)
    return Plan(name="Split ICBs", base_year=2025, horizon=3,
                regions=(Region("Y59", "South East"), Region("Y61", "East of England")), icbs=icbs,
                services=services, baseline=Baseline(spend, activity), growth=Growth(rates),
                scenarios=(Scenario("Do nothing"), Scenario("Local", levers)), vintage="2022-07")


def test_hand_made_plan_of_the_three_split_icbs():
    plan = split_plan()
    new, report = remap(plan, "2026-04")
    assert [i.code for i in new.icbs] == ["QRL", "S9B9J", "S0E4D", "S1Y5D", "D7T5G", "T6Y0W"]
    for s in range(len(plan.services)):
        for i, icb in enumerate(plan.icbs):
            for k in range(4):
                for code, part in expected_split(int(plan.baseline.spend_pence[s, i, k]), icb.code).items():
                    j = new.icb_index[code]
                    assert new.baseline.spend_pence[s, j, k] >= part
    assert {key: v for key, v in expected_cube(plan).items() if v} == {
        (s.code, i.code, k): int(new.baseline.spend_pence[a, b, c])
                                   for a, s in enumerate(new.services) for b, i in enumerate(new.icbs)
                                   for c, k in enumerate(new.settings) if new.baseline.spend_pence[a, b, c]}
    # QM7's 20,000p: quotas 15,948.5 (Central East) and 4,051.5 (Essex) tie; Central East is listed first.
    assert new.baseline.spend_pence[0, new.icb_index["S1Y5D"], 0] == 15_949
    # Essex also takes QJG's 0.352999 of ten trillion pence, exactly.
    assert new.baseline.spend_pence[0, new.icb_index["D7T5G"], 0] == 4_051 + 352_999_000_000_000
    # Frimley's single penny goes to the largest share, Thames Valley.
    assert new.baseline.spend_pence[0, new.icb_index["S0E4D"], 0] == 1
    # Activity splits in proportion (floats).
    assert new.baseline.activity[0, new.icb_index["S1Y5D"], 0] == pytest.approx(250.5 * 0.797425)
    assert new.baseline.activity[0, new.icb_index["T6Y0W"], 0] == pytest.approx(1e6 * 0.647001)
    assert new.baseline.activity.sum() == pytest.approx(plan.baseline.activity.sum())
    assert all(i.population == NEW_POPULATION[i.code] for i in new.icbs)
    assert len(report.widened) == 6 and all("the plan's ICBs" in text for text in report.widened)
    essex = next(t for t in report.widened if "D7T5G" in t)
    share = (Fraction("0.202575") * OLD_POPULATION["QM7"] + Fraction("0.352999") * OLD_POPULATION["QJG"]) / (
        Fraction("0.202575") * OLD_POPULATION["QM7"] + Fraction("0.352999") * OLD_POPULATION["QJG"]
        + OLD_POPULATION["QH8"])
    assert f"{float(share):.1%}" in essex and "QH8" in essex
    assert report.reconciles and len(report.reconciliation) == 4  # the non-zero service and setting pairs
    assert {r.region for r in report.by_region} == {"Y59", "Y61"}


def test_overridden_weights_and_growth_are_averaged_by_share_and_weight():
    weights = (600_000, 1_300_000.5, 900_000)
    rates = (GrowthRate("demographic", "QM7", 0.01), GrowthRate("demographic", "QJG", 0.02),
             GrowthRate("demographic", "QJG", 0.03, year=2), GrowthRate("non_demographic", "S1", 0.04),
             GrowthRate("price", None, 0.015))
    plan = split_plan(weights, rates)
    new, _ = remap(plan, "2026-04")
    w = dict(zip(("QNQ", "QM7", "QJG"), map(Fraction, weights)))
    for code in ("QRL", "S1Y5D", "D7T5G", "T6Y0W"):
        exact = sum(share * w[old] for old, targets in SUCCESSION.items() if old in w
                    for to, share in targets if to == code)
        assert new.icbs[new.icb_index[code]].population == pytest.approx(float(exact), rel=1e-15)
    essex_m, essex_j = Fraction("0.202575") * w["QM7"], Fraction("0.352999") * w["QJG"]
    every = (essex_m * Fraction(0.01) + essex_j * Fraction(0.02)) / (essex_m + essex_j)
    year2 = (essex_m * Fraction(0.01) + essex_j * Fraction(0.03)) / (essex_m + essex_j)
    got = {(r.code, r.year): r.rate for r in new.growth.rates if r.kind == "demographic"}
    assert got["D7T5G", None] == pytest.approx(float(every), rel=1e-15)
    assert got["D7T5G", 2] == pytest.approx(float(year2), rel=1e-15)
    assert got["S1Y5D", None] == 0.01 and ("S1Y5D", 2) not in got  # one predecessor: its rate exactly
    assert got["T6Y0W", None] == 0.02 and got["T6Y0W", 2] == 0.03
    assert "QRL" not in {c for c, _ in got}  # Frimley had no demographic rate
    assert [r for r in new.growth.rates if r.kind != "demographic"] == list(rates[3:])


def test_a_lever_naming_an_old_icb_names_its_successors_and_says_where_it_widened():
    lever = ShiftLever(target_share=0.2, icbs=("QM7",))
    new, report = remap(split_plan(levers=(lever,)), "2026-04")
    assert new.scenario("Local").levers[0].icbs == ("S1Y5D", "D7T5G")
    texts = [t for t in report.widened if "lever 1" in t]
    assert len(texts) == 2 and all("'Local'" in t and "QM7" in t for t in texts)
    assert any("S1Y5D" in t for t in texts) and any("D7T5G" in t for t in texts)


def test_only_the_next_vintage_and_only_the_plans_own_codes():
    from specplan.domain import ValidationError

    new, _ = remap(split_plan(), "2026-04")
    with pytest.raises(ValidationError, match="latest vintage"):
        remap(new, "2026-04")
    with pytest.raises(ValidationError, match="one of the known vintages"):
        remap(split_plan(), "2031-04")
    assert load_vintages().latest.code == "2026-04"

"""Rotating backups before each save, and the change log (who, when, what, old and new)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import numpy as np
import platformdirs

from specplan.domain import Appraisal, Baseline, GrowthRate, Review, Scenario
from specplan.domain.growth import Growth
from specplan.store import (
    BackupPolicy,
    ChangeEntry,
    diff_plans,
    list_backups,
    open_plan,
    read_change_log,
    save_plan,
)
from specplan.store.backups import backup_folder
from specplan.store.locations import DATA_DIR_VARIABLE, data_dir


def test_each_save_keeps_the_previous_plan_and_the_newest_n_remain(tmp_path, mh_plan):
    path, policy = tmp_path / "p.specplan", BackupPolicy(keep=3)
    versions = [mh_plan.replace(name=f"Version {n}") for n in range(8)]
    for plan in versions:
        report = save_plan(plan, path, backups=policy)
    backups = list_backups(path, policy)
    assert len(backups) == 3 and report.backup == backups[0] and report.backup_problem is None
    assert [open_plan(b, read_only=True).name for b in backups] == ["Version 6", "Version 5", "Version 4"]
    assert open_plan(path).name == "Version 7"


def test_default_is_five_backups_in_the_user_data_folder(tmp_path, mh_plan, data_dir):
    path = tmp_path / "p.specplan"
    for n in range(7):
        save_plan(mh_plan.replace(name=f"V{n}"), path)
    assert len(list_backups(path)) == 5
    assert backup_folder(path).parent == data_dir / "backups"


def test_data_folder_comes_from_platformdirs(monkeypatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    assert data_dir() == platformdirs.user_data_path("specplan", appauthor=False)


def test_backups_beside_the_plan(tmp_path, mh_plan):
    path, policy = tmp_path / "p.specplan", BackupPolicy(keep=2, beside_plan=True)
    for n in range(3):
        save_plan(mh_plan.replace(name=f"V{n}"), path, backups=policy)
    assert [b.parent for b in list_backups(path, policy)] == [tmp_path / "p backups"] * 2


def test_a_failed_backup_does_not_stop_the_save(tmp_path, mh_plan, data_dir):
    path = tmp_path / "p.specplan"
    save_plan(mh_plan, path)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "backups").write_text("a file where the backup folder should be")
    report = save_plan(mh_plan.replace(name="Saved anyway"), path)
    assert report.backup is None and "no backup" in report.backup_problem
    assert open_plan(path).name == "Saved anyway"


def test_no_backups_when_turned_off(tmp_path, mh_plan):
    path = tmp_path / "p.specplan"
    save_plan(mh_plan, path)
    save_plan(mh_plan, path, backups=BackupPolicy(keep=0))
    assert list_backups(path) == []


def test_change_log_keeps_who_when_what_old_and_new_across_saves(tmp_path, mh_plan):
    path = tmp_path / "p.specplan"
    when = datetime(2025, 6, 1, 9, 30, tzinfo=UTC)
    save_plan(mh_plan, path, [ChangeEntry("plan created", None, mh_plan.name, "ann", when)])
    save_plan(mh_plan, path, [ChangeEntry("horizon", "5", "6", "bob", when),
                                 ChangeEntry("name", "a", "b", "bob", when)])
    entries = read_change_log(path)
    assert [(e.who, e.when, e.what, e.old, e.new) for e in entries] == [
        ("ann", when, "plan created", None, mh_plan.name),
        ("bob", when, "horizon", "5", "6"), ("bob", when, "name", "a", "b"),
    ]
    assert "bob: horizon: 5 -> 6" in entries[1].describe()


def test_diff_plans_describes_each_kind_of_edit(mh_plan):
    # Options are removed below without the edits that carry their scores and comments along.
    mh_plan = mh_plan.replace(appraisal=Appraisal(), review=Review())
    icbs = (dataclasses.replace(mh_plan.icbs[0], population=1_000_000), *mh_plan.icbs[1:])
    services = (dataclasses.replace(mh_plan.services[0], occupancy=0.8), *mh_plan.services[1:])
    rates = mh_plan.growth.rates
    growth = Growth((dataclasses.replace(rates[0], rate=0.02), *rates[1:], GrowthRate("price", None, 0.01, year=3)))
    spend = mh_plan.baseline.spend_pence.copy()
    spend[0, 0, 0] += 12_345
    scenarios = (mh_plan.scenarios[0], dataclasses.replace(mh_plan.scenarios[1], levers=()),
                 Scenario("New option"))
    new = mh_plan.replace(icbs=icbs, services=services, growth=growth, scenarios=scenarios,
                             baseline=Baseline(spend, mh_plan.baseline.activity), description="Edited")
    entries = {e.what: (e.old, e.new) for e in diff_plans(mh_plan, new)}
    icb = mh_plan.icbs[0].code
    assert entries[f"ICB {icb} population"] == (f"{mh_plan.icbs[0].population}", "1000000")
    assert entries[f"service {mh_plan.services[0].code} occupancy"] == (None, "0.8")
    assert entries[f"growth demographic {icb} every year"][1] == "0.02"
    assert entries["growth price plan-wide year 3 added"] == (None, "0.01")
    assert entries["option 'Step-down and outreach' removed"][0].startswith("Shift 20%")
    assert entries["option 'New option' added"] == (None, "no levers")
    assert entries["option 'Community first' lever 1"][1] is None
    cell = f"baseline spend {mh_plan.services[0].code} / {icb} / inpatient"
    old_pounds = mh_plan.baseline.spend_pence[0, 0, 0] / 100
    assert entries[cell] == (f"£{old_pounds:,.2f}", f"£{old_pounds + 123.45:,.2f}")
    assert entries["description"][1] == "Edited"
    assert diff_plans(mh_plan, mh_plan) == []


def test_mass_baseline_change_is_one_entry_per_measure(mh_plan):
    baseline = Baseline(mh_plan.baseline.spend_pence * 2, mh_plan.baseline.activity)
    entries = diff_plans(mh_plan, mh_plan.replace(baseline=baseline))
    assert len(entries) == 1 and entries[0].what.startswith("baseline spend: 150 cells changed")
    assert entries[0].new == f"£{2 * mh_plan.baseline.total_pence / 100:,.2f}"
    assert np.array_equal(baseline.spend_pence, mh_plan.baseline.spend_pence * 2)


def test_diff_plans_describes_appraisal_and_review_edits(mh_plan):
    from specplan.domain import DEFAULT_CRITERIA, Appraisal, Comment, Criterion, Review, Score

    mh_plan = mh_plan.replace(appraisal=Appraisal(), review=Review())  # the sample's own scores aside
    option = mh_plan.scenarios[1].name
    scored = mh_plan.replace(
        appraisal=Appraisal(DEFAULT_CRITERIA[:4] + (Criterion("Financial sustainability", 25.0),),
                            (Score(option, "Workforce", 4, "Team in place"),)),
        review=Review(((option, "endorsed"),), (Comment(option, "Ann", "2025-06-01T09:00:00+00:00", "Good", 1),)))
    entries = {e.what: (e.old, e.new) for e in diff_plans(mh_plan, scored)}
    assert entries == {
        "criterion Financial sustainability": ("20", "25"),
        f"score of {option!r} on 'Workforce' added": (None, "4 (Team in place)"),
        f"status of option {option} added": (None, "endorsed"),
        f"comment by Ann on option {option!r} lever 1 added": (None, "Good"),
    }

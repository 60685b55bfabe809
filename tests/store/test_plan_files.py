"""Open and save: the plan survives the file exactly; pragmas, transactions and bulk writes."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from hypothesis import given, settings
from make_fixtures import fixture_plan
from plan_strategies import plans

from specplan.domain import edits
from specplan.store import APPLICATION_ID, SCHEMA_VERSION, open_plan, save_plan, save_plan_as
from specplan.store import connection as connection_module
from specplan.store.tables import METADATA, SELECT_SQL


def test_fixture_plan_round_trips_every_field(tmp_path):
    plan = fixture_plan()
    save_plan(plan, tmp_path / "p.specplan")
    back = open_plan(tmp_path / "p.specplan")
    assert back == plan
    assert back.baseline.spend_pence[2, 2, 4] == 10**15  # money stays exact
    assert back.services[0].units == plan.services[0].units
    assert [type(lever) for lever in back.scenarios[1].levers] == [type(lever) for lever in plan.scenarios[1].levers]


def test_samples_round_trip(tmp_path, mh_plan, national_plan):
    for plan in (mh_plan, national_plan):
        save_plan(plan, tmp_path / "p.specplan")
        assert open_plan(tmp_path / "p.specplan") == plan


@settings(max_examples=40)
@given(plan=plans())
def test_generated_plans_round_trip(tmp_path_factory, plan):
    path = tmp_path_factory.mktemp("gen") / "p.specplan"
    save_plan(plan, path)
    assert open_plan(path, read_only=True) == plan


def test_saving_over_a_plan_replaces_it_entirely(tmp_path, mh_plan):
    path = tmp_path / "p.specplan"
    save_plan(fixture_plan(), path)
    save_plan(mh_plan, path)
    assert open_plan(path) == mh_plan
    trimmed = mh_plan
    for option in mh_plan.scenarios[1:]:  # through the edits, so scores and comments go too
        trimmed = edits.delete_scenario(trimmed, option.name).plan
    edited = edits.add_scenario(trimmed, "New").plan
    save_plan(edited, path)
    assert open_plan(path) == edited


def test_file_identity_pragmas_and_cells(tmp_path, national_plan):
    path = tmp_path / "n.specplan"
    save_plan(national_plan, path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # rollback journal, not WAL
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(METADATA.tables)
    # Only non-zero cells are stored, money as INTEGER pence.
    nonzero = int(((national_plan.baseline.spend_pence != 0) | (national_plan.baseline.activity != 0)).sum())
    assert raw.execute("SELECT count(*) FROM baseline_cell").fetchone()[0] == nonzero < national_plan.baseline.spend_pence.size
    assert raw.execute("SELECT DISTINCT typeof(spend_pence) FROM baseline_cell").fetchall() == [("integer",)]
    assert raw.execute("SELECT sum(spend_pence) FROM baseline_cell").fetchone()[0] == national_plan.baseline.total_pence
    assert path.stat().st_size < 2 * 2**20


def test_every_connection_enforces_foreign_keys_and_full_sync(tmp_path, mh_plan):
    path = tmp_path / "p.specplan"
    save_plan(mh_plan, path)
    for writable in (True, False):
        raw = connection_module.connect(path, writable=writable)
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        if writable:
            assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
                raw.execute("INSERT INTO lever_service VALUES (1, 99, 'NO-SUCH-SERVICE')")
        else:
            with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
                raw.execute("DELETE FROM region")
        raw.close()


def traced_statements(monkeypatch) -> list[str]:
    """Every SQL statement run by the store from now on (through its connect function)."""
    statements: list[str] = []
    real_connect = connection_module.connect

    def connect(path, *, writable):
        raw = real_connect(path, writable=writable)
        raw.set_trace_callback(statements.append)
        return raw
    monkeypatch.setattr(connection_module, "connect", connect)
    return statements


@pytest.mark.parametrize("existing", [False, True])
def test_a_save_is_one_explicit_transaction_with_bulk_inserts(tmp_path, monkeypatch, national_plan, existing):
    path = tmp_path / "p.specplan"
    if existing:
        save_plan(fixture_plan(), path)
    statements = traced_statements(monkeypatch)
    save_plan(national_plan, path)
    writes = [s for s in statements if not s.startswith("PRAGMA") or "application_id =" in s]
    begin = writes.index("BEGIN IMMEDIATE")
    assert writes[-1] == "COMMIT" and writes.count("COMMIT") == 1 and writes.count("BEGIN IMMEDIATE") == 1
    inside = writes[begin + 1:-1]
    if not existing:
        assert any(s.startswith("CREATE TABLE") for s in inside)  # DDL inside the transaction too
    cell_inserts = [s for s in inside if s.startswith("INSERT INTO baseline_cell")]
    # The trace shows each executed row; all come from one executemany of one prepared statement.
    assert len(cell_inserts) == len(np.nonzero(national_plan.baseline.spend_pence)[0])


def test_read_only_open_never_writes(small_file):
    before = small_file.read_bytes()
    open_plan(small_file, read_only=True)
    assert small_file.read_bytes() == before
    assert sorted(p.name for p in small_file.parent.iterdir()) == [small_file.name]


def test_save_as_copies_through_sqlite_and_keeps_the_source(tmp_path, small_file, mh_plan):
    from specplan.store import ChangeEntry, read_change_log

    save_plan(mh_plan, small_file, [ChangeEntry("name", "a", "b", "ann")])
    before = small_file.read_bytes()
    edited = mh_plan.replace(name="Renamed")
    target = tmp_path / "other folder" / "copy.specplan"
    target.parent.mkdir()
    save_plan_as(edited, target, source=small_file, changes=[ChangeEntry("name", mh_plan.name, "Renamed")])
    assert small_file.read_bytes() == before
    assert open_plan(target) == edited
    assert [e.what for e in read_change_log(target)] == ["name", "name"]  # history came along
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.specplan"]


def test_save_as_uses_vacuum_into_and_upgrades_an_old_source(tmp_path, monkeypatch, mh_plan):
    import shutil

    from make_fixtures import fixture_path

    from specplan.store import files

    old = tmp_path / "old.specplan"
    shutil.copyfile(fixture_path(1), old)
    before = old.read_bytes()
    statements: list[str] = []
    real_connect = files.connect

    def connect(path, *, writable):
        raw = real_connect(path, writable=writable)
        raw.set_trace_callback(statements.append)
        return raw
    monkeypatch.setattr(files, "connect", connect)
    save_plan_as(mh_plan, tmp_path / "new.specplan", source=old)
    assert any(s.startswith("VACUUM INTO") for s in statements)
    assert old.read_bytes() == before
    raw = sqlite3.connect(tmp_path / "new.specplan")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()
    assert open_plan(tmp_path / "new.specplan") == mh_plan


def test_save_as_replaces_an_existing_file_in_one_step(tmp_path, mh_plan):
    target = tmp_path / "t.specplan"
    save_plan(fixture_plan(), target)
    save_plan_as(mh_plan, target)
    assert open_plan(target) == mh_plan


def test_selects_read_tables_in_key_order():
    for name, sql in SELECT_SQL.items():
        assert sql.startswith("SELECT") and "ORDER BY" in sql, name


def test_the_file_format_stores_every_field_of_the_domain_model():
    """A tripwire: a field added to the domain must be added to the tables and the mapping (with
    an upgrade step), or saving would silently drop it. Round trips prove the listed ones."""
    import dataclasses

    from specplan import domain

    stored = {
        domain.Plan: {"name", "base_year", "horizon", "regions", "icbs", "services", "baseline", "settings",
                      "growth", "scenarios", "occupancy_default", "occupancy_mental_health",
                      "viability_max_variation", "description", "appraisal", "review", "vintage", "footprints"},
        domain.Footprint: {"name", "groups"}, domain.FootprintGroup: {"name", "icbs"},
        domain.Region: {"code", "name"}, domain.ICB: {"code", "name", "region", "population"},
        domain.ServiceLine: {"code", "name", "programme", "planning_level", "mental_health", "units",
                             "activity_per_patient", "occupancy"},
        domain.Baseline: {"spend_pence", "activity"}, domain.Growth: {"rates"},
        domain.GrowthRate: {"kind", "code", "rate", "year"},
        domain.Scenario: {"name", "levers", "description"}, domain.Phasing: {"kind", "values"},
        domain.ShiftLever: {"from_setting", "to_setting", "target_share", "phasing", "substitution_ratio",
                            "reinvest_share", "double_running_share", "services", "icbs"},
        domain.ConvergenceLever: {"share", "services"}, domain.PlanningLevelLever: {"level", "services"},
        domain.Appraisal: {"criteria", "scores"}, domain.Criterion: {"name", "weight"},
        domain.Score: {"option", "criterion", "score", "rationale"},
        domain.Review: {"statuses", "comments"},
        domain.Comment: {"option", "author", "time", "text", "lever"},
    }
    for cls, names in stored.items():
        assert {f.name for f in dataclasses.fields(cls)} == names, cls.__name__

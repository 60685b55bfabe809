"""The committed sample plan files, and the plan-file commands of specplan-cli."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys

import pytest

from specplan.cli import main
from specplan.domain.samples import build_sample, sample_names
from specplan.paths import sample_plans_dir
from specplan.store import open_plan
from specplan.store.samples import sample_file_name, write_samples
from specplan.store.tables import METADATA

SAMPLES = sample_plans_dir()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(path) -> dict[str, list[tuple]]:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t.name: raw.execute(f'SELECT * FROM "{t.name}"').fetchall() for t in METADATA.sorted_tables}
    finally:
        raw.close()


def header_writer(path) -> tuple[bytes, list]:
    """The SQLite version that wrote the file, and its schema text."""
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return path.read_bytes()[96:100], raw.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        raw.close()


@pytest.mark.parametrize("name", sample_names())
def test_committed_sample_files_hold_the_sample_plans(name):
    assert open_plan(SAMPLES / sample_file_name(name), read_only=True) == build_sample(name)


def test_the_script_is_deterministic_and_matches_the_committed_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = write_samples(tmp_path / "a"), write_samples(tmp_path / "b")
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes()  # re-running gives identical files
        committed = SAMPLES / one.name
        assert rows(one) == rows(committed)
        if header_writer(one) == header_writer(committed):  # same SQLite and schema text: same bytes
            assert one.read_bytes() == committed.read_bytes()
    assert (SAMPLES / "national.specplan").stat().st_size < 2**20  # non-zero cells only


def test_new_writes_a_sample_and_will_not_overwrite(tmp_path, capsys):
    path = tmp_path / "my plan.specplan"
    assert run(capsys, "new", path, "--sample", "mh-collaborative")[0] == 0
    assert open_plan(path) == build_sample("mh-collaborative")
    code, _, err = run(capsys, "new", path, "--sample", "national")
    assert code == 2 and "already exists" in err and open_plan(path).name == build_sample("mh-collaborative").name
    assert run(capsys, "new", path, "--sample", "national", "--force")[0] == 0
    assert open_plan(path) == build_sample("national")
    code, _, err = run(capsys, "new", tmp_path / "x.specplan", "--sample", "nope")
    assert code == 2 and "unknown sample 'nope'" in err


@pytest.mark.parametrize("name", sample_names())
def test_summary_of_a_plan_file_is_the_summary_of_the_sample(capsys, name):
    from_file = run(capsys, "summary", SAMPLES / sample_file_name(name), "--json")
    from_sample = run(capsys, "summary", "--sample", name, "--json")
    assert from_file[0] == 0 and from_file == from_sample


def test_validate_passes_the_samples(capsys):
    code, out, _ = run(capsys, "validate", SAMPLES / "national.specplan")
    assert code == 0 and "OK" in out and "every invariant" in out


def test_validate_lists_problems_and_exits_non_zero(small_file, capsys):
    """Damage that opening does not notice (the plan itself still reads) is found by validate."""
    raw = sqlite3.connect(small_file)  # foreign keys are off by default: break one on purpose
    raw.execute("INSERT INTO service_unit VALUES (99, 0, 'inpatient', 'bed days')")
    raw.execute("PRAGMA ignore_check_constraints = ON")
    raw.execute('UPDATE "plan" SET id = 2')
    raw.commit()
    raw.close()
    assert open_plan(small_file, read_only=True) is not None
    code, out, _ = run(capsys, "validate", small_file)
    assert code == 1
    assert "2 problems found" in out
    assert "service_unit" in out and "CHECK constraint failed in plan" in out


def test_validate_reports_the_plan_invariants(monkeypatch, mh_plan):
    """An engine that broke released = reinvested + saving would be caught."""
    from specplan.engine import ScenarioResult
    from specplan.store import validate

    real = validate.compute

    def broken(plan):
        results = real(plan)
        good = results.scenarios[1]
        released = good.released.copy()
        released[0, 0, 1] += 1
        bad = ScenarioResult(
            name=good.name, index=good.index, spend=good.spend, activity=good.activity,
            do_nothing_spend=good.do_nothing_spend, total_do_nothing=good.total_do_nothing,
            released=released, reinvested=good.reinvested, double_running=good.double_running,
            moved_activity=good.moved_activity, convergence_moves=good.convergence_moves,
            levels=good.levels, pools=good.pools, lever_totals=good.lever_totals,
            viability_max_variation=good.viability_max_variation)
        # Saving as worked out from the correct figures; released has gone wrong since.
        bad.memo.put(ScenarioResult.saving.key, good.saving)
        scenarios = list(results.scenarios)
        scenarios[1] = bad
        return dataclasses.replace(results, scenarios=tuple(scenarios))
    monkeypatch.setattr(validate, "compute", broken)
    problems = validate.check_invariants(mh_plan)
    assert any("released = reinvested + saving" in p and "'Community first'" in p for p in problems)


def test_bad_files_exit_2_with_one_line_and_no_traceback(tmp_path):
    path = tmp_path / "empty.specplan"
    path.write_bytes(b"")
    for command in ("summary", "validate", "log"):
        out = subprocess.run([sys.executable, "-m", "specplan.cli", command, str(path)],
                             capture_output=True, text=True, check=False)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert out.stderr.strip() == f"specplan-cli: {path}: the file is empty (0 bytes), so there is no plan " \
                                     "in it; it may be an interrupted copy or download"


def test_log_prints_the_change_log(small_file, mh_plan, capsys):
    from specplan.store import PlanFile

    with PlanFile.open(small_file) as document:
        document.save(mh_plan.replace(description="Edited"))
    code, out, _ = run(capsys, "log", small_file)
    assert code == 0 and "description" in out and "Edited" in out

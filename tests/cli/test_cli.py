from __future__ import annotations

import json
import subprocess
import sys

import pytest

from specplan import __version__
from specplan.cli import main
from specplan.domain.samples import build_sample
from specplan.engine import compute

TOTAL_KEYS = {
    "spend_pence", "do_nothing_spend_pence", "released_pence", "reinvested_pence", "saving_pence",
    "double_running_pence", "beds", "community_share", "by_setting_pence",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_samples_one_name_a_line(capsys):
    code, out, _ = run(capsys, "samples")
    assert code == 0 and out.splitlines() == ["mh-collaborative", "national"]


def test_summary_json_matches_the_engine(capsys):
    code, out, _ = run(capsys, "summary", "--sample", "mh-collaborative", "--json")
    assert code == 0
    data = json.loads(out)
    plan = build_sample("mh-collaborative")
    results = compute(plan)
    assert data["plan"] == plan.name and data["base_year"] == "2025/26"
    assert data["years"] == list(plan.years) and data["settings"] == list(plan.settings)
    assert [s["name"] for s in data["scenarios"]] == [s.name for s in plan.scenarios]
    for entry, result in zip(data["scenarios"], results.scenarios):
        totals = entry["totals"]
        assert set(totals) >= TOTAL_KEYS
        assert totals["spend_pence"] == result.total_spend.tolist()
        assert totals["saving_pence"] == result.total("saving").tolist()
        assert all(len(totals[key]) == len(plan.years) for key in TOTAL_KEYS - {"by_setting_pence"})
        assert sum(totals["by_setting_pence"]["community"]) == int(result.spend_by_setting[-1].sum())
        assert set(entry["by_region"]) == {"Y60"}
        assert entry["by_region"]["Y60"]["spend_pence"] == totals["spend_pence"]
        # Reconciles to the penny: plan = do nothing - saving + double running.
        for year in range(len(plan.years)):
            assert totals["spend_pence"][year] == (
                totals["do_nothing_spend_pence"][year] - totals["saving_pence"][year]
                + totals["double_running_pence"][year]
            )


def test_summary_one_scenario(capsys):
    code, out, _ = run(capsys, "summary", "--sample", "national", "--scenario", "Community shift", "--json")
    data = json.loads(out)
    assert code == 0 and [s["name"] for s in data["scenarios"]] == ["Community shift"]
    assert len(data["scenarios"][0]["by_region"]) == 7


def test_summary_table(capsys):
    code, out, _ = run(capsys, "summary", "--sample", "mh-collaborative")
    assert code == 0
    assert "Community first" in out and "2030/31" in out and "Saving" in out


@pytest.mark.parametrize("args, message", [
    (["summary", "--sample", "nope"], "unknown sample 'nope'"),
    (["summary", "--sample", "national", "--scenario", "Nope"], "unknown scenario 'Nope'"),
])
def test_unknown_names_exit_2_with_one_line(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_installed_command_prints_no_traceback():
    out = subprocess.run([sys.executable, "-m", "specplan.cli", "summary", "--sample", "x"],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and "unknown sample 'x'" in out.stderr

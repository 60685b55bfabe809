"""``specplan-cli explain``: each lever's contribution, summing exactly to the difference."""

from __future__ import annotations

import json

from specplan.cli import main
from specplan.domain import Scenario, ShiftLever
from specplan.domain.samples import build_sample
from specplan.store.files import save_plan


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_json_against_doing_nothing(capsys):
    code, out, _ = run(capsys, "explain", "--sample", "mh-collaborative", "--scenario", "Step-down and outreach",
                       "--json")
    assert code == 0
    data = json.loads(out)
    assert {"metric", "year", "total", "contributions", "exact"} <= set(data)
    assert data["metric"] == "cumulative_saving" and data["year"] == 5 and data["exact"] is True
    assert {"option", "lever", "text", "value"} <= set(data["contributions"][0])
    assert sum(c["value"] for c in data["contributions"]) == data["total"] > 0
    assert [c["lever"] for c in data["contributions"]] == [1, 2, 3]


def test_explain_between_two_options_turns_the_sign_of_the_other(capsys):
    code, out, _ = run(capsys, "explain", "--sample", "mh-collaborative", "--option", "Step-down and outreach",
                       "--against", "Community first", "--metric", "spend", "--year", "3", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["year"] == 3 and data["metric"] == "spend"
    assert {c["option"] for c in data["contributions"]} == {"Step-down and outreach", "Community first"}
    assert sum(c["value"] for c in data["contributions"]) == data["total"]


def test_explain_words_and_refusals(capsys):
    code, out, _ = run(capsys, "explain", "--sample", "mh-collaborative", "--scenario", "Community first")
    assert code == 0 and "Shift 30% of inpatient to community" in out and "£" in out
    code, _, err = run(capsys, "explain", "--sample", "mh-collaborative", "--scenario", "Nope")
    assert code == 2 and "unknown option 'Nope'" in err
    code, _, err = run(capsys, "explain", "--sample", "mh-collaborative", "--scenario", "Community first",
                       "--year", "9")
    assert code == 2 and "--year 9" in err


def test_explain_json_of_more_than_twelve_levers_is_sampled_with_standard_errors(capsys, tmp_path):
    plan = build_sample("mh-collaborative")
    levers = tuple(ShiftLever(target_share=0.02 + 0.01 * n, services=(service.code,))
                   for n, service in enumerate((plan.services * 2)[:13]))
    path = tmp_path / "thirteen.specplan"
    save_plan(plan.replace(scenarios=(*plan.scenarios, Scenario("Thirteen", levers))), path)
    code, out, _ = run(capsys, "explain", str(path), "--scenario", "Thirteen", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["exact"] is False
    assert len(data["contributions"]) == 13
    assert all(c["standard_error"] >= 0 for c in data["contributions"])
    assert data["standard_error"] == {f"Thirteen/{c['lever']}": c["standard_error"] for c in data["contributions"]}
    assert sum(c["value"] for c in data["contributions"]) == data["total"]  # still to the penny
    code, out, _ = run(capsys, "explain", str(path), "--scenario", "Thirteen")
    assert code == 0 and "sampled: more than 12 levers" in out and "+/-" in out

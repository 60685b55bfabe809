from __future__ import annotations

from specplan.domain.samples import build_sample
from specplan.engine import compute
from specplan.engine.compare import ROWS, best, compare
from specplan.engine.scope import Scope


def test_comparison_matches_the_engine():
    results = compute(build_sample("mh-collaborative"))
    rows = compare(results)
    assert [r.name for r in rows] == ["Do nothing (no change)", "Do nothing", "Community first",
                                      "Step-down and outreach"]
    first = results.scenario("Community first")
    row = rows[2]
    assert row.cumulative_spend == int(first.total_spend.sum())
    assert row.cumulative_saving == int(first.total("saving").sum())
    assert row.change_vs_do_nothing == int(first.total_spend.sum() - first.total_do_nothing.sum())
    assert row.beds_change < 0 and row.moved_to_community > 0
    assert row.icbs_above_fair_share + row.icbs_below_fair_share <= 5
    assert rows[1].cumulative_saving == 0 and rows[1].change_vs_do_nothing == 0


def test_best_values_are_highlighted_only_when_they_differ():
    rows = compare(compute(build_sample("mh-collaborative")))
    assert best(rows, "cumulative_saving", True) == {"Community first"}
    assert best(rows, "beds", None) == set()
    assert all(hasattr(rows[0], attribute) for _, attribute, _ in ROWS)


def test_scope_limits_the_comparison():
    results = compute(build_sample("mh-collaborative"))
    whole = compare(results)[2]
    one = compare(results, Scope(icbs=frozenset({"QJ2"})))[2]
    assert 0 < one.cumulative_spend < whole.cumulative_spend
    assert one.icbs_above_fair_share + one.icbs_below_fair_share <= 1


def overlap_plan():
    """Two options: one releases more but runs old and new services side by side for longer."""
    from specplan.domain import Appraisal, Review, Scenario, Score, ShiftLever

    plan = build_sample("mh-collaborative")
    scenarios = (plan.scenarios[0],
                 Scenario("Big shift, long overlap", (ShiftLever(target_share=0.30, reinvest_share=0.5,
                                                                 double_running_share=1.0),)),
                 Scenario("Smaller shift, clean handover", (ShiftLever(target_share=0.25, reinvest_share=0.5,
                                                                       double_running_share=0.0),)))
    criteria = Appraisal().criteria
    scores = tuple(Score(name, c.name, 3) for name in ("Do nothing", "Big shift, long overlap") for c in criteria)
    return plan.replace(scenarios=scenarios, appraisal=Appraisal(criteria, scores), review=Review())


def test_the_star_goes_to_the_option_that_saves_most_after_double_running():
    results = compute(overlap_plan())
    rows = {r.name: r for r in compare(results)}
    big, small = rows["Big shift, long overlap"], rows["Smaller shift, clean handover"]
    assert big.cumulative_saving > small.cumulative_saving  # before double running the big shift looks best
    assert big.cumulative_spend > small.cumulative_spend  # but it spends more over the plan
    assert big.net_saving == big.cumulative_saving - big.cumulative_double_running
    assert small.net_saving == -small.change_vs_do_nothing and big.net_saving == -big.change_vs_do_nothing
    options = compare(results)[1:]
    assert best(options, "net_saving", True) == {"Smaller shift, clean handover"}
    assert [more for _, attribute, more in ROWS if attribute == "cumulative_saving"] == [None]  # no star


def test_one_do_nothing_column():
    from specplan.engine.compare import columns

    results = compute(overlap_plan())
    assert [c.name for c in columns(compare(results), results)] == [
        "Do nothing", "Big shift, long overlap", "Smaller shift, clean handover"]
    plan = overlap_plan()
    without = compute(plan.replace(scenarios=plan.scenarios[1:], appraisal=plan.appraisal.__class__()))
    assert columns(compare(without), without)[0].name == "Do nothing (no change)"


def test_an_option_with_no_scores_is_not_ranked_last_at_zero():
    from specplan.engine.appraisal import appraise

    plan = overlap_plan()
    result = appraise(plan.appraisal, [s.name for s in plan.scenarios])
    unscored = next(r for r in result.ranked if r.option == "Smaller shift, clean handover")
    assert not unscored.scored and unscored.rank == 3 and result.ranked[-1] is unscored
    assert all(r.scored and r.rank == 1 for r in result.ranked[:2])
    assert result.top == ("Do nothing", "Big shift, long overlap")

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

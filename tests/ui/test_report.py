"""The board report: text read back from the PDF matches the engine, options limit it, pages are
numbered, and a failure leaves no partial file."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from specplan import __version__
from specplan.domain import Comment, Score
from specplan.domain.appraisal import Appraisal, Review
from specplan.domain.errors import ValidationError
from specplan.domain.samples import build_sample
from specplan.engine import compute
from specplan.engine.appraisal import appraise
from specplan.engine.attribution import attribute
from specplan.engine.compare import compare
from specplan.engine.scope import Scope, headline, scoped_totals
from specplan.engine.sensitivity import tornado
from specplan.ui.formatting import exact_money, money, share
from specplan.ui.report import charts as report_charts
from specplan.ui.report import export_report, write_report
from specplan.ui.report import pdf as report_pdf

WHEN = date(2026, 11, 23)
COMMENTS = (
    ("Community first", "Dr A. Clinician", "2026-11-20T09:30:00+00:00",
     "Supported by the clinical reference group; workforce plan needed.", None),
    ("Community first", "Finance lead", "2026-11-21T14:05:00+00:00",
     "Double running needs a bridging fund & <b>board sign-off</b>.", None),
    ("Step-down and outreach", "Board secretary", "2026-11-22T10:00:00+00:00",
     "Secure step-down phasing looks optimistic.", 1),
)
STATUSES = (("Community first", "endorsed"), ("Step-down and outreach", "not supported"))


def reviewed(plan):
    """``plan`` with every option scored (with rationale), statuses and comment threads."""
    options = [s.name for s in plan.scenarios]
    criteria = plan.appraisal.criteria
    scores = tuple(Score(option, c.name, (3 * n + m) % 6, f"Rationale {n}.{m}: {c.name.lower()} for {option}")
                   for n, option in enumerate(options) for m, c in enumerate(criteria))
    comments = tuple(Comment(o, a, t, text, lever) for o, a, t, text, lever in COMMENTS if o in options)
    statuses = tuple((o, s) for o, s in STATUSES if o in options)
    return plan.replace(appraisal=Appraisal(criteria, scores), review=Review(statuses, comments))


def normalised(text: str) -> str:
    """Words separated by single spaces (table cells and wrapped lines come out split)."""
    return " ".join(text.split())


def read(path: Path) -> list[str]:
    return [normalised(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def mh_report(tmp_path_factory):
    plan = reviewed(build_sample("mh-collaborative"))
    path = tmp_path_factory.mktemp("report") / "board paper.pdf"
    written = export_report(plan, path, when=WHEN)
    return plan, written, read(path)


def test_report_is_a_pdf_with_the_pages_it_says(mh_report):
    _plan, written, pages = mh_report
    assert written.path.read_bytes()[:5] == b"%PDF-"
    assert len(PdfReader(written.path).pages) == written.pages == len(pages)
    assert written.pages >= 8  # cover, summary, comparison, appraisal, one per option, assumptions
    assert list(written.path.parent.iterdir()) == [written.path]  # no temporary file left behind


def test_every_page_is_numbered_n_of_n(mh_report):
    _plan, written, pages = mh_report
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {written.pages}" in text


def test_cover_names_the_plan_date_version_and_illustrative_note(mh_report):
    plan, written, pages = mh_report
    cover = pages[0]
    assert normalised(plan.name) in cover
    assert "23 November 2026" in cover
    assert f"specplan {__version__}" in cover
    assert "Illustrative figures." in cover and normalised(plan.description) in cover
    assert written.options == tuple(s.name for s in plan.scenarios)


def test_contents_page_numbers_point_at_the_sections(mh_report):
    plan, _written, pages = mh_report
    titles = ["Summary", "Options compared", "Spend by footprint", "Appraisal",
              *(f"Option: {s.name}" for s in plan.scenarios),
              "Assumptions"]
    for title in titles:
        listed = re.search(re.escape(title) + r" (\d+)", pages[0])
        assert listed, title
        page = int(listed.group(1))
        assert pages[page - 1].startswith(title), (title, page)


def test_key_figures_match_the_engine(mh_report):
    plan, _written, pages = mh_report
    text = " ".join(pages)
    results = compute(plan)
    rows = {row.name: row for row in compare(results)}
    do_nothing = scoped_totals(results.do_nothing, plan, Scope())
    for scenario in plan.scenarios:
        section = option_pages(plan, pages, scenario.name)
        row = rows[scenario.name]
        figures = headline(scoped_totals(results.scenario(scenario.name), plan, Scope()), do_nothing)
        for value in (money(row.cumulative_spend), money(row.change_vs_do_nothing), money(figures.final_spend),
                      money(figures.change_vs_do_nothing), money(figures.cumulative_saving),
                      money(figures.cumulative_double_running), share(figures.community_share),
                      share(figures.do_nothing_community_share), f"{figures.beds:,.0f}",
                      f"{figures.beds_change:+,.0f}", f"{row.moved_to_community:,.0f}"):
            assert value in section, (scenario.name, value)
        assert f"Review status: {plan.review.status(scenario.name)}" in section
        for lever in scenario.levers:
            assert normalised(lever.describe().replace("_", " ")) in section
        # the comparison table carries the same figures
        for value in (money(row.cumulative_spend), money(row.cumulative_saving), share(row.community_share)):
            assert value in text
    for t, year in enumerate(plan.years):
        assert f"{year} {money(do_nothing.spend[t])}" in pages_titled(pages, "Options compared")


def test_appraisal_totals_ranks_and_robustness_match_the_engine(mh_report):
    plan, _written, pages = mh_report
    section = pages_titled(pages, "Appraisal")
    result = appraise(plan.appraisal, [s.name for s in plan.scenarios])
    for ranked in result.ranked:
        assert f"{ranked.option} " in section
        assert f"{ranked.weighted:.2f}" in section
    summary = pages_titled(pages, "Summary")
    for ranked in result.ranked:
        tied = sum(r.rank == ranked.rank for r in result.ranked) > 1
        assert f"{ranked.rank}{'=' if tied else ''} of {len(result.ranked)}" in summary
    top = result.ranked[0]
    assert f"{top.option} has the highest weighted score, {top.weighted:.2f} out of 5" in section
    assert ("stays first when any one weight moves 10 points" in section) == result.robust
    assert "Does the ranking hold?" in section
    for score in plan.appraisal.scores:
        assert normalised(score.rationale) in section


def test_statuses_and_comments_appear_with_their_option(mh_report):
    plan, _written, pages = mh_report
    for option, status in STATUSES:
        assert f"Review status: {status}" in option_pages(plan, pages, option)
    assert "not supported" in pages_titled(pages, "Summary")
    for option, author, _time, text, lever in COMMENTS:
        section = option_pages(plan, pages, option)
        assert author in section and normalised(text) in section  # HTML in a comment stays text
        if lever is not None:
            assert f"On lever {lever}:" in section
    assert "20 Nov 2026, 09:30 UTC" in option_pages(plan, pages, "Community first")
    assert "No comments yet." in option_pages(plan, pages, "Do nothing")


def test_assumptions_describe_growth_in_words(mh_report):
    _plan, _written, pages = mh_report
    section = pages_titled(pages, "Assumptions")
    assert "Demographic growth by ICB" in section
    assert "Net price uplift (inflation less efficiency): 1.5% a year; 2.5% in 2026/27." in section
    assert "Bed occupancy 92.0%" in section
    assert "Clinical review: draft: Do nothing; endorsed: Community first; not supported: Step-down and outreach " \
           "(3 comments)." in pages_titled(pages, "Summary")


def test_charts_are_images_and_text_is_text(mh_report):
    plan, written, pages = mh_report
    reader = PdfReader(written.path)
    summary = next(n for n, text in enumerate(pages) if text.startswith("Summary"))
    assert len(reader.pages[summary].images) == 1  # the trajectory chart
    tornadoes = sum(1 for s in plan.scenarios if s.levers and any(b.swing for b in tornado(plan, s.name).bars))
    charts = sum(len(page.images) for page in reader.pages)
    waterfalls = sum(1 for s in plan.scenarios if s.levers)
    # trajectories, final-year mix of every option, then waterfall, setting mix, shift and tornado per option
    assert charts == 2 + 2 * len(plan.scenarios) + waterfalls + tornadoes
    assert "Spend per year of each option in this report" in pages[summary]


def test_sensitivity_figures_match_the_engine(mh_report):
    plan, _written, pages = mh_report
    for scenario in plan.scenarios:
        section = option_pages(plan, pages, scenario.name)
        if not scenario.levers:
            assert "What moves the saving most" not in section
            continue
        result = tornado(plan, scenario.name, 0.2)
        assert f"the cumulative saving is {money(result.base_saving)} as planned" in section
        for bar in [b for b in result.bars if b.swing][:6]:
            label = bar.parameter.label[:1].upper() + bar.parameter.label[1:]
            assert f"{label} " in section
            for value in (bar.low_saving, bar.high_saving, bar.swing):
                assert money(value) in section, (scenario.name, label, value)


def test_each_option_has_a_waterfall_whose_table_adds_up_to_the_penny(mh_report):
    plan, _written, pages = mh_report
    results = compute(plan)
    rows = {row.name: row for row in compare(results)}
    for scenario in plan.scenarios:
        section = option_pages(plan, pages, scenario.name)
        if not scenario.levers:  # doing nothing has nothing to explain
            assert "What each lever contributes" not in section
            continue
        expected = attribute(plan, scenario.name)
        assert expected.exact and expected.total == rows[scenario.name].cumulative_saving
        assert "What each lever contributes" in section
        assert (f"From doing nothing to {scenario.name}: what each lever adds to the cumulative saving "
                f"to {plan.years[-1]}") in section
        table = section[section.index("Lever What it does Contribution To the penny"):]
        printed = []
        for c in expected.contributions:
            row = f"{c.lever + 1} {c.text} {money(c.value)} {exact_money(c.value)}"
            assert row in table, row
            printed.append(pence(exact_money(c.value)))
        total = (f"Cumulative saving to {plan.years[-1]}, against doing nothing {money(expected.total)} "
                 f"{exact_money(expected.total)}")
        assert total in table
        assert sum(printed) == pence(exact_money(expected.total)) == expected.total  # to the penny
        top = max(expected.contributions, key=lambda c: abs(c.value))
        assert f"{scenario.name} differs from doing nothing by {money(expected.total)} in cumulative saving" in section
        assert f"The largest part is “{top.text}”: {money(top.value)}." in section


def test_waterfall_bars_are_labelled_with_the_levers_words(tmp_path, monkeypatch):
    drawn: dict[str, list[str]] = {}

    class Watched(report_charts.WaterfallChart):
        def show_steps(self, start, steps, end, describe, stale=False, axis=""):
            super().show_steps(start, steps, end, describe, stale, axis)
            drawn[self.plotItem.titleLabel.text] = [label.textItem.toPlainText() for label in self._labels
                                                    if label.isVisible()]

    monkeypatch.setattr(report_charts, "WaterfallChart", Watched)
    plan = build_sample("mh-collaborative")
    write_report(plan, tmp_path / "r.pdf")
    final = plan.years[-1]
    options = [s.name for s in plan.scenarios if s.levers]
    assert sorted(drawn) == sorted(f"Cumulative saving: {name} against doing nothing, {final}" for name in options)
    for name in options:
        expected = attribute(plan, name)
        labels = drawn[f"Cumulative saving: {name} against doing nothing, {final}"]
        assert labels == ["Doing nothing: £0.00m",
                          *(f"{c.text}: {money(c.value)}" for c in expected.contributions),
                          f"{name}: {money(expected.end)}"]
        assert expected.contributions[0].text.startswith(("Shift ", "Close "))


def test_options_limit_the_report_in_the_order_given(tmp_path):
    plan = reviewed(build_sample("mh-collaborative"))
    path = write_report(plan, tmp_path / "two.pdf", ["Step-down and outreach", "Community first"])
    text = " ".join(read(path))
    assert "Option: Step-down and outreach" in text and "Option: Community first" in text
    assert "Option: Do nothing" not in text
    assert text.index("Option: Step-down and outreach") < text.index("Option: Community first")
    assert "among the options in this paper" in text
    # doing nothing stays the reference column when no reported option is doing nothing
    assert "Do nothing (no change)" in text
    ranked = appraise(plan.appraisal, ["Step-down and outreach", "Community first"]).ranked
    assert f"{ranked[0].weighted:.2f}" in text


def test_unknown_option_is_refused_before_anything_is_written(tmp_path):
    plan = build_sample("mh-collaborative")
    with pytest.raises(ValidationError, match="Nope"):
        write_report(plan, tmp_path / "x.pdf", ["Community first", "Nope"])
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_no_partial_file(tmp_path, monkeypatch):
    plan = build_sample("mh-collaborative")
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous report")
    real = report_pdf._write

    def fail_half_way(html_for, images, path, title, footer):
        real(html_for, images, path, title, footer)
        Path(path).write_bytes(b"%PDF-1.4 half a")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_pdf, "_write", fail_half_way)
    with pytest.raises(OSError, match="No space"):
        write_report(plan, target, ["Community first"])
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_target_that_cannot_be_replaced_leaves_no_temporary_file(tmp_path):
    """A real failure at the last step (works as root too): the target is a folder."""
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(OSError):
        write_report(build_sample("mh-collaborative"), tmp_path / "report.pdf", ["Community first"])
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    assert list((tmp_path / "report.pdf").iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_raises_oserror_and_writes_nothing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OSError):
            write_report(build_sample("mh-collaborative"), folder / "report.pdf", ["Community first"])
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        write_report(build_sample("mh-collaborative"), tmp_path / "no such folder" / "r.pdf", ["Community first"])


def test_national_report_matches_the_engine(tmp_path):
    plan = reviewed(build_sample("national"))
    written = export_report(plan, tmp_path / "national.pdf", when=WHEN)
    pages = read(written.path)
    assert len(pages) == written.pages
    assert f"Page {written.pages} of {written.pages}" in pages[-1]
    results = compute(plan)
    do_nothing = scoped_totals(results.do_nothing, plan, Scope())
    for row in compare(results)[1:]:
        section = option_pages(plan, pages, row.name)
        figures = headline(scoped_totals(results.scenario(row.name), plan, Scope()), do_nothing)
        for value in (money(row.cumulative_spend), money(row.cumulative_saving), money(figures.final_spend),
                      share(row.community_share), f"{row.beds:,.0f}"):
            assert value in section, (row.name, value)
    assumptions = pages_titled(pages, "Assumptions")
    assert f"for {len(plan.icbs)} ICBs" in assumptions
    for rate in plan.growth.rates:  # every ICB's demographic growth is tabled
        if rate.kind == "demographic" and rate.year is None:
            name = next(i.name for i in plan.icbs if i.code == rate.code)
            short = name.removeprefix("NHS ").removesuffix(" Integrated Care Board")
            assert f"{short} {share(rate.rate)}" in assumptions


def test_spend_by_footprint_is_by_region_with_the_plans_totals(mh_report):
    plan, _written, pages = mh_report
    section = pages_titled(pages, "Spend by footprint")
    results = compute(plan)
    assert "Regional (NHS regions)" in section
    assert f"in the final year {plan.years[-1]}" in section
    # the sample's options include one without levers: it is doing nothing, not a second column
    assert section.count("Midlands £") == len(plan.scenarios) - 1  # a row in each table of two options
    # one region (Midlands): its row and the total row are both the plan's figures, two options a table
    names = [s.name for s in plan.scenarios]
    for pair in (names[:2], names[2:]):
        spend = [results.scenario(name).total_spend for name in pair]
        figures = " ".join(f"{money(s[-1])} {money(s.sum())}" for s in spend)
        assert f"Midlands {figures} Total {figures}" in section


def test_spend_by_footprint_reports_each_of_the_plans_own_footprints(tmp_path):
    from specplan.domain import Footprint, FootprintGroup
    from specplan.engine.rollups import footprint_spend

    plan = build_sample("mh-collaborative")
    codes = [i.code for i in plan.icbs]
    own = Footprint("Trent and Lincs", (FootprintGroup("Trent", tuple(codes[:2])),
                                        FootprintGroup("Lincolnshire and Northants", tuple(codes[2:]))))
    plan = plan.replace(footprints=(own,))
    path = write_report(plan, tmp_path / "own.pdf", options=["Community first"], when=WHEN)
    section = pages_titled(read(path), "Spend by footprint")
    assert "Trent and Lincs" in section and "Regional (NHS regions)" not in section
    results = compute(plan)
    rolled = footprint_spend(results, "Trent and Lincs", "Community first")
    nothing, option = rolled.by_group("do_nothing"), rolled.spend
    trent = f"Trent {money(nothing[0, -1])} {money(nothing[0].sum())} {money(option[0, -1])} {money(option[0].sum())}"
    assert trent in section  # doing nothing beside the option (the report leaves out the lever-less one)
    spend, do_nothing = results.scenario("Community first").total_spend, results.do_nothing.total_spend
    assert (f"Total {money(do_nothing[-1])} {money(do_nothing.sum())} {money(spend[-1])} {money(spend.sum())}"
            in section)


def test_file_export_report_writes_the_documents_plan(window, dialogs, tmp_path):
    path = tmp_path / "from the menu.pdf"
    dialogs.answer("save_path", str(path))
    window._on_export_report()
    assert not [kind for kind, _ in dialogs.asked if kind == "error"]
    text = " ".join(read(path))
    assert normalised(window.document.plan.name) in text
    assert "Page 1 of" in text


def test_a_plan_without_options_is_refused(tmp_path):
    sample = build_sample("mh-collaborative")
    plan = sample.replace(scenarios=(), appraisal=Appraisal(), review=Review())
    with pytest.raises(ValidationError, match="at least one"):
        write_report(plan, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


# -- helpers ----------------------------------------------------------------------------------
def pages_titled(pages: list[str], title: str) -> str:
    """The text of the section starting with ``title`` up to the next section."""
    start = next(n for n, text in enumerate(pages) if text.startswith(title))
    end = next((n for n in range(start + 1, len(pages)) if _is_section_start(pages[n])), len(pages))
    return " ".join(pages[start:end])


def pence(text: str) -> int:
    """``-£1,234.56`` -> ``-123456``."""
    sign = -1 if text.startswith("-") else 1
    pounds, rest = text.lstrip("-£").replace(",", "").split(".")
    return sign * (int(pounds) * 100 + int(rest))


def option_pages(plan, pages: list[str], name: str) -> str:
    return pages_titled(pages, f"Option: {name}")


def _is_section_start(text: str) -> bool:
    return text.startswith(("Summary", "Options compared", "Spend by footprint", "Appraisal", "Option: ",
                            "Assumptions"))


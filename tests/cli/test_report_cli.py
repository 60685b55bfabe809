"""``specplan-cli report``: writes the PDF, prints its path and page count, limits options, and
refuses unknown options or folders with exit 2 and one line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from specplan.cli import main
from specplan.domain.samples import build_sample
from specplan.engine import compute
from specplan.engine.compare import compare
from specplan.ui.formatting import money, share

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_FILE = ROOT / "sample_plans" / "mh-collaborative.specplan"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def printed_pages(out: str, path: Path) -> int:
    match = re.fullmatch(re.escape(str(path)) + r"  \((\d+) pages\)\n", out)
    assert match, out
    return int(match.group(1))


def test_report_of_a_sample_prints_path_and_page_count(capsys, tmp_path):
    path = tmp_path / "paper.pdf"
    code, out, err = run(capsys, "report", "--sample", "mh-collaborative", "--to", str(path))
    assert code == 0 and err == ""
    assert printed_pages(out, path) == len(PdfReader(path).pages)
    text = text_of(path)
    plan = build_sample("mh-collaborative")
    for row in compare(compute(plan))[1:]:
        assert f"Option: {row.name}" in text
        assert money(row.cumulative_spend) in text and money(row.cumulative_saving) in text
        assert share(row.community_share) in text


def test_options_limit_the_report(capsys, tmp_path):
    path = tmp_path / "one.pdf"
    code, out, _ = run(capsys, "report", "--sample", "mh-collaborative", "--to", str(path),
                       "--options", "Community first")
    assert code == 0
    text = text_of(path)
    assert "Option: Community first" in text
    assert "Step-down and outreach" not in text and "Option: Do nothing" not in text
    assert printed_pages(out, path) == len(PdfReader(path).pages)


def test_unknown_option_exits_2_with_one_line_and_no_file(capsys, tmp_path):
    path = tmp_path / "x.pdf"
    code, out, err = run(capsys, "report", "--sample", "mh-collaborative", "--to", str(path),
                         "--options", "Community first,Nope")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "unknown option 'Nope'" in err and "Community first" in err
    assert not path.exists()


def test_missing_folder_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "report", "--sample", "mh-collaborative", "--to", str(tmp_path / "no" / "x.pdf"))
    assert code == 2 and err.count("\n") == 1 and "does not exist" in err


def test_to_is_required(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--sample", "mh-collaborative"])
    assert exit_.value.code == 2


@pytest.mark.skipif(not SAMPLE_FILE.exists(), reason="sample plan file not built")
def test_report_of_a_plan_file(capsys, tmp_path):
    path = tmp_path / "from file.pdf"
    code, out, _ = run(capsys, "report", str(SAMPLE_FILE), "--to", str(path), "--options", "Step-down and outreach")
    assert code == 0 and printed_pages(out, path) == len(PdfReader(path).pages)
    assert "Option: Step-down and outreach" in text_of(path)


def test_report_runs_headless_in_a_fresh_process(tmp_path):
    """No QApplication, no display and no platform chosen: the command picks offscreen itself."""
    path = tmp_path / "headless.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "specplan.cli", "report", "--sample", "mh-collaborative",
                           "--to", str(path), "--options", "Community first"],
                          check=False, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert printed_pages(done.stdout, path) == len(PdfReader(path).pages)

"""Every file specplan writes gets an ordinary file's mode (issue 17, item 9).

New files: 0666 less the umask (0644 under 022, 0640 under 027), never mkstemp's private 0600.
A file replaced keeps its own mode (a 0640 workbook in a shared folder stays 0640).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from specplan.cli import main
from specplan.domain.files import atomic_path, current_umask, ordinary_mode

WRITERS = {  # name -> the command that writes OUT (PLAN is a plan file made first)
    "template": ["template", "--to", "OUT.xlsx"],
    "export": ["export", "--sample", "mh-collaborative", "--to", "OUT.xlsx"],
    "report": ["report", "PLAN", "--to", "OUT.pdf"],
    "new": ["new", "OUT.specplan", "--sample", "mh-collaborative", "--force"],
    "import": ["import", "BOOK", "--into", "OUT.specplan", "--force"],
}


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    assert main(["new", str(folder / "plan.specplan"), "--sample", "mh-collaborative"]) == 0
    assert main(["export", "--sample", "mh-collaborative", "--to", str(folder / "book.xlsx")]) == 0
    return {"PLAN": folder / "plan.specplan", "BOOK": folder / "book.xlsx"}


def write(name: str, out: Path, sources: dict[str, Path]) -> None:
    suffix = WRITERS[name][WRITERS[name].index(next(a for a in WRITERS[name] if a.startswith("OUT")))]
    args = [str(out) if a == suffix else str(sources.get(a, a)) for a in WRITERS[name]]
    assert main(args) == 0, args


@pytest.mark.parametrize("name", list(WRITERS))
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_file_gets_the_umask_mode(tmp_path, umask, sources, capsys, name, mask, expected):
    umask(mask)
    out = tmp_path / ("out" + Path(WRITERS[name][next(i for i, a in enumerate(WRITERS[name])
                                                      if a.startswith("OUT"))]).suffix)
    write(name, out, sources)
    assert mode(out) == expected, oct(mode(out))
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left behind


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_replaced_file_keeps_its_mode(tmp_path, umask, sources, capsys, name):
    umask(0o022)
    suffix = Path(next(a for a in WRITERS[name] if a.startswith("OUT"))).suffix
    out = tmp_path / ("out" + suffix)
    write(name, out, sources)
    os.chmod(out, 0o640)
    write(name, out, sources)
    assert mode(out) == 0o640, oct(mode(out))


def test_the_helper(tmp_path, umask):
    umask(0o027)
    assert current_umask() == 0o027 and ordinary_mode(tmp_path / "new") == 0o640
    with pytest.raises(RuntimeError), atomic_path(tmp_path / "x.txt") as temporary:
        temporary.write_text("half")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []
    with atomic_path(tmp_path / "x.txt") as temporary:
        temporary.write_text("whole")
    assert (tmp_path / "x.txt").read_text() == "whole" and mode(tmp_path / "x.txt") == 0o640

"""Vintage files: the shipped ones hold together, and broken ones are refused naming file and row."""

from __future__ import annotations

import csv
import io
from fractions import Fraction

import pytest

from specplan.domain.reference import load_reference
from specplan.domain.user_vintages import COLUMNS, add_vintage, load_vintages, read_vintage_csv
from specplan.domain.vintages import VintageFileError
from specplan.paths import resources_dir


def copy_reference(tmp_path):
    folder = tmp_path / "reference"
    folder.mkdir()
    for path in (resources_dir() / "reference").glob("*.csv"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def edit(folder, name: str, old: str, new: str) -> int:
    """Replace text on the first line holding it; the line's number (1-based)."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if old in line and not line.startswith("#"))
    lines[number] = lines[number].replace(old, new, 1)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def test_every_old_icb_goes_somewhere_with_shares_adding_to_one():
    ref = load_reference()
    old, new = ref.vintage("2022-07"), ref.vintage("2026-04")
    assert new.previous == "2022-07" and len(new.succession) == 46
    for icb in old.icbs:
        assert sum(s.share for s in new.successors(icb.code)) == 1
    assert {s.to_code for s in new.successors("QNQ")} == {"QRL", "S0E4D", "S9B9J"}
    assert new.successors("QM7")[0].share == Fraction("0.797425")
    assert {i.code for i in new.icbs} >= {"S1Y5D", "D7T5G", "T6Y0W", "Z9B2Z", "S0E4D", "S9B9J"}


@pytest.mark.parametrize(("old", "new", "words"), [
    ("QM7,D7T5G,0.202575,", "QM7,D7T5G,0.202576,", "adding up to exactly 1"),
    ("QMJ,Z9B2Z,", "QMJ,ZZZZZ,", "'ZZZZZ' is not valid; expected an ICB code of the new vintage"),
    ("QWE,QWE,", "QWE,QKS,", "no ICB crosses a region"),
    ("QSL,QSL,1.000000,", "QSL,QSL,one,", "a share such as"),
    ("QSL,QSL,1.000000,", "QSL,QSL,0.9999999999,", "at most 9 decimal places"),
    ("QSL,QSL,", "QXX,QSL,", "'QXX' is not valid; expected an ICB code of vintage 2022-07"),
])
def test_a_broken_succession_file_names_file_and_row(tmp_path, old, new, words):
    folder = copy_reference(tmp_path)
    line = edit(folder, "succession_2026-04.csv", old, new)
    with pytest.raises(VintageFileError) as raised:
        load_reference.__wrapped__(folder)
    assert f"succession_2026-04.csv row {line}" in str(raised.value) and words in str(raised.value)
    assert raised.value.row == line and raised.value.file.endswith("succession_2026-04.csv")


def test_a_new_icb_in_an_unknown_region_is_refused(tmp_path):
    folder = copy_reference(tmp_path)
    line = edit(folder, "icbs_2026-04.csv", "QKS,NHS Kent and Medway Integrated Care Board,Y59",
                "QKS,NHS Kent and Medway Integrated Care Board,Y99")
    with pytest.raises(VintageFileError, match=rf"icbs_2026-04.csv row {line}: 'Y99'"):
        load_reference.__wrapped__(folder)


def vintage_2027(**changes) -> str:
    """A made-up 2027 vintage: Birmingham and Solihull merges with the Black Country (code X7Y8Z)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    out.write("# Illustrative: not a real merger list.\n")
    writer.writerow(COLUMNS)
    for icb in load_reference().vintage("2026-04").icbs:
        code = "X7Y8Z" if icb.code in ("QHL", "QUA") else icb.code
        name = "NHS Birmingham and Black Country ICB" if code == "X7Y8Z" else icb.name
        population = 2_309_649 if code == "X7Y8Z" else icb.population
        writer.writerow([changes.get("vintage", "2027-04"), "2027-04-01", code, name, icb.region, population,
                         icb.code, changes.get(icb.code, "1")])
    return out.getvalue()


def test_a_user_adds_a_2027_vintage(tmp_path):
    source = tmp_path / "mergers-2027.csv"
    source.write_text(vintage_2027(), encoding="utf-8")
    store = tmp_path / "user"
    vintage = add_vintage(read_vintage_csv(source)[0], str(source), store)
    assert (vintage.code, len(vintage.icbs), vintage.previous) == ("2027-04", 35, "2026-04")
    assert (store / "2027-04.csv").is_file()
    known = load_vintages(store)
    assert known.codes == ("2022-07", "2026-04", "2027-04") and known.latest.icb("X7Y8Z").population == 2_309_649
    with pytest.raises(VintageFileError, match="not already known"):
        add_vintage(read_vintage_csv(source)[0], str(source), store)


def test_a_bad_user_vintage_names_the_file_and_row(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text(vintage_2027(QJ2="0.5"), encoding="utf-8")
    rows = read_vintage_csv(source)[0]
    with pytest.raises(VintageFileError, match=r"bad.csv row \d+: .*QJ2 shares add up to 0.5"):
        add_vintage(rows, str(source), tmp_path / "user")
    assert not (tmp_path / "user").exists()
    lines = [line for line in vintage_2027().splitlines() if ",QOC," not in line]
    source.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(VintageFileError, match="QOC.*a successor for every ICB of vintage 2026-04"):
        add_vintage(read_vintage_csv(source)[0], str(source), tmp_path / "user")


def test_icb_codes_are_not_assumed_to_start_with_q():
    import re
    from pathlib import Path

    import specplan

    root = Path(specplan.__file__).parent
    for folder in ("domain", "excel", "store", "cli", "engine"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"""startswith\(["']Q|\[\"']?\^?Q\[|"Q\.\.|r"\^Q""", text), path

"""Bad files: each gives its own message naming the file, and is left byte-for-byte unchanged."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from specplan.store import (
    CorruptPlanFileError,
    EmptyPlanFileError,
    ForeignDatabaseError,
    InvalidPlanFileError,
    NewerPlanVersionError,
    NotAPlanFileError,
    PlanFileError,
    PlanNotFoundError,
    SpreadsheetFileError,
    TruncatedPlanFileError,
    open_plan,
    save_plan,
)
from specplan.store.backups import back_up


def xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")


def foreign_sqlite(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contacts (name TEXT)")
    raw.commit()
    raw.close()


def other_application(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes())
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA application_id = 1196444487")  # 'GPKG': a GeoPackage
    raw.close()


def newer_version(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes())
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.close()


def flipped_pages(path: Path, source: Path) -> None:
    data = bytearray(source.read_bytes())
    for offset in range(4096, 4096 * 6):  # pages 2 to 6: b-tree pages of the plan's tables
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def edited(sql: str, check_constraints: bool = True):
    def make(path: Path, source: Path) -> None:
        path.write_bytes(source.read_bytes())
        raw = sqlite3.connect(path)
        if not check_constraints:
            raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute(sql)
        raw.commit()
        raw.close()
    return make


CASES = {
    "empty": (lambda p, s: p.write_bytes(b""), EmptyPlanFileError, "empty"),
    "xlsx renamed": (lambda p, s: xlsx(p), SpreadsheetFileError, "Excel workbook"),
    "xls renamed": (lambda p, s: p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600),
                    SpreadsheetFileError, ".xls"),
    "text file": (lambda p, s: p.write_text("name,spend\nA,1\n"), NotAPlanFileError, "not an SQLite database"),
    "foreign sqlite": (lambda p, s: foreign_sqlite(p), ForeignDatabaseError, "another program"),
    "other application": (other_application, ForeignDatabaseError, "0x47504B47"),
    "newer version": (newer_version, NewerPlanVersionError, "newer version of specplan"),
    "truncated header": (lambda p, s: p.write_bytes(s.read_bytes()[:60]), TruncatedPlanFileError, "cut short"),
    "truncated half": (lambda p, s: p.write_bytes(s.read_bytes()[: s.stat().st_size // 2]),
                       TruncatedPlanFileError, "cut short"),
    "truncated page": (lambda p, s: p.write_bytes(s.read_bytes()[:-4096]), TruncatedPlanFileError, "cut short"),
    "byte-flipped": (flipped_pages, CorruptPlanFileError, "damaged"),
    "float pence": (edited("UPDATE baseline_cell SET spend_pence = spend_pence + 0.5 WHERE (service, icb) = "
                           "(SELECT service, icb FROM baseline_cell LIMIT 1)", check_constraints=False),
                    InvalidPlanFileError, "whole number of pence"),
    "text activity": (edited("UPDATE baseline_cell SET activity = 'twelve' WHERE service = 1", check_constraints=False),
                      InvalidPlanFileError, "activity is 'twelve'"),
    "horizon out of range": (edited('UPDATE "plan" SET horizon = 99'), InvalidPlanFileError, "horizon"),
    "text population": (edited("UPDATE icb SET population = 'many'"), InvalidPlanFileError, "population"),
    "unknown lever kind": (edited("UPDATE lever SET kind = 'magic'", check_constraints=False),
                           InvalidPlanFileError, "unknown kind 'magic'"),
    "cell of a missing ICB": (edited("UPDATE baseline_cell SET icb = 77 WHERE service = 0 AND icb = 0"),
                              InvalidPlanFileError, "ICB the plan does not have"),
    "no plan row": (edited('DELETE FROM "plan"'), InvalidPlanFileError, "0 plans"),
    "missing table": (edited("DROP TABLE phasing_value"), CorruptPlanFileError, "phasing_value"),
}


@pytest.mark.parametrize("read_only", [True, False])
@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_gives_its_own_message_and_is_unchanged(tmp_path, small_file, case, read_only):
    make, error_type, words = CASES[case]
    path = tmp_path / "bad" / "plan.specplan"
    path.parent.mkdir()
    make(path, small_file)
    before = path.read_bytes()
    with pytest.raises(error_type) as raised:
        open_plan(path, read_only=read_only)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and words in message
    assert "Traceback" not in message and "\n" not in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["plan.specplan"]  # no lock, journal, temp


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PlanNotFoundError, match="no such file"):
        open_plan(tmp_path / "nope.specplan")
    with pytest.raises(PlanNotFoundError, match="folder"):
        open_plan(tmp_path)


@pytest.mark.parametrize("case", ["xlsx renamed", "foreign sqlite", "newer version", "truncated half"])
def test_saving_never_overwrites_a_file_that_is_not_a_plan_we_can_write(tmp_path, small_file, mh_plan, case):
    make, error_type, _ = CASES[case]
    path = tmp_path / "target.specplan"
    make(path, small_file)
    before = path.read_bytes()
    with pytest.raises(error_type):
        save_plan(mh_plan, path)
    assert path.read_bytes() == before


def test_damaged_file_message_points_at_the_newest_backup(tmp_path, small_file):
    backup = back_up(small_file)
    flipped_pages(small_file, backup)
    with pytest.raises(CorruptPlanFileError) as raised:
        open_plan(small_file)
    assert str(backup) in str(raised.value)
    assert open_plan(backup, read_only=True) is not None


def test_every_bad_file_error_is_a_user_error():
    from specplan.domain.errors import UserError

    assert all(issubclass(error, PlanFileError) and issubclass(error, UserError) for _, error, _ in CASES.values())

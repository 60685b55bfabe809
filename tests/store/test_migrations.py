"""File-format versions: every old fixture opens; upgrades are one transaction after a backup."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from make_fixtures import VERSIONS, fixture_path, fixture_plan, write_fixture

from specplan.store import (
    SCHEMA_VERSION,
    MigrationError,
    list_backups,
    migrations,
    open_plan,
    save_plan,
)
from specplan.store.tables import METADATA


def user_version(path) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("PRAGMA user_version").fetchone()[0]
    finally:
        raw.close()


def schema(path) -> dict[str, str]:
    """Each table's CREATE statement with the whitespace normalised (formatting is not schema)."""
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        raw.close()

    def tidy(sql):
        return re.sub(r"\s*([(),])\s*", r"\1", re.sub(r"\s+", " ", sql)).strip()

    return {name: tidy(sql) for name, sql in rows}


def data(path) -> dict[str, list[tuple]]:
    """Every row of every plan table the file has."""
    raw = sqlite3.connect(path)
    try:
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t.name: raw.execute(f'SELECT * FROM "{t.name}" ORDER BY 1, 2').fetchall()
                for t in METADATA.sorted_tables if t.name != "change_log" and t.name in tables}
    finally:
        raw.close()


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "plans" / "old.specplan"
    path.parent.mkdir()
    shutil.copyfile(fixture_path(1), path)
    return path


def test_there_is_a_fixture_for_every_version():
    # Every version with an upgrade step (format 4 comes with the ICB vintages work).
    assert (1, *sorted(migrations.UPGRADES)) == VERSIONS and VERSIONS[-1] == SCHEMA_VERSION
    assert [user_version(fixture_path(v)) for v in VERSIONS] == list(VERSIONS)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_version_opens_read_only_unchanged(tmp_path, version):
    path = tmp_path / "p.specplan"
    shutil.copyfile(fixture_path(version), path)
    before = path.read_bytes()
    assert open_plan(path, read_only=True) == fixture_plan(version)
    assert path.read_bytes() == before and list_backups(path) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_committed_fixtures_match_their_script(tmp_path, version):
    fresh = write_fixture(version, tmp_path / "fresh.specplan")
    assert user_version(fresh) == user_version(fixture_path(version)) == version
    assert data(fresh) == data(fixture_path(version))
    assert schema(fresh) == schema(fixture_path(version))


def test_opening_an_old_file_for_editing_upgrades_it_after_a_backup(old_file, tmp_path):
    original = old_file.read_bytes()
    assert open_plan(old_file) == fixture_plan(1)
    assert user_version(old_file) == SCHEMA_VERSION
    (backup,) = list_backups(old_file)
    assert "before upgrade" in backup.name and user_version(backup) == 1
    assert data(backup) == data(fixture_path(1)) and len(original) == backup.stat().st_size
    new = write_fixture(SCHEMA_VERSION, tmp_path / "new.specplan")
    assert schema(old_file) == schema(new)  # upgraded = created new, constraint for constraint
    assert open_plan(old_file) == fixture_plan(1)


def test_saving_over_an_old_file_upgrades_it_in_the_same_transaction(old_file, mh_plan):
    save_plan(mh_plan, old_file)
    assert user_version(old_file) == SCHEMA_VERSION and open_plan(old_file) == mh_plan


def failing_step(only_on_disk: bool):
    def upgrade_to_2(raw: sqlite3.Connection) -> None:
        migrations.upgrade_to_2(raw)  # part of the work is done...
        raw.execute("INSERT INTO change_log VALUES (1, 'now', 'me', 'half-way', NULL, NULL)")
        on_disk = raw.execute("PRAGMA database_list").fetchone()[2] != ""
        if on_disk or not only_on_disk:
            raise OSError("simulated failure part-way through the upgrade")  # ...then it fails
    return upgrade_to_2


@pytest.mark.parametrize("only_on_disk", [False, True])
def test_a_failing_upgrade_leaves_the_original_unchanged(old_file, monkeypatch, only_on_disk):
    monkeypatch.setitem(migrations.UPGRADES, 2, failing_step(only_on_disk))
    before = old_file.read_bytes()
    with pytest.raises(MigrationError) as raised:
        open_plan(old_file)
    assert str(raised.value).startswith(f"{old_file}: ") and "left as it was" in str(raised.value)
    assert old_file.read_bytes() == before
    assert sorted(p.name for p in old_file.parent.iterdir()) == [old_file.name]
    monkeypatch.undo()
    assert open_plan(old_file) == fixture_plan(1)


def test_upgrade_file_rolls_back_every_step_on_failure(old_file, monkeypatch):
    monkeypatch.setitem(migrations.UPGRADES, 2, failing_step(only_on_disk=True))
    before = old_file.read_bytes()
    with pytest.raises(MigrationError):
        migrations.upgrade_file(old_file)
    assert old_file.read_bytes() == before and user_version(old_file) == 1


def test_files_from_before_the_appraisal_get_the_default_criteria(tmp_path):
    from specplan.domain import DEFAULT_CRITERIA

    path = tmp_path / "v2.specplan"
    shutil.copyfile(fixture_path(2), path)
    plan = open_plan(path)
    assert plan.appraisal.criteria == DEFAULT_CRITERIA and plan.appraisal.scores == ()
    assert plan.review.statuses == () and plan.review.comments == ()
    assert user_version(path) == SCHEMA_VERSION


def test_files_from_before_vintages_are_on_the_2022_icbs(tmp_path):
    path = tmp_path / "v3.specplan"
    shutil.copyfile(fixture_path(3), path)
    assert open_plan(path, read_only=True).vintage == "2022-07"
    assert open_plan(path).vintage == "2022-07" and user_version(path) == SCHEMA_VERSION
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT vintage FROM plan").fetchall() == [("2022-07",)]
    finally:
        raw.close()
    assert open_plan(fixture_path(4), read_only=True).vintage == "2027-04"  # any code a user added
    assert open_plan(fixture_path(5), read_only=True).vintage == "2027-04"


@pytest.mark.parametrize("version", [v for v in VERSIONS if v < 5])
def test_format_5_brings_footprints_and_frees_the_planning_level(tmp_path, version):
    """An older file upgrades to 5: no footprints of its own, the service rows unchanged, and
    the upgraded file then stores a service planned on a footprint of its own."""
    path = tmp_path / "old.specplan"
    shutil.copyfile(fixture_path(version), path)
    before = data(path)["service"]
    assert open_plan(path) == fixture_plan(version)
    assert user_version(path) == SCHEMA_VERSION and data(path)["service"] == before
    assert data(path)["footprint"] == [] and data(path)["footprint_icb"] == []
    save_plan(fixture_plan(), path)
    assert open_plan(path) == fixture_plan() and fixture_plan().services[1].planning_level == "Joint committees"

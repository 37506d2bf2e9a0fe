"""Damaged databases: a file any command refuses is refused by every command, writers
included, and is never written over nor rotated into the backup; `db check` names what
makes a command fail; an older schema holding bad values is refused, not a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showtrack import store

from ..conftest import Runner

READERS = [
    ["list"],
    ["upcoming"],
    ["info", "Jessica Jones"],
    ["history", "Jessica Jones", "2"],
    ["timeline"],
    ["calendar", "2018-03"],
    ["episodes", "Jessica Jones"],
    ["export"],
]
WRITERS = [
    ["add", "Dark"],
    ["expect", "Jessica Jones", "3", "2019"],
    ["remove", "Jessica Jones", "--yes"],
    ["edit", "Jessica Jones", "--note", "a note"],
    ["released", "Jessica Jones", "2", "2018-03-08"],
]


@pytest.fixture
def kept(cli: Runner, db: Path) -> Runner:
    """Jessica Jones with a season 2 window, saved twice (so there is a backup)."""
    assert cli("--today", "2017-07-01", "add", "Jessica Jones").code == 0
    assert cli("--today", "2017-07-01", "expect", "Jessica Jones", "2", "spring 2018").code == 0
    return cli


def _damage(db: Path, old: str, new: str) -> bytes:
    text = db.read_text(encoding="utf-8")
    assert old in text, old
    damaged = text.replace(old, new, 1).encode("utf-8")
    db.write_bytes(damaged)
    return damaged


def _refused_by_all(cli: Runner, db: Path, damaged: bytes, said: str) -> None:
    backup = store.backup_path(db).read_bytes()
    for command in READERS + WRITERS + [["db", "check"]]:
        done = cli("--today", "2017-07-01", *command)
        assert done.code == 4, (command, done.code, done.err)
        assert said in done.err, (command, done.err)
        assert "Traceback" not in done.err
    assert db.read_bytes() == damaged
    assert store.backup_path(db).read_bytes() == backup


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('"title":"Jessica Jones"', '"title":null', "is damaged"),
        ('"release_date":null', '"release_date":"2017-02-30"', "'2017-02-30' is not a date"),
        ('"latest":"2018-05-31"', '"latest":"2018-13-45"', "'2018-13-45' is not a date"),
        ('"air_time":null', '"air_time":"zzz"', "'zzz' is not a time with an offset"),
        ('"air_time":null', '"air_time":"9999-12-31T23:59:59-23:59"', "a time outside the"),
        ('"as_of":"2017-07-01"', '"as_of":"abc"', "'abc' is not a date"),
        (
            '"releases": {\n    "1"',
            '"releases": {\n    "abc1"',
            "document id 'abc1' is not a number",
        ),
        ('"releases": {\n    "1"', '"releases": {\n    "1.0"', "document id '1.0' is not a number"),
        ('"releases": {\n    "1"', '"releases": {\n    ""', "document id '' is not a number"),
    ],
    ids=[
        "null-title",
        "february-30",
        "month-13",
        "air-time-zzz",
        "air-time-offset",
        "as-of-abc",
        "id-abc1",
        "id-1.0",
        "id-empty",
    ],
)
def test_a_value_no_command_can_read_is_refused_by_every_command(
    kept: Runner, db: Path, old: str, new: str, said: str
) -> None:
    damaged = _damage(db, old, new)
    _refused_by_all(kept, db, damaged, said)


def test_an_invalid_utf8_byte_inside_a_record_is_refused_by_every_command(
    kept: Runner, db: Path
) -> None:
    damaged = db.read_bytes().replace(b'"Jessica Jones"', b'"Jessica \xff Jones"', 1)
    db.write_bytes(damaged)
    _refused_by_all(kept, db, damaged, "")


def test_an_episode_that_cannot_be_read_is_found_by_db_check_and_refused(
    kept: Runner, db: Path
) -> None:
    assert (
        kept("--today", "2017-07-01", "episode", "Jessica Jones", "2", "1", "2018-03-08").code == 0
    )
    damaged = _damage(db, '"air_date":"2018-03-08"', '"air_date":"2018-02-30"')
    checked = kept("db", "check")
    assert checked.code == 4 and "episode 1: an episode's air day '2018-02-30'" in checked.err
    _refused_by_all(kept, db, damaged, "'2018-02-30' is not a date")


def test_a_5000_digit_number_in_meta_is_refused_not_a_crash(kept: Runner, db: Path) -> None:
    schema = f'{{"schema":{store.SCHEMA_VERSION}}}'
    damaged = _damage(db, schema, schema[:-1] + ',"x":' + "9" * 5000 + "}")
    for command in (["list"], ["add", "Dark"], ["db", "check"]):
        done = kept(*command)
        assert done.code in (0, 4), (command, done.err)
        assert "Traceback" not in done.err and "internal error" not in done.err
    assert db.read_bytes() == damaged or kept("db", "check").code == 0


@pytest.mark.parametrize(
    ("release", "said"),
    [
        ({"earliest": "zzz", "latest": None, "phrase": "x"}, "cannot migrate"),
        ({"earliest": "2018-13-45", "latest": None, "phrase": "x"}, "cannot migrate"),
        ({"earliest": "2018-01-01", "latest": "2018-12-31", "history": "abc"}, "cannot migrate"),
    ],
    ids=["schema-1-zzz", "schema-1-month-13", "schema-2-history-abc"],
)
def test_an_older_schema_holding_a_bad_value_is_refused_by_every_command(
    cli: Runner, db: Path, release: dict[str, object], said: str
) -> None:
    schema = 2 if "history" in release else 1
    stored: dict[str, object] = {"id": "jessica-jones/s2", "show_id": "jessica-jones", **release}
    if schema == 2:
        stored["window"] = {"earliest": "2018-01-01", "latest": "2018-12-31"}
    document = {
        "meta": {"1": {"schema": schema}},
        "shows": {"1": {"id": "jessica-jones", "title": "Jessica Jones"}},
        "releases": {"1": stored},
    }
    raw = json.dumps(document).encode()
    db.write_bytes(raw)
    for command in READERS + WRITERS + [["db", "check"]]:
        done = cli("--today", "2017-07-01", *command)
        assert done.code == 4, (command, done.err)
        assert said in done.err and f"schema {schema}" in done.err, (command, done.err)
    assert db.read_bytes() == raw


def test_a_file_edited_by_hand_is_checked_whole_before_a_write(kept: Runner, db: Path) -> None:
    # A bad day in a record no write reads: the write checks the file whole anyway,
    # since it is no longer the file the last writer left.
    assert kept("add", "Dark").code == 0
    damaged = _damage(db, '"release_date":null', '"release_date":"2017-02-30"')
    done = kept("add", "Lost")
    assert done.code == 4 and "'2017-02-30' is not a date" in done.err
    assert db.read_bytes() == damaged


def test_restore_refuses_a_damaged_backup_and_a_read_only_database(kept: Runner, db: Path) -> None:
    backup = store.backup_path(db)
    good = backup.read_bytes()
    backup.write_bytes(good.replace(b'"title":"Jessica Jones"', b'"title":null'))
    before = db.read_bytes()
    done = kept("db", "restore")
    assert done.code == 4 and "is damaged" in done.err and str(backup) in done.err
    assert db.read_bytes() == before
    backup.write_bytes(good)
    db.chmod(0o444)
    done = kept("db", "restore")
    assert done.code == 4 and "read-only" in done.err
    assert db.read_bytes() == before and (os.stat(db).st_mode & 0o777) == 0o444


def test_a_backup_that_is_a_link_to_the_database_is_replaced_by_a_real_backup(
    kept: Runner, db: Path
) -> None:
    backup = store.backup_path(db)
    backup.unlink()
    backup.symlink_to(db)
    before = db.read_bytes()
    assert kept("add", "Dark").code == 0
    assert not backup.is_symlink() and backup.read_bytes() == before


# --------------------------------------------------------------------------- fuzz

HOSTILE: st.SearchStrategy[object] = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            "zzz",
            "0000-00-00",
            "9999-12-31",
            "2017-02-30",
            "2018-13-45",
            "9999-12-31T23:59:59-23:59",
            "2018-03-08T21:00:00",
            "Not/AZone",
            -1,
            10**30,
            1.5,
            True,
            [],
            {},
            "\x1b[31m",
            "x" * 2000,
        ]
    ),
    st.text(max_size=12),
    st.integers(),
)


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in a JSON document a value sits."""
    found: list[tuple[object, ...]] = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _set(document: object, path: tuple[object, ...], value: object) -> None:
    *above, last = path
    for key in above:
        document = document[key]  # type: ignore[index]
    document[last] = value  # type: ignore[index]


def _fresh(cli: Runner, db: Path) -> None:
    """Jessica Jones, season 2 and one episode, in a new database with a backup."""
    for path in (db, store.backup_path(db)):
        path.unlink(missing_ok=True)
    assert cli("--today", "2017-07-01", "add", "Jessica Jones").code == 0
    assert cli("--today", "2017-07-01", "expect", "Jessica Jones", "2", "spring 2018").code == 0
    assert (
        cli("--today", "2017-07-01", "episode", "Jessica Jones", "2", "1", "2018-03-08").code == 0
    )


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_no_damaged_database_is_an_internal_error_or_costs_the_backup(
    cli: Runner, db: Path, data: st.DataObject
) -> None:
    _fresh(cli, db)
    document = json.loads(db.read_bytes())
    path = data.draw(st.sampled_from(_paths(document)), label="where")
    _set(document, path, data.draw(HOSTILE, label="value"))
    damaged = json.dumps(document).encode()
    db.write_bytes(damaged)
    backup = store.backup_path(db).read_bytes()
    command = data.draw(st.sampled_from(READERS + WRITERS + [["db", "check"]]), label="command")
    done = cli("--today", "2017-07-01", *command)
    assert done.code != 70 and "internal error" not in done.err, (command, done.err)
    if done.code != 0:
        assert db.read_bytes() == damaged
        assert store.backup_path(db).read_bytes() == backup
    if done.code == 4 and command != ["db", "check"]:
        db.write_bytes(damaged)
        checked = cli("db", "check")
        assert checked.code == 4, (command, done.err)  # what refused the file, check names


def test_the_file_a_writer_checked_and_left_is_not_checked_again(
    kept: Runner, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Path] = []
    monkeypatch.setattr(store.Store, "validate", lambda self: checked.append(self.path))
    for command in (["upcoming"], ["info", "Jessica Jones"], ["add", "Dark"], ["list"]):
        assert kept(*command).code == 0
    assert checked == []
    db.write_bytes(db.read_bytes().replace(b'"title":"Dark"', b'"title":"Dark!"'))
    assert kept("add", "Lost").code == 0
    assert checked == [db]  # edited by hand: checked whole


def test_db_check_of_a_good_file_marks_it_checked(
    kept: Runner, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.write_bytes(db.read_bytes().replace(b'"title":"Jessica Jones"', b'"title":"JJ"'))
    assert kept("db", "check").code == 0
    checked: list[Path] = []
    monkeypatch.setattr(store.Store, "validate", lambda self: checked.append(self.path))
    assert kept("add", "Lost").code == 0 and checked == []

"""The store under real processes: concurrent writers, SIGKILL mid-save, damaged files,
a held lock, backups, migration."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from showtrack import store
from showtrack.errors import DatabaseError, LockedError
from showtrack.models import Release, Show

from ..conftest import Runner, run_process

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from showtrack import store
    from showtrack.models import Show

    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for i in range(count):
        with store.open_for_writing(path, timeout=60) as s:
            s.insert([Show(f"{name}-{i}", f"{name} {i}")])
        print(f"{name}-{i}", flush=True)
    """
)

REFUSED_AND_WRITING = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from showtrack import store
    from showtrack.models import Show

    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for i in range(count):
        try:
            with store.open_for_writing(path, timeout=60) as s:
                s.insert([Show(f"{name}-{i}", f"{name} {i}")])
                if i % 2:
                    raise ValueError("refused")
        except ValueError:
            continue
        print(f"{name}-{i}", flush=True)
    """
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from showtrack import store

    with store.WriteLock(Path(sys.argv[1]), timeout=5):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _show_ids(path: Path) -> set[str]:
    return {show.id for show in store.load(path).shows()}


def test_concurrent_writers_lose_nothing(db: Path) -> None:
    writers = [_spawn(WRITER, str(db), f"w{n}", "25") for n in range(6)]
    for w in writers:
        _out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    assert _show_ids(db) == {f"w{n}-{i}" for n in range(6) for i in range(25)}


def test_concurrent_cli_commands_lose_nothing(db: Path) -> None:
    env = {**os.environ, "SHOWTRACK_DB": str(db)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "showtrack", "add", f"Show {n}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(8)
    ]
    for p in procs:
        p.communicate(timeout=120)
        assert p.returncode == 0
    assert _show_ids(db) == {f"show-{n}" for n in range(8)}


def test_writers_that_remove_the_lock_file_they_made_still_exclude_each_other(
    db: Path,
) -> None:
    # A refused command removes a lock file it made; a writer that was waiting on the
    # removed file must take the new one, or two writers would hold "the" lock at once
    # and one's save would lose the other's.
    writers = [_spawn(REFUSED_AND_WRITING, str(db), f"w{n}", "30") for n in range(6)]
    said = set()
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        said |= set(out.split())
    assert said == {f"w{n}-{i}" for n in range(6) for i in range(0, 30, 2)}
    assert _show_ids(db) == said


def test_a_refused_write_leaves_no_lock_file_beside_a_file_that_is_no_database(
    tmp_path: Path,
) -> None:
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/sh\n")
    other = tmp_path / "other.json"
    other.write_text('{"name": "not ours"}')
    missing = tmp_path / "new.json"
    for path in (passwd, other):
        refusal = pytest.raises(DatabaseError, match="this is not a showtrack database")
        with refusal as refused, store.open_for_writing(path):
            pass
        assert refused.value.hint is not None and "check --db" in refused.value.hint
    with pytest.raises(ValueError), store.open_for_writing(missing):
        raise ValueError("a command refused")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json", "passwd"]
    assert passwd.read_text().startswith("root:x:0:0")


def test_writers_killed_mid_save_leave_a_valid_file_with_every_acknowledged_write(
    db: Path,
) -> None:
    # A large file makes each save take long enough for kills to land inside it.
    with store.open_for_writing(db) as s:
        s.insert(
            [
                Release(id=f"bulk/s{i}", show_id="bulk", season=i, notes="x" * 400)
                for i in range(3000)
            ]
        )
    rng = random.Random(20180308)
    acknowledged: set[str] = set()
    for round_ in range(12):
        writer = _spawn(WRITER, str(db), f"k{round_}", "1000")
        time.sleep(rng.uniform(0.15, 0.6))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        acknowledged |= set(out.split())
        loaded = store.load(db)  # raises if the file were half written
        assert acknowledged <= _show_ids(db)
        assert len(loaded.releases()) == 3000
    assert acknowledged, "no write completed before the kills; the test proved nothing"
    # Temp files the killed writers left are swept by the next write.
    with store.open_for_writing(db) as s:
        s.insert([Show("after", "after")])
    assert not list(db.parent.glob(".showtrack.json.*.tmp"))


DAMAGED = {
    "empty": b"",
    "truncated": b'{\n  "meta": {\n    "1": {"schema": 3}\n  },\n  "shows": {\n    "1": {"id"',
    "not json": b"\x00\x01 this is not json",
    "not our shape": b'{"foo": {"1": {"a": 1}}}',
    "a list": b"[1, 2, 3]",
    "no schema": b'{"meta": {"1": {}}, "shows": {}, "releases": {}}',
    "newer schema": b'{"meta": {"1": {"schema": 99}}, "shows": {}, "releases": {}}',
    "not utf-8": b'{"meta": {"1": {"schema": 3}}, "shows": {"1": {"title": "\xff"}}}',
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_damaged_files_are_refused_and_left_byte_for_byte(
    db: Path, proc: Runner, kind: str
) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(DAMAGED[kind])
    for args in (("add", "New Show"), ("list",), ("check",)):
        result = proc(*args)
        assert result.code == 4, (args, result)
        assert str(db) in result.err
        assert "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) <= 2
        assert db.read_bytes() == DAMAGED[kind]
    if kind == "newer schema":
        assert "newer showtrack" in result.err


def test_a_held_lock_makes_a_writer_wait_then_fail_cleanly(db: Path, proc: Runner) -> None:
    holder = _spawn(HOLDER, str(db), "5")
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    result = proc("add", "Blocked", env={"SHOWTRACK_LOCK_TIMEOUT": "0.6"})
    waited = time.monotonic() - started
    assert result.code == 4
    assert f"locked by another showtrack (pid {holder.pid})" in result.err
    assert waited >= 0.6
    # Readers need no lock.
    assert proc("list", "-o", "json").code in (0, 1)
    holder.kill()
    holder.communicate()
    assert not db.exists() or "blocked" not in _show_ids(db)


def test_a_writer_waits_for_the_lock_and_then_succeeds(db: Path, proc: Runner) -> None:
    holder = _spawn(HOLDER, str(db), "0.8")
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    result = proc("add", "Patient", env={"SHOWTRACK_LOCK_TIMEOUT": "20"})
    holder.communicate()
    assert result.code == 0, result.err
    assert "patient" in _show_ids(db)


def test_lock_timeout_in_process(db: Path) -> None:
    with store.WriteLock(db, timeout=1), pytest.raises(LockedError):  # noqa: SIM117
        with store.WriteLock(db, timeout=0.1):
            pass


def test_save_keeps_a_backup_and_restore_brings_it_back(db: Path, cli: Runner) -> None:
    assert cli("add", "First").code == 0
    assert cli("add", "Second").code == 0
    backup = store.backup_path(db)
    assert {d["id"] for d in json.loads(backup.read_text())["shows"].values()} == {"first"}
    db.write_text("garbage")
    assert cli("list").code == 4
    result = cli("db", "restore")
    assert result.code == 0, result.err
    assert _show_ids(db) == {"first"}
    kept = list(db.parent.glob("showtrack.json.replaced-*"))
    assert len(kept) == 1 and kept[0].read_text() == "garbage"


def test_restore_without_backup_is_exit_4(cli: Runner) -> None:
    assert cli("add", "Only").code == 0
    result = cli("db", "restore")
    assert result.code == 4
    assert "no backup" in result.err


def test_db_check_reports_dangling_references(db: Path, cli: Runner) -> None:
    assert cli("add", "A").code == 0
    assert cli("db", "check").code == 0
    data = json.loads(db.read_text())
    data["releases"]["1"] = {
        "id": "ghost/s1",
        "show_id": "ghost",
        "window": {},
        "after": [{"release": "nowhere/s9"}],
        "history": [],
    }
    db.write_text(json.dumps(data))
    result = cli("db", "check")
    assert result.code == 4
    assert "2 problem(s)" in result.err
    assert "release ghost/s1 belongs to an unknown show 'ghost'" in result.err
    assert "release ghost/s1 waits on an unknown release 'nowhere/s9'" in result.err


def test_db_path_honours_db_option_and_env(db: Path, cli: Runner, tmp_path: Path) -> None:
    assert cli("db", "path").out.strip() == str(db)
    other = tmp_path / "other.json"
    assert cli("--db", str(other), "db", "path").out.strip() == str(other)


def test_default_location_is_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SHOWTRACK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.default_path() == tmp_path / "xdg" / "showtrack" / "showtrack.json"


def test_permissions_are_kept(db: Path, cli: Runner) -> None:
    assert cli("add", "One").code == 0
    db.chmod(0o640)
    assert cli("add", "Two").code == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o640


def test_a_symlinked_database_is_written_through(db: Path, tmp_path: Path, cli: Runner) -> None:
    target = tmp_path / "real" / "db.json"
    target.parent.mkdir()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.symlink_to(target)
    assert cli("add", "One").code == 0
    assert cli("add", "Two").code == 0
    assert db.is_symlink()
    assert _show_ids(target) == {"one", "two"}


def test_a_command_that_changes_nothing_does_not_write(db: Path, cli: Runner) -> None:
    assert cli("add", "Jessica Jones").code == 0
    assert cli("expect", "Jessica Jones", "2", "spring 2018").code == 0
    before = db.stat()
    time.sleep(0.01)
    assert cli("expect", "Jessica Jones", "2", "spring 2018").code == 0
    assert cli("edit", "Jessica Jones").code == 0
    after = db.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_file_is_stable_readable_json(db: Path, cli: Runner) -> None:
    assert cli("add", "Zed", "--network", "Netflix").code == 0
    text = db.read_text()
    assert json.loads(text)["meta"]["1"]["schema"] == store.SCHEMA_VERSION
    assert text.index('"meta"') < text.index('"shows"') < text.index('"releases"')
    assert '{"aliases":[],"id":"zed","network":"Netflix"' in text  # keys sorted
    store.load(db)
    assert store.load(db).to_bytes() == db.read_bytes()


def test_version_1_file_is_migrated_after_a_backup(db: Path, cli: Runner) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    v1 = {
        "meta": {"1": {"schema": 1}},
        "shows": {
            "1": {
                "id": "jessica-jones",
                "title": "Jessica Jones",
                "aliases": [],
                "tags": [],
                "network": "Netflix",
            }
        },
        "releases": {
            "1": {
                "id": "jessica-jones/s2",
                "show_id": "jessica-jones",
                "season": 2,
                "phrase": "spring 2018",
                "earliest": "2018-03-01",
                "latest": "2018-05-31",
            }
        },
    }
    original = json.dumps(v1)
    db.write_text(original)
    listing = cli("upcoming", "-o", "json")
    assert listing.code == 0
    assert json.loads(listing.out)[0]["window"]["edtf"] == "2018-21"
    assert db.read_text() == original  # reading migrates in memory only
    assert cli("add", "Luke Cage").code == 0
    data = json.loads(db.read_text())
    assert data["meta"]["1"]["schema"] == store.SCHEMA_VERSION
    assert data["releases"]["1"]["window"] == {
        "phrase": "spring 2018",
        "earliest": "2018-03-01",
        "latest": "2018-05-31",
        "edtf": "2018-21",
    }
    kept = db.with_name("showtrack.json.schema1.bak")
    assert kept.read_text() == original


def test_version_4_file_gains_episodes(db: Path, cli: Runner) -> None:
    """Schema 5 keeps a season's episodes in its release, with their summary beside them."""
    v4_release = {
        "id": "the-flash/s6",
        "show_id": "the-flash",
        "season": 6,
        "window": {"phrase": "2019-10-08", "earliest": "2019-10-08", "latest": "2019-10-08"},
        "history": [],
        "sources": [],
        "known_since": None,
    }
    v4 = {
        "meta": {"1": {"schema": 4}},
        "shows": {"1": {"id": "the-flash", "title": "The Flash", "zone": None, "tvmaze": None}},
        "releases": {"1": v4_release},
    }
    db.write_text(json.dumps(v4))
    assert cli("episode", "The Flash", "6", "10", "2020-01-14").code == 0
    data = json.loads(db.read_text())
    assert data["meta"]["1"] == {"schema": store.SCHEMA_VERSION, "migrated_from": 4}
    release = data["releases"]["1"]
    assert [e["number"] for e in release["episodes"]] == [10]
    assert (release["episodes_last_day"], release["episodes_undated"]) == ("2020-01-14", 0)
    assert db.with_name("showtrack.json.schema4.bak").read_text() == json.dumps(v4)


def test_a_folder_at_the_database_path_is_refused_and_left_alone(db: Path) -> None:
    db.mkdir(parents=True)
    with pytest.raises(DatabaseError, match="is a folder, not a database file"):
        store.load(db)
    assert db.is_dir() and list(db.iterdir()) == []


def test_process_level_error_is_one_line(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text("{")
    result = run_process(db, "upcoming")
    assert result.code == 4
    assert result.err.startswith("showtrack: ")
    assert "not valid JSON (line 1)" in result.err
    assert "there is no backup beside it" in result.err
    db.with_name(db.name + ".bak").write_text('{"meta": {"1": {"schema": 6}}}')
    result = run_process(db, "upcoming")
    assert result.code == 4 and "run `showtrack db restore`" in result.err


def test_a_backup_linked_to_the_file_by_a_killed_writer_leaves_no_temp_file(db: Path) -> None:
    with store.open_for_writing(db) as s:
        s.insert([Show("one", "One")])
    # What a writer killed after keeping its backup, before replacing the file, leaves.
    store.backup_path(db).unlink(missing_ok=True)
    os.link(db, store.backup_path(db))
    with store.open_for_writing(db) as s:
        s.insert([Show("two", "Two")])
    assert not list(db.parent.glob(".showtrack.json.*.tmp"))
    assert _show_ids(store.backup_path(db)) == {"one"}


# --- the years showtrack keeps ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (("expect", "A", "1", "9999-12-31"), 3),
        (("expect", "A", "1", "in 999 years"), 3),
        (("expect", "A", "1", "1850"), 3),
        (("expect", "B", "2", "spring 2018", "--after", "a/s1", "--lag", "9999y"), 2),
        (("expect", "A", "1", "2018", "--remind", "7983y"), 2),
        (("expect", "A", "1", "2018", "--as-of", "0001-01-01"), 2),
        (("released", "A", "1", "1066-10-14"), 2),
        (("window", "Q3", "--as-of", "0001-01-01"), 2),
        (("upcoming", "--within", "9999y"), 2),
        (("--today", "9999-12-31", "timeline"), 2),
    ],
)
def test_dates_outside_the_kept_years_are_refused_and_change_nothing(
    cli: Runner, db: Path, argv: tuple[str, ...], code: int
) -> None:
    cli("add", "A")
    cli("add", "B")
    cli("expect", "A", "1", "2017")
    before = db.read_bytes()
    result = cli(*argv)
    assert result.code == code, result.err
    assert "1900 to 2199" in result.err or "100 years" in result.err
    assert db.read_bytes() == before
    # and every view still works afterwards (exit 70 was what a kept bad date led to)
    for view in (("upcoming",), ("check",), ("timeline",), ("calendar",), ("countdown",)):
        assert cli(*view).code in (0, 1), view


def test_an_import_with_a_date_outside_the_kept_years_is_refused(cli: Runner, db: Path) -> None:
    record = {
        "show": "A",
        "season": 1,
        "window": {"phrase": "2018"},
        "history": [{"recorded_at": "2017-01-01T00:00:00+00:00", "as_of": "x"}],
    }
    result = cli("import", "-", stdin=json.dumps([record]))
    assert result.code == 2 and "record 1" in result.err
    record["history"][0]["as_of"] = "2999-01-01"  # type: ignore[index]
    result = cli("import", "-", stdin=json.dumps([record]))
    assert result.code == 2 and "1900 to 2199" in result.err
    assert not db.exists()


def test_a_file_holding_a_date_outside_the_kept_years_is_refused_on_read(
    cli: Runner, db: Path
) -> None:
    cli("add", "A")
    cli("expect", "A", "1", "2018")
    damaged = db.read_text().replace('"latest":"2018-12-31"', '"latest":"9999-12-31"')
    db.write_text(damaged)
    said = "'a/s1' is damaged: its latest day '9999-12-31' is a date outside the years"
    for view in (("upcoming",), ("check",), ("info", "A"), ("history", "A", "1"), ("add", "B")):
        result = cli(*view)
        assert result.code == 4, view
        assert said in result.err, view
    assert db.read_text() == damaged
    result = cli("db", "check")
    assert result.code == 4 and f"releases record {said}" in result.err


# --- neighbours, links and full disks ---------------------------------------------------------


def test_a_planted_lock_link_is_refused_and_its_target_untouched(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    cli("add", "A")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    lock = store.lock_path(db)
    lock.unlink()
    lock.symlink_to(victim)
    before = db.read_bytes()
    result = cli("add", "B")
    assert result.code == 4 and "symbolic link" in result.err
    assert victim.read_text() == "precious\n" and db.read_bytes() == before
    # a dangling one creates nothing either
    lock.unlink()
    lock.symlink_to(tmp_path / "nowhere" / "made")
    assert cli("add", "B").code == 4
    assert not (tmp_path / "nowhere").exists()


def test_a_read_only_database_is_not_replaced(cli: Runner, db: Path) -> None:
    cli("add", "A")
    db.chmod(0o444)
    before = db.read_bytes()
    result = cli("add", "B")
    assert result.code == 4 and "read-only" in result.err
    assert db.read_bytes() == before and stat.S_IMODE(db.stat().st_mode) == 0o444


FILL_UP = """
import resource, sys
from pathlib import Path
from showtrack import store
from showtrack.models import Show
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # a disk that is full past here
try:
    with store.open_for_writing(Path(sys.argv[1])) as s:
        s.insert([Show("big", "x" * 5000)])
except store.DatabaseError as exc:
    print(exc.message)
    sys.exit(exc.exit_code)
"""


def test_a_full_disk_is_exit_4_and_keeps_the_database_and_its_backup(cli: Runner, db: Path) -> None:
    cli("add", "A")
    cli("add", "B")  # now there is a backup (the file as it was with A)
    before, backup = db.read_bytes(), store.backup_path(db).read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", FILL_UP, str(db), str(len(before) + 100)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 4, done.stderr
    assert (
        done.stdout.startswith("cannot write ") and "the database was left as it was" in done.stdout
    )
    assert db.read_bytes() == before
    assert store.backup_path(db).read_bytes() == backup  # `db restore` still undoes B
    assert not list(db.parent.glob(".showtrack.json.*.tmp"))


def test_a_disk_with_no_room_even_for_the_lock_holders_pid_is_exit_4(cli: Runner, db: Path) -> None:
    cli("add", "A")
    before = db.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", FILL_UP, str(db), "0"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 4, done.stderr
    assert done.stdout.startswith("cannot write ") and "Traceback" not in done.stderr
    assert db.read_bytes() == before


def test_a_database_path_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "tv.json"
    os.mkfifo(fifo)
    for command in (["list"], ["add", "A"], ["db", "check"]):
        done = run_process(fifo, *command, timeout=20)
        assert done.code == 4, (command, done.err)
        assert done.err.startswith(f"showtrack: cannot read {fifo}: it is not a regular file")


def test_restore_never_writes_through_a_planted_link_and_keeps_each_replaced_file(
    cli: Runner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("add", "A")
    cli("add", "B")
    monkeypatch.setattr(store.maintenance, "utc_stamp", lambda: "2017-07-01T00:00:00+00:00")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    planted = db.with_name("showtrack.json.replaced-2017-07-01T000000Z")
    planted.symlink_to(victim)
    assert cli("db", "restore").code == 0
    assert victim.read_text() == "precious\n" and planted.is_symlink()
    cli("add", "C")
    assert cli("db", "restore").code == 0  # the same second
    kept = sorted(p.name for p in db.parent.glob("showtrack.json.replaced-*") if not p.is_symlink())
    assert kept == [
        "showtrack.json.replaced-2017-07-01T000000Z-2",
        "showtrack.json.replaced-2017-07-01T000000Z-3",
    ]


def test_a_backup_that_is_the_database_is_no_backup(cli: Runner, db: Path) -> None:
    cli("add", "A")
    cli("add", "B")
    backup = store.backup_path(db)
    backup.unlink()
    backup.symlink_to(db)
    result = cli("db", "restore")
    assert result.code == 4 and "nothing to restore" in result.err
    checked = cli("db", "check")
    assert checked.code == 4 and "is a link to the database: no backup" in checked.err


def test_a_kept_migration_copy_is_written_whole_and_never_through_a_link(
    db: Path, cli: Runner, tmp_path: Path
) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    old = json.dumps({"meta": {"1": {"schema": 3}}, "shows": {}, "releases": {}})
    db.write_text(old)
    keep = db.with_name("showtrack.json.schema3.bak")
    keep.symlink_to(tmp_path / "nowhere" / "made")  # dangling
    assert cli("add", "A").code == 0
    assert not keep.is_symlink() and keep.read_text() == old
    assert not (tmp_path / "nowhere").exists()
    # one a crash cut short is written again on the next migration
    db.write_text(old)
    keep.write_text(old[:10])
    assert cli("add", "B").code == 0
    assert keep.read_text() == old


@pytest.mark.parametrize(
    ("value", "seconds"), [("2.5", 2.5), ("0", 0.0), ("", 10.0), ("600", 600.0)]
)
def test_the_lock_timeout_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, seconds: float
) -> None:
    monkeypatch.setenv("SHOWTRACK_LOCK_TIMEOUT", value)
    assert store.lock_timeout() == seconds


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-5", "601", "1e400"])
def test_a_lock_timeout_that_is_no_number_of_seconds_is_exit_2_before_the_database(
    cli: Runner, db: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    assert cli("add", "Kept").code == 0
    before = db.read_bytes()
    monkeypatch.setenv("SHOWTRACK_LOCK_TIMEOUT", value)
    done = cli("add", "Lost")
    assert done.code == 2, done.err
    assert done.err.startswith(f"showtrack: SHOWTRACK_LOCK_TIMEOUT {value!r} is not a number")
    assert db.read_bytes() == before


def test_a_tilde_in_the_database_path_is_the_home_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "SHOWTRACK_DB": "~/tv.json"}
    done = run_process(tmp_path / "unused.json", "add", "Zed", env=env, cwd=tmp_path)
    assert done.code == 0, done.err
    assert (home / "tv.json").exists() and not (tmp_path / "~").exists()
    listed = run_process(tmp_path / "unused.json", "list", env=env, cwd=tmp_path)
    assert "Zed" in listed.out


DAMAGE = {
    "a window that is text": lambda d: d["releases"]["1"].update(window="spring 2018"),
    "a history of numbers": lambda d: d["releases"]["1"].update(history=[5]),
    "episodes of numbers": lambda d: d["releases"]["1"].update(
        episodes=[5], episodes_last_day="2099-01-01"
    ),
    "an after that is text": lambda d: d["releases"]["1"].update(after="a/s0"),
    "a show that is a list": lambda d: d["shows"].update({"1": ["not", "a", "record"]}),
}


@pytest.mark.parametrize("damage", [*DAMAGE, "JSON nested 1,200 levels"])
def test_a_damaged_file_is_never_an_internal_error(cli: Runner, db: Path, damage: str) -> None:
    cli("add", "A")
    cli("expect", "A", "1", "2018")
    if damage in DAMAGE:
        data = json.loads(db.read_text())
        DAMAGE[damage](data)
        text = json.dumps(data)
    else:
        text = '{"meta": {"1": {"schema": 4}}, "shows": {}, "releases": {"1": '
        text += "[" * 1200 + "]" * 1200 + "}}"
    db.write_text(text)
    for argv in (
        ["upcoming"],
        ["check"],
        ["info", "A"],
        ["history", "A", "1"],
        ["expect", "A", "1", "2019"],
        ["export"],
        ["timeline"],
        ["calendar"],
    ):
        result = cli(*argv)
        assert result.code in (0, 1, 4), (argv, result.err)
        assert "internal error" not in result.err
    checked = cli("db", "check")
    assert checked.code == 4 and ("damaged" in checked.err or "deeper" in checked.err)
    assert db.read_text() == text


def test_an_import_with_a_history_that_is_not_objects_is_refused(cli: Runner) -> None:
    record = {"show": "A", "season": 1, "window": {"phrase": "2018"}, "history": [5]}
    result = cli("import", "-", stdin=json.dumps([record]))
    assert result.code == 2 and "record 1" in result.err and "'history'" in result.err


def test_a_mistyped_database_path_makes_no_folders(tmp_path: Path) -> None:
    typo = tmp_path / "nope" / "dir" / "db.json"
    done = run_process(typo, "add", "A")
    assert done.code == 4 and "does not exist" in done.err
    assert not (tmp_path / "nope").exists()
    listed = run_process(typo, "upcoming")
    assert listed.code == 1 and f"no database at {typo}" in listed.err


@pytest.mark.parametrize("schema", ["true", "false", "0", "-1", "1.5", '"3"'])
def test_a_schema_that_is_not_a_known_version_is_refused_untouched(
    cli: Runner, db: Path, schema: str
) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    text = (
        f'{{"meta": {{"1": {{"schema": {schema}}}}}, "shows": {{}}, "releases": {{"1": '
        '{"id": "a/s1", "show_id": "a", "window": {"phrase": "2018", "earliest": '
        '"2018-01-01", "latest": "2018-12-31", "edtf": "2018"}}}}'
    )
    db.write_text(text)
    for argv in (["upcoming"], ["add", "B"]):
        result = cli(*argv)
        assert result.code == 4, (schema, argv, result.err)
    assert db.read_text() == text

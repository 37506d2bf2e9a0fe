"""`showtrack check` for cron and scripts: horizons, --once, silence, bare environments."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showtrack import store

from ..conftest import Runner, run_process


@pytest.fixture
def shows(cli: Runner) -> Runner:
    cli("add", "Jessica Jones", "--network", "Netflix")
    cli("add", "Ñandú Crónicas", "--network", "Televisión Española")
    cli("add", "Luke Cage", "--network", "Netflix")
    cli("expect", "Jessica Jones", "2", "2017-07-04")  # in 3 days
    cli("expect", "Ñandú Crónicas", "1", "2017-07-20")  # in 19 days
    cli("expect", "Luke Cage", "2", "2017-08-20", "--remind", "8w")  # its own lead time
    return cli


def test_due_releases_one_plain_line_each(shows: Runner) -> None:
    result = shows("check")
    assert result.code == 0
    assert result.out.splitlines() == [
        "2017-07-04  Jessica Jones S2  in 3 days  (Netflix)",
        "2017-08-20  Luke Cage S2  in 50 days  (Netflix)",
    ]
    assert result.err == ""


def test_within_widens_the_default_but_not_a_release_lead_time(shows: Runner) -> None:
    out = shows("check", "--within", "3w").out
    assert "Ñandú Crónicas S1  in 19 days" in out
    narrow = shows("check", "--within", "1d").out
    assert "Jessica Jones" not in narrow and "Luke Cage S2" in narrow


def test_an_open_window_is_due(cli: Runner) -> None:
    cli("add", "The Defenders", "--network", "Netflix")
    cli("expect", "The Defenders", "1", "this summer")
    assert cli("check").out == (
        "2017-06-01..2017-08-31  The Defenders S1  window open, closes in 61 days  (Netflix)\n"
    )


def test_nothing_due_prints_nothing_and_exits_1(shows: Runner) -> None:
    result = shows("--today", "2017-06-01", "check")
    assert (result.code, result.out, result.err) == (1, "", "")
    released = shows("--today", "2017-07-30", "released", "Jessica Jones", "2", "2017-07-04")
    assert released.code == 0
    assert "Jessica Jones" not in shows("--today", "2017-07-30", "check").out


def test_once_reports_each_window_once(shows: Runner, db: Path) -> None:
    first = shows("check", "--once")
    assert first.code == 0 and len(first.out.splitlines()) == 2
    before = db.stat()
    second = shows("check", "--once")
    assert (second.code, second.out) == (1, "")
    after = db.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    # A new release is news; the old ones stay quiet.
    shows("--today", "2017-07-02", "expect", "Ñandú Crónicas", "1", "2017-07-05")
    third = shows("--today", "2017-07-02", "check", "--once")
    assert third.out.splitlines() == [
        "2017-07-05  Ñandú Crónicas S1  in 3 days  (Televisión Española)"
    ]
    # A changed window is news again.
    shows("--today", "2017-07-02", "expect", "Jessica Jones", "2", "2017-07-06")
    fourth = shows("--today", "2017-07-02", "check", "--once")
    assert fourth.out.splitlines() == ["2017-07-06  Jessica Jones S2  in 4 days  (Netflix)"]


def test_check_once_memory_survives_in_the_database(
    shows: Runner, db: Path, tmp_path: Path
) -> None:
    reported = shows("check", "--once").out.splitlines()
    memory = store.load(db).meta["notified"]
    assert len(memory) == len(reported) == 2
    assert memory["jessica-jones/s2"] == "2017-07-04|2017-07-04|"
    # The memory travels with the data: a copy of the file, in a new process, is quiet.
    copy = tmp_path / "copy.json"
    shutil.copy(db, copy)
    again = run_process(copy, "check", "--once")
    assert (again.code, again.out) == (1, "")


BARE_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "HOME": "/nonexistent"}


def test_from_cron_bare_environment_c_locale(shows: Runner, db: Path) -> None:
    result = subprocess.run(
        [
            "env",
            "-i",
            *(f"{k}={v}" for k, v in BARE_ENV.items()),
            f"SHOWTRACK_DB={db}",
            "SHOWTRACK_TODAY=2017-07-15",
            sys.executable,
            "-m",
            "showtrack",
            "check",
            "--within",
            "1w",
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "Ñandú Crónicas S1  in 5 days  (Televisión Española)" in out
    assert "\x1b" not in out and result.stderr == b""


def test_crontab_style_line_through_sh(shows: Runner, db: Path, tmp_path: Path) -> None:
    showtrack = Path(sys.executable).with_name("showtrack")
    mail = tmp_path / "mail.txt"
    line = (
        f"SHOWTRACK_DB={db} SHOWTRACK_TODAY=2017-07-01 {showtrack} check --once "
        f"> {mail} 2>&1; echo $? >> {mail}"
    )
    for _ in range(2):
        subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", "sh", "-c", line], check=True)
    # The second run found nothing new: cron would mail nothing but our own status line.
    assert mail.read_text() == "1\n"


def test_if_showtrack_check_works_in_shell(shows: Runner, db: Path) -> None:
    showtrack = Path(sys.executable).with_name("showtrack")
    script = f"if {showtrack} check >/dev/null; then echo due; else echo quiet; fi"
    env = {"PATH": "/usr/bin:/bin", "SHOWTRACK_DB": str(db)}
    due = subprocess.run(
        ["sh", "-c", script],
        env={**env, "SHOWTRACK_TODAY": "2017-07-01"},
        capture_output=True,
        text=True,
        check=True,
    )
    quiet = subprocess.run(
        ["sh", "-c", script],
        env={**env, "SHOWTRACK_TODAY": "2017-01-01"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert (due.stdout, quiet.stdout) == ("due\n", "quiet\n")


def _modules_loaded_by(db: Path, *argv: str) -> list[str]:
    """The modules a fresh process has imported after running showtrack with `argv`,
    which must have done its work: exit 0, or 1 for nothing due (taskwarrior's "no
    matches"), and nothing on stderr. A command that failed early would import little,
    and pass any test of what it did not import."""
    probe = (
        "import sys\n"
        "from showtrack.cli import main\n"
        "code = 0\n"
        f"try:\n    main({list(argv)!r})\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print('exit', code)\n"
        "print(' '.join(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SHOWTRACK_DB": str(db), "SHOWTRACK_TODAY": "2017-07-01"},
        check=False,
    )
    *_, exit_line, modules = result.stdout.strip().splitlines()
    assert exit_line in ("exit 0", "exit 1") and result.stderr == "", (argv, result.stderr)
    return modules.split()


def test_check_does_not_import_rich(shows: Runner, db: Path) -> None:
    modules = _modules_loaded_by(db, "check")
    assert not any(m == "rich" or m.startswith("rich.") for m in modules)
    assert "httpx" not in modules  # nor the network
    assert "feedparser" not in modules and "trafilatura" not in modules  # nor the news


def test_check_once_and_listings_do_not_import_the_news_readers(shows: Runner, db: Path) -> None:
    for argv in (["check", "--once"], ["upcoming", "-o", "json"], ["list", "-o", "tsv"]):
        modules = _modules_loaded_by(db, *argv)
        assert "feedparser" not in modules and "trafilatura" not in modules, argv


def test_machine_formats_do_not_import_rich(shows: Runner, db: Path) -> None:
    assert "rich.console" not in _modules_loaded_by(db, "upcoming", "-o", "json")


def test_listings_do_not_load_the_phrase_reader(shows: Runner, db: Path) -> None:
    for argv in (["check"], ["upcoming", "-o", "table"], ["timeline"], ["info", "Luke Cage"]):
        modules = _modules_loaded_by(db, *argv)
        assert "showtrack.tracker.listings" in modules, argv
        assert "showtrack.windows.phrases" not in modules, argv
    assert "showtrack.windows.phrases" in _modules_loaded_by(db, "window", "spring 2018")


def test_unwritable_home_is_fine_for_reading(shows: Runner, db: Path) -> None:
    result = run_process(db, "check", env={"HOME": "/nonexistent", "LANG": "C"})
    assert result.code == 0


def test_errors_go_to_stderr_with_their_code(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text("not json")
    result = run_process(db, "check")
    assert (result.code, result.out) == (4, "")
    assert result.err.startswith("showtrack: ")


def test_a_write_that_adds_nothing_does_not_load_tinydb(shows: Runner, db: Path) -> None:
    modules = _modules_loaded_by(db, "expect", "Luke Cage", "2", "summer 2018")
    assert "showtrack.tracker.edits" in modules
    assert "tinydb" not in modules  # TinyDB numbers new documents; a revision has none
    assert "tinydb" in _modules_loaded_by(db, "add", "Daredevil")


def test_once_reports_a_window_that_passed_while_nobody_checked(shows: Runner, db: Path) -> None:
    # Jessica Jones S2's window (2017-07-04) passed two months before this first check:
    # without --once that is old news; with --once it was never said, so it is, once.
    late = ("--today", "2017-09-01")
    assert "Jessica Jones" not in shows(*late, "check").out
    first = shows(*late, "check", "--once")
    assert first.code == 0
    assert "2017-07-04  Jessica Jones S2  overdue by 59 days  (Netflix)" in first.out
    again = shows(*late, "check", "--once")
    assert again.code == 1 and again.out == ""


def test_check_of_a_mistyped_database_says_so_and_starts_none(tmp_path: Path) -> None:
    mistyped = tmp_path / "showtrack.jsno"
    for args in (("check",), ("check", "--once")):
        result = run_process(mistyped, *args)
        assert result.code == 1 and result.out == ""
        assert result.err == (
            f"showtrack: there is no database at {mistyped} yet; `showtrack add TITLE` starts one\n"
        )
    assert list(tmp_path.iterdir()) == []


def test_a_timed_release_is_due_on_the_day_it_airs_where_the_user_is(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    cli("add", "Game of Thrones")
    said = cli("expect", "Game of Thrones", "7", "July 16, 2017 at 9pm ET")
    assert said.out == (
        "added Game of Thrones S7: July 16, 2017 at 9pm ET "
        "(2017-07-16, airs Mon 2017-07-17 02:00 BST)\n"
    )
    due = cli("--today", "2017-07-14", "check")
    assert due.code == 0 and due.out.startswith("2017-07-17 02:00  Game of Thrones S7  in ")
    listed = cli("--today", "2017-07-14", "upcoming", "-o", "table")
    assert "2017-07-17 02:00" in listed.out
    month = cli("--today", "2017-07-14", "calendar", "2017-07").out.splitlines()
    week = next(i for i, line in enumerate(month) if line.startswith("│ 17 "))
    assert "Game" in month[week + 1] and "Game" not in month[week - 1]


def test_check_writes_the_rows_of_upcoming_for_scripts(marvel: Runner) -> None:
    due = marvel("check", "-o", "json")
    assert due.code == 0
    rows = json.loads(due.out)
    upcoming = {r["id"]: r for r in json.loads(marvel("upcoming", "-o", "json").out)}
    assert rows and all(row == upcoming[row["id"]] for row in rows)
    lines = marvel("check", "-o", "jsonl").out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]
    assert marvel("check", "-o", "table").code == 2  # a table is what check prints anyway

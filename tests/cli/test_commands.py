"""The program as a whole, end to end: help, version, exit codes, global options and the
entry points."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import Runner, run_process


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("upcoming", "--bogus"),
        ("upcoming", "--within", "soon"),
        ("upcoming", "-o", "xml"),
        ("expect", "Jessica Jones", "2", "2018", "--stage", "vibes"),
        ("expect", "Jessica Jones", "2", "2018", "--lag", "2w"),
        ("expect", "Jessica Jones", "2", "2018", "--as-of", "someday"),
        ("expect", "Jessica Jones", "2", "2018", "--region", "Atlantis"),
        ("expect", "Jessica Jones", "2", "2018-03-08", "--at", "25:00"),
        ("--today", "someday", "upcoming"),
        ("check", "--within", "x"),
        ("calendar", "2018-13"),
        ("add", "Jessica Jones"),
    ],
)
def test_usage_errors_are_2_and_change_nothing(
    marvel: Runner, db: Path, args: tuple[str, ...]
) -> None:
    before = db.read_bytes()
    result = marvel(*args)
    assert result.code == 2, result
    assert result.err.startswith("showtrack: ")
    assert "Traceback" not in result.err
    assert db.read_bytes() == before


def test_version_is_the_one_the_package_was_installed_with(cli: Runner) -> None:
    from importlib.metadata import version

    import showtrack

    result = cli("--version")
    assert result.code == 0
    assert result.out == f"showtrack {showtrack.__version__}\n"
    assert version("showtrack") == showtrack.__version__  # one version, written once


def test_help_teaches(cli: Runner) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "showtrack expect" in result.out
    # Plain text that appears at once, not Rich panels (bench: --help ÷ upcoming).
    assert "╭" not in result.out and "Commands:" in result.out


def test_process_entry_point_and_python_m(db: Path) -> None:
    import shutil

    from showtrack import __version__

    result = run_process(db, "--version")  # python -m showtrack
    assert (result.code, result.out) == (0, f"showtrack {__version__}\n")
    script = shutil.which("showtrack", path=str(Path(sys.executable).parent))
    assert script is not None, "the installed entry point is missing"
    done = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"showtrack {__version__}\n")


def test_reading_a_database_that_does_not_exist_says_where_it_looked(cli: Runner, db: Path) -> None:
    for argv in (["upcoming"], ["check"], ["list", "-o", "json"]):
        result = cli(*argv)
        assert result.code == 1
        assert f"no database at {db} yet" in result.err
    assert not db.exists()  # reading made nothing
    cli("add", "A")
    assert "no database" not in cli("upcoming").err


def test_global_options_work_after_the_command(marvel: Runner, tmp_path: Path) -> None:
    before = marvel("--today", "2017-07-01", "upcoming", "-o", "json").out
    assert marvel("upcoming", "--today", "2017-07-01", "-o", "json").out == before
    assert marvel("upcoming", "-o", "json", "--today=2017-07-01").out == before
    other = tmp_path / "other.json"
    assert marvel("add", "Severance", "--db", str(other)).code == 0
    assert "Severance" in marvel("--db", str(other), "list", "-o", "tsv").out
    assert "Severance" not in marvel("list", "-o", "tsv").out
    assert marvel("check", "--version").out.startswith("showtrack ")
    # After `--` it is data, not an option.
    assert marvel("add", "--", "--today").code == 0
    assert "--today" in marvel("list", "-o", "tsv").out


def test_help_is_a_command_and_no_command_is_help(cli: Runner) -> None:
    assert "Usage: showtrack upcoming" in cli("help", "upcoming").out
    assert "Usage: showtrack db restore" in cli("help", "db", "restore").out
    listed = cli("help")
    assert listed.code == 0 and "Commands" in listed.out
    bare = cli()
    assert bare.code == 0 and "Usage: showtrack" in bare.out and bare.err == ""
    db = cli("db")
    assert db.code == 0 and "restore" in db.out and db.err == ""


@pytest.mark.parametrize("today", ["", "zzz", "2018-02-30"])
def test_a_bad_today_is_exit_2_even_for_a_command_that_needs_no_day(
    marvel: Runner, db: Path, today: str
) -> None:
    before = db.read_bytes()
    done = marvel("--today", today, "add", "Another")
    assert done.code == 2 and "--today" in done.err.splitlines()[0], done.err
    assert db.read_bytes() == before


def test_each_error_exits_with_the_code_spec_cli_gives_its_meaning() -> None:
    from showtrack import errors

    assert {code.name: int(code) for code in errors.ExitCode} == {
        "OK": 0,
        "NOTHING": 1,
        "USAGE": 2,
        "NOT_UNDERSTOOD": 3,
        "DATABASE": 4,
        "NETWORK": 5,
        "BUG": 70,
        "INTERRUPTED": 130,
    }
    assert errors.UsageError("x").exit_code == 2
    assert errors.AmbiguousNameError("x").exit_code == 3
    assert errors.LockedError("x").exit_code == 4
    assert errors.UnreadableAnswerError("x").exit_code == 5

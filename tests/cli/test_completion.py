"""Shell completion through its protocol: the environment variables bash, zsh and fish
set, and, for bash, the script `showtrack --show-completion` installs, run in bash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import Runner, process_env


@pytest.fixture
def tracked(cli: Runner) -> Runner:
    cli("add", "Stranger Things", "--network", "Netflix", "--tag", "sci-fi")
    cli("add", "Shōgun", "--network", "FX")
    cli("add", "Luke Cage", "--network", "Netflix", "--tag", "marvel")
    cli("expect", "Luke Cage", "2", "spring 2018")
    cli("expect", "Luke Cage", "Christmas Special", "2017-12-25")
    return cli


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = process_env(db)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return {**env, **extra}


def _complete(db: Path, shell: str, line: str) -> list[str]:
    """What showtrack offers for the last word of `line` (or a new word after a space)."""
    words = line.split(" ")
    if shell == "bash":
        env = _env(db, COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env = _env(db, _TYPER_COMPLETE_ARGS=line, _TYPER_COMPLETE_FISH_ACTION="get-args")
    env["_SHOWTRACK_COMPLETE"] = f"complete_{shell}"
    done = subprocess.run(
        [sys.executable, "-m", "showtrack"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("showtrack info str", ["'Stranger Things'"]),  # any case; quoted for bash
        ("showtrack info sho", ["Shōgun"]),  # accent-blind, from any part
        ("showtrack info cage", ["'Luke Cage'"]),
        ("showtrack expect 'Luke Cage' ", ["2", "'Christmas Special'"]),
        ("showtrack history cage ", ["2", "'Christmas Special'"]),  # a part, as typed
        ("showtrack history luke-cage ", ["2", "'Christmas Special'"]),
        ("showtrack upcoming --network net", ["Netflix"]),
        ("showtrack upcoming --tag mar", ["marvel"]),
        ("showtrack expect x 1 y --stage fil", ["filming"]),
        ("showtrack expect x 1 y --after luke-cage/s", ["luke-cage/s2"]),
        ("showtrack upcoming -o js", ["json", "jsonl"]),
    ],
)
def test_bash_completes_from_the_database(
    tracked: Runner, db: Path, line: str, offered: list[str]
) -> None:
    assert _complete(db, "bash", line) == offered


def test_zsh_and_fish_get_the_plain_titles(tracked: Runner, db: Path) -> None:
    assert _complete(db, "zsh", "showtrack info str") == [
        """_arguments '*: :(("Stranger Things"))'"""
    ]
    assert _complete(db, "fish", "showtrack info shō") == ["Shōgun"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_a_completed_title_with_spaces_works_as_typed_in_bash(tracked: Runner, db: Path) -> None:
    script = subprocess.run(
        [sys.executable, "-m", "showtrack"],
        env=_env(db, _SHOWTRACK_COMPLETE="source_bash"),
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    # Source what --install-completion installs, press Tab after "info str", and run the
    # command line that results.
    run = (
        f"{script}\n"
        "COMP_WORDS=(showtrack info str); COMP_CWORD=2\n"
        "_showtrack_completion showtrack\n"
        '[ "${#COMPREPLY[@]}" -eq 1 ] || exit 9\n'
        'eval "showtrack info ${COMPREPLY[0]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "-c", run], env=_env(db), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Stranger Things" in done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_name_with_a_control_or_bidi_character_is_not_offered(
    cli: Runner, db: Path, shell: str
) -> None:
    cli("add", "Stranger Things")
    cli("add", "Stranger\x07 Bell")
    cli("add", "Stranger \u202esgnihT")
    offered = _complete(db, shell, "showtrack info stra")
    assert len(offered) == 1 and "Things" in offered[0]
    assert not any("\x07" in line or "\u202e" in line for line in offered)

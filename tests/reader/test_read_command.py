"""`showtrack read` end to end: proposals shown, recorded with --apply, recorded once,
reviewed at a real terminal (a pty), fetched from a local server, and its errors."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner, Terminal, process_env, run_process
from tests.reader.test_statements import ARTICLES, SEED
from tests.sources.conftest import Answer, Tvmaze

ROUNDUP = str(ARTICLES / "roundup.md")
# The articles were published after the suite's usual today (2017-07-01).
LATER = ("--today", "2024-11-01")


def _upcoming(cli: Runner) -> dict[str, dict[str, Any]]:
    done = cli(*LATER, "upcoming", "--all", "-o", "json")
    return {row["id"]: row for row in json.loads(done.out)} if done.code == 0 else {}


def test_a_dry_run_shows_the_proposals_and_records_nothing(cli: Runner, db: Path) -> None:
    done = cli(*LATER, "read", ROUNDUP, "-o", "json")
    assert done.code == 0, done.err
    document = json.loads(done.out)
    assert document["source"] == {
        "title": "Fall TV round-up: what returns when",
        "name": "Fall TV round-up: what returns when",
        "url": None,
        "as_of": "2023-10-02",
        "as_of_from": "dateline",
    }
    first = document["proposals"][0]
    assert list(first) == [
        "show",
        "show_id",
        "season",
        "release",
        "kind",
        "phrase",
        "window",
        "region",
        "after",
        "sentence",
        "offset",
        "confidence",
        "status",
    ]
    assert (first["release"], first["status"], first["window"]["edtf"]) == (
        "harbor-lights/s3",
        "proposed",
        "2025-01-01/..",
    )
    assert "--apply records" in done.err
    assert not db.exists()


def test_apply_records_tracked_shows_and_skips_the_others(cli: Runner) -> None:
    cli("add", "Harbor Lights")
    done = cli(*LATER, "read", ROUNDUP, "--apply", "-o", "jsonl")
    statuses = [json.loads(line)["status"] for line in done.out.splitlines()]
    assert statuses[0] == "recorded"
    assert set(statuses[1:]) == {"skipped: not tracked (--create-shows)"}
    assert list(_upcoming(cli)) == ["harbor-lights/s3"]


def test_create_shows_records_every_release_with_the_article_as_source(cli: Runner) -> None:
    cli(*LATER, "read", ROUNDUP, "--apply", "--create-shows", "-o", "json")
    rows = _upcoming(cli)
    assert sorted(rows) == [
        "copper-crown/s1",
        "harbor-lights/s3",
        "night-ferry/s1",
        "the-long-quiet/s2",
    ]
    assert rows["the-long-quiet/s2"]["region"] == "GB"
    history = json.loads(cli(*LATER, "history", "The Long Quiet", "2", "-o", "json").out)
    assert [(h["as_of"], h["source"]) for h in history] == [
        ("2023-10-02", "Fall TV round-up: what returns when")
    ]


def test_reading_the_same_article_twice_records_nothing_new(cli: Runner, db: Path) -> None:
    cli(*LATER, "read", ROUNDUP, "--apply", "--create-shows")
    before = db.read_bytes()
    done = cli(*LATER, "read", ROUNDUP, "--apply", "--create-shows", "-o", "jsonl")
    assert {json.loads(line)["status"] for line in done.out.splitlines()} == {"unchanged"}
    assert db.read_bytes() == before


def test_show_limits_the_reading_to_those_shows(cli: Runner) -> None:
    cli("add", "Night Ferry")
    done = cli(*LATER, "read", ROUNDUP, "--show", "night ferry", "-o", "jsonl")
    assert [json.loads(line)["show_id"] for line in done.out.splitlines()] == ["night-ferry"]


def test_show_may_name_a_show_the_article_names_that_is_not_tracked(cli: Runner) -> None:
    done = cli(*LATER, "read", ROUNDUP, "--show", "Copper Crown", "--apply", "--create-shows")
    assert done.code == 0, done.err
    assert list(_upcoming(cli)) == ["copper-crown/s1"]


def test_an_article_without_release_windows_exits_1(cli: Runner) -> None:
    done = cli(*LATER, "read", str(ARTICLES / "ratings.txt"), "--as-of", "2024-10-29", "-o", "json")
    assert (done.code, json.loads(done.out)["proposals"]) == (1, [])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--apply", "--dry-run"], 2, "contradict"),
        (["--as-of", "2031-01-01"], 2, "after today"),
        (["--as-of", "someday"], 2, "--as-of"),
        (["-o", "csv"], 2, "output format"),
    ],
)
def test_bad_options_are_refused_and_nothing_is_written(
    cli: Runner, db: Path, args: list[str], code: int, message: str
) -> None:
    cli("add", "Harbor Lights")
    before = db.read_bytes()
    done = cli(*LATER, "read", ROUNDUP, *args)
    assert done.code == code and message in done.err and "Traceback" not in done.err
    assert db.read_bytes() == before


def test_a_missing_file_is_exit_2(cli: Runner) -> None:
    done = cli("read", "/nonexistent/article.txt")
    assert done.code == 2 and "cannot read /nonexistent/article.txt" in done.err


def test_an_unreachable_page_is_exit_5_and_changes_nothing(
    cli: Runner, db: Path, tvmaze: Tvmaze
) -> None:
    cli("add", "Harbor Lights")
    before = db.read_bytes()
    # Busy on every try (Retry-After: 0, so that the test does not wait out back-off).
    tvmaze.answer("/story", Answer(503, b"busy", {"Retry-After": "0"}))
    done = cli("read", f"{tvmaze.url}/story", "--apply")
    assert done.code == 5 and "503" in done.err and "still busy after 4 tries" in done.err
    assert tvmaze.asked("/story") == 4
    assert db.read_bytes() == before


def _seed_text() -> str:
    files = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not files:
        pytest.skip("the seed article (../shared/seed/) is not beside the project")
    return files[0].read_text(encoding="utf-8")


def _expect_the_seed_recorded(cli: Runner, source: str) -> None:
    rows = _upcoming(cli)
    jones = rows["jessica-jones/s2"]
    assert jones["window"] == {
        "phrase": "spring 2018",
        "earliest": "2018-03-01",
        "latest": "2018-05-31",
        "edtf": "2018-21",
    }
    assert jones["after"] == [{"release": "the-defenders/s1", "lag": None}]
    assert rows["the-defenders/s1"]["window"]["edtf"] == "2017"
    history = json.loads(cli("history", "Jessica Jones", "2", "-o", "json").out)
    assert [(h["window"]["phrase"], h["source"]) for h in history] == [
        ("does not return before 2018", source),
        ("spring 2018", source),
    ]


def test_the_seed_article_is_recorded_as_spec_read_md_says(cli: Runner, tmp_path: Path) -> None:
    path = tmp_path / "jessica-jones.txt"
    path.write_text(_seed_text(), encoding="utf-8")
    done = cli("read", str(path), "--as-of", "2017-01-10", "--apply", "--create-shows")
    assert done.code == 0, done.err
    _expect_the_seed_recorded(cli, "'Jessica Jones' season 2 update")


def test_the_seed_article_as_a_web_page_reads_the_same(cli: Runner, tvmaze: Tvmaze) -> None:
    headline, _, body = _seed_text().partition("\n")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n") if p.strip())
    page = (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"{paragraphs}</article></body></html>"
    )
    tvmaze.answer("/jj", Answer(body=page.encode(), headers={"Content-Type": "text/html"}))
    url = f"{tvmaze.url}/jj"
    done = cli("read", url, "--as-of", "2017-01-10", "--apply", "--create-shows")
    assert done.code == 0, done.err
    assert f"fetched {url}" in done.err
    _expect_the_seed_recorded(cli, "'Jessica Jones' season 2 update")
    history = json.loads(cli("history", "Jessica Jones", "2", "-o", "json").out)
    assert {h["url"] for h in history} == {url}


def _at_a_terminal(
    db: Path,
    args: list[str],
    answers: str,
    meanwhile: Callable[[], None],
    interrupt: bool = False,
) -> tuple[int, str]:
    """Run showtrack with a pty as its terminal; once it asks, run `meanwhile`, then
    type `answers` (then press Ctrl-C, when `interrupt`: the pty is not the process's
    controlling terminal, so the signal is sent as the terminal would)."""
    terminal = Terminal(args, {**process_env(db), "COLUMNS": "100", "TERM": "dumb"})
    # Asked first: an answer or a Ctrl-C sent while it still starts would test nothing.
    terminal.wait_for(b"[a]ccept")
    meanwhile()
    for line in answers.splitlines(keepends=True):
        time.sleep(0.3)
        terminal.type(line.encode())
    if interrupt:
        time.sleep(0.3)
        terminal.type(b"^C")  # what the terminal echoes
        terminal.process.send_signal(signal.SIGINT)
    code = terminal.close(timeout=60)
    return code, terminal.screen.decode(errors="replace")


def test_at_a_terminal_each_proposal_is_asked_about_without_holding_the_lock(
    db: Path,
) -> None:
    def another_writer() -> None:
        # While the person reads the first proposal, another command writes at once.
        started = time.monotonic()
        done = run_process(db, "add", "Other Show")
        assert done.code == 0, done.err
        assert time.monotonic() - started < 5

    # Skip Harbor Lights, edit The Long Quiet to season 3 and accept it, then quit.
    code, screen = _at_a_terminal(db, ["read", ROUNDUP], "s\ne\n\n3\na\nq\n", another_writer)
    assert code == 0, screen
    assert "1/4" in screen and "3/4" in screen and "4/4" not in screen
    listed = run_process(db, "upcoming", "--all", "-o", "json")
    assert [row["id"] for row in json.loads(listed.out)] == ["the-long-quiet/s3"]
    shows = run_process(db, "list", "-o", "json")
    assert {row["id"] for row in json.loads(shows.out)} == {"other-show", "the-long-quiet"}


def test_quitting_at_the_first_proposal_records_nothing(db: Path) -> None:
    code, screen = _at_a_terminal(db, ["read", ROUNDUP], "q\n", lambda: None)
    assert code == 0 and "nothing accepted; nothing recorded" in screen
    assert not db.exists()


def test_ctrl_d_at_a_prompt_quits_keeping_what_was_accepted(db: Path) -> None:
    # Skip the first, accept the second, then end the input (Ctrl-D) at the third.
    code, screen = _at_a_terminal(db, ["read", ROUNDUP], "s\na\n\x04", lambda: None)
    assert code == 0, screen
    assert "3/4" in screen and "4/4" not in screen
    listed = run_process(db, "upcoming", "--all", "-o", "json")
    assert len(json.loads(listed.out)) == 1


def test_ctrl_c_at_a_prompt_is_exit_130_on_a_line_of_its_own(db: Path) -> None:
    code, screen = _at_a_terminal(db, ["read", ROUNDUP], "", lambda: None, interrupt=True)
    assert code == 130
    assert "\nshowtrack: interrupted" in screen.replace("\r\n", "\n")
    assert not db.exists()


def test_apply_records_the_window_the_reader_built_not_the_phrase_read_again(
    cli: Runner,
) -> None:
    """ "Copper Valley is skipping 2026 entirely" is a window from 2027, open: the phrase
    alone ("skipping 2026") would read as something else, or not at all."""
    bounds = str(ARTICLES / "bounds.txt")
    done = cli(
        "--today",
        "2025-06-01",
        "read",
        bounds,
        "--as-of",
        "2025-06-01",
        "--apply",
        "--create-shows",
    )
    assert done.code == 0, done.err
    listed = cli("--today", "2025-06-01", "upcoming", "--all", "-o", "json")
    rows = {row["id"]: row for row in json.loads(listed.out)}
    assert rows["copper-valley/s1"]["window"] == {
        "phrase": "skipping 2026",
        "earliest": "2027-01-01",
        "latest": None,
        "edtf": "2027-01-01/..",
    }
    again = cli("--today", "2025-06-01", "read", bounds, "--as-of", "2025-06-01", "--apply")
    assert again.code == 0, again.err
    assert cli("--today", "2025-06-01", "upcoming", "--all", "-o", "json").out == listed.out


def test_a_page_without_a_date_says_so_and_proposes_only_windows_that_need_none(
    cli: Runner,
) -> None:
    done = cli("--today", "2026-11-24", "read", str(ARTICLES / "undated.txt"), "-o", "json")
    assert done.code == 0, done.err
    assert "gives no date" in done.err and "--as-of" in done.err
    document = json.loads(done.out)
    assert document["source"]["as_of_from"] == "today"
    assert [(p["show"], p["window"]["edtf"]) for p in document["proposals"]] == [
        ("Field Notes", "2026-06")
    ]


def test_the_table_says_what_a_wait_waits_on(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    path = tmp_path / "jessica-jones.txt"
    path.write_text(_seed_text(), encoding="utf-8")
    done = cli("read", str(path), "--as-of", "2017-01-10", "-o", "table")
    assert done.code == 0, done.err
    waits = [line for line in done.out.splitlines() if "does not start until" in line]
    assert len(waits) == 1 and "waits on the-defenders/s1" in waits[0], done.out
    assert "TBA" not in done.out

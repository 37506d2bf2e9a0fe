"""The command line end to end on a temporary database with a fixed today."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from ..conftest import Result, Runner, Terminal, run_process
from ..windows.test_phrases import (
    FAMILIES,
    NEW_ROWS,
    OPEN_AND_RELATIVE,
    OPEN_VARIANTS,
    POINTS_AND_SPANS,
    VARIANTS,
)

SOURCE = "'Jessica Jones' season 2 update"


@pytest.fixture
def marvel(cli: Runner) -> Runner:
    """The seed article's shows, as a user would type them on 2017-07-01."""
    for args in (
        (
            "add",
            "Jessica Jones",
            "--network",
            "Netflix",
            "--tag",
            "marvel",
            "--alias",
            "Marvel's Jessica Jones",
            "--status",
            "renewed",
        ),
        ("add", "The Defenders", "--network", "Netflix", "--tag", "marvel"),
        ("add", "Luke Cage", "--network", "Netflix"),
        ("expect", "The Defenders", "1", "this year", "--source", SOURCE),
        (
            "expect",
            "Jessica Jones",
            "2",
            "TBA",
            "--stage",
            "renewed",
            "--as-of",
            "2016-01-17",
            "--source",
            "Netflix",
        ),
        ("expect", "Jessica Jones", "2", "does not return before 2018", "--source", SOURCE),
        (
            "expect",
            "jessica",
            "S2",
            "expected to return in spring 2018 in the US",
            "--region",
            "US",
            "--after",
            "the-defenders/s1",
            "--source",
            SOURCE,
        ),
        ("expect", "Luke Cage", "2", "TBA"),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    return cli


def _json(result: Result) -> Any:
    """The JSON a command that succeeded printed."""
    assert result.code == 0, result.err
    return json.loads(result.out)


# --- the story of the seed article ---------------------------------------------------------


def test_the_seed_story_from_renewal_to_release(marvel: Runner, db: Path) -> None:
    rows = _json(marvel("upcoming", "-o", "json"))
    assert isinstance(rows, list)
    assert [r["id"] for r in rows] == ["the-defenders/s1", "jessica-jones/s2", "luke-cage/s2"]
    jj = rows[1]
    assert jj["title"] == "Jessica Jones S2"
    assert jj["window"] == {
        "phrase": "expected to return in spring 2018 in the US",
        "earliest": "2018-03-01",
        "latest": "2018-05-31",
        "edtf": "2018-21",
    }
    assert jj["status"] == "upcoming"
    assert jj["days_until"] == 243 and jj["days_left"] == 334
    assert jj["countdown"] == "in 8–11 months"
    assert jj["after"] == [{"release": "the-defenders/s1", "lag": None}]
    assert jj["region"] == "US" and jj["platform"] == "Netflix" and jj["stage"] == "renewed"
    assert [s["name"] for s in jj["sources"]] == ["Netflix", SOURCE]
    assert rows[0]["status"] == "open" and rows[2]["status"] == "unknown"

    history = _json(marvel("history", "Jessica Jones", "2", "-o", "json"))
    assert isinstance(history, list)
    assert [h["window"]["phrase"] for h in history] == [
        "TBA",
        "does not return before 2018",
        "expected to return in spring 2018 in the US",
    ]
    assert [h["as_of"] for h in history] == ["2016-01-17", "2017-07-01", "2017-07-01"]

    # The Defenders comes out; it now bounds Jessica Jones from its release date.
    assert marvel("--today", "2017-08-18", "released", "The Defenders", "1").code == 0
    # The date is announced in January; it slips past the spring window later.
    assert (
        marvel(
            "--today",
            "2018-01-17",
            "expect",
            "Jessica Jones",
            "2",
            "March 8, 2018",
            "--source",
            "Netflix",
        ).code
        == 0
    )
    on_the_day = _json(marvel("--today", "2018-03-05", "upcoming", "-o", "json"))
    assert isinstance(on_the_day, list)
    assert on_the_day[0]["countdown"] == "in 3 days"
    assert marvel("--today", "2018-03-08", "released", "Jessica Jones", "2").code == 0
    table = marvel("--today", "2018-03-09", "history", "Jessica Jones", "2", "-o", "table")
    assert "released" in table.out
    info = _json(marvel("--today", "2018-03-09", "info", "Jessica Jones", "-o", "json"))
    assert isinstance(info, dict) and info["releases"] == ["jessica-jones/s2"]
    assert info["release_details"][0]["status"] == "released"


def test_today_shows_what_was_expected_back_then(marvel: Runner) -> None:
    marvel("--today", "2018-01-17", "expect", "Jessica Jones", "2", "2018-03-08")
    earlier = _json(marvel("--today", "2017-07-01", "upcoming", "-o", "json"))
    assert isinstance(earlier, list)
    jj = next(r for r in earlier if r["id"] == "jessica-jones/s2")
    assert jj["window"]["edtf"] == "2018-21"
    before_anything = marvel("--today", "2015-01-01", "upcoming", "-o", "json")
    assert (before_anything.code, before_anything.out) == (1, "[]\n")  # nothing known yet


def test_history_counts_slips(marvel: Runner) -> None:
    marvel("expect", "Jessica Jones", "2", "summer 2018")
    marvel("expect", "Jessica Jones", "2", "2019")
    table = marvel("history", "Jessica Jones", "2", "-o", "table")
    assert "slipped 2 times" in table.out


def test_repeating_what_is_known_adds_no_history(marvel: Runner) -> None:
    before = _json(marvel("history", "jessica-jones/s2", "-o", "json"))
    again = marvel("expect", "Jessica Jones", "2", "expected to return in spring 2018 in the US")
    assert again.code == 0 and "unchanged" in again.out
    after = _json(marvel("history", "jessica-jones/s2", "-o", "json"))
    assert before == after


def test_names_by_id_alias_part_and_accents(cli: Runner) -> None:
    assert cli("add", "Pokémon Horizons", "--alias", "PH").code == 0
    assert cli("expect", "pokemon", "1", "2018").code == 0
    assert cli("expect", "PH", "S1", "2019").code == 0
    no_window = cli("expect", "pokemon-horizons/s1", "--", "2020")
    assert no_window.code == 2 and "Missing argument 'WINDOW'" in no_window.err
    result = cli("history", "pokemon-horizons/s1", "-o", "json")
    assert [h["window"]["phrase"] for h in json.loads(result.out)] == ["2018", "2019"]


def test_constraint_conflict_is_shown_not_fixed(marvel: Runner) -> None:
    marvel("expect", "The Defenders", "1", "2018-06-01")
    rows = _json(marvel("upcoming", "-o", "json"))
    assert isinstance(rows, list)
    jj = next(r for r in rows if r["id"] == "jessica-jones/s2")
    assert jj["conflict"] is True
    assert jj["effective_earliest"] == "2018-06-02"
    assert jj["window"]["earliest"] == "2018-03-01"
    assert "conflict" in marvel("upcoming", "-o", "table").out


def test_a_constraint_cycle_is_refused(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "The Defenders", "1", "this year", "--after", "jessica-jones/s2")
    assert result.code == 2
    assert "wait on each other" in result.err
    assert db.read_bytes() == before


def test_air_time_with_at_and_tz(cli: Runner) -> None:
    cli("add", "Luke Cage")
    assert (
        cli(
            "expect", "Luke Cage", "2", "2018-06-22", "--at", "00:01", "--tz", "America/Los_Angeles"
        ).code
        == 0
    )
    row = json.loads(cli("upcoming", "-o", "json").out)[0]
    assert row["air_time"] == "2018-06-22T00:01:00-07:00"
    # An exact instant counts down in hours, from the clock (asked for only for such rows).
    assert re.fullmatch(r"in \d+ days \d+ h", row["countdown"]), row["countdown"]


# --- exit codes and messages ---------------------------------------------------------------


def test_unknown_show_is_3_with_did_you_mean(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Jesica Jnes", "2", "2018")
    assert result.code == 3
    assert "did you mean 'jessica jones'" in result.err
    assert db.read_bytes() == before


def test_ambiguous_name_lists_candidates(cli: Runner) -> None:
    cli("add", "Star Trek: Discovery")
    cli("add", "Star Trek: Picard")
    result = cli("info", "star trek")
    assert result.code == 3
    assert "Star Trek: Discovery" in result.err and "Star Trek: Picard" in result.err


def test_unreadable_phrase_is_3_and_leaves_the_database(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Jessica Jones", "2", "sprung 2018")
    assert result.code == 3
    assert result.err.startswith("showtrack: ")
    assert "did you mean 'spring 2018'" in result.err
    assert len(result.err.strip().splitlines()) <= 2
    assert db.read_bytes() == before


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


def test_expect_unknown_show_without_create_show(cli: Runner) -> None:
    assert cli("expect", "Severance", "2", "2022").code == 3
    assert cli("expect", "Severance", "2", "2022", "--create-show").code == 0
    assert cli("list", "-o", "json").out.count('"severance"') == 1


def test_upcoming_exits_1_when_nothing_is_listed(cli: Runner) -> None:
    result = cli("upcoming", "-o", "json")
    assert result.code == 1 and json.loads(result.out) == []
    table = cli("upcoming", "-o", "table")
    assert (table.code, table.out) == (1, "")
    assert table.err.endswith(
        "\nnothing upcoming: no release is recorded yet; `showtrack expect SHOW SEASON WINDOW`\n"
    )
    cli("add", "Andor")
    cli("expect", "Andor", "1", "2016-06-01")
    assert cli("--today", "2017-07-01", "released", "Andor", "1", "2016-06-01").code == 0
    table = cli("upcoming", "-o", "table")
    assert (table.code, table.out) == (1, "")
    assert table.err == "nothing upcoming matches; --all lists released ones too\n"


def test_an_empty_list_says_how_to_start_instead_of_an_empty_table(cli: Runner) -> None:
    cli("add", "Andor")
    cli("remove", "Andor", "--yes")
    table = cli("list", "-o", "table")
    assert (table.code, table.out) == (1, "")
    assert table.err == "no show is tracked yet; `showtrack add TITLE` starts tracking one\n"
    assert cli("list", "-o", "json").out.strip() == "[]"


def test_remove_asks_or_refuses(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("remove", "Luke Cage")  # stdin is not a terminal here
    assert result.code == 2 and "--yes" in result.err
    assert db.read_bytes() == before
    shows_before = {row["id"] for row in _json(marvel("list", "-o", "json"))}
    assert marvel("remove", "Luke Cage", "--yes").code == 0
    shows_after = {row["id"] for row in _json(marvel("list", "-o", "json"))}
    assert shows_before - shows_after == {"luke-cage"}
    releases_before = {row["id"] for row in _json(marvel("upcoming", "--all", "-o", "json"))}
    assert marvel("remove", "Jessica Jones", "2", "--yes").code == 0
    releases_after = {row["id"] for row in _json(marvel("upcoming", "--all", "-o", "json"))}
    assert releases_before - releases_after == {"jessica-jones/s2"}


def test_rename_keeps_id_and_old_title_as_alias(marvel: Runner) -> None:
    assert marvel("rename", "Jessica Jones", "Marvel's Jessica Jones Returns").code == 0
    shows = json.loads(marvel("list", "-o", "json").out)
    jj = next(s for s in shows if s["id"] == "jessica-jones")
    assert jj["title"] == "Marvel's Jessica Jones Returns"
    assert "Jessica Jones" in jj["aliases"]
    assert marvel("info", "Jessica Jones", "-o", "json").code == 0


def test_edit_changes_tags_and_status(marvel: Runner) -> None:
    assert marvel("edit", "Luke Cage", "--tag", "marvel", "--status", "renewed").code == 0
    shows = {s["id"]: s for s in json.loads(marvel("list", "-o", "json").out)}
    assert shows["luke-cage"]["tags"] == ["marvel"] and shows["luke-cage"]["status"] == "renewed"
    assert marvel("edit", "Luke Cage", "--status", "sleeping").code == 2


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


# --- text from the database is text ----------------------------------------------------------

EVIL = "[bold red]Evil[/] :smile: \x1b[31mred\x1b[0m \u202eevil\u202c\x07"


def test_markup_and_escapes_in_titles_notes_sources_are_shown_as_text(cli: Runner) -> None:
    assert cli("add", EVIL, "--note", EVIL).code == 0
    assert cli("expect", EVIL, "1", "2018", "--source", EVIL, "--note", EVIL).code == 0
    outputs = [
        cli("upcoming", "-o", "table").out,
        cli("list", "-o", "table").out,
        cli("info", "Evil", "-o", "table").out,
        cli("countdown").out,
        cli("history", "Evil", "1", "-o", "table").out,
        cli("timeline").out,
        cli("upcoming", "-o", "tsv").out,
        cli("check", "--within", "1y").out,
        cli("calendar", "2018-01").out,
    ]
    for out in outputs:
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    table = outputs[0]
    assert "[bold red]Evil[/]" in table and ":smile:" in table and "\\x1b" in table


def test_no_color_option_and_env(marvel: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in marvel("upcoming", "-o", "table").out
    assert "\x1b[" not in marvel("--no-color", "upcoming", "-o", "table").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in marvel("upcoming", "-o", "table").out


# --- output formats ----------------------------------------------------------------------------

KEYS = {
    "id",
    "show",
    "show_id",
    "season",
    "title",
    "window",
    "effective_earliest",
    "status",
    "days_until",
    "days_left",
    "countdown",
    "network",
    "platform",
    "region",
    "stage",
    "after",
    "release_date",
    "air_time",
    "sources",
}


def test_every_output_format_parses_back(marvel: Runner) -> None:
    rows = json.loads(marvel("upcoming", "-o", "json").out)
    assert set(rows[0]) >= KEYS
    lines = marvel("upcoming", "-o", "jsonl").out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]
    parsed = list(csv.DictReader(io.StringIO(marvel("upcoming", "-o", "csv").out)))
    assert [r["id"] for r in parsed] == [r["id"] for r in rows]
    assert parsed[1]["window_edtf"] == "2018-21"
    tsv = marvel("upcoming", "-o", "tsv").out.splitlines()
    header = tsv[0].split("\t")
    assert all(len(line.split("\t")) == len(header) for line in tsv)
    assert dict(zip(header, tsv[2].split("\t"), strict=False))["title"] == "Jessica Jones S2"


def test_piped_output_defaults_to_tsv(marvel: Runner) -> None:
    out = marvel("upcoming").out
    assert out.splitlines()[0].startswith("id\tshow\tshow_id")


def test_table_shows_a_page_and_says_how_many_more(cli: Runner) -> None:
    cli("add", "Many")
    for n in range(1, 26):
        cli("expect", "Many", str(n), f"{2018 + n}")
    table = cli("upcoming", "-o", "table").out
    assert "… 5 more; --limit 0 shows all" in table
    assert "Many S25" not in table
    assert "Many S25" in cli("upcoming", "-o", "table", "--limit", "0").out
    assert len(json.loads(cli("upcoming", "-o", "json").out)) == 25
    assert len(json.loads(cli("upcoming", "-o", "json", "--limit", "3").out)) == 3


def test_tsv_escapes_tabs_and_newlines(cli: Runner) -> None:
    cli("add", "Tab\tand\nnewline")
    cli("expect", "Tab", "1", "2018")
    lines = cli("upcoming", "-o", "tsv").out.splitlines()
    assert len(lines) == 2
    assert "Tab\\tand\\nnewline" in lines[1]


def test_upcoming_filters(marvel: Runner) -> None:
    def ids(*args: str) -> list[str]:
        return [r["id"] for r in json.loads(marvel("upcoming", "-o", "json", *args).out or "[]")]

    assert ids("--within", "3mo") == ["the-defenders/s1"]
    assert ids("--until", "2018-03-01") == ["the-defenders/s1", "jessica-jones/s2"]
    assert ids("--tag", "marvel") == ["the-defenders/s1", "jessica-jones/s2"]
    assert ids("--status", "unknown") == ["luke-cage/s2"]
    assert ids("--status", "renewed") == ["jessica-jones/s2"]  # a show status
    assert ids("--network", "hbo") == []
    assert ids("--network", "NETFLIX") == ids() != []  # case-blind
    # A release on another platform than its show's network is found by either.
    assert marvel("expect", "Luke Cage", "2", "2018", "--platform", "Hulu").code == 0
    assert "luke-cage/s2" in ids("--network", "hulu")
    assert "luke-cage/s2" in ids("--network", "netflix")


def test_overdue_is_shown_by_all_and_flagged(marvel: Runner) -> None:
    rows = json.loads(marvel("--today", "2019-01-01", "upcoming", "--all", "-o", "json").out)
    overdue = {r["id"] for r in rows if r["status"] == "overdue"}
    assert overdue == {"the-defenders/s1", "jessica-jones/s2"}
    # Overdue is news (spec/cli.md): listed without --all too, first.
    plain = json.loads(marvel("--today", "2019-01-01", "upcoming", "-o", "json").out)
    assert {r["id"] for r in plain[:2]} == overdue and len(plain) == 3
    table = marvel("--today", "2019-01-01", "upcoming", "--all", "-o", "table").out
    assert "overdue by" in table


# --- window ------------------------------------------------------------------------------------


def test_window_json_has_the_spec_keys(cli: Runner) -> None:
    result = cli("window", "does not return before 2018", "-o", "json")
    assert json.loads(result.out) == {
        "phrase": "does not return before 2018",
        "as_of": "2017-07-01",
        "region": None,
        "earliest": "2018-01-01",
        "latest": None,
        "edtf": "2018-01-01/..",
        "status": "upcoming",
        "countdown": "in 6+ months",
    }
    timed = json.loads(cli("window", "June 16, 2018 9pm ET", "-o", "json").out)
    assert timed["air_time"] == "2018-06-16T21:00:00-04:00"


def test_window_region_and_as_of(cli: Runner) -> None:
    out = json.loads(
        cli("window", "this summer", "--region", "AU", "--as-of", "2017-01-10", "-o", "json").out
    )
    assert (out["earliest"], out["latest"], out["region"]) == ("2016-12-01", "2017-02-28", "AU")


def test_window_unreadable_is_3(cli: Runner) -> None:
    result = cli("window", "whenever")
    assert result.code == 3 and "spring 2018" in result.err


# --- views for people ----------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 200])
def test_timeline_fits_the_terminal(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = marvel("timeline", "--months", "12").out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert any("┃ today 2017-07-01" in line for line in lines)
    jj = next(line for line in lines if line.startswith("Jessica Jones S2"))
    assert "█" in jj
    defenders = next(line for line in lines if line.startswith("The Defenders S1"))
    assert defenders.split("  ", 1)[1].lstrip().startswith("◀")  # began before today
    assert "TBA" in next(line for line in lines if line.startswith("Luke Cage S2"))


def test_upcoming_table_fits_the_terminal(marvel: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lines = marvel("upcoming", "-o", "table").out.splitlines()
    assert all(len(line.rstrip()) <= 100 for line in lines)
    assert lines[0].split()[:2] == ["When", "Release"]
    text = " ".join(lines)
    for title in ("The Defenders", "Jessica Jones", "Luke Cage"):
        assert title in text


@pytest.mark.parametrize("columns", [30, 40])
def test_a_terminal_too_narrow_for_the_columns_gets_each_row_as_a_block(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    marvel("add", "The Marvelous Mrs. Maisel: A Very Long Subtitle For Testing")
    monkeypatch.setenv("COLUMNS", str(columns))
    upcoming = marvel("upcoming", "--all", "-o", "table")
    assert upcoming.code == 0, upcoming.err
    out = upcoming.out
    assert "…" not in out  # nothing cut: not "Countd…", not "releas…"
    assert all(len(line) <= columns and line == line.rstrip() for line in out.splitlines())
    blocks = out.rstrip("\n").split("\n\n")
    assert len(blocks) == 3  # one a release, a blank line between
    jones = next(b for b in blocks if "Jessica Jones S2" in b).splitlines()
    assert [line.split()[0] for line in jones if not line.startswith(" ")] == [
        "When",
        "Release",
        "Countdown",
        "Status",
    ]
    assert "Status     upcoming" in jones
    listed = marvel("list", "-o", "table").out
    assert "…" not in listed
    # A long id folds under itself, whole, rather than cut short.
    maisel = next(b for b in listed.split("\n\n") if "Marvelous" in b).splitlines()
    at = next(i for i, line in enumerate(maisel) if line.startswith("Id "))
    pieces = [maisel[at].split()[1]]
    pieces += [line.strip() for line in maisel[at + 1 :] if line.startswith(" ")]
    assert "".join(pieces) == "the-marvelous-mrs-maisel-a-very-long-subtitle-for-testing"


@pytest.mark.parametrize("columns", [50, 80])
def test_at_50_and_80_columns_no_status_header_or_day_is_cut(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    marvel("add", "The Marvelous Mrs. Maisel")
    marvel("expect", "The Marvelous Mrs. Maisel", "2", "late 2017 or early 2018")
    marvel("--today", "2017-08-01", "released", "The Defenders", "1", "2017-07-20")
    monkeypatch.setenv("COLUMNS", str(columns))
    out = marvel("--today", "2017-08-01", "upcoming", "--all", "-o", "table").out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert "…" not in out
    assert lines[0].split() == ["When", "Release", "Countdown", "Status", *lines[0].split()[4:]]
    words = set(out.split())
    assert {"released", "upcoming", "2017-07-20", "Sep", "2017–Apr", "Mar–May"} <= words


@pytest.mark.parametrize("columns", [50, 60, 80])
def test_history_never_cuts_a_day_or_a_stage(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = marvel("history", "Jessica Jones", "2", "-o", "table")
    assert shown.code == 0, shown.err
    assert "…" not in shown.out  # the Source column folds instead
    assert "2018-01-01 →" in shown.out and "Mar–May 2018" in shown.out
    assert all(len(line) <= columns for line in shown.out.splitlines())


def test_countdown_panels(marvel: Runner) -> None:
    out = marvel("countdown", "Jessica Jones", "2").out
    assert "in 8–11 months" in out and "spring 2018" in out
    # The bar fills the panel (60 columns less its borders and padding): waited since the
    # first report (─), today (│), still to wait (░), the window itself (█), in order.
    (bar,) = [m[1] for line in out.splitlines() if (m := re.match(r"│ ([─░█│]{56}) │$", line))]
    assert bar.count("│") == 1
    assert re.fullmatch(r"─+│░+█+░*", bar), bar


def test_live_countdown_at_a_terminal_ends_with_ctrl_c_and_status_130(
    db: Path, marvel: Runner
) -> None:
    """Ctrl-C ends it as it ends every command: status 130 (spec/cli.md)."""
    env = {**os.environ, "SHOWTRACK_DB": str(db), "COLUMNS": "80", "TERM": "xterm"}
    live = Terminal(["countdown", "--live"], env)
    live.wait_for(b"Jessica Jones S2")
    time.sleep(1.5)  # still ticking
    assert live.process.poll() is None
    live.process.send_signal(signal.SIGINT)
    code = live.close(timeout=20)
    assert code == 130, live.screen
    assert b"Traceback" not in live.screen


def test_live_countdown_without_a_terminal_prints_once(db: Path, marvel: Runner) -> None:
    started = time.monotonic()
    done = run_process(db, "countdown", "--live")
    assert done.code == 0, done.err
    assert time.monotonic() - started < 20
    assert "Jessica Jones S2" in done.out
    # A window is a range, not a clock ticking to its first day.
    assert "in 8–11 months" in done.out


def test_calendar_shows_exact_days_and_windows(marvel: Runner) -> None:
    marvel("expect", "Luke Cage", "2", "2018-03-14")
    out = marvel("calendar", "2018-03").out
    assert "March 2018" in out and "Luke Ca… S2" in out  # cut to its day, season kept
    assert "░ Jessica Jones S2" in out


# --- moving data ---------------------------------------------------------------------------------


def test_export_import_round_trip(
    marvel: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = marvel("export").out
    fresh = tmp_path / "fresh.json"
    assert marvel("--db", str(fresh), "import", "-", stdin=exported).code == 0
    assert marvel("--db", str(fresh), "export").out == exported


def test_import_into_a_database_that_has_the_releases_updates_them_in_place(
    marvel: Runner, db: Path
) -> None:
    export = json.loads(marvel("export").out)
    order = [doc["id"] for doc in json.loads(db.read_text())["releases"].values()]
    known = _json(marvel("history", "jessica-jones/s2", "-o", "json"))
    jj = next(r for r in export["releases"] if r["id"] == "jessica-jones/s2")
    window = {"phrase": "March 2018", "earliest": "2018-03-01", "latest": "2018-03-31"}
    news = {
        "recorded_at": "2099-01-01T00:00:00+00:00",
        "as_of": "2017-06-30",
        "window": window,
        "stage": "dated",
        "source": "a newer export",
        "url": None,
        "note": None,
    }
    jj["history"] = [*jj["history"][:1], news]  # an older entry kept, one new
    jj["window"] = {**window, "edtf": "2018-03"}
    show = next(s for s in export["shows"] if s["id"] == "luke-cage")
    show["network"] = "Hulu"
    result = marvel("import", "-", stdin=json.dumps(export))
    assert result.code == 0, result.err
    assert "0 new shows, 0 new releases" in result.err
    # The stored history is kept and the new entry merged in (the file's copy of an
    # entry counts once), in its place by as_of, then by when it was recorded (spec/cli.md).
    history = _json(marvel("history", "jessica-jones/s2", "-o", "json"))
    assert len(known) >= 2
    assert [h for h in history if h["source"] != "a newer export"] == known
    assert [h["source"] for h in history].count("a newer export") == 1
    reported = [(h["as_of"] or h["recorded_at"][:10], h["recorded_at"]) for h in history]
    assert reported == sorted(reported)
    row = next(r for r in _json(marvel("upcoming", "-o", "json")) if r["id"] == "jessica-jones/s2")
    assert row["window"]["edtf"] == "2018-03"
    assert _json(marvel("info", "Luke Cage", "-o", "json"))["network"] == "Hulu"
    # Updated where they stood: the file keeps its order, a diff shows changed lines.
    assert [doc["id"] for doc in json.loads(db.read_text())["releases"].values()] == order


def test_import_is_all_or_nothing(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    records = [
        {"show": "Daredevil", "season": 3, "window": {"phrase": "2018"}},
        {"show": "Iron Fist", "season": 2, "window": {"phrase": "sprung 2018"}},
    ]
    result = marvel("import", "-", stdin=json.dumps(records))
    assert result.code == 2
    assert "record 2" in result.err and "nothing changed" in result.err
    assert db.read_bytes() == before
    bad_type = [{"show": "Daredevil", "season": "three", "window": {"phrase": "2018"}}]
    assert marvel("import", "-", stdin=json.dumps(bad_type)).code == 2
    assert marvel("import", "-", stdin="{not json").code == 2
    assert db.read_bytes() == before


def test_text_that_utf8_cannot_store_is_refused_and_changes_nothing(
    marvel: Runner, db: Path
) -> None:
    before = db.read_bytes()
    # Bytes that are not UTF-8 on a command line reach Python as lone surrogates.
    not_utf8 = b"Bad \xed\xa0\x80 title".decode("utf-8", "surrogateescape")
    result = marvel("add", not_utf8)
    assert result.code == 2
    assert "is not valid text" in result.err and "nothing was changed" in result.err
    # So does a "\ud800" escape in an imported file (json.dumps writes it so).
    shows = {"showtrack_export": 1, "shows": [{"id": "x", "title": "a\ud800b"}], "releases": []}
    result = marvel("import", "-", stdin=json.dumps(shows))
    assert result.code == 2 and "\\ud800" in result.err
    assert db.read_bytes() == before


def test_import_release_array_creates_shows(cli: Runner) -> None:
    records = [
        {"show": "Daredevil", "season": 3, "window": {"phrase": "2018"}, "platform": "Netflix"},
        {"id": "iron-fist/s2", "window": {"earliest": "2018-09-07", "latest": "2018-09-07"}},
    ]
    dry = cli("import", "--dry-run", "-", stdin=json.dumps(records))
    assert dry.code == 0 and "would import: 2 new shows, 2 new releases" in dry.err
    assert cli("list", "-o", "json").code == 1
    assert cli("import", "-", stdin=json.dumps(records)).code == 0
    rows = json.loads(cli("upcoming", "-o", "json").out)
    assert [r["id"] for r in rows] == ["daredevil/s3", "iron-fist/s2"]


def test_bundled_sample_data_imports(cli: Runner) -> None:
    sample = Path(__file__).resolve().parents[2] / "data" / "marvel-netflix.json"
    assert cli("import", str(sample)).code == 0
    rows = json.loads(cli("upcoming", "--all", "-o", "json").out)
    jj = next(r for r in rows if r["id"] == "jessica-jones/s2")
    assert jj["window"]["edtf"] == "2018-21" and jj["status"] == "upcoming"
    released = json.loads(cli("--today", "2018-12-31", "upcoming", "--all", "-o", "json").out)
    dates = {r["id"]: r["release_date"] for r in released}
    assert dates["the-defenders/s1"] == "2017-08-18"
    assert dates["jessica-jones/s2"] == "2018-03-08"
    assert dates["luke-cage/s2"] == "2018-06-22"


def test_process_entry_point_and_python_m(db: Path) -> None:
    import shutil
    import subprocess

    from showtrack import __version__

    result = run_process(db, "--version")  # python -m showtrack
    assert (result.code, result.out) == (0, f"showtrack {__version__}\n")
    script = shutil.which("showtrack", path=str(Path(sys.executable).parent))
    assert script is not None, "the installed entry point is missing"
    done = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"showtrack {__version__}\n")


def test_history_honours_today(marvel: Runner) -> None:
    marvel("--today", "2018-01-17", "expect", "Jessica Jones", "2", "2018-03-08")
    then = json.loads(marvel("history", "Jessica Jones", "2", "-o", "json").out)
    later = json.loads(
        marvel("--today", "2018-01-17", "history", "jessica-jones/s2", "-o", "json").out
    )
    assert len(later) == len(then) + 1


def test_tsv_keeps_columns_for_shell_read(marvel: Runner, tmp_path: Path) -> None:
    tsv = tmp_path / "out.tsv"
    tsv.write_text(marvel("upcoming", "-o", "tsv").out)
    script = (
        f"tail -n +2 {tsv} | while IFS=$'\\t' read -r id show show_id season title "
        'phrase earliest latest edtf effective status _; do echo "$id $status"; done'
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "the-defenders/s1 open",
        "jessica-jones/s2 upcoming",
        "luke-cage/s2 unknown",
    ]


def test_csv_export_imports_into_an_empty_database(marvel: Runner, tmp_path: Path) -> None:
    exported = marvel("export", "--format", "csv").out
    fresh = tmp_path / "fresh.json"
    result = marvel("--db", str(fresh), "import", "-", stdin=exported)
    assert result.code == 0, result.err
    before = {r["id"]: r for r in _json(marvel("upcoming", "--all", "-o", "json"))}
    after = {
        r["id"]: r for r in _json(marvel("--db", str(fresh), "upcoming", "--all", "-o", "json"))
    }
    assert set(after) == set(before)
    for rid, row in before.items():
        assert after[rid]["window"] == row["window"], rid
        assert after[rid]["show"] == row["show"]
        assert [s["name"] for s in after[rid]["sources"]] == [s["name"] for s in row["sources"]]
    assert after["jessica-jones/s2"]["after"] == [{"release": "the-defenders/s1", "lag": None}]


def test_a_bad_csv_row_is_named_and_changes_nothing(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    csv_text = "show,season,window_phrase\nDaredevil,3,2018\nIron Fist,2,sprung 2018\n"
    result = marvel("import", "-", stdin=csv_text)
    assert result.code == 2
    assert "record 2" in result.err and "nothing changed" in result.err
    assert db.read_bytes() == before


def test_a_large_import_shows_progress_on_a_terminal_only(db: Path, tmp_path: Path) -> None:
    import pty

    records = [
        {"show": f"Show {n}", "season": 1, "window": {"earliest": "2030-01-01", "latest": None}}
        for n in range(1500)
    ]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(records))
    piped = run_process(db, "--db", str(tmp_path / "piped.json"), "import", str(source))
    assert piped.code == 0
    assert piped.err == "imported: 1500 new shows, 1500 new releases, 0 updated releases\n"

    leader, follower = pty.openpty()
    env = {**os.environ, "SHOWTRACK_DB": str(tmp_path / "tty.json"), "COLUMNS": "80"}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "showtrack", "import", str(source)],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(follower)
    seen = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(leader, 65536):
            seen += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"importing" in seen and b"/1500" in seen


SPEC_ROWS: list[tuple[str, str | None, str | None]] = [
    *POINTS_AND_SPANS,
    *VARIANTS,
    *OPEN_AND_RELATIVE,
    *OPEN_VARIANTS,
    *NEW_ROWS,
]


@pytest.mark.parametrize(
    ("phrase", "earliest", "latest"),
    [*(row for row in SPEC_ROWS if row[1] is not None), *FAMILIES],  # errors: see below
)
def test_every_window_form_works_through_the_window_command(
    cli: Runner, phrase: str, earliest: str, latest: str
) -> None:
    result = cli("window", phrase, "--as-of", "2017-07-01", "-o", "json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert (shown["earliest"] or "open", shown["latest"] or "open") == (earliest, latest)


@pytest.mark.parametrize("phrase", ["Q5 2018", "week 60", "", "the 13th month of 2018"])
def test_a_window_that_cannot_be_placed_is_exit_3_on_one_line(cli: Runner, phrase: str) -> None:
    result = cli("window", phrase)
    assert result.code == 3
    assert result.err.startswith("showtrack: ") and "Traceback" not in result.err


def test_expect_refuses_an_empty_phrase_and_changes_nothing(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Jessica Jones", "2", "")
    assert result.code == 3 and "empty phrase" in result.err
    assert db.read_bytes() == before


# --- issue 15: values that must not be accepted, counts that must be true ---------------------


def test_rename_refuses_a_title_another_show_has(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("rename", "Luke Cage", "jessica jones")
    assert result.code == 2 and "already answers to 'jessica jones'" in result.err
    assert db.read_bytes() == before


def test_an_alias_another_show_answers_to_is_refused(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("edit", "Jessica Jones", "--alias", "the defenders")
    assert result.code == 2
    assert "'The Defenders' (the-defenders) already answers to 'the defenders'" in result.err
    assert db.read_bytes() == before
    assert marvel("info", "The Defenders").code == 0


@pytest.mark.parametrize("option", ["--tag", "--alias"])
def test_an_empty_tag_or_alias_is_refused(marvel: Runner, db: Path, option: str) -> None:
    before = db.read_bytes()
    result = marvel("edit", "Jessica Jones", option, "  ")
    assert result.code == 2 and f"an empty {option[2:]} is not" in result.err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "https://example.org/a\r\nBEGIN:VEVENT", "example.org/news", ""]
)
def test_a_source_url_must_be_a_web_address(marvel: Runner, db: Path, url: str) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Luke Cage", "2", "2018", "--source", "X", "--url", url)
    assert result.code == 2 and "not a web address" in result.err
    assert db.read_bytes() == before


def test_an_imported_source_url_must_be_a_web_address(cli: Runner, db: Path) -> None:
    record = {
        "show": "A",
        "season": 1,
        "window": {"phrase": "2018"},
        "sources": [{"name": "x", "url": "javascript:alert(1)"}],
    }
    result = cli("import", "-", stdin=json.dumps([record]))
    assert result.code == 2 and "not an http(s) address" in result.err


def test_a_calendar_leaves_out_a_stored_url_that_is_not_a_web_address(
    marvel: Runner, db: Path
) -> None:
    marvel(
        "expect", "Luke Cage", "2", "2018-03-14", "--source", "X", "--url", "https://ok.example/a"
    )
    db.write_text(db.read_text().replace("https://ok.example/a", "https://ok.example/a\\r\\nX:1"))
    result = marvel("export", "--format", "ics")
    assert result.code == 0
    assert "\r\nX:1" not in result.out  # no line of its own in the calendar
    assert not any(line.startswith("URL:") for line in result.out.splitlines())


def test_reimporting_an_identical_export_changes_nothing(
    marvel: Runner, db: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(marvel("export").out)
    before = db.stat()
    result = marvel("import", str(exported))
    assert "0 new shows, 0 new releases, 0 updated releases" in result.err
    after = db.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_edit_with_nothing_to_change_says_unchanged(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    assert marvel("edit", "Luke Cage", "--network", "Netflix").out.startswith("unchanged:")
    assert db.read_bytes() == before
    assert marvel("edit", "Luke Cage", "--tag", "new").out.startswith("updated")


def test_removing_what_others_wait_on_names_them_and_needs_yes(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    refused = marvel("remove", "The Defenders", "1")
    assert refused.code == 2 and "jessica-jones/s2 wait on The Defenders S1" in refused.err
    assert db.read_bytes() == before
    done = marvel("remove", "The Defenders", "--yes")
    assert done.code == 0 and "no longer waiting on it: jessica-jones/s2" in done.out
    assert marvel("db", "check").code == 0  # no link points nowhere
    info = json.loads(marvel("info", "Jessica Jones", "-o", "json").out)
    assert all(r["after"] == [] for r in info["release_details"])


def test_a_report_entered_late_with_an_older_as_of_does_not_replace_newer_news(
    cli: Runner,
) -> None:
    cli("add", "X")
    cli("expect", "X", "2", "late 2018 or early 2019", "--as-of", "2017-06-01")
    late = cli("expect", "X", "2", "2018", "--as-of", "2017-01-01")
    assert late.code == 0 and late.out.startswith("recorded an older report; still current")
    (row,) = json.loads(cli("upcoming", "-o", "json").out)
    assert row["window"]["phrase"] == "late 2018 or early 2019"
    history = json.loads(cli("history", "X", "2", "-o", "json").out)
    assert [h["as_of"] for h in history] == ["2017-01-01", "2017-06-01"]


def test_a_constraint_past_the_window_is_warned_of_and_shown_as_a_conflict(
    marvel: Runner,
) -> None:
    made = marvel("expect", "Luke Cage", "2", "2017-10-01", "--after", "jessica-jones/s2")
    assert made.code == 0
    assert (
        "warning: Luke Cage S2 cannot come before 2018-03-02; its window ends 2017-10-01"
        in made.err
    )
    (row,) = [
        r for r in json.loads(marvel("upcoming", "-o", "json").out) if r["id"] == "luke-cage/s2"
    ]
    assert row["conflict"] is True
    assert row["countdown"] == "conflict: waits until 2018-03-02, window ends 2017-10-01"
    table = marvel("upcoming", "-o", "table").out
    line = next(line for line in table.splitlines() if "Luke Cage S2" in line)
    assert line.startswith("2017-10-01 ") and "conflict" in line and "–" not in line.split()[0][5:]


def test_reading_a_database_that_does_not_exist_says_where_it_looked(cli: Runner, db: Path) -> None:
    for argv in (["upcoming"], ["check"], ["list", "-o", "json"]):
        result = cli(*argv)
        assert result.code == 1
        assert f"no database at {db} yet" in result.err
    assert not db.exists()  # reading made nothing
    cli("add", "A")
    assert "no database" not in cli("upcoming").err


def test_csv_carries_no_escape_sequence_or_formula_and_imports_back_unchanged(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evil = "Evil\x1b]52;c;cm0gLXJm\x07 \x9b2J\u202eshow"
    cli("add", evil)
    cli("add", '=HYPERLINK("http://x")')
    cli("expect", "evil", "1", "2018", "--note", "@SUM(1,2) -x")
    cli("expect", "hyperlink", "1", "2019")
    exported = cli("export", "--format", "csv").out
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in exported)
    assert "\u202e" not in exported
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {r["show"] for r in rows} >= {'\'=HYPERLINK("http://x")'}
    assert any(r["notes"] == "'@SUM(1,2) -x" for r in rows)
    upcoming_csv = cli("upcoming", "-o", "csv").out
    assert "\x1b" not in upcoming_csv and "\x07" not in upcoming_csv
    monkeypatch.setenv("SHOWTRACK_DB", str(tmp_path / "again.json"))
    (tmp_path / "export.csv").write_text(exported)
    assert cli("import", str(tmp_path / "export.csv")).code == 0
    shows = {s["title"] for s in json.loads(cli("list", "-o", "json").out)}
    assert shows == {evil, '=HYPERLINK("http://x")'}
    notes = {r["notes"] for r in json.loads(cli("upcoming", "-o", "json").out)}
    assert "@SUM(1,2) -x" in notes
    assert "\\u001b" in cli("list", "-o", "json").out  # JSON escapes it too


def test_a_csv_round_trip_keeps_the_network_and_a_specials_name(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("add", "Stranger Things", "--network", "Netflix", "--tag", "sci-fi", "--alias", "ST")
    cli("expect", "Stranger Things", "Volume 2: The Finale", "2025-11-26")
    exported = cli("export", "--format", "csv").out
    (tmp_path / "st.csv").write_text(exported)
    monkeypatch.setenv("SHOWTRACK_DB", str(tmp_path / "again.json"))
    assert cli("import", str(tmp_path / "st.csv")).code == 0
    (show,) = json.loads(cli("list", "-o", "json").out)
    assert (show["network"], show["tags"], show["aliases"]) == ("Netflix", ["sci-fi"], ["ST"])
    (row,) = json.loads(cli("upcoming", "--all", "-o", "json").out)
    assert row["title"] == "Stranger Things: Volume 2: The Finale"
    assert (row["platform"], row["network"]) == ("Netflix", "Netflix")
    assert row["name"] == "Volume 2: The Finale"


def test_importing_a_listing_keeps_a_link_to_a_release_the_database_has(
    marvel: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Defenders S1 waits on nothing; Jessica Jones S2 waits on it. A listing of
    # Jessica Jones alone names a target that is not in the file.
    listing = [
        r
        for r in json.loads(marvel("upcoming", "-o", "json").out)
        if r["show_id"] == "jessica-jones"
    ]
    assert listing[0]["after"][0]["release"] == "the-defenders/s1"
    (tmp_path / "jj.json").write_text(json.dumps(listing))
    assert marvel("import", str(tmp_path / "jj.json")).code == 0  # the target is here
    monkeypatch.setenv("SHOWTRACK_DB", str(tmp_path / "empty.json"))
    refused = marvel("import", str(tmp_path / "jj.json"))
    assert refused.code == 2 and "unknown release 'the-defenders/s1'" in refused.err


def test_a_late_older_report_survives_db_check_and_a_reimport(cli: Runner, tmp_path: Path) -> None:
    cli("add", "X")
    cli("expect", "X", "2", "late 2018 or early 2019", "--as-of", "2017-06-01")
    cli("expect", "X", "2", "2018", "--as-of", "2017-01-01")
    assert cli("db", "check").code == 0
    (tmp_path / "export.json").write_text(cli("export").out)
    again = cli("import", str(tmp_path / "export.json"))
    assert "0 updated releases" in again.err
    history = json.loads(cli("history", "X", "2", "-o", "json").out)
    assert [h["as_of"] for h in history] == ["2017-01-01", "2017-06-01"]
    (row,) = json.loads(cli("upcoming", "-o", "json").out)
    assert row["window"]["phrase"] == "late 2018 or early 2019"


# --- the conventions users bring from gh, task and khal -----------------------------------------


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


def test_machine_formats_print_their_header_with_nothing_listed(cli: Runner) -> None:
    cli("add", "Severance")
    cli("add", "Gone")
    cli("remove", "Gone", "--yes")
    for command in (("upcoming",), ("upcoming", "--episodes")):
        tsv = cli(*command, "-o", "tsv")
        assert tsv.out.startswith("id\t"), command
        assert len(tsv.out.splitlines()) == 1
        csv_out = cli(*command, "-o", "csv").out
        assert csv_out.startswith("id,") and len(csv_out.splitlines()) == 1
    assert cli("upcoming", "-o", "json").out == "[]\n"
    cli("remove", "Severance", "--yes")
    shows = cli("list", "-o", "csv")
    assert shows.code == 1 and shows.out.startswith("id,title,") and shows.out.count("\n") == 1
    empty = cli("check", "-o", "tsv")
    assert empty.code == 1 and empty.out.startswith("id\t")


def test_check_writes_the_rows_of_upcoming_for_scripts(marvel: Runner) -> None:
    due = marvel("check", "-o", "json")
    assert due.code == 0
    rows = json.loads(due.out)
    upcoming = {r["id"]: r for r in json.loads(marvel("upcoming", "-o", "json").out)}
    assert rows and all(row == upcoming[row["id"]] for row in rows)
    lines = marvel("check", "-o", "jsonl").out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]
    assert marvel("check", "-o", "table").code == 2  # a table is what check prints anyway


def test_dates_in_words_wherever_a_date_is_taken(cli: Runner) -> None:
    """Today is Saturday 2017-07-01 (conftest.TODAY)."""
    cli("add", "Severance")
    said = cli("expect", "Severance", "1", "spring 2018", "--as-of", "last monday")
    assert said.code == 0, said.err
    (entry,) = json.loads(cli("history", "Severance", "1", "-o", "json").out)
    assert entry["as_of"] == "2017-06-26"
    assert cli("expect", "Severance", "2", "friday", "--at", "9pm").code == 0
    (row,) = [r for r in json.loads(cli("upcoming", "-o", "json").out) if r["season"] == 2]
    assert row["air_time"] == "2017-07-07T21:00:00-04:00"
    assert cli("upcoming", "--until", "tomorrow", "-o", "tsv").code == 1
    soon = json.loads(cli("upcoming", "--until", "next friday", "-o", "json").out)
    assert [r["season"] for r in soon] == [2]
    assert cli("released", "Severance", "1", "yesterday").out.endswith("released 2017-06-30\n")
    march = cli("calendar", "march")
    assert march.code == 0 and "March 2018" in march.out
    assert "August 2017" in cli("calendar", "next month").out
    vague = cli("upcoming", "--until", "march")
    assert vague.code == 2 and "does not name one day" in vague.err


def test_an_overdue_release_is_news_not_noise(cli: Runner) -> None:
    cli("add", "Game of Thrones", "--network", "HBO")
    cli("add", "Severance")
    cli("expect", "Game of Thrones", "7", "2017-07-16", "--at", "21:00", "--tz", "America/New_York")
    cli("expect", "Severance", "1", "2017-07-20")
    day_after = ("--today", "2017-07-17")
    rows = json.loads(cli(*day_after, "upcoming", "-o", "json").out)
    assert [(r["title"], r["status"]) for r in rows] == [
        ("Game of Thrones S7", "overdue"),  # first, though Severance is sooner to come
        ("Severance S1", "upcoming"),
    ]
    assert rows[0]["countdown"] == "overdue by 1 day"  # not "aired": nobody said so
    table = cli(*day_after, "upcoming", "-o", "table").out
    assert 'showtrack released "Game of Thrones" 7' in table
    assert "overdue" in cli(*day_after, "countdown").out
    assert "Game of Thrones S7" in cli(*day_after, "timeline").out
    # check tells once when it becomes overdue, and not for ever after.
    first = cli(*day_after, "check", "--once")
    assert "Game of Thrones S7  overdue by 1 day" in first.out
    again = cli(*day_after, "check", "--once")
    assert "Game of Thrones" not in again.out
    assert "Game of Thrones" not in cli("--today", "2017-09-01", "check").out
    # Released: no longer overdue, no longer listed.
    cli(*day_after, "released", "Game of Thrones", "7", "2017-07-16")
    assert "Game of Thrones" not in cli(*day_after, "upcoming", "-o", "tsv").out


def test_revising_a_release_keeps_its_air_time_unless_the_day_moves(cli: Runner) -> None:
    cli("add", "Game of Thrones")
    cli("expect", "Game of Thrones", "7", "2017-07-16", "--at", "21:00")
    again = cli("expect", "Game of Thrones", "7", "2017-07-16", "--source", "HBO")
    assert again.code == 0 and "dropped" not in again.out

    def air() -> str | None:
        (row,) = json.loads(cli("upcoming", "-o", "json").out)
        return row["air_time"]  # type: ignore[no-any-return]

    assert air() == "2017-07-16T21:00:00-04:00"
    moved = cli("expect", "Game of Thrones", "7", "2017-07-23")
    assert "its air time (21:00 EDT) was dropped with the old day; give --at" in moved.out
    assert air() is None


def test_info_shows_every_field_of_a_release_once(cli: Runner) -> None:
    cli("add", "Game of Thrones", "--network", "HBO")
    cli(
        "expect", "Game of Thrones", "7", "2017-07-16", "--at", "21:00", "--platform",
        "HBO Max", "--region", "US", "--remind", "2w", "--source", "HBO",
    )  # fmt: skip
    cli("expect", "Game of Thrones", "7", "2017-07-16", "--source", "HBO", "--stage", "dated")
    out = cli("info", "Game of Thrones").out
    for line in ("airs    Sun 2017-07-16 21:00 EDT", "on      HBO Max", "region  US"):
        assert line in out
    assert "remind  2w" in out
    assert out.count("source  HBO") == 1


def test_calendar_without_colour_draws_with_glyphs(marvel: Runner) -> None:
    marvel("expect", "Luke Cage", "2", "2018-03-14")
    marvel("add", "A Show With A Title Far Too Long For A Day")
    marvel("expect", "A Show With", "1", "2018-03-14")
    out = marvel("--no-color", "--today", "2018-03-06", "calendar").out
    assert "[6]" in out  # today
    assert "·26" in out  # a day of February
    assert "░░░" in out  # Jessica Jones's window is open in March
    assert "[n] today  ·n another month  ░ a window open that day" in out
    assert "Luke Ca… S2" in out and "A Show… S1" in out  # one line each, season kept
    assert "Far Too Long For A Day" not in out


def test_countdown_panels_are_one_width_with_their_ends_labelled(marvel: Runner) -> None:
    marvel("expect", "Luke Cage", "2", "2017-07-02")
    out = marvel("countdown").out
    borders = [line for line in out.splitlines() if line.startswith(("╭", "╰"))]
    assert len({len(line) for line in borders}) == 1
    luke = out.split("Luke Cage S2", 1)[1].split("╰", 1)[0]
    assert "window  2017-07-02" in luke and "(2017-07-02)" not in luke  # said once
    assert "█" in luke  # a window of one day, tomorrow, still shows
    assert "2017-07-01" in luke and "2017-07-02" in luke
    assert "─ since first report  │ today  ░ to wait  █ window" in out


def test_released_on_a_day_before_newer_news_stays_last_in_its_history(cli: Runner) -> None:
    # Expected on 2017-07-01 (today), then reported out on earlier days: each report is
    # newer than the expectation, so it stays last, and the file stays sound.
    cli("add", "X")
    cli("expect", "X", "1", "2017-06-01")
    assert cli("released", "X", "1", "2017-06-20").code == 0
    assert cli("released", "X", "1", "2017-06-10").code == 0
    assert cli("db", "check").code == 0
    history = json.loads(cli("history", "X", "1", "-o", "json").out)
    assert [(h["stage"], h["window"]["earliest"]) for h in history][-1] == (
        "released",
        "2017-06-10",
    )
    (row,) = json.loads(cli("upcoming", "--all", "-o", "json").out)
    assert (row["status"], row["release_date"]) == ("released", "2017-06-10")


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "1899-12"])
def test_a_calendar_of_a_year_showtrack_does_not_keep_is_exit_2(marvel: Runner, month: str) -> None:
    done = marvel("calendar", month)
    assert done.code == 2 and done.out == ""
    assert done.err.startswith(f"showtrack: month {month!r} is outside the years"), done.err


@pytest.mark.parametrize("today", ["", "zzz", "2018-02-30"])
def test_a_bad_today_is_exit_2_even_for_a_command_that_needs_no_day(
    marvel: Runner, db: Path, today: str
) -> None:
    before = db.read_bytes()
    done = marvel("--today", today, "add", "Another")
    assert done.code == 2 and "--today" in done.err.splitlines()[0], done.err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "season", ["-1", "99999999999999999999", "100000", "2.5", "1e3", "S-1", "", "   ", "0"]
)
def test_a_season_that_is_no_season_is_exit_2_and_records_nothing(
    cli: Runner, db: Path, season: str
) -> None:
    assert cli("add", "Jessica Jones").code == 0
    before = db.read_bytes()
    done = cli("expect", "jessica", "--", season, "spring 2018")
    assert done.code == 2 and done.err.startswith(f"showtrack: {season!r} is not a season")
    assert db.read_bytes() == before


def test_a_special_is_named_by_a_word_and_found_again(cli: Runner) -> None:
    assert cli("add", "Jessica Jones").code == 0
    assert cli("expect", "jessica", "Holiday Special", "2018-12-25").code == 0
    assert cli("remove", "jessica-jones/holiday-special", "--yes").code == 0


@pytest.mark.parametrize("region", ["XX", "ZZ", "EU"])
def test_a_region_that_is_no_country_is_exit_2(marvel: Runner, db: Path, region: str) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Luke Cage", "2", "spring 2018", "--region", region)
    assert result.code == 2
    assert f"region {region!r} is not a country code or a country we know" in result.err
    assert db.read_bytes() == before
    assert marvel("window", "spring 2018", "--region", region).code == 2


def test_a_region_by_code_alias_or_name_is_its_iso_code(marvel: Runner) -> None:
    for given in ("au", "Australia", "U.K."):
        result = marvel("window", "spring 2018", "--region", given, "-o", "json")
        assert result.code == 0, result.err
        assert json.loads(result.out)["region"] in ("AU", "GB")


def test_released_takes_a_release_id_and_a_day(marvel: Runner) -> None:
    result = marvel("--today", "2018-03-10", "released", "jessica-jones/s2", "2018-03-08")
    assert result.code == 0, result.err
    assert result.out == "Jessica Jones S2 released 2018-03-08\n"
    result = marvel("--today", "2018-03-10", "released", "the-defenders/s1")
    assert result.code == 0 and result.out.endswith("released 2018-03-10\n")
    result = marvel("released", "Jessica Jones")
    assert result.code == 2 and "names a show, not a release" in result.err


def test_the_overdue_hint_for_a_special_is_a_command_that_works(cli: Runner) -> None:
    cli("add", "Doctor Who")
    assert (
        cli(
            "--today", "2016-11-01", "expect", "Doctor Who", "Christmas Special", "december 2016"
        ).code
        == 0
    )
    table = cli("--today", "2017-02-01", "upcoming", "--status", "overdue", "-o", "table")
    hint = 'showtrack released "Doctor Who" christmas-special'
    assert table.code == 0 and hint in " ".join(table.out.split())
    done = cli("--today", "2017-02-01", "released", "Doctor Who", "christmas-special")
    assert done.code == 0, done.err
    assert done.out.startswith("Doctor Who")


def test_episodes_of_one_day_are_listed_by_number_whichever_was_recorded_first(
    cli: Runner,
) -> None:
    cli("add", "Andor")
    assert cli("episode", "Andor", "1", "2", "2017-07-10").code == 0
    assert cli("episode", "Andor", "1", "1", "2017-07-10", "--at", "21:00").code == 0
    listed = cli("episodes", "Andor", "1", "-o", "tsv")
    assert listed.code == 0
    assert [line.split("\t")[0] for line in listed.out.splitlines()[1:]] == [
        "andor/s1e1",
        "andor/s1e2",
    ]


@pytest.mark.parametrize("columns", [40, 80])
def test_no_line_of_a_table_ends_in_spaces(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    marvel("expect", "Luke Cage", "2", "spring 2018", "--source", "Deadline")
    marvel("expect", "Luke Cage", "2", "summer 2018")
    marvel("add", "The Marvelous Mrs. Maisel: A Very Long Subtitle", "--note", "x " * 60)
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in (
        ("window", "spring 2018"),
        ("history", "Luke Cage", "2", "-o", "table"),
        ("upcoming", "-o", "table"),
        ("list", "-o", "table"),
        ("info", "Jessica Jones"),
        ("info", "Marvelous"),  # its title and its notes wrap at 40
        ("calendar", "2018-03"),
        ("timeline",),
    ):
        result = marvel(*args)
        assert result.code == 0, (args, result.err)
        assert len(result.out.splitlines()) > 2
        assert [line for line in result.out.splitlines() if line != line.rstrip()] == [], args


def test_the_timeline_help_and_legend_name_the_same_marks(marvel: Runner) -> None:
    from showtrack.render.charts import TIMELINE_LEGEND

    marks = {ch for entry in TIMELINE_LEGEND for ch in entry if not ch.isascii()}
    assert marks == {"█", "◆", "▒", "●", "━", "◀", "▶", "→", "┃", "·"}
    helped = marvel("timeline", "--help")
    assert helped.code == 0 and marks <= set(helped.out)
    drawn = marvel("timeline")
    assert drawn.code == 0 and all(entry in drawn.out for entry in TIMELINE_LEGEND)


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


@pytest.mark.parametrize("columns", [40, 50])
def test_a_narrow_panel_title_keeps_the_season(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    cli("add", "The Marvelous Mrs. Maisel: A Very Long Subtitle")
    cli("expect", "The Marvelous Mrs. Maisel: A Very Long Subtitle", "2", "2017-12-01")
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in (("countdown", "maisel"), ("info", "maisel")):
        out = cli(*args).out
        title = next(line for line in out.splitlines() if line.startswith("╭─ "))
        assert "… S2 ─" in title and len(title) <= columns, (args, title)

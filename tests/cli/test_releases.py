"""`expect` and `released` end to end: windows, constraints, air times, regions, seasons."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..conftest import Runner
from .conftest import SOURCE, json_of


def test_the_seed_story_from_renewal_to_release(marvel: Runner, db: Path) -> None:
    rows = json_of(marvel("upcoming", "-o", "json"))
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

    history = json_of(marvel("history", "Jessica Jones", "2", "-o", "json"))
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
    on_the_day = json_of(marvel("--today", "2018-03-05", "upcoming", "-o", "json"))
    assert isinstance(on_the_day, list)
    assert on_the_day[0]["countdown"] == "in 3 days"
    assert marvel("--today", "2018-03-08", "released", "Jessica Jones", "2").code == 0
    table = marvel("--today", "2018-03-09", "history", "Jessica Jones", "2", "-o", "table")
    assert "released" in table.out
    info = json_of(marvel("--today", "2018-03-09", "info", "Jessica Jones", "-o", "json"))
    assert isinstance(info, dict) and info["releases"] == ["jessica-jones/s2"]
    assert info["release_details"][0]["status"] == "released"


def test_repeating_what_is_known_adds_no_history(marvel: Runner) -> None:
    before = json_of(marvel("history", "jessica-jones/s2", "-o", "json"))
    again = marvel("expect", "Jessica Jones", "2", "expected to return in spring 2018 in the US")
    assert again.code == 0 and "unchanged" in again.out
    after = json_of(marvel("history", "jessica-jones/s2", "-o", "json"))
    assert before == after


def test_constraint_conflict_is_shown_not_fixed(marvel: Runner) -> None:
    marvel("expect", "The Defenders", "1", "2018-06-01")
    rows = json_of(marvel("upcoming", "-o", "json"))
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


def test_unreadable_phrase_is_3_and_leaves_the_database(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Jessica Jones", "2", "sprung 2018")
    assert result.code == 3
    assert result.err.startswith("showtrack: ")
    assert "did you mean 'spring 2018'" in result.err
    assert len(result.err.strip().splitlines()) <= 2
    assert db.read_bytes() == before


def test_expect_unknown_show_without_create_show(cli: Runner) -> None:
    assert cli("expect", "Severance", "2", "2022").code == 3
    assert cli("expect", "Severance", "2", "2022", "--create-show").code == 0
    assert cli("list", "-o", "json").out.count('"severance"') == 1


def test_expect_refuses_an_empty_phrase_and_changes_nothing(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Jessica Jones", "2", "")
    assert result.code == 3 and "empty phrase" in result.err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "https://example.org/a\r\nBEGIN:VEVENT", "example.org/news", ""]
)
def test_a_source_url_must_be_a_web_address(marvel: Runner, db: Path, url: str) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Luke Cage", "2", "2018", "--source", "X", "--url", url)
    assert result.code == 2 and "not a web address" in result.err
    assert db.read_bytes() == before


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

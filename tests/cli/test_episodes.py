"""Episodes end to end (spec/cli.md, issue 19): synced from the TVmaze stand-in or added
by hand, listed by `episodes`, `upcoming --episodes`, `check --episodes`, `countdown` and
the ICS export, at the right instant in the user's zone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from showtrack import store

from ..conftest import Runner, khal_binary, khal_runner
from ..sources.conftest import Answer, Tvmaze, fixture

FLASH = 13
SUNDAY = "2020-01-12"  # S6 is on air: E1-E9 and a special aired, E10 is Tuesday 20:00 ET


def _hit(recorded: str) -> dict[str, Any]:
    return {"score": 9.0, "show": {k: v for k, v in fixture(recorded).items() if k != "_embedded"}}


@pytest.fixture
def flash(cli: Runner, tvmaze: Tvmaze, monkeypatch: pytest.MonkeyPatch) -> Runner:
    """`add "The Flash" --link && sync` on a Sunday in January 2020, season 6 on air."""
    monkeypatch.setenv("SHOWTRACK_TODAY", SUNDAY)
    tvmaze.answer("/search/shows", Answer(body=[_hit("the_flash_on_air_2020")]))
    tvmaze.show(FLASH, "the_flash_on_air_2020")
    added = cli("add", "The Flash", "--link")
    assert added.code == 0, added.err
    synced = cli("sync")
    assert synced.code == 0, synced.err
    return cli


def _json(cli: Runner, *args: str) -> Any:
    result = cli(*args, "-o", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_sync_stores_each_seasons_episodes(flash: Runner, db: Path) -> None:
    release = store.load(db).release("the-flash/s6")
    assert release is not None
    numbers = [e.number for e in release.episodes]
    assert numbers == [*range(1, 21), None]  # the special, unnumbered, last
    e10 = next(e for e in release.episodes if e.number == 10)
    assert (e10.air_date, e10.runtime, e10.type, e10.source) == (
        "2020-01-14",
        60,
        "regular",
        "TVmaze",
    )
    special = release.episodes[-1]
    assert special.type == "special" and special.tvmaze_id == 6090
    assert release.episodes_last_day == "2020-03-17" and release.episodes_undated == 1


def test_a_second_sync_with_no_news_writes_nothing(flash: Runner, db: Path) -> None:
    before = db.read_bytes()
    assert flash("sync").code == 0
    assert db.read_bytes() == before


def test_episodes_lists_the_season_on_air_in_the_users_zone(flash: Runner) -> None:
    rows = _json(flash, "episodes", "The Flash")
    e10 = next(r for r in rows if r["number"] == 10)
    assert e10 == {
        "id": "the-flash/s6e10",
        "kind": "episode",
        "show": "The Flash",
        "show_id": "the-flash",
        "season": 6,
        "number": 10,
        "title": "Episode 10",
        "air_date": "2020-01-14",
        "air_time": "2020-01-14T20:00:00-05:00",
        "runtime": 60,
        "type": "regular",
        "status": "upcoming",
        "days_until": 2,
        "countdown": "in 2 days",
        "source": "TVmaze",
        "release": "the-flash/s6",
        "platform": "The CW",
        "count": 1,
    }
    assert [r["status"] for r in rows if r["number"] in (1, 9)] == ["aired", "aired"]
    undated = next(r for r in rows if r["number"] == 20)
    assert (undated["status"], undated["air_date"], undated["countdown"]) == (
        "unknown",
        None,
        "TBA",
    )
    # In air order: the special aired between E9 and E10.
    assert [r["number"] for r in rows][8:11] == [9, None, 10]


def test_the_episodes_table_shows_times_in_the_users_zone(flash: Runner) -> None:
    table = flash("episodes", "flash", "6", "-o", "table")
    assert table.code == 0, table.err
    assert "2020-01-14 20:00" in table.out and "in 2 days" in table.out
    assert "TBA" in table.out and "times in your time zone, America/New_York" in table.out
    assert "sp: a special" in table.out


def test_daylight_saving_time_between_now_and_then(
    flash: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20:00 in New York is 00:00 UTC in October and 01:00 UTC in January."""
    monkeypatch.setenv("TZ", "UTC")
    rows = {r["number"]: r for r in _json(flash, "episodes", "flash", "6")}
    assert rows[3]["air_time"] == "2019-10-23T00:00:00+00:00"
    assert rows[3]["air_date"] == "2019-10-23"  # the next day, for a user in UTC
    assert rows[10]["air_time"] == "2020-01-15T01:00:00+00:00"
    assert rows[18]["air_time"] == "2020-03-11T00:00:00+00:00"  # DST began on March 8
    monkeypatch.setenv("TZ", "Europe/Berlin")
    rows = {r["number"]: r for r in _json(flash, "episodes", "flash", "6")}
    assert rows[10]["air_time"] == "2020-01-15T02:00:00+01:00"


def test_upcoming_counts_a_season_on_air_down_to_its_next_episode(flash: Runner) -> None:
    rows = _json(flash, "upcoming")
    s6 = next(r for r in rows if r["id"] == "the-flash/s6")
    assert s6["countdown"] == "S6E10 Tue 20:00, in 2 days"
    assert s6["next_episode"] == "the-flash/s6e10"
    assert "kind" not in s6
    assert [r["id"] for r in rows] == ["the-flash/s6", "the-flash/s7"]  # S1-S5 are done
    table = flash("upcoming", "-o", "table").out.splitlines()
    assert table[2].startswith("2020-01-14 20:00   The Flash S6   S6E10 Tue 20:00, in 2 days")


def test_upcoming_with_episodes_lists_the_next_episode_as_its_own_row(flash: Runner) -> None:
    rows = _json(flash, "upcoming", "--episodes")
    assert [(r["kind"], r["id"]) for r in rows] == [
        ("episode", "the-flash/s6e10"),
        ("release", "the-flash/s7"),
    ]
    assert rows[0]["air_time"] == "2020-01-14T20:00:00-05:00"
    table = flash("upcoming", "--episodes", "-o", "table")
    assert "The Flash S6E10" in table.out and "2020-01-14 20:00" in table.out
    tsv = flash("upcoming", "--episodes", "-o", "tsv").out.splitlines()
    header = tsv[0].split("\t")
    assert "kind" in header and "air_date" in header
    assert all(len(line.split("\t")) == len(header) for line in tsv)


def test_listings_without_episodes_do_not_decode_them(
    flash: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showtrack.store.records import ReleaseRecord

    decoded: dict[str, list[str]] = {"listed_episodes": [], "decoded_episodes": []}
    for name, ids in decoded.items():
        original = getattr(ReleaseRecord, name)

        def counting(self: ReleaseRecord, ids: list[str] = ids, original: Any = original) -> Any:
            ids.append(self.id)
            return original(self)

        monkeypatch.setattr(ReleaseRecord, name, counting)
    assert flash("upcoming", "-o", "json").code == 0
    # Only the season with episodes to come, and without their histories.
    assert decoded == {"listed_episodes": ["the-flash/s6"], "decoded_episodes": []}


def test_check_episodes_prints_one_line_per_episode_due(flash: Runner) -> None:
    plain = flash("check")
    assert plain.code == 1 and plain.out == ""
    due = flash("check", "--episodes")
    assert due.code == 0
    assert due.out == "2020-01-14 20:00  The Flash S6E10  in 2 days  (The CW)\n"
    wider = flash("check", "--episodes", "--within", "2w")
    assert wider.out.count("The Flash S6E1") == 2  # E10 and E11


def test_check_episodes_once_reports_each_episode_once(flash: Runner) -> None:
    first = flash("check", "--episodes", "--once")
    assert first.code == 0 and "S6E10" in first.out
    second = flash("check", "--episodes", "--once")
    assert second.code == 1 and second.out == ""
    # A moved episode is news again.
    assert flash("episode", "flash", "6", "10", "2020-01-15").code == 0
    third = flash("check", "--episodes", "--once")
    assert third.code == 0 and "2020-01-15 20:00  The Flash S6E10  in 3 days" in third.out


def test_countdown_shows_the_next_episode(flash: Runner) -> None:
    panels = flash("countdown", "flash", "6")
    assert panels.code == 0
    assert "S6E10 Tue 20:00, in 2 days" in panels.out
    assert "next    S6E10" in panels.out and "2020-01-14 20:00 EST" in panels.out


def test_live_countdown_ticks_to_the_next_episodes_instant(flash: Runner, db: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from showtrack.render.countdown import live_clock
    from showtrack.tracker import listings

    (view,) = listings.countdown_views(store.load(db), "flash", "6", datetime(2020, 1, 12).date())
    now = datetime(2020, 1, 12, 18, 30, tzinfo=ZoneInfo("America/New_York"))
    assert live_clock(view, now) == "S6E10  2d 01:30:00"


def test_ics_export_has_each_dated_episode_at_its_instant(flash: Runner) -> None:
    result = flash("export", "--format", "ics", "--episodes")
    assert result.code == 0, result.err
    events = {str(e["uid"]): e for e in Calendar.from_ical(result.out).walk("VEVENT")}
    e10 = events["the-flash/s6e10@showtrack"]
    start = e10.decoded("dtstart")
    assert start.isoformat() == "2020-01-15T01:00:00+00:00"
    assert (e10.decoded("dtend") - start).total_seconds() == 3600
    assert str(e10["summary"]) == "The Flash S6E10: Episode 10"
    assert int(str(e10["sequence"])) == 0
    assert "the-flash/s6e20@showtrack" not in events  # undated: no place on a calendar
    without = flash("export", "--format", "ics")
    assert "s6e10@showtrack" not in without.out


def test_ics_sequence_counts_an_episodes_moves(flash: Runner) -> None:
    assert flash("episode", "flash", "6", "11", "2020-01-28").code == 0
    events = {
        str(e["uid"]): e
        for e in Calendar.from_ical(flash("export", "--format", "ics", "--episodes").out).walk(
            "VEVENT"
        )
    }
    e11 = events["the-flash/s6e11@showtrack"]
    assert int(str(e11["sequence"])) == 1
    assert e11.decoded("dtstart").isoformat() == "2020-01-29T01:00:00+00:00"


def test_an_episode_added_by_hand_then_synced(cli: Runner, tvmaze: Tvmaze, db: Path) -> None:
    """TVmaze wins on the date; the history shows both."""
    cli("--today", "2020-01-02", "add", "The Flash")
    added = cli(
        "--today", "2020-01-02", "episode", "The Flash", "6", "10", "2020-01-21",
        "--at", "20:00", "--tz", "America/New_York", "--title", "Marathon",
        "--source", "CW press release",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "added The Flash S6E10: 2020-01-21 20:00 EST" in added.out
    tvmaze.answer("/search/shows", Answer(body=[_hit("the_flash_on_air_2020")]))
    tvmaze.show(FLASH, "the_flash_on_air_2020")
    assert cli("--today", SUNDAY, "link", "The Flash").code == 0
    synced = cli("--today", SUNDAY, "sync", "-o", "json")
    assert synced.code == 0, synced.err
    changes = json.loads(synced.out)["tvmaze"]["changes"]
    assert any("E10 moved to 2020-01-14" in c["change"] for c in changes)
    release = store.load(db).release("the-flash/s6")
    assert release is not None
    e10 = [e for e in release.episodes if e.number == 10]
    assert len(e10) == 1  # matched by number, not added twice
    assert (e10[0].air_date, e10[0].title) == ("2020-01-14", "Episode 10")
    moves = _json(cli, "--today", SUNDAY, "history", "The Flash", "S6E10")
    assert [(m["air_date"], m["source"]) for m in moves] == [
        ("2020-01-21", "CW press release"),
        ("2020-01-14", "TVmaze"),
    ]
    table = cli("--today", SUNDAY, "history", "the-flash/s6e10", "-o", "table")
    assert "moved 1 time" in table.out


def test_a_weekly_episode_whose_date_moves_keeps_its_history(flash: Runner, db: Path) -> None:
    assert flash("episode", "flash", "6", "12", "2020-02-04", "--source", "TV Line").code == 0
    assert flash("episode", "flash", "6", "12", "2020-02-04").code == 0  # the same: no move
    moves = _json(flash, "history", "flash", "s6e12")
    assert [m["air_date"] for m in moves] == ["2020-01-28", "2020-02-04"]
    # Moved by a week without --at: 20:00 in the show's zone is kept.
    assert moves[-1]["air_time"] == "2020-02-04T20:00:00-05:00"


def test_an_episode_by_hand_must_name_one_day(cli: Runner, db: Path) -> None:
    cli("add", "Severance")
    before = db.read_bytes()
    vague = cli("episode", "Severance", "2", "10", "spring 2018")
    assert vague.code == 2 and "one day" in vague.err
    assert cli("episode", "Severance", "2", "10", "whenever-ish").code == 3
    assert cli("episode", "Severance", "x", "10", "2018-03-08").code == 2
    assert db.read_bytes() == before


def test_a_first_episode_dates_its_season(cli: Runner) -> None:
    cli("add", "Severance")
    cli("expect", "Severance", "2", "early 2018")
    done = cli("episode", "Severance", "2", "1", "2018-01-17", "--at", "21:00")
    assert done.code == 0 and "window is now 2018-01-17" in done.out
    (row,) = _json(cli, "upcoming")
    assert row["window"]["earliest"] == "2018-01-17" and row["stage"] == "dated"
    assert row["air_time"] == "2018-01-17T21:00:00-05:00"


def test_a_season_without_episodes_lists_none_and_exits_1(cli: Runner) -> None:
    cli("add", "Severance\u202e\x1b[2J")
    assert cli("expect", "severance-2j", "2", "2027").code == 0
    table = cli("episodes", "severance-2j", "2", "-o", "table")
    assert (table.code, table.out) == (1, "")
    # The show's title as text: its bidi override and escape never reach the terminal.
    assert table.err.endswith("no episodes are known for Severance\\u202e\\x1b[2J S2\n")
    tsv = cli("episodes", "severance-2j", "2", "-o", "tsv")
    assert tsv.code == 1 and tsv.out.startswith("id\t") and tsv.out.count("\n") == 1


def test_an_undated_episode_is_listed_as_tba(cli: Runner) -> None:
    cli("add", "Severance")
    assert cli("episode", "Severance", "2", "1", "TBA").code == 0
    (row,) = _json(cli, "episodes", "Severance")
    assert (row["status"], row["countdown"], row["air_date"]) == ("unknown", "TBA", None)


@pytest.fixture
def drop(cli: Runner, tvmaze: Tvmaze, monkeypatch: pytest.MonkeyPatch) -> Runner:
    """A streaming season two days from today: thirteen episodes on one day with no time
    (TVmaze's noon-UTC placeholder airstamp)."""
    monkeypatch.setenv("SHOWTRACK_TODAY", "2018-03-06")
    tvmaze.answer("/search/shows", Answer(body=[_hit("jessica_jones_2018")]))
    tvmaze.show(1370, "jessica_jones_2018")
    assert cli("add", "Jessica Jones", "--link").code == 0
    assert cli("sync").code == 0
    return cli


def test_a_streaming_drop_is_one_line(drop: Runner) -> None:
    # Before the premiere the season itself is what is due, not its episodes again.
    lines = drop("check", "--episodes").out.splitlines()
    assert lines == ["2018-03-08  Jessica Jones S2  in 2 days  (Netflix)"]
    # The first episode out early: the season is on air, the other twelve drop at once.
    assert drop("episode", "jessica jones", "2", "1", "2018-03-01").code == 0
    assert drop("released", "jessica jones", "2", "2018-03-01").code == 0
    lines = drop("check", "--episodes").out.splitlines()
    assert lines == ["2018-03-08  Jessica Jones S2E2–E13  in 2 days  (Netflix)"]
    rows = _json(drop, "upcoming", "--episodes")
    assert (rows[0]["id"], rows[0]["count"], rows[0]["air_time"]) == (
        "jessica-jones/s2e2",
        12,
        None,
    )
    upcoming = _json(drop, "upcoming")
    assert upcoming[0]["countdown"] == "S2E2–E13 Thu, in 2 days"


def test_a_whole_season_at_once_says_all_episodes(drop: Runner) -> None:
    ics = drop("export", "--format", "ics", "--episodes").out
    summaries = [str(e["summary"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert "Jessica Jones S2, all 13 episodes" in summaries
    assert not any("S2E2" in s for s in summaries)
    countdown = drop("countdown", "jessica jones", "2")
    assert countdown.code == 0


@pytest.mark.skipif(khal_binary() is None, reason="khal is not installed (make bench installs it)")
def test_khal_lists_the_episodes_at_their_local_time(flash: Runner, tmp_path: Path) -> None:
    target = tmp_path / "flash.ics"
    assert flash("export", "--format", "ics", "--episodes", "-o", str(target)).code == 0
    run = khal_runner(tmp_path, "America/New_York")
    run("import", "--batch", "-a", "tv", str(target))
    listed = run("list", "2020-01-14", "1d")
    assert "20:00-21:00 The Flash S6E10: Episode 10" in listed


def test_export_then_import_keeps_the_episodes(flash: Runner, db: Path, tmp_path: Path) -> None:
    exported = flash("export").out
    target = tmp_path / "other.json"
    again = flash("--db", str(target), "import", "-", stdin=exported)
    assert again.code == 0, again.err
    assert flash("--db", str(target), "export").out == exported


def test_an_import_with_a_broken_episode_changes_nothing(cli: Runner, db: Path) -> None:
    cli("add", "Severance")
    before = db.read_bytes()
    record = {
        "show": "Severance",
        "season": 2,
        "window": {"phrase": "2018"},
        "episodes": [{"number": 1, "air_date": "2018-01-17", "air_time": "2018-01-17T21:00"}],
    }
    refused = cli("import", "-", stdin=json.dumps([record]))
    assert refused.code == 2 and "no UTC offset" in refused.err
    record["episodes"] = [{"number": 1, "type": "finale"}]
    assert cli("import", "-", stdin=json.dumps([record])).code == 2
    assert db.read_bytes() == before


def test_the_calendar_shows_episodes_on_the_day_they_air_here(
    flash: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    january = flash("--no-color", "calendar", "2020-01")
    assert january.code == 0, january.err
    lines = january.out.splitlines()
    # E10 airs Tuesday 14 January at 20:00 in New York, the user's zone.
    week = lines[lines.index(next(line for line in lines if "│ 13 " in line)) + 1]
    assert week.strip("│").split("│")[1].strip() == "The Flash S6E10"
    assert "S6E11" in january.out and "S6E9" not in january.out  # E9 aired in December
    # The premiere is the season's own day: the season marks it, not its episode too.
    october = flash("--no-color", "calendar", "2019-10").out
    assert "The Flash S6" in october and "S6E1 " not in october and "S6E1\n" not in october
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    tokyo = flash("--no-color", "calendar", "2020-01").out.splitlines()
    week = tokyo[tokyo.index(next(line for line in tokyo if "│ 13 " in line)) + 1]
    assert week.strip("│").split("│")[2].strip() == "The Flash S6E10"  # Wednesday there

"""Episodes as a library (tracker/episodes.py): which one comes next in a season on air,
how each is shown in the user's zone, a streaming drop as one, recording one by hand,
and merging what a source reports. State is set through the library; the commands
that print these are tested in tests/cli/test_episodes.py."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import msgspec
import pytest

from showtrack import store
from showtrack.errors import UsageError
from showtrack.models import Episode, Release, Show
from showtrack.tracker import edits, episodes

NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
SUNDAY = date(2020, 1, 12)
SHOW = Show("the-flash", "The Flash", network="The CW")
SEASON = Release(id="the-flash/s6", show_id="the-flash", season=6)


def _weekly(*days: str, at: str = "20:00") -> list[Episode]:
    """Episodes 1, 2, ... airing on these days at `at` in New York."""
    return [
        Episode(
            number=n,
            air_date=day,
            air_time=datetime.fromisoformat(f"{day}T{at}").replace(tzinfo=NEW_YORK).isoformat(),
        )
        for n, day in enumerate(days, 1)
    ]


def test_the_next_episode_of_a_season_on_air_is_the_first_to_come() -> None:
    aired_and_next = _weekly("2020-01-07", "2020-01-14", "2020-01-21")
    head, on_air = episodes.next_up(SEASON, aired_and_next, SHOW, SUNDAY, None, NEW_YORK)
    assert on_air is True
    assert head is not None and (head.label, head.countdown) == ("S6E2", "in 2 days")


def test_an_episode_airs_on_the_day_it_airs_where_the_user_is() -> None:
    (evening,) = _weekly("2020-01-14")
    in_new_york = episodes.episode_view(evening, SEASON, SHOW, SUNDAY, None, NEW_YORK)
    in_tokyo = episodes.episode_view(evening, SEASON, SHOW, SUNDAY, None, TOKYO)
    assert (in_new_york.air_day, in_new_york.days_until) == (date(2020, 1, 14), 2)
    assert (in_tokyo.air_day, in_tokyo.days_until) == (date(2020, 1, 15), 3)
    assert in_tokyo.local_air is not None and f"{in_tokyo.local_air:%H:%M}" == "10:00"


def test_on_its_day_an_episode_counts_down_to_its_instant() -> None:
    (evening,) = _weekly("2020-01-14")

    def now() -> datetime:
        return datetime(2020, 1, 14, 18, 30, tzinfo=NEW_YORK)

    view = episodes.episode_view(evening, SEASON, SHOW, date(2020, 1, 14), now, NEW_YORK)
    assert (view.status, view.countdown) == ("upcoming", "in 1 h 30 min")


def test_a_streaming_drop_is_one_view_of_the_whole_season() -> None:
    drop = [Episode(number=n, air_date="2018-03-08") for n in range(1, 14)]
    head, on_air = episodes.next_up(SEASON, drop, SHOW, date(2018, 3, 6), None, NEW_YORK)
    assert on_air is False
    assert head is not None
    assert (head.count, head.whole_season, head.label) == (13, True, "S6, all 13 episodes")
    dated = episodes.dated_episodes(
        msgspec.structs.replace(SEASON, episodes=drop), SHOW, date(2018, 3, 6), NEW_YORK
    )
    assert [(v.label, v.count) for v in dated] == [("S6, all 13 episodes", 13)]


def test_an_ended_show_has_no_undated_episode_to_come() -> None:
    undated = [Episode(number=1, air_date="2019-05-01"), Episode(number=2)]
    ended = msgspec.structs.replace(SHOW, status="ended")
    assert episodes.next_up(SEASON, undated, ended, SUNDAY, None, NEW_YORK) == (None, True)
    head, _ = episodes.next_up(SEASON, undated, SHOW, SUNDAY, None, NEW_YORK)
    assert head is not None and (head.label, head.countdown) == ("S6E2", "TBA")


def _flash(st: store.Store) -> None:
    edits.add_show(st, "The Flash", network="The CW")
    flash = st.show("the-flash")
    assert flash is not None
    st.update([msgspec.structs.replace(flash, zone="America/New_York")])


def test_an_episode_by_hand_starts_its_season_and_dates_it(opened: store.Store) -> None:
    _flash(opened)
    options = episodes.EpisodeOptions(title="Pilot", at="20:00")
    done = episodes.record_episode(
        opened, "flash", "1", 1, "2014-10-07", options, date(2014, 9, 1), NEW_YORK
    )
    assert (done.created, done.changed, done.episode.title) == (True, True, "Pilot")
    assert done.episode.air_time == "2014-10-07T20:00:00-04:00"
    season = opened.release("the-flash/s1")
    assert season is not None
    assert (season.window.earliest, season.window.latest) == ("2014-10-07", "2014-10-07")
    assert [m.air_date for m in season.episodes[0].history] == ["2014-10-07"]


def test_a_new_day_for_an_episode_keeps_the_old_one_in_its_history(opened: store.Store) -> None:
    _flash(opened)
    first = episodes.EpisodeOptions(at="20:00", as_of=date(2014, 9, 1))
    episodes.record_episode(
        opened, "flash", "1", 2, "2014-10-14", first, date(2014, 9, 1), NEW_YORK
    )
    later = episodes.EpisodeOptions(as_of=date(2014, 10, 1))
    done = episodes.record_episode(
        opened, "flash", "1", 2, "2014-11-04", later, date(2014, 10, 1), NEW_YORK
    )
    assert (done.created, done.changed) == (False, True)
    # Its time of day stays 20:00 in the show's zone, past the change of clocks.
    assert done.episode.air_time == "2014-11-04T20:00:00-05:00"
    assert [m.air_date for m in done.episode.history] == ["2014-10-14", "2014-11-04"]
    again = episodes.record_episode(
        opened, "flash", "1", 2, "2014-11-04", later, date(2014, 10, 1), NEW_YORK
    )
    assert (again.changed, len(again.episode.history)) == (False, 2)


def test_an_episode_by_hand_must_name_one_day(opened: store.Store) -> None:
    _flash(opened)
    options = episodes.EpisodeOptions()
    with pytest.raises(UsageError, match="an episode airs on one day, and 'spring 2015' reads"):
        episodes.record_episode(opened, "flash", "1", 1, "spring 2015", options, SUNDAY, NEW_YORK)
    assert opened.release("the-flash/s1") is None


def test_a_sources_report_moves_an_episode_and_keeps_the_hand_added_ones() -> None:
    by_hand = Episode(number=9, air_date="2020-03-03", source="me")
    release = msgspec.structs.replace(
        SEASON, episodes=[Episode(number=1, air_date="2020-01-07", tvmaze_id=101), by_hand]
    )
    reported = [
        Episode(number=1, air_date="2020-01-08", tvmaze_id=101, title="Into the Void"),
        Episode(number=2, air_date="2020-01-14", tvmaze_id=102),
    ]
    changes = episodes.merge_reported(release, reported, SUNDAY, "TVmaze", None)
    assert changes == ["1 new episode (E2)", "E1 moved to 2020-01-08 (was 2020-01-07)"]
    assert [(e.number, e.air_date, e.source) for e in release.episodes] == [
        (1, "2020-01-08", "TVmaze"),
        (2, "2020-01-14", "TVmaze"),
        (9, "2020-03-03", "me"),
    ]
    assert release.episodes[0].title == "Into the Void"
    assert episodes.merge_reported(release, reported, SUNDAY, "TVmaze", None) == []

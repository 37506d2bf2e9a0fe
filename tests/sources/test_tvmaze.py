"""TVmaze's answers as records, with each quirk of spec/sync.md."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from showtrack.errors import AmbiguousNameError, NotFoundError
from showtrack.sources import tvmaze

from .conftest import fixture


def _show(name: str, **changes: Any) -> tvmaze.TvShow:
    return msgspec.convert({**fixture(name), **changes}, tvmaze.TvShow)


def test_a_streaming_drop_keeps_the_day_and_no_time() -> None:
    # Netflix: empty airtime, a placeholder airstamp at 12:00 UTC.
    report = tvmaze.report(_show("jessica_jones_2018"), "2018-03-08")
    _, s2 = report.seasons
    assert (s2.premiere, s2.air_time, s2.first_aired) == ("2018-03-08", None, "2018-03-08")
    assert (report.network, report.zone, report.status) == (
        "Netflix",
        "America/New_York",
        "Running",
    )


def test_an_airstamp_with_an_offset_is_an_instant() -> None:
    report = tvmaze.report(_show("the_flash_2020"), "2020-01-12")
    season6 = next(s for s in report.seasons if s.number == 6)
    assert season6.air_time == "2019-10-08T20:00:00-04:00"
    assert season6.first_aired == "2019-10-08"


def test_an_announced_season_with_no_date_is_reported_without_one() -> None:
    report = tvmaze.report(_show("big_bang_theory_2017"), "2017-03-26")
    future = [s for s in report.seasons if s.number in (11, 12)]
    assert [(s.premiere, s.first_aired) for s in future] == [(None, None), (None, None)]
    # The season on air has a projected end date; nothing of it is taken for a fact.
    season10 = next(s for s in report.seasons if s.number == 10)
    assert season10.premiere == "2016-09-19"


def test_a_future_premiere_is_not_reported_as_aired() -> None:
    report = tvmaze.report(_show("jessica_jones_2018"), "2018-01-20")
    assert report.seasons[1].first_aired is None and report.seasons[1].premiere == "2018-03-08"


def test_an_undated_episode_parses() -> None:
    episode = msgspec.convert(fixture("firefly_s01e13_no_airdate"), tvmaze.Episode)
    assert (episode.airdate, episode.airtime, episode.airstamp) == ("", "", None)


def test_fields_that_come_and_go_are_optional() -> None:
    tv = msgspec.convert({"id": 5, "name": "Bare"}, tvmaze.TvShow)
    assert tvmaze.report(tv, "2020-01-01").seasons == ()
    assert tv.describe() == "Bare (year unknown, no network)"


def _hit(score: float, tvmaze_id: int, name: str) -> tvmaze.SearchHit:
    return tvmaze.SearchHit(tvmaze.TvShow(tvmaze_id, name), score)


def test_the_show_whose_name_is_the_title_wins_over_a_close_score() -> None:
    hits = [
        _hit(10.0, 40001, "Jessica Jones: Behind the Scenes"),
        _hit(9.5, 1370, "Marvel's Jessica Jones"),
    ]
    assert tvmaze.best_match(hits, "Jessica Jones").id == 1370
    assert tvmaze.best_match(hits, "jessica jones").id == 1370


def test_a_clearly_better_score_wins_and_a_close_one_is_refused() -> None:
    assert tvmaze.best_match([_hit(20, 1, "Lost"), _hit(5, 2, "Lost Girl")], "Lost Things").id == 1
    with pytest.raises(AmbiguousNameError, match=r"1: Lost .*2: Lost Girl"):
        tvmaze.best_match([_hit(20, 1, "Lost"), _hit(19, 2, "Lost Girl")], "Lost Things")
    with pytest.raises(AmbiguousNameError):  # two shows with that very name
        tvmaze.best_match([_hit(20, 1, "The Flash"), _hit(19, 2, "The Flash")], "The Flash")
    with pytest.raises(NotFoundError):
        tvmaze.best_match([], "Nothing")


def test_two_candidates_scoring_nothing_are_no_clear_best() -> None:
    with pytest.raises(AmbiguousNameError, match=r"1: Lost .*2: Lost Girl"):
        tvmaze.best_match([_hit(0, 1, "Lost"), _hit(0, 2, "Lost Girl")], "Lost Things")
    assert tvmaze.best_match([_hit(0.5, 1, "Lost"), _hit(0, 2, "Lost Girl")], "X").id == 1


# ----------------------------------------------------------------------------- the edge
def _poisoned(season: dict[str, Any], episode: dict[str, Any], **show: Any) -> tvmaze.TvShow:
    """Jessica Jones as recorded, its second season and first episode of it changed."""
    body = fixture("jessica_jones_2018")
    seasons = body["_embedded"]["seasons"]
    seasons[1] = {**seasons[1], **season}
    episodes = body["_embedded"]["episodes"]
    at = next(i for i, e in enumerate(episodes) if e["season"] == 2)
    episodes[at] = {**episodes[at], **episode}
    return msgspec.convert({**body, **show}, tvmaze.TvShow)


@pytest.mark.parametrize("day", ["zzzz", "0000-00-00", "2017-13-45", "2016-02-30", "9999-12-31"])
def test_a_day_showtrack_does_not_keep_is_left_out(day: str) -> None:
    report = tvmaze.report(_poisoned({"premiereDate": day}, {"airdate": day}), "2018-03-08")
    s2 = report.seasons[1]
    assert (s2.number, s2.premiere, s2.first_aired) == (2, None, None)
    assert all(e.air_date is None for e in s2.episodes[:1])


@pytest.mark.parametrize(
    "airstamp",
    ["9999-12-31T23:00:00-12:00", "2018-03-08T21:00:00", "2018-03-08T21:00:00+23:00", "x" * 5000],
)
def test_an_instant_with_no_real_offset_or_day_is_none(airstamp: str) -> None:
    episode = {"airdate": "2018-03-08", "airtime": "21:00", "airstamp": airstamp}
    s2 = tvmaze.report(_poisoned({}, episode), "2018-03-08").seasons[1]
    assert s2.air_time is None and s2.episodes[0].air_time is None
    assert s2.premiere == "2018-03-08"


def test_a_zone_not_in_the_zone_database_is_left_out() -> None:
    channel = {"id": 1, "name": "Netflix", "country": {"name": "X", "timezone": "Not/AZone"}}
    report = tvmaze.report(_poisoned({}, {}, webChannel=channel), "2018-03-08")
    assert report.zone is None and report.network == "Netflix"


def test_numbers_out_of_range_and_a_season_given_twice_are_left_out() -> None:
    body = fixture("jessica_jones_2018")
    seasons = body["_embedded"]["seasons"]
    body["_embedded"]["seasons"] = [*seasons, {**seasons[1], "premiereDate": "2030-01-01"}]
    body["_embedded"]["seasons"].append({**seasons[0], "number": -4})
    body["_embedded"]["episodes"][0]["runtime"] = 10**30
    report = tvmaze.report(msgspec.convert(body, tvmaze.TvShow), "2018-03-08")
    assert [s.number for s in report.seasons] == [1, 2]
    assert report.seasons[1].premiere == "2018-03-08"
    assert report.seasons[0].episodes[0].runtime is None


def test_a_long_name_is_cut_and_a_bad_address_dropped() -> None:
    report = tvmaze.report(
        _poisoned({}, {}, name="J" * 10_000, url="javascript:alert(1)"), "2018-01-01"
    )
    assert len(report.name) == 500 and report.link.url is None


def test_an_id_past_any_real_one_is_not_a_show() -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"id": 10**50}, tvmaze.TvShow)

"""Generate a showtrack export of N releases that looks like a real tracker's data.

Deterministic (a fixed seed per size), so two runs of the benchmark measure the
same databases. Windows are given as bounds, the shape `showtrack export`
writes, in the mix a long-time user builds up: exact days, seasons and quarters,
open-ended "not before" windows, TBA, and releases already out, each with a
short history of how its window moved. With `--episodes`, every show gets twenty
episodes, as a sync would store them (a user with 300 shows on air has about 20,000).
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, datetime, time, timedelta
from typing import Any

NETWORKS = ["Netflix", "HBO", "Apple TV+", "BBC One", "FX", "Prime Video", "Hulu", "AMC"]
TAGS = ["drama", "comedy", "marvel", "sci-fi", "crime", "anime", "docs"]
SEASONS_PER_SHOW = 5
#: The day the generated data is "as of"; the benchmark runs with --today set to it.
TODAY = date(2026, 11, 24)


def _window(rng: random.Random) -> dict[str, Any]:
    kind = rng.random()
    start = TODAY + timedelta(days=rng.randint(-400, 700))
    if kind < 0.35:  # an exact day
        day = start.isoformat()
        return {"phrase": day, "earliest": day, "latest": day}
    if kind < 0.65:  # a season or a quarter: about three months
        end = start + timedelta(days=rng.choice([89, 91, 92]))
        return {"phrase": "a season", "earliest": start.isoformat(), "latest": end.isoformat()}
    if kind < 0.80:  # a year
        first = date(start.year, 1, 1).isoformat()
        last = date(start.year, 12, 31).isoformat()
        return {"phrase": str(start.year), "earliest": first, "latest": last}
    if kind < 0.92:  # not before ...
        first = date(start.year, 1, 1).isoformat()
        return {"phrase": f"not before {start.year}", "earliest": first, "latest": None}
    return {"phrase": "TBA", "earliest": None, "latest": None}


def _release(rng: random.Random, show_id: str, season: int) -> dict[str, Any]:
    window = _window(rng)
    history = []
    recorded = TODAY - timedelta(days=rng.randint(30, 900))
    for step in range(rng.randint(1, 3)):
        entry_window = window if step else {"phrase": "TBA", "earliest": None, "latest": None}
        history.append(
            {
                "recorded_at": f"{recorded.isoformat()}T12:00:00+00:00",
                "as_of": recorded.isoformat(),
                "window": entry_window,
                "stage": "renewed" if not step else "announced",
                "source": rng.choice(["Variety", "Deadline", "The network"]),
                "url": None,
                "note": None,
            }
        )
        recorded += timedelta(days=rng.randint(1, 20))
    out = window["latest"] and window["latest"] < TODAY.isoformat() and rng.random() < 0.7
    return {
        "id": f"{show_id}/s{season}",
        "show_id": show_id,
        "season": season,
        "window": window,
        "region": "US",
        "stage": "released" if out else "announced",
        "release_date": window["latest"] if out else None,
        "sources": [{"name": history[-1]["source"], "url": None, "as_of": history[-1]["as_of"]}],
        "notes": None,
        "history": history,
    }


EPISODES_PER_SHOW = 20
ON_AIR_SHARE = 0.3  # of shows with episodes: a season on air, its episodes weekly around today


def _episodes(rng: random.Random, release: dict[str, Any], first: date, count: int) -> None:
    """Give `release` `count` weekly episodes from `first` at 21:00 New York time (an
    offset that follows the season's DST change, as a synced one does)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/New_York")
    episodes = []
    for number in range(1, count + 1):
        day = first + timedelta(weeks=number - 1)
        instant = datetime.combine(day, time(21, 0), tzinfo=zone).isoformat()
        move = {
            "recorded_at": f"{TODAY.isoformat()}T06:00:00+00:00",
            "as_of": TODAY.isoformat(),
            "air_date": day.isoformat(),
            "air_time": instant,
            "source": "TVmaze",
            "url": None,
        }
        episodes.append(
            {
                "number": number,
                "title": f"Chapter {number}",
                "air_date": day.isoformat(),
                "air_time": instant,
                "runtime": rng.choice([30, 45, 60]),
                "type": "regular",
                "tvmaze_id": rng.randint(1, 10**7),
                "source": "TVmaze",
                "history": [move],
            }
        )
    release["episodes"] = episodes


def with_episodes(document: dict[str, Any], seed: int = 2019) -> dict[str, Any]:
    """The same releases, each show with EPISODES_PER_SHOW episodes: ON_AIR_SHARE of
    the shows have their last season on air (some episodes aired, the rest weekly to
    come), the others have them in earlier seasons, all aired."""
    rng = random.Random(seed)
    by_show: dict[str, list[dict[str, Any]]] = {}
    for release in document["releases"]:
        by_show.setdefault(release["show_id"], []).append(release)
    for releases in by_show.values():
        last = releases[-1]
        if rng.random() < ON_AIR_SHARE:
            first = TODAY - timedelta(weeks=rng.randint(1, EPISODES_PER_SHOW - 2))
            _episodes(rng, last, first, EPISODES_PER_SHOW)
            day = first.isoformat()
            last["window"] = {"phrase": day, "earliest": day, "latest": day}
            last["stage"], last["release_date"] = "released", day
            continue
        per_season = EPISODES_PER_SHOW // max(len(releases) - 1, 1)
        for number, release in enumerate(releases[:-1]):
            first = TODAY - timedelta(days=365 * (len(releases) - number))
            _episodes(rng, release, first, per_season)
    return document


def generate(count: int, seed: int = 2017) -> dict[str, Any]:
    """An export document with `count` releases over count / 5 shows."""
    rng = random.Random(seed + count)
    shows: list[dict[str, Any]] = []
    releases: list[dict[str, Any]] = []
    for number in range((count + SEASONS_PER_SHOW - 1) // SEASONS_PER_SHOW):
        show_id = f"show-{number:06d}"
        shows.append(
            {
                "id": show_id,
                "title": f"Show {number:06d}",
                "aliases": [],
                "network": rng.choice(NETWORKS),
                "tags": rng.sample(TAGS, 2),
                "status": "returning",
                "notes": None,
            }
        )
        for season in range(1, SEASONS_PER_SHOW + 1):
            if len(releases) < count:
                releases.append(_release(rng, show_id, season))
    return {"showtrack_export": 1, "shows": shows, "releases": releases}


def listing_shape(export: dict[str, Any]) -> list[dict[str, Any]]:
    """The releases of an export as a JSON array in the listing shape (what scripts and
    other trackers produce): each names its show by title, with no show records."""
    titles = {show["id"]: show["title"] for show in export["shows"]}
    rows = []
    for release in export["releases"]:
        row = {k: v for k, v in release.items() if k not in ("id", "show_id", "history")}
        rows.append({"show": titles[release["show_id"]], **row})
    return rows


if __name__ == "__main__":
    # generate.py N [--episodes]: an export of N releases;
    # generate.py --listing-shape EXPORT: that export's releases in the listing shape.
    if sys.argv[1] == "--listing-shape":
        with open(sys.argv[2], encoding="utf-8") as export:
            json.dump(listing_shape(json.load(export)), sys.stdout)
    else:
        generated = generate(int(sys.argv[1]))
        if "--episodes" in sys.argv[2:]:
            generated = with_episodes(generated)
        json.dump(generated, sys.stdout)

"""Sonarr (v3 and v4) through its API: `GET /api/v3/series` with the `X-Api-Key` header.
The key is sent only there: never printed, logged or stored. A wrong key is Sonarr's
401, exit 5 with a clear line."""

from __future__ import annotations

from typing import Any

import msgspec

from showtrack.errors import NetworkError, UsageError
from showtrack.models import ImportedShow
from showtrack.sources.http import MAX_JSON, Fetcher
from showtrack.sources.trackers.bundle import clean_id
from showtrack.text import printable, shortened, web_address

NAME = "Sonarr"
KEY_ENV = "SONARR_API_KEY"


def read(address: str, api_key: str) -> list[ImportedShow]:
    """Every series Sonarr has, with its ids, network and state."""
    if not web_address(address):
        raise UsageError(
            f"{printable(shortened(address))!r} is not Sonarr's address",
            "e.g. http://localhost:8989",
        )
    if not api_key.strip():
        raise UsageError(
            "Sonarr needs its API key", f"give --api-key KEY, or set {KEY_ENV} (Settings > General)"
        )
    what = f"asking Sonarr at {printable(shortened(address))} for its series"
    with Fetcher(address) as client:
        answer = client.get(
            "/api/v3/series",
            what,
            headers={"X-Api-Key": api_key.strip()},
            accept="application/json",
            limit=MAX_JSON,
        )
    if answer.status_code == 401:
        raise NetworkError(f"{what}: Sonarr refused the API key", f"check it, or {KEY_ENV}")
    if answer.status_code != 200:
        raise NetworkError(f"{what}: answered {answer.status_code}")
    try:
        data = msgspec.json.decode(answer.content)
    except (msgspec.DecodeError, RecursionError):
        raise NetworkError(f"{what}: the answer is not JSON; is this Sonarr?") from None
    if not isinstance(data, list):
        raise NetworkError(f"{what}: the answer is not a list of series; is this Sonarr v3+?")
    return [show for show in (_series(item) for item in data) if show is not None]


def _series(item: Any) -> ImportedShow | None:
    if not isinstance(item, dict):
        return None
    title = " ".join(str(item.get("title") or "").split())
    if not title:
        return None
    ids = {
        key: value
        for key, value in (
            ("tvdb", clean_id(item.get("tvdbId"))),
            ("imdb", clean_id(item.get("imdbId"), "tt")),
            ("tvmaze", clean_id(item.get("tvMazeId"))),
            ("tmdb", clean_id(item.get("tmdbId"))),
        )
        if value
    }
    status = str(item.get("status") or "").lower()
    if status == "deleted":
        return None
    state = "followed"
    if item.get("monitored") is False:
        state = "unmonitored"
    elif status == "ended":
        state = "ended"
    network = item.get("network") if isinstance(item.get("network"), str) else None
    return ImportedShow(title[:300], ids, network, "show", state)

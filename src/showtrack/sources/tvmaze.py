"""TVmaze's API as typed records (spec/sync.md): search, lookup by another database's
id, a show with its seasons and episodes, and the times shows last changed.

The records are lenient: every field TVmaze has added or dropped over the years may be
missing or null, and what showtrack does not use is ignored. `report` turns a show into
showtrack's terms (models.ShowReport) for tracker/transfer.py to apply.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import msgspec

from showtrack.errors import AmbiguousNameError, NetworkError, NotFoundError, UsageError
from showtrack.models import Episode as StoredEpisode
from showtrack.models import SeasonReport, Show, ShowReport, TvmazeLink
from showtrack.sources.http import Fetcher
from showtrack.text import fold, printable, web_address

URL_ENV = "SHOWTRACK_TVMAZE_URL"
DEFAULT_URL = "https://api.tvmaze.com"

T = TypeVar("T")


def base_url() -> str:
    """The API to ask: $SHOWTRACK_TVMAZE_URL (a mirror, or a test server), else TVmaze.
    An address that is no http(s) address is a usage error (exit 2)."""
    url = os.environ.get(URL_ENV) or DEFAULT_URL
    if not web_address(url):
        raise UsageError(
            f"{URL_ENV} {printable(url[:80])!r} is not a web address",
            f"e.g. {DEFAULT_URL}, or unset it",
        )
    return url


def fetcher() -> Fetcher:
    """A client for TVmaze, staying under its 20 requests in 10 seconds."""
    return Fetcher(base_url(), per_window=20, window=10.0)


class Country(msgspec.Struct):
    name: str | None = None
    code: str | None = None
    timezone: str | None = None


class Channel(msgspec.Struct):
    """A network or a web channel."""

    name: str | None = None
    country: Country | None = None


class Externals(msgspec.Struct):
    imdb: str | None = None
    thetvdb: int | None = None


class Season(msgspec.Struct):
    number: int | None = None
    premiereDate: str | None = None  # TVmaze's name
    # endDate is left out: for the season on air it is a projection, not a fact.


class Episode(msgspec.Struct):
    id: int | None = None
    season: int | None = None
    number: int | None = None
    name: str | None = None
    airdate: str | None = None  # "" when undated
    airtime: str | None = None  # "" when the time is not known (streaming drops)
    airstamp: str | None = None  # null when undated; a placeholder noon UTC without a time
    runtime: int | None = None
    type: str | None = None


class Embedded(msgspec.Struct):
    seasons: list[Season] = msgspec.field(default_factory=list)
    episodes: list[Episode] = msgspec.field(default_factory=list)


class TvShow(msgspec.Struct):
    id: int
    name: str = ""
    url: str | None = None
    premiered: str | None = None
    status: str | None = None
    network: Channel | None = None
    webChannel: Channel | None = None  # TVmaze's name
    externals: Externals | None = None
    updated: int | None = None
    embedded: Embedded = msgspec.field(default_factory=Embedded, name="_embedded")

    @property
    def channel(self) -> Channel | None:
        """Where it airs: its network, else its web channel."""
        return self.network or self.webChannel

    def describe(self) -> str:
        """'Marvel's Jessica Jones (2015, Netflix)': enough to see a wrong match."""
        year = (self.premiered or "")[:4] or "year unknown"
        where = self.channel.name if self.channel and self.channel.name else "no network"
        return f"{self.name} ({year}, {where})"


class SearchHit(msgspec.Struct):
    show: TvShow
    score: float = 0.0


def _typed(data: Any, kind: type[T], what: str) -> T:
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as exc:
        raise NetworkError(
            f"{what}: TVmaze answered in a shape showtrack does not know ({exc})",
            "is SHOWTRACK_TVMAZE_URL a TVmaze API?",
        ) from None


def search(client: Fetcher, query: str) -> list[SearchHit]:
    """TVmaze's candidates for a title, best first (at most ten)."""
    if not query.strip():
        raise UsageError("a search needs a title", 'e.g. showtrack search "Jessica Jones"')
    found = client.get_json("/search/shows", {"q": query}, f"searching TVmaze for {query!r}")
    return _typed(found or [], list[SearchHit], f"searching TVmaze for {query!r}")


def show(client: Fetcher, tvmaze_id: int, label: str | None = None) -> TvShow | None:
    """A show with its seasons and episodes; None when TVmaze has no such id."""
    what = f"fetching {label or f'TVmaze show {tvmaze_id}'}"
    found = client.get_json(f"/shows/{tvmaze_id}", {"embed[]": ["seasons", "episodes"]}, what)
    return None if found is None else _typed(found, TvShow, what)


def lookup(client: Fetcher, database: str, external_id: str) -> TvShow | None:
    """The show another database (imdb, thetvdb) knows by `external_id`; TVmaze answers
    with a redirect to the show, or 404."""
    what = f"looking up {database} {external_id} on TVmaze"
    found = client.get_json("/lookup/shows", {database: external_id}, what)
    return None if found is None else _typed(found, TvShow, what)


def updates(client: Fetcher, since: str) -> dict[int, int]:
    """When each show last changed (a unix time), for shows changed within `since`
    (day, week or month)."""
    what = "asking TVmaze which shows changed"
    found = client.get_json("/updates/shows", {"since": since}, what)
    return {int(k): v for k, v in _typed(found or {}, dict[str, int], what).items()}


def _instant(episode: Episode) -> str | None:
    """The episode's air instant, when TVmaze knows the time: an airstamp with an empty
    airtime is a placeholder at noon UTC for a day with no time."""
    if not episode.airstamp or not episode.airtime:
        return None
    try:
        return datetime.fromisoformat(episode.airstamp).isoformat()
    except ValueError:
        return None


def _running_order(episode: Episode) -> tuple[int, str]:
    """Episodes by number, unnumbered ones last; then by day, undated ones last."""
    return (
        episode.number if episode.number is not None else 10**6,
        episode.airdate or "~",  # after every YYYY-MM-DD
    )


def _first_episodes(episodes: list[Episode]) -> dict[int, Episode]:
    """Each season's first regular episode (the lowest number, else the earliest day)."""
    seasons: dict[int, list[Episode]] = {}
    for episode in episodes:
        if episode.season is not None and (episode.type or "regular") == "regular":
            seasons.setdefault(episode.season, []).append(episode)
    return {number: min(found, key=_running_order) for number, found in seasons.items()}


def _air_date(text: str | None) -> str | None:
    """TVmaze's airdate when it is a day ("" when undated; anything else is ignored)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _episodes(episodes: list[Episode]) -> dict[int, list[StoredEpisode]]:
    """Each season's episodes as showtrack stores them: a day TVmaze has, an instant only
    when it has a real time (a streaming drop's noon-UTC placeholder is not one), its
    specials (significant or not) as `special`."""
    seasons: dict[int, list[StoredEpisode]] = {}
    for e in episodes:
        if e.season is None:
            continue
        day = _air_date(e.airdate)
        seasons.setdefault(e.season, []).append(
            StoredEpisode(
                number=e.number,
                title=e.name or None,
                air_date=day,
                air_time=_instant(e) if day else None,
                runtime=e.runtime,
                type="regular" if (e.type or "regular") == "regular" else "special",
                tvmaze_id=e.id,
            )
        )
    return seasons


def report(tv: TvShow, today: str) -> ShowReport:
    """What TVmaze says of a show, as showtrack records it: for each numbered season its
    premiere day, its first episode's instant when the time is known, and the day that
    episode aired once it has (`today` decides)."""
    first = _first_episodes(tv.embedded.episodes)
    episodes = _episodes(tv.embedded.episodes)
    seasons = []
    for season in tv.embedded.seasons:
        if season.number is None:
            continue
        episode = first.get(season.number)
        # The first episode's day, else the season's premiere: the same day, when known.
        day = (episode.airdate if episode and episode.airdate else None) or season.premiereDate
        seasons.append(
            SeasonReport(
                number=season.number,
                premiere=season.premiereDate or day,
                air_time=_instant(episode) if episode else None,
                first_aired=day if day is not None and day <= today else None,
                episodes=tuple(episodes.get(season.number, ())),
            )
        )
    channel = tv.channel
    externals = tv.externals or Externals()
    return ShowReport(
        link=TvmazeLink(
            id=tv.id,
            url=tv.url,
            imdb=externals.imdb,
            thetvdb=externals.thetvdb,
            updated=tv.updated,
            synced_on=today,
        ),
        name=tv.name,
        premiered=tv.premiered,
        network=channel.name if channel else None,
        zone=channel.country.timezone if channel and channel.country else None,
        status=tv.status,
        seasons=tuple(seasons),
    )


def _plain(name: str) -> str:
    """A title for comparing: folded, without a leading owner ("Marvel's") or "The"."""
    folded = fold(name)
    folded = re.sub(r"^[\w.&-]+'s ", "", folded)
    return re.sub(r"^the ", "", folded)


CLEARLY_BETTER = 1.5  # how much a best match must outscore the next to be taken alone


def best_match(hits: list[SearchHit], title: str) -> TvShow:
    """The TVmaze show a title means: the one whose name is the title (ignoring case,
    accents, an owner such as "Marvel's", and "The"), else the top result when it
    clearly outscores the next. Anything less clear is refused (exit 3) with the
    candidates, so that a wrong link is never made silently."""
    same = [h.show for h in hits if _plain(h.show.name) == _plain(title)]
    if len(same) == 1:
        return same[0]
    candidates = same or [h.show for h in hits]
    if not same and hits and (len(hits) == 1 or hits[0].score >= CLEARLY_BETTER * hits[1].score):
        return hits[0].show
    if not candidates:
        raise NotFoundError(
            f"TVmaze knows no show called {title!r}",
            "try `showtrack search` with another title, or link with --tvmaze ID",
        )
    listed = "; ".join(f"{s.id}: {s.describe()}" for s in candidates[:5])
    raise AmbiguousNameError(
        f"{title!r} could be more than one TVmaze show: {listed}",
        "pick one: showtrack link SHOW --tvmaze ID",
    )


def find(
    title: str, tvmaze_id: int | None = None, imdb: str | None = None, thetvdb: str | None = None
) -> TvShow:
    """The TVmaze show meant: by its id, another database's id, or the best match for
    the title (exit 3 when that is unclear)."""
    if sum(x is not None for x in (tvmaze_id, imdb, thetvdb)) > 1:
        raise UsageError("give one of --tvmaze, --imdb and --thetvdb")
    with fetcher() as client:
        if tvmaze_id is not None:
            found = show(client, tvmaze_id)
        elif imdb is not None:
            found = lookup(client, "imdb", imdb)
        elif thetvdb is not None:
            found = lookup(client, "thetvdb", thetvdb)
        else:
            return best_match(search(client, title), title)
    if found is None:
        raise NotFoundError("TVmaze has no such show", "find its id with `showtrack search`")
    return found


def link_of(tv: TvShow) -> TvmazeLink:
    """The link to keep for a TVmaze show: its id, page and other ids; not synced yet."""
    externals = tv.externals or Externals()
    return TvmazeLink(id=tv.id, url=tv.url, imdb=externals.imdb, thetvdb=externals.thetvdb)


def search_row(hit: SearchHit) -> dict[str, Any]:
    """A candidate as `search` lists it."""
    tv, channel = hit.show, hit.show.channel
    return {
        "tvmaze_id": tv.id,
        "name": tv.name,
        "premiered": tv.premiered,
        "network": channel.name if channel else None,
        "country": channel.country.code if channel and channel.country else None,
        "status": tv.status,
        "url": tv.url,
    }


class Fetched(msgspec.Struct):
    """What one sync got from TVmaze: a report per fetched show (by showtrack id), the
    failure that stopped it, and whether every changed show was fetched."""

    reports: list[tuple[str, ShowReport]]
    failure: NetworkError | None
    complete: bool
    requests: int


def fetch_changed(targets: Sequence[Show], since: str | None, today: str) -> Fetched:
    """Ask TVmaze which shows changed `since` (day, week, month; None: fetch them all),
    then fetch each linked show that changed after what its last sync saw. Stops at the
    first failure, keeping what was fetched before it."""
    reports: list[tuple[str, ShowReport]] = []
    with fetcher() as client:
        try:
            changed = updates(client, since) if since else None
            for target in targets:
                link = target.tvmaze
                if link is None or (
                    changed is not None
                    and link.updated is not None
                    and changed.get(link.id, 0) <= link.updated
                ):
                    continue
                found = show(client, link.id, target.title)
                if found is None:
                    raise NetworkError(f"TVmaze has no show {link.id} (linked to {target.title})")
                reports.append((target.id, report(found, today)))
        except NetworkError as exc:
            return Fetched(reports, exc, False, client.requests)
        return Fetched(reports, None, True, client.requests)

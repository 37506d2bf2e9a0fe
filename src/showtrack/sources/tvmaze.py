"""TVmaze's API as typed records (spec/sync.md): search, lookup by another database's
id, a show with its seasons and episodes, and the times shows last changed.

The records are lenient: every field TVmaze has added or dropped over the years may be
missing or null, and what showtrack does not use is ignored. `report` turns a show into
showtrack's terms (models.ShowReport) for tracker/transfer.py to apply.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any, TypeVar

import msgspec

from showtrack.errors import (
    AmbiguousNameError,
    NetworkError,
    NotFoundError,
    UnreadableAnswerError,
    UsageError,
)
from showtrack.models import Episode as StoredEpisode
from showtrack.models import ImportedShow, SeasonReport, Show, ShowReport, TvmazeLink
from showtrack.sources.http import Fetcher
from showtrack.text import fold, printable, web_address
from showtrack.windows.regions import zone_named
from showtrack.windows.window import FIRST_DAY, LAST_DAY

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
    id: Annotated[int, msgspec.Meta(ge=1, le=2**40)]
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
        raise UnreadableAnswerError(
            f"{what}: TVmaze answered in a shape showtrack does not know ({exc})",
            "is SHOWTRACK_TVMAZE_URL a TVmaze API?",
        ) from None


MAX_HITS = 10


def search(client: Fetcher, query: str) -> list[SearchHit]:
    """TVmaze's candidates for a title, best first (at most ten)."""
    if not query.strip():
        raise UsageError("a search needs a title", 'e.g. showtrack search "Jessica Jones"')
    found = client.get_json("/search/shows", {"q": query}, f"searching TVmaze for {query!r}")
    hits = _typed(found or [], list[SearchHit], f"searching TVmaze for {query!r}")
    # TVmaze sends at most ten, best first; another server is held to the same.
    return sorted(hits, key=lambda h: -h.score)[:MAX_HITS]


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
    (day, week or month). Keys that are no show id and times out of range are left out."""
    what = "asking TVmaze which shows changed"
    found = client.get_json("/updates/shows", {"since": since}, what)
    return {
        int(k): v
        for k, v in _typed(found or {}, dict[str, Any], what).items()
        if re.fullmatch(r"[0-9]{1,10}", k) and _count(v, 0, 2**40) is not None
    }


# ----------------------------------------------------------------------------- the edge
# What TVmaze says is checked here, before it reaches the database: days in the years
# showtrack keeps, instants with a real offset, zones of the zone database, numbers of
# sane size, text of sane length. What fails is left out (a season, an episode, a day),
# never stored to make a later listing fail.

_MAX_NUMBER = 100_000  # a season, an episode, a runtime in minutes
_MAX_TEXT = 500  # characters of a name


def _count(value: Any, low: int = 0, high: int = _MAX_NUMBER) -> int | None:
    """A whole number in [low, high], else None."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None
    return value


def _day(text: str | None) -> str | None:
    """A YYYY-MM-DD day showtrack keeps ("2017-13-45", "0000-00-00", "9999-12-31" are
    none)."""
    if not text or not isinstance(text, str) or len(text) != 10:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day.isoformat() if FIRST_DAY <= day <= LAST_DAY else None


def _name(text: str | None) -> str | None:
    """A name, cut to a sane length."""
    if not text or not isinstance(text, str):
        return None
    return text[:_MAX_TEXT]


def _instant(episode: Episode) -> str | None:
    """The episode's air instant, when TVmaze knows the time: an airstamp with an empty
    airtime is a placeholder at noon UTC for a day with no time. An instant with no
    offset, an offset past 14 hours or a day showtrack does not keep is none."""
    if not episode.airstamp or not episode.airtime or len(episode.airstamp) > 40:
        return None
    try:
        instant = datetime.fromisoformat(episode.airstamp)
    except ValueError:
        return None
    offset = instant.utcoffset()
    if offset is None or abs(offset) > timedelta(hours=14):
        return None
    if not FIRST_DAY <= instant.date() <= LAST_DAY:
        return None
    try:
        instant.astimezone(timezone.utc)
    except OverflowError:
        return None
    return instant.isoformat()


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
    return _day(text)


def _episodes(episodes: list[Episode]) -> dict[int, list[StoredEpisode]]:
    """Each season's episodes as showtrack stores them: a day TVmaze has, an instant only
    when it has a real time (a streaming drop's noon-UTC placeholder is not one), its
    specials (significant or not) as `special`."""
    seasons: dict[int, list[StoredEpisode]] = {}
    for e in episodes:
        season = _count(e.season)
        if season is None:
            continue
        day = _air_date(e.airdate)
        seasons.setdefault(season, []).append(
            StoredEpisode(
                number=_count(e.number),
                title=_name(e.name),
                air_date=day,
                air_time=_instant(e) if day else None,
                runtime=_count(e.runtime),
                type="regular" if (e.type or "regular") == "regular" else "special",
                tvmaze_id=_count(e.id, 1, 2**40),
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
    numbers: set[int] = set()
    for season in tv.embedded.seasons:
        number = _count(season.number)
        if number is None or number in numbers:
            continue  # no number, or a number given twice: the first one counts
        numbers.add(number)
        episode = first.get(number)
        premiere = _day(season.premiereDate)
        # The first episode's day, else the season's premiere: the same day, when known.
        day = (_day(episode.airdate) if episode else None) or premiere
        seasons.append(
            SeasonReport(
                number=number,
                premiere=premiere or day,
                air_time=_instant(episode) if episode and day else None,
                first_aired=day if day is not None and day <= today else None,
                episodes=tuple(episodes.get(number, ())),
            )
        )
    channel = tv.channel
    externals = tv.externals or Externals()
    zone = channel.country.timezone if channel and channel.country else None
    return ShowReport(
        link=TvmazeLink(
            id=tv.id,
            url=tv.url if tv.url and web_address(tv.url) else None,
            imdb=_name(externals.imdb),
            thetvdb=_count(externals.thetvdb, 1, 2**40),
            updated=_count(tv.updated, 0, 2**40),
            synced_on=today,
        ),
        name=_name(tv.name) or f"TVmaze show {tv.id}",
        premiered=_day(tv.premiered),
        network=_name(channel.name) if channel else None,
        zone=zone if zone_named(zone) is not None else None,
        status=_name(tv.status),
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
    if (
        not same
        and hits
        and (len(hits) == 1 or 0 < hits[0].score >= CLEARLY_BETTER * hits[1].score)
    ):
        return hits[0].show  # (two scores of 0 are no clear best: refused below)
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
    title: str,
    tvmaze_id: int | None = None,
    imdb: str | None = None,
    thetvdb: str | None = None,
    known: dict[str, str] | None = None,
) -> TvShow:
    """The TVmaze show meant: by its id, another database's id, the ids the show keeps
    from an import (`known`), or the best match for the title (exit 3 when unclear)."""
    if sum(x is not None for x in (tvmaze_id, imdb, thetvdb)) > 1:
        raise UsageError("give one of --tvmaze, --imdb and --thetvdb")
    with fetcher() as client:
        if tvmaze_id is None and imdb is None and thetvdb is None and known:
            linked = _link_one(client, ImportedShow(title, known))[0]
            by_id = show(client, linked.id, title) if linked is not None else None
            if by_id is not None:
                return by_id
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
    """The link to keep for a TVmaze show: its id, page and other ids (checked as a sync
    checks them); not synced yet."""
    externals = tv.externals or Externals()
    return TvmazeLink(
        id=tv.id,
        url=tv.url if tv.url and web_address(tv.url) else None,
        imdb=_name(externals.imdb),
        thetvdb=_count(externals.thetvdb, 1, 2**40),
    )


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
    failure that stopped it, what was skipped as unreadable, and whether every changed
    show was fetched."""

    reports: list[tuple[str, ShowReport]]
    failure: NetworkError | None
    complete: bool
    answered: int  # requests TVmaze answered
    skipped: list[UnreadableAnswerError] = msgspec.field(default_factory=list)


def fetch_changed(targets: Sequence[Show], since: str | None, today: str) -> Fetched:
    """Ask TVmaze which shows changed `since` (day, week, month; None: fetch them all),
    then fetch each linked show that changed after what its last sync saw. A show TVmaze
    answers unreadably is skipped; any other failure stops the sync, keeping what was
    fetched before it."""
    reports: list[tuple[str, ShowReport]] = []
    skipped: list[UnreadableAnswerError] = []
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
                try:
                    found = show(client, link.id, target.title)
                except UnreadableAnswerError as exc:
                    skipped.append(exc)
                    continue
                if found is None:
                    raise NetworkError(f"TVmaze has no show {link.id} (linked to {target.title})")
                reports.append((target.id, report(found, today)))
        except NetworkError as exc:
            return Fetched(reports, exc, False, client.answered, skipped)
        return Fetched(reports, None, not skipped, client.answered, skipped)


def link_imported(
    shows: Sequence[ImportedShow], progress: Callable[[int, int], None] | None = None
) -> list[tuple[TvmazeLink | None, str | None]]:
    """The TVmaze show of each show of another tracker's export, and how it was found: by
    the TVmaze id it carries ("id"), by its TVDB id ("tvdb": /lookup/shows, a redirect to
    the show is a match, a 404 is "not on TVmaze"), its IMDb id ("imdb"), else by title
    as `link` finds one ("title"); (None, None) when TVmaze has none. Movies and shows
    that will be left out are not looked up. At TVmaze's pace, one connection."""
    found: list[tuple[TvmazeLink | None, str | None]] = []
    with fetcher() as client:
        for done, show in enumerate(shows, 1):
            found.append(_link_one(client, show))
            if progress is not None:
                progress(done, len(shows))
    return found


def _link_one(client: Fetcher, show: ImportedShow) -> tuple[TvmazeLink | None, str | None]:
    if show.kind != "show":
        return None, None
    known = show.ids.get("tvmaze")
    if known and known.isdigit() and 0 < int(known) < 2**40:
        return TvmazeLink(id=int(known), thetvdb=_int_id(show.ids.get("tvdb"))), "id"
    for database, key in (("thetvdb", "tvdb"), ("imdb", "imdb")):
        external = show.ids.get(key)
        if external and re.fullmatch(r"(tt)?[0-9]{1,12}", external):
            tv = lookup(client, database, external)
            if tv is not None:
                return link_of(tv), key
    try:
        return link_of(best_match(search(client, show.title), show.title)), "title"
    except (AmbiguousNameError, NotFoundError, UsageError):
        return None, None


def _int_id(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 12 else None

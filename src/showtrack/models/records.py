"""The records showtrack keeps, typed: shows, releases, their windows, links, sources,
history and episodes, and what a source reports of a show.

Records are msgspec Structs: the database is decoded straight into them, they encode
back to the same JSON, and they cost nothing to define at start-up (a dataclass compiles
generated code when its module is imported). `to_dict`/`from_dict` convert to and from
the plain dicts of exports and imports; a value of the wrong type is a
`msgspec.ValidationError` naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from showtrack.errors import UsageError
from showtrack.text import slugify

if TYPE_CHECKING:
    from showtrack.windows.window import Window

SHOW_STATUSES = ("returning", "renewed", "in-production", "ended", "cancelled")
STAGES = (
    "rumored",
    "announced",
    "renewed",
    "filming",
    "post-production",
    "dated",
    "released",
    "cancelled",
)

R = TypeVar("R", bound=msgspec.Struct)


def check_choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    """`value` if it is one of `choices` (or None); a usage error naming `what` otherwise."""
    if value is None:
        return None
    if value not in choices:
        raise UsageError(f"{what} {value!r} is not one of: {', '.join(choices)}")
    return value


def from_plain(cls: type[R], data: Mapping[str, Any]) -> R:
    """A record from a plain dict: a null value means "not given" (its default), a value
    of the wrong type raises msgspec.ValidationError naming the field."""
    return msgspec.convert({k: v for k, v in data.items() if v is not None}, cls)


def to_plain(record: msgspec.Struct) -> dict[str, Any]:
    """A record as the plain dict that is stored and exported."""
    plain: dict[str, Any] = msgspec.to_builtins(record)
    return plain


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def release_slug(season: int | None, name: str | None = None) -> str:
    """The part of a release id after the show: `s2`, or a slug for a special or film."""
    if season is not None:
        return f"s{season}"
    return slugify(name or "special")


def parse_season(text: str) -> int | None:
    """A season number from `2`, `S2`, `s02`, `season 2`; None when it is not one."""
    m = re.fullmatch(r"\s*(?:s|season\s*)?0*(\d{1,3})\s*", text, re.IGNORECASE)
    return int(m[1]) if m else None


# What a user meant as a number, if it is not one: "-1", "2.5", "1e3", "S-1", "100000".
_NUMBER_LIKE = re.compile(r"\s*(?:s|season)?\s*[-+.\d][-+.,\deE]*\s*", re.IGNORECASE)


def check_season(text: str) -> int | None:
    """A season as a user names it: a number from 1 to 999 (`2`, `S2`, `season 2`), or a
    special's name with a letter in it (None: a name). Anything else, which would make a
    release no command finds again, is a usage error (exit 2)."""
    number = parse_season(text)
    if number is not None and number >= 1:
        return number
    if not any(c.isalpha() for c in text) or _NUMBER_LIKE.fullmatch(text):
        raise UsageError(
            f"{text!r} is not a season",
            "a season is a number from 1 to 999 (2, S2), or a special's name (a word)",
        )
    return None


class WindowRecord(msgspec.Struct, frozen=True):
    """A window as stored: its phrase and bounds (YYYY-MM-DD or None) and EDTF name,
    computed once when it was read, so that listing it needs no parser."""

    phrase: str | None = None
    earliest: str | None = None
    latest: str | None = None
    edtf: str | None = None

    @classmethod
    def of(cls, window: Window) -> WindowRecord:
        """The stored form of a parsed window."""
        return cls(**window.to_dict())

    @property
    def earliest_day(self) -> date | None:
        """The earliest day, as a date."""
        return _day(self.earliest)

    @property
    def latest_day(self) -> date | None:
        """The latest day, as a date."""
        return _day(self.latest)

    @property
    def is_exact(self) -> bool:
        """True when the window is one known day."""
        return self.earliest is not None and self.earliest == self.latest

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of spec/cli.md."""
        return to_plain(self)


class Link(msgspec.Struct, frozen=True):
    """An `after` constraint: the release waits on `release` (plus `lag`, e.g. 6mo)."""

    release: str
    lag: str | None = None


class Source(msgspec.Struct):
    """Where a piece of news came from."""

    name: str = ""
    url: str | None = None
    as_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored and exported."""
        return to_plain(self)


class HistoryEntry(msgspec.Struct):
    """One recorded state of a release's window and stage (spec/cli.md's history rows)."""

    recorded_at: str = ""
    as_of: str | None = None
    window: WindowRecord = WindowRecord()
    stage: str | None = None
    source: str | None = None
    url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored and exported."""
        return to_plain(self)


class HistoryMark(msgspec.Struct):
    """What a calendar needs of a history entry: when it was recorded and reported, and
    the window's bounds (decoded alone, the rest of each entry is skipped)."""

    recorded_at: str = ""
    as_of: str | None = None
    window: WindowRecord = WindowRecord()


EPISODE_TYPES = ("regular", "special")


class EpisodeMove(msgspec.Struct):
    """One recorded air day (and instant) of an episode: its history, as a release's."""

    recorded_at: str = ""
    as_of: str | None = None
    air_date: str | None = None
    air_time: str | None = None
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored and as `history` prints it."""
        return to_plain(self)


class EpisodeFields(msgspec.Struct):
    """One episode of a season as a listing needs it: its number (None for an unnumbered
    special), title, air day, air instant (ISO 8601 with offset, when the time is known),
    runtime in minutes, type, TVmaze id, and the source of its current date. (Decoded
    alone, a stored episode's history is skipped: see ReleaseFields.listed_episodes.)"""

    number: int | None = None
    title: str | None = None
    air_date: str | None = None
    air_time: str | None = None
    runtime: int | None = None
    type: str = "regular"
    tvmaze_id: int | None = None
    source: str | None = None

    def id_in(self, release_id: str) -> str:
        """Its id: `the-flash/s6e15`; an unnumbered special `the-flash/s6-special-1234`
        (by its TVmaze id, which does not change when others are added)."""
        if self.number is not None:
            return f"{release_id}e{self.number}"
        return f"{release_id}-special-{self.tvmaze_id or 0}"

    @property
    def air_day(self) -> date | None:
        """The air day, as a date."""
        return _day(self.air_date)

    def running_order(self) -> tuple[int, str]:
        """By number, unnumbered ones by their day after them; undated last."""
        return (self.number if self.number is not None else 10**6, self.air_date or "~")


class Episode(EpisodeFields):
    """One episode of a season, as stored: its fields, and how its date moved."""

    history: list[EpisodeMove] = msgspec.field(default_factory=list)


def episodes_last_day(episodes: Iterable[Episode]) -> str | None:
    """The last air day of a season's episodes: stored beside them, so that a listing
    knows without decoding them whether the season still has episodes to come."""
    days = [e.air_date for e in episodes if e.air_date]
    return max(days) if days else None


class TvmazeLink(msgspec.Struct):
    """A show's link to TVmaze: its id there, its page (credited wherever its data is
    shown), other databases' ids, and what the last sync saw (TVmaze's `updated` time
    and the day of the sync)."""

    id: int
    url: str | None = None
    imdb: str | None = None
    thetvdb: int | None = None
    updated: int | None = None
    synced_on: str | None = None


class Show(msgspec.Struct):
    """A tracked show."""

    id: str
    title: str
    aliases: list[str] = msgspec.field(default_factory=list)
    network: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    status: str | None = None
    notes: str | None = None
    #: The IANA zone of the network's country (from TVmaze), for air times.
    zone: str | None = None
    tvmaze: TvmazeLink | None = None
    #: Its ids in other databases (tvdb, imdb, tmdb, trakt, tvmaze, simkl), as an
    #: import from another tracker brought them: `link` looks it up by them.
    ids: dict[str, str] = msgspec.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """As stored; a show with no ids of other databases has none of the key, so that
        the files of those who import from nowhere stay as they were."""
        plain = to_plain(self)
        if not self.ids:
            del plain["ids"]
        return plain

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Show:
        """From a stored or imported dict; an id is made from the title when missing."""
        title = data.get("title") or data.get("id")
        if isinstance(title, str):
            data = {"id": slugify(title), **{k: v for k, v in data.items() if v}, "title": title}
        return from_plain(cls, data)


class ShowName(msgspec.Struct):
    """What naming a show needs of it (tracker/names.py): decoded alone, finding one
    show among thousands does not decode them all."""

    id: str
    title: str
    aliases: list[str] = msgspec.field(default_factory=list)


class ReleaseFields(msgspec.Struct, kw_only=True):
    """What every stored shape of a release has: all but its sources and history."""

    id: str
    show_id: str
    season: int | None = None
    name: str | None = None
    window: WindowRecord = WindowRecord()
    air_time: str | None = None
    region: str | None = None
    platform: str | None = None
    stage: str | None = None
    after: list[Link] = msgspec.field(default_factory=list)
    notes: str | None = None
    release_date: str | None = None
    remind: str | None = None
    #: The latest as_of of its history; lets a listing skip the history (see known_since).
    known_since: str | None = None
    #: The last air day of its episodes, and how many have no day yet: a listing decodes
    #: the episodes only of a season that still has some to come (see episodes_last_day).
    episodes_last_day: str | None = None
    episodes_undated: int = 0

    @property
    def earliest(self) -> date | None:
        """The window's own earliest day."""
        return self.window.earliest_day

    @property
    def latest(self) -> date | None:
        """The window's own latest day."""
        return self.window.latest_day

    @property
    def released_on(self) -> date | None:
        """The release date, once out."""
        return _day(self.release_date)

    @property
    def last_episode_day(self) -> date | None:
        """The air day of its last dated episode, when its episodes are known."""
        return _day(self.episodes_last_day)

    @property
    def slug(self) -> str:
        """The part of its id after the show's, as a user names it: `s2`, or a special's
        `christmas-special`."""
        return self.id.partition("/")[2]

    def label(self, show_title: str) -> str:
        """How people name it: 'Jessica Jones S2'."""
        if self.season is not None:
            return f"{show_title} S{self.season}"
        return f"{show_title}: {self.name or self.slug}"

    # What a release has beyond its fields is read through these, never through the
    # attributes: a Release holds it decoded, a listing's fast read (store/records.py)
    # keeps it as undecoded JSON until a row that is shown asks for it.

    def last_reported(self) -> str | None:
        """The latest day its history reports on (see `known_since`)."""
        raise NotImplementedError

    def decoded_sources(self) -> list[Source]:
        """Its sources."""
        raise NotImplementedError

    def decoded_history(self) -> list[HistoryEntry]:
        """Its history."""
        raise NotImplementedError

    def decoded_marks(self) -> Sequence[HistoryEntry | HistoryMark]:
        """Its history, at least as far as a calendar needs it (HistoryMark)."""
        raise NotImplementedError

    def decoded_episodes(self) -> list[Episode]:
        """Its episodes, each with its history."""
        raise NotImplementedError

    def listed_episodes(self) -> Sequence[EpisodeFields]:
        """Its episodes, at least as far as a listing shows them (EpisodeFields)."""
        raise NotImplementedError

    def to_release(self, *, with_history: bool = True, with_episodes: bool = True) -> Release:
        """The whole release; its history and episodes may be left out when not needed
        (a listing shows neither)."""
        raise NotImplementedError


class Release(ReleaseFields, kw_only=True):
    """One season, special or film of a show, with what is known of its date."""

    sources: list[Source] = msgspec.field(default_factory=list)
    history: list[HistoryEntry] = msgspec.field(default_factory=list)
    episodes: list[Episode] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """As stored and exported, with `known_since` and the episodes' summary worked
        out from the history and the episodes (the release itself is left as it is); a
        release without episodes has none of their keys."""
        plain = to_plain(self)
        plain["known_since"] = known_since(self.history)
        if not self.episodes:
            # Most releases have none: left out, the file (and every listing's read of it)
            # stays as small as before episodes were kept.
            for key in ("episodes", "episodes_last_day", "episodes_undated"):
                del plain[key]
        else:
            plain["episodes_last_day"] = episodes_last_day(self.episodes)
            plain["episodes_undated"] = sum(1 for e in self.episodes if not e.air_date)
        return plain

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Release:
        """From a stored or imported dict."""
        return from_plain(cls, data)

    def last_reported(self) -> str | None:
        """The latest day its history reports on, from the history itself (the stored
        `known_since` is brought up to date only when the release is written)."""
        return known_since(self.history)

    def decoded_sources(self) -> list[Source]:
        """Its sources."""
        return self.sources

    def decoded_history(self) -> list[HistoryEntry]:
        """Its history."""
        return self.history

    def decoded_marks(self) -> Sequence[HistoryEntry | HistoryMark]:
        """Its history."""
        return self.history

    def decoded_episodes(self) -> list[Episode]:
        """Its episodes."""
        return self.episodes

    def listed_episodes(self) -> Sequence[EpisodeFields]:
        """Its episodes."""
        return self.episodes

    def to_release(self, *, with_history: bool = True, with_episodes: bool = True) -> Release:
        """Itself: it is whole already."""
        return self


class SeasonReport(msgspec.Struct, frozen=True):
    """What a source says of one season: its premiere day, the instant its first episode
    airs (when the time is known), the day that episode aired (once it has), and its
    episodes."""

    number: int
    premiere: str | None = None
    air_time: str | None = None
    first_aired: str | None = None
    episodes: tuple[Episode, ...] = ()


class ShowReport(msgspec.Struct, frozen=True):
    """What a source says of one show, in showtrack's terms, for tracker/transfer.py."""

    link: TvmazeLink
    name: str
    premiered: str | None = None
    network: str | None = None
    zone: str | None = None
    status: str | None = None
    seasons: tuple[SeasonReport, ...] = ()


def history_order(entry: HistoryEntry) -> tuple[str, str]:
    """Where an entry stands in a release's history (spec/cli.md): by the day it was
    reported (as_of, else the day it was recorded), then by when it was recorded. The
    last entry is the current window."""
    return entry.as_of or entry.recorded_at[:10], entry.recorded_at


def known_since(history: Iterable[HistoryEntry]) -> str | None:
    """The last day a history reports on (its latest as_of). Stored beside the history so
    that a listing on a later day knows, without reading the history, that the release
    as stored is the release as known that day."""
    days = [h.as_of for h in history if h.as_of]
    return max(days) if days else None


#: What an import from another tracker may leave out unless asked (`--include`).
LEFT_OUT_STATES = ("archived", "stopped", "ended", "dropped", "unmonitored")


class ImportedShow(msgspec.Struct, frozen=True):
    """A show as another tracker's export lists it (spec/import-trackers.md): its title,
    its ids in other databases, its network where given, whether it is a show or a movie,
    and its state there (followed, or one of LEFT_OUT_STATES)."""

    title: str
    ids: dict[str, str] = msgspec.field(default_factory=dict)
    network: str | None = None
    kind: str = "show"  # show or movie
    state: str = "followed"

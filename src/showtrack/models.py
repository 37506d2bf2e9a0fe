"""The records showtrack keeps, typed: shows, releases, their windows, links, sources and
history; and the views that writers print (ReleaseView).

Records are msgspec Structs: the database is decoded straight into them, they encode
back to the same JSON, and they cost nothing to define at start-up (a dataclass compiles
generated code when its module is imported). `to_dict`/`from_dict` convert to and from
the plain dicts of exports and imports; a value of the wrong type is a
`msgspec.ValidationError` naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import msgspec

from showtrack.errors import DatabaseError, UsageError
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


# --------------------------------------------------------------------------- stored values
# What a stored record may hold beyond its type: the days and instants every reader parses.
# The store checks a record with these when it decodes it, `db check` reports them, and
# a write refuses a file that fails them, so that no value a command later parses can make
# it fail (spec/cli.md: a damaged file is exit 4, never an internal error).


#: Days found good: a listing of 100,000 releases checks 300,000 days, most of them the
#: same few thousand (a set lookup, not a parse, for each).
_GOOD_DAYS: set[str] = set()


def _day_problem(text: str | None, what: str) -> str | None:
    """Why `text` is no day showtrack keeps (None when it is one, or absent)."""
    if text is None or text in _GOOD_DAYS:
        return None
    from showtrack.windows.window import KEPT_YEARS, kept

    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return f"{what} {text[:40]!r} is not a date"
    if not kept(day):
        return f"{what} {text!r} is a date outside the years {KEPT_YEARS}"
    _GOOD_DAYS.add(text)
    return None


def _instant_problem(text: str | None, what: str) -> str | None:
    """Why `text` is no instant showtrack keeps: ISO 8601 with an offset, on a kept day."""
    if not text:  # "" is how an old history entry says "not recorded"
        return None
    try:
        instant = datetime.fromisoformat(text) if len(text) <= 40 else None
    except ValueError:
        instant = None
    if instant is None or instant.utcoffset() is None:
        return f"{what} {text[:40]!r} is not a time with an offset"
    if _day_problem(instant.date().isoformat(), what) is not None:
        from showtrack.windows.window import KEPT_YEARS

        return f"{what} {text!r} is a time outside the years {KEPT_YEARS}"
    return None


def release_problem(release: ReleaseFields) -> str | None:
    """What in a release's own fields (not its history or episodes) no command can read:
    its window's days, its release date and its air time, which commands parse. (Its
    summaries, known_since and episodes_last_day, are only compared as text.)"""
    window, good = release.window, _GOOD_DAYS
    earliest, latest, released = window.earliest, window.latest, release.release_date
    if (
        (earliest is None or earliest in good)
        and (latest is None or latest in good)
        and (released is None or released in good)
        and not release.air_time
    ):
        return None
    return (
        _day_problem(earliest, "its earliest day")
        or _day_problem(latest, "its latest day")
        or _day_problem(released, "its release date")
        or _instant_problem(release.air_time, "its air time")
    )


def first_release_problem(releases: Iterable[ReleaseFields]) -> tuple[str, str] | None:
    """The first release whose own fields hold a value no command can read, and why
    (`release_problem`, its common case inlined: this runs on every listing)."""
    good = _GOOD_DAYS
    for release in releases:
        window = release.window
        earliest, latest, released = window.earliest, window.latest, release.release_date
        if (
            (earliest is None or earliest in good)
            and (latest is None or latest in good)
            and (released is None or released in good)
            and not release.air_time
        ):
            continue
        problem = release_problem(release)
        if problem is not None:
            return release.id, problem
    return None


def history_problem(history: Iterable[HistoryEntry | HistoryMark | EpisodeMove]) -> str | None:
    """What in a history (a release's or an episode's) no command can read."""
    for entry in history:
        problem = _day_problem(entry.as_of, "a history entry's as_of") or _instant_problem(
            entry.recorded_at, "a history entry's recorded_at"
        )
        if problem is None and isinstance(entry, HistoryEntry):
            problem = _day_problem(entry.window.earliest, "a history entry's earliest day")
            problem = problem or _day_problem(entry.window.latest, "a history entry's latest day")
        if problem is None and isinstance(entry, EpisodeMove):
            problem = _day_problem(entry.air_date, "a move's air day")
            problem = problem or _instant_problem(entry.air_time, "a move's air time")
        if problem is not None:
            return problem
    return None


def episodes_problem(episodes: Iterable[EpisodeFields]) -> str | None:
    """What in a season's episodes no command can read."""
    for episode in episodes:
        problem = _day_problem(episode.air_date, "an episode's air day") or _instant_problem(
            episode.air_time, "an episode's air time"
        )
        if problem is None and isinstance(episode, Episode):
            problem = history_problem(episode.history)
        if problem is not None:
            return f"episode {episode.number}: {problem}"
    return None


def whole_release_problem(release: Release) -> str | None:
    """What in a release, history and episodes included, no command can read."""
    return (
        release_problem(release)
        or history_problem(release.history)
        or episodes_problem(release.episodes)
    )


def show_problem(show: Show) -> str | None:
    """What in a show no command can read: a sync day that is no day. (A zone the zone
    database does not have is read as no zone where it is used.)"""
    if show.tvmaze is not None:
        return _day_problem(show.tvmaze.synced_on, "its last sync day")
    return None


def release_slug(season: int | None, name: str | None = None) -> str:
    """The part of a release id after the show: `s2`, or a slug for a special or film."""
    if season is not None:
        return f"s{season}"
    return slugify(name or "special")


def parse_season(text: str) -> int | None:
    """A season number from `2`, `S2`, `s02`, `season 2`; None when it is not one."""
    m = re.fullmatch(r"\s*(?:s|season\s*)?0*(\d{1,3})\s*", text, re.IGNORECASE)
    return int(m[1]) if m else None


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
    alone, a stored episode's history is skipped: see ReleaseRecord.listed_episodes.)"""

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

    def to_dict(self) -> dict[str, Any]:
        """As stored."""
        return to_plain(self)

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

    def label(self, show_title: str) -> str:
        """How people name it: 'Jessica Jones S2'."""
        if self.season is not None:
            return f"{show_title} S{self.season}"
        return f"{show_title}: {self.name or self.id.split('/', 1)[-1]}"


class Release(ReleaseFields, kw_only=True):
    """One season, special or film of a show, with what is known of its date."""

    sources: list[Source] = msgspec.field(default_factory=list)
    history: list[HistoryEntry] = msgspec.field(default_factory=list)
    episodes: list[Episode] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """As stored and exported, `known_since` and the episodes' summary brought up to
        date; a release without episodes has none of their keys."""
        self.known_since = known_since(self.history)
        self.episodes_last_day = episodes_last_day(self.episodes)
        self.episodes_undated = sum(1 for e in self.episodes if not e.air_date)
        plain = to_plain(self)
        if not self.episodes:
            # Most releases have none: left out, the file (and every listing's read of it)
            # stays as small as before episodes were kept.
            for key in ("episodes", "episodes_last_day", "episodes_undated"):
                del plain[key]
        return plain

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Release:
        """From a stored or imported dict."""
        return from_plain(cls, data)


_NOTHING = msgspec.Raw(b"[]")


class ReleaseRecord(ReleaseFields, kw_only=True):
    """A stored release as a listing reads it: its sources and history are kept as
    undecoded JSON and decoded only for the rows a command shows."""

    sources: msgspec.Raw = _NOTHING
    history: msgspec.Raw = _NOTHING
    episodes: msgspec.Raw = _NOTHING

    def to_release(self, *, with_history: bool = True, with_episodes: bool = True) -> Release:
        """The whole release, sources decoded, and its history and episodes unless told
        not to (a listing shows neither)."""
        fields = msgspec.structs.asdict(self)
        fields["sources"] = self.decoded_sources()
        fields["history"] = self.decoded_history() if with_history else []
        fields["episodes"] = self.decoded_episodes() if with_episodes else []
        return Release(**fields)

    def decoded_sources(self) -> list[Source]:
        """Its sources, decoded."""
        return self._decoded(_SOURCES, self.sources)

    def decoded_history(self) -> list[HistoryEntry]:
        """Its history, decoded."""
        return self._checked(self._decoded(_HISTORY, self.history), history_problem)

    def decoded_marks(self) -> list[HistoryMark]:
        """Its history, only as far as a calendar needs it (HistoryMark)."""
        return self._checked(self._decoded(_MARKS, self.history), history_problem)

    def decoded_episodes(self) -> list[Episode]:
        """Its episodes, decoded."""
        if self.episodes is _NOTHING:
            return []
        return self._checked(self._decoded(_EPISODES, self.episodes), episodes_problem)

    def listed_episodes(self) -> list[EpisodeFields]:
        """Its episodes as a listing shows them: without their history, which is most of
        their bytes and which no listing shows."""
        if self.episodes is _NOTHING:
            return []
        return self._checked(self._decoded(_LISTED, self.episodes), episodes_problem)

    def _decoded(self, decoder: msgspec.json.Decoder[list[R]], raw: msgspec.Raw) -> list[R]:
        try:
            return decoder.decode(raw)
        except msgspec.MsgspecError as exc:
            raise self._damaged(exc) from None

    def _checked(self, items: list[R], problem_of: Callable[[list[R]], str | None]) -> list[R]:
        """`items`, unless they hold a value no command can read."""
        problem = problem_of(items)
        if problem is not None:
            raise self._damaged(problem)
        return items

    def _damaged(self, exc: Exception | str) -> DatabaseError:
        """What was kept undecoded until now turned out damaged: refused as a damaged
        file is on open (exit 4), never an internal error."""
        return DatabaseError(
            f"the database's release {self.id!r} is damaged: {exc}; it was left as it was",
            "run `showtrack db restore` to go back to the last backup",
        )


# Decoders made once: msgspec.json.decode(..., type=...) looks the type up on each call,
# which costs more than decoding a release's few sources.
_SOURCES = msgspec.json.Decoder(list[Source])
_HISTORY = msgspec.json.Decoder(list[HistoryEntry])
_MARKS = msgspec.json.Decoder(list[HistoryMark])
_EPISODES = msgspec.json.Decoder(list[Episode])
_LISTED = msgspec.json.Decoder(list[EpisodeFields])


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


class KnownShow(msgspec.Struct, frozen=True):
    """A tracked show as the article reader needs it: the names it goes by, and the
    season "the new season" means (the first not released yet, else the next one)."""

    names: tuple[str, ...]
    next_season: int | None = None
    id: str = ""


class Proposal(msgspec.Struct, frozen=True):
    """One statement an article makes about when a release of a show comes
    (spec/read.md): found by reader/, resolved and recorded by tracker/."""

    show: str
    season: int | None
    kind: str  # release or filming
    phrase: str
    window: WindowRecord | None
    sentence: str
    offset: int  # of the sentence in the article's text
    phrase_offset: int  # of the phrase in the sentence
    confidence: str  # high or low
    region: str | None = None
    after_show: str | None = None
    after_season: int | None = None


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


def show_row(show: Show, release_ids: Iterable[str]) -> dict[str, Any]:
    """A show as `list` and `info` print it: spec/cli.md's keys, and its TVmaze link as
    two flat keys, so that every row has the same columns in CSV and TSV."""
    row = show.to_dict()
    link = row.pop("tvmaze")
    row["tvmaze_id"] = link and link["id"]
    row["tvmaze_url"] = link and link["url"]
    return {**row, "releases": list(release_ids)}


class ReleaseView(msgspec.Struct):
    """A release as a listing shows it on a given day: what writers print."""

    release: Release
    show: Show
    effective_earliest: date | None
    status: str
    days_until: int | None
    days_left: int | None
    countdown: str
    conflict: bool
    #: The next episode of a season on air (its countdown is then the episode's).
    next_episode: EpisodeView | None = None

    @property
    def title(self) -> str:
        """'Jessica Jones S2'."""
        return self.release.label(self.show.title)

    @property
    def platform(self) -> str | None:
        """Where it airs: the release's platform, else the show's network."""
        return self.release.platform or self.show.network

    def chart_row(self) -> ChartRow:
        """What a chart (the timeline) draws of it."""
        r = self.release
        return ChartRow(
            r.label(self.show.title), self.status, self.effective_earliest, r.latest, r.released_on
        )

    def to_row(self) -> ReleaseRow:
        """The row writers print: the JSON keys of spec/cli.md, as a Struct that msgspec
        encodes without a dict in between."""
        return release_row(
            self.release,
            self.release.sources,
            self.show,
            self.effective_earliest,
            self.status,
            self.conflict,
            self.countdown,
            self.next_episode,
            self.days_until,
            self.days_left,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON keys of spec/cli.md; never renamed once released."""
        return to_plain(self.to_row())


class ChartRow(NamedTuple):
    """A release as a chart draws it: its title and status, its effective earliest day,
    its window's latest day and its release date (made from a listing's rows without
    their views: a timeline of 100,000 releases draws every one)."""

    title: str
    status: str
    earliest: date | None
    latest: date | None
    released_on: date | None


def release_row(
    r: ReleaseFields,
    sources: list[Source],
    show: Show,
    effective: date | None,
    status: str,
    conflict: bool,
    countdown: str,
    next_episode: EpisodeView | None,
    days_until: int | None,
    days_left: int | None,
) -> ReleaseRow:
    """A release as writers print it, from what its view holds (ReleaseView.to_row, and
    a listing's rows that need no view: tracker/listings.py)."""
    return ReleaseRow(
        r.id,
        show.title,
        show.id,
        r.season,
        r.label(show.title),
        r.window,
        None if effective is None else effective.isoformat(),
        status,
        conflict,
        days_until,
        days_left,
        countdown,
        show.network,
        r.platform or show.network,
        r.region,
        r.stage,
        r.after,
        r.release_date,
        r.air_time,
        r.remind,
        sources,
        r.notes,
        r.name,
        show.tags,
        show.aliases,
        None if next_episode is None else next_episode.id,
    )


class ReleaseRow(msgspec.Struct):
    """A release as writers print it; its fields, in order, are the keys of spec/cli.md,
    never renamed once released (new keys go last, so that scripts reading TSV by
    position keep their columns)."""

    id: str
    show: str
    show_id: str
    season: int | None
    title: str
    window: WindowRecord
    effective_earliest: str | None
    status: str
    conflict: bool
    days_until: int | None
    days_left: int | None
    countdown: str
    network: str | None
    platform: str | None
    region: str | None
    stage: str | None
    after: list[Link]
    release_date: str | None
    air_time: str | None
    remind: str | None
    sources: list[Source]
    notes: str | None
    name: str | None
    tags: list[str]
    aliases: list[str]
    next_episode: str | None


class CalendarEntry(msgspec.Struct):
    """A release as a calendar places it on the day of export: its effective earliest,
    its sources, and from the history reported by then, how many times its window
    changed (the event's SEQUENCE) and when it was last recorded (its DTSTAMP). No
    countdown and no whole Release: an export places thousands."""

    release: ReleaseFields
    show: Show
    effective_earliest: date | None
    sources: list[Source]
    changes: int = 0
    last_recorded: str | None = None

    @classmethod
    def of(
        cls,
        release: ReleaseFields,
        show: Show,
        effective_earliest: date | None,
        sources: list[Source],
        history: Sequence[HistoryEntry | HistoryMark],
    ) -> CalendarEntry:
        """The entry of a release with these sources and this history (as reported by
        the day of export)."""
        changes = 0
        previous: tuple[str | None, str | None] | None = None
        for entry in history:
            bounds = (entry.window.earliest, entry.window.latest)
            if previous is not None and bounds != previous:
                changes += 1
            previous = bounds
        last = history[-1].recorded_at if history else None
        return cls(release, show, effective_earliest, sources, changes, last)


class EpisodeView(msgspec.Struct):
    """An episode (or episodes airing together, as a streaming drop) as a listing shows
    it on a given day: what writers print (spec/cli.md's episode rows)."""

    episode: EpisodeFields
    release_id: str
    season: int | None
    show: Show
    platform: str | None
    #: upcoming, aired or unknown (no day yet).
    status: str
    days_until: int | None
    #: How long until: 'in 2 days', 'today', 'in 3 h 05 min', 'aired 2020-01-07', 'TBA'.
    countdown: str
    #: The air instant in the user's time zone, when the time is known.
    local_air: datetime | None = None
    #: How many episodes air together from this one (a streaming drop: all at once).
    count: int = 1
    last_number: int | None = None
    whole_season: bool = False

    @property
    def id(self) -> str:
        """`the-flash/s6e15`."""
        return self.episode.id_in(self.release_id)

    @property
    def label(self) -> str:
        """'S6E15', 'S2E1–E3', or 'S2, all 10 episodes' for a whole season at once."""
        season = f"S{self.season}" if self.season is not None else self.release_id
        if self.whole_season and self.count > 1:
            return f"{season}, all {self.count} episodes"
        number = self.episode.number
        first = f"E{number}" if number is not None else " special"
        if self.count > 1 and self.last_number is not None:
            return f"{season}{first}–E{self.last_number}"
        return f"{season}{first}"

    @property
    def title(self) -> str:
        """'The Flash S6E15'."""
        return f"{self.show.title} {self.label}"

    @property
    def when(self) -> str:
        """The air day and time in the user's zone, short: 'Tue 20:00' within a week,
        else '2020-02-04 20:00'; the day alone when the time is not known; 'TBA'."""
        if self.local_air is not None:
            near = self.days_until is not None and 0 <= self.days_until < 7
            return f"{self.local_air:%a %H:%M}" if near else f"{self.local_air:%Y-%m-%d %H:%M}"
        day = self.episode.air_day
        if day is None:
            return "TBA"
        near = self.days_until is not None and 0 <= self.days_until < 7
        return f"{day:%a}" if near else day.isoformat()

    @property
    def air_day(self) -> date | None:
        """The day it airs for the user (in the user's zone when the time is known)."""
        return self.local_air.date() if self.local_air is not None else self.episode.air_day

    def to_dict(self) -> dict[str, Any]:
        """The JSON keys of spec/cli.md's episode rows; never renamed once released."""
        e = self.episode
        return {
            "id": self.id,
            "kind": "episode",
            "show": self.show.title,
            "show_id": self.show.id,
            "season": self.season,
            "number": e.number,
            "title": e.title,
            "air_date": None if self.air_day is None else self.air_day.isoformat(),
            "air_time": None if self.local_air is None else self.local_air.isoformat(),
            "runtime": e.runtime,
            "type": e.type,
            "status": self.status,
            "days_until": self.days_until,
            "countdown": self.countdown,
            "source": e.source,
            "release": self.release_id,
            "platform": self.platform,
            "count": self.count,
        }

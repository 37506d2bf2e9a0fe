"""What listings print: a show's row, a release as known on a day (ReleaseView), its
flat row, the chart and calendar entries, an episode as a listing shows it, and the
sequence that makes each of them only when it is reached (Mapped)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, Generic, NamedTuple, TypeVar, overload

import msgspec

from showtrack.models.records import (
    EpisodeFields,
    HistoryEntry,
    HistoryMark,
    Link,
    ReleaseFields,
    Show,
    Source,
    WindowRecord,
    to_plain,
)

From = TypeVar("From")
Item = TypeVar("Item")


class Mapped(Sequence[Item], Generic[From, Item]):
    """`make` of each item, made when reached (by index, slice or iteration) and never
    kept: a table that shows a page of 20 of 100,000 releases pays for 20 countdowns,
    and a writer of `-o json` holds one batch of rows at a time."""

    def __init__(self, items: Sequence[From], make: Callable[[From], Item]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        return map(self._make, self._items)

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])


def show_row(show: Show, release_ids: Iterable[str]) -> dict[str, Any]:
    """A show as `list` and `info` print it: spec/cli.md's keys, and its TVmaze link as
    two flat keys, so that every row has the same columns in CSV and TSV."""
    row = show.to_dict()
    row.pop("ids", None)  # for linking, not for listing: every row has the same columns
    link = row.pop("tvmaze")
    row["tvmaze_id"] = link and link["id"]
    row["tvmaze_url"] = link and link["url"]
    return {**row, "releases": list(release_ids)}


class ReleaseView(msgspec.Struct):
    """A release as a listing shows it on a given day: what writers print. It is made
    by one function, tracker/listings._view."""

    release: ReleaseFields
    show: Show
    effective_earliest: date | None
    status: str
    days_until: int | None
    days_left: int | None
    countdown: str
    conflict: bool
    #: The next episode of a season on air (its countdown is then the episode's).
    next_episode: EpisodeView | None = None
    #: When it airs at a known time: that instant in the user's time zone.
    local_air: datetime | None = None

    @property
    def title(self) -> str:
        """'Jessica Jones S2'."""
        return self.release.label(self.show.title)

    @property
    def platform(self) -> str | None:
        """Where it airs: the release's platform, else the show's network."""
        return self.release.platform or self.show.network

    @property
    def sources(self) -> list[Source]:
        """Where its news came from (decoded on each call: read it once)."""
        return self.release.decoded_sources()

    def to_row(self) -> ReleaseRow:
        """The row writers print: the JSON keys of spec/cli.md, as a Struct that msgspec
        encodes without a dict in between."""
        r, show, effective = self.release, self.show, self.effective_earliest
        return ReleaseRow(
            r.id,
            show.title,
            show.id,
            r.season,
            r.label(show.title),
            r.window,
            None if effective is None else effective.isoformat(),
            self.status,
            self.conflict,
            self.days_until,
            self.days_left,
            self.countdown,
            show.network,
            r.platform or show.network,
            r.region,
            r.stage,
            r.after,
            r.release_date,
            r.air_time,
            r.remind,
            r.decoded_sources(),
            r.notes,
            r.name,
            show.tags,
            show.aliases,
            None if self.next_episode is None else self.next_episode.id,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON keys of spec/cli.md; never renamed once released."""
        return to_plain(self.to_row())


class ChartRow(NamedTuple):
    """A release as a chart draws it: its title and status, its effective earliest day,
    its window's latest day, its release date and its last episode's air day (made from
    a listing's rows without their views: a timeline of 100,000 releases draws every
    one)."""

    title: str
    status: str
    earliest: date | None
    latest: date | None
    released_on: date | None
    last_episode: date | None = None


class EpisodeMark(NamedTuple):
    """An episode (or episodes airing together) as a calendar marks it: the day it airs
    for the user, and its title ('The Flash S6E10')."""

    day: date
    title: str


class MonthRows(NamedTuple):
    """What a month's calendar shows: the releases placed on it or open across it
    (soonest first), and the episodes of seasons on air that fall on its days."""

    releases: list[ChartRow]
    episodes: list[EpisodeMark]


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

    def to_row(self) -> EpisodeRow:
        """The row writers print (spec/cli.md's episode rows)."""
        e = self.episode
        return EpisodeRow(
            self.id,
            "episode",
            self.show.title,
            self.show.id,
            self.season,
            e.number,
            e.title,
            None if self.air_day is None else self.air_day.isoformat(),
            None if self.local_air is None else self.local_air.isoformat(),
            e.runtime,
            e.type,
            self.status,
            self.days_until,
            self.countdown,
            e.source,
            self.release_id,
            self.platform,
            self.count,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON keys of spec/cli.md's episode rows; never renamed once released."""
        return to_plain(self.to_row())


class EpisodeRow(msgspec.Struct):
    """An episode as writers print it; its fields, in order, are the keys of spec/cli.md,
    never renamed once released (new keys go last)."""

    id: str
    kind: str
    show: str
    show_id: str
    season: int | None
    number: int | None
    title: str | None
    air_date: str | None
    air_time: str | None
    runtime: int | None
    type: str
    status: str
    days_until: int | None
    countdown: str
    source: str | None
    release: str
    platform: str | None
    count: int

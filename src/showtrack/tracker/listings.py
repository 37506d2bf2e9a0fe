"""What comes next, as known on a day: the rows of upcoming, check, countdown, info,
timeline, calendar and history.

A listing reads the database once. Rows are filtered and sorted on a few cheap fields;
the view a writer prints (ReleaseView, with its countdown text and decoded sources) is
made only for the rows shown, so a table of 20 pays for 20 countdowns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, TypeVar, overload

import msgspec

from showtrack.clock import local_zone
from showtrack.errors import UsageError
from showtrack.models import (
    SHOW_STATUSES,
    CalendarEntry,
    ChartRow,
    EpisodeFields,
    EpisodeMark,
    EpisodeMove,
    EpisodeView,
    HistoryEntry,
    HistoryMark,
    MonthRows,
    Release,
    ReleaseFields,
    ReleaseRecord,
    ReleaseRow,
    ReleaseView,
    Show,
    known_since,
    release_row,
)
from showtrack.models import Source as NewsSource
from showtrack.store import Listing, Lookup, Store
from showtrack.text import fold
from showtrack.windows.window import STATUSES, countdown_text, status_on

if TYPE_CHECKING:
    from showtrack.windows.durations import Duration

# windows.constraints and windows.durations are imported where they are used: most
# listings have no release that waits on another and no lead time to read, and every
# start of the program pays for what it imports.

DEFAULT_LEAD_DAYS = 7

Clock = Callable[[], datetime]
"""The current instant, asked for only when a shown release airs at an exact time: the
clock needs the time zone database, which most listings never load."""

Source = Store | Listing
"""Where rows come from: a store opened for a command, or the fast read of a listing."""


def known_on(release: Release, today: date) -> Release | None:
    """The release as it was known on `today`, from its history: the last entry reported
    (as_of) by then, and a release date only once it has passed. None when nothing about
    it had been reported yet. This is what makes `--today` answer "what did we expect
    back then"; on the real today it is the release as stored."""
    day = today.isoformat()
    released = release.release_date is not None and release.release_date <= day
    dated = [h for h in release.history if h.as_of]
    if released or not dated:
        return release if released or release.release_date is None else _unreleased(release)
    known = [h for h in dated if h.as_of is not None and h.as_of <= day]
    if not known:
        return None
    last = known[-1]
    if last is dated[-1] and release.release_date is None:
        return release
    past = _unreleased(release)
    past.window = last.window
    past.stage = last.stage
    past.sources = [s for s in release.sources if not s.as_of or s.as_of <= day]
    if not past.window.is_exact:
        past.air_time = None
    return past


def _unreleased(release: Release) -> Release:
    return msgspec.structs.replace(
        release, release_date=None, stage=None if release.stage == "released" else release.stage
    )


Reported = TypeVar("Reported", HistoryEntry, HistoryMark)


def history_on(history: Sequence[Reported], today: date) -> list[Reported]:
    """The entries of a release's history that had been reported by `today`."""
    day = today.isoformat()
    return [h for h in history if not h.as_of or h.as_of <= day]


class _Row(msgspec.Struct):
    """A release reduced to what filtering and ordering need; its view is made only if
    the row is shown."""

    record: ReleaseFields
    show: Show
    earliest: date | None
    latest: date | None
    released_on: date | None
    effective: date | None = None
    status: str = ""
    #: The next episode of the season, when it has one to come (see _with_next_episodes).
    next_episode: EpisodeView | None = None
    on_air: bool = False
    #: When a dated release airs at a known time: that instant in the user's zone.
    local_air: datetime | None = None

    def full(self) -> Release:
        """The whole release (its sources decoded from the record when first needed; a
        listing shows no history, and leaving it undecoded halves the cost of a row)."""
        if isinstance(self.record, ReleaseRecord):
            self.record = self.record.to_release(with_history=False, with_episodes=False)
        assert isinstance(self.record, Release)
        return self.record

    def sort_key(self) -> tuple[int, date, date, str, int, str]:
        """Overdue first (news: spec/cli.md), then soonest effective earliest (a season on
        air: its next episode's day), then latest, then show and season; TBA last."""
        far = date.max
        effective, latest = self.effective, self.latest
        if self.on_air and self.next_episode is not None:
            effective = latest = self.next_episode.air_day
        rank = 0 if self.status == "overdue" else (2 if effective is None else 1)
        return (
            rank,
            effective or far,
            latest or far,
            _folded_title(self.show),
            -1 if self.record.season is None else self.record.season,
            self.record.id,
        )


_FOLDED: dict[str, str] = {}


def _folded_title(show: Show) -> str:
    # Sorting 100,000 releases folds each show's title once, not once a release.
    folded = _FOLDED.get(show.title)
    if folded is None:
        folded = _FOLDED[show.title] = fold(show.title)
    return folded


def _row(record: ReleaseFields, show: Show, today: date, day: str, zone: tzinfo) -> _Row | None:
    """The row of a release as known on `today`; None when it was not yet known."""
    since = known_since(record.history) if isinstance(record, Release) else record.known_since
    if (since is not None and since > day) or (
        record.release_date is not None and record.release_date > day
    ):
        # Only a look back in time (--today) needs the history.
        whole = record if isinstance(record, Release) else _with_history(record)
        known = known_on(whole, today)
        if known is None:
            return None
        record = known
    window = record.window
    earliest, latest = window.earliest_day, window.latest_day
    local_air = None
    if record.air_time and earliest is not None and earliest == latest:
        # "July 16 at 9pm ET" airs on the 17th in London: every view (upcoming, the
        # calendar, check) shows the day it airs where the user is, as episodes do.
        local_air = datetime.fromisoformat(record.air_time).astimezone(zone)
        if record.released_on is None:
            earliest = latest = local_air.date()
    return _Row(record, show, earliest, latest, record.released_on, local_air=local_air)


def _with_history(record: ReleaseFields) -> Release:
    assert isinstance(record, ReleaseRecord)
    return record.to_release()


def _episodes_of(record: ReleaseFields) -> Sequence[EpisodeFields]:
    """A release's episodes as listings show them: decoded from a listing's record
    without their history, or as a Store holds them."""
    if isinstance(record, ReleaseRecord):
        return record.listed_episodes()
    assert isinstance(record, Release)
    return record.episodes


def _resolve(rows: list[_Row], today: date) -> list[_Row]:
    """Constraints resolved and status set, on every row."""
    waiting = [row for row in rows if row.record.after]
    effective: dict[str, date | None] = {}
    if waiting:
        from showtrack.windows.constraints import Constraint, ConstraintNode, effective_earliest
        from showtrack.windows.durations import Duration, parse_duration

        by_id = {row.record.id: row for row in rows}
        nodes: dict[str, ConstraintNode] = {}
        todo = [row.record.id for row in waiting]
        while todo:  # only the releases that wait, and those they wait on
            rid = todo.pop()
            row = by_id.get(rid)
            if row is None or rid in nodes:
                continue
            nodes[rid] = ConstraintNode(
                row.earliest,
                row.released_on,
                tuple(
                    Constraint(link.release, parse_duration(link.lag) if link.lag else Duration())
                    for link in row.record.after
                ),
            )
            todo.extend(link.release for link in row.record.after)
        effective = effective_earliest(nodes)
    for row in rows:
        row.effective = effective.get(row.record.id, row.earliest) if waiting else row.earliest
        row.status = status_on(row.effective, row.latest, today, row.released_on)
    return rows


def _rows(source: Source, today: date) -> list[_Row]:
    """Every release as known on `today`, constraints resolved."""
    records: Iterable[ReleaseFields]
    if isinstance(source, Store):
        shows, records = source.shows(), source.releases()
    else:
        shows, records = source.shows, source.releases
    by_id = {s.id: s for s in shows}
    day = today.isoformat()
    zone = local_zone()
    rows = []
    for record in records:
        show = by_id.get(record.show_id) or Show(record.show_id, record.show_id)
        row = _row(record, show, today, day, zone)
        if row is not None:
            rows.append(row)
    return _resolve(rows, today)


def _countdown(row: _Row, today: date, now: Clock | None) -> tuple[bool, str]:
    """Whether the row's constraints conflict with its window, and its countdown."""
    earliest, latest = row.effective, row.latest
    air_time = row.record.air_time
    air = datetime.fromisoformat(air_time) if air_time else None
    conflict = earliest is not None and latest is not None and earliest > latest
    if conflict:  # shown as what it is, never as a backwards range
        return conflict, f"conflict: waits until {earliest}, window ends {latest}"
    if row.on_air and row.next_episode is not None:
        from showtrack.tracker.episodes import on_air_countdown

        return conflict, on_air_countdown(row.next_episode)
    countdown = countdown_text(
        earliest, latest, today, row.released_on, air, now() if air and now else None
    )
    return conflict, countdown


def _view(row: _Row, today: date, now: Clock | None) -> ReleaseView:
    release = row.full()
    earliest, latest = row.effective, row.latest
    conflict, countdown = _countdown(row, today, now)
    return ReleaseView(
        release=release,
        show=row.show,
        effective_earliest=earliest,
        status=row.status,
        days_until=None if earliest is None else (earliest - today).days,
        days_left=None if latest is None else (latest - today).days,
        countdown=countdown,
        conflict=conflict,
        next_episode=row.next_episode if row.on_air else None,
        local_air=row.local_air,
    )


def _release_row(row: _Row, today: date, now: Clock | None) -> ReleaseRow:
    """The row's view's to_row(), without making the view (nor a whole Release)."""
    record = row.record
    sources = record.sources if isinstance(record, Release) else _sources_of(record)
    earliest, latest = row.effective, row.latest
    conflict, countdown = _countdown(row, today, now)
    return release_row(
        record,
        sources,
        row.show,
        earliest,
        row.status,
        conflict,
        countdown,
        row.next_episode if row.on_air else None,
        None if earliest is None else (earliest - today).days,
        None if latest is None else (latest - today).days,
    )


def _sources_of(record: ReleaseFields) -> list[NewsSource]:
    assert isinstance(record, ReleaseRecord)
    return record.decoded_sources()


def _with_next_episodes(rows: list[_Row], today: date, now: Clock | None) -> list[_Row]:
    """Each season with an episode to come gets its next one. Only those seasons' episodes
    are decoded: the summary stored beside them says which."""
    from showtrack.tracker.episodes import has_episodes_to_come, next_up

    zone = None
    for row in rows:
        record = row.record
        # Most releases have no episodes: two attribute reads, not a call, for each.
        if record.episodes_last_day is None and not record.episodes_undated:
            continue
        if not has_episodes_to_come(record, row.show, today):
            continue
        if zone is None:
            from showtrack.clock import local_zone

            zone = local_zone()
        episodes = _episodes_of(record)
        row.next_episode, row.on_air = next_up(record, episodes, row.show, today, now, zone)
        if row.released_on is not None and row.released_on <= today:
            row.on_air = True
    return rows


Item = TypeVar("Item")


class _Lazy(Sequence[Item]):
    """A sequence whose items are made when reached (`_at`), by index or by slice."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _at(self, index: int) -> Item:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        return self._at(range(len(self))[index])


class Views(_Lazy[ReleaseView]):
    """Result rows in order, each view made when first asked for: a table that shows a
    page of 20 pays for 20 countdowns, not for every release in the database."""

    def __init__(self, rows: list[_Row], today: date, now: Clock | None) -> None:
        self._rows = rows
        self._views: list[ReleaseView | None] = [None] * len(rows)
        self._today = today
        self._now = now

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def views_made(self) -> int:
        """How many of its views have been made: a view is made when its row is reached
        (a table of 20 rows of 100,000 makes 20)."""
        return sum(view is not None for view in self._views)

    def release_rows(self) -> ReleaseRows:
        """Every row as writers print it (each view's to_row()), made when reached and
        without its view: `-o json` on 100,000 releases makes every one."""
        return ReleaseRows(self._rows, self._today, self._now)

    def chart_rows(self) -> list[ChartRow]:
        """Every row as a chart draws it, without making its view."""
        return [
            ChartRow(
                row.record.label(row.show.title),
                row.status,
                row.effective,
                row.latest,
                row.released_on,
                row.record.last_episode_day,
            )
            for row in self._rows
        ]

    def _at(self, index: int) -> ReleaseView:
        view = self._views[index]
        if view is None:
            view = self._views[index] = _view(self._rows[index], self._today, self._now)
        return view


class ReleaseRows(_Lazy[ReleaseRow]):
    """A listing's rows as writers print them (see Views.release_rows)."""

    def __init__(self, rows: list[_Row], today: date, now: Clock | None) -> None:
        self._rows = rows
        self._today = today
        self._now = now

    def __len__(self) -> int:
        return len(self._rows)

    def _at(self, index: int) -> ReleaseRow:
        return _release_row(self._rows[index], self._today, self._now)


def _sorted_views(rows: list[_Row], today: date, now: Clock | None) -> Views:
    rows.sort(key=_Row.sort_key)
    return Views(rows, today, now)


Entry = ReleaseView | EpisodeView
"""A row of a listing with episodes (`upcoming --episodes`): a release or an episode."""


class MixedViews(_Lazy[Entry]):
    """Releases and episodes in one order; a release's view is made when first asked for,
    as in Views."""

    def __init__(self, items: list[_Row | EpisodeView], today: date, now: Clock | None) -> None:
        self._items = items
        self._views: dict[int, ReleaseView] = {}
        self._today = today
        self._now = now

    def __len__(self) -> int:
        return len(self._items)

    def _at(self, index: int) -> Entry:
        item = self._items[index]
        if isinstance(item, EpisodeView):
            return item
        view = self._views.get(index)
        if view is None:
            view = self._views[index] = _view(item, self._today, self._now)
        return view


def _episode_sort_key(view: EpisodeView) -> tuple[int, date, date, str, int, str]:
    day = view.air_day
    return (
        2 if day is None else 1,
        day or date.max,
        day or date.max,
        _folded_title(view.show),
        -1 if view.season is None else view.season,
        view.id,
    )


def _mixed(rows: list[_Row], today: date, now: Clock | None) -> MixedViews:
    """Rows in order, a season on air replaced by its next episode (spec/cli.md: the
    next episode is what comes next for it)."""
    items: list[tuple[tuple[int, date, date, str, int, str], _Row | EpisodeView]] = []
    for row in rows:
        if row.on_air and row.next_episode is not None:
            items.append((_episode_sort_key(row.next_episode), row.next_episode))
        else:
            items.append((row.sort_key(), row))
    items.sort(key=lambda pair: pair[0])
    return MixedViews([item for _, item in items], today, now)


# --------------------------------------------------------------------------- filters


class UpcomingFilter(msgspec.Struct):
    """What `upcoming` narrows the list by."""

    within: Duration | None = None
    until: date | None = None
    networks: Sequence[str] = ()
    tags: Sequence[str] = ()
    statuses: Sequence[str] = ()
    include_all: bool = False


def network_and_tag_test(
    networks: Sequence[str], tags: Sequence[str]
) -> Callable[[Show, str | None], bool]:
    """What --network and --tag ask of a release of `show` airing on `platform`: its
    platform or the show's network among `networks`, and one of the show's tags among
    `tags` (each only when given; case- and accent-blind)."""
    wanted_networks = {fold(n) for n in networks}
    wanted_tags = {fold(t) for t in tags}

    def passes(show: Show, platform: str | None) -> bool:
        if wanted_networks and not wanted_networks & {
            fold(platform or ""),
            fold(show.network or ""),
        }:
            return False
        return not wanted_tags or bool(wanted_tags & {fold(t) for t in show.tags})

    return passes


def upcoming(source: Source, today: date, filt: UpcomingFilter, now: Clock | None = None) -> Views:
    """What comes next, soonest first (unknown last); a season on air by its next
    episode's day."""
    return _sorted_views(_upcoming_rows(source, today, filt, now), today, now)


def upcoming_with_episodes(
    source: Source, today: date, filt: UpcomingFilter, now: Clock | None = None
) -> MixedViews:
    """What comes next, as `upcoming`, a season on air as its next episode's own row."""
    return _mixed(_upcoming_rows(source, today, filt, now), today, now)


def _upcoming_rows(
    source: Source, today: date, filt: UpcomingFilter, now: Clock | None
) -> list[_Row]:
    for status in filt.statuses:
        if status not in STATUSES and status not in SHOW_STATUSES:
            raise UsageError(
                f"status {status!r} is not known",
                f"release: {', '.join(STATUSES)}; show: {', '.join(SHOW_STATUSES)}",
            )
    horizon = filt.within.after(today) if filt.within else filt.until
    on_network_and_tags = network_and_tag_test(filt.networks, filt.tags)
    chosen = []
    for row in _with_next_episodes(_rows(source, today), today, now):
        on_air = row.on_air and row.next_episode is not None
        if not filt.include_all and row.status == "released" and not on_air:
            continue
        if (
            filt.statuses
            and row.status not in filt.statuses
            and (row.show.status not in filt.statuses)
        ):
            continue
        start = row.next_episode.air_day if on_air and row.next_episode else row.effective
        if horizon is not None and (start is None or start > horizon):
            continue
        if not on_network_and_tags(row.show, row.record.platform):
            continue
        chosen.append(row)
    return chosen


def due(
    source: Source,
    today: date,
    within: Duration | None,
    now: Clock | None = None,
    *,
    remembering: bool = False,
) -> Views:
    """Releases `check` reports: open now, opening within the lead time (the release's
    own --remind, else `within`, else 7 days), or overdue since at most that long. When
    `remembering` what was reported (`check --once`), every overdue release is due, so
    that one whose window passed while nobody checked is still said, once."""
    from showtrack.windows.durations import Duration, parse_duration

    default_horizon = (within or Duration(days=DEFAULT_LEAD_DAYS)).after(today)
    chosen = []
    lead = default_horizon - today
    for row in _rows(source, today):
        if row.status == "open":
            chosen.append(row)
        elif row.status == "upcoming" and row.effective is not None:
            remind = row.record.remind
            horizon = parse_duration(remind).after(today) if remind else default_horizon
            if row.effective <= horizon:
                chosen.append(row)
        elif row.status == "overdue" and row.latest is not None:
            # News when it happens: reported while it is freshly overdue (as long after
            # its window as the lead time), and with --once just once.
            remind = row.record.remind
            since = today - (parse_duration(remind).after(today) - today if remind else lead)
            if remembering or row.latest >= since:
                chosen.append(row)
    return _sorted_views(chosen, today, now)


def due_episodes(
    source: Source,
    today: date,
    within: Duration | None,
    now: Clock | None = None,
    skip: Collection[str] = (),
) -> list[EpisodeView]:
    """Episodes `check --episodes` reports: airing within the lead time (the season's own
    --remind, else `within`, else 7 days), those airing at once as one. The seasons in
    `skip` (due themselves: their premiere is reported as the release) are left out."""
    from showtrack.clock import local_zone
    from showtrack.tracker.episodes import has_episodes_to_come, upcoming_in
    from showtrack.windows.durations import Duration, parse_duration

    default_horizon = (within or Duration(days=DEFAULT_LEAD_DAYS)).after(today)
    zone = local_zone()
    found: list[EpisodeView] = []
    for row in _rows(source, today):
        record = row.record
        if record.id in skip or not has_episodes_to_come(record, row.show, today):
            continue
        horizon = parse_duration(record.remind).after(today) if record.remind else default_horizon
        episodes = _episodes_of(record)
        found += upcoming_in(record, episodes, row.show, today, horizon, now, zone)
    found.sort(key=_episode_sort_key)
    return found


def all_views(
    source: Source, today: date, now: Clock | None = None, *, soonest_first: bool = True
) -> Views:
    """Every release as known on `today`, soonest first (or in the order they were added)."""
    rows = _rows(source, today)
    return _sorted_views(rows, today, now) if soonest_first else Views(rows, today, now)


def calendar_month(
    source: Source, today: date, first: date, last: date, now: Clock | None = None
) -> MonthRows:
    """What a calendar of the days `first` to `last` shows: the releases released on one
    of them, and those not yet out whose window touches them (filtered before they are
    sorted: a month of 100,000 releases shows a few thousand); and the episodes that air
    on them, but for those that air on their own season's day, which the season marks."""
    from showtrack.tracker.episodes import dated_episodes

    releases: list[_Row] = []
    on_air: list[_Row] = []
    since = first.isoformat()
    for row in _rows(source, today):
        if (
            first <= row.released_on <= last
            if row.released_on is not None
            else row.effective is not None
            and row.effective <= last
            and (row.latest is None or row.latest >= first)
        ):
            releases.append(row)
        # The stored summary says, without decoding them, whether episodes reach the month.
        if row.record.episodes_last_day is not None and row.record.episodes_last_day >= since:
            on_air.append(row)
    zone = local_zone()
    episodes: list[EpisodeMark] = []
    for row in on_air:
        season_day = row.released_on or (row.earliest if row.earliest == row.latest else None)
        record = row.record
        if isinstance(record, ReleaseRecord):
            record = record.to_release(with_history=False)
        assert isinstance(record, Release)
        release = record
        for view in dated_episodes(release, row.show, today, zone):
            day = view.air_day
            if day is not None and first <= day <= last and day != season_day:
                episodes.append(EpisodeMark(day, view.title))
    return MonthRows(_sorted_views(releases, today, now).chart_rows(), episodes)


def shows_with_releases(store: Store) -> list[tuple[Show, list[str]]]:
    """Every show, in the order they were added, with the ids of its releases (`list`)."""
    shows = store.shows()
    ids: dict[str, list[str]] = {s.id: [] for s in shows}
    for release in store.releases():
        ids.setdefault(release.show_id, []).append(release.id)
    return [(show, ids[show.id]) for show in shows]


def show_views(
    source: Source, name: str, today: date, now: Clock | None = None
) -> tuple[Show, list[ReleaseView]]:
    """A show (by name) and its releases as known on `today`, soonest first (`info`)."""
    from showtrack.tracker.names import resolve_show

    show = resolve_show(source.shows() if isinstance(source, Store) else source.shows, name)
    rows = [row for row in _rows(source, today) if row.record.show_id == show.id]
    return show, list(_sorted_views(_with_next_episodes(rows, today, now), today, now))


def countdown_views(
    store: Store, show: str | None, season: str | None, today: date, now: Clock | None = None
) -> list[ReleaseView]:
    """What `countdown` shows: one release, one show's releases, or (with no name)
    everything upcoming or open; soonest first."""
    from showtrack.tracker.names import find_show, names_a_release, resolve_release

    rows = _with_next_episodes(_rows(store, today), today, now)
    if show is not None and names_a_release(show, season):
        _, release = resolve_release(store, show, season)
        rows = [row for row in rows if row.record.id == release.id]
    elif show is not None:
        found = find_show(store, show)
        rows = [row for row in rows if row.record.show_id == found.id]
    else:
        rows = [
            row
            for row in rows
            if row.status in ("upcoming", "open", "overdue") or (row.on_air and row.next_episode)
        ]
    return list(_sorted_views(rows, today, now))


def history(
    store: Lookup, show_name: str, season: str | None, today: date
) -> tuple[str, list[HistoryEntry], int]:
    """A release's title, its history as known on `today`, and how many times its latest
    date moved later (slipped)."""
    from showtrack.tracker.names import resolve_release

    show, release = resolve_release(store, show_name, season)
    entries = history_on(release.history, today)
    slips = 0
    previous: str | None = None
    for entry in entries:
        latest = entry.window.latest
        if previous is not None and latest is not None and latest > previous:
            slips += 1
        if latest is not None:
            previous = latest
    return release.label(show.title), entries, slips


_EPISODE_REF = re.compile(r"(?:s(?:eason)?\s*)?0*(\d{1,3})\s*e0*(\d{1,4})", re.IGNORECASE)


def episode_ref(show_arg: str, season_arg: str | None) -> tuple[str, int, int] | None:
    """(show, season, number) when `SHOW [SEASON]` names an episode: `SHOW S6E15`,
    `show-id/s6e15`, `"SHOW S6E15"`; None otherwise."""
    from showtrack.tracker.names import split_release_ref

    if season_arg is None:
        m = re.fullmatch(r"(.+?)[\s/]+(s\d{1,3}\s*e\d{1,4})", show_arg.strip(), re.IGNORECASE)
        show_arg, season_arg = (m[1], m[2]) if m else split_release_ref(show_arg, None)
    if season_arg is None:
        return None
    m = _EPISODE_REF.fullmatch(season_arg.strip())
    return None if m is None else (show_arg, int(m[1]), int(m[2]))


def episode_history(
    store: Lookup, show_arg: str, season_arg: str | None, today: date
) -> tuple[str, list[EpisodeMove]]:
    """An episode's title ('The Flash S6E15') and how its air day moved, as reported by
    `today`."""
    from showtrack.tracker.episodes import history_of
    from showtrack.tracker.names import resolve_release

    ref = episode_ref(show_arg, season_arg)
    assert ref is not None
    show_name, season, number = ref
    show, release = resolve_release(store, show_name, str(season))
    episode, moves = history_of(release, str(number))
    day = today.isoformat()
    shown = [m for m in moves if not m.as_of or m.as_of <= day]
    return f"{release.label(show.title)}E{episode.number}", shown


class CalendarFilter(msgspec.Struct):
    """What `export --format ics` narrows the calendar to."""

    premieres_only: bool = False
    tags: Sequence[str] = ()
    networks: Sequence[str] = ()
    exact_only: bool = False


def calendar_entries(source: Source, today: date, filt: CalendarFilter) -> list[CalendarEntry]:
    """The releases a calendar can place (released, or a window with both ends: an
    open-ended or TBA one has no place on it), soonest first, each as known on `today`
    with its effective earliest and the history reported by then (which counts towards
    the event's SEQUENCE). From a listing, only their sources and history are decoded."""
    on_network_and_tags = network_and_tag_test(filt.networks, filt.tags)
    placed = []
    for row in _rows(source, today):
        record = row.record
        if filt.premieres_only and record.season is None:
            continue
        if not on_network_and_tags(row.show, record.platform):
            continue
        exact = row.released_on is not None or record.window.is_exact
        if filt.exact_only and not exact:
            continue
        if not exact and (row.earliest is None or row.latest is None):
            continue
        placed.append(row)
    placed.sort(key=_Row.sort_key)
    entries = []
    for row in placed:
        record = row.record
        reported: Sequence[HistoryEntry | HistoryMark]
        if isinstance(record, ReleaseRecord):
            sources, reported = record.decoded_sources(), history_on(record.decoded_marks(), today)
        else:
            assert isinstance(record, Release)
            sources, reported = record.sources, history_on(record.history, today)
        entries.append(CalendarEntry.of(record, row.show, row.effective, sources, reported))
    return entries


def calendar_episodes(source: Source, today: date, filt: CalendarFilter) -> list[EpisodeView]:
    """The dated episodes for a calendar (`export --format ics --episodes`), those of a
    season airing at once without a time (a streaming drop) as one."""
    from showtrack.clock import local_zone
    from showtrack.tracker.episodes import dated_episodes

    on_network_and_tags = network_and_tag_test(filt.networks, filt.tags)
    if isinstance(source, Store):
        shows, releases = source.shows(), source.releases()
    else:
        shows = source.shows
        releases = [
            r.to_release(with_history=False) for r in source.releases if r.episodes_last_day
        ]
    by_id = {s.id: s for s in shows}
    zone = local_zone()
    found: list[EpisodeView] = []
    for release in releases:
        show = by_id.get(release.show_id) or Show(release.show_id, release.show_id)
        if release.episodes and on_network_and_tags(show, release.platform):
            found += dated_episodes(release, show, today, zone)
    return found

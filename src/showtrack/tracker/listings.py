"""What comes next, as known on a day: the rows of upcoming, check, countdown, info,
timeline, calendar and history.

A listing reads the database once (a Store, or the fast read: store.Readable). Rows are
filtered and sorted on a few cheap fields; the view a writer prints (ReleaseView, with
its countdown; `_view` is the one function that makes one) is made only for the rows
shown, so a table of 20 pays for 20 countdowns, and a release's sources are decoded
only when its row is printed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from showtrack.clock import local_zone
from showtrack.errors import UsageError
from showtrack.models import (
    SHOW_STATUSES,
    ChartRow,
    EpisodeView,
    Mapped,
    ReleaseFields,
    ReleaseView,
    Show,
)
from showtrack.store import Readable, Store
from showtrack.text import fold
from showtrack.tracker.history import known_on
from showtrack.windows.window import STATUSES, countdown_text, status_on

if TYPE_CHECKING:
    from showtrack.windows.durations import Duration

# windows.constraints and windows.durations are imported where they are used: most
# listings have no release that waits on another and no lead time to read, and every
# start of the program pays for what it imports.

Clock = Callable[[], datetime]
"""The current instant, asked for only when a shown release airs at an exact time: the
clock needs the time zone database, which most listings never load."""


class Row(msgspec.Struct):
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


def _row(record: ReleaseFields, show: Show, today: date, day: str, zone: tzinfo) -> Row | None:
    """The row of a release as known on `today`; None when it was not yet known."""
    since = record.last_reported()
    if (since is not None and since > day) or (
        record.release_date is not None and record.release_date > day
    ):
        # Only a look back in time (--today) needs the history.
        known = known_on(record.to_release(), today)
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
    return Row(record, show, earliest, latest, record.released_on, local_air=local_air)


def _resolve(rows: list[Row], today: date) -> list[Row]:
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


def listing_rows(db: Readable, today: date) -> list[Row]:
    """Every release as known on `today`, constraints resolved."""
    by_id = {s.id: s for s in db.shows()}
    day = today.isoformat()
    zone = local_zone()
    rows = []
    for record in db.releases():
        show = by_id.get(record.show_id) or Show(record.show_id, record.show_id)
        row = _row(record, show, today, day, zone)
        if row is not None:
            rows.append(row)
    return _resolve(rows, today)


def _countdown(row: Row, today: date, now: Clock | None) -> tuple[bool, str]:
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


def _view(row: Row, today: date, now: Clock | None) -> ReleaseView:
    """The one way a release becomes what writers print: its row as known on `today`,
    with its countdown (its sources stay as the record keeps them until printed)."""
    earliest, latest = row.effective, row.latest
    conflict, countdown = _countdown(row, today, now)
    return ReleaseView(
        release=row.record,
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


def _with_next_episodes(rows: list[Row], today: date, now: Clock | None) -> list[Row]:
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
        episodes = record.listed_episodes()
        row.next_episode, row.on_air = next_up(record, episodes, row.show, today, now, zone)
        if row.released_on is not None and row.released_on <= today:
            row.on_air = True
    return rows


Views = Mapped[Row, ReleaseView]
"""A listing's releases, each view made when reached."""


def sorted_views(rows: list[Row], today: date, now: Clock | None) -> Views:
    """The rows soonest first, as views made when reached."""
    rows.sort(key=Row.sort_key)
    return _views(rows, today, now)


def _views(rows: list[Row], today: date, now: Clock | None) -> Views:
    return Mapped(rows, functools.partial(_view, today=today, now=now))


def chart_rows(rows: list[Row]) -> list[ChartRow]:
    """The rows soonest first, as a chart draws them: no view is made (a timeline of
    100,000 releases draws every one)."""
    rows.sort(key=Row.sort_key)
    return [
        ChartRow(
            row.record.label(row.show.title),
            row.status,
            row.effective,
            row.latest,
            row.released_on,
            row.record.last_episode_day,
        )
        for row in rows
    ]


Entry = ReleaseView | EpisodeView
"""A row of a listing with episodes (`upcoming --episodes`): a release or an episode."""


def episode_sort_key(view: EpisodeView) -> tuple[int, date, date, str, int, str]:
    day = view.air_day
    return (
        2 if day is None else 1,
        day or date.max,
        day or date.max,
        _folded_title(view.show),
        -1 if view.season is None else view.season,
        view.id,
    )


def _mixed(rows: list[Row], today: date, now: Clock | None) -> Mapped[Row | EpisodeView, Entry]:
    """Rows in order, a season on air replaced by its next episode (spec/cli.md: the
    next episode is what comes next for it)."""
    items: list[tuple[tuple[int, date, date, str, int, str], Row | EpisodeView]] = []
    for row in rows:
        if row.on_air and row.next_episode is not None:
            items.append((episode_sort_key(row.next_episode), row.next_episode))
        else:
            items.append((row.sort_key(), row))
    items.sort(key=lambda pair: pair[0])

    def make(item: Row | EpisodeView) -> Entry:
        return item if isinstance(item, EpisodeView) else _view(item, today, now)

    return Mapped([item for _, item in items], make)


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


def upcoming(db: Readable, today: date, filt: UpcomingFilter, now: Clock | None = None) -> Views:
    """What comes next, soonest first (unknown last); a season on air by its next
    episode's day."""
    return sorted_views(_upcoming_rows(db, today, filt, now), today, now)


def upcoming_chart(
    db: Readable, today: date, filt: UpcomingFilter, now: Clock | None = None
) -> list[ChartRow]:
    """What `upcoming` lists, soonest first, as a chart (the timeline) draws it."""
    return chart_rows(_upcoming_rows(db, today, filt, now))


def upcoming_with_episodes(
    db: Readable, today: date, filt: UpcomingFilter, now: Clock | None = None
) -> Mapped[Row | EpisodeView, Entry]:
    """What comes next, as `upcoming`, a season on air as its next episode's own row."""
    return _mixed(_upcoming_rows(db, today, filt, now), today, now)


def _upcoming_rows(db: Readable, today: date, filt: UpcomingFilter, now: Clock | None) -> list[Row]:
    for status in filt.statuses:
        if status not in STATUSES and status not in SHOW_STATUSES:
            raise UsageError(
                f"status {status!r} is not known",
                f"release: {', '.join(STATUSES)}; show: {', '.join(SHOW_STATUSES)}",
            )
    horizon = filt.within.after(today) if filt.within else filt.until
    on_network_and_tags = network_and_tag_test(filt.networks, filt.tags)
    chosen = []
    for row in _with_next_episodes(listing_rows(db, today), today, now):
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


def all_views(
    db: Readable, today: date, now: Clock | None = None, *, soonest_first: bool = True
) -> Views:
    """Every release as known on `today`, soonest first (or in the order they were added)."""
    rows = listing_rows(db, today)
    return sorted_views(rows, today, now) if soonest_first else _views(rows, today, now)


def shows_with_releases(store: Store) -> list[tuple[Show, list[str]]]:
    """Every show, in the order they were added, with the ids of its releases (`list`)."""
    shows = store.shows()
    ids: dict[str, list[str]] = {s.id: [] for s in shows}
    for release in store.releases():
        ids.setdefault(release.show_id, []).append(release.id)
    return [(show, ids[show.id]) for show in shows]


class ShowInfo(NamedTuple):
    """What `info` shows: the show, the ids of its releases in the order they were added,
    and its releases as known on the day, soonest first."""

    show: Show
    release_ids: list[str]
    views: list[ReleaseView]


def show_views(db: Readable, name: str, today: date, now: Clock | None = None) -> ShowInfo:
    """A show (by name) and its releases as known on `today`, soonest first (`info`)."""
    from showtrack.tracker.names import resolve_show

    show = resolve_show(db.shows(), name)
    ids = [r.id for r in db.releases() if r.show_id == show.id]
    rows = [row for row in listing_rows(db, today) if row.record.show_id == show.id]
    views = list(sorted_views(_with_next_episodes(rows, today, now), today, now))
    return ShowInfo(show, ids, views)


def countdown_views(
    store: Store, show: str | None, season: str | None, today: date, now: Clock | None = None
) -> list[ReleaseView]:
    """What `countdown` shows: one release, one show's releases, or (with no name)
    everything upcoming or open; soonest first."""
    from showtrack.tracker.names import find_show, names_a_release, resolve_release

    rows = _with_next_episodes(listing_rows(store, today), today, now)
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
    return list(sorted_views(rows, today, now))

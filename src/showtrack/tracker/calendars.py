"""What a calendar shows: the month grid's releases and episodes (`calendar`), and the
releases and episodes an iCalendar export places (`export --format ics`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import msgspec

from showtrack.clock import local_zone
from showtrack.models import (
    CalendarEntry,
    EpisodeMark,
    EpisodeView,
    MonthRows,
    Show,
)
from showtrack.store import Readable
from showtrack.tracker.history import history_on
from showtrack.tracker.listings import (
    Clock,
    Row,
    chart_rows,
    listing_rows,
    network_and_tag_test,
)


def calendar_month(
    db: Readable, today: date, first: date, last: date, now: Clock | None = None
) -> MonthRows:
    """What a calendar of the days `first` to `last` shows: the releases released on one
    of them, and those not yet out whose window touches them (filtered before they are
    sorted: a month of 100,000 releases shows a few thousand); and the episodes that air
    on them, but for those that air on their own season's day, which the season marks."""
    from showtrack.tracker.episodes import dated_episodes

    releases: list[Row] = []
    on_air: list[Row] = []
    since = first.isoformat()
    for row in listing_rows(db, today):
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
        for view in dated_episodes(row.record, row.show, today, zone):
            day = view.air_day
            if day is not None and first <= day <= last and day != season_day:
                episodes.append(EpisodeMark(day, view.title))
    return MonthRows(chart_rows(releases), episodes)


class CalendarFilter(msgspec.Struct):
    """What `export --format ics` narrows the calendar to."""

    premieres_only: bool = False
    tags: Sequence[str] = ()
    networks: Sequence[str] = ()
    exact_only: bool = False


def calendar_entries(db: Readable, today: date, filt: CalendarFilter) -> list[CalendarEntry]:
    """The releases a calendar can place (released, or a window with both ends: an
    open-ended or TBA one has no place on it), soonest first, each as known on `today`
    with its effective earliest and the history reported by then (which counts towards
    the event's SEQUENCE). From a listing, only their sources and history are decoded."""
    on_network_and_tags = network_and_tag_test(filt.networks, filt.tags)
    placed = []
    for row in listing_rows(db, today):
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
    placed.sort(key=Row.sort_key)
    entries = []
    for row in placed:
        record = row.record
        reported = history_on(record.decoded_marks(), today)
        entries.append(
            CalendarEntry.of(record, row.show, row.effective, record.decoded_sources(), reported)
        )
    return entries


def calendar_episodes(db: Readable, today: date, filt: CalendarFilter) -> list[EpisodeView]:
    """The dated episodes for a calendar (`export --format ics --episodes`), those of a
    season airing at once without a time (a streaming drop) as one."""
    from showtrack.clock import local_zone
    from showtrack.tracker.episodes import dated_episodes

    on_network_and_tags = network_and_tag_test(filt.networks, filt.tags)
    by_id = {s.id: s for s in db.shows()}
    zone = local_zone()
    found: list[EpisodeView] = []
    for release in db.releases():
        if release.episodes_last_day is None:
            continue  # no dated episode: the summary stored beside them says so
        show = by_id.get(release.show_id) or Show(release.show_id, release.show_id)
        if on_network_and_tags(show, release.platform):
            found += dated_episodes(release, show, today, zone, with_history=True)
    return found

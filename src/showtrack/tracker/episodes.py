"""Episodes (spec/cli.md): how each is shown on a day, which one comes next in a season
on air, a season's list, recording one by hand, and merging what a source reports.

An episode's air instant is an aware datetime; it is shown in the user's zone, so the
offset of the day it airs applies (20:00 in New York is 00:00 UTC in October and 01:00 UTC
in January). Episodes airing together without a time (a streaming drop) are one view.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, tzinfo
from typing import NamedTuple

import msgspec

from showtrack.errors import NotFoundError, UsageError
from showtrack.models import (
    Episode,
    EpisodeFields,
    EpisodeMove,
    EpisodeView,
    Release,
    ReleaseFields,
    Show,
    WindowRecord,
    parse_season,
)
from showtrack.store import Store
from showtrack.windows.regions import zone_named
from showtrack.windows.window import plural, until_instant

Clock = Callable[[], datetime]

#: A show with one of these statuses makes no more episodes: its undated ones are not
#: "to come" (TVmaze keeps never-aired episodes of ended shows undated for ever).
FINISHED = ("ended", "cancelled")


def has_episodes_to_come(record: ReleaseFields, show: Show, today: date) -> bool:
    """Whether a season may have an episode on or after `today`, from the summary stored
    beside its episodes: no decoding, so listings pay only for the seasons on air."""
    last = record.episodes_last_day
    # The day before today too: an episode late in the evening elsewhere is today here.
    # (ISO days compare as strings: no parsing for each of 100,000 releases.)
    if last is not None and last >= _yesterday(today):
        return True
    return record.episodes_undated > 0 and show.status not in FINISHED


@functools.cache
def _yesterday(today: date) -> str:
    return date.fromordinal(today.toordinal() - 1).isoformat()


def _instant(episode: EpisodeFields) -> datetime | None:
    return datetime.fromisoformat(episode.air_time) if episode.air_time else None


def episode_view(
    episode: EpisodeFields,
    release: ReleaseFields,
    show: Show,
    today: date,
    now: Clock | None,
    zone: tzinfo,
) -> EpisodeView:
    """An episode as shown on `today`: its status, days until, countdown, and its air
    instant in the user's zone `zone`."""
    instant = _instant(episode)
    local = instant.astimezone(zone) if instant is not None else None
    day = local.date() if local is not None else episode.air_day
    if day is None:
        status, days, countdown = "unknown", None, "TBA"
    else:
        days = (day - today).days
        if local is not None and days == 0 and now is not None:
            countdown = until_instant(local, now())
            status = "aired" if countdown == "aired" else "upcoming"
        elif days < 0:
            status, countdown = "aired", f"aired {day.isoformat()}"
        else:
            status = "upcoming"
            countdown = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
    return EpisodeView(
        episode=episode,
        release_id=release.id,
        season=release.season,
        show=show,
        platform=release.platform or show.network,
        status=status,
        days_until=days,
        countdown=countdown,
        local_air=local,
    )


def _group_key(view: EpisodeView) -> tuple[date | None, str | None]:
    return view.air_day, view.episode.air_time


def next_up(
    release: ReleaseFields,
    episodes: Sequence[EpisodeFields],
    show: Show,
    today: date,
    now: Clock | None,
    zone: tzinfo,
) -> tuple[EpisodeView | None, bool]:
    """The next episode of a season (or the episodes airing with it at once), and whether
    the season is on air (an episode of it has aired). (None, ...) when none is to come.

    Views are made only for the episodes that can be next: a day in the user's zone is
    the stored air day give or take one, so days before yesterday have aired, and days
    after the first one to come (plus one) cannot come first."""
    yesterday = _yesterday(today)
    on_air = any(e.air_date is not None and e.air_date < yesterday for e in episodes)
    dated = sorted(
        (e for e in episodes if e.air_date is not None and e.air_date >= yesterday),
        key=lambda e: e.air_date or "",
    )
    upcoming: list[EpisodeView] = []
    last_candidate_day: str | None = None
    for episode in dated:
        if last_candidate_day is not None and (episode.air_date or "") > last_candidate_day:
            break
        view = episode_view(episode, release, show, today, now, zone)
        if view.status == "aired":
            on_air = True
        elif last_candidate_day is None:
            day = date.fromisoformat(episode.air_date or "")
            last_candidate_day = date.fromordinal(day.toordinal() + 1).isoformat()
            upcoming.append(view)
        else:
            upcoming.append(view)
    if upcoming:
        first = min(upcoming, key=_sort_instant)
        together = [v for v in upcoming if _group_key(v) == _group_key(first)]
    elif show.status not in FINISHED:
        undated = sorted(
            (e for e in episodes if e.air_date is None), key=EpisodeFields.running_order
        )
        together = [episode_view(e, release, show, today, now, zone) for e in undated[:1]]
    else:
        together = []
    if not together:
        return None, on_air
    together.sort(key=_sort_instant)
    return _together(together, episodes), on_air


def _together(views: Sequence[EpisodeView], episodes: Sequence[EpisodeFields]) -> EpisodeView:
    """The first of episodes that air at once, standing for all of them."""
    head = views[0]
    if len(views) == 1:
        return head
    regular = [e for e in episodes if e.type == "regular"]
    numbers = [v.episode.number for v in views if v.episode.number is not None]
    return msgspec.structs.replace(
        head,
        count=len(views),
        last_number=max(numbers) if numbers else None,
        whole_season=len(views) >= len(regular),
    )


def upcoming_in(
    release: ReleaseFields,
    episodes: Sequence[EpisodeFields],
    show: Show,
    today: date,
    until: date,
    now: Clock | None,
    zone: tzinfo,
) -> list[EpisodeView]:
    """A season's episodes to come by `until` (in the user's zone), soonest first; those
    airing at once (a streaming drop) as one view."""
    views = sorted(
        (
            v
            for v in (episode_view(e, release, show, today, now, zone) for e in episodes)
            if v.status == "upcoming" and v.air_day is not None and v.air_day <= until
        ),
        key=_sort_instant,
    )
    return _grouped(views, episodes)


def dated_episodes(
    release: ReleaseFields, show: Show, today: date, zone: tzinfo, *, with_history: bool = False
) -> list[EpisodeView]:
    """Every dated episode of a season, in air order; those airing together without a
    time (a streaming drop) as one view; with their history (an iCalendar's) if asked."""
    episodes = release.decoded_episodes() if with_history else release.listed_episodes()
    views = sorted(
        (
            v
            for v in (episode_view(e, release, show, today, None, zone) for e in episodes)
            if v.air_day is not None
        ),
        key=_sort_instant,
    )
    return _grouped(views, episodes)


def _grouped(views: Sequence[EpisodeView], episodes: Sequence[EpisodeFields]) -> list[EpisodeView]:
    """Views in air order, those airing at once (same day, no time, or the same instant)
    joined into one."""
    groups: list[list[EpisodeView]] = []
    for view in views:
        if groups and _group_key(groups[-1][0]) == _group_key(view):
            groups[-1].append(view)
        else:
            groups.append([view])
    return [_together(group, episodes) for group in groups]


def _sort_instant(view: EpisodeView) -> tuple[date, tuple[int, str], time]:
    """Air order: by day, and within a day by number, so that an episode whose time is
    not known (yet) does not come before an earlier one whose time is."""
    day = view.air_day or date.max
    at = view.local_air.time() if view.local_air is not None else time.min
    return day, view.episode.running_order(), at


def on_air_countdown(view: EpisodeView) -> str:
    """A season on air counts down to its next episode: 'S6E15 Tue 20:00, in 2 days'."""
    if view.status == "unknown":
        return f"{view.label} TBA"
    return f"{view.label} {view.when}, {view.countdown}"


# --------------------------------------------------------------------------- a season


def _named_season(store: Store, show: Show, season_text: str) -> Release:
    """The season of `show` a user names (`6`, `S6`)."""
    number = parse_season(season_text)
    rid = f"{show.id}/s{number}" if number is not None else None
    releases = [r for r in store.releases() if r.show_id == show.id]
    for release in releases:
        if release.id == rid:
            return release
    known = ", ".join(r.id for r in releases) or "none yet"
    raise NotFoundError(f"{show.title} has no season {season_text!r}", f"its releases: {known}")


def season_episodes(
    store: Store, show_name: str, season_text: str | None, today: date, now: Clock | None
) -> tuple[Show, Release, list[EpisodeView]]:
    """A season's episodes as shown on `today`, in air order (`episodes`). Without a
    season: the one with the next episode to come, else the last one with episodes."""
    from showtrack.clock import local_zone
    from showtrack.tracker.names import find_show

    show = find_show(store, show_name)
    zone = local_zone()
    if season_text is None:
        candidates = sorted(
            (r for r in store.releases() if r.show_id == show.id and r.episodes),
            key=lambda r: (r.season is None, r.season or 0),
        )
        if not candidates:
            raise NotFoundError(
                f"no episodes are known for {show.title}",
                "link and sync it (showtrack link, showtrack sync), or add one: "
                "showtrack episode SHOW SEASON NUMBER DATE",
            )
        release = candidates[-1]
        for candidate in candidates:
            head, _ = next_up(candidate, candidate.episodes, show, today, now, zone)
            if head is not None:
                release = candidate
                break
    else:
        release = _named_season(store, show, season_text)
    # In air order (a special between the episodes it aired between), undated last.
    views = sorted(
        (episode_view(e, release, show, today, now, zone) for e in release.episodes),
        key=_sort_instant,
    )
    return show, release, views


# --------------------------------------------------------------------------- recording


class EpisodeOptions(msgspec.Struct):
    """Everything `showtrack episode` can say beside the day."""

    title: str | None = None
    at: str | None = None
    tz: str | None = None
    runtime: int | None = None
    special: bool = False
    source: str | None = None
    url: str | None = None
    as_of: date | None = None


class Recorded(NamedTuple):
    """What `episode` did: the season, the episode and how it is shown on the day,
    whether the episode was new, whether anything changed, and what else the user should
    know."""

    show: Show
    release: Release
    episode: Episode
    view: EpisodeView
    created: bool
    changed: bool
    notes: tuple[str, ...] = ()


def _move(episode: Episode, as_of: date, source: str | None, url: str | None) -> EpisodeMove:
    from showtrack.clock import utc_stamp

    return EpisodeMove(
        recorded_at=utc_stamp(),
        as_of=as_of.isoformat(),
        air_date=episode.air_date,
        air_time=episode.air_time,
        source=source,
        url=url,
    )


def same_air(a: Episode, b: Episode) -> bool:
    """Whether two records of an episode air at the same day and instant (instants
    compared as instants: TVmaze wrote the same one with different offsets over years)."""
    if a.air_date != b.air_date:
        return False
    first, second = _instant(a), _instant(b)
    return first == second


def _keep_wall_time(old: Episode, day: date, show: Show) -> str | None:
    """The old air time of day on a new day, in the show's zone (so 20:00 stays 20:00
    across a daylight-saving change); None when the show's zone is not known."""
    instant = _instant(old)
    if instant is None or show.zone is None:
        return None
    zone = zone_named(show.zone)
    if zone is None:
        return None
    return datetime.combine(day, instant.astimezone(zone).time(), tzinfo=zone).isoformat()


def record_episode(
    store: Store,
    show_name: str,
    season_text: str,
    number: int,
    phrase: str,
    options: EpisodeOptions,
    today: date,
    zone: tzinfo,
) -> Recorded:
    """Record one episode by hand, or revise its day; its history grows when the day or
    the instant changed. The season is created (TBA) if it is not tracked yet; a first
    episode's day becomes its season's window."""
    from showtrack.tracker.history import reported_on
    from showtrack.tracker.names import find_show

    show = find_show(store, show_name)
    as_of = reported_on(options.as_of, today)
    if options.tz is not None and options.at is None:
        raise UsageError("--tz goes with --at", "e.g. --at 20:00 --tz America/New_York")
    release, new_release = _season_of_episode(store, show, season_text, as_of, options)
    show_zone = zone_named(show.zone) or zone
    air_date, air_time = _episode_day(phrase, as_of, release.region, show_zone, options)
    old = next((e for e in release.episodes if e.number == number), None)
    episode, notes = _revised(old, number, air_date, air_time, options, show)
    before = msgspec.structs.replace(old, history=[]) if old is not None else None
    moved = old is None or before is None or not same_air(before, episode)
    if moved:
        episode.source = options.source
        episode.history.append(_move(episode, as_of, options.source, options.url))
    changed = moved or msgspec.structs.replace(episode, history=[]) != before
    release.episodes = sorted(
        [e for e in release.episodes if e is not old] + [episode], key=Episode.running_order
    )
    if number == 1 and not options.special and air_date and release.release_date is None:
        notes += _dated_by_its_first_episode(release, air_date, episode.air_time, as_of, options)
    if new_release:
        store.insert([release])
    elif changed or notes:
        store.update([release])
    view = episode_view(episode, release, show, today, None, zone)
    created, changed = old is None, changed or new_release
    return Recorded(show, release, episode, view, created, changed, tuple(notes))


def _season_of_episode(
    store: Store, show: Show, season_text: str, as_of: date, options: EpisodeOptions
) -> tuple[Release, bool]:
    """The season an episode belongs to, and whether it is new: one not tracked yet is
    created TBA, with its first history entry."""
    from showtrack.tracker.history import history_entry
    from showtrack.windows.window import make_window

    season = parse_season(season_text)
    if season is None:
        raise UsageError(
            f"{season_text!r} is not a season number", "episodes belong to a season: e.g. 6 or S6"
        )
    release = store.release(f"{show.id}/s{season}")
    if release is not None:
        return release, False
    release = Release(
        id=f"{show.id}/s{season}",
        show_id=show.id,
        season=season,
        window=WindowRecord.of(make_window("TBA", None, None)),
        stage="announced",
    )
    release.history.append(history_entry(release, as_of, options.source, options.url))
    return release, True


def _episode_day(
    phrase: str, as_of: date, region: str | None, show_zone: tzinfo, options: EpisodeOptions
) -> tuple[str | None, str | None]:
    """The day an episode airs (None: TBA) and its instant (--at in --tz, else the show's
    zone; else the time the phrase gave). A window of more than one day is refused."""
    from showtrack.windows.days import air_instant
    from showtrack.windows.phrases import parse_window
    from showtrack.windows.window import window_dates

    window = parse_window(phrase, as_of, region, default_zone=show_zone)
    if not window.is_exact and (window.earliest is not None or window.latest is not None):
        raise UsageError(
            f"an episode airs on one day, and {phrase!r} reads as "
            f"{window_dates(_iso(window.earliest), _iso(window.latest))}",
            "give its day (2020-01-14, 'march 3'), or TBA",
        )
    air_date = window.earliest.isoformat() if window.is_exact and window.earliest else None
    if options.at is not None:
        day = window.earliest if air_date else None
        return air_date, air_instant(day, options.at, options.tz, show_zone)
    return air_date, window.air_time.isoformat() if window.air_time else None


def _revised(
    old: Episode | None,
    number: int,
    air_date: str | None,
    air_time: str | None,
    options: EpisodeOptions,
    show: Show,
) -> tuple[Episode, list[str]]:
    """The episode as the news says (a copy of the old one, its history kept), and what
    the user should know. With no time given, a repeated day keeps its time, and a new
    day keeps the time of day in the show's zone where that zone is known."""
    notes: list[str] = []
    if old is None:
        episode = Episode(number=number, type="special" if options.special else "regular")
    else:
        episode = msgspec.structs.replace(old, history=list(old.history))
        if air_time is None and old.air_time and options.at is None:
            if air_date == old.air_date:
                air_time = old.air_time  # a day repeated keeps its known time
            elif air_date is not None:
                air_time = _keep_wall_time(old, date.fromisoformat(air_date), show)
                if air_time is None:
                    notes.append("its air time was dropped with the old day: give --at")
    episode.air_date, episode.air_time = air_date, air_time
    if options.title is not None:
        episode.title = options.title
    if options.runtime is not None:
        episode.runtime = options.runtime
    if options.special:
        episode.type = "special"
    return episode, notes


def _dated_by_its_first_episode(
    release: Release,
    air_date: str,
    air_time: str | None,
    as_of: date,
    options: EpisodeOptions,
) -> list[str]:
    """A first episode's day becomes its season's window (with a history entry), and
    its instant the season's air time."""
    from showtrack.tracker.history import history_entry
    from showtrack.windows.window import make_window

    notes = []
    if (release.window.earliest, release.window.latest) != (air_date, air_date):
        first = date.fromisoformat(air_date)
        release.window = WindowRecord.of(make_window(air_date, first, first, release.region))
        release.stage = "dated"
        release.history.append(history_entry(release, as_of, options.source, options.url))
        notes.append(f"its season's window is now {air_date}")
    release.air_time = air_time
    return notes


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def merge_reported(
    release: Release, reported: Sequence[Episode], as_of: date, source: str, url: str | None
) -> list[str]:
    """Put what a source reports of a season's episodes into `release`: new episodes
    added, a moved day or instant recorded in the episode's history (the source's date
    wins: it is the newer report), titles and runtimes brought up to date. Episodes the
    source does not know (added by hand) stay. Returns the changes, in words."""
    episodes = list(release.episodes)
    by_tvmaze = {e.tvmaze_id: i for i, e in enumerate(episodes) if e.tvmaze_id is not None}
    by_number = {
        e.number: i for i, e in enumerate(episodes) if e.number is not None and e.type == "regular"
    }
    added: list[str] = []
    changes: list[str] = []
    for new in reported:
        index = None if new.tvmaze_id is None else by_tvmaze.get(new.tvmaze_id)
        if index is None and new.number is not None and new.type == "regular":
            index = by_number.get(new.number)
        label = f"E{new.number}" if new.number is not None else f"special {new.title or ''}"
        if index is None:
            fresh = msgspec.structs.replace(new, source=source, history=[])
            fresh.history.append(_move(fresh, as_of, source, url))
            episodes.append(fresh)
            added.append(label)
            continue
        old = episodes[index]
        updated = msgspec.structs.replace(
            old,
            title=new.title or old.title,
            runtime=new.runtime or old.runtime,
            type=new.type,
            tvmaze_id=new.tvmaze_id,
            history=list(old.history),
        )
        if not same_air(old, new):
            updated.air_date, updated.air_time, updated.source = new.air_date, new.air_time, source
            updated.history.append(_move(updated, as_of, source, url))
            changes.append(
                f"{label} moved to {new.air_date or 'TBA'} (was {old.air_date or 'TBA'})"
            )
        elif updated != old:
            changes.append(f"{label} details")
        episodes[index] = updated
    if added:
        changes.insert(
            0,
            f"{plural(len(added), 'new episode')} ({', '.join(added[:3])}"
            + (", ...)" if len(added) > 3 else ")"),
        )
    if changes:
        release.episodes = sorted(episodes, key=Episode.running_order)
    return changes

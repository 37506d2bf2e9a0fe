"""What a stored record may hold beyond its type: the days and instants every reader
parses. The store checks a record with these when it decodes it, `db check` reports
them, and a write refuses a file that fails them, so that no value a command later
parses can make it fail (spec/cli.md: a damaged file is exit 4, never an internal error).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from showtrack.models.records import (
        EpisodeFields,
        EpisodeMove,
        HistoryEntry,
        HistoryMark,
        Release,
        ReleaseFields,
        Show,
    )


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
    its window's days, its release date, its last episode's day (the timeline draws it)
    and its air time, which commands parse. (known_since is only compared as text.)"""
    return (
        _day_problem(release.window.earliest, "its earliest day")
        or _day_problem(release.window.latest, "its latest day")
        or _day_problem(release.release_date, "its release date")
        or _day_problem(release.episodes_last_day, "its last episode's day")
        or _instant_problem(release.air_time, "its air time")
    )


def first_release_problem(releases: Iterable[ReleaseFields]) -> tuple[str, str] | None:
    """The first release whose own fields hold a value no command can read, and why
    (`release_problem`, its common case inlined: this runs on every listing)."""
    good = _GOOD_DAYS
    for release in releases:
        window = release.window
        earliest, latest, released = window.earliest, window.latest, release.release_date
        last_episode = release.episodes_last_day
        if (
            (earliest is None or earliest in good)
            and (latest is None or latest in good)
            and (released is None or released in good)
            and (last_episode is None or last_episode in good)
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
        window = getattr(entry, "window", None)  # a release's history entry
        if problem is None and window is not None:
            problem = _day_problem(window.earliest, "a history entry's earliest day")
            problem = problem or _day_problem(window.latest, "a history entry's latest day")
        if problem is None and hasattr(entry, "air_date"):  # an episode's move
            problem = _day_problem(getattr(entry, "air_date", None), "a move's air day")
            air_time = getattr(entry, "air_time", None)
            problem = problem or _instant_problem(air_time, "a move's air time")
        if problem is not None:
            return problem
    return None


def episodes_problem(episodes: Iterable[EpisodeFields]) -> str | None:
    """What in a season's episodes no command can read."""
    for episode in episodes:
        problem = _day_problem(episode.air_date, "an episode's air day") or _instant_problem(
            episode.air_time, "an episode's air time"
        )
        if problem is None and hasattr(episode, "history"):  # a stored Episode
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

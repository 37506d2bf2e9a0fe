"""A release's history: the entry a change of its window or stage records (every
writer imports it: edits, episodes, sync), what was known of it on a day (`--today`),
and the `history` command's view of it, or of an episode's moves."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TypeVar

import msgspec

from showtrack.clock import utc_stamp
from showtrack.errors import NotFoundError, UsageError
from showtrack.models import Episode, EpisodeMove, HistoryEntry, HistoryMark, Release
from showtrack.store import Readable
from showtrack.windows.window import plural


def reported_on(as_of: date | None, today: date) -> date:
    """The day a report was made (`--as-of`, else today); a day after today is refused:
    news cannot come from the future."""
    day = as_of or today
    if day > today:
        raise UsageError(
            f"--as-of {day} is after today ({today})", "as-of is the day the news was reported"
        )
    return day


def history_entry(
    release: Release,
    as_of: date | None,
    source: str | None,
    url: str | None,
    note: str | None = None,
) -> HistoryEntry:
    """A history entry recording the release's current window and stage, now."""
    return HistoryEntry(
        recorded_at=utc_stamp(),
        as_of=None if as_of is None else as_of.isoformat(),
        window=release.window,
        stage=release.stage,
        source=source,
        url=url,
        note=note,
    )


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


Reported = TypeVar("Reported", bound=HistoryEntry | HistoryMark)


def history_on(history: Sequence[Reported], today: date) -> list[Reported]:
    """The entries of a release's history that had been reported by `today`."""
    day = today.isoformat()
    return [h for h in history if not h.as_of or h.as_of <= day]


def release_history(
    store: Readable, show_name: str, season: str | None, today: date
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


def history_of(release: Release, episode_text: str) -> tuple[Episode, list[EpisodeMove]]:
    """An episode of `release` named `e15`, `E15` or `15`, and its moves."""
    m = re.fullmatch(r"\s*(?:s\d+)?e?0*(\d+)\s*", episode_text, re.IGNORECASE)
    found = next((e for e in release.episodes if m is not None and e.number == int(m[1])), None)
    if found is None:
        raise NotFoundError(
            f"{release.id} has no episode {episode_text!r}",
            f"it has {plural(len(release.episodes), 'episode')}; see `showtrack episodes`",
        )
    return found, list(found.history)


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
    store: Readable, show_arg: str, season_arg: str | None, today: date
) -> tuple[str, list[EpisodeMove]]:
    """An episode's title ('The Flash S6E15') and how its air day moved, as reported by
    `today`."""
    from showtrack.tracker.names import resolve_release

    ref = episode_ref(show_arg, season_arg)
    assert ref is not None
    show_name, season, number = ref
    show, release = resolve_release(store, show_name, str(season))
    episode, moves = history_of(release, str(number))
    day = today.isoformat()
    shown = [m for m in moves if not m.as_of or m.as_of <= day]
    return f"{release.label(show.title)}E{episode.number}", shown

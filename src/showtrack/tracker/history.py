"""A release's history: the entry a change of its window or stage records (every
writer imports it: edits, episodes, sync), what was known of it on a day (`--today`),
and the `history` command's view of it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

import msgspec

from showtrack.clock import utc_stamp
from showtrack.errors import UsageError
from showtrack.models import HistoryEntry, HistoryMark, Release
from showtrack.store import Readable


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

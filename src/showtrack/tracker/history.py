"""History entries: what a change of a release's window or stage records. A leaf, so
that every module that records one (edits, episodes, sync) can import it."""

from __future__ import annotations

from datetime import date

from showtrack.clock import utc_stamp
from showtrack.models import HistoryEntry, Release


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

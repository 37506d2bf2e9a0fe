"""What a sync records (spec/sync.md): which linked shows to fetch, and how what TVmaze
reports becomes history. A date from TVmaze becomes the release's window, stage `dated`;
a season whose first episode aired is released that day; a season TVmaze knows no date
for is created TBA, and otherwise left alone, so that a window from the news survives.
Every change is a history entry with TVmaze as the source; nothing unchanged is written.
Everything goes into the database through transfer.apply_batch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from showtrack.errors import UsageError
from showtrack.models import (
    Feed,
    FeedOutcome,
    KnownShow,
    Release,
    SeasonReport,
    Show,
    ShowReport,
    Source,
    WindowRecord,
)
from showtrack.store import Store
from showtrack.tracker.episodes import merge_reported
from showtrack.tracker.history import history_entry
from showtrack.tracker.proposals import known_shows
from showtrack.tracker.transfer import apply_batch
from showtrack.windows.window import make_window, plural, window_dates

if TYPE_CHECKING:
    from showtrack.tracker.news import NewsReport

SOURCE = "TVmaze"
CHECKED = "tvmaze_checked"  # meta: the last day sync asked TVmaze what changed


class Change(NamedTuple):
    """One thing a sync recorded (or, with --dry-run, would record)."""

    show_id: str
    show: str
    release: str | None
    what: str

    def to_dict(self) -> dict[str, str | None]:
        """As `sync -o json` writes it."""
        return {
            "show_id": self.show_id,
            "show": self.show,
            "release": self.release,
            "change": self.what,
        }


class SyncPlan(NamedTuple):
    """What a sync will fetch: the shows named on the command line, the linked shows to
    ask TVmaze about and since when, the feeds to read, and the tracked shows as the
    reader of their entries needs them."""

    named: list[Show]
    shows: list[Show]
    since: str | None
    feeds: list[Feed]
    known: Sequence[KnownShow] = ()

    @property
    def checks_changes(self) -> bool:
        """Whether TVmaze's list of changed shows is read (not when shows are named)."""
        return bool(self.shows) and not self.named


def plan(store: Store, show_names: Sequence[str], only: str | None, today: date) -> SyncPlan:
    """What `sync` fetches: with `only` 'tvmaze' or 'news' one of the two; the shows
    named (each linked), else every linked show and every followed feed; TVmaze asked
    only what changed since the last sync when that was recent."""
    from showtrack.tracker.names import find_show

    if only not in (None, "tvmaze", "news"):
        raise UsageError(f"--only {only!r} is not tvmaze or news")
    if show_names and only == "news":
        raise UsageError("shows are named for TVmaze only", "leave out --only news")
    named = [find_show(store, name) for name in show_names]
    shows = linked(store, named) if only != "news" else []
    since = None if named or not shows else updates_since(store, today)
    feeds = [] if only == "tvmaze" or show_names else store.feeds()
    feeds = [f for f in feeds if f.state != "gone"]
    return SyncPlan(named, shows, since, feeds, known_shows(store, today) if feeds else ())


class Synced(NamedTuple):
    """What a sync recorded: TVmaze's changes, and what the news queued or recorded."""

    changes: list[Change]
    news: NewsReport


def record_all(
    store: Store,
    plan: SyncPlan,
    reports: Sequence[tuple[str, ShowReport]] | None,
    complete: bool,
    outcomes: Sequence[FeedOutcome],
    today: date,
    local_zone: tzinfo,
) -> Synced:
    """Record what was fetched: TVmaze's `reports` (None when it was not asked) and the
    feeds' `outcomes`. When every changed show was fetched (`complete`), the next sync
    need only ask what changed since today."""
    from showtrack.tracker import news

    checked = reports is not None and complete and plan.checks_changes
    changes = record(store, reports, today, checked=checked) if reports is not None else []
    return Synced(changes, news.queue(store, outcomes, today, local_zone))


def linked(store: Store, named: Sequence[Show]) -> list[Show]:
    """The shows to sync: those named (each must be linked), else every linked show."""
    for show in named:
        if show.tvmaze is None:
            raise UsageError(
                f"{show.title} is not linked to TVmaze", "link it: showtrack link SHOW"
            )
    return [s for s in (named or store.shows()) if s.tvmaze is not None]


def updates_since(store: Store, today: date) -> str | None:
    """The span to ask TVmaze's /updates/shows for (day, week, month) that covers
    everything since the last sync; None when it is too long ago (or never): then every
    linked show is fetched."""
    last = store.meta.get(CHECKED)
    if not isinstance(last, str):
        return None
    try:
        days = (today - date.fromisoformat(last)).days
    except ValueError:
        return None
    for span, reach in (("day", 1), ("week", 7), ("month", 30)):
        if 0 <= days <= reach:
            return span
    return None


def _exact(day: str, region: str | None) -> WindowRecord:
    first = date.fromisoformat(day)
    return WindowRecord.of(make_window(day, first, first, region))


def _facts(release: Release) -> tuple[str | None, ...]:
    """What a sync may change of a release: its window, stage, air time, release date."""
    w = release.window
    return w.earliest, w.latest, release.stage, release.air_time, release.release_date


def _season(
    show: Show, season: SeasonReport, current: Release | None, today: date, url: str | None
) -> tuple[Release | None, list[str]]:
    """The release a season report changes, and the changes in words (the season's, then
    its episodes'); (None, []) when there is nothing new."""
    rid = f"{show.id}/s{season.number}"
    release = (
        msgspec.structs.replace(
            current, history=list(current.history), sources=list(current.sources)
        )
        if current is not None
        else Release(id=rid, show_id=show.id, season=season.number)
    )
    before = _facts(release)
    if season.first_aired and release.release_date is None:
        release.window = _exact(season.first_aired, release.region)
        release.release_date, release.stage = season.first_aired, "released"
        release.air_time = season.air_time
    elif season.premiere and release.release_date is None:
        if (release.window.earliest, release.window.latest) != (season.premiere,) * 2:
            release.window = _exact(season.premiere, release.region)
        release.stage = "dated"
        release.air_time = season.air_time
    elif current is None:
        release.window = WindowRecord.of(make_window("TBA", None, None))
        release.stage = "announced"
    facts_changed = _facts(release) != before or current is None
    episodes = merge_reported(release, season.episodes, today, SOURCE, url)
    if not facts_changed and not episodes:
        return None, []
    if all(s.name != SOURCE for s in release.sources):
        release.sources.append(Source(SOURCE, url, today.isoformat()))
    said = [f"S{season.number} {what}" for what in episodes]
    if not facts_changed:
        return release, said
    release.history.append(history_entry(release, today, SOURCE, url))
    was = "new" if current is None else window_dates(before[0], before[1])
    now = window_dates(release.window.earliest, release.window.latest)
    verb = "released" if release.release_date and not before[4] else release.stage or "tba"
    return release, [f"S{season.number} {verb} {now} (was {was})", *said]


def _show(show: Show, report: ShowReport) -> tuple[Show, list[str]]:
    updated = msgspec.structs.replace(show, tvmaze=report.link)
    notes = []
    if report.network and report.network != show.network:
        updated.network = report.network
        notes.append(f"network {report.network}")
    if report.zone and report.zone != show.zone:
        updated.zone = report.zone
    if report.status == "Ended" and show.status != "ended":
        updated.status = "ended"
        notes.append("ended")
    elif report.status == "Running" and show.status in (None, "ended", "cancelled"):
        updated.status = "returning"
    return updated, notes


def record(
    store: Store, reports: Sequence[tuple[str, ShowReport]], today: date, *, checked: bool
) -> list[Change]:
    """Record what TVmaze reported of each show (by id) in the store, through
    apply_batch, and say what changed. `checked`: TVmaze's list of changes was read
    today, so the next sync need only ask what changed since."""
    releases = {r.id: r for r in store.releases()}
    shows: list[Show] = []
    changed: list[Release] = []
    changes: list[Change] = []
    for show_id, report in reports:
        current = store.show(show_id)
        if current is None or current.tvmaze is None or current.tvmaze.id != report.link.id:
            continue  # removed or relinked while TVmaze was being asked
        show, notes = _show(current, report)
        if show != current:
            shows.append(show)
        changes += [Change(show.id, show.title, None, note) for note in notes]
        for season in report.seasons:
            release, what = _season(
                show, season, releases.get(f"{show.id}/s{season.number}"), today, report.link.url
            )
            if release is not None:
                changed.append(release)
                changes += [Change(show.id, show.title, release.id, w) for w in what]
    if shows or changed:
        apply_batch(store, shows, changed, what="sync")
    if checked and store.meta.get(CHECKED) != today.isoformat():
        store.meta[CHECKED] = today.isoformat()
    return changes


def summary(
    linked_shows: int, fetched: int, answered: int, changes: Sequence[Change], dry_run: bool
) -> str:
    """The line `sync` ends with: what was fetched, at what cost (the requests TVmaze
    answered), and what it recorded."""
    would = "would record" if dry_run else "recorded"
    return (
        f"{fetched} of {linked_shows} linked shows fetched ({plural(answered, 'request')} to "
        f"TVmaze), {linked_shows - fetched} unchanged or not fetched; "
        f"{would} {plural(len(changes), 'change')}"
    )

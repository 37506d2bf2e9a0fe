"""What `check` reports: the releases and episodes due on a day, and with `--once` what
was not said before, remembered in the database's meta so that the memory travels with
the data."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from showtrack.models import EpisodeView, InboxItem, ReleaseView
from showtrack.store import Readable, Store
from showtrack.text import printable
from showtrack.tracker.listings import (
    Clock,
    Views,
    episode_sort_key,
    listing_rows,
    sorted_views,
)

if TYPE_CHECKING:
    from showtrack.windows.durations import Duration

DEFAULT_LEAD_DAYS = 7


class Due(NamedTuple):
    """What `check` found due, and the proposals that arrived since it last said so."""

    views: Sequence[ReleaseView]
    episodes: Sequence[EpisodeView]
    arrived: Sequence[InboxItem] = ()

    def lines(self) -> list[str]:
        """What `check` says, and sends: a line for each due release and episode, by the
        day it starts (a timed one by its day and time where the user is), then how
        many proposals arrived. Plain text for cron's mail: no table, no colour."""
        lines: list[tuple[str, str]] = []
        for v in self.views:
            latest = v.release.window.latest
            eff = v.effective_earliest.isoformat() if v.effective_earliest else ""
            when = eff if eff == latest else f"{eff}..{latest or ''}"
            if v.local_air is not None and v.release.released_on is None:
                when = eff = f"{v.local_air:%Y-%m-%d %H:%M}"  # the day it airs where you are
            where = f"  ({printable(v.platform)})" if v.platform else ""
            lines.append((eff, f"{when}  {printable(v.title)}  {v.countdown}{where}\n"))
        for e in self.episodes:
            when = f"{e.local_air:%Y-%m-%d %H:%M}" if e.local_air else str(e.air_day)
            where = f"  ({printable(e.platform)})" if e.platform else ""
            lines.append((when, f"{when}  {printable(e.title)}  {e.countdown}{where}\n"))
        lines.sort(key=lambda line: line[0])
        said = [text for _, text in lines]
        if self.arrived:
            count = len(self.arrived)
            plural = "proposal" if count == 1 else "proposals"
            said.append(f"{count} new {plural} from the news: showtrack inbox\n")
        return said

    def rows(self) -> list[ReleaseView | EpisodeView]:
        """The due releases and episodes as rows (`check -o`), by the day each starts."""
        return sorted(
            [*self.views, *self.episodes],
            key=lambda r: str(r.air_day if isinstance(r, EpisodeView) else r.effective_earliest),
        )


def due_now(
    db: Readable,
    today: date,
    within: Duration | None,
    now: Clock | None,
    *,
    episodes: bool,
    remembering: bool = False,
) -> Due:
    """The due releases of `db` (a listing or a store), and with `episodes` the due
    episodes of the seasons that are not due themselves."""
    views = due(db, today, within, now, remembering=remembering)
    if not episodes:
        return Due(views, [])
    skip = {v.release.id for v in views}
    return Due(views, due_episodes(db, today, within, now, skip))


def not_said_before(
    store: Store,
    today: date,
    within: Duration | None,
    now: Clock | None,
    *,
    episodes: bool,
    remembered: bool,
) -> Due:
    """`check --once`: what is due and was not said before, and the proposals the news
    brought since; remembered as said now when `remembered` (else once a delivery took
    them: `remember`)."""
    from showtrack.tracker import news

    found = due_now(store, today, within, now, episodes=episodes, remembering=True)
    views = not_reported(store, found.views)
    shown = episodes_not_reported(store, found.episodes)
    found = Due(views, shown, news.untold(store))
    if remembered:
        remember(store, found)
    return found


def remember(store: Store, said: Due) -> None:
    """Remember what `check --once` said (or sent): each release in its current window,
    each episode at its day and time, and the proposals counted as told."""
    from showtrack.tracker import news

    remember_reported(store, said.views)
    remember_episodes_reported(store, said.episodes)
    news.mark_told(store, said.arrived)


def due(
    db: Readable,
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
    for row in listing_rows(db, today):
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
    return sorted_views(chosen, today, now)


def due_episodes(
    db: Readable,
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
    for row in listing_rows(db, today):
        record = row.record
        if record.id in skip or not has_episodes_to_come(record, row.show, today):
            continue
        horizon = parse_duration(record.remind).after(today) if record.remind else default_horizon
        episodes = record.listed_episodes()
        found += upcoming_in(record, episodes, row.show, today, horizon, now, zone)
    found.sort(key=episode_sort_key)
    return found


def once_key(view: ReleaseView) -> str:
    """What `check --once` remembers of a release: a changed window is news again."""
    w = view.release.window
    # Becoming overdue is news of its own, once.
    overdue = "|overdue" if view.status == "overdue" else ""
    return f"{w.earliest}|{w.latest}|{view.release.air_time or ''}{overdue}"


def not_reported(store: Store, views: Sequence[ReleaseView]) -> list[ReleaseView]:
    """The views not reported before in their current window."""
    memory = store.meta.get("notified", {})
    return [v for v in views if memory.get(v.release.id) != once_key(v)]


def remember_reported(store: Store, views: Sequence[ReleaseView]) -> None:
    """Remember these views as reported in their current window."""
    if views:
        memory = store.meta.get("notified", {})
        store.meta["notified"] = {**memory, **{v.release.id: once_key(v) for v in views}}


def episode_once_key(view: EpisodeView) -> str:
    """What `check --once --episodes` remembers of an episode: a moved one is news again."""
    return f"{view.episode.air_date}|{view.episode.air_time or ''}|{view.count}"


def episodes_not_reported(store: Store, views: Sequence[EpisodeView]) -> list[EpisodeView]:
    """The episodes not reported before at their current day and time."""
    memory = store.meta.get("notified_episodes", {})
    return [v for v in views if memory.get(v.id) != episode_once_key(v)]


def remember_episodes_reported(store: Store, views: Sequence[EpisodeView]) -> None:
    """Remember these episodes as reported at their current day and time."""
    if views:
        memory = store.meta.get("notified_episodes", {})
        store.meta["notified_episodes"] = {
            **memory,
            **{v.id: episode_once_key(v) for v in views},
        }

"""What an article proposes, in the database's terms, and recording it (spec/read.md).

`reader/` finds proposals in a text; here each gets the tracked show it is about, the
release it would be recorded as and the release it waits on, and the accepted ones go
through `expect`, the same path a typed statement takes, with the article as source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, tzinfo
from typing import Any

import msgspec

from showtrack.models import KnownShow, Proposal, Release, Show, release_slug
from showtrack.store import Store
from showtrack.text import bare_title, fold, slugify
from showtrack.tracker.edits import ExpectOptions, expect, wait_on
from showtrack.tracker.names import matching_shows
from showtrack.windows.window import Window


class ArticleSource(msgspec.Struct, frozen=True):
    """Where the proposals came from, as `read -o json` prints it under "source"."""

    title: str | None
    name: str
    url: str | None
    as_of: date
    as_of_from: str  # option, metadata, dateline, url or today

    def to_dict(self) -> dict[str, Any]:
        """The "source" object of `read -o json`."""
        return {
            "title": self.title,
            "name": self.name,
            "url": self.url,
            "as_of": self.as_of.isoformat(),
            "as_of_from": self.as_of_from,
        }


class ProposalView(msgspec.Struct):
    """A proposal with what it means here: the tracked show (show_id, None when the show
    is not tracked), the release it is recorded as (its id, and its season), the release
    it waits on, and what recording it did (status)."""

    proposal: Proposal
    show_id: str | None
    release: str
    season: int
    after: str | None = None
    status: str = "proposed"

    def to_dict(self) -> dict[str, Any]:
        """The keys of spec/read.md, in that order, then what was done."""
        return {
            **self.proposal.row(self.show_id, self.release, self.after),
            "status": self.status,
        }


def next_season(releases: Iterable[Release], today: date) -> int | None:
    """The season "the new season" means: the first one not out yet (not marked
    released, its window not past), else the one after the last; None for a show with
    no seasons."""
    numbers = [(r.season, _out(r, today)) for r in releases if r.season is not None]
    waiting = [number for number, out in numbers if not out]
    if waiting:
        return min(waiting)
    return max(number for number, _ in numbers) + 1 if numbers else None


def _out(release: Release, today: date) -> bool:
    latest = release.latest
    return (
        release.stage == "released"
        or release.release_date is not None
        or (latest is not None and latest < today)
    )


def known_shows(store: Store, today: date) -> list[KnownShow]:
    """The tracked shows as the reader needs them."""
    by_show: dict[str, list[Release]] = {}
    for release in store.releases():
        by_show.setdefault(release.show_id, []).append(release)
    return [
        KnownShow(
            (show.title, *show.aliases), next_season(by_show.get(show.id, []), today), show.id
        )
        for show in store.shows()
    ]


def _tracked(shows: Sequence[Show], name: str) -> Show | None:
    """The tracked show an article's name means, ignoring a leading "The" or "Marvel's";
    None when it means none, or more than one."""
    if not fold(name):
        return None
    for candidate in dict.fromkeys((name, bare_title(name))):
        found = matching_shows(shows, candidate)
        if len(found) == 1:
            return found[0]
    return None


def resolve(
    store: Store,
    proposals: Sequence[Proposal],
    today: date,
    only: Sequence[str] = (),
    known: Sequence[KnownShow] | None = None,
) -> list[ProposalView]:
    """Each proposal with its tracked show, release and waited-on release; with `only`,
    the proposals about those shows (tracked ones by any of their names, others by the
    name the article gives). `known` is known_shows(store, today), when the caller
    has it already: it saves decoding every release again."""
    shows = store.shows()
    if known is None:
        known = known_shows(store, today)
    next_seasons = {k.id: k.next_season for k in known}
    # A --show names a tracked show, or a show the article names that is not tracked yet.
    wanted = {show.id for name in only if (show := _tracked(shows, name))}
    wanted_names = {fold(name) for name in only}
    views: list[ProposalView] = []
    for p in proposals:
        show = _tracked(shows, p.show)
        if only and not (show and show.id in wanted) and fold(p.show) not in wanted_names:
            continue
        show_id = show.id if show else slugify(p.show)
        season = _season(show_id, p.season, next_seasons)
        after = None
        if p.after_show:
            after_show = _tracked(shows, p.after_show)
            after_id = after_show.id if after_show else slugify(p.after_show)
            after = season_id(after_id, _season(after_id, p.after_season, next_seasons))
        views.append(
            ProposalView(
                proposal=p,
                show_id=show.id if show else None,
                release=season_id(show_id, season),
                season=season,
                after=after,
            )
        )
    return views


def _season(show_id: str, season: int | None, next_seasons: Mapping[str, int | None]) -> int:
    """The season a proposal is recorded as: its own, else the show's next one (season 1
    of a show not tracked yet)."""
    return season if season is not None else next_seasons.get(show_id) or 1


def season_id(show_id: str, season: int) -> str:
    """The id of a show's numbered season: `jessica-jones/s2`."""
    return f"{show_id}/{release_slug(season)}"


def record(
    store: Store,
    views: Sequence[ProposalView],
    source: ArticleSource,
    *,
    create_shows: bool,
    today: date,
    local_zone: tzinfo,
) -> list[ProposalView]:
    """Record the release windows (through `expect`), then what each waits on; every
    view comes back with its status. Nothing already recorded from this article is
    recorded again."""
    done: list[ProposalView] = []
    for view in views:
        done.append(_record_window(store, view, source, create_shows, today, local_zone))
    return [_record_wait(store, view) for view in done]


def _record_window(
    store: Store,
    view: ProposalView,
    source: ArticleSource,
    create_shows: bool,
    today: date,
    local_zone: tzinfo,
) -> ProposalView:
    p = view.proposal
    if p.window is None or (p.window.earliest is None and p.window.latest is None):
        return view  # a wait only ("until X is done"): recorded by _record_wait
    if p.kind != "release":
        return msgspec.structs.replace(view, status="skipped: a window of filming")
    if view.show_id is None and not create_shows:
        return msgspec.structs.replace(view, status="skipped: not tracked (--create-shows)")
    current = store.release(view.release)
    if current is not None and _already_recorded(current, p, source):
        return msgspec.structs.replace(view, status="unchanged")
    options = ExpectOptions(
        source=source.name,
        url=source.url,
        as_of=source.as_of,
        region=p.region,
        create_show=True,
    )
    # A tracked show by its id (found as it is, not searched for by name); one not
    # tracked yet by the article's name, which `expect` adds.
    show = view.show_id or p.show
    # The window the reader built, under the words the proposal shows: not read again
    read = Window(p.phrase, p.window.earliest_day, p.window.latest_day, p.window.edtf or "")
    season = str(view.season)
    found = expect(store, show, season, p.phrase, options, today, local_zone, read=read)
    status = "recorded" if found.changed else "unchanged"
    return msgspec.structs.replace(view, show_id=found.release.show_id, status=status)


def _already_recorded(release: Release, p: Proposal, source: ArticleSource) -> bool:
    """Whether the release's history holds this statement from this article already."""
    window = p.window
    return window is not None and any(
        h.as_of == source.as_of.isoformat()
        and h.source == source.name
        and (h.window.earliest, h.window.latest) == (window.earliest, window.latest)
        for h in release.history
    )


def _record_wait(store: Store, view: ProposalView) -> ProposalView:
    window = view.proposal.window
    if view.after is None or (window is not None and (window.earliest or window.latest)):
        return view
    if store.release(view.release) is None:
        return msgspec.structs.replace(view, status=f"skipped: {view.release} is not tracked")
    if store.release(view.after) is None:
        return msgspec.structs.replace(view, status=f"skipped: {view.after} is not tracked")
    changed = wait_on(store, view.release, view.after)
    return msgspec.structs.replace(view, status="recorded" if changed else "unchanged")

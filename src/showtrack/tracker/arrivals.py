"""Shows brought over from another tracker (spec/import-trackers.md): each followed show
added with its ids, its TVmaze link when one was found and a tag naming where it came
from; a show tracked already merged (ids and a link added, nothing overwritten); movies,
and shows the source marks archived, stopped, ended, dropped or unmonitored, left out
unless asked for. One call, on a store opened for writing: all or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from showtrack.models import LEFT_OUT_STATES, ImportedShow, Show, TvmazeLink
from showtrack.store import Store
from showtrack.text import fold, slugify


class Arrival(msgspec.Struct):
    """What became of one show of the export: added, merged, unchanged, left out (and
    why) or a movie; its TVmaze id and how it was found."""

    title: str
    status: str
    show_id: str | None = None
    tvmaze_id: int | None = None
    found_by: str | None = None  # id, tvdb, imdb or title; None: not on TVmaze

    def to_dict(self) -> dict[str, Any]:
        """As `import --from -o json` lists it."""
        return msgspec.to_builtins(self)  # type: ignore[no-any-return]


def arrive(
    store: Store,
    shows: Sequence[ImportedShow],
    links: Sequence[tuple[TvmazeLink | None, str | None]],
    source: str,
    include: Sequence[str] = (),
) -> list[Arrival]:
    """Add or merge each show of the export (its TVmaze link from `links`, by position);
    `source` names the tracker in the tag (`from:tvtime`)."""
    tracked = store.shows()
    done: list[Arrival] = []
    for show, (link, found_by) in zip(shows, links, strict=True):
        tvmaze_id = link.id if link else None
        if show.kind != "show":
            done.append(Arrival(show.title, "movie: not imported"))
            continue
        if show.state in LEFT_OUT_STATES and show.state not in include:
            done.append(Arrival(show.title, f"left out: {show.state}"))
            continue
        same = _same(tracked, show, link)
        if same is None:
            added = _new_show(tracked, show, link, source)
            store.insert([added])
            tracked.append(added)
            done.append(Arrival(show.title, "added", added.id, tvmaze_id, found_by))
            continue
        merged = _merged(same, show, link, source)
        if merged != same:
            store.update([merged])
            tracked[tracked.index(same)] = merged
        status = "merged" if merged != same else "unchanged"
        done.append(Arrival(show.title, status, same.id, tvmaze_id, found_by))
    return done


def _ids_of(show: Show) -> set[tuple[str, str]]:
    ids = set(show.ids.items())
    if show.tvmaze is not None:
        ids.add(("tvmaze", str(show.tvmaze.id)))
        if show.tvmaze.thetvdb:
            ids.add(("tvdb", str(show.tvmaze.thetvdb)))
        if show.tvmaze.imdb:
            ids.add(("imdb", show.tvmaze.imdb))
    return ids


def _same(tracked: Sequence[Show], show: ImportedShow, link: TvmazeLink | None) -> Show | None:
    """The tracked show the export's show is: one sharing an id with it (TVDB, IMDb,
    TVmaze), else one of the same title or alias."""
    theirs = set(show.ids.items()) | ({("tvmaze", str(link.id))} if link else set())
    theirs = {(k, v) for k, v in theirs if k in ("tvdb", "imdb", "tvmaze")}
    for candidate in tracked:
        if theirs & _ids_of(candidate):
            return candidate
    key = fold(show.title)
    for candidate in tracked:
        if key == fold(candidate.title) or key in (fold(a) for a in candidate.aliases):
            return candidate
    return None


def _new_show(
    tracked: Sequence[Show], show: ImportedShow, link: TvmazeLink | None, source: str
) -> Show:
    base = slugify(show.title)
    taken = {s.id for s in tracked}
    show_id, n = base, 1
    while show_id in taken:
        n += 1
        show_id = f"{base}-{n}"
    return Show(
        id=show_id,
        title=show.title,
        network=show.network,
        tags=[f"from:{source}"],
        tvmaze=link,
        ids=dict(show.ids),
    )


def _merged(same: Show, show: ImportedShow, link: TvmazeLink | None, source: str) -> Show:
    """The tracked show with what the export adds: ids it lacks, a link if it has none,
    the network if it has none, the tag. Nothing it has is overwritten."""
    ids = {**show.ids, **same.ids}
    tags = same.tags if f"from:{source}" in same.tags else [*same.tags, f"from:{source}"]
    return msgspec.structs.replace(
        same,
        ids=ids,
        tags=tags,
        tvmaze=same.tvmaze or link,
        network=same.network or show.network,
    )


def summary(arrivals: Sequence[Arrival], tracker: str, dry_run: bool, linked: bool) -> str:
    """The line an import ends with (spec/import-trackers.md)."""
    imported = [a for a in arrivals if a.status in ("added", "merged", "unchanged")]
    new = sum(a.status == "added" for a in imported)
    line = f"{'would import' if dry_run else 'imported'} {len(imported)} shows from {tracker}"
    if linked:
        by_id = sum(a.found_by in ("id", "tvdb", "imdb") for a in imported)
        by_title = sum(a.found_by == "title" for a in imported)
        missing = sum(a.found_by is None for a in imported)
        line += (
            f" ({new} new; {by_id} linked to TVmaze, {by_title} found by title, "
            f"{missing} not on TVmaze: listed with -o json)"
        )
    else:
        line += f" ({new} new; not linked: `showtrack link` uses their ids later)"
    left: dict[str, int] = {}
    for a in arrivals:
        why = "movies" if a.status.startswith("movie") else a.status.removeprefix("left out: ")
        if why != a.status or why == "movies":
            left[why] = left.get(why, 0) + 1
    if left:
        line += "; left out " + ", ".join(f"{n} {what}" for what, n in left.items())
    return line

"""Which show or release a user means: by id, title, alias or an unambiguous part of
one, ignoring case and accents; an unknown name suggests close ones, an ambiguous one
lists the candidates (spec/cli.md)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from showtrack.errors import AmbiguousNameError, NotFoundError, UsageError
from showtrack.models import Release, Show, check_season, release_slug
from showtrack.store import Readable, Store
from showtrack.text import fold, fold_all, slugify


class _Named(Protocol):
    """What resolve_show reads of a show (a Show, or a ShowName)."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def aliases(self) -> list[str]: ...


Named = TypeVar("Named", bound=_Named)


def matching_shows(shows: Sequence[Named], name: str) -> list[Named]:
    """The shows a name may mean: the one it names exactly (id, title, alias), else every
    show it names a part of. Empty when none; more than one when it is ambiguous."""
    key = fold(name)
    ids, titles = fold_all([s.id for s in shows]), fold_all([s.title for s in shows])
    exact = [
        s
        for s, folded_id, title in zip(shows, ids, titles, strict=True)
        if key in (folded_id, title) or (s.aliases and key in fold_all(s.aliases))
    ]
    if exact:
        return exact
    slug = slugify(name)
    return [
        s
        for s, title in zip(shows, titles, strict=True)
        if key in title or slug in s.id or any(key in a for a in fold_all(s.aliases))
    ]


def resolve_show(shows: Sequence[Named], name: str) -> Named:
    """A show by id, title, alias, or an unambiguous part of one (case- and accent-blind)."""
    key = fold(name)
    if not key:
        raise UsageError("a show name is empty", "give the show's title or id")
    partial = matching_shows(shows, name)
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(sorted(f"{s.title} ({s.id})" for s in partial)[:8])
        raise AmbiguousNameError(
            f"{name!r} matches more than one show: {names}", "use more of the title, or the id"
        )
    titles = fold_all([s.title for s in shows])
    close = difflib.get_close_matches(key, titles, n=3, cutoff=0.6)
    hint = (
        f"did you mean {', '.join(repr(c) for c in close)}?"
        if close
        else "see `showtrack list`, or add it with `showtrack add`"
    )
    raise NotFoundError(f"no show called {name!r}", hint)


def find_show(store: Readable, name: str) -> Show:
    """The show a user names (see resolve_show), decoding only the one found."""
    named = resolve_show(store.show_names(), name)
    show = named if isinstance(named, Show) else store.show(named.id)
    if show is None:  # a name decoded a moment ago: only a damaged file gets here
        raise NotFoundError(f"no show called {name!r}")
    return show


def names_a_release(show_arg: str, season_arg: str | None) -> bool:
    """Whether a SHOW [SEASON] pair names one release rather than a whole show."""
    return season_arg is not None or "/" in show_arg


def split_release_ref(show_arg: str, season_arg: str | None) -> tuple[str, str | None]:
    """Accept `SHOW SEASON`, `SHOW S2` in one word, or `show-id/s2`."""
    if season_arg is not None:
        return show_arg, season_arg
    if "/" in show_arg:
        show_part, _, rest = show_arg.partition("/")
        return show_part, rest
    m = re.fullmatch(r"(.+?)\s+(s(?:eason)?\s*\d+)", show_arg.strip(), re.IGNORECASE)
    if m:
        return m[1], m[2]
    return show_arg, None


def release_id(show: Show, season_text: str) -> str:
    """The id of a show's release named `season_text` (`2`, `S2`, or a special's name)."""
    return f"{show.id}/{release_slug(check_season(season_text), season_text)}"


def resolve_release(store: Readable, show_arg: str, season_arg: str | None) -> tuple[Show, Release]:
    """The release a user names; unknown or ambiguous is exit 3."""
    show_name, season_text = split_release_ref(show_arg, season_arg)
    if season_text is None:
        whole = store.release(show_arg)
        if whole is not None:
            return find_show(store, whole.show_id), whole
        raise UsageError(
            f"{show_arg!r} names a show, not a release",
            'add the season: SHOW SEASON, e.g. "Jessica Jones" 2',
        )
    show = find_show(store, show_name)
    found = store.release(release_id(show, season_text))
    if found is not None:
        return show, found
    known = ", ".join(r.id for r in store.releases_of(show.id)) or "none yet"
    raise NotFoundError(
        f"{show.title} has no release {season_text!r}",
        f"its releases: {known}; record one with `showtrack expect`",
    )


def find_release_by_ref(store: Store, ref: str) -> Release:
    """A release from one string: `the-defenders/s1`, `The Defenders S1`, `Defenders 1`."""
    found = store.release(ref)
    if found is not None:
        return found
    m = re.fullmatch(r"(.+?)[\s/]+((?:s(?:eason)?\s*)?\d+|[a-z0-9-]+)", ref.strip(), re.I)
    if m is None:
        raise NotFoundError(f"no release {ref!r}", 'name it as show-id/s1 or "Show S1"')
    return resolve_release(store, m[1], m[2])[1]

"""Shell completion (bash, zsh, fish) of what is in the database: show names from any part
of them, ignoring case and accents ("str" → Stranger Things, "sho" → Shōgun), a show's
seasons, networks, tags, release ids; and the fixed words of --stage and -o.

Typer's own completion hook keeps only candidates that start with what was typed, so
the candidates come from a Click parameter type instead. bash inserts a candidate as it
is given, so for bash one with a space or a quote is given shell-quoted; zsh and fish
quote what they insert themselves.
"""

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The Click that Typer bundles (its types are what Typer's click_type takes).
from typer._click.shell_completion import CompletionItem
from typer._click.types import StringParamType

if TYPE_CHECKING:
    from showtrack.store import Listing


def _listing(ctx: Any) -> "Listing":
    """The database a completion reads: --db as typed so far, else the default."""
    from showtrack import store

    root = ctx.find_root().params.get("db")
    return store.read_listing(Path(root) if root else store.default_path())


def _shows(ctx: Any) -> list[str]:
    return [s.title for s in _listing(ctx).shows()]


def _seasons(ctx: Any) -> list[str]:
    """The releases of the show named before, as a user types them: 2, or a name."""
    from showtrack.text import fold

    name = ctx.params.get("show") or ""
    listing = _listing(ctx)
    key = fold(name)
    ids = {s.id for s in listing.shows() if key in (fold(s.title), s.id, *map(fold, s.aliases))}
    if not ids and key:  # a part of one title, as commands accept ("twin" for Twin Peaks)
        parts = {s.id for s in listing.shows() if key in fold(s.title) or key in s.id}
        ids = parts if len(parts) == 1 else set()
    found = []
    for release in listing.releases():
        if release.show_id in ids:
            found.append(str(release.season) if release.season is not None else release.name)
    return [f for f in found if f]


def _networks(ctx: Any) -> list[str]:
    listing = _listing(ctx)
    names = {s.network for s in listing.shows()} | {r.platform for r in listing.releases()}
    return sorted(n for n in names if n)


def _tags(ctx: Any) -> list[str]:
    return sorted({t for s in _listing(ctx).shows() for t in s.tags})


def _releases(ctx: Any) -> list[str]:
    return [r.id for r in _listing(ctx).releases()]


class Completing(StringParamType):
    """Text, completed from `candidates(ctx)` by any part, case- and accent-blind."""

    def __init__(self, candidates: Callable[[Any], Iterable[str]]) -> None:
        self.candidates = candidates

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
        from showtrack.text import fold, is_printable

        try:
            candidates = list(self.candidates(ctx))
        except Exception:  # completion must never print a traceback into the shell
            return []
        needle = fold(incomplete.strip("'\""))
        # A name holding a control or bidi character is not offered: the shell would
        # print it raw (a bell, text reversed), and no one can type it back anyway.
        found = [c for c in candidates if needle in fold(c) and is_printable(c)]
        # What starts with the typed text first, then what merely contains it.
        found.sort(key=lambda c: (not fold(c).startswith(needle), fold(c)))
        bash = os.environ.get("_SHOWTRACK_COMPLETE") == "complete_bash"
        return [CompletionItem(_for_bash(c) if bash else c) for c in dict.fromkeys(found)]


def _for_bash(word: str) -> str:
    """`word` as bash must be given it to insert it as one word: quoted only when it holds
    something the shell would split or read ("Stranger Things", not "Shōgun")."""
    import shlex

    return word if re.fullmatch(r"[\w@%+=:,./-]+", word) else shlex.quote(word)


SHOW_NAMES = Completing(_shows)
SEASONS = Completing(_seasons)
NETWORKS = Completing(_networks)
TAGS = Completing(_tags)
RELEASES = Completing(_releases)


def words(*choices: str) -> Completing:
    """A type completing a fixed set of words (validated where the option is read)."""
    return Completing(lambda ctx: choices)

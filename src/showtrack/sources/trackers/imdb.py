"""IMDb lists and watchlists, as CSV (`Position,Const,Created,...,Title,...,Title Type,
...,Year,...`; ratings files start at `Const`; older files write `tvSeries`). TV shows
are of `Title Type` TV Series or TV Mini Series; `Const` is the IMDb id."""

from __future__ import annotations

import re

from showtrack.models import ImportedShow
from showtrack.sources.trackers.bundle import Bundle, clean_id

NAME = "IMDb"
_SHOWS = frozenset({"tvseries", "tvminiseries"})


def looks_like(bundle: Bundle) -> bool:
    """Whether these files are an IMDb list."""
    files = bundle.csv_files()
    header = bundle.text(files[0])[:500].lower() if files else ""
    return "const" in header and "title type" in header


def read(bundle: Bundle) -> list[ImportedShow]:
    """Every title of the list: TV shows as shows, the rest as movies."""
    found: dict[str, ImportedShow] = {}
    for name in bundle.csv_files():
        for row in bundle.rows(name):
            title = " ".join((row.get("title") or row.get("original title") or "").split())
            imdb = clean_id(row.get("const"), "tt")
            if not title:
                continue
            kind = re.sub(r"[^a-z]", "", (row.get("title type") or "").lower())
            show = ImportedShow(
                title=title[:300],
                ids={"imdb": imdb} if imdb else {},
                kind="show" if kind in _SHOWS else "movie",
            )
            found.setdefault(imdb or title.lower(), show)
    return list(found.values())

"""Simkl's backup CSV: `SIMKL_ID,Title,Type,Year,Watchlist,...,TVDB,TMDB,IMDB`. TV shows
(and anime) are of `Type` tv or anime; `Watchlist` dropped is left out unless asked."""

from __future__ import annotations

from showtrack.models import ImportedShow
from showtrack.sources.trackers.bundle import Bundle, clean_id

NAME = "Simkl"


def looks_like(bundle: Bundle) -> bool:
    """Whether these files are a Simkl backup."""
    files = bundle.csv_files()
    return bool(files) and "simkl_id" in bundle.text(files[0])[:300].lower()


def read(bundle: Bundle) -> list[ImportedShow]:
    """Every title of the backup: shows with their state, movies as movies."""
    found: dict[str, ImportedShow] = {}
    for name in bundle.csv_files():
        for row in bundle.rows(name):
            title = " ".join((row.get("title") or "").split())
            if not title:
                continue
            ids = {
                key: value
                for key, value in (
                    ("simkl", clean_id(row.get("simkl_id"))),
                    ("tvdb", clean_id(row.get("tvdb"))),
                    ("tmdb", clean_id(row.get("tmdb"))),
                    ("imdb", clean_id(row.get("imdb"), "tt")),
                )
                if value
            }
            kind = "show" if (row.get("type") or "").lower() in ("tv", "anime") else "movie"
            dropped = (row.get("watchlist") or "").lower() == "dropped"
            show = ImportedShow(title[:300], ids, None, kind, "dropped" if dropped else "followed")
            found.setdefault(ids.get("simkl") or title.lower(), show)
    return list(found.values())

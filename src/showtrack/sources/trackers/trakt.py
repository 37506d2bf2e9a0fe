"""Trakt's data export (2026): a zip of JSON files. Shows come from the watchlist
(`lists-watchlist.json`, items of type "show"), the watched shows and the collection,
whose pages are split as `watched-shows-1.json`, `-2`...; older third-party exports name
them `watchlist-*.json` and `watched-*.json`. Every id may be null."""

from __future__ import annotations

import json
from typing import Any

from showtrack.errors import UsageError
from showtrack.models import ImportedShow
from showtrack.sources.trackers.bundle import Bundle, clean_id

NAME = "Trakt"
_FILES = r"listswatchlist\d*|watchedshows\d*|collectionshows\d*|watchlist\w*|watched\w*"


def looks_like(bundle: Bundle) -> bool:
    """Whether these files are a Trakt export."""
    return bool(bundle.find(_FILES)) and all(
        n.lower().endswith(".json") for n in bundle.find(_FILES)
    )


def read(bundle: Bundle) -> list[ImportedShow]:
    """Every show of the watchlist, the watched shows and the collection, once; the
    movies there are listed as movies (to be counted, not imported)."""
    found: dict[str, ImportedShow] = {}
    for name in bundle.find(_FILES):
        if not name.lower().endswith(".json"):
            continue
        try:
            data = json.loads(bundle.text(name))
        except ValueError as exc:
            raise UsageError(f"{name} is not JSON: {exc}") from None
        for item in data if isinstance(data, list) else []:
            show = _item(item)
            if show is not None:
                key = show.ids.get("trakt") or show.ids.get("tvdb") or show.title.lower()
                found.setdefault(f"{show.kind}:{key}", show)
    return list(found.values())


def _item(item: Any) -> ImportedShow | None:
    if not isinstance(item, dict):
        return None
    kind = str(
        item.get("type") or ("show" if "show" in item else "movie" if "movie" in item else "")
    )
    record = item.get(kind) if isinstance(item.get(kind), dict) else None
    if kind not in ("show", "movie") or record is None:
        return None
    title = " ".join(str(record.get("title") or "").split())
    if not title:
        return None
    given = record.get("ids") if isinstance(record.get("ids"), dict) else {}
    ids = {
        key: value
        for key, value in (
            ("trakt", clean_id(given.get("trakt"))),
            ("tvdb", clean_id(given.get("tvdb"))),
            ("imdb", clean_id(given.get("imdb"), "tt")),
            ("tmdb", clean_id(given.get("tmdb"))),
        )
        if value
    }
    network = record.get("network") if isinstance(record.get("network"), str) else None
    return ImportedShow(title=title[:300], ids=ids, network=network, kind=kind)

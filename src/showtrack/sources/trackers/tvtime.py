"""TV Time's exports (it shut down on 15 July 2026): the GDPR zip of 2024-2026, whose
shows are in `followed_tv_show.csv`, `user_tv_show_data.csv` and the `user-series-` rows
of `tracking-prod-records-v2.csv`, and the "export my data" zip of 2026, with
`tvtime-series.csv` and `tvtime-series.json`. Ids are TVDB series ids."""

from __future__ import annotations

import json
from collections.abc import Callable

from showtrack.errors import UsageError
from showtrack.models import ImportedShow
from showtrack.sources.trackers.bundle import Bundle, clean_id

NAME = "TV Time"


def looks_like(bundle: Bundle) -> bool:
    """Whether these files are a TV Time export."""
    return bool(
        bundle.find(r"followedtvshow|usertvshowdata|trackingprodrecords(v\d+)?|tvtimeseries")
    )


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes")


def read(bundle: Bundle) -> list[ImportedShow]:
    """Every show the export lists, once (by TVDB id, else title), with its state."""
    found: dict[str, ImportedShow] = {}

    def add(show: ImportedShow) -> None:
        key = show.ids.get("tvdb") or show.title.lower()
        if key not in found or (found[key].state != "followed" and show.state == "followed"):
            found[key] = show

    for name in bundle.find(r"followedtvshow"):
        for row in bundle.rows(name):
            state = "archived" if _true(row.get("archived")) else "followed"
            _add_row(add, row.get("tv_show_name"), row.get("tv_show_id"), None, state)
    for name in bundle.find(r"usertvshowdata"):
        for row in bundle.rows(name):
            if _true(row.get("is_followed")):
                _add_row(add, row.get("tv_show_name"), row.get("tv_show_id"), None, "followed")
    for name in bundle.find(r"trackingprodrecords(v\d+)?"):
        for row in bundle.rows(name):
            if not any(str(v).startswith("user-series-") for v in row.values()):
                continue
            if not (_true(row.get("is_followed")) or _true(row.get("is_for_later"))):
                continue
            state = "archived" if _true(row.get("is_archived")) else "followed"
            _add_row(add, row.get("series_name"), row.get("s_id"), None, state)
    for name in bundle.find(r"tvtimeseries"):
        if name.lower().endswith(".json"):
            _read_json(bundle, name, add)
        else:
            for row in bundle.rows(name):
                state = "stopped" if (row.get("status") or "").lower() == "stopped" else "followed"
                _add_row(add, row.get("title"), row.get("tvdb_id"), row.get("imdb_id"), state)
    return list(found.values())


def _add_row(
    add: Callable[[ImportedShow], None], title: str | None, tvdb: object, imdb: object, state: str
) -> None:
    title = " ".join((title or "").split())
    if not title:
        return
    ids = {k: v for k, v in (("tvdb", clean_id(tvdb)), ("imdb", clean_id(imdb, "tt"))) if v}
    add(ImportedShow(title=title[:300], ids=ids, state=state))


def _read_json(bundle: Bundle, name: str, add: Callable[[ImportedShow], None]) -> None:
    try:
        data = json.loads(bundle.text(name))
    except ValueError as exc:
        raise UsageError(f"{name} is not JSON: {exc}") from None
    if not isinstance(data, list):
        raise UsageError(f"{name} is not a list of series")
    for item in data:
        if not isinstance(item, dict):
            continue
        given = item.get("id")
        ids: dict[str, object] = given if isinstance(given, dict) else {}
        status = str(item.get("status") or "").lower()
        state = "stopped" if status == "stopped" else "followed"
        _add_row(add, str(item.get("title") or ""), ids.get("tvdb"), ids.get("imdb"), state)

"""Moving data in and out: export, import (a showtrack export, its CSV, or a JSON array
of releases in the listing shape), and `apply_batch`, the one way records that come from
elsewhere (an import today; TVmaze sync and articles next) enter the database."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

import msgspec

from showtrack.errors import ShowtrackError, UsageError
from showtrack.models import (
    EPISODE_TYPES,
    SHOW_STATUSES,
    STAGES,
    Episode,
    HistoryEntry,
    Link,
    Release,
    Show,
    Source,
    WindowRecord,
    check_choice,
    from_plain,
    history_order,
    parse_season,
    release_slug,
)
from showtrack.store import Store
from showtrack.text import csv_value, fold, json_safe_utf8, slugify, web_address
from showtrack.windows.constraints import find_cycle
from showtrack.windows.durations import parse_duration
from showtrack.windows.window import make_window

EXPORT_FORMAT = 1

Progress = Callable[[int, int], None]
"""Told (records checked, records in all) as an import is checked."""


def export_document(store: Store) -> dict[str, Any]:
    """Everything, in the shape `import` reads back."""
    return msgspec.json.decode(_export_bytes(store), type=dict[str, Any])


def _export_bytes(store: Store) -> bytes:
    """The export document as compact JSON, made from each record's stored bytes (no
    record is decoded: an export of 100,000 releases costs about a rewrite of the
    database, bench/RESULTS.md)."""
    return msgspec.json.encode(
        {
            "showtrack_export": EXPORT_FORMAT,
            "shows": store.stored(Show),
            "releases": store.stored(Release),
        }
    )


def export_json_bytes(store: Store) -> bytes:
    """The export document as indented JSON, UTF-8: what json.dumps(indent=2,
    ensure_ascii=False) writes, indented by msgspec in C, with the characters that act
    on a terminal (C1, DEL, bidi controls) written as \\u escapes, as every JSON output
    writes them (`cat export.json` must not reorder or recolour a terminal)."""
    return json_safe_utf8(msgspec.json.format(_export_bytes(store), indent=2)) + b"\n"


def export_json(store: Store) -> str:
    """export_json_bytes as text."""
    return export_json_bytes(store).decode("utf-8")


def export_rows(store: Store, today: date) -> list[dict[str, Any]]:
    """Every release as known on `today`, in the order they were added, as `upcoming -o
    json` writes a row: what `export --format csv` flattens into one row a release."""
    from showtrack.tracker.listings import all_views

    return [v.to_dict() for v in all_views(store, today, soonest_first=False)]


class BatchResult(NamedTuple):
    """What a batch changed."""

    shows_added: int
    releases_added: int
    releases_updated: int


def apply_batch(
    store: Store, shows: Sequence[Show], releases: Sequence[Release], *, what: str = "import"
) -> BatchResult:
    """Merge records from elsewhere into the store, all or nothing: new shows and
    releases are added; a known release is replaced and keeps every history entry
    either side has. Refuses (naming `what`) a release given twice, a link to a release
    that is in neither the batch nor the store, and links that would make a cycle."""
    refused = f"{what} refused, nothing changed: "
    stored_shows = {s.id: s for s in store.shows()}  # before this batch
    batch_shows = {s.id: s for s in shows}
    existing = {r.id: r for r in store.releases()}
    seen: set[str] = set()
    for release in releases:
        if release.id in seen:
            raise UsageError(f"{refused}{release.id} appears twice")
        seen.add(release.id)
    known_ids = set(existing) | seen
    for release in releases:
        for link in release.after:
            if link.release not in known_ids:
                raise UsageError(
                    f"{refused}{release.id} waits on an unknown release {link.release!r}"
                )
    edges = {r.id: [a.release for a in r.after] for r in existing.values()}
    edges.update({r.id: [a.release for a in r.after] for r in releases})
    for release in releases:
        cycle = find_cycle(edges, release.id)
        if cycle:
            raise UsageError(f"{refused}releases wait on each other: " + " -> ".join(cycle))
    added = [r for r in releases if r.id not in existing]
    changed = [r for r in releases if r.id in existing]
    for release in changed:
        if not release.episodes:  # a record without episodes (the listing shape) keeps them
            release.episodes = existing[release.id].episodes
        merged = {(h.recorded_at, h.window.phrase): h for h in existing[release.id].history}
        merged.update({(h.recorded_at, h.window.phrase): h for h in release.history})
        release.history = sorted(merged.values(), key=history_order)
    # What really changes: an identical record is no news ("0 updated", nothing written).
    changed = [r for r in changed if r.to_dict() != existing[r.id].to_dict()]
    new_shows = [s for s in batch_shows.values() if s.id not in stored_shows]
    updated_shows = [
        s for s in batch_shows.values() if s.id in stored_shows and s != stored_shows[s.id]
    ]
    store.insert([*new_shows, *added])
    # One call for all of them: the store finds each line by its id and encodes only these.
    store.update([*updated_shows, *changed])
    return BatchResult(len(new_shows), len(added), len(changed))


# --------------------------------------------------------------------------- reading imports


def read_payload(text: str, name: str) -> Any:
    """An import file's content: JSON (an export or an array of releases), else CSV as
    `export --format csv` writes it."""
    if text.lstrip()[:1] not in ("[", "{"):
        return csv_records(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{name} is not JSON (line {exc.lineno}, column {exc.colno}); nothing changed"
        ) from None


_CSV_TEXT_COLUMNS = (
    "id",
    "name",
    "network",
    "show",
    "show_id",
    "platform",
    "region",
    "stage",
    "release_date",
    "air_time",
    "remind",
    "notes",
)


def _cell_names(cell: str | None) -> list[str]:
    """The names a list cell holds (output.flatten joins them with "; ")."""
    return [name.strip() for name in (cell or "").split(";") if name.strip()]


def csv_records(text: str) -> list[dict[str, Any]]:
    """Release objects from the CSV `export --format csv` and `upcoming -o csv` write:
    one row a release, with the window's phrase and bounds. Sources arrive as names;
    lags and history are not in a CSV (the JSON export carries everything)."""
    import csv
    import io

    records = []
    for raw in csv.DictReader(io.StringIO(text)):
        row = {key: csv_value(value) for key, value in raw.items() if isinstance(value, str)}
        record: dict[str, Any] = {key: (row.get(key) or None) for key in _CSV_TEXT_COLUMNS}
        season = (row.get("season") or "").strip()
        record["season"] = int(season) if season.isdigit() else (season or None)
        record["window"] = {
            "phrase": row.get("window_phrase") or None,
            "earliest": row.get("window_earliest") or None,
            "latest": row.get("window_latest") or None,
        }
        record["sources"] = _cell_names(row.get("sources"))
        record["after"] = [{"release": rid} for rid in _cell_names(row.get("after"))]
        for key in ("tags", "aliases"):  # the show's, carried by each of its rows
            record[key] = _cell_names(row.get(key))
        if record.get("platform") == record.get("network"):
            record["platform"] = None  # the show's network, shown in the row; not its own
        records.append({k: v for k, v in record.items() if v not in (None, [], "")})
    return records


def _record_error(position: int, record: Any, problem: str) -> ShowtrackError:
    ident = record.get("id") if isinstance(record, dict) else None
    label = f"record {position}" + (f" ({ident})" if ident else "")
    return UsageError(f"import refused, nothing changed: {label}: {problem}")


_TEXT_KEYS = _CSV_TEXT_COLUMNS


class _Shows:
    """The shows an import knows, found by id or by folded title; a release naming an
    unknown show creates it."""

    def __init__(self, shows: Sequence[Show]) -> None:
        self.by_id = {s.id: s for s in shows}
        self.by_title: dict[str, Show] = {}
        for show in shows:
            self.by_title.setdefault(fold(show.title), show)

    def add(self, show: Show) -> None:
        self.by_id[show.id] = show
        self.by_title.setdefault(fold(show.title), show)

    def named(self, key: str, title: str | None, record: dict[str, Any]) -> Show:
        show = self.by_id.get(key) or self.by_title.get(fold(key))
        if show is None:
            show = Show(
                id=slugify(key),
                title=title or key,
                network=record.get("network"),
                tags=_names(record.get("tags")),
                aliases=_names(record.get("aliases")),
            )
            show = self.by_id.get(show.id, show)
            self.add(show)
        return show


def _names(value: Any) -> list[str]:
    """A list of names (tags, aliases) from an imported row; anything else is none."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _release_from_record(record: Any, position: int, shows: _Shows, today: date) -> Release:
    """A release from an import's record, checked field by field; a bad one is a usage
    error that names the record (its position and its id or show)."""
    if not isinstance(record, dict):
        raise _record_error(position, record, "a release must be a JSON object")
    for key in _TEXT_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _record_error(
                position, record, f"{key!r} must be text, not {type(value).__name__}"
            )
    try:
        show, rid, season = _identity(record, shows)
        window = record.get("window")
        if not isinstance(window, dict):
            raise UsageError("'window' must be an object with 'phrase' or 'earliest'/'latest'")
        if record.get("release_date"):
            _kept_day(record["release_date"], "release_date")
        if record.get("air_time"):
            datetime.fromisoformat(record["air_time"])
        if record.get("remind"):
            parse_duration(record["remind"])
        return Release(
            id=rid,
            show_id=show.id,
            season=season,
            window=_window_from_record(window, record, today),
            name=record.get("name"),
            air_time=record.get("air_time"),
            region=record.get("region"),
            platform=record.get("platform"),
            stage=check_choice(record.get("stage"), STAGES, "stage"),
            after=_links_from_record(record.get("after")),
            sources=_sources_from_record(record.get("sources")),
            notes=record.get("notes"),
            release_date=record.get("release_date"),
            remind=record.get("remind"),
            history=_history_from_record(record.get("history")),
            episodes=_episodes_from_record(record.get("episodes")),
        )
    except ShowtrackError as exc:
        raise _record_error(position, record, exc.message) from None
    except (ValueError, msgspec.ValidationError) as exc:
        raise _record_error(position, record, str(exc)) from None


def _identity(record: dict[str, Any], shows: _Shows) -> tuple[Show, str, int | None]:
    """The show a release record belongs to (by id or title), its id, and its season."""
    season = record.get("season")
    if season is not None and not (isinstance(season, int) and not isinstance(season, bool)):
        if not isinstance(season, str) or parse_season(season) is None:
            raise UsageError("'season' must be a whole number")
        season = parse_season(season)
    show_key = record.get("show_id") or record.get("show")
    rid = record.get("id")
    if not show_key and rid:
        show_key = rid.split("/", 1)[0]
    if not show_key:
        raise UsageError("it names no show ('show' or 'id')")
    show = shows.named(show_key, record.get("show"), record)
    if rid is None:
        if season is None and not record.get("name"):
            raise UsageError("it has neither 'season' nor 'id'")
        rid = f"{show.id}/{release_slug(season, record.get('name'))}"
    if not isinstance(rid, str) or "/" not in rid:
        raise UsageError("'id' must look like show-id/s2")
    return show, rid, season


def _links_from_record(value: Any) -> list[Link]:
    """What a release waits on: a list of {"release": id, "lag": duration}."""
    links = []
    for link in value or []:
        if not isinstance(link, dict) or not isinstance(link.get("release"), str):
            raise UsageError('\'after\' must be a list of {"release": id, "lag": ...}')
        if link.get("lag"):
            parse_duration(link["lag"])
        links.append(Link(link["release"], link.get("lag")))
    return links


def _sources_from_record(value: Any) -> list[Source]:
    """A release's sources: objects as `export` writes them, or names; addresses that
    are web addresses."""
    sources = [
        from_plain(Source, s) if isinstance(s, dict) else Source(str(s)) for s in value or []
    ]
    for source in sources:
        if source.url is not None and not web_address(source.url):
            raise UsageError(f"source URL {source.url!r} is not an http(s) address")
    return sources


def _history_from_record(value: Any) -> list[HistoryEntry]:
    """A release's history as `export` writes it, its days within the kept years."""
    entries = value or []
    if not isinstance(entries, list) or not all(isinstance(h, dict) for h in entries):
        raise UsageError("'history' must be a list of objects (as `export` writes it)")
    history = [from_plain(HistoryEntry, h) for h in entries]
    for entry in history:
        if entry.as_of:
            _kept_day(entry.as_of, "history as_of")
        for day in (entry.window.earliest, entry.window.latest):
            if day:
                _kept_day(day, "history window")
    return history


def _episodes_from_record(value: Any) -> list[Episode]:
    """A release's episodes as `export` writes them, each checked as a later command
    will use it: a kept day, an instant with its offset, a known type."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise UsageError("'episodes' must be a list of objects (as `export` writes it)")
    episodes = [from_plain(Episode, e) for e in value]
    for episode in episodes:
        check_choice(episode.type, EPISODE_TYPES, "episode type")
        if episode.number is not None and episode.number < 0:
            raise UsageError(f"episode number {episode.number} is below 0")
        days = [(episode.air_date, episode.air_time)]
        days += [(move.air_date, move.air_time) for move in episode.history]
        for day, instant in days:
            if day:
                _kept_day(day, "episode air_date")
            if instant and datetime.fromisoformat(instant).tzinfo is None:
                raise UsageError(f"episode air_time {instant!r} has no UTC offset")
    return episodes


def _kept_day(text: str, what: str) -> None:
    """Refuse a day that is not YYYY-MM-DD, or not in the years showtrack keeps."""
    from showtrack.windows.window import KEPT_YEARS, kept

    if not kept(date.fromisoformat(text)):
        raise UsageError(f"{what} {text} is outside the years {KEPT_YEARS}")


def _window_from_record(
    window: dict[str, Any], record: dict[str, Any], today: date
) -> WindowRecord:
    phrase = window.get("phrase")
    if phrase is not None and not isinstance(phrase, str):
        raise UsageError("'window.phrase' must be text")
    earliest, latest = window.get("earliest"), window.get("latest")
    if earliest is None and latest is None and phrase is not None:
        from showtrack.windows.phrases import parse_window

        as_of_text = record.get("as_of") or window.get("as_of")
        as_of = date.fromisoformat(as_of_text) if as_of_text else today
        return WindowRecord.of(parse_window(phrase, as_of, record.get("region")))
    first = date.fromisoformat(earliest) if earliest else None
    last = date.fromisoformat(latest) if latest else None
    text = (
        phrase
        if phrase is not None
        else (f"{earliest or '..'}/{latest or '..'}" if first != last else earliest or "")
    )
    return WindowRecord.of(make_window(text, first, last, record.get("region")))


def _show_from_record(record: Any, position: int) -> Show:
    if not isinstance(record, dict) or not isinstance(record.get("title") or record.get("id"), str):
        raise UsageError(f"import refused, nothing changed: show {position} needs a title")
    try:
        show = Show.from_dict(record)
        check_choice(show.status, SHOW_STATUSES, "status")
    except ShowtrackError as exc:
        raise UsageError(
            f"import refused, nothing changed: show {position}: {exc.message}"
        ) from None
    except msgspec.ValidationError as exc:
        raise UsageError(f"import refused, nothing changed: show {position}: {exc}") from None
    return show


def import_records(
    store: Store, payload: Any, today: date, progress: Progress | None = None
) -> BatchResult:
    """Merge an export document, or a JSON array of release objects, into the store;
    all or nothing. `progress` hears how many records have been checked."""
    if isinstance(payload, dict) and "releases" in payload:
        show_records = payload.get("shows") or []
        release_records = payload.get("releases") or []
    elif isinstance(payload, list):
        show_records, release_records = [], payload
    else:
        raise UsageError(
            "import refused, nothing changed: expected a showtrack export or a "
            "JSON array of releases"
        )
    if not isinstance(show_records, list) or not isinstance(release_records, list):
        raise UsageError("import refused, nothing changed: 'shows' and 'releases' must be lists")
    shows = _Shows(store.shows())
    listed = [_show_from_record(record, i) for i, record in enumerate(show_records, 1)]
    for show in listed:
        shows.add(show)
    before = set(shows.by_id)
    releases = []
    total = len(release_records)
    for i, record in enumerate(release_records, 1):
        releases.append(_release_from_record(record, i, shows, today))
        if progress is not None and (i % 500 == 0 or i == total):
            progress(i, total)
    created = [shows.by_id[key] for key in shows.by_id if key not in before]
    return apply_batch(store, [*listed, *created], releases)

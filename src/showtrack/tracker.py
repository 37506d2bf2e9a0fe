"""The use cases: add shows, record expected windows, list what comes next, check what is
due, show history, import and export. Functions here take an open Store and plain
arguments, return result rows, and never print.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any, overload

import msgspec

from showtrack.errors import (
    AmbiguousNameError,
    NotFoundError,
    ShowtrackError,
    UsageError,
    WindowError,
)
from showtrack.models import (
    SHOW_STATUSES,
    STAGES,
    HistoryEntry,
    Release,
    Show,
    Source,
    fold,
    parse_season,
    release_slug,
    slugify,
)
from showtrack.store import Listing, ReleaseRecord, Store
from showtrack.windows import (
    STATUSES,
    Constraint,
    ConstraintNode,
    Duration,
    countdown_text,
    effective_earliest,
    find_cycle,
    make_window,
    parse_duration,
    parse_window,
    resolve_zone,
    status_on,
)

if TYPE_CHECKING:
    from showtrack.ics import CalendarEntry

DEFAULT_LEAD = Duration(days=7)

Clock = Callable[[], datetime]
"""The current instant, asked for only when a shown release airs at an exact time: the
clock needs the time zone database, which most listings never load."""

EXPORT_FORMAT = 1

# --------------------------------------------------------------------------- result rows


class ReleaseView(msgspec.Struct):
    """A release as a listing shows it on a given day."""

    release: Release
    show: Show
    effective_earliest: date | None
    status: str
    days_until: int | None
    days_left: int | None
    countdown: str
    conflict: bool

    @property
    def title(self) -> str:
        """'Jessica Jones S2'."""
        return self.release.label(self.show.title)

    @property
    def platform(self) -> str | None:
        """Where it airs: the release's platform, else the show's network."""
        return self.release.platform or self.show.network

    def sort_key(self) -> tuple[int, date, date, str, int, str]:
        """What comes next: by effective earliest, then latest, then show and season;
        unknown last."""
        far = date.max
        return (
            1 if self.effective_earliest is None else 0,
            self.effective_earliest or far,
            self.release.latest or far,
            fold(self.show.title),
            -1 if self.release.season is None else self.release.season,
            self.release.id,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON keys of spec/cli.md; never renamed once released."""
        r = self.release
        return {
            "id": r.id,
            "show": self.show.title,
            "show_id": self.show.id,
            "season": r.season,
            "title": self.title,
            "window": {
                "phrase": r.window.get("phrase"),
                "earliest": r.window.get("earliest"),
                "latest": r.window.get("latest"),
                "edtf": r.window.get("edtf"),
            },
            "effective_earliest": _iso(self.effective_earliest),
            "status": self.status,
            "conflict": self.conflict,
            "days_until": self.days_until,
            "days_left": self.days_left,
            "countdown": self.countdown,
            "network": self.show.network,
            "platform": self.platform,
            "region": r.region,
            "stage": r.stage,
            "after": [dict(a) for a in r.after],
            "release_date": r.release_date,
            "air_time": r.air_time,
            "remind": r.remind,
            "sources": [s.to_dict() for s in r.sources],
            "notes": r.notes,
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def show_dict(show: Show, releases: Sequence[Release]) -> dict[str, Any]:
    """A show as `list` and `info` print it (spec/cli.md keys)."""
    return {**show.to_dict(), "releases": [r.id for r in releases if r.show_id == show.id]}


def known_on(release: Release, today: date) -> Release | None:
    """The release as it was known on `today`, from its history: the last entry reported
    (as_of) by then, and a release date only once it has passed. None when nothing about
    it had been reported yet. This is what makes `--today` answer "what did we expect
    back then"; on the real today it is the release as stored."""
    day = today.isoformat()
    released = release.release_date is not None and release.release_date <= day
    dated = [h for h in release.history if h.as_of]
    if released or not dated:
        return release if released or release.release_date is None else _unreleased(release)
    known = [h for h in dated if h.as_of <= day]  # type: ignore[operator]
    if not known:
        return None
    last = known[-1]
    if last is dated[-1] and release.release_date is None:
        return release
    past = _unreleased(release)
    past.window = dict(last.window)
    past.stage = last.stage
    past.sources = [s for s in release.sources if not s.as_of or s.as_of <= day]
    if not (
        past.window.get("earliest") and past.window.get("earliest") == past.window.get("latest")
    ):
        past.air_time = None
    return past


def _unreleased(release: Release) -> Release:
    return msgspec.structs.replace(
        release, release_date=None, stage=None if release.stage == "released" else release.stage
    )


class _Row(msgspec.Struct):
    """A release reduced to what filtering and ordering need; its view, with the countdown
    text and the decoded sources, is made only if the row is shown."""

    release_id: str
    show: Show
    season: int | None
    earliest: date | None
    latest: date | None
    released_on: date | None
    after: tuple[tuple[str, str | None], ...]
    remind: str | None
    platform: str | None
    record: ReleaseRecord | None = None
    release: Release | None = None
    effective: date | None = None
    status: str = ""

    def full(self) -> Release:
        """The whole release (decoded from its record the first time it is needed)."""
        if self.release is None:
            assert self.record is not None
            # A listing shows no history; leaving it undecoded halves the cost of a row.
            self.release = self.record.to_release(with_history=False)
        return self.release

    def sort_key(self) -> tuple[int, date, date, str, int, str]:
        """Soonest effective earliest first, then latest, then show and season; TBA last."""
        far = date.max
        return (
            1 if self.effective is None else 0,
            self.effective or far,
            self.latest or far,
            _folded_title(self.show),
            -1 if self.season is None else self.season,
            self.release_id,
        )


_FOLDED: dict[str, str] = {}


def _folded_title(show: Show) -> str:
    # Sorting 100,000 releases folds each show's title once, not once a release.
    folded = _FOLDED.get(show.title)
    if folded is None:
        folded = _FOLDED[show.title] = fold(show.title)
    return folded


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _row_from_release(release: Release, show: Show) -> _Row:
    return _Row(
        release.id,
        show,
        release.season,
        release.earliest,
        release.latest,
        release.released_on,
        tuple((a["release"], a.get("lag")) for a in release.after),
        release.remind,
        release.platform,
        release=release,
    )


def _row_from_record(record: ReleaseRecord, show: Show, today: date, day: str) -> _Row | None:
    if (record.known_since is not None and record.known_since > day) or (
        record.release_date is not None and record.release_date > day
    ):
        # Only a look back in time (--today) needs the history.
        known = known_on(record.to_release(), today)
        return None if known is None else _row_from_release(known, show)
    window = record.window
    return _Row(
        record.id,
        show,
        record.season,
        _day(window.earliest),
        _day(window.latest),
        _day(record.release_date),
        tuple((a.release, a.lag) for a in record.after),
        record.remind,
        record.platform,
        record=record,
    )


def _resolve(rows: list[_Row], today: date) -> list[_Row]:
    """Constraints resolved and status set, on every row."""
    waiting = [row for row in rows if row.after]
    effective: dict[str, date | None] = {}
    if waiting:
        by_id = {row.release_id: row for row in rows}
        nodes: dict[str, ConstraintNode] = {}
        todo = [row.release_id for row in waiting]
        while todo:  # only the releases that wait, and those they wait on
            rid = todo.pop()
            row = by_id.get(rid)
            if row is None or rid in nodes:
                continue
            nodes[rid] = ConstraintNode(
                row.earliest,
                row.released_on,
                tuple(
                    Constraint(target, parse_duration(lag) if lag else Duration())
                    for target, lag in row.after
                ),
            )
            todo.extend(target for target, _ in row.after)
        effective = effective_earliest(nodes)
    for row in rows:
        row.effective = effective.get(row.release_id, row.earliest) if waiting else row.earliest
        row.status = status_on(row.effective, row.latest, today, row.released_on)
    return rows


def _show_of(shows: dict[str, Show], show_id: str) -> Show:
    return shows.get(show_id) or Show(show_id, show_id)


def _release_rows(shows: dict[str, Show], releases: Iterable[Release], today: date) -> list[_Row]:
    """Rows of whole releases, each as known on `today`; constraints not yet resolved."""
    rows = []
    for release in releases:
        known = known_on(release, today)
        if known is not None:
            rows.append(_row_from_release(known, _show_of(shows, known.show_id)))
    return rows


def _rows(source: Store | Listing, today: date) -> list[_Row]:
    if isinstance(source, Store):
        shows = {s.id: s for s in source.all_shows()}
        return _resolve(_release_rows(shows, source.all_releases(), today), today)
    shows = {s.id: s for s in source.shows}
    day = today.isoformat()
    rows = []
    for record in source.releases:
        row = _row_from_record(record, _show_of(shows, record.show_id), today, day)
        if row is not None:
            rows.append(row)
    return _resolve(rows, today)


def _view(row: _Row, today: date, now: Clock | None) -> ReleaseView:
    release = row.full()
    earliest, latest = row.effective, row.latest
    air = datetime.fromisoformat(release.air_time) if release.air_time else None
    return ReleaseView(
        release=release,
        show=row.show,
        effective_earliest=earliest,
        status=row.status,
        days_until=None if earliest is None else (earliest - today).days,
        days_left=None if latest is None else (latest - today).days,
        countdown=countdown_text(
            earliest, latest, today, row.released_on, air, now() if air and now else None
        ),
        conflict=earliest is not None and latest is not None and earliest > latest,
    )


class Views(Sequence[ReleaseView]):
    """Result rows in order, each view made when first asked for: a table that shows a
    page of 20 pays for 20 countdowns, not for every release in the database."""

    def __init__(self, rows: list[_Row], today: date, now: Clock | None) -> None:
        self._rows = rows
        self._views: list[ReleaseView | None] = [None] * len(rows)
        self._today = today
        self._now = now

    def __len__(self) -> int:
        return len(self._rows)

    def _at(self, index: int) -> ReleaseView:
        view = self._views[index]
        if view is None:
            view = self._views[index] = _view(self._rows[index], self._today, self._now)
        return view

    @overload
    def __getitem__(self, index: int) -> ReleaseView: ...

    @overload
    def __getitem__(self, index: slice) -> list[ReleaseView]: ...

    def __getitem__(self, index: int | slice) -> ReleaseView | list[ReleaseView]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self._rows)))]
        return self._at(range(len(self._rows))[index])


def build_views(
    shows: Iterable[Show], releases: Sequence[Release], today: date, now: Clock | None = None
) -> list[ReleaseView]:
    """Result rows for `releases` on `today` (as known then), with constraints resolved."""
    rows = _release_rows({s.id: s for s in shows}, releases, today)
    return list(Views(_resolve(rows, today), today, now))


# --------------------------------------------------------------------------- names


def resolve_show(shows: Sequence[Show], name: str) -> Show:
    """A show by id, title, alias, or an unambiguous part of one (case- and accent-blind)."""
    key = fold(name)
    if not key:
        raise UsageError("a show name is empty", "give the show's title or id")
    exact = [s for s in shows if key in (fold(s.id), fold(s.title), *(fold(a) for a in s.aliases))]
    if len(exact) == 1:
        return exact[0]
    slug = slugify(name)
    partial = exact or [
        s
        for s in shows
        if key in fold(s.title) or slug in s.id or any(key in fold(a) for a in s.aliases)
    ]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(sorted(f"{s.title} ({s.id})" for s in partial)[:8])
        raise AmbiguousNameError(
            f"{name!r} matches more than one show: {names}", "use more of the title, or the id"
        )
    close = difflib.get_close_matches(key, [fold(s.title) for s in shows], n=3, cutoff=0.6)
    hint = (
        f"did you mean {', '.join(repr(c) for c in close)}?"
        if close
        else "see `showtrack list`, or add it with `showtrack add`"
    )
    raise NotFoundError(f"no show called {name!r}", hint)


def show_title(store: Store, show_id: str) -> str:
    """The title of the show with this id (the id itself if there is none)."""
    doc = store.find("shows", show_id)
    return str(doc.get("title") or show_id) if doc else show_id


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


def resolve_release(store: Store, show_arg: str, season_arg: str | None) -> tuple[Show, Release]:
    """The release a user names; unknown or ambiguous is exit 3."""
    show_name, season_text = split_release_ref(show_arg, season_arg)
    releases = store.all_releases()
    if season_text is None:
        whole = [r for r in releases if r.id == show_arg]
        if whole:
            return resolve_show(store.all_shows(), whole[0].show_id), whole[0]
        raise UsageError(
            f"{show_arg!r} names a show, not a release",
            'add the season: SHOW SEASON, e.g. "Jessica Jones" 2',
        )
    show = resolve_show(store.all_shows(), show_name)
    wanted = f"{show.id}/{_release_part(season_text)}"
    for r in releases:
        if r.id == wanted:
            return show, r
    known = ", ".join(r.id for r in releases if r.show_id == show.id) or "none yet"
    raise NotFoundError(
        f"{show.title} has no release {season_text!r}",
        f"its releases: {known}; record one with `showtrack expect`",
    )


def _release_part(season_text: str) -> str:
    season = parse_season(season_text)
    return release_slug(season, season_text)


def _find_release_by_ref(store: Store, ref: str) -> Release:
    """A release from one string: `the-defenders/s1`, `The Defenders S1`, `Defenders 1`."""
    for r in store.all_releases():
        if r.id == ref:
            return r
    m = re.fullmatch(r"(.+?)[\s/]+((?:s(?:eason)?\s*)?\d+|[a-z0-9-]+)", ref.strip(), re.I)
    if m is None:
        raise NotFoundError(f"no release {ref!r}", 'name it as show-id/s1 or "Show S1"')
    return resolve_release(store, m[1], m[2])[1]


# --------------------------------------------------------------------------- shows


def _check_choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    if value is None:
        return None
    if value not in choices:
        raise UsageError(f"{what} {value!r} is not one of: {', '.join(choices)}")
    return value


def add_show(
    store: Store,
    title: str,
    *,
    network: str | None = None,
    tags: Sequence[str] = (),
    aliases: Sequence[str] = (),
    status: str | None = None,
    notes: str | None = None,
) -> Show:
    """Start tracking a show; its id is a slug of the title."""
    if not title.strip():
        raise UsageError("a show needs a title")
    show = Show(
        id=slugify(title),
        title=title.strip(),
        aliases=list(aliases),
        network=network,
        tags=list(tags),
        status=_check_choice(status, SHOW_STATUSES, "status"),
        notes=notes,
    )
    existing = {s.id: s for s in store.all_shows()}
    if show.id in existing:
        raise UsageError(
            f"{existing[show.id].title!r} is already tracked (id {show.id})",
            "change it with `showtrack edit`",
        )
    store.shows.insert(show.to_dict())
    return show


def edit_show(
    store: Store,
    name: str,
    *,
    network: str | None = None,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
    add_aliases: Sequence[str] = (),
    status: str | None = None,
    notes: str | None = None,
) -> Show:
    """Change a show's network, tags, aliases, status or notes."""
    show = resolve_show(store.all_shows(), name)
    if network is not None:
        show.network = network or None
    show.tags = [t for t in dict.fromkeys([*show.tags, *add_tags]) if t not in remove_tags]
    show.aliases = list(dict.fromkeys([*show.aliases, *add_aliases]))
    if status is not None:
        show.status = _check_choice(status, SHOW_STATUSES, "status")
    if notes is not None:
        show.notes = notes or None
    store.replace("shows", [show.to_dict()])
    return show


def rename_show(store: Store, name: str, new_title: str) -> Show:
    """Give a show a new title; its id (and its releases' ids) stay, the old title
    becomes an alias so that scripts and habits keep working."""
    if not new_title.strip():
        raise UsageError("the new title is empty")
    show = resolve_show(store.all_shows(), name)
    if fold(new_title) != fold(show.title) and show.title not in show.aliases:
        show.aliases.append(show.title)
    show.title = new_title.strip()
    store.replace("shows", [show.to_dict()])
    return show


def remove(store: Store, show_name: str, season: str | None) -> list[str]:
    """Stop tracking a show (with its releases) or one release; returns the removed ids."""
    from tinydb import Query

    if season is None and "/" not in show_name:
        show = resolve_show(store.all_shows(), show_name)
        ids = [r.id for r in store.all_releases() if r.show_id == show.id]
        store.releases.remove(Query().show_id == show.id)
        store.shows.remove(Query().id == show.id)
        return [show.id, *ids]
    _, release = resolve_release(store, show_name, season)
    store.releases.remove(Query().id == release.id)
    return [release.id]


# --------------------------------------------------------------------------- releases


class ExpectOptions(msgspec.Struct):
    """Everything `showtrack expect` can say beside the window phrase."""

    source: str | None = None
    url: str | None = None
    as_of: date | None = None
    region: str | None = None
    platform: str | None = None
    stage: str | None = None
    after: str | None = None
    lag: str | None = None
    at: str | None = None
    tz: str | None = None
    remind: str | None = None
    note: str | None = None
    create_show: bool = False


def _air_time(window_day: date | None, at: str, tz: str | None, fallback: tzinfo) -> str:
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", at.strip())
    if m is None:
        raise UsageError(f"--at {at!r} is not a time", "use HH:MM in 24 hours, e.g. 21:00")
    if window_day is None:
        raise WindowError(
            "--at needs a window that is a single day",
            "give the day, e.g. 2018-03-08, then --at 21:00",
        )
    zone = resolve_zone(tz) if tz else fallback
    return datetime.combine(window_day, time(int(m[1]), int(m[2])), tzinfo=zone).isoformat()


def expect(
    store: Store,
    show_name: str,
    season_text: str,
    phrase: str,
    options: ExpectOptions,
    today: date,
    local_zone: tzinfo,
) -> tuple[Release, bool, bool]:
    """Record or revise a release's expected window. Returns (release, created, changed);
    history grows only when the window or stage changed."""
    shows = store.all_shows()
    try:
        show = resolve_show(shows, show_name)
    except NotFoundError:
        if not options.create_show:
            raise
        show = add_show(store, show_name)
    region = options.region
    as_of = options.as_of or today
    if as_of > today:
        raise UsageError(
            f"--as-of {as_of} is after today ({today})", "as-of is the day the news was reported"
        )
    stage = _check_choice(options.stage, STAGES, "stage")
    if options.remind is not None:
        parse_duration(options.remind)
    if options.lag is not None and options.after is None:
        raise UsageError("--lag goes with --after", "e.g. --after the-defenders/s1 --lag 6mo")
    lag = str(parse_duration(options.lag)) if options.lag else None

    season = parse_season(season_text)
    release_id = f"{show.id}/{release_slug(season, season_text)}"
    existing_doc = store.find("releases", release_id)
    current = Release.from_dict(existing_doc) if existing_doc else None
    if region is None and current is not None:
        region = current.region
    zone = local_zone
    window = parse_window(phrase, as_of, region, default_zone=zone)
    from showtrack.windows import normalize_region

    region = normalize_region(region)
    air_time = window.air_time.isoformat() if window.air_time else None
    if options.at is not None:
        phrase_zone = window.air_time.tzinfo if window.air_time else None
        air_time = _air_time(
            window.earliest if window.is_exact else None,
            options.at,
            options.tz,
            phrase_zone or _region_zone(region) or zone,
        )
    elif options.tz is not None:
        raise UsageError("--tz goes with --at", "e.g. --at 21:00 --tz America/New_York")

    created = current is None
    release = current or Release(
        id=release_id,
        show_id=show.id,
        season=season,
        window={},
        name=None if season is not None else season_text,
    )
    old_state = (
        release.window.get("phrase"),
        release.window.get("earliest"),
        release.window.get("latest"),
        release.stage,
    )
    release.window = window.to_dict()
    release.region = region
    release.air_time = air_time if (air_time or window.is_exact) else None
    if options.platform is not None:
        release.platform = options.platform
    if stage is not None:
        release.stage = stage
    elif created:
        release.stage = "dated" if window.is_exact else "announced"
    if options.remind is not None:
        release.remind = options.remind
    if options.note is not None:
        release.notes = options.note
    if options.source:
        source = Source(options.source, options.url, as_of.isoformat())
        if all((s.name, s.url) != (source.name, source.url) for s in release.sources):
            release.sources.append(source)
    if options.after is not None:
        other = _find_release_by_ref(store, options.after)
        if other.id == release.id:
            raise UsageError("a release cannot wait on itself")
        link = {"release": other.id, "lag": lag}
        release.after = [a for a in release.after if a["release"] != other.id] + [link]
        edges = {r.id: [a["release"] for a in r.after] for r in store.all_releases()}
        edges[release.id] = [a["release"] for a in release.after]
        cycle = find_cycle(edges, release.id)
        if cycle:
            raise UsageError(
                "that would make releases wait on each other: " + " -> ".join(cycle),
                "drop one of the --after links",
            )
    new_state = (
        release.window.get("phrase"),
        release.window.get("earliest"),
        release.window.get("latest"),
        release.stage,
    )
    changed = created or new_state != old_state
    if changed:
        release.history.append(
            _history_entry(release, as_of, options.source, options.url, options.note)
        )
    doc = release.to_dict()
    if created:
        store.releases.insert(doc)
    else:
        store.replace("releases", [doc])
    return release, created, changed


def _region_zone(region: str | None) -> tzinfo | None:
    from zoneinfo import ZoneInfo

    from showtrack.windows import REGION_ZONES

    name = REGION_ZONES.get(region or "")
    return ZoneInfo(name) if name else None


def _history_entry(
    release: Release,
    as_of: date | None,
    source: str | None,
    url: str | None,
    note: str | None = None,
) -> HistoryEntry:
    from showtrack.clock import utc_stamp

    return HistoryEntry(
        recorded_at=utc_stamp(),
        as_of=_iso(as_of),
        window=dict(release.window),
        stage=release.stage,
        source=source,
        url=url,
        note=note,
    )


def mark_released(
    store: Store,
    show_name: str,
    season: str | None,
    day: date,
    today: date,
    source: str | None = None,
) -> Release:
    """Mark a release as out on `day` (not after `today`)."""
    if day > today:
        raise UsageError(
            f"{day} is after today ({today})",
            "mark it released on the day; for a future date use `showtrack expect`",
        )
    _, release = resolve_release(store, show_name, season)
    if release.release_date == day.isoformat() and release.stage == "released":
        return release
    release.release_date = day.isoformat()
    release.stage = "released"
    release.window = make_window(day.isoformat(), day, day, release.region).to_dict()
    release.history.append(_history_entry(release, day, source, None))
    doc = release.to_dict()
    store.replace("releases", [doc])
    return release


# --------------------------------------------------------------------------- listings


class UpcomingFilter(msgspec.Struct):
    """What `upcoming` narrows the list by."""

    within: Duration | None = None
    until: date | None = None
    networks: Sequence[str] = ()
    tags: Sequence[str] = ()
    statuses: Sequence[str] = ()
    include_all: bool = False


def _network_and_tag_test(
    networks: Sequence[str], tags: Sequence[str]
) -> Callable[[Show, str | None], bool]:
    """What --network and --tag ask of a release of `show` airing on `platform`: its
    platform or the show's network among `networks`, and one of the show's tags among
    `tags` (each only when given; case- and accent-blind)."""
    wanted_networks = {fold(n) for n in networks}
    wanted_tags = {fold(t) for t in tags}

    def passes(show: Show, platform: str | None) -> bool:
        if wanted_networks and not wanted_networks & {
            fold(platform or ""),
            fold(show.network or ""),
        }:
            return False
        return not wanted_tags or bool(wanted_tags & {fold(t) for t in show.tags})

    return passes


def upcoming(
    source: Store | Listing, today: date, filt: UpcomingFilter, now: Clock | None = None
) -> Views:
    """What comes next, soonest first (unknown last)."""
    for status in filt.statuses:
        if status not in STATUSES and status not in SHOW_STATUSES:
            raise UsageError(
                f"status {status!r} is not known",
                f"release: {', '.join(STATUSES)}; show: {', '.join(SHOW_STATUSES)}",
            )
    horizon = filt.within.after(today) if filt.within else filt.until
    on_network_and_tags = _network_and_tag_test(filt.networks, filt.tags)
    chosen = []
    for row in _rows(source, today):
        if not filt.include_all and row.status in ("released", "overdue"):
            continue
        if (
            filt.statuses
            and row.status not in filt.statuses
            and (row.show.status not in filt.statuses)
        ):
            continue
        if horizon is not None and (row.effective is None or row.effective > horizon):
            continue
        if not on_network_and_tags(row.show, row.platform):
            continue
        chosen.append(row)
    chosen.sort(key=_Row.sort_key)
    return Views(chosen, today, now)


def due(
    source: Store | Listing, today: date, within: Duration | None, now: Clock | None = None
) -> Views:
    """Releases `check` reports: open now, or opening within the lead time (the release's
    own --remind, else `within`, else 7 days)."""
    default_horizon = (within or DEFAULT_LEAD).after(today)
    chosen = []
    for row in _rows(source, today):
        if row.status == "open":
            chosen.append(row)
        elif row.status == "upcoming" and row.effective is not None:
            horizon = parse_duration(row.remind).after(today) if row.remind else default_horizon
            if row.effective <= horizon:
                chosen.append(row)
    chosen.sort(key=_Row.sort_key)
    return Views(chosen, today, now)


def once_key(view: ReleaseView) -> str:
    """What `check --once` remembers of a release: a changed window is news again."""
    w = view.release.window
    return f"{w.get('earliest')}|{w.get('latest')}|{view.release.air_time or ''}"


def history(
    store: Store, show_name: str, season: str | None, today: date
) -> tuple[Release, list[HistoryEntry], int]:
    """A release's history as known on `today`, and how many times its latest date moved
    later (slipped)."""
    _, release = resolve_release(store, show_name, season)
    day = today.isoformat()
    entries = [h for h in release.history if not h.as_of or h.as_of <= day]
    slips = 0
    previous: str | None = None
    for entry in entries:
        latest = entry.window.get("latest")
        if previous is not None and latest is not None and latest > previous:
            slips += 1
        if latest is not None:
            previous = latest
    return release, entries, slips


# --------------------------------------------------------------------------- import / export


def export_document(store: Store) -> dict[str, Any]:
    """Everything, in the shape `import` reads back."""
    return {
        "showtrack_export": EXPORT_FORMAT,
        "shows": [s.to_dict() for s in store.all_shows()],
        "releases": [r.to_dict() for r in store.all_releases()],
    }


class CalendarFilter(msgspec.Struct):
    """What `export --format ics` narrows the calendar to."""

    premieres_only: bool = False
    tags: Sequence[str] = ()
    networks: Sequence[str] = ()
    exact_only: bool = False


def calendar_entries(store: Store, today: date, filt: CalendarFilter) -> list[CalendarEntry]:
    """The releases for a calendar, each with its effective earliest, soonest first."""
    from showtrack.ics import CalendarEntry

    on_network_and_tags = _network_and_tag_test(filt.networks, filt.tags)
    entries = []
    for view in build_views(store.all_shows(), store.all_releases(), today):
        release, show = view.release, view.show
        if filt.premieres_only and release.season is None:
            continue
        if not on_network_and_tags(show, release.platform):
            continue
        exact = release.released_on is not None or (
            release.earliest is not None and release.earliest == release.latest
        )
        if filt.exact_only and not exact:
            continue
        # Only what had been reported by `today` counts towards the event's SEQUENCE.
        day = today.isoformat()
        known = msgspec.structs.replace(
            release, history=[h for h in release.history if (h.as_of or "") <= day]
        )
        entries.append(CalendarEntry(known, show, view.effective_earliest))
    return entries


def _record_error(position: int, record: Any, problem: str) -> ShowtrackError:
    ident = record.get("id") if isinstance(record, dict) else None
    label = f"record {position}" + (f" ({ident})" if ident else "")
    return UsageError(f"import refused, nothing changed: {label}: {problem}")


def _text_field(record: dict[str, Any], key: str, position: int) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _record_error(position, record, f"{key!r} must be text, not {type(value).__name__}")


def _release_from_record(
    record: Any,
    position: int,
    shows: dict[str, Show],
    today: date,
    new_shows: list[Show],
) -> Release:
    if not isinstance(record, dict):
        raise _record_error(position, record, "a release must be a JSON object")
    for key in (
        "show",
        "show_id",
        "id",
        "platform",
        "region",
        "stage",
        "notes",
        "release_date",
        "air_time",
        "remind",
        "name",
    ):
        _text_field(record, key, position)
    season = record.get("season")
    if season is not None and not (isinstance(season, int) and not isinstance(season, bool)):
        if isinstance(season, str) and parse_season(season) is not None:
            season = parse_season(season)
        else:
            raise _record_error(position, record, "'season' must be a whole number")
    show_key = record.get("show_id") or record.get("show")
    rid = record.get("id")
    if not show_key and rid:
        show_key = rid.split("/", 1)[0]
    if not show_key:
        raise _record_error(position, record, "it names no show ('show' or 'id')")
    show = shows.get(show_key) or next(
        (s for s in shows.values() if fold(s.title) == fold(show_key)), None
    )
    if show is None:
        show = Show(id=slugify(show_key), title=record.get("show") or show_key)
        if show.id in shows:
            show = shows[show.id]
        else:
            shows[show.id] = show
            new_shows.append(show)
    if rid is None:
        if season is None and not record.get("name"):
            raise _record_error(position, record, "it has neither 'season' nor 'id'")
        rid = f"{show.id}/{release_slug(season, record.get('name'))}"
    if not isinstance(rid, str) or "/" not in rid:
        raise _record_error(position, record, "'id' must look like show-id/s2")
    window = record.get("window")
    if not isinstance(window, dict):
        raise _record_error(
            position, record, "'window' must be an object with 'phrase' or 'earliest'/'latest'"
        )
    try:
        window_doc = _window_from_record(window, record, today)
        stage = _check_choice(record.get("stage"), STAGES, "stage")
        for key in ("release_date",):
            if record.get(key):
                date.fromisoformat(record[key])
        if record.get("air_time"):
            datetime.fromisoformat(record["air_time"])
        if record.get("remind"):
            parse_duration(record["remind"])
        for link in record.get("after") or []:
            if not isinstance(link, dict) or not isinstance(link.get("release"), str):
                raise UsageError('\'after\' must be a list of {"release": id, "lag": ...}')
            if link.get("lag"):
                parse_duration(link["lag"])
        sources = [
            Source.from_dict(s) if isinstance(s, dict) else Source(str(s))
            for s in record.get("sources") or []
        ]
        history_entries = [
            HistoryEntry.from_dict(h) for h in record.get("history") or [] if isinstance(h, dict)
        ]
    except ShowtrackError as exc:
        raise _record_error(position, record, exc.message) from None
    except ValueError as exc:
        raise _record_error(position, record, str(exc)) from None
    return Release(
        id=rid,
        show_id=show.id,
        season=season,
        window=window_doc,
        name=record.get("name"),
        air_time=record.get("air_time"),
        region=record.get("region"),
        platform=record.get("platform"),
        stage=stage,
        after=[{"release": a["release"], "lag": a.get("lag")} for a in record.get("after") or []],
        sources=sources,
        notes=record.get("notes"),
        release_date=record.get("release_date"),
        remind=record.get("remind"),
        history=history_entries,
    )


def _window_from_record(
    window: dict[str, Any], record: dict[str, Any], today: date
) -> dict[str, Any]:
    phrase = window.get("phrase")
    if phrase is not None and not isinstance(phrase, str):
        raise UsageError("'window.phrase' must be text")
    earliest, latest = window.get("earliest"), window.get("latest")
    if earliest is None and latest is None and phrase is not None:
        as_of_text = record.get("as_of") or window.get("as_of")
        as_of = date.fromisoformat(as_of_text) if as_of_text else today
        return parse_window(phrase, as_of, record.get("region")).to_dict()
    first = date.fromisoformat(earliest) if earliest else None
    last = date.fromisoformat(latest) if latest else None
    text = (
        phrase
        if phrase is not None
        else (f"{earliest or '..'}/{latest or '..'}" if first != last else earliest or "")
    )
    return make_window(text, first, last, record.get("region")).to_dict()


def csv_records(text: str) -> list[dict[str, Any]]:
    """Release objects from the CSV `export --format csv` and `upcoming -o csv` write:
    one row a release, with the window's phrase and bounds. Sources arrive as names;
    lags and history are not in a CSV (the JSON export carries everything)."""
    import csv
    import io

    records = []
    for row in csv.DictReader(io.StringIO(text)):
        record: dict[str, Any] = {
            key: (row.get(key) or None)
            for key in (
                "id",
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
        }
        season = (row.get("season") or "").strip()
        record["season"] = int(season) if season.isdigit() else (season or None)
        record["window"] = {
            "phrase": row.get("window_phrase") or None,
            "earliest": row.get("window_earliest") or None,
            "latest": row.get("window_latest") or None,
        }
        record["sources"] = [n.strip() for n in (row.get("sources") or "").split(";") if n.strip()]
        record["after"] = [
            {"release": r.strip()} for r in (row.get("after") or "").split(";") if r.strip()
        ]
        if row.get("network") and not row.get("platform"):
            record["platform"] = row["network"]
        records.append({k: v for k, v in record.items() if v not in (None, [], "")})
    return records


def import_records(
    store: Store,
    payload: Any,
    today: date,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int, int]:
    """Merge an export document, or a JSON array of release objects, into the store;
    all or nothing. Returns (shows added, releases added, releases updated). `progress`
    hears (records checked, records in all) as the records are checked."""

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
    shows = {s.id: s for s in store.all_shows()}
    new_shows: list[Show] = []
    updated_shows: list[Show] = []
    for position, record in enumerate(show_records, 1):
        if not isinstance(record, dict) or not isinstance(
            record.get("title") or record.get("id"), str
        ):
            raise UsageError(f"import refused, nothing changed: show {position} needs a title")
        try:
            show = Show.from_dict(record)
            _check_choice(show.status, SHOW_STATUSES, "status")
        except ShowtrackError as exc:
            raise UsageError(
                f"import refused, nothing changed: show {position}: {exc.message}"
            ) from None
        (updated_shows if show.id in shows else new_shows).append(show)
        shows[show.id] = show
    releases = []
    total = len(release_records)
    for i, rec in enumerate(release_records, 1):
        releases.append(_release_from_record(rec, i, shows, today, new_shows))
        if progress is not None and (i % 500 == 0 or i == total):
            progress(i, total)
    existing = store.by_id("releases")
    seen: set[str] = set()
    for release in releases:
        if release.id in seen:
            raise UsageError(f"import refused, nothing changed: {release.id} appears twice")
        seen.add(release.id)
    known_ids = set(existing) | seen
    for release in releases:
        for link in release.after:
            if link["release"] not in known_ids:
                raise UsageError(
                    f"import refused, nothing changed: {release.id} waits on an "
                    f"unknown release {link['release']!r}"
                )
    store.shows.insert_multiple(s.to_dict() for s in new_shows)
    store.replace("shows", [s.to_dict() for s in updated_shows])
    added = [r for r in releases if r.id not in existing]
    changed = [r for r in releases if r.id in existing]
    store.releases.insert_multiple(r.to_dict() for r in added)
    for release in changed:
        old = Release.from_dict(existing[release.id])
        merged = {(h.recorded_at, h.window.get("phrase")): h for h in old.history}
        merged.update({(h.recorded_at, h.window.get("phrase")): h for h in release.history})
        release.history = sorted(merged.values(), key=lambda h: h.recorded_at)
    # One pass over the table for all of them: a TinyDB update copies the whole table.
    store.replace("releases", [r.to_dict() for r in changed])
    edges = {
        r["id"]: [a["release"] for a in r.get("after") or []]
        for r in store.data["releases"].values()
    }
    for release in releases:
        cycle = find_cycle(edges, release.id)
        if cycle:
            raise UsageError(
                "import refused, nothing changed: releases wait on each other: "
                + " -> ".join(cycle)
            )
    return len(new_shows), len(added), len(changed)

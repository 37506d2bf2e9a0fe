"""Changing what is tracked: shows (add, edit, rename, remove), releases (expect,
released), and what `check --once` remembers having reported. Each function takes a
store opened for writing and changes records in it; the caller saves once."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import NamedTuple

import msgspec

from showtrack.errors import NotFoundError, UsageError
from showtrack.models import (
    SHOW_STATUSES,
    STAGES,
    HistoryEntry,
    Link,
    Release,
    Show,
    Source,
    TvmazeLink,
    WindowRecord,
    check_choice,
    history_order,
    parse_season,
)
from showtrack.store import Store
from showtrack.text import fold, shortened, slugify, web_address
from showtrack.tracker.history import history_entry, reported_on
from showtrack.tracker.names import (
    find_release_by_ref,
    find_show,
    names_a_release,
    release_id,
    resolve_release,
    resolve_show,
)
from showtrack.windows.constraints import find_cycle
from showtrack.windows.days import air_instant
from showtrack.windows.durations import parse_duration
from showtrack.windows.regions import normalize_region, region_zone
from showtrack.windows.window import Window, make_window

# --------------------------------------------------------------------------- shows


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
        aliases=_names(aliases, "alias"),
        network=network,
        tags=_names(tags, "tag"),
        status=check_choice(status, SHOW_STATUSES, "status"),
        notes=notes,
    )
    existing = store.show(show.id)
    if existing is not None:
        raise UsageError(
            f"{existing.title!r} is already tracked (id {show.id})",
            "change it with `showtrack edit`",
        )
    if show.aliases:  # decoding every show costs a large database's add; only then
        shows = store.shows()
        for alias in show.aliases:
            _refuse_clash(shows, show.id, alias, "alias")
    store.insert([show])
    return show


def _names(given: Sequence[str], kind: str) -> list[str]:
    """Tags or aliases as given, without repeats; an empty one is refused, since it
    would be stored and shown as nothing and could never be named again."""
    names = [name.strip() for name in given]
    if any(not name for name in names):
        raise UsageError(f"an empty {kind} is not a {kind}")
    return list(dict.fromkeys(names))


def _refuse_clash(shows: Sequence[Show], show_id: str, name: str, what: str) -> None:
    """Refuse a title or alias that another show already answers to: the two shows
    could no longer be told apart by that name."""
    wanted = fold(name)
    for other in shows:
        if other.id == show_id:
            continue
        if wanted in (fold(other.title), fold(other.id), *map(fold, other.aliases)):
            raise UsageError(
                f"{other.title!r} ({other.id}) already answers to {name.strip()!r}",
                f"two shows with one {what} could not be told apart; choose another",
            )


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
) -> tuple[Show, bool]:
    """Change a show's network, tags, aliases, status or notes. Returns the show and
    whether anything changed; it is stored only then."""
    shows = store.shows()
    before = resolve_show(shows, name)
    show = msgspec.structs.replace(before)  # every field changed below gets a new value
    if network is not None:
        show.network = network or None
    new_tags = _names(add_tags, "tag")
    show.tags = [t for t in dict.fromkeys([*show.tags, *new_tags]) if t not in remove_tags]
    new_aliases = _names(add_aliases, "alias")
    for alias in new_aliases:
        _refuse_clash(shows, show.id, alias, "alias")
    show.aliases = list(dict.fromkeys([*show.aliases, *new_aliases]))
    if status is not None:
        show.status = check_choice(status, SHOW_STATUSES, "status")
    if notes is not None:
        show.notes = notes or None
    changed = show != before
    if changed:
        store.update([show])
    return show, changed


def rename_show(store: Store, name: str, new_title: str) -> Show:
    """Give a show a new title; its id (and its releases' ids) stay, the old title
    becomes an alias so that scripts and habits keep working."""
    if not new_title.strip():
        raise UsageError("the new title is empty")
    shows = store.shows()
    show = resolve_show(shows, name)
    _refuse_clash(shows, show.id, new_title, "title")
    if fold(new_title) != fold(show.title) and show.title not in show.aliases:
        show.aliases.append(show.title)
    show.title = new_title.strip()
    store.update([show])
    return show


def link_show(store: Store, name: str, link: TvmazeLink) -> Show:
    """Link a show to TVmaze; a TVmaze show is linked to one tracked show at most."""
    show = find_show(store, name)
    for other in store.shows():
        if other.id != show.id and other.tvmaze is not None and other.tvmaze.id == link.id:
            raise UsageError(
                f"TVmaze show {link.id} is already linked to {other.title} ({other.id})",
                f"unlink it first: showtrack unlink {other.id}",
            )
    if show.tvmaze is None or show.tvmaze.id != link.id:
        show.tvmaze = link
        store.update([show])
    return show


def unlink_show(store: Store, name: str) -> Show:
    """Forget a show's TVmaze link; its history stays."""
    show = find_show(store, name)
    if show.tvmaze is None:
        raise UsageError(f"{show.title} is not linked to TVmaze")
    show.tvmaze = None
    store.update([show])
    return show


class Removal(NamedTuple):
    """What `remove` was asked to drop: a whole show, or one release of it; and the
    other releases that wait on what goes (their links go too, when confirmed)."""

    what: str
    show_id: str
    release_id: str | None
    dependents: tuple[str, ...] = ()


def _dependents(releases: Sequence[Release], going: set[str]) -> tuple[str, ...]:
    return tuple(
        r.id for r in releases if r.id not in going and any(a.release in going for a in r.after)
    )


def plan_removal(
    store: Store, show_name: str, season: str | None, *, confirmed: bool = False
) -> Removal:
    """Resolve what `remove SHOW [SEASON]` names, and what waits on it, to ask the user
    about it before anything is locked or changed. Unless `confirmed` (--yes), removing
    what other releases wait on is refused, naming them."""
    releases = store.releases()
    if not names_a_release(show_name, season):
        show = find_show(store, show_name)
        going = {r.id for r in releases if r.show_id == show.id}
        plan = Removal(
            f"{show.title} and its releases", show.id, None, _dependents(releases, going)
        )
    else:
        show, release = resolve_release(store, show_name, season)
        plan = Removal(
            release.label(show.title), show.id, release.id, _dependents(releases, {release.id})
        )
    if plan.dependents and not confirmed:
        raise UsageError(
            f"{', '.join(plan.dependents)} wait on {plan.what}",
            "add --yes to remove it and drop those links",
        )
    return plan


def remove(store: Store, plan: Removal) -> list[str]:
    """Carry out a planned removal; returns the removed ids. The plan may have been made
    on an earlier read: what it names must still be there."""
    every = store.releases()
    if plan.release_id is not None:
        release = store.release(plan.release_id)
        if release is None:
            raise NotFoundError(f"{plan.release_id} is no longer tracked")
        going: list[Show | Release] = [release]
    else:
        show = store.show(plan.show_id)
        if show is None:
            raise NotFoundError(f"{plan.show_id} is no longer tracked")
        going = [show, *(r for r in every if r.show_id == show.id)]
    gone = {record.id for record in going}
    # Releases that waited on what goes stop waiting, so that no link points nowhere.
    unlinked = []
    for release in every:
        if release.id not in gone and any(a.release in gone for a in release.after):
            release.after = [a for a in release.after if a.release not in gone]
            unlinked.append(release)
    store.update(unlinked)
    store.remove(going)
    return [record.id for record in going]


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


def _state(release: Release) -> tuple[str | None, str | None, str | None, str | None]:
    """What a history entry records a change of: the window and the stage."""
    w = release.window
    return w.phrase, w.earliest, w.latest, release.stage


class Expected(NamedTuple):
    """What `expect` did: the release and its show, whether it was new, whether anything
    was recorded, and whether the report was older than the newest one (so history
    only)."""

    release: Release
    show: Show
    created: bool
    changed: bool
    older: bool = False
    conflict: str | None = None
    #: What else the user should know (an air time dropped with its old day).
    note: str | None = None


def expect(
    store: Store,
    show_name: str,
    season_text: str,
    phrase: str,
    options: ExpectOptions,
    today: date,
    local_zone: tzinfo,
    *,
    read: Window | None = None,
) -> Expected:
    """Record or revise a release's expected window; history grows only when the window
    or stage changed. A report older (by as_of) than the newest one is kept in the
    history, in its place, and does not replace the newer news. `read` is the window
    `phrase` was already read as (an article's proposal): it is not read again."""
    from showtrack.windows.phrases import parse_window

    try:
        show = find_show(store, show_name)
    except NotFoundError:
        if not options.create_show:
            raise
        show = add_show(store, show_name)
    as_of, stage, lag = _checked(options, today)
    season = parse_season(season_text)
    rid = release_id(show, season_text)
    current = store.release(rid)
    region = options.region
    if region is None and current is not None:
        region = current.region
    window = read or parse_window(phrase, as_of, region, default_zone=local_zone)
    region = normalize_region(region)
    air_time = _air_time(window, options, region, local_zone)

    created = current is None
    release = current or Release(
        id=rid,
        show_id=show.id,
        season=season,
        name=None if season is not None else season_text,
    )
    air_time, note = _kept_air_time(release, window, air_time, options, local_zone)
    old_state, old_air = _state(release), release.air_time
    current_news = (release.window, release.stage, old_air)
    _revise(release, window, region, air_time, stage, options, as_of, created=created)
    if options.after is not None:
        _wait_on(store, release, find_release_by_ref(store, options.after), lag)
    news = created or _state(release) != old_state  # what the history records
    entry = history_entry(release, as_of, options.source, options.url, options.note)
    changed, older = _into_history(release, entry, news, release.air_time != old_air, current_news)
    if created:
        store.insert([release])
    else:
        store.update([release])
    # Only a release that waits on another can be pushed past its window; looking costs
    # a decode of every release, which a plain expect must not pay.
    conflict = _conflict(store, release.id, today) if release.after else None
    return Expected(release, show, created, changed, older, conflict, note)


def _into_history(
    release: Release,
    entry: HistoryEntry,
    news: bool,
    air_time_moved: bool,
    current_news: tuple[WindowRecord, str | None, str | None],
) -> tuple[bool, bool]:
    """Record a report in the release's history, in its place by as_of; whether the
    release changed, and whether the report was older than the newest one. An older
    report joins the history and does not replace the newer news (spec/cli.md: the
    current window is the latest report by as_of)."""
    changed = news or air_time_moved
    newest = max((h.as_of for h in release.history if h.as_of), default=None)
    older = newest is not None and entry.as_of is not None and entry.as_of < newest
    if older:
        release.window, release.stage, release.air_time = current_news
        changed = news = not any(
            h.as_of == entry.as_of and h.window == entry.window for h in release.history
        )
    if news:
        bisect.insort(release.history, entry, key=history_order)
    return changed, older


def _checked(options: ExpectOptions, today: date) -> tuple[date, str | None, str | None]:
    """The day of the report, the stage and the lag, each checked before anything
    changes: a web address, a day not after today, a known stage, durations that read,
    and --lag only with --after."""
    if options.url is not None and not web_address(options.url):
        raise UsageError(
            f"--url {shortened(options.url)!r} is not a web address",
            "give an http:// or https:// address, e.g. https://example.org/news/1",
        )
    as_of = reported_on(options.as_of, today)
    stage = check_choice(options.stage, STAGES, "stage")
    if options.remind is not None:
        parse_duration(options.remind)
    if options.lag is not None and options.after is None:
        raise UsageError("--lag goes with --after", "e.g. --after the-defenders/s1 --lag 6mo")
    return as_of, stage, str(parse_duration(options.lag)) if options.lag else None


def _air_time(
    window: Window, options: ExpectOptions, region: str | None, local_zone: tzinfo
) -> str | None:
    """The instant it airs: --at (in --tz, else the phrase's zone, the region's, the
    user's) on the window's one day, else the time the phrase gave, else None."""
    if options.at is None:
        if options.tz is not None:
            raise UsageError("--tz goes with --at", "e.g. --at 21:00 --tz America/New_York")
        return window.air_time.isoformat() if window.air_time else None
    phrase_zone = window.air_time.tzinfo if window.air_time else None
    return air_instant(
        window.earliest if window.is_exact else None,
        options.at,
        options.tz,
        phrase_zone or region_zone(region) or local_zone,
    )


def _kept_air_time(
    release: Release,
    window: Window,
    air_time: str | None,
    options: ExpectOptions,
    local_zone: tzinfo,
) -> tuple[str | None, str | None]:
    """The air time to keep when the news names none: the known one when the day is
    repeated; else none, with a note saying the old one was dropped with its day."""
    if air_time is not None or not release.air_time or options.at is not None:
        return air_time, None
    same_day = window.is_exact and release.window.is_exact
    if same_day and release.window.earliest == _iso(window.earliest):
        return release.air_time, None
    at = datetime.fromisoformat(release.air_time).astimezone(local_zone)
    return None, f"its air time ({at:%H:%M %Z}) was dropped with the old day; give --at"


def _revise(
    release: Release,
    window: Window,
    region: str | None,
    air_time: str | None,
    stage: str | None,
    options: ExpectOptions,
    as_of: date,
    *,
    created: bool,
) -> None:
    """The release as the news says: its window, region, air time, stage (a new one is
    dated or announced), platform, reminder, note and source."""
    release.window = WindowRecord.of(window)
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


def _conflict(store: Store, release_id: str, today: date) -> str | None:
    """What the release's constraints now say against its window, if they conflict."""
    from showtrack.tracker.listings import all_views

    for view in all_views(store, today):
        if view.release.id == release_id and view.conflict:
            end = view.release.window.latest
            return (
                f"{view.title} cannot come before {view.effective_earliest}; its window ends {end}"
            )
    return None


def wait_on(store: Store, release_id: str, ref: str) -> bool:
    """Make the release `release_id` wait on the release `ref` names (as `expect --after`
    does); False when it already did. Both must exist."""
    release = store.release(release_id)
    if release is None:
        raise NotFoundError(f"no release {release_id!r}")
    other = find_release_by_ref(store, ref)
    if any(link.release == other.id for link in release.after):
        return False
    _wait_on(store, release, other, None)
    store.update([release])
    return True


def _wait_on(store: Store, release: Release, other: Release, lag: str | None) -> None:
    """Make `release` wait on `other` (plus `lag`); refuses a link that closes a cycle."""
    if other.id == release.id:
        raise UsageError("a release cannot wait on itself")
    release.after = [a for a in release.after if a.release != other.id] + [Link(other.id, lag)]
    edges = {r.id: [a.release for a in r.after] for r in store.releases()}
    edges[release.id] = [a.release for a in release.after]
    cycle = find_cycle(edges, release.id)
    if cycle:
        raise UsageError(
            "that would make releases wait on each other: " + " -> ".join(cycle),
            "drop one of the --after links",
        )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def mark_released(
    store: Store,
    show_name: str,
    season: str | None,
    day: date,
    today: date,
    source: str | None = None,
) -> tuple[Show, Release]:
    """Mark a release as out on `day` (not after `today`)."""
    if day > today:
        raise UsageError(
            f"{day} is after today ({today})",
            "mark it released on the day; for a future date use `showtrack expect`",
        )
    show, release = resolve_release(store, show_name, season)
    if release.release_date == day.isoformat() and release.stage == "released":
        return show, release
    release.release_date = day.isoformat()
    release.stage = "released"
    release.window = WindowRecord.of(make_window(day.isoformat(), day, day, release.region))
    # The report stands as of its day, unless newer news is recorded (an expectation
    # entered after that day): it is newer than that news, and stays last in a history
    # ordered by as_of (spec/cli.md), where it is the current window.
    newest = max((history_order(h)[0] for h in release.history), default="")
    as_of = day if newest <= day.isoformat() else date.fromisoformat(newest)
    release.history.append(history_entry(release, as_of, source, None))
    store.update([release])
    return show, release


# --------------------------------------------------------------------------- check --once

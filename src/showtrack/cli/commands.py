"""The commands: each parses its options, calls the tracker, and writes what it returns
with `context.emit()`. Heavy modules are imported inside the commands that need them, so
that `showtrack check` from cron never loads Rich, and a listing never loads the phrase
reader. No `from __future__ import annotations`: Typer would evaluate every annotation
string on each start.
"""

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from showtrack import clock
from showtrack.cli.completion import RELEASES, SHOW_NAMES, words
from showtrack.cli.options import (
    AsOf,
    IncludeAll,
    Limit,
    Networks,
    Note,
    OptionalSeason,
    Output,
    Region,
    SeasonArg,
    ShowArg,
    SourceName,
    TableOrJson,
    Tags,
    app,
    argument,
    day_option,
    echo_safe,
    emit_listing,
    option,
    settings_of,
)
from showtrack.context import (
    duration,
    emit,
    output_format,
)
from showtrack.errors import ExitCode, UsageError
from showtrack.models import STAGES

if TYPE_CHECKING:
    from showtrack.models import EpisodeView, ReleaseRow, ReleaseView

# --------------------------------------------------------------------------- shows


@app.command()
def add(
    ctx: typer.Context,
    title: Annotated[str, argument("the show's title", metavar="TITLE")],
    network: Annotated[str | None, option("--network", "network or platform")] = None,
    tag: Annotated[list[str], option("--tag", "a tag (repeat for more)")] = [],  # noqa: B006
    alias: Annotated[list[str], option("--alias", "another name (repeat)")] = [],  # noqa: B006
    status: Annotated[
        str | None, option("--status", "returning, renewed, in-production, ended or cancelled")
    ] = None,
    note: Note = None,
    link: Annotated[bool, option("--link", "link it to its TVmaze show, as `link` does")] = False,
) -> None:
    """Start tracking a show.

    With --link, TVmaze is asked first: when the title has no clear match there,
    nothing is added.

    Example:  showtrack add "Jessica Jones" --network Netflix --tag marvel
    """
    from showtrack.sources import tvmaze
    from showtrack.tracker import edits

    found = tvmaze.find(title) if link else None
    with settings_of(ctx).write_store() as st:
        show = edits.add_show(
            st, title, network=network, tags=tag, aliases=alias, status=status, notes=note
        )
        if found is not None:
            edits.link_show(st, show.id, tvmaze.link_of(found))
    echo_safe(f"tracking {show.title} ({show.id})")
    if found is not None:
        echo_safe(f"linked to TVmaze {found.id}: {found.describe()}")


@app.command()
def edit(
    ctx: typer.Context,
    show: ShowArg,
    network: Annotated[str | None, option("--network", "set the network ('' clears)")] = None,
    tag: Annotated[list[str], option("--tag", "add a tag")] = [],  # noqa: B006
    untag: Annotated[list[str], option("--untag", "remove a tag")] = [],  # noqa: B006
    alias: Annotated[list[str], option("--alias", "add another name")] = [],  # noqa: B006
    status: Annotated[str | None, option("--status", "the show's status")] = None,
    note: Annotated[str | None, option("--note", "set the notes ('' clears)")] = None,
) -> None:
    """Change a show's network, tags, aliases, status or notes.

    Example:  showtrack edit "Jessica Jones" --alias JJ --status renewed
    """
    from showtrack.tracker import edits

    with settings_of(ctx).write_store() as st:
        edited, changed = edits.edit_show(
            st,
            show,
            network=network,
            add_tags=tag,
            remove_tags=untag,
            add_aliases=alias,
            status=status,
            notes=note,
        )
    echo_safe(f"{'updated' if changed else 'unchanged:'} {edited.title} ({edited.id})")


@app.command()
def rename(
    ctx: typer.Context,
    show: ShowArg,
    new_title: Annotated[str, argument("the new title", metavar="NEW_TITLE")],
) -> None:
    """Give a show a new title; its id stays and the old title becomes an alias.

    Example:  showtrack rename "Jessica Jones" "Marvel's Jessica Jones"
    """
    from showtrack.tracker import edits

    with settings_of(ctx).write_store() as st:
        changed = edits.rename_show(st, show, new_title)
    echo_safe(f"renamed to {changed.title} ({changed.id})")


@app.command()
def remove(
    ctx: typer.Context,
    show: ShowArg,
    season: Annotated[str | None, argument("only this release", metavar="SEASON")] = None,
    yes: Annotated[bool, option("--yes -y", "do not ask")] = False,
) -> None:
    """Stop tracking a show (with its releases), or one release.

    Asks first at a terminal; without a terminal it refuses unless --yes is given.
    """
    from showtrack.text import printable
    from showtrack.tracker import edits

    settings = settings_of(ctx)
    # Ask before taking the lock: a person thinking must not hold up cron.
    plan = edits.plan_removal(settings.read_store(), show, season, confirmed=yes)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(
                f"not removing {printable(plan.what)} without --yes (no terminal to ask at)"
            )
        if not typer.confirm(f"Stop tracking {printable(plan.what)}?", default=False):
            typer.echo("nothing removed", err=True)
            raise typer.Exit(ExitCode.NOTHING)  # declined: README, "Exit codes"
    with settings.write_store() as st:
        removed = edits.remove(st, plan)
    typer.echo(f"removed {', '.join(removed)}")
    if plan.dependents:
        typer.echo(f"no longer waiting on it: {', '.join(plan.dependents)}")


@app.command(name="list")
def list_shows(ctx: typer.Context, output: Output = None, limit: Limit = None) -> None:
    """Every tracked show.

    Example:  showtrack list -o csv > shows.csv
    """
    from showtrack.models import Show, show_row
    from showtrack.tracker import listings

    settings = settings_of(ctx)
    fmt = output_format(output)
    st = settings.read_store()
    shows = listings.shows_with_releases(st)
    counted = [(show, len(ids)) for show, ids in shows]
    emit_listing(
        settings,
        fmt,
        shows,
        nothing="no show is tracked yet; `showtrack add TITLE` starts tracking one",
        table=lambda r, console: r.shows_table(console, counted, 20 if limit is None else limit),
        to_dict=lambda s: show_row(*s),
        limit=limit,
        blank=(Show("-", "-"), []),
    )


@app.command()
def info(ctx: typer.Context, show: ShowArg, output: TableOrJson = None) -> None:
    """A show, its releases, their windows, constraints and sources.

    Example:  showtrack info jessica
    """
    from showtrack.models import show_row
    from showtrack.tracker import listings

    settings = settings_of(ctx)
    fmt = output_format(output or "table", ("table", "json"))
    listing = settings.read_listing()  # the fast read: no release's history is decoded
    found, views = listings.show_views(listing, show, settings.today(), settings.clock())

    def to_dict(_: object) -> dict[str, Any]:
        doc = show_row(found, [r.id for r in listing.releases if r.show_id == found.id])
        doc["release_details"] = [v.to_dict() for v in views]
        return doc

    emit(
        settings,
        fmt,
        [found],
        table=lambda r, console: r.show_info(
            console, found, views, lambda dt: dt.astimezone(clock.local_zone())
        ),
        to_dict=to_dict,
        single=True,
    )


# --------------------------------------------------------------------------- TVmaze


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, argument("a title, or a part of one", metavar="QUERY")],
    output: Output = None,
) -> None:
    """TVmaze's candidates for a title: id, name, premiere, network, status.

    Exits 1 when nothing matches. Link one with `showtrack link SHOW --tvmaze ID`.

    Example:  showtrack search "the expanse"
    """
    from showtrack.sources import tvmaze

    settings = settings_of(ctx)
    fmt = output_format(output)
    with tvmaze.fetcher() as client:
        hits = tvmaze.search(client, query)
    rows = [tvmaze.search_row(hit) for hit in hits]
    emit_listing(
        settings,
        fmt,
        rows,
        nothing=f"TVmaze knows no show called {query!r}",
        table=lambda r, console: r.search_table(console, rows),
        to_dict=dict,
        blank=tvmaze.search_row(tvmaze.SearchHit(tvmaze.TvShow(0))),
    )


LINK_HELP = "the TVmaze id (see `showtrack search`)"


@app.command()
def link(
    ctx: typer.Context,
    show: ShowArg,
    tvmaze_id: Annotated[int | None, option("--tvmaze", LINK_HELP, metavar="ID")] = None,
    imdb: Annotated[str | None, option("--imdb", "its IMDb id (tt...)", metavar="ID")] = None,
    thetvdb: Annotated[str | None, option("--thetvdb", "its TheTVDB id", metavar="ID")] = None,
) -> None:
    """Link a tracked show to its TVmaze show, so that `sync` fills in dates.

    With no id, by the ids an import brought (TVDB, IMDb), else the best match for
    the show's title; when that is not clear, the candidates are listed (exit 3).
    Prints what it linked, so a wrong match is seen.

    Example:  showtrack link "The Expanse" --tvmaze 1825
    """
    from showtrack.sources import tvmaze
    from showtrack.tracker import edits, names

    settings = settings_of(ctx)
    target = names.find_show(settings.read_store(), show)
    found = tvmaze.find(target.title, tvmaze_id, imdb, thetvdb, known=target.ids)
    with settings.write_store() as st:
        linked = edits.link_show(st, target.id, tvmaze.link_of(found))
    echo_safe(f"linked {linked.title} to TVmaze {found.id}: {found.describe()}")


@app.command()
def unlink(ctx: typer.Context, show: ShowArg) -> None:
    """Forget a show's TVmaze link; its history stays."""
    from showtrack.tracker import edits

    with settings_of(ctx).write_store() as st:
        changed = edits.unlink_show(st, show)
    echo_safe(f"unlinked {changed.title}")


# --------------------------------------------------------------------------- releases


WINDOW_HELP = "when: 'spring 2018', 'not before 2018', '2018-03-08', 'late 2017 or early 2018'"
STAGE_HELP = "rumored, announced, renewed, filming, post-production, dated, released or cancelled"
REPORTED_HELP = "the day it was reported (default: today); 'this year' is read against it"
AFTER_HELP = "it cannot come before this release (e.g. the-defenders/s1)"


@app.command()
def expect(
    ctx: typer.Context,
    show: ShowArg,
    season: SeasonArg,
    window: Annotated[str, argument(WINDOW_HELP, metavar="WINDOW")],
    source: SourceName = None,
    url: Annotated[str | None, option("--url", "where they said it")] = None,
    as_of: Annotated[str | None, option("--as-of", REPORTED_HELP, metavar="DATE")] = None,
    region: Region = None,
    platform: Annotated[str | None, option("--platform", "default: the show's network")] = None,
    stage: Annotated[str | None, option("--stage", STAGE_HELP, click_type=words(*STAGES))] = None,
    after: Annotated[
        str | None, option("--after", AFTER_HELP, metavar="RELEASE", click_type=RELEASES)
    ] = None,
    lag: Annotated[str | None, option("--lag", "with --after: 6mo, 8w", metavar="DUR")] = None,
    at: Annotated[str | None, option("--at", "air time", metavar="HH:MM")] = None,
    tz: Annotated[str | None, option("--tz", "IANA zone or ET/PT", metavar="ZONE")] = None,
    remind: Annotated[
        str | None, option("--remind", "how early `check` tells", metavar="DUR")
    ] = None,
    note: Note = None,
    create_show: Annotated[bool, option("--create-show", "add the show if missing")] = False,
) -> None:
    """Record (or revise) when a release is expected.

    Every change of window or stage is kept in its history; repeating what is
    already known changes nothing.

    Example:  showtrack expect "Jessica Jones" 2 "spring 2018" --source Deadline
    """
    from showtrack.config import load_config
    from showtrack.tracker import edits, names
    from showtrack.windows.window import window_dates

    settings = settings_of(ctx)
    options = edits.ExpectOptions(
        source=source,
        url=url,
        as_of=day_option(settings, as_of, "--as-of"),
        region=load_config().pick("region", region),
        platform=platform,
        stage=stage,
        after=after,
        lag=lag,
        at=at,
        tz=tz,
        remind=remind,
        note=note,
        create_show=create_show,
    )
    today = settings.today()
    with settings.write_store() as st:
        done = edits.expect(st, show, season, window, options, today, clock.local_zone())
        release, created, changed, older, conflict = done[:5]
        title = names.show_title(st, release.show_id)
    verb = "added" if created else ("revised" if changed else "unchanged:")
    verb = "recorded an older report; still current for" if older and changed else verb
    sys.stderr.write(f"showtrack: warning: {conflict} (a conflict)\n" if conflict else "")
    w = release.window
    dates = window_dates(w.earliest, w.latest)
    if release.air_time:  # as `info` says it: the day and time where the user is
        from datetime import datetime

        here = datetime.fromisoformat(release.air_time).astimezone(clock.local_zone())
        dates += f", airs {here:%a %Y-%m-%d %H:%M %Z}"
    echo_safe(f"{verb} {release.label(title)}: {w.phrase} ({dates})")
    if done.note:
        echo_safe(f"  {done.note}")


@app.command()
def released(
    ctx: typer.Context,
    show: ShowArg,
    season: Annotated[
        str | None, argument("season number or release name", metavar="SEASON")
    ] = None,
    day: Annotated[str | None, argument("default: today", metavar="DATE")] = None,
    source: SourceName = None,
) -> None:
    """Mark a release as out (on DATE, default today).

    The release is SHOW SEASON, or its id alone.

    Example:  showtrack released jessica-jones/s2 2018-03-08
    """
    from showtrack.tracker import edits

    settings = settings_of(ctx)
    with settings.write_store() as st:
        if day is None and season is not None and st.release(show) is not None:
            day, season = season, None  # `released jessica-jones/s2 DATE`: an id, a day
        when = day_option(settings, day, "DATE") or settings.today()
        found, release = edits.mark_released(st, show, season, when, settings.today(), source)
    echo_safe(f"{release.label(found.title)} released {release.release_date}")


STATUS_HELP = "only this release status (upcoming, open, overdue, released, unknown) or show status"


@app.command()
def upcoming(
    ctx: typer.Context,
    within: Annotated[
        str | None, option("--within", "only what can start within DUR", metavar="DUR")
    ] = None,
    until: Annotated[
        str | None, option("--until", "only what can start by DATE", metavar="DATE")
    ] = None,
    network: Networks = [],  # noqa: B006
    tag: Tags = [],  # noqa: B006
    status: Annotated[
        list[str], option("--status", STATUS_HELP + " (repeat)", metavar="STATUS")
    ] = [],  # noqa: B006
    include_all: IncludeAll = False,
    episodes: Annotated[
        bool, option("--episodes", "a season on air as its next episode's own row")
    ] = False,
    output: Output = None,
    limit: Limit = None,
) -> None:
    """What comes next, soonest first; TBA last. Exits 1 when nothing is listed.

    A season on air is listed by its next episode ("S6E15 Tue 20:00, in 2
    days"); with --episodes that episode is a row of its own (every row then
    has `kind`: release or episode).

    Example:  showtrack upcoming --within 3mo --network Netflix
    """
    from showtrack.tracker import listings

    settings = settings_of(ctx)
    fmt = output_format(output)
    if within and until:
        raise UsageError("give --within or --until, not both")
    filt = listings.UpcomingFilter(
        within=duration(within),
        until=day_option(settings, until, "--until", "future"),
        networks=network,
        tags=tag,
        statuses=status,
        include_all=include_all or any(s in ("released", "overdue") for s in status),
    )
    views: Sequence[Any]
    to_dict: Callable[[Any], dict[str, Any] | ReleaseRow]
    columns = None
    listing = settings.read_listing()
    if episodes:
        views = listings.upcoming_with_episodes(listing, settings.today(), filt, settings.clock())
        to_dict = _entry_dict
        columns = _mixed_columns() if fmt in ("csv", "tsv") else None
    else:
        views = listings.upcoming(listing, settings.today(), filt, settings.clock())
        to_dict = _release_dict
    page = 20 if limit is None else limit
    rows: Sequence[Any] = views
    if fmt != "table" and isinstance(views, listings.Views):
        # Each row as writers print it, made without its view (the same row).
        rows, to_dict = views.release_rows(), _same_row
    emit_listing(
        settings,
        fmt,
        rows,
        nothing=_nothing_upcoming(bool(listing.releases), filt.include_all),
        table=lambda r, console: r.upcoming_table(console, views, page),
        to_dict=to_dict,
        limit=limit,
        columns=columns,
        blank=blank_release(),
    )


def _nothing_upcoming(any_release: bool, include_all: bool) -> str:
    """What an empty `upcoming` says, and what to do next."""
    if not any_release:
        return "nothing upcoming: no release is recorded yet; `showtrack expect SHOW SEASON WINDOW`"
    if not include_all:
        return "nothing upcoming matches; --all lists released ones too"
    return "nothing upcoming matches"


def _release_dict(view: "ReleaseView") -> "ReleaseRow":
    return view.to_row()


def _same_row(row: "ReleaseRow | ReleaseView") -> "ReleaseRow":
    """A row already as writers print it (blank_release's view too)."""
    from showtrack.models import ReleaseView

    return row.to_row() if isinstance(row, ReleaseView) else row


def _entry_dict(view: "ReleaseView | EpisodeView") -> dict[str, Any]:
    """A row of a listing with episodes: every row says its `kind`."""
    from showtrack.models import EpisodeView

    if isinstance(view, EpisodeView):
        return view.to_dict()
    return {**view.to_dict(), "kind": "release"}


def blank_release() -> "ReleaseView":
    """A release row with nothing in it: the columns of a listing of releases."""
    from showtrack.models import Release, ReleaseView, Show

    return ReleaseView(
        Release(id="-/s1", show_id="-"), Show("-", "-"), None, "", None, None, "", False
    )


def _mixed_columns() -> tuple[str, ...]:
    """With --episodes, CSV and TSV rows have a release's columns (and `kind`), then an
    episode's own: each row fills those of its kind ('-' in TSV for the others)."""
    from showtrack.cli.episodes import EPISODE_COLUMNS
    from showtrack.output import flatten

    release = [*flatten(blank_release().to_dict()), "kind"]
    return (*release, *(c for c in EPISODE_COLUMNS if c not in release))


HISTORY_COLUMNS = (
    "recorded_at",
    "as_of",
    "window_phrase",
    "window_earliest",
    "window_latest",
    "window_edtf",
    "stage",
    "source",
    "url",
    "note",
)


@app.command()
def history(
    ctx: typer.Context, show: ShowArg, season: OptionalSeason = None, output: Output = None
) -> None:
    """How the expected window moved over time, with sources, and how often it slipped.

    An episode (`showtrack history "The Flash" S6E15`, or the-flash/s6e15): how
    its air day moved, and who said so.

    Example:  showtrack history "Jessica Jones" 2
    """
    from showtrack.tracker import episodes
    from showtrack.tracker.history import release_history

    settings = settings_of(ctx)
    fmt = output_format(output)
    st = settings.read_lookup()  # one release's history decoded, not every one's
    episode = episodes.episode_ref(show, season)
    if episode is not None:
        title, moves = episodes.episode_history(st, show, season, settings.today())
        zone = clock.local_zone()
        emit(
            settings,
            fmt,
            moves,
            table=lambda r, console: r.episode_history_table(console, title, moves, zone),
            to_dict=lambda m: m.to_dict(),
            columns=EPISODE_HISTORY_COLUMNS if fmt in ("csv", "tsv") else None,
        )
        return
    title, entries, slips = release_history(st, show, season, settings.today())

    emit(
        settings,
        fmt,
        entries,
        table=lambda r, console: r.history_table(console, title, entries, slips),
        to_dict=lambda e: e.to_dict(),
        columns=HISTORY_COLUMNS if fmt in ("csv", "tsv") else None,
    )


EPISODE_HISTORY_COLUMNS = ("recorded_at", "as_of", "air_date", "air_time", "source", "url")


@app.command()
def countdown(
    ctx: typer.Context,
    show: Annotated[
        str | None,
        argument("a show (default: everything upcoming)", click_type=SHOW_NAMES, metavar="SHOW"),
    ] = None,
    season: Annotated[str | None, argument("one release of it", metavar="SEASON")] = None,
    live: Annotated[bool, option("--live", "tick every second until Ctrl-C")] = False,
    limit: Annotated[int, option("--limit", "panels to show; 0 for all", min=0, metavar="N")] = 20,
) -> None:
    """How long until each release, with a bar from announcement to window.

    Without SHOW: everything upcoming or open. --live ticks every second until
    Ctrl-C.

    Example:  showtrack countdown "Jessica Jones" 2
    """
    from showtrack.render import countdown_panels, live_countdown
    from showtrack.tracker import listings

    settings = settings_of(ctx)
    views = listings.countdown_views(
        settings.read_store(), show, season, settings.today(), settings.clock()
    )
    if limit:
        views = views[:limit]
    if not views:
        typer.echo("nothing to count down to", err=True)
        raise typer.Exit(ExitCode.NOTHING)
    console = settings.console()
    if live:
        import gc

        # The program starts with the collector off (see __main__), which suits a command
        # that ends in a moment; this one ticks until Ctrl-C (which exits 130, as
        # everywhere: see cli/__init__.py).
        gc.enable()
        # Without a terminal nobody watches it tick: one frame, then done.
        live_countdown(console, views, settings.now, once=not sys.stdout.isatty())
        return
    zone = clock.local_zone()
    countdown_panels(console, views, settings.today(), lambda dt: dt.astimezone(zone))


@app.command()
def timeline(
    ctx: typer.Context,
    months: Annotated[
        int, option("--months", "how many months to draw", min=1, max=120, metavar="N")
    ] = 12,
    include_all: IncludeAll = False,
) -> None:
    """A chart of windows across the coming months, today marked.

    The legend: █ a window, ◆ an exact day, ▒ overdue (closed, not out), ●
    released, ━ on air (to its last dated episode), ◀ ▶ beyond the chart, → no end
    yet, ┃ and · today.

    Example:  showtrack timeline --months 18
    """
    from showtrack.render.charts import timeline as draw
    from showtrack.tracker import listings

    settings = settings_of(ctx)
    views = listings.upcoming(
        settings.read_listing(),
        settings.today(),
        listings.UpcomingFilter(include_all=include_all),
        settings.clock(),
    )
    if not views:
        typer.echo("nothing to draw", err=True)
        raise typer.Exit(ExitCode.NOTHING)
    draw(settings.console(), views.chart_rows(), settings.today(), months)


@app.command()
def calendar(
    ctx: typer.Context,
    month: Annotated[str | None, argument("default: this month", metavar="MONTH")] = None,
) -> None:
    """A month grid: releases and episodes on their days, open windows shaded.

    MONTH: 2018-03, march, 'march 2018', 'next month' (default: this month).

    Example:  showtrack calendar "march 2018"
    """
    from showtrack.render.charts import month_calendar, month_grid
    from showtrack.tracker import calendars

    settings = settings_of(ctx)
    today = settings.today()
    if month is None:
        year, number = today.year, today.month
    else:
        from showtrack.windows.days import parse_month

        year, number = parse_month(month, today)
    weeks = month_grid(year, number)
    shown = calendars.calendar_month(
        settings.read_listing(), today, weeks[0][0], weeks[-1][-1], settings.clock()
    )
    month_calendar(settings.console(), shown, year, number, today)


@app.command()
def window(
    ctx: typer.Context,
    phrase: Annotated[
        str, argument("e.g. 'spring 2018', 'does not return before 2018'", metavar="PHRASE")
    ],
    as_of: AsOf = None,
    region: Annotated[str | None, option("--region", "country code, e.g. US, AU")] = None,
    output: TableOrJson = None,
) -> None:
    """Explain how a window phrase is read.

    Shows its earliest and latest day, EDTF form, status and countdown; exits 3
    when the phrase cannot be read.

    Example:  showtrack window "late 2017 or early 2018" --region AU
    """
    from showtrack.config import load_config
    from showtrack.windows.phrases import explain

    settings = settings_of(ctx)
    fmt = output_format(output or "table", ("table", "json"))
    today = settings.today()
    said = day_option(settings, as_of, "--as-of") or today
    region = load_config().pick("region", region)
    fields = explain(phrase, said, region, today, settings.now(), clock.local_zone())
    emit(
        settings,
        fmt,
        [fields],
        table=lambda r, console: r.window_explanation(console, fields),
        to_dict=lambda f: f,
        single=True,
    )


# --------------------------------------------------------------------------- help


@app.command(name="help")
def help_command(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None, argument("a command, e.g. upcoming or db restore", metavar="COMMAND...")
    ] = None,
) -> None:
    """Help on showtrack, or on one command: `showtrack help upcoming`."""
    # `showtrack help WORDS` is read as `showtrack WORDS --help` (cli/argv.py) before it
    # gets here; this is what `help` alone would print if it ever arrives.
    typer.echo(ctx.find_root().get_help())

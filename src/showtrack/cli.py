"""The command line: the Typer app, its options and help text, and turning errors into
one message and an exit code (spec/cli.md).

Each command parses its options, calls one function of the tracker, and writes what it
returns with `context.emit()`. Heavy modules are imported inside the commands that need
them, so that `showtrack check` from cron never loads Rich, and a listing never loads the
phrase reader.
"""

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from showtrack import __version__, clock
from showtrack.context import (
    OUTPUT_FORMATS,
    Settings,
    complete_show,
    duration,
    emit,
    fail,
    import_progress,
    only_the_command_asked_for,
    output_format,
    write_out,
)
from showtrack.errors import ShowtrackError, UsageError

app = typer.Typer(
    name="showtrack",
    help="Track upcoming TV releases by what is actually known: a release window "
    '("spring 2018", "not before 2018"), its sources, how it moved, what it waits on.\n\n'
    'Start with:  showtrack add "Jessica Jones" --network Netflix\n\n'
    'then:  showtrack expect "Jessica Jones" 2 "spring 2018" --source "Hollywood Reporter"',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
db_app = typer.Typer(
    help="Where the data lives; verify it; roll back to the last backup.", no_args_is_help=True
)
app.add_typer(db_app, name="db")


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings(None, None, False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"showtrack {__version__}")
        raise typer.Exit(0)


def _opt(names: str, help: str, **settings: Any) -> Any:
    """typer.Option for the space-separated `names`, with its help line."""
    return typer.Option(*names.split(), help=help, **settings)


def _arg(help: str, **settings: Any) -> Any:
    """typer.Argument with its help line."""
    return typer.Argument(help=help, **settings)


DB_HELP = "the database file (default: showtrack.json in your user data folder)"
TODAY_HELP = "pretend today is DATE (YYYY-MM-DD): for demos, tests, 'what did we expect then'"


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: Annotated[Path | None, _opt("--db", DB_HELP, envvar="SHOWTRACK_DB", metavar="PATH")] = None,
    today: Annotated[
        str | None, _opt("--today", TODAY_HELP, envvar="SHOWTRACK_TODAY", metavar="DATE")
    ] = None,
    no_color: Annotated[bool, _opt("--no-color", "no colour (also: NO_COLOR=1)")] = False,
    version: Annotated[
        bool, _opt("--version", "print the version and exit", is_eager=True, callback=_version)
    ] = False,
) -> None:
    ctx.obj = Settings(db, today, no_color or bool(os.environ.get("NO_COLOR")))


# --------------------------------------------------------------------------- shared options


SHOW_HELP = "a show's title, id, alias or a unique part of one"
OUTPUT_HELP = f"{', '.join(OUTPUT_FORMATS)} (default: table on a terminal, tsv when piped)"
LIMIT_HELP = "rows to show; a table shows 20 by default, machine formats all; 0 for all"

ShowArg = Annotated[str, _arg(SHOW_HELP, autocompletion=complete_show)]
SeasonArg = Annotated[str, _arg("season number (2, S2) or a name for a special or film")]
OptionalSeason = Annotated[str | None, _arg("one release of it (or give show-id/s2)")]
Output = Annotated[str | None, _opt("-o --output", OUTPUT_HELP, metavar="FORMAT")]
TableOrJson = Annotated[str | None, _opt("-o --output", "table or json", metavar="FORMAT")]
Limit = Annotated[int | None, _opt("--limit", LIMIT_HELP, min=0)]
Networks = Annotated[list[str], _opt("--network", "only this network (repeat)")]
Tags = Annotated[list[str], _opt("--tag", "only shows with this tag (repeat)")]
IncludeAll = Annotated[bool, _opt("--all", "include released and overdue")]
AsOf = Annotated[
    str | None, _opt("--as-of", "the day it was said (default: today)", metavar="DATE")
]
Region = Annotated[str | None, _opt("--region", "country code (US, GB, AU...): seasons follow it")]
Note = Annotated[str | None, _opt("--note", "a note")]
SourceName = Annotated[str | None, _opt("--source", "who said so")]


# --------------------------------------------------------------------------- helpers


def _echo(text: str) -> None:
    """One line of our own words around database text, made safe for the terminal."""
    from showtrack.text import printable

    typer.echo(printable(text))


# --------------------------------------------------------------------------- shows


@app.command()
def add(
    ctx: typer.Context,
    title: Annotated[str, _arg("the show's title")],
    network: Annotated[str | None, _opt("--network", "network or platform")] = None,
    tag: Annotated[list[str], _opt("--tag", "a tag (repeat for more)")] = [],  # noqa: B006
    alias: Annotated[list[str], _opt("--alias", "another name (repeat)")] = [],  # noqa: B006
    status: Annotated[
        str | None, _opt("--status", "returning, renewed, in-production, ended or cancelled")
    ] = None,
    note: Note = None,
    link: Annotated[bool, _opt("--link", "link it to its TVmaze show, as `link` does")] = False,
) -> None:
    """Start tracking a show.

    With --link, TVmaze is asked first: when the title has no clear match there,
    nothing is added.
    """
    from showtrack.sources import tvmaze
    from showtrack.tracker import edits

    found = tvmaze.find(title) if link else None
    with _settings(ctx).write_store() as st:
        show = edits.add_show(
            st, title, network=network, tags=tag, aliases=alias, status=status, notes=note
        )
        if found is not None:
            edits.link_show(st, show.id, tvmaze.link_of(found))
    _echo(f"tracking {show.title} ({show.id})")
    if found is not None:
        _echo(f"linked to TVmaze {found.id}: {found.describe()}")


@app.command()
def edit(
    ctx: typer.Context,
    show: ShowArg,
    network: Annotated[str | None, _opt("--network", "set the network ('' clears)")] = None,
    tag: Annotated[list[str], _opt("--tag", "add a tag")] = [],  # noqa: B006
    untag: Annotated[list[str], _opt("--untag", "remove a tag")] = [],  # noqa: B006
    alias: Annotated[list[str], _opt("--alias", "add another name")] = [],  # noqa: B006
    status: Annotated[str | None, _opt("--status", "the show's status")] = None,
    note: Annotated[str | None, _opt("--note", "set the notes ('' clears)")] = None,
) -> None:
    """Change a show's network, tags, aliases, status or notes."""
    from showtrack.tracker import edits

    with _settings(ctx).write_store() as st:
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
    _echo(f"{'updated' if changed else 'unchanged:'} {edited.title} ({edited.id})")


@app.command()
def rename(
    ctx: typer.Context,
    show: ShowArg,
    new_title: Annotated[str, _arg("the new title")],
) -> None:
    """Give a show a new title; its id stays and the old title becomes an alias."""
    from showtrack.tracker import edits

    with _settings(ctx).write_store() as st:
        changed = edits.rename_show(st, show, new_title)
    _echo(f"renamed to {changed.title} ({changed.id})")


@app.command()
def remove(
    ctx: typer.Context,
    show: ShowArg,
    season: Annotated[str | None, _arg("only this release")] = None,
    yes: Annotated[bool, _opt("--yes -y", "do not ask")] = False,
) -> None:
    """Stop tracking a show (with its releases), or one release.

    Asks first at a terminal; without a terminal it refuses unless --yes is given.
    """
    from showtrack.text import printable
    from showtrack.tracker import edits

    settings = _settings(ctx)
    # Ask before taking the lock: a person thinking must not hold up cron.
    plan = edits.plan_removal(settings.read_store(), show, season, confirmed=yes)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(
                f"not removing {printable(plan.what)} without --yes (no terminal to ask at)"
            )
        if not typer.confirm(f"Stop tracking {printable(plan.what)}?", default=False):
            raise typer.Exit(1)
    with settings.write_store() as st:
        removed = edits.remove(st, plan)
    typer.echo(f"removed {', '.join(removed)}")
    if plan.dependents:
        typer.echo(f"no longer waiting on it: {', '.join(plan.dependents)}")


@app.command(name="list")
def list_shows(ctx: typer.Context, output: Output = None, limit: Limit = None) -> None:
    """Every tracked show."""
    from showtrack.models import show_row
    from showtrack.tracker import listings

    settings = _settings(ctx)
    fmt = output_format(output)
    st = settings.read_store()
    shows = listings.shows_with_releases(st)
    counted = [(show, len(ids)) for show, ids in shows]
    emit(
        settings,
        fmt,
        shows,
        table=lambda r, console: r.shows_table(console, counted, 20 if limit is None else limit),
        to_dict=lambda s: show_row(*s),
        limit=limit,
    )
    if not shows:
        raise typer.Exit(1)


@app.command()
def info(ctx: typer.Context, show: ShowArg, output: TableOrJson = None) -> None:
    """A show, its releases, their windows, constraints and sources."""
    from showtrack.models import show_row
    from showtrack.tracker import listings

    settings = _settings(ctx)
    fmt = output_format(output or "table", ("table", "json"))
    st = settings.read_store()
    found, views = listings.show_views(st, show, settings.today(), settings.clock())

    def to_dict(_: object) -> dict[str, Any]:
        doc = show_row(found, [r.id for r in st.releases() if r.show_id == found.id])
        doc["release_details"] = [v.to_dict() for v in views]
        return doc

    emit(
        settings,
        fmt,
        [found],
        table=lambda r, console: r.show_info(console, found, views),
        to_dict=to_dict,
        single=True,
    )


# --------------------------------------------------------------------------- TVmaze


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, _arg("a title, or a part of one")],
    output: Output = None,
) -> None:
    """TVmaze's candidates for a title: id, name, premiere, network, status.

    Exits 1 when nothing matches. Link one with `showtrack link SHOW --tvmaze ID`.
    """
    from showtrack.sources import tvmaze

    settings = _settings(ctx)
    fmt = output_format(output)
    with tvmaze.fetcher() as client:
        hits = tvmaze.search(client, query)
    rows = [tvmaze.search_row(hit) for hit in hits]
    if not rows and fmt == "table":
        typer.echo(f"TVmaze knows no show called {query!r}", err=True)
        raise typer.Exit(1)
    emit(settings, fmt, rows, table=lambda r, console: r.search_table(console, rows), to_dict=dict)
    if not rows:
        raise typer.Exit(1)


LINK_HELP = "the TVmaze id (see `showtrack search`)"


@app.command()
def link(
    ctx: typer.Context,
    show: ShowArg,
    tvmaze_id: Annotated[int | None, _opt("--tvmaze", LINK_HELP, metavar="ID")] = None,
    imdb: Annotated[str | None, _opt("--imdb", "its IMDb id (tt...)", metavar="ID")] = None,
    thetvdb: Annotated[str | None, _opt("--thetvdb", "its TheTVDB id", metavar="ID")] = None,
) -> None:
    """Link a tracked show to its TVmaze show, so that `sync` fills in dates.

    With no id, the best match for the show's title; when that is not clear, the
    candidates are listed (exit 3). Prints what it linked, so a wrong match is seen.
    """
    from showtrack.sources import tvmaze
    from showtrack.tracker import edits, names

    settings = _settings(ctx)
    target = names.resolve_show(settings.read_store().shows(), show)
    found = tvmaze.find(target.title, tvmaze_id, imdb, thetvdb)
    with settings.write_store() as st:
        linked = edits.link_show(st, target.id, tvmaze.link_of(found))
    _echo(f"linked {linked.title} to TVmaze {found.id}: {found.describe()}")


@app.command()
def unlink(ctx: typer.Context, show: ShowArg) -> None:
    """Forget a show's TVmaze link; its history stays."""
    from showtrack.tracker import edits

    with _settings(ctx).write_store() as st:
        changed = edits.unlink_show(st, show)
    _echo(f"unlinked {changed.title}")


@app.command()
def sync(
    ctx: typer.Context,
    show: Annotated[list[str] | None, _arg("linked shows (default: every linked show)")] = None,
    dry_run: Annotated[bool, _opt("--dry-run", "show what would change; write nothing")] = False,
    output: TableOrJson = None,
    quiet: Annotated[bool, _opt("--quiet -q", "say nothing unless something fails")] = False,
) -> None:
    """Fetch confirmed dates from TVmaze for linked shows and record what changed.

    A date becomes the season's window (stage dated), a season whose first episode
    aired is released; a season TVmaze has no date for keeps its window from the
    news. Every change is history with TVmaze as the source; nothing unchanged is
    written. Only shows TVmaze changed since the last sync are fetched. Exits 5
    when TVmaze cannot be reached (what was fetched is still recorded).
    """
    from showtrack.sources import tvmaze
    from showtrack.tracker import names
    from showtrack.tracker import sync as syncing

    settings = _settings(ctx)
    fmt = output_format(output or "table", ("table", "json"))
    today = settings.today()
    st = settings.read_store()
    named = [names.resolve_show(st.shows(), name) for name in show or []]
    targets = syncing.linked(st, named)
    if not targets:
        if not quiet:
            typer.echo("no show is linked to TVmaze; link one with `showtrack link SHOW`", err=True)
        return
    since = None if named else syncing.updates_since(st, today)
    fetched = tvmaze.fetch_changed(targets, since, today.isoformat())
    # The next sync may ask only what changed since today once every change was fetched.
    checked = fetched.complete and not named
    if dry_run:  # recorded in the snapshot read above, which is never saved
        changes = syncing.record(st, fetched.reports, today, checked=checked)
    else:
        with settings.write_store() as st:
            changes = syncing.record(st, fetched.reports, today, checked=checked)
    rows = [c.to_dict() for c in changes]
    if not quiet or fmt == "json":
        emit(
            settings, fmt, rows, table=lambda r, console: r.sync_table(console, rows), to_dict=dict
        )
    said = syncing.summary(len(targets), len(fetched.reports), fetched.requests, changes, dry_run)
    if not quiet:
        typer.echo(said, err=True)
    if fetched.failure is not None:
        raise fetched.failure


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
    window: Annotated[str, _arg(WINDOW_HELP)],
    source: SourceName = None,
    url: Annotated[str | None, _opt("--url", "where they said it")] = None,
    as_of: Annotated[str | None, _opt("--as-of", REPORTED_HELP, metavar="DATE")] = None,
    region: Region = None,
    platform: Annotated[str | None, _opt("--platform", "default: the show's network")] = None,
    stage: Annotated[str | None, _opt("--stage", STAGE_HELP)] = None,
    after: Annotated[str | None, _opt("--after", AFTER_HELP, metavar="RELEASE")] = None,
    lag: Annotated[str | None, _opt("--lag", "with --after: 6mo, 8w", metavar="DUR")] = None,
    at: Annotated[str | None, _opt("--at", "air time", metavar="HH:MM")] = None,
    tz: Annotated[str | None, _opt("--tz", "IANA zone or ET/PT", metavar="ZONE")] = None,
    remind: Annotated[
        str | None, _opt("--remind", "how early `check` tells", metavar="DUR")
    ] = None,
    note: Note = None,
    create_show: Annotated[bool, _opt("--create-show", "add the show if missing")] = False,
) -> None:
    """Record (or revise) when a release is expected.

    Every change of window or stage is kept in its history; repeating what is
    already known changes nothing.
    """
    from showtrack.tracker import edits, names
    from showtrack.windows.window import window_dates

    settings = _settings(ctx)
    given = {**locals(), "as_of": clock.parse_iso_day(as_of, "--as-of") if as_of else None}
    # Every option of this command is a field of ExpectOptions, under the same name.
    options = edits.ExpectOptions(**{f: given[f] for f in edits.ExpectOptions.__struct_fields__})
    today = settings.today()
    with settings.write_store() as st:
        release, created, changed, older, conflict = edits.expect(
            st, show, season, window, options, today, clock.local_zone()
        )
        title = names.show_title(st, release.show_id)
    verb = "added" if created else ("revised" if changed else "unchanged:")
    verb = "recorded an older report; still current for" if older and changed else verb
    sys.stderr.write(f"showtrack: warning: {conflict} (a conflict)\n" if conflict else "")
    w = release.window
    _echo(f"{verb} {release.label(title)}: {w.phrase} ({window_dates(w.earliest, w.latest)})")


@app.command()
def released(
    ctx: typer.Context,
    show: ShowArg,
    season: Annotated[str, _arg("season number or release name")],
    day: Annotated[str | None, _arg("default: today", metavar="[DATE]")] = None,
    source: SourceName = None,
) -> None:
    """Mark a release as out (on DATE, default today)."""
    from showtrack.tracker import edits

    settings = _settings(ctx)
    when = clock.parse_iso_day(day, "DATE") if day else settings.today()
    with settings.write_store() as st:
        found, release = edits.mark_released(st, show, season, when, settings.today(), source)
    _echo(f"{release.label(found.title)} released {release.release_date}")


STATUS_HELP = "only this release status (upcoming, open, overdue, released, unknown) or show status"


@app.command()
def upcoming(
    ctx: typer.Context,
    within: Annotated[
        str | None, _opt("--within", "only what can start within DUR", metavar="DUR")
    ] = None,
    until: Annotated[
        str | None, _opt("--until", "only what can start by DATE", metavar="DATE")
    ] = None,
    network: Networks = [],  # noqa: B006
    tag: Tags = [],  # noqa: B006
    status: Annotated[list[str], _opt("--status", STATUS_HELP + " (repeat)")] = [],  # noqa: B006
    include_all: IncludeAll = False,
    output: Output = None,
    limit: Limit = None,
) -> None:
    """What comes next, soonest first; TBA last. Exits 1 when nothing is listed."""
    from showtrack.tracker import listings

    settings = _settings(ctx)
    fmt = output_format(output)
    if within and until:
        raise UsageError("give --within or --until, not both")
    filt = listings.UpcomingFilter(
        within=duration(within),
        until=clock.parse_iso_day(until, "--until") if until else None,
        networks=network,
        tags=tag,
        statuses=status,
        include_all=include_all or any(s in ("released", "overdue") for s in status),
    )
    views = listings.upcoming(settings.read_listing(), settings.today(), filt, settings.clock())
    if not views and fmt == "table":
        typer.echo("nothing upcoming matches", err=True)
        raise typer.Exit(1)

    page = 20 if limit is None else limit
    emit(
        settings,
        fmt,
        views,
        table=lambda r, console: r.upcoming_table(console, views, page),
        to_dict=lambda v: v.to_dict(),
        limit=limit,
    )
    if not views:
        raise typer.Exit(1)


HORIZON_HELP = "horizon for releases without their own --remind (default 7d)"
ONCE_HELP = "report each release once per window; remembered in the database"


@app.command()
def check(
    ctx: typer.Context,
    within: Annotated[str | None, _opt("--within", HORIZON_HELP, metavar="DUR")] = None,
    once: Annotated[bool, _opt("--once", ONCE_HELP)] = False,
) -> None:
    """For cron and scripts: one line per due release, silence otherwise.

    Due: its window is open, or it can start within its lead time (--remind of
    the release, else --within, else 7d). Exits 0 when something is due, 1 when
    nothing is.
    """
    from showtrack.models import ReleaseView
    from showtrack.text import printable
    from showtrack.tracker import listings

    settings = _settings(ctx)
    horizon = duration(within)
    today = settings.today()
    views: Sequence[ReleaseView]
    if once:
        from showtrack.tracker import edits

        with settings.write_store() as st:
            views = edits.report_once(st, listings.due(st, today, horizon, settings.clock()))
    else:
        views = listings.due(settings.read_listing(), today, horizon, settings.clock())
    for v in views:
        latest = v.release.window.latest
        eff = v.effective_earliest.isoformat() if v.effective_earliest else ""
        when = eff if eff == latest else f"{eff}..{latest or ''}"
        where = f"  ({printable(v.platform)})" if v.platform else ""
        sys.stdout.write(f"{when}  {printable(v.title)}  {v.countdown}{where}\n")
    if not views:
        raise typer.Exit(1)


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
    """How the expected window moved over time, with sources, and how often it slipped."""
    from showtrack.tracker import listings

    settings = _settings(ctx)
    fmt = output_format(output)
    title, entries, slips = listings.history(settings.read_store(), show, season, settings.today())

    emit(
        settings,
        fmt,
        entries,
        table=lambda r, console: r.history_table(console, title, entries, slips),
        to_dict=lambda e: e.to_dict(),
        columns=HISTORY_COLUMNS if fmt in ("csv", "tsv") else None,
    )


@app.command()
def countdown(
    ctx: typer.Context,
    show: Annotated[
        str | None, _arg("a show (default: everything upcoming)", autocompletion=complete_show)
    ] = None,
    season: Annotated[str | None, _arg("one release of it")] = None,
    live: Annotated[bool, _opt("--live", "tick every second until Ctrl-C")] = False,
    limit: Annotated[int, _opt("--limit", "panels to show; 0 for all", min=0)] = 20,
) -> None:
    """How long until each release, with a bar from announcement to window.

    Without SHOW: everything upcoming or open. --live ticks every second until
    Ctrl-C.
    """
    from showtrack.render import countdown_panels, live_countdown
    from showtrack.tracker import listings

    settings = _settings(ctx)
    views = listings.countdown_views(
        settings.read_store(), show, season, settings.today(), settings.clock()
    )
    if limit:
        views = views[:limit]
    if not views:
        typer.echo("nothing to count down to", err=True)
        raise typer.Exit(1)
    console = settings.console()
    if live:
        import gc

        # The program starts with the collector off (see __main__), which suits a command
        # that ends in a moment; this one ticks until Ctrl-C.
        gc.enable()
        # Ctrl-C is how a live countdown ends: a normal exit, status 0.
        with contextlib.suppress(KeyboardInterrupt):
            live_countdown(console, views, settings.now)
        return
    zone = clock.local_zone()
    countdown_panels(console, views, settings.today(), lambda dt: dt.astimezone(zone))


@app.command()
def timeline(
    ctx: typer.Context,
    months: Annotated[int, _opt("--months", "how many months to draw", min=1, max=120)] = 12,
    include_all: IncludeAll = False,
) -> None:
    """A chart of windows across the coming months, today marked.

    █ a window, ◆ an exact day, ● released, ▶ no end yet, ◀ began before the chart.
    """
    from showtrack.render import timeline as draw
    from showtrack.tracker import listings

    settings = _settings(ctx)
    views = listings.upcoming(
        settings.read_listing(),
        settings.today(),
        listings.UpcomingFilter(include_all=include_all),
        settings.clock(),
    )
    if not views:
        typer.echo("nothing to draw", err=True)
        raise typer.Exit(1)
    draw(settings.console(), views, settings.today(), months)


@app.command()
def calendar(
    ctx: typer.Context,
    month: Annotated[str | None, _arg("default: this month", metavar="[YYYY-MM]")] = None,
) -> None:
    """A month grid: exact releases on their days, open windows shaded."""
    import re

    from showtrack.render import month_calendar
    from showtrack.tracker import listings

    settings = _settings(ctx)
    today = settings.today()
    if month is None:
        year, number = today.year, today.month
    else:
        m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", month)
        if m is None:
            raise UsageError(f"month {month!r} is not YYYY-MM", "e.g. showtrack calendar 2018-03")
        year, number = int(m[1]), int(m[2])
    views = listings.all_views(settings.read_store(), today, settings.clock())
    month_calendar(settings.console(), views, year, number, today)


@app.command()
def window(
    ctx: typer.Context,
    phrase: Annotated[str, _arg("e.g. 'spring 2018', 'does not return before 2018'")],
    as_of: AsOf = None,
    region: Annotated[str | None, _opt("--region", "country code, e.g. US, AU")] = None,
    output: TableOrJson = None,
) -> None:
    """Explain how a window phrase is read.

    Shows its earliest and latest day, EDTF form, status and countdown; exits 3
    when the phrase cannot be read.
    """
    from showtrack.windows.phrases import explain

    settings = _settings(ctx)
    fmt = output_format(output or "table", ("table", "json"))
    today = settings.today()
    said = clock.parse_iso_day(as_of, "--as-of") if as_of else today
    fields = explain(phrase, said, region, today, settings.now(), clock.local_zone())
    emit(
        settings,
        fmt,
        [fields],
        table=lambda r, console: r.window_explanation(console, fields),
        to_dict=lambda f: f,
        single=True,
    )


# --------------------------------------------------------------------------- moving data


EXPORT_FORMATS_HELP = "json (everything, for import), csv (one row a release) or ics (a calendar)"


@app.command(name="export")
def export_data(
    ctx: typer.Context,
    output: Annotated[
        Path | None, _opt("-o --output", "write to FILE (default: standard output)", metavar="FILE")
    ] = None,
    fmt: Annotated[str, _opt("--format", EXPORT_FORMATS_HELP)] = "json",
    premieres_only: Annotated[
        bool, _opt("--premieres-only", "ics: seasons only, no specials or films")
    ] = False,
    tag: Annotated[list[str], _opt("--tag", "ics: only shows with this tag (repeat)")] = [],  # noqa: B006
    network: Annotated[list[str], _opt("--network", "ics: only this network (repeat)")] = [],  # noqa: B006
    exact_only: Annotated[
        bool, _opt("--exact-only", "ics: only releases with an exact day or time")
    ] = False,
) -> None:
    """Everything, for backup, another machine, or a calendar app.

    `--format json` round-trips through `import`; `csv` is one row a release;
    `ics` is an iCalendar file: exact days as all-day events, exact times as
    events in UTC, windows as tentative all-day spans ("Luke Cage S2 (expected
    spring 2018)"). Open-ended ("not before 2018") and TBA windows have no
    place on a calendar and are left out. Each release keeps its UID, so a
    calendar re-reading a newer export updates events instead of doubling them.
    """
    from showtrack.tracker import listings, transfer

    settings = _settings(ctx)
    if fmt not in ("json", "csv", "ics"):
        raise UsageError(f"export format {fmt!r} is not one of: json, csv, ics")
    if fmt != "ics" and (premieres_only or tag or network or exact_only):
        raise UsageError("--premieres-only, --tag, --network and --exact-only go with --format ics")
    st = settings.read_store()
    data: str | bytes
    if fmt == "json":
        data = transfer.export_json(st)
    elif fmt == "ics":
        from showtrack.ics import to_ical

        entries = listings.calendar_entries(
            st,
            settings.today(),
            listings.CalendarFilter(premieres_only, tag, network, exact_only),
        )
        data = to_ical(entries, settings.now())
    else:
        import io

        from showtrack.output import write_csv

        buffer = io.StringIO()
        write_csv(transfer.export_rows(st, settings.today()), buffer)
        data = buffer.getvalue()
    write_out(data, output)


IMPORT_FILE_HELP = "a showtrack export, or a JSON array of releases; - reads standard input"


@app.command(name="import")
def import_data(
    ctx: typer.Context,
    file: Annotated[str, _arg(IMPORT_FILE_HELP, metavar="FILE")],
    dry_run: Annotated[bool, _opt("--dry-run", "check and count, change nothing")] = False,
) -> None:
    """Merge an export (JSON or CSV), or a JSON array of releases, into the database.

    All or nothing: one bad record changes nothing and is named in the error.
    A CSV is read as `export --format csv` writes it (one row a release).
    """
    from showtrack import store
    from showtrack.tracker import transfer

    settings = _settings(ctx)
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from None
    payload = transfer.read_payload(text, file)
    today = settings.today()
    with import_progress() as progress:
        if dry_run:
            counts = transfer.import_records(store.load(settings.db_path), payload, today, progress)
        else:
            with settings.write_store() as st:
                counts = transfer.import_records(st, payload, today, progress)
    prefix = "would import" if dry_run else "imported"
    typer.echo(
        f"{prefix}: {counts.shows_added} new shows, {counts.releases_added} new releases, "
        f"{counts.releases_updated} updated releases",
        err=True,
    )


# --------------------------------------------------------------------------- db


@db_app.command("path")
def db_path(ctx: typer.Context) -> None:
    """Print where the database is."""
    typer.echo(str(_settings(ctx).db_path))


@db_app.command("check")
def db_check(ctx: typer.Context) -> None:
    """Verify the file and its references; exit 4 when something is wrong."""
    from showtrack import store
    from showtrack.errors import DatabaseError

    path = _settings(ctx).db_path
    problems = store.check(path)
    if problems:
        raise DatabaseError(
            f"{path}: {len(problems)} problem(s): " + "; ".join(problems[:5]), store.RESTORE_HINT
        )
    typer.echo(f"{path}: ok")


@db_app.command("restore")
def db_restore(ctx: typer.Context) -> None:
    """Put the last backup back; the current file is kept aside first."""
    from showtrack import store

    path = _settings(ctx).db_path
    kept = store.restore(path)
    suffix = f" (the replaced file is kept as {kept})" if kept else ""
    typer.echo(f"restored {path} from its backup{suffix}")


# --------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> None:
    """Run the command line; every error a user can cause ends as one message and the exit
    code of spec/cli.md. A traceback is shown only with SHOWTRACK_DEBUG=1."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    debug = bool(os.environ.get("SHOWTRACK_DEBUG"))
    try:
        with only_the_command_asked_for(app, sys.argv[1:] if argv is None else argv):
            result = app(args=argv, standalone_mode=False, prog_name="showtrack")
    except ShowtrackError as exc:
        if debug:
            raise
        fail(exc.message, exc.hint, exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        fail("interrupted", None, 130)
    except BrokenPipeError:
        # The reader went away (`showtrack upcoming | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:
        # Click's usage errors (unknown option, missing argument) carry their exit code.
        code = getattr(exc, "exit_code", None)
        format_message = getattr(exc, "format_message", None)
        if isinstance(code, int) and callable(format_message):
            fail(format_message(), "see `showtrack --help` or `showtrack COMMAND --help`", code)
        # Anything else is a bug: one line, and the traceback only for debugging.
        if debug:
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc}",
            "please report it; SHOWTRACK_DEBUG=1 shows the traceback",
            70,
        )
    sys.exit(result if isinstance(result, int) else 0)

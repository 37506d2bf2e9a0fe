"""What comes next, for a person or a script: upcoming, history, countdown, timeline,
calendar, window, and help. Heavy modules are imported inside the commands that need
them, so that a listing never loads the phrase reader. No `from __future__ import
annotations`: Typer reads the annotations at start.
"""

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from showtrack import clock
from showtrack.cli.completion import SHOW_NAMES
from showtrack.cli.context import (
    duration,
    emit,
    emit_listing,
    output_format,
)
from showtrack.cli.options import (
    AsOf,
    IncludeAll,
    Limit,
    Networks,
    OptionalSeason,
    Output,
    ShowArg,
    TableOrJson,
    Tags,
    app,
    argument,
    day_option,
    option,
    settings_of,
)
from showtrack.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from showtrack.cli.context import Settings
    from showtrack.models import EpisodeView, ReleaseRow, ReleaseView
    from showtrack.tracker.listings import UpcomingFilter


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
    from showtrack.models import ReleaseView
    from showtrack.tracker import listings

    settings = settings_of(ctx)
    fmt = output_format(output)
    filt = _upcoming_filter(settings, within, until, network, tag, status, include_all)
    views: Sequence[Any]
    to_dict: Callable[[Any], dict[str, Any] | ReleaseRow]
    columns: Sequence[str] | None = None
    listing = settings.read_listing()
    if episodes:
        views = listings.upcoming_with_episodes(listing, settings.today(), filt, settings.clock())
        to_dict = _entry_dict
        columns = _mixed_columns() if fmt in ("csv", "tsv") else None
    else:
        views = listings.upcoming(listing, settings.today(), filt, settings.clock())
        to_dict = ReleaseView.to_row
        columns = release_columns() if fmt in ("csv", "tsv") else None
    page = 20 if limit is None else limit
    emit_listing(
        settings,
        fmt,
        views,
        nothing=_nothing_upcoming(bool(listing.releases()), filt.include_all),
        table=lambda r, console: r.upcoming_table(console, views, page),
        to_dict=to_dict,
        limit=limit,
        columns=columns,
    )


def _upcoming_filter(
    settings: "Settings",
    within: str | None,
    until: str | None,
    networks: list[str],
    tags: list[str],
    statuses: list[str],
    include_all: bool,
) -> "UpcomingFilter":
    """What `upcoming` lists: within a duration or until a day (not both), on these
    networks, with these tags and statuses; released and overdue ones when asked for."""
    from showtrack.tracker.listings import UpcomingFilter

    if within and until:
        raise UsageError("give --within or --until, not both")
    return UpcomingFilter(
        within=duration(within),
        until=day_option(settings, until, "--until", "future"),
        networks=networks,
        tags=tags,
        statuses=statuses,
        include_all=include_all or any(s in ("released", "overdue") for s in statuses),
    )


def _nothing_upcoming(any_release: bool, include_all: bool) -> str:
    """What an empty `upcoming` says, and what to do next."""
    if not any_release:
        return "nothing upcoming: no release is recorded yet; `showtrack expect SHOW SEASON WINDOW`"
    if not include_all:
        return "nothing upcoming matches; --all lists released ones too"
    return "nothing upcoming matches"


def _entry_dict(view: "ReleaseView | EpisodeView") -> dict[str, Any]:
    """A row of a listing with episodes: every row says its `kind`."""
    from showtrack.models import EpisodeView

    if isinstance(view, EpisodeView):
        return view.to_dict()
    return {**view.to_dict(), "kind": "release"}


def release_columns() -> list[str]:
    """The CSV and TSV columns of a listing of releases (spec/cli.md's keys, flattened),
    known without a row: an empty listing still writes its header."""
    from showtrack.models import ReleaseRow
    from showtrack.output import struct_columns

    return struct_columns(ReleaseRow)


def _mixed_columns() -> tuple[str, ...]:
    """With --episodes, CSV and TSV rows have a release's columns (and `kind`), then an
    episode's own: each row fills those of its kind ('-' in TSV for the others)."""
    from showtrack.cli.episodes import episode_columns

    release = [*release_columns(), "kind"]
    return (*release, *(c for c in episode_columns() if c not in release))


@app.command()
def history(
    ctx: typer.Context, show: ShowArg, season: OptionalSeason = None, output: Output = None
) -> None:
    """How the expected window moved over time, with sources, and how often it slipped.

    An episode (`showtrack history "The Flash" S6E15`, or the-flash/s6e15): how
    its air day moved, and who said so.

    Example:  showtrack history "Jessica Jones" 2
    """
    from showtrack.models import EpisodeMove, HistoryEntry
    from showtrack.output import struct_columns
    from showtrack.tracker import history as histories

    settings = settings_of(ctx)
    fmt = output_format(output)
    st = settings.read_listing()  # one release's history decoded, not every one's
    rows: Sequence[EpisodeMove | HistoryEntry]
    kind: type[EpisodeMove] | type[HistoryEntry]
    if histories.episode_ref(show, season) is not None:
        title, moves = histories.episode_history(st, show, season, settings.today())
        zone = clock.local_zone()
        rows, kind = moves, EpisodeMove

        def table(r: Any, console: Any) -> None:
            r.episode_history_table(console, title, moves, zone)
    else:
        title, entries, slips = histories.release_history(st, show, season, settings.today())
        rows, kind = entries, HistoryEntry

        def table(r: Any, console: Any) -> None:
            r.history_table(console, title, entries, slips)

    emit(
        settings,
        fmt,
        rows,
        table=table,
        to_dict=lambda row: row.to_dict(),
        columns=struct_columns(kind) if fmt in ("csv", "tsv") else None,
    )


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
    rows = listings.upcoming_chart(
        settings.read_listing(),
        settings.today(),
        listings.UpcomingFilter(include_all=include_all),
        settings.clock(),
    )
    if not rows:
        typer.echo("nothing to draw", err=True)
        raise typer.Exit(ExitCode.NOTHING)
    draw(settings.console(), rows, settings.today(), months)


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

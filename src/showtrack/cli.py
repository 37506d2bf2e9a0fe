"""The command line: options, help text, choosing a writer, and turning errors into one
message and an exit code (spec/cli.md). Heavy modules are imported inside the commands
that need them, so that `showtrack check` from cron never loads Rich."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import typer

from showtrack import __version__
from showtrack.errors import ShowtrackError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from showtrack.store import Listing, Store
    from showtrack.tracker import ReleaseView

OUTPUT_HELP = "table, json, jsonl, csv or tsv (default: table on a terminal, tsv when piped)"
LIMIT_HELP = "rows to show; a table shows 20 by default, machine formats all; 0 for all"
OUTPUT_FORMATS = ("table", "json", "jsonl", "csv", "tsv")

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


class Settings(NamedTuple):
    """The global options, before the command."""

    db: Path | None
    today: str | None
    no_color: bool

    @property
    def db_path(self) -> Path:
        """The database file to use."""
        from showtrack.store import default_path

        return self.db if self.db is not None else default_path()


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings(None, None, False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"showtrack {__version__}")
        raise typer.Exit(0)


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: Path | None = typer.Option(
        None,
        "--db",
        envvar="SHOWTRACK_DB",
        metavar="PATH",
        help="the database file (default: showtrack.json in your user data folder)",
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        envvar="SHOWTRACK_TODAY",
        metavar="DATE",
        help="pretend today is DATE (YYYY-MM-DD): for demos, tests, and 'what did we expect "
        "back then'",
    ),
    no_color: bool = typer.Option(False, "--no-color", help="no colour (also: NO_COLOR=1)"),
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_version, help="print the version and exit"
    ),
) -> None:
    ctx.obj = Settings(db, today, no_color or bool(os.environ.get("NO_COLOR")))


# --------------------------------------------------------------------------- helpers


def _today(settings: Settings) -> Any:
    from showtrack import clock

    return clock.today(settings.today)


def _now(settings: Settings) -> Any:
    from showtrack import clock

    return clock.now(settings.today)


def _clock(settings: Settings) -> Callable[[], Any]:
    """`_now`, asked for only when needed and then once (see tracker.Clock)."""
    import functools

    return functools.cache(lambda: _now(settings))


def _read_store(settings: Settings) -> Store:
    from showtrack import store

    return store.load(settings.db_path)


def _read_listing(settings: Settings) -> Listing:
    from showtrack import store

    return store.read_listing(settings.db_path)


@contextmanager
def _write_store(settings: Settings) -> Iterator[Store]:
    from showtrack import store

    with store.open_for_writing(settings.db_path) as opened:
        yield opened


def _format(output: str | None, allowed: tuple[str, ...] = OUTPUT_FORMATS) -> str:
    if output is None:
        return "table" if sys.stdout.isatty() else "tsv"
    if output not in allowed:
        raise UsageError(f"output format {output!r} is not one of: {', '.join(allowed)}")
    return output


def _console(settings: Settings) -> Console:
    from showtrack.render import make_console

    return make_console(settings.no_color)


def _emit_views(
    settings: Settings, views: Sequence[ReleaseView], fmt: str, limit: int | None
) -> None:
    if fmt == "table":
        from showtrack.render import upcoming_table

        upcoming_table(_console(settings), views, 20 if limit is None else limit)
        return
    from showtrack.output import write_rows

    chosen = views if not limit else views[:limit]
    write_rows([v.to_dict() for v in chosen], fmt, sys.stdout)


def _complete_show(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for show names, from the database."""
    try:
        from showtrack import store
        from showtrack.models import fold

        root = ctx.find_root().params.get("db")
        path = Path(root) if root else store.default_path()
        needle = fold(incomplete)
        return [s.title for s in store.load(path).all_shows() if needle in fold(s.title)]
    except Exception:  # completion must never print a traceback into the shell
        return []


def _parse_day(text: str, what: str) -> Any:
    from showtrack.clock import parse_iso_day

    return parse_iso_day(text, what)


SHOW_ARG = typer.Argument(
    ..., help="a show's title, id, alias or a unique part of one", autocompletion=_complete_show
)


# --------------------------------------------------------------------------- shows


@app.command()
def add(
    ctx: typer.Context,
    title: str = typer.Argument(..., help="the show's title"),
    network: str | None = typer.Option(None, "--network", help="network or platform"),
    tag: list[str] = typer.Option([], "--tag", help="a tag (repeat for more)"),
    alias: list[str] = typer.Option([], "--alias", help="another name (repeat)"),
    status: str | None = typer.Option(
        None, "--status", help="returning, renewed, in-production, ended or cancelled"
    ),
    note: str | None = typer.Option(None, "--note", help="a note"),
) -> None:
    """Start tracking a show."""
    from showtrack import tracker

    settings = _settings(ctx)
    with _write_store(settings) as st:
        show = tracker.add_show(
            st, title, network=network, tags=tag, aliases=alias, status=status, notes=note
        )
    from showtrack.models import printable

    typer.echo(f"tracking {printable(show.title)} ({show.id})")


@app.command()
def edit(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    network: str | None = typer.Option(None, "--network", help="set the network ('' clears)"),
    tag: list[str] = typer.Option([], "--tag", help="add a tag"),
    untag: list[str] = typer.Option([], "--untag", help="remove a tag"),
    alias: list[str] = typer.Option([], "--alias", help="add another name"),
    status: str | None = typer.Option(None, "--status", help="the show's status"),
    note: str | None = typer.Option(None, "--note", help="set the notes ('' clears)"),
) -> None:
    """Change a show's network, tags, aliases, status or notes."""
    from showtrack import tracker
    from showtrack.models import printable

    with _write_store(_settings(ctx)) as st:
        changed = tracker.edit_show(
            st,
            show,
            network=network,
            add_tags=tag,
            remove_tags=untag,
            add_aliases=alias,
            status=status,
            notes=note,
        )
    typer.echo(f"updated {printable(changed.title)} ({changed.id})")


@app.command()
def rename(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    new_title: str = typer.Argument(..., help="the new title"),
) -> None:
    """Give a show a new title; its id stays and the old title becomes an alias."""
    from showtrack import tracker
    from showtrack.models import printable

    with _write_store(_settings(ctx)) as st:
        changed = tracker.rename_show(st, show, new_title)
    typer.echo(f"renamed to {printable(changed.title)} ({changed.id})")


@app.command()
def remove(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    season: str | None = typer.Argument(None, help="only this release"),
    yes: bool = typer.Option(False, "--yes", "-y", help="do not ask"),
) -> None:
    """Stop tracking a show (with its releases), or one release.

    Asks first at a terminal; without a terminal it refuses unless --yes is given.
    """
    from showtrack import tracker
    from showtrack.models import printable

    settings = _settings(ctx)
    with _write_store(settings) as st:
        if season is None and "/" not in show:
            target = tracker.resolve_show(st.all_shows(), show)
            what = f"{target.title} and its releases"
        else:
            target_show, release = tracker.resolve_release(st, show, season)
            what = release.label(target_show.title)
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(
                    f"not removing {printable(what)} without --yes (no terminal to ask at)"
                )
            if not typer.confirm(f"Stop tracking {printable(what)}?", default=False):
                raise typer.Exit(1)
        removed = tracker.remove(st, show, season)
    typer.echo(f"removed {', '.join(removed)}")


@app.command(name="list")
def list_shows(
    ctx: typer.Context,
    output: str | None = typer.Option(None, "-o", "--output", help=OUTPUT_HELP),
    limit: int | None = typer.Option(None, "--limit", help=LIMIT_HELP, min=0),
) -> None:
    """Every tracked show."""
    from showtrack.tracker import show_dict

    settings = _settings(ctx)
    fmt = _format(output)
    st = _read_store(settings)
    shows, releases = st.all_shows(), st.all_releases()
    if fmt == "table":
        from showtrack.render import shows_table

        counts = {s.id: 0 for s in shows}
        for r in releases:
            counts[r.show_id] = counts.get(r.show_id, 0) + 1
        shows_table(
            _console(settings), [(s, counts[s.id]) for s in shows], 20 if limit is None else limit
        )
    else:
        from showtrack.output import write_rows

        rows = [show_dict(s, releases) for s in shows]
        write_rows(rows if not limit else rows[:limit], fmt, sys.stdout)
    if not shows:
        raise typer.Exit(1)


@app.command()
def info(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        help="table or json (default: table)",
    ),
) -> None:
    """A show, its releases, their windows, constraints and sources."""
    from showtrack import tracker

    settings = _settings(ctx)
    fmt = _format(output or "table", ("table", "json"))
    st = _read_store(settings)
    found = tracker.resolve_show(st.all_shows(), show)
    releases = st.all_releases()
    views = [
        v
        for v in tracker.build_views(st.all_shows(), releases, _today(settings), _clock(settings))
        if v.show.id == found.id
    ]
    views.sort(key=tracker.ReleaseView.sort_key)
    if fmt == "json":
        from showtrack.output import write_object

        doc = tracker.show_dict(found, releases)
        doc["release_details"] = [v.to_dict() for v in views]
        write_object(doc, sys.stdout)
    else:
        from showtrack.render import show_info

        show_info(_console(settings), found, views)


# --------------------------------------------------------------------------- releases


@app.command()
def expect(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    season: str = typer.Argument(..., help="season number (2, S2) or a name for a special"),
    window: str = typer.Argument(
        ...,
        help="when: 'spring 2018', 'not before 2018', "
        "'2018-03-08', 'late 2017 or early 2018', TBA ...",
    ),
    source: str | None = typer.Option(None, "--source", help="who said so"),
    url: str | None = typer.Option(None, "--url", help="where they said it"),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="the day it was reported (default: today); 'this year' is read against it",
    ),
    region: str | None = typer.Option(
        None, "--region", help="country code (US, GB, AU...): seasons follow its hemisphere"
    ),
    platform: str | None = typer.Option(None, "--platform", help="default: the show's network"),
    stage: str | None = typer.Option(
        None,
        "--stage",
        help="rumored, announced, renewed, filming, post-production, dated, released or cancelled",
    ),
    after: str | None = typer.Option(
        None,
        "--after",
        metavar="RELEASE",
        help="it cannot come before this release (e.g. the-defenders/s1)",
    ),
    lag: str | None = typer.Option(None, "--lag", metavar="DUR", help="with --after: 6mo, 8w"),
    at: str | None = typer.Option(None, "--at", metavar="HH:MM", help="air time"),
    tz: str | None = typer.Option(None, "--tz", metavar="ZONE", help="IANA zone or ET/PT"),
    remind: str | None = typer.Option(
        None, "--remind", metavar="DUR", help="how early `check` reports it (default 7d)"
    ),
    note: str | None = typer.Option(None, "--note", help="a note"),
    create_show: bool = typer.Option(False, "--create-show", help="add the show if missing"),
) -> None:
    """Record (or revise) when a release is expected.

    Every change of window or stage is kept in its history; repeating what is
    already known changes nothing.
    """
    from showtrack import clock, tracker
    from showtrack.models import printable

    settings = _settings(ctx)
    options = tracker.ExpectOptions(
        source=source,
        url=url,
        as_of=_parse_day(as_of, "--as-of") if as_of else None,
        region=region,
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
    today = _today(settings)
    with _write_store(settings) as st:
        release, created, changed = tracker.expect(
            st, show, season, window, options, today, clock.local_zone()
        )
        show_title = tracker.show_title(st, release.show_id)
    verb = "added" if created else ("revised" if changed else "unchanged:")
    w = release.window
    from showtrack.windows import window_dates

    typer.echo(
        f"{verb} {printable(release.label(show_title))}: {printable(w['phrase'])} "
        f"({window_dates(w['earliest'], w['latest'])})"
    )


@app.command()
def released(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    season: str = typer.Argument(..., help="season number or release name"),
    day: str | None = typer.Argument(None, metavar="[DATE]", help="default: today"),
    source: str | None = typer.Option(None, "--source", help="who said so"),
) -> None:
    """Mark a release as out (on DATE, default today)."""
    from showtrack import tracker
    from showtrack.models import printable

    settings = _settings(ctx)
    when = _parse_day(day, "DATE") if day else _today(settings)
    with _write_store(settings) as st:
        release = tracker.mark_released(st, show, season, when, _today(settings), source)
        title = tracker.show_title(st, release.show_id)
    typer.echo(f"{printable(release.label(title))} released {release.release_date}")


@app.command()
def upcoming(
    ctx: typer.Context,
    within: str | None = typer.Option(
        None,
        "--within",
        metavar="DUR",
        help="only what can start within 7d, 2w, 3mo, 1y",
    ),
    until: str | None = typer.Option(
        None,
        "--until",
        metavar="DATE",
        help="only what can start by DATE",
    ),
    network: list[str] = typer.Option([], "--network", help="only this network (repeat)"),
    tag: list[str] = typer.Option([], "--tag", help="only shows with this tag (repeat)"),
    status: list[str] = typer.Option(
        [],
        "--status",
        help="only this release status (upcoming, open, overdue, released, "
        "unknown) or show status (renewed, ...); repeat",
    ),
    include_all: bool = typer.Option(False, "--all", help="include released and overdue"),
    output: str | None = typer.Option(None, "-o", "--output", help=OUTPUT_HELP),
    limit: int | None = typer.Option(None, "--limit", help=LIMIT_HELP, min=0),
) -> None:
    """What comes next, soonest first; TBA last. Exits 1 when nothing is listed."""
    from showtrack import tracker

    settings = _settings(ctx)
    fmt = _format(output)
    if within and until:
        raise UsageError("give --within or --until, not both")
    from showtrack.windows import parse_duration

    filt = tracker.UpcomingFilter(
        within=parse_duration(within) if within else None,
        until=_parse_day(until, "--until") if until else None,
        networks=network,
        tags=tag,
        statuses=status,
        include_all=include_all or any(s in ("released", "overdue") for s in status),
    )
    views = tracker.upcoming(_read_listing(settings), _today(settings), filt, _clock(settings))
    if not views and fmt == "table":
        typer.echo("nothing upcoming matches", err=True)
        raise typer.Exit(1)
    _emit_views(settings, views, fmt, limit)
    if not views:
        raise typer.Exit(1)


@app.command()
def check(
    ctx: typer.Context,
    within: str | None = typer.Option(
        None,
        "--within",
        metavar="DUR",
        help="horizon for releases without their own --remind (default 7d)",
    ),
    once: bool = typer.Option(
        False, "--once", help="report each release once per window; remembered in the database"
    ),
) -> None:
    """For cron and scripts: one line per due release, silence otherwise.

    Due: its window is open, or it can start within its lead time (--remind of
    the release, else --within, else 7d). Exits 0 when something is due, 1 when
    nothing is.
    """
    from showtrack import tracker
    from showtrack.models import printable
    from showtrack.windows import parse_duration

    settings = _settings(ctx)
    horizon = parse_duration(within) if within else None
    today = _today(settings)
    views: Sequence[ReleaseView]
    if once:
        with _write_store(settings) as st:
            memory = st.meta.get("notified", {})
            views = [
                v
                for v in tracker.due(st, today, horizon, _clock(settings))
                if memory.get(v.release.id) != tracker.once_key(v)
            ]
            if views:
                st.meta["notified"] = {
                    **memory,
                    **{v.release.id: tracker.once_key(v) for v in views},
                }
    else:
        views = tracker.due(_read_listing(settings), today, horizon, _clock(settings))
    for v in views:
        w = v.release.window
        eff = v.effective_earliest.isoformat() if v.effective_earliest else ""
        when = eff if eff == w.get("latest") else f"{eff}..{w.get('latest') or ''}"
        where = f"  ({printable(v.platform)})" if v.platform else ""
        sys.stdout.write(f"{when}  {printable(v.title)}  {v.countdown}{where}\n")
    if not views:
        raise typer.Exit(1)


@app.command()
def history(
    ctx: typer.Context,
    show: str = SHOW_ARG,
    season: str | None = typer.Argument(None, help="season (or give show-id/s2)"),
    output: str | None = typer.Option(None, "-o", "--output", help=OUTPUT_HELP),
) -> None:
    """How the expected window moved over time, with sources, and how often it slipped."""
    from showtrack import tracker

    settings = _settings(ctx)
    fmt = _format(output)
    st = _read_store(settings)
    release, entries, slips = tracker.history(st, show, season, _today(settings))
    if fmt == "table":
        from showtrack.render import history_table

        title = tracker.show_title(st, release.show_id)
        history_table(_console(settings), release.label(title), entries, slips)
    else:
        from showtrack.output import write_rows

        rows = [{k: v for k, v in e.to_dict().items()} for e in entries]
        write_rows(
            rows,
            fmt,
            sys.stdout,
            None
            if fmt not in ("csv", "tsv")
            else [
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
            ],
        )


def _selected_views(settings: Settings, show: str | None, season: str | None) -> list[ReleaseView]:
    from showtrack import tracker

    st = _read_store(settings)
    today = _today(settings)
    views = tracker.build_views(st.all_shows(), st.all_releases(), today, _clock(settings))
    if show is not None and (season is not None or "/" in show):
        _, release = tracker.resolve_release(st, show, season)
        return [v for v in views if v.release.id == release.id]
    if show is not None:
        found = tracker.resolve_show(st.all_shows(), show)
        chosen = [v for v in views if v.show.id == found.id]
    else:
        chosen = [v for v in views if v.status in ("upcoming", "open")]
    chosen.sort(key=tracker.ReleaseView.sort_key)
    return chosen


@app.command()
def countdown(
    ctx: typer.Context,
    show: str | None = typer.Argument(
        None,
        help="a show (default: everything upcoming)",
        autocompletion=_complete_show,
    ),
    season: str | None = typer.Argument(None, help="one release of it"),
    live: bool = typer.Option(False, "--live", help="tick every second until Ctrl-C"),
    limit: int = typer.Option(20, "--limit", help="panels to show; 0 for all", min=0),
) -> None:
    """How long until each release, with a bar from announcement to window.

    Without SHOW: everything upcoming or open. --live ticks every second until
    Ctrl-C.
    """
    from showtrack import clock
    from showtrack.render import countdown_panels, live_countdown

    settings = _settings(ctx)
    views = _selected_views(settings, show, season)
    if limit:
        views = views[:limit]
    if not views:
        typer.echo("nothing to count down to", err=True)
        raise typer.Exit(1)
    console = _console(settings)
    if live:
        import gc

        # The program starts with the collector off (see __main__), which suits a command
        # that ends in a moment; this one ticks until Ctrl-C.
        gc.enable()
        # Ctrl-C is how a live countdown ends: a normal exit, status 0.
        with contextlib.suppress(KeyboardInterrupt):
            live_countdown(console, views, lambda: clock.now(settings.today))
        return
    zone = clock.local_zone()
    countdown_panels(console, views, _today(settings), lambda dt: dt.astimezone(zone))


@app.command()
def timeline(
    ctx: typer.Context,
    months: int = typer.Option(12, "--months", help="how many months to draw", min=1, max=120),
    include_all: bool = typer.Option(False, "--all", help="include released and overdue"),
) -> None:
    """A chart of windows across the coming months, today marked.

    █ a window, ◆ an exact day, ● released, ▶ no end yet, ◀ began before the chart.
    """
    from showtrack import tracker
    from showtrack.render import timeline as draw

    settings = _settings(ctx)
    views = tracker.upcoming(
        _read_listing(settings),
        _today(settings),
        tracker.UpcomingFilter(include_all=include_all),
        _clock(settings),
    )
    if not views:
        typer.echo("nothing to draw", err=True)
        raise typer.Exit(1)
    draw(_console(settings), views, _today(settings), months)


@app.command()
def calendar(
    ctx: typer.Context,
    month: str | None = typer.Argument(None, metavar="[YYYY-MM]", help="default: this month"),
) -> None:
    """A month grid: exact releases on their days, open windows shaded."""
    import re

    from showtrack import tracker
    from showtrack.render import month_calendar

    settings = _settings(ctx)
    today = _today(settings)
    if month is None:
        year, number = today.year, today.month
    else:
        m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", month)
        if m is None:
            raise UsageError(f"month {month!r} is not YYYY-MM", "e.g. showtrack calendar 2018-03")
        year, number = int(m[1]), int(m[2])
    st = _read_store(settings)
    views = tracker.build_views(st.all_shows(), st.all_releases(), today, _clock(settings))
    month_calendar(_console(settings), views, year, number, today)


@app.command()
def window(
    ctx: typer.Context,
    phrase: str = typer.Argument(..., help="e.g. 'spring 2018', 'does not return before 2018'"),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="the day it was said (default: today)",
    ),
    region: str | None = typer.Option(None, "--region", help="country code, e.g. US, AU"),
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        help="table or json (default: table)",
    ),
) -> None:
    """Explain how a window phrase is read.

    Shows its earliest and latest day, EDTF form, status and countdown; exits 3
    when the phrase cannot be read.
    """
    from showtrack import clock
    from showtrack.windows import countdown_text, normalize_region, parse_window, status_on

    settings = _settings(ctx)
    fmt = _format(output or "table", ("table", "json"))
    today = _today(settings)
    said = _parse_day(as_of, "--as-of") if as_of else today
    w = parse_window(phrase, said, region, default_zone=clock.local_zone())
    fields: dict[str, Any] = {
        "phrase": w.phrase,
        "as_of": said.isoformat(),
        "region": normalize_region(region),
        "earliest": w.earliest.isoformat() if w.earliest else None,
        "latest": w.latest.isoformat() if w.latest else None,
        "edtf": w.edtf,
        "status": status_on(w.earliest, w.latest, today),
        "countdown": countdown_text(w.earliest, w.latest, today, None, w.air_time, _now(settings)),
    }
    if w.air_time is not None:
        fields["air_time"] = w.air_time.isoformat()
    if fmt == "json":
        from showtrack.output import write_object

        write_object(fields, sys.stdout)
    else:
        from showtrack.render import window_explanation

        window_explanation(_console(settings), fields)


# --------------------------------------------------------------------------- moving data


@app.command(name="export")
def export_data(
    ctx: typer.Context,
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (default: standard output)",
    ),
    fmt: str = typer.Option(
        "json",
        "--format",
        help="json (everything, for import), csv (one row a release) or ics (a calendar)",
    ),
    premieres_only: bool = typer.Option(
        False, "--premieres-only", help="ics: seasons only, no specials or films"
    ),
    tag: list[str] = typer.Option([], "--tag", help="ics: only shows with this tag (repeat)"),
    network: list[str] = typer.Option([], "--network", help="ics: only this network (repeat)"),
    exact_only: bool = typer.Option(
        False, "--exact-only", help="ics: only releases with an exact day or time"
    ),
) -> None:
    """Everything, for backup, another machine, or a calendar app.

    `--format json` round-trips through `import`; `csv` is one row a release;
    `ics` is an iCalendar file: exact days as all-day events, exact times as
    events in UTC, windows as tentative all-day spans ("Luke Cage S2 (expected
    spring 2018)"). Open-ended ("not before 2018") and TBA windows have no
    place on a calendar and are left out. Each release keeps its UID, so a
    calendar re-reading a newer export updates events instead of doubling them.
    """
    import json

    from showtrack import tracker

    settings = _settings(ctx)
    if fmt not in ("json", "csv", "ics"):
        raise UsageError(f"export format {fmt!r} is not one of: json, csv, ics")
    if fmt != "ics" and (premieres_only or tag or network or exact_only):
        raise UsageError("--premieres-only, --tag, --network and --exact-only go with --format ics")
    st = _read_store(settings)
    data: str | bytes
    if fmt == "json":
        data = json.dumps(tracker.export_document(st), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "ics":
        from showtrack.ics import to_ical

        entries = tracker.calendar_entries(
            st,
            _today(settings),
            tracker.CalendarFilter(premieres_only, tag, network, exact_only),
        )
        data = to_ical(entries, _now(settings))
    else:
        import io

        from showtrack.output import write_rows

        buffer = io.StringIO()
        views = tracker.build_views(st.all_shows(), st.all_releases(), _today(settings))
        write_rows([v.to_dict() for v in views], "csv", buffer)
        data = buffer.getvalue()
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
    else:
        from showtrack.store import atomic_write

        try:
            atomic_write(output.resolve(), data)
        except OSError as exc:
            raise UsageError(f"cannot write {output}: {exc.strerror}") from None
        typer.echo(f"exported to {output}", err=True)


@contextmanager
def _import_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on stderr for a large import at a terminal; nothing otherwise
    (a script or cron reading stderr wants no bar)."""
    if not sys.stderr.isatty():
        yield None
        return
    from showtrack.render import import_progress

    with import_progress() as update:
        yield update


@app.command(name="import")
def import_data(
    ctx: typer.Context,
    file: str = typer.Argument(
        ...,
        metavar="FILE",
        help="a showtrack export, or a JSON array of releases; - reads standard input",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="check and count, change nothing"),
) -> None:
    """Merge an export (JSON or CSV), or a JSON array of releases, into the database.

    All or nothing: one bad record changes nothing and is named in the error.
    A CSV is read as `export --format csv` writes it (one row a release).
    """
    import json

    from showtrack import store, tracker

    settings = _settings(ctx)
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from None
    if text.lstrip()[:1] in ("[", "{"):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(
                f"{file} is not JSON (line {exc.lineno}, column {exc.colno}); nothing changed"
            ) from None
    else:
        payload = tracker.csv_records(text)
    today = _today(settings)
    with _import_progress() as progress:
        if dry_run:
            counts = tracker.import_records(store.load(settings.db_path), payload, today, progress)
        else:
            with _write_store(settings) as st:
                counts = tracker.import_records(st, payload, today, progress)
    shows_added, added, updated = counts
    prefix = "would import" if dry_run else "imported"
    typer.echo(
        f"{prefix}: {shows_added} new shows, {added} new releases, {updated} updated releases",
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


def _fail(message: str, hint: str | None, code: int) -> NoReturn:
    from showtrack.models import printable

    sys.stderr.write(f"showtrack: {printable(message)}\n")
    if hint:
        sys.stderr.write(f"  {printable(hint)}\n")
    sys.exit(code)


_GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--db", "--today"})


def _command_word(argv: Sequence[str]) -> str | None:
    """The command a command line names, skipping the global options before it."""
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


@contextmanager
def _only_the_command_asked_for(argv: Sequence[str]) -> Iterator[None]:
    """Let Typer build just the command being run. Typer turns every registered command
    into a Click command on each start, reading every signature, which costs more than
    reading 1,000 releases; `--help`, completion and unknown words still see them all."""
    word = _command_word(argv)
    commands, groups = app.registered_commands, app.registered_groups
    keep = [c for c in commands if (c.name or c.callback.__name__ if c.callback else "") == word]
    completing = any(key.startswith("_SHOWTRACK_COMPLETE") for key in os.environ)
    if completing or not (keep or any(g.name == word for g in groups)):
        yield
        return
    app.registered_commands = keep
    app.registered_groups = [g for g in groups if g.name == word]
    try:
        yield
    finally:
        app.registered_commands, app.registered_groups = commands, groups


def main(argv: list[str] | None = None) -> None:
    """Run the command line; every error a user can cause ends as one message and the exit
    code of spec/cli.md. A traceback is shown only with SHOWTRACK_DEBUG=1."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    debug = bool(os.environ.get("SHOWTRACK_DEBUG"))
    try:
        with _only_the_command_asked_for(sys.argv[1:] if argv is None else argv):
            result = app(args=argv, standalone_mode=False, prog_name="showtrack")
    except ShowtrackError as exc:
        if debug:
            raise
        _fail(exc.message, exc.hint, exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail("interrupted", None, 130)
    except BrokenPipeError:
        # The reader went away (`showtrack upcoming | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:
        # Click's usage errors (unknown option, missing argument) carry their exit code.
        code = getattr(exc, "exit_code", None)
        format_message = getattr(exc, "format_message", None)
        if isinstance(code, int) and callable(format_message):
            _fail(format_message(), "see `showtrack --help` or `showtrack COMMAND --help`", code)
        # Anything else is a bug: one line, and the traceback only for debugging.
        if debug:
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc}",
            "please report it; SHOWTRACK_DEBUG=1 shows the traceback",
            70,
        )
    sys.exit(result if isinstance(result, int) else 0)

"""The shows tracked: add, edit, rename, remove, list, info, and their TVmaze link
(search, link, unlink). No `from __future__ import annotations`: Typer
reads the annotations at start.
"""

import sys
from typing import Annotated, Any

import typer

from showtrack import clock
from showtrack.cli.context import (
    emit,
    emit_listing,
    output_format,
)
from showtrack.cli.options import (
    Limit,
    Note,
    Output,
    ShowArg,
    TableOrJson,
    app,
    argument,
    echo_safe,
    option,
    settings_of,
)
from showtrack.errors import ExitCode, UsageError

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
    found, ids, views = listings.show_views(listing, show, settings.today(), settings.clock())

    def to_dict(_: object) -> dict[str, Any]:
        doc = show_row(found, ids)
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

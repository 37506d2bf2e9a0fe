"""The episode commands: `episode` (one by hand) and `episodes` (a season's list).
Episodes in other listings are options of those commands (`upcoming --episodes`,
`check --episodes`, `export --format ics --episodes`)."""

from typing import TYPE_CHECKING, Annotated

import typer

from showtrack import clock
from showtrack.cli.context import emit_listing, output_format
from showtrack.cli.options import (
    OptionalSeason,
    Output,
    ShowArg,
    SourceName,
    app,
    argument,
    day_option,
    echo_safe,
    option,
    settings_of,
)

if TYPE_CHECKING:
    from showtrack.models import EpisodeView


def episode_columns() -> list[str]:
    """The columns of an episode row (spec/cli.md), for a CSV or TSV header with no rows."""
    from showtrack.models import EpisodeRow
    from showtrack.output import struct_columns

    return struct_columns(EpisodeRow)


DAY_HELP = "its air day: '2020-01-14', 'tuesday', 'jan 14 8pm ET', or TBA"


@app.command()
def episode(
    ctx: typer.Context,
    show: ShowArg,
    season: Annotated[str, argument("season number (6, S6)", metavar="SEASON")],
    number: Annotated[int, argument("episode number", min=1, max=9999, metavar="NUMBER")],
    day: Annotated[str, argument(DAY_HELP, metavar="WINDOW")],
    title: Annotated[str | None, option("--title", "the episode's title")] = None,
    at: Annotated[str | None, option("--at", "air time", metavar="HH:MM")] = None,
    tz: Annotated[
        str | None, option("--tz", "IANA zone or ET/PT (default: the show's)", metavar="ZONE")
    ] = None,
    runtime: Annotated[
        int | None, option("--runtime", "minutes", min=1, max=1440, metavar="MIN")
    ] = None,
    special: Annotated[bool, option("--special", "it is a special, not a regular")] = False,
    source: SourceName = None,
    url: Annotated[str | None, option("--url", "where they said it")] = None,
    as_of: Annotated[
        str | None, option("--as-of", "the day it was said (default: today)", metavar="DATE")
    ] = None,
) -> None:
    """Record one episode by hand: a finale date, a dated premiere episode.

    The day is read as every window is, and must name one day (or TBA). A
    revised day is kept in the episode's history (`showtrack history SHOW S6E15`);
    a later sync from TVmaze wins on the date. The first episode's day becomes
    its season's window.

    Example:  showtrack episode "The Flash" 6 15 "2020-05-12 8pm ET"
    """
    from showtrack.text import shortened, web_address
    from showtrack.tracker import episodes

    settings = settings_of(ctx)
    if url is not None and not web_address(url):
        from showtrack.errors import UsageError

        raise UsageError(
            f"--url {shortened(url)!r} is not a web address", "give an http(s):// address"
        )
    options = episodes.EpisodeOptions(
        title=title,
        at=at,
        tz=tz,
        runtime=runtime,
        special=special,
        source=source,
        url=url,
        as_of=day_option(settings, as_of, "--as-of"),
    )
    today = settings.today()
    with settings.write_store() as st:
        done = episodes.record_episode(
            st, show, season, number, day, options, today, clock.local_zone()
        )
    verb = "added" if done.created else ("revised" if done.changed else "unchanged:")
    echo_safe(f"{verb} {done.view.title}: {_air(done.view)}")
    for note in done.notes:
        echo_safe(f"  {note}")


def _air(view: "EpisodeView") -> str:
    """'2020-01-14 20:00 EST', '2020-01-14', or 'TBA'."""
    if view.local_air is not None:
        return view.local_air.strftime("%Y-%m-%d %H:%M %Z")
    return view.episode.air_date or "TBA"


@app.command()
def episodes(
    ctx: typer.Context,
    show: ShowArg,
    season: OptionalSeason = None,
    output: Output = None,
) -> None:
    """A season's episodes: their days and times in your zone, and how long until each.

    Number, title, air day and time, and aired or in how long. Without
    SEASON: the season with the next episode to come, else the last one with
    episodes. An episode with no day yet is listed as TBA.

    Example:  showtrack episodes "The Flash" 6
    """
    from showtrack.tracker.episodes import season_episodes

    settings = settings_of(ctx)
    fmt = output_format(output)
    found, release, views = season_episodes(
        settings.read_store(), show, season, settings.today(), settings.clock()
    )
    title = release.label(found.title)
    emit_listing(
        settings,
        fmt,
        views,
        nothing=f"no episodes are known for {title}",
        table=lambda r, console: r.episodes_table(console, title, views),
        to_dict=lambda v: v.to_dict(),
        columns=episode_columns() if fmt in ("csv", "tsv") else None,
    )

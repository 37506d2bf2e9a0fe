"""What is known of a release: expect (a window, its source, what it waits on) and
released. No `from __future__ import annotations`: Typer
reads the annotations at start.
"""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from showtrack import clock
from showtrack.cli.completion import RELEASES, words
from showtrack.cli.options import (
    Note,
    Region,
    SeasonArg,
    ShowArg,
    SourceName,
    app,
    argument,
    day_option,
    echo_safe,
    option,
    settings_of,
)
from showtrack.models import STAGES

if TYPE_CHECKING:
    from showtrack.tracker.edits import Expected


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
    from showtrack.tracker import edits

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
    if done.conflict:
        sys.stderr.write(f"showtrack: warning: {done.conflict} (a conflict)\n")
    echo_safe(_expected_line(done))
    if done.note:
        echo_safe(f"  {done.note}")


def _expected_line(done: "Expected") -> str:
    """What `expect` did, in a line: added, revised or unchanged, the window and its days,
    and a timed release's day and time where the user is (as `info` says it)."""
    from datetime import datetime

    from showtrack.windows.window import window_dates

    release, title = done.release, done.show.title
    verb = "added" if done.created else ("revised" if done.changed else "unchanged:")
    if done.older and done.changed:
        verb = "recorded an older report; still current for"
    w = release.window
    dates = window_dates(w.earliest, w.latest)
    if release.air_time:
        here = datetime.fromisoformat(release.air_time).astimezone(clock.local_zone())
        dates += f", airs {here:%a %Y-%m-%d %H:%M %Z}"
    return f"{verb} {release.label(title)}: {w.phrase} ({dates})"


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

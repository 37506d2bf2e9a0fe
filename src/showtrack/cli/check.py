"""`showtrack check`, for cron and scripts: what is due, one line each and silence
otherwise; with --once each said once; with --notify/--send also sent through Apprise.
No `from __future__ import annotations`: Typer reads the annotations at start."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from showtrack.cli.context import duration, emit, output_format
from showtrack.cli.options import app, option, settings_of
from showtrack.cli.views import _entry_dict, _mixed_columns, release_columns
from showtrack.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from showtrack.cli.context import Settings
    from showtrack.tracker.due import Due
    from showtrack.windows.durations import Duration


HORIZON_HELP = "horizon for releases without their own --remind (default 7d, or the config's)"
ONCE_HELP = "report each release once per window; remembered in the database"
NOTIFY_HELP = "also send the due lines to this Apprise URL (repeat for more)"
SEND_HELP = "also send the due lines to the targets of the config file"


@app.command()
def check(
    ctx: typer.Context,
    within: Annotated[str | None, option("--within", HORIZON_HELP, metavar="DUR")] = None,
    once: Annotated[bool, option("--once", ONCE_HELP)] = False,
    episodes: Annotated[
        bool, option("--episodes", "also one line per episode airing within the lead time")
    ] = False,
    output: Annotated[
        str | None,
        option("-o --output", "json, jsonl, csv or tsv: the rows of `upcoming`", metavar="FORMAT"),
    ] = None,
    notify: Annotated[list[str], option("--notify", NOTIFY_HELP, metavar="URL")] = [],  # noqa: B006
    send: Annotated[bool, option("--send", SEND_HELP)] = False,
) -> None:
    """For cron and scripts: one line per due release, silence otherwise.

    Due: its window is open, it can start within its lead time (--remind of
    the release, else --within, else 7d), or it became overdue within that
    time. With --once, each is said once, and then, once, how many proposals the
    news brought to the inbox. Exits 0 when it says something, 1 when nothing is due.
    With -o, the due rows as `upcoming` writes them (a header or [] when none).
    --notify URL or --send also sends the lines (Apprise: ntfy, email, a webhook...);
    with --once a release counts as reported once every target took them, and a
    failed delivery is exit 5, tried again on the next run.

    Example (cron):  0 8 * * *  showtrack check --once --send
    """
    from showtrack.config import load_config

    settings = settings_of(ctx)
    config = load_config()
    targets = list(notify) or (config.pick("notify") if send else [])
    if send and not targets:
        raise UsageError(
            "--send: no notification targets are configured",
            f'add notify = ["ntfy://your-topic"] to {config.path}, or give --notify URL',
        )
    found = _due(settings, duration(config.pick("within", within)), once, episodes, targets)
    lines = found.lines()
    if output is not None:
        _write_due_rows(settings, output, found, episodes)
    else:
        sys.stdout.write("".join(lines))
        sys.stdout.flush()
    if targets and lines:
        _deliver(settings, targets, lines, found, once)
    if not found.views and not found.episodes and not (output is None and found.arrived):
        raise typer.Exit(ExitCode.NOTHING)


def _due(
    settings: "Settings",
    horizon: "Duration | None",
    once: bool,
    episodes: bool,
    targets: list[str],
) -> "Due":
    """What is due; with --once only what was not said before, remembered at once unless
    it is to be sent first (then once every target took it, without the lock meanwhile)."""
    from showtrack.tracker import due

    if settings.say_if_missing():  # nothing is due; --once must not start a database
        return due.Due([], [])
    today, clock_ = settings.today(), settings.clock()
    if not once:
        return due.due_now(settings.read_listing(), today, horizon, clock_, episodes=episodes)
    if targets:
        st = settings.read_store()
        return due.not_said_before(st, today, horizon, clock_, episodes=episodes, remembered=False)
    with settings.write_store() as st:
        return due.not_said_before(st, today, horizon, clock_, episodes=episodes, remembered=True)


def _write_due_rows(settings: "Settings", output: str, found: "Due", episodes: bool) -> None:
    from showtrack.models import ReleaseView

    fmt = output_format(output, ("json", "jsonl", "csv", "tsv"))
    mixed = bool(episodes)
    emit(
        settings,
        fmt,
        found.rows(),
        table=lambda r, console: None,
        to_dict=_entry_dict if mixed else ReleaseView.to_row,
        columns=(_mixed_columns() if mixed else release_columns())
        if fmt in ("csv", "tsv")
        else None,
    )


def _deliver(
    settings: "Settings", targets: list[str], lines: list[str], found: "Due", once: bool
) -> None:
    """Send the lines (no lock is held); with --once, remember them as reported only once
    every target took them. A failed target is exit 5, naming it, its secrets masked."""
    from showtrack import notify
    from showtrack.errors import NetworkError
    from showtrack.sources.http import read_timeout
    from showtrack.tracker import due

    count = len(found.views) + len(found.episodes)
    title = f"showtrack: {count} due" if count else "showtrack: news in the inbox"
    deliveries = notify.send(targets, title, "".join(lines), read_timeout())
    failed = [d for d in deliveries if not d.delivered]
    if not failed and once:
        with settings.write_store() as st:
            due.remember(st, found)
    for delivery in failed:
        typer.echo(f"showtrack: not delivered to {delivery.target}: {delivery.why}", err=True)
    if failed:
        again = "; they are sent again on the next run" if once else ""
        raise NetworkError(
            f"{len(failed)} of {len(deliveries)} targets did not get the lines{again}"
        )

"""`notify test|list` and `config path|show`: the targets messages go to, and the config
file (spec/notify.md). Secrets are masked in everything printed."""

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import typer

from showtrack.cli.context import emit, output_format
from showtrack.cli.options import argument, config_app, notify_app, option, settings_of
from showtrack.errors import ExitCode, NetworkError, UsageError

FORMAT_HELP = "table, json, jsonl, csv or tsv"


@notify_app.command("test")
def notify_test(
    ctx: typer.Context,
    urls: Annotated[
        list[str] | None, argument("Apprise URLs (default: the configured ones)", metavar="URL...")
    ] = None,
) -> None:
    """Send a test message to each URL given, else to the configured targets, and say for
    each whether it was delivered. Exits 5 if any was not."""
    from showtrack import notify
    from showtrack.config import load_config
    from showtrack.sources.http import read_timeout

    config = load_config()
    targets = list(urls or []) or config.pick("notify")
    if not targets:
        raise UsageError(
            "no target: give an Apprise URL, or configure some",
            f'e.g. notify = ["ntfy://your-topic"] in {config.path}',
        )
    body = "A test message from showtrack: this target will get the lines of `check --send`."
    deliveries = notify.send(targets, "showtrack: test", body, read_timeout())
    for delivery in deliveries:
        if delivery.delivered:
            typer.echo(f"delivered: {delivery.target}")
        else:
            typer.echo(f"not delivered: {delivery.target}: {delivery.why}")
    failed = sum(not d.delivered for d in deliveries)
    if failed:
        raise NetworkError(f"{failed} of {len(deliveries)} targets did not get the test message")


@notify_app.command("list")
def notify_list(
    ctx: typer.Context,
    output: Annotated[str | None, option("-o --output", FORMAT_HELP, metavar="FORMAT")] = None,
) -> None:
    """The configured targets, their secrets masked; exits 1 when there are none."""
    from showtrack.config import load_config, mask

    config = load_config()
    origin = config.settings["notify"].origin
    rows = [{"target": mask(url), "from": origin} for url in config.pick("notify")]
    emit(
        settings_of(ctx),
        output_format(output),
        rows,
        table=lambda _, console: _plain_table(console, ("target", "from"), rows),
        to_dict=dict,
        columns=("target", "from"),
    )
    if not rows:
        raise typer.Exit(ExitCode.NOTHING)


@config_app.command("path")
def config_path_command() -> None:
    """Where the config file is read from (it may not exist yet)."""
    from showtrack.config import config_path

    typer.echo(str(config_path()))


@config_app.command("show")
def config_show(
    ctx: typer.Context,
    output: Annotated[str | None, option("-o --output", FORMAT_HELP, metavar="FORMAT")] = None,
) -> None:
    """The settings in effect and where each came from (option, environment, file,
    default), secrets masked."""
    from showtrack.config import load_config, rows

    settings = settings_of(ctx)
    config = load_config()
    exists = "exists" if config.path.exists() else "does not exist"
    if settings.db is not None:
        db_origin = "option" if "--db" in sys.argv else "environment"
    else:
        db_origin = "environment" if os.environ.get("SHOWTRACK_DB") else "default"
    shown = [
        {"setting": "config", "value": f"{config.path} ({exists})", "from": "default"},
        {"setting": "db", "value": str(settings.db_path), "from": db_origin},
        *rows(config),
    ]
    emit(
        settings,
        output_format(output),
        shown,
        table=lambda _, console: _plain_table(console, ("setting", "value", "from"), shown),
        to_dict=dict,
    )


def _plain_table(console: object, keys: tuple[str, ...], rows: Sequence[Mapping[str, Any]]) -> None:
    from showtrack.render.news import plain_table

    plain_table(console, keys, rows)  # type: ignore[arg-type]

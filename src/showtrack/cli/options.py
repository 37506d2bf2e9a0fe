"""The Typer app, the global options and the option aliases every command shares.

The commands live in a module a family (cli/__init__.COMMAND_MODULES);
`showtrack.cli.main` runs them.
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from showtrack import __version__, clock
from showtrack.cli.completion import NETWORKS, SEASONS, SHOW_NAMES, TAGS, words
from showtrack.cli.context import OUTPUT_FORMATS, Settings
from showtrack.errors import ExitCode

if TYPE_CHECKING:
    from datetime import date

    from showtrack.models import Proposal

app = typer.Typer(
    name="showtrack",
    help="Track upcoming TV releases by what is actually known: a release window "
    '("spring 2018", "not before 2018"), its sources, how it moved, what it waits on.\n\n'
    'Start with:  showtrack add "Jessica Jones" --network Netflix\n\n'
    'then:  showtrack expect "Jessica Jones" 2 "spring 2018" --source "Hollywood Reporter"',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help appears at once: Typer's Rich panels cost Rich, markdown-it and pygments
    # on every --help (bench/RESULTS.md), more than a listing of 1,000 releases.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
db_app = typer.Typer(
    help="Where the data lives; verify it; roll back to the last backup.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")
feed_app = typer.Typer(
    help="The news feeds you follow: add, list, remove, import and export (OPML).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(feed_app, name="feed")
inbox_app = typer.Typer(
    help="Proposals from the news waiting for you: list, accept, dismiss, review.",
    rich_markup_mode=None,
)
app.add_typer(inbox_app, name="inbox")
notify_app = typer.Typer(
    help="Notifications through Apprise: send a test message, list the targets.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(notify_app, name="notify")
config_app = typer.Typer(
    help="The config file (showtrack.toml): where it is, and the settings in effect.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(config_app, name="config")


def settings_of(ctx: typer.Context) -> Settings:
    """The global options of this run (--db, --today, --no-color)."""
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings(None, None, False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"showtrack {__version__}")
        raise typer.Exit(ExitCode.OK)


def option(names: str, help: str, **settings: Any) -> Any:
    """typer.Option for the space-separated `names`, with its help line. Its value is
    named after the option in the help (`--network NETWORK`) unless `metavar` says."""
    flags = names.split()
    settings.setdefault("metavar", max(flags, key=len).lstrip("-").upper())
    return typer.Option(*flags, help=help, **settings)


def argument(help: str, **settings: Any) -> Any:
    """typer.Argument with its help line. Give it a `metavar` in capitals (SHOW, SEASON,
    FILE), as options' values are named: usage lines then read alike everywhere."""
    return typer.Argument(help=help, **settings)


DB_HELP = "the database file (default: showtrack.json in your user data folder)"
TODAY_HELP = (
    "pretend today is DATE (2017-07-01, 'march 8', 'last friday'): for demos, tests, "
    "'what did we expect then'"
)


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None, option("--db", DB_HELP, envvar="SHOWTRACK_DB", metavar="PATH")
    ] = None,
    today: Annotated[
        str | None, option("--today", TODAY_HELP, envvar="SHOWTRACK_TODAY", metavar="DATE")
    ] = None,
    no_color: Annotated[bool, option("--no-color", "no colour (also: NO_COLOR=1)")] = False,
    version: Annotated[
        bool, option("--version", "print the version and exit", is_eager=True, callback=_version)
    ] = False,
) -> None:
    if today is not None:  # checked where it enters, even for a command that needs no day
        clock.today(today)
    ctx.obj = Settings(db, today, no_color or bool(os.environ.get("NO_COLOR")))


# --------------------------------------------------------------------------- shared options


SHOW_HELP = "a show's title, id, alias or a unique part of one"
OUTPUT_HELP = f"{', '.join(OUTPUT_FORMATS)} (default: table on a terminal, tsv when piped)"
LIMIT_HELP = "rows to show; a table shows 20 by default, machine formats all; 0 for all"

ShowArg = Annotated[str, argument(SHOW_HELP, click_type=SHOW_NAMES, metavar="SHOW")]
SeasonArg = Annotated[
    str,
    argument(
        "season number (2, S2) or a name for a special or film",
        click_type=SEASONS,
        metavar="SEASON",
    ),
]
OptionalSeason = Annotated[
    str | None,
    argument("one release of it (or give show-id/s2)", click_type=SEASONS, metavar="SEASON"),
]
Output = Annotated[
    str | None,
    option("-o --output", OUTPUT_HELP, metavar="FORMAT", click_type=words(*OUTPUT_FORMATS)),
]
TableOrJson = Annotated[
    str | None,
    option("-o --output", "table or json", metavar="FORMAT", click_type=words("table", "json")),
]
Limit = Annotated[int | None, option("--limit", LIMIT_HELP, min=0, metavar="N")]
Networks = Annotated[
    list[str],
    option("--network", "only this network (repeat)", click_type=NETWORKS, metavar="NETWORK"),
]
Tags = Annotated[
    list[str], option("--tag", "only shows with this tag (repeat)", click_type=TAGS, metavar="TAG")
]
IncludeAll = Annotated[bool, option("--all", "include released releases")]
AsOf = Annotated[
    str | None, option("--as-of", "the day it was said (default: today)", metavar="DATE")
]
Region = Annotated[
    str | None, option("--region", "country code (US, GB, AU...): seasons follow it")
]
Note = Annotated[str | None, option("--note", "a note")]
SourceName = Annotated[str | None, option("--source", "who said so")]


# --------------------------------------------------------------------------- helpers


def echo_safe(text: str) -> None:
    """One line of our own words around database text, made safe for the terminal."""
    from showtrack.text import printable

    typer.echo(printable(text))


def ask(question: str, default: str, *, show_default: bool = True) -> str | None:
    """A line typed at the terminal (its default when it is left empty); None at the
    end of input (Ctrl-D), which the caller takes as "quit", as `git add -p` does.
    Ctrl-C still interrupts the command (exit 130)."""
    shown = f" [{default}]" if show_default and default else ""
    try:
        line = input(f"{question}{shown}: ")
    except EOFError:
        sys.stdout.write("\n")  # the cursor was left on the prompt's line
        return None
    return line.strip() or default


class Quit(Exception):
    """The person ended a review at a prompt (Ctrl-D): what was decided before stands."""


def ask_revision(proposal: "Proposal", as_of: "date", region: str | None) -> "Proposal | None":
    """Ask for a proposal's phrase and season again, as `e` in a review: the proposal
    they read as, or None when they do not read (the message says why, and the review
    asks again). Quit at Ctrl-D."""
    from showtrack.errors import UsageError, WindowError
    from showtrack.reader.statements import revise

    phrase = ask("phrase", proposal.phrase) if proposal.window else proposal.phrase
    season = ask("season (a number, - for none)", str(proposal.season or "-"))
    if phrase is None or season is None:  # Ctrl-D while editing: quit
        raise Quit
    try:
        return revise(proposal, phrase, season, as_of, region)
    except (UsageError, WindowError) as exc:
        typer.echo(f"{exc.message}" + (f" ({exc.hint})" if exc.hint else ""))
        return None


def day_option(
    settings: Settings, text: str | None, what: str, direction: str = "past"
) -> "date | None":
    """The day a date option names (None when it was not given): an ISO date, or words
    for one read against today ("yesterday", "last monday", "march 8"; spec/cli.md).
    `direction`: a looking-back option reads "friday" as the last one, a looking-ahead
    one as the next."""
    if text is None:
        return None
    from showtrack.windows.days import parse_day

    return parse_day(text, settings.today(), what, "future" if direction == "future" else "past")
